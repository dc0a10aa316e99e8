//! Instansi, unit kerja, jabatan, kamus kompetensi and standar kompetensi.

use crate::fixture::*;
use crate::harness::TestDb;
use kompeten_domain::{
    JenisJabatan, JenisUnit, JenjangFungsional, KelompokKompetensi, TingkatJabatan,
};
use kompeten_store::{
    Instansi, InstansiId, Jabatan, JabatanId, JabatanQuery, KompetensiId, NewInstansi, NewJabatan,
    NewUnit, StandarItem, UnitId,
};

pub async fn instansi_registry(db: &TestDb) {
    let s = db.store();
    s.ping().await.expect("ping");
    assert_eq!(s.backend(), db.backend());

    let swl = s
        .create_instansi(
            &actor(),
            &NewInstansi {
                kode: "SWL".into(),
                nama: "Pemerintah Kota Sawahlunto".into(),
            },
        )
        .await
        .expect("create SWL");
    let pdg = s
        .create_instansi(
            &actor(),
            &NewInstansi {
                kode: "PDG".into(),
                nama: "Pemerintah Kota Padang".into(),
            },
        )
        .await
        .expect("create PDG");
    assert_ne!(swl, pdg);

    let names: Vec<String> = s
        .list_instansi()
        .await
        .expect("list")
        .into_iter()
        .map(|i| i.nama)
        .collect();
    assert_eq!(
        names,
        ["Pemerintah Kota Padang", "Pemerintah Kota Sawahlunto"]
    );
    assert_eq!(
        s.instansi(swl).await.expect("read SWL"),
        Instansi {
            id: swl,
            kode: "SWL".into(),
            nama: "Pemerintah Kota Sawahlunto".into()
        }
    );
    assert_eq!(
        s.instansi_by_kode("PDG")
            .await
            .expect("by kode")
            .map(|i| i.id),
        Some(pdg)
    );
    assert_eq!(s.instansi_by_kode("BKT").await.expect("by kode"), None);
    assert_not_found(s.instansi(InstansiId(9_999_999)).await, "instansi");

    assert_conflict(
        s.create_instansi(
            &actor(),
            &NewInstansi {
                kode: "SWL".into(),
                nama: "Lagi".into(),
            },
        )
        .await,
        "SWL",
    );
    assert_invalid(
        s.create_instansi(
            &actor(),
            &NewInstansi {
                kode: "  ".into(),
                nama: "Kosong".into(),
            },
        )
        .await,
        "kode",
    );
    assert_eq!(
        s.list_instansi().await.expect("list").len(),
        2,
        "failed creations leave nothing"
    );

    let log = s.audit_log(swl, 10).await.expect("audit");
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].action, "instansi.tambah");
    assert_eq!(log[0].entity, "instansi");
    assert_eq!(log[0].entity_id, Some(swl.0));
    assert_eq!(log[0].actor_label, "test");
    assert_eq!(log[0].detail["kode"], "SWL");
}

/// Units given a position keep the source's (official) order among their
/// siblings, before any sibling without one, at every level.
pub async fn numbered_units_keep_their_place(db: &TestDb) {
    let s = db.store();
    let i = instansi(s, "SWL").await;
    let add = |induk: Option<UnitId>, kode: &'static str, nama: &'static str, urut: Option<u32>| async move {
        let jenis = if induk.is_none() {
            JenisUnit::Dinas
        } else {
            JenisUnit::Bidang
        };
        let new = NewUnit {
            urut,
            ..new_unit(induk, kode, nama, jenis)
        };
        s.add_unit(i, &actor(), &new).await.expect("add unit")
    };
    // Inserted out of order; names alone would sort them otherwise.
    let kecamatan = add(None, "KEC", "Kecamatan Barangin", Some(20)).await;
    let arsip = add(None, "ARSIP", "Arsip Daerah", None).await;
    let setda = add(None, "SETDA", "Sekretariat Daerah", Some(0)).await;
    let bidang = add(Some(setda), "SETDA.B", "Bagian Umum", Some(1)).await;
    let sekretariat = add(Some(setda), "SETDA.S", "Sub Bagian Tata Usaha", Some(0)).await;
    let bappeda = add(None, "BAPPEDA", "Bappeda", Some(3)).await;
    let order: Vec<UnitId> = s
        .units(i)
        .await
        .expect("units")
        .iter()
        .map(|u| u.id)
        .collect();
    assert_eq!(
        order,
        [setda, sekretariat, bidang, bappeda, kecamatan, arsip]
    );
}

pub async fn unit_tree(db: &TestDb) {
    let s = db.store();
    let i = instansi(s, "SWL").await;
    // Inserted out of order: the tree order must not depend on it.
    let dab = unit(s, i, None, "DAB", "Dinas A B").await;
    let dinkes = unit(s, i, None, "DINKES", "Dinas Kesehatan").await;
    let cegah = unit(s, i, Some(dinkes), "DINKES.CEGAH", "Bidang Pencegahan").await;
    let bkpsdm = unit(s, i, None, "BKPSDM", "badan Kepegawaian").await;
    let yan = unit(s, i, Some(dinkes), "DINKES.YAN", "Bidang Pelayanan").await;
    let da = unit(s, i, None, "DA", "Dinas A").await;
    let rujukan = s
        .add_unit(
            i,
            &actor(),
            &new_unit(
                Some(yan),
                "DINKES.YAN.RUJ",
                "Seksi Rujukan",
                JenisUnit::Seksi,
            ),
        )
        .await
        .expect("add seksi");
    let umum = unit(s, i, Some(da), "DA.UMUM", "Bidang Umum").await;
    let bang = unit(s, i, Some(bkpsdm), "BKPSDM.BANG", "Bidang Pengembangan").await;

    let units = s.units(i).await.expect("units");
    let order: Vec<UnitId> = units.iter().map(|u| u.id).collect();
    assert_eq!(
        order,
        [bkpsdm, bang, da, umum, dab, dinkes, yan, rujukan, cegah]
    );

    let r = s.unit(i, rujukan).await.expect("read seksi");
    assert_eq!(r.induk, Some(yan));
    assert_eq!(r.kode, "DINKES.YAN.RUJ");
    assert_eq!(r.nama, "Seksi Rujukan");
    assert_eq!(r.jenis, JenisUnit::Seksi);
    assert_eq!(r.jalur, [dinkes, yan, rujukan]);
    assert_eq!(r.opd(), dinkes);
    assert_eq!(r.kedalaman(), 2);
    assert!(r.di_bawah(dinkes) && !r.di_bawah(bkpsdm));
    assert_eq!(units.iter().find(|u| u.id == rujukan), Some(&r));
    let opd = s.unit(i, dinkes).await.expect("read OPD");
    assert_eq!(
        (opd.induk, opd.jalur.as_slice(), opd.jenis),
        (None, &[dinkes][..], JenisUnit::Dinas)
    );

    assert_not_found(s.unit(i, UnitId(9_999_999)).await, "unit");
    assert_invalid(
        s.add_unit(
            i,
            &actor(),
            &new_unit(Some(UnitId(9_999_999)), "X", "X", JenisUnit::Bidang),
        )
        .await,
        "induk",
    );
    assert_conflict(
        s.add_unit(
            i,
            &actor(),
            &new_unit(None, "DINKES", "Dinas Lain", JenisUnit::Dinas),
        )
        .await,
        "DINKES",
    );
    assert_invalid(
        s.add_unit(
            i,
            &actor(),
            &new_unit(None, "KOSONG", " ", JenisUnit::Dinas),
        )
        .await,
        "nama",
    );
    assert_eq!(
        s.units(i).await.expect("units").len(),
        9,
        "failed additions leave nothing"
    );

    // Another instansi may reuse the code but not hang a unit below ours.
    let j = instansi(s, "PDG").await;
    assert_invalid(
        s.add_unit(
            j,
            &actor(),
            &new_unit(Some(dinkes), "ANAK", "Anak", JenisUnit::Bidang),
        )
        .await,
        "induk",
    );
    let dinkes_j = unit(s, j, None, "DINKES", "Dinas Kesehatan Padang").await;
    assert_not_found(s.unit(j, dinkes).await, "unit");
    let units_j: Vec<UnitId> = s
        .units(j)
        .await
        .expect("units")
        .iter()
        .map(|u| u.id)
        .collect();
    assert_eq!(units_j, [dinkes_j]);

    let actions = actions(s, i).await;
    assert_eq!(actions.iter().filter(|a| *a == "unit.tambah").count(), 9);
}

pub async fn jabatan_and_list(db: &TestDb) {
    let s = db.store();
    let i = instansi(s, "SWL").await;
    let dinkes = unit(s, i, None, "DINKES", "Dinas Kesehatan").await;
    let yan = unit(s, i, Some(dinkes), "YAN", "Bidang Pelayanan").await;
    let bkpsdm = unit(s, i, None, "BKPSDM", "Badan Kepegawaian").await;
    let struktural = |j| TingkatJabatan::struktural(j).expect("struktural");

    let new_kadis = NewJabatan {
        kode: "J-KADIS".into(),
        nama: "Kepala Dinas Kesehatan".into(),
        tingkat: struktural(JenisJabatan::JptPratama),
        unit: dinkes,
        kelas: Some(14),
    };
    let kadis = s.add_jabatan(i, &actor(), &new_kadis).await.expect("kadis");
    let perawat_tingkat = TingkatJabatan::fungsional(JenjangFungsional::AhliMuda);
    let perawat = s
        .add_jabatan(
            i,
            &actor(),
            &NewJabatan {
                kode: "J-PRW".into(),
                nama: "Perawat Ahli Muda".into(),
                tingkat: perawat_tingkat,
                unit: yan,
                kelas: None,
            },
        )
        .await
        .expect("perawat");
    let kabid = jabatan(
        s,
        i,
        "J-KABID",
        "Kepala Bidang Pelayanan",
        struktural(JenisJabatan::Administrator),
        yan,
    )
    .await;
    let analis = jabatan(
        s,
        i,
        "J-ANL",
        "Analis SDM Aparatur",
        TingkatJabatan::fungsional(JenjangFungsional::AhliPertama),
        bkpsdm,
    )
    .await;
    let adm = jabatan(
        s,
        i,
        "J-ADM",
        "Pengadministrasi Umum",
        struktural(JenisJabatan::Pelaksana),
        yan,
    )
    .await;

    assert_eq!(
        s.jabatan(i, perawat).await.expect("read"),
        Jabatan {
            id: perawat,
            kode: "J-PRW".into(),
            nama: "Perawat Ahli Muda".into(),
            tingkat: perawat_tingkat,
            unit: yan,
            kelas: None,
        }
    );
    assert_eq!(s.jabatan(i, kadis).await.expect("read").kelas, Some(14));
    assert_not_found(s.jabatan(i, JabatanId(9_999_999)).await, "jabatan");

    let mut bad = new_kadis.clone();
    bad.kode = "J-BARU".into();
    bad.kelas = Some(18);
    assert_invalid(s.add_jabatan(i, &actor(), &bad).await, "kelas");
    bad.kelas = Some(5);
    bad.unit = UnitId(9_999_999);
    assert_invalid(s.add_jabatan(i, &actor(), &bad).await, "unit");
    assert_conflict(s.add_jabatan(i, &actor(), &new_kadis).await, "J-KADIS");

    let ids = |rows: Vec<kompeten_store::JabatanRow>| -> Vec<JabatanId> {
        rows.into_iter().map(|r| r.jabatan.id).collect()
    };
    let all = s
        .list_jabatan(i, &JabatanQuery::default())
        .await
        .expect("list");
    assert_eq!(ids(all.clone()), [analis, kadis, kabid, adm, perawat]);
    assert_eq!(all[0].unit_nama, "Badan Kepegawaian");
    let q = |teks: Option<&str>, unit: Option<UnitId>, jenis: Option<JenisJabatan>| JabatanQuery {
        teks: teks.map(str::to_owned),
        unit,
        jenis,
    };
    let list =
        |query: JabatanQuery| async move { ids(s.list_jabatan(i, &query).await.expect("list")) };
    assert_eq!(list(q(Some("KEPALA"), None, None)).await, [kadis, kabid]);
    assert_eq!(list(q(Some("j-prw"), None, None)).await, [perawat]);
    assert_eq!(
        list(q(None, Some(dinkes), None)).await,
        [kadis, kabid, adm, perawat]
    );
    assert_eq!(list(q(None, Some(yan), None)).await, [kabid, adm, perawat]);
    assert_eq!(
        list(q(None, None, Some(JenisJabatan::Fungsional))).await,
        [analis, perawat]
    );
    assert_eq!(
        list(q(None, Some(yan), Some(JenisJabatan::Fungsional))).await,
        [perawat]
    );
    assert_eq!(
        list(q(Some("tidak ada"), None, None)).await,
        Vec::<JabatanId>::new()
    );

    // Counts beside each position: active holders and standard lines.
    let komp_a = kompetensi(s, i, "M.1", KelompokKompetensi::Manajerial).await;
    let komp_b = kompetensi(s, i, "M.2", KelompokKompetensi::Manajerial).await;
    s.set_standar(
        i,
        &actor(),
        perawat,
        &[
            StandarItem {
                kompetensi: komp_a,
                level: level(2),
                bobot: 1,
            },
            StandarItem {
                kompetensi: komp_b,
                level: level(3),
                bobot: 2,
            },
        ],
    )
    .await
    .expect("standar");
    s.add_pegawai(
        i,
        &actor(),
        &[
            new_pegawai(nip_pns(1), "Aktif", yan, Some(perawat), true),
            new_pegawai(nip_pns(2), "Pensiun", yan, Some(perawat), false),
            new_pegawai(nip_pns(3), "Kabid", yan, Some(kabid), true),
        ],
    )
    .await
    .expect("pegawai");
    let rows = s
        .list_jabatan(i, &JabatanQuery::default())
        .await
        .expect("list");
    let counts: Vec<(JabatanId, u64, u64)> = rows
        .iter()
        .map(|r| (r.jabatan.id, r.jumlah_pegawai, r.jumlah_standar))
        .collect();
    assert_eq!(
        counts,
        [
            (analis, 0, 0),
            (kadis, 0, 0),
            (kabid, 1, 0),
            (adm, 0, 0),
            (perawat, 1, 2)
        ]
    );

    // Another instansi sees none of it.
    let j = instansi(s, "PDG").await;
    assert!(
        s.list_jabatan(j, &JabatanQuery::default())
            .await
            .expect("list")
            .is_empty()
    );
    assert_not_found(
        s.list_jabatan(j, &q(None, Some(dinkes), None)).await,
        "unit",
    );
    assert_not_found(s.jabatan(j, kadis).await, "jabatan");
    assert_eq!(
        actions(s, i)
            .await
            .iter()
            .filter(|a| *a == "jabatan.tambah")
            .count(),
        5
    );
}

pub async fn kompetensi_dictionary(db: &TestDb) {
    let s = db.store();
    let i = instansi(s, "SWL").await;
    use KelompokKompetensi::{Manajerial, SosialKultural, Teknis};
    let t10 = kompetensi(s, i, "T.10", Teknis).await;
    let m2 = kompetensi(s, i, "M.2", Manajerial).await;
    let sk1 = kompetensi(s, i, "SK.1", SosialKultural).await;
    let m10 = kompetensi(s, i, "M.10", Manajerial).await;
    let t2 = kompetensi(s, i, "T.2", Teknis).await;
    let m1 = kompetensi(s, i, "M.1", Manajerial).await;

    let order: Vec<KompetensiId> = s
        .list_kompetensi(i)
        .await
        .expect("list")
        .iter()
        .map(|k| k.id)
        .collect();
    assert_eq!(order, [m1, m2, m10, sk1, t2, t10]);

    let expected = new_kompetensi("T.10", Teknis);
    let read = s.kompetensi(i, t10).await.expect("read");
    assert_eq!(read.id, t10);
    assert_eq!(read.kode, expected.kode);
    assert_eq!(read.kelompok, Teknis);
    assert_eq!(read.bidang.as_deref(), Some("Kesehatan"));
    assert_eq!(read.nama, expected.nama);
    assert_eq!(read.definisi, expected.definisi);
    assert_eq!(
        read.level, expected.level,
        "levels and indicators keep their order"
    );
    assert_eq!(read.level[2].indikator, ["3.z pertama", "3.a kedua"]);
    assert_eq!(s.kompetensi(i, m1).await.expect("read").bidang, None);
    assert_not_found(s.kompetensi(i, KompetensiId(9_999_999)).await, "kompetensi");

    let mut four = new_kompetensi("M.9", Manajerial);
    four.level.pop();
    assert_invalid(s.add_kompetensi(i, &actor(), &four).await, "5 levels");
    let mut swapped = new_kompetensi("M.9", Manajerial);
    swapped.level.swap(1, 2);
    assert_invalid(s.add_kompetensi(i, &actor(), &swapped).await, "in order");
    let mut blank = new_kompetensi("M.9", Manajerial);
    blank.nama = String::new();
    assert_invalid(s.add_kompetensi(i, &actor(), &blank).await, "nama");
    assert_conflict(
        s.add_kompetensi(i, &actor(), &new_kompetensi("M.2", Manajerial))
            .await,
        "M.2",
    );
    assert_eq!(s.list_kompetensi(i).await.expect("list").len(), 6);

    let j = instansi(s, "PDG").await;
    assert!(s.list_kompetensi(j).await.expect("list").is_empty());
    assert_not_found(s.kompetensi(j, m1).await, "kompetensi");
    // The same code is free in another instansi.
    kompetensi(s, j, "M.1", Manajerial).await;
    assert_eq!(
        actions(s, i)
            .await
            .iter()
            .filter(|a| *a == "kompetensi.tambah")
            .count(),
        6
    );
}

pub async fn standar_replace(db: &TestDb) {
    let s = db.store();
    let i = instansi(s, "SWL").await;
    let opd = unit(s, i, None, "DINKES", "Dinas Kesehatan").await;
    let jab = jabatan(
        s,
        i,
        "J-1",
        "Perawat",
        TingkatJabatan::fungsional(JenjangFungsional::AhliMuda),
        opd,
    )
    .await;
    let t1 = kompetensi(s, i, "T.1", KelompokKompetensi::Teknis).await;
    let m2 = kompetensi(s, i, "M.2", KelompokKompetensi::Manajerial).await;
    let m1 = kompetensi(s, i, "M.1", KelompokKompetensi::Manajerial).await;
    let item = |kompetensi, l, bobot| StandarItem {
        kompetensi,
        level: level(l),
        bobot,
    };

    assert!(s.standar(i, jab).await.expect("empty standar").is_empty());
    s.set_standar(i, &actor(), jab, &[item(t1, 3, 2), item(m1, 2, 1)])
        .await
        .expect("set");
    let st = s.standar(i, jab).await.expect("read");
    let lines: Vec<(KompetensiId, u8, u32)> = st
        .iter()
        .map(|e| (e.kompetensi, e.level.get(), e.bobot))
        .collect();
    assert_eq!(lines, [(m1, 2, 1), (t1, 3, 2)]);
    assert_eq!(st[1].kode, "T.1");
    assert_eq!(st[1].nama, "Kompetensi T.1");
    assert_eq!(st[1].kelompok, KelompokKompetensi::Teknis);

    s.set_standar(i, &actor(), jab, &[item(m2, 4, 3)])
        .await
        .expect("replace");
    let only_m2 = |st: Vec<kompeten_store::StandarEntry>| {
        st.iter()
            .map(|e| (e.kompetensi, e.level.get(), e.bobot))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        only_m2(s.standar(i, jab).await.expect("read")),
        [(m2, 4, 3)]
    );

    assert_invalid(
        s.set_standar(i, &actor(), jab, &[item(m1, 2, 0)]).await,
        "bobot",
    );
    assert_invalid(
        s.set_standar(i, &actor(), jab, &[item(m1, 2, 1), item(m1, 3, 1)])
            .await,
        "twice",
    );
    let j = instansi(s, "PDG").await;
    let foreign = kompetensi(s, j, "M.1", KelompokKompetensi::Manajerial).await;
    assert_invalid(
        s.set_standar(i, &actor(), jab, &[item(m1, 2, 1), item(foreign, 2, 1)])
            .await,
        "does not exist",
    );
    assert_eq!(
        only_m2(s.standar(i, jab).await.expect("read")),
        [(m2, 4, 3)],
        "a refused standard changes nothing"
    );

    assert_not_found(
        s.set_standar(i, &actor(), JabatanId(9_999_999), &[]).await,
        "jabatan",
    );
    assert_not_found(s.standar(i, JabatanId(9_999_999)).await, "jabatan");
    assert_not_found(s.standar(j, jab).await, "jabatan");
    assert_not_found(
        s.set_standar(j, &actor(), jab, &[item(foreign, 1, 1)])
            .await,
        "jabatan",
    );

    s.set_standar(i, &actor(), jab, &[]).await.expect("clear");
    assert!(s.standar(i, jab).await.expect("read").is_empty());

    let log = s.audit_log(i, 100).await.expect("audit");
    let standar: Vec<_> = log.iter().filter(|e| e.action == "standar.ubah").collect();
    assert_eq!(standar.len(), 3);
    assert_eq!(standar[0].entity_id, Some(jab.0));
    assert_eq!(standar[0].detail["jumlah"], 0);
    assert_eq!(standar[2].detail["jumlah"], 2);
}
