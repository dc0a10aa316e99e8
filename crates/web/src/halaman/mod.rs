//! Server-rendered pages.

pub(crate) mod akun;
pub(crate) mod data_induk;
pub(crate) mod impor;
pub(crate) mod jabatan;
pub(crate) mod kamus;
pub(crate) mod katalog;
pub(crate) mod kebutuhan;
pub(crate) mod kecocokan;
pub(crate) mod kesesuaian;
pub(crate) mod kualitas;
pub(crate) mod masuk;
pub(crate) mod mitra;
pub(crate) mod pegawai;
pub(crate) mod pengaturan;
pub(crate) mod peta;
pub(crate) mod rencana;
pub(crate) mod sandi;
pub(crate) mod sebaran;
pub(crate) mod tulis;
pub(crate) mod unit;

use crate::error::{AppError, PageError};
use crate::format::{persen, waktu};
use crate::sesi::Sesi;
use crate::{AppState, aset};
use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};
use kompeten_domain::Role;
use kompeten_domain::format::{ribuan, tanggal};
use kompeten_engine::kesenjangan::{AlasanTanpaJpm, Pilihan, ringkasan_kota};
use kompeten_store::Lingkup;

/// The signed-in reader as the header and menu show them.
pub(crate) struct Pengguna {
    pub nama: String,
    pub peran: &'static str,
    pub instansi: String,
    pub csrf: String,
    pub lihat_pegawai: bool,
    pub lihat_audit: bool,
    pub lihat_pengaturan: bool,
    /// BKPSDM's administrators manage accounts.
    pub kelola_akun: bool,
    /// May use the data-entry forms (admin, pimpinan within their scope).
    pub tulis: bool,
    /// A one-time confirmation of the previous write.
    pub pesan: Option<&'static str>,
}

/// What the base layout needs on every page.
pub(crate) struct Layout {
    pub judul: String,
    /// The menu entry to mark as current.
    pub menu: &'static str,
    pub pengguna: Option<Pengguna>,
    pub css: String,
    pub js: String,
    /// The menu's keyboard and click-away behaviour.
    pub js_menu: String,
    pub ikon: String,
}

impl Layout {
    /// A page for someone who is not signed in (login, errors).
    pub(crate) fn tamu(judul: &str) -> Self {
        Layout {
            judul: judul.to_owned(),
            menu: "",
            pengguna: None,
            css: aset::url("kompeten.css"),
            js: aset::url("htmx.min.js"),
            js_menu: aset::url("kompeten.js"),
            ikon: aset::url("ikon.svg"),
        }
    }

    pub(crate) fn untuk(sesi: &Sesi, judul: &str, menu: &'static str) -> Self {
        let role = sesi.role();
        Layout {
            pengguna: Some(Pengguna {
                nama: sesi.akun.nama_tampilan.clone(),
                peran: role.label(),
                instansi: sesi.instansi.nama.clone(),
                csrf: sesi.csrf.clone(),
                lihat_pegawai: role.sees_personal_data(),
                lihat_audit: boleh_audit(role),
                lihat_pengaturan: pengaturan::boleh_baca(role),
                kelola_akun: role == Role::AdminBkpsdm,
                tulis: role.may_write(),
                pesan: sesi.pesan,
            }),
            menu,
            ..Layout::tamu(judul)
        }
    }
}

pub(crate) fn boleh_audit(role: Role) -> bool {
    matches!(role, Role::AdminBkpsdm | Role::Auditor)
}

pub(crate) fn render(tpl: &impl Template) -> Result<Response, PageError> {
    Ok(Html(tpl.render()?).into_response())
}

/// Renders a page with a status other than 200, e.g. a form shown again with errors.
pub(crate) fn render_status(
    tpl: &impl Template,
    status: axum::http::StatusCode,
) -> Result<Response, PageError> {
    let mut res = render(tpl)?;
    *res.status_mut() = status;
    Ok(res)
}

/// Whether htmx asked for the results only (not a history restore, which needs the page).
pub(crate) fn minta_fragmen(headers: &HeaderMap) -> bool {
    headers.contains_key("hx-request") && !headers.contains_key("hx-history-restore-request")
}

/// Caches must keep the fragment and the full page apart.
pub(crate) fn vary_htmx(mut res: Response) -> Response {
    res.headers_mut()
        .insert(header::VARY, HeaderValue::from_static("HX-Request"));
    res
}

pub(crate) struct Kartu {
    pub label: &'static str,
    pub nilai: String,
    pub rincian: String,
    pub tautan: &'static str,
}

pub(crate) struct Keadaan {
    pub label: &'static str,
    pub nilai: String,
    /// Percentage for a `<meter>`, 0..=100.
    pub meter: Option<String>,
    pub rincian: String,
}

/// One band of the category scale on Beranda.
pub(crate) struct BarisKategori {
    pub label: String,
    pub nilai: String,
    pub meter: Option<String>,
    pub jumlah: String,
}

/// One of the largest gaps on Beranda.
pub(crate) struct BarisGap {
    pub tautan: String,
    pub kode: String,
    pub nama: String,
    pub kurang: String,
    pub jumlah_gap: String,
}

/// The scope's standing against the standards (absent for mitra).
pub(crate) struct Kesesuaian {
    pub cakupan: &'static str,
    pub skala: String,
    pub pegawai: String,
    pub kategori: Vec<BarisKategori>,
    pub tanpa_jpm: Vec<Keadaan>,
    pub keadaan: Vec<Keadaan>,
    pub gap: Vec<BarisGap>,
}

#[derive(Template)]
#[template(path = "beranda.html")]
struct BerandaTpl {
    layout: Layout,
    hari_ini: String,
    pribadi: bool,
    kartu: Vec<Kartu>,
    keadaan: Vec<Keadaan>,
    kesesuaian: Option<Kesesuaian>,
}

/// How many of the largest gaps Beranda lists.
const GAP_BERANDA: usize = 5;

async fn kesesuaian(state: &AppState, sesi: &Sesi) -> Result<Kesesuaian, AppError> {
    let (d, atur) = crate::analitik::untuk(state, sesi).await?;
    let units = crate::layanan::PetaUnit::muat(state.store(), sesi).await?;
    let lingkup = sesi.lingkup();
    let pilihan = crate::analitik::pilih_pegawai(&d, &units, lingkup, None, None, None);
    let r = ringkasan_kota(
        &d.data,
        Pilihan::Daftar(&pilihan),
        state.hari_ini(),
        &atur.jpm,
        &atur.skala_pemetaan,
        GAP_BERANDA,
    )
    .map_err(|e| AppError::Internal(format!("city summary: {e}")))?;
    let pegawai = u64::from(r.pegawai);
    let dengan_jpm = u64::from(r.dengan_jpm);
    let mut kategori: Vec<BarisKategori> = atur
        .skala_pemetaan
        .pita()
        .iter()
        .zip(&r.per_kategori)
        .map(|(p, n)| BarisKategori {
            label: p.label.clone(),
            nilai: persen(u64::from(*n), dengan_jpm),
            meter: meter(u64::from(*n), dengan_jpm),
            jumlah: format!(
                "{} dari {} pegawai dengan JPM",
                ribuan(u64::from(*n)),
                ribuan(dengan_jpm)
            ),
        })
        .collect();
    kategori.push(BarisKategori {
        label: "Memenuhi seluruh standar".to_owned(),
        nilai: persen(u64::from(r.memenuhi_semua), pegawai),
        meter: meter(u64::from(r.memenuhi_semua), pegawai),
        jumlah: format!(
            "{} dari {} pegawai: setiap kompetensi jabatannya dinilai, berlaku, dan mencapai level standar",
            ribuan(u64::from(r.memenuhi_semua)),
            ribuan(pegawai)
        ),
    });
    let tanpa_jpm = AlasanTanpaJpm::ALL
        .into_iter()
        .map(|a| (a, r.tanpa_jpm.untuk(a)))
        .filter(|(_, n)| *n > 0)
        .map(|(a, n)| Keadaan {
            label: a.label(),
            nilai: ribuan(u64::from(n)),
            meter: None,
            rincian: "pegawai tanpa JPM".to_owned(),
        })
        .collect();
    let keadaan = vec![
        Keadaan {
            label: "Kompetensi wajib dengan penilaian berlaku",
            nilai: persen(r.kompetensi_dinilai, r.kompetensi_wajib),
            meter: meter(r.kompetensi_dinilai, r.kompetensi_wajib),
            rincian: format!(
                "{} dari {} pasangan pegawai × kompetensi",
                ribuan(r.kompetensi_dinilai),
                ribuan(r.kompetensi_wajib)
            ),
        },
        Keadaan {
            label: "Penilaian kedaluwarsa",
            nilai: ribuan(r.kompetensi_kedaluwarsa),
            meter: None,
            rincian: format!(
                "pada {} pegawai; tidak dihitung sampai dinilai ulang",
                ribuan(u64::from(r.pegawai_dengan_kedaluwarsa))
            ),
        },
        Keadaan {
            label: "Kompetensi wajib belum pernah dinilai",
            nilai: ribuan(r.kompetensi_belum_dinilai),
            meter: None,
            rincian: format!(
                "pada {} pegawai",
                ribuan(u64::from(r.pegawai_dengan_belum_dinilai))
            ),
        },
    ];
    let gap = r
        .kesenjangan_terbesar
        .iter()
        .filter_map(|g| {
            let k = d.kolom(g.kompetensi)?;
            Some(BarisGap {
                tautan: format!("/sebaran/{}", k.id),
                kode: k.kode.clone(),
                nama: k.nama.clone(),
                kurang: format!(
                    "{} dari {} pegawai",
                    ribuan(u64::from(g.pegawai_kurang)),
                    ribuan(u64::from(g.wajib))
                ),
                jumlah_gap: ribuan(g.jumlah_gap),
            })
        })
        .collect();
    Ok(Kesesuaian {
        cakupan: match lingkup {
            Lingkup::Instansi => "seluruh instansi",
            Lingkup::Unit(_) => "unit yang Anda pimpin",
            Lingkup::Pegawai(_) => "data Anda sendiri",
            Lingkup::Kosong => "",
        },
        skala: atur.skala_pemetaan.nama().to_owned(),
        pegawai: ribuan(pegawai),
        kategori,
        tanpa_jpm,
        keadaan,
        gap,
    })
}

fn meter(bagian: u64, total: u64) -> Option<String> {
    if total == 0 {
        return None;
    }
    let tenths = (u128::from(bagian) * 1000 / u128::from(total)).min(1000);
    Some(format!("{}.{}", tenths / 10, tenths % 10))
}

pub(crate) async fn beranda(
    State(state): State<AppState>,
    sesi: Sesi,
) -> Result<Response, PageError> {
    let hari_ini = state.hari_ini();
    let r = state
        .store()
        .ringkasan(sesi.instansi_id(), sesi.lingkup(), hari_ini)
        .await?;
    let pribadi = sesi.role().sees_personal_data();
    let mut kartu = Vec::new();
    if pribadi {
        kartu.push(Kartu {
            label: "Pegawai aktif",
            nilai: ribuan(r.pegawai_aktif),
            rincian: format!("PNS {} · PPPK {}", ribuan(r.pns), ribuan(r.pppk)),
            tautan: "/pegawai",
        });
    }
    kartu.push(Kartu {
        label: "OPD",
        nilai: ribuan(r.jumlah_opd),
        rincian: format!("{} unit kerja", ribuan(r.jumlah_unit)),
        tautan: "/unit",
    });
    kartu.push(Kartu {
        label: "Jabatan",
        nilai: ribuan(r.jumlah_jabatan),
        rincian: format!(
            "{} dengan standar kompetensi",
            ribuan(r.jabatan_dengan_standar)
        ),
        tautan: "/jabatan",
    });
    kartu.push(Kartu {
        label: "Kamus kompetensi",
        nilai: ribuan(r.jumlah_kompetensi),
        rincian: "manajerial, sosial kultural, teknis".to_owned(),
        tautan: "/kamus",
    });
    if pribadi {
        kartu.push(Kartu {
            label: "Penilaian berlaku",
            nilai: ribuan(r.penilaian_berlaku),
            rincian: format!(
                "dari {} hasil penilaian tercatat",
                ribuan(r.penilaian_total)
            ),
            tautan: "/pegawai",
        });
    }

    let mut keadaan = Vec::new();
    if pribadi {
        keadaan.push(Keadaan {
            label: "Pegawai aktif dengan penilaian berlaku",
            nilai: persen(r.pegawai_dinilai, r.pegawai_aktif),
            meter: meter(r.pegawai_dinilai, r.pegawai_aktif),
            rincian: format!(
                "{} dari {} pegawai",
                ribuan(r.pegawai_dinilai),
                ribuan(r.pegawai_aktif)
            ),
        });
    }
    keadaan.push(Keadaan {
        label: "Jabatan yang sudah punya standar kompetensi",
        nilai: persen(r.jabatan_dengan_standar, r.jumlah_jabatan),
        meter: meter(r.jabatan_dengan_standar, r.jumlah_jabatan),
        rincian: format!(
            "{} dari {} jabatan",
            ribuan(r.jabatan_dengan_standar),
            ribuan(r.jumlah_jabatan)
        ),
    });
    if pribadi {
        keadaan.push(Keadaan {
            label: "Pegawai tanpa jabatan",
            nilai: ribuan(r.pegawai_tanpa_jabatan),
            meter: None,
            rincian: format!(
                "{} dari pegawai aktif",
                persen(r.pegawai_tanpa_jabatan, r.pegawai_aktif)
            ),
        });
        keadaan.push(match r.skp_tahun_terakhir {
            Some(tahun) => Keadaan {
                label: "Cakupan SKP tahun terakhir",
                nilai: persen(r.skp_jumlah_terakhir, r.pegawai_aktif),
                meter: meter(r.skp_jumlah_terakhir, r.pegawai_aktif),
                rincian: format!(
                    "SKP {tahun}: {} dari {} pegawai",
                    ribuan(r.skp_jumlah_terakhir),
                    ribuan(r.pegawai_aktif)
                ),
            },
            None => Keadaan {
                label: "Cakupan SKP tahun terakhir",
                nilai: "–".to_owned(),
                meter: None,
                rincian: "Belum ada data SKP".to_owned(),
            },
        });
    }
    let kesesuaian = if pribadi {
        Some(kesesuaian(&state, &sesi).await?)
    } else {
        None
    };
    render(&BerandaTpl {
        layout: Layout::untuk(&sesi, "Beranda", "beranda"),
        hari_ini: tanggal(hari_ini),
        pribadi,
        kartu,
        keadaan,
        kesesuaian,
    })
}

pub(crate) struct BarisAudit {
    pub waktu: String,
    pub pelaku: String,
    pub aksi: String,
    pub entitas: String,
    pub detail: String,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditTpl {
    layout: Layout,
    baris: Vec<BarisAudit>,
}

/// How many entries the audit page shows.
const BATAS_AUDIT: u32 = 200;
/// Longest detail text shown in a table cell.
const MAX_DETAIL: usize = 300;

pub(crate) async fn audit(
    State(state): State<AppState>,
    sesi: Sesi,
) -> Result<Response, PageError> {
    if !boleh_audit(sesi.role()) {
        return Err(PageError(AppError::Forbidden));
    }
    let entries = state
        .store()
        .audit_log(sesi.instansi_id(), BATAS_AUDIT)
        .await?;
    let offset = state.config().utc_offset;
    let baris = entries
        .into_iter()
        .map(|e| {
            let detail = match &e.detail {
                serde_json::Value::Null => String::new(),
                v => {
                    let text = v.to_string();
                    if text.chars().count() > MAX_DETAIL {
                        format!("{}…", text.chars().take(MAX_DETAIL).collect::<String>())
                    } else {
                        text
                    }
                }
            };
            BarisAudit {
                waktu: waktu(e.at, offset),
                pelaku: e.actor_label,
                aksi: e.action,
                entitas: match e.entity_id {
                    Some(id) => format!("{} #{id}", e.entity),
                    None => e.entity,
                },
                detail,
            }
        })
        .collect();
    render(&AuditTpl {
        layout: Layout::untuk(&sesi, "Log audit", "audit"),
        baris,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meters_are_percentages_with_one_decimal() {
        assert_eq!(meter(1, 0), None);
        assert_eq!(meter(7, 8).as_deref(), Some("87.5"));
        assert_eq!(meter(9, 8).as_deref(), Some("100.0"));
    }
}
