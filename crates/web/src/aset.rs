//! Static files embedded in the binary, served under `/aset/` with long caching.
//!
//! Pages link them with a `?v=` of their content hash, so a new build never
//! serves a stale file from a browser cache.

use axum::extract::Path;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(rust_embed::RustEmbed)]
#[folder = "assets/"]
struct Aset;

fn jenis_isi(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, ext)| ext) {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// `/aset/<name>?v=<first 12 hex digits of its SHA-256>`.
pub(crate) fn url(name: &str) -> String {
    static VERSI: OnceLock<HashMap<String, String>> = OnceLock::new();
    let versi = VERSI.get_or_init(|| {
        Aset::iter()
            .filter_map(|name| {
                let file = Aset::get(&name)?;
                let hash = crate::auth::hex(&file.metadata.sha256_hash()[..6]);
                Some((name.into_owned(), hash))
            })
            .collect()
    });
    match versi.get(name) {
        Some(v) => format!("/aset/{name}?v={v}"),
        None => format!("/aset/{name}"),
    }
}

pub(crate) async fn sajikan(Path(path): Path<String>) -> Response {
    // The folder's notes (VENDORED.md) are for developers, not for browsers.
    let file = if path.ends_with(".md") {
        None
    } else {
        Aset::get(&path)
    };
    match file {
        Some(file) => (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static(jenis_isi(&path)),
                ),
                (
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=31536000, immutable"),
                ),
            ],
            file.data.into_owned(),
        )
            .into_response(),
        None => crate::error::halaman_galat(&crate::error::AppError::NotFound),
    }
}
