//! NIP: the 18-digit employee number (Peraturan Kepala BKN 22/2007), and the
//! NI PPPK of contract employees.
//!
//! PNS layout: `YYYYMMDD YYYYMM G NNN` = birth date, TMT CPNS (year and month
//! of first appointment), gender, serial. The NI PPPK has the same length,
//! birth date and gender positions, but its appointment segment (digits 9 to
//! 14) has no verified meaning, so it is not validated.

use crate::asn::{JenisKelamin, StatusAsn};
use serde::{Deserialize, Serialize};
use std::fmt;
use time::{Date, Month};

/// The earliest birth year accepted; anything earlier is a typing error.
const EARLIEST_YEAR: i32 = 1900;
/// Minimum age at appointment as CPNS.
const MIN_AGE_AT_APPOINTMENT: i32 = 18;

/// A validated NIP (PNS) or NI PPPK, stored as its 18 digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Nip {
    digits: String,
    status: StatusAsn,
    tanggal_lahir: Date,
    jenis_kelamin: JenisKelamin,
    tmt_cpns: Option<TmtCpns>,
}

/// Year and month of first appointment as CPNS; the day is always the 1st.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TmtCpns {
    pub tahun: i32,
    pub bulan: Month,
}

impl TmtCpns {
    /// The first day of the appointment month.
    pub fn tanggal(self) -> Date {
        // Only constructed from a validated year and month.
        Date::from_calendar_date(self.tahun, self.bulan, 1).unwrap_or(Date::MIN)
    }
}

/// Why a string is not a valid NIP.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NipError {
    #[error("a NIP has 18 digits, this one has {0}")]
    WrongLength(usize),
    #[error("a NIP has only digits, found {0:?}")]
    NotDigits(char),
    #[error("digits 1 to 8 are not a possible birth date (YYYYMMDD): {0}")]
    ImpossibleBirthDate(String),
    #[error("digits 9 to 14 are not a possible TMT CPNS month (YYYYMM): {0}")]
    ImpossibleTmt(String),
    #[error("TMT CPNS {tmt} is before the 18th birthday (born {born})")]
    AppointedUnder18 { born: Date, tmt: String },
    #[error("digit 15 is the gender and must be 1 or 2, found {0}")]
    BadGenderDigit(char),
}

impl NipError {
    /// The reason in Indonesian, for the UI.
    pub fn pesan(&self) -> String {
        match self {
            NipError::WrongLength(n) => format!("NIP harus 18 digit, yang diisi {n} digit."),
            NipError::NotDigits(c) => format!("NIP hanya boleh berisi angka, ditemukan {c:?}."),
            NipError::ImpossibleBirthDate(s) => {
                format!("Digit 1–8 ({s}) bukan tanggal lahir yang mungkin (TTTTBBHH).")
            }
            NipError::ImpossibleTmt(s) => {
                format!("Digit 9–14 ({s}) bukan bulan TMT CPNS yang mungkin (TTTTBB).")
            }
            NipError::AppointedUnder18 { born, tmt } => format!(
                "TMT CPNS {tmt} sebelum pegawai berusia 18 tahun (lahir {}).",
                crate::format::tanggal(*born)
            ),
            NipError::BadGenderDigit(c) => {
                format!("Digit ke-15 adalah jenis kelamin (1 atau 2), ditemukan {c}.")
            }
        }
    }
}

impl Nip {
    /// Parses a PNS NIP; spaces are ignored.
    pub fn parse_pns(input: &str) -> Result<Self, NipError> {
        Self::parse(input, StatusAsn::Pns)
    }

    /// Parses an NI PPPK; spaces are ignored and the appointment segment is not validated.
    pub fn parse_pppk(input: &str) -> Result<Self, NipError> {
        Self::parse(input, StatusAsn::Pppk)
    }

    /// Parses the number of an employee of the given status.
    pub fn parse(input: &str, status: StatusAsn) -> Result<Self, NipError> {
        let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if let Some(bad) = digits.chars().find(|c| !c.is_ascii_digit()) {
            return Err(NipError::NotDigits(bad));
        }
        if digits.len() != 18 {
            return Err(NipError::WrongLength(digits.len()));
        }
        let number = |range: std::ops::Range<usize>| -> i32 {
            // All ASCII digits and at most 8 of them: always fits.
            digits[range].parse().unwrap_or(0)
        };

        let birth = &digits[0..8];
        let tanggal_lahir = calendar_date(number(0..4), number(4..6), number(6..8))
            .ok_or_else(|| NipError::ImpossibleBirthDate(birth.to_owned()))?;

        let tmt_cpns = match status {
            StatusAsn::Pns => {
                let tmt_text = &digits[8..14];
                let tmt = month(number(8..12), number(12..14))
                    .ok_or_else(|| NipError::ImpossibleTmt(tmt_text.to_owned()))?;
                let eighteenth = add_years(tanggal_lahir, MIN_AGE_AT_APPOINTMENT);
                if tmt.tanggal() < eighteenth {
                    return Err(NipError::AppointedUnder18 {
                        born: tanggal_lahir,
                        tmt: tmt_text.to_owned(),
                    });
                }
                Some(tmt)
            }
            StatusAsn::Pppk => None,
        };

        let gender_digit = digits.as_bytes()[14] as char;
        let jenis_kelamin = match gender_digit {
            '1' => JenisKelamin::LakiLaki,
            '2' => JenisKelamin::Perempuan,
            other => return Err(NipError::BadGenderDigit(other)),
        };

        Ok(Nip {
            digits,
            status,
            tanggal_lahir,
            jenis_kelamin,
            tmt_cpns,
        })
    }

    /// The 18 digits without spaces, as stored.
    pub fn as_str(&self) -> &str {
        &self.digits
    }

    pub fn status(&self) -> StatusAsn {
        self.status
    }

    pub fn tanggal_lahir(&self) -> Date {
        self.tanggal_lahir
    }

    pub fn jenis_kelamin(&self) -> JenisKelamin {
        self.jenis_kelamin
    }

    /// TMT CPNS; `None` for PPPK, whose appointment segment is not interpreted.
    pub fn tmt_cpns(&self) -> Option<TmtCpns> {
        self.tmt_cpns
    }

    /// The serial number (digits 16 to 18).
    pub fn nomor_urut(&self) -> u16 {
        self.digits[15..18].parse().unwrap_or(0)
    }

    /// Builds the 18 digits of a PNS NIP from its parts, then validates them.
    pub fn compose_pns(
        tanggal_lahir: Date,
        tmt: TmtCpns,
        jenis_kelamin: JenisKelamin,
        nomor_urut: u16,
    ) -> Result<Self, NipError> {
        let digits = format!(
            "{:04}{:02}{:02}{:04}{:02}{}{:03}",
            tanggal_lahir.year(),
            u8::from(tanggal_lahir.month()),
            tanggal_lahir.day(),
            tmt.tahun,
            u8::from(tmt.bulan),
            jenis_kelamin.nip_digit(),
            nomor_urut % 1000
        );
        Self::parse_pns(&digits)
    }
}

/// Shown grouped as users write it: `19930812 202012 2 021`.
impl fmt::Display for Nip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = &self.digits;
        write!(
            f,
            "{} {} {} {}",
            &d[0..8],
            &d[8..14],
            &d[14..15],
            &d[15..18]
        )
    }
}

impl Serialize for Nip {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.digits)
    }
}

fn calendar_date(year: i32, month_number: i32, day: i32) -> Option<Date> {
    if year < EARLIEST_YEAR {
        return None;
    }
    let month = Month::try_from(u8::try_from(month_number).ok()?).ok()?;
    Date::from_calendar_date(year, month, u8::try_from(day).ok()?).ok()
}

fn month(year: i32, month_number: i32) -> Option<TmtCpns> {
    if year < EARLIEST_YEAR {
        return None;
    }
    let bulan = Month::try_from(u8::try_from(month_number).ok()?).ok()?;
    Some(TmtCpns { tahun: year, bulan })
}

/// The same day `years` later; 29 February becomes 28 February in common years.
pub fn add_years(date: Date, years: i32) -> Date {
    let year = date.year() + years;
    Date::from_calendar_date(year, date.month(), date.day())
        .or_else(|_| Date::from_calendar_date(year, date.month(), date.day() - 1))
        .unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    #[test]
    fn parses_the_glossary_example_with_spaces() {
        let nip = Nip::parse_pns("19930812 202012 2 021").expect("valid");
        assert_eq!(nip.as_str(), "199308122020122021");
        assert_eq!(nip.tanggal_lahir(), date!(1993 - 08 - 12));
        assert_eq!(nip.jenis_kelamin(), JenisKelamin::Perempuan);
        assert_eq!(
            nip.tmt_cpns(),
            Some(TmtCpns {
                tahun: 2020,
                bulan: Month::December
            })
        );
        assert_eq!(nip.nomor_urut(), 21);
        assert_eq!(nip.to_string(), "19930812 202012 2 021");
    }

    #[test]
    fn rejects_wrong_length() {
        assert_eq!(
            Nip::parse_pns("19930812 202012 2 02"),
            Err(NipError::WrongLength(17))
        );
        assert_eq!(
            Nip::parse_pns("1993081220201220211"),
            Err(NipError::WrongLength(19))
        );
        assert_eq!(Nip::parse_pns(""), Err(NipError::WrongLength(0)));
    }

    #[test]
    fn rejects_non_digits() {
        assert_eq!(
            Nip::parse_pns("19930812-202012-2-021"),
            Err(NipError::NotDigits('-'))
        );
        assert_eq!(
            Nip::parse_pns("1993081220201220a1"),
            Err(NipError::NotDigits('a'))
        );
    }

    #[test]
    fn rejects_impossible_birth_dates() {
        for bad in [
            "199302302020122021",
            "199313012020122021",
            "189901012020122021",
        ] {
            assert!(
                matches!(Nip::parse_pns(bad), Err(NipError::ImpossibleBirthDate(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn rejects_impossible_tmt_months() {
        assert_eq!(
            Nip::parse_pns("199308122020132021"),
            Err(NipError::ImpossibleTmt("202013".into()))
        );
        assert_eq!(
            Nip::parse_pns("199308122020002021"),
            Err(NipError::ImpossibleTmt("202000".into()))
        );
    }

    #[test]
    fn rejects_appointment_before_eighteen() {
        // Born August 1993: August 2011 is the first possible TMT month.
        assert!(matches!(
            Nip::parse_pns("199308122011072021"),
            Err(NipError::AppointedUnder18 { .. })
        ));
        // The 1st of August 2011 is still before the 12 August birthday.
        assert!(matches!(
            Nip::parse_pns("199308122011082021"),
            Err(NipError::AppointedUnder18 { .. })
        ));
        assert!(Nip::parse_pns("199308122011092021").is_ok());
        assert!(Nip::parse_pns("199308012011082021").is_ok());
    }

    #[test]
    fn rejects_a_gender_digit_other_than_one_or_two() {
        assert_eq!(
            Nip::parse_pns("199308122020123021"),
            Err(NipError::BadGenderDigit('3'))
        );
        assert_eq!(
            Nip::parse_pns("199308122020120021"),
            Err(NipError::BadGenderDigit('0'))
        );
    }

    #[test]
    fn pppk_numbers_skip_the_appointment_segment() {
        // "21" in the month position would be an impossible TMT for a PNS.
        let ni = Nip::parse_pppk("19950607 202521 1 097").expect("valid NI PPPK");
        assert_eq!(ni.tmt_cpns(), None);
        assert_eq!(ni.tanggal_lahir(), date!(1995 - 06 - 07));
        assert_eq!(ni.jenis_kelamin(), JenisKelamin::LakiLaki);
        assert!(Nip::parse_pns("19950607 202521 1 097").is_err());
        assert!(matches!(
            Nip::parse_pppk("199502302025211097"),
            Err(NipError::ImpossibleBirthDate(_))
        ));
        assert_eq!(
            Nip::parse_pppk("199506072025215097"),
            Err(NipError::BadGenderDigit('5'))
        );
    }

    #[test]
    fn every_error_has_an_indonesian_message() {
        let errors = [
            Nip::parse_pns("123"),
            Nip::parse_pns("12345678901234567x"),
            Nip::parse_pns("199302302020122021"),
            Nip::parse_pns("199308122020132021"),
            Nip::parse_pns("199308122011072021"),
            Nip::parse_pns("199308122020123021"),
        ];
        for result in errors {
            let error = result.expect_err("invalid");
            assert!(!error.pesan().is_empty());
            assert_ne!(error.pesan(), error.to_string());
        }
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (1940i32..2005, 1u8..=12, 1u8..=31).prop_filter_map("real date", |(y, m, d)| {
            Date::from_calendar_date(y, Month::try_from(m).ok()?, d).ok()
        })
    }

    proptest! {
        #[test]
        fn composed_pns_numbers_round_trip(
            born in any_date(),
            years_after in 18i32..40,
            month in 1u8..=12,
            female in any::<bool>(),
            serial in 1u16..1000,
        ) {
            let tahun = born.year() + years_after + 1;
            let bulan = Month::try_from(month).expect("1..=12");
            let jk = if female { JenisKelamin::Perempuan } else { JenisKelamin::LakiLaki };
            let nip = Nip::compose_pns(born, TmtCpns { tahun, bulan }, jk, serial).expect("valid");
            prop_assert_eq!(nip.tanggal_lahir(), born);
            prop_assert_eq!(nip.jenis_kelamin(), jk);
            prop_assert_eq!(nip.tmt_cpns(), Some(TmtCpns { tahun, bulan }));
            prop_assert_eq!(nip.nomor_urut(), serial);
            // Display groups with spaces; parsing that gives the same NIP back.
            let again = Nip::parse_pns(&nip.to_string()).expect("display parses");
            prop_assert_eq!(&again, &nip);
            prop_assert_eq!(Nip::parse_pns(nip.as_str()).expect("digits parse"), nip);
        }

        #[test]
        fn anything_that_parses_is_eighteen_digits_and_displays_back(s in "[0-9 ]{0,24}") {
            if let Ok(nip) = Nip::parse_pns(&s) {
                prop_assert_eq!(nip.as_str().len(), 18);
                prop_assert_eq!(Nip::parse_pns(&nip.to_string()), Ok(nip));
            }
        }

        #[test]
        fn a_changed_length_is_always_a_length_error(s in "[0-9]{1,17}|[0-9]{19,30}") {
            prop_assert_eq!(Nip::parse_pns(&s), Err(NipError::WrongLength(s.len())));
        }
    }
}
