//! `/pengaturan`: the instansi's analytics settings (regulations.md §2: the
//! level cap, competency and group weights, the category scales and who
//! counts as eligible in job fit). Administrators change them; auditors and
//! OPD heads read them, since every percentage they see depends on them.
//! Every change is audited by the store with the values before and after.
//! The page also holds the needs settings (`kebutuhan.rs`) and the partner
//! settings (`mitra.rs`), each with its own form.

use super::tulis::{Isian, ada, alihkan, ambil, isian_sah};
use super::{Layout, render_status};
use crate::AppState;
use crate::analitik;
use crate::error::{AppError, PageError};
use crate::sesi::Sesi;
use crate::tulis::{GalatIsian, pelaku};
use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::Response;
use kompeten_domain::{MasaBerlaku, Role};
use kompeten_engine::kesenjangan::{
    BobotKelompok, BobotKelompokJpm, PengaturanJpm, Pita, SkalaKategori, SkalaTidakValid,
};
use kompeten_io::analitik::PengaturanAnalitik;

/// Who may read the settings: everyone whose figures depend on them, except
/// a pegawai (self-service) and mitra.
pub(crate) fn boleh_baca(role: Role) -> bool {
    matches!(role, Role::AdminBkpsdm | Role::Auditor | Role::PimpinanOpd)
}

/// "90", "78,5": a band's lower bound in percent as users write it.
fn teks_batas(bp: u32) -> String {
    let utuh = bp / 100;
    let sisa = bp % 100;
    match sisa {
        0 => utuh.to_string(),
        s if s % 10 == 0 => format!("{utuh},{}", s / 10),
        s => format!("{utuh},{s:02}"),
    }
}

/// One line per band, best first: "90 Optimal".
fn teks_skala(s: &SkalaKategori) -> String {
    s.pita()
        .iter()
        .map(|p| format!("{} {}", teks_batas(p.batas_bawah_bp), p.label))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Parses "90 Optimal" / "78,5% Cukup Optimal" lines into a scale.
fn urai_skala(nama: &str, teks: &str) -> Result<SkalaKategori, String> {
    let mut pita = Vec::new();
    for (n, baris) in teks.lines().enumerate() {
        let baris = baris.trim();
        if baris.is_empty() {
            continue;
        }
        let (angka, label) = baris.split_once(char::is_whitespace).ok_or_else(|| {
            format!(
                "Baris {}: tulis batas bawah lalu nama kategori, misalnya \"90 Optimal\".",
                n + 1
            )
        })?;
        let angka = angka.trim_end_matches('%').replace(',', ".");
        let nilai: f64 = angka
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite() && (0.0..=1000.0).contains(v))
            .ok_or_else(|| {
                format!(
                    "Baris {}: \"{angka}\" bukan persentase 0 sampai 1000.",
                    n + 1
                )
            })?;
        let bp = (nilai * 100.0).round();
        if (nilai * 100.0 - bp).abs() > 1e-6 {
            return Err(format!("Baris {}: paling banyak dua angka desimal.", n + 1));
        }
        let label = label.trim();
        if label.chars().count() > 60 || label.chars().any(char::is_control) {
            return Err(format!(
                "Baris {}: nama kategori paling banyak 60 karakter.",
                n + 1
            ));
        }
        pita.push(Pita {
            batas_bawah_bp: bp as u32,
            label: label.to_owned(),
        });
    }
    SkalaKategori::new(nama, pita).map_err(|e| match e {
        SkalaTidakValid::Kosong => "Skala perlu paling sedikit satu kategori.".to_owned(),
        SkalaTidakValid::TidakMenurun => {
            "Batas bawah harus menurun dari baris pertama ke baris terakhir.".to_owned()
        }
        SkalaTidakValid::TidakMulaiNol => "Kategori terakhir harus mulai dari 0.".to_owned(),
        SkalaTidakValid::TerlaluBanyak => "Paling banyak 255 kategori.".to_owned(),
    })
}

fn urai_bobot(galat: &mut GalatIsian, field: &str, v: &str) -> u16 {
    match v.trim().parse::<u16>() {
        Ok(n) if n <= 1000 => n,
        _ => {
            galat.insert(field.to_owned(), "Bilangan bulat 0 sampai 1000.".to_owned());
            0
        }
    }
}

/// The form's values as typed, for showing them again.
struct IsianPengaturan {
    batasi_level: bool,
    bobot_kompetensi: bool,
    kelompok: String,
    bobot_teknis: String,
    bobot_ms: String,
    skala_pemetaan: String,
    skala_seleksi: String,
    ambang_seleksi: String,
    cakupan_minimal_seleksi: String,
    masa_berlaku: String,
}

impl IsianPengaturan {
    fn dari(a: &PengaturanAnalitik) -> Self {
        let (kelompok, t, m) = match a.jpm.bobot_kelompok {
            BobotKelompokJpm::Tanpa => ("tanpa", 60, 40),
            BobotKelompokJpm::Tetap(b) => ("tetap", b.teknis(), b.manajerial_sosial_kultural()),
            BobotKelompokJpm::Jfkk => ("jfkk", 60, 40),
        };
        IsianPengaturan {
            batasi_level: a.jpm.batasi_level,
            bobot_kompetensi: a.jpm.bobot_kompetensi,
            kelompok: kelompok.to_owned(),
            bobot_teknis: t.to_string(),
            bobot_ms: m.to_string(),
            skala_pemetaan: teks_skala(&a.skala_pemetaan),
            skala_seleksi: teks_skala(&a.skala_seleksi),
            ambang_seleksi: (u16::from(a.ambang_seleksi) + 1).to_string(),
            cakupan_minimal_seleksi: a.cakupan_minimal_seleksi.to_string(),
            masa_berlaku: a.masa_berlaku.tahun().to_string(),
        }
    }

    fn dari_form(p: &Isian) -> Self {
        IsianPengaturan {
            batasi_level: ada(p, "batasi_level"),
            bobot_kompetensi: ada(p, "bobot_kompetensi"),
            kelompok: ambil(p, "kelompok").to_owned(),
            bobot_teknis: ambil(p, "bobot_teknis").to_owned(),
            bobot_ms: ambil(p, "bobot_ms").to_owned(),
            skala_pemetaan: ambil(p, "skala_pemetaan").to_owned(),
            skala_seleksi: ambil(p, "skala_seleksi").to_owned(),
            ambang_seleksi: ambil(p, "ambang_seleksi").to_owned(),
            cakupan_minimal_seleksi: ambil(p, "cakupan_minimal_seleksi").to_owned(),
            masa_berlaku: ambil(p, "masa_berlaku").to_owned(),
        }
    }

    fn periksa(&self, sebelum: &PengaturanAnalitik) -> Result<PengaturanAnalitik, GalatIsian> {
        let mut galat = GalatIsian::new();
        let bobot_kelompok = match self.kelompok.as_str() {
            "tanpa" => BobotKelompokJpm::Tanpa,
            "jfkk" => BobotKelompokJpm::Jfkk,
            "tetap" => {
                let t = urai_bobot(&mut galat, "bobot_teknis", &self.bobot_teknis);
                let m = urai_bobot(&mut galat, "bobot_ms", &self.bobot_ms);
                match BobotKelompok::new(t, m) {
                    Ok(b) => BobotKelompokJpm::Tetap(b),
                    Err(_) => {
                        galat.entry("bobot_teknis".to_owned()).or_insert_with(|| {
                            "Paling sedikit satu bobot harus lebih dari 0.".to_owned()
                        });
                        BobotKelompokJpm::Tanpa
                    }
                }
            }
            _ => {
                galat.insert("kelompok".to_owned(), "Pilih salah satu.".to_owned());
                BobotKelompokJpm::Tanpa
            }
        };
        let nama_pemetaan = sebelum.skala_pemetaan.nama().to_owned();
        let nama_seleksi = sebelum.skala_seleksi.nama().to_owned();
        let pemetaan = urai_skala(&nama_pemetaan, &self.skala_pemetaan).unwrap_or_else(|e| {
            galat.insert("skala_pemetaan".to_owned(), e);
            SkalaKategori::pemetaan()
        });
        let seleksi = urai_skala(&nama_seleksi, &self.skala_seleksi);
        let ambang = match (&seleksi, self.ambang_seleksi.trim().parse::<u16>()) {
            (Ok(s), Ok(n)) if n >= 1 && usize::from(n) <= s.pita().len() => (n - 1) as u8,
            (Ok(s), _) => {
                galat.insert(
                    "ambang_seleksi".to_owned(),
                    format!("Nomor kategori 1 sampai {}.", s.pita().len()),
                );
                0
            }
            (Err(_), _) => 0,
        };
        let seleksi = seleksi.unwrap_or_else(|e| {
            galat.insert("skala_seleksi".to_owned(), e);
            SkalaKategori::seleksi()
        });
        let cakupan = match self.cakupan_minimal_seleksi.trim().parse::<u8>() {
            Ok(c) if c <= 100 => c,
            _ => {
                galat.insert(
                    "cakupan_minimal_seleksi".to_owned(),
                    "Bilangan bulat 0 sampai 100.".to_owned(),
                );
                100
            }
        };
        let masa_berlaku = self
            .masa_berlaku
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|t| MasaBerlaku::new(t).ok())
            .unwrap_or_else(|| {
                galat.insert(
                    "masa_berlaku".to_owned(),
                    "Bilangan bulat 1 sampai 10 tahun.".to_owned(),
                );
                MasaBerlaku::default()
            });
        if !galat.is_empty() {
            return Err(galat);
        }
        Ok(PengaturanAnalitik {
            jpm: PengaturanJpm {
                batasi_level: self.batasi_level,
                bobot_kompetensi: self.bobot_kompetensi,
                bobot_kelompok,
            },
            skala_pemetaan: pemetaan,
            skala_seleksi: seleksi,
            ambang_seleksi: ambang,
            cakupan_minimal_seleksi: cakupan,
            masa_berlaku,
        })
    }
}

#[derive(Template)]
#[template(path = "pengaturan.html")]
struct PengaturanTpl {
    layout: Layout,
    boleh_ubah: bool,
    isian: IsianPengaturan,
    galat: GalatIsian,
    bawaan: bool,
    kebutuhan: super::kebutuhan::BagianPengaturan,
    mitra: super::mitra::BagianPengaturan,
}

pub(crate) async fn halaman(
    State(state): State<AppState>,
    sesi: Sesi,
) -> Result<Response, PageError> {
    if !boleh_baca(sesi.role()) {
        return Err(AppError::Forbidden.into());
    }
    let kebutuhan = super::kebutuhan::bagian_pengaturan(&state, &sesi).await?;
    tampil(&state, &sesi, kebutuhan, StatusCode::OK).await
}

/// The page with the needs section as given (e.g. refused input).
pub(crate) async fn tampil(
    state: &AppState,
    sesi: &Sesi,
    kebutuhan: super::kebutuhan::BagianPengaturan,
    status: StatusCode,
) -> Result<Response, PageError> {
    let mitra = super::mitra::bagian_pengaturan(state, sesi).await?;
    tampil_bagian(state, sesi, (kebutuhan, mitra), status).await
}

/// The page with the partner section as given (e.g. refused input).
pub(crate) async fn tampil_dengan_mitra(
    state: &AppState,
    sesi: &Sesi,
    mitra: super::mitra::BagianPengaturan,
    status: StatusCode,
) -> Result<Response, PageError> {
    let kebutuhan = super::kebutuhan::bagian_pengaturan(state, sesi).await?;
    tampil_bagian(state, sesi, (kebutuhan, mitra), status).await
}

async fn tampil_bagian(
    state: &AppState,
    sesi: &Sesi,
    (kebutuhan, mitra): (
        super::kebutuhan::BagianPengaturan,
        super::mitra::BagianPengaturan,
    ),
    status: StatusCode,
) -> Result<Response, PageError> {
    let atur = analitik::pengaturan(state, sesi.instansi_id()).await?;
    let tpl = PengaturanTpl {
        layout: Layout::untuk(sesi, "Pengaturan Analitik", "pengaturan"),
        boleh_ubah: sesi.role() == Role::AdminBkpsdm,
        bawaan: atur == PengaturanAnalitik::default(),
        isian: IsianPengaturan::dari(&atur),
        galat: GalatIsian::new(),
        kebutuhan,
        mitra,
    };
    render_status(&tpl, status)
}

pub(crate) async fn kirim(
    State(state): State<AppState>,
    sesi: Sesi,
    form: Result<Form<Isian>, FormRejection>,
) -> Result<Response, PageError> {
    if sesi.role() != Role::AdminBkpsdm {
        return Err(AppError::Forbidden.into());
    }
    let pairs = isian_sah(&sesi, form)?;
    let sebelum = analitik::pengaturan(&state, sesi.instansi_id()).await?;
    let baru = if ada(&pairs, "bawaan") {
        PengaturanAnalitik::default()
    } else {
        let isian = IsianPengaturan::dari_form(&pairs);
        match isian.periksa(&sebelum) {
            Ok(a) => a,
            Err(galat) => {
                let tpl = PengaturanTpl {
                    layout: Layout::untuk(&sesi, "Pengaturan Analitik", "pengaturan"),
                    boleh_ubah: true,
                    bawaan: false,
                    isian,
                    galat,
                    kebutuhan: super::kebutuhan::bagian_pengaturan(&state, &sesi).await?,
                    mitra: super::mitra::bagian_pengaturan(&state, &sesi).await?,
                };
                return render_status(&tpl, StatusCode::UNPROCESSABLE_ENTITY);
            }
        }
    };
    if baru != sebelum {
        state
            .store()
            .set_pengaturan(
                sesi.instansi_id(),
                &pelaku(&sesi),
                PengaturanAnalitik::KUNCI,
                &baru.ke_json(),
            )
            .await?;
    }
    Ok(alihkan(&state, "/pengaturan", "pengaturan"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_text_round_trips() {
        for s in [SkalaKategori::pemetaan(), SkalaKategori::seleksi()] {
            let teks = teks_skala(&s);
            assert_eq!(urai_skala(s.nama(), &teks).expect("valid"), s);
        }
        let s = urai_skala("X", "78,5% Baik\n\n 0 Kurang ").expect("valid");
        assert_eq!(s.pita()[0].batas_bawah_bp, 7850);
        assert_eq!(s.pita()[1].label, "Kurang");
        assert_eq!(teks_skala(&s), "78,5 Baik\n0 Kurang");
        assert_eq!(teks_batas(7825), "78,25");
    }

    #[test]
    fn bad_scales_say_why() {
        assert!(
            urai_skala("X", "")
                .expect_err("invalid")
                .contains("paling sedikit")
        );
        assert!(
            urai_skala("X", "50 A\n60 B\n0 C")
                .expect_err("invalid")
                .contains("menurun")
        );
        assert!(
            urai_skala("X", "50 A\n10 B")
                .expect_err("invalid")
                .contains("mulai dari 0")
        );
        assert!(
            urai_skala("X", "Optimal")
                .expect_err("invalid")
                .contains("Baris 1")
        );
        assert!(
            urai_skala("X", "abc Optimal\n0 K")
                .expect_err("invalid")
                .contains("bukan persentase")
        );
        assert!(
            urai_skala("X", "90,123 A\n0 B")
                .expect_err("invalid")
                .contains("desimal")
        );
    }
}
