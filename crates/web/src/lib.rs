//! The web face of Kompeten: server-rendered pages (askama + htmx), the JSON
//! API under `/api/v1` with its OpenAPI document, login, sessions, CSRF and
//! role-based scoping.
//!
//! The crate knows only the [`Store`] trait; the CLI picks the backend and
//! calls [`router`] with an [`AppState`].

mod analitik;
mod api;
mod api_tulis;
mod aset;
pub mod auth;
mod error;
mod format;
mod grafik;
mod halaman;
mod layanan;
mod params;
mod sesi;
mod tulis;
mod unduh;

use axum::Router;
use axum::routing::{get, post};
use kompeten_domain::MasaBerlaku;
use kompeten_store::Store;
use std::sync::Arc;
use time::{Date, OffsetDateTime, UtcOffset};

/// Settings of the web layer, chosen by the CLI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WebConfig {
    /// Marks the session cookies `Secure`; turn on whenever the site is served over HTTPS.
    pub cookie_secure: bool,
    /// How long a login lasts.
    pub session_ttl: time::Duration,
    /// How long an assessment counts; shown beside the profile.
    pub masa_berlaku: MasaBerlaku,
    /// The offset in which "today" is judged (WIB, +07:00, by default).
    pub utc_offset: UtcOffset,
    /// How many instansi keep their analytics data in memory (the most
    /// recently used; a city's takes a few MB, a province's a few hundred).
    pub cache_analitik_instansi: usize,
}

/// The assessment import, for `kompeten import assessments`.
pub use halaman::impor::{GalatBaris, GalatImporSistem, ImporDitolak, impor_penilaian};

/// Western Indonesia Time, the zone of Sawahlunto.
pub const WIB: UtcOffset = time::macros::offset!(+7);

impl Default for WebConfig {
    fn default() -> Self {
        WebConfig {
            cookie_secure: false,
            session_ttl: time::Duration::hours(8),
            masa_berlaku: MasaBerlaku::default(),
            utc_offset: WIB,
            cache_analitik_instansi: 8,
        }
    }
}

/// A source of the current time; tests pass a fixed one.
pub type Clock = Arc<dyn Fn() -> OffsetDateTime + Send + Sync>;

/// What every handler shares: the store, the settings and the clock.
#[derive(Clone)]
pub struct AppState {
    store: Arc<dyn Store>,
    config: WebConfig,
    clock: Clock,
    cache_analitik: Arc<analitik::CacheAnalitik>,
}

impl AppState {
    pub fn new(store: Arc<dyn Store>, config: WebConfig) -> Self {
        AppState {
            store,
            config,
            clock: Arc::new(OffsetDateTime::now_utc),
            cache_analitik: Arc::new(analitik::CacheAnalitik::new(config.cache_analitik_instansi)),
        }
    }

    /// Replaces the clock, e.g. with a fixed instant in tests.
    pub fn with_clock(
        mut self,
        clock: impl Fn() -> OffsetDateTime + Send + Sync + 'static,
    ) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    pub fn store(&self) -> &dyn Store {
        self.store.as_ref()
    }

    pub(crate) fn cache_analitik(&self) -> &analitik::CacheAnalitik {
        &self.cache_analitik
    }

    pub fn config(&self) -> &WebConfig {
        &self.config
    }

    /// The current instant.
    pub fn now(&self) -> OffsetDateTime {
        (self.clock)()
    }

    /// Today's date in the configured offset: validity is judged on it.
    pub fn hari_ini(&self) -> Date {
        self.now().to_offset(self.config.utc_offset).date()
    }
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("backend", &self.store.backend())
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

/// Every route of the application, with security headers on every response.
pub fn router(state: AppState) -> Router {
    let halaman = Router::new()
        .route("/", get(halaman::beranda))
        .route(
            "/masuk",
            get(halaman::masuk::form).post(halaman::masuk::kirim),
        )
        .route("/keluar", post(halaman::masuk::keluar))
        .route("/pegawai", get(halaman::pegawai::daftar))
        .route("/pegawai.csv", get(halaman::pegawai::unduh_csv))
        .route("/pegawai/{id}", get(halaman::pegawai::detail))
        .route(
            "/pegawai/{id}/kesenjangan/unduh",
            get(halaman::pegawai::unduh_kesenjangan),
        )
        .route(
            "/pegawai/baru",
            get(halaman::tulis::pegawai_baru_form).post(halaman::tulis::pegawai_baru_kirim),
        )
        .route("/pegawai/cek-nip", get(halaman::tulis::cek_nip))
        .route(
            "/pegawai/pilihan-golongan",
            get(halaman::tulis::pilihan_golongan),
        )
        .route(
            "/pegawai/pilihan-jabatan",
            get(halaman::tulis::pilihan_jabatan_unit),
        )
        .route(
            "/pegawai/{id}/ubah",
            get(halaman::tulis::pegawai_ubah_form).post(halaman::tulis::pegawai_ubah_kirim),
        )
        .route(
            "/pegawai/{id}/penilaian/baru",
            get(halaman::tulis::penilaian_form).post(halaman::tulis::penilaian_kirim),
        )
        .route(
            "/penilaian/impor",
            get(halaman::impor::form).post(halaman::impor::kirim).layer(
                axum::extract::DefaultBodyLimit::max(halaman::impor::MAKS_BYTE + 64 * 1024),
            ),
        )
        .route("/penilaian/impor/contoh.csv", get(halaman::impor::contoh))
        .route(
            "/data-induk",
            get(halaman::data_induk::form)
                .post(halaman::data_induk::kirim)
                .layer(axum::extract::DefaultBodyLimit::max(
                    halaman::data_induk::MAKS_BYTE + 64 * 1024,
                )),
        )
        .route(
            "/data-induk/templat.xlsx",
            get(halaman::data_induk::templat),
        )
        .route("/data-induk/unduh", get(halaman::data_induk::unduh))
        .route(
            "/api/v1/data-induk/impor",
            post(halaman::data_induk::api_impor).layer(axum::extract::DefaultBodyLimit::max(
                halaman::data_induk::MAKS_BYTE,
            )),
        )
        .route(
            "/api/v1/penilaian/impor",
            post(halaman::impor::api_impor).layer(axum::extract::DefaultBodyLimit::max(
                halaman::impor::MAKS_BYTE,
            )),
        )
        .route(
            "/penilaian/batch",
            get(halaman::tulis::batch_form).post(halaman::tulis::batch_kirim),
        )
        .route(
            "/jabatan/{id}/standar",
            get(halaman::tulis::standar_form).post(halaman::tulis::standar_kirim),
        )
        .route("/jabatan", get(halaman::jabatan::daftar))
        .route("/jabatan/{id}", get(halaman::jabatan::detail))
        .route("/unit", get(halaman::unit::daftar))
        .route("/unit/{id}", get(halaman::unit::detail))
        .route("/kamus", get(halaman::kamus::daftar))
        .route("/kamus/{id}", get(halaman::kamus::detail))
        .route("/peta", get(halaman::peta::halaman))
        .route("/peta/sel", get(halaman::peta::sel))
        .route("/peta/unduh", get(halaman::peta::unduh))
        .route("/peta/sel/unduh", get(halaman::peta::unduh_sel))
        .route("/api/v1/peta/sel", get(halaman::peta::api_sel))
        .route("/kesenjangan/unduh", get(halaman::peta::unduh_kesenjangan))
        .route(
            "/api/v1/kesenjangan",
            get(halaman::kesesuaian::api_kesenjangan),
        )
        .route(
            "/api/v1/kesesuaian",
            get(halaman::kesesuaian::api_kesesuaian),
        )
        .route("/api/v1/peta", get(halaman::peta::api_peta))
        .route("/mitra", get(halaman::mitra::daftar))
        .route("/mitra/unduh", get(halaman::mitra::unduh))
        .route(
            "/mitra/baru",
            get(halaman::mitra::baru_form).post(halaman::mitra::baru_kirim),
        )
        .route("/mitra/{id}", get(halaman::mitra::detail))
        .route(
            "/mitra/{id}/ubah",
            get(halaman::mitra::ubah_form).post(halaman::mitra::ubah_kirim),
        )
        .route(
            "/api/v1/mitra",
            get(halaman::mitra::api_daftar).post(halaman::mitra::api_baru),
        )
        .route(
            "/api/v1/mitra/{id}",
            get(halaman::mitra::api_detail).put(halaman::mitra::api_ubah),
        )
        .route("/katalog", get(halaman::katalog::daftar))
        .route("/katalog/unduh", get(halaman::katalog::unduh))
        .route(
            "/katalog/baru",
            get(halaman::katalog::baru_form).post(halaman::katalog::baru_kirim),
        )
        .route("/katalog/{id}", get(halaman::katalog::detail))
        .route(
            "/katalog/{id}/ubah",
            get(halaman::katalog::ubah_form).post(halaman::katalog::ubah_kirim),
        )
        .route(
            "/api/v1/katalog",
            get(halaman::katalog::api_daftar).post(halaman::katalog::api_baru),
        )
        .route(
            "/api/v1/katalog/{id}",
            get(halaman::katalog::api_detail).put(halaman::katalog::api_ubah),
        )
        .route("/jabatan/{id}/kecocokan", get(halaman::kecocokan::halaman))
        .route(
            "/jabatan/{id}/kecocokan/unduh",
            get(halaman::kecocokan::unduh),
        )
        .route(
            "/api/v1/jabatan/{id}/kecocokan",
            get(halaman::kecocokan::api_kecocokan),
        )
        .route("/sebaran", get(halaman::sebaran::halaman))
        .route("/sebaran/unduh", get(halaman::sebaran::unduh))
        .route("/sebaran/{id}", get(halaman::sebaran::detail))
        .route("/sebaran/{id}/unduh", get(halaman::sebaran::unduh_detail))
        .route("/api/v1/sebaran", get(halaman::sebaran::api_sebaran))
        .route(
            "/pengaturan",
            get(halaman::pengaturan::halaman).post(halaman::pengaturan::kirim),
        )
        .route("/kebutuhan", get(halaman::kebutuhan::halaman))
        .route("/kebutuhan/unduh", get(halaman::kebutuhan::unduh))
        .route("/api/v1/kebutuhan", get(halaman::kebutuhan::api_kebutuhan))
        .route("/usulan", get(halaman::kebutuhan::usulan_daftar))
        .route(
            "/usulan/baru",
            get(halaman::kebutuhan::usulan_form).post(halaman::kebutuhan::usulan_kirim),
        )
        .route("/usulan/{id}/putus", post(halaman::kebutuhan::usulan_putus))
        .route(
            "/api/v1/usulan",
            get(halaman::kebutuhan::api_usulan_daftar).post(halaman::kebutuhan::api_usulan_baru),
        )
        .route(
            "/api/v1/usulan/{id}/putus",
            post(halaman::kebutuhan::api_usulan_putus),
        )
        .route(
            "/pengaturan/kebutuhan",
            post(halaman::kebutuhan::pengaturan_kirim),
        )
        .route("/pengaturan/mitra", post(halaman::mitra::pengaturan_kirim))
        .route("/rencana", get(halaman::rencana::daftar))
        .route("/rencana/baru", post(halaman::rencana::buat_kirim))
        .route("/rencana/simulasi", get(halaman::rencana::simulasi_halaman))
        .route("/rencana/unduh", get(halaman::rencana::simulasi_unduh))
        .route("/rencana/{id}", get(halaman::rencana::detail))
        .route("/rencana/{id}/status", post(halaman::rencana::status_kirim))
        .route(
            "/rencana/{id}/tinjauan",
            post(halaman::rencana::tinjau_kirim),
        )
        .route(
            "/rencana/{id}/penugasan",
            post(halaman::rencana::penugasan_kirim),
        )
        .route(
            "/rencana/{id}/penugasan-sekaligus",
            post(halaman::rencana::penugasan_sekaligus_kirim),
        )
        .route(
            "/rencana/{id}/versi-baru",
            post(halaman::rencana::versi_kirim),
        )
        .route("/rencana/{id}/unduh", get(halaman::rencana::unduh))
        .route("/rencana/{id}/mps", get(halaman::rencana::mps))
        .route(
            "/rencana/{id}/masalah.json",
            get(halaman::rencana::masalah_json),
        )
        .route(
            "/api/v1/rencana/simulasi",
            get(halaman::rencana::api_simulasi),
        )
        .route(
            "/api/v1/rencana",
            get(halaman::rencana::api_daftar).post(halaman::rencana::api_buat),
        )
        .route("/api/v1/rencana/{id}", get(halaman::rencana::api_detail))
        .route(
            "/api/v1/rencana/{id}/status",
            post(halaman::rencana::api_status),
        )
        .route(
            "/api/v1/rencana/{id}/tinjauan",
            post(halaman::rencana::api_tinjau),
        )
        .route(
            "/api/v1/rencana/{id}/penugasan",
            post(halaman::rencana::api_penugasan),
        )
        .route(
            "/sandi",
            get(halaman::sandi::form).post(halaman::sandi::ganti),
        )
        .route("/akun", get(halaman::akun::daftar))
        .route("/akun/baru", post(halaman::akun::baru))
        .route("/akun/{id}/sandi", post(halaman::akun::sandi))
        .route("/akun/{id}/status", post(halaman::akun::status))
        .route("/kualitas-data", get(halaman::kualitas::halaman))
        .route("/kualitas-data/unduh", get(halaman::kualitas::unduh))
        .route("/api/v1/kualitas-data", get(halaman::kualitas::api))
        .route("/audit", get(halaman::audit))
        .route("/aset/{*path}", get(aset::sajikan))
        .route("/healthz", get(api::healthz));

    Router::new()
        .merge(halaman)
        .merge(api::routes())
        .merge(api_tulis::routes())
        .fallback(error::tidak_ditemukan)
        .method_not_allowed_fallback(error::metode_tidak_diizinkan)
        .layer(axum::middleware::from_fn(error::header_keamanan))
        .layer(tower_http::trace::TraceLayer::new_for_http())
        .with_state(state)
}
