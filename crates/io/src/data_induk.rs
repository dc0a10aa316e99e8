//! Master data (Data Induk) from a workbook or CSV files: the competency
//! dictionary, the unit tree, positions, their standards and employees.
//! Rows are checked against each other and against what is stored, and
//! become one [`DataIndukBaru`] the store saves all or nothing. Codes join
//! the sheets (a position names its unit's code), so a whole instansi can be
//! brought in from one file, in any row order.

use crate::impor::{GalatBaca, TabelMasuk, baca_buku, baca_tabel};
use crate::laporan::halaman_demi_halaman;
use crate::tabel::{Kolom, Tabel};
use kompeten_domain::{
    Golongan, GolonganPns, GolonganPppk, JenisJabatan, JenisUnit, JenjangFungsional,
    KelompokKompetensi, Level, Nip, Pendidikan, StatusAsn, TingkatJabatan,
};
use kompeten_store::{
    Actor, Acuan, DataIndukBaru, HasilDataInduk, InstansiId, JabatanId, JabatanImpor, JabatanQuery,
    KompetensiId, LevelKompetensi, Lingkup, NewKompetensi, PegawaiImpor, PegawaiQuery, PegawaiRow,
    StandarImpor, StandarImporBaris, StandarItem, Store, StoreResult, UnitId, UnitImpor,
};
use std::collections::{HashMap, HashSet};

/// The tables of master data, in the order they are saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lembar {
    Kompetensi,
    Unit,
    Jabatan,
    Standar,
    Pegawai,
}

impl Lembar {
    pub const ALL: [Lembar; 5] = [
        Lembar::Kompetensi,
        Lembar::Unit,
        Lembar::Jabatan,
        Lembar::Standar,
        Lembar::Pegawai,
    ];

    /// The sheet's name in a workbook, and the start of a CSV file's name.
    pub const fn nama(self) -> &'static str {
        match self {
            Lembar::Kompetensi => "Kompetensi",
            Lembar::Unit => "Unit",
            Lembar::Jabatan => "Jabatan",
            Lembar::Standar => "Standar",
            Lembar::Pegawai => "Pegawai",
        }
    }

    /// The table a sheet or CSV file holds, from its name: "Unit Kerja",
    /// "unit.csv", "Standar Kompetensi", "kamus-kompetensi.csv".
    pub fn dari_nama(nama: &str) -> Option<Lembar> {
        let kunci = normal(nama);
        let kunci = kunci.strip_suffix(".csv").unwrap_or(&kunci);
        [
            ("kamus", Lembar::Kompetensi),
            ("kompetensi", Lembar::Kompetensi),
            ("unit", Lembar::Unit),
            ("jabatan", Lembar::Jabatan),
            ("standar", Lembar::Standar),
            ("pegawai", Lembar::Pegawai),
        ]
        .into_iter()
        .find(|(awal, _)| kunci.starts_with(awal))
        .map(|(_, l)| l)
    }

    /// The columns, the required ones first.
    pub fn kolom(self) -> &'static [KolomInduk] {
        match self {
            Lembar::Kompetensi => KOLOM_KOMPETENSI,
            Lembar::Unit => KOLOM_UNIT,
            Lembar::Jabatan => KOLOM_JABATAN,
            Lembar::Standar => KOLOM_STANDAR,
            Lembar::Pegawai => KOLOM_PEGAWAI,
        }
    }

    /// A header row of this table holds its first column's heading.
    fn adalah_judul(self, r: &[String]) -> bool {
        let k = &self.kolom()[0];
        let nama = k.nama();
        r.iter()
            .any(|c| nama.iter().any(|n| normal(c) == normal(n)))
    }
}

/// A column of a master-data table: its heading, other headings read as it,
/// whether a row must fill it, and what goes in it (Indonesian, for the
/// page and the template).
#[derive(Debug)]
pub struct KolomInduk {
    pub judul: &'static str,
    pub alias: &'static [&'static str],
    pub wajib: bool,
    pub isi: &'static str,
}

const fn kolom(judul: &'static str, wajib: bool, isi: &'static str) -> KolomInduk {
    KolomInduk {
        judul,
        alias: &[],
        wajib,
        isi,
    }
}

impl KolomInduk {
    /// The same column, also read under `alias`.
    const fn juga(self, alias: &'static [&'static str]) -> KolomInduk {
        KolomInduk { alias, ..self }
    }

    /// Every heading the column is read under.
    fn nama(&self) -> Vec<&'static str> {
        let mut nama = vec![self.judul];
        nama.extend_from_slice(self.alias);
        nama
    }
}

const KOLOM_KOMPETENSI: &[KolomInduk] = &[
    kolom("kode", true, "kode unik, mis. M.1 atau T.SPBE.1"),
    kolom("kelompok", true, "manajerial, sosial kultural atau teknis"),
    kolom("nama", true, "nama kompetensi"),
    kolom("definisi", true, "definisi kompetensi"),
    kolom("level_1", true, "deskripsi level 1"),
    kolom("level_2", true, "deskripsi level 2"),
    kolom("level_3", true, "deskripsi level 3"),
    kolom("level_4", true, "deskripsi level 4"),
    kolom("level_5", true, "deskripsi level 5"),
    kolom("bidang", false, "bidang kompetensi teknis, mis. SPBE"),
    kolom(
        "indikator_1",
        false,
        "indikator perilaku level 1, satu per baris dalam sel (Alt+Enter)",
    ),
    kolom("indikator_2", false, "indikator perilaku level 2"),
    kolom("indikator_3", false, "indikator perilaku level 3"),
    kolom("indikator_4", false, "indikator perilaku level 4"),
    kolom("indikator_5", false, "indikator perilaku level 5"),
];

const KOLOM_UNIT: &[KolomInduk] = &[
    kolom("kode", true, "kode unik unit kerja"),
    kolom("nama", true, "nama unit kerja"),
    kolom(
        "jenis",
        true,
        "mis. dinas, badan, bidang, seksi, uptd, puskesmas, sekolah, kelurahan",
    ),
    kolom("kode_induk", false, "kode unit induk; kosong untuk OPD").juga(&["induk"]),
    kolom(
        "urut",
        false,
        "nomor urut di antara unit sesama induk (mis. urutan OPD dalam Perda)",
    ),
];

const KOLOM_JABATAN: &[KolomInduk] = &[
    kolom("kode", true, "kode unik jabatan"),
    kolom("nama", true, "nama jabatan"),
    kolom(
        "jenis",
        true,
        "jpt pratama, administrator, pengawas, pelaksana atau fungsional",
    ),
    kolom("kode_unit", true, "kode unit kerja tempat jabatan").juga(&["unit"]),
    kolom(
        "jenjang",
        false,
        "jenjang jabatan fungsional, mis. ahli pertama, terampil",
    ),
    kolom("kelas", false, "kelas jabatan 1–17"),
];

const KOLOM_STANDAR: &[KolomInduk] = &[
    kolom("kode_jabatan", true, "kode jabatan"),
    kolom("kode_kompetensi", true, "kode kompetensi dalam kamus"),
    kolom("level", true, "level yang dipersyaratkan, 1–5").juga(&["level_standar"]),
    kolom(
        "bobot",
        false,
        "bobot relatif, bilangan bulat ≥ 1 (kosong: 1)",
    ),
];

const KOLOM_PEGAWAI: &[KolomInduk] = &[
    kolom("nip", true, "18 digit, diformat sebagai Teks"),
    kolom("nama", true, "nama tanpa gelar"),
    kolom("golongan", true, "mis. III/a untuk PNS, IX untuk PPPK"),
    kolom("kode_unit", true, "kode unit kerja").juga(&["unit"]),
    kolom(
        "pendidikan",
        true,
        "SD, SMP, SLTA, D-I … D-IV, S-1, S-2, S-3",
    ),
    kolom("kode_jabatan", false, "kode jabatan; kosong bila belum ada").juga(&["jabatan"]),
    kolom("status", false, "PNS atau PPPK (kosong: dari golongan)"),
    kolom("gelar_depan", false, "mis. dr., Ir."),
    kolom("gelar_belakang", false, "mis. S.Kom., M.Si."),
    kolom("aktif", false, "ya atau tidak (kosong: ya)"),
];

/// A refused cell: the sheet, the row number as the spreadsheet shows it,
/// the column, and why (Indonesian for the page, English for the CLI).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GalatInduk {
    pub lembar: Lembar,
    pub nomor: usize,
    pub kolom: &'static str,
    pub pesan: String,
    pub reason: String,
}

/// What is stored already, by code (upper case) and NIP digits.
#[derive(Debug, Clone, Default)]
pub struct RujukanInduk {
    pub unit: HashMap<String, UnitId>,
    pub jabatan: HashMap<String, JabatanId>,
    pub kompetensi: HashMap<String, KompetensiId>,
    pub nip: HashSet<String>,
}

/// Why files could not be read as master data.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GalatBerkasInduk {
    #[error("{berkas}: {galat}")]
    Baca { berkas: String, galat: GalatBaca },
    #[error(
        "{0}: a CSV file's name must say its table (kompetensi, unit, jabatan, standar or pegawai)"
    )]
    NamaCsv(String),
    #[error("the table {} is given twice", .0.nama())]
    Ganda(Lembar),
    #[error("no sheet named Kompetensi, Unit, Jabatan, Standar or Pegawai was found")]
    Kosong,
}

impl GalatBerkasInduk {
    /// The reason in Indonesian, for the page.
    pub fn pesan(&self) -> String {
        match self {
            GalatBerkasInduk::Baca { berkas, galat } => format!("{berkas}: {}", galat.pesan()),
            GalatBerkasInduk::NamaCsv(berkas) => format!(
                "{berkas}: nama berkas CSV harus menyebut tabelnya (kompetensi, unit, jabatan, \
                 standar atau pegawai), mis. unit.csv."
            ),
            GalatBerkasInduk::Ganda(l) => format!("Tabel {} diberikan dua kali.", l.nama()),
            GalatBerkasInduk::Kosong => "Tidak ada lembar bernama Kompetensi, Unit, Jabatan, \
                 Standar atau Pegawai."
                .to_owned(),
        }
    }
}

/// Reads files (name, bytes): each XLSX by its sheets' names, each CSV by
/// its own name. At most `maks_baris` rows per file.
pub fn baca_berkas(
    berkas: &[(String, Vec<u8>)],
    maks_baris: usize,
) -> Result<Vec<(Lembar, TabelMasuk)>, GalatBerkasInduk> {
    let mut out: Vec<(Lembar, TabelMasuk)> = Vec::new();
    for (nama, bytes) in berkas {
        let baca = |galat| GalatBerkasInduk::Baca {
            berkas: nama.clone(),
            galat,
        };
        let nama_kecil = nama.to_ascii_lowercase();
        let tabel = if nama_kecil.ends_with(".xlsx") {
            baca_buku(bytes, maks_baris, &Lembar::dari_nama, &|l: &Lembar, r| {
                l.adalah_judul(r)
            })
            .map_err(baca)?
        } else {
            let dasar = nama.rsplit(['/', '\\']).next().unwrap_or(nama);
            let lembar =
                Lembar::dari_nama(dasar).ok_or_else(|| GalatBerkasInduk::NamaCsv(nama.clone()))?;
            let t = baca_tabel(nama, bytes, maks_baris, &|r: &[String]| {
                lembar.adalah_judul(r)
            })
            .map_err(baca)?;
            vec![(lembar, t)]
        };
        for (lembar, t) in tabel {
            if out.iter().any(|(l, _)| *l == lembar) {
                return Err(GalatBerkasInduk::Ganda(lembar));
            }
            out.push((lembar, t));
        }
    }
    if out.is_empty() {
        return Err(GalatBerkasInduk::Kosong);
    }
    out.sort_by_key(|(l, _)| *l);
    Ok(out)
}

/// Checks every row; the data to save, or every refused cell.
pub fn periksa(
    tabel: &[(Lembar, TabelMasuk)],
    rujukan: &RujukanInduk,
) -> Result<DataIndukBaru, Vec<GalatInduk>> {
    let mut p = Pemeriksa {
        rujukan,
        galat: Vec::new(),
        data: DataIndukBaru::default(),
        kompetensi: HashMap::new(),
        unit: HashMap::new(),
        jabatan: HashMap::new(),
    };
    let ambil = |l: Lembar| tabel.iter().find(|(x, _)| *x == l).map(|(_, t)| t);
    if let Some(t) = ambil(Lembar::Kompetensi) {
        p.kompetensi(t);
    }
    if let Some(t) = ambil(Lembar::Unit) {
        p.unit(t);
    }
    if let Some(t) = ambil(Lembar::Jabatan) {
        p.jabatan(t);
    }
    if let Some(t) = ambil(Lembar::Standar) {
        p.standar(t);
    }
    if let Some(t) = ambil(Lembar::Pegawai) {
        p.pegawai(t);
    }
    if p.galat.is_empty() {
        Ok(p.data)
    } else {
        p.galat.sort_by_key(|g| (g.lembar, g.nomor));
        Err(p.galat)
    }
}

/// Lower case without spaces, underscores, hyphens or dots: "Sosial
/// Kultural" = "sosial_kultural", "S-1" = "s1", "D-III" = "diii".
fn normal(teks: &str) -> String {
    teks.chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-' | '.'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A value of a code list by its code or its label.
fn pilih<T: Copy>(
    teks: &str,
    semua: &[T],
    kode: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Option<T> {
    let k = normal(teks);
    semua
        .iter()
        .copied()
        .find(|v| normal(kode(*v)) == k || normal(label(*v)) == k)
}

fn daftar<T: Copy>(semua: &[T], kode: fn(T) -> &'static str) -> String {
    semua
        .iter()
        .map(|v| kode(*v))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One row being read: its cells by column heading.
struct Baris<'a> {
    tabel: &'a TabelMasuk,
    lembar: Lembar,
    nomor: usize,
    sel: &'a [String],
}

impl Baris<'_> {
    fn sel(&self, judul: &str) -> &str {
        let k = self
            .lembar
            .kolom()
            .iter()
            .find(|k| k.judul == judul)
            .map(KolomInduk::nama)
            .unwrap_or_else(|| vec![judul]);
        self.tabel
            .kolom(&k)
            .and_then(|i| self.sel.get(i))
            .map(String::as_str)
            .unwrap_or("")
    }
}

/// Where a reference points: a stored record or a row of this import.
type Peta<T> = HashMap<String, (usize, Acuan<T>)>;

struct Pemeriksa<'a> {
    rujukan: &'a RujukanInduk,
    galat: Vec<GalatInduk>,
    data: DataIndukBaru,
    /// Codes of this import's rows (upper case) to their row number and place.
    kompetensi: Peta<KompetensiId>,
    unit: Peta<UnitId>,
    jabatan: Peta<JabatanId>,
}

impl Pemeriksa<'_> {
    fn tolak(&mut self, b: &Baris<'_>, kolom: &'static str, pesan: String, reason: String) {
        self.galat.push(GalatInduk {
            lembar: b.lembar,
            nomor: b.nomor,
            kolom,
            pesan,
            reason,
        });
    }

    /// The columns a table lacks, refused once on its header row.
    fn kolom_hilang(&mut self, lembar: Lembar, t: &TabelMasuk) -> bool {
        let hilang: Vec<&'static str> = lembar
            .kolom()
            .iter()
            .filter(|k| k.wajib)
            .filter(|k| t.kolom(&k.nama()).is_none())
            .map(|k| k.judul)
            .collect();
        for k in &hilang {
            self.galat.push(GalatInduk {
                lembar,
                nomor: t
                    .baris
                    .first()
                    .map_or(1, |b| b.nomor.saturating_sub(1))
                    .max(1),
                kolom: k,
                pesan: format!("Kolom {k} tidak ada pada lembar {}.", lembar.nama()),
                reason: format!("the {} sheet has no {k} column", lembar.nama()),
            });
        }
        !hilang.is_empty()
    }

    fn baris<'t>(lembar: Lembar, t: &'t TabelMasuk) -> impl Iterator<Item = Baris<'t>> {
        t.baris.iter().map(move |b| Baris {
            tabel: t,
            lembar,
            nomor: b.nomor,
            sel: &b.sel,
        })
    }

    /// The required cells of a row, or refusals for the empty ones.
    /// Also refuses a line break or control character in a one-line cell
    /// (a code, a name): only definitions, level descriptions and
    /// indicators span lines.
    fn wajib(&mut self, b: &Baris<'_>) -> bool {
        let mut lengkap = true;
        for k in b.lembar.kolom() {
            let sel = b.sel(k.judul);
            if k.wajib && sel.is_empty() {
                self.tolak(
                    b,
                    k.judul,
                    format!("{} wajib diisi.", k.judul),
                    format!("{} is required", k.judul),
                );
                lengkap = false;
            }
            let banyak_baris = k.judul == "definisi"
                || k.judul.starts_with("level_")
                || k.judul.starts_with("indikator_");
            if sel.contains('\0') || (!banyak_baris && sel.chars().any(char::is_control)) {
                self.tolak(
                    b,
                    k.judul,
                    format!(
                        "{} berisi baris baru atau karakter kendali; tulis dalam satu baris.",
                        k.judul
                    ),
                    format!("{} holds a line break or control character", k.judul),
                );
                lengkap = false;
            }
        }
        lengkap
    }

    /// A new code: not stored, not on an earlier row of this import.
    fn kode_baru(
        &mut self,
        b: &Baris<'_>,
        kolom: &'static str,
        tersimpan: bool,
        baris_lain: Option<usize>,
    ) -> bool {
        let kode = b.sel(kolom).to_owned();
        if tersimpan {
            self.tolak(
                b,
                kolom,
                format!("Kode {kode} sudah terdaftar."),
                format!("code {kode} already exists"),
            );
            return false;
        }
        if let Some(n) = baris_lain {
            self.tolak(
                b,
                kolom,
                format!("Kode {kode} sudah dipakai pada baris {n}."),
                format!("code {kode} is already used on row {n}"),
            );
            return false;
        }
        true
    }

    /// A reference to a stored record or a row of this import, by code.
    fn acuan<T: Copy>(
        &mut self,
        b: &Baris<'_>,
        kolom: &'static str,
        apa: (&str, &str),
        baru: &Peta<T>,
        tersimpan: &HashMap<String, T>,
    ) -> Option<Acuan<T>> {
        let kode = b.sel(kolom);
        let kunci = kode.to_uppercase();
        if let Some((_, a)) = baru.get(&kunci) {
            return Some(*a);
        }
        if let Some(id) = tersimpan.get(&kunci) {
            return Some(Acuan::Ada(*id));
        }
        self.tolak(
            b,
            kolom,
            format!("{} dengan kode {kode} tidak ditemukan.", apa.0),
            format!("no {} with code {kode}", apa.1),
        );
        None
    }

    fn angka(
        &mut self,
        b: &Baris<'_>,
        kolom: &'static str,
        rentang: std::ops::RangeInclusive<i64>,
    ) -> Option<Option<i64>> {
        let teks = b.sel(kolom);
        if teks.is_empty() {
            return Some(None);
        }
        match teks.parse::<i64>() {
            Ok(n) if rentang.contains(&n) => Some(Some(n)),
            _ => {
                let (a, z) = (rentang.start(), rentang.end());
                self.tolak(
                    b,
                    kolom,
                    format!("{kolom} harus bilangan bulat {a}–{z}, tertulis {teks:?}."),
                    format!("{kolom} must be a whole number from {a} to {z}, got {teks:?}"),
                );
                None
            }
        }
    }

    /// A value of a code list named in the cell `kolom` (by code or label),
    /// or a refusal listing the choices. `apa`: what it is, (id, en).
    fn pilih_sel<T: Copy>(
        &mut self,
        b: &Baris<'_>,
        kolom: &'static str,
        apa: (&str, &str),
        semua: &[T],
        kode: fn(T) -> &'static str,
        label: fn(T) -> &'static str,
    ) -> Option<T> {
        let teks = b.sel(kolom).to_owned();
        let v = pilih(&teks, semua, kode, label);
        if v.is_none() {
            self.tolak(
                b,
                kolom,
                format!(
                    "{} {teks:?} tidak dikenal; pilih salah satu: {}.",
                    apa.0,
                    daftar(semua, label)
                ),
                format!("unknown {} {teks:?}; one of {}", apa.1, daftar(semua, kode)),
            );
        }
        v
    }

    fn kompetensi(&mut self, t: &TabelMasuk) {
        if self.kolom_hilang(Lembar::Kompetensi, t) {
            return;
        }
        for b in Self::baris(Lembar::Kompetensi, t) {
            if !self.wajib(&b) {
                continue;
            }
            let kode = b.sel("kode").to_owned();
            let kunci = kode.to_uppercase();
            let lain = self.kompetensi.get(&kunci).map(|x| x.0);
            let baru = self.kode_baru(
                &b,
                "kode",
                self.rujukan.kompetensi.contains_key(&kunci),
                lain,
            );
            let kelompok = self.pilih_sel(
                &b,
                "kelompok",
                ("Kelompok", "kelompok"),
                KelompokKompetensi::ALL,
                KelompokKompetensi::code,
                KelompokKompetensi::label,
            );
            let (Some(kelompok), true) = (kelompok, baru) else {
                if baru {
                    // Refused for its own cells: found by code, never saved.
                    self.kompetensi
                        .insert(kunci, (b.nomor, Acuan::Baru(usize::MAX)));
                }
                continue;
            };
            let level = Level::ALL
                .iter()
                .map(|l| LevelKompetensi {
                    level: *l,
                    deskripsi: b.sel(&format!("level_{l}")).to_owned(),
                    indikator: b
                        .sel(&format!("indikator_{l}"))
                        .lines()
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned)
                        .collect(),
                })
                .collect();
            let bidang = Some(b.sel("bidang").to_owned()).filter(|s| !s.is_empty());
            self.kompetensi
                .insert(kunci, (b.nomor, Acuan::Baru(self.data.kompetensi.len())));
            self.data.kompetensi.push(NewKompetensi {
                kode,
                kelompok,
                bidang,
                nama: b.sel("nama").to_owned(),
                definisi: b.sel("definisi").to_owned(),
                level,
            });
        }
    }

    fn unit(&mut self, t: &TabelMasuk) {
        if self.kolom_hilang(Lembar::Unit, t) {
            return;
        }
        // First the rows on their own, then the tree: a parent may come
        // after its children in the file.
        // A row refused for its own cells (`unit: None`) still takes part in
        // the tree and is found by code, so its parent is checked and rows
        // pointing at it are not refused for that; nothing is saved while
        // any row is refused.
        struct Calon {
            nomor: usize,
            kode: String,
            induk: String,
            unit: Option<UnitImpor>,
        }
        let mut calon: Vec<Calon> = Vec::new();
        let mut kode_baris: HashMap<String, usize> = HashMap::new();
        for b in Self::baris(Lembar::Unit, t) {
            if !self.wajib(&b) {
                continue;
            }
            let kode = b.sel("kode").to_owned();
            let kunci = kode.to_uppercase();
            let lain = kode_baris.get(&kunci).copied();
            let baru = self.kode_baru(&b, "kode", self.rujukan.unit.contains_key(&kunci), lain);
            let jenis = self.pilih_sel(
                &b,
                "jenis",
                ("Jenis unit", "unit jenis"),
                JenisUnit::ALL,
                JenisUnit::code,
                JenisUnit::label,
            );
            let urut = self.angka(&b, "urut", 1..=i64::from(u32::MAX));
            if !baru {
                continue;
            }
            kode_baris.insert(kunci, b.nomor);
            calon.push(Calon {
                nomor: b.nomor,
                kode: kode.clone(),
                induk: b.sel("kode_induk").to_uppercase(),
                unit: match (jenis, urut) {
                    (Some(jenis), Some(urut)) => Some(UnitImpor {
                        induk: None,
                        kode,
                        nama: b.sel("nama").to_owned(),
                        jenis,
                        urut: urut.map(|n| n as u32),
                    }),
                    _ => None,
                },
            });
        }
        let indeks: HashMap<String, usize> = calon
            .iter()
            .enumerate()
            .map(|(i, c)| (c.kode.to_uppercase(), i))
            .collect();
        // Depth within this import (0: parent stored or none); None: a
        // cycle or a missing parent.
        let mut dalam: Vec<Option<Option<usize>>> = vec![None; calon.len()];
        for mulai in 0..calon.len() {
            let mut jalur = vec![mulai];
            let mut kini = mulai;
            let hasil = loop {
                if let Some(d) = dalam[kini] {
                    break d;
                }
                let induk = &calon[kini].induk;
                if induk.is_empty() || self.rujukan.unit.contains_key(induk) {
                    break Some(0);
                }
                match indeks.get(induk) {
                    Some(&i) if jalur.contains(&i) => break None,
                    Some(&i) => {
                        jalur.push(i);
                        kini = i;
                    }
                    None => break None,
                }
            };
            // Walk back: each step down adds one.
            let mut d = hasil;
            for &i in jalur.iter().rev() {
                if dalam[i].is_none() {
                    dalam[i] = Some(d);
                    d = d.map(|x| x + 1);
                } else {
                    d = dalam[i].flatten().map(|x| x + 1);
                }
            }
        }
        let mut urutan: Vec<usize> = Vec::new();
        for (i, c) in calon.iter().enumerate() {
            match dalam[i].flatten() {
                Some(_) => urutan.push(i),
                None => {
                    let pesan_reason = if indeks.contains_key(&c.induk) {
                        (
                            format!(
                                "Unit induk {} membentuk lingkaran (unit menjadi induk dirinya sendiri).",
                                c.induk
                            ),
                            format!("parent {} makes a cycle", c.induk),
                        )
                    } else {
                        (
                            format!("Unit induk dengan kode {} tidak ditemukan.", c.induk),
                            format!("no unit with code {}", c.induk),
                        )
                    };
                    self.galat.push(GalatInduk {
                        lembar: Lembar::Unit,
                        nomor: c.nomor,
                        kolom: "kode_induk",
                        pesan: pesan_reason.0,
                        reason: pesan_reason.1,
                    });
                    self.unit
                        .insert(c.kode.to_uppercase(), (c.nomor, Acuan::Baru(usize::MAX)));
                }
            }
        }
        urutan.sort_by_key(|&i| (dalam[i].flatten(), i));
        let tempat: HashMap<usize, usize> =
            urutan.iter().enumerate().map(|(n, &i)| (i, n)).collect();
        let mut calon: Vec<Option<Calon>> = calon.into_iter().map(Some).collect();
        for &i in &urutan {
            let Some(c) = calon[i].take() else {
                continue;
            };
            let Some(mut unit) = c.unit else {
                // Refused already: found by code, never saved.
                self.unit
                    .insert(c.kode.to_uppercase(), (c.nomor, Acuan::Baru(usize::MAX)));
                continue;
            };
            unit.induk = if c.induk.is_empty() {
                None
            } else if let Some(id) = self.rujukan.unit.get(&c.induk) {
                Some(Acuan::Ada(*id))
            } else {
                indeks
                    .get(&c.induk)
                    .and_then(|j| tempat.get(j))
                    .map(|&n| Acuan::Baru(n))
            };
            self.unit.insert(
                c.kode.to_uppercase(),
                (c.nomor, Acuan::Baru(self.data.unit.len())),
            );
            self.data.unit.push(unit);
        }
    }

    fn jabatan(&mut self, t: &TabelMasuk) {
        if self.kolom_hilang(Lembar::Jabatan, t) {
            return;
        }
        let rujukan = self.rujukan;
        let unit_baru = self.unit.clone();
        for b in Self::baris(Lembar::Jabatan, t) {
            if !self.wajib(&b) {
                continue;
            }
            let kode = b.sel("kode").to_owned();
            let kunci = kode.to_uppercase();
            let lain = self.jabatan.get(&kunci).map(|x| x.0);
            let baru = self.kode_baru(&b, "kode", self.rujukan.jabatan.contains_key(&kunci), lain);
            let unit = self.acuan(
                &b,
                "kode_unit",
                ("Unit kerja", "unit"),
                &unit_baru,
                &rujukan.unit,
            );
            let tingkat = self.tingkat(&b);
            let kelas = self.angka(&b, "kelas", 1..=17);
            let (Some(unit), Some(tingkat), Some(kelas), true) = (unit, tingkat, kelas, baru)
            else {
                if baru {
                    // Refused for its own cells: found by code, never saved.
                    self.jabatan
                        .insert(kunci, (b.nomor, Acuan::Baru(usize::MAX)));
                }
                continue;
            };
            self.jabatan
                .insert(kunci, (b.nomor, Acuan::Baru(self.data.jabatan.len())));
            self.data.jabatan.push(JabatanImpor {
                kode,
                nama: b.sel("nama").to_owned(),
                tingkat,
                unit,
                kelas: kelas.map(|k| k as u8),
            });
        }
    }

    fn tingkat(&mut self, b: &Baris<'_>) -> Option<TingkatJabatan> {
        let jenis = self.pilih_sel(
            b,
            "jenis",
            ("Jenis jabatan", "jenis jabatan"),
            JenisJabatan::ALL,
            JenisJabatan::code,
            JenisJabatan::label,
        )?;
        let jenjang = if b.sel("jenjang").is_empty() {
            None
        } else {
            Some(self.pilih_sel(
                b,
                "jenjang",
                ("Jenjang", "jenjang"),
                JenjangFungsional::ALL,
                JenjangFungsional::code,
                JenjangFungsional::label,
            )?)
        };
        match TingkatJabatan::new(jenis, jenjang) {
            Ok(t) => Some(t),
            Err(e) => {
                let pesan = if jenjang.is_none() {
                    "Jabatan fungsional memerlukan jenjang.".to_owned()
                } else {
                    format!(
                        "Hanya jabatan fungsional yang berjenjang, bukan {}.",
                        jenis.label()
                    )
                };
                self.tolak(b, "jenjang", pesan, e.to_string());
                None
            }
        }
    }

    fn standar(&mut self, t: &TabelMasuk) {
        if self.kolom_hilang(Lembar::Standar, t) {
            return;
        }
        let rujukan = self.rujukan;
        let jabatan_baru = self.jabatan.clone();
        let kompetensi_baru = self.kompetensi.clone();
        // Per position (in order of first appearance): its lines, and the
        // row of each competency.
        let mut per_jabatan: Vec<(Acuan<JabatanId>, Vec<StandarImporBaris>)> = Vec::new();
        let mut dilihat: HashMap<(String, String), usize> = HashMap::new();
        for b in Self::baris(Lembar::Standar, t) {
            if !self.wajib(&b) {
                continue;
            }
            let jabatan = self.acuan(
                &b,
                "kode_jabatan",
                ("Jabatan", "jabatan"),
                &jabatan_baru,
                &rujukan.jabatan,
            );
            let kompetensi = self.acuan(
                &b,
                "kode_kompetensi",
                ("Kompetensi", "competency"),
                &kompetensi_baru,
                &rujukan.kompetensi,
            );
            let level = self.angka(&b, "level", 1..=5);
            let bobot = self.angka(&b, "bobot", 1..=1000);
            let pasangan = (
                b.sel("kode_jabatan").to_uppercase(),
                b.sel("kode_kompetensi").to_uppercase(),
            );
            if let Some(n) = dilihat.get(&pasangan) {
                self.tolak(
                    &b,
                    "kode_kompetensi",
                    format!(
                        "Kompetensi {} untuk jabatan ini sudah ada pada baris {n}.",
                        pasangan.1
                    ),
                    format!(
                        "competency {} for this position is already on row {n}",
                        pasangan.1
                    ),
                );
                continue;
            }
            dilihat.insert(pasangan, b.nomor);
            let (Some(jabatan), Some(kompetensi), Some(Some(level)), Some(bobot)) =
                (jabatan, kompetensi, level, bobot)
            else {
                continue;
            };
            let Ok(level) = Level::new(level) else {
                continue;
            };
            let baris = StandarImporBaris {
                kompetensi,
                level,
                bobot: bobot.unwrap_or(1) as u32,
            };
            match per_jabatan.iter_mut().find(|(j, _)| *j == jabatan) {
                Some((_, lines)) => lines.push(baris),
                None => per_jabatan.push((jabatan, vec![baris])),
            }
        }
        self.data.standar = per_jabatan
            .into_iter()
            .map(|(jabatan, baris)| StandarImpor { jabatan, baris })
            .collect();
    }

    fn pegawai(&mut self, t: &TabelMasuk) {
        if self.kolom_hilang(Lembar::Pegawai, t) {
            return;
        }
        let rujukan = self.rujukan;
        let unit_baru = self.unit.clone();
        let jabatan_baru = self.jabatan.clone();
        let mut nip_baris: HashMap<String, usize> = HashMap::new();
        for b in Self::baris(Lembar::Pegawai, t) {
            if !self.wajib(&b) {
                continue;
            }
            let golongan_teks = b.sel("golongan").to_owned();
            let status_teks = b.sel("status").to_owned();
            let status = if status_teks.is_empty() {
                // The golongan tells: "III/a" is a PNS rank, "IX" a PPPK one.
                if pilih(
                    &golongan_teks,
                    GolonganPns::ALL,
                    GolonganPns::code,
                    GolonganPns::code,
                )
                .is_some()
                {
                    Some(StatusAsn::Pns)
                } else if pilih(
                    &golongan_teks,
                    GolonganPppk::ALL,
                    GolonganPppk::code,
                    GolonganPppk::code,
                )
                .is_some()
                {
                    Some(StatusAsn::Pppk)
                } else {
                    self.tolak(
                        &b,
                        "golongan",
                        format!("Golongan {golongan_teks:?} tidak dikenal; mis. III/a (PNS) atau IX (PPPK)."),
                        format!("unknown golongan {golongan_teks:?}; e.g. III/a (PNS) or IX (PPPK)"),
                    );
                    None
                }
            } else {
                self.pilih_sel(
                    &b,
                    "status",
                    ("Status", "status"),
                    StatusAsn::ALL,
                    StatusAsn::code,
                    StatusAsn::label,
                )
            };
            let nip = status.and_then(|s| match Nip::parse(b.sel("nip"), s) {
                Ok(n) => Some(n),
                Err(e) => {
                    self.tolak(&b, "nip", e.pesan(), e.to_string());
                    None
                }
            });
            let golongan = status.and_then(|s| {
                let kode = match s {
                    StatusAsn::Pns => pilih(
                        &golongan_teks,
                        GolonganPns::ALL,
                        GolonganPns::code,
                        GolonganPns::code,
                    )
                    .map(GolonganPns::code),
                    StatusAsn::Pppk => pilih(
                        &golongan_teks,
                        GolonganPppk::ALL,
                        GolonganPppk::code,
                        GolonganPppk::code,
                    )
                    .map(GolonganPppk::code),
                };
                match kode.map(|k| Golongan::parse(s, k)) {
                    Some(Ok(g)) => Some(g),
                    _ => {
                        if !status_teks.is_empty() {
                            self.tolak(
                                &b,
                                "golongan",
                                format!("Golongan {golongan_teks:?} bukan golongan {}.", s.label()),
                                format!("{golongan_teks:?} is not a golongan for {}", s.label()),
                            );
                        }
                        None
                    }
                }
            });
            if let Some(n) = &nip {
                let digit = n.as_str().to_owned();
                if self.rujukan.nip.contains(&digit) {
                    self.tolak(
                        &b,
                        "nip",
                        format!("NIP {n} sudah terdaftar."),
                        format!("NIP {n} already exists"),
                    );
                } else if let Some(lain) = nip_baris.get(&digit) {
                    self.tolak(
                        &b,
                        "nip",
                        format!("NIP {n} sudah ada pada baris {lain}."),
                        format!("NIP {n} is already on row {lain}"),
                    );
                } else {
                    nip_baris.insert(digit, b.nomor);
                }
            }
            let unit = self.acuan(
                &b,
                "kode_unit",
                ("Unit kerja", "unit"),
                &unit_baru,
                &rujukan.unit,
            );
            let jabatan = if b.sel("kode_jabatan").is_empty() {
                Some(None)
            } else {
                self.acuan(
                    &b,
                    "kode_jabatan",
                    ("Jabatan", "jabatan"),
                    &jabatan_baru,
                    &rujukan.jabatan,
                )
                .map(Some)
            };
            let pendidikan = self.pilih_sel(
                &b,
                "pendidikan",
                ("Pendidikan", "pendidikan"),
                Pendidikan::ALL,
                Pendidikan::code,
                Pendidikan::label,
            );
            let aktif_teks = b.sel("aktif").to_owned();
            let aktif = match normal(&aktif_teks).as_str() {
                "" | "ya" | "y" | "1" | "true" | "aktif" => Some(true),
                "tidak" | "t" | "0" | "false" | "nonaktif" | "tidakaktif" => Some(false),
                _ => {
                    self.tolak(
                        &b,
                        "aktif",
                        format!("Aktif harus ya atau tidak, tertulis {aktif_teks:?}."),
                        format!("aktif must be ya or tidak, got {aktif_teks:?}"),
                    );
                    None
                }
            };
            let (
                Some(nip),
                Some(golongan),
                Some(unit),
                Some(jabatan),
                Some(pendidikan),
                Some(aktif),
            ) = (nip, golongan, unit, jabatan, pendidikan, aktif)
            else {
                continue;
            };
            let opsional = |k: &str| Some(b.sel(k).to_owned()).filter(|s| !s.is_empty());
            self.data.pegawai.push(PegawaiImpor {
                nip,
                nama: b.sel("nama").to_owned(),
                gelar_depan: opsional("gelar_depan"),
                gelar_belakang: opsional("gelar_belakang"),
                golongan,
                jabatan,
                unit,
                pendidikan,
                aktif,
            });
        }
    }
}

/// What an instansi has stored, to check an import against: every code,
/// and every NIP (inactive employees' too).
pub async fn rujukan(store: &dyn Store, i: InstansiId) -> StoreResult<RujukanInduk> {
    let unit = store
        .units(i)
        .await?
        .into_iter()
        .map(|u| (u.kode.to_uppercase(), u.id))
        .collect();
    let jabatan = store
        .list_jabatan(i, &JabatanQuery::default())
        .await?
        .into_iter()
        .map(|j| (j.jabatan.kode.to_uppercase(), j.jabatan.id))
        .collect();
    let kompetensi = store
        .list_kompetensi(i)
        .await?
        .into_iter()
        .map(|k| (k.kode.to_uppercase(), k.id))
        .collect();
    let nip = semua_pegawai(store, i)
        .await?
        .into_iter()
        .map(|p| p.nip.as_str().to_owned())
        .collect();
    Ok(RujukanInduk {
        unit,
        jabatan,
        kompetensi,
        nip,
    })
}

/// Every employee of the instansi, inactive ones too, in list order.
async fn semua_pegawai(store: &dyn Store, i: InstansiId) -> StoreResult<Vec<PegawaiRow>> {
    let q = PegawaiQuery {
        hanya_aktif: false,
        ..PegawaiQuery::semua(Lingkup::Instansi)
    };
    halaman_demi_halaman(store, i, q).await
}

/// What `i` has stored, as the workbook it could have been imported from:
/// a copy to edit, to keep, or to bring into another deployment. Units carry
/// their place among their siblings (`urut`), so the tree keeps its order.
/// Holds NIPs and birth dates: for administrators only.
pub async fn tabel_instansi(store: &dyn Store, i: InstansiId) -> StoreResult<Vec<Tabel>> {
    let kamus = store.list_kompetensi(i).await?;
    let units = store.units(i).await?;
    let jabatan = store.list_jabatan(i, &JabatanQuery::default()).await?;
    let standar = store.data_kesenjangan(i).await?.jabatan;
    let pegawai = semua_pegawai(store, i).await?;

    let kode_kompetensi: HashMap<KompetensiId, (usize, &str)> = kamus
        .iter()
        .enumerate()
        .map(|(n, k)| (k.id, (n, k.kode.as_str())))
        .collect();
    let kode_unit: HashMap<UnitId, &str> = units.iter().map(|u| (u.id, u.kode.as_str())).collect();
    let kode_jabatan: HashMap<JabatanId, &str> = jabatan
        .iter()
        .map(|j| (j.jabatan.id, j.jabatan.kode.as_str()))
        .collect();
    let teks = |s: &str| s.to_owned();

    let mut contoh: Vec<(Lembar, Vec<Vec<String>>)> = Vec::new();
    contoh.push((
        Lembar::Kompetensi,
        kamus
            .iter()
            .map(|k| {
                let mut r = vec![
                    teks(&k.kode),
                    teks(k.kelompok.code()),
                    teks(&k.nama),
                    teks(&k.definisi),
                ];
                r.extend(k.level.iter().map(|l| l.deskripsi.clone()));
                r.push(k.bidang.clone().unwrap_or_default());
                // One indicator per line: an indicator may hold a semicolon.
                r.extend(k.level.iter().map(|l| l.indikator.join("\n")));
                r
            })
            .collect(),
    ));
    // Siblings come in tree order: their place is their count so far.
    let mut urut: HashMap<Option<UnitId>, u32> = HashMap::new();
    contoh.push((
        Lembar::Unit,
        units
            .iter()
            .map(|u| {
                let n = urut.entry(u.induk).or_insert(0);
                *n += 1;
                vec![
                    teks(&u.kode),
                    teks(&u.nama),
                    teks(u.jenis.code()),
                    u.induk
                        .and_then(|p| kode_unit.get(&p))
                        .map(|k| teks(k))
                        .unwrap_or_default(),
                    n.to_string(),
                ]
            })
            .collect(),
    ));
    contoh.push((
        Lembar::Jabatan,
        jabatan
            .iter()
            .map(|j| {
                let j = &j.jabatan;
                vec![
                    teks(&j.kode),
                    teks(&j.nama),
                    teks(j.tingkat.jenis().code()),
                    kode_unit.get(&j.unit).map(|k| teks(k)).unwrap_or_default(),
                    j.tingkat
                        .jenjang()
                        .map(|x| teks(x.code()))
                        .unwrap_or_default(),
                    j.kelas.map(|k| k.to_string()).unwrap_or_default(),
                ]
            })
            .collect(),
    ));
    let standar: HashMap<JabatanId, &[StandarItem]> = standar
        .iter()
        .map(|j| (j.id, j.standar.as_slice()))
        .collect();
    contoh.push((
        Lembar::Standar,
        jabatan
            .iter()
            .flat_map(|j| {
                let kode = j.jabatan.kode.as_str();
                let mut lines: Vec<&StandarItem> = standar
                    .get(&j.jabatan.id)
                    .copied()
                    .unwrap_or_default()
                    .iter()
                    .collect();
                lines.sort_by_key(|s| kode_kompetensi.get(&s.kompetensi).map(|k| k.0));
                lines
                    .into_iter()
                    .map(|s| {
                        vec![
                            teks(kode),
                            kode_kompetensi
                                .get(&s.kompetensi)
                                .map(|k| teks(k.1))
                                .unwrap_or_default(),
                            s.level.to_string(),
                            s.bobot.to_string(),
                        ]
                    })
                    .collect::<Vec<_>>()
            })
            .collect(),
    ));
    contoh.push((
        Lembar::Pegawai,
        pegawai
            .iter()
            .map(|p| {
                vec![
                    teks(p.nip.as_str()),
                    teks(&p.nama),
                    teks(p.golongan.code()),
                    kode_unit.get(&p.unit).map(|k| teks(k)).unwrap_or_default(),
                    teks(p.pendidikan.label()),
                    p.jabatan
                        .and_then(|j| kode_jabatan.get(&j))
                        .map(|k| teks(k))
                        .unwrap_or_default(),
                    teks(p.status.label()),
                    p.gelar_depan.clone().unwrap_or_default(),
                    p.gelar_belakang.clone().unwrap_or_default(),
                    teks(if p.aktif { "ya" } else { "tidak" }),
                ]
            })
            .collect(),
    ));
    Ok(templat(&contoh))
}

/// Why nothing was imported.
#[derive(Debug)]
pub enum IndukDitolak {
    /// The files could not be read as master data.
    Berkas(GalatBerkasInduk),
    /// Every refused cell, by sheet and row.
    Baris(Vec<GalatInduk>),
}

/// Reads, checks against what `i` has stored and saves master data, as the
/// web page and `kompeten import master` do: all of it, or nothing and why.
pub async fn impor(
    store: &dyn Store,
    i: InstansiId,
    actor: &Actor,
    berkas: &[(String, Vec<u8>)],
    maks_baris: usize,
) -> StoreResult<Result<HasilDataInduk, IndukDitolak>> {
    let tabel = match baca_berkas(berkas, maks_baris) {
        Ok(t) => t,
        Err(e) => return Ok(Err(IndukDitolak::Berkas(e))),
    };
    let r = rujukan(store, i).await?;
    match periksa(&tabel, &r) {
        Err(galat) => Ok(Err(IndukDitolak::Baris(galat))),
        Ok(data) => Ok(Ok(store.impor_data_induk(i, actor, &data).await?)),
    }
}

/// The workbook users fill in: one sheet per table, its headings, and
/// notes saying what goes in each column. `contoh` rows may show the
/// shape (e.g. the instansi's own data); they are imported like any row.
pub fn templat(contoh: &[(Lembar, Vec<Vec<String>>)]) -> Vec<Tabel> {
    Lembar::ALL
        .iter()
        .map(|&l| {
            let mut t = Tabel::new(
                l.nama(),
                l.kolom().iter().map(|k| Kolom::new(k.judul)).collect(),
            );
            t.catatan = l
                .kolom()
                .iter()
                .map(|k| {
                    format!(
                        "{}{}: {}",
                        k.judul,
                        if k.wajib { " (wajib)" } else { "" },
                        k.isi
                    )
                })
                .collect();
            if let Some((_, rows)) = contoh.iter().find(|(x, _)| *x == l) {
                t.baris = rows
                    .iter()
                    .map(|r| {
                        (0..t.kolom.len())
                            .map(|i| crate::tabel::Sel::teks(r.get(i).cloned().unwrap_or_default()))
                            .collect()
                    })
                    .collect();
            }
            t
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tabel::tulis_xlsx_buku;

    fn baris(sel: &[&str]) -> Vec<String> {
        sel.iter().map(|s| (*s).to_owned()).collect()
    }

    fn level_sel(kode: &str) -> Vec<String> {
        let mut r = baris(&[kode, "teknis", "SPBE dasar", "Definisi"]);
        r.extend((1..=5).map(|l| format!("Level {l}")));
        r.push("SPBE".into());
        r.push("Indikator satu; masih satu\r\n indikator dua\n".into());
        r
    }

    /// The workbook of a small instansi: a bidang listed before its OPD.
    fn contoh() -> Vec<(Lembar, Vec<Vec<String>>)> {
        vec![
            (Lembar::Kompetensi, vec![level_sel("T.SPBE.1")]),
            (
                Lembar::Unit,
                vec![
                    baris(&["KOMINFO-APTIKA", "Bidang Aptika", "bidang", "KOMINFO", ""]),
                    baris(&["KOMINFO", "Dinas Kominfo", "Dinas", "", "3"]),
                    baris(&["PKM-1", "Puskesmas Talawi", "puskesmas", "DKK", ""]),
                ],
            ),
            (
                Lembar::Jabatan,
                vec![
                    baris(&[
                        "J-PRAKOM",
                        "Pranata Komputer",
                        "fungsional",
                        "KOMINFO-APTIKA",
                        "Ahli Pertama",
                        "9",
                    ]),
                    baris(&[
                        "J-KABID",
                        "Kepala Bidang Aptika",
                        "Administrator",
                        "kominfo-aptika",
                        "",
                        "",
                    ]),
                ],
            ),
            (
                Lembar::Standar,
                vec![
                    baris(&["J-PRAKOM", "T.SPBE.1", "3", "2"]),
                    baris(&["J-PRAKOM", "M.1", "2", ""]),
                    baris(&["J-LAMA", "t.spbe.1", "4", ""]),
                ],
            ),
            (
                Lembar::Pegawai,
                vec![
                    baris(&[
                        "199004102015032001",
                        "Rina Yuliani",
                        "III/a",
                        "KOMINFO-APTIKA",
                        "S-1",
                        "J-PRAKOM",
                        "",
                        "",
                        "S.Kom.",
                        "",
                    ]),
                    baris(&[
                        "198811202023211005",
                        "Budi Santoso",
                        "IX",
                        "PKM-1",
                        "D3",
                        "",
                        "",
                        "",
                        "",
                        "tidak",
                    ]),
                ],
            ),
        ]
    }

    fn rujukan() -> RujukanInduk {
        RujukanInduk {
            unit: HashMap::from([("DKK".to_owned(), UnitId(7))]),
            jabatan: HashMap::from([("J-LAMA".to_owned(), JabatanId(11))]),
            kompetensi: HashMap::from([("M.1".to_owned(), KompetensiId(3))]),
            nip: HashSet::from(["196501011990031001".to_owned()]),
        }
    }

    fn buku(contoh: &[(Lembar, Vec<Vec<String>>)]) -> Vec<(Lembar, TabelMasuk)> {
        let bytes = tulis_xlsx_buku("Data Induk", &templat(contoh)).expect("xlsx");
        baca_berkas(&[("data-induk.xlsx".to_owned(), bytes)], 1000).expect("read")
    }

    #[test]
    fn a_workbook_becomes_one_import_with_the_tree_in_order() {
        let data = periksa(&buku(&contoh()), &rujukan()).expect("valid");
        assert_eq!(data.kompetensi.len(), 1);
        let k = &data.kompetensi[0];
        assert_eq!(
            (k.kode.as_str(), k.kelompok, k.bidang.as_deref()),
            ("T.SPBE.1", KelompokKompetensi::Teknis, Some("SPBE"))
        );
        assert_eq!(
            k.level[0].indikator,
            ["Indikator satu; masih satu", "indikator dua"]
        );
        assert!(k.level[1].indikator.is_empty());
        assert_eq!(k.level[4].deskripsi, "Level 5");

        // The OPD comes first although the file lists its bidang above it.
        let kode: Vec<&str> = data.unit.iter().map(|u| u.kode.as_str()).collect();
        assert_eq!(kode, ["KOMINFO", "PKM-1", "KOMINFO-APTIKA"]);
        assert_eq!(data.unit[0].induk, None);
        assert_eq!(data.unit[0].urut, Some(3));
        assert_eq!(data.unit[1].induk, Some(Acuan::Ada(UnitId(7))));
        assert_eq!(data.unit[2].induk, Some(Acuan::Baru(0)));
        assert_eq!(data.unit[2].jenis, JenisUnit::Bidang);

        assert_eq!(data.jabatan[0].unit, Acuan::Baru(2));
        assert_eq!(
            data.jabatan[0].tingkat.jenjang(),
            Some(JenjangFungsional::AhliPertama)
        );
        assert_eq!(data.jabatan[0].kelas, Some(9));
        assert_eq!(
            data.jabatan[1].unit,
            Acuan::Baru(2),
            "codes match whatever their case"
        );
        assert_eq!(data.jabatan[1].tingkat.jenis(), JenisJabatan::Administrator);

        assert_eq!(data.standar.len(), 2);
        assert_eq!(data.standar[0].jabatan, Acuan::Baru(0));
        let lines: Vec<(Acuan<KompetensiId>, u8, u32)> = data.standar[0]
            .baris
            .iter()
            .map(|b| (b.kompetensi, b.level.get(), b.bobot))
            .collect();
        assert_eq!(
            lines,
            [(Acuan::Baru(0), 3, 2), (Acuan::Ada(KompetensiId(3)), 2, 1)]
        );
        assert_eq!(data.standar[1].jabatan, Acuan::Ada(JabatanId(11)));

        let rina = &data.pegawai[0];
        assert_eq!(rina.nip.status(), StatusAsn::Pns);
        assert_eq!(
            (rina.unit, rina.jabatan),
            (Acuan::Baru(2), Some(Acuan::Baru(0)))
        );
        assert_eq!(rina.pendidikan, Pendidikan::S1);
        assert_eq!(rina.gelar_belakang.as_deref(), Some("S.Kom."));
        assert!(rina.aktif);
        let budi = &data.pegawai[1];
        assert_eq!(budi.nip.status(), StatusAsn::Pppk, "from golongan IX");
        assert_eq!(
            (budi.unit, budi.jabatan, budi.aktif),
            (Acuan::Baru(1), None, false)
        );
        assert_eq!(budi.pendidikan, Pendidikan::D3);
    }

    fn galat(
        contoh: Vec<(Lembar, Vec<Vec<String>>)>,
    ) -> Vec<(Lembar, usize, &'static str, String)> {
        periksa(&buku(&contoh), &rujukan())
            .expect_err("refused")
            .into_iter()
            .map(|g| (g.lembar, g.nomor, g.kolom, g.reason))
            .collect()
    }

    #[test]
    fn every_bad_cell_is_named_by_sheet_row_and_column() {
        let mut c = contoh();
        // Each sheet has its title, one note per column and a blank line
        // above the header: the unit sheet's header is row 8, its data from 9.
        c[1].1
            .push(baris(&["DKK", "Dinas Kesehatan", "dinas", "", ""]));
        c[1].1.push(baris(&["A", "A", "bidang", "B", ""]));
        c[1].1.push(baris(&["B", "B", "bidang", "A", ""]));
        c[1].1.push(baris(&["C", "C", "bidang", "X", ""]));
        c[1].1.push(baris(&["D", "D", "kantor", "Y", ""]));
        c[1].1
            .push(baris(&["E", "Dua\nbaris", "bidang", "DKK", ""]));
        c[2].1
            .push(baris(&["J-D", "Jabatan di D", "pelaksana", "D", "", ""]));
        c[2].1.push(baris(&[
            "J-F",
            "Fungsional tanpa jenjang",
            "fungsional",
            "KOMINFO",
            "",
            "20",
        ]));
        c[3].1.push(baris(&["J-PRAKOM", "t.spbe.1", "6", ""]));
        c[4].1.push(baris(&[
            "199004102015032001",
            "Rina lagi",
            "III/a",
            "KOMINFO",
            "S1",
            "",
            "",
            "",
            "",
            "",
        ]));
        c[4].1.push(baris(&[
            "196501011990031001",
            "Sudah ada",
            "IV/a",
            "KOMINFO",
            "S2",
            "",
            "",
            "",
            "",
            "",
        ]));
        c[4].1.push(baris(&[
            "19900410201503",
            "Pendek",
            "III/b",
            "KOMINFO",
            "S7",
            "J-X",
            "PNS",
            "",
            "",
            "mungkin",
        ]));
        c[4].1.push(baris(&[
            "199004102015032003",
            "Di jabatan yang ditolak",
            "III/a",
            "KOMINFO",
            "S1",
            "J-F",
            "",
            "",
            "",
            "",
        ]));
        c[4].1.push(baris(&[
            "199004102015032002",
            "Salah golongan",
            "IX",
            "KOMINFO",
            "S1",
            "",
            "PNS",
            "",
            "",
            "",
        ]));
        let g = galat(c);
        let ada = |lembar: Lembar, kolom: &str, kata: &str| {
            assert!(
                g.iter()
                    .any(|x| x.0 == lembar && x.2 == kolom && x.3.contains(kata)),
                "{lembar:?}/{kolom}/{kata} in {g:#?}"
            );
        };
        ada(Lembar::Unit, "kode", "DKK already exists");
        ada(Lembar::Unit, "kode_induk", "cycle");
        ada(Lembar::Unit, "jenis", "kantor");
        // The same row's missing parent is named in the same pass, and a
        // position in that unit is not refused for it.
        ada(Lembar::Unit, "kode_induk", "no unit with code Y");
        assert!(
            !g.iter()
                .any(|x| x.0 == Lembar::Jabatan && x.3.contains("code D")),
            "{g:#?}"
        );
        assert!(!g.iter().any(|x| x.3.contains("code J-F")), "{g:#?}");
        ada(Lembar::Unit, "nama", "line break");
        ada(
            Lembar::Jabatan,
            "jenjang",
            "functional position needs a jenjang",
        );
        ada(Lembar::Jabatan, "kelas", "from 1 to 17");
        ada(Lembar::Standar, "kode_kompetensi", "already on row 8");
        ada(Lembar::Pegawai, "nip", "is already on row");
        ada(Lembar::Pegawai, "nip", "already exists");
        ada(Lembar::Pegawai, "nip", "18 digits");
        ada(Lembar::Pegawai, "pendidikan", "S7");
        ada(Lembar::Pegawai, "kode_jabatan", "no jabatan with code J-X");
        ada(Lembar::Pegawai, "aktif", "mungkin");
        ada(Lembar::Pegawai, "golongan", "not a golongan for PNS");
        // The unit whose parent is missing (C under X) is named, and so is
        // the row that points at it: nothing is guessed.
        assert!(
            g.iter()
                .any(|x| x.0 == Lembar::Unit && x.3 == "no unit with code X"),
            "{g:#?}"
        );
        // Rows are numbered as the spreadsheet shows them.
        let dkk = g
            .iter()
            .find(|x| x.3.contains("DKK already exists"))
            .expect("dkk");
        assert_eq!(dkk.1, 12);
    }

    #[test]
    fn csv_files_are_named_after_their_table_and_columns_are_checked() {
        let unit = "kode;nama;jenis;kode_induk\nBAPPEDA;Bappeda;badan;\n";
        let jabatan = "kode,nama,jenis\nJ-1,Analis,pelaksana\n";
        let berkas = vec![
            ("unit-kerja.csv".to_owned(), unit.as_bytes().to_vec()),
            ("Jabatan.CSV".to_owned(), jabatan.as_bytes().to_vec()),
        ];
        let t = baca_berkas(&berkas, 100).expect("read");
        assert_eq!(
            t.iter().map(|x| x.0).collect::<Vec<_>>(),
            [Lembar::Unit, Lembar::Jabatan]
        );
        let g = periksa(&t, &RujukanInduk::default()).expect_err("kode_unit missing");
        assert_eq!(g.len(), 1);
        assert_eq!((g[0].lembar, g[0].kolom), (Lembar::Jabatan, "kode_unit"));
        assert!(g[0].pesan.contains("tidak ada"), "{}", g[0].pesan);

        let only_units = baca_berkas(&berkas[..1], 100).expect("read");
        let data = periksa(&only_units, &RujukanInduk::default()).expect("valid");
        assert_eq!((data.unit.len(), data.unit[0].jenis), (1, JenisUnit::Badan));

        assert_eq!(
            baca_berkas(&[("data.csv".to_owned(), unit.as_bytes().to_vec())], 100),
            Err(GalatBerkasInduk::NamaCsv("data.csv".to_owned()))
        );
        assert_eq!(
            baca_berkas(&[berkas[0].clone(), berkas[0].clone()], 100),
            Err(GalatBerkasInduk::Ganda(Lembar::Unit))
        );
        let kosong =
            tulis_xlsx_buku("x", &[Tabel::new("Petunjuk", vec![Kolom::new("a")])]).expect("xlsx");
        assert_eq!(
            baca_berkas(&[("x.xlsx".to_owned(), kosong)], 100),
            Err(GalatBerkasInduk::Kosong)
        );
    }

    #[test]
    fn the_template_reads_back_empty() {
        let t = buku(&[]);
        assert_eq!(t.iter().map(|x| x.0).collect::<Vec<_>>(), Lembar::ALL);
        let data = periksa(&t, &RujukanInduk::default()).expect("nothing to refuse");
        assert_eq!(data, DataIndukBaru::default());
    }
}
