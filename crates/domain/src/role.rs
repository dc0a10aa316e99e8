//! Who may see and change what.

use crate::code_enum::code_enum;

code_enum! {
    /// The role of an account.
    pub enum Role("peran") {
        /// BKPSDM staff: the whole instansi, read and write.
        AdminBkpsdm => ("admin", "Admin BKPSDM"),
        /// Head of an OPD: their own unit and below.
        PimpinanOpd => ("pimpinan", "Pimpinan OPD"),
        /// Any ASN: only their own record.
        Pegawai => ("pegawai", "Pegawai"),
        /// A partner institution: nothing personal.
        Mitra => ("mitra", "Mitra"),
        /// Leadership and auditors: the whole instansi, read-only.
        Auditor => ("auditor", "Auditor"),
    }
}

impl Role {
    /// Whether the role reads personal records of the whole instansi.
    pub fn sees_whole_instansi(self) -> bool {
        matches!(self, Role::AdminBkpsdm | Role::Auditor)
    }

    /// Whether the role may change data at all.
    pub fn may_write(self) -> bool {
        matches!(self, Role::AdminBkpsdm | Role::PimpinanOpd)
    }

    /// Whether the role may see personal data of employees (names, NIP, birth dates).
    pub fn sees_personal_data(self) -> bool {
        !matches!(self, Role::Mitra)
    }
}
