//! Planning competency development: needs requested for an employee
//! (usulan, part of the AKPK) and the development plan's workflow
//! (draft → reviewed by the OPD heads → approved by BKPSDM).

use crate::code_enum::code_enum;
use time::{Date, Month};

/// The year pages and forms plan for by default: a year's needs and plan
/// are drawn up in the year before (the regional budget for the next year
/// is settled in the last quarter), so from October on it is next year.
/// Users can always pick another year.
pub fn tahun_perencanaan(hari_ini: Date) -> i32 {
    if hari_ini.month() as u8 >= Month::October as u8 {
        hari_ini.year() + 1
    } else {
        hari_ini.year()
    }
}

code_enum! {
    /// Who asked for a development need.
    pub enum SumberUsulan("sumber usulan") {
        /// The employee for themself.
        Pegawai => ("pegawai", "Pegawai"),
        /// The employee's supervisor (the head of their OPD).
        Atasan => ("atasan", "Atasan"),
        /// BKPSDM, e.g. from an assessment report.
        Bkpsdm => ("bkpsdm", "BKPSDM"),
    }
}

code_enum! {
    /// Where a requested need stands.
    pub enum StatusUsulan("status usulan") {
        Diajukan => ("diajukan", "Diajukan"),
        Disetujui => ("disetujui", "Disetujui"),
        Ditolak => ("ditolak", "Ditolak"),
        Dibatalkan => ("dibatalkan", "Dibatalkan"),
    }
}

impl StatusUsulan {
    /// The status a new request starts in: an employee's own request waits
    /// for their OPD head; one made by the head or by BKPSDM is already
    /// approved.
    pub const fn awal(sumber: SumberUsulan) -> Self {
        match sumber {
            SumberUsulan::Pegawai => StatusUsulan::Diajukan,
            SumberUsulan::Atasan | SumberUsulan::Bkpsdm => StatusUsulan::Disetujui,
        }
    }

    /// Whether a request in this status may be decided (approved, rejected
    /// or withdrawn): only a waiting one.
    pub const fn boleh_diputus(self) -> bool {
        matches!(self, StatusUsulan::Diajukan)
    }

    /// Whether the need counts in the plan's problem.
    pub const fn dihitung(self) -> bool {
        matches!(self, StatusUsulan::Disetujui)
    }
}

code_enum! {
    /// Where a development plan stands.
    pub enum StatusRencana("status rencana") {
        /// Being prepared by BKPSDM; assignments may change.
        Draf => ("draf", "Draf"),
        /// Sent to the OPD heads, each of whom reviews their own OPD's part.
        Ditinjau => ("ditinjau", "Ditinjau OPD"),
        /// Approved by BKPSDM: a locked version.
        Disetujui => ("disetujui", "Disetujui"),
        /// An approved version replaced by a later approved version.
        Diganti => ("diganti", "Diganti versi baru"),
    }
}

impl StatusRencana {
    /// The moves the workflow allows. Approval replaces (`Diganti`) the
    /// year's earlier approved version as a side effect, never by request.
    pub const fn boleh_ke(self, ke: StatusRencana) -> bool {
        matches!(
            (self, ke),
            (StatusRencana::Draf, StatusRencana::Ditinjau)
                | (StatusRencana::Ditinjau, StatusRencana::Draf)
                | (StatusRencana::Ditinjau, StatusRencana::Disetujui)
        )
    }

    /// Whether assignments may still change.
    pub const fn boleh_diubah(self) -> bool {
        matches!(self, StatusRencana::Draf)
    }

    /// Whether the version is locked for good.
    pub const fn terkunci(self) -> bool {
        matches!(self, StatusRencana::Disetujui | StatusRencana::Diganti)
    }
}

code_enum! {
    /// An OPD head's review of their OPD's part of a plan.
    pub enum StatusTinjauan("status tinjauan") {
        Sesuai => ("sesuai", "Sesuai"),
        PerluPerbaikan => ("perlu_perbaikan", "Perlu perbaikan"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn planning_turns_to_next_year_in_the_last_quarter() {
        use time::macros::date;
        assert_eq!(tahun_perencanaan(date!(2026 - 09 - 30)), 2026);
        assert_eq!(tahun_perencanaan(date!(2026 - 10 - 01)), 2027);
        assert_eq!(tahun_perencanaan(date!(2026 - 11 - 27)), 2027);
        assert_eq!(tahun_perencanaan(date!(2027 - 01 - 01)), 2027);
    }

    #[test]
    fn the_plan_workflow_allows_only_its_moves() {
        let allowed: Vec<(&str, &str)> = StatusRencana::ALL
            .iter()
            .flat_map(|&a| StatusRencana::ALL.iter().map(move |&b| (a, b)))
            .filter(|&(a, b)| a.boleh_ke(b))
            .map(|(a, b)| (a.code(), b.code()))
            .collect();
        assert_eq!(
            allowed,
            [
                ("draf", "ditinjau"),
                ("ditinjau", "draf"),
                ("ditinjau", "disetujui")
            ]
        );
        assert!(StatusRencana::Draf.boleh_diubah());
        assert!(!StatusRencana::Ditinjau.boleh_diubah());
        assert!(StatusRencana::Disetujui.terkunci());
        assert!(StatusRencana::Diganti.terkunci());
        assert!(!StatusRencana::Ditinjau.terkunci());
    }

    #[test]
    fn only_an_employees_own_request_waits_for_approval() {
        assert_eq!(
            StatusUsulan::awal(SumberUsulan::Pegawai),
            StatusUsulan::Diajukan
        );
        assert_eq!(
            StatusUsulan::awal(SumberUsulan::Atasan),
            StatusUsulan::Disetujui
        );
        let decidable: Vec<_> = StatusUsulan::ALL
            .iter()
            .filter(|s| s.boleh_diputus())
            .collect();
        assert_eq!(decidable, [&StatusUsulan::Diajukan]);
        assert!(StatusUsulan::Disetujui.dihitung());
        assert!(!StatusUsulan::Diajukan.dihitung());
    }
}
