//! Passwords, tokens and what a role may see.

use argon2::Argon2;
use argon2::password_hash::rand_core::{OsRng, RngCore};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use kompeten_domain::Role;
use kompeten_store::{Account, Lingkup};
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

/// Shorter passwords are refused, in the accounts page and the CLI alike.
pub const MIN_PASSWORD_CHARS: usize = 12;

/// A password could not be hashed (e.g. the system has no randomness).
#[derive(Debug, thiserror::Error)]
#[error("cannot hash the password: {0}")]
pub struct HashError(String);

/// Hashes a password with argon2id (default parameters, random salt from the OS).
pub fn hash_password(password: &str) -> Result<String, HashError> {
    let mut salt = [0u8; 16];
    OsRng
        .try_fill_bytes(&mut salt)
        .map_err(|e| HashError(e.to_string()))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| HashError(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| HashError(e.to_string()))
}

/// Whether `password` matches the PHC string `hash`; a malformed hash never matches.
pub fn verify_password(password: &str, hash: &str) -> bool {
    match PasswordHash::new(hash) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// Spends the time of one verification when the user does not exist, so the
/// answer time does not reveal which usernames exist.
pub(crate) fn verify_dummy(password: &str) {
    static DUMMY: OnceLock<Option<String>> = OnceLock::new();
    if let Some(hash) = DUMMY.get_or_init(|| hash_password("kompeten-dummy-password").ok()) {
        let _ = verify_password(password, hash);
    }
}

/// The scope of personal records an account may read.
pub fn lingkup(account: &Account) -> Lingkup {
    match account.role {
        Role::AdminBkpsdm | Role::Auditor => Lingkup::Instansi,
        Role::PimpinanOpd => account.unit.map_or(Lingkup::Kosong, Lingkup::Unit),
        Role::Pegawai => account.pegawai.map_or(Lingkup::Kosong, Lingkup::Pegawai),
        Role::Mitra => Lingkup::Kosong,
    }
}

/// A role that may only read tried to change something.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the role {0} is read-only")]
pub struct HanyaBaca(pub Role);

/// Guards every handler that changes data: auditors, mitra and pegawai only read.
pub fn require_write(role: Role) -> Result<(), HanyaBaca> {
    if role.may_write() {
        Ok(())
    } else {
        Err(HanyaBaca(role))
    }
}

/// 32 random bytes as 64 lowercase hex digits.
pub(crate) fn token_acak() -> Result<String, HashError> {
    let mut bytes = [0u8; 32];
    OsRng
        .try_fill_bytes(&mut bytes)
        .map_err(|e| HashError(e.to_string()))?;
    Ok(hex(&bytes))
}

/// The SHA-256 (hex) of a hex token's bytes: what the store keeps instead of the token.
/// `None` when the token is not 64 hex digits.
pub(crate) fn hash_token(token_hex: &str) -> Option<String> {
    let bytes = unhex(token_hex)?;
    if bytes.len() != 32 {
        return None;
    }
    Some(hex(&Sha256::digest(&bytes)))
}

/// Compares secrets without stopping at the first difference.
pub(crate) fn sama_waktu_konstan(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() || a.is_empty() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    let digit = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    };
    s.as_bytes()
        .chunks(2)
        .map(|pair| Some(digit(pair[0])? << 4 | digit(pair[1])?))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use kompeten_store::{AccountId, InstansiId, PegawaiId, UnitId};

    #[test]
    fn hashes_verify_only_the_right_password() {
        let hash = hash_password("rahasia").expect("hash");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("rahasia", &hash));
        assert!(!verify_password("Rahasia", &hash));
        assert!(!verify_password("rahasia", "not a hash"));
        assert_ne!(
            hash,
            hash_password("rahasia").expect("hash"),
            "salts differ"
        );
    }

    #[test]
    fn tokens_are_random_hex_and_hash_to_sha256() {
        let a = token_acak().expect("token");
        let b = token_acak().expect("token");
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        let h = hash_token(&a).expect("valid token");
        assert_eq!(h.len(), 64);
        assert_ne!(h, a);
        assert_eq!(
            hash_token(&"00".repeat(32)).as_deref(),
            Some("66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925")
        );
        assert_eq!(hash_token("abc"), None);
        assert_eq!(hash_token(&"zz".repeat(32)), None);
        assert_eq!(hash_token(&"AB".repeat(32)), None);
    }

    #[test]
    fn constant_time_comparison_is_exact() {
        assert!(sama_waktu_konstan("abc", "abc"));
        assert!(!sama_waktu_konstan("abc", "abd"));
        assert!(!sama_waktu_konstan("abc", "abcd"));
        assert!(!sama_waktu_konstan("", ""));
    }

    fn akun(role: Role) -> Account {
        Account {
            id: AccountId(1),
            instansi: InstansiId(1),
            username: "u".into(),
            nama_tampilan: "U".into(),
            password_hash: String::new(),
            role,
            unit: Some(UnitId(4)),
            pegawai: Some(PegawaiId(9)),
            mitra: None,
            aktif: true,
            wajib_ganti_sandi: false,
        }
    }

    #[test]
    fn roles_map_to_scopes() {
        assert_eq!(lingkup(&akun(Role::AdminBkpsdm)), Lingkup::Instansi);
        assert_eq!(lingkup(&akun(Role::Auditor)), Lingkup::Instansi);
        assert_eq!(lingkup(&akun(Role::PimpinanOpd)), Lingkup::Unit(UnitId(4)));
        assert_eq!(
            lingkup(&akun(Role::Pegawai)),
            Lingkup::Pegawai(PegawaiId(9))
        );
        assert_eq!(lingkup(&akun(Role::Mitra)), Lingkup::Kosong);
        let tanpa_unit = Account {
            unit: None,
            ..akun(Role::PimpinanOpd)
        };
        assert_eq!(lingkup(&tanpa_unit), Lingkup::Kosong);
    }

    #[test]
    fn only_admin_and_pimpinan_write() {
        assert!(require_write(Role::AdminBkpsdm).is_ok());
        assert!(require_write(Role::PimpinanOpd).is_ok());
        assert_eq!(require_write(Role::Auditor), Err(HanyaBaca(Role::Auditor)));
        assert!(require_write(Role::Mitra).is_err());
        assert!(require_write(Role::Pegawai).is_err());
    }
}
