//! The signed-in session: cookies, lookup, and the CSRF check of forms.

use crate::AppState;
use crate::auth::{hash_token, lingkup, sama_waktu_konstan};
use crate::error::{AppError, halaman_galat, json_galat};
use crate::format::enkode_url;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use kompeten_domain::Role;
use kompeten_store::{Account, Instansi, InstansiId, Lingkup};

pub(crate) const COOKIE_SESI: &str = "kompeten_sesi";
pub(crate) const COOKIE_CSRF: &str = "kompeten_csrf";
/// A one-time confirmation after a redirect (a short code, never free text).
pub(crate) const COOKIE_PESAN: &str = "kompeten_pesan";

/// The confirmation shown once for a [`COOKIE_PESAN`] code.
pub(crate) fn pesan_kilat(kode: &str) -> Option<&'static str> {
    match kode {
        "penilaian" => Some("Hasil penilaian tersimpan."),
        "pegawai-baru" => Some("Pegawai baru tersimpan."),
        "pegawai-ubah" => Some("Perubahan data pegawai tersimpan."),
        "standar" => Some("Standar kompetensi jabatan tersimpan."),
        "pengaturan" => Some("Pengaturan analitik tersimpan."),
        "mitra-baru" => Some("Mitra baru tersimpan."),
        "mitra-ubah" => Some("Perubahan data mitra tersimpan."),
        "program-baru" => Some("Program baru tersimpan di katalog."),
        "program-ubah" => Some("Perubahan program tersimpan."),
        "usulan-baru" => Some("Usulan kebutuhan tersimpan."),
        "usulan-putus" => Some("Keputusan atas usulan tersimpan."),
        "pengaturan-kebutuhan" => Some("Prioritas kebutuhan tersimpan."),
        "pengaturan-mitra" => Some("Pengaturan kerja sama mitra tersimpan."),
        "akun-baru" => Some("Akun baru tersimpan."),
        "akun-sandi" => Some("Kata sandi baru tersimpan; sesi akun itu berakhir."),
        "akun-aktif" => Some("Akun diaktifkan kembali."),
        "akun-nonaktif" => Some("Akun dinonaktifkan; sesinya berakhir."),
        "sandi-ganti" => Some("Kata sandi Anda diganti; sesi di perangkat lain berakhir."),
        _ => None,
    }
}

/// A live session with its account and instansi.
#[derive(Debug, Clone)]
pub(crate) struct Sesi {
    pub akun: Account,
    pub instansi: Instansi,
    pub csrf: String,
    pub token_hash: String,
    /// A confirmation to show once, from the previous write.
    pub pesan: Option<&'static str>,
}

impl Sesi {
    pub(crate) fn instansi_id(&self) -> InstansiId {
        self.instansi.id
    }

    pub(crate) fn role(&self) -> Role {
        self.akun.role
    }

    pub(crate) fn lingkup(&self) -> Lingkup {
        lingkup(&self.akun)
    }

    /// Whether the submitted form token is this session's.
    pub(crate) fn csrf_sah(&self, submitted: Option<&str>) -> bool {
        submitted.is_some_and(|t| sama_waktu_konstan(t, &self.csrf))
    }
}

/// The value of a cookie from the request's `Cookie` headers.
pub(crate) fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim().to_owned())
}

/// `<instansi id>.<token hex>` split into its parts.
pub(crate) fn urai_cookie_sesi(value: &str) -> Option<(InstansiId, String)> {
    let (id, token) = value.split_once('.')?;
    let id: i64 = id.parse().ok()?;
    let hash = hash_token(token)?;
    Some((InstansiId(id), hash))
}

/// A `Set-Cookie` value; `max_age` of 0 removes the cookie.
pub(crate) fn set_cookie(
    name: &str,
    value: &str,
    same_site: &str,
    secure: bool,
    max_age: Option<i64>,
) -> Option<HeaderValue> {
    let mut text = format!("{name}={value}; Path=/; HttpOnly; SameSite={same_site}");
    if let Some(age) = max_age {
        text.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        text.push_str("; Secure");
    }
    HeaderValue::from_str(&text).ok()
}

/// Looks the session up from the cookie; `Ok(None)` when there is none or it has ended.
pub(crate) async fn cari_sesi(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<Sesi>, AppError> {
    let Some((instansi_id, token_hash)) = cookie(headers, COOKIE_SESI)
        .as_deref()
        .and_then(urai_cookie_sesi)
    else {
        return Ok(None);
    };
    let store = state.store();
    let session = match store.session(instansi_id, &token_hash, state.now()).await {
        Ok(Some(s)) => s,
        Ok(None) | Err(kompeten_store::StoreError::NotFound(_)) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    if !session.account.aktif || session.account.instansi != instansi_id {
        return Ok(None);
    }
    let instansi = store.instansi(instansi_id).await?;
    Ok(Some(Sesi {
        akun: session.account,
        instansi,
        csrf: session.csrf_token,
        token_hash,
        pesan: cookie(headers, COOKIE_PESAN)
            .as_deref()
            .and_then(pesan_kilat),
    }))
}

/// Why a request got no session: pages go to the login form, the API answers 401;
/// an account that must change its password is sent to `/sandi` (the API: 403).
pub(crate) enum TanpaSesi {
    Masuk { next: String, htmx: bool },
    GantiSandi { api: bool, htmx: bool },
    Api,
    Galat { error: AppError, api: bool },
}

impl IntoResponse for TanpaSesi {
    fn into_response(self) -> Response {
        match self {
            TanpaSesi::Masuk { next, htmx } => {
                pindah(&format!("/masuk?next={}", enkode_url(&next)), htmx)
            }
            TanpaSesi::GantiSandi { api: true, .. } => json_galat(&AppError::GantiSandi),
            TanpaSesi::GantiSandi { htmx, .. } => pindah("/sandi", htmx),
            TanpaSesi::Api => json_galat(&AppError::Unauthorized),
            TanpaSesi::Galat { error, api: true } => json_galat(&error),
            TanpaSesi::Galat { error, api: false } => halaman_galat(&error),
        }
    }
}

/// A redirect to `target`; htmx would swap that page into the results, so
/// it is asked to navigate instead.
fn pindah(target: &str, htmx: bool) -> Response {
    if !htmx {
        return Redirect::to(target).into_response();
    }
    let mut res = axum::http::StatusCode::OK.into_response();
    if let Ok(v) = HeaderValue::from_str(target) {
        res.headers_mut().insert("HX-Redirect", v);
    }
    res
}

impl FromRequestParts<AppState> for Sesi {
    type Rejection = TanpaSesi;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let path = parts.uri.path();
        let api = path.starts_with("/api/");
        match cari_sesi(state, &parts.headers).await {
            // A password an administrator chose: nothing but choosing one's
            // own (or leaving) until then.
            Ok(Some(sesi))
                if sesi.akun.wajib_ganti_sandi && !matches!(path, "/sandi" | "/keluar") =>
            {
                Err(TanpaSesi::GantiSandi {
                    api,
                    htmx: parts.headers.contains_key("hx-request"),
                })
            }
            Ok(Some(sesi)) => Ok(sesi),
            Ok(None) if api => Err(TanpaSesi::Api),
            Ok(None) => Err(TanpaSesi::Masuk {
                next: parts
                    .uri
                    .path_and_query()
                    .map_or("/", |pq| pq.as_str())
                    .to_owned(),
                htmx: parts.headers.contains_key("hx-request"),
            }),
            Err(error) => Err(TanpaSesi::Galat { error, api }),
        }
    }
}

/// Where to go after login: only a local path, never another site.
pub(crate) fn tujuan_aman(next: Option<&str>) -> String {
    let Some(next) = next.map(str::trim) else {
        return "/".to_owned();
    };
    let lokal = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(char::is_control)
        && !next.starts_with("/masuk")
        && !next.starts_with("/keluar");
    if lokal {
        next.to_owned()
    } else {
        "/".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed_after_login() {
        assert_eq!(tujuan_aman(Some("/pegawai?q=siti")), "/pegawai?q=siti");
        assert_eq!(tujuan_aman(Some("https://evil.example/")), "/");
        assert_eq!(tujuan_aman(Some("//evil.example/")), "/");
        assert_eq!(tujuan_aman(Some("/\\evil.example")), "/");
        assert_eq!(tujuan_aman(Some("/masuk")), "/");
        assert_eq!(tujuan_aman(Some("/x\r\nSet-Cookie: a=b")), "/");
        assert_eq!(tujuan_aman(None), "/");
        assert_eq!(tujuan_aman(Some("")), "/");
    }

    #[test]
    fn cookies_are_read_from_any_cookie_header() {
        let mut h = HeaderMap::new();
        h.append(
            header::COOKIE,
            HeaderValue::from_static("a=1; kompeten_sesi=7.abc"),
        );
        h.append(
            header::COOKIE,
            HeaderValue::from_static("kompeten_csrf=xyz"),
        );
        assert_eq!(cookie(&h, "kompeten_sesi").as_deref(), Some("7.abc"));
        assert_eq!(cookie(&h, "kompeten_csrf").as_deref(), Some("xyz"));
        assert_eq!(cookie(&h, "b"), None);
    }

    #[test]
    fn session_cookie_values_need_an_id_and_a_full_token() {
        let token = "ab".repeat(32);
        let (id, hash) = urai_cookie_sesi(&format!("12.{token}")).expect("valid");
        assert_eq!(id, InstansiId(12));
        assert_eq!(hash.len(), 64);
        assert_eq!(urai_cookie_sesi(&token), None);
        assert_eq!(urai_cookie_sesi("x.abcd"), None);
        assert_eq!(urai_cookie_sesi("1.abcd"), None);
    }
}
