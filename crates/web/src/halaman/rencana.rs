//! `/rencana`: a simulation of the year's development plan for a budget:
//! the optimiser's problem built from the instansi's records (valid gaps and
//! the active catalog, `kompeten_io::rencana`), solved, and shown with its
//! value, a proven upper bound, the cost per program and who takes what;
//! `/rencana/unduh` is the same plan per employee as XLSX or CSV.
//!
//! Nothing is stored: the workflow of a plan (draft, review, approval,
//! locked versions) is still to come. The plan covers the whole instansi, so
//! only BKPSDM administrators and auditors see it.

use super::{Layout, boleh_audit, render};
use crate::AppState;
use crate::error::{AppError, PageError};
use crate::params::Params;
use crate::sesi::Sesi;
use crate::unduh::{self, Format};
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use kompeten_domain::format::{ribuan, tanggal};
use kompeten_engine::rencana::{Answer, Options, solve};
use kompeten_io::rencana::masalah_instansi;
use kompeten_io::tabel::{Kolom, Sel, Tabel};
use kompeten_store::{Lingkup, PegawaiRow, ProgramQuery};
use std::collections::{HashMap, HashSet};

/// The largest budget accepted (Rp 1 quadrillion, the format's own limit).
const MAKS_ANGGARAN: i64 = 1_000_000_000_000_000;
/// Rows of the per-employee table on the page; the download has them all.
const BARIS_HALAMAN: usize = 200;

fn wajib_boleh(sesi: &Sesi) -> Result<(), AppError> {
    if boleh_audit(sesi.role()) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// "Rp 750.000.000", "750000000" or "750.000.000" → 750000000.
fn urai_anggaran(teks: &str) -> Result<i64, String> {
    let t = teks.trim();
    let t = t.strip_prefix("Rp").unwrap_or(t);
    let digits: String = t
        .chars()
        .filter(|c| !matches!(c, '.' | ' ' | '_'))
        .collect();
    match digits.parse::<i64>() {
        Ok(v) if (0..=MAKS_ANGGARAN).contains(&v) => Ok(v),
        _ => Err("Anggaran harus bilangan bulat rupiah, misalnya 750.000.000.".to_owned()),
    }
}

/// A solved plan with what the page and the download show beside it.
struct Hasil {
    anggaran: i64,
    jawaban: Answer,
    pegawai: HashMap<String, PegawaiRow>,
    judul_program: HashMap<String, String>,
}

async fn simulasi(state: &AppState, sesi: &Sesi, anggaran: i64) -> Result<Hasil, AppError> {
    let store = state.store();
    let i = sesi.instansi_id();
    let hari_ini = state.hari_ini();
    let masalah = masalah_instansi(store, i, hari_ini.year(), hari_ini, anggaran)
        .await
        .map_err(|e| AppError::internal(&e))?
        .problem;
    let model = masalah
        .validate()
        .map_err(|e| AppError::Internal(format!("plan problem from the records: {e}")))?;
    // Seconds of CPU for a province: keep it off the async workers.
    let jawaban = tokio::task::spawn_blocking(move || {
        let solusi = solve(&model, &Options::default());
        Answer::new(&model, &solusi)
    })
    .await
    .map_err(|e| AppError::Internal(format!("solving the plan: {e}")))?;
    let pegawai = kompeten_io::laporan::semua_pegawai(store, i, Lingkup::Instansi)
        .await?
        .into_iter()
        .map(|p| (p.nip.as_str().to_owned(), p))
        .collect();
    let judul_program = store
        .list_program(i, &ProgramQuery::default())
        .await?
        .into_iter()
        .map(|p| (p.kode, p.judul))
        .collect();
    Ok(Hasil {
        anggaran,
        jawaban,
        pegawai,
        judul_program,
    })
}

fn rupiah(v: u64) -> String {
    format!("Rp{}", ribuan(v))
}

/// One decimal with a comma and thousands dots: "4.903,5".
fn desimal(x: f64) -> String {
    let persepuluh = (x * 10.0).round().max(0.0) as u64;
    format!("{},{}", ribuan(persepuluh / 10), persepuluh % 10)
}

struct KartuRencana {
    label: &'static str,
    nilai: String,
    rincian: String,
}

struct BarisProgram {
    kode: String,
    judul: String,
    peserta: String,
    angkatan: String,
    biaya: String,
}

struct BarisPenugasan {
    nip: String,
    nama: String,
    unit: String,
    program: String,
    menutup: String,
    nilai: String,
    biaya: String,
}

#[derive(Template)]
#[template(path = "rencana.html")]
struct RencanaTpl {
    layout: Layout,
    anggaran: String,
    galat: Option<String>,
    ada_hasil: bool,
    kartu: Vec<KartuRencana>,
    program: Vec<BarisProgram>,
    penugasan: Vec<BarisPenugasan>,
    penugasan_total: usize,
    unduh: String,
}

fn kosong(sesi: &Sesi, anggaran: String, galat: Option<String>) -> RencanaTpl {
    RencanaTpl {
        layout: Layout::untuk(sesi, "Simulasi Rencana", "rencana"),
        anggaran,
        galat,
        ada_hasil: false,
        kartu: Vec::new(),
        program: Vec::new(),
        penugasan: Vec::new(),
        penugasan_total: 0,
        unduh: String::new(),
    }
}

fn nama_pegawai(h: &Hasil, nip: &str) -> (String, String) {
    h.pegawai.get(nip).map_or_else(
        || (nip.to_owned(), String::new()),
        |p| {
            (
                p.nama_lengkap.clone(),
                format!("{} › {}", p.opd_nama, p.unit_nama),
            )
        },
    )
}

fn menutup(a: &kompeten_engine::rencana::Assignment) -> String {
    let mut bagian: Vec<String> = a
        .closes
        .iter()
        .map(|c| format!("{} +{}", c.competency, c.levels))
        .collect();
    if a.jp_counted > 0 {
        bagian.push(format!("{} JP", a.jp_counted));
    }
    bagian.join(", ")
}

pub(crate) async fn halaman(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Response, PageError> {
    wajib_boleh(&sesi)?;
    let Some(teks) = params.get("anggaran") else {
        return render(&kosong(&sesi, String::new(), None));
    };
    let anggaran = match urai_anggaran(teks) {
        Ok(a) => a,
        Err(m) => {
            let tpl = kosong(&sesi, teks.to_owned(), Some(m));
            return super::render_status(&tpl, axum::http::StatusCode::BAD_REQUEST);
        }
    };
    let h = simulasi(&state, &sesi, anggaran).await?;
    let j = &h.jawaban;
    let peserta: HashSet<&str> = j.assignments.iter().map(|a| a.employee.as_str()).collect();
    let kartu = vec![
        KartuRencana {
            label: "Nilai rencana",
            nilai: desimal(j.value),
            rincian: "level kesenjangan tertutup (berbobot) ditambah nilai JP".to_owned(),
        },
        KartuRencana {
            label: "Batas atas terbukti",
            nilai: desimal(j.bound),
            rincian: format!(
                "tidak ada rencana yang bernilai lebih; selisih {}%",
                desimal(j.gap_pct)
            ),
        },
        KartuRencana {
            label: "Biaya",
            nilai: rupiah(j.cost),
            rincian: format!(
                "dari anggaran {}; sisa {}",
                rupiah(j.budget),
                rupiah(j.budget.saturating_sub(j.cost))
            ),
        },
        KartuRencana {
            label: "Peserta",
            nilai: ribuan(peserta.len() as u64),
            rincian: format!(
                "{} penugasan di {} program",
                ribuan(j.assignments.len() as u64),
                ribuan(j.batches.len() as u64)
            ),
        },
    ];
    let program = j
        .batches
        .iter()
        .map(|b| BarisProgram {
            judul: h.judul_program.get(&b.program).cloned().unwrap_or_default(),
            kode: b.program.clone(),
            peserta: ribuan(b.participants),
            angkatan: ribuan(b.batches),
            biaya: rupiah(b.cost),
        })
        .collect();
    let penugasan = j
        .assignments
        .iter()
        .take(BARIS_HALAMAN)
        .map(|a| {
            let (nama, unit) = nama_pegawai(&h, &a.employee);
            BarisPenugasan {
                nip: a.employee.clone(),
                nama,
                unit,
                program: h
                    .judul_program
                    .get(&a.program)
                    .map_or_else(|| a.program.clone(), |t| format!("{} {t}", a.program)),
                menutup: menutup(a),
                nilai: format!("{:.2}", a.value).replace('.', ","),
                biaya: rupiah(a.cost.round() as u64),
            }
        })
        .collect();
    render(&RencanaTpl {
        layout: Layout::untuk(&sesi, "Simulasi Rencana", "rencana"),
        anggaran: ribuan(h.anggaran as u64),
        galat: None,
        ada_hasil: true,
        kartu,
        program,
        penugasan,
        penugasan_total: j.assignments.len(),
        unduh: h.anggaran.to_string(),
    })
}

/// `/rencana/unduh?anggaran=…&format=xlsx|csv`: every assignment.
pub(crate) async fn unduh(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Response, PageError> {
    wajib_boleh(&sesi)?;
    let format = Format::dari(&params)?;
    let anggaran =
        urai_anggaran(params.get("anggaran").unwrap_or("")).map_err(AppError::BadRequest)?;
    let h = simulasi(&state, &sesi, anggaran).await?;
    let j = &h.jawaban;
    let mut tabel = Tabel::new(
        "Simulasi rencana pengembangan kompetensi",
        vec![
            Kolom::dengan_lebar("NIP", 21.0),
            Kolom::dengan_lebar("Nama", 32.0),
            Kolom::dengan_lebar("Unit kerja", 40.0),
            Kolom::new("Kode program"),
            Kolom::dengan_lebar("Program", 40.0),
            Kolom::dengan_lebar("Menutup", 30.0),
            Kolom::new("JP dihitung"),
            Kolom::new("Nilai"),
            Kolom::new("Biaya (Rp)"),
        ],
    );
    tabel.catatan = vec![
        format!("Instansi: {}", sesi.instansi.nama),
        format!("Tanggal: {}", tanggal(state.hari_ini())),
        format!("Anggaran: {}; biaya: {}", rupiah(j.budget), rupiah(j.cost)),
        format!(
            "Nilai {}; batas atas terbukti {}; selisih {}%",
            desimal(j.value),
            desimal(j.bound),
            desimal(j.gap_pct)
        ),
    ];
    for a in &j.assignments {
        let (nama, unit) = nama_pegawai(&h, &a.employee);
        tabel.baris.push(vec![
            Sel::teks(a.employee.as_str()),
            Sel::teks(nama),
            Sel::teks(unit),
            Sel::teks(a.program.as_str()),
            Sel::teks(h.judul_program.get(&a.program).cloned().unwrap_or_default()),
            Sel::teks(menutup(a)),
            Sel::Bulat(i64::try_from(a.jp_counted).unwrap_or(i64::MAX)),
            Sel::desimal(a.value, 2),
            Sel::Bulat(a.cost.round() as i64),
        ]);
    }
    Ok(unduh::respons(
        &tabel,
        format,
        "simulasi-rencana",
        state.hari_ini(),
    )?)
}

#[cfg(test)]
mod tests {
    use super::urai_anggaran;

    #[test]
    fn budgets_are_read_as_users_write_them() {
        assert_eq!(urai_anggaran("750000000"), Ok(750_000_000));
        assert_eq!(urai_anggaran("Rp 750.000.000"), Ok(750_000_000));
        assert_eq!(urai_anggaran(" 1.000 "), Ok(1_000));
        assert!(urai_anggaran("-5").is_err());
        assert!(urai_anggaran("tujuh").is_err());
        assert!(urai_anggaran("").is_err());
    }

    #[test]
    fn values_read_the_indonesian_way() {
        assert_eq!(super::desimal(4903.04), "4.903,0");
        assert_eq!(super::desimal(12.45), "12,5");
        assert_eq!(super::desimal(0.0), "0,0");
    }
}
