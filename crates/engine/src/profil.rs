//! An employee's current level per competency: the latest valid assessment.
//!
//! Rule (Peraturan BKN 26/2019 Pasal 29(4); regulations.md §2.6): a result
//! counts until its `berlaku_sampai`. The current level is the most recent
//! result that still counts. When every result has expired the competency is
//! shown as expired and does not count; with no result it is "not assessed",
//! which is never the same as level 0 nor as meeting a standard.

use kompeten_domain::{Level, MetodePenilaian};
use serde::Serialize;
use std::collections::BTreeMap;
use time::Date;

/// One assessment result, as the engine needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hasil {
    /// Identifies the record; breaks ties between results of the same day.
    pub id: i64,
    pub kompetensi: i64,
    pub level: Level,
    pub metode: MetodePenilaian,
    pub tanggal: Date,
    pub berlaku_sampai: Date,
}

/// Where an employee stands in one competency on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum LevelSaatIni {
    /// The latest result that still counts.
    Berlaku {
        level: Level,
        tanggal: Date,
        berlaku_sampai: Date,
        penilaian: i64,
    },
    /// Only expired results exist; the latest of them, shown but not counted.
    Kedaluwarsa {
        level: Level,
        tanggal: Date,
        berlaku_sampai: Date,
        penilaian: i64,
    },
    /// No result at all.
    BelumDinilai,
}

impl LevelSaatIni {
    /// The level that counts, if any.
    pub fn level_berlaku(self) -> Option<Level> {
        match self {
            LevelSaatIni::Berlaku { level, .. } => Some(level),
            _ => None,
        }
    }
}

/// Newest first: later date, then higher id (recorded later).
fn newer(a: &Hasil, b: &Hasil) -> bool {
    (a.tanggal, a.id) > (b.tanggal, b.id)
}

/// The current level of one competency from all of its results.
pub fn level_saat_ini<'a>(
    hasil: impl IntoIterator<Item = &'a Hasil>,
    hari_ini: Date,
) -> LevelSaatIni {
    let mut latest_valid: Option<&Hasil> = None;
    let mut latest_any: Option<&Hasil> = None;
    for h in hasil {
        if latest_any.is_none_or(|best| newer(h, best)) {
            latest_any = Some(h);
        }
        if h.berlaku_sampai >= hari_ini && latest_valid.is_none_or(|best| newer(h, best)) {
            latest_valid = Some(h);
        }
    }
    match (latest_valid, latest_any) {
        (Some(h), _) => LevelSaatIni::Berlaku {
            level: h.level,
            tanggal: h.tanggal,
            berlaku_sampai: h.berlaku_sampai,
            penilaian: h.id,
        },
        (None, Some(h)) => LevelSaatIni::Kedaluwarsa {
            level: h.level,
            tanggal: h.tanggal,
            berlaku_sampai: h.berlaku_sampai,
            penilaian: h.id,
        },
        (None, None) => LevelSaatIni::BelumDinilai,
    }
}

/// The current level of every competency that has at least one result.
pub fn profil(hasil: &[Hasil], hari_ini: Date) -> BTreeMap<i64, LevelSaatIni> {
    let mut per_kompetensi: BTreeMap<i64, Vec<&Hasil>> = BTreeMap::new();
    for h in hasil {
        per_kompetensi.entry(h.kompetensi).or_default().push(h);
    }
    per_kompetensi
        .into_iter()
        .map(|(k, list)| (k, level_saat_ini(list, hari_ini)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    fn hasil(id: i64, level: u8, tanggal: Date, berlaku_sampai: Date) -> Hasil {
        Hasil {
            id,
            kompetensi: 7,
            level: Level::try_from(level).expect("1..=5"),
            metode: MetodePenilaian::AssessmentCenter,
            tanggal,
            berlaku_sampai,
        }
    }

    #[test]
    fn the_latest_valid_result_counts_even_if_lower() {
        let list = [
            hasil(1, 4, date!(2024 - 01 - 10), date!(2027 - 01 - 09)),
            hasil(2, 2, date!(2025 - 06 - 01), date!(2028 - 05 - 31)),
        ];
        assert_eq!(
            level_saat_ini(&list, date!(2026 - 11 - 27)).level_berlaku(),
            Some(Level::try_from(2).expect("level"))
        );
    }

    #[test]
    fn a_newer_expired_result_does_not_hide_an_older_valid_one() {
        // A short-lived result (e.g. a self-assessment valid one year) expired;
        // the assessment-center result from before it still counts.
        let list = [
            hasil(1, 3, date!(2024 - 03 - 01), date!(2027 - 02 - 28)),
            hasil(2, 4, date!(2025 - 01 - 01), date!(2025 - 12 - 31)),
        ];
        assert!(matches!(
            level_saat_ini(&list, date!(2026 - 11 - 27)),
            LevelSaatIni::Berlaku { penilaian: 1, .. }
        ));
    }

    #[test]
    fn only_expired_results_are_shown_as_expired() {
        let list = [
            hasil(1, 3, date!(2020 - 03 - 01), date!(2023 - 02 - 28)),
            hasil(2, 2, date!(2021 - 03 - 01), date!(2024 - 02 - 29)),
        ];
        let now = level_saat_ini(&list, date!(2026 - 11 - 27));
        assert!(matches!(
            now,
            LevelSaatIni::Kedaluwarsa { penilaian: 2, .. }
        ));
        assert_eq!(now.level_berlaku(), None);
    }

    #[test]
    fn no_result_is_not_assessed() {
        assert_eq!(
            level_saat_ini(&[], date!(2026 - 11 - 27)),
            LevelSaatIni::BelumDinilai
        );
    }

    #[test]
    fn the_last_valid_day_still_counts() {
        let list = [hasil(1, 3, date!(2023 - 11 - 28), date!(2026 - 11 - 27))];
        assert!(
            level_saat_ini(&list, date!(2026 - 11 - 27))
                .level_berlaku()
                .is_some()
        );
        assert!(
            level_saat_ini(&list, date!(2026 - 11 - 28))
                .level_berlaku()
                .is_none()
        );
    }

    #[test]
    fn same_day_results_resolve_to_the_one_recorded_last() {
        let day = date!(2026 - 01 - 05);
        let list = [
            hasil(9, 2, day, date!(2029 - 01 - 04)),
            hasil(4, 5, day, date!(2029 - 01 - 04)),
        ];
        assert!(matches!(
            level_saat_ini(&list, day),
            LevelSaatIni::Berlaku { penilaian: 9, .. }
        ));
    }

    fn any_hasil() -> impl Strategy<Value = Hasil> {
        (0i64..1000, 1i64..4, 1u8..=5, 0i64..3000, 0i64..1500).prop_map(
            |(id, kompetensi, level, start, span)| {
                let base = date!(2018 - 01 - 01);
                let tanggal = base + time::Duration::days(start);
                Hasil {
                    id,
                    kompetensi,
                    level: Level::try_from(level).expect("1..=5"),
                    metode: MetodePenilaian::Cact,
                    tanggal,
                    berlaku_sampai: tanggal + time::Duration::days(span),
                }
            },
        )
    }

    proptest! {
        /// Against a direct reading of the rule: filter, sort, take the first.
        #[test]
        fn agrees_with_a_sort_based_reference(list in prop::collection::vec(any_hasil(), 0..20), day in 0i64..4000) {
            let hari_ini = date!(2018 - 01 - 01) + time::Duration::days(day);
            let got = profil(&list, hari_ini);
            for k in 1i64..4 {
                let mut mine: Vec<&Hasil> = list.iter().filter(|h| h.kompetensi == k).collect();
                mine.sort_by_key(|h| std::cmp::Reverse((h.tanggal, h.id)));
                let expected = match (mine.iter().find(|h| h.berlaku_sampai >= hari_ini), mine.first()) {
                    (Some(h), _) => Some((true, h.id)),
                    (None, Some(h)) => Some((false, h.id)),
                    (None, None) => None,
                };
                let actual = got.get(&k).map(|l| match l {
                    LevelSaatIni::Berlaku { penilaian, .. } => (true, *penilaian),
                    LevelSaatIni::Kedaluwarsa { penilaian, .. } => (false, *penilaian),
                    LevelSaatIni::BelumDinilai => (false, -1),
                });
                prop_assert_eq!(actual, expected);
            }
        }
    }
}
