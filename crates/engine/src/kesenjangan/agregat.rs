//! Aggregates over many employees: the unit × competency heatmap and its
//! drill-down, per-competency distributions and the city summary.

use super::data::{Data, TANPA, nomor_hari};
use super::hitung::{
    AlasanTanpaJpm, GalatAnalisis, Kini, Pilihan, StatusKompetensi, paralel_batas, telusuri,
};
use super::pengaturan::{PengaturanJpm, SkalaKategori};
use kompeten_domain::KelompokKompetensi;
use serde::Serialize;
use time::Date;

/// One heatmap cell: one row (a group of units) × one competency, over the
/// employees of the row whose standard requires the competency.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SelPeta {
    pub baris: u32,
    pub kompetensi: u32,
    /// Employees whose standard requires it (= dinilai + kedaluwarsa + belum_dinilai).
    pub wajib: u32,
    /// With a valid assessment.
    pub dinilai: u32,
    /// Valid level ≥ required.
    pub memenuhi: u32,
    /// Σ (required − current) over the assessed below the standard; the mean
    /// gap over the assessed is `jumlah_gap / dinilai`. Sums and counts add
    /// up across cells, means do not.
    pub jumlah_gap: u64,
    /// The same, each gap times the competency's effective weight.
    pub jumlah_gap_berbobot: u64,
    pub kedaluwarsa: u32,
    pub belum_dinilai: u32,
}

impl SelPeta {
    #[inline]
    fn tambah(&mut self, wajib: u8, bobot: u64, kini: Kini) {
        self.wajib += 1;
        match kini {
            Kini::Berlaku { level, .. } => {
                self.dinilai += 1;
                if level >= wajib {
                    self.memenuhi += 1;
                } else {
                    let gap = u64::from(wajib - level);
                    self.jumlah_gap += gap;
                    self.jumlah_gap_berbobot += gap * bobot;
                }
            }
            Kini::Kedaluwarsa { .. } => self.kedaluwarsa += 1,
            Kini::Belum => self.belum_dinilai += 1,
        }
    }

    /// Mean gap over the assessed, if any is assessed.
    pub fn rerata_gap(&self) -> Option<f64> {
        (self.dinilai > 0).then(|| self.jumlah_gap as f64 / f64::from(self.dinilai))
    }

    /// Share meeting the standard among those who need it, in percent.
    pub fn persen_memenuhi(&self) -> Option<f64> {
        (self.wajib > 0).then(|| f64::from(self.memenuhi) * 100.0 / f64::from(self.wajib))
    }
}

/// The unit × competency heatmap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PetaPanas {
    pub jumlah_baris: u32,
    /// Only cells some employee needs, ordered by row, then competency index.
    pub sel: Vec<SelPeta>,
    /// Chosen employees counted (with a usable standard, in a grouped unit).
    pub pegawai_dihitung: u32,
    /// Chosen employees (in a grouped unit) left out for lack of a usable
    /// standard.
    pub pegawai_tanpa_standar: u32,
}

/// Checks a unit grouping: one row index per unit, [`u32::MAX`] to leave a
/// unit out. Returns the number of rows.
fn periksa_kelompok(data: &Data, kelompok_unit: &[u32]) -> Result<u32, GalatAnalisis> {
    if kelompok_unit.len() != data.jumlah_unit() as usize {
        return Err(GalatAnalisis::PengelompokanUnit {
            diberikan: kelompok_unit.len(),
            unit: data.jumlah_unit(),
        });
    }
    Ok(kelompok_unit
        .iter()
        .filter(|&&b| b != TANPA)
        .map(|&b| b + 1)
        .max()
        .unwrap_or(0))
}

fn bobot_efektif(data: &Data, item: usize, atur: &PengaturanJpm) -> u64 {
    if atur.bobot_kompetensi {
        u64::from(data.st_bobot[item])
    } else {
        1
    }
}

/// The heatmap of the chosen employees, their units grouped into rows by
/// `kelompok_unit` (unit index → row index, e.g. every unit to its OPD's
/// row; `u32::MAX` leaves the unit out). Employees without a usable standard
/// are counted apart, not in any cell. Weights follow `atur` (only
/// `bobot_kompetensi` matters here).
pub fn peta_panas(
    data: &Data,
    pilihan: Pilihan<'_>,
    kelompok_unit: &[u32],
    hari_ini: Date,
    atur: &PengaturanJpm,
) -> Result<PetaPanas, GalatAnalisis> {
    pilihan.periksa(data)?;
    let jumlah_baris = periksa_kelompok(data, kelompok_unit)?;
    let hari = nomor_hari(hari_ini);

    // Employees with a usable standard, bucketed by row (counting sort).
    let mut tanpa_standar = 0u32;
    let mut baris_pegawai = Vec::with_capacity(pilihan.len(data));
    let mut awal = vec![0u32; jumlah_baris as usize + 1];
    for i in 0..pilihan.len(data) {
        let p = pilihan.get(i);
        let b = kelompok_unit[data.pegawai_unit[p as usize] as usize];
        let j = data.pegawai_jabatan[p as usize];
        if b == TANPA {
            // A unit left out of the grouping: not counted anywhere.
            baris_pegawai.push(TANPA);
            continue;
        }
        if j == TANPA || data.rentang_standar(j).is_empty() {
            tanpa_standar += 1;
            baris_pegawai.push(TANPA);
            continue;
        }
        baris_pegawai.push(b);
        awal[b as usize + 1] += 1;
    }
    for b in 0..jumlah_baris as usize {
        awal[b + 1] += awal[b];
    }
    let dihitung = awal[jumlah_baris as usize];
    let mut urut = vec![0u32; dihitung as usize];
    let mut pos = awal.clone();
    for (i, &b) in baris_pegawai.iter().enumerate() {
        if b != TANPA {
            urut[pos[b as usize] as usize] = pilihan.get(i);
            pos[b as usize] += 1;
        }
    }
    drop(baris_pegawai);

    // Rows in parallel, each with a dense scratch row over competencies.
    // Rows are split where the running employee count crosses an equal
    // share, so a few big rows still spread over the threads.
    let n_k = data.jumlah_kompetensi() as usize;
    let utas = data.utas.min(dihitung as usize / 4096).max(1);
    let mut batas = vec![0usize];
    for t in 1..utas {
        let target = (dihitung as u64 * t as u64 / utas as u64) as u32;
        let b = awal
            .partition_point(|&a| a < target)
            .min(jumlah_baris as usize);
        if b > *batas.last().unwrap_or(&0) {
            batas.push(b);
        }
    }
    batas.push(jumlah_baris as usize);
    let sel = paralel_batas(&batas, |r| {
        let mut scratch = vec![SelPeta::default(); n_k];
        let mut disentuh: Vec<u32> = Vec::new();
        let mut out = Vec::new();
        for b in r {
            for &p in &urut[awal[b] as usize..awal[b + 1] as usize] {
                let j = data.pegawai_jabatan[p as usize];
                telusuri(data, p, data.rentang_standar(j), hari, |k, item, kini| {
                    if let Some(item) = item {
                        let c = &mut scratch[k as usize];
                        if c.wajib == 0 {
                            disentuh.push(k);
                        }
                        c.tambah(data.st_level[item], bobot_efektif(data, item, atur), kini);
                    }
                });
            }
            disentuh.sort_unstable();
            for &k in &disentuh {
                let c = std::mem::take(&mut scratch[k as usize]);
                out.push(SelPeta {
                    baris: b as u32,
                    kompetensi: k,
                    ..c
                });
            }
            disentuh.clear();
        }
        out
    });
    Ok(PetaPanas {
        jumlah_baris,
        sel,
        pegawai_dihitung: dihitung,
        pegawai_tanpa_standar: tanpa_standar,
    })
}

/// One employee behind a heatmap cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PegawaiSel {
    pub pegawai: u32,
    pub wajib: u8,
    pub status: StatusKompetensi,
}

/// The chosen employees behind one heatmap cell (same grouping as
/// [`peta_panas`]), by employee index.
pub fn pegawai_di_sel(
    data: &Data,
    pilihan: Pilihan<'_>,
    kelompok_unit: &[u32],
    baris: u32,
    kompetensi: u32,
    hari_ini: Date,
) -> Result<Vec<PegawaiSel>, GalatAnalisis> {
    pilihan.periksa(data)?;
    periksa_kelompok(data, kelompok_unit)?;
    if kompetensi >= data.jumlah_kompetensi() {
        return Err(GalatAnalisis::KompetensiTidakDikenal(kompetensi));
    }
    let hari = nomor_hari(hari_ini);
    let mut out = Vec::new();
    for i in 0..pilihan.len(data) {
        let p = pilihan.get(i);
        if kelompok_unit[data.pegawai_unit[p as usize] as usize] != baris || baris == TANPA {
            continue;
        }
        let j = data.pegawai_jabatan[p as usize];
        if j == TANPA {
            continue;
        }
        let std = data.rentang_standar(j);
        let Some(item) = std.clone().find(|&i| data.st_kompetensi[i] == kompetensi) else {
            continue;
        };
        telusuri(data, p, item..item + 1, hari, |_, it, kini| {
            if let Some(it) = it {
                let wajib = data.st_level[it];
                out.push(PegawaiSel {
                    pegawai: p,
                    wajib,
                    status: StatusKompetensi::dari(kini, wajib),
                });
            }
        });
    }
    out.sort_unstable_by_key(|s| s.pegawai);
    Ok(out)
}

/// Levels and gaps of one competency across the chosen employees.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Sebaran {
    pub kompetensi: u32,
    /// Employees whose standard requires it.
    pub wajib: u32,
    /// Among those: valid current level 1..=5 (index 0 is level 1).
    pub level: [u32; 5],
    pub kedaluwarsa: u32,
    pub belum_dinilai: u32,
    /// Among those with a valid level: gap 0 (meets), 1, 2, 3, 4.
    pub gap: [u32; 5],
    /// Valid current level 1..=5 among every chosen employee with one,
    /// required or not.
    pub level_semua: [u32; 5],
}

/// The distribution of every competency (indexed by competency index) over
/// the chosen employees, in one pass.
pub fn sebaran_kompetensi(
    data: &Data,
    pilihan: Pilihan<'_>,
    hari_ini: Date,
) -> Result<Vec<Sebaran>, GalatAnalisis> {
    pilihan.periksa(data)?;
    let hari = nomor_hari(hari_ini);
    let n_k = data.jumlah_kompetensi() as usize;
    let n = pilihan.len(data);
    let utas = data.utas.min(n / 4096).max(1);
    let per = n.div_ceil(utas);
    let hitung = |r: std::ops::Range<usize>| {
        let mut s = vec![Sebaran::default(); n_k];
        for i in r {
            let p = pilihan.get(i);
            let j = data.pegawai_jabatan[p as usize];
            let std = if j == TANPA {
                0..0
            } else {
                data.rentang_standar(j)
            };
            telusuri(data, p, std, hari, |k, item, kini| {
                let c = &mut s[k as usize];
                if let Kini::Berlaku { level, .. } = kini {
                    c.level_semua[usize::from(level - 1)] += 1;
                }
                let Some(item) = item else { return };
                let wajib = data.st_level[item];
                c.wajib += 1;
                match kini {
                    Kini::Berlaku { level, .. } => {
                        c.level[usize::from(level - 1)] += 1;
                        c.gap[usize::from(wajib.saturating_sub(level))] += 1;
                    }
                    Kini::Kedaluwarsa { .. } => c.kedaluwarsa += 1,
                    Kini::Belum => c.belum_dinilai += 1,
                }
            });
        }
        s
    };
    let batas: Vec<usize> = (0..=utas).map(|t| (t * per).min(n)).collect();
    let parts: Vec<Vec<Sebaran>> = paralel_batas(&batas, |r| vec![hitung(r)]);
    let mut out = vec![Sebaran::default(); n_k];
    for part in parts {
        for (o, s) in out.iter_mut().zip(part) {
            o.wajib += s.wajib;
            o.kedaluwarsa += s.kedaluwarsa;
            o.belum_dinilai += s.belum_dinilai;
            for l in 0..5 {
                o.level[l] += s.level[l];
                o.gap[l] += s.gap[l];
                o.level_semua[l] += s.level_semua[l];
            }
        }
    }
    for (k, o) in out.iter_mut().enumerate() {
        o.kompetensi = k as u32;
    }
    Ok(out)
}

/// A competency's total shortfall across the chosen employees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct KesenjanganKompetensi {
    pub kompetensi: u32,
    pub kelompok: KelompokKompetensi,
    pub jumlah_gap_berbobot: u64,
    pub jumlah_gap: u64,
    /// Employees assessed below the required level.
    pub pegawai_kurang: u32,
    pub wajib: u32,
}

/// Employees without a JPM, by reason.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct TanpaJpmPerAlasan {
    pub tanpa_jabatan: u32,
    pub jabatan_tanpa_standar: u32,
    pub standar_tidak_valid: u32,
    pub belum_ada_yang_dinilai: u32,
    pub kelompok_berbobot_belum_dinilai: u32,
}

impl TanpaJpmPerAlasan {
    /// The count for one reason.
    pub fn untuk(&self, a: AlasanTanpaJpm) -> u32 {
        match a {
            AlasanTanpaJpm::TanpaJabatan => self.tanpa_jabatan,
            AlasanTanpaJpm::JabatanTanpaStandar => self.jabatan_tanpa_standar,
            AlasanTanpaJpm::StandarTidakValid => self.standar_tidak_valid,
            AlasanTanpaJpm::BelumAdaYangDinilai => self.belum_ada_yang_dinilai,
            AlasanTanpaJpm::KelompokBerbobotBelumDinilai => self.kelompok_berbobot_belum_dinilai,
        }
    }
}

/// The city (or scope) summary for Beranda.
///
/// "Meets their standard" is reported two ways, both defined here:
/// `memenuhi_semua` counts employees with every competency of their standard
/// assessed, valid and at or above the required level (the strict reading);
/// `per_kategori[0]` counts those whose JPM is in the scale's top band.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RingkasanKota {
    pub pegawai: u32,
    pub dengan_jpm: u32,
    pub tanpa_jpm: TanpaJpmPerAlasan,
    /// Employees with a JPM per band of the scale, best band first.
    pub per_kategori: Vec<u32>,
    pub memenuhi_semua: u32,
    /// (employee, required competency) pairs, by status.
    pub kompetensi_wajib: u64,
    pub kompetensi_dinilai: u64,
    pub kompetensi_kedaluwarsa: u64,
    pub kompetensi_belum_dinilai: u64,
    /// Employees with at least one required competency expired / not assessed.
    pub pegawai_dengan_kedaluwarsa: u32,
    pub pegawai_dengan_belum_dinilai: u32,
    /// Competencies by total weighted gap, largest first (ties: larger
    /// unweighted gap, then lower index); only those with a gap.
    pub kesenjangan_terbesar: Vec<KesenjanganKompetensi>,
}

/// The summary over the chosen employees (typically the active ones in the
/// reader's scope); `maks_kesenjangan` caps the largest-gap list.
pub fn ringkasan_kota(
    data: &Data,
    pilihan: Pilihan<'_>,
    hari_ini: Date,
    atur: &PengaturanJpm,
    skala: &SkalaKategori,
    maks_kesenjangan: usize,
) -> Result<RingkasanKota, GalatAnalisis> {
    let semua = super::hitung::hitung_semua(data, pilihan, hari_ini, atur, skala)?;
    let mut r = RingkasanKota {
        pegawai: semua.len() as u32,
        dengan_jpm: 0,
        tanpa_jpm: TanpaJpmPerAlasan::default(),
        per_kategori: vec![0; skala.pita().len()],
        memenuhi_semua: 0,
        kompetensi_wajib: 0,
        kompetensi_dinilai: 0,
        kompetensi_kedaluwarsa: 0,
        kompetensi_belum_dinilai: 0,
        pegawai_dengan_kedaluwarsa: 0,
        pegawai_dengan_belum_dinilai: 0,
        kesenjangan_terbesar: Vec::new(),
    };
    for h in &semua {
        let j = h.jumlah;
        r.kompetensi_wajib += u64::from(j.wajib);
        r.kompetensi_dinilai += u64::from(j.dinilai);
        r.kompetensi_kedaluwarsa += u64::from(j.kedaluwarsa);
        r.kompetensi_belum_dinilai += u64::from(j.belum_dinilai);
        r.pegawai_dengan_kedaluwarsa += u32::from(j.kedaluwarsa > 0);
        r.pegawai_dengan_belum_dinilai += u32::from(j.belum_dinilai > 0);
        if j.wajib > 0 && j.memenuhi == j.wajib {
            r.memenuhi_semua += 1;
        }
        match (h.kategori, h.tanpa_jpm) {
            (Some(k), _) => {
                r.dengan_jpm += 1;
                if let Some(c) = r.per_kategori.get_mut(usize::from(k)) {
                    *c += 1;
                }
            }
            (None, Some(a)) => {
                let t = &mut r.tanpa_jpm;
                *match a {
                    AlasanTanpaJpm::TanpaJabatan => &mut t.tanpa_jabatan,
                    AlasanTanpaJpm::JabatanTanpaStandar => &mut t.jabatan_tanpa_standar,
                    AlasanTanpaJpm::StandarTidakValid => &mut t.standar_tidak_valid,
                    AlasanTanpaJpm::BelumAdaYangDinilai => &mut t.belum_ada_yang_dinilai,
                    AlasanTanpaJpm::KelompokBerbobotBelumDinilai => {
                        &mut t.kelompok_berbobot_belum_dinilai
                    }
                } += 1;
            }
            (None, None) => {}
        }
    }
    drop(semua);
    // Largest gaps: the heatmap with every unit in one row.
    let satu_baris = vec![0u32; data.jumlah_unit() as usize];
    let peta = peta_panas(data, pilihan, &satu_baris, hari_ini, atur)?;
    let mut gaps: Vec<KesenjanganKompetensi> = peta
        .sel
        .iter()
        .filter(|s| s.jumlah_gap > 0)
        .map(|s| KesenjanganKompetensi {
            kompetensi: s.kompetensi,
            kelompok: data.kompetensi_kelompok[s.kompetensi as usize],
            jumlah_gap_berbobot: s.jumlah_gap_berbobot,
            jumlah_gap: s.jumlah_gap,
            pegawai_kurang: s.dinilai - s.memenuhi,
            wajib: s.wajib,
        })
        .collect();
    gaps.sort_unstable_by(|a, b| {
        b.jumlah_gap_berbobot
            .cmp(&a.jumlah_gap_berbobot)
            .then(b.jumlah_gap.cmp(&a.jumlah_gap))
            .then(a.kompetensi.cmp(&b.kompetensi))
    });
    gaps.truncate(maks_kesenjangan);
    r.kesenjangan_terbesar = gaps;
    Ok(r)
}
