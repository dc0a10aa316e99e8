//! Master data (Data Induk) imported in one transaction.

use crate::fixture::*;
use crate::harness::TestDb;
use kompeten_domain::{
    JenisJabatan, JenisUnit, JenjangFungsional, KelompokKompetensi, Level, TingkatJabatan,
};
use kompeten_store::{
    Acuan, DataIndukBaru, HasilDataInduk, JabatanImpor, JabatanQuery, PegawaiImpor, StandarImpor,
    StandarImporBaris, StoreError, UnitImpor,
};

fn unit_impor(
    induk: Option<Acuan<kompeten_store::UnitId>>,
    kode: &str,
    jenis: JenisUnit,
) -> UnitImpor {
    UnitImpor {
        induk,
        kode: kode.into(),
        nama: format!("Unit {kode}"),
        jenis,
        urut: None,
    }
}

fn pegawai_impor(
    p: kompeten_store::NewPegawai,
    unit: Acuan<kompeten_store::UnitId>,
    jabatan: Option<Acuan<kompeten_store::JabatanId>>,
) -> PegawaiImpor {
    PegawaiImpor {
        nip: p.nip,
        nama: p.nama,
        gelar_depan: p.gelar_depan,
        gelar_belakang: p.gelar_belakang,
        golongan: p.golongan,
        jabatan,
        unit,
        pendidikan: p.pendidikan,
        aktif: p.aktif,
    }
}

pub async fn data_induk_import(db: &TestDb) {
    let s = db.store();
    let i = instansi(s, "SWL").await;
    let other = instansi(s, "PDG").await;
    // Stored before: one OPD and one competency the import refers to.
    let dinas = unit(s, i, None, "DKK", "Dinas Kesehatan").await;
    let stored_komp = kompetensi(s, i, "M.1", KelompokKompetensi::Manajerial).await;
    let revisi = s.revisi_data(i).await.expect("revisi");
    let fungsional = TingkatJabatan::new(
        JenisJabatan::Fungsional,
        Some(JenjangFungsional::AhliPertama),
    )
    .expect("tingkat");
    let pelaksana = TingkatJabatan::new(JenisJabatan::Pelaksana, None).expect("tingkat");

    let data = DataIndukBaru {
        kompetensi: vec![new_kompetensi("T.KES.1", KelompokKompetensi::Teknis)],
        unit: vec![
            unit_impor(Some(Acuan::Ada(dinas)), "PKM-1", JenisUnit::Puskesmas),
            unit_impor(None, "DISKOMINFO", JenisUnit::Dinas),
            unit_impor(Some(Acuan::Baru(1)), "DISKOMINFO-SPBE", JenisUnit::Bidang),
        ],
        jabatan: vec![
            JabatanImpor {
                kode: "J-DOKTER".into(),
                nama: "Dokter Ahli Pertama".into(),
                tingkat: fungsional,
                unit: Acuan::Baru(0),
                kelas: Some(9),
            },
            JabatanImpor {
                kode: "J-PRANATA".into(),
                nama: "Pengelola Layanan SPBE".into(),
                tingkat: pelaksana,
                unit: Acuan::Baru(2),
                kelas: None,
            },
        ],
        standar: vec![StandarImpor {
            jabatan: Acuan::Baru(0),
            baris: vec![
                StandarImporBaris {
                    kompetensi: Acuan::Ada(stored_komp),
                    level: level(2),
                    bobot: 1,
                },
                StandarImporBaris {
                    kompetensi: Acuan::Baru(0),
                    level: Level::ALL[2],
                    bobot: 3,
                },
            ],
        }],
        pegawai: vec![
            pegawai_impor(
                new_pegawai(nip_pns(1), "Rina", dinas, None, true),
                Acuan::Baru(0),
                Some(Acuan::Baru(0)),
            ),
            pegawai_impor(
                new_pegawai(nip_pppk(2), "Budi", dinas, None, true),
                Acuan::Baru(2),
                None,
            ),
        ],
    };
    let hasil = s
        .impor_data_induk(i, &actor(), &data)
        .await
        .expect("import");
    assert_eq!(
        hasil,
        HasilDataInduk {
            kompetensi: 1,
            unit: 3,
            jabatan: 2,
            standar: 1,
            pegawai: 2
        }
    );

    // The tree: the new puskesmas under the stored dinas, the bidang under the new OPD.
    let units = s.units(i).await.expect("units");
    let by_kode = |k: &str| units.iter().find(|u| u.kode == k).expect(k).clone();
    let pkm = by_kode("PKM-1");
    assert_eq!(pkm.induk, Some(dinas));
    assert_eq!(pkm.jalur, vec![dinas, pkm.id]);
    let opd = by_kode("DISKOMINFO");
    let spbe = by_kode("DISKOMINFO-SPBE");
    assert_eq!((opd.induk, spbe.induk), (None, Some(opd.id)));
    assert_eq!(spbe.jalur, vec![opd.id, spbe.id]);

    let jabatan = s
        .list_jabatan(i, &JabatanQuery::default())
        .await
        .expect("jabatan");
    let dokter = jabatan
        .iter()
        .find(|j| j.jabatan.kode == "J-DOKTER")
        .expect("dokter");
    assert_eq!(dokter.jabatan.unit, pkm.id);
    assert_eq!(dokter.jabatan.tingkat, fungsional);
    assert_eq!(dokter.jabatan.kelas, Some(9));
    let standar = s.standar(i, dokter.jabatan.id).await.expect("standar");
    let lines: Vec<(String, u8, u32)> = standar
        .iter()
        .map(|e| (e.kode.clone(), e.level.get(), e.bobot))
        .collect();
    assert_eq!(
        lines,
        [("M.1".to_owned(), 2, 1), ("T.KES.1".to_owned(), 3, 3)]
    );

    let rina = s
        .pegawai_by_nip(i, &nip_pns(1).to_string())
        .await
        .expect("read")
        .expect("rina");
    assert_eq!((rina.unit, rina.jabatan), (pkm.id, Some(dokter.jabatan.id)));
    let budi = s
        .pegawai_by_nip(i, &nip_pppk(2).to_string())
        .await
        .expect("read")
        .expect("budi");
    assert_eq!((budi.unit, budi.jabatan), (spbe.id, None));

    // Audited per kind, and the analytics see new data.
    let log = actions(s, i).await;
    for a in [
        "kompetensi.impor",
        "unit.impor",
        "jabatan.impor",
        "standar.impor",
        "pegawai.impor",
    ] {
        assert!(log.iter().any(|l| l == a), "{a} in {log:?}");
    }
    assert!(s.revisi_data(i).await.expect("revisi") > revisi);

    // All or nothing: a late error (a NIP already stored) leaves no unit behind.
    let units_before = s.units(i).await.expect("units").len();
    let log_before = actions(s, i).await.len();
    let bad = DataIndukBaru {
        unit: vec![unit_impor(None, "BAPPEDA", JenisUnit::Badan)],
        pegawai: vec![pegawai_impor(
            new_pegawai(nip_pns(1), "Rina lagi", dinas, None, true),
            Acuan::Baru(0),
            None,
        )],
        ..DataIndukBaru::default()
    };
    assert_conflict(
        s.impor_data_induk(i, &actor(), &bad).await,
        "already exists",
    );
    assert_eq!(s.units(i).await.expect("units").len(), units_before);
    assert_eq!(actions(s, i).await.len(), log_before);

    // A row may only point at an earlier row.
    let forward = DataIndukBaru {
        unit: vec![
            unit_impor(Some(Acuan::Baru(1)), "ANAK", JenisUnit::Bidang),
            unit_impor(None, "INDUK", JenisUnit::Badan),
        ],
        ..DataIndukBaru::default()
    };
    assert_invalid(
        s.impor_data_induk(i, &actor(), &forward).await,
        "does not come before",
    );
    // A stored code is refused, as is a unit of another instansi.
    let dup = DataIndukBaru {
        unit: vec![unit_impor(None, "DKK", JenisUnit::Dinas)],
        ..DataIndukBaru::default()
    };
    assert_conflict(s.impor_data_induk(i, &actor(), &dup).await, "DKK");
    let foreign = DataIndukBaru {
        unit: vec![unit_impor(
            Some(Acuan::Ada(dinas)),
            "ASING",
            JenisUnit::Bidang,
        )],
        ..DataIndukBaru::default()
    };
    assert!(matches!(
        s.impor_data_induk(other, &actor(), &foreign).await,
        Err(StoreError::Invalid(_))
    ));
    assert!(s.units(other).await.expect("units").is_empty());
    // The same position's standard twice.
    let twice = DataIndukBaru {
        standar: vec![
            StandarImpor {
                jabatan: Acuan::Ada(dokter.jabatan.id),
                baris: vec![],
            },
            StandarImpor {
                jabatan: Acuan::Ada(dokter.jabatan.id),
                baris: vec![],
            },
        ],
        ..DataIndukBaru::default()
    };
    assert_invalid(s.impor_data_induk(i, &actor(), &twice).await, "twice");
    assert_eq!(
        s.standar(i, dokter.jabatan.id)
            .await
            .expect("standar")
            .len(),
        2
    );
    assert_eq!(s.units(i).await.expect("units").len(), units_before);
}
