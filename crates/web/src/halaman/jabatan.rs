//! `/jabatan`: positions with their standards and holders within scope.

use super::pegawai::{BarisPegawai, Pilihan, id_path};
use super::{Layout, minta_fragmen, render, vary_htmx};
use crate::AppState;
use crate::error::PageError;
use crate::format::query_string;
use crate::layanan::{PetaUnit, daftar_jabatan, detail_jabatan, lingkup_mencakup_unit};
use crate::params::{FilterJabatan, Params, filter_jabatan};
use crate::sesi::Sesi;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use kompeten_domain::format::ribuan;
use kompeten_store::{JabatanId, JabatanQuery, Lingkup};

pub(crate) struct BarisJabatanView {
    pub id: i64,
    pub nama: String,
    pub tingkat: String,
    pub kelas: String,
    pub unit: String,
    pub pemegang: String,
    pub standar: u64,
}

pub(crate) struct HasilJabatan {
    pub baris: Vec<BarisJabatanView>,
    pub ringkas: String,
    pub masalah: Vec<String>,
    pub halaman: usize,
    pub jumlah_halaman: usize,
    pub sebelumnya: Option<String>,
    pub berikutnya: Option<String>,
}

#[derive(Template)]
#[template(path = "jabatan_hasil.html")]
struct HasilTpl {
    hasil: HasilJabatan,
}

#[derive(Template)]
#[template(path = "jabatan_daftar.html")]
struct DaftarTpl {
    layout: Layout,
    q: String,
    opd: Vec<Pilihan>,
    jenis: Vec<Pilihan>,
    hasil: HasilJabatan,
}

/// Positions on one page of the list.
const PER_HALAMAN: usize = 100;

/// The list's address with these filters on another page.
fn url_halaman(f: &FilterJabatan, halaman: usize) -> String {
    let query = query_string([
        ("q", f.q.clone().unwrap_or_default()),
        ("opd", f.opd.map(|u| u.to_string()).unwrap_or_default()),
        (
            "jenis",
            f.jenis.map(|j| j.code().to_owned()).unwrap_or_default(),
        ),
        (
            "halaman",
            if halaman > 1 {
                halaman.to_string()
            } else {
                String::new()
            },
        ),
    ]);
    format!("/jabatan{query}")
}

pub(crate) fn query_jabatan(f: &FilterJabatan) -> JabatanQuery {
    JabatanQuery {
        teks: f.q.clone(),
        unit: f.opd,
        jenis: f.jenis,
    }
}

pub(crate) async fn daftar(
    State(state): State<AppState>,
    sesi: Sesi,
    headers: HeaderMap,
    params: Params,
) -> Result<Response, PageError> {
    let (mut f, mut masalah) = filter_jabatan(&params);
    let units = PetaUnit::muat(state.store(), &sesi).await?;
    if f.opd.is_some_and(|u| units.get(u).is_none()) {
        masalah.push("OPD yang dipilih tidak ditemukan; filter ini diabaikan.".to_owned());
        f.opd = None;
    }
    let rows = daftar_jabatan(&state, &sesi, &query_jabatan(&f)).await?;
    let total = rows.len();
    let jumlah_halaman = total.div_ceil(PER_HALAMAN).max(1);
    let diminta = match params.get("halaman").map(str::parse::<usize>) {
        None => 1,
        Some(Ok(h)) if h >= 1 => h,
        Some(_) => {
            masalah.push("Nomor halaman tidak valid; halaman pertama ditampilkan.".to_owned());
            1
        }
    };
    let halaman = diminta.min(jumlah_halaman);
    let mulai = (halaman - 1) * PER_HALAMAN;
    let ringkas = if total == 0 {
        "Tidak ada jabatan yang cocok.".to_owned()
    } else if jumlah_halaman > 1 {
        format!(
            "{} jabatan; {}–{} ditampilkan",
            ribuan(total as u64),
            ribuan(mulai as u64 + 1),
            ribuan(total.min(mulai + PER_HALAMAN) as u64)
        )
    } else {
        format!("{} jabatan", ribuan(total as u64))
    };
    let baris = rows
        .into_iter()
        .skip(mulai)
        .take(PER_HALAMAN)
        .map(|b| BarisJabatanView {
            id: b.row.jabatan.id.0,
            nama: b.row.jabatan.nama,
            tingkat: b.row.jabatan.tingkat.label(),
            kelas: b
                .row
                .jabatan
                .kelas
                .map_or_else(|| "—".to_owned(), |k| k.to_string()),
            unit: b.row.unit_nama,
            pemegang: b.pemegang.map_or_else(|| "—".to_owned(), ribuan),
            standar: b.row.jumlah_standar,
        })
        .collect();
    let hasil = HasilJabatan {
        baris,
        ringkas,
        masalah,
        halaman,
        jumlah_halaman,
        sebelumnya: (halaman > 1).then(|| url_halaman(&f, halaman - 1)),
        berikutnya: (halaman < jumlah_halaman).then(|| url_halaman(&f, halaman + 1)),
    };
    if minta_fragmen(&headers) {
        return Ok(vary_htmx(render(&HasilTpl { hasil })?));
    }
    let opd = Pilihan::unit(units.opd(), f.opd);
    let jenis = Pilihan::jenis_jabatan(f.jenis);
    let tpl = DaftarTpl {
        layout: Layout::untuk(&sesi, "Jabatan", "jabatan"),
        q: f.q.clone().unwrap_or_default(),
        opd,
        jenis,
        hasil,
    };
    Ok(vary_htmx(render(&tpl)?))
}

pub(crate) struct BarisStandarView {
    pub kompetensi: i64,
    pub kode: String,
    pub nama: String,
    pub kelompok: &'static str,
    pub level: u8,
    pub bobot: u32,
}

#[derive(Template)]
#[template(path = "jabatan_detail.html")]
struct DetailTpl {
    id: i64,
    layout: Layout,
    nama: String,
    kode: String,
    tingkat: String,
    kelas: String,
    unit_jalur: Vec<(i64, String)>,
    standar: Vec<BarisStandarView>,
    /// `None` when the reader sees no employees (mitra).
    pemegang: Option<Vec<BarisPegawai>>,
    lingkup_sebagian: bool,
    /// Writers within scope may edit the standard.
    boleh_ubah_standar: bool,
}

pub(crate) async fn detail(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
) -> Result<Response, PageError> {
    let id = JabatanId(id_path(&raw)?);
    let d = detail_jabatan(&state, &sesi, id).await?;
    let tpl = DetailTpl {
        id: id.0,
        layout: Layout::untuk(&sesi, &d.jabatan.nama, "jabatan"),
        nama: d.jabatan.nama.clone(),
        kode: d.jabatan.kode.clone(),
        tingkat: d.jabatan.tingkat.label(),
        kelas: d
            .jabatan
            .kelas
            .map_or_else(|| "—".to_owned(), |k| k.to_string()),
        unit_jalur: d
            .units
            .jalur(d.jabatan.unit)
            .iter()
            .map(|u| (u.id.0, u.nama.clone()))
            .collect(),
        standar: d
            .standar
            .iter()
            .map(|s| BarisStandarView {
                kompetensi: s.kompetensi.0,
                kode: s.kode.clone(),
                nama: s.nama.clone(),
                kelompok: s.kelompok.label(),
                level: s.level.get(),
                bobot: s.bobot,
            })
            .collect(),
        pemegang: d
            .pemegang
            .as_ref()
            .map(|rows| rows.iter().map(BarisPegawai::dari).collect()),
        lingkup_sebagian: sesi.lingkup() != Lingkup::Instansi,
        boleh_ubah_standar: sesi.role().may_write()
            && d.units
                .get(d.jabatan.unit)
                .is_some_and(|u| lingkup_mencakup_unit(sesi.lingkup(), u)),
    };
    render(&tpl)
}
