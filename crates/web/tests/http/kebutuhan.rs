//! Development needs (AKPK) and the requests behind them: scoping per role,
//! the request workflow (an employee's request waits for the head over
//! them, approval makes it count), decision rules, CSRF, refused input,
//! downloads, the API and the priority settings.
//!
//! "Today" is 27 November 2026. In the fixture Fitri (puskesmas, DINKES)
//! has an expired assessment of T.KES.1 below her standard, Budi (bidang,
//! DINKES) an expired one of M.2; Dewi and Yusuf are in DISDIK.

use crate::fixture::Fixture;
use crate::mitra::isi_katalog;
use crate::tulis::kirim_json;
use crate::{Masuk, csrf_di, get, masuk_sebagai, post_form};
use axum::http::StatusCode;
use kompeten_domain::{StatusUsulan, SumberUsulan};
use kompeten_store::{
    Actor, KompetensiId, Lingkup, NewUsulan, PegawaiId, Store, Usulan, UsulanId, UsulanQuery,
};
use serde_json::{Value, json};
use std::collections::BTreeSet;

async fn token(fx: &Fixture, s: &Masuk) -> String {
    csrf_di(&get(&fx.app, "/", s.c()).await.body)
}

async fn semua_usulan(fx: &Fixture) -> Vec<Usulan> {
    fx.store
        .list_usulan(
            fx.ids.a,
            &UsulanQuery {
                lingkup: Lingkup::Instansi,
                tahun: None,
                status: None,
            },
        )
        .await
        .expect("list usulan")
}

async fn satu_usulan(fx: &Fixture, id: UsulanId) -> Usulan {
    fx.store.usulan(fx.ids.a, id).await.expect("usulan")
}

/// A waiting request as if the employee had asked, written through the store.
async fn usulan_menunggu(fx: &Fixture, pegawai: PegawaiId, kompetensi: KompetensiId) -> UsulanId {
    fx.store
        .add_usulan(
            fx.ids.a,
            &Actor::system("uji"),
            &NewUsulan {
                pegawai,
                tahun: 2026,
                kompetensi,
                naik_level: 1,
                program: None,
                alasan: "Diminta sendiri".into(),
                sumber: SumberUsulan::Pegawai,
            },
        )
        .await
        .expect("add usulan")
}

async fn api_kebutuhan(fx: &Fixture, s: &Masuk, query: &str) -> Value {
    let res = get(&fx.app, &format!("/api/v1/kebutuhan{query}"), s.c()).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    res.json()
}

fn pegawai_di(doc: &Value, id: PegawaiId) -> Option<&Value> {
    doc["pegawai"]
        .as_array()
        .expect("pegawai")
        .iter()
        .find(|p| p["pegawai_id"] == id.0)
}

/// The need of an employee for a competency, if any.
fn kebutuhan_di(doc: &Value, p: PegawaiId, k: KompetensiId) -> Option<Value> {
    pegawai_di(doc, p)?["kompetensi"]
        .as_array()?
        .iter()
        .find(|c| c["kompetensi_id"] == k.0)
        .cloned()
}

fn id_pegawai(doc: &Value) -> BTreeSet<i64> {
    doc["pegawai"]
        .as_array()
        .expect("pegawai")
        .iter()
        .map(|p| p["pegawai_id"].as_i64().expect("id"))
        .collect()
}

#[tokio::test]
async fn needs_are_scoped_to_the_readers_employees() {
    let fx = Fixture::new().await;
    let ids = fx.ids;
    let admin = masuk_sebagai(&fx, "admin").await;
    let semua = id_pegawai(&api_kebutuhan(&fx, &admin, "").await);
    let enam: BTreeSet<i64> = [
        ids.budi, ids.fitri, ids.rina, ids.hendra, ids.dewi, ids.yusuf,
    ]
    .iter()
    .map(|p| p.0)
    .collect();
    assert_eq!(semua, enam, "admin: every active employee of instansi A");
    let auditor = masuk_sebagai(&fx, "auditor").await;
    assert_eq!(id_pegawai(&api_kebutuhan(&fx, &auditor, "").await), enam);

    let pimpinan = masuk_sebagai(&fx, "pimpinan").await;
    let doc = api_kebutuhan(&fx, &pimpinan, "").await;
    let dinkes: BTreeSet<i64> = [ids.budi, ids.fitri, ids.rina, ids.hendra]
        .iter()
        .map(|p| p.0)
        .collect();
    assert_eq!(
        id_pegawai(&doc),
        dinkes,
        "pimpinan: the DINKES subtree only"
    );
    // An OPD outside the subtree is refused rather than silently widened.
    let res = get(
        &fx.app,
        &format!("/api/v1/kebutuhan?opd={}", ids.opd2),
        pimpinan.c(),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
    let page = get(&fx.app, "/kebutuhan", pimpinan.c()).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Fitri Yuliani"));
    assert!(page.body.contains("19850115 201001 1 003"), "Budi's NIP");
    assert!(!page.body.contains("Dinas Pendidikan"));

    let fitri = masuk_sebagai(&fx, "fitri").await;
    let doc = api_kebutuhan(&fx, &fitri, "").await;
    assert_eq!(id_pegawai(&doc), BTreeSet::from([ids.fitri.0]));
    let page = get(&fx.app, "/kebutuhan", fitri.c()).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Fitri Yuliani"));
    assert!(!page.body.contains("Budi Santoso"));
    let beranda = get(&fx.app, "/", fitri.c()).await;
    assert!(beranda.body.contains("href=\"/kebutuhan\""), "menu entry");

    let mitra = masuk_sebagai(&fx, "mitra").await;
    for path in [
        "/kebutuhan",
        "/kebutuhan/unduh?format=csv",
        "/api/v1/kebutuhan",
        "/usulan",
        "/usulan/baru",
        "/api/v1/usulan",
    ] {
        let res = get(&fx.app, path, mitra.c()).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "mitra on {path}");
    }
    let beranda = get(&fx.app, "/", mitra.c()).await;
    assert!(!beranda.body.contains("href=\"/kebutuhan\""));
}

#[tokio::test]
async fn gaps_from_expired_assessments_are_needs_with_their_source() {
    let fx = Fixture::new().await;
    let admin = masuk_sebagai(&fx, "admin").await;
    let doc = api_kebutuhan(&fx, &admin, "?tahun=2026").await;
    assert_eq!(doc["tahun"], 2026);
    // Fitri: T.KES.1 assessed at 2 (expired) against a standard of 3.
    let k = kebutuhan_di(&doc, fx.ids.fitri, fx.ids.yankes).expect("Fitri's T.KES.1 need");
    assert_eq!(k["gap"], 1);
    assert_eq!(k["sumber"], json!(["kedaluwarsa"]));
    // Fitri's M.1 (level 3 against 2) is met: no need.
    assert!(kebutuhan_di(&doc, fx.ids.fitri, fx.ids.integritas).is_none());
    let page = get(&fx.app, "/kebutuhan", admin.c()).await;
    assert!(page.body.contains("Asesmen kedaluwarsa"), "source badge");
    assert!(page.body.contains("Dinas Kesehatan"), "table per OPD");
    // A year that is not a year is reported on the page, refused by the API.
    let page = get(&fx.app, "/kebutuhan?tahun=abc", admin.c()).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("abc") && page.body.contains("tidak valid; filter tahun diabaikan"));
    let res = get(&fx.app, "/api/v1/kebutuhan?tahun=abc", admin.c()).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn an_employees_request_waits_for_the_head_and_counts_once_approved() {
    let fx = Fixture::new().await;
    let ids = fx.ids;
    let fitri = masuk_sebagai(&fx, "fitri").await;
    let form = get(&fx.app, "/usulan/baru", fitri.c()).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body.contains("19930812 202012 2 021"),
        "own NIP, fixed"
    );
    assert!(!form.body.contains("Budi Santoso"), "no list of others");
    let csrf = csrf_di(&form.body);
    let res = post_form(
        &fx.app,
        "/usulan/baru",
        fitri.c(),
        &[
            ("csrf", &csrf),
            // Ignored for a pegawai: they ask for themself only.
            ("pegawai", &ids.budi.to_string()),
            ("tahun", "2026"),
            ("kompetensi", &ids.kerja_sama.to_string()),
            ("naik_level", "2"),
            ("program", ""),
            ("alasan", "Tim puskesmas perlu kerja sama lintas program."),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.location(), Some("/usulan?tahun=2026"));
    let semua = semua_usulan(&fx).await;
    assert_eq!(semua.len(), 1);
    let u = &semua[0];
    assert_eq!(u.pegawai, ids.fitri);
    assert_eq!(u.sumber, SumberUsulan::Pegawai);
    assert_eq!(u.status, StatusUsulan::Diajukan);
    assert_eq!(u.naik_level, 2);

    // Waiting: not a need yet.
    let doc = api_kebutuhan(&fx, &fitri, "").await;
    assert!(kebutuhan_di(&doc, ids.fitri, ids.kerja_sama).is_none());
    // Fitri may withdraw it, not approve it.
    let daftar = get(&fx.app, "/usulan", fitri.c()).await;
    assert!(
        daftar
            .body
            .contains("name=\"keputusan\" value=\"dibatalkan\"")
    );
    assert!(
        !daftar
            .body
            .contains("name=\"keputusan\" value=\"disetujui\"")
    );

    // The head of DINKES sees it with the decision buttons; the auditor reads only.
    let pimpinan = masuk_sebagai(&fx, "pimpinan").await;
    let daftar = get(&fx.app, "/usulan?status=diajukan", pimpinan.c()).await;
    assert_eq!(daftar.status, StatusCode::OK);
    assert!(daftar.body.contains("Fitri Yuliani"));
    let aksi = format!("/usulan/{}/putus", u.id);
    assert!(daftar.body.contains(&aksi));
    let auditor = masuk_sebagai(&fx, "auditor").await;
    let daftar = get(&fx.app, "/usulan", auditor.c()).await;
    assert!(daftar.body.contains("Fitri Yuliani"));
    assert!(!daftar.body.contains(&aksi));

    let t = token(&fx, &pimpinan).await;
    let res = post_form(
        &fx.app,
        &aksi,
        pimpinan.c(),
        &[
            ("csrf", &t),
            ("keputusan", "disetujui"),
            ("catatan", "Sesuai"),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let u = satu_usulan(&fx, u.id).await;
    assert_eq!(u.status, StatusUsulan::Disetujui);
    assert_eq!(u.diputus_oleh.as_deref(), Some("pimpinan"));
    assert_eq!(u.catatan_putusan.as_deref(), Some("Sesuai"));

    // Approved: a need from the request, of the levels asked.
    let doc = api_kebutuhan(&fx, &fitri, "?tahun=2026").await;
    let k = kebutuhan_di(&doc, ids.fitri, ids.kerja_sama).expect("need from the request");
    assert_eq!(k["sumber"], json!(["usulan"]));
    assert_eq!(k["gap"], 2);
    // In late November the pages plan for next year unless asked.
    assert_eq!(api_kebutuhan(&fx, &fitri, "").await["tahun"], 2027);
    let page = get(&fx.app, "/kebutuhan?tahun=2026", fitri.c()).await;
    assert!(
        page.body.contains("lencana-berlaku\">Usulan<"),
        "{}",
        page.body
    );
    // A request of another year does not count in this one.
    let doc = api_kebutuhan(&fx, &fitri, "?tahun=2027").await;
    assert!(kebutuhan_di(&doc, ids.fitri, ids.kerja_sama).is_none());

    // Decided once: a second decision changes nothing.
    let res = post_form(
        &fx.app,
        &aksi,
        pimpinan.c(),
        &[("csrf", &t), ("keputusan", "ditolak")],
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert_eq!(satu_usulan(&fx, u.id).await.status, StatusUsulan::Disetujui);
}

#[tokio::test]
async fn requests_by_the_head_or_bkpsdm_are_approved_on_entry_within_their_scope() {
    let fx = Fixture::new().await;
    let ids = fx.ids;
    let pimpinan = masuk_sebagai(&fx, "pimpinan").await;
    let form = get(&fx.app, "/usulan/baru", pimpinan.c()).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Budi Santoso"));
    assert!(
        !form.body.contains("Dewi Lestari"),
        "only the DINKES subtree"
    );
    let csrf = csrf_di(&form.body);
    let isian = |pegawai: String| {
        vec![
            ("csrf".to_owned(), csrf.clone()),
            ("pegawai".to_owned(), pegawai),
            ("tahun".to_owned(), "2027".to_owned()),
            ("kompetensi".to_owned(), ids.perekat.to_string()),
            ("naik_level".to_owned(), "1".to_owned()),
            ("alasan".to_owned(), "Persiapan promosi.".to_owned()),
        ]
    };
    let kirim = |pairs: Vec<(String, String)>, s: &Masuk| {
        let s = s.cookie.clone();
        let app = fx.app.clone();
        async move {
            let refs: Vec<(&str, &str)> = pairs
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            post_form(&app, "/usulan/baru", Some(&s), &refs).await
        }
    };
    // Outside the subtree: refused, nothing saved.
    let res = kirim(isian(ids.dewi.to_string()), &pimpinan).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("di luar lingkup Anda"));
    assert!(semua_usulan(&fx).await.is_empty());

    let res = kirim(isian(ids.budi.to_string()), &pimpinan).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let admin = masuk_sebagai(&fx, "admin").await;
    let t = token(&fx, &admin).await;
    // Admin names the employee by NIP (grouped as shown on pages).
    let res = post_form(
        &fx.app,
        "/usulan/baru",
        admin.c(),
        &[
            ("csrf", &t),
            ("nip", "19900410 201503 2 001"),
            ("tahun", "2027"),
            ("kompetensi", &ids.perekat.to_string()),
            ("naik_level", "3"),
            ("alasan", "Hasil asesmen BKPSDM."),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);

    let semua = semua_usulan(&fx).await;
    let budi = semua
        .iter()
        .find(|u| u.pegawai == ids.budi)
        .expect("Budi's");
    assert_eq!(
        (budi.sumber, budi.status),
        (SumberUsulan::Atasan, StatusUsulan::Disetujui)
    );
    let dewi = semua
        .iter()
        .find(|u| u.pegawai == ids.dewi)
        .expect("Dewi's");
    assert_eq!(
        (dewi.sumber, dewi.status),
        (SumberUsulan::Bkpsdm, StatusUsulan::Disetujui)
    );
    let doc = api_kebutuhan(&fx, &admin, "?tahun=2027").await;
    let k = kebutuhan_di(&doc, ids.dewi, ids.perekat).expect("Dewi's need");
    assert_eq!(
        (k["gap"].as_i64(), k["sumber"].clone()),
        (Some(3), json!(["usulan"]))
    );

    // Auditors only read.
    let auditor = masuk_sebagai(&fx, "auditor").await;
    assert_eq!(
        get(&fx.app, "/usulan/baru", auditor.c()).await.status,
        StatusCode::FORBIDDEN
    );
    let t = token(&fx, &auditor).await;
    let res = post_form(
        &fx.app,
        "/usulan/baru",
        auditor.c(),
        &[("csrf", &t), ("nip", "199004102015032001")],
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(semua_usulan(&fx).await.len(), 2);
}

#[tokio::test]
async fn only_the_head_over_the_employee_or_admin_decides_and_only_the_employee_withdraws() {
    let fx = Fixture::new().await;
    let ids = fx.ids;
    let dewi = usulan_menunggu(&fx, ids.dewi, ids.integritas).await;
    let fitri_1 = usulan_menunggu(&fx, ids.fitri, ids.perekat).await;
    let fitri_2 = usulan_menunggu(&fx, ids.fitri, ids.kerja_sama).await;
    let putus = |id: UsulanId| format!("/usulan/{id}/putus");

    let pimpinan = masuk_sebagai(&fx, "pimpinan").await;
    let tp = token(&fx, &pimpinan).await;
    // Dewi is in DISDIK: not the DINKES head's to decide, nor to see.
    let res = post_form(
        &fx.app,
        &putus(dewi),
        pimpinan.c(),
        &[("csrf", &tp), ("keputusan", "disetujui")],
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(satu_usulan(&fx, dewi).await.status, StatusUsulan::Diajukan);
    let daftar = get(&fx.app, "/usulan", pimpinan.c()).await;
    assert!(!daftar.body.contains("Dewi Lestari"));
    assert!(daftar.body.contains("Fitri Yuliani"));
    // A head does not withdraw an employee's request.
    let res = post_form(
        &fx.app,
        &putus(fitri_1),
        pimpinan.c(),
        &[("csrf", &tp), ("keputusan", "dibatalkan")],
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);

    let fitri = masuk_sebagai(&fx, "fitri").await;
    let tf = token(&fx, &fitri).await;
    // Not her own decision to approve; not her business that Dewi's exists.
    let res = post_form(
        &fx.app,
        &putus(fitri_1),
        fitri.c(),
        &[("csrf", &tf), ("keputusan", "disetujui")],
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = post_form(
        &fx.app,
        &putus(dewi),
        fitri.c(),
        &[("csrf", &tf), ("keputusan", "dibatalkan")],
    )
    .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    let res = post_form(
        &fx.app,
        &putus(fitri_1),
        fitri.c(),
        &[("csrf", &tf), ("keputusan", "dibatalkan")],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(
        satu_usulan(&fx, fitri_1).await.status,
        StatusUsulan::Dibatalkan
    );

    let admin = masuk_sebagai(&fx, "admin").await;
    let ta = token(&fx, &admin).await;
    // Withdrawn is final.
    let res = post_form(
        &fx.app,
        &putus(fitri_1),
        admin.c(),
        &[("csrf", &ta), ("keputusan", "disetujui")],
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        satu_usulan(&fx, fitri_1).await.status,
        StatusUsulan::Dibatalkan
    );
    let res = post_form(
        &fx.app,
        &putus(fitri_2),
        admin.c(),
        &[("csrf", &ta), ("keputusan", "naik")],
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    let res = post_form(
        &fx.app,
        &putus(fitri_2),
        admin.c(),
        &[
            ("csrf", &ta),
            ("keputusan", "ditolak"),
            ("catatan", "Sudah ada di rencana tahun lalu"),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let u = satu_usulan(&fx, fitri_2).await;
    assert_eq!(u.status, StatusUsulan::Ditolak);
    assert_eq!(
        u.catatan_putusan.as_deref(),
        Some("Sudah ada di rencana tahun lalu")
    );
    // Rejected and withdrawn requests are no needs.
    let doc = api_kebutuhan(&fx, &admin, "").await;
    assert!(kebutuhan_di(&doc, ids.fitri, ids.kerja_sama).is_none());
    assert!(kebutuhan_di(&doc, ids.fitri, ids.perekat).is_none());
    // Admin decides anywhere.
    let res = post_form(
        &fx.app,
        &putus(dewi),
        admin.c(),
        &[("csrf", &ta), ("keputusan", "disetujui")],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);

    for (user, status) in [
        ("auditor", StatusCode::FORBIDDEN),
        ("mitra", StatusCode::FORBIDDEN),
    ] {
        let s = masuk_sebagai(&fx, user).await;
        let t = token(&fx, &s).await;
        let id = usulan_menunggu(&fx, ids.budi, ids.perekat).await;
        let res = post_form(
            &fx.app,
            &putus(id),
            s.c(),
            &[("csrf", &t), ("keputusan", "ditolak")],
        )
        .await;
        assert_eq!(res.status, status, "{user}");
        assert_eq!(satu_usulan(&fx, id).await.status, StatusUsulan::Diajukan);
        // Leave none open for the next role's request.
        fx.store
            .putus_usulan(
                ids.a,
                &Actor::system("uji"),
                id,
                StatusUsulan::Dibatalkan,
                None,
            )
            .await
            .expect("withdraw");
    }
}

#[tokio::test]
async fn writes_need_the_sessions_csrf_token() {
    let fx = Fixture::new().await;
    let ids = fx.ids;
    let id = usulan_menunggu(&fx, ids.fitri, ids.perekat).await;
    let admin = masuk_sebagai(&fx, "admin").await;
    let isian = [
        ("pegawai", ids.budi.to_string()),
        ("tahun", "2026".to_owned()),
        ("kompetensi", ids.perekat.to_string()),
        ("naik_level", "1".to_owned()),
        ("alasan", "Perlu".to_owned()),
    ];
    for csrf in [None, Some("salah")] {
        let mut form: Vec<(&str, &str)> = isian.iter().map(|(k, v)| (*k, v.as_str())).collect();
        if let Some(c) = csrf {
            form.push(("csrf", c));
        }
        let res = post_form(&fx.app, "/usulan/baru", admin.c(), &form).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        let mut putus = vec![("keputusan", "disetujui")];
        if let Some(c) = csrf {
            putus.push(("csrf", c));
        }
        let res = post_form(&fx.app, &format!("/usulan/{id}/putus"), admin.c(), &putus).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        let mut atur = vec![("bobot_usulan", "2")];
        if let Some(c) = csrf {
            atur.push(("csrf", c));
        }
        let res = post_form(&fx.app, "/pengaturan/kebutuhan", admin.c(), &atur).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
    }
    let body = json!({
        "pegawai_id": ids.budi.0, "tahun": 2026, "kompetensi_id": ids.perekat.0,
        "naik_level": 1, "alasan": "Perlu"
    });
    let res = kirim_json(&fx, "POST", "/api/v1/usulan", admin.c(), None, body).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = kirim_json(
        &fx,
        "POST",
        &format!("/api/v1/usulan/{id}/putus"),
        admin.c(),
        Some("salah"),
        json!({"keputusan": "disetujui"}),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let semua = semua_usulan(&fx).await;
    assert_eq!(semua.len(), 1, "nothing added");
    assert_eq!(semua[0].status, StatusUsulan::Diajukan, "nothing decided");
    assert!(
        fx.store
            .pengaturan(ids.a, "kebutuhan")
            .await
            .expect("read")
            .is_none()
    );
}

#[tokio::test]
async fn bad_requests_are_shown_again_with_reasons_and_nothing_is_saved() {
    let fx = Fixture::new().await;
    let ids = fx.ids;
    let katalog = isi_katalog(&fx).await;
    let admin = masuk_sebagai(&fx, "admin").await;
    let t = token(&fx, &admin).await;
    let res = post_form(
        &fx.app,
        "/usulan/baru",
        admin.c(),
        &[
            ("csrf", &t),
            ("pegawai", &ids.budi.to_string()),
            ("tahun", "2020"),
            ("kompetensi", "999999"),
            ("naik_level", "7"),
            ("alasan", "   "),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    for m in [
        "Tahun harus antara 2026 dan 2028.",
        "Pilih kompetensi dari kamus.",
        "Kenaikan level harus 1 sampai 4.",
        "Wajib diisi.",
    ] {
        assert!(res.body.contains(m), "{m}");
    }
    // Unknown NIP; a program that does not raise the competency.
    let res = post_form(
        &fx.app,
        "/usulan/baru",
        admin.c(),
        &[
            ("csrf", &t),
            ("nip", "199901012020011001"),
            ("tahun", "2026"),
            ("kompetensi", &ids.kerja_sama.to_string()),
            ("naik_level", "1"),
            ("program", &katalog.plt.to_string()),
            ("alasan", "Perlu"),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("NIP 18 digit pegawai yang terdaftar"));
    assert!(
        res.body
            .contains("tidak meningkatkan kompetensi yang dipilih")
    );
    assert!(res.body.contains("value=\"Perlu\"") || res.body.contains(">Perlu</textarea>"));
    assert!(semua_usulan(&fx).await.is_empty());

    // A fitting program is kept with the request.
    let form = [
        ("csrf", t.as_str()),
        ("nip", "199308122020122021"),
        ("tahun", "2026"),
        ("kompetensi", &ids.yankes.to_string()),
        ("naik_level", "1"),
        ("program", &katalog.plt.to_string()),
        ("alasan", "Perlu"),
    ];
    let res = post_form(&fx.app, "/usulan/baru", admin.c(), &form).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let semua = semua_usulan(&fx).await;
    assert_eq!(semua.len(), 1);
    assert_eq!(semua[0].program, Some(katalog.plt));
    // The same need again, while the first still counts: refused.
    let res = post_form(&fx.app, "/usulan/baru", admin.c(), &form).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("Sudah ada usulan"));
    assert_eq!(semua_usulan(&fx).await.len(), 1);
}

fn baris_csv(body: &str) -> Vec<csv::StringRecord> {
    let body = body.trim_start_matches('\u{feff}');
    let mut r = csv::Reader::from_reader(body.as_bytes());
    r.records().map(|x| x.expect("csv row")).collect()
}

#[tokio::test]
async fn downloads_hold_one_row_per_employee_and_competency_need() {
    let fx = Fixture::new().await;
    let ids = fx.ids;
    // One more need from an approved request, on top of the expired assessments.
    let admin = masuk_sebagai(&fx, "admin").await;
    let id = usulan_menunggu(&fx, ids.dewi, ids.integritas).await;
    fx.store
        .putus_usulan(
            ids.a,
            &Actor::system("uji"),
            id,
            StatusUsulan::Disetujui,
            None,
        )
        .await
        .expect("approve");

    let per_opd = format!("&opd={}", ids.opd1);
    for (user, query) in [
        ("admin", ""),
        ("pimpinan", ""),
        ("fitri", ""),
        ("admin", per_opd.as_str()),
    ] {
        let s = masuk_sebagai(&fx, user).await;
        let doc = api_kebutuhan(&fx, &s, &format!("?tahun=2026{query}")).await;
        let mut harap: Vec<(String, String, String)> = Vec::new();
        for p in doc["pegawai"].as_array().expect("pegawai") {
            for k in p["kompetensi"].as_array().expect("kompetensi") {
                harap.push((
                    p["nip"].as_str().expect("nip").to_owned(),
                    k["kode"].as_str().expect("kode").to_owned(),
                    k["gap"].to_string(),
                ));
            }
        }
        let res = get(
            &fx.app,
            &format!("/kebutuhan/unduh?format=csv&tahun=2026{query}"),
            s.c(),
        )
        .await;
        assert_eq!(res.status, StatusCode::OK, "{user}");
        assert!(
            res.header("content-type")
                .is_some_and(|c| c.starts_with("text/csv"))
        );
        let rows = baris_csv(&res.body);
        let got: Vec<(String, String, String)> = rows
            .iter()
            .map(|r| (r[0].to_owned(), r[5].to_owned(), r[7].to_owned()))
            .collect();
        assert_eq!(got, harap, "{user}{query}");
        assert!(!rows.is_empty(), "{user}: the fixture has needs in scope");
        if user == "fitri" {
            assert!(rows.iter().all(|r| &r[0] == "199308122020122021"));
        }
    }
    let res = get(&fx.app, "/kebutuhan/unduh?format=csv&tahun=2026", admin.c()).await;
    let rows = baris_csv(&res.body);
    let dewi = rows
        .iter()
        .find(|r| &r[0] == "199004102015032001")
        .expect("Dewi's request is a row");
    assert_eq!(&dewi[5], "M.1");
    assert_eq!(&dewi[10], "Usulan");

    let xlsx = get(&fx.app, "/kebutuhan/unduh?format=xlsx", admin.c()).await;
    assert_eq!(xlsx.status, StatusCode::OK);
    assert!(
        xlsx.header("content-type")
            .is_some_and(|c| c.contains("spreadsheetml"))
    );
    assert_eq!(
        get(&fx.app, "/kebutuhan/unduh?format=pdf", admin.c())
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn priority_settings_round_trip_and_refuse_invalid_weights() {
    let fx = Fixture::new().await;
    let ids = fx.ids;
    let admin = masuk_sebagai(&fx, "admin").await;
    let page = get(&fx.app, "/pengaturan", admin.c()).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Prioritas kebutuhan"));
    assert!(page.body.contains("action=\"/pengaturan/kebutuhan\""));
    let sebelum = api_kebutuhan(&fx, &admin, "").await;
    let bobot = |doc: &Value, p, k| {
        kebutuhan_di(doc, p, k).expect("need")["bobot"]
            .as_f64()
            .expect("bobot")
    };
    let t = token(&fx, &admin).await;
    let kirim = |pairs: Vec<(&'static str, &'static str)>| {
        let t = t.clone();
        let app = fx.app.clone();
        let c = admin.cookie.clone();
        async move {
            let mut form = vec![("csrf", t.as_str())];
            form.extend(pairs);
            post_form(&app, "/pengaturan/kebutuhan", Some(&c), &form).await
        }
    };
    let sah = vec![
        ("jp_target", "24"),
        ("jp_value", "0,1"),
        ("jp_cap", "80"),
        ("bobot_layanan_publik", "2"),
        ("unit_layanan_publik", "PKM-TALAWI"),
        ("bobot_kedaluwarsa", "1"),
        ("bobot_usulan", "1,5"),
        ("anggaran", "Rp 500.000.000"),
    ];
    let res = kirim(sah.clone()).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let sesudah = api_kebutuhan(&fx, &admin, "").await;
    let a = &sesudah["pengaturan"];
    assert_eq!(a["jp_target"], 24);
    assert_eq!(a["jp_value"], 0.1);
    assert_eq!(a["jp_cap"], 80);
    assert_eq!(a["unit_layanan_publik"], json!(["PKM-TALAWI"]));
    assert_eq!(a["bobot_usulan"], 1.5);
    assert_eq!(a["anggaran"], 500_000_000);
    // Fitri works in the puskesmas: front-line ×2, and her expired gap now ×1 instead of ×0.5.
    assert!(pegawai_di(&sesudah, ids.fitri).expect("Fitri")["layanan_publik"] == true);
    assert!(pegawai_di(&sesudah, ids.budi).expect("Budi")["layanan_publik"] == false);
    let rasio = bobot(&sesudah, ids.fitri, ids.yankes) / bobot(&sebelum, ids.fitri, ids.yankes);
    assert!((rasio - 4.0).abs() < 1e-9, "{rasio}");
    let rasio =
        bobot(&sesudah, ids.budi, ids.kerja_sama) / bobot(&sebelum, ids.budi, ids.kerja_sama);
    assert!((rasio - 2.0).abs() < 1e-9, "{rasio}");
    assert_eq!(
        pegawai_di(&sesudah, ids.fitri).expect("Fitri")["jp_kurang"],
        24
    );
    // The form shows the stored values back.
    let page = get(&fx.app, "/pengaturan", admin.c()).await;
    assert!(page.body.contains("value=\"500.000.000\""));
    assert!(page.body.contains("value=\"1,5\""));
    assert!(page.body.contains("value=\"PKM-TALAWI\""));

    let tersimpan = fx.store.pengaturan(ids.a, "kebutuhan").await.expect("read");
    for (field, value, pesan) in [
        (
            "bobot_kedaluwarsa",
            "-1",
            "Bobot asesmen kedaluwarsa harus angka antara 0 dan 100.",
        ),
        ("bobot_usulan", "banyak", "Isi angka"),
        (
            "unit_layanan_publik",
            "PKM-TALAWI, TIDAK-ADA",
            "Kode unit tidak dikenal: TIDAK-ADA.",
        ),
        ("jp_target", "dua puluh", "Isi bilangan bulat."),
    ] {
        let mut form: Vec<(&str, &str)> =
            sah.iter().filter(|(k, _)| *k != field).cloned().collect();
        form.push((field, value));
        let res = kirim(form).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        assert!(res.body.contains(pesan), "{field}: {}", res.body);
        assert!(res.body.contains("pengaturan belum diubah"));
        assert_eq!(
            fx.store.pengaturan(ids.a, "kebutuhan").await.expect("read"),
            tersimpan,
            "{field}: nothing saved"
        );
    }
    // Back to the defaults.
    let res = kirim(vec![("bawaan", "1")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let kembali = api_kebutuhan(&fx, &admin, "").await;
    assert_eq!(kembali["pengaturan"], sebelum["pengaturan"]);

    // Heads and auditors read the section; only admin writes.
    for user in ["pimpinan", "auditor"] {
        let s = masuk_sebagai(&fx, user).await;
        let page = get(&fx.app, "/pengaturan", s.c()).await;
        assert!(page.body.contains("Prioritas kebutuhan"), "{user}");
        assert!(!page.body.contains("Simpan prioritas kebutuhan"), "{user}");
        let t = token(&fx, &s).await;
        let res = post_form(
            &fx.app,
            "/pengaturan/kebutuhan",
            s.c(),
            &[("csrf", &t), ("bawaan", "1")],
        )
        .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{user}");
    }
}

#[tokio::test]
async fn the_request_api_follows_the_same_rules() {
    let fx = Fixture::new().await;
    let ids = fx.ids;
    let fitri = masuk_sebagai(&fx, "fitri").await;
    let tf = token(&fx, &fitri).await;
    let res = kirim_json(
        &fx,
        "POST",
        "/api/v1/usulan",
        fitri.c(),
        Some(&tf),
        json!({"tahun": 2026, "kompetensi_id": ids.kerja_sama.0, "naik_level": 1, "alasan": "Perlu"}),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let id = res.json()["id"].as_i64().expect("id");
    let res = kirim_json(
        &fx,
        "POST",
        "/api/v1/usulan",
        fitri.c(),
        Some(&tf),
        json!({"tahun": 2026, "kompetensi_id": ids.perekat.0, "naik_level": 9, "alasan": ""}),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    let fields = &res.json()["error"]["fields"];
    assert!(fields["naik_level"].is_string() && fields["alasan"].is_string());
    assert_eq!(semua_usulan(&fx).await.len(), 1);

    let pimpinan = masuk_sebagai(&fx, "pimpinan").await;
    let daftar = get(
        &fx.app,
        "/api/v1/usulan?tahun=2026&status=diajukan",
        pimpinan.c(),
    )
    .await;
    assert_eq!(daftar.status, StatusCode::OK);
    let usulan = daftar.json()["usulan"].clone();
    assert_eq!(usulan.as_array().map(Vec::len), Some(1));
    assert_eq!(usulan[0]["id"], id);
    assert_eq!(usulan[0]["boleh_putus"], true);
    assert_eq!(usulan[0]["sumber"], "pegawai");
    assert_eq!(
        get(&fx.app, "/api/v1/usulan?status=entah", pimpinan.c())
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
    let tp = token(&fx, &pimpinan).await;
    let res = kirim_json(
        &fx,
        "POST",
        &format!("/api/v1/usulan/{id}/putus"),
        pimpinan.c(),
        Some(&tp),
        json!({"keputusan": "disetujui"}),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let u = res.json();
    assert_eq!(u["status"], "disetujui");
    assert_eq!(u["boleh_putus"], false);
    assert_eq!(u["diputus_oleh"], "pimpinan");

    // The head may not ask for someone outside the subtree; auditors not at all.
    let res = kirim_json(
        &fx,
        "POST",
        "/api/v1/usulan",
        pimpinan.c(),
        Some(&tp),
        json!({"pegawai_id": ids.yusuf.0, "tahun": 2026, "kompetensi_id": ids.perekat.0,
               "naik_level": 1, "alasan": "Perlu"}),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.json()["error"]["fields"]["pegawai"].is_string());
    let auditor = masuk_sebagai(&fx, "auditor").await;
    let ta = token(&fx, &auditor).await;
    let res = kirim_json(
        &fx,
        "POST",
        "/api/v1/usulan",
        auditor.c(),
        Some(&ta),
        json!({"pegawai_id": ids.budi.0, "tahun": 2026, "kompetensi_id": ids.perekat.0,
               "naik_level": 1, "alasan": "Perlu"}),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(semua_usulan(&fx).await.len(), 1);
    // Fitri reads only her own.
    let res = get(&fx.app, "/api/v1/usulan", fitri.c()).await;
    let usulan = res.json()["usulan"].clone();
    assert!(
        usulan
            .as_array()
            .expect("list")
            .iter()
            .all(|u| u["pegawai_id"] == ids.fitri.0)
    );
}

#[tokio::test]
async fn the_openapi_document_lists_the_needs_paths() {
    let fx = Fixture::new().await;
    let doc = get(&fx.app, "/api/v1/openapi.json", None).await.json();
    let paths = &doc["paths"];
    for (path, method) in [
        ("/api/v1/kebutuhan", "get"),
        ("/api/v1/usulan", "get"),
        ("/api/v1/usulan", "post"),
        ("/api/v1/usulan/{id}/putus", "post"),
    ] {
        assert!(
            paths[path][method]["responses"]["401"].is_object(),
            "{method} {path}"
        );
    }
    let schemas = doc["components"]["schemas"].as_object().expect("schemas");
    for name in [
        "KebutuhanDto",
        "KebutuhanPegawaiDto",
        "DaftarUsulanDto",
        "UsulanDto",
        "UsulanBaruDto",
        "PutusanDto",
        "IdDto",
        "GalatValidasiBody",
    ] {
        assert!(schemas.contains_key(name), "schema {name}");
    }
    // Every reference in the document resolves.
    fn refs(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                if let Some(Value::String(r)) = m.get("$ref") {
                    out.push(r.clone());
                }
                m.values().for_each(|x| refs(x, out));
            }
            Value::Array(a) => a.iter().for_each(|x| refs(x, out)),
            _ => {}
        }
    }
    let mut semua = Vec::new();
    refs(&doc, &mut semua);
    for r in semua {
        let name = r
            .strip_prefix("#/components/schemas/")
            .unwrap_or_else(|| panic!("unexpected ref {r}"));
        assert!(schemas.contains_key(name), "dangling {r}");
    }
}

#[tokio::test]
async fn cached_needs_follow_a_decision_at_once_and_stay_scoped() {
    let fx = Fixture::new().await;
    let ids = fx.ids;
    let admin = masuk_sebagai(&fx, "admin").await;
    let pimpinan = masuk_sebagai(&fx, "pimpinan").await;
    let fitri = masuk_sebagai(&fx, "fitri").await;
    // Every reader's first look fills (or reuses) the instansi's entry.
    let sebelum = api_kebutuhan(&fx, &admin, "?tahun=2026").await;
    assert!(kebutuhan_di(&sebelum, ids.dewi, ids.integritas).is_none());
    let dinkes: BTreeSet<i64> = [ids.budi, ids.fitri, ids.rina, ids.hendra]
        .iter()
        .map(|p| p.0)
        .collect();
    assert_eq!(
        id_pegawai(&api_kebutuhan(&fx, &pimpinan, "?tahun=2026").await),
        dinkes
    );
    assert_eq!(
        id_pegawai(&api_kebutuhan(&fx, &fitri, "?tahun=2026").await),
        BTreeSet::from([ids.fitri.0])
    );

    // Dewi (DISDIK) asks; the admin approves it.
    let id = usulan_menunggu(&fx, ids.dewi, ids.integritas).await;
    let t = token(&fx, &admin).await;
    let res = post_form(
        &fx.app,
        &format!("/usulan/{id}/putus"),
        admin.c(),
        &[("csrf", &t), ("keputusan", "disetujui")],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);

    // The very next read has it: no stale entry.
    let sesudah = api_kebutuhan(&fx, &admin, "?tahun=2026").await;
    let k = kebutuhan_di(&sesudah, ids.dewi, ids.integritas).expect("Dewi's approved request");
    assert_eq!(k["sumber"], json!(["usulan"]));
    let page = get(&fx.app, "/kebutuhan?tahun=2026", admin.c()).await;
    assert!(page.body.contains("Dewi Lestari"), "{}", page.body);
    // The same entry, filtered: the DINKES head and Fitri still see only theirs.
    let doc = api_kebutuhan(&fx, &pimpinan, "?tahun=2026").await;
    assert_eq!(id_pegawai(&doc), dinkes);
    let page = get(&fx.app, "/kebutuhan?tahun=2026", pimpinan.c()).await;
    assert!(!page.body.contains("Dewi Lestari"));
    let doc = api_kebutuhan(&fx, &fitri, "?tahun=2026").await;
    assert_eq!(id_pegawai(&doc), BTreeSet::from([ids.fitri.0]));
    let csv = get(
        &fx.app,
        "/kebutuhan/unduh?format=csv&tahun=2026",
        pimpinan.c(),
    )
    .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(!csv.body.contains("Dewi"), "{}", csv.body);
    // Another year is its own entry and does not carry the request.
    let lain = api_kebutuhan(&fx, &admin, "?tahun=2027").await;
    assert!(kebutuhan_di(&lain, ids.dewi, ids.integritas).is_none());
}

#[tokio::test]
async fn a_pegawai_sees_their_own_needs_without_the_opd_view() {
    let fx = Fixture::new().await;
    let fitri = masuk_sebagai(&fx, "fitri").await;
    let page = get(&fx.app, "/kebutuhan?tahun=2026", fitri.c()).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        !page.body.contains("id=\"kebutuhan-opd\""),
        "no per-OPD table"
    );
    assert!(!page.body.contains("Per OPD"));
    assert!(!page.body.contains("Pegawai dengan kebutuhan"));
    assert!(!page.body.contains("id=\"opd\""), "no OPD filter");
    assert!(page.body.contains("Kebutuhan kompetensi Anda"));
    assert!(page.body.contains("<h2>Kebutuhan Anda</h2>"));
    // Her expired T.KES.1 assessment is her one need.
    assert!(page.body.contains("Fitri Yuliani"));
    assert!(page.body.contains("T.KES.1"));
    let admin = masuk_sebagai(&fx, "admin").await;
    let page = get(&fx.app, "/kebutuhan?tahun=2026", admin.c()).await;
    assert!(page.body.contains("id=\"kebutuhan-opd\""));
    assert!(page.body.contains("Pegawai dengan kebutuhan"));
}

#[tokio::test]
async fn the_request_pages_mark_usulan_in_the_menu() {
    let fx = Fixture::new().await;
    let admin = masuk_sebagai(&fx, "admin").await;
    for path in ["/usulan", "/usulan/baru"] {
        let page = get(&fx.app, path, admin.c()).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(
            page.body
                .contains("<a href=\"/usulan\" aria-current=\"page\">Usulan</a>"),
            "{path}"
        );
        assert!(
            !page
                .body
                .contains("<a href=\"/kebutuhan\" aria-current=\"page\">"),
            "{path}"
        );
    }
    let page = get(&fx.app, "/kebutuhan", admin.c()).await;
    assert!(
        page.body
            .contains("<a href=\"/kebutuhan\" aria-current=\"page\">")
    );
}
