-- The gap analytics read every assessment of an instansi by employee,
-- competency, newest first (Store::data_kesenjangan). This index covers that
-- read, so it is one ordered index scan instead of a row lookup per
-- assessment and a sort.
CREATE INDEX penilaian_analitik ON penilaian
    (instansi_id, pegawai_id, kompetensi_id, tanggal DESC, id DESC, level, berlaku_sampai);
