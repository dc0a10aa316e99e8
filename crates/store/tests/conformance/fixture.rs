//! Small builders for test records.

use kompeten_domain::{
    Golongan, GolonganPns, GolonganPppk, JenisUnit, KelompokKompetensi, Level, MetodePenilaian,
    Nip, Pendidikan, TingkatJabatan,
};
use kompeten_store::{
    Actor, InstansiId, JabatanId, KompetensiId, LevelKompetensi, NewInstansi, NewJabatan,
    NewKompetensi, NewPegawai, NewPenilaian, NewUnit, PegawaiId, Store, StoreError, UnitId,
};
use time::{Date, Duration, Month};

pub fn actor() -> Actor {
    Actor::system("test")
}

pub fn level(n: i64) -> Level {
    Level::new(n).expect("level 1..=5")
}

pub fn date(y: i32, m: u8, d: u8) -> Date {
    Date::from_calendar_date(y, Month::try_from(m).expect("month"), d).expect("date")
}

/// A distinct valid PNS NIP for each `n`.
pub fn nip_pns(n: u32) -> Nip {
    nip(n, true)
}

/// A distinct valid NI PPPK for each `n`.
pub fn nip_pppk(n: u32) -> Nip {
    nip(n, false)
}

fn nip(n: u32, pns: bool) -> Nip {
    let born = date(1960, 1, 1) + Duration::days(i64::from(n / 999));
    let serial = n % 999 + 1;
    let gender = if n.is_multiple_of(2) { 1 } else { 2 };
    let appointed = if pns { born.year() + 25 } else { 2023 };
    let digits = format!(
        "{:04}{:02}{:02}{:04}01{}{:03}",
        born.year(),
        u8::from(born.month()),
        born.day(),
        appointed,
        gender,
        serial
    );
    if pns {
        Nip::parse_pns(&digits)
    } else {
        Nip::parse_pppk(&digits)
    }
    .expect("valid NIP")
}

pub fn gol_pns() -> Golongan {
    Golongan::Pns(GolonganPns::IIIa)
}

pub fn gol_pppk() -> Golongan {
    Golongan::Pppk(GolonganPppk::IX)
}

pub async fn instansi(s: &dyn Store, kode: &str) -> InstansiId {
    s.create_instansi(
        &actor(),
        &NewInstansi {
            kode: kode.into(),
            nama: format!("Instansi {kode}"),
        },
    )
    .await
    .expect("create instansi")
}

pub fn new_unit(induk: Option<UnitId>, kode: &str, nama: &str, jenis: JenisUnit) -> NewUnit {
    NewUnit {
        induk,
        kode: kode.into(),
        nama: nama.into(),
        jenis,
        urut: None,
    }
}

pub async fn unit(
    s: &dyn Store,
    i: InstansiId,
    induk: Option<UnitId>,
    kode: &str,
    nama: &str,
) -> UnitId {
    let jenis = if induk.is_none() {
        JenisUnit::Dinas
    } else {
        JenisUnit::Bidang
    };
    s.add_unit(i, &actor(), &new_unit(induk, kode, nama, jenis))
        .await
        .expect("add unit")
}

pub fn new_jabatan(kode: &str, nama: &str, tingkat: TingkatJabatan, unit: UnitId) -> NewJabatan {
    NewJabatan {
        kode: kode.into(),
        nama: nama.into(),
        tingkat,
        unit,
        kelas: Some(8),
    }
}

pub async fn jabatan(
    s: &dyn Store,
    i: InstansiId,
    kode: &str,
    nama: &str,
    tingkat: TingkatJabatan,
    unit: UnitId,
) -> JabatanId {
    s.add_jabatan(i, &actor(), &new_jabatan(kode, nama, tingkat, unit))
        .await
        .expect("add jabatan")
}

pub fn new_kompetensi(kode: &str, kelompok: KelompokKompetensi) -> NewKompetensi {
    NewKompetensi {
        kode: kode.into(),
        kelompok,
        bidang: (kelompok == KelompokKompetensi::Teknis).then(|| "Kesehatan".to_owned()),
        nama: format!("Kompetensi {kode}"),
        definisi: format!("Definisi {kode}"),
        level: Level::ALL
            .iter()
            .map(|l| LevelKompetensi {
                level: *l,
                deskripsi: format!("{kode} level {l}"),
                // Deliberately not in alphabetical order: the stored order must hold.
                indikator: vec![format!("{l}.z pertama"), format!("{l}.a kedua")],
            })
            .collect(),
    }
}

pub async fn kompetensi(
    s: &dyn Store,
    i: InstansiId,
    kode: &str,
    kelompok: KelompokKompetensi,
) -> KompetensiId {
    s.add_kompetensi(i, &actor(), &new_kompetensi(kode, kelompok))
        .await
        .expect("add kompetensi")
}

pub fn new_pegawai(
    nip: Nip,
    nama: &str,
    unit: UnitId,
    jabatan: Option<JabatanId>,
    aktif: bool,
) -> NewPegawai {
    let golongan = match nip.status() {
        kompeten_domain::StatusAsn::Pns => gol_pns(),
        kompeten_domain::StatusAsn::Pppk => gol_pppk(),
    };
    NewPegawai {
        nip,
        nama: nama.into(),
        gelar_depan: None,
        gelar_belakang: None,
        golongan,
        jabatan,
        unit,
        pendidikan: Pendidikan::S1,
        aktif,
    }
}

pub fn new_penilaian(
    pegawai: PegawaiId,
    kompetensi: KompetensiId,
    lvl: i64,
    tanggal: Date,
    berlaku_sampai: Date,
) -> NewPenilaian {
    NewPenilaian {
        pegawai,
        kompetensi,
        level: level(lvl),
        metode: MetodePenilaian::AssessmentCenter,
        tanggal,
        berlaku_sampai,
        asesor: "Tim Asesor BKPSDM".into(),
        catatan_bukti: "Laporan assessment center".into(),
    }
}

/// The audit actions of an instansi, newest first.
pub async fn actions(s: &dyn Store, i: InstansiId) -> Vec<String> {
    s.audit_log(i, 10_000)
        .await
        .expect("audit log")
        .into_iter()
        .map(|e| e.action)
        .collect()
}

pub fn assert_not_found<T: std::fmt::Debug>(result: Result<T, StoreError>, what: &str) {
    match result {
        Err(StoreError::NotFound(w)) => assert_eq!(w, what),
        other => panic!("expected NotFound({what}), got {other:?}"),
    }
}

/// Asserts a `Conflict` whose message contains `needle`.
pub fn assert_conflict<T: std::fmt::Debug>(result: Result<T, StoreError>, needle: &str) {
    match result {
        Err(StoreError::Conflict(m)) => {
            assert!(m.contains(needle), "{m:?} should mention {needle:?}")
        }
        other => panic!("expected Conflict mentioning {needle:?}, got {other:?}"),
    }
}

/// Asserts an `Invalid` whose message contains `needle`.
pub fn assert_invalid<T: std::fmt::Debug>(result: Result<T, StoreError>, needle: &str) {
    match result {
        Err(StoreError::Invalid(m)) => {
            assert!(m.contains(needle), "{m:?} should mention {needle:?}")
        }
        other => panic!("expected Invalid mentioning {needle:?}, got {other:?}"),
    }
}
