//! Two instansi with the same codes, NIPs and usernames never see each other.

use crate::fixture::*;
use crate::harness::TestDb;
use kompeten_domain::{JenisJabatan, KelompokKompetensi, PredikatKinerja, Role, TingkatJabatan};
use kompeten_store::{
    InstansiId, JabatanId, JabatanQuery, KompetensiId, Lingkup, NewAccount, NewSession, PegawaiId,
    PegawaiQuery, Skp, StandarItem, Store, UnitId,
};
use time::macros::datetime;

struct Tenant {
    i: InstansiId,
    opd: UnitId,
    jab: JabatanId,
    komp: KompetensiId,
    p: PegawaiId,
}

/// The same organisation, codes and people in each instansi.
async fn tenant(s: &dyn Store, kode: &str) -> Tenant {
    let i = instansi(s, kode).await;
    let opd = unit(s, i, None, "DINKES", "Dinas Kesehatan").await;
    let jab = jabatan(
        s,
        i,
        "J-1",
        "Pengadministrasi",
        TingkatJabatan::struktural(JenisJabatan::Pelaksana).expect("tingkat"),
        opd,
    )
    .await;
    let komp = kompetensi(s, i, "M.1", KelompokKompetensi::Manajerial).await;
    let p = s
        .add_pegawai(
            i,
            &actor(),
            &[new_pegawai(nip_pns(1), "Sama Nama", opd, Some(jab), true)],
        )
        .await
        .expect("pegawai")[0];
    s.set_standar(
        i,
        &actor(),
        jab,
        &[StandarItem {
            kompetensi: komp,
            level: level(2),
            bobot: 1,
        }],
    )
    .await
    .expect("standar");
    s.record_penilaian(
        i,
        &actor(),
        &[new_penilaian(
            p,
            komp,
            2,
            date(2024, 1, 1),
            date(2026, 12, 31),
        )],
    )
    .await
    .expect("penilaian");
    s.record_skp(
        i,
        &actor(),
        &[Skp {
            pegawai: p,
            tahun: 2024,
            predikat: PredikatKinerja::Baik,
        }],
    )
    .await
    .expect("skp");
    let akun = s
        .create_account(
            i,
            &actor(),
            &NewAccount {
                username: "admin".into(),
                nama_tampilan: "Admin".into(),
                password_hash: "$argon2id$hash".into(),
                role: Role::AdminBkpsdm,
                unit: None,
                pegawai: None,
                mitra: None,
                wajib_ganti_sandi: false,
            },
        )
        .await
        .expect("account");
    s.create_session(
        i,
        &NewSession {
            token_hash: format!("token-{kode}"),
            account: akun,
            csrf_token: "csrf".into(),
            expires_at: datetime!(2030-01-01 00:00 UTC),
        },
    )
    .await
    .expect("session");
    Tenant {
        i,
        opd,
        jab,
        komp,
        p,
    }
}

pub async fn tenant_isolation(db: &TestDb) {
    let s = db.store();
    let a = tenant(s, "SWL").await;
    let b = tenant(s, "PDG").await;
    assert_ne!((a.opd, a.jab, a.komp, a.p), (b.opd, b.jab, b.komp, b.p));
    let now = datetime!(2025-01-01 00:00 UTC);

    // Reads with B's id never return A's rows.
    assert_not_found(s.unit(b.i, a.opd).await, "unit");
    assert_not_found(s.jabatan(b.i, a.jab).await, "jabatan");
    assert_not_found(s.kompetensi(b.i, a.komp).await, "kompetensi");
    assert_not_found(s.standar(b.i, a.jab).await, "jabatan");
    assert_not_found(s.pegawai(b.i, a.p).await, "pegawai");
    assert_not_found(s.penilaian_pegawai(b.i, a.p).await, "pegawai");
    assert_not_found(s.skp_pegawai(b.i, a.p).await, "pegawai");
    assert_eq!(
        s.units(b.i)
            .await
            .expect("units")
            .iter()
            .map(|u| u.id)
            .collect::<Vec<_>>(),
        [b.opd]
    );
    let jab_b = s
        .list_jabatan(b.i, &JabatanQuery::default())
        .await
        .expect("jabatan");
    assert_eq!(
        jab_b
            .iter()
            .map(|r| (r.jabatan.id, r.jumlah_pegawai, r.jumlah_standar))
            .collect::<Vec<_>>(),
        [(b.jab, 1, 1)]
    );
    assert_eq!(
        s.list_kompetensi(b.i)
            .await
            .expect("kompetensi")
            .iter()
            .map(|k| k.id)
            .collect::<Vec<_>>(),
        [b.komp]
    );
    let found = s
        .search_pegawai(b.i, &PegawaiQuery::semua(Lingkup::Instansi))
        .await
        .expect("search");
    assert_eq!(
        (
            found.items.iter().map(|r| r.id).collect::<Vec<_>>(),
            found.total
        ),
        (vec![b.p], 1)
    );
    assert_eq!(
        s.pegawai_by_nip(b.i, nip_pns(1).as_str())
            .await
            .expect("by nip")
            .map(|p| p.id),
        Some(b.p)
    );
    let admin_b = s
        .account_by_username(b.i, "admin")
        .await
        .expect("account")
        .expect("B's admin");
    assert_eq!(admin_b.instansi, b.i);
    assert!(
        s.session(b.i, "token-SWL", now)
            .await
            .expect("session")
            .is_none()
    );
    assert_eq!(
        s.session(b.i, "token-PDG", now)
            .await
            .expect("session")
            .map(|x| x.account.id),
        Some(admin_b.id)
    );
    let r = s
        .ringkasan(b.i, Lingkup::Instansi, date(2025, 1, 1))
        .await
        .expect("ringkasan");
    assert_eq!(
        (
            r.jumlah_unit,
            r.pegawai_aktif,
            r.penilaian_total,
            r.skp_jumlah_terakhir
        ),
        (1, 1, 1, 1)
    );
    assert!(
        s.audit_log(b.i, 1_000)
            .await
            .expect("audit")
            .iter()
            .all(|e| e.entity_id != Some(a.p.0) || e.entity != "pegawai")
    );

    // Writes with B's id cannot point at A's rows.
    assert_invalid(
        s.add_unit(
            b.i,
            &actor(),
            &new_unit(Some(a.opd), "X", "X", kompeten_domain::JenisUnit::Bidang),
        )
        .await,
        "induk",
    );
    assert_invalid(
        s.add_jabatan(
            b.i,
            &actor(),
            &new_jabatan(
                "J-X",
                "X",
                TingkatJabatan::struktural(JenisJabatan::Pelaksana).expect("t"),
                a.opd,
            ),
        )
        .await,
        "unit",
    );
    assert_invalid(
        s.add_pegawai(
            b.i,
            &actor(),
            &[new_pegawai(nip_pns(2), "X", a.opd, None, true)],
        )
        .await,
        "unit",
    );
    assert_invalid(
        s.add_pegawai(
            b.i,
            &actor(),
            &[new_pegawai(nip_pns(2), "X", b.opd, Some(a.jab), true)],
        )
        .await,
        "jabatan",
    );
    assert_invalid(
        s.set_standar(
            b.i,
            &actor(),
            b.jab,
            &[StandarItem {
                kompetensi: a.komp,
                level: level(1),
                bobot: 1,
            }],
        )
        .await,
        "kompetensi",
    );
    assert_invalid(
        s.record_penilaian(
            b.i,
            &actor(),
            &[new_penilaian(
                a.p,
                b.komp,
                1,
                date(2024, 1, 1),
                date(2025, 1, 1),
            )],
        )
        .await,
        "pegawai",
    );
    assert_invalid(
        s.record_skp(
            b.i,
            &actor(),
            &[Skp {
                pegawai: a.p,
                tahun: 2023,
                predikat: PredikatKinerja::Baik,
            }],
        )
        .await,
        "pegawai",
    );
    s.delete_session(b.i, "token-SWL")
        .await
        .expect("nothing to delete in B");
    assert!(
        s.session(a.i, "token-SWL", now)
            .await
            .expect("session")
            .is_some(),
        "A's session survives"
    );
    assert_eq!(
        s.purge_expired_sessions(b.i, datetime!(2031-01-01 00:00 UTC))
            .await
            .expect("purge"),
        1
    );
    assert!(
        s.session(a.i, "token-SWL", now)
            .await
            .expect("session")
            .is_some(),
        "A's session survives"
    );

    // A's data is as it was.
    let ra = s
        .ringkasan(a.i, Lingkup::Instansi, date(2025, 1, 1))
        .await
        .expect("ringkasan");
    assert_eq!(
        (
            ra.jumlah_unit,
            ra.pegawai_aktif,
            ra.penilaian_total,
            ra.skp_jumlah_terakhir
        ),
        (1, 1, 1, 1)
    );
    assert_eq!(s.standar(a.i, a.jab).await.expect("standar").len(), 1);

    // The schema itself refuses a row that points into another instansi.
    let raw = db
        .exec(
            "INSERT INTO jabatan (instansi_id, unit_id, kode, nama, jenis) VALUES ($1, $2, 'J-RAW', 'Raw', 'pelaksana')",
            &[b.i.0, a.opd.0],
        )
        .await;
    assert!(
        raw.is_err(),
        "composite foreign keys keep rows inside their instansi"
    );
    let raw = db
        .exec(
            "INSERT INTO skp (instansi_id, pegawai_id, tahun, predikat) VALUES ($1, $2, 2020, 'baik')",
            &[b.i.0, a.p.0],
        )
        .await;
    assert!(
        raw.is_err(),
        "composite foreign keys keep rows inside their instansi"
    );
}
