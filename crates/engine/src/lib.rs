//! Pure computations over competency data: which assessment counts, gaps,
//! Job Person Match and (as the product grows) development plans.
//!
//! No IO, no clock, no async: callers pass `hari_ini` (today) and plain
//! data; the same input always gives the same output.

pub mod kesenjangan;
pub mod profil;
pub mod rencana;
