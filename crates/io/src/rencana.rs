//! The optimiser's problem (`kompeten.plan-problem/v1`, docs/PLANNING.md)
//! built from an instansi's records: the needs of the year
//! ([`crate::kebutuhan`]: gaps, expired assessments and approved requests,
//! weighted by the priority settings) and the active programs of its
//! catalog. `kompeten plan export-problem` writes it; the web layer stores
//! it with every plan version.
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
use kompeten_engine::rencana::{Cover, Employee, Gap, PROBLEM_FORMAT, Problem, Program};
use kompeten_store::{
    InstansiId, Lingkup, PegawaiId, ProgramId, ProgramQuery, Store, Unit, UnitId,
};
use std::collections::HashMap;
use time::Date;

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
