-- Needs requested for employees (usulan, part of the AKPK) and development
-- plans: versions per year, their assignments and the OPD heads' reviews.

CREATE TABLE usulan_pengembangan (
    instansi_id     BIGINT NOT NULL REFERENCES instansi (id),
    id              BIGINT GENERATED ALWAYS AS IDENTITY,
    pegawai_id      BIGINT NOT NULL,
    tahun           INTEGER NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),
    kompetensi_id   BIGINT NOT NULL,
    naik_level      INTEGER NOT NULL CHECK (naik_level BETWEEN 1 AND 4),
    program_id      BIGINT,
    alasan          TEXT NOT NULL CHECK (alasan <> ''),
    sumber          TEXT NOT NULL CHECK (sumber IN ('pegawai', 'atasan', 'bkpsdm')),
    status          TEXT NOT NULL
        CHECK (status IN ('diajukan', 'disetujui', 'ditolak', 'dibatalkan')),
    diajukan_oleh   TEXT NOT NULL,
    diajukan_pada   TIMESTAMPTZ NOT NULL,
    diputus_oleh    TEXT,
    diputus_pada    TIMESTAMPTZ,
    catatan_putusan TEXT,
    PRIMARY KEY (instansi_id, id),
    FOREIGN KEY (instansi_id, pegawai_id) REFERENCES pegawai (instansi_id, id),
    FOREIGN KEY (instansi_id, kompetensi_id) REFERENCES kompetensi (instansi_id, id),
    FOREIGN KEY (instansi_id, program_id) REFERENCES program_pengembangan (instansi_id, id)
);
CREATE INDEX usulan_pengembangan_tahun ON usulan_pengembangan (instansi_id, tahun, status);
CREATE INDEX usulan_pengembangan_pegawai ON usulan_pengembangan (instansi_id, pegawai_id);

CREATE TABLE rencana (
    instansi_id    BIGINT NOT NULL REFERENCES instansi (id),
    id             BIGINT GENERATED ALWAYS AS IDENTITY,
    tahun          INTEGER NOT NULL CHECK (tahun BETWEEN 2000 AND 2100),
    versi          INTEGER NOT NULL CHECK (versi >= 1),
    nama           TEXT NOT NULL CHECK (nama <> ''),
    status         TEXT NOT NULL CHECK (status IN ('draf', 'ditinjau', 'disetujui', 'diganti')),
    anggaran       BIGINT NOT NULL CHECK (anggaran >= 0),
    nilai          DOUBLE PRECISION NOT NULL,
    batas          DOUBLE PRECISION NOT NULL,
    biaya          BIGINT NOT NULL CHECK (biaya >= 0),
    revisi         BIGINT NOT NULL DEFAULT 1,
    -- The kompeten.plan-problem/v1 document the version was made for.
    masalah        TEXT NOT NULL,
    skenario       TEXT,
    basis_id       BIGINT,
    dibuat_oleh    TEXT NOT NULL,
    dibuat_pada    TIMESTAMPTZ NOT NULL,
    disetujui_oleh TEXT,
    disetujui_pada TIMESTAMPTZ,
    PRIMARY KEY (instansi_id, id),
    UNIQUE (instansi_id, tahun, versi),
    FOREIGN KEY (instansi_id, basis_id) REFERENCES rencana (instansi_id, id)
);

CREATE TABLE rencana_penugasan (
    instansi_id BIGINT NOT NULL REFERENCES instansi (id),
    rencana_id  BIGINT NOT NULL,
    pegawai_id  BIGINT NOT NULL,
    program_id  BIGINT NOT NULL,
    manual      BOOLEAN NOT NULL,
    PRIMARY KEY (instansi_id, rencana_id, pegawai_id, program_id),
    FOREIGN KEY (instansi_id, rencana_id) REFERENCES rencana (instansi_id, id),
    FOREIGN KEY (instansi_id, pegawai_id) REFERENCES pegawai (instansi_id, id),
    FOREIGN KEY (instansi_id, program_id) REFERENCES program_pengembangan (instansi_id, id)
);

CREATE TABLE rencana_tinjauan (
    instansi_id BIGINT NOT NULL REFERENCES instansi (id),
    rencana_id  BIGINT NOT NULL,
    opd_id      BIGINT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('sesuai', 'perlu_perbaikan')),
    catatan     TEXT,
    oleh        TEXT NOT NULL,
    pada        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (instansi_id, rencana_id, opd_id),
    FOREIGN KEY (instansi_id, rencana_id) REFERENCES rencana (instansi_id, id),
    FOREIGN KEY (instansi_id, opd_id) REFERENCES unit_kerja (instansi_id, id)
);
