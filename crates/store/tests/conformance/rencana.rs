//! Requested needs (usulan) and development plan versions with their
//! workflow.

use crate::fixture::*;
use crate::harness::TestDb;
use kompeten_domain::{
    BentukPengembangan, Jp, KelompokKompetensi, ModaPembelajaran, Rupiah, StatusRencana,
    StatusTinjauan, StatusUsulan, SumberUsulan,
};
use kompeten_store::{
    HasilRencana, InstansiId, JadwalProgram, KompetensiId, KompetensiProgram, Lingkup, NewProgram,
    NewRencana, NewUsulan, PegawaiId, PenugasanBaru, ProgramId, RencanaId, Store, StoreError,
    UbahPenugasan, UnitId, UsulanQuery,
};

struct Kota {
    i: InstansiId,
    dinkes: UnitId,
    dinkes_bidang: UnitId,
    dpmptsp: UnitId,
    /// Two in DINKES (one in its bidang), one in DPMPTSP.
    pegawai: [PegawaiId; 3],
    kompetensi: KompetensiId,
    program: [ProgramId; 2],
}

async fn kota(s: &dyn Store, kode: &str) -> Kota {
    let i = instansi(s, kode).await;
    let dinkes = unit(s, i, None, "DINKES", "Dinas Kesehatan").await;
    let dinkes_bidang = unit(s, i, Some(dinkes), "DINKES-P2P", "Bidang P2P").await;
    let dpmptsp = unit(s, i, None, "DPMPTSP", "Dinas Penanaman Modal dan PTSP").await;
    let ids = s
        .add_pegawai(
            i,
            &actor(),
            &[
                new_pegawai(nip_pns(1), "Ani", dinkes, None, true),
                new_pegawai(nip_pns(2), "Budi", dinkes_bidang, None, true),
                new_pegawai(nip_pns(3), "Citra", dpmptsp, None, true),
            ],
        )
        .await
        .expect("pegawai");
    let kompetensi = kompetensi(s, i, "T.01", KelompokKompetensi::Teknis).await;
    let mut program = Vec::new();
    for kode in ["P-01", "P-02"] {
        let id = s
            .add_program(
                i,
                &actor(),
                &NewProgram {
                    kode: kode.into(),
                    judul: format!("Program {kode}"),
                    penyelenggara: None,
                    bentuk: BentukPengembangan::Pelatihan,
                    jp: Jp(24),
                    biaya_per_peserta: Rupiah(2_000_000),
                    biaya_per_angkatan: None,
                    ukuran_angkatan: None,
                    maks_angkatan: None,
                    moda: ModaPembelajaran::Luring,
                    kompetensi: vec![KompetensiProgram {
                        kompetensi,
                        naik_level: 1,
                    }],
                    terbuka_untuk_semua: false,
                    jenis_jabatan: vec![],
                    unit: vec![],
                    jadwal: JadwalProgram::SepanjangTahun,
                    aktif: true,
                },
            )
            .await
            .expect("program");
        program.push(id);
    }
    Kota {
        i,
        dinkes,
        dinkes_bidang,
        dpmptsp,
        pegawai: [ids[0], ids[1], ids[2]],
        kompetensi,
        program: [program[0], program[1]],
    }
}

fn usulan(k: &Kota, pegawai: PegawaiId, sumber: SumberUsulan) -> NewUsulan {
    NewUsulan {
        pegawai,
        tahun: 2027,
        kompetensi: k.kompetensi,
        naik_level: 2,
        program: Some(k.program[0]),
        alasan: "  Layanan perizinan daring  ".into(),
        sumber,
    }
}

pub async fn usulan_flow(db: &TestDb) {
    let s = db.store();
    let k = kota(s, "SWL").await;
    let i = k.i;

    // An employee's own request waits; the head's is approved on entry.
    let sendiri = s
        .add_usulan(
            i,
            &actor(),
            &usulan(&k, k.pegawai[0], SumberUsulan::Pegawai),
        )
        .await
        .expect("own request");
    let atasan = s
        .add_usulan(i, &actor(), &usulan(&k, k.pegawai[2], SumberUsulan::Atasan))
        .await
        .expect("head's request");
    let read = s.usulan(i, sendiri).await.expect("read");
    assert_eq!(read.status, StatusUsulan::Diajukan);
    assert_eq!(read.alasan, "Layanan perizinan daring", "trimmed");
    assert_eq!(read.nama_pegawai, "Ani");
    assert_eq!(read.opd, k.dinkes);
    assert_eq!(read.kompetensi_kode, "T.01");
    assert_eq!(read.program_kode.as_deref(), Some("P-01"));
    assert_eq!(read.diputus_oleh, None);
    let read = s.usulan(i, atasan).await.expect("read");
    assert_eq!(read.status, StatusUsulan::Disetujui);
    assert!(read.diputus_pada.is_some(), "decided when made");
    let entry = s.audit_log(i, 1).await.expect("audit").remove(0);
    assert_eq!(entry.action, "usulan.tambah");
    assert_eq!(entry.detail["status"], "disetujui");

    // Bad input changes nothing.
    let before = actions(s, i).await.len();
    let mut bad = usulan(&k, k.pegawai[0], SumberUsulan::Pegawai);
    bad.naik_level = 0;
    assert_invalid(s.add_usulan(i, &actor(), &bad).await, "1 to 4 levels");
    let mut bad = usulan(&k, k.pegawai[0], SumberUsulan::Pegawai);
    bad.alasan = "   ".into();
    assert_invalid(s.add_usulan(i, &actor(), &bad).await, "alasan");
    let mut bad = usulan(&k, k.pegawai[0], SumberUsulan::Pegawai);
    bad.tahun = 1999;
    assert_invalid(s.add_usulan(i, &actor(), &bad).await, "1999");
    let mut bad = usulan(&k, PegawaiId(999_999), SumberUsulan::Pegawai);
    bad.program = None;
    assert_invalid(s.add_usulan(i, &actor(), &bad).await, "does not exist");
    assert_eq!(actions(s, i).await.len(), before);

    // Scopes and filters.
    let semua = |lingkup, status| UsulanQuery {
        lingkup,
        tahun: Some(2027),
        status,
    };
    let all = s
        .list_usulan(i, &semua(Lingkup::Instansi, None))
        .await
        .expect("list");
    assert_eq!(
        all.iter().map(|u| u.id).collect::<Vec<_>>(),
        [atasan, sendiri]
    );
    let dinkes = s
        .list_usulan(i, &semua(Lingkup::Unit(k.dinkes), None))
        .await
        .expect("list");
    assert_eq!(dinkes.iter().map(|u| u.id).collect::<Vec<_>>(), [sendiri]);
    let menunggu = s
        .list_usulan(i, &semua(Lingkup::Instansi, Some(StatusUsulan::Diajukan)))
        .await
        .expect("list");
    assert_eq!(menunggu.len(), 1);
    let lain_tahun = s
        .list_usulan(
            i,
            &UsulanQuery {
                lingkup: Lingkup::Instansi,
                tahun: Some(2026),
                status: None,
            },
        )
        .await
        .expect("list");
    assert!(lain_tahun.is_empty());
    assert!(
        s.list_usulan(i, &semua(Lingkup::Kosong, None))
            .await
            .expect("list")
            .is_empty()
    );

    // A waiting request is decided once.
    s.putus_usulan(
        i,
        &actor(),
        sendiri,
        StatusUsulan::Disetujui,
        Some(" sesuai kebutuhan "),
    )
    .await
    .expect("approve");
    let read = s.usulan(i, sendiri).await.expect("read");
    assert_eq!(read.status, StatusUsulan::Disetujui);
    assert_eq!(read.catatan_putusan.as_deref(), Some("sesuai kebutuhan"));
    assert_eq!(read.diputus_oleh.as_deref(), Some(actor().label.as_str()));
    assert_invalid(
        s.putus_usulan(i, &actor(), sendiri, StatusUsulan::Ditolak, None)
            .await,
        "already decided",
    );
    assert_invalid(
        s.putus_usulan(i, &actor(), atasan, StatusUsulan::Diajukan, None)
            .await,
        "back to waiting",
    );
    assert_not_found(
        s.putus_usulan(
            i,
            &actor(),
            kompeten_store::UsulanId(9_999),
            StatusUsulan::Ditolak,
            None,
        )
        .await,
        "usulan",
    );

    // Another instansi sees none of it.
    let lain = kota(s, "LAIN").await;
    assert_not_found(s.usulan(lain.i, sendiri).await, "usulan");
    assert!(
        s.list_usulan(lain.i, &semua(Lingkup::Instansi, None))
            .await
            .expect("list")
            .is_empty()
    );
    assert_not_found(
        s.putus_usulan(lain.i, &actor(), atasan, StatusUsulan::Ditolak, None)
            .await,
        "usulan",
    );
}

fn hasil(nilai: f64, biaya: i64) -> HasilRencana {
    HasilRencana {
        nilai,
        batas: 10.0,
        biaya,
    }
}

fn rencana_baru(k: &Kota, basis: Option<RencanaId>) -> NewRencana {
    NewRencana {
        tahun: 2027,
        nama: " Rencana 2027 ".into(),
        anggaran: 10_000_000,
        masalah: serde_json::json!({ "format": "kompeten.plan-problem/v1", "budget": 10000000 }),
        skenario: Some(serde_json::json!([{ "percent": 100 }])),
        hasil: hasil(4.5, 6_000_000),
        penugasan: vec![
            PenugasanBaru {
                pegawai: k.pegawai[0],
                program: k.program[0],
                manual: false,
            },
            PenugasanBaru {
                pegawai: k.pegawai[1],
                program: k.program[0],
                manual: false,
            },
            PenugasanBaru {
                pegawai: k.pegawai[2],
                program: k.program[1],
                manual: false,
            },
        ],
        basis,
    }
}

pub async fn rencana_workflow(db: &TestDb) {
    let s = db.store();
    let k = kota(s, "SWL").await;
    let i = k.i;
    let revisi_data = s.revisi_data(i).await.expect("revisi");
    let id = s
        .create_rencana(i, &actor(), &rencana_baru(&k, None))
        .await
        .expect("create");
    assert_eq!(
        s.revisi_data(i).await.expect("revisi"),
        revisi_data,
        "a plan is not data the analytics read"
    );
    let r = s.rencana(i, id).await.expect("read");
    assert_eq!((r.tahun, r.versi), (2027, 1));
    assert_eq!(r.nama, "Rencana 2027");
    assert_eq!(r.status, StatusRencana::Draf);
    assert_eq!(r.hasil, hasil(4.5, 6_000_000));
    assert_eq!(r.jumlah_penugasan, 3);
    assert_eq!(r.revisi, 1);
    assert!(r.tinjauan.is_empty());
    let dokumen = s.dokumen_rencana(i, id).await.expect("dokumen");
    assert_eq!(dokumen.masalah["budget"], 10_000_000);
    assert_eq!(dokumen.skenario.expect("scenarios")[0]["percent"], 100);
    let entry = s.audit_log(i, 1).await.expect("audit").remove(0);
    assert_eq!(entry.action, "rencana.buat");
    assert_eq!(entry.detail["penugasan"], 3);

    // Assignments by scope, in OPD order.
    let all = s
        .penugasan_rencana(i, id, Lingkup::Instansi)
        .await
        .expect("assignments");
    assert_eq!(
        all.iter()
            .map(|p| p.nama_pegawai.as_str())
            .collect::<Vec<_>>(),
        ["Ani", "Budi", "Citra"]
    );
    assert_eq!(all[1].opd, k.dinkes);
    assert_eq!(all[1].unit, k.dinkes_bidang);
    assert_eq!(all[2].program_kode, "P-02");
    let dinkes = s
        .penugasan_rencana(i, id, Lingkup::Unit(k.dinkes))
        .await
        .expect("assignments");
    assert_eq!(dinkes.len(), 2);
    let sendiri = s
        .penugasan_rencana(i, id, Lingkup::Pegawai(k.pegawai[2]))
        .await
        .expect("assignments");
    assert_eq!(sendiri.len(), 1);

    // Edits of a draft: on the current revision only.
    let ubah = UbahPenugasan {
        revisi: 1,
        tambah: vec![PenugasanBaru {
            pegawai: k.pegawai[0],
            program: k.program[1],
            manual: true,
        }],
        hapus: vec![(k.pegawai[1], k.program[0])],
        hasil: hasil(5.0, 6_000_000),
    };
    assert_eq!(
        s.ubah_penugasan(i, &actor(), id, &ubah)
            .await
            .expect("edit"),
        2
    );
    let r = s.rencana(i, id).await.expect("read");
    assert_eq!((r.revisi, r.hasil.nilai, r.jumlah_penugasan), (2, 5.0, 3));
    let all = s
        .penugasan_rencana(i, id, Lingkup::Instansi)
        .await
        .expect("assignments");
    assert!(
        all.iter()
            .any(|p| p.manual && p.program == k.program[1] && p.pegawai == k.pegawai[0])
    );
    assert!(!all.iter().any(|p| p.pegawai == k.pegawai[1]));
    let before = actions(s, i).await.len();
    assert_conflict(s.ubah_penugasan(i, &actor(), id, &ubah).await, "changed");
    // A duplicate assignment is refused whole: the revision stays.
    let dobel = UbahPenugasan {
        revisi: 2,
        ..ubah.clone()
    };
    assert!(s.ubah_penugasan(i, &actor(), id, &dobel).await.is_err());
    assert_eq!(s.rencana(i, id).await.expect("read").revisi, 2);
    assert_eq!(actions(s, i).await.len(), before);

    // Review by OPD, then approval.
    assert_invalid(
        s.ubah_status_rencana(
            i,
            &actor(),
            id,
            StatusRencana::Draf,
            StatusRencana::Disetujui,
        )
        .await,
        "does not move",
    );
    assert_invalid(
        s.tinjau_rencana(i, &actor(), id, k.dinkes, StatusTinjauan::Sesuai, None)
            .await,
        "under review",
    );
    s.ubah_status_rencana(
        i,
        &actor(),
        id,
        StatusRencana::Draf,
        StatusRencana::Ditinjau,
    )
    .await
    .expect("submit");
    let edit_locked = UbahPenugasan {
        revisi: 2,
        tambah: vec![],
        hapus: vec![(k.pegawai[0], k.program[0])],
        hasil: hasil(4.0, 4_000_000),
    };
    assert_invalid(
        s.ubah_penugasan(i, &actor(), id, &edit_locked).await,
        "only a draft",
    );
    assert_invalid(
        s.ubah_status_rencana(
            i,
            &actor(),
            id,
            StatusRencana::Draf,
            StatusRencana::Ditinjau,
        )
        .await,
        "not draf",
    );
    s.tinjau_rencana(
        i,
        &actor(),
        id,
        k.dinkes,
        StatusTinjauan::Sesuai,
        Some("ok"),
    )
    .await
    .expect("review");
    assert_not_found(
        s.tinjau_rencana(
            i,
            &actor(),
            id,
            k.dinkes_bidang,
            StatusTinjauan::Sesuai,
            None,
        )
        .await,
        "OPD",
    );
    assert_invalid(
        s.ubah_status_rencana(
            i,
            &actor(),
            id,
            StatusRencana::Ditinjau,
            StatusRencana::Disetujui,
        )
        .await,
        "1 OPD",
    );
    s.tinjau_rencana(
        i,
        &actor(),
        id,
        k.dpmptsp,
        StatusTinjauan::PerluPerbaikan,
        Some("tambah peserta"),
    )
    .await
    .expect("review");
    assert_invalid(
        s.ubah_status_rencana(
            i,
            &actor(),
            id,
            StatusRencana::Ditinjau,
            StatusRencana::Disetujui,
        )
        .await,
        "1 OPD",
    );
    // A review is replaced, not added.
    s.tinjau_rencana(i, &actor(), id, k.dpmptsp, StatusTinjauan::Sesuai, None)
        .await
        .expect("review again");
    let r = s.rencana(i, id).await.expect("read");
    assert_eq!(r.tinjauan.len(), 2);
    assert!(
        r.tinjauan
            .iter()
            .all(|t| t.status == StatusTinjauan::Sesuai)
    );
    s.ubah_status_rencana(
        i,
        &actor(),
        id,
        StatusRencana::Ditinjau,
        StatusRencana::Disetujui,
    )
    .await
    .expect("approve");
    let r = s.rencana(i, id).await.expect("read");
    assert_eq!(r.status, StatusRencana::Disetujui);
    assert_eq!(r.disetujui_oleh.as_deref(), Some(actor().label.as_str()));
    assert!(r.disetujui_pada.is_some());
    assert_invalid(
        s.ubah_status_rencana(
            i,
            &actor(),
            id,
            StatusRencana::Disetujui,
            StatusRencana::Draf,
        )
        .await,
        "does not move",
    );

    // A new version from the approved one; approving it replaces the first.
    let mut baru = rencana_baru(&k, Some(id));
    baru.penugasan.truncate(1);
    let id2 = s
        .create_rencana(i, &actor(), &baru)
        .await
        .expect("version 2");
    let r2 = s.rencana(i, id2).await.expect("read");
    assert_eq!((r2.versi, r2.basis), (2, Some(id)));
    s.ubah_status_rencana(
        i,
        &actor(),
        id2,
        StatusRencana::Draf,
        StatusRencana::Ditinjau,
    )
    .await
    .expect("submit");
    // Back to draft clears the reviews.
    s.tinjau_rencana(i, &actor(), id2, k.dinkes, StatusTinjauan::Sesuai, None)
        .await
        .expect("review");
    s.ubah_status_rencana(
        i,
        &actor(),
        id2,
        StatusRencana::Ditinjau,
        StatusRencana::Draf,
    )
    .await
    .expect("back");
    assert!(s.rencana(i, id2).await.expect("read").tinjauan.is_empty());
    s.ubah_status_rencana(
        i,
        &actor(),
        id2,
        StatusRencana::Draf,
        StatusRencana::Ditinjau,
    )
    .await
    .expect("submit again");
    s.tinjau_rencana(i, &actor(), id2, k.dinkes, StatusTinjauan::Sesuai, None)
        .await
        .expect("review");
    s.ubah_status_rencana(
        i,
        &actor(),
        id2,
        StatusRencana::Ditinjau,
        StatusRencana::Disetujui,
    )
    .await
    .expect("approve v2");
    assert_eq!(
        s.rencana(i, id).await.expect("read").status,
        StatusRencana::Diganti
    );
    let list = s.list_rencana(i, Some(2027)).await.expect("list");
    assert_eq!(list.iter().map(|r| r.versi).collect::<Vec<_>>(), [2, 1]);
    assert!(
        s.list_rencana(i, Some(2026))
            .await
            .expect("list")
            .is_empty()
    );
    let log = actions(s, i).await;
    for action in [
        "rencana.buat",
        "rencana.ubah",
        "rencana.status",
        "rencana.tinjau",
    ] {
        assert!(log.iter().any(|a| a == action), "{action} audited");
    }

    // Another instansi sees none of it and cannot touch it.
    let lain = kota(s, "LAIN").await;
    assert_not_found(s.rencana(lain.i, id).await, "rencana");
    assert_not_found(s.dokumen_rencana(lain.i, id).await, "rencana");
    assert!(s.list_rencana(lain.i, None).await.expect("list").is_empty());
    assert!(
        s.penugasan_rencana(lain.i, id, Lingkup::Instansi)
            .await
            .expect("assignments")
            .is_empty()
    );
    assert_not_found(
        s.ubah_status_rencana(
            lain.i,
            &actor(),
            id2,
            StatusRencana::Draf,
            StatusRencana::Ditinjau,
        )
        .await,
        "rencana",
    );
    // Nor reference another's records in its own plan.
    let mut asing = rencana_baru(&lain, None);
    asing.penugasan[0].pegawai = k.pegawai[0];
    assert!(matches!(
        s.create_rencana(lain.i, &actor(), &asing).await,
        Err(StoreError::Invalid(_))
    ));
    assert!(s.list_rencana(lain.i, None).await.expect("list").is_empty());
    let mut asing = rencana_baru(&lain, Some(id));
    asing.penugasan.clear();
    assert!(matches!(
        s.create_rencana(lain.i, &actor(), &asing).await,
        Err(StoreError::Invalid(_))
    ));
}
