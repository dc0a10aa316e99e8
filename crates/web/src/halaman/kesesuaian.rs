//! The JSON side of Beranda's summary against the standards
//! (`GET /api/v1/kesesuaian`) and of the per-employee gap table
//! (`GET /api/v1/kesenjangan`, paged; the same rows as
//! `/kesenjangan/unduh` and `kompeten export gaps`).

use super::peta::filter_peta;
use crate::AppState;
use crate::analitik;
use crate::error::{ApiError, AppError, ErrorBody};
use crate::layanan::{PetaUnit, lingkup_mencakup_unit, pegawai_dalam_lingkup};
use crate::params::{Params, tolak_masalah};
use crate::sesi::Sesi;
use axum::Json;
use axum::extract::State;
use kompeten_domain::Role;
use kompeten_engine::kesenjangan::{AlasanTanpaJpm, Pilihan, hitung_pegawai, ringkasan_kota};
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};

/// How many of the largest gaps the summary lists.
const MAKS_GAP: usize = 10;
const PER_HALAMAN_BAWAAN: u32 = 100;
const PER_HALAMAN_MAKS: u32 = 1000;

fn iso(d: time::Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// Employees in one band of the category scale.
#[derive(Serialize, ToSchema)]
pub(crate) struct KategoriDto {
    pub label: String,
    /// Lower bound of the band, in hundredths of a percent.
    pub batas_bawah_bp: u32,
    pub pegawai: u32,
}

/// Employees without a JPM, by reason.
#[derive(Serialize, ToSchema)]
pub(crate) struct TanpaJpmDto {
    /// e.g. `tanpa_jabatan`, `belum_ada_yang_dinilai`.
    pub alasan: &'static str,
    pub label: &'static str,
    pub pegawai: u32,
}

/// A competency with a total gap.
#[derive(Serialize, ToSchema)]
pub(crate) struct GapDto {
    pub kompetensi_id: i64,
    pub kode: String,
    pub nama: String,
    /// Sum of (required − current) over those assessed below the standard.
    pub jumlah_gap: u64,
    /// The same, each gap times the competency's weight in the standard.
    pub jumlah_gap_berbobot: u64,
    /// Assessed and below the standard.
    pub pegawai_kurang: u32,
    /// Required of.
    pub wajib: u32,
}

/// The reader's scope against the standards, as on Beranda.
#[derive(Serialize, ToSchema)]
pub(crate) struct KesesuaianDto {
    #[schema(format = Date, example = "2026-11-27")]
    pub hari_ini: String,
    /// Active employees in scope.
    pub pegawai: u32,
    pub dengan_jpm: u32,
    /// The mapping scale's name and bands, best first.
    pub skala: String,
    pub per_kategori: Vec<KategoriDto>,
    pub tanpa_jpm: Vec<TanpaJpmDto>,
    /// Every competency of their standard assessed, valid and at the level.
    pub memenuhi_semua: u32,
    /// (employee, required competency) pairs by status.
    pub kompetensi_wajib: u64,
    pub kompetensi_dinilai: u64,
    pub kompetensi_kedaluwarsa: u64,
    pub kompetensi_belum_dinilai: u64,
    pub pegawai_dengan_kedaluwarsa: u32,
    pub pegawai_dengan_belum_dinilai: u32,
    /// Largest weighted gaps first.
    pub kesenjangan_terbesar: Vec<GapDto>,
}

#[utoipa::path(
    get, path = "/api/v1/kesesuaian", tag = "kesenjangan", security(("sesi" = [])),
    responses(
        (status = 200, body = KesesuaianDto),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 403, description = "Mitra (no personal data)", body = ErrorBody),
    )
)]
pub(crate) async fn api_kesesuaian(
    State(state): State<AppState>,
    sesi: Sesi,
) -> Result<Json<KesesuaianDto>, ApiError> {
    let (d, atur) = analitik::untuk(&state, &sesi).await?;
    let units = PetaUnit::muat(state.store(), &sesi).await?;
    let pilihan = analitik::pilih_pegawai(&d, &units, sesi.lingkup(), None, None, None);
    let r = ringkasan_kota(
        &d.data,
        Pilihan::Daftar(&pilihan),
        state.hari_ini(),
        &atur.jpm,
        &atur.skala_pemetaan,
        MAKS_GAP,
    )
    .map_err(|e| AppError::Internal(format!("city summary: {e}")))?;
    Ok(Json(KesesuaianDto {
        hari_ini: iso(state.hari_ini()),
        pegawai: r.pegawai,
        dengan_jpm: r.dengan_jpm,
        skala: atur.skala_pemetaan.nama().to_owned(),
        per_kategori: atur
            .skala_pemetaan
            .pita()
            .iter()
            .zip(&r.per_kategori)
            .map(|(p, n)| KategoriDto {
                label: p.label.clone(),
                batas_bawah_bp: p.batas_bawah_bp,
                pegawai: *n,
            })
            .collect(),
        tanpa_jpm: AlasanTanpaJpm::ALL
            .into_iter()
            .map(|a| TanpaJpmDto {
                alasan: a.kode(),
                label: a.label(),
                pegawai: r.tanpa_jpm.untuk(a),
            })
            .collect(),
        memenuhi_semua: r.memenuhi_semua,
        kompetensi_wajib: r.kompetensi_wajib,
        kompetensi_dinilai: r.kompetensi_dinilai,
        kompetensi_kedaluwarsa: r.kompetensi_kedaluwarsa,
        kompetensi_belum_dinilai: r.kompetensi_belum_dinilai,
        pegawai_dengan_kedaluwarsa: r.pegawai_dengan_kedaluwarsa,
        pegawai_dengan_belum_dinilai: r.pegawai_dengan_belum_dinilai,
        kesenjangan_terbesar: r
            .kesenjangan_terbesar
            .iter()
            .filter_map(|g| {
                let k = d.kolom(g.kompetensi)?;
                Some(GapDto {
                    kompetensi_id: k.id.0,
                    kode: k.kode.clone(),
                    nama: k.nama.clone(),
                    jumlah_gap: g.jumlah_gap,
                    jumlah_gap_berbobot: g.jumlah_gap_berbobot,
                    pegawai_kurang: g.pegawai_kurang,
                    wajib: g.wajib,
                })
            })
            .collect(),
    }))
}

/// One competency of an employee's standard.
#[derive(Serialize, ToSchema)]
pub(crate) struct KompetensiPegawaiDto {
    pub kompetensi_id: i64,
    pub kode: String,
    pub wajib: u8,
    /// The current valid level; null when expired or never assessed.
    pub saat_ini: Option<u8>,
    /// `memenuhi`, `kurang`, `kedaluwarsa` or `belum_dinilai`.
    pub status: &'static str,
    /// Required − current when below; 0 otherwise (null when not assessed).
    pub gap: Option<u8>,
}

/// One employee of the gap table.
#[derive(Serialize, ToSchema)]
pub(crate) struct KesenjanganPegawaiDto {
    pub pegawai_id: i64,
    /// 18 digits.
    pub nip: String,
    pub nama: String,
    pub opd: String,
    pub unit: String,
    pub jabatan: Option<String>,
    /// Exact JPM in percent; null when it cannot be computed.
    pub jpm: Option<f64>,
    pub jpm_bp: Option<u32>,
    /// The mapping scale's category.
    pub kategori: Option<String>,
    /// Why there is no JPM.
    pub tanpa_jpm: Option<&'static str>,
    pub wajib: u32,
    pub dinilai: u32,
    pub kedaluwarsa: u32,
    pub belum_dinilai: u32,
    pub memenuhi: u32,
    pub kompetensi: Vec<KompetensiPegawaiDto>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct KesenjanganDto {
    #[schema(format = Date, example = "2026-11-27")]
    pub hari_ini: String,
    pub total: u64,
    pub halaman: u32,
    pub per_halaman: u32,
    pub items: Vec<KesenjanganPegawaiDto>,
}

#[utoipa::path(
    get, path = "/api/v1/kesenjangan", tag = "kesenjangan", security(("sesi" = [])),
    params(
        ("opd" = Option<i64>, Query, description = "A unit id: the unit and everything below it"),
        ("jenis" = Option<String>, Query, description = "Position type code, e.g. `fungsional`"),
        ("status" = Option<String>, Query, description = "`pns` or `pppk`"),
        ("halaman" = Option<u32>, Query, description = "Page, from 1"),
        ("per_halaman" = Option<u32>, Query, description = "Rows per page, 1 to 1000 (default 100)"),
    ),
    responses(
        (status = 200, body = KesenjanganDto),
        (status = 400, description = "A parameter is not valid", body = ErrorBody),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 403, description = "Mitra, or a unit outside the reader's scope", body = ErrorBody),
    )
)]
pub(crate) async fn api_kesenjangan(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Json<KesenjanganDto>, ApiError> {
    let (f, masalah) = filter_peta(&params);
    tolak_masalah(&masalah)?;
    let halaman = params.bilangan("halaman", 1, u32::MAX)?;
    let per_halaman = params.bilangan("per_halaman", PER_HALAMAN_BAWAAN, PER_HALAMAN_MAKS)?;
    let (d, atur) = analitik::untuk(&state, &sesi).await?;
    let units = PetaUnit::muat(state.store(), &sesi).await?;
    if let Some(o) = f.opd {
        let unit = units.get(o).ok_or_else(|| {
            AppError::BadRequest(format!("Unit {o} tidak dikenal di instansi ini."))
        })?;
        if !lingkup_mencakup_unit(sesi.lingkup(), unit) && sesi.role() != Role::Pegawai {
            return Err(AppError::Forbidden.into());
        }
    }
    let rows = pegawai_dalam_lingkup(state.store(), &sesi, f.opd, f.jenis).await?;
    let rows: Vec<_> = rows
        .into_iter()
        .filter(|r| f.status.is_none_or(|s| s == r.status))
        .filter(|r| d.pegawai_indeks(r.id).is_some())
        .collect();
    let total = rows.len() as u64;
    let awal = (u64::from(halaman) - 1) * u64::from(per_halaman);
    let hari_ini = state.hari_ini();
    let mut items = Vec::new();
    for r in rows
        .iter()
        .skip(usize::try_from(awal).unwrap_or(usize::MAX))
        .take(per_halaman as usize)
    {
        let Some(p) = d.pegawai_indeks(r.id) else {
            continue;
        };
        let h = hitung_pegawai(&d.data, p, hari_ini, &atur.jpm, &atur.skala_pemetaan)
            .map_err(|e| AppError::Internal(format!("gaps of {}: {e}", r.id)))?;
        items.push(KesenjanganPegawaiDto {
            pegawai_id: r.id.0,
            nip: r.nip.as_str().to_owned(),
            nama: r.nama_lengkap.clone(),
            opd: r.opd_nama.clone(),
            unit: r.unit_nama.clone(),
            jabatan: r.jabatan_nama.clone(),
            jpm: h.jpm.map(|j| j.persen()),
            jpm_bp: h.jpm.map(|j| j.basis_poin()),
            kategori: h.kategori.map(|k| atur.skala_pemetaan.label(k).to_owned()),
            tanpa_jpm: h.tanpa_jpm.map(AlasanTanpaJpm::kode),
            wajib: h.jumlah.wajib,
            dinilai: h.jumlah.dinilai,
            kedaluwarsa: h.jumlah.kedaluwarsa,
            belum_dinilai: h.jumlah.belum_dinilai,
            memenuhi: h.jumlah.memenuhi,
            kompetensi: h
                .rincian
                .iter()
                .filter_map(|k| {
                    let c = d.kolom(k.kompetensi)?;
                    Some(KompetensiPegawaiDto {
                        kompetensi_id: c.id.0,
                        kode: c.kode.clone(),
                        wajib: k.wajib,
                        saat_ini: k.status.level_berlaku(),
                        status: k.status.kode(),
                        gap: k.status.gap_berlaku(),
                    })
                })
                .collect(),
        });
    }
    Ok(Json(KesenjanganDto {
        hari_ini: iso(hari_ini),
        total,
        halaman,
        per_halaman,
        items,
    }))
}

#[derive(OpenApi)]
#[openapi(
    paths(api_kesesuaian, api_kesenjangan),
    tags((name = "kesenjangan", description = "Gaps and JPM: the scope's summary and the per-employee table (personal data; not for mitra)"))
)]
pub(crate) struct ApiKesesuaianDoc;
