//! The JSON API under `/api/v1`: the same reads as the pages, the same
//! session cookie and the same scoping; described by `/api/v1/openapi.json`.

use crate::AppState;
use crate::error::{ApiError, AppError, ErrorBody, ErrorDetail};
use crate::halaman::jabatan::query_jabatan;
use crate::halaman::pegawai::{cari, id_path, saring_unit};
use crate::layanan::{
    BarisLevel, PetaUnit, daftar_jabatan, detail_jabatan, lingkup_mencakup_unit, pohon_unit,
    profil_pegawai, wajib_data_pribadi,
};
use crate::params::{Params, filter_jabatan, filter_pegawai, tolak_masalah};
use crate::sesi::Sesi;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use kompeten_domain::validity::status_pada;
use kompeten_engine::profil::LevelSaatIni;
use kompeten_store::{
    Jabatan, JabatanId, Kompetensi, KompetensiId, PegawaiId, PegawaiRow, Penilaian, Unit,
};
use serde::Serialize;
use std::sync::OnceLock;
use time::Date;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/openapi.json", get(openapi_json))
        .route("/api/v1/ringkasan", get(ringkasan))
        .route("/api/v1/pegawai", get(daftar_pegawai))
        .route("/api/v1/pegawai/{id}", get(detail_pegawai))
        .route("/api/v1/jabatan", get(daftar_jabatan_api))
        .route("/api/v1/jabatan/{id}", get(detail_jabatan_api))
        .route("/api/v1/unit", get(daftar_unit))
        .route("/api/v1/kompetensi", get(daftar_kompetensi))
        .route("/api/v1/kompetensi/{id}", get(detail_kompetensi))
}

/// ISO 8601 calendar date, e.g. `2026-11-27`.
fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

fn id_api(raw: &str) -> Result<i64, ApiError> {
    Ok(id_path(raw)?)
}

// ---------------------------------------------------------------- schemas

#[derive(Serialize, ToSchema)]
pub(crate) struct Health {
    #[schema(example = "ok")]
    pub status: &'static str,
    /// The backend: `sqlite` or `postgres`.
    #[schema(example = "sqlite")]
    pub database: &'static str,
}

/// Counts within the reader's scope; validity judged on `hari_ini`.
#[derive(Serialize, ToSchema)]
pub(crate) struct RingkasanDto {
    #[schema(format = Date, example = "2026-11-27")]
    pub hari_ini: String,
    pub jumlah_opd: u64,
    pub jumlah_unit: u64,
    pub jumlah_jabatan: u64,
    pub jabatan_dengan_standar: u64,
    pub jumlah_kompetensi: u64,
    pub pegawai_aktif: u64,
    pub pns: u64,
    pub pppk: u64,
    pub pegawai_tanpa_jabatan: u64,
    pub penilaian_total: u64,
    pub penilaian_berlaku: u64,
    /// Active employees with at least one valid assessment.
    pub pegawai_dinilai: u64,
    pub skp_tahun_terakhir: Option<i32>,
    pub skp_jumlah_terakhir: u64,
}

/// An employee in a list.
#[derive(Serialize, ToSchema)]
pub(crate) struct PegawaiRingkasDto {
    pub id: i64,
    /// 18 digits without spaces.
    #[schema(example = "199308122020122021")]
    pub nip: String,
    #[schema(example = "dr. Fitri Yuliani, Sp.PD")]
    pub nama_lengkap: String,
    /// `pns` or `pppk`.
    #[schema(example = "pns")]
    pub status: &'static str,
    /// `III/a` for PNS, `IX` for PPPK.
    #[schema(example = "III/a")]
    pub golongan: &'static str,
    pub jabatan_id: Option<i64>,
    pub jabatan: Option<String>,
    /// Position type code, e.g. `fungsional`.
    pub jenis_jabatan: Option<&'static str>,
    pub unit_id: i64,
    pub unit: String,
    pub opd: String,
    pub aktif: bool,
}

impl From<&PegawaiRow> for PegawaiRingkasDto {
    fn from(r: &PegawaiRow) -> Self {
        PegawaiRingkasDto {
            id: r.id.0,
            nip: r.nip.as_str().to_owned(),
            nama_lengkap: r.nama_lengkap.clone(),
            status: r.status.code(),
            golongan: r.golongan.code(),
            jabatan_id: r.jabatan.map(|j| j.0),
            jabatan: r.jabatan_nama.clone(),
            jenis_jabatan: r.tingkat.map(|t| t.jenis().code()),
            unit_id: r.unit.0,
            unit: r.unit_nama.clone(),
            opd: r.opd_nama.clone(),
            aktif: r.aktif,
        }
    }
}

/// One page of employees.
#[derive(Serialize, ToSchema)]
pub(crate) struct HalamanPegawaiDto {
    pub items: Vec<PegawaiRingkasDto>,
    pub total: u64,
    pub halaman: u32,
    pub per_halaman: u32,
    pub jumlah_halaman: u32,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct UnitRefDto {
    pub id: i64,
    pub kode: String,
    pub nama: String,
    /// Unit type code, e.g. `dinas`, `puskesmas`.
    pub jenis: &'static str,
}

impl From<&Unit> for UnitRefDto {
    fn from(u: &Unit) -> Self {
        UnitRefDto {
            id: u.id.0,
            kode: u.kode.clone(),
            nama: u.nama.clone(),
            jenis: u.jenis.code(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub(crate) struct JabatanRefDto {
    pub id: i64,
    pub kode: String,
    pub nama: String,
    /// Position type code: `jpt_pratama`, `administrator`, `pengawas`, `pelaksana`, `fungsional`, ...
    pub jenis: &'static str,
    /// Functional grade code (`ahli_muda`, `terampil`, ...) for functional positions.
    pub jenjang: Option<&'static str>,
    #[schema(example = "Fungsional Ahli Muda")]
    pub tingkat_label: String,
    pub kelas: Option<u8>,
    pub unit_id: i64,
}

impl From<&Jabatan> for JabatanRefDto {
    fn from(j: &Jabatan) -> Self {
        JabatanRefDto {
            id: j.id.0,
            kode: j.kode.clone(),
            nama: j.nama.clone(),
            jenis: j.tingkat.jenis().code(),
            jenjang: j.tingkat.jenjang().map(|g| g.code()),
            tingkat_label: j.tingkat.label(),
            kelas: j.kelas,
            unit_id: j.unit.0,
        }
    }
}

/// Where an employee stands in one competency today.
#[derive(Serialize, ToSchema)]
pub(crate) struct LevelSaatIniDto {
    pub kompetensi_id: i64,
    pub kode: String,
    pub nama: String,
    /// `manajerial`, `sosial_kultural` or `teknis`.
    pub kelompok: &'static str,
    /// Required level when the competency is in the position's standard.
    pub standar: Option<u8>,
    pub bobot: Option<u32>,
    /// `berlaku`, `kedaluwarsa` or `belum_dinilai`.
    #[schema(example = "berlaku")]
    pub status: &'static str,
    /// The latest level: counted only when `status` is `berlaku`.
    pub level: Option<u8>,
    #[schema(format = Date)]
    pub tanggal: Option<String>,
    #[schema(format = Date)]
    pub berlaku_sampai: Option<String>,
    pub penilaian_id: Option<i64>,
}

impl From<&BarisLevel> for LevelSaatIniDto {
    fn from(b: &BarisLevel) -> Self {
        let (status, rincian) = match b.saat_ini {
            LevelSaatIni::Berlaku {
                level,
                tanggal,
                berlaku_sampai,
                penilaian,
            } => ("berlaku", Some((level, tanggal, berlaku_sampai, penilaian))),
            LevelSaatIni::Kedaluwarsa {
                level,
                tanggal,
                berlaku_sampai,
                penilaian,
            } => (
                "kedaluwarsa",
                Some((level, tanggal, berlaku_sampai, penilaian)),
            ),
            LevelSaatIni::BelumDinilai => ("belum_dinilai", None),
        };
        LevelSaatIniDto {
            kompetensi_id: b.kompetensi,
            kode: b.kode.clone(),
            nama: b.nama.clone(),
            kelompok: b.kelompok.code(),
            standar: b.standar.map(|l| l.get()),
            bobot: b.bobot,
            status,
            level: rincian.map(|r| r.0.get()),
            tanggal: rincian.map(|r| iso(r.1)),
            berlaku_sampai: rincian.map(|r| iso(r.2)),
            penilaian_id: rincian.map(|r| r.3),
        }
    }
}

/// One assessment result (append-only).
#[derive(Serialize, ToSchema)]
pub(crate) struct PenilaianDto {
    pub id: i64,
    pub kompetensi_id: i64,
    pub kompetensi_kode: String,
    pub kompetensi_nama: String,
    pub kelompok: &'static str,
    pub level: u8,
    /// `assessment_center`, `cact`, `uji_kompetensi`, `360`, `atasan`, `mandiri`.
    pub metode: &'static str,
    #[schema(format = Date)]
    pub tanggal: String,
    #[schema(format = Date)]
    pub berlaku_sampai: String,
    pub asesor: String,
    pub catatan_bukti: String,
    /// `berlaku` or `kedaluwarsa`, judged today.
    pub status: &'static str,
}

fn penilaian_dto(p: &Penilaian, hari_ini: Date) -> PenilaianDto {
    PenilaianDto {
        id: p.id.0,
        kompetensi_id: p.kompetensi.0,
        kompetensi_kode: p.kompetensi_kode.clone(),
        kompetensi_nama: p.kompetensi_nama.clone(),
        kelompok: p.kelompok.code(),
        level: p.level.get(),
        metode: p.metode.code(),
        tanggal: iso(p.tanggal),
        berlaku_sampai: iso(p.berlaku_sampai),
        asesor: p.asesor.clone(),
        catatan_bukti: p.catatan_bukti.clone(),
        status: match status_pada(p.berlaku_sampai, hari_ini) {
            kompeten_domain::StatusBerlaku::Berlaku => "berlaku",
            kompeten_domain::StatusBerlaku::Kedaluwarsa => "kedaluwarsa",
        },
    }
}

#[derive(Serialize, ToSchema)]
pub(crate) struct SkpDto {
    pub tahun: i32,
    /// `sangat_baik`, `baik`, `butuh_perbaikan`, `kurang`, `sangat_kurang`.
    pub predikat: &'static str,
    pub predikat_label: &'static str,
}

/// One competency of the position's standard with its gap.
#[derive(Serialize, ToSchema)]
pub(crate) struct GapKompetensiDto {
    pub kompetensi_id: i64,
    pub kode: String,
    pub nama: String,
    /// `manajerial`, `sosial_kultural` or `teknis`.
    pub kelompok: &'static str,
    pub standar: u8,
    pub bobot: u32,
    /// `memenuhi`, `kurang`, `kedaluwarsa` or `belum_dinilai`.
    #[schema(example = "kurang")]
    pub status: &'static str,
    /// The latest level: counted only for `memenuhi` and `kurang`.
    pub level: Option<u8>,
    /// Required − current for `kurang`, 0 for `memenuhi`, absent otherwise.
    pub gap: Option<u8>,
}

/// Job Person Match against the position's standard: Σ min(current,
/// required)·bobot ÷ Σ required·bobot × 100 over the assessed competencies.
#[derive(Serialize, ToSchema)]
pub(crate) struct KesenjanganDto {
    /// Percent, exact to floating point; absent when it cannot be computed.
    #[schema(example = 77.78)]
    pub jpm: Option<f64>,
    /// The same in hundredths of a percent, rounded half up.
    #[schema(example = 7778)]
    pub jpm_bp: Option<u32>,
    /// Category on `skala`, e.g. `Optimal`, `Cukup Optimal`, `Kurang Optimal`.
    pub kategori: Option<String>,
    #[schema(example = "Pemetaan")]
    pub skala: String,
    /// Why there is no JPM: `tanpa_jabatan`, `jabatan_tanpa_standar`,
    /// `standar_tidak_valid`, `belum_ada_yang_dinilai`.
    pub tanpa_jpm: Option<&'static str>,
    pub jumlah_wajib: u32,
    pub jumlah_dinilai: u32,
    pub jumlah_memenuhi: u32,
    pub jumlah_kurang: u32,
    pub jumlah_kedaluwarsa: u32,
    pub jumlah_belum_dinilai: u32,
    pub kompetensi: Vec<GapKompetensiDto>,
}

fn kesenjangan_dto(k: &crate::layanan::KesenjanganPegawai) -> KesenjanganDto {
    use kompeten_engine::kesenjangan::{AlasanTanpaJpm, StatusKompetensi};
    let h = &k.hasil;
    KesenjanganDto {
        jpm: h.jpm.map(|j| j.persen()),
        jpm_bp: h.jpm.map(|j| j.basis_poin()),
        kategori: k.kategori_label().map(str::to_owned),
        skala: k.skala.nama().to_owned(),
        tanpa_jpm: h.tanpa_jpm.map(|a| match a {
            AlasanTanpaJpm::TanpaJabatan => "tanpa_jabatan",
            AlasanTanpaJpm::JabatanTanpaStandar => "jabatan_tanpa_standar",
            AlasanTanpaJpm::StandarTidakValid => "standar_tidak_valid",
            AlasanTanpaJpm::BelumAdaYangDinilai => "belum_ada_yang_dinilai",
            AlasanTanpaJpm::KelompokBerbobotBelumDinilai => "kelompok_berbobot_belum_dinilai",
        }),
        jumlah_wajib: h.jumlah.wajib,
        jumlah_dinilai: h.jumlah.dinilai,
        jumlah_memenuhi: h.jumlah.memenuhi,
        jumlah_kurang: h.jumlah.kurang,
        jumlah_kedaluwarsa: h.jumlah.kedaluwarsa,
        jumlah_belum_dinilai: h.jumlah.belum_dinilai,
        kompetensi: h
            .rincian
            .iter()
            .map(|r| {
                let (id, kode, nama) = k.kompetensi(r.kompetensi).cloned().unwrap_or((
                    0,
                    String::new(),
                    String::new(),
                ));
                let (status, level, gap) = match r.status {
                    StatusKompetensi::Memenuhi { level } => ("memenuhi", Some(level), Some(0)),
                    StatusKompetensi::Kurang { level, gap } => ("kurang", Some(level), Some(gap)),
                    StatusKompetensi::Kedaluwarsa { level } => ("kedaluwarsa", Some(level), None),
                    StatusKompetensi::BelumDinilai => ("belum_dinilai", None, None),
                };
                GapKompetensiDto {
                    kompetensi_id: id,
                    kode,
                    nama,
                    kelompok: r.kelompok.code(),
                    standar: r.wajib,
                    bobot: r.bobot,
                    status,
                    level,
                    gap,
                }
            })
            .collect(),
    }
}

/// An employee's profile with assessments, SKP and current levels.
#[derive(Serialize, ToSchema)]
pub(crate) struct PegawaiDetailDto {
    pub id: i64,
    pub nip: String,
    pub nama: String,
    pub gelar_depan: Option<String>,
    pub gelar_belakang: Option<String>,
    pub nama_lengkap: String,
    pub status: &'static str,
    pub golongan: &'static str,
    #[schema(example = "Penata Muda (III/a)")]
    pub golongan_label: String,
    pub pendidikan: &'static str,
    /// `L` or `P`.
    pub jenis_kelamin: &'static str,
    #[schema(format = Date)]
    pub tanggal_lahir: String,
    /// `YYYY-MM` for PNS.
    #[schema(example = "2020-12")]
    pub tmt_cpns: Option<String>,
    pub aktif: bool,
    pub jabatan: Option<JabatanRefDto>,
    pub unit: UnitRefDto,
    /// From the OPD down to the employee's unit.
    pub unit_jalur: Vec<UnitRefDto>,
    pub level_saat_ini: Vec<LevelSaatIniDto>,
    /// Gaps and JPM against the position's standard.
    pub kesenjangan: KesenjanganDto,
    /// Newest first.
    pub penilaian: Vec<PenilaianDto>,
    /// Newest year first.
    pub skp: Vec<SkpDto>,
    #[schema(format = Date)]
    pub hari_ini: String,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct JabatanDto {
    #[serde(flatten)]
    pub jabatan: JabatanRefDto,
    pub unit_nama: String,
    pub jumlah_standar: u64,
    /// Holders within the reader's scope; `null` for a role that sees no employees.
    pub jumlah_pegawai: Option<u64>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct StandarDto {
    pub kompetensi_id: i64,
    pub kode: String,
    pub nama: String,
    pub kelompok: &'static str,
    pub level: u8,
    pub bobot: u32,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct JabatanDetailDto {
    pub jabatan: JabatanRefDto,
    pub unit_jalur: Vec<UnitRefDto>,
    pub standar: Vec<StandarDto>,
    /// Holders within the reader's scope; `null` for a role that sees no employees.
    pub pemegang: Option<Vec<PegawaiRingkasDto>>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct UnitDto {
    pub id: i64,
    pub induk: Option<i64>,
    pub kode: String,
    pub nama: String,
    pub jenis: &'static str,
    /// Ancestors from the OPD down to the unit itself.
    pub jalur: Vec<i64>,
    /// Active employees in the unit and below, within the reader's scope;
    /// `null` for a role that sees no employees.
    pub jumlah_pegawai: Option<u64>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct LevelKompetensiDto {
    pub level: u8,
    pub deskripsi: String,
    /// Numbered in the UI as level.index (1.1, 1.2, ...).
    pub indikator: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct KompetensiDto {
    pub id: i64,
    pub kode: String,
    pub kelompok: &'static str,
    pub bidang: Option<String>,
    pub nama: String,
    pub definisi: String,
    /// The five levels; left out of lists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<Vec<LevelKompetensiDto>>,
}

fn kompetensi_dto(k: &Kompetensi, dengan_level: bool) -> KompetensiDto {
    KompetensiDto {
        id: k.id.0,
        kode: k.kode.clone(),
        kelompok: k.kelompok.code(),
        bidang: k.bidang.clone(),
        nama: k.nama.clone(),
        definisi: k.definisi.clone(),
        level: dengan_level.then(|| {
            k.level
                .iter()
                .map(|l| LevelKompetensiDto {
                    level: l.level.get(),
                    deskripsi: l.deskripsi.clone(),
                    indikator: l.indikator.clone(),
                })
                .collect()
        }),
    }
}

// ---------------------------------------------------------------- handlers

/// Liveness and database check; needs no login.
#[utoipa::path(
    get, path = "/healthz", tag = "sistem",
    responses(
        (status = 200, description = "The database answers", body = Health),
        (status = 503, description = "The database does not answer", body = Health),
    )
)]
pub(crate) async fn healthz(State(state): State<AppState>) -> Response {
    let database = state.store().backend();
    match state.store().ping().await {
        Ok(()) => Json(Health {
            status: "ok",
            database,
        })
        .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(Health {
                    status: "unavailable",
                    database,
                }),
            )
                .into_response()
        }
    }
}

/// Home-page counts within the reader's scope.
#[utoipa::path(
    get, path = "/api/v1/ringkasan", tag = "ringkasan", security(("sesi" = [])),
    responses(
        (status = 200, body = RingkasanDto),
        (status = 401, description = "No session", body = ErrorBody),
    )
)]
pub(crate) async fn ringkasan(
    State(state): State<AppState>,
    sesi: Sesi,
) -> Result<Json<RingkasanDto>, ApiError> {
    let hari_ini = state.hari_ini();
    let r = state
        .store()
        .ringkasan(sesi.instansi_id(), sesi.lingkup(), hari_ini)
        .await?;
    Ok(Json(RingkasanDto {
        hari_ini: iso(hari_ini),
        jumlah_opd: r.jumlah_opd,
        jumlah_unit: r.jumlah_unit,
        jumlah_jabatan: r.jumlah_jabatan,
        jabatan_dengan_standar: r.jabatan_dengan_standar,
        jumlah_kompetensi: r.jumlah_kompetensi,
        pegawai_aktif: r.pegawai_aktif,
        pns: r.pns,
        pppk: r.pppk,
        pegawai_tanpa_jabatan: r.pegawai_tanpa_jabatan,
        penilaian_total: r.penilaian_total,
        penilaian_berlaku: r.penilaian_berlaku,
        pegawai_dinilai: r.pegawai_dinilai,
        skp_tahun_terakhir: r.skp_tahun_terakhir,
        skp_jumlah_terakhir: r.skp_jumlah_terakhir,
    }))
}

/// Largest page the API serves.
const MAX_PER_HALAMAN: u32 = 100;

/// Active employees within the reader's scope, searched and filtered, one page at a time.
#[utoipa::path(
    get, path = "/api/v1/pegawai", tag = "pegawai", security(("sesi" = [])),
    params(
        ("q" = Option<String>, Query, description = "Name (anywhere, case-insensitive) or NIP digits"),
        ("opd" = Option<i64>, Query, description = "An OPD id: that OPD and its units"),
        ("unit" = Option<i64>, Query, description = "A unit id: that unit and below (wins over opd)"),
        ("jenis" = Option<String>, Query, description = "Position type code, e.g. `fungsional`"),
        ("status" = Option<String>, Query, description = "`pns` or `pppk`"),
        ("halaman" = Option<u32>, Query, description = "Page number, from 1"),
        ("per_halaman" = Option<u32>, Query, description = "Rows per page, 1 to 100 (default 25)"),
    ),
    responses(
        (status = 200, body = HalamanPegawaiDto),
        (status = 400, description = "A parameter has an unknown value", body = ErrorBody),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 403, description = "The role sees no personal data (mitra)", body = ErrorBody),
    )
)]
pub(crate) async fn daftar_pegawai(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Json<HalamanPegawaiDto>, ApiError> {
    wajib_data_pribadi(&sesi)?;
    let (mut f, mut masalah) = filter_pegawai(&params);
    let per_halaman = match params.get("per_halaman").map(str::parse::<u32>) {
        None => crate::halaman::pegawai::PER_HALAMAN,
        Some(Ok(n)) if (1..=MAX_PER_HALAMAN).contains(&n) => n,
        Some(_) => {
            masalah.push(format!("per_halaman harus 1 sampai {MAX_PER_HALAMAN}."));
            0
        }
    };
    let units = PetaUnit::muat(state.store(), &sesi).await?;
    saring_unit(&mut f, &units, &mut masalah);
    tolak_masalah(&masalah)?;
    let page = cari(state.store(), &sesi, &f, per_halaman).await?;
    Ok(Json(HalamanPegawaiDto {
        items: page.items.iter().map(PegawaiRingkasDto::from).collect(),
        total: page.total,
        halaman: page.halaman,
        per_halaman: page.per_halaman,
        jumlah_halaman: page.jumlah_halaman(),
    }))
}

/// One employee: profile, current levels against the position's standard, assessments, SKP.
#[utoipa::path(
    get, path = "/api/v1/pegawai/{id}", tag = "pegawai", security(("sesi" = [])),
    params(("id" = i64, Path, description = "Employee id")),
    responses(
        (status = 200, body = PegawaiDetailDto),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 403, description = "Outside the reader's scope (pimpinan, mitra)", body = ErrorBody),
        (status = 404, description = "No such employee (or, for a pegawai, not their own)", body = ErrorBody),
    )
)]
pub(crate) async fn detail_pegawai(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
) -> Result<Json<PegawaiDetailDto>, ApiError> {
    let id = PegawaiId(id_api(&raw)?);
    let p = profil_pegawai(&state, &sesi, id).await?;
    let g = &p.pegawai;
    let jalur: Vec<UnitRefDto> = p
        .units
        .jalur(g.unit)
        .into_iter()
        .map(UnitRefDto::from)
        .collect();
    let unit = match p.units.get(g.unit) {
        Some(u) => UnitRefDto::from(u),
        None => {
            return Err(ApiError(AppError::Internal(format!(
                "unit {} missing",
                g.unit
            ))));
        }
    };
    Ok(Json(PegawaiDetailDto {
        id: g.id.0,
        nip: g.nip.as_str().to_owned(),
        nama: g.nama.clone(),
        gelar_depan: g.gelar_depan.clone(),
        gelar_belakang: g.gelar_belakang.clone(),
        nama_lengkap: g.nama_lengkap(),
        status: g.status.code(),
        golongan: g.golongan.code(),
        golongan_label: g.golongan.label(),
        pendidikan: g.pendidikan.code(),
        jenis_kelamin: g.jenis_kelamin.code(),
        tanggal_lahir: iso(g.tanggal_lahir),
        tmt_cpns: g
            .nip
            .tmt_cpns()
            .map(|t| format!("{:04}-{:02}", t.tahun, u8::from(t.bulan))),
        aktif: g.aktif,
        jabatan: p.jabatan.as_ref().map(JabatanRefDto::from),
        unit,
        unit_jalur: jalur,
        level_saat_ini: p.level.iter().map(LevelSaatIniDto::from).collect(),
        kesenjangan: kesenjangan_dto(&p.kesenjangan),
        penilaian: p
            .penilaian
            .iter()
            .map(|n| penilaian_dto(n, p.hari_ini))
            .collect(),
        skp: p
            .skp
            .iter()
            .map(|s| SkpDto {
                tahun: s.tahun,
                predikat: s.predikat.code(),
                predikat_label: s.predikat.label(),
            })
            .collect(),
        hari_ini: iso(p.hari_ini),
    }))
}

/// Positions with holder counts within the reader's scope.
#[utoipa::path(
    get, path = "/api/v1/jabatan", tag = "jabatan", security(("sesi" = [])),
    params(
        ("q" = Option<String>, Query, description = "Name or code"),
        ("opd" = Option<i64>, Query, description = "A unit id: positions of that unit and below"),
        ("jenis" = Option<String>, Query, description = "Position type code, e.g. `pengawas`"),
    ),
    responses(
        (status = 200, body = Vec<JabatanDto>),
        (status = 400, description = "A parameter has an unknown value", body = ErrorBody),
        (status = 401, description = "No session", body = ErrorBody),
    )
)]
pub(crate) async fn daftar_jabatan_api(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Json<Vec<JabatanDto>>, ApiError> {
    let (f, mut masalah) = filter_jabatan(&params);
    if let Some(u) = f.opd {
        let units = PetaUnit::muat(state.store(), &sesi).await?;
        if units.get(u).is_none() {
            masalah.push("OPD yang dipilih tidak ditemukan.".to_owned());
        }
    }
    tolak_masalah(&masalah)?;
    let rows = daftar_jabatan(&state, &sesi, &query_jabatan(&f)).await?;
    Ok(Json(
        rows.iter()
            .map(|b| JabatanDto {
                jabatan: JabatanRefDto::from(&b.row.jabatan),
                unit_nama: b.row.unit_nama.clone(),
                jumlah_standar: b.row.jumlah_standar,
                jumlah_pegawai: b.pemegang,
            })
            .collect(),
    ))
}

/// One position with its competency standard and its holders within scope.
#[utoipa::path(
    get, path = "/api/v1/jabatan/{id}", tag = "jabatan", security(("sesi" = [])),
    params(("id" = i64, Path, description = "Position id")),
    responses(
        (status = 200, body = JabatanDetailDto),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 404, description = "No such position", body = ErrorBody),
    )
)]
pub(crate) async fn detail_jabatan_api(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
) -> Result<Json<JabatanDetailDto>, ApiError> {
    let id = JabatanId(id_api(&raw)?);
    let d = detail_jabatan(&state, &sesi, id).await?;
    Ok(Json(JabatanDetailDto {
        jabatan: JabatanRefDto::from(&d.jabatan),
        unit_jalur: d
            .units
            .jalur(d.jabatan.unit)
            .into_iter()
            .map(UnitRefDto::from)
            .collect(),
        standar: d
            .standar
            .iter()
            .map(|s| StandarDto {
                kompetensi_id: s.kompetensi.0,
                kode: s.kode.clone(),
                nama: s.nama.clone(),
                kelompok: s.kelompok.code(),
                level: s.level.get(),
                bobot: s.bobot,
            })
            .collect(),
        pemegang: d
            .pemegang
            .as_ref()
            .map(|rows| rows.iter().map(PegawaiRingkasDto::from).collect()),
    }))
}

/// Every unit kerja in tree order, with employee counts within scope.
#[utoipa::path(
    get, path = "/api/v1/unit", tag = "unit", security(("sesi" = [])),
    responses(
        (status = 200, body = Vec<UnitDto>),
        (status = 401, description = "No session", body = ErrorBody),
    )
)]
pub(crate) async fn daftar_unit(
    State(state): State<AppState>,
    sesi: Sesi,
) -> Result<Json<Vec<UnitDto>>, ApiError> {
    let pohon = pohon_unit(&state, &sesi).await?;
    Ok(Json(
        pohon
            .units
            .units
            .iter()
            .map(|u| UnitDto {
                id: u.id.0,
                induk: u.induk.map(|i| i.0),
                kode: u.kode.clone(),
                nama: u.nama.clone(),
                jenis: u.jenis.code(),
                jalur: u.jalur.iter().map(|j| j.0).collect(),
                // Outside the scope a zero would read as "empty": no count.
                jumlah_pegawai: pohon
                    .jumlah
                    .as_ref()
                    .filter(|_| lingkup_mencakup_unit(sesi.lingkup(), u))
                    .map(|m| m.get(&u.id).copied().unwrap_or(0)),
            })
            .collect(),
    ))
}

/// The competency dictionary, without the level descriptions.
#[utoipa::path(
    get, path = "/api/v1/kompetensi", tag = "kompetensi", security(("sesi" = [])),
    responses(
        (status = 200, body = Vec<KompetensiDto>),
        (status = 401, description = "No session", body = ErrorBody),
    )
)]
pub(crate) async fn daftar_kompetensi(
    State(state): State<AppState>,
    sesi: Sesi,
) -> Result<Json<Vec<KompetensiDto>>, ApiError> {
    let list = state.store().list_kompetensi(sesi.instansi_id()).await?;
    Ok(Json(
        list.iter().map(|k| kompetensi_dto(k, false)).collect(),
    ))
}

/// One competency with its five levels and their indicators.
#[utoipa::path(
    get, path = "/api/v1/kompetensi/{id}", tag = "kompetensi", security(("sesi" = [])),
    params(("id" = i64, Path, description = "Competency id")),
    responses(
        (status = 200, body = KompetensiDto),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 404, description = "No such competency", body = ErrorBody),
    )
)]
pub(crate) async fn detail_kompetensi(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
) -> Result<Json<KompetensiDto>, ApiError> {
    let id = KompetensiId(id_api(&raw)?);
    let k = state.store().kompetensi(sesi.instansi_id(), id).await?;
    Ok(Json(kompetensi_dto(&k, true)))
}

// ---------------------------------------------------------------- OpenAPI

struct SesiCookie;

impl Modify for SesiCookie {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "sesi",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                crate::sesi::COOKIE_SESI,
                "The session cookie set by logging in at /masuk",
            ))),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Kompeten API",
        description = "Read access to Kompeten's competency data. Every call is scoped by the \
                       role of the signed-in account, exactly like the pages."
    ),
    paths(
        healthz,
        ringkasan,
        daftar_pegawai,
        detail_pegawai,
        daftar_jabatan_api,
        detail_jabatan_api,
        daftar_unit,
        daftar_kompetensi,
        detail_kompetensi,
    ),
    components(schemas(ErrorBody, ErrorDetail)),
    modifiers(&SesiCookie),
    tags(
        (name = "sistem", description = "Health"),
        (name = "ringkasan", description = "Summary counts"),
        (name = "pegawai", description = "Employees (personal data; not for mitra)"),
        (name = "jabatan", description = "Positions and their standards"),
        (name = "unit", description = "Unit kerja"),
        (name = "kompetensi", description = "The competency dictionary"),
    )
)]
pub(crate) struct ApiDoc;

/// The OpenAPI 3.1 document; served without login.
pub(crate) async fn openapi_json() -> Response {
    static DOC: OnceLock<Option<String>> = OnceLock::new();
    let doc = DOC.get_or_init(|| {
        match ApiDoc::openapi()
            .merge_from(crate::api_tulis::ApiTulisDoc::openapi())
            .merge_from(crate::halaman::impor::ApiImporDoc::openapi())
            .merge_from(crate::halaman::data_induk::ApiDataIndukDoc::openapi())
            .merge_from(crate::halaman::peta::ApiPetaDoc::openapi())
            .merge_from(crate::halaman::kecocokan::ApiKecocokanDoc::openapi())
            .merge_from(crate::halaman::sebaran::ApiSebaranDoc::openapi())
            .merge_from(crate::halaman::kualitas::ApiKualitasDoc::openapi())
            .merge_from(crate::halaman::kesesuaian::ApiKesesuaianDoc::openapi())
            .merge_from(crate::halaman::mitra::ApiMitraDoc::openapi())
            .merge_from(crate::halaman::katalog::ApiKatalogDoc::openapi())
            .merge_from(crate::halaman::rencana::ApiRencanaDoc::openapi())
            .merge_from(crate::halaman::kebutuhan::ApiKebutuhanDoc::openapi())
            .to_json()
        {
            Ok(json) => Some(json),
            Err(e) => {
                tracing::error!(error = %e, "cannot serialise the OpenAPI document");
                None
            }
        }
    });
    match doc {
        Some(json) => (
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            json.clone(),
        )
            .into_response(),
        None => crate::error::json_galat(&AppError::Internal("openapi".into())),
    }
}
