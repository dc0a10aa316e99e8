//! The benchmark's data set in plain rows, and its CSV form.
//!
//! The same CSV files are read by the engine run, DuckDB and PostgreSQL, so
//! all three compute from identical data. Dates are whole days since
//! 1970-01-01 (an `INTEGER` in SQL), ids start at 1, an empty field is NULL,
//! and there is no header line.

use anyhow::{Context, Result, bail};
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::Path;
use time::Date;

/// Competency groups, as written in `kompetensi.csv`.
pub const KELOMPOK_MANAJERIAL: u8 = 0;
pub const KELOMPOK_SOSIAL_KULTURAL: u8 = 1;
pub const KELOMPOK_TEKNIS: u8 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kompetensi {
    pub id: u32,
    pub kelompok: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub id: u32,
    pub instansi: u32,
    /// The top-level unit (OPD) this unit belongs to; an OPD points to itself.
    pub opd: u32,
}

/// Position types, as written in `jabatan.csv`.
pub const JENIS: [&str; 5] = [
    "jpt",
    "administrator",
    "pengawas",
    "fungsional",
    "pelaksana",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Jabatan {
    pub id: u32,
    pub instansi: u32,
    /// Index into [`JENIS`].
    pub jenis: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standar {
    pub jabatan: u32,
    pub kompetensi: u32,
    pub level: u8,
    pub bobot: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pegawai {
    pub id: u32,
    pub instansi: u32,
    pub unit: u32,
    pub jabatan: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Penilaian {
    pub id: u32,
    pub pegawai: u32,
    pub kompetensi: u32,
    pub level: u8,
    pub tanggal: i32,
    pub berlaku_sampai: i32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dataset {
    /// The day the computation is "as of", in days since 1970-01-01.
    pub hari_ini: i32,
    pub kompetensi: Vec<Kompetensi>,
    pub unit: Vec<Unit>,
    pub jabatan: Vec<Jabatan>,
    pub standar: Vec<Standar>,
    pub pegawai: Vec<Pegawai>,
    pub penilaian: Vec<Penilaian>,
}

/// Julian day number of 1970-01-01.
const EPOCH_JULIAN: i32 = 2_440_588;

pub fn ke_tanggal(hari: i32) -> Result<Date> {
    Date::from_julian_day(hari + EPOCH_JULIAN).with_context(|| format!("day {hari} out of range"))
}

pub fn dari_tanggal(tanggal: Date) -> i32 {
    tanggal.to_julian_day() - EPOCH_JULIAN
}

pub const BERKAS: [&str; 6] = [
    "kompetensi.csv",
    "unit.csv",
    "jabatan.csv",
    "standar.csv",
    "pegawai.csv",
    "penilaian.csv",
];

/// Writes integers and commas without `format!`: 50 million rows.
struct Penulis {
    out: BufWriter<File>,
    buf: Vec<u8>,
}

impl Penulis {
    fn buat(path: &Path) -> Result<Self> {
        let file = File::create(path).with_context(|| format!("creating {}", path.display()))?;
        Ok(Penulis {
            out: BufWriter::with_capacity(1 << 20, file),
            buf: Vec::with_capacity(128),
        })
    }

    fn baris(&mut self, fields: &[Option<i64>]) -> Result<()> {
        self.buf.clear();
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                self.buf.push(b',');
            }
            if let Some(v) = f {
                tulis_int(&mut self.buf, *v);
            }
        }
        self.buf.push(b'\n');
        self.out.write_all(&self.buf)?;
        Ok(())
    }

    fn selesai(mut self) -> Result<()> {
        self.out.flush()?;
        Ok(())
    }
}

fn tulis_int(buf: &mut Vec<u8>, v: i64) {
    if v < 0 {
        buf.push(b'-');
    }
    let mut n = v.unsigned_abs();
    let mut tmp = [0u8; 20];
    let mut i = tmp.len();
    loop {
        i -= 1;
        tmp[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf.extend_from_slice(&tmp[i..]);
}

/// Writes every table of `data` into `dir` (which must exist).
pub fn tulis(data: &Dataset, dir: &Path) -> Result<()> {
    let mut w = Penulis::buat(&dir.join("kompetensi.csv"))?;
    for k in &data.kompetensi {
        w.baris(&[Some(k.id.into()), Some(k.kelompok.into())])?;
    }
    w.selesai()?;
    let mut w = Penulis::buat(&dir.join("unit.csv"))?;
    for u in &data.unit {
        w.baris(&[
            Some(u.id.into()),
            Some(u.instansi.into()),
            Some(u.opd.into()),
        ])?;
    }
    w.selesai()?;
    let mut w = Penulis::buat(&dir.join("jabatan.csv"))?;
    for j in &data.jabatan {
        w.baris(&[
            Some(j.id.into()),
            Some(j.instansi.into()),
            Some(j.jenis.into()),
        ])?;
    }
    w.selesai()?;
    let mut w = Penulis::buat(&dir.join("standar.csv"))?;
    for s in &data.standar {
        w.baris(&[
            Some(s.jabatan.into()),
            Some(s.kompetensi.into()),
            Some(s.level.into()),
            Some(s.bobot.into()),
        ])?;
    }
    w.selesai()?;
    let mut w = Penulis::buat(&dir.join("pegawai.csv"))?;
    for p in &data.pegawai {
        w.baris(&[
            Some(p.id.into()),
            Some(p.instansi.into()),
            Some(p.unit.into()),
            p.jabatan.map(i64::from),
        ])?;
    }
    w.selesai()?;
    let mut w = Penulis::buat(&dir.join("penilaian.csv"))?;
    for n in &data.penilaian {
        w.baris(&[
            Some(n.id.into()),
            Some(n.pegawai.into()),
            Some(n.kompetensi.into()),
            Some(n.level.into()),
            Some(n.tanggal.into()),
            Some(n.berlaku_sampai.into()),
        ])?;
    }
    w.selesai()?;
    std::fs::write(dir.join("hari_ini.txt"), format!("{}\n", data.hari_ini))?;
    Ok(())
}

/// Calls `f` with the fields of every line of a headerless CSV of integers.
/// `N` is the number of columns; an empty field is `None`.
pub fn baca<const N: usize>(
    path: &Path,
    mut f: impl FnMut([Option<i64>; N]) -> Result<()>,
) -> Result<u64> {
    let file = File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let mut line = Vec::with_capacity(128);
    let mut nomor = 0u64;
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        nomor += 1;
        let isi = line.strip_suffix(b"\n").unwrap_or(&line);
        let isi = isi.strip_suffix(b"\r").unwrap_or(isi);
        let mut fields = [None; N];
        let mut kolom = 0usize;
        for part in isi.split(|b| *b == b',') {
            if kolom >= N {
                bail!("{}:{nomor}: more than {N} fields", path.display());
            }
            fields[kolom] = parse_int(part)
                .with_context(|| format!("{}:{nomor}: field {}", path.display(), kolom + 1))?;
            kolom += 1;
        }
        if kolom != N {
            bail!("{}:{nomor}: {kolom} fields, expected {N}", path.display());
        }
        f(fields).with_context(|| format!("{}:{nomor}", path.display()))?;
    }
    Ok(nomor)
}

fn parse_int(s: &[u8]) -> Result<Option<i64>> {
    if s.is_empty() {
        return Ok(None);
    }
    let (neg, digits) = match s.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, s),
    };
    if digits.is_empty() || digits.len() > 18 {
        bail!("not an integer: {:?}", String::from_utf8_lossy(s));
    }
    let mut v: i64 = 0;
    for b in digits {
        if !b.is_ascii_digit() {
            bail!("not an integer: {:?}", String::from_utf8_lossy(s));
        }
        v = v * 10 + i64::from(b - b'0');
    }
    Ok(Some(if neg { -v } else { v }))
}

pub fn wajib(v: Option<i64>, nama: &str) -> Result<i64> {
    v.with_context(|| format!("{nama} is empty"))
}

pub fn u32_dari(v: Option<i64>, nama: &str) -> Result<u32> {
    let v = wajib(v, nama)?;
    u32::try_from(v).with_context(|| format!("{nama} = {v} out of range"))
}

pub fn u8_dari(v: Option<i64>, nama: &str) -> Result<u8> {
    let v = wajib(v, nama)?;
    u8::try_from(v).with_context(|| format!("{nama} = {v} out of range"))
}

pub fn i32_dari(v: Option<i64>, nama: &str) -> Result<i32> {
    let v = wajib(v, nama)?;
    i32::try_from(v).with_context(|| format!("{nama} = {v} out of range"))
}

pub fn baca_hari_ini(dir: &Path) -> Result<i32> {
    let path = dir.join("hari_ini.txt");
    let s =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    s.trim()
        .parse()
        .with_context(|| format!("{}: not a day number", path.display()))
}

/// Reads the small tables (everything but `penilaian.csv`) into `data`.
pub fn baca_master(dir: &Path, data: &mut Dataset) -> Result<()> {
    data.hari_ini = baca_hari_ini(dir)?;
    baca::<2>(&dir.join("kompetensi.csv"), |[id, kelompok]| {
        data.kompetensi.push(Kompetensi {
            id: u32_dari(id, "id")?,
            kelompok: u8_dari(kelompok, "kelompok")?,
        });
        Ok(())
    })?;
    baca::<3>(&dir.join("unit.csv"), |[id, instansi, opd]| {
        data.unit.push(Unit {
            id: u32_dari(id, "id")?,
            instansi: u32_dari(instansi, "instansi")?,
            opd: u32_dari(opd, "opd")?,
        });
        Ok(())
    })?;
    baca::<3>(&dir.join("jabatan.csv"), |[id, instansi, jenis]| {
        data.jabatan.push(Jabatan {
            id: u32_dari(id, "id")?,
            instansi: u32_dari(instansi, "instansi")?,
            jenis: u8_dari(jenis, "jenis")?,
        });
        Ok(())
    })?;
    baca::<4>(
        &dir.join("standar.csv"),
        |[jabatan, kompetensi, level, bobot]| {
            data.standar.push(Standar {
                jabatan: u32_dari(jabatan, "jabatan")?,
                kompetensi: u32_dari(kompetensi, "kompetensi")?,
                level: u8_dari(level, "level")?,
                bobot: u8_dari(bobot, "bobot")?,
            });
            Ok(())
        },
    )?;
    baca::<4>(&dir.join("pegawai.csv"), |[id, instansi, unit, jabatan]| {
        data.pegawai.push(Pegawai {
            id: u32_dari(id, "id")?,
            instansi: u32_dari(instansi, "instansi")?,
            unit: u32_dari(unit, "unit")?,
            jabatan: jabatan.map(|j| u32_dari(Some(j), "jabatan")).transpose()?,
        });
        Ok(())
    })?;
    Ok(())
}

/// Streams `penilaian.csv` row by row (it is the big one).
pub fn baca_penilaian(dir: &Path, mut f: impl FnMut(Penilaian) -> Result<()>) -> Result<u64> {
    baca::<6>(
        &dir.join("penilaian.csv"),
        |[id, pegawai, kompetensi, level, tanggal, berlaku]| {
            f(Penilaian {
                id: u32_dari(id, "id")?,
                pegawai: u32_dari(pegawai, "pegawai")?,
                kompetensi: u32_dari(kompetensi, "kompetensi")?,
                level: u8_dari(level, "level")?,
                tanggal: i32_dari(tanggal, "tanggal")?,
                berlaku_sampai: i32_dari(berlaku, "berlaku_sampai")?,
            })
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_round_trip_and_bad_fields_are_errors() {
        for v in [0i64, 7, -3, 20_000, i64::from(u32::MAX)] {
            let mut buf = Vec::new();
            tulis_int(&mut buf, v);
            assert_eq!(parse_int(&buf).expect("parses"), Some(v));
        }
        assert_eq!(parse_int(b"").expect("empty"), None);
        assert!(parse_int(b"1x").is_err());
        assert!(parse_int(b"-").is_err());
    }

    #[test]
    fn days_convert_to_dates_and_back() {
        let d = ke_tanggal(0).expect("epoch");
        assert_eq!(d, time::macros::date!(1970 - 01 - 01));
        assert_eq!(dari_tanggal(time::macros::date!(2026 - 07 - 01)), 20_635);
    }
}
