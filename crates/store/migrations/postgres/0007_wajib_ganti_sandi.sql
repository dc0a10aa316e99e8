-- An account whose password an administrator chose (a new account, or a
-- password set on the accounts page) must choose its own at the next
-- login before it may do anything else.
ALTER TABLE akun ADD COLUMN wajib_ganti_sandi BOOLEAN NOT NULL DEFAULT FALSE;
