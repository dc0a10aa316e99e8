//! Partners (mitra) and the catalog of development programs.

use crate::fixture::*;
use crate::harness::TestDb;
use kompeten_domain::{
    BentukPengembangan, JenisJabatan, JenisKerjaSama, JenisMitra, Jp, KelompokKompetensi,
    ModaPembelajaran, Rupiah,
};
use kompeten_store::{
    InstansiId, JadwalProgram, KerjaSama, KompetensiId, KompetensiProgram, KontakMitra, MitraId,
    NewMitra, NewProgram, ProgramQuery, Store, UnitId,
};

fn kontak(nama: &str, email: Option<&str>) -> KontakMitra {
    KontakMitra {
        nama: nama.into(),
        jabatan: Some("Kepala Kantor Kerja Sama".into()),
        email: email.map(Into::into),
        telepon: Some("0751-000000".into()),
    }
}

fn kerja_sama(nomor: &str, mulai: (i32, u8, u8), berakhir: (i32, u8, u8)) -> KerjaSama {
    KerjaSama {
        jenis: JenisKerjaSama::Pks,
        nomor: nomor.into(),
        ruang_lingkup: "Pelatihan ASN".into(),
        tanggal_mulai: date(mulai.0, mulai.1, mulai.2),
        tanggal_berakhir: date(berakhir.0, berakhir.1, berakhir.2),
    }
}

fn new_mitra(kode: &str, nama: &str) -> NewMitra {
    NewMitra {
        kode: kode.into(),
        nama: nama.into(),
        jenis: JenisMitra::PerguruanTinggi,
        alamat: Some("Jl. Contoh No. 1".into()),
        kota: Some("Padang".into()),
        website: None,
        kontak: vec![],
        kerja_sama: vec![],
    }
}

fn new_program(kode: &str, kompetensi: &[(KompetensiId, u8)]) -> NewProgram {
    NewProgram {
        kode: kode.into(),
        judul: format!("Program {kode}"),
        penyelenggara: None,
        bentuk: BentukPengembangan::Pelatihan,
        jp: Jp(24),
        biaya_per_peserta: Rupiah(3_500_000),
        biaya_per_angkatan: None,
        ukuran_angkatan: None,
        maks_angkatan: None,
        moda: ModaPembelajaran::Luring,
        kompetensi: kompetensi
            .iter()
            .map(|(k, n)| KompetensiProgram {
                kompetensi: *k,
                naik_level: *n,
            })
            .collect(),
        terbuka_untuk_semua: false,
        jenis_jabatan: vec![],
        unit: vec![],
        jadwal: JadwalProgram::SepanjangTahun,
        aktif: true,
    }
}

/// Everything a refused write must leave as it was.
async fn snapshot(s: &dyn Store, i: InstansiId) -> (usize, String, String, i64) {
    let mitra = s.list_mitra(i).await.expect("list mitra");
    let program = s
        .list_program(i, &ProgramQuery::default())
        .await
        .expect("list program");
    (
        actions(s, i).await.len(),
        format!("{mitra:?}"),
        format!("{program:?}"),
        s.revisi_data(i).await.expect("revisi"),
    )
}

pub async fn mitra_round_trip(db: &TestDb) {
    let s = db.store();
    let i = instansi(s, "SWL").await;
    let mut unand = new_mitra("  UNAND ", " Universitas Andalas ");
    unand.website = Some(" ".into());
    unand.kontak = vec![
        kontak(" Rina Yuliani ", Some(" rina@unand.example ")),
        kontak("Budi", None),
    ];
    unand.kerja_sama = vec![
        kerja_sama("MoU/01/2019", (2019, 3, 11), (2024, 3, 10)),
        kerja_sama("PKS/07/2025", (2025, 1, 2), (2026, 7, 1)),
    ];
    unand.kerja_sama[0].jenis = JenisKerjaSama::Mou;
    let revisi = s.revisi_data(i).await.expect("revisi");
    let id = s.add_mitra(i, &actor(), &unand).await.expect("add mitra");
    assert!(s.revisi_data(i).await.expect("revisi") > revisi);

    let read = s.mitra(i, id).await.expect("read mitra");
    assert_eq!(read.id, id);
    assert_eq!(read.kode, "UNAND");
    assert_eq!(read.nama, "Universitas Andalas");
    assert_eq!(read.jenis, JenisMitra::PerguruanTinggi);
    assert_eq!(read.website, None, "blank becomes none");
    assert_eq!(read.kota.as_deref(), Some("Padang"));
    assert_eq!(read.kontak.len(), 2);
    assert_eq!(
        read.kontak[0].nama, "Rina Yuliani",
        "kept in the given order"
    );
    assert_eq!(read.kontak[0].email.as_deref(), Some("rina@unand.example"));
    assert_eq!(read.kontak[1].nama, "Budi");
    assert_eq!(read.kontak[1].email, None);
    assert_eq!(read.kerja_sama[0].jenis, JenisKerjaSama::Mou);
    assert_eq!(read.kerja_sama[0].tanggal_mulai, date(2019, 3, 11));
    assert_eq!(read.kerja_sama[1].nomor, "PKS/07/2025");
    assert_eq!(read.kerja_sama[1].tanggal_berakhir, date(2026, 7, 1));
    let entry = s.audit_log(i, 1).await.expect("audit").remove(0);
    assert_eq!(entry.action, "mitra.tambah");
    assert_eq!(entry.entity, "mitra");
    assert_eq!(entry.entity_id, Some(id.0));
    assert_eq!(entry.detail["kode"], "UNAND");
    assert_eq!(entry.detail["kerja_sama"], 2);

    // A second partner without contacts; the list is by name.
    let mut bpsdm = new_mitra("BPSDM", "BPSDM Provinsi Sumatera Barat");
    bpsdm.jenis = JenisMitra::LembagaPemerintah;
    bpsdm.kerja_sama = vec![kerja_sama("PKS/BPSDM/1", (2024, 1, 1), (2026, 6, 15))];
    let bpsdm_id = s.add_mitra(i, &actor(), &bpsdm).await.expect("add bpsdm");
    let list = s.list_mitra(i).await.expect("list");
    assert_eq!(
        list.iter().map(|m| m.id).collect::<Vec<_>>(),
        [bpsdm_id, id]
    );
    assert!(list[0].kontak.is_empty());
    assert_eq!(list[1], read);

    // Agreements by end date, optionally only those ending by a day.
    let semua = s.list_kerja_sama(i, None).await.expect("agreements");
    let nomor: Vec<&str> = semua.iter().map(|k| k.kerja_sama.nomor.as_str()).collect();
    assert_eq!(nomor, ["MoU/01/2019", "PKS/BPSDM/1", "PKS/07/2025"]);
    assert_eq!(semua[1].mitra, bpsdm_id);
    assert_eq!(semua[1].mitra_nama, "BPSDM Provinsi Sumatera Barat");
    assert_eq!(semua[0].mitra_kode, "UNAND");
    let segera = s
        .list_kerja_sama(i, Some(date(2026, 6, 15)))
        .await
        .expect("agreements ending by a day");
    assert_eq!(segera.len(), 2, "the end day itself counts");

    // An edit replaces fields, contacts and agreements.
    let mut ubah = read.data();
    ubah.nama = "Universitas Andalas (UNAND)".into();
    ubah.kontak.remove(0);
    ubah.kerja_sama.truncate(1);
    s.update_mitra(i, &actor(), id, &ubah)
        .await
        .expect("update");
    let after = s.mitra(i, id).await.expect("read again");
    assert_eq!(after.nama, "Universitas Andalas (UNAND)");
    assert_eq!(after.kontak, vec![read.kontak[1].clone()]);
    assert_eq!(after.kerja_sama, vec![read.kerja_sama[0].clone()]);
    let entry = s.audit_log(i, 1).await.expect("audit").remove(0);
    assert_eq!(entry.action, "mitra.ubah");
    assert_eq!(entry.entity_id, Some(id.0));
    assert_eq!(entry.detail["sebelum"]["nama"], "Universitas Andalas");
    assert_eq!(
        entry.detail["sesudah"]["nama"],
        "Universitas Andalas (UNAND)"
    );
    assert!(entry.detail["sesudah"]["kontak"].is_array());
    assert!(
        entry.detail["sesudah"].get("kode").is_none(),
        "unchanged fields are left out: {}",
        entry.detail
    );
    assert_eq!(s.list_kerja_sama(i, None).await.expect("list").len(), 2);

    // Refusals change nothing.
    let before = snapshot(s, i).await;
    let mut bad = new_mitra(" ", "Kosong");
    assert_invalid(s.add_mitra(i, &actor(), &bad).await, "mitra kode");
    bad = new_mitra("X", "Surel salah");
    bad.kontak = vec![kontak("Ani", Some("ani at example"))];
    assert_invalid(s.add_mitra(i, &actor(), &bad).await, "e-mail");
    bad = new_mitra("X", "Tanggal terbalik");
    bad.kerja_sama = vec![kerja_sama("PKS/9", (2025, 1, 2), (2025, 1, 1))];
    assert_invalid(s.add_mitra(i, &actor(), &bad).await, "before it starts");
    bad = new_mitra("X", "Nomor ganda");
    bad.kerja_sama = vec![
        kerja_sama("PKS/9", (2025, 1, 1), (2025, 2, 1)),
        kerja_sama(" PKS/9 ", (2025, 1, 1), (2025, 2, 1)),
    ];
    assert_invalid(s.add_mitra(i, &actor(), &bad).await, "appears twice");
    bad = new_mitra("X", "Kontak tanpa nama");
    bad.kontak = vec![kontak(" ", None)];
    assert_invalid(s.add_mitra(i, &actor(), &bad).await, "contact 1 nama");
    assert_conflict(
        s.add_mitra(i, &actor(), &new_mitra(" BPSDM", "Lain")).await,
        "BPSDM",
    );
    let mut clash = after.data();
    clash.kode = "BPSDM".into();
    assert_conflict(s.update_mitra(i, &actor(), id, &clash).await, "BPSDM");
    let mut bad_edit = after.data();
    bad_edit.kerja_sama = vec![kerja_sama("PKS/9", (2025, 1, 2), (2025, 1, 1))];
    assert_invalid(
        s.update_mitra(i, &actor(), id, &bad_edit).await,
        "before it starts",
    );
    assert_not_found(
        s.update_mitra(i, &actor(), MitraId(999_999), &after.data())
            .await,
        "mitra",
    );
    assert_not_found(s.mitra(i, MitraId(999_999)).await, "mitra");
    assert_eq!(snapshot(s, i).await, before);
}

pub async fn program_round_trip(db: &TestDb) {
    let s = db.store();
    let i = instansi(s, "SWL").await;
    let opd = unit(s, i, None, "DISKOMINFO", "Dinas Kominfo").await;
    let bidang = unit(s, i, Some(opd), "APTIKA", "Bidang Aptika").await;
    let spbe = kompetensi(s, i, "T.SPBE.01", KelompokKompetensi::Teknis).await;
    let data = kompetensi(s, i, "T.SPBE.02", KelompokKompetensi::Teknis).await;
    let integritas = kompetensi(s, i, "M.01", KelompokKompetensi::Manajerial).await;
    let mut lan = new_mitra("LAN", "Lembaga Administrasi Negara");
    lan.jenis = JenisMitra::LembagaPemerintah;
    let lan = s.add_mitra(i, &actor(), &lan).await.expect("mitra");

    // An in-house workshop paid mostly per batch, for two units and two
    // position types given out of order and twice.
    let mut workshop = new_program(" WS-SPBE ", &[(data, 2), (spbe, 1)]);
    workshop.judul = " Workshop Arsitektur SPBE ".into();
    workshop.bentuk = BentukPengembangan::Workshop;
    workshop.biaya_per_peserta = Rupiah(450_000);
    workshop.biaya_per_angkatan = Some(Rupiah(18_000_000));
    workshop.ukuran_angkatan = Some(30);
    workshop.maks_angkatan = Some(2);
    workshop.jenis_jabatan = vec![
        JenisJabatan::Pelaksana,
        JenisJabatan::Administrator,
        JenisJabatan::Pelaksana,
    ];
    workshop.unit = vec![bidang, opd, bidang];
    workshop.jadwal = JadwalProgram::Periode {
        mulai: date(2026, 8, 3),
        selesai: date(2026, 8, 5),
    };
    let revisi = s.revisi_data(i).await.expect("revisi");
    let ws = s.add_program(i, &actor(), &workshop).await.expect("add");
    assert!(s.revisi_data(i).await.expect("revisi") > revisi);
    let read = s.program(i, ws).await.expect("read");
    assert_eq!(read.kode, "WS-SPBE");
    assert_eq!(read.judul, "Workshop Arsitektur SPBE");
    assert_eq!(read.penyelenggara, None);
    assert_eq!(read.penyelenggara_nama, None);
    assert_eq!(read.bentuk, BentukPengembangan::Workshop);
    assert_eq!(read.jp, Jp(24));
    assert_eq!(read.biaya_per_peserta, Rupiah(450_000));
    assert_eq!(read.biaya_per_angkatan, Some(Rupiah(18_000_000)));
    assert_eq!(read.ukuran_angkatan, Some(30));
    assert_eq!(read.maks_angkatan, Some(2));
    assert_eq!(read.moda, ModaPembelajaran::Luring);
    let naik: Vec<(KompetensiId, &str, u8)> = read
        .kompetensi
        .iter()
        .map(|k| (k.kompetensi, k.kode.as_str(), k.naik_level))
        .collect();
    assert_eq!(naik, [(spbe, "T.SPBE.01", 1), (data, "T.SPBE.02", 2)]);
    assert_eq!(read.kompetensi[0].nama, "Kompetensi T.SPBE.01");
    assert_eq!(
        read.jenis_jabatan,
        [JenisJabatan::Administrator, JenisJabatan::Pelaksana]
    );
    let mut units = vec![opd, bidang];
    units.sort();
    assert_eq!(read.unit, units);
    assert_eq!(read.jadwal, workshop.jadwal);
    assert!(read.aktif && !read.terbuka_untuk_semua);
    let entry = s.audit_log(i, 1).await.expect("audit").remove(0);
    assert_eq!(entry.action, "program.tambah");
    assert_eq!(entry.entity, "program_pengembangan");
    assert_eq!(entry.entity_id, Some(ws.0));
    assert_eq!(entry.detail["kode"], "WS-SPBE");

    // A free e-learning of a partner, open to all, raising nothing in particular.
    let mut mooc = new_program("EL-ANTIKORUPSI", &[]);
    mooc.penyelenggara = Some(lan);
    mooc.bentuk = BentukPengembangan::ELearning;
    mooc.jp = Jp(10);
    mooc.biaya_per_peserta = Rupiah(0);
    mooc.moda = ModaPembelajaran::Daring;
    mooc.terbuka_untuk_semua = true;
    let el = s.add_program(i, &actor(), &mooc).await.expect("add mooc");
    let read_el = s.program(i, el).await.expect("read mooc");
    assert_eq!(read_el.penyelenggara, Some(lan));
    assert_eq!(
        read_el.penyelenggara_nama.as_deref(),
        Some("Lembaga Administrasi Negara")
    );
    assert!(read_el.kompetensi.is_empty() && read_el.terbuka_untuk_semua);
    assert_eq!(read_el.jadwal, JadwalProgram::SepanjangTahun);
    assert!(read_el.jenis_jabatan.is_empty() && read_el.unit.is_empty());

    let mut kursus = new_program("KR-INTEGRITAS", &[(integritas, 1)]);
    kursus.bentuk = BentukPengembangan::Kursus;
    kursus.aktif = false;
    kursus.penyelenggara = Some(lan);
    let kr = s
        .add_program(i, &actor(), &kursus)
        .await
        .expect("add kursus");

    // Filters.
    let ids = |q: ProgramQuery| async move {
        s.list_program(i, &q)
            .await
            .expect("list")
            .into_iter()
            .map(|p| p.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(ProgramQuery::default()).await, [el, kr, ws], "by code");
    assert_eq!(
        ids(ProgramQuery {
            mitra: Some(lan),
            ..Default::default()
        })
        .await,
        [el, kr]
    );
    assert_eq!(
        ids(ProgramQuery {
            bentuk: Some(BentukPengembangan::Workshop),
            ..Default::default()
        })
        .await,
        [ws]
    );
    assert_eq!(
        ids(ProgramQuery {
            kompetensi: Some(data),
            ..Default::default()
        })
        .await,
        [ws]
    );
    assert_eq!(
        ids(ProgramQuery {
            aktif: Some(false),
            ..Default::default()
        })
        .await,
        [kr]
    );
    assert_eq!(
        ids(ProgramQuery {
            aktif: Some(true),
            mitra: Some(lan),
            ..Default::default()
        })
        .await,
        [el]
    );
    assert_eq!(
        ids(ProgramQuery {
            teks: Some("arsitektur".into()),
            ..Default::default()
        })
        .await,
        [ws]
    );
    assert_eq!(
        ids(ProgramQuery {
            teks: Some("%".into()),
            ..Default::default()
        })
        .await,
        Vec::<kompeten_store::ProgramId>::new(),
        "% matches itself"
    );
    let listed = s
        .list_program(i, &ProgramQuery::default())
        .await
        .expect("list");
    assert_eq!(listed[2], read, "the list carries the same records");

    // An edit replaces everything and audits what changed.
    let mut ubah = read.data();
    ubah.judul = "Workshop Arsitektur dan Data SPBE".into();
    ubah.kompetensi = vec![KompetensiProgram {
        kompetensi: data,
        naik_level: 3,
    }];
    ubah.unit = vec![];
    ubah.penyelenggara = Some(lan);
    s.update_program(i, &actor(), ws, &ubah)
        .await
        .expect("update");
    let after = s.program(i, ws).await.expect("read again");
    assert_eq!(after.judul, "Workshop Arsitektur dan Data SPBE");
    assert_eq!(after.kompetensi.len(), 1);
    assert_eq!(after.kompetensi[0].naik_level, 3);
    assert!(after.unit.is_empty());
    assert_eq!(after.penyelenggara, Some(lan));
    assert_eq!(after.jenis_jabatan, read.jenis_jabatan);
    let entry = s.audit_log(i, 1).await.expect("audit").remove(0);
    assert_eq!(entry.action, "program.ubah");
    assert_eq!(entry.entity_id, Some(ws.0));
    assert_eq!(entry.detail["kode"], "WS-SPBE");
    assert_eq!(entry.detail["sebelum"]["judul"], "Workshop Arsitektur SPBE");
    assert_eq!(entry.detail["sesudah"]["penyelenggara"], lan.0);
    assert!(entry.detail["sebelum"]["penyelenggara"].is_null());
    assert!(
        entry.detail["sesudah"].get("jp").is_none(),
        "unchanged fields are left out: {}",
        entry.detail
    );

    // Refusals change nothing.
    let before = snapshot(s, i).await;
    let cases: Vec<(NewProgram, &str)> = vec![
        (
            NewProgram {
                jp: Jp(0),
                ..new_program("B1", &[(spbe, 1)])
            },
            "jp must be at least 1",
        ),
        (
            NewProgram {
                ukuran_angkatan: Some(0),
                ..new_program("B2", &[(spbe, 1)])
            },
            "ukuran angkatan must be at least 1",
        ),
        (
            NewProgram {
                maks_angkatan: Some(0),
                ..new_program("B3", &[(spbe, 1)])
            },
            "maks angkatan must be at least 1",
        ),
        (new_program("B4", &[(spbe, 0)]), "must be 1 to 4"),
        (new_program("B5", &[(spbe, 5)]), "must be 1 to 4"),
        (new_program("B6", &[(spbe, 1), (spbe, 2)]), "appears twice"),
        (new_program("B7", &[]), "at least one competency"),
        (
            NewProgram {
                biaya_per_peserta: Rupiah(-1),
                ..new_program("B8", &[(spbe, 1)])
            },
            "must not be negative",
        ),
        (
            NewProgram {
                biaya_per_angkatan: Some(Rupiah(-5)),
                ..new_program("B9", &[(spbe, 1)])
            },
            "must not be negative",
        ),
        (
            NewProgram {
                jadwal: JadwalProgram::Periode {
                    mulai: date(2026, 5, 2),
                    selesai: date(2026, 5, 1),
                },
                ..new_program("B10", &[(spbe, 1)])
            },
            "before it starts",
        ),
        (
            NewProgram {
                penyelenggara: Some(MitraId(999_999)),
                ..new_program("B11", &[(spbe, 1)])
            },
            "mitra 999999 does not exist",
        ),
        (
            new_program("B12", &[(spbe, 1), (KompetensiId(999_999), 1)]),
            "kompetensi 999999 does not exist",
        ),
        (
            NewProgram {
                unit: vec![opd, UnitId(999_999)],
                ..new_program("B13", &[(spbe, 1)])
            },
            "unit 999999 does not exist",
        ),
        (
            NewProgram {
                judul: "\t".into(),
                ..new_program("B14", &[(spbe, 1)])
            },
            "judul",
        ),
    ];
    for (bad, needle) in &cases {
        assert_invalid(s.add_program(i, &actor(), bad).await, needle);
        assert_invalid(s.update_program(i, &actor(), ws, bad).await, needle);
    }
    assert_conflict(
        s.add_program(i, &actor(), &new_program("EL-ANTIKORUPSI", &[(spbe, 1)]))
            .await,
        "EL-ANTIKORUPSI",
    );
    let mut clash = after.data();
    clash.kode = "KR-INTEGRITAS".into();
    assert_conflict(
        s.update_program(i, &actor(), ws, &clash).await,
        "KR-INTEGRITAS",
    );
    assert_not_found(
        s.update_program(
            i,
            &actor(),
            kompeten_store::ProgramId(999_999),
            &after.data(),
        )
        .await,
        "program",
    );
    assert_not_found(
        s.program(i, kompeten_store::ProgramId(999_999)).await,
        "program",
    );
    assert_eq!(snapshot(s, i).await, before);
}

pub async fn katalog_tenant_isolation(db: &TestDb) {
    let s = db.store();
    let a = instansi(s, "A").await;
    let b = instansi(s, "B").await;
    let unit_a = unit(s, a, None, "OPD", "OPD A").await;
    let unit_b = unit(s, b, None, "OPD", "OPD B").await;
    let k_a = kompetensi(s, a, "T.1", KelompokKompetensi::Teknis).await;
    let k_b = kompetensi(s, b, "T.1", KelompokKompetensi::Teknis).await;
    let mut mitra = new_mitra("UNAND", "Universitas Andalas");
    mitra.kerja_sama = vec![kerja_sama("MoU/1", (2024, 1, 1), (2026, 1, 1))];
    let mitra_a = s.add_mitra(a, &actor(), &mitra).await.expect("mitra A");
    let mut program = new_program("P1", &[(k_a, 1)]);
    program.penyelenggara = Some(mitra_a);
    program.unit = vec![unit_a];
    let program_a = s
        .add_program(a, &actor(), &program)
        .await
        .expect("program A");

    // B sees nothing of A's.
    assert!(s.list_mitra(b).await.expect("list").is_empty());
    assert!(s.list_kerja_sama(b, None).await.expect("list").is_empty());
    assert!(
        s.list_program(b, &ProgramQuery::default())
            .await
            .expect("list")
            .is_empty()
    );
    assert!(
        s.list_program(
            b,
            &ProgramQuery {
                mitra: Some(mitra_a),
                ..Default::default()
            }
        )
        .await
        .expect("list")
        .is_empty()
    );
    assert_not_found(s.mitra(b, mitra_a).await, "mitra");
    assert_not_found(s.program(b, program_a).await, "program");

    // B cannot change A's records nor point at them.
    let before_a = snapshot(s, a).await;
    let before_b = snapshot(s, b).await;
    assert_not_found(
        s.update_mitra(b, &actor(), mitra_a, &new_mitra("X", "X"))
            .await,
        "mitra",
    );
    assert_not_found(
        s.update_program(b, &actor(), program_a, &new_program("X", &[(k_b, 1)]))
            .await,
        "program",
    );
    let mut pinjam = new_program("P1", &[(k_a, 1)]);
    assert_invalid(s.add_program(b, &actor(), &pinjam).await, "kompetensi");
    pinjam = new_program("P1", &[(k_b, 1)]);
    pinjam.penyelenggara = Some(mitra_a);
    assert_invalid(s.add_program(b, &actor(), &pinjam).await, "mitra");
    pinjam = new_program("P1", &[(k_b, 1)]);
    pinjam.unit = vec![unit_a];
    assert_invalid(s.add_program(b, &actor(), &pinjam).await, "unit");
    assert_eq!(snapshot(s, a).await, before_a);
    assert_eq!(snapshot(s, b).await, before_b);

    // The same codes live side by side in both.
    let mitra_b = s.add_mitra(b, &actor(), &mitra).await.expect("mitra B");
    let mut program_b = new_program("P1", &[(k_b, 2)]);
    program_b.penyelenggara = Some(mitra_b);
    program_b.unit = vec![unit_b];
    let program_b = s
        .add_program(b, &actor(), &program_b)
        .await
        .expect("program B");
    assert_eq!(s.list_mitra(a).await.expect("list").len(), 1);
    let list_b = s
        .list_program(b, &ProgramQuery::default())
        .await
        .expect("list");
    assert_eq!(list_b.len(), 1);
    assert_eq!(list_b[0].id, program_b);
    assert_eq!(list_b[0].kompetensi[0].naik_level, 2);
    let read_a = s.program(a, program_a).await.expect("A's program");
    assert_eq!(read_a.kompetensi[0].kompetensi, k_a);
    assert_eq!(read_a.kompetensi[0].naik_level, 1);
    assert_eq!(read_a.unit, [unit_a]);
    assert!(
        actions(s, b).await.iter().all(|a| a != "program.ubah"),
        "nothing of B's was edited"
    );
}
