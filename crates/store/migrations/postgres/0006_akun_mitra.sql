-- A partner's account (role 'mitra') is linked to its partner institution,
-- so it can keep that partner's own offerings. Only mitra accounts name a
-- partner; that a mitra account must name one is checked when accounts are
-- created (older mitra accounts may have none and then manage nothing).
ALTER TABLE akun ADD COLUMN mitra_id BIGINT;
ALTER TABLE akun ADD CONSTRAINT akun_mitra_fkey
    FOREIGN KEY (instansi_id, mitra_id) REFERENCES mitra (instansi_id, id);
ALTER TABLE akun ADD CONSTRAINT akun_mitra_hanya_peran_mitra
    CHECK (mitra_id IS NULL OR role = 'mitra');
