//! Hand-checked examples, category boundaries, data-quality cases, and
//! property tests against a brute-force reference written separately below.

use super::*;
use crate::profil::LevelSaatIni;
use kompeten_domain::{
    JenisJabatan, JenjangFungsional, KelompokKompetensi, StatusAsn, TingkatJabatan,
};
use proptest::prelude::*;
use time::Date;
use time::macros::date;

const HARI_INI: Date = date!(2026 - 11 - 27);

fn hari(d: Date) -> i32 {
    nomor_hari(d)
}

/// A valid result: assessed a year ago, valid for three years.
const BARU: (Date, Date) = (date!(2025 - 11 - 27), date!(2028 - 11 - 26));
/// An expired result.
const LAMA: (Date, Date) = (date!(2020 - 03 - 01), date!(2023 - 02 - 28));

fn it(kompetensi: u32, level: u8, bobot: u32) -> ItemStandar {
    ItemStandar {
        kompetensi,
        level,
        bobot,
    }
}

/// A small world: competencies of the given groups, one unit, one position
/// with `standar`, one employee with `nilai` = (competency, level, valid?).
fn satu_pegawai(
    kelompok: &[KelompokKompetensi],
    tingkat: Option<TingkatJabatan>,
    standar: &[ItemStandar],
    nilai: &[(u32, u8, bool)],
) -> Data {
    let mut b = Pembangun::new();
    for (i, &k) in kelompok.iter().enumerate() {
        b.tambah_kompetensi(100 + i as i64, k);
    }
    let j = b.tambah_jabatan(10, tingkat, standar);
    let u = b.tambah_unit(1);
    let p = b.tambah_pegawai(1000, u, Some(j), StatusAsn::Pns, true);
    for (i, &(k, level, valid)) in nilai.iter().enumerate() {
        let (t, s) = if valid { BARU } else { LAMA };
        b.tambah_penilaian(p, k, level, hari(t), hari(s), i as i64 + 1);
    }
    b.selesai().expect("valid indexes")
}

fn jpm_bp(data: &Data, atur: &PengaturanJpm) -> Option<u32> {
    hitung_pegawai(data, 0, HARI_INI, atur, &SkalaKategori::pemetaan())
        .expect("employee 0")
        .jpm
        .map(Jpm::basis_poin)
}

use KelompokKompetensi::{Manajerial as M, SosialKultural as S, Teknis as T};

fn tanpa_batas() -> PengaturanJpm {
    PengaturanJpm {
        batasi_level: false,
        ..PengaturanJpm::default()
    }
}

fn tanpa_bobot() -> PengaturanJpm {
    PengaturanJpm {
        bobot_kompetensi: false,
        ..PengaturanJpm::default()
    }
}

#[test]
fn capped_and_uncapped_unweighted() {
    // Required A3 B4 C2, current A4 B2 C2.
    // Capped:   (min(4,3) + 2 + 2) / (3 + 4 + 2) = 7/9 = 77.78 % (Kurang Optimal).
    // Uncapped: (4 + 2 + 2) / 9 = 8/9 = 88.89 % (Cukup Optimal).
    let data = satu_pegawai(
        &[M, M, T],
        None,
        &[it(0, 3, 1), it(1, 4, 1), it(2, 2, 1)],
        &[(0, 4, true), (1, 2, true), (2, 2, true)],
    );
    let skala = SkalaKategori::pemetaan();
    let h =
        hitung_pegawai(&data, 0, HARI_INI, &PengaturanJpm::default(), &skala).expect("employee");
    assert_eq!(h.jpm.map(Jpm::basis_poin), Some(7778));
    assert_eq!(h.kategori, Some(2));
    assert_eq!(h.jpm, Jpm::new(7, 9));
    let u = hitung_pegawai(&data, 0, HARI_INI, &tanpa_batas(), &skala).expect("employee");
    assert_eq!(u.jpm.map(Jpm::basis_poin), Some(8889));
    assert_eq!(u.kategori, Some(1));
    assert_eq!(
        h.jumlah,
        Jumlah {
            wajib: 3,
            dinilai: 3,
            memenuhi: 2,
            kurang: 1,
            kedaluwarsa: 0,
            belum_dinilai: 0,
            jumlah_gap: 2,
        }
    );
    assert_eq!(
        h.rincian.iter().map(|r| r.status).collect::<Vec<_>>(),
        vec![
            StatusKompetensi::Memenuhi { level: 4 },
            StatusKompetensi::Kurang { level: 2, gap: 2 },
            StatusKompetensi::Memenuhi { level: 2 },
        ]
    );
}

#[test]
fn weighted_by_the_standard() {
    // Weights A2 B1 C1; required A3 B4 C2; current A4 B2 C2.
    // Capped:   (2·3 + 2 + 2) / (2·3 + 4 + 2) = 10/12 = 83.33 %.
    // Uncapped: (2·4 + 2 + 2) / 12 = 12/12 = 100 %.
    // Unweighted (bobot off) falls back to 7/9 = 77.78 %.
    let data = satu_pegawai(
        &[M, M, T],
        None,
        &[it(0, 3, 2), it(1, 4, 1), it(2, 2, 1)],
        &[(0, 4, true), (1, 2, true), (2, 2, true)],
    );
    assert_eq!(jpm_bp(&data, &PengaturanJpm::default()), Some(8333));
    assert_eq!(jpm_bp(&data, &tanpa_batas()), Some(10000));
    assert_eq!(jpm_bp(&data, &tanpa_bobot()), Some(7778));
}

#[test]
fn expired_and_missing_are_not_counted() {
    // Required A3 B4 C2 D3. A valid 3, B only expired (4), C none, D valid 1.
    // JPM over the assessed A and D: (3 + 1) / (3 + 3) = 66.67 %.
    let data = satu_pegawai(
        &[M, M, T, T],
        None,
        &[it(0, 3, 1), it(1, 4, 1), it(2, 2, 1), it(3, 3, 1)],
        &[(0, 3, true), (1, 4, false), (3, 1, true)],
    );
    let h = hitung_pegawai(
        &data,
        0,
        HARI_INI,
        &PengaturanJpm::default(),
        &SkalaKategori::pemetaan(),
    )
    .expect("employee");
    assert_eq!(h.jpm.map(Jpm::basis_poin), Some(6667));
    assert_eq!(
        (h.jumlah.wajib, h.jumlah.dinilai, h.jumlah.kedaluwarsa),
        (4, 2, 1)
    );
    assert_eq!((h.jumlah.belum_dinilai, h.jumlah.jumlah_gap), (1, 2));
    assert_eq!(
        h.rincian[1].status,
        StatusKompetensi::Kedaluwarsa { level: 4 }
    );
    assert!(matches!(
        h.rincian[1].saat_ini,
        LevelSaatIni::Kedaluwarsa { penilaian: 2, .. }
    ));
    assert_eq!(h.rincian[2].status, StatusKompetensi::BelumDinilai);
    assert_eq!(h.rincian[2].saat_ini, LevelSaatIni::BelumDinilai);
}

#[test]
fn the_last_valid_day_still_counts() {
    // One result at level 3 valid through 2026-11-27 against a required 3.
    let mut b = Pembangun::new();
    let k = b.tambah_kompetensi(1, M);
    let j = b.tambah_jabatan(10, None, &[it(k, 3, 1)]);
    let u = b.tambah_unit(1);
    let p = b.tambah_pegawai(1, u, Some(j), StatusAsn::Pns, true);
    b.tambah_penilaian(
        p,
        k,
        3,
        hari(date!(2023 - 11 - 28)),
        hari(date!(2026 - 11 - 27)),
        1,
    );
    let data = b.selesai().expect("valid");
    let pada = |d| {
        hitung_pegawai(
            &data,
            p,
            d,
            &PengaturanJpm::default(),
            &SkalaKategori::pemetaan(),
        )
        .expect("employee")
    };
    assert_eq!(
        pada(date!(2026 - 11 - 27)).jpm.map(Jpm::basis_poin),
        Some(10_000)
    );
    let besok = pada(date!(2026 - 11 - 28));
    assert_eq!(besok.tanpa_jpm, Some(AlasanTanpaJpm::BelumAdaYangDinilai));
    assert_eq!(
        besok.rincian[0].status,
        StatusKompetensi::Kedaluwarsa { level: 3 }
    );
}

#[test]
fn no_jpm_without_a_basis() {
    // Only expired results: nothing assessed, no number.
    let data = satu_pegawai(&[M], None, &[it(0, 3, 1)], &[(0, 5, false)]);
    let h = hitung_pegawai(
        &data,
        0,
        HARI_INI,
        &PengaturanJpm::default(),
        &SkalaKategori::pemetaan(),
    )
    .expect("employee");
    assert_eq!((h.jpm, h.kategori), (None, None));
    assert_eq!(h.tanpa_jpm, Some(AlasanTanpaJpm::BelumAdaYangDinilai));

    let mut b = Pembangun::new();
    let k = b.tambah_kompetensi(1, M);
    let kosong = b.tambah_jabatan(10, None, &[]);
    let u = b.tambah_unit(1);
    let tanpa = b.tambah_pegawai(1, u, None, StatusAsn::Pns, true);
    let tanpa_std = b.tambah_pegawai(2, u, Some(kosong), StatusAsn::Pppk, true);
    b.tambah_penilaian(tanpa, k, 4, hari(BARU.0), hari(BARU.1), 1);
    let data = b.selesai().expect("valid");
    let alasan = |p| {
        hitung_pegawai(
            &data,
            p,
            HARI_INI,
            &PengaturanJpm::default(),
            &SkalaKategori::pemetaan(),
        )
        .expect("employee")
        .tanpa_jpm
    };
    assert_eq!(alasan(tanpa), Some(AlasanTanpaJpm::TanpaJabatan));
    assert_eq!(alasan(tanpa_std), Some(AlasanTanpaJpm::JabatanTanpaStandar));
    assert_eq!(data.kualitas().pegawai_tanpa_jabatan.contoh, vec![1]);
    assert_eq!(data.kualitas().jabatan_tanpa_standar.contoh, vec![10]);
    assert_eq!(
        data.kualitas().pegawai_jabatan_tanpa_standar.contoh,
        vec![2]
    );
}

/// Technical T1 (req 4), T2 (req 3); managerial M1 (req 3); socio-cultural
/// S1 (req 3). Current T1 3, T2 3, M1 2, S1 3: technical 6/7, managerial +
/// socio-cultural 5/6.
fn dua_kelompok(tingkat: Option<TingkatJabatan>) -> Data {
    satu_pegawai(
        &[T, T, M, S],
        tingkat,
        &[it(0, 4, 1), it(1, 3, 1), it(2, 3, 1), it(3, 3, 1)],
        &[(0, 3, true), (1, 3, true), (2, 2, true), (3, 3, true)],
    )
}

fn kelompok(b: BobotKelompokJpm) -> PengaturanJpm {
    PengaturanJpm {
        bobot_kelompok: b,
        ..PengaturanJpm::default()
    }
}

#[test]
fn group_weights_take_the_weighted_mean_of_group_jpms() {
    let tetap = kelompok(BobotKelompokJpm::Tetap(
        BobotKelompok::new(60, 40).expect("positive"),
    ));
    // 0.6·6/7 + 0.4·5/6 = (60·6·6 + 40·5·7) / (100·7·6) = 3560/4200 = 84.76 %.
    assert_eq!(jpm_bp(&dua_kelompok(None), &tetap), Some(8476));
    // One pool: (6 + 5) / (7 + 6) = 11/13 = 84.62 %.
    assert_eq!(
        jpm_bp(&dua_kelompok(None), &PengaturanJpm::default()),
        Some(8462)
    );
}

#[test]
fn jfkk_weights_follow_the_jenjang() {
    let jfkk = kelompok(BobotKelompokJpm::Jfkk);
    let f = |j| Some(TingkatJabatan::fungsional(j));
    // Ahli Pertama 60/40: 3560/4200 = 84.76 %.
    assert_eq!(
        jpm_bp(&dua_kelompok(f(JenjangFungsional::AhliPertama)), &jfkk),
        Some(8476)
    );
    // Ahli Muda 50/50: (50·36 + 50·35) / 4200 = 3550/4200 = 84.52 %.
    assert_eq!(
        jpm_bp(&dua_kelompok(f(JenjangFungsional::AhliMuda)), &jfkk),
        Some(8452)
    );
    // Ahli Madya 40/60: (40·36 + 60·35) / 4200 = 3540/4200 = 84.29 % (84.2857 rounds up).
    assert_eq!(
        jpm_bp(&dua_kelompok(f(JenjangFungsional::AhliMadya)), &jfkk),
        Some(8429)
    );
    // Outside the table (Ahli Utama, structural): one pool, 11/13 = 84.62 %.
    assert_eq!(
        jpm_bp(&dua_kelompok(f(JenjangFungsional::AhliUtama)), &jfkk),
        Some(8462)
    );
    let admin = TingkatJabatan::struktural(JenisJabatan::Administrator).ok();
    assert_eq!(jpm_bp(&dua_kelompok(admin), &jfkk), Some(8462));
}

#[test]
fn group_weights_use_only_assessed_weighted_groups() {
    // Only the technical group assessed (M1, S1 missing): 6/7 = 85.71 %.
    let data = satu_pegawai(
        &[T, T, M, S],
        None,
        &[it(0, 4, 1), it(1, 3, 1), it(2, 3, 1), it(3, 3, 1)],
        &[(0, 3, true), (1, 3, true)],
    );
    let tetap = |t, m| {
        kelompok(BobotKelompokJpm::Tetap(
            BobotKelompok::new(t, m).expect("positive"),
        ))
    };
    assert_eq!(jpm_bp(&data, &tetap(60, 40)), Some(8571));
    // Technical weighted 0 and nothing else assessed: no JPM, with the reason.
    let h = hitung_pegawai(
        &data,
        0,
        HARI_INI,
        &tetap(0, 100),
        &SkalaKategori::pemetaan(),
    )
    .expect("employee");
    assert_eq!(
        h.tanpa_jpm,
        Some(AlasanTanpaJpm::KelompokBerbobotBelumDinilai)
    );
    assert!(BobotKelompok::new(0, 0).is_err());
}

#[test]
fn mapping_scale_boundaries_are_exact() {
    let skala = SkalaKategori::pemetaan();
    let k = |n, d| skala.kategori(Jpm::new(n, d).expect("positive denominator"));
    assert_eq!(k(9, 10), 0, "exactly 90 is Optimal");
    assert_eq!(k(8999, 10_000), 1, "89.99 is Cukup Optimal");
    assert_eq!(k(899_999, 1_000_000), 1);
    assert_eq!(k(78, 100), 1, "exactly 78 is Cukup Optimal");
    assert_eq!(k(7799, 10_000), 2, "77.99 is Kurang Optimal");
    assert_eq!(k(0, 3), 2);
    assert_eq!(skala.label(0), "Optimal");
    assert_eq!(skala.label(2), "Kurang Optimal");

    // The same through real data: levels 2,2,2,2,1 against five 2s is 9/10.
    let data = satu_pegawai(
        &[M, M, M, M, M],
        None,
        &[
            it(0, 2, 1),
            it(1, 2, 1),
            it(2, 2, 1),
            it(3, 2, 1),
            it(4, 2, 1),
        ],
        &[
            (0, 2, true),
            (1, 2, true),
            (2, 2, true),
            (3, 2, true),
            (4, 1, true),
        ],
    );
    let h =
        hitung_pegawai(&data, 0, HARI_INI, &PengaturanJpm::default(), &skala).expect("employee");
    assert_eq!(
        (h.jpm.map(Jpm::basis_poin), h.kategori),
        (Some(9000), Some(0))
    );
    // Ten 5s, nine 4s and a 3: 39/50 = 78 % exactly.
    let std: Vec<ItemStandar> = (0..10).map(|k| it(k, 5, 1)).collect();
    let nilai: Vec<(u32, u8, bool)> = (0..10)
        .map(|k| (k, if k == 9 { 3 } else { 4 }, true))
        .collect();
    let data = satu_pegawai(&[T; 10], None, &std, &nilai);
    let h =
        hitung_pegawai(&data, 0, HARI_INI, &PengaturanJpm::default(), &skala).expect("employee");
    assert_eq!(
        (h.jpm.map(Jpm::basis_poin), h.kategori),
        (Some(7800), Some(1))
    );
}

#[test]
fn selection_scale_boundaries_are_exact() {
    let skala = SkalaKategori::seleksi();
    let k = |n, d| skala.kategori(Jpm::new(n, d).expect("positive denominator"));
    assert_eq!(k(8, 10), 0, "exactly 80 is Memenuhi Syarat");
    assert_eq!(k(7999, 10_000), 1, "79.99 is Masih Memenuhi Syarat");
    assert_eq!(k(68, 100), 1, "exactly 68 is Masih Memenuhi Syarat");
    assert_eq!(k(6799, 10_000), 2, "67.99 is Kurang Memenuhi Syarat");
    assert_eq!(skala.label(1), "Masih Memenuhi Syarat");
}

#[test]
fn jpm_rounding_and_order_are_exact() {
    let j = |n, d| Jpm::new(n, d).expect("positive denominator");
    assert_eq!(j(2, 3).basis_poin(), 6667);
    assert_eq!(j(1, 8).basis_poin(), 1250);
    // Exactly half a hundredth rounds up.
    assert_eq!(j(1, 20_000).basis_poin(), 1);
    assert_eq!(j(1, 2), j(2, 4));
    assert!(j(2, 3) > j(665, 1000));
    assert!((j(7, 9).persen() - 77.777_777_777_777_78).abs() < 1e-12);
    assert_eq!(Jpm::new(1, 0), None);
}

#[test]
fn scales_are_validated() {
    let pita = |b: u32, l: &str| Pita {
        batas_bawah_bp: b,
        label: l.to_owned(),
    };
    assert_eq!(
        SkalaKategori::new("x", vec![]),
        Err(SkalaTidakValid::Kosong)
    );
    assert_eq!(
        SkalaKategori::new("x", vec![pita(5000, "a"), pita(6000, "b"), pita(0, "c")]),
        Err(SkalaTidakValid::TidakMenurun)
    );
    assert_eq!(
        SkalaKategori::new("x", vec![pita(5000, "a")]),
        Err(SkalaTidakValid::TidakMulaiNol)
    );
    // KKP-style custom scale: Sangat Baik ≥ 85, Baik ≥ 75, Kurang.
    let kkp = SkalaKategori::new(
        "KKP",
        vec![
            pita(8500, "Sangat Baik"),
            pita(7500, "Baik"),
            pita(0, "Kurang"),
        ],
    )
    .expect("valid scale");
    assert_eq!(kkp.kategori(Jpm::new(84, 100).expect("jpm")), 1);
    let json = serde_json::to_string(&kkp).expect("serialize");
    let back: SkalaKategori = serde_json::from_str(&json).expect("deserialize");
    assert_eq!(back, kkp);
    assert!(
        serde_json::from_str::<SkalaKategori>(
            r#"{"nama":"x","pita":[{"batas_bawah_bp":10,"label":"a"}]}"#
        )
        .is_err()
    );
}

#[test]
fn settings_round_trip_and_default() {
    let d = PengaturanJpm::default();
    assert!(d.batasi_level && d.bobot_kompetensi);
    assert_eq!(d.bobot_kelompok, BobotKelompokJpm::Tanpa);
    let atur = kelompok(BobotKelompokJpm::Tetap(
        BobotKelompok::new(60, 40).expect("ok"),
    ));
    let json = serde_json::to_string(&atur).expect("serialize");
    assert_eq!(
        serde_json::from_str::<PengaturanJpm>(&json).expect("deserialize"),
        atur
    );
    assert_eq!(
        serde_json::from_str::<PengaturanJpm>("{}").expect("defaults"),
        d
    );
    let nol = r#"{"bobot_kelompok":{"jenis":"tetap","teknis":0,"manajerial_sosial_kultural":0}}"#;
    assert!(serde_json::from_str::<PengaturanJpm>(nol).is_err());
}

#[test]
fn bad_standards_and_assessments_are_reported_not_computed() {
    let mut b = Pembangun::new();
    let k0 = b.tambah_kompetensi(1, M);
    let k1 = b.tambah_kompetensi(2, T);
    let asing = b.tambah_jabatan(10, None, &[it(k0, 3, 1), it(99, 2, 1)]);
    let level0 = b.tambah_jabatan(11, None, &[it(k0, 0, 1)]);
    let bobot0 = b.tambah_jabatan(12, None, &[it(k0, 2, 0)]);
    let ganda = b.tambah_jabatan(13, None, &[it(k0, 2, 1), it(k0, 3, 1)]);
    let baik = b.tambah_jabatan(14, None, &[it(k0, 3, 1), it(k1, 2, 1)]);
    let u = b.tambah_unit(1);
    let p_asing = b.tambah_pegawai(100, u, Some(asing), StatusAsn::Pns, true);
    let p_baik = b.tambah_pegawai(101, u, Some(baik), StatusAsn::Pns, true);
    for j in [level0, bobot0, ganda] {
        b.tambah_pegawai(200 + i64::from(j), u, Some(j), StatusAsn::Pns, true);
    }
    let (t, s) = (hari(BARU.0), hari(BARU.1));
    b.tambah_penilaian(p_asing, k0, 3, t, s, 1);
    b.tambah_penilaian(p_baik, k0, 3, t, s, 2);
    b.tambah_penilaian(p_baik, k0, 3, t, s, 3); // repeat of 2
    b.tambah_penilaian(p_baik, k1, 7, t, s, 4); // level out of range
    b.tambah_penilaian(p_baik, 42, 2, t, s, 5); // unknown competency
    b.tambah_penilaian(p_baik, k1, 1, t, s, 6);
    let data = b.selesai().expect("indexes exist");
    let q = data.kualitas();
    assert_eq!(q.standar_kompetensi_tidak_dikenal.contoh, vec![10]);
    assert_eq!(q.standar_level_di_luar_rentang.contoh, vec![11]);
    assert_eq!(q.standar_bobot_tidak_valid.contoh, vec![12]);
    assert_eq!(q.standar_ganda_atau_terlalu_panjang.contoh, vec![13]);
    assert_eq!(q.pegawai_standar_tidak_valid.jumlah, 4);
    assert_eq!(
        q.penilaian_ganda.contoh,
        vec![2],
        "the lower id is the repeat"
    );
    assert_eq!(q.penilaian_level_di_luar_rentang.contoh, vec![4]);
    assert_eq!(q.penilaian_kompetensi_tidak_dikenal.contoh, vec![5]);
    assert!(!q.bersih());
    assert_eq!(data.jumlah_penilaian(), 4);
    assert_eq!(
        data.keadaan_standar(asing),
        Some(KeadaanStandar::TidakValid)
    );

    let atur = PengaturanJpm::default();
    let skala = SkalaKategori::pemetaan();
    let h = hitung_pegawai(&data, p_asing, HARI_INI, &atur, &skala).expect("employee");
    assert_eq!(
        (h.jpm, h.tanpa_jpm),
        (None, Some(AlasanTanpaJpm::StandarTidakValid))
    );
    // The good one: (3 + 1) / (3 + 2) = 80 %; the bad rows changed nothing.
    let h = hitung_pegawai(&data, p_baik, HARI_INI, &atur, &skala).expect("employee");
    assert_eq!(h.jpm.map(Jpm::basis_poin), Some(8000));
    assert_eq!(
        kecocokan_jabatan(&data, Pilihan::Semua, asing, HARI_INI, &atur, &skala, 0, 0),
        Err(GalatAnalisis::StandarTidakDapatDipakai(
            KeadaanStandar::TidakValid
        ))
    );
    let peta = peta_panas(&data, Pilihan::Semua, &[0], HARI_INI, &atur).expect("heatmap");
    assert_eq!(peta.pegawai_tanpa_standar, 4);
    assert_eq!(peta.pegawai_dihitung, 1);
}

#[test]
fn problem_lists_count_everything_and_keep_the_smallest_ids() {
    let mut b = Pembangun::new();
    let k = b.tambah_kompetensi(1, M);
    let u = b.tambah_unit(1);
    let p = b.tambah_pegawai(1, u, None, StatusAsn::Pns, true);
    for id in (0..1000).rev() {
        b.tambah_penilaian(p, k, 0, 0, 0, id);
    }
    let data = b.selesai().expect("valid");
    let d = &data.kualitas().penilaian_level_di_luar_rentang;
    assert_eq!(d.jumlah, 1000);
    assert_eq!(d.contoh, (0..BATAS_CONTOH as i64).collect::<Vec<_>>());
    assert_eq!(data.jumlah_penilaian(), 0);
}

#[test]
fn references_that_were_never_handed_out_are_errors() {
    let mut b = Pembangun::new();
    b.tambah_pegawai(7, 3, None, StatusAsn::Pns, true);
    assert_eq!(
        b.selesai().err(),
        Some(GalatData::UnitTidakDikenal {
            pegawai: 7,
            unit: 3
        })
    );
    let mut b = Pembangun::new();
    let u = b.tambah_unit(1);
    b.tambah_pegawai(7, u, Some(5), StatusAsn::Pns, true);
    assert_eq!(
        b.selesai().err(),
        Some(GalatData::JabatanTidakDikenal {
            pegawai: 7,
            jabatan: 5
        })
    );
    let mut b = Pembangun::new();
    b.tambah_penilaian(0, 0, 3, 0, 0, 9);
    assert_eq!(
        b.selesai().err(),
        Some(GalatData::PegawaiTidakDikenal {
            penilaian: 9,
            pegawai: 0
        })
    );
    let data = Pembangun::new().selesai().expect("empty is fine");
    let atur = PengaturanJpm::default();
    let skala = SkalaKategori::pemetaan();
    assert_eq!(
        hitung_pegawai(&data, 0, HARI_INI, &atur, &skala).err(),
        Some(GalatAnalisis::PegawaiTidakDikenal(0))
    );
    assert_eq!(
        hitung_semua(&data, Pilihan::Daftar(&[3]), HARI_INI, &atur, &skala).err(),
        Some(GalatAnalisis::PegawaiTidakDikenal(3))
    );
    assert!(peta_panas(&data, Pilihan::Semua, &[0], HARI_INI, &atur).is_err());
    assert_eq!(
        ringkasan_kota(&data, Pilihan::Semua, HARI_INI, &atur, &skala, 5).map(|r| r.pegawai),
        Ok(0)
    );
}

/// Two OPD rows: units 0 and 1 in row 0, unit 2 in row 1.
/// Standard of position 0: K0 at 3 (weight 2), K1 at 2.
/// p0 (unit 0): K0 4, K1 1 → K0 meets, K1 gap 1.
/// p1 (unit 1): K0 2, K1 expired → K0 gap 1, K1 expired.
/// p2 (unit 2): nothing → both not assessed.
/// p3 (unit 2): no position.
fn kota_kecil() -> Data {
    let mut b = Pembangun::new();
    let k0 = b.tambah_kompetensi(1, M);
    let k1 = b.tambah_kompetensi(2, T);
    let j = b.tambah_jabatan(10, None, &[it(k0, 3, 2), it(k1, 2, 1)]);
    let u: Vec<u32> = (0..3).map(|i| b.tambah_unit(i)).collect();
    let p0 = b.tambah_pegawai(100, u[0], Some(j), StatusAsn::Pns, true);
    let p1 = b.tambah_pegawai(101, u[1], Some(j), StatusAsn::Pppk, true);
    b.tambah_pegawai(102, u[2], Some(j), StatusAsn::Pns, true);
    b.tambah_pegawai(103, u[2], None, StatusAsn::Pns, true);
    let (t, s) = (hari(BARU.0), hari(BARU.1));
    b.tambah_penilaian(p0, k0, 4, t, s, 1);
    b.tambah_penilaian(p0, k1, 1, t, s, 2);
    b.tambah_penilaian(p1, k0, 2, t, s, 3);
    b.tambah_penilaian(p1, k1, 3, hari(LAMA.0), hari(LAMA.1), 4);
    b.selesai().expect("valid")
}

#[test]
fn heatmap_cells_and_drill_down_by_hand() {
    let data = kota_kecil();
    let opd = [0, 0, 1];
    let peta = peta_panas(
        &data,
        Pilihan::Semua,
        &opd,
        HARI_INI,
        &PengaturanJpm::default(),
    )
    .expect("heatmap");
    assert_eq!(
        (
            peta.jumlah_baris,
            peta.pegawai_dihitung,
            peta.pegawai_tanpa_standar
        ),
        (2, 3, 1)
    );
    let sel = |b, k| {
        *peta
            .sel
            .iter()
            .find(|s| s.baris == b && s.kompetensi == k)
            .expect("cell exists")
    };
    let c = sel(0, 0);
    assert_eq!(
        (
            c.wajib,
            c.dinilai,
            c.memenuhi,
            c.jumlah_gap,
            c.jumlah_gap_berbobot
        ),
        (2, 2, 1, 1, 2)
    );
    assert_eq!(c.rerata_gap(), Some(0.5));
    assert_eq!(c.persen_memenuhi(), Some(50.0));
    let c = sel(0, 1);
    assert_eq!(
        (c.wajib, c.dinilai, c.memenuhi, c.jumlah_gap, c.kedaluwarsa),
        (2, 1, 0, 1, 1)
    );
    let c = sel(1, 0);
    assert_eq!((c.wajib, c.dinilai, c.belum_dinilai), (1, 0, 1));
    assert_eq!(c.rerata_gap(), None);
    assert_eq!(
        peta.sel
            .iter()
            .map(|s| (s.baris, s.kompetensi))
            .collect::<Vec<_>>(),
        vec![(0, 0), (0, 1), (1, 0), (1, 1)]
    );

    let orang = pegawai_di_sel(&data, Pilihan::Semua, &opd, 0, 1, HARI_INI).expect("cell");
    assert_eq!(
        orang,
        vec![
            PegawaiSel {
                pegawai: 0,
                wajib: 2,
                status: StatusKompetensi::Kurang { level: 1, gap: 1 }
            },
            PegawaiSel {
                pegawai: 1,
                wajib: 2,
                status: StatusKompetensi::Kedaluwarsa { level: 3 }
            },
        ]
    );
    // A unit left out of the grouping is not counted at all.
    let tanpa_unit_1 = [0, u32::MAX, 1];
    let peta = peta_panas(
        &data,
        Pilihan::Semua,
        &tanpa_unit_1,
        HARI_INI,
        &PengaturanJpm::default(),
    )
    .expect("heatmap");
    assert_eq!((peta.pegawai_dihitung, peta.pegawai_tanpa_standar), (2, 1));
    assert_eq!(peta.sel[0].wajib, 1);
    // A narrower choice (e.g. PPPK only) narrows the cell.
    let pppk = data.saring(|p| data.pegawai_status(p) == Some(StatusAsn::Pppk));
    let orang = pegawai_di_sel(&data, Pilihan::Daftar(&pppk), &opd, 0, 1, HARI_INI).expect("cell");
    assert_eq!(orang.iter().map(|o| o.pegawai).collect::<Vec<_>>(), vec![1]);
}

#[test]
fn distribution_job_fit_and_summary_by_hand() {
    let data = kota_kecil();
    let atur = PengaturanJpm::default();
    let sebaran = sebaran_kompetensi(&data, Pilihan::Semua, HARI_INI).expect("distribution");
    // K0: required by p0..p2; p0 at 4 (gap 0), p1 at 2 (gap 1), p2 missing.
    assert_eq!(sebaran[0].wajib, 3);
    assert_eq!(sebaran[0].level, [0, 1, 0, 1, 0]);
    assert_eq!(sebaran[0].gap, [1, 1, 0, 0, 0]);
    assert_eq!((sebaran[0].belum_dinilai, sebaran[0].kedaluwarsa), (1, 0));
    assert_eq!(
        (sebaran[1].kedaluwarsa, sebaran[1].level_semua),
        (1, [1, 0, 0, 0, 0])
    );

    // JPMs: p0 (2·3 + 1) / (2·3 + 2) = 7/8 = 87.5 %; p1 (2·2) / (2·3) = 66.67 %.
    let seleksi = SkalaKategori::seleksi();
    let fit =
        kecocokan_jabatan(&data, Pilihan::Semua, 0, HARI_INI, &atur, &seleksi, 1, 0).expect("fit");
    let urutan: Vec<(u32, Option<u32>, bool)> = fit
        .iter()
        .map(|f| {
            (
                f.hasil.pegawai,
                f.hasil.jpm.map(Jpm::basis_poin),
                f.memenuhi_syarat,
            )
        })
        .collect();
    // p3 has no position of their own but is measured against this one.
    assert_eq!(
        urutan,
        vec![
            (0, Some(8750), true),
            (1, Some(6667), false),
            (2, None, false),
            (3, None, false)
        ]
    );
    assert_eq!(
        fit.iter().map(|f| f.peringkat).collect::<Vec<_>>(),
        vec![1, 2, 3, 4]
    );

    let r = ringkasan_kota(
        &data,
        Pilihan::Semua,
        HARI_INI,
        &atur,
        &SkalaKategori::pemetaan(),
        10,
    )
    .expect("summary");
    assert_eq!((r.pegawai, r.dengan_jpm, r.memenuhi_semua), (4, 2, 0));
    assert_eq!(r.per_kategori, vec![0, 1, 1]);
    assert_eq!(r.tanpa_jpm.tanpa_jabatan, 1);
    assert_eq!(r.tanpa_jpm.belum_ada_yang_dinilai, 1);
    assert_eq!(
        (
            r.kompetensi_wajib,
            r.kompetensi_dinilai,
            r.kompetensi_kedaluwarsa,
            r.kompetensi_belum_dinilai
        ),
        (6, 3, 1, 2)
    );
    assert_eq!(
        (r.pegawai_dengan_kedaluwarsa, r.pegawai_dengan_belum_dinilai),
        (1, 1)
    );
    // K0: one gap of 1 at weight 2 → 2; K1: one gap of 1 at weight 1 → 1.
    assert_eq!(
        r.kesenjangan_terbesar
            .iter()
            .map(|g| (g.kompetensi, g.jumlah_gap_berbobot))
            .collect::<Vec<_>>(),
        vec![(0, 2), (1, 1)]
    );
}

#[test]
fn threads_do_not_change_results() {
    // Enough employees for the parallel paths to split.
    let build = |utas| {
        let mut b = Pembangun::new();
        b.utas(utas);
        let ks: Vec<u32> = (0..6)
            .map(|i| b.tambah_kompetensi(i, if i < 3 { M } else { T }))
            .collect();
        let js: Vec<u32> = (0..4)
            .map(|j| {
                let std: Vec<ItemStandar> = ks
                    .iter()
                    .filter(|&&k| (k + j) % 3 != 0)
                    .map(|&k| it(k, 1 + ((k + j) % 5) as u8, 1 + k % 2))
                    .collect();
                b.tambah_jabatan(i64::from(j), None, &std)
            })
            .collect();
        let us: Vec<u32> = (0..7).map(|u| b.tambah_unit(u)).collect();
        let mut id = 0;
        for p in 0..20_000u32 {
            let q = b.tambah_pegawai(
                i64::from(p),
                us[(p % 7) as usize],
                Some(js[(p % 4) as usize]),
                StatusAsn::Pns,
                true,
            );
            for &k in &ks {
                if (p + k) % 4 != 0 {
                    id += 1;
                    let t = 20_000 + ((p * 31 + k * 17) % 3000) as i32;
                    b.tambah_penilaian(
                        q,
                        k,
                        1 + ((p + k * 3) % 5) as u8,
                        hari(date!(2018 - 01 - 01)) + t - 20_000,
                        hari(date!(2018 - 01 - 01)) + t - 20_000 + 1095,
                        id,
                    );
                }
            }
        }
        b.selesai().expect("valid")
    };
    let (a, b) = (build(1), build(3));
    let atur = PengaturanJpm::default();
    let skala = SkalaKategori::pemetaan();
    let groups = [0, 0, 1, 1, 2, 2, 2];
    assert_eq!(
        hitung_semua(&a, Pilihan::Semua, HARI_INI, &atur, &skala),
        hitung_semua(&b, Pilihan::Semua, HARI_INI, &atur, &skala)
    );
    assert_eq!(
        peta_panas(&a, Pilihan::Semua, &groups, HARI_INI, &atur),
        peta_panas(&b, Pilihan::Semua, &groups, HARI_INI, &atur)
    );
    assert_eq!(
        sebaran_kompetensi(&a, Pilihan::Semua, HARI_INI),
        sebaran_kompetensi(&b, Pilihan::Semua, HARI_INI)
    );
    assert_eq!(
        kecocokan_jabatan(&a, Pilihan::Semua, 1, HARI_INI, &atur, &skala, 0, 0),
        kecocokan_jabatan(&b, Pilihan::Semua, 1, HARI_INI, &atur, &skala, 0, 0)
    );
}

#[test]
fn large_unsorted_input_is_grouped_like_sorted_input() {
    // 50 000 employees in several blocks of the two-pass grouping; rows in
    // date order (as a database hands them out) against the same rows
    // already in the engine's order.
    let n_p = 50_000u32;
    let mut rows: Vec<(i32, u32, u32, u8, i32)> = Vec::new();
    let mut s = 7u64;
    let mut acak = || {
        s = s
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (s >> 33) as u32
    };
    let base = hari(date!(2021 - 01 - 01));
    for p in 0..n_p {
        for _ in 0..(acak() % 6) {
            let t = base + (acak() % 2000) as i32;
            rows.push((t, p, acak() % 4, 1 + (acak() % 5) as u8, t + 1095));
        }
    }
    rows.sort_unstable();
    let bangun = |urutan: &[usize], utas: usize| {
        let mut b = Pembangun::new();
        b.utas(utas);
        let ks: Vec<u32> = (0..4).map(|k| b.tambah_kompetensi(k, T)).collect();
        let j = b.tambah_jabatan(
            1,
            None,
            &[it(ks[0], 3, 1), it(ks[1], 2, 2), it(ks[3], 4, 1)],
        );
        let u = b.tambah_unit(1);
        for p in 0..n_p {
            b.tambah_pegawai(i64::from(p), u, Some(j), StatusAsn::Pns, true);
        }
        for &i in urutan {
            let (t, p, k, l, sampai) = rows[i];
            b.tambah_penilaian(p, k, l, t, sampai, i as i64 + 1);
        }
        b.selesai().expect("valid")
    };
    let tanggal_urut: Vec<usize> = (0..rows.len()).collect();
    let mut mesin_urut = tanggal_urut.clone();
    mesin_urut.sort_by_key(|&i| {
        let (t, p, k, l, sampai) = rows[i];
        (p, k, std::cmp::Reverse((t, i, l, sampai)))
    });
    let (a, b) = (bangun(&tanggal_urut, 2), bangun(&mesin_urut, 1));
    let c = bangun(&tanggal_urut, 1);
    assert_eq!(
        (&a.pn.id, &a.pn.level),
        (&c.pn.id, &c.pn.level),
        "threads change nothing"
    );
    assert_eq!(a.kualitas(), b.kualitas());
    // Grouped alike: the same offsets, and the same rows in the same order.
    assert_eq!(a.pn.awal, b.pn.awal);
    assert_eq!(a.pn.kompetensi, b.pn.kompetensi);
    assert_eq!(a.pn.id, b.pn.id);
    let baris = |d: &Data, p: u32| {
        let mut v: Vec<(u32, i64, u8, i32, i32)> = d
            .rentang_penilaian(p)
            .map(|i| {
                (
                    d.pn.kompetensi[i],
                    d.pn.id[i],
                    d.pn.level[i],
                    d.pn.tanggal[i],
                    d.pn.berlaku[i],
                )
            })
            .collect();
        v.sort_unstable();
        v
    };
    for p in 0..n_p {
        assert_eq!(baris(&a, p), baris(&b, p));
    }
    let atur = PengaturanJpm::default();
    let skala = SkalaKategori::pemetaan();
    let satu = hitung_semua(&a, Pilihan::Semua, HARI_INI, &atur, &skala).expect("all");
    assert_eq!(
        satu,
        hitung_semua(&b, Pilihan::Semua, HARI_INI, &atur, &skala).expect("all")
    );
    assert!(satu.iter().filter(|r| r.jpm.is_some()).count() > 10_000);
}

// ---------------------------------------------------------------------------
// Brute-force reference: plain structs, no indexes, no sorting tricks.

#[derive(Debug, Clone)]
struct Dunia {
    kelompok: Vec<KelompokKompetensi>,
    jabatan: Vec<(Option<TingkatJabatan>, Vec<ItemStandar>)>,
    unit: u32,
    pegawai: Vec<(u32, Option<u32>, StatusAsn)>,
    /// (pegawai, kompetensi, level, tanggal, berlaku_sampai, id)
    penilaian: Vec<(u32, u32, u8, i32, i32, i64)>,
}

impl Dunia {
    fn bangun(&self, urutan: &[usize], utas: usize) -> Data {
        let mut b = Pembangun::new();
        b.utas(utas);
        for (i, &k) in self.kelompok.iter().enumerate() {
            b.tambah_kompetensi(i as i64, k);
        }
        for (i, (t, s)) in self.jabatan.iter().enumerate() {
            b.tambah_jabatan(i as i64, *t, s);
        }
        for u in 0..self.unit {
            b.tambah_unit(i64::from(u));
        }
        for (i, &(u, j, s)) in self.pegawai.iter().enumerate() {
            b.tambah_pegawai(i as i64, u, j, s, true);
        }
        for &i in urutan {
            let (p, k, l, t, s, id) = self.penilaian[i];
            b.tambah_penilaian(p, k, l, t, s, id);
        }
        b.selesai().expect("generated indexes exist")
    }
}

/// The reference current level: filter, then take the maximum by (day, id).
fn ref_kini(w: &Dunia, p: u32, k: u32, hari: i32) -> (Option<u8>, Option<u8>) {
    let mine = w.penilaian.iter().filter(|r| r.0 == p && r.1 == k);
    let valid = mine
        .clone()
        .filter(|r| r.4 >= hari)
        .max_by_key(|r| (r.3, r.5))
        .map(|r| r.2);
    let any = mine.max_by_key(|r| (r.3, r.5)).map(|r| r.2);
    (valid, any)
}

/// A fraction in u128, compared by cross-multiplication.
#[derive(Debug, Clone, Copy)]
struct Pecahan(u128, u128);

fn sama(a: Pecahan, j: Jpm) -> bool {
    a.0 * u128::from(j.penyebut()) == u128::from(j.pembilang()) * a.1
}

fn ref_standar(w: &Dunia, j: u32) -> Option<&Vec<ItemStandar>> {
    let std = &w.jabatan[j as usize].1;
    let n = w.kelompok.len() as u32;
    let mut ks: Vec<u32> = std.iter().map(|i| i.kompetensi).collect();
    ks.sort();
    ks.dedup();
    let ok = !std.is_empty()
        && ks.len() == std.len()
        && std.iter().all(|i| {
            i.kompetensi < n && (1..=5).contains(&i.level) && (1..=MAKS_BOBOT).contains(&i.bobot)
        });
    ok.then_some(std)
}

/// (JPM fraction or reason, counts) of employee `p` against position `j`.
fn ref_jpm(
    w: &Dunia,
    p: u32,
    j: Option<u32>,
    hari: i32,
    atur: &PengaturanJpm,
) -> (Result<Pecahan, AlasanTanpaJpm>, Jumlah) {
    let mut n = Jumlah::default();
    let Some(j) = j else {
        return (Err(AlasanTanpaJpm::TanpaJabatan), n);
    };
    if w.jabatan[j as usize].1.is_empty() {
        return (Err(AlasanTanpaJpm::JabatanTanpaStandar), n);
    }
    let Some(std) = ref_standar(w, j) else {
        return (Err(AlasanTanpaJpm::StandarTidakValid), n);
    };
    // Per group: (Σ w·achieved, Σ w·required).
    let mut g = [(0u128, 0u128); 2];
    for item in std {
        n.wajib += 1;
        let grp = usize::from(w.kelompok[item.kompetensi as usize] != KelompokKompetensi::Teknis);
        let wt = if atur.bobot_kompetensi {
            u128::from(item.bobot)
        } else {
            1
        };
        match ref_kini(w, p, item.kompetensi, hari) {
            (Some(l), _) => {
                n.dinilai += 1;
                if l >= item.level {
                    n.memenuhi += 1
                } else {
                    n.kurang += 1;
                    n.jumlah_gap += u32::from(item.level - l)
                }
                let a = if atur.batasi_level {
                    l.min(item.level)
                } else {
                    l
                };
                g[grp].0 += wt * u128::from(a);
                g[grp].1 += wt * u128::from(item.level);
            }
            (None, Some(_)) => n.kedaluwarsa += 1,
            (None, None) => n.belum_dinilai += 1,
        }
    }
    if n.dinilai == 0 {
        return (Err(AlasanTanpaJpm::BelumAdaYangDinilai), n);
    }
    let bobot = atur.bobot_kelompok_untuk(w.jabatan[j as usize].0);
    let Some(b) = bobot else {
        return (Ok(Pecahan(g[0].0 + g[1].0, g[0].1 + g[1].1)), n);
    };
    // Σ w_g · N_g/D_g over groups present, divided by Σ w_g present.
    let ws = [
        u128::from(b.teknis()),
        u128::from(b.manajerial_sosial_kultural()),
    ];
    let mut num = Pecahan(0, 1);
    let mut wsum = 0u128;
    for i in 0..2 {
        if ws[i] > 0 && g[i].1 > 0 {
            num = Pecahan(num.0 * g[i].1 + ws[i] * g[i].0 * num.1, num.1 * g[i].1);
            wsum += ws[i];
        }
    }
    if wsum == 0 {
        return (Err(AlasanTanpaJpm::KelompokBerbobotBelumDinilai), n);
    }
    (Ok(Pecahan(num.0, num.1 * wsum)), n)
}

fn ref_kategori(skala: &SkalaKategori, f: Pecahan) -> u8 {
    // Walk bands from the top: the first whose bound the value reaches.
    for (i, p) in skala.pita().iter().enumerate() {
        if f.0 * 10_000 >= u128::from(p.batas_bawah_bp) * f.1 {
            return i as u8;
        }
    }
    (skala.pita().len() - 1) as u8
}

fn tingkat_strategy() -> impl Strategy<Value = Option<TingkatJabatan>> {
    prop_oneof![
        Just(None),
        Just(Some(TingkatJabatan::fungsional(
            JenjangFungsional::AhliPertama
        ))),
        Just(Some(TingkatJabatan::fungsional(
            JenjangFungsional::AhliMuda
        ))),
        Just(Some(TingkatJabatan::fungsional(
            JenjangFungsional::AhliMadya
        ))),
        Just(Some(TingkatJabatan::fungsional(
            JenjangFungsional::AhliUtama
        ))),
    ]
}

fn dunia_strategy() -> impl Strategy<Value = Dunia> {
    (1usize..6, 1usize..4, 1u32..4, 0usize..10).prop_flat_map(|(nk, nj, nu, np)| {
        let kelompok = prop::collection::vec(prop_oneof![Just(M), Just(S), Just(T)], nk);
        // Standards: mostly valid; sometimes empty, sometimes with bad lines.
        let item = (0..nk as u32 + 1, prop_oneof![8 => 1u8..=5, 1 => Just(0u8)], prop_oneof![8 => 1u32..4, 1 => Just(0u32)])
            .prop_map(|(k, level, bobot)| it(k, level, bobot));
        let standar = prop_oneof![
            6 => prop::sample::subsequence((0..nk as u32).collect::<Vec<_>>(), 0..=nk)
                .prop_flat_map(|ks| {
                    let n = ks.len();
                    (Just(ks), prop::collection::vec((1u8..=5, 1u32..4), n))
                })
                .prop_map(|(ks, lv)| ks.into_iter().zip(lv).map(|(k, (l, w))| it(k, l, w)).collect::<Vec<_>>()),
            1 => prop::collection::vec(item, 0..4),
        ];
        let jabatan = prop::collection::vec((tingkat_strategy(), standar), nj);
        let pegawai = prop::collection::vec(
            (0..nu, prop_oneof![1 => Just(None), 5 => (0..nj as u32).prop_map(Some)], prop_oneof![Just(StatusAsn::Pns), Just(StatusAsn::Pppk)]),
            np,
        );
        let penilaian = if np == 0 {
            Just(Vec::new()).boxed()
        } else {
            prop::collection::vec(
                (0..np as u32, 0..nk as u32, prop_oneof![12 => 1u8..=5, 1 => Just(6u8)], 0i32..3000, 0i32..1500, 0i64..40),
                0..30,
            )
            .prop_map(|rows| {
                let base = nomor_hari(date!(2018 - 01 - 01));
                rows.into_iter()
                    .enumerate()
                    // Unique ids: a random high part, the row number below.
                    .map(|(i, (p, k, l, t, span, idr))| (p, k, l, base + t, base + t + span, idr * 100 + i as i64))
                    .collect()
            })
            .boxed()
        };
        (kelompok, jabatan, Just(nu), pegawai, penilaian).prop_map(|(kelompok, jabatan, unit, pegawai, penilaian)| Dunia { kelompok, jabatan, unit, pegawai, penilaian })
    })
}

fn atur_strategy() -> impl Strategy<Value = PengaturanJpm> {
    let kel = prop_oneof![
        Just(BobotKelompokJpm::Tanpa),
        Just(BobotKelompokJpm::Jfkk),
        (0u16..5, 0u16..5).prop_filter_map("one positive", |(t, m)| BobotKelompok::new(t, m)
            .ok()
            .map(BobotKelompokJpm::Tetap)),
    ];
    (any::<bool>(), any::<bool>(), kel).prop_map(
        |(batasi_level, bobot_kompetensi, bobot_kelompok)| PengaturanJpm {
            batasi_level,
            bobot_kompetensi,
            bobot_kelompok,
        },
    )
}

/// Today: a random day, or (often) exactly the last valid day of one row,
/// so the validity boundary is exercised.
fn pilih_hari(w: &Dunia, d: i32, batas: Option<prop::sample::Index>) -> Date {
    let base = date!(2018 - 01 - 01);
    match batas {
        Some(i) if !w.penilaian.is_empty() => {
            tanggal_dari_nomor(w.penilaian[i.index(w.penilaian.len())].4).expect("date")
        }
        _ => base + time::Duration::days(i64::from(d)),
    }
}

/// The world's assessment rows, valid ones only (as the builder keeps them).
fn bersihkan(w: &Dunia) -> Dunia {
    let mut c = w.clone();
    c.penilaian.retain(|r| (1..=5).contains(&r.2));
    c
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn per_employee_matches_the_reference(w in dunia_strategy(), atur in atur_strategy(), d in 0i32..4000, batas in prop::option::of(any::<prop::sample::Index>())) {
        let data = w.bangun(&(0..w.penilaian.len()).collect::<Vec<_>>(), 1);
        let rw = bersihkan(&w);
        let hari_ini = pilih_hari(&w, d, batas);
        let h = nomor_hari(hari_ini);
        let skala = SkalaKategori::seleksi();
        let semua = hitung_semua(&data, Pilihan::Semua, hari_ini, &atur, &skala).expect("all");
        for (p, got) in semua.iter().enumerate() {
            let p = p as u32;
            let (expect, jumlah) = ref_jpm(&rw, p, rw.pegawai[p as usize].1, h, &atur);
            prop_assert_eq!(got.pegawai, p);
            prop_assert_eq!(got.jumlah, jumlah);
            match expect {
                Ok(f) => {
                    let jpm = got.jpm.expect("engine has a JPM too");
                    prop_assert!(sama(f, jpm), "{:?} vs {:?}", f, jpm);
                    prop_assert_eq!(got.kategori, Some(ref_kategori(&skala, f)));
                    if atur.batasi_level { prop_assert!(jpm.pembilang() <= jpm.penyebut()); }
                }
                Err(a) => prop_assert_eq!((got.jpm, got.tanpa_jpm), (None, Some(a))),
            }
            // The detailed result agrees with the table and with the reference per line.
            let detail = hitung_pegawai(&data, p, hari_ini, &atur, &skala).expect("employee");
            prop_assert_eq!((detail.jpm, detail.tanpa_jpm, detail.jumlah), (got.jpm, got.tanpa_jpm, got.jumlah));
            for r in &detail.rincian {
                let (valid, any) = ref_kini(&rw, p, r.kompetensi, h);
                let expect = match (valid, any) {
                    (Some(l), _) if l >= r.wajib => StatusKompetensi::Memenuhi { level: l },
                    (Some(l), _) => StatusKompetensi::Kurang { level: l, gap: r.wajib - l },
                    (None, Some(l)) => StatusKompetensi::Kedaluwarsa { level: l },
                    (None, None) => StatusKompetensi::BelumDinilai,
                };
                prop_assert_eq!(r.status, expect);
            }
            // The current levels agree with the profil module's rule.
            let rows: Vec<crate::profil::Hasil> = rw.penilaian.iter().filter(|r| r.0 == p).map(|r| crate::profil::Hasil {
                id: r.5,
                kompetensi: i64::from(r.1),
                level: kompeten_domain::Level::try_from(r.2).expect("cleaned"),
                metode: kompeten_domain::MetodePenilaian::AssessmentCenter,
                tanggal: tanggal_dari_nomor(r.3).expect("date"),
                berlaku_sampai: tanggal_dari_nomor(r.4).expect("date"),
            }).collect();
            let profil = crate::profil::profil(&rows, hari_ini);
            let mine = profil_pegawai(&data, p, hari_ini).expect("employee");
            prop_assert_eq!(mine.len(), profil.len());
            for (k, l) in mine {
                prop_assert_eq!(Some(&l), profil.get(&i64::from(k)));
            }
        }
    }

    #[test]
    fn heatmap_and_distribution_match_the_reference(w in dunia_strategy(), d in 0i32..4000, batas in prop::option::of(any::<prop::sample::Index>()), grup in prop::collection::vec(0u32..3, 3), pick in prop::collection::vec(any::<bool>(), 10)) {
        let data = w.bangun(&(0..w.penilaian.len()).collect::<Vec<_>>(), 1);
        let rw = bersihkan(&w);
        let hari_ini = pilih_hari(&w, d, batas);
        let h = nomor_hari(hari_ini);
        let kelompok_unit: Vec<u32> = (0..w.unit).map(|u| grup[u as usize]).collect();
        let dipilih: Vec<u32> = (0..w.pegawai.len() as u32).filter(|&p| pick[p as usize]).collect();
        let atur = PengaturanJpm::default();
        let peta = peta_panas(&data, Pilihan::Daftar(&dipilih), &kelompok_unit, hari_ini, &atur).expect("heatmap");
        let sebaran = sebaran_kompetensi(&data, Pilihan::Daftar(&dipilih), hari_ini).expect("distribution");

        // Reference heatmap: every (row, competency) pair by brute force.
        let mut expect = Vec::new();
        let rows = kelompok_unit.iter().map(|&b| b + 1).max().unwrap_or(0);
        for b in 0..rows {
            for k in 0..w.kelompok.len() as u32 {
                let mut c = SelPeta { baris: b, kompetensi: k, ..SelPeta::default() };
                for &p in &dipilih {
                    let (u, j, _) = rw.pegawai[p as usize];
                    if kelompok_unit[u as usize] != b { continue; }
                    let Some(std) = j.and_then(|j| ref_standar(&rw, j)) else { continue };
                    let Some(item) = std.iter().find(|i| i.kompetensi == k) else { continue };
                    c.wajib += 1;
                    match ref_kini(&rw, p, k, h) {
                        (Some(l), _) => {
                            c.dinilai += 1;
                            if l >= item.level { c.memenuhi += 1 } else {
                                c.jumlah_gap += u64::from(item.level - l);
                                c.jumlah_gap_berbobot += u64::from(item.level - l) * u64::from(item.bobot);
                            }
                        }
                        (None, Some(_)) => c.kedaluwarsa += 1,
                        (None, None) => c.belum_dinilai += 1,
                    }
                }
                if c.wajib > 0 { expect.push(c); }
            }
        }
        prop_assert_eq!(&peta.sel, &expect);

        for k in 0..w.kelompok.len() as u32 {
            let mut s = Sebaran { kompetensi: k, ..Sebaran::default() };
            for &p in &dipilih {
                let (valid, any) = ref_kini(&rw, p, k, h);
                if let Some(l) = valid { s.level_semua[usize::from(l - 1)] += 1; }
                let j = rw.pegawai[p as usize].1;
                let Some(std) = j.and_then(|j| ref_standar(&rw, j)) else { continue };
                let Some(item) = std.iter().find(|i| i.kompetensi == k) else { continue };
                s.wajib += 1;
                match (valid, any) {
                    (Some(l), _) => { s.level[usize::from(l - 1)] += 1; s.gap[usize::from(item.level.saturating_sub(l))] += 1; }
                    (None, Some(_)) => s.kedaluwarsa += 1,
                    (None, None) => s.belum_dinilai += 1,
                }
            }
            prop_assert_eq!(sebaran[k as usize], s);
        }

        // Drill-down lists exactly the employees counted in the cell.
        for c in &peta.sel {
            let orang = pegawai_di_sel(&data, Pilihan::Daftar(&dipilih), &kelompok_unit, c.baris, c.kompetensi, hari_ini).expect("cell");
            prop_assert_eq!(orang.len() as u32, c.wajib);
            prop_assert_eq!(orang.iter().filter(|o| matches!(o.status, StatusKompetensi::Memenuhi { .. })).count() as u32, c.memenuhi);
        }
    }

    #[test]
    fn job_fit_order_matches_the_reference(w in dunia_strategy(), atur in atur_strategy(), d in 0i32..4000, batas in prop::option::of(any::<prop::sample::Index>()), ambang in 0u8..3, cakupan in prop::sample::select(vec![0u8, 50, 75, 100])) {
        let data = w.bangun(&(0..w.penilaian.len()).collect::<Vec<_>>(), 1);
        let rw = bersihkan(&w);
        let hari_ini = pilih_hari(&w, d, batas);
        let h = nomor_hari(hari_ini);
        let skala = SkalaKategori::seleksi();
        for j in 0..w.jabatan.len() as u32 {
            let got = kecocokan_jabatan(&data, Pilihan::Semua, j, hari_ini, &atur, &skala, ambang, cakupan);
            if ref_standar(&rw, j).is_none() {
                prop_assert!(got.is_err());
                continue;
            }
            let got = got.expect("usable standard");
            // Reference: compute everyone, then sort by the documented keys.
            let mut expect: Vec<(u32, Option<Pecahan>, Jumlah)> = (0..w.pegawai.len() as u32)
                .map(|p| { let (f, n) = ref_jpm(&rw, p, Some(j), h, &atur); (p, f.ok(), n) })
                .collect();
            let cukup = |e: &(u32, Option<Pecahan>, Jumlah)| e.1.is_some() && u64::from(e.2.dinilai) * 100 >= u64::from(cakupan) * u64::from(e.2.wajib);
            expect.sort_by(|a, b| {
                let dulu = cukup(b).cmp(&cukup(a));
                let jpm = match (a.1, b.1) {
                    (Some(x), Some(y)) => (y.0 * x.1).cmp(&(x.0 * y.1)),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                };
                dulu.then(jpm).then(b.2.dinilai.cmp(&a.2.dinilai)).then(a.2.kedaluwarsa.cmp(&b.2.kedaluwarsa)).then(a.0.cmp(&b.0))
            });
            prop_assert_eq!(got.iter().map(|k| k.hasil.pegawai).collect::<Vec<_>>(), expect.iter().map(|e| e.0).collect::<Vec<_>>());
            for (k, e) in got.iter().zip(&expect) {
                let eligible = cukup(e) && e.1.is_some_and(|f| ref_kategori(&skala, f) <= ambang);
                prop_assert_eq!(k.memenuhi_syarat, eligible);
                prop_assert_eq!(k.cukup_dinilai, cukup(e));
            }
        }
    }

    #[test]
    fn row_order_does_not_change_results(w in dunia_strategy(), atur in atur_strategy(), d in 0i32..4000, batas in prop::option::of(any::<prop::sample::Index>()), seed in any::<u64>()) {
        let n = w.penilaian.len();
        let lurus = w.bangun(&(0..n).collect::<Vec<_>>(), 1);
        // A seeded shuffle (Fisher–Yates with a small LCG).
        let mut urutan: Vec<usize> = (0..n).collect();
        let mut s = seed | 1;
        for i in (1..n).rev() {
            s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            urutan.swap(i, (s >> 33) as usize % (i + 1));
        }
        let acak = w.bangun(&urutan, 2);
        // Already in the engine's order: the builder moves the columns as they are.
        let mut urut: Vec<usize> = (0..n).collect();
        urut.sort_by_key(|&i| { let r = w.penilaian[i]; (r.0, r.1, std::cmp::Reverse((r.3, r.5, r.2, r.4))) });
        let tertata = w.bangun(&urut, 1);
        let hari_ini = pilih_hari(&w, d, batas);
        let skala = SkalaKategori::pemetaan();
        prop_assert_eq!(hitung_semua(&lurus, Pilihan::Semua, hari_ini, &atur, &skala), hitung_semua(&acak, Pilihan::Semua, hari_ini, &atur, &skala));
        let g = vec![0; w.unit as usize];
        prop_assert_eq!(peta_panas(&lurus, Pilihan::Semua, &g, hari_ini, &atur), peta_panas(&acak, Pilihan::Semua, &g, hari_ini, &atur));
        prop_assert_eq!(lurus.kualitas().penilaian_ganda.jumlah, acak.kualitas().penilaian_ganda.jumlah);
        prop_assert_eq!(lurus.kualitas(), tertata.kualitas());
        prop_assert_eq!(hitung_semua(&lurus, Pilihan::Semua, hari_ini, &atur, &skala), hitung_semua(&tertata, Pilihan::Semua, hari_ini, &atur, &skala));
        for p in 0..lurus.jumlah_pegawai() {
            prop_assert_eq!(hitung_pegawai(&lurus, p, hari_ini, &atur, &skala), hitung_pegawai(&acak, p, hari_ini, &atur, &skala));
        }
    }

    #[test]
    fn a_valid_assessment_at_the_required_level_never_lowers_a_capped_jpm(w in dunia_strategy(), d in 0i32..4000, batas in prop::option::of(any::<prop::sample::Index>()), pilih in any::<prop::sample::Index>(), group in any::<bool>()) {
        prop_assume!(!w.pegawai.is_empty());
        let atur = PengaturanJpm {
            bobot_kelompok: if group { BobotKelompokJpm::Tetap(BobotKelompok::new(3, 1).expect("positive")) } else { BobotKelompokJpm::Tanpa },
            ..PengaturanJpm::default()
        };
        let hari_ini = pilih_hari(&w, d, batas);
        let skala = SkalaKategori::pemetaan();
        let data = w.bangun(&(0..w.penilaian.len()).collect::<Vec<_>>(), 1);
        let p = pilih.index(w.pegawai.len()) as u32;
        let before = hitung_pegawai(&data, p, hari_ini, &atur, &skala).expect("employee");
        let Some(j) = w.pegawai[p as usize].1 else { return Ok(()) };
        let Some(std) = ref_standar(&w, j) else { return Ok(()) };
        for item in std {
            let mut w2 = w.clone();
            let h = nomor_hari(hari_ini);
            // Assessed today, the newest result, at exactly the required level.
            w2.penilaian.push((p, item.kompetensi, item.level, h, h + 1095, i64::MAX));
            let after = hitung_pegawai(&w2.bangun(&(0..w2.penilaian.len()).collect::<Vec<_>>(), 1), p, hari_ini, &atur, &skala).expect("employee");
            let a = after.jpm.expect("now assessed");
            prop_assert!(a.pembilang() <= a.penyebut(), "capped JPM above 100: {:?}", a);
            if let Some(b) = before.jpm {
                prop_assert!(a >= b, "{:?} < {:?}", a, b);
            }
        }
    }
}
