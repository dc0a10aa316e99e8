//! The requested needs (usulan) of the demo and its needs settings.

use kompeten_demo::{
    DEFAULT_SEED, Dataset, DemoError, DemoOptions, PegawaiDemo, ProgramDemo, default_options,
    generate, load,
};
use kompeten_domain::{
    JenisJabatan, JenisUnit, Role, StatusUsulan, SumberUsulan, tahun_perencanaan,
};
use kompeten_io::kebutuhan::PengaturanKebutuhan;
use kompeten_store::sqlite::{OpenMode, SqliteStore};
use kompeten_store::{Lingkup, Store, UsulanQuery};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;
use time::Date;
use time::macros::date;

/// The demo's day in the issue: late November, so the plan is for next year.
const HARI_INI: Date = date!(2026 - 11 - 27);

fn demo() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| generate(&default_options(HARI_INI)))
}

fn jalur(d: &Dataset, mut unit: usize) -> Vec<usize> {
    let mut out = vec![unit];
    while let Some(induk) = d.unit[unit].induk {
        out.push(induk);
        unit = induk;
    }
    out
}

fn jenis(d: &Dataset, p: &PegawaiDemo) -> Option<JenisJabatan> {
    p.jabatan.map(|j| d.jabatan[j].tingkat.jenis())
}

/// Whether the employee may take the program by its unit and position rules.
fn boleh_ikut(d: &Dataset, p: &PegawaiDemo, prog: &ProgramDemo) -> bool {
    let unit_ok = prog.unit.is_empty() || jalur(d, p.unit).iter().any(|u| prog.unit.contains(u));
    let jenis_ok = prog.jenis_jabatan.is_empty()
        || jenis(d, p).is_some_and(|j| prog.jenis_jabatan.contains(&j));
    unit_ok && jenis_ok
}

fn latest_level(d: &Dataset, pegawai: usize, kompetensi: usize) -> Option<u8> {
    d.penilaian
        .iter()
        .filter(|n| n.pegawai == pegawai && n.kompetensi == kompetensi)
        .max_by_key(|n| n.tanggal)
        .map(|n| n.level.get())
}

#[test]
fn same_seed_same_usulan_and_another_seed_other_ones() {
    let again = generate(&default_options(HARI_INI));
    assert_eq!(again.usulan, demo().usulan);
    assert_eq!(again.unit_layanan_publik, demo().unit_layanan_publik);
    for seed in [DEFAULT_SEED, DEFAULT_SEED + 1, 7] {
        let d = generate(&DemoOptions {
            seed,
            hari_ini: HARI_INI,
        });
        assert!(
            (150..=250).contains(&d.usulan.len()),
            "seed {seed}: {} usulan",
            d.usulan.len()
        );
        if seed != DEFAULT_SEED {
            assert_ne!(d.usulan, demo().usulan, "seed {seed}");
        }
    }
}

#[test]
fn every_usulan_points_at_an_active_employee_and_existing_records() {
    let d = demo();
    let tahun = tahun_perencanaan(HARI_INI);
    assert_eq!(tahun, 2027);
    let mut pasangan = BTreeSet::new();
    for u in &d.usulan {
        let p = &d.pegawai[u.pegawai];
        assert!(p.aktif, "{} is not active", p.nip);
        assert!(u.kompetensi < d.kompetensi.len());
        assert_eq!(u.tahun, tahun);
        assert!((1..=4).contains(&u.naik_level), "{u:?}");
        // Never past level 5 from the latest known level.
        let kini = latest_level(d, u.pegawai, u.kompetensi).unwrap_or(0);
        assert!(kini + u.naik_level <= 5, "{u:?}");
        assert!(!u.alasan.trim().is_empty());
        assert!(
            pasangan.insert((u.pegawai, u.kompetensi)),
            "{} asks twice for the same competency",
            p.nip
        );
        let cocok = |prog: &ProgramDemo| {
            prog.aktif
                && prog.kompetensi.iter().any(|(k, _)| *k == u.kompetensi)
                && boleh_ikut(d, p, prog)
        };
        match u.program {
            Some(i) => assert!(cocok(&d.program[i]), "{} for {u:?}", d.program[i].kode),
            None => assert!(
                !d.program.iter().any(cocok),
                "a program fits {} but none was named",
                d.kompetensi[u.kompetensi].kode
            ),
        }
    }
    assert!(d.usulan.iter().filter(|u| u.program.is_some()).count() * 10 >= d.usulan.len() * 7);
    d.periksa().expect("consistent");
}

#[test]
fn requests_come_from_front_line_staff_heads_and_bkpsdm_with_realistic_outcomes() {
    let d = demo();
    let mut per: BTreeMap<(SumberUsulan, StatusUsulan), usize> = BTreeMap::new();
    for u in &d.usulan {
        *per.entry((u.sumber, u.status)).or_default() += 1;
        match (u.sumber, u.status) {
            (SumberUsulan::Pegawai, StatusUsulan::Ditolak | StatusUsulan::Dibatalkan) => {
                assert!(
                    u.catatan.is_some(),
                    "a rejection or withdrawal says why: {u:?}"
                )
            }
            (SumberUsulan::Pegawai, StatusUsulan::Diajukan) => assert_eq!(u.catatan, None),
            (SumberUsulan::Pegawai, _) => {}
            (_, status) => {
                assert_eq!(status, StatusUsulan::Disetujui, "{u:?}");
                assert_eq!(u.catatan, None);
            }
        }
    }
    let n = |s, t| per.get(&(s, t)).copied().unwrap_or(0);
    let sendiri: usize = StatusUsulan::ALL
        .iter()
        .map(|t| n(SumberUsulan::Pegawai, *t))
        .sum();
    let setuju = n(SumberUsulan::Pegawai, StatusUsulan::Disetujui);
    assert!(setuju * 2 > sendiri, "most are approved: {per:?}");
    for t in StatusUsulan::ALL {
        assert!(n(SumberUsulan::Pegawai, *t) > 0, "{t:?}: {per:?}");
    }
    let ditolak = n(SumberUsulan::Pegawai, StatusUsulan::Ditolak);
    let menunggu = n(SumberUsulan::Pegawai, StatusUsulan::Diajukan);
    let batal = n(SumberUsulan::Pegawai, StatusUsulan::Dibatalkan);
    assert!(
        batal < ditolak && batal < menunggu,
        "a few withdrawn: {per:?}"
    );
    assert!(
        n(SumberUsulan::Atasan, StatusUsulan::Disetujui) >= 20,
        "{per:?}"
    );
    assert!(
        n(SumberUsulan::Bkpsdm, StatusUsulan::Disetujui) >= 10,
        "{per:?}"
    );

    let satu_dua = d.usulan.iter().filter(|u| u.naik_level <= 2).count();
    assert!(satu_dua * 100 >= d.usulan.len() * 85, "mostly 1-2 levels");

    // Front-line staff of licensing, population administration, the
    // kecamatan and the health services, and Diskominfo for SPBE.
    let diskominfo = d.unit.iter().position(|u| u.kode == "DISKOMINFO");
    let garda: BTreeSet<usize> = d
        .unit_layanan_publik
        .iter()
        .copied()
        .chain(diskominfo)
        .collect();
    let mut opd: BTreeMap<&str, usize> = BTreeMap::new();
    for u in &d.usulan {
        let p = &d.pegawai[u.pegawai];
        let jalur = jalur(d, p.unit);
        assert!(
            jalur.iter().any(|x| garda.contains(x)),
            "{} is not front-line",
            p.nip
        );
        assert!(
            matches!(
                jenis(d, p),
                Some(JenisJabatan::Pelaksana | JenisJabatan::Fungsional | JenisJabatan::Pengawas)
            ),
            "{}",
            p.nip
        );
        if u.sumber == SumberUsulan::Atasan {
            assert_ne!(
                jenis(d, p),
                Some(JenisJabatan::Pengawas),
                "heads ask for staff"
            );
        }
        *opd.entry(d.unit[*jalur.last().expect("root")].kode.as_str())
            .or_default() += 1;
        let kode = d.kompetensi[u.kompetensi].kode;
        if kode.starts_with("T.SPBE.") && kode != "T.SPBE.05" && kode != "T.SPBE.03" {
            assert_eq!(
                d.unit[*jalur.last().expect("root")].kode,
                "DISKOMINFO",
                "{kode}"
            );
        }
    }
    for k in ["DPMPTSP", "DISDUKCAPIL", "DISKOMINFO", "KEC.BRG", "KEC.LS"] {
        assert!(opd.get(k).is_some_and(|n| *n >= 10), "{k}: {opd:?}");
    }
    let kode: BTreeSet<&str> = d
        .usulan
        .iter()
        .map(|u| d.kompetensi[u.kompetensi].kode)
        .collect();
    for k in ["T.IZN.01", "T.DUK.01", "T.SPBE.05", "T.PEM.01"] {
        assert!(kode.contains(k), "{k}");
    }

    // BKPSDM asks where an assessment found the employee below the standard.
    for u in d.usulan.iter().filter(|u| u.sumber == SumberUsulan::Bkpsdm) {
        let p = &d.pegawai[u.pegawai];
        let wajib = d.jabatan[p.jabatan.expect("position")]
            .standar
            .iter()
            .find(|s| s.kompetensi == u.kompetensi)
            .expect("in the standard")
            .level
            .get();
        let kini = latest_level(d, u.pegawai, u.kompetensi).expect("assessed");
        assert_eq!(kini + u.naik_level, wajib, "{u:?}");
        assert!(u.alasan.contains("BKPSDM"), "{}", u.alasan);
    }

    // The demo's employee account has a request of its own waiting for
    // the head of DPMPTSP, who has a demo account too.
    let akun = d
        .akun
        .iter()
        .find(|a| a.role == Role::Pegawai)
        .expect("account");
    assert!(d.usulan.iter().any(|u| Some(u.pegawai) == akun.pegawai
        && u.sumber == SumberUsulan::Pegawai
        && u.status == StatusUsulan::Diajukan));
}

#[test]
fn the_settings_name_the_front_line_units_that_exist() {
    let d = demo();
    let atur = d.pengaturan_kebutuhan();
    atur.validasi().expect("valid settings");
    let kode: BTreeSet<&str> = d.unit.iter().map(|u| u.kode.as_str()).collect();
    for k in &atur.unit_layanan_publik {
        assert!(kode.contains(k.as_str()), "{k} does not exist");
    }
    let mut harapan: BTreeSet<String> = ["DPMPTSP", "DISDUKCAPIL", "RSUD"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    for u in &d.unit {
        if matches!(u.jenis, JenisUnit::Puskesmas | JenisUnit::Kecamatan) {
            harapan.insert(u.kode.clone());
        }
    }
    let ada: BTreeSet<String> = atur.unit_layanan_publik.iter().cloned().collect();
    assert_eq!(ada, harapan);
    assert_eq!(ada.len(), atur.unit_layanan_publik.len(), "no code twice");
    // 6 puskesmas and 4 kecamatan.
    assert_eq!(ada.len(), 13, "{ada:?}");
    assert_eq!(
        PengaturanKebutuhan {
            unit_layanan_publik: Vec::new(),
            ..atur
        },
        PengaturanKebutuhan::default()
    );
}

#[test]
fn an_usulan_that_breaks_the_workflow_or_points_nowhere_is_rejected() {
    let mut rusak = demo().clone();
    rusak.usulan[0].pegawai = rusak.pegawai.len();
    assert!(matches!(rusak.periksa(), Err(DemoError::Invalid(_))));

    let mut rusak = demo().clone();
    let i = rusak
        .usulan
        .iter()
        .position(|u| u.sumber == SumberUsulan::Atasan)
        .expect("a head's request");
    // A head's request starts approved; nobody decides it again.
    rusak.usulan[i].status = StatusUsulan::Ditolak;
    assert!(matches!(rusak.periksa(), Err(DemoError::Invalid(_))));

    let mut rusak = demo().clone();
    rusak.unit_layanan_publik.push(rusak.unit.len());
    assert!(matches!(rusak.periksa(), Err(DemoError::Invalid(_))));
}

fn hash_cepat(password: &str) -> String {
    format!("$test${}", password.len())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_usulan_and_settings_load_into_sqlite_with_their_statuses_and_actors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::open(&dir.path().join("demo.sqlite"), OpenMode::CreateIfMissing)
        .await
        .expect("open SQLite");
    let d = demo();
    let summary = load(&store, d, &hash_cepat).await.expect("demo loads");
    let i = summary.instansi;
    let tahun = tahun_perencanaan(HARI_INI);

    let q = |status| UsulanQuery {
        lingkup: Lingkup::Instansi,
        tahun: Some(tahun),
        status,
    };
    let semua = store.list_usulan(i, &q(None)).await.expect("list");
    assert_eq!(semua.len(), d.usulan.len());
    let mut per_status = BTreeMap::new();
    for s in StatusUsulan::ALL {
        let n = store
            .list_usulan(i, &q(Some(*s)))
            .await
            .expect("list")
            .len();
        let harapan = d.usulan.iter().filter(|u| u.status == *s).count();
        assert_eq!(n, harapan, "{s:?}");
        per_status.insert(*s, n);
    }
    let lain = UsulanQuery {
        lingkup: Lingkup::Instansi,
        tahun: Some(tahun - 1),
        status: None,
    };
    assert!(store.list_usulan(i, &lain).await.expect("list").is_empty());

    // The summary counts what the store holds.
    let j = summary.jumlah;
    assert_eq!(j.usulan, semua.len());
    assert_eq!(j.usulan_disetujui, per_status[&StatusUsulan::Disetujui]);
    assert_eq!(j.usulan_diajukan, per_status[&StatusUsulan::Diajukan]);

    // The same requests, field by field (the store lists newest first).
    let nip: BTreeMap<_, _> = d
        .pegawai
        .iter()
        .enumerate()
        .map(|(k, p)| (k, &p.nip))
        .collect();
    let mut dari_data: Vec<_> = d
        .usulan
        .iter()
        .map(|u| {
            (
                nip[&u.pegawai].to_string(),
                d.kompetensi[u.kompetensi].kode.to_owned(),
                u.naik_level,
                u.program.map(|p| d.program[p].kode.clone()),
                u.sumber,
                u.status,
                u.catatan.clone(),
                u.alasan.clone(),
            )
        })
        .collect();
    let mut dari_store: Vec<_> = semua
        .iter()
        .map(|u| {
            (
                u.nip.to_string(),
                u.kompetensi_kode.clone(),
                u.naik_level,
                u.program_kode.clone(),
                u.sumber,
                u.status,
                u.catatan_putusan.clone(),
                u.alasan.clone(),
            )
        })
        .collect();
    dari_data.sort();
    dari_store.sort();
    assert_eq!(dari_store, dari_data);

    // Made and decided by the demo accounts that would do it.
    let akun = d
        .akun
        .iter()
        .find(|a| a.role == Role::Pegawai)
        .expect("account");
    let nip_akun = d.pegawai[akun.pegawai.expect("record")].nip.to_string();
    for u in &semua {
        match u.sumber {
            SumberUsulan::Bkpsdm => assert_eq!(u.diajukan_oleh, "admin.bkpsdm"),
            SumberUsulan::Pegawai if u.nip.to_string() == nip_akun => {
                assert_eq!(u.diajukan_oleh, akun.username)
            }
            _ => {}
        }
        let dpmptsp = u.opd_nama.contains("Penanaman Modal");
        match u.status {
            StatusUsulan::Diajukan => assert_eq!(u.diputus_oleh, None),
            StatusUsulan::Disetujui | StatusUsulan::Ditolak
                if u.sumber == SumberUsulan::Pegawai && dpmptsp =>
            {
                assert_eq!(u.diputus_oleh.as_deref(), Some("pimpinan.dpmptsp"))
            }
            _ => assert!(u.diputus_oleh.is_some()),
        }
        if u.sumber == SumberUsulan::Atasan && dpmptsp {
            assert_eq!(u.diajukan_oleh, "pimpinan.dpmptsp");
        }
    }

    let atur = store
        .pengaturan(i, PengaturanKebutuhan::KUNCI)
        .await
        .expect("read");
    let atur = PengaturanKebutuhan::dari_json(atur).expect("valid");
    assert_eq!(atur, d.pengaturan_kebutuhan());
    let units = store.units(i).await.expect("units");
    for k in &atur.unit_layanan_publik {
        assert!(units.iter().any(|u| &u.kode == k), "{k}");
    }
}
