//! A small world built through the Store API: two instansi, two OPDs with
//! sub-units in A, positions with standards, six employees, assessments
//! (valid and expired), SKP, and one account per role.

use axum::Router;
use kompeten_domain::{
    Golongan, GolonganPns, GolonganPppk, JenisJabatan, JenisUnit, JenjangFungsional,
    KelompokKompetensi, Level, MetodePenilaian, Nip, Pendidikan, PredikatKinerja, Role,
    TingkatJabatan,
};
use kompeten_store::sqlite::{OpenMode, SqliteStore};
use kompeten_store::{
    Actor, InstansiId, JabatanId, KompetensiId, LevelKompetensi, MitraId, NewAccount, NewInstansi,
    NewJabatan, NewKompetensi, NewMitra, NewPegawai, NewPenilaian, NewUnit, PegawaiId, Skp,
    StandarItem, Store, UnitId,
};
use kompeten_web::{AppState, WebConfig, router};
use std::sync::{Arc, OnceLock};
use tempfile::TempDir;
use time::macros::{date, datetime};
use time::{Date, OffsetDateTime};

/// 10:00 WIB on 27 November 2026: "today" in every test.
pub const SEKARANG: OffsetDateTime = datetime!(2026-11-27 03:00 UTC);

pub const SANDI_A: &str = "rahasia-uji-123";
pub const SANDI_B: &str = "sandi-lain-456";

pub const INSTANSI_A: &str = "Pemerintah Kota Uji";
pub const INSTANSI_B: &str = "Pemerintah Kabupaten Lain";

/// Hashing is slow by design: do it once per test binary.
fn hash(password: &str) -> String {
    static A: OnceLock<String> = OnceLock::new();
    static B: OnceLock<String> = OnceLock::new();
    let cell = if password == SANDI_A { &A } else { &B };
    cell.get_or_init(|| kompeten_web::auth::hash_password(password).expect("hash"))
        .clone()
}

#[derive(Debug, Clone, Copy)]
pub struct Ids {
    pub a: InstansiId,
    pub b: InstansiId,
    pub opd1: UnitId,
    pub opd2: UnitId,
    pub bidang: UnitId,
    pub puskesmas: UnitId,
    pub sekolah: UnitId,
    pub opd_b: UnitId,
    pub kadis: JabatanId,
    pub kabid: JabatanId,
    pub dokter: JabatanId,
    pub guru: JabatanId,
    pub pengadministrasi: JabatanId,
    pub integritas: KompetensiId,
    pub kerja_sama: KompetensiId,
    pub perekat: KompetensiId,
    pub yankes: KompetensiId,
    pub budi: PegawaiId,
    pub fitri: PegawaiId,
    pub rina: PegawaiId,
    pub hendra: PegawaiId,
    pub dewi: PegawaiId,
    pub yusuf: PegawaiId,
    pub rahmat_b: PegawaiId,
    /// The partner of the "mitra" account (Universitas Andalas, bare:
    /// `mitra::isi_katalog` fills in its contacts and agreements).
    pub unand: MitraId,
}

pub struct Fixture {
    pub store: Arc<SqliteStore>,
    pub ids: Ids,
    pub app: Router,
    _dir: TempDir,
}

impl Fixture {
    pub async fn new() -> Fixture {
        Self::with_config(WebConfig::default()).await
    }

    pub async fn with_config(config: WebConfig) -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = SqliteStore::open(&dir.path().join("uji.sqlite"), OpenMode::CreateIfMissing)
            .await
            .expect("open store");
        let store = Arc::new(store);
        let ids = isi(store.as_ref()).await;
        let app = Self::router(&store, config, SEKARANG);
        Fixture {
            store,
            ids,
            app,
            _dir: dir,
        }
    }

    /// Another router on the same database, e.g. with a later clock.
    pub fn router(store: &Arc<SqliteStore>, config: WebConfig, at: OffsetDateTime) -> Router {
        let dyn_store: Arc<dyn Store> = store.clone();
        router(AppState::new(dyn_store, config).with_clock(move || at))
    }

    /// Marks an account inactive through the store, as an admin would.
    pub async fn nonaktifkan(&self, username: &str) {
        let akun = self
            .store
            .account_by_username(self.ids.a, username)
            .await
            .expect("lookup")
            .expect("account exists");
        self.store
            .set_account_aktif(self.ids.a, &actor(), akun.id, false)
            .await
            .expect("deactivate");
    }

    /// Adds `n` more active employees to OPD 2 (for paging).
    pub async fn tambah_pegawai(&self, n: u32) {
        let batch: Vec<NewPegawai> = (0..n)
            .map(|k| {
                let digits = format!("19800101200501{}{:03}", 1 + k % 2, 100 + k);
                pegawai(
                    &format!("Pegawai Tambahan {k:02}"),
                    Nip::parse_pns(&digits).expect("valid NIP"),
                    Golongan::Pns(GolonganPns::IIb),
                    None,
                    self.ids.sekolah,
                )
            })
            .collect();
        self.store
            .add_pegawai(self.ids.a, &actor(), &batch)
            .await
            .expect("add pegawai");
    }
}

fn actor() -> Actor {
    Actor::system("uji")
}

fn level(n: i64) -> Level {
    Level::new(n).expect("1..=5")
}

fn kompetensi(
    kode: &str,
    kelompok: KelompokKompetensi,
    bidang: Option<&str>,
    nama: &str,
) -> NewKompetensi {
    NewKompetensi {
        kode: kode.into(),
        kelompok,
        bidang: bidang.map(Into::into),
        nama: nama.into(),
        definisi: format!("Definisi {nama}."),
        level: (1..=5)
            .map(|l| LevelKompetensi {
                level: level(l),
                deskripsi: format!("Deskripsi {nama} level {l}."),
                indikator: vec![
                    format!("Indikator pertama {nama} level {l}"),
                    format!("Indikator kedua {nama} level {l}"),
                ],
            })
            .collect(),
    }
}

fn pegawai(
    nama: &str,
    nip: Nip,
    golongan: Golongan,
    jabatan: Option<JabatanId>,
    unit: UnitId,
) -> NewPegawai {
    NewPegawai {
        nip,
        nama: nama.into(),
        gelar_depan: None,
        gelar_belakang: None,
        golongan,
        jabatan,
        unit,
        pendidikan: Pendidikan::S1,
        aktif: true,
    }
}

fn nilai(p: PegawaiId, k: KompetensiId, l: i64, tanggal: Date, sampai: Date) -> NewPenilaian {
    NewPenilaian {
        pegawai: p,
        kompetensi: k,
        level: level(l),
        metode: MetodePenilaian::AssessmentCenter,
        tanggal,
        berlaku_sampai: sampai,
        asesor: "Tim Asesor BKPSDM".into(),
        catatan_bukti: "Laporan asesmen".into(),
    }
}

async fn unit(
    s: &dyn Store,
    i: InstansiId,
    induk: Option<UnitId>,
    kode: &str,
    nama: &str,
    jenis: JenisUnit,
) -> UnitId {
    s.add_unit(
        i,
        &actor(),
        &NewUnit {
            induk,
            kode: kode.into(),
            nama: nama.into(),
            jenis,
            urut: None,
        },
    )
    .await
    .expect("add unit")
}

async fn jabatan(
    s: &dyn Store,
    i: InstansiId,
    kode: &str,
    nama: &str,
    tingkat: TingkatJabatan,
    unit: UnitId,
    kelas: Option<u8>,
) -> JabatanId {
    s.add_jabatan(
        i,
        &actor(),
        &NewJabatan {
            kode: kode.into(),
            nama: nama.into(),
            tingkat,
            unit,
            kelas,
        },
    )
    .await
    .expect("add jabatan")
}

async fn akun(
    s: &dyn Store,
    i: InstansiId,
    username: &str,
    nama: &str,
    role: Role,
    sandi: &str,
    (unit, pegawai, mitra): (Option<UnitId>, Option<PegawaiId>, Option<MitraId>),
) {
    s.create_account(
        i,
        &actor(),
        &NewAccount {
            username: username.into(),
            nama_tampilan: nama.into(),
            password_hash: hash(sandi),
            role,
            unit,
            pegawai,
            mitra,
            wajib_ganti_sandi: false,
        },
    )
    .await
    .expect("create account");
}

fn struktural(j: JenisJabatan) -> TingkatJabatan {
    TingkatJabatan::struktural(j).expect("structural")
}

async fn isi(s: &dyn Store) -> Ids {
    let a = s
        .create_instansi(
            &actor(),
            &NewInstansi {
                kode: "uji".into(),
                nama: INSTANSI_A.into(),
            },
        )
        .await
        .expect("instansi A");
    let b = s
        .create_instansi(
            &actor(),
            &NewInstansi {
                kode: "lain".into(),
                nama: INSTANSI_B.into(),
            },
        )
        .await
        .expect("instansi B");

    let opd1 = unit(s, a, None, "DINKES", "Dinas Kesehatan", JenisUnit::Dinas).await;
    let bidang = unit(
        s,
        a,
        Some(opd1),
        "DINKES-YANKES",
        "Bidang Pelayanan Kesehatan",
        JenisUnit::Bidang,
    )
    .await;
    let puskesmas = unit(
        s,
        a,
        Some(opd1),
        "PKM-TALAWI",
        "Puskesmas Talawi",
        JenisUnit::Puskesmas,
    )
    .await;
    let opd2 = unit(s, a, None, "DISDIK", "Dinas Pendidikan", JenisUnit::Dinas).await;
    let sekolah = unit(
        s,
        a,
        Some(opd2),
        "SDN-01",
        "SD Negeri 01 Kota Uji",
        JenisUnit::Sekolah,
    )
    .await;

    let integritas = s
        .add_kompetensi(
            a,
            &actor(),
            &kompetensi("M.1", KelompokKompetensi::Manajerial, None, "Integritas"),
        )
        .await
        .expect("kompetensi");
    let kerja_sama = s
        .add_kompetensi(
            a,
            &actor(),
            &kompetensi("M.2", KelompokKompetensi::Manajerial, None, "Kerja Sama"),
        )
        .await
        .expect("kompetensi");
    let perekat = s
        .add_kompetensi(
            a,
            &actor(),
            &kompetensi(
                "SK.1",
                KelompokKompetensi::SosialKultural,
                None,
                "Perekat Bangsa",
            ),
        )
        .await
        .expect("kompetensi");
    let yankes = s
        .add_kompetensi(
            a,
            &actor(),
            &kompetensi(
                "T.KES.1",
                KelompokKompetensi::Teknis,
                Some("Kesehatan"),
                "Pelayanan Kesehatan Dasar",
            ),
        )
        .await
        .expect("kompetensi");

    let kadis = jabatan(
        s,
        a,
        "J-KADIS",
        "Kepala Dinas Kesehatan",
        struktural(JenisJabatan::JptPratama),
        opd1,
        Some(14),
    )
    .await;
    let kabid = jabatan(
        s,
        a,
        "J-KABID",
        "Kepala Bidang Pelayanan Kesehatan",
        struktural(JenisJabatan::Administrator),
        bidang,
        Some(11),
    )
    .await;
    let dokter = jabatan(
        s,
        a,
        "J-DOKTER",
        "Dokter Ahli Pertama",
        TingkatJabatan::fungsional(JenjangFungsional::AhliPertama),
        puskesmas,
        Some(9),
    )
    .await;
    let guru = jabatan(
        s,
        a,
        "J-GURU",
        "Guru Ahli Pertama",
        TingkatJabatan::fungsional(JenjangFungsional::AhliPertama),
        sekolah,
        Some(8),
    )
    .await;
    let pengadministrasi = jabatan(
        s,
        a,
        "J-PU",
        "Pengadministrasi Umum",
        struktural(JenisJabatan::Pelaksana),
        opd2,
        Some(5),
    )
    .await;

    let std = |k, l, bobot| StandarItem {
        kompetensi: k,
        level: level(l),
        bobot,
    };
    s.set_standar(
        a,
        &actor(),
        kabid,
        &[
            std(integritas, 3, 2),
            std(kerja_sama, 3, 1),
            std(perekat, 3, 1),
        ],
    )
    .await
    .expect("standar kabid");
    s.set_standar(
        a,
        &actor(),
        dokter,
        &[std(integritas, 2, 1), std(yankes, 3, 3)],
    )
    .await
    .expect("standar dokter");

    let nip = |d: &str| Nip::parse_pns(d).expect("valid NIP");
    let ni = |d: &str| Nip::parse_pppk(d).expect("valid NI PPPK");
    let mut fitri_baru = pegawai(
        "Fitri Yuliani",
        nip("199308122020122021"),
        Golongan::Pns(GolonganPns::IIIb),
        Some(dokter),
        puskesmas,
    );
    fitri_baru.gelar_depan = Some("dr.".into());
    let ids_a = s
        .add_pegawai(
            a,
            &actor(),
            &[
                pegawai(
                    "Budi Santoso",
                    nip("198501152010011003"),
                    Golongan::Pns(GolonganPns::IIId),
                    Some(kabid),
                    bidang,
                ),
                fitri_baru,
                pegawai(
                    "Rina Marlina",
                    ni("199506072025212097"),
                    Golongan::Pppk(GolonganPppk::IX),
                    Some(dokter),
                    puskesmas,
                ),
                pegawai(
                    "Hendra Gunawan",
                    nip("197702031999031004"),
                    Golongan::Pns(GolonganPns::IVb),
                    Some(kadis),
                    opd1,
                ),
                pegawai(
                    "Dewi Lestari",
                    nip("199004102015032001"),
                    Golongan::Pns(GolonganPns::IIIa),
                    Some(guru),
                    sekolah,
                ),
                pegawai(
                    "Yusuf Maulana",
                    ni("198811202023211005"),
                    Golongan::Pppk(GolonganPppk::V),
                    None,
                    opd2,
                ),
            ],
        )
        .await
        .expect("pegawai A");
    let [budi, fitri, rina, hendra, dewi, yusuf] = ids_a[..] else {
        panic!("six ids expected, got {ids_a:?}");
    };

    s.record_penilaian(
        a,
        &actor(),
        &[
            nilai(
                fitri,
                integritas,
                3,
                date!(2025 - 03 - 10),
                date!(2028 - 03 - 09),
            ),
            nilai(
                fitri,
                yankes,
                2,
                date!(2022 - 05 - 02),
                date!(2025 - 05 - 01),
            ),
            nilai(
                fitri,
                perekat,
                4,
                date!(2024 - 08 - 20),
                date!(2027 - 08 - 19),
            ),
            nilai(
                budi,
                integritas,
                4,
                date!(2024 - 06 - 01),
                date!(2027 - 05 - 31),
            ),
            nilai(
                budi,
                kerja_sama,
                2,
                date!(2020 - 01 - 10),
                date!(2023 - 01 - 09),
            ),
            nilai(
                dewi,
                integritas,
                2,
                date!(2025 - 09 - 15),
                date!(2028 - 09 - 14),
            ),
        ],
    )
    .await
    .expect("penilaian");
    let skp = |p, tahun, predikat| Skp {
        pegawai: p,
        tahun,
        predikat,
    };
    s.record_skp(
        a,
        &actor(),
        &[
            skp(fitri, 2024, PredikatKinerja::Baik),
            skp(fitri, 2025, PredikatKinerja::SangatBaik),
            skp(budi, 2025, PredikatKinerja::Baik),
            skp(dewi, 2025, PredikatKinerja::ButuhPerbaikan),
        ],
    )
    .await
    .expect("skp");

    let unand = s
        .add_mitra(
            a,
            &actor(),
            &NewMitra {
                kode: "UNAND".into(),
                nama: "Universitas Andalas".into(),
                jenis: kompeten_domain::JenisMitra::PerguruanTinggi,
                alamat: None,
                kota: Some("Padang".into()),
                website: None,
                kontak: Vec::new(),
                kerja_sama: Vec::new(),
            },
        )
        .await
        .expect("partner of the mitra account");
    akun(
        s,
        a,
        "admin",
        "Admin Uji",
        Role::AdminBkpsdm,
        SANDI_A,
        (None, None, None),
    )
    .await;
    akun(
        s,
        a,
        "pimpinan",
        "Pimpinan Dinkes",
        Role::PimpinanOpd,
        SANDI_A,
        (Some(opd1), None, None),
    )
    .await;
    akun(
        s,
        a,
        "fitri",
        "Fitri Yuliani",
        Role::Pegawai,
        SANDI_A,
        (None, Some(fitri), None),
    )
    .await;
    akun(
        s,
        a,
        "mitra",
        "Mitra Universitas",
        Role::Mitra,
        SANDI_A,
        (None, None, Some(unand)),
    )
    .await;
    akun(
        s,
        a,
        "auditor",
        "Auditor Inspektorat",
        Role::Auditor,
        SANDI_A,
        (None, None, None),
    )
    .await;
    akun(
        s,
        a,
        "nonaktif",
        "Akun Lama",
        Role::AdminBkpsdm,
        SANDI_A,
        (None, None, None),
    )
    .await;

    let opd_b = unit(
        s,
        b,
        None,
        "DINKES",
        "Dinas Kesehatan Kabupaten",
        JenisUnit::Dinas,
    )
    .await;
    let rahmat_b = s
        .add_pegawai(
            b,
            &actor(),
            &[pegawai(
                "Rahmat Hidayat",
                nip("197803052005011002"),
                Golongan::Pns(GolonganPns::IIIc),
                None,
                opd_b,
            )],
        )
        .await
        .expect("pegawai B")[0];
    // The same username as in A, with another password: logins are per instansi.
    akun(
        s,
        b,
        "admin",
        "Admin Lain",
        Role::AdminBkpsdm,
        SANDI_B,
        (None, None, None),
    )
    .await;

    Ids {
        a,
        b,
        opd1,
        opd2,
        bidang,
        puskesmas,
        sekolah,
        opd_b,
        kadis,
        kabid,
        dokter,
        guru,
        pengadministrasi,
        integritas,
        kerja_sama,
        perekat,
        yankes,
        budi,
        fitri,
        rina,
        hendra,
        dewi,
        yusuf,
        rahmat_b,
        unand,
    }
}
