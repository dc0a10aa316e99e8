//! Synthetic personal names for Sawahlunto (sawahlunto.md §7).
//!
//! Mostly Minangkabau: no family name, Islamic or Western-styled given names,
//! coined names built from typical prefixes and suffixes, sometimes a suku
//! name. About one in eight names is Javanese (the mining-era migrants) and a
//! few carry a Batak (mostly Mandailing) marga. Older employees tend to have
//! one-word names, younger ones two words.

use crate::acak::Acak;
use kompeten_domain::JenisKelamin;

const LAKI_LAMA: &[&str] = &[
    "Rahmat",
    "Hendra",
    "Syafrizal",
    "Afrizal",
    "Efrizal",
    "Novrizal",
    "Yusrizal",
    "Zulkifli",
    "Zulhendri",
    "Zulfikar",
    "Defri",
    "Desri",
    "Erwin",
    "Irwan",
    "Yulianto",
    "Andri",
    "Fajri",
    "Ilham",
    "Arifin",
    "Amir",
    "Ismail",
    "Idris",
    "Ibrahim",
    "Dahlan",
    "Sofyan",
    "Mochtar",
    "Rasyid",
    "Hamid",
    "Aziz",
    "Taufik",
    "Doni",
    "Fredi",
    "Jefri",
    "Gusrizal",
    "Gusnadi",
    "Gusrial",
    "Syahrul",
    "Nofriadi",
    "Elfi",
    "Masrul",
    "Yondri",
    "Zulhamdi",
    "Yuhendri",
    "Deswandi",
    "Afdal",
    "Anasrul",
    "Nasrul",
    "Syafruddin",
    "Jasman",
    "Syamsul",
    "Yusman",
    "Hendri",
    "Rudi",
    "Roni",
    "Edwar",
    "Willy",
    "Sandhy",
    "Bastian",
    "Yunaldi",
    "Erizal",
    "Marliswar",
    "Yeldimir",
    "Rambun",
    "Zulharman",
    "Desrizal",
    "Afriadi",
    "Efendi",
    "Gusman",
    "Syafril",
    "Hendrizal",
    "Mardianto",
    "Jonedi",
    "Armen",
    "Darmansyah",
    "Fernando",
    "Daniel",
];

const LAKI_BARU: &[&str] = &[
    "Rizki",
    "Fauzan",
    "Arif",
    "Riko",
    "Fadli",
    "Fadhil",
    "Dimas",
    "Reza",
    "Rian",
    "Randi",
    "Yoga",
    "Aldi",
    "Fikri",
    "Hafiz",
    "Rafi",
    "Iqbal",
    "Habib",
    "Farhan",
    "Ridho",
    "Ikhsan",
    "Arya",
    "Bayu",
    "Ilham",
    "Fajar",
    "Alfin",
    "Rahmat",
    "Aditya",
    "Febrian",
    "Ferdian",
    "Hidayatul",
    "Muhammad",
    "Ahmad",
    "Yudha",
    "Zikri",
    "Raihan",
    "Afif",
    "Irfan",
    "Hanif",
];

const LAKI_KEDUA: &[&str] = &[
    "Putra",
    "Saputra",
    "Syahputra",
    "Hidayat",
    "Efendi",
    "Gunawan",
    "Kurniawan",
    "Pratama",
    "Rahman",
    "Firdaus",
    "Akbar",
    "Fauzi",
    "Hakim",
    "Hamdani",
    "Ramadhan",
    "Maulana",
    "Syahrial",
    "Alfajri",
    "Ilahi",
    "Fikri",
    "Hafizh",
    "Darmawan",
    "Rizaldi",
    "Wahyudi",
    "Fernandes",
    "Anugrah",
    "Yunanda",
    "Zulfahmi",
    "Nugraha",
    "Amri",
];

const PEREMPUAN_LAMA: &[&str] = &[
    "Fitri",
    "Yuliani",
    "Yulianti",
    "Yulnita",
    "Dewi",
    "Desmawati",
    "Novita",
    "Nofrianti",
    "Afriyanti",
    "Elvira",
    "Elmi",
    "Rahmi",
    "Rina",
    "Sri Wahyuni",
    "Nurhasanah",
    "Nuraini",
    "Hayati",
    "Fatimah",
    "Aminah",
    "Maimunah",
    "Zakiah",
    "Saidah",
    "Mardiana",
    "Lusiana",
    "Yessi",
    "Vivi",
    "Winda",
    "Silvia",
    "Reni",
    "Hanifah",
    "Yulneli",
    "Desnelita",
    "Erniwati",
    "Ermawati",
    "Zurniati",
    "Syafrida",
    "Nurleli",
    "Asmawati",
    "Elfina",
    "Yusnimar",
    "Mineli",
    "Enwilismirni",
    "Lenggogeni",
    "Roslaini",
    "Netti",
    "Yenni",
    "Yusnita",
    "Mardeni",
    "Gusmawati",
    "Donna",
    "Desi",
    "Yusmaneli",
    "Nofiarti",
    "Efriyeni",
    "Afnelly",
    "Zulmi",
    "Rosmaini",
    "Syofiarni",
    "Elvi",
    "Yulidar",
];

const PEREMPUAN_BARU: &[&str] = &[
    "Annisa",
    "Nadia",
    "Aulia",
    "Dinda",
    "Febri",
    "Fadhila",
    "Indah",
    "Mega",
    "Rani",
    "Sintia",
    "Tiara",
    "Vira",
    "Wulan",
    "Yolanda",
    "Zahra",
    "Kurnia",
    "Citra",
    "Dian",
    "Anisa",
    "Salsabila",
    "Mutia",
    "Intan",
    "Suci",
    "Putri",
    "Rahmi",
    "Fitri",
    "Nurul",
    "Ayu",
    "Rizka",
    "Ratih",
    "Widya",
    "Melati",
    "Elsa",
    "Yuni",
    "Lisa",
    "Hafizah",
];

const PEREMPUAN_KEDUA: &[&str] = &[
    "Yanti",
    "Sari",
    "Oktavia",
    "Novita",
    "Wulandari",
    "Rahmadani",
    "Putri",
    "Utami",
    "Safitri",
    "Handayani",
    "Susanti",
    "Rahmawati",
    "Lestari",
    "Fitriani",
    "Yulia",
    "Anggraini",
    "Permata Sari",
    "Maharani",
    "Ramadhani",
    "Amelia",
    "Syafitri",
    "Hasanah",
    "Yulianti",
    "Marlina",
    "Febriani",
    "Agustina",
    "Delvia",
    "Zulfa",
    "Mardhatillah",
    "Afrilia",
];

const SUKU: &[&str] = &[
    "Chaniago",
    "Piliang",
    "Koto",
    "Jambak",
    "Sikumbang",
    "Tanjung",
    "Caniago",
    "Melayu",
    "Guci",
    "Simabua",
];

const JAWA_LAKI_DEPAN: &[&str] = &[
    "Agus", "Budi", "Sugeng", "Joko", "Bambang", "Slamet", "Teguh", "Heru", "Eko", "Dwi", "Tri",
    "Wahyu", "Ari", "Yudi", "Hadi", "Didik", "Bagus", "Anto",
];
const JAWA_LAKI_BELAKANG: &[&str] = &[
    "Santoso",
    "Prasetyo",
    "Riyadi",
    "Susilo",
    "Sutrisno",
    "Riyanto",
    "Wibowo",
    "Purnomo",
    "Cahyono",
    "Handoko",
    "Nugroho",
    "Hartono",
    "Susanto",
    "Setiawan",
    "Saputro",
    "Utomo",
    "Kuncoro",
    "Wicaksono",
];
const JAWA_LAKI_TUNGGAL: &[&str] = &["Supriyadi", "Sutrisno", "Suparman", "Sumarno", "Suwarno"];
const JAWA_PEREMPUAN_DEPAN: &[&str] = &[
    "Sri", "Puji", "Endang", "Siti", "Tri", "Dwi", "Ning", "Rini", "Tutik", "Yuni", "Eni", "Nur",
];
const JAWA_PEREMPUAN_BELAKANG: &[&str] = &[
    "Wahyuni",
    "Lestari",
    "Susilowati",
    "Rahayu",
    "Wulandari",
    "Handayani",
    "Astuti",
    "Purwanti",
    "Suryani",
    "Utami",
    "Ningsih",
    "Setyowati",
    "Kusumawati",
    "Mulyani",
];
const JAWA_PEREMPUAN_TUNGGAL: &[&str] = &["Sulastri", "Suharti", "Sumiati", "Suprapti", "Sukarni"];

const BATAK_MARGA: &[&str] = &[
    "Siregar",
    "Nasution",
    "Simanjuntak",
    "Harahap",
    "Lubis",
    "Hasibuan",
    "Pohan",
    "Rangkuti",
];
const BATAK_LAKI: &[&str] = &[
    "Ahmad",
    "Muhammad",
    "Irfan",
    "Syahril",
    "Rizal",
    "Parlindungan",
];
const BATAK_PEREMPUAN: &[&str] = &["Nurhayati", "Rosmawati", "Dewi", "Fitri", "Rahmadani"];

/// Full names of real officials named in the shared documents; a generated
/// name must never equal one of them.
pub const NAMA_PEJABAT_NYATA: &[&str] = &[
    "Riyanda Putra",
    "Deri Asta",
    "Zefnihan",
    "Ambun Kadri",
    "Guspriadi",
    "Asril",
    "Asrul",
    "Ali Yusuf",
    "Tafdil Husni",
    "Abdullah Azwar Anas",
    "Arfizon",
    "Eka Wahyu",
    "Zainal Arifin",
    "Mistono",
    "Sevly Eka Putri",
    "Edi Sugianto",
    "Dadi Sastrawan",
];

fn satu(acak: &mut Acak, pool: &[&'static str]) -> &'static str {
    acak.pilih(pool).copied().unwrap_or("Rahmat")
}

/// A synthetic name for a person of this gender born in `tahun_lahir`.
pub(crate) fn buat(acak: &mut Acak, jk: JenisKelamin, tahun_lahir: i32) -> String {
    loop {
        let nama = coba(acak, jk, tahun_lahir);
        if !NAMA_PEJABAT_NYATA
            .iter()
            .any(|n| n.eq_ignore_ascii_case(&nama))
        {
            return nama;
        }
    }
}

fn coba(acak: &mut Acak, jk: JenisKelamin, tahun_lahir: i32) -> String {
    let laki = jk == JenisKelamin::LakiLaki;
    let asal = acak.bawah(100);
    if asal < 12 {
        // Javanese.
        if acak.persen(25) {
            return satu(
                acak,
                if laki {
                    JAWA_LAKI_TUNGGAL
                } else {
                    JAWA_PEREMPUAN_TUNGGAL
                },
            )
            .to_owned();
        }
        let (depan, belakang) = if laki {
            (JAWA_LAKI_DEPAN, JAWA_LAKI_BELAKANG)
        } else {
            (JAWA_PEREMPUAN_DEPAN, JAWA_PEREMPUAN_BELAKANG)
        };
        return format!("{} {}", satu(acak, depan), satu(acak, belakang));
    }
    if asal < 14 {
        // Batak (Mandailing) with marga.
        let depan = satu(acak, if laki { BATAK_LAKI } else { BATAK_PEREMPUAN });
        return format!("{} {}", depan, satu(acak, BATAK_MARGA));
    }
    // Minangkabau.
    let muda = tahun_lahir >= 1988;
    let pertama = if laki {
        if muda && acak.persen(65) {
            satu(acak, LAKI_BARU)
        } else {
            satu(acak, LAKI_LAMA)
        }
    } else if muda && acak.persen(65) {
        satu(acak, PEREMPUAN_BARU)
    } else {
        satu(acak, PEREMPUAN_LAMA)
    };
    // One-word names are common among older employees, rare among the young.
    let dua_kata = if muda {
        80
    } else if tahun_lahir >= 1975 {
        50
    } else {
        30
    };
    let mut nama = pertama.to_owned();
    if !pertama.contains(' ') && acak.persen(dua_kata) {
        let kedua = satu(acak, if laki { LAKI_KEDUA } else { PEREMPUAN_KEDUA });
        if kedua != pertama {
            nama.push(' ');
            nama.push_str(kedua);
        }
    }
    if acak.persen(8) {
        nama.push(' ');
        nama.push_str(satu(acak, SUKU));
    }
    nama
}

/// The gender a first name belongs to, when the pools say so unambiguously.
#[cfg(test)]
pub(crate) fn jenis_kelamin_dari_nama(nama: &str) -> Option<JenisKelamin> {
    let laki: [&[&str]; 5] = [
        LAKI_LAMA,
        LAKI_BARU,
        JAWA_LAKI_DEPAN,
        JAWA_LAKI_TUNGGAL,
        BATAK_LAKI,
    ];
    let perempuan: [&[&str]; 5] = [
        PEREMPUAN_LAMA,
        PEREMPUAN_BARU,
        JAWA_PEREMPUAN_DEPAN,
        JAWA_PEREMPUAN_TUNGGAL,
        BATAK_PEREMPUAN,
    ];
    let awal = |n: &&str| nama == *n || nama.starts_with(&format!("{n} "));
    let l = laki.iter().any(|pool| pool.iter().any(awal));
    let p = perempuan.iter().any(|pool| pool.iter().any(awal));
    match (l, p) {
        (true, false) => Some(JenisKelamin::LakiLaki),
        (false, true) => Some(JenisKelamin::Perempuan),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_non_empty_capitalised_and_never_a_real_official() {
        let mut acak = Acak::new(1);
        for i in 0..5_000 {
            let jk = if i % 2 == 0 {
                JenisKelamin::LakiLaki
            } else {
                JenisKelamin::Perempuan
            };
            let nama = buat(&mut acak, jk, 1965 + (i % 40));
            assert!(!nama.is_empty());
            assert!(
                nama.split(' ')
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            );
            assert!(!NAMA_PEJABAT_NYATA.contains(&nama.as_str()), "{nama}");
        }
    }

    #[test]
    fn pools_do_not_mix_genders() {
        for n in LAKI_LAMA.iter().chain(LAKI_BARU).chain(LAKI_KEDUA) {
            assert!(
                !PEREMPUAN_LAMA.contains(n) && !PEREMPUAN_BARU.contains(n),
                "{n}"
            );
        }
    }
}
