//! Feeding the benchmark's rows to the engine (`kompeten_engine::kesenjangan`)
//! and reading its per-employee JPM and unit × competency heatmap back as
//! ids, in the form all three systems export.

use crate::data::{
    Dataset, KELOMPOK_MANAJERIAL, KELOMPOK_SOSIAL_KULTURAL, KELOMPOK_TEKNIS, Penilaian,
};
use crate::referensi::Sel;
use crate::{BarisJpm, BarisSel};
use anyhow::{Context, Result, bail};
use kompeten_domain::{KelompokKompetensi, StatusAsn};
use kompeten_engine::kesenjangan::{
    Data, ItemStandar, Pembangun, PengaturanJpm, PetaPanas, Pilihan, RingkasPegawai, SkalaKategori,
    hitung_semua, peta_panas,
};
use time::Date;

/// Julian day of 1970-01-01: the CSV's day numbers to the engine's.
const EPOCH_JULIAN: i32 = 2_440_588;

/// Dense id → index map (the data set's ids are small positive integers).
#[derive(Debug, Default)]
struct Peta(Vec<u32>);

impl Peta {
    fn set(&mut self, id: u32, indeks: u32) {
        let i = id as usize;
        if self.0.len() <= i {
            self.0.resize(i + 1, u32::MAX);
        }
        self.0[i] = indeks;
    }

    fn get(&self, id: u32, apa: &str) -> Result<u32> {
        match self.0.get(id as usize) {
            Some(&i) if i != u32::MAX => Ok(i),
            _ => bail!("unknown {apa} id {id}"),
        }
    }
}

/// The builder plus the id maps, filled from the small tables first; then
/// assessments are added row by row.
pub struct Pemuat {
    b: Pembangun,
    pegawai: Peta,
    kompetensi: Peta,
}

impl Pemuat {
    /// Adds competencies, positions with standards, units and employees of
    /// `master` (its `penilaian` is ignored).
    pub fn baru(master: &Dataset, utas: usize, kapasitas_penilaian: usize) -> Result<Self> {
        let mut b = Pembangun::dengan_kapasitas(master.pegawai.len(), kapasitas_penilaian);
        b.utas(utas);
        let mut kompetensi = Peta::default();
        for k in &master.kompetensi {
            let kelompok = match k.kelompok {
                KELOMPOK_MANAJERIAL => KelompokKompetensi::Manajerial,
                KELOMPOK_SOSIAL_KULTURAL => KelompokKompetensi::SosialKultural,
                KELOMPOK_TEKNIS => KelompokKompetensi::Teknis,
                other => bail!("competency {}: unknown group {other}", k.id),
            };
            kompetensi.set(k.id, b.tambah_kompetensi(i64::from(k.id), kelompok));
        }
        // Standards are grouped by position in the file; positions without
        // lines get an empty standard (reported by the engine, no JPM).
        let mut jabatan = Peta::default();
        let mut items: Vec<ItemStandar> = Vec::new();
        let mut s = master.standar.iter().peekable();
        for j in &master.jabatan {
            items.clear();
            while let Some(line) = s.next_if(|line| line.jabatan == j.id) {
                items.push(ItemStandar {
                    kompetensi: kompetensi.get(line.kompetensi, "competency")?,
                    level: line.level,
                    bobot: u32::from(line.bobot),
                });
            }
            jabatan.set(j.id, b.tambah_jabatan(i64::from(j.id), None, &items));
        }
        if let Some(line) = s.next() {
            bail!(
                "standar.csv is not grouped in jabatan.csv order (position {})",
                line.jabatan
            );
        }
        let mut unit = Peta::default();
        for u in &master.unit {
            unit.set(u.id, b.tambah_unit(i64::from(u.id)));
        }
        let mut pegawai = Peta::default();
        for p in &master.pegawai {
            let j = p.jabatan.map(|j| jabatan.get(j, "position")).transpose()?;
            let i = b.tambah_pegawai(
                i64::from(p.id),
                unit.get(p.unit, "unit")?,
                j,
                StatusAsn::Pns,
                true,
            );
            pegawai.set(p.id, i);
        }
        Ok(Pemuat {
            b,
            pegawai,
            kompetensi,
        })
    }

    pub fn tambah(&mut self, n: &Penilaian) -> Result<()> {
        self.b.tambah_penilaian(
            self.pegawai.get(n.pegawai, "employee")?,
            self.kompetensi.get(n.kompetensi, "competency")?,
            n.level,
            n.tanggal + EPOCH_JULIAN,
            n.berlaku_sampai + EPOCH_JULIAN,
            i64::from(n.id),
        );
        Ok(())
    }

    pub fn selesai(self) -> Result<Data> {
        self.b.selesai().context("building the engine's data")
    }
}

/// Builds the engine's data from a whole in-memory data set.
pub fn bangun(d: &Dataset, utas: usize) -> Result<Data> {
    let mut m = Pemuat::baru(d, utas, d.penilaian.len())?;
    for n in &d.penilaian {
        m.tambah(n)?;
    }
    m.selesai()
}

pub fn tanggal(hari_ini: i32) -> Result<Date> {
    crate::data::ke_tanggal(hari_ini)
}

/// Per-employee JPM with the default settings: cap on, the standard's
/// weights, one pool (no group weighting).
pub fn jpm(data: &Data, hari_ini: Date) -> Result<Vec<RingkasPegawai>> {
    Ok(hitung_semua(
        data,
        Pilihan::Semua,
        hari_ini,
        &PengaturanJpm::default(),
        &SkalaKategori::pemetaan(),
    )?)
}

/// Heatmap with one row per unit (the employees' own units).
pub fn heatmap(data: &Data, hari_ini: Date) -> Result<PetaPanas> {
    let baris: Vec<u32> = (0..data.jumlah_unit()).collect();
    Ok(peta_panas(
        data,
        Pilihan::Semua,
        &baris,
        hari_ini,
        &PengaturanJpm::default(),
    )?)
}

fn id32(v: Option<i64>, apa: &str) -> Result<u32> {
    let v = v.with_context(|| format!("{apa} index out of range"))?;
    u32::try_from(v).with_context(|| format!("{apa} id {v} out of range"))
}

pub fn baris_jpm(data: &Data, hasil: &[RingkasPegawai]) -> Result<Vec<BarisJpm>> {
    hasil
        .iter()
        .map(|r| {
            Ok((
                id32(data.pegawai_id(r.pegawai), "employee")?,
                r.jpm.map(|j| (j.pembilang(), j.penyebut())),
            ))
        })
        .collect()
}

pub fn baris_sel(data: &Data, peta: &PetaPanas) -> Result<Vec<BarisSel>> {
    peta.sel
        .iter()
        .map(|c| {
            Ok((
                id32(data.unit_id(c.baris), "unit")?,
                id32(data.kompetensi_id(c.kompetensi), "competency")?,
                Sel {
                    wajib: c.wajib.into(),
                    dinilai: c.dinilai.into(),
                    memenuhi: c.memenuhi.into(),
                    jumlah_gap: c.jumlah_gap,
                    kedaluwarsa: c.kedaluwarsa.into(),
                    belum_dinilai: c.belum_dinilai.into(),
                },
            ))
        })
        .collect()
}
