//! Pure computations over competency data: which assessment counts, and
//! (as the product grows) gaps, Job Person Match and development plans.
//!
//! No IO, no clock, no async: callers pass `hari_ini` (today) and plain
//! data; the same input always gives the same output.

pub mod profil;
