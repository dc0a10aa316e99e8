-- A counter per instansi, raised in the same transaction as every audited
-- change of data the analytics read (not logins or accounts): a cache of the
-- analytics keyed by it knows when it is stale. The UPDATE locks the
-- instansi row, so the values follow commit order. See `audit` in sql.rs.
ALTER TABLE instansi ADD COLUMN revisi_data BIGINT NOT NULL DEFAULT 0;

-- Settings of an instansi, one JSON value per key. A key that was never set
-- has no row; callers then use their default.
CREATE TABLE pengaturan (
    instansi_id BIGINT NOT NULL REFERENCES instansi (id),
    kunci       TEXT NOT NULL CHECK (kunci <> ''),
    -- JSON text, like audit_log.detail: both backends read and write it the same way.
    nilai       TEXT NOT NULL,
    diubah_pada TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (instansi_id, kunci)
);
