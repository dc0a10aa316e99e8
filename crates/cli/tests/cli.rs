//! The `kompeten` binary as a user runs it: exit codes, one-line errors,
//! and nothing half-written.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn kompeten(args: &[&str]) -> Output {
    kompeten_with_stdin(args, "")
}

fn kompeten_with_stdin(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kompeten"))
        .args(args)
        .env_remove("KOMPETEN_DATABASE_URL")
        .env_remove("KOMPETEN_PASSWORD")
        .env("KOMPETEN_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("the binary finishes")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Fails with exactly one line on standard error that contains `needle`.
fn assert_one_line_error(output: &Output, needle: &str) {
    assert!(
        !output.status.success(),
        "expected failure, got {:?}",
        output.status
    );
    let err = stderr(output);
    let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "expected one line, got: {err}");
    assert!(lines[0].starts_with("error: "), "{err}");
    assert!(lines[0].contains(needle), "expected {needle:?} in: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}", path.display())
}

fn fresh_database(dir: &Path) -> String {
    let url = sqlite_url(&dir.join("k.sqlite"));
    let out = kompeten(&["migrate", "--database-url", &url, "--create"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = kompeten(&[
        "instansi",
        "add",
        "--database-url",
        &url,
        "--kode",
        "sawahlunto",
        "--nama",
        "Pemerintah Kota Sawahlunto",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    url
}

#[test]
fn every_command_has_help() {
    for args in [
        vec!["--help"],
        vec!["demo", "--help"],
        vec!["serve", "--help"],
        vec!["migrate", "--help"],
        vec!["instansi", "add", "--help"],
        vec!["instansi", "list", "--help"],
        vec!["user", "add", "--help"],
        vec!["user", "password", "--help"],
        vec!["user", "list", "--help"],
        vec!["backup", "--help"],
        vec!["export", "gaps", "--help"],
        vec!["export", "needs", "--help"],
        vec!["export", "catalog", "--help"],
        vec!["export", "partners", "--help"],
        vec!["export", "master", "--help"],
        vec!["import", "assessments", "--help"],
        vec!["import", "master", "--help"],
        vec!["plan", "export-problem", "--help"],
    ] {
        let out = kompeten(&args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(stdout(&out).contains("Usage:"), "{args:?}");
    }
}

#[test]
fn serve_never_creates_a_database_from_a_mistyped_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("kompten.sqlite");
    let out = kompeten(&[
        "serve",
        "--database-url",
        &sqlite_url(&missing),
        "--bind",
        "127.0.0.1:0",
    ]);
    assert_one_line_error(&out, "does not exist");
    assert!(!missing.exists(), "serve must not create the file");
    let out = kompeten(&["migrate", "--database-url", &sqlite_url(&missing)]);
    assert_one_line_error(&out, "does not exist");
    assert!(
        !missing.exists(),
        "migrate without --create must not create the file"
    );
}

#[test]
fn a_file_that_is_not_a_database_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = dir.path().join("notes.sqlite");
    std::fs::write(
        &text,
        "this is not a database, just some notes\n".repeat(200),
    )
    .expect("write");
    let out = kompeten(&[
        "serve",
        "--database-url",
        &sqlite_url(&text),
        "--bind",
        "127.0.0.1:0",
    ]);
    assert_one_line_error(&out, "cannot use SQLite database");
    assert_eq!(
        std::fs::read_to_string(&text).expect("still there"),
        "this is not a database, just some notes\n".repeat(200),
        "the file is left as it was"
    );
}

#[test]
fn unknown_url_schemes_are_named() {
    let out = kompeten(&["serve", "--database-url", "mysql://root@localhost/k"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("unsupported database URL scheme \"mysql\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_port_in_use_is_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = fresh_database(dir.path());
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = taken.local_addr().expect("addr").to_string();
    let out = kompeten(&["serve", "--database-url", &url, "--bind", &addr]);
    assert_one_line_error(&out, &format!("cannot listen on {addr}"));
}

#[test]
fn accounts_are_created_with_a_password_from_stdin() {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = fresh_database(dir.path());
    let out = kompeten_with_stdin(
        &[
            "user",
            "add",
            "--database-url",
            &url,
            "--username",
            "admin.bkpsdm",
            "--nama",
            "Admin BKPSDM",
            "--role",
            "admin",
            "--password-stdin",
        ],
        "kata-sandi-yang-panjang\n",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let list = kompeten(&["user", "list", "--database-url", &url]);
    assert!(
        stdout(&list).contains("admin.bkpsdm\tadmin\taktif\tAdmin BKPSDM"),
        "{}",
        stdout(&list)
    );

    // The same username again is a conflict, and the first account stays.
    let again = kompeten_with_stdin(
        &[
            "user",
            "add",
            "--database-url",
            &url,
            "--username",
            "admin.bkpsdm",
            "--nama",
            "X",
            "--role",
            "auditor",
            "--password-stdin",
        ],
        "kata-sandi-yang-panjang\n",
    );
    assert_one_line_error(&again, "already exists");
    let list = kompeten(&["user", "list", "--database-url", &url]);
    assert_eq!(stdout(&list).lines().count(), 1);

    // A password set for someone else can oblige them to change it.
    let password = |extra: &'static [&'static str]| {
        let mut args = vec![
            "user",
            "password",
            "--database-url",
            &url,
            "--username",
            "admin.bkpsdm",
            "--password-stdin",
        ];
        args.extend_from_slice(extra);
        kompeten_with_stdin(&args, "kata-sandi-yang-lain-1\n")
    };
    let out = password(&["--must-change"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("must be changed again at the next login"));
    let list = kompeten(&["user", "list", "--database-url", &url]);
    assert!(
        stdout(&list).contains("admin.bkpsdm\tadmin\taktif, wajib ganti sandi\t"),
        "{}",
        stdout(&list)
    );
    let out = password(&[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let list = kompeten(&["user", "list", "--database-url", &url]);
    assert!(
        stdout(&list).contains("admin.bkpsdm\tadmin\taktif\tAdmin BKPSDM"),
        "{}",
        stdout(&list)
    );
}

#[test]
fn bad_account_input_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = fresh_database(dir.path());
    let short = kompeten_with_stdin(
        &[
            "user",
            "add",
            "--database-url",
            &url,
            "--username",
            "a",
            "--nama",
            "A",
            "--role",
            "admin",
            "--password-stdin",
        ],
        "pendek\n",
    );
    assert_one_line_error(&short, "at least 12 characters");

    let bad_nip = kompeten_with_stdin(
        &[
            "user",
            "add",
            "--database-url",
            &url,
            "--username",
            "p",
            "--nama",
            "P",
            "--role",
            "pegawai",
            "--nip",
            "19931312 202012 2 021",
            "--password-stdin",
        ],
        "kata-sandi-yang-panjang\n",
    );
    assert_one_line_error(&bad_nip, "not a possible birth date");

    let unknown_nip = kompeten_with_stdin(
        &[
            "user",
            "add",
            "--database-url",
            &url,
            "--username",
            "p",
            "--nama",
            "P",
            "--role",
            "pegawai",
            "--nip",
            "19930812 202012 2 021",
            "--password-stdin",
        ],
        "kata-sandi-yang-panjang\n",
    );
    assert_one_line_error(&unknown_nip, "no employee with NIP 19930812 202012 2 021");

    let no_unit = kompeten_with_stdin(
        &[
            "user",
            "add",
            "--database-url",
            &url,
            "--username",
            "k",
            "--nama",
            "K",
            "--role",
            "pimpinan",
            "--password-stdin",
        ],
        "kata-sandi-yang-panjang\n",
    );
    assert_one_line_error(&no_unit, "needs --unit");

    let bad_role = kompeten(&[
        "user",
        "add",
        "--database-url",
        &url,
        "--username",
        "x",
        "--nama",
        "X",
        "--role",
        "superuser",
        "--password-stdin",
    ]);
    assert!(!bad_role.status.success());
    assert!(
        stderr(&bad_role).contains("unknown role \"superuser\""),
        "{}",
        stderr(&bad_role)
    );

    let list = kompeten(&["user", "list", "--database-url", &url]);
    assert!(list.status.success());
    assert_eq!(stdout(&list), "", "no account was created");
}

#[test]
fn backups_are_complete_copies_and_never_overwrite() {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = fresh_database(dir.path());
    let copy = dir.path().join("copy.sqlite");
    let out = kompeten(&[
        "backup",
        "--database-url",
        &url,
        "--out",
        &copy.display().to_string(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let listed = kompeten(&["instansi", "list", "--database-url", &sqlite_url(&copy)]);
    assert!(stdout(&listed).contains("sawahlunto\tPemerintah Kota Sawahlunto"));
    let again = kompeten(&[
        "backup",
        "--database-url",
        &url,
        "--out",
        &copy.display().to_string(),
    ]);
    assert_one_line_error(&again, "already exists");
}

#[test]
fn the_demo_is_created_once_and_reused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("demo.sqlite");
    let db_arg = db.display().to_string();
    let first = kompeten(&["demo", "--database", &db_arg, "--no-serve"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let text = stdout(&first);
    assert!(text.contains("Membuat data demo"), "{text}");
    assert!(text.contains("admin.bkpsdm"), "{text}");
    assert!(db.exists());
    assert!(!dir.path().join("demo.sqlite.partial").exists());

    let second = kompeten(&["demo", "--database", &db_arg, "--no-serve"]);
    assert!(second.status.success(), "{}", stderr(&second));
    assert!(stdout(&second).contains("sudah ada"), "{}", stdout(&second));

    let url = sqlite_url(&db);
    let users = kompeten(&["user", "list", "--database-url", &url]);
    for role in ["admin", "pimpinan", "pegawai", "mitra", "auditor"] {
        assert!(
            stdout(&users).contains(&format!("\t{role}\t")),
            "{role}: {}",
            stdout(&users)
        );
    }
    // The per-employee gap table of the demo, as CSV and XLSX.
    let csv_path = dir.path().join("gaps.csv");
    let csv_arg = csv_path.display().to_string();
    let args = [
        "export",
        "gaps",
        "--database-url",
        &url,
        "--out",
        &csv_arg,
        "--date",
        "2026-11-27",
    ];
    let out = kompeten(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(&csv_path).expect("csv written");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "BOM for Excel");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        &header[..7],
        [
            "NIP",
            "Nama",
            "OPD",
            "Unit kerja",
            "Jabatan",
            "JPM (%)",
            "Kategori"
        ]
    );
    assert!(header.iter().any(|h| h.ends_with(" wajib")), "{header:?}");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let reported: usize = stdout(&out)
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .expect("count printed");
    assert_eq!(rows.len(), reported);
    assert!(rows.len() > 2000, "the demo has about 2,400 active ASN");
    for r in &rows {
        assert_eq!(r.len(), header.len());
        assert_eq!(r[0].len(), 18, "NIP as 18 digits: {r:?}");
    }
    // Every category is one of the mapping scale's, or a reason for no JPM.
    assert!(rows.iter().any(|r| &r[6] == "Optimal"));
    assert!(rows.iter().any(|r| r[5].is_empty() && !r[6].is_empty()));

    let again = kompeten(&args);
    assert_one_line_error(&again, "already exists");
    let xlsx = dir.path().join("gaps.xlsx");
    let xlsx_arg = xlsx.display().to_string();
    let out = kompeten(&["export", "gaps", "--database-url", &url, "--out", &xlsx_arg]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read(&xlsx).expect("xlsx").starts_with(b"PK"));
    let pdf = dir.path().join("gaps.pdf").display().to_string();
    let out = kompeten(&["export", "gaps", "--database-url", &url, "--out", &pdf]);
    assert_one_line_error(&out, ".csv or .xlsx");

    // The plan problem of the demo, from its gaps and catalog, and its plan.
    let problem = dir.path().join("masalah.json");
    let problem_arg = problem.display().to_string();
    let out = kompeten(&[
        "plan",
        "export-problem",
        "--database-url",
        &url,
        "--budget",
        "500.000.000",
        "--date",
        "2026-11-27",
        "--out",
        &problem_arg,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("with gaps"), "{}", stdout(&out));
    let p: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&problem).expect("problem")).expect("JSON");
    assert_eq!(p["format"], "kompeten.plan-problem/v1");
    assert_eq!(p["budget"], 500_000_000);
    let employees = p["employees"].as_array().expect("employees");
    assert!(employees.len() > 2000, "{}", employees.len());
    assert!(
        employees
            .iter()
            .all(|e| e["id"].as_str().is_some_and(|n| n.len() == 18))
    );
    let with_gaps = employees
        .iter()
        .filter(|e| !e["gaps"].as_array().expect("gaps").is_empty())
        .count();
    assert!(with_gaps > 100, "{with_gaps}");
    assert!(p["programs"].as_array().expect("programs").len() >= 60);
    let answer = dir.path().join("rencana.json");
    let answer_arg = answer.display().to_string();
    let out = kompeten(&[
        "plan",
        "solve",
        "--problem",
        &problem_arg,
        "--out",
        &answer_arg,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let a: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&answer).expect("answer")).expect("JSON");
    let cost = a["cost"].as_i64().expect("cost");
    assert!(cost > 0 && cost <= 500_000_000, "{cost}");
    let value = a["value"].as_f64().expect("value");
    assert!(value > 0.0 && a["bound"].as_f64().expect("bound") >= value);

    plan_versions_of_the_demo(dir.path(), &url);
    development_tables_of_the_demo(dir.path(), &url);
    assessments_imported_into_the_demo(dir.path(), &url);
    master_data_of_the_demo_round_trips(dir.path(), &url);
}

/// The demo's master data exported, imported into a new instansi and
/// exported again gives the same workbook: nothing is lost on the way.
fn master_data_of_the_demo_round_trips(dir: &Path, url: &str) {
    let export = |instansi: &str, file: &str| {
        let path = dir.join(file);
        let out = kompeten(&[
            "export",
            "master",
            "--database-url",
            url,
            "--instansi",
            instansi,
            "--out",
            path.to_str().expect("path"),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        path
    };
    let sawahlunto = export("sawahlunto", "induk-sawahlunto.xlsx");
    let out = kompeten(&[
        "instansi",
        "add",
        "--database-url",
        url,
        "--kode",
        "salinan",
        "--nama",
        "Salinan Sawahlunto",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = kompeten(&[
        "import",
        "master",
        "--database-url",
        url,
        "--instansi",
        "salinan",
        "--file",
        sawahlunto.to_str().expect("path"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("for salinan: 70 competencies"), "{text}");
    let salinan = export("salinan", "induk-salinan.xlsx");
    let baca = |path: &Path| {
        let bytes = std::fs::read(path).expect("read");
        kompeten_io::data_induk::baca_berkas(&[("induk.xlsx".to_owned(), bytes)], 1_000_000)
            .expect("a master-data workbook")
    };
    let (a, b) = (baca(&sawahlunto), baca(&salinan));
    assert_eq!(a.len(), 5);
    for ((lembar, x), (_, y)) in a.iter().zip(&b) {
        assert!(!x.baris.is_empty(), "{lembar:?}");
        assert_eq!(x, y, "{lembar:?}");
    }
    // Exports never overwrite, and the five sheets need XLSX.
    let out = kompeten(&[
        "export",
        "master",
        "--database-url",
        url,
        "--instansi",
        "salinan",
        "--out",
        salinan.to_str().expect("path"),
    ]);
    assert_one_line_error(&out, "already exists");
    let out = kompeten(&[
        "export",
        "master",
        "--database-url",
        url,
        "--instansi",
        "salinan",
        "--out",
        dir.join("induk.csv").to_str().expect("path"),
    ]);
    assert_one_line_error(&out, "write it to a .xlsx file");
}

/// A file of assessment results: recorded whole, refused whole, and never
/// recorded twice.
fn assessments_imported_into_the_demo(dir: &Path, url: &str) {
    let (_, rows) = csv_export(&dir.join("kebutuhan.csv"));
    let nip = rows[0][0].to_owned();
    let import = |file: &str, text: &str| {
        let path = dir.join(file);
        std::fs::write(&path, text).expect("write the file");
        let path_arg = path.display().to_string();
        kompeten(&[
            "import",
            "assessments",
            "--database-url",
            url,
            "--file",
            &path_arg,
            "--date",
            "2026-11-27",
        ])
    };
    let header = "NIP;Kode kompetensi;Level;Metode;Tanggal;Asesor;Catatan bukti";
    let good = format!(
        "{header}\n{nip};M.01;3;Assessment Center;01/10/2026;Tim Uji;BA 1\n{nip};M.02;4;cact;2026-10-01;Tim Uji;\n"
    );
    let out = import("hasil.csv", &good);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("2 assessments recorded"),
        "{}",
        stdout(&out)
    );
    // The same file again: refused, row by row, in English.
    let out = import("hasil.csv", &good);
    assert_one_line_error(&out, "2 refused cells; nothing recorded");
    assert!(
        stdout(&out).contains("row 2, column Baris: already recorded"),
        "{}",
        stdout(&out)
    );
    // One bad row refuses the file; its good row is then still new.
    let out = import(
        "campur.csv",
        &format!(
            "{header}\n{nip};M.03;2;cact;2026-10-01;Tim Uji;\n{nip};M.04;9;cact;2026-10-01;Tim Uji;\n"
        ),
    );
    assert_one_line_error(&out, "1 refused cell; nothing recorded");
    assert!(
        stdout(&out).contains("row 3, column Level: must be a whole number from 1 to 5"),
        "{}",
        stdout(&out)
    );
    let out = import(
        "satu.csv",
        &format!("{header}\n{nip};M.03;2;cact;2026-10-01;Tim Uji;\n"),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("1 assessment recorded"));
    let out = import("hasil.pdf", "x");
    assert_one_line_error(&out, "must be .csv or .xlsx");
}

/// Reads a CSV export (after its byte-order mark): header and rows.
fn csv_export(path: &Path) -> (Vec<String>, Vec<csv::StringRecord>) {
    let bytes = std::fs::read(path).expect("csv written");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "BOM for Excel");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader.records().map(|r| r.expect("row")).collect();
    (header, rows)
}

/// The needs (AKPK), the catalog and the partners of the demo, as the web
/// downloads them.
fn development_tables_of_the_demo(dir: &Path, url: &str) {
    let export = |what: &str, file: &str, extra: &[&str]| {
        let path = dir.join(file);
        let path_arg = path.display().to_string();
        let mut args = vec![
            "export",
            what,
            "--database-url",
            url,
            "--out",
            &path_arg,
            "--date",
            "2026-11-27",
        ];
        args.extend_from_slice(extra);
        (kompeten(&args), path)
    };
    let (out, path) = export("needs", "kebutuhan.csv", &["--year", "2027"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (header, rows) = csv_export(&path);
    assert_eq!(&header[..3], ["NIP", "Nama", "OPD"]);
    let naik = header
        .iter()
        .position(|h| h == "Naik level")
        .expect("levels");
    assert!(rows.len() > 500, "{}", rows.len());
    assert!(
        rows.iter()
            .all(|r| r[0].len() == 18 && r[naik].parse::<u32>().is_ok_and(|n| n >= 1))
    );
    assert!(stdout(&out).contains("(2027)"), "{}", stdout(&out));
    // One OPD: only its rows.
    let (out, path) = export("needs", "kebutuhan-setda.csv", &["--opd", "SETDA"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (_, setda) = csv_export(&path);
    assert!(!setda.is_empty() && setda.len() < rows.len());
    assert!(setda.iter().all(|r| &r[2] == "Sekretariat Daerah"));
    let (out, _) = export("needs", "x.csv", &["--opd", "SETDA.PEM"]);
    assert_one_line_error(&out, "is not an OPD");
    let (out, _) = export("needs", "y.csv", &["--opd", "TIDAK-ADA"]);
    assert_one_line_error(&out, "no unit with code");
    assert!(!dir.join("x.csv").exists() && !dir.join("y.csv").exists());

    let (out, path) = export("catalog", "katalog.csv", &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (header, rows) = csv_export(&path);
    assert_eq!(&header[..3], ["Kode", "Judul", "Penyelenggara"]);
    assert!(rows.len() >= 60, "{}", rows.len());

    let (out, path) = export("partners", "mitra.xlsx", &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read(&path).expect("xlsx").starts_with(b"PK"));
    let (out, path) = export("partners", "mitra.csv", &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (header, rows) = csv_export(&path);
    let status = header.iter().position(|h| h == "Status").expect("status");
    assert!(rows.iter().any(|r| &r[status] == "Berlaku"), "{rows:?}");
    assert!(rows.iter().all(|r| {
        [
            "",
            "Belum berlaku",
            "Berlaku",
            "Segera berakhir",
            "Berakhir",
        ]
        .contains(&&r[status])
    }));
    assert!(rows.iter().any(|r| r[1].contains("Universitas Andalas")));
}

/// A stored plan version of the demo (loaded once, by the test above):
/// made, listed and exported in every format.
fn plan_versions_of_the_demo(dir: &Path, url: &str) {
    let out = kompeten(&[
        "plan",
        "create",
        "--database-url",
        url,
        "--budget",
        "40.000.000",
        "--name",
        "Rencana uji CLI",
        "--date",
        "2026-11-27",
        // Enough for the test; fewer rounds keep it quick.
        "--target-gap",
        "15",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let created = stdout(&out);
    let id: String = created
        .strip_prefix("plan ")
        .and_then(|t| t.split(':').next())
        .expect("plan id printed")
        .to_owned();
    assert!(id.parse::<i64>().is_ok(), "{created}");

    let out = kompeten(&["plan", "list", "--database-url", url]);
    assert!(out.status.success(), "{}", stderr(&out));
    let listed = stdout(&out);
    let header: Vec<&str> = listed.lines().next().expect("header").split('\t').collect();
    assert_eq!(header.len(), 11, "{listed}");
    let row: Vec<&str> = listed
        .lines()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .find(|f| f[0] == id)
        .expect("the new version is listed");
    assert_eq!(row.len(), header.len(), "{listed}");
    // November plans are for the next year.
    assert_eq!(&row[1..5], ["2027", "1", "Rencana uji CLI", "draf"]);
    assert_eq!(row[5], "40000000");
    let cost: i64 = row[6].parse().expect("cost");
    assert!(cost > 0 && cost <= 40_000_000, "{cost}");
    let value: f64 = row[7].parse().expect("value");
    let bound: f64 = row[8].parse().expect("bound");
    assert!(value > 0.0 && bound >= value, "{listed}");
    let assignments: usize = row[10].parse().expect("assignments");
    assert!(assignments > 0);
    let out = kompeten(&["plan", "list", "--database-url", url, "--year", "2030"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 1, "only the header");

    let export = |file: &str| {
        let path = dir.join(file);
        let out = kompeten(&[
            "plan",
            "export",
            "--database-url",
            url,
            "--id",
            &id,
            "--out",
            &path.display().to_string(),
        ]);
        assert!(out.status.success(), "{file}: {}", stderr(&out));
        std::fs::read(&path).expect("export written")
    };
    assert!(export("rencana.xlsx").starts_with(b"PK"));
    // Every assignment, with its share of the cost.
    let bytes = export("rencana.csv");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "BOM for Excel");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let columns = reader.headers().expect("header").clone();
    assert_eq!(&columns[0], "NIP");
    assert_eq!(&columns[6], "Biaya (Rp)");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), assignments);
    let total: i64 = rows
        .iter()
        .map(|r| r[6].parse::<i64>().expect("cost"))
        .sum();
    // Each row is rounded to the rupiah.
    assert!(
        (total - cost).abs() <= rows.len() as i64,
        "{total} vs {cost}"
    );
    let mps = String::from_utf8(export("rencana.mps")).expect("text");
    assert!(mps.starts_with("NAME"), "{}", &mps[..mps.len().min(80)]);
    assert!(mps.contains("RHS BUDGET 40000000"));
    let p: serde_json::Value = serde_json::from_slice(&export("masalah-v1.json")).expect("JSON");
    assert_eq!(p["format"], "kompeten.plan-problem/v1");
    assert_eq!(p["budget"], 40_000_000);

    let again = kompeten(&[
        "plan",
        "export",
        "--database-url",
        url,
        "--id",
        &id,
        "--out",
        &dir.join("rencana.csv").display().to_string(),
    ]);
    assert_one_line_error(&again, "already exists");
    let unknown = dir.join("nope.xlsx").display().to_string();
    let out = kompeten(&[
        "plan",
        "export",
        "--database-url",
        url,
        "--id",
        "999999",
        "--out",
        &unknown,
    ]);
    assert_one_line_error(&out, "no plan with id 999999");
    assert!(!dir.join("nope.xlsx").exists());
    let out = kompeten(&[
        "plan",
        "export",
        "--database-url",
        url,
        "--id",
        &id,
        "--out",
        "rencana.pdf",
    ]);
    assert_one_line_error(&out, ".xlsx, .csv, .mps or .json");
    let out = kompeten(&[
        "plan",
        "create",
        "--database-url",
        url,
        "--instansi",
        "bukan-instansi",
        "--name",
        "X",
    ]);
    assert_one_line_error(&out, "no instansi with code \"bukan-instansi\"");
}

// ------------------------------------------------------- kompeten plan

/// The worked example of docs/PLANNING.md (best value 7.0 at 3,800,000).
const PLAN_PROBLEM: &str = r#"{
  "format": "kompeten.plan-problem/v1",
  "budget": 10000000,
  "jp_target": 20,
  "jp_value": 0.05,
  "employees": [
    {"id": "E1", "unit": "A", "jp_done": 10, "jp_cap": 30,
     "gaps": [{"competency": "C1", "gap": 2, "weight": 1.5},
              {"competency": "C2", "gap": 1, "weight": 1.0}]},
    {"id": "E2", "unit": "B", "jp_done": 25, "jp_cap": 10,
     "gaps": [{"competency": "C1", "gap": 1, "weight": 2.0}]},
    {"id": "E3", "unit": "A", "jp_done": 0, "jp_cap": 40, "gaps": []}
  ],
  "programs": [
    {"id": "P1", "jp": 8, "cost_per_participant": 1000000, "batch_cost": 2000000,
     "batch_size": 2, "max_batches": 1, "covers": [{"competency": "C1", "levels": 1}]},
    {"id": "P2", "jp": 16, "cost_per_participant": 500000,
     "covers": [{"competency": "C1", "levels": 2}, {"competency": "C2", "levels": 1}],
     "eligible_units": ["A"]},
    {"id": "P3", "jp": 10, "cost_per_participant": 0, "batch_cost": 300000,
     "batch_size": null, "open_to_all": true}
  ]
}"#;

fn plan_problem_file(dir: &Path, text: &str) -> String {
    let path = dir.join("problem.json");
    std::fs::write(&path, text).expect("write problem");
    path.display().to_string()
}

#[test]
fn plan_solve_writes_the_answer_and_a_summary() {
    let dir = tempfile::tempdir().expect("tempdir");
    let problem = plan_problem_file(dir.path(), PLAN_PROBLEM);
    let answer = dir.path().join("answer.json");
    let out = kompeten(&[
        "plan",
        "solve",
        "--problem",
        &problem,
        "--out",
        &answer.display().to_string(),
        "--time-limit",
        "30",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let summary = stdout(&out);
    assert_eq!(summary.lines().count(), 1, "{summary}");
    assert!(
        summary.starts_with(
            "value 7.0000, bound 7.0000, gap 0.00%, cost 3800000 of 10000000 rupiah, 3 assignments"
        ),
        "{summary}"
    );
    let json = std::fs::read_to_string(&answer).expect("answer written");
    assert!(
        json.contains("\"format\": \"kompeten.plan-answer/v1\""),
        "{json}"
    );
    assert!(
        json.contains("\"employee\": \"E2\",\n      \"program\": \"P1\""),
        "{json}"
    );
    assert!(!dir.path().join("answer.json.tmp").exists());

    // Without --out the answer goes to standard output, the summary to standard error.
    let out = kompeten(&["plan", "solve", "--problem", &problem]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim_end(),
        json.trim_end(),
        "same answer every run"
    );
    assert!(stderr(&out).starts_with("value 7.0000"), "{}", stderr(&out));
}

#[test]
fn plan_solve_names_the_field_of_a_malformed_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let problem = plan_problem_file(
        dir.path(),
        &PLAN_PROBLEM.replace("\"batch_size\": 2", "\"batch_size\": \"two\""),
    );
    let out = kompeten(&["plan", "solve", "--problem", &problem]);
    assert_one_line_error(
        &out,
        "malformed problem at programs[0].batch_size (id \"P1\")",
    );
    assert!(stdout(&out).is_empty());

    let problem = plan_problem_file(dir.path(), "{\"format\": ");
    let out = kompeten(&["plan", "solve", "--problem", &problem]);
    assert_one_line_error(&out, "line 1 column 11");
}

#[test]
fn plan_solve_names_the_record_of_an_invalid_value() {
    let dir = tempfile::tempdir().expect("tempdir");
    let problem = plan_problem_file(
        dir.path(),
        &PLAN_PROBLEM.replace("\"batch_size\": null", "\"batch_size\": 0"),
    );
    let answer = dir.path().join("answer.json");
    let out = kompeten(&[
        "plan",
        "solve",
        "--problem",
        &problem,
        "--out",
        &answer.display().to_string(),
    ]);
    assert_one_line_error(
        &out,
        "programs[2] (id \"P3\"): batch_size must be at least 1, got 0",
    );
    assert!(!answer.exists(), "nothing written");

    let problem = plan_problem_file(
        dir.path(),
        &PLAN_PROBLEM.replace("\"budget\": 10000000", "\"budget\": -1"),
    );
    let out = kompeten(&["plan", "solve", "--problem", &problem]);
    assert_one_line_error(&out, "budget must not be negative");

    let out = kompeten(&["plan", "solve", "--problem", "/nonexistent/problem.json"]);
    assert_one_line_error(&out, "cannot read /nonexistent/problem.json");

    let out = kompeten(&[
        "plan",
        "solve",
        "--problem",
        &problem,
        "--time-limit",
        "soon",
    ]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("not a number of seconds"));
}

#[test]
fn plan_has_help() {
    for args in [vec!["plan", "--help"], vec!["plan", "solve", "--help"]] {
        let out = kompeten(&args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(stdout(&out).contains("Usage:"), "{args:?}");
    }
}

#[test]
fn plan_export_mps_and_generate_write_their_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let problem = plan_problem_file(dir.path(), PLAN_PROBLEM);
    let mps = dir.path().join("plan.mps");
    let out = kompeten(&[
        "plan",
        "export-mps",
        "--problem",
        &problem,
        "--out",
        &mps.display().to_string(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("6 binary choices, 3 programs"),
        "{}",
        stdout(&out)
    );
    let text = std::fs::read_to_string(&mps).expect("mps written");
    assert!(text.starts_with("NAME kompeten-plan\n"), "{text}");
    assert!(text.contains("    RHS BUDGET 10000000\n"), "{text}");
    assert!(text.ends_with("ENDATA\n"), "{text}");

    let bad = plan_problem_file(
        dir.path(),
        &PLAN_PROBLEM.replace("\"levels\": 1", "\"levels\": 0"),
    );
    let out = kompeten(&[
        "plan",
        "export-mps",
        "--problem",
        &bad,
        "--out",
        "/tmp/never.mps",
    ]);
    assert_one_line_error(
        &out,
        "programs[0] (id \"P1\"): covers[0].levels must be at least 1",
    );

    let generated = dir.path().join("city.json");
    let out = kompeten(&[
        "plan",
        "generate",
        "--scale",
        "city",
        "--seed",
        "3",
        "--out",
        &generated.display().to_string(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("2400 employees, 80 programs"),
        "{}",
        stdout(&out)
    );
    let first = std::fs::read(&generated).expect("generated");
    let out = kompeten(&[
        "plan",
        "generate",
        "--scale",
        "city",
        "--seed",
        "3",
        "--out",
        &generated.display().to_string(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(&generated).expect("generated"),
        first,
        "same seed, same file"
    );
}

#[test]
fn plan_version_commands_have_help_and_check_their_arguments() {
    for cmd in ["list", "create", "export"] {
        let out = kompeten(&["plan", cmd, "--help"]);
        assert!(out.status.success(), "{cmd}: {}", stderr(&out));
        assert!(stdout(&out).contains("--database-url"), "{cmd}");
    }
    // Refused before any database is opened.
    let out = kompeten(&[
        "plan",
        "create",
        "--database-url",
        "sqlite:///nonexistent/k.sqlite",
        "--name",
        "  ",
    ]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("the name is empty"),
        "{}",
        stderr(&out)
    );
    let out = kompeten(&[
        "plan",
        "list",
        "--database-url",
        "sqlite:///nonexistent/k.sqlite",
        "--year",
        "1999",
    ]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("between 2000 and 2100"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn master_data_brings_a_new_instansi_to_life_all_or_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = fresh_database(dir.path());
    let template = dir.path().join("data-induk.xlsx");
    let t = template.to_str().expect("utf-8 path");
    let out = kompeten(&["import", "master", "--database-url", &url, "--template", t]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::metadata(&template).expect("written").len() > 1000);
    // The empty template imports nothing, and says so.
    let out = kompeten(&["import", "master", "--database-url", &url, "--file", t]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("0 competencies, 0 units"),
        "{}",
        stdout(&out)
    );
    // The template is never overwritten.
    let out = kompeten(&["import", "master", "--database-url", &url, "--template", t]);
    assert_one_line_error(&out, "exists");

    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        path.to_str().expect("utf-8 path").to_owned()
    };
    let unit = write(
        "unit.csv",
        "kode;nama;jenis;kode_induk;urut\nKOMINFO-APTIKA;Bidang Aptika;bidang;KOMINFO;\nKOMINFO;Dinas Komunikasi dan Informatika;dinas;;1\n",
    );
    let jabatan = write(
        "jabatan.csv",
        "kode,nama,jenis,kode_unit,jenjang,kelas\nJ-PRAKOM,Pranata Komputer,fungsional,KOMINFO-APTIKA,ahli pertama,9\n",
    );
    let bad = write(
        "pegawai.csv",
        "nip,nama,golongan,kode_unit,pendidikan,kode_jabatan\n199004102015032001,Rina,III/a,KOMINFO-APTIKA,S-1,J-PRAKOM\n19900410,Pendek,III/a,KOMINFO,S-1,\n",
    );
    let out = kompeten(&[
        "import",
        "master",
        "--database-url",
        &url,
        "--file",
        &unit,
        "--file",
        &jabatan,
        "--file",
        &bad,
    ]);
    assert_one_line_error(&out, "1 refused cell; nothing imported");
    assert!(
        stdout(&out).contains("sheet Pegawai, row 3, column nip: a NIP has 18 digits"),
        "{}",
        stdout(&out)
    );
    let good = write(
        "pegawai.csv",
        "nip,nama,golongan,kode_unit,pendidikan,kode_jabatan\n199004102015032001,Rina,III/a,KOMINFO-APTIKA,S-1,J-PRAKOM\n",
    );
    let args = [
        "import",
        "master",
        "--database-url",
        &url,
        "--file",
        &unit,
        "--file",
        &jabatan,
        "--file",
        &good,
    ];
    let out = kompeten(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("0 competencies, 2 units, 1 positions, 0 standards, 1 employees"),
        "{}",
        stdout(&out)
    );
    // Nothing of the refused run was left behind, and a second run of the
    // same files is refused whole: the codes and the NIP exist now.
    let out = kompeten(&args);
    assert_one_line_error(&out, "4 refused cells; nothing imported");
    assert!(
        stdout(&out).contains("code KOMINFO already exists"),
        "{}",
        stdout(&out)
    );
    let gaps = dir.path().join("gaps.csv");
    let out = kompeten(&[
        "export",
        "gaps",
        "--database-url",
        &url,
        "--out",
        gaps.to_str().expect("path"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (_, rows) = csv_export(&gaps);
    assert_eq!(rows.len(), 1);
    assert!(rows[0].iter().any(|c| c == "Rina"), "{:?}", rows[0]);
}
