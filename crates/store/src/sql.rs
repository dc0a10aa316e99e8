//! The one SQL implementation of [`Store`](crate::Store), shared by both backends.
//!
//! Everything that does not touch a connection lives here as ordinary code:
//! validation, SQL text with `$n` placeholders (both SQLite and PostgreSQL
//! accept them), row types and their conversion into records, and the mapping
//! of database errors. The [`impl_store!`] macro then writes the trait
//! implementation once per pool type; `sqlite.rs` and `postgres.rs` keep only
//! what differs (connecting, pragmas, migrations).

use crate::{
    Account, Actor, Acuan, AuditEntry, Instansi, InstansiId, Jabatan, JabatanRow, Kompetensi,
    KompetensiId, LevelKompetensi, Lingkup, NewAccount, NewJabatan, NewKompetensi, NewPegawai,
    NewPenilaian, NewSession, NewUnit, Pegawai, PegawaiId, PegawaiRow, Penilaian, PerubahanPegawai,
    Session, Skp, StandarEntry, StandarItem, StoreError, StoreResult, Unit, UnitId, nama_lengkap,
};
use kompeten_domain::{
    Golongan, JenisJabatan, JenisUnit, JenjangFungsional, KelompokKompetensi, Level,
    MetodePenilaian, Nip, Pendidikan, PredikatKinerja, Role, StatusAsn, TingkatJabatan,
};
use sqlx::error::ErrorKind;
use std::collections::{HashMap, HashSet};
use std::fmt::{Display, Write as _};
use time::{Date, OffsetDateTime, UtcOffset};

/// Bind parameters per statement for multi-row inserts: below SQLite's 32,766
/// and PostgreSQL's 65,535, and small enough to keep statements cheap.
const PARAMS_PER_STATEMENT: usize = 4_000;

/// Largest page a search may ask for.
pub(crate) const MAX_PER_HALAMAN: u32 = 1_000;

// ---------------------------------------------------------------------------
// SQL text with positional parameters.

/// A value bound to a `$n` placeholder.
#[derive(Debug, Clone)]
pub(crate) enum Param {
    I64(i64),
    OptI64(Option<i64>),
    I32(i32),
    OptI32(Option<i32>),
    Text(String),
    OptText(Option<String>),
    Bool(bool),
    Date(Date),
    Timestamp(OffsetDateTime),
}

macro_rules! param_from {
    ($($t:ty => $v:ident),+ $(,)?) => {$(
        impl From<$t> for Param {
            fn from(value: $t) -> Self {
                Param::$v(value)
            }
        }
    )+};
}
param_from!(
    i64 => I64,
    Option<i64> => OptI64,
    i32 => I32,
    Option<i32> => OptI32,
    String => Text,
    Option<String> => OptText,
    bool => Bool,
    Date => Date,
    OffsetDateTime => Timestamp,
);

impl From<&str> for Param {
    fn from(value: &str) -> Self {
        Param::Text(value.to_owned())
    }
}

impl From<InstansiId> for Param {
    fn from(value: InstansiId) -> Self {
        Param::I64(value.0)
    }
}

/// A statement being built: text with `$1`, `$2`, ... and the values in order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Sql {
    pub(crate) text: String,
    pub(crate) params: Vec<Param>,
}

impl Sql {
    pub(crate) fn new(text: &str) -> Self {
        Sql {
            text: text.to_owned(),
            params: Vec::new(),
        }
    }

    pub(crate) fn push(&mut self, text: &str) -> &mut Self {
        self.text.push_str(text);
        self
    }

    /// Appends a placeholder for `value`.
    pub(crate) fn bind(&mut self, value: impl Into<Param>) -> &mut Self {
        self.params.push(value.into());
        // Writing to a String cannot fail.
        let _ = write!(self.text, "${}", self.params.len());
        self
    }

    /// Appends `(v1, v2, ...)`: one row of a multi-row VALUES list.
    pub(crate) fn tuple(&mut self, values: Vec<Param>) -> &mut Self {
        self.text.push('(');
        for (n, value) in values.into_iter().enumerate() {
            if n > 0 {
                self.text.push_str(", ");
            }
            self.bind(value);
        }
        self.text.push(')');
        self
    }

    /// Appends `(v1, v2, ...)` for an `IN` list.
    pub(crate) fn in_list<T: Into<Param> + Copy>(&mut self, values: &[T]) -> &mut Self {
        self.tuple(values.iter().map(|v| (*v).into()).collect())
    }
}

/// The text of `sql` with its `$1`, `$2`, ... written as plain `?`, or `None`
/// when the placeholders are not exactly `$1..$n` in order (then the text
/// must run as it is). SQLite looks a `$n` name up with a linear search, so
/// a statement with thousands of them takes quadratic time; `?` does not.
pub(crate) fn positional_placeholders(sql: &Sql) -> Option<String> {
    let mut out = String::with_capacity(sql.text.len());
    let mut rest = sql.text.as_str();
    let mut seen = 0usize;
    // `find` and slices rather than a char loop: this runs for every batch statement.
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let digits = after
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(after.len());
        let number: usize = after[..digits].parse().ok()?;
        seen += 1;
        if number != seen {
            return None;
        }
        out.push('?');
        rest = &after[digits..];
    }
    out.push_str(rest);
    (seen == sql.params.len()).then_some(out)
}

/// Rows per multi-row statement with `params_per_row` values each.
pub(crate) fn rows_per_statement(params_per_row: usize) -> usize {
    (PARAMS_PER_STATEMENT / params_per_row.max(1)).max(1)
}

// ---------------------------------------------------------------------------
// Errors.

/// A value in the database that no record can be made of.
pub(crate) fn corrupt(what: impl Display) -> StoreError {
    StoreError::Database(sqlx::Error::Decode(
        format!("stored data is not valid: {what}").into(),
    ))
}

/// Maps a failed write: unique keys to `Conflict`, broken references and
/// checks to `Invalid`, anything else to `Database`.
pub(crate) fn write_error(
    error: sqlx::Error,
    conflict: impl FnOnce() -> String,
    invalid: impl FnOnce() -> String,
) -> StoreError {
    let Some(db) = error.as_database_error() else {
        return StoreError::Database(error);
    };
    match db.kind() {
        ErrorKind::UniqueViolation => StoreError::Conflict(conflict()),
        ErrorKind::ForeignKeyViolation
        | ErrorKind::CheckViolation
        | ErrorKind::NotNullViolation => {
            StoreError::Invalid(format!("{} ({})", invalid(), db.message()))
        }
        _ => StoreError::Database(error),
    }
}

/// `write_error` for statements that should never clash.
pub(crate) fn plain_write_error(error: sqlx::Error) -> StoreError {
    write_error(
        error,
        || "a record with the same key already exists".to_owned(),
        || "the data breaks a rule of the database".to_owned(),
    )
}

pub(crate) fn invalid(message: impl Into<String>) -> StoreError {
    StoreError::Invalid(message.into())
}

// ---------------------------------------------------------------------------
// Validation of input text.

/// A required name or code: trimmed, not blank, no control characters.
pub(crate) fn label(field: &str, value: &str) -> StoreResult<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(invalid(format!("{field} must not be empty")));
    }
    if value.chars().any(char::is_control) {
        return Err(invalid(format!(
            "{field} must not contain control characters"
        )));
    }
    Ok(value.to_owned())
}

/// An optional short text (a title, a field): trimmed, blank becomes `None`.
pub(crate) fn optional_label(field: &str, value: Option<&str>) -> StoreResult<Option<String>> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => label(field, v).map(Some),
        None => Ok(None),
    }
}

/// Free text (a definition, evidence notes): anything but NUL, which
/// PostgreSQL cannot store.
pub(crate) fn free_text(field: &str, value: &str) -> StoreResult<String> {
    if value.contains('\0') {
        return Err(invalid(format!("{field} must not contain NUL characters")));
    }
    Ok(value.to_owned())
}

/// Timestamps are stored in UTC at whole seconds: SQLite keeps them as text,
/// and fixed-width text compares in time order.
pub(crate) fn stamp(t: OffsetDateTime) -> StoreResult<OffsetDateTime> {
    let utc = t
        .checked_to_offset(UtcOffset::UTC)
        .filter(|u| (1..=9999).contains(&u.year()))
        .ok_or_else(|| invalid(format!("timestamp {t} is out of range")))?;
    Ok(utc.truncate_to_second())
}

/// The current time, for audit entries and `dicatat_pada`.
pub(crate) fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc().truncate_to_second()
}

/// `%text%` for LIKE with `!` as the escape character, so that `%` and `_`
/// typed by a user match themselves.
pub(crate) fn like_anywhere(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('%');
    for c in text.chars() {
        if matches!(c, '%' | '_' | '!') {
            out.push('!');
        }
        out.push(c);
    }
    out.push('%');
    out
}

// ---------------------------------------------------------------------------
// Unit tree: ids path and sort key.

/// `"/12/34/"` for the unit 34 below 12.
pub(crate) fn jalur_anak(jalur_induk: &str, id: i64) -> String {
    format!("{jalur_induk}{id}/")
}

pub(crate) fn parse_jalur(jalur: &str) -> StoreResult<Vec<UnitId>> {
    jalur
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<i64>()
                .map(UnitId)
                .map_err(|_| corrupt(format!("unit path {jalur:?}")))
        })
        .collect()
}

/// One component of a unit's sort key. The key of a unit is its parent's key
/// followed by this, so sorting by key gives tree order: a parent's key is a
/// prefix of its children's. Siblings with a position (`urut`) come first,
/// by it: their component starts with `\u{1}`, which sorts below any
/// character a name may hold. The rest, and equal positions, compare by
/// lower-cased name (so "Dinas A" comes before "Dinas A B"), then by id.
/// Keys written before positions existed are those without one.
pub(crate) fn urutan_anak(urutan_induk: &str, urut: Option<u32>, nama: &str, id: i64) -> String {
    let nama = nama.to_lowercase();
    match urut {
        Some(n) => format!("{urutan_induk}\u{1}{n:010}\u{1}{nama}\u{1}{id:020}\u{1}"),
        None => format!("{urutan_induk}{nama}\u{1}{id:020}\u{1}"),
    }
}

/// `CASE` expression ranking a jabatan type column in the regulation's order.
pub(crate) fn jenis_jabatan_rank(column: &str) -> String {
    let mut out = format!("CASE {column}");
    for (rank, jenis) in JenisJabatan::ALL.iter().enumerate() {
        out.push_str(&format!(" WHEN '{}' THEN {rank}", jenis.code()));
    }
    out.push_str(" ELSE 99 END");
    out
}

/// Sort key for competency codes: digit runs compare as numbers, so "M.2"
/// comes before "M.10".
pub(crate) fn kode_key(kode: &str) -> Vec<(bool, String)> {
    let mut parts: Vec<(bool, String)> = Vec::new();
    for c in kode.chars() {
        let digit = c.is_ascii_digit();
        match parts.last_mut() {
            Some((d, s)) if *d == digit => s.push(c),
            _ => parts.push((digit, c.to_string())),
        }
    }
    parts
        .into_iter()
        .map(|(digit, s)| {
            if digit {
                // Width first, then text: numeric order without overflow.
                let trimmed = s.trim_start_matches('0');
                (true, format!("{:>40}", trimmed))
            } else {
                (false, s.to_lowercase())
            }
        })
        .collect()
}

fn kelompok_rank(k: KelompokKompetensi) -> usize {
    KelompokKompetensi::ALL
        .iter()
        .position(|x| *x == k)
        .unwrap_or(usize::MAX)
}

/// Dictionary order: group (manajerial, sosial kultural, teknis), then code.
pub(crate) fn dictionary_order(
    kelompok: KelompokKompetensi,
    kode: &str,
) -> (usize, Vec<(bool, String)>) {
    (kelompok_rank(kelompok), kode_key(kode))
}

// ---------------------------------------------------------------------------
// Scopes.

/// Which employees a personal query may touch, resolved from a [`Lingkup`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Scope {
    All,
    /// Employees of units whose path starts with this prefix.
    Subtree(String),
    One(i64),
    Nothing,
}

impl Scope {
    /// Appends the condition on the employee alias `p` (joined to nothing else).
    pub(crate) fn pegawai_condition(&self, sql: &mut Sql, instansi: InstansiId) {
        match self {
            Scope::All => {}
            Scope::Subtree(prefix) => {
                sql.push(
                    " AND p.unit_id IN (SELECT su.id FROM unit_kerja su WHERE su.instansi_id = ",
                )
                .bind(instansi)
                .push(" AND su.jalur LIKE ")
                .bind(format!("{prefix}%"))
                .push(")");
            }
            Scope::One(id) => {
                sql.push(" AND p.id = ").bind(*id);
            }
            Scope::Nothing => {
                sql.push(" AND 1 = 0");
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Validation of whole records.

pub(crate) struct ValidUnit {
    pub(crate) induk: Option<i64>,
    pub(crate) kode: String,
    pub(crate) nama: String,
    pub(crate) jenis: &'static str,
    pub(crate) urut: Option<u32>,
}

pub(crate) fn validate_unit(new: &NewUnit) -> StoreResult<ValidUnit> {
    Ok(ValidUnit {
        induk: new.induk.map(|u| u.0),
        kode: label("unit kode", &new.kode)?,
        nama: label("unit nama", &new.nama)?,
        jenis: new.jenis.code(),
        urut: new.urut,
    })
}

pub(crate) struct ValidJabatan {
    pub(crate) kode: String,
    pub(crate) nama: String,
    pub(crate) jenis: &'static str,
    pub(crate) jenjang: Option<&'static str>,
    pub(crate) unit: i64,
    pub(crate) kelas: Option<i32>,
}

pub(crate) fn validate_jabatan(new: &NewJabatan) -> StoreResult<ValidJabatan> {
    let kelas = match new.kelas {
        Some(k @ 1..=17) => Some(i32::from(k)),
        Some(k) => return Err(invalid(format!("kelas jabatan must be 1 to 17, got {k}"))),
        None => None,
    };
    Ok(ValidJabatan {
        kode: label("jabatan kode", &new.kode)?,
        nama: label("jabatan nama", &new.nama)?,
        jenis: new.tingkat.jenis().code(),
        jenjang: new.tingkat.jenjang().map(JenjangFungsional::code),
        unit: new.unit.0,
        kelas,
    })
}

pub(crate) struct ValidKompetensi {
    pub(crate) kode: String,
    pub(crate) kelompok: &'static str,
    pub(crate) bidang: Option<String>,
    pub(crate) nama: String,
    pub(crate) definisi: String,
    /// (level, deskripsi, indicators as JSON)
    pub(crate) level: Vec<(i32, String, String)>,
}

pub(crate) fn validate_kompetensi(new: &NewKompetensi) -> StoreResult<ValidKompetensi> {
    let kode = label("kompetensi kode", &new.kode)?;
    if new.level.len() != Level::ALL.len() {
        return Err(invalid(format!(
            "kompetensi {kode} needs exactly 5 levels (1 to 5), got {}",
            new.level.len()
        )));
    }
    let mut level = Vec::with_capacity(5);
    for (expected, given) in Level::ALL.iter().zip(&new.level) {
        if given.level != *expected {
            return Err(invalid(format!(
                "kompetensi {kode}: levels must be 1 to 5 in order, found {} where {} belongs",
                given.level, expected
            )));
        }
        let mut indikator = Vec::with_capacity(given.indikator.len());
        for text in &given.indikator {
            indikator.push(free_text("indikator", text)?);
        }
        let json = serde_json::to_string(&indikator)
            .map_err(|e| invalid(format!("indikator cannot be stored: {e}")))?;
        level.push((
            i32::from(given.level.get()),
            free_text("level deskripsi", &given.deskripsi)?,
            json,
        ));
    }
    Ok(ValidKompetensi {
        kelompok: new.kelompok.code(),
        bidang: optional_label("kompetensi bidang", new.bidang.as_deref())?,
        nama: label("kompetensi nama", &new.nama)?,
        definisi: free_text("kompetensi definisi", &new.definisi)?,
        level,
        kode,
    })
}

/// (kompetensi, level, bobot) per line, refusing duplicates and zero weights.
pub(crate) fn validate_standar(items: &[StandarItem]) -> StoreResult<Vec<(i64, i32, i32)>> {
    let mut seen = HashSet::new();
    items
        .iter()
        .map(|item| {
            if !seen.insert(item.kompetensi) {
                return Err(invalid(format!(
                    "kompetensi {} appears twice in the standard",
                    item.kompetensi
                )));
            }
            let bobot = i32::try_from(item.bobot)
                .ok()
                .filter(|b| *b >= 1)
                .ok_or_else(|| invalid(format!("bobot must be at least 1, got {}", item.bobot)))?;
            Ok((item.kompetensi.0, i32::from(item.level.get()), bobot))
        })
        .collect()
}

/// Validates a batch of employees; refuses a NIP given twice. Returns the
/// rows and each NIP's index in the batch.
pub(crate) fn validate_pegawai_batch(
    i: InstansiId,
    batch: &[NewPegawai],
) -> StoreResult<(Vec<ValidPegawai>, HashMap<String, usize>)> {
    let mut rows = Vec::with_capacity(batch.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (n, new) in batch.iter().enumerate() {
        let row = validate_pegawai(i, n, new)?;
        if let Some(first) = seen.insert(row.nip.clone(), n) {
            return Err(StoreError::Conflict(format!(
                "NIP {} appears twice in the batch (rows {} and {})",
                new.nip,
                first + 1,
                n + 1
            )));
        }
        rows.push(row);
    }
    Ok((rows, seen))
}

/// The id an import row points at: a stored record's, or the one an earlier
/// row of the same import received (`baru`, in row order).
pub(crate) fn acuan_id<T>(
    acuan: Acuan<T>,
    baru: &[i64],
    apa: &str,
    id: impl Fn(T) -> i64,
) -> StoreResult<i64> {
    match acuan {
        Acuan::Ada(t) => Ok(id(t)),
        Acuan::Baru(n) => baru.get(n).copied().ok_or_else(|| {
            invalid(format!(
                "{apa} row {} of the import does not come before the rows that refer to it",
                n + 1
            ))
        }),
    }
}

pub(crate) struct ValidPegawai {
    pub(crate) nip: String,
    pub(crate) row: Vec<Param>,
    pub(crate) unit: i64,
    pub(crate) jabatan: Option<i64>,
}

/// Columns written by [`pegawai_values`], after `instansi_id`.
pub(crate) const PEGAWAI_COLUMNS: &str = "instansi_id, nip, nama, gelar_depan, gelar_belakang, \
     status, golongan, jabatan_id, unit_id, pendidikan, jenis_kelamin, tanggal_lahir, aktif";
pub(crate) const PEGAWAI_PARAMS: usize = 13;

pub(crate) fn validate_pegawai(
    instansi: InstansiId,
    row: usize,
    new: &NewPegawai,
) -> StoreResult<ValidPegawai> {
    let at = |m: String| invalid(format!("row {} (NIP {}): {m}", row + 1, new.nip));
    if new.golongan.status() != new.nip.status() {
        return Err(at(format!(
            "golongan {} is for {}, but the NIP is a {} number",
            new.golongan.code(),
            new.golongan.status().label(),
            new.nip.status().label()
        )));
    }
    let nama = label("nama", &new.nama).map_err(|e| at(e.to_string()))?;
    let gelar_depan =
        optional_label("gelar depan", new.gelar_depan.as_deref()).map_err(|e| at(e.to_string()))?;
    let gelar_belakang = optional_label("gelar belakang", new.gelar_belakang.as_deref())
        .map_err(|e| at(e.to_string()))?;
    let nip = new.nip.as_str().to_owned();
    let params = vec![
        Param::from(instansi),
        Param::from(nip.clone()),
        Param::from(nama),
        Param::from(gelar_depan),
        Param::from(gelar_belakang),
        Param::from(new.nip.status().code()),
        Param::from(new.golongan.code()),
        Param::from(new.jabatan.map(|j| j.0)),
        Param::from(new.unit.0),
        Param::from(new.pendidikan.code()),
        Param::from(new.nip.jenis_kelamin().code()),
        Param::from(new.nip.tanggal_lahir()),
        Param::from(new.aktif),
    ];
    Ok(ValidPegawai {
        nip,
        row: params,
        unit: new.unit.0,
        jabatan: new.jabatan.map(|j| j.0),
    })
}

pub(crate) struct ValidPerubahan {
    pub(crate) nama: String,
    pub(crate) gelar_depan: Option<String>,
    pub(crate) gelar_belakang: Option<String>,
    pub(crate) golongan: &'static str,
    pub(crate) jabatan: Option<i64>,
    pub(crate) unit: i64,
    pub(crate) pendidikan: &'static str,
    pub(crate) aktif: bool,
}

/// Checks an edit of an employee whose NIP (and so status) is `nip`.
pub(crate) fn validate_perubahan(nip: &Nip, u: &PerubahanPegawai) -> StoreResult<ValidPerubahan> {
    if u.golongan.status() != nip.status() {
        return Err(invalid(format!(
            "NIP {nip}: golongan {} is for {}, but the NIP is a {} number",
            u.golongan.code(),
            u.golongan.status().label(),
            nip.status().label()
        )));
    }
    Ok(ValidPerubahan {
        nama: label("nama", &u.nama)?,
        gelar_depan: optional_label("gelar depan", u.gelar_depan.as_deref())?,
        gelar_belakang: optional_label("gelar belakang", u.gelar_belakang.as_deref())?,
        golongan: u.golongan.code(),
        jabatan: u.jabatan.map(|j| j.0),
        unit: u.unit.0,
        pendidikan: u.pendidikan.code(),
        aktif: u.aktif,
    })
}

/// The audit detail of an employee edit: the NIP and, for each field that
/// changed, its value before and after.
pub(crate) fn perubahan_detail(before: &Pegawai, after: &ValidPerubahan) -> serde_json::Value {
    use serde_json::{Map, Value, json};
    let pairs: [(&str, Value, Value); 8] = [
        ("nama", json!(before.nama), json!(after.nama)),
        (
            "gelar_depan",
            json!(before.gelar_depan),
            json!(after.gelar_depan),
        ),
        (
            "gelar_belakang",
            json!(before.gelar_belakang),
            json!(after.gelar_belakang),
        ),
        (
            "golongan",
            json!(before.golongan.code()),
            json!(after.golongan),
        ),
        (
            "jabatan_id",
            json!(before.jabatan.map(|j| j.0)),
            json!(after.jabatan),
        ),
        ("unit_id", json!(before.unit.0), json!(after.unit)),
        (
            "pendidikan",
            json!(before.pendidikan.code()),
            json!(after.pendidikan),
        ),
        ("aktif", json!(before.aktif), json!(after.aktif)),
    ];
    let mut sebelum = Map::new();
    let mut sesudah = Map::new();
    for (field, old, new) in pairs {
        if old != new {
            sebelum.insert(field.to_owned(), old);
            sesudah.insert(field.to_owned(), new);
        }
    }
    json!({ "nip": before.nip.as_str(), "sebelum": sebelum, "sesudah": sesudah })
}

pub(crate) const PENILAIAN_COLUMNS: &str = "instansi_id, pegawai_id, kompetensi_id, level, metode, \
     tanggal, berlaku_sampai, asesor, catatan_bukti, dicatat_pada";
pub(crate) const PENILAIAN_PARAMS: usize = 10;

pub(crate) fn validate_penilaian(
    instansi: InstansiId,
    row: usize,
    new: &NewPenilaian,
    dicatat_pada: OffsetDateTime,
) -> StoreResult<Vec<Param>> {
    let at = |m: String| invalid(format!("row {}: {m}", row + 1));
    if new.berlaku_sampai < new.tanggal {
        return Err(at(format!(
            "berlaku_sampai {} is before the assessment date {}",
            new.berlaku_sampai, new.tanggal
        )));
    }
    let asesor = free_text("asesor", &new.asesor).map_err(|e| at(e.to_string()))?;
    let catatan = free_text("catatan bukti", &new.catatan_bukti).map_err(|e| at(e.to_string()))?;
    Ok(vec![
        Param::from(instansi),
        Param::from(new.pegawai.0),
        Param::from(new.kompetensi.0),
        Param::from(i32::from(new.level.get())),
        Param::from(new.metode.code()),
        Param::from(new.tanggal),
        Param::from(new.berlaku_sampai),
        Param::from(asesor.trim().to_owned()),
        Param::from(catatan),
        Param::from(dicatat_pada),
    ])
}

/// SKP ratings with duplicates of one (employee, year) collapsed, the last winning.
pub(crate) fn validate_skp(batch: &[Skp]) -> StoreResult<Vec<Skp>> {
    let mut position: HashMap<(PegawaiId, i32), usize> = HashMap::new();
    let mut out: Vec<Skp> = Vec::new();
    for (row, skp) in batch.iter().enumerate() {
        if !(1900..=2200).contains(&skp.tahun) {
            return Err(invalid(format!(
                "row {}: SKP year {} is out of range 1900 to 2200",
                row + 1,
                skp.tahun
            )));
        }
        match position.get(&(skp.pegawai, skp.tahun)) {
            Some(&n) => out[n] = *skp,
            None => {
                position.insert((skp.pegawai, skp.tahun), out.len());
                out.push(*skp);
            }
        }
    }
    Ok(out)
}

pub(crate) struct ValidAccount {
    pub(crate) username: String,
    pub(crate) nama_tampilan: String,
    pub(crate) password_hash: String,
    pub(crate) role: &'static str,
    pub(crate) unit: Option<i64>,
    pub(crate) pegawai: Option<i64>,
    pub(crate) mitra: Option<i64>,
    pub(crate) wajib_ganti_sandi: bool,
}

pub(crate) fn validate_account(new: &NewAccount) -> StoreResult<ValidAccount> {
    let username = label("username", &new.username)?;
    if username.chars().any(char::is_whitespace) {
        return Err(invalid("username must not contain spaces"));
    }
    if new.password_hash.trim().is_empty() {
        return Err(invalid("password hash must not be empty"));
    }
    if new.role == Role::PimpinanOpd && new.unit.is_none() {
        return Err(invalid("a pimpinan OPD account needs the unit it leads"));
    }
    if new.role == Role::Pegawai && new.pegawai.is_none() {
        return Err(invalid("a pegawai account needs its employee record"));
    }
    // A partner's account acts for its partner alone; other roles act for
    // the instansi, so a partner on them would mean nothing.
    if new.role == Role::Mitra && new.mitra.is_none() {
        return Err(invalid("a mitra account needs its partner institution"));
    }
    if new.role != Role::Mitra && new.mitra.is_some() {
        return Err(invalid(
            "only a mitra account is linked to a partner institution",
        ));
    }
    Ok(ValidAccount {
        nama_tampilan: label("nama tampilan", &new.nama_tampilan)?,
        password_hash: free_text("password hash", &new.password_hash)?,
        role: new.role.code(),
        unit: new.unit.map(|u| u.0),
        pegawai: new.pegawai.map(|p| p.0),
        mitra: new.mitra.map(|m| m.0),
        wajib_ganti_sandi: new.wajib_ganti_sandi,
        username,
    })
}

pub(crate) struct ValidSession {
    pub(crate) token_hash: String,
    pub(crate) csrf_token: String,
    pub(crate) expires_at: OffsetDateTime,
}

pub(crate) fn validate_session(new: &NewSession) -> StoreResult<ValidSession> {
    Ok(ValidSession {
        token_hash: label("session token hash", &new.token_hash)?,
        csrf_token: label("CSRF token", &new.csrf_token)?,
        expires_at: stamp(new.expires_at)?,
    })
}

/// A settings key: not empty, no spaces around it, no control characters.
/// Keys are not trimmed: " a" and "a" would otherwise name one setting.
pub(crate) fn kunci_pengaturan(kunci: &str) -> StoreResult<&str> {
    if kunci.trim().is_empty() {
        return Err(invalid("pengaturan kunci must not be empty"));
    }
    if kunci.trim() != kunci {
        return Err(invalid(format!(
            "pengaturan kunci {kunci:?} must not start or end with spaces"
        )));
    }
    if kunci.chars().any(char::is_control) {
        return Err(invalid(format!(
            "pengaturan kunci {kunci:?} must not contain control characters"
        )));
    }
    Ok(kunci)
}

/// Checks the page request of a search: pages are 1-based and bounded.
pub(crate) fn validate_page(halaman: u32, per_halaman: u32) -> StoreResult<(i64, i64)> {
    if halaman == 0 {
        return Err(invalid("halaman starts at 1"));
    }
    if per_halaman == 0 || per_halaman > MAX_PER_HALAMAN {
        return Err(invalid(format!(
            "per_halaman must be 1 to {MAX_PER_HALAMAN}, got {per_halaman}"
        )));
    }
    let offset = (i64::from(halaman) - 1) * i64::from(per_halaman);
    Ok((i64::from(per_halaman), offset))
}

// ---------------------------------------------------------------------------
// The audit entry a change writes.

pub(crate) struct Audit {
    pub(crate) action: &'static str,
    pub(crate) entity: &'static str,
    pub(crate) entity_id: Option<i64>,
    pub(crate) detail: serde_json::Value,
}

/// Whether a change of `entity` alters data the analytics read, and so must
/// raise the instansi's `revisi_data`. Accounts and sessions do not: a login
/// or logout must not throw away the analytics cache. Anything else does, so
/// that a new kind of data is never left out of the revision by mistake.
pub(crate) fn ubah_data_analitik(entity: &str) -> bool {
    !matches!(entity, "akun" | "sesi" | "instansi" | "rencana")
}

/// Raises the data revision of an instansi. On PostgreSQL the UPDATE locks
/// the instansi row until commit, so revisions follow commit order (the ids
/// of audit_log do not: sequence values are taken before commit, and a
/// transaction can commit after one that took a later value).
pub(crate) const REVISI_NAIK: &str =
    "UPDATE instansi SET revisi_data = revisi_data + 1 WHERE id = $1";

pub(crate) const AUDIT_INSERT: &str = "INSERT INTO audit_log \
     (instansi_id, at, actor_account_id, actor_label, action, entity, entity_id, detail) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

/// Parameters of [`AUDIT_INSERT`].
pub(crate) fn audit_params(instansi: InstansiId, actor: &Actor, audit: Audit) -> Sql {
    Sql {
        text: AUDIT_INSERT.to_owned(),
        params: vec![
            Param::from(instansi),
            Param::from(now()),
            Param::from(actor.account.map(|a| a.0)),
            Param::from(actor.label.clone()),
            Param::from(audit.action),
            Param::from(audit.entity),
            Param::from(audit.entity_id),
            Param::from(audit.detail.to_string()),
        ],
    }
}

// ---------------------------------------------------------------------------
// Rows as read, and the records made of them.

fn code<T, E: Display>(
    kind: &str,
    value: &str,
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> StoreResult<T> {
    parse(value).map_err(|e| corrupt(format!("{kind} {value:?}: {e}")))
}

fn level(value: i32) -> StoreResult<Level> {
    Level::new(i64::from(value)).map_err(corrupt)
}

fn count(value: i64) -> u64 {
    u64::try_from(value).unwrap_or(0)
}

#[derive(sqlx::FromRow)]
pub(crate) struct InstansiRow {
    id: i64,
    kode: String,
    nama: String,
}

impl From<InstansiRow> for Instansi {
    fn from(r: InstansiRow) -> Self {
        Instansi {
            id: InstansiId(r.id),
            kode: r.kode,
            nama: r.nama,
        }
    }
}

pub(crate) const UNIT_SELECT: &str =
    "SELECT u.id, u.induk_id, u.kode, u.nama, u.jenis, u.jalur FROM unit_kerja u";

#[derive(sqlx::FromRow)]
pub(crate) struct UnitRow {
    id: i64,
    induk_id: Option<i64>,
    kode: String,
    nama: String,
    jenis: String,
    jalur: String,
}

impl UnitRow {
    pub(crate) fn into_unit(self) -> StoreResult<Unit> {
        Ok(Unit {
            id: UnitId(self.id),
            induk: self.induk_id.map(UnitId),
            jenis: code("jenis unit", &self.jenis, JenisUnit::from_code)?,
            jalur: parse_jalur(&self.jalur)?,
            kode: self.kode,
            nama: self.nama,
        })
    }
}

/// The parent's columns a new unit derives its own from.
#[derive(sqlx::FromRow)]
pub(crate) struct UnitInduk {
    pub(crate) jalur: String,
    pub(crate) urutan: String,
    pub(crate) opd_id: Option<i64>,
}

pub(crate) const JABATAN_SELECT: &str =
    "SELECT j.id, j.kode, j.nama, j.jenis, j.jenjang, j.unit_id, j.kelas FROM jabatan j";

#[derive(sqlx::FromRow)]
pub(crate) struct JabatanDbRow {
    id: i64,
    kode: String,
    nama: String,
    jenis: String,
    jenjang: Option<String>,
    unit_id: i64,
    kelas: Option<i32>,
}

fn tingkat(jenis: &str, jenjang: Option<&str>) -> StoreResult<TingkatJabatan> {
    let jenis = code("jenis jabatan", jenis, JenisJabatan::from_code)?;
    let jenjang = jenjang
        .map(|j| code("jenjang", j, JenjangFungsional::from_code))
        .transpose()?;
    TingkatJabatan::new(jenis, jenjang).map_err(corrupt)
}

impl JabatanDbRow {
    pub(crate) fn into_jabatan(self) -> StoreResult<Jabatan> {
        Ok(Jabatan {
            id: crate::JabatanId(self.id),
            tingkat: tingkat(&self.jenis, self.jenjang.as_deref())?,
            unit: UnitId(self.unit_id),
            kelas: self
                .kelas
                .map(|k| u8::try_from(k).map_err(|_| corrupt(format!("kelas {k}"))))
                .transpose()?,
            kode: self.kode,
            nama: self.nama,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct JabatanListRow {
    #[sqlx(flatten)]
    jabatan: JabatanDbRow,
    unit_nama: String,
    jumlah_pegawai: i64,
    jumlah_standar: i64,
}

impl JabatanListRow {
    pub(crate) fn into_row(self) -> StoreResult<JabatanRow> {
        Ok(JabatanRow {
            jabatan: self.jabatan.into_jabatan()?,
            unit_nama: self.unit_nama,
            jumlah_pegawai: count(self.jumlah_pegawai),
            jumlah_standar: count(self.jumlah_standar),
        })
    }
}

pub(crate) const KOMPETENSI_SELECT: &str =
    "SELECT k.id, k.kode, k.kelompok, k.bidang, k.nama, k.definisi FROM kompetensi k";
pub(crate) const KOMPETENSI_LEVEL_SELECT: &str =
    "SELECT l.kompetensi_id, l.level, l.deskripsi, l.indikator FROM kompetensi_level l";

#[derive(sqlx::FromRow)]
pub(crate) struct KompetensiDbRow {
    id: i64,
    kode: String,
    kelompok: String,
    bidang: Option<String>,
    nama: String,
    definisi: String,
}

#[derive(sqlx::FromRow)]
pub(crate) struct KompetensiLevelRow {
    kompetensi_id: i64,
    level: i32,
    deskripsi: String,
    indikator: String,
}

/// Joins competencies with their levels and puts them in dictionary order.
pub(crate) fn assemble_kompetensi(
    rows: Vec<KompetensiDbRow>,
    levels: Vec<KompetensiLevelRow>,
) -> StoreResult<Vec<Kompetensi>> {
    let mut by_id: HashMap<i64, Vec<LevelKompetensi>> = HashMap::new();
    for l in levels {
        let indikator: Vec<String> = serde_json::from_str(&l.indikator)
            .map_err(|e| corrupt(format!("indikator of kompetensi {}: {e}", l.kompetensi_id)))?;
        by_id
            .entry(l.kompetensi_id)
            .or_default()
            .push(LevelKompetensi {
                level: level(l.level)?,
                deskripsi: l.deskripsi,
                indikator,
            });
    }
    let mut out = rows
        .into_iter()
        .map(|r| {
            let mut level = by_id.remove(&r.id).unwrap_or_default();
            level.sort_by_key(|l| l.level);
            Ok(Kompetensi {
                id: KompetensiId(r.id),
                kelompok: code("kelompok", &r.kelompok, KelompokKompetensi::from_code)?,
                kode: r.kode,
                bidang: r.bidang,
                nama: r.nama,
                definisi: r.definisi,
                level,
            })
        })
        .collect::<StoreResult<Vec<_>>>()?;
    out.sort_by_cached_key(|k| (dictionary_order(k.kelompok, &k.kode), k.id));
    Ok(out)
}

pub(crate) const STANDAR_SELECT: &str = "SELECT s.kompetensi_id, k.kode, k.nama, k.kelompok, \
     s.level, s.bobot FROM standar_kompetensi s JOIN kompetensi k \
     ON k.instansi_id = s.instansi_id AND k.id = s.kompetensi_id \
     WHERE s.instansi_id = $1 AND s.jabatan_id = $2";

#[derive(sqlx::FromRow)]
pub(crate) struct StandarRow {
    kompetensi_id: i64,
    kode: String,
    nama: String,
    kelompok: String,
    level: i32,
    bobot: i32,
}

pub(crate) fn assemble_standar(rows: Vec<StandarRow>) -> StoreResult<Vec<StandarEntry>> {
    let mut out = rows
        .into_iter()
        .map(|r| {
            Ok(StandarEntry {
                kompetensi: KompetensiId(r.kompetensi_id),
                kelompok: code("kelompok", &r.kelompok, KelompokKompetensi::from_code)?,
                level: level(r.level)?,
                bobot: u32::try_from(r.bobot).map_err(|_| corrupt(format!("bobot {}", r.bobot)))?,
                kode: r.kode,
                nama: r.nama,
            })
        })
        .collect::<StoreResult<Vec<_>>>()?;
    out.sort_by_cached_key(|s| (dictionary_order(s.kelompok, &s.kode), s.kompetensi));
    Ok(out)
}

pub(crate) const PEGAWAI_SELECT: &str = "SELECT p.id, p.nip, p.nama, p.gelar_depan, \
     p.gelar_belakang, p.status, p.golongan, p.jabatan_id, p.unit_id, p.pendidikan, p.aktif \
     FROM pegawai p";

#[derive(sqlx::FromRow)]
pub(crate) struct PegawaiDbRow {
    id: i64,
    nip: String,
    nama: String,
    gelar_depan: Option<String>,
    gelar_belakang: Option<String>,
    status: String,
    golongan: String,
    jabatan_id: Option<i64>,
    unit_id: i64,
    pendidikan: String,
    aktif: bool,
}

fn nip_golongan(nip: &str, status: &str, golongan: &str) -> StoreResult<(Nip, Golongan)> {
    let status = code("status", status, StatusAsn::from_code)?;
    let nip = Nip::parse(nip, status).map_err(|e| corrupt(format!("NIP {nip}: {e}")))?;
    let golongan = Golongan::parse(status, golongan).map_err(corrupt)?;
    Ok((nip, golongan))
}

impl PegawaiDbRow {
    pub(crate) fn into_pegawai(self) -> StoreResult<Pegawai> {
        let (nip, golongan) = nip_golongan(&self.nip, &self.status, &self.golongan)?;
        Ok(Pegawai {
            id: PegawaiId(self.id),
            status: nip.status(),
            jenis_kelamin: nip.jenis_kelamin(),
            tanggal_lahir: nip.tanggal_lahir(),
            nip,
            nama: self.nama,
            gelar_depan: self.gelar_depan,
            gelar_belakang: self.gelar_belakang,
            golongan,
            jabatan: self.jabatan_id.map(crate::JabatanId),
            unit: UnitId(self.unit_id),
            pendidikan: code("pendidikan", &self.pendidikan, Pendidikan::from_code)?,
            aktif: self.aktif,
        })
    }
}

/// FROM and JOINs of an employee search; conditions follow.
pub(crate) const PEGAWAI_SEARCH_FROM: &str = " FROM pegawai p \
     JOIN unit_kerja u ON u.instansi_id = p.instansi_id AND u.id = p.unit_id \
     JOIN unit_kerja o ON o.instansi_id = u.instansi_id AND o.id = u.opd_id \
     LEFT JOIN jabatan j ON j.instansi_id = p.instansi_id AND j.id = p.jabatan_id \
     WHERE p.instansi_id = ";

pub(crate) const PEGAWAI_SEARCH_COLUMNS: &str = "SELECT p.id, p.nip, p.nama, p.gelar_depan, \
     p.gelar_belakang, p.status, p.golongan, p.jabatan_id, j.nama AS jabatan_nama, \
     j.jenis AS jabatan_jenis, j.jenjang AS jabatan_jenjang, p.unit_id, u.nama AS unit_nama, \
     o.nama AS opd_nama, p.pendidikan, p.aktif";

#[derive(sqlx::FromRow)]
pub(crate) struct PegawaiSearchRow {
    id: i64,
    nip: String,
    nama: String,
    gelar_depan: Option<String>,
    gelar_belakang: Option<String>,
    status: String,
    golongan: String,
    jabatan_id: Option<i64>,
    jabatan_nama: Option<String>,
    jabatan_jenis: Option<String>,
    jabatan_jenjang: Option<String>,
    unit_id: i64,
    unit_nama: String,
    opd_nama: String,
    pendidikan: String,
    aktif: bool,
}

impl PegawaiSearchRow {
    pub(crate) fn into_row(self) -> StoreResult<PegawaiRow> {
        let (nip, golongan) = nip_golongan(&self.nip, &self.status, &self.golongan)?;
        let tingkat = self
            .jabatan_jenis
            .as_deref()
            .map(|jenis| tingkat(jenis, self.jabatan_jenjang.as_deref()))
            .transpose()?;
        Ok(PegawaiRow {
            id: PegawaiId(self.id),
            nama_lengkap: nama_lengkap(
                &self.nama,
                self.gelar_depan.as_deref(),
                self.gelar_belakang.as_deref(),
            ),
            pendidikan: code("pendidikan", &self.pendidikan, Pendidikan::from_code)?,
            nama: self.nama,
            gelar_depan: self.gelar_depan,
            gelar_belakang: self.gelar_belakang,
            status: nip.status(),
            nip,
            golongan,
            jabatan: self.jabatan_id.map(crate::JabatanId),
            jabatan_nama: self.jabatan_nama,
            tingkat,
            unit: UnitId(self.unit_id),
            unit_nama: self.unit_nama,
            opd_nama: self.opd_nama,
            aktif: self.aktif,
        })
    }
}

pub(crate) const PENILAIAN_SELECT: &str = "SELECT n.id, n.pegawai_id, n.kompetensi_id, \
     k.kode AS kompetensi_kode, k.nama AS kompetensi_nama, k.kelompok, n.level, n.metode, \
     n.tanggal, n.berlaku_sampai, n.asesor, n.catatan_bukti \
     FROM penilaian n JOIN kompetensi k ON k.instansi_id = n.instansi_id AND k.id = n.kompetensi_id \
     WHERE n.instansi_id = $1 AND n.pegawai_id = $2 \
     ORDER BY n.tanggal DESC, n.id DESC";

#[derive(sqlx::FromRow)]
pub(crate) struct PenilaianRow {
    id: i64,
    pegawai_id: i64,
    kompetensi_id: i64,
    kompetensi_kode: String,
    kompetensi_nama: String,
    kelompok: String,
    level: i32,
    metode: String,
    tanggal: Date,
    berlaku_sampai: Date,
    asesor: String,
    catatan_bukti: String,
}

impl PenilaianRow {
    pub(crate) fn into_penilaian(self) -> StoreResult<Penilaian> {
        Ok(Penilaian {
            id: crate::PenilaianId(self.id),
            pegawai: PegawaiId(self.pegawai_id),
            kompetensi: KompetensiId(self.kompetensi_id),
            kompetensi_kode: self.kompetensi_kode,
            kompetensi_nama: self.kompetensi_nama,
            kelompok: code("kelompok", &self.kelompok, KelompokKompetensi::from_code)?,
            level: level(self.level)?,
            metode: code("metode", &self.metode, MetodePenilaian::from_code)?,
            tanggal: self.tanggal,
            berlaku_sampai: self.berlaku_sampai,
            asesor: self.asesor,
            catatan_bukti: self.catatan_bukti,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct SkpRow {
    pegawai_id: i64,
    tahun: i32,
    predikat: String,
}

impl SkpRow {
    pub(crate) fn into_skp(self) -> StoreResult<Skp> {
        Ok(Skp {
            pegawai: PegawaiId(self.pegawai_id),
            tahun: self.tahun,
            predikat: code("predikat", &self.predikat, PredikatKinerja::from_code)?,
        })
    }
}

pub(crate) const ACCOUNT_SELECT: &str = "SELECT a.id, a.instansi_id, a.username, \
     a.nama_tampilan, a.password_hash, a.role, a.unit_id, a.pegawai_id, a.mitra_id, a.aktif, \
     a.wajib_ganti_sandi FROM akun a";

#[derive(sqlx::FromRow)]
pub(crate) struct AccountRow {
    id: i64,
    instansi_id: i64,
    username: String,
    nama_tampilan: String,
    password_hash: String,
    role: String,
    unit_id: Option<i64>,
    pegawai_id: Option<i64>,
    mitra_id: Option<i64>,
    aktif: bool,
    wajib_ganti_sandi: bool,
}

impl AccountRow {
    pub(crate) fn into_account(self) -> StoreResult<Account> {
        Ok(Account {
            id: crate::AccountId(self.id),
            instansi: InstansiId(self.instansi_id),
            role: code("role", &self.role, Role::from_code)?,
            username: self.username,
            nama_tampilan: self.nama_tampilan,
            password_hash: self.password_hash,
            unit: self.unit_id.map(UnitId),
            pegawai: self.pegawai_id.map(PegawaiId),
            mitra: self.mitra_id.map(crate::MitraId),
            aktif: self.aktif,
            wajib_ganti_sandi: self.wajib_ganti_sandi,
        })
    }
}

pub(crate) const SESSION_SELECT: &str = "SELECT a.id, a.instansi_id, a.username, \
     a.nama_tampilan, a.password_hash, a.role, a.unit_id, a.pegawai_id, a.mitra_id, a.aktif, \
     a.wajib_ganti_sandi, s.csrf_token, s.expires_at \
     FROM sesi s JOIN akun a ON a.instansi_id = s.instansi_id AND a.id = s.akun_id \
     WHERE s.instansi_id = $1 AND s.token_hash = $2 AND s.expires_at > $3 AND a.aktif";

#[derive(sqlx::FromRow)]
pub(crate) struct SessionRow {
    #[sqlx(flatten)]
    account: AccountRow,
    csrf_token: String,
    expires_at: OffsetDateTime,
}

impl SessionRow {
    pub(crate) fn into_session(self) -> StoreResult<Session> {
        Ok(Session {
            account: self.account.into_account()?,
            csrf_token: self.csrf_token,
            expires_at: self.expires_at,
        })
    }
}

pub(crate) const AUDIT_SELECT: &str = "SELECT id, at, actor_account_id, actor_label, action, \
     entity, entity_id, detail FROM audit_log WHERE instansi_id = $1 ORDER BY id DESC LIMIT $2";

#[derive(sqlx::FromRow)]
pub(crate) struct AuditRow {
    id: i64,
    at: OffsetDateTime,
    actor_account_id: Option<i64>,
    actor_label: String,
    action: String,
    entity: String,
    entity_id: Option<i64>,
    detail: String,
}

impl AuditRow {
    pub(crate) fn into_entry(self) -> StoreResult<AuditEntry> {
        Ok(AuditEntry {
            id: self.id,
            at: self.at,
            actor_account: self.actor_account_id.map(crate::AccountId),
            actor_label: self.actor_label,
            action: self.action,
            entity: self.entity,
            entity_id: self.entity_id,
            detail: serde_json::from_str(&self.detail)
                .map_err(|e| corrupt(format!("audit detail {}: {e}", self.id)))?,
        })
    }
}

/// Counts of the pegawai part of a summary.
#[derive(sqlx::FromRow)]
pub(crate) struct PegawaiCounts {
    pub(crate) aktif: i64,
    pub(crate) pns: i64,
    pub(crate) pppk: i64,
    pub(crate) tanpa_jabatan: i64,
}

#[derive(sqlx::FromRow)]
pub(crate) struct PenilaianCounts {
    pub(crate) total: i64,
    pub(crate) berlaku: i64,
}

#[derive(sqlx::FromRow)]
pub(crate) struct UnitCounts {
    pub(crate) opd: i64,
    pub(crate) unit: i64,
}

#[derive(sqlx::FromRow)]
pub(crate) struct JabatanCounts {
    pub(crate) jabatan: i64,
    pub(crate) dengan_standar: i64,
}

pub(crate) fn to_u64(value: i64) -> u64 {
    count(value)
}

/// The unit condition of structural counts: the whole instansi or a subtree.
pub(crate) fn unit_condition(sql: &mut Sql, alias: &str, subtree: Option<&str>) {
    if let Some(prefix) = subtree {
        sql.push(&format!(" AND {alias}.jalur LIKE "))
            .bind(format!("{prefix}%"));
    }
}

/// Reads the pieces of a lingkup that need no database: everything but a unit.
pub(crate) fn lingkup_without_unit(lingkup: Lingkup) -> Option<Scope> {
    match lingkup {
        Lingkup::Instansi => Some(Scope::All),
        Lingkup::Pegawai(p) => Some(Scope::One(p.0)),
        Lingkup::Kosong => Some(Scope::Nothing),
        Lingkup::Unit(_) => None,
    }
}

// ---------------------------------------------------------------------------
// Analytics rows.

/// Read in this order so that every row refers only to rows read after it
/// (nothing referenced is ever deleted): a write between the statements can
/// add rows nobody refers to yet, never a dangling reference.
///
/// Assessments come one row per employee, packed as `id,kompetensi,level,
/// tanggal,berlaku_sampai` joined by `;` (string_agg is in both SQLite ≥ 3.44
/// and PostgreSQL): ten times fewer rows to hand over from the driver. The
/// order within an employee is made in Rust (an ORDER BY inside the
/// aggregate costs SQLite a sort per group).
pub(crate) const ANALITIK_PENILAIAN: &str = "SELECT pegawai_id, string_agg(CAST(id AS TEXT) || ',' || \
     CAST(kompetensi_id AS TEXT) || ',' || CAST(level AS TEXT) || ',' || CAST(tanggal AS TEXT) || ',' || \
     CAST(berlaku_sampai AS TEXT), ';') \
     FROM penilaian WHERE instansi_id = $1 GROUP BY pegawai_id ORDER BY pegawai_id";
pub(crate) const ANALITIK_PEGAWAI: &str = "SELECT id, unit_id, jabatan_id, status, aktif \
     FROM pegawai WHERE instansi_id = $1 ORDER BY id";
/// One row per position, its standard packed as `kompetensi,level,bobot`
/// joined by `;` (NULL without a standard).
pub(crate) const ANALITIK_JABATAN: &str = "SELECT j.id, j.jenis, j.jenjang, \
     string_agg(CAST(s.kompetensi_id AS TEXT) || ',' || CAST(s.level AS TEXT) || ',' || \
     CAST(s.bobot AS TEXT), ';') FROM jabatan j \
     LEFT JOIN standar_kompetensi s ON s.instansi_id = j.instansi_id AND s.jabatan_id = j.id \
     WHERE j.instansi_id = $1 GROUP BY j.id, j.jenis, j.jenjang ORDER BY j.id";
pub(crate) const ANALITIK_KOMPETENSI: &str =
    "SELECT id, kode, nama, kelompok FROM kompetensi WHERE instansi_id = $1 ORDER BY id";
pub(crate) const ANALITIK_UNIT: &str =
    "SELECT id FROM unit_kerja WHERE instansi_id = $1 ORDER BY id";

pub(crate) type PenilaianAnalitikRow = (i64, String);
pub(crate) type PegawaiAnalitikRow = (i64, i64, Option<i64>, String, bool);
pub(crate) type JabatanAnalitikRow = (i64, String, Option<String>, Option<String>);
pub(crate) type KompetensiAnalitikRow = (i64, String, String, String);

/// "2025-03-10" (what both databases write for a date cast to text).
fn tanggal_iso(text: &str) -> StoreResult<Date> {
    let bad = || corrupt(format!("date {text:?}"));
    let mut parts = text.splitn(3, '-');
    let mut next = || parts.next().ok_or_else(bad);
    let (y, m, d) = (next()?, next()?, next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let y: i32 = y.parse().map_err(|_| bad())?;
    let m: u8 = m.parse().map_err(|_| bad())?;
    let d: u8 = d.parse().map_err(|_| bad())?;
    let m = time::Month::try_from(m).map_err(|_| bad())?;
    Date::from_calendar_date(y, m, d).map_err(|_| bad())
}

pub(crate) fn penilaian_analitik(
    rows: Vec<PenilaianAnalitikRow>,
) -> StoreResult<Vec<crate::PenilaianAnalitik>> {
    let mut out = Vec::with_capacity(rows.iter().map(|(_, r)| r.len() / 32 + 1).sum());
    for (pegawai, packed) in rows {
        let awal = out.len();
        for item in packed.split(';') {
            let bad = || corrupt(format!("assessment row {item:?}"));
            let mut f = item.split(',');
            let mut next = || f.next().ok_or_else(bad);
            let id: i64 = next()?.parse().map_err(|_| bad())?;
            let kompetensi: i64 = next()?.parse().map_err(|_| bad())?;
            let l: i32 = next()?.parse().map_err(|_| bad())?;
            let tanggal = tanggal_iso(next()?)?;
            let berlaku_sampai = tanggal_iso(next()?)?;
            out.push(crate::PenilaianAnalitik {
                id: crate::PenilaianId(id),
                pegawai: PegawaiId(pegawai),
                kompetensi: KompetensiId(kompetensi),
                level: level(l)?,
                tanggal,
                berlaku_sampai,
            });
        }
        let mine = &mut out[awal..];
        let key =
            |r: &crate::PenilaianAnalitik| (r.kompetensi, std::cmp::Reverse((r.tanggal, r.id)));
        if !mine.is_sorted_by_key(key) {
            mine.sort_unstable_by_key(key);
        }
    }
    Ok(out)
}

pub(crate) fn pegawai_analitik(
    rows: Vec<PegawaiAnalitikRow>,
) -> StoreResult<Vec<crate::PegawaiAnalitik>> {
    rows.into_iter()
        .map(|(id, unit, jabatan, status, aktif)| {
            Ok(crate::PegawaiAnalitik {
                id: PegawaiId(id),
                unit: UnitId(unit),
                jabatan: jabatan.map(crate::JabatanId),
                status: code("status", &status, StatusAsn::from_code)?,
                aktif,
            })
        })
        .collect()
}

pub(crate) fn jabatan_analitik(
    rows: Vec<JabatanAnalitikRow>,
) -> StoreResult<Vec<crate::JabatanAnalitik>> {
    rows.into_iter()
        .map(|(id, jenis, jenjang, packed)| {
            let mut standar = Vec::new();
            for item in packed
                .as_deref()
                .unwrap_or("")
                .split(';')
                .filter(|i| !i.is_empty())
            {
                let bad = || corrupt(format!("standard line {item:?} of jabatan {id}"));
                let mut f = item.split(',');
                let mut next = || f.next().ok_or_else(bad);
                let kompetensi: i64 = next()?.parse().map_err(|_| bad())?;
                let l: i32 = next()?.parse().map_err(|_| bad())?;
                let bobot: u32 = next()?.parse().map_err(|_| bad())?;
                standar.push(StandarItem {
                    kompetensi: KompetensiId(kompetensi),
                    level: level(l)?,
                    bobot,
                });
            }
            standar.sort_unstable_by_key(|l| l.kompetensi);
            Ok(crate::JabatanAnalitik {
                id: crate::JabatanId(id),
                tingkat: tingkat(&jenis, jenjang.as_deref())?,
                standar,
            })
        })
        .collect()
}

pub(crate) fn kompetensi_analitik(
    rows: Vec<KompetensiAnalitikRow>,
) -> StoreResult<Vec<crate::KompetensiAnalitik>> {
    rows.into_iter()
        .map(|(id, kode, nama, kelompok)| {
            Ok(crate::KompetensiAnalitik {
                id: KompetensiId(id),
                kode,
                nama,
                kelompok: code("kelompok", &kelompok, KelompokKompetensi::from_code)?,
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Partners (mitra) and the catalog of development programs.

/// An optional e-mail address: trimmed, one `@`, no spaces.
fn optional_email(field: &str, value: Option<&str>) -> StoreResult<Option<String>> {
    let Some(email) = optional_label(field, value)? else {
        return Ok(None);
    };
    let parts: Vec<&str> = email.split('@').collect();
    if parts.len() != 2
        || parts.iter().any(|p| p.is_empty())
        || email.chars().any(char::is_whitespace)
    {
        return Err(invalid(format!(
            "{field} {email:?} is not an e-mail address"
        )));
    }
    Ok(Some(email))
}

/// A partner as it will be stored: trimmed, blanks as `None`, dates in order.
pub(crate) fn validate_mitra(new: &crate::NewMitra) -> StoreResult<crate::NewMitra> {
    let kode = label("mitra kode", &new.kode)?;
    let at = |e: StoreError| match e {
        StoreError::Invalid(m) => invalid(format!("mitra {kode}: {m}")),
        other => other,
    };
    let mut kontak = Vec::with_capacity(new.kontak.len());
    for (n, k) in new.kontak.iter().enumerate() {
        let field = |f: &str| format!("contact {} {f}", n + 1);
        kontak.push(crate::KontakMitra {
            nama: label(&field("nama"), &k.nama).map_err(at)?,
            jabatan: optional_label(&field("jabatan"), k.jabatan.as_deref()).map_err(at)?,
            email: optional_email(&field("email"), k.email.as_deref()).map_err(at)?,
            telepon: optional_label(&field("telepon"), k.telepon.as_deref()).map_err(at)?,
        });
    }
    let mut kerja_sama: Vec<crate::KerjaSama> = Vec::with_capacity(new.kerja_sama.len());
    for (n, k) in new.kerja_sama.iter().enumerate() {
        let nomor = label(&format!("agreement {} nomor", n + 1), &k.nomor).map_err(at)?;
        if kerja_sama.iter().any(|other| other.nomor == nomor) {
            return Err(at(invalid(format!(
                "agreement nomor {nomor} appears twice"
            ))));
        }
        if k.tanggal_berakhir < k.tanggal_mulai {
            return Err(at(invalid(format!(
                "agreement {nomor} ends on {} before it starts on {}",
                k.tanggal_berakhir, k.tanggal_mulai
            ))));
        }
        kerja_sama.push(crate::KerjaSama {
            jenis: k.jenis,
            ruang_lingkup: free_text("agreement ruang lingkup", k.ruang_lingkup.trim())
                .map_err(at)?,
            tanggal_mulai: k.tanggal_mulai,
            tanggal_berakhir: k.tanggal_berakhir,
            nomor,
        });
    }
    Ok(crate::NewMitra {
        nama: label("mitra nama", &new.nama).map_err(at)?,
        jenis: new.jenis,
        alamat: optional_label("alamat", new.alamat.as_deref()).map_err(at)?,
        kota: optional_label("kota", new.kota.as_deref()).map_err(at)?,
        website: optional_label("website", new.website.as_deref()).map_err(at)?,
        kontak,
        kerja_sama,
        kode,
    })
}

/// A program as it will be stored, with its numbers in database types.
pub(crate) struct ValidProgram {
    /// Trimmed; competencies by id, position types in the regulation's
    /// order and units by id, without duplicates.
    pub(crate) data: crate::NewProgram,
    pub(crate) jp: i32,
    pub(crate) biaya_per_peserta: i64,
    pub(crate) biaya_per_angkatan: Option<i64>,
    pub(crate) ukuran_angkatan: Option<i32>,
    pub(crate) maks_angkatan: Option<i32>,
    pub(crate) jadwal_mulai: Option<Date>,
    pub(crate) jadwal_selesai: Option<Date>,
}

pub(crate) fn validate_program(new: &crate::NewProgram) -> StoreResult<ValidProgram> {
    let kode = label("program kode", &new.kode)?;
    let at = |m: String| invalid(format!("program {kode}: {m}"));
    let judul = label("judul", &new.judul).map_err(|e| at(e.to_string()))?;
    let jp = i32::try_from(new.jp.0)
        .ok()
        .filter(|jp| *jp >= 1)
        .ok_or_else(|| at(format!("jp must be at least 1, got {}", new.jp.0)))?;
    if new.biaya_per_peserta.0 < 0 {
        return Err(at(format!(
            "biaya per peserta must not be negative, got {}",
            new.biaya_per_peserta.0
        )));
    }
    if let Some(biaya) = new.biaya_per_angkatan.filter(|b| b.0 < 0) {
        return Err(at(format!(
            "biaya per angkatan must not be negative, got {}",
            biaya.0
        )));
    }
    let positive = |field: &str, value: Option<u32>| -> StoreResult<Option<i32>> {
        value
            .map(|v| {
                i32::try_from(v)
                    .ok()
                    .filter(|v| *v >= 1)
                    .ok_or_else(|| at(format!("{field} must be at least 1, got {v}")))
            })
            .transpose()
    };
    let ukuran_angkatan = positive("ukuran angkatan", new.ukuran_angkatan)?;
    let maks_angkatan = positive("maks angkatan", new.maks_angkatan)?;
    let mut kompetensi = new.kompetensi.clone();
    for k in &kompetensi {
        if !(1..=4).contains(&k.naik_level) {
            return Err(at(format!(
                "naik level of kompetensi {} must be 1 to 4, got {}",
                k.kompetensi, k.naik_level
            )));
        }
    }
    kompetensi.sort();
    if let Some(w) = kompetensi
        .windows(2)
        .find(|w| w[0].kompetensi == w[1].kompetensi)
    {
        return Err(at(format!("kompetensi {} appears twice", w[0].kompetensi)));
    }
    if kompetensi.is_empty() && !new.terbuka_untuk_semua {
        return Err(at(
            "a program must raise at least one competency or be open to all".to_owned(),
        ));
    }
    let (jadwal_mulai, jadwal_selesai) = match new.jadwal {
        crate::JadwalProgram::SepanjangTahun => (None, None),
        crate::JadwalProgram::Periode { mulai, selesai } => {
            if selesai < mulai {
                return Err(at(format!(
                    "the schedule ends on {selesai} before it starts on {mulai}"
                )));
            }
            (Some(mulai), Some(selesai))
        }
    };
    let mut jenis_jabatan = new.jenis_jabatan.clone();
    jenis_jabatan.sort();
    jenis_jabatan.dedup();
    let mut unit = new.unit.clone();
    unit.sort();
    unit.dedup();
    Ok(ValidProgram {
        jp,
        biaya_per_peserta: new.biaya_per_peserta.0,
        biaya_per_angkatan: new.biaya_per_angkatan.map(|b| b.0),
        ukuran_angkatan,
        maks_angkatan,
        jadwal_mulai,
        jadwal_selesai,
        data: crate::NewProgram {
            kode,
            judul,
            kompetensi,
            jenis_jabatan,
            unit,
            ..new.clone()
        },
    })
}

/// The audit detail of a replacing edit: the code and, for each top-level
/// field that changed, its value before and after.
pub(crate) fn ubah_detail(
    kode: &str,
    before: &impl serde::Serialize,
    after: &impl serde::Serialize,
) -> StoreResult<serde_json::Value> {
    use serde_json::{Map, Value, json};
    let object = |v: Value| match v {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    let failed = |e: serde_json::Error| invalid(format!("cannot audit the change: {e}"));
    let before = object(serde_json::to_value(before).map_err(failed)?);
    let after = object(serde_json::to_value(after).map_err(failed)?);
    let mut sebelum = Map::new();
    let mut sesudah = Map::new();
    for (field, new) in after {
        let old = before.get(&field).cloned().unwrap_or(Value::Null);
        if old != new {
            sebelum.insert(field.clone(), old);
            sesudah.insert(field, new);
        }
    }
    Ok(json!({ "kode": kode, "sebelum": sebelum, "sesudah": sesudah }))
}

pub(crate) const MITRA_SELECT: &str = "SELECT m.id, m.kode, m.nama, m.jenis, m.alamat, m.kota, m.website FROM mitra m \
     WHERE m.instansi_id = ";
pub(crate) const MITRA_KONTAK_SELECT: &str = "SELECT k.mitra_id, k.nama, k.jabatan, k.email, k.telepon FROM mitra_kontak k \
     WHERE k.instansi_id = ";
pub(crate) const MITRA_KERJA_SAMA_SELECT: &str = "SELECT k.mitra_id, m.kode AS mitra_kode, \
     m.nama AS mitra_nama, k.jenis, k.nomor, k.ruang_lingkup, k.tanggal_mulai, k.tanggal_berakhir \
     FROM mitra_kerja_sama k JOIN mitra m ON m.instansi_id = k.instansi_id AND m.id = k.mitra_id \
     WHERE k.instansi_id = ";

#[derive(sqlx::FromRow)]
pub(crate) struct MitraDbRow {
    id: i64,
    kode: String,
    nama: String,
    jenis: String,
    alamat: Option<String>,
    kota: Option<String>,
    website: Option<String>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct MitraKontakRow {
    mitra_id: i64,
    nama: String,
    jabatan: Option<String>,
    email: Option<String>,
    telepon: Option<String>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct KerjaSamaRow {
    mitra_id: i64,
    mitra_kode: String,
    mitra_nama: String,
    jenis: String,
    nomor: String,
    ruang_lingkup: String,
    tanggal_mulai: Date,
    tanggal_berakhir: Date,
}

impl KerjaSamaRow {
    pub(crate) fn into_kerja_sama(self) -> StoreResult<crate::KerjaSamaMitra> {
        Ok(crate::KerjaSamaMitra {
            mitra: crate::MitraId(self.mitra_id),
            mitra_kode: self.mitra_kode,
            mitra_nama: self.mitra_nama,
            kerja_sama: crate::KerjaSama {
                jenis: code(
                    "jenis kerja sama",
                    &self.jenis,
                    kompeten_domain::JenisKerjaSama::from_code,
                )?,
                nomor: self.nomor,
                ruang_lingkup: self.ruang_lingkup,
                tanggal_mulai: self.tanggal_mulai,
                tanggal_berakhir: self.tanggal_berakhir,
            },
        })
    }
}

/// Partners with their contacts and agreements; children come ordered by
/// partner and urutan, partners in the order given.
pub(crate) fn assemble_mitra(
    rows: Vec<MitraDbRow>,
    kontak: Vec<MitraKontakRow>,
    kerja_sama: Vec<KerjaSamaRow>,
) -> StoreResult<Vec<crate::Mitra>> {
    let mut kontak_of: HashMap<i64, Vec<crate::KontakMitra>> = HashMap::new();
    for k in kontak {
        kontak_of
            .entry(k.mitra_id)
            .or_default()
            .push(crate::KontakMitra {
                nama: k.nama,
                jabatan: k.jabatan,
                email: k.email,
                telepon: k.telepon,
            });
    }
    let mut kerja_sama_of: HashMap<i64, Vec<crate::KerjaSama>> = HashMap::new();
    for k in kerja_sama {
        let k = k.into_kerja_sama()?;
        kerja_sama_of
            .entry(k.mitra.0)
            .or_default()
            .push(k.kerja_sama);
    }
    rows.into_iter()
        .map(|r| {
            Ok(crate::Mitra {
                id: crate::MitraId(r.id),
                jenis: code(
                    "jenis mitra",
                    &r.jenis,
                    kompeten_domain::JenisMitra::from_code,
                )?,
                kontak: kontak_of.remove(&r.id).unwrap_or_default(),
                kerja_sama: kerja_sama_of.remove(&r.id).unwrap_or_default(),
                kode: r.kode,
                nama: r.nama,
                alamat: r.alamat,
                kota: r.kota,
                website: r.website,
            })
        })
        .collect()
}

pub(crate) const PROGRAM_SELECT: &str = "SELECT p.id, p.kode, p.judul, p.mitra_id, \
     m.nama AS mitra_nama, p.bentuk, p.jp, p.biaya_per_peserta, p.biaya_per_angkatan, \
     p.ukuran_angkatan, p.maks_angkatan, p.moda, p.terbuka_untuk_semua, p.jadwal_mulai, \
     p.jadwal_selesai, p.aktif FROM program_pengembangan p \
     LEFT JOIN mitra m ON m.instansi_id = p.instansi_id AND m.id = p.mitra_id \
     WHERE p.instansi_id = ";
pub(crate) const PROGRAM_KOMPETENSI_SELECT: &str = "SELECT pk.program_id, pk.kompetensi_id, \
     k.kode, k.nama, pk.naik_level FROM program_kompetensi pk \
     JOIN kompetensi k ON k.instansi_id = pk.instansi_id AND k.id = pk.kompetensi_id \
     WHERE pk.instansi_id = ";
pub(crate) const PROGRAM_JENIS_SELECT: &str =
    "SELECT program_id, jenis_jabatan FROM program_jenis_jabatan WHERE instansi_id = ";
pub(crate) const PROGRAM_UNIT_SELECT: &str =
    "SELECT program_id, unit_id FROM program_unit WHERE instansi_id = ";

#[derive(sqlx::FromRow)]
pub(crate) struct ProgramDbRow {
    id: i64,
    kode: String,
    judul: String,
    mitra_id: Option<i64>,
    mitra_nama: Option<String>,
    bentuk: String,
    jp: i32,
    biaya_per_peserta: i64,
    biaya_per_angkatan: Option<i64>,
    ukuran_angkatan: Option<i32>,
    maks_angkatan: Option<i32>,
    moda: String,
    terbuka_untuk_semua: bool,
    jadwal_mulai: Option<Date>,
    jadwal_selesai: Option<Date>,
    aktif: bool,
}

/// (program, kompetensi, kode, nama, naik_level)
pub(crate) type ProgramKompetensiRow = (i64, i64, String, String, i32);

fn positive_u32(what: &str, value: i32) -> StoreResult<u32> {
    u32::try_from(value)
        .ok()
        .filter(|v| *v >= 1)
        .ok_or_else(|| corrupt(format!("{what} {value}")))
}

/// Programs in the order given, with their competencies (by id), position
/// types (regulation order) and units (by id).
pub(crate) fn assemble_program(
    rows: Vec<ProgramDbRow>,
    kompetensi: Vec<ProgramKompetensiRow>,
    jenis: Vec<(i64, String)>,
    unit: Vec<(i64, i64)>,
) -> StoreResult<Vec<crate::Program>> {
    let mut kompetensi_of: HashMap<i64, Vec<crate::KompetensiProgramEntry>> = HashMap::new();
    for (program, id, kode, nama, naik) in kompetensi {
        let naik_level = u8::try_from(naik)
            .ok()
            .filter(|n| (1..=4).contains(n))
            .ok_or_else(|| corrupt(format!("naik level {naik}")))?;
        kompetensi_of
            .entry(program)
            .or_default()
            .push(crate::KompetensiProgramEntry {
                kompetensi: KompetensiId(id),
                kode,
                nama,
                naik_level,
            });
    }
    let mut jenis_of: HashMap<i64, Vec<JenisJabatan>> = HashMap::new();
    for (program, j) in jenis {
        jenis_of.entry(program).or_default().push(code(
            "jenis jabatan",
            &j,
            JenisJabatan::from_code,
        )?);
    }
    let mut unit_of: HashMap<i64, Vec<UnitId>> = HashMap::new();
    for (program, u) in unit {
        unit_of.entry(program).or_default().push(UnitId(u));
    }
    rows.into_iter()
        .map(|r| {
            let mut kompetensi = kompetensi_of.remove(&r.id).unwrap_or_default();
            kompetensi.sort_by_key(|k| k.kompetensi);
            let mut jenis_jabatan = jenis_of.remove(&r.id).unwrap_or_default();
            jenis_jabatan.sort();
            let mut unit = unit_of.remove(&r.id).unwrap_or_default();
            unit.sort();
            let jadwal = match (r.jadwal_mulai, r.jadwal_selesai) {
                (Some(mulai), Some(selesai)) => crate::JadwalProgram::Periode { mulai, selesai },
                (None, None) => crate::JadwalProgram::SepanjangTahun,
                _ => return Err(corrupt(format!("schedule of program {}", r.id))),
            };
            Ok(crate::Program {
                id: crate::ProgramId(r.id),
                penyelenggara: r.mitra_id.map(crate::MitraId),
                penyelenggara_nama: r.mitra_nama,
                bentuk: code(
                    "bentuk pengembangan",
                    &r.bentuk,
                    kompeten_domain::BentukPengembangan::from_code,
                )?,
                jp: kompeten_domain::Jp(positive_u32("jp", r.jp)?),
                biaya_per_peserta: kompeten_domain::Rupiah(r.biaya_per_peserta),
                biaya_per_angkatan: r.biaya_per_angkatan.map(kompeten_domain::Rupiah),
                ukuran_angkatan: r
                    .ukuran_angkatan
                    .map(|v| positive_u32("ukuran angkatan", v))
                    .transpose()?,
                maks_angkatan: r
                    .maks_angkatan
                    .map(|v| positive_u32("maks angkatan", v))
                    .transpose()?,
                moda: code(
                    "moda pembelajaran",
                    &r.moda,
                    kompeten_domain::ModaPembelajaran::from_code,
                )?,
                terbuka_untuk_semua: r.terbuka_untuk_semua,
                aktif: r.aktif,
                kode: r.kode,
                judul: r.judul,
                kompetensi,
                jenis_jabatan,
                unit,
                jadwal,
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------
// The implementation, written once and expanded per backend.

/// Implements [`Store`](crate::Store) for `$store`, a struct with a
/// `pool: sqlx::Pool<$db>` field. `$begin` starts a write transaction;
/// `$render` turns the text of a built [`Sql`] into what the backend runs.
macro_rules! impl_store {
    ($store:ty, $db:ty, $backend:literal, $begin:literal, $render:path) => {
        mod store_impl {
            use super::*;
            use crate::sql::*;
            use crate::sql_rencana::*;
            use crate::*;
            use sqlx::Arguments as _;
            use std::collections::{HashMap, HashSet};
            use time::{Date, OffsetDateTime};

            type Db = $db;
            type Tx = sqlx::Transaction<'static, Db>;
            type Args<'q> = <Db as sqlx::Database>::Arguments<'q>;

            /// The statement text as this backend runs it best.
            fn text(sql: &Sql) -> std::borrow::Cow<'_, str> {
                $render(sql)
            }

            fn args(params: &[Param]) -> StoreResult<Args<'_>> {
                let mut args = Args::default();
                args.reserve(params.len(), 0);
                for p in params {
                    let added = match p {
                        Param::I64(v) => args.add(*v),
                        Param::OptI64(v) => args.add(*v),
                        Param::I32(v) => args.add(*v),
                        Param::OptI32(v) => args.add(*v),
                        Param::Text(v) => args.add(v.as_str()),
                        Param::OptText(v) => args.add(v.as_deref()),
                        Param::Bool(v) => args.add(*v),
                        Param::Date(v) => args.add(*v),
                        Param::Timestamp(v) => args.add(*v),
                    };
                    added.map_err(|e| StoreError::Database(sqlx::Error::Encode(e)))?;
                }
                Ok(args)
            }

            async fn begin(store: &$store) -> StoreResult<Tx> {
                store.pool.begin_with($begin).await.map_err(StoreError::Database)
            }

            async fn commit(tx: Tx) -> StoreResult<()> {
                tx.commit().await.map_err(StoreError::Database)
            }

            /// Signs an account out everywhere (a new password, a deactivation).
            async fn end_sessions(tx: &mut Tx, i: InstansiId, account: AccountId) -> StoreResult<()> {
                sqlx::query("DELETE FROM sesi WHERE instansi_id = $1 AND akun_id = $2")
                    .bind(i.0)
                    .bind(account.0)
                    .execute(&mut **tx)
                    .await
                    .map_err(plain_write_error)?;
                Ok(())
            }

            async fn audit(
                tx: &mut Tx,
                instansi: InstansiId,
                actor: &Actor,
                entry: Audit,
            ) -> StoreResult<()> {
                let naikkan_revisi = ubah_data_analitik(entry.entity);
                let sql = audit_params(instansi, actor, entry);
                sqlx::query_with(&text(&sql), args(&sql.params)?)
                    .execute(&mut **tx)
                    .await
                    .map_err(|e| {
                        write_error(
                            e,
                            || "audit entry clashes".to_owned(),
                            || {
                                format!(
                                    "instansi {instansi} or the acting account {:?} does not exist",
                                    actor.account.map(|a| a.0)
                                )
                            },
                        )
                    })?;
                // Last statement before commit, so the instansi row lock is
                // held only while committing (see REVISI_NAIK).
                if naikkan_revisi {
                    sqlx::query(REVISI_NAIK)
                        .bind(instansi.0)
                        .execute(&mut **tx)
                        .await
                        .map_err(plain_write_error)?;
                }
                Ok(())
            }

            /// Ids of `ids` that exist in `table` of this instansi.
            async fn existing_ids(
                tx: &mut Tx,
                table: &'static str,
                instansi: InstansiId,
                ids: &HashSet<i64>,
            ) -> StoreResult<HashSet<i64>> {
                let ids: Vec<i64> = ids.iter().copied().collect();
                let mut found = HashSet::new();
                for chunk in ids.chunks(rows_per_statement(1)) {
                    let mut sql = Sql::new(&format!("SELECT id FROM {table} WHERE instansi_id = "));
                    sql.bind(instansi).push(" AND id IN ").in_list(chunk);
                    let rows: Vec<i64> = sqlx::query_scalar_with(&text(&sql), args(&sql.params)?)
                        .fetch_all(&mut **tx)
                        .await
                        .map_err(StoreError::Database)?;
                    found.extend(rows);
                }
                Ok(found)
            }

            /// The path prefix of a unit, or `NotFound("unit")`.
            async fn unit_jalur<'e, E>(executor: E, i: InstansiId, unit: UnitId) -> StoreResult<String>
            where
                E: sqlx::Executor<'e, Database = Db>,
            {
                sqlx::query_scalar::<_, String>(
                    "SELECT jalur FROM unit_kerja WHERE instansi_id = $1 AND id = $2",
                )
                .bind(i.0)
                .bind(unit.0)
                .fetch_optional(executor)
                .await
                .map_err(StoreError::Database)?
                .ok_or(StoreError::NotFound("unit"))
            }

            async fn resolve_lingkup(
                store: &$store,
                i: InstansiId,
                lingkup: Lingkup,
            ) -> StoreResult<Scope> {
                match lingkup_without_unit(lingkup) {
                    Some(scope) => Ok(scope),
                    None => match lingkup {
                        Lingkup::Unit(u) => Ok(Scope::Subtree(unit_jalur(&store.pool, i, u).await?)),
                        _ => Ok(Scope::Nothing),
                    },
                }
            }

            async fn pegawai_exists(store: &$store, i: InstansiId, id: PegawaiId) -> StoreResult<()> {
                let found: Option<i64> =
                    sqlx::query_scalar("SELECT id FROM pegawai WHERE instansi_id = $1 AND id = $2")
                        .bind(i.0)
                        .bind(id.0)
                        .fetch_optional(&store.pool)
                        .await
                        .map_err(StoreError::Database)?;
                found.map(|_| ()).ok_or(StoreError::NotFound("pegawai"))
            }

            async fn jabatan_exists<'e, E>(executor: E, i: InstansiId, id: JabatanId) -> StoreResult<()>
            where
                E: sqlx::Executor<'e, Database = Db>,
            {
                let found: Option<i64> =
                    sqlx::query_scalar("SELECT id FROM jabatan WHERE instansi_id = $1 AND id = $2")
                        .bind(i.0)
                        .bind(id.0)
                        .fetch_optional(executor)
                        .await
                        .map_err(StoreError::Database)?;
                found.map(|_| ()).ok_or(StoreError::NotFound("jabatan"))
            }

            /// Inserts a validated unit and sets its path and order; no audit.
            async fn insert_unit(tx: &mut Tx, i: InstansiId, unit: &ValidUnit) -> StoreResult<i64> {
                let induk = match unit.induk {
                    Some(induk) => {
                        let row: Option<UnitInduk> = sqlx::query_as(
                            "SELECT jalur, urutan, opd_id FROM unit_kerja \
                             WHERE instansi_id = $1 AND id = $2",
                        )
                        .bind(i.0)
                        .bind(induk)
                        .fetch_optional(&mut **tx)
                        .await
                        .map_err(StoreError::Database)?;
                        Some(row.ok_or_else(|| {
                            invalid(format!("induk unit {induk} does not exist in this instansi"))
                        })?)
                    }
                    None => None,
                };
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO unit_kerja (instansi_id, induk_id, kode, nama, jenis, jalur, urutan) \
                     VALUES ($1, $2, $3, $4, $5, '', '') RETURNING id",
                )
                .bind(i.0)
                .bind(unit.induk)
                .bind(&unit.kode)
                .bind(&unit.nama)
                .bind(unit.jenis)
                .fetch_one(&mut **tx)
                .await
                .map_err(|e| {
                    write_error(
                        e,
                        || format!("unit kode {} already exists", unit.kode),
                        || format!("unit {} is not valid in instansi {i}", unit.kode),
                    )
                })?;
                let (jalur, urutan, opd) = match &induk {
                    Some(p) => (
                        jalur_anak(&p.jalur, id),
                        urutan_anak(&p.urutan, unit.urut, &unit.nama, id),
                        p.opd_id.unwrap_or(id),
                    ),
                    None => (jalur_anak("/", id), urutan_anak("", unit.urut, &unit.nama, id), id),
                };
                sqlx::query(
                    "UPDATE unit_kerja SET jalur = $1, urutan = $2, opd_id = $3 \
                     WHERE instansi_id = $4 AND id = $5",
                )
                .bind(&jalur)
                .bind(&urutan)
                .bind(opd)
                .bind(i.0)
                .bind(id)
                .execute(&mut **tx)
                .await
                .map_err(plain_write_error)?;
                Ok(id)
            }

            /// Inserts a validated position after checking its unit; no audit.
            async fn insert_jabatan(tx: &mut Tx, i: InstansiId, j: &ValidJabatan) -> StoreResult<i64> {
                let unit_found: Option<i64> = sqlx::query_scalar(
                    "SELECT id FROM unit_kerja WHERE instansi_id = $1 AND id = $2",
                )
                .bind(i.0)
                .bind(j.unit)
                .fetch_optional(&mut **tx)
                .await
                .map_err(StoreError::Database)?;
                if unit_found.is_none() {
                    return Err(invalid(format!("unit {} does not exist in this instansi", j.unit)));
                }
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO jabatan (instansi_id, unit_id, kode, nama, jenis, jenjang, kelas) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                )
                .bind(i.0)
                .bind(j.unit)
                .bind(&j.kode)
                .bind(&j.nama)
                .bind(j.jenis)
                .bind(j.jenjang)
                .bind(j.kelas)
                .fetch_one(&mut **tx)
                .await
                .map_err(|e| {
                    write_error(
                        e,
                        || format!("jabatan kode {} already exists", j.kode),
                        || format!("jabatan {} is not valid", j.kode),
                    )
                })?;
                Ok(id)
            }

            /// Inserts a validated dictionary entry with its five levels; no audit.
            async fn insert_kompetensi(tx: &mut Tx, i: InstansiId, k: &ValidKompetensi) -> StoreResult<i64> {
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO kompetensi (instansi_id, kode, kelompok, bidang, nama, definisi) \
                     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                )
                .bind(i.0)
                .bind(&k.kode)
                .bind(k.kelompok)
                .bind(&k.bidang)
                .bind(&k.nama)
                .bind(&k.definisi)
                .fetch_one(&mut **tx)
                .await
                .map_err(|e| {
                    write_error(
                        e,
                        || format!("kompetensi kode {} already exists", k.kode),
                        || format!("kompetensi {} is not valid in instansi {i}", k.kode),
                    )
                })?;
                let mut sql = Sql::new(
                    "INSERT INTO kompetensi_level (instansi_id, kompetensi_id, level, deskripsi, indikator) VALUES ",
                );
                for (n, (level, deskripsi, indikator)) in k.level.iter().enumerate() {
                    if n > 0 {
                        sql.push(", ");
                    }
                    sql.tuple(vec![
                        Param::from(i),
                        Param::from(id),
                        Param::from(*level),
                        Param::from(deskripsi.clone()),
                        Param::from(indikator.clone()),
                    ]);
                }
                sqlx::query_with(&text(&sql), args(&sql.params)?)
                    .execute(&mut **tx)
                    .await
                    .map_err(plain_write_error)?;
                Ok(id)
            }

            /// Replaces a position's standard with validated lines; no audit.
            async fn replace_standar(
                tx: &mut Tx,
                i: InstansiId,
                jabatan: JabatanId,
                lines: &[(i64, i32, i32)],
            ) -> StoreResult<()> {
                jabatan_exists(&mut **tx, i, jabatan).await?;
                let wanted: HashSet<i64> = lines.iter().map(|l| l.0).collect();
                let found = existing_ids(tx, "kompetensi", i, &wanted).await?;
                if let Some(missing) = lines.iter().find(|l| !found.contains(&l.0)) {
                    return Err(invalid(format!(
                        "kompetensi {} does not exist in this instansi",
                        missing.0
                    )));
                }
                sqlx::query("DELETE FROM standar_kompetensi WHERE instansi_id = $1 AND jabatan_id = $2")
                    .bind(i.0)
                    .bind(jabatan.0)
                    .execute(&mut **tx)
                    .await
                    .map_err(plain_write_error)?;
                for chunk in lines.chunks(rows_per_statement(5)) {
                    let mut sql = Sql::new(
                        "INSERT INTO standar_kompetensi (instansi_id, jabatan_id, kompetensi_id, level, bobot) VALUES ",
                    );
                    for (n, (kompetensi, level, bobot)) in chunk.iter().enumerate() {
                        if n > 0 {
                            sql.push(", ");
                        }
                        sql.tuple(vec![
                            Param::from(i),
                            Param::from(jabatan.0),
                            Param::from(*kompetensi),
                            Param::from(*level),
                            Param::from(*bobot),
                        ]);
                    }
                    sqlx::query_with(&text(&sql), args(&sql.params)?)
                        .execute(&mut **tx)
                        .await
                        .map_err(|e| {
                            write_error(
                                e,
                                || {
                                    // Duplicates were refused above: only a concurrent
                                    // change of the same standard gets here.
                                    format!(
                                        "the standard of jabatan {jabatan} was changed at the same time; try again"
                                    )
                                },
                                || format!("the standard of jabatan {jabatan} is not valid"),
                            )
                        })?;
                }
                Ok(())
            }

            /// Inserts validated employees (`seen`: NIP to batch index); ids in
            /// input order; no audit.
            async fn insert_pegawai(
                tx: &mut Tx,
                i: InstansiId,
                batch: &[NewPegawai],
                rows: &[ValidPegawai],
                seen: &HashMap<String, usize>,
            ) -> StoreResult<Vec<PegawaiId>> {
                let units: HashSet<i64> = rows.iter().map(|r| r.unit).collect();
                let found = existing_ids(tx, "unit_kerja", i, &units).await?;
                if let Some((n, r)) = rows.iter().enumerate().find(|(_, r)| !found.contains(&r.unit)) {
                    return Err(invalid(format!(
                        "row {} (NIP {}): unit {} does not exist in this instansi",
                        n + 1,
                        batch[n].nip,
                        r.unit
                    )));
                }
                let jabatan: HashSet<i64> = rows.iter().filter_map(|r| r.jabatan).collect();
                let found = existing_ids(tx, "jabatan", i, &jabatan).await?;
                if let Some((n, r)) = rows
                    .iter()
                    .enumerate()
                    .find(|(_, r)| r.jabatan.is_some_and(|j| !found.contains(&j)))
                {
                    return Err(invalid(format!(
                        "row {} (NIP {}): jabatan {} does not exist in this instansi",
                        n + 1,
                        batch[n].nip,
                        r.jabatan.unwrap_or_default()
                    )));
                }

                let nips: Vec<&str> = rows.iter().map(|r| r.nip.as_str()).collect();
                for chunk in nips.chunks(rows_per_statement(1)) {
                    let mut sql = Sql::new("SELECT nip FROM pegawai WHERE instansi_id = ");
                    sql.bind(i).push(" AND nip IN ").tuple(chunk.iter().map(|n| Param::from(*n)).collect());
                    let taken: Option<String> = sqlx::query_scalar_with(&text(&sql), args(&sql.params)?)
                        .fetch_optional(&mut **tx)
                        .await
                        .map_err(StoreError::Database)?;
                    if let Some(nip) = taken {
                        let shown = seen
                            .get(&nip)
                            .map(|n| batch[*n].nip.to_string())
                            .unwrap_or(nip);
                        return Err(StoreError::Conflict(format!("NIP {shown} already exists")));
                    }
                }

                let mut ids: HashMap<String, i64> = HashMap::with_capacity(rows.len());
                for chunk in rows.chunks(rows_per_statement(PEGAWAI_PARAMS)) {
                    let mut sql = Sql::new(&format!("INSERT INTO pegawai ({PEGAWAI_COLUMNS}) VALUES "));
                    for (n, row) in chunk.iter().enumerate() {
                        if n > 0 {
                            sql.push(", ");
                        }
                        sql.tuple(row.row.clone());
                    }
                    sql.push(" RETURNING id, nip");
                    let inserted: Vec<(i64, String)> = sqlx::query_as_with(&text(&sql), args(&sql.params)?)
                        .fetch_all(&mut **tx)
                        .await
                        .map_err(|e| {
                            write_error(
                                e,
                                || "a NIP in the batch already exists".to_owned(),
                                || "a pegawai in the batch is not valid".to_owned(),
                            )
                        })?;
                    ids.extend(inserted.into_iter().map(|(id, nip)| (nip, id)));
                }
                let out = rows
                    .iter()
                    .map(|r| ids.get(&r.nip).copied().map(PegawaiId))
                    .collect::<Option<Vec<_>>>()
                    .ok_or_else(|| corrupt("an inserted pegawai did not come back"))?;

                Ok(out)
            }

            async fn fetch_kompetensi(
                store: &$store,
                i: InstansiId,
                only: Option<KompetensiId>,
            ) -> StoreResult<Vec<Kompetensi>> {
                let mut sql = Sql::new(KOMPETENSI_SELECT);
                sql.push(" WHERE k.instansi_id = ").bind(i);
                let mut level_sql = Sql::new(KOMPETENSI_LEVEL_SELECT);
                level_sql.push(" WHERE l.instansi_id = ").bind(i);
                if let Some(id) = only {
                    sql.push(" AND k.id = ").bind(id.0);
                    level_sql.push(" AND l.kompetensi_id = ").bind(id.0);
                }
                let rows: Vec<KompetensiDbRow> = sqlx::query_as_with(&text(&sql), args(&sql.params)?)
                    .fetch_all(&store.pool)
                    .await
                    .map_err(StoreError::Database)?;
                let levels: Vec<KompetensiLevelRow> =
                    sqlx::query_as_with(&text(&level_sql), args(&level_sql.params)?)
                        .fetch_all(&store.pool)
                        .await
                        .map_err(StoreError::Database)?;
                assemble_kompetensi(rows, levels)
            }

            /// Inserts rows of `per_row` values each after `head` ("INSERT ... VALUES "),
            /// in as few statements as the parameter limit allows.
            async fn insert_rows(
                tx: &mut Tx,
                head: &str,
                rows: Vec<Vec<Param>>,
                per_row: usize,
                invalid_message: &str,
            ) -> StoreResult<()> {
                for chunk in rows.chunks(rows_per_statement(per_row)) {
                    let mut sql = Sql::new(head);
                    for (n, row) in chunk.iter().enumerate() {
                        if n > 0 {
                            sql.push(", ");
                        }
                        sql.tuple(row.clone());
                    }
                    sqlx::query_with(&text(&sql), args(&sql.params)?)
                        .execute(&mut **tx)
                        .await
                        .map_err(|e| {
                            write_error(e, || "a row is written twice".to_owned(), || invalid_message.to_owned())
                        })?;
                }
                Ok(())
            }

            fn urutan(n: usize) -> Param {
                Param::from(i32::try_from(n).unwrap_or(i32::MAX))
            }

            /// Writes a partner's contacts and agreements (after removing the old ones).
            async fn write_mitra_children(
                tx: &mut Tx,
                i: InstansiId,
                mitra: i64,
                m: &NewMitra,
            ) -> StoreResult<()> {
                for table in ["mitra_kontak", "mitra_kerja_sama"] {
                    sqlx::query(&format!("DELETE FROM {table} WHERE instansi_id = $1 AND mitra_id = $2"))
                        .bind(i.0)
                        .bind(mitra)
                        .execute(&mut **tx)
                        .await
                        .map_err(plain_write_error)?;
                }
                let kontak = m
                    .kontak
                    .iter()
                    .enumerate()
                    .map(|(n, k)| {
                        vec![
                            Param::from(i),
                            Param::from(mitra),
                            urutan(n),
                            Param::from(k.nama.clone()),
                            Param::from(k.jabatan.clone()),
                            Param::from(k.email.clone()),
                            Param::from(k.telepon.clone()),
                        ]
                    })
                    .collect();
                insert_rows(
                    tx,
                    "INSERT INTO mitra_kontak (instansi_id, mitra_id, urutan, nama, jabatan, email, telepon) VALUES ",
                    kontak,
                    7,
                    &format!("a contact of mitra {} is not valid", m.kode),
                )
                .await?;
                let kerja_sama = m
                    .kerja_sama
                    .iter()
                    .enumerate()
                    .map(|(n, k)| {
                        vec![
                            Param::from(i),
                            Param::from(mitra),
                            urutan(n),
                            Param::from(k.jenis.code()),
                            Param::from(k.nomor.clone()),
                            Param::from(k.ruang_lingkup.clone()),
                            Param::from(k.tanggal_mulai),
                            Param::from(k.tanggal_berakhir),
                        ]
                    })
                    .collect();
                insert_rows(
                    tx,
                    "INSERT INTO mitra_kerja_sama (instansi_id, mitra_id, urutan, jenis, nomor, \
                     ruang_lingkup, tanggal_mulai, tanggal_berakhir) VALUES ",
                    kerja_sama,
                    8,
                    &format!("an agreement of mitra {} is not valid", m.kode),
                )
                .await
            }

            async fn fetch_mitra(
                conn: &mut <Db as sqlx::Database>::Connection,
                i: InstansiId,
                only: Option<MitraId>,
            ) -> StoreResult<Vec<Mitra>> {
                let mut sql = Sql::new(MITRA_SELECT);
                sql.bind(i);
                let mut kontak_sql = Sql::new(MITRA_KONTAK_SELECT);
                kontak_sql.bind(i);
                let mut kerja_sama_sql = Sql::new(MITRA_KERJA_SAMA_SELECT);
                kerja_sama_sql.bind(i);
                if let Some(id) = only {
                    sql.push(" AND m.id = ").bind(id.0);
                    kontak_sql.push(" AND k.mitra_id = ").bind(id.0);
                    kerja_sama_sql.push(" AND k.mitra_id = ").bind(id.0);
                }
                sql.push(" ORDER BY lower(m.nama), m.id");
                kontak_sql.push(" ORDER BY k.mitra_id, k.urutan");
                kerja_sama_sql.push(" ORDER BY k.mitra_id, k.urutan");
                let rows: Vec<MitraDbRow> = sqlx::query_as_with(&text(&sql), args(&sql.params)?)
                    .fetch_all(&mut *conn)
                    .await
                    .map_err(StoreError::Database)?;
                let kontak: Vec<MitraKontakRow> =
                    sqlx::query_as_with(&text(&kontak_sql), args(&kontak_sql.params)?)
                        .fetch_all(&mut *conn)
                        .await
                        .map_err(StoreError::Database)?;
                let kerja_sama: Vec<KerjaSamaRow> =
                    sqlx::query_as_with(&text(&kerja_sama_sql), args(&kerja_sama_sql.params)?)
                        .fetch_all(&mut *conn)
                        .await
                        .map_err(StoreError::Database)?;
                assemble_mitra(rows, kontak, kerja_sama)
            }

            /// Checks that everything a program refers to exists in this instansi.
            async fn program_references(tx: &mut Tx, i: InstansiId, p: &NewProgram) -> StoreResult<()> {
                let kode = &p.kode;
                if let Some(mitra) = p.penyelenggara {
                    let found = existing_ids(tx, "mitra", i, &HashSet::from([mitra.0])).await?;
                    if found.is_empty() {
                        return Err(invalid(format!(
                            "program {kode}: mitra {mitra} does not exist in this instansi"
                        )));
                    }
                }
                let wanted: HashSet<i64> = p.kompetensi.iter().map(|k| k.kompetensi.0).collect();
                let found = existing_ids(tx, "kompetensi", i, &wanted).await?;
                if let Some(missing) = p.kompetensi.iter().find(|k| !found.contains(&k.kompetensi.0)) {
                    return Err(invalid(format!(
                        "program {kode}: kompetensi {} does not exist in this instansi",
                        missing.kompetensi
                    )));
                }
                let wanted: HashSet<i64> = p.unit.iter().map(|u| u.0).collect();
                let found = existing_ids(tx, "unit_kerja", i, &wanted).await?;
                if let Some(missing) = p.unit.iter().find(|u| !found.contains(&u.0)) {
                    return Err(invalid(format!(
                        "program {kode}: unit {missing} does not exist in this instansi"
                    )));
                }
                Ok(())
            }

            /// Writes a program's competencies and eligibility (after removing the old ones).
            async fn write_program_children(
                tx: &mut Tx,
                i: InstansiId,
                program: i64,
                p: &NewProgram,
            ) -> StoreResult<()> {
                for table in ["program_kompetensi", "program_jenis_jabatan", "program_unit"] {
                    sqlx::query(&format!("DELETE FROM {table} WHERE instansi_id = $1 AND program_id = $2"))
                        .bind(i.0)
                        .bind(program)
                        .execute(&mut **tx)
                        .await
                        .map_err(plain_write_error)?;
                }
                let invalid_message = format!("program {} is not valid", p.kode);
                let kompetensi = p
                    .kompetensi
                    .iter()
                    .map(|k| {
                        vec![
                            Param::from(i),
                            Param::from(program),
                            Param::from(k.kompetensi.0),
                            Param::from(i32::from(k.naik_level)),
                        ]
                    })
                    .collect();
                insert_rows(
                    tx,
                    "INSERT INTO program_kompetensi (instansi_id, program_id, kompetensi_id, naik_level) VALUES ",
                    kompetensi,
                    4,
                    &invalid_message,
                )
                .await?;
                let jenis = p
                    .jenis_jabatan
                    .iter()
                    .map(|j| vec![Param::from(i), Param::from(program), Param::from(j.code())])
                    .collect();
                insert_rows(
                    tx,
                    "INSERT INTO program_jenis_jabatan (instansi_id, program_id, jenis_jabatan) VALUES ",
                    jenis,
                    3,
                    &invalid_message,
                )
                .await?;
                let unit = p
                    .unit
                    .iter()
                    .map(|u| vec![Param::from(i), Param::from(program), Param::from(u.0)])
                    .collect();
                insert_rows(
                    tx,
                    "INSERT INTO program_unit (instansi_id, program_id, unit_id) VALUES ",
                    unit,
                    3,
                    &invalid_message,
                )
                .await
            }

            async fn fetch_program(
                conn: &mut <Db as sqlx::Database>::Connection,
                i: InstansiId,
                q: &ProgramQuery,
                only: Option<ProgramId>,
            ) -> StoreResult<Vec<Program>> {
                let mut sql = Sql::new(PROGRAM_SELECT);
                sql.bind(i);
                let mut kompetensi_sql = Sql::new(PROGRAM_KOMPETENSI_SELECT);
                kompetensi_sql.bind(i);
                let mut jenis_sql = Sql::new(PROGRAM_JENIS_SELECT);
                jenis_sql.bind(i);
                let mut unit_sql = Sql::new(PROGRAM_UNIT_SELECT);
                unit_sql.bind(i);
                if let Some(id) = only {
                    sql.push(" AND p.id = ").bind(id.0);
                    kompetensi_sql.push(" AND pk.program_id = ").bind(id.0);
                    jenis_sql.push(" AND program_id = ").bind(id.0);
                    unit_sql.push(" AND program_id = ").bind(id.0);
                }
                if let Some(mitra) = q.mitra {
                    sql.push(" AND p.mitra_id = ").bind(mitra.0);
                }
                if let Some(bentuk) = q.bentuk {
                    sql.push(" AND p.bentuk = ").bind(bentuk.code());
                }
                if let Some(kompetensi) = q.kompetensi {
                    sql.push(
                        " AND EXISTS (SELECT 1 FROM program_kompetensi f \
                         WHERE f.instansi_id = p.instansi_id AND f.program_id = p.id AND f.kompetensi_id = ",
                    )
                    .bind(kompetensi.0)
                    .push(")");
                }
                match q.aktif {
                    Some(true) => {
                        sql.push(" AND p.aktif");
                    }
                    Some(false) => {
                        sql.push(" AND NOT p.aktif");
                    }
                    None => {}
                }
                if let Some(teks) = q.teks.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
                    let pattern = like_anywhere(teks);
                    sql.push(" AND (lower(p.judul) LIKE lower(")
                        .bind(pattern.clone())
                        .push(") ESCAPE '!' OR lower(p.kode) LIKE lower(")
                        .bind(pattern)
                        .push(") ESCAPE '!')");
                }
                sql.push(" ORDER BY p.kode, p.id");
                let rows: Vec<ProgramDbRow> = sqlx::query_as_with(&text(&sql), args(&sql.params)?)
                    .fetch_all(&mut *conn)
                    .await
                    .map_err(StoreError::Database)?;
                if rows.is_empty() {
                    return Ok(Vec::new());
                }
                let kompetensi: Vec<ProgramKompetensiRow> =
                    sqlx::query_as_with(&text(&kompetensi_sql), args(&kompetensi_sql.params)?)
                        .fetch_all(&mut *conn)
                        .await
                        .map_err(StoreError::Database)?;
                let jenis: Vec<(i64, String)> =
                    sqlx::query_as_with(&text(&jenis_sql), args(&jenis_sql.params)?)
                        .fetch_all(&mut *conn)
                        .await
                        .map_err(StoreError::Database)?;
                let unit: Vec<(i64, i64)> = sqlx::query_as_with(&text(&unit_sql), args(&unit_sql.params)?)
                    .fetch_all(&mut *conn)
                    .await
                    .map_err(StoreError::Database)?;
                assemble_program(rows, kompetensi, jenis, unit)
            }

            /// Plan versions with their reviews, newest first.
            async fn fetch_rencana<'e, E>(
                executor: E,
                i: InstansiId,
                tahun: Option<i32>,
                only: Option<RencanaId>,
            ) -> StoreResult<Vec<Rencana>>
            where
                E: sqlx::Executor<'e, Database = Db> + Copy,
            {
                let mut sql = Sql::new(RENCANA_SELECT);
                sql.bind(i);
                let mut tinjauan_sql = Sql::new(TINJAUAN_SELECT);
                tinjauan_sql.bind(i);
                if let Some(id) = only {
                    sql.push(" AND r.id = ").bind(id.0);
                    tinjauan_sql.push(" AND t.rencana_id = ").bind(id.0);
                }
                if let Some(tahun) = tahun {
                    sql.push(" AND r.tahun = ").bind(tahun);
                }
                sql.push(" ORDER BY r.tahun DESC, r.versi DESC");
                tinjauan_sql.push(" ORDER BY o.urutan");
                let rows: Vec<RencanaRow> = sqlx::query_as_with(&text(&sql), args(&sql.params)?)
                    .fetch_all(executor)
                    .await
                    .map_err(StoreError::Database)?;
                if rows.is_empty() {
                    return Ok(Vec::new());
                }
                let tinjauan: Vec<TinjauanRow> =
                    sqlx::query_as_with(&text(&tinjauan_sql), args(&tinjauan_sql.params)?)
                        .fetch_all(executor)
                        .await
                        .map_err(StoreError::Database)?;
                let mut per_rencana: HashMap<i64, Vec<TinjauanRencana>> = HashMap::new();
                for t in tinjauan {
                    let rencana = t.rencana_id;
                    per_rencana.entry(rencana).or_default().push(t.into_tinjauan()?);
                }
                rows.into_iter()
                    .map(|r| {
                        let t = per_rencana.remove(&r.id()).unwrap_or_default();
                        r.into_rencana(t)
                    })
                    .collect()
            }

            #[async_trait::async_trait]
            impl Store for $store {
                async fn ping(&self) -> StoreResult<()> {
                    sqlx::query("SELECT 1")
                        .execute(&self.pool)
                        .await
                        .map(|_| ())
                        .map_err(StoreError::Database)
                }

                fn backend(&self) -> &'static str {
                    $backend
                }

                // ---- Instansi ------------------------------------------------

                async fn create_instansi(
                    &self,
                    actor: &Actor,
                    new: &NewInstansi,
                ) -> StoreResult<InstansiId> {
                    let kode = label("instansi kode", &new.kode)?;
                    let nama = label("instansi nama", &new.nama)?;
                    let mut tx = begin(self).await?;
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO instansi (kode, nama, dibuat_pada) VALUES ($1, $2, $3) RETURNING id",
                    )
                    .bind(&kode)
                    .bind(&nama)
                    .bind(now())
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(|e| {
                        write_error(
                            e,
                            || format!("instansi kode {kode} already exists"),
                            || "instansi is not valid".to_owned(),
                        )
                    })?;
                    let instansi = InstansiId(id);
                    // The actor's account belongs to another instansi (or none),
                    // so it is kept in the detail rather than as a reference.
                    let pelaku = Actor { account: None, label: actor.label.clone() };
                    let detail = serde_json::json!({
                        "kode": kode,
                        "nama": nama,
                        "akun_pelaku": actor.account.map(|a| a.0),
                    });
                    let entry =
                        Audit { action: "instansi.tambah", entity: "instansi", entity_id: Some(id), detail };
                    audit(&mut tx, instansi, &pelaku, entry).await?;
                    commit(tx).await?;
                    Ok(instansi)
                }

                async fn list_instansi(&self) -> StoreResult<Vec<Instansi>> {
                    let rows: Vec<InstansiRow> =
                        sqlx::query_as("SELECT id, kode, nama FROM instansi ORDER BY nama, id")
                            .fetch_all(&self.pool)
                            .await
                            .map_err(StoreError::Database)?;
                    Ok(rows.into_iter().map(Instansi::from).collect())
                }

                async fn instansi(&self, id: InstansiId) -> StoreResult<Instansi> {
                    let row: Option<InstansiRow> =
                        sqlx::query_as("SELECT id, kode, nama FROM instansi WHERE id = $1")
                            .bind(id.0)
                            .fetch_optional(&self.pool)
                            .await
                            .map_err(StoreError::Database)?;
                    row.map(Instansi::from).ok_or(StoreError::NotFound("instansi"))
                }

                async fn instansi_by_kode(&self, kode: &str) -> StoreResult<Option<Instansi>> {
                    let row: Option<InstansiRow> =
                        sqlx::query_as("SELECT id, kode, nama FROM instansi WHERE kode = $1")
                            .bind(kode.trim())
                            .fetch_optional(&self.pool)
                            .await
                            .map_err(StoreError::Database)?;
                    Ok(row.map(Instansi::from))
                }

                // ---- Unit kerja ----------------------------------------------

                async fn add_unit(
                    &self,
                    i: InstansiId,
                    actor: &Actor,
                    new: &NewUnit,
                ) -> StoreResult<UnitId> {
                    let unit = validate_unit(new)?;
                    let mut tx = begin(self).await?;
                    let id = insert_unit(&mut tx, i, &unit).await?;
                    let detail = serde_json::json!({ "kode": unit.kode, "nama": unit.nama });
                    let entry = Audit { action: "unit.tambah", entity: "unit_kerja", entity_id: Some(id), detail };
                    audit(&mut tx, i, actor, entry).await?;
                    commit(tx).await?;
                    Ok(UnitId(id))
                }

                async fn unit(&self, i: InstansiId, id: UnitId) -> StoreResult<Unit> {
                    let mut sql = Sql::new(UNIT_SELECT);
                    sql.push(" WHERE u.instansi_id = ").bind(i).push(" AND u.id = ").bind(id.0);
                    let row: Option<UnitRow> = sqlx::query_as_with(&text(&sql), args(&sql.params)?)
                        .fetch_optional(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;
                    row.ok_or(StoreError::NotFound("unit"))?.into_unit()
                }

                async fn units(&self, i: InstansiId) -> StoreResult<Vec<Unit>> {
                    let mut sql = Sql::new(UNIT_SELECT);
                    sql.push(" WHERE u.instansi_id = ").bind(i).push(" ORDER BY u.urutan");
                    let rows: Vec<UnitRow> = sqlx::query_as_with(&text(&sql), args(&sql.params)?)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;
                    rows.into_iter().map(UnitRow::into_unit).collect()
                }

                // ---- Jabatan -------------------------------------------------

                async fn add_jabatan(
                    &self,
                    i: InstansiId,
                    actor: &Actor,
                    new: &NewJabatan,
                ) -> StoreResult<JabatanId> {
                    let j = validate_jabatan(new)?;
                    let mut tx = begin(self).await?;
                    let id = insert_jabatan(&mut tx, i, &j).await?;
                    let detail = serde_json::json!({ "kode": j.kode, "nama": j.nama });
                    let entry = Audit { action: "jabatan.tambah", entity: "jabatan", entity_id: Some(id), detail };
                    audit(&mut tx, i, actor, entry).await?;
                    commit(tx).await?;
                    Ok(JabatanId(id))
                }

                async fn jabatan(&self, i: InstansiId, id: JabatanId) -> StoreResult<Jabatan> {
                    let mut sql = Sql::new(JABATAN_SELECT);
                    sql.push(" WHERE j.instansi_id = ").bind(i).push(" AND j.id = ").bind(id.0);
                    let row: Option<JabatanDbRow> = sqlx::query_as_with(&text(&sql), args(&sql.params)?)
                        .fetch_optional(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;
                    row.ok_or(StoreError::NotFound("jabatan"))?.into_jabatan()
                }

                async fn list_jabatan(
                    &self,
                    i: InstansiId,
                    q: &JabatanQuery,
                ) -> StoreResult<Vec<JabatanRow>> {
                    let subtree = match q.unit {
                        Some(u) => Some(unit_jalur(&self.pool, i, u).await?),
                        None => None,
                    };
                    let mut sql = Sql::new(
                        "SELECT j.id, j.kode, j.nama, j.jenis, j.jenjang, j.unit_id, j.kelas, \
                         u.nama AS unit_nama, \
                         (SELECT COUNT(*) FROM pegawai p WHERE p.instansi_id = j.instansi_id \
                            AND p.jabatan_id = j.id AND p.aktif) AS jumlah_pegawai, \
                         (SELECT COUNT(*) FROM standar_kompetensi s WHERE s.instansi_id = j.instansi_id \
                            AND s.jabatan_id = j.id) AS jumlah_standar \
                         FROM jabatan j \
                         JOIN unit_kerja u ON u.instansi_id = j.instansi_id AND u.id = j.unit_id \
                         WHERE j.instansi_id = ",
                    );
                    sql.bind(i);
                    if let Some(teks) = q.teks.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
                        let pattern = like_anywhere(teks);
                        sql.push(" AND (lower(j.nama) LIKE lower(")
                            .bind(pattern.clone())
                            .push(") ESCAPE '!' OR lower(j.kode) LIKE lower(")
                            .bind(pattern)
                            .push(") ESCAPE '!')");
                    }
                    unit_condition(&mut sql, "u", subtree.as_deref());
                    if let Some(jenis) = q.jenis {
                        sql.push(" AND j.jenis = ").bind(jenis.code());
                    }
                    sql.push(&format!(
                        " ORDER BY u.urutan, {}, lower(j.nama), j.id",
                        jenis_jabatan_rank("j.jenis")
                    ));
                    let rows: Vec<JabatanListRow> = sqlx::query_as_with(&text(&sql), args(&sql.params)?)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;
                    rows.into_iter().map(JabatanListRow::into_row).collect()
                }

                // ---- Kamus kompetensi ----------------------------------------

                async fn add_kompetensi(
                    &self,
                    i: InstansiId,
                    actor: &Actor,
                    new: &NewKompetensi,
                ) -> StoreResult<KompetensiId> {
                    let k = validate_kompetensi(new)?;
                    let mut tx = begin(self).await?;
                    let id = insert_kompetensi(&mut tx, i, &k).await?;
                    let detail = serde_json::json!({ "kode": k.kode, "nama": k.nama });
                    let entry =
                        Audit { action: "kompetensi.tambah", entity: "kompetensi", entity_id: Some(id), detail };
                    audit(&mut tx, i, actor, entry).await?;
                    commit(tx).await?;
                    Ok(KompetensiId(id))
                }

                async fn kompetensi(&self, i: InstansiId, id: KompetensiId) -> StoreResult<Kompetensi> {
                    fetch_kompetensi(self, i, Some(id))
                        .await?
                        .into_iter()
                        .next()
                        .ok_or(StoreError::NotFound("kompetensi"))
                }

                async fn list_kompetensi(&self, i: InstansiId) -> StoreResult<Vec<Kompetensi>> {
                    fetch_kompetensi(self, i, None).await
                }

                // ---- Standar kompetensi jabatan --------------------------------

                async fn set_standar(
                    &self,
                    i: InstansiId,
                    actor: &Actor,
                    jabatan: JabatanId,
                    items: &[StandarItem],
                ) -> StoreResult<()> {
                    let lines = validate_standar(items)?;
                    let mut tx = begin(self).await?;
                    replace_standar(&mut tx, i, jabatan, &lines).await?;
                    let detail = serde_json::json!({ "jumlah": lines.len() });
                    let entry =
                        Audit { action: "standar.ubah", entity: "jabatan", entity_id: Some(jabatan.0), detail };
                    audit(&mut tx, i, actor, entry).await?;
                    commit(tx).await
                }

                async fn standar(&self, i: InstansiId, jabatan: JabatanId) -> StoreResult<Vec<StandarEntry>> {
                    jabatan_exists(&self.pool, i, jabatan).await?;
                    let rows: Vec<StandarRow> = sqlx::query_as(STANDAR_SELECT)
                        .bind(i.0)
                        .bind(jabatan.0)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;
                    assemble_standar(rows)
                }

                // ---- Pegawai -------------------------------------------------

                async fn add_pegawai(
                    &self,
                    i: InstansiId,
                    actor: &Actor,
                    batch: &[NewPegawai],
                ) -> StoreResult<Vec<PegawaiId>> {
                    if batch.is_empty() {
                        return Ok(Vec::new());
                    }
                    let (rows, seen) = validate_pegawai_batch(i, batch)?;
                    let mut tx = begin(self).await?;
                    let out = insert_pegawai(&mut tx, i, batch, &rows, &seen).await?;
                    let detail = serde_json::json!({ "jumlah": out.len() });
                    let entity_id = if out.len() == 1 { out.first().map(|p| p.0) } else { None };
                    let entry = Audit { action: "pegawai.tambah", entity: "pegawai", entity_id, detail };
                    audit(&mut tx, i, actor, entry).await?;
                    commit(tx).await?;
                    Ok(out)
                }

                async fn impor_data_induk(
                    &self,
                    i: InstansiId,
                    actor: &Actor,
                    data: &DataIndukBaru,
                ) -> StoreResult<HasilDataInduk> {
                    let kompetensi = data
                        .kompetensi
                        .iter()
                        .map(validate_kompetensi)
                        .collect::<StoreResult<Vec<_>>>()?;
                    let mut tx = begin(self).await?;
                    let mut kompetensi_id = Vec::with_capacity(kompetensi.len());
                    for k in &kompetensi {
                        kompetensi_id.push(insert_kompetensi(&mut tx, i, k).await?);
                    }
                    let mut unit_id = Vec::with_capacity(data.unit.len());
                    for u in &data.unit {
                        let induk = match u.induk {
                            Some(a) => Some(UnitId(acuan_id(a, &unit_id, "unit", |x: UnitId| x.0)?)),
                            None => None,
                        };
                        let unit = validate_unit(&NewUnit {
                            induk,
                            kode: u.kode.clone(),
                            nama: u.nama.clone(),
                            jenis: u.jenis,
                            urut: u.urut,
                        })?;
                        unit_id.push(insert_unit(&mut tx, i, &unit).await?);
                    }
                    let mut jabatan_id = Vec::with_capacity(data.jabatan.len());
                    for j in &data.jabatan {
                        let jabatan = validate_jabatan(&NewJabatan {
                            kode: j.kode.clone(),
                            nama: j.nama.clone(),
                            tingkat: j.tingkat,
                            unit: UnitId(acuan_id(j.unit, &unit_id, "unit", |x: UnitId| x.0)?),
                            kelas: j.kelas,
                        })?;
                        jabatan_id.push(insert_jabatan(&mut tx, i, &jabatan).await?);
                    }
                    let mut standar_jabatan = HashSet::new();
                    for s in &data.standar {
                        let jabatan = JabatanId(acuan_id(s.jabatan, &jabatan_id, "jabatan", |x: JabatanId| x.0)?);
                        if !standar_jabatan.insert(jabatan) {
                            return Err(invalid(format!(
                                "the standard of jabatan {jabatan} is given twice in the import"
                            )));
                        }
                        let items = s
                            .baris
                            .iter()
                            .map(|b| {
                                let kompetensi =
                                    acuan_id(b.kompetensi, &kompetensi_id, "kompetensi", |x: KompetensiId| x.0)?;
                                Ok(StandarItem { kompetensi: KompetensiId(kompetensi), level: b.level, bobot: b.bobot })
                            })
                            .collect::<StoreResult<Vec<_>>>()?;
                        let lines = validate_standar(&items)?;
                        replace_standar(&mut tx, i, jabatan, &lines).await?;
                    }
                    let pegawai = data
                        .pegawai
                        .iter()
                        .map(|p| {
                            let jabatan = match p.jabatan {
                                Some(a) => Some(JabatanId(acuan_id(a, &jabatan_id, "jabatan", |x: JabatanId| x.0)?)),
                                None => None,
                            };
                            Ok(NewPegawai {
                                nip: p.nip.clone(),
                                nama: p.nama.clone(),
                                gelar_depan: p.gelar_depan.clone(),
                                gelar_belakang: p.gelar_belakang.clone(),
                                golongan: p.golongan,
                                jabatan,
                                unit: UnitId(acuan_id(p.unit, &unit_id, "unit", |x: UnitId| x.0)?),
                                pendidikan: p.pendidikan,
                                aktif: p.aktif,
                            })
                        })
                        .collect::<StoreResult<Vec<_>>>()?;
                    if !pegawai.is_empty() {
                        let (rows, seen) = validate_pegawai_batch(i, &pegawai)?;
                        insert_pegawai(&mut tx, i, &pegawai, &rows, &seen).await?;
                    }
                    let hasil = HasilDataInduk {
                        kompetensi: kompetensi_id.len(),
                        unit: unit_id.len(),
                        jabatan: jabatan_id.len(),
                        standar: standar_jabatan.len(),
                        pegawai: pegawai.len(),
                    };
                    let entries = [
                        ("kompetensi.impor", "kompetensi", hasil.kompetensi),
                        ("unit.impor", "unit_kerja", hasil.unit),
                        ("jabatan.impor", "jabatan", hasil.jabatan),
                        ("standar.impor", "jabatan", hasil.standar),
                        ("pegawai.impor", "pegawai", hasil.pegawai),
                    ];
                    for (action, entity, jumlah) in entries.into_iter().filter(|e| e.2 > 0) {
                        let detail = serde_json::json!({ "jumlah": jumlah });
                        audit(&mut tx, i, actor, Audit { action, entity, entity_id: None, detail }).await?;
                    }
                    commit(tx).await?;
                    Ok(hasil)
                }

                async fn pegawai(&self, i: InstansiId, id: PegawaiId) -> StoreResult<Pegawai> {
                    let mut sql = Sql::new(PEGAWAI_SELECT);
                    sql.push(" WHERE p.instansi_id = ").bind(i).push(" AND p.id = ").bind(id.0);
                    let row: Option<PegawaiDbRow> = sqlx::query_as_with(&text(&sql), args(&sql.params)?)
                        .fetch_optional(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;
                    row.ok_or(StoreError::NotFound("pegawai"))?.into_pegawai()
                }

                async fn pegawai_by_nip(&self, i: InstansiId, nip: &str) -> StoreResult<Option<Pegawai>> {
                    let digits: String = nip.chars().filter(|c| !c.is_whitespace()).collect();
                    let mut sql = Sql::new(PEGAWAI_SELECT);
                    sql.push(" WHERE p.instansi_id = ").bind(i).push(" AND p.nip = ").bind(digits);
                    let row: Option<PegawaiDbRow> = sqlx::query_as_with(&text(&sql), args(&sql.params)?)
                        .fetch_optional(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;
                    row.map(PegawaiDbRow::into_pegawai).transpose()
                }

                async fn update_pegawai(
                    &self,
                    i: InstansiId,
                    actor: &Actor,
                    id: PegawaiId,
                    ubah: &PerubahanPegawai,
                ) -> StoreResult<()> {
                    let mut tx = begin(self).await?;
                    let mut sql = Sql::new(PEGAWAI_SELECT);
                    sql.push(" WHERE p.instansi_id = ").bind(i).push(" AND p.id = ").bind(id.0);
                    let row: Option<PegawaiDbRow> = sqlx::query_as_with(&text(&sql), args(&sql.params)?)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(StoreError::Database)?;
                    let before = row.ok_or(StoreError::NotFound("pegawai"))?.into_pegawai()?;
                    let after = validate_perubahan(&before.nip, ubah)?;
                    let found = existing_ids(&mut tx, "unit_kerja", i, &HashSet::from([after.unit])).await?;
                    if found.is_empty() {
                        return Err(invalid(format!("unit {} does not exist in this instansi", after.unit)));
                    }
                    if let Some(j) = after.jabatan {
                        let found = existing_ids(&mut tx, "jabatan", i, &HashSet::from([j])).await?;
                        if found.is_empty() {
                            return Err(invalid(format!("jabatan {j} does not exist in this instansi")));
                        }
                    }
                    sqlx::query(
                        "UPDATE pegawai SET nama = $1, gelar_depan = $2, gelar_belakang = $3, golongan = $4, \
                         jabatan_id = $5, unit_id = $6, pendidikan = $7, aktif = $8 \
                         WHERE instansi_id = $9 AND id = $10",
                    )
                    .bind(&after.nama)
                    .bind(&after.gelar_depan)
                    .bind(&after.gelar_belakang)
                    .bind(after.golongan)
                    .bind(after.jabatan)
                    .bind(after.unit)
                    .bind(after.pendidikan)
                    .bind(after.aktif)
                    .bind(i.0)
                    .bind(id.0)
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| {
                        write_error(
                            e,
                            || format!("pegawai {id} clashes with another record"),
                            || format!("the change of pegawai {id} is not valid"),
                        )
                    })?;
                    let detail = perubahan_detail(&before, &after);
                    let entry = Audit { action: "pegawai.ubah", entity: "pegawai", entity_id: Some(id.0), detail };
                    audit(&mut tx, i, actor, entry).await?;
                    commit(tx).await
                }

                async fn search_pegawai(
                    &self,
                    i: InstansiId,
                    q: &PegawaiQuery,
                ) -> StoreResult<Page<PegawaiRow>> {
                    let (limit, offset) = validate_page(q.halaman, q.per_halaman)?;
                    let scope = resolve_lingkup(self, i, q.lingkup).await?;
                    let empty = Page { items: Vec::new(), total: 0, halaman: q.halaman, per_halaman: q.per_halaman };
                    if scope == Scope::Nothing {
                        return Ok(empty);
                    }
                    let filter_unit = match q.unit {
                        Some(u) => Some(unit_jalur(&self.pool, i, u).await?),
                        None => None,
                    };

                    let mut cond = Sql::new(PEGAWAI_SEARCH_FROM);
                    cond.bind(i);
                    match &scope {
                        Scope::Subtree(prefix) => {
                            cond.push(" AND u.jalur LIKE ").bind(format!("{prefix}%"));
                        }
                        Scope::One(id) => {
                            cond.push(" AND p.id = ").bind(*id);
                        }
                        Scope::All | Scope::Nothing => {}
                    }
                    if let Some(prefix) = filter_unit {
                        cond.push(" AND u.jalur LIKE ").bind(format!("{prefix}%"));
                    }
                    if let Some(teks) = q.teks.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
                        let digits: String = teks.chars().filter(|c| !c.is_whitespace()).collect();
                        cond.push(" AND (lower(p.nama) LIKE lower(")
                            .bind(like_anywhere(teks))
                            .push(") ESCAPE '!'");
                        if digits.chars().all(|c| c.is_ascii_digit()) {
                            cond.push(" OR p.nip LIKE ").bind(like_anywhere(&digits)).push(" ESCAPE '!'");
                        }
                        cond.push(")");
                    }
                    if let Some(jenis) = q.jenis_jabatan {
                        cond.push(" AND j.jenis = ").bind(jenis.code());
                    }
                    if let Some(status) = q.status {
                        cond.push(" AND p.status = ").bind(status.code());
                    }
                    if q.hanya_aktif {
                        cond.push(" AND p.aktif");
                    }

                    let mut count_sql = Sql { text: format!("SELECT COUNT(*){}", cond.text), params: cond.params.clone() };
                    let total: i64 = sqlx::query_scalar_with(&text(&count_sql), args(&count_sql.params)?)
                        .fetch_one(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;
                    if total == 0 {
                        return Ok(empty);
                    }
                    count_sql.text = format!("{PEGAWAI_SEARCH_COLUMNS}{}", cond.text);
                    count_sql.push(" ORDER BY u.urutan, lower(p.nama), p.id LIMIT ")
                        .bind(limit)
                        .push(" OFFSET ")
                        .bind(offset);
                    let rows: Vec<PegawaiSearchRow> =
                        sqlx::query_as_with(&text(&count_sql), args(&count_sql.params)?)
                            .fetch_all(&self.pool)
                            .await
                            .map_err(StoreError::Database)?;
                    Ok(Page {
                        items: rows.into_iter().map(PegawaiSearchRow::into_row).collect::<StoreResult<_>>()?,
                        total: to_u64(total),
                        halaman: q.halaman,
                        per_halaman: q.per_halaman,
                    })
                }

                // ---- Penilaian -----------------------------------------------

                async fn record_penilaian(
                    &self,
                    i: InstansiId,
                    actor: &Actor,
                    batch: &[NewPenilaian],
                ) -> StoreResult<Vec<PenilaianId>> {
                    if batch.is_empty() {
                        return Ok(Vec::new());
                    }
                    let dicatat_pada = now();
                    let rows = batch
                        .iter()
                        .enumerate()
                        .map(|(n, new)| validate_penilaian(i, n, new, dicatat_pada))
                        .collect::<StoreResult<Vec<_>>>()?;
                    let mut tx = begin(self).await?;

                    let pegawai: HashSet<i64> = batch.iter().map(|b| b.pegawai.0).collect();
                    let found = existing_ids(&mut tx, "pegawai", i, &pegawai).await?;
                    if let Some((n, b)) = batch.iter().enumerate().find(|(_, b)| !found.contains(&b.pegawai.0)) {
                        return Err(invalid(format!(
                            "row {}: pegawai {} does not exist in this instansi",
                            n + 1,
                            b.pegawai
                        )));
                    }
                    let kompetensi: HashSet<i64> = batch.iter().map(|b| b.kompetensi.0).collect();
                    let found = existing_ids(&mut tx, "kompetensi", i, &kompetensi).await?;
                    if let Some((n, b)) = batch.iter().enumerate().find(|(_, b)| !found.contains(&b.kompetensi.0)) {
                        return Err(invalid(format!(
                            "row {}: kompetensi {} does not exist in this instansi",
                            n + 1,
                            b.kompetensi
                        )));
                    }

                    let mut out = Vec::with_capacity(rows.len());
                    for chunk in rows.chunks(rows_per_statement(PENILAIAN_PARAMS)) {
                        let mut sql = Sql::new(&format!("INSERT INTO penilaian ({PENILAIAN_COLUMNS}) VALUES "));
                        for (n, row) in chunk.iter().enumerate() {
                            if n > 0 {
                                sql.push(", ");
                            }
                            sql.tuple(row.clone());
                        }
                        sql.push(" RETURNING id");
                        let mut ids: Vec<i64> = sqlx::query_scalar_with(&text(&sql), args(&sql.params)?)
                            .fetch_all(&mut *tx)
                            .await
                            .map_err(|e| {
                                write_error(
                                    e,
                                    || "penilaian clashes with an existing one".to_owned(),
                                    || "a penilaian in the batch is not valid".to_owned(),
                                )
                            })?;
                        // Ids grow in VALUES order in both databases; RETURNING
                        // does not promise that order, so sort.
                        ids.sort_unstable();
                        out.extend(ids.into_iter().map(PenilaianId));
                    }

                    let detail = serde_json::json!({ "jumlah": out.len() });
                    let entity_id = if out.len() == 1 { out.first().map(|p| p.0) } else { None };
                    let entry = Audit { action: "penilaian.catat", entity: "penilaian", entity_id, detail };
                    audit(&mut tx, i, actor, entry).await?;
                    commit(tx).await?;
                    Ok(out)
                }

                async fn penilaian_pegawai(
                    &self,
                    i: InstansiId,
                    pegawai: PegawaiId,
                ) -> StoreResult<Vec<Penilaian>> {
                    pegawai_exists(self, i, pegawai).await?;
                    let rows: Vec<PenilaianRow> = sqlx::query_as(PENILAIAN_SELECT)
                        .bind(i.0)
                        .bind(pegawai.0)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;
                    rows.into_iter().map(PenilaianRow::into_penilaian).collect()
                }

                // ---- SKP -----------------------------------------------------

                async fn record_skp(&self, i: InstansiId, actor: &Actor, batch: &[Skp]) -> StoreResult<()> {
                    let rows = validate_skp(batch)?;
                    if rows.is_empty() {
                        return Ok(());
                    }
                    let mut tx = begin(self).await?;
                    let pegawai: HashSet<i64> = rows.iter().map(|s| s.pegawai.0).collect();
                    let found = existing_ids(&mut tx, "pegawai", i, &pegawai).await?;
                    if let Some(s) = rows.iter().find(|s| !found.contains(&s.pegawai.0)) {
                        return Err(invalid(format!(
                            "SKP {}: pegawai {} does not exist in this instansi",
                            s.tahun, s.pegawai
                        )));
                    }
                    for chunk in rows.chunks(rows_per_statement(4)) {
                        let mut sql = Sql::new("INSERT INTO skp (instansi_id, pegawai_id, tahun, predikat) VALUES ");
                        for (n, s) in chunk.iter().enumerate() {
                            if n > 0 {
                                sql.push(", ");
                            }
                            sql.tuple(vec![
                                Param::from(i),
                                Param::from(s.pegawai.0),
                                Param::from(s.tahun),
                                Param::from(s.predikat.code()),
                            ]);
                        }
                        sql.push(
                            " ON CONFLICT (instansi_id, pegawai_id, tahun) \
                             DO UPDATE SET predikat = excluded.predikat",
                        );
                        sqlx::query_with(&text(&sql), args(&sql.params)?)
                            .execute(&mut *tx)
                            .await
                            .map_err(plain_write_error)?;
                    }
                    let detail = serde_json::json!({ "jumlah": rows.len() });
                    let entity_id = if rows.len() == 1 { rows.first().map(|s| s.pegawai.0) } else { None };
                    let entry = Audit { action: "skp.catat", entity: "pegawai", entity_id, detail };
                    audit(&mut tx, i, actor, entry).await?;
                    commit(tx).await
                }

                async fn skp_pegawai(&self, i: InstansiId, pegawai: PegawaiId) -> StoreResult<Vec<Skp>> {
                    pegawai_exists(self, i, pegawai).await?;
                    let rows: Vec<SkpRow> = sqlx::query_as(
                        "SELECT pegawai_id, tahun, predikat FROM skp \
                         WHERE instansi_id = $1 AND pegawai_id = $2 ORDER BY tahun DESC",
                    )
                    .bind(i.0)
                    .bind(pegawai.0)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(StoreError::Database)?;
                    rows.into_iter().map(SkpRow::into_skp).collect()
                }

                // ---- Accounts and sessions -----------------------------------

                async fn create_account(
                    &self,
                    i: InstansiId,
                    actor: &Actor,
                    new: &NewAccount,
                ) -> StoreResult<AccountId> {
                    let a = validate_account(new)?;
                    let mut tx = begin(self).await?;
                    if let Some(unit) = a.unit {
                        let found = existing_ids(&mut tx, "unit_kerja", i, &HashSet::from([unit])).await?;
                        if found.is_empty() {
                            return Err(invalid(format!("unit {unit} does not exist in this instansi")));
                        }
                    }
                    if let Some(pegawai) = a.pegawai {
                        let found = existing_ids(&mut tx, "pegawai", i, &HashSet::from([pegawai])).await?;
                        if found.is_empty() {
                            return Err(invalid(format!("pegawai {pegawai} does not exist in this instansi")));
                        }
                    }
                    if let Some(mitra) = a.mitra {
                        let found = existing_ids(&mut tx, "mitra", i, &HashSet::from([mitra])).await?;
                        if found.is_empty() {
                            return Err(invalid(format!("mitra {mitra} does not exist in this instansi")));
                        }
                    }
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO akun (instansi_id, username, nama_tampilan, password_hash, role, \
                         unit_id, pegawai_id, mitra_id, aktif, dibuat_pada, wajib_ganti_sandi) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
                    )
                    .bind(i.0)
                    .bind(&a.username)
                    .bind(&a.nama_tampilan)
                    .bind(&a.password_hash)
                    .bind(a.role)
                    .bind(a.unit)
                    .bind(a.pegawai)
                    .bind(a.mitra)
                    .bind(true)
                    .bind(now())
                    .bind(a.wajib_ganti_sandi)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(|e| {
                        write_error(
                            e,
                            || format!("username {} already exists", a.username),
                            || format!("account {} is not valid in instansi {i}", a.username),
                        )
                    })?;
                    let detail = serde_json::json!({
                        "username": a.username,
                        "role": a.role,
                        "mitra_id": a.mitra,
                        "wajib_ganti_sandi": a.wajib_ganti_sandi,
                    });
                    let entry = Audit { action: "akun.tambah", entity: "akun", entity_id: Some(id), detail };
                    audit(&mut tx, i, actor, entry).await?;
                    commit(tx).await?;
                    Ok(AccountId(id))
                }

                async fn account(&self, i: InstansiId, id: AccountId) -> StoreResult<Account> {
                    let mut sql = Sql::new(ACCOUNT_SELECT);
                    sql.push(" WHERE a.instansi_id = ").bind(i).push(" AND a.id = ").bind(id.0);
                    let row: Option<AccountRow> = sqlx::query_as_with(&text(&sql), args(&sql.params)?)
                        .fetch_optional(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;
                    row.ok_or(StoreError::NotFound("akun"))?.into_account()
                }

                async fn account_by_username(
                    &self,
                    i: InstansiId,
                    username: &str,
                ) -> StoreResult<Option<Account>> {
                    let mut sql = Sql::new(ACCOUNT_SELECT);
                    sql.push(" WHERE a.instansi_id = ").bind(i).push(" AND a.username = ").bind(username.trim());
                    let row: Option<AccountRow> = sqlx::query_as_with(&text(&sql), args(&sql.params)?)
                        .fetch_optional(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;
                    row.map(AccountRow::into_account).transpose()
                }

                async fn accounts(&self, i: InstansiId) -> StoreResult<Vec<Account>> {
                    let mut sql = Sql::new(ACCOUNT_SELECT);
                    sql.push(" WHERE a.instansi_id = ").bind(i).push(" ORDER BY a.username, a.id");
                    let rows: Vec<AccountRow> = sqlx::query_as_with(&text(&sql), args(&sql.params)?)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;
                    rows.into_iter().map(AccountRow::into_account).collect()
                }

                async fn set_password(
                    &self,
                    i: InstansiId,
                    actor: &Actor,
                    account: AccountId,
                    password_hash: &str,
                    wajib_ganti_sandi: bool,
                ) -> StoreResult<()> {
                    if password_hash.trim().is_empty() {
                        return Err(invalid("password hash must not be empty"));
                    }
                    let hash = free_text("password hash", password_hash)?;
                    let mut tx = begin(self).await?;
                    let changed = sqlx::query(
                        "UPDATE akun SET password_hash = $1, wajib_ganti_sandi = $2 \
                         WHERE instansi_id = $3 AND id = $4",
                    )
                        .bind(&hash)
                        .bind(wajib_ganti_sandi)
                        .bind(i.0)
                        .bind(account.0)
                        .execute(&mut *tx)
                        .await
                        .map_err(plain_write_error)?
                        .rows_affected();
                    if changed == 0 {
                        return Err(StoreError::NotFound("akun"));
                    }
                    // Whoever signed in with the old password is signed out.
                    end_sessions(&mut tx, i, account).await?;
                    let entry = Audit {
                        action: "akun.ubah_sandi",
                        entity: "akun",
                        entity_id: Some(account.0),
                        detail: serde_json::json!({ "wajib_ganti_sandi": wajib_ganti_sandi }),
                    };
                    audit(&mut tx, i, actor, entry).await?;
                    commit(tx).await
                }

                async fn set_account_aktif(
                    &self,
                    i: InstansiId,
                    actor: &Actor,
                    account: AccountId,
                    aktif: bool,
                ) -> StoreResult<()> {
                    let mut tx = begin(self).await?;
                    let before: Option<(String, bool)> =
                        sqlx::query_as("SELECT username, aktif FROM akun WHERE instansi_id = $1 AND id = $2")
                            .bind(i.0)
                            .bind(account.0)
                            .fetch_optional(&mut *tx)
                            .await
                            .map_err(StoreError::Database)?;
                    let (username, sebelum) = before.ok_or(StoreError::NotFound("akun"))?;
                    sqlx::query("UPDATE akun SET aktif = $1 WHERE instansi_id = $2 AND id = $3")
                        .bind(aktif)
                        .bind(i.0)
                        .bind(account.0)
                        .execute(&mut *tx)
                        .await
                        .map_err(plain_write_error)?;
                    if !aktif {
                        // A deactivated account must not stay signed in anywhere.
                        end_sessions(&mut tx, i, account).await?;
                    }
                    let entry = Audit {
                        action: if aktif { "akun.aktifkan" } else { "akun.nonaktifkan" },
                        entity: "akun",
                        entity_id: Some(account.0),
                        detail: serde_json::json!({ "username": username, "sebelum": sebelum, "sesudah": aktif }),
                    };
                    audit(&mut tx, i, actor, entry).await?;
                    commit(tx).await
                }

                async fn create_session(&self, i: InstansiId, new: &NewSession) -> StoreResult<()> {
                    let s = validate_session(new)?;
                    let mut tx = begin(self).await?;
                    let akun: Option<(String, bool)> =
                        sqlx::query_as("SELECT username, aktif FROM akun WHERE instansi_id = $1 AND id = $2")
                            .bind(i.0)
                            .bind(new.account.0)
                            .fetch_optional(&mut *tx)
                            .await
                            .map_err(StoreError::Database)?;
                    let username = match akun {
                        None => {
                            return Err(invalid(format!(
                                "account {} does not exist in this instansi",
                                new.account
                            )));
                        }
                        Some((_, false)) => {
                            return Err(invalid(format!("account {} is not active", new.account)));
                        }
                        Some((username, true)) => username,
                    };
                    sqlx::query(
                        "INSERT INTO sesi (instansi_id, token_hash, akun_id, csrf_token, expires_at, dibuat_pada) \
                         VALUES ($1, $2, $3, $4, $5, $6)",
                    )
                    .bind(i.0)
                    .bind(&s.token_hash)
                    .bind(new.account.0)
                    .bind(&s.csrf_token)
                    .bind(s.expires_at)
                    .bind(now())
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| {
                        write_error(
                            e,
                            || "a session with this token already exists".to_owned(),
                            || "the session is not valid".to_owned(),
                        )
                    })?;
                    let actor = Actor::account(new.account, &username);
                    let detail = serde_json::json!({ "expires_at": s.expires_at.unix_timestamp() });
                    let entry = Audit { action: "sesi.masuk", entity: "akun", entity_id: Some(new.account.0), detail };
                    audit(&mut tx, i, &actor, entry).await?;
                    commit(tx).await
                }

                async fn session(
                    &self,
                    i: InstansiId,
                    token_hash: &str,
                    now: OffsetDateTime,
                ) -> StoreResult<Option<Session>> {
                    let row: Option<SessionRow> = sqlx::query_as(SESSION_SELECT)
                        .bind(i.0)
                        .bind(token_hash)
                        .bind(stamp(now)?)
                        .fetch_optional(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;
                    row.map(SessionRow::into_session).transpose()
                }

                async fn delete_session(&self, i: InstansiId, token_hash: &str) -> StoreResult<()> {
                    let mut tx = begin(self).await?;
                    let akun: Option<(i64, String)> = sqlx::query_as(
                        "SELECT a.id, a.username FROM sesi s \
                         JOIN akun a ON a.instansi_id = s.instansi_id AND a.id = s.akun_id \
                         WHERE s.instansi_id = $1 AND s.token_hash = $2",
                    )
                    .bind(i.0)
                    .bind(token_hash)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(StoreError::Database)?;
                    // Logging out of a session that is already gone changes nothing.
                    let Some((akun, username)) = akun else {
                        return Ok(());
                    };
                    sqlx::query("DELETE FROM sesi WHERE instansi_id = $1 AND token_hash = $2")
                        .bind(i.0)
                        .bind(token_hash)
                        .execute(&mut *tx)
                        .await
                        .map_err(plain_write_error)?;
                    let actor = Actor::account(AccountId(akun), &username);
                    let entry = Audit {
                        action: "sesi.keluar",
                        entity: "akun",
                        entity_id: Some(akun),
                        detail: serde_json::json!({}),
                    };
                    audit(&mut tx, i, &actor, entry).await?;
                    commit(tx).await
                }

                async fn purge_expired_sessions(&self, i: InstansiId, now: OffsetDateTime) -> StoreResult<u64> {
                    let now = stamp(now)?;
                    let mut tx = begin(self).await?;
                    let purged = sqlx::query("DELETE FROM sesi WHERE instansi_id = $1 AND expires_at <= $2")
                        .bind(i.0)
                        .bind(now)
                        .execute(&mut *tx)
                        .await
                        .map_err(plain_write_error)?
                        .rows_affected();
                    if purged > 0 {
                        let entry = Audit {
                            action: "sesi.bersihkan",
                            entity: "sesi",
                            entity_id: None,
                            detail: serde_json::json!({ "jumlah": purged }),
                        };
                        audit(&mut tx, i, &Actor::system("sistem"), entry).await?;
                    }
                    commit(tx).await?;
                    Ok(purged)
                }

                // ---- Audit log and summaries ----------------------------------

                async fn audit_log(&self, i: InstansiId, limit: u32) -> StoreResult<Vec<AuditEntry>> {
                    let rows: Vec<AuditRow> = sqlx::query_as(AUDIT_SELECT)
                        .bind(i.0)
                        .bind(i64::from(limit))
                        .fetch_all(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;
                    rows.into_iter().map(AuditRow::into_entry).collect()
                }

                async fn ringkasan(
                    &self,
                    i: InstansiId,
                    lingkup: Lingkup,
                    hari_ini: Date,
                ) -> StoreResult<Ringkasan> {
                    let scope = resolve_lingkup(self, i, lingkup).await?;
                    let subtree = match &scope {
                        Scope::Subtree(prefix) => Some(prefix.as_str()),
                        _ => None,
                    };

                    let mut sql = Sql::new(
                        "SELECT COUNT(CASE WHEN u.induk_id IS NULL THEN 1 END) AS opd, COUNT(*) AS unit \
                         FROM unit_kerja u WHERE u.instansi_id = ",
                    );
                    sql.bind(i);
                    unit_condition(&mut sql, "u", subtree);
                    let units: UnitCounts = sqlx::query_as_with(&text(&sql), args(&sql.params)?)
                        .fetch_one(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;

                    let mut sql = Sql::new(
                        "SELECT COUNT(*) AS jabatan, COUNT(CASE WHEN EXISTS (SELECT 1 FROM standar_kompetensi s \
                            WHERE s.instansi_id = j.instansi_id AND s.jabatan_id = j.id) THEN 1 END) AS dengan_standar \
                         FROM jabatan j JOIN unit_kerja u ON u.instansi_id = j.instansi_id AND u.id = j.unit_id \
                         WHERE j.instansi_id = ",
                    );
                    sql.bind(i);
                    unit_condition(&mut sql, "u", subtree);
                    let jabatan: JabatanCounts = sqlx::query_as_with(&text(&sql), args(&sql.params)?)
                        .fetch_one(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;

                    let kompetensi: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM kompetensi WHERE instansi_id = $1")
                        .bind(i.0)
                        .fetch_one(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;

                    let mut out = Ringkasan {
                        jumlah_opd: to_u64(units.opd),
                        jumlah_unit: to_u64(units.unit),
                        jumlah_jabatan: to_u64(jabatan.jabatan),
                        jabatan_dengan_standar: to_u64(jabatan.dengan_standar),
                        jumlah_kompetensi: to_u64(kompetensi),
                        ..Ringkasan::default()
                    };
                    if scope == Scope::Nothing {
                        return Ok(out);
                    }

                    let mut sql = Sql::new(
                        "SELECT COUNT(*) AS aktif, \
                         COUNT(CASE WHEN p.status = 'pns' THEN 1 END) AS pns, \
                         COUNT(CASE WHEN p.status = 'pppk' THEN 1 END) AS pppk, \
                         COUNT(CASE WHEN p.jabatan_id IS NULL THEN 1 END) AS tanpa_jabatan \
                         FROM pegawai p WHERE p.aktif AND p.instansi_id = ",
                    );
                    sql.bind(i);
                    scope.pegawai_condition(&mut sql, i);
                    let pegawai: PegawaiCounts = sqlx::query_as_with(&text(&sql), args(&sql.params)?)
                        .fetch_one(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;

                    let mut sql = Sql::new("SELECT COUNT(*) AS total, COUNT(CASE WHEN n.berlaku_sampai >= ");
                    sql.bind(hari_ini)
                        .push(
                            " THEN 1 END) AS berlaku FROM penilaian n \
                             JOIN pegawai p ON p.instansi_id = n.instansi_id AND p.id = n.pegawai_id \
                             WHERE n.instansi_id = ",
                        )
                        .bind(i);
                    scope.pegawai_condition(&mut sql, i);
                    let penilaian: PenilaianCounts = sqlx::query_as_with(&text(&sql), args(&sql.params)?)
                        .fetch_one(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;

                    let mut sql = Sql::new(
                        "SELECT COUNT(*) FROM pegawai p WHERE p.aktif AND EXISTS (SELECT 1 FROM penilaian n \
                         WHERE n.instansi_id = p.instansi_id AND n.pegawai_id = p.id AND n.berlaku_sampai >= ",
                    );
                    sql.bind(hari_ini).push(") AND p.instansi_id = ").bind(i);
                    scope.pegawai_condition(&mut sql, i);
                    let dinilai: i64 = sqlx::query_scalar_with(&text(&sql), args(&sql.params)?)
                        .fetch_one(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;

                    let mut sql = Sql::new(
                        "SELECT MAX(s.tahun) FROM skp s \
                         JOIN pegawai p ON p.instansi_id = s.instansi_id AND p.id = s.pegawai_id \
                         WHERE s.instansi_id = ",
                    );
                    sql.bind(i);
                    scope.pegawai_condition(&mut sql, i);
                    let tahun: Option<i32> = sqlx::query_scalar_with(&text(&sql), args(&sql.params)?)
                        .fetch_one(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;
                    if let Some(tahun) = tahun {
                        let mut sql = Sql::new(
                            "SELECT COUNT(*) FROM skp s \
                             JOIN pegawai p ON p.instansi_id = s.instansi_id AND p.id = s.pegawai_id \
                             WHERE s.tahun = ",
                        );
                        sql.bind(tahun).push(" AND s.instansi_id = ").bind(i);
                        scope.pegawai_condition(&mut sql, i);
                        let jumlah: i64 = sqlx::query_scalar_with(&text(&sql), args(&sql.params)?)
                            .fetch_one(&self.pool)
                            .await
                            .map_err(StoreError::Database)?;
                        out.skp_tahun_terakhir = Some(tahun);
                        out.skp_jumlah_terakhir = to_u64(jumlah);
                    }

                    out.pegawai_aktif = to_u64(pegawai.aktif);
                    out.pns = to_u64(pegawai.pns);
                    out.pppk = to_u64(pegawai.pppk);
                    out.pegawai_tanpa_jabatan = to_u64(pegawai.tanpa_jabatan);
                    out.penilaian_total = to_u64(penilaian.total);
                    out.penilaian_berlaku = to_u64(penilaian.berlaku);
                    out.pegawai_dinilai = to_u64(dinilai);
                    Ok(out)
                }

                async fn jumlah_pegawai_per_unit(
                    &self,
                    i: InstansiId,
                    lingkup: Lingkup,
                ) -> StoreResult<Vec<(UnitId, u64)>> {
                    let scope = resolve_lingkup(self, i, lingkup).await?;
                    if scope == Scope::Nothing {
                        return Ok(Vec::new());
                    }
                    let mut sql = Sql::new(
                        "SELECT p.unit_id, COUNT(*) FROM pegawai p WHERE p.aktif AND p.instansi_id = ",
                    );
                    sql.bind(i);
                    scope.pegawai_condition(&mut sql, i);
                    sql.push(" GROUP BY p.unit_id ORDER BY p.unit_id");
                    let rows: Vec<(i64, i64)> = sqlx::query_as_with(&text(&sql), args(&sql.params)?)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;
                    Ok(rows.into_iter().map(|(unit, n)| (UnitId(unit), to_u64(n))).collect())
                }

                // ---- Analytics -----------------------------------------------

                async fn data_kesenjangan(&self, i: InstansiId) -> StoreResult<DataKesenjangan> {
                    // See ANALITIK_PENILAIAN for why this order.
                    let penilaian: Vec<PenilaianAnalitikRow> = sqlx::query_as(ANALITIK_PENILAIAN)
                        .bind(i.0)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;
                    let pegawai: Vec<PegawaiAnalitikRow> = sqlx::query_as(ANALITIK_PEGAWAI)
                        .bind(i.0)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;
                    let jabatan: Vec<JabatanAnalitikRow> = sqlx::query_as(ANALITIK_JABATAN)
                        .bind(i.0)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;
                    let kompetensi: Vec<KompetensiAnalitikRow> = sqlx::query_as(ANALITIK_KOMPETENSI)
                        .bind(i.0)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;
                    let unit: Vec<i64> = sqlx::query_scalar(ANALITIK_UNIT)
                        .bind(i.0)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;
                    Ok(DataKesenjangan {
                        unit: unit.into_iter().map(UnitId).collect(),
                        kompetensi: kompetensi_analitik(kompetensi)?,
                        jabatan: jabatan_analitik(jabatan)?,
                        pegawai: pegawai_analitik(pegawai)?,
                        penilaian: penilaian_analitik(penilaian)?,
                    })
                }

                async fn revisi_data(&self, i: InstansiId) -> StoreResult<i64> {
                    let revisi: Option<i64> =
                        sqlx::query_scalar("SELECT revisi_data FROM instansi WHERE id = $1")
                            .bind(i.0)
                            .fetch_optional(&self.pool)
                            .await
                            .map_err(StoreError::Database)?;
                    revisi.ok_or(StoreError::NotFound("instansi"))
                }

                // ---- Pengaturan ------------------------------------------------

                async fn pengaturan(
                    &self,
                    i: InstansiId,
                    kunci: &str,
                ) -> StoreResult<Option<serde_json::Value>> {
                    let kunci = kunci_pengaturan(kunci)?;
                    let nilai: Option<String> = sqlx::query_scalar(
                        "SELECT nilai FROM pengaturan WHERE instansi_id = $1 AND kunci = $2",
                    )
                    .bind(i.0)
                    .bind(kunci)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(StoreError::Database)?;
                    nilai
                        .map(|n| {
                            serde_json::from_str(&n)
                                .map_err(|e| corrupt(format!("pengaturan {kunci:?}: {e}")))
                        })
                        .transpose()
                }

                async fn set_pengaturan(
                    &self,
                    i: InstansiId,
                    actor: &Actor,
                    kunci: &str,
                    nilai: &serde_json::Value,
                ) -> StoreResult<()> {
                    let kunci = kunci_pengaturan(kunci)?;
                    let mut tx = begin(self).await?;
                    // Lock the instansi row first (SQLite's BEGIN IMMEDIATE
                    // already serializes writers): two concurrent changes of
                    // one key then each audit the value they really replaced.
                    let locked = sqlx::query("UPDATE instansi SET revisi_data = revisi_data WHERE id = $1")
                        .bind(i.0)
                        .execute(&mut *tx)
                        .await
                        .map_err(plain_write_error)?
                        .rows_affected();
                    if locked == 0 {
                        return Err(StoreError::NotFound("instansi"));
                    }
                    let sebelum: Option<String> = sqlx::query_scalar(
                        "SELECT nilai FROM pengaturan WHERE instansi_id = $1 AND kunci = $2",
                    )
                    .bind(i.0)
                    .bind(kunci)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(StoreError::Database)?;
                    let sebelum: serde_json::Value = match sebelum {
                        Some(text) => serde_json::from_str(&text)
                            .map_err(|e| corrupt(format!("pengaturan {kunci:?}: {e}")))?,
                        None => serde_json::Value::Null,
                    };
                    sqlx::query(
                        "INSERT INTO pengaturan (instansi_id, kunci, nilai, diubah_pada) \
                         VALUES ($1, $2, $3, $4) ON CONFLICT (instansi_id, kunci) \
                         DO UPDATE SET nilai = excluded.nilai, diubah_pada = excluded.diubah_pada",
                    )
                    .bind(i.0)
                    .bind(kunci)
                    .bind(nilai.to_string())
                    .bind(now())
                    .execute(&mut *tx)
                    .await
                    .map_err(plain_write_error)?;
                    let detail = serde_json::json!({ "kunci": kunci, "sebelum": sebelum, "sesudah": nilai });
                    let entry = Audit { action: "pengaturan.ubah", entity: "pengaturan", entity_id: None, detail };
                    audit(&mut tx, i, actor, entry).await?;
                    commit(tx).await
                }

                // ---- Mitra and the catalog of programs -------------------------

                async fn add_mitra(
                    &self,
                    i: InstansiId,
                    actor: &Actor,
                    new: &NewMitra,
                ) -> StoreResult<MitraId> {
                    let m = validate_mitra(new)?;
                    let mut tx = begin(self).await?;
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO mitra (instansi_id, kode, nama, jenis, alamat, kota, website) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                    )
                    .bind(i.0)
                    .bind(&m.kode)
                    .bind(&m.nama)
                    .bind(m.jenis.code())
                    .bind(&m.alamat)
                    .bind(&m.kota)
                    .bind(&m.website)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(|e| {
                        write_error(
                            e,
                            || format!("mitra kode {} already exists", m.kode),
                            || format!("mitra {} is not valid in instansi {i}", m.kode),
                        )
                    })?;
                    write_mitra_children(&mut tx, i, id, &m).await?;
                    let detail = serde_json::json!({
                        "kode": m.kode,
                        "nama": m.nama,
                        "kontak": m.kontak.len(),
                        "kerja_sama": m.kerja_sama.len(),
                    });
                    let entry = Audit { action: "mitra.tambah", entity: "mitra", entity_id: Some(id), detail };
                    audit(&mut tx, i, actor, entry).await?;
                    commit(tx).await?;
                    Ok(MitraId(id))
                }

                async fn update_mitra(
                    &self,
                    i: InstansiId,
                    actor: &Actor,
                    id: MitraId,
                    data: &NewMitra,
                ) -> StoreResult<()> {
                    let m = validate_mitra(data)?;
                    let mut tx = begin(self).await?;
                    // Lock the row first (SQLite's BEGIN IMMEDIATE already
                    // serializes writers), so the audited "before" is what
                    // this change really replaces.
                    let locked = sqlx::query("UPDATE mitra SET kode = kode WHERE instansi_id = $1 AND id = $2")
                        .bind(i.0)
                        .bind(id.0)
                        .execute(&mut *tx)
                        .await
                        .map_err(plain_write_error)?
                        .rows_affected();
                    if locked == 0 {
                        return Err(StoreError::NotFound("mitra"));
                    }
                    let before = fetch_mitra(&mut tx, i, Some(id))
                        .await?
                        .into_iter()
                        .next()
                        .ok_or(StoreError::NotFound("mitra"))?;
                    sqlx::query(
                        "UPDATE mitra SET kode = $1, nama = $2, jenis = $3, alamat = $4, kota = $5, \
                         website = $6 WHERE instansi_id = $7 AND id = $8",
                    )
                    .bind(&m.kode)
                    .bind(&m.nama)
                    .bind(m.jenis.code())
                    .bind(&m.alamat)
                    .bind(&m.kota)
                    .bind(&m.website)
                    .bind(i.0)
                    .bind(id.0)
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| {
                        write_error(
                            e,
                            || format!("mitra kode {} already exists", m.kode),
                            || format!("the change of mitra {id} is not valid"),
                        )
                    })?;
                    write_mitra_children(&mut tx, i, id.0, &m).await?;
                    let detail = ubah_detail(&m.kode, &before.data(), &m)?;
                    let entry = Audit { action: "mitra.ubah", entity: "mitra", entity_id: Some(id.0), detail };
                    audit(&mut tx, i, actor, entry).await?;
                    commit(tx).await
                }

                async fn mitra(&self, i: InstansiId, id: MitraId) -> StoreResult<Mitra> {
                    let mut conn = self.pool.acquire().await.map_err(StoreError::Database)?;
                    fetch_mitra(&mut conn, i, Some(id))
                        .await?
                        .into_iter()
                        .next()
                        .ok_or(StoreError::NotFound("mitra"))
                }

                async fn list_mitra(&self, i: InstansiId) -> StoreResult<Vec<Mitra>> {
                    let mut conn = self.pool.acquire().await.map_err(StoreError::Database)?;
                    fetch_mitra(&mut conn, i, None).await
                }

                async fn list_kerja_sama(
                    &self,
                    i: InstansiId,
                    berakhir_sampai: Option<Date>,
                ) -> StoreResult<Vec<KerjaSamaMitra>> {
                    let mut sql = Sql::new(MITRA_KERJA_SAMA_SELECT);
                    sql.bind(i);
                    if let Some(sampai) = berakhir_sampai {
                        sql.push(" AND k.tanggal_berakhir <= ").bind(sampai);
                    }
                    sql.push(" ORDER BY k.tanggal_berakhir, lower(m.nama), k.mitra_id, k.urutan");
                    let rows: Vec<KerjaSamaRow> = sqlx::query_as_with(&text(&sql), args(&sql.params)?)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;
                    rows.into_iter().map(KerjaSamaRow::into_kerja_sama).collect()
                }

                async fn add_program(
                    &self,
                    i: InstansiId,
                    actor: &Actor,
                    new: &NewProgram,
                ) -> StoreResult<ProgramId> {
                    let v = validate_program(new)?;
                    let p = &v.data;
                    let mut tx = begin(self).await?;
                    program_references(&mut tx, i, p).await?;
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO program_pengembangan (instansi_id, kode, judul, mitra_id, bentuk, jp, \
                         biaya_per_peserta, biaya_per_angkatan, ukuran_angkatan, maks_angkatan, moda, \
                         terbuka_untuk_semua, jadwal_mulai, jadwal_selesai, aktif) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id",
                    )
                    .bind(i.0)
                    .bind(&p.kode)
                    .bind(&p.judul)
                    .bind(p.penyelenggara.map(|m| m.0))
                    .bind(p.bentuk.code())
                    .bind(v.jp)
                    .bind(v.biaya_per_peserta)
                    .bind(v.biaya_per_angkatan)
                    .bind(v.ukuran_angkatan)
                    .bind(v.maks_angkatan)
                    .bind(p.moda.code())
                    .bind(p.terbuka_untuk_semua)
                    .bind(v.jadwal_mulai)
                    .bind(v.jadwal_selesai)
                    .bind(p.aktif)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(|e| {
                        write_error(
                            e,
                            || format!("program kode {} already exists", p.kode),
                            || format!("program {} is not valid in instansi {i}", p.kode),
                        )
                    })?;
                    write_program_children(&mut tx, i, id, p).await?;
                    let detail = serde_json::json!({ "kode": p.kode, "judul": p.judul });
                    let entry = Audit {
                        action: "program.tambah",
                        entity: "program_pengembangan",
                        entity_id: Some(id),
                        detail,
                    };
                    audit(&mut tx, i, actor, entry).await?;
                    commit(tx).await?;
                    Ok(ProgramId(id))
                }

                async fn update_program(
                    &self,
                    i: InstansiId,
                    actor: &Actor,
                    id: ProgramId,
                    data: &NewProgram,
                ) -> StoreResult<()> {
                    let v = validate_program(data)?;
                    let p = &v.data;
                    let mut tx = begin(self).await?;
                    // Lock the row first, as in update_mitra.
                    let locked = sqlx::query(
                        "UPDATE program_pengembangan SET kode = kode WHERE instansi_id = $1 AND id = $2",
                    )
                    .bind(i.0)
                    .bind(id.0)
                    .execute(&mut *tx)
                    .await
                    .map_err(plain_write_error)?
                    .rows_affected();
                    if locked == 0 {
                        return Err(StoreError::NotFound("program"));
                    }
                    let before = fetch_program(&mut tx, i, &ProgramQuery::default(), Some(id))
                        .await?
                        .into_iter()
                        .next()
                        .ok_or(StoreError::NotFound("program"))?;
                    program_references(&mut tx, i, p).await?;
                    sqlx::query(
                        "UPDATE program_pengembangan SET kode = $1, judul = $2, mitra_id = $3, bentuk = $4, \
                         jp = $5, biaya_per_peserta = $6, biaya_per_angkatan = $7, ukuran_angkatan = $8, \
                         maks_angkatan = $9, moda = $10, terbuka_untuk_semua = $11, jadwal_mulai = $12, \
                         jadwal_selesai = $13, aktif = $14 WHERE instansi_id = $15 AND id = $16",
                    )
                    .bind(&p.kode)
                    .bind(&p.judul)
                    .bind(p.penyelenggara.map(|m| m.0))
                    .bind(p.bentuk.code())
                    .bind(v.jp)
                    .bind(v.biaya_per_peserta)
                    .bind(v.biaya_per_angkatan)
                    .bind(v.ukuran_angkatan)
                    .bind(v.maks_angkatan)
                    .bind(p.moda.code())
                    .bind(p.terbuka_untuk_semua)
                    .bind(v.jadwal_mulai)
                    .bind(v.jadwal_selesai)
                    .bind(p.aktif)
                    .bind(i.0)
                    .bind(id.0)
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| {
                        write_error(
                            e,
                            || format!("program kode {} already exists", p.kode),
                            || format!("the change of program {id} is not valid"),
                        )
                    })?;
                    write_program_children(&mut tx, i, id.0, p).await?;
                    let detail = ubah_detail(&p.kode, &before.data(), p)?;
                    let entry = Audit {
                        action: "program.ubah",
                        entity: "program_pengembangan",
                        entity_id: Some(id.0),
                        detail,
                    };
                    audit(&mut tx, i, actor, entry).await?;
                    commit(tx).await
                }

                async fn program(&self, i: InstansiId, id: ProgramId) -> StoreResult<Program> {
                    let mut conn = self.pool.acquire().await.map_err(StoreError::Database)?;
                    fetch_program(&mut conn, i, &ProgramQuery::default(), Some(id))
                        .await?
                        .into_iter()
                        .next()
                        .ok_or(StoreError::NotFound("program"))
                }

                async fn list_program(&self, i: InstansiId, q: &ProgramQuery) -> StoreResult<Vec<Program>> {
                    let mut conn = self.pool.acquire().await.map_err(StoreError::Database)?;
                    fetch_program(&mut conn, i, q, None).await
                }

                async fn add_usulan(
                    &self,
                    i: InstansiId,
                    actor: &Actor,
                    new: &NewUsulan,
                ) -> StoreResult<UsulanId> {
                    let v = validate_usulan(new)?;
                    let status = kompeten_domain::StatusUsulan::awal(new.sumber);
                    let at = now();
                    let mut tx = begin(self).await?;
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO usulan_pengembangan (instansi_id, pegawai_id, tahun, kompetensi_id, \
                         naik_level, program_id, alasan, sumber, status, diajukan_oleh, diajukan_pada, \
                         diputus_oleh, diputus_pada) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
                    )
                    .bind(i.0)
                    .bind(new.pegawai.0)
                    .bind(v.tahun)
                    .bind(new.kompetensi.0)
                    .bind(v.naik_level)
                    .bind(new.program.map(|p| p.0))
                    .bind(&v.alasan)
                    .bind(new.sumber.code())
                    .bind(status.code())
                    .bind(&actor.label)
                    .bind(at)
                    // A need approved on entry is decided by whoever made it.
                    .bind((!status.boleh_diputus()).then_some(actor.label.as_str()))
                    .bind((!status.boleh_diputus()).then_some(at))
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(|e| {
                        write_error(
                            e,
                            || "the need already exists".to_owned(),
                            || format!(
                                "employee {}, competency {} or program {:?} does not exist in instansi {i}",
                                new.pegawai, new.kompetensi, new.program.map(|p| p.0)
                            ),
                        )
                    })?;
                    let detail = serde_json::json!({
                        "pegawai_id": new.pegawai.0,
                        "tahun": v.tahun,
                        "kompetensi_id": new.kompetensi.0,
                        "naik_level": v.naik_level,
                        "program_id": new.program.map(|p| p.0),
                        "sumber": new.sumber.code(),
                        "status": status.code(),
                    });
                    let entry = Audit {
                        action: "usulan.tambah",
                        entity: "usulan_pengembangan",
                        entity_id: Some(id),
                        detail,
                    };
                    audit(&mut tx, i, actor, entry).await?;
                    commit(tx).await?;
                    Ok(UsulanId(id))
                }

                async fn putus_usulan(
                    &self,
                    i: InstansiId,
                    actor: &Actor,
                    id: UsulanId,
                    ke: kompeten_domain::StatusUsulan,
                    catatan_putusan: Option<&str>,
                ) -> StoreResult<()> {
                    use kompeten_domain::StatusUsulan;
                    if ke == StatusUsulan::Diajukan {
                        return Err(invalid("a need cannot be decided back to waiting"));
                    }
                    let note = catatan(catatan_putusan)?;
                    let mut tx = begin(self).await?;
                    let changed = sqlx::query(
                        "UPDATE usulan_pengembangan SET status = $1, diputus_oleh = $2, diputus_pada = $3, \
                         catatan_putusan = $4 WHERE instansi_id = $5 AND id = $6 AND status = 'diajukan'",
                    )
                    .bind(ke.code())
                    .bind(&actor.label)
                    .bind(now())
                    .bind(note.as_deref())
                    .bind(i.0)
                    .bind(id.0)
                    .execute(&mut *tx)
                    .await
                    .map_err(plain_write_error)?
                    .rows_affected();
                    if changed == 0 {
                        let status: Option<String> = sqlx::query_scalar(
                            "SELECT status FROM usulan_pengembangan WHERE instansi_id = $1 AND id = $2",
                        )
                        .bind(i.0)
                        .bind(id.0)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(StoreError::Database)?;
                        return Err(match status {
                            None => StoreError::NotFound("usulan"),
                            Some(s) => invalid(format!("the need is already decided ({s})")),
                        });
                    }
                    let entry = Audit {
                        action: "usulan.putus",
                        entity: "usulan_pengembangan",
                        entity_id: Some(id.0),
                        detail: serde_json::json!({ "status": ke.code(), "catatan": note }),
                    };
                    audit(&mut tx, i, actor, entry).await?;
                    commit(tx).await
                }

                async fn usulan(&self, i: InstansiId, id: UsulanId) -> StoreResult<Usulan> {
                    let mut sql = Sql::new(USULAN_SELECT);
                    sql.bind(i).push(" AND s.id = ").bind(id.0);
                    let row: Option<UsulanRow> = sqlx::query_as_with(&text(&sql), args(&sql.params)?)
                        .fetch_optional(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;
                    row.ok_or(StoreError::NotFound("usulan"))?.into_usulan()
                }

                async fn list_usulan(&self, i: InstansiId, q: &UsulanQuery) -> StoreResult<Vec<Usulan>> {
                    let scope = resolve_lingkup(self, i, q.lingkup).await?;
                    let mut sql = Sql::new(USULAN_SELECT);
                    sql.bind(i);
                    scope.pegawai_condition(&mut sql, i);
                    if let Some(tahun) = q.tahun {
                        sql.push(" AND s.tahun = ").bind(tahun);
                    }
                    if let Some(status) = q.status {
                        sql.push(" AND s.status = ").bind(status.code());
                    }
                    sql.push(" ORDER BY s.diajukan_pada DESC, s.id DESC");
                    let rows: Vec<UsulanRow> = sqlx::query_as_with(&text(&sql), args(&sql.params)?)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;
                    rows.into_iter().map(UsulanRow::into_usulan).collect()
                }

                async fn create_rencana(
                    &self,
                    i: InstansiId,
                    actor: &Actor,
                    new: &NewRencana,
                ) -> StoreResult<RencanaId> {
                    let v = validate_rencana(new)?;
                    let mut tx = begin(self).await?;
                    let versi: i32 = sqlx::query_scalar(
                        "SELECT CAST(COALESCE(MAX(versi), 0) + 1 AS INTEGER) FROM rencana \
                         WHERE instansi_id = $1 AND tahun = $2",
                    )
                    .bind(i.0)
                    .bind(v.tahun)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(StoreError::Database)?;
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO rencana (instansi_id, tahun, versi, nama, status, anggaran, nilai, \
                         batas, biaya, revisi, masalah, skenario, basis_id, dibuat_oleh, dibuat_pada) \
                         VALUES ($1, $2, $3, $4, 'draf', $5, $6, $7, $8, 1, $9, $10, $11, $12, $13) RETURNING id",
                    )
                    .bind(i.0)
                    .bind(v.tahun)
                    .bind(versi)
                    .bind(&v.nama)
                    .bind(new.anggaran)
                    .bind(new.hasil.nilai)
                    .bind(new.hasil.batas)
                    .bind(new.hasil.biaya)
                    .bind(&v.masalah)
                    .bind(v.skenario.as_deref())
                    .bind(new.basis.map(|b| b.0))
                    .bind(&actor.label)
                    .bind(now())
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(|e| {
                        write_error(
                            e,
                            || format!("version {versi} of the {} plan was just made by someone else", v.tahun),
                            || format!("the base plan {:?} does not exist in instansi {i}", new.basis.map(|b| b.0)),
                        )
                    })?;
                    let rows = new
                        .penugasan
                        .iter()
                        .map(|p| {
                            vec![
                                Param::from(i),
                                Param::from(id),
                                Param::from(p.pegawai.0),
                                Param::from(p.program.0),
                                Param::from(p.manual),
                            ]
                        })
                        .collect();
                    insert_rows(
                        &mut tx,
                        "INSERT INTO rencana_penugasan (instansi_id, rencana_id, pegawai_id, program_id, manual) VALUES ",
                        rows,
                        5,
                        "an assignment names an employee or program that does not exist",
                    )
                    .await?;
                    let detail = serde_json::json!({
                        "tahun": v.tahun,
                        "versi": versi,
                        "nama": v.nama,
                        "anggaran": new.anggaran,
                        "penugasan": new.penugasan.len(),
                        "basis_id": new.basis.map(|b| b.0),
                    });
                    let entry = Audit {
                        action: "rencana.buat",
                        entity: "rencana",
                        entity_id: Some(id),
                        detail,
                    };
                    audit(&mut tx, i, actor, entry).await?;
                    commit(tx).await?;
                    Ok(RencanaId(id))
                }

                async fn rencana(&self, i: InstansiId, id: RencanaId) -> StoreResult<Rencana> {
                    fetch_rencana(&self.pool, i, None, Some(id))
                        .await?
                        .into_iter()
                        .next()
                        .ok_or(StoreError::NotFound("rencana"))
                }

                async fn list_rencana(&self, i: InstansiId, tahun: Option<i32>) -> StoreResult<Vec<Rencana>> {
                    fetch_rencana(&self.pool, i, tahun, None).await
                }

                async fn dokumen_rencana(&self, i: InstansiId, id: RencanaId) -> StoreResult<DokumenRencana> {
                    let row: Option<(String, Option<String>)> = sqlx::query_as(
                        "SELECT masalah, skenario FROM rencana WHERE instansi_id = $1 AND id = $2",
                    )
                    .bind(i.0)
                    .bind(id.0)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(StoreError::Database)?;
                    let (masalah, skenario) = row.ok_or(StoreError::NotFound("rencana"))?;
                    let json = |t: &str| serde_json::from_str(t).map_err(|e| corrupt(format!("plan {id}: {e}")));
                    Ok(DokumenRencana {
                        masalah: json(&masalah)?,
                        skenario: skenario.as_deref().map(json).transpose()?,
                    })
                }

                async fn penugasan_rencana(
                    &self,
                    i: InstansiId,
                    id: RencanaId,
                    lingkup: Lingkup,
                ) -> StoreResult<Vec<Penugasan>> {
                    let scope = resolve_lingkup(self, i, lingkup).await?;
                    let mut sql = Sql::new(PENUGASAN_SELECT);
                    sql.bind(i).push(" AND t.rencana_id = ").bind(id.0);
                    scope.pegawai_condition(&mut sql, i);
                    sql.push(" ORDER BY o.urutan, u.urutan, p.nama, p.id, g.kode");
                    let rows: Vec<PenugasanRow> = sqlx::query_as_with(&text(&sql), args(&sql.params)?)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(StoreError::Database)?;
                    rows.into_iter().map(PenugasanRow::into_penugasan).collect()
                }

                async fn ubah_penugasan(
                    &self,
                    i: InstansiId,
                    actor: &Actor,
                    id: RencanaId,
                    ubah: &UbahPenugasan,
                ) -> StoreResult<i64> {
                    validate_hasil(&ubah.hasil)?;
                    let mut tx = begin(self).await?;
                    let changed = sqlx::query(
                        "UPDATE rencana SET revisi = revisi + 1, nilai = $1, batas = $2, biaya = $3 \
                         WHERE instansi_id = $4 AND id = $5 AND status = 'draf' AND revisi = $6",
                    )
                    .bind(ubah.hasil.nilai)
                    .bind(ubah.hasil.batas)
                    .bind(ubah.hasil.biaya)
                    .bind(i.0)
                    .bind(id.0)
                    .bind(ubah.revisi)
                    .execute(&mut *tx)
                    .await
                    .map_err(plain_write_error)?
                    .rows_affected();
                    if changed == 0 {
                        let row: Option<(String, i64)> = sqlx::query_as(
                            "SELECT status, revisi FROM rencana WHERE instansi_id = $1 AND id = $2",
                        )
                        .bind(i.0)
                        .bind(id.0)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(StoreError::Database)?;
                        return Err(match row {
                            None => StoreError::NotFound("rencana"),
                            Some((status, _)) if status != "draf" => {
                                invalid(format!("the plan is {status}; only a draft changes"))
                            }
                            Some((_, revisi)) => StoreError::Conflict(format!(
                                "the plan changed (revision {revisi}, the change was made on {})",
                                ubah.revisi
                            )),
                        });
                    }
                    for &(pegawai, program) in &ubah.hapus {
                        sqlx::query(
                            "DELETE FROM rencana_penugasan WHERE instansi_id = $1 AND rencana_id = $2 \
                             AND pegawai_id = $3 AND program_id = $4",
                        )
                        .bind(i.0)
                        .bind(id.0)
                        .bind(pegawai.0)
                        .bind(program.0)
                        .execute(&mut *tx)
                        .await
                        .map_err(plain_write_error)?;
                    }
                    let rows = ubah
                        .tambah
                        .iter()
                        .map(|p| {
                            vec![
                                Param::from(i),
                                Param::from(id.0),
                                Param::from(p.pegawai.0),
                                Param::from(p.program.0),
                                Param::from(p.manual),
                            ]
                        })
                        .collect();
                    insert_rows(
                        &mut tx,
                        "INSERT INTO rencana_penugasan (instansi_id, rencana_id, pegawai_id, program_id, manual) VALUES ",
                        rows,
                        5,
                        "an assignment names an employee or program that does not exist",
                    )
                    .await?;
                    let pasangan = |v: &mut dyn Iterator<Item = (PegawaiId, ProgramId)>| {
                        v.map(|(p, g)| [p.0, g.0]).collect::<Vec<_>>()
                    };
                    let detail = serde_json::json!({
                        "revisi": ubah.revisi + 1,
                        "tambah": pasangan(&mut ubah.tambah.iter().map(|p| (p.pegawai, p.program))),
                        "hapus": pasangan(&mut ubah.hapus.iter().copied()),
                        "nilai": ubah.hasil.nilai,
                        "biaya": ubah.hasil.biaya,
                    });
                    let entry = Audit {
                        action: "rencana.ubah",
                        entity: "rencana",
                        entity_id: Some(id.0),
                        detail,
                    };
                    audit(&mut tx, i, actor, entry).await?;
                    commit(tx).await?;
                    Ok(ubah.revisi + 1)
                }

                async fn ubah_status_rencana(
                    &self,
                    i: InstansiId,
                    actor: &Actor,
                    id: RencanaId,
                    dari: kompeten_domain::StatusRencana,
                    ke: kompeten_domain::StatusRencana,
                ) -> StoreResult<()> {
                    use kompeten_domain::StatusRencana;
                    if !dari.boleh_ke(ke) {
                        return Err(invalid(format!(
                            "a plan does not move from {} to {}",
                            dari.code(),
                            ke.code()
                        )));
                    }
                    let mut tx = begin(self).await?;
                    let found: Option<(String, i32)> = sqlx::query_as(
                        "UPDATE rencana SET status = status WHERE instansi_id = $1 AND id = $2 \
                         RETURNING status, tahun",
                    )
                    .bind(i.0)
                    .bind(id.0)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(plain_write_error)?;
                    let Some((status, tahun)) = found else {
                        return Err(StoreError::NotFound("rencana"));
                    };
                    if status != dari.code() {
                        return Err(invalid(format!("the plan is {status}, not {}", dari.code())));
                    }
                    if ke == StatusRencana::Draf {
                        sqlx::query("DELETE FROM rencana_tinjauan WHERE instansi_id = $1 AND rencana_id = $2")
                            .bind(i.0)
                            .bind(id.0)
                            .execute(&mut *tx)
                            .await
                            .map_err(plain_write_error)?;
                    }
                    if ke == StatusRencana::Disetujui {
                        let belum: i64 = sqlx::query_scalar(
                            "SELECT COUNT(DISTINCT u.opd_id) FROM rencana_penugasan t \
                             JOIN pegawai p ON p.instansi_id = t.instansi_id AND p.id = t.pegawai_id \
                             JOIN unit_kerja u ON u.instansi_id = p.instansi_id AND u.id = p.unit_id \
                             WHERE t.instansi_id = $1 AND t.rencana_id = $2 AND NOT EXISTS ( \
                             SELECT 1 FROM rencana_tinjauan r WHERE r.instansi_id = t.instansi_id \
                             AND r.rencana_id = t.rencana_id AND r.opd_id = u.opd_id AND r.status = 'sesuai')",
                        )
                        .bind(i.0)
                        .bind(id.0)
                        .fetch_one(&mut *tx)
                        .await
                        .map_err(StoreError::Database)?;
                        if belum > 0 {
                            return Err(invalid(format!(
                                "{belum} OPD have not reviewed their part as fitting"
                            )));
                        }
                        sqlx::query(
                            "UPDATE rencana SET status = 'diganti' WHERE instansi_id = $1 AND tahun = $2 \
                             AND status = 'disetujui'",
                        )
                        .bind(i.0)
                        .bind(tahun)
                        .execute(&mut *tx)
                        .await
                        .map_err(plain_write_error)?;
                    }
                    let approved = ke == StatusRencana::Disetujui;
                    sqlx::query(
                        "UPDATE rencana SET status = $1, disetujui_oleh = $2, disetujui_pada = $3 \
                         WHERE instansi_id = $4 AND id = $5",
                    )
                    .bind(ke.code())
                    .bind(approved.then_some(actor.label.as_str()))
                    .bind(approved.then(now))
                    .bind(i.0)
                    .bind(id.0)
                    .execute(&mut *tx)
                    .await
                    .map_err(plain_write_error)?;
                    let entry = Audit {
                        action: "rencana.status",
                        entity: "rencana",
                        entity_id: Some(id.0),
                        detail: serde_json::json!({ "dari": dari.code(), "ke": ke.code() }),
                    };
                    audit(&mut tx, i, actor, entry).await?;
                    commit(tx).await
                }

                async fn tinjau_rencana(
                    &self,
                    i: InstansiId,
                    actor: &Actor,
                    id: RencanaId,
                    opd: UnitId,
                    status: kompeten_domain::StatusTinjauan,
                    catatan_tinjauan: Option<&str>,
                ) -> StoreResult<()> {
                    let note = catatan(catatan_tinjauan)?;
                    let mut tx = begin(self).await?;
                    let found: Option<String> = sqlx::query_scalar(
                        "UPDATE rencana SET status = status WHERE instansi_id = $1 AND id = $2 RETURNING status",
                    )
                    .bind(i.0)
                    .bind(id.0)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(plain_write_error)?;
                    match found.as_deref() {
                        None => return Err(StoreError::NotFound("rencana")),
                        Some("ditinjau") => {}
                        Some(s) => {
                            return Err(invalid(format!("the plan is {s}; only a plan under review is reviewed")));
                        }
                    }
                    let is_opd: Option<i64> = sqlx::query_scalar(
                        "SELECT id FROM unit_kerja WHERE instansi_id = $1 AND id = $2 AND opd_id = id",
                    )
                    .bind(i.0)
                    .bind(opd.0)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(StoreError::Database)?;
                    if is_opd.is_none() {
                        return Err(StoreError::NotFound("OPD"));
                    }
                    sqlx::query("DELETE FROM rencana_tinjauan WHERE instansi_id = $1 AND rencana_id = $2 AND opd_id = $3")
                        .bind(i.0)
                        .bind(id.0)
                        .bind(opd.0)
                        .execute(&mut *tx)
                        .await
                        .map_err(plain_write_error)?;
                    sqlx::query(
                        "INSERT INTO rencana_tinjauan (instansi_id, rencana_id, opd_id, status, catatan, oleh, pada) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    )
                    .bind(i.0)
                    .bind(id.0)
                    .bind(opd.0)
                    .bind(status.code())
                    .bind(note.as_deref())
                    .bind(&actor.label)
                    .bind(now())
                    .execute(&mut *tx)
                    .await
                    .map_err(plain_write_error)?;
                    let entry = Audit {
                        action: "rencana.tinjau",
                        entity: "rencana",
                        entity_id: Some(id.0),
                        detail: serde_json::json!({
                            "opd_id": opd.0,
                            "status": status.code(),
                            "catatan": note,
                        }),
                    };
                    audit(&mut tx, i, actor, entry).await?;
                    commit(tx).await
                }
            }
        }
    };
}
pub(crate) use impl_store;

#[cfg(test)]
mod tests {
    use super::*;

    fn sql(text: &str, params: usize) -> Sql {
        Sql {
            text: text.to_owned(),
            params: vec![Param::I64(0); params],
        }
    }

    #[test]
    fn placeholders_become_positional_only_when_in_order() {
        let built = {
            let mut s = Sql::new("SELECT a FROM t WHERE b = ");
            s.bind(1i64).push(" AND c IN ").in_list(&[2i64, 3]);
            s
        };
        assert_eq!(built.text, "SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)");
        assert_eq!(
            positional_placeholders(&built).as_deref(),
            Some("SELECT a FROM t WHERE b = ? AND c IN (?, ?)")
        );
        assert_eq!(positional_placeholders(&sql("a = $1 AND b = $1", 1)), None);
        assert_eq!(positional_placeholders(&sql("a = $2 AND b = $1", 2)), None);
        assert_eq!(positional_placeholders(&sql("a = $1", 2)), None);
        assert_eq!(positional_placeholders(&sql("a = $x", 0)), None);
        assert_eq!(
            positional_placeholders(&sql("no params", 0)).as_deref(),
            Some("no params")
        );
        assert_eq!(positional_placeholders(&sql("$9$10", 0)), None);
    }

    #[test]
    fn unit_sort_keys_give_tree_order_with_siblings_by_name() {
        let dinas_a = urutan_anak("", None, "Dinas A", 7);
        let dinas_a_b = urutan_anak("", None, "Dinas A B", 3);
        let child_of_a = urutan_anak(&dinas_a, None, "Zona", 9);
        let badan = urutan_anak("", None, "badan", 8);
        let mut keys = vec![&dinas_a_b, &child_of_a, &dinas_a, &badan];
        keys.sort();
        assert_eq!(keys, [&badan, &dinas_a, &child_of_a, &dinas_a_b]);
        // Equal names fall back to the id.
        assert!(urutan_anak("", None, "Sama", 2) < urutan_anak("", None, "Sama", 10));
    }

    #[test]
    fn numbered_siblings_come_first_in_their_order() {
        let setda = urutan_anak("", Some(0), "Sekretariat Daerah", 9);
        let bappeda = urutan_anak("", Some(3), "Bappeda", 2);
        let kecamatan = urutan_anak("", Some(10), "Kecamatan Barangin", 1);
        let child_of_setda = urutan_anak(&setda, Some(0), "Bagian Umum", 12);
        let unnumbered = urutan_anak("", None, "\u{2}Arsip", 3);
        let mut keys = vec![&unnumbered, &kecamatan, &child_of_setda, &bappeda, &setda];
        keys.sort();
        assert_eq!(
            keys,
            [&setda, &child_of_setda, &bappeda, &kecamatan, &unnumbered]
        );
        // Equal positions fall back to the name, then the id.
        assert!(urutan_anak("", Some(1), "A", 5) < urutan_anak("", Some(1), "B", 4));
        assert!(urutan_anak("", Some(1), "A", 4) < urutan_anak("", Some(1), "A", 5));
    }

    #[test]
    fn competency_codes_sort_numerically() {
        let mut codes = vec!["M.10", "M.2", "m.1", "T.2.10", "T.2.9", "M.02"];
        codes.sort_by_cached_key(|k| kode_key(k));
        assert_eq!(codes, ["m.1", "M.2", "M.02", "M.10", "T.2.9", "T.2.10"]);
    }

    #[test]
    fn paths_and_patterns() {
        assert_eq!(jalur_anak("/12/", 34), "/12/34/");
        assert_eq!(
            parse_jalur("/12/34/").expect("path"),
            [UnitId(12), UnitId(34)]
        );
        assert!(parse_jalur("/12/x/").is_err());
        assert_eq!(like_anywhere("50%_a!"), "%50!%!_a!!%");
    }

    #[test]
    fn timestamps_are_stored_in_utc_whole_seconds() {
        let wib = time::macros::datetime!(2025-01-01 16:00:00.75 +07:00);
        assert_eq!(
            stamp(wib).expect("in range"),
            time::macros::datetime!(2025-01-01 09:00:00 UTC)
        );
        assert!(stamp(time::macros::datetime!(-0001-01-01 00:00 UTC)).is_err());
    }

    #[test]
    fn logins_and_accounts_leave_the_data_revision_alone() {
        for entity in ["akun", "sesi", "instansi"] {
            assert!(!ubah_data_analitik(entity), "{entity}");
        }
        for entity in [
            "unit_kerja",
            "jabatan",
            "kompetensi",
            "pegawai",
            "penilaian",
            "pengaturan",
        ] {
            assert!(ubah_data_analitik(entity), "{entity}");
        }
    }

    #[test]
    fn settings_keys_are_checked_not_trimmed() {
        assert_eq!(
            kunci_pengaturan("analitik.ambang").expect("valid"),
            "analitik.ambang"
        );
        for bad in ["", "   ", " a", "a ", "a\nb"] {
            assert!(kunci_pengaturan(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn pages_are_one_based_and_bounded() {
        assert_eq!(validate_page(1, 25).expect("valid"), (25, 0));
        assert_eq!(validate_page(3, 10).expect("valid"), (10, 20));
        assert!(validate_page(0, 10).is_err());
        assert!(validate_page(1, 0).is_err());
        assert!(validate_page(1, MAX_PER_HALAMAN + 1).is_err());
    }
}
