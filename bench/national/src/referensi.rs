//! A direct reading of the rules, used as the oracle in tests and to check
//! the SQL queries on small data: slow on purpose, no shared code with the
//! engine.

use crate::data::Dataset;
use std::collections::{BTreeMap, HashMap};

/// One employee's JPM as an exact fraction: `100 × pembilang / penyebut`.
pub type Pecahan = (u64, u64);

/// One cell of the unit × competency heatmap.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sel {
    /// Employees of the unit whose position's standard has the competency.
    pub wajib: u64,
    /// Of those, with a valid result.
    pub dinilai: u64,
    /// With a valid result at or above the required level.
    pub memenuhi: u64,
    /// Sum of `required − current` over the assessed below the standard.
    pub jumlah_gap: u64,
    /// With results that have all expired.
    pub kedaluwarsa: u64,
    /// With no result at all.
    pub belum_dinilai: u64,
}

pub struct Hasil {
    pub jpm: BTreeMap<u32, Option<Pecahan>>,
    pub heatmap: BTreeMap<(u32, u32), Sel>,
}

/// The newest valid result so far: (date, id, level).
type Terbaik = Option<(i32, u32, u8)>;

/// Per (employee, competency) with any result: the valid level that
/// counts, if any (`None`: every result expired).
fn saat_ini(data: &Dataset) -> HashMap<(u32, u32), Option<u8>> {
    let mut terbaik: HashMap<(u32, u32), Terbaik> = HashMap::new();
    for n in &data.penilaian {
        let slot = terbaik.entry((n.pegawai, n.kompetensi)).or_insert(None);
        if n.berlaku_sampai >= data.hari_ini {
            let kandidat = (n.tanggal, n.id, n.level);
            if slot.is_none_or(|(t, id, _)| (n.tanggal, n.id) > (t, id)) {
                *slot = Some(kandidat);
            }
        }
    }
    terbaik
        .into_iter()
        .map(|(k, v)| (k, v.map(|(_, _, l)| l)))
        .collect()
}

pub fn hitung(data: &Dataset) -> Hasil {
    let mut standar: HashMap<u32, Vec<(u32, u8, u8)>> = HashMap::new();
    for s in &data.standar {
        standar
            .entry(s.jabatan)
            .or_default()
            .push((s.kompetensi, s.level, s.bobot));
    }
    let kini = saat_ini(data);
    let mut jpm = BTreeMap::new();
    let mut heatmap: BTreeMap<(u32, u32), Sel> = BTreeMap::new();
    for p in &data.pegawai {
        let items = p
            .jabatan
            .and_then(|j| standar.get(&j))
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let (mut pembilang, mut penyebut) = (0u64, 0u64);
        for &(k, wajib, bobot) in items {
            let sel = heatmap.entry((p.unit, k)).or_default();
            sel.wajib += 1;
            match kini.get(&(p.id, k)) {
                Some(Some(level)) => {
                    sel.dinilai += 1;
                    if *level >= wajib {
                        sel.memenuhi += 1;
                    } else {
                        sel.jumlah_gap += u64::from(wajib - level);
                    }
                    pembilang += u64::from((*level).min(wajib)) * u64::from(bobot);
                    penyebut += u64::from(wajib) * u64::from(bobot);
                }
                Some(None) => sel.kedaluwarsa += 1,
                None => sel.belum_dinilai += 1,
            }
        }
        jpm.insert(p.id, (penyebut > 0).then_some((pembilang, penyebut)));
    }
    Hasil { jpm, heatmap }
}
