//! `/pegawai`: the employee list with search and filters, and one employee's profile.

use super::{Layout, minta_fragmen, render, vary_htmx};
use crate::AppState;
use crate::error::{AppError, PageError};
use crate::format::bulan_tahun;
use crate::layanan::{KesenjanganPegawai, PetaUnit, profil_pegawai, wajib_data_pribadi};
use crate::params::{FilterPegawai, Params, filter_pegawai};
use crate::sesi::Sesi;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use kompeten_domain::format::{ribuan, tanggal};
use kompeten_domain::validity::status_pada;
use kompeten_domain::{JenisJabatan, StatusAsn, StatusBerlaku};
use kompeten_engine::kesenjangan::StatusKompetensi;
use kompeten_engine::profil::LevelSaatIni;
use kompeten_store::{Page, PegawaiId, PegawaiQuery, PegawaiRow, Store};

/// Rows per page of the employee list.
pub(crate) const PER_HALAMAN: u32 = 25;

pub(crate) struct Pilihan {
    pub nilai: String,
    pub label: String,
    pub dipilih: bool,
}

impl Pilihan {
    /// Units as the options of a select, the chosen one marked.
    pub(crate) fn unit<'a>(
        units: impl IntoIterator<Item = &'a kompeten_store::Unit>,
        dipilih: Option<kompeten_store::UnitId>,
    ) -> Vec<Self> {
        units
            .into_iter()
            .map(|u| Pilihan {
                nilai: u.id.to_string(),
                label: u.nama.clone(),
                dipilih: dipilih == Some(u.id),
            })
            .collect()
    }

    /// Every position type, the chosen one marked.
    pub(crate) fn jenis_jabatan(dipilih: Option<JenisJabatan>) -> Vec<Self> {
        JenisJabatan::ALL
            .iter()
            .map(|j| Pilihan {
                nilai: j.code().to_owned(),
                label: j.label().to_owned(),
                dipilih: dipilih == Some(*j),
            })
            .collect()
    }

    /// PNS and PPPK, the chosen one marked.
    pub(crate) fn status_asn(dipilih: Option<StatusAsn>) -> Vec<Self> {
        StatusAsn::ALL
            .iter()
            .map(|s| Pilihan {
                nilai: s.code().to_owned(),
                label: s.label().to_owned(),
                dipilih: dipilih == Some(*s),
            })
            .collect()
    }
}

pub(crate) struct BarisPegawai {
    pub id: i64,
    pub nip: String,
    pub nama: String,
    pub status: &'static str,
    pub golongan: &'static str,
    pub jabatan: String,
    pub unit: String,
    pub opd: String,
}

impl BarisPegawai {
    pub(crate) fn dari(r: &PegawaiRow) -> Self {
        BarisPegawai {
            id: r.id.0,
            nip: r.nip.to_string(),
            nama: r.nama_lengkap.clone(),
            status: r.status.label(),
            golongan: r.golongan.code(),
            jabatan: r.jabatan_nama.clone().unwrap_or_else(|| "—".to_owned()),
            unit: r.unit_nama.clone(),
            // The OPD under the unit name, unless the unit is the OPD itself.
            opd: if r.opd_nama == r.unit_nama {
                String::new()
            } else {
                r.opd_nama.clone()
            },
        }
    }
}

/// The results part of the list: what htmx swaps in.
pub(crate) struct HasilPegawai {
    pub baris: Vec<BarisPegawai>,
    pub ringkas: String,
    pub halaman: u32,
    pub jumlah_halaman: u32,
    pub sebelumnya: Option<String>,
    pub berikutnya: Option<String>,
    /// The same filters as a CSV download.
    pub unduh: String,
    pub masalah: Vec<String>,
}

#[derive(Template)]
#[template(path = "pegawai_hasil.html")]
struct HasilTpl {
    hasil: HasilPegawai,
}

#[derive(Template)]
#[template(path = "pegawai_daftar.html")]
struct DaftarTpl {
    layout: Layout,
    q: String,
    opd: Vec<Pilihan>,
    jenis: Vec<Pilihan>,
    status: Vec<Pilihan>,
    /// A unit chosen from the unit page, kept as a hidden field.
    unit: Option<(i64, String)>,
    hasil: HasilPegawai,
}

fn hasil(page: &Page<PegawaiRow>, f: &FilterPegawai, masalah: Vec<String>) -> HasilPegawai {
    let jumlah_halaman = page.jumlah_halaman();
    let awal = u64::from(page.halaman.saturating_sub(1)) * u64::from(page.per_halaman) + 1;
    let akhir = awal + page.items.len() as u64 - 1;
    let ringkas = if page.total == 0 {
        "Tidak ada pegawai yang cocok.".to_owned()
    } else if page.items.is_empty() {
        format!("{} pegawai; halaman ini kosong.", ribuan(page.total))
    } else {
        format!(
            "Menampilkan {}–{} dari {} pegawai",
            ribuan(awal),
            ribuan(akhir),
            ribuan(page.total)
        )
    };
    HasilPegawai {
        baris: page.items.iter().map(BarisPegawai::dari).collect(),
        ringkas,
        halaman: page.halaman,
        jumlah_halaman,
        sebelumnya: (page.halaman > 1).then(|| {
            format!(
                "/pegawai{}",
                f.query(page.halaman.saturating_sub(1).min(jumlah_halaman.max(1)))
            )
        }),
        berikutnya: (page.halaman < jumlah_halaman)
            .then(|| format!("/pegawai{}", f.query(page.halaman + 1))),
        unduh: format!("/pegawai.csv{}", f.query(1)),
        masalah,
    }
}

/// Checks the chosen units against the reader's instansi; unknown ones are dropped.
pub(crate) fn saring_unit(f: &mut FilterPegawai, units: &PetaUnit, masalah: &mut Vec<String>) {
    if f.opd.is_some_and(|u| units.get(u).is_none()) {
        masalah.push("OPD yang dipilih tidak ditemukan; filter ini diabaikan.".to_owned());
        f.opd = None;
    }
    if f.unit.is_some_and(|u| units.get(u).is_none()) {
        masalah.push("Unit kerja yang dipilih tidak ditemukan; filter ini diabaikan.".to_owned());
        f.unit = None;
    }
}

pub(crate) async fn cari(
    store: &dyn Store,
    sesi: &Sesi,
    f: &FilterPegawai,
    per_halaman: u32,
) -> Result<Page<PegawaiRow>, AppError> {
    let q = PegawaiQuery {
        teks: f.q.clone(),
        unit: f.unit_efektif(),
        jenis_jabatan: f.jenis,
        status: f.status,
        halaman: f.halaman,
        per_halaman,
        ..PegawaiQuery::semua(sesi.lingkup())
    };
    Ok(store.search_pegawai(sesi.instansi_id(), &q).await?)
}

/// Rows fetched per store call when exporting.
const CSV_PER_HALAMAN: u32 = 1000;

/// `/pegawai.csv`: every employee matching the list's filters, within the
/// reader's scope, as a spreadsheet-friendly CSV.
pub(crate) async fn unduh_csv(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Response, PageError> {
    wajib_data_pribadi(&sesi)?;
    let store = state.store();
    let (mut f, mut masalah) = filter_pegawai(&params);
    let units = PetaUnit::muat(store, &sesi).await?;
    saring_unit(&mut f, &units, &mut masalah);
    let mut rows = Vec::new();
    f.halaman = 1;
    loop {
        let page = cari(store, &sesi, &f, CSV_PER_HALAMAN).await?;
        let habis = page.items.is_empty();
        rows.extend(page.items);
        if habis || rows.len() as u64 >= page.total {
            break;
        }
        f.halaman += 1;
    }
    let mut body = Vec::new();
    kompeten_io::pegawai::write_csv(&rows, &mut body).map_err(|e| AppError::internal(&e))?;
    let nama_berkas = format!("pegawai-{}.csv", state.hari_ini());
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{nama_berkas}\""),
            ),
        ],
        body,
    )
        .into_response())
}

pub(crate) async fn daftar(
    State(state): State<AppState>,
    sesi: Sesi,
    headers: HeaderMap,
    params: Params,
) -> Result<Response, PageError> {
    wajib_data_pribadi(&sesi)?;
    let store = state.store();
    let (mut f, mut masalah) = filter_pegawai(&params);
    let units = PetaUnit::muat(store, &sesi).await?;
    saring_unit(&mut f, &units, &mut masalah);
    let page = cari(store, &sesi, &f, PER_HALAMAN).await?;
    let hasil = hasil(&page, &f, masalah);
    if minta_fragmen(&headers) {
        return Ok(vary_htmx(render(&HasilTpl { hasil })?));
    }
    let opd = Pilihan::unit(units.pilihan_filter(sesi.lingkup()), f.opd);
    let jenis = Pilihan::jenis_jabatan(f.jenis);
    let status = Pilihan::status_asn(f.status);
    let unit = f
        .unit
        .and_then(|u| units.get(u))
        .map(|u| (u.id.0, units.jalur_teks(u.id)));
    let tpl = DaftarTpl {
        layout: Layout::untuk(&sesi, "Pegawai", "pegawai"),
        q: f.q.clone().unwrap_or_default(),
        opd,
        jenis,
        status,
        unit,
        hasil,
    };
    Ok(vary_htmx(render(&tpl)?))
}

pub(crate) struct BarisLevelView {
    pub kompetensi: i64,
    pub kode: String,
    pub nama: String,
    pub kelompok: &'static str,
    pub standar: String,
    pub level: String,
    pub status: &'static str,
    /// CSS class of the status badge.
    pub kelas: &'static str,
    pub keterangan: String,
}

pub(crate) struct BarisPenilaianView {
    pub tanggal: String,
    pub kompetensi: i64,
    pub kode: String,
    pub nama: String,
    pub level: u8,
    pub metode: &'static str,
    pub asesor: String,
    pub berlaku_sampai: String,
    pub status: &'static str,
    pub kelas: &'static str,
}

/// JPM "77,78%" from hundredths of a percent, Indonesian decimal comma.
pub(crate) fn persen_bp(bp: u32) -> String {
    format!("{},{:02}%", ribuan(u64::from(bp / 100)), bp % 100)
}

/// One competency of the standard with its gap.
pub(crate) struct BarisGapView {
    pub kompetensi: i64,
    pub kode: String,
    pub nama: String,
    pub wajib: u8,
    pub saat_ini: String,
    pub gap: String,
    pub status: &'static str,
    pub kelas: &'static str,
}

/// One competency in the chart: the required bar above the current one.
pub(crate) struct BatangView {
    pub kode: String,
    pub y_teks: u32,
    pub y_standar: u32,
    pub lebar_standar: u32,
    pub y_kini: u32,
    pub lebar_kini: u32,
    pub kelas_kini: &'static str,
    pub judul: String,
}

/// Required vs current per competency as an SVG bar chart, drawn here.
pub(crate) struct GrafikView {
    pub lebar: u32,
    pub tinggi: u32,
    pub x0: u32,
    pub y_sumbu: u32,
    /// Grid lines at levels 0..=5: (x, label).
    pub garis: Vec<(u32, u8)>,
    pub batang: Vec<BatangView>,
    pub deskripsi: String,
}

/// JPM, category and gaps against the position's standard.
pub(crate) struct JpmView {
    pub jpm: Option<String>,
    pub kategori: Option<String>,
    /// CSS class of the category badge: band 0 best.
    pub kelas_kategori: &'static str,
    pub alasan: Option<&'static str>,
    pub skala: String,
    pub wajib: u32,
    pub dinilai: u32,
    pub memenuhi: u32,
    pub kurang: u32,
    pub kedaluwarsa: u32,
    pub belum_dinilai: u32,
    pub baris: Vec<BarisGapView>,
    pub grafik: Option<GrafikView>,
}

const GRAFIK_X0: u32 = 110;
const GRAFIK_PER_LEVEL: u32 = 90;
const GRAFIK_BARIS: u32 = 36;

fn jpm_view(k: &KesenjanganPegawai) -> JpmView {
    let h = &k.hasil;
    let nama = |i: u32| {
        k.kompetensi(i)
            .cloned()
            .unwrap_or((0, String::new(), String::new()))
    };
    let baris: Vec<BarisGapView> = h
        .rincian
        .iter()
        .map(|r| {
            let (id, kode, nm) = nama(r.kompetensi);
            let (saat_ini, gap, kelas) = match r.status {
                StatusKompetensi::Memenuhi { level } => {
                    (level.to_string(), "0".to_owned(), "berlaku")
                }
                StatusKompetensi::Kurang { level, gap } => {
                    (level.to_string(), gap.to_string(), "kurang")
                }
                StatusKompetensi::Kedaluwarsa { level } => (
                    format!("{level} (kedaluwarsa)"),
                    "—".to_owned(),
                    "kedaluwarsa",
                ),
                StatusKompetensi::BelumDinilai => ("—".to_owned(), "—".to_owned(), "belum"),
            };
            BarisGapView {
                kompetensi: id,
                kode,
                nama: nm,
                wajib: r.wajib,
                saat_ini,
                gap,
                status: r.status.label(),
                kelas,
            }
        })
        .collect();
    let grafik = (!h.rincian.is_empty()).then(|| {
        let n = h.rincian.len() as u32;
        let y_sumbu = 8 + n * GRAFIK_BARIS;
        let batang = h
            .rincian
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let y = 8 + i as u32 * GRAFIK_BARIS;
                let (kini, kelas_kini) = match r.status {
                    StatusKompetensi::Memenuhi { level } => (level, "grafik-memenuhi"),
                    StatusKompetensi::Kurang { level, .. } => (level, "grafik-kurang"),
                    StatusKompetensi::Kedaluwarsa { level } => (level, "grafik-kedaluwarsa"),
                    StatusKompetensi::BelumDinilai => (0, "grafik-kurang"),
                };
                let (_, kode, nm) = nama(r.kompetensi);
                let judul = match r.status {
                    StatusKompetensi::BelumDinilai => {
                        format!("{kode} {nm}: standar {}, belum dinilai", r.wajib)
                    }
                    StatusKompetensi::Kedaluwarsa { level } => format!(
                        "{kode} {nm}: standar {}, level {level} kedaluwarsa (tidak dihitung)",
                        r.wajib
                    ),
                    _ => format!("{kode} {nm}: standar {}, saat ini {kini}", r.wajib),
                };
                BatangView {
                    kode,
                    y_teks: y + 20,
                    y_standar: y + 4,
                    lebar_standar: u32::from(r.wajib) * GRAFIK_PER_LEVEL,
                    y_kini: y + 18,
                    lebar_kini: u32::from(kini) * GRAFIK_PER_LEVEL,
                    kelas_kini,
                    judul,
                }
            })
            .collect();
        GrafikView {
            lebar: GRAFIK_X0 + 5 * GRAFIK_PER_LEVEL + 20,
            tinggi: y_sumbu + 24,
            x0: GRAFIK_X0,
            y_sumbu,
            garis: (0..=5u8)
                .map(|l| (GRAFIK_X0 + u32::from(l) * GRAFIK_PER_LEVEL, l))
                .collect(),
            batang,
            deskripsi: format!(
                "Grafik batang level standar dan level saat ini untuk {n} kompetensi"
            ),
        }
    });
    JpmView {
        jpm: h.jpm.map(|j| persen_bp(j.basis_poin())),
        kategori: k.kategori_label().map(str::to_owned),
        kelas_kategori: match h.kategori {
            Some(0) => "berlaku",
            Some(1) => "belum",
            _ => "kedaluwarsa",
        },
        alasan: h.tanpa_jpm.map(|a| a.label()),
        skala: k.skala.nama().to_owned(),
        wajib: h.jumlah.wajib,
        dinilai: h.jumlah.dinilai,
        memenuhi: h.jumlah.memenuhi,
        kurang: h.jumlah.kurang,
        kedaluwarsa: h.jumlah.kedaluwarsa,
        belum_dinilai: h.jumlah.belum_dinilai,
        baris,
        grafik,
    }
}

#[derive(Template)]
#[template(path = "pegawai_detail.html")]
struct DetailTpl {
    /// For the data-entry links shown to writers.
    pegawai_id: i64,
    layout: Layout,
    nama: String,
    nip: String,
    status: &'static str,
    aktif: bool,
    golongan: String,
    jabatan: Option<(i64, String, String)>,
    unit_jalur: Vec<(i64, String)>,
    pendidikan: &'static str,
    jenis_kelamin: &'static str,
    tanggal_lahir: String,
    tmt_cpns: Option<String>,
    level: Vec<BarisLevelView>,
    jpm: JpmView,
    ada_standar: bool,
    penilaian: Vec<BarisPenilaianView>,
    skp: Vec<(i32, &'static str)>,
    hari_ini: String,
    masa_berlaku: u8,
}

pub(crate) fn status_level(l: &LevelSaatIni) -> (&'static str, &'static str) {
    match l {
        LevelSaatIni::Berlaku { .. } => ("Berlaku", "berlaku"),
        LevelSaatIni::Kedaluwarsa { .. } => ("Kedaluwarsa", "kedaluwarsa"),
        LevelSaatIni::BelumDinilai => ("Belum dinilai", "belum"),
    }
}

/// Parses an id from the path; anything else is a page that does not exist.
pub(crate) fn id_path(raw: &str) -> Result<i64, AppError> {
    raw.parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or(AppError::NotFound)
}

pub(crate) async fn detail(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
) -> Result<Response, PageError> {
    let id = PegawaiId(id_path(&raw)?);
    let p = profil_pegawai(&state, &sesi, id).await?;
    let pegawai = &p.pegawai;
    let level = p
        .level
        .iter()
        .map(|b| {
            let (status, kelas) = status_level(&b.saat_ini);
            let (level, keterangan) = match b.saat_ini {
                LevelSaatIni::Berlaku {
                    level,
                    tanggal: t,
                    berlaku_sampai,
                    ..
                } => (
                    level.to_string(),
                    format!(
                        "dinilai {}, berlaku s.d. {}",
                        tanggal(t),
                        tanggal(berlaku_sampai)
                    ),
                ),
                LevelSaatIni::Kedaluwarsa {
                    level,
                    berlaku_sampai,
                    ..
                } => (
                    level.to_string(),
                    format!("berakhir {}; tidak dihitung", tanggal(berlaku_sampai)),
                ),
                LevelSaatIni::BelumDinilai => ("—".to_owned(), String::new()),
            };
            BarisLevelView {
                kompetensi: b.kompetensi,
                kode: b.kode.clone(),
                nama: b.nama.clone(),
                kelompok: b.kelompok.label(),
                standar: b.standar.map_or_else(|| "—".to_owned(), |l| l.to_string()),
                level,
                status,
                kelas,
                keterangan,
            }
        })
        .collect();
    let penilaian = p
        .penilaian
        .iter()
        .map(|n| {
            let (status, kelas) = match status_pada(n.berlaku_sampai, p.hari_ini) {
                StatusBerlaku::Berlaku => ("Berlaku", "berlaku"),
                StatusBerlaku::Kedaluwarsa => ("Kedaluwarsa", "kedaluwarsa"),
            };
            BarisPenilaianView {
                tanggal: tanggal(n.tanggal),
                kompetensi: n.kompetensi.0,
                kode: n.kompetensi_kode.clone(),
                nama: n.kompetensi_nama.clone(),
                level: n.level.get(),
                metode: n.metode.label(),
                asesor: n.asesor.clone(),
                berlaku_sampai: tanggal(n.berlaku_sampai),
                status,
                kelas,
            }
        })
        .collect();
    let tpl = DetailTpl {
        pegawai_id: id.0,
        layout: Layout::untuk(&sesi, &pegawai.nama_lengkap(), "pegawai"),
        nama: pegawai.nama_lengkap(),
        nip: pegawai.nip.to_string(),
        status: pegawai.status.label(),
        aktif: pegawai.aktif,
        golongan: pegawai.golongan.label(),
        jabatan: p
            .jabatan
            .as_ref()
            .map(|j| (j.id.0, j.nama.clone(), j.tingkat.label())),
        unit_jalur: p
            .units
            .jalur(pegawai.unit)
            .iter()
            .map(|u| (u.id.0, u.nama.clone()))
            .collect(),
        pendidikan: pegawai.pendidikan.label(),
        jenis_kelamin: pegawai.jenis_kelamin.label(),
        tanggal_lahir: tanggal(pegawai.tanggal_lahir),
        tmt_cpns: pegawai.nip.tmt_cpns().map(bulan_tahun),
        level,
        jpm: jpm_view(&p.kesenjangan),
        ada_standar: !p.standar.is_empty(),
        penilaian,
        skp: p
            .skp
            .iter()
            .map(|s| (s.tahun, s.predikat.label()))
            .collect(),
        hari_ini: tanggal(p.hari_ini),
        masa_berlaku: crate::analitik::pengaturan(&state, sesi.instansi_id())
            .await?
            .masa_berlaku
            .tahun(),
    };
    render(&tpl)
}

/// `/pegawai/{id}/kesenjangan/unduh`: the employee's gap table (the one on
/// their page), with the same scope checks as the page.
pub(crate) async fn unduh_kesenjangan(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
    params: Params,
) -> Result<Response, PageError> {
    use kompeten_io::tabel::{Kolom, Sel, Tabel};
    let format = crate::unduh::Format::dari(&params)?;
    let id = PegawaiId(id_path(&raw)?);
    let p = profil_pegawai(&state, &sesi, id).await?;
    let k = &p.kesenjangan;
    let h = &k.hasil;
    let mut tabel = Tabel::new(
        "Kesenjangan kompetensi pegawai",
        vec![
            Kolom::new("Kode"),
            Kolom::dengan_lebar("Kompetensi", 40.0),
            Kolom::new("Kelompok"),
            Kolom::new("Bobot"),
            Kolom::new("Level standar"),
            Kolom::new("Level saat ini"),
            Kolom::new("Gap"),
            Kolom::new("Status"),
        ],
    );
    tabel.catatan = vec![
        format!(
            "Pegawai: {} (NIP {})",
            p.pegawai.nama_lengkap(),
            p.pegawai.nip.as_str()
        ),
        format!(
            "Jabatan: {}",
            p.jabatan.as_ref().map_or("—", |j| j.nama.as_str())
        ),
        format!("Tanggal: {}", tanggal(p.hari_ini)),
        match (h.jpm, k.kategori_label()) {
            (Some(j), Some(kat)) => format!("JPM: {} ({kat})", persen_bp(j.basis_poin())),
            _ => format!(
                "JPM: tidak dapat dihitung ({})",
                h.tanpa_jpm.map_or("—", |a| a.label())
            ),
        },
    ];
    for r in &h.rincian {
        let (_, kode, nama) =
            k.kompetensi(r.kompetensi)
                .cloned()
                .unwrap_or((0, String::new(), String::new()));
        tabel.baris.push(vec![
            Sel::teks(kode),
            Sel::teks(nama),
            Sel::teks(r.kelompok.label()),
            Sel::Bulat(i64::from(r.bobot)),
            Sel::Bulat(i64::from(r.wajib)),
            r.status.level_berlaku().map(i64::from).into(),
            r.status.gap_berlaku().map(i64::from).into(),
            Sel::teks(r.status.label()),
        ]);
    }
    Ok(crate::unduh::respons(
        &tabel,
        format,
        &format!("kesenjangan-pegawai-{}", id.0),
        state.hari_ini(),
    )?)
}
