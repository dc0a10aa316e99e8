//! Server-drawn line charts as inline SVG: no script, no inline style (the
//! CSP forbids both), colours as SVG presentation attributes, and each
//! series told apart by dash pattern and marker shape as well as colour so
//! the chart survives grey-scale printing and colour blindness. The page
//! shows the same numbers in a table beside the chart.

use std::fmt::Write;

/// Drawing area in SVG user units; the SVG scales to its container.
const LEBAR: f64 = 640.0;
const TINGGI: f64 = 320.0;
const KIRI: f64 = 76.0;
const KANAN: f64 = 16.0;
const ATAS: f64 = 16.0;
const BAWAH: f64 = 48.0;
/// Intervals on each axis.
const SELANG: u32 = 4;

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

/// A chart: the axes start at 0 and end at the largest value (at least
/// `y_min_maks` on y, so a fraction chart can keep its 100%).
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

/// Maps data to drawing coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Skala {
    pub maks_x: f64,
    pub maks_y: f64,
}

impl Skala {
    /// The largest finite, non-negative values; 1 when there are none, so
    /// an empty or all-zero chart still has axes and no division by zero.
    pub(crate) fn dari(seri: &[Seri], y_min_maks: f64) -> Skala {
        let terbesar = |f: fn(&(f64, f64)) -> f64| {
            seri.iter()
                .flat_map(|s| s.titik.iter())
                .map(f)
                .filter(|v| v.is_finite() && *v > 0.0)
                .fold(0.0_f64, f64::max)
        };
        let maks_x = terbesar(|t| t.0);
        let maks_y = terbesar(|t| t.1).max(if y_min_maks.is_finite() {
            y_min_maks
        } else {
            0.0
        });
        Skala {
            maks_x: if maks_x > 0.0 { maks_x } else { 1.0 },
            maks_y: if maks_y > 0.0 { maks_y } else { 1.0 },
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
        TINGGI - BAWAH - (v / self.maks_y).clamp(0.0, 1.0) * (TINGGI - ATAS - BAWAH)
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

/// The chart as an `<svg>` element (the legend is inside it).
pub(crate) fn garis_svg(g: &Grafik<'_>) -> String {
    let skala = Skala::dari(&g.seri, g.y_min_maks);
    let mut out = String::new();
    let judul = escape(&g.judul);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {LEBAR} {TINGGI}\" \
         width=\"{LEBAR}\" height=\"{TINGGI}\" role=\"img\" aria-label=\"{judul}\">\
         <title>{judul}</title>"
    );
    // Grid and tick labels.
    for k in 0..=SELANG {
        let f = f64::from(k) / f64::from(SELANG);
        let vy = skala.maks_y * f;
        let y = skala.y(vy);
        let _ = write!(
            out,
            "<line class=\"grafik-garis\" x1=\"{KIRI}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"#d1d5db\"/>\
             <text class=\"grafik-teks\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"11\">{}</text>",
            LEBAR - KANAN,
            KIRI - 6.0,
            y + 4.0,
            escape(&(g.format_y)(vy))
        );
        let vx = skala.maks_x * f;
        let x = skala.x(vx);
        let _ = write!(
            out,
            "<line class=\"grafik-garis\" x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"#9ca3af\"/>\
             <text class=\"grafik-teks\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"11\">{}</text>",
            TINGGI - BAWAH,
            TINGGI - BAWAH + 4.0,
            TINGGI - BAWAH + 17.0,
            escape(&(g.format_x)(vx))
        );
    }
    let _ = write!(
        out,
        "<text class=\"grafik-teks\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"12\">{}</text>\
         <text class=\"grafik-teks\" x=\"12\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"12\" \
         transform=\"rotate(-90 12 {:.1})\">{}</text>",
        (KIRI + LEBAR - KANAN) / 2.0,
        TINGGI - 8.0,
        escape(&g.label_x),
        (ATAS + TINGGI - BAWAH) / 2.0,
        (ATAS + TINGGI - BAWAH) / 2.0,
        escape(&g.label_y)
    );
    let ada_titik = g.seri.iter().any(|s| !s.titik.is_empty());
    if !ada_titik {
        let _ = write!(
            out,
            "<text class=\"grafik-teks\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"13\">Tidak ada data</text>",
            (KIRI + LEBAR - KANAN) / 2.0,
            (ATAS + TINGGI - BAWAH) / 2.0
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
    // Legend, top left inside the frame.
    for (n, s) in g.seri.iter().enumerate() {
        let y = ATAS + 10.0 + 16.0 * n as f64;
        let x = KIRI + 10.0;
        let _ = write!(
            out,
            "<line x1=\"{x:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"{}\" stroke-width=\"2\"{}/>",
            x + 24.0,
            s.gaya.warna(),
            s.gaya.garis()
        );
        penanda(&mut out, s.gaya, x + 12.0, y);
        let _ = write!(
            out,
            "<text class=\"grafik-teks\" x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\">{}</text>",
            x + 30.0,
            y + 4.0,
            escape(&s.nama)
        );
    }
    out.push_str("</svg>");
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

    #[test]
    fn data_maps_into_the_frame_with_the_largest_value_at_the_edge() {
        let seri = vec![Seri {
            nama: "a".into(),
            gaya: Gaya::Utama,
            titik: vec![(0.0, 0.0), (50.0, 2.0), (200.0, 8.0)],
        }];
        let s = Skala::dari(&seri, 0.0);
        assert_eq!((s.maks_x, s.maks_y), (200.0, 8.0));
        assert_eq!(s.x(0.0), KIRI);
        assert_eq!(s.x(200.0), LEBAR - KANAN);
        assert_eq!(s.x(100.0), (KIRI + LEBAR - KANAN) / 2.0);
        assert_eq!(s.y(0.0), TINGGI - BAWAH);
        assert_eq!(s.y(8.0), ATAS);
        // Out of range and non-finite values stay inside the frame.
        assert_eq!(s.x(-5.0), KIRI);
        assert_eq!(s.y(1e9), ATAS);
        assert_eq!(s.y(f64::NAN), TINGGI - BAWAH);
        // A floor on y keeps a percentage chart at 100.
        assert_eq!(Skala::dari(&seri, 100.0).maks_y, 100.0);
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
