-- An account whose password an administrator chose (a new account, or a
-- password set on the accounts page) must choose its own at the next
-- login before it may do anything else.
ALTER TABLE akun ADD COLUMN wajib_ganti_sandi INTEGER NOT NULL DEFAULT 0
    CHECK (wajib_ganti_sandi IN (0, 1));
