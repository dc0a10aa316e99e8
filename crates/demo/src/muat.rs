//! Writing a data set into a store.

use crate::{Dataset, JumlahDemo};
use kompeten_domain::{Level, Role};
use kompeten_store::{
    AccountId, Actor, InstansiId, JabatanId, KerjaSama, KompetensiId, KompetensiProgram,
    KontakMitra, LevelKompetensi, MitraId, NewAccount, NewInstansi, NewJabatan, NewKompetensi,
    NewMitra, NewPegawai, NewPenilaian, NewProgram, NewUnit, PegawaiId, ProgramId, Skp,
    StandarItem, Store, StoreError, UnitId,
};

/// Why the demo could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// The data set references records it does not contain.
    #[error("the demo data set is inconsistent: {0}")]
    Invalid(String),
    /// The store refused a write; `Conflict` when the demo instansi exists.
    #[error("cannot load the demo: {0}")]
    Store(#[from] StoreError),
}

/// A demo sign-in as the CLI prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoAccount {
    pub username: String,
    pub password: String,
    pub role: Role,
    /// What the account is for, one line in Indonesian.
    pub keterangan: String,
}

/// What [`load`] created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoSummary {
    pub instansi: InstansiId,
    pub accounts: Vec<DemoAccount>,
    pub jumlah: JumlahDemo,
}

/// Loads a data set as a new instansi.
///
/// Nothing is written when the data set is inconsistent or when an instansi
/// with the demo's code exists already (`StoreError::Conflict`), so loading
/// twice leaves the first load intact. Employees, assessments and SKP ratings
/// are written as one batch each, so each batch is all-or-nothing; the store
/// has no transaction across calls, so a database failure half-way leaves a
/// partial instansi behind, which a second run then reports as a conflict.
pub async fn load(
    store: &dyn Store,
    dataset: &Dataset,
    hash_password: &(dyn Fn(&str) -> String + Send + Sync),
) -> Result<DemoSummary, DemoError> {
    dataset.periksa()?;
    let kode = &dataset.instansi.kode;
    if store.instansi_by_kode(kode).await?.is_some() {
        return Err(StoreError::Conflict(format!("instansi {kode}")).into());
    }
    // Hash before writing anything: hashing is the slow part and cannot fail.
    let hashes: Vec<String> = dataset
        .akun
        .iter()
        .map(|a| hash_password(&a.password))
        .collect();

    let actor = Actor::system("demo");
    let new = NewInstansi {
        kode: kode.clone(),
        nama: dataset.instansi.nama.clone(),
    };
    let instansi = store.create_instansi(&actor, &new).await?;

    let mut unit_id: Vec<UnitId> = Vec::with_capacity(dataset.unit.len());
    // The data set lists units in the SOTK's order; each keeps its place.
    let mut anak: std::collections::HashMap<Option<usize>, u32> = std::collections::HashMap::new();
    for u in &dataset.unit {
        let induk = u.induk.and_then(|i| unit_id.get(i).copied());
        let urut = anak.entry(u.induk).or_insert(0);
        let new = NewUnit {
            induk,
            kode: u.kode.clone(),
            nama: u.nama.clone(),
            jenis: u.jenis,
            urut: Some(*urut),
        };
        *urut += 1;
        unit_id.push(store.add_unit(instansi, &actor, &new).await?);
    }
    let unit = |i: usize| unit_id.get(i).copied().ok_or_else(|| hilang("unit"));

    let mut kompetensi_id: Vec<KompetensiId> = Vec::with_capacity(dataset.kompetensi.len());
    for e in &dataset.kompetensi {
        let new = NewKompetensi {
            kode: e.kode.to_owned(),
            kelompok: e.kelompok,
            bidang: e.bidang.map(str::to_owned),
            nama: e.nama.to_owned(),
            definisi: e.definisi.to_owned(),
            level: e
                .level
                .iter()
                .zip(Level::ALL)
                .map(|(d, level)| LevelKompetensi {
                    level,
                    deskripsi: d.deskripsi.to_owned(),
                    indikator: d.indikator.iter().map(|s| (*s).to_owned()).collect(),
                })
                .collect(),
        };
        kompetensi_id.push(store.add_kompetensi(instansi, &actor, &new).await?);
    }

    let mut jabatan_id: Vec<JabatanId> = Vec::with_capacity(dataset.jabatan.len());
    for j in &dataset.jabatan {
        let new = NewJabatan {
            kode: j.kode.clone(),
            nama: j.nama.clone(),
            tingkat: j.tingkat,
            unit: unit(j.unit)?,
            kelas: j.kelas,
        };
        let id = store.add_jabatan(instansi, &actor, &new).await?;
        let items = j
            .standar
            .iter()
            .map(|s| {
                let kompetensi = kompetensi_id
                    .get(s.kompetensi)
                    .copied()
                    .ok_or_else(|| hilang("kompetensi"))?;
                Ok(StandarItem {
                    kompetensi,
                    level: s.level,
                    bobot: s.bobot,
                })
            })
            .collect::<Result<Vec<_>, DemoError>>()?;
        store.set_standar(instansi, &actor, id, &items).await?;
        jabatan_id.push(id);
    }

    let pegawai_baru = dataset
        .pegawai
        .iter()
        .map(|p| {
            Ok(NewPegawai {
                nip: p.nip.clone(),
                nama: p.nama.clone(),
                gelar_depan: p.gelar_depan.clone(),
                gelar_belakang: p.gelar_belakang.clone(),
                golongan: p.golongan,
                jabatan: p
                    .jabatan
                    .map(|j| jabatan_id.get(j).copied().ok_or_else(|| hilang("jabatan")))
                    .transpose()?,
                unit: unit(p.unit)?,
                pendidikan: p.pendidikan,
                aktif: p.aktif,
            })
        })
        .collect::<Result<Vec<_>, DemoError>>()?;
    let pegawai_id: Vec<PegawaiId> = store.add_pegawai(instansi, &actor, &pegawai_baru).await?;
    let pegawai = |i: usize| pegawai_id.get(i).copied().ok_or_else(|| hilang("pegawai"));

    let penilaian = dataset
        .penilaian
        .iter()
        .map(|n| {
            Ok(NewPenilaian {
                pegawai: pegawai(n.pegawai)?,
                kompetensi: kompetensi_id
                    .get(n.kompetensi)
                    .copied()
                    .ok_or_else(|| hilang("kompetensi"))?,
                level: n.level,
                metode: n.metode,
                tanggal: n.tanggal,
                berlaku_sampai: n.berlaku_sampai,
                asesor: n.asesor.clone(),
                catatan_bukti: n.catatan_bukti.clone(),
            })
        })
        .collect::<Result<Vec<_>, DemoError>>()?;
    store.record_penilaian(instansi, &actor, &penilaian).await?;

    let skp = dataset
        .skp
        .iter()
        .map(|s| {
            Ok(Skp {
                pegawai: pegawai(s.pegawai)?,
                tahun: s.tahun,
                predikat: s.predikat,
            })
        })
        .collect::<Result<Vec<_>, DemoError>>()?;
    store.record_skp(instansi, &actor, &skp).await?;

    let mut mitra_id: Vec<MitraId> = Vec::with_capacity(dataset.mitra.len());
    for m in &dataset.mitra {
        let new = NewMitra {
            kode: m.kode.clone(),
            nama: m.nama.clone(),
            jenis: m.jenis,
            alamat: m.alamat.clone(),
            kota: Some(m.kota.clone()),
            website: m.website.clone(),
            kontak: m
                .kontak
                .iter()
                .map(|k| KontakMitra {
                    nama: k.nama.clone(),
                    jabatan: Some(k.jabatan.clone()),
                    email: Some(k.email.clone()),
                    telepon: Some(k.telepon.clone()),
                })
                .collect(),
            kerja_sama: m
                .kerja_sama
                .iter()
                .map(|k| KerjaSama {
                    jenis: k.jenis,
                    nomor: k.nomor.clone(),
                    ruang_lingkup: k.ruang_lingkup.clone(),
                    tanggal_mulai: k.tanggal_mulai,
                    tanggal_berakhir: k.tanggal_berakhir,
                })
                .collect(),
        };
        mitra_id.push(store.add_mitra(instansi, &actor, &new).await?);
    }
    let mut program_id: Vec<ProgramId> = Vec::with_capacity(dataset.program.len());
    for p in &dataset.program {
        let new = NewProgram {
            kode: p.kode.clone(),
            judul: p.judul.clone(),
            penyelenggara: p
                .penyelenggara
                .map(|m| mitra_id.get(m).copied().ok_or_else(|| hilang("mitra")))
                .transpose()?,
            bentuk: p.bentuk,
            jp: p.jp,
            biaya_per_peserta: p.biaya_per_peserta,
            biaya_per_angkatan: p.biaya_per_angkatan,
            ukuran_angkatan: p.ukuran_angkatan,
            maks_angkatan: p.maks_angkatan,
            moda: p.moda,
            kompetensi: p
                .kompetensi
                .iter()
                .map(|(k, naik)| {
                    Ok(KompetensiProgram {
                        kompetensi: kompetensi_id
                            .get(*k)
                            .copied()
                            .ok_or_else(|| hilang("kompetensi"))?,
                        naik_level: *naik,
                    })
                })
                .collect::<Result<Vec<_>, DemoError>>()?,
            terbuka_untuk_semua: p.terbuka_untuk_semua,
            jenis_jabatan: p.jenis_jabatan.clone(),
            unit: p.unit.iter().map(|u| unit(*u)).collect::<Result<_, _>>()?,
            jadwal: p.jadwal,
            aktif: p.aktif,
        };
        program_id.push(store.add_program(instansi, &actor, &new).await?);
    }

    let mut accounts = Vec::with_capacity(dataset.akun.len());
    let mut akun_id: Vec<AccountId> = Vec::with_capacity(dataset.akun.len());
    for (a, hash) in dataset.akun.iter().zip(hashes) {
        let new = NewAccount {
            username: a.username.clone(),
            nama_tampilan: a.nama_tampilan.clone(),
            password_hash: hash,
            role: a.role,
            unit: a.unit.map(unit).transpose()?,
            pegawai: a.pegawai.map(pegawai).transpose()?,
            mitra: a
                .mitra
                .map(|m| mitra_id.get(m).copied().ok_or_else(|| hilang("mitra")))
                .transpose()?,
            wajib_ganti_sandi: false,
        };
        akun_id.push(store.create_account(instansi, &actor, &new).await?);
        accounts.push(DemoAccount {
            username: a.username.clone(),
            password: a.password.clone(),
            role: a.role,
            keterangan: a.keterangan.clone(),
        });
    }

    let id = crate::usulan::Id {
        pegawai: &pegawai_id,
        kompetensi: &kompetensi_id,
        program: &program_id,
        akun: &akun_id,
    };
    crate::usulan::muat(store, instansi, dataset, &id).await?;

    Ok(DemoSummary {
        instansi,
        accounts,
        jumlah: dataset.jumlah(),
    })
}

fn hilang(apa: &str) -> DemoError {
    DemoError::Invalid(format!("a record points at a missing {apa}"))
}
