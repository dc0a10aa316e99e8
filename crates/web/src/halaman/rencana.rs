//! `/rencana`: the development plan (Rencana Pengembangan Kompetensi) of a
//! year in versions with a workflow: BKPSDM builds a draft from the needs
//! (`kompeten_io::rencana`) and the optimiser, edits it by hand (every
//! edit re-checked against the version's stored needs: budget, seats,
//! eligibility, JP cap), sends it to the OPD heads, each of whom reviews
//! their OPD's part, and approves it; an approved version is locked and a
//! change means a new version. Every write is audited by the store.
//!
//! Who sees what: admin and auditor everything (auditor read-only);
//! pimpinan their unit subtree's assignments, and review when they head an
//! OPD; pegawai only their own assignments, and only in approved versions
//! (a draft is BKPSDM's working copy, not a decision about them); mitra
//! nothing (the plan is personal data).
//!
//! Each version keeps its needs (the `kompeten.plan-problem/v1` document)
//! and scenario curve, so its numbers can be recomputed and exported (XLSX,
//! CSV, the MPS model, the problem JSON) long after the records changed.
//! `/rencana/simulasi` is the stateless what-if for a budget.

use super::pegawai::id_path;
use super::tulis::{Isian, ambil, isian_sah};
use super::{Layout, render, render_status};
use crate::AppState;
use crate::analitik::RencanaTerhitung;
use crate::api_tulis::{badan, wajib_csrf_api};
use crate::error::{ApiError, AppError, ErrorBody, ErrorDetail, PageError};
use crate::format::{persen, query_string, waktu};
use crate::grafik::{Gaya, Grafik, Seri, angka, garis_svg};
use crate::layanan::PetaUnit;
use crate::params::Params;
use crate::sesi::Sesi;
use crate::tulis::{pelaku, wajib_admin};
use crate::unduh::{self, Format};
use askama::Template;
use axum::Json;
use axum::extract::rejection::{FormRejection, JsonRejection};
use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use kompeten_domain::format::{ribuan, tanggal};
use kompeten_domain::{Role, StatusRencana, StatusTinjauan, tahun_perencanaan};
use kompeten_engine::rencana::{Answer, Options, ScenarioPoint, Violation, solve, write_mps};
use kompeten_io::laporan_rencana::{
    Hitungan, KopUnduhan, TabelRencana, bahan_rencana, desimal, menutup, model_dari, nama_berkas,
    nilai_rencana, pasangan, per_opd, per_program, rupiah, rupiah_i, selisih_persen,
    tabel_dari_bahan, tulis_buku_rencana,
};
use kompeten_io::rencana::{
    DokumenSkenario, GalatRencana, anggaran_bawaan as anggaran_awal, masalah_instansi, rencana_baru,
};
use kompeten_io::tabel::{Kolom, Sel, Tabel};
use kompeten_store::{
    HasilRencana, Lingkup, NewRencana, PegawaiId, PegawaiRow, Penugasan, PenugasanBaru,
    ProgramQuery, Rencana, RencanaId, StoreError, UbahPenugasan, UnitId,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;
use utoipa::{OpenApi, ToSchema};

/// The largest budget accepted (Rp 1 quadrillion, the format's own limit).
const MAKS_ANGGARAN: i64 = 1_000_000_000_000_000;
/// Rows of an assignment table on a page; the downloads have them all.
const BARIS_HALAMAN: usize = 200;
/// Longest search text of the assignment table; longer input is cut.
const MAKS_CARI: usize = 100;
/// Longest plan name and review note.
const MAKS_NAMA: usize = 200;
const MAKS_CATATAN: usize = 2000;

// ---------------------------------------------------------------- access

/// Everyone but mitra reads plans (each within their scope).
fn wajib_baca(sesi: &Sesi) -> Result<(), AppError> {
    if sesi.role().sees_personal_data() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// The whole plan (the needs of every employee): admin and auditor.
fn wajib_seluruh(sesi: &Sesi) -> Result<(), AppError> {
    if matches!(sesi.role(), Role::AdminBkpsdm | Role::Auditor) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Pegawai see approved (locked) versions only.
fn boleh_lihat_versi(sesi: &Sesi, r: &Rencana) -> bool {
    sesi.role() != Role::Pegawai || r.status.terkunci()
}

/// The plan when the reader may open it: 404 when unknown, 403 otherwise.
async fn rencana_terbaca(
    state: &AppState,
    sesi: &Sesi,
    id: RencanaId,
) -> Result<Rencana, AppError> {
    wajib_baca(sesi)?;
    let r = state.store().rencana(sesi.instansi_id(), id).await?;
    if boleh_lihat_versi(sesi, &r) {
        Ok(r)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The OPD a pimpinan heads: their unit, when it is an OPD.
async fn opd_pimpinan(state: &AppState, sesi: &Sesi) -> Result<Option<(UnitId, String)>, AppError> {
    let Some(u) = sesi.akun.unit.filter(|_| sesi.role() == Role::PimpinanOpd) else {
        return Ok(None);
    };
    let units = state.store().units(sesi.instansi_id()).await?;
    Ok(units
        .into_iter()
        .find(|x| x.id == u && x.opd() == x.id)
        .map(|x| (x.id, x.nama)))
}

// ---------------------------------------------------------------- input

/// "Rp 750.000.000", "750000000" or "750.000.000" → 750000000.
fn urai_anggaran(teks: &str) -> Result<i64, String> {
    let t = teks.trim();
    let t = t.strip_prefix("Rp").unwrap_or(t);
    let digits: String = t
        .chars()
        .filter(|c| !matches!(c, '.' | ' ' | '_'))
        .collect();
    match digits.parse::<i64>() {
        Ok(v) if (0..=MAKS_ANGGARAN).contains(&v) => Ok(v),
        _ => Err("Anggaran harus bilangan bulat rupiah, misalnya 750.000.000.".to_owned()),
    }
}

fn urai_tahun(teks: &str) -> Result<i32, String> {
    match teks.trim().parse::<i32>() {
        Ok(t) if (2000..=2100).contains(&t) => Ok(t),
        _ => Err("Tahun harus antara 2000 dan 2100.".to_owned()),
    }
}

fn periksa_nama(teks: &str) -> Result<String, String> {
    let t = teks.trim();
    if t.is_empty() {
        Err("Wajib diisi.".to_owned())
    } else if t.chars().count() > MAKS_NAMA {
        Err(format!("Paling banyak {MAKS_NAMA} karakter."))
    } else if t.chars().any(char::is_control) {
        Err("Berisi karakter yang tidak diizinkan.".to_owned())
    } else {
        Ok(t.to_owned())
    }
}

/// A NIP as typed, with or without the grouping spaces.
fn rapikan_nip(teks: &str) -> String {
    teks.chars().filter(|c| !c.is_whitespace()).collect()
}

// ---------------------------------------------------------------- numbers

/// Compact rupiah for axis ticks and cards: "Rp749,5 jt", "Rp99,95 jt",
/// "Rp1,25 M", "Rp2 T": juta, miliar or triliun with up to four significant
/// digits (at most two decimals), so a figure just under a round one does
/// not read as that round one; below a million in full.
fn rupiah_singkat(v: f64) -> String {
    let v = if v.is_finite() { v.max(0.0) } else { 0.0 };
    const SATUAN: [(f64, &str); 3] = [(1e6, "jt"), (1e9, "M"), (1e12, "T")];
    let mut pilih = None;
    for (n, &(satuan, nama)) in SATUAN.iter().enumerate() {
        let x = v / satuan;
        let digit_bulat = if x >= 100.0 {
            3
        } else if x >= 10.0 {
            2
        } else {
            1
        };
        let skala = 10f64.powi((4 - digit_bulat).min(2));
        let x = (x * skala).round() / skala;
        // A figure that rounds to 1.000 of a unit is shown in the next one.
        if x >= 1.0 && (x < 1000.0 || n + 1 == SATUAN.len()) {
            pilih = Some((x, nama));
        }
    }
    match pilih {
        Some((x, nama)) => format!("Rp{} {nama}", angka(x)),
        None => rupiah(v.round() as u64),
    }
}

/// Indonesian for the checker's refusal, naming the rule broken.
fn pesan_pelanggaran(v: &Violation) -> String {
    match v {
        Violation::UnknownEmployee(nip) => format!(
            "Pegawai {nip} tidak termasuk kebutuhan rencana ini (tidak aktif atau belum tercatat saat rencana dibuat)."
        ),
        Violation::UnknownProgram(kode) => {
            format!("Program {kode} tidak termasuk katalog aktif saat rencana ini dibuat.")
        }
        Violation::NotEligible { employee, program } => format!(
            "Tidak memenuhi syarat: pegawai {employee} bukan sasaran program {program} (unit atau jenis jabatannya tidak termasuk, atau program tidak menutup kesenjangannya dan tidak terbuka untuk semua)."
        ),
        Violation::Repeated { employee, program } => {
            format!("Pegawai {employee} sudah mengikuti program {program}.")
        }
        Violation::JpCap { employee, jp, cap } => format!(
            "Melampaui batas JP: pegawai {employee} akan mendapat {} JP baru, lebih dari batas {} JP setahun.",
            ribuan(*jp),
            ribuan(*cap)
        ),
        Violation::Seats {
            program,
            participants,
            batches,
            max,
        } => format!(
            "Melampaui kursi: program {program} akan membutuhkan {} angkatan untuk {} peserta, lebih dari {} angkatan.",
            ribuan(*batches),
            ribuan(*participants),
            ribuan(*max)
        ),
        Violation::Budget { cost, budget } => format!(
            "Melampaui anggaran: biaya rencana menjadi {}, lebih dari anggaran {}.",
            rupiah(u64::try_from(*cost).unwrap_or(u64::MAX)),
            rupiah(*budget)
        ),
    }
}

// ---------------------------------------------------------------- computing

/// A plan-version error as the web shows it: store refusals keep their
/// status (404, 409), everything else is internal.
fn galat_rencana(e: GalatRencana) -> AppError {
    match e {
        GalatRencana::Store(e) => e.into(),
        e => AppError::internal(&e),
    }
}

/// The version's needs as a model, with `pairs` checked against them; the
/// CPU work runs off the async workers.
///
/// A version's stored needs never change, so the last check of each plan
/// is kept: the same pairs and bound reuse it whole, other pairs reuse its
/// model (reading and validating the stored problem is most of the work).
async fn hitung(
    state: &AppState,
    sesi: &Sesi,
    r: &Rencana,
    pairs: Vec<(String, String)>,
) -> Result<Arc<RencanaTerhitung>, AppError> {
    let i = sesi.instansi_id();
    let cache = state.cache_analitik();
    let batas = r.hasil.batas;
    let lama = cache.rencana(i, r.id);
    if let Some(t) = &lama
        && t.pairs == pairs
        && t.batas == batas.to_bits()
    {
        return Ok(Arc::clone(t));
    }
    let (model, skenario_json, skenario) = match lama {
        Some(t) => (
            Some(t.hitungan.model.clone()),
            t.skenario_json.clone(),
            t.skenario.clone(),
        ),
        None => (None, None, None),
    };
    let (masalah, skenario_json, skenario) = match model {
        Some(m) => (Ok(m), skenario_json, skenario),
        None => {
            let dok = state.store().dokumen_rencana(i, r.id).await?;
            let skenario = DokumenSkenario::dari_json(dok.skenario.clone());
            (Err(dok.masalah), dok.skenario, skenario)
        }
    };
    let (hitungan, pairs) = tokio::task::spawn_blocking(move || {
        let model = match masalah {
            Ok(m) => m,
            Err(json) => model_dari(&json)?,
        };
        let hasil = nilai_rencana(&model, &pairs, batas);
        Ok::<_, GalatRencana>((Hitungan { model, hasil }, pairs))
    })
    .await
    .map_err(|e| AppError::Internal(format!("checking the plan: {e}")))?
    .map_err(galat_rencana)?;
    let t = Arc::new(RencanaTerhitung {
        pairs,
        batas: batas.to_bits(),
        hitungan,
        skenario_json,
        skenario,
    });
    cache.simpan_rencana(i, r.id, Arc::clone(&t));
    Ok(t)
}

/// Every assignment of `r` (the whole instansi), kept per plan while
/// neither its assignments (the plan's `revisi`) nor the names they carry
/// (employees, units, programs: the data revision) changed. Both revisions
/// are read before the rows, so kept rows are never older than their key.
async fn penugasan_semua(
    state: &AppState,
    sesi: &Sesi,
    r: &Rencana,
) -> Result<Arc<Vec<Penugasan>>, AppError> {
    let store = state.store();
    let i = sesi.instansi_id();
    let kunci = (r.revisi, store.revisi_data(i).await?);
    let cache = state.cache_analitik();
    if let Some(p) = cache.penugasan(i, r.id, kunci) {
        return Ok(p);
    }
    let p = Arc::new(store.penugasan_rencana(i, r.id, Lingkup::Instansi).await?);
    cache.simpan_penugasan(i, r.id, kunci, Arc::clone(&p));
    Ok(p)
}

// ---------------------------------------------------------------- writes

/// Why a write was refused: a page shows `Pesan` and `Konflik` beside the
/// plan, the API answers 400 and 409.
pub(crate) enum Tolakan {
    App(AppError),
    Pesan(String),
    Konflik(String),
}

impl<E: Into<AppError>> From<E> for Tolakan {
    fn from(e: E) -> Self {
        Tolakan::App(e.into())
    }
}

const PESAN_KONFLIK: &str =
    "Rencana berubah sejak halaman ini dimuat; muat ulang lalu ulangi perubahan Anda.";

/// A new draft from the instansi's needs of `tahun`, solved, with its
/// scenario curve (`kompeten_io::rencana::buat_rencana`, with the solving
/// off the async workers).
async fn buat_rencana(
    state: &AppState,
    sesi: &Sesi,
    nama: String,
    tahun: i32,
    anggaran: i64,
) -> Result<RencanaId, AppError> {
    wajib_admin(sesi)?;
    let store = state.store();
    let i = sesi.instansi_id();
    let m = masalah_instansi(store, i, tahun, state.hari_ini(), anggaran)
        .await
        .map_err(|e| AppError::internal(&e))?;
    let baru: NewRencana =
        tokio::task::spawn_blocking(move || rencana_baru(m, tahun, nama, &Options::default()))
            .await
            .map_err(|e| AppError::Internal(format!("solving the plan: {e}")))?
            .map_err(galat_rencana)?;
    Ok(store.create_rencana(i, &pelaku(sesi), &baru).await?)
}

/// A new draft copied from any version: the same needs, scenarios and
/// assignments, with `basis` naming the source.
async fn versi_baru(
    state: &AppState,
    sesi: &Sesi,
    id: RencanaId,
    nama: Option<String>,
) -> Result<RencanaId, AppError> {
    wajib_admin(sesi)?;
    let store = state.store();
    let i = sesi.instansi_id();
    let r = store.rencana(i, id).await?;
    let dok = store.dokumen_rencana(i, id).await?;
    let penugasan = store
        .penugasan_rencana(i, id, Lingkup::Instansi)
        .await?
        .iter()
        .map(|p| PenugasanBaru {
            pegawai: p.pegawai,
            program: p.program,
            manual: p.manual,
        })
        .collect();
    let nama = nama.unwrap_or_else(|| format!("{} (dari versi {})", r.nama, r.versi));
    // The store caps names; a long source name must not block the copy.
    let nama: String = nama.chars().take(MAKS_NAMA).collect();
    Ok(store
        .create_rencana(
            i,
            &pelaku(sesi),
            &NewRencana {
                tahun: r.tahun,
                nama,
                anggaran: r.anggaran,
                masalah: dok.masalah,
                skenario: dok.skenario,
                hasil: r.hasil,
                penugasan,
                basis: Some(id),
            },
        )
        .await?)
}

/// Adds and removes assignments of a draft made on `revisi`, after checking
/// the whole resulting plan against the version's needs.
async fn ubah_penugasan(
    state: &AppState,
    sesi: &Sesi,
    id: RencanaId,
    revisi: i64,
    tambah: &[(String, String)],
    hapus: &[(String, String)],
) -> Result<(i64, HasilRencana), Tolakan> {
    wajib_admin(sesi)?;
    let store = state.store();
    let i = sesi.instansi_id();
    let r = store.rencana(i, id).await?;
    if !r.status.boleh_diubah() {
        return Err(Tolakan::Pesan(format!(
            "Rencana ini berstatus {}; hanya draf yang dapat diubah. Buat versi baru untuk mengubahnya.",
            r.status.label()
        )));
    }
    if revisi != r.revisi {
        return Err(Tolakan::Konflik(PESAN_KONFLIK.to_owned()));
    }
    if tambah.is_empty() && hapus.is_empty() {
        return Err(Tolakan::Pesan("Tidak ada perubahan.".to_owned()));
    }
    let sekarang = store.penugasan_rencana(i, id, Lingkup::Instansi).await?;
    let mut pairs: Vec<(String, String)> = pasangan(&sekarang);
    let mut keluar = Vec::new();
    for (nip, kode) in hapus {
        let (Some(n), Some(ada)) = (
            pairs.iter().position(|(e, p)| e == nip && p == kode),
            sekarang
                .iter()
                .find(|x| x.nip.as_str() == nip && &x.program_kode == kode),
        ) else {
            return Err(Tolakan::Pesan(format!(
                "Pegawai {nip} tidak mengikuti program {kode} dalam rencana ini."
            )));
        };
        pairs.remove(n);
        keluar.push((ada.pegawai, ada.program));
    }
    let mut masuk = Vec::new();
    if !tambah.is_empty() {
        let katalog = store.list_program(i, &ProgramQuery::default()).await?;
        for (nip, kode) in tambah {
            if pairs.iter().any(|(e, p)| e == nip && p == kode) {
                return Err(Tolakan::Pesan(format!(
                    "Pegawai {nip} sudah mengikuti program {kode}."
                )));
            }
            let Some(pegawai) = store.pegawai_by_nip(i, nip).await? else {
                return Err(Tolakan::Pesan(format!(
                    "Pegawai dengan NIP {nip} tidak ditemukan di instansi ini."
                )));
            };
            let Some(program) = katalog.iter().find(|p| &p.kode == kode) else {
                return Err(Tolakan::Pesan(format!(
                    "Program dengan kode {kode} tidak ada di katalog."
                )));
            };
            pairs.push((nip.clone(), kode.clone()));
            masuk.push(PenugasanBaru {
                pegawai: pegawai.id,
                program: program.id,
                manual: true,
            });
        }
    }
    let t = hitung(state, sesi, &r, pairs).await?;
    let ev = match &t.hitungan.hasil {
        Ok((ev, _)) => ev,
        Err(v) => return Err(Tolakan::Pesan(pesan_pelanggaran(v))),
    };
    let hasil = HasilRencana {
        nilai: ev.value,
        batas: r.hasil.batas,
        biaya: i64::try_from(ev.cost).unwrap_or(i64::MAX),
    };
    let ubah = UbahPenugasan {
        revisi,
        tambah: masuk,
        hapus: keluar,
        hasil,
    };
    match store.ubah_penugasan(i, &pelaku(sesi), id, &ubah).await {
        Ok(baru) => Ok((baru, hasil)),
        Err(StoreError::Conflict(_)) => Err(Tolakan::Konflik(PESAN_KONFLIK.to_owned())),
        Err(StoreError::Invalid(_)) => Err(Tolakan::Pesan(
            "Rencana ini sudah bukan draf; perubahan tidak disimpan.".to_owned(),
        )),
        Err(e) => Err(e.into()),
    }
}

/// OPDs with assignments whose head has not reviewed their part as fitting.
fn opd_belum_sesuai(r: &Rencana, semua: &[Penugasan]) -> Vec<String> {
    let sesuai: HashSet<UnitId> = r
        .tinjauan
        .iter()
        .filter(|t| t.status == StatusTinjauan::Sesuai)
        .map(|t| t.opd)
        .collect();
    let mut belum: Vec<String> = Vec::new();
    let mut dilihat = HashSet::new();
    for p in semua {
        if !sesuai.contains(&p.opd) && dilihat.insert(p.opd) {
            belum.push(p.opd_nama.clone());
        }
    }
    belum
}

async fn ubah_status(
    state: &AppState,
    sesi: &Sesi,
    id: RencanaId,
    ke: StatusRencana,
) -> Result<(), Tolakan> {
    wajib_admin(sesi)?;
    let store = state.store();
    let i = sesi.instansi_id();
    let r = store.rencana(i, id).await?;
    if !r.status.boleh_ke(ke) {
        return Err(Tolakan::Pesan(format!(
            "Rencana berstatus {} tidak dapat diubah menjadi {}.",
            r.status.label(),
            ke.label()
        )));
    }
    if ke == StatusRencana::Disetujui {
        let semua = store.penugasan_rencana(i, id, Lingkup::Instansi).await?;
        let belum = opd_belum_sesuai(&r, &semua);
        if !belum.is_empty() {
            return Err(Tolakan::Pesan(format!(
                "Belum dapat disetujui: OPD berikut belum menyatakan bagiannya sesuai: {}.",
                belum.join(", ")
            )));
        }
    }
    match store
        .ubah_status_rencana(i, &pelaku(sesi), id, r.status, ke)
        .await
    {
        Ok(()) => Ok(()),
        // Someone moved it or a review changed in between.
        Err(StoreError::Invalid(_)) => Err(Tolakan::Konflik(PESAN_KONFLIK.to_owned())),
        Err(e) => Err(e.into()),
    }
}

async fn tinjau(
    state: &AppState,
    sesi: &Sesi,
    id: RencanaId,
    opd: Option<UnitId>,
    status: StatusTinjauan,
    catatan: &str,
) -> Result<(), Tolakan> {
    if sesi.role() != Role::PimpinanOpd {
        return Err(AppError::Forbidden.into());
    }
    let Some((milik, _)) = opd_pimpinan(state, sesi).await? else {
        return Err(AppError::Forbidden.into());
    };
    if opd.is_some_and(|o| o != milik) {
        return Err(AppError::Forbidden.into());
    }
    if catatan.chars().count() > MAKS_CATATAN {
        return Err(Tolakan::Pesan(format!(
            "Catatan paling banyak {MAKS_CATATAN} karakter."
        )));
    }
    let store = state.store();
    let i = sesi.instansi_id();
    let r = store.rencana(i, id).await?;
    if r.status != StatusRencana::Ditinjau {
        return Err(Tolakan::Pesan(format!(
            "Rencana berstatus {}; tinjauan hanya untuk rencana yang sedang ditinjau OPD.",
            r.status.label()
        )));
    }
    let catatan = Some(catatan.trim()).filter(|c| !c.is_empty());
    match store
        .tinjau_rencana(i, &pelaku(sesi), id, milik, status, catatan)
        .await
    {
        Ok(()) => Ok(()),
        Err(StoreError::Invalid(_)) => Err(Tolakan::Pesan(
            "Tinjauan tidak disimpan: rencana sudah tidak dalam tinjauan, atau catatan berisi karakter yang tidak diizinkan."
                .to_owned(),
        )),
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------- list page

struct BarisRencana {
    id: i64,
    tahun: i32,
    versi: i32,
    nama: String,
    status: &'static str,
    kelas: &'static str,
    anggaran: String,
    biaya: String,
    nilai: String,
    batas: String,
    selisih: String,
    penugasan: String,
    dibuat: String,
}

fn kelas_status(s: StatusRencana) -> &'static str {
    match s {
        StatusRencana::Draf => "lencana-netral",
        StatusRencana::Ditinjau => "lencana-kurang",
        StatusRencana::Disetujui => "lencana-berlaku",
        StatusRencana::Diganti => "lencana-kedaluwarsa",
    }
}

#[derive(Template)]
#[template(path = "rencana_daftar.html")]
struct DaftarTpl {
    layout: Layout,
    admin: bool,
    simulasi: bool,
    csrf: String,
    baris: Vec<BarisRencana>,
    nama: String,
    tahun: String,
    anggaran: String,
    galat: BTreeMap<String, String>,
    pesan: Option<String>,
}

async fn anggaran_bawaan(state: &AppState, sesi: &Sesi) -> Result<i64, AppError> {
    Ok(anggaran_awal(state.store(), sesi.instansi_id()).await?)
}

async fn halaman_daftar(
    state: &AppState,
    sesi: &Sesi,
    isian: Option<(String, String, String)>,
    galat: BTreeMap<String, String>,
    pesan: Option<String>,
) -> Result<Response, PageError> {
    wajib_baca(sesi)?;
    let offset = state.config().utc_offset;
    let daftar = state.store().list_rencana(sesi.instansi_id(), None).await?;
    let baris = daftar
        .iter()
        .filter(|r| boleh_lihat_versi(sesi, r))
        .map(|r| BarisRencana {
            id: r.id.0,
            tahun: r.tahun,
            versi: r.versi,
            nama: r.nama.clone(),
            status: r.status.label(),
            kelas: kelas_status(r.status),
            anggaran: rupiah_i(r.anggaran),
            biaya: rupiah_i(r.hasil.biaya),
            nilai: desimal(r.hasil.nilai),
            batas: desimal(r.hasil.batas),
            selisih: format!("{}%", desimal(selisih_persen(&r.hasil))),
            penugasan: ribuan(r.jumlah_penugasan),
            dibuat: format!("{}, {}", r.dibuat_oleh, waktu(r.dibuat_pada, offset)),
        })
        .collect();
    let admin = sesi.role() == Role::AdminBkpsdm;
    let (nama, tahun, anggaran) = match isian {
        Some(x) => x,
        None if admin => (
            String::new(),
            tahun_perencanaan(state.hari_ini()).to_string(),
            ribuan(u64::try_from(anggaran_bawaan(state, sesi).await?).unwrap_or(0)),
        ),
        None => Default::default(),
    };
    let status = if galat.is_empty() && pesan.is_none() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_status(
        &DaftarTpl {
            layout: Layout::untuk(sesi, "Rencana Pengembangan", "rencana"),
            admin,
            simulasi: matches!(sesi.role(), Role::AdminBkpsdm | Role::Auditor),
            csrf: sesi.csrf.clone(),
            baris,
            nama,
            tahun,
            anggaran,
            galat,
            pesan,
        },
        status,
    )
}

pub(crate) async fn daftar(
    State(state): State<AppState>,
    sesi: Sesi,
) -> Result<Response, PageError> {
    halaman_daftar(&state, &sesi, None, BTreeMap::new(), None).await
}

/// `POST /rencana/baru`: builds, solves and stores a new draft.
pub(crate) async fn buat_kirim(
    State(state): State<AppState>,
    sesi: Sesi,
    form: Result<Form<Isian>, FormRejection>,
) -> Result<Response, PageError> {
    wajib_admin(&sesi)?;
    let pairs = isian_sah(&sesi, form)?;
    let (nama, tahun, anggaran) = (
        ambil(&pairs, "nama").to_owned(),
        ambil(&pairs, "tahun").to_owned(),
        ambil(&pairs, "anggaran").to_owned(),
    );
    let mut galat = BTreeMap::new();
    let n = periksa_nama(&nama)
        .map_err(|m| galat.insert("nama".to_owned(), m))
        .ok();
    let t = urai_tahun(&tahun)
        .map_err(|m| galat.insert("tahun".to_owned(), m))
        .ok();
    let a = urai_anggaran(&anggaran)
        .map_err(|m| galat.insert("anggaran".to_owned(), m))
        .ok();
    let (Some(n), Some(t), Some(a)) = (n, t, a) else {
        return halaman_daftar(&state, &sesi, Some((nama, tahun, anggaran)), galat, None).await;
    };
    let id = buat_rencana(&state, &sesi, n, t, a).await?;
    Ok(Redirect::to(&format!("/rencana/{id}?pesan=dibuat")).into_response())
}

// ---------------------------------------------------------------- detail page

struct Kartu {
    label: &'static str,
    nilai: String,
    /// The exact figure behind a compact `nilai`, as a tooltip.
    judul: Option<String>,
    rincian: String,
}

struct BarisOpd {
    opd: String,
    peserta: String,
    penugasan: String,
    jp: String,
    biaya: String,
    porsi: String,
    tinjauan: String,
    kelas: &'static str,
    catatan: String,
}

/// A program of the plan: what to organise and pay for.
struct BarisProgramRencana {
    id: i64,
    kode: String,
    judul: String,
    peserta: String,
    angkatan: String,
    jp: String,
    biaya: String,
    /// Participants within a unit reader's scope.
    dalam_unit: String,
}

struct BarisPenugasan {
    nip: String,
    nama: String,
    unit: String,
    kode: String,
    program: String,
    menutup: String,
    jp: String,
    biaya: String,
    manual: bool,
}

struct BarisSkenario {
    persen: u32,
    anggaran: String,
    optimasi_nilai: String,
    optimasi_biaya: String,
    optimasi_jp: String,
    batas: String,
    termurah_nilai: String,
    termurah_biaya: String,
    termurah_jp: String,
    kuota_nilai: String,
    kuota_biaya: String,
    kuota_jp: String,
}

struct Skenario {
    grafik_nilai: String,
    grafik_jp: String,
    baris: Vec<BarisSkenario>,
}

#[derive(Template)]
#[template(path = "rencana_detail.html")]
struct DetailTpl {
    layout: Layout,
    csrf: String,
    id: i64,
    judul: String,
    status: &'static str,
    kelas: &'static str,
    revisi: i64,
    basis: Option<i64>,
    dibuat: String,
    disetujui: Option<String>,
    pesan: Option<&'static str>,
    galat: Option<String>,
    /// The bulk form's lists, shown again after a refusal.
    sekaligus: Sekaligus,
    kartu: Vec<Kartu>,
    /// Admin actions by status.
    admin: bool,
    boleh_ajukan: bool,
    boleh_kembalikan: bool,
    boleh_setujui: bool,
    boleh_ubah: bool,
    belum_sesuai: Vec<String>,
    /// The pimpinan's review form: (OPD id, OPD name, current review).
    tinjau: Option<(i64, String, String)>,
    lihat_opd: bool,
    lihat_seluruh: bool,
    per_opd: Vec<BarisOpd>,
    per_program: Vec<BarisProgramRencana>,
    penugasan: Vec<BarisPenugasan>,
    penugasan_total: usize,
    cari: TampilCari,
    cakupan: &'static str,
    skenario: Option<Skenario>,
    tidak_sesuai: Option<String>,
}

fn pesan_ok(kode: Option<&str>) -> Option<&'static str> {
    match kode? {
        "dibuat" => Some("Rencana baru tersimpan sebagai draf."),
        "versi" => Some("Versi baru tersimpan sebagai draf."),
        "diubah" => Some("Penugasan diperbarui dan diperiksa ulang."),
        "status" => Some("Status rencana diperbarui."),
        "tinjauan" => Some("Tinjauan Anda tersimpan."),
        _ => None,
    }
}

fn lingkup_baca(sesi: &Sesi) -> Lingkup {
    match sesi.role() {
        Role::AdminBkpsdm | Role::Auditor => Lingkup::Instansi,
        _ => sesi.lingkup(),
    }
}

fn cakupan(sesi: &Sesi) -> &'static str {
    match sesi.role() {
        Role::AdminBkpsdm | Role::Auditor => "seluruh instansi",
        Role::PimpinanOpd => "unit yang Anda pimpin",
        _ => "Anda sendiri",
    }
}

fn skenario_view(d: &DokumenSkenario) -> Skenario {
    let jp = |n: usize| {
        if d.pegawai == 0 {
            0.0
        } else {
            n as f64 * 100.0 / d.pegawai as f64
        }
    };
    let seri = |f: &dyn Fn(&ScenarioPoint) -> (f64, f64)| {
        vec![
            Seri {
                nama: "Optimasi".to_owned(),
                gaya: Gaya::Utama,
                titik: d.titik.iter().map(f).collect(),
            },
            Seri {
                nama: "Termurah dulu".to_owned(),
                gaya: Gaya::Putus,
                titik: Vec::new(),
            },
            Seri {
                nama: "Kuota sama per OPD".to_owned(),
                gaya: Gaya::Titik,
                titik: Vec::new(),
            },
        ]
    };
    let mut nilai = seri(&|t| (t.optimised.cost as f64, t.optimised.value));
    nilai[1].titik = d
        .titik
        .iter()
        .map(|t| (t.cheapest.cost as f64, t.cheapest.value))
        .collect();
    nilai[2].titik = d
        .titik
        .iter()
        .map(|t| (t.quota.cost as f64, t.quota.value))
        .collect();
    let mut kepatuhan = seri(&|t| (t.optimised.cost as f64, jp(t.optimised.jp_compliant)));
    kepatuhan[1].titik = d
        .titik
        .iter()
        .map(|t| (t.cheapest.cost as f64, jp(t.cheapest.jp_compliant)))
        .collect();
    kepatuhan[2].titik = d
        .titik
        .iter()
        .map(|t| (t.quota.cost as f64, jp(t.quota.jp_compliant)))
        .collect();
    let fmt_nilai = |v: f64| angka(v);
    let fmt_persen = |v: f64| format!("{}%", angka(v));
    let grafik_nilai = garis_svg(&Grafik {
        judul: "Nilai rencana terhadap biaya pada tiap persentase anggaran".to_owned(),
        label_x: "Biaya (rupiah)".to_owned(),
        label_y: "Nilai".to_owned(),
        seri: nilai,
        y_min_maks: 0.0,
        format_x: &rupiah_singkat,
        format_y: &fmt_nilai,
    });
    let grafik_jp = garis_svg(&Grafik {
        judul: "Pegawai yang mencapai target JP terhadap biaya".to_owned(),
        label_x: "Biaya (rupiah)".to_owned(),
        label_y: "Mencapai target JP".to_owned(),
        seri: kepatuhan,
        y_min_maks: 100.0,
        format_x: &rupiah_singkat,
        format_y: &fmt_persen,
    });
    let total = d.pegawai as u64;
    let baris = d
        .titik
        .iter()
        .map(|t| BarisSkenario {
            persen: t.percent,
            anggaran: rupiah(t.budget),
            optimasi_nilai: desimal(t.optimised.value),
            optimasi_biaya: rupiah(t.optimised.cost),
            optimasi_jp: persen(t.optimised.jp_compliant as u64, total),
            batas: desimal(t.optimised_bound),
            termurah_nilai: desimal(t.cheapest.value),
            termurah_biaya: rupiah(t.cheapest.cost),
            termurah_jp: persen(t.cheapest.jp_compliant as u64, total),
            kuota_nilai: desimal(t.quota.value),
            kuota_biaya: rupiah(t.quota.cost),
            kuota_jp: persen(t.quota.jp_compliant as u64, total),
        })
        .collect();
    Skenario {
        grafik_nilai,
        grafik_jp,
        baris,
    }
}

/// The plan's own figures, for readers of the whole plan.
fn kartu_instansi(r: &Rencana, semua: &[Penugasan], h: &Hitungan) -> Vec<Kartu> {
    let peserta: HashSet<PegawaiId> = semua.iter().map(|p| p.pegawai).collect();
    let pegawai_masalah = h.model.employees.len() as u64;
    let mut kartu = vec![
        Kartu {
            label: "Nilai rencana",
            nilai: desimal(r.hasil.nilai),
            judul: None,
            rincian: "level kesenjangan tertutup (berbobot) ditambah nilai JP".to_owned(),
        },
        Kartu {
            label: "Batas atas terbukti",
            nilai: desimal(r.hasil.batas),
            judul: None,
            rincian: "tidak ada rencana dengan kebutuhan dan anggaran ini yang bernilai lebih"
                .to_owned(),
        },
        Kartu {
            label: "Selisih dari batas atas",
            nilai: format!("{}%", desimal(selisih_persen(&r.hasil))),
            judul: None,
            rincian: "(batas atas − nilai) ÷ batas atas; makin kecil makin dekat optimal"
                .to_owned(),
        },
        kartu_biaya(
            r.hasil.biaya,
            format!(
                "{} dari anggaran {}; sisa {}",
                rupiah_i(r.hasil.biaya),
                rupiah_i(r.anggaran),
                rupiah_i(r.anggaran.saturating_sub(r.hasil.biaya))
            ),
        ),
        Kartu {
            label: "Peserta",
            nilai: ribuan(peserta.len() as u64),
            judul: None,
            rincian: format!("{} penugasan", ribuan(semua.len() as u64)),
        },
    ];
    if let Some(n) = h.jp_memenuhi() {
        kartu.push(Kartu {
            label: "Mencapai target JP",
            nilai: persen(n as u64, pegawai_masalah),
            judul: None,
            rincian: format!(
                "{} dari {} pegawai dalam kebutuhan",
                ribuan(n as u64),
                ribuan(pegawai_masalah)
            ),
        });
    }
    kartu
}

/// A cost card: the compact figure, the exact one in its tooltip and in
/// `rincian` (a full rupiah figure wraps mid-number in a narrow card).
fn kartu_biaya(biaya: i64, rincian: String) -> Kartu {
    Kartu {
        label: "Biaya",
        nilai: rupiah_singkat(biaya.max(0) as f64),
        judul: Some(rupiah_i(biaya)),
        rincian,
    }
}

/// A pimpinan's cards: the figures of their unit's assignments first, then
/// the plan's instansi-wide value and bound, named as such. `kode` are the
/// codes of the units in their subtree (the needs group employees by
/// `<unit code>/<position type>`).
fn kartu_unit(
    r: &Rencana,
    terlihat: &[Penugasan],
    h: &Hitungan,
    detail: &HashMap<(&str, &str), &kompeten_engine::rencana::Assignment>,
    kode: &HashSet<&str>,
) -> Vec<Kartu> {
    let peserta: HashSet<PegawaiId> = terlihat.iter().map(|p| p.pegawai).collect();
    let (mut nilai, mut biaya) = (0.0_f64, 0.0_f64);
    for p in terlihat {
        if let Some(a) = detail.get(&(p.nip.as_str(), p.program_kode.as_str())) {
            nilai += a.value;
            biaya += a.cost;
        }
    }
    let biaya = biaya.round() as i64;
    let mut kartu = vec![
        Kartu {
            label: "Nilai penugasan unit Anda",
            nilai: desimal(nilai),
            judul: None,
            rincian: format!(
                "dari nilai rencana {} untuk seluruh instansi",
                desimal(r.hasil.nilai)
            ),
        },
        kartu_biaya(
            biaya,
            format!(
                "{} untuk unit Anda, dari biaya seluruh instansi {}",
                rupiah_i(biaya),
                rupiah_i(r.hasil.biaya)
            ),
        ),
        Kartu {
            label: "Peserta unit Anda",
            nilai: ribuan(peserta.len() as u64),
            judul: None,
            rincian: format!("{} penugasan", ribuan(terlihat.len() as u64)),
        },
    ];
    if let Ok((ev, _)) = &h.hasil {
        let m = &h.model;
        let mut dalam = 0_u64;
        let mut memenuhi = 0_u64;
        for (e, emp) in m.employees.iter().enumerate() {
            let grup = m.units.get(emp.unit as usize).map_or("", String::as_str);
            let unit = grup.rsplit_once('/').map_or(grup, |(u, _)| u);
            if kode.contains(unit) {
                dalam += 1;
                if ev.jp.get(e).copied().unwrap_or(0) >= emp.jp_need {
                    memenuhi += 1;
                }
            }
        }
        kartu.push(Kartu {
            label: "Mencapai target JP",
            nilai: persen(memenuhi, dalam),
            judul: None,
            rincian: format!(
                "{} dari {} pegawai unit Anda dalam kebutuhan",
                ribuan(memenuhi),
                ribuan(dalam)
            ),
        });
    }
    kartu.extend([
        Kartu {
            label: "Nilai rencana · seluruh instansi",
            nilai: desimal(r.hasil.nilai),
            judul: None,
            rincian: "level kesenjangan tertutup (berbobot) ditambah nilai JP, semua OPD"
                .to_owned(),
        },
        Kartu {
            label: "Batas atas · seluruh instansi",
            nilai: desimal(r.hasil.batas),
            judul: None,
            rincian: format!(
                "selisih {}% dari nilai rencana; tidak ada rencana yang bernilai lebih",
                desimal(selisih_persen(&r.hasil))
            ),
        },
    ]);
    kartu
}

/// The assignment table's search and page, as the query string asks.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CariPenugasan {
    q: String,
    halaman: usize,
}

impl Default for CariPenugasan {
    fn default() -> Self {
        CariPenugasan {
            q: String::new(),
            halaman: 1,
        }
    }
}

impl CariPenugasan {
    /// Lenient like every page: a bad page number shows the first page.
    fn dari(params: &Params) -> CariPenugasan {
        CariPenugasan {
            q: params
                .get("q")
                .map(|q| q.chars().take(MAKS_CARI).collect())
                .unwrap_or_default(),
            halaman: params
                .get("halaman")
                .and_then(|h| h.parse().ok())
                .filter(|&h| h >= 1)
                .unwrap_or(1),
        }
    }

    /// The plan's address on another page of this search.
    fn url(&self, id: RencanaId, halaman: usize) -> String {
        let query = query_string([("q", self.q.clone()), ("halaman", nomor_halaman(halaman))]);
        format!("/rencana/{id}{query}#penugasan")
    }
}

/// A page number for a query string: empty for the first page, so its
/// address stays short.
fn nomor_halaman(halaman: usize) -> String {
    if halaman > 1 {
        halaman.to_string()
    } else {
        String::new()
    }
}

/// The text of a stored assignment that a search looks in: the name,
/// NIP, unit, OPD, program code and title.
fn teks_penugasan(p: &Penugasan) -> [&str; 6] {
    [
        p.nama_pegawai.as_str(),
        p.nip.as_str(),
        p.unit_nama.as_str(),
        p.opd_nama.as_str(),
        p.program_kode.as_str(),
        p.program_judul.as_str(),
    ]
}

/// Whether every word of a search is somewhere in `teks`, ignoring case
/// (a NIP typed in groups matches too).
fn cocok_cari(teks: &[&str], kata: &[String]) -> bool {
    if kata.is_empty() {
        return true;
    }
    let teks = teks.join("\n").to_lowercase();
    kata.iter().all(|k| teks.contains(k.as_str()))
}

/// One page of the rows that match a search.
#[derive(Debug)]
struct HalamanCocok<'a, T> {
    baris: Vec<&'a T>,
    /// Rows that match, on every page.
    cocok: usize,
    /// The page shown (the last one when the asked page is past it).
    halaman: usize,
    jumlah_halaman: usize,
    /// Position of the page's first row among the matches, from 0.
    mulai: usize,
}

impl<T> HalamanCocok<'_, T> {
    /// The search and paging as the template shows them; `url` gives the
    /// address of another page of the same search.
    fn tampil(&self, q: &str, url: impl Fn(usize) -> String) -> TampilCari {
        TampilCari {
            q: q.to_owned(),
            cocok: self.cocok,
            dari: self.mulai + usize::from(!self.baris.is_empty()),
            sampai: self.mulai + self.baris.len(),
            halaman: self.halaman,
            jumlah_halaman: self.jumlah_halaman,
            sebelumnya: (self.halaman > 1).then(|| url(self.halaman - 1)),
            berikutnya: (self.halaman < self.jumlah_halaman).then(|| url(self.halaman + 1)),
        }
    }
}

/// The page `cari` asks for of the rows whose `teks` match its words.
fn halaman_cocok<'a, T, const N: usize>(
    semua: &'a [T],
    cari: &CariPenugasan,
    per_halaman: usize,
    teks: impl Fn(&T) -> [&str; N],
) -> HalamanCocok<'a, T> {
    let kata: Vec<String> = cari
        .q
        .to_lowercase()
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    let cocok: Vec<&T> = semua
        .iter()
        .filter(|p| cocok_cari(&teks(p), &kata))
        .collect();
    let per_halaman = per_halaman.max(1);
    let jumlah_halaman = cocok.len().div_ceil(per_halaman).max(1);
    let halaman = cari.halaman.clamp(1, jumlah_halaman);
    let mulai = (halaman - 1) * per_halaman;
    HalamanCocok {
        cocok: cocok.len(),
        baris: cocok.into_iter().skip(mulai).take(per_halaman).collect(),
        halaman,
        jumlah_halaman,
        mulai,
    }
}

/// The table's search and paging, as the template shows them.
#[derive(Default)]
struct TampilCari {
    q: String,
    cocok: usize,
    dari: usize,
    sampai: usize,
    halaman: usize,
    jumlah_halaman: usize,
    sebelumnya: Option<String>,
    berikutnya: Option<String>,
}

async fn halaman_detail(
    state: &AppState,
    sesi: &Sesi,
    id: RencanaId,
    pesan: Option<&'static str>,
    galat: Option<(StatusCode, String)>,
    sekaligus: &Sekaligus,
    cari: &CariPenugasan,
) -> Result<Response, PageError> {
    let r = rencana_terbaca(state, sesi, id).await?;
    let store = state.store();
    let i = sesi.instansi_id();
    let semua = penugasan_semua(state, sesi, &r).await?;
    let semua = semua.as_slice();
    let lingkup = lingkup_baca(sesi);
    let milik;
    let terlihat: &[Penugasan] = if lingkup == Lingkup::Instansi {
        semua
    } else {
        milik = store.penugasan_rencana(i, id, lingkup).await?;
        &milik
    };
    let t = hitung(state, sesi, &r, pasangan(semua)).await?;
    let h = &t.hitungan;
    let seluruh = matches!(sesi.role(), Role::AdminBkpsdm | Role::Auditor);
    let pribadi = sesi.role() == Role::Pegawai;
    let detail = h.per_pasangan();
    let kartu = if seluruh {
        kartu_instansi(&r, semua, h)
    } else if let Lingkup::Unit(akar) = lingkup {
        let units = PetaUnit::muat(store, sesi).await?;
        let kode: HashSet<&str> = units
            .units
            .iter()
            .filter(|u| u.di_bawah(akar))
            .map(|u| u.kode.as_str())
            .collect();
        kartu_unit(&r, terlihat, h, &detail, &kode)
    } else {
        // Pegawai see their own part, not the instansi's totals.
        Vec::new()
    };
    let opd = per_opd(semua, h);
    let total_biaya: f64 = opd.iter().map(|o| o.biaya).sum();
    let opd_terlihat: HashSet<UnitId> = terlihat.iter().map(|p| p.opd).collect();
    let per_opd_view = opd
        .iter()
        .filter(|o| seluruh || opd_terlihat.contains(&o.id))
        .map(|o| {
            let t = r.tinjauan.iter().find(|t| t.opd == o.id);
            BarisOpd {
                opd: o.nama.clone(),
                peserta: ribuan(o.peserta.len() as u64),
                penugasan: ribuan(o.penugasan),
                jp: ribuan(o.jp),
                biaya: rupiah(o.biaya.round().max(0.0) as u64),
                porsi: if total_biaya > 0.0 {
                    format!("{}%", desimal(o.biaya / total_biaya * 100.0))
                } else {
                    "–".to_owned()
                },
                tinjauan: t.map_or("Belum ditinjau", |t| t.status.label()).to_owned(),
                kelas: match t.map(|t| t.status) {
                    Some(StatusTinjauan::Sesuai) => "lencana-berlaku",
                    Some(StatusTinjauan::PerluPerbaikan) => "lencana-kurang",
                    None => "lencana-netral",
                },
                catatan: t.and_then(|t| t.catatan.clone()).unwrap_or_default(),
            }
        })
        .collect();
    let per_program_view = if pribadi {
        Vec::new()
    } else {
        per_program(semua, terlihat, h)
            .into_iter()
            .map(|p| BarisProgramRencana {
                id: p.program.0,
                dalam_unit: ribuan(p.peserta_terlihat),
                kode: p.kode,
                judul: p.judul,
                peserta: ribuan(p.peserta),
                angkatan: ribuan(p.angkatan),
                jp: ribuan(p.jp),
                biaya: rupiah(p.biaya),
            })
            .collect()
    };
    let jp_program = h.jp_per_program();
    let halaman = halaman_cocok(terlihat, cari, BARIS_HALAMAN, teks_penugasan);
    let tampil_cari = halaman.tampil(&cari.q, |n| cari.url(id, n));
    let penugasan = halaman
        .baris
        .iter()
        .map(|p| {
            let a = detail.get(&(p.nip.as_str(), p.program_kode.as_str()));
            BarisPenugasan {
                nip: p.nip.as_str().to_owned(),
                nama: p.nama_pegawai.clone(),
                unit: format!("{} › {}", p.opd_nama, p.unit_nama),
                kode: p.program_kode.clone(),
                program: p.program_judul.clone(),
                menutup: a.map(|a| menutup(a)).unwrap_or_default(),
                jp: ribuan(
                    jp_program
                        .get(p.program_kode.as_str())
                        .copied()
                        .unwrap_or(0),
                ),
                biaya: a.map_or_else(
                    || "–".to_owned(),
                    |a| rupiah(a.cost.round().max(0.0) as u64),
                ),
                manual: p.manual,
            }
        })
        .collect();
    let admin = sesi.role() == Role::AdminBkpsdm;
    let tinjau = if r.status == StatusRencana::Ditinjau {
        opd_pimpinan(state, sesi).await?.map(|(u, nama)| {
            let kini = r
                .tinjauan
                .iter()
                .find(|t| t.opd == u)
                .map_or("belum ditinjau".to_owned(), |t| {
                    format!("{} oleh {}", t.status.label(), t.oleh)
                });
            (u.0, nama, kini)
        })
    } else {
        None
    };
    let offset = state.config().utc_offset;
    let tpl = DetailTpl {
        layout: Layout::untuk(
            sesi,
            &format!("Rencana {} versi {}", r.tahun, r.versi),
            "rencana",
        ),
        csrf: sesi.csrf.clone(),
        id: r.id.0,
        judul: format!("{} · {} versi {}", r.nama, r.tahun, r.versi),
        status: r.status.label(),
        kelas: kelas_status(r.status),
        revisi: r.revisi,
        basis: r.basis.map(|b| b.0),
        dibuat: format!("{}, {}", r.dibuat_oleh, waktu(r.dibuat_pada, offset)),
        disetujui: match (&r.disetujui_oleh, r.disetujui_pada) {
            (Some(o), Some(p)) => Some(format!("{o}, {}", waktu(p, offset))),
            _ => None,
        },
        pesan,
        galat: galat.as_ref().map(|(_, m)| m.clone()),
        sekaligus: Sekaligus {
            hapus: sekaligus.hapus.clone(),
            tambah: sekaligus.tambah.clone(),
        },
        kartu,
        admin,
        boleh_ajukan: admin && r.status.boleh_ke(StatusRencana::Ditinjau),
        boleh_kembalikan: admin && r.status == StatusRencana::Ditinjau,
        boleh_setujui: admin && r.status.boleh_ke(StatusRencana::Disetujui),
        boleh_ubah: admin && r.status.boleh_diubah(),
        belum_sesuai: if r.status == StatusRencana::Ditinjau {
            opd_belum_sesuai(&r, semua)
        } else {
            Vec::new()
        },
        tinjau,
        lihat_opd: !pribadi,
        lihat_seluruh: seluruh,
        per_opd: if pribadi { Vec::new() } else { per_opd_view },
        per_program: per_program_view,
        penugasan,
        penugasan_total: terlihat.len(),
        cari: tampil_cari,
        cakupan: cakupan(sesi),
        skenario: if pribadi {
            None
        } else {
            t.skenario.as_ref().map(skenario_view)
        },
        tidak_sesuai: h.hasil.as_ref().err().map(pesan_pelanggaran),
    };
    match galat {
        Some((status, _)) => render_status(&tpl, status),
        None => render(&tpl),
    }
}

fn rencana_id(raw: &str) -> Result<RencanaId, AppError> {
    Ok(RencanaId(id_path(raw)?))
}

pub(crate) async fn detail(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
    params: Params,
) -> Result<Response, PageError> {
    let id = rencana_id(&raw)?;
    let kosong = Sekaligus::default();
    halaman_detail(
        &state,
        &sesi,
        id,
        pesan_ok(params.get("pesan")),
        None,
        &kosong,
        &CariPenugasan::dari(&params),
    )
    .await
}

/// After a form: back to the plan with a fixed confirmation, or the plan
/// with the refusal beside it.
async fn setelah(
    state: &AppState,
    sesi: &Sesi,
    id: RencanaId,
    hasil: Result<(), Tolakan>,
    kode: &str,
) -> Result<Response, PageError> {
    setelah_dengan(state, sesi, id, hasil, kode, &Sekaligus::default()).await
}

/// Like [`setelah`], showing the bulk form's list again after a refusal.
async fn setelah_dengan(
    state: &AppState,
    sesi: &Sesi,
    id: RencanaId,
    hasil: Result<(), Tolakan>,
    kode: &str,
    sekaligus: &Sekaligus,
) -> Result<Response, PageError> {
    match hasil {
        Ok(()) => Ok(Redirect::to(&format!("/rencana/{id}?pesan={kode}")).into_response()),
        Err(Tolakan::App(e)) => Err(PageError(e)),
        Err(Tolakan::Pesan(m)) => {
            halaman_detail(
                state,
                sesi,
                id,
                None,
                Some((StatusCode::UNPROCESSABLE_ENTITY, m)),
                sekaligus,
                &CariPenugasan::default(),
            )
            .await
        }
        Err(Tolakan::Konflik(m)) => {
            halaman_detail(
                state,
                sesi,
                id,
                None,
                Some((StatusCode::CONFLICT, m)),
                sekaligus,
                &CariPenugasan::default(),
            )
            .await
        }
    }
}

pub(crate) async fn status_kirim(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
    form: Result<Form<Isian>, FormRejection>,
) -> Result<Response, PageError> {
    let id = rencana_id(&raw)?;
    wajib_admin(&sesi)?;
    let pairs = isian_sah(&sesi, form)?;
    let ke = StatusRencana::from_code(ambil(&pairs, "ke"))
        .map_err(|_| AppError::BadRequest("Status tujuan tidak dikenal.".to_owned()))?;
    let hasil = ubah_status(&state, &sesi, id, ke).await;
    setelah(&state, &sesi, id, hasil, "status").await
}

pub(crate) async fn tinjau_kirim(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
    form: Result<Form<Isian>, FormRejection>,
) -> Result<Response, PageError> {
    let id = rencana_id(&raw)?;
    if sesi.role() != Role::PimpinanOpd {
        return Err(AppError::Forbidden.into());
    }
    let pairs = isian_sah(&sesi, form)?;
    let status = StatusTinjauan::from_code(ambil(&pairs, "status"))
        .map_err(|_| AppError::BadRequest("Pilih sesuai atau perlu perbaikan.".to_owned()))?;
    let opd = match ambil(&pairs, "opd") {
        "" => None,
        t => Some(UnitId(t.parse().map_err(|_| AppError::Forbidden)?)),
    };
    let hasil = tinjau(&state, &sesi, id, opd, status, ambil(&pairs, "catatan")).await;
    setelah(&state, &sesi, id, hasil, "tinjauan").await
}

/// What every assignment edit form starts with: the plan, an administrator,
/// a valid CSRF token, and the revision the page showed (-1 if unreadable,
/// which no plan has, so the edit is refused as stale).
fn isian_ubah(
    sesi: &Sesi,
    raw: &str,
    form: Result<Form<Isian>, FormRejection>,
) -> Result<(RencanaId, Isian, i64), PageError> {
    let id = rencana_id(raw)?;
    wajib_admin(sesi)?;
    let pairs = isian_sah(sesi, form)?;
    let revisi = ambil(&pairs, "revisi").trim().parse().unwrap_or(-1);
    Ok((id, pairs, revisi))
}

pub(crate) async fn penugasan_kirim(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
    form: Result<Form<Isian>, FormRejection>,
) -> Result<Response, PageError> {
    let (id, pairs, revisi) = isian_ubah(&sesi, &raw, form)?;
    let nip = rapikan_nip(ambil(&pairs, "nip"));
    let kode = ambil(&pairs, "program").trim().to_owned();
    if nip.is_empty() || kode.is_empty() {
        let hasil = Err(Tolakan::Pesan(
            "Isi NIP pegawai dan kode program.".to_owned(),
        ));
        return setelah(&state, &sesi, id, hasil, "diubah").await;
    }
    let pasang = [(nip, kode)];
    let hasil = match ambil(&pairs, "aksi") {
        "hapus" => ubah_penugasan(&state, &sesi, id, revisi, &[], &pasang).await,
        "tambah" => ubah_penugasan(&state, &sesi, id, revisi, &pasang, &[]).await,
        _ => Err(AppError::BadRequest("Aksi tidak dikenal.".to_owned()).into()),
    };
    setelah(&state, &sesi, id, hasil.map(|_| ()), "diubah").await
}

/// "Baris 2: ..." as the middle of a sentence.
fn huruf_kecil_awal(teks: &str) -> String {
    let mut c = teks.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

/// What the bulk form held, shown again after a refusal.
#[derive(Default)]
struct Sekaligus {
    hapus: String,
    tambah: String,
}

/// Most lines one bulk change may carry.
const BATAS_BARIS_SEKALIGUS: usize = 2_000;

/// Lines of "NIP kode" (pasted from a spreadsheet or typed): the code is
/// the last field, after a tab, semicolon or comma if there is one, else
/// after the last space; the NIP may be written in groups. Empty lines
/// are skipped; the first bad line is named.
fn urai_daftar_penugasan(teks: &str) -> Result<Vec<(String, String)>, String> {
    let mut hasil = Vec::new();
    for (n, baris) in teks.lines().enumerate() {
        let baris = baris.trim();
        if baris.is_empty() {
            continue;
        }
        // A no-break space pasted from a spreadsheet is whitespace too, and
        // wider than a byte.
        let terakhir = |cocok: &dyn Fn(char) -> bool| {
            baris
                .char_indices()
                .rev()
                .find(|&(_, c)| cocok(c))
                .map(|(at, c)| (at, at + c.len_utf8()))
        };
        let potong =
            terakhir(&|c| matches!(c, '\t' | ';' | ',')).or_else(|| terakhir(&char::is_whitespace));
        let Some((at, sesudah)) = potong else {
            return Err(format!(
                "Baris {}: tulis NIP lalu kode program, misalnya \"199001012015031001 PLT-001\".",
                n + 1
            ));
        };
        let nip = rapikan_nip(&baris[..at]);
        let kode = baris[sesudah..].trim();
        if nip.is_empty() || !nip.chars().all(|c| c.is_ascii_digit()) || kode.is_empty() {
            return Err(format!(
                "Baris {}: tulis NIP (angka) lalu kode program, misalnya \"199001012015031001 PLT-001\".",
                n + 1
            ));
        }
        hasil.push((nip, kode.to_owned()));
        if hasil.len() > BATAS_BARIS_SEKALIGUS {
            return Err(format!(
                "Paling banyak {BATAS_BARIS_SEKALIGUS} penugasan sekaligus; bagi perubahan menjadi beberapa kali simpan."
            ));
        }
    }
    Ok(hasil)
}

/// Several changes at once: the rows ticked in the table are removed and
/// the listed pairs added, checked together and saved as one revision, or
/// not at all.
pub(crate) async fn penugasan_sekaligus_kirim(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
    form: Result<Form<Isian>, FormRejection>,
) -> Result<Response, PageError> {
    let (id, pairs, revisi) = isian_ubah(&sesi, &raw, form)?;
    let mut hapus = Vec::new();
    for (k, v) in &pairs {
        if k != "hapus" {
            continue;
        }
        // The table's checkboxes carry "NIP|kode".
        let Some((nip, kode)) = v.split_once('|') else {
            return Err(AppError::BadRequest("Pilihan penugasan tidak dikenal.".to_owned()).into());
        };
        hapus.push((rapikan_nip(nip), kode.trim().to_owned()));
    }
    // The table shows a page of assignments; the others are removed by list.
    let daftar_hapus = ambil(&pairs, "hapus_daftar");
    let daftar = ambil(&pairs, "tambah");
    let dibaca = urai_daftar_penugasan(daftar_hapus)
        .map_err(|m| format!("Penugasan yang dihapus, {}", huruf_kecil_awal(&m)))
        .and_then(|h| {
            hapus.extend(h);
            urai_daftar_penugasan(daftar)
                .map_err(|m| format!("Penugasan baru, {}", huruf_kecil_awal(&m)))
        });
    let hasil = match dibaca {
        Err(pesan) => Err(Tolakan::Pesan(pesan)),
        Ok(tambah) => ubah_penugasan(&state, &sesi, id, revisi, &tambah, &hapus)
            .await
            .map(|_| ()),
    };
    let isian = Sekaligus {
        hapus: daftar_hapus.to_owned(),
        tambah: daftar.to_owned(),
    };
    setelah_dengan(&state, &sesi, id, hasil, "diubah", &isian).await
}

pub(crate) async fn versi_kirim(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
    form: Result<Form<Isian>, FormRejection>,
) -> Result<Response, PageError> {
    let id = rencana_id(&raw)?;
    wajib_admin(&sesi)?;
    let pairs = isian_sah(&sesi, form)?;
    let nama = match ambil(&pairs, "nama").trim() {
        "" => None,
        n => Some(periksa_nama(n).map_err(|m| AppError::BadRequest(format!("Nama: {m}")))?),
    };
    let baru = versi_baru(&state, &sesi, id, nama).await?;
    Ok(Redirect::to(&format!("/rencana/{baru}?pesan=versi")).into_response())
}

// ---------------------------------------------------------------- exports

/// The per-OPD, per-program and per-employee tables of the reader's part of a plan.
async fn tabel_rencana(
    state: &AppState,
    sesi: &Sesi,
    id: RencanaId,
) -> Result<(Rencana, TabelRencana), AppError> {
    let r = rencana_terbaca(state, sesi, id).await?;
    let bahan = bahan_rencana(
        state.store(),
        sesi.instansi_id(),
        r.clone(),
        lingkup_baca(sesi),
    )
    .await?;
    let kop = KopUnduhan {
        instansi: sesi.instansi.nama.clone(),
        cakupan: cakupan(sesi).to_owned(),
        tanggal: state.hari_ini(),
    };
    let tabel = tokio::task::spawn_blocking(move || tabel_dari_bahan(&bahan, &kop))
        .await
        .map_err(|e| AppError::Internal(format!("checking the plan: {e}")))?
        .map_err(galat_rencana)?;
    Ok((r, tabel))
}

fn lampiran(isi: Vec<u8>, jenis: &str, berkas: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, jenis.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{berkas}\""),
            ),
        ],
        isi,
    )
        .into_response()
}

/// `/rencana/{id}/unduh?format=xlsx|csv`: XLSX with both sheets, CSV of
/// the per-employee sheet.
pub(crate) async fn unduh(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
    params: Params,
) -> Result<Response, PageError> {
    let id = rencana_id(&raw)?;
    let format = Format::dari(&params)?;
    let (r, tabel) = tabel_rencana(&state, &sesi, id).await?;
    let nama = nama_berkas(&r);
    match format {
        Format::Csv => Ok(unduh::respons(
            &tabel.pegawai,
            format,
            &nama,
            state.hari_ini(),
        )?),
        Format::Xlsx => {
            let isi = tulis_buku_rencana(tabel).map_err(|e| AppError::internal(&e))?;
            Ok(lampiran(
                isi,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                &format!("{nama}-{}.xlsx", state.hari_ini()),
            ))
        }
    }
}

/// `/rencana/{id}/mps`: the version's optimisation model for any MIP
/// solver. It holds every employee's needs: admin and auditor only.
pub(crate) async fn mps(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
) -> Result<Response, PageError> {
    let id = rencana_id(&raw)?;
    wajib_seluruh(&sesi)?;
    let r = state.store().rencana(sesi.instansi_id(), id).await?;
    let dok = state
        .store()
        .dokumen_rencana(sesi.instansi_id(), id)
        .await?;
    let teks = tokio::task::spawn_blocking(move || model_dari(&dok.masalah).map(|m| write_mps(&m)))
        .await
        .map_err(|e| AppError::Internal(format!("writing MPS: {e}")))?
        .map_err(galat_rencana)?;
    Ok(lampiran(
        teks.into_bytes(),
        "text/plain; charset=utf-8",
        &format!("rencana-{}-v{}.mps", r.tahun, r.versi),
    ))
}

/// `/rencana/{id}/masalah.json`: the needs the version was made from.
pub(crate) async fn masalah_json(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
) -> Result<Response, PageError> {
    let id = rencana_id(&raw)?;
    wajib_seluruh(&sesi)?;
    let r = state.store().rencana(sesi.instansi_id(), id).await?;
    let dok = state
        .store()
        .dokumen_rencana(sesi.instansi_id(), id)
        .await?;
    let teks = serde_json::to_vec_pretty(&dok.masalah)
        .map_err(|e| AppError::Internal(format!("problem JSON: {e}")))?;
    Ok(lampiran(
        teks,
        "application/json",
        &format!("rencana-{}-v{}-masalah.json", r.tahun, r.versi),
    ))
}

// ---------------------------------------------------------------- simulation

/// A solved what-if with what the page and the download show beside it.
pub(crate) struct HasilSimulasi {
    anggaran: i64,
    jawaban: Answer,
    pegawai: HashMap<String, PegawaiRow>,
    judul_program: HashMap<String, String>,
}

/// The what-if for `anggaran`, solved once per data revision, day and
/// budget: the pages of one simulation and its download reuse it.
async fn simulasi(
    state: &AppState,
    sesi: &Sesi,
    anggaran: i64,
) -> Result<Arc<HasilSimulasi>, AppError> {
    let store = state.store();
    let i = sesi.instansi_id();
    let hari_ini = state.hari_ini();
    // Before the data: a kept entry is never older than its revision.
    let kunci = (i, store.revisi_data(i).await?, hari_ini, anggaran);
    let cache = state.cache_analitik();
    if let Some(h) = cache.simulasi(kunci) {
        return Ok(h);
    }
    let masalah = masalah_instansi(store, i, tahun_perencanaan(hari_ini), hari_ini, anggaran)
        .await
        .map_err(|e| AppError::internal(&e))?;
    let model = masalah
        .problem
        .validate()
        .map_err(|e| AppError::Internal(format!("plan problem from the records: {e}")))?;
    // Seconds of CPU for a province: keep it off the async workers.
    let jawaban = tokio::task::spawn_blocking(move || {
        let solusi = solve(&model, &Options::default());
        Answer::new(&model, &solusi)
    })
    .await
    .map_err(|e| AppError::Internal(format!("solving the plan: {e}")))?;
    let pegawai = kompeten_io::laporan::semua_pegawai(store, i, Lingkup::Instansi)
        .await?
        .into_iter()
        .map(|p| (p.nip.as_str().to_owned(), p))
        .collect();
    let judul_program = store
        .list_program(i, &ProgramQuery::default())
        .await?
        .into_iter()
        .map(|p| (p.kode, p.judul))
        .collect();
    let h = Arc::new(HasilSimulasi {
        anggaran,
        jawaban,
        pegawai,
        judul_program,
    });
    cache.simpan_simulasi(kunci, Arc::clone(&h));
    Ok(h)
}

struct BarisProgram {
    kode: String,
    judul: String,
    peserta: String,
    angkatan: String,
    biaya: String,
}

struct BarisSimulasi {
    nip: String,
    nama: String,
    unit: String,
    kode: String,
    program: String,
    menutup: String,
    nilai: String,
    biaya: String,
}

#[derive(Template)]
#[template(path = "rencana.html")]
struct SimulasiTpl {
    layout: Layout,
    anggaran: String,
    galat: Option<String>,
    ada_hasil: bool,
    kartu: Vec<Kartu>,
    program: Vec<BarisProgram>,
    penugasan: Vec<BarisSimulasi>,
    penugasan_total: usize,
    cari: TampilCari,
    unduh: String,
}

fn kosong(sesi: &Sesi, anggaran: String, galat: Option<String>) -> SimulasiTpl {
    SimulasiTpl {
        layout: Layout::untuk(sesi, "Simulasi Rencana", "rencana"),
        anggaran,
        galat,
        ada_hasil: false,
        kartu: Vec::new(),
        program: Vec::new(),
        penugasan: Vec::new(),
        penugasan_total: 0,
        cari: TampilCari::default(),
        unduh: String::new(),
    }
}

fn nama_pegawai(h: &HasilSimulasi, nip: &str) -> (String, String) {
    h.pegawai.get(nip).map_or_else(
        || (nip.to_owned(), String::new()),
        |p| {
            (
                p.nama_lengkap.clone(),
                format!("{} › {}", p.opd_nama, p.unit_nama),
            )
        },
    )
}

/// A simulated assignment with the names a search looks in.
struct PenugasanSimulasi<'h> {
    a: &'h kompeten_engine::rencana::Assignment,
    nama: &'h str,
    opd: &'h str,
    unit: &'h str,
    judul: &'h str,
}

impl<'h> PenugasanSimulasi<'h> {
    fn semua(h: &'h HasilSimulasi) -> Vec<PenugasanSimulasi<'h>> {
        h.jawaban
            .assignments
            .iter()
            .map(|a| {
                let p = h.pegawai.get(&a.employee);
                PenugasanSimulasi {
                    a,
                    nama: p.map_or("", |p| p.nama_lengkap.as_str()),
                    opd: p.map_or("", |p| p.opd_nama.as_str()),
                    unit: p.map_or("", |p| p.unit_nama.as_str()),
                    judul: h.judul_program.get(&a.program).map_or("", String::as_str),
                }
            })
            .collect()
    }

    fn teks(&self) -> [&str; 6] {
        [
            self.nama,
            &self.a.employee,
            self.unit,
            self.opd,
            &self.a.program,
            self.judul,
        ]
    }
}

/// The simulation's address for a budget, search and page.
fn url_simulasi(anggaran: i64, q: &str, halaman: usize) -> String {
    let query = query_string([
        ("anggaran", anggaran.to_string()),
        ("q", q.to_owned()),
        ("halaman", nomor_halaman(halaman)),
    ]);
    format!("/rencana/simulasi{query}#penugasan")
}

/// `/rencana/simulasi?anggaran=…`: the best plan for a budget, not stored.
pub(crate) async fn simulasi_halaman(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Response, PageError> {
    wajib_seluruh(&sesi)?;
    let Some(teks) = params.get("anggaran") else {
        return render(&kosong(&sesi, String::new(), None));
    };
    let anggaran = match urai_anggaran(teks) {
        Ok(a) => a,
        Err(m) => {
            let tpl = kosong(&sesi, teks.to_owned(), Some(m));
            return render_status(&tpl, StatusCode::BAD_REQUEST);
        }
    };
    let h = simulasi(&state, &sesi, anggaran).await?;
    let j = &h.jawaban;
    let peserta: HashSet<&str> = j.assignments.iter().map(|a| a.employee.as_str()).collect();
    let kartu = vec![
        Kartu {
            label: "Nilai rencana",
            nilai: desimal(j.value),
            judul: None,
            rincian: "level kesenjangan tertutup (berbobot) ditambah nilai JP".to_owned(),
        },
        Kartu {
            label: "Batas atas terbukti",
            nilai: desimal(j.bound),
            judul: None,
            rincian: format!(
                "tidak ada rencana yang bernilai lebih; selisih {}%",
                desimal(j.gap_pct)
            ),
        },
        kartu_biaya(
            i64::try_from(j.cost).unwrap_or(i64::MAX),
            format!(
                "{} dari anggaran {}; sisa {}",
                rupiah(j.cost),
                rupiah(j.budget),
                rupiah(j.budget.saturating_sub(j.cost))
            ),
        ),
        Kartu {
            label: "Peserta",
            nilai: ribuan(peserta.len() as u64),
            judul: None,
            rincian: format!(
                "{} penugasan di {} program",
                ribuan(j.assignments.len() as u64),
                ribuan(j.batches.len() as u64)
            ),
        },
    ];
    let program = j
        .batches
        .iter()
        .map(|b| BarisProgram {
            judul: h.judul_program.get(&b.program).cloned().unwrap_or_default(),
            kode: b.program.clone(),
            peserta: ribuan(b.participants),
            angkatan: ribuan(b.batches),
            biaya: rupiah(b.cost),
        })
        .collect();
    let cari = CariPenugasan::dari(&params);
    let semua = PenugasanSimulasi::semua(&h);
    let halaman = halaman_cocok(&semua, &cari, BARIS_HALAMAN, PenugasanSimulasi::teks);
    let tampil_cari = halaman.tampil(&cari.q, |n| url_simulasi(anggaran, &cari.q, n));
    let penugasan = halaman
        .baris
        .iter()
        .map(|p| BarisSimulasi {
            nip: p.a.employee.clone(),
            nama: if p.nama.is_empty() {
                p.a.employee.clone()
            } else {
                p.nama.to_owned()
            },
            unit: if p.opd.is_empty() {
                String::new()
            } else {
                format!("{} › {}", p.opd, p.unit)
            },
            kode: p.a.program.clone(),
            program: p.judul.to_owned(),
            menutup: menutup(p.a),
            nilai: format!("{:.2}", p.a.value).replace('.', ","),
            biaya: rupiah(p.a.cost.round() as u64),
        })
        .collect();
    render(&SimulasiTpl {
        layout: Layout::untuk(&sesi, "Simulasi Rencana", "rencana"),
        anggaran: ribuan(h.anggaran as u64),
        galat: None,
        ada_hasil: true,
        kartu,
        program,
        penugasan,
        penugasan_total: j.assignments.len(),
        cari: tampil_cari,
        unduh: h.anggaran.to_string(),
    })
}

/// `/rencana/unduh?anggaran=…&format=xlsx|csv`: every assignment of the
/// simulation.
pub(crate) async fn simulasi_unduh(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Response, PageError> {
    wajib_seluruh(&sesi)?;
    let format = Format::dari(&params)?;
    let anggaran =
        urai_anggaran(params.get("anggaran").unwrap_or("")).map_err(AppError::BadRequest)?;
    let h = simulasi(&state, &sesi, anggaran).await?;
    let j = &h.jawaban;
    let mut tabel = Tabel::new(
        "Simulasi rencana pengembangan kompetensi",
        vec![
            Kolom::dengan_lebar("NIP", 21.0),
            Kolom::dengan_lebar("Nama", 32.0),
            Kolom::dengan_lebar("Unit kerja", 40.0),
            Kolom::new("Kode program"),
            Kolom::dengan_lebar("Program", 40.0),
            Kolom::dengan_lebar("Menutup", 30.0),
            Kolom::new("JP dihitung"),
            Kolom::new("Nilai"),
            Kolom::new("Biaya (Rp)"),
        ],
    );
    tabel.catatan = vec![
        format!("Instansi: {}", sesi.instansi.nama),
        format!("Tanggal: {}", tanggal(state.hari_ini())),
        format!("Anggaran: {}; biaya: {}", rupiah(j.budget), rupiah(j.cost)),
        format!(
            "Nilai {}; batas atas terbukti {}; selisih {}%",
            desimal(j.value),
            desimal(j.bound),
            desimal(j.gap_pct)
        ),
    ];
    for a in &j.assignments {
        let (nama, unit) = nama_pegawai(&h, &a.employee);
        tabel.baris.push(vec![
            Sel::teks(a.employee.as_str()),
            Sel::teks(nama),
            Sel::teks(unit),
            Sel::teks(a.program.as_str()),
            Sel::teks(h.judul_program.get(&a.program).cloned().unwrap_or_default()),
            Sel::teks(menutup(a)),
            Sel::Bulat(i64::try_from(a.jp_counted).unwrap_or(i64::MAX)),
            Sel::desimal(a.value, 2),
            Sel::Bulat(a.cost.round() as i64),
        ]);
    }
    Ok(unduh::respons(
        &tabel,
        format,
        "simulasi-rencana",
        state.hari_ini(),
    )?)
}

// ---------------------------------------------------------------- API

#[derive(Serialize, ToSchema)]
pub(crate) struct TinjauanDto {
    pub opd_id: i64,
    pub opd: String,
    /// `sesuai` or `perlu_perbaikan`.
    pub status: &'static str,
    pub catatan: Option<String>,
    pub oleh: String,
    /// RFC 3339.
    pub pada: String,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct RencanaDto {
    pub id: i64,
    pub tahun: i32,
    pub versi: i32,
    pub nama: String,
    /// `draf`, `ditinjau`, `disetujui` or `diganti`.
    pub status: &'static str,
    /// Whole rupiah.
    pub anggaran: i64,
    pub nilai: f64,
    /// No plan for the same needs and budget is worth more.
    pub batas: f64,
    /// (batas − nilai) ÷ batas × 100.
    pub selisih_persen: f64,
    pub biaya: i64,
    /// Send it back with a change of assignments.
    pub revisi: i64,
    pub basis_id: Option<i64>,
    pub jumlah_penugasan: u64,
    pub dibuat_oleh: String,
    pub dibuat_pada: String,
    pub disetujui_oleh: Option<String>,
    pub disetujui_pada: Option<String>,
    pub tinjauan: Vec<TinjauanDto>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct DaftarRencanaDto {
    pub rencana: Vec<RencanaDto>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct MenutupDto {
    pub kompetensi: String,
    pub level: u32,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct PenugasanDto {
    pub pegawai_id: i64,
    pub nip: String,
    pub nama: String,
    pub unit_id: i64,
    pub unit: String,
    pub opd_id: i64,
    pub opd: String,
    pub program_id: i64,
    pub program_kode: String,
    pub program_judul: String,
    pub manual: bool,
    pub jp: u64,
    /// The assignment's share of its program's cost (per participant plus
    /// the batch cost spread over the batch), rupiah.
    pub biaya: Option<f64>,
    pub nilai: Option<f64>,
    pub menutup: Vec<MenutupDto>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct OpdRencanaDto {
    pub opd_id: i64,
    pub opd: String,
    pub peserta: usize,
    pub penugasan: u64,
    pub jp: u64,
    pub biaya: f64,
    /// `sesuai`, `perlu_perbaikan`, or null before the OPD's review.
    pub tinjauan: Option<&'static str>,
}

/// A program the plan runs (the whole plan's figures).
#[derive(Serialize, ToSchema)]
pub(crate) struct ProgramRencanaDto {
    pub program_id: i64,
    pub kode: String,
    pub judul: String,
    pub peserta: u64,
    pub angkatan: u64,
    /// JP of the program, per participant.
    pub jp: u64,
    /// Rupiah.
    pub biaya: u64,
    /// Participants among the assignments this reader may see.
    pub peserta_terlihat: u64,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct DetailRencanaDto {
    #[serde(flatten)]
    pub rencana: RencanaDto,
    /// `instansi`, `unit` or `pegawai`: whose assignments are listed.
    pub cakupan: &'static str,
    /// Employees in the plan's needs and those whose new JP reaches the
    /// yearly target (null for pegawai).
    pub pegawai_kebutuhan: Option<usize>,
    pub mencapai_target_jp: Option<usize>,
    pub per_opd: Vec<OpdRencanaDto>,
    /// The programs of the whole plan, the dearest first (empty for pegawai).
    pub per_program: Vec<ProgramRencanaDto>,
    /// One page of the assignments this reader may see.
    pub penugasan: Vec<PenugasanDto>,
    /// Assignments this reader may see, over all pages.
    pub penugasan_total: usize,
    pub halaman: usize,
    pub per_halaman: usize,
    pub jumlah_halaman: usize,
    /// `{format, pegawai, titik: [{percent, budget, optimised, optimised_bound,
    /// cheapest, quota}]}`: the optimiser and the two baselines at each
    /// budget percentage (null for pegawai or when not computed).
    #[schema(value_type = Option<Object>)]
    pub skenario: Option<serde_json::Value>,
}

/// A new draft: from the needs (solved), or a copy of `basis_id`.
#[derive(Deserialize, ToSchema)]
pub(crate) struct RencanaBaruDto {
    pub nama: Option<String>,
    /// Default: the planning year (next year from October on; ignored
    /// with `basis_id`).
    pub tahun: Option<i32>,
    /// Whole rupiah; default from the needs settings (ignored with `basis_id`).
    pub anggaran: Option<i64>,
    pub basis_id: Option<i64>,
}

#[derive(Deserialize, ToSchema)]
pub(crate) struct StatusDto {
    /// `ditinjau`, `draf` or `disetujui`.
    pub ke: String,
}

#[derive(Deserialize, ToSchema)]
pub(crate) struct TinjauDto {
    /// `sesuai` or `perlu_perbaikan`.
    pub status: String,
    #[serde(default)]
    pub catatan: Option<String>,
    /// The reviewer's own OPD; another OPD is refused.
    #[serde(default)]
    pub opd_id: Option<i64>,
}

#[derive(Deserialize, ToSchema)]
pub(crate) struct PasanganDto {
    pub nip: String,
    /// Program code.
    pub program: String,
}

#[derive(Deserialize, ToSchema)]
pub(crate) struct UbahPenugasanDto {
    /// The plan's `revisi` the change was made on.
    pub revisi: i64,
    #[serde(default)]
    pub tambah: Vec<PasanganDto>,
    #[serde(default)]
    pub hapus: Vec<PasanganDto>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct HasilUbahDto {
    pub revisi: i64,
    pub nilai: f64,
    pub batas: f64,
    pub biaya: i64,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct IdRencanaDto {
    pub id: i64,
}

fn rencana_dto(r: &Rencana) -> RencanaDto {
    let rfc = |t: time::OffsetDateTime| {
        t.format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default()
    };
    RencanaDto {
        id: r.id.0,
        tahun: r.tahun,
        versi: r.versi,
        nama: r.nama.clone(),
        status: r.status.code(),
        anggaran: r.anggaran,
        nilai: r.hasil.nilai,
        batas: r.hasil.batas,
        selisih_persen: selisih_persen(&r.hasil),
        biaya: r.hasil.biaya,
        revisi: r.revisi,
        basis_id: r.basis.map(|b| b.0),
        jumlah_penugasan: r.jumlah_penugasan,
        dibuat_oleh: r.dibuat_oleh.clone(),
        dibuat_pada: rfc(r.dibuat_pada),
        disetujui_oleh: r.disetujui_oleh.clone(),
        disetujui_pada: r.disetujui_pada.map(rfc),
        tinjauan: r
            .tinjauan
            .iter()
            .map(|t| TinjauanDto {
                opd_id: t.opd.0,
                opd: t.opd_nama.clone(),
                status: t.status.code(),
                catatan: t.catatan.clone(),
                oleh: t.oleh.clone(),
                pada: rfc(t.pada),
            })
            .collect(),
    }
}

/// The refusal as JSON: 400 with the reason, 409 for a stale revision.
/// The API's answer to a refused write: 400 for a broken rule, 409 for a
/// stale revision (pages show the same refusals beside the plan instead).
impl IntoResponse for Tolakan {
    fn into_response(self) -> Response {
        match self {
            Tolakan::App(e) => ApiError(e).into_response(),
            Tolakan::Pesan(m) => ApiError(AppError::BadRequest(m)).into_response(),
            Tolakan::Konflik(message) => (
                StatusCode::CONFLICT,
                Json(ErrorBody {
                    error: ErrorDetail {
                        code: "conflict",
                        message,
                    },
                }),
            )
                .into_response(),
        }
    }
}

#[utoipa::path(
    get, path = "/api/v1/rencana", tag = "rencana", security(("sesi" = [])),
    params(("tahun" = Option<i32>, Query, description = "Only this year's versions")),
    responses(
        (status = 200, body = DaftarRencanaDto),
        (status = 400, description = "Bad year", body = ErrorBody),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 403, description = "Mitra", body = ErrorBody),
    )
)]
pub(crate) async fn api_daftar(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Json<DaftarRencanaDto>, ApiError> {
    wajib_baca(&sesi)?;
    let tahun = params
        .get("tahun")
        .map(|t| urai_tahun(t).map_err(AppError::BadRequest))
        .transpose()?;
    let daftar = state
        .store()
        .list_rencana(sesi.instansi_id(), tahun)
        .await?;
    Ok(Json(DaftarRencanaDto {
        rencana: daftar
            .iter()
            .filter(|r| boleh_lihat_versi(&sesi, r))
            .map(rencana_dto)
            .collect(),
    }))
}

#[utoipa::path(
    post, path = "/api/v1/rencana", tag = "rencana", security(("sesi" = [])),
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token")),
    request_body = RencanaBaruDto,
    responses(
        (status = 201, body = IdRencanaDto),
        (status = 400, description = "Invalid name, year or budget", body = ErrorBody),
        (status = 403, description = "Not an admin, or a wrong CSRF token", body = ErrorBody),
        (status = 404, description = "No such base version", body = ErrorBody),
    )
)]
pub(crate) async fn api_buat(
    State(state): State<AppState>,
    sesi: Sesi,
    headers: HeaderMap,
    body: Result<Json<RencanaBaruDto>, JsonRejection>,
) -> Result<Response, ApiError> {
    wajib_admin(&sesi)?;
    wajib_csrf_api(&sesi, &headers)?;
    let b = badan(body)?;
    let nama = b
        .nama
        .as_deref()
        .map(|n| periksa_nama(n).map_err(|m| AppError::BadRequest(format!("nama: {m}"))))
        .transpose()?;
    let id = match b.basis_id {
        Some(basis) => versi_baru(&state, &sesi, RencanaId(basis), nama).await?,
        None => {
            let tahun = b
                .tahun
                .unwrap_or_else(|| tahun_perencanaan(state.hari_ini()));
            urai_tahun(&tahun.to_string()).map_err(AppError::BadRequest)?;
            let anggaran = match b.anggaran {
                Some(a) if (0..=MAKS_ANGGARAN).contains(&a) => a,
                Some(_) => {
                    return Err(AppError::BadRequest(
                        "anggaran: bilangan bulat rupiah 0 sampai 10^15.".to_owned(),
                    )
                    .into());
                }
                None => anggaran_bawaan(&state, &sesi).await?,
            };
            let nama = nama.unwrap_or_else(|| format!("Rencana {tahun}"));
            buat_rencana(&state, &sesi, nama, tahun, anggaran).await?
        }
    };
    Ok((StatusCode::CREATED, Json(IdRencanaDto { id: id.0 })).into_response())
}

#[utoipa::path(
    get, path = "/api/v1/rencana/{id}", tag = "rencana", security(("sesi" = [])),
    params(
        ("id" = i64, Path, description = "Plan version id"),
        ("halaman" = Option<usize>, Query, description = "Page of the assignments, from 1"),
        ("per_halaman" = Option<usize>, Query, description = "Assignments per page, 1 to 5000 (default 1000)"),
    ),
    responses(
        (status = 200, body = DetailRencanaDto),
        (status = 400, description = "A bad page or page size", body = ErrorBody),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 403, description = "Mitra, or pegawai on a version not approved", body = ErrorBody),
        (status = 404, description = "No such plan", body = ErrorBody),
    )
)]
pub(crate) async fn api_detail(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
    params: Params,
) -> Result<Json<DetailRencanaDto>, ApiError> {
    let id = rencana_id(&raw)?;
    let halaman = params.bilangan("halaman", 1, u32::MAX)? as usize;
    let per_halaman = params.bilangan(
        "per_halaman",
        PENUGASAN_PER_HALAMAN,
        MAKS_PENUGASAN_PER_HALAMAN,
    )? as usize;
    let r = rencana_terbaca(&state, &sesi, id).await?;
    let store = state.store();
    let i = sesi.instansi_id();
    let semua = penugasan_semua(&state, &sesi, &r).await?;
    let semua = semua.as_slice();
    let lingkup = lingkup_baca(&sesi);
    let milik;
    let terlihat: &[Penugasan] = if lingkup == Lingkup::Instansi {
        semua
    } else {
        milik = store.penugasan_rencana(i, id, lingkup).await?;
        &milik
    };
    let t = hitung(&state, &sesi, &r, pasangan(semua)).await?;
    let h = &t.hitungan;
    let pribadi = sesi.role() == Role::Pegawai;
    let detail = h.per_pasangan();
    let jp_program = h.jp_per_program();
    let terlihat_opd: HashSet<UnitId> = terlihat.iter().map(|p| p.opd).collect();
    let per_opd = if pribadi {
        Vec::new()
    } else {
        per_opd(semua, h)
            .into_iter()
            .filter(|o| lingkup == Lingkup::Instansi || terlihat_opd.contains(&o.id))
            .map(|o| OpdRencanaDto {
                opd_id: o.id.0,
                tinjauan: r
                    .tinjauan
                    .iter()
                    .find(|t| t.opd == o.id)
                    .map(|t| t.status.code()),
                opd: o.nama,
                peserta: o.peserta.len(),
                penugasan: o.penugasan,
                jp: o.jp,
                biaya: o.biaya,
            })
            .collect()
    };
    let per_program = if pribadi {
        Vec::new()
    } else {
        per_program(semua, terlihat, h)
            .into_iter()
            .map(|p| ProgramRencanaDto {
                program_id: p.program.0,
                peserta_terlihat: p.peserta_terlihat,
                kode: p.kode,
                judul: p.judul,
                peserta: p.peserta,
                angkatan: p.angkatan,
                jp: p.jp,
                biaya: p.biaya,
            })
            .collect()
    };
    let penugasan = terlihat
        .iter()
        .skip((halaman - 1).saturating_mul(per_halaman))
        .take(per_halaman)
        .map(|p| {
            let a = detail.get(&(p.nip.as_str(), p.program_kode.as_str()));
            PenugasanDto {
                pegawai_id: p.pegawai.0,
                nip: p.nip.as_str().to_owned(),
                nama: p.nama_pegawai.clone(),
                unit_id: p.unit.0,
                unit: p.unit_nama.clone(),
                opd_id: p.opd.0,
                opd: p.opd_nama.clone(),
                program_id: p.program.0,
                program_kode: p.program_kode.clone(),
                program_judul: p.program_judul.clone(),
                manual: p.manual,
                jp: jp_program
                    .get(p.program_kode.as_str())
                    .copied()
                    .unwrap_or(0),
                biaya: a.map(|a| a.cost),
                nilai: a.map(|a| a.value),
                menutup: a
                    .map(|a| {
                        a.closes
                            .iter()
                            .map(|c| MenutupDto {
                                kompetensi: c.competency.clone(),
                                level: c.levels,
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect();
    // Kept with the check: no second read of the stored documents.
    let skenario = if pribadi {
        None
    } else {
        t.skenario_json.clone()
    };
    Ok(Json(DetailRencanaDto {
        rencana: rencana_dto(&r),
        cakupan: match lingkup {
            Lingkup::Instansi => "instansi",
            Lingkup::Unit(_) => "unit",
            _ => "pegawai",
        },
        pegawai_kebutuhan: (!pribadi).then_some(h.model.employees.len()),
        mencapai_target_jp: if pribadi { None } else { h.jp_memenuhi() },
        per_opd,
        per_program,
        penugasan,
        penugasan_total: terlihat.len(),
        halaman,
        per_halaman,
        jumlah_halaman: terlihat.len().div_ceil(per_halaman),
        skenario,
    }))
}

/// Assignments per page of `/api/v1/rencana/{id}`: by default, and at most
/// (a province's plan holds hundreds of thousands).
const PENUGASAN_PER_HALAMAN: u32 = 1000;
const MAKS_PENUGASAN_PER_HALAMAN: u32 = 5000;

#[utoipa::path(
    post, path = "/api/v1/rencana/{id}/status", tag = "rencana", security(("sesi" = [])),
    params(
        ("id" = i64, Path, description = "Plan version id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token"),
    ),
    request_body = StatusDto,
    responses(
        (status = 200, body = RencanaDto),
        (status = 400, description = "A move the workflow does not allow, or OPDs not yet reviewed", body = ErrorBody),
        (status = 403, description = "Not an admin, or a wrong CSRF token", body = ErrorBody),
        (status = 404, description = "No such plan", body = ErrorBody),
        (status = 409, description = "The plan changed meanwhile", body = ErrorBody),
    )
)]
pub(crate) async fn api_status(
    State(state): State<AppState>,
    sesi: Sesi,
    headers: HeaderMap,
    Path(raw): Path<String>,
    body: Result<Json<StatusDto>, JsonRejection>,
) -> Result<Json<RencanaDto>, Tolakan> {
    let id = rencana_id(&raw)?;
    wajib_admin(&sesi)?;
    wajib_csrf_api(&sesi, &headers)?;
    let b = badan(body)?;
    let ke = StatusRencana::from_code(&b.ke)
        .map_err(|_| AppError::BadRequest("ke: ditinjau, draf atau disetujui.".to_owned()))?;
    ubah_status(&state, &sesi, id, ke).await?;
    Ok(Json(rencana_dto(
        &state.store().rencana(sesi.instansi_id(), id).await?,
    )))
}

#[utoipa::path(
    post, path = "/api/v1/rencana/{id}/tinjauan", tag = "rencana", security(("sesi" = [])),
    params(
        ("id" = i64, Path, description = "Plan version id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token"),
    ),
    request_body = TinjauDto,
    responses(
        (status = 200, body = RencanaDto),
        (status = 400, description = "The plan is not under review, or a bad status or note", body = ErrorBody),
        (status = 403, description = "Not the head of an OPD, another OPD, or a wrong CSRF token", body = ErrorBody),
        (status = 404, description = "No such plan", body = ErrorBody),
    )
)]
pub(crate) async fn api_tinjau(
    State(state): State<AppState>,
    sesi: Sesi,
    headers: HeaderMap,
    Path(raw): Path<String>,
    body: Result<Json<TinjauDto>, JsonRejection>,
) -> Result<Json<RencanaDto>, Tolakan> {
    let id = rencana_id(&raw)?;
    if sesi.role() != Role::PimpinanOpd {
        return Err(AppError::Forbidden.into());
    }
    wajib_csrf_api(&sesi, &headers)?;
    let b = badan(body)?;
    let status = StatusTinjauan::from_code(&b.status)
        .map_err(|_| AppError::BadRequest("status: sesuai atau perlu_perbaikan.".to_owned()))?;
    let catatan = b.catatan.unwrap_or_default();
    tinjau(&state, &sesi, id, b.opd_id.map(UnitId), status, &catatan).await?;
    Ok(Json(rencana_dto(
        &state.store().rencana(sesi.instansi_id(), id).await?,
    )))
}

#[utoipa::path(
    post, path = "/api/v1/rencana/{id}/penugasan", tag = "rencana", security(("sesi" = [])),
    params(
        ("id" = i64, Path, description = "Plan version id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token"),
    ),
    request_body = UbahPenugasanDto,
    responses(
        (status = 200, body = HasilUbahDto),
        (status = 400, description = "Not a draft, or the plan would break a rule (budget, seats, eligibility, JP cap); nothing saved", body = ErrorBody),
        (status = 403, description = "Not an admin, or a wrong CSRF token", body = ErrorBody),
        (status = 404, description = "No such plan", body = ErrorBody),
        (status = 409, description = "Stale `revisi`: the plan changed meanwhile", body = ErrorBody),
    )
)]
pub(crate) async fn api_penugasan(
    State(state): State<AppState>,
    sesi: Sesi,
    headers: HeaderMap,
    Path(raw): Path<String>,
    body: Result<Json<UbahPenugasanDto>, JsonRejection>,
) -> Result<Json<HasilUbahDto>, Tolakan> {
    let id = rencana_id(&raw)?;
    wajib_admin(&sesi)?;
    wajib_csrf_api(&sesi, &headers)?;
    let b = badan(body)?;
    let ubah = |v: Vec<PasanganDto>| -> Vec<(String, String)> {
        v.into_iter()
            .map(|p| (rapikan_nip(&p.nip), p.program.trim().to_owned()))
            .collect()
    };
    let (revisi, hasil) =
        ubah_penugasan(&state, &sesi, id, b.revisi, &ubah(b.tambah), &ubah(b.hapus)).await?;
    Ok(Json(HasilUbahDto {
        revisi,
        nilai: hasil.nilai,
        batas: hasil.batas,
        biaya: hasil.biaya,
    }))
}

/// A program the simulated plan runs.
#[derive(Serialize, ToSchema)]
pub(crate) struct ProgramSimulasiDto {
    pub kode: String,
    pub judul: String,
    pub peserta: u64,
    pub angkatan: u64,
    /// Rupiah.
    pub biaya: u64,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct PenugasanSimulasiDto {
    pub nip: String,
    pub nama: String,
    pub opd: String,
    pub unit: String,
    pub program_kode: String,
    pub program_judul: String,
    /// Gap levels it closes (after the employee's earlier programs).
    pub menutup: Vec<MenutupDto>,
    /// JP counted toward the employee's yearly target.
    pub jp_dihitung: u64,
    pub nilai: f64,
    /// Per participant plus an equal share of the batch cost, rupiah.
    pub biaya: f64,
}

/// The best plan for a budget, not stored.
#[derive(Serialize, ToSchema)]
pub(crate) struct SimulasiDto {
    /// Whole rupiah.
    pub anggaran: i64,
    /// The planning year whose needs it meets.
    pub tahun: i32,
    pub nilai: f64,
    /// No plan for the same needs and budget is worth more.
    pub batas: f64,
    /// (batas − nilai) ÷ batas × 100.
    pub selisih_persen: f64,
    pub biaya: u64,
    /// Employees with at least one assignment.
    pub peserta: usize,
    /// The programs that run, in catalog order.
    pub per_program: Vec<ProgramSimulasiDto>,
    /// One page of the assignments matching `q`.
    pub penugasan: Vec<PenugasanSimulasiDto>,
    /// Every assignment of the plan.
    pub penugasan_total: usize,
    /// Assignments matching `q`, over all pages.
    pub cocok: usize,
    pub halaman: usize,
    pub per_halaman: usize,
    pub jumlah_halaman: usize,
}

#[utoipa::path(
    get, path = "/api/v1/rencana/simulasi", tag = "rencana", security(("sesi" = [])),
    params(
        ("anggaran" = String, Query, description = "Budget in whole rupiah (\"750000000\" or \"Rp750.000.000\")"),
        ("q" = Option<String>, Query, description = "Words all found in the name, NIP, unit, OPD, program code or title"),
        ("halaman" = Option<usize>, Query, description = "Page of the assignments, from 1 (past the last: the last)"),
        ("per_halaman" = Option<usize>, Query, description = "Assignments per page, 1 to 5000 (default 1000)"),
    ),
    responses(
        (status = 200, body = SimulasiDto),
        (status = 400, description = "A missing or bad budget, page or page size", body = ErrorBody),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 403, description = "Not an admin or auditor", body = ErrorBody),
    )
)]
pub(crate) async fn api_simulasi(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Json<SimulasiDto>, ApiError> {
    wajib_seluruh(&sesi)?;
    let anggaran =
        urai_anggaran(params.get("anggaran").unwrap_or("")).map_err(AppError::BadRequest)?;
    let halaman = params.bilangan("halaman", 1, u32::MAX)? as usize;
    let per_halaman = params.bilangan(
        "per_halaman",
        PENUGASAN_PER_HALAMAN,
        MAKS_PENUGASAN_PER_HALAMAN,
    )? as usize;
    let h = simulasi(&state, &sesi, anggaran).await?;
    let j = &h.jawaban;
    let cari = CariPenugasan {
        halaman,
        ..CariPenugasan::dari(&params)
    };
    let semua = PenugasanSimulasi::semua(&h);
    let hal = halaman_cocok(&semua, &cari, per_halaman, PenugasanSimulasi::teks);
    let peserta: HashSet<&str> = j.assignments.iter().map(|a| a.employee.as_str()).collect();
    Ok(Json(SimulasiDto {
        anggaran,
        tahun: tahun_perencanaan(state.hari_ini()),
        nilai: j.value,
        batas: j.bound,
        selisih_persen: j.gap_pct,
        biaya: j.cost,
        peserta: peserta.len(),
        per_program: j
            .batches
            .iter()
            .map(|b| ProgramSimulasiDto {
                kode: b.program.clone(),
                judul: h.judul_program.get(&b.program).cloned().unwrap_or_default(),
                peserta: b.participants,
                angkatan: b.batches,
                biaya: b.cost,
            })
            .collect(),
        penugasan: hal
            .baris
            .iter()
            .map(|p| PenugasanSimulasiDto {
                nip: p.a.employee.clone(),
                nama: p.nama.to_owned(),
                opd: p.opd.to_owned(),
                unit: p.unit.to_owned(),
                program_kode: p.a.program.clone(),
                program_judul: p.judul.to_owned(),
                menutup: p
                    .a
                    .closes
                    .iter()
                    .map(|c| MenutupDto {
                        kompetensi: c.competency.clone(),
                        level: c.levels,
                    })
                    .collect(),
                jp_dihitung: p.a.jp_counted,
                nilai: p.a.value,
                biaya: p.a.cost,
            })
            .collect(),
        penugasan_total: j.assignments.len(),
        cocok: hal.cocok,
        halaman: hal.halaman,
        per_halaman,
        jumlah_halaman: hal.jumlah_halaman,
    }))
}

#[derive(OpenApi)]
#[openapi(
    paths(api_daftar, api_buat, api_detail, api_status, api_tinjau, api_penugasan, api_simulasi),
    tags((name = "rencana", description = "Development plan versions: workflow, reviews, assignments and scenarios (personal data; not for mitra)"))
)]
pub(crate) struct ApiRencanaDoc;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bulk_lines_take_the_code_last_and_the_nip_in_groups() {
        let pair = |n: &str, k: &str| (n.to_owned(), k.to_owned());
        assert_eq!(
            urai_daftar_penugasan(
                "199001012015031001 PLT-001\n\n 19900101 201503 1 002\tEL 07 \r\n199001012015031003;PLT-9\n199001012015031004, X"
            ),
            Ok(vec![
                pair("199001012015031001", "PLT-001"),
                pair("199001012015031002", "EL 07"),
                pair("199001012015031003", "PLT-9"),
                pair("199001012015031004", "X"),
            ])
        );
        assert_eq!(urai_daftar_penugasan("  \n"), Ok(vec![]));
        assert_eq!(
            urai_daftar_penugasan(
                "199001012015031001\u{a0}PLT-001\n199001012015031002\u{3000}PLT-002"
            ),
            Ok(vec![
                pair("199001012015031001", "PLT-001"),
                pair("199001012015031002", "PLT-002"),
            ])
        );
        let salah =
            urai_daftar_penugasan("199001012015031001 PLT-001\nPLT-001").expect_err("refused");
        assert!(salah.starts_with("Baris 2:"), "{salah}");
        let salah = urai_daftar_penugasan("Rina PLT-001").expect_err("refused");
        assert!(salah.starts_with("Baris 1:"), "{salah}");
        let banyak = "199001012015031001 P\n".repeat(BATAS_BARIS_SEKALIGUS + 1);
        assert!(
            urai_daftar_penugasan(&banyak)
                .expect_err("refused")
                .contains("Paling banyak")
        );
    }

    #[test]
    fn budgets_are_read_as_users_write_them() {
        assert_eq!(urai_anggaran("750000000"), Ok(750_000_000));
        assert_eq!(urai_anggaran("Rp 750.000.000"), Ok(750_000_000));
        assert_eq!(urai_anggaran(" 1.000 "), Ok(1_000));
        assert!(urai_anggaran("-5").is_err());
        assert!(urai_anggaran("tujuh").is_err());
        assert!(urai_anggaran("").is_err());
    }

    #[test]
    fn values_read_the_indonesian_way() {
        assert_eq!(desimal(4903.04), "4.903,0");
        assert_eq!(desimal(12.45), "12,5");
        assert_eq!(desimal(0.0), "0,0");
        assert_eq!(rupiah_singkat(750_000_000.0), "Rp750 jt");
        assert_eq!(rupiah_singkat(749_500_000.0), "Rp749,5 jt");
        assert_eq!(rupiah_singkat(1_500_000_000.0), "Rp1,5 M");
        assert_eq!(rupiah_singkat(1_250_000_000.0), "Rp1,25 M");
        assert_eq!(rupiah_singkat(1_234_567_890.0), "Rp1,23 M");
        // Just under the budget does not read as the budget.
        assert_eq!(rupiah_singkat(99_950_000.0), "Rp99,95 jt");
        assert_eq!(rupiah_singkat(5_250_000.0), "Rp5,25 jt");
        assert_eq!(rupiah_singkat(12_345_678.0), "Rp12,35 jt");
        // Rounding up to a thousand of a unit moves to the next unit.
        assert_eq!(rupiah_singkat(999_970_000.0), "Rp1 M");
        assert_eq!(rupiah_singkat(2e12), "Rp2 T");
        assert_eq!(rupiah_singkat(5e15), "Rp5.000 T");
        assert_eq!(rupiah_singkat(940_000.0), "Rp940.000");
        assert_eq!(rupiah_singkat(999_999.0), "Rp1 jt");
        assert_eq!(rupiah_singkat(0.0), "Rp0");
        assert_eq!(rupiah_singkat(f64::NAN), "Rp0");
    }

    #[test]
    fn every_refusal_names_its_rule_in_indonesian() {
        let budget = pesan_pelanggaran(&Violation::Budget {
            cost: 31_000_000,
            budget: 30_000_000,
        });
        assert!(budget.contains("anggaran") && budget.contains("Rp31.000.000"));
        let kursi = pesan_pelanggaran(&Violation::Seats {
            program: "P".into(),
            participants: 61,
            batches: 3,
            max: 2,
        });
        assert!(kursi.contains("kursi") && kursi.contains("61 peserta"));
        let syarat = pesan_pelanggaran(&Violation::NotEligible {
            employee: "E".into(),
            program: "P".into(),
        });
        assert!(syarat.contains("syarat"));
        let jp = pesan_pelanggaran(&Violation::JpCap {
            employee: "E".into(),
            jp: 70,
            cap: 60,
        });
        assert!(jp.contains("batas JP") && jp.contains("60 JP"));
    }

    #[test]
    fn names_and_years_are_checked() {
        assert_eq!(
            periksa_nama("  Rencana 2027 "),
            Ok("Rencana 2027".to_owned())
        );
        assert!(periksa_nama("   ").is_err());
        assert!(periksa_nama(&"x".repeat(201)).is_err());
        assert_eq!(urai_tahun("2027"), Ok(2027));
        assert!(urai_tahun("1999").is_err());
        assert!(urai_tahun("dua").is_err());
        assert_eq!(rapikan_nip("19950607 202521 2 097"), "199506072025212097");
    }

    fn penugasan(nip: &str, nama: &str, kode: &str, judul: &str) -> Penugasan {
        Penugasan {
            pegawai: PegawaiId(1),
            nip: kompeten_domain::Nip::parse_pns(nip)
                .or_else(|_| kompeten_domain::Nip::parse_pppk(nip))
                .expect("nip"),
            nama_pegawai: nama.to_owned(),
            unit: UnitId(2),
            unit_nama: "Puskesmas Talawi".to_owned(),
            opd: UnitId(1),
            opd_nama: "Dinas Kesehatan".to_owned(),
            program: kompeten_store::ProgramId(3),
            program_kode: kode.to_owned(),
            program_judul: judul.to_owned(),
            manual: false,
        }
    }

    #[test]
    fn the_assignment_table_searches_every_word_and_pages_the_matches() {
        let semua = vec![
            penugasan(
                "199506072025212097",
                "Rina Marlina",
                "PLT-001",
                "Pelayanan Prima",
            ),
            penugasan(
                "199004102015032001",
                "Dewi Sartika",
                "EL-001",
                "Literasi Digital",
            ),
            penugasan(
                "198811202023211005",
                "Yusuf Hakim",
                "EL-001",
                "Literasi Digital",
            ),
            penugasan(
                "199004102015032001",
                "Dewi Sartika",
                "PLT-001",
                "Pelayanan Prima",
            ),
            penugasan("198811202023211005", "Yusuf Hakim", "WS-002", "Tata Naskah"),
        ];
        let cari = |q: &str, halaman| CariPenugasan {
            q: q.to_owned(),
            halaman,
        };
        let nama = |h: &HalamanCocok<'_, Penugasan>| -> Vec<String> {
            h.baris
                .iter()
                .map(|p| format!("{} {}", p.nama_pegawai, p.program_kode))
                .collect()
        };
        // No search: every row, two to a page; a page past the end shows the last.
        let h = halaman_cocok(&semua, &cari("", 2), 2, teks_penugasan);
        assert_eq!(
            (h.cocok, h.halaman, h.jumlah_halaman, h.mulai),
            (5, 2, 3, 2)
        );
        assert_eq!(nama(&h), ["Yusuf Hakim EL-001", "Dewi Sartika PLT-001"]);
        let h = halaman_cocok(&semua, &cari("", 9), 2, teks_penugasan);
        assert_eq!((h.halaman, h.mulai), (3, 4));
        assert_eq!(nama(&h), ["Yusuf Hakim WS-002"]);
        // Every word must match somewhere, ignoring case.
        let h = halaman_cocok(&semua, &cari("dewi  PRIMA", 1), 2, teks_penugasan);
        assert_eq!(nama(&h), ["Dewi Sartika PLT-001"]);
        let h = halaman_cocok(&semua, &cari("el-001", 1), 10, teks_penugasan);
        assert_eq!(nama(&h), ["Dewi Sartika EL-001", "Yusuf Hakim EL-001"]);
        // A NIP in groups, and the unit or OPD name.
        let h = halaman_cocok(
            &semua,
            &cari("19881120 202321 1 005", 1),
            10,
            teks_penugasan,
        );
        assert_eq!(nama(&h), ["Yusuf Hakim EL-001", "Yusuf Hakim WS-002"]);
        assert_eq!(
            halaman_cocok(&semua, &cari("talawi", 1), 10, teks_penugasan).cocok,
            5
        );
        // Nothing matches: one empty page.
        let h = halaman_cocok(&semua, &cari("tidak ada", 4), 2, teks_penugasan);
        assert_eq!(
            (h.cocok, h.halaman, h.jumlah_halaman, h.baris.len()),
            (0, 1, 1, 0)
        );
        // Links keep the search and drop the first page's number.
        let id = RencanaId(7);
        assert_eq!(
            cari("Dewi S", 3).url(id, 2),
            "/rencana/7?q=Dewi%20S&halaman=2#penugasan"
        );
        assert_eq!(cari("", 3).url(id, 1), "/rencana/7#penugasan");
        // The simulation's links keep the budget too.
        assert_eq!(
            url_simulasi(30_000_000, "Dewi S", 2),
            "/rencana/simulasi?anggaran=30000000&q=Dewi%20S&halaman=2#penugasan"
        );
        assert_eq!(
            url_simulasi(5, "", 1),
            "/rencana/simulasi?anggaran=5#penugasan"
        );
        // The pager shows the rows' place and the links around the page.
        let h = halaman_cocok(&semua, &cari("", 2), 2, teks_penugasan);
        let t = h.tampil("", |n| format!("/p{n}"));
        assert_eq!((t.dari, t.sampai, t.cocok), (3, 4, 5));
        assert_eq!(
            (t.sebelumnya.as_deref(), t.berikutnya.as_deref()),
            (Some("/p1"), Some("/p3"))
        );
        let t = halaman_cocok(&semua, &cari("tidak ada", 1), 2, teks_penugasan)
            .tampil("x", |n| format!("/p{n}"));
        assert_eq!(
            (t.dari, t.sampai, t.sebelumnya, t.berikutnya),
            (0, 0, None, None)
        );
    }
}
