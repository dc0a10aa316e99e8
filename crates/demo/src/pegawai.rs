//! The employees: who holds each position, with a NIP, rank, education and
//! dates that agree with each other.
//!
//! For a PNS the rank follows from the entry rank of the education level plus
//! one step about every four years, capped by the position; the TMT CPNS
//! follows from the years of service, and the birth date from an appointment
//! age of 20 to 35. A PPPK gets the grade of the education level (raised for
//! higher functional grades) and was appointed in one of the PPPK rounds of
//! the last years.

use crate::acak::Acak;
use crate::gelar::{self, Latar};
use crate::organisasi::Organisasi;
use crate::waktu::{awal_bulan, geser, tambah_tahun};
use crate::{PegawaiDemo, Rumpun, nama};
use kompeten_domain::{
    Golongan, GolonganPns, GolonganPppk, JenisJabatan, JenisKelamin, JenjangFungsional, Nip,
    Pendidikan, TingkatJabatan, TmtCpns,
};
use std::collections::BTreeSet;
use time::Date;

/// New CPNS placed in a unit but not yet given a position (a real
/// data-quality case the application must show).
const JUMLAH_TANPA_JABATAN: usize = 14;

/// Share of employees on leave outside the state's budget, study leave or
/// otherwise inactive, in per mille.
const NONAKTIF_PERMIL: u64 = 12;

struct Nomor {
    terpakai: BTreeSet<String>,
}

impl Nomor {
    /// The first free serial from a random start, as real NIPs have serials
    /// that count collisions nationwide.
    fn pns(&mut self, acak: &mut Acak, lahir: Date, tmt: TmtCpns, jk: JenisKelamin) -> Option<Nip> {
        let mulai = acak.antara(1, 25) as u16;
        for urut in mulai..1000 {
            let nip = Nip::compose_pns(lahir, tmt, jk, urut).ok()?;
            if self.terpakai.insert(nip.as_str().to_owned()) {
                return Some(nip);
            }
        }
        None
    }

    /// NI PPPK: birth date, appointment year, "21", gender, serial.
    fn pppk(&mut self, acak: &mut Acak, lahir: Date, tahun: i32, jk: JenisKelamin) -> Option<Nip> {
        let mulai = acak.antara(1, 120) as u16;
        for urut in mulai..1000 {
            let digits = format!(
                "{:04}{:02}{:02}{:04}21{}{:03}",
                lahir.year(),
                u8::from(lahir.month()),
                lahir.day(),
                tahun,
                jk.nip_digit(),
                urut
            );
            let nip = Nip::parse_pppk(&digits).ok()?;
            if self.terpakai.insert(digits) {
                return Some(nip);
            }
        }
        None
    }
}

fn indeks(g: GolonganPns) -> usize {
    GolonganPns::ALL.iter().position(|x| *x == g).unwrap_or(0)
}

fn golongan_ke(i: usize) -> GolonganPns {
    GolonganPns::ALL
        .get(i)
        .copied()
        .unwrap_or(GolonganPns::IIIa)
}

/// Entry rank of a new CPNS by education; a professional degree adds one step.
fn masuk_pns(pendidikan: Pendidikan, profesi: bool) -> usize {
    use GolonganPns as G;
    let g = match pendidikan {
        Pendidikan::Sd => G::Ia,
        Pendidikan::Smp => G::Ic,
        Pendidikan::Slta => G::IIa,
        Pendidikan::D1 | Pendidikan::D2 => G::IIb,
        Pendidikan::D3 => G::IIc,
        Pendidikan::D4 | Pendidikan::S1 => G::IIIa,
        Pendidikan::S2 => G::IIIb,
        Pendidikan::S3 => G::IIIc,
    };
    indeks(g) + usize::from(profesi)
}

/// Ranks a holder of the position can have (inclusive indices).
fn rentang_pns(tingkat: TingkatJabatan, pendidikan: Pendidikan) -> (usize, usize) {
    use GolonganPns as G;
    use JenjangFungsional as J;
    let (lo, hi) = match (tingkat.jenis(), tingkat.jenjang()) {
        (JenisJabatan::JptUtama | JenisJabatan::JptMadya | JenisJabatan::JptPratama, _) => {
            (G::IVb, G::IVd)
        }
        (JenisJabatan::Administrator, _) => (G::IIId, G::IVc),
        (JenisJabatan::Pengawas, _) => (G::IIIb, G::IVa),
        (JenisJabatan::Pelaksana, _) => {
            let cap = match pendidikan {
                Pendidikan::Sd => G::IIb,
                Pendidikan::Smp => G::IIc,
                Pendidikan::Slta | Pendidikan::D1 | Pendidikan::D2 => G::IIIb,
                Pendidikan::D3 => G::IIIc,
                _ => G::IIId,
            };
            (G::Ia, cap)
        }
        (JenisJabatan::Fungsional, Some(J::AhliPertama)) => (G::IIIa, G::IIIb),
        (JenisJabatan::Fungsional, Some(J::AhliMuda)) => (G::IIIc, G::IIId),
        (JenisJabatan::Fungsional, Some(J::AhliMadya)) => (G::IVa, G::IVc),
        (JenisJabatan::Fungsional, Some(J::AhliUtama)) => (G::IVd, G::IVe),
        (JenisJabatan::Fungsional, Some(J::Pemula)) => (G::IIa, G::IIa),
        (JenisJabatan::Fungsional, Some(J::Terampil)) => (G::IIb, G::IId),
        (JenisJabatan::Fungsional, Some(J::Mahir)) => (G::IIIa, G::IIIb),
        (JenisJabatan::Fungsional, Some(J::Penyelia) | None) => (G::IIIc, G::IIId),
    };
    (indeks(lo), indeks(hi))
}

fn golongan_pppk(pendidikan: Pendidikan, tingkat: TingkatJabatan) -> GolonganPppk {
    use GolonganPppk as G;
    use JenjangFungsional as J;
    let dasar = match pendidikan {
        Pendidikan::Sd => G::I,
        Pendidikan::Smp => G::III,
        Pendidikan::Slta | Pendidikan::D1 => G::V,
        Pendidikan::D2 => G::VI,
        Pendidikan::D3 => G::VII,
        Pendidikan::D4 | Pendidikan::S1 => G::IX,
        Pendidikan::S2 => G::X,
        Pendidikan::S3 => G::XI,
    };
    let minimum = match tingkat.jenjang() {
        Some(J::AhliMuda) => G::XI,
        Some(J::AhliMadya) => G::XIII,
        Some(J::Mahir) => G::VIII,
        Some(J::Penyelia) => G::IX,
        _ => G::I,
    };
    dasar.max(minimum)
}

/// Retirement age (batas usia pensiun) of the position.
fn bup(tingkat: TingkatJabatan, rumpun: Rumpun) -> i64 {
    match (tingkat.jenis(), tingkat.jenjang()) {
        (JenisJabatan::JptUtama | JenisJabatan::JptMadya | JenisJabatan::JptPratama, _) => 60,
        (JenisJabatan::Fungsional, Some(JenjangFungsional::AhliUtama)) => 65,
        (JenisJabatan::Fungsional, Some(JenjangFungsional::AhliMadya)) => 60,
        _ if rumpun == Rumpun::Guru => 60,
        _ => 58,
    }
}

fn usia_angkat(acak: &mut Acak, pendidikan: Pendidikan, profesi: bool) -> i64 {
    let (lo, hi) = match pendidikan {
        Pendidikan::Sd | Pendidikan::Smp | Pendidikan::Slta | Pendidikan::D1 | Pendidikan::D2 => {
            (20, 28)
        }
        Pendidikan::D3 => (21, 30),
        Pendidikan::D4 | Pendidikan::S1 => (22, 32),
        Pendidikan::S2 => (26, 35),
        Pendidikan::S3 => (29, 35),
    };
    // A profession (dr., apt.) adds two years of training, a specialty more.
    let lo = match (profesi, pendidikan) {
        (true, Pendidikan::S2 | Pendidikan::S3) => 30,
        (true, _) => lo + 2,
        (false, _) => lo,
    };
    acak.antara(lo, hi.max(lo))
}

/// Month of a CPNS appointment: most formations start in January, March,
/// April or December.
fn bulan_tmt(acak: &mut Acak) -> u8 {
    let bulan = acak.berbobot(&[
        (1u8, 30),
        (3, 20),
        (4, 12),
        (12, 14),
        (2, 6),
        (6, 6),
        (7, 6),
        (10, 6),
    ]);
    bulan.unwrap_or(1)
}

/// Who the person is before the NIP is built.
struct Orang {
    jk: JenisKelamin,
    pendidikan: Pendidikan,
    latar: &'static Latar,
}

struct Tanggal {
    lahir: Date,
    tmt: Date,
}

/// Dates of a PNS; `None` when no consistent dates exist (never in practice).
#[allow(clippy::too_many_arguments)]
fn tanggal_pns(
    acak: &mut Acak,
    hari_ini: Date,
    tingkat: TingkatJabatan,
    rumpun: Rumpun,
    orang: &Orang,
    masuk: usize,
    golongan: usize,
) -> Option<Tanggal> {
    let langkah = golongan.saturating_sub(masuk) as i64;
    let mut masa = langkah * 4 + acak.antara(0, 3);
    let minimum = match tingkat.jenis() {
        JenisJabatan::JptUtama | JenisJabatan::JptMadya | JenisJabatan::JptPratama => 20,
        JenisJabatan::Administrator => 13,
        JenisJabatan::Pengawas => 7,
        _ => 1,
    };
    if matches!(
        tingkat.jenis(),
        JenisJabatan::JptPratama
            | JenisJabatan::Administrator
            | JenisJabatan::Pengawas
            | JenisJabatan::Pelaksana
    ) {
        // Ranks stop at the position's cap while service goes on.
        masa += acak.antara(0, 6);
    }
    masa = masa.max(minimum).max(1);
    let mut usia = usia_angkat(acak, orang.pendidikan, orang.latar.profesi());
    let batas = bup(tingkat, rumpun) - 1;
    if usia + masa > batas {
        usia = (batas - masa).max(20);
        masa = masa.min(batas - usia);
    }
    let mut tahun = hari_ini.year() - i32::try_from(masa).ok()?;
    // No regional CPNS were appointed during the 2015-2018 moratorium.
    if (2015..=2016).contains(&tahun) {
        tahun = 2014;
    } else if (2017..=2018).contains(&tahun) {
        tahun = 2019;
    }
    let mut tmt = awal_bulan(tahun, bulan_tmt(acak))?;
    while tmt > geser(hari_ini, -300) {
        tmt = tambah_tahun(tmt, -1);
    }
    let lahir = geser(
        tambah_tahun(tmt, -i32::try_from(usia).ok()?),
        -acak.antara(0, 364),
    );
    Some(Tanggal { lahir, tmt })
}

/// Year of a PPPK appointment: the national rounds started in 2019.
fn tmt_pppk(acak: &mut Acak, hari_ini: Date) -> Option<Date> {
    let mundur = acak.berbobot(&[(0i32, 8), (1, 26), (2, 24), (3, 22), (4, 14), (5, 6)])?;
    let tahun = (hari_ini.year() - mundur).max(2019).min(hari_ini.year());
    let bulan = *acak.pilih(&[1u8, 1, 3, 4, 7, 10])?;
    let mut tmt = awal_bulan(tahun, bulan)?;
    while tmt > geser(hari_ini, -60) {
        tmt = tambah_tahun(tmt, -1);
    }
    Some(tmt)
}

#[allow(clippy::too_many_arguments)]
fn buat_satu(
    acak: &mut Acak,
    nomor: &mut Nomor,
    hari_ini: Date,
    jabatan: Option<usize>,
    unit: usize,
    tingkat: TingkatJabatan,
    rumpun: Rumpun,
    orang: &Orang,
    pppk: bool,
    baru: bool,
) -> Option<PegawaiDemo> {
    let (nip, golongan, tmt) = if pppk {
        let tmt = tmt_pppk(acak, hari_ini)?;
        let batas = bup(tingkat, rumpun) - 1 - i64::from(hari_ini.year() - tmt.year());
        let usia = acak.antara(24, 42).min(batas).max(20);
        let lahir = geser(
            tambah_tahun(tmt, -i32::try_from(usia).ok()?),
            -acak.antara(0, 364),
        );
        let nip = nomor.pppk(acak, lahir, tmt.year(), orang.jk)?;
        (
            nip,
            Golongan::Pppk(golongan_pppk(orang.pendidikan, tingkat)),
            tmt,
        )
    } else {
        let masuk = masuk_pns(orang.pendidikan, orang.latar.profesi());
        let (golongan, tanggal) = if baru {
            let hari = geser(hari_ini, -30 * acak.antara(2, 8));
            let tmt = awal_bulan(hari.year(), u8::from(hari.month()))?;
            let usia = acak.antara(22, 30);
            let lahir = geser(
                tambah_tahun(tmt, -i32::try_from(usia).ok()?),
                -acak.antara(0, 364),
            );
            (masuk, Tanggal { lahir, tmt })
        } else {
            let (lo, hi) = rentang_pns(tingkat, orang.pendidikan);
            let lo = lo.max(masuk);
            let hi = hi.max(lo);
            let g = acak.antara(lo as i64, hi as i64) as usize;
            (
                g,
                tanggal_pns(acak, hari_ini, tingkat, rumpun, orang, masuk, g)?,
            )
        };
        let tmt = TmtCpns {
            tahun: tanggal.tmt.year(),
            bulan: tanggal.tmt.month(),
        };
        let nip = nomor.pns(acak, tanggal.lahir, tmt, orang.jk)?;
        (nip, Golongan::Pns(golongan_ke(golongan)), tanggal.tmt)
    };
    let (gelar_depan, gelar_belakang) = gelar::untuk(acak, orang.latar, orang.pendidikan);
    let nama = nama::buat(acak, orang.jk, nip.tanggal_lahir().year());
    // Only staff without a structural post are ever inactive: a vacant
    // structural post would be filled by an acting official instead.
    let staf = matches!(
        tingkat.jenis(),
        JenisJabatan::Fungsional | JenisJabatan::Pelaksana
    );
    let aktif = baru || !staf || acak.bawah(1000) >= NONAKTIF_PERMIL;
    Some(PegawaiDemo {
        nip,
        nama,
        gelar_depan,
        gelar_belakang,
        golongan,
        jabatan,
        unit,
        pendidikan: orang.pendidikan,
        aktif,
        tmt,
    })
}

/// Every employee, position by position, then the new CPNS without one.
pub(crate) fn buat(acak: &mut Acak, org: &Organisasi, hari_ini: Date) -> Vec<PegawaiDemo> {
    let mut nomor = Nomor {
        terpakai: BTreeSet::new(),
    };
    let mut out = Vec::new();
    for f in &org.formasi {
        let Some(jabatan) = org.jabatan.get(f.jabatan) else {
            continue;
        };
        for _ in 0..f.jumlah {
            let jk = if acak.persen(f.perempuan) {
                JenisKelamin::Perempuan
            } else {
                JenisKelamin::LakiLaki
            };
            let pendidikan = acak.berbobot(f.pendidikan).unwrap_or(Pendidikan::S1);
            let latar = acak.pilih(f.latar).copied().unwrap_or(&gelar::UMUM);
            let orang = Orang {
                jk,
                pendidikan,
                latar,
            };
            let pppk = acak.persen(f.pppk);
            if let Some(p) = buat_satu(
                acak,
                &mut nomor,
                hari_ini,
                Some(f.jabatan),
                jabatan.unit,
                jabatan.tingkat,
                jabatan.rumpun,
                &orang,
                pppk,
                false,
            ) {
                out.push(p);
            }
        }
    }
    let Ok(pelaksana) = TingkatJabatan::struktural(JenisJabatan::Pelaksana) else {
        return out;
    };
    for i in 0..JUMLAH_TANPA_JABATAN {
        let units = &org.penting.penempatan_baru;
        let Some(&unit) = units.get(i % units.len().max(1)) else {
            break;
        };
        let jk = if acak.persen(55) {
            JenisKelamin::Perempuan
        } else {
            JenisKelamin::LakiLaki
        };
        let pendidikan = if acak.persen(80) {
            Pendidikan::S1
        } else {
            Pendidikan::D3
        };
        let latars = org.unit_latar.get(unit).copied().unwrap_or(&[]);
        let latar = acak.pilih(latars).copied().unwrap_or(&gelar::UMUM);
        let orang = Orang {
            jk,
            pendidikan,
            latar,
        };
        if let Some(p) = buat_satu(
            acak,
            &mut nomor,
            hari_ini,
            None,
            unit,
            pelaksana,
            Rumpun::Lainnya,
            &orang,
            false,
            true,
        ) {
            out.push(p);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_ranks_follow_education() {
        assert_eq!(
            golongan_ke(masuk_pns(Pendidikan::S1, false)),
            GolonganPns::IIIa
        );
        assert_eq!(
            golongan_ke(masuk_pns(Pendidikan::S1, true)),
            GolonganPns::IIIb
        );
        assert_eq!(
            golongan_ke(masuk_pns(Pendidikan::D3, false)),
            GolonganPns::IIc
        );
        assert_eq!(
            golongan_ke(masuk_pns(Pendidikan::Slta, false)),
            GolonganPns::IIa
        );
        assert_eq!(
            golongan_pppk(
                Pendidikan::S1,
                TingkatJabatan::fungsional(JenjangFungsional::AhliPertama)
            ),
            GolonganPppk::IX
        );
        assert_eq!(
            golongan_pppk(
                Pendidikan::S1,
                TingkatJabatan::fungsional(JenjangFungsional::AhliMuda)
            ),
            GolonganPppk::XI
        );
    }
}
