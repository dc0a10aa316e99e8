//! The generated data set: determinism, realism and internal consistency.

use kompeten_demo::{
    DEFAULT_SEED, Dataset, DemoError, DemoOptions, NAMA_PEJABAT_NYATA, Rumpun, default_options,
    generate, kamus,
};
use kompeten_domain::{
    JenisJabatan, JenisKelamin, JenisUnit, KelompokKompetensi, LevelManajerialBawaan, MasaBerlaku,
    MetodePenilaian, Nip, PredikatKinerja, Role, StatusAsn,
};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;
use time::Date;
use time::macros::date;

const HARI_INI: Date = date!(2026 - 05 - 15);

fn demo() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| generate(&default_options(HARI_INI)))
}

fn share(part: usize, whole: usize) -> f64 {
    part as f64 / whole as f64
}

fn jabatan_of(d: &Dataset, pegawai: usize) -> Option<&kompeten_demo::JabatanDemo> {
    d.pegawai
        .get(pegawai)?
        .jabatan
        .and_then(|j| d.jabatan.get(j))
}

fn opd_of(d: &Dataset, mut unit: usize) -> usize {
    while let Some(induk) = d.unit[unit].induk {
        unit = induk;
    }
    unit
}

#[test]
fn same_options_give_the_same_dataset_and_another_seed_a_different_one() {
    let again = generate(&default_options(HARI_INI));
    assert_eq!(&again, demo());
    // Byte for byte, including every string and date.
    assert_eq!(format!("{again:?}"), format!("{:?}", demo()));

    let other = generate(&DemoOptions {
        seed: DEFAULT_SEED + 1,
        hari_ini: HARI_INI,
    });
    assert_ne!(&other, demo());
    assert_ne!(other.pegawai[0].nip, demo().pegawai[0].nip);
    // The organisation is the same city whatever the seed.
    assert_eq!(other.jumlah().opd, demo().jumlah().opd);
}

#[test]
fn headcount_and_shares_fit_a_small_city() {
    for seed in [DEFAULT_SEED, 1, 2, 3] {
        let d = if seed == DEFAULT_SEED {
            demo().clone()
        } else {
            generate(&DemoOptions {
                seed,
                hari_ini: HARI_INI,
            })
        };
        let j = d.jumlah();
        assert!(
            (2_300..=2_500).contains(&j.pegawai),
            "seed {seed}: {} ASN",
            j.pegawai
        );
        let guru = share(j.guru, j.pegawai);
        let kesehatan = share(j.tenaga_kesehatan, j.pegawai);
        assert!(
            (0.40..=0.45).contains(&guru),
            "seed {seed}: teachers {guru:.3}"
        );
        assert!(
            (0.20..=0.25).contains(&kesehatan),
            "seed {seed}: health {kesehatan:.3}"
        );
        let pppk = share(j.pppk, j.pegawai);
        assert!((0.15..=0.35).contains(&pppk), "seed {seed}: PPPK {pppk:.3}");
        assert_eq!(j.pns + j.pppk, j.pegawai);
        assert!((10..=20).contains(&j.tanpa_jabatan));
        let nonaktif = j.pegawai - j.pegawai_aktif;
        assert!(
            (5..=60).contains(&nonaktif),
            "seed {seed}: {nonaktif} inactive"
        );
    }
}

#[test]
fn pppk_are_many_among_teachers_and_health_staff_and_absent_from_structural_posts() {
    let d = demo();
    let mut per_rumpun: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (i, p) in d.pegawai.iter().enumerate() {
        let Some(j) = jabatan_of(d, i) else { continue };
        let key = match j.rumpun {
            Rumpun::Guru => "guru",
            Rumpun::Kesehatan => "kesehatan",
            Rumpun::Lainnya => "lainnya",
        };
        let e = per_rumpun.entry(key).or_default();
        e.1 += 1;
        if p.nip.status() == StatusAsn::Pppk {
            e.0 += 1;
            assert!(
                matches!(
                    j.tingkat.jenis(),
                    JenisJabatan::Fungsional | JenisJabatan::Pelaksana
                ),
                "PPPK {} holds structural post {}",
                p.nip,
                j.nama
            );
        }
    }
    let rate = |k: &str| per_rumpun.get(k).map_or(0.0, |(a, b)| share(*a, *b));
    assert!(rate("guru") > 0.25, "teachers {:.3}", rate("guru"));
    assert!(rate("kesehatan") > 0.20, "health {:.3}", rate("kesehatan"));
    assert!(rate("lainnya") < rate("kesehatan") && rate("lainnya") < rate("guru"));
}

#[test]
fn every_nip_parses_with_its_status_and_agrees_with_the_record() {
    let d = demo();
    for p in &d.pegawai {
        let status = p.golongan.status();
        let parsed = Nip::parse(p.nip.as_str(), status).expect("stored NIP parses");
        assert_eq!(parsed, p.nip);
        assert_eq!(
            p.nip.status(),
            status,
            "{}: golongan of the other status",
            p.nip
        );
        match status {
            StatusAsn::Pns => {
                let tmt = p.nip.tmt_cpns().expect("PNS have a TMT CPNS");
                assert_eq!(tmt.tanggal(), p.tmt, "{}: TMT differs from the NIP", p.nip);
                assert!(Nip::parse_pppk(p.nip.as_str()).is_ok());
            }
            StatusAsn::Pppk => {
                assert_eq!(&p.nip.as_str()[8..12], format!("{:04}", p.tmt.year()));
                assert_eq!(&p.nip.as_str()[12..14], "21");
            }
        }
        // Appointed as an adult, between 20 and 50, and not past retirement.
        let lahir = p.nip.tanggal_lahir();
        let usia_angkat = p.tmt.year() - lahir.year();
        assert!(
            (19..=50).contains(&usia_angkat),
            "{}: appointed at {usia_angkat}",
            p.nip
        );
        let usia = HARI_INI.year() - lahir.year();
        assert!((20..=65).contains(&usia), "{}: aged {usia}", p.nip);
        assert!(p.tmt < HARI_INI);
    }
}

#[test]
fn nips_are_unique() {
    let d = demo();
    let unik: BTreeSet<&str> = d.pegawai.iter().map(|p| p.nip.as_str()).collect();
    assert_eq!(unik.len(), d.pegawai.len());
}

#[test]
fn titles_education_and_gender_fit_the_position() {
    let d = demo();
    for (i, p) in d.pegawai.iter().enumerate() {
        let Some(j) = jabatan_of(d, i) else { continue };
        let belakang = p.gelar_belakang.as_deref().unwrap_or("");
        let depan = p.gelar_depan.as_deref().unwrap_or("");
        if j.nama.starts_with("Bidan ") {
            assert_eq!(p.nip.jenis_kelamin(), JenisKelamin::Perempuan, "{}", p.nama);
        }
        if j.nama.starts_with("Dokter Ahli") {
            assert!(depan.ends_with("dr."), "{depan} {} is a doctor", p.nama);
        }
        if j.nama.starts_with("Perawat Ahli") {
            assert!(belakang.starts_with("S.Kep., Ns."), "{} {belakang}", p.nama);
        }
        if j.nama.starts_with("Bidan Terampil") {
            assert_eq!(belakang, "A.Md.Keb.");
        }
        if j.rumpun == Rumpun::Guru {
            assert!(
                belakang.starts_with("S.Pd")
                    || belakang.starts_with("S.Si")
                    || belakang.starts_with("S.Ag"),
                "teacher {} {belakang}",
                p.nama
            );
        }
        if j.nama == "Operator Layanan Operasional"
            && p.pendidikan == kompeten_domain::Pendidikan::Slta
        {
            assert!(p.gelar_belakang.is_none() && p.gelar_depan.is_none());
        }
        if j.tingkat.jenis() == JenisJabatan::JptPratama {
            assert!(
                matches!(p.golongan.code(), "IV/b" | "IV/c" | "IV/d"),
                "{}",
                p.golongan.code()
            );
        }
    }
}

#[test]
fn no_employee_carries_the_name_of_a_real_official() {
    for p in &demo().pegawai {
        assert!(
            !NAMA_PEJABAT_NYATA
                .iter()
                .any(|n| n.eq_ignore_ascii_case(&p.nama)),
            "{}",
            p.nama
        );
    }
}

#[test]
fn the_city_has_its_real_opd_and_territorial_units() {
    let d = demo();
    let opd: Vec<&str> = d
        .unit
        .iter()
        .filter(|u| u.induk.is_none())
        .map(|u| u.nama.as_str())
        .collect();
    for wajib in [
        "Sekretariat Daerah",
        "Sekretariat DPRD",
        "Inspektorat Daerah",
        "Badan Perencanaan, Penelitian dan Pengembangan Daerah",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "Dinas Penanaman Modal, Pelayanan Terpadu Satu Pintu dan Tenaga Kerja",
        "Dinas Kebudayaan, Peninggalan Bersejarah dan Permuseuman",
        "Dinas Kesehatan",
        "Dinas Pendidikan",
        "RSUD Sawahlunto",
        "Kecamatan Barangin",
        "Kecamatan Lembah Segar",
        "Kecamatan Silungkang",
        "Kecamatan Talawi",
    ] {
        assert!(opd.contains(&wajib), "missing OPD {wajib}");
    }
    let count = |jenis: JenisUnit| d.unit.iter().filter(|u| u.jenis == jenis).count();
    assert_eq!(count(JenisUnit::Kecamatan), 4);
    assert_eq!(count(JenisUnit::Kelurahan), 10);
    assert_eq!(count(JenisUnit::Puskesmas), 6);
    assert!((55..=70).contains(&count(JenisUnit::Sekolah)));
    let setda = d
        .unit
        .iter()
        .position(|u| u.nama == "Sekretariat Daerah")
        .expect("Setda");
    let bagian = d
        .unit
        .iter()
        .filter(|u| u.induk == Some(setda) && u.jenis == JenisUnit::Bagian)
        .count();
    assert_eq!(bagian, 10);
    for museum in ["Goedang Ransoem", "Museum Kereta Api", "Mbah Soero"] {
        assert!(
            d.unit
                .iter()
                .any(|u| u.jenis == JenisUnit::Uptd && u.nama.contains(museum))
        );
    }
    assert!(
        d.unit
            .iter()
            .any(|u| u.nama.contains("Mal Pelayanan Publik"))
    );
    assert!(
        d.unit
            .iter()
            .any(|u| u.nama.contains("Balai Latihan Kerja"))
    );

    // A tree in order, with unique codes.
    for (i, u) in d.unit.iter().enumerate() {
        assert!(
            u.induk.is_none_or(|p| p < i),
            "{} before its parent",
            u.kode
        );
    }
    let kode: BTreeSet<&str> = d.unit.iter().map(|u| u.kode.as_str()).collect();
    assert_eq!(kode.len(), d.unit.len());
    let kode: BTreeSet<&str> = d.jabatan.iter().map(|j| j.kode.as_str()).collect();
    assert_eq!(kode.len(), d.jabatan.len());
    // Every OPD is headed by exactly one JPT Pratama or, for a kecamatan, a camat.
    for (i, u) in d.unit.iter().enumerate().filter(|(_, u)| u.induk.is_none()) {
        let kepala = d
            .jabatan
            .iter()
            .filter(|j| j.unit == i)
            .filter(|j| {
                j.tingkat.jenis() == JenisJabatan::JptPratama || j.nama.starts_with("Camat ")
            })
            .count();
        assert!(kepala >= 1, "{} has no head", u.nama);
    }
    let jpt = d
        .jabatan
        .iter()
        .filter(|j| j.tingkat.jenis() == JenisJabatan::JptPratama)
        .count();
    assert!((25..=40).contains(&jpt), "{jpt} JPT Pratama posts");
}

#[test]
fn every_position_has_the_nine_managerial_competencies_and_technical_ones() {
    let d = demo();
    let bawaan = LevelManajerialBawaan::default();
    let wajib = [
        "M.01", "M.02", "M.03", "M.04", "M.05", "M.06", "M.07", "M.08", "SK.01",
    ];
    for j in &d.jabatan {
        let kode: Vec<&str> = j
            .standar
            .iter()
            .map(|s| d.kompetensi[s.kompetensi].kode)
            .collect();
        for w in wajib {
            assert!(kode.contains(&w), "{} lacks {w}", j.nama);
        }
        let unik: BTreeSet<&str> = kode.iter().copied().collect();
        assert_eq!(unik.len(), kode.len(), "{} repeats a competency", j.nama);
        let mut teknis = 0;
        for s in &j.standar {
            let e = d.kompetensi[s.kompetensi];
            assert!(s.bobot >= 1);
            if e.kelompok == KelompokKompetensi::Teknis {
                teknis += 1;
                assert!((1..=4).contains(&s.level.get()), "{} {}", j.nama, e.kode);
            } else {
                assert_eq!(s.level, bawaan.untuk(j.tingkat), "{} {}", j.nama, e.kode);
            }
        }
        assert!(
            (2..=5).contains(&teknis),
            "{} has {teknis} technical competencies",
            j.nama
        );
    }
    // The same position has the same standard wherever it is.
    let guru: Vec<_> = d
        .jabatan
        .iter()
        .filter(|j| j.nama == "Guru Ahli Pertama")
        .collect();
    assert!(guru.len() > 50);
    assert!(guru.iter().all(|j| j.standar == guru[0].standar));
    // Fields follow the unit: a puskesmas position is about health.
    let teknis_dari = |nama: &str| -> BTreeSet<Option<&str>> {
        d.jabatan
            .iter()
            .filter(|j| j.nama == nama)
            .flat_map(|j| j.standar.iter().map(|s| d.kompetensi[s.kompetensi]))
            .filter(|e| e.kelompok == KelompokKompetensi::Teknis)
            .map(|e| e.bidang)
            .collect()
    };
    assert!(teknis_dari("Bidan Terampil").contains(&Some("kesehatan")));
    assert!(teknis_dari("Pranata Komputer Ahli Pertama").contains(&Some("spbe")));
    assert!(teknis_dari("Guru Ahli Madya").contains(&Some("pendidikan")));
    assert_eq!(d.kompetensi.len(), kamus::semua().count());
}

#[test]
fn assessments_span_five_years_with_expired_and_valid_results() {
    let d = demo();
    let j = d.jumlah();
    assert!(
        (25_000..=45_000).contains(&j.penilaian),
        "{} rows",
        j.penilaian
    );
    let awal = HARI_INI.replace_year(HARI_INI.year() - 5).expect("date");
    let masa = MasaBerlaku::default();
    for n in &d.penilaian {
        assert!(n.tanggal >= awal && n.tanggal < HARI_INI, "{}", n.tanggal);
        assert_eq!(n.berlaku_sampai, masa.berlaku_sampai(n.tanggal));
        assert!((1..=5).contains(&n.level.get()));
        assert!(!n.asesor.is_empty() && !n.catatan_bukti.is_empty());
        // Only competencies of the person's own position are assessed.
        let jabatan = jabatan_of(d, n.pegawai).expect("assessed people hold a position");
        assert!(jabatan.standar.iter().any(|s| s.kompetensi == n.kompetensi));
    }
    assert!(
        share(j.penilaian_kedaluwarsa, j.penilaian) > 0.1,
        "too few expired"
    );
    assert!(
        share(j.penilaian_berlaku, j.penilaian) > 0.5,
        "too few valid"
    );
    let tidak_pernah = share(j.pegawai - j.pegawai_pernah_dinilai, j.pegawai);
    assert!(
        (0.18..=0.28).contains(&tidak_pernah),
        "never assessed {tidak_pernah:.3}"
    );

    // Levels centre on the required level; a minority is two below.
    let mut selisih: BTreeMap<i32, usize> = BTreeMap::new();
    for n in &d.penilaian {
        let jabatan = jabatan_of(d, n.pegawai).expect("position");
        let wajib = jabatan
            .standar
            .iter()
            .find(|s| s.kompetensi == n.kompetensi)
            .expect("in standard");
        *selisih
            .entry(i32::from(n.level.get()) - i32::from(wajib.level.get()))
            .or_default() += 1;
    }
    let dekat: usize = (-1..=1)
        .map(|k| selisih.get(&k).copied().unwrap_or(0))
        .sum();
    assert!(share(dekat, d.penilaian.len()) > 0.9, "{selisih:?}");
    let dua_di_bawah = share(selisih.get(&-2).copied().unwrap_or(0), d.penilaian.len());
    assert!(dua_di_bawah > 0.003 && dua_di_bawah < 0.1, "{selisih:?}");

    // Higher positions score higher on the managerial competencies.
    let rata = |jenis: JenisJabatan| {
        let levels: Vec<u8> = d
            .penilaian
            .iter()
            .filter(|n| d.kompetensi[n.kompetensi].kelompok == KelompokKompetensi::Manajerial)
            .filter(|n| jabatan_of(d, n.pegawai).is_some_and(|j| j.tingkat.jenis() == jenis))
            .map(|n| n.level.get())
            .collect();
        levels.iter().map(|l| f64::from(*l)).sum::<f64>() / levels.len() as f64
    };
    assert!(rata(JenisJabatan::JptPratama) > rata(JenisJabatan::Administrator));
    assert!(rata(JenisJabatan::Administrator) > rata(JenisJabatan::Pengawas));
    assert!(rata(JenisJabatan::Pengawas) > rata(JenisJabatan::Pelaksana));

    // Structural officials were assessed on all nine by AC or CACT.
    for (i, _) in d.pegawai.iter().enumerate() {
        let Some(jab) = jabatan_of(d, i) else {
            continue;
        };
        if jab.tingkat.jenis() != JenisJabatan::JptPratama {
            continue;
        }
        let ac: BTreeSet<usize> = d
            .penilaian
            .iter()
            .filter(|n| n.pegawai == i && n.metode == MetodePenilaian::AssessmentCenter)
            .map(|n| n.kompetensi)
            .collect();
        assert!(ac.is_empty() || ac.len() == 9, "partial assessment center");
    }

    // History: some people were assessed on the same competency more than once.
    let mut per: BTreeMap<(usize, usize), BTreeSet<Date>> = BTreeMap::new();
    for n in &d.penilaian {
        per.entry((n.pegawai, n.kompetensi))
            .or_default()
            .insert(n.tanggal);
    }
    let ulang = per.values().filter(|t| t.len() > 1).count();
    assert!(ulang > 1_000, "{ulang} repeated assessments");
    let metode: BTreeSet<&str> = d.penilaian.iter().map(|n| n.metode.code()).collect();
    assert_eq!(
        metode.len(),
        MetodePenilaian::ALL.len(),
        "every method appears: {metode:?}"
    );
}

#[test]
fn skp_covers_the_two_full_years_before_today() {
    let d = demo();
    let tahun: BTreeSet<i32> = d.skp.iter().map(|s| s.tahun).collect();
    assert_eq!(
        tahun,
        BTreeSet::from([HARI_INI.year() - 2, HARI_INI.year() - 1])
    );
    let unik: BTreeSet<(usize, i32)> = d.skp.iter().map(|s| (s.pegawai, s.tahun)).collect();
    assert_eq!(unik.len(), d.skp.len());
    let aktif = d.pegawai.iter().filter(|p| p.aktif).count();
    for t in tahun {
        let baris: Vec<_> = d.skp.iter().filter(|s| s.tahun == t).collect();
        assert!(baris.iter().all(|s| d.pegawai[s.pegawai].aktif));
        assert!(
            share(baris.len(), aktif) > 0.75,
            "{t}: {} ratings",
            baris.len()
        );
        let n = |p: PredikatKinerja| baris.iter().filter(|s| s.predikat == p).count();
        let sb = share(n(PredikatKinerja::SangatBaik), baris.len());
        let b = share(n(PredikatKinerja::Baik), baris.len());
        let bp = share(n(PredikatKinerja::ButuhPerbaikan), baris.len());
        let buruk = share(
            n(PredikatKinerja::Kurang) + n(PredikatKinerja::SangatKurang),
            baris.len(),
        );
        assert!((0.15..=0.25).contains(&sb), "{t}: sangat baik {sb:.3}");
        assert!(b > 0.6, "{t}: baik {b:.3}");
        assert!((0.01..=0.1).contains(&bp), "{t}: butuh perbaikan {bp:.3}");
        assert!(buruk > 0.0 && buruk < 0.04, "{t}: kurang {buruk:.3}");
    }
}

#[test]
fn one_account_per_role_tied_to_real_records() {
    let d = demo();
    let roles: BTreeSet<&str> = d.akun.iter().map(|a| a.role.code()).collect();
    assert_eq!(roles.len(), Role::ALL.len());
    assert_eq!(d.akun.len(), Role::ALL.len());
    for a in &d.akun {
        assert!(a.password.chars().count() >= 12, "{}", a.username);
        assert!(!a.keterangan.is_empty() && !a.nama_tampilan.is_empty());
        assert!(!a.username.contains(' '));
    }
    let akun = |r: Role| d.akun.iter().find(|a| a.role == r).expect("account");
    let dpmptsp = akun(Role::PimpinanOpd).unit.expect("pimpinan has a unit");
    assert_eq!(d.unit[dpmptsp].kode, "DPMPTSP");
    assert!(d.unit[dpmptsp].induk.is_none());
    let kepala = akun(Role::PimpinanOpd)
        .pegawai
        .expect("the head's own record");
    let jab = jabatan_of(d, kepala).expect("position");
    assert_eq!(jab.unit, dpmptsp);
    assert_eq!(jab.tingkat.jenis(), JenisJabatan::JptPratama);

    let staf = akun(Role::Pegawai)
        .pegawai
        .expect("pegawai account has a record");
    let p = &d.pegawai[staf];
    assert!(p.aktif);
    assert!(d.unit[p.unit].nama.contains("Mal Pelayanan Publik"));
    assert_eq!(opd_of(d, p.unit), dpmptsp);
    assert!(
        d.penilaian.iter().any(|n| n.pegawai == staf),
        "the demo employee has results"
    );
    assert!(
        akun(Role::Mitra)
            .nama_tampilan
            .contains("Universitas Andalas")
    );
    let unand = akun(Role::Mitra)
        .mitra
        .expect("mitra account has a partner");
    assert_eq!(d.mitra[unand].kode, "UNAND");
    assert!(
        d.program.iter().any(|p| p.penyelenggara == Some(unand)),
        "the partner has programs to keep"
    );
    assert!(
        d.akun
            .iter()
            .filter(|a| a.role != Role::Mitra)
            .all(|a| a.mitra.is_none())
    );
    assert!(akun(Role::Auditor).nama_tampilan.contains("Inspektorat"));
    assert_eq!(akun(Role::AdminBkpsdm).username, "admin.bkpsdm");
}

#[test]
fn the_reference_day_is_clamped_and_moves_the_history_with_it() {
    let lama = generate(&DemoOptions {
        seed: DEFAULT_SEED,
        hari_ini: date!(1990 - 01 - 01),
    });
    assert_eq!(lama.hari_ini, date!(2000 - 01 - 01));
    lama.periksa().expect("consistent");
    assert!(lama.penilaian.iter().all(|n| n.tanggal < lama.hari_ini));

    let nanti = generate(&default_options(date!(2031 - 02 - 01)));
    assert_eq!(nanti.hari_ini, date!(2031 - 02 - 01));
    nanti.periksa().expect("consistent");
    assert!(nanti.skp.iter().all(|s| s.tahun == 2029 || s.tahun == 2030));
    assert!(
        nanti
            .penilaian
            .iter()
            .all(|n| n.tanggal >= date!(2026 - 02 - 01))
    );
}

#[test]
fn an_inconsistent_dataset_is_rejected() {
    demo().periksa().expect("the generated set is consistent");
    let mut rusak = demo().clone();
    rusak.pegawai[0].unit = rusak.unit.len();
    assert!(matches!(rusak.periksa(), Err(DemoError::Invalid(_))));
    let mut rusak = demo().clone();
    rusak.unit[0].induk = Some(5);
    assert!(matches!(rusak.periksa(), Err(DemoError::Invalid(_))));
    let mut rusak = demo().clone();
    rusak.penilaian[0].kompetensi = 10_000;
    assert!(matches!(rusak.periksa(), Err(DemoError::Invalid(_))));
}
