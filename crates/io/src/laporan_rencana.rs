//! A stored plan version checked against its own needs, and its exports:
//! the "Per OPD", "Per program" and "Per pegawai" tables of the workbook
//! "Rencana Pengembangan Kompetensi" (the web download and `kompeten plan
//! export`).
//!
//! The numbers come from the version's stored problem, not today's
//! records, so an export made a year later shows what was decided.

use crate::ExportError;
use crate::rencana::GalatRencana;
use crate::tabel::{Kolom, Sel, Tabel, tulis_xlsx_buku};
use kompeten_domain::format::{ribuan, tanggal};
use kompeten_engine::rencana::{
    Answer, Assignment, Evaluation, Model, Problem, Solution, Violation, evaluate_ids, jp_compliant,
};
use kompeten_store::{
    HasilRencana, InstansiId, Lingkup, PegawaiId, Penugasan, ProgramId, Rencana, Store,
    StoreResult, UnitId,
};
use serde::Deserialize;
use std::collections::{BTreeSet, HashMap, HashSet};
use time::Date;

/// The title of the exported workbook.
pub const JUDUL_BUKU: &str = "Rencana Pengembangan Kompetensi";

// ---------------------------------------------------------------- numbers

/// "Rp750.000.000".
pub fn rupiah(v: u64) -> String {
    format!("Rp{}", ribuan(v))
}

/// [`rupiah`] of a stored amount; a negative one (never written) shows 0.
pub fn rupiah_i(v: i64) -> String {
    rupiah(u64::try_from(v).unwrap_or(0))
}

/// One decimal with a comma and thousands dots: "4.903,5".
pub fn desimal(x: f64) -> String {
    let persepuluh = (x * 10.0).round().max(0.0) as u64;
    format!("{},{}", ribuan(persepuluh / 10), persepuluh % 10)
}

/// (bound − value) ÷ bound in percent; 0 without a bound.
pub fn selisih_persen(h: &HasilRencana) -> f64 {
    if h.batas > 0.0 {
        ((h.batas - h.nilai) / h.batas * 100.0).max(0.0)
    } else {
        0.0
    }
}

/// What an assignment closes: "K01 +2, 8 JP".
pub fn menutup(a: &Assignment) -> String {
    let mut bagian: Vec<String> = a
        .closes
        .iter()
        .map(|c| format!("{} +{}", c.competency, c.levels))
        .collect();
    if a.jp_counted > 0 {
        bagian.push(format!("{} JP", a.jp_counted));
    }
    bagian.join(", ")
}

// ---------------------------------------------------------------- checking

/// A plan's assignments checked against its needs.
pub struct Hitungan {
    pub model: Model,
    /// The checker's numbers and the per-assignment detail; the refusal
    /// when the stored assignments no longer fit (never for plans written
    /// through the checker).
    pub hasil: Result<(Evaluation, Answer), Violation>,
}

impl Hitungan {
    /// The stored problem `masalah` as a model with `pairs` of (NIP, code)
    /// checked against it; `bound` is the version's proven bound.
    pub fn dari(
        masalah: &serde_json::Value,
        pairs: &[(String, String)],
        bound: f64,
    ) -> Result<Self, GalatRencana> {
        let model = model_dari(masalah)?;
        let hasil = nilai_rencana(&model, pairs, bound);
        Ok(Hitungan { model, hasil })
    }

    pub fn jawaban(&self) -> Option<&Answer> {
        self.hasil.as_ref().ok().map(|(_, a)| a)
    }

    /// Employees whose new JP reaches the yearly target.
    pub fn jp_memenuhi(&self) -> Option<usize> {
        self.hasil
            .as_ref()
            .ok()
            .map(|(ev, _)| jp_compliant(&self.model, ev))
    }

    /// Per (NIP, code): the answer's line.
    pub fn per_pasangan(&self) -> HashMap<(&str, &str), &Assignment> {
        self.jawaban()
            .map(|a| {
                a.assignments
                    .iter()
                    .map(|x| ((x.employee.as_str(), x.program.as_str()), x))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// JP per program code.
    pub fn jp_per_program(&self) -> HashMap<&str, u64> {
        self.model
            .programs
            .iter()
            .map(|p| (p.id.as_str(), p.jp))
            .collect()
    }
}

/// Checks `pairs` of (NIP, code) and details them like the solver's answer.
pub fn nilai_rencana(
    model: &Model,
    pairs: &[(String, String)],
    bound: f64,
) -> Result<(Evaluation, Answer), Violation> {
    let ev = evaluate_ids(model, pairs)?;
    let pegawai: HashMap<&str, usize> = model
        .employees
        .iter()
        .enumerate()
        .map(|(n, e)| (e.id.as_str(), n))
        .collect();
    let program: HashMap<&str, usize> = model
        .programs
        .iter()
        .enumerate()
        .map(|(n, p)| (p.id.as_str(), n))
        .collect();
    // evaluate_ids accepted every id.
    let mut indeks: Vec<(usize, usize)> = pairs
        .iter()
        .filter_map(|(e, p)| Some((*pegawai.get(e.as_str())?, *program.get(p.as_str())?)))
        .collect();
    indeks.sort_unstable();
    let solusi = Solution {
        assignments: indeks,
        evaluation: ev.clone(),
        bound,
        rounds: 0,
        stopped: false,
    };
    let jawaban = Answer::new(model, &solusi);
    Ok((ev, jawaban))
}

/// The stored `kompeten.plan-problem/v1` document, read back.
pub fn masalah_dari(masalah: &serde_json::Value) -> Result<Problem, GalatRencana> {
    Problem::deserialize(masalah).map_err(|e| GalatRencana::Tersimpan(e.to_string()))
}

/// The stored `kompeten.plan-problem/v1` document as a model.
pub fn model_dari(masalah: &serde_json::Value) -> Result<Model, GalatRencana> {
    masalah_dari(masalah)?
        .validate()
        .map_err(|e| GalatRencana::Tersimpan(e.to_string()))
}

/// The (NIP, code) pairs of stored assignments.
pub fn pasangan(p: &[Penugasan]) -> Vec<(String, String)> {
    p.iter()
        .map(|x| (x.nip.as_str().to_owned(), x.program_kode.clone()))
        .collect()
}

/// Per-OPD figures of the whole plan, in the store's OPD order.
pub struct Opd {
    pub id: UnitId,
    pub nama: String,
    pub peserta: BTreeSet<PegawaiId>,
    pub penugasan: u64,
    pub jp: u64,
    pub biaya: f64,
}

pub fn per_opd(semua: &[Penugasan], h: &Hitungan) -> Vec<Opd> {
    let detail = h.per_pasangan();
    let jp = h.jp_per_program();
    let mut out: Vec<Opd> = Vec::new();
    let mut indeks: HashMap<UnitId, usize> = HashMap::new();
    for p in semua {
        let n = *indeks.entry(p.opd).or_insert_with(|| {
            out.push(Opd {
                id: p.opd,
                nama: p.opd_nama.clone(),
                peserta: BTreeSet::new(),
                penugasan: 0,
                jp: 0,
                biaya: 0.0,
            });
            out.len() - 1
        });
        let o = &mut out[n];
        o.peserta.insert(p.pegawai);
        o.penugasan += 1;
        o.jp += jp.get(p.program_kode.as_str()).copied().unwrap_or(0);
        o.biaya += detail
            .get(&(p.nip.as_str(), p.program_kode.as_str()))
            .map_or(0.0, |a| a.cost);
    }
    out
}

/// Per-program figures of the whole plan: what to organise and pay for.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramRencana {
    pub program: ProgramId,
    pub kode: String,
    pub judul: String,
    pub peserta: u64,
    pub angkatan: u64,
    /// JP of the program (each participant's).
    pub jp: u64,
    pub biaya: u64,
    /// Participants among the assignments a reader may see.
    pub peserta_terlihat: u64,
}

/// The programs the plan runs (`semua`: every assignment), with the
/// participants among `terlihat`, the dearest first (then by code); empty
/// when the stored assignments no longer fit their needs.
pub fn per_program(
    semua: &[Penugasan],
    terlihat: &[Penugasan],
    h: &Hitungan,
) -> Vec<ProgramRencana> {
    let Some(jawaban) = h.jawaban() else {
        return Vec::new();
    };
    let katalog: HashMap<&str, (ProgramId, &str)> = semua
        .iter()
        .map(|p| {
            (
                p.program_kode.as_str(),
                (p.program, p.program_judul.as_str()),
            )
        })
        .collect();
    let jp = h.jp_per_program();
    let mut dalam: HashMap<&str, u64> = HashMap::new();
    for p in terlihat {
        *dalam.entry(p.program_kode.as_str()).or_default() += 1;
    }
    let mut out: Vec<ProgramRencana> = jawaban
        .batches
        .iter()
        .filter_map(|b| {
            let (program, judul) = katalog.get(b.program.as_str())?;
            Some(ProgramRencana {
                program: *program,
                kode: b.program.clone(),
                judul: (*judul).to_owned(),
                peserta: b.participants,
                angkatan: b.batches,
                jp: jp.get(b.program.as_str()).copied().unwrap_or(0),
                biaya: b.cost,
                peserta_terlihat: dalam.get(b.program.as_str()).copied().unwrap_or(0),
            })
        })
        .collect();
    out.sort_by(|a, b| b.biaya.cmp(&a.biaya).then_with(|| a.kode.cmp(&b.kode)));
    out
}

// ---------------------------------------------------------------- exports

/// Everything the exports of a version are made from, read from the store.
pub struct BahanRencana {
    pub rencana: Rencana,
    /// Every assignment: the per-OPD figures are of the whole plan.
    pub semua: Vec<Penugasan>,
    /// The assignments within the reader's scope.
    pub terlihat: Vec<Penugasan>,
    pub lingkup: Lingkup,
    /// The stored problem.
    pub masalah: serde_json::Value,
}

/// Reads the assignments and stored problem of `r` for a reader whose
/// personal reads are limited to `lingkup`.
pub async fn bahan_rencana(
    store: &dyn Store,
    i: InstansiId,
    r: Rencana,
    lingkup: Lingkup,
) -> StoreResult<BahanRencana> {
    let semua = store.penugasan_rencana(i, r.id, Lingkup::Instansi).await?;
    let terlihat = if lingkup == Lingkup::Instansi {
        semua.clone()
    } else {
        store.penugasan_rencana(i, r.id, lingkup).await?
    };
    let masalah = store.dokumen_rencana(i, r.id).await?.masalah;
    Ok(BahanRencana {
        rencana: r,
        semua,
        terlihat,
        lingkup,
        masalah,
    })
}

/// The header lines of an export: who it is for and when.
pub struct KopUnduhan {
    pub instansi: String,
    /// Whose assignments are listed, e.g. "seluruh instansi".
    pub cakupan: String,
    pub tanggal: Date,
}

/// The sheets of a version's workbook.
pub struct TabelRencana {
    pub opd: Tabel,
    pub program: Tabel,
    pub pegawai: Tabel,
}

/// The tables of a version: the per-OPD rows of the OPDs in the reader's
/// scope (all for the whole instansi), the programs of the whole plan
/// (with the participants in the reader's scope beside them for a part of
/// it), the assignments in the scope. Checks the assignments against the
/// stored problem (CPU work: callers on an async runtime run it off the
/// async workers).
pub fn tabel_dari_bahan(b: &BahanRencana, kop: &KopUnduhan) -> Result<TabelRencana, GalatRencana> {
    let r = &b.rencana;
    let h = Hitungan::dari(&b.masalah, &pasangan(&b.semua), r.hasil.batas)?;
    let catatan = vec![
        format!("Instansi: {}", kop.instansi),
        format!(
            "Rencana: {} · tahun {} versi {} · {}",
            r.nama,
            r.tahun,
            r.versi,
            r.status.label()
        ),
        format!(
            "Anggaran {}; biaya {}; nilai {}; batas atas {}",
            rupiah_i(r.anggaran),
            rupiah_i(r.hasil.biaya),
            desimal(r.hasil.nilai),
            desimal(r.hasil.batas)
        ),
        format!("Cakupan: {}", kop.cakupan),
        format!("Tanggal unduh: {}", tanggal(kop.tanggal)),
    ];
    let mut opd = Tabel::new(
        "Per OPD",
        vec![
            Kolom::dengan_lebar("OPD", 40.0),
            Kolom::new("Peserta"),
            Kolom::new("Penugasan"),
            Kolom::new("JP"),
            Kolom::new("Biaya (Rp)"),
        ],
    );
    opd.catatan = catatan.clone();
    let terlihat_opd: HashSet<UnitId> = b.terlihat.iter().map(|p| p.opd).collect();
    let seluruh = b.lingkup == Lingkup::Instansi;
    for o in per_opd(&b.semua, &h) {
        if !seluruh && !terlihat_opd.contains(&o.id) {
            continue;
        }
        opd.baris.push(vec![
            Sel::teks(o.nama),
            Sel::Bulat(o.peserta.len() as i64),
            Sel::Bulat(i64::try_from(o.penugasan).unwrap_or(i64::MAX)),
            Sel::Bulat(i64::try_from(o.jp).unwrap_or(i64::MAX)),
            Sel::Bulat(o.biaya.round() as i64),
        ]);
    }
    let mut kolom_program = vec![
        Kolom::new("Kode program"),
        Kolom::dengan_lebar("Program", 40.0),
        Kolom::new("Peserta"),
        Kolom::new("Angkatan"),
        Kolom::new("JP per peserta"),
        Kolom::new("Biaya (Rp)"),
    ];
    if !seluruh {
        kolom_program.push(Kolom::new("Peserta dalam cakupan"));
    }
    let mut program = Tabel::new("Per program", kolom_program);
    program.catatan = catatan.clone();
    let bulat = |v: u64| Sel::Bulat(i64::try_from(v).unwrap_or(i64::MAX));
    for pr in per_program(&b.semua, &b.terlihat, &h) {
        let mut baris = vec![
            Sel::teks(pr.kode.as_str()),
            Sel::teks(pr.judul.as_str()),
            bulat(pr.peserta),
            bulat(pr.angkatan),
            bulat(pr.jp),
            bulat(pr.biaya),
        ];
        if !seluruh {
            baris.push(bulat(pr.peserta_terlihat));
        }
        program.baris.push(baris);
    }
    let mut pegawai = Tabel::new(
        "Per pegawai",
        vec![
            Kolom::dengan_lebar("NIP", 21.0),
            Kolom::dengan_lebar("Nama", 32.0),
            Kolom::dengan_lebar("Unit kerja", 40.0),
            Kolom::new("Kode program"),
            Kolom::dengan_lebar("Program", 40.0),
            Kolom::new("JP"),
            Kolom::new("Biaya (Rp)"),
            Kolom::dengan_lebar("Menutup", 30.0),
            Kolom::new("Manual"),
        ],
    );
    pegawai.catatan = catatan;
    let detail = h.per_pasangan();
    let jp_program = h.jp_per_program();
    for p in &b.terlihat {
        let a = detail.get(&(p.nip.as_str(), p.program_kode.as_str()));
        pegawai.baris.push(vec![
            Sel::teks(p.nip.as_str()),
            Sel::teks(p.nama_pegawai.as_str()),
            Sel::teks(format!("{} › {}", p.opd_nama, p.unit_nama)),
            Sel::teks(p.program_kode.as_str()),
            Sel::teks(p.program_judul.as_str()),
            Sel::Bulat(
                i64::try_from(
                    jp_program
                        .get(p.program_kode.as_str())
                        .copied()
                        .unwrap_or(0),
                )
                .unwrap_or(i64::MAX),
            ),
            a.map_or(Sel::Kosong, |a| Sel::Bulat(a.cost.round() as i64)),
            Sel::teks(a.map(|a| menutup(a)).unwrap_or_default()),
            Sel::teks(if p.manual { "ya" } else { "tidak" }),
        ]);
    }
    Ok(TabelRencana {
        opd,
        program,
        pegawai,
    })
}

/// [`bahan_rencana`] then [`tabel_dari_bahan`] in one call.
pub async fn tabel_rencana(
    store: &dyn Store,
    i: InstansiId,
    r: Rencana,
    lingkup: Lingkup,
    kop: &KopUnduhan,
) -> Result<TabelRencana, GalatRencana> {
    let b = bahan_rencana(store, i, r, lingkup).await?;
    tabel_dari_bahan(&b, kop)
}

/// The workbook "Rencana Pengembangan Kompetensi": the per-OPD sheet, the
/// per-program sheet, then the per-employee sheet.
pub fn tulis_buku_rencana(t: TabelRencana) -> Result<Vec<u8>, ExportError> {
    tulis_xlsx_buku(JUDUL_BUKU, &[t.opd, t.program, t.pegawai])
}

/// The base of a version's file names, e.g.
/// "rencana-pengembangan-kompetensi-2027-v2".
pub fn nama_berkas(r: &Rencana) -> String {
    format!("rencana-pengembangan-kompetensi-{}-v{}", r.tahun, r.versi)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kompeten_domain::{Nip, StatusRencana};
    use kompeten_store::{ProgramId, RencanaId};

    const NIP_A: &str = "198202022006042001";
    const NIP_B: &str = "199308122020122021";

    /// Two employees in two OPDs; P1 (8 JP, Rp1.000.000 each) closes one
    /// level of K1, P2 two. A budget of `anggaran`.
    fn masalah(anggaran: i64) -> serde_json::Value {
        serde_json::json!({
            "format": "kompeten.plan-problem/v1",
            "budget": anggaran,
            "jp_target": 20,
            "jp_value": 0.05,
            "employees": [
                {"id": NIP_A, "unit": "A/x", "jp_done": 0, "jp_cap": 60,
                 "gaps": [{"competency": "K1", "gap": 2, "weight": 1.0}]},
                {"id": NIP_B, "unit": "B/x", "jp_done": 0, "jp_cap": 60,
                 "gaps": [{"competency": "K1", "gap": 1, "weight": 1.5}]}
            ],
            "programs": [
                {"id": "P1", "jp": 8, "cost_per_participant": 1000000,
                 "covers": [{"competency": "K1", "levels": 1}]},
                {"id": "P2", "jp": 16, "cost_per_participant": 3000000,
                 "covers": [{"competency": "K1", "levels": 2}]}
            ]
        })
    }

    fn penugasan(nip: &str, pegawai: i64, opd: i64, kode: &str, manual: bool) -> Penugasan {
        Penugasan {
            pegawai: PegawaiId(pegawai),
            nip: Nip::parse_pns(nip).expect("NIP"),
            nama_pegawai: format!("Pegawai {pegawai}"),
            unit: UnitId(opd * 10),
            unit_nama: format!("Bidang {opd}"),
            opd: UnitId(opd),
            opd_nama: format!("Dinas {opd}"),
            program: ProgramId(if kode == "P1" { 1 } else { 2 }),
            program_kode: kode.to_owned(),
            program_judul: format!("Pelatihan {kode}"),
            manual,
        }
    }

    fn bahan(anggaran: i64, lingkup: Lingkup) -> BahanRencana {
        let semua = vec![
            penugasan(NIP_A, 1, 1, "P1", false),
            penugasan(NIP_B, 2, 2, "P1", true),
        ];
        let terlihat = match lingkup {
            Lingkup::Instansi => semua.clone(),
            _ => vec![semua[1].clone()],
        };
        BahanRencana {
            rencana: Rencana {
                id: RencanaId(7),
                tahun: 2027,
                versi: 2,
                nama: "Rencana 2027".to_owned(),
                status: StatusRencana::Draf,
                anggaran,
                hasil: HasilRencana {
                    nilai: 2.5,
                    batas: 3.0,
                    biaya: 2_000_000,
                },
                revisi: 1,
                basis: None,
                jumlah_penugasan: 2,
                dibuat_oleh: "admin".to_owned(),
                dibuat_pada: time::OffsetDateTime::UNIX_EPOCH,
                disetujui_oleh: None,
                disetujui_pada: None,
                tinjauan: Vec::new(),
            },
            semua,
            terlihat,
            lingkup,
            masalah: masalah(anggaran),
        }
    }

    fn kop(cakupan: &str) -> KopUnduhan {
        KopUnduhan {
            instansi: "Pemerintah Kota Uji".to_owned(),
            cakupan: cakupan.to_owned(),
            tanggal: time::macros::date!(2026 - 11 - 27),
        }
    }

    #[test]
    fn the_whole_plan_has_a_row_per_opd_and_per_assignment() {
        let TabelRencana {
            opd,
            program,
            pegawai,
        } = tabel_dari_bahan(
            &bahan(5_000_000, Lingkup::Instansi),
            &kop("seluruh instansi"),
        )
        .expect("tables");
        assert_eq!(opd.judul, "Per OPD");
        // One program (P1, both employees), without the scope column.
        assert_eq!(program.judul, "Per program");
        assert_eq!(program.kolom.len(), 6);
        assert_eq!(
            program.baris,
            vec![vec![
                Sel::teks("P1"),
                Sel::teks("Pelatihan P1"),
                Sel::Bulat(2),
                Sel::Bulat(1),
                Sel::Bulat(8),
                Sel::Bulat(2_000_000),
            ]]
        );
        assert_eq!(
            opd.baris,
            vec![
                vec![
                    Sel::teks("Dinas 1"),
                    Sel::Bulat(1),
                    Sel::Bulat(1),
                    Sel::Bulat(8),
                    Sel::Bulat(1_000_000),
                ],
                vec![
                    Sel::teks("Dinas 2"),
                    Sel::Bulat(1),
                    Sel::Bulat(1),
                    Sel::Bulat(8),
                    Sel::Bulat(1_000_000),
                ],
            ]
        );
        assert_eq!(pegawai.baris.len(), 2);
        let b = &pegawai.baris[1];
        assert_eq!(b[0], Sel::teks(NIP_B));
        assert_eq!(b[2], Sel::teks("Dinas 2 › Bidang 2"));
        assert_eq!(b[6], Sel::Bulat(1_000_000));
        assert_eq!(b[7], Sel::teks("K1 +1, 8 JP"));
        assert_eq!(b[8], Sel::teks("ya"));
        assert_eq!(pegawai.baris[0][8], Sel::teks("tidak"));
        assert!(
            opd.catatan.contains(
                &"Anggaran Rp5.000.000; biaya Rp2.000.000; nilai 2,5; batas atas 3,0".to_owned()
            ),
            "{:?}",
            opd.catatan
        );
        assert_eq!(opd.catatan, pegawai.catatan);
        assert!(
            opd.catatan
                .contains(&"Tanggal unduh: 27 November 2026".to_owned())
        );
    }

    #[test]
    fn a_unit_reader_sees_their_opd_only() {
        let TabelRencana {
            opd,
            program,
            pegawai,
        } = tabel_dari_bahan(
            &bahan(5_000_000, Lingkup::Unit(UnitId(2))),
            &kop("unit yang Anda pimpin"),
        )
        .expect("tables");
        // The whole plan's program, and the reader's one participant in it.
        assert_eq!(program.baris[0][2], Sel::Bulat(2));
        assert_eq!(program.baris[0][6], Sel::Bulat(1));
        assert_eq!(opd.baris.len(), 1);
        assert_eq!(opd.baris[0][0], Sel::teks("Dinas 2"));
        assert_eq!(pegawai.baris.len(), 1);
        assert_eq!(pegawai.baris[0][0], Sel::teks(NIP_B));
        assert!(
            pegawai
                .catatan
                .contains(&"Cakupan: unit yang Anda pimpin".to_owned())
        );
    }

    #[test]
    fn assignments_that_no_longer_fit_are_listed_without_costs() {
        // Rp2.000.000 of assignments against a stored budget of Rp1.500.000.
        let b = bahan(1_500_000, Lingkup::Instansi);
        let h = Hitungan::dari(&b.masalah, &pasangan(&b.semua), 3.0).expect("model");
        assert!(matches!(h.hasil, Err(Violation::Budget { .. })));
        assert_eq!(h.jp_memenuhi(), None);
        let TabelRencana {
            opd,
            program,
            pegawai,
        } = tabel_dari_bahan(&b, &kop("seluruh instansi")).expect("tables");
        assert!(program.baris.is_empty());
        assert_eq!(pegawai.baris.len(), 2);
        assert!(pegawai.baris.iter().all(|r| r[6] == Sel::Kosong));
        assert!(opd.baris.iter().all(|r| r[4] == Sel::Bulat(0)));
    }

    #[test]
    fn a_broken_stored_problem_is_an_error_not_a_panic() {
        let mut b = bahan(5_000_000, Lingkup::Instansi);
        b.masalah["programs"][0]["covers"][0]["levels"] = serde_json::json!(0);
        assert!(matches!(
            tabel_dari_bahan(&b, &kop("x")),
            Err(GalatRencana::Tersimpan(m)) if m.contains("levels")
        ));
        b.masalah = serde_json::json!({"format": 3});
        assert!(matches!(
            model_dari(&b.masalah),
            Err(GalatRencana::Tersimpan(_))
        ));
    }

    #[test]
    fn the_workbook_has_the_three_sheets_in_order() {
        use calamine::Reader;
        let t = tabel_dari_bahan(
            &bahan(5_000_000, Lingkup::Instansi),
            &kop("seluruh instansi"),
        )
        .expect("tables");
        let bytes = tulis_buku_rencana(t).expect("xlsx");
        let buku: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("workbook");
        assert_eq!(
            buku.sheet_names(),
            vec!["Per OPD", "Per program", "Per pegawai"]
        );
    }

    #[test]
    fn numbers_read_the_indonesian_way() {
        assert_eq!(desimal(4903.04), "4.903,0");
        assert_eq!(desimal(12.45), "12,5");
        assert_eq!(rupiah_i(-5), "Rp0");
        assert_eq!(rupiah(750_000_000), "Rp750.000.000");
        let h = |nilai, batas| HasilRencana {
            nilai,
            batas,
            biaya: 0,
        };
        assert_eq!(selisih_persen(&h(90.0, 100.0)), 10.0);
        assert_eq!(selisih_persen(&h(0.0, 0.0)), 0.0);
    }
}
