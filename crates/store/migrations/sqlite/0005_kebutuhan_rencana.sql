-- Needs requested for employees (usulan, part of the AKPK) and development
-- plans: versions per year, their assignments and the OPD heads' reviews.

CREATE TABLE usulan_pengembangan (
    id              INTEGER PRIMARY KEY,
    instansi_id     INTEGER NOT NULL REFERENCES instansi (id),
    pegawai_id      INTEGER NOT NULL,
    tahun           INTEGER NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),
    kompetensi_id   INTEGER NOT NULL,
    naik_level      INTEGER NOT NULL CHECK (naik_level BETWEEN 1 AND 4),
    program_id      INTEGER,
    alasan          TEXT NOT NULL CHECK (alasan <> ''),
    sumber          TEXT NOT NULL CHECK (sumber IN ('pegawai', 'atasan', 'bkpsdm')),
    status          TEXT NOT NULL
        CHECK (status IN ('diajukan', 'disetujui', 'ditolak', 'dibatalkan')),
    diajukan_oleh   TEXT NOT NULL,
    diajukan_pada   TEXT NOT NULL,
    diputus_oleh    TEXT,
    diputus_pada    TEXT,
    catatan_putusan TEXT,
    UNIQUE (instansi_id, id),
    FOREIGN KEY (instansi_id, pegawai_id) REFERENCES pegawai (instansi_id, id),
    FOREIGN KEY (instansi_id, kompetensi_id) REFERENCES kompetensi (instansi_id, id),
    FOREIGN KEY (instansi_id, program_id) REFERENCES program_pengembangan (instansi_id, id)
);
CREATE INDEX usulan_pengembangan_tahun ON usulan_pengembangan (instansi_id, tahun, status);
CREATE INDEX usulan_pengembangan_pegawai ON usulan_pengembangan (instansi_id, pegawai_id);

CREATE TABLE rencana (
    id             INTEGER PRIMARY KEY,
    instansi_id    INTEGER NOT NULL REFERENCES instansi (id),
    tahun          INTEGER NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),
    versi          INTEGER NOT NULL CHECK (versi >= 1),
    nama           TEXT NOT NULL CHECK (nama <> ''),
    status         TEXT NOT NULL CHECK (status IN ('draf', 'ditinjau', 'disetujui', 'diganti')),
    anggaran       INTEGER NOT NULL CHECK (anggaran >= 0),
    nilai          REAL NOT NULL,
    batas          REAL NOT NULL,
    biaya          INTEGER NOT NULL CHECK (biaya >= 0),
    revisi         INTEGER NOT NULL DEFAULT 1,
    -- The kompeten.plan-problem/v1 document the version was made for.
    masalah        TEXT NOT NULL,
    skenario       TEXT,
    basis_id       INTEGER,
    dibuat_oleh    TEXT NOT NULL,
    dibuat_pada    TEXT NOT NULL,
    disetujui_oleh TEXT,
    disetujui_pada TEXT,
    UNIQUE (instansi_id, id),
    UNIQUE (instansi_id, tahun, versi),
    FOREIGN KEY (instansi_id, basis_id) REFERENCES rencana (instansi_id, id)
);

CREATE TABLE rencana_penugasan (
    instansi_id INTEGER NOT NULL REFERENCES instansi (id),
    rencana_id  INTEGER NOT NULL,
    pegawai_id  INTEGER NOT NULL,
    program_id  INTEGER NOT NULL,
    manual      INTEGER NOT NULL CHECK (manual IN (0, 1)),
    PRIMARY KEY (instansi_id, rencana_id, pegawai_id, program_id),
    FOREIGN KEY (instansi_id, rencana_id) REFERENCES rencana (instansi_id, id),
    FOREIGN KEY (instansi_id, pegawai_id) REFERENCES pegawai (instansi_id, id),
    FOREIGN KEY (instansi_id, program_id) REFERENCES program_pengembangan (instansi_id, id)
);

CREATE TABLE rencana_tinjauan (
    instansi_id INTEGER NOT NULL REFERENCES instansi (id),
    rencana_id  INTEGER NOT NULL,
    opd_id      INTEGER NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('sesuai', 'perlu_perbaikan')),
    catatan     TEXT,
    oleh        TEXT NOT NULL,
    pada        TEXT NOT NULL,
    PRIMARY KEY (instansi_id, rencana_id, opd_id),
    FOREIGN KEY (instansi_id, rencana_id) REFERENCES rencana (instansi_id, id),
    FOREIGN KEY (instansi_id, opd_id) REFERENCES unit_kerja (instansi_id, id)
);
