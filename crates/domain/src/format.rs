//! Indonesian formatting of numbers and dates.

use time::{Date, Month};

/// Groups thousands with dots: 1250000 → "1.250.000".
pub fn ribuan(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

pub fn nama_bulan(month: Month) -> &'static str {
    match month {
        Month::January => "Januari",
        Month::February => "Februari",
        Month::March => "Maret",
        Month::April => "April",
        Month::May => "Mei",
        Month::June => "Juni",
        Month::July => "Juli",
        Month::August => "Agustus",
        Month::September => "September",
        Month::October => "Oktober",
        Month::November => "November",
        Month::December => "Desember",
    }
}

/// "12 Agustus 1993".
pub fn tanggal(date: Date) -> String {
    format!(
        "{} {} {}",
        date.day(),
        nama_bulan(date.month()),
        date.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn formats_like_indonesian_documents() {
        assert_eq!(ribuan(0), "0");
        assert_eq!(ribuan(1000), "1.000");
        assert_eq!(ribuan(65_393), "65.393");
        assert_eq!(ribuan(1_234_567), "1.234.567");
        assert_eq!(tanggal(date!(1993 - 08 - 12)), "12 Agustus 1993");
    }
}
