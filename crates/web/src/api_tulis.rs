//! Writes in the JSON API: the same checks as the forms (role, scope,
//! validation) plus the CSRF token in an `X-CSRF-Token` header, since the
//! API is authenticated by the same session cookie as the pages.

use crate::AppState;
use crate::error::{ApiError, AppError, ErrorBody};
use crate::halaman::pegawai::id_path;
use crate::halaman::tulis::periksa_batch;
use crate::layanan::PetaUnit;
use crate::sesi::Sesi;
use crate::tulis::{
    BarisStandarIsian, GalatIsian, IsianPegawai, IsianPenilaian, jabatan_boleh,
    jabatan_untuk_ditulis, pegawai_untuk_ditulis, pelaku, periksa_pegawai_baru, periksa_penilaian,
    periksa_perubahan, periksa_standar, wajib_penulis,
};
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use kompeten_store::{JabatanId, PegawaiId, StoreError, UnitId};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

/// The header that carries the session's CSRF token on API writes.
pub(crate) const HEADER_CSRF: &str = "x-csrf-token";

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/sesi", get(sesi_api))
        .route("/api/v1/pegawai", post(tambah_pegawai))
        .route("/api/v1/pegawai/{id}", put(ubah_pegawai))
        .route("/api/v1/pegawai/{id}/penilaian", post(catat_penilaian))
        .route("/api/v1/penilaian/batch", post(catat_batch))
        .route("/api/v1/jabatan/{id}/standar", put(ubah_standar))
}

// ---------------------------------------------------------------- errors

/// A 400 with a message per field.
#[derive(Serialize, ToSchema)]
pub(crate) struct GalatValidasiBody {
    pub error: GalatValidasi,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct GalatValidasi {
    /// Always `bad_request`.
    #[schema(example = "bad_request")]
    pub code: &'static str,
    pub message: String,
    /// Field name (or `baris.<n>` for a row) to the reason, in Indonesian.
    pub fields: GalatIsian,
}

pub(crate) enum Tolak {
    Api(ApiError),
    Isian(GalatIsian),
}

impl<E: Into<AppError>> From<E> for Tolak {
    fn from(e: E) -> Self {
        Tolak::Api(ApiError(e.into()))
    }
}

impl IntoResponse for Tolak {
    fn into_response(self) -> Response {
        match self {
            Tolak::Api(e) => e.into_response(),
            Tolak::Isian(fields) => (
                StatusCode::BAD_REQUEST,
                Json(GalatValidasiBody {
                    error: GalatValidasi {
                        code: "bad_request",
                        message: "Isian tidak valid; tidak ada yang disimpan.".to_owned(),
                        fields,
                    },
                }),
            )
                .into_response(),
        }
    }
}

/// Role first, then the CSRF header.
fn wajib_tulis_api(sesi: &Sesi, headers: &HeaderMap) -> Result<(), Tolak> {
    wajib_penulis(sesi)?;
    Ok(wajib_csrf_api(sesi, headers)?)
}

/// The session's CSRF token in the `X-CSRF-Token` header of an API write.
pub(crate) fn wajib_csrf_api(sesi: &Sesi, headers: &HeaderMap) -> Result<(), AppError> {
    let token = headers.get(HEADER_CSRF).and_then(|v| v.to_str().ok());
    if sesi.csrf_sah(token) {
        Ok(())
    } else {
        Err(AppError::Csrf)
    }
}

/// The JSON body of an API write, or a 400 saying why not.
pub(crate) fn badan<T>(body: Result<Json<T>, JsonRejection>) -> Result<T, AppError> {
    body.map(|b| b.0)
        .map_err(|e| AppError::BadRequest(format!("Badan JSON tidak valid: {}", e.body_text())))
}

fn id_api(raw: &str) -> Result<i64, Tolak> {
    Ok(id_path(raw)?)
}

fn galat_simpan(e: StoreError) -> Tolak {
    match e {
        StoreError::Conflict(_) => Tolak::Isian(GalatIsian::from([(
            "nip".to_owned(),
            "NIP ini sudah terdaftar di instansi ini.".to_owned(),
        )])),
        other => other.into(),
    }
}

// ---------------------------------------------------------------- schemas

/// The signed-in session, with the token API writes must send.
#[derive(Serialize, ToSchema)]
pub(crate) struct SesiDto {
    pub username: String,
    pub nama_tampilan: String,
    /// `admin`, `pimpinan`, `pegawai`, `mitra` or `auditor`.
    pub peran: &'static str,
    pub instansi_id: i64,
    /// Send it back in the `X-CSRF-Token` header of every POST and PUT.
    pub csrf_token: String,
    pub boleh_menulis: bool,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct IdDto {
    pub id: i64,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct BatchHasilDto {
    pub jumlah: usize,
    /// Ids of the new assessments, in input order of the filled rows.
    pub ids: Vec<i64>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct StandarHasilDto {
    pub jumlah: usize,
}

/// A new assessment of one employee; valid-until follows from the validity setting.
#[derive(Deserialize, ToSchema)]
pub(crate) struct PenilaianBaruDto {
    pub kompetensi_id: i64,
    /// 1 to 5.
    pub level: i64,
    /// `assessment_center`, `cact`, `uji_kompetensi`, `360`, `atasan`, `mandiri`.
    pub metode: String,
    /// `YYYY-MM-DD`; not in the future, not before the employee turned 18.
    #[schema(format = Date)]
    pub tanggal: String,
    pub asesor: String,
    #[serde(default)]
    pub catatan_bukti: Option<String>,
}

#[derive(Deserialize, ToSchema)]
pub(crate) struct BarisBatchDto {
    pub pegawai_id: i64,
    pub level: i64,
}

/// An assessment round for one unit (and below) and one competency.
#[derive(Deserialize, ToSchema)]
pub(crate) struct BatchDto {
    pub unit_id: i64,
    pub kompetensi_id: i64,
    pub metode: String,
    #[schema(format = Date)]
    pub tanggal: String,
    pub asesor: String,
    #[serde(default)]
    pub catatan_bukti: Option<String>,
    /// Only the employees assessed this round; all saved or none.
    pub hasil: Vec<BarisBatchDto>,
}

#[derive(Deserialize, ToSchema)]
pub(crate) struct StandarItemDto {
    pub kompetensi_id: i64,
    /// 1 to 5.
    pub level: i64,
    /// At least 1.
    pub bobot: i64,
}

/// The whole new standard of a position; it replaces the old one.
#[derive(Deserialize, ToSchema)]
pub(crate) struct StandarDto {
    pub items: Vec<StandarItemDto>,
}

/// A new employee; birth date, gender and TMT follow from the NIP.
#[derive(Deserialize, ToSchema)]
pub(crate) struct PegawaiBaruDto {
    #[schema(example = "199308122020122021")]
    pub nip: String,
    /// `pns` or `pppk`.
    pub status: String,
    pub nama: String,
    #[serde(default)]
    pub gelar_depan: Option<String>,
    #[serde(default)]
    pub gelar_belakang: Option<String>,
    /// `III/a` for PNS, `IX` for PPPK.
    pub golongan: String,
    #[serde(default)]
    pub jabatan_id: Option<i64>,
    pub unit_id: i64,
    /// `sd` … `s3`.
    pub pendidikan: String,
}

/// The editable fields of an employee; the NIP is not among them.
#[derive(Deserialize, ToSchema)]
pub(crate) struct PegawaiUbahDto {
    pub nama: String,
    #[serde(default)]
    pub gelar_depan: Option<String>,
    #[serde(default)]
    pub gelar_belakang: Option<String>,
    pub golongan: String,
    #[serde(default)]
    pub jabatan_id: Option<i64>,
    pub unit_id: i64,
    pub pendidikan: String,
    pub aktif: bool,
}

// ---------------------------------------------------------------- handlers

/// The signed-in session and its CSRF token for API writes.
#[utoipa::path(
    get, path = "/api/v1/sesi", tag = "sesi", security(("sesi" = [])),
    responses(
        (status = 200, body = SesiDto),
        (status = 401, description = "No session", body = ErrorBody),
    )
)]
pub(crate) async fn sesi_api(sesi: Sesi) -> Json<SesiDto> {
    Json(SesiDto {
        username: sesi.akun.username.clone(),
        nama_tampilan: sesi.akun.nama_tampilan.clone(),
        peran: sesi.role().code(),
        instansi_id: sesi.instansi_id().0,
        csrf_token: sesi.csrf.clone(),
        boleh_menulis: sesi.role().may_write(),
    })
}

/// Records one assessment of an employee (append-only).
#[utoipa::path(
    post, path = "/api/v1/pegawai/{id}/penilaian", tag = "penulisan", security(("sesi" = [])),
    params(
        ("id" = i64, Path, description = "Employee id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token (GET /api/v1/sesi)"),
    ),
    request_body = PenilaianBaruDto,
    responses(
        (status = 201, body = IdDto),
        (status = 400, description = "Invalid fields", body = GalatValidasiBody),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 403, description = "Read-only role, outside the writer's scope, or a wrong CSRF token", body = ErrorBody),
        (status = 404, description = "No such employee", body = ErrorBody),
    )
)]
pub(crate) async fn catat_penilaian(
    State(state): State<AppState>,
    sesi: Sesi,
    headers: HeaderMap,
    Path(raw): Path<String>,
    body: Result<Json<PenilaianBaruDto>, JsonRejection>,
) -> Result<Response, Tolak> {
    wajib_tulis_api(&sesi, &headers)?;
    let id = PegawaiId(id_api(&raw)?);
    let (pegawai, _) = pegawai_untuk_ditulis(&state, &sesi, id).await?;
    let b = badan(body)?;
    let isian = IsianPenilaian {
        kompetensi: b.kompetensi_id.to_string(),
        level: b.level.to_string(),
        metode: b.metode,
        tanggal: b.tanggal,
        asesor: b.asesor,
        catatan_bukti: b.catatan_bukti.unwrap_or_default(),
    };
    let kamus = state.store().list_kompetensi(sesi.instansi_id()).await?;
    let masa = crate::analitik::pengaturan(&state, sesi.instansi_id())
        .await?
        .masa_berlaku;
    let baru = periksa_penilaian(&isian, &pegawai, &kamus, &state, masa).map_err(Tolak::Isian)?;
    let ids = state
        .store()
        .record_penilaian(sesi.instansi_id(), &pelaku(&sesi), &[baru])
        .await?;
    let id = ids.first().map_or(0, |p| p.0);
    Ok((StatusCode::CREATED, Json(IdDto { id })).into_response())
}

/// Records an assessment round for a unit × competency, all or nothing.
#[utoipa::path(
    post, path = "/api/v1/penilaian/batch", tag = "penulisan", security(("sesi" = [])),
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    request_body = BatchDto,
    responses(
        (status = 201, body = BatchHasilDto),
        (status = 400, description = "Invalid fields or rows (`baris.<pegawai_id>`); nothing saved", body = GalatValidasiBody),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 403, description = "Read-only role, unit outside the writer's scope, or a wrong CSRF token", body = ErrorBody),
        (status = 404, description = "No such unit", body = ErrorBody),
    )
)]
pub(crate) async fn catat_batch(
    State(state): State<AppState>,
    sesi: Sesi,
    headers: HeaderMap,
    body: Result<Json<BatchDto>, JsonRejection>,
) -> Result<Response, Tolak> {
    wajib_tulis_api(&sesi, &headers)?;
    let b = badan(body)?;
    let level: Vec<(i64, String)> = b
        .hasil
        .iter()
        .map(|h| (h.pegawai_id, h.level.to_string()))
        .collect();
    let catatan = b.catatan_bukti.unwrap_or_default();
    let hasil = periksa_batch(
        &state,
        &sesi,
        UnitId(b.unit_id),
        &b.kompetensi_id.to_string(),
        (&b.metode, &b.tanggal, &b.asesor, &catatan),
        &level,
    )
    .await?;
    let (batch, _) = hasil.map_err(Tolak::Isian)?;
    let ids = state
        .store()
        .record_penilaian(sesi.instansi_id(), &pelaku(&sesi), &batch)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(BatchHasilDto {
            jumlah: ids.len(),
            ids: ids.iter().map(|p| p.0).collect(),
        }),
    )
        .into_response())
}

/// Replaces a position's competency standard.
#[utoipa::path(
    put, path = "/api/v1/jabatan/{id}/standar", tag = "penulisan", security(("sesi" = [])),
    params(
        ("id" = i64, Path, description = "Position id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token"),
    ),
    request_body = StandarDto,
    responses(
        (status = 200, body = StandarHasilDto),
        (status = 400, description = "Invalid lines (`baris.<n>.<field>`, n from 1)", body = GalatValidasiBody),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 403, description = "Read-only role, position outside the writer's scope, or a wrong CSRF token", body = ErrorBody),
        (status = 404, description = "No such position", body = ErrorBody),
    )
)]
pub(crate) async fn ubah_standar(
    State(state): State<AppState>,
    sesi: Sesi,
    headers: HeaderMap,
    Path(raw): Path<String>,
    body: Result<Json<StandarDto>, JsonRejection>,
) -> Result<Response, Tolak> {
    wajib_tulis_api(&sesi, &headers)?;
    let id = JabatanId(id_api(&raw)?);
    jabatan_untuk_ditulis(&state, &sesi, id).await?;
    let b = badan(body)?;
    let baris: Vec<(usize, BarisStandarIsian)> = b
        .items
        .iter()
        .enumerate()
        .map(|(n, s)| {
            (
                n + 1,
                BarisStandarIsian {
                    kompetensi: s.kompetensi_id.to_string(),
                    level: s.level.to_string(),
                    bobot: s.bobot.to_string(),
                },
            )
        })
        .collect();
    let kamus = state.store().list_kompetensi(sesi.instansi_id()).await?;
    let items = periksa_standar(&baris, &kamus).map_err(Tolak::Isian)?;
    state
        .store()
        .set_standar(sesi.instansi_id(), &pelaku(&sesi), id, &items)
        .await?;
    Ok(Json(StandarHasilDto {
        jumlah: items.len(),
    })
    .into_response())
}

/// Adds an employee.
#[utoipa::path(
    post, path = "/api/v1/pegawai", tag = "penulisan", security(("sesi" = [])),
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    request_body = PegawaiBaruDto,
    responses(
        (status = 201, body = IdDto),
        (status = 400, description = "Invalid fields (the NIP's reason in Indonesian) or a NIP that exists", body = GalatValidasiBody),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 403, description = "Read-only role or a wrong CSRF token", body = ErrorBody),
    )
)]
pub(crate) async fn tambah_pegawai(
    State(state): State<AppState>,
    sesi: Sesi,
    headers: HeaderMap,
    body: Result<Json<PegawaiBaruDto>, JsonRejection>,
) -> Result<Response, Tolak> {
    wajib_tulis_api(&sesi, &headers)?;
    let b = badan(body)?;
    let store = state.store();
    let units = PetaUnit::muat(store, &sesi).await?;
    let jabatan = jabatan_boleh(&state, &sesi, &units, None).await?;
    let isian = IsianPegawai {
        nip: b.nip,
        status: b.status,
        nama: b.nama,
        gelar_depan: b.gelar_depan.unwrap_or_default(),
        gelar_belakang: b.gelar_belakang.unwrap_or_default(),
        golongan: b.golongan,
        jabatan: b.jabatan_id.map(|j| j.to_string()).unwrap_or_default(),
        unit: b.unit_id.to_string(),
        pendidikan: b.pendidikan,
        aktif: Some(String::new()),
    };
    let baru = periksa_pegawai_baru(&isian, &sesi, &units, &jabatan).map_err(Tolak::Isian)?;
    let ids = store
        .add_pegawai(sesi.instansi_id(), &pelaku(&sesi), &[baru])
        .await
        .map_err(galat_simpan)?;
    let id = ids.first().map_or(0, |p| p.0);
    Ok((StatusCode::CREATED, Json(IdDto { id })).into_response())
}

/// Edits an employee; the NIP is not editable.
#[utoipa::path(
    put, path = "/api/v1/pegawai/{id}", tag = "penulisan", security(("sesi" = [])),
    params(
        ("id" = i64, Path, description = "Employee id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token"),
    ),
    request_body = PegawaiUbahDto,
    responses(
        (status = 200, body = IdDto),
        (status = 400, description = "Invalid fields", body = GalatValidasiBody),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 403, description = "Read-only role, outside the writer's scope, or a wrong CSRF token", body = ErrorBody),
        (status = 404, description = "No such employee", body = ErrorBody),
    )
)]
pub(crate) async fn ubah_pegawai(
    State(state): State<AppState>,
    sesi: Sesi,
    headers: HeaderMap,
    Path(raw): Path<String>,
    body: Result<Json<PegawaiUbahDto>, JsonRejection>,
) -> Result<Response, Tolak> {
    wajib_tulis_api(&sesi, &headers)?;
    let id = PegawaiId(id_api(&raw)?);
    let (p, units) = pegawai_untuk_ditulis(&state, &sesi, id).await?;
    let b = badan(body)?;
    let jabatan = jabatan_boleh(&state, &sesi, &units, p.jabatan).await?;
    let isian = IsianPegawai {
        nip: p.nip.as_str().to_owned(),
        status: p.status.code().to_owned(),
        nama: b.nama,
        gelar_depan: b.gelar_depan.unwrap_or_default(),
        gelar_belakang: b.gelar_belakang.unwrap_or_default(),
        golongan: b.golongan,
        jabatan: b.jabatan_id.map(|j| j.to_string()).unwrap_or_default(),
        unit: b.unit_id.to_string(),
        pendidikan: b.pendidikan,
        aktif: b.aktif.then(String::new),
    };
    let ubah = periksa_perubahan(&isian, &p, &sesi, &units, &jabatan).map_err(Tolak::Isian)?;
    state
        .store()
        .update_pegawai(sesi.instansi_id(), &pelaku(&sesi), id, &ubah)
        .await
        .map_err(galat_simpan)?;
    Ok(Json(IdDto { id: id.0 }).into_response())
}

/// The write paths, merged into the main OpenAPI document.
#[derive(OpenApi)]
#[openapi(
    paths(
        sesi_api,
        catat_penilaian,
        catat_batch,
        ubah_standar,
        tambah_pegawai,
        ubah_pegawai
    ),
    components(schemas(GalatValidasiBody, GalatValidasi)),
    tags(
        (name = "sesi", description = "The session and its CSRF token"),
        (name = "penulisan", description = "Data entry (admin; pimpinan within their unit). \
            Every write needs the `X-CSRF-Token` header."),
    )
)]
pub(crate) struct ApiTulisDoc;
