//! `/kamus`: the competency dictionary.

use super::pegawai::id_path;
use super::{Layout, render};
use crate::AppState;
use crate::error::PageError;
use crate::sesi::Sesi;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use kompeten_domain::KelompokKompetensi;
use kompeten_store::{Kompetensi, KompetensiId};

pub(crate) struct ItemKamus {
    pub id: i64,
    pub kode: String,
    pub nama: String,
    pub definisi: String,
}

pub(crate) struct GrupKamus {
    pub judul: String,
    pub item: Vec<ItemKamus>,
}

/// Manajerial, Sosial Kultural, then Teknis per bidang (in dictionary order).
pub(crate) fn kelompokkan(list: &[Kompetensi]) -> Vec<GrupKamus> {
    let mut grup: Vec<GrupKamus> = Vec::new();
    for k in list {
        let judul = match (
            k.kelompok,
            k.bidang.as_deref().filter(|b| !b.trim().is_empty()),
        ) {
            (KelompokKompetensi::Teknis, Some(bidang)) => format!("Teknis — {bidang}"),
            (KelompokKompetensi::Teknis, None) => "Teknis — Umum".to_owned(),
            (kelompok, _) => kelompok.label().to_owned(),
        };
        let item = ItemKamus {
            id: k.id.0,
            kode: k.kode.clone(),
            nama: k.nama.clone(),
            definisi: k.definisi.clone(),
        };
        match grup.iter_mut().find(|g| g.judul == judul) {
            Some(g) => g.item.push(item),
            None => grup.push(GrupKamus {
                judul,
                item: vec![item],
            }),
        }
    }
    grup
}

#[derive(Template)]
#[template(path = "kamus_daftar.html")]
struct DaftarTpl {
    layout: Layout,
    grup: Vec<GrupKamus>,
    jumlah: usize,
}

pub(crate) async fn daftar(
    State(state): State<AppState>,
    sesi: Sesi,
) -> Result<Response, PageError> {
    let list = state.store().list_kompetensi(sesi.instansi_id()).await?;
    render(&DaftarTpl {
        layout: Layout::untuk(&sesi, "Kamus kompetensi", "kamus"),
        grup: kelompokkan(&list),
        jumlah: list.len(),
    })
}

pub(crate) struct LevelView {
    pub level: u8,
    pub deskripsi: String,
    /// ("1.1", text), numbered level.index.
    pub indikator: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "kamus_detail.html")]
struct DetailTpl {
    layout: Layout,
    kode: String,
    nama: String,
    kelompok: &'static str,
    bidang: Option<String>,
    definisi: String,
    level: Vec<LevelView>,
}

pub(crate) fn level_view(k: &Kompetensi) -> Vec<LevelView> {
    k.level
        .iter()
        .map(|l| LevelView {
            level: l.level.get(),
            deskripsi: l.deskripsi.clone(),
            indikator: l
                .indikator
                .iter()
                .enumerate()
                .map(|(i, t)| (format!("{}.{}", l.level.get(), i + 1), t.clone()))
                .collect(),
        })
        .collect()
}

pub(crate) async fn detail(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
) -> Result<Response, PageError> {
    let id = KompetensiId(id_path(&raw)?);
    let k = state.store().kompetensi(sesi.instansi_id(), id).await?;
    render(&DetailTpl {
        layout: Layout::untuk(&sesi, &k.nama, "kamus"),
        kode: k.kode.clone(),
        nama: k.nama.clone(),
        kelompok: k.kelompok.label(),
        bidang: k.bidang.clone().filter(|b| !b.trim().is_empty()),
        definisi: k.definisi.clone(),
        level: level_view(&k),
    })
}
