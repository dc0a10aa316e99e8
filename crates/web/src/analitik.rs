//! The engine data behind every analytics page, cached per instansi.
//!
//! Reading and indexing an instansi's records is most of an analytics
//! request's time (the engine itself is fast), so the built
//! [`DataAnalitik`] is kept per instansi and reused while the store's data
//! revision is unchanged. The revision is read before the data, so a cached
//! entry is never older than the revision it is filed under; a write landing
//! in between only makes the next request rebuild.
//!
//! The year's development needs (`kompeten_io::kebutuhan`) are kept the same
//! way, for the whole instansi per (year, today): readers filter them down
//! to their scope.
//!
//! A plan version's stored needs never change, so its validated model and
//! the check of its assignments are kept per plan ([`RencanaTerhitung`]),
//! reused while the assignments are the same.
//!
//! A simulation (`/rencana/simulasi`) is kept per (data revision, today,
//! budget): the solver is deterministic, so paging through it, searching it
//! and downloading it reuse one solve.

use crate::AppState;
use crate::error::AppError;
use crate::halaman::rencana::HasilSimulasi;
use crate::layanan::PetaUnit;
use crate::sesi::Sesi;
use kompeten_domain::{JenisJabatan, StatusAsn};
use kompeten_io::analitik::{DataAnalitik, PengaturanAnalitik};
use kompeten_io::kebutuhan::{Kebutuhan, kebutuhan_instansi};
use kompeten_io::laporan::GalatLaporan;
use kompeten_io::laporan_rencana::Hitungan;
use kompeten_io::rencana::DokumenSkenario;
use kompeten_store::{InstansiId, Lingkup, PegawaiAnalitik, Penugasan, RencanaId, UnitId};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// Years of needs kept per instansi (one revision): the planning year and
/// a few others looked at.
const TAHUN_KEBUTUHAN: usize = 4;

/// The needs of one revision, per (year, today), most recent first.
type IsiKebutuhan = (i64, Vec<((i32, time::Date), Arc<Kebutuhan>)>);

/// Checked plans kept (the most recently used).
const RENCANA_TERHITUNG: usize = 8;

/// A plan version's stored needs as a model with its assignments checked.
pub(crate) struct RencanaTerhitung {
    /// The (NIP, code) pairs checked, in the order given.
    pub pairs: Vec<(String, String)>,
    /// The proven bound the answer carries (`f64::to_bits`).
    pub batas: u64,
    pub hitungan: Hitungan,
    /// The stored scenario document as stored, and read.
    pub skenario_json: Option<serde_json::Value>,
    pub skenario: Option<DokumenSkenario>,
}

/// Simulations kept (the most recently used): paging through one re-reads
/// it instead of solving again.
const SIMULASI: usize = 4;

/// What a simulation is solved from: instansi, data revision, today and
/// the budget. The solver is deterministic, so the same key is the same plan.
pub(crate) type KunciSimulasi = (InstansiId, i64, time::Date, i64);

/// A kept check, by instansi and plan.
type RencanaSimpan = ((InstansiId, RencanaId), Arc<RencanaTerhitung>);

/// A plan's assignment rows (whole instansi) by instansi and plan, with the
/// plan's `revisi` and the data revision they were read at.
type PenugasanSimpan = ((InstansiId, RencanaId), (i64, i64), Arc<Vec<Penugasan>>);

/// Built data of the most recently used instansi.
pub(crate) struct CacheAnalitik {
    slot: Laci<(i64, Arc<DataAnalitik>)>,
    kebutuhan: Laci<IsiKebutuhan>,
    rencana: Mutex<Vec<RencanaSimpan>>,
    penugasan: Mutex<Vec<PenugasanSimpan>>,
    simulasi: Mutex<Vec<(KunciSimulasi, Arc<HasilSimulasi>)>>,
    kapasitas: usize,
    detak: AtomicU64,
}

/// Slots per instansi, the least recently used dropped beyond capacity.
struct Laci<T>(Mutex<HashMap<InstansiId, Arc<Slot<T>>>>);

struct Slot<T> {
    /// Held while building, so concurrent requests wait for one build.
    isi: tokio::sync::Mutex<Option<T>>,
    dipakai: AtomicU64,
}

impl CacheAnalitik {
    pub(crate) fn new(kapasitas: usize) -> Self {
        CacheAnalitik {
            slot: Laci(Mutex::new(HashMap::new())),
            kebutuhan: Laci(Mutex::new(HashMap::new())),
            rencana: Mutex::new(Vec::new()),
            penugasan: Mutex::new(Vec::new()),
            simulasi: Mutex::new(Vec::new()),
            kapasitas: kapasitas.max(1),
            detak: AtomicU64::new(0),
        }
    }

    /// The last check of a plan version, if kept.
    pub(crate) fn rencana(&self, i: InstansiId, id: RencanaId) -> Option<Arc<RencanaTerhitung>> {
        let daftar = self.rencana.lock().unwrap_or_else(|e| e.into_inner());
        daftar
            .iter()
            .find(|(k, _)| *k == (i, id))
            .map(|(_, t)| Arc::clone(t))
    }

    /// Keeps the check of a plan version, replacing an older one.
    pub(crate) fn simpan_rencana(&self, i: InstansiId, id: RencanaId, t: Arc<RencanaTerhitung>) {
        let mut daftar = self.rencana.lock().unwrap_or_else(|e| e.into_inner());
        daftar.retain(|(k, _)| *k != (i, id));
        daftar.insert(0, ((i, id), t));
        daftar.truncate(RENCANA_TERHITUNG);
    }

    /// A plan's assignment rows read at `revisi` (plan revision, data
    /// revision), if kept.
    pub(crate) fn penugasan(
        &self,
        i: InstansiId,
        id: RencanaId,
        revisi: (i64, i64),
    ) -> Option<Arc<Vec<Penugasan>>> {
        let daftar = self.penugasan.lock().unwrap_or_else(|e| e.into_inner());
        daftar
            .iter()
            .find(|(k, r, _)| *k == (i, id) && *r == revisi)
            .map(|(_, _, p)| Arc::clone(p))
    }

    /// Keeps a plan's assignment rows, replacing older ones of the plan.
    pub(crate) fn simpan_penugasan(
        &self,
        i: InstansiId,
        id: RencanaId,
        revisi: (i64, i64),
        p: Arc<Vec<Penugasan>>,
    ) {
        let mut daftar = self.penugasan.lock().unwrap_or_else(|e| e.into_inner());
        daftar.retain(|(k, _, _)| *k != (i, id));
        daftar.insert(0, ((i, id), revisi, p));
        daftar.truncate(RENCANA_TERHITUNG);
    }

    /// A kept simulation, made the most recently used.
    pub(crate) fn simulasi(&self, kunci: KunciSimulasi) -> Option<Arc<HasilSimulasi>> {
        let mut daftar = self.simulasi.lock().unwrap_or_else(|e| e.into_inner());
        let n = daftar.iter().position(|(k, _)| *k == kunci)?;
        let entri = daftar.remove(n);
        let h = Arc::clone(&entri.1);
        daftar.insert(0, entri);
        Some(h)
    }

    /// Keeps a simulation; an instansi's entries of older data revisions
    /// can never be asked for again, so they go.
    pub(crate) fn simpan_simulasi(&self, kunci: KunciSimulasi, h: Arc<HasilSimulasi>) {
        let mut daftar = self.simulasi.lock().unwrap_or_else(|e| e.into_inner());
        daftar.retain(|(k, _)| k.0 != kunci.0 || (k.1 >= kunci.1 && *k != kunci));
        daftar.insert(0, (kunci, h));
        daftar.truncate(SIMULASI);
    }

    fn slot(&self, instansi: InstansiId) -> Arc<Slot<(i64, Arc<DataAnalitik>)>> {
        self.ambil(&self.slot, instansi)
    }

    fn ambil<T>(&self, laci: &Laci<T>, instansi: InstansiId) -> Arc<Slot<T>> {
        let detak = self.detak.fetch_add(1, Ordering::Relaxed);
        // A poisoned lock only means another request panicked mid-insert;
        // the map itself is still a valid map.
        let mut peta = laci.0.lock().unwrap_or_else(|e| e.into_inner());
        if !peta.contains_key(&instansi) && peta.len() >= self.kapasitas {
            let tertua = peta
                .iter()
                .min_by_key(|(_, s)| s.dipakai.load(Ordering::Relaxed))
                .map(|(i, _)| *i);
            if let Some(i) = tertua {
                peta.remove(&i);
            }
        }
        let slot = peta.entry(instansi).or_insert_with(|| {
            Arc::new(Slot {
                isi: tokio::sync::Mutex::new(None),
                dipakai: AtomicU64::new(detak),
            })
        });
        slot.dipakai.store(detak, Ordering::Relaxed);
        Arc::clone(slot)
    }
}

/// The instansi's engine data, rebuilt only when its records changed.
pub(crate) async fn data(
    state: &AppState,
    instansi: InstansiId,
) -> Result<Arc<DataAnalitik>, AppError> {
    let store = state.store();
    let revisi = store.revisi_data(instansi).await?;
    let slot = state.cache_analitik().slot(instansi);
    let mut isi = slot.isi.lock().await;
    if let Some((r, d)) = isi.as_ref()
        && *r == revisi
    {
        return Ok(Arc::clone(d));
    }
    let mulai = std::time::Instant::now();
    let rows = store.data_kesenjangan(instansi).await?;
    let dibaca = mulai.elapsed();
    // Building is CPU work of milliseconds for a city and seconds for a
    // province: keep it off the async workers.
    let d = tokio::task::spawn_blocking(move || DataAnalitik::bangun(&rows))
        .await
        .map_err(|e| AppError::Internal(format!("building the gap data: {e}")))?
        .map_err(|e| AppError::Internal(format!("building the gap data: {e}")))?;
    tracing::debug!(
        instansi = instansi.0,
        revisi,
        read_ms = dibaca.as_secs_f64() * 1000.0,
        total_ms = mulai.elapsed().as_secs_f64() * 1000.0,
        pegawai = d.pegawai.len(),
        penilaian = d.data.jumlah_penilaian(),
        "gap data built"
    );
    let d = Arc::new(d);
    *isi = Some((revisi, Arc::clone(&d)));
    Ok(d)
}

/// The needs of `tahun` judged on today for every active employee of the
/// instansi, rebuilt only when its records changed (`revisi_data` covers
/// assessments, requests, settings, employees, units and the dictionary;
/// plans do not feed the needs). Filter with [`dalam_lingkup`] before
/// showing them.
pub(crate) async fn kebutuhan(
    state: &AppState,
    instansi: InstansiId,
    tahun: i32,
) -> Result<Arc<Kebutuhan>, AppError> {
    let store = state.store();
    let hari_ini = state.hari_ini();
    let kunci = (tahun, hari_ini);
    // Before the data: an entry is never older than its revision.
    let revisi = store.revisi_data(instansi).await?;
    let slot = state
        .cache_analitik()
        .ambil(&state.cache_analitik().kebutuhan, instansi);
    let mut isi = slot.isi.lock().await;
    if let Some((r, daftar)) = isi.as_mut()
        && *r == revisi
    {
        if let Some(n) = daftar.iter().position(|(k, _)| *k == kunci) {
            let entri = daftar.remove(n);
            let k = Arc::clone(&entri.1);
            daftar.insert(0, entri);
            return Ok(k);
        }
    } else {
        *isi = Some((revisi, Vec::new()));
    }
    let mulai = std::time::Instant::now();
    let k = kebutuhan_instansi(store, instansi, tahun, hari_ini, Lingkup::Instansi)
        .await
        .map_err(|e| match e {
            GalatLaporan::Store(s) => s.into(),
            other => AppError::internal(&other),
        })?;
    tracing::debug!(
        instansi = instansi.0,
        revisi,
        tahun,
        total_ms = mulai.elapsed().as_secs_f64() * 1000.0,
        pegawai = k.pegawai.len(),
        "needs built"
    );
    let k = Arc::new(k);
    if let Some((_, daftar)) = isi.as_mut() {
        daftar.insert(0, (kunci, Arc::clone(&k)));
        daftar.truncate(TAHUN_KEBUTUHAN);
    }
    Ok(k)
}

/// The instansi's analytics settings (defaults when never set). Stored
/// settings that no longer parse are an internal error, not silently the
/// defaults: numbers computed with other settings would be wrong.
pub(crate) async fn pengaturan(
    state: &AppState,
    instansi: InstansiId,
) -> Result<PengaturanAnalitik, AppError> {
    let nilai = state
        .store()
        .pengaturan(instansi, PengaturanAnalitik::KUNCI)
        .await?;
    PengaturanAnalitik::dari_json(nilai).map_err(|e| AppError::Internal(e.to_string()))
}

/// Whether an employee row is in the reader's scope; `units` tells whether a
/// unit lies under the led one.
pub(crate) fn dalam_lingkup(
    lingkup: Lingkup,
    p: &PegawaiAnalitik,
    di_bawah: impl Fn(UnitId, UnitId) -> bool,
) -> bool {
    match lingkup {
        Lingkup::Instansi => true,
        Lingkup::Unit(akar) => di_bawah(p.unit, akar),
        Lingkup::Pegawai(id) => id == p.id,
        Lingkup::Kosong => false,
    }
}

/// The employees a reader may count under the filters, as engine indexes.
pub(crate) fn pilih_pegawai(
    d: &DataAnalitik,
    units: &PetaUnit,
    lingkup: Lingkup,
    jenis: Option<JenisJabatan>,
    status: Option<StatusAsn>,
    opd: Option<UnitId>,
) -> Vec<u32> {
    let di_bawah = |u: UnitId, akar: UnitId| units.get(u).is_some_and(|x| x.di_bawah(akar));
    let mut out = Vec::new();
    for (i, p) in d.pegawai.iter().enumerate() {
        let i = i as u32;
        if !p.aktif
            || !dalam_lingkup(lingkup, p, di_bawah)
            || opd.is_some_and(|o| !di_bawah(p.unit, o))
            || status.is_some_and(|s| s != p.status)
            || jenis.is_some_and(|want| d.jenis_pegawai(i) != Some(want))
        {
            continue;
        }
        out.push(i);
    }
    out
}

/// The engine data and settings for a reader of personal analytics.
pub(crate) async fn untuk(
    state: &AppState,
    sesi: &Sesi,
) -> Result<(Arc<DataAnalitik>, PengaturanAnalitik), AppError> {
    crate::layanan::wajib_data_pribadi(sesi)?;
    let d = data(state, sesi.instansi_id()).await?;
    let atur = pengaturan(state, sesi.instansi_id()).await?;
    Ok((d, atur))
}
