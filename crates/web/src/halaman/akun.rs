//! `/akun`: BKPSDM's administrators manage the instansi's accounts: add
//! one (with the unit a head leads, the employee behind a pegawai account
//! or the partner of a mitra account), set a new password, deactivate
//! and activate. Passwords are argon2id hashes; a new password and a
//! deactivation end the account's sessions.

use super::pegawai::id_path;
use super::tulis::{Isian, alihkan, ambil, isian_sah};
use super::{Layout, render, render_status};
use crate::AppState;
use crate::auth::MIN_PASSWORD_CHARS;
use crate::error::{AppError, PageError};
use crate::layanan::{PetaUnit, pegawai_dalam_lingkup};
use crate::sesi::Sesi;
use crate::tulis::{GalatIsian, pelaku, wajib_admin};
use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use kompeten_domain::Role;
use kompeten_store::{Account, AccountId, MitraId, NewAccount, PegawaiId, StoreError, UnitId};
use std::collections::HashMap;

const MAX_USERNAME: usize = 100;
const MAX_NAMA: usize = 200;

struct BarisAkun {
    id: i64,
    username: String,
    nama: String,
    peran: &'static str,
    /// The unit, employee or partner behind the account.
    terkait: String,
    aktif: bool,
    /// Must choose its own password at the next login.
    wajib_ganti: bool,
    /// The reader's own account cannot be deactivated from here.
    sendiri: bool,
}

struct Opsi {
    nilai: String,
    label: String,
    dipilih: bool,
}

/// The new-account form as typed (never the passwords).
#[derive(Default)]
struct IsianAkun {
    username: String,
    nama: String,
    peran: String,
    unit: String,
    nip: String,
    mitra: String,
}

#[derive(Template)]
#[template(path = "akun.html")]
struct AkunTpl {
    layout: Layout,
    csrf: String,
    akun: Vec<BarisAkun>,
    isian: IsianAkun,
    peran: Vec<Opsi>,
    unit: Vec<Opsi>,
    mitra: Vec<Opsi>,
    galat: GalatIsian,
    /// A refused password or status change: the account (0: none) and why.
    galat_akun: i64,
    galat_akun_pesan: String,
}

async fn halaman(
    state: &AppState,
    sesi: &Sesi,
    isian: IsianAkun,
    galat: GalatIsian,
    galat_akun: Option<(i64, String)>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let store = state.store();
    let i = sesi.instansi_id();
    let units = PetaUnit::muat(store, sesi).await?;
    let mitra = store.list_mitra(i).await?;
    // Every ASN may have an account: the employees are read in bulk, and
    // only one who is no longer active is read on its own.
    let pegawai: HashMap<PegawaiId, String> = pegawai_dalam_lingkup(store, sesi, None, None)
        .await?
        .into_iter()
        .map(|p| (p.id, format!("{} ({})", p.nama_lengkap, p.nip)))
        .collect();
    let mut akun = Vec::new();
    for a in store.accounts(i).await? {
        let terkait = match (a.unit, a.pegawai, a.mitra) {
            (Some(u), _, _) => units.jalur_teks(u),
            (_, Some(p), _) => match pegawai.get(&p) {
                Some(teks) => teks.clone(),
                None => match store.pegawai(i, p).await {
                    Ok(p) => format!("{} ({}), tidak aktif", p.nama_lengkap(), p.nip),
                    Err(StoreError::NotFound(_)) => String::new(),
                    Err(e) => return Err(AppError::from(e).into()),
                },
            },
            (_, _, Some(m)) => mitra
                .iter()
                .find(|x| x.id == m)
                .map(|x| x.nama.clone())
                .unwrap_or_default(),
            _ => String::new(),
        };
        akun.push(BarisAkun {
            id: a.id.0,
            sendiri: a.id == sesi.akun.id,
            username: a.username,
            nama: a.nama_tampilan,
            peran: a.role.label(),
            terkait,
            aktif: a.aktif,
            wajib_ganti: a.wajib_ganti_sandi,
        });
    }
    let tpl = AkunTpl {
        layout: Layout::untuk(sesi, "Akun", "akun"),
        csrf: sesi.csrf.clone(),
        akun,
        peran: Role::ALL
            .iter()
            .map(|r| Opsi {
                nilai: r.code().to_owned(),
                label: r.label().to_owned(),
                dipilih: isian.peran == r.code(),
            })
            .collect(),
        unit: units
            .units
            .iter()
            .map(|u| Opsi {
                nilai: u.id.to_string(),
                label: format!("{}{}", "— ".repeat(u.kedalaman()), u.nama),
                dipilih: isian.unit == u.id.to_string(),
            })
            .collect(),
        mitra: mitra
            .iter()
            .map(|m| Opsi {
                nilai: m.id.to_string(),
                label: m.nama.clone(),
                dipilih: isian.mitra == m.id.to_string(),
            })
            .collect(),
        isian,
        galat,
        galat_akun: galat_akun.as_ref().map_or(0, |(id, _)| *id),
        galat_akun_pesan: galat_akun.map(|(_, m)| m).unwrap_or_default(),
    };
    if status == StatusCode::OK {
        render(&tpl)
    } else {
        render_status(&tpl, status)
    }
}

pub(crate) async fn daftar(
    State(state): State<AppState>,
    sesi: Sesi,
) -> Result<Response, PageError> {
    wajib_admin(&sesi)?;
    halaman(
        &state,
        &sesi,
        IsianAkun {
            peran: Role::Pegawai.code().to_owned(),
            ..IsianAkun::default()
        },
        GalatIsian::new(),
        None,
        StatusCode::OK,
    )
    .await
}

/// The password pair of a form: the password, or why not.
pub(crate) fn sandi_sah(pairs: &Isian) -> Result<String, String> {
    let sandi = ambil(pairs, "sandi");
    if sandi.chars().count() < MIN_PASSWORD_CHARS {
        return Err(format!(
            "Kata sandi paling sedikit {MIN_PASSWORD_CHARS} karakter."
        ));
    }
    if sandi != ambil(pairs, "sandi_ulang") {
        return Err("Kedua kata sandi tidak sama.".to_owned());
    }
    Ok(sandi.to_owned())
}

/// argon2id is slow on purpose: off the async workers.
pub(crate) async fn hash(sandi: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || crate::auth::hash_password(&sandi))
        .await
        .map_err(|e| AppError::Internal(format!("hashing a password: {e}")))?
        .map_err(|e| AppError::Internal(format!("hashing a password: {e}")))
}

pub(crate) async fn baru(
    State(state): State<AppState>,
    sesi: Sesi,
    form: Result<Form<Isian>, FormRejection>,
) -> Result<Response, PageError> {
    wajib_admin(&sesi)?;
    let pairs = isian_sah(&sesi, form)?;
    let store = state.store();
    let i = sesi.instansi_id();
    let isian = IsianAkun {
        username: ambil(&pairs, "username").trim().to_owned(),
        nama: ambil(&pairs, "nama").trim().to_owned(),
        peran: ambil(&pairs, "peran").trim().to_owned(),
        unit: ambil(&pairs, "unit").trim().to_owned(),
        nip: ambil(&pairs, "nip").trim().to_owned(),
        mitra: ambil(&pairs, "mitra").trim().to_owned(),
    };
    let mut galat = GalatIsian::new();
    let username = &isian.username;
    if username.is_empty() {
        galat.insert("username".into(), "Nama pengguna wajib diisi.".into());
    } else if username.chars().count() > MAX_USERNAME
        || !username
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
    {
        galat.insert(
            "username".into(),
            format!(
                "Nama pengguna hanya huruf, angka, titik, garis bawah atau tanda hubung, paling banyak {MAX_USERNAME} karakter."
            ),
        );
    } else if store.account_by_username(i, username).await?.is_some() {
        galat.insert("username".into(), "Nama pengguna ini sudah dipakai.".into());
    }
    if isian.nama.is_empty() || isian.nama.chars().count() > MAX_NAMA {
        galat.insert(
            "nama".into(),
            format!("Nama tampilan wajib diisi, paling banyak {MAX_NAMA} karakter."),
        );
    }
    let peran = Role::from_code(&isian.peran).ok();
    if peran.is_none() {
        galat.insert("peran".into(), "Pilih peran akun.".into());
    }
    let units = PetaUnit::muat(store, &sesi).await?;
    let mut unit = None;
    let mut pegawai = None;
    let mut mitra = None;
    match peran {
        Some(Role::PimpinanOpd) => {
            unit = isian
                .unit
                .parse()
                .ok()
                .map(UnitId)
                .filter(|&u| units.get(u).is_some());
            if unit.is_none() {
                galat.insert("unit".into(), "Pilih unit yang dipimpin.".into());
            }
        }
        Some(Role::Pegawai) => {
            let nip: String = isian.nip.chars().filter(|c| !c.is_whitespace()).collect();
            pegawai = match store.pegawai_by_nip(i, &nip).await? {
                Some(p) => Some(p.id),
                None => {
                    galat.insert(
                        "nip".into(),
                        "Tidak ada pegawai dengan NIP ini di instansi Anda.".into(),
                    );
                    None
                }
            };
        }
        Some(Role::Mitra) => {
            let daftar = store.list_mitra(i).await?;
            mitra = isian
                .mitra
                .parse()
                .ok()
                .map(MitraId)
                .filter(|m| daftar.iter().any(|x| x.id == *m));
            if mitra.is_none() {
                galat.insert("mitra".into(), "Pilih mitra yang diwakili akun ini.".into());
            }
        }
        _ => {}
    }
    let sandi = match sandi_sah(&pairs) {
        Ok(s) => Some(s),
        Err(m) => {
            galat.insert("sandi".into(), m);
            None
        }
    };
    let (Some(peran), Some(sandi), true) = (peran, sandi, galat.is_empty()) else {
        return halaman(
            &state,
            &sesi,
            isian,
            galat,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let baru = NewAccount {
        username: isian.username.clone(),
        nama_tampilan: isian.nama.clone(),
        password_hash: hash(sandi).await?,
        role: peran,
        unit,
        pegawai,
        mitra,
        wajib_ganti_sandi: true,
    };
    match store.create_account(i, &pelaku(&sesi), &baru).await {
        Ok(_) => Ok(alihkan(&state, "/akun", "akun-baru")),
        // Another administrator took the name a moment ago.
        Err(StoreError::Conflict(_)) => {
            let mut galat = GalatIsian::new();
            galat.insert("username".into(), "Nama pengguna ini sudah dipakai.".into());
            halaman(&state, &sesi, isian, galat, None, StatusCode::CONFLICT).await
        }
        Err(e) => Err(AppError::from(e).into()),
    }
}

/// A form on one account: administrator, CSRF, then the account of `raw`
/// in the reader's instansi.
async fn form_akun(
    state: &AppState,
    sesi: &Sesi,
    raw: &str,
    form: Result<Form<Isian>, FormRejection>,
) -> Result<(Isian, Account), AppError> {
    wajib_admin(sesi)?;
    let pairs = isian_sah(sesi, form)?;
    let id = AccountId(id_path(raw)?);
    Ok((pairs, state.store().account(sesi.instansi_id(), id).await?))
}

pub(crate) async fn sandi(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
    form: Result<Form<Isian>, FormRejection>,
) -> Result<Response, PageError> {
    let (pairs, akun) = form_akun(&state, &sesi, &raw, form).await?;
    match sandi_sah(&pairs) {
        Ok(sandi) => {
            let hash = hash(sandi).await?;
            // A password an administrator chose for someone else is theirs
            // to replace at the next login.
            let wajib_ganti = akun.id != sesi.akun.id;
            state
                .store()
                .set_password(
                    sesi.instansi_id(),
                    &pelaku(&sesi),
                    akun.id,
                    &hash,
                    wajib_ganti,
                )
                .await?;
            Ok(alihkan(&state, "/akun", "akun-sandi"))
        }
        Err(m) => tolak_di_baris(&state, &sesi, akun.id, m).await,
    }
}

/// The page again with a refusal beside one account's row.
async fn tolak_di_baris(
    state: &AppState,
    sesi: &Sesi,
    akun: AccountId,
    pesan: String,
) -> Result<Response, PageError> {
    halaman(
        state,
        sesi,
        IsianAkun::default(),
        GalatIsian::new(),
        Some((akun.0, pesan)),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

pub(crate) async fn status(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
    form: Result<Form<Isian>, FormRejection>,
) -> Result<Response, PageError> {
    let (pairs, akun) = form_akun(&state, &sesi, &raw, form).await?;
    let aktif = match ambil(&pairs, "aktif") {
        "1" => true,
        "0" => false,
        _ => return Err(AppError::BadRequest("Status akun tidak dikenal.".into()).into()),
    };
    if !aktif && akun.id == sesi.akun.id {
        let pesan = "Akun Anda sendiri tidak dapat dinonaktifkan dari sini.".to_owned();
        return tolak_di_baris(&state, &sesi, akun.id, pesan).await;
    }
    if akun.aktif != aktif {
        state
            .store()
            .set_account_aktif(sesi.instansi_id(), &pelaku(&sesi), akun.id, aktif)
            .await?;
    }
    let kode = if aktif { "akun-aktif" } else { "akun-nonaktif" };
    Ok(alihkan(&state, "/akun", kode))
}
