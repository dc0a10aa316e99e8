//! Educational backgrounds (latar pendidikan) and the academic titles that go
//! with them, so that a title always fits both the education level and the
//! job (dr. for doctors, S.Pd. for teachers, A.Md.Keb. for midwives, ...).

use crate::acak::Acak;
use kompeten_domain::Pendidikan;

/// A field of study: the front title (profession) and the back titles per level.
#[derive(Debug)]
pub(crate) struct Latar {
    /// "dr.", "drg.", "apt.", "drh.": a professional degree after S-1.
    pub depan: Option<&'static str>,
    pub d3: &'static [&'static str],
    pub d4: &'static [&'static str],
    pub s1: &'static [&'static str],
    pub s2: &'static [&'static str],
}

impl Latar {
    /// A professional degree: one extra rank at appointment as CPNS.
    pub(crate) fn profesi(&self) -> bool {
        self.depan.is_some()
    }
}

macro_rules! latar {
    ($name:ident { $(depan: $depan:expr,)? d3: $d3:expr, d4: $d4:expr, s1: $s1:expr, s2: $s2:expr $(,)? }) => {
        pub(crate) const $name: Latar = Latar {
            depan: latar!(@depan $($depan)?),
            d3: $d3,
            d4: $d4,
            s1: $s1,
            s2: $s2,
        };
    };
    (@depan $depan:expr) => { Some($depan) };
    (@depan) => { None };
}

latar!(UMUM {
    d3: &["A.Md."],
    d4: &["S.Tr.AP."],
    s1: &["S.Sos.", "S.IP.", "S.AP.", "S.E.", "S.Sos."],
    s2: &["M.Si.", "M.M.", "M.AP."]
});
latar!(PEMERINTAHAN {
    d3: &["A.Md."],
    d4: &["S.STP."],
    s1: &["S.STP.", "S.IP.", "S.Sos."],
    s2: &["M.Si.", "M.AP."]
});
latar!(HUKUM {
    d3: &["A.Md."],
    d4: &["S.Tr.H."],
    s1: &["S.H."],
    s2: &["M.H.", "M.Kn."]
});
latar!(EKONOMI {
    d3: &["A.Md.Ak.", "A.Md."],
    d4: &["S.Tr.Ak."],
    s1: &["S.E.", "S.Ak.", "S.E."],
    s2: &["M.Si.", "M.M.", "M.Ak."]
});
latar!(TEKNIK {
    d3: &["A.Md.T."],
    d4: &["S.Tr.T."],
    s1: &["S.T."],
    s2: &["M.T.", "M.Eng."]
});
latar!(KOMPUTER {
    d3: &["A.Md.Kom."],
    d4: &["S.Tr.Kom."],
    s1: &["S.Kom.", "S.Kom.", "S.T."],
    s2: &["M.Kom.", "M.T."]
});
latar!(PERTANIAN {
    d3: &["A.Md.P."],
    d4: &["S.Tr.P."],
    s1: &["S.P.", "S.P.", "S.Pt.", "S.Pi."],
    s2: &["M.P.", "M.Si."]
});
latar!(VETERINER {
    depan: "drh.",
    d3: &["A.Md.Vet."],
    d4: &["S.Tr.Vet."],
    s1: &[],
    s2: &["M.Si.", "M.Sc."]
});
latar!(PARAMEDIK_VETERINER {
    d3: &["A.Md.Vet.", "A.Md.Pt."],
    d4: &["S.Tr.Vet."],
    s1: &["S.Pt."],
    s2: &["M.Si."]
});
latar!(PENDIDIKAN {
    d3: &["A.Md.Pd."],
    d4: &["S.Tr.Pd."],
    s1: &["S.Pd."],
    s2: &["M.Pd."]
});
latar!(GURU_SD {
    d3: &["A.Md.Pd."],
    d4: &["S.Pd."],
    s1: &["S.Pd.", "S.Pd.", "S.Pd.", "S.Pd.SD", "S.Pd.I."],
    s2: &["M.Pd."]
});
latar!(GURU_SMP {
    d3: &["A.Md.Pd."],
    d4: &["S.Pd."],
    s1: &["S.Pd.", "S.Pd.", "S.Pd.", "S.Pd.I.", "S.Si.", "S.Ag."],
    s2: &["M.Pd.", "M.Si."]
});
latar!(KESMAS {
    d3: &["A.Md.Kes."],
    d4: &["S.Tr.Kes."],
    s1: &["S.KM"],
    s2: &["M.KM", "M.Kes."]
});
latar!(PERAWAT {
    d3: &["A.Md.Kep."],
    d4: &["S.Tr.Kep."],
    s1: &["S.Kep., Ns."],
    s2: &["M.Kep."]
});
latar!(BIDAN {
    d3: &["A.Md.Keb."],
    d4: &["S.Tr.Keb."],
    s1: &["S.Keb., Bd."],
    s2: &["M.Keb."]
});
latar!(DOKTER {
    depan: "dr.",
    d3: &[],
    d4: &[],
    s1: &[],
    s2: &["M.Kes.", "M.Biomed."]
});
latar!(DOKTER_GIGI {
    depan: "drg.",
    d3: &[],
    d4: &[],
    s1: &[],
    s2: &["M.Kes."]
});
latar!(DOKTER_SPESIALIS {
    depan: "dr.",
    d3: &[],
    d4: &[],
    s1: &[],
    s2: &[
        "Sp.PD",
        "Sp.A",
        "Sp.OG",
        "Sp.B",
        "Sp.An",
        "Sp.Rad",
        "Sp.P",
        "Sp.JP",
        "Sp.M",
        "Sp.THT-KL",
        "Sp.N",
        "Sp.KJ",
        "Sp.PK",
        "Sp.KFR",
        "Sp.DV",
    ],
});
latar!(APOTEKER {
    depan: "apt.",
    d3: &[],
    d4: &[],
    s1: &["S.Farm."],
    s2: &["M.Farm."]
});
latar!(FARMASI {
    d3: &["A.Md.Farm."],
    d4: &["S.Tr.Farm."],
    s1: &["S.Farm."],
    s2: &["M.Farm."]
});
latar!(LABORATORIUM {
    d3: &["A.Md.AK"],
    d4: &["S.Tr.Kes."],
    s1: &["S.Si."],
    s2: &["M.Biomed."]
});
latar!(GIZI {
    d3: &["A.Md.Gz."],
    d4: &["S.Tr.Gz."],
    s1: &["S.Gz."],
    s2: &["M.Gz."]
});
latar!(SANITASI {
    d3: &["A.Md.KL"],
    d4: &["S.Tr.KL"],
    s1: &["S.KM"],
    s2: &["M.KM"]
});
latar!(REKAM_MEDIS {
    d3: &["A.Md.RMIK"],
    d4: &["S.Tr.RMIK"],
    s1: &["S.KM"],
    s2: &["M.KM"]
});
latar!(RADIOLOGI {
    d3: &["A.Md.Rad."],
    d4: &["S.Tr.Rad."],
    s1: &["S.Tr.Rad."],
    s2: &["M.Tr.ID"]
});
latar!(FISIOTERAPI {
    d3: &["A.Md.Ftr."],
    d4: &["S.Tr.Ftr."],
    s1: &["S.Ftr."],
    s2: &["M.Fis."]
});
latar!(TERAPIS_GIGI {
    d3: &["A.Md.TGM"],
    d4: &["S.Tr.TGM"],
    s1: &["S.Tr.Kes."],
    s2: &["M.Kes."]
});
latar!(BUDAYA {
    d3: &["A.Md."],
    d4: &["S.Tr.Sn."],
    s1: &["S.S.", "S.Hum.", "S.Sn.", "S.Sos."],
    s2: &["M.Hum.", "M.Sn."]
});
latar!(PARIWISATA {
    d3: &["A.Md.Par."],
    d4: &["S.Tr.Par."],
    s1: &["S.Par.", "S.E."],
    s2: &["M.Par.", "M.M."]
});
latar!(STATISTIK {
    d3: &["A.Md.Stat."],
    d4: &["S.Tr.Stat."],
    s1: &["S.Stat.", "S.Si."],
    s2: &["M.Si."]
});
latar!(KOMUNIKASI {
    d3: &["A.Md.I.Kom."],
    d4: &["S.Tr.I.Kom."],
    s1: &["S.I.Kom.", "S.Sos."],
    s2: &["M.I.Kom.", "M.Si."]
});
latar!(SOSIAL {
    d3: &["A.Md."],
    d4: &["S.Tr.Sos."],
    s1: &["S.Sos.", "S.Psi."],
    s2: &["M.Si.", "M.Psi."]
});
latar!(PSIKOLOGI {
    d3: &["A.Md."],
    d4: &["S.Tr.AP."],
    s1: &["S.Psi.", "S.Psi.", "S.Sos."],
    s2: &["M.Psi.", "M.Si."]
});
latar!(PERPUSTAKAAN {
    d3: &["A.Md."],
    d4: &["S.Tr.AP."],
    s1: &["S.IP.", "S.Hum.", "S.I.Pust."],
    s2: &["M.Hum.", "M.IP."]
});
latar!(KEARSIPAN {
    d3: &["A.Md.Ars."],
    d4: &["S.Tr.Ars."],
    s1: &["S.AP.", "S.Hum."],
    s2: &["M.AP."]
});
latar!(PERHUBUNGAN {
    d3: &["A.Md.LLAJ", "A.Md.T."],
    d4: &["S.Tr.T."],
    s1: &["S.SiT.", "S.T."],
    s2: &["M.T.", "M.M."]
});
latar!(OLAHRAGA {
    d3: &["A.Md."],
    d4: &["S.Tr.Or."],
    s1: &["S.Pd.", "S.Or."],
    s2: &["M.Pd."]
});

/// Back titles joined as written in Indonesian documents: "S.Kep., Ns., M.Kep.".
fn gabung(parts: &[&str]) -> Option<String> {
    let parts: Vec<&str> = parts.iter().copied().filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        None
    } else {
        Some(parts.join(", "))
    }
}

/// Front and back titles for someone with this background and education.
pub(crate) fn untuk(
    acak: &mut Acak,
    latar: &Latar,
    pendidikan: Pendidikan,
) -> (Option<String>, Option<String>) {
    let mut pilih = |xs: &'static [&'static str]| acak.pilih(xs).copied().unwrap_or("");
    match pendidikan {
        Pendidikan::Sd | Pendidikan::Smp | Pendidikan::Slta | Pendidikan::D1 | Pendidikan::D2 => {
            (None, None)
        }
        Pendidikan::D3 => (
            None,
            gabung(&[pilih(latar.d3)]).or(Some("A.Md.".to_owned())),
        ),
        Pendidikan::D4 => {
            let list = if latar.d4.is_empty() {
                latar.s1
            } else {
                latar.d4
            };
            (None, gabung(&[pilih(list)]))
        }
        Pendidikan::S1 => (latar.depan.map(str::to_owned), gabung(&[pilih(latar.s1)])),
        Pendidikan::S2 => {
            let s1 = pilih(latar.s1);
            let s2 = pilih(latar.s2);
            (latar.depan.map(str::to_owned), gabung(&[s1, s2]))
        }
        Pendidikan::S3 => {
            let s1 = pilih(latar.s1);
            let s2 = pilih(latar.s2);
            let depan = match latar.depan {
                Some(d) => format!("Dr. {d}"),
                None => "Dr.".to_owned(),
            };
            (Some(depan), gabung(&[s1, s2]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_follow_profession_and_level() {
        let mut acak = Acak::new(3);
        assert_eq!(
            untuk(&mut acak, &DOKTER, Pendidikan::S1),
            (Some("dr.".into()), None)
        );
        assert_eq!(
            untuk(&mut acak, &PERAWAT, Pendidikan::S1),
            (None, Some("S.Kep., Ns.".into()))
        );
        assert_eq!(
            untuk(&mut acak, &BIDAN, Pendidikan::D3),
            (None, Some("A.Md.Keb.".into()))
        );
        assert_eq!(untuk(&mut acak, &UMUM, Pendidikan::Slta), (None, None));
        let (depan, belakang) = untuk(&mut acak, &DOKTER_SPESIALIS, Pendidikan::S2);
        assert_eq!(depan.as_deref(), Some("dr."));
        assert!(belakang.is_some_and(|b| b.starts_with("Sp.")));
        let (_, belakang) = untuk(&mut acak, &PENDIDIKAN, Pendidikan::S2);
        assert_eq!(belakang.as_deref(), Some("S.Pd., M.Pd."));
        let (depan, _) = untuk(&mut acak, &APOTEKER, Pendidikan::S1);
        assert_eq!(depan.as_deref(), Some("apt."));
    }
}
