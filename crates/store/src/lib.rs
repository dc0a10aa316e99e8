//! The [`Store`] trait: everything Kompeten keeps, in domain words.
//!
//! Two backends implement it: [`sqlite::SqliteStore`] (embedded, the
//! default) and [`postgres::PgStore`] (many instansi, many users). Both run
//! their own embedded migrations on open and pass the same conformance suite
//! (`tests/conformance.rs`).
//!
//! Invariants every method keeps:
//! - Tenant scope: every table carries `instansi_id` and every query filters
//!   by it; a record of one instansi can never reference or reveal another's.
//!   The only unscoped reads are the instansi registry itself.
//! - Every change writes an audit entry in the same transaction; a change of
//!   data the analytics read also raises the instansi's
//!   [`Store::revisi_data`] there.
//! - Batch writes are all-or-nothing.
//! - Assessments (penilaian) are append-only; the schema refuses updates.

pub mod model;
pub mod postgres;
mod sql;
mod sql_rencana;
pub mod sqlite;

pub use model::*;

use async_trait::async_trait;
use time::{Date, OffsetDateTime};

/// Why a store call failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The record does not exist in this instansi.
    #[error("{0} not found")]
    NotFound(&'static str),
    /// A unique key is taken, e.g. a NIP or username that already exists.
    #[error("already exists: {0}")]
    Conflict(String),
    /// The data breaks a rule: a reference to a missing record, a golongan
    /// that does not match the NIP, a standard without five levels.
    #[error("invalid data: {0}")]
    Invalid(String),
    /// The database file or server cannot be used.
    #[error("cannot open the database: {0}")]
    Open(String),
    #[error("database migration failed")]
    Migration(#[source] sqlx::migrate::MigrateError),
    #[error("database error")]
    Database(#[source] sqlx::Error),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// Everything Kompeten stores. Implementations must be cheap to clone
/// (a connection pool) and safe to share across tasks.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// Checks that the database answers.
    async fn ping(&self) -> StoreResult<()>;
    /// A short name of the backend for logs and /healthz: "sqlite" or "postgres".
    fn backend(&self) -> &'static str;

    // Instansi (the tenant registry; the only unscoped reads).
    async fn create_instansi(&self, actor: &Actor, new: &NewInstansi) -> StoreResult<InstansiId>;
    async fn list_instansi(&self) -> StoreResult<Vec<Instansi>>;
    async fn instansi(&self, id: InstansiId) -> StoreResult<Instansi>;
    async fn instansi_by_kode(&self, kode: &str) -> StoreResult<Option<Instansi>>;

    // Unit kerja, a tree per instansi.
    async fn add_unit(&self, i: InstansiId, actor: &Actor, new: &NewUnit) -> StoreResult<UnitId>;
    async fn unit(&self, i: InstansiId, id: UnitId) -> StoreResult<Unit>;
    /// All units in tree order (each parent before its children; siblings by
    /// their position in the source's order, then by name).
    async fn units(&self, i: InstansiId) -> StoreResult<Vec<Unit>>;

    // Jabatan.
    async fn add_jabatan(
        &self,
        i: InstansiId,
        actor: &Actor,
        new: &NewJabatan,
    ) -> StoreResult<JabatanId>;
    async fn jabatan(&self, i: InstansiId, id: JabatanId) -> StoreResult<Jabatan>;
    /// Positions ordered by unit tree order, then type, then name.
    async fn list_jabatan(&self, i: InstansiId, q: &JabatanQuery) -> StoreResult<Vec<JabatanRow>>;

    // Kamus kompetensi.
    async fn add_kompetensi(
        &self,
        i: InstansiId,
        actor: &Actor,
        new: &NewKompetensi,
    ) -> StoreResult<KompetensiId>;
    async fn kompetensi(&self, i: InstansiId, id: KompetensiId) -> StoreResult<Kompetensi>;
    /// The dictionary ordered by group (manajerial, sosial kultural, teknis), then code.
    async fn list_kompetensi(&self, i: InstansiId) -> StoreResult<Vec<Kompetensi>>;

    // Standar kompetensi jabatan.
    /// Replaces the whole standard of a position.
    async fn set_standar(
        &self,
        i: InstansiId,
        actor: &Actor,
        jabatan: JabatanId,
        items: &[StandarItem],
    ) -> StoreResult<()>;
    /// The standard ordered like the dictionary.
    async fn standar(&self, i: InstansiId, jabatan: JabatanId) -> StoreResult<Vec<StandarEntry>>;

    // Pegawai.
    /// Adds employees all-or-nothing; ids come back in input order.
    async fn add_pegawai(
        &self,
        i: InstansiId,
        actor: &Actor,
        batch: &[NewPegawai],
    ) -> StoreResult<Vec<PegawaiId>>;
    async fn pegawai(&self, i: InstansiId, id: PegawaiId) -> StoreResult<Pegawai>;
    /// Adds master data (dictionary, units, positions, standards, employees)
    /// in one transaction: all of it or, on any error, nothing.
    async fn impor_data_induk(
        &self,
        i: InstansiId,
        actor: &Actor,
        data: &DataIndukBaru,
    ) -> StoreResult<HasilDataInduk>;
    /// Looks up by the 18 digits (spaces ignored).
    async fn pegawai_by_nip(&self, i: InstansiId, nip: &str) -> StoreResult<Option<Pegawai>>;
    /// Changes an employee's editable fields (not the NIP), audited with the
    /// values before and after.
    async fn update_pegawai(
        &self,
        i: InstansiId,
        actor: &Actor,
        id: PegawaiId,
        ubah: &PerubahanPegawai,
    ) -> StoreResult<()>;
    /// Ordered by OPD, unit, then name; paged.
    async fn search_pegawai(
        &self,
        i: InstansiId,
        q: &PegawaiQuery,
    ) -> StoreResult<Page<PegawaiRow>>;

    // Penilaian kompetensi (append-only).
    async fn record_penilaian(
        &self,
        i: InstansiId,
        actor: &Actor,
        batch: &[NewPenilaian],
    ) -> StoreResult<Vec<PenilaianId>>;
    /// Every assessment of an employee, newest first.
    async fn penilaian_pegawai(
        &self,
        i: InstansiId,
        pegawai: PegawaiId,
    ) -> StoreResult<Vec<Penilaian>>;

    // SKP.
    /// Sets the rating of each (employee, year); a second rating for the same year replaces the first.
    async fn record_skp(&self, i: InstansiId, actor: &Actor, batch: &[Skp]) -> StoreResult<()>;
    /// Ratings of an employee, newest year first.
    async fn skp_pegawai(&self, i: InstansiId, pegawai: PegawaiId) -> StoreResult<Vec<Skp>>;

    // Accounts and sessions.
    async fn create_account(
        &self,
        i: InstansiId,
        actor: &Actor,
        new: &NewAccount,
    ) -> StoreResult<AccountId>;
    async fn account(&self, i: InstansiId, id: AccountId) -> StoreResult<Account>;
    async fn account_by_username(
        &self,
        i: InstansiId,
        username: &str,
    ) -> StoreResult<Option<Account>>;
    async fn accounts(&self, i: InstansiId) -> StoreResult<Vec<Account>>;
    /// Sets a new password hash, and whether the account must change it at
    /// its next login, and ends the account's sessions.
    async fn set_password(
        &self,
        i: InstansiId,
        actor: &Actor,
        account: AccountId,
        password_hash: &str,
        wajib_ganti_sandi: bool,
    ) -> StoreResult<()>;
    /// Activates or deactivates an account; deactivating also ends its sessions.
    async fn set_account_aktif(
        &self,
        i: InstansiId,
        actor: &Actor,
        account: AccountId,
        aktif: bool,
    ) -> StoreResult<()>;
    /// Records a login: the session and its audit entry.
    async fn create_session(&self, i: InstansiId, new: &NewSession) -> StoreResult<()>;
    /// The live session with this token hash, with its (active) account.
    async fn session(
        &self,
        i: InstansiId,
        token_hash: &str,
        now: OffsetDateTime,
    ) -> StoreResult<Option<Session>>;
    /// Records a logout.
    async fn delete_session(&self, i: InstansiId, token_hash: &str) -> StoreResult<()>;
    /// Removes expired sessions; returns how many.
    async fn purge_expired_sessions(&self, i: InstansiId, now: OffsetDateTime) -> StoreResult<u64>;

    // Audit log and summaries.
    /// The newest entries first.
    async fn audit_log(&self, i: InstansiId, limit: u32) -> StoreResult<Vec<AuditEntry>>;
    /// Counts within a scope, with validity judged on `hari_ini`.
    async fn ringkasan(
        &self,
        i: InstansiId,
        lingkup: Lingkup,
        hari_ini: Date,
    ) -> StoreResult<Ringkasan>;
    /// Active employees per unit within a scope, each counted in its own unit
    /// only (callers add up subtrees); units without any are left out.
    async fn jumlah_pegawai_per_unit(
        &self,
        i: InstansiId,
        lingkup: Lingkup,
    ) -> StoreResult<Vec<(UnitId, u64)>>;

    // Analytics.
    /// Everything the gap analytics need for the instansi, in compact rows
    /// (see [`DataKesenjangan`]); callers apply the reader's scope.
    async fn data_kesenjangan(&self, i: InstansiId) -> StoreResult<DataKesenjangan>;
    /// A number that changes whenever data the analytics read changes (not on
    /// logins). Read it before reading the data; a cache keyed by it is then
    /// never staler than one change.
    async fn revisi_data(&self, i: InstansiId) -> StoreResult<i64>;

    // Pengaturan (settings per instansi, JSON values by key).
    /// A setting of the instansi, `None` when never set (callers then use
    /// their default). A key that is empty, padded with spaces or holds
    /// control characters is `Invalid`.
    async fn pengaturan(
        &self,
        i: InstansiId,
        kunci: &str,
    ) -> StoreResult<Option<serde_json::Value>>;
    /// Sets (inserts or replaces) a setting; audited as "pengaturan.ubah"
    /// with the values before and after.
    async fn set_pengaturan(
        &self,
        i: InstansiId,
        actor: &Actor,
        kunci: &str,
        nilai: &serde_json::Value,
    ) -> StoreResult<()>;

    // Mitra (partners) and the catalog of development programs.
    /// Adds a partner with its contacts and agreements; audited as "mitra.tambah".
    async fn add_mitra(&self, i: InstansiId, actor: &Actor, new: &NewMitra)
    -> StoreResult<MitraId>;
    /// Replaces a partner's fields, contacts and agreements; audited as
    /// "mitra.ubah" with the fields before and after.
    async fn update_mitra(
        &self,
        i: InstansiId,
        actor: &Actor,
        id: MitraId,
        data: &NewMitra,
    ) -> StoreResult<()>;
    async fn mitra(&self, i: InstansiId, id: MitraId) -> StoreResult<Mitra>;
    /// Every partner with contacts and agreements, ordered by name.
    async fn list_mitra(&self, i: InstansiId) -> StoreResult<Vec<Mitra>>;
    /// Agreements of every partner ending on or before `berakhir_sampai`
    /// (`None`: all), the soonest ending first. Callers flag expired and
    /// expiring ones against their day and threshold
    /// (`kompeten_domain::StatusKerjaSama::pada`).
    async fn list_kerja_sama(
        &self,
        i: InstansiId,
        berakhir_sampai: Option<Date>,
    ) -> StoreResult<Vec<KerjaSamaMitra>>;
    /// Adds a program to the catalog; audited as "program.tambah".
    async fn add_program(
        &self,
        i: InstansiId,
        actor: &Actor,
        new: &NewProgram,
    ) -> StoreResult<ProgramId>;
    /// Replaces a program, its competencies and eligibility; audited as
    /// "program.ubah" with the fields before and after.
    async fn update_program(
        &self,
        i: InstansiId,
        actor: &Actor,
        id: ProgramId,
        data: &NewProgram,
    ) -> StoreResult<()>;
    async fn program(&self, i: InstansiId, id: ProgramId) -> StoreResult<Program>;
    /// The catalog under the filters, ordered by code.
    async fn list_program(&self, i: InstansiId, q: &ProgramQuery) -> StoreResult<Vec<Program>>;

    // Needs requested for employees (usulan, part of the AKPK).
    /// Records a need in the status its source starts it in
    /// ([`kompeten_domain::StatusUsulan::awal`]). Audited as "usulan.tambah".
    async fn add_usulan(
        &self,
        i: InstansiId,
        actor: &Actor,
        new: &NewUsulan,
    ) -> StoreResult<UsulanId>;
    /// Decides a waiting need: approved, rejected or withdrawn, with an
    /// optional note. A need already decided is `Invalid`. Audited as
    /// "usulan.putus".
    async fn putus_usulan(
        &self,
        i: InstansiId,
        actor: &Actor,
        id: UsulanId,
        ke: kompeten_domain::StatusUsulan,
        catatan: Option<&str>,
    ) -> StoreResult<()>;
    async fn usulan(&self, i: InstansiId, id: UsulanId) -> StoreResult<Usulan>;
    /// Needs under the filters, newest first.
    async fn list_usulan(&self, i: InstansiId, q: &UsulanQuery) -> StoreResult<Vec<Usulan>>;

    // Development plans: versions per year with a workflow.
    /// Stores a new draft version (the year's next version number) with its
    /// needs, scenarios and assignments. Audited as "rencana.buat".
    async fn create_rencana(
        &self,
        i: InstansiId,
        actor: &Actor,
        new: &NewRencana,
    ) -> StoreResult<RencanaId>;
    async fn rencana(&self, i: InstansiId, id: RencanaId) -> StoreResult<Rencana>;
    /// Versions of a year (`None`: every year), newest first.
    async fn list_rencana(&self, i: InstansiId, tahun: Option<i32>) -> StoreResult<Vec<Rencana>>;
    /// The needs (plan problem) and scenarios a version was made with.
    async fn dokumen_rencana(&self, i: InstansiId, id: RencanaId) -> StoreResult<DokumenRencana>;
    /// A version's assignments of the employees within `lingkup`, ordered
    /// by OPD, unit, employee name, then program code.
    async fn penugasan_rencana(
        &self,
        i: InstansiId,
        id: RencanaId,
        lingkup: Lingkup,
    ) -> StoreResult<Vec<Penugasan>>;
    /// Changes a draft's assignments made on revision `ubah.revisi`;
    /// returns the new revision. A plan past draft is `Invalid`; a stale
    /// revision is `Conflict`. Audited as "rencana.ubah".
    async fn ubah_penugasan(
        &self,
        i: InstansiId,
        actor: &Actor,
        id: RencanaId,
        ubah: &UbahPenugasan,
    ) -> StoreResult<i64>;
    /// Moves a version from `dari` to `ke` when the workflow allows it
    /// ([`kompeten_domain::StatusRencana::boleh_ke`]). Back to draft clears
    /// the reviews; approval needs every OPD with assignments to have
    /// reviewed its part as fitting, and replaces the year's earlier
    /// approved version. Audited as "rencana.status".
    async fn ubah_status_rencana(
        &self,
        i: InstansiId,
        actor: &Actor,
        id: RencanaId,
        dari: kompeten_domain::StatusRencana,
        ke: kompeten_domain::StatusRencana,
    ) -> StoreResult<()>;
    /// Records (or replaces) an OPD head's review of the OPD's part of a
    /// version under review. Audited as "rencana.tinjau".
    async fn tinjau_rencana(
        &self,
        i: InstansiId,
        actor: &Actor,
        id: RencanaId,
        opd: UnitId,
        status: kompeten_domain::StatusTinjauan,
        catatan: Option<&str>,
    ) -> StoreResult<()>;
}
