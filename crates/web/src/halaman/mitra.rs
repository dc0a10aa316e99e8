//! `/mitra`: partner institutions with their contacts, agreements (MoU/PKS,
//! flagged when ending soon or ended) and programs; the admin forms to add
//! and edit one; the list as XLSX or CSV (`/mitra/unduh`); the same under `/api/v1/mitra` (read, add with `POST`,
//! edit with `PUT /api/v1/mitra/{id}`); the
//! instansi's threshold for "ending soon" (`/pengaturan/mitra`).
//!
//! Partners are not personal data of ASN: every signed-in role reads them,
//! but the names and numbers of partner staff are shown only to roles that
//! deal with partners (not to pegawai).
//!
//! A partner's own account (role mitra, linked to its partner) keeps its
//! partner's contact persons. Agreements stay with BKPSDM admins: they are
//! signed with BKPSDM, and the partner's word alone must not extend one.

use super::pegawai::{Pilihan, id_path};
use super::tulis::{Isian, ada, alihkan, ambil, isian_sah};
use super::{Layout, render, render_status};
use crate::AppState;
use crate::api_tulis::{GalatValidasiBody, Tolak, badan, wajib_csrf_api};
use crate::error::{ApiError, AppError, ErrorBody, PageError};
use crate::params::Params;
use crate::sesi::Sesi;
use crate::tulis::{GalatIsian, galat_simpan_kode, iso, pelaku, urai_tanggal, wajib_admin};
use crate::unduh::{self, Format};
use askama::Template;
use axum::Json;
use axum::extract::rejection::{FormRejection, JsonRejection};
use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use kompeten_domain::format::tanggal;
use kompeten_domain::{JenisKerjaSama, JenisMitra, Role, StatusKerjaSama};
use kompeten_io::laporan_pengembangan::{PengaturanMitra, tabel_mitra};
use kompeten_store::{KerjaSama, KontakMitra, Mitra, MitraId, NewMitra, Program, ProgramQuery};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use time::Date;
use utoipa::{OpenApi, ToSchema};

/// Longest code accepted.
pub(crate) const MAX_KODE: usize = 50;
/// Longest name, title or other one-line text accepted.
pub(crate) const MAX_NAMA: usize = 200;
/// Longest free text (an agreement's scope).
const MAX_TEKS: usize = 2000;
/// Empty rows offered for adding contacts or agreements.
const BARIS_TAMBAHAN: usize = 2;

/// Who sees the partner's contact persons: not pegawai.
pub(crate) fn lihat_kontak(role: Role) -> bool {
    !matches!(role, Role::Pegawai)
}

/// The partner a signed-in partner account acts for; `None` for every other
/// role, and for a mitra account made before accounts named their partner.
pub(crate) fn mitra_sendiri(sesi: &Sesi) -> Option<MitraId> {
    match sesi.role() {
        Role::Mitra => sesi.akun.mitra,
        _ => None,
    }
}

/// The instansi's partner settings.
pub(crate) async fn pengaturan_mitra(
    state: &AppState,
    sesi: &Sesi,
) -> Result<PengaturanMitra, AppError> {
    let nilai = state
        .store()
        .pengaturan(sesi.instansi_id(), PengaturanMitra::KUNCI)
        .await?;
    PengaturanMitra::dari_json(nilai).map_err(|e| AppError::internal(&e))
}

/// An agreement's status on the reader's day, against the instansi's
/// threshold in days.
pub(crate) fn status_kerja_sama(k: &KerjaSama, hari_ini: Date, ambang: u32) -> StatusKerjaSama {
    StatusKerjaSama::pada(k.tanggal_mulai, k.tanggal_berakhir, hari_ini, ambang)
}

/// CSS class of a status badge.
pub(crate) fn kelas_status(s: StatusKerjaSama) -> &'static str {
    match s {
        StatusKerjaSama::Berlaku => "lencana-berlaku",
        StatusKerjaSama::SegeraBerakhir => "lencana-kurang",
        StatusKerjaSama::Berakhir => "lencana-kedaluwarsa",
        StatusKerjaSama::BelumBerlaku => "lencana-netral",
    }
}

/// A one-line text field: trimmed; required, length and control characters checked.
pub(crate) fn teks(galat: &mut GalatIsian, field: &str, value: &str, wajib: bool, max: usize) {
    let value = value.trim();
    if wajib && value.is_empty() {
        galat.insert(field.to_owned(), "Wajib diisi.".to_owned());
    } else if value.chars().count() > max {
        galat.insert(field.to_owned(), format!("Paling banyak {max} karakter."));
    } else if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        galat.insert(
            field.to_owned(),
            "Berisi karakter yang tidak diizinkan.".to_owned(),
        );
    }
}

fn opsional(value: &str) -> Option<String> {
    let v = value.trim();
    (!v.is_empty()).then(|| v.to_owned())
}

// ---------------------------------------------------------------- list

struct KerjaSamaView {
    jenis: &'static str,
    nomor: String,
    ruang_lingkup: String,
    mulai: String,
    berakhir: String,
    status: &'static str,
    kelas: &'static str,
}

fn kerja_sama_view(k: &KerjaSama, hari_ini: Date, ambang: u32) -> KerjaSamaView {
    let s = status_kerja_sama(k, hari_ini, ambang);
    KerjaSamaView {
        jenis: match k.jenis {
            JenisKerjaSama::Mou => "MoU",
            JenisKerjaSama::Pks => "PKS",
        },
        nomor: k.nomor.clone(),
        ruang_lingkup: k.ruang_lingkup.clone(),
        mulai: tanggal(k.tanggal_mulai),
        berakhir: tanggal(k.tanggal_berakhir),
        status: s.label(),
        kelas: kelas_status(s),
    }
}

struct BarisMitra {
    id: i64,
    kode: String,
    nama: String,
    jenis: &'static str,
    kota: String,
    program: usize,
    program_aktif: usize,
    kerja_sama: Vec<KerjaSamaView>,
}

/// An agreement that needs attention: ending soon or ended.
struct PerhatianView {
    mitra_id: i64,
    mitra: String,
    kerja_sama: KerjaSamaView,
}

#[derive(Template)]
#[template(path = "mitra_daftar.html")]
struct DaftarTpl {
    layout: Layout,
    hari_ini: String,
    ambang: u32,
    admin: bool,
    /// The reader's own partner (id, name), for a partner account.
    milik: Option<(i64, String)>,
    baris: Vec<BarisMitra>,
    perhatian: Vec<PerhatianView>,
}

/// Programs per partner: (all, active).
fn hitung_program(program: &[Program]) -> HashMap<MitraId, (usize, usize)> {
    let mut out: HashMap<MitraId, (usize, usize)> = HashMap::new();
    for p in program {
        if let Some(m) = p.penyelenggara {
            let e = out.entry(m).or_default();
            e.0 += 1;
            if p.aktif {
                e.1 += 1;
            }
        }
    }
    out
}

pub(crate) async fn daftar(
    State(state): State<AppState>,
    sesi: Sesi,
) -> Result<Response, PageError> {
    let hari_ini = state.hari_ini();
    let (ambang, mitra, program) = muat_daftar(&state, &sesi).await?;
    let jumlah = hitung_program(&program);
    let mut perhatian: Vec<(Date, PerhatianView)> = Vec::new();
    for m in &mitra {
        for k in &m.kerja_sama {
            if matches!(
                status_kerja_sama(k, hari_ini, ambang),
                StatusKerjaSama::SegeraBerakhir | StatusKerjaSama::Berakhir
            ) {
                perhatian.push((
                    k.tanggal_berakhir,
                    PerhatianView {
                        mitra_id: m.id.0,
                        mitra: m.nama.clone(),
                        kerja_sama: kerja_sama_view(k, hari_ini, ambang),
                    },
                ));
            }
        }
    }
    // Ending soon first (soonest first), then the ended ones (latest first).
    perhatian.sort_by_key(|(d, _)| {
        if *d >= hari_ini {
            (0, (*d - hari_ini).whole_days())
        } else {
            (1, (hari_ini - *d).whole_days())
        }
    });
    let baris = mitra
        .iter()
        .map(|m| {
            let (program, program_aktif) = jumlah.get(&m.id).copied().unwrap_or_default();
            BarisMitra {
                id: m.id.0,
                kode: m.kode.clone(),
                nama: m.nama.clone(),
                jenis: m.jenis.label(),
                kota: m.kota.clone().unwrap_or_else(|| "—".to_owned()),
                program,
                program_aktif,
                kerja_sama: m
                    .kerja_sama
                    .iter()
                    .map(|k| kerja_sama_view(k, hari_ini, ambang))
                    .collect(),
            }
        })
        .collect();
    render(&DaftarTpl {
        layout: Layout::untuk(&sesi, "Mitra", "mitra"),
        hari_ini: tanggal(hari_ini),
        ambang,
        admin: sesi.role() == Role::AdminBkpsdm,
        milik: mitra_sendiri(&sesi)
            .and_then(|id| mitra.iter().find(|m| m.id == id))
            .map(|m| (m.id.0, m.nama.clone())),
        baris,
        perhatian: perhatian.into_iter().map(|(_, p)| p).collect(),
    })
}

/// What the list and its download show: the "ending soon" threshold, every
/// partner, and the catalog (for each partner's program counts).
async fn muat_daftar(
    state: &AppState,
    sesi: &Sesi,
) -> Result<(u32, Vec<Mitra>, Vec<Program>), AppError> {
    let i = sesi.instansi_id();
    let ambang = pengaturan_mitra(state, sesi)
        .await?
        .ambang_segera_berakhir_hari;
    let mitra = state.store().list_mitra(i).await?;
    let program = state
        .store()
        .list_program(i, &ProgramQuery::default())
        .await?;
    Ok((ambang, mitra, program))
}

/// `/mitra/unduh?format=xlsx|csv`: every partner with its agreements and
/// their status today (no contact persons: every role reads it).
pub(crate) async fn unduh(
    State(state): State<AppState>,
    sesi: Sesi,
    params: Params,
) -> Result<Response, PageError> {
    let format = Format::dari(&params)?;
    let (ambang, mitra, program) = muat_daftar(&state, &sesi).await?;
    let tabel = tabel_mitra(
        &sesi.instansi.nama,
        state.hari_ini(),
        ambang,
        &mitra,
        &program,
    );
    Ok(unduh::respons(
        &tabel,
        format,
        "mitra-kerja-sama",
        state.hari_ini(),
    )?)
}

// ---------------------------------------------------------------- detail

struct ProgramView {
    id: i64,
    kode: String,
    judul: String,
    bentuk: &'static str,
    jp: u32,
    aktif: bool,
}

#[derive(Template)]
#[template(path = "mitra_detail.html")]
struct DetailTpl {
    layout: Layout,
    admin: bool,
    /// The reader is this partner's own account: may edit its contacts and
    /// add programs.
    milik: bool,
    id: i64,
    kode: String,
    nama: String,
    jenis: &'static str,
    alamat: String,
    kota: String,
    website: Option<String>,
    lihat_kontak: bool,
    kontak: Vec<KontakMitra>,
    kerja_sama: Vec<KerjaSamaView>,
    program: Vec<ProgramView>,
}

pub(crate) async fn detail(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
) -> Result<Response, PageError> {
    let id = MitraId(id_path(&raw)?);
    let i = sesi.instansi_id();
    let m = state.store().mitra(i, id).await?;
    let program = state
        .store()
        .list_program(
            i,
            &ProgramQuery {
                mitra: Some(id),
                ..ProgramQuery::default()
            },
        )
        .await?;
    let hari_ini = state.hari_ini();
    let ambang = pengaturan_mitra(&state, &sesi)
        .await?
        .ambang_segera_berakhir_hari;
    let boleh = lihat_kontak(sesi.role());
    render(&DetailTpl {
        layout: Layout::untuk(&sesi, &m.nama, "mitra"),
        admin: sesi.role() == Role::AdminBkpsdm,
        milik: mitra_sendiri(&sesi) == Some(m.id),
        id: m.id.0,
        kode: m.kode.clone(),
        nama: m.nama.clone(),
        jenis: m.jenis.label(),
        alamat: m.alamat.clone().unwrap_or_else(|| "—".to_owned()),
        kota: m.kota.clone().unwrap_or_else(|| "—".to_owned()),
        website: m.website.clone(),
        lihat_kontak: boleh,
        kontak: if boleh { m.kontak.clone() } else { Vec::new() },
        kerja_sama: m
            .kerja_sama
            .iter()
            .map(|k| kerja_sama_view(k, hari_ini, ambang))
            .collect(),
        program: program
            .iter()
            .map(|p| ProgramView {
                id: p.id.0,
                kode: p.kode.clone(),
                judul: p.judul.clone(),
                bentuk: p.bentuk.label(),
                jp: p.jp.0,
                aktif: p.aktif,
            })
            .collect(),
    })
}

// ---------------------------------------------------------------- forms

/// A contact row as typed.
#[derive(Debug, Clone, Default)]
struct BarisKontak {
    nama: String,
    jabatan: String,
    email: String,
    telepon: String,
}

/// An agreement row as typed.
#[derive(Debug, Clone, Default)]
struct BarisKerjaSama {
    jenis: String,
    nomor: String,
    ruang_lingkup: String,
    mulai: String,
    berakhir: String,
}

/// The partner form as typed.
#[derive(Debug, Clone, Default)]
struct IsianMitra {
    kode: String,
    nama: String,
    jenis: String,
    alamat: String,
    kota: String,
    website: String,
    /// (row number, row, marked for removal)
    kontak: Vec<(usize, BarisKontak, bool)>,
    kerja_sama: Vec<(usize, BarisKerjaSama, bool)>,
}

impl IsianMitra {
    fn dari(m: &Mitra) -> Self {
        IsianMitra {
            kode: m.kode.clone(),
            nama: m.nama.clone(),
            jenis: m.jenis.code().to_owned(),
            alamat: m.alamat.clone().unwrap_or_default(),
            kota: m.kota.clone().unwrap_or_default(),
            website: m.website.clone().unwrap_or_default(),
            kontak: m
                .kontak
                .iter()
                .enumerate()
                .map(|(n, k)| {
                    (
                        n + 1,
                        BarisKontak {
                            nama: k.nama.clone(),
                            jabatan: k.jabatan.clone().unwrap_or_default(),
                            email: k.email.clone().unwrap_or_default(),
                            telepon: k.telepon.clone().unwrap_or_default(),
                        },
                        false,
                    )
                })
                .collect(),
            kerja_sama: m
                .kerja_sama
                .iter()
                .enumerate()
                .map(|(n, k)| {
                    (
                        n + 1,
                        BarisKerjaSama {
                            jenis: k.jenis.code().to_owned(),
                            nomor: k.nomor.clone(),
                            ruang_lingkup: k.ruang_lingkup.clone(),
                            mulai: iso(k.tanggal_mulai),
                            berakhir: iso(k.tanggal_berakhir),
                        },
                        false,
                    )
                })
                .collect(),
        }
    }

    fn dari_isian(pairs: &Isian) -> Self {
        let kontak = nomor_baris(pairs, "kontak_nama_")
            .into_iter()
            .map(|n| {
                let b = BarisKontak {
                    nama: ambil(pairs, &format!("kontak_nama_{n}")).to_owned(),
                    jabatan: ambil(pairs, &format!("kontak_jabatan_{n}")).to_owned(),
                    email: ambil(pairs, &format!("kontak_email_{n}")).to_owned(),
                    telepon: ambil(pairs, &format!("kontak_telepon_{n}")).to_owned(),
                };
                (n, b, ada(pairs, &format!("kontak_hapus_{n}")))
            })
            .filter(|(_, b, _)| {
                ![&b.nama, &b.jabatan, &b.email, &b.telepon]
                    .iter()
                    .all(|v| v.trim().is_empty())
            })
            .collect();
        let kerja_sama = nomor_baris(pairs, "ks_nomor_")
            .into_iter()
            .map(|n| {
                let b = BarisKerjaSama {
                    jenis: ambil(pairs, &format!("ks_jenis_{n}")).to_owned(),
                    nomor: ambil(pairs, &format!("ks_nomor_{n}")).to_owned(),
                    ruang_lingkup: ambil(pairs, &format!("ks_lingkup_{n}")).to_owned(),
                    mulai: ambil(pairs, &format!("ks_mulai_{n}")).to_owned(),
                    berakhir: ambil(pairs, &format!("ks_berakhir_{n}")).to_owned(),
                };
                (n, b, ada(pairs, &format!("ks_hapus_{n}")))
            })
            // The kind alone has a default; a row is empty without the rest.
            .filter(|(_, b, _)| {
                ![&b.nomor, &b.ruang_lingkup, &b.mulai, &b.berakhir]
                    .iter()
                    .all(|v| v.trim().is_empty())
            })
            .collect();
        IsianMitra {
            kode: ambil(pairs, "kode").to_owned(),
            nama: ambil(pairs, "nama").to_owned(),
            jenis: ambil(pairs, "jenis").to_owned(),
            alamat: ambil(pairs, "alamat").to_owned(),
            kota: ambil(pairs, "kota").to_owned(),
            website: ambil(pairs, "website").to_owned(),
            kontak,
            kerja_sama,
        }
    }
}

/// The row numbers present in the form under `prefix<n>`, ascending.
pub(crate) fn nomor_baris(pairs: &Isian, prefix: &str) -> Vec<usize> {
    let mut nomor: Vec<usize> = pairs
        .iter()
        .filter_map(|(k, _)| k.strip_prefix(prefix)?.parse().ok())
        .collect();
    nomor.sort_unstable();
    nomor.dedup();
    nomor
}

fn email_sah(email: &str) -> bool {
    let parts: Vec<&str> = email.split('@').collect();
    parts.len() == 2 && parts.iter().all(|p| !p.is_empty()) && !email.contains(char::is_whitespace)
}

/// Checks the typed contact persons; the ones to keep (rows marked for
/// removal left out), with a message per field in `galat`.
fn periksa_kontak(
    baris: &[(usize, BarisKontak, bool)],
    galat: &mut GalatIsian,
) -> Vec<KontakMitra> {
    let mut kontak = Vec::new();
    for (n, b, hapus) in baris {
        if *hapus {
            continue;
        }
        let f = |x: &str| format!("kontak.{n}.{x}");
        teks(galat, &f("nama"), &b.nama, true, MAX_NAMA);
        teks(galat, &f("jabatan"), &b.jabatan, false, MAX_NAMA);
        teks(galat, &f("telepon"), &b.telepon, false, 50);
        let email = b.email.trim();
        if !email.is_empty() && !email_sah(email) {
            galat.insert(f("email"), "Alamat e-mail tidak valid.".into());
        }
        kontak.push(KontakMitra {
            nama: b.nama.trim().to_owned(),
            jabatan: opsional(&b.jabatan),
            email: opsional(&b.email),
            telepon: opsional(&b.telepon),
        });
    }
    kontak
}

/// Checks the typed partner; the record to write, or a message per field.
fn periksa_mitra(isian: &IsianMitra) -> Result<NewMitra, GalatIsian> {
    let mut galat = GalatIsian::new();
    teks(&mut galat, "kode", &isian.kode, true, MAX_KODE);
    teks(&mut galat, "nama", &isian.nama, true, MAX_NAMA);
    let jenis = JenisMitra::from_code(isian.jenis.trim()).ok();
    if jenis.is_none() {
        galat.insert("jenis".into(), "Pilih jenis mitra.".into());
    }
    teks(&mut galat, "alamat", &isian.alamat, false, MAX_NAMA);
    teks(&mut galat, "kota", &isian.kota, false, MAX_NAMA);
    teks(&mut galat, "website", &isian.website, false, MAX_NAMA);
    let kontak = periksa_kontak(&isian.kontak, &mut galat);
    let mut kerja_sama = Vec::new();
    let mut nomor_dipakai = std::collections::HashSet::new();
    for (n, b, hapus) in &isian.kerja_sama {
        if *hapus {
            continue;
        }
        let f = |x: &str| format!("ks.{n}.{x}");
        let jenis = JenisKerjaSama::from_code(b.jenis.trim()).ok();
        if jenis.is_none() {
            galat.insert(f("jenis"), "Pilih MoU atau PKS.".into());
        }
        teks(&mut galat, &f("nomor"), &b.nomor, true, MAX_NAMA);
        if !b.nomor.trim().is_empty() && !nomor_dipakai.insert(b.nomor.trim().to_owned()) {
            galat.insert(
                f("nomor"),
                "Nomor ini sudah dipakai kerja sama lain di atas.".into(),
            );
        }
        teks(&mut galat, &f("lingkup"), &b.ruang_lingkup, false, MAX_TEKS);
        let mulai = urai_tanggal(&b.mulai);
        if mulai.is_none() {
            galat.insert(f("mulai"), "Isi tanggal mulai (TTTT-BB-HH).".into());
        }
        let berakhir = urai_tanggal(&b.berakhir);
        if berakhir.is_none() {
            galat.insert(f("berakhir"), "Isi tanggal berakhir (TTTT-BB-HH).".into());
        }
        if let (Some(m), Some(a)) = (mulai, berakhir)
            && a < m
        {
            galat.insert(
                f("berakhir"),
                "Tanggal berakhir tidak boleh sebelum tanggal mulai.".into(),
            );
        }
        if let (Some(jenis), Some(m), Some(a)) = (jenis, mulai, berakhir) {
            kerja_sama.push(KerjaSama {
                jenis,
                nomor: b.nomor.trim().to_owned(),
                ruang_lingkup: b.ruang_lingkup.trim().to_owned(),
                tanggal_mulai: m,
                tanggal_berakhir: a,
            });
        }
    }
    match jenis {
        Some(jenis) if galat.is_empty() => Ok(NewMitra {
            kode: isian.kode.trim().to_owned(),
            nama: isian.nama.trim().to_owned(),
            jenis,
            alamat: opsional(&isian.alamat),
            kota: opsional(&isian.kota),
            website: opsional(&isian.website),
            kontak,
            kerja_sama,
        }),
        _ => Err(galat),
    }
}

struct KontakBarisView {
    n: usize,
    b: BarisKontak,
    hapus: bool,
    galat: Vec<String>,
}

struct KerjaSamaBarisView {
    n: usize,
    jenis: Vec<Pilihan>,
    b: BarisKerjaSama,
    hapus: bool,
    galat: Vec<String>,
}

#[derive(Template)]
#[template(path = "mitra_form.html")]
struct FormTpl {
    layout: Layout,
    csrf: String,
    /// `None` when adding.
    mitra_id: Option<i64>,
    judul: String,
    kode: String,
    nama: String,
    jenis: Vec<Pilihan>,
    alamat: String,
    kota: String,
    website: String,
    kontak: Vec<KontakBarisView>,
    kerja_sama: Vec<KerjaSamaBarisView>,
    /// The partner's own account: only the contacts are editable.
    hanya_kontak: bool,
    galat: GalatIsian,
    pesan: Option<String>,
}

fn galat_baris(galat: &GalatIsian, awalan: &str, n: usize, field: &[&str]) -> Vec<String> {
    field
        .iter()
        .filter_map(|f| galat.get(&format!("{awalan}.{n}.{f}")).cloned())
        .collect()
}

fn pilihan_jenis_ks(dipilih: &str) -> Vec<Pilihan> {
    JenisKerjaSama::ALL
        .iter()
        .map(|j| Pilihan {
            nilai: j.code().to_owned(),
            label: j.label().to_owned(),
            dipilih: dipilih.trim() == j.code(),
        })
        .collect()
}

fn halaman_form(
    sesi: &Sesi,
    mitra: Option<&Mitra>,
    isian: &IsianMitra,
    (galat, pesan): (GalatIsian, Option<String>),
    hanya_kontak: bool,
) -> Result<Response, PageError> {
    let mut kontak: Vec<KontakBarisView> = isian
        .kontak
        .iter()
        .map(|(n, b, hapus)| KontakBarisView {
            n: *n,
            b: b.clone(),
            hapus: *hapus,
            galat: galat_baris(
                &galat,
                "kontak",
                *n,
                &["nama", "jabatan", "email", "telepon"],
            ),
        })
        .collect();
    let mulai = kontak.iter().map(|b| b.n).max().unwrap_or(0) + 1;
    kontak.extend((mulai..mulai + BARIS_TAMBAHAN).map(|n| KontakBarisView {
        n,
        b: BarisKontak::default(),
        hapus: false,
        galat: Vec::new(),
    }));
    let mut kerja_sama: Vec<KerjaSamaBarisView> = isian
        .kerja_sama
        .iter()
        .map(|(n, b, hapus)| KerjaSamaBarisView {
            n: *n,
            jenis: pilihan_jenis_ks(&b.jenis),
            b: b.clone(),
            hapus: *hapus,
            galat: galat_baris(
                &galat,
                "ks",
                *n,
                &["jenis", "nomor", "lingkup", "mulai", "berakhir"],
            ),
        })
        .collect();
    let mulai = kerja_sama.iter().map(|b| b.n).max().unwrap_or(0) + 1;
    kerja_sama.extend((mulai..mulai + BARIS_TAMBAHAN).map(|n| KerjaSamaBarisView {
        n,
        jenis: pilihan_jenis_ks(JenisKerjaSama::Pks.code()),
        b: BarisKerjaSama::default(),
        hapus: false,
        galat: Vec::new(),
    }));
    let status = if galat.is_empty() && pesan.is_none() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let judul = match mitra {
        Some(m) if hanya_kontak => format!("Narahubung {}", m.nama),
        Some(m) => format!("Ubah mitra {}", m.nama),
        None => "Tambah mitra".to_owned(),
    };
    let tpl = FormTpl {
        layout: Layout::untuk(sesi, &judul, "mitra"),
        csrf: sesi.csrf.clone(),
        mitra_id: mitra.map(|m| m.id.0),
        judul,
        kode: isian.kode.clone(),
        nama: isian.nama.clone(),
        jenis: JenisMitra::ALL
            .iter()
            .map(|j| Pilihan {
                nilai: j.code().to_owned(),
                label: j.label().to_owned(),
                dipilih: isian.jenis.trim() == j.code(),
            })
            .collect(),
        alamat: isian.alamat.clone(),
        kota: isian.kota.clone(),
        website: isian.website.clone(),
        kontak,
        kerja_sama,
        hanya_kontak,
        galat,
        pesan,
    };
    render_status(&tpl, status)
}

pub(crate) async fn baru_form(sesi: Sesi) -> Result<Response, PageError> {
    wajib_admin(&sesi)?;
    let isian = IsianMitra {
        jenis: JenisMitra::PerguruanTinggi.code().to_owned(),
        ..IsianMitra::default()
    };
    halaman_form(&sesi, None, &isian, (GalatIsian::new(), None), false)
}

pub(crate) async fn baru_kirim(
    State(state): State<AppState>,
    sesi: Sesi,
    form: Result<Form<Isian>, FormRejection>,
) -> Result<Response, PageError> {
    wajib_admin(&sesi)?;
    let pairs = isian_sah(&sesi, form)?;
    let isian = IsianMitra::dari_isian(&pairs);
    let (galat, pesan) = match periksa_mitra(&isian) {
        Ok(baru) => match state
            .store()
            .add_mitra(sesi.instansi_id(), &pelaku(&sesi), &baru)
            .await
        {
            Ok(id) => return Ok(alihkan(&state, &format!("/mitra/{id}"), "mitra-baru")),
            Err(e) => {
                let mut galat = GalatIsian::new();
                let pesan = galat_simpan_kode(e, &mut galat, KODE_DIPAKAI)?;
                (galat, pesan)
            }
        },
        Err(galat) => (galat, None),
    };
    halaman_form(&sesi, None, &isian, (galat, pesan), false)
}

/// Who may edit partner `id`: admins all of it (`Ok(false)`), the partner's
/// own account its contacts only (`Ok(true)`), nobody else.
fn hanya_kontak(sesi: &Sesi, id: MitraId) -> Result<bool, AppError> {
    if sesi.role() == Role::AdminBkpsdm {
        Ok(false)
    } else if mitra_sendiri(sesi) == Some(id) {
        Ok(true)
    } else {
        Err(AppError::Forbidden)
    }
}

pub(crate) async fn ubah_form(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
) -> Result<Response, PageError> {
    let id = MitraId(id_path(&raw)?);
    let hanya_kontak = hanya_kontak(&sesi, id)?;
    let m = state.store().mitra(sesi.instansi_id(), id).await?;
    halaman_form(
        &sesi,
        Some(&m),
        &IsianMitra::dari(&m),
        (GalatIsian::new(), None),
        hanya_kontak,
    )
}

const KODE_DIPAKAI: &str = "Kode ini sudah dipakai mitra lain di instansi ini.";

pub(crate) async fn ubah_kirim(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
    form: Result<Form<Isian>, FormRejection>,
) -> Result<Response, PageError> {
    let id = MitraId(id_path(&raw)?);
    let hanya_kontak = hanya_kontak(&sesi, id)?;
    let pairs = isian_sah(&sesi, form)?;
    let m = state.store().mitra(sesi.instansi_id(), id).await?;
    let ketikan = IsianMitra::dari_isian(&pairs);
    // A partner's own account sends its contacts; everything else is kept
    // as stored, whatever else the form carries.
    let (isian, periksa) = if hanya_kontak {
        let isian = IsianMitra {
            kontak: ketikan.kontak,
            ..IsianMitra::dari(&m)
        };
        let mut galat = GalatIsian::new();
        let kontak = periksa_kontak(&isian.kontak, &mut galat);
        let periksa = if galat.is_empty() {
            Ok(NewMitra { kontak, ..m.data() })
        } else {
            Err(galat)
        };
        (isian, periksa)
    } else {
        let periksa = periksa_mitra(&ketikan);
        (ketikan, periksa)
    };
    let (galat, pesan) = match periksa {
        Ok(data) => match state
            .store()
            .update_mitra(sesi.instansi_id(), &pelaku(&sesi), id, &data)
            .await
        {
            Ok(()) => return Ok(alihkan(&state, &format!("/mitra/{id}"), "mitra-ubah")),
            Err(e) => {
                let mut galat = GalatIsian::new();
                let pesan = galat_simpan_kode(e, &mut galat, KODE_DIPAKAI)?;
                (galat, pesan)
            }
        },
        Err(galat) => (galat, None),
    };
    halaman_form(&sesi, Some(&m), &isian, (galat, pesan), hanya_kontak)
}

// ---------------------------------------------------------------- settings

/// What the settings page shows of the partner settings.
pub(crate) struct BagianPengaturan {
    /// The threshold as stored or as typed.
    pub ambang: String,
    pub galat: GalatIsian,
    pub bawaan: bool,
}

/// The section as stored, for `GET /pengaturan`.
pub(crate) async fn bagian_pengaturan(
    state: &AppState,
    sesi: &Sesi,
) -> Result<BagianPengaturan, AppError> {
    let atur = pengaturan_mitra(state, sesi).await?;
    Ok(BagianPengaturan {
        ambang: atur.ambang_segera_berakhir_hari.to_string(),
        galat: GalatIsian::new(),
        bawaan: atur == PengaturanMitra::default(),
    })
}

/// The typed threshold, or the message for the field.
fn urai_ambang(teks: &str) -> Result<PengaturanMitra, String> {
    let atur = PengaturanMitra {
        ambang_segera_berakhir_hari: teks.trim().parse().unwrap_or(0),
    };
    atur.validasi().map(|()| atur)
}

/// `POST /pengaturan/mitra`: admin only; invalid input shows the page again
/// with the reason and changes nothing.
pub(crate) async fn pengaturan_kirim(
    State(state): State<AppState>,
    sesi: Sesi,
    form: Result<Form<Isian>, FormRejection>,
) -> Result<Response, PageError> {
    wajib_admin(&sesi)?;
    let pairs = isian_sah(&sesi, form)?;
    let sebelum = pengaturan_mitra(&state, &sesi).await?;
    let baru = if ada(&pairs, "bawaan") {
        PengaturanMitra::default()
    } else {
        let ketikan = ambil(&pairs, "ambang_segera_berakhir_hari");
        match urai_ambang(ketikan) {
            Ok(a) => a,
            Err(pesan) => {
                let mut galat = GalatIsian::new();
                galat.insert("ambang_segera_berakhir_hari".to_owned(), pesan);
                let bagian = BagianPengaturan {
                    ambang: ketikan.to_owned(),
                    galat,
                    bawaan: false,
                };
                return super::pengaturan::tampil_dengan_mitra(
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
                PengaturanMitra::KUNCI,
                &baru.ke_json(),
            )
            .await?;
    }
    Ok(alihkan(
        &state,
        "/pengaturan#kerja-sama-mitra",
        "pengaturan-mitra",
    ))
}

// ---------------------------------------------------------------- API

#[derive(Serialize, ToSchema)]
pub(crate) struct KontakDto {
    pub nama: String,
    pub jabatan: Option<String>,
    pub email: Option<String>,
    pub telepon: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct KerjaSamaDto {
    /// `mou` or `pks`.
    pub jenis: &'static str,
    pub nomor: String,
    pub ruang_lingkup: String,
    #[schema(format = Date, example = "2025-01-01")]
    pub tanggal_mulai: String,
    #[schema(format = Date, example = "2027-12-31")]
    pub tanggal_berakhir: String,
    /// On the server's day: `belum_berlaku`, `berlaku`, `segera_berakhir`
    /// (ending within `ambang_hari` days) or `berakhir`.
    pub status: &'static str,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct MitraDto {
    pub id: i64,
    pub kode: String,
    pub nama: String,
    /// `perguruan_tinggi`, `lembaga_pemerintah`, `swasta` or `lsm`.
    pub jenis: &'static str,
    pub alamat: Option<String>,
    pub kota: Option<String>,
    pub website: Option<String>,
    /// Contact persons; null for readers who may not see them (pegawai).
    pub kontak: Option<Vec<KontakDto>>,
    pub kerja_sama: Vec<KerjaSamaDto>,
    pub jumlah_program: usize,
    pub jumlah_program_aktif: usize,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct DaftarMitraDto {
    #[schema(format = Date, example = "2026-11-27")]
    pub hari_ini: String,
    /// Days before its end an agreement counts as ending soon.
    pub ambang_hari: u32,
    pub mitra: Vec<MitraDto>,
}

/// A program of the partner, in short.
#[derive(Serialize, ToSchema)]
pub(crate) struct ProgramMitraDto {
    pub id: i64,
    pub kode: String,
    pub judul: String,
    pub bentuk: &'static str,
    pub jp: u32,
    pub aktif: bool,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct DetailMitraDto {
    #[serde(flatten)]
    pub mitra: MitraDto,
    pub program: Vec<ProgramMitraDto>,
}

fn mitra_dto(
    m: &Mitra,
    (hari_ini, ambang): (Date, u32),
    kontak: bool,
    jumlah: (usize, usize),
) -> MitraDto {
    MitraDto {
        id: m.id.0,
        kode: m.kode.clone(),
        nama: m.nama.clone(),
        jenis: m.jenis.code(),
        alamat: m.alamat.clone(),
        kota: m.kota.clone(),
        website: m.website.clone(),
        kontak: kontak.then(|| {
            m.kontak
                .iter()
                .map(|k| KontakDto {
                    nama: k.nama.clone(),
                    jabatan: k.jabatan.clone(),
                    email: k.email.clone(),
                    telepon: k.telepon.clone(),
                })
                .collect()
        }),
        kerja_sama: m
            .kerja_sama
            .iter()
            .map(|k| KerjaSamaDto {
                jenis: k.jenis.code(),
                nomor: k.nomor.clone(),
                ruang_lingkup: k.ruang_lingkup.clone(),
                tanggal_mulai: iso(k.tanggal_mulai),
                tanggal_berakhir: iso(k.tanggal_berakhir),
                status: status_kerja_sama(k, hari_ini, ambang).code(),
            })
            .collect(),
        jumlah_program: jumlah.0,
        jumlah_program_aktif: jumlah.1,
    }
}

#[utoipa::path(
    get, path = "/api/v1/mitra", tag = "mitra", security(("sesi" = [])),
    responses(
        (status = 200, body = DaftarMitraDto),
        (status = 401, description = "No session", body = ErrorBody),
    )
)]
pub(crate) async fn api_daftar(
    State(state): State<AppState>,
    sesi: Sesi,
) -> Result<Json<DaftarMitraDto>, ApiError> {
    let i = sesi.instansi_id();
    let hari_ini = state.hari_ini();
    let mitra = state.store().list_mitra(i).await?;
    let program = state
        .store()
        .list_program(i, &ProgramQuery::default())
        .await?;
    let jumlah = hitung_program(&program);
    let kontak = lihat_kontak(sesi.role());
    let ambang = pengaturan_mitra(&state, &sesi)
        .await?
        .ambang_segera_berakhir_hari;
    Ok(Json(DaftarMitraDto {
        hari_ini: iso(hari_ini),
        ambang_hari: ambang,
        mitra: mitra
            .iter()
            .map(|m| {
                mitra_dto(
                    m,
                    (hari_ini, ambang),
                    kontak,
                    jumlah.get(&m.id).copied().unwrap_or_default(),
                )
            })
            .collect(),
    }))
}

#[utoipa::path(
    get, path = "/api/v1/mitra/{id}", tag = "mitra", security(("sesi" = [])),
    params(("id" = i64, Path, description = "Partner id")),
    responses(
        (status = 200, body = DetailMitraDto),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 404, description = "No such partner in this instansi", body = ErrorBody),
    )
)]
pub(crate) async fn api_detail(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
) -> Result<Json<DetailMitraDto>, ApiError> {
    let id = MitraId(id_path(&raw)?);
    Ok(Json(detail_dto(&state, &sesi, id).await?))
}

/// A partner with its programs, as the reader may see it.
async fn detail_dto(
    state: &AppState,
    sesi: &Sesi,
    id: MitraId,
) -> Result<DetailMitraDto, AppError> {
    let i = sesi.instansi_id();
    let m = state.store().mitra(i, id).await?;
    let program = state
        .store()
        .list_program(
            i,
            &ProgramQuery {
                mitra: Some(id),
                ..ProgramQuery::default()
            },
        )
        .await?;
    let jumlah = (program.len(), program.iter().filter(|p| p.aktif).count());
    let ambang = pengaturan_mitra(state, sesi)
        .await?
        .ambang_segera_berakhir_hari;
    Ok(DetailMitraDto {
        mitra: mitra_dto(
            &m,
            (state.hari_ini(), ambang),
            lihat_kontak(sesi.role()),
            jumlah,
        ),
        program: program
            .iter()
            .map(|p| ProgramMitraDto {
                id: p.id.0,
                kode: p.kode.clone(),
                judul: p.judul.clone(),
                bentuk: p.bentuk.code(),
                jp: p.jp.0,
                aktif: p.aktif,
            })
            .collect(),
    })
}

/// A contact person as written.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct KontakMasukanDto {
    pub nama: String,
    #[serde(default)]
    pub jabatan: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub telepon: Option<String>,
}

/// An agreement as written.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct KerjaSamaMasukanDto {
    /// `mou` or `pks`.
    pub jenis: String,
    pub nomor: String,
    #[serde(default)]
    pub ruang_lingkup: String,
    #[schema(format = Date, example = "2025-01-01")]
    pub tanggal_mulai: String,
    #[schema(format = Date, example = "2027-12-31")]
    pub tanggal_berakhir: String,
}

/// A partner as written through the API: the fields of [`MitraDto`] that
/// are not derived, with the same checks as the form (errors name
/// `kontak.<n>.<field>` and `ks.<n>.<field>` for the n-th row, from 1).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct MitraMasukanDto {
    pub kode: String,
    pub nama: String,
    /// `perguruan_tinggi`, `lembaga_pemerintah`, `swasta` or `lsm`.
    pub jenis: String,
    #[serde(default)]
    pub alamat: Option<String>,
    #[serde(default)]
    pub kota: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
    #[serde(default)]
    pub kontak: Vec<KontakMasukanDto>,
    #[serde(default)]
    pub kerja_sama: Vec<KerjaSamaMasukanDto>,
}

impl MitraMasukanDto {
    fn isian(self) -> IsianMitra {
        IsianMitra {
            kode: self.kode,
            nama: self.nama,
            jenis: self.jenis,
            alamat: self.alamat.unwrap_or_default(),
            kota: self.kota.unwrap_or_default(),
            website: self.website.unwrap_or_default(),
            kontak: self
                .kontak
                .into_iter()
                .enumerate()
                .map(|(n, k)| {
                    let b = BarisKontak {
                        nama: k.nama,
                        jabatan: k.jabatan.unwrap_or_default(),
                        email: k.email.unwrap_or_default(),
                        telepon: k.telepon.unwrap_or_default(),
                    };
                    (n + 1, b, false)
                })
                .collect(),
            kerja_sama: self
                .kerja_sama
                .into_iter()
                .enumerate()
                .map(|(n, k)| {
                    let b = BarisKerjaSama {
                        jenis: k.jenis,
                        nomor: k.nomor,
                        ruang_lingkup: k.ruang_lingkup,
                        mulai: k.tanggal_mulai,
                        berakhir: k.tanggal_berakhir,
                    };
                    (n + 1, b, false)
                })
                .collect(),
        }
    }
}

/// Turns a refused save into the API's answer.
fn tolak_simpan(e: kompeten_store::StoreError) -> Tolak {
    let mut galat = GalatIsian::new();
    match galat_simpan_kode(e, &mut galat, KODE_DIPAKAI) {
        Ok(None) => Tolak::Isian(galat),
        Ok(Some(pesan)) => AppError::BadRequest(pesan).into(),
        Err(e) => e.into(),
    }
}

#[utoipa::path(
    post, path = "/api/v1/mitra", tag = "mitra", security(("sesi" = [])),
    params(("X-CSRF-Token" = String, Header, description = "The session's CSRF token (GET /api/v1/sesi)")),
    request_body = MitraMasukanDto,
    responses(
        (status = 201, body = DetailMitraDto),
        (status = 400, description = "Invalid fields (or a code in use); nothing saved", body = GalatValidasiBody),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 403, description = "Not an admin, or a wrong CSRF token", body = ErrorBody),
    )
)]
pub(crate) async fn api_baru(
    State(state): State<AppState>,
    sesi: Sesi,
    headers: HeaderMap,
    body: Result<Json<MitraMasukanDto>, JsonRejection>,
) -> Result<Response, Tolak> {
    wajib_admin(&sesi)?;
    wajib_csrf_api(&sesi, &headers)?;
    let baru = periksa_mitra(&badan(body)?.isian()).map_err(Tolak::Isian)?;
    let id = state
        .store()
        .add_mitra(sesi.instansi_id(), &pelaku(&sesi), &baru)
        .await
        .map_err(tolak_simpan)?;
    let doc = detail_dto(&state, &sesi, id).await?;
    Ok((StatusCode::CREATED, Json(doc)).into_response())
}

#[utoipa::path(
    put, path = "/api/v1/mitra/{id}", tag = "mitra", security(("sesi" = [])),
    params(
        ("id" = i64, Path, description = "Partner id"),
        ("X-CSRF-Token" = String, Header, description = "The session's CSRF token"),
    ),
    request_body(
        content = MitraMasukanDto,
        description = "The whole partner. A partner's own account changes only its contact persons; the other fields are kept as stored."
    ),
    responses(
        (status = 200, body = DetailMitraDto),
        (status = 400, description = "Invalid fields (or a code in use); nothing saved", body = GalatValidasiBody),
        (status = 401, description = "No session", body = ErrorBody),
        (status = 403, description = "Neither an admin nor this partner's own account, or a wrong CSRF token", body = ErrorBody),
        (status = 404, description = "No such partner in this instansi", body = ErrorBody),
    )
)]
pub(crate) async fn api_ubah(
    State(state): State<AppState>,
    sesi: Sesi,
    Path(raw): Path<String>,
    headers: HeaderMap,
    body: Result<Json<MitraMasukanDto>, JsonRejection>,
) -> Result<Json<DetailMitraDto>, Tolak> {
    let id = MitraId(id_path(&raw)?);
    let hanya_kontak = hanya_kontak(&sesi, id)?;
    wajib_csrf_api(&sesi, &headers)?;
    let isian = badan(body)?.isian();
    let m = state.store().mitra(sesi.instansi_id(), id).await?;
    let data = if hanya_kontak {
        let mut galat = GalatIsian::new();
        let kontak = periksa_kontak(&isian.kontak, &mut galat);
        if !galat.is_empty() {
            return Err(Tolak::Isian(galat));
        }
        NewMitra { kontak, ..m.data() }
    } else {
        periksa_mitra(&isian).map_err(Tolak::Isian)?
    };
    state
        .store()
        .update_mitra(sesi.instansi_id(), &pelaku(&sesi), id, &data)
        .await
        .map_err(tolak_simpan)?;
    Ok(Json(detail_dto(&state, &sesi, id).await?))
}

#[derive(OpenApi)]
#[openapi(
    paths(api_daftar, api_detail, api_baru, api_ubah),
    tags((name = "mitra", description = "Partner institutions, their agreements and programs (not personal data)"))
)]
pub(crate) struct ApiMitraDoc;
