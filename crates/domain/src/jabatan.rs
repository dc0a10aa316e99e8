//! Positions (jabatan) and organisational units (unit kerja).

use crate::code_enum::code_enum;
use crate::kompetensi::Level;
use serde::{Deserialize, Serialize};

code_enum! {
    /// Position type.
    pub enum JenisJabatan("jenis jabatan") {
        JptUtama => ("jpt_utama", "JPT Utama"),
        JptMadya => ("jpt_madya", "JPT Madya"),
        JptPratama => ("jpt_pratama", "JPT Pratama"),
        Administrator => ("administrator", "Administrator"),
        Pengawas => ("pengawas", "Pengawas"),
        Pelaksana => ("pelaksana", "Pelaksana"),
        Fungsional => ("fungsional", "Fungsional"),
    }
}

code_enum! {
    /// Grade of a functional position: keahlian (ahli) or keterampilan.
    pub enum JenjangFungsional("jenjang fungsional") {
        AhliPertama => ("ahli_pertama", "Ahli Pertama"),
        AhliMuda => ("ahli_muda", "Ahli Muda"),
        AhliMadya => ("ahli_madya", "Ahli Madya"),
        AhliUtama => ("ahli_utama", "Ahli Utama"),
        Pemula => ("pemula", "Pemula"),
        Terampil => ("terampil", "Terampil"),
        Mahir => ("mahir", "Mahir"),
        Penyelia => ("penyelia", "Penyelia"),
    }
}

/// A position type with its functional grade: a grade exactly when functional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct TingkatJabatan {
    jenis: JenisJabatan,
    jenjang: Option<JenjangFungsional>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TingkatJabatanError {
    #[error("a functional position needs a jenjang")]
    MissingJenjang,
    #[error("only functional positions have a jenjang, not {0}")]
    UnexpectedJenjang(JenisJabatan),
}

impl TingkatJabatan {
    pub fn new(
        jenis: JenisJabatan,
        jenjang: Option<JenjangFungsional>,
    ) -> Result<Self, TingkatJabatanError> {
        match (jenis, jenjang) {
            (JenisJabatan::Fungsional, None) => Err(TingkatJabatanError::MissingJenjang),
            (JenisJabatan::Fungsional, Some(_)) | (_, None) => Ok(Self { jenis, jenjang }),
            (other, Some(_)) => Err(TingkatJabatanError::UnexpectedJenjang(other)),
        }
    }

    pub fn struktural(jenis: JenisJabatan) -> Result<Self, TingkatJabatanError> {
        Self::new(jenis, None)
    }

    pub fn fungsional(jenjang: JenjangFungsional) -> Self {
        Self {
            jenis: JenisJabatan::Fungsional,
            jenjang: Some(jenjang),
        }
    }

    pub fn jenis(self) -> JenisJabatan {
        self.jenis
    }

    pub fn jenjang(self) -> Option<JenjangFungsional> {
        self.jenjang
    }

    /// "Fungsional Ahli Muda" or "Administrator".
    pub fn label(self) -> String {
        match self.jenjang {
            Some(j) => format!("{} {}", self.jenis.label(), j.label()),
            None => self.jenis.label().to_owned(),
        }
    }
}

/// Default required level of the managerial and socio-cultural competencies
/// per position type, used to seed a new position's standard.
///
/// The regulations read give no table (regulations.md §1.4, UNVERIFIED), so
/// this is a setting; the defaults follow common practice. The real standard
/// of each position comes from its Anjab and is stored per position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelManajerialBawaan {
    pub jpt_utama: Level,
    pub jpt_madya: Level,
    pub jpt_pratama: Level,
    pub administrator: Level,
    pub pengawas: Level,
    pub pelaksana: Level,
    pub ahli_pertama: Level,
    pub ahli_muda: Level,
    pub ahli_madya: Level,
    pub ahli_utama: Level,
    pub keterampilan: Level,
}

impl Default for LevelManajerialBawaan {
    fn default() -> Self {
        let l = |n| Level::new(n).unwrap_or(Level::MIN);
        Self {
            jpt_utama: l(5),
            jpt_madya: l(5),
            jpt_pratama: l(4),
            administrator: l(3),
            pengawas: l(2),
            pelaksana: l(1),
            ahli_pertama: l(2),
            ahli_muda: l(2),
            ahli_madya: l(3),
            ahli_utama: l(4),
            keterampilan: l(1),
        }
    }
}

impl LevelManajerialBawaan {
    pub fn untuk(&self, tingkat: TingkatJabatan) -> Level {
        match (tingkat.jenis(), tingkat.jenjang()) {
            (JenisJabatan::JptUtama, _) => self.jpt_utama,
            (JenisJabatan::JptMadya, _) => self.jpt_madya,
            (JenisJabatan::JptPratama, _) => self.jpt_pratama,
            (JenisJabatan::Administrator, _) => self.administrator,
            (JenisJabatan::Pengawas, _) => self.pengawas,
            (JenisJabatan::Pelaksana, _) => self.pelaksana,
            (JenisJabatan::Fungsional, Some(JenjangFungsional::AhliPertama)) => self.ahli_pertama,
            (JenisJabatan::Fungsional, Some(JenjangFungsional::AhliMuda)) => self.ahli_muda,
            (JenisJabatan::Fungsional, Some(JenjangFungsional::AhliMadya)) => self.ahli_madya,
            (JenisJabatan::Fungsional, Some(JenjangFungsional::AhliUtama)) => self.ahli_utama,
            (JenisJabatan::Fungsional, _) => self.keterampilan,
        }
    }
}

code_enum! {
    /// Kind of organisational unit.
    pub enum JenisUnit("jenis unit kerja") {
        Sekretariat => ("sekretariat", "Sekretariat"),
        Inspektorat => ("inspektorat", "Inspektorat"),
        Badan => ("badan", "Badan"),
        Dinas => ("dinas", "Dinas"),
        RumahSakit => ("rsud", "Rumah Sakit Umum Daerah"),
        SatuanPolisi => ("satpol", "Satuan Polisi Pamong Praja"),
        Kecamatan => ("kecamatan", "Kecamatan"),
        Bagian => ("bagian", "Bagian"),
        Bidang => ("bidang", "Bidang"),
        SubBagian => ("subbagian", "Subbagian"),
        Seksi => ("seksi", "Seksi"),
        Uptd => ("uptd", "UPTD"),
        Puskesmas => ("puskesmas", "Puskesmas"),
        Sekolah => ("sekolah", "Sekolah"),
        Kelurahan => ("kelurahan", "Kelurahan"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jenjang_is_required_exactly_for_functional_positions() {
        assert_eq!(
            TingkatJabatan::new(JenisJabatan::Fungsional, None),
            Err(TingkatJabatanError::MissingJenjang)
        );
        assert_eq!(
            TingkatJabatan::new(JenisJabatan::Pengawas, Some(JenjangFungsional::AhliMuda)),
            Err(TingkatJabatanError::UnexpectedJenjang(
                JenisJabatan::Pengawas
            ))
        );
        let guru = TingkatJabatan::fungsional(JenjangFungsional::AhliPertama);
        assert_eq!(guru.label(), "Fungsional Ahli Pertama");
        assert_eq!(
            TingkatJabatan::struktural(JenisJabatan::Administrator).map(TingkatJabatan::label),
            Ok("Administrator".to_owned())
        );
    }

    #[test]
    fn default_managerial_levels_rise_with_the_position() {
        let d = LevelManajerialBawaan::default();
        let level = |j| {
            d.untuk(TingkatJabatan::struktural(j).expect("structural"))
                .get()
        };
        assert_eq!(level(JenisJabatan::JptPratama), 4);
        assert_eq!(level(JenisJabatan::Administrator), 3);
        assert_eq!(level(JenisJabatan::Pengawas), 2);
        assert_eq!(level(JenisJabatan::Pelaksana), 1);
        assert_eq!(
            d.untuk(TingkatJabatan::fungsional(JenjangFungsional::AhliMadya))
                .get(),
            3
        );
        assert_eq!(
            d.untuk(TingkatJabatan::fungsional(JenjangFungsional::Terampil))
                .get(),
            1
        );
    }
}
