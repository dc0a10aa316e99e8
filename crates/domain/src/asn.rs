//! Who an employee is: status, gender, education, rank, performance.

use crate::code_enum::code_enum;

code_enum! {
    /// PNS (permanent) or PPPK (contract) employee.
    pub enum StatusAsn("status ASN") {
        Pns => ("pns", "PNS"),
        Pppk => ("pppk", "PPPK"),
    }
}

code_enum! {
    /// Gender as encoded in digit 15 of the NIP.
    pub enum JenisKelamin("jenis kelamin") {
        LakiLaki => ("L", "Laki-laki"),
        Perempuan => ("P", "Perempuan"),
    }
}

impl JenisKelamin {
    /// The NIP digit: 1 for men, 2 for women.
    pub const fn nip_digit(self) -> u8 {
        match self {
            JenisKelamin::LakiLaki => 1,
            JenisKelamin::Perempuan => 2,
        }
    }
}

code_enum! {
    /// Highest formal education (jenjang pendidikan).
    pub enum Pendidikan("pendidikan") {
        Sd => ("sd", "SD"),
        Smp => ("smp", "SMP"),
        Slta => ("slta", "SLTA/SMA/SMK"),
        D1 => ("d1", "D-I"),
        D2 => ("d2", "D-II"),
        D3 => ("d3", "D-III"),
        D4 => ("d4", "D-IV"),
        S1 => ("s1", "S-1"),
        S2 => ("s2", "S-2"),
        S3 => ("s3", "S-3"),
    }
}

code_enum! {
    /// Yearly performance rating of an employee (PermenPAN-RB 6/2022).
    pub enum PredikatKinerja("predikat kinerja") {
        SangatBaik => ("sangat_baik", "Sangat Baik"),
        Baik => ("baik", "Baik"),
        ButuhPerbaikan => ("butuh_perbaikan", "Butuh Perbaikan"),
        Kurang => ("kurang", "Kurang/Misconduct"),
        SangatKurang => ("sangat_kurang", "Sangat Kurang"),
    }
}

code_enum! {
    /// PNS rank (golongan/ruang) with its title (pangkat), I/a to IV/e.
    pub enum GolonganPns("golongan PNS") {
        Ia => ("I/a", "Juru Muda"),
        Ib => ("I/b", "Juru Muda Tingkat I"),
        Ic => ("I/c", "Juru"),
        Id => ("I/d", "Juru Tingkat I"),
        IIa => ("II/a", "Pengatur Muda"),
        IIb => ("II/b", "Pengatur Muda Tingkat I"),
        IIc => ("II/c", "Pengatur"),
        IId => ("II/d", "Pengatur Tingkat I"),
        IIIa => ("III/a", "Penata Muda"),
        IIIb => ("III/b", "Penata Muda Tingkat I"),
        IIIc => ("III/c", "Penata"),
        IIId => ("III/d", "Penata Tingkat I"),
        IVa => ("IV/a", "Pembina"),
        IVb => ("IV/b", "Pembina Tingkat I"),
        IVc => ("IV/c", "Pembina Utama Muda"),
        IVd => ("IV/d", "Pembina Utama Madya"),
        IVe => ("IV/e", "Pembina Utama"),
    }
}

code_enum! {
    /// PPPK grade, I to XVII (Perpres 98/2020; no ruang, no title).
    pub enum GolonganPppk("golongan PPPK") {
        I => ("I", "Golongan I"),
        II => ("II", "Golongan II"),
        III => ("III", "Golongan III"),
        IV => ("IV", "Golongan IV"),
        V => ("V", "Golongan V"),
        VI => ("VI", "Golongan VI"),
        VII => ("VII", "Golongan VII"),
        VIII => ("VIII", "Golongan VIII"),
        IX => ("IX", "Golongan IX"),
        X => ("X", "Golongan X"),
        XI => ("XI", "Golongan XI"),
        XII => ("XII", "Golongan XII"),
        XIII => ("XIII", "Golongan XIII"),
        XIV => ("XIV", "Golongan XIV"),
        XV => ("XV", "Golongan XV"),
        XVI => ("XVI", "Golongan XVI"),
        XVII => ("XVII", "Golongan XVII"),
    }
}

/// The rank of an employee: a PNS golongan/ruang or a PPPK grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(tag = "status", content = "golongan", rename_all = "lowercase")]
pub enum Golongan {
    Pns(GolonganPns),
    Pppk(GolonganPppk),
}

/// A golongan that does not belong to the employee's status.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{code:?} is not a golongan for {status}")]
pub struct GolonganError {
    pub status: StatusAsn,
    pub code: String,
}

impl Golongan {
    /// Parses the code of a rank for an employee of the given status.
    pub fn parse(status: StatusAsn, code: &str) -> Result<Self, GolonganError> {
        let err = || GolonganError {
            status,
            code: code.to_owned(),
        };
        match status {
            StatusAsn::Pns => GolonganPns::from_code(code)
                .map(Golongan::Pns)
                .map_err(|_| err()),
            StatusAsn::Pppk => GolonganPppk::from_code(code)
                .map(Golongan::Pppk)
                .map_err(|_| err()),
        }
    }

    pub fn status(self) -> StatusAsn {
        match self {
            Golongan::Pns(_) => StatusAsn::Pns,
            Golongan::Pppk(_) => StatusAsn::Pppk,
        }
    }

    /// "III/a" or "IX".
    pub fn code(self) -> &'static str {
        match self {
            Golongan::Pns(g) => g.code(),
            Golongan::Pppk(g) => g.code(),
        }
    }

    /// "Penata Muda (III/a)" or "Golongan IX".
    pub fn label(self) -> String {
        match self {
            Golongan::Pns(g) => format!("{} ({})", g.label(), g.code()),
            Golongan::Pppk(g) => g.label().to_owned(),
        }
    }
}

impl std::fmt::Display for Golongan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pns_ranks_run_from_juru_muda_to_pembina_utama() {
        assert_eq!(GolonganPns::ALL.len(), 17);
        assert_eq!(GolonganPns::ALL[0].label(), "Juru Muda");
        assert_eq!(GolonganPns::IIIa.label(), "Penata Muda");
        assert_eq!(GolonganPns::IVe.code(), "IV/e");
        assert_eq!(GolonganPns::IVe.label(), "Pembina Utama");
    }

    #[test]
    fn pppk_has_seventeen_grades() {
        assert_eq!(GolonganPppk::ALL.len(), 17);
        assert_eq!(GolonganPppk::from_code("XVII"), Ok(GolonganPppk::XVII));
        assert!(GolonganPppk::from_code("XVIII").is_err());
    }

    #[test]
    fn golongan_must_match_the_status() {
        assert_eq!(
            Golongan::parse(StatusAsn::Pns, "III/b"),
            Ok(Golongan::Pns(GolonganPns::IIIb))
        );
        assert_eq!(
            Golongan::parse(StatusAsn::Pppk, "IX"),
            Ok(Golongan::Pppk(GolonganPppk::IX))
        );
        assert!(Golongan::parse(StatusAsn::Pns, "IX").is_err());
        assert!(Golongan::parse(StatusAsn::Pppk, "III/b").is_err());
        assert_eq!(Golongan::Pns(GolonganPns::IIIc).label(), "Penata (III/c)");
    }

    #[test]
    fn codes_round_trip_for_every_vocabulary() {
        for g in GolonganPns::ALL {
            assert_eq!(GolonganPns::from_code(g.code()), Ok(*g));
        }
        for p in PredikatKinerja::ALL {
            assert_eq!(p.code().parse::<PredikatKinerja>(), Ok(*p));
        }
        for p in Pendidikan::ALL {
            assert_eq!(Pendidikan::from_code(p.code()), Ok(*p));
        }
    }
}
