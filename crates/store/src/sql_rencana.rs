//! SQL text, validation and rows of requested needs (usulan) and development
//! plans (rencana); the statements run in `impl_store!` (sql.rs).

use crate::sql::{corrupt, free_text, invalid, label};
use crate::{
    HasilRencana, KompetensiId, NewRencana, NewUsulan, PegawaiId, Penugasan, ProgramId, Rencana,
    RencanaId, StoreResult, TinjauanRencana, UnitId, Usulan, UsulanId, nama_lengkap,
};
use kompeten_domain::{Nip, StatusAsn, StatusRencana, StatusTinjauan, StatusUsulan, SumberUsulan};
use time::OffsetDateTime;

/// Years a plan or need may be for (the schema's CHECK).
pub(crate) const TAHUN: std::ops::RangeInclusive<i32> = 2000..=2100;

fn tahun(value: i32) -> StoreResult<i32> {
    if TAHUN.contains(&value) {
        Ok(value)
    } else {
        Err(invalid(format!("year {value} is outside 2000..=2100")))
    }
}

pub(crate) struct ValidUsulan {
    pub(crate) alasan: String,
    pub(crate) naik_level: i32,
    pub(crate) tahun: i32,
}

pub(crate) fn validate_usulan(new: &NewUsulan) -> StoreResult<ValidUsulan> {
    if !(1..=4).contains(&new.naik_level) {
        return Err(invalid(format!(
            "a need raises 1 to 4 levels, not {}",
            new.naik_level
        )));
    }
    let alasan = free_text("alasan", new.alasan.trim())?;
    if alasan.is_empty() {
        return Err(invalid("alasan must not be empty"));
    }
    Ok(ValidUsulan {
        alasan,
        naik_level: i32::from(new.naik_level),
        tahun: tahun(new.tahun)?,
    })
}

/// A decision's note: trimmed, blank becomes `None`.
pub(crate) fn catatan(value: Option<&str>) -> StoreResult<Option<String>> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => free_text("catatan", v).map(Some),
        None => Ok(None),
    }
}

pub(crate) struct ValidRencana {
    pub(crate) nama: String,
    pub(crate) tahun: i32,
    pub(crate) masalah: String,
    pub(crate) skenario: Option<String>,
}

fn hasil(h: &HasilRencana) -> StoreResult<()> {
    if !h.nilai.is_finite() || !h.batas.is_finite() || h.nilai < 0.0 {
        return Err(invalid("a plan's value and bound must be finite numbers"));
    }
    if h.biaya < 0 {
        return Err(invalid("a plan's cost must not be negative"));
    }
    Ok(())
}

pub(crate) fn validate_hasil(h: &HasilRencana) -> StoreResult<()> {
    hasil(h)
}

pub(crate) fn validate_rencana(new: &NewRencana) -> StoreResult<ValidRencana> {
    if new.anggaran < 0 {
        return Err(invalid("a plan's budget must not be negative"));
    }
    hasil(&new.hasil)?;
    let mut seen = std::collections::HashSet::new();
    for p in &new.penugasan {
        if !seen.insert((p.pegawai, p.program)) {
            return Err(invalid(format!(
                "employee {} takes program {} twice",
                p.pegawai, p.program
            )));
        }
    }
    Ok(ValidRencana {
        nama: label("nama rencana", &new.nama)?,
        tahun: tahun(new.tahun)?,
        masalah: new.masalah.to_string(),
        skenario: new.skenario.as_ref().map(ToString::to_string),
    })
}

// ---------------------------------------------------------------------------
// Needs (usulan).

/// The employee, their unit and OPD, the competency and the program; the
/// caller appends conditions and the order.
pub(crate) const USULAN_SELECT: &str = "SELECT s.id, s.pegawai_id, p.nip, p.status AS pegawai_status, p.nama, \
     p.gelar_depan, p.gelar_belakang, p.unit_id, u.nama AS unit_nama, u.opd_id, \
     o.nama AS opd_nama, s.tahun, s.kompetensi_id, k.kode AS kompetensi_kode, \
     k.nama AS kompetensi_nama, s.naik_level, s.program_id, g.kode AS program_kode, \
     g.judul AS program_judul, s.alasan, s.sumber, s.status, s.diajukan_oleh, s.diajukan_pada, \
     s.diputus_oleh, s.diputus_pada, s.catatan_putusan \
     FROM usulan_pengembangan s \
     JOIN pegawai p ON p.instansi_id = s.instansi_id AND p.id = s.pegawai_id \
     JOIN unit_kerja u ON u.instansi_id = p.instansi_id AND u.id = p.unit_id \
     JOIN unit_kerja o ON o.instansi_id = u.instansi_id AND o.id = u.opd_id \
     JOIN kompetensi k ON k.instansi_id = s.instansi_id AND k.id = s.kompetensi_id \
     LEFT JOIN program_pengembangan g ON g.instansi_id = s.instansi_id AND g.id = s.program_id \
     WHERE s.instansi_id = ";

#[derive(sqlx::FromRow)]
pub(crate) struct UsulanRow {
    id: i64,
    pegawai_id: i64,
    nip: String,
    pegawai_status: String,
    nama: String,
    gelar_depan: Option<String>,
    gelar_belakang: Option<String>,
    unit_id: i64,
    unit_nama: String,
    opd_id: i64,
    opd_nama: String,
    tahun: i32,
    kompetensi_id: i64,
    kompetensi_kode: String,
    kompetensi_nama: String,
    naik_level: i32,
    program_id: Option<i64>,
    program_kode: Option<String>,
    program_judul: Option<String>,
    alasan: String,
    sumber: String,
    status: String,
    diajukan_oleh: String,
    diajukan_pada: OffsetDateTime,
    diputus_oleh: Option<String>,
    diputus_pada: Option<OffsetDateTime>,
    catatan_putusan: Option<String>,
}

fn nip(text: &str, status: &str) -> StoreResult<Nip> {
    let status = kode("status", status, StatusAsn::from_code)?;
    Nip::parse(text, status).map_err(|e| corrupt(format!("NIP {text}: {e}")))
}

fn kode<T, E: std::fmt::Display>(
    kind: &str,
    value: &str,
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> StoreResult<T> {
    parse(value).map_err(|e| corrupt(format!("{kind} {value:?}: {e}")))
}

impl UsulanRow {
    pub(crate) fn into_usulan(self) -> StoreResult<Usulan> {
        Ok(Usulan {
            id: UsulanId(self.id),
            pegawai: PegawaiId(self.pegawai_id),
            nip: nip(&self.nip, &self.pegawai_status)?,
            nama_pegawai: nama_lengkap(
                &self.nama,
                self.gelar_depan.as_deref(),
                self.gelar_belakang.as_deref(),
            ),
            unit: UnitId(self.unit_id),
            unit_nama: self.unit_nama,
            opd: UnitId(self.opd_id),
            opd_nama: self.opd_nama,
            tahun: self.tahun,
            kompetensi: KompetensiId(self.kompetensi_id),
            kompetensi_kode: self.kompetensi_kode,
            kompetensi_nama: self.kompetensi_nama,
            naik_level: u8::try_from(self.naik_level)
                .map_err(|_| corrupt(format!("naik_level {}", self.naik_level)))?,
            program: self.program_id.map(ProgramId),
            program_kode: self.program_kode,
            program_judul: self.program_judul,
            alasan: self.alasan,
            sumber: kode("sumber usulan", &self.sumber, SumberUsulan::from_code)?,
            status: kode("status usulan", &self.status, StatusUsulan::from_code)?,
            diajukan_oleh: self.diajukan_oleh,
            diajukan_pada: self.diajukan_pada,
            diputus_oleh: self.diputus_oleh,
            diputus_pada: self.diputus_pada,
            catatan_putusan: self.catatan_putusan,
        })
    }
}

// ---------------------------------------------------------------------------
// Plans (rencana).

pub(crate) const RENCANA_SELECT: &str = "SELECT r.id, r.tahun, r.versi, r.nama, r.status, \
     r.anggaran, r.nilai, r.batas, r.biaya, r.revisi, r.basis_id, r.dibuat_oleh, r.dibuat_pada, \
     r.disetujui_oleh, r.disetujui_pada, \
     (SELECT COUNT(*) FROM rencana_penugasan t WHERE t.instansi_id = r.instansi_id \
      AND t.rencana_id = r.id) AS jumlah_penugasan \
     FROM rencana r WHERE r.instansi_id = ";

#[derive(sqlx::FromRow)]
pub(crate) struct RencanaRow {
    id: i64,
    tahun: i32,
    versi: i32,
    nama: String,
    status: String,
    anggaran: i64,
    nilai: f64,
    batas: f64,
    biaya: i64,
    revisi: i64,
    basis_id: Option<i64>,
    dibuat_oleh: String,
    dibuat_pada: OffsetDateTime,
    disetujui_oleh: Option<String>,
    disetujui_pada: Option<OffsetDateTime>,
    jumlah_penugasan: i64,
}

impl RencanaRow {
    pub(crate) fn id(&self) -> i64 {
        self.id
    }

    pub(crate) fn into_rencana(self, tinjauan: Vec<TinjauanRencana>) -> StoreResult<Rencana> {
        Ok(Rencana {
            id: RencanaId(self.id),
            tahun: self.tahun,
            versi: self.versi,
            nama: self.nama,
            status: kode("status rencana", &self.status, StatusRencana::from_code)?,
            anggaran: self.anggaran,
            hasil: HasilRencana {
                nilai: self.nilai,
                batas: self.batas,
                biaya: self.biaya,
            },
            revisi: self.revisi,
            basis: self.basis_id.map(RencanaId),
            jumlah_penugasan: u64::try_from(self.jumlah_penugasan).unwrap_or(0),
            dibuat_oleh: self.dibuat_oleh,
            dibuat_pada: self.dibuat_pada,
            disetujui_oleh: self.disetujui_oleh,
            disetujui_pada: self.disetujui_pada,
            tinjauan,
        })
    }
}

pub(crate) const TINJAUAN_SELECT: &str = "SELECT t.rencana_id, t.opd_id, o.nama AS opd_nama, \
     t.status, t.catatan, t.oleh, t.pada FROM rencana_tinjauan t \
     JOIN unit_kerja o ON o.instansi_id = t.instansi_id AND o.id = t.opd_id \
     WHERE t.instansi_id = ";

#[derive(sqlx::FromRow)]
pub(crate) struct TinjauanRow {
    pub(crate) rencana_id: i64,
    opd_id: i64,
    opd_nama: String,
    status: String,
    catatan: Option<String>,
    oleh: String,
    pada: OffsetDateTime,
}

impl TinjauanRow {
    pub(crate) fn into_tinjauan(self) -> StoreResult<TinjauanRencana> {
        Ok(TinjauanRencana {
            opd: UnitId(self.opd_id),
            opd_nama: self.opd_nama,
            status: kode("status tinjauan", &self.status, StatusTinjauan::from_code)?,
            catatan: self.catatan,
            oleh: self.oleh,
            pada: self.pada,
        })
    }
}

/// Assignments with the employee, unit, OPD and program; conditions follow.
pub(crate) const PENUGASAN_SELECT: &str = "SELECT t.pegawai_id, p.nip, p.status AS pegawai_status, p.nama, p.gelar_depan, \
     p.gelar_belakang, p.unit_id, u.nama AS unit_nama, u.opd_id, o.nama AS opd_nama, \
     t.program_id, g.kode AS program_kode, g.judul AS program_judul, t.manual \
     FROM rencana_penugasan t \
     JOIN pegawai p ON p.instansi_id = t.instansi_id AND p.id = t.pegawai_id \
     JOIN unit_kerja u ON u.instansi_id = p.instansi_id AND u.id = p.unit_id \
     JOIN unit_kerja o ON o.instansi_id = u.instansi_id AND o.id = u.opd_id \
     JOIN program_pengembangan g ON g.instansi_id = t.instansi_id AND g.id = t.program_id \
     WHERE t.instansi_id = ";

#[derive(sqlx::FromRow)]
pub(crate) struct PenugasanRow {
    pegawai_id: i64,
    nip: String,
    pegawai_status: String,
    nama: String,
    gelar_depan: Option<String>,
    gelar_belakang: Option<String>,
    unit_id: i64,
    unit_nama: String,
    opd_id: i64,
    opd_nama: String,
    program_id: i64,
    program_kode: String,
    program_judul: String,
    manual: bool,
}

impl PenugasanRow {
    pub(crate) fn into_penugasan(self) -> StoreResult<Penugasan> {
        Ok(Penugasan {
            pegawai: PegawaiId(self.pegawai_id),
            nip: nip(&self.nip, &self.pegawai_status)?,
            nama_pegawai: nama_lengkap(
                &self.nama,
                self.gelar_depan.as_deref(),
                self.gelar_belakang.as_deref(),
            ),
            unit: UnitId(self.unit_id),
            unit_nama: self.unit_nama,
            opd: UnitId(self.opd_id),
            opd_nama: self.opd_nama,
            program: ProgramId(self.program_id),
            program_kode: self.program_kode,
            program_judul: self.program_judul,
            manual: self.manual,
        })
    }
}
