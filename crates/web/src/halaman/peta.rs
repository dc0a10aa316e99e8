//! `/peta`: the "Peta Kompetensi" heatmap (rows of units × competencies,
//! the share meeting the standard per cell), its drill-down `/peta/sel` to
//! the people behind a cell, and the same cells as `GET /api/v1/peta`.
//!
//! The engine's data comes from the per-instansi cache ([`crate::analitik`]);
//! the reader's scope and the filters pick the employees, and the rows group
//! units as the reader may see them.

use super::pegawai::Pilihan as Opsi;
use super::{Layout, render};
use crate::AppState;
use crate::analitik::{self, pilih_pegawai};
use crate::error::{ApiError, AppError, ErrorBody, PageError};
use crate::format::{persen, query_string};
use crate::layanan::{PetaUnit, lingkup_mencakup_unit, pegawai_dalam_lingkup};
use crate::params::{Params, filter_pegawai, tolak_masalah};
use crate::sesi::Sesi;
use crate::unduh::{self, Format};
use askama::Template;
use axum::Json;
use axum::extract::State;
use axum::response::Response;
use kompeten_domain::format::tanggal;
use kompeten_domain::{JenisJabatan, KelompokKompetensi, Role, StatusAsn};
use kompeten_engine::kesenjangan::{
    Pilihan, SelPeta, StatusKompetensi, pegawai_di_sel, peta_panas,
};
use kompeten_io::analitik::{DataAnalitik, KompetensiKolom};
use kompeten_io::laporan::kesenjangan_pegawai;
use kompeten_io::tabel::{Kolom, Sel, Tabel};
use kompeten_store::{KompetensiId, Lingkup, PegawaiId, UnitId};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;
use utoipa::{OpenApi, ToSchema};

/// Index meaning "none" / "left out" in the engine's index columns.
const TANPA: u32 = u32::MAX;

/// The filters of the map, kept in the query string.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct FilterPeta {
    /// A unit (normally an OPD): its rows become its own staff and its sub-units.
    pub(crate) opd: Option<UnitId>,
    pub(crate) jenis: Option<JenisJabatan>,
    pub(crate) status: Option<StatusAsn>,
}

impl FilterPeta {
    pub(crate) fn pasangan(&self) -> Vec<(&'static str, String)> {
        vec![
            ("opd", self.opd.map(|u| u.to_string()).unwrap_or_default()),
            (
                "jenis",
                self.jenis.map(|j| j.code().to_owned()).unwrap_or_default(),
            ),
            (
                "status",
                self.status.map(|s| s.code().to_owned()).unwrap_or_default(),
            ),
        ]
    }
}

pub(crate) fn filter_peta(p: &Params) -> (FilterPeta, Vec<String>) {
    let (f, masalah) = filter_pegawai(p);
    (
        FilterPeta {
            opd: f.opd,
            jenis: f.jenis,
            status: f.status,
        },
        masalah,
    )
}

/// One row of the map: a unit with everything below it, or only the unit's
/// own staff (the chosen unit itself, when its sub-units are rows too).
pub(crate) struct Baris {
    pub(crate) unit: UnitId,
    pub(crate) nama: String,
    pub(crate) hanya_sendiri: bool,
}

/// Everything computed for one request.
pub(crate) struct Peta {
    pub(crate) analitik: Arc<DataAnalitik>,
    pub(crate) pilihan: Vec<u32>,
    pub(crate) kelompok_unit: Vec<u32>,
    pub(crate) baris: Vec<Baris>,
    kolom: Vec<KompetensiKolom>,
    pub(crate) sel: HashMap<(u32, u32), SelPeta>,
    pub(crate) pegawai_dihitung: u32,
    pub(crate) pegawai_tanpa_standar: u32,
}

/// The rows for the reader and the filters, or why the filter cannot be used.
fn susun_baris(
    units: &PetaUnit,
    lingkup: Lingkup,
    opd: Option<UnitId>,
    unit_sendiri: Option<UnitId>,
) -> Result<Vec<Baris>, AppError> {
    let akar = match (lingkup, opd) {
        (Lingkup::Pegawai(_), _) => {
            // Only themselves: one row, their own unit.
            let u = unit_sendiri
                .and_then(|u| units.get(u))
                .ok_or(AppError::NotFound)?;
            return Ok(vec![Baris {
                unit: u.id,
                nama: u.nama.clone(),
                hanya_sendiri: false,
            }]);
        }
        (Lingkup::Kosong, _) => return Err(AppError::Forbidden),
        (Lingkup::Instansi, None) => None,
        (Lingkup::Unit(u), None) => Some(u),
        (_, Some(o)) => {
            let unit = units.get(o).ok_or_else(|| {
                AppError::BadRequest(format!("Unit {o} tidak dikenal di instansi ini."))
            })?;
            if !lingkup_mencakup_unit(lingkup, unit) {
                return Err(AppError::Forbidden);
            }
            Some(o)
        }
    };
    Ok(match akar {
        None => units
            .opd()
            .map(|u| Baris {
                unit: u.id,
                nama: u.nama.clone(),
                hanya_sendiri: false,
            })
            .collect(),
        Some(a) => {
            let Some(unit) = units.get(a) else {
                return Err(AppError::NotFound);
            };
            let mut out = vec![Baris {
                unit: a,
                nama: unit.nama.clone(),
                hanya_sendiri: true,
            }];
            out.extend(units.anak(a).map(|u| Baris {
                unit: u.id,
                nama: u.nama.clone(),
                hanya_sendiri: false,
            }));
            out
        }
    })
}

pub(crate) async fn hitung_peta(
    state: &AppState,
    sesi: &Sesi,
    f: &FilterPeta,
) -> Result<Peta, AppError> {
    let (analitik, atur) = analitik::untuk(state, sesi).await?;
    let lingkup = sesi.lingkup();
    let units = PetaUnit::muat(state.store(), sesi).await?;
    let unit_sendiri = match lingkup {
        Lingkup::Pegawai(p) => analitik
            .pegawai_indeks(p)
            .and_then(|i| analitik.pegawai.get(i as usize))
            .map(|r| r.unit),
        _ => None,
    };
    let baris = susun_baris(&units, lingkup, f.opd, unit_sendiri)?;
    let pilihan = pilih_pegawai(&analitik, &units, lingkup, f.jenis, f.status, None);

    // Engine unit index → row index, by each unit's path.
    let baris_indeks: HashMap<UnitId, (u32, bool)> = baris
        .iter()
        .enumerate()
        .map(|(i, r)| (r.unit, (i as u32, r.hanya_sendiri)))
        .collect();
    let kelompok_unit: Vec<u32> = analitik
        .unit
        .iter()
        .map(|u| {
            let Some(unit) = units.get(*u) else {
                return TANPA;
            };
            if let Some(&(i, _)) = baris_indeks.get(u) {
                return i;
            }
            // The nearest ancestor that is a whole-subtree row.
            unit.jalur
                .iter()
                .rev()
                .find_map(|a| match baris_indeks.get(a) {
                    Some(&(i, false)) => Some(i),
                    _ => None,
                })
                .unwrap_or(TANPA)
        })
        .collect();

    let hasil = peta_panas(
        &analitik.data,
        Pilihan::Daftar(&pilihan),
        &kelompok_unit,
        state.hari_ini(),
        &atur.jpm,
    )
    .map_err(|e| AppError::Internal(format!("heatmap: {e}")))?;
    let sel: HashMap<(u32, u32), SelPeta> = hasil
        .sel
        .iter()
        .map(|s| ((s.baris, s.kompetensi), *s))
        .collect();
    let dibutuhkan: std::collections::HashSet<u32> =
        hasil.sel.iter().map(|s| s.kompetensi).collect();
    // Managerial and socio-cultural columns always; technical ones someone needs.
    let kolom = analitik
        .kompetensi
        .iter()
        .filter(|k| k.kelompok != KelompokKompetensi::Teknis || dibutuhkan.contains(&k.indeks))
        .cloned()
        .collect();
    Ok(Peta {
        analitik,
        pilihan,
        kelompok_unit,
        baris,
        kolom,
        sel,
        pegawai_dihitung: hasil.pegawai_dihitung,
        pegawai_tanpa_standar: hasil.pegawai_tanpa_standar,
    })
}

/// Decimal with a comma, two places: "0,33".
fn desimal(x: f64) -> String {
    format!("{x:.2}").replace('.', ",")
}

/// Colour band of a share (CSS class; no inline style under the CSP).
fn pita(s: &SelPeta) -> &'static str {
    if s.wajib == 0 {
        return "pita-kosong";
    }
    let per_mil = u64::from(s.memenuhi) * 1000 / u64::from(s.wajib);
    match per_mil {
        900.. => "pita-4",
        750..900 => "pita-3",
        500..750 => "pita-2",
        250..500 => "pita-1",
        _ => "pita-0",
    }
}

// ---------------------------------------------------------------- page

struct SelView {
    kelas: &'static str,
    persen: String,
    ringkas: String,
    judul: String,
    tautan: String,
}

struct BarisView {
    nama: String,
    sel: Vec<Option<SelView>>,
}

struct KolomView {
    kode: String,
    nama: String,
}

struct GrupView {
    label: &'static str,
    jumlah: usize,
}

#[derive(Template)]
#[template(path = "peta.html")]
struct PetaTpl {
    layout: Layout,
    opd: Vec<Opsi>,
    jenis: Vec<Opsi>,
    status: Vec<Opsi>,
    grup: Vec<GrupView>,
    kolom: Vec<KolomView>,
    baris: Vec<BarisView>,
    pegawai_dihitung: u32,
    pegawai_tanpa_standar: u32,
    masalah: Vec<String>,
    catatan: Option<&'static str>,
    /// The filters as `&k=v` pairs for the download links.
    ekor: String,
}

fn teks_sel(s: &SelPeta, nama_k: &str, nama_b: &str) -> String {
    let gap = s.rerata_gap().map_or_else(|| "–".to_owned(), desimal);
    format!(
        "{nama_k} — {nama_b}: {} dari {} memenuhi standar; rerata gap {gap}; \
         belum dinilai {}; kedaluwarsa {}",
        s.memenuhi, s.wajib, s.belum_dinilai, s.kedaluwarsa
    )
}

pub(crate) async fn halaman(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Response, PageError> {
    let (f, masalah) = filter_peta(&params);
    let peta = hitung_peta(&state, &sesi, &f).await?;
    let lingkup = sesi.lingkup();
    let units = PetaUnit::muat(state.store(), &sesi).await?;
    let query_filter = query_string(f.pasangan());
    let ekor = query_filter.trim_start_matches('?');
    let baris = peta
        .baris
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let nama = if r.hanya_sendiri {
                format!("{} (unit sendiri)", r.nama)
            } else {
                r.nama.clone()
            };
            let sel = peta
                .kolom
                .iter()
                .map(|k| {
                    peta.sel.get(&(i as u32, k.indeks)).map(|s| SelView {
                        kelas: pita(s),
                        persen: persen(u64::from(s.memenuhi), u64::from(s.wajib)),
                        ringkas: format!("{}/{}", s.memenuhi, s.wajib),
                        judul: teks_sel(s, &k.nama, &nama),
                        tautan: format!(
                            "/peta/sel?unit={}&kompetensi={}{}{}",
                            r.unit,
                            k.id,
                            if ekor.is_empty() { "" } else { "&" },
                            ekor
                        ),
                    })
                })
                .collect();
            BarisView { nama, sel }
        })
        .collect();
    let mut grup: Vec<GrupView> = Vec::new();
    for k in &peta.kolom {
        let label = k.kelompok.label();
        match grup.last_mut() {
            Some(g) if g.label == label => g.jumlah += 1,
            _ => grup.push(GrupView { label, jumlah: 1 }),
        }
    }
    let opd = Opsi::unit(units.pilihan_filter(lingkup), f.opd);
    let jenis = Opsi::jenis_jabatan(f.jenis);
    let status = Opsi::status_asn(f.status);
    let catatan = match lingkup {
        Lingkup::Instansi => None,
        Lingkup::Unit(_) => Some("Peta ini hanya mencakup unit yang Anda pimpin."),
        Lingkup::Pegawai(_) => Some("Peta ini hanya berisi data Anda sendiri."),
        Lingkup::Kosong => None,
    };
    let tpl = PetaTpl {
        layout: Layout::untuk(&sesi, "Peta Kompetensi", "peta"),
        opd,
        jenis,
        status,
        grup,
        kolom: peta
            .kolom
            .iter()
            .map(|k| KolomView {
                kode: k.kode.clone(),
                nama: k.nama.clone(),
            })
            .collect(),
        baris,
        pegawai_dihitung: peta.pegawai_dihitung,
        pegawai_tanpa_standar: peta.pegawai_tanpa_standar,
        masalah,
        catatan,
        ekor: if ekor.is_empty() {
            String::new()
        } else {
            format!("&{ekor}")
        },
    };
    render(&tpl)
}

// ---------------------------------------------------------------- downloads

/// `/peta/unduh`: every cell of the map as one row (unit, competency and the
/// counts), the shape a spreadsheet pivots back into the matrix.
pub(crate) async fn unduh(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Response, PageError> {
    let format = Format::dari(&params)?;
    let (f, masalah) = filter_peta(&params);
    tolak_masalah(&masalah)?;
    let peta = hitung_peta(&state, &sesi, &f).await?;
    let mut tabel = Tabel::new(
        "Peta Kompetensi",
        vec![
            Kolom::dengan_lebar("Unit", 40.0),
            Kolom::new("Hanya unit sendiri"),
            Kolom::new("Kode"),
            Kolom::dengan_lebar("Kompetensi", 36.0),
            Kolom::new("Kelompok"),
            Kolom::new("Wajib"),
            Kolom::new("Dinilai (berlaku)"),
            Kolom::new("Memenuhi"),
            Kolom::new("Memenuhi (%)"),
            Kolom::new("Rerata gap"),
            Kolom::new("Kedaluwarsa"),
            Kolom::new("Belum dinilai"),
        ],
    );
    tabel.catatan = vec![
        format!("Instansi: {}", sesi.instansi.nama),
        format!("Tanggal: {}", tanggal(state.hari_ini())),
        format!(
            "Pegawai dihitung: {}; tidak dihitung karena tanpa standar: {}",
            peta.pegawai_dihitung, peta.pegawai_tanpa_standar
        ),
    ];
    for (i, r) in peta.baris.iter().enumerate() {
        for k in &peta.kolom {
            let Some(s) = peta.sel.get(&(i as u32, k.indeks)) else {
                continue;
            };
            tabel.baris.push(vec![
                Sel::teks(r.nama.as_str()),
                Sel::teks(if r.hanya_sendiri { "ya" } else { "tidak" }),
                Sel::teks(k.kode.as_str()),
                Sel::teks(k.nama.as_str()),
                Sel::teks(k.kelompok.label()),
                Sel::Bulat(i64::from(s.wajib)),
                Sel::Bulat(i64::from(s.dinilai)),
                Sel::Bulat(i64::from(s.memenuhi)),
                s.persen_memenuhi()
                    .map_or(Sel::Kosong, |p| Sel::persen(p, 1)),
                s.rerata_gap().map_or(Sel::Kosong, |g| Sel::desimal(g, 2)),
                Sel::Bulat(i64::from(s.kedaluwarsa)),
                Sel::Bulat(i64::from(s.belum_dinilai)),
            ]);
        }
    }
    Ok(unduh::respons(
        &tabel,
        format,
        "peta-kompetensi",
        state.hari_ini(),
    )?)
}

/// `/kesenjangan/unduh`: one row per employee in the reader's scope under the
/// map's filters, with JPM, category and each competency's required and
/// current level (the same table as `kompeten export gaps`).
pub(crate) async fn unduh_kesenjangan(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Response, PageError> {
    let format = Format::dari(&params)?;
    let (f, masalah) = filter_peta(&params);
    tolak_masalah(&masalah)?;
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
    // Names and NIPs only of the people the reader may see, in list order.
    let rows = pegawai_dalam_lingkup(state.store(), &sesi, f.opd, f.jenis).await?;
    let pilihan: Vec<u32> = rows
        .iter()
        .filter(|r| f.status.is_none_or(|s| s == r.status))
        .filter_map(|r| d.pegawai_indeks(r.id))
        .collect();
    let identitas: HashMap<PegawaiId, &kompeten_store::PegawaiRow> =
        rows.iter().map(|r| (r.id, r)).collect();
    let mut tabel = kesenjangan_pegawai(&d, &pilihan, &identitas, state.hari_ini(), &atur)
        .map_err(|e| AppError::Internal(format!("gap table: {e}")))?;
    tabel
        .catatan
        .insert(0, format!("Instansi: {}", sesi.instansi.nama));
    tabel
        .catatan
        .insert(1, format!("Tanggal: {}", tanggal(state.hari_ini())));
    Ok(unduh::respons(
        &tabel,
        format,
        "kesenjangan-pegawai",
        state.hari_ini(),
    )?)
}

// ---------------------------------------------------------------- drill-down

struct OrangView {
    id: i64,
    nama: String,
    jabatan: String,
    wajib: u8,
    kini: String,
    status: String,
    kelas: &'static str,
}

#[derive(Template)]
#[template(path = "peta_sel.html")]
struct SelTpl {
    layout: Layout,
    baris: String,
    kompetensi: String,
    kembali: String,
    /// The cell and filters as a query string for the download links.
    unduh: String,
    orang: Vec<OrangView>,
}

fn id_param(p: &Params, key: &str) -> Result<i64, AppError> {
    p.get(key)
        .and_then(|v| v.parse::<i64>().ok())
        .filter(|v| *v > 0)
        .ok_or_else(|| AppError::BadRequest(format!("Parameter {key} wajib berupa id yang valid.")))
}

/// One person behind a cell, as the reader may see them.
struct OrangSel {
    id: PegawaiId,
    nip: String,
    nama: String,
    jabatan: Option<String>,
    unit: String,
    wajib: u8,
    status: StatusKompetensi,
}

/// A drill-down: the row, the competency and its people.
struct IsiSel {
    f: FilterPeta,
    unit: UnitId,
    baris: String,
    kompetensi: KompetensiKolom,
    orang: Vec<OrangSel>,
}

async fn isi_sel(state: &AppState, sesi: &Sesi, params: &Params) -> Result<IsiSel, AppError> {
    let (f, _) = filter_peta(params);
    let unit = UnitId(id_param(params, "unit")?);
    let kompetensi = KompetensiId(id_param(params, "kompetensi")?);
    let peta = hitung_peta(state, sesi, &f).await?;
    let Some(b) = peta.baris.iter().position(|r| r.unit == unit) else {
        // Not a row for this reader: outside their scope, or no such unit.
        let units = PetaUnit::muat(state.store(), sesi).await?;
        return Err(match units.get(unit) {
            Some(u)
                if !lingkup_mencakup_unit(sesi.lingkup(), u) && sesi.role() != Role::Pegawai =>
            {
                AppError::Forbidden
            }
            _ => AppError::NotFound,
        });
    };
    let Some(k) = peta.analitik.kompetensi_indeks(kompetensi) else {
        return Err(AppError::NotFound);
    };
    let kolom = peta.analitik.kolom(k).cloned().ok_or(AppError::NotFound)?;
    let orang = pegawai_di_sel(
        &peta.analitik.data,
        Pilihan::Daftar(&peta.pilihan),
        &peta.kelompok_unit,
        b as u32,
        k,
        state.hari_ini(),
    )
    .map_err(|e| AppError::Internal(format!("drill-down: {e}")))?;
    let semua = pegawai_dalam_lingkup(state.store(), sesi, Some(unit), None).await?;
    let per_id: HashMap<PegawaiId, _> = semua.iter().map(|r| (r.id, r)).collect();
    let orang = orang
        .iter()
        .filter_map(|o| {
            let id = PegawaiId(peta.analitik.data.pegawai_id(o.pegawai)?);
            // Only people the reader may see by name.
            let r = per_id.get(&id)?;
            Some(OrangSel {
                id,
                nip: r.nip.as_str().to_owned(),
                nama: r.nama_lengkap.clone(),
                jabatan: r.jabatan_nama.clone(),
                unit: r.unit_nama.clone(),
                wajib: o.wajib,
                status: o.status,
            })
        })
        .collect();
    Ok(IsiSel {
        unit,
        baris: peta.baris[b].nama.clone(),
        kompetensi: kolom,
        orang,
        f,
    })
}

/// (current level text, status text, CSS class) of a drill-down line.
fn teks_status(status: StatusKompetensi) -> (String, String, &'static str) {
    match status {
        StatusKompetensi::Memenuhi { level } => {
            (level.to_string(), "Memenuhi".to_owned(), "status-memenuhi")
        }
        StatusKompetensi::Kurang { level, gap } => (
            level.to_string(),
            format!("Kurang (gap {gap})"),
            "status-kurang",
        ),
        StatusKompetensi::Kedaluwarsa { level } => (
            format!("{level} (kedaluwarsa)"),
            "Kedaluwarsa".to_owned(),
            "status-kedaluwarsa",
        ),
        StatusKompetensi::BelumDinilai => {
            ("—".to_owned(), "Belum dinilai".to_owned(), "status-belum")
        }
    }
}

pub(crate) async fn sel(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Response, PageError> {
    let isi = isi_sel(&state, &sesi, &params).await?;
    let orang = isi
        .orang
        .iter()
        .map(|o| {
            let (kini, status, kelas) = teks_status(o.status);
            OrangView {
                id: o.id.0,
                nama: o.nama.clone(),
                jabatan: o.jabatan.clone().unwrap_or_else(|| "—".to_owned()),
                wajib: o.wajib,
                kini,
                status,
                kelas,
            }
        })
        .collect();
    let mut pasangan = vec![
        ("unit", isi.unit.to_string()),
        ("kompetensi", isi.kompetensi.id.to_string()),
    ];
    pasangan.extend(isi.f.pasangan());
    let tpl = SelTpl {
        layout: Layout::untuk(&sesi, "Peta Kompetensi", "peta"),
        baris: isi.baris,
        kompetensi: format!("{} {}", isi.kompetensi.kode, isi.kompetensi.nama),
        kembali: format!("/peta{}", query_string(isi.f.pasangan())),
        unduh: query_string(pasangan).trim_start_matches('?').to_owned(),
        orang,
    };
    render(&tpl)
}

/// `/peta/sel/unduh`: the people behind a cell.
pub(crate) async fn unduh_sel(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Response, PageError> {
    let format = Format::dari(&params)?;
    let isi = isi_sel(&state, &sesi, &params).await?;
    let mut tabel = Tabel::new(
        "Rincian sel Peta Kompetensi",
        vec![
            Kolom::dengan_lebar("NIP", 21.0),
            Kolom::dengan_lebar("Nama", 32.0),
            Kolom::dengan_lebar("Jabatan", 32.0),
            Kolom::dengan_lebar("Unit kerja", 32.0),
            Kolom::new("Level standar"),
            Kolom::new("Level saat ini"),
            Kolom::new("Status"),
            Kolom::new("Gap"),
        ],
    );
    tabel.catatan = vec![
        format!("Instansi: {}", sesi.instansi.nama),
        format!("Tanggal: {}", tanggal(state.hari_ini())),
        format!("Unit: {}", isi.baris),
        format!(
            "Kompetensi: {} {}",
            isi.kompetensi.kode, isi.kompetensi.nama
        ),
    ];
    for o in &isi.orang {
        tabel.baris.push(vec![
            Sel::teks(o.nip.as_str()),
            Sel::teks(o.nama.as_str()),
            Sel::teks(o.jabatan.as_deref().unwrap_or("")),
            Sel::teks(o.unit.as_str()),
            Sel::Bulat(i64::from(o.wajib)),
            o.status.level_berlaku().map(i64::from).into(),
            Sel::teks(o.status.label()),
            o.status.gap_berlaku().map(i64::from).into(),
        ]);
    }
    Ok(unduh::respons(
        &tabel,
        format,
        "rincian-peta",
        state.hari_ini(),
    )?)
}

/// One person behind a cell.
#[derive(Serialize, ToSchema)]
pub(crate) struct OrangSelDto {
    pub pegawai_id: i64,
    pub nip: String,
    pub nama: String,
    pub jabatan: Option<String>,
    pub unit: String,
    pub wajib: u8,
    /// The valid current level; null when expired or never assessed.
    pub saat_ini: Option<u8>,
    /// `memenuhi`, `kurang`, `kedaluwarsa` or `belum_dinilai`.
    pub status: &'static str,
    pub gap: Option<u8>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct SelDto {
    pub unit_id: i64,
    pub baris: String,
    pub kompetensi_id: i64,
    pub kode: String,
    pub nama: String,
    pub orang: Vec<OrangSelDto>,
}

#[utoipa::path(
    get, path = "/api/v1/peta/sel", tag = "peta", security(("sesi" = [])),
    params(
        ("unit" = i64, Query, description = "The row's unit id, as in `/api/v1/peta`"),
        ("kompetensi" = i64, Query, description = "The column's competency id"),
        ("opd" = Option<i64>, Query, description = "The same filters as the map"),
        ("jenis" = Option<String>, Query, description = "Position type code"),
        ("status" = Option<String>, Query, description = "`pns` or `pppk`"),
    ),
    responses(
        (status = 200, body = SelDto),
        (status = 400, description = "A parameter is not valid", body = ErrorBody),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 403, description = "Mitra, or a unit outside the reader's scope", body = ErrorBody),
        (status = 404, description = "No such row or competency for this reader", body = ErrorBody),
    )
)]
pub(crate) async fn api_sel(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Json<SelDto>, ApiError> {
    let isi = isi_sel(&state, &sesi, &params).await?;
    Ok(Json(SelDto {
        unit_id: isi.unit.0,
        baris: isi.baris,
        kompetensi_id: isi.kompetensi.id.0,
        kode: isi.kompetensi.kode.clone(),
        nama: isi.kompetensi.nama.clone(),
        orang: isi
            .orang
            .into_iter()
            .map(|o| OrangSelDto {
                pegawai_id: o.id.0,
                nip: o.nip,
                nama: o.nama,
                jabatan: o.jabatan,
                unit: o.unit,
                wajib: o.wajib,
                saat_ini: o.status.level_berlaku(),
                status: o.status.kode(),
                gap: o.status.gap_berlaku(),
            })
            .collect(),
    }))
}

// ---------------------------------------------------------------- API

/// A row of the map.
#[derive(Serialize, ToSchema)]
pub(crate) struct BarisPetaDto {
    pub unit_id: i64,
    pub nama: String,
    /// `true`: only the unit's own staff (its sub-units are rows of their
    /// own); `false`: the unit and everything below it.
    pub hanya_unit_sendiri: bool,
}

/// A column of the map.
#[derive(Serialize, ToSchema)]
pub(crate) struct KolomPetaDto {
    pub kompetensi_id: i64,
    pub kode: String,
    pub nama: String,
    /// `manajerial`, `sosial_kultural` or `teknis`.
    pub kelompok: &'static str,
}

/// One cell: the employees of the row whose standard requires the competency.
#[derive(Serialize, ToSchema)]
pub(crate) struct SelPetaDto {
    pub unit_id: i64,
    pub kompetensi_id: i64,
    /// Required by (= dinilai + kedaluwarsa + belum_dinilai).
    pub wajib: u32,
    pub dinilai: u32,
    pub memenuhi: u32,
    /// memenuhi ÷ wajib × 100.
    pub persen_memenuhi: f64,
    /// Mean of (required − current, when positive) over the assessed; null when none is assessed.
    pub rerata_gap: Option<f64>,
    pub kedaluwarsa: u32,
    pub belum_dinilai: u32,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct PetaDto {
    #[schema(format = Date, example = "2026-11-27")]
    pub hari_ini: String,
    pub baris: Vec<BarisPetaDto>,
    pub kolom: Vec<KolomPetaDto>,
    /// Only cells someone needs.
    pub sel: Vec<SelPetaDto>,
    pub pegawai_dihitung: u32,
    /// Chosen employees left out for lack of a usable standard.
    pub pegawai_tanpa_standar: u32,
}

#[utoipa::path(
    get, path = "/api/v1/peta", tag = "peta", security(("sesi" = [])),
    params(
        ("opd" = Option<i64>, Query, description = "A unit id (normally an OPD): rows become its own staff and its sub-units"),
        ("jenis" = Option<String>, Query, description = "Position type code, e.g. `fungsional`"),
        ("status" = Option<String>, Query, description = "`pns` or `pppk`"),
    ),
    responses(
        (status = 200, body = PetaDto),
        (status = 400, description = "A filter is not valid", body = ErrorBody),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 403, description = "Mitra, or a unit outside the reader's scope", body = ErrorBody),
    )
)]
pub(crate) async fn api_peta(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Json<PetaDto>, ApiError> {
    let (f, masalah) = filter_peta(&params);
    tolak_masalah(&masalah)?;
    let peta = hitung_peta(&state, &sesi, &f).await?;
    let hari = state.hari_ini();
    let kolom_id: HashMap<u32, i64> = peta.kolom.iter().map(|k| (k.indeks, k.id.0)).collect();
    let mut sel: Vec<SelPetaDto> = peta
        .sel
        .values()
        .filter_map(|s| {
            Some(SelPetaDto {
                unit_id: peta.baris.get(s.baris as usize)?.unit.0,
                kompetensi_id: *kolom_id.get(&s.kompetensi)?,
                wajib: s.wajib,
                dinilai: s.dinilai,
                memenuhi: s.memenuhi,
                persen_memenuhi: s.persen_memenuhi().unwrap_or(0.0),
                rerata_gap: s.rerata_gap(),
                kedaluwarsa: s.kedaluwarsa,
                belum_dinilai: s.belum_dinilai,
            })
        })
        .collect();
    sel.sort_by_key(|s| (s.unit_id, s.kompetensi_id));
    Ok(Json(PetaDto {
        hari_ini: format!(
            "{:04}-{:02}-{:02}",
            hari.year(),
            u8::from(hari.month()),
            hari.day()
        ),
        baris: peta
            .baris
            .iter()
            .map(|r| BarisPetaDto {
                unit_id: r.unit.0,
                nama: r.nama.clone(),
                hanya_unit_sendiri: r.hanya_sendiri,
            })
            .collect(),
        kolom: peta
            .kolom
            .iter()
            .map(|k| KolomPetaDto {
                kompetensi_id: k.id.0,
                kode: k.kode.clone(),
                nama: k.nama.clone(),
                kelompok: k.kelompok.code(),
            })
            .collect(),
        sel,
        pegawai_dihitung: peta.pegawai_dihitung,
        pegawai_tanpa_standar: peta.pegawai_tanpa_standar,
    }))
}

#[derive(OpenApi)]
#[openapi(
    paths(api_peta, api_sel),
    tags((name = "peta", description = "Peta Kompetensi: units × competencies (personal data; not for mitra)"))
)]
pub(crate) struct ApiPetaDoc;
