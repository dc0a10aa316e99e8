//! Downloads of analytics tables as XLSX or CSV.
//!
//! Every analytics page offers its table through the same query parameter,
//! `format=xlsx|csv`, on a `/unduh` route beside the page, with the page's
//! filters; the table is built by the same code as the page.

use crate::error::AppError;
use crate::params::Params;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use kompeten_io::tabel::{Tabel, tulis_csv, tulis_xlsx};

/// The file type of a download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Xlsx,
    Csv,
}

impl Format {
    /// `format=xlsx` (the default) or `format=csv`.
    pub(crate) fn dari(p: &Params) -> Result<Self, AppError> {
        match p.get("format") {
            None | Some("xlsx") => Ok(Format::Xlsx),
            Some("csv") => Ok(Format::Csv),
            Some(lain) => Err(AppError::BadRequest(format!(
                "Format unduhan \"{lain}\" tidak dikenal; pilih xlsx atau csv."
            ))),
        }
    }

    fn ekstensi(self) -> &'static str {
        match self {
            Format::Xlsx => "xlsx",
            Format::Csv => "csv",
        }
    }

    fn jenis_isi(self) -> &'static str {
        match self {
            Format::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Format::Csv => "text/csv; charset=utf-8",
        }
    }
}

/// The table as an attachment named `<nama>-<tanggal>.<ext>`; `nama` is a
/// fixed ASCII slug chosen by the handler, never user input.
pub(crate) fn respons(
    tabel: &Tabel,
    format: Format,
    nama: &str,
    tanggal: time::Date,
) -> Result<Response, AppError> {
    let body = match format {
        Format::Xlsx => tulis_xlsx(tabel).map_err(|e| AppError::internal(&e))?,
        Format::Csv => {
            let mut out = Vec::new();
            tulis_csv(tabel, &mut out).map_err(|e| AppError::internal(&e))?;
            out
        }
    };
    let berkas = format!("{nama}-{tanggal}.{}", format.ekstensi());
    Ok((
        [
            (header::CONTENT_TYPE, format.jenis_isi().to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{berkas}\""),
            ),
        ],
        body,
    )
        .into_response())
}
