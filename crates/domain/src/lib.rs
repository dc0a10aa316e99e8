//! Types and rules of Indonesian civil-service (ASN) competency management.
//!
//! Everything here is pure: no IO, no async, no clock. A value that exists is
//! valid (a [`Nip`] always has a possible birth date, a [`Level`] is 1..=5);
//! parsing is where bad input is rejected, with a reason in English
//! (`Display`) and, where users type it, in Indonesian (`pesan`).

pub mod asn;
pub mod code_enum;
pub mod format;
pub mod jabatan;
pub mod kompetensi;
pub mod measure;
pub mod nip;
pub mod pengembangan;
pub mod perencanaan;
pub mod role;
pub mod validity;

pub use asn::{
    Golongan, GolonganError, GolonganPns, GolonganPppk, JenisKelamin, Pendidikan, PredikatKinerja,
    StatusAsn,
};
pub use code_enum::UnknownCode;
pub use jabatan::{
    JenisJabatan, JenisUnit, JenjangFungsional, LevelManajerialBawaan, TingkatJabatan,
    TingkatJabatanError,
};
pub use kompetensi::{KelompokKompetensi, Level, LevelOutOfRange, MetodePenilaian};
pub use measure::{Jp, Rupiah};
pub use nip::{Nip, NipError, TmtCpns};
pub use pengembangan::{
    BentukPengembangan, JenisKerjaSama, JenisMitra, ModaPembelajaran, StatusKerjaSama,
};
pub use perencanaan::{
    StatusRencana, StatusTinjauan, StatusUsulan, SumberUsulan, tahun_perencanaan,
};
pub use role::Role;
pub use validity::{MasaBerlaku, StatusBerlaku};
