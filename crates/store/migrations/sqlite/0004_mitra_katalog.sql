-- Partners (mitra) with their contacts and agreements, and the catalog of
-- development programs with the competencies they raise and who may take
-- them. Same rules as the rest of the schema: instansi_id everywhere,
-- references as composite keys (instansi_id, x_id).

CREATE TABLE mitra (
    id          INTEGER PRIMARY KEY,
    instansi_id INTEGER NOT NULL REFERENCES instansi (id),
    kode        TEXT NOT NULL CHECK (kode <> ''),
    nama        TEXT NOT NULL CHECK (nama <> ''),
    jenis       TEXT NOT NULL
        CHECK (jenis IN ('perguruan_tinggi', 'lembaga_pemerintah', 'swasta', 'lsm')),
    alamat      TEXT,
    kota        TEXT,
    website     TEXT,
    UNIQUE (instansi_id, id),
    UNIQUE (instansi_id, kode)
);

-- Contacts and agreements keep the order they were written in (urutan);
-- an edit of a partner replaces them all.
CREATE TABLE mitra_kontak (
    instansi_id INTEGER NOT NULL REFERENCES instansi (id),
    mitra_id    INTEGER NOT NULL,
    urutan      INTEGER NOT NULL CHECK (urutan >= 0),
    nama        TEXT NOT NULL CHECK (nama <> ''),
    jabatan     TEXT,
    email       TEXT,
    telepon     TEXT,
    PRIMARY KEY (instansi_id, mitra_id, urutan),
    FOREIGN KEY (instansi_id, mitra_id) REFERENCES mitra (instansi_id, id)
);

CREATE TABLE mitra_kerja_sama (
    instansi_id      INTEGER NOT NULL REFERENCES instansi (id),
    mitra_id         INTEGER NOT NULL,
    urutan           INTEGER NOT NULL CHECK (urutan >= 0),
    jenis            TEXT NOT NULL CHECK (jenis IN ('mou', 'pks')),
    nomor            TEXT NOT NULL CHECK (nomor <> ''),
    ruang_lingkup    TEXT NOT NULL,
    tanggal_mulai    TEXT NOT NULL,
    tanggal_berakhir TEXT NOT NULL,
    CHECK (tanggal_berakhir >= tanggal_mulai),
    PRIMARY KEY (instansi_id, mitra_id, urutan),
    FOREIGN KEY (instansi_id, mitra_id) REFERENCES mitra (instansi_id, id)
);
CREATE INDEX mitra_kerja_sama_berakhir ON mitra_kerja_sama (instansi_id, tanggal_berakhir);

CREATE TABLE program_pengembangan (
    id                  INTEGER PRIMARY KEY,
    instansi_id         INTEGER NOT NULL REFERENCES instansi (id),
    kode                TEXT NOT NULL CHECK (kode <> ''),
    judul               TEXT NOT NULL CHECK (judul <> ''),
    -- NULL: run by the instansi itself (BKPSDM).
    mitra_id            INTEGER,
    bentuk              TEXT NOT NULL,
    jp                  INTEGER NOT NULL CHECK (jp >= 1),
    -- Whole rupiah.
    biaya_per_peserta   INTEGER NOT NULL CHECK (biaya_per_peserta >= 0),
    biaya_per_angkatan  INTEGER CHECK (biaya_per_angkatan >= 0),
    ukuran_angkatan     INTEGER CHECK (ukuran_angkatan >= 1),
    maks_angkatan       INTEGER CHECK (maks_angkatan >= 1),
    moda                TEXT NOT NULL CHECK (moda IN ('luring', 'daring', 'campuran')),
    terbuka_untuk_semua INTEGER NOT NULL CHECK (terbuka_untuk_semua IN (0, 1)),
    -- Both NULL: all year.
    jadwal_mulai        TEXT,
    jadwal_selesai      TEXT,
    aktif               INTEGER NOT NULL CHECK (aktif IN (0, 1)),
    CHECK ((jadwal_mulai IS NULL AND jadwal_selesai IS NULL)
        OR (jadwal_mulai IS NOT NULL AND jadwal_selesai IS NOT NULL
            AND jadwal_selesai >= jadwal_mulai)),
    UNIQUE (instansi_id, id),
    UNIQUE (instansi_id, kode),
    FOREIGN KEY (instansi_id, mitra_id) REFERENCES mitra (instansi_id, id)
);
CREATE INDEX program_pengembangan_mitra ON program_pengembangan (instansi_id, mitra_id);

CREATE TABLE program_kompetensi (
    instansi_id   INTEGER NOT NULL REFERENCES instansi (id),
    program_id    INTEGER NOT NULL,
    kompetensi_id INTEGER NOT NULL,
    naik_level    INTEGER NOT NULL CHECK (naik_level BETWEEN 1 AND 4),
    PRIMARY KEY (instansi_id, program_id, kompetensi_id),
    FOREIGN KEY (instansi_id, program_id) REFERENCES program_pengembangan (instansi_id, id),
    FOREIGN KEY (instansi_id, kompetensi_id) REFERENCES kompetensi (instansi_id, id)
);
CREATE INDEX program_kompetensi_kompetensi ON program_kompetensi (instansi_id, kompetensi_id);

-- Eligibility: no row means every position type / every unit.
CREATE TABLE program_jenis_jabatan (
    instansi_id   INTEGER NOT NULL REFERENCES instansi (id),
    program_id    INTEGER NOT NULL,
    jenis_jabatan TEXT NOT NULL,
    PRIMARY KEY (instansi_id, program_id, jenis_jabatan),
    FOREIGN KEY (instansi_id, program_id) REFERENCES program_pengembangan (instansi_id, id)
);

CREATE TABLE program_unit (
    instansi_id INTEGER NOT NULL REFERENCES instansi (id),
    program_id  INTEGER NOT NULL,
    unit_id     INTEGER NOT NULL,
    PRIMARY KEY (instansi_id, program_id, unit_id),
    FOREIGN KEY (instansi_id, program_id) REFERENCES program_pengembangan (instansi_id, id),
    FOREIGN KEY (instansi_id, unit_id) REFERENCES unit_kerja (instansi_id, id)
);
