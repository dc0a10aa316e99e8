//! The deterministic Sawahlunto demo data set.
//!
//! [`generate`] builds, from a seed and a reference day, a realistic data set
//! for Pemerintah Kota Sawahlunto: the real OPD structure, about 2,400 ASN
//! (PNS and PPPK) with consistent NIPs, ranks and education, the competency
//! dictionary and position standards, five years of assessments and two years
//! of SKP ratings, the catalog of development programs, the planning year's
//! requested development needs (usulan) with the needs' settings, plus one
//! demo account per role. It is pure: the same options give the same data
//! set, byte for byte. [`load`] writes a data set into any
//! [`kompeten_store::Store`].
//!
//! Records reference each other by index into the data set's vectors; the
//! store assigns ids when loading.

mod acak;
mod gelar;
mod jabatan;
pub mod kamus;
mod katalog;
mod muat;
mod nama;
mod organisasi;
mod pegawai;
mod riwayat;
mod standar;
mod usulan;
mod waktu;

pub use katalog::{KerjaSamaDemo, KontakDemo, MitraDemo, ProgramDemo};
pub use muat::{DemoAccount, DemoError, DemoSummary, load};
pub use nama::NAMA_PEJABAT_NYATA;
pub use usulan::UsulanDemo;

use kamus::EntriKamus;
use kompeten_domain::{
    Golongan, JenisJabatan, JenisUnit, Level, LevelManajerialBawaan, MetodePenilaian, Nip,
    Pendidikan, PredikatKinerja, Role, StatusAsn, StatusUsulan, SumberUsulan, TingkatJabatan,
};
use kompeten_io::kebutuhan::PengaturanKebutuhan;
use time::{Date, Month};

/// The seed of the published demo (Sawahlunto was founded in 1888).
pub const DEFAULT_SEED: u64 = 0x5A3A_1888;

/// What the data set depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoOptions {
    pub seed: u64,
    /// The reference "today": assessments spread over the five years before
    /// it, SKP ratings cover the two full years before it. Clamped to
    /// 2000-01-01..=2100-12-31, the range the generator's rules cover.
    pub hari_ini: Date,
}

/// The published demo's options for a given day.
pub fn default_options(hari_ini: Date) -> DemoOptions {
    DemoOptions {
        seed: DEFAULT_SEED,
        hari_ini,
    }
}

/// Which group of staff a position belongs to, for the headline shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rumpun {
    /// Teachers (jabatan fungsional Guru).
    Guru,
    /// Health professionals (dokter, perawat, bidan, ...).
    Kesehatan,
    /// Everyone else: structural, administrative and other technical staff.
    Lainnya,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstansiDemo {
    pub kode: String,
    pub nama: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitDemo {
    /// Index of the parent unit, always smaller than the unit's own index;
    /// `None` for an OPD.
    pub induk: Option<usize>,
    pub kode: String,
    pub nama: String,
    pub jenis: JenisUnit,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JabatanDemo {
    pub kode: String,
    pub nama: String,
    pub tingkat: TingkatJabatan,
    /// Index into [`Dataset::unit`].
    pub unit: usize,
    pub kelas: Option<u8>,
    pub rumpun: Rumpun,
    /// The competency standard of the position.
    pub standar: Vec<StandarDemo>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StandarDemo {
    /// Index into [`Dataset::kompetensi`].
    pub kompetensi: usize,
    pub level: Level,
    pub bobot: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PegawaiDemo {
    pub nip: Nip,
    pub nama: String,
    pub gelar_depan: Option<String>,
    pub gelar_belakang: Option<String>,
    pub golongan: Golongan,
    /// Index into [`Dataset::jabatan`]; `None` for new CPNS not yet placed.
    pub jabatan: Option<usize>,
    /// Index into [`Dataset::unit`].
    pub unit: usize,
    pub pendidikan: Pendidikan,
    pub aktif: bool,
    /// First appointment: TMT CPNS for a PNS, start of the contract for a PPPK.
    pub tmt: Date,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PenilaianDemo {
    /// Index into [`Dataset::pegawai`].
    pub pegawai: usize,
    /// Index into [`Dataset::kompetensi`].
    pub kompetensi: usize,
    pub level: Level,
    pub metode: MetodePenilaian,
    pub tanggal: Date,
    pub berlaku_sampai: Date,
    pub asesor: String,
    pub catatan_bukti: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SkpDemo {
    /// Index into [`Dataset::pegawai`].
    pub pegawai: usize,
    pub tahun: i32,
    pub predikat: PredikatKinerja,
}

/// A demo sign-in, with its fixed password (printed by the CLI).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AkunDemo {
    pub username: String,
    pub password: String,
    pub nama_tampilan: String,
    pub role: Role,
    /// Index into [`Dataset::unit`]: the unit a pimpinan OPD leads.
    pub unit: Option<usize>,
    /// Index into [`Dataset::pegawai`]: the record of a pegawai account.
    pub pegawai: Option<usize>,
    /// Index into [`Dataset::mitra`]: the partner a mitra account acts for.
    pub mitra: Option<usize>,
    /// What the account is for, one line in Indonesian.
    pub keterangan: String,
}

/// The whole demo, in plain structs that reference each other by index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dataset {
    /// The reference day the data set was generated for (after clamping).
    pub hari_ini: Date,
    pub instansi: InstansiDemo,
    /// Units in tree order: every parent before its children.
    pub unit: Vec<UnitDemo>,
    pub jabatan: Vec<JabatanDemo>,
    /// The dictionary: the nine managerial and socio-cultural entries, then
    /// the technical ones.
    pub kompetensi: Vec<&'static EntriKamus>,
    pub pegawai: Vec<PegawaiDemo>,
    pub penilaian: Vec<PenilaianDemo>,
    pub skp: Vec<SkpDemo>,
    pub akun: Vec<AkunDemo>,
    /// Partner institutions with contacts and agreements.
    pub mitra: Vec<MitraDemo>,
    /// The catalog of development programs.
    pub program: Vec<ProgramDemo>,
    /// Requested development needs for the planning year of `hari_ini`.
    pub usulan: Vec<UsulanDemo>,
    /// Indexes into [`Dataset::unit`]: the front-line public-service units
    /// of the needs' priority settings ([`Dataset::pengaturan_kebutuhan`]).
    pub unit_layanan_publik: Vec<usize>,
}

/// Headline counts of a data set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JumlahDemo {
    pub opd: usize,
    pub unit: usize,
    pub jabatan: usize,
    pub kompetensi: usize,
    /// Lines of all position standards together.
    pub standar: usize,
    pub pegawai: usize,
    pub pegawai_aktif: usize,
    pub pns: usize,
    pub pppk: usize,
    pub guru: usize,
    pub tenaga_kesehatan: usize,
    pub tanpa_jabatan: usize,
    pub penilaian: usize,
    /// Assessments still valid on `hari_ini`.
    pub penilaian_berlaku: usize,
    pub penilaian_kedaluwarsa: usize,
    /// Employees with at least one assessment, valid or not.
    pub pegawai_pernah_dinilai: usize,
    pub skp: usize,
    /// Requested needs, and those of them approved and still waiting.
    pub usulan: usize,
    pub usulan_disetujui: usize,
    pub usulan_diajukan: usize,
}

fn batas_hari_ini(hari_ini: Date) -> Date {
    let awal = Date::from_calendar_date(2000, Month::January, 1).unwrap_or(Date::MIN);
    let akhir = Date::from_calendar_date(2100, Month::December, 31).unwrap_or(Date::MAX);
    hari_ini.clamp(awal, akhir)
}

/// Builds the demo data set. Pure and deterministic.
pub fn generate(options: &DemoOptions) -> Dataset {
    let hari_ini = batas_hari_ini(options.hari_ini);
    let seed = options.seed;

    let org = organisasi::bangun(&mut acak::Acak::cabang(seed, "organisasi"));
    let kompetensi: Vec<&'static EntriKamus> = kamus::semua().collect();
    let bawaan = LevelManajerialBawaan::default();
    let mut jabatan = org.jabatan.clone();
    for (j, info) in jabatan.iter_mut().zip(&org.info_jabatan) {
        j.standar = standar::susun(j, info, &kompetensi, &bawaan);
    }

    let pegawai = pegawai::buat(&mut acak::Acak::cabang(seed, "pegawai"), &org, hari_ini);
    let (penilaian, bakat) = riwayat::penilaian(
        &mut acak::Acak::cabang(seed, "penilaian"),
        hari_ini,
        &pegawai,
        &jabatan,
        &org.unit,
        &kompetensi,
    );
    let skp = riwayat::skp(
        &mut acak::Acak::cabang(seed, "skp"),
        hari_ini,
        &pegawai,
        &bakat,
    );
    let (mitra, program) = katalog::bangun(
        &mut acak::Acak::cabang(seed, "mitra"),
        hari_ini,
        &org.unit,
        &kompetensi,
    );
    let akun = akun(&org, &jabatan, &pegawai, &penilaian, &mitra);
    let usulan = usulan::buat(
        &mut acak::Acak::cabang(seed, "usulan"),
        &usulan::Sumber {
            hari_ini,
            unit: &org.unit,
            jabatan: &jabatan,
            kompetensi: &kompetensi,
            pegawai: &pegawai,
            penilaian: &penilaian,
            program: &program,
            akun: &akun,
        },
    );
    let unit_layanan_publik = usulan::layanan_publik(&org.unit);

    Dataset {
        hari_ini,
        instansi: InstansiDemo {
            kode: "sawahlunto".to_owned(),
            nama: "Pemerintah Kota Sawahlunto".to_owned(),
        },
        unit: org.unit,
        jabatan,
        kompetensi,
        pegawai,
        penilaian,
        skp,
        akun,
        mitra,
        program,
        usulan,
        unit_layanan_publik,
    }
}

/// One account per role, each tied to real records of the demo.
fn akun(
    org: &organisasi::Organisasi,
    jabatan: &[JabatanDemo],
    pegawai: &[PegawaiDemo],
    penilaian: &[PenilaianDemo],
    mitra: &[katalog::MitraDemo],
) -> Vec<AkunDemo> {
    let nama_lengkap = |p: &PegawaiDemo| {
        kompeten_store::nama_lengkap(
            &p.nama,
            p.gelar_depan.as_deref(),
            p.gelar_belakang.as_deref(),
        )
    };
    let jabatan_dari = |p: &PegawaiDemo| p.jabatan.and_then(|j| jabatan.get(j));
    let kepala_indeks = pegawai.iter().position(|p| {
        jabatan_dari(p).is_some_and(|j| {
            j.unit == org.penting.dpmptsp && j.tingkat.jenis() == JenisJabatan::JptPratama
        })
    });
    let kepala = kepala_indeks.and_then(|i| pegawai.get(i));
    // A front-office employee of the MPP, preferably one with assessments.
    let di_mpp: Vec<usize> = pegawai
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.aktif
                && p.unit == org.penting.mpp
                && jabatan_dari(p).is_some_and(|j| j.tingkat.jenis() == JenisJabatan::Pelaksana)
        })
        .map(|(i, _)| i)
        .collect();
    let staf_mpp = di_mpp
        .iter()
        .copied()
        .find(|i| penilaian.iter().any(|n| n.pegawai == *i))
        .or_else(|| di_mpp.first().copied());

    let mut out = vec![AkunDemo {
        username: "admin.bkpsdm".to_owned(),
        password: "Sawahlunto#Admin1".to_owned(),
        nama_tampilan: "Admin BKPSDM Kota Sawahlunto".to_owned(),
        role: Role::AdminBkpsdm,
        unit: None,
        pegawai: None,
        mitra: None,
        keterangan: "Admin BKPSDM: mengelola seluruh data kepegawaian dan kompetensi Pemerintah \
                     Kota Sawahlunto."
            .to_owned(),
    }];
    out.push(AkunDemo {
        username: "pimpinan.dpmptsp".to_owned(),
        password: "Sawahlunto#Pimpinan1".to_owned(),
        nama_tampilan: kepala
            .map(nama_lengkap)
            .unwrap_or_else(|| "Kepala DPMPTSP dan Naker".to_owned()),
        role: Role::PimpinanOpd,
        unit: Some(org.penting.dpmptsp),
        // The head is an employee too and may open their own record.
        pegawai: kepala_indeks,
        mitra: None,
        keterangan: "Pimpinan OPD: Kepala DPMPTSP dan Naker, melihat dan mengelola pegawai di \
                     dinasnya beserta unit di bawahnya."
            .to_owned(),
    });
    if let Some(i) = staf_mpp {
        let nama = pegawai.get(i).map(nama_lengkap).unwrap_or_default();
        out.push(AkunDemo {
            username: "pegawai.mpp".to_owned(),
            password: "Sawahlunto#Pegawai1".to_owned(),
            nama_tampilan: nama.clone(),
            role: Role::Pegawai,
            unit: None,
            pegawai: Some(i),
            mitra: None,
            keterangan: format!(
                "Pegawai: {nama}, petugas Mal Pelayanan Publik; hanya melihat data dirinya sendiri."
            ),
        });
    }
    out.push(AkunDemo {
        username: "mitra.unand".to_owned(),
        password: "Sawahlunto#Mitra01".to_owned(),
        nama_tampilan: "Universitas Andalas".to_owned(),
        role: Role::Mitra,
        unit: None,
        pegawai: None,
        // The partner of the catalog whose programs this account keeps.
        mitra: mitra.iter().position(|m| m.kode == "UNAND"),
        keterangan: "Mitra: Universitas Andalas, mengelola program dan narahubungnya sendiri di \
                     katalog dan melihat kebutuhan pengembangan kompetensi tanpa data pribadi."
            .to_owned(),
    });
    out.push(AkunDemo {
        username: "auditor.inspektorat".to_owned(),
        password: "Sawahlunto#Auditor1".to_owned(),
        nama_tampilan: "Inspektorat Daerah Kota Sawahlunto".to_owned(),
        role: Role::Auditor,
        unit: None,
        pegawai: None,
        mitra: None,
        keterangan: "Auditor: Inspektorat Daerah, membaca seluruh data tanpa dapat mengubahnya."
            .to_owned(),
    });
    out
}

impl Dataset {
    /// Headline counts, with validity judged on [`Dataset::hari_ini`].
    pub fn jumlah(&self) -> JumlahDemo {
        let rumpun = |p: &PegawaiDemo| {
            p.jabatan
                .and_then(|j| self.jabatan.get(j))
                .map(|j| j.rumpun)
        };
        let berlaku = self
            .penilaian
            .iter()
            .filter(|n| n.berlaku_sampai >= self.hari_ini)
            .count();
        let status = |s: StatusUsulan| self.usulan.iter().filter(|u| u.status == s).count();
        let mut dinilai = vec![false; self.pegawai.len()];
        for n in &self.penilaian {
            if let Some(d) = dinilai.get_mut(n.pegawai) {
                *d = true;
            }
        }
        JumlahDemo {
            opd: self.unit.iter().filter(|u| u.induk.is_none()).count(),
            unit: self.unit.len(),
            jabatan: self.jabatan.len(),
            kompetensi: self.kompetensi.len(),
            standar: self.jabatan.iter().map(|j| j.standar.len()).sum(),
            pegawai: self.pegawai.len(),
            pegawai_aktif: self.pegawai.iter().filter(|p| p.aktif).count(),
            pns: self
                .pegawai
                .iter()
                .filter(|p| p.nip.status() == StatusAsn::Pns)
                .count(),
            pppk: self
                .pegawai
                .iter()
                .filter(|p| p.nip.status() == StatusAsn::Pppk)
                .count(),
            guru: self
                .pegawai
                .iter()
                .filter(|p| rumpun(p) == Some(Rumpun::Guru))
                .count(),
            tenaga_kesehatan: self
                .pegawai
                .iter()
                .filter(|p| rumpun(p) == Some(Rumpun::Kesehatan))
                .count(),
            tanpa_jabatan: self.pegawai.iter().filter(|p| p.jabatan.is_none()).count(),
            penilaian: self.penilaian.len(),
            penilaian_berlaku: berlaku,
            penilaian_kedaluwarsa: self.penilaian.len() - berlaku,
            pegawai_pernah_dinilai: dinilai.iter().filter(|d| **d).count(),
            skp: self.skp.len(),
            usulan: self.usulan.len(),
            usulan_disetujui: status(StatusUsulan::Disetujui),
            usulan_diajukan: status(StatusUsulan::Diajukan),
        }
    }

    /// Checks that every index points at an existing record and that parents
    /// come before their children; a data set that fails is never loaded.
    pub fn periksa(&self) -> Result<(), DemoError> {
        let salah = |pesan: String| Err(DemoError::Invalid(pesan));
        for (i, u) in self.unit.iter().enumerate() {
            if u.induk.is_some_and(|p| p >= i) {
                return salah(format!("unit {} comes before its parent", u.kode));
            }
        }
        for j in &self.jabatan {
            if j.unit >= self.unit.len() {
                return salah(format!("jabatan {} points at a missing unit", j.kode));
            }
            if j.standar
                .iter()
                .any(|s| s.kompetensi >= self.kompetensi.len() || s.bobot == 0)
            {
                return salah(format!("the standard of jabatan {} is invalid", j.kode));
            }
        }
        for p in &self.pegawai {
            if p.unit >= self.unit.len() || p.jabatan.is_some_and(|j| j >= self.jabatan.len()) {
                return salah(format!(
                    "pegawai {} points at a missing unit or jabatan",
                    p.nip
                ));
            }
            if p.golongan.status() != p.nip.status() {
                return salah(format!(
                    "pegawai {} has a golongan of the other status",
                    p.nip
                ));
            }
        }
        for n in &self.penilaian {
            if n.pegawai >= self.pegawai.len() || n.kompetensi >= self.kompetensi.len() {
                return salah("a penilaian points at a missing pegawai or kompetensi".to_owned());
            }
        }
        if self.skp.iter().any(|s| s.pegawai >= self.pegawai.len()) {
            return salah("an SKP rating points at a missing pegawai".to_owned());
        }
        for a in &self.akun {
            if a.unit.is_some_and(|u| u >= self.unit.len())
                || a.pegawai.is_some_and(|p| p >= self.pegawai.len())
                || a.mitra.is_some_and(|m| m >= self.mitra.len())
                || (a.role == Role::Mitra) != a.mitra.is_some()
            {
                return salah(format!("account {} points at a missing record", a.username));
            }
        }
        for p in &self.program {
            if p.penyelenggara.is_some_and(|m| m >= self.mitra.len())
                || p.kompetensi
                    .iter()
                    .any(|(k, _)| *k >= self.kompetensi.len())
                || p.unit.iter().any(|u| *u >= self.unit.len())
            {
                return salah(format!("program {} points at a missing record", p.kode));
            }
        }
        for u in &self.usulan {
            if u.pegawai >= self.pegawai.len()
                || u.kompetensi >= self.kompetensi.len()
                || u.program.is_some_and(|p| p >= self.program.len())
            {
                return salah("an usulan points at a missing record".to_owned());
            }
            // Only an employee's own request is decided after it is made.
            let diputus = u.status != StatusUsulan::awal(u.sumber);
            if !(1..=4).contains(&u.naik_level)
                || u.alasan.trim().is_empty()
                || (diputus && u.sumber != SumberUsulan::Pegawai)
                || (u.catatan.is_some() && !diputus)
            {
                return salah(format!(
                    "an usulan for pegawai {} is invalid",
                    self.pegawai[u.pegawai].nip
                ));
            }
        }
        if self
            .unit_layanan_publik
            .iter()
            .any(|u| *u >= self.unit.len())
        {
            return salah("a front-line unit of the settings is missing".to_owned());
        }
        Ok(())
    }

    /// The needs' priority settings of the demo: the defaults, with the
    /// front-line units named.
    pub fn pengaturan_kebutuhan(&self) -> PengaturanKebutuhan {
        PengaturanKebutuhan {
            unit_layanan_publik: self
                .unit_layanan_publik
                .iter()
                .filter_map(|u| self.unit.get(*u))
                .map(|u| u.kode.clone())
                .collect(),
            ..PengaturanKebutuhan::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn names_match_the_gender_encoded_in_the_nip() {
        let data = generate(&default_options(date!(2026 - 05 - 15)));
        let mut dikenal = 0;
        for p in &data.pegawai {
            if let Some(jk) = nama::jenis_kelamin_dari_nama(&p.nama) {
                dikenal += 1;
                assert_eq!(jk, p.nip.jenis_kelamin(), "{} ({})", p.nama, p.nip);
            }
        }
        // Only the few Javanese names starting with "Tri"/"Dwi" are ambiguous.
        assert!(
            dikenal * 100 >= data.pegawai.len() * 95,
            "{dikenal} of {}",
            data.pegawai.len()
        );
    }

    #[test]
    fn every_field_a_position_uses_exists_in_the_dictionary() {
        let org = organisasi::bangun(&mut acak::Acak::new(DEFAULT_SEED));
        let kode: Vec<&str> = kamus::BIDANG.iter().map(|(k, _)| *k).collect();
        for (j, info) in org.jabatan.iter().zip(&org.info_jabatan) {
            assert!(!info.bidang.is_empty(), "{} has no field", j.nama);
            for b in &info.bidang {
                assert!(kode.contains(b), "{} uses unknown field {b}", j.nama);
            }
        }
    }
}
