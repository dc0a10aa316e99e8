//! Reads shared by the pages and the API, each scoped by the session.
//!
//! Every function takes the [`Sesi`] and derives the scope from it; lists are
//! loaded once and indexed in memory so no page makes a store call per row.

use crate::AppState;
use crate::error::AppError;
use crate::sesi::Sesi;
use kompeten_domain::{JenisJabatan, KelompokKompetensi, Level, Role};
use kompeten_engine::kesenjangan::{
    HasilPegawai, ItemStandar, Pembangun, SkalaKategori, hitung_pegawai, nomor_hari,
};
use kompeten_engine::profil::{Hasil, LevelSaatIni, profil};
use kompeten_io::analitik::PengaturanAnalitik;
use kompeten_store::{
    Jabatan, JabatanId, JabatanQuery, JabatanRow, Lingkup, Pegawai, PegawaiId, PegawaiQuery,
    PegawaiRow, Penilaian, Skp, StandarEntry, Store, StoreResult, Unit, UnitId,
};
use std::collections::{BTreeMap, HashMap};
use time::Date;

/// All units of the instansi, indexed by id.
pub(crate) struct PetaUnit {
    pub units: Vec<Unit>,
    index: HashMap<UnitId, usize>,
}

impl PetaUnit {
    pub(crate) async fn muat(store: &dyn Store, sesi: &Sesi) -> StoreResult<Self> {
        let units = store.units(sesi.instansi_id()).await?;
        let index = units.iter().enumerate().map(|(i, u)| (u.id, i)).collect();
        Ok(PetaUnit { units, index })
    }

    pub(crate) fn get(&self, id: UnitId) -> Option<&Unit> {
        self.index.get(&id).map(|&i| &self.units[i])
    }

    /// The unit's path from its OPD down to itself.
    pub(crate) fn jalur(&self, id: UnitId) -> Vec<&Unit> {
        match self.get(id) {
            Some(u) => u.jalur.iter().filter_map(|a| self.get(*a)).collect(),
            None => Vec::new(),
        }
    }

    /// "Dinas Kesehatan › Puskesmas Talawi".
    pub(crate) fn jalur_teks(&self, id: UnitId) -> String {
        self.jalur(id)
            .iter()
            .map(|u| u.nama.as_str())
            .collect::<Vec<_>>()
            .join(" › ")
    }

    pub(crate) fn opd(&self) -> impl Iterator<Item = &Unit> {
        self.units.iter().filter(|u| u.induk.is_none())
    }

    pub(crate) fn anak(&self, id: UnitId) -> impl Iterator<Item = &Unit> {
        self.units.iter().filter(move |u| u.induk == Some(id))
    }

    /// The units a reader may filter the employee list by: every OPD for the
    /// whole instansi, the led unit and its direct children for a pimpinan.
    pub(crate) fn pilihan_filter(&self, lingkup: Lingkup) -> Vec<&Unit> {
        match lingkup {
            Lingkup::Instansi => self.opd().collect(),
            Lingkup::Unit(u) => self.get(u).into_iter().chain(self.anak(u)).collect(),
            Lingkup::Pegawai(_) | Lingkup::Kosong => Vec::new(),
        }
    }
}

/// Whether the reader's scope covers every employee of `unit`.
pub(crate) fn lingkup_mencakup_unit(lingkup: Lingkup, unit: &Unit) -> bool {
    match lingkup {
        Lingkup::Instansi => true,
        Lingkup::Unit(u) => unit.di_bawah(u),
        Lingkup::Pegawai(_) | Lingkup::Kosong => false,
    }
}

/// Whether the reader may see this employee's personal record.
pub(crate) fn lingkup_mencakup(lingkup: Lingkup, pegawai: &Pegawai, units: &PetaUnit) -> bool {
    match lingkup {
        Lingkup::Instansi => true,
        Lingkup::Unit(u) => units.get(pegawai.unit).is_some_and(|unit| unit.di_bawah(u)),
        Lingkup::Pegawai(p) => p == pegawai.id,
        Lingkup::Kosong => false,
    }
}

/// What a reader outside an employee's scope gets: a pegawai is told the
/// record does not exist; other roles are told they may not see it.
fn di_luar_lingkup(role: Role) -> AppError {
    if role == Role::Pegawai {
        AppError::NotFound
    } else {
        AppError::Forbidden
    }
}

/// Mitra see no personal data at all.
pub(crate) fn wajib_data_pribadi(sesi: &Sesi) -> Result<(), AppError> {
    if sesi.role().sees_personal_data() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Every active employee in the reader's scope, optionally narrowed; fetched in
/// large pages so counts per unit or position need no call per row.
pub(crate) async fn pegawai_dalam_lingkup(
    store: &dyn Store,
    sesi: &Sesi,
    unit: Option<UnitId>,
    jenis: Option<JenisJabatan>,
) -> StoreResult<Vec<PegawaiRow>> {
    const PER_HALAMAN: u32 = 1000;
    let lingkup = sesi.lingkup();
    if lingkup == Lingkup::Kosong {
        return Ok(Vec::new());
    }
    let mut semua = Vec::new();
    let mut halaman = 1;
    loop {
        let q = PegawaiQuery {
            unit,
            jenis_jabatan: jenis,
            halaman,
            per_halaman: PER_HALAMAN,
            ..PegawaiQuery::semua(lingkup)
        };
        let page = store.search_pegawai(sesi.instansi_id(), &q).await?;
        let habis = page.items.is_empty();
        semua.extend(page.items);
        if habis || semua.len() as u64 >= page.total {
            return Ok(semua);
        }
        halaman += 1;
    }
}

/// Active employees in scope per unit, counted in the unit itself and every
/// unit above it; `None` for a reader who sees no employees.
pub(crate) async fn jumlah_per_unit(
    store: &dyn Store,
    sesi: &Sesi,
    units: &PetaUnit,
) -> StoreResult<Option<HashMap<UnitId, u64>>> {
    let lingkup = sesi.lingkup();
    if lingkup == Lingkup::Kosong {
        return Ok(None);
    }
    let langsung = store
        .jumlah_pegawai_per_unit(sesi.instansi_id(), lingkup)
        .await?;
    Ok(Some(jumlah_bertingkat(&langsung, units)))
}

/// Adds each unit's own count to itself and to every unit above it.
pub(crate) fn jumlah_bertingkat(
    langsung: &[(UnitId, u64)],
    units: &PetaUnit,
) -> HashMap<UnitId, u64> {
    let mut out: HashMap<UnitId, u64> = HashMap::new();
    for &(unit, n) in langsung {
        match units.get(unit) {
            Some(u) => {
                for a in &u.jalur {
                    *out.entry(*a).or_default() += n;
                }
            }
            None => *out.entry(unit).or_default() += n,
        }
    }
    out
}

/// The current standing in one competency beside the position's requirement.
#[derive(Debug, Clone)]
pub(crate) struct BarisLevel {
    pub kompetensi: i64,
    pub kode: String,
    pub nama: String,
    pub kelompok: KelompokKompetensi,
    /// The required level when the competency is in the position's standard.
    pub standar: Option<Level>,
    pub bobot: Option<u32>,
    pub saat_ini: LevelSaatIni,
}

/// Everything the employee page and `/api/v1/pegawai/{id}` show.
pub(crate) struct ProfilPegawai {
    pub pegawai: Pegawai,
    pub units: PetaUnit,
    pub jabatan: Option<Jabatan>,
    pub standar: Vec<StandarEntry>,
    pub penilaian: Vec<Penilaian>,
    pub skp: Vec<Skp>,
    pub level: Vec<BarisLevel>,
    pub kesenjangan: KesenjanganPegawai,
    pub hari_ini: Date,
}

/// An employee's gaps and JPM against their position's standard.
pub(crate) struct KesenjanganPegawai {
    pub hasil: HasilPegawai,
    /// The scale the category is read on (mapping, by default).
    pub skala: SkalaKategori,
    /// Per engine competency index: id, code and name.
    pub kompetensi: Vec<(i64, String, String)>,
}

impl KesenjanganPegawai {
    pub(crate) fn kategori_label(&self) -> Option<&str> {
        self.hasil.kategori.map(|k| self.skala.label(k))
    }

    pub(crate) fn kompetensi(&self, k: u32) -> Option<&(i64, String, String)> {
        self.kompetensi.get(k as usize)
    }
}

/// Runs the gap engine over one employee's standard and assessments.
pub(crate) fn kesenjangan_pegawai(
    pegawai: &Pegawai,
    jabatan: Option<&Jabatan>,
    standar: &[StandarEntry],
    penilaian: &[Penilaian],
    hari_ini: Date,
    atur: &PengaturanAnalitik,
) -> Result<KesenjanganPegawai, AppError> {
    let mut b = Pembangun::new();
    let mut kompetensi: Vec<(i64, String, String)> = Vec::new();
    let mut indeks: HashMap<i64, u32> = HashMap::new();
    // Standard competencies first, in the standard's (dictionary) order.
    let mut tambah = |id: i64, kelompok, kode: &str, nama: &str, b: &mut Pembangun| {
        *indeks.entry(id).or_insert_with(|| {
            kompetensi.push((id, kode.to_owned(), nama.to_owned()));
            b.tambah_kompetensi(id, kelompok)
        })
    };
    let items: Vec<ItemStandar> = standar
        .iter()
        .map(|s| ItemStandar {
            kompetensi: tambah(s.kompetensi.0, s.kelompok, &s.kode, &s.nama, &mut b),
            level: s.level.get(),
            bobot: s.bobot,
        })
        .collect();
    let rows: Vec<(u32, &Penilaian)> = penilaian
        .iter()
        .map(|n| {
            let k = tambah(
                n.kompetensi.0,
                n.kelompok,
                &n.kompetensi_kode,
                &n.kompetensi_nama,
                &mut b,
            );
            (k, n)
        })
        .collect();
    let j = jabatan.map(|j| b.tambah_jabatan(j.id.0, Some(j.tingkat), &items));
    let u = b.tambah_unit(pegawai.unit.0);
    let p = b.tambah_pegawai(pegawai.id.0, u, j, pegawai.status, pegawai.aktif);
    for (k, n) in rows {
        b.tambah_penilaian(
            p,
            k,
            n.level.get(),
            nomor_hari(n.tanggal),
            nomor_hari(n.berlaku_sampai),
            n.id.0,
        );
    }
    let data = b
        .selesai()
        .map_err(|e| AppError::Internal(format!("gap data: {e}")))?;
    let skala = atur.skala_pemetaan.clone();
    let hasil = hitung_pegawai(&data, p, hari_ini, &atur.jpm, &skala)
        .map_err(|e| AppError::Internal(format!("gap computation: {e}")))?;
    Ok(KesenjanganPegawai {
        hasil,
        skala,
        kompetensi,
    })
}

pub(crate) async fn profil_pegawai(
    state: &AppState,
    sesi: &Sesi,
    id: PegawaiId,
) -> Result<ProfilPegawai, AppError> {
    wajib_data_pribadi(sesi)?;
    let store = state.store();
    let i = sesi.instansi_id();
    let lingkup = sesi.lingkup();
    // A pegawai can only ever see one record: answer before touching others.
    if let Lingkup::Pegawai(own) = lingkup
        && own != id
    {
        return Err(AppError::NotFound);
    }
    let pegawai = store.pegawai(i, id).await?;
    let units = PetaUnit::muat(store, sesi).await?;
    if !lingkup_mencakup(lingkup, &pegawai, &units) {
        return Err(di_luar_lingkup(sesi.role()));
    }
    let (jabatan, standar) = match pegawai.jabatan {
        Some(j) => (Some(store.jabatan(i, j).await?), store.standar(i, j).await?),
        None => (None, Vec::new()),
    };
    let penilaian = store.penilaian_pegawai(i, id).await?;
    let skp = store.skp_pegawai(i, id).await?;
    let atur = crate::analitik::pengaturan(state, i).await?;
    let hari_ini = state.hari_ini();
    let level = baris_level(&standar, &penilaian, hari_ini);
    let kesenjangan = kesenjangan_pegawai(
        &pegawai,
        jabatan.as_ref(),
        &standar,
        &penilaian,
        hari_ini,
        &atur,
    )?;
    Ok(ProfilPegawai {
        pegawai,
        units,
        jabatan,
        standar,
        penilaian,
        skp,
        level,
        kesenjangan,
        hari_ini,
    })
}

/// The standard's competencies first (in its order), then any other assessed one.
pub(crate) fn baris_level(
    standar: &[StandarEntry],
    penilaian: &[Penilaian],
    hari_ini: Date,
) -> Vec<BarisLevel> {
    let hasil: Vec<Hasil> = penilaian
        .iter()
        .map(|p| Hasil {
            id: p.id.0,
            kompetensi: p.kompetensi.0,
            level: p.level,
            metode: p.metode,
            tanggal: p.tanggal,
            berlaku_sampai: p.berlaku_sampai,
        })
        .collect();
    let mut sekarang = profil(&hasil, hari_ini);
    let mut out: Vec<BarisLevel> = standar
        .iter()
        .map(|s| BarisLevel {
            kompetensi: s.kompetensi.0,
            kode: s.kode.clone(),
            nama: s.nama.clone(),
            kelompok: s.kelompok,
            standar: Some(s.level),
            bobot: Some(s.bobot),
            saat_ini: sekarang
                .remove(&s.kompetensi.0)
                .unwrap_or(LevelSaatIni::BelumDinilai),
        })
        .collect();
    let mut lain: BTreeMap<(KelompokKompetensi, String), BarisLevel> = BTreeMap::new();
    for p in penilaian {
        if let Some(saat_ini) = sekarang.remove(&p.kompetensi.0) {
            lain.insert(
                (p.kelompok, p.kompetensi_kode.clone()),
                BarisLevel {
                    kompetensi: p.kompetensi.0,
                    kode: p.kompetensi_kode.clone(),
                    nama: p.kompetensi_nama.clone(),
                    kelompok: p.kelompok,
                    standar: None,
                    bobot: None,
                    saat_ini,
                },
            );
        }
    }
    out.extend(lain.into_values());
    out
}

/// A position in a list with its holder count within the reader's scope
/// (`None` for a reader who sees no employees).
pub(crate) struct BarisJabatan {
    pub row: JabatanRow,
    pub pemegang: Option<u64>,
}

pub(crate) async fn daftar_jabatan(
    state: &AppState,
    sesi: &Sesi,
    q: &JabatanQuery,
) -> Result<Vec<BarisJabatan>, AppError> {
    let store = state.store();
    let rows = store.list_jabatan(sesi.instansi_id(), q).await?;
    match sesi.lingkup() {
        Lingkup::Kosong => {
            return Ok(rows
                .into_iter()
                .map(|row| BarisJabatan {
                    row,
                    pemegang: None,
                })
                .collect());
        }
        // The store already counts the active holders in the whole instansi.
        Lingkup::Instansi => {
            return Ok(rows
                .into_iter()
                .map(|row| {
                    let n = row.jumlah_pegawai;
                    BarisJabatan {
                        row,
                        pemegang: Some(n),
                    }
                })
                .collect());
        }
        Lingkup::Unit(_) | Lingkup::Pegawai(_) => {}
    }
    // Holders are matched by position, not by their own unit, which may differ.
    let pegawai = pegawai_dalam_lingkup(store, sesi, None, q.jenis).await?;
    let mut per_jabatan: HashMap<JabatanId, u64> = HashMap::new();
    for p in &pegawai {
        if let Some(j) = p.jabatan {
            *per_jabatan.entry(j).or_default() += 1;
        }
    }
    // A zero for a position outside the scope would read as "vacant": show
    // no count there unless someone in scope holds it.
    let units = PetaUnit::muat(store, sesi).await?;
    let lingkup = sesi.lingkup();
    Ok(rows
        .into_iter()
        .map(|row| {
            let n = per_jabatan.get(&row.jabatan.id).copied().unwrap_or(0);
            let dalam_lingkup = units
                .get(row.jabatan.unit)
                .is_some_and(|u| lingkup_mencakup_unit(lingkup, u));
            BarisJabatan {
                row,
                pemegang: (n > 0 || dalam_lingkup).then_some(n),
            }
        })
        .collect())
}

/// A position with its standard and its holders within the reader's scope.
pub(crate) struct DetailJabatan {
    pub jabatan: Jabatan,
    pub units: PetaUnit,
    pub standar: Vec<StandarEntry>,
    /// `None` for a reader who sees no employees.
    pub pemegang: Option<Vec<PegawaiRow>>,
}

pub(crate) async fn detail_jabatan(
    state: &AppState,
    sesi: &Sesi,
    id: JabatanId,
) -> Result<DetailJabatan, AppError> {
    let store = state.store();
    let i = sesi.instansi_id();
    let jabatan = store.jabatan(i, id).await?;
    let standar = store.standar(i, id).await?;
    let units = PetaUnit::muat(store, sesi).await?;
    let pemegang = if sesi.lingkup() == Lingkup::Kosong {
        None
    } else {
        let rows = pegawai_dalam_lingkup(store, sesi, None, Some(jabatan.tingkat.jenis())).await?;
        Some(rows.into_iter().filter(|r| r.jabatan == Some(id)).collect())
    };
    Ok(DetailJabatan {
        jabatan,
        units,
        standar,
        pemegang,
    })
}

/// The unit tree with employee counts within scope (`None` for mitra).
pub(crate) struct PohonUnit {
    pub units: PetaUnit,
    pub jumlah: Option<HashMap<UnitId, u64>>,
}

pub(crate) async fn pohon_unit(state: &AppState, sesi: &Sesi) -> Result<PohonUnit, AppError> {
    let store = state.store();
    let units = PetaUnit::muat(store, sesi).await?;
    let jumlah = jumlah_per_unit(store, sesi, &units).await?;
    Ok(PohonUnit { units, jumlah })
}

#[cfg(test)]
mod tests {
    use super::*;
    use kompeten_domain::MetodePenilaian;
    use kompeten_store::{KompetensiId, PenilaianId};
    use time::macros::date;

    fn level(n: u8) -> Level {
        Level::try_from(n).expect("1..=5")
    }

    fn nilai(
        id: i64,
        kompetensi: i64,
        kode: &str,
        lv: u8,
        tanggal: Date,
        sampai: Date,
    ) -> Penilaian {
        Penilaian {
            id: PenilaianId(id),
            pegawai: PegawaiId(1),
            kompetensi: KompetensiId(kompetensi),
            kompetensi_kode: kode.to_owned(),
            kompetensi_nama: format!("Kompetensi {kode}"),
            kelompok: KelompokKompetensi::Teknis,
            level: level(lv),
            metode: MetodePenilaian::UjiKompetensi,
            tanggal,
            berlaku_sampai: sampai,
            asesor: "Tim".into(),
            catatan_bukti: String::new(),
        }
    }

    #[test]
    fn standard_lines_come_first_and_unassessed_ones_say_so() {
        let standar = vec![
            StandarEntry {
                kompetensi: KompetensiId(1),
                kode: "M.1".into(),
                nama: "Integritas".into(),
                kelompok: KelompokKompetensi::Manajerial,
                level: level(3),
                bobot: 2,
            },
            StandarEntry {
                kompetensi: KompetensiId(2),
                kode: "M.2".into(),
                nama: "Kerja Sama".into(),
                kelompok: KelompokKompetensi::Manajerial,
                level: level(3),
                bobot: 1,
            },
        ];
        let penilaian = vec![
            nilai(
                10,
                1,
                "M.1",
                4,
                date!(2025 - 01 - 10),
                date!(2028 - 01 - 09),
            ),
            nilai(
                11,
                9,
                "T.9",
                2,
                date!(2020 - 01 - 10),
                date!(2023 - 01 - 09),
            ),
        ];
        let rows = baris_level(&standar, &penilaian, date!(2026 - 11 - 27));
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].kode, "M.1");
        assert_eq!(rows[0].saat_ini.level_berlaku(), Some(level(4)));
        assert_eq!(rows[1].kode, "M.2");
        assert_eq!(rows[1].saat_ini, LevelSaatIni::BelumDinilai);
        assert_eq!(rows[2].kode, "T.9");
        assert_eq!(rows[2].standar, None);
        assert!(matches!(rows[2].saat_ini, LevelSaatIni::Kedaluwarsa { .. }));
    }
}
