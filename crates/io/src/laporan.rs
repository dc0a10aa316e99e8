//! Report tables built from the analytics, shared by the web downloads and
//! the CLI (`kompeten export gaps`).

use crate::analitik::{DataAnalitik, PengaturanAnalitik};
use crate::tabel::{Kolom, Sel, Tabel};
use kompeten_engine::kesenjangan::{GalatAnalisis, StatusKompetensi, hitung_pegawai};
use kompeten_store::{
    InstansiId, Lingkup, PegawaiId, PegawaiQuery, PegawaiRow, Store, StoreResult,
};
use std::collections::{BTreeSet, HashMap};
use time::Date;

/// Fixed columns of [`kesenjangan_pegawai`] before the per-competency pairs.
pub const KOLOM_TETAP_KESENJANGAN: [&str; 12] = [
    "NIP",
    "Nama",
    "OPD",
    "Unit kerja",
    "Jabatan",
    "JPM (%)",
    "Kategori",
    "Kompetensi wajib",
    "Dinilai (berlaku)",
    "Kedaluwarsa",
    "Belum dinilai",
    "Memenuhi standar",
];

/// One row per chosen employee: identity, JPM and category (or why there is
/// none), counts of required, assessed, expired and missing competencies,
/// then for each competency required of anyone in the table its required
/// and current level. A current level is a number only when valid;
/// "kedaluwarsa" and "belum dinilai" are written out, never as 0.
///
/// `pilihan` are engine employee indexes in the order wanted; employees
/// without an identity row (outside the reader's scope) are skipped.
pub fn kesenjangan_pegawai(
    d: &DataAnalitik,
    pilihan: &[u32],
    identitas: &HashMap<PegawaiId, &PegawaiRow>,
    hari_ini: Date,
    atur: &PengaturanAnalitik,
) -> Result<Tabel, GalatAnalisis> {
    let mut hasil = Vec::with_capacity(pilihan.len());
    let mut dipakai = BTreeSet::new();
    for &p in pilihan {
        let Some(row) = d
            .data
            .pegawai_id(p)
            .and_then(|id| identitas.get(&PegawaiId(id)))
        else {
            continue;
        };
        let h = hitung_pegawai(&d.data, p, hari_ini, &atur.jpm, &atur.skala_pemetaan)?;
        dipakai.extend(h.rincian.iter().map(|r| r.kompetensi));
        hasil.push((*row, h));
    }
    // Dictionary order: engine indexes are assigned in it.
    let kompetensi: Vec<u32> = dipakai.into_iter().collect();
    let posisi: HashMap<u32, usize> = kompetensi
        .iter()
        .enumerate()
        .map(|(i, k)| (*k, i))
        .collect();

    let mut kolom: Vec<Kolom> = KOLOM_TETAP_KESENJANGAN
        .iter()
        .map(|j| match *j {
            "NIP" => Kolom::dengan_lebar(*j, 21.0),
            "Nama" | "Jabatan" | "Unit kerja" | "OPD" => Kolom::dengan_lebar(*j, 32.0),
            _ => Kolom::new(*j),
        })
        .collect();
    for k in &kompetensi {
        let kode = d.kolom(*k).map_or("?", |c| c.kode.as_str());
        kolom.push(Kolom::new(format!("{kode} wajib")));
        kolom.push(Kolom::new(format!("{kode} saat ini")));
    }
    let mut tabel = Tabel::new("Kesenjangan per pegawai", kolom);
    tabel.catatan = vec![
        format!("Skala kategori: {}", atur.skala_pemetaan.nama()),
        format!(
            "Level dibatasi pada level standar: {}",
            if atur.jpm.batasi_level { "ya" } else { "tidak" }
        ),
        "Level saat ini hanya dari penilaian yang masih berlaku.".to_owned(),
    ];
    for (row, h) in hasil {
        let (jpm, kategori) = match (h.jpm, h.kategori, h.tanpa_jpm) {
            (Some(j), k, _) => (
                Sel::persen(j.persen(), 2),
                Sel::teks(k.map_or("", |k| atur.skala_pemetaan.label(k))),
            ),
            (None, _, alasan) => (
                Sel::Kosong,
                Sel::teks(alasan.map_or("Tidak dapat dihitung", |a| a.label())),
            ),
        };
        let mut sel = vec![
            Sel::teks(row.nip.as_str()),
            Sel::teks(row.nama_lengkap.as_str()),
            Sel::teks(row.opd_nama.as_str()),
            Sel::teks(row.unit_nama.as_str()),
            Sel::teks(row.jabatan_nama.as_deref().unwrap_or("")),
            jpm,
            kategori,
            Sel::Bulat(i64::from(h.jumlah.wajib)),
            Sel::Bulat(i64::from(h.jumlah.dinilai)),
            Sel::Bulat(i64::from(h.jumlah.kedaluwarsa)),
            Sel::Bulat(i64::from(h.jumlah.belum_dinilai)),
            Sel::Bulat(i64::from(h.jumlah.memenuhi)),
        ];
        let mut per_k = vec![(Sel::Kosong, Sel::Kosong); kompetensi.len()];
        for r in &h.rincian {
            let Some(&i) = posisi.get(&r.kompetensi) else {
                continue;
            };
            let kini = match r.status {
                StatusKompetensi::Memenuhi { level } | StatusKompetensi::Kurang { level, .. } => {
                    Sel::Bulat(i64::from(level))
                }
                StatusKompetensi::Kedaluwarsa { .. } => Sel::teks("kedaluwarsa"),
                StatusKompetensi::BelumDinilai => Sel::teks("belum dinilai"),
            };
            per_k[i] = (Sel::Bulat(i64::from(r.wajib)), kini);
        }
        for (w, k) in per_k {
            sel.push(w);
            sel.push(k);
        }
        tabel.baris.push(sel);
    }
    Ok(tabel)
}

/// Every active employee in a scope, ordered by OPD, unit and name, read in
/// pages of the store's maximum size.
pub async fn semua_pegawai(
    store: &dyn Store,
    i: InstansiId,
    lingkup: Lingkup,
) -> StoreResult<Vec<PegawaiRow>> {
    halaman_demi_halaman(store, i, PegawaiQuery::semua(lingkup)).await
}

/// Every employee `q` finds (its page fields aside), in its order, read in
/// pages of the store's maximum size.
pub async fn halaman_demi_halaman(
    store: &dyn Store,
    i: InstansiId,
    q: PegawaiQuery,
) -> StoreResult<Vec<PegawaiRow>> {
    let mut semua = Vec::new();
    let mut q = PegawaiQuery {
        per_halaman: 1000,
        halaman: 1,
        ..q
    };
    loop {
        let page = store.search_pegawai(i, &q).await?;
        let habis = page.items.is_empty();
        semua.extend(page.items);
        if habis || semua.len() as u64 >= page.total {
            return Ok(semua);
        }
        q.halaman += 1;
    }
}

/// The per-employee gap table of a whole instansi straight from a store, as
/// `kompeten export gaps` writes it: the instansi's own settings, every
/// active employee in list order.
pub async fn kesenjangan_instansi(
    store: &dyn Store,
    i: InstansiId,
    hari_ini: Date,
) -> Result<Tabel, GalatLaporan> {
    let atur =
        PengaturanAnalitik::dari_json(store.pengaturan(i, PengaturanAnalitik::KUNCI).await?)?;
    let rows = store.data_kesenjangan(i).await?;
    let d = DataAnalitik::bangun(&rows)?;
    drop(rows);
    let pegawai = semua_pegawai(store, i, Lingkup::Instansi).await?;
    let pilihan: Vec<u32> = pegawai
        .iter()
        .filter_map(|p| d.pegawai_indeks(p.id))
        .collect();
    let identitas: HashMap<PegawaiId, &PegawaiRow> = pegawai.iter().map(|p| (p.id, p)).collect();
    Ok(kesenjangan_pegawai(
        &d, &pilihan, &identitas, hari_ini, &atur,
    )?)
}

/// Why a report could not be built.
#[derive(Debug, thiserror::Error)]
pub enum GalatLaporan {
    #[error("cannot read the data")]
    Store(#[from] kompeten_store::StoreError),
    #[error(transparent)]
    Pengaturan(#[from] crate::analitik::PengaturanTidakValid),
    #[error(transparent)]
    Kebutuhan(#[from] crate::kebutuhan::PengaturanKebutuhanTidakValid),
    #[error("the gap data is not usable")]
    Data(#[from] kompeten_engine::kesenjangan::GalatData),
    #[error("the gap analysis failed")]
    Analisis(#[from] GalatAnalisis),
}
