//! `kompeten-bench-national`: generate the national data set, or compute
//! JPM and the heatmap over it with the engine (or the slow reference), and
//! print timings as one JSON line. Orchestrated by `bench/national/run.sh`.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use kompeten_bench_national::data::{self, Dataset};
use kompeten_bench_national::{bangkit, puncak_rss, referensi, tulis_hasil};
use std::path::PathBuf;
use std::time::Instant;

#[derive(Parser)]
#[command(about = "National-scale benchmark of the kompeten engine (issue 3)")]
struct Cli {
    #[command(subcommand)]
    perintah: Perintah,
}

#[derive(Subcommand)]
enum Perintah {
    /// Generate the data set as headerless CSV files into DIR.
    Generate {
        /// 1.0 = 4.3 million employees in 500 instansi.
        #[arg(long, default_value_t = 1.0)]
        scale: f64,
        #[arg(long, default_value_t = 20_261_127)]
        seed: u64,
        /// Order of penilaian.csv: `date` (as recorded) or `employee`
        /// (grouped by employee and competency, newest first).
        #[arg(long, default_value = "date", value_parser = ["date", "employee"])]
        order: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Compute JPM and the heatmap with the engine; write jpm.csv and
    /// heatmap.csv into OUT.
    Engine {
        #[arg(long)]
        data: PathBuf,
        #[arg(long)]
        out: PathBuf,
        /// Threads the engine may use (its `utas`); results do not depend on it.
        #[arg(long, default_value_t = 2)]
        threads: usize,
    },
    /// The same with the slow reference implementation (small scales only).
    Reference {
        #[arg(long)]
        data: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
}

fn main() -> Result<()> {
    match Cli::parse().perintah {
        Perintah::Generate {
            scale,
            seed,
            order,
            out,
        } => {
            let t = Instant::now();
            let d = bangkit::bangkitkan(bangkit::Parameter {
                skala: scale,
                seed,
                urut_pegawai: order == "employee",
            })?;
            let t_gen = t.elapsed().as_secs_f64();
            std::fs::create_dir_all(&out).with_context(|| format!("creating {}", out.display()))?;
            let t = Instant::now();
            data::tulis(&d, &out)?;
            println!(
                "{{\"instansi\":{},\"unit\":{},\"jabatan\":{},\"standar\":{},\"pegawai\":{},\"penilaian\":{},\"hari_ini\":{},\"generate_s\":{:.3},\"write_s\":{:.3}}}",
                d.unit.iter().map(|u| u.instansi).max().unwrap_or(0),
                d.unit.len(),
                d.jabatan.len(),
                d.standar.len(),
                d.pegawai.len(),
                d.penilaian.len(),
                d.hari_ini,
                t_gen,
                t.elapsed().as_secs_f64()
            );
        }
        Perintah::Engine { data, out, threads } => jalankan_mesin(&data, &out, threads)?,
        Perintah::Reference { data, out } => {
            let t = Instant::now();
            let mut d = Dataset::default();
            data::baca_master(&data, &mut d)?;
            data::baca_penilaian(&data, |n| {
                d.penilaian.push(n);
                Ok(())
            })?;
            let t_load = t.elapsed().as_secs_f64();
            let t = Instant::now();
            let h = referensi::hitung(&d);
            let t_hitung = t.elapsed().as_secs_f64();
            std::fs::create_dir_all(&out)?;
            tulis_hasil(
                &out,
                h.jpm,
                h.heatmap.into_iter().map(|((u, k), s)| (u, k, s)),
            )?;
            println!(
                "{{\"load_s\":{t_load:.3},\"compute_s\":{t_hitung:.3},\"peak_rss_bytes\":{}}}",
                puncak_rss().unwrap_or(0)
            );
        }
    }
    Ok(())
}

/// Loads the CSV files (timed as load), builds the engine's data from the
/// parsed rows (build), computes JPM and the heatmap, writes the results.
fn jalankan_mesin(dir: &std::path::Path, out: &std::path::Path, utas: usize) -> Result<()> {
    use kompeten_bench_national::data::Penilaian;
    use kompeten_bench_national::mesin;
    const POTONGAN: usize = 1 << 20;

    let t = Instant::now();
    let mut master = Dataset::default();
    data::baca_master(dir, &mut master)?;
    // Parsed rows in chunks, each freed once handed to the builder, so the
    // parse buffer and the engine's columns do not both peak at full size.
    let mut potongan: Vec<Vec<Penilaian>> = Vec::new();
    let mut kini: Vec<Penilaian> = Vec::with_capacity(POTONGAN);
    data::baca_penilaian(dir, |n| {
        kini.push(n);
        if kini.len() == POTONGAN {
            potongan.push(std::mem::replace(&mut kini, Vec::with_capacity(POTONGAN)));
        }
        Ok(())
    })?;
    potongan.push(kini);
    let t_load = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let total: usize = potongan.iter().map(Vec::len).sum();
    let mut pemuat = mesin::Pemuat::baru(&master, utas, total)?;
    for bagian in potongan {
        for n in &bagian {
            pemuat.tambah(n)?;
        }
    }
    let data = pemuat.selesai()?;
    let t_build = t.elapsed().as_secs_f64();
    let hari_ini = mesin::tanggal(master.hari_ini)?;
    drop(master);

    let t = Instant::now();
    let jpm = mesin::jpm(&data, hari_ini)?;
    let t_jpm = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let peta = mesin::heatmap(&data, hari_ini)?;
    let t_heatmap = t.elapsed().as_secs_f64();
    let puncak = puncak_rss().unwrap_or(0);

    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    tulis_hasil(
        out,
        mesin::baris_jpm(&data, &jpm)?,
        mesin::baris_sel(&data, &peta)?,
    )?;
    let q = data.kualitas();
    println!(
        "{{\"threads\":{utas},\"penilaian\":{total},\"load_s\":{t_load:.3},\"build_s\":{t_build:.3},\"jpm_s\":{t_jpm:.3},\"heatmap_s\":{t_heatmap:.3},\"peak_rss_bytes\":{puncak},\"jpm_rows\":{},\"with_jpm\":{},\"heatmap_cells\":{},\"jabatan_tanpa_standar\":{},\"pegawai_tanpa_jabatan\":{},\"penilaian_ganda\":{}}}",
        jpm.len(),
        jpm.iter().filter(|r| r.jpm.is_some()).count(),
        peta.sel.len(),
        q.jabatan_tanpa_standar.jumlah,
        q.pegawai_tanpa_jabatan.jumlah,
        q.penilaian_ganda.jumlah,
    );
    Ok(())
}
