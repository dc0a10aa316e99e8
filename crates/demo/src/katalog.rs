//! Partners (mitra) and the catalog of development programs of the demo.
//!
//! The institutions named in `shared/domain/sawahlunto.md` §4 (and the issue)
//! keep their real names: Universitas Andalas, Universitas Negeri Padang and
//! its PSDKU campus in Sawahlunto, ISI Padang Panjang, Universitas Taman Siswa
//! Padang, Universitas Padjadjaran, STIA LPPN Padang, BPSDM Provinsi Sumatera
//! Barat, LAN, BKN and Kemendagri (free e-learning, §5), and the Balai Diklat
//! Tambang Bawah Tanah in Sawahlunto. The private providers and NGOs are
//! illustrative, made up for the demo. Every contact person is synthetic
//! (the demo's name generator), with e-mail addresses under `.example`.
//! Agreement numbers are illustrative; the MoU signing days of Unand, ISI,
//! UNITAS and Unpad are the ones reported in §4, their terms (five years)
//! are assumed.
//!
//! Costs follow §5 (see [`Acuan`]); JP of non-classical forms follow the
//! conversion table in `shared/domain/regulations.md` §3.3 (a seminar day is
//! 4 JP, a workshop day 5 JP, magang and detasering 20 JP). Programs are the
//! same for every seed; only contacts are drawn from the seed.

use crate::acak::Acak;
use crate::kamus::EntriKamus;
use crate::waktu::{geser, tambah_tahun};
use crate::{UnitDemo, nama};
use kompeten_domain::{
    BentukPengembangan as B, JenisJabatan as J, JenisKelamin, JenisKerjaSama, JenisMitra, Jp,
    ModaPembelajaran as M, Rupiah,
};
use kompeten_store::JadwalProgram;
use time::{Date, Month};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KontakDemo {
    pub nama: String,
    pub jabatan: String,
    pub email: String,
    pub telepon: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KerjaSamaDemo {
    pub jenis: JenisKerjaSama,
    pub nomor: String,
    pub ruang_lingkup: String,
    pub tanggal_mulai: Date,
    pub tanggal_berakhir: Date,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MitraDemo {
    pub kode: String,
    pub nama: String,
    pub jenis: JenisMitra,
    pub alamat: Option<String>,
    pub kota: String,
    pub website: Option<String>,
    pub kontak: Vec<KontakDemo>,
    pub kerja_sama: Vec<KerjaSamaDemo>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgramDemo {
    pub kode: String,
    pub judul: String,
    /// Index into [`crate::Dataset::mitra`]; `None` for BKPSDM's own programs.
    pub penyelenggara: Option<usize>,
    pub bentuk: kompeten_domain::BentukPengembangan,
    pub jp: Jp,
    pub biaya_per_peserta: Rupiah,
    pub biaya_per_angkatan: Option<Rupiah>,
    pub ukuran_angkatan: Option<u32>,
    pub maks_angkatan: Option<u32>,
    pub moda: kompeten_domain::ModaPembelajaran,
    /// (index into [`crate::Dataset::kompetensi`], levels raised 1..=4).
    pub kompetensi: Vec<(usize, u8)>,
    pub terbuka_untuk_semua: bool,
    pub jenis_jabatan: Vec<kompeten_domain::JenisJabatan>,
    /// Indexes into [`crate::Dataset::unit`] (OPDs; their units are included).
    pub unit: Vec<usize>,
    pub jadwal: JadwalProgram,
    pub aktif: bool,
}

// ---------------------------------------------------------------------------
// Partners.

struct SpekMitra {
    kode: &'static str,
    nama: &'static str,
    jenis: JenisMitra,
    alamat: Option<&'static str>,
    kota: &'static str,
    website: Option<&'static str>,
    /// Domain of the synthetic e-mail addresses (under `.example`).
    surel: &'static str,
    kerja_sama: &'static [SpekKerjaSama],
}

/// When an agreement runs: fixed days (reported signings), or days relative
/// to the reference day so that some are always expired and some end soon.
#[derive(Clone, Copy)]
enum Waktu {
    /// Signed on this day, running `tahun` years.
    Tetap(i32, u8, u8, i32),
    /// Started `mulai` days from the reference day, ends `berakhir` days from it.
    Relatif(i64, i64),
}

struct SpekKerjaSama {
    jenis: JenisKerjaSama,
    ruang_lingkup: &'static str,
    waktu: Waktu,
}

const fn mou(ruang_lingkup: &'static str, waktu: Waktu) -> SpekKerjaSama {
    SpekKerjaSama {
        jenis: JenisKerjaSama::Mou,
        ruang_lingkup,
        waktu,
    }
}

const fn pks(ruang_lingkup: &'static str, waktu: Waktu) -> SpekKerjaSama {
    SpekKerjaSama {
        jenis: JenisKerjaSama::Pks,
        ruang_lingkup,
        waktu,
    }
}

use JenisMitra::{LembagaPemerintah as Pemerintah, Lsm, PerguruanTinggi as Pt, Swasta};
use Waktu::{Relatif, Tetap};

static MITRA: &[SpekMitra] = &[
    SpekMitra {
        kode: "UNAND",
        nama: "Universitas Andalas",
        jenis: Pt,
        alamat: None,
        kota: "Padang",
        website: Some("https://www.unand.ac.id"),
        surel: "unand",
        kerja_sama: &[
            mou(
                "Riset dan konsultansi perencanaan pembangunan daerah",
                Tetap(2019, 3, 11, 5),
            ),
            pks(
                "Pelatihan keamanan informasi, analisis data dan kursus singkat bagi ASN",
                Relatif(-320, 45),
            ),
        ],
    },
    SpekMitra {
        kode: "UNP",
        nama: "Universitas Negeri Padang",
        jenis: Pt,
        alamat: None,
        kota: "Padang",
        website: Some("https://www.unp.ac.id"),
        surel: "unp",
        kerja_sama: &[
            mou(
                "Pendidikan, penelitian dan pengabdian masyarakat",
                Relatif(-900, 925),
            ),
            pks(
                "Kursus pengembangan aplikasi dan asesmen pembelajaran bagi ASN",
                Relatif(-200, 165),
            ),
        ],
    },
    SpekMitra {
        kode: "PSDKU-UNP",
        nama: "PSDKU Universitas Negeri Padang di Sawahlunto",
        jenis: Pt,
        alamat: Some("Kandi, Kota Sawahlunto"),
        kota: "Sawahlunto",
        website: None,
        surel: "psdku-unp",
        kerja_sama: &[pks(
            "Pendampingan guru PAUD dan SD, workshop Kurikulum Merdeka dan pemetaan tata ruang",
            Relatif(-400, 70),
        )],
    },
    SpekMitra {
        kode: "ISI-PP",
        nama: "Institut Seni Indonesia Padang Panjang",
        jenis: Pt,
        alamat: None,
        kota: "Padang Panjang",
        website: None,
        surel: "isi-padangpanjang",
        kerja_sama: &[
            mou(
                "Pendidikan seni, pelestarian budaya dan program S2 bagi ASN di Sawahlunto",
                Tetap(2022, 9, 11, 5),
            ),
            pks(
                "Kursus permuseuman dan pembinaan kesenian daerah",
                Relatif(-150, 215),
            ),
        ],
    },
    SpekMitra {
        kode: "UNITAS",
        nama: "Universitas Taman Siswa Padang",
        jenis: Pt,
        alamat: None,
        kota: "Padang",
        website: None,
        surel: "unitas",
        kerja_sama: &[mou(
            "Tridharma perguruan tinggi dan peningkatan kualitas SDM aparatur",
            Tetap(2021, 2, 25, 5),
        )],
    },
    SpekMitra {
        kode: "UNPAD",
        nama: "Universitas Padjadjaran",
        jenis: Pt,
        alamat: None,
        kota: "Bandung",
        website: Some("https://www.unpad.ac.id"),
        surel: "unpad",
        kerja_sama: &[mou(
            "Pengembangan geopark, geologi dan destinasi wisata tambang",
            Tetap(2022, 11, 5, 5),
        )],
    },
    SpekMitra {
        kode: "STIA-LPPN",
        nama: "STIA LPPN Padang",
        jenis: Pt,
        alamat: None,
        kota: "Padang",
        website: None,
        surel: "stia-lppn",
        kerja_sama: &[pks(
            "Survei kepuasan masyarakat dan pelatihan pelayanan publik",
            Relatif(-700, -35),
        )],
    },
    SpekMitra {
        kode: "BPSDM-SUMBAR",
        nama: "BPSDM Provinsi Sumatera Barat",
        jenis: Pemerintah,
        alamat: None,
        kota: "Padang",
        website: Some("https://bpsdm.sumbarprov.go.id"),
        surel: "bpsdm-sumbar",
        kerja_sama: &[
            pks(
                "Pelatihan kepemimpinan dan teknis pola kontribusi tahun berjalan",
                Relatif(-135, 230),
            ),
            pks(
                "Pelatihan kepemimpinan dan teknis pola kontribusi tahun sebelumnya",
                Relatif(-500, -136),
            ),
        ],
    },
    SpekMitra {
        kode: "LAN",
        nama: "Lembaga Administrasi Negara",
        jenis: Pemerintah,
        alamat: None,
        kota: "Jakarta",
        website: Some("https://lan.go.id"),
        surel: "lan",
        kerja_sama: &[pks(
            "Pelatihan Kepemimpinan Nasional Tingkat II dan akses platform ASN Unggul",
            Relatif(-300, 20),
        )],
    },
    SpekMitra {
        kode: "BKN",
        nama: "Badan Kepegawaian Negara",
        jenis: Pemerintah,
        alamat: None,
        kota: "Jakarta",
        website: Some("https://www.bkn.go.id"),
        surel: "bkn",
        kerja_sama: &[],
    },
    SpekMitra {
        kode: "KEMENDAGRI",
        nama: "BPSDM Kementerian Dalam Negeri",
        jenis: Pemerintah,
        alamat: None,
        kota: "Jakarta",
        website: None,
        surel: "bpsdm-kemendagri",
        kerja_sama: &[],
    },
    SpekMitra {
        kode: "BDTBT",
        nama: "Balai Diklat Tambang Bawah Tanah",
        jenis: Pemerintah,
        alamat: None,
        kota: "Sawahlunto",
        website: None,
        surel: "bdtbt",
        kerja_sama: &[pks(
            "Pelatihan keselamatan, tanggap darurat dan pemulihan lahan bekas tambang",
            Relatif(-600, 130),
        )],
    },
    // Illustrative: a private IT training provider.
    SpekMitra {
        kode: "RANAH-DIGITAL",
        nama: "PT Ranah Digital Nusantara",
        jenis: Swasta,
        alamat: Some("Jl. Contoh Raya No. 12"),
        kota: "Padang",
        website: None,
        surel: "ranah-digital",
        kerja_sama: &[pks(
            "Bimbingan teknis data, jaringan dan pemasaran digital",
            Relatif(-250, 85),
        )],
    },
    // Illustrative: a private bimtek provider.
    SpekMitra {
        kode: "CENDEKIA",
        nama: "CV Cendekia Bimtek Mandiri",
        jenis: Swasta,
        alamat: Some("Jl. Contoh Lama No. 3"),
        kota: "Jakarta",
        website: None,
        surel: "cendekia-bimtek",
        kerja_sama: &[pks(
            "Bimbingan teknis keuangan daerah, pengadaan, hukum dan perizinan",
            Relatif(-380, -15),
        )],
    },
    // Illustrative: a heritage NGO.
    SpekMitra {
        kode: "PUSAKA-OMBILIN",
        nama: "Yayasan Pelestari Pusaka Ombilin",
        jenis: Lsm,
        alamat: None,
        kota: "Sawahlunto",
        website: None,
        surel: "pusaka-ombilin",
        kerja_sama: &[mou(
            "Pelestarian Warisan Dunia Tambang Batubara Ombilin dan pengelolaan sampah berbasis warga",
            Relatif(-800, 1_030),
        )],
    },
    // Illustrative: a digital-literacy NGO.
    SpekMitra {
        kode: "LITERASI-DIGITAL",
        nama: "Perkumpulan Literasi Digital Minangkabau",
        jenis: Lsm,
        alamat: None,
        kota: "Bukittinggi",
        website: None,
        surel: "literasi-digital",
        kerja_sama: &[pks(
            "Pendampingan layanan daring bagi petugas garda depan",
            Relatif(-90, 275),
        )],
    },
];

const JABATAN_KONTAK_PT: &[&str] = &[
    "Kepala Kantor Urusan Kerja Sama",
    "Wakil Dekan Bidang Kerja Sama",
    "Koordinator Pengabdian Masyarakat",
];
const JABATAN_KONTAK_PEMERINTAH: &[&str] = &[
    "Kepala Bidang Penyelenggaraan Pelatihan",
    "Analis Kerja Sama",
    "Widyaiswara Ahli Madya",
];
const JABATAN_KONTAK_SWASTA: &[&str] = &["Direktur", "Manajer Program Pelatihan"];
const JABATAN_KONTAK_LSM: &[&str] = &["Ketua", "Koordinator Program"];

fn kontak(acak: &mut Acak, spek: &SpekMitra, tahun: i32) -> Vec<KontakDemo> {
    let jabatan = match spek.jenis {
        Pt => JABATAN_KONTAK_PT,
        Pemerintah => JABATAN_KONTAK_PEMERINTAH,
        Swasta => JABATAN_KONTAK_SWASTA,
        Lsm => JABATAN_KONTAK_LSM,
    };
    let jumlah = 1 + acak.bawah(2) as usize;
    (0..jumlah)
        .map(|n| {
            let jk = if acak.persen(50) {
                JenisKelamin::LakiLaki
            } else {
                JenisKelamin::Perempuan
            };
            let lahir = tahun - acak.antara(30, 55) as i32;
            let nama = nama::buat(acak, jk, lahir);
            let lokal: String = nama
                .to_lowercase()
                .split_whitespace()
                .take(2)
                .map(|s| {
                    s.chars()
                        .filter(char::is_ascii_alphanumeric)
                        .collect::<String>()
                })
                .collect::<Vec<_>>()
                .join(".");
            let prefix = ["0812", "0813", "0852", "0853", "0811"];
            let telepon = format!(
                "{}-{:04}-{:04}",
                acak.pilih(&prefix).copied().unwrap_or("0812"),
                acak.bawah(10_000),
                acak.bawah(10_000)
            );
            KontakDemo {
                jabatan: jabatan
                    .get(n % jabatan.len())
                    .copied()
                    .unwrap_or("Staf")
                    .to_owned(),
                email: format!("{lokal}@{}.example", spek.surel),
                telepon,
                nama,
            }
        })
        .collect()
}

fn kerja_sama(spek: &SpekMitra, urutan_mitra: usize, hari_ini: Date) -> Vec<KerjaSamaDemo> {
    spek.kerja_sama
        .iter()
        .enumerate()
        .filter_map(|(n, k)| {
            let (mulai, berakhir) = match k.waktu {
                Tetap(y, m, d, tahun) => {
                    let mulai = Date::from_calendar_date(y, Month::try_from(m).ok()?, d).ok()?;
                    (mulai, geser(tambah_tahun(mulai, tahun), -1))
                }
                Relatif(mulai, berakhir) => (geser(hari_ini, mulai), geser(hari_ini, berakhir)),
            };
            let singkatan = match k.jenis {
                JenisKerjaSama::Mou => "MoU",
                JenisKerjaSama::Pks => "PKS",
            };
            Some(KerjaSamaDemo {
                jenis: k.jenis,
                nomor: format!(
                    "{:03}/{singkatan}/PEMKO-SWL/{}",
                    10 * urutan_mitra + n + 7,
                    mulai.year()
                ),
                ruang_lingkup: k.ruang_lingkup.to_owned(),
                tanggal_mulai: mulai,
                tanggal_berakhir: berakhir,
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Cost references (sawahlunto.md §5).

/// Which line of §5 a program's cost follows; each gives the range of the
/// effective cost per participant (per-participant cost plus a full batch's
/// share of the per-batch cost).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Acuan {
    /// LAN/BKN/Kemendagri MOOC e-learning: Rp0.
    Gratis,
    /// Webinar: Rp0–300 ribu.
    Webinar,
    /// In-house workshop or seminar: Rp0.5–1.5 juta per participant-day
    /// (paket meeting + narasumber).
    PaketMeeting,
    /// Private bimtek, also university short courses: Rp3–6 juta for 3–4
    /// days, i.e. Rp0.75–2 juta per participant-day.
    Bimtek,
    /// BPSDM training under pola kontribusi: the BPSDM tariffs of §5 run
    /// from about Rp36 ribu (prajabatan) to Rp90 ribu (diklatpim) per JP,
    /// plus uang harian diklat of Rp110 ribu a day.
    Kontribusi,
    /// Latsar CPNS: Rp5–8 juta.
    Latsar,
    /// PKP: Rp12–20 juta.
    Pkp,
    /// PKA: Rp25–40 juta.
    Pka,
    /// PKN II: Rp60–90 juta.
    Pkn2,
    /// Magang or detasering away from Sawahlunto: uang harian luar kota
    /// Rp380 ribu a day, up to Rp1 juta with lodging and transport.
    Perjalanan,
    /// BKPSDM's own coaching, mentoring, communities and self-study:
    /// Rp0–500 ribu for materials.
    Internal,
}

impl Acuan {
    /// The range (inclusive) of the effective cost per participant.
    #[cfg(test)]
    pub(crate) fn rentang(self, jp: u32, hari: u32) -> (i64, i64) {
        let (jp, hari) = (i64::from(jp), i64::from(hari.max(1)));
        match self {
            Acuan::Gratis => (0, 0),
            Acuan::Webinar => (0, 300_000),
            Acuan::PaketMeeting => (500_000 * hari, 1_500_000 * hari),
            Acuan::Bimtek => (750_000 * hari, 2_000_000 * hari),
            Acuan::Kontribusi => (36_000 * jp, 90_000 * jp + 110_000 * hari),
            Acuan::Latsar => (5_000_000, 8_000_000),
            Acuan::Pkp => (12_000_000, 20_000_000),
            Acuan::Pka => (25_000_000, 40_000_000),
            Acuan::Pkn2 => (60_000_000, 90_000_000),
            Acuan::Perjalanan => (380_000 * hari, 1_000_000 * hari),
            Acuan::Internal => (0, 500_000),
        }
    }
}

// ---------------------------------------------------------------------------
// The catalog.

pub(crate) struct Spek {
    pub(crate) kode: &'static str,
    judul: &'static str,
    mitra: Option<&'static str>,
    bentuk: kompeten_domain::BentukPengembangan,
    moda: kompeten_domain::ModaPembelajaran,
    pub(crate) jp: u32,
    /// Days of attendance (for the cost reference and the schedule).
    pub(crate) hari: u32,
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) acuan: Acuan,
    peserta: i64,
    angkatan: Option<i64>,
    ukuran: Option<u32>,
    maks: Option<u32>,
    kompetensi: &'static [(&'static str, u8)],
    terbuka: bool,
    jenis: &'static [kompeten_domain::JenisJabatan],
    unit: &'static [&'static str],
    /// Month of the reference year it starts in; `None`: all year.
    bulan: Option<u8>,
    aktif: bool,
}

#[allow(clippy::too_many_arguments)]
const fn p(
    kode: &'static str,
    judul: &'static str,
    mitra: Option<&'static str>,
    bentuk: kompeten_domain::BentukPengembangan,
    moda: kompeten_domain::ModaPembelajaran,
    jp: u32,
    hari: u32,
    acuan: Acuan,
    peserta: i64,
    kompetensi: &'static [(&'static str, u8)],
) -> Spek {
    Spek {
        kode,
        judul,
        mitra,
        bentuk,
        moda,
        jp,
        hari,
        acuan,
        peserta,
        angkatan: None,
        ukuran: None,
        maks: None,
        kompetensi,
        terbuka: false,
        jenis: &[],
        unit: &[],
        bulan: None,
        aktif: true,
    }
}

impl Spek {
    /// Paid mostly per batch: the batch cost, its size and how many may run.
    const fn per_angkatan(mut self, biaya: i64, ukuran: u32, maks: u32) -> Spek {
        self.angkatan = Some(biaya);
        self.ukuran = Some(ukuran);
        self.maks = Some(maks);
        self
    }
    /// Seats sold per participant, in batches of `ukuran`, at most `maks`.
    const fn kursi(mut self, ukuran: u32, maks: u32) -> Spek {
        self.ukuran = Some(ukuran);
        self.maks = Some(maks);
        self
    }
    const fn terbuka(mut self) -> Spek {
        self.terbuka = true;
        self
    }
    const fn jenis(mut self, jenis: &'static [kompeten_domain::JenisJabatan]) -> Spek {
        self.jenis = jenis;
        self
    }
    const fn unit(mut self, unit: &'static [&'static str]) -> Spek {
        self.unit = unit;
        self
    }
    const fn bulan(mut self, bulan: u8) -> Spek {
        self.bulan = Some(bulan);
        self
    }
    const fn nonaktif(mut self) -> Spek {
        self.aktif = false;
        self
    }
}

const LURING: kompeten_domain::ModaPembelajaran = M::Luring;
const DARING: kompeten_domain::ModaPembelajaran = M::Daring;
const CAMPURAN: kompeten_domain::ModaPembelajaran = M::Campuran;
const STRUKTURAL: &[kompeten_domain::JenisJabatan] = &[J::Administrator, J::Pengawas];
const PELAKSANA: &[kompeten_domain::JenisJabatan] = &[J::Pelaksana];
const FUNGSIONAL: &[kompeten_domain::JenisJabatan] = &[J::Fungsional];
const STAF: &[kompeten_domain::JenisJabatan] = &[J::Pelaksana, J::Fungsional];

/// The catalog. E-government (SPBE) comes first and is the largest group: it
/// is the city's priority for its ASN.
#[rustfmt::skip]
pub(crate) static PROGRAM: &[Spek] = &[
    // ---- SPBE, data, security, digital services -------------------------
    p("SPBE-01", "Pelatihan Tata Kelola dan Manajemen SPBE", Some("BPSDM-SUMBAR"), B::Pelatihan, LURING, 40, 5, Acuan::Kontribusi, 2_450_000, &[("T.SPBE.01", 2), ("M.07", 1)]).jenis(STRUKTURAL).bulan(3),
    p("SPBE-02", "Workshop Arsitektur SPBE dan Peta Rencana Kota", None, B::Workshop, LURING, 15, 3, Acuan::PaketMeeting, 1_500_000, &[("T.SPBE.01", 1), ("T.REN.01", 1)]).per_angkatan(18_000_000, 30, 2).bulan(4),
    p("SPBE-03", "Bimtek Satu Data Indonesia dan Pengelolaan Data Sektoral", Some("RANAH-DIGITAL"), B::Bimtek, LURING, 32, 4, Acuan::Bimtek, 4_500_000, &[("T.SPBE.02", 2), ("T.KOM.02", 1)]).bulan(5),
    p("SPBE-04", "Pelatihan Keamanan Informasi dan Penanganan Insiden Siber", Some("UNAND"), B::Pelatihan, LURING, 40, 5, Acuan::Bimtek, 5_500_000, &[("T.SPBE.03", 2)]).kursi(25, 2).bulan(6),
    p("SPBE-05", "Kursus Pengembangan Aplikasi Web Layanan Publik", Some("UNP"), B::Kursus, CAMPURAN, 48, 6, Acuan::Bimtek, 6_000_000, &[("T.SPBE.04", 2)]).unit(&["DISKOMINFO"]).bulan(7),
    p("SPBE-06", "E-Learning Literasi Digital ASN", Some("KEMENDAGRI"), B::ELearning, DARING, 10, 4, Acuan::Gratis, 0, &[("T.SPBE.05", 1)]).terbuka(),
    p("SPBE-07", "Pendampingan Layanan Daring bagi Petugas Garda Depan", Some("LITERASI-DIGITAL"), B::Workshop, LURING, 10, 2, Acuan::PaketMeeting, 900_000, &[("T.SPBE.05", 2), ("M.05", 1)]).per_angkatan(9_000_000, 25, 3).jenis(PELAKSANA).unit(&["DPMPTSP", "DISDUKCAPIL"]).bulan(3),
    p("SPBE-08", "Bimtek Administrasi Jaringan dan Pusat Data", Some("RANAH-DIGITAL"), B::Bimtek, LURING, 32, 4, Acuan::Bimtek, 5_800_000, &[("T.SPBE.06", 2)]).unit(&["DISKOMINFO"]).bulan(8),
    p("SPBE-09", "Webinar Keamanan Siber untuk Seluruh ASN", Some("UNAND"), B::Seminar, DARING, 4, 1, Acuan::Webinar, 150_000, &[("T.SPBE.03", 1)]).terbuka().bulan(2),
    p("SPBE-10", "E-Learning Transformasi Digital Pemerintahan (ASN Unggul)", Some("LAN"), B::ELearning, DARING, 20, 7, Acuan::Gratis, 0, &[("T.SPBE.01", 1), ("M.07", 1)]).terbuka(),
    p("SPBE-11", "Magang Pengelolaan Command Center dan Data", None, B::Magang, LURING, 20, 5, Acuan::Perjalanan, 3_200_000, &[("T.SPBE.06", 1), ("T.SPBE.02", 1)]).kursi(4, 1).unit(&["DISKOMINFO"]).bulan(9),
    p("SPBE-12", "Komunitas Belajar Pengelola Website dan Media Sosial OPD", None, B::KomunitasBelajar, CAMPURAN, 12, 6, Acuan::Internal, 0, &[("T.KOM.01", 1), ("T.SPBE.05", 1)]),
    p("SPBE-13", "Coaching Manajemen Proyek Aplikasi", None, B::Coaching, LURING, 8, 4, Acuan::Internal, 0, &[("T.SPBE.04", 1), ("M.04", 1)]).jenis(STRUKTURAL).unit(&["DISKOMINFO"]),
    p("SPBE-14", "Bimtek Sistem Manajemen Keamanan Informasi", Some("CENDEKIA"), B::Bimtek, LURING, 24, 3, Acuan::Bimtek, 3_600_000, &[("T.SPBE.03", 1), ("T.WAS.02", 1)]).bulan(10),
    p("SPBE-15", "Kursus Analisis Data dengan Python untuk Perencana", Some("UNAND"), B::Kursus, CAMPURAN, 40, 5, Acuan::Bimtek, 5_000_000, &[("T.SPBE.02", 2), ("T.REN.02", 1)]).kursi(20, 1).bulan(5),
    p("SPBE-16", "Belajar Mandiri Dasar Pemrograman dan Basis Data", None, B::BelajarMandiri, DARING, 16, 8, Acuan::Internal, 0, &[("T.SPBE.04", 1)]),
    p("SPBE-17", "Workshop Interoperabilitas Data dan API Layanan", Some("PSDKU-UNP"), B::Workshop, LURING, 10, 2, Acuan::PaketMeeting, 1_000_000, &[("T.SPBE.04", 1), ("T.SPBE.02", 1)]).per_angkatan(12_000_000, 20, 1).bulan(11),
    p("SPBE-18", "E-Learning Keamanan Informasi bagi Pengguna", Some("BKN"), B::ELearning, DARING, 6, 2, Acuan::Gratis, 0, &[("T.SPBE.03", 1)]).terbuka(),
    p("SPBE-19", "Detasering Pengelola Satu Data ke Diskominfo", None, B::Detasering, LURING, 20, 10, Acuan::Internal, 0, &[("T.SPBE.02", 2)]).kursi(3, 1).jenis(STAF),
    p("SPBE-20", "Bimtek Tata Naskah Dinas Elektronik (SRIKANDI)", Some("CENDEKIA"), B::Bimtek, LURING, 24, 3, Acuan::Bimtek, 3_300_000, &[("T.UM.01", 2), ("T.ARS.01", 1), ("T.SPBE.05", 1)]).jenis(STAF).bulan(4),
    p("SPBE-21", "Mentoring Perancangan Layanan Digital Berpusat Pengguna", None, B::Mentoring, CAMPURAN, 8, 4, Acuan::Internal, 250_000, &[("T.SPBE.04", 1), ("M.05", 1)]),
    // ---- Licensing, MPP, public service, population administration -------
    p("IZN-01", "Bimtek Perizinan Berusaha Berbasis Risiko melalui OSS-RBA", Some("CENDEKIA"), B::Bimtek, LURING, 32, 4, Acuan::Bimtek, 4_800_000, &[("T.IZN.01", 2), ("T.IZN.04", 1)]).unit(&["DPMPTSP"]).bulan(2),
    p("IZN-02", "Belajar Mandiri Modul OSS-RBA", None, B::BelajarMandiri, DARING, 8, 4, Acuan::Internal, 0, &[("T.IZN.01", 1)]),
    p("IZN-03", "Pelatihan Pelayanan Prima Mal Pelayanan Publik", Some("STIA-LPPN"), B::Pelatihan, LURING, 24, 3, Acuan::PaketMeeting, 1_200_000, &[("T.IZN.02", 2), ("M.05", 1)]).per_angkatan(21_000_000, 30, 2).jenis(PELAKSANA).bulan(3),
    p("IZN-04", "Workshop Standar Pelayanan, SKM dan SP4N-LAPOR!", Some("STIA-LPPN"), B::Workshop, LURING, 10, 2, Acuan::PaketMeeting, 1_000_000, &[("T.IZN.03", 2), ("M.05", 1)]).per_angkatan(10_000_000, 30, 2).bulan(6),
    p("IZN-05", "Bimtek Promosi dan Fasilitasi Penanaman Modal", Some("CENDEKIA"), B::Bimtek, LURING, 24, 3, Acuan::Bimtek, 3_900_000, &[("T.IZN.05", 2)]).unit(&["DPMPTSP"]).bulan(9),
    p("IZN-06", "E-Learning Pelayanan Publik Berorientasi Pengguna", Some("LAN"), B::ELearning, DARING, 12, 4, Acuan::Gratis, 0, &[("M.05", 1), ("T.IZN.03", 1)]).terbuka(),
    p("DUK-01", "Pelatihan Pelayanan Adminduk dan Identitas Kependudukan Digital", Some("BPSDM-SUMBAR"), B::Pelatihan, LURING, 30, 4, Acuan::Kontribusi, 1_900_000, &[("T.DUK.01", 2), ("T.SPBE.05", 1)]).unit(&["DISDUKCAPIL"]).bulan(5),
    p("DUK-02", "E-Learning Pencatatan Sipil", Some("KEMENDAGRI"), B::ELearning, DARING, 9, 3, Acuan::Gratis, 0, &[("T.DUK.02", 1)]).unit(&["DISDUKCAPIL"]),
    // ---- Leadership and managerial -------------------------------------
    // JP of the leadership programs are illustrative (PKA from the old
    // Diklatpim III's 254 JP); 40 per batch is the §5 maximum.
    p("LAT-01", "Pelatihan Dasar CPNS (Latsar)", Some("BPSDM-SUMBAR"), B::Pelatihan, CAMPURAN, 200, 25, Acuan::Latsar, 6_500_000, &[("M.01", 1), ("SK.01", 1), ("M.05", 1)]).kursi(40, 2).jenis(STAF).bulan(7),
    p("PKP-01", "Pelatihan Kepemimpinan Pengawas (PKP)", Some("BPSDM-SUMBAR"), B::Pelatihan, CAMPURAN, 200, 25, Acuan::Pkp, 15_500_000, &[("M.04", 1), ("M.02", 1), ("M.08", 1)]).kursi(40, 1).jenis(&[J::Pengawas]).bulan(4),
    p("PKA-01", "Pelatihan Kepemimpinan Administrator (PKA)", Some("BPSDM-SUMBAR"), B::Pelatihan, CAMPURAN, 254, 31, Acuan::Pka, 32_000_000, &[("M.07", 1), ("M.08", 1), ("M.04", 1)]).kursi(40, 1).jenis(&[J::Administrator]).bulan(5),
    p("PKN-01", "Pelatihan Kepemimpinan Nasional Tingkat II (PKN II)", Some("LAN"), B::Pelatihan, CAMPURAN, 300, 40, Acuan::Pkn2, 75_000_000, &[("M.07", 1), ("M.08", 1), ("SK.01", 1)]).kursi(40, 1).jenis(&[J::JptPratama]).bulan(6),
    p("MAN-01", "E-Learning Penguatan Integritas dan Antikorupsi", Some("LAN"), B::ELearning, DARING, 10, 4, Acuan::Gratis, 0, &[("M.01", 1)]).terbuka(),
    p("MAN-02", "Seminar Wawasan Kebangsaan dan Moderasi", None, B::Seminar, LURING, 4, 1, Acuan::PaketMeeting, 550_000, &[("SK.01", 1)]).per_angkatan(6_000_000, 100, 2).terbuka().bulan(8),
    p("MAN-03", "Pelatihan Komunikasi Efektif dan Berbicara di Depan Publik", Some("UNITAS"), B::Pelatihan, LURING, 24, 3, Acuan::Bimtek, 3_300_000, &[("M.03", 2)]).bulan(3),
    p("MAN-04", "Workshop Kolaborasi Lintas OPD dengan Design Thinking", Some("UNITAS"), B::Workshop, LURING, 10, 2, Acuan::PaketMeeting, 1_000_000, &[("M.02", 1), ("M.07", 1)]).per_angkatan(11_000_000, 30, 2).jenis(STRUKTURAL).bulan(10),
    p("MAN-05", "Coaching Kinerja oleh Atasan Langsung", None, B::Coaching, LURING, 8, 4, Acuan::Internal, 0, &[("M.04", 1), ("M.06", 1)]).terbuka(),
    p("MAN-06", "Mentoring Calon Pejabat Administrator", None, B::Mentoring, LURING, 16, 8, Acuan::Internal, 0, &[("M.06", 1), ("M.08", 1)]).jenis(&[J::Pengawas]),
    p("MAN-07", "E-Learning Pengembangan Diri ASN", Some("BKN"), B::ELearning, DARING, 8, 3, Acuan::Gratis, 0, &[("M.06", 1)]).terbuka(),
    p("MAN-08", "Kursus Pengambilan Keputusan Berbasis Data", Some("UNAND"), B::Kursus, LURING, 24, 3, Acuan::Bimtek, 4_200_000, &[("M.08", 1), ("T.SPBE.02", 1)]).jenis(STRUKTURAL).bulan(9),
    p("MAN-09", "Webinar Manajemen Perubahan dan Reformasi Birokrasi", Some("LAN"), B::Seminar, DARING, 4, 1, Acuan::Webinar, 0, &[("M.07", 1)]).terbuka().bulan(5),
    p("MAN-10", "E-Learning Orientasi Nilai Dasar ASN BerAKHLAK", Some("BKN"), B::ELearning, DARING, 6, 2, Acuan::Gratis, 0, &[]).terbuka(),
    // An older offer kept in the catalog but no longer run.
    p("MAN-11", "Pelatihan Kerja Sama Tim (Outbound)", None, B::Pelatihan, LURING, 16, 2, Acuan::PaketMeeting, 1_400_000, &[("M.02", 1)]).nonaktif(),
    // ---- Finance, procurement, planning, HR, law, oversight ------------
    p("KEU-01", "Bimtek Penganggaran dan Penatausahaan Keuangan melalui SIPD", Some("CENDEKIA"), B::Bimtek, LURING, 32, 4, Acuan::Bimtek, 4_500_000, &[("T.KEU.01", 2), ("T.SPBE.05", 1)]).bulan(1),
    p("KEU-02", "Pelatihan Akuntansi Akrual dan Laporan Keuangan Pemerintah Daerah", Some("BPSDM-SUMBAR"), B::Pelatihan, LURING, 40, 5, Acuan::Kontribusi, 2_600_000, &[("T.KEU.02", 2)]).bulan(2),
    p("PBJ-01", "Pelatihan Pengadaan Barang/Jasa Pemerintah Tingkat Dasar", Some("CENDEKIA"), B::Pelatihan, LURING, 32, 4, Acuan::Bimtek, 4_300_000, &[("T.PBJ.01", 2)]).bulan(3),
    p("REN-01", "Bimtek Penyusunan RPJMD, Renstra dan Renja Perangkat Daerah", Some("UNAND"), B::Bimtek, LURING, 32, 4, Acuan::Bimtek, 4_600_000, &[("T.REN.01", 2)]).unit(&["BAPPEDA"]).bulan(2),
    p("REN-02", "Workshop SAKIP dan Penyusunan Indikator Kinerja", None, B::Workshop, LURING, 15, 3, Acuan::PaketMeeting, 1_500_000, &[("T.REN.02", 2), ("M.04", 1)]).per_angkatan(15_000_000, 35, 2).bulan(1),
    p("SDM-01", "E-Learning Manajemen ASN dan SIASN", Some("BKN"), B::ELearning, DARING, 12, 4, Acuan::Gratis, 0, &[("T.SDM.01", 1)]),
    p("SDM-02", "Workshop Analisis Kebutuhan Pengembangan Kompetensi (AKPK)", None, B::Workshop, LURING, 10, 2, Acuan::PaketMeeting, 1_000_000, &[("T.SDM.02", 2), ("T.SDM.01", 1)]).per_angkatan(8_000_000, 40, 1).bulan(1),
    p("HKM-01", "Bimtek Legal Drafting Produk Hukum Daerah", Some("CENDEKIA"), B::Bimtek, LURING, 32, 4, Acuan::Bimtek, 5_000_000, &[("T.HKM.01", 2)]).bulan(7),
    p("HKM-02", "Kursus Bantuan Hukum dan Jaringan Dokumentasi Hukum", Some("UNAND"), B::Kursus, LURING, 24, 3, Acuan::Bimtek, 3_400_000, &[("T.HKM.02", 2)]).bulan(8),
    p("WAS-01", "Pelatihan Audit Intern Berbasis Risiko", Some("BPSDM-SUMBAR"), B::Pelatihan, LURING, 40, 5, Acuan::Kontribusi, 2_800_000, &[("T.WAS.01", 2)]).unit(&["INSP"]).bulan(4),
    p("WAS-02", "Workshop Manajemen Risiko dan Pembangunan Zona Integritas", None, B::Workshop, LURING, 10, 2, Acuan::PaketMeeting, 900_000, &[("T.WAS.02", 2), ("M.01", 1)]).per_angkatan(9_000_000, 30, 2).bulan(6),
    // ---- Culture, heritage, tourism ------------------------------------
    p("BUD-01", "Kursus Pengelolaan Koleksi dan Edukasi Museum", Some("ISI-PP"), B::Kursus, LURING, 32, 4, Acuan::Bimtek, 4_000_000, &[("T.BUD.01", 2)]).unit(&["DKPBP"]).bulan(5),
    p("BUD-02", "Workshop Pelestarian Warisan Dunia Tambang Batubara Ombilin", Some("PUSAKA-OMBILIN"), B::Workshop, LURING, 15, 3, Acuan::PaketMeeting, 1_200_000, &[("T.BUD.02", 2)]).per_angkatan(12_000_000, 25, 1).unit(&["DKPBP", "DISPARPORA"]).bulan(7),
    p("BUD-03", "Pelatihan Pembinaan Kesenian Daerah", Some("ISI-PP"), B::Pelatihan, LURING, 40, 5, Acuan::Bimtek, 4_800_000, &[("T.BUD.03", 2)]).bulan(9),
    p("PAR-01", "Kursus Pengembangan Destinasi Wisata Geopark", Some("UNPAD"), B::Kursus, CAMPURAN, 32, 4, Acuan::Bimtek, 5_500_000, &[("T.PAR.01", 2), ("T.BUD.02", 1)]).bulan(8),
    p("PAR-02", "Workshop Pemasaran Digital Pariwisata dan Event", Some("RANAH-DIGITAL"), B::Workshop, LURING, 10, 2, Acuan::PaketMeeting, 1_000_000, &[("T.PAR.02", 2), ("T.SPBE.05", 1)]).per_angkatan(10_000_000, 25, 1).bulan(3),
    // ---- Health and education ------------------------------------------
    p("KES-01", "Workshop Integrasi Layanan Primer di Puskesmas", None, B::Workshop, LURING, 15, 3, Acuan::PaketMeeting, 1_500_000, &[("T.KES.01", 2)]).per_angkatan(14_000_000, 30, 3).unit(&["DINKES"]).bulan(2),
    p("KES-02", "Kursus Asuhan Keperawatan Gawat Darurat", Some("UNAND"), B::Kursus, LURING, 40, 5, Acuan::Bimtek, 5_500_000, &[("T.KES.02", 2)]).jenis(FUNGSIONAL).unit(&["DINKES", "RSUD"]).bulan(4),
    p("KES-03", "Komunitas Belajar Surveilans Puskesmas", None, B::KomunitasBelajar, CAMPURAN, 12, 6, Acuan::Internal, 0, &[("T.KES.03", 1)]).unit(&["DINKES"]),
    p("KES-04", "Workshop Mutu dan Keselamatan Pasien", None, B::Workshop, LURING, 10, 2, Acuan::PaketMeeting, 1_000_000, &[("T.KES.04", 2)]).per_angkatan(9_000_000, 30, 2).unit(&["DINKES", "RSUD"]).bulan(10),
    p("DIK-01", "Workshop Implementasi Kurikulum Merdeka", Some("PSDKU-UNP"), B::Workshop, LURING, 15, 3, Acuan::PaketMeeting, 1_200_000, &[("T.DIK.01", 2)]).per_angkatan(12_000_000, 40, 4).jenis(FUNGSIONAL).unit(&["DISDIK"]).bulan(7),
    p("DIK-02", "Pelatihan Asesmen dan Evaluasi Pembelajaran", Some("UNP"), B::Pelatihan, LURING, 32, 4, Acuan::Bimtek, 3_800_000, &[("T.DIK.02", 2)]).jenis(FUNGSIONAL).unit(&["DISDIK"]).bulan(8),
    p("DIK-03", "Bimtek Manajemen Sekolah dan Rapor Pendidikan", Some("CENDEKIA"), B::Bimtek, LURING, 24, 3, Acuan::Bimtek, 3_600_000, &[("T.DIK.03", 2)]).unit(&["DISDIK"]).bulan(1),
    p("DIK-04", "Komunitas Belajar Pendidik PAUD dan Kesetaraan", Some("PSDKU-UNP"), B::KomunitasBelajar, LURING, 12, 6, Acuan::Internal, 150_000, &[("T.DIK.04", 1)]).unit(&["DISDIK"]),
    p("DIK-05", "Detasering Guru ke Sekolah Penggerak", None, B::Detasering, LURING, 20, 10, Acuan::Internal, 0, &[("T.DIK.01", 1), ("T.DIK.03", 1)]).kursi(10, 1).jenis(FUNGSIONAL).unit(&["DISDIK"]),
    // ---- Social, infrastructure, environment, economy ------------------
    p("SOS-01", "Bimtek Rehabilitasi dan Perlindungan Sosial Anak", Some("UNITAS"), B::Bimtek, LURING, 24, 3, Acuan::Bimtek, 3_300_000, &[("T.SOS.01", 2)]).unit(&["DINSOS"]).bulan(5),
    p("SOS-02", "Pelatihan Pengelolaan Data Kesejahteraan Sosial dan Bansos", Some("BPSDM-SUMBAR"), B::Pelatihan, LURING, 30, 4, Acuan::Kontribusi, 1_800_000, &[("T.SOS.02", 2), ("T.SPBE.02", 1)]).unit(&["DINSOS"]).bulan(6),
    p("PU-01", "Kursus Perencanaan dan Pengawasan Konstruksi Bangunan Gedung", Some("UNAND"), B::Kursus, LURING, 40, 5, Acuan::Bimtek, 5_800_000, &[("T.PU.01", 2)]).unit(&["PUPR"]).bulan(3),
    p("PU-02", "Pelatihan Sistem Informasi Geografis untuk Penataan Ruang", Some("PSDKU-UNP"), B::Pelatihan, LURING, 32, 4, Acuan::Bimtek, 3_500_000, &[("T.PU.02", 2), ("T.SPBE.02", 1)]).unit(&["PUPR", "BAPPEDA"]).bulan(9),
    p("LH-01", "Workshop Pengelolaan Sampah Berbasis Warga", Some("PUSAKA-OMBILIN"), B::Workshop, LURING, 10, 2, Acuan::PaketMeeting, 800_000, &[("T.LH.01", 2)]).per_angkatan(7_000_000, 30, 1).unit(&["DPKP2LH"]).bulan(4),
    p("LH-02", "Pelatihan Pemulihan Lahan Bekas Tambang dan Pengendalian Pencemaran", Some("BDTBT"), B::Pelatihan, LURING, 40, 5, Acuan::Bimtek, 4_500_000, &[("T.LH.02", 2)]).unit(&["DPKP2LH"]).bulan(6),
    p("TAN-01", "Magang Penyuluhan Pertanian Terpadu", None, B::Magang, LURING, 20, 5, Acuan::Perjalanan, 2_800_000, &[("T.TAN.01", 2)]).kursi(5, 1).unit(&["DKP3"]).bulan(7),
    p("TAN-02", "Pelatihan Pengawasan Keamanan Pangan Segar", Some("BPSDM-SUMBAR"), B::Pelatihan, LURING, 30, 4, Acuan::Kontribusi, 1_700_000, &[("T.TAN.02", 2)]).unit(&["DKP3"]).bulan(8),
    p("DAG-01", "Bimtek Pendampingan Koperasi dan UMKM", Some("UNITAS"), B::Bimtek, LURING, 24, 3, Acuan::Bimtek, 3_200_000, &[("T.DAG.01", 2)]).unit(&["DISPERINDAGKOP"]).bulan(2),
    p("DAG-02", "Workshop Pengelolaan Pasar Rakyat dan Stabilisasi Harga", None, B::Workshop, LURING, 10, 2, Acuan::PaketMeeting, 900_000, &[("T.DAG.02", 2)]).per_angkatan(6_000_000, 20, 1).unit(&["DISPERINDAGKOP"]).bulan(11),
    p("NAK-01", "Pelatihan Penempatan Tenaga Kerja dan Hubungan Industrial", Some("BPSDM-SUMBAR"), B::Pelatihan, LURING, 30, 4, Acuan::Kontribusi, 1_900_000, &[("T.NAK.01", 1), ("T.NAK.02", 2)]).unit(&["DPMPTSP"]).bulan(10),
    // ---- Order, transport, disasters, government, archives, general -----
    p("HUB-01", "Pelatihan Manajemen Lalu Lintas dan Angkutan Jalan", Some("BPSDM-SUMBAR"), B::Pelatihan, LURING, 30, 4, Acuan::Kontribusi, 1_800_000, &[("T.HUB.01", 2)]).unit(&["DISHUB"]).bulan(5),
    p("TIB-01", "Pelatihan Penegakan Peraturan Daerah", Some("BPSDM-SUMBAR"), B::Pelatihan, LURING, 30, 4, Acuan::Kontribusi, 1_900_000, &[("T.TIB.01", 2)]).unit(&["SATPOLPP"]).bulan(3),
    p("TIB-02", "Pelatihan Pemadaman Kebakaran dan Penyelamatan", Some("BDTBT"), B::Pelatihan, LURING, 40, 5, Acuan::Bimtek, 4_200_000, &[("T.TIB.02", 2), ("T.BEN.01", 1)]).unit(&["SATPOLPP", "BPBD"]).bulan(6),
    p("BEN-01", "Pelatihan Penyelamatan dan Tanggap Darurat Bencana", Some("BDTBT"), B::Pelatihan, LURING, 32, 4, Acuan::Bimtek, 3_900_000, &[("T.BEN.01", 2)]).unit(&["BPBD"]).bulan(9),
    p("PEM-01", "Pelatihan Penyelenggaraan Pemerintahan Kecamatan dan Kelurahan", Some("BPSDM-SUMBAR"), B::Pelatihan, LURING, 30, 4, Acuan::Kontribusi, 1_800_000, &[("T.PEM.01", 2)]).jenis(STRUKTURAL).bulan(4),
    p("PEM-02", "E-Learning Pembinaan Pemerintahan Desa", Some("KEMENDAGRI"), B::ELearning, DARING, 12, 4, Acuan::Gratis, 0, &[("T.PEM.02", 1)]),
    p("ARS-01", "Bimtek Pengelolaan Arsip Dinamis dan Statis", Some("CENDEKIA"), B::Bimtek, LURING, 24, 3, Acuan::Bimtek, 3_300_000, &[("T.ARS.01", 2)]).unit(&["DISPUSIP"]).bulan(5),
    p("ARS-02", "Komunitas Belajar Pustakawan dan Gerakan Gemar Membaca", None, B::KomunitasBelajar, LURING, 12, 6, Acuan::Internal, 0, &[("T.ARS.02", 1)]).unit(&["DISPUSIP"]),
    p("KOM-01", "Pelatihan Kehumasan dan Produksi Konten Digital", Some("RANAH-DIGITAL"), B::Pelatihan, LURING, 24, 3, Acuan::Bimtek, 3_500_000, &[("T.KOM.01", 2), ("T.SPBE.05", 1)]).bulan(4),
    p("KOM-02", "Bimtek Statistik Sektoral dan Metadata", Some("UNAND"), B::Bimtek, LURING, 24, 3, Acuan::Bimtek, 3_600_000, &[("T.KOM.02", 2), ("T.SPBE.02", 1)]).bulan(10),
    p("UM-01", "Bimtek Penatausahaan Barang Milik Daerah", Some("CENDEKIA"), B::Bimtek, LURING, 24, 3, Acuan::Bimtek, 3_400_000, &[("T.UM.02", 2)]).jenis(STAF).bulan(6),
    // An older webinar series, replaced by SPBE-09.
    p("UM-02", "Webinar Etika Surat-Menyurat Dinas", None, B::Seminar, DARING, 4, 1, Acuan::Webinar, 0, &[("T.UM.01", 1)]).nonaktif(),
];

fn cari_kompetensi(kompetensi: &[&'static EntriKamus], kode: &str) -> Option<usize> {
    kompetensi.iter().position(|e| e.kode == kode)
}

fn cari_unit(unit: &[UnitDemo], kode: &str) -> Option<usize> {
    unit.iter().position(|u| u.kode == kode)
}

/// Partners and programs for the reference day `hari_ini`; a code the
/// dictionary or the organisation lacks is left out (the tests forbid it).
pub(crate) fn bangun(
    acak: &mut Acak,
    hari_ini: Date,
    unit: &[UnitDemo],
    kompetensi: &[&'static EntriKamus],
) -> (Vec<MitraDemo>, Vec<ProgramDemo>) {
    let tahun = hari_ini.year();
    let mitra: Vec<MitraDemo> = MITRA
        .iter()
        .enumerate()
        .map(|(n, m)| MitraDemo {
            kode: m.kode.to_owned(),
            nama: m.nama.to_owned(),
            jenis: m.jenis,
            alamat: m.alamat.map(str::to_owned),
            kota: m.kota.to_owned(),
            website: m.website.map(str::to_owned),
            kontak: kontak(acak, m, tahun),
            kerja_sama: kerja_sama(m, n, hari_ini),
        })
        .collect();
    let program = PROGRAM
        .iter()
        .map(|s| {
            let jadwal = match s.bulan.and_then(|b| crate::waktu::awal_bulan(tahun, b)) {
                Some(awal) => {
                    let mulai = crate::waktu::hari_kerja(geser(awal, 9), geser(awal, 27));
                    JadwalProgram::Periode {
                        mulai,
                        selesai: geser(mulai, i64::from(s.hari.max(1)) - 1),
                    }
                }
                None => JadwalProgram::SepanjangTahun,
            };
            ProgramDemo {
                kode: s.kode.to_owned(),
                judul: s.judul.to_owned(),
                penyelenggara: s.mitra.and_then(|k| MITRA.iter().position(|m| m.kode == k)),
                bentuk: s.bentuk,
                jp: Jp(s.jp),
                biaya_per_peserta: Rupiah(s.peserta),
                biaya_per_angkatan: s.angkatan.map(Rupiah),
                ukuran_angkatan: s.ukuran,
                maks_angkatan: s.maks,
                moda: s.moda,
                kompetensi: s
                    .kompetensi
                    .iter()
                    .filter_map(|(k, naik)| cari_kompetensi(kompetensi, k).map(|i| (i, *naik)))
                    .collect(),
                terbuka_untuk_semua: s.terbuka,
                jenis_jabatan: s.jenis.to_vec(),
                unit: s.unit.iter().filter_map(|k| cari_unit(unit, k)).collect(),
                jadwal,
                aktif: s.aktif,
            }
        })
        .collect();
    (mitra, program)
}

/// The effective cost per participant of a full batch.
#[cfg(test)]
pub(crate) fn biaya_efektif(p: &ProgramDemo) -> i64 {
    let per_angkatan = match (p.biaya_per_angkatan, p.ukuran_angkatan) {
        (Some(b), Some(u)) => b.0 / i64::from(u.max(1)),
        (Some(b), None) => b.0,
        _ => 0,
    };
    p.biaya_per_peserta.0 + per_angkatan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DEFAULT_SEED, default_options, generate};
    use kompeten_domain::{BentukPengembangan, KelompokKompetensi, StatusKerjaSama};
    use std::collections::{BTreeMap, BTreeSet};
    use time::macros::date;

    const HARI_INI: Date = date!(2026 - 05 - 15);

    #[test]
    fn the_catalog_is_deterministic_and_every_code_resolves() {
        let data = generate(&default_options(HARI_INI));
        let again = generate(&default_options(HARI_INI));
        assert_eq!(data.mitra, again.mitra);
        assert_eq!(data.program, again.program);
        assert_eq!(data.program.len(), PROGRAM.len());
        assert_eq!(data.mitra.len(), MITRA.len());
        // Nothing silently dropped: every code in the table exists.
        for (s, p) in PROGRAM.iter().zip(&data.program) {
            assert_eq!(p.kode, s.kode);
            assert_eq!(p.kompetensi.len(), s.kompetensi.len(), "{}", s.kode);
            assert_eq!(p.unit.len(), s.unit.len(), "{}", s.kode);
            assert_eq!(p.penyelenggara.is_some(), s.mitra.is_some(), "{}", s.kode);
        }
        let kode: BTreeSet<&str> = data.program.iter().map(|p| p.kode.as_str()).collect();
        assert_eq!(kode.len(), data.program.len(), "program codes are unique");
        let kode: BTreeSet<&str> = data.mitra.iter().map(|m| m.kode.as_str()).collect();
        assert_eq!(kode.len(), data.mitra.len(), "partner codes are unique");
        assert!(data.periksa().is_ok());
        // Contacts follow the seed; the catalog itself does not.
        let other = generate(&crate::DemoOptions {
            seed: DEFAULT_SEED + 1,
            hari_ini: HARI_INI,
        });
        assert_eq!(other.program, data.program);
        assert_ne!(other.mitra, data.mitra);
    }

    #[test]
    fn at_least_sixty_programs_each_raising_a_competency_or_open_to_all() {
        let data = generate(&default_options(HARI_INI));
        assert!(data.program.len() >= 60, "{}", data.program.len());
        for p in &data.program {
            assert!(
                !p.kompetensi.is_empty() || p.terbuka_untuk_semua,
                "{} raises nothing and is not open to all",
                p.kode
            );
            assert!(p.jp.0 >= 1, "{}", p.kode);
            let mut seen = BTreeSet::new();
            for (k, naik) in &p.kompetensi {
                assert!((1..=4).contains(naik), "{}", p.kode);
                assert!(seen.insert(*k), "{} lists a competency twice", p.kode);
            }
            assert!(p.ukuran_angkatan.is_none_or(|u| u >= 1), "{}", p.kode);
            assert!(p.maks_angkatan.is_none_or(|m| m >= 1), "{}", p.kode);
            if let JadwalProgram::Periode { mulai, selesai } = p.jadwal {
                assert!(mulai <= selesai, "{}", p.kode);
                assert_eq!(mulai.year(), HARI_INI.year(), "{}", p.kode);
            }
        }
    }

    #[test]
    fn costs_stay_in_the_documented_ranges() {
        let data = generate(&default_options(HARI_INI));
        for (s, p) in PROGRAM.iter().zip(&data.program) {
            let (lo, hi) = s.acuan.rentang(s.jp, s.hari);
            let biaya = biaya_efektif(p);
            assert!(
                (lo..=hi).contains(&biaya),
                "{}: Rp{biaya} outside Rp{lo}..=Rp{hi} ({:?})",
                p.kode,
                s.acuan
            );
            // A per-batch cost always comes with its batch size.
            assert!(
                p.biaya_per_angkatan.is_none() || p.ukuran_angkatan.is_some(),
                "{}",
                p.kode
            );
            if s.acuan == Acuan::Gratis {
                assert_eq!(p.moda, M::Daring, "{}", p.kode);
            }
        }
    }

    #[test]
    fn the_mix_of_forms_costs_and_audiences_is_realistic() {
        let data = generate(&default_options(HARI_INI));
        let per_bentuk: BTreeMap<BentukPengembangan, usize> =
            data.program.iter().fold(BTreeMap::new(), |mut m, p| {
                *m.entry(p.bentuk).or_default() += 1;
                m
            });
        for bentuk in BentukPengembangan::ALL {
            assert!(per_bentuk.contains_key(bentuk), "no {bentuk} program");
        }
        let per_angkatan = data
            .program
            .iter()
            .filter(|p| {
                p.biaya_per_angkatan.is_some()
                    && p.ukuran_angkatan.is_some()
                    && p.maks_angkatan.is_some()
            })
            .count();
        assert!(per_angkatan >= 10, "{per_angkatan} per-batch programs");
        let gratis_terbuka = data
            .program
            .iter()
            .filter(|p| {
                p.bentuk == BentukPengembangan::ELearning
                    && p.biaya_per_peserta.0 == 0
                    && p.terbuka_untuk_semua
            })
            .count();
        assert!(gratis_terbuka >= 5, "{gratis_terbuka} free open e-learning");
        assert!(data.program.iter().any(|p| !p.aktif));
        assert!(data.program.iter().any(|p| p.penyelenggara.is_none()));
        assert!(data.program.iter().any(|p| !p.unit.is_empty()));
        assert!(data.program.iter().any(|p| !p.jenis_jabatan.is_empty()));
    }

    #[test]
    fn every_competency_of_the_dictionary_has_a_program_and_spbe_has_the_most() {
        let data = generate(&default_options(HARI_INI));
        let mut per_kompetensi = vec![0usize; data.kompetensi.len()];
        for p in data.program.iter().filter(|p| p.aktif) {
            for (k, _) in &p.kompetensi {
                per_kompetensi[*k] += 1;
            }
        }
        for (e, n) in data.kompetensi.iter().zip(&per_kompetensi) {
            assert!(*n >= 1, "no active program raises {} {}", e.kode, e.nama);
        }
        let mut per_bidang: BTreeMap<&str, usize> = BTreeMap::new();
        for p in &data.program {
            let bidang: BTreeSet<&str> = p
                .kompetensi
                .iter()
                .filter_map(|(k, _)| data.kompetensi[*k].bidang)
                .collect();
            for b in bidang {
                *per_bidang.entry(b).or_default() += 1;
            }
        }
        let spbe = per_bidang.get("spbe").copied().unwrap_or(0);
        assert!(spbe >= 20, "{spbe} SPBE programs");
        for (bidang, n) in &per_bidang {
            assert!(
                *bidang == "spbe" || *n < spbe,
                "{bidang} has {n}, SPBE {spbe}"
            );
        }
        let manajerial = data
            .program
            .iter()
            .filter(|p| {
                p.kompetensi
                    .iter()
                    .any(|(k, _)| data.kompetensi[*k].kelompok != KelompokKompetensi::Teknis)
            })
            .count();
        assert!(
            manajerial >= 15,
            "{manajerial} managerial or socio-cultural"
        );
    }

    #[test]
    fn partners_have_contacts_and_agreements_some_expired_some_ending_soon() {
        for hari_ini in [date!(2024 - 01 - 10), HARI_INI, date!(2031 - 12 - 31)] {
            let data = generate(&default_options(hari_ini));
            let mut status: BTreeMap<StatusKerjaSama, usize> = BTreeMap::new();
            for m in &data.mitra {
                assert!(!m.kontak.is_empty(), "{} has no contact", m.kode);
                for k in &m.kontak {
                    assert!(k.email.ends_with(".example"), "{}", k.email);
                    assert!(k.email.split('@').all(|s| !s.is_empty()), "{}", k.email);
                    assert!(k.telepon.starts_with("08"), "{}", k.telepon);
                    assert!(!crate::NAMA_PEJABAT_NYATA.contains(&k.nama.as_str()));
                }
                for k in &m.kerja_sama {
                    assert!(k.tanggal_mulai <= k.tanggal_berakhir, "{}", k.nomor);
                    *status
                        .entry(StatusKerjaSama::pada(
                            k.tanggal_mulai,
                            k.tanggal_berakhir,
                            hari_ini,
                            90,
                        ))
                        .or_default() += 1;
                }
            }
            for s in [
                StatusKerjaSama::Berlaku,
                StatusKerjaSama::SegeraBerakhir,
                StatusKerjaSama::Berakhir,
            ] {
                assert!(
                    status.get(&s).copied().unwrap_or(0) >= 2,
                    "{hari_ini}: {status:?}"
                );
            }
        }
        let data = generate(&default_options(HARI_INI));
        let nama: Vec<&str> = data.mitra.iter().map(|m| m.nama.as_str()).collect();
        for nyata in [
            "Universitas Andalas",
            "Universitas Negeri Padang",
            "PSDKU Universitas Negeri Padang di Sawahlunto",
            "Institut Seni Indonesia Padang Panjang",
            "Universitas Taman Siswa Padang",
            "BPSDM Provinsi Sumatera Barat",
            "Lembaga Administrasi Negara",
        ] {
            assert!(nama.contains(&nyata), "{nyata} missing");
        }
        let jenis: BTreeSet<JenisMitra> = data.mitra.iter().map(|m| m.jenis).collect();
        assert_eq!(jenis.len(), JenisMitra::ALL.len());
        let unand = data
            .mitra
            .iter()
            .find(|m| m.kode == "UNAND")
            .expect("Unand");
        assert_eq!(
            unand.kerja_sama[0].tanggal_mulai,
            date!(2019 - 03 - 11),
            "the reported MoU day"
        );
    }

    #[tokio::test]
    async fn the_catalog_loads_and_reads_back() {
        use kompeten_store::sqlite::{OpenMode, SqliteStore};
        use kompeten_store::{ProgramQuery, Store};
        let dir = tempfile::tempdir().expect("temp dir");
        let store = SqliteStore::open(&dir.path().join("demo.sqlite"), OpenMode::CreateIfMissing)
            .await
            .expect("open");
        let data = generate(&default_options(HARI_INI));
        let summary = crate::load(&store, &data, &|p: &str| format!("$test${}", p.len()))
            .await
            .expect("load");
        let i = summary.instansi;
        let mitra = store.list_mitra(i).await.expect("mitra");
        assert_eq!(mitra.len(), data.mitra.len());
        let program = store
            .list_program(i, &ProgramQuery::default())
            .await
            .expect("program");
        assert_eq!(program.len(), data.program.len());
        let naik: usize = program.iter().map(|p| p.kompetensi.len()).sum();
        assert_eq!(
            naik,
            data.program
                .iter()
                .map(|p| p.kompetensi.len())
                .sum::<usize>()
        );
        let ws = program
            .iter()
            .find(|p| p.kode == "SPBE-02")
            .expect("SPBE-02");
        assert_eq!(ws.biaya_per_angkatan, Some(Rupiah(18_000_000)));
        assert_eq!(ws.ukuran_angkatan, Some(30));
        let segera = store
            .list_kerja_sama(i, Some(geser(HARI_INI, 90)))
            .await
            .expect("agreements");
        let jumlah = data
            .mitra
            .iter()
            .flat_map(|m| &m.kerja_sama)
            .filter(|k| k.tanggal_berakhir <= geser(HARI_INI, 90))
            .count();
        assert_eq!(segera.len(), jumlah);
        assert!(
            segera
                .iter()
                .any(|k| k.kerja_sama.tanggal_berakhir >= HARI_INI)
        );
    }
}
