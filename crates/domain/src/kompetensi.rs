//! Competency vocabulary of PermenPAN-RB 38/2017 and Peraturan BKN 26/2019.

use crate::code_enum::code_enum;
use serde::{Deserialize, Serialize};

code_enum! {
    /// The three competency groups (kelompok kompetensi).
    pub enum KelompokKompetensi("kelompok kompetensi") {
        Manajerial => ("manajerial", "Manajerial"),
        SosialKultural => ("sosial_kultural", "Sosial Kultural"),
        Teknis => ("teknis", "Teknis"),
    }
}

code_enum! {
    /// How an assessment was made.
    pub enum MetodePenilaian("metode penilaian") {
        AssessmentCenter => ("assessment_center", "Assessment Center"),
        Cact => ("cact", "CACT BKN"),
        UjiKompetensi => ("uji_kompetensi", "Uji Kompetensi"),
        Penilaian360 => ("360", "Penilaian 360°"),
        Atasan => ("atasan", "Penilaian Atasan"),
        Mandiri => ("mandiri", "Penilaian Mandiri"),
    }
}

/// A proficiency level, 1 to 5 inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Level(u8);

/// A level outside 1..=5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("level must be between 1 and 5, got {0}")]
pub struct LevelOutOfRange(pub i64);

impl Level {
    pub const MIN: Level = Level(1);
    pub const MAX: Level = Level(5);
    /// Levels 1..=5 in order.
    pub const ALL: [Level; 5] = [Level(1), Level(2), Level(3), Level(4), Level(5)];

    pub fn new(value: i64) -> Result<Self, LevelOutOfRange> {
        if (1..=5).contains(&value) {
            Ok(Level(value as u8))
        } else {
            Err(LevelOutOfRange(value))
        }
    }

    pub const fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Level {
    type Error = LevelOutOfRange;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Level::new(i64::from(value))
    }
}

impl From<Level> for u8 {
    fn from(level: Level) -> u8 {
        level.0
    }
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}
