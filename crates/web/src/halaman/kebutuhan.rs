//! The year's development needs (AKPK) and the requests behind them.
//!
//! - `/kebutuhan`: needs per employee in the reader's scope — gaps against
//!   the position's standard, gaps known only from expired assessments and
//!   approved requests, weighted by the instansi's priority settings
//!   (`kompeten_io::kebutuhan`); `/kebutuhan/unduh` one row per employee ×
//!   competency; `GET /api/v1/kebutuhan`.
//! - `/usulan`: requested needs. A pegawai asks for themself (waits for the
//!   head of their unit), a pimpinan for anyone in their subtree and BKPSDM
//!   for anyone (both approved on entry). Waiting requests are approved or
//!   rejected by an admin or the pimpinan over the employee, or withdrawn by
//!   the employee who asked. Same rules in `/api/v1/usulan`.
//! - The "Prioritas kebutuhan" section of `/pengaturan` (admin writes).
//!
//! Mitra see no personal data and get 403 everywhere here.

use super::pegawai::{Pilihan, id_path};
use super::tulis::{Isian, ada, alihkan, ambil, isian_sah};
use super::{Layout, render, render_status};
use crate::AppState;
use crate::api_tulis::{GalatValidasiBody, IdDto, Tolak, badan, wajib_csrf_api};
use crate::error::{ApiError, AppError, ErrorBody, PageError};
use crate::format::{query_string, waktu};
use crate::layanan::{PetaUnit, lingkup_mencakup, wajib_data_pribadi};
use crate::params::{Params, tolak_masalah};
use crate::sesi::Sesi;
use crate::tulis::{GalatIsian, label_kompetensi, pelaku};
use crate::unduh::{self, Format};
use askama::Template;
use axum::Json;
use axum::extract::rejection::{FormRejection, JsonRejection};
use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use kompeten_domain::format::ribuan;
use kompeten_domain::{Role, StatusUsulan, SumberUsulan, tahun_perencanaan};
use kompeten_io::kebutuhan::{Kebutuhan, KebutuhanPegawai, PengaturanKebutuhan, SumberKebutuhan};
use kompeten_io::laporan_pengembangan::tabel_kebutuhan;
use kompeten_store::{
    KompetensiId, Lingkup, NewUsulan, PegawaiId, PegawaiQuery, ProgramId, ProgramQuery, StoreError,
    UnitId, Usulan, UsulanId, UsulanQuery,
};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use utoipa::{OpenApi, ToSchema};

/// Employees per page of the needs table; the download has them all.
const PER_HALAMAN: usize = 50;
/// Up to this many employees in scope the request form offers a list;
/// beyond it the writer types the NIP.
const BATAS_PILIHAN_PEGAWAI: u32 = 300;
/// Longest reason or decision note accepted.
const MAX_TEKS: usize = 2000;
/// Requests may be made for this year and the next ones up to this many.
const TAHUN_KE_DEPAN: i32 = 2;
/// Years the store accepts.
const TAHUN_SAH: std::ops::RangeInclusive<i32> = 2000..=2100;

// ---------------------------------------------------------------- rules

/// The source a request by this reader gets; `None` when they may not ask.
fn sumber_untuk(sesi: &Sesi) -> Option<SumberUsulan> {
    match sesi.role() {
        Role::Pegawai if sesi.akun.pegawai.is_some() => Some(SumberUsulan::Pegawai),
        Role::PimpinanOpd if sesi.akun.unit.is_some() => Some(SumberUsulan::Atasan),
        Role::AdminBkpsdm => Some(SumberUsulan::Bkpsdm),
        _ => None,
    }
}

/// Whether the reader's scope covers the request's employee.
fn terlihat(lingkup: Lingkup, u: &Usulan, units: &PetaUnit) -> bool {
    match lingkup {
        Lingkup::Instansi => true,
        Lingkup::Unit(akar) => units.get(u.unit).is_some_and(|x| x.di_bawah(akar)),
        Lingkup::Pegawai(p) => p == u.pegawai,
        Lingkup::Kosong => false,
    }
}

/// Approve or reject: admin, or a pimpinan over the employee.
fn boleh_setujui(sesi: &Sesi, u: &Usulan, units: &PetaUnit) -> bool {
    match sesi.role() {
        Role::AdminBkpsdm => true,
        Role::PimpinanOpd => terlihat(sesi.lingkup(), u, units),
        _ => false,
    }
}

/// Withdraw: only the employee the request is for, signed in as themself.
fn boleh_batalkan(sesi: &Sesi, u: &Usulan) -> bool {
    sesi.role() == Role::Pegawai && sesi.lingkup() == Lingkup::Pegawai(u.pegawai)
}

fn kelas_status(s: StatusUsulan) -> &'static str {
    match s {
        StatusUsulan::Diajukan => "lencana-kurang",
        StatusUsulan::Disetujui => "lencana-berlaku",
        StatusUsulan::Ditolak => "lencana-kedaluwarsa",
        StatusUsulan::Dibatalkan => "lencana-netral",
    }
}

fn kelas_sumber(s: SumberKebutuhan) -> &'static str {
    match s {
        SumberKebutuhan::Kesenjangan => "lencana-kurang",
        SumberKebutuhan::Kedaluwarsa => "lencana-kedaluwarsa",
        SumberKebutuhan::Usulan => "lencana-berlaku",
    }
}

/// Free text: trimmed, length and control characters checked.
fn periksa_teks(value: &str, wajib: bool) -> Result<String, String> {
    let v = value.trim();
    if wajib && v.is_empty() {
        Err("Wajib diisi.".to_owned())
    } else if v.chars().count() > MAX_TEKS {
        Err(format!("Paling banyak {MAX_TEKS} karakter."))
    } else if v
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        Err("Berisi karakter yang tidak diizinkan.".to_owned())
    } else {
        Ok(v.to_owned())
    }
}

/// A year filter: `None` when absent, a message when unusable.
fn urai_tahun(p: &Params, masalah: &mut Vec<String>) -> Option<i32> {
    let v = p.get("tahun")?;
    match v.parse::<i32>() {
        Ok(t) if TAHUN_SAH.contains(&t) => Some(t),
        _ => {
            masalah.push(format!(
                "Tahun \"{v}\" tidak valid; filter tahun diabaikan."
            ));
            None
        }
    }
}

fn urai_opd(p: &Params, masalah: &mut Vec<String>) -> Option<UnitId> {
    let v = p.get("opd")?;
    match v.parse::<i64>() {
        Ok(id) if id > 0 => Some(UnitId(id)),
        _ => {
            masalah.push(format!(
                "Nilai opd \"{v}\" tidak dikenal; filter ini diabaikan."
            ));
            None
        }
    }
}

/// One decimal, Indonesian style: "12,5".
fn desimal(x: f64) -> String {
    let persepuluh = (x * 10.0).round().max(0.0) as u64;
    format!("{},{}", ribuan(persepuluh / 10), persepuluh % 10)
}

/// A factor as typed back into a form: "1,5", "0,05".
fn faktor_teks(x: f64) -> String {
    x.to_string().replace('.', ",")
}

// ---------------------------------------------------------------- needs

/// The needs filters: year (default this year), OPD and page.
struct FilterKebutuhan {
    tahun: i32,
    opd: Option<UnitId>,
    halaman: usize,
}

fn filter_kebutuhan(p: &Params, tahun_bawaan: i32) -> (FilterKebutuhan, Vec<String>) {
    let mut masalah = Vec::new();
    let tahun = urai_tahun(p, &mut masalah).unwrap_or(tahun_bawaan);
    let opd = urai_opd(p, &mut masalah);
    let halaman = match p.get("halaman").map(str::parse::<usize>) {
        None => 1,
        Some(Ok(h)) if h >= 1 => h,
        Some(_) => {
            masalah.push("Nomor halaman tidak valid; halaman pertama ditampilkan.".to_owned());
            1
        }
    };
    (
        FilterKebutuhan {
            tahun,
            opd,
            halaman,
        },
        masalah,
    )
}

/// The instansi's needs of a year (cached, see [`crate::analitik::kebutuhan`])
/// and which of its employees the reader sees.
struct KebutuhanLingkup {
    semua: Arc<Kebutuhan>,
    terlihat: Vec<usize>,
}

impl KebutuhanLingkup {
    fn tahun(&self) -> i32 {
        self.semua.tahun
    }

    fn pengaturan(&self) -> &PengaturanKebutuhan {
        &self.semua.pengaturan
    }

    /// The employees in the reader's scope, in the needs' order.
    fn pegawai(&self) -> impl Iterator<Item = &KebutuhanPegawai> {
        self.terlihat.iter().map(|&n| &self.semua.pegawai[n])
    }
}

/// Whether a needs row is within `lingkup` (`units` is read only for a
/// unit scope).
fn dalam_lingkup(lingkup: Lingkup, p: &KebutuhanPegawai, units: Option<&PetaUnit>) -> bool {
    match lingkup {
        Lingkup::Instansi => true,
        Lingkup::Unit(akar) => {
            units.is_some_and(|u| u.get(p.unit).is_some_and(|x| x.di_bawah(akar)))
        }
        Lingkup::Pegawai(id) => p.pegawai == id,
        Lingkup::Kosong => false,
    }
}

async fn muat_kebutuhan(
    state: &AppState,
    sesi: &Sesi,
    tahun: i32,
) -> Result<KebutuhanLingkup, AppError> {
    let semua = crate::analitik::kebutuhan(state, sesi.instansi_id(), tahun).await?;
    let lingkup = sesi.lingkup();
    let units = match lingkup {
        Lingkup::Unit(_) => Some(PetaUnit::muat(state.store(), sesi).await?),
        _ => None,
    };
    let terlihat = semua
        .pegawai
        .iter()
        .enumerate()
        .filter(|(_, p)| dalam_lingkup(lingkup, p, units.as_ref()))
        .map(|(n, _)| n)
        .collect();
    Ok(KebutuhanLingkup { semua, terlihat })
}

/// The OPDs present in the needs (the reader's scope), in the units' order
/// (the needs list employees by unit, in tree order).
fn opd_hadir(k: &KebutuhanLingkup) -> Vec<(UnitId, String)> {
    let mut seen = HashSet::new();
    k.pegawai()
        .filter(|p| seen.insert(p.opd))
        .map(|p| (p.opd, p.opd_nama.clone()))
        .collect()
}

/// Drops an OPD filter outside the needs read (the reader's scope).
fn saring_opd(
    k: &KebutuhanLingkup,
    opd: Option<UnitId>,
    masalah: &mut Vec<String>,
) -> Option<UnitId> {
    let o = opd?;
    if k.pegawai().any(|p| p.opd == o) {
        Some(o)
    } else {
        masalah.push("OPD itu tidak ada dalam lingkup Anda; filter ini diabaikan.".to_owned());
        None
    }
}

fn level_berbobot(p: &KebutuhanPegawai) -> f64 {
    p.kompetensi
        .iter()
        .map(|k| f64::from(k.gap) * k.bobot)
        .sum()
}

/// Totals over a set of employees' needs.
#[derive(Default)]
struct Jumlah {
    pegawai: u64,
    pegawai_butuh: u64,
    kebutuhan: u64,
    level: f64,
    kurang_jp: u64,
}

impl Jumlah {
    fn tambah(&mut self, p: &KebutuhanPegawai) {
        self.pegawai += 1;
        if !p.kompetensi.is_empty() {
            self.pegawai_butuh += 1;
        }
        self.kebutuhan += p.kompetensi.len() as u64;
        self.level += level_berbobot(p);
        if p.jp_kurang > 0 {
            self.kurang_jp += 1;
        }
    }
}

struct KartuKebutuhan {
    label: &'static str,
    nilai: String,
    rincian: String,
}

struct BarisOpd {
    id: i64,
    nama: String,
    pegawai: String,
    pegawai_butuh: String,
    kebutuhan: String,
    level: String,
}

struct Lencana {
    label: &'static str,
    kelas: &'static str,
}

struct KebutuhanView {
    kode: String,
    nama: String,
    gap: u32,
    bobot: String,
    sumber: Vec<Lencana>,
}

struct BarisPegawai {
    id: i64,
    nama: String,
    nip: String,
    unit: String,
    layanan_publik: bool,
    jp_kurang: String,
    level: String,
    kompetensi: Vec<KebutuhanView>,
}

#[derive(Template)]
#[template(path = "kebutuhan.html")]
struct KebutuhanTpl {
    layout: Layout,
    tahun: i32,
    opd: Vec<Pilihan>,
    masalah: Vec<String>,
    kartu: Vec<KartuKebutuhan>,
    per_opd: Vec<BarisOpd>,
    baris: Vec<BarisPegawai>,
    halaman: usize,
    jumlah_halaman: usize,
    sebelum: Option<String>,
    berikut: Option<String>,
    ekor: String,
    jp_target: i64,
    boleh_usul: bool,
    /// A pegawai's own needs: no OPD filter or table.
    pribadi: bool,
}

fn query_kebutuhan(tahun: i32, opd: Option<UnitId>, halaman: usize) -> String {
    query_string([
        ("tahun", tahun.to_string()),
        ("opd", opd.map(|o| o.to_string()).unwrap_or_default()),
        (
            "halaman",
            if halaman > 1 {
                halaman.to_string()
            } else {
                String::new()
            },
        ),
    ])
}

pub(crate) async fn halaman(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Response, PageError> {
    wajib_data_pribadi(&sesi)?;
    let (f, mut masalah) = filter_kebutuhan(&params, tahun_perencanaan(state.hari_ini()));
    let k = muat_kebutuhan(&state, &sesi, f.tahun).await?;
    let opd = saring_opd(&k, f.opd, &mut masalah);
    let dipilih: Vec<&KebutuhanPegawai> = k
        .pegawai()
        .filter(|p| opd.is_none_or(|o| p.opd == o))
        .collect();
    let mut total = Jumlah::default();
    // OPD in the order they first appear: the units' order.
    let mut per_opd: Vec<((String, UnitId), Jumlah)> = Vec::new();
    let mut baris_opd: HashMap<UnitId, usize> = HashMap::new();
    for p in &dipilih {
        total.tambah(p);
        let n = *baris_opd.entry(p.opd).or_insert_with(|| {
            per_opd.push(((p.opd_nama.clone(), p.opd), Jumlah::default()));
            per_opd.len() - 1
        });
        per_opd[n].1.tambah(p);
    }
    // A pegawai reads their own needs: cards about themself, no OPD view.
    let pribadi = sesi.role() == Role::Pegawai;
    let kartu = if pribadi {
        vec![
            KartuKebutuhan {
                label: "Kebutuhan kompetensi Anda",
                nilai: ribuan(total.kebutuhan),
                rincian: "kompetensi yang perlu ditingkatkan".to_owned(),
            },
            KartuKebutuhan {
                label: "Level berbobot",
                nilai: desimal(total.level),
                rincian: "level yang perlu dinaikkan, dikali bobot prioritas".to_owned(),
            },
            KartuKebutuhan {
                label: "JP yang masih kurang",
                nilai: ribuan(
                    dipilih
                        .iter()
                        .map(|p| u64::try_from(p.jp_kurang).unwrap_or(0))
                        .sum(),
                ),
                rincian: format!("menuju target {} JP tahun ini", k.pengaturan().jp_target),
            },
        ]
    } else {
        vec![
            KartuKebutuhan {
                label: "Pegawai dengan kebutuhan",
                nilai: ribuan(total.pegawai_butuh),
                rincian: format!("dari {} pegawai aktif", ribuan(total.pegawai)),
            },
            KartuKebutuhan {
                label: "Kebutuhan kompetensi",
                nilai: ribuan(total.kebutuhan),
                rincian: "pasangan pegawai × kompetensi".to_owned(),
            },
            KartuKebutuhan {
                label: "Level berbobot",
                nilai: desimal(total.level),
                rincian: "level yang perlu dinaikkan, dikali bobot prioritas".to_owned(),
            },
            KartuKebutuhan {
                label: "Belum mencapai target JP",
                nilai: ribuan(total.kurang_jp),
                rincian: format!("pegawai di bawah {} JP tahun ini", k.pengaturan().jp_target),
            },
        ]
    };
    let per_opd = per_opd
        .into_iter()
        .filter(|_| !pribadi)
        .map(|((nama, id), j)| BarisOpd {
            id: id.0,
            nama,
            pegawai: ribuan(j.pegawai),
            pegawai_butuh: ribuan(j.pegawai_butuh),
            kebutuhan: ribuan(j.kebutuhan),
            level: desimal(j.level),
        })
        .collect();
    let berkebutuhan: Vec<&&KebutuhanPegawai> = dipilih
        .iter()
        .filter(|p| !p.kompetensi.is_empty())
        .collect();
    let jumlah_halaman = berkebutuhan.len().div_ceil(PER_HALAMAN).max(1);
    let halaman = f.halaman.min(jumlah_halaman);
    let baris = berkebutuhan
        .iter()
        .skip((halaman - 1) * PER_HALAMAN)
        .take(PER_HALAMAN)
        .map(|p| BarisPegawai {
            id: p.pegawai.0,
            nama: p.nama.clone(),
            nip: p.nip.to_string(),
            unit: if p.unit == p.opd {
                p.opd_nama.clone()
            } else {
                format!("{} › {}", p.opd_nama, p.unit_nama)
            },
            layanan_publik: p.layanan_publik,
            jp_kurang: ribuan(u64::try_from(p.jp_kurang).unwrap_or(0)),
            level: desimal(level_berbobot(p)),
            kompetensi: p
                .kompetensi
                .iter()
                .map(|c| KebutuhanView {
                    kode: c.kode.clone(),
                    nama: c.nama.clone(),
                    gap: c.gap,
                    bobot: format!("{:.2}", c.bobot).replace('.', ","),
                    sumber: c
                        .sumber
                        .iter()
                        .map(|s| Lencana {
                            label: s.label(),
                            kelas: kelas_sumber(*s),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    let pilihan_opd = opd_hadir(&k)
        .into_iter()
        .map(|(id, nama)| Pilihan {
            nilai: id.to_string(),
            label: nama,
            dipilih: opd == Some(id),
        })
        .collect();
    render(&KebutuhanTpl {
        layout: Layout::untuk(&sesi, "Kebutuhan Pengembangan (AKPK)", "kebutuhan"),
        tahun: f.tahun,
        opd: pilihan_opd,
        masalah,
        kartu,
        per_opd,
        baris,
        halaman,
        jumlah_halaman,
        sebelum: (halaman > 1).then(|| query_kebutuhan(f.tahun, opd, halaman - 1)),
        berikut: (halaman < jumlah_halaman).then(|| query_kebutuhan(f.tahun, opd, halaman + 1)),
        ekor: query_kebutuhan(f.tahun, opd, 1)
            .trim_start_matches('?')
            .to_owned(),
        jp_target: k.pengaturan().jp_target,
        boleh_usul: sumber_untuk(&sesi).is_some(),
        pribadi,
    })
}

/// The needs and the filters of a download or an API call: every unusable
/// filter is a 400.
async fn kebutuhan_ketat(
    state: &AppState,
    sesi: &Sesi,
    params: &Params,
) -> Result<(KebutuhanLingkup, Option<UnitId>), AppError> {
    wajib_data_pribadi(sesi)?;
    let (f, masalah) = filter_kebutuhan(params, tahun_perencanaan(state.hari_ini()));
    tolak_masalah(&masalah)?;
    let k = muat_kebutuhan(state, sesi, f.tahun).await?;
    let mut masalah = Vec::new();
    let opd = saring_opd(&k, f.opd, &mut masalah);
    tolak_masalah(&masalah)?;
    Ok((k, opd))
}

/// `/kebutuhan/unduh?tahun=&opd=&format=xlsx|csv`: one row per employee ×
/// competency need.
pub(crate) async fn unduh(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Response, PageError> {
    wajib_data_pribadi(&sesi)?;
    let format = Format::dari(&params)?;
    let (k, opd) = kebutuhan_ketat(&state, &sesi, &params).await?;
    let tabel = tabel_kebutuhan(
        &sesi.instansi.nama,
        state.hari_ini(),
        k.tahun(),
        k.pengaturan(),
        k.pegawai().filter(|p| opd.is_none_or(|o| p.opd == o)),
    );
    Ok(unduh::respons(
        &tabel,
        format,
        "kebutuhan-pengembangan",
        state.hari_ini(),
    )?)
}

#[derive(Serialize, ToSchema)]
pub(crate) struct PengaturanKebutuhanDto {
    pub jp_target: i64,
    pub jp_value: f64,
    pub jp_cap: i64,
    pub bobot_layanan_publik: f64,
    /// Codes of the front-line units (each with everything below it).
    pub unit_layanan_publik: Vec<String>,
    pub bobot_kedaluwarsa: f64,
    pub bobot_usulan: f64,
    /// Whole rupiah.
    pub anggaran: i64,
}

impl From<&PengaturanKebutuhan> for PengaturanKebutuhanDto {
    fn from(a: &PengaturanKebutuhan) -> Self {
        PengaturanKebutuhanDto {
            jp_target: a.jp_target,
            jp_value: a.jp_value,
            jp_cap: a.jp_cap,
            bobot_layanan_publik: a.bobot_layanan_publik,
            unit_layanan_publik: a.unit_layanan_publik.clone(),
            bobot_kedaluwarsa: a.bobot_kedaluwarsa,
            bobot_usulan: a.bobot_usulan,
            anggaran: a.anggaran,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub(crate) struct KebutuhanKompetensiDto {
    pub kompetensi_id: i64,
    pub kode: String,
    pub nama: String,
    /// Levels to raise.
    pub gap: u32,
    /// The weight after the priority factors.
    pub bobot: f64,
    /// `kesenjangan`, `kedaluwarsa` and/or `usulan`.
    pub sumber: Vec<&'static str>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct KebutuhanPegawaiDto {
    pub pegawai_id: i64,
    pub nip: String,
    pub nama: String,
    pub unit_id: i64,
    pub unit_nama: String,
    pub opd_id: i64,
    pub opd_nama: String,
    pub layanan_publik: bool,
    pub jp_kurang: i64,
    pub kompetensi: Vec<KebutuhanKompetensiDto>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct KebutuhanDto {
    pub tahun: i32,
    pub pengaturan: PengaturanKebutuhanDto,
    /// Every active employee in the reader's scope (and OPD filter),
    /// including those without competency needs.
    pub pegawai: Vec<KebutuhanPegawaiDto>,
}

#[utoipa::path(
    get, path = "/api/v1/kebutuhan", tag = "kebutuhan", security(("sesi" = [])),
    params(
        ("tahun" = Option<i32>, Query, description = "Year of the needs; this year by default"),
        ("opd" = Option<i64>, Query, description = "Only this OPD (within the reader's scope)"),
    ),
    responses(
        (status = 200, body = KebutuhanDto),
        (status = 400, description = "Unusable filter", body = ErrorBody),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 403, description = "Mitra", body = ErrorBody),
    )
)]
pub(crate) async fn api_kebutuhan(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Json<KebutuhanDto>, ApiError> {
    let (k, opd) = kebutuhan_ketat(&state, &sesi, &params).await?;
    Ok(Json(KebutuhanDto {
        tahun: k.tahun(),
        pengaturan: k.pengaturan().into(),
        pegawai: k
            .pegawai()
            .filter(|p| opd.is_none_or(|o| p.opd == o))
            .map(|p| KebutuhanPegawaiDto {
                pegawai_id: p.pegawai.0,
                nip: p.nip.as_str().to_owned(),
                nama: p.nama.clone(),
                unit_id: p.unit.0,
                unit_nama: p.unit_nama.clone(),
                opd_id: p.opd.0,
                opd_nama: p.opd_nama.clone(),
                layanan_publik: p.layanan_publik,
                jp_kurang: p.jp_kurang,
                kompetensi: p
                    .kompetensi
                    .iter()
                    .map(|c| KebutuhanKompetensiDto {
                        kompetensi_id: c.kompetensi.0,
                        kode: c.kode.clone(),
                        nama: c.nama.clone(),
                        gap: c.gap,
                        bobot: c.bobot,
                        sumber: c.sumber.iter().map(|s| s.kode()).collect(),
                    })
                    .collect(),
            })
            .collect(),
    }))
}

// ---------------------------------------------------------------- requests: list

struct BarisUsulan {
    id: i64,
    pegawai: String,
    nip: String,
    unit: String,
    tahun: i32,
    kompetensi: String,
    naik_level: u8,
    program: Option<String>,
    alasan: String,
    sumber: &'static str,
    status: &'static str,
    kelas: &'static str,
    diajukan: String,
    diputus: Option<String>,
    catatan: Option<String>,
    boleh_putus: bool,
    boleh_batal: bool,
}

#[derive(Template)]
#[template(path = "usulan_daftar.html")]
struct DaftarUsulanTpl {
    layout: Layout,
    csrf: String,
    tahun: String,
    status: Vec<Pilihan>,
    masalah: Vec<String>,
    boleh_usul: bool,
    baris: Vec<BarisUsulan>,
}

fn filter_usulan(p: &Params) -> (Option<i32>, Option<StatusUsulan>, Vec<String>) {
    let mut masalah = Vec::new();
    let tahun = urai_tahun(p, &mut masalah);
    let status = p
        .get("status")
        .and_then(|v| match StatusUsulan::from_code(v) {
            Ok(s) => Some(s),
            Err(_) => {
                masalah.push(format!(
                    "Status \"{v}\" tidak dikenal; filter ini diabaikan."
                ));
                None
            }
        });
    (tahun, status, masalah)
}

async fn daftar_usulan(
    state: &AppState,
    sesi: &Sesi,
    tahun: Option<i32>,
    status: Option<StatusUsulan>,
) -> Result<(Vec<Usulan>, PetaUnit), AppError> {
    let store = state.store();
    let rows = store
        .list_usulan(
            sesi.instansi_id(),
            &UsulanQuery {
                lingkup: sesi.lingkup(),
                tahun,
                status,
            },
        )
        .await?;
    let units = PetaUnit::muat(store, sesi).await?;
    Ok((rows, units))
}

pub(crate) async fn usulan_daftar(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Response, PageError> {
    wajib_data_pribadi(&sesi)?;
    let (tahun, status, masalah) = filter_usulan(&params);
    let (rows, units) = daftar_usulan(&state, &sesi, tahun, status).await?;
    let offset = state.config().utc_offset;
    let baris = rows
        .iter()
        .map(|u| {
            let menunggu = u.status.boleh_diputus();
            BarisUsulan {
                id: u.id.0,
                pegawai: u.nama_pegawai.clone(),
                nip: u.nip.to_string(),
                unit: if u.unit == u.opd {
                    u.opd_nama.clone()
                } else {
                    format!("{} › {}", u.opd_nama, u.unit_nama)
                },
                tahun: u.tahun,
                kompetensi: format!("{} {}", u.kompetensi_kode, u.kompetensi_nama),
                naik_level: u.naik_level,
                program: u
                    .program_kode
                    .as_ref()
                    .map(|k| format!("{k} {}", u.program_judul.clone().unwrap_or_default())),
                alasan: u.alasan.clone(),
                sumber: u.sumber.label(),
                status: u.status.label(),
                kelas: kelas_status(u.status),
                diajukan: format!("{}, {}", u.diajukan_oleh, waktu(u.diajukan_pada, offset)),
                diputus: match (&u.diputus_oleh, u.diputus_pada) {
                    (Some(o), Some(t)) if !menunggu => Some(format!("{o}, {}", waktu(t, offset))),
                    _ => None,
                },
                catatan: u.catatan_putusan.clone(),
                boleh_putus: menunggu && boleh_setujui(&sesi, u, &units),
                boleh_batal: menunggu && boleh_batalkan(&sesi, u),
            }
        })
        .collect();
    render(&DaftarUsulanTpl {
        layout: Layout::untuk(&sesi, "Usulan Kebutuhan", "usulan"),
        csrf: sesi.csrf.clone(),
        tahun: tahun.map(|t| t.to_string()).unwrap_or_default(),
        status: StatusUsulan::ALL
            .iter()
            .map(|s| Pilihan {
                nilai: s.code().to_owned(),
                label: s.label().to_owned(),
                dipilih: status == Some(*s),
            })
            .collect(),
        masalah,
        boleh_usul: sumber_untuk(&sesi).is_some(),
        baris,
    })
}

// ---------------------------------------------------------------- requests: form

/// The request form as typed.
#[derive(Debug, Clone, Default)]
struct IsianUsulan {
    pegawai: String,
    nip: String,
    tahun: String,
    kompetensi: String,
    naik_level: String,
    program: String,
    alasan: String,
}

impl IsianUsulan {
    fn dari_isian(p: &Isian) -> Self {
        IsianUsulan {
            pegawai: ambil(p, "pegawai").to_owned(),
            nip: ambil(p, "nip").to_owned(),
            tahun: ambil(p, "tahun").to_owned(),
            kompetensi: ambil(p, "kompetensi").to_owned(),
            naik_level: ambil(p, "naik_level").to_owned(),
            program: ambil(p, "program").to_owned(),
            alasan: ambil(p, "alasan").to_owned(),
        }
    }
}

fn tahun_boleh(tahun_ini: i32) -> std::ops::RangeInclusive<i32> {
    tahun_ini..=tahun_ini + TAHUN_KE_DEPAN
}

/// Checks a request; the record to write, or a message per field.
async fn periksa_usulan(
    state: &AppState,
    sesi: &Sesi,
    sumber: SumberUsulan,
    isian: &IsianUsulan,
) -> Result<Result<NewUsulan, GalatIsian>, AppError> {
    let store = state.store();
    let i = sesi.instansi_id();
    let mut galat = GalatIsian::new();

    let pegawai = if let (Role::Pegawai, Some(p)) = (sesi.role(), sesi.akun.pegawai) {
        Some(p)
    } else {
        let dicari = if let Some(id) = isian
            .pegawai
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|id| *id > 0)
        {
            match store.pegawai(i, PegawaiId(id)).await {
                Ok(p) => Some(p),
                Err(StoreError::NotFound(_)) => None,
                Err(e) => return Err(e.into()),
            }
        } else {
            let digits: String = isian.nip.chars().filter(char::is_ascii_digit).collect();
            if digits.len() == 18 {
                store.pegawai_by_nip(i, &digits).await?
            } else {
                None
            }
        };
        let units = PetaUnit::muat(store, sesi).await?;
        match dicari {
            Some(p) if !lingkup_mencakup(sesi.lingkup(), &p, &units) => {
                galat.insert("pegawai".into(), "Pegawai ini di luar lingkup Anda.".into());
                None
            }
            Some(p) if !p.aktif => {
                galat.insert("pegawai".into(), "Pegawai ini tidak aktif.".into());
                None
            }
            Some(p) => Some(p.id),
            None => {
                galat.insert(
                    "pegawai".into(),
                    "Pilih pegawai atau isi NIP 18 digit pegawai yang terdaftar.".into(),
                );
                None
            }
        }
    };

    let tahun_ini = state.hari_ini().year();
    let rentang = tahun_boleh(tahun_ini);
    let tahun = match isian.tahun.trim().parse::<i32>() {
        Ok(t) if rentang.contains(&t) => Some(t),
        _ => {
            galat.insert(
                "tahun".into(),
                format!(
                    "Tahun harus antara {} dan {}.",
                    rentang.start(),
                    rentang.end()
                ),
            );
            None
        }
    };

    let kamus = store.list_kompetensi(i).await?;
    let kompetensi = isian
        .kompetensi
        .trim()
        .parse::<i64>()
        .ok()
        .map(KompetensiId)
        .filter(|k| kamus.iter().any(|x| x.id == *k));
    if kompetensi.is_none() {
        galat.insert("kompetensi".into(), "Pilih kompetensi dari kamus.".into());
    }

    let naik_level = match isian.naik_level.trim().parse::<u8>() {
        Ok(n) if (1..=4).contains(&n) => Some(n),
        _ => {
            galat.insert(
                "naik_level".into(),
                "Kenaikan level harus 1 sampai 4.".into(),
            );
            None
        }
    };

    let program = match isian.program.trim() {
        "" => Some(None),
        t => {
            let dicari = match t.parse::<i64>().ok().filter(|id| *id > 0) {
                Some(id) => match store.program(i, ProgramId(id)).await {
                    Ok(p) => Some(p),
                    Err(StoreError::NotFound(_)) => None,
                    Err(e) => return Err(e.into()),
                },
                None => None,
            };
            match dicari {
                Some(p) if !p.aktif => {
                    galat.insert(
                        "program".into(),
                        "Program ini tidak aktif di katalog.".into(),
                    );
                    None
                }
                Some(p)
                    if kompetensi
                        .is_some_and(|k| !p.kompetensi.iter().any(|x| x.kompetensi == k)) =>
                {
                    galat.insert(
                        "program".into(),
                        "Program ini tidak meningkatkan kompetensi yang dipilih.".into(),
                    );
                    None
                }
                Some(p) => Some(Some(p.id)),
                None => {
                    galat.insert(
                        "program".into(),
                        "Pilih program dari katalog atau kosongkan.".into(),
                    );
                    None
                }
            }
        }
    };

    let alasan = match periksa_teks(&isian.alasan, true) {
        Ok(a) => Some(a),
        Err(m) => {
            galat.insert("alasan".into(), m);
            None
        }
    };

    // One open request per employee, year and competency: a second one
    // would count the same need twice.
    if let (Some(p), Some(t), Some(k)) = (pegawai, tahun, kompetensi) {
        let ada_terbuka = store
            .list_usulan(
                i,
                &UsulanQuery {
                    lingkup: Lingkup::Pegawai(p),
                    tahun: Some(t),
                    status: None,
                },
            )
            .await?
            .iter()
            .any(|u| {
                u.kompetensi == k
                    && matches!(u.status, StatusUsulan::Diajukan | StatusUsulan::Disetujui)
            });
        if ada_terbuka {
            galat.insert(
                "kompetensi".into(),
                format!(
                    "Sudah ada usulan yang menunggu atau disetujui untuk kompetensi ini pada tahun {t}."
                ),
            );
        }
    }

    Ok(
        match (pegawai, tahun, kompetensi, naik_level, program, alasan) {
            (
                Some(pegawai),
                Some(tahun),
                Some(kompetensi),
                Some(naik_level),
                Some(program),
                Some(alasan),
            ) if galat.is_empty() => Ok(NewUsulan {
                pegawai,
                tahun,
                kompetensi,
                naik_level,
                program,
                alasan,
                sumber,
            }),
            _ => Err(galat),
        },
    )
}

#[derive(Template)]
#[template(path = "usulan_form.html")]
struct FormUsulanTpl {
    layout: Layout,
    csrf: String,
    sumber: &'static str,
    /// The pegawai's own name and NIP; `None` for writers who choose.
    pegawai_tetap: Option<String>,
    /// Employees to choose from; `None` when there are too many (type the NIP).
    pilihan_pegawai: Option<Vec<Pilihan>>,
    nip: String,
    tahun: Vec<Pilihan>,
    kompetensi: Vec<Pilihan>,
    level: Vec<Pilihan>,
    program: Vec<Pilihan>,
    alasan: String,
    galat: GalatIsian,
    pesan: Option<String>,
}

fn wajib_pengusul(sesi: &Sesi) -> Result<SumberUsulan, AppError> {
    sumber_untuk(sesi).ok_or(AppError::Forbidden)
}

async fn halaman_form(
    state: &AppState,
    sesi: &Sesi,
    sumber: SumberUsulan,
    isian: &IsianUsulan,
    galat: GalatIsian,
    pesan: Option<String>,
) -> Result<Response, PageError> {
    let store = state.store();
    let i = sesi.instansi_id();
    let (pegawai_tetap, pilihan_pegawai) = match (sesi.role(), sesi.akun.pegawai) {
        (Role::Pegawai, Some(p)) => {
            let p = store.pegawai(i, p).await?;
            (Some(format!("{} · {}", p.nama_lengkap(), p.nip)), None)
        }
        _ => {
            let page = store
                .search_pegawai(
                    i,
                    &PegawaiQuery {
                        per_halaman: BATAS_PILIHAN_PEGAWAI,
                        ..PegawaiQuery::semua(sesi.lingkup())
                    },
                )
                .await?;
            let pilihan = (page.total <= u64::from(BATAS_PILIHAN_PEGAWAI)).then(|| {
                page.items
                    .iter()
                    .map(|p| Pilihan {
                        nilai: p.id.to_string(),
                        label: format!("{} · {} · {}", p.nama_lengkap, p.nip, p.unit_nama),
                        dipilih: isian.pegawai.trim() == p.id.to_string(),
                    })
                    .collect()
            });
            (None, pilihan)
        }
    };
    let tahun_ini = state.hari_ini().year();
    let tahun = tahun_boleh(tahun_ini)
        .map(|t| Pilihan {
            nilai: t.to_string(),
            label: t.to_string(),
            dipilih: isian.tahun.trim() == t.to_string(),
        })
        .collect();
    let mut kamus = store.list_kompetensi(i).await?;
    kamus.sort_by(|a, b| a.kode.cmp(&b.kode));
    let kompetensi = kamus
        .iter()
        .map(|k| Pilihan {
            nilai: k.id.to_string(),
            label: label_kompetensi(k),
            dipilih: isian.kompetensi.trim() == k.id.to_string(),
        })
        .collect();
    let level = (1..=4)
        .map(|n: u8| Pilihan {
            nilai: n.to_string(),
            label: format!("+{n}"),
            dipilih: isian.naik_level.trim() == n.to_string(),
        })
        .collect();
    let program = store
        .list_program(
            i,
            &ProgramQuery {
                aktif: Some(true),
                ..ProgramQuery::default()
            },
        )
        .await?
        .iter()
        .map(|p| Pilihan {
            nilai: p.id.to_string(),
            label: format!(
                "{} {} ({})",
                p.kode,
                p.judul,
                p.kompetensi
                    .iter()
                    .map(|k| k.kode.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            dipilih: isian.program.trim() == p.id.to_string(),
        })
        .collect();
    let status = if galat.is_empty() && pesan.is_none() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_status(
        &FormUsulanTpl {
            layout: Layout::untuk(sesi, "Ajukan kebutuhan pengembangan", "usulan"),
            csrf: sesi.csrf.clone(),
            sumber: sumber.label(),
            pegawai_tetap,
            pilihan_pegawai,
            nip: isian.nip.clone(),
            tahun,
            kompetensi,
            level,
            program,
            alasan: isian.alasan.clone(),
            galat,
            pesan,
        },
        status,
    )
}

pub(crate) async fn usulan_form(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Response, PageError> {
    let sumber = wajib_pengusul(&sesi)?;
    let tahun_ini = state.hari_ini().year();
    let isian = IsianUsulan {
        pegawai: params.get("pegawai").unwrap_or_default().to_owned(),
        tahun: params
            .get("tahun")
            .and_then(|t| t.parse::<i32>().ok())
            .filter(|t| tahun_boleh(tahun_ini).contains(t))
            .unwrap_or_else(|| tahun_perencanaan(state.hari_ini()))
            .to_string(),
        kompetensi: params.get("kompetensi").unwrap_or_default().to_owned(),
        naik_level: "1".to_owned(),
        ..IsianUsulan::default()
    };
    halaman_form(&state, &sesi, sumber, &isian, GalatIsian::new(), None).await
}

pub(crate) async fn usulan_kirim(
    State(state): State<AppState>,
    sesi: Sesi,
    form: Result<Form<Isian>, FormRejection>,
) -> Result<Response, PageError> {
    let sumber = wajib_pengusul(&sesi)?;
    let pairs = isian_sah(&sesi, form)?;
    let isian = IsianUsulan::dari_isian(&pairs);
    let (galat, pesan) = match periksa_usulan(&state, &sesi, sumber, &isian).await? {
        Ok(baru) => match state
            .store()
            .add_usulan(sesi.instansi_id(), &pelaku(&sesi), &baru)
            .await
        {
            Ok(_) => {
                let url = format!("/usulan?tahun={}", baru.tahun);
                return Ok(alihkan(&state, &url, "usulan-baru"));
            }
            Err(StoreError::Invalid(m) | StoreError::Conflict(m)) => {
                tracing::warn!(error = %m, "request refused by the store");
                (
                    GalatIsian::new(),
                    Some("Usulan tidak dapat disimpan; periksa kembali isian.".to_owned()),
                )
            }
            Err(e) => return Err(e.into()),
        },
        Err(galat) => (galat, None),
    };
    halaman_form(&state, &sesi, sumber, &isian, galat, pesan).await
}

// ---------------------------------------------------------------- requests: decisions

/// Decides a request after every check; `Ok` with the request as it is now.
async fn putus(
    state: &AppState,
    sesi: &Sesi,
    id: UsulanId,
    keputusan: &str,
    catatan: &str,
) -> Result<Usulan, AppError> {
    wajib_data_pribadi(sesi)?;
    let store = state.store();
    let i = sesi.instansi_id();
    let u = store.usulan(i, id).await?;
    let units = PetaUnit::muat(store, sesi).await?;
    if !terlihat(sesi.lingkup(), &u, &units) {
        // A pegawai is not told that someone else's request exists.
        return Err(if sesi.role() == Role::Pegawai {
            AppError::NotFound
        } else {
            AppError::Forbidden
        });
    }
    let ke = match StatusUsulan::from_code(keputusan.trim()) {
        Ok(s @ (StatusUsulan::Disetujui | StatusUsulan::Ditolak | StatusUsulan::Dibatalkan)) => s,
        _ => {
            return Err(AppError::BadRequest(
                "Keputusan harus disetujui, ditolak atau dibatalkan.".to_owned(),
            ));
        }
    };
    let boleh = match ke {
        StatusUsulan::Dibatalkan => boleh_batalkan(sesi, &u),
        _ => boleh_setujui(sesi, &u, &units),
    };
    if !boleh {
        return Err(AppError::Forbidden);
    }
    if !u.status.boleh_diputus() {
        return Err(AppError::BadRequest(format!(
            "Usulan ini sudah diputus ({}); tidak ada yang diubah.",
            u.status.label()
        )));
    }
    let catatan =
        periksa_teks(catatan, false).map_err(|m| AppError::BadRequest(format!("Catatan: {m}")))?;
    match store
        .putus_usulan(
            i,
            &pelaku(sesi),
            id,
            ke,
            (!catatan.is_empty()).then_some(catatan.as_str()),
        )
        .await
    {
        Ok(()) => {}
        // Decided by someone else in the meantime.
        Err(StoreError::Invalid(m)) => {
            tracing::warn!(error = %m, "decision refused by the store");
            return Err(AppError::BadRequest(
                "Usulan ini sudah diputus; tidak ada yang diubah.".to_owned(),
            ));
        }
        Err(e) => return Err(e.into()),
    }
    Ok(store.usulan(i, id).await?)
}

pub(crate) async fn usulan_putus(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
    form: Result<Form<Isian>, FormRejection>,
) -> Result<Response, PageError> {
    wajib_data_pribadi(&sesi)?;
    let id = UsulanId(id_path(&raw)?);
    let pairs = isian_sah(&sesi, form)?;
    let u = putus(
        &state,
        &sesi,
        id,
        ambil(&pairs, "keputusan"),
        ambil(&pairs, "catatan"),
    )
    .await?;
    let url = format!("/usulan?tahun={}", u.tahun);
    Ok(alihkan(&state, &url, "usulan-putus"))
}

// ---------------------------------------------------------------- requests: API

#[derive(Serialize, ToSchema)]
pub(crate) struct UsulanDto {
    pub id: i64,
    pub pegawai_id: i64,
    pub nip: String,
    pub nama: String,
    pub unit_id: i64,
    pub unit_nama: String,
    pub opd_id: i64,
    pub opd_nama: String,
    pub tahun: i32,
    pub kompetensi_id: i64,
    pub kompetensi_kode: String,
    pub kompetensi_nama: String,
    /// Levels wanted, 1 to 4.
    pub naik_level: u8,
    pub program_id: Option<i64>,
    pub program_kode: Option<String>,
    pub program_judul: Option<String>,
    pub alasan: String,
    /// `pegawai`, `atasan` or `bkpsdm`.
    pub sumber: &'static str,
    /// `diajukan`, `disetujui`, `ditolak` or `dibatalkan`.
    pub status: &'static str,
    pub diajukan_oleh: String,
    #[schema(format = DateTime)]
    pub diajukan_pada: String,
    pub diputus_oleh: Option<String>,
    #[schema(format = DateTime)]
    pub diputus_pada: Option<String>,
    pub catatan_putusan: Option<String>,
    /// Whether the reader may approve or reject it now.
    pub boleh_putus: bool,
    /// Whether the reader may withdraw it now.
    pub boleh_batal: bool,
}

fn rfc3339(t: time::OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

fn usulan_dto(sesi: &Sesi, u: &Usulan, units: &PetaUnit) -> UsulanDto {
    let menunggu = u.status.boleh_diputus();
    UsulanDto {
        id: u.id.0,
        pegawai_id: u.pegawai.0,
        nip: u.nip.as_str().to_owned(),
        nama: u.nama_pegawai.clone(),
        unit_id: u.unit.0,
        unit_nama: u.unit_nama.clone(),
        opd_id: u.opd.0,
        opd_nama: u.opd_nama.clone(),
        tahun: u.tahun,
        kompetensi_id: u.kompetensi.0,
        kompetensi_kode: u.kompetensi_kode.clone(),
        kompetensi_nama: u.kompetensi_nama.clone(),
        naik_level: u.naik_level,
        program_id: u.program.map(|p| p.0),
        program_kode: u.program_kode.clone(),
        program_judul: u.program_judul.clone(),
        alasan: u.alasan.clone(),
        sumber: u.sumber.code(),
        status: u.status.code(),
        diajukan_oleh: u.diajukan_oleh.clone(),
        diajukan_pada: rfc3339(u.diajukan_pada),
        diputus_oleh: u.diputus_oleh.clone(),
        diputus_pada: u.diputus_pada.map(rfc3339),
        catatan_putusan: u.catatan_putusan.clone(),
        boleh_putus: menunggu && boleh_setujui(sesi, u, units),
        boleh_batal: menunggu && boleh_batalkan(sesi, u),
    }
}

#[derive(Serialize, ToSchema)]
pub(crate) struct DaftarUsulanDto {
    pub usulan: Vec<UsulanDto>,
}

/// A new request. A pegawai asks for themself (the employee may be left
/// out); a pimpinan or admin names the employee by id or NIP.
#[derive(Deserialize, ToSchema)]
pub(crate) struct UsulanBaruDto {
    #[serde(default)]
    pub pegawai_id: Option<i64>,
    #[serde(default)]
    pub nip: Option<String>,
    pub tahun: i32,
    pub kompetensi_id: i64,
    /// 1 to 4.
    pub naik_level: i64,
    #[serde(default)]
    pub program_id: Option<i64>,
    pub alasan: String,
}

#[derive(Deserialize, ToSchema)]
pub(crate) struct PutusanDto {
    /// `disetujui` or `ditolak` (admin, or the pimpinan over the employee);
    /// `dibatalkan` (the employee who is its subject).
    pub keputusan: String,
    #[serde(default)]
    pub catatan: Option<String>,
}

#[utoipa::path(
    get, path = "/api/v1/usulan", tag = "kebutuhan", security(("sesi" = [])),
    params(
        ("tahun" = Option<i32>, Query, description = "Only this year"),
        ("status" = Option<String>, Query, description = "`diajukan`, `disetujui`, `ditolak` or `dibatalkan`"),
    ),
    responses(
        (status = 200, body = DaftarUsulanDto),
        (status = 400, description = "Unusable filter", body = ErrorBody),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 403, description = "Mitra", body = ErrorBody),
    )
)]
pub(crate) async fn api_usulan_daftar(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Json<DaftarUsulanDto>, ApiError> {
    wajib_data_pribadi(&sesi)?;
    let (tahun, status, masalah) = filter_usulan(&params);
    tolak_masalah(&masalah)?;
    let (rows, units) = daftar_usulan(&state, &sesi, tahun, status).await?;
    Ok(Json(DaftarUsulanDto {
        usulan: rows.iter().map(|u| usulan_dto(&sesi, u, &units)).collect(),
    }))
}

#[utoipa::path(
    post, path = "/api/v1/usulan", tag = "kebutuhan", security(("sesi" = [])),
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token (GET /api/v1/sesi)")),
    request_body = UsulanBaruDto,
    responses(
        (status = 201, body = IdDto),
        (status = 400, description = "Invalid fields; nothing saved", body = GalatValidasiBody),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 403, description = "Auditor, mitra, or a wrong CSRF token", body = ErrorBody),
    )
)]
pub(crate) async fn api_usulan_baru(
    State(state): State<AppState>,
    sesi: Sesi,
    headers: HeaderMap,
    body: Result<Json<UsulanBaruDto>, JsonRejection>,
) -> Result<Response, Tolak> {
    let sumber = wajib_pengusul(&sesi)?;
    wajib_csrf_api(&sesi, &headers)?;
    let b = badan(body)?;
    let isian = IsianUsulan {
        pegawai: b.pegawai_id.map(|p| p.to_string()).unwrap_or_default(),
        nip: b.nip.unwrap_or_default(),
        tahun: b.tahun.to_string(),
        kompetensi: b.kompetensi_id.to_string(),
        naik_level: b.naik_level.to_string(),
        program: b.program_id.map(|p| p.to_string()).unwrap_or_default(),
        alasan: b.alasan,
    };
    let baru = periksa_usulan(&state, &sesi, sumber, &isian)
        .await?
        .map_err(Tolak::Isian)?;
    let id = state
        .store()
        .add_usulan(sesi.instansi_id(), &pelaku(&sesi), &baru)
        .await?;
    Ok((StatusCode::CREATED, Json(IdDto { id: id.0 })).into_response())
}

#[utoipa::path(
    post, path = "/api/v1/usulan/{id}/putus", tag = "kebutuhan", security(("sesi" = [])),
    params(
        ("id" = i64, Path, description = "Request id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token"),
    ),
    request_body = PutusanDto,
    responses(
        (status = 200, body = UsulanDto),
        (status = 400, description = "Unknown decision, a note too long, or already decided", body = ErrorBody),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 403, description = "Not allowed to decide this request, or a wrong CSRF token", body = ErrorBody),
        (status = 404, description = "No such request (or not the pegawai's own)", body = ErrorBody),
    )
)]
pub(crate) async fn api_usulan_putus(
    State(state): State<AppState>,
    sesi: Sesi,
    headers: HeaderMap,
    Path(raw): Path<String>,
    body: Result<Json<PutusanDto>, JsonRejection>,
) -> Result<Response, Tolak> {
    wajib_data_pribadi(&sesi)?;
    wajib_csrf_api(&sesi, &headers)?;
    let id = UsulanId(id_path(&raw)?);
    let b = badan(body)?;
    let u = putus(
        &state,
        &sesi,
        id,
        &b.keputusan,
        b.catatan.as_deref().unwrap_or_default(),
    )
    .await?;
    let units = PetaUnit::muat(state.store(), &sesi).await?;
    Ok(Json(usulan_dto(&sesi, &u, &units)).into_response())
}

#[derive(OpenApi)]
#[openapi(
    paths(api_kebutuhan, api_usulan_daftar, api_usulan_baru, api_usulan_putus),
    tags((name = "kebutuhan", description = "Development needs of the year (AKPK) and the requests behind them"))
)]
pub(crate) struct ApiKebutuhanDoc;

// ---------------------------------------------------------------- settings

/// The "Prioritas kebutuhan" section of `/pengaturan`, as typed.
pub(crate) struct IsianKebutuhan {
    pub jp_target: String,
    pub jp_value: String,
    pub jp_cap: String,
    pub bobot_layanan_publik: String,
    pub unit_layanan_publik: String,
    pub bobot_kedaluwarsa: String,
    pub bobot_usulan: String,
    pub anggaran: String,
}

/// What the settings page shows of the needs settings.
pub(crate) struct BagianPengaturan {
    pub isian: IsianKebutuhan,
    pub galat: GalatIsian,
    pub bawaan: bool,
    /// OPD codes and names, as a hint beside the unit codes field.
    pub opd: Vec<(String, String)>,
}

impl IsianKebutuhan {
    fn dari(a: &PengaturanKebutuhan) -> Self {
        IsianKebutuhan {
            jp_target: a.jp_target.to_string(),
            jp_value: faktor_teks(a.jp_value),
            jp_cap: a.jp_cap.to_string(),
            bobot_layanan_publik: faktor_teks(a.bobot_layanan_publik),
            unit_layanan_publik: a.unit_layanan_publik.join(", "),
            bobot_kedaluwarsa: faktor_teks(a.bobot_kedaluwarsa),
            bobot_usulan: faktor_teks(a.bobot_usulan),
            anggaran: ribuan(u64::try_from(a.anggaran).unwrap_or(0)),
        }
    }

    fn dari_form(p: &Isian) -> Self {
        IsianKebutuhan {
            jp_target: ambil(p, "jp_target").to_owned(),
            jp_value: ambil(p, "jp_value").to_owned(),
            jp_cap: ambil(p, "jp_cap").to_owned(),
            bobot_layanan_publik: ambil(p, "bobot_layanan_publik").to_owned(),
            unit_layanan_publik: ambil(p, "unit_layanan_publik").to_owned(),
            bobot_kedaluwarsa: ambil(p, "bobot_kedaluwarsa").to_owned(),
            bobot_usulan: ambil(p, "bobot_usulan").to_owned(),
            anggaran: ambil(p, "anggaran").to_owned(),
        }
    }

    /// The settings, or a message per field (`kebutuhan` for the whole).
    fn periksa(&self, kode_unit: &HashSet<String>) -> Result<PengaturanKebutuhan, GalatIsian> {
        let mut galat = GalatIsian::new();
        let mut bulat = |field: &str, v: &str| match v.trim().replace('.', "").parse::<i64>() {
            Ok(n) => n,
            Err(_) => {
                galat.insert(field.to_owned(), "Isi bilangan bulat.".to_owned());
                0
            }
        };
        let jp_target = bulat("jp_target", &self.jp_target);
        let jp_cap = bulat("jp_cap", &self.jp_cap);
        let anggaran = {
            let t = self.anggaran.trim();
            let t = t.strip_prefix("Rp").unwrap_or(t);
            bulat("anggaran", &t.replace([' ', '_'], ""))
        };
        let mut angka = |field: &str, v: &str| match urai_angka(v) {
            Some(x) => x,
            None => {
                galat.insert(field.to_owned(), "Isi angka, misalnya 1,5.".to_owned());
                0.0
            }
        };
        let jp_value = angka("jp_value", &self.jp_value);
        let bobot_layanan_publik = angka("bobot_layanan_publik", &self.bobot_layanan_publik);
        let bobot_kedaluwarsa = angka("bobot_kedaluwarsa", &self.bobot_kedaluwarsa);
        let bobot_usulan = angka("bobot_usulan", &self.bobot_usulan);
        let mut unit: Vec<String> = Vec::new();
        for k in self
            .unit_layanan_publik
            .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
            .map(str::trim)
            .filter(|k| !k.is_empty())
        {
            if !unit.iter().any(|u| u == k) {
                unit.push(k.to_owned());
            }
        }
        let asing: Vec<&str> = unit
            .iter()
            .filter(|k| !kode_unit.contains(*k))
            .map(String::as_str)
            .collect();
        if !asing.is_empty() {
            galat.insert(
                "unit_layanan_publik".to_owned(),
                format!("Kode unit tidak dikenal: {}.", asing.join(", ")),
            );
        }
        let atur = PengaturanKebutuhan {
            jp_target,
            jp_value,
            jp_cap,
            bobot_layanan_publik,
            unit_layanan_publik: unit,
            bobot_kedaluwarsa,
            bobot_usulan,
            anggaran,
        };
        if galat.is_empty()
            && let Err(m) = atur.validasi()
        {
            galat.insert("kebutuhan".to_owned(), m);
        }
        if galat.is_empty() {
            Ok(atur)
        } else {
            Err(galat)
        }
    }
}

/// "1,5", "1.5" or "0,05" as a number; a finite one only.
fn urai_angka(v: &str) -> Option<f64> {
    let t = v.trim();
    // With a comma, dots are thousands separators.
    let t = if t.contains(',') {
        t.replace('.', "").replace(',', ".")
    } else {
        t.to_owned()
    };
    t.parse::<f64>().ok().filter(|x| x.is_finite())
}

async fn pengaturan_kebutuhan(
    state: &AppState,
    sesi: &Sesi,
) -> Result<PengaturanKebutuhan, AppError> {
    let nilai = state
        .store()
        .pengaturan(sesi.instansi_id(), PengaturanKebutuhan::KUNCI)
        .await?;
    PengaturanKebutuhan::dari_json(nilai).map_err(|e| AppError::internal(&e))
}

async fn daftar_opd(state: &AppState, sesi: &Sesi) -> Result<Vec<(String, String)>, AppError> {
    let units = PetaUnit::muat(state.store(), sesi).await?;
    Ok(units
        .opd()
        .map(|u| (u.kode.clone(), u.nama.clone()))
        .collect())
}

/// The section as stored, for `GET /pengaturan`.
pub(crate) async fn bagian_pengaturan(
    state: &AppState,
    sesi: &Sesi,
) -> Result<BagianPengaturan, AppError> {
    let atur = pengaturan_kebutuhan(state, sesi).await?;
    Ok(BagianPengaturan {
        bawaan: atur == PengaturanKebutuhan::default(),
        isian: IsianKebutuhan::dari(&atur),
        galat: GalatIsian::new(),
        opd: daftar_opd(state, sesi).await?,
    })
}

/// `POST /pengaturan/kebutuhan`: admin only; invalid input shows the page
/// again with the reasons and changes nothing.
pub(crate) async fn pengaturan_kirim(
    State(state): State<AppState>,
    sesi: Sesi,
    form: Result<Form<Isian>, FormRejection>,
) -> Result<Response, PageError> {
    if sesi.role() != Role::AdminBkpsdm {
        return Err(AppError::Forbidden.into());
    }
    let pairs = isian_sah(&sesi, form)?;
    let sebelum = pengaturan_kebutuhan(&state, &sesi).await?;
    let baru = if ada(&pairs, "bawaan") {
        PengaturanKebutuhan::default()
    } else {
        let units = PetaUnit::muat(state.store(), &sesi).await?;
        let kode: HashSet<String> = units.units.iter().map(|u| u.kode.clone()).collect();
        let isian = IsianKebutuhan::dari_form(&pairs);
        match isian.periksa(&kode) {
            Ok(a) => a,
            Err(galat) => {
                let bagian = BagianPengaturan {
                    isian,
                    galat,
                    bawaan: false,
                    opd: daftar_opd(&state, &sesi).await?,
                };
                return super::pengaturan::tampil(
                    &state,
                    &sesi,
                    bagian,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
        }
    };
    if baru != sebelum {
        state
            .store()
            .set_pengaturan(
                sesi.instansi_id(),
                &pelaku(&sesi),
                PengaturanKebutuhan::KUNCI,
                &baru.ke_json(),
            )
            .await?;
    }
    Ok(alihkan(
        &state,
        "/pengaturan#prioritas-kebutuhan",
        "pengaturan-kebutuhan",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_as_users_write_them() {
        assert_eq!(urai_angka("1,5"), Some(1.5));
        assert_eq!(urai_angka(" 0.05 "), Some(0.05));
        assert_eq!(urai_angka("1.000,25"), Some(1000.25));
        assert_eq!(urai_angka("NaN"), None);
        assert_eq!(urai_angka("inf"), None);
        assert_eq!(urai_angka("satu"), None);
        assert_eq!(faktor_teks(0.05), "0,05");
        assert_eq!(urai_angka(&faktor_teks(1.25)), Some(1.25));
    }

    #[test]
    fn settings_round_trip_through_the_form() {
        let a = PengaturanKebutuhan {
            unit_layanan_publik: vec!["PKM-TALAWI".into(), "SDN-01".into()],
            ..PengaturanKebutuhan::default()
        };
        let kode: HashSet<String> = ["PKM-TALAWI", "SDN-01", "DINKES"]
            .into_iter()
            .map(String::from)
            .collect();
        let isian = IsianKebutuhan::dari(&a);
        assert_eq!(isian.periksa(&kode).expect("valid"), a);
    }

    #[test]
    fn settings_errors_name_the_field() {
        let kode: HashSet<String> = HashSet::from(["DINKES".to_owned()]);
        let mut isian = IsianKebutuhan::dari(&PengaturanKebutuhan::default());
        isian.unit_layanan_publik = "DINKES, XYZ".into();
        isian.bobot_usulan = "banyak".into();
        let galat = isian.periksa(&kode).expect_err("invalid");
        assert!(galat["unit_layanan_publik"].contains("XYZ"));
        assert!(galat.contains_key("bobot_usulan"));
        let mut isian = IsianKebutuhan::dari(&PengaturanKebutuhan::default());
        isian.bobot_kedaluwarsa = "-1".into();
        let galat = isian.periksa(&kode).expect_err("invalid");
        assert!(galat["kebutuhan"].contains("kedaluwarsa"), "{galat:?}");
    }
}
