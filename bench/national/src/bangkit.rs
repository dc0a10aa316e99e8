//! A deterministic national-scale data set: instansi of very different
//! sizes, their units and positions with competency standards, employees and
//! five years of assessments with three-year validity.
//!
//! Shapes follow the Sawahlunto demo (nine managerial + socio-cultural
//! competencies at the default level of the position type, two to five
//! technical ones; levels centred a little below the standard; rounds of
//! assessment-center/CACT mapping, technical tests, short-lived
//! self-assessments) without depending on it. One national dictionary of
//! 9 + 60 competencies serves every instansi.

use crate::acak::Acak;
use crate::data::{
    Dataset, JENIS, Jabatan, KELOMPOK_MANAJERIAL, KELOMPOK_SOSIAL_KULTURAL, KELOMPOK_TEKNIS,
    Kompetensi, Pegawai, Penilaian, Standar, Unit, dari_tanggal, ke_tanggal,
};
use anyhow::{Result, bail};
use time::macros::date;

pub const PEGAWAI_NASIONAL: f64 = 4_300_000.0;
pub const INSTANSI_NASIONAL: f64 = 500.0;
pub const JUMLAH_MANAJERIAL: u32 = 9;
pub const JUMLAH_TEKNIS: u32 = 60;

/// Days of assessment history before `hari_ini`.
const RIWAYAT_HARI: i32 = 5 * 365;

#[derive(Debug, Clone, Copy)]
pub struct Parameter {
    pub skala: f64,
    pub seed: u64,
    /// Write assessments grouped by employee, competency, newest first
    /// (as a store would hand them to the engine) instead of in date order.
    pub urut_pegawai: bool,
}

/// Index into [`JENIS`].
const JPT: u8 = 0;
const ADMINISTRATOR: u8 = 1;
const PENGAWAS: u8 = 2;
const FUNGSIONAL: u8 = 3;
const PELAKSANA: u8 = 4;

/// Share of positions and of employees per position type.
const BAGIAN_JABATAN: [f64; 5] = [0.03, 0.10, 0.22, 0.35, 0.30];
const BAGIAN_PEGAWAI: [f64; 5] = [0.004, 0.025, 0.07, 0.50, 0.401];

fn level_manajerial(jenis: u8, acak: &mut Acak) -> u8 {
    match jenis {
        JPT => 4,
        ADMINISTRATOR => 3,
        PENGAWAS => 2,
        FUNGSIONAL => 2 + u8::from(acak.peluang(0.3)),
        _ => 1,
    }
}

fn level_teknis(jenis: u8, acak: &mut Acak) -> u8 {
    match jenis {
        JPT => 4,
        ADMINISTRATOR | PENGAWAS => 3,
        FUNGSIONAL => 2 + acak.bawah(3) as u8,
        _ => 1 + acak.bawah(2) as u8,
    }
}

/// `date + n years − 1 day`: the last valid day of a result (29 February
/// falls back to 28 February).
fn berlaku_sampai(tanggal: i32, tahun: i32) -> Result<i32> {
    let d = ke_tanggal(tanggal)?;
    let target = d.year() + tahun;
    let akhir = d
        .replace_year(target)
        .or_else(|_| date!(2000 - 02 - 28).replace_year(target))?;
    Ok(dari_tanggal(akhir) - 1)
}

/// Instansi sizes: log-normal (a few ministries with hundreds of thousands,
/// many kabupaten/kota with a few thousand), summing exactly to `total`.
fn ukuran_instansi(n: usize, total: u64, acak: &mut Acak) -> Vec<u64> {
    let w: Vec<f64> = (0..n).map(|_| (1.1 * acak.normal()).exp()).collect();
    let sum: f64 = w.iter().sum();
    let mut sizes: Vec<u64> = w
        .iter()
        .map(|x| ((x / sum) * total as f64).floor() as u64)
        .collect();
    let mut sisa = total.saturating_sub(sizes.iter().sum());
    let mut i = 0;
    while sisa > 0 {
        sizes[i % n] += 1;
        sisa -= 1;
        i += 1;
    }
    sizes
}

fn pilih_jenis(bagian: &[f64; 5], acak: &mut Acak) -> u8 {
    let mut u = acak.f64();
    for (i, b) in bagian.iter().enumerate() {
        if u < *b {
            return i as u8;
        }
        u -= b;
    }
    PELAKSANA
}

fn level_dari(required: u8, bakat: f64, acak: &mut Acak) -> u8 {
    let x = f64::from(required) + bakat + 0.5 * acak.normal();
    x.round().clamp(1.0, 5.0) as u8
}

/// Generates the whole data set. Deterministic in `p`.
pub fn bangkitkan(p: Parameter) -> Result<Dataset> {
    if !(p.skala > 0.0 && p.skala <= 4.0) {
        bail!("scale must be in (0, 4], got {}", p.skala);
    }
    let hari_ini = dari_tanggal(date!(2026 - 07 - 01));
    let awal = hari_ini - RIWAYAT_HARI;
    let total_pegawai = (PEGAWAI_NASIONAL * p.skala).round().max(1.0) as u64;
    let n_instansi = ((INSTANSI_NASIONAL * p.skala).round() as usize).clamp(1, 500);

    let mut data = Dataset {
        hari_ini,
        ..Dataset::default()
    };
    for id in 1..=JUMLAH_MANAJERIAL + JUMLAH_TEKNIS {
        let kelompok = if id < JUMLAH_MANAJERIAL {
            KELOMPOK_MANAJERIAL
        } else if id == JUMLAH_MANAJERIAL {
            KELOMPOK_SOSIAL_KULTURAL
        } else {
            KELOMPOK_TEKNIS
        };
        data.kompetensi.push(Kompetensi { id, kelompok });
    }

    let mut acak = Acak::cabang(p.seed, "instansi", 0);
    let sizes = ukuran_instansi(n_instansi, total_pegawai, &mut acak);
    let mut next_unit = 1u32;
    let mut next_jabatan = 1u32;
    let mut next_pegawai = 1u32;
    // Until sorting, `id` holds a random key that orders same-day rows.
    let mut penilaian: Vec<Penilaian> = Vec::new();

    for (i, &size) in sizes.iter().enumerate() {
        let instansi = i as u32 + 1;
        let mut acak = Acak::cabang(p.seed, "organisasi", u64::from(instansi));

        // Units: OPDs first (each its own OPD), then sub-units under them.
        let n_opd = (size / 400).clamp(4, 60) as u32;
        let n_unit = (size / 30).max(u64::from(n_opd)) as u32;
        let unit_awal = next_unit;
        for k in 0..n_unit {
            let id = next_unit;
            let opd = if k < n_opd {
                id
            } else {
                unit_awal + acak.bawah(u64::from(n_opd)) as u32
            };
            data.unit.push(Unit { id, instansi, opd });
            next_unit += 1;
        }

        // Positions per type, each with its standard.
        let n_jabatan = (size / 30).clamp(15, 600) as usize;
        let mut per_jenis: [Vec<u32>; 5] = Default::default();
        for (jenis, bagian) in BAGIAN_JABATAN.iter().enumerate() {
            let n = ((n_jabatan as f64 * bagian).round() as usize).max(1);
            for _ in 0..n {
                let id = next_jabatan;
                next_jabatan += 1;
                let jenis = jenis as u8;
                data.jabatan.push(Jabatan {
                    id,
                    instansi,
                    jenis,
                });
                per_jenis[usize::from(jenis)].push(id);
                // A few positions have no standard yet (bad input the
                // product must report, never compute a percentage for).
                if acak.peluang(0.003) {
                    continue;
                }
                let lv = level_manajerial(jenis, &mut acak);
                for kompetensi in 1..=JUMLAH_MANAJERIAL {
                    data.standar.push(Standar {
                        jabatan: id,
                        kompetensi,
                        level: lv,
                        bobot: 1,
                    });
                }
                let n_teknis = 2 + acak.bawah(4) as usize;
                let mut dipilih: Vec<u32> = Vec::with_capacity(n_teknis);
                while dipilih.len() < n_teknis {
                    let k = JUMLAH_MANAJERIAL + 1 + acak.bawah(u64::from(JUMLAH_TEKNIS)) as u32;
                    if !dipilih.contains(&k) {
                        dipilih.push(k);
                    }
                }
                let lv = level_teknis(jenis, &mut acak);
                let inti = acak.peluang(0.4);
                for (urutan, k) in dipilih.into_iter().enumerate() {
                    let (level, bobot) = if urutan == 0 {
                        (lv, if inti { 2 } else { 1 })
                    } else {
                        (lv.saturating_sub(u8::from(urutan > 2)).max(1), 1)
                    };
                    data.standar.push(Standar {
                        jabatan: id,
                        kompetensi: k,
                        level,
                        bobot,
                    });
                }
            }
        }
        let standar_awal = data
            .standar
            .partition_point(|s| s.jabatan < per_jenis[0].first().copied().unwrap_or(0));
        let standar_instansi = &data.standar[standar_awal..];

        // Managerial mapping rounds of this instansi (start days).
        let putaran: Vec<i32> = (0..6)
            .map(|_| awal + acak.bawah((RIWAYAT_HARI - 60) as u64) as i32)
            .collect();

        for _ in 0..size {
            let id = next_pegawai;
            next_pegawai += 1;
            let mut acak = Acak::cabang(p.seed, "pegawai", u64::from(id));
            let unit = unit_awal + acak.bawah(u64::from(n_unit)) as u32;
            let jenis = pilih_jenis(&BAGIAN_PEGAWAI, &mut acak);
            let daftar = &per_jenis[usize::from(jenis)];
            // Skewed: a few positions (guru, pelaksana umum) hold many people.
            let u = acak.f64();
            let jabatan = if acak.peluang(0.001) {
                None
            } else {
                Some(daftar[((daftar.len() as f64) * u * u) as usize])
            };
            data.pegawai.push(Pegawai {
                id,
                instansi,
                unit,
                jabatan,
            });
            if acak.peluang(0.08) {
                continue; // never assessed
            }
            let bakat = -0.4 + 0.7 * acak.normal();
            let std_mulai =
                jabatan.map_or(0, |j| standar_instansi.partition_point(|s| s.jabatan < j));
            let std_akhir =
                jabatan.map_or(0, |j| standar_instansi.partition_point(|s| s.jabatan <= j));
            let standar = &standar_instansi[std_mulai..std_akhir];
            let wajib = |k: u32| {
                standar
                    .iter()
                    .find(|s| s.kompetensi == k)
                    .map_or(2, |s| s.level)
            };
            let mut tambah = |acak: &mut Acak, kompetensi: u32, tanggal: i32, tahun: i32| {
                let level = level_dari(wajib(kompetensi), bakat, acak);
                let row = Penilaian {
                    id: acak.next_u64() as u32,
                    pegawai: id,
                    kompetensi,
                    level,
                    tanggal,
                    berlaku_sampai: berlaku_sampai(tanggal, tahun)?,
                };
                penilaian.push(row);
                // A same-day correction: the one recorded later counts.
                if acak.peluang(0.004) {
                    penilaian.push(Penilaian {
                        id: acak.next_u64() as u32,
                        level: (level % 5) + 1,
                        ..row
                    });
                }
                anyhow::Ok(())
            };

            // Managerial + socio-cultural: one to three mapping rounds.
            let u = acak.f64();
            let n_putaran = if u < 0.80 {
                1
            } else if u < 0.98 {
                2
            } else {
                3
            };
            let mulai = acak.bawah(putaran.len() as u64) as usize;
            for r in 0..n_putaran {
                let hari = putaran[(mulai + r * 2) % putaran.len()] + acak.bawah(45) as i32;
                for k in 1..=JUMLAH_MANAJERIAL {
                    if acak.peluang(0.95) {
                        tambah(&mut acak, k, hari.min(hari_ini - 1), 3)?;
                    }
                }
            }
            // Technical competencies of the standard: tests, some twice;
            // one in ten a self-assessment valid for one year.
            for s in standar.iter().filter(|s| s.kompetensi > JUMLAH_MANAJERIAL) {
                let u = acak.f64();
                let kali = if u < 0.45 {
                    1
                } else if u < 0.57 {
                    2
                } else {
                    0
                };
                for _ in 0..kali {
                    let hari = awal + acak.bawah(RIWAYAT_HARI as u64) as i32;
                    let tahun = if acak.peluang(0.1) { 1 } else { 3 };
                    tambah(&mut acak, s.kompetensi, hari, tahun)?;
                }
            }
            // Results from earlier positions, outside the current standard.
            if acak.peluang(0.08) {
                for _ in 0..1 + acak.bawah(3) {
                    let k = JUMLAH_MANAJERIAL + 1 + acak.bawah(u64::from(JUMLAH_TEKNIS)) as u32;
                    let hari = awal + acak.bawah(RIWAYAT_HARI as u64) as i32;
                    tambah(&mut acak, k, hari, 3)?;
                }
            }
        }
    }

    // Recorded in date order, as rounds are entered; ids follow.
    penilaian.sort_unstable_by_key(|n| (n.tanggal, n.id, n.pegawai, n.kompetensi));
    for (i, n) in penilaian.iter_mut().enumerate() {
        n.id = u32::try_from(i + 1)?;
    }
    if p.urut_pegawai {
        penilaian.sort_unstable_by_key(|n| {
            (
                n.pegawai,
                n.kompetensi,
                std::cmp::Reverse((n.tanggal, n.id)),
            )
        });
    }
    data.penilaian = penilaian;
    debug_assert!(
        data.jabatan
            .iter()
            .all(|j| usize::from(j.jenis) < JENIS.len())
    );
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_data_and_another_seed_differs() {
        let p = Parameter {
            skala: 0.0005,
            seed: 42,
            urut_pegawai: false,
        };
        let a = bangkitkan(p).expect("generates");
        let b = bangkitkan(p).expect("generates");
        assert_eq!(a, b);
        let c = bangkitkan(Parameter { seed: 43, ..p }).expect("generates");
        assert_ne!(a.penilaian, c.penilaian);
        // The other order holds the same rows.
        let mut e = bangkitkan(Parameter {
            urut_pegawai: true,
            ..p
        })
        .expect("generates");
        assert_ne!(e.penilaian, a.penilaian);
        e.penilaian.sort_unstable_by_key(|n| n.id);
        assert_eq!(e, a);
    }

    #[test]
    fn shapes_are_plausible() {
        let d = bangkitkan(Parameter {
            skala: 0.001,
            seed: 1,
            urut_pegawai: false,
        })
        .expect("generates");
        assert_eq!(d.pegawai.len(), 4300);
        let per_pegawai = d.penilaian.len() as f64 / d.pegawai.len() as f64;
        assert!((8.0..16.0).contains(&per_pegawai), "{per_pegawai}");
        assert!(d.penilaian.iter().all(|n| (1..=5).contains(&n.level)
            && n.berlaku_sampai > n.tanggal
            && n.tanggal < d.hari_ini));
        let expired = d
            .penilaian
            .iter()
            .filter(|n| n.berlaku_sampai < d.hari_ini)
            .count();
        assert!(expired > d.penilaian.len() / 10, "{expired}");
        // Ids are unique and follow the date order.
        assert!(
            d.penilaian
                .windows(2)
                .all(|w| w[0].id < w[1].id && w[0].tanggal <= w[1].tanggal)
        );
    }

    #[test]
    fn validity_is_n_years_minus_a_day() {
        let d = dari_tanggal(date!(2023 - 11 - 28));
        assert_eq!(
            berlaku_sampai(d, 3).expect("ok"),
            dari_tanggal(date!(2026 - 11 - 27))
        );
        let leap = dari_tanggal(date!(2024 - 02 - 29));
        assert_eq!(
            berlaku_sampai(leap, 1).expect("ok"),
            dari_tanggal(date!(2025 - 02 - 27))
        );
    }
}
