//! The plan simulation: the problem from the fixture's records and catalog,
//! solved, shown and downloaded; only for administrators and auditors.
//!
//! With Rina's Integritas at 1 against a required 2 (a valid gap of 1,
//! weight 1) and the catalog of `mitra::isi_katalog`: EL-001 (free, open to
//! all, 10 JP) is worth 0.05 × 10 to each of the six active employees;
//! PLT-001 (Rp1.500.000 per participant + Rp25.000.000 per batch; for
//! functional positions under Dinas Kesehatan) closes Rina's gap (1) and
//! brings her to the 20 JP target (another 10 JP: 0.5). With Rp30.000.000
//! the best plan is both: value 3 + 1.5 = 4.5 for Rp26.500.000.

use crate::fixture::Fixture;
use crate::mitra::isi_katalog;
use crate::{get, masuk_sebagai};
use axum::http::StatusCode;
use kompeten_domain::{Level, MetodePenilaian};
use kompeten_store::{Actor, NewPenilaian, Store};
use time::macros::date;

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

#[tokio::test]
async fn the_best_plan_for_a_budget_is_shown_with_its_bound() {
    let fx = dunia().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let form = get(&fx.app, "/rencana", s.c()).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Hitung rencana"));
    assert!(!form.body.contains("id=\"rencana-program\""));

    let res = get(&fx.app, "/rencana?anggaran=Rp+30.000.000", s.c()).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let b = &res.body;
    assert!(b.contains("<span class=\"kartu-nilai\">4,5</span>"), "{b}");
    assert!(b.contains("Rp26.500.000"), "{b}");
    assert!(b.contains("sisa Rp3.500.000"), "{b}");
    let program = &b[b.find("id=\"rencana-program\"").expect("programs")..];
    assert!(program.contains("PLT-001"), "{program}");
    assert!(program.contains("EL-001"));
    let rina = b
        .split("<tr>")
        .find(|tr| tr.contains("199506072025212097") && tr.contains("PLT-001"))
        .expect("Rina takes PLT-001");
    assert!(rina.contains("M.1 +1"), "{rina}");

    // A smaller budget buys only the free e-learning.
    let res = get(&fx.app, "/rencana?anggaran=10000000", s.c()).await;
    assert!(
        res.body.contains("<span class=\"kartu-nilai\">3,0</span>"),
        "{}",
        res.body
    );
    assert!(!res.body.contains("PLT-001"));

    // Every assignment in the download.
    let csv = get(
        &fx.app,
        "/rencana/unduh?format=csv&anggaran=30000000",
        s.c(),
    )
    .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.body.lines().count(), 1 + 7, "{}", csv.body);
    assert!(
        csv.body.contains("199506072025212097,Rina Marlina"),
        "{}",
        csv.body
    );
}

#[tokio::test]
async fn bad_budgets_and_other_roles_are_refused() {
    let fx = dunia().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let res = get(&fx.app, "/rencana?anggaran=banyak", s.c()).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body.contains("Anggaran harus bilangan bulat rupiah"));
    assert!(res.body.contains("value=\"banyak\""), "the input is kept");
    let res = get(&fx.app, "/rencana/unduh?format=csv&anggaran=-1", s.c()).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    let a = masuk_sebagai(&fx, "auditor").await;
    assert_eq!(get(&fx.app, "/rencana", a.c()).await.status, StatusCode::OK);
    for u in ["pimpinan", "fitri", "mitra"] {
        let x = masuk_sebagai(&fx, u).await;
        assert_eq!(
            get(&fx.app, "/rencana?anggaran=1000", x.c()).await.status,
            StatusCode::FORBIDDEN,
            "{u}"
        );
    }
}
