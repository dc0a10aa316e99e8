//! Loading the demo into a real SQLite store.

use kompeten_demo::{Dataset, DemoError, default_options, generate, load};
use kompeten_domain::{KelompokKompetensi, Role, StatusAsn};
use kompeten_store::sqlite::{OpenMode, SqliteStore};
use kompeten_store::{Lingkup, PegawaiQuery, Store, StoreError};
use std::collections::BTreeSet;
use std::path::Path;
use time::Date;
use time::macros::date;

const HARI_INI: Date = date!(2026 - 05 - 15);

/// Argon2 would make every test slow; the store only needs a non-empty string.
fn hash_cepat(password: &str) -> String {
    format!("$test${}", password.len())
}

async fn store(dir: &Path) -> SqliteStore {
    SqliteStore::open(&dir.join("demo.sqlite"), OpenMode::CreateIfMissing)
        .await
        .expect("open SQLite")
}

/// What the store's summary should say about a data set.
fn expected(d: &Dataset) -> kompeten_store::Ringkasan {
    let aktif: Vec<usize> = (0..d.pegawai.len())
        .filter(|i| d.pegawai[*i].aktif)
        .collect();
    let berlaku = |n: &kompeten_demo::PenilaianDemo| n.berlaku_sampai >= d.hari_ini;
    let dinilai: BTreeSet<usize> = d
        .penilaian
        .iter()
        .filter(|n| berlaku(n))
        .map(|n| n.pegawai)
        .collect();
    let tahun = d.skp.iter().map(|s| s.tahun).max();
    kompeten_store::Ringkasan {
        jumlah_opd: d.unit.iter().filter(|u| u.induk.is_none()).count() as u64,
        jumlah_unit: d.unit.len() as u64,
        jumlah_jabatan: d.jabatan.len() as u64,
        jabatan_dengan_standar: d.jabatan.iter().filter(|j| !j.standar.is_empty()).count() as u64,
        jumlah_kompetensi: d.kompetensi.len() as u64,
        pegawai_aktif: aktif.len() as u64,
        pns: aktif
            .iter()
            .filter(|i| d.pegawai[**i].nip.status() == StatusAsn::Pns)
            .count() as u64,
        pppk: aktif
            .iter()
            .filter(|i| d.pegawai[**i].nip.status() == StatusAsn::Pppk)
            .count() as u64,
        pegawai_tanpa_jabatan: aktif
            .iter()
            .filter(|i| d.pegawai[**i].jabatan.is_none())
            .count() as u64,
        penilaian_total: d.penilaian.len() as u64,
        penilaian_berlaku: d.penilaian.iter().filter(|n| berlaku(n)).count() as u64,
        pegawai_dinilai: aktif.iter().filter(|i| dinilai.contains(i)).count() as u64,
        skp_tahun_terakhir: tahun,
        skp_jumlah_terakhir: d.skp.iter().filter(|s| Some(s.tahun) == tahun).count() as u64,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_loads_into_sqlite_and_the_store_counts_match() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = store(dir.path()).await;
    let data = generate(&default_options(HARI_INI));

    // The CLI and the web server may run the load on a spawned task.
    let future = load(&store, &data, &hash_cepat);
    fn is_send<T: Send>(_: &T) {}
    is_send(&future);
    let summary = future.await.expect("demo loads");
    let i = summary.instansi;
    assert_eq!(summary.jumlah, data.jumlah());
    assert_eq!(
        store.instansi(i).await.expect("instansi").nama,
        "Pemerintah Kota Sawahlunto"
    );

    let ringkasan = store
        .ringkasan(i, Lingkup::Instansi, HARI_INI)
        .await
        .expect("ringkasan");
    assert_eq!(ringkasan, expected(&data));

    let mut q = PegawaiQuery::semua(Lingkup::Instansi);
    q.hanya_aktif = false;
    let semua = store.search_pegawai(i, &q).await.expect("search");
    assert_eq!(semua.total, data.pegawai.len() as u64);
    q.status = Some(StatusAsn::Pppk);
    let pppk = store.search_pegawai(i, &q).await.expect("search");
    let pppk_data = data
        .pegawai
        .iter()
        .filter(|p| p.nip.status() == StatusAsn::Pppk)
        .count();
    assert_eq!(pppk.total, pppk_data as u64);

    // Units keep the data set's (the SOTK's) order: every parent before its
    // children, and siblings as listed, so Sekretariat Daerah leads the OPD
    // and the kecamatan close them.
    let units = store.units(i).await.expect("units");
    let kode: Vec<&str> = units.iter().map(|u| u.kode.as_str()).collect();
    let mut expected_kode = Vec::new();
    fn tree<'d>(d: &'d Dataset, induk: Option<usize>, out: &mut Vec<&'d str>) {
        for (n, u) in d.unit.iter().enumerate() {
            if u.induk == induk {
                out.push(u.kode.as_str());
                tree(d, Some(n), out);
            }
        }
    }
    tree(&data, None, &mut expected_kode);
    assert_eq!(kode, expected_kode);
    let opd: Vec<&str> = units
        .iter()
        .filter(|u| u.induk.is_none())
        .map(|u| u.nama.as_str())
        .collect();
    assert_eq!(opd.first(), Some(&"Sekretariat Daerah"));
    assert!(
        opd.last().is_some_and(|n| n.starts_with("Kecamatan")),
        "{opd:?}"
    );

    // Accounts: one per role, with the fixed passwords hashed by the caller.
    assert_eq!(summary.accounts.len(), Role::ALL.len());
    for a in &summary.accounts {
        let stored = store
            .account_by_username(i, &a.username)
            .await
            .expect("lookup")
            .expect("exists");
        assert_eq!(stored.role, a.role);
        assert_eq!(stored.password_hash, hash_cepat(&a.password));
    }
    // The partner's account acts for the UNAND of the catalog.
    let mitra = store
        .account_by_username(i, "mitra.unand")
        .await
        .expect("lookup")
        .expect("exists");
    let unand = store
        .mitra(i, mitra.mitra.expect("linked to its partner"))
        .await
        .expect("partner");
    assert_eq!(unand.kode, "UNAND");
    let pimpinan = store
        .account_by_username(i, "pimpinan.dpmptsp")
        .await
        .expect("lookup")
        .expect("exists");
    let unit = store
        .unit(i, pimpinan.unit.expect("unit"))
        .await
        .expect("unit");
    assert_eq!(unit.kode, "DPMPTSP");
    assert_eq!(unit.kedalaman(), 0);

    // The pegawai account is a real employee of the MPP, with their history.
    let akun = data
        .akun
        .iter()
        .find(|a| a.role == Role::Pegawai)
        .expect("pegawai account");
    let p = &data.pegawai[akun.pegawai.expect("record")];
    let stored = store
        .account_by_username(i, &akun.username)
        .await
        .expect("lookup")
        .expect("exists");
    let pegawai = store
        .pegawai(i, stored.pegawai.expect("linked"))
        .await
        .expect("pegawai");
    assert_eq!(pegawai.nip, p.nip);
    assert_eq!(pegawai.tanggal_lahir, p.nip.tanggal_lahir());
    assert_eq!(pegawai.jenis_kelamin, p.nip.jenis_kelamin());
    let unit = store.unit(i, pegawai.unit).await.expect("unit");
    assert!(unit.nama.contains("Mal Pelayanan Publik"));
    let indeks = akun.pegawai.expect("record");
    let riwayat = store
        .penilaian_pegawai(i, pegawai.id)
        .await
        .expect("history");
    assert_eq!(
        riwayat.len(),
        data.penilaian
            .iter()
            .filter(|n| n.pegawai == indeks)
            .count()
    );
    let skp = store.skp_pegawai(i, pegawai.id).await.expect("skp");
    assert_eq!(
        skp.len(),
        data.skp.iter().filter(|s| s.pegawai == indeks).count()
    );

    // The standard of the employee's position came through whole.
    let jabatan = &data.jabatan[p.jabatan.expect("position")];
    let standar = store
        .standar(i, pegawai.jabatan.expect("position"))
        .await
        .expect("standar");
    assert_eq!(standar.len(), jabatan.standar.len());
    let manajerial = standar
        .iter()
        .filter(|s| s.kelompok != KelompokKompetensi::Teknis)
        .count();
    assert_eq!(manajerial, 9);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn loading_twice_is_a_conflict_and_keeps_the_first_load() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = store(dir.path()).await;
    let data = generate(&default_options(HARI_INI));
    let first = load(&store, &data, &hash_cepat).await.expect("first load");
    let before = store
        .ringkasan(first.instansi, Lingkup::Instansi, HARI_INI)
        .await
        .expect("ringkasan");
    let audit_before = store.audit_log(first.instansi, 10).await.expect("audit");

    let again = load(&store, &data, &hash_cepat).await;
    assert!(
        matches!(again, Err(DemoError::Store(StoreError::Conflict(_)))),
        "{again:?}"
    );

    assert_eq!(store.list_instansi().await.expect("list").len(), 1);
    let after = store
        .ringkasan(first.instansi, Lingkup::Instansi, HARI_INI)
        .await
        .expect("ringkasan");
    assert_eq!(after, before);
    assert_eq!(
        store.audit_log(first.instansi, 10).await.expect("audit"),
        audit_before
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_inconsistent_dataset_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = store(dir.path()).await;
    let mut data = generate(&default_options(HARI_INI));
    let n = data.pegawai.len();
    data.skp[0].pegawai = n;
    let result = load(&store, &data, &hash_cepat).await;
    assert!(matches!(result, Err(DemoError::Invalid(_))), "{result:?}");
    assert!(store.list_instansi().await.expect("list").is_empty());
}
