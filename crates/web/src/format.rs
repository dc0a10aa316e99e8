//! Small formatting helpers for pages: percentages, dates, URL parts.

use kompeten_domain::TmtCpns;
use kompeten_domain::format::{nama_bulan, ribuan};
use time::{OffsetDateTime, UtcOffset};

/// `bagian` of `total` as "87,5%", Indonesian decimal comma; "–" when there is no total.
pub(crate) fn persen(bagian: u64, total: u64) -> String {
    if total == 0 {
        return "–".to_owned();
    }
    // Tenths of a percent, rounded half up, in integers to stay exact.
    let per_mil = (u128::from(bagian) * 1000 + u128::from(total) / 2) / u128::from(total);
    let utuh = u64::try_from(per_mil / 10).unwrap_or(u64::MAX);
    let desimal = per_mil % 10;
    if desimal == 0 {
        format!("{}%", ribuan(utuh))
    } else {
        format!("{},{}%", ribuan(utuh), desimal)
    }
}

/// "27 November 2026 14.05" (Indonesian writes hours with a dot) in the given offset.
pub(crate) fn waktu(at: OffsetDateTime, offset: UtcOffset) -> String {
    let t = at.to_offset(offset);
    format!(
        "{} {:02}.{:02}",
        kompeten_domain::format::tanggal(t.date()),
        t.hour(),
        t.minute()
    )
}

/// "Desember 2020".
pub(crate) fn bulan_tahun(tmt: TmtCpns) -> String {
    format!("{} {}", nama_bulan(tmt.bulan), tmt.tahun)
}

/// Percent-encodes everything but the unreserved characters of RFC 3986.
pub(crate) fn enkode_url(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Builds `?a=1&b=x` from pairs, skipping empty values; "" when nothing is left.
pub(crate) fn query_string<'a>(pairs: impl IntoIterator<Item = (&'a str, String)>) -> String {
    let parts: Vec<String> = pairs
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{}={}", k, enkode_url(&v)))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::Month;
    use time::macros::datetime;

    #[test]
    fn percentages_use_a_decimal_comma() {
        assert_eq!(persen(0, 0), "–");
        assert_eq!(persen(1, 2), "50%");
        assert_eq!(persen(7, 8), "87,5%");
        assert_eq!(persen(1, 3), "33,3%");
        assert_eq!(persen(2, 3), "66,7%");
        assert_eq!(persen(3, 3), "100%");
    }

    #[test]
    fn times_are_shown_in_the_configured_offset() {
        let at = datetime!(2026-11-27 20:05 UTC);
        assert_eq!(waktu(at, crate::WIB), "28 November 2026 03.05");
        assert_eq!(
            bulan_tahun(TmtCpns {
                tahun: 2020,
                bulan: Month::December
            }),
            "Desember 2020"
        );
    }

    #[test]
    fn urls_are_encoded() {
        assert_eq!(enkode_url("/pegawai?q=a b&x"), "%2Fpegawai%3Fq%3Da%20b%26x");
        assert_eq!(
            query_string([("q", "Siti N".to_owned()), ("opd", String::new())]),
            "?q=Siti%20N"
        );
        assert_eq!(query_string([("q", String::new())]), "");
    }
}
