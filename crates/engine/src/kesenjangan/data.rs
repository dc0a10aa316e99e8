//! The columnar input: built once per request or run, validated on the way.

use kompeten_domain::{KelompokKompetensi, StatusAsn, TingkatJabatan};
use serde::{Deserialize, Serialize};
use std::ops::Range;
use time::Date;

/// The largest `bobot` of one competency in a standard.
pub const MAKS_BOBOT: u32 = 1000;
/// The most competencies one standard may list.
pub const MAKS_ITEM_STANDAR: usize = 1000;
/// How many offending ids a [`DaftarMasalah`] keeps.
pub const BATAS_CONTOH: usize = 100;

/// Internal "none" for index columns.
pub(crate) const TANPA: u32 = u32::MAX;

/// The day number the engine uses for a date (the Julian day).
pub fn nomor_hari(tanggal: Date) -> i32 {
    tanggal.to_julian_day()
}

/// The date of a day number, if it is in `time`'s range.
pub fn tanggal_dari_nomor(hari: i32) -> Option<Date> {
    Date::from_julian_day(hari).ok()
}

/// One line of a position's standard, by competency index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemStandar {
    pub kompetensi: u32,
    /// 1..=5; anything else makes the standard invalid.
    pub level: u8,
    /// 1..=[`MAKS_BOBOT`]; anything else makes the standard invalid.
    pub bobot: u32,
}

/// How many records have one problem, and the [`BATAS_CONTOH`] smallest
/// of their ids, ascending (so the report does not depend on input order).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DaftarMasalah {
    pub jumlah: u64,
    pub contoh: Vec<i64>,
}

impl DaftarMasalah {
    pub(crate) fn catat(&mut self, id: i64) {
        self.jumlah += 1;
        self.contoh.push(id);
        if self.contoh.len() >= 2 * BATAS_CONTOH {
            self.rapikan();
        }
    }

    fn rapikan(&mut self) {
        self.contoh.sort_unstable();
        self.contoh.truncate(BATAS_CONTOH);
    }

    pub fn kosong(&self) -> bool {
        self.jumlah == 0
    }
}

/// What is wrong with the data, found while building [`Data`]. Nothing here
/// stops the analysis: bad rows are left out and bad standards give no JPM,
/// so no percentage is ever computed from them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LaporanKualitas {
    /// Positions whose standard lists no competency (jabatan ids).
    pub jabatan_tanpa_standar: DaftarMasalah,
    /// Positions whose standard names a competency not in the dictionary.
    pub standar_kompetensi_tidak_dikenal: DaftarMasalah,
    /// Positions whose standard requires a level outside 1..=5.
    pub standar_level_di_luar_rentang: DaftarMasalah,
    /// Positions whose standard has a weight of 0 or above [`MAKS_BOBOT`].
    pub standar_bobot_tidak_valid: DaftarMasalah,
    /// Positions whose standard lists one competency twice, or more than
    /// [`MAKS_ITEM_STANDAR`] competencies.
    pub standar_ganda_atau_terlalu_panjang: DaftarMasalah,
    /// Employees without a position (pegawai ids).
    pub pegawai_tanpa_jabatan: DaftarMasalah,
    /// Employees whose position has no standard.
    pub pegawai_jabatan_tanpa_standar: DaftarMasalah,
    /// Employees whose position's standard is invalid (any problem above).
    pub pegawai_standar_tidak_valid: DaftarMasalah,
    /// Assessments repeating an earlier one (same employee, competency, day
    /// and level; penilaian ids of the repeats). Kept: they cannot change a
    /// current level, but they are worth cleaning up.
    pub penilaian_ganda: DaftarMasalah,
    /// Assessments with a level outside 1..=5; left out.
    pub penilaian_level_di_luar_rentang: DaftarMasalah,
    /// Assessments of a competency not in the dictionary; left out.
    pub penilaian_kompetensi_tidak_dikenal: DaftarMasalah,
}

impl LaporanKualitas {
    fn rapikan(&mut self) {
        for d in [
            &mut self.jabatan_tanpa_standar,
            &mut self.standar_kompetensi_tidak_dikenal,
            &mut self.standar_level_di_luar_rentang,
            &mut self.standar_bobot_tidak_valid,
            &mut self.standar_ganda_atau_terlalu_panjang,
            &mut self.pegawai_tanpa_jabatan,
            &mut self.pegawai_jabatan_tanpa_standar,
            &mut self.pegawai_standar_tidak_valid,
            &mut self.penilaian_ganda,
            &mut self.penilaian_level_di_luar_rentang,
            &mut self.penilaian_kompetensi_tidak_dikenal,
        ] {
            d.rapikan();
        }
    }

    /// Whether nothing is wrong.
    pub fn bersih(&self) -> bool {
        [
            &self.jabatan_tanpa_standar,
            &self.standar_kompetensi_tidak_dikenal,
            &self.standar_level_di_luar_rentang,
            &self.standar_bobot_tidak_valid,
            &self.standar_ganda_atau_terlalu_panjang,
            &self.pegawai_tanpa_jabatan,
            &self.pegawai_jabatan_tanpa_standar,
            &self.pegawai_standar_tidak_valid,
            &self.penilaian_ganda,
            &self.penilaian_level_di_luar_rentang,
            &self.penilaian_kompetensi_tidak_dikenal,
        ]
        .iter()
        .all(|d| d.kosong())
    }
}

/// A reference no caller should make: an index that was never handed out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GalatData {
    #[error("employee {pegawai} refers to unit index {unit}, which does not exist")]
    UnitTidakDikenal { pegawai: i64, unit: u32 },
    #[error("employee {pegawai} refers to position index {jabatan}, which does not exist")]
    JabatanTidakDikenal { pegawai: i64, jabatan: u32 },
    #[error("assessment {penilaian} refers to employee index {pegawai}, which does not exist")]
    PegawaiTidakDikenal { penilaian: i64, pegawai: u32 },
    #[error("too many {0} for 32-bit indexes")]
    TerlaluBanyak(&'static str),
}

/// Whether a position's standard can be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeadaanStandar {
    Ada,
    Kosong,
    TidakValid,
}

/// Collects the input; [`Pembangun::selesai`] validates it into [`Data`].
///
/// Indexes are handed out in call order from 0 (`tambah_*` returns them).
/// Order of the calls does not matter except that indexes must exist by
/// `selesai`. Give competencies in dictionary order if you want per-unit
/// heatmap columns in that order: results list competencies by index.
#[derive(Debug)]
pub struct Pembangun {
    kompetensi_id: Vec<i64>,
    kompetensi_kelompok: Vec<KelompokKompetensi>,
    jabatan_id: Vec<i64>,
    jabatan_tingkat: Vec<Option<TingkatJabatan>>,
    standar_awal: Vec<u32>,
    standar: Vec<ItemStandar>,
    unit_id: Vec<i64>,
    pegawai_id: Vec<i64>,
    pegawai_unit: Vec<u32>,
    pegawai_jabatan: Vec<u32>,
    pegawai_status: Vec<StatusAsn>,
    pegawai_aktif: Vec<bool>,
    pn_pegawai: Vec<u32>,
    pn_kompetensi: Vec<u32>,
    pn_level: Vec<u8>,
    pn_tanggal: Vec<i32>,
    pn_berlaku: Vec<i32>,
    pn_id: Vec<i64>,
    utas: usize,
}

fn indeks(len: usize) -> u32 {
    // Callers check `penuh` before pushing; TANPA is never handed out.
    u32::try_from(len).unwrap_or(TANPA)
}

impl Default for Pembangun {
    fn default() -> Self {
        Self::new()
    }
}

impl Pembangun {
    pub fn new() -> Self {
        Pembangun {
            kompetensi_id: Vec::new(),
            kompetensi_kelompok: Vec::new(),
            jabatan_id: Vec::new(),
            jabatan_tingkat: Vec::new(),
            standar_awal: vec![0],
            standar: Vec::new(),
            unit_id: Vec::new(),
            pegawai_id: Vec::new(),
            pegawai_unit: Vec::new(),
            pegawai_jabatan: Vec::new(),
            pegawai_status: Vec::new(),
            pegawai_aktif: Vec::new(),
            pn_pegawai: Vec::new(),
            pn_kompetensi: Vec::new(),
            pn_level: Vec::new(),
            pn_tanggal: Vec::new(),
            pn_berlaku: Vec::new(),
            pn_id: Vec::new(),
            utas: 1,
        }
    }

    /// Room for the expected numbers of rows, to avoid regrowth at scale.
    pub fn dengan_kapasitas(pegawai: usize, penilaian: usize) -> Self {
        let mut b = Self::new();
        b.pegawai_id.reserve(pegawai);
        b.pegawai_unit.reserve(pegawai);
        b.pegawai_jabatan.reserve(pegawai);
        b.pegawai_status.reserve(pegawai);
        b.pegawai_aktif.reserve(pegawai);
        b.pn_pegawai.reserve(penilaian);
        b.pn_kompetensi.reserve(penilaian);
        b.pn_level.reserve(penilaian);
        b.pn_tanggal.reserve(penilaian);
        b.pn_berlaku.reserve(penilaian);
        b.pn_id.reserve(penilaian);
        b
    }

    /// Threads `selesai` and the analyses may use (1 by default). Results do
    /// not depend on it.
    pub fn utas(&mut self, n: usize) -> &mut Self {
        self.utas = n.max(1);
        self
    }

    pub fn tambah_kompetensi(&mut self, id: i64, kelompok: KelompokKompetensi) -> u32 {
        self.kompetensi_id.push(id);
        self.kompetensi_kelompok.push(kelompok);
        indeks(self.kompetensi_id.len() - 1)
    }

    /// A position and its standard (possibly empty).
    pub fn tambah_jabatan(
        &mut self,
        id: i64,
        tingkat: Option<TingkatJabatan>,
        standar: &[ItemStandar],
    ) -> u32 {
        self.jabatan_id.push(id);
        self.jabatan_tingkat.push(tingkat);
        self.standar.extend_from_slice(standar);
        self.standar_awal.push(indeks(self.standar.len()));
        indeks(self.jabatan_id.len() - 1)
    }

    pub fn tambah_unit(&mut self, id: i64) -> u32 {
        self.unit_id.push(id);
        indeks(self.unit_id.len() - 1)
    }

    pub fn tambah_pegawai(
        &mut self,
        id: i64,
        unit: u32,
        jabatan: Option<u32>,
        status: StatusAsn,
        aktif: bool,
    ) -> u32 {
        self.pegawai_id.push(id);
        self.pegawai_unit.push(unit);
        self.pegawai_jabatan.push(jabatan.unwrap_or(TANPA));
        self.pegawai_status.push(status);
        self.pegawai_aktif.push(aktif);
        indeks(self.pegawai_id.len() - 1)
    }

    /// One assessment row. `level` is raw so that out-of-range values from
    /// imports are reported rather than lost; `id` identifies the row and
    /// breaks ties between results of the same day (higher wins, as in
    /// [`crate::profil`]).
    pub fn tambah_penilaian(
        &mut self,
        pegawai: u32,
        kompetensi: u32,
        level: u8,
        tanggal: i32,
        berlaku_sampai: i32,
        id: i64,
    ) {
        self.pn_pegawai.push(pegawai);
        self.pn_kompetensi.push(kompetensi);
        self.pn_level.push(level);
        self.pn_tanggal.push(tanggal);
        self.pn_berlaku.push(berlaku_sampai);
        self.pn_id.push(id);
    }

    /// Validates everything and lays assessments out per employee.
    pub fn selesai(self) -> Result<Data, GalatData> {
        let mut kualitas = LaporanKualitas::default();
        for (what, n) in [
            ("competencies", self.kompetensi_id.len()),
            ("positions", self.jabatan_id.len()),
            ("units", self.unit_id.len()),
            ("employees", self.pegawai_id.len()),
            ("standard lines", self.standar.len()),
            ("assessments", self.pn_id.len()),
        ] {
            if n >= TANPA as usize {
                return Err(GalatData::TerlaluBanyak(what));
            }
        }
        let n_kompetensi = indeks(self.kompetensi_id.len());

        // Standards: validate, then store sorted by competency index.
        let n_jabatan = self.jabatan_id.len();
        let mut keadaan = Vec::with_capacity(n_jabatan);
        let mut standar_awal = Vec::with_capacity(n_jabatan + 1);
        standar_awal.push(0u32);
        let mut st_kompetensi = Vec::new();
        let mut st_level = Vec::new();
        let mut st_bobot = Vec::new();
        let mut st_kelompok = Vec::new();
        let mut items: Vec<ItemStandar> = Vec::new();
        for j in 0..n_jabatan {
            let id = self.jabatan_id[j];
            let raw =
                &self.standar[self.standar_awal[j] as usize..self.standar_awal[j + 1] as usize];
            items.clear();
            items.extend_from_slice(raw);
            items.sort_by_key(|it| it.kompetensi);
            let unknown = items.iter().any(|it| it.kompetensi >= n_kompetensi);
            let level = items.iter().any(|it| !(1..=5).contains(&it.level));
            let bobot = items
                .iter()
                .any(|it| it.bobot == 0 || it.bobot > MAKS_BOBOT);
            let ganda = items.len() > MAKS_ITEM_STANDAR
                || items.windows(2).any(|w| w[0].kompetensi == w[1].kompetensi);
            let k = if items.is_empty() {
                kualitas.jabatan_tanpa_standar.catat(id);
                KeadaanStandar::Kosong
            } else if unknown || level || bobot || ganda {
                for (bad, list) in [
                    (unknown, &mut kualitas.standar_kompetensi_tidak_dikenal),
                    (level, &mut kualitas.standar_level_di_luar_rentang),
                    (bobot, &mut kualitas.standar_bobot_tidak_valid),
                    (ganda, &mut kualitas.standar_ganda_atau_terlalu_panjang),
                ] {
                    if bad {
                        list.catat(id);
                    }
                }
                KeadaanStandar::TidakValid
            } else {
                for it in &items {
                    st_kompetensi.push(it.kompetensi);
                    st_level.push(it.level);
                    st_bobot.push(it.bobot);
                    st_kelompok.push(kelompok_jpm(
                        self.kompetensi_kelompok[it.kompetensi as usize],
                    ));
                }
                KeadaanStandar::Ada
            };
            keadaan.push(k);
            standar_awal.push(indeks(st_kompetensi.len()));
        }

        // Employees.
        let n_unit = indeks(self.unit_id.len());
        for (p, &id) in self.pegawai_id.iter().enumerate() {
            let unit = self.pegawai_unit[p];
            if unit >= n_unit {
                return Err(GalatData::UnitTidakDikenal { pegawai: id, unit });
            }
            let j = self.pegawai_jabatan[p];
            if j == TANPA {
                kualitas.pegawai_tanpa_jabatan.catat(id);
                continue;
            }
            match keadaan.get(j as usize) {
                None => {
                    return Err(GalatData::JabatanTidakDikenal {
                        pegawai: id,
                        jabatan: j,
                    });
                }
                Some(KeadaanStandar::Ada) => {}
                Some(KeadaanStandar::Kosong) => kualitas.pegawai_jabatan_tanpa_standar.catat(id),
                Some(KeadaanStandar::TidakValid) => kualitas.pegawai_standar_tidak_valid.catat(id),
            }
        }

        let penilaian = susun_penilaian(
            PenilaianMentah {
                pegawai: self.pn_pegawai,
                kompetensi: self.pn_kompetensi,
                level: self.pn_level,
                tanggal: self.pn_tanggal,
                berlaku: self.pn_berlaku,
                id: self.pn_id,
            },
            self.pegawai_id.len(),
            self.utas,
            n_kompetensi,
            &mut kualitas,
        )?;

        kualitas.rapikan();
        Ok(Data {
            kompetensi_id: self.kompetensi_id,
            kompetensi_kelompok: self.kompetensi_kelompok,
            jabatan_id: self.jabatan_id,
            jabatan_tingkat: self.jabatan_tingkat,
            jabatan_keadaan: keadaan,
            standar_awal,
            st_kompetensi,
            st_level,
            st_bobot,
            st_kelompok,
            unit_id: self.unit_id,
            pegawai_id: self.pegawai_id,
            pegawai_unit: self.pegawai_unit,
            pegawai_jabatan: self.pegawai_jabatan,
            pegawai_status: self.pegawai_status,
            pegawai_aktif: self.pegawai_aktif,
            pn: penilaian,
            kualitas,
            utas: self.utas,
        })
    }
}

/// 0 = technical, 1 = managerial + socio-cultural (the two JPM groups).
pub(crate) fn kelompok_jpm(k: KelompokKompetensi) -> u8 {
    match k {
        KelompokKompetensi::Teknis => 0,
        KelompokKompetensi::Manajerial | KelompokKompetensi::SosialKultural => 1,
    }
}

struct PenilaianMentah {
    pegawai: Vec<u32>,
    kompetensi: Vec<u32>,
    level: Vec<u8>,
    tanggal: Vec<i32>,
    berlaku: Vec<i32>,
    id: Vec<i64>,
}

/// One assessment row while sorting an employee's rows.
#[derive(Clone, Copy)]
struct Baris {
    id: i64,
    kompetensi: u32,
    tanggal: i32,
    berlaku: i32,
    level: u8,
}

type Kunci = (u32, std::cmp::Reverse<(i32, i64, u8, i32)>);

fn kunci_baris(b: &Baris) -> Kunci {
    (
        b.kompetensi,
        std::cmp::Reverse((b.tanggal, b.id, b.level, b.berlaku)),
    )
}

/// Consecutive employees grouped for sorting, and where each group's rows
/// start (`awal_baris[b]`, with the total at the end).
struct Blok {
    shift: u32,
    n_pegawai: usize,
    awal_baris: Vec<usize>,
}

impl Blok {
    fn pegawai_awal(&self, b: usize) -> usize {
        (b << self.shift).min(self.n_pegawai)
    }
}

/// Groups rows by employee in two streaming passes, reusing the input's
/// buffers: first each row into its block (a few thousand write streams),
/// then, block by block and in parallel, to its employee's place, counting
/// within the block; then each employee's few rows into the engine's order.
/// A direct counting sort would touch the whole data set at random.
fn urutkan(m: PenilaianMentah, buang: &[bool], blok: &Blok, utas: usize) -> Penilaian {
    let PenilaianMentah {
        pegawai,
        mut kompetensi,
        mut level,
        mut tanggal,
        mut berlaku,
        mut id,
    } = m;
    let n = id.len();
    let n_blok = blok.awal_baris.len() - 1;
    let total = blok.awal_baris[n_blok];
    let n_pegawai = blok.n_pegawai;
    let mut pos_blok: Vec<usize> = blok.awal_baris[..n_blok].to_vec();
    let mut t_p = vec![0u32; total];
    let mut t_k = vec![0u32; total];
    let mut t_l = vec![0u8; total];
    let mut t_t = vec![0i32; total];
    let mut t_s = vec![0i32; total];
    let mut t_id = vec![0i64; total];
    for i in 0..n {
        if !buang.is_empty() && buang[i] {
            continue;
        }
        let p = pegawai[i];
        let b = (p as usize) >> blok.shift;
        let d = pos_blok[b];
        pos_blok[b] += 1;
        t_p[d] = p;
        t_k[d] = kompetensi[i];
        t_l[d] = level[i];
        t_t[d] = tanggal[i];
        t_s[d] = berlaku[i];
        t_id[d] = id[i];
    }
    drop(pegawai);
    drop(pos_blok);
    kompetensi.truncate(total);
    level.truncate(total);
    tanggal.truncate(total);
    berlaku.truncate(total);
    id.truncate(total);
    // Block ranges per thread, split where the row count crosses an equal share.
    let utas = utas.min(total / 16_384).max(1);
    let mut batas_blok = vec![0usize];
    for t in 1..utas {
        let target = total * t / utas;
        let b = blok.awal_baris.partition_point(|&a| a < target).min(n_blok);
        if b > *batas_blok.last().unwrap_or(&0) {
            batas_blok.push(b);
        }
    }
    batas_blok.push(n_blok);
    let batas: Vec<usize> = batas_blok.iter().map(|&b| blok.awal_baris[b]).collect();
    let batas_pegawai: Vec<usize> = batas_blok.iter().map(|&b| blok.pegawai_awal(b)).collect();
    let mut awal = vec![0u32; n_pegawai + 1];
    awal[n_pegawai] = total as u32;
    let tmp = Sementara {
        p: &t_p,
        k: &t_k,
        l: &t_l,
        t: &t_t,
        s: &t_s,
        id: &t_id,
    };
    let bagian = potong(&mut kompetensi, &batas)
        .into_iter()
        .zip(potong(&mut level, &batas))
        .zip(potong(&mut tanggal, &batas))
        .zip(potong(&mut berlaku, &batas))
        .zip(potong(&mut id, &batas))
        .zip(potong(&mut awal[..n_pegawai], &batas_pegawai))
        .zip(batas.windows(2).zip(batas_pegawai.windows(2)));
    std::thread::scope(|sc| {
        for ((((((k, l), t), s), i), a), (r, pg)) in bagian {
            let tmp = &tmp;
            let (lo, hi, p_lo) = (r[0], r[1], pg[0]);
            let mut kerja = move || {
                let mut out = Kolom { k, l, t, s, id: i };
                tempatkan(tmp, &mut out, a, lo, hi, p_lo);
            };
            if utas == 1 {
                kerja();
            } else {
                sc.spawn(kerja);
            }
        }
    });
    drop((t_p, t_k, t_l, t_t, t_s, t_id));
    Penilaian {
        awal,
        kompetensi,
        level,
        tanggal,
        berlaku,
        id,
    }
}

/// The block-ordered rows of pass 1.
struct Sementara<'a> {
    p: &'a [u32],
    k: &'a [u32],
    l: &'a [u8],
    t: &'a [i32],
    s: &'a [i32],
    id: &'a [i64],
}

/// Output columns of one range of employees.
struct Kolom<'a> {
    k: &'a mut [u32],
    l: &'a mut [u8],
    t: &'a mut [i32],
    s: &'a mut [i32],
    id: &'a mut [i64],
}

/// Splits a slice at boundaries (`batas` starts at 0 and ends at its length).
fn potong<'a, T>(mut v: &'a mut [T], batas: &[usize]) -> Vec<&'a mut [T]> {
    let mut out = Vec::with_capacity(batas.len());
    let mut prev = batas.first().copied().unwrap_or(0);
    for &b in batas.iter().skip(1) {
        let (a, rest) = std::mem::take(&mut v).split_at_mut(b - prev);
        out.push(a);
        v = rest;
        prev = b;
    }
    out
}

/// Pass 2 for the rows `lo..hi` of the employees from `p_lo` (as many as
/// `awal` has room for): count them, set their offsets, put each row in its
/// employee's place, then each employee's rows into the engine's order.
fn tempatkan(
    tmp: &Sementara<'_>,
    out: &mut Kolom<'_>,
    awal: &mut [u32],
    lo: usize,
    hi: usize,
    p_lo: usize,
) {
    let np = awal.len();
    let mut pos = vec![0u32; np + 1];
    for &p in &tmp.p[lo..hi] {
        pos[p as usize - p_lo + 1] += 1;
    }
    for j in 0..np {
        pos[j + 1] += pos[j];
        awal[j] = (lo as u32) + pos[j];
    }
    let akhir: Vec<u32> = pos[1..].to_vec();
    for i in lo..hi {
        let j = tmp.p[i] as usize - p_lo;
        let d = pos[j] as usize;
        pos[j] += 1;
        out.k[d] = tmp.k[i];
        out.l[d] = tmp.l[i];
        out.t[d] = tmp.t[i];
        out.s[d] = tmp.s[i];
        out.id[d] = tmp.id[i];
    }
    let mut scratch: Vec<Baris> = Vec::new();
    for j in 0..np {
        let r = (awal[j] as usize - lo)..akhir[j] as usize;
        if r.len() < 2 {
            continue;
        }
        scratch.clear();
        scratch.extend(r.clone().map(|i| Baris {
            id: out.id[i],
            kompetensi: out.k[i],
            tanggal: out.t[i],
            berlaku: out.s[i],
            level: out.l[i],
        }));
        if scratch.is_sorted_by_key(kunci_baris) {
            continue;
        }
        scratch.sort_unstable_by_key(kunci_baris);
        for (i, b) in r.zip(&scratch) {
            out.id[i] = b.id;
            out.k[i] = b.kompetensi;
            out.t[i] = b.tanggal;
            out.s[i] = b.berlaku;
            out.l[i] = b.level;
        }
    }
}

/// Assessments grouped by employee; within one, by competency, then newest
/// first (later day, then higher id; level and validity only to make equal
/// keys deterministic).
#[derive(Debug, Default)]
pub(crate) struct Penilaian {
    pub(crate) awal: Vec<u32>,
    pub(crate) kompetensi: Vec<u32>,
    pub(crate) level: Vec<u8>,
    pub(crate) tanggal: Vec<i32>,
    pub(crate) berlaku: Vec<i32>,
    pub(crate) id: Vec<i64>,
}

fn susun_penilaian(
    m: PenilaianMentah,
    n_pegawai: usize,
    utas: usize,
    n_kompetensi: u32,
    kualitas: &mut LaporanKualitas,
) -> Result<Penilaian, GalatData> {
    let n = m.id.len();
    let kunci = |i: usize| {
        (
            m.pegawai[i],
            m.kompetensi[i],
            std::cmp::Reverse((m.tanggal[i], m.id[i], m.level[i], m.berlaku[i])),
        )
    };
    // Blocks of 2^shift consecutive employees holding about 64k rows each:
    // the unit of cache-friendly grouping below.
    let per_pegawai = (n / n_pegawai.max(1)).max(1);
    let shift = usize::BITS - 1 - (65_536 / per_pegawai).max(1).leading_zeros();
    let n_blok = (n_pegawai >> shift) + 1;
    // One pass: check references, count per block, and see whether the rows
    // are already in order (the common case for generated or exported data),
    // in which case the columns are moved, not copied.
    let mut per_blok = vec![0usize; n_blok + 1];
    let mut buang = vec![false; 0];
    let mut urut = true;
    for i in 0..n {
        let p = m.pegawai[i];
        if p as usize >= n_pegawai {
            return Err(GalatData::PegawaiTidakDikenal {
                penilaian: m.id[i],
                pegawai: p,
            });
        }
        let bad_k = m.kompetensi[i] >= n_kompetensi;
        let bad_l = !(1..=5).contains(&m.level[i]);
        if bad_k || bad_l {
            if bad_k {
                kualitas.penilaian_kompetensi_tidak_dikenal.catat(m.id[i]);
            } else {
                kualitas.penilaian_level_di_luar_rentang.catat(m.id[i]);
            }
            if buang.is_empty() {
                buang = vec![false; n];
            }
            buang[i] = true;
            continue;
        }
        per_blok[(p as usize >> shift) + 1] += 1;
        if urut && i > 0 && kunci(i - 1) > kunci(i) {
            urut = false;
        }
    }
    for b in 0..n_blok {
        per_blok[b + 1] += per_blok[b];
    }
    let mut out = if urut && buang.is_empty() {
        // In order: employees' counts come from one sequential scan.
        let mut awal = vec![0u32; n_pegawai + 1];
        for &p in &m.pegawai {
            awal[p as usize + 1] += 1;
        }
        for p in 0..n_pegawai {
            awal[p + 1] += awal[p];
        }
        Penilaian {
            awal,
            kompetensi: m.kompetensi,
            level: m.level,
            tanggal: m.tanggal,
            berlaku: m.berlaku,
            id: m.id,
        }
    } else {
        let blok = Blok {
            shift,
            n_pegawai,
            awal_baris: per_blok,
        };
        urutkan(m, &buang, &blok, utas)
    };
    out.awal.shrink_to_fit();
    // Repeats: same competency and day within an employee are adjacent.
    for p in 0..n_pegawai {
        let r = out.awal[p] as usize..out.awal[p + 1] as usize;
        let mut a = r.start;
        while a < r.end {
            let mut b = a + 1;
            while b < r.end
                && out.kompetensi[b] == out.kompetensi[a]
                && out.tanggal[b] == out.tanggal[a]
            {
                b += 1;
            }
            for i in a + 1..b {
                if (a..i).any(|h| out.level[h] == out.level[i]) {
                    kualitas.penilaian_ganda.catat(out.id[i]);
                }
            }
            a = b;
        }
    }
    Ok(out)
}

/// The validated, columnar data every analysis reads.
#[derive(Debug)]
pub struct Data {
    pub(crate) kompetensi_id: Vec<i64>,
    pub(crate) kompetensi_kelompok: Vec<KelompokKompetensi>,
    pub(crate) jabatan_id: Vec<i64>,
    pub(crate) jabatan_tingkat: Vec<Option<TingkatJabatan>>,
    pub(crate) jabatan_keadaan: Vec<KeadaanStandar>,
    pub(crate) standar_awal: Vec<u32>,
    pub(crate) st_kompetensi: Vec<u32>,
    pub(crate) st_level: Vec<u8>,
    pub(crate) st_bobot: Vec<u32>,
    pub(crate) st_kelompok: Vec<u8>,
    pub(crate) unit_id: Vec<i64>,
    pub(crate) pegawai_id: Vec<i64>,
    pub(crate) pegawai_unit: Vec<u32>,
    pub(crate) pegawai_jabatan: Vec<u32>,
    pub(crate) pegawai_status: Vec<StatusAsn>,
    pub(crate) pegawai_aktif: Vec<bool>,
    pub(crate) pn: Penilaian,
    pub(crate) kualitas: LaporanKualitas,
    pub(crate) utas: usize,
}

impl Data {
    pub fn kualitas(&self) -> &LaporanKualitas {
        &self.kualitas
    }

    pub fn jumlah_kompetensi(&self) -> u32 {
        indeks(self.kompetensi_id.len())
    }

    pub fn jumlah_jabatan(&self) -> u32 {
        indeks(self.jabatan_id.len())
    }

    pub fn jumlah_unit(&self) -> u32 {
        indeks(self.unit_id.len())
    }

    pub fn jumlah_pegawai(&self) -> u32 {
        indeks(self.pegawai_id.len())
    }

    /// Assessment rows kept (after leaving out invalid ones).
    pub fn jumlah_penilaian(&self) -> usize {
        self.pn.id.len()
    }

    pub fn kompetensi_id(&self, k: u32) -> Option<i64> {
        self.kompetensi_id.get(k as usize).copied()
    }

    pub fn kompetensi_kelompok(&self, k: u32) -> Option<KelompokKompetensi> {
        self.kompetensi_kelompok.get(k as usize).copied()
    }

    pub fn jabatan_id(&self, j: u32) -> Option<i64> {
        self.jabatan_id.get(j as usize).copied()
    }

    pub fn jabatan_tingkat(&self, j: u32) -> Option<TingkatJabatan> {
        self.jabatan_tingkat.get(j as usize).copied().flatten()
    }

    pub fn keadaan_standar(&self, j: u32) -> Option<KeadaanStandar> {
        self.jabatan_keadaan.get(j as usize).copied()
    }

    /// The valid standard of a position, sorted by competency index (empty
    /// when the position has none or an invalid one).
    pub fn standar(&self, j: u32) -> Vec<ItemStandar> {
        self.rentang_standar(j)
            .map(|i| ItemStandar {
                kompetensi: self.st_kompetensi[i],
                level: self.st_level[i],
                bobot: self.st_bobot[i],
            })
            .collect()
    }

    pub(crate) fn rentang_standar(&self, j: u32) -> Range<usize> {
        let j = j as usize;
        if j + 1 >= self.standar_awal.len() {
            return 0..0;
        }
        self.standar_awal[j] as usize..self.standar_awal[j + 1] as usize
    }

    pub fn unit_id(&self, u: u32) -> Option<i64> {
        self.unit_id.get(u as usize).copied()
    }

    pub fn pegawai_id(&self, p: u32) -> Option<i64> {
        self.pegawai_id.get(p as usize).copied()
    }

    pub fn pegawai_unit(&self, p: u32) -> Option<u32> {
        self.pegawai_unit.get(p as usize).copied()
    }

    pub fn pegawai_jabatan(&self, p: u32) -> Option<u32> {
        self.pegawai_jabatan
            .get(p as usize)
            .copied()
            .filter(|&j| j != TANPA)
    }

    pub fn pegawai_status(&self, p: u32) -> Option<StatusAsn> {
        self.pegawai_status.get(p as usize).copied()
    }

    pub fn pegawai_aktif(&self, p: u32) -> Option<bool> {
        self.pegawai_aktif.get(p as usize).copied()
    }

    /// Indexes of the employees for which `f` holds, ascending; build a
    /// [`super::Pilihan::Daftar`] from it.
    pub fn saring(&self, mut f: impl FnMut(u32) -> bool) -> Vec<u32> {
        (0..self.jumlah_pegawai()).filter(|&p| f(p)).collect()
    }

    pub fn utas(&self) -> usize {
        self.utas
    }

    pub(crate) fn rentang_penilaian(&self, p: u32) -> Range<usize> {
        let p = p as usize;
        self.pn.awal[p] as usize..self.pn.awal[p + 1] as usize
    }
}
