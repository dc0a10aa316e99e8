-- A partner's account (role 'mitra') is linked to its partner institution,
-- so it can keep that partner's own offerings. Only mitra accounts name a
-- partner; that a mitra account must name one is checked when accounts are
-- created (older mitra accounts may have none and then manage nothing).
--
-- SQLite cannot add a table constraint (the composite reference) to an
-- existing table, so akun is rebuilt. Migrations run in one transaction,
-- where foreign_keys cannot be switched off: the references of sesi and
-- audit_log to akun are deferred instead. Dropping akun counts their rows
-- as violations; inserting the same accounts back satisfies them again,
-- so the transaction commits only when every referenced account is back.
PRAGMA defer_foreign_keys = ON;

-- The child tables are searched once per account dropped and inserted.
CREATE INDEX migrasi_sesi_akun ON sesi (instansi_id, akun_id);
CREATE INDEX migrasi_audit_log_akun ON audit_log (instansi_id, actor_account_id);

CREATE TEMP TABLE akun_lama AS SELECT * FROM akun;
DROP TABLE akun;

CREATE TABLE akun (
    id            INTEGER PRIMARY KEY,
    instansi_id   INTEGER NOT NULL REFERENCES instansi (id),
    username      TEXT NOT NULL CHECK (username <> ''),
    nama_tampilan TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL,
    unit_id       INTEGER,
    pegawai_id    INTEGER,
    aktif         INTEGER NOT NULL DEFAULT 1 CHECK (aktif IN (0, 1)),
    dibuat_pada   TEXT NOT NULL,
    mitra_id      INTEGER,
    CHECK (mitra_id IS NULL OR role = 'mitra'),
    UNIQUE (instansi_id, id),
    UNIQUE (instansi_id, username),
    FOREIGN KEY (instansi_id, unit_id) REFERENCES unit_kerja (instansi_id, id),
    FOREIGN KEY (instansi_id, pegawai_id) REFERENCES pegawai (instansi_id, id),
    FOREIGN KEY (instansi_id, mitra_id) REFERENCES mitra (instansi_id, id)
);

INSERT INTO akun (id, instansi_id, username, nama_tampilan, password_hash, role,
                  unit_id, pegawai_id, aktif, dibuat_pada)
SELECT id, instansi_id, username, nama_tampilan, password_hash, role,
       unit_id, pegawai_id, aktif, dibuat_pada
FROM akun_lama;

DROP TABLE akun_lama;
DROP INDEX migrasi_audit_log_akun;
DROP INDEX migrasi_sesi_akun;
