//! Competency development (pengembangan kompetensi): the forms a program
//! takes (PermenPAN-RB 38/2017, Peraturan LAN 10/2018: klasikal and
//! non-klasikal), partner institutions (mitra) and their agreements.

use crate::code_enum::code_enum;
use time::Date;

code_enum! {
    /// The form of a development program: five classical, seven non-classical.
    pub enum BentukPengembangan("bentuk pengembangan") {
        Pelatihan => ("pelatihan", "Pelatihan"),
        Bimtek => ("bimtek", "Bimbingan Teknis"),
        Seminar => ("seminar", "Seminar/Konferensi"),
        Workshop => ("workshop", "Workshop/Lokakarya"),
        Kursus => ("kursus", "Kursus"),
        ELearning => ("e_learning", "E-Learning"),
        Coaching => ("coaching", "Coaching"),
        Mentoring => ("mentoring", "Mentoring"),
        Magang => ("magang", "Magang/Praktik Kerja"),
        Detasering => ("detasering", "Detasering"),
        KomunitasBelajar => ("komunitas_belajar", "Komunitas Belajar"),
        BelajarMandiri => ("belajar_mandiri", "Belajar Mandiri"),
    }
}

impl BentukPengembangan {
    /// Classical (klasikal: in a learning setting with a facilitator) as
    /// opposed to non-classical (learning at work, online or alone).
    pub const fn klasikal(self) -> bool {
        matches!(
            self,
            BentukPengembangan::Pelatihan
                | BentukPengembangan::Bimtek
                | BentukPengembangan::Seminar
                | BentukPengembangan::Workshop
                | BentukPengembangan::Kursus
        )
    }
}

code_enum! {
    /// How a program is delivered.
    pub enum ModaPembelajaran("moda pembelajaran") {
        Luring => ("luring", "Luring (tatap muka)"),
        Daring => ("daring", "Daring"),
        Campuran => ("campuran", "Campuran (hybrid)"),
    }
}

code_enum! {
    /// The kind of partner institution.
    pub enum JenisMitra("jenis mitra") {
        PerguruanTinggi => ("perguruan_tinggi", "Perguruan Tinggi"),
        LembagaPemerintah => ("lembaga_pemerintah", "Lembaga Pemerintah"),
        Swasta => ("swasta", "Swasta"),
        Lsm => ("lsm", "LSM/Organisasi Masyarakat"),
    }
}

code_enum! {
    /// The kind of agreement with a partner.
    pub enum JenisKerjaSama("jenis kerja sama") {
        Mou => ("mou", "Nota Kesepahaman (MoU)"),
        Pks => ("pks", "Perjanjian Kerja Sama (PKS)"),
    }
}

code_enum! {
    /// Where an agreement stands on a given day.
    pub enum StatusKerjaSama("status kerja sama") {
        BelumBerlaku => ("belum_berlaku", "Belum berlaku"),
        Berlaku => ("berlaku", "Berlaku"),
        SegeraBerakhir => ("segera_berakhir", "Segera berakhir"),
        Berakhir => ("berakhir", "Berakhir"),
    }
}

/// Days before its end an agreement is flagged as ending soon, unless the
/// instansi sets another number.
pub const AMBANG_SEGERA_BERAKHIR_HARI: u32 = 90;

impl StatusKerjaSama {
    /// The status on `hari_ini` of an agreement running from `mulai` to
    /// `berakhir` (both inclusive): ending soon when its last day is at most
    /// `ambang_hari` days away.
    pub fn pada(mulai: Date, berakhir: Date, hari_ini: Date, ambang_hari: u32) -> Self {
        if berakhir < hari_ini {
            StatusKerjaSama::Berakhir
        } else if hari_ini < mulai {
            StatusKerjaSama::BelumBerlaku
        } else if (berakhir - hari_ini).whole_days() <= i64::from(ambang_hari) {
            StatusKerjaSama::SegeraBerakhir
        } else {
            StatusKerjaSama::Berlaku
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn five_forms_are_classical_and_seven_are_not() {
        let klasikal: Vec<_> = BentukPengembangan::ALL
            .iter()
            .filter(|b| b.klasikal())
            .map(|b| b.code())
            .collect();
        assert_eq!(
            klasikal,
            ["pelatihan", "bimtek", "seminar", "workshop", "kursus"]
        );
        assert_eq!(BentukPengembangan::ALL.len(), 12);
        assert_eq!(
            "e_learning".parse::<BentukPengembangan>(),
            Ok(BentukPengembangan::ELearning)
        );
        assert!("elearning".parse::<BentukPengembangan>().is_err());
    }

    #[test]
    fn agreement_status_follows_the_day_and_the_threshold() {
        let (mulai, berakhir) = (date!(2024 - 01 - 01), date!(2026 - 06 - 30));
        let status = |hari| StatusKerjaSama::pada(mulai, berakhir, hari, 90);
        assert_eq!(status(date!(2023 - 12 - 31)), StatusKerjaSama::BelumBerlaku);
        assert_eq!(status(date!(2024 - 01 - 01)), StatusKerjaSama::Berlaku);
        assert_eq!(status(date!(2026 - 03 - 31)), StatusKerjaSama::Berlaku);
        // 90 days before the last day is the first day flagged.
        assert_eq!(
            status(date!(2026 - 04 - 01)),
            StatusKerjaSama::SegeraBerakhir
        );
        assert_eq!(
            status(date!(2026 - 06 - 30)),
            StatusKerjaSama::SegeraBerakhir
        );
        assert_eq!(status(date!(2026 - 07 - 01)), StatusKerjaSama::Berakhir);
        assert_eq!(
            StatusKerjaSama::pada(mulai, berakhir, date!(2026 - 06 - 01), 0),
            StatusKerjaSama::Berlaku
        );
    }
}
