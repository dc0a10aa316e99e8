//! `/unit`: the tree of unit kerja and one unit with its positions.

use super::pegawai::id_path;
use super::{Layout, render};
use crate::AppState;
use crate::error::{AppError, PageError};
use crate::layanan::{
    PetaUnit, daftar_jabatan, jumlah_per_unit, lingkup_mencakup_unit, pohon_unit,
};
use crate::sesi::Sesi;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use kompeten_domain::format::ribuan;
use kompeten_store::{JabatanQuery, Lingkup, UnitId};
use std::collections::HashMap;

/// One unit of the tree, flattened in depth-first order with its nesting.
pub(crate) struct Simpul {
    pub id: i64,
    pub nama: String,
    pub jenis: &'static str,
    pub jumlah: Option<String>,
    /// Opens a nested list for the children that follow.
    pub punya_anak: bool,
    /// How many nested lists close after this unit.
    pub tutup: usize,
}

/// Depth-first order from the parent links, siblings in the store's order.
pub(crate) fn urutan_pohon(units: &PetaUnit) -> Vec<(usize, usize)> {
    let mut anak: HashMap<Option<UnitId>, Vec<usize>> = HashMap::new();
    for (i, u) in units.units.iter().enumerate() {
        // A parent that is not in the list makes the unit a root, so nothing is lost.
        let induk = u.induk.filter(|p| units.get(*p).is_some());
        anak.entry(induk).or_default().push(i);
    }
    let mut out = Vec::with_capacity(units.units.len());
    let mut tumpukan: Vec<(usize, usize)> = anak
        .get(&None)
        .map(|r| r.iter().rev().map(|&i| (i, 0)).collect())
        .unwrap_or_default();
    while let Some((i, depth)) = tumpukan.pop() {
        out.push((i, depth));
        if let Some(kids) = anak.get(&Some(units.units[i].id)) {
            tumpukan.extend(kids.iter().rev().map(|&k| (k, depth + 1)));
        }
    }
    out
}

/// Counts are shown only for units inside the reader's scope: elsewhere a
/// zero would wrongly read as "nobody works here".
fn simpul(
    units: &PetaUnit,
    jumlah: Option<&HashMap<UnitId, u64>>,
    lingkup: Lingkup,
) -> Vec<Simpul> {
    let urutan = urutan_pohon(units);
    urutan
        .iter()
        .enumerate()
        .map(|(n, &(i, depth))| {
            let next_depth = urutan.get(n + 1).map_or(0, |&(_, d)| d);
            let u = &units.units[i];
            Simpul {
                id: u.id.0,
                nama: u.nama.clone(),
                jenis: u.jenis.label(),
                jumlah: jumlah
                    .filter(|_| lingkup_mencakup_unit(lingkup, u))
                    .map(|j| ribuan(j.get(&u.id).copied().unwrap_or(0))),
                punya_anak: next_depth > depth,
                tutup: depth.saturating_sub(next_depth),
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "unit_daftar.html")]
struct DaftarTpl {
    layout: Layout,
    simpul: Vec<Simpul>,
    jumlah_unit: usize,
    catatan_lingkup: Option<&'static str>,
    /// Administrators may bring in master data.
    boleh_impor: bool,
}

fn catatan(lingkup: Lingkup) -> Option<&'static str> {
    match lingkup {
        Lingkup::Instansi => None,
        Lingkup::Unit(_) => Some("Jumlah pegawai ditampilkan hanya untuk unit yang Anda pimpin."),
        Lingkup::Pegawai(_) => Some("Jumlah pegawai per unit tidak ditampilkan untuk peran Anda."),
        Lingkup::Kosong => {
            Some("Peran Anda tidak melihat data pegawai, jadi jumlah pegawai tidak ditampilkan.")
        }
    }
}

pub(crate) async fn daftar(
    State(state): State<AppState>,
    sesi: Sesi,
) -> Result<Response, PageError> {
    let pohon = pohon_unit(&state, &sesi).await?;
    let tpl = DaftarTpl {
        layout: Layout::untuk(&sesi, "Unit kerja", "unit"),
        simpul: simpul(&pohon.units, pohon.jumlah.as_ref(), sesi.lingkup()),
        jumlah_unit: pohon.units.units.len(),
        catatan_lingkup: catatan(sesi.lingkup()),
        boleh_impor: sesi.role() == kompeten_domain::Role::AdminBkpsdm,
    };
    render(&tpl)
}

pub(crate) struct AnakView {
    pub id: i64,
    pub nama: String,
    pub jenis: &'static str,
    pub jumlah: Option<String>,
}

pub(crate) struct JabatanUnitView {
    pub id: i64,
    pub nama: String,
    pub tingkat: String,
    pub kelas: String,
    pub pemegang: Option<String>,
    pub standar: u64,
}

#[derive(Template)]
#[template(path = "unit_detail.html")]
struct DetailTpl {
    layout: Layout,
    nama: String,
    kode: String,
    jenis: &'static str,
    jalur: Vec<(i64, String)>,
    anak: Vec<AnakView>,
    jabatan: Vec<JabatanUnitView>,
    jumlah: Option<String>,
    tautan_pegawai: Option<String>,
    /// The batch assessment entry for this unit, for writers within scope.
    tautan_batch: Option<String>,
    catatan_lingkup: Option<&'static str>,
}

pub(crate) async fn detail(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
) -> Result<Response, PageError> {
    let id = UnitId(id_path(&raw)?);
    let store = state.store();
    let units = PetaUnit::muat(store, &sesi).await?;
    let unit = units.get(id).ok_or(AppError::NotFound)?.clone();
    let lingkup = sesi.lingkup();
    let per_unit = jumlah_per_unit(store, &sesi, &units).await?;
    let hitung = |u: UnitId| {
        per_unit
            .as_ref()
            .filter(|_| {
                units
                    .get(u)
                    .is_some_and(|u| lingkup_mencakup_unit(lingkup, u))
            })
            .map(|m| ribuan(m.get(&u).copied().unwrap_or(0)))
    };
    let q = JabatanQuery {
        unit: Some(id),
        ..JabatanQuery::default()
    };
    let jabatan = daftar_jabatan(&state, &sesi, &q)
        .await?
        .into_iter()
        .filter(|b| b.row.jabatan.unit == id)
        .map(|b| JabatanUnitView {
            id: b.row.jabatan.id.0,
            pemegang: b.pemegang.map(ribuan),
            nama: b.row.jabatan.nama,
            tingkat: b.row.jabatan.tingkat.label(),
            kelas: b
                .row
                .jabatan
                .kelas
                .map_or_else(|| "—".to_owned(), |k| k.to_string()),
            standar: b.row.jumlah_standar,
        })
        .collect();
    let tpl = DetailTpl {
        layout: Layout::untuk(&sesi, &unit.nama, "unit"),
        nama: unit.nama.clone(),
        kode: unit.kode.clone(),
        jenis: unit.jenis.label(),
        jalur: units
            .jalur(id)
            .iter()
            .map(|u| (u.id.0, u.nama.clone()))
            .collect(),
        anak: units
            .anak(id)
            .map(|a| AnakView {
                id: a.id.0,
                nama: a.nama.clone(),
                jenis: a.jenis.label(),
                jumlah: hitung(a.id),
            })
            .collect(),
        jabatan,
        jumlah: hitung(id),
        tautan_pegawai: lingkup_mencakup_unit(lingkup, &unit)
            .then(|| format!("/pegawai?unit={}", unit.id)),
        tautan_batch: (sesi.role().may_write() && lingkup_mencakup_unit(lingkup, &unit))
            .then(|| format!("/penilaian/batch?unit={}", unit.id)),
        catatan_lingkup: catatan(lingkup),
    };
    render(&tpl)
}
