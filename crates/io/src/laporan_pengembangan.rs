//! Tables of the development side (AKPK): the year's needs, the catalog of
//! programs and the partners with their agreements, as the web downloads
//! and `kompeten export` write them.

use crate::kebutuhan::{KebutuhanPegawai, PengaturanKebutuhan};
use crate::tabel::{Kolom, Sel, Tabel};
use kompeten_domain::format::tanggal;
use kompeten_domain::pengembangan::AMBANG_SEGERA_BERAKHIR_HARI;
use kompeten_domain::{BentukPengembangan, StatusKerjaSama};
use kompeten_store::{JadwalProgram, Mitra, MitraId, Program};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use time::Date;

/// The instansi's partner settings (store key [`PengaturanMitra::KUNCI`]).
/// Not fixed by regulation, so a setting with a default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PengaturanMitra {
    /// Days before its last day an agreement counts as ending soon.
    pub ambang_segera_berakhir_hari: u32,
}

impl Default for PengaturanMitra {
    fn default() -> Self {
        PengaturanMitra {
            ambang_segera_berakhir_hari: AMBANG_SEGERA_BERAKHIR_HARI,
        }
    }
}

impl PengaturanMitra {
    pub const KUNCI: &'static str = "mitra";
    /// Two years: agreements run for years, a longer warning means nothing.
    pub const AMBANG_MAKS: u32 = 730;

    /// The settings as stored; the default when never set.
    pub fn dari_json(nilai: Option<serde_json::Value>) -> Result<Self, PengaturanMitraRusak> {
        let atur: Self = match nilai {
            Some(v) => {
                serde_json::from_value(v).map_err(|e| PengaturanMitraRusak(e.to_string()))?
            }
            None => Self::default(),
        };
        atur.validasi().map_err(PengaturanMitraRusak)?;
        Ok(atur)
    }

    pub fn ke_json(self) -> serde_json::Value {
        serde_json::json!({ "ambang_segera_berakhir_hari": self.ambang_segera_berakhir_hari })
    }

    /// Checks the values; the message is Indonesian, for the settings form.
    pub fn validasi(&self) -> Result<(), String> {
        if (1..=Self::AMBANG_MAKS).contains(&self.ambang_segera_berakhir_hari) {
            Ok(())
        } else {
            Err(format!(
                "Ambang harus bilangan bulat 1 sampai {} hari.",
                Self::AMBANG_MAKS
            ))
        }
    }
}

/// Stored partner settings that cannot be read (written by hand, or by a
/// later version).
#[derive(Debug, thiserror::Error)]
#[error("the stored partner settings are not valid: {0}")]
pub struct PengaturanMitraRusak(String);

/// "1,5" for 1.5: a weight the Indonesian way.
fn faktor(x: f64) -> String {
    x.to_string().replace('.', ",")
}

/// One row per (employee, competency to raise) of the year's needs.
pub fn tabel_kebutuhan<'a>(
    instansi: &str,
    hari_ini: Date,
    tahun: i32,
    atur: &PengaturanKebutuhan,
    pegawai: impl IntoIterator<Item = &'a KebutuhanPegawai>,
) -> Tabel {
    let mut tabel = Tabel::new(
        format!("Kebutuhan pengembangan {tahun}"),
        vec![
            Kolom::dengan_lebar("NIP", 21.0),
            Kolom::dengan_lebar("Nama", 32.0),
            Kolom::dengan_lebar("OPD", 32.0),
            Kolom::dengan_lebar("Unit kerja", 32.0),
            Kolom::new("Layanan publik"),
            Kolom::new("Kode kompetensi"),
            Kolom::dengan_lebar("Kompetensi", 32.0),
            Kolom::new("Naik level"),
            Kolom::new("Bobot"),
            Kolom::new("Level berbobot"),
            Kolom::dengan_lebar("Sumber", 30.0),
            Kolom::new("JP kurang"),
        ],
    );
    tabel.catatan = vec![
        format!("Instansi: {instansi}"),
        format!("Tahun kebutuhan: {tahun}"),
        format!("Tanggal: {}", tanggal(hari_ini)),
        format!(
            "Bobot: layanan publik {}, asesmen kedaluwarsa {}, usulan {}; target {} JP",
            faktor(atur.bobot_layanan_publik),
            faktor(atur.bobot_kedaluwarsa),
            faktor(atur.bobot_usulan),
            atur.jp_target
        ),
    ];
    for p in pegawai {
        for c in &p.kompetensi {
            tabel.baris.push(vec![
                Sel::teks(p.nip.as_str()),
                Sel::teks(p.nama.as_str()),
                Sel::teks(p.opd_nama.as_str()),
                Sel::teks(p.unit_nama.as_str()),
                Sel::teks(if p.layanan_publik { "Ya" } else { "Tidak" }),
                Sel::teks(c.kode.as_str()),
                Sel::teks(c.nama.as_str()),
                Sel::Bulat(i64::from(c.gap)),
                Sel::desimal(c.bobot, 2),
                Sel::desimal(f64::from(c.gap) * c.bobot, 2),
                Sel::teks(
                    c.sumber
                        .iter()
                        .map(|s| s.label())
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                Sel::Bulat(p.jp_kurang),
            ]);
        }
    }
    tabel
}

/// "Klasikal" or "Non-klasikal".
pub fn kelompok(b: BentukPengembangan) -> &'static str {
    if b.klasikal() {
        "Klasikal"
    } else {
        "Non-klasikal"
    }
}

/// "Sepanjang tahun", one day, or "from – to".
pub fn teks_jadwal(j: &JadwalProgram) -> String {
    match j {
        JadwalProgram::SepanjangTahun => "Sepanjang tahun".to_owned(),
        JadwalProgram::Periode { mulai, selesai } if mulai == selesai => tanggal(*mulai),
        JadwalProgram::Periode { mulai, selesai } => {
            format!("{} – {}", tanggal(*mulai), tanggal(*selesai))
        }
    }
}

/// "KODE Nama (+levels)" of each competency the program raises.
pub fn teks_kompetensi(p: &Program) -> String {
    p.kompetensi
        .iter()
        .map(|k| format!("{} {} (+{})", k.kode, k.nama, k.naik_level))
        .collect::<Vec<_>>()
        .join("; ")
}

fn ya(b: bool) -> Sel {
    Sel::teks(if b { "ya" } else { "tidak" })
}

/// One program per row.
pub fn tabel_katalog(instansi: &str, hari_ini: Date, program: &[Program]) -> Tabel {
    let mut tabel = Tabel::new(
        "Katalog Pengembangan Kompetensi",
        vec![
            Kolom::new("Kode"),
            Kolom::dengan_lebar("Judul", 40.0),
            Kolom::dengan_lebar("Penyelenggara", 32.0),
            Kolom::new("Bentuk"),
            Kolom::new("Kelompok"),
            Kolom::new("JP"),
            Kolom::new("Biaya per peserta (Rp)"),
            Kolom::new("Biaya per angkatan (Rp)"),
            Kolom::new("Ukuran angkatan"),
            Kolom::new("Maks. angkatan"),
            Kolom::new("Moda"),
            Kolom::dengan_lebar("Kompetensi (+level)", 40.0),
            Kolom::new("Terbuka untuk semua"),
            Kolom::dengan_lebar("Jenis jabatan", 24.0),
            Kolom::dengan_lebar("Jadwal", 24.0),
            Kolom::new("Aktif"),
        ],
    );
    tabel.catatan = vec![
        format!("Instansi: {instansi}"),
        format!("Tanggal: {}", tanggal(hari_ini)),
    ];
    let bulat = |v: Option<u32>| v.map_or(Sel::Kosong, |v| Sel::Bulat(i64::from(v)));
    for p in program {
        tabel.baris.push(vec![
            Sel::teks(p.kode.as_str()),
            Sel::teks(p.judul.as_str()),
            Sel::teks(
                p.penyelenggara_nama
                    .as_deref()
                    .unwrap_or("Instansi sendiri"),
            ),
            Sel::teks(p.bentuk.label()),
            Sel::teks(kelompok(p.bentuk)),
            Sel::Bulat(i64::from(p.jp.0)),
            Sel::Bulat(p.biaya_per_peserta.0),
            p.biaya_per_angkatan
                .map_or(Sel::Kosong, |b| Sel::Bulat(b.0)),
            bulat(p.ukuran_angkatan),
            bulat(p.maks_angkatan),
            Sel::teks(p.moda.label()),
            Sel::teks(teks_kompetensi(p)),
            ya(p.terbuka_untuk_semua),
            Sel::teks(if p.jenis_jabatan.is_empty() {
                "Semua".to_owned()
            } else {
                p.jenis_jabatan
                    .iter()
                    .map(|j| j.label())
                    .collect::<Vec<_>>()
                    .join("; ")
            }),
            Sel::teks(teks_jadwal(&p.jadwal)),
            ya(p.aktif),
        ]);
    }
    tabel
}

/// One row per agreement (a partner without one gets a row of its own),
/// with the agreement's status on `hari_ini` against `ambang_hari`, and the
/// partner's programs in the catalog (all, active). Contact persons are
/// not in it: the table may go to readers who may not see them.
pub fn tabel_mitra(
    instansi: &str,
    hari_ini: Date,
    ambang_hari: u32,
    mitra: &[Mitra],
    program: &[Program],
) -> Tabel {
    let mut tabel = Tabel::new(
        "Mitra dan kerja sama pengembangan kompetensi",
        vec![
            Kolom::new("Kode"),
            Kolom::dengan_lebar("Nama", 36.0),
            Kolom::new("Jenis"),
            Kolom::dengan_lebar("Kota", 16.0),
            Kolom::new("Program"),
            Kolom::new("Program aktif"),
            Kolom::new("Kerja sama"),
            Kolom::dengan_lebar("Nomor", 28.0),
            Kolom::dengan_lebar("Ruang lingkup", 36.0),
            Kolom::new("Mulai"),
            Kolom::new("Berakhir"),
            Kolom::new("Status"),
        ],
    );
    tabel.catatan = vec![
        format!("Instansi: {instansi}"),
        format!("Tanggal: {}", tanggal(hari_ini)),
        format!("Segera berakhir: {ambang_hari} hari atau kurang sebelum tanggal berakhir"),
    ];
    let mut jumlah: HashMap<MitraId, (i64, i64)> = HashMap::new();
    for p in program {
        if let Some(m) = p.penyelenggara {
            let j = jumlah.entry(m).or_default();
            j.0 += 1;
            j.1 += i64::from(p.aktif);
        }
    }
    for m in mitra {
        let (semua, aktif) = jumlah.get(&m.id).copied().unwrap_or_default();
        let awal = || {
            vec![
                Sel::teks(m.kode.as_str()),
                Sel::teks(m.nama.as_str()),
                Sel::teks(m.jenis.label()),
                Sel::teks(m.kota.as_deref().unwrap_or("")),
                Sel::Bulat(semua),
                Sel::Bulat(aktif),
            ]
        };
        if m.kerja_sama.is_empty() {
            let mut baris = awal();
            baris.extend([
                Sel::teks("—"),
                Sel::Kosong,
                Sel::Kosong,
                Sel::Kosong,
                Sel::Kosong,
                Sel::Kosong,
            ]);
            tabel.baris.push(baris);
        }
        for k in &m.kerja_sama {
            let status =
                StatusKerjaSama::pada(k.tanggal_mulai, k.tanggal_berakhir, hari_ini, ambang_hari);
            let mut baris = awal();
            baris.extend([
                Sel::teks(k.jenis.label()),
                Sel::teks(k.nomor.as_str()),
                Sel::teks(k.ruang_lingkup.as_str()),
                Sel::teks(tanggal(k.tanggal_mulai)),
                Sel::teks(tanggal(k.tanggal_berakhir)),
                Sel::teks(status.label()),
            ]);
            tabel.baris.push(baris);
        }
    }
    tabel
}

#[cfg(test)]
mod tests {
    use super::*;
    use kompeten_domain::{JenisKerjaSama, JenisMitra};
    use kompeten_store::KerjaSama;
    use time::macros::date;

    fn mitra(id: i64, kode: &str, kerja_sama: Vec<KerjaSama>) -> Mitra {
        Mitra {
            id: MitraId(id),
            kode: kode.into(),
            nama: format!("Mitra {kode}"),
            jenis: JenisMitra::Lsm,
            alamat: None,
            kota: None,
            website: None,
            kontak: Vec::new(),
            kerja_sama,
        }
    }

    #[test]
    fn a_partner_without_agreements_keeps_a_row_and_each_agreement_has_one() {
        let ks = |nomor: &str, berakhir| KerjaSama {
            jenis: JenisKerjaSama::Pks,
            nomor: nomor.into(),
            ruang_lingkup: String::new(),
            tanggal_mulai: date!(2025 - 01 - 01),
            tanggal_berakhir: berakhir,
        };
        let daftar = [
            mitra(
                1,
                "A",
                vec![
                    ks("1", date!(2026 - 12 - 20)),
                    ks("2", date!(2028 - 01 - 01)),
                ],
            ),
            mitra(2, "B", Vec::new()),
        ];
        let t = tabel_mitra("Kota", date!(2026 - 11 - 27), 30, &daftar, &[]);
        assert_eq!(t.baris.len(), 3);
        let status: Vec<&Sel> = t.baris.iter().map(|b| &b[11]).collect();
        assert_eq!(
            status,
            [
                &Sel::teks("Segera berakhir"),
                &Sel::teks("Berlaku"),
                &Sel::Kosong
            ]
        );
        assert_eq!(t.baris[2][0], Sel::teks("B"));
        assert!(t.baris.iter().all(|b| b.len() == t.kolom.len()));
        assert!(t.catatan[2].contains("30 hari"));
    }

    #[test]
    fn partner_settings_default_and_refuse_out_of_range_thresholds() {
        assert_eq!(
            PengaturanMitra::dari_json(None).expect("default"),
            PengaturanMitra::default()
        );
        let atur = PengaturanMitra::dari_json(Some(serde_json::json!({
            "ambang_segera_berakhir_hari": 30
        })))
        .expect("valid");
        assert_eq!(atur.ambang_segera_berakhir_hari, 30);
        assert_eq!(
            PengaturanMitra::dari_json(Some(atur.ke_json())).ok(),
            Some(atur)
        );
        for salah in [0, PengaturanMitra::AMBANG_MAKS + 1] {
            assert!(
                PengaturanMitra::dari_json(Some(serde_json::json!({
                    "ambang_segera_berakhir_hari": salah
                })))
                .is_err()
            );
        }
    }
}
