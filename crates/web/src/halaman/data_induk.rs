//! `/data-induk`: master data (the dictionary, the unit tree, positions,
//! their standards and employees) from one workbook or CSV files, for
//! BKPSDM's administrators bringing an instansi in or adding to it. The
//! checks live in `kompeten_io::data_induk`; the store saves all or nothing.
//! `POST /api/v1/data-induk/impor` takes the workbook as the request body.

use super::impor::baca_unggahan;
use super::{Layout, render_status};
use crate::AppState;
use crate::api_tulis::wajib_csrf_api;
use crate::error::{ApiError, AppError, ErrorBody, PageError};
use crate::params::Params;
use crate::sesi::Sesi;
use crate::tulis::{pelaku, wajib_admin};
use askama::Template;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use kompeten_domain::format::ribuan;
use kompeten_io::data_induk::{self, GalatInduk, IndukDitolak, Lembar};
use kompeten_io::tabel::tulis_xlsx_buku;
use kompeten_store::HasilDataInduk;
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

/// Bytes the files of one upload may hold together.
pub(crate) const MAKS_BYTE: usize = 16 * 1024 * 1024;
/// Rows per file: a city's standards (a dozen lines per position) and
/// employees, with room to spare.
const MAKS_BARIS: usize = 100_000;
const GALAT_DITAMPILKAN: usize = 200;
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

struct KolomView {
    judul: &'static str,
    wajib: bool,
    isi: &'static str,
}

struct LembarView {
    nama: &'static str,
    kolom: Vec<KolomView>,
}

struct GalatView {
    lembar: &'static str,
    nomor: usize,
    kolom: &'static str,
    pesan: String,
}

#[derive(Template)]
#[template(path = "data_induk.html")]
struct DataIndukTpl {
    layout: Layout,
    csrf: String,
    lembar: Vec<LembarView>,
    maks_baris: String,
    tersimpan: Option<String>,
    pesan: Option<String>,
    galat: Vec<GalatView>,
    galat_total: usize,
}

fn halaman(
    sesi: &Sesi,
    tersimpan: Option<String>,
    pesan: Option<String>,
    galat: Vec<GalatInduk>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let galat_total = galat.len();
    let tpl = DataIndukTpl {
        layout: Layout::untuk(sesi, "Impor data induk", "unit"),
        csrf: sesi.csrf.clone(),
        lembar: Lembar::ALL
            .iter()
            .map(|l| LembarView {
                nama: l.nama(),
                kolom: l
                    .kolom()
                    .iter()
                    .map(|k| KolomView {
                        judul: k.judul,
                        wajib: k.wajib,
                        isi: k.isi,
                    })
                    .collect(),
            })
            .collect(),
        maks_baris: ribuan(MAKS_BARIS as u64),
        tersimpan,
        pesan,
        galat: galat
            .into_iter()
            .take(GALAT_DITAMPILKAN)
            .map(|g| GalatView {
                lembar: g.lembar.nama(),
                nomor: g.nomor,
                kolom: g.kolom,
                pesan: g.pesan,
            })
            .collect(),
        galat_total,
    };
    render_status(&tpl, status)
}

/// "3 unit kerja, 12 jabatan, ..." of what an import added.
fn ringkas(h: &HasilDataInduk) -> String {
    let bagian: Vec<String> = [
        (h.kompetensi, "kompetensi"),
        (h.unit, "unit kerja"),
        (h.jabatan, "jabatan"),
        (h.standar, "standar jabatan"),
        (h.pegawai, "pegawai"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, apa)| format!("{} {apa}", ribuan(*n as u64)))
    .collect();
    if bagian.is_empty() {
        "Berkas tidak berisi baris data; tidak ada yang ditambahkan.".to_owned()
    } else {
        format!("Tersimpan: {}.", bagian.join(", "))
    }
}

/// `GET /data-induk`.
pub(crate) async fn form(sesi: Sesi, params: Params) -> Result<Response, PageError> {
    wajib_admin(&sesi)?;
    let angka = |k: &str| {
        params
            .get(k)
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(0)
    };
    let tersimpan = params.get("tersimpan").map(|_| {
        ringkas(&HasilDataInduk {
            kompetensi: angka("kompetensi"),
            unit: angka("unit"),
            jabatan: angka("jabatan"),
            standar: angka("standar"),
            pegawai: angka("pegawai"),
        })
    });
    halaman(&sesi, tersimpan, None, Vec::new(), StatusCode::OK)
}

/// `GET /data-induk/templat.xlsx`: the empty workbook, a note on every column.
pub(crate) async fn templat(sesi: Sesi) -> Result<Response, PageError> {
    wajib_admin(&sesi)?;
    let bytes = tulis_xlsx_buku("Data Induk Kompeten", &data_induk::templat(&[]))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, XLSX),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"templat-data-induk.xlsx\"",
            ),
        ],
        bytes,
    )
        .into_response())
}

/// `GET /data-induk/unduh`: everything stored, as the workbook the import
/// reads (to edit, to keep, or to bring into another deployment).
pub(crate) async fn unduh(
    State(state): State<AppState>,
    sesi: Sesi,
) -> Result<Response, PageError> {
    wajib_admin(&sesi)?;
    let i = sesi.instansi_id();
    let tabel = data_induk::tabel_instansi(state.store(), i)
        .await
        .map_err(AppError::from)?;
    let instansi = state.store().instansi(i).await.map_err(AppError::from)?;
    let bytes = tulis_xlsx_buku(&format!("Data Induk {}", instansi.nama), &tabel)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    tracing::info!(user = %sesi.akun.username, "master data downloaded");
    Ok((
        [
            (header::CONTENT_TYPE, XLSX),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"data-induk.xlsx\"",
            ),
        ],
        bytes,
    )
        .into_response())
}

/// `POST /data-induk` (multipart: `csrf`, one or more `berkas`).
pub(crate) async fn kirim(
    State(state): State<AppState>,
    sesi: Sesi,
    headers: HeaderMap,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, PageError> {
    wajib_admin(&sesi)?;
    let tolak = |pesan: String| {
        halaman(
            &sesi,
            None,
            Some(pesan),
            Vec::new(),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    };
    let terlalu_besar =
        || "Berkas tidak terkirim utuh atau lebih dari 16 MB; tidak ada yang disimpan.".to_owned();
    let panjang = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if panjang.is_some_and(|n| n > MAKS_BYTE + 64 * 1024) {
        return tolak(terlalu_besar());
    }
    let Ok(multipart) = multipart else {
        return Err(AppError::BadRequest("Kirim berkas melalui formulir impor.".into()).into());
    };
    let Ok((csrf, berkas)) = baca_unggahan(multipart, "master data").await else {
        return tolak(terlalu_besar());
    };
    // Checked once the form is read: nothing has been written yet.
    if !sesi.csrf_sah(csrf.as_deref()) {
        return Err(AppError::Csrf.into());
    }
    if berkas.is_empty() {
        return tolak("Pilih berkas Excel (.xlsx) atau CSV.".to_owned());
    }
    if berkas.iter().map(|(_, b)| b.len()).sum::<usize>() > MAKS_BYTE {
        return tolak(terlalu_besar());
    }
    let hasil = data_induk::impor(
        state.store(),
        sesi.instansi_id(),
        &pelaku(&sesi),
        &berkas,
        MAKS_BARIS,
    )
    .await
    .map_err(AppError::from)?;
    match hasil {
        Err(IndukDitolak::Berkas(e)) => {
            tracing::info!(error = %e, "master data file refused");
            tolak(e.pesan())
        }
        Err(IndukDitolak::Baris(galat)) => {
            halaman(&sesi, None, None, galat, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Ok(h) => {
            tracing::info!(?h, "master data imported");
            Ok(Redirect::to(&format!(
                "/data-induk?tersimpan=1&kompetensi={}&unit={}&jabatan={}&standar={}&pegawai={}",
                h.kompetensi, h.unit, h.jabatan, h.standar, h.pegawai
            ))
            .into_response())
        }
    }
}

// ---------------------------------------------------------------- API

#[derive(Serialize, ToSchema)]
pub(crate) struct GalatIndukDto {
    /// Kompetensi, Unit, Jabatan, Standar or Pegawai.
    pub lembar: &'static str,
    /// The row's number as the spreadsheet shows it.
    pub baris: usize,
    pub kolom: &'static str,
    pub pesan: String,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct GalatDataInduk {
    /// Always `unprocessable`.
    pub code: &'static str,
    pub message: String,
    /// Every refused cell; empty when the file as a whole was refused.
    pub baris: Vec<GalatIndukDto>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct GalatDataIndukBody {
    pub error: GalatDataInduk,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct HasilDataIndukDto {
    pub kompetensi: usize,
    pub unit: usize,
    pub jabatan: usize,
    /// Positions whose standard was written.
    pub standar: usize,
    pub pegawai: usize,
}

fn tolak_api(message: String, galat: Vec<GalatInduk>) -> Response {
    let baris = galat
        .into_iter()
        .map(|g| GalatIndukDto {
            lembar: g.lembar.nama(),
            baris: g.nomor,
            kolom: g.kolom,
            pesan: g.pesan,
        })
        .collect();
    let error = GalatDataInduk {
        code: "unprocessable",
        message,
        baris,
    };
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        Json(GalatDataIndukBody { error }),
    )
        .into_response()
}

#[utoipa::path(
    post, path = "/api/v1/data-induk/impor", tag = "penulisan", security(("sesi" = [])),
    params(
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token (GET /api/v1/sesi)"),
        ("tabel" = Option<String>, Query, description = "For a CSV body: kompetensi, unit, jabatan, standar or pegawai"),
    ),
    request_body(
        content = String, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        description = "The workbook itself (sheets Kompetensi, Unit, Jabatan, Standar, Pegawai; \
            any of them), or one table as `text/csv` with `?tabel=`; at most 16 MB."
    ),
    responses(
        (status = 201, body = HasilDataIndukDto),
        (status = 400, description = "Another content type, a CSV without tabel, or over 16 MB", body = ErrorBody),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 403, description = "Not an admin, or a wrong CSRF token", body = ErrorBody),
        (status = 422, description = "Refused rows or file; nothing saved", body = GalatDataIndukBody),
    )
)]
pub(crate) async fn api_impor(
    State(state): State<AppState>,
    sesi: Sesi,
    headers: HeaderMap,
    params: Params,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<Response, ApiError> {
    wajib_admin(&sesi)?;
    wajib_csrf_api(&sesi, &headers)?;
    let body = body.map_err(|e| {
        tracing::info!(error = %e, "master data body refused");
        AppError::BadRequest("Berkas lebih dari 16 MB atau tidak terkirim utuh.".into())
    })?;
    let jenis = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let nama = match jenis.as_str() {
        XLSX => "data-induk.xlsx".to_owned(),
        "text/csv" | "application/csv" => {
            let lembar = params
                .get("tabel")
                .and_then(Lembar::dari_nama)
                .ok_or_else(|| {
                    AppError::BadRequest(
                        "CSV memerlukan ?tabel= kompetensi, unit, jabatan, standar atau pegawai."
                            .into(),
                    )
                })?;
            format!("{}.csv", lembar.nama())
        }
        _ => {
            return Err(AppError::BadRequest(format!(
                "Content-Type harus XLSX ({XLSX}) atau text/csv."
            ))
            .into());
        }
    };
    let hasil = data_induk::impor(
        state.store(),
        sesi.instansi_id(),
        &pelaku(&sesi),
        &[(nama, body.to_vec())],
        MAKS_BARIS,
    )
    .await?;
    match hasil {
        Err(IndukDitolak::Berkas(e)) => Ok(tolak_api(e.pesan(), Vec::new())),
        Err(IndukDitolak::Baris(galat)) => Ok(tolak_api(
            format!("{} isian salah; tidak ada yang disimpan.", galat.len()),
            galat,
        )),
        Ok(h) => Ok((
            StatusCode::CREATED,
            Json(HasilDataIndukDto {
                kompetensi: h.kompetensi,
                unit: h.unit,
                jabatan: h.jabatan,
                standar: h.standar,
                pegawai: h.pegawai,
            }),
        )
            .into_response()),
    }
}

#[derive(OpenApi)]
#[openapi(paths(api_impor))]
pub(crate) struct ApiDataIndukDoc;
