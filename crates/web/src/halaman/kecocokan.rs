//! `/jabatan/{id}/kecocokan`: job fit for a position. Every active employee
//! in the reader's scope ranked by JPM against the position's standard (not
//! their own), for rotation and promotion, with who is already eligible on
//! the instansi's selection scale; its download (`/unduh`) and the same rows
//! as `GET /api/v1/jabatan/{id}/kecocokan`.
//!
//! One engine call over the cached analytics data ranks everyone; names and
//! NIPs come from one scoped read, needed only for the rows shown.

use super::pegawai::{Pilihan as Opsi, id_path, persen_bp};
use super::{Layout, render};
use crate::AppState;
use crate::analitik::{self, pilih_pegawai};
use crate::error::{ApiError, AppError, ErrorBody, PageError};
use crate::format::query_string;
use crate::layanan::{PetaUnit, lingkup_mencakup, lingkup_mencakup_unit, pegawai_dalam_lingkup};
use crate::params::{Params, filter_pegawai, tolak_masalah};
use crate::sesi::Sesi;
use crate::unduh::{self, Format};
use askama::Template;
use axum::Json;
use axum::extract::{Path, State};
use axum::response::Response;
use kompeten_domain::format::{ribuan, tanggal};
use kompeten_domain::{JenisJabatan, StatusAsn};
use kompeten_engine::kesenjangan::{
    AlasanTanpaJpm, KeadaanStandar, Kecocokan, Pilihan, SkalaKategori, kecocokan_jabatan,
};
use kompeten_io::analitik::{DataAnalitik, PengaturanAnalitik};
use kompeten_io::tabel::{Kolom, Sel, Tabel};
use kompeten_store::{
    Jabatan, JabatanId, Lingkup, PegawaiId, PegawaiRow, StandarEntry, StoreError, UnitId,
};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use utoipa::{OpenApi, ToSchema};

/// Rows per page, on the page and in the API.
const PER_HALAMAN: u32 = 50;

/// The filters, kept in the query string.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct FilterKecocokan {
    /// A unit (normally an OPD) and everything below it.
    opd: Option<UnitId>,
    /// Type of the employees' current position.
    jenis: Option<JenisJabatan>,
    status: Option<StatusAsn>,
    /// Only the eligible.
    syarat: bool,
    halaman: u32,
}

impl FilterKecocokan {
    fn pasangan(&self) -> Vec<(&'static str, String)> {
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
            ("syarat", if self.syarat { "1" } else { "" }.to_owned()),
        ]
    }

    /// The query string of these filters on page `halaman`.
    fn query(&self, halaman: u32) -> String {
        let mut p = self.pasangan();
        if halaman > 1 {
            p.push(("halaman", halaman.to_string()));
        }
        query_string(p)
    }
}

fn filter_kecocokan(p: &Params) -> (FilterKecocokan, Vec<String>) {
    let (f, mut masalah) = filter_pegawai(p);
    let syarat = match p.get("syarat") {
        None | Some("0") => false,
        Some("1") => true,
        Some(v) => {
            masalah.push(format!(
                "Nilai syarat \"{v}\" tidak dikenal; semua pegawai ditampilkan."
            ));
            false
        }
    };
    (
        FilterKecocokan {
            opd: f.opd,
            jenis: f.jenis,
            status: f.status,
            syarat,
            halaman: f.halaman,
        },
        masalah,
    )
}

/// The chosen unit if the reader may use it; a pegawai's choice is moot.
fn opd_dalam_lingkup(
    units: &PetaUnit,
    lingkup: Lingkup,
    opd: Option<UnitId>,
) -> Result<Option<UnitId>, AppError> {
    match (lingkup, opd) {
        (Lingkup::Kosong, _) => Err(AppError::Forbidden),
        (Lingkup::Pegawai(_), _) | (_, None) => Ok(None),
        (_, Some(o)) => {
            let unit = units.get(o).ok_or_else(|| {
                AppError::BadRequest(format!("Unit {o} tidak dikenal di instansi ini."))
            })?;
            if lingkup_mencakup_unit(lingkup, unit) {
                Ok(Some(o))
            } else {
                Err(AppError::Forbidden)
            }
        }
    }
}

/// Everything computed for one request.
struct HasilKecocokan {
    analitik: Arc<DataAnalitik>,
    atur: PengaturanAnalitik,
    jabatan: Jabatan,
    /// "Dinas Kesehatan › Bidang Pelayanan Kesehatan".
    unit: String,
    standar: Vec<StandarEntry>,
    /// Why nobody is ranked; `None` when the standard is usable.
    keterangan: Option<&'static str>,
    /// Best first, after every filter including `syarat`.
    baris: Vec<Kecocokan>,
    /// Ranked employees under the filters before `syarat`.
    total: u32,
    memenuhi_syarat: u32,
    units: PetaUnit,
}

const KET_TANPA_STANDAR: &str = "Jabatan ini belum memiliki standar kompetensi, sehingga \
     pegawai belum dapat diperingkat terhadapnya. Tetapkan standarnya terlebih dahulu.";
const KET_TIDAK_VALID: &str = "Standar kompetensi jabatan ini tidak dapat dipakai (misalnya \
     kompetensinya tidak dikenal atau levelnya di luar 1–5), sehingga pegawai belum dapat \
     diperingkat terhadapnya. Perbaiki standarnya terlebih dahulu.";
const KET_DIPERBARUI: &str =
    "Data analitik sedang diperbarui; muat ulang halaman ini sebentar lagi.";

async fn hitung(
    state: &AppState,
    sesi: &Sesi,
    id: JabatanId,
    f: &FilterKecocokan,
) -> Result<HasilKecocokan, AppError> {
    // Mitra are refused here, before anything is read.
    let (analitik, atur) = analitik::untuk(state, sesi).await?;
    let store = state.store();
    let instansi = sesi.instansi_id();
    let jabatan = store.jabatan(instansi, id).await?;
    let standar = store.standar(instansi, id).await?;
    let units = PetaUnit::muat(store, sesi).await?;
    let lingkup = sesi.lingkup();
    let opd = opd_dalam_lingkup(&units, lingkup, f.opd)?;
    let unit = units.jalur_teks(jabatan.unit);

    let keadaan = analitik
        .jabatan_indeks(id)
        .map(|j| (j, analitik.data.keadaan_standar(j)));
    let (baris, keterangan) = match keadaan {
        Some((j, Some(KeadaanStandar::Ada))) => {
            let pilihan = pilih_pegawai(&analitik, &units, lingkup, f.jenis, f.status, opd);
            let baris = kecocokan_jabatan(
                &analitik.data,
                Pilihan::Daftar(&pilihan),
                j,
                state.hari_ini(),
                &atur.jpm,
                &atur.skala_seleksi,
                atur.ambang_seleksi,
                atur.cakupan_minimal_seleksi,
            )
            .map_err(|e| AppError::Internal(format!("job fit: {e}")))?;
            (baris, None)
        }
        Some((_, Some(KeadaanStandar::Kosong))) => (Vec::new(), Some(KET_TANPA_STANDAR)),
        Some((_, Some(KeadaanStandar::TidakValid))) => (Vec::new(), Some(KET_TIDAK_VALID)),
        // A position newer than the cached data.
        Some((_, None)) | None => (Vec::new(), Some(KET_DIPERBARUI)),
    };
    let total = baris.len() as u32;
    let memenuhi_syarat = baris.iter().filter(|k| k.memenuhi_syarat).count() as u32;
    let baris = if f.syarat {
        baris.into_iter().filter(|k| k.memenuhi_syarat).collect()
    } else {
        baris
    };
    Ok(HasilKecocokan {
        analitik,
        atur,
        jabatan,
        unit,
        standar,
        keterangan,
        baris,
        total,
        memenuhi_syarat,
        units,
    })
}

impl HasilKecocokan {
    fn pegawai_id(&self, k: &Kecocokan) -> Option<PegawaiId> {
        self.analitik
            .pegawai
            .get(k.hasil.pegawai as usize)
            .map(|p| p.id)
    }

    /// The deepest unit holding every given row, to read no more names
    /// than needed; `None` when the rows span OPDs.
    fn unit_bersama(&self, rows: &[Kecocokan]) -> Option<UnitId> {
        let mut bersama: Option<&[UnitId]> = None;
        for k in rows {
            let p = self.analitik.pegawai.get(k.hasil.pegawai as usize)?;
            let jalur = self.units.get(p.unit)?.jalur.as_slice();
            let sama = match bersama {
                None => jalur.len(),
                Some(b) => b.iter().zip(jalur).take_while(|(x, y)| x == y).count(),
            };
            bersama = Some(&jalur[..sama]);
        }
        bersama.and_then(|b| b.last().copied())
    }

    /// Name, NIP, position and unit of the given rows, read within the
    /// reader's scope: one by one for a page, in one scoped read for more.
    async fn data_pegawai(
        &self,
        state: &AppState,
        sesi: &Sesi,
        jenis: Option<JenisJabatan>,
        rows: &[Kecocokan],
    ) -> Result<HashMap<PegawaiId, PegawaiRow>, AppError> {
        if rows.len() <= PER_HALAMAN as usize {
            return self.data_per_pegawai(state, sesi, rows).await;
        }
        let perlu: HashSet<PegawaiId> = rows.iter().filter_map(|k| self.pegawai_id(k)).collect();
        let unit = self.unit_bersama(rows);
        let semua = pegawai_dalam_lingkup(state.store(), sesi, unit, jenis).await?;
        Ok(semua
            .into_iter()
            .filter(|r| perlu.contains(&r.id))
            .map(|r| (r.id, r))
            .collect())
    }

    /// A page's rows by point reads: reading the whole scope to name fifty
    /// people would cost more than everything else on the page.
    async fn data_per_pegawai(
        &self,
        state: &AppState,
        sesi: &Sesi,
        rows: &[Kecocokan],
    ) -> Result<HashMap<PegawaiId, PegawaiRow>, AppError> {
        let store = state.store();
        let instansi = sesi.instansi_id();
        let lingkup = sesi.lingkup();
        let mut jabatan: HashMap<JabatanId, Jabatan> = HashMap::new();
        let mut out = HashMap::with_capacity(rows.len());
        for k in rows {
            let Some(id) = self.pegawai_id(k) else {
                continue;
            };
            let p = match store.pegawai(instansi, id).await {
                Ok(p) => p,
                // Removed since the analytics data was built.
                Err(StoreError::NotFound(_)) => continue,
                Err(e) => return Err(e.into()),
            };
            // The rows are already scoped; checked again on the record read.
            if !lingkup_mencakup(lingkup, &p, &self.units) {
                continue;
            }
            if let Some(j) = p.jabatan
                && !jabatan.contains_key(&j)
            {
                jabatan.insert(j, store.jabatan(instansi, j).await?);
            }
            let jab = p.jabatan.and_then(|j| jabatan.get(&j));
            let unit = self.units.get(p.unit);
            let opd = unit.and_then(|u| self.units.get(u.opd()));
            out.insert(
                p.id,
                PegawaiRow {
                    id: p.id,
                    nama_lengkap: p.nama_lengkap(),
                    nama: p.nama.clone(),
                    gelar_depan: p.gelar_depan.clone(),
                    gelar_belakang: p.gelar_belakang.clone(),
                    pendidikan: p.pendidikan,
                    nip: p.nip,
                    status: p.status,
                    golongan: p.golongan,
                    jabatan: p.jabatan,
                    jabatan_nama: jab.map(|j| j.nama.clone()),
                    tingkat: jab.map(|j| j.tingkat),
                    unit: p.unit,
                    unit_nama: unit.map(|u| u.nama.clone()).unwrap_or_default(),
                    opd_nama: opd.map(|u| u.nama.clone()).unwrap_or_default(),
                    aktif: p.aktif,
                },
            );
        }
        Ok(out)
    }

    fn halaman(&self, halaman: u32) -> (&[Kecocokan], u32) {
        let jumlah = jumlah_halaman(self.baris.len());
        let awal = (halaman.saturating_sub(1) as usize).saturating_mul(PER_HALAMAN as usize);
        let rows = self
            .baris
            .get(awal.min(self.baris.len())..)
            .unwrap_or_default();
        (&rows[..rows.len().min(PER_HALAMAN as usize)], jumlah)
    }

    fn skala(&self) -> &SkalaKategori {
        &self.atur.skala_seleksi
    }

    /// "Memenuhi Syarat ≥ 80,00%; Masih Memenuhi Syarat ≥ 68,00%; …".
    fn teks_skala(&self) -> String {
        let pita = self.skala().pita();
        let mut bagian: Vec<String> = Vec::with_capacity(pita.len());
        for (i, p) in pita.iter().enumerate() {
            bagian.push(if i + 1 == pita.len() {
                match pita.get(i.wrapping_sub(1)) {
                    Some(atas) if i > 0 => {
                        format!("{} < {}", p.label, persen_bp(atas.batas_bawah_bp))
                    }
                    _ => p.label.clone(),
                }
            } else {
                format!("{} ≥ {}", p.label, persen_bp(p.batas_bawah_bp))
            });
        }
        bagian.join("; ")
    }

    /// What "eligible" means with the instansi's threshold and coverage.
    fn teks_ambang(&self) -> String {
        let label = self.skala().label(self.atur.ambang_seleksi);
        let kategori = if self.atur.ambang_seleksi == 0 {
            format!("kategori {label}")
        } else {
            format!("kategori {label} atau lebih baik")
        };
        match self.atur.cakupan_minimal_seleksi {
            0 => kategori,
            100 => format!(
                "{kategori}, dengan seluruh kompetensi standar sudah dinilai dan masih berlaku \
                 (yang belum lengkap dinilai diurutkan sesudahnya)"
            ),
            c => format!(
                "{kategori}, dengan sedikitnya {c}% kompetensi standar sudah dinilai dan masih \
                 berlaku (yang belum cukup dinilai diurutkan sesudahnya)"
            ),
        }
    }

    fn teks_standar(&self) -> String {
        self.standar
            .iter()
            .map(|s| format!("{} {} {}", s.kode, s.nama, s.level.get()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn jumlah_halaman(n: usize) -> u32 {
    u32::try_from(n.div_ceil(PER_HALAMAN as usize))
        .unwrap_or(u32::MAX)
        .max(1)
}

/// The category label of a row, or why it has no JPM.
fn kategori(skala: &SkalaKategori, k: &Kecocokan) -> String {
    match (k.hasil.kategori, k.hasil.tanpa_jpm) {
        (Some(i), _) => skala.label(i).to_owned(),
        (None, Some(a)) => a.label().to_owned(),
        (None, None) => String::new(),
    }
}

fn jabatan_id(raw: &str) -> Result<JabatanId, AppError> {
    Ok(JabatanId(id_path(raw)?))
}

// ---------------------------------------------------------------- page

struct StandarView {
    kode: String,
    nama: String,
    kelompok: &'static str,
    level: u8,
    bobot: u32,
}

struct BarisView {
    peringkat: u32,
    id: i64,
    nama: String,
    nip: String,
    jabatan: String,
    unit: String,
    opd: String,
    jpm: String,
    kategori: String,
    /// CSS suffix of the category badge; empty without a JPM.
    kelas_kategori: &'static str,
    dinilai: u32,
    kedaluwarsa: u32,
    belum_dinilai: u32,
    memenuhi_syarat: bool,
    cukup_dinilai: bool,
}

#[derive(Template)]
#[template(path = "kecocokan.html")]
struct KecocokanTpl {
    layout: Layout,
    id: i64,
    nama: String,
    tingkat: String,
    unit: String,
    standar: Vec<StandarView>,
    skala: String,
    teks_skala: String,
    ambang: String,
    catatan: Option<&'static str>,
    masalah: Vec<String>,
    keterangan: Option<&'static str>,
    opd: Vec<Opsi>,
    jenis: Vec<Opsi>,
    status: Vec<Opsi>,
    syarat: bool,
    ringkas: String,
    baris: Vec<BarisView>,
    halaman: u32,
    jumlah_halaman: u32,
    sebelumnya: Option<String>,
    berikutnya: Option<String>,
    unduh_xlsx: String,
    unduh_csv: String,
}

fn kelas_kategori(skala: &SkalaKategori, k: &Kecocokan) -> &'static str {
    match k.hasil.kategori {
        None => "",
        Some(0) => "berlaku",
        Some(i) if usize::from(i) + 1 >= skala.pita().len() => "kedaluwarsa",
        Some(_) => "belum",
    }
}

pub(crate) async fn halaman(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
    params: Params,
) -> Result<Response, PageError> {
    let id = jabatan_id(&raw)?;
    let (f, masalah) = filter_kecocokan(&params);
    let h = hitung(&state, &sesi, id, &f).await?;
    let (rows, jumlah_halaman) = h.halaman(f.halaman);
    let data = h.data_pegawai(&state, &sesi, f.jenis, rows).await?;
    let skala = h.skala();
    let baris: Vec<BarisView> = rows
        .iter()
        .filter_map(|k| {
            let r = data.get(&h.pegawai_id(k)?)?;
            Some(BarisView {
                peringkat: k.peringkat,
                id: r.id.0,
                nama: r.nama_lengkap.clone(),
                nip: r.nip.to_string(),
                jabatan: r.jabatan_nama.clone().unwrap_or_else(|| "—".to_owned()),
                unit: r.unit_nama.clone(),
                opd: if r.opd_nama == r.unit_nama {
                    String::new()
                } else {
                    r.opd_nama.clone()
                },
                jpm: k
                    .hasil
                    .jpm
                    .map_or_else(|| "—".to_owned(), |j| persen_bp(j.basis_poin())),
                kategori: kategori(skala, k),
                kelas_kategori: kelas_kategori(skala, k),
                dinilai: k.hasil.jumlah.dinilai,
                kedaluwarsa: k.hasil.jumlah.kedaluwarsa,
                belum_dinilai: k.hasil.jumlah.belum_dinilai,
                memenuhi_syarat: k.memenuhi_syarat,
                cukup_dinilai: k.cukup_dinilai,
            })
        })
        .collect();
    let n = h.baris.len() as u64;
    let awal = u64::from(f.halaman.saturating_sub(1)) * u64::from(PER_HALAMAN) + 1;
    let tampil = if n == 0 {
        if f.syarat {
            "Belum ada pegawai yang memenuhi syarat.".to_owned()
        } else {
            "Tidak ada pegawai yang cocok dengan filter.".to_owned()
        }
    } else if rows.is_empty() {
        format!("{} pegawai; halaman ini kosong.", ribuan(n))
    } else {
        format!(
            "Menampilkan {}–{} dari {} pegawai.",
            ribuan(awal),
            ribuan(awal + rows.len() as u64 - 1),
            ribuan(n)
        )
    };
    let ringkas = format!(
        "{} pegawai diperingkat, {} memenuhi syarat. {tampil}",
        ribuan(u64::from(h.total)),
        ribuan(u64::from(h.memenuhi_syarat))
    );
    let dasar = format!("/jabatan/{}/kecocokan", id.0);
    let ekor = f.query(1);
    let ekor = ekor.trim_start_matches('?');
    let unduh = |format: &str| {
        format!(
            "{dasar}/unduh?format={format}{}{ekor}",
            if ekor.is_empty() { "" } else { "&" }
        )
    };
    let lingkup = sesi.lingkup();
    let opd = Opsi::unit(h.units.pilihan_filter(lingkup), f.opd);
    let jenis = Opsi::jenis_jabatan(f.jenis);
    let status = Opsi::status_asn(f.status);
    let catatan = match lingkup {
        Lingkup::Unit(_) => Some("Hanya pegawai di unit yang Anda pimpin yang diperingkat."),
        Lingkup::Pegawai(_) => {
            Some("Anda hanya melihat kecocokan Anda sendiri dengan jabatan ini.")
        }
        Lingkup::Instansi | Lingkup::Kosong => None,
    };
    let tpl = KecocokanTpl {
        layout: Layout::untuk(&sesi, &format!("Kecocokan: {}", h.jabatan.nama), "jabatan"),
        id: id.0,
        nama: h.jabatan.nama.clone(),
        tingkat: h.jabatan.tingkat.label(),
        unit: h.unit.clone(),
        standar: h
            .standar
            .iter()
            .map(|s| StandarView {
                kode: s.kode.clone(),
                nama: s.nama.clone(),
                kelompok: s.kelompok.label(),
                level: s.level.get(),
                bobot: s.bobot,
            })
            .collect(),
        skala: skala.nama().to_owned(),
        teks_skala: h.teks_skala(),
        ambang: h.teks_ambang(),
        catatan,
        masalah,
        keterangan: h.keterangan,
        opd,
        jenis,
        status,
        syarat: f.syarat,
        ringkas,
        baris,
        halaman: f.halaman,
        jumlah_halaman,
        sebelumnya: (f.halaman > 1)
            .then(|| format!("{dasar}{}", f.query((f.halaman - 1).min(jumlah_halaman)))),
        berikutnya: (f.halaman < jumlah_halaman)
            .then(|| format!("{dasar}{}", f.query(f.halaman + 1))),
        unduh_xlsx: unduh("xlsx"),
        unduh_csv: unduh("csv"),
    };
    render(&tpl)
}

// ---------------------------------------------------------------- download

pub(crate) async fn unduh(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
    params: Params,
) -> Result<Response, PageError> {
    let id = jabatan_id(&raw)?;
    let format = Format::dari(&params)?;
    let (f, _) = filter_kecocokan(&params);
    let h = hitung(&state, &sesi, id, &f).await?;
    let data = h.data_pegawai(&state, &sesi, f.jenis, &h.baris).await?;
    let skala = h.skala();
    let mut tabel = Tabel::new(
        "Kecocokan pegawai dengan jabatan",
        vec![
            Kolom::dengan_lebar("Peringkat", 10.0),
            Kolom::dengan_lebar("NIP", 22.0),
            Kolom::new("Nama"),
            Kolom::new("Jabatan saat ini"),
            Kolom::new("Unit kerja"),
            Kolom::dengan_lebar("JPM (%)", 10.0),
            Kolom::new("Kategori"),
            Kolom::dengan_lebar("Memenuhi syarat", 16.0),
            Kolom::dengan_lebar("Dinilai", 9.0),
            Kolom::dengan_lebar("Kedaluwarsa", 12.0),
            Kolom::dengan_lebar("Belum dinilai", 13.0),
        ],
    );
    tabel.catatan = vec![
        format!(
            "Jabatan: {} ({}), {}",
            h.jabatan.nama,
            h.jabatan.tingkat.label(),
            h.unit
        ),
        format!("Standar: {}", h.teks_standar()),
        format!(
            "Skala {}: {}. Memenuhi syarat: {}.",
            skala.nama(),
            h.teks_skala(),
            h.teks_ambang()
        ),
        format!(
            "{}, {}; {} pegawai diperingkat, {} memenuhi syarat.",
            sesi.instansi.nama,
            tanggal(state.hari_ini()),
            ribuan(u64::from(h.total)),
            ribuan(u64::from(h.memenuhi_syarat))
        ),
    ];
    if let Some(k) = h.keterangan {
        tabel.catatan.push(k.to_owned());
    }
    let angka = |n: u32| Sel::Bulat(i64::from(n));
    tabel.baris = h
        .baris
        .iter()
        .filter_map(|k| {
            let r = data.get(&h.pegawai_id(k)?)?;
            Some(vec![
                angka(k.peringkat),
                Sel::teks(r.nip.as_str()),
                Sel::teks(r.nama_lengkap.clone()),
                r.jabatan_nama.clone().map_or(Sel::Kosong, Sel::Teks),
                Sel::teks(r.unit_nama.clone()),
                k.hasil
                    .jpm
                    .map_or(Sel::Kosong, |j| Sel::persen(j.persen(), 2)),
                Sel::teks(kategori(skala, k)),
                Sel::teks(if k.memenuhi_syarat { "Ya" } else { "Tidak" }),
                angka(k.hasil.jumlah.dinilai),
                angka(k.hasil.jumlah.kedaluwarsa),
                angka(k.hasil.jumlah.belum_dinilai),
            ])
        })
        .collect();
    let nama = format!("kecocokan-jabatan-{}", id.0);
    Ok(unduh::respons(&tabel, format, &nama, state.hari_ini())?)
}

// ---------------------------------------------------------------- API

/// One competency of the position's standard.
#[derive(Serialize, ToSchema)]
pub(crate) struct StandarKecocokanDto {
    pub kompetensi_id: i64,
    pub kode: String,
    pub nama: String,
    /// `manajerial`, `sosial_kultural` or `teknis`.
    pub kelompok: &'static str,
    /// Required level, 1..=5.
    pub level: u8,
    pub bobot: u32,
}

/// The position everyone is measured against.
#[derive(Serialize, ToSchema)]
pub(crate) struct JabatanKecocokanDto {
    pub id: i64,
    pub kode: String,
    pub nama: String,
    /// Position type code, e.g. `administrator`.
    pub jenis: &'static str,
    /// "Fungsional Ahli Pertama", "Administrator".
    pub tingkat: String,
    pub unit_id: i64,
    /// The unit's path, "Dinas Kesehatan › Bidang Pelayanan Kesehatan".
    pub unit: String,
    pub standar: Vec<StandarKecocokanDto>,
}

/// One employee against the position's standard.
#[derive(Serialize, ToSchema)]
pub(crate) struct BarisKecocokanDto {
    /// 1 is the best fit among the employees ranked under the filters.
    pub peringkat: u32,
    pub pegawai_id: i64,
    pub nip: String,
    pub nama: String,
    /// The employee's current position.
    pub jabatan_id: Option<i64>,
    pub jabatan: Option<String>,
    pub unit_id: i64,
    pub unit: String,
    /// JPM against this position, percent; null when nothing of its standard is assessed.
    #[schema(example = 77.78)]
    pub jpm: Option<f64>,
    /// The same in hundredths of a percent, rounded half up.
    #[schema(example = 7778)]
    pub jpm_bp: Option<u32>,
    /// Category on the selection scale, e.g. `Memenuhi Syarat`.
    pub kategori: Option<String>,
    /// Why there is no JPM, e.g. `belum_ada_yang_dinilai`.
    pub tanpa_jpm: Option<&'static str>,
    /// Enough of the standard validly assessed and the category at or
    /// above the instansi's threshold.
    pub memenuhi_syarat: bool,
    /// At least the instansi's minimum share of the standard is validly
    /// assessed (those who are not are ranked after those who are).
    pub cukup_dinilai: bool,
    /// Competencies of the standard with a valid assessment.
    pub dinilai: u32,
    /// With only expired results (not counted).
    pub kedaluwarsa: u32,
    pub belum_dinilai: u32,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct KecocokanDto {
    #[schema(format = Date, example = "2026-11-27")]
    pub hari_ini: String,
    pub jabatan: JabatanKecocokanDto,
    /// Name of the selection scale, e.g. `Seleksi`.
    pub skala: String,
    /// The lowest category that counts as eligible.
    pub ambang: String,
    /// Why nobody is ranked (the position has no usable standard); null otherwise.
    pub keterangan: Option<String>,
    /// Employees ranked under `opd`, `jenis` and `status`.
    pub total: u32,
    /// How many of them are eligible.
    pub memenuhi_syarat: u32,
    pub halaman: u32,
    pub per_halaman: u32,
    /// Pages of the rows after every filter (including `syarat`).
    pub jumlah_halaman: u32,
    pub baris: Vec<BarisKecocokanDto>,
}

#[utoipa::path(
    get, path = "/api/v1/jabatan/{id}/kecocokan", tag = "kecocokan", security(("sesi" = [])),
    params(
        ("id" = i64, Path, description = "Position id"),
        ("opd" = Option<i64>, Query, description = "A unit id (normally an OPD): only employees in it and below"),
        ("jenis" = Option<String>, Query, description = "Type of the employees' current position, e.g. `fungsional`"),
        ("status" = Option<String>, Query, description = "`pns` or `pppk`"),
        ("syarat" = Option<String>, Query, description = "`1`: only the eligible"),
        ("halaman" = Option<u32>, Query, description = "Page, from 1; 50 rows a page"),
    ),
    responses(
        (status = 200, body = KecocokanDto),
        (status = 400, description = "A filter is not valid", body = ErrorBody),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 403, description = "Mitra, or a unit outside the reader's scope", body = ErrorBody),
        (status = 404, description = "No such position", body = ErrorBody),
    )
)]
pub(crate) async fn api_kecocokan(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
    params: Params,
) -> Result<Json<KecocokanDto>, ApiError> {
    let id = jabatan_id(&raw)?;
    let (f, masalah) = filter_kecocokan(&params);
    tolak_masalah(&masalah)?;
    let h = hitung(&state, &sesi, id, &f).await?;
    let (rows, jumlah_halaman) = h.halaman(f.halaman);
    let data = h.data_pegawai(&state, &sesi, f.jenis, rows).await?;
    let skala = h.skala();
    let baris = rows
        .iter()
        .filter_map(|k| {
            let r = data.get(&h.pegawai_id(k)?)?;
            Some(BarisKecocokanDto {
                peringkat: k.peringkat,
                pegawai_id: r.id.0,
                nip: r.nip.as_str().to_owned(),
                nama: r.nama_lengkap.clone(),
                jabatan_id: r.jabatan.map(|j| j.0),
                jabatan: r.jabatan_nama.clone(),
                unit_id: r.unit.0,
                unit: r.unit_nama.clone(),
                jpm: k.hasil.jpm.map(|j| j.persen()),
                jpm_bp: k.hasil.jpm.map(|j| j.basis_poin()),
                kategori: k.hasil.kategori.map(|i| skala.label(i).to_owned()),
                tanpa_jpm: k.hasil.tanpa_jpm.map(AlasanTanpaJpm::kode),
                memenuhi_syarat: k.memenuhi_syarat,
                cukup_dinilai: k.cukup_dinilai,
                dinilai: k.hasil.jumlah.dinilai,
                kedaluwarsa: k.hasil.jumlah.kedaluwarsa,
                belum_dinilai: k.hasil.jumlah.belum_dinilai,
            })
        })
        .collect();
    Ok(Json(KecocokanDto {
        hari_ini: state.hari_ini().to_string(),
        jabatan: JabatanKecocokanDto {
            id: h.jabatan.id.0,
            kode: h.jabatan.kode.clone(),
            nama: h.jabatan.nama.clone(),
            jenis: h.jabatan.tingkat.jenis().code(),
            tingkat: h.jabatan.tingkat.label(),
            unit_id: h.jabatan.unit.0,
            unit: h.unit.clone(),
            standar: h
                .standar
                .iter()
                .map(|s| StandarKecocokanDto {
                    kompetensi_id: s.kompetensi.0,
                    kode: s.kode.clone(),
                    nama: s.nama.clone(),
                    kelompok: s.kelompok.code(),
                    level: s.level.get(),
                    bobot: s.bobot,
                })
                .collect(),
        },
        skala: skala.nama().to_owned(),
        ambang: skala.label(h.atur.ambang_seleksi).to_owned(),
        keterangan: h.keterangan.map(str::to_owned),
        total: h.total,
        memenuhi_syarat: h.memenuhi_syarat,
        halaman: f.halaman,
        per_halaman: PER_HALAMAN,
        jumlah_halaman,
        baris,
    }))
}

#[derive(OpenApi)]
#[openapi(
    paths(api_kecocokan),
    tags((name = "kecocokan", description = "Job fit: employees ranked against a position's standard (personal data; not for mitra)"))
)]
pub(crate) struct ApiKecocokanDoc;
