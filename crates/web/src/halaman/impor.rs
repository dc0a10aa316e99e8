//! `/penilaian/impor`: assessment results from a spreadsheet (CSV or the
//! first sheet of an XLSX), as an assessment center or a test team hands
//! them over. Every row is checked with the rules of the assessment form
//! (employee active and within the writer's scope, a dictionary code, level
//! 1..=5, method, a date neither in the future nor before the employee
//! turned 18, the assessor) and the file is saved whole or not at all.
//! `POST /api/v1/penilaian/impor` takes the same file as the request body.

use super::{Layout, render_status};
use crate::AppState;
use crate::api_tulis::wajib_csrf_api;
use crate::error::{ApiError, ErrorBody};
use crate::error::{AppError, PageError};
use crate::params::Params;
use crate::sesi::Sesi;
use crate::tulis::{
    GalatIsian, pelaku, periksa_putaran, tanggal_sesuai_umur, urai_level, wajib_penulis,
};
use askama::Template;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use kompeten_domain::MetodePenilaian;
use kompeten_domain::format::ribuan;
use kompeten_domain::validity::MasaBerlaku;
use kompeten_io::analitik::PengaturanAnalitik;
use kompeten_io::impor::{TabelMasuk, baca_tabel};
use kompeten_io::laporan::semua_pegawai;
use kompeten_store::{Actor, InstansiId, KompetensiId, Lingkup, NewPenilaian, PegawaiId, Store};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use time::Date;
use utoipa::{OpenApi, ToSchema};

/// Rows one file may hold: a whole city's round, with room to spare.
pub(crate) const MAKS_BARIS: usize = 20_000;
/// Bytes one upload may hold (the route's body limit is a little above).
pub(crate) const MAKS_BYTE: usize = 8 * 1024 * 1024;
/// Room for the form's other fields and the multipart framing.
pub(crate) const BATAS_FORMULIR: usize = 64 * 1024;
/// Row errors shown; the count says how many more.
const GALAT_DITAMPILKAN: usize = 100;

/// A column of the file: its header, the other headers accepted, whether
/// it must be filled, and what goes in it.
struct Kolom {
    judul: &'static str,
    juga: &'static [&'static str],
    wajib: bool,
    isi: &'static str,
}

const KOLOM: [Kolom; 7] = [
    Kolom {
        judul: "NIP",
        juga: &[],
        wajib: true,
        isi: "18 angka, boleh dengan spasi; pegawai aktif dalam cakupan Anda",
    },
    Kolom {
        judul: "Kode kompetensi",
        juga: &["kompetensi", "kode"],
        wajib: true,
        isi: "kode di Kamus Kompetensi, mis. M.01 atau T.SPBE.01",
    },
    Kolom {
        judul: "Level",
        juga: &[],
        wajib: true,
        isi: "1 sampai 5",
    },
    Kolom {
        judul: "Metode",
        juga: &["metode penilaian"],
        wajib: true,
        isi: "assessment_center, cact, uji_kompetensi, 360, atasan atau mandiri (atau namanya)",
    },
    Kolom {
        judul: "Tanggal",
        juga: &["tanggal penilaian"],
        wajib: true,
        isi: "TTTT-BB-HH atau HH/BB/TTTT, tidak di masa depan",
    },
    Kolom {
        judul: "Asesor",
        juga: &["penilai"],
        wajib: true,
        isi: "tim atau lembaga penilai",
    },
    Kolom {
        judul: "Catatan bukti",
        juga: &["catatan", "bukti"],
        wajib: false,
        isi: "boleh kosong, mis. nomor berita acara",
    },
];

/// A refused row: its number in the file, the column, and why (in
/// Indonesian for the page, in English for the command line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GalatBaris {
    pub nomor: usize,
    pub kolom: &'static str,
    pub pesan: String,
    pub reason: String,
}

/// What the rows are checked against.
pub(crate) struct Rujukan {
    /// Active employees within the writer's scope, by their 18 digits.
    pub pegawai: HashMap<String, (PegawaiId, Date)>,
    /// The dictionary by code, upper case.
    pub kamus: HashMap<String, KompetensiId>,
    pub hari_ini: Date,
    pub masa: MasaBerlaku,
    /// (employee, competency, date, level) of every stored assessment: a
    /// file imported twice is refused, not recorded twice.
    pub tercatat: HashSet<(PegawaiId, KompetensiId, Date, u8)>,
}

/// "assessment center", "Uji Kompetensi", "uji_kompetensi": the method.
fn urai_metode(teks: &str) -> Option<MetodePenilaian> {
    let kunci = |s: &str| -> String {
        s.chars()
            .filter(char::is_ascii_alphanumeric)
            .flat_map(|c| c.to_lowercase())
            .collect()
    };
    let k = kunci(teks);
    MetodePenilaian::ALL
        .iter()
        .copied()
        .find(|m| kunci(m.code()) == k || kunci(m.label()) == k)
}

/// "01/10/2026" or "1-10-2026" as 2026-10-01; other text unchanged.
fn tanggal_iso(teks: &str) -> String {
    let t = teks.trim();
    let bagian: Vec<&str> = t.split(['/', '-', '.']).collect();
    match bagian.as_slice() {
        [h, b, y] if y.len() == 4 && h.len() <= 2 && b.len() <= 2 => {
            format!("{y}-{b:0>2}-{h:0>2}")
        }
        _ => t.to_owned(),
    }
}

/// Checks every row; the assessments to record, or every refusal (the
/// file's missing columns first).
pub(crate) fn periksa(
    tabel: &TabelMasuk,
    r: &Rujukan,
) -> Result<Vec<NewPenilaian>, Vec<GalatBaris>> {
    let mut galat = Vec::new();
    let mut posisi = Vec::new();
    for k in &KOLOM {
        let mut nama = vec![k.judul];
        nama.extend_from_slice(k.juga);
        match tabel.kolom(&nama) {
            Some(i) => posisi.push(Some(i)),
            None if k.wajib => {
                galat.push(GalatBaris {
                    nomor: 1,
                    kolom: k.judul,
                    pesan: "Kolom ini tidak ada di baris judul.".to_owned(),
                    reason: "the header row has no such column".to_owned(),
                });
                posisi.push(None);
            }
            None => posisi.push(None),
        }
    }
    if !galat.is_empty() {
        return Err(galat);
    }
    if tabel.baris.is_empty() {
        return Err(vec![GalatBaris {
            nomor: 1,
            kolom: "NIP",
            pesan: "Tidak ada baris data di bawah judul kolom.".to_owned(),
            reason: "no data rows under the header".to_owned(),
        }]);
    }
    let mut hasil = Vec::new();
    let mut dilihat: HashMap<(PegawaiId, KompetensiId, Date, MetodePenilaian), usize> =
        HashMap::new();
    for b in &tabel.baris {
        let sel = |n: usize| posisi[n].map_or("", |i| b.sel[i].as_str());
        let mut tolak = |kolom: &'static str, pesan: String, reason: String| {
            galat.push(GalatBaris {
                nomor: b.nomor,
                kolom,
                pesan,
                reason,
            });
        };
        let digit: String = sel(0).chars().filter(|c| !c.is_whitespace()).collect();
        let pegawai = if digit.len() != 18 || !digit.chars().all(|c| c.is_ascii_digit()) {
            tolak(
                "NIP",
                "NIP harus 18 angka.".to_owned(),
                "must be 18 digits".to_owned(),
            );
            None
        } else if let Some(p) = r.pegawai.get(&digit) {
            Some(*p)
        } else {
            tolak(
                "NIP",
                "Tidak ada pegawai aktif dengan NIP ini dalam cakupan Anda.".to_owned(),
                "no active employee with this NIP in scope".to_owned(),
            );
            None
        };
        let kompetensi = match r.kamus.get(&sel(1).trim().to_uppercase()) {
            Some(k) => Some(*k),
            None => {
                tolak(
                    "Kode kompetensi",
                    format!("Kode \"{}\" tidak ada di Kamus Kompetensi.", sel(1)),
                    format!("{:?} is not in the competency dictionary", sel(1)),
                );
                None
            }
        };
        let level = urai_level(sel(2))
            .map_err(|m| tolak("Level", m, "must be a whole number from 1 to 5".to_owned()))
            .ok();
        let metode = urai_metode(sel(3)).map_or_else(|| sel(3).to_owned(), |m| m.code().to_owned());
        let mut g = GalatIsian::new();
        let putaran = periksa_putaran(
            &metode,
            &tanggal_iso(sel(4)),
            sel(5),
            sel(6),
            r.hari_ini,
            &mut g,
        );
        for (field, pesan) in g {
            let (kolom, reason) = match field.as_str() {
                "metode" => ("Metode", "not an assessment method (code or name)"),
                "tanggal" => (
                    "Tanggal",
                    "not a date (YYYY-MM-DD or DD/MM/YYYY), or in the future",
                ),
                "asesor" => (
                    "Asesor",
                    "required, at most 200 characters, no control characters",
                ),
                _ => ("Catatan bukti", "too long, or holds control characters"),
            };
            tolak(kolom, pesan, reason.to_owned());
        }
        if let (Some(p), Some((_, lahir))) = (&putaran, pegawai)
            && let Err(m) = tanggal_sesuai_umur(lahir, p.tanggal)
        {
            tolak("Tanggal", m, "before the employee turned 18".to_owned());
        }
        if let (Some((pegawai, _)), Some(kompetensi), Some(level), Some(p)) =
            (pegawai, kompetensi, level, putaran)
        {
            let sudah = r
                .tercatat
                .contains(&(pegawai, kompetensi, p.tanggal, level.get()));
            match dilihat.insert((pegawai, kompetensi, p.tanggal, p.metode), b.nomor) {
                Some(sebelumnya) => tolak(
                    "Baris",
                    format!(
                        "Penilaian yang sama (pegawai, kompetensi, metode, tanggal) sudah ada di baris {sebelumnya}."
                    ),
                    format!("the same assessment is on row {sebelumnya}"),
                ),
                None if sudah => tolak(
                    "Baris",
                    "Hasil yang sama (pegawai, kompetensi, tanggal, level) sudah tercatat; berkas ini mungkin sudah pernah diimpor.".to_owned(),
                    "already recorded (was this file imported before?)".to_owned(),
                ),
                None => hasil.push(NewPenilaian {
                    pegawai,
                    kompetensi,
                    level,
                    metode: p.metode,
                    berlaku_sampai: r.masa.berlaku_sampai(p.tanggal),
                    tanggal: p.tanggal,
                    asesor: p.asesor,
                    catatan_bukti: p.catatan_bukti,
                }),
            }
        }
    }
    if galat.is_empty() {
        Ok(hasil)
    } else {
        Err(galat)
    }
}

/// The references for a writer whose scope is `lingkup`.
async fn rujukan(
    store: &dyn Store,
    i: InstansiId,
    lingkup: Lingkup,
    hari_ini: Date,
) -> Result<Rujukan, AppError> {
    let masa = PengaturanAnalitik::dari_json(store.pengaturan(i, PengaturanAnalitik::KUNCI).await?)
        .map_err(|e| AppError::Internal(e.to_string()))?
        .masa_berlaku;
    let pegawai = semua_pegawai(store, i, lingkup)
        .await?
        .into_iter()
        .map(|p| (p.nip.as_str().to_owned(), (p.id, p.nip.tanggal_lahir())))
        .collect();
    let kamus = store
        .list_kompetensi(i)
        .await?
        .into_iter()
        .map(|k| (k.kode.to_uppercase(), k.id))
        .collect();
    let tercatat = store
        .data_kesenjangan(i)
        .await?
        .penilaian
        .into_iter()
        .map(|p| (p.pegawai, p.kompetensi, p.tanggal, p.level.get()))
        .collect();
    Ok(Rujukan {
        pegawai,
        kamus,
        hari_ini,
        masa,
        tercatat,
    })
}

/// The records could not be read or written (English, for the log and
/// the command line).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct GalatImporSistem(String);

impl From<AppError> for GalatImporSistem {
    fn from(e: AppError) -> Self {
        GalatImporSistem(match e {
            AppError::Internal(t) => t,
            other => format!("{other:?}"),
        })
    }
}

/// Why a file was not imported.
#[derive(Debug)]
pub enum ImporDitolak {
    /// Not a table that can be read.
    Berkas(kompeten_io::impor::GalatBaca),
    /// Every refused cell, in file order.
    Baris(Vec<GalatBaris>),
}

/// Imports a file of assessment results for the whole instansi, as
/// `kompeten import assessments` does: read, check every row against the
/// records on `hari_ini`, and record all of it or nothing. The number
/// recorded, or why nothing was.
pub async fn impor_penilaian(
    store: &dyn Store,
    i: InstansiId,
    actor: &Actor,
    hari_ini: Date,
    nama_berkas: &str,
    bytes: &[u8],
) -> Result<Result<usize, ImporDitolak>, GalatImporSistem> {
    let tabel = match baca_tabel(nama_berkas, bytes, MAKS_BARIS, &adalah_judul) {
        Ok(t) => t,
        Err(e) => return Ok(Err(ImporDitolak::Berkas(e))),
    };
    let r = rujukan(store, i, Lingkup::Instansi, hari_ini).await?;
    match periksa(&tabel, &r) {
        Err(galat) => Ok(Err(ImporDitolak::Baris(galat))),
        Ok(batch) => {
            store
                .record_penilaian(i, actor, &batch)
                .await
                .map_err(|e| GalatImporSistem::from(AppError::from(e)))?;
            Ok(Ok(batch.len()))
        }
    }
}

/// The header row is the first that names a NIP column.
fn adalah_judul(r: &[String]) -> bool {
    r.iter().any(|c| c.trim().eq_ignore_ascii_case("nip"))
}

struct KolomView {
    judul: &'static str,
    wajib: bool,
    isi: &'static str,
}

struct GalatView {
    nomor: usize,
    kolom: &'static str,
    pesan: String,
}

#[derive(Template)]
#[template(path = "tulis_impor.html")]
struct ImporTpl {
    layout: Layout,
    csrf: String,
    kolom: Vec<KolomView>,
    maks_baris: String,
    tersimpan: Option<String>,
    /// Why the file as a whole was refused.
    pesan: Option<String>,
    nama_berkas: String,
    galat: Vec<GalatView>,
    galat_total: usize,
}

fn halaman(
    sesi: &Sesi,
    tersimpan: Option<String>,
    pesan: Option<String>,
    nama_berkas: String,
    galat: Vec<GalatBaris>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let galat_total = galat.len();
    let tpl = ImporTpl {
        layout: Layout::untuk(sesi, "Impor hasil penilaian", "pegawai"),
        csrf: sesi.csrf.clone(),
        kolom: KOLOM
            .iter()
            .map(|k| KolomView {
                judul: k.judul,
                wajib: k.wajib,
                isi: k.isi,
            })
            .collect(),
        maks_baris: ribuan(MAKS_BARIS as u64),
        tersimpan,
        pesan,
        nama_berkas,
        galat: galat
            .into_iter()
            .take(GALAT_DITAMPILKAN)
            .map(|g| GalatView {
                nomor: g.nomor,
                kolom: g.kolom,
                pesan: g.pesan,
            })
            .collect(),
        galat_total,
    };
    render_status(&tpl, status)
}

/// `GET /penilaian/impor`.
pub(crate) async fn form(sesi: Sesi, params: Params) -> Result<Response, PageError> {
    wajib_penulis(&sesi)?;
    let tersimpan = params
        .get("tersimpan")
        .and_then(|n| n.parse::<u64>().ok())
        .map(|n| format!("{} hasil penilaian tersimpan.", ribuan(n)));
    halaman(
        &sesi,
        tersimpan,
        None,
        String::new(),
        Vec::new(),
        StatusCode::OK,
    )
}

/// `GET /penilaian/impor/contoh.csv`: the header and one example row.
pub(crate) async fn contoh(sesi: Sesi) -> Result<Response, PageError> {
    wajib_penulis(&sesi)?;
    let judul: Vec<&str> = KOLOM.iter().map(|k| k.judul).collect();
    let teks = format!(
        "\u{feff}{}\r\n199004102015032001,M.01,3,assessment_center,2026-10-01,UPT Penilaian Kompetensi BKN,Berita acara 12/2026\r\n",
        judul.join(",")
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"contoh-impor-penilaian.csv\"",
            ),
        ],
        teks,
    )
        .into_response())
}

/// `POST /penilaian/impor` (multipart: `csrf`, `berkas`).
pub(crate) async fn kirim(
    State(state): State<AppState>,
    sesi: Sesi,
    headers: HeaderMap,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, PageError> {
    wajib_penulis(&sesi)?;
    let tolak_berkas = |pesan: &str, nama: String| {
        halaman(
            &sesi,
            None,
            Some(pesan.to_owned()),
            nama,
            Vec::new(),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    };
    // A declared size over the limit is refused before anything is read.
    let panjang = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if panjang.is_some_and(|n| n > MAKS_BYTE + BATAS_FORMULIR) {
        return tolak_berkas(
            "Berkas lebih dari 8 MB; bagi menjadi beberapa berkas.",
            String::new(),
        );
    }
    let Ok(multipart) = multipart else {
        return Err(AppError::BadRequest("Kirim berkas melalui formulir impor.".into()).into());
    };
    let (csrf, berkas) = match baca_unggahan(multipart, "assessment import").await {
        Ok(u) => u,
        Err(nama) => {
            return tolak_berkas(
                "Berkas tidak terkirim utuh atau lebih dari 8 MB; tidak ada yang disimpan.",
                nama,
            );
        }
    };
    // Checked once the form is read: nothing has been written yet.
    if !sesi.csrf_sah(csrf.as_deref()) {
        return Err(AppError::Csrf.into());
    }
    let Some((nama, bytes)) = berkas.into_iter().next() else {
        return tolak_berkas("Pilih berkas CSV atau Excel (.xlsx).", String::new());
    };
    if bytes.len() > MAKS_BYTE {
        return tolak_berkas(
            "Berkas lebih dari 8 MB; bagi menjadi beberapa berkas.",
            nama,
        );
    }
    let tabel = match baca_tabel(&nama, &bytes, MAKS_BARIS, &adalah_judul) {
        Ok(t) => t,
        Err(e) => {
            tracing::info!(error = %e, file = %nama, "assessment import file refused");
            return tolak_berkas(&e.pesan(), nama);
        }
    };
    let r = rujukan(
        state.store(),
        sesi.instansi_id(),
        sesi.lingkup(),
        state.hari_ini(),
    )
    .await?;
    match periksa(&tabel, &r) {
        Err(galat) => halaman(
            &sesi,
            None,
            None,
            nama,
            galat,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Ok(batch) => {
            state
                .store()
                .record_penilaian(sesi.instansi_id(), &pelaku(&sesi), &batch)
                .await
                .map_err(AppError::from)?;
            tracing::info!(rows = batch.len(), file = %nama, "assessments imported");
            Ok(
                Redirect::to(&format!("/penilaian/impor?tersimpan={}", batch.len()))
                    .into_response(),
            )
        }
    }
}

/// The `csrf` field and every non-empty `berkas` file of an upload form.
/// Err (with the file's name when known) when the upload was cut off or
/// over the body limit: nothing was read, so nothing changes, and no token
/// is needed to refuse.
pub(crate) async fn baca_unggahan(
    mut multipart: Multipart,
    apa: &str,
) -> Result<(Option<String>, Vec<(String, Vec<u8>)>), String> {
    let mut csrf = None;
    let mut berkas = Vec::new();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => return Ok((csrf, berkas)),
            Err(e) => {
                tracing::warn!(error = %e, "{apa} upload refused");
                return Err(String::new());
            }
        };
        match field.name() {
            Some("csrf") => csrf = field.text().await.ok(),
            Some("berkas") => {
                let nama = field.file_name().unwrap_or("").to_owned();
                match field.bytes().await {
                    Ok(b) if nama.is_empty() && b.is_empty() => {}
                    Ok(b) => berkas.push((nama, b.to_vec())),
                    Err(e) => {
                        tracing::warn!(error = %e, "{apa} upload cut off");
                        return Err(nama);
                    }
                }
            }
            _ => {}
        }
    }
}

// ---------------------------------------------------------------- API

/// The content types the API takes, and the file kind each is read as.
const JENIS_API: [(&str, &str); 3] = [
    ("text/csv", "berkas.csv"),
    ("application/csv", "berkas.csv"),
    (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "berkas.xlsx",
    ),
];

#[derive(Serialize, ToSchema)]
pub(crate) struct HasilImporDto {
    /// Assessments recorded.
    pub tersimpan: usize,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct GalatBarisDto {
    /// The row's number in the file (the header row is 1).
    pub baris: usize,
    pub kolom: &'static str,
    pub pesan: String,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct GalatImpor {
    /// Always `unprocessable`.
    pub code: &'static str,
    pub message: String,
    /// Every refused cell, in file order; empty when the file as a whole
    /// was refused (`message` says why).
    pub baris: Vec<GalatBarisDto>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct GalatImporBody {
    pub error: GalatImpor,
}

fn tolak_api(message: String, baris: Vec<GalatBaris>) -> Response {
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        Json(GalatImporBody {
            error: GalatImpor {
                code: "unprocessable",
                message,
                baris: baris
                    .into_iter()
                    .map(|g| GalatBarisDto {
                        baris: g.nomor,
                        kolom: g.kolom,
                        pesan: g.pesan,
                    })
                    .collect(),
            },
        }),
    )
        .into_response()
}

#[utoipa::path(
    post, path = "/api/v1/penilaian/impor", tag = "penulisan", security(("sesi" = [])),
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token (GET /api/v1/sesi)")),
    request_body(
        content = String, content_type = "text/csv",
        description = "The file itself: CSV (`text/csv`) or XLSX \
            (`application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`), \
            with the columns NIP, Kode kompetensi, Level, Metode, Tanggal, Asesor and \
            optionally Catatan bukti; at most 20,000 rows and 8 MB."
    ),
    responses(
        (status = 201, body = HasilImporDto),
        (status = 400, description = "Another content type, or over 8 MB", body = ErrorBody),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 403, description = "Not an admin or pimpinan, or a wrong CSRF token", body = ErrorBody),
        (status = 422, description = "Refused rows or file; nothing saved", body = GalatImporBody),
    )
)]
pub(crate) async fn api_impor(
    State(state): State<AppState>,
    sesi: Sesi,
    headers: HeaderMap,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<Response, ApiError> {
    wajib_penulis(&sesi)?;
    wajib_csrf_api(&sesi, &headers)?;
    let body = body.map_err(|e| {
        tracing::info!(error = %e, "assessment import body refused");
        AppError::BadRequest("Berkas lebih dari 8 MB atau tidak terkirim utuh.".into())
    })?;
    let jenis = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let Some((_, nama)) = JENIS_API.iter().find(|(j, _)| *j == jenis) else {
        return Err(AppError::BadRequest(
            "Content-Type harus text/csv atau XLSX (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)."
                .into(),
        )
        .into());
    };
    let tabel = match baca_tabel(nama, &body, MAKS_BARIS, &adalah_judul) {
        Ok(t) => t,
        Err(e) => return Ok(tolak_api(e.pesan(), Vec::new())),
    };
    let r = rujukan(
        state.store(),
        sesi.instansi_id(),
        sesi.lingkup(),
        state.hari_ini(),
    )
    .await?;
    match periksa(&tabel, &r) {
        Err(galat) => Ok(tolak_api(
            format!("{} isian salah; tidak ada yang disimpan.", galat.len()),
            galat,
        )),
        Ok(batch) => {
            state
                .store()
                .record_penilaian(sesi.instansi_id(), &pelaku(&sesi), &batch)
                .await?;
            Ok((
                StatusCode::CREATED,
                Json(HasilImporDto {
                    tersimpan: batch.len(),
                }),
            )
                .into_response())
        }
    }
}

#[derive(OpenApi)]
#[openapi(paths(api_impor))]
pub(crate) struct ApiImporDoc;

#[cfg(test)]
mod tests {
    use super::*;
    use kompeten_io::impor::BarisMasuk;
    use time::macros::date;

    fn tabel(kolom: &[&str], baris: &[&[&str]]) -> TabelMasuk {
        TabelMasuk {
            kolom: kolom.iter().map(|s| (*s).to_owned()).collect(),
            baris: baris
                .iter()
                .enumerate()
                .map(|(n, b)| BarisMasuk {
                    nomor: n + 2,
                    sel: b.iter().map(|s| (*s).to_owned()).collect(),
                })
                .collect(),
        }
    }

    fn rujukan() -> Rujukan {
        Rujukan {
            pegawai: HashMap::from([(
                "199004102015032001".to_owned(),
                (PegawaiId(7), date!(1990 - 04 - 10)),
            )]),
            kamus: HashMap::from([("M.1".to_owned(), KompetensiId(3))]),
            hari_ini: date!(2026 - 11 - 27),
            masa: MasaBerlaku::default(),
            tercatat: HashSet::from([(PegawaiId(7), KompetensiId(3), date!(2025 - 05 - 05), 2)]),
        }
    }

    const JUDUL: [&str; 7] = [
        "NIP",
        "Kode kompetensi",
        "Level",
        "Metode",
        "Tanggal",
        "Asesor",
        "Catatan bukti",
    ];

    #[test]
    fn a_good_row_becomes_an_assessment_with_its_validity() {
        let t = tabel(
            &JUDUL,
            &[&[
                "19900410 201503 2 001",
                "m.1",
                "4",
                "Uji Kompetensi",
                "01/10/2026",
                "Tim BKN",
                "",
            ]],
        );
        let hasil = periksa(&t, &rujukan()).expect("valid");
        assert_eq!(hasil.len(), 1);
        let p = &hasil[0];
        assert_eq!(
            (p.pegawai, p.kompetensi, p.level.get(), p.metode, p.tanggal),
            (
                PegawaiId(7),
                KompetensiId(3),
                4,
                MetodePenilaian::UjiKompetensi,
                date!(2026 - 10 - 01)
            )
        );
        assert_eq!(
            p.berlaku_sampai,
            MasaBerlaku::default().berlaku_sampai(p.tanggal)
        );
    }

    #[test]
    fn every_bad_cell_is_named_by_row_and_column() {
        let t = tabel(
            &JUDUL,
            &[
                &["123", "X.9", "6", "ramalan", "2027-01-01", "", ""],
                &[
                    "199004102015032002",
                    "M.1",
                    "3",
                    "cact",
                    "2026-01-01",
                    "Tim",
                    "",
                ],
                &[
                    "199004102015032001",
                    "M.1",
                    "3",
                    "cact",
                    "2007-01-01",
                    "Tim",
                    "",
                ],
                &[
                    "199004102015032001",
                    "M.1",
                    "3",
                    "cact",
                    "2026-01-01",
                    "Tim",
                    "",
                ],
                &[
                    "199004102015032001",
                    "M.1",
                    "2",
                    "CACT",
                    "2026-01-01",
                    "Tim",
                    "ulang",
                ],
                &[
                    "199004102015032001",
                    "M.1",
                    "2",
                    "atasan",
                    "2025-05-05",
                    "Tim",
                    "",
                ],
            ],
        );
        let galat = periksa(&t, &rujukan()).expect_err("refused");
        let ada =
            |nomor: usize, kolom: &str| galat.iter().any(|g| g.nomor == nomor && g.kolom == kolom);
        for kolom in [
            "NIP",
            "Kode kompetensi",
            "Level",
            "Metode",
            "Tanggal",
            "Asesor",
        ] {
            assert!(ada(2, kolom), "row 2 {kolom}: {galat:?}");
        }
        assert!(ada(3, "NIP"), "unknown employee");
        assert!(ada(4, "Tanggal"), "before 18: {galat:?}");
        assert!(!galat.iter().any(|g| g.nomor == 5), "{galat:?}");
        assert!(ada(6, "Baris"), "the same assessment twice: {galat:?}");
        assert!(ada(7, "Baris"), "already recorded: {galat:?}");
    }

    #[test]
    fn missing_columns_and_an_empty_file_are_refused_whole() {
        let galat = periksa(&tabel(&["NIP", "Level"], &[]), &rujukan()).expect_err("refused");
        let kolom: Vec<&str> = galat.iter().map(|g| g.kolom).collect();
        assert_eq!(kolom, ["Kode kompetensi", "Metode", "Tanggal", "Asesor"]);
        // Other headers are accepted; the note column may be absent.
        let t = tabel(
            &[
                "nip",
                "Kompetensi",
                "level",
                "metode_penilaian",
                "tanggal",
                "Penilai",
            ],
            &[],
        );
        let galat = periksa(&t, &rujukan()).expect_err("no rows");
        assert_eq!(galat.len(), 1);
        assert!(galat[0].pesan.contains("Tidak ada baris"));
    }

    #[test]
    fn methods_and_dates_are_read_the_ways_people_write_them() {
        assert_eq!(
            urai_metode("assessment center"),
            Some(MetodePenilaian::AssessmentCenter)
        );
        assert_eq!(
            urai_metode("UJI_KOMPETENSI"),
            Some(MetodePenilaian::UjiKompetensi)
        );
        assert_eq!(urai_metode("tebakan"), None);
        assert_eq!(tanggal_iso("1/10/2026"), "2026-10-01");
        assert_eq!(tanggal_iso("01-10-2026"), "2026-10-01");
        assert_eq!(tanggal_iso("2026-10-01"), "2026-10-01");
    }
}
