//! The needs of a year (AKPK, analisis kebutuhan pengembangan kompetensi)
//! per employee: the gaps against their position's standard, the gaps of
//! expired assessments, and approved requests (usulan), each weighted by
//! the instansi's priority settings. The plan's optimiser reads exactly
//! these needs (`crate::rencana`).
//!
//! A need's weight is `standard weight × source factor × front-line factor`:
//! the standard weight is the competency's weight in the position's
//! standard (1 when a request names a competency outside it); the source
//! factor is the largest of its sources' factors (a current gap 1, an
//! expired assessment `bobot_kedaluwarsa`, a request `bobot_usulan`); the
//! front-line factor is `bobot_layanan_publik` for staff of the units named
//! in `unit_layanan_publik` (and below) and 1 otherwise. Where a gap and a
//! request name the same competency, the larger number of levels counts.

use crate::analitik::{DataAnalitik, PengaturanAnalitik};
use crate::laporan::{GalatLaporan, semua_pegawai};
use kompeten_domain::{Nip, StatusUsulan};
use kompeten_engine::kesenjangan::{StatusKompetensi, hitung_pegawai};
use kompeten_store::{
    InstansiId, KompetensiId, Lingkup, PegawaiId, Store, Unit, UnitId, UsulanQuery,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use time::Date;

/// The priority settings of the needs, stored as JSON under
/// [`PengaturanKebutuhan::KUNCI`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PengaturanKebutuhan {
    /// JP each employee should reach in a year (PP 17/2020 art. 203: at
    /// least 20 JP).
    pub jp_target: i64,
    /// Objective value of one JP toward the target, against 1 per weighted
    /// level closed.
    pub jp_value: f64,
    /// The most new JP one employee may take in a year.
    pub jp_cap: i64,
    /// Factor on the needs of front-line public-service staff.
    pub bobot_layanan_publik: f64,
    /// Codes of the front-line units (each with everything below it).
    pub unit_layanan_publik: Vec<String>,
    /// Factor on a gap known only from an expired assessment.
    pub bobot_kedaluwarsa: f64,
    /// Factor on an approved request.
    pub bobot_usulan: f64,
    /// The budget a new plan starts from, whole rupiah.
    pub anggaran: i64,
}

impl Default for PengaturanKebutuhan {
    fn default() -> Self {
        PengaturanKebutuhan {
            jp_target: 20,
            jp_value: 0.05,
            jp_cap: 60,
            bobot_layanan_publik: 1.5,
            unit_layanan_publik: Vec::new(),
            // The level is old news: it may have risen since.
            bobot_kedaluwarsa: 0.5,
            bobot_usulan: 1.0,
            anggaran: 750_000_000,
        }
    }
}

/// Why stored needs settings cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum PengaturanKebutuhanTidakValid {
    #[error("needs settings are not valid: {0}")]
    Json(#[from] serde_json::Error),
    #[error("needs settings are not valid: {0}")]
    Nilai(String),
}

impl PengaturanKebutuhan {
    /// The key in the store's per-instansi settings.
    pub const KUNCI: &'static str = "kebutuhan";

    /// Settings from their stored JSON; `None` (never set) gives the defaults.
    pub fn dari_json(nilai: Option<serde_json::Value>) -> Result<Self, GalatLaporan> {
        let atur: Self = match nilai {
            Some(v) => serde_json::from_value(v).map_err(PengaturanKebutuhanTidakValid::from)?,
            None => Self::default(),
        };
        atur.validasi()
            .map_err(PengaturanKebutuhanTidakValid::Nilai)?;
        Ok(atur)
    }

    pub fn ke_json(&self) -> serde_json::Value {
        // A struct of plain fields always serialises.
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }

    /// Checks the values; the message is Indonesian, for the settings form.
    pub fn validasi(&self) -> Result<(), String> {
        let faktor = |nama: &str, v: f64| {
            if v.is_finite() && (0.0..=100.0).contains(&v) {
                Ok(())
            } else {
                Err(format!("{nama} harus angka antara 0 dan 100."))
            }
        };
        if !(0..=1_000).contains(&self.jp_target) {
            return Err("Target JP harus antara 0 dan 1.000.".to_owned());
        }
        if !(0..=10_000).contains(&self.jp_cap) {
            return Err("Batas JP baru per pegawai harus antara 0 dan 10.000.".to_owned());
        }
        faktor("Nilai per JP", self.jp_value)?;
        faktor("Bobot layanan publik", self.bobot_layanan_publik)?;
        faktor("Bobot asesmen kedaluwarsa", self.bobot_kedaluwarsa)?;
        faktor("Bobot usulan", self.bobot_usulan)?;
        if !(0..=kompeten_engine::rencana::MAX_RUPIAH).contains(&self.anggaran) {
            return Err("Anggaran bawaan harus rupiah bulat yang tidak negatif.".to_owned());
        }
        if self
            .unit_layanan_publik
            .iter()
            .any(|k| k.trim().is_empty() || k.trim() != k)
        {
            return Err("Kode unit layanan publik tidak boleh kosong atau berspasi.".to_owned());
        }
        Ok(())
    }
}

/// Where a need comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SumberKebutuhan {
    /// A valid assessment below the position's standard.
    Kesenjangan,
    /// Only an expired assessment, below the standard.
    Kedaluwarsa,
    /// An approved request by the employee, their head or BKPSDM.
    Usulan,
}

impl SumberKebutuhan {
    pub const fn kode(self) -> &'static str {
        match self {
            SumberKebutuhan::Kesenjangan => "kesenjangan",
            SumberKebutuhan::Kedaluwarsa => "kedaluwarsa",
            SumberKebutuhan::Usulan => "usulan",
        }
    }

    pub const fn label(self) -> &'static str {
        match self {
            SumberKebutuhan::Kesenjangan => "Kesenjangan",
            SumberKebutuhan::Kedaluwarsa => "Asesmen kedaluwarsa",
            SumberKebutuhan::Usulan => "Usulan",
        }
    }

    fn faktor(self, atur: &PengaturanKebutuhan) -> f64 {
        match self {
            SumberKebutuhan::Kesenjangan => 1.0,
            SumberKebutuhan::Kedaluwarsa => atur.bobot_kedaluwarsa,
            SumberKebutuhan::Usulan => atur.bobot_usulan,
        }
    }
}

/// One competency an employee needs raised.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KebutuhanKompetensi {
    pub kompetensi: KompetensiId,
    pub kode: String,
    pub nama: String,
    /// Levels to raise.
    pub gap: u32,
    /// The weight after the priority factors.
    pub bobot: f64,
    /// Ascending, without duplicates.
    pub sumber: Vec<SumberKebutuhan>,
}

/// An employee's needs for the year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KebutuhanPegawai {
    pub pegawai: PegawaiId,
    pub nip: Nip,
    pub nama: String,
    pub unit: UnitId,
    pub unit_nama: String,
    pub opd: UnitId,
    pub opd_nama: String,
    /// Works in a front-line public-service unit.
    pub layanan_publik: bool,
    /// JP still missing toward the year's target.
    pub jp_kurang: i64,
    /// Ordered by competency code.
    pub kompetensi: Vec<KebutuhanKompetensi>,
}

/// The needs of a year within a reader's scope.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Kebutuhan {
    pub tahun: i32,
    pub pengaturan: PengaturanKebutuhan,
    /// Every active employee in scope, in list order (OPD, unit, name),
    /// including those without competency needs (they may still lack JP).
    pub pegawai: Vec<KebutuhanPegawai>,
}

/// The front-line units: those named and everything below them.
fn unit_layanan_publik(units: &[Unit], kode: &[String]) -> HashSet<UnitId> {
    let named: HashSet<UnitId> = units
        .iter()
        .filter(|u| kode.iter().any(|k| k == &u.kode))
        .map(|u| u.id)
        .collect();
    units
        .iter()
        .filter(|u| u.jalur.iter().any(|a| named.contains(a)))
        .map(|u| u.id)
        .collect()
}

/// The needs of `tahun` for the active employees within `lingkup`, with
/// gaps judged on `hari_ini`.
pub async fn kebutuhan_instansi(
    store: &dyn Store,
    i: InstansiId,
    tahun: i32,
    hari_ini: Date,
    lingkup: Lingkup,
) -> Result<Kebutuhan, GalatLaporan> {
    let atur =
        PengaturanKebutuhan::dari_json(store.pengaturan(i, PengaturanKebutuhan::KUNCI).await?)?;
    let analitik =
        PengaturanAnalitik::dari_json(store.pengaturan(i, PengaturanAnalitik::KUNCI).await?)?;
    let rows = store.data_kesenjangan(i).await?;
    let d = DataAnalitik::bangun(&rows)?;
    drop(rows);
    let units = store.units(i).await?;
    let per_id: HashMap<UnitId, &Unit> = units.iter().map(|u| (u.id, u)).collect();
    let layanan = unit_layanan_publik(&units, &atur.unit_layanan_publik);
    let kamus: HashMap<KompetensiId, (String, String)> = store
        .list_kompetensi(i)
        .await?
        .into_iter()
        .map(|k| (k.id, (k.kode, k.nama)))
        .collect();
    let mut usulan: HashMap<PegawaiId, Vec<(KompetensiId, u32)>> = HashMap::new();
    for u in store
        .list_usulan(
            i,
            &UsulanQuery {
                lingkup,
                tahun: Some(tahun),
                status: Some(StatusUsulan::Disetujui),
            },
        )
        .await?
    {
        usulan
            .entry(u.pegawai)
            .or_default()
            .push((u.kompetensi, u32::from(u.naik_level)));
    }

    let jp_kurang = atur.jp_target.max(0);
    let mut hasil = Vec::new();
    for row in semua_pegawai(store, i, lingkup).await? {
        if !row.aktif {
            continue;
        }
        let Some(unit) = per_id.get(&row.unit) else {
            continue;
        };
        // (gap, standard weight, sources) per competency.
        let mut per_kompetensi: BTreeMap<KompetensiId, (u32, f64, Vec<SumberKebutuhan>)> =
            BTreeMap::new();
        if let Some(p) = d.pegawai_indeks(row.id) {
            let h = hitung_pegawai(
                &d.data,
                p,
                hari_ini,
                &analitik.jpm,
                &analitik.skala_pemetaan,
            )?;
            for r in &h.rincian {
                let (gap, sumber) = match r.status {
                    StatusKompetensi::Kurang { gap, .. } => (gap, SumberKebutuhan::Kesenjangan),
                    StatusKompetensi::Kedaluwarsa { level } if level < r.wajib => {
                        (r.wajib - level, SumberKebutuhan::Kedaluwarsa)
                    }
                    _ => continue,
                };
                let Some(kolom) = d.kolom(r.kompetensi) else {
                    continue;
                };
                per_kompetensi.insert(kolom.id, (u32::from(gap), f64::from(r.bobot), vec![sumber]));
            }
        }
        for &(k, naik) in usulan.get(&row.id).map_or(&[][..], Vec::as_slice) {
            let entry = per_kompetensi.entry(k).or_insert((0, 1.0, Vec::new()));
            entry.0 = entry.0.max(naik);
            entry.2.push(SumberKebutuhan::Usulan);
        }
        let faktor_layanan = if layanan.contains(&row.unit) {
            atur.bobot_layanan_publik
        } else {
            1.0
        };
        let mut kompetensi: Vec<KebutuhanKompetensi> = per_kompetensi
            .into_iter()
            .filter_map(|(k, (gap, bobot_standar, mut sumber))| {
                let (kode, nama) = kamus.get(&k)?.clone();
                sumber.sort_unstable();
                sumber.dedup();
                let faktor_sumber = sumber
                    .iter()
                    .map(|s| s.faktor(&atur))
                    .fold(0.0_f64, f64::max);
                Some(KebutuhanKompetensi {
                    kompetensi: k,
                    kode,
                    nama,
                    gap,
                    bobot: bobot_standar * faktor_sumber * faktor_layanan,
                    sumber,
                })
            })
            .collect();
        kompetensi.sort_by(|a, b| a.kode.cmp(&b.kode));
        hasil.push(KebutuhanPegawai {
            pegawai: row.id,
            nip: row.nip,
            nama: row.nama_lengkap,
            unit: row.unit,
            unit_nama: row.unit_nama,
            opd: unit.opd(),
            opd_nama: row.opd_nama,
            layanan_publik: layanan.contains(&row.unit),
            // JP records of the year are not kept yet: everyone starts at 0.
            jp_kurang,
            kompetensi,
        });
    }
    Ok(Kebutuhan {
        tahun,
        pengaturan: atur,
        pegawai: hasil,
    })
}
