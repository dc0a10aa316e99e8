//! The optimiser's problem (`kompeten.plan-problem/v1`, docs/PLANNING.md)
//! built from an instansi's records: the needs of the year
//! ([`crate::kebutuhan`]: gaps, expired assessments and approved requests,
//! weighted by the priority settings) and the active programs of its
//! catalog. `kompeten plan export-problem` writes it; [`buat_rencana`]
//! solves it and stores a new plan version with it (the web's "Buat rencana"
//! and `kompeten plan create`).
//!
//! Choices the file format leaves to the builder, each documented here and
//! in PLANNING.md:
//! - an employee's `id` is the NIP, the key BKPSDM staff know; a program's
//!   `id` is its catalog code;
//! - `unit` is the eligibility group `<unit code>/<position type>`, so that
//!   a program restricted to units (and everything below them) and/or to
//!   position types becomes a list of such groups;
//! - `jp_done` is 0 until JP records of the year are kept.

use crate::analitik::DataAnalitik;
use crate::kebutuhan::{PengaturanKebutuhan, kebutuhan_instansi};
use crate::laporan::GalatLaporan;
use kompeten_domain::JenisJabatan;
use kompeten_engine::rencana::{
    Answer, Cover, Employee, Gap, Options, PROBLEM_FORMAT, Problem, ProblemError, Program,
    SCENARIO_PERCENTS, ScenarioPoint, scenarios, solve,
};
use kompeten_store::{
    Actor, HasilRencana, InstansiId, Lingkup, NewRencana, PegawaiId, PenugasanBaru, ProgramId,
    ProgramQuery, RencanaId, Store, StoreError, StoreResult, Unit, UnitId,
};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use time::Date;

/// The format tag of the stored scenario document.
pub const FORMAT_SKENARIO: &str = "kompeten.plan-scenarios/v1";

/// Why a plan version could not be made, read or exported.
#[derive(Debug, thiserror::Error)]
pub enum GalatRencana {
    #[error("cannot build the plan problem")]
    Masalah(#[from] GalatLaporan),
    #[error("the records give a problem the optimiser refuses: {0}")]
    Ditolak(#[from] ProblemError),
    #[error("the stored plan problem is not usable: {0}")]
    Tersimpan(String),
    #[error("cannot write the plan as JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("cannot read or write the plan: {0}")]
    Store(#[from] StoreError),
    #[error(transparent)]
    Export(#[from] crate::ExportError),
}

/// The stored scenario curve (`kompeten.plan-scenarios/v1`): the optimiser
/// and both baselines at each budget percentage, with the number of
/// employees that turns JP-compliance counts into shares.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DokumenSkenario {
    pub format: String,
    /// Employees in the needs: the denominator of JP compliance.
    pub pegawai: usize,
    pub titik: Vec<ScenarioPoint>,
}

impl DokumenSkenario {
    /// The stored document when it is one of this format; older or foreign
    /// documents are ignored rather than misread.
    pub fn dari_json(nilai: Option<serde_json::Value>) -> Option<Self> {
        nilai
            .and_then(|v| serde_json::from_value::<Self>(v).ok())
            .filter(|d| d.format == FORMAT_SKENARIO)
    }
}

/// What a new plan version is made of, besides the instansi's records.
#[derive(Debug, Clone, PartialEq)]
pub struct PermintaanRencana {
    pub tahun: i32,
    pub nama: String,
    /// Whole rupiah.
    pub anggaran: i64,
    /// The day gaps and expiries are judged on.
    pub hari_ini: Date,
}

/// The budget a new plan starts from: the needs settings' one when set and
/// positive, otherwise the default settings' (unusable settings too: a
/// form's starting value must not fail the page).
pub async fn anggaran_bawaan(store: &dyn Store, i: InstansiId) -> StoreResult<i64> {
    let atur = store.pengaturan(i, PengaturanKebutuhan::KUNCI).await?;
    Ok(PengaturanKebutuhan::dari_json(atur)
        .map(|a| a.anggaran)
        .ok()
        .filter(|a| *a > 0)
        .unwrap_or(PengaturanKebutuhan::default().anggaran))
}

/// Builds the problem of `p.tahun` with `p.anggaran`, solves it, computes
/// its scenario curve and stores the result as a new draft version made
/// by `actor`.
pub async fn buat_rencana(
    store: &dyn Store,
    i: InstansiId,
    actor: &Actor,
    p: &PermintaanRencana,
    options: &Options,
) -> Result<RencanaId, GalatRencana> {
    let m = masalah_instansi(store, i, p.tahun, p.hari_ini, p.anggaran).await?;
    let baru = rencana_baru(m, p.tahun, p.nama.clone(), options)?;
    Ok(store.create_rencana(i, actor, &baru).await?)
}

/// The CPU part of [`buat_rencana`] (seconds for a province; callers on an
/// async runtime run it off the async workers): the solved plan of `m`
/// with its scenario curve, as the store takes it. The budget is the
/// problem's.
pub fn rencana_baru(
    m: MasalahInstansi,
    tahun: i32,
    nama: String,
    options: &Options,
) -> Result<NewRencana, GalatRencana> {
    let masalah = serde_json::to_value(&m.problem)?;
    let pegawai: HashMap<&str, PegawaiId> = m
        .pegawai
        .iter()
        .map(|(nip, p, _)| (nip.as_str(), *p))
        .collect();
    let program: HashMap<&str, ProgramId> =
        m.program.iter().map(|(k, p)| (k.as_str(), *p)).collect();
    // The equal-quota baseline splits the budget between OPDs.
    let mut nomor_opd: HashMap<UnitId, u32> = HashMap::new();
    let group_of: Vec<u32> = m
        .pegawai
        .iter()
        .map(|(_, _, opd)| {
            let n = nomor_opd.len() as u32;
            *nomor_opd.entry(*opd).or_insert(n)
        })
        .collect();
    let model = m.problem.validate()?;
    let solusi = solve(&model, options);
    let jawaban = Answer::new(&model, &solusi);
    let titik = scenarios(&model, &SCENARIO_PERCENTS, &group_of, options);
    let skenario = serde_json::to_value(DokumenSkenario {
        format: FORMAT_SKENARIO.to_owned(),
        pegawai: model.employees.len(),
        titik,
    })?;
    let penugasan = jawaban
        .assignments
        .iter()
        .filter_map(|a| {
            Some(PenugasanBaru {
                pegawai: *pegawai.get(a.employee.as_str())?,
                program: *program.get(a.program.as_str())?,
                manual: false,
            })
        })
        .collect();
    Ok(NewRencana {
        tahun,
        nama,
        anggaran: m.problem.budget,
        masalah,
        skenario: Some(skenario),
        hasil: HasilRencana {
            nilai: jawaban.value,
            batas: jawaban.bound,
            biaya: i64::try_from(jawaban.cost).unwrap_or(i64::MAX),
        },
        penugasan,
        basis: None,
    })
}

/// A problem with the records behind its ids.
#[derive(Debug, Clone, PartialEq)]
pub struct MasalahInstansi {
    pub problem: Problem,
    /// Per `problem.employees`, in the same order: (NIP, employee, OPD).
    pub pegawai: Vec<(String, PegawaiId, UnitId)>,
    /// Per `problem.programs`, in the same order: (code, program).
    pub program: Vec<(String, ProgramId)>,
}

/// The eligibility group of an employee: `<unit code>/<position type>`.
fn grup(unit: &Unit, jenis: Option<JenisJabatan>) -> String {
    format!(
        "{}/{}",
        unit.kode,
        jenis.map_or("tanpa_jabatan", JenisJabatan::code)
    )
}

/// The problem of `tahun` for the instansi's active employees, with the
/// instansi's needs settings and `anggaran` rupiah.
pub async fn masalah_instansi(
    store: &dyn Store,
    i: InstansiId,
    tahun: i32,
    hari_ini: Date,
    anggaran: i64,
) -> Result<MasalahInstansi, GalatLaporan> {
    let atur =
        PengaturanKebutuhan::dari_json(store.pengaturan(i, PengaturanKebutuhan::KUNCI).await?)?;
    masalah_dengan(store, i, tahun, hari_ini, anggaran, &atur).await
}

/// [`masalah_instansi`] with the given settings instead of the stored ones
/// (the CLI's overrides). The needs always use the stored weights.
pub async fn masalah_dengan(
    store: &dyn Store,
    i: InstansiId,
    tahun: i32,
    hari_ini: Date,
    anggaran: i64,
    atur: &PengaturanKebutuhan,
) -> Result<MasalahInstansi, GalatLaporan> {
    let kebutuhan = kebutuhan_instansi(store, i, tahun, hari_ini, Lingkup::Instansi).await?;
    let rows = store.data_kesenjangan(i).await?;
    let d = DataAnalitik::bangun(&rows)?;
    drop(rows);
    let units = store.units(i).await?;
    let per_id: HashMap<UnitId, &Unit> = units.iter().map(|u| (u.id, u)).collect();
    let mut employees = Vec::with_capacity(kebutuhan.pegawai.len());
    let mut pegawai = Vec::with_capacity(kebutuhan.pegawai.len());
    for k in &kebutuhan.pegawai {
        let Some(unit) = per_id.get(&k.unit) else {
            continue;
        };
        let jenis = d.pegawai_indeks(k.pegawai).and_then(|p| d.jenis_pegawai(p));
        employees.push(Employee {
            id: k.nip.as_str().to_owned(),
            unit: grup(unit, jenis),
            jp_done: 0,
            jp_cap: atur.jp_cap,
            gaps: k
                .kompetensi
                .iter()
                .map(|n| Gap {
                    competency: n.kode.clone(),
                    gap: i64::from(n.gap),
                    weight: n.bobot,
                })
                .collect(),
        });
        pegawai.push((k.nip.as_str().to_owned(), k.pegawai, k.opd));
    }

    let katalog = store
        .list_program(
            i,
            &ProgramQuery {
                aktif: Some(true),
                ..ProgramQuery::default()
            },
        )
        .await?;
    let programs = katalog
        .iter()
        .map(|prog| {
            let eligible_units =
                (!prog.unit.is_empty() || !prog.jenis_jabatan.is_empty()).then(|| {
                    let jenis: Vec<Option<JenisJabatan>> = if prog.jenis_jabatan.is_empty() {
                        JenisJabatan::ALL
                            .iter()
                            .copied()
                            .map(Some)
                            .chain([None])
                            .collect()
                    } else {
                        prog.jenis_jabatan.iter().copied().map(Some).collect()
                    };
                    // A listed unit admits everything below it.
                    units
                        .iter()
                        .filter(|u| {
                            prog.unit.is_empty() || u.jalur.iter().any(|a| prog.unit.contains(a))
                        })
                        .flat_map(|u| jenis.iter().map(move |j| grup(u, *j)))
                        .collect()
                });
            Program {
                id: prog.kode.clone(),
                jp: i64::from(prog.jp.0),
                cost_per_participant: prog.biaya_per_peserta.0,
                batch_cost: prog.biaya_per_angkatan.map_or(0, |r| r.0),
                batch_size: prog.ukuran_angkatan.map(i64::from),
                max_batches: prog.maks_angkatan.map(i64::from),
                covers: prog
                    .kompetensi
                    .iter()
                    .map(|k| Cover {
                        competency: k.kode.clone(),
                        levels: i64::from(k.naik_level),
                    })
                    .collect(),
                open_to_all: prog.terbuka_untuk_semua,
                eligible_units,
            }
        })
        .collect();
    Ok(MasalahInstansi {
        problem: Problem {
            format: PROBLEM_FORMAT.to_owned(),
            budget: anggaran,
            jp_target: atur.jp_target,
            jp_value: atur.jp_value,
            employees,
            programs,
        },
        pegawai,
        program: katalog.iter().map(|p| (p.kode.clone(), p.id)).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use kompeten_engine::rencana::evaluate_ids;

    /// Three employees in two OPDs with gaps in K1; programs P1 (one
    /// level, Rp1.000.000) and P2 (two levels, Rp2.500.000); Rp4.000.000.
    fn masalah() -> MasalahInstansi {
        let problem: Problem = serde_json::from_value(serde_json::json!({
            "format": "kompeten.plan-problem/v1",
            "budget": 4000000,
            "jp_target": 20,
            "jp_value": 0.05,
            "employees": [
                {"id": "N1", "unit": "A/x", "jp_done": 0, "jp_cap": 60,
                 "gaps": [{"competency": "K1", "gap": 2, "weight": 1.0}]},
                {"id": "N2", "unit": "A/x", "jp_done": 0, "jp_cap": 60,
                 "gaps": [{"competency": "K1", "gap": 1, "weight": 1.5}]},
                {"id": "N3", "unit": "B/x", "jp_done": 0, "jp_cap": 60,
                 "gaps": [{"competency": "K1", "gap": 2, "weight": 2.0}]}
            ],
            "programs": [
                {"id": "P1", "jp": 8, "cost_per_participant": 1000000,
                 "covers": [{"competency": "K1", "levels": 1}]},
                {"id": "P2", "jp": 16, "cost_per_participant": 2500000,
                 "covers": [{"competency": "K1", "levels": 2}]}
            ]
        }))
        .expect("problem");
        MasalahInstansi {
            problem,
            pegawai: vec![
                ("N1".to_owned(), PegawaiId(11), UnitId(1)),
                ("N2".to_owned(), PegawaiId(12), UnitId(1)),
                ("N3".to_owned(), PegawaiId(13), UnitId(2)),
            ],
            program: vec![
                ("P1".to_owned(), ProgramId(21)),
                ("P2".to_owned(), ProgramId(22)),
            ],
        }
    }

    #[test]
    fn a_new_plan_is_the_solved_problem_with_store_ids_and_its_curve() {
        let m = masalah();
        let model = m.problem.validate().expect("valid");
        let baru = rencana_baru(
            m.clone(),
            2027,
            "Rencana 2027".to_owned(),
            &Options::default(),
        )
        .expect("plan");
        assert_eq!((baru.tahun, baru.nama.as_str()), (2027, "Rencana 2027"));
        assert_eq!(baru.anggaran, 4_000_000);
        assert_eq!(baru.basis, None);
        assert_eq!(
            baru.masalah,
            serde_json::to_value(&m.problem).expect("json")
        );
        assert!(!baru.penugasan.is_empty());
        // Back to (NIP, code) through the maps, checked by the engine's own
        // checker: the stored figures are the plan's.
        let nip: HashMap<PegawaiId, &str> =
            m.pegawai.iter().map(|(n, p, _)| (*p, n.as_str())).collect();
        let kode: HashMap<ProgramId, &str> =
            m.program.iter().map(|(k, p)| (*p, k.as_str())).collect();
        let pairs: Vec<(String, String)> = baru
            .penugasan
            .iter()
            .map(|p| {
                assert!(!p.manual);
                (nip[&p.pegawai].to_owned(), kode[&p.program].to_owned())
            })
            .collect();
        let ev = evaluate_ids(&model, &pairs).expect("feasible");
        assert_eq!(i64::try_from(ev.cost).expect("cost"), baru.hasil.biaya);
        assert!((ev.value - baru.hasil.nilai).abs() < 1e-9);
        assert!(baru.hasil.batas + 1e-9 >= baru.hasil.nilai);
        assert!(baru.hasil.biaya <= baru.anggaran);

        let d = DokumenSkenario::dari_json(baru.skenario).expect("scenario document");
        assert_eq!(d.format, FORMAT_SKENARIO);
        assert_eq!(d.pegawai, 3);
        let persen: Vec<u32> = d.titik.iter().map(|t| t.percent).collect();
        assert_eq!(persen, SCENARIO_PERCENTS);
        for t in &d.titik {
            assert_eq!(t.budget, 4_000_000 * u64::from(t.percent) / 100);
            assert!(t.optimised.cost <= t.budget && t.quota.cost <= t.budget);
        }
    }

    #[test]
    fn a_problem_the_optimiser_refuses_is_an_error() {
        let mut m = masalah();
        m.problem.budget = -1;
        assert!(matches!(
            rencana_baru(m, 2027, "x".to_owned(), &Options::default()),
            Err(GalatRencana::Ditolak(_))
        ));
    }

    #[test]
    fn scenario_documents_of_another_format_are_ignored() {
        let d = DokumenSkenario {
            format: FORMAT_SKENARIO.to_owned(),
            pegawai: 4,
            titik: Vec::new(),
        };
        let json = serde_json::to_value(&d).expect("json");
        assert_eq!(DokumenSkenario::dari_json(Some(json.clone())), Some(d));
        let mut lain = json;
        lain["format"] = serde_json::json!("kompeten.plan-scenarios/v0");
        assert_eq!(DokumenSkenario::dari_json(Some(lain)), None);
        assert_eq!(
            DokumenSkenario::dari_json(Some(serde_json::json!([1]))),
            None
        );
        assert_eq!(DokumenSkenario::dari_json(None), None);
    }
}
