//! The optimiser's problem (`kompeten.plan-problem/v1`, docs/PLANNING.md)
//! built from an instansi's records: its employees' current gaps and the
//! active programs of its catalog. `kompeten plan export-problem` writes it.
//!
//! Choices the file format leaves to the builder, each documented here and
//! in PLANNING.md:
//! - an employee's `id` is the NIP, the key BKPSDM staff know;
//! - gaps are the valid, below-standard competencies of the employee's own
//!   position (an expired or missing assessment is a need for assessment,
//!   not a known gap, so it never enters as a gap); a gap's `weight` is the
//!   competency's weight in the position's standard;
//! - `unit` is the eligibility group `<unit code>/<position type>`, so that
//!   a program restricted to units (and everything below them) and/or to
//!   position types becomes a list of such groups.

use crate::analitik::{DataAnalitik, PengaturanAnalitik};
use crate::laporan::GalatLaporan;
use kompeten_domain::JenisJabatan;
use kompeten_engine::kesenjangan::{StatusKompetensi, hitung_pegawai};
use kompeten_engine::rencana::{Cover, Employee, Gap, PROBLEM_FORMAT, Problem, Program};
use kompeten_store::{InstansiId, ProgramQuery, Store, Unit, UnitId};
use std::collections::HashMap;
use time::Date;

/// What the records do not say: the budget and the JP rules of the year.
#[derive(Debug, Clone, PartialEq)]
pub struct OpsiMasalah {
    /// Integer rupiah.
    pub anggaran: i64,
    /// JP each employee should reach in the year.
    pub jp_target: i64,
    /// Objective value of one JP toward the target.
    pub jp_value: f64,
    /// The most new JP one employee may take this year.
    pub jp_cap: i64,
}

impl OpsiMasalah {
    /// The format's defaults (20 JP, 0.05 per JP) and a cap of three times
    /// the target.
    pub fn dengan_anggaran(anggaran: i64) -> Self {
        OpsiMasalah {
            anggaran,
            jp_target: 20,
            jp_value: 0.05,
            jp_cap: 60,
        }
    }
}

/// The eligibility group of an employee: `<unit code>/<position type>`.
fn grup(unit: &Unit, jenis: Option<JenisJabatan>) -> String {
    format!(
        "{}/{}",
        unit.kode,
        jenis.map_or("tanpa_jabatan", JenisJabatan::code)
    )
}

/// The problem for the active employees of the instansi on `hari_ini`.
pub async fn masalah_instansi(
    store: &dyn Store,
    i: InstansiId,
    hari_ini: Date,
    opsi: &OpsiMasalah,
) -> Result<Problem, GalatLaporan> {
    let atur =
        PengaturanAnalitik::dari_json(store.pengaturan(i, PengaturanAnalitik::KUNCI).await?)?;
    let rows = store.data_kesenjangan(i).await?;
    let d = DataAnalitik::bangun(&rows)?;
    drop(rows);
    let units = store.units(i).await?;
    let per_id: HashMap<UnitId, &Unit> = units.iter().map(|u| (u.id, u)).collect();
    let pegawai =
        crate::laporan::semua_pegawai(store, i, kompeten_store::Lingkup::Instansi).await?;
    let mut employees = Vec::with_capacity(pegawai.len());
    for row in &pegawai {
        let (Some(p), Some(unit)) = (d.pegawai_indeks(row.id), per_id.get(&row.unit)) else {
            continue;
        };
        let h = hitung_pegawai(&d.data, p, hari_ini, &atur.jpm, &atur.skala_pemetaan)?;
        let gaps = h
            .rincian
            .iter()
            .filter_map(|r| match r.status {
                StatusKompetensi::Kurang { gap, .. } => Some(Gap {
                    competency: d.kolom(r.kompetensi)?.kode.clone(),
                    gap: i64::from(gap),
                    weight: f64::from(r.bobot),
                }),
                _ => None,
            })
            .collect();
        employees.push(Employee {
            id: row.nip.as_str().to_owned(),
            unit: grup(unit, d.jenis_pegawai(p)),
            jp_done: 0,
            jp_cap: opsi.jp_cap,
            gaps,
        });
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
    Ok(Problem {
        format: PROBLEM_FORMAT.to_owned(),
        budget: opsi.anggaran,
        jp_target: opsi.jp_target,
        jp_value: opsi.jp_value,
        employees,
        programs,
    })
}
