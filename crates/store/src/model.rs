//! Records as the store reads and writes them, in domain words.

use kompeten_domain::{
    Golongan, JenisJabatan, JenisKelamin, JenisUnit, KelompokKompetensi, Level, MetodePenilaian,
    Nip, Pendidikan, PredikatKinerja, Role, StatusAsn, TingkatJabatan,
};
use serde::Serialize;
use time::{Date, OffsetDateTime};

macro_rules! id_type {
    ($($(#[$meta:meta])* $name:ident),+ $(,)?) => {$(
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    )+};
}

id_type!(
    /// An agency (instansi): the tenant. Every other record belongs to one.
    InstansiId,
    UnitId,
    JabatanId,
    KompetensiId,
    PegawaiId,
    PenilaianId,
    AccountId,
);

/// Who makes a change, for the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub account: Option<AccountId>,
    pub label: String,
}

impl Actor {
    /// A change made by a signed-in account.
    pub fn account(id: AccountId, username: &str) -> Self {
        Actor {
            account: Some(id),
            label: username.to_owned(),
        }
    }

    /// A change made by the system itself, e.g. `"demo"` or `"cli"`.
    pub fn system(label: &str) -> Self {
        Actor {
            account: None,
            label: label.to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewInstansi {
    pub kode: String,
    pub nama: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Instansi {
    pub id: InstansiId,
    pub kode: String,
    pub nama: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUnit {
    /// `None` makes the unit an OPD (a top-level unit of the instansi).
    pub induk: Option<UnitId>,
    pub kode: String,
    pub nama: String,
    pub jenis: JenisUnit,
    /// Position among its siblings in the source's order (the SOTK's, as a
    /// Perda lists its OPD: Sekretariat Daerah first, kecamatan last).
    /// Numbered siblings come first, by number; the rest follow by name.
    pub urut: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unit {
    pub id: UnitId,
    pub induk: Option<UnitId>,
    pub kode: String,
    pub nama: String,
    pub jenis: JenisUnit,
    /// The unit's ancestors from its OPD down to itself, inclusive.
    pub jalur: Vec<UnitId>,
}

impl Unit {
    /// The OPD the unit belongs to (itself when it is an OPD).
    pub fn opd(&self) -> UnitId {
        self.jalur.first().copied().unwrap_or(self.id)
    }

    /// Depth in the tree: 0 for an OPD.
    pub fn kedalaman(&self) -> usize {
        self.jalur.len().saturating_sub(1)
    }

    /// Whether this unit is `ancestor` or lies below it.
    pub fn di_bawah(&self, ancestor: UnitId) -> bool {
        self.jalur.contains(&ancestor)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewJabatan {
    pub kode: String,
    pub nama: String,
    pub tingkat: TingkatJabatan,
    pub unit: UnitId,
    /// Kelas jabatan (grade for allowances), 1..=17 where known.
    pub kelas: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Jabatan {
    pub id: JabatanId,
    pub kode: String,
    pub nama: String,
    pub tingkat: TingkatJabatan,
    pub unit: UnitId,
    pub kelas: Option<u8>,
}

/// A position in a list, with what users want to see beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JabatanRow {
    pub jabatan: Jabatan,
    pub unit_nama: String,
    pub jumlah_pegawai: u64,
    pub jumlah_standar: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JabatanQuery {
    pub teks: Option<String>,
    /// The unit and everything below it.
    pub unit: Option<UnitId>,
    pub jenis: Option<JenisJabatan>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LevelKompetensi {
    pub level: Level,
    pub deskripsi: String,
    /// Behaviour indicators, numbered in the UI as level.index (1.1, 1.2, ...).
    pub indikator: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewKompetensi {
    pub kode: String,
    pub kelompok: KelompokKompetensi,
    pub bidang: Option<String>,
    pub nama: String,
    pub definisi: String,
    /// Exactly five, for levels 1..=5 in order.
    pub level: Vec<LevelKompetensi>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Kompetensi {
    pub id: KompetensiId,
    pub kode: String,
    pub kelompok: KelompokKompetensi,
    pub bidang: Option<String>,
    pub nama: String,
    pub definisi: String,
    pub level: Vec<LevelKompetensi>,
}

/// One line of a position's competency standard, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StandarItem {
    pub kompetensi: KompetensiId,
    pub level: Level,
    /// Relative weight of the competency in the position; at least 1.
    pub bobot: u32,
}

/// One line of a position's competency standard, as read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StandarEntry {
    pub kompetensi: KompetensiId,
    pub kode: String,
    pub nama: String,
    pub kelompok: KelompokKompetensi,
    pub level: Level,
    pub bobot: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPegawai {
    /// Carries status, birth date and gender; they are stored from it.
    pub nip: Nip,
    pub nama: String,
    pub gelar_depan: Option<String>,
    pub gelar_belakang: Option<String>,
    /// Must belong to the NIP's status (PNS or PPPK).
    pub golongan: Golongan,
    pub jabatan: Option<JabatanId>,
    pub unit: UnitId,
    pub pendidikan: Pendidikan,
    pub aktif: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pegawai {
    pub id: PegawaiId,
    pub nip: Nip,
    pub nama: String,
    pub gelar_depan: Option<String>,
    pub gelar_belakang: Option<String>,
    pub status: StatusAsn,
    pub golongan: Golongan,
    pub jabatan: Option<JabatanId>,
    pub unit: UnitId,
    pub pendidikan: Pendidikan,
    pub jenis_kelamin: JenisKelamin,
    pub tanggal_lahir: Date,
    pub aktif: bool,
}

/// The editable fields of an employee. The NIP is the identity and is not
/// among them; status, birth date and gender follow from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerubahanPegawai {
    pub nama: String,
    pub gelar_depan: Option<String>,
    pub gelar_belakang: Option<String>,
    /// Must belong to the NIP's status (PNS or PPPK).
    pub golongan: Golongan,
    pub jabatan: Option<JabatanId>,
    pub unit: UnitId,
    pub pendidikan: Pendidikan,
    pub aktif: bool,
}

/// What a row of an import points at: a record stored before, or a record
/// made by an earlier row of the same import (by its index in that list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Acuan<T> {
    Ada(T),
    Baru(usize),
}

/// Master data brought in at once (Data Induk): the dictionary, the unit
/// tree, positions with their standards and employees, saved all or nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DataIndukBaru {
    pub kompetensi: Vec<NewKompetensi>,
    /// A unit's parent is stored already or comes earlier in this list.
    pub unit: Vec<UnitImpor>,
    pub jabatan: Vec<JabatanImpor>,
    /// Each replaces the whole standard of its position.
    pub standar: Vec<StandarImpor>,
    pub pegawai: Vec<PegawaiImpor>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitImpor {
    /// `None` makes the unit an OPD.
    pub induk: Option<Acuan<UnitId>>,
    pub kode: String,
    pub nama: String,
    pub jenis: JenisUnit,
    pub urut: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JabatanImpor {
    pub kode: String,
    pub nama: String,
    pub tingkat: TingkatJabatan,
    pub unit: Acuan<UnitId>,
    pub kelas: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StandarImpor {
    pub jabatan: Acuan<JabatanId>,
    pub baris: Vec<StandarImporBaris>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StandarImporBaris {
    pub kompetensi: Acuan<KompetensiId>,
    pub level: Level,
    pub bobot: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PegawaiImpor {
    pub nip: Nip,
    pub nama: String,
    pub gelar_depan: Option<String>,
    pub gelar_belakang: Option<String>,
    pub golongan: Golongan,
    pub jabatan: Option<Acuan<JabatanId>>,
    pub unit: Acuan<UnitId>,
    pub pendidikan: Pendidikan,
    pub aktif: bool,
}

/// How many records an import of master data added (standar: positions
/// whose standard it wrote).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct HasilDataInduk {
    pub kompetensi: usize,
    pub unit: usize,
    pub jabatan: usize,
    pub standar: usize,
    pub pegawai: usize,
}

/// "dr. Fitri Yuliani, Sp.PD": the name with its academic titles.
pub fn nama_lengkap(nama: &str, gelar_depan: Option<&str>, gelar_belakang: Option<&str>) -> String {
    let mut out = String::new();
    if let Some(depan) = gelar_depan.filter(|g| !g.is_empty()) {
        out.push_str(depan);
        out.push(' ');
    }
    out.push_str(nama);
    if let Some(belakang) = gelar_belakang.filter(|g| !g.is_empty()) {
        out.push_str(", ");
        out.push_str(belakang);
    }
    out
}

impl Pegawai {
    pub fn nama_lengkap(&self) -> String {
        nama_lengkap(
            &self.nama,
            self.gelar_depan.as_deref(),
            self.gelar_belakang.as_deref(),
        )
    }
}

/// An employee in a search result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PegawaiRow {
    pub id: PegawaiId,
    pub nip: Nip,
    /// The name without titles, and the titles apart (for exports).
    pub nama: String,
    pub gelar_depan: Option<String>,
    pub gelar_belakang: Option<String>,
    pub nama_lengkap: String,
    pub status: StatusAsn,
    pub golongan: Golongan,
    pub jabatan: Option<JabatanId>,
    pub jabatan_nama: Option<String>,
    pub tingkat: Option<TingkatJabatan>,
    pub unit: UnitId,
    pub unit_nama: String,
    pub opd_nama: String,
    pub pendidikan: Pendidikan,
    pub aktif: bool,
}

/// Whose personal records a reader may see. The web layer derives it from
/// the reader's role; the store applies it to every personal query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lingkup {
    /// The whole instansi.
    Instansi,
    /// A unit and everything below it.
    Unit(UnitId),
    /// One employee only.
    Pegawai(PegawaiId),
    /// No personal records at all.
    Kosong,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PegawaiQuery {
    pub lingkup: Lingkup,
    /// Matches the name (case-insensitive, anywhere) or the NIP (digits, spaces ignored).
    pub teks: Option<String>,
    /// The unit and everything below it.
    pub unit: Option<UnitId>,
    pub jenis_jabatan: Option<JenisJabatan>,
    pub status: Option<StatusAsn>,
    pub hanya_aktif: bool,
    /// 1-based.
    pub halaman: u32,
    pub per_halaman: u32,
}

impl PegawaiQuery {
    pub fn semua(lingkup: Lingkup) -> Self {
        PegawaiQuery {
            lingkup,
            teks: None,
            unit: None,
            jenis_jabatan: None,
            status: None,
            hanya_aktif: true,
            halaman: 1,
            per_halaman: 25,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub halaman: u32,
    pub per_halaman: u32,
}

impl<T> Page<T> {
    pub fn jumlah_halaman(&self) -> u32 {
        if self.per_halaman == 0 {
            return 0;
        }
        u32::try_from(self.total.div_ceil(u64::from(self.per_halaman))).unwrap_or(u32::MAX)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPenilaian {
    pub pegawai: PegawaiId,
    pub kompetensi: KompetensiId,
    pub level: Level,
    pub metode: MetodePenilaian,
    pub tanggal: Date,
    pub berlaku_sampai: Date,
    pub asesor: String,
    pub catatan_bukti: String,
}

/// One assessment result. Never updated nor deleted: a new one supersedes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Penilaian {
    pub id: PenilaianId,
    pub pegawai: PegawaiId,
    pub kompetensi: KompetensiId,
    pub kompetensi_kode: String,
    pub kompetensi_nama: String,
    pub kelompok: KelompokKompetensi,
    pub level: Level,
    pub metode: MetodePenilaian,
    pub tanggal: Date,
    pub berlaku_sampai: Date,
    pub asesor: String,
    pub catatan_bukti: String,
}

/// The performance rating (predikat SKP) of one employee for one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Skp {
    pub pegawai: PegawaiId,
    pub tahun: i32,
    pub predikat: PredikatKinerja,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAccount {
    pub username: String,
    pub nama_tampilan: String,
    /// An argon2id PHC string; the store never sees a password.
    pub password_hash: String,
    pub role: Role,
    /// The unit a pimpinan OPD leads; required for that role.
    pub unit: Option<UnitId>,
    /// The employee record of a pegawai account; required for that role.
    pub pegawai: Option<PegawaiId>,
    /// The partner institution of a mitra account: required for that role,
    /// refused for every other one.
    pub mitra: Option<MitraId>,
    /// The administrator chose the password: the account must change it
    /// at its next login.
    pub wajib_ganti_sandi: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: AccountId,
    pub instansi: InstansiId,
    pub username: String,
    pub nama_tampilan: String,
    pub password_hash: String,
    pub role: Role,
    pub unit: Option<UnitId>,
    pub pegawai: Option<PegawaiId>,
    /// The partner of a mitra account; `None` for other roles, and for mitra
    /// accounts made before accounts named their partner.
    pub mitra: Option<MitraId>,
    pub aktif: bool,
    /// The password was chosen by an administrator: the account must choose
    /// its own before it may do anything else.
    pub wajib_ganti_sandi: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSession {
    /// SHA-256 of the cookie token, hex; the token itself is never stored.
    pub token_hash: String,
    pub account: AccountId,
    pub csrf_token: String,
    pub expires_at: OffsetDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub account: Account,
    pub csrf_token: String,
    pub expires_at: OffsetDateTime,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: OffsetDateTime,
    pub actor_account: Option<AccountId>,
    pub actor_label: String,
    /// What happened, e.g. `"pegawai.tambah"`, `"sesi.masuk"`.
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub detail: serde_json::Value,
}

/// Counts for the home page, within a reader's scope.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Ringkasan {
    pub jumlah_opd: u64,
    pub jumlah_unit: u64,
    pub jumlah_jabatan: u64,
    pub jabatan_dengan_standar: u64,
    pub jumlah_kompetensi: u64,
    pub pegawai_aktif: u64,
    pub pns: u64,
    pub pppk: u64,
    pub pegawai_tanpa_jabatan: u64,
    pub penilaian_total: u64,
    /// Assessments still valid on the given day.
    pub penilaian_berlaku: u64,
    /// Active employees with at least one valid assessment.
    pub pegawai_dinilai: u64,
    /// The latest year with any SKP rating, and how many employees have one that year.
    pub skp_tahun_terakhir: Option<i32>,
    pub skp_jumlah_terakhir: u64,
}

/// Everything the gap analytics (`kompeten-engine`) read for one instansi,
/// in compact rows: ids, codes and numbers, no names of people, no NIP.
/// Read in a handful of queries, never one per employee.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DataKesenjangan {
    /// Every unit, ascending by id.
    pub unit: Vec<UnitId>,
    /// The whole dictionary, ascending by id.
    pub kompetensi: Vec<KompetensiAnalitik>,
    /// Every position, ascending by id, with its standard (empty when it has
    /// none, so positions without a standard are visible).
    pub jabatan: Vec<JabatanAnalitik>,
    /// Every employee, active or not, ascending by id.
    pub pegawai: Vec<PegawaiAnalitik>,
    /// Every assessment, by employee, then competency, then newest first
    /// (later day, then higher id).
    pub penilaian: Vec<PenilaianAnalitik>,
}

/// A competency as the analytics need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KompetensiAnalitik {
    pub id: KompetensiId,
    pub kode: String,
    pub nama: String,
    pub kelompok: KelompokKompetensi,
}

/// A position and its standard, ascending by competency id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JabatanAnalitik {
    pub id: JabatanId,
    pub tingkat: TingkatJabatan,
    pub standar: Vec<StandarItem>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PegawaiAnalitik {
    pub id: PegawaiId,
    pub unit: UnitId,
    pub jabatan: Option<JabatanId>,
    pub status: StatusAsn,
    pub aktif: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PenilaianAnalitik {
    pub id: PenilaianId,
    pub pegawai: PegawaiId,
    pub kompetensi: KompetensiId,
    pub level: Level,
    pub tanggal: Date,
    pub berlaku_sampai: Date,
}

// ---------------------------------------------------------------------------
// Partners (mitra) and the catalog of development programs.

id_type!(
    /// A partner institution (mitra).
    MitraId,
    /// A development program in the catalog.
    ProgramId,
);

/// A contact person at a partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KontakMitra {
    pub nama: String,
    pub jabatan: Option<String>,
    pub email: Option<String>,
    pub telepon: Option<String>,
}

/// An agreement (MoU or PKS) with a partner; both days count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KerjaSama {
    pub jenis: kompeten_domain::JenisKerjaSama,
    pub nomor: String,
    /// What the agreement covers, free text.
    pub ruang_lingkup: String,
    pub tanggal_mulai: Date,
    /// On or after `tanggal_mulai`.
    pub tanggal_berakhir: Date,
}

/// A partner as written: by `add_mitra`, and by `update_mitra`, which
/// replaces every field, contact and agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewMitra {
    pub kode: String,
    pub nama: String,
    pub jenis: kompeten_domain::JenisMitra,
    pub alamat: Option<String>,
    pub kota: Option<String>,
    pub website: Option<String>,
    /// In the order given; kept in that order.
    pub kontak: Vec<KontakMitra>,
    /// In the order given; kept in that order.
    pub kerja_sama: Vec<KerjaSama>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mitra {
    pub id: MitraId,
    pub kode: String,
    pub nama: String,
    pub jenis: kompeten_domain::JenisMitra,
    pub alamat: Option<String>,
    pub kota: Option<String>,
    pub website: Option<String>,
    pub kontak: Vec<KontakMitra>,
    pub kerja_sama: Vec<KerjaSama>,
}

impl Mitra {
    /// The record as it would be written again, e.g. to edit one field.
    pub fn data(&self) -> NewMitra {
        NewMitra {
            kode: self.kode.clone(),
            nama: self.nama.clone(),
            jenis: self.jenis,
            alamat: self.alamat.clone(),
            kota: self.kota.clone(),
            website: self.website.clone(),
            kontak: self.kontak.clone(),
            kerja_sama: self.kerja_sama.clone(),
        }
    }
}

/// One agreement with its partner, for lists of agreements by end date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KerjaSamaMitra {
    pub mitra: MitraId,
    pub mitra_kode: String,
    pub mitra_nama: String,
    pub kerja_sama: KerjaSama,
}

/// When a program runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "jenis", rename_all = "snake_case")]
pub enum JadwalProgram {
    /// Open all year (e-learning, self-study, coaching on demand).
    SepanjangTahun,
    /// From `mulai` to `selesai`, both inclusive.
    Periode { mulai: Date, selesai: Date },
}

/// A competency a program raises, and by how many levels (1..=4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct KompetensiProgram {
    pub kompetensi: KompetensiId,
    pub naik_level: u8,
}

/// A development program as written: by `add_program`, and by
/// `update_program`, which replaces everything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewProgram {
    pub kode: String,
    pub judul: String,
    /// The partner that runs it; `None` for the instansi's own programs.
    pub penyelenggara: Option<MitraId>,
    pub bentuk: kompeten_domain::BentukPengembangan,
    /// At least 1.
    pub jp: kompeten_domain::Jp,
    /// Paid for each participant; 0 for free programs.
    pub biaya_per_peserta: kompeten_domain::Rupiah,
    /// Paid once per batch (angkatan) that runs, on top of the per-participant cost.
    pub biaya_per_angkatan: Option<kompeten_domain::Rupiah>,
    /// Participants per batch, at least 1; `None`: one batch of any size.
    pub ukuran_angkatan: Option<u32>,
    /// Most batches a year, at least 1; `None`: no limit.
    pub maks_angkatan: Option<u32>,
    pub moda: kompeten_domain::ModaPembelajaran,
    /// Competencies raised; empty only when the program is open to all.
    /// Read back ordered by competency id.
    pub kompetensi: Vec<KompetensiProgram>,
    /// Anyone may take it, whatever their gaps (e.g. a general e-learning).
    pub terbuka_untuk_semua: bool,
    /// Position types that may take it; empty: every type. Read back in the
    /// regulation's order, without duplicates.
    pub jenis_jabatan: Vec<kompeten_domain::JenisJabatan>,
    /// Units whose staff may take it (a unit covers the units below it;
    /// callers expand); empty: every unit. Read back ascending, without duplicates.
    pub unit: Vec<UnitId>,
    pub jadwal: JadwalProgram,
    pub aktif: bool,
}

/// A competency a program raises, with the dictionary's code and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KompetensiProgramEntry {
    pub kompetensi: KompetensiId,
    pub kode: String,
    pub nama: String,
    pub naik_level: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Program {
    pub id: ProgramId,
    pub kode: String,
    pub judul: String,
    pub penyelenggara: Option<MitraId>,
    /// The partner's name; `None` for the instansi's own programs.
    pub penyelenggara_nama: Option<String>,
    pub bentuk: kompeten_domain::BentukPengembangan,
    pub jp: kompeten_domain::Jp,
    pub biaya_per_peserta: kompeten_domain::Rupiah,
    pub biaya_per_angkatan: Option<kompeten_domain::Rupiah>,
    pub ukuran_angkatan: Option<u32>,
    pub maks_angkatan: Option<u32>,
    pub moda: kompeten_domain::ModaPembelajaran,
    /// Ordered by competency id.
    pub kompetensi: Vec<KompetensiProgramEntry>,
    pub terbuka_untuk_semua: bool,
    pub jenis_jabatan: Vec<kompeten_domain::JenisJabatan>,
    pub unit: Vec<UnitId>,
    pub jadwal: JadwalProgram,
    pub aktif: bool,
}

impl Program {
    /// The record as it would be written again, e.g. to edit one field.
    pub fn data(&self) -> NewProgram {
        NewProgram {
            kode: self.kode.clone(),
            judul: self.judul.clone(),
            penyelenggara: self.penyelenggara,
            bentuk: self.bentuk,
            jp: self.jp,
            biaya_per_peserta: self.biaya_per_peserta,
            biaya_per_angkatan: self.biaya_per_angkatan,
            ukuran_angkatan: self.ukuran_angkatan,
            maks_angkatan: self.maks_angkatan,
            moda: self.moda,
            kompetensi: self
                .kompetensi
                .iter()
                .map(|k| KompetensiProgram {
                    kompetensi: k.kompetensi,
                    naik_level: k.naik_level,
                })
                .collect(),
            terbuka_untuk_semua: self.terbuka_untuk_semua,
            jenis_jabatan: self.jenis_jabatan.clone(),
            unit: self.unit.clone(),
            jadwal: self.jadwal,
            aktif: self.aktif,
        }
    }
}

/// Filters of the catalog; every `None` matches all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProgramQuery {
    /// Programs run by this partner.
    pub mitra: Option<MitraId>,
    pub bentuk: Option<kompeten_domain::BentukPengembangan>,
    /// Programs that raise this competency.
    pub kompetensi: Option<KompetensiId>,
    pub aktif: Option<bool>,
    /// Matches the code or the title (case-insensitive, anywhere).
    pub teks: Option<String>,
}

// ---------------------------------------------------------------------------
// Needs requested for employees (usulan, part of the AKPK) and development
// plans with their workflow.

id_type!(
    /// A development need requested for an employee.
    UsulanId,
    /// One version of a development plan.
    RencanaId,
);

/// A need requested for an employee: raise a competency by some levels in
/// a year, optionally through a preferred program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUsulan {
    pub pegawai: PegawaiId,
    pub tahun: i32,
    pub kompetensi: KompetensiId,
    /// Levels wanted, 1..=4.
    pub naik_level: u8,
    pub program: Option<ProgramId>,
    pub alasan: String,
    pub sumber: kompeten_domain::SumberUsulan,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Usulan {
    pub id: UsulanId,
    pub pegawai: PegawaiId,
    pub nip: Nip,
    pub nama_pegawai: String,
    pub unit: UnitId,
    pub unit_nama: String,
    pub opd: UnitId,
    pub opd_nama: String,
    pub tahun: i32,
    pub kompetensi: KompetensiId,
    pub kompetensi_kode: String,
    pub kompetensi_nama: String,
    pub naik_level: u8,
    pub program: Option<ProgramId>,
    pub program_kode: Option<String>,
    pub program_judul: Option<String>,
    pub alasan: String,
    pub sumber: kompeten_domain::SumberUsulan,
    pub status: kompeten_domain::StatusUsulan,
    /// Who asked (the account's username, as in the audit log).
    pub diajukan_oleh: String,
    #[serde(with = "time::serde::rfc3339")]
    pub diajukan_pada: OffsetDateTime,
    pub diputus_oleh: Option<String>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub diputus_pada: Option<OffsetDateTime>,
    pub catatan_putusan: Option<String>,
}

/// Filters of the requested needs; `lingkup` limits whose needs are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsulanQuery {
    pub lingkup: Lingkup,
    pub tahun: Option<i32>,
    pub status: Option<kompeten_domain::StatusUsulan>,
}

/// The figures of a plan's current assignments.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct HasilRencana {
    /// The objective value (weighted levels closed plus JP value).
    pub nilai: f64,
    /// A proven upper bound on the value of any plan for the same needs.
    pub batas: f64,
    /// Whole rupiah.
    pub biaya: i64,
}

/// An employee taking a program in a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PenugasanBaru {
    pub pegawai: PegawaiId,
    pub program: ProgramId,
    /// Added by hand rather than by the optimiser.
    pub manual: bool,
}

/// A new version of a plan: its needs (the optimiser's problem, kept as
/// it was so that the version can be re-checked and re-solved later), the
/// scenarios computed for it and its assignments.
#[derive(Debug, Clone, PartialEq)]
pub struct NewRencana {
    pub tahun: i32,
    pub nama: String,
    /// Whole rupiah.
    pub anggaran: i64,
    /// The `kompeten.plan-problem/v1` document.
    pub masalah: serde_json::Value,
    /// The scenario curve, as the web layer computed it.
    pub skenario: Option<serde_json::Value>,
    pub hasil: HasilRencana,
    pub penugasan: Vec<PenugasanBaru>,
    /// The version this one was copied from.
    pub basis: Option<RencanaId>,
}

/// An OPD head's review of their OPD's part of a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TinjauanRencana {
    pub opd: UnitId,
    pub opd_nama: String,
    pub status: kompeten_domain::StatusTinjauan,
    pub catatan: Option<String>,
    pub oleh: String,
    #[serde(with = "time::serde::rfc3339")]
    pub pada: OffsetDateTime,
}

/// One version of a plan, without its assignments and needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rencana {
    pub id: RencanaId,
    pub tahun: i32,
    /// 1, 2, ... within the year.
    pub versi: i32,
    pub nama: String,
    pub status: kompeten_domain::StatusRencana,
    pub anggaran: i64,
    pub hasil: HasilRencana,
    /// Raised by every change of assignments; a change must name the
    /// revision it was made on, so two editors cannot overrun the budget
    /// together.
    pub revisi: i64,
    pub basis: Option<RencanaId>,
    pub jumlah_penugasan: u64,
    pub dibuat_oleh: String,
    #[serde(with = "time::serde::rfc3339")]
    pub dibuat_pada: OffsetDateTime,
    pub disetujui_oleh: Option<String>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub disetujui_pada: Option<OffsetDateTime>,
    /// Ordered by OPD.
    pub tinjauan: Vec<TinjauanRencana>,
}

/// An assignment as read back, with what lists and exports show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Penugasan {
    pub pegawai: PegawaiId,
    pub nip: Nip,
    pub nama_pegawai: String,
    pub unit: UnitId,
    pub unit_nama: String,
    pub opd: UnitId,
    pub opd_nama: String,
    pub program: ProgramId,
    pub program_kode: String,
    pub program_judul: String,
    pub manual: bool,
}

/// A change of a draft plan's assignments, already checked by the caller
/// against the plan's needs (budget, seats, eligibility, JP caps).
#[derive(Debug, Clone, PartialEq)]
pub struct UbahPenugasan {
    /// The revision the change was computed on.
    pub revisi: i64,
    pub tambah: Vec<PenugasanBaru>,
    pub hapus: Vec<(PegawaiId, ProgramId)>,
    /// The plan's figures after the change.
    pub hasil: HasilRencana,
}

/// What a plan version was made with.
#[derive(Debug, Clone, PartialEq)]
pub struct DokumenRencana {
    /// The `kompeten.plan-problem/v1` document.
    pub masalah: serde_json::Value,
    pub skenario: Option<serde_json::Value>,
}
