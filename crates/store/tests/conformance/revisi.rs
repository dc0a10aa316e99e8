//! The data revision (what the analytics cache is keyed by) and the
//! settings of an instansi.

use crate::fixture::*;
use crate::harness::TestDb;
use kompeten_domain::{
    JenjangFungsional, KelompokKompetensi, PredikatKinerja, Role, TingkatJabatan,
};
use kompeten_store::{
    Actor, InstansiId, NewAccount, NewSession, PegawaiId, PerubahanPegawai, Skp, StandarItem, Store,
};
use serde_json::json;
use time::Duration;
use time::macros::datetime;

async fn revisi(s: &dyn Store, i: InstansiId) -> i64 {
    s.revisi_data(i).await.expect("revisi data")
}

/// Asserts that `change` raised the revision of `i` and left `other`'s alone.
struct Pengamat {
    i: InstansiId,
    other: InstansiId,
    terakhir: i64,
    lain: i64,
}

impl Pengamat {
    async fn new(s: &dyn Store, i: InstansiId, other: InstansiId) -> Pengamat {
        Pengamat {
            i,
            other,
            terakhir: revisi(s, i).await,
            lain: revisi(s, other).await,
        }
    }

    async fn naik(&mut self, s: &dyn Store, change: &str) {
        let now = revisi(s, self.i).await;
        assert!(
            now > self.terakhir,
            "{change}: the revision must rise, was {} and is {now}",
            self.terakhir
        );
        self.terakhir = now;
        assert_eq!(
            revisi(s, self.other).await,
            self.lain,
            "{change}: another instansi's revision must not move"
        );
    }

    async fn tetap(&self, s: &dyn Store, change: &str) {
        assert_eq!(
            revisi(s, self.i).await,
            self.terakhir,
            "{change}: the revision must not move"
        );
        assert_eq!(
            revisi(s, self.other).await,
            self.lain,
            "{change}: another instansi's revision must not move"
        );
    }
}

pub async fn data_revision(db: &TestDb) {
    let s = db.store();
    let i = instansi(s, "SWL").await;
    let other = instansi(s, "LAIN").await;
    assert_not_found(s.revisi_data(InstansiId(999_999)).await, "instansi");
    let mut w = Pengamat::new(s, i, other).await;

    let opd = unit(s, i, None, "DINKES", "Dinas Kesehatan").await;
    w.naik(s, "add_unit").await;
    let dokter = jabatan(
        s,
        i,
        "DOK",
        "Dokter",
        TingkatJabatan::fungsional(JenjangFungsional::AhliPertama),
        opd,
    )
    .await;
    w.naik(s, "add_jabatan").await;
    let k = kompetensi(s, i, "M.1", KelompokKompetensi::Manajerial).await;
    w.naik(s, "add_kompetensi").await;
    s.set_standar(
        i,
        &actor(),
        dokter,
        &[StandarItem {
            kompetensi: k,
            level: level(3),
            bobot: 1,
        }],
    )
    .await
    .expect("standar");
    w.naik(s, "set_standar").await;
    let ids = s
        .add_pegawai(
            i,
            &actor(),
            &[new_pegawai(nip_pns(1), "Budi", opd, Some(dokter), true)],
        )
        .await
        .expect("pegawai");
    let budi = ids[0];
    w.naik(s, "add_pegawai").await;
    let p = s.pegawai(i, budi).await.expect("read");
    let ubah = PerubahanPegawai {
        nama: "Budi Santoso".into(),
        gelar_depan: p.gelar_depan,
        gelar_belakang: p.gelar_belakang,
        golongan: p.golongan,
        jabatan: p.jabatan,
        unit: p.unit,
        pendidikan: p.pendidikan,
        aktif: p.aktif,
    };
    s.update_pegawai(i, &actor(), budi, &ubah)
        .await
        .expect("update");
    w.naik(s, "update_pegawai").await;
    let tanggal = date(2025, 3, 10);
    s.record_penilaian(
        i,
        &actor(),
        &[new_penilaian(budi, k, 3, tanggal, date(2027, 3, 10))],
    )
    .await
    .expect("penilaian");
    w.naik(s, "record_penilaian").await;
    s.record_skp(
        i,
        &actor(),
        &[Skp {
            pegawai: budi,
            tahun: 2025,
            predikat: PredikatKinerja::Baik,
        }],
    )
    .await
    .expect("skp");
    w.naik(s, "record_skp").await;
    s.set_pengaturan(i, &actor(), "analitik.ambang", &json!(2))
        .await
        .expect("pengaturan");
    w.naik(s, "set_pengaturan").await;

    // Accounts and sessions are not data the analytics read.
    let akun = s
        .create_account(
            i,
            &actor(),
            &NewAccount {
                username: "operator".into(),
                nama_tampilan: "Operator".into(),
                password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$x".into(),
                role: Role::AdminBkpsdm,
                unit: None,
                pegawai: None,
                mitra: None,
                wajib_ganti_sandi: false,
            },
        )
        .await
        .expect("account");
    w.tetap(s, "create_account").await;
    let now = datetime!(2026-11-27 03:00 UTC);
    let session = |token: char, expires_at| NewSession {
        token_hash: token.to_string().repeat(64),
        account: akun,
        csrf_token: "c".repeat(64),
        expires_at,
    };
    s.create_session(i, &session('a', now + Duration::hours(8)))
        .await
        .expect("session");
    w.tetap(s, "create_session").await;
    s.delete_session(i, &"a".repeat(64)).await.expect("logout");
    w.tetap(s, "delete_session").await;
    s.create_session(i, &session('b', now - Duration::hours(1)))
        .await
        .expect("expired session");
    assert_eq!(s.purge_expired_sessions(i, now).await.expect("purge"), 1);
    w.tetap(s, "purge_expired_sessions").await;
    s.set_password(
        i,
        &actor(),
        akun,
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$y",
        false,
    )
    .await
    .expect("password");
    s.set_account_aktif(i, &actor(), akun, false)
        .await
        .expect("deactivate");
    w.tetap(s, "set_password and set_account_aktif").await;
    let audit_before = actions(s, i).await.len();

    // Failed writes change nothing, the revision included.
    assert_conflict(
        s.add_pegawai(
            i,
            &actor(),
            &[
                new_pegawai(nip_pns(2), "Rina", opd, None, true),
                new_pegawai(nip_pns(1), "Budi lagi", opd, None, true),
            ],
        )
        .await,
        "already exists",
    );
    assert_conflict(
        s.add_pegawai(
            i,
            &actor(),
            &[
                new_pegawai(nip_pns(3), "Sari", opd, None, true),
                new_pegawai(nip_pns(3), "Sari lagi", opd, None, true),
            ],
        )
        .await,
        "twice",
    );
    assert_invalid(
        s.record_penilaian(
            i,
            &actor(),
            &[new_penilaian(
                PegawaiId(999_999),
                k,
                3,
                tanggal,
                date(2027, 3, 10),
            )],
        )
        .await,
        "pegawai",
    );
    assert_invalid(s.set_pengaturan(i, &actor(), "", &json!(1)).await, "kunci");
    assert_conflict(
        s.add_jabatan(
            i,
            &actor(),
            &new_jabatan(
                "DOK",
                "Dokter lagi",
                TingkatJabatan::fungsional(JenjangFungsional::AhliPertama),
                opd,
            ),
        )
        .await,
        "DOK",
    );
    w.tetap(s, "failed writes").await;
    assert_eq!(actions(s, i).await.len(), audit_before);
    assert!(
        s.pegawai_by_nip(i, nip_pns(2).as_str())
            .await
            .expect("lookup")
            .is_none()
    );

    // The other instansi's writes raise its own revision only.
    let mut w_other = Pengamat::new(s, other, i).await;
    unit(s, other, None, "DINKES", "Dinas Lain").await;
    w_other.naik(s, "add_unit in the other instansi").await;
    s.set_pengaturan(other, &actor(), "analitik.ambang", &json!(5))
        .await
        .expect("pengaturan");
    w_other
        .naik(s, "set_pengaturan in the other instansi")
        .await;
    assert_eq!(
        revisi(s, i).await,
        w.terakhir,
        "writes of the other instansi"
    );
}

pub async fn settings(db: &TestDb) {
    let s = db.store();
    let a = instansi(s, "SWL").await;
    let b = instansi(s, "LAIN").await;
    let kunci = "analitik.tampilan";
    assert_eq!(s.pengaturan(a, kunci).await.expect("read"), None);

    let nilai = json!({
        "ambang": { "kritis": 2, "sedang": 1 },
        "kolom": ["nip", "nama", "jpm"],
        "rasio": 0.75,
        "aktif": true,
        "catatan": null,
        "teks": "Perangkat Daerah — Sawahlunto, ada \u{0} di tengah",
        "besar": i64::MAX,
    });
    let admin = Actor::system("admin-uji");
    s.set_pengaturan(a, &admin, kunci, &nilai)
        .await
        .expect("set");
    assert_eq!(
        s.pengaturan(a, kunci).await.expect("read"),
        Some(nilai.clone())
    );
    let entry = s.audit_log(a, 1).await.expect("audit").remove(0);
    assert_eq!(entry.action, "pengaturan.ubah");
    assert_eq!(entry.entity, "pengaturan");
    assert_eq!(entry.entity_id, None);
    assert_eq!(entry.actor_label, "admin-uji");
    assert_eq!(
        entry.detail,
        json!({ "kunci": kunci, "sebelum": null, "sesudah": nilai })
    );

    // Replacing keeps one value per key and audits what it replaced.
    let baru = json!([1, 2, 3]);
    s.set_pengaturan(a, &actor(), kunci, &baru)
        .await
        .expect("replace");
    assert_eq!(
        s.pengaturan(a, kunci).await.expect("read"),
        Some(baru.clone())
    );
    let entry = s.audit_log(a, 1).await.expect("audit").remove(0);
    assert_eq!(entry.action, "pengaturan.ubah");
    assert_eq!(entry.detail["kunci"], kunci);
    assert_eq!(entry.detail["sebelum"], nilai);
    assert_eq!(entry.detail["sesudah"], baru);
    // A JSON null is a value too, not "never set".
    s.set_pengaturan(a, &actor(), "kosong", &json!(null))
        .await
        .expect("set null");
    assert_eq!(
        s.pengaturan(a, "kosong").await.expect("read"),
        Some(json!(null))
    );

    // Each instansi has its own settings.
    assert_eq!(s.pengaturan(b, kunci).await.expect("read"), None);
    s.set_pengaturan(b, &actor(), kunci, &json!("milik B"))
        .await
        .expect("set in B");
    assert_eq!(
        s.pengaturan(b, kunci).await.expect("read"),
        Some(json!("milik B"))
    );
    assert_eq!(
        s.pengaturan(a, kunci).await.expect("read"),
        Some(baru.clone())
    );
    let entry = s.audit_log(b, 1).await.expect("audit B").remove(0);
    assert_eq!(entry.action, "pengaturan.ubah");
    assert!(
        entry.detail["sebelum"].is_null(),
        "A's value is not B's: {}",
        entry.detail
    );

    // Refusals change nothing and write no audit entry.
    let audit_before = actions(s, a).await.len();
    for bad in ["", "   ", " analitik", "analitik\n"] {
        assert_invalid(s.set_pengaturan(a, &actor(), bad, &json!(1)).await, "kunci");
        assert_invalid(s.pengaturan(a, bad).await, "kunci");
    }
    assert_not_found(
        s.set_pengaturan(InstansiId(999_999), &actor(), kunci, &json!(1))
            .await,
        "instansi",
    );
    assert_eq!(
        s.pengaturan(InstansiId(999_999), kunci)
            .await
            .expect("read"),
        None
    );
    assert_eq!(actions(s, a).await.len(), audit_before);
    assert_eq!(s.pengaturan(a, kunci).await.expect("read"), Some(baru));

    // The schema itself refuses an empty key.
    let refused = db
        .exec(
            "INSERT INTO pengaturan (instansi_id, kunci, nilai, diubah_pada) \
             VALUES ($1, '', '1', '2026-01-01 00:00:00+00')",
            &[a.0],
        )
        .await;
    assert!(
        refused.is_err(),
        "an empty key must be refused by the schema"
    );
}
