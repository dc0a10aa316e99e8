//! The engine's gap data built from the store's analytics rows.
//!
//! One builder for the web layer (which caches the result per instansi) and
//! the CLI exports, so both index competencies, positions and employees the
//! same way. The result is scope-free: callers pick the employees a reader
//! may see with [`DataAnalitik::pilih`].

use kompeten_domain::{JenisJabatan, KelompokKompetensi, MasaBerlaku};
use kompeten_engine::kesenjangan::{
    Data, GalatData, ItemStandar, Pembangun, PengaturanJpm, SkalaKategori, nomor_hari,
};
use kompeten_store::{
    DataKesenjangan, JabatanId, KompetensiId, PegawaiAnalitik, PegawaiId, UnitId,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Index meaning "none" in the engine's index columns; an unknown
/// competency in a standard gets it so the engine reports the standard.
const TANPA: u32 = u32::MAX;

/// A competency of the dictionary, at its engine index.
#[derive(Debug, Clone)]
pub struct KompetensiKolom {
    pub indeks: u32,
    pub id: KompetensiId,
    pub kode: String,
    pub nama: String,
    pub kelompok: KelompokKompetensi,
}

/// The engine data of one instansi with the maps between store ids and
/// engine indexes.
#[derive(Debug)]
pub struct DataAnalitik {
    pub data: Data,
    /// The dictionary in display order (managerial, socio-cultural,
    /// technical, then code); position = engine index.
    pub kompetensi: Vec<KompetensiKolom>,
    /// Store rows by engine employee index.
    pub pegawai: Vec<PegawaiAnalitik>,
    /// Position type by engine position index.
    pub jenis_jabatan: Vec<JenisJabatan>,
    /// Store id by engine unit index.
    pub unit: Vec<UnitId>,
    kompetensi_indeks: HashMap<KompetensiId, u32>,
    jabatan_indeks: HashMap<JabatanId, u32>,
    pegawai_indeks: HashMap<PegawaiId, u32>,
    unit_indeks: HashMap<UnitId, u32>,
}

/// The analytics settings of an instansi, stored as JSON under
/// [`PengaturanAnalitik::KUNCI`]; an instansi that never set them gets
/// [`Default`] (regulations.md §2: cap on, standard weights, one pool, the
/// mapping scale for categories and the selection scale for job fit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PengaturanAnalitik {
    pub jpm: PengaturanJpm,
    /// Categories of an employee's JPM against their own position.
    pub skala_pemetaan: SkalaKategori,
    /// Categories of job fit against another position.
    pub skala_seleksi: SkalaKategori,
    /// The lowest band of `skala_seleksi` that counts as eligible (0: only
    /// the best band, "Memenuhi Syarat").
    pub ambang_seleksi: u8,
    /// The share of a position's standard (percent, 0..=100) that must be
    /// validly assessed before a job-fit JPM counts as eligible: JPM is over
    /// the assessed competencies only, and a selection assesses them all.
    pub cakupan_minimal_seleksi: u8,
    /// How long a new assessment counts (each record keeps its own end
    /// date, so changing this never re-dates the past).
    pub masa_berlaku: MasaBerlaku,
}

impl Default for PengaturanAnalitik {
    fn default() -> Self {
        PengaturanAnalitik {
            jpm: PengaturanJpm::default(),
            skala_pemetaan: SkalaKategori::pemetaan(),
            skala_seleksi: SkalaKategori::seleksi(),
            ambang_seleksi: 0,
            cakupan_minimal_seleksi: 100,
            masa_berlaku: MasaBerlaku::default(),
        }
    }
}

/// Why stored settings cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum PengaturanTidakValid {
    #[error("analytics settings are not valid: {0}")]
    Json(#[from] serde_json::Error),
    #[error("the eligibility threshold {ambang} is outside the selection scale of {pita} bands")]
    AmbangDiLuarSkala { ambang: u8, pita: usize },
    #[error("the minimum assessed share {0} is above 100 percent")]
    CakupanDiAtas100(u8),
    #[error(transparent)]
    MasaBerlaku(#[from] kompeten_domain::validity::MasaBerlakuError),
}

impl PengaturanAnalitik {
    /// The key in the store's per-instansi settings.
    pub const KUNCI: &'static str = "analitik";

    /// Settings from their stored JSON; `None` (never set) gives the defaults.
    pub fn dari_json(nilai: Option<serde_json::Value>) -> Result<Self, PengaturanTidakValid> {
        let atur: Self = match nilai {
            Some(v) => serde_json::from_value(v)?,
            None => Self::default(),
        };
        atur.periksa()?;
        Ok(atur)
    }

    pub fn ke_json(&self) -> serde_json::Value {
        // A struct of plain fields always serialises.
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }

    pub fn periksa(&self) -> Result<(), PengaturanTidakValid> {
        MasaBerlaku::new(i64::from(self.masa_berlaku.tahun()))?;
        if self.cakupan_minimal_seleksi > 100 {
            return Err(PengaturanTidakValid::CakupanDiAtas100(
                self.cakupan_minimal_seleksi,
            ));
        }
        let pita = self.skala_seleksi.pita().len();
        if usize::from(self.ambang_seleksi) >= pita {
            return Err(PengaturanTidakValid::AmbangDiLuarSkala {
                ambang: self.ambang_seleksi,
                pita,
            });
        }
        Ok(())
    }
}

/// Display order of the groups: the dictionary's own.
pub fn urutan_kelompok(k: KelompokKompetensi) -> u8 {
    match k {
        KelompokKompetensi::Manajerial => 0,
        KelompokKompetensi::SosialKultural => 1,
        KelompokKompetensi::Teknis => 2,
    }
}

impl DataAnalitik {
    /// Builds the engine data. Employees of a unit the rows do not list are
    /// left out (the store's foreign keys make that impossible in practice).
    pub fn bangun(rows: &DataKesenjangan) -> Result<Self, GalatData> {
        let mut b = Pembangun::dengan_kapasitas(rows.pegawai.len(), rows.penilaian.len());
        let mut kamus: Vec<_> = rows.kompetensi.iter().collect();
        kamus.sort_by(|x, y| {
            (urutan_kelompok(x.kelompok), &x.kode).cmp(&(urutan_kelompok(y.kelompok), &y.kode))
        });
        let mut kompetensi_indeks = HashMap::with_capacity(kamus.len());
        let mut kompetensi = Vec::with_capacity(kamus.len());
        for k in kamus {
            let indeks = b.tambah_kompetensi(k.id.0, k.kelompok);
            kompetensi_indeks.insert(k.id, indeks);
            kompetensi.push(KompetensiKolom {
                indeks,
                id: k.id,
                kode: k.kode.clone(),
                nama: k.nama.clone(),
                kelompok: k.kelompok,
            });
        }
        let k_idx = |id: KompetensiId| kompetensi_indeks.get(&id).copied().unwrap_or(TANPA);
        let mut jabatan_indeks = HashMap::with_capacity(rows.jabatan.len());
        let mut jenis_jabatan = Vec::with_capacity(rows.jabatan.len());
        let mut standar = Vec::new();
        for j in &rows.jabatan {
            standar.clear();
            standar.extend(j.standar.iter().map(|s| ItemStandar {
                kompetensi: k_idx(s.kompetensi),
                level: s.level.get(),
                bobot: s.bobot,
            }));
            jabatan_indeks.insert(j.id, b.tambah_jabatan(j.id.0, Some(j.tingkat), &standar));
            jenis_jabatan.push(j.tingkat.jenis());
        }
        let mut unit_indeks = HashMap::with_capacity(rows.unit.len());
        for u in &rows.unit {
            unit_indeks.insert(*u, b.tambah_unit(u.0));
        }
        let mut pegawai_indeks = HashMap::with_capacity(rows.pegawai.len());
        let mut pegawai = Vec::with_capacity(rows.pegawai.len());
        for p in &rows.pegawai {
            let Some(&u) = unit_indeks.get(&p.unit) else {
                continue;
            };
            let j = p.jabatan.and_then(|j| jabatan_indeks.get(&j).copied());
            let idx = b.tambah_pegawai(p.id.0, u, j, p.status, p.aktif);
            pegawai_indeks.insert(p.id, idx);
            pegawai.push(*p);
        }
        for n in &rows.penilaian {
            let Some(&p) = pegawai_indeks.get(&n.pegawai) else {
                continue;
            };
            b.tambah_penilaian(
                p,
                k_idx(n.kompetensi),
                n.level.get(),
                nomor_hari(n.tanggal),
                nomor_hari(n.berlaku_sampai),
                n.id.0,
            );
        }
        Ok(DataAnalitik {
            data: b.selesai()?,
            kompetensi,
            pegawai,
            jenis_jabatan,
            unit: rows.unit.clone(),
            kompetensi_indeks,
            jabatan_indeks,
            pegawai_indeks,
            unit_indeks,
        })
    }

    pub fn kompetensi_indeks(&self, id: KompetensiId) -> Option<u32> {
        self.kompetensi_indeks.get(&id).copied()
    }

    pub fn jabatan_indeks(&self, id: JabatanId) -> Option<u32> {
        self.jabatan_indeks.get(&id).copied()
    }

    pub fn pegawai_indeks(&self, id: PegawaiId) -> Option<u32> {
        self.pegawai_indeks.get(&id).copied()
    }

    pub fn unit_indeks(&self, id: UnitId) -> Option<u32> {
        self.unit_indeks.get(&id).copied()
    }

    /// The competency at an engine index.
    pub fn kolom(&self, indeks: u32) -> Option<&KompetensiKolom> {
        self.kompetensi.get(indeks as usize)
    }

    /// The position type of an employee's position, if they have one.
    pub fn jenis_pegawai(&self, indeks: u32) -> Option<JenisJabatan> {
        let j = self.data.pegawai_jabatan(indeks)?;
        self.jenis_jabatan.get(j as usize).copied()
    }

    /// Engine indexes of the active employees `terima` accepts, ascending.
    pub fn pilih(&self, mut terima: impl FnMut(&PegawaiAnalitik) -> bool) -> Vec<u32> {
        self.pegawai
            .iter()
            .enumerate()
            .filter(|(_, p)| p.aktif && terima(p))
            .map(|(i, _)| i as u32)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kompeten_domain::{JenjangFungsional, Level, StatusAsn, TingkatJabatan};
    use kompeten_store::{
        JabatanAnalitik, KompetensiAnalitik, PenilaianAnalitik, PenilaianId, StandarItem,
    };
    use time::macros::date;

    fn rows() -> DataKesenjangan {
        let k = |id, kode: &str, kelompok| KompetensiAnalitik {
            id: KompetensiId(id),
            kode: kode.to_owned(),
            nama: format!("Kompetensi {kode}"),
            kelompok,
        };
        DataKesenjangan {
            unit: vec![UnitId(1), UnitId(2)],
            // Ascending by id as the store gives them; the builder reorders.
            kompetensi: vec![
                k(10, "T.01", KelompokKompetensi::Teknis),
                k(11, "M.01", KelompokKompetensi::Manajerial),
                k(12, "SK.01", KelompokKompetensi::SosialKultural),
            ],
            jabatan: vec![JabatanAnalitik {
                id: JabatanId(5),
                tingkat: TingkatJabatan::fungsional(JenjangFungsional::AhliPertama),
                standar: vec![
                    StandarItem {
                        kompetensi: KompetensiId(10),
                        level: Level::new(3).expect("valid"),
                        bobot: 1,
                    },
                    StandarItem {
                        kompetensi: KompetensiId(99),
                        level: Level::new(2).expect("valid"),
                        bobot: 1,
                    },
                ],
            }],
            pegawai: vec![
                PegawaiAnalitik {
                    id: PegawaiId(100),
                    unit: UnitId(1),
                    jabatan: Some(JabatanId(5)),
                    status: StatusAsn::Pns,
                    aktif: true,
                },
                PegawaiAnalitik {
                    id: PegawaiId(101),
                    unit: UnitId(7),
                    jabatan: None,
                    status: StatusAsn::Pns,
                    aktif: true,
                },
                PegawaiAnalitik {
                    id: PegawaiId(102),
                    unit: UnitId(2),
                    jabatan: None,
                    status: StatusAsn::Pppk,
                    aktif: false,
                },
            ],
            penilaian: vec![PenilaianAnalitik {
                id: PenilaianId(1),
                pegawai: PegawaiId(100),
                kompetensi: KompetensiId(10),
                level: Level::new(2).expect("valid"),
                tanggal: date!(2025 - 01 - 02),
                berlaku_sampai: date!(2028 - 01 - 02),
            }],
        }
    }

    #[test]
    fn settings_default_when_unset_and_round_trip() {
        let bawaan = PengaturanAnalitik::dari_json(None).expect("valid");
        assert!(bawaan.jpm.batasi_level);
        assert_eq!(bawaan, PengaturanAnalitik::default());
        let mut ubah = bawaan;
        ubah.jpm.batasi_level = false;
        ubah.ambang_seleksi = 1;
        assert_eq!(
            PengaturanAnalitik::dari_json(Some(ubah.ke_json())).expect("valid"),
            ubah
        );
        // Missing fields take their defaults; unknown ones are refused.
        let sebagian = serde_json::json!({"ambang_seleksi": 1});
        assert_eq!(
            PengaturanAnalitik::dari_json(Some(sebagian))
                .expect("valid")
                .ambang_seleksi,
            1
        );
        assert!(PengaturanAnalitik::dari_json(Some(serde_json::json!({"ambang": 1}))).is_err());
        assert!(
            PengaturanAnalitik::dari_json(Some(serde_json::json!({"masa_berlaku": {"tahun": 0}})))
                .is_err()
        );
        let luar = serde_json::json!({"ambang_seleksi": 3});
        assert!(matches!(
            PengaturanAnalitik::dari_json(Some(luar)),
            Err(PengaturanTidakValid::AmbangDiLuarSkala { ambang: 3, pita: 3 })
        ));
    }

    #[test]
    fn dictionary_in_display_order_and_maps_agree() {
        let d = DataAnalitik::bangun(&rows()).expect("valid");
        let kode: Vec<_> = d.kompetensi.iter().map(|k| k.kode.as_str()).collect();
        assert_eq!(kode, ["M.01", "SK.01", "T.01"]);
        for k in &d.kompetensi {
            assert_eq!(d.kompetensi_indeks(k.id), Some(k.indeks));
            assert_eq!(d.data.kompetensi_id(k.indeks), Some(k.id.0));
            assert_eq!(d.kolom(k.indeks).map(|c| c.id), Some(k.id));
        }
    }

    #[test]
    fn employee_of_unknown_unit_is_left_out_and_inactive_not_chosen() {
        let d = DataAnalitik::bangun(&rows()).expect("valid");
        assert_eq!(d.pegawai.len(), 2);
        assert_eq!(d.pegawai_indeks(PegawaiId(101)), None);
        let p = d.pegawai_indeks(PegawaiId(102)).expect("valid");
        assert_eq!(d.data.pegawai_id(p), Some(102));
        // 102 is inactive: never chosen, whatever the filter says.
        assert_eq!(d.pilih(|_| true), vec![0]);
        assert_eq!(d.jenis_pegawai(0), Some(JenisJabatan::Fungsional));
        assert_eq!(d.jenis_pegawai(1), None);
    }

    #[test]
    fn unknown_competency_in_a_standard_is_reported_not_dropped() {
        let d = DataAnalitik::bangun(&rows()).expect("valid");
        let q = d.data.kualitas();
        assert_eq!(q.standar_kompetensi_tidak_dikenal.jumlah, 1);
        assert_eq!(q.standar_kompetensi_tidak_dikenal.contoh, vec![5]);
        assert_eq!(d.data.jumlah_penilaian(), 1);
    }
}
