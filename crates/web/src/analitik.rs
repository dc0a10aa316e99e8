//! The engine data behind every analytics page, cached per instansi.
//!
//! Reading and indexing an instansi's records is most of an analytics
//! request's time (the engine itself is fast), so the built
//! [`DataAnalitik`] is kept per instansi and reused while the store's data
//! revision is unchanged. The revision is read before the data, so a cached
//! entry is never older than the revision it is filed under; a write landing
//! in between only makes the next request rebuild.

use crate::AppState;
use crate::error::AppError;
use crate::layanan::PetaUnit;
use crate::sesi::Sesi;
use kompeten_domain::{JenisJabatan, StatusAsn};
use kompeten_io::analitik::{DataAnalitik, PengaturanAnalitik};
use kompeten_store::{InstansiId, Lingkup, PegawaiAnalitik, UnitId};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// Built data of the most recently used instansi.
pub(crate) struct CacheAnalitik {
    slot: Mutex<HashMap<InstansiId, Arc<Slot>>>,
    kapasitas: usize,
    detak: AtomicU64,
}

struct Slot {
    /// Held while building, so concurrent requests wait for one build.
    isi: tokio::sync::Mutex<Option<(i64, Arc<DataAnalitik>)>>,
    dipakai: AtomicU64,
}

impl CacheAnalitik {
    pub(crate) fn new(kapasitas: usize) -> Self {
        CacheAnalitik {
            slot: Mutex::new(HashMap::new()),
            kapasitas: kapasitas.max(1),
            detak: AtomicU64::new(0),
        }
    }

    fn slot(&self, instansi: InstansiId) -> Arc<Slot> {
        let detak = self.detak.fetch_add(1, Ordering::Relaxed);
        // A poisoned lock only means another request panicked mid-insert;
        // the map itself is still a valid map.
        let mut peta = self.slot.lock().unwrap_or_else(|e| e.into_inner());
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
