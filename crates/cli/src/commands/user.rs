use super::{DatabaseArg, cli_actor, pick_instansi};
use anyhow::{Context, Result, bail};
use kompeten_domain::{Nip, Role};
use kompeten_store::sqlite::OpenMode;
use kompeten_store::{NewAccount, Store};
use std::io::BufRead;
use std::sync::Arc;

use kompeten_web::auth::MIN_PASSWORD_CHARS;

#[derive(clap::Subcommand)]
pub enum Command {
    /// Create an account. The password is read from standard input
    /// (--password-stdin) or from KOMPETEN_PASSWORD, never from an argument.
    Add(AddArgs),
    /// Set a new password for an account (read like `user add`).
    Password(PasswordArgs),
    /// Deactivate an account: it can no longer log in, and its open
    /// sessions end at once. Its history stays.
    Deactivate(AccountArgs),
    /// Let a deactivated account log in again.
    Activate(AccountArgs),
    /// List the accounts of an instansi.
    List {
        #[command(flatten)]
        db: DatabaseArg,
        /// Instansi code; may be omitted when there is only one.
        #[arg(long)]
        instansi: Option<String>,
    },
}

#[derive(clap::Args)]
pub struct AddArgs {
    #[command(flatten)]
    db: DatabaseArg,
    /// Instansi code; may be omitted when there is only one.
    #[arg(long)]
    instansi: Option<String>,
    #[arg(long)]
    username: String,
    /// Name shown in the application.
    #[arg(long)]
    nama: String,
    /// admin (BKPSDM), pimpinan (OPD head), pegawai, mitra or auditor.
    #[arg(long, value_parser = parse_role)]
    role: Role,
    /// Code of the unit a pimpinan leads (required for pimpinan).
    #[arg(long)]
    unit: Option<String>,
    /// NIP of the employee behind a pegawai account (required for pegawai).
    #[arg(long)]
    nip: Option<String>,
    /// Code of the partner institution a mitra account acts for (required
    /// for mitra, refused for other roles).
    #[arg(long)]
    mitra: Option<String>,
    #[command(flatten)]
    password: PasswordSource,
}

#[derive(clap::Args)]
pub struct PasswordArgs {
    #[command(flatten)]
    account: AccountArgs,
    #[command(flatten)]
    password: PasswordSource,
}

#[derive(clap::Args)]
pub struct AccountArgs {
    #[command(flatten)]
    db: DatabaseArg,
    /// Instansi code; may be omitted when there is only one.
    #[arg(long)]
    instansi: Option<String>,
    #[arg(long)]
    username: String,
}

#[derive(clap::Args)]
pub struct PasswordSource {
    /// Read the password from the first line of standard input.
    #[arg(long)]
    password_stdin: bool,
    /// The account must choose its own password at its next login (for a
    /// password chosen on someone else's behalf).
    #[arg(long)]
    must_change: bool,
}

impl PasswordSource {
    fn read(&self) -> Result<String> {
        let password = if self.password_stdin {
            let mut line = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut line)
                .context("cannot read standard input")?;
            line.trim_end_matches(['\r', '\n']).to_owned()
        } else if let Ok(p) = std::env::var("KOMPETEN_PASSWORD") {
            p
        } else {
            bail!(
                "give the password on standard input with --password-stdin, or in KOMPETEN_PASSWORD"
            );
        };
        if password.chars().count() < MIN_PASSWORD_CHARS {
            bail!("the password must have at least {MIN_PASSWORD_CHARS} characters");
        }
        Ok(password)
    }
}

fn parse_role(s: &str) -> Result<Role, String> {
    Role::from_code(s).map_err(|_| {
        let codes: Vec<&str> = Role::ALL.iter().map(|r| r.code()).collect();
        format!("unknown role {s:?}; use one of {}", codes.join(", "))
    })
}

fn parse_nip(s: &str) -> Result<Nip> {
    // Try PNS first; a PPPK number fails only on the appointment segment.
    Nip::parse_pns(s)
        .or_else(|pns_err| Nip::parse_pppk(s).map_err(|_| pns_err))
        .with_context(|| format!("invalid NIP {s:?}"))
}

pub async fn run(command: Command) -> Result<()> {
    match command {
        Command::Add(args) => add(args).await,
        Command::Password(args) => password(args).await,
        Command::Deactivate(args) => {
            println!("{}", set_aktif(&args, false).await?);
            Ok(())
        }
        Command::Activate(args) => {
            println!("{}", set_aktif(&args, true).await?);
            Ok(())
        }
        Command::List { db, instansi } => {
            let store = db.database_url.open(OpenMode::MustExist).await?;
            let instansi = pick_instansi(store.as_ref(), instansi.as_deref()).await?;
            for a in store.accounts(instansi.id).await? {
                let status = match (a.aktif, a.wajib_ganti_sandi) {
                    (true, false) => "aktif",
                    (true, true) => "aktif, wajib ganti sandi",
                    (false, _) => "nonaktif",
                };
                println!(
                    "{}\t{}\t{}\t{}",
                    a.username,
                    a.role.code(),
                    status,
                    a.nama_tampilan
                );
            }
            Ok(())
        }
    }
}

async fn add(args: AddArgs) -> Result<()> {
    // Validate everything that needs no database before touching it.
    let nip = check_add(&args)?;
    let password = args.password.read()?;
    create(&args, nip, &password).await
}

/// The checks of `user add` that need no database; the parsed NIP.
fn check_add(args: &AddArgs) -> Result<Option<Nip>> {
    let username = args.username.trim();
    if username.is_empty() || username.chars().any(char::is_whitespace) {
        bail!("the username must be one word without spaces");
    }
    let nip = args.nip.as_deref().map(parse_nip).transpose()?;
    match args.role {
        Role::PimpinanOpd if args.unit.is_none() => bail!("a pimpinan account needs --unit CODE"),
        Role::Pegawai if nip.is_none() => bail!("a pegawai account needs --nip NIP"),
        Role::Mitra if args.mitra.is_none() => {
            bail!("a mitra account needs --mitra CODE, the code of its partner institution")
        }
        role if role != Role::Mitra && args.mitra.is_some() => {
            bail!("--mitra is only for accounts with the mitra role")
        }
        _ => {}
    }
    Ok(nip)
}

async fn create(args: &AddArgs, nip: Option<Nip>, password: &str) -> Result<()> {
    let username = args.username.trim().to_owned();
    let store = args.db.database_url.open(OpenMode::MustExist).await?;
    let instansi = pick_instansi(store.as_ref(), args.instansi.as_deref()).await?;
    let unit = match &args.unit {
        Some(kode) => Some(find_unit(store.as_ref(), instansi.id, kode).await?),
        None => None,
    };
    let pegawai = match &nip {
        Some(nip) => Some(
            store
                .pegawai_by_nip(instansi.id, nip.as_str())
                .await?
                .with_context(|| format!("no employee with NIP {nip} in {}", instansi.nama))?
                .id,
        ),
        None => None,
    };
    let mitra = match &args.mitra {
        Some(kode) => Some(find_mitra(store.as_ref(), &instansi, kode).await?),
        None => None,
    };
    let password_hash = kompeten_web::auth::hash_password(password)
        .map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))?;
    let account = NewAccount {
        username: username.clone(),
        nama_tampilan: args.nama.trim().to_owned(),
        password_hash,
        role: args.role,
        unit,
        pegawai,
        mitra,
        wajib_ganti_sandi: args.password.must_change,
    };
    store
        .create_account(instansi.id, &cli_actor(), &account)
        .await?;
    println!(
        "account {username} ({}) created in {}",
        args.role.label(),
        instansi.nama
    );
    Ok(())
}

/// The store, instansi and account that `args` name.
async fn find_account(
    args: &AccountArgs,
) -> Result<(
    Arc<dyn Store>,
    kompeten_store::Instansi,
    kompeten_store::Account,
)> {
    let store = args.db.database_url.open(OpenMode::MustExist).await?;
    let instansi = pick_instansi(store.as_ref(), args.instansi.as_deref()).await?;
    let account = store
        .account_by_username(instansi.id, &args.username)
        .await?
        .with_context(|| format!("no account {:?} in {}", args.username, instansi.nama))?;
    Ok((store, instansi, account))
}

async fn password(args: PasswordArgs) -> Result<()> {
    let password = args.password.read()?;
    let (store, instansi, account) = find_account(&args.account).await?;
    let hash = kompeten_web::auth::hash_password(&password)
        .map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))?;
    store
        .set_password(
            instansi.id,
            &cli_actor(),
            account.id,
            &hash,
            args.password.must_change,
        )
        .await?;
    if args.password.must_change {
        println!(
            "password of {} changed; it must be changed again at the next login",
            account.username
        );
    } else {
        println!("password of {} changed", account.username);
    }
    Ok(())
}

/// Deactivates or activates an account; what was done, as a line to print.
async fn set_aktif(args: &AccountArgs, aktif: bool) -> Result<String> {
    let (store, instansi, account) = find_account(args).await?;
    if account.aktif == aktif {
        let status = if aktif { "active" } else { "deactivated" };
        return Ok(format!("account {} is already {status}", account.username));
    }
    store
        .set_account_aktif(instansi.id, &cli_actor(), account.id, aktif)
        .await?;
    Ok(if aktif {
        format!(
            "account {} activated: it can log in again",
            account.username
        )
    } else {
        format!(
            "account {} deactivated: it can no longer log in, and its sessions have ended",
            account.username
        )
    })
}

async fn find_unit(
    store: &dyn Store,
    instansi: kompeten_store::InstansiId,
    kode: &str,
) -> Result<kompeten_store::UnitId> {
    store
        .units(instansi)
        .await?
        .into_iter()
        .find(|u| u.kode == kode)
        .map(|u| u.id)
        .with_context(|| format!("no unit with code {kode:?}"))
}

async fn find_mitra(
    store: &dyn Store,
    instansi: &kompeten_store::Instansi,
    kode: &str,
) -> Result<kompeten_store::MitraId> {
    let kode = kode.trim();
    store
        .list_mitra(instansi.id)
        .await?
        .into_iter()
        .find(|m| m.kode == kode)
        .map(|m| m.id)
        .with_context(|| {
            format!(
                "no partner institution (mitra) with code {kode:?} in {}",
                instansi.nama
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;
    use kompeten_domain::JenisMitra;
    use kompeten_store::sqlite::SqliteStore;
    use kompeten_store::{Actor, NewInstansi, NewMitra};

    #[derive(clap::Parser)]
    struct Cli {
        #[command(flatten)]
        add: AddArgs,
    }

    fn args(url: &str, extra: &[&str]) -> AddArgs {
        let mut argv = vec!["user-add", "--database-url", url, "--nama", "Akun Uji"];
        argv.extend_from_slice(extra);
        Cli::try_parse_from(argv).expect("arguments").add
    }

    fn error(r: Result<impl std::fmt::Debug>) -> String {
        format!("{:#}", r.expect_err("refused"))
    }

    /// A new SQLite file with one instansi, "Kota Uji" (the directory
    /// keeps the file alive).
    async fn kota_uji() -> (tempfile::TempDir, SqliteStore, kompeten_store::InstansiId) {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = SqliteStore::open(&dir.path().join("k.sqlite"), OpenMode::CreateIfMissing)
            .await
            .expect("store");
        let i = store
            .create_instansi(
                &Actor::system("uji"),
                &NewInstansi {
                    kode: "swl".into(),
                    nama: "Kota Uji".into(),
                },
            )
            .await
            .expect("instansi");
        (dir, store, i)
    }

    #[test]
    fn the_partner_option_belongs_to_the_mitra_role_only() {
        let url = "sqlite://tidak-dibuka.sqlite";
        let tanpa = args(url, &["--username", "m", "--role", "mitra"]);
        assert!(error(check_add(&tanpa)).contains("needs --mitra CODE"));
        let admin = args(
            url,
            &["--username", "a", "--role", "admin", "--mitra", "UNAND"],
        );
        assert!(error(check_add(&admin)).contains("only for accounts with the mitra role"));
        let mitra = args(
            url,
            &["--username", "m", "--role", "mitra", "--mitra", "UNAND"],
        );
        assert!(check_add(&mitra).expect("valid").is_none());
    }

    #[tokio::test]
    async fn a_mitra_account_is_linked_to_the_partner_named_by_code() {
        let (dir, store, i) = kota_uji().await;
        let path = dir.path().join("k.sqlite");
        let actor = Actor::system("uji");
        let unand = store
            .add_mitra(
                i,
                &actor,
                &NewMitra {
                    kode: "UNAND".into(),
                    nama: "Universitas Andalas".into(),
                    jenis: JenisMitra::PerguruanTinggi,
                    alamat: None,
                    kota: None,
                    website: None,
                    kontak: vec![],
                    kerja_sama: vec![],
                },
            )
            .await
            .expect("partner");
        let url = format!("sqlite://{}", path.display());
        let sandi = "kata-sandi-yang-panjang";

        let asing = args(
            &url,
            &["--username", "m2", "--role", "mitra", "--mitra", "UNP"],
        );
        assert!(
            error(create(&asing, None, sandi).await)
                .contains("no partner institution (mitra) with code \"UNP\" in Kota Uji")
        );
        assert!(store.accounts(i).await.expect("list").is_empty());

        let baru = args(
            &url,
            &[
                "--username",
                "mitra.unand",
                "--role",
                "mitra",
                "--mitra",
                "UNAND",
            ],
        );
        create(&baru, check_add(&baru).expect("valid"), sandi)
            .await
            .expect("created");
        let akun = store
            .account_by_username(i, "mitra.unand")
            .await
            .expect("lookup")
            .expect("exists");
        assert_eq!((akun.role, akun.mitra), (Role::Mitra, Some(unand)));
    }

    #[tokio::test]
    async fn an_account_is_deactivated_and_activated_by_username() {
        let (dir, store, i) = kota_uji().await;
        let url = format!("sqlite://{}", dir.path().join("k.sqlite").display());
        let baru = args(&url, &["--username", "auditor.satu", "--role", "auditor"]);
        create(&baru, None, "kata-sandi-yang-panjang")
            .await
            .expect("created");
        #[derive(clap::Parser)]
        struct Akun {
            #[command(flatten)]
            akun: AccountArgs,
        }
        let akun = |username: &str| {
            Akun::try_parse_from([
                "user-deactivate",
                "--database-url",
                &url,
                "--username",
                username,
            ])
            .expect("arguments")
            .akun
        };
        let aktif = |store: SqliteStore| async move {
            store
                .account_by_username(i, "auditor.satu")
                .await
                .expect("lookup")
                .expect("exists")
                .aktif
        };

        let said = set_aktif(&akun("auditor.satu"), false)
            .await
            .expect("deactivated");
        assert!(said.contains("deactivated"), "{said}");
        assert!(!aktif(store.clone()).await);
        let said = set_aktif(&akun("auditor.satu"), false)
            .await
            .expect("again");
        assert_eq!(said, "account auditor.satu is already deactivated");
        let said = set_aktif(&akun("auditor.satu"), true)
            .await
            .expect("activated");
        assert!(said.contains("activated"), "{said}");
        assert!(aktif(store.clone()).await);
        assert!(
            error(set_aktif(&akun("tidak.ada"), false).await)
                .contains("no account \"tidak.ada\" in Kota Uji")
        );
        let log = store.audit_log(i, 10).await.expect("audit");
        assert!(
            log.iter().filter(|e| e.action.starts_with("akun.")).count() >= 3,
            "{log:?}"
        );
    }
}
