//! Login (`/masuk`) and logout (`/keluar`).

use super::{Layout, render_status};
use crate::AppState;
use crate::auth::{hash_token, sama_waktu_konstan, token_acak, verify_dummy, verify_password};
use crate::error::{AppError, PageError};
use crate::params::Params;
use crate::sesi::{COOKIE_CSRF, COOKIE_SESI, Sesi, cari_sesi, cookie, set_cookie, tujuan_aman};
use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use kompeten_store::{AccountId, Instansi, InstansiId, NewSession};
use std::collections::HashMap;

pub(crate) const PESAN_GAGAL: &str = "Nama pengguna atau kata sandi salah.";
const PESAN_NONAKTIF: &str = "Akun Anda tidak aktif. Hubungi admin BKPSDM.";
const PESAN_PILIH_INSTANSI: &str = "Pilih instansi Anda.";

pub(crate) struct PilihanInstansi {
    pub id: i64,
    pub nama: String,
    pub dipilih: bool,
}

#[derive(Template)]
#[template(path = "masuk.html")]
struct MasukTpl {
    layout: Layout,
    csrf: String,
    next: String,
    username: String,
    instansi: Vec<PilihanInstansi>,
    pesan: Option<&'static str>,
}

/// A login-form token: the existing cookie's when it is well formed, else a new one.
fn token_form(headers: &HeaderMap) -> Result<(String, bool), AppError> {
    match cookie(headers, COOKIE_CSRF) {
        Some(t) if t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit()) => Ok((t, false)),
        _ => Ok((token_acak()?, true)),
    }
}

/// What the login form shows besides its token.
struct IsiForm<'a> {
    daftar: &'a [Instansi],
    pilihan: Option<InstansiId>,
    next: &'a str,
    username: &'a str,
    pesan: Option<&'static str>,
}

fn halaman_masuk(
    state: &AppState,
    status: StatusCode,
    headers: &HeaderMap,
    isi: IsiForm<'_>,
) -> Result<Response, PageError> {
    let IsiForm {
        daftar,
        pilihan,
        next,
        username,
        pesan,
    } = isi;
    let (csrf, baru) = token_form(headers)?;
    let instansi = if daftar.len() > 1 {
        daftar
            .iter()
            .map(|i| PilihanInstansi {
                id: i.id.0,
                nama: i.nama.clone(),
                dipilih: Some(i.id) == pilihan,
            })
            .collect()
    } else {
        Vec::new()
    };
    let tpl = MasukTpl {
        layout: Layout::tamu("Masuk"),
        csrf: csrf.clone(),
        next: next.to_owned(),
        username: username.to_owned(),
        instansi,
        pesan,
    };
    let mut res = render_status(&tpl, status)?;
    if baru {
        let secure = state.config().cookie_secure;
        if let Some(v) = set_cookie(COOKIE_CSRF, &csrf, "Strict", secure, None) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    Ok(res)
}

pub(crate) async fn form(
    State(state): State<AppState>,
    headers: HeaderMap,
    params: Params,
) -> Result<Response, PageError> {
    let next = tujuan_aman(params.get("next"));
    if cari_sesi(&state, &headers).await?.is_some() {
        return Ok(Redirect::to(&next).into_response());
    }
    let daftar = state.store().list_instansi().await?;
    let isi = IsiForm {
        daftar: &daftar,
        pilihan: None,
        next: &next,
        username: "",
        pesan: None,
    };
    halaman_masuk(&state, StatusCode::OK, &headers, isi)
}

pub(crate) async fn kirim(
    State(state): State<AppState>,
    headers: HeaderMap,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Result<Response, PageError> {
    let form = form.map(|f| f.0).unwrap_or_default();
    let field = |k: &str| form.get(k).map(String::as_str);

    // Double-submit check: the hidden field must repeat the Strict cookie.
    let cookie_csrf = cookie(&headers, COOKIE_CSRF);
    let csrf_sah = match (cookie_csrf.as_deref(), field("csrf")) {
        (Some(c), Some(f)) => sama_waktu_konstan(c, f),
        _ => false,
    };
    if !csrf_sah {
        return Err(PageError(AppError::Csrf));
    }

    let next = tujuan_aman(field("next"));
    let username = field("username")
        .map(str::trim)
        .unwrap_or_default()
        .to_owned();
    let password = field("password").unwrap_or_default().to_owned();
    let store = state.store();
    let daftar = store.list_instansi().await?;
    let pilihan = match daftar.as_slice() {
        [satu] => Some(satu.id),
        _ => field("instansi")
            .and_then(|v| v.trim().parse::<i64>().ok())
            .map(InstansiId)
            .filter(|id| daftar.iter().any(|i| i.id == *id)),
    };
    let gagal = |status, pesan| {
        let isi = IsiForm {
            daftar: &daftar,
            pilihan,
            next: &next,
            username: &username,
            pesan: Some(pesan),
        };
        halaman_masuk(&state, status, &headers, isi)
    };
    let Some(instansi) = pilihan else {
        return gagal(StatusCode::BAD_REQUEST, PESAN_PILIH_INSTANSI);
    };

    let akun = if username.is_empty() {
        None
    } else {
        store.account_by_username(instansi, &username).await?
    };
    let hash = akun.as_ref().map(|a| a.password_hash.clone());
    let cocok = tokio::task::spawn_blocking(move || match hash {
        Some(hash) => verify_password(&password, &hash),
        None => {
            verify_dummy(&password);
            false
        }
    })
    .await
    .unwrap_or_else(|e| {
        tracing::error!(error = %e, "password verification task failed");
        false
    });
    let akun = match akun {
        Some(a) if cocok => a,
        _ => {
            tracing::info!(instansi = instansi.0, "failed login");
            return gagal(StatusCode::UNAUTHORIZED, PESAN_GAGAL);
        }
    };
    if !akun.aktif {
        tracing::info!(
            instansi = instansi.0,
            account = akun.id.0,
            "login to an inactive account"
        );
        return gagal(StatusCode::FORBIDDEN, PESAN_NONAKTIF);
    }

    let sesi_baru = buka_sesi(&state, instansi, akun.id).await?;
    tracing::info!(instansi = instansi.0, account = akun.id.0, "login");

    let secure = state.config().cookie_secure;
    let mut res = Redirect::to(&next).into_response();
    if let Some(v) = sesi_baru {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    if let Some(v) = set_cookie(COOKIE_CSRF, "", "Strict", secure, Some(0)) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(res)
}

/// A new session for `akun`: stored (by its token's hash), and the cookie
/// that carries the token.
pub(crate) async fn buka_sesi(
    state: &AppState,
    instansi: InstansiId,
    akun: AccountId,
) -> Result<Option<HeaderValue>, AppError> {
    let store = state.store();
    let now = state.now();
    if let Err(e) = store.purge_expired_sessions(instansi, now).await {
        tracing::warn!(error = %e, "cannot purge expired sessions");
    }
    let token = token_acak()?;
    let token_hash = hash_token(&token).ok_or_else(|| AppError::Internal("bad token".into()))?;
    let ttl = state.config().session_ttl;
    store
        .create_session(
            instansi,
            &NewSession {
                token_hash,
                account: akun,
                csrf_token: token_acak()?,
                expires_at: now + ttl,
            },
        )
        .await?;
    let value = format!("{}.{}", instansi.0, token);
    Ok(set_cookie(
        COOKIE_SESI,
        &value,
        "Lax",
        state.config().cookie_secure,
        Some(ttl.whole_seconds()),
    ))
}

pub(crate) async fn keluar(
    State(state): State<AppState>,
    sesi: Sesi,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Result<Response, PageError> {
    let form = form.map(|f| f.0).unwrap_or_default();
    if !sesi.csrf_sah(form.get("csrf").map(String::as_str)) {
        return Err(PageError(AppError::Csrf));
    }
    state
        .store()
        .delete_session(sesi.instansi_id(), &sesi.token_hash)
        .await?;
    tracing::info!(
        instansi = sesi.instansi_id().0,
        account = sesi.akun.id.0,
        "logout"
    );
    let mut res = Redirect::to("/masuk").into_response();
    if let Some(v) = set_cookie(
        COOKIE_SESI,
        "",
        "Lax",
        state.config().cookie_secure,
        Some(0),
    ) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(res)
}
