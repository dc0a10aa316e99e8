//! Lenient query parameters: pages ignore what they cannot use and say so;
//! the API turns the same findings into a 400.

use crate::error::AppError;
use crate::format::query_string;
use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use kompeten_domain::{JenisJabatan, StatusAsn};
use kompeten_store::UnitId;
use std::convert::Infallible;

/// The raw query pairs; a malformed query string gives no pairs instead of an error.
#[derive(Debug, Default, Clone)]
pub(crate) struct Params(Vec<(String, String)>);

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Params(
            Query::<Vec<(String, String)>>::try_from_uri(&parts.uri)
                .map(|q| q.0)
                .unwrap_or_default(),
        ))
    }
}

impl Params {
    /// The first non-empty value of `key`, trimmed.
    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.trim())
            .find(|v| !v.is_empty())
    }

    /// A whole number 1..=`maks` (a page, a page size) for the API, or
    /// `bawaan` when absent; anything else is a 400 naming the parameter.
    pub(crate) fn bilangan(&self, kunci: &str, bawaan: u32, maks: u32) -> Result<u32, AppError> {
        match self.get(kunci) {
            None => Ok(bawaan),
            Some(v) => v
                .parse::<u32>()
                .ok()
                .filter(|n| (1..=maks).contains(n))
                .ok_or_else(|| {
                    AppError::BadRequest(format!(
                        "Parameter {kunci} harus bilangan 1 sampai {maks}."
                    ))
                }),
        }
    }
}

/// What the API and downloads answer for filters a page would ignore: a
/// 400 naming every problem, so a file or a client never silently drops a
/// filter.
pub(crate) fn tolak_masalah(masalah: &[String]) -> Result<(), AppError> {
    if masalah.is_empty() {
        Ok(())
    } else {
        Err(AppError::BadRequest(masalah.join(" ")))
    }
}

/// The filters of the employee list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct FilterPegawai {
    pub q: Option<String>,
    pub opd: Option<UnitId>,
    pub unit: Option<UnitId>,
    pub jenis: Option<JenisJabatan>,
    pub status: Option<StatusAsn>,
    pub halaman: u32,
}

/// The filters of the position list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct FilterJabatan {
    pub q: Option<String>,
    pub opd: Option<UnitId>,
    pub jenis: Option<JenisJabatan>,
}

/// Longest search text accepted; longer input is cut.
const MAX_TEKS: usize = 100;

fn teks(p: &Params) -> Option<String> {
    p.get("q").map(|q| q.chars().take(MAX_TEKS).collect())
}

fn id_unit(p: &Params, key: &str, masalah: &mut Vec<String>) -> Option<UnitId> {
    let v = p.get(key)?;
    match v.parse::<i64>() {
        Ok(id) if id > 0 => Some(UnitId(id)),
        _ => {
            masalah.push(format!(
                "Nilai {key} \"{v}\" tidak dikenal; filter ini diabaikan."
            ));
            None
        }
    }
}

fn jenis(p: &Params, masalah: &mut Vec<String>) -> Option<JenisJabatan> {
    let v = p.get("jenis")?;
    match JenisJabatan::from_code(v) {
        Ok(j) => Some(j),
        Err(_) => {
            masalah.push(format!(
                "Jenis jabatan \"{v}\" tidak dikenal; filter ini diabaikan."
            ));
            None
        }
    }
}

/// Parses the employee filters; problems are described in Indonesian.
pub(crate) fn filter_pegawai(p: &Params) -> (FilterPegawai, Vec<String>) {
    let mut masalah = Vec::new();
    let status = p.get("status").and_then(|v| match StatusAsn::from_code(v) {
        Ok(s) => Some(s),
        Err(_) => {
            masalah.push(format!(
                "Status \"{v}\" tidak dikenal; filter ini diabaikan."
            ));
            None
        }
    });
    let halaman = match p.get("halaman").map(str::parse::<u32>) {
        None => 1,
        Some(Ok(h)) if h >= 1 => h,
        Some(_) => {
            masalah.push("Nomor halaman tidak valid; halaman pertama ditampilkan.".to_owned());
            1
        }
    };
    let f = FilterPegawai {
        q: teks(p),
        opd: id_unit(p, "opd", &mut masalah),
        unit: id_unit(p, "unit", &mut masalah),
        jenis: jenis(p, &mut masalah),
        status,
        halaman,
    };
    (f, masalah)
}

/// Parses the position filters; problems are described in Indonesian.
pub(crate) fn filter_jabatan(p: &Params) -> (FilterJabatan, Vec<String>) {
    let mut masalah = Vec::new();
    let f = FilterJabatan {
        q: teks(p),
        opd: id_unit(p, "opd", &mut masalah),
        jenis: jenis(p, &mut masalah),
    };
    (f, masalah)
}

impl FilterPegawai {
    /// The unit the list is narrowed to: a chosen unit, else a chosen OPD.
    pub(crate) fn unit_efektif(&self) -> Option<UnitId> {
        self.unit.or(self.opd)
    }

    /// The query string of these filters on another page, for shareable links.
    pub(crate) fn query(&self, halaman: u32) -> String {
        query_string([
            ("q", self.q.clone().unwrap_or_default()),
            ("opd", self.opd.map(|u| u.to_string()).unwrap_or_default()),
            ("unit", self.unit.map(|u| u.to_string()).unwrap_or_default()),
            (
                "jenis",
                self.jenis.map(|j| j.code().to_owned()).unwrap_or_default(),
            ),
            (
                "status",
                self.status.map(|s| s.code().to_owned()).unwrap_or_default(),
            ),
            (
                "halaman",
                if halaman > 1 {
                    halaman.to_string()
                } else {
                    String::new()
                },
            ),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> Params {
        Params(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        )
    }

    #[test]
    fn empty_values_are_no_filter_and_unknown_values_are_reported() {
        let (f, masalah) = filter_pegawai(&params(&[
            ("opd", ""),
            ("jenis", "bogus"),
            ("status", "pppk"),
            ("halaman", "0"),
            ("q", "  siti "),
        ]));
        assert_eq!(f.opd, None);
        assert_eq!(f.jenis, None);
        assert_eq!(f.status, Some(StatusAsn::Pppk));
        assert_eq!(f.halaman, 1);
        assert_eq!(f.q.as_deref(), Some("siti"));
        assert_eq!(masalah.len(), 2, "{masalah:?}");
        assert!(masalah[0].contains("bogus") || masalah[1].contains("bogus"));
    }

    #[test]
    fn filters_round_trip_through_the_query_string() {
        let (f, masalah) = filter_pegawai(&params(&[
            ("opd", "3"),
            ("jenis", "fungsional"),
            ("q", "Siti N"),
            ("halaman", "2"),
        ]));
        assert!(masalah.is_empty());
        assert_eq!(f.unit_efektif(), Some(UnitId(3)));
        assert_eq!(f.query(4), "?q=Siti%20N&opd=3&jenis=fungsional&halaman=4");
        assert_eq!(f.query(1), "?q=Siti%20N&opd=3&jenis=fungsional");
    }
}
