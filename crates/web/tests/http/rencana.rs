//! Development plans: the stateless simulation, and stored versions with
//! their workflow (draft → OPD review → approval, locked versions, new
//! versions), manual edits re-checked against the version's needs,
//! scenarios, exports and the API.
//!
//! The world: the fixture plus the catalog of `mitra::isi_katalog` and
//! Rina's Integritas at 1 against a required 2. EL-001 (free, open to all,
//! 10 JP) suits every active employee; PLT-001 (Rp1.500.000 per
//! participant + Rp25.000.000 per batch, for functional positions under
//! Dinas Kesehatan) closes Rina's gap. Expected figures are read from the
//! store and the engine's own rules, not copied from the output.

use crate::fixture::{Fixture, SANDI_A};
use crate::mitra::isi_katalog;
use crate::tulis::kirim_json;
use crate::{Masuk, csrf_di, get, masuk_sebagai, post_form};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use http_body_util::BodyExt;
use kompeten_domain::{Level, MetodePenilaian, Role, StatusRencana};
use kompeten_store::{Actor, Lingkup, NewAccount, NewPenilaian, RencanaId, Store};
use serde_json::json;
use std::io::Cursor;
use time::macros::date;
use tower::ServiceExt;

const RINA: &str = "199506072025212097";
const DEWI: &str = "199004102015032001";
const YUSUF: &str = "198811202023211005";

async fn dunia() -> Fixture {
    let fx = Fixture::new().await;
    isi_katalog(&fx).await;
    fx.store
        .record_penilaian(
            fx.ids.a,
            &Actor::system("uji"),
            &[NewPenilaian {
                pegawai: fx.ids.rina,
                kompetensi: fx.ids.integritas,
                level: Level::new(1).expect("level"),
                metode: MetodePenilaian::AssessmentCenter,
                tanggal: date!(2026 - 01 - 10),
                berlaku_sampai: date!(2029 - 01 - 09),
                asesor: "Tim".into(),
                catatan_bukti: "Laporan".into(),
            }],
        )
        .await
        .expect("penilaian");
    fx
}

/// Renames Dewi to "Dewi Berganti Nama", changing nothing else.
async fn ganti_nama_dewi(fx: &Fixture) {
    let dewi = fx.store.pegawai(fx.ids.a, fx.ids.dewi).await.expect("Dewi");
    fx.store
        .update_pegawai(
            fx.ids.a,
            &Actor::system("uji"),
            fx.ids.dewi,
            &kompeten_store::PerubahanPegawai {
                nama: "Dewi Berganti Nama".into(),
                gelar_depan: dewi.gelar_depan,
                gelar_belakang: dewi.gelar_belakang,
                golongan: dewi.golongan,
                jabatan: dewi.jabatan,
                unit: dewi.unit,
                pendidikan: dewi.pendidikan,
                aktif: dewi.aktif,
            },
        )
        .await
        .expect("rename");
}

/// The head of Dinas Pendidikan, the fixture's second OPD.
async fn pimpinan_disdik(fx: &Fixture) -> Masuk {
    fx.store
        .create_account(
            fx.ids.a,
            &Actor::system("uji"),
            &NewAccount {
                username: "kadisdik".into(),
                nama_tampilan: "Kepala Dinas Pendidikan".into(),
                password_hash: kompeten_web::auth::hash_password(SANDI_A).expect("hash"),
                role: Role::PimpinanOpd,
                unit: Some(fx.ids.opd2),
                pegawai: None,
                mitra: None,
                wajib_ganti_sandi: false,
            },
        )
        .await
        .expect("account");
    masuk_sebagai(fx, "kadisdik").await
}

async fn csrf(fx: &Fixture, s: &Masuk) -> String {
    csrf_di(&get(&fx.app, "/rencana", s.c()).await.body)
}

/// Creates a plan through the form; its id.
async fn buat(fx: &Fixture, s: &Masuk, anggaran: &str) -> RencanaId {
    let token = csrf(fx, s).await;
    let res = post_form(
        &fx.app,
        "/rencana/baru",
        s.c(),
        &[
            ("csrf", &token),
            ("nama", "Rencana Uji"),
            ("tahun", "2027"),
            ("anggaran", anggaran),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let lokasi = res.location().expect("location");
    let id = lokasi
        .strip_prefix("/rencana/")
        .and_then(|r| r.strip_suffix("?pesan=dibuat"))
        .and_then(|r| r.parse().ok())
        .unwrap_or_else(|| panic!("unexpected location {lokasi}"));
    RencanaId(id)
}

async fn status(fx: &Fixture, s: &Masuk, id: RencanaId, ke: &str) -> crate::Jawab {
    let token = csrf(fx, s).await;
    post_form(
        &fx.app,
        &format!("/rencana/{id}/status"),
        s.c(),
        &[("csrf", &token), ("ke", ke)],
    )
    .await
}

async fn tinjau(fx: &Fixture, s: &Masuk, id: RencanaId, opd: &str, st: &str) -> crate::Jawab {
    let token = csrf(fx, s).await;
    post_form(
        &fx.app,
        &format!("/rencana/{id}/tinjauan"),
        s.c(),
        &[
            ("csrf", &token),
            ("opd", opd),
            ("status", st),
            ("catatan", "Sudah dicek"),
        ],
    )
    .await
}

async fn ubah(
    fx: &Fixture,
    s: &Masuk,
    id: RencanaId,
    aksi: &str,
    nip: &str,
    program: &str,
    revisi: i64,
) -> crate::Jawab {
    let token = csrf(fx, s).await;
    post_form(
        &fx.app,
        &format!("/rencana/{id}/penugasan"),
        s.c(),
        &[
            ("csrf", &token),
            ("aksi", aksi),
            ("nip", nip),
            ("program", program),
            ("revisi", &revisi.to_string()),
        ],
    )
    .await
}

async fn sekaligus(
    fx: &Fixture,
    s: &Masuk,
    id: RencanaId,
    hapus: &[&str],
    tambah: &str,
    revisi: i64,
) -> crate::Jawab {
    let token = csrf(fx, s).await;
    let revisi = revisi.to_string();
    let mut isian = vec![("csrf", token.as_str()), ("revisi", revisi.as_str())];
    isian.extend(hapus.iter().map(|h| ("hapus", *h)));
    isian.push(("tambah", tambah));
    post_form(
        &fx.app,
        &format!("/rencana/{id}/penugasan-sekaligus"),
        s.c(),
        &isian,
    )
    .await
}

async fn pasangan(fx: &Fixture, id: RencanaId) -> Vec<(String, String, bool)> {
    fx.store
        .penugasan_rencana(fx.ids.a, id, Lingkup::Instansi)
        .await
        .expect("penugasan")
        .into_iter()
        .map(|p| (p.nip.as_str().to_owned(), p.program_kode, p.manual))
        .collect()
}

async fn unduh_biner(fx: &Fixture, path: &str, s: &Masuk) -> (StatusCode, String, Vec<u8>) {
    let req = Request::get(path)
        .header(header::COOKIE, s.cookie.as_str())
        .body(Body::empty())
        .expect("request");
    let res = fx.app.clone().oneshot(req).await.expect("infallible");
    let status = res.status();
    let disposisi = res
        .headers()
        .get(header::CONTENT_DISPOSITION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let bytes = res.into_body().collect().await.expect("body").to_bytes();
    (status, disposisi, bytes.to_vec())
}

// ---------------------------------------------------------------- simulation

#[tokio::test]
async fn the_simulation_shows_the_best_plan_for_a_budget_with_its_bound() {
    let fx = dunia().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let form = get(&fx.app, "/rencana/simulasi", s.c()).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Hitung rencana"));
    assert!(!form.body.contains("id=\"rencana-program\""));

    let res = get(&fx.app, "/rencana/simulasi?anggaran=Rp+30.000.000", s.c()).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let b = &res.body;
    // One batch of the training (25 M) for Rina and for Fitri, whose
    // expired Pelayanan Kesehatan Dasar assessment is a need too: 28 M.
    assert!(b.contains("Rp28.000.000"), "{b}");
    assert!(b.contains("sisa Rp2.000.000"), "{b}");
    let program = &b[b.find("id=\"rencana-program\"").expect("programs")..];
    assert!(program.contains("PLT-001"), "{program}");
    assert!(program.contains("EL-001"));
    let rina = b
        .split("<tr>")
        .find(|tr| tr.contains(RINA) && tr.contains("PLT-001"))
        .expect("Rina takes PLT-001");
    assert!(rina.contains("M.1 +1"), "{rina}");

    // A smaller budget buys only the free e-learning.
    let res = get(&fx.app, "/rencana/simulasi?anggaran=10000000", s.c()).await;
    assert!(res.body.contains("EL-001"), "{}", res.body);
    assert!(!res.body.contains("PLT-001"));

    // Every assignment in the download: six e-learnings and two trainings.
    let csv = get(
        &fx.app,
        "/rencana/unduh?format=csv&anggaran=30000000",
        s.c(),
    )
    .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.body.lines().count(), 1 + 8, "{}", csv.body);
    assert!(
        csv.body
            .lines()
            .any(|l| l.starts_with("199308122020122021,") && l.contains("PLT-001")),
        "{}",
        csv.body
    );
    assert!(
        csv.body.contains("199506072025212097,Rina Marlina"),
        "{}",
        csv.body
    );
}

#[tokio::test]
async fn the_simulation_searches_its_assignments_and_follows_the_data() {
    let fx = dunia().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let semua = get(&fx.app, "/rencana/simulasi?anggaran=30000000", s.c()).await;
    assert!(
        semua.body.contains("Penugasan 1–8 dari 8;"),
        "{}",
        semua.body
    );
    // Every word must match: the training's two participants.
    let res = get(
        &fx.app,
        "/rencana/simulasi?anggaran=30000000&q=plt-001",
        s.c(),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK);
    let b = &res.body;
    assert!(
        b.contains("Penugasan 1–2 dari 2 yang cocok dengan \"plt-001\" (seluruhnya 8)"),
        "{b}"
    );
    let tabel = &b[b.find("id=\"rencana-penugasan\"").expect("table")..];
    assert_eq!(tabel.matches("<tr><td").count(), 2, "{tabel}");
    assert!(tabel.contains(RINA) && !tabel.contains(YUSUF), "{tabel}");
    // The search keeps the budget, and offers the way back to all rows.
    assert!(b.contains("name=\"anggaran\" value=\"30000000\""), "{b}");
    assert!(b.contains("href=\"/rencana/simulasi?anggaran=30000000#penugasan\""));
    let res = get(
        &fx.app,
        "/rencana/simulasi?anggaran=30000000&q=tidak+ada+siapa",
        s.c(),
    )
    .await;
    assert!(
        res.body
            .contains("Tidak ada penugasan yang cocok dengan \"tidak ada siapa\""),
        "{}",
        res.body
    );
    // A page past the end shows the last one.
    let res = get(
        &fx.app,
        "/rencana/simulasi?anggaran=30000000&halaman=9",
        s.c(),
    )
    .await;
    assert!(res.body.contains("Penugasan 1–8 dari 8;"), "{}", res.body);

    // The kept simulation follows the records: a renamed participant is
    // found by the new name at once, and a fresh server answers the same.
    ganti_nama_dewi(&fx).await;
    let path = "/rencana/simulasi?anggaran=30000000&q=berganti";
    let res = get(&fx.app, path, s.c()).await;
    let tabel = &res.body[res.body.find("id=\"rencana-penugasan\"").expect("table")..];
    assert!(tabel.contains(DEWI), "{tabel}");
    let baru = crate::fixture::Fixture::router(
        &fx.store,
        kompeten_web::WebConfig::default(),
        crate::fixture::SEKARANG,
    );
    assert_eq!(get(&baru, path, s.c()).await.body, res.body);
}

#[tokio::test]
async fn the_simulation_api_answers_the_plan_paged_and_searched() {
    let fx = dunia().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let res = get(
        &fx.app,
        "/api/v1/rencana/simulasi?anggaran=Rp30.000.000",
        s.c(),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let doc = res.json();
    assert_eq!(doc["anggaran"], 30_000_000);
    assert_eq!(doc["biaya"], 28_000_000);
    assert_eq!(doc["penugasan_total"], 8);
    assert!(doc["batas"].as_f64() >= doc["nilai"].as_f64());
    assert!(doc["nilai"].as_f64().expect("value") > 0.0);
    let plt = doc["per_program"]
        .as_array()
        .expect("programs")
        .iter()
        .find(|p| p["kode"] == "PLT-001")
        .expect("the training runs");
    assert_eq!(
        (plt["peserta"].as_u64(), plt["angkatan"].as_u64()),
        (Some(2), Some(1))
    );
    // The same plan as the page's download: one assignment per row.
    let rina = doc["penugasan"]
        .as_array()
        .expect("assignments")
        .iter()
        .find(|p| p["nip"] == RINA && p["program_kode"] == "PLT-001")
        .expect("Rina takes PLT-001");
    assert_eq!(rina["menutup"][0]["level"], 1);

    let res = get(
        &fx.app,
        "/api/v1/rencana/simulasi?anggaran=30000000&q=plt-001",
        s.c(),
    )
    .await
    .json();
    assert_eq!(res["cocok"], 2);
    assert!(
        res["penugasan"]
            .as_array()
            .expect("assignments")
            .iter()
            .all(|p| p["program_kode"] == "PLT-001")
    );
    let res = get(
        &fx.app,
        "/api/v1/rencana/simulasi?anggaran=30000000&per_halaman=3&halaman=3",
        s.c(),
    )
    .await
    .json();
    assert_eq!(
        (
            res["penugasan"].as_array().map(Vec::len),
            res["jumlah_halaman"].as_u64(),
            res["halaman"].as_u64()
        ),
        (Some(2), Some(3), Some(3))
    );

    for bad in [
        "/api/v1/rencana/simulasi",
        "/api/v1/rencana/simulasi?anggaran=banyak",
        "/api/v1/rencana/simulasi?anggaran=1000&per_halaman=0",
    ] {
        let res = get(&fx.app, bad, s.c()).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(res.json()["error"]["code"], "bad_request", "{bad}");
    }
    let x = masuk_sebagai(&fx, "pimpinan").await;
    assert_eq!(
        get(&fx.app, "/api/v1/rencana/simulasi?anggaran=1000", x.c())
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        get(&fx.app, "/api/v1/rencana/simulasi?anggaran=1000", None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let a = masuk_sebagai(&fx, "auditor").await;
    assert_eq!(
        get(&fx.app, "/api/v1/rencana/simulasi?anggaran=30000000", a.c())
            .await
            .json(),
        doc
    );
}

#[tokio::test]
async fn bad_budgets_and_other_roles_are_refused_in_the_simulation() {
    let fx = dunia().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let res = get(&fx.app, "/rencana/simulasi?anggaran=banyak", s.c()).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body.contains("Anggaran harus bilangan bulat rupiah"));
    assert!(res.body.contains("value=\"banyak\""), "the input is kept");
    let res = get(&fx.app, "/rencana/unduh?format=csv&anggaran=-1", s.c()).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    let a = masuk_sebagai(&fx, "auditor").await;
    assert_eq!(
        get(&fx.app, "/rencana/simulasi", a.c()).await.status,
        StatusCode::OK
    );
    for u in ["pimpinan", "fitri", "mitra"] {
        let x = masuk_sebagai(&fx, u).await;
        assert_eq!(
            get(&fx.app, "/rencana/simulasi?anggaran=1000", x.c())
                .await
                .status,
            StatusCode::FORBIDDEN,
            "{u}"
        );
    }
}

// ---------------------------------------------------------------- versions

#[tokio::test]
async fn a_plan_is_built_stored_and_shown_with_its_bound_and_scenarios() {
    let fx = dunia().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let list = get(&fx.app, "/rencana", s.c()).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("Buat rencana"));
    // No needs settings yet: the default budget; in November the plan is
    // for next year.
    assert!(list.body.contains("value=\"750.000.000\""), "{}", list.body);
    assert!(list.body.contains("value=\"2027\""));
    assert!(list.body.contains("Rencana Pengembangan</a>"), "menu entry");

    let id = buat(&fx, &s, "Rp 30.000.000").await;
    let r = fx.store.rencana(fx.ids.a, id).await.expect("plan");
    assert_eq!(r.status, StatusRencana::Draf);
    assert_eq!((r.tahun, r.versi, r.anggaran), (2027, 1, 30_000_000));
    assert!(r.hasil.nilai > 0.0);
    assert!(r.hasil.nilai <= r.hasil.batas + 1e-9, "{:?}", r.hasil);
    assert!(r.hasil.biaya <= r.anggaran);
    let p = pasangan(&fx, id).await;
    assert_eq!(r.jumlah_penugasan, p.len() as u64);
    assert!(p.contains(&(RINA.to_owned(), "PLT-001".to_owned(), false)));
    assert!(p.iter().all(|(_, _, manual)| !manual));
    let audit = fx.store.audit_log(fx.ids.a, 5).await.expect("audit");
    assert!(audit.iter().any(|e| e.action == "rencana.buat"));

    let res = get(&fx.app, &format!("/rencana/{id}?pesan=dibuat"), s.c()).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let b = &res.body;
    assert!(b.contains("Rencana baru tersimpan sebagai draf."));
    assert!(b.contains("Rencana Uji · 2027 versi 1"));
    assert!(b.contains(">Draf</span>"));
    assert!(b.contains(&format!(
        "Rp{}",
        kompeten_domain::format::ribuan(r.hasil.biaya as u64)
    )));
    assert!(b.contains("Mencapai target JP"));
    let opd = &b[b.find("id=\"rencana-opd\"").expect("per OPD")..];
    assert!(opd.contains("Dinas Kesehatan") && opd.contains("Dinas Pendidikan"));
    // Per program: what to organise, linked to the catalog.
    let prog = &b[b.find("id=\"rencana-program\"").expect("per program")..];
    let prog = &prog[..prog.find("</table>").expect("end")];
    let plt = prog
        .split("<tr>")
        .find(|tr| tr.contains("PLT-001"))
        .expect("PLT-001 row");
    assert!(plt.contains("href=\"/katalog/"), "{plt}");
    let n_plt = p.iter().filter(|(_, k, _)| k == "PLT-001").count();
    assert!(
        plt.contains(&format!("data-label=\"Peserta\" class=\"angka\">{n_plt}<")),
        "{plt}"
    );
    assert!(!prog.contains("Dari unit Anda"));
    let rina = b
        .split("<tr>")
        .find(|tr| tr.contains(RINA) && tr.contains("PLT-001"))
        .expect("Rina's row");
    assert!(rina.contains("M.1 +1"), "{rina}");
    // The table searches by NIP in groups: Rina's rows only, counted.
    let rina_semua = p.iter().filter(|(nip, _, _)| nip == RINA).count();
    let cari = get(
        &fx.app,
        &format!("/rencana/{id}?q=19950607+202521+2+097&halaman=x"),
        s.c(),
    )
    .await;
    assert_eq!(cari.status, StatusCode::OK);
    let tabel = &cari.body[cari.body.find("id=\"rencana-penugasan\"").expect("table")..];
    let tabel = &tabel[..tabel.find("</table>").expect("end of table")];
    let baris = tabel.split("<tr>").skip(2).collect::<Vec<_>>();
    assert_eq!(baris.len(), rina_semua, "{tabel}");
    assert!(baris.iter().all(|tr| tr.contains(RINA)));
    assert!(cari.body.contains(&format!(
        "Penugasan 1–{rina_semua} dari {rina_semua} yang cocok dengan \"19950607 202521 2 097\" (seluruhnya {})",
        p.len()
    )), "{}", cari.body);
    let none = get(&fx.app, &format!("/rencana/{id}?q=zzz"), s.c()).await;
    assert!(
        none.body
            .contains("Tidak ada penugasan yang cocok dengan \"zzz\"")
    );
    assert!(!none.body.contains("<td data-label=\"Pegawai\">"));
    // Actions of a draft.
    assert!(b.contains("Ajukan ke OPD"));
    assert!(!b.contains(">Setujui<"));
    assert!(b.contains("id=\"tambah-penugasan\""));
    // Scenarios: two charts of three series each, and the table beside them.
    let sk = &b[b.find("id=\"rencana-skenario\"").expect("scenarios")..];
    assert_eq!(sk.matches("<svg").count(), 2);
    assert_eq!(sk.matches("class=\"seri\"").count(), 6);
    for nama in ["Optimasi", "Termurah dulu", "Kuota sama per OPD"] {
        assert!(sk.contains(&format!("data-seri=\"{nama}\"")), "{nama}");
    }
    let tabel = &sk[sk.find("id=\"tabel-skenario\"").expect("table")..];
    for persen in [25, 50, 75, 100, 150, 200] {
        assert!(
            tabel.contains(&format!("<th scope=\"row\">{persen}% · ")),
            "{persen}"
        );
    }
    // At 100% the scenario's optimised plan is the stored one's budget.
    assert!(tabel.contains("100% · Rp30.000.000"));

    // The list shows the version, and the form's budget follows the needs
    // settings.
    let atur = kompeten_io::kebutuhan::PengaturanKebutuhan {
        anggaran: 1_250_000_000,
        ..Default::default()
    };
    fx.store
        .set_pengaturan(
            fx.ids.a,
            &Actor::system("uji"),
            kompeten_io::kebutuhan::PengaturanKebutuhan::KUNCI,
            &atur.ke_json(),
        )
        .await
        .expect("settings");
    let list = get(&fx.app, "/rencana", s.c()).await;
    assert!(
        list.body
            .contains(&format!("<a href=\"/rencana/{id}\">Rencana Uji</a>"))
    );
    assert!(
        list.body.contains("value=\"1.250.000.000\""),
        "{}",
        list.body
    );
}

#[tokio::test]
async fn bad_input_and_forged_forms_are_refused_when_creating() {
    let fx = dunia().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let token = csrf(&fx, &s).await;
    let res = post_form(
        &fx.app,
        "/rencana/baru",
        s.c(),
        &[
            ("csrf", &token),
            ("nama", " "),
            ("tahun", "1990"),
            ("anggaran", "banyak"),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("Wajib diisi."));
    assert!(res.body.contains("Tahun harus antara 2000 dan 2100."));
    assert!(res.body.contains("value=\"banyak\""), "input kept");
    let res = post_form(
        &fx.app,
        "/rencana/baru",
        s.c(),
        &[
            ("csrf", "palsu"),
            ("nama", "X"),
            ("tahun", "2027"),
            ("anggaran", "1000"),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert!(
        fx.store
            .list_rencana(fx.ids.a, None)
            .await
            .expect("list")
            .is_empty()
    );
}

#[tokio::test]
async fn the_workflow_runs_from_draft_through_reviews_to_a_locked_approval() {
    let fx = dunia().await;
    let admin = masuk_sebagai(&fx, "admin").await;
    let kadinkes = masuk_sebagai(&fx, "pimpinan").await;
    let kadisdik = pimpinan_disdik(&fx).await;
    let id = buat(&fx, &admin, "30000000").await;
    let (opd1, opd2) = (fx.ids.opd1.0.to_string(), fx.ids.opd2.0.to_string());

    // No review of a draft.
    let res = tinjau(&fx, &kadinkes, id, &opd1, "sesuai").await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(
        res.body
            .contains("tinjauan hanya untuk rencana yang sedang ditinjau")
    );

    let res = status(&fx, &admin, id, "ditinjau").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);

    // Pimpinan see their OPD only, review only it, and never approve.
    let res = get(&fx.app, &format!("/rencana/{id}"), kadinkes.c()).await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.body.contains(RINA));
    assert!(!res.body.contains(DEWI) && !res.body.contains(YUSUF));
    let opd = &res.body[res.body.find("id=\"rencana-opd\"").expect("per OPD")..];
    assert!(!opd.contains("Dinas Pendidikan"));
    assert!(res.body.contains("Tinjauan Dinas Kesehatan"));
    assert!(!res.body.contains("Ajukan ke OPD") && !res.body.contains(">Setujui<"));
    let res = tinjau(&fx, &kadinkes, id, &opd2, "sesuai").await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = status(&fx, &kadinkes, id, "disetujui").await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);

    // Approval waits for every OPD with assignments.
    let res = status(&fx, &admin, id, "disetujui").await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("Belum dapat disetujui"), "{}", res.body);
    assert!(res.body.contains("Dinas Kesehatan") && res.body.contains("Dinas Pendidikan"));
    let res = tinjau(&fx, &kadinkes, id, &opd1, "sesuai").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let res = tinjau(&fx, &kadisdik, id, &opd2, "perlu_perbaikan").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let res = status(&fx, &admin, id, "disetujui").await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let galat = &res.body[res.body.find("id=\"galat-rencana\"").expect("message")..];
    let galat = &galat[..galat.find("</p>").expect("end")];
    assert!(
        galat.contains("Dinas Pendidikan") && !galat.contains("Dinas Kesehatan"),
        "{galat}"
    );
    assert_eq!(
        fx.store.rencana(fx.ids.a, id).await.expect("plan").status,
        StatusRencana::Ditinjau
    );
    let res = tinjau(&fx, &kadisdik, id, &opd2, "sesuai").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let res = status(&fx, &admin, id, "disetujui").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let r = fx.store.rencana(fx.ids.a, id).await.expect("plan");
    assert_eq!(r.status, StatusRencana::Disetujui);
    assert_eq!(r.disetujui_oleh.as_deref(), Some("admin"));

    // Locked: no edit, no move back.
    let sebelum = pasangan(&fx, id).await;
    let res = ubah(&fx, &admin, id, "hapus", RINA, "PLT-001", r.revisi).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("hanya draf yang dapat diubah"),
        "{}",
        res.body
    );
    assert_eq!(pasangan(&fx, id).await, sebelum);
    let res = status(&fx, &admin, id, "draf").await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);

    // A new version copies the approved one into a draft.
    let token = csrf(&fx, &admin).await;
    let res = post_form(
        &fx.app,
        &format!("/rencana/{id}/versi-baru"),
        admin.c(),
        &[("csrf", &token)],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let baru = fx
        .store
        .list_rencana(fx.ids.a, Some(2027))
        .await
        .expect("list")
        .into_iter()
        .find(|x| x.id != id)
        .expect("new version");
    assert_eq!(baru.versi, 2);
    assert_eq!(baru.basis, Some(id));
    assert_eq!(baru.status, StatusRencana::Draf);
    assert_eq!(baru.hasil, r.hasil);
    assert_eq!(pasangan(&fx, baru.id).await, sebelum);

    // Approving the second version replaces the first.
    assert_eq!(
        status(&fx, &admin, baru.id, "ditinjau").await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        tinjau(&fx, &kadinkes, baru.id, &opd1, "sesuai")
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        tinjau(&fx, &kadisdik, baru.id, &opd2, "sesuai")
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        status(&fx, &admin, baru.id, "disetujui").await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        fx.store.rencana(fx.ids.a, id).await.expect("plan").status,
        StatusRencana::Diganti
    );
    assert_eq!(
        fx.store
            .rencana(fx.ids.a, baru.id)
            .await
            .expect("plan")
            .status,
        StatusRencana::Disetujui
    );
    let list = get(&fx.app, "/rencana", admin.c()).await;
    assert!(list.body.contains("Diganti versi baru"));
    let audit = fx.store.audit_log(fx.ids.a, 50).await.expect("audit");
    for aksi in ["rencana.buat", "rencana.status", "rencana.tinjau"] {
        assert!(audit.iter().any(|e| e.action == aksi), "{aksi}");
    }
}

#[tokio::test]
async fn manual_edits_are_rechecked_and_refusals_change_nothing() {
    let fx = dunia().await;
    let admin = masuk_sebagai(&fx, "admin").await;
    // 10 M buys the free e-learning for everyone but not Rina's training.
    let id = buat(&fx, &admin, "10000000").await;
    let r = fx.store.rencana(fx.ids.a, id).await.expect("plan");
    let sebelum = pasangan(&fx, id).await;
    assert!(!sebelum.iter().any(|(_, p, _)| p == "PLT-001"));

    // Over budget: 1.5 M + the 25 M batch.
    let res = ubah(&fx, &admin, id, "tambah", RINA, "PLT-001", r.revisi).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("Melampaui anggaran"), "{}", res.body);
    assert!(res.body.contains("Rp26.500.000"), "{}", res.body);
    // Not eligible: a teacher in Dinas Pendidikan.
    let res = ubah(&fx, &admin, id, "tambah", DEWI, "PLT-001", r.revisi).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("Tidak memenuhi syarat"), "{}", res.body);
    // Unknown ids.
    let res = ubah(&fx, &admin, id, "tambah", RINA, "TIDAK-ADA", r.revisi).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("tidak ada di katalog"), "{}", res.body);
    let res = ubah(&fx, &admin, id, "hapus", RINA, "PLT-001", r.revisi).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("tidak mengikuti program"));
    let tetap = fx.store.rencana(fx.ids.a, id).await.expect("plan");
    assert_eq!((tetap.revisi, tetap.hasil), (r.revisi, r.hasil));
    assert_eq!(pasangan(&fx, id).await, sebelum);

    // A removal is saved with the value recomputed and the bound kept.
    let (nip, kode, _) = sebelum[0].clone();
    let res = ubah(&fx, &admin, id, "hapus", &nip, &kode, r.revisi).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let setelah = fx.store.rencana(fx.ids.a, id).await.expect("plan");
    assert_eq!(setelah.revisi, r.revisi + 1);
    assert!(setelah.hasil.nilai < r.hasil.nilai);
    assert_eq!(setelah.hasil.batas, r.hasil.batas);
    assert_eq!(pasangan(&fx, id).await.len(), sebelum.len() - 1);

    // The page's old revision is stale now.
    let res = ubah(&fx, &admin, id, "tambah", &nip, &kode, r.revisi).await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert!(res.body.contains("Rencana berubah"), "{}", res.body);
    assert_eq!(pasangan(&fx, id).await.len(), sebelum.len() - 1);

    // Added back by hand with the NIP as shown on pages (grouped).
    let dikelompokkan = format!(
        "{} {} {} {}",
        &nip[..8],
        &nip[8..14],
        &nip[14..15],
        &nip[15..]
    );
    let res = ubah(
        &fx,
        &admin,
        id,
        "tambah",
        &dikelompokkan,
        &kode,
        setelah.revisi,
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let akhir = fx.store.rencana(fx.ids.a, id).await.expect("plan");
    assert!((akhir.hasil.nilai - r.hasil.nilai).abs() < 1e-9);
    assert!(
        pasangan(&fx, id)
            .await
            .contains(&(nip.clone(), kode.clone(), true))
    );
    let page = get(&fx.app, &format!("/rencana/{id}"), admin.c()).await;
    assert!(page.body.contains("manual</span>"));

    // The API: CSRF, stale revision, refusal, success.
    let token = csrf(&fx, &admin).await;
    let path = format!("/api/v1/rencana/{id}/penugasan");
    let body = json!({"revisi": akhir.revisi, "tambah": [{"nip": RINA, "program": "PLT-001"}]});
    let res = kirim_json(&fx, "POST", &path, admin.c(), None, body.clone()).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = kirim_json(&fx, "POST", &path, admin.c(), Some(&token), body).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(
        res.json()["error"]["message"]
            .as_str()
            .unwrap_or("")
            .contains("anggaran")
    );
    let stale = json!({"revisi": r.revisi, "hapus": [{"nip": nip, "program": kode}]});
    let res = kirim_json(&fx, "POST", &path, admin.c(), Some(&token), stale).await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(res.json()["error"]["code"], "conflict");
    let ok = json!({"revisi": akhir.revisi, "hapus": [{"nip": nip, "program": kode}]});
    let res = kirim_json(&fx, "POST", &path, admin.c(), Some(&token), ok).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.json()["revisi"], akhir.revisi + 1);
}

#[tokio::test]
async fn several_edits_are_checked_together_and_saved_as_one_revision() {
    let fx = dunia().await;
    let admin = masuk_sebagai(&fx, "admin").await;
    let id = buat(&fx, &admin, "10000000").await;
    let r = fx.store.rencana(fx.ids.a, id).await.expect("plan");
    let sebelum = pasangan(&fx, id).await;
    assert!(sebelum.len() >= 2, "{sebelum:?}");
    let page = get(&fx.app, &format!("/rencana/{id}"), admin.c()).await;
    assert!(page.body.contains(r#"id="ubah-sekaligus""#));
    let (nip0, kode0, _) = sebelum[0].clone();
    let (nip1, kode1, _) = sebelum[1].clone();
    let pilih0 = format!("{nip0}|{kode0}");

    // One bad line refuses everything, and the list is shown again.
    let daftar = format!("{DEWI} PLT-001");
    let res = sekaligus(&fx, &admin, id, &[&pilih0], &daftar, r.revisi).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.body.contains("Tidak memenuhi syarat"), "{}", res.body);
    assert!(res.body.contains(&daftar), "the list is kept");
    let res = sekaligus(
        &fx,
        &admin,
        id,
        &[&pilih0],
        &format!("{RINA} EL-001\nRina"),
        r.revisi,
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("Penugasan baru, baris 2:"),
        "{}",
        res.body
    );
    let res = sekaligus(&fx, &admin, id, &["tanpa-pemisah"], "", r.revisi).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    let tetap = fx.store.rencana(fx.ids.a, id).await.expect("plan");
    assert_eq!((tetap.revisi, tetap.hasil), (r.revisi, r.hasil));
    assert_eq!(pasangan(&fx, id).await, sebelum);

    // Only an administrator edits.
    let aud = masuk_sebagai(&fx, "auditor").await;
    let res = sekaligus(&fx, &aud, id, &[&pilih0], "", r.revisi).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);

    // Two removals (one ticked, one listed) and one addition (its NIP in
    // groups, after a tab) in one revision.
    let dikelompokkan = format!(
        "{} {} {} {}",
        &nip0[..8],
        &nip0[8..14],
        &nip0[14..15],
        &nip0[15..]
    );
    let daftar = format!("\n{dikelompokkan}\t{kode0}\n");
    let token = csrf(&fx, &admin).await;
    let revisi = r.revisi.to_string();
    let hapus_daftar = format!("{nip1}; {kode1}");
    let res = post_form(
        &fx.app,
        &format!("/rencana/{id}/penugasan-sekaligus"),
        admin.c(),
        &[
            ("csrf", token.as_str()),
            ("revisi", revisi.as_str()),
            ("hapus", pilih0.as_str()),
            ("hapus_daftar", hapus_daftar.as_str()),
            ("tambah", daftar.as_str()),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let setelah = fx.store.rencana(fx.ids.a, id).await.expect("plan");
    assert_eq!(setelah.revisi, r.revisi + 1);
    let sesudah = pasangan(&fx, id).await;
    assert_eq!(sesudah.len(), sebelum.len() - 1);
    assert!(sesudah.contains(&(nip0.clone(), kode0.clone(), true)));
    assert!(!sesudah.iter().any(|(n, k, _)| *n == nip1 && *k == kode1));

    // The page's revision is stale now.
    let res = sekaligus(&fx, &admin, id, &[&pilih0], "", r.revisi).await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(pasangan(&fx, id).await, sesudah);
}

#[tokio::test]
async fn readers_see_their_part_and_nobody_else_writes() {
    let fx = dunia().await;
    let admin = masuk_sebagai(&fx, "admin").await;
    let id = buat(&fx, &admin, "30000000").await;

    // Auditor: everything, read-only.
    let aud = masuk_sebagai(&fx, "auditor").await;
    let res = get(&fx.app, &format!("/rencana/{id}"), aud.c()).await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.body.contains(RINA) && res.body.contains(DEWI));
    assert!(!res.body.contains("Ajukan ke OPD") && !res.body.contains("tambah-penugasan"));
    assert!(!res.body.contains("Buat rencana"));
    assert_eq!(
        status(&fx, &aud, id, "ditinjau").await.status,
        StatusCode::FORBIDDEN
    );
    let res = ubah(&fx, &aud, id, "hapus", RINA, "PLT-001", 1).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let (st, _, _) = unduh_biner(&fx, &format!("/rencana/{id}/mps"), &aud).await;
    assert_eq!(st, StatusCode::OK);

    // Mitra: nothing.
    let mitra = masuk_sebagai(&fx, "mitra").await;
    for path in [
        "/rencana".to_owned(),
        format!("/rencana/{id}"),
        format!("/rencana/{id}/unduh?format=csv"),
        "/api/v1/rencana".to_owned(),
        format!("/api/v1/rencana/{id}"),
    ] {
        assert_eq!(
            get(&fx.app, &path, mitra.c()).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }

    // Pegawai: no drafts; their own assignments once approved.
    let fitri = masuk_sebagai(&fx, "fitri").await;
    assert_eq!(
        get(&fx.app, &format!("/rencana/{id}"), fitri.c())
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let list = get(&fx.app, "/rencana", fitri.c()).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(!list.body.contains(&format!("/rencana/{id}\"")));
    let kadisdik = pimpinan_disdik(&fx).await;
    let kadinkes = masuk_sebagai(&fx, "pimpinan").await;
    assert_eq!(
        status(&fx, &admin, id, "ditinjau").await.status,
        StatusCode::SEE_OTHER
    );
    tinjau(&fx, &kadinkes, id, &fx.ids.opd1.0.to_string(), "sesuai").await;
    tinjau(&fx, &kadisdik, id, &fx.ids.opd2.0.to_string(), "sesuai").await;
    assert_eq!(
        status(&fx, &admin, id, "disetujui").await.status,
        StatusCode::SEE_OTHER
    );
    let res = get(&fx.app, &format!("/rencana/{id}"), fitri.c()).await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.body.contains("199308122020122021"));
    assert!(!res.body.contains(RINA) && !res.body.contains(DEWI));
    assert!(
        !res.body.contains("id=\"rencana-opd\"")
            && !res.body.contains("rencana-skenario")
            && !res.body.contains("id=\"rencana-program\"")
    );
    let csv = get(
        &fx.app,
        &format!("/rencana/{id}/unduh?format=csv"),
        fitri.c(),
    )
    .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(
        csv.body.lines().count(),
        1 + pasangan(&fx, id)
            .await
            .iter()
            .filter(|(n, _, _)| n == "199308122020122021")
            .count()
    );
    let (st, _, _) = unduh_biner(&fx, &format!("/rencana/{id}/mps"), &fitri).await;
    assert_eq!(st, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_plan_exports_as_a_three_sheet_workbook_csv_mps_and_json() {
    let fx = dunia().await;
    let admin = masuk_sebagai(&fx, "admin").await;
    let id = buat(&fx, &admin, "30000000").await;
    let semua = pasangan(&fx, id).await;

    let (st, berkas, bytes) =
        unduh_biner(&fx, &format!("/rencana/{id}/unduh?format=xlsx"), &admin).await;
    assert_eq!(st, StatusCode::OK);
    assert!(
        berkas.contains("rencana-pengembangan-kompetensi-2027-v1"),
        "{berkas}"
    );
    let mut buku: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).expect("xlsx");
    assert_eq!(
        buku.sheet_names(),
        vec!["Per OPD", "Per program", "Per pegawai"]
    );
    let opd = buku.worksheet_range("Per OPD").expect("sheet");
    let teks = |d: &Data| match d {
        Data::String(s) => s.clone(),
        lain => lain.to_string(),
    };
    // Per program: every assignment counted once, the dearest first, and
    // the costs add up to the plan's.
    let prog = buku.worksheet_range("Per program").expect("sheet");
    let baris_prog: Vec<Vec<String>> = prog.rows().map(|r| r.iter().map(teks).collect()).collect();
    let header = baris_prog
        .iter()
        .position(|r| r.first().is_some_and(|c| c == "Kode program"))
        .expect("header");
    let data_prog = &baris_prog[header + 1..];
    let angka = |r: &Vec<String>, k: usize| r[k].parse::<f64>().expect("number");
    let peserta: f64 = data_prog.iter().map(|r| angka(r, 2)).sum();
    assert_eq!(peserta as usize, semua.len());
    let biaya_prog: Vec<f64> = data_prog.iter().map(|r| angka(r, 5)).collect();
    assert!(
        biaya_prog.windows(2).all(|w| w[0] >= w[1]),
        "{biaya_prog:?}"
    );
    let plt = data_prog
        .iter()
        .find(|r| r[0] == "PLT-001")
        .expect("PLT-001");
    let plt_n = semua.iter().filter(|(_, k, _)| k == "PLT-001").count() as f64;
    assert_eq!(angka(plt, 2), plt_n);
    // Rp1.500.000 per participant + Rp25.000.000 per batch.
    assert_eq!(
        angka(plt, 5),
        1_500_000.0 * plt_n + 25_000_000.0 * angka(plt, 3)
    );
    let baris_opd: Vec<Vec<String>> = opd.rows().map(|r| r.iter().map(teks).collect()).collect();
    let header = baris_opd
        .iter()
        .position(|r| r.first().is_some_and(|c| c == "OPD"))
        .expect("header");
    assert_eq!(
        baris_opd[header],
        ["OPD", "Peserta", "Penugasan", "JP", "Biaya (Rp)"]
    );
    let data_opd = &baris_opd[header + 1..];
    assert_eq!(data_opd.len(), 2, "{data_opd:?}");
    let penugasan: f64 = data_opd
        .iter()
        .map(|r| r[2].parse::<f64>().expect("count"))
        .sum();
    assert_eq!(penugasan as usize, semua.len());
    let biaya: f64 = data_opd
        .iter()
        .map(|r| r[4].parse::<f64>().expect("cost"))
        .sum();
    let r = fx.store.rencana(fx.ids.a, id).await.expect("plan");
    assert!(
        (biaya - r.hasil.biaya as f64).abs() <= 2.0,
        "{biaya} vs {}",
        r.hasil.biaya
    );
    assert_eq!(biaya_prog.iter().sum::<f64>(), r.hasil.biaya as f64);
    let peg = buku.worksheet_range("Per pegawai").expect("sheet");
    let baris_peg: Vec<Vec<String>> = peg.rows().map(|r| r.iter().map(teks).collect()).collect();
    let header = baris_peg
        .iter()
        .position(|r| r.first().is_some_and(|c| c == "NIP"))
        .expect("header");
    assert_eq!(baris_peg.len() - header - 1, semua.len());
    assert!(
        baris_peg
            .iter()
            .any(|r| r[0] == RINA && r[3] == "PLT-001" && r[7].contains("M.1 +1"))
    );

    let csv = get(
        &fx.app,
        &format!("/rencana/{id}/unduh?format=csv"),
        admin.c(),
    )
    .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.body.lines().count(), 1 + semua.len());
    // The pimpinan's download holds Dinas Kesehatan only.
    let kadinkes = masuk_sebagai(&fx, "pimpinan").await;
    let csv = get(
        &fx.app,
        &format!("/rencana/{id}/unduh?format=csv"),
        kadinkes.c(),
    )
    .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.body.contains(RINA) && !csv.body.contains(DEWI));

    let (st, berkas, mps) = unduh_biner(&fx, &format!("/rencana/{id}/mps"), &admin).await;
    assert_eq!(st, StatusCode::OK);
    assert!(berkas.contains("rencana-2027-v1.mps"), "{berkas}");
    let mps = String::from_utf8(mps).expect("text");
    assert!(mps.starts_with("NAME"), "{}", &mps[..mps.len().min(200)]);
    assert!(mps.contains("ENDATA"));
    let (st, _, _) = unduh_biner(&fx, &format!("/rencana/{id}/mps"), &kadinkes).await;
    assert_eq!(st, StatusCode::FORBIDDEN);

    let masalah = get(&fx.app, &format!("/rencana/{id}/masalah.json"), admin.c()).await;
    assert_eq!(masalah.status, StatusCode::OK);
    let doc = masalah.json();
    assert_eq!(doc["format"], "kompeten.plan-problem/v1");
    assert_eq!(doc["budget"], 30_000_000);
    assert!(
        doc["employees"]
            .as_array()
            .expect("employees")
            .iter()
            .any(|e| e["id"] == RINA)
    );
}

#[tokio::test]
async fn the_api_creates_lists_details_and_moves_plans() {
    let fx = dunia().await;
    let admin = masuk_sebagai(&fx, "admin").await;
    let token = csrf(&fx, &admin).await;
    let body = json!({"nama": "Lewat API", "tahun": 2027, "anggaran": 30_000_000});
    let res = kirim_json(
        &fx,
        "POST",
        "/api/v1/rencana",
        admin.c(),
        None,
        body.clone(),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = kirim_json(
        &fx,
        "POST",
        "/api/v1/rencana",
        admin.c(),
        Some(&token),
        body,
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let id = res.json()["id"].as_i64().expect("id");

    let list = get(&fx.app, "/api/v1/rencana?tahun=2027", admin.c())
        .await
        .json();
    assert_eq!(list["rencana"][0]["id"], id);
    assert_eq!(list["rencana"][0]["status"], "draf");
    let d = get(&fx.app, &format!("/api/v1/rencana/{id}"), admin.c())
        .await
        .json();
    assert_eq!(d["nama"], "Lewat API");
    assert_eq!(d["cakupan"], "instansi");
    assert!(d["nilai"].as_f64().expect("value") <= d["batas"].as_f64().expect("bound") + 1e-9);
    let n = d["penugasan"].as_array().expect("assignments").len();
    assert_eq!(n as u64, d["jumlah_penugasan"].as_u64().expect("count"));
    let titik = d["skenario"]["titik"].as_array().expect("scenarios");
    assert_eq!(titik.len(), 6);
    assert_eq!(titik[3]["percent"], 100);
    assert_eq!(titik[3]["budget"], 30_000_000);
    for t in titik {
        let opt = t["optimised"]["value"].as_f64().expect("value");
        assert!(opt <= t["optimised_bound"].as_f64().expect("bound") + 1e-9);
        assert!(
            t["optimised"]["cost"].as_u64().expect("cost") <= t["budget"].as_u64().expect("budget")
        );
    }
    assert_eq!(d["per_opd"].as_array().expect("OPDs").len(), 2);

    // A pimpinan's detail holds their OPD only, and they cannot move it.
    let kadinkes = masuk_sebagai(&fx, "pimpinan").await;
    let d = get(&fx.app, &format!("/api/v1/rencana/{id}"), kadinkes.c())
        .await
        .json();
    assert_eq!(d["cakupan"], "unit");
    assert!(
        d["penugasan"]
            .as_array()
            .expect("assignments")
            .iter()
            .all(|p| p["opd_id"] == fx.ids.opd1.0)
    );
    let ptoken = csrf(&fx, &kadinkes).await;
    let res = kirim_json(
        &fx,
        "POST",
        &format!("/api/v1/rencana/{id}/status"),
        kadinkes.c(),
        Some(&ptoken),
        json!({"ke": "ditinjau"}),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);

    // Status and review through the API.
    let res = kirim_json(
        &fx,
        "POST",
        &format!("/api/v1/rencana/{id}/status"),
        admin.c(),
        Some(&token),
        json!({"ke": "disetujui"}),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    let res = kirim_json(
        &fx,
        "POST",
        &format!("/api/v1/rencana/{id}/status"),
        admin.c(),
        Some(&token),
        json!({"ke": "ditinjau"}),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.json()["status"], "ditinjau");
    let tinjau_path = format!("/api/v1/rencana/{id}/tinjauan");
    let res = kirim_json(
        &fx,
        "POST",
        &tinjau_path,
        kadinkes.c(),
        Some(&ptoken),
        json!({"status": "sesuai", "opd_id": fx.ids.opd2.0}),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = kirim_json(
        &fx,
        "POST",
        &tinjau_path,
        kadinkes.c(),
        Some(&ptoken),
        json!({"status": "sesuai", "catatan": "OK"}),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.json()["tinjauan"][0]["status"], "sesuai");
    let res = kirim_json(
        &fx,
        "POST",
        &tinjau_path,
        admin.c(),
        Some(&token),
        json!({"status": "sesuai"}),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "admins do not review");

    // A new version via the API.
    let res = kirim_json(
        &fx,
        "POST",
        "/api/v1/rencana",
        admin.c(),
        Some(&token),
        json!({"basis_id": id}),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let baru = res.json()["id"].as_i64().expect("id");
    let d = get(&fx.app, &format!("/api/v1/rencana/{baru}"), admin.c())
        .await
        .json();
    assert_eq!(d["basis_id"], id);
    assert_eq!(d["versi"], 2);

    let doc = get(&fx.app, "/api/v1/openapi.json", None).await.json();
    for path in [
        "/api/v1/rencana",
        "/api/v1/rencana/{id}",
        "/api/v1/rencana/{id}/status",
        "/api/v1/rencana/{id}/tinjauan",
        "/api/v1/rencana/{id}/penugasan",
        "/api/v1/rencana/simulasi",
    ] {
        assert!(doc["paths"][path].is_object(), "{path}");
    }
    assert!(doc["components"]["schemas"]["SimulasiDto"].is_object());
}

/// The text of the card labelled `label` on a plan page: (value, tooltip, detail).
fn kartu(body: &str, label: &str) -> Option<(String, Option<String>, String)> {
    let awal = body.find(&format!("<span class=\"kartu-label\">{label}</span>"))?;
    let sisa = &body[awal..];
    let nilai_tag = &sisa[sisa.find("<span class=\"kartu-nilai\"")?..];
    let tutup = nilai_tag.find('>')?;
    let judul = nilai_tag[..tutup]
        .split_once("title=\"")
        .and_then(|(_, t)| t.split_once('"'))
        .map(|(t, _)| t.to_owned());
    let nilai = nilai_tag[tutup + 1..nilai_tag.find("</span>")?].to_owned();
    let rincian_tag = &sisa[sisa.find("<span class=\"kartu-rincian\">")? + 28..];
    let rincian = rincian_tag[..rincian_tag.find("</span>")?].to_owned();
    Some((nilai, judul, rincian))
}

#[tokio::test]
async fn the_cost_card_is_compact_with_the_exact_figure_beside_it() {
    let fx = dunia().await;
    let admin = masuk_sebagai(&fx, "admin").await;
    let id = buat(&fx, &admin, "30000000").await;
    let r = fx.store.rencana(fx.ids.a, id).await.expect("plan");
    assert!(r.hasil.biaya >= 1_000_000, "{:?}", r.hasil);
    let tepat = format!(
        "Rp{}",
        kompeten_domain::format::ribuan(r.hasil.biaya as u64)
    );
    let res = get(&fx.app, &format!("/rencana/{id}"), admin.c()).await;
    let (nilai, judul, rincian) = kartu(&res.body, "Biaya").expect("cost card");
    assert!(nilai.ends_with(" jt"), "{nilai}");
    assert!(!nilai.contains('.'), "no thousands groups to wrap: {nilai}");
    assert_eq!(judul.as_deref(), Some(tepat.as_str()));
    assert!(rincian.starts_with(&tepat), "{rincian}");
    assert!(rincian.contains("Rp30.000.000"), "{rincian}");
    // The charts keep their labels inside without CSS help.
    let css_url = res
        .body
        .split("href=\"")
        .filter_map(|x| x.split_once('"').map(|(u, _)| u))
        .find(|u| u.starts_with("/aset/kompeten.css"))
        .expect("stylesheet link");
    let css = get(&fx.app, css_url, None).await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(css.body.contains(".grafik-jpm svg"));
    assert!(!css.body.contains("svg { overflow: visible"));
    let sk = &res.body[res.body.find("id=\"rencana-skenario\"").expect("scenarios")..];
    assert_eq!(sk.matches("<g class=\"legenda\">").count(), 2);
}

#[tokio::test]
async fn a_head_sees_cards_for_their_unit_and_the_plan_wide_figures_named() {
    let fx = dunia().await;
    let admin = masuk_sebagai(&fx, "admin").await;
    let id = buat(&fx, &admin, "30000000").await;
    let r = fx.store.rencana(fx.ids.a, id).await.expect("plan");
    let kadinkes = masuk_sebagai(&fx, "pimpinan").await;
    let doc = get(&fx.app, &format!("/api/v1/rencana/{id}"), kadinkes.c())
        .await
        .json();
    let penugasan = doc["penugasan"].as_array().expect("assignments");
    assert!(!penugasan.is_empty());
    assert!(
        penugasan.iter().all(|p| p["opd_id"] == fx.ids.opd1.0),
        "DINKES only"
    );
    // The programs of the whole plan, and how many of each the head sees.
    let per_program = doc["per_program"].as_array().expect("programs");
    let jumlah = |k: &str| {
        per_program
            .iter()
            .map(|p| p[k].as_u64().expect("count"))
            .sum::<u64>()
    };
    assert_eq!(jumlah("peserta"), r.jumlah_penugasan);
    assert_eq!(jumlah("peserta_terlihat"), penugasan.len() as u64);
    assert_eq!(jumlah("biaya"), r.hasil.biaya as u64);
    let peserta: std::collections::BTreeSet<&str> = penugasan
        .iter()
        .map(|p| p["nip"].as_str().expect("nip"))
        .collect();
    let biaya: f64 = penugasan
        .iter()
        .map(|p| p["biaya"].as_f64().expect("cost"))
        .sum();
    let semua_peserta: std::collections::BTreeSet<String> = pasangan(&fx, id)
        .await
        .into_iter()
        .map(|(n, _, _)| n)
        .collect();
    assert!(
        semua_peserta.len() > peserta.len(),
        "the instansi has participants outside DINKES"
    );

    let res = get(&fx.app, &format!("/rencana/{id}"), kadinkes.c()).await;
    assert_eq!(res.status, StatusCode::OK);
    let b = &res.body;
    // Per program: the whole plan's participants, and their unit's beside.
    let prog = &b[b.find("id=\"rencana-program\"").expect("per program")..];
    assert!(prog.contains("Dari unit Anda"));
    let el = prog
        .split("<tr>")
        .find(|tr| tr.contains("EL-001"))
        .expect("EL-001");
    let el_unit = penugasan
        .iter()
        .filter(|p| p["program_kode"] == "EL-001")
        .count();
    let el_semua = pasangan(&fx, id)
        .await
        .iter()
        .filter(|(_, k, _)| k == "EL-001")
        .count();
    assert!(
        el.contains(&format!(
            "data-label=\"Peserta\" class=\"angka\">{el_semua}<"
        )),
        "{el}"
    );
    assert!(
        el.contains(&format!(
            "data-label=\"Dari unit Anda\" class=\"angka\">{el_unit}<"
        )),
        "{el}"
    );
    let (n, _, rincian) = kartu(b, "Peserta unit Anda").expect("participants card");
    assert_eq!(n, peserta.len().to_string());
    assert_eq!(rincian, format!("{} penugasan", penugasan.len()));
    let (_, judul, rincian) = kartu(b, "Biaya").expect("cost card");
    let tepat = format!(
        "Rp{}",
        kompeten_domain::format::ribuan(biaya.round() as u64)
    );
    assert_eq!(judul.as_deref(), Some(tepat.as_str()));
    assert!(rincian.contains("untuk unit Anda"), "{rincian}");
    assert!(
        rincian.contains(&format!(
            "Rp{}",
            kompeten_domain::format::ribuan(r.hasil.biaya as u64)
        )),
        "{rincian}"
    );
    assert!(kartu(b, "Nilai penugasan unit Anda").is_some());
    // JP target among DINKES's employees in the plan's needs (Budi, Fitri,
    // Rina, Hendra), not the instansi's six.
    let (_, _, rincian) = kartu(b, "Mencapai target JP").expect("JP card");
    assert!(
        rincian.ends_with(" dari 4 pegawai unit Anda dalam kebutuhan"),
        "{rincian}"
    );
    // The plan's value and bound are instansi-wide and say so.
    assert!(kartu(b, "Nilai rencana · seluruh instansi").is_some());
    assert!(kartu(b, "Batas atas · seluruh instansi").is_some());
    assert!(
        kartu(b, "Peserta").is_none(),
        "no unlabelled instansi total"
    );
    // The admin still sees the plan's own totals.
    let res = get(&fx.app, &format!("/rencana/{id}"), admin.c()).await;
    let (n, _, _) = kartu(&res.body, "Peserta").expect("admin participants");
    assert_eq!(n, semua_peserta.len().to_string());
}

#[tokio::test]
async fn the_detail_api_answers_the_same_with_or_without_the_kept_check() {
    let fx = dunia().await;
    let admin = masuk_sebagai(&fx, "admin").await;
    let id = buat(&fx, &admin, "30000000").await;
    let path = format!("/api/v1/rencana/{id}");
    let pertama = get(&fx.app, &path, admin.c()).await;
    assert_eq!(pertama.status, StatusCode::OK, "{}", pertama.body);
    let pertama = pertama.json();
    assert!(
        pertama["skenario"].is_object(),
        "scenarios kept with the check"
    );
    assert_eq!(get(&fx.app, &path, admin.c()).await.json(), pertama);

    // An edit changes the pairs: the kept model is reused, the check is new.
    let r = fx.store.rencana(fx.ids.a, id).await.expect("plan");
    let res = ubah(&fx, &admin, id, "hapus", RINA, "PLT-001", r.revisi).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let sesudah = get(&fx.app, &path, admin.c()).await.json();
    assert_ne!(sesudah, pertama);
    assert!(
        !sesudah["penugasan"]
            .as_array()
            .expect("assignments")
            .iter()
            .any(|p| p["nip"] == RINA && p["program_kode"] == "PLT-001")
    );
    // A fresh server on the same database (nothing kept) answers the same,
    // for every reader.
    let baru = crate::fixture::Fixture::router(
        &fx.store,
        kompeten_web::WebConfig::default(),
        crate::fixture::SEKARANG,
    );
    assert_eq!(get(&baru, &path, admin.c()).await.json(), sesudah);
    let kadinkes = masuk_sebagai(&fx, "pimpinan").await;
    assert_eq!(
        get(&baru, &path, kadinkes.c()).await.json(),
        get(&fx.app, &path, kadinkes.c()).await.json()
    );
    let page = get(&fx.app, &format!("/rencana/{id}"), admin.c()).await;
    let baru_page = get(&baru, &format!("/rencana/{id}"), admin.c()).await;
    assert_eq!(page.body, baru_page.body);

    // A renamed participant shows renamed at once: the kept rows follow the
    // data revision as well as the plan's.
    ganti_nama_dewi(&fx).await;
    let doc = get(&fx.app, &path, admin.c()).await.json();
    let nama: Vec<&str> = doc["penugasan"]
        .as_array()
        .expect("assignments")
        .iter()
        .filter(|p| p["nip"] == DEWI)
        .map(|p| p["nama"].as_str().expect("name"))
        .collect();
    assert!(!nama.is_empty(), "Dewi is in the plan");
    assert!(
        nama.iter().all(|n| n.contains("Dewi Berganti Nama")),
        "{nama:?}"
    );
    assert_eq!(get(&baru, &path, admin.c()).await.json(), doc);
}

#[tokio::test]
async fn the_detail_api_pages_the_assignments_and_refuses_bad_pages() {
    let fx = dunia().await;
    let admin = masuk_sebagai(&fx, "admin").await;
    let id = buat(&fx, &admin, "30000000").await;
    let path = format!("/api/v1/rencana/{id}");
    let semua = get(&fx.app, &path, admin.c()).await.json();
    let total = semua["penugasan"].as_array().expect("assignments").len();
    assert!(
        total >= 3,
        "the world's plan has a few assignments: {total}"
    );
    assert_eq!(semua["penugasan_total"], total);
    assert_eq!(semua["halaman"], 1);
    assert_eq!(semua["per_halaman"], 1000);
    assert_eq!(semua["jumlah_halaman"], 1);

    // Pages of two, read to the end, give back every assignment once, in order.
    let mut gabungan = Vec::new();
    let halaman_total = total.div_ceil(2);
    for h in 1..=halaman_total + 1 {
        let d = get(
            &fx.app,
            &format!("{path}?halaman={h}&per_halaman=2"),
            admin.c(),
        )
        .await
        .json();
        assert_eq!(d["penugasan_total"], total);
        assert_eq!(d["jumlah_halaman"], halaman_total);
        assert_eq!(d["halaman"], h);
        let page = d["penugasan"].as_array().expect("assignments").clone();
        if h <= halaman_total {
            assert!(!page.is_empty() && page.len() <= 2);
        } else {
            assert!(page.is_empty(), "past the last page: nothing");
        }
        // The plan's own figures do not depend on the page.
        assert_eq!(d["nilai"], semua["nilai"]);
        assert_eq!(d["per_opd"], semua["per_opd"]);
        gabungan.extend(page);
    }
    assert_eq!(
        &gabungan,
        semua["penugasan"].as_array().expect("assignments")
    );

    for bad in [
        "halaman=0",
        "halaman=x",
        "per_halaman=0",
        "per_halaman=5001",
        "per_halaman=-1",
    ] {
        let res = get(&fx.app, &format!("{path}?{bad}"), admin.c()).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST, "{bad}: {}", res.body);
        assert!(res.body.contains("halaman"), "{bad}: {}", res.body);
    }
}
