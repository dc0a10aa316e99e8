//! Per-employee gaps and JPM, for every employee, and job fit.

use super::data::{Data, KeadaanStandar, TANPA, tanggal_dari_nomor};
use super::pengaturan::{BobotKelompok, Jpm, PengaturanJpm, SkalaKategori};
use crate::profil::LevelSaatIni;
use kompeten_domain::{KelompokKompetensi, Level};
use serde::Serialize;
use std::cmp::Ordering;
use std::ops::Range;
use time::Date;

/// Which employees an analysis covers.
#[derive(Debug, Clone, Copy)]
pub enum Pilihan<'a> {
    /// Every employee in the data.
    Semua,
    /// These employee indexes (e.g. a role's scope after filters); any order,
    /// results come back in this order where they are per employee.
    Daftar(&'a [u32]),
}

/// A request the data cannot answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GalatAnalisis {
    #[error("employee index {0} does not exist")]
    PegawaiTidakDikenal(u32),
    #[error("position index {0} does not exist")]
    JabatanTidakDikenal(u32),
    #[error("competency index {0} does not exist")]
    KompetensiTidakDikenal(u32),
    #[error("the position has no usable standard ({0:?})")]
    StandarTidakDapatDipakai(KeadaanStandar),
    #[error("the unit grouping has {diberikan} entries for {unit} units")]
    PengelompokanUnit { diberikan: usize, unit: u32 },
    #[error("band {ambang} is not in a scale of {pita} bands")]
    AmbangDiLuarSkala { ambang: u8, pita: usize },
}

impl Pilihan<'_> {
    pub(crate) fn periksa(&self, data: &Data) -> Result<(), GalatAnalisis> {
        if let Pilihan::Daftar(d) = self {
            let n = data.jumlah_pegawai();
            if let Some(&p) = d.iter().find(|&&p| p >= n) {
                return Err(GalatAnalisis::PegawaiTidakDikenal(p));
            }
        }
        Ok(())
    }

    pub(crate) fn len(&self, data: &Data) -> usize {
        match self {
            Pilihan::Semua => data.jumlah_pegawai() as usize,
            Pilihan::Daftar(d) => d.len(),
        }
    }

    pub(crate) fn get(&self, i: usize) -> u32 {
        match self {
            Pilihan::Semua => i as u32,
            Pilihan::Daftar(d) => d[i],
        }
    }
}

/// Where an employee stands in one competency, as the walk finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kini {
    Berlaku { level: u8, baris: u32 },
    Kedaluwarsa { level: u8, baris: u32 },
    Belum,
}

/// Walks an employee's assessment rows and a standard together, in
/// competency order: `f(kompetensi, standard line or None, current)` once
/// per standard line and once per other assessed competency. One pass, no
/// allocation.
#[inline]
pub(crate) fn telusuri(
    data: &Data,
    p: u32,
    standar: Range<usize>,
    hari: i32,
    mut f: impl FnMut(u32, Option<usize>, Kini),
) {
    let pn = &data.pn;
    let rows = data.rentang_penilaian(p);
    let (mut r, end) = (rows.start, rows.end);
    let mut i = standar.start;
    loop {
        let kr = if r < end { pn.kompetensi[r] } else { TANPA };
        let ki = if i < standar.end {
            data.st_kompetensi[i]
        } else {
            TANPA
        };
        if kr == TANPA && ki == TANPA {
            return;
        }
        if kr <= ki {
            // Rows of one competency: newest first, so the first is the
            // latest of all and the first still valid is the one that counts.
            let first = r;
            let mut valid = TANPA as usize;
            while r < end && pn.kompetensi[r] == kr {
                if valid == TANPA as usize && pn.berlaku[r] >= hari {
                    valid = r;
                }
                r += 1;
            }
            let kini = if valid != TANPA as usize {
                Kini::Berlaku {
                    level: pn.level[valid],
                    baris: valid as u32,
                }
            } else {
                Kini::Kedaluwarsa {
                    level: pn.level[first],
                    baris: first as u32,
                }
            };
            if kr == ki {
                f(kr, Some(i), kini);
                i += 1;
            } else {
                f(kr, None, kini);
            }
        } else {
            f(ki, Some(i), Kini::Belum);
            i += 1;
        }
    }
}

/// Counts over one employee's standard.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Jumlah {
    /// Competencies in the standard.
    pub wajib: u32,
    /// With a valid assessment (= memenuhi + kurang).
    pub dinilai: u32,
    pub memenuhi: u32,
    pub kurang: u32,
    /// Only expired results: shown, not counted.
    pub kedaluwarsa: u32,
    pub belum_dinilai: u32,
    /// Σ gap over the assessed (unweighted levels).
    pub jumlah_gap: u32,
}

/// Why an employee has no JPM. Never replaced by a made-up number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AlasanTanpaJpm {
    TanpaJabatan,
    JabatanTanpaStandar,
    StandarTidakValid,
    /// No competency of the standard has a valid assessment.
    BelumAdaYangDinilai,
    /// With group weights: only groups weighted 0 are assessed.
    KelompokBerbobotBelumDinilai,
}

impl AlasanTanpaJpm {
    pub const ALL: [AlasanTanpaJpm; 5] = [
        AlasanTanpaJpm::TanpaJabatan,
        AlasanTanpaJpm::JabatanTanpaStandar,
        AlasanTanpaJpm::StandarTidakValid,
        AlasanTanpaJpm::BelumAdaYangDinilai,
        AlasanTanpaJpm::KelompokBerbobotBelumDinilai,
    ];

    /// Stable machine code, as serialised: e.g. `tanpa_jabatan`.
    pub fn kode(self) -> &'static str {
        match self {
            AlasanTanpaJpm::TanpaJabatan => "tanpa_jabatan",
            AlasanTanpaJpm::JabatanTanpaStandar => "jabatan_tanpa_standar",
            AlasanTanpaJpm::StandarTidakValid => "standar_tidak_valid",
            AlasanTanpaJpm::BelumAdaYangDinilai => "belum_ada_yang_dinilai",
            AlasanTanpaJpm::KelompokBerbobotBelumDinilai => "kelompok_berbobot_belum_dinilai",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AlasanTanpaJpm::TanpaJabatan => "Belum memiliki jabatan",
            AlasanTanpaJpm::JabatanTanpaStandar => "Jabatan belum memiliki standar kompetensi",
            AlasanTanpaJpm::StandarTidakValid => "Standar kompetensi jabatan tidak valid",
            AlasanTanpaJpm::BelumAdaYangDinilai => "Belum ada kompetensi yang dinilai",
            AlasanTanpaJpm::KelompokBerbobotBelumDinilai => {
                "Kelompok kompetensi yang berbobot belum dinilai"
            }
        }
    }
}

/// The accumulator of one employee against one standard.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Akum {
    pembilang: [u64; 2],
    penyebut: [u64; 2],
    pub(crate) jumlah: Jumlah,
}

impl Akum {
    #[inline]
    pub(crate) fn tambah(&mut self, data: &Data, item: usize, kini: Kini, atur: &PengaturanJpm) {
        let wajib = data.st_level[item];
        let w = if atur.bobot_kompetensi {
            u64::from(data.st_bobot[item])
        } else {
            1
        };
        let g = usize::from(data.st_kelompok[item]);
        self.jumlah.wajib += 1;
        match kini {
            Kini::Berlaku { level, .. } => {
                self.jumlah.dinilai += 1;
                if level >= wajib {
                    self.jumlah.memenuhi += 1;
                } else {
                    self.jumlah.kurang += 1;
                    self.jumlah.jumlah_gap += u32::from(wajib - level);
                }
                let capai = if atur.batasi_level {
                    level.min(wajib)
                } else {
                    level
                };
                self.pembilang[g] += w * u64::from(capai);
                self.penyebut[g] += w * u64::from(wajib);
            }
            Kini::Kedaluwarsa { .. } => self.jumlah.kedaluwarsa += 1,
            Kini::Belum => self.jumlah.belum_dinilai += 1,
        }
    }

    pub(crate) fn jpm(&self, bobot: Option<BobotKelompok>) -> Result<Jpm, AlasanTanpaJpm> {
        if self.jumlah.dinilai == 0 {
            return Err(AlasanTanpaJpm::BelumAdaYangDinilai);
        }
        let Some(b) = bobot else {
            return Jpm::new(
                self.pembilang[0] + self.pembilang[1],
                self.penyebut[0] + self.penyebut[1],
            )
            .ok_or(AlasanTanpaJpm::BelumAdaYangDinilai);
        };
        // Weighted mean of the group JPMs over the groups that are assessed
        // and weighted: Σ w_g·N_g/D_g ÷ Σ w_g, as one exact fraction.
        let w = [
            u64::from(b.teknis()),
            u64::from(b.manajerial_sosial_kultural()),
        ];
        let ada = |g: usize| w[g] > 0 && self.penyebut[g] > 0;
        match (ada(0), ada(1)) {
            (false, false) => Err(AlasanTanpaJpm::KelompokBerbobotBelumDinilai),
            (true, false) => Jpm::new(self.pembilang[0], self.penyebut[0])
                .ok_or(AlasanTanpaJpm::KelompokBerbobotBelumDinilai),
            (false, true) => Jpm::new(self.pembilang[1], self.penyebut[1])
                .ok_or(AlasanTanpaJpm::KelompokBerbobotBelumDinilai),
            (true, true) => {
                let (n, d) = (self.pembilang, self.penyebut);
                Jpm::new(
                    w[0] * n[0] * d[1] + w[1] * n[1] * d[0],
                    (w[0] + w[1]) * d[0] * d[1],
                )
                .ok_or(AlasanTanpaJpm::KelompokBerbobotBelumDinilai)
            }
        }
    }
}

/// Status of one competency of the standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum StatusKompetensi {
    /// Valid level at or above the required level.
    Memenuhi {
        level: u8,
    },
    /// Valid level below it; `gap` = required − current.
    Kurang {
        level: u8,
        gap: u8,
    },
    /// Only expired results: the latest level is shown, not counted.
    Kedaluwarsa {
        level: u8,
    },
    BelumDinilai,
}

impl StatusKompetensi {
    pub(crate) fn dari(kini: Kini, wajib: u8) -> Self {
        match kini {
            Kini::Berlaku { level, .. } if level >= wajib => StatusKompetensi::Memenuhi { level },
            Kini::Berlaku { level, .. } => StatusKompetensi::Kurang {
                level,
                gap: wajib - level,
            },
            Kini::Kedaluwarsa { level, .. } => StatusKompetensi::Kedaluwarsa { level },
            Kini::Belum => StatusKompetensi::BelumDinilai,
        }
    }

    /// The gap counted in totals: 0 unless `Kurang`.
    pub fn gap(self) -> u8 {
        match self {
            StatusKompetensi::Kurang { gap, .. } => gap,
            _ => 0,
        }
    }

    /// The level that counts: the valid one, `None` when expired or never
    /// assessed.
    pub fn level_berlaku(self) -> Option<u8> {
        match self {
            StatusKompetensi::Memenuhi { level } | StatusKompetensi::Kurang { level, .. } => {
                Some(level)
            }
            StatusKompetensi::Kedaluwarsa { .. } | StatusKompetensi::BelumDinilai => None,
        }
    }

    /// The gap of an assessed competency, `None` when nothing valid says.
    pub fn gap_berlaku(self) -> Option<u8> {
        self.level_berlaku().map(|_| self.gap())
    }

    /// Stable machine code, e.g. for the API: `memenuhi`, `kurang`,
    /// `kedaluwarsa`, `belum_dinilai`.
    pub fn kode(self) -> &'static str {
        match self {
            StatusKompetensi::Memenuhi { .. } => "memenuhi",
            StatusKompetensi::Kurang { .. } => "kurang",
            StatusKompetensi::Kedaluwarsa { .. } => "kedaluwarsa",
            StatusKompetensi::BelumDinilai => "belum_dinilai",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            StatusKompetensi::Memenuhi { .. } => "Memenuhi",
            StatusKompetensi::Kurang { .. } => "Kurang",
            StatusKompetensi::Kedaluwarsa { .. } => "Kedaluwarsa",
            StatusKompetensi::BelumDinilai => "Belum dinilai",
        }
    }
}

/// One competency of the standard for one employee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RincianKompetensi {
    pub kompetensi: u32,
    pub kelompok: KelompokKompetensi,
    pub wajib: u8,
    pub bobot: u32,
    pub status: StatusKompetensi,
    /// The same answer as [`crate::profil::level_saat_ini`], with dates and
    /// the penilaian id.
    pub saat_ini: LevelSaatIni,
}

/// One employee against a standard, in full (for the employee page).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HasilPegawai {
    pub pegawai: u32,
    /// The position whose standard was used.
    pub jabatan: Option<u32>,
    /// The standard's competencies, by competency index.
    pub rincian: Vec<RincianKompetensi>,
    pub jumlah: Jumlah,
    /// Exactly one of `jpm` and `tanpa_jpm` is set.
    pub jpm: Option<Jpm>,
    pub tanpa_jpm: Option<AlasanTanpaJpm>,
    /// Band index in the scale used, when there is a JPM.
    pub kategori: Option<u8>,
}

/// One employee in a table of many: no allocation per employee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RingkasPegawai {
    pub pegawai: u32,
    pub jumlah: Jumlah,
    pub jpm: Option<Jpm>,
    pub tanpa_jpm: Option<AlasanTanpaJpm>,
    pub kategori: Option<u8>,
}

fn level_saat_ini(data: &Data, kini: Kini) -> LevelSaatIni {
    let parts = |baris: u32| {
        let b = baris as usize;
        let tanggal = tanggal_dari_nomor(data.pn.tanggal[b]).unwrap_or(Date::MIN);
        let sampai = tanggal_dari_nomor(data.pn.berlaku[b]).unwrap_or(Date::MIN);
        (tanggal, sampai, data.pn.id[b])
    };
    let lv = |l: u8| Level::try_from(l).unwrap_or(Level::MIN);
    match kini {
        Kini::Berlaku { level, baris } => {
            let (tanggal, berlaku_sampai, penilaian) = parts(baris);
            LevelSaatIni::Berlaku {
                level: lv(level),
                tanggal,
                berlaku_sampai,
                penilaian,
            }
        }
        Kini::Kedaluwarsa { level, baris } => {
            let (tanggal, berlaku_sampai, penilaian) = parts(baris);
            LevelSaatIni::Kedaluwarsa {
                level: lv(level),
                tanggal,
                berlaku_sampai,
                penilaian,
            }
        }
        Kini::Belum => LevelSaatIni::BelumDinilai,
    }
}

/// The standard an employee is measured against, or why there is none.
fn standar_pegawai(data: &Data, p: u32) -> Result<u32, AlasanTanpaJpm> {
    let j = data.pegawai_jabatan[p as usize];
    if j == TANPA {
        return Err(AlasanTanpaJpm::TanpaJabatan);
    }
    match data.jabatan_keadaan[j as usize] {
        KeadaanStandar::Ada => Ok(j),
        KeadaanStandar::Kosong => Err(AlasanTanpaJpm::JabatanTanpaStandar),
        KeadaanStandar::TidakValid => Err(AlasanTanpaJpm::StandarTidakValid),
    }
}

fn ringkas(
    data: &Data,
    p: u32,
    j: Result<u32, AlasanTanpaJpm>,
    hari: i32,
    atur: &PengaturanJpm,
    skala: &SkalaKategori,
) -> RingkasPegawai {
    let mut akum = Akum::default();
    let hasil = j.and_then(|j| {
        telusuri(data, p, data.rentang_standar(j), hari, |_, item, kini| {
            if let Some(item) = item {
                akum.tambah(data, item, kini, atur);
            }
        });
        akum.jpm(atur.bobot_kelompok_untuk(data.jabatan_tingkat[j as usize]))
    });
    RingkasPegawai {
        pegawai: p,
        jumlah: akum.jumlah,
        jpm: hasil.ok(),
        tanpa_jpm: hasil.err(),
        kategori: hasil.ok().map(|jpm| skala.kategori(jpm)),
    }
}

/// One employee against their own position's standard, in full.
pub fn hitung_pegawai(
    data: &Data,
    pegawai: u32,
    hari_ini: Date,
    atur: &PengaturanJpm,
    skala: &SkalaKategori,
) -> Result<HasilPegawai, GalatAnalisis> {
    if pegawai >= data.jumlah_pegawai() {
        return Err(GalatAnalisis::PegawaiTidakDikenal(pegawai));
    }
    let j = standar_pegawai(data, pegawai);
    Ok(rinci(data, pegawai, j, hari_ini, atur, skala))
}

/// One employee against any position's standard, in full.
pub fn hitung_pegawai_untuk_jabatan(
    data: &Data,
    pegawai: u32,
    jabatan: u32,
    hari_ini: Date,
    atur: &PengaturanJpm,
    skala: &SkalaKategori,
) -> Result<HasilPegawai, GalatAnalisis> {
    if pegawai >= data.jumlah_pegawai() {
        return Err(GalatAnalisis::PegawaiTidakDikenal(pegawai));
    }
    standar_dapat_dipakai(data, jabatan)?;
    Ok(rinci(data, pegawai, Ok(jabatan), hari_ini, atur, skala))
}

fn rinci(
    data: &Data,
    p: u32,
    j: Result<u32, AlasanTanpaJpm>,
    hari_ini: Date,
    atur: &PengaturanJpm,
    skala: &SkalaKategori,
) -> HasilPegawai {
    let hari = super::data::nomor_hari(hari_ini);
    let mut akum = Akum::default();
    let mut rincian = Vec::new();
    let hasil = j.and_then(|j| {
        telusuri(data, p, data.rentang_standar(j), hari, |k, item, kini| {
            if let Some(item) = item {
                akum.tambah(data, item, kini, atur);
                let wajib = data.st_level[item];
                rincian.push(RincianKompetensi {
                    kompetensi: k,
                    kelompok: data.kompetensi_kelompok[k as usize],
                    wajib,
                    bobot: data.st_bobot[item],
                    status: StatusKompetensi::dari(kini, wajib),
                    saat_ini: level_saat_ini(data, kini),
                });
            }
        });
        akum.jpm(atur.bobot_kelompok_untuk(data.jabatan_tingkat[j as usize]))
    });
    HasilPegawai {
        pegawai: p,
        jabatan: match j {
            Ok(j) => Some(j),
            Err(_) => data.pegawai_jabatan(p),
        },
        rincian,
        jumlah: akum.jumlah,
        jpm: hasil.ok(),
        tanpa_jpm: hasil.err(),
        kategori: hasil.ok().map(|jpm| skala.kategori(jpm)),
    }
}

/// The current level of every competency an employee has results for (not
/// only those of the standard), by competency index.
pub fn profil_pegawai(
    data: &Data,
    pegawai: u32,
    hari_ini: Date,
) -> Result<Vec<(u32, LevelSaatIni)>, GalatAnalisis> {
    if pegawai >= data.jumlah_pegawai() {
        return Err(GalatAnalisis::PegawaiTidakDikenal(pegawai));
    }
    let mut out = Vec::new();
    telusuri(
        data,
        pegawai,
        0..0,
        super::data::nomor_hari(hari_ini),
        |k, _, kini| out.push((k, level_saat_ini(data, kini))),
    );
    Ok(out)
}

/// Runs `f` over `0..n` in contiguous chunks on up to `utas` threads and
/// concatenates the results in order, so output never depends on threads.
pub(crate) fn paralel<T: Send>(
    n: usize,
    utas: usize,
    f: impl Fn(Range<usize>) -> Vec<T> + Sync,
) -> Vec<T> {
    const MIN_PER_UTAS: usize = 4096;
    let utas = utas.min(n / MIN_PER_UTAS).max(1);
    let per = n.div_ceil(utas);
    let batas: Vec<usize> = (0..=utas).map(|t| (t * per).min(n)).collect();
    paralel_batas(&batas, f)
}

/// Runs `f` over each range `batas[t]..batas[t + 1]` on its own thread and
/// concatenates the results in order.
pub(crate) fn paralel_batas<T: Send>(
    batas: &[usize],
    f: impl Fn(Range<usize>) -> Vec<T> + Sync,
) -> Vec<T> {
    if batas.len() <= 2 {
        let r = batas.first().copied().unwrap_or(0)..batas.last().copied().unwrap_or(0);
        return f(r);
    }
    let parts: Vec<Vec<T>> = std::thread::scope(|s| {
        let handles: Vec<_> = batas
            .windows(2)
            .map(|w| {
                let r = w[0]..w[1];
                let f = &f;
                s.spawn(move || f(r))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let mut out = Vec::with_capacity(parts.iter().map(Vec::len).sum());
    for p in parts {
        out.extend(p);
    }
    out
}

/// Every chosen employee against their own standard, in `pilihan` order.
/// This is the per-employee JPM table (export, benchmark).
pub fn hitung_semua(
    data: &Data,
    pilihan: Pilihan<'_>,
    hari_ini: Date,
    atur: &PengaturanJpm,
    skala: &SkalaKategori,
) -> Result<Vec<RingkasPegawai>, GalatAnalisis> {
    pilihan.periksa(data)?;
    let hari = super::data::nomor_hari(hari_ini);
    Ok(paralel(pilihan.len(data), data.utas, |r| {
        r.map(|i| {
            let p = pilihan.get(i);
            ringkas(data, p, standar_pegawai(data, p), hari, atur, skala)
        })
        .collect()
    }))
}

fn standar_dapat_dipakai(data: &Data, jabatan: u32) -> Result<(), GalatAnalisis> {
    match data.keadaan_standar(jabatan) {
        None => Err(GalatAnalisis::JabatanTidakDikenal(jabatan)),
        Some(KeadaanStandar::Ada) => Ok(()),
        Some(k) => Err(GalatAnalisis::StandarTidakDapatDipakai(k)),
    }
}

/// One employee in a job-fit ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Kecocokan {
    pub peringkat: u32,
    pub hasil: RingkasPegawai,
    /// Enough of the standard assessed (see [`kecocokan_jabatan`]) and the
    /// category at or above the threshold band.
    pub memenuhi_syarat: bool,
    /// At least `cakupan_minimal_persen` of the standard's competencies
    /// have a valid assessment.
    pub cukup_dinilai: bool,
}

/// Every chosen employee against one position's standard (not their own),
/// best first: those with enough of the standard assessed before the rest,
/// then higher JPM, then more competencies assessed, then fewer expired,
/// then lower employee index; employees without a JPM come last.
///
/// JPM is over the assessed competencies only, so a JPM from two of twelve
/// competencies must not outrank one from all twelve: `cakupan_minimal_persen`
/// is the share of the standard that must be validly assessed (0 to 100)
/// before a JPM counts for eligibility and the first group. `ambang` is the
/// lowest band index that counts as eligible (e.g. 0 for "Memenuhi Syarat"
/// only, 1 to include "Masih Memenuhi Syarat").
#[allow(clippy::too_many_arguments)]
pub fn kecocokan_jabatan(
    data: &Data,
    pilihan: Pilihan<'_>,
    jabatan: u32,
    hari_ini: Date,
    atur: &PengaturanJpm,
    skala: &SkalaKategori,
    ambang: u8,
    cakupan_minimal_persen: u8,
) -> Result<Vec<Kecocokan>, GalatAnalisis> {
    pilihan.periksa(data)?;
    standar_dapat_dipakai(data, jabatan)?;
    if usize::from(ambang) >= skala.pita().len() {
        return Err(GalatAnalisis::AmbangDiLuarSkala {
            ambang,
            pita: skala.pita().len(),
        });
    }
    let hari = super::data::nomor_hari(hari_ini);
    let mut hasil = paralel(pilihan.len(data), data.utas, |r| {
        r.map(|i| ringkas(data, pilihan.get(i), Ok(jabatan), hari, atur, skala))
            .collect()
    });
    let cakupan = u32::from(cakupan_minimal_persen.min(100));
    let cukup =
        |h: &RingkasPegawai| h.jpm.is_some() && h.jumlah.dinilai * 100 >= cakupan * h.jumlah.wajib;
    hasil.sort_unstable_by(|a, b| cukup(b).cmp(&cukup(a)).then(urutan_kecocokan(a, b)));
    Ok(hasil
        .into_iter()
        .enumerate()
        .map(|(i, h)| Kecocokan {
            peringkat: i as u32 + 1,
            memenuhi_syarat: cukup(&h) && h.kategori.is_some_and(|k| k <= ambang),
            cukup_dinilai: cukup(&h),
            hasil: h,
        })
        .collect())
}

/// JPM first (none last), then more assessed, fewer expired, lower index.
pub(crate) fn urutan_kecocokan(a: &RingkasPegawai, b: &RingkasPegawai) -> Ordering {
    let jpm = match (a.jpm, b.jpm) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    jpm.then(b.jumlah.dinilai.cmp(&a.jumlah.dinilai))
        .then(a.jumlah.kedaluwarsa.cmp(&b.jumlah.kedaluwarsa))
        .then(a.pegawai.cmp(&b.pegawai))
}
