//! `/sandi`: every signed-in user changes their own password. The old one
//! is asked again (a session left open is not enough); the change ends
//! every session of the account, and the one it was made in starts anew.
//! An account whose password an administrator chose is sent here (by the
//! session extractor) until it has chosen its own.

use super::akun::{hash, sandi_sah};
use super::masuk::buka_sesi;
use super::tulis::{Isian, alihkan, ambil, isian_sah};
use super::{Layout, render, render_status};
use crate::AppState;
use crate::auth::{MIN_PASSWORD_CHARS, verify_password};
use crate::error::{AppError, PageError};
use crate::sesi::Sesi;
use crate::tulis::pelaku;
use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, State};
use axum::http::{StatusCode, header};
use axum::response::Response;

#[derive(Template)]
#[template(path = "sandi.html")]
struct SandiTpl {
    layout: Layout,
    csrf: String,
    min: usize,
    /// An administrator chose the password: nothing else opens until it changes.
    wajib: bool,
    /// Which field a refusal is about: the old password or the new one.
    galat_lama: bool,
    galat_baru: bool,
    pesan_galat: String,
}

fn halaman(
    sesi: &Sesi,
    galat: Option<(&'static str, String)>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let tpl = SandiTpl {
        layout: Layout::untuk(sesi, "Ganti kata sandi", "sandi"),
        csrf: sesi.csrf.clone(),
        min: MIN_PASSWORD_CHARS,
        wajib: sesi.akun.wajib_ganti_sandi,
        galat_lama: galat.as_ref().is_some_and(|g| g.0 == "sandi_lama"),
        galat_baru: galat.as_ref().is_some_and(|g| g.0 == "sandi"),
        pesan_galat: galat.map(|g| g.1).unwrap_or_default(),
    };
    if status == StatusCode::OK {
        render(&tpl)
    } else {
        render_status(&tpl, status)
    }
}

pub(crate) async fn form(sesi: Sesi) -> Result<Response, PageError> {
    halaman(&sesi, None, StatusCode::OK)
}

pub(crate) async fn ganti(
    State(state): State<AppState>,
    sesi: Sesi,
    form: Result<Form<Isian>, FormRejection>,
) -> Result<Response, PageError> {
    let pairs = isian_sah(&sesi, form)?;
    let i = sesi.instansi_id();
    // The stored hash, not the session's copy: it may have changed since.
    let akun = state.store().account(i, sesi.akun.id).await?;
    let lama = ambil(&pairs, "sandi_lama").to_owned();
    let hash_lama = akun.password_hash.clone();
    let cocok = tokio::task::spawn_blocking(move || verify_password(&lama, &hash_lama))
        .await
        .map_err(|e| AppError::Internal(format!("verifying a password: {e}")))?;
    if !cocok {
        tracing::info!(
            instansi = i.0,
            account = akun.id.0,
            "password change refused: wrong current password"
        );
        let galat = ("sandi_lama", "Kata sandi lama salah.".to_owned());
        return halaman(&sesi, Some(galat), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let sandi = match sandi_sah(&pairs) {
        Ok(s) if s == ambil(&pairs, "sandi_lama") => {
            let galat = (
                "sandi",
                "Kata sandi baru harus berbeda dari yang lama.".to_owned(),
            );
            return halaman(&sesi, Some(galat), StatusCode::UNPROCESSABLE_ENTITY);
        }
        Ok(s) => s,
        Err(m) => return halaman(&sesi, Some(("sandi", m)), StatusCode::UNPROCESSABLE_ENTITY),
    };
    let baru = hash(sandi).await?;
    // Ends every session of the account, this one included.
    state
        .store()
        .set_password(i, &pelaku(&sesi), akun.id, &baru, false)
        .await?;
    tracing::info!(instansi = i.0, account = akun.id.0, "own password changed");
    let mut res = alihkan(&state, "/", "sandi-ganti");
    if let Some(v) = buka_sesi(&state, i, akun.id).await? {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(res)
}
