//! Import and export: tables in the shapes users open in a spreadsheet.
//!
//! Writers take plain records and any `std::io::Write`; they never touch a
//! database, so the CLI and the web layer share them.

pub mod analitik;
pub mod data_induk;
pub mod impor;
pub mod kebutuhan;
pub mod laporan;
pub mod laporan_pengembangan;
pub mod laporan_rencana;
pub mod pegawai;
pub mod rencana;
pub mod tabel;

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write the CSV")]
    Csv(#[from] csv::Error),
    #[error("cannot write the file")]
    Io(#[from] std::io::Error),
    #[error("cannot write the XLSX")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// `row` counts data rows from 1; the header is not counted.
    #[error("row {row} of table \"{tabel}\" has {cells} cells but the table has {columns} columns")]
    RaggedRow {
        tabel: String,
        row: usize,
        cells: usize,
        columns: usize,
    },
}
