//! Units of measure: lesson hours (JP) and money (rupiah, integer).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::iter::Sum;
use std::ops::Add;

/// Jam Pelajaran: a lesson hour of 45 minutes (Peraturan LAN 5/2018).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Jp(pub u32);

impl Jp {
    pub const MINUTES: u32 = 45;

    /// Whole lesson hours in a duration; a partial hour does not count.
    pub const fn from_minutes(minutes: u32) -> Jp {
        Jp(minutes / Self::MINUTES)
    }

    pub const fn minutes(self) -> u32 {
        self.0 * Self::MINUTES
    }
}

impl Add for Jp {
    type Output = Jp;
    fn add(self, other: Jp) -> Jp {
        Jp(self.0.saturating_add(other.0))
    }
}

impl Sum for Jp {
    fn sum<I: Iterator<Item = Jp>>(iter: I) -> Jp {
        iter.fold(Jp(0), Add::add)
    }
}

impl fmt::Display for Jp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} JP", self.0)
    }
}

/// An amount of money in whole rupiah. Never a float.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Rupiah(pub i64);

impl Rupiah {
    pub const ZERO: Rupiah = Rupiah(0);

    pub fn checked_add(self, other: Rupiah) -> Option<Rupiah> {
        self.0.checked_add(other.0).map(Rupiah)
    }

    pub fn checked_mul(self, factor: i64) -> Option<Rupiah> {
        self.0.checked_mul(factor).map(Rupiah)
    }
}

/// Indonesian notation: `Rp1.250.000`, `-Rp5.000`.
impl fmt::Display for Rupiah {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        write!(
            f,
            "{sign}Rp{}",
            crate::format::ribuan(self.0.unsigned_abs())
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_jp_is_forty_five_minutes() {
        assert_eq!(Jp(20).minutes(), 900);
        assert_eq!(Jp::from_minutes(90), Jp(2));
        assert_eq!(Jp::from_minutes(89), Jp(1));
        assert_eq!([Jp(3), Jp(17)].into_iter().sum::<Jp>(), Jp(20));
        assert_eq!(Jp(20).to_string(), "20 JP");
    }

    #[test]
    fn rupiah_is_written_with_dots() {
        assert_eq!(Rupiah(0).to_string(), "Rp0");
        assert_eq!(Rupiah(999).to_string(), "Rp999");
        assert_eq!(Rupiah(2_986_250).to_string(), "Rp2.986.250");
        assert_eq!(Rupiah(-5_000).to_string(), "-Rp5.000");
        assert_eq!(Rupiah(i64::MAX).checked_add(Rupiah(1)), None);
    }
}
