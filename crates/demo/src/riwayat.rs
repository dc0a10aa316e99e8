//! Assessment history (penilaian kompetensi) over the five years before
//! `hari_ini`, and the SKP ratings of the last two full years.
//!
//! Structural officials went through assessment-center or CACT rounds on the
//! nine managerial and socio-cultural competencies; functional staff took
//! technical competency tests (uji kompetensi), some of them twice; PPPK have
//! their selection results; a leadership 360° round, supervisor ratings and
//! self-assessments are recent. Each person has a lasting aptitude, so their
//! results agree with each other, and levels centre on the required level of
//! the position.

use crate::acak::Acak;
use crate::kamus::EntriKamus;
use crate::waktu::{geser, hari_kerja, selisih_hari, tambah_tahun};
use crate::{JabatanDemo, PegawaiDemo, PenilaianDemo, Rumpun, SkpDemo, UnitDemo};
use kompeten_domain::{
    JenisJabatan, KelompokKompetensi, Level, MasaBerlaku, MetodePenilaian, PredikatKinerja,
    StatusAsn,
};
use time::Date;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sasaran {
    Jpt,
    Administrator,
    Pengawas,
    Guru,
    /// Functional staff other than teachers.
    Fungsional,
    Pelaksana,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cakupan {
    ManajerialSosialKultural,
    Teknis,
}

/// A city-wide assessment round.
struct Putaran {
    /// Days before `hari_ini` when the round starts.
    mundur: i64,
    /// Days over which the sessions are spread.
    sebaran: i64,
    metode: MetodePenilaian,
    asesor: &'static str,
    judul: &'static str,
    sasaran: &'static [Sasaran],
    persen: u32,
    cakupan: Cakupan,
}

/// Mean aptitude against the required level: most ASN are slightly below
/// the standard of their position (the gap the application is for).
const RATA_BAKAT: f64 = -0.4;

const BKN: &str = "UPT Penilaian Kompetensi BKN Kanreg XII Pekanbaru";
const BPSDM: &str = "Assessment Center BPSDM Sumatera Barat";
const BKPSDM: &str = "Tim Asesor BKPSDM Kota Sawahlunto";

const PUTARAN: &[Putaran] = &[
    Putaran {
        mundur: 1560,
        sebaran: 14,
        metode: MetodePenilaian::AssessmentCenter,
        asesor: BKN,
        judul: "pemetaan kompetensi pejabat pimpinan tinggi pratama",
        sasaran: &[Sasaran::Jpt],
        persen: 90,
        cakupan: Cakupan::ManajerialSosialKultural,
    },
    Putaran {
        mundur: 1330,
        sebaran: 30,
        metode: MetodePenilaian::AssessmentCenter,
        asesor: BPSDM,
        judul: "pemetaan kompetensi pejabat administrator",
        sasaran: &[Sasaran::Administrator],
        persen: 85,
        cakupan: Cakupan::ManajerialSosialKultural,
    },
    Putaran {
        mundur: 1230,
        sebaran: 60,
        metode: MetodePenilaian::Cact,
        asesor: BKN,
        judul: "pemetaan kompetensi guru",
        sasaran: &[Sasaran::Guru],
        persen: 45,
        cakupan: Cakupan::ManajerialSosialKultural,
    },
    Putaran {
        mundur: 520,
        sebaran: 60,
        metode: MetodePenilaian::Cact,
        asesor: BKN,
        judul: "pemetaan kompetensi guru dan kepala sekolah",
        sasaran: &[Sasaran::Guru],
        persen: 30,
        cakupan: Cakupan::ManajerialSosialKultural,
    },
    Putaran {
        mundur: 950,
        sebaran: 45,
        metode: MetodePenilaian::Cact,
        asesor: BKN,
        judul: "pemetaan kompetensi pejabat pengawas dan kepala puskesmas",
        sasaran: &[Sasaran::Pengawas],
        persen: 80,
        cakupan: Cakupan::ManajerialSosialKultural,
    },
    Putaran {
        mundur: 660,
        sebaran: 75,
        metode: MetodePenilaian::Cact,
        asesor: BKN,
        judul: "pemetaan kompetensi jabatan fungsional dan pelaksana",
        sasaran: &[Sasaran::Fungsional, Sasaran::Pelaksana],
        persen: 70,
        cakupan: Cakupan::ManajerialSosialKultural,
    },
    Putaran {
        mundur: 430,
        sebaran: 10,
        metode: MetodePenilaian::AssessmentCenter,
        asesor: BPSDM,
        judul: "uji kompetensi dalam rangka evaluasi pejabat pimpinan tinggi pratama",
        sasaran: &[Sasaran::Jpt],
        persen: 70,
        cakupan: Cakupan::ManajerialSosialKultural,
    },
    Putaran {
        mundur: 250,
        sebaran: 30,
        metode: MetodePenilaian::Penilaian360,
        asesor: BKPSDM,
        judul: "program pengembangan kepemimpinan",
        sasaran: &[Sasaran::Administrator, Sasaran::Pengawas],
        persen: 45,
        cakupan: Cakupan::ManajerialSosialKultural,
    },
    Putaran {
        mundur: 150,
        sebaran: 40,
        metode: MetodePenilaian::Atasan,
        asesor: "",
        judul: "penilaian atasan",
        sasaran: &[Sasaran::Pengawas, Sasaran::Fungsional, Sasaran::Pelaksana],
        persen: 40,
        cakupan: Cakupan::Teknis,
    },
    Putaran {
        mundur: 90,
        sebaran: 45,
        metode: MetodePenilaian::Mandiri,
        asesor: "Penilaian mandiri, diverifikasi Tim Asesor BKPSDM Kota Sawahlunto",
        judul: "penilaian mandiri",
        sasaran: &[
            Sasaran::Administrator,
            Sasaran::Pengawas,
            Sasaran::Guru,
            Sasaran::Fungsional,
            Sasaran::Pelaksana,
        ],
        persen: 30,
        cakupan: Cakupan::Teknis,
    },
];

/// Systematic difference of a method from a neutral assessment: people rate
/// themselves higher, supervisors a little higher, assessment centers lower.
fn bias(metode: MetodePenilaian) -> f64 {
    match metode {
        MetodePenilaian::AssessmentCenter => -0.1,
        MetodePenilaian::Cact => 0.0,
        MetodePenilaian::UjiKompetensi => 0.05,
        MetodePenilaian::Penilaian360 => 0.15,
        MetodePenilaian::Atasan => 0.2,
        MetodePenilaian::Mandiri => 0.45,
    }
}

fn sasaran(jabatan: &JabatanDemo) -> Sasaran {
    match jabatan.tingkat.jenis() {
        JenisJabatan::JptUtama | JenisJabatan::JptMadya | JenisJabatan::JptPratama => Sasaran::Jpt,
        JenisJabatan::Administrator => Sasaran::Administrator,
        JenisJabatan::Pengawas => Sasaran::Pengawas,
        JenisJabatan::Pelaksana => Sasaran::Pelaksana,
        JenisJabatan::Fungsional if jabatan.rumpun == Rumpun::Guru => Sasaran::Guru,
        JenisJabatan::Fungsional => Sasaran::Fungsional,
    }
}

struct Konteks<'a> {
    awal: Date,
    kemarin: Date,
    kompetensi: &'a [&'static EntriKamus],
    unit: &'a [UnitDemo],
    masa: MasaBerlaku,
}

struct Sesi<'a> {
    tanggal: Date,
    metode: MetodePenilaian,
    asesor: String,
    catatan: String,
    cakupan: Option<Cakupan>,
    jabatan: &'a JabatanDemo,
}

impl Konteks<'_> {
    /// A level around `wajib`: aptitude, noise, method bias, and some growth
    /// over the five years.
    fn level(&self, acak: &mut Acak, wajib: Level, bakat: f64, sesi: &Sesi<'_>) -> Level {
        let umur = selisih_hari(self.awal, sesi.tanggal) as f64 / 1826.0;
        let x =
            f64::from(wajib.get()) + bakat + acak.normal() * 0.6 + bias(sesi.metode) + 0.2 * umur;
        Level::new(x.round().clamp(1.0, 5.0) as i64).unwrap_or(wajib)
    }

    fn catat(
        &self,
        acak: &mut Acak,
        out: &mut Vec<PenilaianDemo>,
        pegawai: usize,
        bakat: f64,
        sesi: &Sesi<'_>,
    ) {
        let berlaku_sampai = self.masa.berlaku_sampai(sesi.tanggal);
        for s in &sesi.jabatan.standar {
            let Some(entri) = self.kompetensi.get(s.kompetensi) else {
                continue;
            };
            let teknis = entri.kelompok == KelompokKompetensi::Teknis;
            let cocok = match sesi.cakupan {
                None => true,
                Some(Cakupan::Teknis) => teknis,
                Some(Cakupan::ManajerialSosialKultural) => !teknis,
            };
            if !cocok {
                continue;
            }
            out.push(PenilaianDemo {
                pegawai,
                kompetensi: s.kompetensi,
                level: self.level(acak, s.level, bakat, sesi),
                metode: sesi.metode,
                tanggal: sesi.tanggal,
                berlaku_sampai,
                asesor: sesi.asesor.clone(),
                catatan_bukti: sesi.catatan.clone(),
            });
        }
    }

    /// A working day between `dari` and `sampai`, or `None` if that span is empty.
    fn hari_antara(&self, acak: &mut Acak, dari: Date, sampai: Date) -> Option<Date> {
        let dari = dari.max(self.awal);
        let sampai = sampai.min(self.kemarin);
        if sampai < dari {
            return None;
        }
        let d = geser(dari, acak.antara(0, selisih_hari(dari, sampai)));
        Some(hari_kerja(d, self.kemarin))
    }
}

fn catatan_putaran(p: &Putaran, tahun: i32, nomor: u32, unit: &str) -> String {
    match p.metode {
        MetodePenilaian::AssessmentCenter => format!(
            "Laporan assessment center {} tahun {tahun}: simulasi in-tray, presentasi, diskusi \
             kelompok tanpa pemimpin dan wawancara berbasis kompetensi; laporan nomor \
             800.1.3/{nomor:03}/BKPSDM/{tahun}.",
            p.judul
        ),
        MetodePenilaian::Cact => format!(
            "Hasil CACT BKN {} tahun {tahun}, sesi {} di Kantor BKPSDM Kota Sawahlunto: tes \
             kompetensi manajerial dan sosial kultural berbasis komputer; sertifikat nomor \
             {nomor:04}/CACT/XII/{tahun}.",
            p.judul,
            nomor / 40 + 1
        ),
        MetodePenilaian::Penilaian360 => format!(
            "Umpan balik 360° {} tahun {tahun} dari atasan, tiga rekan sejawat dan dua bawahan \
             melalui kuesioner daring.",
            p.judul
        ),
        MetodePenilaian::Atasan => format!(
            "Penilaian atasan langsung di {unit} tahun {tahun} berdasarkan observasi kerja dan \
             bukti dukung SKP."
        ),
        MetodePenilaian::Mandiri => format!(
            "Penilaian mandiri tahun {tahun} melalui formulir asesmen diri; bukti dukung: \
             sertifikat pelatihan dan contoh hasil kerja."
        ),
        MetodePenilaian::UjiKompetensi => format!("Uji kompetensi tahun {tahun}."),
    }
}

/// Who tests the technical competencies of a position, and how.
fn penguji(jabatan: &JabatanDemo, tahun: i32, nomor: u32) -> (String, String) {
    match jabatan.rumpun {
        Rumpun::Guru => (
            "BPMP Provinsi Sumatera Barat".to_owned(),
            format!(
                "Uji kompetensi guru tahun {tahun}: tes pedagogik dan profesional berbasis \
                 komputer serta observasi pembelajaran di kelas; berita acara nomor \
                 {nomor:04}/UKG/{tahun}."
            ),
        ),
        Rumpun::Kesehatan => (
            "Tim Uji Kompetensi JF Kesehatan, Dinas Kesehatan Provinsi Sumatera Barat".to_owned(),
            format!(
                "Uji kompetensi kenaikan jenjang {} tahun {tahun}: portofolio, tes tertulis dan \
                 observasi praktik klinis serta tes kompetensi manajerial dan sosial kultural; \
                 berita acara nomor 800.1.2/{nomor:03}/Dinkes/{tahun}.",
                jabatan.nama
            ),
        ),
        Rumpun::Lainnya => {
            let (tujuan, materi) = if jabatan.tingkat.jenis() == JenisJabatan::Fungsional {
                (
                    "kenaikan jenjang",
                    "portofolio, tes tertulis, observasi praktik kerja serta tes kompetensi \
                     manajerial dan sosial kultural",
                )
            } else {
                (
                    "teknis",
                    "portofolio, tes tertulis dan observasi praktik kerja",
                )
            };
            (
                "Tim Penguji Uji Kompetensi BKPSDM Kota Sawahlunto".to_owned(),
                format!(
                    "Uji kompetensi {tujuan} {} tahun {tahun}: {materi}; berita acara nomor \
                     800.1.2/{nomor:03}/BKPSDM/{tahun}.",
                    jabatan.nama
                ),
            )
        }
    }
}

/// The assessments; returns the rows and a lasting aptitude per employee
/// (used again for SKP).
pub(crate) fn penilaian(
    acak: &mut Acak,
    hari_ini: Date,
    pegawai: &[PegawaiDemo],
    jabatan: &[JabatanDemo],
    unit: &[UnitDemo],
    kompetensi: &[&'static EntriKamus],
) -> (Vec<PenilaianDemo>, Vec<f64>) {
    let k = Konteks {
        awal: geser(tambah_tahun(hari_ini, -5), 1),
        kemarin: geser(hari_ini, -1),
        kompetensi,
        unit,
        masa: MasaBerlaku::default(),
    };
    let mut out = Vec::new();
    let mut bakat_semua = Vec::with_capacity(pegawai.len());
    let mut nomor_putaran = vec![0u32; PUTARAN.len()];
    let mut nomor_uji = 0u32;
    for (i, p) in pegawai.iter().enumerate() {
        let bakat = acak.normal() * 0.5 + RATA_BAKAT;
        bakat_semua.push(bakat);
        let Some(j) = p.jabatan.and_then(|j| jabatan.get(j)) else {
            continue;
        };
        let s = sasaran(j);
        let pppk = p.nip.status() == StatusAsn::Pppk;
        let struktural = matches!(s, Sasaran::Jpt | Sasaran::Administrator | Sasaran::Pengawas);
        let p_tidak = if struktural { 0.03 } else { 0.33 };
        // Results from before the current appointment do not count here.
        let mulai = geser(p.tmt, 60).max(k.awal);
        let seleksi_pppk = pppk && geser(p.tmt, -240) >= k.awal;
        if !seleksi_pppk && acak.peluang(p_tidak) {
            continue;
        }
        let sebelum = out.len();

        if seleksi_pppk {
            let tanggal = k.hari_antara(acak, geser(p.tmt, -240), geser(p.tmt, -120));
            if let Some(tanggal) = tanggal {
                let sesi = Sesi {
                    tanggal,
                    metode: MetodePenilaian::UjiKompetensi,
                    asesor: "Panitia Seleksi Nasional PPPK (BKN)".to_owned(),
                    catatan: format!(
                        "Seleksi kompetensi PPPK formasi tahun {}: tes kompetensi teknis, \
                         manajerial dan sosial kultural berbasis CAT BKN serta wawancara.",
                        tanggal.year()
                    ),
                    cakupan: None,
                    jabatan: j,
                };
                k.catat(acak, &mut out, i, bakat, &sesi);
            }
        }

        for (n, putaran) in PUTARAN.iter().enumerate() {
            if !putaran.sasaran.contains(&s) || !acak.persen(putaran.persen) {
                continue;
            }
            let dari = geser(hari_ini, -putaran.mundur);
            let Some(tanggal) = k.hari_antara(acak, dari, geser(dari, putaran.sebaran)) else {
                continue;
            };
            if tanggal < mulai {
                continue;
            }
            nomor_putaran[n] += 1;
            let unit_nama = k.unit.get(j.unit).map_or("", |u| u.nama.as_str());
            let asesor = if putaran.metode == MetodePenilaian::Atasan {
                format!("Atasan langsung, {unit_nama}")
            } else {
                putaran.asesor.to_owned()
            };
            let sesi = Sesi {
                tanggal,
                metode: putaran.metode,
                asesor,
                catatan: catatan_putaran(putaran, tanggal.year(), nomor_putaran[n], unit_nama),
                cakupan: Some(putaran.cakupan),
                jabatan: j,
            };
            k.catat(acak, &mut out, i, bakat, &sesi);
        }

        // Technical competency tests of functional staff, some repeated.
        let persen_uji = match (s, j.rumpun) {
            (Sasaran::Guru, _) => 65,
            (Sasaran::Fungsional, Rumpun::Kesehatan) => 65,
            (Sasaran::Fungsional, _) => 55,
            (Sasaran::Pelaksana, _) => 15,
            _ => 0,
        };
        if acak.persen(persen_uji) {
            let mut dari = mulai;
            for ulang in 0..2 {
                if ulang == 1 && !acak.persen(30) {
                    break;
                }
                let Some(tanggal) = k.hari_antara(acak, dari, geser(k.kemarin, -30)) else {
                    break;
                };
                nomor_uji += 1;
                let (asesor, catatan) = penguji(j, tanggal.year(), nomor_uji % 1000);
                // Promotion tests of functional grades cover all three groups;
                // teachers' tests and pelaksana mapping only the technical one.
                let cakupan = if s == Sasaran::Fungsional {
                    None
                } else {
                    Some(Cakupan::Teknis)
                };
                let sesi = Sesi {
                    tanggal,
                    metode: MetodePenilaian::UjiKompetensi,
                    asesor,
                    catatan,
                    cakupan,
                    jabatan: j,
                };
                k.catat(acak, &mut out, i, bakat, &sesi);
                dari = geser(tanggal, 540);
            }
        }

        // Everyone not left out on purpose has at least one result.
        if out.len() == sebelum
            && let Some(tanggal) = k.hari_antara(acak, mulai.max(geser(hari_ini, -400)), k.kemarin)
        {
            let unit_nama = k.unit.get(j.unit).map_or("", |u| u.nama.as_str());
            let sesi = Sesi {
                tanggal,
                metode: MetodePenilaian::Atasan,
                asesor: format!("Atasan langsung, {unit_nama}"),
                catatan: format!(
                    "Penilaian atasan langsung di {unit_nama} tahun {}: observasi kerja dan \
                         bukti dukung SKP.",
                    tanggal.year()
                ),
                cakupan: Some(Cakupan::Teknis),
                jabatan: j,
            };
            k.catat(acak, &mut out, i, bakat, &sesi);
        }
    }
    (out, bakat_semua)
}

/// SKP ratings for the two full years before `hari_ini`.
pub(crate) fn skp(
    acak: &mut Acak,
    hari_ini: Date,
    pegawai: &[PegawaiDemo],
    bakat: &[f64],
) -> Vec<SkpDemo> {
    let mut out = Vec::new();
    for tahun in [hari_ini.year() - 2, hari_ini.year() - 1] {
        let Ok(pertengahan) = Date::from_calendar_date(tahun, time::Month::July, 1) else {
            continue;
        };
        for (i, p) in pegawai.iter().enumerate() {
            // Appointed after mid-year, inactive, or not yet entered (a few).
            if !p.aktif || p.tmt > pertengahan || acak.persen(2) {
                continue;
            }
            let b = bakat.get(i).map_or(0.0, |b| b - RATA_BAKAT);
            let sangat_kurang = 0.004;
            let kurang = 0.012;
            let butuh = (0.05 - 0.05 * b).clamp(0.01, 0.12);
            let sangat_baik = (0.2 + 0.25 * b).clamp(0.05, 0.5);
            let u = acak.pecahan();
            let predikat = if u < sangat_kurang {
                PredikatKinerja::SangatKurang
            } else if u < sangat_kurang + kurang {
                PredikatKinerja::Kurang
            } else if u < sangat_kurang + kurang + butuh {
                PredikatKinerja::ButuhPerbaikan
            } else if u < sangat_kurang + kurang + butuh + sangat_baik {
                PredikatKinerja::SangatBaik
            } else {
                PredikatKinerja::Baik
            };
            out.push(SkpDemo {
                pegawai: i,
                tahun,
                predikat,
            });
        }
    }
    out
}
