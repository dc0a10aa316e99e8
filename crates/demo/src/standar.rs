//! Competency standards of the positions (standar kompetensi jabatan).
//!
//! Every position gets the nine managerial and socio-cultural competencies at
//! the default level of its type, and two to five technical competencies
//! from its fields. The technical choice depends only on the position's name
//! and fields, not on the seed, so that the same position (e.g. every "Guru
//! Ahli Pertama") has the same standard in every unit.

use crate::kamus::EntriKamus;
use crate::organisasi::InfoJabatan;
use crate::{JabatanDemo, StandarDemo};
use kompeten_domain::{KelompokKompetensi, Level, LevelManajerialBawaan};

const MIN_TEKNIS: usize = 2;
const MAX_TEKNIS: usize = 5;

/// FNV-1a: a stable hash, unlike `std`'s randomly keyed one.
fn fnv(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01B3);
        }
    }
    h
}

fn level(n: u8) -> Level {
    Level::new(i64::from(n.clamp(1, 5))).unwrap_or(Level::MIN)
}

/// Indices of the technical entries of a field, in dictionary order.
fn entri_bidang(kompetensi: &[&EntriKamus], bidang: &str) -> Vec<usize> {
    kompetensi
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kelompok == KelompokKompetensi::Teknis && e.bidang == Some(bidang))
        .map(|(i, _)| i)
        .collect()
}

/// `n` entries of a field starting at a position fixed by the hash.
fn ambil(daftar: &[usize], n: usize, kunci: u64, sudah: &[StandarDemo]) -> Vec<usize> {
    if daftar.is_empty() {
        return Vec::new();
    }
    let mulai = (kunci % daftar.len() as u64) as usize;
    (0..daftar.len())
        .map(|k| daftar[(mulai + k) % daftar.len()])
        .filter(|i| !sudah.iter().any(|s| s.kompetensi == *i))
        .take(n)
        .collect()
}

/// The standard of one position.
pub(crate) fn susun(
    jabatan: &JabatanDemo,
    info: &InfoJabatan,
    kompetensi: &[&EntriKamus],
    bawaan: &LevelManajerialBawaan,
) -> Vec<StandarDemo> {
    let mut out: Vec<StandarDemo> = kompetensi
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kelompok != KelompokKompetensi::Teknis)
        .map(|(i, _)| StandarDemo {
            kompetensi: i,
            level: bawaan.untuk(jabatan.tingkat),
            bobot: 1,
        })
        .collect();
    let mut teknis: Vec<StandarDemo> = Vec::new();
    for (urutan, bidang) in info.bidang.iter().enumerate() {
        if teknis.len() >= MAX_TEKNIS {
            break;
        }
        let daftar = entri_bidang(kompetensi, bidang);
        let utama = urutan == 0;
        let n = if utama {
            if info.inti { 3 } else { 2 }
        } else {
            1
        };
        let n = n.min(MAX_TEKNIS - teknis.len());
        let kunci = fnv(&[&jabatan.nama, bidang]);
        for i in ambil(&daftar, n, kunci, &teknis) {
            let (lv, bobot) = if utama {
                (info.level_teknis, if info.inti { 2 } else { 1 })
            } else {
                (info.level_teknis.saturating_sub(1), 1)
            };
            teknis.push(StandarDemo {
                kompetensi: i,
                level: level(lv),
                bobot,
            });
        }
    }
    // Too few: top up from the general administration field, then anything.
    if teknis.len() < MIN_TEKNIS {
        let mut cadangan = entri_bidang(kompetensi, "umum");
        cadangan.extend(
            kompetensi
                .iter()
                .enumerate()
                .filter(|(_, e)| e.kelompok == KelompokKompetensi::Teknis)
                .map(|(i, _)| i),
        );
        let mut unik = Vec::new();
        cadangan.retain(|i| {
            let baru = !unik.contains(i);
            unik.push(*i);
            baru
        });
        let kunci = fnv(&[&jabatan.nama]);
        let tambahan = ambil(&cadangan, MIN_TEKNIS - teknis.len(), kunci, &teknis);
        for i in tambahan {
            let lv = info.level_teknis.saturating_sub(1);
            teknis.push(StandarDemo {
                kompetensi: i,
                level: level(lv),
                bobot: 1,
            });
        }
    }
    out.extend(teknis);
    out
}
