//! Competency gaps and Job Person Match (JPM) over compact, columnar data.
//!
//! Rules (regulations.md §2.3–2.6):
//! - The current level of a competency is the latest assessment still valid
//!   on `hari_ini` (the [`crate::profil`] rule: later day wins, then higher
//!   penilaian id). Only expired results: shown as expired, not counted. No
//!   result: not assessed, never level 0 and never "meets".
//! - Gap = required − current when positive, over valid assessments only.
//! - JPM = Σ w·min(current, required) ÷ Σ w·required × 100 over the
//!   *assessed* competencies of the standard (`w` the standard's `bobot`, or
//!   1; without the cap Σ w·current). With group weights (fixed, or the JFKK
//!   table by jenjang) JPM is the weighted mean of the technical and the
//!   managerial + socio-cultural group JPMs, over the groups that are
//!   assessed and weighted. No JPM (with an [`AlasanTanpaJpm`]) when there is
//!   no position, no or an invalid standard, or nothing assessed.
//! - Categories come from a [`SkalaKategori`]: [`SkalaKategori::pemetaan`]
//!   (Optimal ≥ 90, Cukup Optimal ≥ 78, Kurang Optimal) or
//!   [`SkalaKategori::seleksi`] (MS ≥ 80, MMS ≥ 68, KMS), or any other.
//!
//! Exactness: JPM is kept as an integer fraction ([`Jpm`]); categories and
//! orderings compare fractions exactly. [`Jpm::basis_poin`] rounds half up
//! to hundredths of a percent; [`Jpm::persen`] is `100·N / D` in f64.
//!
//! # Using it
//!
//! ```
//! use kompeten_domain::{KelompokKompetensi, StatusAsn};
//! use kompeten_engine::kesenjangan::*;
//! use time::macros::date;
//!
//! let mut b = Pembangun::new();
//! let integritas = b.tambah_kompetensi(101, KelompokKompetensi::Manajerial);
//! let teknis = b.tambah_kompetensi(102, KelompokKompetensi::Teknis);
//! let jabatan = b.tambah_jabatan(7, None, &[
//!     ItemStandar { kompetensi: integritas, level: 3, bobot: 1 },
//!     ItemStandar { kompetensi: teknis, level: 4, bobot: 1 },
//! ]);
//! let unit = b.tambah_unit(1);
//! let p = b.tambah_pegawai(500, unit, Some(jabatan), StatusAsn::Pns, true);
//! let hari = |d| nomor_hari(d);
//! b.tambah_penilaian(p, integritas, 3, hari(date!(2025-01-10)), hari(date!(2028-01-09)), 1);
//! b.tambah_penilaian(p, teknis, 2, hari(date!(2025-01-10)), hari(date!(2028-01-09)), 2);
//! let data = b.selesai().expect("indexes exist");
//!
//! let h = hitung_pegawai(&data, p, date!(2026-11-27), &PengaturanJpm::default(),
//!     &SkalaKategori::pemetaan()).expect("employee exists");
//! // (3 + 2) / (3 + 4) = 71.43 %: Kurang Optimal.
//! assert_eq!(h.jpm.map(Jpm::basis_poin), Some(7143));
//! assert_eq!(h.kategori, Some(2));
//! ```
//!
//! # API
//!
//! Input, built once per request or run ([`Pembangun`] → [`Data`]):
//! `tambah_kompetensi(id, kelompok) -> u32`, `tambah_jabatan(id, tingkat,
//! &[ItemStandar]) -> u32`, `tambah_unit(id) -> u32`, `tambah_pegawai(id,
//! unit, jabatan, status, aktif) -> u32`, `tambah_penilaian(pegawai,
//! kompetensi, level, tanggal, berlaku_sampai, id)` with days from
//! [`nomor_hari`], `utas(n)`, then `selesai() -> Result<Data, GalatData>`.
//! Indexes are handed out from 0 in call order; ids are the caller's (kept
//! for the data-quality report and the penilaian tie-break). Content
//! problems go to [`Data::kualitas`] ([`LaporanKualitas`]); only indexes that
//! were never handed out are an error. Assessment rows may come in any order
//! (e.g. by date, as a database returns them); rows already in the engine's
//! order (by employee, competency index ascending, then newest first: later
//! day, higher id) are moved without copying.
//!
//! Analyses (all pure, deterministic, independent of `utas`):
//! - [`hitung_pegawai`] / [`hitung_pegawai_untuk_jabatan`] → [`HasilPegawai`]
//!   (per competency: required, current, status, gap; totals; JPM; category).
//! - [`hitung_semua`] → `Vec<`[`RingkasPegawai`]`>` in [`Pilihan`] order: the
//!   per-employee JPM table.
//! - [`peta_panas`] → [`PetaPanas`] (rows × competencies, sparse, ordered by
//!   row then competency index) and [`pegawai_di_sel`] for drill-down.
//! - [`sebaran_kompetensi`] → `Vec<`[`Sebaran`]`>` by competency index.
//! - [`kecocokan_jabatan`] → `Vec<`[`Kecocokan`]`>` ranked against one
//!   position's standard.
//! - [`ringkasan_kota`] → [`RingkasanKota`].
//! - [`profil_pegawai`]: current level of every assessed competency.
//!
//! Memory: per assessment row 21 bytes (competency u32, level u8, two day
//! numbers i32, id i64), per employee 14 bytes plus offsets; 50 million rows
//! and 4.3 million employees take about 1.1 GB once built. The builder holds
//! 25 bytes per row; grouping rows that are not in order needs a second copy
//! for a moment (about 50 bytes per row at the peak of `selesai`).
//!
//! Threads: [`Pembangun::utas`] sets how many the analyses and `selesai` may
//! use (scoped threads over contiguous chunks, joined in order); every result
//! is the same for any number.

mod agregat;
mod data;
mod hitung;
mod pengaturan;
#[cfg(test)]
mod tests;

pub use agregat::{
    KesenjanganKompetensi, PegawaiSel, PetaPanas, RingkasanKota, Sebaran, SelPeta,
    TanpaJpmPerAlasan, pegawai_di_sel, peta_panas, ringkasan_kota, sebaran_kompetensi,
};
pub use data::{
    BATAS_CONTOH, DaftarMasalah, Data, GalatData, ItemStandar, KeadaanStandar, LaporanKualitas,
    MAKS_BOBOT, MAKS_ITEM_STANDAR, Pembangun, nomor_hari, tanggal_dari_nomor,
};
pub use hitung::{
    AlasanTanpaJpm, GalatAnalisis, HasilPegawai, Jumlah, Kecocokan, Pilihan, RincianKompetensi,
    RingkasPegawai, StatusKompetensi, hitung_pegawai, hitung_pegawai_untuk_jabatan, hitung_semua,
    kecocokan_jabatan, profil_pegawai,
};
pub use pengaturan::{
    BobotKelompok, BobotKelompokJpm, BobotKelompokNol, Jpm, PengaturanJpm, Pita, SkalaKategori,
    SkalaTidakValid,
};
