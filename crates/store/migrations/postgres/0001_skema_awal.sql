-- Kompeten schema for PostgreSQL. Every tenant table carries instansi_id and
-- has the primary key (instansi_id, id), every uniqueness is per instansi,
-- and references between tenant tables are composite keys, so a row can
-- never point into another instansi and the tables can later be distributed
-- by instansi_id (Citus), with instansi as a reference table.
-- Sort and path columns use the "C" collation so that ordering is by code
-- point, the same as SQLite's BINARY.

CREATE TABLE instansi (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kode        TEXT NOT NULL UNIQUE CHECK (kode <> ''),
    nama        TEXT NOT NULL CHECK (nama <> ''),
    dibuat_pada TIMESTAMPTZ NOT NULL
);

CREATE TABLE unit_kerja (
    instansi_id BIGINT NOT NULL REFERENCES instansi (id),
    id          BIGINT GENERATED ALWAYS AS IDENTITY,
    induk_id    BIGINT,
    -- The top-level unit (OPD) above this one; itself for an OPD. Set right
    -- after the insert, once the id is known.
    opd_id      BIGINT,
    kode        TEXT NOT NULL CHECK (kode <> ''),
    nama        TEXT COLLATE "C" NOT NULL CHECK (nama <> ''),
    jenis       TEXT NOT NULL,
    -- Materialized path of ids, "/12/34/": a subtree is a prefix LIKE.
    jalur       TEXT COLLATE "C" NOT NULL,
    -- Sort key giving tree order with siblings by name (see sql.rs).
    urutan      TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (instansi_id, id),
    UNIQUE (instansi_id, kode),
    FOREIGN KEY (instansi_id, induk_id) REFERENCES unit_kerja (instansi_id, id),
    FOREIGN KEY (instansi_id, opd_id) REFERENCES unit_kerja (instansi_id, id)
);
CREATE INDEX unit_kerja_jalur ON unit_kerja (instansi_id, jalur);
CREATE INDEX unit_kerja_urutan ON unit_kerja (instansi_id, urutan);
CREATE INDEX unit_kerja_induk ON unit_kerja (instansi_id, induk_id);

CREATE TABLE jabatan (
    instansi_id BIGINT NOT NULL REFERENCES instansi (id),
    id          BIGINT GENERATED ALWAYS AS IDENTITY,
    unit_id     BIGINT NOT NULL,
    kode        TEXT NOT NULL CHECK (kode <> ''),
    nama        TEXT COLLATE "C" NOT NULL CHECK (nama <> ''),
    jenis       TEXT NOT NULL,
    jenjang     TEXT,
    kelas       INTEGER CHECK (kelas BETWEEN 1 AND 17),
    PRIMARY KEY (instansi_id, id),
    UNIQUE (instansi_id, kode),
    FOREIGN KEY (instansi_id, unit_id) REFERENCES unit_kerja (instansi_id, id),
    CHECK ((jenis = 'fungsional' AND jenjang IS NOT NULL)
        OR (jenis <> 'fungsional' AND jenjang IS NULL))
);
CREATE INDEX jabatan_unit ON jabatan (instansi_id, unit_id);

CREATE TABLE kompetensi (
    instansi_id BIGINT NOT NULL REFERENCES instansi (id),
    id          BIGINT GENERATED ALWAYS AS IDENTITY,
    kode        TEXT COLLATE "C" NOT NULL CHECK (kode <> ''),
    kelompok    TEXT NOT NULL CHECK (kelompok IN ('manajerial', 'sosial_kultural', 'teknis')),
    bidang      TEXT,
    nama        TEXT NOT NULL CHECK (nama <> ''),
    definisi    TEXT NOT NULL,
    PRIMARY KEY (instansi_id, id),
    UNIQUE (instansi_id, kode)
);

CREATE TABLE kompetensi_level (
    instansi_id   BIGINT NOT NULL REFERENCES instansi (id),
    kompetensi_id BIGINT NOT NULL,
    level         INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    deskripsi     TEXT NOT NULL,
    -- Behaviour indicators as a JSON array of strings, in order.
    indikator     TEXT NOT NULL,
    PRIMARY KEY (instansi_id, kompetensi_id, level),
    FOREIGN KEY (instansi_id, kompetensi_id) REFERENCES kompetensi (instansi_id, id)
);

CREATE TABLE standar_kompetensi (
    instansi_id   BIGINT NOT NULL REFERENCES instansi (id),
    jabatan_id    BIGINT NOT NULL,
    kompetensi_id BIGINT NOT NULL,
    level         INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    bobot         INTEGER NOT NULL CHECK (bobot >= 1),
    PRIMARY KEY (instansi_id, jabatan_id, kompetensi_id),
    FOREIGN KEY (instansi_id, jabatan_id) REFERENCES jabatan (instansi_id, id),
    FOREIGN KEY (instansi_id, kompetensi_id) REFERENCES kompetensi (instansi_id, id)
);
CREATE INDEX standar_kompetensi_kompetensi ON standar_kompetensi (instansi_id, kompetensi_id);

CREATE TABLE pegawai (
    instansi_id    BIGINT NOT NULL REFERENCES instansi (id),
    id             BIGINT GENERATED ALWAYS AS IDENTITY,
    nip            TEXT COLLATE "C" NOT NULL CHECK (length(nip) = 18),
    nama           TEXT COLLATE "C" NOT NULL CHECK (nama <> ''),
    gelar_depan    TEXT,
    gelar_belakang TEXT,
    status         TEXT NOT NULL CHECK (status IN ('pns', 'pppk')),
    golongan       TEXT NOT NULL,
    jabatan_id     BIGINT,
    unit_id        BIGINT NOT NULL,
    pendidikan     TEXT NOT NULL,
    jenis_kelamin  TEXT NOT NULL CHECK (jenis_kelamin IN ('L', 'P')),
    tanggal_lahir  DATE NOT NULL,
    aktif          BOOLEAN NOT NULL,
    PRIMARY KEY (instansi_id, id),
    UNIQUE (instansi_id, nip),
    FOREIGN KEY (instansi_id, jabatan_id) REFERENCES jabatan (instansi_id, id),
    FOREIGN KEY (instansi_id, unit_id) REFERENCES unit_kerja (instansi_id, id)
);
CREATE INDEX pegawai_unit ON pegawai (instansi_id, unit_id);
CREATE INDEX pegawai_jabatan ON pegawai (instansi_id, jabatan_id);
CREATE INDEX pegawai_nama ON pegawai (instansi_id, nama);

CREATE TABLE penilaian (
    instansi_id    BIGINT NOT NULL REFERENCES instansi (id),
    id             BIGINT GENERATED ALWAYS AS IDENTITY,
    pegawai_id     BIGINT NOT NULL,
    kompetensi_id  BIGINT NOT NULL,
    level          INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    metode         TEXT NOT NULL,
    tanggal        DATE NOT NULL,
    berlaku_sampai DATE NOT NULL,
    asesor         TEXT NOT NULL,
    catatan_bukti  TEXT NOT NULL,
    dicatat_pada   TIMESTAMPTZ NOT NULL,
    CHECK (berlaku_sampai >= tanggal),
    PRIMARY KEY (instansi_id, id),
    FOREIGN KEY (instansi_id, pegawai_id) REFERENCES pegawai (instansi_id, id),
    FOREIGN KEY (instansi_id, kompetensi_id) REFERENCES kompetensi (instansi_id, id)
);
CREATE INDEX penilaian_pegawai ON penilaian (instansi_id, pegawai_id, tanggal);
CREATE INDEX penilaian_kompetensi ON penilaian (instansi_id, kompetensi_id);
-- Covers the validity counts of the summary without reading the wide rows.
CREATE INDEX penilaian_berlaku ON penilaian (instansi_id, pegawai_id, berlaku_sampai);

-- Assessments are history: a new result supersedes an old one, nothing is rewritten.
CREATE FUNCTION penilaian_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'penilaian is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER penilaian_tanpa_ubah BEFORE UPDATE OR DELETE ON penilaian
    FOR EACH ROW EXECUTE FUNCTION penilaian_append_only();
CREATE TRIGGER penilaian_tanpa_kosongkan BEFORE TRUNCATE ON penilaian
    FOR EACH STATEMENT EXECUTE FUNCTION penilaian_append_only();

CREATE TABLE skp (
    instansi_id BIGINT NOT NULL REFERENCES instansi (id),
    pegawai_id  BIGINT NOT NULL,
    tahun       INTEGER NOT NULL CHECK (tahun BETWEEN 1900 AND 2200),
    predikat    TEXT NOT NULL,
    PRIMARY KEY (instansi_id, pegawai_id, tahun),
    FOREIGN KEY (instansi_id, pegawai_id) REFERENCES pegawai (instansi_id, id)
);
CREATE INDEX skp_tahun ON skp (instansi_id, tahun);

CREATE TABLE akun (
    instansi_id   BIGINT NOT NULL REFERENCES instansi (id),
    id            BIGINT GENERATED ALWAYS AS IDENTITY,
    username      TEXT COLLATE "C" NOT NULL CHECK (username <> ''),
    nama_tampilan TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL,
    unit_id       BIGINT,
    pegawai_id    BIGINT,
    aktif         BOOLEAN NOT NULL DEFAULT TRUE,
    dibuat_pada   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (instansi_id, id),
    UNIQUE (instansi_id, username),
    FOREIGN KEY (instansi_id, unit_id) REFERENCES unit_kerja (instansi_id, id),
    FOREIGN KEY (instansi_id, pegawai_id) REFERENCES pegawai (instansi_id, id)
);

CREATE TABLE sesi (
    instansi_id BIGINT NOT NULL REFERENCES instansi (id),
    token_hash  TEXT NOT NULL,
    akun_id     BIGINT NOT NULL,
    csrf_token  TEXT NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    dibuat_pada TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (instansi_id, token_hash),
    FOREIGN KEY (instansi_id, akun_id) REFERENCES akun (instansi_id, id)
);
CREATE INDEX sesi_expires_at ON sesi (instansi_id, expires_at);

CREATE TABLE audit_log (
    instansi_id      BIGINT NOT NULL REFERENCES instansi (id),
    id               BIGINT GENERATED ALWAYS AS IDENTITY,
    at               TIMESTAMPTZ NOT NULL,
    actor_account_id BIGINT,
    actor_label      TEXT NOT NULL,
    action           TEXT NOT NULL,
    entity           TEXT NOT NULL,
    entity_id        BIGINT,
    detail           TEXT NOT NULL,
    PRIMARY KEY (instansi_id, id),
    FOREIGN KEY (instansi_id, actor_account_id) REFERENCES akun (instansi_id, id)
);
