//! The compact rows the gap analytics read (`data_kesenjangan`).

use crate::fixture::*;
use crate::harness::TestDb;
use kompeten_domain::{
    JenisJabatan, JenjangFungsional, KelompokKompetensi, StatusAsn, TingkatJabatan,
};
use kompeten_store::{
    DataKesenjangan, JabatanAnalitik, PegawaiAnalitik, PenilaianAnalitik, StandarItem,
};

pub async fn data_kesenjangan(db: &TestDb) {
    let s = db.store();
    let a = instansi(s, "A").await;
    let b = instansi(s, "B").await;

    // An empty instansi gives empty rows, not an error.
    assert_eq!(
        s.data_kesenjangan(a).await.expect("empty"),
        DataKesenjangan::default()
    );

    let opd = unit(s, a, None, "OPD", "Dinas").await;
    let bidang = unit(s, a, Some(opd), "BID", "Bidang").await;
    let teknis = kompetensi(s, a, "T.1", KelompokKompetensi::Teknis).await;
    let integritas = kompetensi(s, a, "M.1", KelompokKompetensi::Manajerial).await;
    let kabid = jabatan(
        s,
        a,
        "J1",
        "Kepala Bidang",
        TingkatJabatan::struktural(JenisJabatan::Administrator).expect("structural"),
        bidang,
    )
    .await;
    let tanpa_standar = jabatan(
        s,
        a,
        "J2",
        "Analis",
        TingkatJabatan::fungsional(JenjangFungsional::AhliMuda),
        bidang,
    )
    .await;
    let std = |k, l, bobot| StandarItem {
        kompetensi: k,
        level: level(l),
        bobot,
    };
    s.set_standar(
        a,
        &actor(),
        kabid,
        &[std(teknis, 4, 3), std(integritas, 3, 1)],
    )
    .await
    .expect("standar");
    let ids = s
        .add_pegawai(
            a,
            &actor(),
            &[
                new_pegawai(nip_pns(1), "Satu", bidang, Some(kabid), true),
                new_pegawai(nip_pppk(2), "Dua", opd, None, false),
                new_pegawai(nip_pns(3), "Tiga", bidang, Some(tanpa_standar), true),
            ],
        )
        .await
        .expect("pegawai");
    let (p1, p2) = (ids[0], ids[1]);
    let pn = s
        .record_penilaian(
            a,
            &actor(),
            &[
                new_penilaian(p1, integritas, 2, date(2022, 1, 5), date(2025, 1, 4)),
                new_penilaian(p1, integritas, 3, date(2025, 2, 1), date(2028, 1, 31)),
                new_penilaian(p2, teknis, 5, date(2024, 6, 1), date(2027, 5, 31)),
                new_penilaian(p1, teknis, 1, date(2025, 2, 1), date(2028, 1, 31)),
            ],
        )
        .await
        .expect("penilaian");

    // Another instansi's rows never show.
    let ob = unit(s, b, None, "OPD", "Dinas B").await;
    let kb = kompetensi(s, b, "M.1", KelompokKompetensi::Manajerial).await;
    let pb = s
        .add_pegawai(b, &actor(), &[new_pegawai(nip_pns(9), "B", ob, None, true)])
        .await
        .expect("pegawai B")[0];
    s.record_penilaian(
        b,
        &actor(),
        &[new_penilaian(
            pb,
            kb,
            4,
            date(2025, 1, 1),
            date(2027, 12, 31),
        )],
    )
    .await
    .expect("penilaian B");

    let d = s.data_kesenjangan(a).await.expect("rows");
    let mut units = vec![opd, bidang];
    units.sort();
    assert_eq!(d.unit, units);

    let mut k: Vec<_> = d
        .kompetensi
        .iter()
        .map(|k| (k.id, k.kode.as_str(), k.nama.as_str(), k.kelompok))
        .collect();
    k.sort();
    let mut want_k = vec![
        (teknis, "T.1", "Kompetensi T.1", KelompokKompetensi::Teknis),
        (
            integritas,
            "M.1",
            "Kompetensi M.1",
            KelompokKompetensi::Manajerial,
        ),
    ];
    want_k.sort();
    assert_eq!(k, want_k);
    assert!(
        d.kompetensi.is_sorted_by_key(|k| k.id),
        "{:?}",
        d.kompetensi
    );

    let mut lines = vec![std(teknis, 4, 3), std(integritas, 3, 1)];
    lines.sort_by_key(|l| l.kompetensi);
    assert_eq!(
        d.jabatan,
        vec![
            JabatanAnalitik {
                id: kabid,
                tingkat: TingkatJabatan::struktural(JenisJabatan::Administrator)
                    .expect("structural"),
                standar: lines,
            },
            // Listed although it has no standard.
            JabatanAnalitik {
                id: tanpa_standar,
                tingkat: TingkatJabatan::fungsional(JenjangFungsional::AhliMuda),
                standar: Vec::new(),
            },
        ]
    );

    assert_eq!(
        d.pegawai,
        vec![
            PegawaiAnalitik {
                id: p1,
                unit: bidang,
                jabatan: Some(kabid),
                status: StatusAsn::Pns,
                aktif: true,
            },
            PegawaiAnalitik {
                id: p2,
                unit: opd,
                jabatan: None,
                status: StatusAsn::Pppk,
                aktif: false,
            },
            PegawaiAnalitik {
                id: ids[2],
                unit: bidang,
                jabatan: Some(tanpa_standar),
                status: StatusAsn::Pns,
                aktif: true,
            },
        ]
    );

    // By employee, competency, newest first.
    let row = |n: usize, p, k, l, t, u| PenilaianAnalitik {
        id: pn[n],
        pegawai: p,
        kompetensi: k,
        level: level(l),
        tanggal: t,
        berlaku_sampai: u,
    };
    let mut p1_rows = vec![
        row(3, p1, teknis, 1, date(2025, 2, 1), date(2028, 1, 31)),
        row(1, p1, integritas, 3, date(2025, 2, 1), date(2028, 1, 31)),
        row(0, p1, integritas, 2, date(2022, 1, 5), date(2025, 1, 4)),
    ];
    // Stable: keeps newest first within a competency.
    p1_rows.sort_by_key(|r| r.kompetensi);
    let mut want = p1_rows;
    want.push(row(2, p2, teknis, 5, date(2024, 6, 1), date(2027, 5, 31)));
    assert_eq!(d.penilaian, want);

    // Instansi B sees only its own.
    let db_b = s.data_kesenjangan(b).await.expect("rows B");
    assert_eq!(db_b.unit, vec![ob]);
    assert_eq!(db_b.pegawai.len(), 1);
    assert_eq!(db_b.penilaian.len(), 1);
    assert_eq!(db_b.penilaian[0].pegawai, pb);
    assert!(db_b.jabatan.is_empty());
}
