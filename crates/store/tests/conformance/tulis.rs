//! Edits: an employee's fields and an account's active flag.

use crate::fixture::*;
use crate::harness::TestDb;
use kompeten_domain::{
    Golongan, GolonganPns, GolonganPppk, JenjangFungsional, Pendidikan, Role, TingkatJabatan,
};
use kompeten_store::{
    AccountId, Actor, NewAccount, NewSession, PegawaiId, PerubahanPegawai, StoreError,
};
use time::Duration;
use time::macros::datetime;

fn perubahan_dari(p: &kompeten_store::Pegawai) -> PerubahanPegawai {
    PerubahanPegawai {
        nama: p.nama.clone(),
        gelar_depan: p.gelar_depan.clone(),
        gelar_belakang: p.gelar_belakang.clone(),
        golongan: p.golongan,
        jabatan: p.jabatan,
        unit: p.unit,
        pendidikan: p.pendidikan,
        aktif: p.aktif,
    }
}

pub async fn pegawai_update(db: &TestDb) {
    let s = db.store();
    let i = instansi(s, "SWL").await;
    let other = instansi(s, "LAIN").await;
    let opd = unit(s, i, None, "DINKES", "Dinas Kesehatan").await;
    let bidang = unit(s, i, Some(opd), "YANKES", "Bidang Yankes").await;
    let opd_lain = unit(s, other, None, "DINKES", "Dinas Lain").await;
    let dokter = jabatan(
        s,
        i,
        "DOK",
        "Dokter",
        TingkatJabatan::fungsional(JenjangFungsional::AhliPertama),
        bidang,
    )
    .await;
    let jabatan_lain = jabatan(
        s,
        other,
        "DOK",
        "Dokter",
        TingkatJabatan::fungsional(JenjangFungsional::AhliPertama),
        opd_lain,
    )
    .await;
    let ids = s
        .add_pegawai(
            i,
            &actor(),
            &[
                new_pegawai(nip_pns(1), "Budi", opd, None, true),
                new_pegawai(nip_pppk(2), "Rina", opd, None, true),
            ],
        )
        .await
        .expect("pegawai");
    let (budi, rina) = (ids[0], ids[1]);
    let before = s.pegawai(i, budi).await.expect("read");

    let mut ubah = perubahan_dari(&before);
    ubah.nama = "  Budi Santoso ".into();
    ubah.gelar_depan = Some("dr.".into());
    ubah.gelar_belakang = Some(" ".into());
    ubah.golongan = Golongan::Pns(GolonganPns::IIId);
    ubah.jabatan = Some(dokter);
    ubah.unit = bidang;
    ubah.pendidikan = Pendidikan::S2;
    let admin = Actor::system("admin-uji");
    s.update_pegawai(i, &admin, budi, &ubah)
        .await
        .expect("update");
    let after = s.pegawai(i, budi).await.expect("read again");
    assert_eq!(after.nama, "Budi Santoso");
    assert_eq!(after.gelar_depan.as_deref(), Some("dr."));
    assert_eq!(after.gelar_belakang, None, "blank titles become none");
    assert_eq!(after.golongan, Golongan::Pns(GolonganPns::IIId));
    assert_eq!(after.jabatan, Some(dokter));
    assert_eq!(after.unit, bidang);
    assert_eq!(after.pendidikan, Pendidikan::S2);
    assert_eq!(after.nip, before.nip, "the NIP never changes");
    assert_eq!(after.tanggal_lahir, before.tanggal_lahir);

    let entry = s.audit_log(i, 1).await.expect("audit").remove(0);
    assert_eq!(entry.action, "pegawai.ubah");
    assert_eq!(entry.entity_id, Some(budi.0));
    assert_eq!(entry.actor_label, "admin-uji");
    assert_eq!(entry.detail["nip"], before.nip.as_str());
    assert_eq!(entry.detail["sebelum"]["nama"], "Budi");
    assert_eq!(entry.detail["sesudah"]["nama"], "Budi Santoso");
    assert_eq!(entry.detail["sebelum"]["golongan"], "III/a");
    assert_eq!(entry.detail["sesudah"]["golongan"], "III/d");
    assert_eq!(entry.detail["sesudah"]["jabatan_id"], dokter.0);
    assert!(
        entry.detail["sebelum"].get("aktif").is_none(),
        "unchanged fields are left out: {}",
        entry.detail
    );

    // Deactivating keeps the record; search for active employees drops it.
    let mut nonaktif = perubahan_dari(&after);
    nonaktif.aktif = false;
    s.update_pegawai(i, &actor(), budi, &nonaktif)
        .await
        .expect("deactivate");
    assert!(!s.pegawai(i, budi).await.expect("read").aktif);

    // Every refusal changes nothing and writes no audit entry.
    let audit_before = actions(s, i).await.len();
    let mut salah = perubahan_dari(&after);
    salah.golongan = Golongan::Pppk(GolonganPppk::IX);
    assert_invalid(
        s.update_pegawai(i, &actor(), budi, &salah).await,
        "golongan",
    );
    let mut salah = perubahan_dari(&s.pegawai(i, rina).await.expect("rina"));
    salah.golongan = Golongan::Pns(GolonganPns::IIa);
    assert_invalid(
        s.update_pegawai(i, &actor(), rina, &salah).await,
        "golongan",
    );
    let mut salah = perubahan_dari(&after);
    salah.nama = "   ".into();
    assert_invalid(s.update_pegawai(i, &actor(), budi, &salah).await, "nama");
    let mut salah = perubahan_dari(&after);
    salah.unit = opd_lain;
    assert_invalid(s.update_pegawai(i, &actor(), budi, &salah).await, "unit");
    let mut salah = perubahan_dari(&after);
    salah.jabatan = Some(jabatan_lain);
    assert_invalid(s.update_pegawai(i, &actor(), budi, &salah).await, "jabatan");
    assert_not_found(
        s.update_pegawai(i, &actor(), PegawaiId(999_999), &perubahan_dari(&after))
            .await,
        "pegawai",
    );
    // Another instansi's id is unknown here.
    assert_not_found(
        s.update_pegawai(other, &actor(), budi, &perubahan_dari(&after))
            .await,
        "pegawai",
    );
    let now = s.pegawai(i, budi).await.expect("read");
    assert_eq!(now.unit, bidang);
    assert_eq!(now.jabatan, Some(dokter));
    assert_eq!(now.golongan, Golongan::Pns(GolonganPns::IIId));
    assert_eq!(actions(s, i).await.len(), audit_before);
}

pub async fn account_activation(db: &TestDb) {
    let s = db.store();
    let i = instansi(s, "SWL").await;
    let other = instansi(s, "LAIN").await;
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
    let now = datetime!(2026-11-27 03:00 UTC);
    s.create_session(
        i,
        &NewSession {
            token_hash: "a".repeat(64),
            account: akun,
            csrf_token: "c".repeat(64),
            expires_at: now + Duration::hours(8),
        },
    )
    .await
    .expect("session");
    assert!(
        s.session(i, &"a".repeat(64), now)
            .await
            .expect("lookup")
            .is_some()
    );

    s.set_account_aktif(i, &actor(), akun, false)
        .await
        .expect("deactivate");
    assert!(!s.account(i, akun).await.expect("read").aktif);
    assert!(
        s.session(i, &"a".repeat(64), now)
            .await
            .expect("lookup")
            .is_none(),
        "a deactivated account has no live session"
    );
    let entry = s.audit_log(i, 1).await.expect("audit").remove(0);
    assert_eq!(entry.action, "akun.nonaktifkan");
    assert_eq!(entry.entity_id, Some(akun.0));
    assert_eq!(entry.detail["sebelum"], true);
    assert_eq!(entry.detail["sesudah"], false);

    s.set_account_aktif(i, &actor(), akun, true)
        .await
        .expect("activate");
    assert!(s.account(i, akun).await.expect("read").aktif);
    assert_eq!(
        s.audit_log(i, 1).await.expect("audit")[0].action,
        "akun.aktifkan"
    );

    // A new password signs out whoever used the old one.
    let sesi = NewSession {
        token_hash: "b".repeat(64),
        account: akun,
        csrf_token: "d".repeat(64),
        expires_at: now + Duration::hours(8),
    };
    s.create_session(i, &sesi).await.expect("session");
    s.set_password(
        i,
        &actor(),
        akun,
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$z",
        false,
    )
    .await
    .expect("new password");
    assert!(
        s.session(i, &"b".repeat(64), now)
            .await
            .expect("lookup")
            .is_none(),
        "a new password ends the account's sessions"
    );

    let before = actions(s, i).await.len();
    assert_not_found(
        s.set_account_aktif(i, &actor(), AccountId(999_999), false)
            .await,
        "akun",
    );
    match s.set_account_aktif(other, &actor(), akun, false).await {
        Err(StoreError::NotFound("akun")) => {}
        r => panic!("another instansi's account must be unknown, got {r:?}"),
    }
    assert!(s.account(i, akun).await.expect("read").aktif);
    assert_eq!(actions(s, i).await.len(), before);
}
