//! Server-drawn line charts as inline SVG: no script, no inline style (the
//! CSP forbids both), colours as SVG presentation attributes, and each
//! series told apart by dash pattern and marker shape as well as colour so
//! the chart survives grey-scale printing and colour blindness. The page
//! shows the same numbers in a table beside the chart.
//!
//! The legend sits below the axes, outside the plot, so it never hides a
//! line; tick labels are kept inside the viewBox (the last x label is
//! anchored at its end), so the SVG needs no `overflow: visible`.

use kompeten_domain::format::ribuan;
use std::fmt::Write;

/// Drawing area in SVG user units; the SVG scales to its container. The
/// height grows with the legend's rows.
const LEBAR: f64 = 640.0;
const KIRI: f64 = 76.0;
const KANAN: f64 = 16.0;
const ATAS: f64 = 16.0;
/// Height of the plot frame.
const PLOT: f64 = 256.0;
/// Bottom of the plot frame.
const DASAR: f64 = ATAS + PLOT;
/// Baselines below the frame: tick labels, axis name, first legend row.
const TEKS_TIK: f64 = DASAR + 17.0;
const TEKS_SUMBU: f64 = DASAR + 36.0;
const LEGENDA: f64 = DASAR + 58.0;
/// Legend row height and the space below the last row.
const BARIS_LEGENDA: f64 = 18.0;
const KAKI: f64 = 12.0;
/// Target intervals per axis (the nice step gives 2 to 4).
const SELANG: f64 = 4.0;
/// Font sizes of ticks and legend, and of the axis names.
const HURUF: f64 = 11.0;
const HURUF_SUMBU: f64 = 12.0;

/// A safe upper estimate of a label's width at `huruf` px: digits and
/// most letters of a sans font are under 0.6 em.
pub(crate) fn lebar_teks(teks: &str, huruf: f64) -> f64 {
    teks.chars().count() as f64 * huruf * 0.6
}

/// How a series is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gaya {
    /// Solid line, round markers.
    Utama,
    /// Dashed line, square markers.
    Putus,
    /// Dotted line, triangle markers.
    Titik,
}

impl Gaya {
    fn warna(self) -> &'static str {
        match self {
            Gaya::Utama => "#1b6ca8",
            Gaya::Putus => "#b45309",
            Gaya::Titik => "#6b7280",
        }
    }

    fn garis(self) -> &'static str {
        match self {
            Gaya::Utama => "",
            Gaya::Putus => " stroke-dasharray=\"8 4\"",
            Gaya::Titik => " stroke-dasharray=\"2 4\"",
        }
    }
}

/// One line: its name for the legend and its points in data units.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Seri {
    pub nama: String,
    pub gaya: Gaya,
    pub titik: Vec<(f64, f64)>,
}

/// A chart: the axes start at 0 and end at a round value covering the
/// largest one (at least `y_min_maks` on y, so a fraction chart can keep
/// its 100%).
pub(crate) struct Grafik<'a> {
    /// Read by screen readers (`<title>`).
    pub judul: String,
    pub label_x: String,
    pub label_y: String,
    pub seri: Vec<Seri>,
    pub y_min_maks: f64,
    pub format_x: &'a dyn Fn(f64) -> String,
    pub format_y: &'a dyn Fn(f64) -> String,
}

/// Text safe inside SVG elements and attribute values.
pub(crate) fn escape(teks: &str) -> String {
    let mut out = String::with_capacity(teks.len());
    for c in teks.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A tick value the Indonesian way, with no more decimals than it has
/// (up to two): "8.000", "2,5", "0,25".
pub(crate) fn angka(v: f64) -> String {
    let v = if v.is_finite() { v.max(0.0) } else { 0.0 };
    let seratus = (v * 100.0).round() as u64;
    let bulat = ribuan(seratus / 100);
    match seratus % 100 {
        0 => bulat,
        s if s % 10 == 0 => format!("{bulat},{}", s / 10),
        s => format!("{bulat},{s:02}"),
    }
}

/// An axis from 0: a round step (1, 2, 2.5 or 5 × 10^k) and the top tick,
/// the first multiple of the step at or above `maks`; 2 to 4 intervals.
/// A missing, zero or non-finite `maks` gives the axis 0..1.
pub(crate) fn sumbu_bagus(maks: f64) -> (f64, f64) {
    let maks = if maks.is_finite() && maks > 0.0 {
        maks
    } else {
        1.0
    };
    let kasar = maks / SELANG;
    // log10 of a positive finite number is finite; the exponent of an f64
    // fits an i32.
    let pangkat = 10f64.powi(kasar.log10().floor() as i32);
    let langkah = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|f| f * pangkat)
        .find(|l| *l >= kasar * (1.0 - 1e-9))
        .unwrap_or(10.0 * pangkat);
    let selang = (maks / langkah - 1e-9).ceil().max(1.0);
    (langkah, selang * langkah)
}

/// Maps data to drawing coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Skala {
    pub maks_x: f64,
    pub maks_y: f64,
    pub langkah_x: f64,
    pub langkah_y: f64,
}

impl Skala {
    /// Round axes covering the largest finite, non-negative values; 0..1
    /// when there are none, so an empty or all-zero chart still has axes
    /// and no division by zero.
    pub(crate) fn dari(seri: &[Seri], y_min_maks: f64) -> Skala {
        let terbesar = |f: fn(&(f64, f64)) -> f64| {
            seri.iter()
                .flat_map(|s| s.titik.iter())
                .map(f)
                .filter(|v| v.is_finite() && *v > 0.0)
                .fold(0.0_f64, f64::max)
        };
        let maks_y = terbesar(|t| t.1).max(if y_min_maks.is_finite() {
            y_min_maks
        } else {
            0.0
        });
        let (langkah_x, maks_x) = sumbu_bagus(terbesar(|t| t.0));
        let (langkah_y, maks_y) = sumbu_bagus(maks_y);
        Skala {
            maks_x,
            maks_y,
            langkah_x,
            langkah_y,
        }
    }

    /// Drawing x of data x; values outside 0..=max are clamped to the frame.
    pub(crate) fn x(&self, v: f64) -> f64 {
        let v = if v.is_finite() { v } else { 0.0 };
        KIRI + (v / self.maks_x).clamp(0.0, 1.0) * (LEBAR - KIRI - KANAN)
    }

    /// Drawing y of data y (SVG's y grows downwards).
    pub(crate) fn y(&self, v: f64) -> f64 {
        let v = if v.is_finite() { v } else { 0.0 };
        DASAR - (v / self.maks_y).clamp(0.0, 1.0) * PLOT
    }

    /// The tick values of an axis: 0, step, …, top.
    fn tik(langkah: f64, maks: f64) -> impl Iterator<Item = f64> {
        let n = (maks / langkah).round() as u32;
        (0..=n).map(move |k| f64::from(k) * langkah)
    }
}

fn penanda(out: &mut String, gaya: Gaya, x: f64, y: f64) {
    let w = gaya.warna();
    // Writing to a String cannot fail.
    let _ = match gaya {
        Gaya::Utama => write!(
            out,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4\" fill=\"{w}\"/>"
        ),
        Gaya::Putus => write!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"7\" height=\"7\" fill=\"{w}\"/>",
            x - 3.5,
            y - 3.5
        ),
        Gaya::Titik => write!(
            out,
            "<polygon points=\"{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" fill=\"{w}\"/>",
            x,
            y - 4.5,
            x - 4.5,
            y + 3.5,
            x + 4.5,
            y + 3.5
        ),
    };
}

/// Where each legend entry starts (x, baseline row y), wrapping to a new
/// row when the next entry would pass the right edge.
fn tata_legenda(seri: &[Seri]) -> Vec<(f64, f64)> {
    let mut out = Vec::with_capacity(seri.len());
    let (mut x, mut y) = (KIRI, LEGENDA);
    for s in seri {
        let lebar = 30.0 + lebar_teks(&s.nama, HURUF);
        if x > KIRI && x + lebar > LEBAR - KANAN {
            x = KIRI;
            y += BARIS_LEGENDA;
        }
        out.push((x, y));
        x += lebar + 18.0;
    }
    out
}

/// The chart as an `<svg>` element, its legend below the plot.
pub(crate) fn garis_svg(g: &Grafik<'_>) -> String {
    let skala = Skala::dari(&g.seri, g.y_min_maks);
    let legenda = tata_legenda(&g.seri);
    let tinggi = legenda.last().map_or(TEKS_SUMBU, |l| l.1) + KAKI;
    let mut out = String::new();
    let judul = escape(&g.judul);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {LEBAR} {tinggi}\" \
         width=\"{LEBAR}\" height=\"{tinggi}\" role=\"img\" aria-label=\"{judul}\">\
         <title>{judul}</title>"
    );
    // Grid and tick labels.
    for vy in Skala::tik(skala.langkah_y, skala.maks_y) {
        let y = skala.y(vy);
        let _ = write!(
            out,
            "<line class=\"grafik-garis\" x1=\"{KIRI}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"#d1d5db\"/>\
             <text class=\"grafik-teks\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"{HURUF}\">{}</text>",
            LEBAR - KANAN,
            KIRI - 6.0,
            y + 4.0,
            escape(&(g.format_y)(vy))
        );
    }
    let tik_x: Vec<f64> = Skala::tik(skala.langkah_x, skala.maks_x).collect();
    for (k, &vx) in tik_x.iter().enumerate() {
        let x = skala.x(vx);
        // The last label ends at its tick so it stays inside the chart.
        let jangkar = if k + 1 == tik_x.len() {
            "end"
        } else {
            "middle"
        };
        let _ = write!(
            out,
            "<line class=\"grafik-garis\" x1=\"{x:.1}\" y1=\"{DASAR:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#9ca3af\"/>\
             <text class=\"grafik-teks\" x=\"{x:.1}\" y=\"{TEKS_TIK:.1}\" text-anchor=\"{jangkar}\" font-size=\"{HURUF}\">{}</text>",
            DASAR + 4.0,
            escape(&(g.format_x)(vx))
        );
    }
    let tengah_y = (ATAS + DASAR) / 2.0;
    let _ = write!(
        out,
        "<text class=\"grafik-teks\" x=\"{:.1}\" y=\"{TEKS_SUMBU:.1}\" text-anchor=\"middle\" font-size=\"{HURUF_SUMBU}\">{}</text>\
         <text class=\"grafik-teks\" x=\"12\" y=\"{tengah_y:.1}\" text-anchor=\"middle\" font-size=\"{HURUF_SUMBU}\" \
         transform=\"rotate(-90 12 {tengah_y:.1})\">{}</text>",
        (KIRI + LEBAR - KANAN) / 2.0,
        escape(&g.label_x),
        escape(&g.label_y)
    );
    let ada_titik = g.seri.iter().any(|s| !s.titik.is_empty());
    if !ada_titik {
        let _ = write!(
            out,
            "<text class=\"grafik-teks\" x=\"{:.1}\" y=\"{tengah_y:.1}\" text-anchor=\"middle\" font-size=\"13\">Tidak ada data</text>",
            (KIRI + LEBAR - KANAN) / 2.0,
        );
    }
    for s in &g.seri {
        let nama = escape(&s.nama);
        let _ = write!(
            out,
            "<g class=\"seri\" data-seri=\"{nama}\"><title>{nama}</title>"
        );
        if s.titik.len() > 1 {
            let titik: Vec<String> = s
                .titik
                .iter()
                .map(|&(x, y)| format!("{:.1},{:.1}", skala.x(x), skala.y(y)))
                .collect();
            let _ = write!(
                out,
                "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"{}/>",
                titik.join(" "),
                s.gaya.warna(),
                s.gaya.garis()
            );
        }
        for &(x, y) in &s.titik {
            penanda(&mut out, s.gaya, skala.x(x), skala.y(y));
        }
        out.push_str("</g>");
    }
    // Legend below the axis name, outside the plot.
    out.push_str("<g class=\"legenda\">");
    for (s, &(x, y)) in g.seri.iter().zip(&legenda) {
        let tengah = y - 4.0;
        let _ = write!(
            out,
            "<line x1=\"{x:.1}\" y1=\"{tengah:.1}\" x2=\"{:.1}\" y2=\"{tengah:.1}\" stroke=\"{}\" stroke-width=\"2\"{}/>",
            x + 24.0,
            s.gaya.warna(),
            s.gaya.garis()
        );
        penanda(&mut out, s.gaya, x + 12.0, tengah);
        let _ = write!(
            out,
            "<text class=\"grafik-teks\" x=\"{:.1}\" y=\"{y:.1}\" font-size=\"{HURUF}\">{}</text>",
            x + 30.0,
            escape(&s.nama)
        );
    }
    out.push_str("</g></svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn polos(v: f64) -> String {
        format!("{v}")
    }

    fn grafik(seri: Vec<Seri>) -> String {
        garis_svg(&Grafik {
            judul: "Nilai & biaya".into(),
            label_x: "Biaya".into(),
            label_y: "Nilai".into(),
            seri,
            y_min_maks: 0.0,
            format_x: &polos,
            format_y: &polos,
        })
    }

    /// The value of attribute `nama` in the tag text `tag`.
    fn atribut(tag: &str, nama: &str) -> Option<String> {
        let awal = tag.find(&format!(" {nama}=\""))? + nama.len() + 3;
        let panjang = tag[awal..].find('"')?;
        Some(tag[awal..awal + panjang].to_owned())
    }

    fn angka_atribut(tag: &str, nama: &str) -> f64 {
        atribut(tag, nama)
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("no numeric {nama} in {tag}"))
    }

    /// (opening tag, text) of every `<text>` element.
    fn teks_teks(svg: &str) -> Vec<(String, String)> {
        svg.split("<text")
            .skip(1)
            .map(|bagian| {
                let tutup = bagian.find('>').expect("tag end");
                let isi = &bagian[tutup + 1..bagian.find("</text>").expect("text end")];
                // An entity is one character on screen.
                let isi = isi
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'");
                (bagian[..tutup].to_owned(), isi)
            })
            .collect()
    }

    /// The viewBox's width and height.
    fn ukuran(svg: &str) -> (f64, f64) {
        let v = atribut(svg, "viewBox").expect("viewBox");
        let n: Vec<f64> = v.split(' ').map(|x| x.parse().expect("number")).collect();
        (n[2], n[3])
    }

    /// Every unrotated label's estimated box lies inside the viewBox.
    fn label_di_dalam(svg: &str) {
        let (lebar, tinggi) = ukuran(svg);
        for (tag, isi) in teks_teks(svg) {
            if tag.contains("transform=") {
                continue;
            }
            let x = angka_atribut(&tag, "x");
            let y = angka_atribut(&tag, "y");
            let huruf = angka_atribut(&tag, "font-size");
            let w = lebar_teks(&isi, huruf);
            let kiri = match atribut(&tag, "text-anchor").as_deref() {
                Some("end") => x - w,
                Some("middle") => x - w / 2.0,
                _ => x,
            };
            assert!(
                kiri >= 0.0 && kiri + w <= lebar,
                "{isi:?} spans {kiri}..{} outside 0..{lebar}",
                kiri + w
            );
            assert!(
                y - huruf >= 0.0 && y + 3.0 <= tinggi,
                "{isi:?} at y {y} outside 0..{tinggi}"
            );
        }
    }

    #[test]
    fn axes_use_round_steps_covering_the_data() {
        assert_eq!(sumbu_bagus(7384.0), (2000.0, 8000.0));
        assert_eq!(sumbu_bagus(8000.0), (2000.0, 8000.0));
        assert_eq!(sumbu_bagus(100.0), (25.0, 100.0));
        assert_eq!(sumbu_bagus(749_500_000.0), (200_000_000.0, 800_000_000.0));
        assert_eq!(sumbu_bagus(3.0), (1.0, 3.0));
        assert_eq!(sumbu_bagus(0.0), (0.25, 1.0));
        assert_eq!(sumbu_bagus(f64::NAN), (0.25, 1.0));
        let s = Skala::dari(
            &[Seri {
                nama: "a".into(),
                gaya: Gaya::Utama,
                titik: vec![(0.0, 0.0), (749_500_000.0, 7384.0)],
            }],
            0.0,
        );
        let tik: Vec<f64> = Skala::tik(s.langkah_y, s.maks_y).collect();
        assert_eq!(tik, vec![0.0, 2000.0, 4000.0, 6000.0, 8000.0]);
        assert_eq!(angka(2000.0), "2.000");
        assert_eq!(angka(2.5), "2,5");
        assert_eq!(angka(0.25), "0,25");
        assert_eq!(angka(3.0 * 0.1), "0,3");
    }

    #[test]
    fn round_axes_cover_any_maximum() {
        // Maxima over 22 orders of magnitude, many mantissas each.
        for e in -6..16 {
            for m in 0..250 {
                let maks = (1.0 + f64::from(m) * 0.036) * 10f64.powi(e);
                let (langkah, atas) = sumbu_bagus(maks);
                let pangkat = 10f64.powi(langkah.log10().floor() as i32);
                let mantisa = langkah / pangkat;
                assert!(
                    [1.0, 2.0, 2.5, 5.0]
                        .iter()
                        .any(|x| (x - mantisa).abs() < 1e-9),
                    "{maks}: step {langkah} is not 1, 2, 2.5 or 5 × 10^k"
                );
                assert!(atas >= maks * (1.0 - 1e-9), "{maks}: top {atas}");
                let selang = (atas / langkah).round();
                assert!((2.0..=4.0).contains(&selang), "{maks}: {selang} intervals");
            }
        }
    }

    #[test]
    fn data_maps_into_the_frame_with_the_top_tick_at_the_edge() {
        let seri = vec![Seri {
            nama: "a".into(),
            gaya: Gaya::Utama,
            titik: vec![(0.0, 0.0), (50.0, 2.0), (200.0, 7.0)],
        }];
        let s = Skala::dari(&seri, 0.0);
        assert_eq!((s.maks_x, s.maks_y), (200.0, 8.0));
        assert_eq!(s.x(0.0), KIRI);
        assert_eq!(s.x(200.0), LEBAR - KANAN);
        assert_eq!(s.x(100.0), (KIRI + LEBAR - KANAN) / 2.0);
        assert_eq!(s.y(0.0), DASAR);
        assert_eq!(s.y(8.0), ATAS);
        // Out of range and non-finite values stay inside the frame.
        assert_eq!(s.x(-5.0), KIRI);
        assert_eq!(s.y(1e9), ATAS);
        assert_eq!(s.y(f64::NAN), DASAR);
        // A floor on y keeps a percentage chart at 100.
        assert_eq!(Skala::dari(&seri, 100.0).maks_y, 100.0);
    }

    fn tiga_seri(nama: [&str; 3]) -> Vec<Seri> {
        vec![
            Seri {
                nama: nama[0].into(),
                gaya: Gaya::Utama,
                titik: vec![(0.0, 0.0), (1.0, 1.0), (749_500_000.0, 7384.0)],
            },
            Seri {
                nama: nama[1].into(),
                gaya: Gaya::Putus,
                titik: vec![(0.0, 0.0), (1.0, 0.5), (700_000_000.0, 5000.0)],
            },
            Seri {
                nama: nama[2].into(),
                gaya: Gaya::Titik,
                titik: vec![(0.0, 0.0), (1.0, 0.2), (650_000_000.0, 4000.0)],
            },
        ]
    }

    #[test]
    fn the_legend_sits_below_the_axes_outside_the_plot() {
        let svg = grafik(tiga_seri([
            "Optimasi",
            "Termurah dulu",
            "Kuota sama per OPD",
        ]));
        let (_, tinggi) = ukuran(&svg);
        let legenda = &svg[svg.find("<g class=\"legenda\">").expect("legend")..];
        let teks = teks_teks(legenda);
        assert_eq!(teks.len(), 3);
        for (tag, _) in &teks {
            let y = angka_atribut(tag, "y");
            assert!(
                y - HURUF > TEKS_SUMBU && y <= tinggi,
                "legend text at {y}, axis name at {TEKS_SUMBU}, height {tinggi}"
            );
        }
        for tag in legenda.split("<line").skip(1) {
            assert!(angka_atribut(tag, "y1") > TEKS_SUMBU);
        }
        label_di_dalam(&svg);
    }

    #[test]
    fn long_legends_wrap_and_every_label_stays_inside_the_view_box() {
        let panjang = "Rencana dengan nama seri yang sangat panjang sekali";
        let svg = garis_svg(&Grafik {
            judul: "x".into(),
            label_x: "Biaya (rupiah)".into(),
            label_y: "Nilai".into(),
            seri: tiga_seri([panjang, panjang, panjang]),
            y_min_maks: 0.0,
            format_x: &|v| format!("Rp{} jt", angka(v / 1e6)),
            format_y: &angka,
        });
        let legenda = &svg[svg.find("<g class=\"legenda\">").expect("legend")..];
        let baris: std::collections::BTreeSet<String> = teks_teks(legenda)
            .iter()
            .filter_map(|(tag, _)| atribut(tag, "y"))
            .collect();
        assert!(baris.len() > 1, "three long names need more than one row");
        label_di_dalam(&svg);
        // The last x tick label ends at its tick.
        let terakhir = teks_teks(&svg)
            .into_iter()
            .rfind(|(_, isi)| isi.starts_with("Rp"))
            .expect("x ticks");
        assert_eq!(terakhir.1, "Rp800 jt");
        assert_eq!(atribut(&terakhir.0, "text-anchor").as_deref(), Some("end"));
    }

    #[test]
    fn each_series_is_drawn_with_its_own_line_and_markers() {
        let svg = grafik(vec![
            Seri {
                nama: "Optimal".into(),
                gaya: Gaya::Utama,
                titik: vec![(1.0, 1.0), (2.0, 3.0)],
            },
            Seri {
                nama: "Termurah".into(),
                gaya: Gaya::Putus,
                titik: vec![(1.0, 0.5), (2.0, 1.0)],
            },
            Seri {
                nama: "Kuota".into(),
                gaya: Gaya::Titik,
                titik: vec![(1.0, 0.2), (2.0, 0.4)],
            },
        ]);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert_eq!(svg.matches("<polyline").count(), 3);
        assert_eq!(svg.matches("class=\"seri\"").count(), 3);
        // Two markers per series plus one in the legend.
        assert_eq!(svg.matches("<circle").count(), 3);
        assert_eq!(svg.matches("<rect").count(), 3);
        assert_eq!(svg.matches("<polygon").count(), 3);
        assert!(svg.contains("stroke-dasharray=\"8 4\""));
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
        assert!(!svg.contains("style="), "the CSP forbids inline style");
    }

    #[test]
    fn an_empty_chart_says_so_and_has_no_broken_numbers() {
        let svg = grafik(Vec::new());
        assert!(svg.contains("Tidak ada data"));
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
        label_di_dalam(&svg);
        let svg = grafik(vec![Seri {
            nama: "nol".into(),
            gaya: Gaya::Utama,
            titik: vec![(0.0, 0.0)],
        }]);
        assert!(!svg.contains("Tidak ada data"));
        assert!(!svg.contains("<polyline"), "one point is no line");
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
    }

    #[test]
    fn text_is_escaped() {
        let svg = grafik(vec![Seri {
            nama: "<script>alert(\"x\")</script> & 'y'".into(),
            gaya: Gaya::Utama,
            titik: vec![(1.0, 1.0)],
        }]);
        assert!(!svg.contains("<script>"));
        assert!(
            svg.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;")
        );
        assert!(svg.contains("<title>Nilai &amp; biaya</title>"));
    }
}
