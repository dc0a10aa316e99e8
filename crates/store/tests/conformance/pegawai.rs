//! Pegawai, search with scopes, penilaian, SKP and the summary counts.

use crate::fixture::*;
use crate::harness::TestDb;
use kompeten_domain::{
    Golongan, GolonganPns, JenisJabatan, JenisKelamin, JenjangFungsional, KelompokKompetensi,
    MetodePenilaian, Pendidikan, PredikatKinerja, StatusAsn, TingkatJabatan,
};
use kompeten_store::{
    InstansiId, JabatanId, KompetensiId, Lingkup, NewPegawai, NewPenilaian, Pegawai, PegawaiId,
    PegawaiQuery, PegawaiRow, Ringkasan, Skp, Store, StoreError, UnitId,
};

/// Counts the pegawai of an instansi, active or not.
async fn jumlah_pegawai(s: &dyn Store, i: InstansiId) -> u64 {
    let mut q = PegawaiQuery::semua(Lingkup::Instansi);
    q.hanya_aktif = false;
    s.search_pegawai(i, &q).await.expect("search").total
}

pub async fn pegawai_batch(db: &TestDb) {
    let s = db.store();
    let i = instansi(s, "SWL").await;
    let opd = unit(s, i, None, "RSUD", "RSUD Sawahlunto").await;
    let bidang = unit(s, i, Some(opd), "RSUD.YAN", "Bidang Pelayanan Medik").await;
    let dokter = jabatan(
        s,
        i,
        "J-DOK",
        "Dokter Ahli Madya",
        TingkatJabatan::fungsional(JenjangFungsional::AhliMadya),
        bidang,
    )
    .await;

    let fitri_nip = kompeten_domain::Nip::parse_pns("19930812 202012 2 021").expect("nip");
    let fitri = NewPegawai {
        nip: fitri_nip.clone(),
        nama: "Fitri Yuliani".into(),
        gelar_depan: Some("dr.".into()),
        gelar_belakang: Some("Sp.PD".into()),
        golongan: Golongan::Pns(GolonganPns::IIIc),
        jabatan: Some(dokter),
        unit: bidang,
        pendidikan: Pendidikan::S2,
        aktif: true,
    };
    let batch = [
        fitri.clone(),
        new_pegawai(nip_pppk(7), "Rahmat Hidayat", opd, None, true),
        new_pegawai(nip_pns(8), "Yusuf Kurniawan", opd, None, false),
    ];
    let ids = s.add_pegawai(i, &actor(), &batch).await.expect("add batch");
    assert_eq!(ids.len(), 3);
    for (id, new) in ids.iter().zip(&batch) {
        assert_eq!(
            s.pegawai(i, *id).await.expect("read").nip,
            new.nip,
            "ids in input order"
        );
    }
    let read = s.pegawai(i, ids[0]).await.expect("read");
    assert_eq!(
        read,
        Pegawai {
            id: ids[0],
            nip: fitri_nip.clone(),
            nama: "Fitri Yuliani".into(),
            gelar_depan: Some("dr.".into()),
            gelar_belakang: Some("Sp.PD".into()),
            status: StatusAsn::Pns,
            golongan: Golongan::Pns(GolonganPns::IIIc),
            jabatan: Some(dokter),
            unit: bidang,
            pendidikan: Pendidikan::S2,
            jenis_kelamin: JenisKelamin::Perempuan,
            tanggal_lahir: date(1993, 8, 12),
            aktif: true,
        }
    );
    assert_eq!(read.nama_lengkap(), "dr. Fitri Yuliani, Sp.PD");
    let pppk = s.pegawai(i, ids[1]).await.expect("read");
    assert_eq!(
        (pppk.status, pppk.golongan, pppk.jabatan),
        (StatusAsn::Pppk, gol_pppk(), None)
    );
    assert!(!s.pegawai(i, ids[2]).await.expect("read").aktif);

    let by_nip = s
        .pegawai_by_nip(i, "19930812 202012 2 021")
        .await
        .expect("by nip");
    assert_eq!(by_nip.map(|p| p.id), Some(ids[0]));
    assert_eq!(
        s.pegawai_by_nip(i, "199308122020122021")
            .await
            .expect("by nip")
            .map(|p| p.id),
        Some(ids[0])
    );
    assert_eq!(
        s.pegawai_by_nip(i, nip_pns(99).as_str())
            .await
            .expect("by nip"),
        None
    );
    assert_not_found(s.pegawai(i, PegawaiId(9_999_999)).await, "pegawai");

    // Every refused batch leaves nothing behind, not even its good rows.
    let good = new_pegawai(nip_pns(50), "Baru", opd, None, true);
    let mut wrong_golongan = new_pegawai(nip_pns(51), "Salah Golongan", opd, None, true);
    wrong_golongan.golongan = gol_pppk();
    assert_invalid(
        s.add_pegawai(i, &actor(), &[good.clone(), wrong_golongan])
            .await,
        "row 2",
    );
    let mut taken = good.clone();
    taken.nip = fitri_nip.clone();
    assert_conflict(
        s.add_pegawai(i, &actor(), &[good.clone(), taken]).await,
        "19930812 202012 2 021",
    );
    assert_conflict(
        s.add_pegawai(i, &actor(), &[good.clone(), good.clone()])
            .await,
        "twice",
    );
    let mut no_unit = new_pegawai(nip_pns(52), "Tanpa Unit", UnitId(9_999_999), None, true);
    assert_invalid(
        s.add_pegawai(i, &actor(), &[good.clone(), no_unit.clone()])
            .await,
        "unit",
    );
    no_unit.unit = opd;
    no_unit.jabatan = Some(JabatanId(9_999_999));
    assert_invalid(
        s.add_pegawai(i, &actor(), &[good.clone(), no_unit]).await,
        "jabatan",
    );
    let mut blank = new_pegawai(nip_pns(53), " ", opd, None, true);
    blank.nama = "  ".into();
    assert_invalid(
        s.add_pegawai(i, &actor(), &[good.clone(), blank]).await,
        "nama",
    );
    assert_eq!(jumlah_pegawai(s, i).await, 3);
    assert_eq!(
        s.pegawai_by_nip(i, good.nip.as_str())
            .await
            .expect("by nip"),
        None
    );

    assert_eq!(
        s.add_pegawai(i, &actor(), &[]).await.expect("empty batch"),
        []
    );
    let log = s.audit_log(i, 100).await.expect("audit");
    let tambah: Vec<_> = log
        .iter()
        .filter(|e| e.action == "pegawai.tambah")
        .collect();
    assert_eq!(
        tambah.len(),
        1,
        "one entry for the batch, none for refused or empty ones"
    );
    assert_eq!(tambah[0].detail["jumlah"], 3);
}

pub async fn large_batches(db: &TestDb) {
    let s = db.store();
    let i = instansi(s, "SWL").await;
    let mut units = Vec::new();
    for n in 0..12 {
        let opd = unit(s, i, None, &format!("OPD{n}"), &format!("OPD {n:02}")).await;
        units.push(
            unit(
                s,
                i,
                Some(opd),
                &format!("OPD{n}.B"),
                &format!("Bidang {n:02}"),
            )
            .await,
        );
    }
    let mut komp = Vec::new();
    for n in 1..=17 {
        komp.push(kompetensi(s, i, &format!("T.{n}"), KelompokKompetensi::Teknis).await);
    }

    let started = std::time::Instant::now();
    let batch: Vec<NewPegawai> = (0..2_400u32)
        .map(|n| {
            let nip = if n % 5 == 0 { nip_pppk(n) } else { nip_pns(n) };
            new_pegawai(
                nip,
                &format!("Pegawai {n:04}"),
                units[n as usize % units.len()],
                None,
                true,
            )
        })
        .collect();
    let ids = s
        .add_pegawai(i, &actor(), &batch)
        .await
        .expect("2,400 pegawai");
    assert_eq!(ids.len(), 2_400);
    for n in [0usize, 1, 999, 1_000, 2_399] {
        let p = s.pegawai(i, ids[n]).await.expect("read");
        assert_eq!(
            (p.nip.as_str(), p.nama.as_str()),
            (batch[n].nip.as_str(), batch[n].nama.as_str())
        );
    }

    let penilaian: Vec<NewPenilaian> = (0..40_000usize)
        .map(|n| {
            let tanggal = date(2020, 1, 1) + time::Duration::days((n % 1_500) as i64);
            new_penilaian(
                ids[n % ids.len()],
                komp[n % komp.len()],
                (n % 5 + 1) as i64,
                tanggal,
                tanggal + time::Duration::days(3 * 365),
            )
        })
        .collect();
    let pids = s
        .record_penilaian(i, &actor(), &penilaian)
        .await
        .expect("40,000 penilaian");
    eprintln!(
        "{}: 2,400 pegawai and 40,000 penilaian in {:?}",
        db.backend(),
        started.elapsed()
    );
    assert_eq!(pids.len(), 40_000);
    assert!(
        pids.windows(2).all(|w| w[0] < w[1]),
        "ids come back in input order"
    );

    let of_first = s.penilaian_pegawai(i, ids[0]).await.expect("penilaian");
    // Rows 0, 2400, 4800, ... belong to the first employee.
    assert_eq!(of_first.len(), 40_000 / 2_400 + 1);
    let newest = penilaian
        .iter()
        .enumerate()
        .filter(|(n, _)| n % 2_400 == 0)
        .max_by_key(|(n, p)| (p.tanggal, *n));
    let (newest_row, newest) = newest.expect("some penilaian");
    assert_eq!(of_first[0].id, pids[newest_row]);
    assert_eq!(of_first[0].tanggal, newest.tanggal);

    let r = s
        .ringkasan(i, Lingkup::Instansi, date(2020, 1, 1))
        .await
        .expect("ringkasan");
    assert_eq!((r.pegawai_aktif, r.pns, r.pppk), (2_400, 1_920, 480));
    assert_eq!((r.penilaian_total, r.penilaian_berlaku), (40_000, 40_000));
    assert_eq!(r.pegawai_dinilai, 2_400);

    // A large batch with one bad row at the end writes nothing.
    let mut more: Vec<NewPegawai> = (10_000..12_000u32)
        .map(|n| new_pegawai(nip_pns(n), &format!("Tambahan {n}"), units[0], None, true))
        .collect();
    more.push(new_pegawai(nip_pns(6), "Sudah Ada", units[0], None, true));
    assert_conflict(s.add_pegawai(i, &actor(), &more).await, "already exists");
    assert_eq!(jumlah_pegawai(s, i).await, 2_400);
    let mut late_bad = penilaian[..20_000].to_vec();
    late_bad.push(new_penilaian(
        ids[0],
        KompetensiId(9_999_999),
        3,
        date(2024, 1, 1),
        date(2027, 1, 1),
    ));
    assert_invalid(
        s.record_penilaian(i, &actor(), &late_bad).await,
        "row 20001",
    );
    let again = s
        .ringkasan(i, Lingkup::Instansi, date(2020, 1, 1))
        .await
        .expect("ringkasan");
    assert_eq!(again.penilaian_total, 40_000);
}

/// The organisation behind the search and summary scenarios.
struct Org {
    i: InstansiId,
    dinkes: UnitId,
    yan: UnitId,
    rujukan: UnitId,
    bang: UnitId,
    kabid: JabatanId,
    p: [PegawaiId; 6],
    nips: [kompeten_domain::Nip; 6],
}

async fn org(s: &dyn Store) -> Org {
    let i = instansi(s, "SWL").await;
    let dinkes = unit(s, i, None, "DINKES", "Dinas Kesehatan").await;
    let yan = unit(s, i, Some(dinkes), "YAN", "Bidang Pelayanan").await;
    let rujukan = unit(s, i, Some(yan), "RUJ", "Seksi Rujukan").await;
    let cegah = unit(s, i, Some(dinkes), "CEGAH", "Bidang Pencegahan").await;
    let bkpsdm = unit(s, i, None, "BKPSDM", "Badan Kepegawaian").await;
    let bang = unit(s, i, Some(bkpsdm), "BANG", "Bidang Pengembangan").await;
    let struktural = |j| TingkatJabatan::struktural(j).expect("struktural");
    let kabid = jabatan(
        s,
        i,
        "KABID",
        "Kepala Bidang Pelayanan",
        struktural(JenisJabatan::Administrator),
        yan,
    )
    .await;
    let perawat = jabatan(
        s,
        i,
        "PRW",
        "Perawat Ahli Pertama",
        TingkatJabatan::fungsional(JenjangFungsional::AhliPertama),
        yan,
    )
    .await;
    let analis = jabatan(
        s,
        i,
        "ANL",
        "Analis SDM",
        TingkatJabatan::fungsional(JenjangFungsional::AhliMuda),
        bang,
    )
    .await;
    let pelaksana = jabatan(
        s,
        i,
        "PLK",
        "Pengadministrasi",
        struktural(JenisJabatan::Pelaksana),
        cegah,
    )
    .await;

    let nips = [
        nip_pns(1),
        nip_pns(2),
        nip_pppk(3),
        nip_pns(4),
        nip_pns(5),
        nip_pppk(6),
    ];
    let mut fitri = new_pegawai(nips[0].clone(), "Fitri Yuliani", yan, Some(kabid), true);
    fitri.gelar_depan = Some("dr.".into());
    fitri.gelar_belakang = Some("Sp.PD".into());
    let batch = [
        fitri,
        new_pegawai(
            nips[1].clone(),
            "Andi Saputra",
            rujukan,
            Some(perawat),
            true,
        ),
        new_pegawai(
            nips[2].clone(),
            "Budi Santoso",
            cegah,
            Some(pelaksana),
            true,
        ),
        new_pegawai(nips[3].clone(), "Citra Lestari", bang, Some(analis), true),
        new_pegawai(nips[4].clone(), "Dewi Anggraini", bkpsdm, None, false),
        new_pegawai(nips[5].clone(), "andi Rahman", dinkes, None, true),
    ];
    let ids = s.add_pegawai(i, &actor(), &batch).await.expect("pegawai");
    let p = [ids[0], ids[1], ids[2], ids[3], ids[4], ids[5]];
    Org {
        i,
        dinkes,
        yan,
        rujukan,
        bang,
        kabid,
        p,
        nips,
    }
}

pub async fn search_scopes_filters_paging(db: &TestDb) {
    let s = db.store();
    let o = org(s).await;
    let [p1, p2, p3, p4, p5, p6] = o.p;
    let search = |q: PegawaiQuery| async move {
        let page = s.search_pegawai(o.i, &q).await.expect("search");
        (
            page.items.iter().map(|r| r.id).collect::<Vec<_>>(),
            page.total,
        )
    };
    let base = |lingkup| PegawaiQuery::semua(lingkup);

    // Tree order of units (BKPSDM, Bidang Pengembangan, Dinas Kesehatan,
    // Bidang Pelayanan, Seksi Rujukan, Bidang Pencegahan), then name.
    assert_eq!(
        search(base(Lingkup::Instansi)).await,
        (vec![p4, p6, p1, p2, p3], 5)
    );
    let mut all = base(Lingkup::Instansi);
    all.hanya_aktif = false;
    assert_eq!(search(all.clone()).await, (vec![p5, p4, p6, p1, p2, p3], 6));

    let with = |f: &dyn Fn(&mut PegawaiQuery)| {
        let mut q = base(Lingkup::Instansi);
        f(&mut q);
        q
    };
    assert_eq!(
        search(with(&|q| q.teks = Some("ANDI".into()))).await,
        (vec![p6, p2], 2)
    );
    assert_eq!(
        search(with(&|q| q.teks = Some("ri yul".into()))).await,
        (vec![p1], 1)
    );
    assert_eq!(
        search(with(&|q| q.teks = Some(o.nips[2].to_string()))).await,
        (vec![p3], 1)
    );
    let middle = &o.nips[3].as_str()[10..18];
    assert_eq!(
        search(with(&|q| q.teks = Some(middle.to_owned()))).await,
        (vec![p4], 1)
    );
    assert_eq!(
        search(with(&|q| q.teks = Some("%".into()))).await,
        (vec![], 0)
    );
    assert_eq!(
        search(with(&|q| q.teks = Some("_".into()))).await,
        (vec![], 0)
    );
    assert_eq!(
        search(with(&|q| q.teks = Some("  ".into()))).await.1,
        5,
        "blank text filters nothing"
    );
    assert_eq!(
        search(with(&|q| q.unit = Some(o.dinkes))).await,
        (vec![p6, p1, p2, p3], 4)
    );
    assert_eq!(
        search(with(&|q| q.unit = Some(o.yan))).await,
        (vec![p1, p2], 2)
    );
    assert_eq!(
        search(with(&|q| q.jenis_jabatan = Some(JenisJabatan::Fungsional))).await,
        (vec![p4, p2], 2)
    );
    assert_eq!(
        search(with(&|q| q.jenis_jabatan = Some(JenisJabatan::Pelaksana))).await,
        (vec![p3], 1)
    );
    assert_eq!(
        search(with(&|q| q.status = Some(StatusAsn::Pppk))).await,
        (vec![p6, p3], 2)
    );
    assert_eq!(
        search(with(&|q| {
            q.status = Some(StatusAsn::Pns);
            q.unit = Some(o.dinkes);
            q.teks = Some("a".into());
        }))
        .await,
        (vec![p1, p2], 2)
    );

    // Paging.
    let page = |halaman, per_halaman| {
        with(&move |q: &mut PegawaiQuery| {
            q.halaman = halaman;
            q.per_halaman = per_halaman;
        })
    };
    let first = s.search_pegawai(o.i, &page(1, 2)).await.expect("page 1");
    assert_eq!(
        first.items.iter().map(|r| r.id).collect::<Vec<_>>(),
        [p4, p6]
    );
    assert_eq!(
        (
            first.total,
            first.halaman,
            first.per_halaman,
            first.jumlah_halaman()
        ),
        (5, 1, 2, 3)
    );
    assert_eq!(search(page(2, 2)).await, (vec![p1, p2], 5));
    assert_eq!(search(page(3, 2)).await, (vec![p3], 5));
    assert_eq!(search(page(4, 2)).await, (vec![], 5));
    assert_invalid(s.search_pegawai(o.i, &page(0, 2)).await, "halaman");
    assert_invalid(s.search_pegawai(o.i, &page(1, 0)).await, "per_halaman");
    assert_invalid(s.search_pegawai(o.i, &page(1, 1_001)).await, "per_halaman");

    // Scopes, alone and with filters.
    assert_eq!(
        search(base(Lingkup::Unit(o.dinkes))).await,
        (vec![p6, p1, p2, p3], 4)
    );
    assert_eq!(search(base(Lingkup::Unit(o.rujukan))).await, (vec![p2], 1));
    let mut outside = base(Lingkup::Unit(o.yan));
    outside.unit = Some(o.bang);
    assert_eq!(search(outside).await, (vec![], 0));
    let mut inside = base(Lingkup::Unit(o.yan));
    inside.unit = Some(o.rujukan);
    assert_eq!(search(inside).await, (vec![p2], 1));
    assert_eq!(search(base(Lingkup::Pegawai(p2))).await, (vec![p2], 1));
    let mut self_other = base(Lingkup::Pegawai(p2));
    self_other.teks = Some("fitri".into());
    assert_eq!(search(self_other).await, (vec![], 0));
    let mut inactive_self = base(Lingkup::Pegawai(p5));
    inactive_self.hanya_aktif = false;
    assert_eq!(search(inactive_self).await, (vec![p5], 1));
    let mut nothing = all.clone();
    nothing.lingkup = Lingkup::Kosong;
    assert_eq!(search(nothing).await, (vec![], 0));

    // What a row carries.
    let rows = s
        .search_pegawai(o.i, &base(Lingkup::Unit(o.dinkes)))
        .await
        .expect("search")
        .items;
    let fitri: &PegawaiRow = &rows[1];
    assert_eq!(fitri.nama_lengkap, "dr. Fitri Yuliani, Sp.PD");
    assert_eq!(fitri.nip, o.nips[0]);
    assert_eq!((fitri.status, fitri.golongan), (StatusAsn::Pns, gol_pns()));
    assert_eq!(fitri.jabatan, Some(o.kabid));
    assert_eq!(
        fitri.jabatan_nama.as_deref(),
        Some("Kepala Bidang Pelayanan")
    );
    assert_eq!(
        fitri.tingkat,
        Some(TingkatJabatan::struktural(JenisJabatan::Administrator).expect("tingkat"))
    );
    assert_eq!(
        (
            fitri.unit,
            fitri.unit_nama.as_str(),
            fitri.opd_nama.as_str()
        ),
        (o.yan, "Bidang Pelayanan", "Dinas Kesehatan")
    );
    assert!(fitri.aktif);
    let andi = &rows[0];
    assert_eq!(
        (andi.jabatan, andi.jabatan_nama.as_deref(), andi.tingkat),
        (None, None, None)
    );
    assert_eq!(
        (andi.unit_nama.as_str(), andi.opd_nama.as_str()),
        ("Dinas Kesehatan", "Dinas Kesehatan")
    );

    // Scopes and filters naming another instansi's unit find nothing of ours.
    let j = instansi(s, "PDG").await;
    assert_not_found(
        s.search_pegawai(j, &base(Lingkup::Unit(o.dinkes))).await,
        "unit",
    );
    let mut foreign_filter = base(Lingkup::Instansi);
    foreign_filter.unit = Some(o.dinkes);
    assert_not_found(s.search_pegawai(j, &foreign_filter).await, "unit");
    assert_eq!(
        s.search_pegawai(j, &base(Lingkup::Pegawai(p1)))
            .await
            .expect("search")
            .total,
        0
    );
}

pub async fn penilaian_append_only(db: &TestDb) {
    let s = db.store();
    let i = instansi(s, "SWL").await;
    let opd = unit(s, i, None, "DINKES", "Dinas Kesehatan").await;
    let [p, q] = <[PegawaiId; 2]>::try_from(
        s.add_pegawai(
            i,
            &actor(),
            &[
                new_pegawai(nip_pns(1), "Satu", opd, None, true),
                new_pegawai(nip_pns(2), "Dua", opd, None, true),
            ],
        )
        .await
        .expect("pegawai"),
    )
    .expect("two ids");
    let m1 = kompetensi(s, i, "M.1", KelompokKompetensi::Manajerial).await;
    let t1 = kompetensi(s, i, "T.1", KelompokKompetensi::Teknis).await;

    let mut self_assessment = new_penilaian(p, t1, 4, date(2023, 1, 1), date(2025, 12, 31));
    self_assessment.metode = MetodePenilaian::Mandiri;
    self_assessment.asesor = "Satu".into();
    self_assessment.catatan_bukti = "Portofolio".into();
    let batch = [
        new_penilaian(p, m1, 2, date(2021, 3, 1), date(2024, 2, 29)),
        new_penilaian(p, m1, 3, date(2024, 5, 10), date(2027, 5, 9)),
        self_assessment,
        new_penilaian(q, m1, 1, date(2022, 1, 1), date(2025, 1, 1)),
    ];
    let ids = s
        .record_penilaian(i, &actor(), &batch)
        .await
        .expect("record");
    assert_eq!(ids.len(), 4);
    assert!(ids.windows(2).all(|w| w[0] < w[1]));

    let history = s.penilaian_pegawai(i, p).await.expect("history");
    let seen: Vec<_> = history.iter().map(|n| (n.id, n.tanggal)).collect();
    assert_eq!(
        seen,
        [
            (ids[1], date(2024, 5, 10)),
            (ids[2], date(2023, 1, 1)),
            (ids[0], date(2021, 3, 1))
        ],
        "newest first"
    );
    let t = &history[1];
    assert_eq!((t.pegawai, t.kompetensi, t.level.get()), (p, t1, 4));
    assert_eq!(
        (t.kompetensi_kode.as_str(), t.kompetensi_nama.as_str()),
        ("T.1", "Kompetensi T.1")
    );
    assert_eq!(t.kelompok, KelompokKompetensi::Teknis);
    assert_eq!(
        (t.metode, t.asesor.as_str(), t.catatan_bukti.as_str()),
        (MetodePenilaian::Mandiri, "Satu", "Portofolio")
    );
    assert_eq!(t.berlaku_sampai, date(2025, 12, 31));
    assert_eq!(history[2].berlaku_sampai, date(2024, 2, 29));

    assert_invalid(
        s.record_penilaian(
            i,
            &actor(),
            &[new_penilaian(p, m1, 3, date(2024, 5, 10), date(2024, 5, 9))],
        )
        .await,
        "berlaku_sampai",
    );
    assert_invalid(
        s.record_penilaian(
            i,
            &actor(),
            &[
                new_penilaian(p, m1, 3, date(2024, 6, 1), date(2027, 5, 31)),
                new_penilaian(
                    PegawaiId(9_999_999),
                    m1,
                    3,
                    date(2024, 6, 1),
                    date(2027, 5, 31),
                ),
            ],
        )
        .await,
        "row 2",
    );
    let j = instansi(s, "PDG").await;
    let foreign = kompetensi(s, j, "M.1", KelompokKompetensi::Manajerial).await;
    assert_invalid(
        s.record_penilaian(
            i,
            &actor(),
            &[new_penilaian(
                p,
                foreign,
                3,
                date(2024, 6, 1),
                date(2027, 5, 31),
            )],
        )
        .await,
        "kompetensi",
    );
    assert_invalid(
        s.record_penilaian(
            j,
            &actor(),
            &[new_penilaian(
                p,
                foreign,
                3,
                date(2024, 6, 1),
                date(2027, 5, 31),
            )],
        )
        .await,
        "pegawai",
    );
    assert_eq!(
        s.penilaian_pegawai(i, p).await.expect("history").len(),
        3,
        "refused batches add nothing"
    );
    assert_eq!(
        s.record_penilaian(i, &actor(), &[]).await.expect("empty"),
        []
    );

    // The schema itself refuses to rewrite history.
    let update = db
        .exec("UPDATE penilaian SET level = 5 WHERE id = $1", &[ids[0].0])
        .await;
    let error = update.expect_err("UPDATE of a penilaian must fail");
    assert!(error.to_string().contains("append-only"), "{error}");
    let delete = db
        .exec("DELETE FROM penilaian WHERE id = $1", &[ids[0].0])
        .await;
    assert!(
        delete
            .expect_err("DELETE of a penilaian must fail")
            .to_string()
            .contains("append-only")
    );
    let after = s.penilaian_pegawai(i, p).await.expect("history");
    assert_eq!(after, history, "nothing changed");

    assert_not_found(
        s.penilaian_pegawai(i, PegawaiId(9_999_999)).await,
        "pegawai",
    );
    assert_not_found(s.penilaian_pegawai(j, p).await, "pegawai");
    let log = s.audit_log(i, 100).await.expect("audit");
    let catat: Vec<_> = log
        .iter()
        .filter(|e| e.action == "penilaian.catat")
        .collect();
    assert_eq!(catat.len(), 1);
    assert_eq!(catat[0].detail["jumlah"], 4);
}

pub async fn skp_ratings(db: &TestDb) {
    let s = db.store();
    let i = instansi(s, "SWL").await;
    let opd = unit(s, i, None, "DINKES", "Dinas Kesehatan").await;
    let ids = s
        .add_pegawai(
            i,
            &actor(),
            &[
                new_pegawai(nip_pns(1), "Satu", opd, None, true),
                new_pegawai(nip_pns(2), "Dua", opd, None, true),
            ],
        )
        .await
        .expect("pegawai");
    let (p, q) = (ids[0], ids[1]);
    let skp = |pegawai, tahun, predikat| Skp {
        pegawai,
        tahun,
        predikat,
    };
    use PredikatKinerja::{Baik, Kurang, SangatBaik};

    s.record_skp(
        i,
        &actor(),
        &[skp(p, 2023, Baik), skp(p, 2024, Baik), skp(q, 2024, Kurang)],
    )
    .await
    .expect("record");
    assert_eq!(
        s.skp_pegawai(i, p).await.expect("read"),
        [skp(p, 2024, Baik), skp(p, 2023, Baik)]
    );
    assert_eq!(
        s.skp_pegawai(i, q).await.expect("read"),
        [skp(q, 2024, Kurang)]
    );

    s.record_skp(i, &actor(), &[skp(p, 2024, SangatBaik)])
        .await
        .expect("replace");
    assert_eq!(
        s.skp_pegawai(i, p).await.expect("read"),
        [skp(p, 2024, SangatBaik), skp(p, 2023, Baik)]
    );
    s.record_skp(i, &actor(), &[skp(p, 2022, Baik), skp(p, 2022, Kurang)])
        .await
        .expect("twice in a batch");
    assert_eq!(
        s.skp_pegawai(i, p).await.expect("read")[2],
        skp(p, 2022, Kurang),
        "the last one wins"
    );

    assert_invalid(
        s.record_skp(i, &actor(), &[skp(p, 1800, Baik)]).await,
        "1800",
    );
    assert_invalid(
        s.record_skp(
            i,
            &actor(),
            &[skp(p, 2021, Baik), skp(PegawaiId(9_999_999), 2021, Baik)],
        )
        .await,
        "pegawai",
    );
    let j = instansi(s, "PDG").await;
    assert_invalid(
        s.record_skp(j, &actor(), &[skp(p, 2021, Baik)]).await,
        "pegawai",
    );
    assert_eq!(
        s.skp_pegawai(i, p).await.expect("read").len(),
        3,
        "refused batches add nothing"
    );
    s.record_skp(i, &actor(), &[]).await.expect("empty batch");

    assert_not_found(s.skp_pegawai(i, PegawaiId(9_999_999)).await, "pegawai");
    assert_not_found(s.skp_pegawai(j, p).await, "pegawai");
    assert_eq!(
        actions(s, i)
            .await
            .iter()
            .filter(|a| *a == "skp.catat")
            .count(),
        3
    );
}

pub async fn ringkasan_counts(db: &TestDb) {
    let s = db.store();
    let o = org(s).await;
    let i = o.i;
    let [p1, p2, p3, _p4, p5, _p6] = o.p;
    let m1 = kompetensi(s, i, "M.1", KelompokKompetensi::Manajerial).await;
    let t1 = kompetensi(s, i, "T.1", KelompokKompetensi::Teknis).await;
    s.set_standar(
        i,
        &actor(),
        o.kabid,
        &[kompeten_store::StandarItem {
            kompetensi: m1,
            level: level(3),
            bobot: 1,
        }],
    )
    .await
    .expect("standar");
    s.record_penilaian(
        i,
        &actor(),
        &[
            new_penilaian(p1, m1, 3, date(2023, 1, 10), date(2026, 1, 9)),
            new_penilaian(p1, t1, 2, date(2020, 1, 1), date(2022, 12, 31)),
            new_penilaian(p2, m1, 2, date(2022, 7, 1), date(2025, 6, 30)),
            new_penilaian(p3, m1, 2, date(2022, 6, 30), date(2025, 6, 29)),
            new_penilaian(p5, m1, 4, date(2024, 1, 1), date(2027, 1, 1)),
        ],
    )
    .await
    .expect("penilaian");
    use PredikatKinerja::{Baik, SangatBaik};
    let skp = |pegawai, tahun, predikat| Skp {
        pegawai,
        tahun,
        predikat,
    };
    s.record_skp(
        i,
        &actor(),
        &[
            skp(p1, 2023, Baik),
            skp(p1, 2024, SangatBaik),
            skp(p2, 2024, Baik),
            skp(o.p[3], 2023, Baik),
            skp(p5, 2024, Baik),
        ],
    )
    .await
    .expect("skp");

    let hari_ini = date(2025, 6, 30);
    let structure = Ringkasan {
        jumlah_opd: 2,
        jumlah_unit: 6,
        jumlah_jabatan: 4,
        jabatan_dengan_standar: 1,
        jumlah_kompetensi: 2,
        ..Ringkasan::default()
    };
    assert_eq!(
        s.ringkasan(i, Lingkup::Instansi, hari_ini)
            .await
            .expect("instansi"),
        Ringkasan {
            pegawai_aktif: 5,
            pns: 3,
            pppk: 2,
            pegawai_tanpa_jabatan: 1,
            penilaian_total: 5,
            // Valid through 30 June counts on 30 June; through 29 June does not.
            penilaian_berlaku: 3,
            pegawai_dinilai: 2,
            skp_tahun_terakhir: Some(2024),
            skp_jumlah_terakhir: 3,
            ..structure.clone()
        }
    );
    assert_eq!(
        s.ringkasan(i, Lingkup::Unit(o.dinkes), hari_ini)
            .await
            .expect("dinkes"),
        Ringkasan {
            jumlah_opd: 1,
            jumlah_unit: 4,
            jumlah_jabatan: 3,
            jabatan_dengan_standar: 1,
            jumlah_kompetensi: 2,
            pegawai_aktif: 4,
            pns: 2,
            pppk: 2,
            pegawai_tanpa_jabatan: 1,
            penilaian_total: 4,
            penilaian_berlaku: 2,
            pegawai_dinilai: 2,
            skp_tahun_terakhir: Some(2024),
            skp_jumlah_terakhir: 2,
        }
    );
    assert_eq!(
        s.ringkasan(i, Lingkup::Unit(o.yan), hari_ini)
            .await
            .expect("yan"),
        Ringkasan {
            jumlah_opd: 0,
            jumlah_unit: 2,
            jumlah_jabatan: 2,
            jabatan_dengan_standar: 1,
            jumlah_kompetensi: 2,
            pegawai_aktif: 2,
            pns: 2,
            pppk: 0,
            pegawai_tanpa_jabatan: 0,
            penilaian_total: 3,
            penilaian_berlaku: 2,
            pegawai_dinilai: 2,
            skp_tahun_terakhir: Some(2024),
            skp_jumlah_terakhir: 2,
        }
    );
    assert_eq!(
        s.ringkasan(i, Lingkup::Pegawai(p3), hari_ini)
            .await
            .expect("pegawai"),
        Ringkasan {
            pegawai_aktif: 1,
            pppk: 1,
            penilaian_total: 1,
            ..structure.clone()
        }
    );
    assert_eq!(
        s.ringkasan(i, Lingkup::Kosong, hari_ini)
            .await
            .expect("kosong"),
        structure
    );

    let later = s
        .ringkasan(i, Lingkup::Instansi, date(2026, 1, 10))
        .await
        .expect("later");
    assert_eq!((later.penilaian_berlaku, later.pegawai_dinilai), (1, 0));
    let earlier = s
        .ringkasan(i, Lingkup::Instansi, date(2026, 1, 9))
        .await
        .expect("day before");
    assert_eq!((earlier.penilaian_berlaku, earlier.pegawai_dinilai), (2, 1));

    let j = instansi(s, "PDG").await;
    assert_eq!(
        s.ringkasan(j, Lingkup::Instansi, hari_ini)
            .await
            .expect("empty"),
        Ringkasan::default()
    );
    assert!(matches!(
        s.ringkasan(j, Lingkup::Unit(o.dinkes), hari_ini).await,
        Err(StoreError::NotFound("unit"))
    ));
}

/// Active employees per unit, each in its own unit, within every scope.
pub async fn jumlah_per_unit(db: &TestDb) {
    let s = db.store();
    let o = org(s).await;
    let i = o.i;
    let counts = |lingkup| async move {
        let mut rows = s.jumlah_pegawai_per_unit(i, lingkup).await.expect("counts");
        rows.sort();
        rows
    };
    let cegah = s.pegawai(i, o.p[2]).await.expect("budi").unit;

    // Dewi of BKPSDM is inactive: BKPSDM has no active employee and is left out.
    let mut all = vec![
        (o.dinkes, 1),
        (o.yan, 1),
        (o.rujukan, 1),
        (cegah, 1),
        (o.bang, 1),
    ];
    all.sort();
    assert_eq!(counts(Lingkup::Instansi).await, all);

    let mut dinkes = vec![(o.dinkes, 1), (o.yan, 1), (o.rujukan, 1), (cegah, 1)];
    dinkes.sort();
    assert_eq!(counts(Lingkup::Unit(o.dinkes)).await, dinkes);

    let mut yan = vec![(o.yan, 1), (o.rujukan, 1)];
    yan.sort();
    assert_eq!(counts(Lingkup::Unit(o.yan)).await, yan);

    assert_eq!(counts(Lingkup::Pegawai(o.p[1])).await, vec![(o.rujukan, 1)]);
    assert_eq!(counts(Lingkup::Kosong).await, vec![]);

    // A second active employee in Pelayanan counts there, not in its parent.
    let extra = new_pegawai(nip_pns(7), "Elvira Sari", o.yan, None, true);
    s.add_pegawai(i, &actor(), &[extra]).await.expect("extra");
    let after = counts(Lingkup::Unit(o.yan)).await;
    let mut expected = vec![(o.yan, 2), (o.rujukan, 1)];
    expected.sort();
    assert_eq!(after, expected);

    // Another instansi's unit is not a scope here.
    let other = instansi(s, "LAIN").await;
    let foreign = unit(s, other, None, "X", "Unit Lain").await;
    assert!(matches!(
        s.jumlah_pegawai_per_unit(i, Lingkup::Unit(foreign)).await,
        Err(StoreError::NotFound(_))
    ));
}
