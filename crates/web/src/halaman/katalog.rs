//! `/katalog`: the catalog of development programs with its filters, a
//! program's page, the download of the filtered catalog, the forms to add
//! and edit a program, and the same under `/api/v1/katalog` (read, add with
//! `POST`, edit with `PUT /api/v1/katalog/{id}`).
//!
//! BKPSDM admins keep the whole catalog. A partner's own account (role
//! mitra, linked to its partner) keeps the programs its partner runs: it adds
//! them with itself as the organiser, whatever the form says, and edits only
//! those; every other program stays read-only to it.

use super::mitra::{MAX_KODE, MAX_NAMA, mitra_sendiri, nomor_baris, teks};
use super::pegawai::{Pilihan, id_path};
use super::tulis::{Grup, Isian, ada, alihkan, ambil, isian_sah};
use super::{Layout, render, render_status};
use crate::AppState;
use crate::api_tulis::{GalatValidasiBody, Tolak, badan, wajib_csrf_api};
use crate::error::{ApiError, AppError, ErrorBody, PageError};
use crate::format::query_string;
use crate::layanan::PetaUnit;
use crate::params::{Params, tolak_masalah};
use crate::sesi::Sesi;
use crate::tulis::{GalatIsian, galat_simpan_kode, iso, label_kompetensi, pelaku, urai_tanggal};
use crate::unduh::{self, Format};
use askama::Template;
use axum::Json;
use axum::extract::rejection::{FormRejection, JsonRejection};
use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use kompeten_domain::format::ribuan;
use kompeten_domain::{BentukPengembangan, JenisJabatan, Jp, ModaPembelajaran, Role, Rupiah};
use kompeten_io::laporan_pengembangan::{kelompok, tabel_katalog, teks_jadwal};
use kompeten_store::{
    JadwalProgram, KompetensiId, KompetensiProgram, Mitra, MitraId, NewProgram, Program, ProgramId,
    ProgramQuery, UnitId,
};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};

/// Longest search text accepted; longer input is cut.
const MAX_CARI: usize = 100;
/// Empty competency rows offered for adding.
const BARIS_TAMBAHAN: usize = 3;

/// The catalog's filters, kept in the query string.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct FilterKatalog {
    q: Option<String>,
    mitra: Option<MitraId>,
    bentuk: Option<BentukPengembangan>,
    kompetensi: Option<KompetensiId>,
    moda: Option<ModaPembelajaran>,
    aktif: Option<bool>,
}

impl FilterKatalog {
    fn pasangan(&self) -> Vec<(&'static str, String)> {
        vec![
            ("q", self.q.clone().unwrap_or_default()),
            (
                "mitra",
                self.mitra.map(|m| m.to_string()).unwrap_or_default(),
            ),
            (
                "bentuk",
                self.bentuk.map(|b| b.code().to_owned()).unwrap_or_default(),
            ),
            (
                "kompetensi",
                self.kompetensi.map(|k| k.to_string()).unwrap_or_default(),
            ),
            (
                "moda",
                self.moda.map(|m| m.code().to_owned()).unwrap_or_default(),
            ),
            (
                "aktif",
                match self.aktif {
                    Some(true) => "ya".to_owned(),
                    Some(false) => "tidak".to_owned(),
                    None => String::new(),
                },
            ),
        ]
    }

    fn query(&self) -> ProgramQuery {
        ProgramQuery {
            mitra: self.mitra,
            bentuk: self.bentuk,
            kompetensi: self.kompetensi,
            aktif: self.aktif,
            teks: self.q.clone(),
        }
    }
}

fn id_param(p: &Params, key: &str, masalah: &mut Vec<String>) -> Option<i64> {
    let v = p.get(key)?;
    match v.parse::<i64>() {
        Ok(id) if id > 0 => Some(id),
        _ => {
            masalah.push(format!(
                "Nilai {key} \"{v}\" tidak dikenal; filter ini diabaikan."
            ));
            None
        }
    }
}

/// The filters from the query; unusable values are left out and reported.
pub(crate) fn filter_katalog(p: &Params) -> (FilterKatalog, Vec<String>) {
    let mut masalah = Vec::new();
    let kode = |key: &str| p.get(key).map(|v| (key.to_owned(), v.to_owned()));
    let bentuk = kode("bentuk").and_then(|(k, v)| {
        BentukPengembangan::from_code(&v)
            .map_err(|_| {
                masalah.push(format!(
                    "Nilai {k} \"{v}\" tidak dikenal; filter ini diabaikan."
                ))
            })
            .ok()
    });
    let moda = kode("moda").and_then(|(k, v)| {
        ModaPembelajaran::from_code(&v)
            .map_err(|_| {
                masalah.push(format!(
                    "Nilai {k} \"{v}\" tidak dikenal; filter ini diabaikan."
                ))
            })
            .ok()
    });
    let aktif = match p.get("aktif") {
        None => None,
        Some("ya") => Some(true),
        Some("tidak") => Some(false),
        Some(v) => {
            masalah.push(format!(
                "Nilai aktif \"{v}\" tidak dikenal; pilih ya atau tidak. Filter ini diabaikan."
            ));
            None
        }
    };
    let f = FilterKatalog {
        q: p.get("q").map(|q| q.chars().take(MAX_CARI).collect()),
        mitra: id_param(p, "mitra", &mut masalah).map(MitraId),
        bentuk,
        kompetensi: id_param(p, "kompetensi", &mut masalah).map(KompetensiId),
        moda,
        aktif,
    };
    (f, masalah)
}

/// The catalog under the filters: one store call; the mode is filtered here.
async fn muat_katalog(
    state: &AppState,
    sesi: &Sesi,
    f: &FilterKatalog,
) -> Result<Vec<Program>, AppError> {
    let mut program = state
        .store()
        .list_program(sesi.instansi_id(), &f.query())
        .await?;
    if let Some(moda) = f.moda {
        program.retain(|p| p.moda == moda);
    }
    Ok(program)
}

/// Whether the reader may add programs: admins, and partner accounts
/// linked to their partner (for that partner).
fn boleh_tambah(sesi: &Sesi) -> bool {
    sesi.role() == Role::AdminBkpsdm || mitra_sendiri(sesi).is_some()
}

/// Whether the reader may edit a program run by `penyelenggara`: admins
/// every one, a partner's account only its own partner's.
fn boleh_ubah(sesi: &Sesi, penyelenggara: Option<MitraId>) -> bool {
    sesi.role() == Role::AdminBkpsdm
        || mitra_sendiri(sesi).is_some_and(|m| penyelenggara == Some(m))
}

pub(crate) fn rupiah(r: Rupiah) -> String {
    r.to_string()
}

/// "30 peserta × 4 angkatan", "30 peserta, tanpa batas angkatan", "—".
fn teks_angkatan(p: &Program) -> String {
    match (p.ukuran_angkatan, p.maks_angkatan) {
        (None, None) => "Satu angkatan, peserta tak dibatasi".to_owned(),
        (Some(u), Some(m)) => format!("{} peserta × maks. {} angkatan", ribuan(u64::from(u)), m),
        (Some(u), None) => format!("{} peserta, angkatan tak dibatasi", ribuan(u64::from(u))),
        (None, Some(m)) => format!("Maks. {m} angkatan"),
    }
}

// ---------------------------------------------------------------- list

struct KompetensiView {
    id: i64,
    kode: String,
    nama: String,
    naik: u8,
}

struct BarisProgram {
    id: i64,
    kode: String,
    judul: String,
    mitra_id: Option<i64>,
    penyelenggara: String,
    bentuk: &'static str,
    kelompok: &'static str,
    jp: u32,
    biaya_peserta: String,
    biaya_angkatan: String,
    angkatan: String,
    moda: &'static str,
    kompetensi: Vec<KompetensiView>,
    terbuka: bool,
    aktif: bool,
}

fn baris_program(p: &Program) -> BarisProgram {
    BarisProgram {
        id: p.id.0,
        kode: p.kode.clone(),
        judul: p.judul.clone(),
        mitra_id: p.penyelenggara.map(|m| m.0),
        penyelenggara: p
            .penyelenggara_nama
            .clone()
            .unwrap_or_else(|| "Instansi sendiri".to_owned()),
        bentuk: p.bentuk.label(),
        kelompok: kelompok(p.bentuk),
        jp: p.jp.0,
        biaya_peserta: rupiah(p.biaya_per_peserta),
        biaya_angkatan: p.biaya_per_angkatan.map_or_else(|| "—".to_owned(), rupiah),
        angkatan: teks_angkatan(p),
        moda: p.moda.label(),
        kompetensi: p
            .kompetensi
            .iter()
            .map(|k| KompetensiView {
                id: k.kompetensi.0,
                kode: k.kode.clone(),
                nama: k.nama.clone(),
                naik: k.naik_level,
            })
            .collect(),
        terbuka: p.terbuka_untuk_semua,
        aktif: p.aktif,
    }
}

#[derive(Template)]
#[template(path = "katalog_daftar.html")]
struct DaftarTpl {
    layout: Layout,
    boleh_tambah: bool,
    q: String,
    mitra: Vec<Pilihan>,
    bentuk: Vec<Grup>,
    kompetensi: Vec<Pilihan>,
    moda: Vec<Pilihan>,
    aktif: Vec<Pilihan>,
    masalah: Vec<String>,
    baris: Vec<BarisProgram>,
    /// The filters as `&k=v` pairs for the download links.
    ekor: String,
}

fn grup_bentuk(dipilih: Option<BentukPengembangan>) -> Vec<Grup> {
    [("Klasikal", true), ("Non-klasikal", false)]
        .into_iter()
        .map(|(label, klasikal)| Grup {
            label: label.to_owned(),
            pilihan: BentukPengembangan::ALL
                .iter()
                .filter(|b| b.klasikal() == klasikal)
                .map(|b| Pilihan {
                    nilai: b.code().to_owned(),
                    label: b.label().to_owned(),
                    dipilih: dipilih == Some(*b),
                })
                .collect(),
        })
        .collect()
}

pub(crate) async fn daftar(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Response, PageError> {
    let (f, masalah) = filter_katalog(&params);
    let program = muat_katalog(&state, &sesi, &f).await?;
    let i = sesi.instansi_id();
    let mitra = state.store().list_mitra(i).await?;
    let kamus = state.store().list_kompetensi(i).await?;
    let ekor = query_string(f.pasangan());
    let ekor = ekor.trim_start_matches('?');
    render(&DaftarTpl {
        layout: Layout::untuk(&sesi, "Katalog Pengembangan", "katalog"),
        boleh_tambah: boleh_tambah(&sesi),
        q: f.q.clone().unwrap_or_default(),
        mitra: mitra
            .iter()
            .map(|m| Pilihan {
                nilai: m.id.to_string(),
                label: m.nama.clone(),
                dipilih: f.mitra == Some(m.id),
            })
            .collect(),
        bentuk: grup_bentuk(f.bentuk),
        kompetensi: kamus
            .iter()
            .map(|k| Pilihan {
                nilai: k.id.to_string(),
                label: format!("{} {}", k.kode, k.nama),
                dipilih: f.kompetensi == Some(k.id),
            })
            .collect(),
        moda: ModaPembelajaran::ALL
            .iter()
            .map(|m| Pilihan {
                nilai: m.code().to_owned(),
                label: m.label().to_owned(),
                dipilih: f.moda == Some(*m),
            })
            .collect(),
        aktif: [
            ("ya", "Aktif", Some(true)),
            ("tidak", "Tidak aktif", Some(false)),
        ]
        .into_iter()
        .map(|(nilai, label, v)| Pilihan {
            nilai: nilai.to_owned(),
            label: label.to_owned(),
            dipilih: f.aktif == v,
        })
        .collect(),
        masalah,
        baris: program.iter().map(baris_program).collect(),
        ekor: if ekor.is_empty() {
            String::new()
        } else {
            format!("&{ekor}")
        },
    })
}

// ---------------------------------------------------------------- detail

#[derive(Template)]
#[template(path = "katalog_detail.html")]
struct DetailTpl {
    layout: Layout,
    boleh_ubah: bool,
    p: BarisProgram,
    jenis_jabatan: Vec<&'static str>,
    unit: Vec<String>,
    jadwal: String,
}

pub(crate) async fn detail(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
) -> Result<Response, PageError> {
    let id = ProgramId(id_path(&raw)?);
    let p = state.store().program(sesi.instansi_id(), id).await?;
    let unit = if p.unit.is_empty() {
        Vec::new()
    } else {
        let units = PetaUnit::muat(state.store(), &sesi).await?;
        p.unit
            .iter()
            .map(|u| {
                units
                    .get(*u)
                    .map_or_else(|| format!("Unit {u}"), |_| units.jalur_teks(*u))
            })
            .collect()
    };
    render(&DetailTpl {
        layout: Layout::untuk(&sesi, &p.judul, "katalog"),
        boleh_ubah: boleh_ubah(&sesi, p.penyelenggara),
        jenis_jabatan: p.jenis_jabatan.iter().map(|j| j.label()).collect(),
        unit,
        jadwal: teks_jadwal(&p.jadwal),
        p: baris_program(&p),
    })
}

// ---------------------------------------------------------------- download

/// `/katalog/unduh`: the filtered catalog, one program per row.
pub(crate) async fn unduh(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Response, PageError> {
    let format = Format::dari(&params)?;
    let (f, masalah) = filter_katalog(&params);
    tolak_masalah(&masalah)?;
    let program = muat_katalog(&state, &sesi, &f).await?;
    let tabel = tabel_katalog(&sesi.instansi.nama, state.hari_ini(), &program);
    Ok(unduh::respons(
        &tabel,
        format,
        "katalog-pengembangan",
        state.hari_ini(),
    )?)
}

// ---------------------------------------------------------------- forms

/// The program form as typed.
#[derive(Debug, Clone, Default)]
struct IsianProgram {
    kode: String,
    judul: String,
    penyelenggara: String,
    bentuk: String,
    jp: String,
    biaya_per_peserta: String,
    biaya_per_angkatan: String,
    ukuran_angkatan: String,
    maks_angkatan: String,
    moda: String,
    terbuka: bool,
    aktif: bool,
    jenis_jabatan: Vec<String>,
    unit: Vec<String>,
    jadwal_mulai: String,
    jadwal_selesai: String,
    /// (row number, competency, levels raised, marked for removal)
    kompetensi: Vec<(usize, String, String, bool)>,
}

impl IsianProgram {
    fn dari(p: &Program) -> Self {
        let (mulai, selesai) = match p.jadwal {
            JadwalProgram::SepanjangTahun => (String::new(), String::new()),
            JadwalProgram::Periode { mulai, selesai } => (iso(mulai), iso(selesai)),
        };
        IsianProgram {
            kode: p.kode.clone(),
            judul: p.judul.clone(),
            penyelenggara: p.penyelenggara.map(|m| m.to_string()).unwrap_or_default(),
            bentuk: p.bentuk.code().to_owned(),
            jp: p.jp.0.to_string(),
            biaya_per_peserta: p.biaya_per_peserta.0.to_string(),
            biaya_per_angkatan: p
                .biaya_per_angkatan
                .map(|b| b.0.to_string())
                .unwrap_or_default(),
            ukuran_angkatan: p.ukuran_angkatan.map(|u| u.to_string()).unwrap_or_default(),
            maks_angkatan: p.maks_angkatan.map(|u| u.to_string()).unwrap_or_default(),
            moda: p.moda.code().to_owned(),
            terbuka: p.terbuka_untuk_semua,
            aktif: p.aktif,
            jenis_jabatan: p
                .jenis_jabatan
                .iter()
                .map(|j| j.code().to_owned())
                .collect(),
            unit: p.unit.iter().map(|u| u.to_string()).collect(),
            jadwal_mulai: mulai,
            jadwal_selesai: selesai,
            kompetensi: p
                .kompetensi
                .iter()
                .enumerate()
                .map(|(n, k)| {
                    (
                        n + 1,
                        k.kompetensi.to_string(),
                        k.naik_level.to_string(),
                        false,
                    )
                })
                .collect(),
        }
    }

    fn dari_isian(pairs: &Isian) -> Self {
        let semua = |key: &str| -> Vec<String> {
            pairs
                .iter()
                .filter(|(k, v)| k == key && !v.trim().is_empty())
                .map(|(_, v)| v.trim().to_owned())
                .collect()
        };
        let kompetensi = nomor_baris(pairs, "kompetensi_")
            .into_iter()
            .map(|n| {
                (
                    n,
                    ambil(pairs, &format!("kompetensi_{n}")).to_owned(),
                    ambil(pairs, &format!("naik_{n}")).to_owned(),
                    ada(pairs, &format!("hapus_{n}")),
                )
            })
            .filter(|(_, k, l, _)| !(k.trim().is_empty() && l.trim().is_empty()))
            .collect();
        IsianProgram {
            kode: ambil(pairs, "kode").to_owned(),
            judul: ambil(pairs, "judul").to_owned(),
            penyelenggara: ambil(pairs, "penyelenggara").to_owned(),
            bentuk: ambil(pairs, "bentuk").to_owned(),
            jp: ambil(pairs, "jp").to_owned(),
            biaya_per_peserta: ambil(pairs, "biaya_per_peserta").to_owned(),
            biaya_per_angkatan: ambil(pairs, "biaya_per_angkatan").to_owned(),
            ukuran_angkatan: ambil(pairs, "ukuran_angkatan").to_owned(),
            maks_angkatan: ambil(pairs, "maks_angkatan").to_owned(),
            moda: ambil(pairs, "moda").to_owned(),
            terbuka: ada(pairs, "terbuka"),
            aktif: ada(pairs, "aktif"),
            jenis_jabatan: semua("jenis_jabatan"),
            unit: semua("unit"),
            jadwal_mulai: ambil(pairs, "jadwal_mulai").to_owned(),
            jadwal_selesai: ambil(pairs, "jadwal_selesai").to_owned(),
            kompetensi,
        }
    }
}

/// Whole rupiah as typed: "1.500.000", "Rp 1.500.000" or "1500000".
fn urai_rupiah(teks: &str) -> Option<i64> {
    let t = teks.trim();
    let t = t
        .strip_prefix("Rp")
        .or_else(|| t.strip_prefix("rp"))
        .unwrap_or(t);
    let digits: String = t.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

fn angka_opsional(
    galat: &mut GalatIsian,
    field: &str,
    teks: &str,
    pesan: &str,
) -> Option<Option<u32>> {
    let t = teks.trim();
    if t.is_empty() {
        return Some(None);
    }
    match t.parse::<u32>() {
        Ok(n) if (1..=1_000_000).contains(&n) => Some(Some(n)),
        _ => {
            galat.insert(field.to_owned(), pesan.to_owned());
            None
        }
    }
}

/// What the program form checks against: partners, dictionary, units.
struct Rujukan<'a> {
    mitra: &'a [Mitra],
    kamus: &'a [kompeten_store::Kompetensi],
    units: &'a PetaUnit,
}

/// Checks the typed program; the record to write, or a message per field.
fn periksa_program(isian: &IsianProgram, r: &Rujukan<'_>) -> Result<NewProgram, GalatIsian> {
    let mut galat = GalatIsian::new();
    teks(&mut galat, "kode", &isian.kode, true, MAX_KODE);
    teks(&mut galat, "judul", &isian.judul, true, MAX_NAMA);
    let penyelenggara = match isian.penyelenggara.trim() {
        "" => None,
        v => match r.mitra.iter().find(|m| m.id.to_string() == v) {
            Some(m) => Some(m.id),
            None => {
                galat.insert(
                    "penyelenggara".into(),
                    "Pilih mitra yang terdaftar di instansi ini.".into(),
                );
                None
            }
        },
    };
    let bentuk = BentukPengembangan::from_code(isian.bentuk.trim()).ok();
    if bentuk.is_none() {
        galat.insert("bentuk".into(), "Pilih bentuk pengembangan.".into());
    }
    let moda = ModaPembelajaran::from_code(isian.moda.trim()).ok();
    if moda.is_none() {
        galat.insert("moda".into(), "Pilih moda pembelajaran.".into());
    }
    let jp = match isian.jp.trim().parse::<u32>() {
        Ok(n) if (1..=10_000).contains(&n) => Some(Jp(n)),
        _ => {
            galat.insert("jp".into(), "JP harus bilangan bulat, sedikitnya 1.".into());
            None
        }
    };
    let biaya_per_peserta = match urai_rupiah(&isian.biaya_per_peserta) {
        Some(b) => Some(Rupiah(b)),
        None => {
            galat.insert(
                "biaya_per_peserta".into(),
                "Isi biaya per peserta dalam rupiah (0 bila gratis), mis. 1.500.000.".into(),
            );
            None
        }
    };
    let biaya_per_angkatan = if isian.biaya_per_angkatan.trim().is_empty() {
        None
    } else {
        match urai_rupiah(&isian.biaya_per_angkatan) {
            Some(b) => Some(Rupiah(b)),
            None => {
                galat.insert(
                    "biaya_per_angkatan".into(),
                    "Biaya per angkatan harus rupiah utuh, mis. 25.000.000; kosongkan bila tidak ada."
                        .into(),
                );
                None
            }
        }
    };
    let ukuran = angka_opsional(
        &mut galat,
        "ukuran_angkatan",
        &isian.ukuran_angkatan,
        "Ukuran angkatan sedikitnya 1 peserta; kosongkan bila tidak dibatasi.",
    );
    let maks = angka_opsional(
        &mut galat,
        "maks_angkatan",
        &isian.maks_angkatan,
        "Jumlah angkatan paling banyak sedikitnya 1; kosongkan bila tidak dibatasi.",
    );
    let mut kompetensi = Vec::new();
    for (n, k, l, hapus) in &isian.kompetensi {
        if *hapus {
            continue;
        }
        let id = r
            .kamus
            .iter()
            .find(|x| x.id.to_string() == k.trim())
            .map(|x| x.id);
        let Some(id) = id else {
            galat.insert(
                format!("baris.{n}.kompetensi"),
                "Pilih kompetensi dari kamus.".into(),
            );
            continue;
        };
        if kompetensi
            .iter()
            .any(|x: &KompetensiProgram| x.kompetensi == id)
        {
            galat.insert(
                format!("baris.{n}.kompetensi"),
                "Kompetensi ini muncul lebih dari sekali.".into(),
            );
            continue;
        }
        match l.trim().parse::<u8>() {
            Ok(naik) if (1..=4).contains(&naik) => kompetensi.push(KompetensiProgram {
                kompetensi: id,
                naik_level: naik,
            }),
            _ => {
                galat.insert(
                    format!("baris.{n}.naik"),
                    "Kenaikan level harus 1 sampai 4.".into(),
                );
            }
        }
    }
    let ada_galat_baris = galat.keys().any(|k| k.starts_with("baris."));
    if kompetensi.is_empty() && !isian.terbuka && !ada_galat_baris {
        galat.insert(
            "kompetensi".into(),
            "Isi sedikitnya satu kompetensi yang ditingkatkan, atau tandai program terbuka untuk semua."
                .into(),
        );
    }
    let mut jenis_jabatan = Vec::new();
    for j in &isian.jenis_jabatan {
        match JenisJabatan::from_code(j) {
            Ok(j) => jenis_jabatan.push(j),
            Err(_) => {
                galat.insert(
                    "jenis_jabatan".into(),
                    "Jenis jabatan tidak dikenal.".into(),
                );
            }
        }
    }
    let mut unit = Vec::new();
    for u in &isian.unit {
        match u
            .parse::<i64>()
            .ok()
            .map(UnitId)
            .filter(|u| r.units.get(*u).is_some())
        {
            Some(u) => unit.push(u),
            None => {
                galat.insert(
                    "unit".into(),
                    "Pilih unit yang terdaftar di instansi ini.".into(),
                );
            }
        }
    }
    let jadwal = match (isian.jadwal_mulai.trim(), isian.jadwal_selesai.trim()) {
        ("", "") => Some(JadwalProgram::SepanjangTahun),
        (m, s) => match (urai_tanggal(m), urai_tanggal(s)) {
            (Some(mulai), Some(selesai)) if selesai >= mulai => {
                Some(JadwalProgram::Periode { mulai, selesai })
            }
            (Some(_), Some(_)) => {
                galat.insert(
                    "jadwal_selesai".into(),
                    "Tanggal selesai tidak boleh sebelum tanggal mulai.".into(),
                );
                None
            }
            _ => {
                galat.insert(
                    "jadwal_mulai".into(),
                    "Isi tanggal mulai dan selesai (TTTT-BB-HH), atau kosongkan keduanya untuk program sepanjang tahun."
                        .into(),
                );
                None
            }
        },
    };
    match (bentuk, moda, jp, biaya_per_peserta, ukuran, maks, jadwal) {
        (
            Some(bentuk),
            Some(moda),
            Some(jp),
            Some(biaya_per_peserta),
            Some(ukuran_angkatan),
            Some(maks_angkatan),
            Some(jadwal),
        ) if galat.is_empty() => Ok(NewProgram {
            kode: isian.kode.trim().to_owned(),
            judul: isian.judul.trim().to_owned(),
            penyelenggara,
            bentuk,
            jp,
            biaya_per_peserta,
            biaya_per_angkatan,
            ukuran_angkatan,
            maks_angkatan,
            moda,
            kompetensi,
            terbuka_untuk_semua: isian.terbuka,
            jenis_jabatan,
            unit,
            jadwal,
            aktif: isian.aktif,
        }),
        _ => Err(galat),
    }
}

struct BarisKompetensiView {
    n: usize,
    kompetensi: Vec<Grup>,
    naik: String,
    hapus: bool,
    galat: Vec<String>,
}

#[derive(Template)]
#[template(path = "katalog_form.html")]
struct FormTpl {
    layout: Layout,
    csrf: String,
    program_id: Option<i64>,
    judul_halaman: String,
    kode: String,
    judul: String,
    penyelenggara: Vec<Pilihan>,
    bentuk: Vec<Grup>,
    jp: String,
    biaya_per_peserta: String,
    biaya_per_angkatan: String,
    ukuran_angkatan: String,
    maks_angkatan: String,
    moda: Vec<Pilihan>,
    terbuka: bool,
    aktif: bool,
    jenis_jabatan: Vec<Pilihan>,
    unit: Vec<Pilihan>,
    jadwal_mulai: String,
    jadwal_selesai: String,
    baris: Vec<BarisKompetensiView>,
    galat: GalatIsian,
    pesan: Option<String>,
}

fn grup_kompetensi(kamus: &[kompeten_store::Kompetensi], dipilih: &str) -> Vec<Grup> {
    vec![Grup {
        label: "Kamus kompetensi".to_owned(),
        pilihan: kamus
            .iter()
            .map(|k| Pilihan {
                nilai: k.id.to_string(),
                label: label_kompetensi(k),
                dipilih: dipilih.trim() == k.id.to_string(),
            })
            .collect(),
    }]
}

fn halaman_form(
    sesi: &Sesi,
    program: Option<&Program>,
    isian: &IsianProgram,
    r: &Rujukan<'_>,
    galat: GalatIsian,
    pesan: Option<String>,
) -> Result<Response, PageError> {
    let mut baris: Vec<BarisKompetensiView> = isian
        .kompetensi
        .iter()
        .map(|(n, k, l, hapus)| BarisKompetensiView {
            n: *n,
            kompetensi: grup_kompetensi(r.kamus, k),
            naik: l.clone(),
            hapus: *hapus,
            galat: ["kompetensi", "naik"]
                .iter()
                .filter_map(|f| galat.get(&format!("baris.{n}.{f}")).cloned())
                .collect(),
        })
        .collect();
    let mulai = baris.iter().map(|b| b.n).max().unwrap_or(0) + 1;
    baris.extend(
        (mulai..mulai + BARIS_TAMBAHAN).map(|n| BarisKompetensiView {
            n,
            kompetensi: grup_kompetensi(r.kamus, ""),
            naik: String::new(),
            hapus: false,
            galat: Vec::new(),
        }),
    );
    let status = if galat.is_empty() && pesan.is_none() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let judul_halaman = match program {
        Some(p) => format!("Ubah program {}", p.judul),
        None => "Tambah program".to_owned(),
    };
    // A partner's account runs its programs itself: no "own programs" choice.
    let mut penyelenggara = Vec::new();
    if mitra_sendiri(sesi).is_none() {
        penyelenggara.push(Pilihan {
            nilai: String::new(),
            label: "— Diselenggarakan instansi sendiri —".to_owned(),
            dipilih: isian.penyelenggara.trim().is_empty(),
        });
    }
    penyelenggara.extend(r.mitra.iter().map(|m| Pilihan {
        nilai: m.id.to_string(),
        label: m.nama.clone(),
        dipilih: isian.penyelenggara.trim() == m.id.to_string(),
    }));
    // OPDs, plus any other unit the program already names.
    let unit = r
        .units
        .units
        .iter()
        .filter(|u| u.induk.is_none() || isian.unit.contains(&u.id.to_string()))
        .map(|u| Pilihan {
            nilai: u.id.to_string(),
            label: r.units.jalur_teks(u.id),
            dipilih: isian.unit.contains(&u.id.to_string()),
        })
        .collect();
    let tpl = FormTpl {
        layout: Layout::untuk(sesi, &judul_halaman, "katalog"),
        csrf: sesi.csrf.clone(),
        program_id: program.map(|p| p.id.0),
        judul_halaman,
        kode: isian.kode.clone(),
        judul: isian.judul.clone(),
        penyelenggara,
        bentuk: grup_bentuk(BentukPengembangan::from_code(isian.bentuk.trim()).ok()),
        jp: isian.jp.clone(),
        biaya_per_peserta: isian.biaya_per_peserta.clone(),
        biaya_per_angkatan: isian.biaya_per_angkatan.clone(),
        ukuran_angkatan: isian.ukuran_angkatan.clone(),
        maks_angkatan: isian.maks_angkatan.clone(),
        moda: ModaPembelajaran::ALL
            .iter()
            .map(|m| Pilihan {
                nilai: m.code().to_owned(),
                label: m.label().to_owned(),
                dipilih: isian.moda.trim() == m.code(),
            })
            .collect(),
        terbuka: isian.terbuka,
        aktif: isian.aktif,
        jenis_jabatan: JenisJabatan::ALL
            .iter()
            .map(|j| Pilihan {
                nilai: j.code().to_owned(),
                label: j.label().to_owned(),
                dipilih: isian.jenis_jabatan.iter().any(|x| x == j.code()),
            })
            .collect(),
        unit,
        jadwal_mulai: isian.jadwal_mulai.clone(),
        jadwal_selesai: isian.jadwal_selesai.clone(),
        baris,
        galat,
        pesan,
    };
    render_status(&tpl, status)
}

/// Partners, dictionary and units for the form.
async fn muat_rujukan(
    state: &AppState,
    sesi: &Sesi,
) -> Result<(Vec<Mitra>, Vec<kompeten_store::Kompetensi>, PetaUnit), AppError> {
    let i = sesi.instansi_id();
    let mut mitra = state.store().list_mitra(i).await?;
    if let Some(sendiri) = mitra_sendiri(sesi) {
        mitra.retain(|m| m.id == sendiri);
    }
    let kamus = state.store().list_kompetensi(i).await?;
    let units = PetaUnit::muat(state.store(), sesi).await?;
    Ok((mitra, kamus, units))
}

/// The program form as typed; for a partner's account, with its own partner
/// as the organiser whatever the form names.
fn isian_untuk(sesi: &Sesi, pairs: &Isian) -> IsianProgram {
    let mut isian = IsianProgram::dari_isian(pairs);
    if let Some(m) = mitra_sendiri(sesi) {
        isian.penyelenggara = m.to_string();
    }
    isian
}

/// The stored program, when the reader may edit it; 404 for a program of
/// no one in this instansi, 403 for one the reader may only read.
async fn program_boleh_ubah(
    state: &AppState,
    sesi: &Sesi,
    id: ProgramId,
) -> Result<Program, AppError> {
    if !boleh_tambah(sesi) {
        return Err(AppError::Forbidden);
    }
    let p = state.store().program(sesi.instansi_id(), id).await?;
    if boleh_ubah(sesi, p.penyelenggara) {
        Ok(p)
    } else {
        Err(AppError::Forbidden)
    }
}

pub(crate) async fn baru_form(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Response, PageError> {
    if !boleh_tambah(&sesi) {
        return Err(AppError::Forbidden.into());
    }
    let (mitra, kamus, units) = muat_rujukan(&state, &sesi).await?;
    let r = Rujukan {
        mitra: &mitra,
        kamus: &kamus,
        units: &units,
    };
    let penyelenggara = match mitra_sendiri(&sesi) {
        Some(m) => m.to_string(),
        None => params.get("mitra").unwrap_or_default().to_owned(),
    };
    let isian = IsianProgram {
        penyelenggara,
        bentuk: BentukPengembangan::Pelatihan.code().to_owned(),
        moda: ModaPembelajaran::Luring.code().to_owned(),
        biaya_per_peserta: "0".to_owned(),
        aktif: true,
        ..IsianProgram::default()
    };
    halaman_form(&sesi, None, &isian, &r, GalatIsian::new(), None)
}

pub(crate) async fn baru_kirim(
    State(state): State<AppState>,
    sesi: Sesi,
    form: Result<Form<Isian>, FormRejection>,
) -> Result<Response, PageError> {
    if !boleh_tambah(&sesi) {
        return Err(AppError::Forbidden.into());
    }
    let pairs = isian_sah(&sesi, form)?;
    let (mitra, kamus, units) = muat_rujukan(&state, &sesi).await?;
    let r = Rujukan {
        mitra: &mitra,
        kamus: &kamus,
        units: &units,
    };
    let isian = isian_untuk(&sesi, &pairs);
    let (galat, pesan) = match periksa_program(&isian, &r) {
        Ok(baru) => match state
            .store()
            .add_program(sesi.instansi_id(), &pelaku(&sesi), &baru)
            .await
        {
            Ok(id) => return Ok(alihkan(&state, &format!("/katalog/{id}"), "program-baru")),
            Err(e) => {
                let mut galat = GalatIsian::new();
                let pesan = galat_simpan_kode(
                    e,
                    &mut galat,
                    "Kode ini sudah dipakai program lain di instansi ini.",
                )?;
                (galat, pesan)
            }
        },
        Err(galat) => (galat, None),
    };
    halaman_form(&sesi, None, &isian, &r, galat, pesan)
}

pub(crate) async fn ubah_form(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
) -> Result<Response, PageError> {
    let id = ProgramId(id_path(&raw)?);
    let p = program_boleh_ubah(&state, &sesi, id).await?;
    let (mitra, kamus, units) = muat_rujukan(&state, &sesi).await?;
    let r = Rujukan {
        mitra: &mitra,
        kamus: &kamus,
        units: &units,
    };
    halaman_form(
        &sesi,
        Some(&p),
        &IsianProgram::dari(&p),
        &r,
        GalatIsian::new(),
        None,
    )
}

pub(crate) async fn ubah_kirim(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
    form: Result<Form<Isian>, FormRejection>,
) -> Result<Response, PageError> {
    let id = ProgramId(id_path(&raw)?);
    let p = program_boleh_ubah(&state, &sesi, id).await?;
    let pairs = isian_sah(&sesi, form)?;
    let (mitra, kamus, units) = muat_rujukan(&state, &sesi).await?;
    let r = Rujukan {
        mitra: &mitra,
        kamus: &kamus,
        units: &units,
    };
    let isian = isian_untuk(&sesi, &pairs);
    let (galat, pesan) = match periksa_program(&isian, &r) {
        Ok(data) => match state
            .store()
            .update_program(sesi.instansi_id(), &pelaku(&sesi), id, &data)
            .await
        {
            Ok(()) => return Ok(alihkan(&state, &format!("/katalog/{id}"), "program-ubah")),
            Err(e) => {
                let mut galat = GalatIsian::new();
                let pesan = galat_simpan_kode(
                    e,
                    &mut galat,
                    "Kode ini sudah dipakai program lain di instansi ini.",
                )?;
                (galat, pesan)
            }
        },
        Err(galat) => (galat, None),
    };
    halaman_form(&sesi, Some(&p), &isian, &r, galat, pesan)
}

// ---------------------------------------------------------------- API

#[derive(Serialize, ToSchema)]
pub(crate) struct KompetensiProgramDto {
    pub kompetensi_id: i64,
    pub kode: String,
    pub nama: String,
    /// Levels raised, 1..=4.
    pub naik_level: u8,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct JadwalDto {
    /// `sepanjang_tahun` or `periode`.
    pub jenis: &'static str,
    #[schema(format = Date)]
    pub mulai: Option<String>,
    #[schema(format = Date)]
    pub selesai: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct ProgramDto {
    pub id: i64,
    pub kode: String,
    pub judul: String,
    /// The partner running it; null for the instansi's own programs.
    pub mitra_id: Option<i64>,
    pub penyelenggara: Option<String>,
    /// A `bentuk` code, e.g. `pelatihan`, `e_learning`.
    pub bentuk: &'static str,
    pub klasikal: bool,
    pub jp: u32,
    /// Whole rupiah.
    pub biaya_per_peserta: i64,
    /// Whole rupiah, paid once per batch that runs.
    pub biaya_per_angkatan: Option<i64>,
    /// Null: one batch of any size.
    pub ukuran_angkatan: Option<u32>,
    /// Null: no limit.
    pub maks_angkatan: Option<u32>,
    /// `luring`, `daring` or `campuran`.
    pub moda: &'static str,
    pub kompetensi: Vec<KompetensiProgramDto>,
    pub terbuka_untuk_semua: bool,
    /// Position type codes that may take it; empty: every type.
    pub jenis_jabatan: Vec<&'static str>,
    /// Unit ids whose staff (and the units below) may take it; empty: every unit.
    pub unit: Vec<i64>,
    pub jadwal: JadwalDto,
    pub aktif: bool,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct KatalogDto {
    pub jumlah: usize,
    pub program: Vec<ProgramDto>,
}

fn program_dto(p: &Program) -> ProgramDto {
    let jadwal = match p.jadwal {
        JadwalProgram::SepanjangTahun => JadwalDto {
            jenis: "sepanjang_tahun",
            mulai: None,
            selesai: None,
        },
        JadwalProgram::Periode { mulai, selesai } => JadwalDto {
            jenis: "periode",
            mulai: Some(iso(mulai)),
            selesai: Some(iso(selesai)),
        },
    };
    ProgramDto {
        id: p.id.0,
        kode: p.kode.clone(),
        judul: p.judul.clone(),
        mitra_id: p.penyelenggara.map(|m| m.0),
        penyelenggara: p.penyelenggara_nama.clone(),
        bentuk: p.bentuk.code(),
        klasikal: p.bentuk.klasikal(),
        jp: p.jp.0,
        biaya_per_peserta: p.biaya_per_peserta.0,
        biaya_per_angkatan: p.biaya_per_angkatan.map(|b| b.0),
        ukuran_angkatan: p.ukuran_angkatan,
        maks_angkatan: p.maks_angkatan,
        moda: p.moda.code(),
        kompetensi: p
            .kompetensi
            .iter()
            .map(|k| KompetensiProgramDto {
                kompetensi_id: k.kompetensi.0,
                kode: k.kode.clone(),
                nama: k.nama.clone(),
                naik_level: k.naik_level,
            })
            .collect(),
        terbuka_untuk_semua: p.terbuka_untuk_semua,
        jenis_jabatan: p.jenis_jabatan.iter().map(|j| j.code()).collect(),
        unit: p.unit.iter().map(|u| u.0).collect(),
        jadwal,
        aktif: p.aktif,
    }
}

#[utoipa::path(
    get, path = "/api/v1/katalog", tag = "katalog", security(("sesi" = [])),
    params(
        ("q" = Option<String>, Query, description = "Text in the code or title"),
        ("mitra" = Option<i64>, Query, description = "Programs run by this partner"),
        ("bentuk" = Option<String>, Query, description = "Form code, e.g. `pelatihan`, `e_learning`"),
        ("kompetensi" = Option<i64>, Query, description = "Programs raising this competency"),
        ("moda" = Option<String>, Query, description = "`luring`, `daring` or `campuran`"),
        ("aktif" = Option<String>, Query, description = "`ya` or `tidak`"),
    ),
    responses(
        (status = 200, body = KatalogDto),
        (status = 400, description = "A filter is not valid", body = ErrorBody),
        (status = 401, description = "No session", body = ErrorBody),
    )
)]
pub(crate) async fn api_daftar(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Json<KatalogDto>, ApiError> {
    let (f, masalah) = filter_katalog(&params);
    tolak_masalah(&masalah)?;
    let program = muat_katalog(&state, &sesi, &f).await?;
    Ok(Json(KatalogDto {
        jumlah: program.len(),
        program: program.iter().map(program_dto).collect(),
    }))
}

#[utoipa::path(
    get, path = "/api/v1/katalog/{id}", tag = "katalog", security(("sesi" = [])),
    params(("id" = i64, Path, description = "Program id")),
    responses(
        (status = 200, body = ProgramDto),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 404, description = "No such program in this instansi", body = ErrorBody),
    )
)]
pub(crate) async fn api_detail(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
) -> Result<Json<ProgramDto>, ApiError> {
    let id = ProgramId(id_path(&raw)?);
    let p = state.store().program(sesi.instansi_id(), id).await?;
    Ok(Json(program_dto(&p)))
}

/// A competency the program raises, as written.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct KompetensiProgramMasukanDto {
    pub kompetensi_id: i64,
    /// Levels raised, 1..=4.
    pub naik_level: i64,
}

/// A program's run, as written; absent or null: all year.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct JadwalMasukanDto {
    #[schema(format = Date, example = "2027-03-01")]
    pub mulai: String,
    #[schema(format = Date, example = "2027-03-05")]
    pub selesai: String,
}

/// A program as written through the API: the fields of [`ProgramDto`]
/// that are not derived, under the same names and with the same checks as
/// the form.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProgramMasukanDto {
    pub kode: String,
    pub judul: String,
    /// The partner running it; absent or null for the instansi's own
    /// programs. A partner's own account always writes its own partner.
    #[serde(default)]
    pub mitra_id: Option<i64>,
    /// A `bentuk` code, e.g. `pelatihan`, `e_learning`.
    pub bentuk: String,
    pub jp: i64,
    /// Whole rupiah.
    pub biaya_per_peserta: i64,
    /// Whole rupiah, paid once per batch that runs.
    #[serde(default)]
    pub biaya_per_angkatan: Option<i64>,
    /// Null: one batch of any size.
    #[serde(default)]
    pub ukuran_angkatan: Option<i64>,
    /// Null: no limit.
    #[serde(default)]
    pub maks_angkatan: Option<i64>,
    /// `luring`, `daring` or `campuran`.
    pub moda: String,
    pub kompetensi: Vec<KompetensiProgramMasukanDto>,
    #[serde(default)]
    pub terbuka_untuk_semua: bool,
    /// Position type codes that may take it; empty: every type.
    #[serde(default)]
    pub jenis_jabatan: Vec<String>,
    /// Unit ids whose staff (and the units below) may take it; empty: every unit.
    #[serde(default)]
    pub unit: Vec<i64>,
    #[serde(default)]
    pub jadwal: Option<JadwalMasukanDto>,
    /// Default true.
    #[serde(default = "ya")]
    pub aktif: bool,
}

fn ya() -> bool {
    true
}

impl ProgramMasukanDto {
    /// The form's fields from the JSON, so that both are checked alike
    /// (competency rows numbered from 1 in the order given).
    fn isian(self) -> IsianProgram {
        let angka = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
        let (jadwal_mulai, jadwal_selesai) = self
            .jadwal
            .map(|j| (j.mulai, j.selesai))
            .unwrap_or_default();
        IsianProgram {
            kode: self.kode,
            judul: self.judul,
            penyelenggara: angka(self.mitra_id),
            bentuk: self.bentuk,
            jp: self.jp.to_string(),
            biaya_per_peserta: self.biaya_per_peserta.to_string(),
            biaya_per_angkatan: angka(self.biaya_per_angkatan),
            ukuran_angkatan: angka(self.ukuran_angkatan),
            maks_angkatan: angka(self.maks_angkatan),
            moda: self.moda,
            terbuka: self.terbuka_untuk_semua,
            aktif: self.aktif,
            jenis_jabatan: self.jenis_jabatan,
            unit: self.unit.iter().map(i64::to_string).collect(),
            jadwal_mulai,
            jadwal_selesai,
            kompetensi: self
                .kompetensi
                .iter()
                .enumerate()
                .map(|(n, k)| {
                    (
                        n + 1,
                        k.kompetensi_id.to_string(),
                        k.naik_level.to_string(),
                        false,
                    )
                })
                .collect(),
        }
    }
}

/// Checks a program written through the API and saves it with `simpan`;
/// the stored program, or why not (nothing saved).
async fn api_simpan(
    state: &AppState,
    sesi: &Sesi,
    b: ProgramMasukanDto,
    id: Option<ProgramId>,
) -> Result<ProgramDto, Tolak> {
    let (mitra, kamus, units) = muat_rujukan(state, sesi).await?;
    let r = Rujukan {
        mitra: &mitra,
        kamus: &kamus,
        units: &units,
    };
    let mut isian = b.isian();
    if let Some(m) = mitra_sendiri(sesi) {
        isian.penyelenggara = m.to_string();
    }
    let data = periksa_program(&isian, &r).map_err(Tolak::Isian)?;
    let i = sesi.instansi_id();
    let disimpan = match id {
        None => state.store().add_program(i, &pelaku(sesi), &data).await,
        Some(id) => state
            .store()
            .update_program(i, &pelaku(sesi), id, &data)
            .await
            .map(|()| id),
    };
    let id = match disimpan {
        Ok(id) => id,
        Err(e) => {
            let mut galat = GalatIsian::new();
            return Err(
                match galat_simpan_kode(
                    e,
                    &mut galat,
                    "Kode ini sudah dipakai program lain di instansi ini.",
                )? {
                    Some(pesan) => AppError::BadRequest(pesan).into(),
                    None => Tolak::Isian(galat),
                },
            );
        }
    };
    Ok(program_dto(&state.store().program(i, id).await?))
}

#[utoipa::path(
    post, path = "/api/v1/katalog", tag = "katalog", security(("sesi" = [])),
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token (GET /api/v1/sesi)")),
    request_body = ProgramMasukanDto,
    responses(
        (status = 201, body = ProgramDto),
        (status = 400, description = "Invalid fields (or a code in use); nothing saved", body = GalatValidasiBody),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 403, description = "Not an admin nor a partner's own account, or a wrong CSRF token", body = ErrorBody),
    )
)]
pub(crate) async fn api_baru(
    State(state): State<AppState>,
    sesi: Sesi,
    headers: HeaderMap,
    body: Result<Json<ProgramMasukanDto>, JsonRejection>,
) -> Result<Response, Tolak> {
    if !boleh_tambah(&sesi) {
        return Err(AppError::Forbidden.into());
    }
    wajib_csrf_api(&sesi, &headers)?;
    let b = badan(body)?;
    let p = api_simpan(&state, &sesi, b, None).await?;
    Ok((StatusCode::CREATED, Json(p)).into_response())
}

#[utoipa::path(
    put, path = "/api/v1/katalog/{id}", tag = "katalog", security(("sesi" = [])),
    params(
        ("id" = i64, Path, description = "Program id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token"),
    ),
    request_body = ProgramMasukanDto,
    responses(
        (status = 200, body = ProgramDto),
        (status = 400, description = "Invalid fields (or a code in use); nothing saved", body = GalatValidasiBody),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 403, description = "Another partner's program, a reader's role, or a wrong CSRF token", body = ErrorBody),
        (status = 404, description = "No such program in this instansi", body = ErrorBody),
    )
)]
pub(crate) async fn api_ubah(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
    headers: HeaderMap,
    body: Result<Json<ProgramMasukanDto>, JsonRejection>,
) -> Result<Json<ProgramDto>, Tolak> {
    let id = ProgramId(id_path(&raw)?);
    program_boleh_ubah(&state, &sesi, id).await?;
    wajib_csrf_api(&sesi, &headers)?;
    let b = badan(body)?;
    Ok(Json(api_simpan(&state, &sesi, b, Some(id)).await?))
}

#[derive(OpenApi)]
#[openapi(
    paths(api_daftar, api_detail, api_baru, api_ubah),
    tags((name = "katalog", description = "The catalog of development programs (not personal data)"))
)]
pub(crate) struct ApiKatalogDoc;
