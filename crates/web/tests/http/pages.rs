//! The pages: content, routes, headers, errors, htmx fragments.

use crate::fixture::Fixture;
use crate::{enc, get, kirim, masuk_sebagai};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use kompeten_store::Store;

const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
                   frame-ancestors 'none'; form-action 'self'";

fn halaman(fx: &Fixture) -> Vec<(String, &'static str)> {
    let ids = fx.ids;
    vec![
        ("/".to_owned(), "Keadaan data"),
        ("/pegawai".to_owned(), "Cari nama atau NIP"),
        (format!("/pegawai/{}", ids.fitri), "Riwayat penilaian"),
        ("/jabatan".to_owned(), "Kepala Bidang Pelayanan Kesehatan"),
        (
            format!("/jabatan/{}", ids.kabid),
            "Standar kompetensi jabatan",
        ),
        ("/unit".to_owned(), "Puskesmas Talawi"),
        (format!("/unit/{}", ids.opd1), "Jabatan di unit ini"),
        ("/kamus".to_owned(), "Perekat Bangsa"),
        (
            format!("/kamus/{}", ids.integritas),
            "Level dan indikator perilaku",
        ),
        ("/audit".to_owned(), "Log audit"),
    ]
}

#[tokio::test]
async fn every_page_answers_for_admin_and_redirects_without_a_session() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    for (path, text) in halaman(&fx) {
        let res = get(&fx.app, &path, s.c()).await;
        assert_eq!(res.status, StatusCode::OK, "{path}");
        assert!(
            res.body.starts_with("<!doctype html>\n<html lang=\"id\">"),
            "{path}"
        );
        assert!(res.body.contains(text), "{path} lacks {text:?}");
        assert!(
            res.body.contains("<header class=\"kepala\">") && res.body.contains("Kamus Kompetensi")
        );
        assert_eq!(res.header("cache-control"), Some("no-store"), "{path}");
        assert!(
            res.header("content-type")
                .is_some_and(|c| c.starts_with("text/html"))
        );
        assert!(
            !res.body.contains("<script>") && !res.body.contains("style=\""),
            "{path}: CSP-safe"
        );

        let anon = get(&fx.app, &path, None).await;
        assert_eq!(anon.status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(
            anon.location(),
            Some(format!("/masuk?next={}", enc(&path)).as_str())
        );
    }
}

#[tokio::test]
async fn the_login_page_remembers_where_the_user_was_going() {
    let fx = Fixture::new().await;
    let anon = get(&fx.app, "/pegawai?q=siti&opd=1", None).await;
    let target = anon.location().expect("redirect").to_owned();
    assert_eq!(target, "/masuk?next=%2Fpegawai%3Fq%3Dsiti%26opd%3D1");
    let form = get(&fx.app, &target, None).await;
    assert!(
        form.body
            .contains("name=\"next\" value=\"/pegawai?q=siti&#38;opd=1\""),
        "{}",
        form.body
    );
    let res = crate::coba_masuk(
        &fx.app,
        Some(fx.ids.a),
        "admin",
        crate::fixture::SANDI_A,
        "/pegawai?q=siti&opd=1",
    )
    .await;
    assert_eq!(res.location(), Some("/pegawai?q=siti&opd=1"));
}

#[tokio::test]
async fn security_headers_are_on_every_response() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let paths = [
        "/",
        "/masuk",
        "/tidak-ada",
        "/aset/kompeten.css",
        "/api/v1/openapi.json",
        "/healthz",
        "/api/v1/pegawai",
    ];
    for path in paths {
        for cookie in [None, s.c()] {
            let res = get(&fx.app, path, cookie).await;
            assert_eq!(res.header("content-security-policy"), Some(CSP), "{path}");
            assert_eq!(
                res.header("x-content-type-options"),
                Some("nosniff"),
                "{path}"
            );
            assert_eq!(res.header("referrer-policy"), Some("same-origin"), "{path}");
            assert_eq!(res.header("x-frame-options"), Some("DENY"), "{path}");
        }
    }
}

#[tokio::test]
async fn assets_are_embedded_typed_and_cached_long() {
    let fx = Fixture::new().await;
    let css = get(&fx.app, "/aset/kompeten.css", None).await;
    assert_eq!(css.status, StatusCode::OK);
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    assert!(
        css.header("cache-control")
            .is_some_and(|c| c.contains("max-age=31536000"))
    );
    assert!(css.body.contains("@media (max-width: 640px)"));
    let js = get(&fx.app, "/aset/htmx.min.js", None).await;
    assert_eq!(
        js.header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    assert!(js.body.contains("htmx"));
    assert_eq!(
        get(&fx.app, "/aset/tidak-ada.js", None).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&fx.app, "/aset/VENDORED.md", None).await.status,
        StatusCode::NOT_FOUND
    );
    // Pages link the assets with a content version.
    let login = get(&fx.app, "/masuk", None).await;
    assert!(login.body.contains("href=\"/aset/kompeten.css?v="));
    assert!(login.body.contains("src=\"/aset/htmx.min.js?v="));
    assert!(login.body.contains("src=\"/aset/kompeten.js?v="));
    let menu = get(&fx.app, "/aset/kompeten.js", None).await;
    assert_eq!(menu.status, StatusCode::OK);
    assert!(menu.body.contains("Escape"));
}

#[tokio::test]
async fn unknown_routes_and_malformed_ids_give_the_404_page_or_json() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    for path in [
        "/tidak-ada",
        "/pegawai/abc",
        "/pegawai/-1",
        "/pegawai/999999",
        "/jabatan/1x",
        "/unit/99999",
        "/kamus/%20",
    ] {
        let res = get(&fx.app, path, s.c()).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND, "{path}");
        assert!(
            res.body.contains("Halaman tidak ditemukan"),
            "{path}: {}",
            res.body
        );
        assert!(res.body.contains("<html lang=\"id\">"));
    }
    for path in [
        "/api/v1/tidak-ada",
        "/api/v1/pegawai/abc",
        "/api/v1/jabatan/999999",
        "/api/v1/kompetensi/x",
    ] {
        let res = get(&fx.app, path, s.c()).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(res.json()["error"]["code"], "not_found", "{path}");
    }
    let post = kirim(
        &fx.app,
        Request::post("/pegawai").body(Body::empty()).expect("req"),
    )
    .await;
    assert_eq!(post.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(post.body.contains("<html lang=\"id\">"));
}

#[tokio::test]
async fn the_employee_page_shows_profile_levels_history_and_skp() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let res = get(&fx.app, &format!("/pegawai/{}", fx.ids.fitri), s.c()).await;
    let b = &res.body;
    for text in [
        "dr. Fitri Yuliani",
        "19930812 202012 2 021",
        "Penata Muda Tingkat I (III/b)",
        "Dokter Ahli Pertama",
        "Fungsional Ahli Pertama",
        "Puskesmas Talawi",
        "Perempuan",
        "12 Agustus 1993",
        "TMT CPNS",
        "Desember 2020",
        "S-1",
        "Sangat Baik",
        "Tim Asesor BKPSDM",
        "Assessment Center",
        "9 Maret 2028",
    ] {
        assert!(b.contains(text), "missing {text:?}");
    }
    // Path from the OPD, linked.
    assert!(b.contains(&format!(
        "<a href=\"/unit/{}\">Dinas Kesehatan</a> › <a href=\"/unit/{}\">Puskesmas Talawi</a>",
        fx.ids.opd1, fx.ids.puskesmas
    )));
    // Current levels: Integritas valid at 3 (standard 2); the technical one expired.
    let row = |kode: &str| {
        let start = b
            .find(&format!("{kode} "))
            .unwrap_or_else(|| panic!("{kode} row"));
        let end = b[start..].find("</tr>").expect("row end") + start;
        b[start..end].to_owned()
    };
    let integritas = row("M.1");
    assert!(
        integritas.contains("lencana-berlaku\">Berlaku")
            && integritas.contains(">3<")
            && integritas.contains(">2<"),
        "{integritas}"
    );
    let yankes = row("T.KES.1");
    assert!(
        yankes.contains("Kedaluwarsa") && yankes.contains("tidak dihitung"),
        "{yankes}"
    );
    assert!(
        b.contains("SK.1 Perekat Bangsa"),
        "assessed outside the standard is listed too"
    );
    // History newest first.
    let h = &b[b.find("Riwayat penilaian").expect("history")..];
    let p2025 = h.find("10 Maret 2025").expect("2025 assessment");
    let p2024 = h.find("20 Agustus 2024").expect("2024 assessment");
    let p2022 = h.find("2 Mei 2022").expect("2022 assessment");
    assert!(p2025 < p2024 && p2024 < p2022);
    let skp2025 = b.find("<td>2025</td>").expect("SKP 2025");
    let skp2024 = b.find("<td>2024</td>").expect("SKP 2024");
    assert!(skp2025 < skp2024);

    let budi = get(&fx.app, &format!("/pegawai/{}", fx.ids.budi), s.c()).await;
    assert!(
        budi.body.contains("Belum dinilai"),
        "Perekat Bangsa is in the standard but not assessed"
    );
    let rina = get(&fx.app, &format!("/pegawai/{}", fx.ids.rina), s.c()).await;
    assert!(rina.body.contains("PPPK") && rina.body.contains("Golongan IX"));
    assert!(!rina.body.contains("TMT CPNS"), "no TMT for PPPK");
    let yusuf = get(&fx.app, &format!("/pegawai/{}", fx.ids.yusuf), s.c()).await;
    assert!(yusuf.body.contains("Belum ada jabatan"));
}

#[tokio::test]
async fn the_list_searches_filters_and_keeps_filters_in_links() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let count = |body: &str| body.matches("<td data-label=\"NIP\"").count();
    let q = get(&fx.app, "/pegawai?q=fitri", s.c()).await;
    assert_eq!(count(&q.body), 1);
    assert!(
        q.body.contains("value=\"fitri\""),
        "search text kept in the form"
    );
    let nip = get(&fx.app, "/pegawai?q=19900410", s.c()).await;
    assert_eq!(count(&nip.body), 1);
    assert!(nip.body.contains("Dewi Lestari"));
    let pppk = get(&fx.app, "/pegawai?status=pppk", s.c()).await;
    assert_eq!(count(&pppk.body), 2);
    assert!(pppk.body.contains("Rina Marlina") && pppk.body.contains("Yusuf Maulana"));
    let opd2 = get(&fx.app, &format!("/pegawai?opd={}", fx.ids.opd2), s.c()).await;
    assert_eq!(count(&opd2.body), 2);
    assert!(opd2.body.contains(&format!(
        "<option value=\"{}\" selected>Dinas Pendidikan",
        fx.ids.opd2
    )));
    let fungsional = get(&fx.app, "/pegawai?jenis=fungsional", s.c()).await;
    assert_eq!(count(&fungsional.body), 3);
    let unit = get(
        &fx.app,
        &format!("/pegawai?unit={}", fx.ids.puskesmas),
        s.c(),
    )
    .await;
    assert_eq!(count(&unit.body), 2);

    // Lenient parameters: empty values are no filter; unknown ones are reported, not a 400.
    let lenient = get(
        &fx.app,
        "/pegawai?opd=&jenis=bogus&status=&halaman=x",
        s.c(),
    )
    .await;
    assert_eq!(lenient.status, StatusCode::OK);
    assert_eq!(count(&lenient.body), 6);
    assert!(
        lenient
            .body
            .contains("Jenis jabatan &#34;bogus&#34; tidak dikenal")
            || lenient
                .body
                .contains("Jenis jabatan &quot;bogus&quot; tidak dikenal"),
        "{}",
        lenient.body
    );
    let unknown_unit = get(&fx.app, "/pegawai?opd=424242", s.c()).await;
    assert_eq!(unknown_unit.status, StatusCode::OK);
    assert!(
        unknown_unit
            .body
            .contains("tidak ditemukan; filter ini diabaikan")
    );
}

#[tokio::test]
async fn the_list_pages_by_25_and_links_keep_the_filters() {
    let fx = Fixture::new().await;
    fx.tambah_pegawai(30).await;
    let s = masuk_sebagai(&fx, "admin").await;
    let count = |body: &str| body.matches("<td data-label=\"NIP\"").count();
    let first = get(&fx.app, &format!("/pegawai?opd={}", fx.ids.opd2), s.c()).await;
    assert_eq!(count(&first.body), 25);
    assert!(first.body.contains("Menampilkan 1–25 dari 32 pegawai"));
    assert!(first.body.contains("Halaman 1 dari 2"));
    // askama writes `&` as `&#38;` inside attributes.
    let next = format!("/pegawai?opd={}&#38;halaman=2", fx.ids.opd2);
    assert!(
        first.body.contains(&format!("href=\"{next}\"")),
        "{}",
        first.body
    );
    let second = get(
        &fx.app,
        &format!("/pegawai?opd={}&halaman=2", fx.ids.opd2),
        s.c(),
    )
    .await;
    assert_eq!(count(&second.body), 7);
    assert!(second.body.contains("Menampilkan 26–32 dari 32 pegawai"));
    assert!(second.body.contains("rel=\"prev\""));
    assert!(!second.body.contains("rel=\"next\""));
    let beyond = get(&fx.app, "/pegawai?halaman=99", s.c()).await;
    assert_eq!(beyond.status, StatusCode::OK);
    assert_eq!(count(&beyond.body), 0);
}

#[tokio::test]
async fn htmx_requests_get_only_the_results_fragment() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    for (path, text) in [
        ("/pegawai?q=dewi", "Dewi Lestari"),
        ("/jabatan?q=guru", "Guru Ahli Pertama"),
    ] {
        let req = Request::get(path)
            .header(header::COOKIE, &s.cookie)
            .header("HX-Request", "true")
            .body(Body::empty())
            .expect("request");
        let res = kirim(&fx.app, req).await;
        assert_eq!(res.status, StatusCode::OK);
        assert!(res.body.contains(text));
        assert!(
            !res.body.contains("<html") && !res.body.contains("<header"),
            "{path}: fragment only"
        );
        assert!(res.body.contains("<table"));
        assert_eq!(res.header("vary"), Some("HX-Request"));
        let full = get(&fx.app, path, s.c()).await;
        assert!(full.body.contains("<html lang=\"id\">") && full.body.contains("id=\"hasil\""));
    }
    // htmx without a session is sent to the login page as a whole.
    let req = Request::get("/pegawai")
        .header("HX-Request", "true")
        .body(Body::empty())
        .expect("request");
    let res = kirim(&fx.app, req).await;
    assert_eq!(res.header("hx-redirect"), Some("/masuk?next=%2Fpegawai"));
}

#[tokio::test]
async fn the_home_page_shows_counts_and_the_state_of_the_data() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let res = get(&fx.app, "/", s.c()).await;
    let b = &res.body;
    assert!(b.contains("Keadaan pada 27 November 2026"));
    assert!(b.contains("PNS 4 · PPPK 2"));
    // Budi, Fitri, Dewi have a valid assessment: 3 of 6.
    assert!(b.contains("3 dari 6 pegawai"));
    assert!(b.contains("50%"));
    // Two of five positions have a standard.
    assert!(b.contains("2 dari 5 jabatan") && b.contains("40%"));
    // Yusuf has no position.
    assert!(b.contains("Pegawai tanpa jabatan"));
    assert!(b.contains("SKP 2025: 3 dari 6 pegawai"));
    for link in [
        "href=\"/pegawai\"",
        "href=\"/jabatan\"",
        "href=\"/unit\"",
        "href=\"/kamus\"",
    ] {
        assert!(b.contains(link), "{link}");
    }
}

#[tokio::test]
async fn the_unit_tree_nests_units_with_counts() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let res = get(&fx.app, "/unit", s.c()).await;
    let b = &res.body;
    let opd1 = b.find(">Dinas Kesehatan</a>").expect("OPD 1");
    let puskesmas = b.find(">Puskesmas Talawi</a>").expect("puskesmas");
    let opd2 = b.find(">Dinas Pendidikan</a>").expect("OPD 2");
    assert!(
        opd1 < puskesmas && puskesmas < opd2,
        "children follow their OPD"
    );
    assert_eq!(
        b.matches("<ul").count(),
        b.matches("</ul>").count(),
        "balanced lists"
    );
    assert_eq!(
        b.matches("<li>").count(),
        b.matches("</li>").count(),
        "balanced items"
    );
    assert!(b.contains("4 pegawai") && b.contains("2 pegawai"));
    let detail = get(&fx.app, &format!("/unit/{}", fx.ids.opd1), s.c()).await;
    assert!(
        detail.body.contains("Kepala Dinas Kesehatan"),
        "positions of the unit"
    );
    assert!(
        detail.body.contains("Bidang Pelayanan Kesehatan")
            && detail.body.contains("Puskesmas Talawi")
    );
    assert!(
        !detail.body.contains("Dokter Ahli Pertama"),
        "only positions directly in the unit"
    );
}

#[tokio::test]
async fn the_dictionary_groups_competencies_and_numbers_indicators() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "pimpinan").await;
    let res = get(&fx.app, "/kamus", s.c()).await;
    let b = &res.body;
    let m = b.find("<h2>Manajerial</h2>").expect("manajerial");
    let sk = b.find("<h2>Sosial Kultural</h2>").expect("sosial kultural");
    let t = b
        .find("<h2>Teknis — Kesehatan</h2>")
        .expect("teknis per bidang");
    assert!(m < sk && sk < t);
    let detail = get(&fx.app, &format!("/kamus/{}", fx.ids.yankes), s.c()).await;
    let d = &detail.body;
    assert!(d.contains("Definisi Pelayanan Kesehatan Dasar."));
    for n in ["1.1", "1.2", "3.2", "5.1", "5.2"] {
        assert!(
            d.contains(&format!("<span class=\"nomor\">{n}</span>")),
            "indicator {n}"
        );
    }
    assert!(d.contains("Indikator kedua Pelayanan Kesehatan Dasar level 5"));
    let jabatan = get(&fx.app, &format!("/jabatan/{}", fx.ids.dokter), s.c()).await;
    assert!(
        jabatan
            .body
            .contains(&format!("href=\"/kamus/{}\"", fx.ids.yankes)),
        "standard links the dictionary"
    );
}

/// The CSV download holds exactly the employees the reader may list, with
/// the list's filters applied.
#[tokio::test]
async fn csv_download_follows_scope_and_filters() {
    let fx = Fixture::new().await;
    let nips_in_csv = |body: &str| -> Vec<String> {
        let body = body.strip_prefix('\u{feff}').expect("BOM for spreadsheets");
        let mut lines = body.lines();
        assert_eq!(
            lines.next(),
            Some("NIP,Nama,Status,Golongan,Jabatan,Jenis Jabatan,Unit Kerja,OPD,Aktif")
        );
        let mut nips: Vec<String> = lines
            .map(|l| l.split(',').next().expect("nip").replace(' ', ""))
            .collect();
        nips.sort();
        nips
    };
    for (user, query) in [
        ("admin", ""),
        ("admin", "?status=pppk"),
        ("pimpinan", ""),
        ("fitri", ""),
    ] {
        let s = masuk_sebagai(&fx, user).await;
        let csv = get(&fx.app, &format!("/pegawai.csv{query}"), s.c()).await;
        assert_eq!(csv.status, StatusCode::OK, "{user}");
        assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
        assert!(
            csv.header("content-disposition")
                .is_some_and(|d| d.starts_with("attachment; filename=\"pegawai-")),
            "{user}"
        );
        let api = get(&fx.app, &format!("/api/v1/pegawai{query}"), s.c())
            .await
            .json();
        let mut expected: Vec<String> = api["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|p| p["nip"].as_str().expect("nip").to_owned())
            .collect();
        expected.sort();
        assert!(!expected.is_empty(), "{user}{query}");
        assert_eq!(nips_in_csv(&csv.body), expected, "{user}{query}");
    }
    let mitra = masuk_sebagai(&fx, "mitra").await;
    let res = get(&fx.app, "/pegawai.csv", mitra.c()).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert!(!res.body.contains("NIP,Nama"));
    let anon = get(&fx.app, "/pegawai.csv", None).await;
    assert_eq!(anon.status, StatusCode::SEE_OTHER);
}

/// The main menu of a page: (group label, or "" outside a group; href).
fn menu(body: &str) -> Vec<(String, String)> {
    let start = body.find("<nav class=\"menu\"").expect("menu");
    let mut rest = &body[start..start + body[start..].find("</nav>").expect("menu end")];
    let mut out = Vec::new();
    let mut grup = String::new();
    loop {
        let next = ["<summary", "href=\"", "</details>"]
            .iter()
            .filter_map(|t| rest.find(t).map(|i| (i, *t)))
            .min();
        match next {
            Some((i, "<summary")) => {
                let t = &rest[i..];
                let close = t.find("</summary>").expect("summary end");
                grup = t[t.find('>').expect("summary >") + 1..close].to_owned();
                rest = &t[close..];
            }
            Some((i, "href=\"")) => {
                let t = &rest[i + 6..];
                let end = t.find('"').expect("href end");
                out.push((grup.clone(), t[..end].to_owned()));
                rest = &t[end..];
            }
            Some((i, _)) => {
                grup.clear();
                rest = &rest[i + 1..];
            }
            None => break,
        }
    }
    out
}

#[tokio::test]
async fn the_menu_groups_exactly_the_pages_each_role_may_open() {
    let fx = Fixture::new().await;
    let data_pribadi = [
        ("", "/"),
        ("Data", "/pegawai"),
        ("Data", "/jabatan"),
        ("Data", "/unit"),
        ("Data", "/kamus"),
        ("Analitik", "/peta"),
        ("Analitik", "/sebaran"),
    ];
    let pengembangan = [
        ("Pengembangan", "/kebutuhan"),
        ("Pengembangan", "/usulan"),
        ("Pengembangan", "/rencana"),
        ("Pengembangan", "/mitra"),
        ("Pengembangan", "/katalog"),
    ];
    let auditor: Vec<(&str, &str)> = data_pribadi
        .iter()
        .copied()
        .chain([("Analitik", "/kualitas-data")])
        .chain(pengembangan)
        .chain([("Sistem", "/pengaturan"), ("Sistem", "/audit")])
        .collect();
    // Only administrators manage accounts.
    let admin: Vec<(&str, &str)> = data_pribadi
        .iter()
        .copied()
        .chain([("Analitik", "/kualitas-data")])
        .chain(pengembangan)
        .chain([
            ("Sistem", "/pengaturan"),
            ("Sistem", "/akun"),
            ("Sistem", "/audit"),
        ])
        .collect();
    let pimpinan: Vec<(&str, &str)> = data_pribadi
        .iter()
        .copied()
        .chain(pengembangan)
        .chain([("Sistem", "/pengaturan")])
        .collect();
    let pegawai: Vec<(&str, &str)> = data_pribadi.iter().copied().chain(pengembangan).collect();
    let mitra = vec![
        ("", "/"),
        ("Data", "/jabatan"),
        ("Data", "/unit"),
        ("Data", "/kamus"),
        ("Pengembangan", "/mitra"),
        ("Pengembangan", "/katalog"),
    ];
    for (user, expected) in [
        ("admin", &admin),
        ("auditor", &auditor),
        ("pimpinan", &pimpinan),
        ("fitri", &pegawai),
        ("mitra", &mitra),
    ] {
        let s = masuk_sebagai(&fx, user).await;
        let home = get(&fx.app, "/", s.c()).await;
        let got = menu(&home.body);
        let want: Vec<(String, String)> = expected
            .iter()
            .map(|(g, h)| ((*g).to_owned(), (*h).to_owned()))
            .collect();
        assert_eq!(got, want, "menu of {user}");
        // A group without entries is not shown at all.
        let groups = home.body.matches("<details class=\"menu-grup\"").count();
        let mut named: Vec<&str> = expected
            .iter()
            .map(|(g, _)| *g)
            .filter(|g| !g.is_empty())
            .collect();
        named.dedup();
        assert_eq!(groups, named.len(), "groups of {user}");
        // Every entry opens for this role: the menu offers nothing forbidden.
        for (_, href) in expected.iter() {
            let r = get(&fx.app, href, s.c()).await;
            assert_eq!(r.status, StatusCode::OK, "{user} {href}");
        }
    }
    let s = masuk_sebagai(&fx, "mitra").await;
    for path in ["/pegawai", "/kebutuhan", "/usulan", "/rencana"] {
        let r = get(&fx.app, path, s.c()).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "mitra {path}");
    }
}

#[tokio::test]
async fn the_menu_marks_the_current_page_and_its_group() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    for (path, href, grup) in [
        ("/", "/", None),
        ("/jabatan", "/jabatan", Some("Data")),
        ("/peta", "/peta", Some("Analitik")),
        ("/kualitas-data", "/kualitas-data", Some("Analitik")),
        ("/rencana", "/rencana", Some("Pengembangan")),
        ("/katalog", "/katalog", Some("Pengembangan")),
        ("/audit", "/audit", Some("Sistem")),
    ] {
        let b = get(&fx.app, path, s.c()).await.body;
        let nav = &b[b.find("<nav class=\"menu\"").expect("menu")..];
        let nav = &nav[..nav.find("</nav>").expect("menu end")];
        assert_eq!(nav.matches("aria-current=\"page\"").count(), 1, "{path}");
        assert!(
            nav.contains(&format!("href=\"{href}\" aria-current=\"page\"")),
            "{path}"
        );
        let marked: Vec<&str> = nav
            .split("<summary aria-current=\"true\">")
            .skip(1)
            .map(|t| &t[..t.find("</summary>").expect("summary end")])
            .collect();
        assert_eq!(marked, grup.into_iter().collect::<Vec<_>>(), "{path}");
        // Closed on arrival: a dropdown must not cover the page.
        assert!(!nav.contains(" open"), "{path}");
    }
}

#[tokio::test]
async fn the_position_list_pages_a_hundred_at_a_time_with_its_filters() {
    let fx = Fixture::new().await;
    let s = masuk_sebagai(&fx, "admin").await;
    let actor = kompeten_store::Actor::system("uji");
    for k in 0..120 {
        fx.store
            .add_jabatan(
                fx.ids.a,
                &actor,
                &kompeten_store::NewJabatan {
                    kode: format!("J-ANALIS-{k:03}"),
                    nama: format!("Analis Uji {k:03}"),
                    tingkat: kompeten_domain::TingkatJabatan::fungsional(
                        kompeten_domain::JenjangFungsional::AhliPertama,
                    ),
                    unit: fx.ids.bidang,
                    kelas: Some(8),
                },
            )
            .await
            .expect("jabatan");
    }
    let total = fx
        .store
        .list_jabatan(fx.ids.a, &kompeten_store::JabatanQuery::default())
        .await
        .expect("list")
        .len();
    let baris = |body: &str| body.matches("<td data-label=\"Jabatan\">").count();
    let first = get(&fx.app, "/jabatan", s.c()).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(baris(&first.body), 100);
    assert!(
        first
            .body
            .contains(&format!("{total} jabatan; 1–100 ditampilkan"))
    );
    assert!(first.body.contains("Halaman 1 dari 2"));
    assert!(first.body.contains("href=\"/jabatan?halaman=2\""));
    let second = get(&fx.app, "/jabatan?halaman=2", s.c()).await;
    assert_eq!(baris(&second.body), total - 100);
    assert!(
        second
            .body
            .contains("href=\"/jabatan\" hx-get=\"/jabatan\"")
    );
    // Past the end: the last page. A bad number: the first, and a word why.
    let past = get(&fx.app, "/jabatan?halaman=9", s.c()).await;
    assert!(past.body.contains("Halaman 2 dari 2"));
    let bad = get(&fx.app, "/jabatan?halaman=x", s.c()).await;
    assert!(bad.body.contains("Nomor halaman tidak valid"));
    assert_eq!(baris(&bad.body), 100);
    // The links keep the filters; a narrow filter has one page.
    let analis = get(&fx.app, "/jabatan?q=Analis+Uji", s.c()).await;
    assert!(
        analis
            .body
            .contains("href=\"/jabatan?q=Analis%20Uji&#38;halaman=2\"")
    );
    let satu = get(&fx.app, "/jabatan?q=Uji+007", s.c()).await;
    assert_eq!(baris(&satu.body), 1);
    assert!(!satu.body.contains("Halaman 1 dari"));
}
