//! Errors as pages and as JSON, the fallbacks, and the security headers.

use crate::halaman::Layout;
use askama::Template;
use axum::Json;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use kompeten_store::StoreError;
use serde::Serialize;

pub(crate) const PESAN_GANTI_SANDI: &str =
    "Kata sandi akun ini dipilih oleh admin; ganti dulu dengan kata sandi Anda sendiri di /sandi.";

/// Why a request failed, before it is shown as a page or as JSON.
#[derive(Debug)]
pub(crate) enum AppError {
    Unauthorized,
    Forbidden,
    NotFound,
    BadRequest(String),
    /// A POST whose CSRF token is missing or wrong.
    Csrf,
    /// The account must choose its own password before anything else.
    GantiSandi,
    /// Anything unexpected; the text is logged, never shown.
    Internal(String),
}

impl AppError {
    pub(crate) fn internal(error: &(dyn std::error::Error + 'static)) -> Self {
        let mut text = error.to_string();
        let mut source = error.source();
        while let Some(cause) = source {
            text.push_str(": ");
            text.push_str(&cause.to_string());
            source = cause.source();
        }
        AppError::Internal(text)
    }

    fn status(&self) -> StatusCode {
        match self {
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::Csrf | AppError::GantiSandi => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn log(&self) {
        if let AppError::Internal(text) = self {
            tracing::error!(error = %text, "request failed");
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound(_) => AppError::NotFound,
            StoreError::Invalid(m) | StoreError::Conflict(m) => AppError::BadRequest(m),
            other => AppError::internal(&other),
        }
    }
}

impl From<crate::auth::HashError> for AppError {
    fn from(e: crate::auth::HashError) -> Self {
        AppError::internal(&e)
    }
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        AppError::internal(&e)
    }
}

/// An error shown as an HTML page.
#[derive(Debug)]
pub(crate) struct PageError(pub AppError);

impl<E: Into<AppError>> From<E> for PageError {
    fn from(e: E) -> Self {
        PageError(e.into())
    }
}

#[derive(Template)]
#[template(path = "galat.html")]
struct GalatTpl {
    layout: Layout,
    kode: u16,
    judul: &'static str,
    pesan: String,
}

pub(crate) fn halaman_galat(error: &AppError) -> Response {
    error.log();
    let (judul, pesan) = match error {
        AppError::Unauthorized => ("Perlu masuk", "Silakan masuk terlebih dahulu.".to_owned()),
        AppError::Forbidden => (
            "Akses ditolak",
            "Peran Anda tidak memberi akses ke halaman ini.".to_owned(),
        ),
        AppError::Csrf => (
            "Permintaan ditolak",
            "Permintaan ditolak (token CSRF tidak valid). Muat ulang halaman lalu coba lagi."
                .to_owned(),
        ),
        AppError::GantiSandi => ("Ganti kata sandi", PESAN_GANTI_SANDI.to_owned()),
        AppError::NotFound => (
            "Halaman tidak ditemukan",
            "Alamat yang Anda buka tidak ada atau sudah dipindahkan.".to_owned(),
        ),
        AppError::BadRequest(m) => ("Permintaan tidak valid", m.clone()),
        AppError::Internal(_) => (
            "Terjadi kesalahan",
            "Terjadi kesalahan di server. Kejadian ini sudah dicatat; silakan coba lagi nanti."
                .to_owned(),
        ),
    };
    let status = error.status();
    let tpl = GalatTpl {
        layout: Layout::tamu(judul),
        kode: status.as_u16(),
        judul,
        pesan,
    };
    match tpl.render() {
        Ok(html) => (status, axum::response::Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "cannot render the error page");
            (status, judul).into_response()
        }
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        halaman_galat(&self.0)
    }
}

/// An error answered as `{"error": {"code": ..., "message": ...}}`.
#[derive(Debug)]
pub(crate) struct ApiError(pub AppError);

impl<E: Into<AppError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError(e.into())
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct ErrorDetail {
    /// One of unauthorized, forbidden, not_found, bad_request, internal.
    #[schema(example = "not_found")]
    pub code: &'static str,
    pub message: String,
}

pub(crate) fn json_galat(error: &AppError) -> Response {
    error.log();
    let (code, message) = match error {
        AppError::Unauthorized => (
            "unauthorized",
            "Perlu masuk: sesi tidak ada atau sudah berakhir.".to_owned(),
        ),
        AppError::Forbidden => (
            "forbidden",
            "Peran Anda tidak memberi akses ke data ini.".to_owned(),
        ),
        AppError::Csrf => ("forbidden", "Token CSRF tidak valid.".to_owned()),
        AppError::GantiSandi => ("password_change_required", PESAN_GANTI_SANDI.to_owned()),
        AppError::NotFound => ("not_found", "Data tidak ditemukan.".to_owned()),
        AppError::BadRequest(m) => ("bad_request", m.clone()),
        AppError::Internal(_) => (
            "internal",
            "Terjadi kesalahan di server; kejadian ini sudah dicatat.".to_owned(),
        ),
    };
    (
        error.status(),
        Json(ErrorBody {
            error: ErrorDetail { code, message },
        }),
    )
        .into_response()
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        json_galat(&self.0)
    }
}

fn di_api(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

/// Unknown routes: the 404 page, or JSON under the API.
pub(crate) async fn tidak_ditemukan(req: Request) -> Response {
    if di_api(req.uri().path()) {
        json_galat(&AppError::NotFound)
    } else {
        halaman_galat(&AppError::NotFound)
    }
}

/// A known route with the wrong method.
pub(crate) async fn metode_tidak_diizinkan(req: Request) -> Response {
    let mut res = if di_api(req.uri().path()) {
        json_galat(&AppError::BadRequest(
            "Metode tidak didukung di alamat ini.".to_owned(),
        ))
    } else {
        halaman_galat(&AppError::BadRequest(
            "Metode permintaan ini tidak didukung di alamat tersebut.".to_owned(),
        ))
    };
    *res.status_mut() = StatusCode::METHOD_NOT_ALLOWED;
    res
}

pub(crate) const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; \
     script-src 'self'; frame-ancestors 'none'; form-action 'self'";

/// Adds the security headers to every response; dynamic answers are never cached.
pub(crate) async fn header_keamanan(req: Request, next: Next) -> Response {
    let ada_pesan = crate::sesi::cookie(req.headers(), crate::sesi::COOKIE_PESAN).is_some();
    let mut res = next.run(req).await;
    // A confirmation is shown once: the first page that answers clears it.
    if ada_pesan
        && res.status() == StatusCode::OK
        && let Some(v) =
            crate::sesi::set_cookie(crate::sesi::COOKIE_PESAN, "", "Lax", false, Some(0))
    {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}
