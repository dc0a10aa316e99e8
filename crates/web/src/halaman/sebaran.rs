//! `/sebaran`: "Sebaran Kompetensi", per competency the distribution of
//! current levels and gaps among the employees required to have it, with a
//! per-unit breakdown `/sebaran/{id}`, downloads of both tables and the
//! overview as `GET /api/v1/sebaran`.
//!
//! Scope, filters and rows come from the Peta Kompetensi computation
//! ([`super::peta::hitung_peta`]), so both pages count the same people: the
//! chosen employees in a row of the map.

use super::pegawai::{Pilihan as Opsi, id_path};
use super::peta::{FilterPeta, Peta, filter_peta, hitung_peta};
use super::{Layout, render};
use crate::AppState;
use crate::error::{ApiError, AppError, ErrorBody, PageError};
use crate::format::{persen, query_string};
use crate::layanan::PetaUnit;
use crate::params::Params;
use crate::sesi::Sesi;
use crate::unduh::{self, Format};
use askama::Template;
use axum::Json;
use axum::extract::{Path, State};
use axum::response::Response;
use kompeten_domain::KelompokKompetensi;
use kompeten_domain::format::ribuan;
use kompeten_engine::kesenjangan::{Pilihan, Sebaran, SelPeta, sebaran_kompetensi};
use kompeten_io::analitik::KompetensiKolom;
use kompeten_io::tabel::{Kolom, Sel, Tabel};
use kompeten_store::{KompetensiId, Lingkup};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::{OpenApi, ToSchema};

/// Index meaning "none" in the engine's index columns.
const TANPA: u32 = u32::MAX;

/// Width of the small stacked bar of the overview, in pixels.
const BAR_LEBAR: u32 = 120;
const BAR_TINGGI: u32 = 14;

/// Everything one request computes: the map (scope, rows, cells) and the
/// distribution of every competency over the people in its rows.
struct HasilSebaran {
    peta: Peta,
    /// The counted employees (chosen and in a row), engine indexes.
    dihitung: Vec<u32>,
    /// By competency index.
    sebaran: Vec<Sebaran>,
    /// Shown competencies: managerial and socio-cultural always, technical
    /// ones someone counted is required to have; dictionary order.
    kolom: Vec<KompetensiKolom>,
}

async fn hitung(state: &AppState, sesi: &Sesi, f: &FilterPeta) -> Result<HasilSebaran, AppError> {
    let peta = hitung_peta(state, sesi, f).await?;
    let data = &peta.analitik.data;
    // Only people inside a row, as on the map (the rows hold the OPD filter).
    let dihitung: Vec<u32> = peta
        .pilihan
        .iter()
        .copied()
        .filter(|&p| {
            data.pegawai_unit(p)
                .and_then(|u| peta.kelompok_unit.get(u as usize))
                .is_some_and(|&b| b != TANPA)
        })
        .collect();
    let sebaran = sebaran_kompetensi(data, Pilihan::Daftar(&dihitung), state.hari_ini())
        .map_err(|e| AppError::Internal(format!("distribution: {e}")))?;
    let kolom = peta
        .analitik
        .kompetensi
        .iter()
        .filter(|k| {
            k.kelompok != KelompokKompetensi::Teknis
                || sebaran.get(k.indeks as usize).is_some_and(|s| s.wajib > 0)
        })
        .cloned()
        .collect();
    Ok(HasilSebaran {
        peta,
        dihitung,
        sebaran,
        kolom,
    })
}

// ---------------------------------------------------------------- numbers

/// The numbers of one competency (overall or one row), as every view shows them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Angka {
    wajib: u32,
    memenuhi: u32,
    /// Valid level 1..=5 among those required (index 0 is level 1).
    level: [u32; 5],
    /// Among the assessed: gap 0 (meets) .. 4.
    gap: [u32; 5],
    kedaluwarsa: u32,
    belum_dinilai: u32,
}

impl Angka {
    fn dari(s: &Sebaran) -> Self {
        Angka {
            wajib: s.wajib,
            memenuhi: s.gap[0],
            level: s.level,
            gap: s.gap,
            kedaluwarsa: s.kedaluwarsa,
            belum_dinilai: s.belum_dinilai,
        }
    }

    fn dinilai(&self) -> u32 {
        self.level.iter().sum()
    }

    fn gap_3_lebih(&self) -> u32 {
        self.gap[3] + self.gap[4]
    }

    fn persen(&self) -> Option<f64> {
        (self.wajib > 0).then(|| f64::from(self.memenuhi) * 100.0 / f64::from(self.wajib))
    }

    fn rerata_gap(&self) -> Option<f64> {
        let dinilai = self.dinilai();
        let jumlah: u32 = self.gap.iter().enumerate().map(|(g, n)| g as u32 * n).sum();
        (dinilai > 0).then(|| f64::from(jumlah) / f64::from(dinilai))
    }
}

/// Decimal with a comma, two places: "0,33"; "–" for none.
fn desimal(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_owned(), |x| format!("{x:.2}").replace('.', ","))
}

/// How many of the counted employees hold each required level (1..=5) of
/// competency `k` in their position's standard; one standard read per position.
fn level_standar(h: &HasilSebaran, k: u32) -> [u32; 5] {
    let data = &h.peta.analitik.data;
    let mut per_jabatan: HashMap<u32, Option<u8>> = HashMap::new();
    let mut out = [0u32; 5];
    for &p in &h.dihitung {
        let Some(j) = data.pegawai_jabatan(p) else {
            continue;
        };
        let wajib = *per_jabatan.entry(j).or_insert_with(|| {
            data.standar(j)
                .iter()
                .find(|i| i.kompetensi == k)
                .map(|i| i.level)
        });
        if let Some(l) = wajib.filter(|l| (1..=5).contains(l)) {
            out[usize::from(l - 1)] += 1;
        }
    }
    out
}

// ---------------------------------------------------------------- charts

/// One rectangle of a server-drawn SVG chart (CSS class, no inline style).
struct Kotak {
    x: u32,
    y: u32,
    lebar: u32,
    tinggi: u32,
    kelas: &'static str,
    judul: String,
}

/// The small stacked bar of a row: levels 1..5, then expired and not
/// assessed, each as a share of those required.
struct BarView {
    lebar: u32,
    tinggi: u32,
    kotak: Vec<Kotak>,
    judul: String,
}

const KELAS_LEVEL: [&str; 5] = [
    "sebaran-l1",
    "sebaran-l2",
    "sebaran-l3",
    "sebaran-l4",
    "sebaran-l5",
];

fn teks_level(a: &Angka) -> String {
    let level: Vec<String> = a
        .level
        .iter()
        .enumerate()
        .map(|(i, n)| format!("level {} {n}", i + 1))
        .collect();
    format!(
        "Dari {} pegawai yang wajib: {}; kedaluwarsa {}; belum dinilai {}",
        a.wajib,
        level.join(", "),
        a.kedaluwarsa,
        a.belum_dinilai
    )
}

fn bar_bertumpuk(a: &Angka) -> BarView {
    let bagian = a
        .level
        .iter()
        .zip(KELAS_LEVEL)
        .enumerate()
        .map(|(i, (&n, kelas))| (n, kelas, format!("Level {}: {n}", i + 1)))
        .chain([
            (
                a.kedaluwarsa,
                "sebaran-kedaluwarsa",
                format!("Kedaluwarsa: {}", a.kedaluwarsa),
            ),
            (
                a.belum_dinilai,
                "sebaran-belum",
                format!("Belum dinilai: {}", a.belum_dinilai),
            ),
        ]);
    let mut kotak = Vec::new();
    let mut kumulatif = 0u64;
    let total = u64::from(a.wajib.max(1));
    for (n, kelas, judul) in bagian {
        if n == 0 {
            continue;
        }
        // Edges from the running total, so the widths always add up.
        let x0 = kumulatif * u64::from(BAR_LEBAR) / total;
        kumulatif += u64::from(n);
        let x1 = kumulatif * u64::from(BAR_LEBAR) / total;
        kotak.push(Kotak {
            x: x0 as u32,
            y: 0,
            lebar: (x1 - x0) as u32,
            tinggi: BAR_TINGGI,
            kelas,
            judul,
        });
    }
    BarView {
        lebar: BAR_LEBAR,
        tinggi: BAR_TINGGI,
        kotak,
        judul: teks_level(a),
    }
}

/// A vertical bar chart of a few categories and one or two series.
struct GrafikView {
    lebar: u32,
    tinggi: u32,
    y_sumbu: u32,
    deskripsi: String,
    /// Category labels: (x of the centre, text).
    label: Vec<(u32, String)>,
    batang: Vec<Kotak>,
    /// Values above the bars: (x, y, text).
    nilai: Vec<(u32, u32, u32)>,
}

const GRAFIK_ATAS: u32 = 18;
const GRAFIK_TINGGI_PLOT: u32 = 140;
const GRAFIK_BATANG: u32 = 26;
const GRAFIK_JARAK: u32 = 18;

/// `seri`: (CSS class, series name, one value per category).
fn grafik_batang(
    kategori: &[String],
    seri: &[(&'static str, &str, Vec<u32>)],
    deskripsi: String,
) -> GrafikView {
    let maks = seri
        .iter()
        .flat_map(|(_, _, v)| v.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    let lebar_kelompok = GRAFIK_BATANG * seri.len() as u32 + GRAFIK_JARAK;
    let y_sumbu = GRAFIK_ATAS + GRAFIK_TINGGI_PLOT;
    let mut batang = Vec::new();
    let mut nilai = Vec::new();
    let mut label = Vec::new();
    for (c, nama_k) in kategori.iter().enumerate() {
        let x_kelompok = GRAFIK_JARAK + c as u32 * lebar_kelompok;
        label.push((
            x_kelompok + GRAFIK_BATANG * seri.len() as u32 / 2,
            nama_k.clone(),
        ));
        for (s, (kelas, nama_s, v)) in seri.iter().enumerate() {
            let n = v.get(c).copied().unwrap_or(0);
            let tinggi = (u64::from(n) * u64::from(GRAFIK_TINGGI_PLOT) / u64::from(maks)) as u32;
            let x = x_kelompok + s as u32 * GRAFIK_BATANG;
            batang.push(Kotak {
                x,
                y: y_sumbu - tinggi,
                lebar: GRAFIK_BATANG - 4,
                tinggi,
                kelas,
                judul: format!("{nama_k}, {nama_s}: {n}"),
            });
            nilai.push((x + (GRAFIK_BATANG - 4) / 2, y_sumbu - tinggi - 4, n));
        }
    }
    GrafikView {
        lebar: GRAFIK_JARAK + kategori.len() as u32 * lebar_kelompok,
        tinggi: y_sumbu + 22,
        y_sumbu,
        deskripsi,
        label,
        batang,
        nilai,
    }
}

// ---------------------------------------------------------------- overview page

/// A count as the page shows it: "1.234".
fn angka(n: u32) -> String {
    ribuan(u64::from(n))
}

struct BarisView {
    kode: String,
    nama: String,
    tautan: String,
    wajib: String,
    memenuhi: String,
    persen: String,
    bar: BarView,
    gap_1: String,
    gap_2: String,
    gap_3: String,
    kedaluwarsa: String,
    belum_dinilai: String,
}

struct GrupView {
    label: &'static str,
    baris: Vec<BarisView>,
}

#[derive(Template)]
#[template(path = "sebaran.html")]
struct SebaranTpl {
    layout: Layout,
    opd: Vec<Opsi>,
    jenis: Vec<Opsi>,
    status: Vec<Opsi>,
    grup: Vec<GrupView>,
    pegawai_dihitung: String,
    pegawai_tanpa_standar: String,
    masalah: Vec<String>,
    catatan: Option<&'static str>,
    unduh_xlsx: String,
    unduh_csv: String,
}

/// `?a=1&b=2` of the filters, and the same with `&` in front for appending.
fn ekor_filter(f: &FilterPeta) -> (String, String) {
    let q = query_string(f.pasangan());
    let ekor = q.trim_start_matches('?');
    let lanjut = if ekor.is_empty() {
        String::new()
    } else {
        format!("&{ekor}")
    };
    (q, lanjut)
}

fn catatan_lingkup(lingkup: Lingkup) -> Option<&'static str> {
    match lingkup {
        Lingkup::Unit(_) => Some("Sebaran ini hanya mencakup unit yang Anda pimpin."),
        Lingkup::Pegawai(_) => Some("Sebaran ini hanya berisi data Anda sendiri."),
        Lingkup::Instansi | Lingkup::Kosong => None,
    }
}

/// The filter choices of the form, as on the map.
fn opsi_filter(units: &PetaUnit, lingkup: Lingkup, f: &FilterPeta) -> [Vec<Opsi>; 3] {
    let opd = Opsi::unit(units.pilihan_filter(lingkup), f.opd);
    let jenis = Opsi::jenis_jabatan(f.jenis);
    let status = Opsi::status_asn(f.status);
    [opd, jenis, status]
}

pub(crate) async fn halaman(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Response, PageError> {
    let (f, masalah) = filter_peta(&params);
    let h = hitung(&state, &sesi, &f).await?;
    let lingkup = sesi.lingkup();
    let units = PetaUnit::muat(state.store(), &sesi).await?;
    let (q, lanjut) = ekor_filter(&f);
    let mut grup: Vec<GrupView> = Vec::new();
    for k in &h.kolom {
        let a = h
            .sebaran
            .get(k.indeks as usize)
            .map(Angka::dari)
            .unwrap_or_default();
        let baris = BarisView {
            kode: k.kode.clone(),
            nama: k.nama.clone(),
            tautan: format!("/sebaran/{}{q}", k.id),
            wajib: angka(a.wajib),
            memenuhi: angka(a.memenuhi),
            persen: persen(u64::from(a.memenuhi), u64::from(a.wajib)),
            bar: bar_bertumpuk(&a),
            gap_1: angka(a.gap[1]),
            gap_2: angka(a.gap[2]),
            gap_3: angka(a.gap_3_lebih()),
            kedaluwarsa: angka(a.kedaluwarsa),
            belum_dinilai: angka(a.belum_dinilai),
        };
        let label = k.kelompok.label();
        match grup.last_mut() {
            Some(g) if g.label == label => g.baris.push(baris),
            _ => grup.push(GrupView {
                label,
                baris: vec![baris],
            }),
        }
    }
    let [opd, jenis, status] = opsi_filter(&units, lingkup, &f);
    render(&SebaranTpl {
        layout: Layout::untuk(&sesi, "Sebaran Kompetensi", "sebaran"),
        opd,
        jenis,
        status,
        grup,
        pegawai_dihitung: angka(h.peta.pegawai_dihitung),
        pegawai_tanpa_standar: angka(h.peta.pegawai_tanpa_standar),
        masalah,
        catatan: catatan_lingkup(lingkup),
        unduh_xlsx: format!("/sebaran/unduh?format=xlsx{lanjut}"),
        unduh_csv: format!("/sebaran/unduh?format=csv{lanjut}"),
    })
}

// ---------------------------------------------------------------- one competency

struct UnitView {
    nama: String,
    tautan: Option<String>,
    wajib: String,
    memenuhi: String,
    persen: String,
    rerata_gap: String,
    kedaluwarsa: String,
    belum_dinilai: String,
}

/// One line of a chart's accessible table.
struct BarisGrafik {
    label: String,
    nilai: Vec<String>,
}

#[derive(Template)]
#[template(path = "sebaran_detail.html")]
struct DetailTpl {
    layout: Layout,
    kode: String,
    nama: String,
    kelompok: &'static str,
    kamus: String,
    kembali: String,
    catatan: Option<&'static str>,
    masalah: Vec<String>,
    wajib: String,
    dinilai: String,
    memenuhi: String,
    persen: String,
    rerata_gap: String,
    kedaluwarsa: String,
    belum_dinilai: String,
    grafik_level: GrafikView,
    tabel_level: Vec<BarisGrafik>,
    grafik_gap: GrafikView,
    tabel_gap: Vec<BarisGrafik>,
    unit: Vec<UnitView>,
    unduh_xlsx: String,
    unduh_csv: String,
}

/// The competency of the path, or 404 (unknown, or another instansi's: the
/// reader's dictionary does not hold it).
fn kompetensi_dari(h: &HasilSebaran, raw: &str) -> Result<(KompetensiKolom, Angka), AppError> {
    let id = KompetensiId(id_path(raw)?);
    let k = h
        .peta
        .analitik
        .kompetensi_indeks(id)
        .and_then(|i| h.peta.analitik.kolom(i))
        .cloned()
        .ok_or(AppError::NotFound)?;
    let a = h
        .sebaran
        .get(k.indeks as usize)
        .map(Angka::dari)
        .unwrap_or_default();
    Ok((k, a))
}

/// The map's rows with the cell of competency `k` (none: nobody required).
fn sel_per_baris(h: &HasilSebaran, k: u32) -> Vec<(usize, Option<&SelPeta>)> {
    (0..h.peta.baris.len())
        .map(|i| (i, h.peta.sel.get(&(i as u32, k))))
        .collect()
}

fn nama_baris(h: &HasilSebaran, i: usize) -> String {
    let r = &h.peta.baris[i];
    if r.hanya_sendiri {
        format!("{} (unit sendiri)", r.nama)
    } else {
        r.nama.clone()
    }
}

pub(crate) async fn detail(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
    params: Params,
) -> Result<Response, PageError> {
    let (f, masalah) = filter_peta(&params);
    let h = hitung(&state, &sesi, &f).await?;
    let (k, a) = kompetensi_dari(&h, &raw)?;
    let (q, lanjut) = ekor_filter(&f);

    let standar = level_standar(&h, k.indeks);
    let level_label: Vec<String> = (1..=5).map(|l| format!("Level {l}")).collect();
    let grafik_level = grafik_batang(
        &level_label,
        &[
            ("grafik-kini", "Level saat ini", a.level.to_vec()),
            ("grafik-standar", "Level standar", standar.to_vec()),
        ],
        format!(
            "Grafik batang: banyak pegawai per level saat ini (yang masih berlaku) dan per level \
             standar, dari {} pegawai yang wajib memiliki {}",
            a.wajib, k.nama
        ),
    );
    let tabel_level = level_label
        .iter()
        .enumerate()
        .map(|(i, l)| BarisGrafik {
            label: l.clone(),
            nilai: vec![angka(a.level[i]), angka(standar[i])],
        })
        .collect();
    let gap_label: Vec<String> = std::iter::once("Memenuhi".to_owned())
        .chain((1..=4).map(|g| format!("Gap {g}")))
        .collect();
    let grafik_gap = grafik_batang(
        &gap_label,
        &[("grafik-gap", "Pegawai", a.gap.to_vec())],
        format!(
            "Grafik batang: banyak pegawai per besar gap, dari {} pegawai yang levelnya masih berlaku",
            a.dinilai()
        ),
    );
    let tabel_gap = gap_label
        .iter()
        .enumerate()
        .map(|(i, l)| BarisGrafik {
            label: l.clone(),
            nilai: vec![angka(a.gap[i])],
        })
        .collect();
    let unit = sel_per_baris(&h, k.indeks)
        .into_iter()
        .map(|(i, s)| {
            let s = s.copied().unwrap_or_default();
            UnitView {
                nama: nama_baris(&h, i),
                tautan: (s.wajib > 0).then(|| {
                    format!(
                        "/peta/sel?unit={}&kompetensi={}{lanjut}",
                        h.peta.baris[i].unit, k.id
                    )
                }),
                wajib: angka(s.wajib),
                memenuhi: angka(s.memenuhi),
                persen: persen(u64::from(s.memenuhi), u64::from(s.wajib)),
                rerata_gap: desimal(s.rerata_gap()),
                kedaluwarsa: angka(s.kedaluwarsa),
                belum_dinilai: angka(s.belum_dinilai),
            }
        })
        .collect();
    render(&DetailTpl {
        layout: Layout::untuk(&sesi, &format!("Sebaran {}", k.nama), "sebaran"),
        kamus: format!("/kamus/{}", k.id),
        kembali: format!("/sebaran{q}"),
        catatan: catatan_lingkup(sesi.lingkup()),
        masalah,
        kelompok: k.kelompok.label(),
        wajib: angka(a.wajib),
        dinilai: angka(a.dinilai()),
        memenuhi: angka(a.memenuhi),
        persen: persen(u64::from(a.memenuhi), u64::from(a.wajib)),
        rerata_gap: desimal(a.rerata_gap()),
        kedaluwarsa: angka(a.kedaluwarsa),
        belum_dinilai: angka(a.belum_dinilai),
        grafik_level,
        tabel_level,
        grafik_gap,
        tabel_gap,
        unit,
        unduh_xlsx: format!("/sebaran/{}/unduh?format=xlsx{lanjut}", k.id),
        unduh_csv: format!("/sebaran/{}/unduh?format=csv{lanjut}", k.id),
        kode: k.kode,
        nama: k.nama,
    })
}

// ---------------------------------------------------------------- downloads

/// Filters of a download: a file must not silently ignore a filter.
fn filter_unduh(params: &Params) -> Result<FilterPeta, AppError> {
    let (f, masalah) = filter_peta(params);
    if masalah.is_empty() {
        Ok(f)
    } else {
        Err(AppError::BadRequest(masalah.join(" ")))
    }
}

/// Lines above the table in XLSX: who, when, which filters.
fn catatan_unduh(state: &AppState, sesi: &Sesi, h: &HasilSebaran, f: &FilterPeta) -> Vec<String> {
    let mut out = vec![
        sesi.instansi.nama.clone(),
        format!(
            "Tanggal: {}",
            kompeten_domain::format::tanggal(state.hari_ini())
        ),
    ];
    let mut saring = Vec::new();
    if let Some(o) = f.opd {
        let nama = h
            .peta
            .baris
            .iter()
            .find(|b| b.unit == o)
            .map_or_else(|| o.to_string(), |b| b.nama.clone());
        saring.push(format!("unit {nama}"));
    }
    if let Some(j) = f.jenis {
        saring.push(format!("jenis jabatan {}", j.label()));
    }
    if let Some(s) = f.status {
        saring.push(format!("status {}", s.label()));
    }
    if !saring.is_empty() {
        out.push(format!("Filter: {}", saring.join("; ")));
    }
    if let Some(c) = catatan_lingkup(sesi.lingkup()) {
        out.push(c.to_owned());
    }
    out.push(format!(
        "{} pegawai dihitung; {} tidak dihitung karena jabatannya belum memiliki standar.",
        h.peta.pegawai_dihitung, h.peta.pegawai_tanpa_standar
    ));
    out
}

fn bulat(n: u32) -> Sel {
    Sel::Bulat(i64::from(n))
}

fn persen_sel(x: Option<f64>) -> Sel {
    x.map_or(Sel::Kosong, |v| Sel::persen(v, 1))
}

fn tabel_ringkas(h: &HasilSebaran) -> Tabel {
    let mut kolom: Vec<Kolom> = vec![
        Kolom::dengan_lebar("Kode", 10.0),
        Kolom::dengan_lebar("Nama", 36.0),
        Kolom::new("Kelompok"),
        Kolom::new("Wajib"),
        Kolom::new("Memenuhi"),
        Kolom::new("Memenuhi (%)"),
    ];
    kolom.extend((1..=5).map(|l| Kolom::new(format!("Level {l}"))));
    kolom.extend(
        ["Gap 1", "Gap 2", "Gap 3+", "Kedaluwarsa", "Belum dinilai"]
            .into_iter()
            .map(Kolom::new),
    );
    let mut tabel = Tabel::new("Sebaran Kompetensi", kolom);
    for k in &h.kolom {
        let a = h
            .sebaran
            .get(k.indeks as usize)
            .map(Angka::dari)
            .unwrap_or_default();
        let mut baris = vec![
            Sel::teks(k.kode.as_str()),
            Sel::teks(k.nama.as_str()),
            Sel::teks(k.kelompok.label()),
            bulat(a.wajib),
            bulat(a.memenuhi),
            persen_sel(a.persen()),
        ];
        baris.extend(a.level.iter().map(|&n| bulat(n)));
        baris.extend([
            bulat(a.gap[1]),
            bulat(a.gap[2]),
            bulat(a.gap_3_lebih()),
            bulat(a.kedaluwarsa),
            bulat(a.belum_dinilai),
        ]);
        tabel.baris.push(baris);
    }
    tabel
}

fn tabel_per_unit(h: &HasilSebaran, k: &KompetensiKolom) -> Tabel {
    let kolom = [
        "Unit",
        "Wajib",
        "Memenuhi",
        "Memenuhi (%)",
        "Rerata gap",
        "Kedaluwarsa",
        "Belum dinilai",
    ]
    .into_iter()
    .map(Kolom::new)
    .collect();
    let mut tabel = Tabel::new(format!("Sebaran {} {}", k.kode, k.nama), kolom);
    for (i, s) in sel_per_baris(h, k.indeks) {
        let s = s.copied().unwrap_or_default();
        tabel.baris.push(vec![
            Sel::teks(nama_baris(h, i)),
            bulat(s.wajib),
            bulat(s.memenuhi),
            persen_sel(s.persen_memenuhi()),
            s.rerata_gap().map_or(Sel::Kosong, |g| Sel::desimal(g, 2)),
            bulat(s.kedaluwarsa),
            bulat(s.belum_dinilai),
        ]);
    }
    tabel
}

pub(crate) async fn unduh(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Response, PageError> {
    let format = Format::dari(&params)?;
    let f = filter_unduh(&params)?;
    let h = hitung(&state, &sesi, &f).await?;
    let mut tabel = tabel_ringkas(&h);
    tabel.catatan = catatan_unduh(&state, &sesi, &h, &f);
    Ok(unduh::respons(
        &tabel,
        format,
        "sebaran-kompetensi",
        state.hari_ini(),
    )?)
}

pub(crate) async fn unduh_detail(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
    params: Params,
) -> Result<Response, PageError> {
    let format = Format::dari(&params)?;
    let f = filter_unduh(&params)?;
    let h = hitung(&state, &sesi, &f).await?;
    let (k, a) = kompetensi_dari(&h, &raw)?;
    let mut tabel = tabel_per_unit(&h, &k);
    tabel.catatan = catatan_unduh(&state, &sesi, &h, &f);
    tabel.catatan.push(format!(
        "Seluruhnya: {} wajib, {} memenuhi ({}).",
        a.wajib,
        a.memenuhi,
        persen(u64::from(a.memenuhi), u64::from(a.wajib))
    ));
    // The slug is fixed ASCII; the competency id is a number.
    Ok(unduh::respons(
        &tabel,
        format,
        &format!("sebaran-kompetensi-{}", k.id),
        state.hari_ini(),
    )?)
}

// ---------------------------------------------------------------- API

/// One competency across the chosen employees.
#[derive(Serialize, ToSchema)]
pub(crate) struct SebaranKompetensiDto {
    pub kompetensi_id: i64,
    pub kode: String,
    pub nama: String,
    /// `manajerial`, `sosial_kultural` or `teknis`.
    pub kelompok: &'static str,
    /// Employees whose standard requires it (= dinilai + kedaluwarsa + belum_dinilai).
    pub wajib: u32,
    /// With a valid assessment.
    pub dinilai: u32,
    /// Valid level ≥ required.
    pub memenuhi: u32,
    /// memenuhi ÷ wajib × 100; null when nobody is required to have it.
    pub persen_memenuhi: Option<f64>,
    /// Valid current level among those required: `level[0]` is level 1 … `level[4]` level 5.
    pub level: Vec<u32>,
    /// Among those with a valid level: `gap[0]` meets the standard, `gap[g]` is `g` levels short (1..=4).
    pub gap: Vec<u32>,
    /// Mean of (required − current, when positive) over the assessed; null when none is assessed.
    pub rerata_gap: Option<f64>,
    pub kedaluwarsa: u32,
    pub belum_dinilai: u32,
    /// Valid current level 1..=5 among every counted employee with one, required or not.
    pub level_semua: Vec<u32>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct SebaranDto {
    #[schema(format = Date, example = "2026-11-27")]
    pub hari_ini: String,
    /// Dictionary order; managerial and socio-cultural always, technical
    /// ones only when a counted employee is required to have them.
    pub kompetensi: Vec<SebaranKompetensiDto>,
    pub pegawai_dihitung: u32,
    /// Chosen employees left out for lack of a usable standard.
    pub pegawai_tanpa_standar: u32,
}

#[utoipa::path(
    get, path = "/api/v1/sebaran", tag = "sebaran", security(("sesi" = [])),
    params(
        ("opd" = Option<i64>, Query, description = "A unit id (normally an OPD): count only its subtree"),
        ("jenis" = Option<String>, Query, description = "Position type code, e.g. `fungsional`"),
        ("status" = Option<String>, Query, description = "`pns` or `pppk`"),
    ),
    responses(
        (status = 200, body = SebaranDto),
        (status = 400, description = "A filter is not valid", body = ErrorBody),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 403, description = "Mitra, or a unit outside the reader's scope", body = ErrorBody),
    )
)]
pub(crate) async fn api_sebaran(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Json<SebaranDto>, ApiError> {
    let f = filter_unduh(&params)?;
    let h = hitung(&state, &sesi, &f).await?;
    let hari = state.hari_ini();
    let kompetensi = h
        .kolom
        .iter()
        .map(|k| {
            let s = h
                .sebaran
                .get(k.indeks as usize)
                .copied()
                .unwrap_or_default();
            let a = Angka::dari(&s);
            SebaranKompetensiDto {
                kompetensi_id: k.id.0,
                kode: k.kode.clone(),
                nama: k.nama.clone(),
                kelompok: k.kelompok.code(),
                wajib: a.wajib,
                dinilai: a.dinilai(),
                memenuhi: a.memenuhi,
                persen_memenuhi: a.persen(),
                level: a.level.to_vec(),
                gap: a.gap.to_vec(),
                rerata_gap: a.rerata_gap(),
                kedaluwarsa: a.kedaluwarsa,
                belum_dinilai: a.belum_dinilai,
                level_semua: s.level_semua.to_vec(),
            }
        })
        .collect();
    Ok(Json(SebaranDto {
        hari_ini: format!(
            "{:04}-{:02}-{:02}",
            hari.year(),
            u8::from(hari.month()),
            hari.day()
        ),
        kompetensi,
        pegawai_dihitung: h.peta.pegawai_dihitung,
        pegawai_tanpa_standar: h.peta.pegawai_tanpa_standar,
    }))
}

#[derive(OpenApi)]
#[openapi(
    paths(api_sebaran),
    tags((name = "sebaran", description = "Sebaran Kompetensi: levels and gaps per competency (personal data; not for mitra)"))
)]
pub(crate) struct ApiSebaranDoc;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stacked_bar_widths_add_up_and_skip_empty_parts() {
        let a = Angka {
            wajib: 3,
            memenuhi: 2,
            level: [0, 0, 1, 1, 0],
            gap: [2, 0, 0, 0, 0],
            kedaluwarsa: 0,
            belum_dinilai: 1,
        };
        let bar = bar_bertumpuk(&a);
        assert_eq!(bar.kotak.len(), 3);
        assert_eq!(bar.kotak.iter().map(|k| k.lebar).sum::<u32>(), BAR_LEBAR);
        assert_eq!(bar.kotak[0].kelas, "sebaran-l3");
        assert_eq!(bar.kotak[2].kelas, "sebaran-belum");
        assert_eq!(bar.kotak[1].x, bar.kotak[0].x + bar.kotak[0].lebar);
        assert!(bar.judul.contains("level 3 1, level 4 1"), "{}", bar.judul);
        assert!(bar_bertumpuk(&Angka::default()).kotak.is_empty());
    }

    #[test]
    fn mean_gap_is_over_the_assessed() {
        let a = Angka {
            wajib: 5,
            memenuhi: 1,
            level: [1, 1, 1, 0, 0],
            gap: [1, 1, 0, 1, 0],
            kedaluwarsa: 1,
            belum_dinilai: 1,
        };
        assert_eq!(a.dinilai(), 3);
        assert_eq!(a.rerata_gap(), Some(4.0 / 3.0));
        assert_eq!(a.gap_3_lebih(), 1);
        assert_eq!(a.persen(), Some(20.0));
        assert_eq!(Angka::default().rerata_gap(), None);
        assert_eq!(desimal(a.rerata_gap()), "1,33");
    }

    #[test]
    fn bar_chart_scales_to_the_largest_value() {
        let g = grafik_batang(
            &["A".to_owned(), "B".to_owned()],
            &[("x", "Seri", vec![2, 4])],
            "d".to_owned(),
        );
        assert_eq!(g.batang.len(), 2);
        assert_eq!(g.batang[1].tinggi, GRAFIK_TINGGI_PLOT);
        assert_eq!(g.batang[0].tinggi, GRAFIK_TINGGI_PLOT / 2);
        assert_eq!(g.batang[0].y + g.batang[0].tinggi, g.y_sumbu);
        assert_eq!(g.batang[1].judul, "B, Seri: 4");
    }
}
