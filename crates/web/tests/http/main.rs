//! In-process HTTP tests of the web crate: `router(state)` driven with
//! `tower::ServiceExt::oneshot` over a SQLite fixture and a fixed clock.

mod akun;
mod analitik;
mod api;
mod auth;
mod data_induk;
mod fixture;
mod impor;
mod jpm;
mod katalog;
mod kebutuhan;
mod kecocokan;
mod mitra;
mod pages;
mod peta;
mod rencana;
mod sandi;
mod scope;
mod sebaran;
mod tulis;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use fixture::{Fixture, SANDI_A};
use http_body_util::BodyExt;
use kompeten_store::InstansiId;
use tower::ServiceExt;

/// A response with its body read.
pub struct Jawab {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Jawab {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn location(&self) -> Option<&str> {
        self.header("location")
    }

    /// Every `Set-Cookie` value.
    pub fn set_cookies(&self) -> Vec<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_owned))
            .collect()
    }

    /// The `Set-Cookie` value for `name`, if any.
    pub fn set_cookie(&self, name: &str) -> Option<String> {
        self.set_cookies()
            .into_iter()
            .find(|c| c.starts_with(&format!("{name}=")))
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

pub async fn kirim(app: &Router, req: Request<Body>) -> Jawab {
    let res = app.clone().oneshot(req).await.expect("infallible router");
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.expect("body").to_bytes();
    Jawab {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

/// Posts a multipart form to `uri`: the CSRF token and each file as `berkas`.
pub async fn unggah_berkas(
    app: &Router,
    uri: &str,
    cookie: Option<&str>,
    csrf: &str,
    berkas: &[(&str, &[u8])],
) -> Jawab {
    let batas = "----kompetenuji7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    body.extend_from_slice(
        format!("--{batas}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n")
            .as_bytes(),
    );
    for (nama, isi) in berkas {
        body.extend_from_slice(
            format!(
                "--{batas}\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"{nama}\"\r\n\
                 Content-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(isi);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{batas}--\r\n").as_bytes());
    let mut req = Request::builder().method("POST").uri(uri).header(
        header::CONTENT_TYPE,
        format!("multipart/form-data; boundary={batas}"),
    );
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    kirim(app, req.body(Body::from(body)).expect("request")).await
}

pub async fn get(app: &Router, path: &str, cookie: Option<&str>) -> Jawab {
    let mut req = Request::get(path);
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    kirim(app, req.body(Body::empty()).expect("request")).await
}

pub async fn post_form(
    app: &Router,
    path: &str,
    cookie: Option<&str>,
    form: &[(&str, &str)],
) -> Jawab {
    let body: Vec<String> = form
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect();
    let mut req =
        Request::post(path).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    kirim(app, req.body(Body::from(body.join("&"))).expect("request")).await
}

pub fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The value of the first hidden `csrf` field in a page.
pub fn csrf_di(html: &str) -> String {
    let marker = "name=\"csrf\" value=\"";
    let start = html
        .find(marker)
        .unwrap_or_else(|| panic!("no csrf field in {html}"))
        + marker.len();
    html[start..].split('"').next().expect("value").to_owned()
}

/// `name=value` from a `Set-Cookie` header, for sending back.
pub fn cookie_pair(set_cookie: &str) -> String {
    set_cookie
        .split(';')
        .next()
        .expect("pair")
        .trim()
        .to_owned()
}

/// Logs in through the form (GET for the token, then POST); returns the POST answer.
pub async fn coba_masuk(
    app: &Router,
    instansi: Option<InstansiId>,
    username: &str,
    password: &str,
    next: &str,
) -> Jawab {
    let form = get(app, &format!("/masuk?next={}", enc(next)), None).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    let csrf_cookie = cookie_pair(
        &form
            .set_cookie("kompeten_csrf")
            .expect("login form sets the csrf cookie"),
    );
    let token = csrf_di(&form.body);
    let id = instansi.map(|i| i.0.to_string()).unwrap_or_default();
    post_form(
        app,
        "/masuk",
        Some(&csrf_cookie),
        &[
            ("csrf", &token),
            ("next", next),
            ("instansi", &id),
            ("username", username),
            ("password", password),
        ],
    )
    .await
}

/// A signed-in session: the cookie to send and the form token of its pages.
pub struct Masuk {
    pub cookie: String,
}

impl Masuk {
    pub fn c(&self) -> Option<&str> {
        Some(&self.cookie)
    }
}

pub async fn masuk_sebagai(fx: &Fixture, username: &str) -> Masuk {
    masuk_di(&fx.app, fx.ids.a, username, SANDI_A).await
}

pub async fn masuk_di(app: &Router, instansi: InstansiId, username: &str, password: &str) -> Masuk {
    let res = coba_masuk(app, Some(instansi), username, password, "/").await;
    assert_eq!(
        res.status,
        StatusCode::SEE_OTHER,
        "login of {username} failed: {}",
        res.body
    );
    let cookie = cookie_pair(&res.set_cookie("kompeten_sesi").expect("session cookie"));
    Masuk { cookie }
}

/// Every NIP of the fixture as shown on pages (grouped) and as digits.
pub fn semua_nip() -> Vec<&'static str> {
    vec![
        "19850115 201001 1 003",
        "19930812 202012 2 021",
        "19950607 202521 2 097",
        "19770203 199903 1 004",
        "19900410 201503 2 001",
        "19881120 202321 1 005",
        "198501152010011003",
        "199308122020122021",
        "199506072025212097",
        "197702031999031004",
        "199004102015032001",
        "198811202023211005",
    ]
}
