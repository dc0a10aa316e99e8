//! Writes shared by the forms and the JSON API: who may write where, and the
//! checks that turn typed input into store records with errors per field.
//!
//! Input arrives as text (form fields, or API values turned into text) so a
//! form can show back exactly what was typed beside each error.

use crate::AppState;
use crate::auth::require_write;
use crate::error::AppError;
use crate::layanan::{PetaUnit, lingkup_mencakup, lingkup_mencakup_unit};
use crate::sesi::Sesi;
use kompeten_domain::nip::add_years;
use kompeten_domain::{
    Golongan, KelompokKompetensi, Level, MasaBerlaku, MetodePenilaian, Nip, Pendidikan, Role,
    StatusAsn,
};
use kompeten_store::{
    Actor, Jabatan, JabatanId, JabatanQuery, Kompetensi, KompetensiId, NewPegawai, NewPenilaian,
    Pegawai, PegawaiId, PerubahanPegawai, StandarItem, StoreError, Unit, UnitId,
};
use std::collections::{BTreeMap, HashSet};
use time::{Date, Month};

/// Messages per field name; empty when the input is valid.
pub(crate) type GalatIsian = BTreeMap<String, String>;

/// Longest free text accepted (assessor, evidence note).
const MAX_TEKS: usize = 2000;
/// Longest name or title accepted.
const MAX_NAMA: usize = 200;

/// Only admin and pimpinan write; everyone else gets 403.
pub(crate) fn wajib_penulis(sesi: &Sesi) -> Result<(), AppError> {
    require_write(sesi.role()).map_err(|_| AppError::Forbidden)
}

/// Only BKPSDM's administrators; everyone else gets 403.
pub(crate) fn wajib_admin(sesi: &Sesi) -> Result<(), AppError> {
    if sesi.role() == Role::AdminBkpsdm {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

pub(crate) fn pelaku(sesi: &Sesi) -> Actor {
    Actor::account(sesi.akun.id, &sesi.akun.username)
}

/// The units a writer may write in: all for admin, the led subtree for pimpinan.
pub(crate) fn unit_boleh(sesi: &Sesi, units: &PetaUnit) -> Vec<Unit> {
    let lingkup = sesi.lingkup();
    units
        .units
        .iter()
        .filter(|u| lingkup_mencakup_unit(lingkup, u))
        .cloned()
        .collect()
}

pub(crate) fn unit_dalam_lingkup(sesi: &Sesi, units: &PetaUnit, unit: UnitId) -> bool {
    units
        .get(unit)
        .is_some_and(|u| lingkup_mencakup_unit(sesi.lingkup(), u))
}

/// The employee when the writer may change them: 404 when unknown, 403 outside the scope.
pub(crate) async fn pegawai_untuk_ditulis(
    state: &AppState,
    sesi: &Sesi,
    id: PegawaiId,
) -> Result<(Pegawai, PetaUnit), AppError> {
    wajib_penulis(sesi)?;
    let store = state.store();
    let pegawai = store.pegawai(sesi.instansi_id(), id).await?;
    let units = PetaUnit::muat(store, sesi).await?;
    if !lingkup_mencakup(sesi.lingkup(), &pegawai, &units) {
        return Err(AppError::Forbidden);
    }
    Ok((pegawai, units))
}

/// The position when the writer may change its standard.
pub(crate) async fn jabatan_untuk_ditulis(
    state: &AppState,
    sesi: &Sesi,
    id: JabatanId,
) -> Result<(Jabatan, PetaUnit), AppError> {
    wajib_penulis(sesi)?;
    let store = state.store();
    let jabatan = store.jabatan(sesi.instansi_id(), id).await?;
    let units = PetaUnit::muat(store, sesi).await?;
    if !unit_dalam_lingkup(sesi, &units, jabatan.unit) {
        return Err(AppError::Forbidden);
    }
    Ok((jabatan, units))
}

/// Positions in units the writer may write in, in the store's order, plus
/// the one the employee already holds (a holder may sit in another unit).
pub(crate) async fn jabatan_boleh(
    state: &AppState,
    sesi: &Sesi,
    units: &PetaUnit,
    sekarang: Option<JabatanId>,
) -> Result<Vec<Jabatan>, AppError> {
    let rows = state
        .store()
        .list_jabatan(sesi.instansi_id(), &JabatanQuery::default())
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| r.jabatan)
        .filter(|j| Some(j.id) == sekarang || unit_dalam_lingkup(sesi, units, j.unit))
        .collect())
}

/// `YYYY-MM-DD` as an HTML date field sends it.
pub(crate) fn urai_tanggal(teks: &str) -> Option<Date> {
    let mut parts = teks.trim().splitn(3, '-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: u8 = parts.next()?.parse().ok()?;
    let d: u8 = parts.next()?.parse().ok()?;
    if !(1900..=9999).contains(&y) {
        return None;
    }
    Date::from_calendar_date(y, Month::try_from(m).ok()?, d).ok()
}

/// ISO 8601 calendar date, as date fields and the API write it.
pub(crate) fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

pub(crate) fn urai_level(teks: &str) -> Result<Level, String> {
    teks.trim()
        .parse::<i64>()
        .ok()
        .and_then(|n| Level::new(n).ok())
        .ok_or_else(|| "Level harus bilangan bulat 1 sampai 5.".to_owned())
}

fn teks_bebas(galat: &mut GalatIsian, field: &str, value: &str, wajib: bool, max: usize) -> String {
    let value = value.trim();
    if wajib && value.is_empty() {
        galat.insert(field.to_owned(), "Wajib diisi.".to_owned());
    } else if value.chars().count() > max {
        galat.insert(field.to_owned(), format!("Paling banyak {max} karakter."));
    } else if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        galat.insert(
            field.to_owned(),
            "Berisi karakter yang tidak diizinkan.".to_owned(),
        );
    }
    value.to_owned()
}

// ---------------------------------------------------------------- penilaian

/// What the assessment form sends.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub(crate) struct IsianPenilaian {
    #[serde(default)]
    pub kompetensi: String,
    #[serde(default)]
    pub level: String,
    #[serde(default)]
    pub metode: String,
    #[serde(default)]
    pub tanggal: String,
    #[serde(default)]
    pub asesor: String,
    #[serde(default)]
    pub catatan_bukti: String,
}

/// The parts an assessment round shares: method, date, assessor, note.
pub(crate) struct Putaran {
    pub metode: MetodePenilaian,
    pub tanggal: Date,
    pub asesor: String,
    pub catatan_bukti: String,
}

/// Checks method, date (not in the future), assessor and note.
pub(crate) fn periksa_putaran(
    metode: &str,
    tanggal: &str,
    asesor: &str,
    catatan: &str,
    hari_ini: Date,
    galat: &mut GalatIsian,
) -> Option<Putaran> {
    let metode = match MetodePenilaian::from_code(metode.trim()) {
        Ok(m) => Some(m),
        Err(_) => {
            galat.insert("metode".into(), "Pilih metode penilaian.".into());
            None
        }
    };
    let tanggal = match urai_tanggal(tanggal) {
        Some(t) if t > hari_ini => {
            galat.insert(
                "tanggal".into(),
                "Tanggal penilaian tidak boleh di masa depan.".into(),
            );
            None
        }
        Some(t) => Some(t),
        None => {
            galat.insert(
                "tanggal".into(),
                "Isi tanggal penilaian (TTTT-BB-HH).".into(),
            );
            None
        }
    };
    let asesor = teks_bebas(galat, "asesor", asesor, true, MAX_NAMA);
    let catatan_bukti = teks_bebas(galat, "catatan_bukti", catatan, false, MAX_TEKS);
    Some(Putaran {
        metode: metode?,
        tanggal: tanggal?,
        asesor,
        catatan_bukti,
    })
}

/// The date check that depends on the employee: not before they turned 18.
pub(crate) fn tanggal_sesuai_umur(tanggal_lahir: Date, tanggal: Date) -> Result<(), String> {
    let dewasa = add_years(tanggal_lahir, 18);
    if tanggal < dewasa {
        Err(format!(
            "Tanggal penilaian sebelum pegawai berusia 18 tahun ({}).",
            kompeten_domain::format::tanggal(dewasa)
        ))
    } else {
        Ok(())
    }
}

pub(crate) fn urai_kompetensi(
    teks: &str,
    kamus: &[Kompetensi],
    galat: &mut GalatIsian,
) -> Option<KompetensiId> {
    let id = teks.trim().parse::<i64>().ok().map(KompetensiId);
    match id.filter(|id| kamus.iter().any(|k| k.id == *id)) {
        Some(id) => Some(id),
        None => {
            galat.insert("kompetensi".into(), "Pilih kompetensi dari kamus.".into());
            None
        }
    }
}

/// One assessment of one employee, or the errors per field.
pub(crate) fn periksa_penilaian(
    isian: &IsianPenilaian,
    pegawai: &Pegawai,
    kamus: &[Kompetensi],
    state: &AppState,
    masa: MasaBerlaku,
) -> Result<NewPenilaian, GalatIsian> {
    let mut galat = GalatIsian::new();
    let kompetensi = urai_kompetensi(&isian.kompetensi, kamus, &mut galat);
    let level = urai_level(&isian.level)
        .map_err(|m| galat.insert("level".into(), m))
        .ok();
    let putaran = periksa_putaran(
        &isian.metode,
        &isian.tanggal,
        &isian.asesor,
        &isian.catatan_bukti,
        state.hari_ini(),
        &mut galat,
    );
    if let Some(p) = &putaran
        && let Err(m) = tanggal_sesuai_umur(pegawai.tanggal_lahir, p.tanggal)
    {
        galat.insert("tanggal".into(), m);
    }
    match (kompetensi, level, putaran) {
        (Some(kompetensi), Some(level), Some(p)) if galat.is_empty() => Ok(NewPenilaian {
            pegawai: pegawai.id,
            kompetensi,
            level,
            metode: p.metode,
            berlaku_sampai: masa.berlaku_sampai(p.tanggal),
            tanggal: p.tanggal,
            asesor: p.asesor,
            catatan_bukti: p.catatan_bukti,
        }),
        _ => Err(galat),
    }
}

// ---------------------------------------------------------------- standar

/// One line of a standard as typed.
#[derive(Debug, Clone, Default)]
pub(crate) struct BarisStandarIsian {
    pub kompetensi: String,
    pub level: String,
    pub bobot: String,
}

/// A standard's lines, each with its row number, or errors keyed `baris.<n>.<field>`.
pub(crate) fn periksa_standar(
    baris: &[(usize, BarisStandarIsian)],
    kamus: &[Kompetensi],
) -> Result<Vec<StandarItem>, GalatIsian> {
    let mut galat = GalatIsian::new();
    let mut out = Vec::new();
    let mut dipakai: HashSet<KompetensiId> = HashSet::new();
    for (n, b) in baris {
        let key = |f: &str| format!("baris.{n}.{f}");
        let id = b.kompetensi.trim().parse::<i64>().ok().map(KompetensiId);
        let Some(kompetensi) = id.filter(|id| kamus.iter().any(|k| k.id == *id)) else {
            galat.insert(key("kompetensi"), "Kompetensi tidak ada di kamus.".into());
            continue;
        };
        if !dipakai.insert(kompetensi) {
            galat.insert(
                key("kompetensi"),
                "Kompetensi ini sudah ada di baris lain.".into(),
            );
        }
        let level = urai_level(&b.level)
            .map_err(|m| galat.insert(key("level"), m))
            .ok();
        let bobot = match b.bobot.trim().parse::<u32>() {
            Ok(w) if (1..=100).contains(&w) => Some(w),
            _ => {
                galat.insert(
                    key("bobot"),
                    "Bobot harus bilangan bulat 1 sampai 100.".into(),
                );
                None
            }
        };
        if let (Some(level), Some(bobot)) = (level, bobot) {
            out.push(StandarItem {
                kompetensi,
                level,
                bobot,
            });
        }
    }
    if galat.is_empty() {
        Ok(out)
    } else {
        Err(galat)
    }
}

/// The dictionary ordered for a select: the given competencies first.
pub(crate) fn kamus_urut(kamus: &[Kompetensi], utama: &[KompetensiId]) -> Vec<(bool, Kompetensi)> {
    let mut out: Vec<(bool, Kompetensi)> = utama
        .iter()
        .filter_map(|id| kamus.iter().find(|k| k.id == *id))
        .map(|k| (true, k.clone()))
        .collect();
    out.extend(
        kamus
            .iter()
            .filter(|k| !utama.contains(&k.id))
            .map(|k| (false, k.clone())),
    );
    out
}

pub(crate) fn label_kompetensi(k: &Kompetensi) -> String {
    let kelompok = match k.kelompok {
        KelompokKompetensi::Manajerial => "Manajerial",
        KelompokKompetensi::SosialKultural => "Sosial kultural",
        KelompokKompetensi::Teknis => "Teknis",
    };
    format!("{} {} ({kelompok})", k.kode, k.nama)
}

// ---------------------------------------------------------------- pegawai

/// What the employee form sends.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub(crate) struct IsianPegawai {
    #[serde(default)]
    pub nip: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub nama: String,
    #[serde(default)]
    pub gelar_depan: String,
    #[serde(default)]
    pub gelar_belakang: String,
    #[serde(default)]
    pub golongan: String,
    #[serde(default)]
    pub jabatan: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub pendidikan: String,
    /// A checkbox: present means active.
    #[serde(default)]
    pub aktif: Option<String>,
}

/// The NIP as typed for the given status, with the reason in Indonesian.
pub(crate) fn periksa_nip(nip: &str, status: Option<StatusAsn>) -> Result<Nip, String> {
    let status = status.ok_or_else(|| "Pilih status PNS atau PPPK dahulu.".to_owned())?;
    if nip.trim().is_empty() {
        return Err("Wajib diisi.".to_owned());
    }
    Nip::parse(nip, status).map_err(|e| e.pesan())
}

pub(crate) fn urai_status(teks: &str) -> Option<StatusAsn> {
    StatusAsn::from_code(teks.trim()).ok()
}

fn opsional(teks: &str) -> Option<String> {
    Some(teks.trim().to_owned()).filter(|t| !t.is_empty())
}

/// The fields both adding and editing check; the status comes from the NIP
/// (edit) or the form (add).
fn periksa_isian_pegawai(
    isian: &IsianPegawai,
    status: Option<StatusAsn>,
    sesi: &Sesi,
    units: &PetaUnit,
    jabatan: &[Jabatan],
    galat: &mut GalatIsian,
) -> Option<PerubahanPegawai> {
    let nama = teks_bebas(galat, "nama", &isian.nama, true, MAX_NAMA);
    let gelar_depan = teks_bebas(galat, "gelar_depan", &isian.gelar_depan, false, 50);
    let gelar_belakang = teks_bebas(galat, "gelar_belakang", &isian.gelar_belakang, false, 50);
    let golongan = match status {
        Some(s) => match Golongan::parse(s, isian.golongan.trim()) {
            Ok(g) => Some(g),
            Err(_) => {
                galat.insert(
                    "golongan".into(),
                    format!("Pilih golongan untuk {}.", s.label()),
                );
                None
            }
        },
        None => None,
    };
    let unit = isian
        .unit
        .trim()
        .parse::<i64>()
        .ok()
        .map(UnitId)
        .filter(|u| unit_dalam_lingkup(sesi, units, *u));
    if unit.is_none() {
        galat.insert("unit".into(), "Pilih unit kerja dalam lingkup Anda.".into());
    }
    let jabatan_id = match opsional(&isian.jabatan) {
        None => Some(None),
        Some(t) => match t.parse::<i64>().ok().map(JabatanId) {
            Some(j) if jabatan.iter().any(|x| x.id == j) => Some(Some(j)),
            _ => {
                galat.insert("jabatan".into(), "Pilih jabatan dalam lingkup Anda.".into());
                None
            }
        },
    };
    let pendidikan = match Pendidikan::from_code(isian.pendidikan.trim()) {
        Ok(p) => Some(p),
        Err(_) => {
            galat.insert("pendidikan".into(), "Pilih pendidikan.".into());
            None
        }
    };
    Some(PerubahanPegawai {
        nama,
        gelar_depan: opsional(&gelar_depan),
        gelar_belakang: opsional(&gelar_belakang),
        golongan: golongan?,
        jabatan: jabatan_id?,
        unit: unit?,
        pendidikan: pendidikan?,
        aktif: isian.aktif.is_some(),
    })
}

/// A new employee, or the errors per field.
pub(crate) fn periksa_pegawai_baru(
    isian: &IsianPegawai,
    sesi: &Sesi,
    units: &PetaUnit,
    jabatan: &[Jabatan],
) -> Result<NewPegawai, GalatIsian> {
    let mut galat = GalatIsian::new();
    let status = urai_status(&isian.status);
    if status.is_none() {
        galat.insert("status".into(), "Pilih status PNS atau PPPK.".into());
    }
    let nip = match periksa_nip(&isian.nip, status) {
        Ok(n) => Some(n),
        Err(m) => {
            galat.insert("nip".into(), m);
            None
        }
    };
    let isi = periksa_isian_pegawai(isian, status, sesi, units, jabatan, &mut galat);
    match (nip, isi) {
        (Some(nip), Some(u)) if galat.is_empty() => Ok(NewPegawai {
            nip,
            nama: u.nama,
            gelar_depan: u.gelar_depan,
            gelar_belakang: u.gelar_belakang,
            golongan: u.golongan,
            jabatan: u.jabatan,
            unit: u.unit,
            pendidikan: u.pendidikan,
            aktif: true,
        }),
        _ => Err(galat),
    }
}

/// An edit of an existing employee (the NIP stays), or the errors per field.
pub(crate) fn periksa_perubahan(
    isian: &IsianPegawai,
    pegawai: &Pegawai,
    sesi: &Sesi,
    units: &PetaUnit,
    jabatan: &[Jabatan],
) -> Result<PerubahanPegawai, GalatIsian> {
    let mut galat = GalatIsian::new();
    let isi = periksa_isian_pegawai(
        isian,
        Some(pegawai.status),
        sesi,
        units,
        jabatan,
        &mut galat,
    );
    match isi {
        Some(u) if galat.is_empty() => Ok(u),
        _ => Err(galat),
    }
}

/// What a valid NIP implies, in Indonesian, for the live check beside the field.
pub(crate) fn rincian_nip(nip: &Nip) -> Vec<(&'static str, String)> {
    let mut out = vec![
        (
            "Tanggal lahir",
            kompeten_domain::format::tanggal(nip.tanggal_lahir()),
        ),
        ("Jenis kelamin", nip.jenis_kelamin().label().to_owned()),
    ];
    if let Some(tmt) = nip.tmt_cpns() {
        out.push(("TMT CPNS", crate::format::bulan_tahun(tmt)));
    }
    out
}

/// A store refusal of a record with a unique `kode` as a message on its
/// form (never a 500): a taken code beside the field, a broken data rule as
/// a general message (logged in English); anything else is an error.
pub(crate) fn galat_simpan_kode(
    e: StoreError,
    galat: &mut GalatIsian,
    kode_dipakai: &str,
) -> Result<Option<String>, AppError> {
    match e {
        StoreError::Conflict(_) => {
            galat.insert("kode".into(), kode_dipakai.to_owned());
            Ok(None)
        }
        StoreError::Invalid(m) => {
            tracing::warn!(error = %m, "write refused by the store");
            Ok(Some(
                "Data tidak dapat disimpan karena melanggar aturan data; periksa kembali isian."
                    .to_owned(),
            ))
        }
        other => Err(other.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn dates_are_iso_calendar_dates() {
        assert_eq!(urai_tanggal("2026-11-27"), Some(date!(2026 - 11 - 27)));
        assert_eq!(urai_tanggal(" 2024-02-29 "), Some(date!(2024 - 02 - 29)));
        assert_eq!(urai_tanggal("2025-02-29"), None);
        assert_eq!(urai_tanggal("27-11-2026"), None);
        assert_eq!(urai_tanggal(""), None);
        assert_eq!(iso(date!(2026 - 01 - 05)), "2026-01-05");
    }

    #[test]
    fn levels_are_one_to_five() {
        assert_eq!(urai_level("3").map(Level::get), Ok(3));
        assert!(urai_level("0").is_err());
        assert!(urai_level("6").is_err());
        assert!(urai_level("tiga").is_err());
    }

    #[test]
    fn nip_reasons_are_indonesian() {
        assert_eq!(
            periksa_nip("1234", Some(StatusAsn::Pns)),
            Err("NIP harus 18 digit, yang diisi 4 digit.".to_owned())
        );
        assert!(periksa_nip("199308122020122021", None).is_err());
        assert!(periksa_nip("199308122020122021", Some(StatusAsn::Pns)).is_ok());
    }
}
