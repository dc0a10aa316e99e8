//! How long an assessment result counts (Peraturan BKN 26/2019 Pasal 29(4)).

use crate::nip::add_years;
use serde::{Deserialize, Serialize};
use time::Date;

/// Validity period of an assessment in whole years; 3 by regulation, a setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MasaBerlaku {
    tahun: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("an assessment must stay valid for 1 to 10 years, got {0}")]
pub struct MasaBerlakuError(pub i64);

impl Default for MasaBerlaku {
    fn default() -> Self {
        MasaBerlaku { tahun: 3 }
    }
}

/// Whether a result still counts on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusBerlaku {
    Berlaku,
    Kedaluwarsa,
}

impl StatusBerlaku {
    pub fn label(self) -> &'static str {
        match self {
            StatusBerlaku::Berlaku => "Berlaku",
            StatusBerlaku::Kedaluwarsa => "Kedaluwarsa",
        }
    }
}

impl MasaBerlaku {
    pub fn new(tahun: i64) -> Result<Self, MasaBerlakuError> {
        match u8::try_from(tahun) {
            Ok(t @ 1..=10) => Ok(MasaBerlaku { tahun: t }),
            _ => Err(MasaBerlakuError(tahun)),
        }
    }

    pub fn tahun(self) -> u8 {
        self.tahun
    }

    /// The last day on which a result assessed on `tanggal` counts.
    pub fn berlaku_sampai(self, tanggal: Date) -> Date {
        add_years(tanggal, i32::from(self.tahun))
            .previous_day()
            .unwrap_or(tanggal)
    }
}

/// Status on `hari_ini` of a result valid through `berlaku_sampai`.
pub fn status_pada(berlaku_sampai: Date, hari_ini: Date) -> StatusBerlaku {
    if hari_ini <= berlaku_sampai {
        StatusBerlaku::Berlaku
    } else {
        StatusBerlaku::Kedaluwarsa
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn three_years_by_default() {
        let masa = MasaBerlaku::default();
        assert_eq!(
            masa.berlaku_sampai(date!(2023 - 05 - 10)),
            date!(2026 - 05 - 09)
        );
        assert_eq!(
            status_pada(date!(2026 - 05 - 09), date!(2026 - 05 - 09)),
            StatusBerlaku::Berlaku
        );
        assert_eq!(
            status_pada(date!(2026 - 05 - 09), date!(2026 - 05 - 10)),
            StatusBerlaku::Kedaluwarsa
        );
    }

    #[test]
    fn leap_day_results_end_in_february() {
        let masa = MasaBerlaku::new(1).expect("valid");
        assert_eq!(
            masa.berlaku_sampai(date!(2024 - 02 - 29)),
            date!(2025 - 02 - 27)
        );
    }

    #[test]
    fn the_period_is_bounded() {
        assert!(MasaBerlaku::new(0).is_err());
        assert!(MasaBerlaku::new(11).is_err());
        assert_eq!(MasaBerlaku::new(5).map(MasaBerlaku::tahun), Ok(5));
    }
}
