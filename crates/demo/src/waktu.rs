//! Date arithmetic that never panics, for the generator.

use time::{Date, Duration, Month, Weekday};

pub(crate) use kompeten_domain::nip::add_years as tambah_tahun;

pub(crate) fn geser(date: Date, hari: i64) -> Date {
    date.saturating_add(Duration::days(hari))
}

/// The 1st of a month; `None` for an impossible year or month.
pub(crate) fn awal_bulan(tahun: i32, bulan: u8) -> Option<Date> {
    let bulan = Month::try_from(bulan).ok()?;
    Date::from_calendar_date(tahun, bulan, 1).ok()
}

/// Moves a weekend day to the following Monday, or to the Friday before when
/// Monday would be after `batas`.
pub(crate) fn hari_kerja(date: Date, batas: Date) -> Date {
    let maju = match date.weekday() {
        Weekday::Saturday => 2,
        Weekday::Sunday => 1,
        _ => return date,
    };
    let senin = geser(date, maju);
    if senin <= batas {
        senin
    } else {
        geser(date, maju - 3)
    }
}

/// Whole days from `a` to `b` (negative when `b` is earlier).
pub(crate) fn selisih_hari(a: Date, b: Date) -> i64 {
    (b - a).whole_days()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn weekends_move_to_a_working_day() {
        // 2025-03-01 is a Saturday.
        assert_eq!(
            hari_kerja(date!(2025 - 03 - 01), date!(2025 - 12 - 31)),
            date!(2025 - 03 - 03)
        );
        assert_eq!(
            hari_kerja(date!(2025 - 03 - 02), date!(2025 - 03 - 02)),
            date!(2025 - 02 - 28)
        );
        assert_eq!(
            hari_kerja(date!(2025 - 03 - 04), date!(2025 - 03 - 04)),
            date!(2025 - 03 - 04)
        );
        assert_eq!(awal_bulan(2025, 13), None);
        assert_eq!(
            selisih_hari(date!(2025 - 01 - 01), date!(2025 - 01 - 31)),
            30
        );
    }
}
