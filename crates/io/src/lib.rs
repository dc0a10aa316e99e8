//! Import and export: tables in the shapes users open in a spreadsheet.
//!
//! Writers take plain records and any `std::io::Write`; they never touch a
//! database, so the CLI and the web layer share them.

pub mod pegawai;

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write the CSV")]
    Csv(#[from] csv::Error),
    #[error("cannot write the file")]
    Io(#[from] std::io::Error),
}
