//! Data-entry forms: an assessment per employee, a batch per unit ×
//! competency, a position's standard, and adding or editing an employee.
//!
//! Every handler checks the role (admin or pimpinan), the writer's scope and,
//! on POST, the session's CSRF token; invalid input is shown again with the
//! reason beside each field and nothing is written.

use super::pegawai::{Pilihan, id_path};
use super::{Layout, render, render_status};
use crate::AppState;
use crate::error::{AppError, PageError};
use crate::layanan::{PetaUnit, pegawai_dalam_lingkup};
use crate::params::Params;
use crate::sesi::{COOKIE_PESAN, Sesi, set_cookie};
use crate::tulis::{
    BarisStandarIsian, GalatIsian, IsianPegawai, IsianPenilaian, jabatan_boleh,
    jabatan_untuk_ditulis, kamus_urut, label_kompetensi, pegawai_untuk_ditulis, pelaku,
    periksa_nip, periksa_pegawai_baru, periksa_penilaian, periksa_perubahan, periksa_putaran,
    periksa_standar, rincian_nip, tanggal_sesuai_umur, unit_boleh, unit_dalam_lingkup, urai_level,
    urai_status, urai_tanggal, wajib_penulis,
};
use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use kompeten_domain::format::{ribuan, tanggal};
use kompeten_domain::{GolonganPns, GolonganPppk, Level, MetodePenilaian, Pendidikan, StatusAsn};
use kompeten_store::{
    Jabatan, JabatanId, KompetensiId, NewPenilaian, PegawaiId, StoreError, UnitId,
};

pub(crate) type Isian = Vec<(String, String)>;

/// 303 to `url` with a one-time confirmation for the page there.
pub(crate) fn alihkan(state: &AppState, url: &str, kode: &str) -> Response {
    let mut res = Redirect::to(url).into_response();
    let secure = state.config().cookie_secure;
    if let Some(v) = set_cookie(COOKIE_PESAN, kode, "Lax", secure, Some(60)) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}

/// The submitted pairs, after the CSRF check.
pub(crate) fn isian_sah(
    sesi: &Sesi,
    form: Result<Form<Isian>, FormRejection>,
) -> Result<Isian, AppError> {
    let pairs = form.map(|f| f.0).unwrap_or_default();
    let token = pairs
        .iter()
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.as_str());
    if sesi.csrf_sah(token) {
        Ok(pairs)
    } else {
        Err(AppError::Csrf)
    }
}

pub(crate) fn ambil<'a>(pairs: &'a Isian, key: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map_or("", |(_, v)| v.as_str())
}

pub(crate) fn ada(pairs: &Isian, key: &str) -> bool {
    pairs.iter().any(|(k, _)| k == key)
}

fn pilihan_level(dipilih: &str) -> Vec<Pilihan> {
    Level::ALL
        .iter()
        .map(|l| Pilihan {
            nilai: l.to_string(),
            label: l.to_string(),
            dipilih: dipilih.trim() == l.to_string(),
        })
        .collect()
}

fn pilihan_metode(dipilih: &str) -> Vec<Pilihan> {
    MetodePenilaian::ALL
        .iter()
        .map(|m| Pilihan {
            nilai: m.code().to_owned(),
            label: m.label().to_owned(),
            dipilih: dipilih == m.code(),
        })
        .collect()
}

/// A group of options for a `<select>` with `<optgroup>`s.
pub(crate) struct Grup {
    pub label: String,
    pub pilihan: Vec<Pilihan>,
}

fn grup_kompetensi(
    kamus: &[kompeten_store::Kompetensi],
    utama: &[KompetensiId],
    judul_utama: &str,
    dipilih: &str,
) -> Vec<Grup> {
    let urut = kamus_urut(kamus, utama);
    let mut grup = vec![
        Grup {
            label: judul_utama.to_owned(),
            pilihan: Vec::new(),
        },
        Grup {
            label: "Kamus kompetensi".to_owned(),
            pilihan: Vec::new(),
        },
    ];
    for (di_utama, k) in urut {
        let idx = if di_utama { 0 } else { 1 };
        grup[idx].pilihan.push(Pilihan {
            nilai: k.id.to_string(),
            label: label_kompetensi(&k),
            dipilih: dipilih.trim() == k.id.to_string(),
        });
    }
    grup.retain(|g| !g.pilihan.is_empty());
    grup
}

fn pilihan_unit(sesi: &Sesi, units: &PetaUnit, dipilih: &str) -> Vec<Pilihan> {
    unit_boleh(sesi, units)
        .iter()
        .map(|u| Pilihan {
            nilai: u.id.to_string(),
            label: format!("{}{}", "— ".repeat(u.kedalaman()), u.nama),
            dipilih: dipilih.trim() == u.id.to_string(),
        })
        .collect()
}

// ---------------------------------------------------------------- penilaian

#[derive(Template)]
#[template(path = "tulis_penilaian.html")]
struct PenilaianTpl {
    layout: Layout,
    csrf: String,
    pegawai_id: i64,
    nama: String,
    nip: String,
    kompetensi: Vec<Grup>,
    level: Vec<Pilihan>,
    metode: Vec<Pilihan>,
    tanggal: String,
    asesor: String,
    catatan_bukti: String,
    masa_berlaku: u8,
    berlaku_sampai: Option<String>,
    hari_ini: String,
    galat: GalatIsian,
}

async fn halaman_penilaian(
    state: &AppState,
    sesi: &Sesi,
    id: PegawaiId,
    isian: &IsianPenilaian,
    galat: GalatIsian,
) -> Result<Response, PageError> {
    let (pegawai, _) = pegawai_untuk_ditulis(state, sesi, id).await?;
    let store = state.store();
    let i = sesi.instansi_id();
    let kamus = store.list_kompetensi(i).await?;
    let standar: Vec<KompetensiId> = match pegawai.jabatan {
        Some(j) => store
            .standar(i, j)
            .await?
            .iter()
            .map(|s| s.kompetensi)
            .collect(),
        None => Vec::new(),
    };
    let masa = crate::analitik::pengaturan(state, sesi.instansi_id())
        .await?
        .masa_berlaku;
    let status = if galat.is_empty() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::BAD_REQUEST
    };
    let tpl = PenilaianTpl {
        layout: Layout::untuk(sesi, "Catat penilaian", "pegawai"),
        csrf: sesi.csrf.clone(),
        pegawai_id: pegawai.id.0,
        nama: pegawai.nama_lengkap(),
        nip: pegawai.nip.to_string(),
        kompetensi: grup_kompetensi(
            &kamus,
            &standar,
            "Standar kompetensi jabatan",
            &isian.kompetensi,
        ),
        level: pilihan_level(&isian.level),
        metode: pilihan_metode(&isian.metode),
        berlaku_sampai: urai_tanggal(&isian.tanggal).map(|t| tanggal(masa.berlaku_sampai(t))),
        tanggal: isian.tanggal.clone(),
        asesor: isian.asesor.clone(),
        catatan_bukti: isian.catatan_bukti.clone(),
        masa_berlaku: masa.tahun(),
        hari_ini: crate::tulis::iso(state.hari_ini()),
        galat,
    };
    render_status(&tpl, status)
}

pub(crate) async fn penilaian_form(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
) -> Result<Response, PageError> {
    let id = PegawaiId(id_path(&raw)?);
    let isian = IsianPenilaian {
        tanggal: crate::tulis::iso(state.hari_ini()),
        metode: MetodePenilaian::AssessmentCenter.code().to_owned(),
        ..IsianPenilaian::default()
    };
    halaman_penilaian(&state, &sesi, id, &isian, GalatIsian::new()).await
}

pub(crate) async fn penilaian_kirim(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
    form: Result<Form<Isian>, FormRejection>,
) -> Result<Response, PageError> {
    let id = PegawaiId(id_path(&raw)?);
    wajib_penulis(&sesi)?;
    let pairs = isian_sah(&sesi, form)?;
    let (pegawai, _) = pegawai_untuk_ditulis(&state, &sesi, id).await?;
    let isian = IsianPenilaian {
        kompetensi: ambil(&pairs, "kompetensi").to_owned(),
        level: ambil(&pairs, "level").to_owned(),
        metode: ambil(&pairs, "metode").to_owned(),
        tanggal: ambil(&pairs, "tanggal").to_owned(),
        asesor: ambil(&pairs, "asesor").to_owned(),
        catatan_bukti: ambil(&pairs, "catatan_bukti").to_owned(),
    };
    let kamus = state.store().list_kompetensi(sesi.instansi_id()).await?;
    let masa = crate::analitik::pengaturan(&state, sesi.instansi_id())
        .await?
        .masa_berlaku;
    match periksa_penilaian(&isian, &pegawai, &kamus, &state, masa) {
        Ok(baru) => {
            state
                .store()
                .record_penilaian(sesi.instansi_id(), &pelaku(&sesi), &[baru])
                .await?;
            Ok(alihkan(&state, &format!("/pegawai/{}", id.0), "penilaian"))
        }
        Err(galat) => halaman_penilaian(&state, &sesi, id, &isian, galat).await,
    }
}

// ---------------------------------------------------------------- batch

pub(crate) struct BarisBatch {
    pub id: i64,
    pub nip: String,
    pub nama: String,
    pub jabatan: String,
    pub level: String,
    pub galat: Option<String>,
}

#[derive(Template)]
#[template(path = "tulis_batch.html")]
struct BatchTpl {
    layout: Layout,
    csrf: String,
    unit: Vec<Pilihan>,
    kompetensi: Vec<Grup>,
    /// The chosen unit and competency, when both are valid.
    pilihan: Option<(i64, String, i64, String)>,
    metode: Vec<Pilihan>,
    tanggal: String,
    asesor: String,
    catatan_bukti: String,
    masa_berlaku: u8,
    hari_ini: String,
    baris: Vec<BarisBatch>,
    galat: GalatIsian,
    tersimpan: Option<String>,
}

struct PilihanBatch {
    unit: Option<UnitId>,
    kompetensi: Option<KompetensiId>,
}

async fn halaman_batch(
    state: &AppState,
    sesi: &Sesi,
    pilih: PilihanBatch,
    pairs: &Isian,
    galat: GalatIsian,
    tersimpan: Option<String>,
) -> Result<Response, PageError> {
    wajib_penulis(sesi)?;
    let store = state.store();
    let i = sesi.instansi_id();
    let masa = crate::analitik::pengaturan(state, i).await?.masa_berlaku;
    let units = PetaUnit::muat(store, sesi).await?;
    if let Some(u) = pilih.unit {
        if units.get(u).is_none() {
            return Err(PageError(AppError::NotFound));
        }
        if !unit_dalam_lingkup(sesi, &units, u) {
            return Err(PageError(AppError::Forbidden));
        }
    }
    let kamus = store.list_kompetensi(i).await?;
    let kompetensi = pilih
        .kompetensi
        .and_then(|k| kamus.iter().find(|x| x.id == k));
    let dipilih_unit = pilih.unit.map(|u| u.to_string()).unwrap_or_default();
    let dipilih_k = pilih.kompetensi.map(|k| k.to_string()).unwrap_or_default();
    let mut baris = Vec::new();
    let pilihan = match (pilih.unit.and_then(|u| units.get(u)), kompetensi) {
        (Some(u), Some(k)) => {
            let rows = pegawai_dalam_lingkup(store, sesi, Some(u.id), None).await?;
            baris = rows
                .iter()
                .map(|r| {
                    let key = format!("level_{}", r.id.0);
                    BarisBatch {
                        id: r.id.0,
                        nip: r.nip.to_string(),
                        nama: r.nama_lengkap.clone(),
                        jabatan: r.jabatan_nama.clone().unwrap_or_else(|| "—".to_owned()),
                        level: ambil(pairs, &key).to_owned(),
                        galat: galat.get(&format!("baris.{}", r.id.0)).cloned(),
                    }
                })
                .collect();
            Some((u.id.0, units.jalur_teks(u.id), k.id.0, label_kompetensi(k)))
        }
        _ => None,
    };
    let tanggal_isian = if ada(pairs, "tanggal") {
        ambil(pairs, "tanggal").to_owned()
    } else {
        crate::tulis::iso(state.hari_ini())
    };
    let status = if galat.is_empty() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::BAD_REQUEST
    };
    let tpl = BatchTpl {
        layout: Layout::untuk(sesi, "Entri penilaian per unit", "pegawai"),
        csrf: sesi.csrf.clone(),
        unit: pilihan_unit(sesi, &units, &dipilih_unit),
        kompetensi: grup_kompetensi(&kamus, &[], "Kamus kompetensi", &dipilih_k),
        pilihan,
        metode: pilihan_metode(if ada(pairs, "metode") {
            ambil(pairs, "metode")
        } else {
            MetodePenilaian::AssessmentCenter.code()
        }),
        tanggal: tanggal_isian,
        asesor: ambil(pairs, "asesor").to_owned(),
        catatan_bukti: ambil(pairs, "catatan_bukti").to_owned(),
        masa_berlaku: masa.tahun(),
        hari_ini: crate::tulis::iso(state.hari_ini()),
        baris,
        galat,
        tersimpan,
    };
    render_status(&tpl, status)
}

fn id_opsional<T>(teks: Option<&str>, buat: fn(i64) -> T) -> Result<Option<T>, AppError> {
    match teks.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(t) => Ok(Some(buat(id_path(t)?))),
    }
}

pub(crate) async fn batch_form(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Response, PageError> {
    let pilih = PilihanBatch {
        unit: id_opsional(params.get("unit"), UnitId)?,
        kompetensi: id_opsional(params.get("kompetensi"), KompetensiId)?,
    };
    let tersimpan = params
        .get("tersimpan")
        .and_then(|n| n.parse::<u64>().ok())
        .map(|n| format!("{} hasil penilaian tersimpan.", ribuan(n)));
    halaman_batch(
        &state,
        &sesi,
        pilih,
        &Vec::new(),
        GalatIsian::new(),
        tersimpan,
    )
    .await
}

/// Checks a batch: the shared round fields and each filled level, for the
/// active employees of the unit (and below) within the writer's scope.
pub(crate) async fn periksa_batch(
    state: &AppState,
    sesi: &Sesi,
    unit: UnitId,
    kompetensi: &str,
    putaran: (&str, &str, &str, &str),
    level: &[(i64, String)],
) -> Result<Result<(Vec<NewPenilaian>, String), GalatIsian>, AppError> {
    wajib_penulis(sesi)?;
    let store = state.store();
    let masa = crate::analitik::pengaturan(state, sesi.instansi_id())
        .await?
        .masa_berlaku;
    let units = PetaUnit::muat(store, sesi).await?;
    if units.get(unit).is_none() {
        return Err(AppError::NotFound);
    }
    if !unit_dalam_lingkup(sesi, &units, unit) {
        return Err(AppError::Forbidden);
    }
    let kamus = store.list_kompetensi(sesi.instansi_id()).await?;
    let mut galat = GalatIsian::new();
    let k = crate::tulis::urai_kompetensi(kompetensi, &kamus, &mut galat);
    let (metode, tanggal, asesor, catatan) = putaran;
    let p = periksa_putaran(
        metode,
        tanggal,
        asesor,
        catatan,
        state.hari_ini(),
        &mut galat,
    );
    let rows = pegawai_dalam_lingkup(store, sesi, Some(unit), None).await?;
    let mut out = Vec::new();
    let mut dilihat = std::collections::HashSet::new();
    for (id, teks) in level {
        if teks.trim().is_empty() {
            continue;
        }
        let key = format!("baris.{id}");
        if !dilihat.insert(*id) {
            galat.insert(key, "Pegawai ini muncul lebih dari sekali.".into());
            continue;
        }
        let Some(row) = rows.iter().find(|r| r.id.0 == *id) else {
            galat.insert(key, "Pegawai ini bukan pegawai aktif unit ini.".into());
            continue;
        };
        let lv = match urai_level(teks) {
            Ok(l) => l,
            Err(m) => {
                galat.insert(key, m);
                continue;
            }
        };
        if let Some(p) = &p {
            if let Err(m) = tanggal_sesuai_umur(row.nip.tanggal_lahir(), p.tanggal) {
                galat.insert(key, m);
                continue;
            }
            if let Some(k) = k {
                out.push(NewPenilaian {
                    pegawai: row.id,
                    kompetensi: k,
                    level: lv,
                    metode: p.metode,
                    tanggal: p.tanggal,
                    berlaku_sampai: masa.berlaku_sampai(p.tanggal),
                    asesor: p.asesor.clone(),
                    catatan_bukti: p.catatan_bukti.clone(),
                });
            }
        }
    }
    if galat.is_empty() && out.is_empty() {
        galat.insert(
            "baris".into(),
            "Isi level untuk sedikitnya satu pegawai.".into(),
        );
    }
    if galat.is_empty() {
        let nama = kamus
            .iter()
            .find(|x| Some(x.id) == k)
            .map(label_kompetensi)
            .unwrap_or_default();
        Ok(Ok((out, nama)))
    } else {
        Ok(Err(galat))
    }
}

pub(crate) async fn batch_kirim(
    State(state): State<AppState>,
    sesi: Sesi,
    form: Result<Form<Isian>, FormRejection>,
) -> Result<Response, PageError> {
    wajib_penulis(&sesi)?;
    let pairs = isian_sah(&sesi, form)?;
    let unit = id_opsional(Some(ambil(&pairs, "unit")), UnitId)?.ok_or(AppError::NotFound)?;
    let kompetensi = ambil(&pairs, "kompetensi").to_owned();
    let level: Vec<(i64, String)> = pairs
        .iter()
        .filter_map(|(k, v)| {
            k.strip_prefix("level_")
                .and_then(|id| id.parse::<i64>().ok())
                .map(|id| (id, v.clone()))
        })
        .collect();
    let hasil = periksa_batch(
        &state,
        &sesi,
        unit,
        &kompetensi,
        (
            ambil(&pairs, "metode"),
            ambil(&pairs, "tanggal"),
            ambil(&pairs, "asesor"),
            ambil(&pairs, "catatan_bukti"),
        ),
        &level,
    )
    .await?;
    let pilih = PilihanBatch {
        unit: Some(unit),
        kompetensi: kompetensi.trim().parse::<i64>().ok().map(KompetensiId),
    };
    match hasil {
        Ok((batch, _)) => {
            let ids = state
                .store()
                .record_penilaian(sesi.instansi_id(), &pelaku(&sesi), &batch)
                .await?;
            Ok(Redirect::to(&format!(
                "/penilaian/batch?unit={}&kompetensi={}&tersimpan={}",
                unit.0,
                kompetensi.trim(),
                ids.len()
            ))
            .into_response())
        }
        Err(galat) => halaman_batch(&state, &sesi, pilih, &pairs, galat, None).await,
    }
}

// ---------------------------------------------------------------- standar

pub(crate) struct BarisStandarView {
    pub n: usize,
    pub kompetensi: Vec<Grup>,
    pub level: Vec<Pilihan>,
    pub bobot: String,
    pub hapus: bool,
    pub galat: Vec<String>,
}

#[derive(Template)]
#[template(path = "tulis_standar.html")]
struct StandarTpl {
    layout: Layout,
    csrf: String,
    jabatan_id: i64,
    nama: String,
    baris: Vec<BarisStandarView>,
    galat: GalatIsian,
}

/// Empty rows offered for adding competencies.
const BARIS_TAMBAHAN: usize = 3;

async fn halaman_standar(
    state: &AppState,
    sesi: &Sesi,
    id: JabatanId,
    baris: Vec<(usize, BarisStandarIsian, bool)>,
    galat: GalatIsian,
) -> Result<Response, PageError> {
    let (jabatan, _) = jabatan_untuk_ditulis(state, sesi, id).await?;
    let kamus = state.store().list_kompetensi(sesi.instansi_id()).await?;
    let mut view: Vec<BarisStandarView> = baris
        .iter()
        .map(|(n, b, hapus)| BarisStandarView {
            n: *n,
            kompetensi: grup_kompetensi(&kamus, &[], "Kamus kompetensi", &b.kompetensi),
            level: pilihan_level(&b.level),
            bobot: b.bobot.clone(),
            hapus: *hapus,
            galat: ["kompetensi", "level", "bobot"]
                .iter()
                .filter_map(|f| galat.get(&format!("baris.{n}.{f}")).cloned())
                .collect(),
        })
        .collect();
    let mulai = view.iter().map(|b| b.n).max().unwrap_or(0) + 1;
    for n in mulai..mulai + BARIS_TAMBAHAN {
        view.push(BarisStandarView {
            n,
            kompetensi: grup_kompetensi(&kamus, &[], "Kamus kompetensi", ""),
            level: pilihan_level(""),
            bobot: String::new(),
            hapus: false,
            galat: Vec::new(),
        });
    }
    let status = if galat.is_empty() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::BAD_REQUEST
    };
    let tpl = StandarTpl {
        layout: Layout::untuk(sesi, "Ubah standar kompetensi", "jabatan"),
        csrf: sesi.csrf.clone(),
        jabatan_id: jabatan.id.0,
        nama: jabatan.nama.clone(),
        baris: view,
        galat,
    };
    render_status(&tpl, status)
}

pub(crate) async fn standar_form(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
) -> Result<Response, PageError> {
    let id = JabatanId(id_path(&raw)?);
    jabatan_untuk_ditulis(&state, &sesi, id).await?;
    let standar = state.store().standar(sesi.instansi_id(), id).await?;
    let baris = standar
        .iter()
        .enumerate()
        .map(|(n, s)| {
            (
                n + 1,
                BarisStandarIsian {
                    kompetensi: s.kompetensi.to_string(),
                    level: s.level.to_string(),
                    bobot: s.bobot.to_string(),
                },
                false,
            )
        })
        .collect();
    halaman_standar(&state, &sesi, id, baris, GalatIsian::new()).await
}

pub(crate) async fn standar_kirim(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
    form: Result<Form<Isian>, FormRejection>,
) -> Result<Response, PageError> {
    let id = JabatanId(id_path(&raw)?);
    wajib_penulis(&sesi)?;
    let pairs = isian_sah(&sesi, form)?;
    jabatan_untuk_ditulis(&state, &sesi, id).await?;
    // Rows are numbered by the form: kompetensi_<n>, level_<n>, bobot_<n>, hapus_<n>.
    let mut nomor: Vec<usize> = pairs
        .iter()
        .filter_map(|(k, _)| k.strip_prefix("kompetensi_")?.parse().ok())
        .collect();
    nomor.sort_unstable();
    nomor.dedup();
    let mut semua = Vec::new();
    let mut dipakai = Vec::new();
    for n in nomor {
        let b = BarisStandarIsian {
            kompetensi: ambil(&pairs, &format!("kompetensi_{n}")).to_owned(),
            level: ambil(&pairs, &format!("level_{n}")).to_owned(),
            bobot: ambil(&pairs, &format!("bobot_{n}")).to_owned(),
        };
        let hapus = ada(&pairs, &format!("hapus_{n}"));
        let kosong = b.kompetensi.trim().is_empty()
            && b.level.trim().is_empty()
            && b.bobot.trim().is_empty();
        if kosong {
            continue;
        }
        if !hapus {
            dipakai.push((n, b.clone()));
        }
        semua.push((n, b, hapus));
    }
    let kamus = state.store().list_kompetensi(sesi.instansi_id()).await?;
    match periksa_standar(&dipakai, &kamus) {
        Ok(items) => {
            state
                .store()
                .set_standar(sesi.instansi_id(), &pelaku(&sesi), id, &items)
                .await?;
            Ok(alihkan(&state, &format!("/jabatan/{}", id.0), "standar"))
        }
        Err(galat) => halaman_standar(&state, &sesi, id, semua, galat).await,
    }
}

// ---------------------------------------------------------------- pegawai

#[derive(Template)]
#[template(path = "tulis_pegawai.html")]
struct PegawaiTpl {
    layout: Layout,
    csrf: String,
    /// `None` when adding.
    pegawai_id: Option<i64>,
    judul: String,
    nip: String,
    nip_info: Option<InfoNip>,
    status: Vec<Pilihan>,
    nama: String,
    gelar_depan: String,
    gelar_belakang: String,
    golongan: Vec<Grup>,
    /// Adding: the golongan list follows the chosen status (htmx).
    ganti_status: bool,
    unit: Vec<Pilihan>,
    jabatan: PilihanJabatan,
    pendidikan: Vec<Pilihan>,
    aktif: bool,
    galat: GalatIsian,
    pesan: Option<String>,
}

/// What the live NIP check shows beside the field.
pub(crate) struct InfoNip {
    pub galat: Option<String>,
    pub rincian: Vec<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "tulis_nip.html")]
struct NipTpl {
    info: InfoNip,
}

fn grup_golongan(status: Option<StatusAsn>, dipilih: &str) -> Vec<Grup> {
    let mut out = Vec::new();
    if status != Some(StatusAsn::Pppk) {
        out.push(Grup {
            label: "PNS".to_owned(),
            pilihan: GolonganPns::ALL
                .iter()
                .map(|g| Pilihan {
                    nilai: g.code().to_owned(),
                    label: format!("{} ({})", g.code(), g.label()),
                    dipilih: dipilih == g.code(),
                })
                .collect(),
        });
    }
    if status != Some(StatusAsn::Pns) {
        out.push(Grup {
            label: "PPPK".to_owned(),
            pilihan: GolonganPppk::ALL
                .iter()
                .map(|g| Pilihan {
                    nilai: g.code().to_owned(),
                    label: g.label().to_owned(),
                    dipilih: dipilih == g.code(),
                })
                .collect(),
        });
    }
    out
}

async fn info_nip(state: &AppState, sesi: &Sesi, nip: &str, status: &str) -> InfoNip {
    match periksa_nip(nip, urai_status(status)) {
        Err(m) => InfoNip {
            galat: Some(m),
            rincian: Vec::new(),
        },
        Ok(n) => {
            let sudah = matches!(
                state
                    .store()
                    .pegawai_by_nip(sesi.instansi_id(), n.as_str())
                    .await,
                Ok(Some(_))
            );
            InfoNip {
                galat: sudah.then(|| "NIP ini sudah terdaftar di instansi ini.".to_owned()),
                rincian: rincian_nip(&n),
            }
        }
    }
}

struct FormPegawai<'a> {
    pegawai: Option<&'a kompeten_store::Pegawai>,
    isian: &'a IsianPegawai,
    galat: GalatIsian,
    pesan: Option<String>,
}

async fn halaman_pegawai(
    state: &AppState,
    sesi: &Sesi,
    units: &PetaUnit,
    f: FormPegawai<'_>,
) -> Result<Response, PageError> {
    let jabatan = jabatan_boleh(state, sesi, units, f.pegawai.and_then(|p| p.jabatan)).await?;
    let isian = f.isian;
    let status_dipilih = match f.pegawai {
        Some(p) => Some(p.status),
        None => urai_status(&isian.status),
    };
    let nip_info = match f.pegawai {
        None if !isian.nip.trim().is_empty() => {
            Some(info_nip(state, sesi, &isian.nip, &isian.status).await)
        }
        _ => None,
    };
    let unit_dipilih = isian.unit.trim().parse().ok().map(UnitId);
    let jabatan_pilihan = pilihan_jabatan(units, &jabatan, unit_dipilih, &isian.jabatan);
    let status = if f.galat.is_empty() && f.pesan.is_none() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::BAD_REQUEST
    };
    let tpl = PegawaiTpl {
        layout: Layout::untuk(
            sesi,
            if f.pegawai.is_some() {
                "Ubah data pegawai"
            } else {
                "Tambah pegawai"
            },
            "pegawai",
        ),
        csrf: sesi.csrf.clone(),
        pegawai_id: f.pegawai.map(|p| p.id.0),
        judul: match f.pegawai {
            Some(p) => format!("Ubah data {}", p.nama_lengkap()),
            None => "Tambah pegawai".to_owned(),
        },
        nip: match f.pegawai {
            Some(p) => p.nip.to_string(),
            None => isian.nip.clone(),
        },
        nip_info,
        status: StatusAsn::ALL
            .iter()
            .map(|s| Pilihan {
                nilai: s.code().to_owned(),
                label: s.label().to_owned(),
                dipilih: status_dipilih == Some(*s),
            })
            .collect(),
        nama: isian.nama.clone(),
        gelar_depan: isian.gelar_depan.clone(),
        gelar_belakang: isian.gelar_belakang.clone(),
        golongan: grup_golongan(status_dipilih, isian.golongan.trim()),
        ganti_status: f.pegawai.is_none(),
        unit: pilihan_unit(sesi, units, &isian.unit),
        jabatan: jabatan_pilihan,
        pendidikan: Pendidikan::ALL
            .iter()
            .map(|p| Pilihan {
                nilai: p.code().to_owned(),
                label: p.label().to_owned(),
                dipilih: isian.pendidikan.trim() == p.code(),
            })
            .collect(),
        aktif: isian.aktif.is_some(),
        galat: f.galat,
        pesan: f.pesan,
    };
    render_status(&tpl, status)
}

fn isian_pegawai(pairs: &Isian) -> IsianPegawai {
    IsianPegawai {
        nip: ambil(pairs, "nip").to_owned(),
        status: ambil(pairs, "status").to_owned(),
        nama: ambil(pairs, "nama").to_owned(),
        gelar_depan: ambil(pairs, "gelar_depan").to_owned(),
        gelar_belakang: ambil(pairs, "gelar_belakang").to_owned(),
        golongan: ambil(pairs, "golongan").to_owned(),
        jabatan: ambil(pairs, "jabatan").to_owned(),
        unit: ambil(pairs, "unit").to_owned(),
        pendidikan: ambil(pairs, "pendidikan").to_owned(),
        aktif: ada(pairs, "aktif").then(String::new),
    }
}

/// A store refusal as a message the form can show.
fn galat_simpan(e: StoreError, galat: &mut GalatIsian) -> Result<Option<String>, AppError> {
    match e {
        StoreError::Conflict(_) => {
            galat.insert(
                "nip".into(),
                "NIP ini sudah terdaftar di instansi ini.".into(),
            );
            Ok(None)
        }
        StoreError::Invalid(m) => {
            tracing::warn!(error = %m, "employee write refused");
            Ok(Some(
                "Data tidak dapat disimpan karena melanggar aturan data; periksa kembali isian."
                    .to_owned(),
            ))
        }
        other => Err(other.into()),
    }
}

pub(crate) async fn pegawai_baru_form(
    State(state): State<AppState>,
    sesi: Sesi,
) -> Result<Response, PageError> {
    wajib_penulis(&sesi)?;
    let units = PetaUnit::muat(state.store(), &sesi).await?;
    let isian = IsianPegawai {
        pendidikan: Pendidikan::S1.code().to_owned(),
        unit: match sesi.lingkup() {
            kompeten_store::Lingkup::Unit(u) => u.to_string(),
            _ => String::new(),
        },
        ..IsianPegawai::default()
    };
    let f = FormPegawai {
        pegawai: None,
        isian: &isian,
        galat: GalatIsian::new(),
        pesan: None,
    };
    halaman_pegawai(&state, &sesi, &units, f).await
}

pub(crate) async fn pegawai_baru_kirim(
    State(state): State<AppState>,
    sesi: Sesi,
    form: Result<Form<Isian>, FormRejection>,
) -> Result<Response, PageError> {
    wajib_penulis(&sesi)?;
    let pairs = isian_sah(&sesi, form)?;
    let store = state.store();
    let units = PetaUnit::muat(store, &sesi).await?;
    let jabatan = jabatan_boleh(&state, &sesi, &units, None).await?;
    let isian = isian_pegawai(&pairs);
    let (galat, pesan) = match periksa_pegawai_baru(&isian, &sesi, &units, &jabatan) {
        Ok(baru) => {
            match store
                .add_pegawai(sesi.instansi_id(), &pelaku(&sesi), &[baru])
                .await
            {
                Ok(ids) => {
                    let id = ids.first().map_or(0, |p| p.0);
                    return Ok(alihkan(&state, &format!("/pegawai/{id}"), "pegawai-baru"));
                }
                Err(e) => {
                    let mut galat = GalatIsian::new();
                    let pesan = galat_simpan(e, &mut galat)?;
                    (galat, pesan)
                }
            }
        }
        Err(galat) => (galat, None),
    };
    let f = FormPegawai {
        pegawai: None,
        isian: &isian,
        galat,
        pesan,
    };
    halaman_pegawai(&state, &sesi, &units, f).await
}

pub(crate) async fn pegawai_ubah_form(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
) -> Result<Response, PageError> {
    let id = PegawaiId(id_path(&raw)?);
    let (p, units) = pegawai_untuk_ditulis(&state, &sesi, id).await?;
    let isian = IsianPegawai {
        nip: p.nip.as_str().to_owned(),
        status: p.status.code().to_owned(),
        nama: p.nama.clone(),
        gelar_depan: p.gelar_depan.clone().unwrap_or_default(),
        gelar_belakang: p.gelar_belakang.clone().unwrap_or_default(),
        golongan: p.golongan.code().to_owned(),
        jabatan: p.jabatan.map(|j| j.to_string()).unwrap_or_default(),
        unit: p.unit.to_string(),
        pendidikan: p.pendidikan.code().to_owned(),
        aktif: p.aktif.then(String::new),
    };
    let f = FormPegawai {
        pegawai: Some(&p),
        isian: &isian,
        galat: GalatIsian::new(),
        pesan: None,
    };
    halaman_pegawai(&state, &sesi, &units, f).await
}

pub(crate) async fn pegawai_ubah_kirim(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
    form: Result<Form<Isian>, FormRejection>,
) -> Result<Response, PageError> {
    let id = PegawaiId(id_path(&raw)?);
    wajib_penulis(&sesi)?;
    let pairs = isian_sah(&sesi, form)?;
    let (p, units) = pegawai_untuk_ditulis(&state, &sesi, id).await?;
    let jabatan = jabatan_boleh(&state, &sesi, &units, p.jabatan).await?;
    let isian = isian_pegawai(&pairs);
    let (galat, pesan) = match periksa_perubahan(&isian, &p, &sesi, &units, &jabatan) {
        Ok(ubah) => {
            match state
                .store()
                .update_pegawai(sesi.instansi_id(), &pelaku(&sesi), id, &ubah)
                .await
            {
                Ok(()) => {
                    return Ok(alihkan(
                        &state,
                        &format!("/pegawai/{}", id.0),
                        "pegawai-ubah",
                    ));
                }
                Err(e) => {
                    let mut galat = GalatIsian::new();
                    let pesan = galat_simpan(e, &mut galat)?;
                    (galat, pesan)
                }
            }
        }
        Err(galat) => (galat, None),
    };
    let f = FormPegawai {
        pegawai: Some(&p),
        isian: &isian,
        galat,
        pesan,
    };
    halaman_pegawai(&state, &sesi, &units, f).await
}

/// `GET /pegawai/cek-nip?nip=…&status=…`: the live check beside the NIP field (htmx).
pub(crate) async fn cek_nip(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Response, PageError> {
    wajib_penulis(&sesi)?;
    let info = info_nip(
        &state,
        &sesi,
        params.get("nip").unwrap_or_default(),
        params.get("status").unwrap_or_default(),
    )
    .await;
    Ok(super::vary_htmx(render(&NipTpl { info })?))
}

/// The position select of the employee form: no position, then the chosen
/// unit's own positions, the rest of its OPD, and every other OPD's, each
/// OPD a group, so that the likely choice is at the top of a long list.
#[derive(Template)]
#[template(path = "tulis_jabatan.html")]
pub(crate) struct PilihanJabatan {
    tanpa: bool,
    grup: Vec<Grup>,
}

fn pilihan_jabatan(
    units: &PetaUnit,
    jabatan: &[Jabatan],
    unit: Option<UnitId>,
    dipilih: &str,
) -> PilihanJabatan {
    let dipilih = dipilih.trim();
    let opd_dari = |u: UnitId| units.jalur(u).first().map(|o| o.id);
    let opd_unit = unit.and_then(opd_dari);
    let pilihan = |j: &Jabatan, label: String| Pilihan {
        nilai: j.id.to_string(),
        label,
        dipilih: dipilih == j.id.to_string(),
    };
    let mut sendiri = Vec::new();
    let mut se_opd = Vec::new();
    let mut per_opd: Vec<(UnitId, Vec<Pilihan>)> = Vec::new();
    // The store lists positions in unit-tree order, so each OPD's are together.
    for j in jabatan {
        let jalur = units.jalur(j.unit);
        let bawah = || {
            jalur
                .iter()
                .skip(1)
                .map(|u| u.nama.as_str())
                .collect::<Vec<_>>()
                .join(" › ")
        };
        let label = |sub: String| {
            if sub.is_empty() {
                j.nama.clone()
            } else {
                format!("{} — {sub}", j.nama)
            }
        };
        let opd = jalur.first().map(|o| o.id);
        if Some(j.unit) == unit {
            sendiri.push(pilihan(j, j.nama.clone()));
        } else if opd.is_some() && opd == opd_unit {
            se_opd.push(pilihan(j, label(bawah())));
        } else if let Some(opd) = opd {
            match per_opd.iter_mut().find(|(o, _)| *o == opd) {
                Some((_, list)) => list.push(pilihan(j, label(bawah()))),
                None => per_opd.push((opd, vec![pilihan(j, label(bawah()))])),
            }
        }
    }
    let nama = |u: UnitId| units.get(u).map_or_else(String::new, |u| u.nama.clone());
    let mut grup = Vec::new();
    if let Some(u) = unit
        && !sendiri.is_empty()
    {
        grup.push(Grup {
            label: format!("Di {}", nama(u)),
            pilihan: sendiri,
        });
    }
    if let Some(o) = opd_unit
        && !se_opd.is_empty()
    {
        grup.push(Grup {
            label: if Some(o) == unit {
                format!("Di bawah {}", nama(o))
            } else {
                format!("Lainnya di {}", nama(o))
            },
            pilihan: se_opd,
        });
    }
    grup.extend(per_opd.into_iter().map(|(o, pilihan)| Grup {
        label: nama(o),
        pilihan,
    }));
    PilihanJabatan {
        tanpa: dipilih.is_empty(),
        grup,
    }
}

/// `GET /pegawai/pilihan-jabatan?unit=…&jabatan=…`: the position select for
/// a newly chosen unit (htmx), keeping the chosen position.
pub(crate) async fn pilihan_jabatan_unit(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Response, PageError> {
    wajib_penulis(&sesi)?;
    let units = PetaUnit::muat(state.store(), &sesi).await?;
    // Only positions within the scope: the query names no employee whose
    // own position could widen it.
    let jabatan = jabatan_boleh(&state, &sesi, &units, None).await?;
    let unit = params
        .get("unit")
        .and_then(|u| u.parse().ok())
        .map(UnitId)
        .filter(|&u| unit_dalam_lingkup(&sesi, &units, u));
    let dipilih = params.get("jabatan").unwrap_or_default();
    Ok(super::vary_htmx(render(&pilihan_jabatan(
        &units, &jabatan, unit, dipilih,
    ))?))
}

#[derive(Template)]
#[template(path = "tulis_golongan.html")]
struct GolonganTpl {
    golongan: Vec<Grup>,
    ganti_status: bool,
}

/// `GET /pegawai/pilihan-golongan?status=…`: the golongan list for a status (htmx).
pub(crate) async fn pilihan_golongan(sesi: Sesi, params: Params) -> Result<Response, PageError> {
    wajib_penulis(&sesi)?;
    let status = params.get("status").and_then(urai_status);
    Ok(super::vary_htmx(render(&GolonganTpl {
        golongan: grup_golongan(status, params.get("golongan").unwrap_or_default()),
        ganti_status: true,
    })?))
}
