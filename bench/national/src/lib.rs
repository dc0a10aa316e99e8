//! National-scale benchmark of issue 3: a deterministic data set of 4.3
//! million employees, and the engine's per-employee JPM and unit ×
//! competency heatmap over it, for comparison with DuckDB and PostgreSQL
//! (`bench/national/run.sh`).

pub mod acak;
pub mod bangkit;
pub mod data;
pub mod mesin;
pub mod referensi;

use anyhow::{Context, Result};
use std::io::Write;
use std::path::Path;

/// Peak resident set size of this process in bytes (Linux `VmHWM`).
pub fn puncak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// One row of `jpm.csv`: employee id and the exact JPM fraction, if any.
pub type BarisJpm = (u32, Option<(u64, u64)>);

/// One row of `heatmap.csv`: unit, competency and the cell's counts.
pub type BarisSel = (u32, u32, referensi::Sel);

/// Writes the results in the form all three systems export, for comparison.
pub fn tulis_hasil(
    dir: &Path,
    jpm: impl IntoIterator<Item = BarisJpm>,
    sel: impl IntoIterator<Item = BarisSel>,
) -> Result<()> {
    let path = dir.join("jpm.csv");
    let mut w = std::io::BufWriter::new(
        std::fs::File::create(&path).with_context(|| format!("creating {}", path.display()))?,
    );
    for (pegawai, j) in jpm {
        match j {
            Some((a, b)) => writeln!(w, "{pegawai},{a},{b}")?,
            None => writeln!(w, "{pegawai},,")?,
        }
    }
    w.flush()?;
    let path = dir.join("heatmap.csv");
    let mut w = std::io::BufWriter::new(
        std::fs::File::create(&path).with_context(|| format!("creating {}", path.display()))?,
    );
    for (unit, k, s) in sel {
        writeln!(
            w,
            "{unit},{k},{},{},{},{},{},{}",
            s.wajib, s.dinilai, s.memenuhi, s.jumlah_gap, s.kedaluwarsa, s.belum_dinilai
        )?;
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Exact equality of JPM fractions (the engine may scale them).
    fn sama(a: Option<(u64, u64)>, b: Option<(u64, u64)>) -> bool {
        match (a, b) {
            (None, None) => true,
            (Some((p, q)), Some((r, s))) => {
                u128::from(p) * u128::from(s) == u128::from(r) * u128::from(q)
            }
            _ => false,
        }
    }

    #[test]
    fn the_engine_agrees_with_the_reference_on_generated_data() {
        let d = bangkit::bangkitkan(bangkit::Parameter {
            skala: 0.002,
            seed: 5,
            urut_pegawai: false,
        })
        .expect("generates");
        let oracle = referensi::hitung(&d);
        for utas in [1, 2] {
            let data = mesin::bangun(&d, utas).expect("builds");
            let hari_ini = mesin::tanggal(d.hari_ini).expect("date");
            let jpm = mesin::jpm(&data, hari_ini).expect("jpm");
            let jpm = mesin::baris_jpm(&data, &jpm).expect("ids");
            assert_eq!(jpm.len(), oracle.jpm.len());
            let mut tanpa = 0;
            for (pegawai, got) in &jpm {
                let want = oracle.jpm.get(pegawai).copied().flatten();
                assert!(sama(*got, want), "employee {pegawai}: {got:?} vs {want:?}");
                tanpa += usize::from(want.is_none());
            }
            // The data has both: employees with and without a JPM.
            assert!(tanpa > 0 && tanpa < jpm.len() / 4, "{tanpa}");
            let peta = mesin::heatmap(&data, hari_ini).expect("heatmap");
            let sel = mesin::baris_sel(&data, &peta).expect("ids");
            assert_eq!(sel.len(), oracle.heatmap.len());
            for (unit, k, s) in &sel {
                assert_eq!(
                    Some(s),
                    oracle.heatmap.get(&(*unit, *k)),
                    "cell {unit} x {k}"
                );
            }
            let kedaluwarsa: u64 = sel.iter().map(|(_, _, s)| s.kedaluwarsa).sum();
            let belum: u64 = sel.iter().map(|(_, _, s)| s.belum_dinilai).sum();
            assert!(kedaluwarsa > 0 && belum > 0);
        }
    }

    #[test]
    fn csv_round_trip_keeps_the_data_set() {
        let d = bangkit::bangkitkan(bangkit::Parameter {
            skala: 0.0005,
            seed: 9,
            urut_pegawai: true,
        })
        .expect("generates");
        let dir = tempfile_dir();
        data::tulis(&d, &dir).expect("writes");
        let mut back = data::Dataset::default();
        data::baca_master(&dir, &mut back).expect("reads");
        data::baca_penilaian(&dir, |n| {
            back.penilaian.push(n);
            Ok(())
        })
        .expect("reads");
        std::fs::remove_dir_all(&dir).expect("cleans up");
        assert_eq!(back, d);
    }

    #[test]
    fn rows_naming_unknown_ids_or_malformed_lines_are_clear_errors() {
        let d = bangkit::bangkitkan(bangkit::Parameter {
            skala: 0.0002,
            seed: 3,
            urut_pegawai: false,
        })
        .expect("generates");
        let mut m = mesin::Pemuat::baru(&d, 1, 0).expect("master data loads");
        let bad = data::Penilaian {
            pegawai: 9_999_999,
            ..d.penilaian[0]
        };
        let err = m.tambah(&bad).expect_err("unknown employee");
        assert!(
            err.to_string().contains("unknown employee id 9999999"),
            "{err}"
        );

        let dir = tempfile_dir();
        let path = dir.join("x.csv");
        std::fs::write(&path, "1,2,3\n4,5\n").expect("writes");
        let err = data::baca::<3>(&path, |_| Ok(())).expect_err("short line");
        assert!(
            format!("{err:#}").contains("x.csv:2: 2 fields, expected 3"),
            "{err:#}"
        );
        std::fs::write(&path, "1,2,x\n").expect("writes");
        let err = data::baca::<3>(&path, |_| Ok(())).expect_err("not a number");
        assert!(format!("{err:#}").contains("not an integer"), "{err:#}");
        std::fs::remove_dir_all(&dir).expect("cleans up");
    }

    fn tempfile_dir() -> std::path::PathBuf {
        // One directory per call: tests run in parallel in one process.
        static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let dir = std::env::temp_dir().join(format!(
            "kompeten-bench-national-test-{}-{}",
            std::process::id(),
            N.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).expect("creates");
        dir
    }
}
