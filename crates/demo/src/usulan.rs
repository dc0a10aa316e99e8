//! Requested development needs (usulan, part of the AKPK) for the planning
//! year, and the front-line units of the needs' priority settings.
//!
//! Sawahlunto's themes drive who asks for what: licensing moved online
//! (OSS-RBA, the Mal Pelayanan Publik), population administration went
//! digital (IKD, online certificates), the kecamatan serve more delegated
//! matters, Diskominfo carries the SPBE agenda, and the RSUD and puskesmas
//! prepare accreditation. Front-line staff of those units ask for
//! themselves (most approved by their head, some rejected with a note, some
//! still waiting, a few withdrawn), heads ask for some of their staff, and
//! BKPSDM asks where an assessment report found a gap against the position's
//! standard. A request names the catalog's active program that fits, when
//! there is one the employee may take.

use crate::acak::Acak;
use crate::kamus::EntriKamus;
use crate::{
    AkunDemo, Dataset, DemoError, JabatanDemo, PegawaiDemo, PenilaianDemo, ProgramDemo, UnitDemo,
};
use kompeten_domain::{
    JenisJabatan, JenisUnit, MetodePenilaian, Role, StatusUsulan, SumberUsulan, format,
    tahun_perencanaan,
};
use kompeten_io::kebutuhan::PengaturanKebutuhan;
use kompeten_store::{
    AccountId, Actor, InstansiId, KompetensiId, NewUsulan, PegawaiId, ProgramId, Store,
};
use std::collections::{BTreeMap, BTreeSet};
use time::Date;

/// One requested need as the demo records it: made by `sumber`, then left
/// in `status` (a request by the employee is decided by their head, or
/// withdrawn by the employee; the others start approved).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsulanDemo {
    /// Index into [`crate::Dataset::pegawai`].
    pub pegawai: usize,
    pub tahun: i32,
    /// Index into [`crate::Dataset::kompetensi`].
    pub kompetensi: usize,
    /// Levels wanted, 1..=4.
    pub naik_level: u8,
    /// Index into [`crate::Dataset::program`].
    pub program: Option<usize>,
    pub alasan: String,
    pub sumber: SumberUsulan,
    pub status: StatusUsulan,
    /// The decision's note; only on a decided request of an employee.
    pub catatan: Option<String>,
}

/// Staff of some units and what they typically need.
struct Tema {
    /// Unit codes; each includes the units below it.
    unit: &'static [&'static str],
    /// (competency code, weight of being asked for).
    kompetensi: &'static [(&'static str, u32)],
    /// Percent of the staff asking for themselves.
    sendiri: u32,
    /// Percent of the other staff their head asks for.
    atasan: u32,
    /// Percent of the gaps found by an assessment report BKPSDM asks for.
    bkpsdm: u32,
}

static TEMA: &[Tema] = &[
    // Licensing: everything goes through OSS-RBA and the MPP front office.
    Tema {
        unit: &["DPMPTSP"],
        kompetensi: &[
            ("T.IZN.01", 5),
            ("T.IZN.02", 3),
            ("T.IZN.03", 3),
            ("T.IZN.04", 1),
            ("T.SPBE.05", 3),
            ("M.05", 2),
        ],
        sendiri: 70,
        atasan: 50,
        bkpsdm: 70,
    },
    Tema {
        unit: &["DISDUKCAPIL"],
        kompetensi: &[
            ("T.DUK.01", 4),
            ("T.DUK.02", 3),
            ("T.SPBE.05", 3),
            ("T.SPBE.03", 2),
            ("T.IZN.03", 1),
            ("M.05", 1),
        ],
        sendiri: 70,
        atasan: 50,
        bkpsdm: 70,
    },
    Tema {
        unit: &["KEC.BRG", "KEC.LS", "KEC.SLK", "KEC.TLW"],
        kompetensi: &[
            ("T.PEM.01", 3),
            ("T.SPBE.05", 4),
            ("T.DUK.01", 2),
            ("T.IZN.03", 2),
            ("M.05", 1),
        ],
        sendiri: 55,
        atasan: 40,
        bkpsdm: 70,
    },
    // E-government: Diskominfo runs the city's SPBE.
    Tema {
        unit: &["DISKOMINFO"],
        kompetensi: &[
            ("T.SPBE.01", 2),
            ("T.SPBE.02", 3),
            ("T.SPBE.03", 3),
            ("T.SPBE.04", 3),
            ("T.SPBE.06", 2),
            ("T.KOM.01", 1),
        ],
        sendiri: 65,
        atasan: 50,
        bkpsdm: 70,
    },
    // Health front line: many staff, a few requests.
    Tema {
        unit: &[
            "RSUD",
            "DINKES.PKMLUNTO",
            "DINKES.PKMKOLOK",
            "DINKES.PKMDURIAN",
            "DINKES.PKMSLK",
            "DINKES.PKMTLW",
            "DINKES.PKMSJT",
        ],
        kompetensi: &[
            ("T.KES.04", 3),
            ("T.KES.01", 2),
            ("T.SPBE.05", 2),
            ("M.05", 2),
        ],
        sendiri: 4,
        atasan: 3,
        bkpsdm: 8,
    },
];

/// What an employee writes, per competency.
static ALASAN_SENDIRI: &[(&str, &[&str])] = &[
    (
        "T.IZN.01",
        &[
            "Sejak seluruh perizinan berusaha diproses melalui OSS-RBA, banyak pemohon di loket \
             bingung memilih KBLI dan tingkat risiko usahanya. Saya ingin menguasai alur OSS-RBA \
             agar bisa mendampingi pemohon sampai izin terbit tanpa merujuk ke bidang teknis.",
            "Permohonan perizinan daring yang saya verifikasi sering dikembalikan karena \
             persyaratannya belum lengkap. Pelatihan OSS-RBA akan membantu saya memberi arahan \
             yang tepat sejak awal.",
            "Saya baru ditempatkan di layanan perizinan dan belum pernah mengikuti bimtek OSS-RBA, \
             padahal hampir semua permohonan kini masuk secara daring.",
        ],
    ),
    (
        "T.IZN.02",
        &[
            "Jumlah layanan di Mal Pelayanan Publik terus bertambah. Saya perlu memahami standar \
             penyelenggaraan MPP agar dapat mengarahkan warga ke loket yang tepat dan mengurangi \
             antrean.",
            "Saya bertugas di meja informasi MPP dan ingin lebih mampu melayani warga yang \
             mengurus beberapa layanan sekaligus dalam satu kunjungan.",
        ],
    ),
    (
        "T.IZN.03",
        &[
            "Pengaduan warga melalui SP4N-LAPOR! tentang lamanya proses layanan meningkat. Saya \
             ingin belajar menindaklanjuti pengaduan sesuai batas waktu dan menyusun jawaban yang \
             jelas.",
            "Saya ditugaskan mengolah Survei Kepuasan Masyarakat dan membutuhkan pemahaman \
             standar pelayanan untuk menyusun rencana perbaikan layanan.",
        ],
    ),
    (
        "T.IZN.04",
        &[
            "Pengawasan perizinan berbasis risiko kini wajib dilakukan setelah izin terbit. Saya \
             perlu memahami cara menilai kepatuhan pelaku usaha di lapangan.",
        ],
    ),
    (
        "T.SPBE.01",
        &[
            "Indeks SPBE kota masih perlu ditingkatkan. Saya ingin memahami tata kelola SPBE agar \
             dapat menyiapkan dokumen kebijakan dan arsitektur yang diminta evaluator.",
        ],
    ),
    (
        "T.SPBE.02",
        &[
            "Saya mengelola data sektoral untuk portal Satu Data dan perlu meningkatkan kemampuan \
             validasi data serta pengelolaan metadata.",
            "Banyak OPD mengirim data dalam format yang berbeda-beda. Saya ingin belajar menata \
             dan mengintegrasikan data agar dapat dipakai bersama untuk perencanaan.",
        ],
    ),
    (
        "T.SPBE.03",
        &[
            "Layanan daring kita menyimpan data pribadi warga dalam jumlah besar. Saya ingin \
             memahami keamanan informasi agar dapat ikut mencegah kebocoran data.",
            "Beberapa kali akun pegawai menerima surel phishing. Saya perlu keterampilan \
             menangani insiden keamanan informasi dengan benar.",
        ],
    ),
    (
        "T.SPBE.04",
        &[
            "Aplikasi layanan yang kami kelola masih banyak dikerjakan penyedia. Saya ingin mampu \
             mengembangkan dan memelihara aplikasi web layanan publik secara mandiri.",
            "Tuntutan integrasi aplikasi antarinstansi makin tinggi; saya perlu memahami \
             pengembangan aplikasi dan API layanan.",
        ],
    ),
    (
        "T.SPBE.05",
        &[
            "Makin banyak warga mengurus layanan secara daring tetapi masih sering meminta bantuan \
             di loket. Saya ingin mampu mendampingi warga memakai layanan daring dengan tepat.",
            "Tuntutan digitalisasi layanan membuat saya harus cepat beradaptasi dengan aplikasi \
             baru. Saya ingin meningkatkan literasi digital agar pekerjaan tidak tertunda.",
            "Saya sering diminta membantu rekan dan warga yang kesulitan memakai aplikasi \
             layanan, tetapi belum pernah mendapat pelatihan literasi digital.",
        ],
    ),
    (
        "T.SPBE.06",
        &[
            "Jaringan antarkantor dan pusat data masih sering terganggu. Saya ingin memperdalam \
             administrasi jaringan agar gangguan dapat ditangani tanpa menunggu penyedia.",
        ],
    ),
    (
        "T.DUK.01",
        &[
            "Permohonan KTP-el, KK dan aktivasi Identitas Kependudukan Digital terus meningkat. \
             Saya perlu menguasai prosedur pendaftaran penduduk terbaru agar layanan selesai \
             dalam satu hari.",
            "Saya melayani perekaman KTP-el dan sering menemui data ganda yang belum bisa saya \
             selesaikan sendiri.",
        ],
    ),
    (
        "T.DUK.02",
        &[
            "Permohonan akta kelahiran dan kematian kini diajukan secara daring. Saya ingin \
             memahami ketentuan pencatatan sipil terbaru agar berkas tidak bolak-balik \
             dikembalikan.",
        ],
    ),
    (
        "T.PEM.01",
        &[
            "Saya baru bertugas di kecamatan dan perlu memahami penyelenggaraan pemerintahan \
             kecamatan dan kelurahan, termasuk pelayanan administrasi terpadu kecamatan (PATEN).",
            "Kecamatan kini melayani lebih banyak urusan yang dilimpahkan Wali Kota. Saya ingin \
             memahami tata kelolanya agar pelayanan kepada warga lebih tertib.",
        ],
    ),
    (
        "T.KES.01",
        &[
            "Integrasi layanan primer mengubah alur pelayanan pasien di puskesmas. Saya ingin \
             memahami alur yang baru agar pasien tidak menunggu terlalu lama.",
        ],
    ),
    (
        "T.KES.04",
        &[
            "Unit kami sedang menyiapkan akreditasi. Saya ingin memperdalam manajemen mutu dan \
             keselamatan pasien di tempat saya bertugas.",
            "Pencatatan insiden keselamatan pasien di unit kami belum konsisten; saya perlu \
             pelatihan agar dapat melaporkan dan menindaklanjutinya dengan benar.",
        ],
    ),
    (
        "T.KOM.01",
        &[
            "Saya mengelola media sosial OPD dan perlu meningkatkan kemampuan menyusun informasi \
             layanan yang mudah dipahami warga.",
        ],
    ),
    (
        "M.05",
        &[
            "Saya bertugas di garda depan dan ingin lebih mampu melayani warga dengan ramah, cepat \
             dan tuntas, terutama saat antrean panjang.",
            "Hasil survei kepuasan masyarakat mencatat keluhan tentang sikap petugas. Saya ingin \
             meningkatkan kompetensi pelayanan publik saya.",
        ],
    ),
];

/// What a head writes for one of their staff, per competency.
static ALASAN_ATASAN: &[(&str, &str)] = &[
    (
        "T.IZN.01",
        "Seluruh perizinan berusaha sudah melalui OSS-RBA, tetapi pegawai ini belum pernah \
         mengikuti pelatihannya. Diperlukan agar waktu penyelesaian izin sesuai standar pelayanan.",
    ),
    (
        "T.IZN.02",
        "Pegawai ini ditempatkan di loket MPP; penguasaan standar penyelenggaraan MPP diperlukan \
         untuk menjaga nilai Indeks Pelayanan Publik.",
    ),
    (
        "T.IZN.03",
        "Tindak lanjut pengaduan SP4N-LAPOR! di unit kami sering melewati batas waktu. Pegawai \
         ini disiapkan sebagai pengelola pengaduan.",
    ),
    (
        "T.IZN.04",
        "Unit kami mendapat target pengawasan perizinan berbasis risiko; pegawai ini masuk tim \
         pengawasan lapangan.",
    ),
    (
        "T.SPBE.01",
        "Diperlukan untuk menyiapkan dokumen evaluasi SPBE dan peta rencana SPBE kota.",
    ),
    (
        "T.SPBE.02",
        "Pegawai ini ditunjuk sebagai pendukung walidata Satu Data dan perlu penguatan \
         pengelolaan data.",
    ),
    (
        "T.SPBE.03",
        "Layanan daring unit kami mengolah data pribadi warga; pegawai ini ditunjuk sebagai \
         penanggung jawab keamanan informasi.",
    ),
    (
        "T.SPBE.04",
        "Pemeliharaan aplikasi layanan ditargetkan dikerjakan tim internal; pegawai ini \
         disiapkan sebagai pengembang aplikasi.",
    ),
    (
        "T.SPBE.05",
        "Tuntutan digitalisasi layanan: pegawai ini perlu mampu mendampingi warga yang mengurus \
         layanan secara daring.",
    ),
    (
        "T.SPBE.06",
        "Gangguan jaringan dan pusat data perlu ditangani tim sendiri; pegawai ini disiapkan \
         sebagai administrator jaringan.",
    ),
    (
        "T.DUK.01",
        "Capaian aktivasi IKD masih di bawah target; pegawai ini perlu menguasai prosedur \
         pendaftaran penduduk terbaru.",
    ),
    (
        "T.DUK.02",
        "Permohonan akta secara daring meningkat; pegawai ini memperkuat layanan pencatatan \
         sipil.",
    ),
    (
        "T.PEM.01",
        "Pegawai ini baru dimutasi ke kecamatan dan perlu memahami penyelenggaraan pemerintahan \
         kecamatan dan kelurahan.",
    ),
    (
        "T.KES.01",
        "Integrasi layanan primer menuntut seluruh petugas memahami alur pelayanan yang baru.",
    ),
    (
        "T.KES.04",
        "Persiapan akreditasi menuntut setiap unit memiliki petugas yang memahami mutu dan \
         keselamatan pasien.",
    ),
    (
        "T.KOM.01",
        "Pegawai ini mengelola kanal informasi layanan OPD dan perlu penguatan komunikasi \
         publik.",
    ),
    (
        "M.05",
        "Pegawai ini bertugas di garda depan; hasil survei kepuasan masyarakat menunjukkan \
         pelayanannya perlu ditingkatkan.",
    ),
];

const CATATAN_SETUJU: &[&str] = &[
    "Disetujui; sejalan dengan prioritas digitalisasi layanan OPD.",
    "Disetujui. Setelah mengikuti program, mohon berbagi materi dengan rekan satu unit.",
    "Disetujui sebagai prioritas layanan publik tahun depan.",
];

const CATATAN_TOLAK: &[&str] = &[
    "Kompetensi ini belum terkait langsung dengan tugas jabatan saat ini; silakan diusulkan \
     kembali bila tugas berubah.",
    "Anggaran pengembangan OPD diprioritaskan untuk petugas loket; silakan mengikuti e-learning \
     mandiri terlebih dahulu.",
    "Pegawai baru saja mengikuti pelatihan serupa; kesempatan diberikan kepada rekan lain lebih \
     dahulu.",
    "Beban layanan di loket belum memungkinkan pegawai meninggalkan tugas beberapa hari pada \
     tahun ini.",
];

const CATATAN_BATAL: &[&str] = &[
    "Dibatalkan pegawai: sudah mengikuti e-learning yang sama secara mandiri.",
    "Dibatalkan pegawai karena akan mengikuti tugas belajar.",
    "Dibatalkan pegawai; diganti usulan kompetensi lain yang lebih mendesak.",
];

/// What the generator reads from the rest of the data set.
pub(crate) struct Sumber<'a> {
    pub hari_ini: Date,
    pub unit: &'a [UnitDemo],
    pub jabatan: &'a [JabatanDemo],
    pub kompetensi: &'a [&'static EntriKamus],
    pub pegawai: &'a [PegawaiDemo],
    pub penilaian: &'a [PenilaianDemo],
    pub program: &'a [ProgramDemo],
    pub akun: &'a [AkunDemo],
}

/// Indexes of a unit and everything above it, the unit first.
fn jalur(unit: &[UnitDemo], mut u: usize) -> Vec<usize> {
    let mut out = vec![u];
    while let Some(induk) = unit.get(u).and_then(|x| x.induk) {
        out.push(induk);
        u = induk;
    }
    out
}

/// Whether `pegawai` may take `program` by its unit and position rules
/// (the same rules the plan's problem applies).
fn boleh_ikut(
    program: &ProgramDemo,
    pegawai: &PegawaiDemo,
    unit: &[UnitDemo],
    jabatan: &[JabatanDemo],
) -> bool {
    let unit_ok = program.unit.is_empty()
        || jalur(unit, pegawai.unit)
            .iter()
            .any(|u| program.unit.contains(u));
    let jenis = pegawai
        .jabatan
        .and_then(|j| jabatan.get(j))
        .map(|j| j.tingkat.jenis());
    let jenis_ok = program.jenis_jabatan.is_empty()
        || jenis.is_some_and(|j| program.jenis_jabatan.contains(&j));
    unit_ok && jenis_ok
}

/// The active program the employee may take that best fits the request:
/// the smallest raise that still reaches `naik`, else the largest one;
/// the catalog's order breaks ties.
fn program_untuk(s: &Sumber<'_>, pegawai: usize, kompetensi: usize, naik: u8) -> Option<usize> {
    let p = s.pegawai.get(pegawai)?;
    let calon = s.program.iter().enumerate().filter_map(|(i, prog)| {
        let raise = prog
            .kompetensi
            .iter()
            .find(|(k, _)| *k == kompetensi)
            .map(|(_, n)| *n)?;
        (prog.aktif && boleh_ikut(prog, p, s.unit, s.jabatan)).then_some((i, raise))
    });
    // Key: reaching first, then the closest raise.
    calon
        .min_by_key(|(i, raise)| {
            let kurang = *raise < naik;
            (kurang, raise.abs_diff(naik), *i)
        })
        .map(|(i, _)| i)
}

/// The unit codes of the front-line public services: DPMPTSP (with the
/// MPP), Disdukcapil, the RSUD, every puskesmas and every kecamatan.
pub(crate) fn layanan_publik(unit: &[UnitDemo]) -> Vec<usize> {
    unit.iter()
        .enumerate()
        .filter(|(_, u)| {
            matches!(u.kode.as_str(), "DPMPTSP" | "DISDUKCAPIL" | "RSUD")
                || matches!(u.jenis, JenisUnit::Puskesmas | JenisUnit::Kecamatan)
        })
        .map(|(i, _)| i)
        .collect()
}

struct Pembuat<'a, 'b> {
    s: &'b Sumber<'a>,
    acak: &'b mut Acak,
    tahun: i32,
    kode: BTreeMap<&'static str, usize>,
    /// Latest assessment per (pegawai, kompetensi).
    terakhir: BTreeMap<(usize, usize), &'a PenilaianDemo>,
    sudah: BTreeSet<(usize, usize)>,
    out: Vec<UsulanDemo>,
}

impl Pembuat<'_, '_> {
    fn level_kini(&self, pegawai: usize, kompetensi: usize) -> u8 {
        self.terakhir
            .get(&(pegawai, kompetensi))
            .map_or(0, |n| n.level.get())
    }

    /// Levels asked for: mostly one or two, never past level 5.
    fn naik(&mut self, pegawai: usize, kompetensi: usize) -> Option<u8> {
        let ruang = 5u8.saturating_sub(self.level_kini(pegawai, kompetensi));
        let mau = match self.acak.bawah(100) {
            0..65 => 1,
            65..95 => 2,
            _ => 3,
        };
        (ruang > 0).then_some(mau.min(ruang))
    }

    /// A competency of the theme the employee has not asked for yet.
    fn pilih_kompetensi(&mut self, tema: &Tema, pegawai: usize) -> Option<usize> {
        let calon: Vec<(usize, u32)> = tema
            .kompetensi
            .iter()
            .filter_map(|(k, w)| Some((*self.kode.get(k)?, *w)))
            .filter(|(k, _)| !self.sudah.contains(&(pegawai, *k)))
            .filter(|(k, _)| self.level_kini(pegawai, *k) < 5)
            .collect();
        self.acak.berbobot(&calon)
    }

    fn tambah(
        &mut self,
        pegawai: usize,
        kompetensi: usize,
        naik: u8,
        alasan: String,
        sumber: SumberUsulan,
        (status, catatan): (StatusUsulan, Option<String>),
    ) {
        self.sudah.insert((pegawai, kompetensi));
        let program = program_untuk(self.s, pegawai, kompetensi, naik);
        self.out.push(UsulanDemo {
            pegawai,
            tahun: self.tahun,
            kompetensi,
            naik_level: naik,
            program,
            alasan,
            sumber,
            status,
            catatan,
        });
    }

    /// The fate of an employee's own request.
    fn putusan(&mut self) -> (StatusUsulan, Option<String>) {
        let catatan =
            |acak: &mut Acak, daftar: &[&str]| acak.pilih(daftar).map(|c| (*c).to_owned());
        match self.acak.bawah(100) {
            0..62 => {
                let c = if self.acak.persen(40) {
                    catatan(self.acak, CATATAN_SETUJU)
                } else {
                    None
                };
                (StatusUsulan::Disetujui, c)
            }
            62..76 => (StatusUsulan::Ditolak, catatan(self.acak, CATATAN_TOLAK)),
            76..95 => (StatusUsulan::Diajukan, None),
            _ => (StatusUsulan::Dibatalkan, catatan(self.acak, CATATAN_BATAL)),
        }
    }

    fn sendiri(&mut self, tema: &Tema, pegawai: usize, status: Option<StatusUsulan>) {
        let Some(k) = self.pilih_kompetensi(tema, pegawai) else {
            return;
        };
        let Some(naik) = self.naik(pegawai, k) else {
            return;
        };
        let kode = self.s.kompetensi.get(k).map_or("", |e| e.kode);
        let daftar = ALASAN_SENDIRI
            .iter()
            .find(|(c, _)| *c == kode)
            .map_or(&[][..], |(_, d)| *d);
        let Some(alasan) = self.acak.pilih(daftar).map(|a| (*a).to_owned()) else {
            return;
        };
        let putusan = match status {
            Some(s) => (s, None),
            None => self.putusan(),
        };
        self.tambah(pegawai, k, naik, alasan, SumberUsulan::Pegawai, putusan);
    }

    fn atasan(&mut self, tema: &Tema, pegawai: usize) {
        let Some(k) = self.pilih_kompetensi(tema, pegawai) else {
            return;
        };
        let Some(naik) = self.naik(pegawai, k) else {
            return;
        };
        let kode = self.s.kompetensi.get(k).map_or("", |e| e.kode);
        let Some((_, alasan)) = ALASAN_ATASAN.iter().find(|(c, _)| *c == kode) else {
            return;
        };
        let awal = (StatusUsulan::awal(SumberUsulan::Atasan), None);
        self.tambah(
            pegawai,
            k,
            naik,
            (*alasan).to_owned(),
            SumberUsulan::Atasan,
            awal,
        );
    }

    /// BKPSDM's requests from the assessment reports: the gaps of the
    /// theme's competencies against the position's standard.
    fn bkpsdm(&mut self, tema: &Tema, pegawai: usize) {
        let s = self.s;
        let Some(j) = s.pegawai[pegawai].jabatan.and_then(|j| s.jabatan.get(j)) else {
            return;
        };
        for (kode, _) in tema.kompetensi {
            let Some(&k) = self.kode.get(kode) else {
                continue;
            };
            let Some(standar) = j.standar.iter().find(|x| x.kompetensi == k) else {
                continue;
            };
            let Some(n) = self.terakhir.get(&(pegawai, k)).copied() else {
                continue;
            };
            let (kini, wajib) = (n.level.get(), standar.level.get());
            let laporan = matches!(
                n.metode,
                MetodePenilaian::AssessmentCenter
                    | MetodePenilaian::Cact
                    | MetodePenilaian::UjiKompetensi
            );
            if !laporan
                || kini >= wajib
                || self.sudah.contains(&(pegawai, k))
                || !self.acak.persen(tema.bkpsdm)
            {
                continue;
            }
            let kedaluwarsa = if n.berlaku_sampai < s.hari_ini {
                " Hasil itu sudah kedaluwarsa, sehingga perlu asesmen ulang setelah program."
            } else {
                ""
            };
            let alasan = format!(
                "Laporan hasil {} tanggal {} menempatkan pegawai pada level {kini}, sedangkan standar \
                 jabatannya level {wajib}. BKPSDM mengusulkan pengembangan untuk menutup \
                 kesenjangan pada tahun {}.{kedaluwarsa}",
                n.metode.label(),
                format::tanggal(n.tanggal),
                self.tahun,
            );
            let naik = (wajib - kini).min(4);
            let awal = (StatusUsulan::awal(SumberUsulan::Bkpsdm), None);
            self.tambah(pegawai, k, naik, alasan, SumberUsulan::Bkpsdm, awal);
            // One request from a report per person is enough to act on.
            return;
        }
    }
}

/// The requests of the planning year of `s.hari_ini`. Pure and
/// deterministic for the same stream and data.
pub(crate) fn buat(acak: &mut Acak, s: &Sumber<'_>) -> Vec<UsulanDemo> {
    let kode: BTreeMap<&'static str, usize> = s
        .kompetensi
        .iter()
        .enumerate()
        .map(|(i, e)| (e.kode, i))
        .collect();
    let mut terakhir: BTreeMap<(usize, usize), &PenilaianDemo> = BTreeMap::new();
    for n in s.penilaian {
        let e = terakhir.entry((n.pegawai, n.kompetensi)).or_insert(n);
        if n.tanggal > e.tanggal {
            *e = n;
        }
    }
    let mut b = Pembuat {
        s,
        acak,
        tahun: tahun_perencanaan(s.hari_ini),
        kode,
        terakhir,
        sudah: BTreeSet::new(),
        out: Vec::new(),
    };
    let tema_unit: Vec<(usize, &Tema)> = TEMA
        .iter()
        .flat_map(|t| {
            t.unit
                .iter()
                .filter_map(|k| s.unit.iter().position(|u| u.kode == *k))
                .map(move |u| (u, t))
        })
        .collect();
    let tema_dari = |p: &PegawaiDemo| {
        let jalur = jalur(s.unit, p.unit);
        tema_unit
            .iter()
            .find(|(u, _)| jalur.contains(u))
            .map(|(_, t)| *t)
    };

    // The demo's own employee account asks for something its head has yet
    // to decide, so both sign-ins show the workflow.
    let akun_pegawai = s
        .akun
        .iter()
        .filter(|a| a.role == Role::Pegawai)
        .filter_map(|a| a.pegawai);
    for p in akun_pegawai {
        if let Some(t) = s.pegawai.get(p).filter(|x| x.aktif).and_then(tema_dari) {
            b.sendiri(t, p, Some(StatusUsulan::Diajukan));
        }
    }

    for (i, p) in s.pegawai.iter().enumerate() {
        let Some(tema) = tema_dari(p) else {
            continue;
        };
        let jenis = p
            .jabatan
            .and_then(|j| s.jabatan.get(j))
            .map(|j| j.tingkat.jenis());
        let staf = matches!(
            jenis,
            Some(JenisJabatan::Pelaksana | JenisJabatan::Fungsional)
        );
        if !p.aktif || !(staf || jenis == Some(JenisJabatan::Pengawas)) {
            continue;
        }
        if b.acak.persen(tema.sendiri) {
            b.sendiri(tema, i, None);
            if b.acak.persen(30) {
                b.sendiri(tema, i, None);
            }
        } else if staf && b.acak.persen(tema.atasan) {
            b.atasan(tema, i);
        }
        b.bkpsdm(tema, i);
    }
    b.out
}

/// The store ids of the records the requests point at, by data-set index.
pub(crate) struct Id<'a> {
    pub pegawai: &'a [PegawaiId],
    pub kompetensi: &'a [KompetensiId],
    pub program: &'a [ProgramId],
    pub akun: &'a [AccountId],
}

/// Writes the requests and the needs' settings. Each request is made, and
/// decided, by the demo account that would do it (the employee's own
/// account, the head of their OPD, the BKPSDM admin) where the demo has
/// one, and by the system otherwise.
pub(crate) async fn muat(
    store: &dyn Store,
    instansi: InstansiId,
    d: &Dataset,
    id: &Id<'_>,
) -> Result<(), DemoError> {
    let sistem = Actor::system("demo");
    let pelaku =
        |akun: Option<usize>| match akun.and_then(|k| Some((d.akun.get(k)?, id.akun.get(k)?))) {
            Some((a, i)) => Actor::account(*i, &a.username),
            None => sistem.clone(),
        };
    let milik = |p: usize| d.akun.iter().position(|a| a.pegawai == Some(p));
    let pimpinan = |p: usize| {
        let jalur = d
            .pegawai
            .get(p)
            .map(|x| jalur(&d.unit, x.unit))
            .unwrap_or_default();
        d.akun
            .iter()
            .position(|a| a.role == Role::PimpinanOpd && a.unit.is_some_and(|u| jalur.contains(&u)))
    };
    let admin = d.akun.iter().position(|a| a.role == Role::AdminBkpsdm);
    let hilang = |apa: &str| DemoError::Invalid(format!("an usulan points at a missing {apa}"));

    for u in &d.usulan {
        let new = NewUsulan {
            pegawai: *id.pegawai.get(u.pegawai).ok_or_else(|| hilang("pegawai"))?,
            tahun: u.tahun,
            kompetensi: *id
                .kompetensi
                .get(u.kompetensi)
                .ok_or_else(|| hilang("kompetensi"))?,
            naik_level: u.naik_level,
            program: u
                .program
                .map(|p| id.program.get(p).copied().ok_or_else(|| hilang("program")))
                .transpose()?,
            alasan: u.alasan.clone(),
            sumber: u.sumber,
        };
        let pengaju = pelaku(match u.sumber {
            SumberUsulan::Pegawai => milik(u.pegawai),
            SumberUsulan::Atasan => pimpinan(u.pegawai),
            SumberUsulan::Bkpsdm => admin,
        });
        let baru = store.add_usulan(instansi, &pengaju, &new).await?;
        if u.status != StatusUsulan::awal(u.sumber) {
            // Withdrawing is the employee's own act; the head decides.
            let pemutus = pelaku(if u.status == StatusUsulan::Dibatalkan {
                milik(u.pegawai)
            } else {
                pimpinan(u.pegawai)
            });
            store
                .putus_usulan(instansi, &pemutus, baru, u.status, u.catatan.as_deref())
                .await?;
        }
    }
    let atur = d.pengaturan_kebutuhan();
    store
        .set_pengaturan(
            instansi,
            &sistem,
            PengaturanKebutuhan::KUNCI,
            &atur.ke_json(),
        )
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DEFAULT_SEED, kamus, organisasi};

    #[test]
    fn every_theme_names_existing_units_and_competencies_with_reasons() {
        let org = organisasi::bangun(&mut Acak::cabang(DEFAULT_SEED, "organisasi"));
        let kode: BTreeSet<&str> = kamus::semua().map(|e| e.kode).collect();
        for t in TEMA {
            for u in t.unit {
                assert!(org.unit.iter().any(|x| x.kode == *u), "unit {u}");
            }
            for (k, w) in t.kompetensi {
                assert!(kode.contains(k), "competency {k}");
                assert!(*w > 0, "{k}");
                let sendiri = ALASAN_SENDIRI.iter().find(|(c, _)| c == k);
                assert!(sendiri.is_some_and(|(_, d)| !d.is_empty()), "{k}");
                assert!(ALASAN_ATASAN.iter().any(|(c, _)| c == k), "{k}");
            }
        }
    }

    #[test]
    fn the_program_chosen_reaches_the_levels_asked_when_one_can() {
        let data = crate::generate(&crate::default_options(time::macros::date!(2026 - 11 - 27)));
        let mut dicek = 0;
        for u in &data.usulan {
            let Some(p) = u.program else { continue };
            let naik_program = |p: &ProgramDemo| {
                p.kompetensi
                    .iter()
                    .find(|(k, _)| *k == u.kompetensi)
                    .map(|(_, n)| *n)
            };
            let dipilih = naik_program(&data.program[p]).expect("covers the competency");
            // No other eligible active program fits the request better.
            let pegawai = &data.pegawai[u.pegawai];
            for (i, q) in data.program.iter().enumerate() {
                let Some(n) = naik_program(q) else { continue };
                if i == p || !q.aktif || !boleh_ikut(q, pegawai, &data.unit, &data.jabatan) {
                    continue;
                }
                if dipilih >= u.naik_level {
                    assert!(
                        n < u.naik_level || n - u.naik_level >= dipilih - u.naik_level,
                        "{} over {}",
                        data.program[p].kode,
                        q.kode
                    );
                } else {
                    assert!(n <= dipilih, "{} over {}", data.program[p].kode, q.kode);
                }
            }
            dicek += 1;
        }
        assert!(dicek > 100, "{dicek}");
    }
}
