//! `/kualitas-data`: what is wrong with the records behind the gap
//! analytics (positions without a standard, employees without a position,
//! duplicate or out-of-range assessments, unknown competencies), how many
//! and which, with what to do about each; the same as a download and as
//! `GET /api/v1/kualitas-data`.
//!
//! The report is the engine's, made while building the instansi's data, so
//! it describes exactly what the percentages elsewhere left out. It covers
//! the whole instansi: only BKPSDM administrators and auditors see it.

use super::{Layout, boleh_audit, render};
use crate::AppState;
use crate::analitik;
use crate::error::{ApiError, AppError, ErrorBody, PageError};
use crate::params::Params;
use crate::sesi::Sesi;
use crate::unduh::{self, Format};
use askama::Template;
use axum::Json;
use axum::extract::State;
use axum::response::Response;
use kompeten_domain::format::ribuan;
use kompeten_engine::kesenjangan::{DaftarMasalah, LaporanKualitas};
use kompeten_io::tabel::{Kolom, Sel, Tabel};
use kompeten_store::{JabatanQuery, PegawaiId};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::{OpenApi, ToSchema};

/// Which records a problem's example ids name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Entitas {
    Jabatan,
    Pegawai,
    Penilaian,
}

struct Jenis {
    kode: &'static str,
    label: &'static str,
    saran: &'static str,
    entitas: Entitas,
    ambil: fn(&LaporanKualitas) -> &DaftarMasalah,
}

/// Every problem the report knows, in the order a fixer would take them.
const JENIS: [Jenis; 11] = [
    Jenis {
        kode: "jabatan_tanpa_standar",
        label: "Jabatan tanpa standar kompetensi",
        saran: "Isi standar kompetensi jabatan; sampai itu, pemegang jabatan tidak memiliki JPM.",
        entitas: Entitas::Jabatan,
        ambil: |q| &q.jabatan_tanpa_standar,
    },
    Jenis {
        kode: "standar_kompetensi_tidak_dikenal",
        label: "Standar menyebut kompetensi yang tidak ada di kamus",
        saran: "Perbaiki standar jabatan atau tambahkan kompetensinya ke kamus.",
        entitas: Entitas::Jabatan,
        ambil: |q| &q.standar_kompetensi_tidak_dikenal,
    },
    Jenis {
        kode: "standar_level_di_luar_rentang",
        label: "Standar meminta level di luar 1–5",
        saran: "Ubah level standar ke 1 sampai 5.",
        entitas: Entitas::Jabatan,
        ambil: |q| &q.standar_level_di_luar_rentang,
    },
    Jenis {
        kode: "standar_bobot_tidak_valid",
        label: "Standar dengan bobot tidak valid",
        saran: "Bobot setiap kompetensi harus bilangan bulat positif.",
        entitas: Entitas::Jabatan,
        ambil: |q| &q.standar_bobot_tidak_valid,
    },
    Jenis {
        kode: "standar_ganda_atau_terlalu_panjang",
        label: "Standar mencantumkan kompetensi ganda atau terlalu banyak",
        saran: "Setiap kompetensi cukup sekali dalam satu standar.",
        entitas: Entitas::Jabatan,
        ambil: |q| &q.standar_ganda_atau_terlalu_panjang,
    },
    Jenis {
        kode: "pegawai_tanpa_jabatan",
        label: "Pegawai tanpa jabatan",
        saran: "Tetapkan jabatan pegawai; tanpa jabatan tidak ada standar untuk dibandingkan.",
        entitas: Entitas::Pegawai,
        ambil: |q| &q.pegawai_tanpa_jabatan,
    },
    Jenis {
        kode: "pegawai_jabatan_tanpa_standar",
        label: "Pegawai yang jabatannya belum punya standar",
        saran: "Lengkapi standar jabatan mereka (lihat baris pertama).",
        entitas: Entitas::Pegawai,
        ambil: |q| &q.pegawai_jabatan_tanpa_standar,
    },
    Jenis {
        kode: "pegawai_standar_tidak_valid",
        label: "Pegawai yang standar jabatannya tidak valid",
        saran: "Perbaiki standar jabatan mereka; JPM tidak dihitung dari standar yang salah.",
        entitas: Entitas::Pegawai,
        ambil: |q| &q.pegawai_standar_tidak_valid,
    },
    Jenis {
        kode: "penilaian_ganda",
        label: "Hasil penilaian tercatat ganda",
        saran: "Sama pegawai, kompetensi, tanggal dan level; tidak mengubah hasil, tetapi sebaiknya dibersihkan.",
        entitas: Entitas::Penilaian,
        ambil: |q| &q.penilaian_ganda,
    },
    Jenis {
        kode: "penilaian_level_di_luar_rentang",
        label: "Hasil penilaian dengan level di luar 1–5",
        saran: "Tidak dihitung; catat ulang dengan level yang benar.",
        entitas: Entitas::Penilaian,
        ambil: |q| &q.penilaian_level_di_luar_rentang,
    },
    Jenis {
        kode: "penilaian_kompetensi_tidak_dikenal",
        label: "Hasil penilaian untuk kompetensi yang tidak ada di kamus",
        saran: "Tidak dihitung; periksa kode kompetensi pada data impor.",
        entitas: Entitas::Penilaian,
        ambil: |q| &q.penilaian_kompetensi_tidak_dikenal,
    },
];

fn wajib_boleh(sesi: &Sesi) -> Result<(), AppError> {
    if boleh_audit(sesi.role()) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// An example record, named where the instansi's lists know it.
struct Contoh {
    teks: String,
    tautan: Option<String>,
}

struct Masalah {
    jenis: &'static Jenis,
    jumlah: u64,
    contoh: Vec<Contoh>,
}

async fn laporan(state: &AppState, sesi: &Sesi) -> Result<Vec<Masalah>, AppError> {
    wajib_boleh(sesi)?;
    let (d, _) = analitik::untuk(state, sesi).await?;
    let q = d.data.kualitas();
    let perlu_jabatan = JENIS
        .iter()
        .any(|j| j.entitas == Entitas::Jabatan && !(j.ambil)(q).kosong());
    let perlu_pegawai = JENIS
        .iter()
        .any(|j| j.entitas == Entitas::Pegawai && !(j.ambil)(q).kosong());
    let store = state.store();
    let i = sesi.instansi_id();
    let nama_jabatan: HashMap<i64, String> = if perlu_jabatan {
        store
            .list_jabatan(i, &JabatanQuery::default())
            .await?
            .into_iter()
            .map(|r| {
                (
                    r.jabatan.id.0,
                    format!("{} — {}", r.jabatan.nama, r.unit_nama),
                )
            })
            .collect()
    } else {
        HashMap::new()
    };
    // Examples are at most a handful per problem: look each employee up.
    let mut nama_pegawai: HashMap<i64, String> = HashMap::new();
    if perlu_pegawai {
        for j in JENIS.iter().filter(|j| j.entitas == Entitas::Pegawai) {
            for id in &(j.ambil)(q).contoh {
                if nama_pegawai.contains_key(id) {
                    continue;
                }
                if let Ok(p) = store.pegawai(i, PegawaiId(*id)).await {
                    nama_pegawai.insert(*id, p.nama_lengkap());
                }
            }
        }
    }
    Ok(JENIS
        .iter()
        .map(|j| {
            let m = (j.ambil)(q);
            let contoh = m
                .contoh
                .iter()
                .map(|id| match j.entitas {
                    Entitas::Jabatan => Contoh {
                        teks: nama_jabatan
                            .get(id)
                            .cloned()
                            .unwrap_or_else(|| format!("Jabatan #{id}")),
                        tautan: Some(format!("/jabatan/{id}")),
                    },
                    Entitas::Pegawai => Contoh {
                        teks: nama_pegawai
                            .get(id)
                            .cloned()
                            .unwrap_or_else(|| format!("Pegawai #{id}")),
                        tautan: Some(format!("/pegawai/{id}")),
                    },
                    Entitas::Penilaian => Contoh {
                        teks: format!("Penilaian #{id}"),
                        tautan: None,
                    },
                })
                .collect();
            Masalah {
                jenis: j,
                jumlah: m.jumlah,
                contoh,
            }
        })
        .collect())
}

// ---------------------------------------------------------------- page

struct BarisView {
    kode: &'static str,
    label: &'static str,
    saran: &'static str,
    jumlah: String,
    ada: bool,
    contoh: Vec<Contoh>,
    lebih: String,
}

#[derive(Template)]
#[template(path = "kualitas.html")]
struct KualitasTpl {
    layout: Layout,
    bersih: bool,
    baris: Vec<BarisView>,
}

pub(crate) async fn halaman(
    State(state): State<AppState>,
    sesi: Sesi,
) -> Result<Response, PageError> {
    let masalah = laporan(&state, &sesi).await?;
    let bersih = masalah.iter().all(|m| m.jumlah == 0);
    let baris = masalah
        .into_iter()
        .map(|m| {
            let sisa = m.jumlah.saturating_sub(m.contoh.len() as u64);
            BarisView {
                kode: m.jenis.kode,
                label: m.jenis.label,
                saran: m.jenis.saran,
                jumlah: ribuan(m.jumlah),
                ada: m.jumlah > 0,
                contoh: m.contoh,
                lebih: if sisa > 0 {
                    format!("dan {} lainnya", ribuan(sisa))
                } else {
                    String::new()
                },
            }
        })
        .collect();
    render(&KualitasTpl {
        layout: Layout::untuk(&sesi, "Kualitas Data", "kualitas"),
        bersih,
        baris,
    })
}

pub(crate) async fn unduh(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Response, PageError> {
    let format = Format::dari(&params)?;
    let masalah = laporan(&state, &sesi).await?;
    let mut tabel = Tabel::new(
        "Kualitas data",
        vec![
            Kolom::new("Kode"),
            Kolom::dengan_lebar("Masalah", 48.0),
            Kolom::new("Jumlah"),
            Kolom::dengan_lebar("Contoh", 60.0),
            Kolom::dengan_lebar("Saran", 60.0),
        ],
    );
    tabel.catatan = vec![
        format!("Instansi: {}", sesi.instansi.nama),
        format!(
            "Tanggal: {}",
            kompeten_domain::format::tanggal(state.hari_ini())
        ),
    ];
    for m in masalah {
        let contoh: Vec<String> = m.contoh.into_iter().map(|c| c.teks).collect();
        tabel.baris.push(vec![
            Sel::teks(m.jenis.kode),
            Sel::teks(m.jenis.label),
            Sel::Bulat(i64::try_from(m.jumlah).unwrap_or(i64::MAX)),
            Sel::teks(contoh.join("; ")),
            Sel::teks(m.jenis.saran),
        ]);
    }
    Ok(unduh::respons(
        &tabel,
        format,
        "kualitas-data",
        state.hari_ini(),
    )?)
}

// ---------------------------------------------------------------- API

/// One kind of problem.
#[derive(Serialize, ToSchema)]
pub(crate) struct MasalahDto {
    /// Stable identifier, e.g. `pegawai_tanpa_jabatan`.
    pub kode: &'static str,
    pub label: &'static str,
    /// What the example ids are.
    pub entitas: Entitas,
    pub jumlah: u64,
    /// The smallest ids of the affected records (at most a handful).
    pub contoh: Vec<i64>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct KualitasDto {
    /// Whether nothing is wrong.
    pub bersih: bool,
    pub masalah: Vec<MasalahDto>,
}

#[utoipa::path(
    get, path = "/api/v1/kualitas-data", tag = "kualitas", security(("sesi" = [])),
    responses(
        (status = 200, body = KualitasDto),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 403, description = "Not an administrator or auditor", body = ErrorBody),
    )
)]
pub(crate) async fn api(
    State(state): State<AppState>,
    sesi: Sesi,
) -> Result<Json<KualitasDto>, ApiError> {
    wajib_boleh(&sesi)?;
    let (d, _) = analitik::untuk(&state, &sesi).await?;
    let q = d.data.kualitas();
    Ok(Json(KualitasDto {
        bersih: q.bersih(),
        masalah: JENIS
            .iter()
            .map(|j| {
                let m = (j.ambil)(q);
                MasalahDto {
                    kode: j.kode,
                    label: j.label,
                    entitas: j.entitas,
                    jumlah: m.jumlah,
                    contoh: m.contoh.clone(),
                }
            })
            .collect(),
    }))
}

#[derive(OpenApi)]
#[openapi(
    paths(api),
    tags((name = "kualitas", description = "Data quality of the gap analytics (administrators and auditors)"))
)]
pub(crate) struct ApiKualitasDoc;
