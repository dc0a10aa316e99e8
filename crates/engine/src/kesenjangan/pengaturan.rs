//! Settings of the JPM computation, the exact JPM value and category scales.

use kompeten_domain::{JenisJabatan, JenjangFungsional, TingkatJabatan};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// How JPM is computed (regulations.md §2.3 and §2.5). Every choice the
/// regulations leave open is a field here; `Default` is the usual reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PengaturanJpm {
    /// Cap each achieved level at the required level before summing, so one
    /// strong competency cannot hide a weak one (default `true`). Without the
    /// cap JPM can exceed 100.
    pub batasi_level: bool,
    /// Weigh each competency by the `bobot` of the standard (default `true`);
    /// `false` weighs every competency 1.
    pub bobot_kompetensi: bool,
    /// Weights between the technical group and the managerial +
    /// socio-cultural group (default: none, one pool).
    pub bobot_kelompok: BobotKelompokJpm,
}

impl Default for PengaturanJpm {
    fn default() -> Self {
        PengaturanJpm {
            batasi_level: true,
            bobot_kompetensi: true,
            bobot_kelompok: BobotKelompokJpm::Tanpa,
        }
    }
}

/// Group weighting of JPM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "jenis", rename_all = "snake_case")]
pub enum BobotKelompokJpm {
    /// All competencies in one pool.
    Tanpa,
    /// The same group weights for every position.
    Tetap(BobotKelompok),
    /// The JFKK uji kompetensi table by jenjang (regulations.md §2.5): Ahli
    /// Pertama 60/40, Ahli Muda 50/50, Ahli Madya 40/60 (technical /
    /// managerial + socio-cultural). Other positions use one pool, since the
    /// table says nothing about them.
    Jfkk,
}

/// Weights of the technical group and of the managerial + socio-cultural
/// group, e.g. 60 and 40. At least one is positive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "BobotKelompokMentah")]
pub struct BobotKelompok {
    teknis: u16,
    manajerial_sosial_kultural: u16,
}

#[derive(Deserialize)]
struct BobotKelompokMentah {
    teknis: u16,
    manajerial_sosial_kultural: u16,
}

impl TryFrom<BobotKelompokMentah> for BobotKelompok {
    type Error = BobotKelompokNol;
    fn try_from(m: BobotKelompokMentah) -> Result<Self, Self::Error> {
        BobotKelompok::new(m.teknis, m.manajerial_sosial_kultural)
    }
}

/// Both group weights are zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("at least one group weight must be positive")]
pub struct BobotKelompokNol;

impl BobotKelompok {
    pub fn new(teknis: u16, manajerial_sosial_kultural: u16) -> Result<Self, BobotKelompokNol> {
        if teknis == 0 && manajerial_sosial_kultural == 0 {
            Err(BobotKelompokNol)
        } else {
            Ok(BobotKelompok {
                teknis,
                manajerial_sosial_kultural,
            })
        }
    }

    pub fn teknis(self) -> u16 {
        self.teknis
    }

    pub fn manajerial_sosial_kultural(self) -> u16 {
        self.manajerial_sosial_kultural
    }

    /// The JFKK weights for a position, if the table covers it.
    pub fn jfkk(tingkat: TingkatJabatan) -> Option<Self> {
        let (t, m) = match (tingkat.jenis(), tingkat.jenjang()) {
            (JenisJabatan::Fungsional, Some(JenjangFungsional::AhliPertama)) => (60, 40),
            (JenisJabatan::Fungsional, Some(JenjangFungsional::AhliMuda)) => (50, 50),
            (JenisJabatan::Fungsional, Some(JenjangFungsional::AhliMadya)) => (40, 60),
            _ => return None,
        };
        Some(BobotKelompok {
            teknis: t,
            manajerial_sosial_kultural: m,
        })
    }
}

impl PengaturanJpm {
    /// The group weights that apply to a position of this tingkat, if any.
    pub fn bobot_kelompok_untuk(&self, tingkat: Option<TingkatJabatan>) -> Option<BobotKelompok> {
        match self.bobot_kelompok {
            BobotKelompokJpm::Tanpa => None,
            BobotKelompokJpm::Tetap(b) => Some(b),
            BobotKelompokJpm::Jfkk => tingkat.and_then(BobotKelompok::jfkk),
        }
    }
}

/// A JPM value as an exact fraction of percent: `100 × pembilang / penyebut`.
///
/// Kept exact so that categories are decided without rounding (exactly 90.00
/// is Optimal) and orderings are reproducible; convert with [`Jpm::persen`]
/// or [`Jpm::basis_poin`] only for display or comparison with other engines.
/// Both parts stay below 2^63 by the limits of [`super::MAKS_BOBOT`] and
/// [`super::MAKS_ITEM_STANDAR`], so cross-multiplication in u128 is exact.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Jpm {
    pembilang: u64,
    penyebut: u64,
}

impl Jpm {
    /// `None` when `penyebut` is zero.
    pub fn new(pembilang: u64, penyebut: u64) -> Option<Self> {
        (penyebut > 0).then_some(Jpm {
            pembilang,
            penyebut,
        })
    }

    pub fn pembilang(self) -> u64 {
        self.pembilang
    }

    pub fn penyebut(self) -> u64 {
        self.penyebut
    }

    /// Percent as f64: `(100 × pembilang) as f64 / penyebut as f64`, one
    /// rounding of the exact value for every pembilang below 2^53 / 100.
    pub fn persen(self) -> f64 {
        (u128::from(self.pembilang) * 100) as f64 / self.penyebut as f64
    }

    /// Hundredths of a percent (9000 = 90.00 %), rounded half up exactly.
    pub fn basis_poin(self) -> u32 {
        let n = u128::from(self.pembilang) * 20_000 + u128::from(self.penyebut);
        let v = n / (2 * u128::from(self.penyebut));
        u32::try_from(v).unwrap_or(u32::MAX)
    }

    /// Whether JPM ≥ `bp` hundredths of a percent, exactly.
    pub fn paling_sedikit_bp(self, bp: u32) -> bool {
        u128::from(self.pembilang) * 10_000 >= u128::from(bp) * u128::from(self.penyebut)
    }
}

impl PartialEq for Jpm {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Jpm {}

impl PartialOrd for Jpm {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// By value: 1/2 equals 2/4.
impl Ord for Jpm {
    fn cmp(&self, other: &Self) -> Ordering {
        let a = u128::from(self.pembilang) * u128::from(other.penyebut);
        let b = u128::from(other.pembilang) * u128::from(self.penyebut);
        a.cmp(&b)
    }
}

/// One band of a category scale: JPM at or above `batas_bawah_bp` (hundredths
/// of a percent) and below the band above it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pita {
    pub batas_bawah_bp: u32,
    pub label: String,
}

/// A category scale: bands from the best down; the last band starts at 0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "SkalaMentah")]
pub struct SkalaKategori {
    nama: String,
    pita: Vec<Pita>,
}

#[derive(Deserialize)]
struct SkalaMentah {
    nama: String,
    pita: Vec<Pita>,
}

impl TryFrom<SkalaMentah> for SkalaKategori {
    type Error = SkalaTidakValid;
    fn try_from(m: SkalaMentah) -> Result<Self, Self::Error> {
        SkalaKategori::new(m.nama, m.pita)
    }
}

/// Why a scale cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SkalaTidakValid {
    #[error("a scale needs at least one band")]
    Kosong,
    #[error("band lower bounds must strictly decrease from the first band")]
    TidakMenurun,
    #[error("the last band must start at 0")]
    TidakMulaiNol,
    #[error("a scale has at most 255 bands")]
    TerlaluBanyak,
}

impl SkalaKategori {
    pub fn new(nama: impl Into<String>, pita: Vec<Pita>) -> Result<Self, SkalaTidakValid> {
        if pita.is_empty() {
            return Err(SkalaTidakValid::Kosong);
        }
        if pita.len() > 255 {
            return Err(SkalaTidakValid::TerlaluBanyak);
        }
        if pita
            .windows(2)
            .any(|w| w[0].batas_bawah_bp <= w[1].batas_bawah_bp)
        {
            return Err(SkalaTidakValid::TidakMenurun);
        }
        if pita.last().is_some_and(|p| p.batas_bawah_bp != 0) {
            return Err(SkalaTidakValid::TidakMulaiNol);
        }
        Ok(SkalaKategori {
            nama: nama.into(),
            pita,
        })
    }

    fn bawaan(nama: &str, pita: [(u32, &str); 3]) -> Self {
        SkalaKategori {
            nama: nama.to_owned(),
            pita: pita
                .into_iter()
                .map(|(b, l)| Pita {
                    batas_bawah_bp: b,
                    label: l.to_owned(),
                })
                .collect(),
        }
    }

    /// Mapping (pemetaan; Peraturan BRIN 3/2023 Pasal 33): Optimal ≥ 90,
    /// Cukup Optimal 78 to < 90, Kurang Optimal < 78.
    pub fn pemetaan() -> Self {
        Self::bawaan(
            "Pemetaan",
            [
                (9000, "Optimal"),
                (7800, "Cukup Optimal"),
                (0, "Kurang Optimal"),
            ],
        )
    }

    /// Selection (seleksi, uji kompetensi): Memenuhi Syarat ≥ 80, Masih
    /// Memenuhi Syarat 68 to < 80, Kurang Memenuhi Syarat < 68.
    pub fn seleksi() -> Self {
        Self::bawaan(
            "Seleksi",
            [
                (8000, "Memenuhi Syarat"),
                (6800, "Masih Memenuhi Syarat"),
                (0, "Kurang Memenuhi Syarat"),
            ],
        )
    }

    pub fn nama(&self) -> &str {
        &self.nama
    }

    /// The bands, best first.
    pub fn pita(&self) -> &[Pita] {
        &self.pita
    }

    /// The index of the band a JPM falls in (0 is the best band).
    pub fn kategori(&self, jpm: Jpm) -> u8 {
        let i = self
            .pita
            .iter()
            .position(|p| jpm.paling_sedikit_bp(p.batas_bawah_bp))
            .unwrap_or(self.pita.len() - 1);
        u8::try_from(i).unwrap_or(u8::MAX)
    }

    /// The label of band `indeks`, or "" when out of range.
    pub fn label(&self, indeks: u8) -> &str {
        self.pita
            .get(usize::from(indeks))
            .map(|p| p.label.as_str())
            .unwrap_or("")
    }
}
