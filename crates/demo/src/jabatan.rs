//! Kinds of positions: the functional families (jabatan fungsional) found in a
//! small city government, the 2024 simplified pelaksana titles, and the people
//! who typically hold them (education, gender mix, share of PPPK).

use crate::Rumpun;
use crate::gelar::{self, Latar};
use kompeten_domain::{JenisJabatan, JenjangFungsional, Pendidikan, TingkatJabatan};

/// A functional family such as "Perawat" or "Pranata Komputer".
#[derive(Debug)]
pub(crate) struct Jf {
    pub nama: &'static str,
    pub rumpun: Rumpun,
    /// Technical fields of the family, most important first; empty means
    /// "the fields of the unit".
    pub bidang: &'static [&'static str],
    pub latar: &'static Latar,
    /// Share of women, percent.
    pub perempuan: u32,
    /// Share of PPPK among holders of the entry grades, percent.
    pub pppk: u32,
    /// Keterampilan grades open to SLTA graduates (Pol PP, Damkar).
    pub slta: bool,
    /// Education fixed by the profession (doctors: S-1 profesi; specialists: S-2).
    pub pendidikan: Option<Pendidikan>,
}

const fn jf(
    nama: &'static str,
    rumpun: Rumpun,
    bidang: &'static [&'static str],
    latar: &'static Latar,
    perempuan: u32,
    pppk: u32,
) -> Jf {
    Jf {
        nama,
        rumpun,
        bidang,
        latar,
        perempuan,
        pppk,
        slta: false,
        pendidikan: None,
    }
}

use Rumpun::{Guru, Kesehatan, Lainnya};

// Education.
pub(crate) static GURU_SD: Jf = jf("Guru", Guru, &["pendidikan"], &gelar::GURU_SD, 78, 75);
pub(crate) static GURU_SMP: Jf = jf("Guru", Guru, &["pendidikan"], &gelar::GURU_SMP, 66, 70);
pub(crate) static PAMONG_BELAJAR: Jf = jf(
    "Pamong Belajar",
    Lainnya,
    &["pendidikan"],
    &gelar::PENDIDIKAN,
    55,
    20,
);
pub(crate) static PENGAWAS_SEKOLAH: Jf = jf(
    "Pengawas Sekolah",
    Lainnya,
    &["pendidikan"],
    &gelar::PENDIDIKAN,
    55,
    0,
);
pub(crate) static PENILIK: Jf = jf(
    "Penilik",
    Lainnya,
    &["pendidikan"],
    &gelar::PENDIDIKAN,
    50,
    0,
);

// Health.
pub(crate) static DOKTER: Jf = Jf {
    pendidikan: Some(Pendidikan::S1),
    ..jf("Dokter", Kesehatan, &["kesehatan"], &gelar::DOKTER, 62, 25)
};
pub(crate) static DOKTER_SPESIALIS: Jf = Jf {
    pendidikan: Some(Pendidikan::S2),
    ..jf(
        "Dokter",
        Kesehatan,
        &["kesehatan"],
        &gelar::DOKTER_SPESIALIS,
        45,
        0,
    )
};
pub(crate) static DOKTER_GIGI: Jf = Jf {
    pendidikan: Some(Pendidikan::S1),
    ..jf(
        "Dokter Gigi",
        Kesehatan,
        &["kesehatan"],
        &gelar::DOKTER_GIGI,
        75,
        25,
    )
};
pub(crate) static PERAWAT: Jf = jf(
    "Perawat",
    Kesehatan,
    &["kesehatan"],
    &gelar::PERAWAT,
    82,
    45,
);
pub(crate) static BIDAN: Jf = jf("Bidan", Kesehatan, &["kesehatan"], &gelar::BIDAN, 100, 50);
pub(crate) static APOTEKER: Jf = Jf {
    pendidikan: Some(Pendidikan::S1),
    ..jf(
        "Apoteker",
        Kesehatan,
        &["kesehatan"],
        &gelar::APOTEKER,
        75,
        30,
    )
};
pub(crate) static TTK: Jf = jf(
    "Tenaga Teknis Kefarmasian",
    Kesehatan,
    &["kesehatan"],
    &gelar::FARMASI,
    80,
    45,
);
pub(crate) static PRANATA_LAB: Jf = jf(
    "Pranata Laboratorium Kesehatan",
    Kesehatan,
    &["kesehatan"],
    &gelar::LABORATORIUM,
    75,
    40,
);
pub(crate) static NUTRISIONIS: Jf = jf(
    "Nutrisionis",
    Kesehatan,
    &["kesehatan"],
    &gelar::GIZI,
    90,
    40,
);
pub(crate) static SANITARIAN: Jf = jf(
    "Tenaga Sanitasi Lingkungan",
    Kesehatan,
    &["kesehatan", "lingkungan"],
    &gelar::SANITASI,
    60,
    40,
);
pub(crate) static PROMKES: Jf = jf(
    "Penyuluh Kesehatan Masyarakat",
    Kesehatan,
    &["kesehatan", "komunikasi"],
    &gelar::KESMAS,
    70,
    30,
);
pub(crate) static EPIDEMIOLOG: Jf = jf(
    "Epidemiolog Kesehatan",
    Kesehatan,
    &["kesehatan"],
    &gelar::KESMAS,
    60,
    20,
);
pub(crate) static PEREKAM_MEDIS: Jf = jf(
    "Perekam Medis",
    Kesehatan,
    &["kesehatan", "spbe"],
    &gelar::REKAM_MEDIS,
    70,
    45,
);
pub(crate) static RADIOGRAFER: Jf = jf(
    "Radiografer",
    Kesehatan,
    &["kesehatan"],
    &gelar::RADIOLOGI,
    45,
    40,
);
pub(crate) static FISIOTERAPIS: Jf = jf(
    "Fisioterapis",
    Kesehatan,
    &["kesehatan"],
    &gelar::FISIOTERAPI,
    60,
    40,
);
pub(crate) static TERAPIS_GIGI: Jf = jf(
    "Terapis Gigi dan Mulut",
    Kesehatan,
    &["kesehatan"],
    &gelar::TERAPIS_GIGI,
    85,
    40,
);
pub(crate) static ADMINKES: Jf = jf(
    "Administrator Kesehatan",
    Kesehatan,
    &["kesehatan", "perencanaan"],
    &gelar::KESMAS,
    60,
    10,
);

// Management and support.
pub(crate) static ANALIS_KEBIJAKAN: Jf = jf("Analis Kebijakan", Lainnya, &[], &gelar::UMUM, 45, 0);
pub(crate) static PERENCANA: Jf = jf(
    "Perencana",
    Lainnya,
    &["perencanaan"],
    &gelar::EKONOMI,
    50,
    5,
);
pub(crate) static ANALIS_SDM: Jf = jf(
    "Analis Sumber Daya Manusia Aparatur",
    Lainnya,
    &["kepegawaian"],
    &gelar::PSIKOLOGI,
    60,
    5,
);
pub(crate) static ASESOR_SDM: Jf = jf(
    "Asesor Sumber Daya Manusia Aparatur",
    Lainnya,
    &["kepegawaian"],
    &gelar::PSIKOLOGI,
    60,
    0,
);
pub(crate) static AUDITOR: Jf = jf(
    "Auditor",
    Lainnya,
    &["pengawasan", "keuangan"],
    &gelar::EKONOMI,
    50,
    0,
);
pub(crate) static P2UPD: Jf = jf(
    "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah",
    Lainnya,
    &["pengawasan", "pemerintahan"],
    &gelar::PEMERINTAHAN,
    45,
    0,
);
pub(crate) static ANALIS_KEUANGAN: Jf = jf(
    "Analis Keuangan Pusat dan Daerah",
    Lainnya,
    &["keuangan"],
    &gelar::EKONOMI,
    60,
    5,
);
pub(crate) static PENGELOLA_PBJ: Jf = jf(
    "Pengelola Pengadaan Barang/Jasa",
    Lainnya,
    &["pengadaan"],
    &gelar::TEKNIK,
    35,
    0,
);
pub(crate) static ANALIS_HUKUM: Jf = jf("Analis Hukum", Lainnya, &["hukum"], &gelar::HUKUM, 55, 5);
pub(crate) static PERANCANG: Jf = jf(
    "Perancang Peraturan Perundang-undangan",
    Lainnya,
    &["hukum"],
    &gelar::HUKUM,
    50,
    0,
);
pub(crate) static ARSIPARIS: Jf = jf(
    "Arsiparis",
    Lainnya,
    &["kearsipan", "umum"],
    &gelar::KEARSIPAN,
    65,
    20,
);
pub(crate) static PUSTAKAWAN: Jf = jf(
    "Pustakawan",
    Lainnya,
    &["kearsipan"],
    &gelar::PERPUSTAKAAN,
    70,
    20,
);
pub(crate) static PRANATA_KOMPUTER: Jf = jf(
    "Pranata Komputer",
    Lainnya,
    &["spbe"],
    &gelar::KOMPUTER,
    35,
    25,
);
pub(crate) static PRANATA_HUMAS: Jf = jf(
    "Pranata Hubungan Masyarakat",
    Lainnya,
    &["komunikasi"],
    &gelar::KOMUNIKASI,
    55,
    15,
);
pub(crate) static STATISTISI: Jf = jf(
    "Statistisi",
    Lainnya,
    &["komunikasi", "spbe"],
    &gelar::STATISTIK,
    55,
    15,
);
pub(crate) static SANDIMAN: Jf = jf("Sandiman", Lainnya, &["spbe"], &gelar::KOMPUTER, 30, 10);

// Sector families.
pub(crate) static PAMONG_BUDAYA: Jf = jf(
    "Pamong Budaya",
    Lainnya,
    &["kebudayaan", "pariwisata"],
    &gelar::BUDAYA,
    55,
    15,
);
pub(crate) static PENYULUH_PERTANIAN: Jf = jf(
    "Penyuluh Pertanian",
    Lainnya,
    &["pertanian"],
    &gelar::PERTANIAN,
    35,
    35,
);
pub(crate) static MEDIK_VETERINER: Jf = Jf {
    pendidikan: Some(Pendidikan::S1),
    ..jf(
        "Medik Veteriner",
        Lainnya,
        &["pertanian"],
        &gelar::VETERINER,
        50,
        10,
    )
};
pub(crate) static PARAMEDIK_VETERINER: Jf = jf(
    "Paramedik Veteriner",
    Lainnya,
    &["pertanian"],
    &gelar::PARAMEDIK_VETERINER,
    35,
    25,
);
pub(crate) static PENYULUH_PERIKANAN: Jf = jf(
    "Penyuluh Perikanan",
    Lainnya,
    &["pertanian"],
    &gelar::PERTANIAN,
    35,
    25,
);
pub(crate) static PENGAWAS_LH: Jf = jf(
    "Pengawas Lingkungan Hidup",
    Lainnya,
    &["lingkungan"],
    &gelar::TEKNIK,
    40,
    5,
);
pub(crate) static PENGENDALI_DAMPAK: Jf = jf(
    "Pengendali Dampak Lingkungan",
    Lainnya,
    &["lingkungan"],
    &gelar::TEKNIK,
    45,
    5,
);
pub(crate) static TEKNIK_JALAN: Jf = jf(
    "Teknik Jalan dan Jembatan",
    Lainnya,
    &["pekerjaan_umum", "pengadaan"],
    &gelar::TEKNIK,
    15,
    10,
);
pub(crate) static TEKNIK_PENGAIRAN: Jf = jf(
    "Teknik Pengairan",
    Lainnya,
    &["pekerjaan_umum"],
    &gelar::TEKNIK,
    20,
    10,
);
pub(crate) static PENATA_RUANG: Jf = jf(
    "Penata Ruang",
    Lainnya,
    &["pekerjaan_umum", "lingkungan"],
    &gelar::TEKNIK,
    40,
    5,
);
pub(crate) static PEKERJA_SOSIAL: Jf = jf(
    "Pekerja Sosial",
    Lainnya,
    &["sosial"],
    &gelar::SOSIAL,
    65,
    25,
);
pub(crate) static PENYULUH_SOSIAL: Jf = jf(
    "Penyuluh Sosial",
    Lainnya,
    &["sosial", "komunikasi"],
    &gelar::SOSIAL,
    60,
    20,
);
pub(crate) static PENYULUH_KB: Jf = jf(
    "Penyuluh Keluarga Berencana",
    Lainnya,
    &["kesehatan", "sosial"],
    &gelar::KESMAS,
    75,
    20,
);
pub(crate) static POLPP: Jf = Jf {
    slta: true,
    ..jf(
        "Polisi Pamong Praja",
        Lainnya,
        &["ketertiban", "hukum"],
        &gelar::HUKUM,
        18,
        15,
    )
};
pub(crate) static DAMKAR: Jf = Jf {
    slta: true,
    ..jf(
        "Pemadam Kebakaran",
        Lainnya,
        &["ketertiban", "kebencanaan"],
        &gelar::TEKNIK,
        0,
        20,
    )
};
pub(crate) static PENATA_BENCANA: Jf = jf(
    "Penata Penanggulangan Bencana",
    Lainnya,
    &["kebencanaan"],
    &gelar::TEKNIK,
    30,
    10,
);
pub(crate) static MEDIATOR: Jf = jf(
    "Mediator Hubungan Industrial",
    Lainnya,
    &["ketenagakerjaan", "hukum"],
    &gelar::HUKUM,
    45,
    0,
);
pub(crate) static PENGANTAR_KERJA: Jf = jf(
    "Pengantar Kerja",
    Lainnya,
    &["ketenagakerjaan"],
    &gelar::UMUM,
    55,
    10,
);
pub(crate) static INSTRUKTUR: Jf = jf(
    "Instruktur",
    Lainnya,
    &["ketenagakerjaan", "perdagangan"],
    &gelar::TEKNIK,
    35,
    25,
);
pub(crate) static PENGUJI_KENDARAAN: Jf = Jf {
    slta: true,
    ..jf(
        "Penguji Kendaraan Bermotor",
        Lainnya,
        &["perhubungan"],
        &gelar::PERHUBUNGAN,
        10,
        15,
    )
};
pub(crate) static PENATA_KELOLA_PM: Jf = jf(
    "Penata Kelola Penanaman Modal",
    Lainnya,
    &["perizinan"],
    &gelar::EKONOMI,
    50,
    10,
);
pub(crate) static ADBKEPEND: Jf = jf(
    "Administrator Database Kependudukan",
    Lainnya,
    &["adminduk", "spbe"],
    &gelar::KOMPUTER,
    40,
    10,
);
pub(crate) static PENGAWAS_PERDAGANGAN: Jf = jf(
    "Pengawas Perdagangan",
    Lainnya,
    &["perdagangan"],
    &gelar::EKONOMI,
    45,
    10,
);
pub(crate) static PENGAWAS_KOPERASI: Jf = jf(
    "Pengawas Koperasi",
    Lainnya,
    &["perdagangan", "keuangan"],
    &gelar::EKONOMI,
    55,
    10,
);
pub(crate) static ADYATAMA_PARIWISATA: Jf = jf(
    "Adyatama Kepariwisataan dan Ekonomi Kreatif",
    Lainnya,
    &["pariwisata"],
    &gelar::PARIWISATA,
    55,
    15,
);

/// The 2024 simplified pelaksana titles (sawahlunto.md §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pl {
    /// Penata Layanan Operasional: S-1/D-IV.
    Penata,
    /// Pengelola Layanan Operasional: D-III.
    Pengelola,
    /// Operator Layanan Operasional: SLTA.
    Operator,
    /// Pengelola Umum Operasional: SD/SMP.
    Umum,
}

impl Pl {
    pub(crate) fn nama(self) -> &'static str {
        match self {
            Pl::Penata => "Penata Layanan Operasional",
            Pl::Pengelola => "Pengelola Layanan Operasional",
            Pl::Operator => "Operator Layanan Operasional",
            Pl::Umum => "Pengelola Umum Operasional",
        }
    }

    pub(crate) fn kelas(self) -> u8 {
        match self {
            Pl::Penata => 7,
            Pl::Pengelola => 6,
            Pl::Operator => 5,
            Pl::Umum => 3,
        }
    }

    pub(crate) fn pendidikan(self) -> &'static [(Pendidikan, u32)] {
        match self {
            Pl::Penata => &[
                (Pendidikan::S1, 88),
                (Pendidikan::D4, 8),
                (Pendidikan::S2, 4),
            ],
            Pl::Pengelola => &[(Pendidikan::D3, 100)],
            Pl::Operator => &[(Pendidikan::Slta, 92), (Pendidikan::D3, 8)],
            Pl::Umum => &[
                (Pendidikan::Smp, 55),
                (Pendidikan::Sd, 20),
                (Pendidikan::Slta, 25),
            ],
        }
    }

    /// Technical level required of this title in its field.
    pub(crate) fn level_teknis(self) -> u8 {
        match self {
            Pl::Penata | Pl::Pengelola => 2,
            Pl::Operator | Pl::Umum => 1,
        }
    }
}

/// Education mix of a structural or functional grade.
pub(crate) fn pendidikan_tingkat(tingkat: TingkatJabatan) -> &'static [(Pendidikan, u32)] {
    use JenjangFungsional as J;
    use Pendidikan as P;
    match (tingkat.jenis(), tingkat.jenjang()) {
        (JenisJabatan::JptUtama | JenisJabatan::JptMadya | JenisJabatan::JptPratama, _) => {
            &[(P::S2, 82), (P::S1, 10), (P::S3, 8)]
        }
        (JenisJabatan::Administrator, _) => &[(P::S2, 55), (P::S1, 45)],
        (JenisJabatan::Pengawas, _) => &[(P::S1, 68), (P::S2, 32)],
        (JenisJabatan::Pelaksana, _) => &[(P::S1, 50), (P::D3, 20), (P::Slta, 30)],
        (JenisJabatan::Fungsional, Some(J::AhliPertama)) => &[(P::S1, 88), (P::D4, 7), (P::S2, 5)],
        (JenisJabatan::Fungsional, Some(J::AhliMuda)) => &[(P::S1, 70), (P::S2, 30)],
        (JenisJabatan::Fungsional, Some(J::AhliMadya)) => &[(P::S2, 60), (P::S1, 40)],
        (JenisJabatan::Fungsional, Some(J::AhliUtama)) => &[(P::S2, 60), (P::S3, 40)],
        (JenisJabatan::Fungsional, Some(J::Pemula)) => &[(P::Slta, 100)],
        (JenisJabatan::Fungsional, Some(J::Terampil)) => &[(P::D3, 100)],
        (JenisJabatan::Fungsional, Some(J::Mahir)) => &[(P::D3, 80), (P::D4, 10), (P::S1, 10)],
        (JenisJabatan::Fungsional, Some(J::Penyelia)) => &[(P::D3, 60), (P::D4, 15), (P::S1, 25)],
        (JenisJabatan::Fungsional, None) => &[(P::S1, 100)],
    }
}

/// Education mix of a functional family at a grade.
pub(crate) fn pendidikan_jf(jf: &Jf, jenjang: JenjangFungsional) -> &'static [(Pendidikan, u32)] {
    use JenjangFungsional as J;
    use Pendidikan as P;
    if let Some(p) = jf.pendidikan {
        return match p {
            P::S1 => &[(P::S1, 100)],
            P::S2 => &[(P::S2, 100)],
            _ => &[(P::S1, 100)],
        };
    }
    match jenjang {
        J::Pemula if jf.slta => &[(P::Slta, 100)],
        J::Terampil if jf.slta => &[(P::Slta, 75), (P::D3, 25)],
        J::Mahir if jf.slta => &[(P::Slta, 55), (P::D3, 45)],
        J::Penyelia if jf.slta => &[(P::Slta, 40), (P::D3, 40), (P::S1, 20)],
        // Midwives at the expert grades hold D-IV or S-1; nurses need the
        // Ners profession after S-1.
        J::AhliPertama if jf.nama == "Bidan" => &[(P::D4, 60), (P::S1, 40)],
        J::AhliPertama if jf.nama == "Perawat" => &[(P::S1, 100)],
        J::AhliMuda if jf.nama == "Perawat" => &[(P::S1, 85), (P::S2, 15)],
        _ => pendidikan_tingkat(TingkatJabatan::fungsional(jenjang)),
    }
}

/// Kelas jabatan (grade for allowances) of a grade, where one is customary.
pub(crate) fn kelas_tingkat(tingkat: TingkatJabatan) -> u8 {
    use JenjangFungsional as J;
    match (tingkat.jenis(), tingkat.jenjang()) {
        (JenisJabatan::JptUtama, _) => 17,
        (JenisJabatan::JptMadya, _) => 15,
        (JenisJabatan::JptPratama, _) => 14,
        (JenisJabatan::Administrator, _) => 11,
        (JenisJabatan::Pengawas, _) => 9,
        (JenisJabatan::Pelaksana, _) => 5,
        (JenisJabatan::Fungsional, Some(J::AhliUtama)) => 13,
        (JenisJabatan::Fungsional, Some(J::AhliMadya)) => 11,
        (JenisJabatan::Fungsional, Some(J::AhliMuda)) => 9,
        (JenisJabatan::Fungsional, Some(J::AhliPertama)) => 8,
        (JenisJabatan::Fungsional, Some(J::Penyelia)) => 8,
        (JenisJabatan::Fungsional, Some(J::Mahir)) => 7,
        (JenisJabatan::Fungsional, Some(J::Terampil)) => 6,
        (JenisJabatan::Fungsional, Some(J::Pemula) | None) => 5,
    }
}

/// Required technical level in the position's own field.
pub(crate) fn level_teknis(tingkat: TingkatJabatan) -> u8 {
    use JenjangFungsional as J;
    match (tingkat.jenis(), tingkat.jenjang()) {
        (JenisJabatan::JptUtama | JenisJabatan::JptMadya | JenisJabatan::JptPratama, _) => 4,
        (JenisJabatan::Administrator, _) => 4,
        (JenisJabatan::Pengawas, _) => 3,
        (JenisJabatan::Pelaksana, _) => 2,
        (JenisJabatan::Fungsional, Some(J::AhliUtama)) => 5,
        (JenisJabatan::Fungsional, Some(J::AhliMadya)) => 4,
        (JenisJabatan::Fungsional, Some(J::AhliMuda | J::Penyelia)) => 3,
        (JenisJabatan::Fungsional, Some(J::AhliPertama | J::Mahir | J::Terampil)) => 2,
        (JenisJabatan::Fungsional, Some(J::Pemula) | None) => 1,
    }
}
