//! Partners (mitra): the list with agreement status flagged on the fixture's
//! day (27 November 2026), the detail with contacts only for roles that may
//! see them, the admin forms, the API and tenant isolation.

use crate::fixture::{Fixture, SANDI_B};
use crate::tulis::kirim_json;
use crate::{csrf_di, get, masuk_di, masuk_sebagai, post_form};
use axum::http::StatusCode;
use kompeten_domain::{
    BentukPengembangan, JenisKerjaSama, JenisMitra, Jp, ModaPembelajaran, Rupiah,
};
use kompeten_store::{
    Actor, JadwalProgram, KerjaSama, KompetensiProgram, KontakMitra, MitraId, NewMitra, NewProgram,
    ProgramId, Store,
};
use time::Date;
use time::macros::date;

pub fn ks(jenis: JenisKerjaSama, nomor: &str, mulai: Date, berakhir: Date) -> KerjaSama {
    KerjaSama {
        jenis,
        nomor: nomor.into(),
        ruang_lingkup: format!("Pengembangan kompetensi ASN ({nomor})"),
        tanggal_mulai: mulai,
        tanggal_berakhir: berakhir,
    }
}

pub fn mitra_baru(kode: &str, nama: &str, jenis: JenisMitra, kota: &str) -> NewMitra {
    NewMitra {
        kode: kode.into(),
        nama: nama.into(),
        jenis,
        alamat: Some("Jl. Contoh No. 1".into()),
        kota: Some(kota.into()),
        website: None,
        kontak: Vec::new(),
        kerja_sama: Vec::new(),
    }
}

/// Partners and programs built on the fixture, in instansi A (and one in B).
pub struct Katalog {
    pub unand: MitraId,
    pub bpsdm: MitraId,
    pub batas: MitraId,
    pub mitra_b: MitraId,
    pub plt: ProgramId,
    pub elearning: ProgramId,
    pub workshop: ProgramId,
    pub program_b: ProgramId,
}

pub async fn isi_katalog(fx: &Fixture) -> Katalog {
    let s = &fx.store;
    let a = fx.ids.a;
    let actor = Actor::system("uji");
    let mut unand = mitra_baru(
        "UNAND",
        "Universitas Andalas",
        JenisMitra::PerguruanTinggi,
        "Padang",
    );
    unand.website = Some("https://www.unand.ac.id".into());
    unand.kontak = vec![KontakMitra {
        nama: "Dr. Andi Wijaya".into(),
        jabatan: Some("Kepala Pusat Pelatihan".into()),
        email: Some("andi.wijaya@unand.ac.id".into()),
        telepon: Some("0751-123456".into()),
    }];
    unand.kerja_sama = vec![
        // In force well beyond the threshold.
        ks(
            JenisKerjaSama::Mou,
            "MOU/UNAND/2024",
            date!(2024 - 01 - 01),
            date!(2027 - 12 - 31),
        ),
        // Ends in 49 days: ending soon.
        ks(
            JenisKerjaSama::Pks,
            "PKS/UNAND/2025",
            date!(2025 - 01 - 01),
            date!(2027 - 01 - 15),
        ),
    ];
    // The fixture made it bare, for its "mitra" account.
    s.update_mitra(a, &actor, fx.ids.unand, &unand)
        .await
        .expect("unand");
    let unand = fx.ids.unand;
    let mut bpsdm = mitra_baru(
        "BPSDM",
        "BPSDM Provinsi Sumatera Barat",
        JenisMitra::LembagaPemerintah,
        "Padang",
    );
    bpsdm.kerja_sama = vec![
        ks(
            JenisKerjaSama::Pks,
            "PKS/BPSDM/2023",
            date!(2023 - 01 - 01),
            date!(2026 - 10 - 31),
        ),
        ks(
            JenisKerjaSama::Mou,
            "MOU/BPSDM/2027",
            date!(2027 - 01 - 01),
            date!(2029 - 12 - 31),
        ),
    ];
    let bpsdm = s.add_mitra(a, &actor, &bpsdm).await.expect("bpsdm");
    // 90 days from 27 November 2026 is 25 February 2027: the last day flagged.
    let mut batas = mitra_baru(
        "BATAS",
        "Lembaga Batas Waktu",
        JenisMitra::Swasta,
        "Bukittinggi",
    );
    batas.kerja_sama = vec![
        ks(
            JenisKerjaSama::Pks,
            "PKS/BATAS/90",
            date!(2025 - 06 - 01),
            date!(2027 - 02 - 25),
        ),
        ks(
            JenisKerjaSama::Pks,
            "PKS/BATAS/91",
            date!(2025 - 06 - 01),
            date!(2027 - 02 - 26),
        ),
    ];
    let batas = s.add_mitra(a, &actor, &batas).await.expect("batas");

    let plt = s
        .add_program(
            a,
            &actor,
            &NewProgram {
                kode: "PLT-001".into(),
                judul: "Pelatihan Pelayanan Kesehatan Dasar".into(),
                penyelenggara: Some(unand),
                bentuk: BentukPengembangan::Pelatihan,
                jp: Jp(40),
                biaya_per_peserta: Rupiah(1_500_000),
                biaya_per_angkatan: Some(Rupiah(25_000_000)),
                ukuran_angkatan: Some(30),
                maks_angkatan: Some(2),
                moda: ModaPembelajaran::Luring,
                kompetensi: vec![
                    KompetensiProgram {
                        kompetensi: fx.ids.yankes,
                        naik_level: 2,
                    },
                    KompetensiProgram {
                        kompetensi: fx.ids.integritas,
                        naik_level: 1,
                    },
                ],
                terbuka_untuk_semua: false,
                jenis_jabatan: vec![kompeten_domain::JenisJabatan::Fungsional],
                unit: vec![fx.ids.opd1],
                jadwal: JadwalProgram::Periode {
                    mulai: date!(2027 - 03 - 01),
                    selesai: date!(2027 - 03 - 05),
                },
                aktif: true,
            },
        )
        .await
        .expect("plt");
    let elearning = s
        .add_program(
            a,
            &actor,
            &NewProgram {
                kode: "EL-001".into(),
                judul: "E-Learning Integritas ASN".into(),
                penyelenggara: None,
                bentuk: BentukPengembangan::ELearning,
                jp: Jp(10),
                biaya_per_peserta: Rupiah(0),
                biaya_per_angkatan: None,
                ukuran_angkatan: None,
                maks_angkatan: None,
                moda: ModaPembelajaran::Daring,
                kompetensi: Vec::new(),
                terbuka_untuk_semua: true,
                jenis_jabatan: Vec::new(),
                unit: Vec::new(),
                jadwal: JadwalProgram::SepanjangTahun,
                aktif: true,
            },
        )
        .await
        .expect("e-learning");
    let workshop = s
        .add_program(
            a,
            &actor,
            &NewProgram {
                kode: "WS-002".into(),
                judul: "Workshop Kerja Sama Tim".into(),
                penyelenggara: Some(bpsdm),
                bentuk: BentukPengembangan::Workshop,
                jp: Jp(16),
                biaya_per_peserta: Rupiah(250_000),
                biaya_per_angkatan: None,
                ukuran_angkatan: Some(25),
                maks_angkatan: None,
                moda: ModaPembelajaran::Campuran,
                kompetensi: vec![KompetensiProgram {
                    kompetensi: fx.ids.kerja_sama,
                    naik_level: 1,
                }],
                terbuka_untuk_semua: false,
                jenis_jabatan: Vec::new(),
                unit: Vec::new(),
                jadwal: JadwalProgram::SepanjangTahun,
                aktif: false,
            },
        )
        .await
        .expect("workshop");

    let b = fx.ids.b;
    let mitra_b = s
        .add_mitra(
            b,
            &actor,
            &mitra_baru(
                "UNP",
                "Universitas Negeri Padang",
                JenisMitra::PerguruanTinggi,
                "Padang",
            ),
        )
        .await
        .expect("mitra B");
    let program_b = s
        .add_program(
            b,
            &actor,
            &NewProgram {
                kode: "B-001".into(),
                judul: "Program Kabupaten Lain".into(),
                penyelenggara: Some(mitra_b),
                bentuk: BentukPengembangan::Seminar,
                jp: Jp(8),
                biaya_per_peserta: Rupiah(100_000),
                biaya_per_angkatan: None,
                ukuran_angkatan: None,
                maks_angkatan: None,
                moda: ModaPembelajaran::Luring,
                kompetensi: Vec::new(),
                terbuka_untuk_semua: true,
                jenis_jabatan: Vec::new(),
                unit: Vec::new(),
                jadwal: JadwalProgram::SepanjangTahun,
                aktif: true,
            },
        )
        .await
        .expect("program B");
    Katalog {
        unand,
        bpsdm,
        batas,
        mitra_b,
        plt,
        elearning,
        workshop,
        program_b,
    }
}

/// The text between `from` and the next `to` in `html`.
pub fn bagian<'a>(html: &'a str, from: &str, to: &str) -> &'a str {
    let start = html
        .find(from)
        .unwrap_or_else(|| panic!("{from:?} not in page: {html}"));
    let rest = &html[start..];
    let end = rest.find(to).unwrap_or(rest.len());
    &rest[..end]
}

#[tokio::test]
async fn the_list_shows_kind_city_program_counts_and_flags_agreements() {
    let fx = Fixture::new().await;
    isi_katalog(&fx).await;
    for peran in ["admin", "pimpinan", "auditor", "fitri", "mitra"] {
        let s = masuk_sebagai(&fx, peran).await;
        let res = get(&fx.app, "/mitra", s.c()).await;
        assert_eq!(res.status, StatusCode::OK, "{peran}: {}", res.body);
        assert!(
            res.body
                .contains("href=\"/mitra\" aria-current=\"page\">Mitra<")
        );
        assert!(res.body.contains("href=\"/katalog\""), "menu for {peran}");
    }
    let s = masuk_sebagai(&fx, "admin").await;
    let res = get(&fx.app, "/mitra", s.c()).await;
    let body = &res.body;
    assert!(body.contains("3 mitra"), "{body}");
    let unand = bagian(
        body,
        "Universitas Andalas</a> <span class=\"redup\">UNAND",
        "</tr>",
    );
    assert!(unand.contains("Perguruan Tinggi"), "{unand}");
    assert!(unand.contains("Padang"));
    // One program, active.
    assert!(unand.contains(">1</a>"), "{unand}");
    assert!(unand.contains("lencana-berlaku\">Berlaku</span> MoU s.d. 31 Desember 2027"));
    assert!(unand.contains("lencana-kurang\">Segera berakhir</span> PKS s.d. 15 Januari 2027"));
    let bpsdm = bagian(
        body,
        "BPSDM Provinsi Sumatera Barat</a> <span class=\"redup\">BPSDM",
        "</tr>",
    );
    assert!(bpsdm.contains("Lembaga Pemerintah"));
    // One program, inactive.
    assert!(
        bpsdm.contains(">1</a> <span class=\"redup\">(0 aktif)"),
        "{bpsdm}"
    );
    assert!(bpsdm.contains("lencana-kedaluwarsa\">Berakhir</span> PKS s.d. 31 Oktober 2026"));
    assert!(bpsdm.contains("lencana-netral\">Belum berlaku</span> MoU s.d. 31 Desember 2029"));

    // The panel: ending soon (soonest first), then ended; never the rest.
    let panel = bagian(body, "Kerja sama yang perlu diperhatikan", "</section>");
    let urutan: Vec<usize> = ["PKS/UNAND/2025", "PKS/BATAS/90", "PKS/BPSDM/2023"]
        .iter()
        .map(|n| {
            panel
                .find(n)
                .unwrap_or_else(|| panic!("{n} not in {panel}"))
        })
        .collect();
    assert!(urutan.windows(2).all(|w| w[0] < w[1]), "{panel}");
    for n in ["MOU/UNAND/2024", "MOU/BPSDM/2027", "PKS/BATAS/91"] {
        assert!(!panel.contains(n), "{n} flagged: {panel}");
    }
    // Only admins are offered the form.
    assert!(body.contains("href=\"/mitra/baru\""));
    let fitri = masuk_sebagai(&fx, "fitri").await;
    assert!(
        !get(&fx.app, "/mitra", fitri.c())
            .await
            .body
            .contains("href=\"/mitra/baru\"")
    );
}

#[tokio::test]
async fn the_ending_soon_flag_starts_ninety_days_before_the_last_day() {
    let fx = Fixture::new().await;
    isi_katalog(&fx).await;
    let s = masuk_sebagai(&fx, "admin").await;
    let doc = get(&fx.app, "/api/v1/mitra", s.c()).await.json();
    assert_eq!(doc["hari_ini"], "2026-11-27");
    assert_eq!(doc["ambang_hari"], 90);
    let status = |nomor: &str| -> String {
        doc["mitra"]
            .as_array()
            .expect("mitra")
            .iter()
            .flat_map(|m| m["kerja_sama"].as_array().expect("kerja_sama").iter())
            .find(|k| k["nomor"] == nomor)
            .unwrap_or_else(|| panic!("{nomor} missing"))["status"]
            .as_str()
            .expect("status")
            .to_owned()
    };
    assert_eq!(status("PKS/BATAS/90"), "segera_berakhir");
    assert_eq!(status("PKS/BATAS/91"), "berlaku");
    assert_eq!(status("PKS/UNAND/2025"), "segera_berakhir");
    assert_eq!(status("MOU/UNAND/2024"), "berlaku");
    assert_eq!(status("PKS/BPSDM/2023"), "berakhir");
    assert_eq!(status("MOU/BPSDM/2027"), "belum_berlaku");
    let unand = &doc["mitra"]
        .as_array()
        .expect("mitra")
        .iter()
        .find(|m| m["kode"] == "UNAND")
        .expect("unand")
        .clone();
    assert_eq!(unand["jenis"], "perguruan_tinggi");
    assert_eq!(unand["kota"], "Padang");
    assert_eq!(unand["jumlah_program"], 1);
    assert_eq!(unand["jumlah_program_aktif"], 1);
    assert_eq!(unand["kontak"][0]["email"], "andi.wijaya@unand.ac.id");
    // Instansi B's partner never shows in A.
    assert!(!doc.to_string().contains("Universitas Negeri Padang"));
}

#[tokio::test]
async fn the_detail_shows_contacts_only_to_roles_that_deal_with_partners() {
    let fx = Fixture::new().await;
    let k = isi_katalog(&fx).await;
    let url = format!("/mitra/{}", k.unand);
    for peran in ["admin", "pimpinan", "auditor", "mitra"] {
        let s = masuk_sebagai(&fx, peran).await;
        let res = get(&fx.app, &url, s.c()).await;
        assert_eq!(res.status, StatusCode::OK, "{peran}");
        assert!(res.body.contains("Narahubung"), "{peran}");
        assert!(res.body.contains("Dr. Andi Wijaya"), "{peran}");
        assert!(res.body.contains("andi.wijaya@unand.ac.id"), "{peran}");
        assert!(res.body.contains("0751-123456"), "{peran}");
        let api = get(&fx.app, &format!("/api/v1{url}"), s.c()).await.json();
        assert_eq!(api["kontak"][0]["nama"], "Dr. Andi Wijaya", "{peran}");
    }
    let fitri = masuk_sebagai(&fx, "fitri").await;
    let res = get(&fx.app, &url, fitri.c()).await;
    assert_eq!(res.status, StatusCode::OK);
    for rahasia in [
        "Narahubung",
        "Andi Wijaya",
        "andi.wijaya@unand.ac.id",
        "0751-123456",
    ] {
        assert!(!res.body.contains(rahasia), "pegawai sees {rahasia}");
    }
    // Agreements and programs are for everyone.
    assert!(res.body.contains("PKS/UNAND/2025"));
    assert!(res.body.contains("lencana-kurang\">Segera berakhir"));
    assert!(res.body.contains(&format!(
        "<a href=\"/katalog/{}\">Pelatihan Pelayanan Kesehatan Dasar</a>",
        k.plt
    )));
    assert!(res.body.contains("https://www.unand.ac.id"));
    let api = get(&fx.app, &format!("/api/v1{url}"), fitri.c())
        .await
        .json();
    assert!(api["kontak"].is_null(), "{api}");
    assert!(!api.to_string().contains("andi.wijaya"));
    assert_eq!(api["program"][0]["kode"], "PLT-001");
    assert_eq!(api["program"][0]["bentuk"], "pelatihan");
    assert_eq!(api["jumlah_program"], 1);
    assert_eq!(api["kerja_sama"][1]["status"], "segera_berakhir");
}

#[tokio::test]
async fn another_instansis_partner_is_not_found() {
    let fx = Fixture::new().await;
    let k = isi_katalog(&fx).await;
    let s = masuk_sebagai(&fx, "admin").await;
    for path in [
        format!("/mitra/{}", k.mitra_b),
        format!("/mitra/{}/ubah", k.mitra_b),
        format!("/api/v1/mitra/{}", k.mitra_b),
        "/mitra/999999".to_owned(),
        "/mitra/abc".to_owned(),
    ] {
        assert_eq!(
            get(&fx.app, &path, s.c()).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let token = csrf_di(&get(&fx.app, "/mitra/baru", s.c()).await.body);
    let res = post_form(
        &fx.app,
        &format!("/mitra/{}/ubah", k.mitra_b),
        s.c(),
        &[
            ("csrf", &token),
            ("kode", "UNP"),
            ("nama", "Diambil alih"),
            ("jenis", "swasta"),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    let b = fx.store.mitra(fx.ids.b, k.mitra_b).await.expect("B");
    assert_eq!(b.nama, "Universitas Negeri Padang");
    // B's admin sees their own partner, not A's.
    let admin_b = masuk_di(&fx.app, fx.ids.b, "admin", SANDI_B).await;
    let res = get(&fx.app, "/mitra", admin_b.c()).await;
    assert!(res.body.contains("Universitas Negeri Padang"));
    assert!(!res.body.contains("Universitas Andalas"));
    assert_eq!(
        get(&fx.app, &format!("/mitra/{}", k.unand), admin_b.c())
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn only_admins_may_use_the_partner_forms() {
    let fx = Fixture::new().await;
    let k = isi_katalog(&fx).await;
    for peran in ["pimpinan", "auditor", "fitri", "mitra"] {
        let s = masuk_sebagai(&fx, peran).await;
        let token = csrf_di(&get(&fx.app, "/mitra", s.c()).await.body);
        // The partner's account edits its own contacts only (tested below).
        let lain = if peran == "mitra" { k.bpsdm } else { k.unand };
        for path in ["/mitra/baru".to_owned(), format!("/mitra/{lain}/ubah")] {
            assert_eq!(
                get(&fx.app, &path, s.c()).await.status,
                StatusCode::FORBIDDEN,
                "GET {path} as {peran}"
            );
            let res = post_form(
                &fx.app,
                &path,
                s.c(),
                &[
                    ("csrf", &token),
                    ("kode", "X"),
                    ("nama", "Nama Baru"),
                    ("jenis", "swasta"),
                ],
            )
            .await;
            assert_eq!(res.status, StatusCode::FORBIDDEN, "POST {path} as {peran}");
        }
    }
    let semua = fx.store.list_mitra(fx.ids.a).await.expect("list");
    assert_eq!(semua.len(), 3);
    assert!(semua.iter().all(|m| m.nama != "Nama Baru"));
}

#[tokio::test]
async fn admin_adds_and_edits_a_partner_with_contacts_and_agreements() {
    let fx = Fixture::new().await;
    isi_katalog(&fx).await;
    let s = masuk_sebagai(&fx, "admin").await;
    let form = get(&fx.app, "/mitra/baru", s.c()).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("name=\"kontak_nama_1\""));
    assert!(form.body.contains("name=\"ks_nomor_2\""));
    let token = csrf_di(&form.body);

    // Without the token nothing happens.
    let res = post_form(
        &fx.app,
        "/mitra/baru",
        s.c(),
        &[
            ("kode", "ISI"),
            ("nama", "ISI Padang Panjang"),
            ("jenis", "perguruan_tinggi"),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);

    let res = post_form(
        &fx.app,
        "/mitra/baru",
        s.c(),
        &[
            ("csrf", &token),
            ("kode", "ISI"),
            ("nama", "ISI Padang Panjang"),
            ("jenis", "perguruan_tinggi"),
            ("alamat", "Jl. Bahder Johan"),
            ("kota", "Padang Panjang"),
            ("website", ""),
            ("kontak_nama_1", "Rina Sari"),
            ("kontak_jabatan_1", "Humas"),
            ("kontak_email_1", "rina@isi-padangpanjang.ac.id"),
            ("kontak_telepon_1", "0752-82077"),
            ("kontak_nama_2", ""),
            ("kontak_email_2", ""),
            ("ks_jenis_1", "mou"),
            ("ks_nomor_1", "MOU/ISI/2026"),
            ("ks_lingkup_1", "Seni budaya untuk ASN"),
            ("ks_mulai_1", "2026-01-01"),
            ("ks_berakhir_1", "2027-01-31"),
            ("ks_jenis_2", "pks"),
            ("ks_nomor_2", ""),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let lokasi = res.location().expect("location").to_owned();
    assert!(
        res.set_cookie("kompeten_pesan")
            .is_some_and(|c| c.starts_with("kompeten_pesan=mitra-baru"))
    );
    let id: i64 = lokasi
        .strip_prefix("/mitra/")
        .and_then(|t| t.parse().ok())
        .expect("id in location");
    let m = fx.store.mitra(fx.ids.a, MitraId(id)).await.expect("saved");
    assert_eq!(m.nama, "ISI Padang Panjang");
    assert_eq!(m.jenis, JenisMitra::PerguruanTinggi);
    assert_eq!(m.kota.as_deref(), Some("Padang Panjang"));
    assert_eq!(m.website, None);
    assert_eq!(m.kontak.len(), 1);
    assert_eq!(
        m.kontak[0].email.as_deref(),
        Some("rina@isi-padangpanjang.ac.id")
    );
    assert_eq!(
        m.kerja_sama,
        vec![KerjaSama {
            jenis: JenisKerjaSama::Mou,
            nomor: "MOU/ISI/2026".into(),
            ruang_lingkup: "Seni budaya untuk ASN".into(),
            tanggal_mulai: date!(2026 - 01 - 01),
            tanggal_berakhir: date!(2027 - 01 - 31),
        }]
    );
    let audit = fx.store.audit_log(fx.ids.a, 1).await.expect("audit");
    assert_eq!(audit[0].action, "mitra.tambah");
    assert_eq!(audit[0].actor_label, "admin");

    // The confirmation shows once on the page it leads to.
    let halaman = get(
        &fx.app,
        &lokasi,
        Some(&format!("{}; kompeten_pesan=mitra-baru", s.cookie)),
    )
    .await;
    assert!(halaman.body.contains("Mitra baru tersimpan."));
    assert!(halaman.body.contains("lencana-kurang\">Segera berakhir"));

    // Edit: the form holds the record; rename, drop the contact, add an agreement.
    let ubah = get(&fx.app, &format!("/mitra/{id}/ubah"), s.c()).await;
    assert_eq!(ubah.status, StatusCode::OK);
    assert!(ubah.body.contains("value=\"Rina Sari\""));
    assert!(ubah.body.contains("value=\"2027-01-31\""));
    let res = post_form(
        &fx.app,
        &format!("/mitra/{id}/ubah"),
        s.c(),
        &[
            ("csrf", &token),
            ("kode", "ISI-PP"),
            ("nama", "Institut Seni Indonesia Padang Panjang"),
            ("jenis", "perguruan_tinggi"),
            ("kota", "Padang Panjang"),
            ("kontak_nama_1", "Rina Sari"),
            ("kontak_email_1", "rina@isi-padangpanjang.ac.id"),
            ("kontak_hapus_1", "1"),
            ("ks_jenis_1", "mou"),
            ("ks_nomor_1", "MOU/ISI/2026"),
            ("ks_lingkup_1", "Seni budaya untuk ASN"),
            ("ks_mulai_1", "2026-01-01"),
            ("ks_berakhir_1", "2027-01-31"),
            ("ks_jenis_2", "pks"),
            ("ks_nomor_2", "PKS/ISI/2027"),
            ("ks_lingkup_2", "Workshop seni"),
            ("ks_mulai_2", "2027-02-01"),
            ("ks_berakhir_2", "2028-01-31"),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert!(
        res.set_cookie("kompeten_pesan")
            .is_some_and(|c| c.starts_with("kompeten_pesan=mitra-ubah"))
    );
    let m = fx.store.mitra(fx.ids.a, MitraId(id)).await.expect("saved");
    assert_eq!(m.kode, "ISI-PP");
    assert_eq!(m.nama, "Institut Seni Indonesia Padang Panjang");
    assert!(m.kontak.is_empty());
    assert_eq!(m.kerja_sama.len(), 2);
    let daftar = get(&fx.app, "/mitra", s.c()).await;
    assert!(
        daftar
            .body
            .contains("Institut Seni Indonesia Padang Panjang")
    );
    assert!(daftar.body.contains("4 mitra"));
    let detail = get(&fx.app, &format!("/mitra/{id}"), s.c()).await;
    assert!(detail.body.contains("PKS/ISI/2027"));
    assert!(detail.body.contains("lencana-netral\">Belum berlaku"));
}

#[tokio::test]
async fn invalid_partner_input_is_shown_again_and_nothing_changes() {
    let fx = Fixture::new().await;
    let k = isi_katalog(&fx).await;
    let s = masuk_sebagai(&fx, "admin").await;
    let token = csrf_di(&get(&fx.app, "/mitra/baru", s.c()).await.body);
    let sebelum = fx.store.list_mitra(fx.ids.a).await.expect("list");
    let audit_sebelum = fx.store.audit_log(fx.ids.a, 1).await.expect("audit")[0].id;

    // An agreement ending before it starts, a bad e-mail, no name.
    let res = post_form(
        &fx.app,
        "/mitra/baru",
        s.c(),
        &[
            ("csrf", &token),
            ("kode", "LAN"),
            ("nama", ""),
            ("jenis", "lembaga_pemerintah"),
            ("kontak_nama_1", "Budi"),
            ("kontak_email_1", "bukan email"),
            ("ks_jenis_1", "pks"),
            ("ks_nomor_1", "PKS/LAN/1"),
            ("ks_mulai_1", "2026-06-01"),
            ("ks_berakhir_1", "2026-05-31"),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("Tanggal berakhir tidak boleh sebelum tanggal mulai.")
    );
    assert!(res.body.contains("Alamat e-mail tidak valid."));
    assert!(res.body.contains("id=\"galat-nama\">Wajib diisi."));
    // The input is kept.
    assert!(res.body.contains("value=\"PKS/LAN/1\""));
    assert!(res.body.contains("value=\"2026-05-31\""));
    assert!(res.body.contains("value=\"bukan email\""));
    assert!(res.body.contains("value=\"LAN\""));

    // A code another partner has: the store's conflict becomes a field message.
    let res = post_form(
        &fx.app,
        "/mitra/baru",
        s.c(),
        &[
            ("csrf", &token),
            ("kode", "UNAND"),
            ("nama", "Universitas Andalas Lagi"),
            ("jenis", "perguruan_tinggi"),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("id=\"galat-kode\">Kode ini sudah dipakai mitra lain"),
        "{}",
        res.body
    );
    assert!(res.body.contains("value=\"Universitas Andalas Lagi\""));

    // The same when renaming BPSDM's code to UNAND's.
    let res = post_form(
        &fx.app,
        &format!("/mitra/{}/ubah", k.bpsdm),
        s.c(),
        &[
            ("csrf", &token),
            ("kode", "UNAND"),
            ("nama", "BPSDM Provinsi Sumatera Barat"),
            ("jenis", "lembaga_pemerintah"),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("Kode ini sudah dipakai mitra lain"));

    // An unknown kind and the same agreement number twice.
    let res = post_form(
        &fx.app,
        &format!("/mitra/{}/ubah", k.bpsdm),
        s.c(),
        &[
            ("csrf", &token),
            ("kode", "BPSDM"),
            ("nama", "BPSDM"),
            ("jenis", "koperasi"),
            ("ks_jenis_1", "pks"),
            ("ks_nomor_1", "PKS/SAMA"),
            ("ks_mulai_1", "2026-01-01"),
            ("ks_berakhir_1", "2026-12-31"),
            ("ks_jenis_2", "mou"),
            ("ks_nomor_2", "PKS/SAMA"),
            ("ks_mulai_2", "2026-01-01"),
            ("ks_berakhir_2", "2026-12-31"),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("Pilih jenis mitra."));
    assert!(
        res.body
            .contains("Nomor ini sudah dipakai kerja sama lain di atas.")
    );

    assert_eq!(fx.store.list_mitra(fx.ids.a).await.expect("list"), sebelum);
    assert_eq!(
        fx.store.audit_log(fx.ids.a, 1).await.expect("audit")[0].id,
        audit_sebelum
    );
}

#[tokio::test]
async fn the_openapi_document_lists_the_partner_and_catalog_paths() {
    let fx = Fixture::new().await;
    let doc = get(&fx.app, "/api/v1/openapi.json", None).await.json();
    for path in [
        "/api/v1/mitra",
        "/api/v1/mitra/{id}",
        "/api/v1/katalog",
        "/api/v1/katalog/{id}",
    ] {
        assert!(doc["paths"][path]["get"].is_object(), "{path} missing");
    }
    for (path, method) in [
        ("/api/v1/mitra", "post"),
        ("/api/v1/mitra/{id}", "put"),
        ("/api/v1/katalog", "post"),
        ("/api/v1/katalog/{id}", "put"),
    ] {
        let op = &doc["paths"][path][method];
        assert!(op["requestBody"].is_object(), "{method} {path} missing");
        for code in ["400", "401", "403"] {
            assert!(op["responses"][code].is_object(), "{method} {path} {code}");
        }
    }
    let schemas = &doc["components"]["schemas"];
    for s in [
        "MitraDto",
        "DetailMitraDto",
        "KatalogDto",
        "ProgramDto",
        "KerjaSamaDto",
        "MitraMasukanDto",
        "ProgramMasukanDto",
    ] {
        assert!(schemas[s].is_object(), "schema {s} missing");
    }
    assert!(
        doc["paths"]["/api/v1/katalog"]["get"]["parameters"]
            .as_array()
            .expect("parameters")
            .iter()
            .any(|p| p["name"] == "moda")
    );
    // Without a session the API answers 401.
    assert_eq!(
        get(&fx.app, "/api/v1/mitra", None).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn the_partner_keeps_its_contacts_but_not_its_data_or_agreements() {
    let fx = Fixture::new().await;
    let k = isi_katalog(&fx).await;
    let s = masuk_sebagai(&fx, "mitra").await;
    let daftar = get(&fx.app, "/mitra", s.c()).await.body;
    assert!(
        daftar.contains(&format!("Lembaga Anda: <a href=\"/mitra/{}\">", k.unand)),
        "{daftar}"
    );
    let sendiri = get(&fx.app, &format!("/mitra/{}", k.unand), s.c())
        .await
        .body;
    assert!(sendiri.contains(&format!("href=\"/mitra/{}/ubah\">Ubah narahubung", k.unand)));
    let lain = get(&fx.app, &format!("/mitra/{}", k.bpsdm), s.c())
        .await
        .body;
    assert!(!lain.contains("/ubah\""), "another partner is read-only");

    let form = get(&fx.app, &format!("/mitra/{}/ubah", k.unand), s.c()).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body
            .contains("name=\"kontak_nama_1\" value=\"Dr. Andi Wijaya\"")
    );
    for field in ["name=\"kode\"", "name=\"nama\"", "name=\"ks_nomor_1\""] {
        assert!(!form.body.contains(field), "{field} is not offered");
    }
    let token = csrf_di(&form.body);
    let isian = |token: &str, email: &str| -> Vec<(String, String)> {
        [
            ("csrf", token),
            // What the partner may not change, sent anyway.
            ("kode", "UNAND2"),
            ("nama", "Universitas Lain"),
            ("jenis", "swasta"),
            ("ks_jenis_1", "mou"),
            ("ks_nomor_1", "MOU/PALSU/2030"),
            ("ks_lingkup_1", "Diperpanjang sendiri"),
            ("ks_mulai_1", "2026-01-01"),
            ("ks_berakhir_1", "2035-12-31"),
            // Its contacts: one replaced, one added.
            ("kontak_nama_1", "Dr. Rina Marlina"),
            ("kontak_jabatan_1", "Direktur Kerja Sama"),
            ("kontak_email_1", email),
            ("kontak_telepon_1", "0751-777777"),
            ("kontak_nama_2", "Budi Santoso"),
        ]
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
    };
    let kirim = |v: Vec<(String, String)>| {
        let app = fx.app.clone();
        let cookie = s.cookie.clone();
        let path = format!("/mitra/{}/ubah", k.unand);
        async move {
            let pasangan: Vec<(&str, &str)> =
                v.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
            post_form(&app, &path, Some(&cookie), &pasangan).await
        }
    };
    let sebelum = fx.store.mitra(fx.ids.a, k.unand).await.expect("read");

    // Refused: a bad token, then a bad e-mail; nothing changes.
    assert_eq!(
        kirim(isian("salah", "rina@unand.ac.id")).await.status,
        StatusCode::FORBIDDEN
    );
    let salah = kirim(isian(&token, "bukan-email")).await;
    assert_eq!(salah.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(salah.body.contains("Alamat e-mail tidak valid."));
    assert_eq!(
        fx.store.mitra(fx.ids.a, k.unand).await.expect("read"),
        sebelum
    );

    let res = kirim(isian(&token, "rina@unand.ac.id")).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let m = fx.store.mitra(fx.ids.a, k.unand).await.expect("read");
    assert_eq!(
        m.kontak
            .iter()
            .map(|c| (c.nama.as_str(), c.email.as_deref()))
            .collect::<Vec<_>>(),
        [
            ("Dr. Rina Marlina", Some("rina@unand.ac.id")),
            ("Budi Santoso", None)
        ]
    );
    assert_eq!(
        (m.kode.as_str(), m.nama.as_str(), m.jenis, &m.kerja_sama),
        (
            "UNAND",
            "Universitas Andalas",
            JenisMitra::PerguruanTinggi,
            &sebelum.kerja_sama
        ),
        "only the contacts changed"
    );
    let log = &fx.store.audit_log(fx.ids.a, 1).await.expect("audit")[0];
    assert_eq!(
        (log.action.as_str(), log.actor_label.as_str()),
        ("mitra.ubah", "mitra")
    );

    // Another partner's page stays closed to it.
    let token = csrf_di(&get(&fx.app, "/mitra", s.c()).await.body);
    let res = post_form(
        &fx.app,
        &format!("/mitra/{}/ubah", k.bpsdm),
        s.c(),
        &[("csrf", &token), ("kontak_nama_1", "Penyusup")],
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert!(
        fx.store
            .mitra(fx.ids.a, k.bpsdm)
            .await
            .expect("read")
            .kontak
            .is_empty()
    );
}

#[tokio::test]
async fn the_ending_soon_threshold_is_a_setting_of_the_instansi() {
    let fx = Fixture::new().await;
    let k = isi_katalog(&fx).await;
    // 27 November 2026 + 60 days = 26 January 2027; + 20 days = 17 December.
    let mut batas = fx.store.mitra(fx.ids.a, k.batas).await.expect("read");
    batas.kerja_sama = vec![
        ks(
            JenisKerjaSama::Pks,
            "PKS/60-HARI",
            date!(2025 - 01 - 01),
            date!(2027 - 01 - 26),
        ),
        ks(
            JenisKerjaSama::Pks,
            "PKS/20-HARI",
            date!(2025 - 01 - 01),
            date!(2026 - 12 - 17),
        ),
    ];
    fx.store
        .update_mitra(fx.ids.a, &Actor::system("uji"), k.batas, &batas.data())
        .await
        .expect("agreements");
    let s = masuk_sebagai(&fx, "admin").await;
    let status = |doc: &serde_json::Value, nomor: &str| -> String {
        doc["mitra"]
            .as_array()
            .expect("mitra")
            .iter()
            .flat_map(|m| m["kerja_sama"].as_array().expect("kerja_sama").iter())
            .find(|k| k["nomor"] == nomor)
            .unwrap_or_else(|| panic!("{nomor} missing"))["status"]
            .as_str()
            .expect("status")
            .to_owned()
    };
    let doc = get(&fx.app, "/api/v1/mitra", s.c()).await.json();
    assert_eq!(doc["ambang_hari"], 90, "the default");
    assert_eq!(status(&doc, "PKS/60-HARI"), "segera_berakhir");

    let halaman = get(&fx.app, "/pengaturan", s.c()).await.body;
    assert!(halaman.contains("id=\"kerja-sama-mitra\""));
    assert!(halaman.contains("name=\"ambang_segera_berakhir_hari\" value=\"90\""));
    let token = csrf_di(&halaman);

    // Refused values say why, in Indonesian, and change nothing.
    for nilai in ["0", "731", "tiga puluh", "", "-5"] {
        let res = post_form(
            &fx.app,
            "/pengaturan/mitra",
            s.c(),
            &[("csrf", &token), ("ambang_segera_berakhir_hari", nilai)],
        )
        .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{nilai:?}");
        assert!(
            res.body
                .contains("Ambang harus bilangan bulat 1 sampai 730 hari."),
            "{nilai:?}"
        );
        assert!(
            res.body.contains(&format!("value=\"{nilai}\"")),
            "kept as typed"
        );
    }
    assert_eq!(
        fx.store.pengaturan(fx.ids.a, "mitra").await.expect("read"),
        None
    );
    // Only an admin changes it, with a valid token.
    for peran in ["auditor", "pimpinan", "mitra"] {
        let lain = masuk_sebagai(&fx, peran).await;
        let t = csrf_di(&get(&fx.app, "/mitra", lain.c()).await.body);
        let res = post_form(
            &fx.app,
            "/pengaturan/mitra",
            lain.c(),
            &[("csrf", &t), ("ambang_segera_berakhir_hari", "30")],
        )
        .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{peran}");
    }
    let res = post_form(
        &fx.app,
        "/pengaturan/mitra",
        s.c(),
        &[("csrf", "salah"), ("ambang_segera_berakhir_hari", "30")],
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(
        fx.store.pengaturan(fx.ids.a, "mitra").await.expect("read"),
        None
    );

    let res = post_form(
        &fx.app,
        "/pengaturan/mitra",
        s.c(),
        &[("csrf", &token), ("ambang_segera_berakhir_hari", " 30 ")],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.location(), Some("/pengaturan#kerja-sama-mitra"));
    assert_eq!(
        fx.store.pengaturan(fx.ids.a, "mitra").await.expect("read"),
        Some(serde_json::json!({ "ambang_segera_berakhir_hari": 30 }))
    );
    let log = &fx.store.audit_log(fx.ids.a, 1).await.expect("audit")[0];
    assert_eq!(log.action, "pengaturan.ubah");

    // Sixty days away is no longer "ending soon"; twenty days still is.
    let doc = get(&fx.app, "/api/v1/mitra", s.c()).await.json();
    assert_eq!(doc["ambang_hari"], 30);
    assert_eq!(status(&doc, "PKS/60-HARI"), "berlaku");
    assert_eq!(status(&doc, "PKS/20-HARI"), "segera_berakhir");
    assert_eq!(status(&doc, "PKS/UNAND/2025"), "berlaku", "49 days away");
    let daftar = get(&fx.app, "/mitra", s.c()).await.body;
    assert!(daftar.contains("berakhir dalam 30 hari"));
    let panel = bagian(&daftar, "Kerja sama yang perlu diperhatikan", "</section>");
    assert!(panel.contains("PKS/20-HARI"), "{panel}");
    assert!(!panel.contains("PKS/60-HARI"), "{panel}");
    let detail = get(&fx.app, &format!("/api/v1/mitra/{}", k.batas), s.c())
        .await
        .json();
    assert_eq!(detail["kerja_sama"][0]["status"], "berlaku");
    // Other readers see the same flags; the auditor reads the setting.
    let auditor = masuk_sebagai(&fx, "auditor").await;
    let halaman = get(&fx.app, "/pengaturan", auditor.c()).await.body;
    assert!(halaman.contains("name=\"ambang_segera_berakhir_hari\" value=\"30\""));
    let doc = get(&fx.app, "/api/v1/mitra", auditor.c()).await.json();
    assert_eq!(status(&doc, "PKS/60-HARI"), "berlaku");

    // Back to the default.
    let res = post_form(
        &fx.app,
        "/pengaturan/mitra",
        s.c(),
        &[("csrf", &token), ("bawaan", "1")],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let doc = get(&fx.app, "/api/v1/mitra", s.c()).await.json();
    assert_eq!(status(&doc, "PKS/60-HARI"), "segera_berakhir");
}

// ---------------------------------------------------------------- API writes

fn mitra_json(kode: &str) -> serde_json::Value {
    serde_json::json!({
        "kode": kode,
        "nama": "Universitas Negeri Padang",
        "jenis": "perguruan_tinggi",
        "kota": "Padang",
        "kontak": [{ "nama": "Dr. Rahmi", "email": "rahmi@unp.ac.id" }],
        "kerja_sama": [{
            "jenis": "mou",
            "nomor": "MoU/12/UNP/2025",
            "ruang_lingkup": "Pelatihan SPBE",
            "tanggal_mulai": "2025-01-01",
            "tanggal_berakhir": "2027-12-31"
        }]
    })
}

async fn jumlah_mitra(fx: &Fixture) -> usize {
    fx.store.list_mitra(fx.ids.a).await.expect("list").len()
}

#[tokio::test]
async fn the_api_adds_and_edits_partners_with_the_forms_checks() {
    let fx = Fixture::new().await;
    isi_katalog(&fx).await;
    let s = masuk_sebagai(&fx, "admin").await;
    let token = csrf_di(&get(&fx.app, "/", s.c()).await.body);
    let awal = jumlah_mitra(&fx).await;

    let res = kirim_json(&fx, "POST", "/api/v1/mitra", s.c(), None, mitra_json("UNP")).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = kirim_json(
        &fx,
        "POST",
        "/api/v1/mitra",
        s.c(),
        Some(&token),
        mitra_json("UNP"),
    )
    .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let doc = res.json();
    let id = MitraId(doc["id"].as_i64().expect("id"));
    assert_eq!(doc["kerja_sama"][0]["nomor"], "MoU/12/UNP/2025");
    assert_eq!(doc["kontak"][0]["email"], "rahmi@unp.ac.id");
    let m = fx.store.mitra(fx.ids.a, id).await.expect("saved");
    assert_eq!(
        (m.jenis, m.kota.as_deref(), m.kerja_sama[0].tanggal_berakhir),
        (
            JenisMitra::PerguruanTinggi,
            Some("Padang"),
            date!(2027 - 12 - 31)
        )
    );
    assert_eq!(
        get(&fx.app, &format!("/api/v1/mitra/{id}"), s.c())
            .await
            .json(),
        doc
    );

    // Bad rows are named by row and field; nothing is saved.
    let mut salah = mitra_json("UNP-2");
    salah["jenis"] = "koperasi".into();
    salah["kontak"][0]["email"] = "bukan-email".into();
    salah["kerja_sama"][0]["tanggal_berakhir"] = "2024-12-31".into();
    let res = kirim_json(&fx, "POST", "/api/v1/mitra", s.c(), Some(&token), salah).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
    let fields = &res.json()["error"]["fields"];
    for f in ["jenis", "kontak.1.email", "ks.1.berakhir"] {
        assert!(fields[f].is_string(), "{f}: {fields}");
    }
    let res = kirim_json(
        &fx,
        "POST",
        "/api/v1/mitra",
        s.c(),
        Some(&token),
        mitra_json("UNP"),
    )
    .await;
    assert!(
        res.json()["error"]["fields"]["kode"].is_string(),
        "{}",
        res.body
    );
    let res = kirim_json(
        &fx,
        "POST",
        "/api/v1/mitra",
        s.c(),
        Some(&token),
        serde_json::json!({ "kode": "X" }),
    )
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.body.contains("nama"), "{}", res.body);
    assert_eq!(jumlah_mitra(&fx).await, awal + 1);

    // An edit replaces the whole partner: the agreement extended, a
    // second contact.
    let mut ubah = mitra_json("UNP");
    ubah["kerja_sama"][0]["tanggal_berakhir"] = "2029-12-31".into();
    ubah["kontak"]
        .as_array_mut()
        .expect("contacts")
        .push(serde_json::json!({ "nama": "Andi", "telepon": "0754 123" }));
    let path = format!("/api/v1/mitra/{id}");
    let res = kirim_json(&fx, "PUT", &path, s.c(), Some(&token), ubah).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let m = fx.store.mitra(fx.ids.a, id).await.expect("saved");
    assert_eq!(m.kerja_sama[0].tanggal_berakhir, date!(2029 - 12 - 31));
    assert_eq!(m.kontak.len(), 2);

    // Readers may not write.
    for u in ["auditor", "pimpinan", "fitri"] {
        let x = masuk_sebagai(&fx, u).await;
        let t = csrf_di(&get(&fx.app, "/", x.c()).await.body);
        let res = kirim_json(
            &fx,
            "POST",
            "/api/v1/mitra",
            x.c(),
            Some(&t),
            mitra_json("Z"),
        )
        .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{u}");
        let res = kirim_json(&fx, "PUT", &path, x.c(), Some(&t), mitra_json("Z")).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{u}");
    }
    assert_eq!(jumlah_mitra(&fx).await, awal + 1);
    assert_eq!(
        fx.store.mitra(fx.ids.a, id).await.expect("read").kode,
        "UNP"
    );
}

#[tokio::test]
async fn a_partner_changes_only_its_own_contacts_through_the_api() {
    let fx = Fixture::new().await;
    let k = isi_katalog(&fx).await;
    let s = masuk_sebagai(&fx, "mitra").await;
    let token = csrf_di(&get(&fx.app, "/", s.c()).await.body);
    let before = fx.store.mitra(fx.ids.a, k.unand).await.expect("read");
    // Everything but the contacts is kept as stored, whatever is sent.
    let mut body = mitra_json("DIUBAH");
    body["kontak"] = serde_json::json!([{ "nama": "Kontak Baru", "email": "baru@unand.ac.id" }]);
    let path = format!("/api/v1/mitra/{}", k.unand);
    let res = kirim_json(&fx, "PUT", &path, s.c(), Some(&token), body).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let after = fx.store.mitra(fx.ids.a, k.unand).await.expect("read");
    assert_eq!(
        (&after.kode, &after.nama, &after.kerja_sama),
        (&before.kode, &before.nama, &before.kerja_sama)
    );
    assert_eq!(after.kontak.len(), 1);
    assert_eq!(after.kontak[0].nama, "Kontak Baru");
    // A bad contact is refused; another partner, or a new one, is not its to write.
    let mut salah = mitra_json("X");
    salah["kontak"][0]["email"] = "salah".into();
    let res = kirim_json(&fx, "PUT", &path, s.c(), Some(&token), salah).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        fx.store.mitra(fx.ids.a, k.unand).await.expect("read"),
        after
    );
    let res = kirim_json(
        &fx,
        "PUT",
        &format!("/api/v1/mitra/{}", k.bpsdm),
        s.c(),
        Some(&token),
        mitra_json("X"),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = kirim_json(
        &fx,
        "POST",
        "/api/v1/mitra",
        s.c(),
        Some(&token),
        mitra_json("X"),
    )
    .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_partner_list_downloads_with_each_agreements_status_and_no_contacts() {
    let fx = Fixture::new().await;
    isi_katalog(&fx).await;
    let s = masuk_sebagai(&fx, "fitri").await;
    let page = get(&fx.app, "/mitra", s.c()).await;
    assert!(page.body.contains("href=\"/mitra/unduh?format=csv\""));
    let res = get(&fx.app, "/mitra/unduh?format=csv", s.c()).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert!(
        res.header("content-disposition")
            .is_some_and(|d| d.contains("mitra-kerja-sama-2026-11-27.csv"))
    );
    assert!(!res.body.contains("Andi Wijaya"), "no contact persons");
    let mut rdr = csv::Reader::from_reader(res.body.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = rdr
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    let kol = |nama: &str| header.iter().position(|h| h == nama).expect(nama);
    let (nomor, status, program) = (kol("Nomor"), kol("Status"), kol("Program"));
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.expect("row")).collect();
    let status_of = |n: &str| {
        rows.iter()
            .find(|r| &r[nomor] == n)
            .map(|r| r[status].to_owned())
            .unwrap_or_else(|| panic!("{n} missing"))
    };
    assert_eq!(status_of("MOU/UNAND/2024"), "Berlaku");
    assert_eq!(status_of("PKS/UNAND/2025"), "Segera berakhir");
    assert_eq!(status_of("PKS/BPSDM/2023"), "Berakhir");
    assert_eq!(status_of("MOU/BPSDM/2027"), "Belum berlaku");
    // The last day flagged is the threshold's 90th.
    assert_eq!(status_of("PKS/BATAS/90"), "Segera berakhir");
    assert_eq!(status_of("PKS/BATAS/91"), "Berlaku");
    let unand = rows
        .iter()
        .find(|r| &r[nomor] == "MOU/UNAND/2024")
        .expect("unand");
    assert_eq!(&unand[program], "1", "{unand:?}");
    // Another instansi's partner is not in it.
    let n_mitra = fx.store.list_mitra(fx.ids.a).await.expect("list").len();
    let kode: std::collections::HashSet<&str> =
        rows.iter().map(|r| r.get(0).expect("kode")).collect();
    assert_eq!(kode.len(), n_mitra);
}
