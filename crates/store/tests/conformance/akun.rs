//! Accounts, sessions and the audit log.

use crate::fixture::*;
use crate::harness::TestDb;
use kompeten_domain::JenisMitra;
use kompeten_domain::Role;
use kompeten_store::{
    Account, AccountId, Actor, InstansiId, MitraId, NewAccount, NewMitra, NewSession, PegawaiId,
    Store, UnitId,
};
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

fn new_account(username: &str, role: Role) -> NewAccount {
    NewAccount {
        username: username.into(),
        nama_tampilan: format!("Nama {username}"),
        password_hash: format!("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA${username}"),
        role,
        unit: None,
        pegawai: None,
        mitra: None,
        wajib_ganti_sandi: false,
    }
}

pub async fn accounts(db: &TestDb) {
    let s = db.store();
    let i = instansi(s, "SWL").await;
    let opd = unit(s, i, None, "DINKES", "Dinas Kesehatan").await;
    let p = s
        .add_pegawai(
            i,
            &actor(),
            &[new_pegawai(nip_pns(1), "Satu", opd, None, true)],
        )
        .await
        .expect("pegawai")[0];

    let admin = s
        .create_account(i, &actor(), &new_account("admin", Role::AdminBkpsdm))
        .await
        .expect("admin");
    let mut kadis_new = new_account("kadis", Role::PimpinanOpd);
    kadis_new.unit = Some(opd);
    let kadis = s
        .create_account(i, &actor(), &kadis_new)
        .await
        .expect("kadis");
    let mut satu_new = new_account("budi", Role::Pegawai);
    satu_new.pegawai = Some(p);
    satu_new.wajib_ganti_sandi = true;
    let satu = s
        .create_account(i, &Actor::account(admin, "admin"), &satu_new)
        .await
        .expect("pegawai account");

    assert_eq!(
        s.account(i, kadis).await.expect("read"),
        Account {
            id: kadis,
            instansi: i,
            username: "kadis".into(),
            nama_tampilan: "Nama kadis".into(),
            password_hash: kadis_new.password_hash.clone(),
            role: Role::PimpinanOpd,
            unit: Some(opd),
            pegawai: None,
            mitra: None,
            aktif: true,
            wajib_ganti_sandi: false,
        }
    );
    assert_eq!(
        s.account_by_username(i, "budi")
            .await
            .expect("by name")
            .map(|a| (a.id, a.pegawai, a.wajib_ganti_sandi)),
        Some((satu, Some(p), true))
    );
    assert_eq!(
        s.account_by_username(i, "tidak-ada")
            .await
            .expect("by name"),
        None
    );
    let names: Vec<String> = s
        .accounts(i)
        .await
        .expect("list")
        .into_iter()
        .map(|a| a.username)
        .collect();
    assert_eq!(names, ["admin", "budi", "kadis"]);
    assert_not_found(s.account(i, AccountId(9_999_999)).await, "akun");

    assert_conflict(
        s.create_account(i, &actor(), &new_account("admin", Role::Auditor))
            .await,
        "admin",
    );
    assert_invalid(
        s.create_account(i, &actor(), &new_account("kepala", Role::PimpinanOpd))
            .await,
        "unit",
    );
    assert_invalid(
        s.create_account(i, &actor(), &new_account("pegawai2", Role::Pegawai))
            .await,
        "pegawai",
    );
    assert_invalid(
        s.create_account(i, &actor(), &new_account("dua kata", Role::Mitra))
            .await,
        "spaces",
    );
    let mut no_hash = new_account("mitra", Role::Mitra);
    no_hash.password_hash = " ".into();
    assert_invalid(s.create_account(i, &actor(), &no_hash).await, "password");
    let mut bad_unit = new_account("kepala", Role::PimpinanOpd);
    bad_unit.unit = Some(UnitId(9_999_999));
    assert_invalid(s.create_account(i, &actor(), &bad_unit).await, "unit");
    let mut bad_pegawai = new_account("pegawai2", Role::Pegawai);
    bad_pegawai.pegawai = Some(PegawaiId(9_999_999));
    assert_invalid(s.create_account(i, &actor(), &bad_pegawai).await, "pegawai");
    assert_eq!(s.accounts(i).await.expect("list").len(), 3);

    // Usernames are per instansi, and so are the references of an account.
    let j = instansi(s, "PDG").await;
    let admin_j = s
        .create_account(j, &actor(), &new_account("admin", Role::AdminBkpsdm))
        .await
        .expect("admin PDG");
    assert_ne!(admin_j, admin);
    assert_invalid(s.create_account(j, &actor(), &kadis_new).await, "unit");
    assert_eq!(
        s.account_by_username(j, "budi").await.expect("by name"),
        None
    );
    assert_not_found(s.account(j, kadis).await, "akun");

    // A password an administrator sets must be changed at the next login.
    s.set_password(
        i,
        &Actor::account(admin, "admin"),
        kadis,
        "$argon2id$baru",
        true,
    )
    .await
    .expect("set password");
    let dibaca = s.account(i, kadis).await.expect("read");
    assert_eq!(
        (dibaca.password_hash.as_str(), dibaca.wajib_ganti_sandi),
        ("$argon2id$baru", true)
    );
    assert_invalid(
        s.set_password(i, &actor(), kadis, "", false).await,
        "password",
    );
    assert_not_found(
        s.set_password(i, &actor(), AccountId(9_999_999), "$argon2id$x", false)
            .await,
        "akun",
    );
    assert_not_found(
        s.set_password(j, &actor(), kadis, "$argon2id$x", false)
            .await,
        "akun",
    );
    let dibaca = s.account(i, kadis).await.expect("read");
    assert_eq!(
        (dibaca.password_hash.as_str(), dibaca.wajib_ganti_sandi),
        ("$argon2id$baru", true)
    );
    // A password set without the duty clears it.
    s.set_password(
        i,
        &Actor::account(admin, "admin"),
        kadis,
        "$argon2id$sendiri",
        false,
    )
    .await
    .expect("own password");
    let dibaca = s.account(i, kadis).await.expect("read");
    assert_eq!(
        (dibaca.password_hash.as_str(), dibaca.wajib_ganti_sandi),
        ("$argon2id$sendiri", false)
    );
    let log = s.audit_log(i, 1000).await.expect("audit");
    let ubah: Vec<&serde_json::Value> = log
        .iter()
        .filter(|e| e.action == "akun.ubah_sandi" && e.entity_id == Some(kadis.0))
        .map(|e| &e.detail["wajib_ganti_sandi"])
        .collect();
    assert_eq!(ubah, [&serde_json::json!(false), &serde_json::json!(true)]);

    let log = s.audit_log(i, 100).await.expect("audit");
    assert_eq!(log[0].action, "akun.ubah_sandi");
    assert_eq!(
        (log[0].entity_id, log[0].actor_account),
        (Some(kadis.0), Some(admin))
    );
    assert!(
        !log[0].detail.to_string().contains("argon2"),
        "no hash in the audit log"
    );
    let tambah: Vec<_> = log.iter().filter(|e| e.action == "akun.tambah").collect();
    assert_eq!(tambah.len(), 3);
    assert_eq!(
        (tambah[0].actor_account, tambah[0].actor_label.as_str()),
        (Some(admin), "admin")
    );
    assert_eq!(tambah[0].detail["username"], "budi");
    assert_eq!(tambah[0].detail["wajib_ganti_sandi"], true);

    // An actor must be an account of the instansi it changes.
    assert_invalid(
        s.create_account(
            i,
            &Actor::account(admin_j, "admin"),
            &new_account("x", Role::Auditor),
        )
        .await,
        "acting account",
    );
    assert_eq!(s.accounts(i).await.expect("list").len(), 3);
}

async fn partner(s: &dyn Store, i: InstansiId, kode: &str) -> MitraId {
    s.add_mitra(
        i,
        &actor(),
        &NewMitra {
            kode: kode.into(),
            nama: format!("Mitra {kode}"),
            jenis: JenisMitra::PerguruanTinggi,
            alamat: None,
            kota: None,
            website: None,
            kontak: vec![],
            kerja_sama: vec![],
        },
    )
    .await
    .expect("partner")
}

/// A mitra account names its partner institution, of its own instansi;
/// no other role names one.
pub async fn mitra_accounts(db: &TestDb) {
    let s = db.store();
    let i = instansi(s, "SWL").await;
    let j = instansi(s, "PDG").await;
    let unand = partner(s, i, "UNAND").await;
    let lain = partner(s, j, "UNP").await;

    let mut baru = new_account("mitra.unand", Role::Mitra);
    baru.mitra = Some(unand);
    let id = s.create_account(i, &actor(), &baru).await.expect("mitra");
    let akun = s.account(i, id).await.expect("read");
    assert_eq!((akun.role, akun.mitra), (Role::Mitra, Some(unand)));
    assert_eq!(
        s.account_by_username(i, "mitra.unand")
            .await
            .expect("by name")
            .and_then(|a| a.mitra),
        Some(unand)
    );
    assert_eq!(
        s.accounts(i).await.expect("list")[0].mitra,
        Some(unand),
        "the list carries it too"
    );
    // The session is how the web learns whose programs the account keeps.
    let expires = datetime!(2025-01-01 10:00 UTC);
    s.create_session(i, &session("mmm", id, expires))
        .await
        .expect("login");
    let live = s
        .session(i, "mmm", expires - Duration::hours(1))
        .await
        .expect("read")
        .expect("live");
    assert_eq!(live.account.mitra, Some(unand));
    let log = s.audit_log(i, 10).await.expect("audit");
    let tambah = log
        .iter()
        .find(|e| e.action == "akun.tambah")
        .expect("audited");
    assert_eq!(tambah.detail["mitra_id"], unand.0);

    // A mitra account without a partner, with another instansi's partner or
    // with one that does not exist is refused; so is a partner on another role.
    assert_invalid(
        s.create_account(i, &actor(), &new_account("tanpa", Role::Mitra))
            .await,
        "partner",
    );
    let mut asing = new_account("asing", Role::Mitra);
    asing.mitra = Some(lain);
    assert_invalid(s.create_account(i, &actor(), &asing).await, "mitra");
    asing.mitra = Some(MitraId(9_999_999));
    assert_invalid(s.create_account(i, &actor(), &asing).await, "mitra");
    for role in [Role::AdminBkpsdm, Role::Auditor] {
        let mut lain_peran = new_account("lain.peran", role);
        lain_peran.mitra = Some(unand);
        assert_invalid(
            s.create_account(i, &actor(), &lain_peran).await,
            "only a mitra account",
        );
    }
    assert_eq!(s.accounts(i).await.expect("list").len(), 1);
    // The other instansi's partner serves its own accounts.
    let mut di_j = new_account("mitra.unp", Role::Mitra);
    di_j.mitra = Some(lain);
    let id_j = s.create_account(j, &actor(), &di_j).await.expect("in PDG");
    assert_eq!(s.account(j, id_j).await.expect("read").mitra, Some(lain));
    assert_not_found(s.account(i, id_j).await, "akun");

    // The schema itself refuses a partner on another role and a partner of
    // another instansi, whatever a caller bypassing the store writes.
    let admin = account(s, i, "admin").await;
    assert!(
        db.exec(
            "UPDATE akun SET mitra_id = $1 WHERE id = $2",
            &[unand.0, admin.0]
        )
        .await
        .is_err(),
        "a partner on an admin account"
    );
    assert!(
        db.exec(
            "UPDATE akun SET mitra_id = $1 WHERE id = $2",
            &[lain.0, id.0]
        )
        .await
        .is_err(),
        "a partner of another instansi"
    );
    assert_eq!(s.account(i, id).await.expect("read").mitra, Some(unand));
}

fn session(token: &str, account: AccountId, expires_at: OffsetDateTime) -> NewSession {
    NewSession {
        token_hash: token.into(),
        account,
        csrf_token: format!("csrf-{token}"),
        expires_at,
    }
}

async fn account(s: &dyn Store, i: InstansiId, username: &str) -> AccountId {
    s.create_account(i, &actor(), &new_account(username, Role::AdminBkpsdm))
        .await
        .expect("account")
}

pub async fn sessions(db: &TestDb) {
    let s = db.store();
    let i = instansi(s, "SWL").await;
    let j = instansi(s, "PDG").await;
    let admin = account(s, i, "admin").await;
    let other = account(s, j, "admin").await;
    let t0 = datetime!(2025-01-01 08:00 UTC);
    let expires = t0 + Duration::hours(2);

    s.create_session(i, &session("aaa", admin, expires))
        .await
        .expect("login");
    let live = s
        .session(i, "aaa", t0)
        .await
        .expect("read")
        .expect("live session");
    assert_eq!(
        (live.account.id, live.account.username.as_str()),
        (admin, "admin")
    );
    assert_eq!(live.csrf_token, "csrf-aaa");
    assert_eq!(live.expires_at, expires);
    assert!(
        s.session(i, "aaa", expires - Duration::seconds(1))
            .await
            .expect("read")
            .is_some()
    );
    assert!(
        s.session(i, "aaa", expires).await.expect("read").is_none(),
        "expired at expires_at"
    );
    assert!(
        s.session(i, "aaa", expires + Duration::days(1))
            .await
            .expect("read")
            .is_none()
    );
    // The same instant written in WIB (UTC+7).
    assert!(
        s.session(i, "aaa", datetime!(2025-01-01 16:59:59 +07:00))
            .await
            .expect("read")
            .is_some()
    );
    assert!(
        s.session(i, "aaa", datetime!(2025-01-01 17:00:00 +07:00))
            .await
            .expect("read")
            .is_none()
    );
    assert!(s.session(i, "bbb", t0).await.expect("read").is_none());
    assert!(
        s.session(j, "aaa", t0).await.expect("read").is_none(),
        "sessions are per instansi"
    );

    assert_conflict(
        s.create_session(i, &session("aaa", admin, expires)).await,
        "session",
    );
    assert_invalid(
        s.create_session(i, &session("ccc", other, expires)).await,
        "does not exist",
    );
    assert_invalid(
        s.create_session(i, &session("", admin, expires)).await,
        "token",
    );

    let log = s.audit_log(i, 10).await.expect("audit");
    assert_eq!(log[0].action, "sesi.masuk");
    assert_eq!(
        (log[0].actor_account, log[0].actor_label.as_str()),
        (Some(admin), "admin")
    );
    assert!(
        !log[0].detail.to_string().contains("aaa"),
        "no token in the audit log"
    );

    s.delete_session(i, "aaa").await.expect("logout");
    assert!(s.session(i, "aaa", t0).await.expect("read").is_none());
    assert_eq!(actions(s, i).await[0], "sesi.keluar");
    let before = actions(s, i).await.len();
    s.delete_session(i, "aaa").await.expect("logout twice");
    assert_eq!(
        actions(s, i).await.len(),
        before,
        "nothing to log out, nothing logged"
    );

    // Expired sessions go, per instansi.
    s.create_session(i, &session("s1", admin, t0 + Duration::hours(1)))
        .await
        .expect("s1");
    s.create_session(i, &session("s2", admin, t0 + Duration::hours(3)))
        .await
        .expect("s2");
    s.create_session(j, &session("s3", other, t0 + Duration::hours(1)))
        .await
        .expect("s3");
    assert_eq!(
        s.purge_expired_sessions(i, t0 + Duration::hours(2))
            .await
            .expect("purge"),
        1
    );
    assert!(s.session(i, "s2", t0).await.expect("read").is_some());
    assert!(
        s.session(j, "s3", t0).await.expect("read").is_some(),
        "another instansi is untouched"
    );
    assert_eq!(
        s.purge_expired_sessions(i, t0 + Duration::hours(2))
            .await
            .expect("purge"),
        0
    );
    assert_eq!(
        s.purge_expired_sessions(j, t0 + Duration::hours(2))
            .await
            .expect("purge"),
        1
    );
    assert_eq!(db.count("SELECT COUNT(*) FROM sesi", &[]).await, 1);

    // Sessions of an account that is switched off stop working.
    assert_eq!(
        db.exec("UPDATE akun SET aktif = FALSE WHERE id = $1", &[admin.0])
            .await
            .expect("deactivate"),
        1
    );
    assert!(s.session(i, "s2", t0).await.expect("read").is_none());
    assert_invalid(
        s.create_session(i, &session("s4", admin, expires)).await,
        "not active",
    );
}

/// Action, entity, entity id, actor account, actor label.
type AuditLine<'a> = (&'a str, &'a str, Option<i64>, Option<AccountId>, &'a str);

pub async fn audit_trail(db: &TestDb) {
    let s = db.store();
    let started = OffsetDateTime::now_utc() - Duration::seconds(2);
    let i = instansi(s, "SWL").await;
    let opd = unit(s, i, None, "DINKES", "Dinas Kesehatan").await;
    let admin = s
        .create_account(
            i,
            &Actor::system("cli"),
            &new_account("admin", Role::AdminBkpsdm),
        )
        .await
        .expect("admin");
    let by_admin = Actor::account(admin, "admin");
    let bidang = s
        .add_unit(
            i,
            &by_admin,
            &new_unit(
                Some(opd),
                "YAN",
                "Bidang Pelayanan",
                kompeten_domain::JenisUnit::Bidang,
            ),
        )
        .await
        .expect("unit");
    let log = s.audit_log(i, 100).await.expect("audit");
    let seen: Vec<AuditLine<'_>> = log
        .iter()
        .map(|e| {
            (
                e.action.as_str(),
                e.entity.as_str(),
                e.entity_id,
                e.actor_account,
                e.actor_label.as_str(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (
                "unit.tambah",
                "unit_kerja",
                Some(bidang.0),
                Some(admin),
                "admin"
            ),
            ("akun.tambah", "akun", Some(admin.0), None, "cli"),
            ("unit.tambah", "unit_kerja", Some(opd.0), None, "test"),
            ("instansi.tambah", "instansi", Some(i.0), None, "test"),
        ]
    );
    assert!(log.windows(2).all(|w| w[0].id > w[1].id), "newest first");
    let finished = OffsetDateTime::now_utc() + Duration::seconds(2);
    assert!(
        log.iter().all(|e| e.at >= started && e.at <= finished),
        "stamped with the current time"
    );
    assert_eq!(log[0].detail["nama"], "Bidang Pelayanan");

    let two = s.audit_log(i, 2).await.expect("limited");
    assert_eq!(
        two.iter().map(|e| e.id).collect::<Vec<_>>(),
        [log[0].id, log[1].id]
    );
    assert!(s.audit_log(i, 0).await.expect("none").is_empty());
    let j = instansi(s, "PDG").await;
    assert_eq!(
        actions(s, j).await,
        ["instansi.tambah"],
        "each instansi has its own log"
    );
}
