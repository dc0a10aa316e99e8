//! The competency dictionary (Kamus Kompetensi) shipped with the demo: the eight
//! managerial competencies and the socio-cultural one (Perekat Bangsa) of
//! PermenPAN-RB 38/2017 on Standar Kompetensi Jabatan ASN, followed by a
//! technical dictionary (Kamus Kompetensi Teknis) written for Pemerintah Kota
//! Sawahlunto.
//!
//! # Managerial and socio-cultural entries
//!
//! Definitions, level descriptions and behaviour indicators follow the
//! regulation's kamus as found in public copies: the Lampiran "Kompetensi
//! Manajerial" of PermenPAN-RB 38/2017 (Scribd copy, used to check Integritas)
//! and two public transcriptions of the whole kamus (a Laravel seeder and an SQL
//! dump of an assessment application), which agree with each other. Only
//! spelling was normalised (for example "resiko" → "risiko", "frustasi" →
//! "frustrasi", "sistimatis" → "sistematis"); the official JDIH text was not
//! consulted, so check it before using these texts in a legal document.
//!
//! The codes M.01–M.08 and SK.01 follow the regulation's order; only M.01 was
//! seen in a source, the rest are numbered sequentially.
//!
//! # Technical entries
//!
//! The technical dictionary is set by the agency (the Wali Kota as PPK), not by
//! the regulation. The entries here are demo content written for Sawahlunto's
//! needs (SPBE, OSS-RBA licensing, the Mal Pelayanan Publik, the Ombilin World
//! Heritage site and its museums, health, education, …). Their five levels
//! follow the generic meaning of technical levels in the kamus: 1 basic
//! understanding, working per procedure; 2 operating independently; 3 analysing
//! and improving with systematic methods; 4 developing and leading at unit or
//! agency level; 5 strategic reference at agency, provincial or national level.
//!
//! Behaviour indicators are stored without their numbers: the indicator at
//! index `i` of level `n` is indicator `n.(i + 1)`.
use kompeten_domain::KelompokKompetensi;

/// One dictionary entry with its five proficiency levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntriKamus {
    /// "M.01".."M.08", "SK.01", or a technical code such as "T.SPBE.01".
    pub kode: &'static str,
    /// Manajerial, SosialKultural or Teknis.
    pub kelompok: KelompokKompetensi,
    /// Technical field code (a key of [`BIDANG`]); `None` for managerial and
    /// socio-cultural entries.
    pub bidang: Option<&'static str>,
    pub nama: &'static str,
    pub definisi: &'static str,
    /// Levels 1..=5 in order.
    pub level: [DeskripsiLevel; 5],
}

/// What one level means, with its numbered behaviour indicators (1.1, 1.2, ...).
///
/// The numbers are not part of the strings: they follow from the level and the
/// position of the indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeskripsiLevel {
    pub deskripsi: &'static str,
    pub indikator: &'static [&'static str],
}

const fn lv(deskripsi: &'static str, indikator: &'static [&'static str]) -> DeskripsiLevel {
    DeskripsiLevel {
        deskripsi,
        indikator,
    }
}

const fn manajerial(
    kode: &'static str,
    nama: &'static str,
    definisi: &'static str,
    level: [DeskripsiLevel; 5],
) -> EntriKamus {
    EntriKamus {
        kode,
        kelompok: KelompokKompetensi::Manajerial,
        bidang: None,
        nama,
        definisi,
        level,
    }
}

const fn teknis(
    kode: &'static str,
    bidang: &'static str,
    nama: &'static str,
    definisi: &'static str,
    level: [DeskripsiLevel; 5],
) -> EntriKamus {
    EntriKamus {
        kode,
        kelompok: KelompokKompetensi::Teknis,
        bidang: Some(bidang),
        nama,
        definisi,
        level,
    }
}

/// Field codes and their Indonesian labels, for technical entries.
pub static BIDANG: &[(&str, &str)] = &[
    (
        "spbe",
        "Sistem Pemerintahan Berbasis Elektronik (SPBE), Data dan Keamanan Informasi",
    ),
    (
        "perizinan",
        "Perizinan Berusaha, Mal Pelayanan Publik dan Pelayanan Terpadu",
    ),
    ("adminduk", "Administrasi Kependudukan dan Pencatatan Sipil"),
    ("keuangan", "Pengelolaan Keuangan Daerah"),
    ("pengadaan", "Pengadaan Barang/Jasa Pemerintah"),
    ("perencanaan", "Perencanaan Pembangunan Daerah"),
    ("kepegawaian", "Manajemen Aparatur Sipil Negara"),
    ("hukum", "Hukum dan Perundang-undangan"),
    ("pengawasan", "Pengawasan Intern"),
    (
        "kebudayaan",
        "Kebudayaan, Cagar Budaya, Permuseuman dan Warisan Dunia Ombilin",
    ),
    ("pariwisata", "Pariwisata"),
    ("kesehatan", "Kesehatan"),
    ("pendidikan", "Pendidikan"),
    ("sosial", "Sosial"),
    (
        "pekerjaan_umum",
        "Pekerjaan Umum, Infrastruktur dan Penataan Ruang",
    ),
    ("lingkungan", "Lingkungan Hidup"),
    ("pertanian", "Pangan, Pertanian dan Perikanan"),
    (
        "perdagangan",
        "Perindustrian, Perdagangan, Koperasi dan Usaha Mikro, Kecil dan Menengah",
    ),
    ("ketenagakerjaan", "Ketenagakerjaan"),
    ("perhubungan", "Perhubungan"),
    (
        "ketertiban",
        "Ketenteraman, Ketertiban Umum dan Pemadam Kebakaran",
    ),
    ("kebencanaan", "Penanggulangan Bencana"),
    (
        "pemerintahan",
        "Pemerintahan Umum, Kecamatan, Kelurahan dan Desa",
    ),
    ("kearsipan", "Kearsipan dan Perpustakaan"),
    (
        "komunikasi",
        "Komunikasi Publik, Kehumasan dan Statistik Sektoral",
    ),
    ("umum", "Administrasi Umum dan Tata Naskah Dinas"),
];

/// The 8 managerial competencies and Perekat Bangsa, in the regulation's order.
pub static MANAJERIAL_DAN_SOSIAL_KULTURAL: [EntriKamus; 9] = [
    manajerial(
        "M.01",
        "Integritas",
        "Konsisten berperilaku selaras dengan nilai, norma dan/atau etika organisasi, dan jujur dalam hubungan dengan manajemen, rekan kerja, bawahan langsung, dan pemangku kepentingan, menciptakan budaya etika tinggi, bertanggung jawab atas tindakan atau keputusan beserta risiko yang menyertainya.",
        [
            lv(
                "Mampu bertindak sesuai nilai, norma, etika organisasi dalam kapasitas pribadi.",
                &[
                    "Bertingkah laku sesuai dengan perkataan; berkata sesuai dengan fakta.",
                    "Melaksanakan peraturan, kode etik organisasi dalam lingkungan kerja sehari-hari, pada tataran individu/pribadi.",
                    "Tidak menjanjikan/memberikan sesuatu yang bertentangan dengan aturan organisasi.",
                ],
            ),
            lv(
                "Mampu mengingatkan, mengajak rekan kerja untuk bertindak sesuai nilai, norma, dan etika organisasi.",
                &[
                    "Mengingatkan rekan kerja untuk bertindak sesuai dengan nilai, norma, dan etika organisasi dalam segala situasi dan kondisi; mengajak orang lain untuk bertindak sesuai etika dan kode etik.",
                    "Menerapkan norma-norma secara konsisten dalam setiap situasi, pada unit kerja terkecil/kelompok kerjanya.",
                    "Memberikan informasi yang dapat dipercaya sesuai dengan etika organisasi.",
                ],
            ),
            lv(
                "Mampu memastikan, menanamkan keyakinan bersama agar anggota yang dipimpin bertindak sesuai nilai, norma, dan etika organisasi, dalam lingkup formal.",
                &[
                    "Memastikan anggota yang dipimpin bertindak sesuai dengan nilai, norma, dan etika organisasi dalam segala situasi dan kondisi.",
                    "Mampu untuk memberi apresiasi dan teguran bagi anggota yang dipimpin agar bertindak selaras dengan nilai, norma, dan etika organisasi dalam segala situasi dan kondisi.",
                    "Melakukan monitoring dan evaluasi terhadap penerapan sikap integritas di dalam unit kerja yang dipimpin.",
                ],
            ),
            lv(
                "Mampu menciptakan situasi kerja yang mendorong kepatuhan pada nilai, norma, dan etika organisasi.",
                &[
                    "Menciptakan situasi kerja yang mendorong seluruh pemangku kepentingan mematuhi nilai, norma, dan etika organisasi dalam segala situasi dan kondisi.",
                    "Mendukung dan menerapkan prinsip moral dan standar etika yang tinggi, serta berani menanggung konsekuensinya.",
                    "Berani melakukan koreksi atau mengambil tindakan atas penyimpangan kode etik/nilai-nilai yang dilakukan oleh orang lain, pada tataran lingkup kerja setingkat instansi meskipun ada risiko.",
                ],
            ),
            lv(
                "Mampu menjadi role model dalam penerapan standar keadilan dan etika di tingkat nasional.",
                &[
                    "Mempertahankan tingkat standar keadilan dan etika yang tinggi dalam perkataan dan tindakan sehari-hari yang dipatuhi oleh seluruh pemangku kepentingan pada lingkup instansi yang dipimpinnya.",
                    "Menjadi role model/keteladanan dalam penerapan standar keadilan dan etika yang tinggi di tingkat nasional.",
                    "Membuat konsep kebijakan dan strategi penerapan sikap integritas dalam pelaksanaan tugas dan norma-norma yang sejalan dengan nilai strategis organisasi.",
                ],
            ),
        ],
    ),
    manajerial(
        "M.02",
        "Kerjasama",
        "Kemampuan menjalin, membina, mempertahankan hubungan kerja yang efektif, memiliki komitmen saling membantu dalam penyelesaian tugas, dan mengoptimalkan segala sumber daya untuk mencapai tujuan strategis organisasi.",
        [
            lv(
                "Berpartisipasi dalam kelompok kerja.",
                &[
                    "Berpartisipasi sebagai anggota tim yang baik, melakukan tugas/bagiannya, dan mendukung keputusan tim.",
                    "Mendengarkan dan menghargai masukan dari orang lain dan memberikan usulan-usulan bagi kepentingan tim.",
                    "Mampu menjalin interaksi sosial untuk penyelesaian tugas.",
                ],
            ),
            lv(
                "Menumbuhkan tim kerja yang partisipatif dan efektif.",
                &[
                    "Membantu orang lain dalam menyelesaikan tugas-tugas mereka untuk mendukung sasaran tim.",
                    "Berbagi informasi yang relevan atau bermanfaat pada anggota tim; mempertimbangkan masukan dan keahlian anggota dalam tim/kelompok kerja serta bersedia untuk belajar dari orang lain.",
                    "Membangun komitmen yang tinggi untuk menyelesaikan tugas tim.",
                ],
            ),
            lv(
                "Efektif membangun tim kerja untuk peningkatan kinerja organisasi.",
                &[
                    "Melihat kekuatan/kelemahan anggota tim, membentuk tim yang tepat, mengantisipasi kemungkinan hambatan, dan mencari solusi yang optimal.",
                    "Mengupayakan dan mengutamakan pengambilan keputusan berdasarkan usulan-usulan anggota tim/kelompok, bernegosiasi secara efektif untuk upaya penyelesaian pekerjaan yang menjadi target kinerja kelompok dan/atau unit kerja.",
                    "Membangun aliansi dengan para pemangku kepentingan dalam rangka mendukung penyelesaian target kerja kelompok.",
                ],
            ),
            lv(
                "Membangun komitmen tim, sinergi.",
                &[
                    "Membangun sinergi antarunit kerja di lingkup instansi yang dipimpin.",
                    "Memfasilitasi kepentingan yang berbeda dari unit kerja lain sehingga tercipta sinergi dalam rangka pencapaian target kerja organisasi.",
                    "Mengembangkan sistem yang menghargai kerja sama antarunit, memberikan dukungan/semangat untuk memastikan tercapainya sinergi dalam rangka pencapaian target kerja organisasi.",
                ],
            ),
            lv(
                "Menciptakan situasi kerja sama secara konsisten, baik di dalam maupun di luar instansi.",
                &[
                    "Menciptakan hubungan kerja yang konstruktif dengan menerapkan norma/etos/nilai-nilai kerja yang baik di dalam dan di luar organisasi; meningkatkan produktivitas dan menjadi panutan dalam organisasi.",
                    "Secara konsisten menjaga sinergi agar pemangku kepentingan dapat bekerja sama dengan orang di dalam maupun di luar organisasi.",
                    "Membangun konsensus untuk menggabungkan sumber daya dari berbagai pemangku kepentingan untuk tujuan bangsa dan negara.",
                ],
            ),
        ],
    ),
    manajerial(
        "M.03",
        "Komunikasi",
        "Kemampuan untuk menerangkan pandangan dan gagasan secara jelas, sistematis disertai argumentasi yang logis dengan cara-cara yang sesuai baik secara lisan maupun tertulis; memastikan pemahaman; mendengarkan secara aktif dan efektif; mempersuasi, meyakinkan dan membujuk orang lain dalam rangka mencapai tujuan organisasi.",
        [
            lv(
                "Menyampaikan informasi dengan jelas, lengkap, pemahaman yang sama.",
                &[
                    "Menyampaikan informasi (data), pikiran atau pendapat dengan jelas, singkat dan tepat dengan menggunakan cara/media yang sesuai dan mengikuti alur yang logis.",
                    "Memastikan pemahaman yang sama atas instruksi yang diterima/diberikan.",
                    "Mampu melaksanakan kegiatan surat-menyurat sesuai tata naskah organisasi.",
                ],
            ),
            lv(
                "Aktif menjalankan komunikasi secara formal dan informal; bersedia mendengarkan orang lain, menginterpretasikan pesan dengan respons yang sesuai, mampu menyusun materi presentasi, pidato, naskah, laporan, dan lain-lain.",
                &[
                    "Menggunakan gaya komunikasi informal untuk meningkatkan hubungan profesional.",
                    "Mendengarkan pihak lain secara aktif; menangkap dan menginterpretasikan pesan-pesan dari orang lain, serta memberikan respons yang sesuai.",
                    "Membuat materi presentasi, pidato, draf naskah, laporan, dan lain-lain sesuai arahan pimpinan.",
                ],
            ),
            lv(
                "Berkomunikasi secara asertif, terampil berkomunikasi lisan/tertulis untuk menyampaikan informasi yang sensitif/rumit/kompleks.",
                &[
                    "Menyampaikan suatu informasi yang sensitif/rumit dengan cara penyampaian dan kondisi yang tepat, sehingga dapat dipahami dan diterima oleh pihak lain.",
                    "Menyederhanakan topik yang rumit dan sensitif sehingga lebih mudah dipahami dan diterima orang lain.",
                    "Membuat laporan tahunan/periodik/naskah/dokumen/proposal yang kompleks; membuat surat resmi yang sistematis dan tidak menimbulkan pemahaman yang berbeda; membuat proposal yang rinci dan lengkap.",
                ],
            ),
            lv(
                "Mampu mengemukakan pemikiran multidimensi secara lisan dan tertulis untuk mendorong kesepakatan dengan tujuan meningkatkan kinerja secara keseluruhan.",
                &[
                    "Mengintegrasikan informasi-informasi penting dari berbagai sumber dengan pihak lain untuk mendapatkan pemahaman yang sama.",
                    "Menuangkan pemikiran/konsep dari berbagai sudut pandang/multidimensi dalam bentuk tulisan formal.",
                    "Menyampaikan informasi secara persuasif untuk mendorong pemangku kepentingan sepakat pada langkah-langkah bersama dengan tujuan meningkatkan kinerja secara keseluruhan.",
                ],
            ),
            lv(
                "Menggagas sistem komunikasi yang terbuka secara strategis untuk mencari solusi dengan tujuan meningkatkan kinerja.",
                &[
                    "Menghilangkan hambatan komunikasi, mampu berkomunikasi dalam isu-isu nasional yang memiliki risiko tinggi, menggalang hubungan dalam skala strategis di tingkat nasional.",
                    "Menggunakan saluran komunikasi formal dan nonformal guna mencapai kesepakatan dengan tujuan meningkatkan kinerja di tingkat instansi/nasional.",
                    "Menggagas sistem komunikasi dengan melibatkan pemangku kepentingan sejak dini untuk mencari solusi dengan tujuan meningkatkan kinerja di tingkat instansi/nasional.",
                ],
            ),
        ],
    ),
    manajerial(
        "M.04",
        "Orientasi pada Hasil",
        "Kemampuan mempertahankan komitmen pribadi yang tinggi untuk menyelesaikan tugas, dapat diandalkan, bertanggung jawab, mampu secara sistematis mengidentifikasi risiko dan peluang dengan memperhatikan keterhubungan antara perencanaan dan hasil, untuk keberhasilan organisasi.",
        [
            lv(
                "Bertanggung jawab untuk memenuhi standar kerja.",
                &[
                    "Menyelesaikan tugas dengan tuntas; dapat diandalkan.",
                    "Bekerja dengan teliti dan hati-hati guna meminimalkan kesalahan dengan mengacu pada standar kualitas (SOP).",
                    "Bersedia menerima masukan, mengikuti contoh cara bekerja yang lebih efektif, efisien di lingkungan kerjanya.",
                ],
            ),
            lv(
                "Berupaya meningkatkan hasil kerja pribadi yang lebih tinggi dari standar yang ditetapkan, mencari, mencoba metode alternatif untuk peningkatan kinerja.",
                &[
                    "Menetapkan dan berupaya mencapai standar kerja pribadi yang lebih tinggi dari standar kerja yang ditetapkan organisasi.",
                    "Mencari, mencoba metode kerja alternatif untuk meningkatkan hasil kerjanya.",
                    "Memberi contoh kepada orang-orang di unit kerjanya untuk mencoba menerapkan metode kerja yang lebih efektif yang sudah dilakukannya.",
                ],
            ),
            lv(
                "Menetapkan target kerja yang menantang bagi unit kerja, memberi apresiasi dan teguran untuk mendorong kinerja.",
                &[
                    "Menetapkan target kinerja unit yang lebih tinggi dari target yang ditetapkan organisasi.",
                    "Memberikan apresiasi dan teguran untuk mendorong pencapaian hasil unit kerjanya.",
                    "Mengembangkan metode kerja yang lebih efektif dan efisien untuk mencapai target kerja unitnya.",
                ],
            ),
            lv(
                "Mendorong unit kerja mencapai target yang ditetapkan atau melebihi hasil kerja sebelumnya.",
                &[
                    "Mendorong unit kerja di tingkat instansi untuk mencapai kinerja yang melebihi target yang ditetapkan.",
                    "Memantau dan mengevaluasi hasil kerja unitnya agar selaras dengan sasaran strategis instansi.",
                    "Mendorong pemanfaatan sumber daya bersama antarunit kerja dalam rangka meningkatkan efektivitas dan efisiensi pencapaian target organisasi.",
                ],
            ),
            lv(
                "Meningkatkan mutu pencapaian kerja organisasi.",
                &[
                    "Memastikan kualitas sesuai standar dan keberlanjutan hasil kerja organisasi yang memberi kontribusi pada pencapaian target prioritas nasional.",
                    "Memastikan tersedianya sumber daya organisasi untuk menjamin tercapainya target prioritas instansi/nasional.",
                    "Membuat kebijakan untuk menerapkan metode kerja yang lebih efektif dan efisien dalam mencapai tujuan prioritas nasional.",
                ],
            ),
        ],
    ),
    manajerial(
        "M.05",
        "Pelayanan Publik",
        "Kemampuan dalam melaksanakan tugas-tugas pemerintahan, pembangunan dan kegiatan pemenuhan kebutuhan pelayanan publik secara profesional, transparan, mengikuti standar pelayanan yang objektif, netral, tidak memihak, tidak diskriminatif, serta tidak terpengaruh kepentingan pribadi/kelompok/golongan/partai politik.",
        [
            lv(
                "Menjalankan tugas mengikuti standar pelayanan.",
                &[
                    "Mampu mengerjakan tugas-tugas dengan mengikuti standar pelayanan yang objektif, netral, tidak memihak, tidak diskriminatif, transparan dan tidak terpengaruh kepentingan pribadi/kelompok/partai politik.",
                    "Melayani kebutuhan, permintaan dan keluhan pemangku kepentingan.",
                    "Menyelesaikan masalah dengan tepat tanpa bersikap membela diri dalam kapasitas sebagai pelaksana pelayanan publik.",
                ],
            ),
            lv(
                "Mampu menyupervisi/mengawasi/menyelia dan menjelaskan proses pelaksanaan tugas-tugas pemerintahan/pelayanan publik secara transparan.",
                &[
                    "Menunjukkan sikap yakin dalam mengerjakan tugas-tugas pemerintahan/pelayanan publik, mampu menyelia dan menjelaskan secara objektif bila ada yang mempertanyakan kebijakan yang diambil.",
                    "Secara aktif mencari informasi untuk mengenali kebutuhan pemangku kepentingan agar dapat menjalankan pelaksanaan tugas pemerintahan, pembangunan dan pelayanan publik secara cepat dan tanggap.",
                    "Mampu mengenali dan memanfaatkan kebiasaan, tata cara, situasi tertentu sehingga apa yang disampaikan menjadi perhatian pemangku kepentingan dalam hal penyelesaian tugas-tugas pemerintahan, pembangunan dan pelayanan publik.",
                ],
            ),
            lv(
                "Mampu memanfaatkan kekuatan kelompok serta memperbaiki standar pelayanan publik di lingkup unit kerja.",
                &[
                    "Memahami, mendeskripsikan pengaruh dan hubungan/kekuatan kelompok yang sedang berjalan di organisasi (aliansi atau persaingan), dan dampaknya terhadap unit kerja untuk menjalankan tugas pemerintahan secara profesional dan netral, tidak memihak.",
                    "Menggunakan keterampilan dan pemahaman lintas organisasi untuk secara efektif memfasilitasi kebutuhan kelompok yang lebih besar dengan cara-cara yang mengikuti standar objektif, transparan, profesional, sehingga tidak merugikan para pihak di lingkup pelayanan publik unit kerjanya.",
                    "Mengimplementasikan cara-cara yang efektif untuk memantau dan mengevaluasi masalah yang dihadapi pemangku kepentingan/masyarakat serta mengantisipasi kebutuhan mereka saat menjalankan tugas pelayanan publik di unit kerjanya.",
                ],
            ),
            lv(
                "Mampu memonitor, mengevaluasi, memperhitungkan dan mengantisipasi dampak dari isu-isu jangka panjang, kesempatan, atau kekuatan politik dalam hal pelayanan kebutuhan pemangku kepentingan yang transparan, objektif, dan profesional.",
                &[
                    "Memahami dan memberi perhatian kepada isu-isu jangka panjang, kesempatan atau kekuatan politik yang mempengaruhi organisasi dalam hubungannya dengan dunia luar, memperhitungkan dan mengantisipasi dampak terhadap pelaksanaan tugas-tugas pelayanan publik secara objektif, transparan, dan profesional dalam lingkup organisasi.",
                    "Menjaga agar kebijakan pelayanan publik yang diselenggarakan oleh instansinya telah selaras dengan standar pelayanan yang objektif, netral, tidak memihak, tidak diskriminatif, serta tidak terpengaruh kepentingan pribadi/kelompok/partai politik.",
                    "Menerapkan strategi jangka panjang yang berfokus pada pemenuhan kebutuhan pemangku kepentingan dalam menyusun kebijakan dengan mengikuti standar objektif, netral, tidak memihak, tidak diskriminatif, transparan, tidak terpengaruh kepentingan pribadi/kelompok.",
                ],
            ),
            lv(
                "Mampu memastikan kebijakan-kebijakan pelayanan publik yang menjamin terselenggaranya pelayanan publik yang objektif, netral, tidak memihak, tidak diskriminatif, serta tidak terpengaruh kepentingan pribadi/kelompok/partai politik.",
                &[
                    "Mampu menciptakan kebijakan-kebijakan pelayanan publik yang menjamin terselenggaranya pelayanan publik yang objektif, netral, tidak memihak, tidak diskriminatif, serta tidak terpengaruh kepentingan pribadi/kelompok/partai politik.",
                    "Menginternalisasikan nilai dan semangat pelayanan publik yang mengikuti standar objektif, netral, tidak memihak, tidak diskriminatif, transparan, tidak terpengaruh kepentingan pribadi/kelompok kepada setiap individu di lingkungan instansi/nasional.",
                    "Menjamin terselenggaranya pelayanan publik yang objektif, netral, tidak memihak, tidak diskriminatif, serta tidak terpengaruh kepentingan pribadi/kelompok/partai politik.",
                ],
            ),
        ],
    ),
    manajerial(
        "M.06",
        "Pengembangan Diri dan Orang Lain",
        "Kemampuan untuk meningkatkan pengetahuan dan menyempurnakan keterampilan diri; menginspirasi orang lain untuk mengembangkan dan menyempurnakan pengetahuan dan keterampilan yang relevan dengan pekerjaan dan pengembangan karier jangka panjang, mendorong kemauan belajar sepanjang hidup, memberikan saran/bantuan, umpan balik, bimbingan untuk membantu orang lain untuk mengembangkan potensi dirinya.",
        [
            lv(
                "Pengembangan diri.",
                &[
                    "Mengidentifikasi kebutuhan pengembangan diri dan menyeleksi sumber serta metodologi pembelajaran yang diperlukan.",
                    "Menunjukkan usaha mandiri untuk mempelajari keterampilan atau kemampuan baru dari berbagai media pembelajaran.",
                    "Berupaya meningkatkan diri dengan belajar dari orang-orang lain yang berwawasan luas di dalam organisasi.",
                ],
            ),
            lv(
                "Meningkatkan kemampuan bawahan dengan memberikan contoh dan penjelasan cara melaksanakan suatu pekerjaan.",
                &[
                    "Meningkatkan kemampuan bawahan dengan memberikan contoh, instruksi, penjelasan dan petunjuk praktis yang jelas kepada bawahan dalam menyelesaikan suatu pekerjaan.",
                    "Membantu bawahan untuk mempelajari proses, program atau sistem baru.",
                    "Menggunakan metode lain untuk meyakinkan bahwa orang lain telah memahami penjelasan atau pengarahan.",
                ],
            ),
            lv(
                "Memberikan umpan balik, membimbing.",
                &[
                    "Memberikan tugas-tugas yang menantang pada bawahan sebagai media belajar untuk mengembangkan kemampuannya.",
                    "Mengamati bawahan dalam mengerjakan tugasnya dan memberikan umpan balik yang objektif dan jujur; melakukan diskusi dengan bawahan untuk memberikan bimbingan dan umpan balik yang berguna bagi bawahan.",
                    "Mendorong kepercayaan diri bawahan; memberikan kepercayaan penuh pada bawahan untuk mengerjakan tugas dengan caranya sendiri; memberi kesempatan dan membantu bawahan menemukan peluang untuk berkembang.",
                ],
            ),
            lv(
                "Menyusun program pengembangan jangka panjang dalam rangka mendorong manajemen pembelajaran.",
                &[
                    "Menyusun program pengembangan jangka panjang bersama-sama dengan bawahan, termasuk di dalamnya penetapan tujuan, bimbingan, penugasan dan pengalaman lainnya, serta mengalokasikan waktu untuk mengikuti pelatihan/pendidikan/pengembangan kompetensi dan karier.",
                    "Melaksanakan manajemen pembelajaran termasuk evaluasi dan umpan balik pada tataran organisasi.",
                    "Mengembangkan orang-orang di sekitarnya secara konsisten, melakukan kaderisasi untuk posisi-posisi di unit kerjanya.",
                ],
            ),
            lv(
                "Menciptakan situasi yang mendorong organisasi untuk mengembangkan kemampuan belajar secara berkelanjutan dalam rangka mendukung pencapaian hasil.",
                &[
                    "Menciptakan situasi yang mendorong individu, kelompok, unit kerja untuk mengembangkan kemampuan belajar secara berkelanjutan di tingkat instansi.",
                    "Merekomendasikan/memberikan penghargaan bagi upaya pengembangan yang berhasil, memastikan dukungan bagi orang lain dalam mengembangkan kemampuan dalam unit kerja di tingkat instansi.",
                    "Memberikan inspirasi kepada individu atau kelompok untuk belajar secara berkelanjutan dalam penerapan di tingkat instansi.",
                ],
            ),
        ],
    ),
    manajerial(
        "M.07",
        "Mengelola Perubahan",
        "Kemampuan dalam menyesuaikan diri dengan situasi yang baru atau berubah dan tidak bergantung secara berlebihan pada metode dan proses lama, mengambil tindakan untuk mendukung dan melaksanakan inisiatif perubahan, memimpin usaha perubahan, mengambil tanggung jawab pribadi untuk memastikan perubahan berhasil diimplementasikan secara efektif.",
        [
            lv(
                "Mengikuti perubahan dengan arahan.",
                &[
                    "Sadar mengenai perubahan yang terjadi di organisasi dan berusaha menyesuaikan diri dengan perubahan tersebut.",
                    "Mengikuti perubahan secara terbuka sesuai petunjuk/pedoman.",
                    "Menyesuaikan cara kerja lama dengan menerapkan metode/proses baru dengan bimbingan orang lain.",
                ],
            ),
            lv(
                "Proaktif beradaptasi mengikuti perubahan.",
                &[
                    "Menyesuaikan cara kerja lama dengan menerapkan metode/proses baru selaras dengan ketentuan yang berlaku tanpa arahan orang lain.",
                    "Mengembangkan kemampuan diri untuk menghadapi perubahan.",
                    "Cepat dan tanggap dalam menerima perubahan.",
                ],
            ),
            lv(
                "Membantu orang lain mengikuti perubahan, mengantisipasi perubahan secara tepat.",
                &[
                    "Membantu orang lain dalam melakukan perubahan.",
                    "Menyesuaikan prioritas kerja secara berulang-ulang jika diperlukan.",
                    "Mengantisipasi perubahan yang dibutuhkan oleh unit kerjanya secara tepat; memberikan solusi efektif terhadap masalah yang ditimbulkan oleh adanya perubahan.",
                ],
            ),
            lv(
                "Memimpin perubahan pada unit kerja.",
                &[
                    "Mengarahkan unit kerja untuk lebih siap dalam menghadapi perubahan termasuk memitigasi risiko yang mungkin terjadi.",
                    "Memastikan perubahan sudah diterapkan secara aktif di lingkup unit kerjanya secara berkala.",
                    "Memimpin dan memastikan penerapan program-program perubahan selaras antarunit kerja.",
                ],
            ),
            lv(
                "Memimpin, menggalang dan menggerakkan dukungan pemangku kepentingan untuk menjalankan perubahan secara berkelanjutan pada tingkat instansi/nasional.",
                &[
                    "Membuat kebijakan-kebijakan yang mendorong perubahan yang berdampak pada pencapaian sasaran prioritas nasional.",
                    "Menggalang dan menggerakkan dukungan para pemangku kepentingan untuk mengimplementasikan perubahan yang telah ditetapkan.",
                    "Secara berkelanjutan, mencari cara-cara baru untuk memberi nilai tambah bagi perubahan yang tengah dijalankan agar memberi manfaat yang lebih besar bagi para pemangku kepentingan.",
                ],
            ),
        ],
    ),
    manajerial(
        "M.08",
        "Pengambilan Keputusan",
        "Kemampuan membuat keputusan yang baik secara tepat waktu dan dengan keyakinan diri setelah mempertimbangkan prinsip kehati-hatian, dirumuskan secara sistematis dan saksama berdasarkan berbagai informasi, alternatif pemecahan masalah dan konsekuensinya, serta bertanggung jawab atas keputusan yang diambil.",
        [
            lv(
                "Mengumpulkan informasi untuk bertindak sesuai kewenangan.",
                &[
                    "Mengumpulkan dan mempertimbangkan informasi yang dibutuhkan dalam mencari solusi.",
                    "Mengenali situasi/pilihan yang tepat untuk bertindak sesuai kewenangan.",
                    "Mempertimbangkan kemungkinan solusi yang dapat diterapkan dalam pekerjaan rutin berdasarkan kebijakan dan prosedur yang telah ditentukan.",
                ],
            ),
            lv(
                "Menganalisis masalah secara mendalam.",
                &[
                    "Melakukan analisis secara mendalam terhadap informasi yang tersedia dalam upaya mencari solusi.",
                    "Mempertimbangkan berbagai alternatif yang ada sebelum membuat kesimpulan.",
                    "Membuat keputusan operasional berdasarkan kesimpulan dari berbagai sumber informasi sesuai dengan pedoman yang ada.",
                ],
            ),
            lv(
                "Membandingkan berbagai alternatif, menyeimbangkan risiko keberhasilan dalam implementasi.",
                &[
                    "Membandingkan berbagai alternatif tindakan dan implikasinya.",
                    "Memilih alternatif solusi yang terbaik, membuat keputusan operasional mengacu pada alternatif solusi terbaik yang didasarkan pada analisis data yang sistematis, saksama, mengikuti prinsip kehati-hatian.",
                    "Menyeimbangkan antara kemungkinan risiko dan keberhasilan dalam implementasinya.",
                ],
            ),
            lv(
                "Menyelesaikan masalah yang mengandung risiko tinggi, mengantisipasi dampak keputusan, membuat tindakan pengamanan; mitigasi risiko.",
                &[
                    "Menyusun dan/atau memutuskan konsep penyelesaian masalah yang melibatkan beberapa/seluruh fungsi dalam organisasi.",
                    "Menghasilkan solusi dari berbagai masalah yang kompleks, terkait dengan bidang kerjanya yang berdampak pada pihak lain.",
                    "Membuat keputusan dan mengantisipasi dampak keputusannya serta menyiapkan tindakan penanganannya (mitigasi risiko).",
                ],
            ),
            lv(
                "Menghasilkan solusi dan mengambil keputusan untuk mengatasi permasalahan jangka panjang/strategis, berdampak nasional.",
                &[
                    "Menghasilkan solusi yang dapat mengatasi permasalahan jangka panjang.",
                    "Menghasilkan solusi strategis yang berdampak pada tataran instansi/nasional.",
                    "Membuat keputusan atau kebijakan yang berdampak nasional dengan memitigasi risiko yang mungkin timbul.",
                ],
            ),
        ],
    ),
    EntriKamus {
        kode: "SK.01",
        kelompok: KelompokKompetensi::SosialKultural,
        bidang: None,
        nama: "Perekat Bangsa",
        definisi: "Kemampuan dalam mempromosikan sikap toleransi, keterbukaan, peka terhadap perbedaan individu/kelompok masyarakat; mampu menjadi perpanjangan tangan pemerintah dalam mempersatukan masyarakat dan membangun hubungan sosial psikologis dengan masyarakat di tengah kemajemukan Indonesia sehingga menciptakan kelekatan yang kuat antara ASN dan para pemangku kepentingan serta di antara para pemangku kepentingan itu sendiri; menjaga, mengembangkan, dan mewujudkan rasa persatuan dan kesatuan dalam kehidupan bermasyarakat, berbangsa dan bernegara Indonesia.",
        level: [
            lv(
                "Peka memahami dan menerima kemajemukan.",
                &[
                    "Mampu memahami, menerima, peka terhadap perbedaan individu/kelompok masyarakat.",
                    "Terbuka, ingin belajar tentang perbedaan/kemajemukan masyarakat.",
                    "Mampu bekerja bersama dengan individu yang berbeda latar belakang dengannya.",
                ],
            ),
            lv(
                "Aktif mengembangkan sikap saling menghargai, menekankan persamaan dan persatuan.",
                &[
                    "Menampilkan sikap dan perilaku yang peduli akan nilai-nilai keberagaman dan menghargai perbedaan.",
                    "Membangun hubungan baik antarindividu dalam organisasi, mitra kerja, pemangku kepentingan.",
                    "Bersikap tenang, mampu mengendalikan emosi, kemarahan dan frustrasi dalam menghadapi pertentangan yang ditimbulkan oleh perbedaan latar belakang, agama/kepercayaan, suku, jender, sosial ekonomi, preferensi politik di lingkungan unit kerjanya.",
                ],
            ),
            lv(
                "Mempromosikan, mengembangkan sikap toleransi dan persatuan.",
                &[
                    "Mempromosikan sikap menghargai perbedaan di antara orang-orang yang mendorong toleransi dan keterbukaan.",
                    "Melakukan pemetaan sosial di masyarakat sehingga dapat memberikan respons yang sesuai dengan budaya yang berlaku; mengidentifikasi potensi kesalahpahaman yang diakibatkan adanya keragaman budaya yang ada.",
                    "Menjadi mediator untuk menyelesaikan konflik atau mengurangi dampak negatif dari konflik atau potensi konflik.",
                ],
            ),
            lv(
                "Mendayagunakan perbedaan secara konstruktif dan kreatif untuk meningkatkan efektivitas organisasi.",
                &[
                    "Menginisiasi dan merepresentasikan pemerintah di lingkungan kerja dan masyarakat untuk senantiasa menjaga persatuan dan kesatuan dalam keberagaman dan menerima segala bentuk perbedaan dalam kehidupan bermasyarakat.",
                    "Mampu mendayagunakan perbedaan latar belakang, agama/kepercayaan, suku, jender, sosial ekonomi, preferensi politik untuk mencapai kelancaran pencapaian tujuan organisasi.",
                    "Mampu membuat program yang mengakomodasi perbedaan latar belakang, agama/kepercayaan, suku, jender, sosial ekonomi, preferensi politik.",
                ],
            ),
            lv(
                "Wakil pemerintah untuk membangun hubungan sosial psikologis.",
                &[
                    "Menjadi wakil pemerintah yang mampu membangun hubungan sosial psikologis dengan masyarakat sehingga menciptakan kelekatan yang kuat antara ASN dan para pemangku kepentingan serta di antara para pemangku kepentingan itu sendiri.",
                    "Mampu mengomunikasikan dampak risiko yang teridentifikasi dan merekomendasikan tindakan korektif berdasarkan pertimbangan perbedaan latar belakang, agama/kepercayaan, suku, jender, sosial ekonomi, preferensi politik untuk membangun hubungan jangka panjang.",
                    "Mampu membuat kebijakan yang mengakomodasi perbedaan latar belakang, agama/kepercayaan, suku, jender, sosial ekonomi, preferensi politik yang berdampak positif secara nasional.",
                ],
            ),
        ],
    },
];

/// The technical dictionary written for Sawahlunto (at least 40 entries).
pub static TEKNIS: &[EntriKamus] = &[
    // ----- SPBE, data dan keamanan informasi -----
    teknis(
        "T.SPBE.01",
        "spbe",
        "Tata Kelola Sistem Pemerintahan Berbasis Elektronik",
        "Kemampuan merencanakan, menerapkan, memantau dan mengevaluasi tata kelola Sistem Pemerintahan Berbasis Elektronik (SPBE), meliputi arsitektur, peta rencana, manajemen layanan dan keterpaduan aplikasi, agar layanan pemerintahan daerah terintegrasi, efektif dan akuntabel.",
        [
            lv(
                "Memahami konsep dasar SPBE dan menjalankan tugas tata kelola sesuai prosedur yang ditetapkan.",
                &[
                    "Menjelaskan domain, aspek dan indikator evaluasi SPBE yang berkaitan dengan tugasnya.",
                    "Mengisi data dan menghimpun bukti dukung evaluasi SPBE unit kerja sesuai format yang ditetapkan.",
                ],
            ),
            lv(
                "Melaksanakan tata kelola SPBE di unit kerja secara mandiri.",
                &[
                    "Menginventarisasi layanan, aplikasi, data dan proses bisnis perangkat daerah sebagai bahan arsitektur SPBE.",
                    "Menyusun bukti dukung evaluasi SPBE secara lengkap dan tepat waktu tanpa arahan rinci.",
                    "Mengoordinasikan penggunaan aplikasi umum dengan perangkat daerah pengguna.",
                ],
            ),
            lv(
                "Menganalisis kesenjangan tata kelola SPBE dengan metode yang sistematis dan merumuskan perbaikannya.",
                &[
                    "Menganalisis hasil evaluasi SPBE untuk menemukan indikator yang lemah beserta penyebabnya.",
                    "Mengidentifikasi duplikasi aplikasi dan peluang integrasi layanan antarperangkat daerah.",
                    "Menyusun rekomendasi perbaikan yang terukur untuk dimasukkan ke dalam rencana kerja.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin penerapan tata kelola SPBE di tingkat pemerintah daerah.",
                &[
                    "Memimpin penyusunan arsitektur dan peta rencana SPBE Kota Sawahlunto bersama perangkat daerah.",
                    "Mengarahkan tim koordinasi SPBE dalam menetapkan prioritas integrasi layanan.",
                    "Memantau pelaksanaan peta rencana SPBE dan mengendalikan risikonya.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis tata kelola SPBE di tingkat instansi, provinsi dan nasional.",
                &[
                    "Merumuskan kebijakan daerah tentang SPBE yang selaras dengan arsitektur SPBE nasional.",
                    "Menjadi narasumber tata kelola SPBE bagi pemerintah daerah lain dan forum tingkat provinsi/nasional.",
                    "Membangun kemitraan strategis untuk keberlanjutan transformasi digital pemerintah daerah.",
                ],
            ),
        ],
    ),
    teknis(
        "T.SPBE.02",
        "spbe",
        "Pengelolaan Data dan Satu Data",
        "Kemampuan mengumpulkan, memeriksa, mengelola, menyebarluaskan dan memanfaatkan data pemerintah daerah sesuai prinsip Satu Data Indonesia (standar data, metadata, interoperabilitas dan kode referensi) untuk perencanaan dan pengambilan keputusan.",
        [
            lv(
                "Memahami prinsip dasar Satu Data dan mengelola data sesuai prosedur yang ditetapkan.",
                &[
                    "Mengisi dan memutakhirkan data unit kerja sesuai standar data dan format yang ditetapkan.",
                    "Melengkapi metadata untuk setiap set data yang dikelolanya.",
                ],
            ),
            lv(
                "Mengelola set data unit kerja secara mandiri.",
                &[
                    "Memeriksa kelengkapan, konsistensi dan kemutakhiran data sebelum diserahkan kepada walidata.",
                    "Menerbitkan set data yang telah diperiksa pada portal data daerah.",
                    "Menyusun daftar data yang dikelola unit kerja beserta jadwal pemutakhirannya.",
                ],
            ),
            lv(
                "Menganalisis kualitas dan pemanfaatan data serta merumuskan perbaikannya.",
                &[
                    "Mengidentifikasi ketidaksesuaian data antarperangkat daerah dan menelusuri penyebabnya.",
                    "Mengolah data menjadi informasi dan visualisasi yang siap digunakan pimpinan.",
                    "Merumuskan perbaikan standar data, kode referensi dan alur pengumpulan data.",
                ],
            ),
            lv(
                "Mengembangkan tata kelola data sebagai walidata atau koordinator data di tingkat daerah.",
                &[
                    "Memimpin forum Satu Data daerah dalam menetapkan daftar data prioritas.",
                    "Mengembangkan integrasi data antarsistem, misalnya data kependudukan, kesejahteraan sosial dan kesehatan, dengan memperhatikan pelindungan data pribadi.",
                    "Menetapkan mekanisme penjaminan kualitas data bagi seluruh produsen data.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis pengelolaan dan pemanfaatan data pemerintah.",
                &[
                    "Merumuskan kebijakan daerah tentang tata kelola dan pemanfaatan data.",
                    "Mendorong pengambilan kebijakan berbasis data di seluruh perangkat daerah.",
                    "Menjadi rujukan praktik baik Satu Data bagi pemerintah daerah lain.",
                ],
            ),
        ],
    ),
    teknis(
        "T.SPBE.03",
        "spbe",
        "Keamanan Informasi dan Persandian",
        "Kemampuan menerapkan, memantau dan mengembangkan pengamanan informasi, persandian dan penanganan insiden siber untuk menjaga kerahasiaan, keutuhan dan ketersediaan informasi serta sistem elektronik pemerintah daerah.",
        [
            lv(
                "Memahami dasar keamanan informasi dan menerapkannya pada pekerjaan sendiri sesuai prosedur.",
                &[
                    "Menggunakan kata sandi yang kuat, autentikasi dua faktor dan perangkat kerja secara aman.",
                    "Mengenali surel phishing dan tautan mencurigakan serta melaporkannya kepada pengelola TIK.",
                    "Memperlakukan dokumen dan data pribadi sesuai klasifikasi informasi.",
                ],
            ),
            lv(
                "Melaksanakan pengamanan informasi di unit kerja secara mandiri.",
                &[
                    "Mengelola hak akses pengguna aplikasi sesuai prinsip hak akses minimum.",
                    "Melaksanakan pencadangan data dan menguji pemulihannya secara berkala.",
                    "Mencatat dan meneruskan insiden keamanan informasi sesuai prosedur penanganan insiden.",
                ],
            ),
            lv(
                "Menganalisis risiko dan kerentanan keamanan informasi secara sistematis.",
                &[
                    "Melaksanakan penilaian risiko keamanan informasi pada sistem elektronik prioritas.",
                    "Menganalisis hasil pemindaian kerentanan dan menetapkan prioritas perbaikan.",
                    "Menganalisis penyebab insiden dan merekomendasikan langkah pencegahan.",
                ],
            ),
            lv(
                "Mengembangkan sistem manajemen keamanan informasi dan memimpin tim tanggap insiden di tingkat daerah.",
                &[
                    "Menyusun kebijakan, standar dan prosedur keamanan informasi pemerintah daerah.",
                    "Memimpin tim tanggap insiden siber daerah dalam menangani insiden hingga pemulihan.",
                    "Mengembangkan program peningkatan kesadaran keamanan informasi bagi seluruh ASN.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis keamanan siber dan persandian pemerintah daerah.",
                &[
                    "Merumuskan strategi keamanan siber daerah yang selaras dengan kebijakan nasional.",
                    "Membangun kerja sama dengan instansi pembina keamanan siber dan persandian di tingkat provinsi dan nasional.",
                    "Menjadi narasumber pengelolaan keamanan informasi bagi instansi lain.",
                ],
            ),
        ],
    ),
    teknis(
        "T.SPBE.04",
        "spbe",
        "Pengembangan dan Pengelolaan Aplikasi Layanan",
        "Kemampuan menganalisis kebutuhan, merancang, membangun, menguji, mengoperasikan dan memelihara aplikasi layanan pemerintahan dan layanan publik secara aman, terintegrasi dan berorientasi pada pengguna.",
        [
            lv(
                "Memahami siklus pengembangan aplikasi dan melaksanakan tugas teknis sesuai prosedur.",
                &[
                    "Melaksanakan pengujian fungsi aplikasi berdasarkan skenario uji yang disediakan.",
                    "Mencatat keluhan pengguna dan kesalahan aplikasi ke dalam sistem pelacakan masalah.",
                ],
            ),
            lv(
                "Membangun dan memelihara fitur aplikasi secara mandiri.",
                &[
                    "Menerjemahkan kebutuhan pengguna menjadi rancangan fitur, basis data dan antarmuka.",
                    "Membangun fitur dengan kendali versi, standar penulisan kode dan pengujian otomatis.",
                    "Menerapkan pembaruan aplikasi disertai rencana pengembalian apabila terjadi kegagalan.",
                ],
            ),
            lv(
                "Menganalisis dan memperbaiki proses bisnis, arsitektur serta kinerja aplikasi.",
                &[
                    "Menganalisis proses bisnis layanan untuk menyederhanakan alur sebelum didigitalkan.",
                    "Merancang integrasi antaraplikasi melalui antarmuka pemrograman aplikasi (API) yang terdokumentasi.",
                    "Mengevaluasi keamanan, kinerja dan kemudahan penggunaan aplikasi lalu menyusun rencana perbaikan.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin pengelolaan portofolio aplikasi layanan daerah.",
                &[
                    "Memimpin tim pengembang dalam membangun aplikasi prioritas, misalnya layanan terpadu Mal Pelayanan Publik.",
                    "Menetapkan standar pengembangan, pengujian dan operasional aplikasi bagi perangkat daerah.",
                    "Mengendalikan penggunaan aplikasi umum dan mencegah pembangunan aplikasi yang tumpang tindih.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis pengembangan aplikasi pemerintahan.",
                &[
                    "Merumuskan arah pengembangan aplikasi daerah yang terintegrasi dengan aplikasi nasional.",
                    "Membagipakaikan aplikasi dan kode sumber yang dikembangkan daerah kepada instansi lain.",
                    "Menjadi narasumber rekayasa perangkat lunak pemerintahan di tingkat provinsi/nasional.",
                ],
            ),
        ],
    ),
    teknis(
        "T.SPBE.05",
        "spbe",
        "Literasi Digital dan Pendampingan Layanan Daring",
        "Kemampuan memanfaatkan perangkat dan layanan digital secara cakap, aman dan beretika, serta mendampingi masyarakat dan sesama ASN dalam menggunakan layanan pemerintahan secara daring.",
        [
            lv(
                "Menggunakan perangkat dan layanan digital dalam pekerjaan sehari-hari sesuai panduan.",
                &[
                    "Menggunakan surel dinas, penyimpanan awan dan aplikasi perkantoran untuk tugas rutin.",
                    "Mengakses aplikasi layanan daring instansi sesuai panduan pengguna.",
                ],
            ),
            lv(
                "Memanfaatkan layanan digital secara mandiri dan membantu pengguna layanan.",
                &[
                    "Membantu warga mengajukan layanan daring, misalnya melalui anjungan mandiri di Mal Pelayanan Publik.",
                    "Menjelaskan langkah penggunaan layanan daring dengan bahasa yang mudah dipahami.",
                    "Memeriksa kebenaran informasi sebelum menyebarkannya melalui media digital.",
                ],
            ),
            lv(
                "Menganalisis hambatan penggunaan layanan digital dan merancang pendampingan.",
                &[
                    "Mengidentifikasi kelompok masyarakat yang kesulitan mengakses layanan daring, seperti warga lanjut usia dan penyandang disabilitas.",
                    "Menyusun materi panduan, video tutorial dan tanya jawab untuk layanan daring.",
                    "Menganalisis data penggunaan layanan daring untuk menemukan tahapan yang sering gagal.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin program literasi digital di tingkat perangkat daerah atau kota.",
                &[
                    "Merancang dan memimpin program literasi digital bagi ASN dan masyarakat di empat kecamatan Kota Sawahlunto.",
                    "Membangun jejaring relawan dan mitra untuk pendampingan layanan daring.",
                    "Mengukur dampak program terhadap pemanfaatan layanan daring.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis transformasi budaya kerja digital.",
                &[
                    "Merumuskan kebijakan peningkatan kecakapan digital ASN dan masyarakat.",
                    "Menjadi teladan dan narasumber budaya kerja digital di tingkat provinsi/nasional.",
                ],
            ),
        ],
    ),
    teknis(
        "T.SPBE.06",
        "spbe",
        "Pengelolaan Infrastruktur Jaringan dan Pusat Data",
        "Kemampuan merencanakan, membangun, mengoperasikan dan memelihara jaringan intra pemerintah daerah, akses internet, server dan pusat data agar layanan elektronik pemerintah daerah tersedia, andal dan aman.",
        [
            lv(
                "Memahami komponen dasar jaringan dan melaksanakan pemeliharaan rutin sesuai prosedur.",
                &[
                    "Memeriksa status perangkat jaringan dan konektivitas unit kerja sesuai daftar periksa.",
                    "Menangani gangguan tingkat pertama dan mencatatnya dalam log gangguan.",
                ],
            ),
            lv(
                "Mengoperasikan jaringan dan server secara mandiri.",
                &[
                    "Mengonfigurasi perangkat jaringan, pengalamatan IP dan jaringan nirkabel kantor sesuai standar.",
                    "Memantau ketersediaan server dan layanan serta menindaklanjuti peringatan.",
                    "Mengelola titik akses internet publik dan melaporkan kinerjanya.",
                ],
            ),
            lv(
                "Menganalisis kapasitas dan keandalan infrastruktur serta merancang perbaikannya.",
                &[
                    "Menganalisis beban dan kapasitas jaringan serta server sebagai dasar perencanaan kebutuhan.",
                    "Mengidentifikasi titik kegagalan tunggal dan merancang redundansi.",
                    "Menyusun spesifikasi teknis pengadaan perangkat infrastruktur.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin pengelolaan arsitektur infrastruktur SPBE daerah.",
                &[
                    "Memimpin pembangunan jaringan intra pemerintah daerah yang menghubungkan perangkat daerah, kecamatan, puskesmas dan sekolah.",
                    "Menetapkan standar operasional pusat data dan rencana pemulihan bencana.",
                    "Mengoordinasikan pemanfaatan infrastruktur dan pusat data nasional.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis infrastruktur digital pemerintah.",
                &[
                    "Merumuskan peta jalan infrastruktur digital daerah jangka menengah.",
                    "Menjadi narasumber pengelolaan infrastruktur SPBE bagi instansi lain.",
                ],
            ),
        ],
    ),
    // ----- Perizinan berusaha, MPP dan pelayanan terpadu -----
    teknis(
        "T.IZN.01",
        "perizinan",
        "Pelayanan Perizinan Berusaha melalui OSS-RBA",
        "Kemampuan memproses, memverifikasi dan menerbitkan perizinan berusaha berbasis risiko melalui sistem OSS-RBA sesuai kewenangan daerah, termasuk mendampingi pelaku usaha dalam memperoleh Nomor Induk Berusaha (NIB) dan memenuhi persyaratan.",
        [
            lv(
                "Memahami konsep perizinan berusaha berbasis risiko dan melayani pelaku usaha sesuai prosedur.",
                &[
                    "Menjelaskan kepada pelaku usaha tingkat risiko usaha dan jenis perizinan yang dibutuhkan.",
                    "Membantu pelaku usaha mendaftar dan memperoleh NIB melalui OSS-RBA.",
                ],
            ),
            lv(
                "Memproses permohonan perizinan berusaha secara mandiri.",
                &[
                    "Memverifikasi pemenuhan persyaratan dan standar usaha sesuai KBLI yang dimohonkan.",
                    "Menindaklanjuti permohonan di OSS-RBA dalam batas waktu layanan.",
                    "Berkoordinasi dengan perangkat daerah teknis untuk verifikasi teknis persyaratan.",
                ],
            ),
            lv(
                "Menganalisis hambatan perizinan dan memperbaiki proses layanan.",
                &[
                    "Menganalisis data permohonan yang tertunda atau ditolak beserta penyebabnya.",
                    "Merumuskan penyederhanaan alur dan persyaratan pendukung yang menjadi kewenangan daerah.",
                    "Menyusun bahan sosialisasi perizinan berbasis risiko bagi pelaku usaha mikro dan kecil.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin penyelenggaraan perizinan berusaha di daerah.",
                &[
                    "Mengoordinasikan perangkat daerah teknis agar verifikasi persyaratan selesai tepat waktu.",
                    "Menetapkan target kinerja, standar pelayanan dan pemantauan layanan perizinan.",
                    "Menyelaraskan pengaturan daerah dengan norma, standar, prosedur dan kriteria perizinan nasional.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis perizinan berusaha dan kemudahan berusaha di daerah.",
                &[
                    "Merumuskan kebijakan kemudahan berusaha untuk mendorong investasi di Kota Sawahlunto.",
                    "Menjadi narasumber praktik baik perizinan berbasis risiko di tingkat provinsi/nasional.",
                ],
            ),
        ],
    ),
    teknis(
        "T.IZN.02",
        "perizinan",
        "Penyelenggaraan Layanan Mal Pelayanan Publik",
        "Kemampuan menyelenggarakan dan mengoordinasikan layanan terpadu di Mal Pelayanan Publik (MPP) yang menghimpun layanan pemerintah daerah, instansi vertikal, BUMN/BUMD dan swasta dalam satu tempat, agar layanan mudah, cepat, terjangkau dan nyaman.",
        [
            lv(
                "Memahami tata kelola MPP dan melayani pengunjung di gerai sesuai standar pelayanan.",
                &[
                    "Melayani pengunjung di gerai atau meja informasi sesuai standar pelayanan dan maklumat pelayanan.",
                    "Mengarahkan pengunjung ke gerai yang tepat di antara 134 jenis layanan MPP Kota Sawahlunto.",
                    "Menggunakan sistem antrean dan mencatat layanan yang diberikan.",
                ],
            ),
            lv(
                "Mengelola operasional layanan MPP secara mandiri.",
                &[
                    "Mengatur jadwal petugas, antrean dan kesiapan sarana agar layanan berjalan tepat waktu.",
                    "Menangani keluhan pengunjung di tempat dan meneruskan keluhan yang belum selesai.",
                    "Menyusun laporan harian dan bulanan jumlah serta jenis layanan.",
                ],
            ),
            lv(
                "Menganalisis kinerja layanan dan kepuasan pengguna MPP.",
                &[
                    "Menganalisis waktu tunggu, volume layanan dan hasil survei kepuasan masyarakat per gerai.",
                    "Mengidentifikasi layanan yang dapat diintegrasikan atau didigitalkan.",
                    "Merumuskan perbaikan tata letak, alur dan informasi layanan.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin pengelolaan MPP.",
                &[
                    "Mengoordinasikan instansi penyelenggara layanan di MPP melalui perjanjian kerja sama dan standar bersama.",
                    "Memimpin inovasi layanan, misalnya layanan jemput bola dan layanan daring terintegrasi.",
                    "Menyusun rencana pengembangan MPP berdasarkan evaluasi kinerja.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis penyelenggaraan pelayanan terpadu.",
                &[
                    "Merumuskan kebijakan pelayanan terpadu kota yang berkelanjutan.",
                    "Menjadikan MPP Kota Sawahlunto rujukan praktik baik bagi daerah lain.",
                ],
            ),
        ],
    ),
    teknis(
        "T.IZN.03",
        "perizinan",
        "Standar Pelayanan dan Pengelolaan Pengaduan (SP4N-LAPOR!)",
        "Kemampuan menyusun, menerapkan dan mengevaluasi standar pelayanan, maklumat pelayanan dan survei kepuasan masyarakat, serta mengelola pengaduan masyarakat melalui SP4N-LAPOR! dan kanal lainnya secara cepat, tuntas dan akuntabel.",
        [
            lv(
                "Memahami komponen standar pelayanan dan alur pengaduan serta melaksanakannya sesuai prosedur.",
                &[
                    "Menjelaskan persyaratan, prosedur, waktu dan biaya layanan sesuai standar pelayanan yang dipublikasikan.",
                    "Menerima pengaduan dan mencatatnya ke dalam SP4N-LAPOR! sesuai kategori.",
                ],
            ),
            lv(
                "Mengelola pengaduan dan survei kepuasan masyarakat secara mandiri.",
                &[
                    "Menelaah dan meneruskan pengaduan kepada unit yang berwenang serta memantau tindak lanjutnya.",
                    "Menyusun jawaban pengaduan yang jelas, santun dan sesuai fakta dalam batas waktu.",
                    "Melaksanakan survei kepuasan masyarakat sesuai metode yang ditetapkan.",
                ],
            ),
            lv(
                "Menganalisis pengaduan dan hasil survei untuk perbaikan layanan.",
                &[
                    "Menganalisis pola pengaduan berulang dan menemukan akar masalahnya.",
                    "Mengolah hasil survei kepuasan masyarakat menjadi indeks dan rekomendasi perbaikan per unsur layanan.",
                    "Merevisi standar pelayanan bersama masyarakat dan pemangku kepentingan.",
                ],
            ),
            lv(
                "Mengembangkan sistem pengelolaan pengaduan dan kepatuhan standar pelayanan di tingkat daerah.",
                &[
                    "Mengoordinasikan pengelola pengaduan seluruh perangkat daerah agar tindak lanjut tuntas.",
                    "Menyiapkan pemenuhan penilaian kepatuhan standar pelayanan publik oleh Ombudsman.",
                    "Menetapkan mekanisme penghargaan dan pembinaan unit layanan berdasarkan kinerja.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis peningkatan kualitas pelayanan publik.",
                &[
                    "Merumuskan kebijakan peningkatan kualitas pelayanan publik daerah.",
                    "Menjadi rujukan pengelolaan pengaduan dan standar pelayanan bagi daerah lain.",
                ],
            ),
        ],
    ),
    teknis(
        "T.IZN.04",
        "perizinan",
        "Pengawasan Perizinan Berusaha Berbasis Risiko",
        "Kemampuan merencanakan dan melaksanakan pengawasan rutin dan insidental atas kepatuhan pelaku usaha terhadap perizinan berusaha berbasis risiko, termasuk pembinaan dan rekomendasi tindak lanjut.",
        [
            lv(
                "Memahami prinsip pengawasan berbasis risiko dan melaksanakannya sesuai prosedur.",
                &[
                    "Menghimpun laporan kegiatan penanaman modal dan data pelaku usaha yang diawasi.",
                    "Mengikuti inspeksi lapangan dan mencatat temuan sesuai formulir.",
                ],
            ),
            lv(
                "Melaksanakan pengawasan perizinan secara mandiri.",
                &[
                    "Menyusun jadwal pengawasan sesuai tingkat risiko kegiatan usaha.",
                    "Memeriksa kesesuaian kegiatan usaha dengan perizinan dan standar yang dimiliki.",
                    "Menyusun berita acara dan laporan hasil pengawasan.",
                ],
            ),
            lv(
                "Menganalisis tingkat kepatuhan pelaku usaha dan merumuskan pembinaan.",
                &[
                    "Menganalisis hasil pengawasan untuk memetakan sektor dan wilayah dengan kepatuhan rendah.",
                    "Merumuskan rekomendasi pembinaan atau sanksi administratif sesuai ketentuan.",
                    "Mengoordinasikan pengawasan terpadu dengan perangkat daerah teknis.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin sistem pengawasan perizinan daerah.",
                &[
                    "Menyusun rencana pengawasan tahunan terpadu lintas perangkat daerah.",
                    "Memimpin pengawasan atas kegiatan usaha berisiko tinggi.",
                    "Mengembangkan pemantauan kepatuhan berbasis data.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis pengawasan perizinan berusaha.",
                &[
                    "Merumuskan kebijakan pengawasan yang menyeimbangkan kemudahan berusaha dan pelindungan masyarakat.",
                    "Menjadi narasumber pengawasan berbasis risiko bagi daerah lain.",
                ],
            ),
        ],
    ),
    teknis(
        "T.IZN.05",
        "perizinan",
        "Promosi dan Fasilitasi Penanaman Modal",
        "Kemampuan menyusun profil peluang investasi, mempromosikan potensi daerah dan memfasilitasi penanam modal sejak tahap minat hingga realisasi investasi.",
        [
            lv(
                "Memahami dasar promosi penanaman modal dan melayani permintaan informasi sesuai prosedur.",
                &[
                    "Menghimpun data potensi dan peluang investasi dari perangkat daerah.",
                    "Melayani permintaan informasi calon penanam modal sesuai prosedur.",
                ],
            ),
            lv(
                "Melaksanakan promosi dan fasilitasi penanaman modal secara mandiri.",
                &[
                    "Menyusun bahan promosi investasi, seperti profil proyek dan peta potensi.",
                    "Mendampingi calon penanam modal meninjau lokasi dan bertemu perangkat daerah terkait.",
                ],
            ),
            lv(
                "Menganalisis peluang dan hambatan investasi di daerah.",
                &[
                    "Menganalisis kelayakan awal peluang investasi, misalnya pada pariwisata warisan tambang dan industri kreatif.",
                    "Mengidentifikasi hambatan realisasi investasi dan merumuskan penyelesaiannya.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin strategi promosi dan pelayanan investasi daerah.",
                &[
                    "Memimpin penyusunan rencana umum penanaman modal daerah bersama perangkat daerah terkait.",
                    "Memimpin forum dan misi promosi investasi.",
                    "Mengembangkan sistem pendampingan penanam modal hingga realisasi.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis kebijakan penanaman modal daerah.",
                &[
                    "Merumuskan kebijakan insentif dan kemudahan penanaman modal daerah.",
                    "Membangun kemitraan investasi dengan pemerintah provinsi, pemerintah pusat dan dunia usaha.",
                ],
            ),
        ],
    ),
    // ----- Administrasi kependudukan -----
    teknis(
        "T.DUK.01",
        "adminduk",
        "Pelayanan Pendaftaran Penduduk",
        "Kemampuan melayani pendaftaran penduduk (biodata, kartu keluarga, KTP elektronik, kartu identitas anak, pindah datang) serta mengelola dan memanfaatkan data kependudukan melalui SIAK sesuai ketentuan, dengan menjaga pelindungan data pribadi.",
        [
            lv(
                "Memahami jenis layanan pendaftaran penduduk dan melayani sesuai prosedur.",
                &[
                    "Memeriksa kelengkapan berkas permohonan kartu keluarga, KTP elektronik dan pindah datang.",
                    "Merekam data dan biometrik penduduk pada aplikasi sesuai panduan.",
                ],
            ),
            lv(
                "Melayani dan menerbitkan dokumen pendaftaran penduduk secara mandiri.",
                &[
                    "Memverifikasi dan memvalidasi data penduduk dalam SIAK sebelum dokumen diterbitkan.",
                    "Melayani penerbitan dokumen secara daring maupun jemput bola ke kelurahan, desa, sekolah dan panti.",
                    "Menerapkan pelindungan data pribadi dalam setiap layanan.",
                ],
            ),
            lv(
                "Menganalisis kualitas data kependudukan dan memperbaiki layanan.",
                &[
                    "Menganalisis data ganda, data anomali dan cakupan kepemilikan dokumen kependudukan.",
                    "Merumuskan perbaikan alur layanan untuk mempersingkat waktu penyelesaian.",
                    "Mengidentifikasi kelompok rentan yang belum memiliki dokumen kependudukan.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin layanan serta pemanfaatan data kependudukan di tingkat daerah.",
                &[
                    "Memimpin program percepatan kepemilikan dokumen kependudukan.",
                    "Mengelola kerja sama pemanfaatan data kependudukan dengan perangkat daerah dan lembaga pengguna.",
                    "Menetapkan standar layanan dan pengendalian kualitas data kependudukan.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis penyelenggaraan administrasi kependudukan.",
                &[
                    "Merumuskan kebijakan daerah tentang penyelenggaraan administrasi kependudukan.",
                    "Menjadi rujukan praktik baik layanan administrasi kependudukan bagi daerah lain.",
                ],
            ),
        ],
    ),
    teknis(
        "T.DUK.02",
        "adminduk",
        "Pelayanan Pencatatan Sipil",
        "Kemampuan melayani pencatatan peristiwa penting (kelahiran, kematian, perkawinan, perceraian, pengakuan dan pengesahan anak, serta perubahan nama) dan menerbitkan akta pencatatan sipil secara tepat, cepat dan sah.",
        [
            lv(
                "Memahami jenis peristiwa penting dan persyaratannya serta melayani sesuai prosedur.",
                &[
                    "Memeriksa kelengkapan persyaratan pencatatan kelahiran dan kematian.",
                    "Memasukkan data peristiwa penting ke dalam aplikasi sesuai panduan.",
                ],
            ),
            lv(
                "Menerbitkan akta pencatatan sipil secara mandiri.",
                &[
                    "Memverifikasi keabsahan dokumen pendukung dan kesesuaiannya dengan data kependudukan.",
                    "Menerbitkan akta pencatatan sipil sesuai kewenangan dan batas waktu layanan.",
                    "Melayani pencatatan kelahiran dan kematian yang terhubung dengan fasilitas pelayanan kesehatan.",
                ],
            ),
            lv(
                "Menganalisis cakupan dan permasalahan pencatatan sipil.",
                &[
                    "Menganalisis cakupan akta kelahiran anak dan pencatatan kematian per kecamatan.",
                    "Menelaah kasus pencatatan yang kompleks, seperti pencatatan berdasarkan penetapan pengadilan.",
                    "Merumuskan langkah perbaikan untuk meningkatkan cakupan pencatatan.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin layanan pencatatan sipil di tingkat daerah.",
                &[
                    "Memimpin kerja sama pencatatan terintegrasi dengan RSUD, puskesmas, pengadilan dan kantor urusan agama.",
                    "Mengembangkan inovasi layanan akta secara daring.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis pencatatan sipil.",
                &[
                    "Merumuskan kebijakan daerah tentang pencatatan sipil yang inklusif.",
                    "Menjadi rujukan praktik baik pencatatan sipil bagi daerah lain.",
                ],
            ),
        ],
    ),
    // ----- Keuangan daerah -----
    teknis(
        "T.KEU.01",
        "keuangan",
        "Penganggaran dan Penatausahaan Keuangan Daerah",
        "Kemampuan menyusun rencana kerja dan anggaran, melaksanakan penatausahaan pendapatan dan belanja, serta mengelola kas perangkat daerah sesuai ketentuan pengelolaan keuangan daerah dengan memanfaatkan sistem informasi pemerintahan daerah.",
        [
            lv(
                "Memahami siklus pengelolaan keuangan daerah dan melaksanakan penatausahaan sesuai prosedur.",
                &[
                    "Menyiapkan dokumen pengajuan dan pertanggungjawaban belanja sesuai daftar periksa.",
                    "Mencatat transaksi penerimaan dan pengeluaran pada buku kas dan aplikasi keuangan daerah.",
                ],
            ),
            lv(
                "Melaksanakan penganggaran dan penatausahaan keuangan perangkat daerah secara mandiri.",
                &[
                    "Menyusun rencana kerja dan anggaran perangkat daerah sesuai kode rekening, standar harga dan pagu anggaran.",
                    "Memverifikasi SPP, SPM dan bukti pertanggungjawaban sebelum diajukan.",
                    "Menyelesaikan pemotongan dan penyetoran pajak atas belanja tepat waktu.",
                ],
            ),
            lv(
                "Menganalisis pelaksanaan anggaran dan memperbaiki pengendaliannya.",
                &[
                    "Menganalisis realisasi anggaran terhadap anggaran kas dan capaian kinerja.",
                    "Mengidentifikasi penyebab keterlambatan penyerapan dan kesalahan penatausahaan.",
                    "Merumuskan perbaikan pengendalian intern atas pengelolaan kas.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin pengelolaan anggaran di tingkat pemerintah daerah.",
                &[
                    "Mengoordinasikan penyusunan APBD dan perubahannya bersama tim anggaran pemerintah daerah.",
                    "Menetapkan pedoman penatausahaan keuangan bagi perangkat daerah.",
                    "Memimpin pengelolaan kas daerah yang efektif dan efisien.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis pengelolaan keuangan daerah.",
                &[
                    "Merumuskan kebijakan fiskal daerah yang menjaga keberlanjutan anggaran di tengah tingginya ketergantungan pada dana transfer.",
                    "Menjadi narasumber pengelolaan keuangan daerah di tingkat provinsi/nasional.",
                ],
            ),
        ],
    ),
    teknis(
        "T.KEU.02",
        "keuangan",
        "Akuntansi dan Pelaporan Keuangan Daerah",
        "Kemampuan menerapkan standar akuntansi pemerintahan berbasis akrual untuk mencatat, menggolongkan dan melaporkan transaksi keuangan serta menyusun laporan keuangan yang andal dan siap diperiksa.",
        [
            lv(
                "Memahami dasar akuntansi pemerintahan dan mencatat transaksi sesuai prosedur.",
                &[
                    "Menjurnal transaksi sederhana sesuai bagan akun standar.",
                    "Menyiapkan dokumen sumber untuk keperluan rekonsiliasi.",
                ],
            ),
            lv(
                "Menyusun laporan keuangan perangkat daerah secara mandiri.",
                &[
                    "Menyusun laporan keuangan perangkat daerah sesuai standar akuntansi pemerintahan.",
                    "Melakukan rekonsiliasi kas, belanja dan aset dengan pengelola keuangan daerah.",
                    "Menyusun catatan atas laporan keuangan untuk akun yang dikelola.",
                ],
            ),
            lv(
                "Menganalisis laporan keuangan dan memperbaiki kualitasnya.",
                &[
                    "Menganalisis laporan keuangan untuk menemukan salah saji dan ketidakwajaran saldo.",
                    "Menindaklanjuti temuan pemeriksaan BPK dan merumuskan koreksi yang diperlukan.",
                    "Menyusun analisis laporan keuangan sebagai bahan pengambilan keputusan pimpinan.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin pelaporan keuangan pemerintah daerah.",
                &[
                    "Memimpin penyusunan laporan keuangan pemerintah daerah yang dikonsolidasikan.",
                    "Menyusun dan memutakhirkan kebijakan akuntansi pemerintah daerah.",
                    "Mengoordinasikan penyelesaian rekomendasi hasil pemeriksaan.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis akuntansi dan pelaporan keuangan pemerintah.",
                &[
                    "Merumuskan strategi untuk mempertahankan opini Wajar Tanpa Pengecualian secara berkelanjutan.",
                    "Menjadi rujukan akuntansi pemerintahan bagi daerah lain.",
                ],
            ),
        ],
    ),
    // ----- Pengadaan barang/jasa -----
    teknis(
        "T.PBJ.01",
        "pengadaan",
        "Pengadaan Barang/Jasa Pemerintah",
        "Kemampuan merencanakan pengadaan, memilih penyedia dengan metode yang tepat, mengelola kontrak dan memanfaatkan sistem pengadaan secara elektronik (SIRUP, SPSE dan katalog elektronik) secara efektif, efisien, transparan dan akuntabel.",
        [
            lv(
                "Memahami prinsip dan tahapan pengadaan barang/jasa serta melaksanakannya sesuai prosedur.",
                &[
                    "Memasukkan rencana umum pengadaan ke dalam SIRUP sesuai dokumen anggaran.",
                    "Menyiapkan dokumen administrasi pengadaan sesuai templat yang ditetapkan.",
                ],
            ),
            lv(
                "Melaksanakan pengadaan paket sederhana secara mandiri.",
                &[
                    "Menyusun spesifikasi teknis, harga perkiraan sendiri dan rancangan kontrak untuk paket sederhana.",
                    "Melaksanakan pemilihan penyedia melalui pengadaan langsung atau katalog elektronik.",
                    "Mendokumentasikan setiap tahapan pengadaan untuk kebutuhan audit.",
                ],
            ),
            lv(
                "Menganalisis pasar dan risiko pengadaan untuk memilih strategi yang tepat.",
                &[
                    "Menganalisis pasar dan memilih strategi serta metode pemilihan yang paling menguntungkan.",
                    "Mengidentifikasi risiko persekongkolan, konflik kepentingan dan kegagalan kontrak.",
                    "Menyelesaikan sanggah dan permasalahan pelaksanaan kontrak.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin pengelolaan pengadaan di tingkat pemerintah daerah.",
                &[
                    "Memimpin UKPBJ dalam mengelola paket strategis dan lintas perangkat daerah.",
                    "Mengembangkan katalog elektronik lokal dan mendorong penggunaan produk dalam negeri serta produk usaha kecil.",
                    "Menetapkan sistem pemantauan kinerja pengadaan.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis pengadaan barang/jasa pemerintah.",
                &[
                    "Merumuskan kebijakan pengadaan daerah yang menjamin nilai manfaat uang (value for money).",
                    "Menjadi rujukan pengadaan barang/jasa bagi daerah lain.",
                ],
            ),
        ],
    ),
    // ----- Perencanaan pembangunan -----
    teknis(
        "T.REN.01",
        "perencanaan",
        "Perencanaan Pembangunan Daerah",
        "Kemampuan menyusun dokumen perencanaan pembangunan daerah (RPJPD, RPJMD, RKPD, serta Renstra dan Renja perangkat daerah) yang selaras dengan perencanaan nasional dan provinsi, berbasis data dan partisipatif melalui musyawarah perencanaan pembangunan.",
        [
            lv(
                "Memahami sistem perencanaan pembangunan daerah dan melaksanakan tugas sesuai prosedur.",
                &[
                    "Menghimpun data dan informasi pembangunan sesuai format yang ditetapkan.",
                    "Memasukkan program, kegiatan dan indikator ke dalam sistem informasi perencanaan.",
                ],
            ),
            lv(
                "Menyusun dokumen perencanaan perangkat daerah secara mandiri.",
                &[
                    "Menyusun rancangan Renja perangkat daerah sesuai pedoman dan pagu indikatif.",
                    "Memfasilitasi musyawarah perencanaan pembangunan di tingkat kelurahan, desa dan kecamatan.",
                    "Memastikan keterkaitan program dengan sasaran dan indikator kinerja daerah.",
                ],
            ),
            lv(
                "Menganalisis permasalahan pembangunan dan konsistensi perencanaan.",
                &[
                    "Menganalisis permasalahan dan isu strategis pembangunan berbasis data.",
                    "Menganalisis konsistensi antara dokumen perencanaan dan penganggaran.",
                    "Merumuskan rekomendasi prioritas pembangunan.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin penyusunan perencanaan pembangunan daerah.",
                &[
                    "Memimpin penyusunan RPJMD dan RKPD bersama perangkat daerah.",
                    "Menyelaraskan prioritas daerah dengan perencanaan nasional dan Provinsi Sumatera Barat.",
                    "Mengoordinasikan pengendalian pelaksanaan rencana pembangunan.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis perencanaan pembangunan daerah.",
                &[
                    "Merumuskan arah pembangunan jangka panjang kota, termasuk pelestarian dan pemanfaatan Warisan Dunia Ombilin.",
                    "Menjadi rujukan perencanaan pembangunan bagi daerah lain.",
                ],
            ),
        ],
    ),
    teknis(
        "T.REN.02",
        "perencanaan",
        "Pengukuran dan Evaluasi Kinerja Instansi (SAKIP)",
        "Kemampuan menyusun perjanjian kinerja, mengukur capaian, mengevaluasi dan melaporkan kinerja instansi serta pembangunan daerah sesuai Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP).",
        [
            lv(
                "Memahami komponen SAKIP dan menghimpun data kinerja sesuai prosedur.",
                &[
                    "Menghimpun data realisasi indikator kinerja unit kerja secara berkala.",
                    "Menyiapkan bahan perjanjian kinerja sesuai format yang ditetapkan.",
                ],
            ),
            lv(
                "Menyusun dokumen akuntabilitas kinerja perangkat daerah secara mandiri.",
                &[
                    "Menyusun perjanjian kinerja dan laporan kinerja perangkat daerah.",
                    "Menghitung capaian indikator kinerja dengan metode yang tepat.",
                    "Menyusun rencana aksi triwulanan untuk mencapai target kinerja.",
                ],
            ),
            lv(
                "Menganalisis capaian kinerja dan kualitas indikator.",
                &[
                    "Menganalisis penyebab tidak tercapainya target kinerja dan merumuskan langkah perbaikan.",
                    "Menilai kualitas indikator kinerja agar spesifik, terukur dan berorientasi hasil.",
                    "Menganalisis efisiensi penggunaan anggaran terhadap capaian kinerja.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin sistem manajemen kinerja di tingkat pemerintah daerah.",
                &[
                    "Memimpin penyusunan pohon kinerja dan cascading kinerja dari tingkat daerah hingga individu.",
                    "Mengoordinasikan evaluasi internal SAKIP seluruh perangkat daerah.",
                    "Mengembangkan sistem informasi pemantauan kinerja.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis akuntabilitas kinerja.",
                &[
                    "Merumuskan kebijakan manajemen kinerja daerah yang terintegrasi dengan perencanaan dan penganggaran.",
                    "Menjadi rujukan praktik baik akuntabilitas kinerja bagi daerah lain.",
                ],
            ),
        ],
    ),
    // ----- Manajemen ASN -----
    teknis(
        "T.SDM.01",
        "kepegawaian",
        "Manajemen Aparatur Sipil Negara",
        "Kemampuan melaksanakan manajemen ASN yang meliputi perencanaan kebutuhan, pengadaan, pangkat dan jabatan, pengelolaan kinerja, disiplin, kesejahteraan dan pemberhentian berdasarkan sistem merit, serta pemutakhiran data kepegawaian melalui SIASN.",
        [
            lv(
                "Memahami siklus manajemen ASN dan melaksanakan layanan kepegawaian sesuai prosedur.",
                &[
                    "Memeriksa kelengkapan berkas usulan layanan kepegawaian, seperti kenaikan pangkat dan cuti.",
                    "Memutakhirkan data riwayat pegawai pada SIASN sesuai dokumen sumber.",
                ],
            ),
            lv(
                "Melaksanakan layanan manajemen ASN secara mandiri.",
                &[
                    "Memproses usulan kenaikan pangkat, mutasi dan pensiun sesuai ketentuan dan jadwal.",
                    "Memfasilitasi pengelolaan kinerja pegawai, mulai dari perencanaan SKP hingga penetapan predikat kinerja.",
                    "Menyajikan data kepegawaian yang akurat untuk kebutuhan pimpinan.",
                ],
            ),
            lv(
                "Menganalisis kebutuhan pegawai dan penerapan sistem merit.",
                &[
                    "Menganalisis kebutuhan pegawai berdasarkan analisis jabatan dan analisis beban kerja.",
                    "Mengidentifikasi kesenjangan penerapan sistem merit dan merumuskan perbaikannya.",
                    "Menganalisis pelanggaran disiplin dan merumuskan pertimbangan penyelesaiannya.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin manajemen ASN di tingkat pemerintah daerah.",
                &[
                    "Memimpin penyusunan rencana kebutuhan ASN lima tahunan dan usulan formasi PNS dan PPPK.",
                    "Mengembangkan manajemen talenta dan rencana suksesi jabatan.",
                    "Menetapkan standar layanan kepegawaian yang cepat dan transparan.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis manajemen ASN.",
                &[
                    "Merumuskan kebijakan manajemen ASN daerah yang berbasis sistem merit.",
                    "Menjadi rujukan praktik baik manajemen ASN bagi instansi lain.",
                ],
            ),
        ],
    ),
    teknis(
        "T.SDM.02",
        "kepegawaian",
        "Pengembangan Kompetensi ASN",
        "Kemampuan menganalisis kebutuhan pengembangan kompetensi, merencanakan, menyelenggarakan dan mengevaluasi pengembangan kompetensi ASN secara klasikal maupun nonklasikal, serta memantau pemenuhan jam pelajaran (JP) pegawai.",
        [
            lv(
                "Memahami bentuk dan jalur pengembangan kompetensi serta melaksanakan administrasinya sesuai prosedur.",
                &[
                    "Mencatat riwayat pelatihan dan JP pegawai ke dalam sistem informasi.",
                    "Menyiapkan administrasi peserta pelatihan dan pengembangan kompetensi lainnya.",
                ],
            ),
            lv(
                "Menyelenggarakan pengembangan kompetensi secara mandiri.",
                &[
                    "Menghimpun dan memverifikasi usulan kebutuhan pengembangan kompetensi dari perangkat daerah.",
                    "Menyelenggarakan pelatihan internal, coaching, mentoring dan komunitas belajar sesuai rencana.",
                    "Memantau pemenuhan hak pengembangan kompetensi paling sedikit 20 JP per tahun bagi setiap PNS.",
                ],
            ),
            lv(
                "Menganalisis kebutuhan pengembangan kompetensi dan dampak pelatihan.",
                &[
                    "Menganalisis kesenjangan kompetensi dari hasil penilaian kompetensi dan kinerja sebagai dasar analisis kebutuhan pengembangan kompetensi.",
                    "Memilih jalur pengembangan yang paling efektif dan efisien untuk setiap kesenjangan.",
                    "Mengevaluasi dampak pelatihan terhadap kinerja pegawai.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin sistem pengembangan kompetensi ASN di tingkat instansi.",
                &[
                    "Menyusun rencana pengembangan kompetensi tingkat instansi yang terintegrasi dengan manajemen talenta.",
                    "Membangun kemitraan dengan BPSDM Provinsi Sumatera Barat, perguruan tinggi dan lembaga pelatihan.",
                    "Mengembangkan sistem pembelajaran terintegrasi (corporate university) di lingkungan pemerintah daerah.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis pengembangan kompetensi ASN.",
                &[
                    "Merumuskan kebijakan pengembangan kompetensi ASN daerah jangka menengah.",
                    "Menjadi rujukan praktik baik pengembangan kompetensi bagi instansi lain.",
                ],
            ),
        ],
    ),
    // ----- Hukum -----
    teknis(
        "T.HKM.01",
        "hukum",
        "Penyusunan Produk Hukum Daerah",
        "Kemampuan merancang, mengharmonisasikan dan memfasilitasi pembentukan produk hukum daerah (peraturan daerah, peraturan wali kota dan keputusan) sesuai teknik penyusunan peraturan perundang-undangan.",
        [
            lv(
                "Memahami jenis dan hierarki peraturan perundang-undangan serta menyiapkan bahan sesuai prosedur.",
                &[
                    "Menghimpun peraturan perundang-undangan yang terkait dengan rancangan produk hukum.",
                    "Menyusun draf keputusan sederhana sesuai format baku.",
                ],
            ),
            lv(
                "Menyusun rancangan produk hukum daerah secara mandiri.",
                &[
                    "Menyusun rancangan peraturan wali kota sesuai teknik penyusunan peraturan perundang-undangan.",
                    "Memeriksa konsistensi istilah, sistematika dan rujukan dalam rancangan produk hukum.",
                    "Mendampingi perangkat daerah pemrakarsa dalam rapat pembahasan rancangan.",
                ],
            ),
            lv(
                "Menganalisis dan mengharmonisasikan rancangan produk hukum.",
                &[
                    "Menganalisis kesesuaian rancangan dengan peraturan yang lebih tinggi dan kewenangan daerah.",
                    "Menyusun atau menelaah naskah akademik rancangan peraturan daerah.",
                    "Mengidentifikasi produk hukum daerah yang perlu dicabut atau diubah.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin pembentukan produk hukum daerah.",
                &[
                    "Memimpin penyusunan program pembentukan peraturan daerah bersama DPRD.",
                    "Mengoordinasikan fasilitasi dan harmonisasi rancangan peraturan daerah dengan pemerintah provinsi dan instansi vertikal.",
                    "Menetapkan standar kualitas rancangan produk hukum bagi perangkat daerah.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis legislasi daerah.",
                &[
                    "Merumuskan arah kebijakan hukum daerah untuk mendukung prioritas pembangunan.",
                    "Menjadi narasumber perancangan produk hukum daerah di tingkat provinsi/nasional.",
                ],
            ),
        ],
    ),
    teknis(
        "T.HKM.02",
        "hukum",
        "Bantuan Hukum dan Dokumentasi Hukum",
        "Kemampuan memberikan pertimbangan dan bantuan hukum kepada pemerintah daerah, menangani perkara, serta mengelola jaringan dokumentasi dan informasi hukum (JDIH) agar produk hukum mudah diakses masyarakat.",
        [
            lv(
                "Memahami dasar bantuan hukum dan dokumentasi hukum serta melaksanakannya sesuai prosedur.",
                &[
                    "Mengunggah produk hukum daerah beserta metadatanya ke JDIH.",
                    "Menghimpun dokumen dan kronologi untuk bahan penanganan perkara.",
                ],
            ),
            lv(
                "Melaksanakan bantuan hukum dan pengelolaan JDIH secara mandiri.",
                &[
                    "Menyusun telaahan hukum atas permasalahan yang diajukan perangkat daerah.",
                    "Menyusun jawaban, replik dan bukti dalam perkara yang melibatkan pemerintah daerah.",
                    "Memelihara kelengkapan dan kemutakhiran koleksi JDIH.",
                ],
            ),
            lv(
                "Menganalisis risiko hukum dan permasalahan perkara.",
                &[
                    "Menganalisis risiko hukum atas rencana kebijakan, perjanjian atau tindakan pemerintah daerah.",
                    "Merumuskan strategi penanganan perkara dan penyelesaian sengketa di luar pengadilan.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin layanan bantuan hukum dan JDIH.",
                &[
                    "Memimpin tim penanganan perkara strategis pemerintah daerah.",
                    "Mengembangkan layanan penyuluhan hukum dan akses informasi hukum bagi masyarakat.",
                    "Menjalin kerja sama dengan kejaksaan sebagai jaksa pengacara negara dan dengan perguruan tinggi.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis bantuan hukum pemerintah daerah.",
                &[
                    "Merumuskan kebijakan pencegahan sengketa hukum dalam penyelenggaraan pemerintahan daerah.",
                    "Menjadi rujukan pengelolaan JDIH dan bantuan hukum bagi daerah lain.",
                ],
            ),
        ],
    ),
    // ----- Pengawasan intern -----
    teknis(
        "T.WAS.01",
        "pengawasan",
        "Audit dan Reviu Intern",
        "Kemampuan merencanakan dan melaksanakan audit, reviu, evaluasi dan pemantauan atas penyelenggaraan pemerintahan daerah sesuai standar audit intern pemerintah, serta mengomunikasikan hasil dan memantau tindak lanjutnya.",
        [
            lv(
                "Memahami standar dan tahapan pengawasan intern serta melaksanakan tugas sesuai program kerja pengawasan.",
                &[
                    "Mengumpulkan bukti pengawasan sesuai langkah dalam program kerja pengawasan.",
                    "Menyusun kertas kerja pengawasan yang rapi dan dapat ditelusuri.",
                ],
            ),
            lv(
                "Melaksanakan audit dan reviu secara mandiri.",
                &[
                    "Melaksanakan reviu laporan keuangan, rencana kerja anggaran dan laporan kinerja perangkat daerah.",
                    "Menyusun temuan lengkap dengan kondisi, kriteria, sebab, akibat dan rekomendasi.",
                    "Memantau tindak lanjut rekomendasi hasil pengawasan.",
                ],
            ),
            lv(
                "Menganalisis risiko dan merancang pengawasan berbasis risiko.",
                &[
                    "Menganalisis risiko untuk menentukan area dan prioritas pengawasan.",
                    "Menganalisis akar masalah temuan berulang dan merumuskan rekomendasi perbaikan sistem.",
                    "Melaksanakan audit dengan tujuan tertentu atas pengaduan masyarakat.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin pengawasan intern di tingkat pemerintah daerah.",
                &[
                    "Menyusun program kerja pengawasan tahunan berbasis risiko.",
                    "Mengendalikan mutu hasil pengawasan sebagai pengendali teknis atau pengendali mutu.",
                    "Memperkuat peran aparat pengawasan intern sebagai mitra konsultasi perangkat daerah.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis pengawasan intern pemerintah.",
                &[
                    "Merumuskan kebijakan pengawasan yang meningkatkan kapabilitas aparat pengawasan intern pemerintah daerah.",
                    "Menjadi narasumber pengawasan intern di tingkat provinsi/nasional.",
                ],
            ),
        ],
    ),
    teknis(
        "T.WAS.02",
        "pengawasan",
        "Penerapan SPIP, Manajemen Risiko dan Zona Integritas",
        "Kemampuan menerapkan, menilai dan mengembangkan Sistem Pengendalian Intern Pemerintah (SPIP) dan manajemen risiko, termasuk pencegahan korupsi, pengendalian gratifikasi dan pembangunan Zona Integritas.",
        [
            lv(
                "Memahami unsur SPIP dan manajemen risiko serta menerapkannya pada tugas sendiri.",
                &[
                    "Mengisi register risiko untuk kegiatan yang menjadi tanggung jawabnya.",
                    "Melaporkan penerimaan gratifikasi sesuai prosedur.",
                ],
            ),
            lv(
                "Menerapkan pengendalian intern dan manajemen risiko di unit kerja secara mandiri.",
                &[
                    "Mengidentifikasi dan menilai risiko kegiatan unit kerja beserta pengendaliannya.",
                    "Menyusun rencana tindak pengendalian dan memantau pelaksanaannya.",
                    "Menghimpun bukti dukung pembangunan Zona Integritas unit kerja.",
                ],
            ),
            lv(
                "Menganalisis efektivitas pengendalian intern dan merumuskan perbaikannya.",
                &[
                    "Menilai maturitas penerapan SPIP dan menemukan unsur yang lemah.",
                    "Menganalisis titik rawan korupsi dalam proses layanan dan pengadaan.",
                    "Merumuskan rekomendasi perbaikan pengendalian yang terukur.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin penerapan manajemen risiko di tingkat pemerintah daerah.",
                &[
                    "Menyusun kebijakan dan pedoman manajemen risiko pemerintah daerah.",
                    "Memimpin pendampingan unit kerja menuju predikat Wilayah Bebas dari Korupsi.",
                    "Mengoordinasikan rencana aksi pencegahan korupsi lintas perangkat daerah.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis pengendalian intern dan pencegahan korupsi.",
                &[
                    "Merumuskan strategi pembangunan budaya integritas dan pengendalian di lingkungan pemerintah daerah.",
                    "Menjadi rujukan penerapan SPIP dan manajemen risiko bagi instansi lain.",
                ],
            ),
        ],
    ),
    // ----- Kebudayaan, cagar budaya, museum dan Warisan Dunia Ombilin -----
    teknis(
        "T.BUD.01",
        "kebudayaan",
        "Pengelolaan Museum",
        "Kemampuan mengelola koleksi, pameran, edukasi dan pelayanan pengunjung museum sesuai standar permuseuman, seperti pada Museum Goedang Ransoem, Museum Kereta Api dan Lubang Mbah Soero di Kota Sawahlunto.",
        [
            lv(
                "Memahami fungsi museum dan melaksanakan pelayanan serta perawatan koleksi sesuai prosedur.",
                &[
                    "Melayani pengunjung dan menyampaikan informasi koleksi sesuai naskah pemanduan.",
                    "Melaksanakan perawatan ringan dan kebersihan koleksi sesuai prosedur.",
                ],
            ),
            lv(
                "Melaksanakan pengelolaan koleksi dan pemanduan secara mandiri.",
                &[
                    "Mencatat dan mendokumentasikan koleksi dalam register dan basis data koleksi.",
                    "Memandu kunjungan rombongan, termasuk pelajar, dengan materi yang disesuaikan dengan peserta.",
                    "Memantau suhu, kelembapan dan pencahayaan ruang pamer serta ruang penyimpanan koleksi.",
                ],
            ),
            lv(
                "Mengkaji koleksi dan mengevaluasi program museum secara sistematis.",
                &[
                    "Mengkaji koleksi dan narasi sejarah pertambangan, termasuk kisah orang rantai dan pekerja tambang, sebagai bahan pameran.",
                    "Mengevaluasi kepuasan pengunjung dan efektivitas program edukasi museum.",
                    "Mengidentifikasi koleksi yang memerlukan tindakan konservasi.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin pengelolaan museum di tingkat daerah.",
                &[
                    "Memimpin penyusunan rencana induk dan program tahunan museum.",
                    "Memimpin persiapan standardisasi museum untuk mempertahankan dan meningkatkan hasil akreditasi.",
                    "Mengembangkan pameran tematik dan kerja sama antarmuseum.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis permuseuman sejarah pertambangan.",
                &[
                    "Merumuskan kebijakan permuseuman daerah yang terpadu dengan pengelolaan Warisan Dunia Ombilin.",
                    "Menjadi rujukan pengelolaan museum sejarah pertambangan di tingkat nasional.",
                ],
            ),
        ],
    ),
    teknis(
        "T.BUD.02",
        "kebudayaan",
        "Pelestarian Cagar Budaya dan Warisan Dunia Ombilin",
        "Kemampuan melaksanakan pendataan, pelindungan, pengembangan dan pemanfaatan cagar budaya, serta turut mengelola Warisan Dunia Ombilin Coal Mining Heritage of Sawahlunto yang ditetapkan UNESCO pada tahun 2019, sesuai prinsip pelestarian.",
        [
            lv(
                "Memahami prinsip pelestarian cagar budaya dan melaksanakan pendataan sesuai prosedur.",
                &[
                    "Mengumpulkan data dan dokumentasi objek yang diduga cagar budaya sesuai formulir pendataan.",
                    "Menjelaskan nilai penting kawasan warisan tambang kepada masyarakat dan pengunjung.",
                ],
            ),
            lv(
                "Melaksanakan pemantauan dan pelindungan cagar budaya secara mandiri.",
                &[
                    "Memantau kondisi bangunan dan struktur cagar budaya secara berkala serta melaporkan kerusakan.",
                    "Menyiapkan berkas usulan penetapan cagar budaya untuk dikaji tim ahli cagar budaya.",
                    "Memeriksa kesesuaian rencana kegiatan di kawasan cagar budaya dengan ketentuan pelestarian.",
                ],
            ),
            lv(
                "Menganalisis ancaman terhadap nilai penting warisan budaya dan merumuskan tindakan pelestarian.",
                &[
                    "Menganalisis ancaman terhadap nilai universal luar biasa (Outstanding Universal Value) kawasan warisan dunia.",
                    "Menyusun kajian pelestarian, termasuk rekomendasi teknis pemugaran.",
                    "Mengevaluasi pemanfaatan bangunan cagar budaya agar selaras dengan prinsip pelestarian.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin pengelolaan kawasan cagar budaya dan warisan dunia.",
                &[
                    "Memimpin pelaksanaan rencana pengelolaan kawasan warisan dunia bersama pemangku kepentingan lintas kabupaten/kota dan provinsi.",
                    "Mengoordinasikan penyusunan laporan keadaan pelestarian kawasan warisan dunia kepada pemerintah pusat.",
                    "Mengembangkan keterlibatan masyarakat dan komunitas dalam pelestarian.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis pelestarian warisan budaya.",
                &[
                    "Merumuskan kebijakan pelestarian warisan budaya daerah yang berkelanjutan.",
                    "Mewakili daerah dalam forum pelestarian warisan dunia tingkat nasional dan internasional.",
                ],
            ),
        ],
    ),
    teknis(
        "T.BUD.03",
        "kebudayaan",
        "Pemajuan Kebudayaan dan Pembinaan Kesenian Daerah",
        "Kemampuan menginventarisasi, melindungi, mengembangkan, memanfaatkan dan membina objek pemajuan kebudayaan, seperti tradisi lisan, adat istiadat, seni pertunjukan dan kerajinan tenun songket Silungkang, bersama komunitas budaya.",
        [
            lv(
                "Memahami objek pemajuan kebudayaan dan melaksanakan pendataan sesuai prosedur.",
                &[
                    "Mencatat data objek pemajuan kebudayaan, sanggar dan pelaku budaya sesuai format.",
                    "Mendokumentasikan kegiatan budaya dan kesenian di masyarakat.",
                ],
            ),
            lv(
                "Melaksanakan pembinaan kesenian dan kebudayaan secara mandiri.",
                &[
                    "Memfasilitasi sanggar dan komunitas seni dalam kegiatan pelatihan dan pementasan.",
                    "Menyelenggarakan kegiatan pelindungan dan pengembangan budaya sesuai rencana.",
                    "Menyusun profil karya budaya untuk usulan penetapan warisan budaya takbenda.",
                ],
            ),
            lv(
                "Menganalisis kondisi objek pemajuan kebudayaan dan merumuskan program.",
                &[
                    "Menganalisis objek pemajuan kebudayaan yang terancam punah dan penyebabnya.",
                    "Merumuskan program regenerasi pelaku budaya bersama sekolah dan komunitas.",
                    "Mengidentifikasi peluang pemanfaatan budaya untuk ekonomi kreatif.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin program pemajuan kebudayaan daerah.",
                &[
                    "Memimpin pemutakhiran pokok pikiran kebudayaan daerah bersama pemangku kepentingan.",
                    "Mengembangkan festival dan ruang ekspresi budaya yang melibatkan masyarakat multietnis Sawahlunto.",
                    "Membangun kemitraan dengan perguruan tinggi seni dan komunitas budaya.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis pemajuan kebudayaan.",
                &[
                    "Merumuskan strategi pemajuan kebudayaan daerah jangka panjang.",
                    "Menjadi rujukan praktik baik pemajuan kebudayaan di tingkat provinsi/nasional.",
                ],
            ),
        ],
    ),
    // ----- Pariwisata -----
    teknis(
        "T.PAR.01",
        "pariwisata",
        "Pengembangan Destinasi Pariwisata",
        "Kemampuan merencanakan, mengembangkan dan mengelola destinasi pariwisata, termasuk wisata sejarah pertambangan dan kawasan rekreasi di lahan bekas tambang, beserta amenitas, aksesibilitas dan pemberdayaan masyarakat melalui kelompok sadar wisata.",
        [
            lv(
                "Memahami komponen destinasi pariwisata dan melaksanakan tugas pengelolaan sesuai prosedur.",
                &[
                    "Mendata daya tarik wisata, amenitas dan jumlah kunjungan sesuai format.",
                    "Melayani informasi wisata kepada pengunjung secara ramah dan akurat.",
                ],
            ),
            lv(
                "Mengelola daya tarik wisata secara mandiri.",
                &[
                    "Memantau kebersihan, keamanan dan kenyamanan daya tarik wisata serta menindaklanjuti kekurangannya.",
                    "Membina kelompok sadar wisata dan pelaku usaha pariwisata setempat.",
                    "Menyusun paket wisata yang menghubungkan museum, situs tambang dan kuliner lokal.",
                ],
            ),
            lv(
                "Menganalisis kinerja dan daya saing destinasi.",
                &[
                    "Menganalisis data kunjungan, lama tinggal dan pengeluaran wisatawan.",
                    "Mengidentifikasi kesenjangan amenitas dan aksesibilitas destinasi.",
                    "Merumuskan pengembangan destinasi yang selaras dengan pelestarian cagar budaya.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin pengembangan destinasi pariwisata daerah.",
                &[
                    "Memimpin penyusunan rencana induk pembangunan kepariwisataan daerah.",
                    "Mengoordinasikan pembangunan destinasi lintas perangkat daerah dan dunia usaha.",
                    "Mengembangkan standar pelayanan dan sertifikasi usaha pariwisata.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis pengembangan destinasi wisata warisan.",
                &[
                    "Merumuskan kebijakan pariwisata berkelanjutan berbasis warisan budaya.",
                    "Menjadi rujukan pengembangan destinasi wisata warisan tambang di tingkat nasional.",
                ],
            ),
        ],
    ),
    teknis(
        "T.PAR.02",
        "pariwisata",
        "Pemasaran Pariwisata dan Penyelenggaraan Event",
        "Kemampuan menyusun strategi pemasaran, mengelola promosi digital dan menyelenggarakan event pariwisata dan budaya untuk meningkatkan kunjungan dan lama tinggal wisatawan.",
        [
            lv(
                "Memahami dasar pemasaran pariwisata dan melaksanakan promosi sesuai rencana.",
                &[
                    "Menyiapkan materi promosi sesuai panduan identitas merek daerah.",
                    "Mengunggah konten promosi wisata pada kanal media sosial resmi.",
                ],
            ),
            lv(
                "Melaksanakan promosi dan penyelenggaraan event secara mandiri.",
                &[
                    "Menyusun kalender event pariwisata dan budaya tahunan.",
                    "Mengelola pelaksanaan event, mulai dari perizinan, logistik hingga publikasi.",
                    "Menjalin kerja sama dengan agen perjalanan, komunitas dan media.",
                ],
            ),
            lv(
                "Menganalisis efektivitas pemasaran dan event.",
                &[
                    "Menganalisis segmentasi wisatawan dan kanal promosi yang paling efektif.",
                    "Mengevaluasi dampak event terhadap kunjungan dan ekonomi lokal.",
                    "Merumuskan perbaikan strategi promosi berdasarkan data.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin strategi pemasaran pariwisata daerah.",
                &[
                    "Memimpin penyusunan strategi pemasaran pariwisata daerah.",
                    "Mengembangkan event unggulan yang memperkuat citra Sawahlunto sebagai kota warisan dunia.",
                    "Membangun kemitraan promosi dengan pemerintah provinsi dan daerah tetangga.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis pemasaran pariwisata.",
                &[
                    "Merumuskan kebijakan pemasaran pariwisata daerah jangka menengah.",
                    "Menjadi narasumber pemasaran destinasi warisan di tingkat nasional.",
                ],
            ),
        ],
    ),
    // ----- Kesehatan -----
    teknis(
        "T.KES.01",
        "kesehatan",
        "Pelayanan Kesehatan Primer di Puskesmas",
        "Kemampuan menyelenggarakan upaya kesehatan perseorangan dan upaya kesehatan masyarakat tingkat pertama di puskesmas dan jejaringnya secara bermutu, terintegrasi dan berorientasi pada siklus hidup.",
        [
            lv(
                "Memahami fungsi dan alur pelayanan puskesmas serta melaksanakan pelayanan sesuai SOP.",
                &[
                    "Melaksanakan pendaftaran, skrining dan pelayanan dasar pasien sesuai standar prosedur operasional.",
                    "Mencatat pelayanan dalam rekam medis elektronik secara lengkap.",
                ],
            ),
            lv(
                "Melaksanakan pelayanan kesehatan primer secara mandiri.",
                &[
                    "Memberikan pelayanan sesuai klaster siklus hidup, dari ibu dan anak hingga lanjut usia.",
                    "Melaksanakan kunjungan rumah dan kegiatan posyandu bersama kader kesehatan.",
                    "Merujuk pasien ke fasilitas kesehatan lanjutan sesuai indikasi medis.",
                ],
            ),
            lv(
                "Menganalisis capaian program dan mutu pelayanan puskesmas.",
                &[
                    "Menganalisis capaian standar pelayanan minimal bidang kesehatan di wilayah kerja puskesmas.",
                    "Mengidentifikasi masalah kesehatan prioritas melalui pemantauan wilayah setempat.",
                    "Merumuskan rencana usulan kegiatan puskesmas berbasis data.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin manajemen puskesmas.",
                &[
                    "Memimpin perencanaan, penggerakan dan penilaian kinerja puskesmas.",
                    "Mengembangkan jejaring puskesmas pembantu, posyandu dan fasilitas kesehatan swasta di wilayah kerja.",
                    "Menyiapkan puskesmas untuk akreditasi dan peningkatan mutu berkelanjutan.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis pelayanan kesehatan primer.",
                &[
                    "Merumuskan kebijakan penguatan layanan kesehatan primer di tingkat kota.",
                    "Menjadi rujukan inovasi layanan puskesmas di tingkat provinsi/nasional.",
                ],
            ),
        ],
    ),
    teknis(
        "T.KES.02",
        "kesehatan",
        "Asuhan Keperawatan",
        "Kemampuan memberikan asuhan keperawatan melalui pengkajian, penetapan diagnosis, perencanaan, implementasi dan evaluasi keperawatan secara aman dan etis di rumah sakit, puskesmas dan masyarakat.",
        [
            lv(
                "Memahami proses keperawatan dan melaksanakan tindakan keperawatan dasar sesuai SOP.",
                &[
                    "Melaksanakan tindakan keperawatan dasar dengan menerapkan prinsip keselamatan pasien dan pencegahan infeksi.",
                    "Mendokumentasikan asuhan keperawatan secara lengkap dan tepat waktu.",
                ],
            ),
            lv(
                "Memberikan asuhan keperawatan secara mandiri.",
                &[
                    "Melakukan pengkajian dan menetapkan diagnosis keperawatan sesuai standar.",
                    "Menyusun dan melaksanakan rencana keperawatan bersama pasien dan keluarga.",
                    "Memberikan edukasi kesehatan kepada pasien dan keluarga sebelum pemulangan.",
                ],
            ),
            lv(
                "Menganalisis kasus keperawatan yang kompleks dan memperbaiki praktik.",
                &[
                    "Menganalisis kasus keperawatan kompleks dan menyesuaikan intervensi keperawatan.",
                    "Menerapkan praktik keperawatan berbasis bukti di ruangannya.",
                    "Menganalisis insiden keselamatan pasien di unit keperawatan.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin pelayanan keperawatan di unit.",
                &[
                    "Memimpin ruang atau tim keperawatan dengan metode penugasan yang tepat.",
                    "Menyusun standar asuhan keperawatan dan program pengembangan kompetensi perawat.",
                    "Mengevaluasi mutu asuhan keperawatan dengan indikator yang terukur.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis pelayanan keperawatan.",
                &[
                    "Merumuskan kebijakan pelayanan keperawatan di fasilitas kesehatan daerah.",
                    "Menjadi narasumber dan pembimbing klinik keperawatan di tingkat provinsi/nasional.",
                ],
            ),
        ],
    ),
    teknis(
        "T.KES.03",
        "kesehatan",
        "Surveilans dan Kesehatan Masyarakat",
        "Kemampuan mengumpulkan, mengolah, menganalisis dan menginterpretasikan data penyakit serta faktor risiko secara terus-menerus, dan melaksanakan respons dini terhadap kejadian luar biasa serta intervensi kesehatan masyarakat.",
        [
            lv(
                "Memahami konsep surveilans dan melaksanakan pencatatan serta pelaporan sesuai prosedur.",
                &[
                    "Mencatat dan melaporkan kasus penyakit potensial wabah sesuai format dan jadwal.",
                    "Melaksanakan penyelidikan lapangan sederhana di bawah arahan epidemiolog.",
                ],
            ),
            lv(
                "Melaksanakan surveilans dan kegiatan kesehatan masyarakat secara mandiri.",
                &[
                    "Memantau sinyal kewaspadaan dini penyakit dan memverifikasi laporan dari fasilitas kesehatan.",
                    "Melaksanakan penyelidikan epidemiologi dan pelacakan kontak.",
                    "Melaksanakan promosi kesehatan dan pemberdayaan masyarakat, misalnya untuk pencegahan demam berdarah dan stunting.",
                ],
            ),
            lv(
                "Menganalisis data epidemiologi dan merumuskan intervensi.",
                &[
                    "Menganalisis tren penyakit menurut waktu, tempat dan orang untuk menemukan kelompok berisiko.",
                    "Menyajikan hasil analisis surveilans dalam bentuk peta, grafik dan rekomendasi.",
                    "Merumuskan intervensi kesehatan masyarakat yang sesuai dengan hasil analisis.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin sistem surveilans dan respons di tingkat kota.",
                &[
                    "Memimpin tim gerak cepat dalam penanggulangan kejadian luar biasa.",
                    "Mengembangkan sistem surveilans terintegrasi antara puskesmas, RSUD dan laboratorium.",
                    "Mengoordinasikan intervensi lintas sektor, misalnya percepatan penurunan stunting.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis kesehatan masyarakat.",
                &[
                    "Merumuskan kebijakan kesehatan masyarakat daerah berbasis bukti epidemiologi.",
                    "Menjadi rujukan epidemiologi dan respons kesehatan masyarakat di tingkat provinsi/nasional.",
                ],
            ),
        ],
    ),
    teknis(
        "T.KES.04",
        "kesehatan",
        "Manajemen Mutu dan Keselamatan Pasien",
        "Kemampuan menerapkan, mengukur dan meningkatkan mutu pelayanan serta keselamatan pasien di fasilitas pelayanan kesehatan, termasuk pengukuran indikator mutu, pelaporan insiden dan persiapan akreditasi.",
        [
            lv(
                "Memahami konsep mutu dan keselamatan pasien serta menerapkannya dalam pelayanan sesuai prosedur.",
                &[
                    "Menerapkan sasaran keselamatan pasien, seperti identifikasi pasien dan kebersihan tangan.",
                    "Melaporkan insiden keselamatan pasien sesuai alur pelaporan.",
                ],
            ),
            lv(
                "Melaksanakan pengukuran mutu dan pengelolaan insiden secara mandiri.",
                &[
                    "Mengumpulkan dan menghitung indikator mutu unit secara berkala.",
                    "Melaksanakan investigasi sederhana atas insiden keselamatan pasien.",
                    "Menyiapkan dokumen dan telusur untuk persiapan akreditasi.",
                ],
            ),
            lv(
                "Menganalisis masalah mutu dan keselamatan pasien secara sistematis.",
                &[
                    "Melaksanakan analisis akar masalah atas insiden keselamatan pasien.",
                    "Menganalisis capaian indikator mutu dan merumuskan siklus perbaikan (PDSA).",
                    "Menilai risiko proses pelayanan dan merancang langkah pencegahan.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin program mutu di fasilitas kesehatan.",
                &[
                    "Memimpin komite atau tim mutu dan keselamatan pasien di RSUD atau puskesmas.",
                    "Menyusun program peningkatan mutu dan keselamatan pasien tahunan.",
                    "Memimpin persiapan akreditasi fasilitas pelayanan kesehatan.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis mutu pelayanan kesehatan.",
                &[
                    "Merumuskan kebijakan mutu pelayanan kesehatan di tingkat kota.",
                    "Menjadi pembimbing atau narasumber mutu dan keselamatan pasien bagi fasilitas kesehatan lain.",
                ],
            ),
        ],
    ),
    // ----- Pendidikan -----
    teknis(
        "T.DIK.01",
        "pendidikan",
        "Pembelajaran dan Kurikulum Merdeka",
        "Kemampuan merancang, melaksanakan dan merefleksikan pembelajaran yang berpusat pada murid sesuai Kurikulum Merdeka, termasuk perencanaan pembelajaran, pembelajaran berdiferensiasi dan pembelajaran berbasis proyek.",
        [
            lv(
                "Memahami struktur Kurikulum Merdeka dan melaksanakan pembelajaran sesuai perangkat ajar yang tersedia.",
                &[
                    "Melaksanakan pembelajaran mengikuti modul ajar yang tersedia.",
                    "Menjelaskan capaian dan tujuan pembelajaran kepada murid.",
                ],
            ),
            lv(
                "Merancang dan melaksanakan pembelajaran secara mandiri.",
                &[
                    "Menyusun alur tujuan pembelajaran dan modul ajar sesuai karakteristik murid.",
                    "Menerapkan pembelajaran berdiferensiasi berdasarkan kesiapan, minat dan profil belajar murid.",
                    "Mengelola kelas yang aman, inklusif dan menyenangkan.",
                ],
            ),
            lv(
                "Menganalisis dan memperbaiki praktik pembelajaran.",
                &[
                    "Merefleksikan praktik pembelajaran berdasarkan data hasil belajar dan umpan balik murid.",
                    "Merancang pembelajaran berbasis proyek yang mengangkat konteks lokal, seperti sejarah tambang dan budaya Sawahlunto.",
                    "Melaksanakan penelitian tindakan kelas untuk memecahkan masalah pembelajaran.",
                ],
            ),
            lv(
                "Mengembangkan kurikulum satuan pendidikan dan memimpin komunitas belajar.",
                &[
                    "Memimpin penyusunan kurikulum operasional satuan pendidikan.",
                    "Memimpin komunitas belajar guru untuk berbagi praktik baik.",
                    "Membimbing guru lain dalam merancang pembelajaran berdiferensiasi.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis pembelajaran dan kurikulum.",
                &[
                    "Menjadi narasumber atau fasilitator implementasi kurikulum di tingkat provinsi/nasional.",
                    "Menghasilkan karya inovasi pembelajaran yang diadopsi satuan pendidikan lain.",
                ],
            ),
        ],
    ),
    teknis(
        "T.DIK.02",
        "pendidikan",
        "Asesmen dan Evaluasi Pembelajaran",
        "Kemampuan merancang dan melaksanakan asesmen diagnostik, formatif dan sumatif, mengolah hasilnya, serta memanfaatkan data, termasuk Rapor Pendidikan, untuk perbaikan pembelajaran dan mutu satuan pendidikan.",
        [
            lv(
                "Memahami jenis dan tujuan asesmen serta melaksanakannya sesuai instrumen yang tersedia.",
                &[
                    "Melaksanakan asesmen menggunakan instrumen yang tersedia sesuai petunjuk.",
                    "Mengolah nilai dan menyusun laporan hasil belajar murid.",
                ],
            ),
            lv(
                "Merancang dan melaksanakan asesmen secara mandiri.",
                &[
                    "Menyusun instrumen asesmen yang selaras dengan tujuan pembelajaran.",
                    "Melaksanakan asesmen diagnostik di awal pembelajaran dan menindaklanjuti hasilnya.",
                    "Memberikan umpan balik formatif yang spesifik kepada murid.",
                ],
            ),
            lv(
                "Menganalisis hasil asesmen untuk perbaikan pembelajaran.",
                &[
                    "Menganalisis butir soal dan kualitas instrumen asesmen.",
                    "Menganalisis hasil asesmen untuk mengelompokkan murid dan merancang remedial serta pengayaan.",
                    "Menafsirkan data Rapor Pendidikan satuan pendidikan untuk menemukan prioritas perbaikan.",
                ],
            ),
            lv(
                "Mengembangkan sistem asesmen di tingkat satuan pendidikan atau gugus.",
                &[
                    "Memimpin penyusunan kebijakan dan pedoman asesmen satuan pendidikan.",
                    "Membimbing guru dalam mengembangkan asesmen autentik.",
                    "Memimpin perencanaan berbasis data dari hasil asesmen nasional.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis asesmen pendidikan.",
                &[
                    "Merumuskan kebijakan peningkatan mutu pembelajaran daerah berbasis data asesmen.",
                    "Menjadi narasumber asesmen pendidikan di tingkat provinsi/nasional.",
                ],
            ),
        ],
    ),
    teknis(
        "T.DIK.03",
        "pendidikan",
        "Manajemen Sekolah",
        "Kemampuan mengelola satuan pendidikan melalui perencanaan berbasis data, pengelolaan sumber daya dan anggaran sekolah, kepemimpinan pembelajaran, serta kemitraan dengan orang tua dan masyarakat.",
        [
            lv(
                "Memahami komponen manajemen sekolah dan melaksanakan administrasi sekolah sesuai prosedur.",
                &[
                    "Memutakhirkan data murid, pendidik dan sarana prasarana pada Dapodik.",
                    "Menyiapkan administrasi kegiatan dan pertanggungjawaban anggaran sekolah.",
                ],
            ),
            lv(
                "Melaksanakan pengelolaan sekolah secara mandiri.",
                &[
                    "Menyusun rencana kerja dan anggaran sekolah sesuai prioritas yang disepakati.",
                    "Mengelola sarana prasarana dan jadwal pemeliharaannya.",
                    "Melibatkan komite sekolah dan orang tua dalam program sekolah.",
                ],
            ),
            lv(
                "Menganalisis mutu sekolah dan merumuskan perbaikan.",
                &[
                    "Menganalisis data mutu sekolah untuk menetapkan prioritas perbaikan.",
                    "Mengevaluasi efektivitas penggunaan dana sekolah terhadap hasil belajar.",
                    "Merumuskan program pencegahan perundungan dan kekerasan di sekolah.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin satuan pendidikan atau gugus sekolah.",
                &[
                    "Memimpin sekolah dengan kepemimpinan pembelajaran yang berfokus pada hasil belajar murid.",
                    "Mengembangkan budaya sekolah yang aman, inklusif dan berkarakter.",
                    "Membangun kemitraan dengan dunia usaha, perguruan tinggi dan masyarakat.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis manajemen pendidikan.",
                &[
                    "Merumuskan kebijakan pengelolaan satuan pendidikan di tingkat kota.",
                    "Menjadikan sekolahnya rujukan praktik baik bagi sekolah lain di tingkat provinsi/nasional.",
                ],
            ),
        ],
    ),
    teknis(
        "T.DIK.04",
        "pendidikan",
        "Pendidikan Nonformal dan Kesetaraan",
        "Kemampuan menyelenggarakan pendidikan nonformal, meliputi pendidikan kesetaraan Paket A, B dan C, pendidikan keaksaraan dan pendidikan kecakapan hidup, seperti yang diselenggarakan Sanggar Kegiatan Belajar (SKB) Sapan.",
        [
            lv(
                "Memahami program pendidikan nonformal dan melaksanakan pembelajaran sesuai panduan.",
                &[
                    "Melaksanakan pembelajaran kesetaraan atau keaksaraan sesuai panduan.",
                    "Mencatat kehadiran dan perkembangan warga belajar.",
                ],
            ),
            lv(
                "Menyelenggarakan program pendidikan nonformal secara mandiri.",
                &[
                    "Merekrut warga belajar dan menyusun jadwal pembelajaran yang fleksibel.",
                    "Menyusun bahan ajar kecakapan hidup yang sesuai dengan kebutuhan warga belajar.",
                    "Melaksanakan evaluasi hasil belajar dan pelaporan program.",
                ],
            ),
            lv(
                "Menganalisis kebutuhan belajar masyarakat dan merancang program.",
                &[
                    "Mengidentifikasi anak tidak sekolah dan warga yang belum tuntas wajib belajar.",
                    "Merancang program kecakapan hidup berdasarkan potensi ekonomi lokal.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin satuan pendidikan nonformal.",
                &[
                    "Memimpin pengembangan program SKB dan pusat kegiatan belajar masyarakat.",
                    "Membangun kemitraan dengan dunia usaha dan lembaga kursus untuk program kecakapan kerja.",
                    "Menyiapkan satuan pendidikan nonformal untuk akreditasi.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis pendidikan nonformal.",
                &[
                    "Merumuskan kebijakan pendidikan sepanjang hayat di tingkat kota.",
                    "Menjadi rujukan praktik baik pendidikan nonformal bagi daerah lain.",
                ],
            ),
        ],
    ),
    // ----- Sosial -----
    teknis(
        "T.SOS.01",
        "sosial",
        "Rehabilitasi dan Perlindungan Sosial",
        "Kemampuan melaksanakan asesmen, rehabilitasi sosial, perlindungan dan jaminan sosial bagi pemerlu pelayanan kesejahteraan sosial, seperti warga lanjut usia, penyandang disabilitas, anak telantar dan korban bencana, dengan pendekatan pekerjaan sosial.",
        [
            lv(
                "Memahami jenis pemerlu pelayanan kesejahteraan sosial dan melaksanakan layanan sesuai prosedur.",
                &[
                    "Menerima laporan dan mencatat data pemerlu pelayanan kesejahteraan sosial.",
                    "Mendampingi penyaluran layanan sosial dasar sesuai petunjuk.",
                ],
            ),
            lv(
                "Melaksanakan pelayanan rehabilitasi dan perlindungan sosial secara mandiri.",
                &[
                    "Melaksanakan asesmen kebutuhan klien dan keluarganya.",
                    "Menyusun rencana intervensi dan melaksanakan pendampingan kasus.",
                    "Merujuk klien ke layanan kesehatan, pendidikan atau hukum sesuai kebutuhan.",
                ],
            ),
            lv(
                "Menganalisis kasus dan permasalahan kesejahteraan sosial.",
                &[
                    "Menganalisis kasus kompleks, seperti kekerasan terhadap anak dan penelantaran lanjut usia.",
                    "Mengevaluasi hasil intervensi dan menyesuaikan rencana pendampingan.",
                    "Mengidentifikasi sumber daya masyarakat yang dapat mendukung rehabilitasi sosial.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin program perlindungan sosial daerah.",
                &[
                    "Memimpin program rehabilitasi sosial berbasis keluarga dan komunitas.",
                    "Mengoordinasikan layanan rujukan terpadu lintas perangkat daerah dan lembaga kesejahteraan sosial.",
                    "Menetapkan standar pelayanan minimal bidang sosial dan memantau capaiannya.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis perlindungan sosial.",
                &[
                    "Merumuskan kebijakan perlindungan sosial daerah yang inklusif.",
                    "Menjadi rujukan praktik pekerjaan sosial di tingkat provinsi/nasional.",
                ],
            ),
        ],
    ),
    teknis(
        "T.SOS.02",
        "sosial",
        "Pengelolaan Data dan Penyaluran Bantuan Sosial",
        "Kemampuan memutakhirkan data kesejahteraan sosial, memverifikasi kelayakan penerima dan memantau penyaluran bantuan sosial agar tepat sasaran, tepat jumlah dan tepat waktu.",
        [
            lv(
                "Memahami mekanisme pendataan dan penyaluran bantuan sosial serta melaksanakannya sesuai prosedur.",
                &[
                    "Menerima usulan dan sanggahan data penerima bantuan dari kelurahan dan desa.",
                    "Memasukkan hasil verifikasi lapangan ke dalam aplikasi sesuai panduan.",
                ],
            ),
            lv(
                "Melaksanakan verifikasi dan pemantauan bantuan sosial secara mandiri.",
                &[
                    "Melaksanakan verifikasi dan validasi calon penerima bantuan bersama kelurahan dan desa.",
                    "Memadankan data penerima dengan data kependudukan.",
                    "Memantau penyaluran bantuan dan menindaklanjuti pengaduan.",
                ],
            ),
            lv(
                "Menganalisis ketepatan sasaran bantuan sosial.",
                &[
                    "Menganalisis kesalahan inklusi dan eksklusi penerima bantuan.",
                    "Memetakan sebaran kemiskinan dan kerentanan sosial per kelurahan dan desa.",
                    "Merumuskan perbaikan mekanisme pemutakhiran data.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin pengelolaan data dan bantuan sosial daerah.",
                &[
                    "Memimpin pemutakhiran data kesejahteraan sosial secara berkala di seluruh kecamatan.",
                    "Mengembangkan integrasi data bantuan sosial dengan program perangkat daerah lain.",
                    "Menetapkan mekanisme pengendalian penyaluran bantuan sosial daerah.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis penanggulangan kemiskinan.",
                &[
                    "Merumuskan kebijakan penanggulangan kemiskinan berbasis data terpadu.",
                    "Menjadi rujukan praktik baik ketepatan sasaran bantuan sosial bagi daerah lain.",
                ],
            ),
        ],
    ),
    // ----- Pekerjaan umum dan penataan ruang -----
    teknis(
        "T.PU.01",
        "pekerjaan_umum",
        "Perencanaan dan Pengawasan Infrastruktur",
        "Kemampuan merencanakan, merancang, mengawasi dan memelihara infrastruktur jalan, jembatan, drainase, air minum dan sanitasi sesuai standar teknis serta keselamatan konstruksi.",
        [
            lv(
                "Memahami dasar teknik sipil dan melaksanakan tugas lapangan sesuai prosedur.",
                &[
                    "Melaksanakan survei kondisi jalan, jembatan dan drainase sesuai formulir.",
                    "Mencatat kemajuan pekerjaan konstruksi dalam laporan harian.",
                ],
            ),
            lv(
                "Melaksanakan perencanaan teknis sederhana dan pengawasan pekerjaan secara mandiri.",
                &[
                    "Menyusun gambar teknis, volume dan rencana anggaran biaya pekerjaan sederhana.",
                    "Mengawasi mutu, volume dan jadwal pekerjaan sesuai kontrak.",
                    "Memastikan penerapan keselamatan konstruksi di lapangan.",
                ],
            ),
            lv(
                "Menganalisis kondisi infrastruktur dan merumuskan prioritas penanganan.",
                &[
                    "Menganalisis data kondisi jalan dan jembatan untuk menyusun prioritas pemeliharaan.",
                    "Mengkaji penyebab kerusakan, seperti longsor dan penurunan tanah, serta merumuskan solusi teknis.",
                    "Mengevaluasi desain teknis dari konsultan perencana.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin penyelenggaraan infrastruktur daerah.",
                &[
                    "Memimpin penyusunan rencana program infrastruktur jangka menengah.",
                    "Mengendalikan pelaksanaan proyek infrastruktur strategis.",
                    "Menetapkan standar teknis dan sistem manajemen aset infrastruktur.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis pembangunan infrastruktur daerah.",
                &[
                    "Merumuskan kebijakan infrastruktur yang tangguh terhadap bencana dan selaras dengan pelestarian kawasan cagar budaya.",
                    "Menjadi narasumber teknik infrastruktur di tingkat provinsi/nasional.",
                ],
            ),
        ],
    ),
    teknis(
        "T.PU.02",
        "pekerjaan_umum",
        "Penataan Ruang dan Pengendalian Pemanfaatan Ruang",
        "Kemampuan menyusun dan meninjau rencana tata ruang, menilai kesesuaian kegiatan pemanfaatan ruang, serta mengendalikan pemanfaatan ruang, termasuk di kawasan cagar budaya dan kawasan bekas tambang.",
        [
            lv(
                "Memahami produk rencana tata ruang dan melaksanakan tugas teknis sesuai prosedur.",
                &[
                    "Membaca peta rencana tata ruang dan menjelaskan ketentuan zonasi kepada pemohon.",
                    "Mengumpulkan data pemanfaatan ruang di lapangan.",
                ],
            ),
            lv(
                "Melaksanakan penilaian kesesuaian pemanfaatan ruang secara mandiri.",
                &[
                    "Menilai kesesuaian rencana kegiatan dengan rencana tata ruang sebagai bahan persetujuan kesesuaian kegiatan pemanfaatan ruang.",
                    "Mengolah data spasial menggunakan sistem informasi geografis.",
                    "Menyusun laporan pemantauan pemanfaatan ruang.",
                ],
            ),
            lv(
                "Menganalisis penyimpangan pemanfaatan ruang dan merumuskan pengendalian.",
                &[
                    "Menganalisis ketidaksesuaian pemanfaatan ruang dan penyebabnya.",
                    "Merumuskan rekomendasi pengendalian, seperti insentif, disinsentif dan sanksi.",
                    "Mengkaji kesesuaian rencana tata ruang dengan kebutuhan pelestarian kawasan warisan dunia.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin penyusunan serta pengendalian rencana tata ruang.",
                &[
                    "Memimpin penyusunan atau peninjauan kembali rencana tata ruang wilayah dan rencana detail tata ruang.",
                    "Mengoordinasikan forum penataan ruang daerah.",
                    "Mengembangkan sistem informasi tata ruang yang dapat diakses publik.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis penataan ruang.",
                &[
                    "Merumuskan kebijakan penataan ruang kota yang berkelanjutan.",
                    "Menjadi narasumber penataan ruang kawasan bekas tambang dan kawasan warisan budaya.",
                ],
            ),
        ],
    ),
    // ----- Lingkungan hidup -----
    teknis(
        "T.LH.01",
        "lingkungan",
        "Pengelolaan Sampah dan Kebersihan",
        "Kemampuan merencanakan dan melaksanakan pengurangan dan penanganan sampah, mulai dari pemilahan di sumber, pengumpulan, pengangkutan dan pengolahan hingga pemrosesan akhir, dengan melibatkan masyarakat.",
        [
            lv(
                "Memahami pengelolaan sampah dan melaksanakan tugas operasional sesuai prosedur.",
                &[
                    "Melaksanakan pengangkutan dan pencatatan timbulan sampah sesuai jadwal dan rute.",
                    "Menyampaikan informasi pemilahan sampah kepada masyarakat.",
                ],
            ),
            lv(
                "Melaksanakan pengelolaan sampah secara mandiri.",
                &[
                    "Mengatur rute dan jadwal pengangkutan sampah secara efisien.",
                    "Membina bank sampah dan tempat pengolahan sampah reduce-reuse-recycle.",
                    "Menyusun laporan kinerja pengurangan dan penanganan sampah.",
                ],
            ),
            lv(
                "Menganalisis kinerja pengelolaan sampah dan merumuskan perbaikan.",
                &[
                    "Menganalisis komposisi dan timbulan sampah untuk perencanaan pengolahan.",
                    "Mengevaluasi kinerja tempat pemrosesan akhir dan risiko pencemarannya.",
                    "Merumuskan program pengurangan sampah berbasis masyarakat.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin sistem pengelolaan sampah kota.",
                &[
                    "Memimpin penyusunan kebijakan dan strategi daerah pengelolaan sampah.",
                    "Mengembangkan kemitraan dengan dunia usaha untuk pengolahan sampah.",
                    "Menetapkan sistem retribusi dan pembiayaan layanan persampahan yang berkelanjutan.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis pengelolaan sampah.",
                &[
                    "Merumuskan arah kebijakan kota bersih dan ekonomi sirkular.",
                    "Menjadi rujukan praktik baik pengelolaan sampah bagi daerah lain.",
                ],
            ),
        ],
    ),
    teknis(
        "T.LH.02",
        "lingkungan",
        "Pengendalian Pencemaran dan Kerusakan Lingkungan Hidup",
        "Kemampuan menilai dokumen lingkungan, mengawasi ketaatan penanggung jawab usaha, memantau kualitas lingkungan serta mendorong pemulihan lahan, termasuk lahan bekas tambang, dan ruang terbuka hijau.",
        [
            lv(
                "Memahami instrumen perlindungan lingkungan hidup dan melaksanakan tugas sesuai prosedur.",
                &[
                    "Mengambil sampel air dan udara sesuai prosedur pengambilan sampel.",
                    "Menerima dan mencatat pengaduan pencemaran lingkungan.",
                ],
            ),
            lv(
                "Melaksanakan pemeriksaan dan pengawasan lingkungan secara mandiri.",
                &[
                    "Memeriksa kelengkapan dokumen lingkungan, seperti UKL-UPL dan SPPL, sesuai kewenangan.",
                    "Melaksanakan pengawasan ketaatan usaha terhadap persetujuan lingkungan.",
                    "Menindaklanjuti pengaduan pencemaran dengan verifikasi lapangan.",
                ],
            ),
            lv(
                "Menganalisis kualitas lingkungan dan merumuskan pengendalian.",
                &[
                    "Menganalisis data pemantauan kualitas air, udara dan tanah untuk menemukan sumber pencemaran.",
                    "Menilai tingkat kerusakan lahan bekas tambang dan kebutuhan pemulihannya.",
                    "Merumuskan rekomendasi sanksi administratif atau pembinaan.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin pengendalian lingkungan hidup daerah.",
                &[
                    "Memimpin penyusunan rencana perlindungan dan pengelolaan lingkungan hidup daerah.",
                    "Mengoordinasikan program pemulihan lahan dan penambahan ruang terbuka hijau.",
                    "Mengembangkan sistem pemantauan kualitas lingkungan yang terbuka bagi publik.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis perlindungan lingkungan hidup.",
                &[
                    "Merumuskan kebijakan lingkungan hidup daerah yang mendukung pembangunan berkelanjutan.",
                    "Menjadi rujukan pemulihan lahan bekas tambang di tingkat provinsi/nasional.",
                ],
            ),
        ],
    ),
    // ----- Pangan, pertanian dan perikanan -----
    teknis(
        "T.TAN.01",
        "pertanian",
        "Penyuluhan Pertanian dan Perikanan",
        "Kemampuan merencanakan, melaksanakan dan mengevaluasi penyuluhan serta pendampingan petani, peternak dan pembudi daya ikan untuk meningkatkan produktivitas, pendapatan dan kelembagaan usaha tani.",
        [
            lv(
                "Memahami metode penyuluhan dan melaksanakan kegiatan penyuluhan sesuai programa.",
                &[
                    "Melaksanakan kunjungan kepada kelompok tani dan pembudi daya ikan sesuai jadwal.",
                    "Menyampaikan informasi teknologi budi daya dengan bahasa yang mudah dipahami.",
                ],
            ),
            lv(
                "Melaksanakan penyuluhan dan pendampingan secara mandiri.",
                &[
                    "Menyusun rencana kerja penyuluhan berdasarkan kebutuhan kelompok.",
                    "Melaksanakan demonstrasi plot atau demonstrasi cara budi daya.",
                    "Mendampingi kelompok tani dalam penyusunan rencana definitif kebutuhan kelompok.",
                ],
            ),
            lv(
                "Menganalisis potensi dan masalah usaha tani serta merumuskan solusi.",
                &[
                    "Menganalisis data produksi, serangan organisme pengganggu tumbuhan dan harga komoditas.",
                    "Mengidentifikasi komoditas unggulan yang sesuai dengan potensi lahan setempat.",
                    "Merumuskan materi penyuluhan untuk masalah spesifik lokasi.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin program penyuluhan dan pengembangan komoditas.",
                &[
                    "Memimpin penyusunan programa penyuluhan tingkat kota.",
                    "Mengembangkan kelembagaan ekonomi petani dan kemitraan pemasaran.",
                    "Mengoordinasikan bantuan sarana produksi agar tepat sasaran.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis pembangunan pertanian dan perikanan.",
                &[
                    "Merumuskan kebijakan pengembangan pertanian dan perikanan daerah.",
                    "Menjadi narasumber penyuluhan pertanian di tingkat provinsi/nasional.",
                ],
            ),
        ],
    ),
    teknis(
        "T.TAN.02",
        "pertanian",
        "Ketahanan dan Keamanan Pangan",
        "Kemampuan menganalisis ketersediaan, keterjangkauan dan pemanfaatan pangan, mengelola cadangan pangan, serta mengawasi keamanan pangan segar untuk mewujudkan ketahanan pangan daerah.",
        [
            lv(
                "Memahami aspek ketahanan pangan dan melaksanakan pengumpulan data sesuai prosedur.",
                &[
                    "Mengumpulkan data harga dan pasokan pangan pokok secara berkala.",
                    "Mengambil sampel pangan segar untuk uji cepat keamanan pangan.",
                ],
            ),
            lv(
                "Melaksanakan program ketahanan dan keamanan pangan secara mandiri.",
                &[
                    "Menyusun neraca bahan makanan sederhana tingkat kota.",
                    "Melaksanakan pengawasan keamanan pangan segar di pasar dan tempat distribusi.",
                    "Membina kelompok pekarangan pangan lestari dan diversifikasi pangan.",
                ],
            ),
            lv(
                "Menganalisis kerawanan pangan dan merumuskan intervensi.",
                &[
                    "Menyusun peta ketahanan dan kerentanan pangan tingkat kelurahan dan desa.",
                    "Menganalisis gejolak harga pangan dan penyebabnya.",
                    "Merumuskan intervensi untuk wilayah rawan pangan.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin sistem ketahanan pangan daerah.",
                &[
                    "Memimpin pengelolaan cadangan pangan pemerintah daerah.",
                    "Mengoordinasikan pengendalian inflasi pangan bersama pemangku kepentingan.",
                    "Mengembangkan sistem informasi pangan daerah.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis kebijakan pangan.",
                &[
                    "Merumuskan kebijakan ketahanan pangan dan gizi daerah.",
                    "Menjadi rujukan praktik baik ketahanan pangan bagi daerah lain.",
                ],
            ),
        ],
    ),
    // ----- Perindustrian, perdagangan, koperasi dan UMKM -----
    teknis(
        "T.DAG.01",
        "perdagangan",
        "Pemberdayaan Koperasi, UMKM dan Industri Kecil Menengah",
        "Kemampuan membina kelembagaan dan usaha koperasi, usaha mikro, kecil dan menengah serta industri kecil menengah, termasuk perajin tenun, agar naik kelas melalui peningkatan mutu produk, legalitas, akses pembiayaan dan akses pasar.",
        [
            lv(
                "Memahami karakteristik koperasi dan UMKM serta melaksanakan pendataan dan pelayanan sesuai prosedur.",
                &[
                    "Mendata koperasi, UMKM dan IKM beserta kondisi usahanya.",
                    "Membantu pelaku usaha memperoleh legalitas usaha dan sertifikasi produk dasar.",
                ],
            ),
            lv(
                "Melaksanakan pembinaan usaha secara mandiri.",
                &[
                    "Mendampingi koperasi menyelenggarakan rapat anggota dan menyusun laporan keuangan.",
                    "Melaksanakan pelatihan peningkatan mutu produk, kemasan dan pemasaran digital.",
                    "Memfasilitasi pelaku usaha mengikuti pameran dan temu bisnis.",
                ],
            ),
            lv(
                "Menganalisis kinerja dan hambatan usaha serta merumuskan pembinaan.",
                &[
                    "Menganalisis kesehatan koperasi dan kinerja usaha binaan.",
                    "Mengidentifikasi hambatan pembiayaan, bahan baku dan pasar bagi IKM, termasuk IKM tenun.",
                    "Merumuskan program pembinaan yang sesuai dengan tahap perkembangan usaha.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin program pemberdayaan usaha daerah.",
                &[
                    "Memimpin pengembangan sentra IKM dan produk unggulan daerah.",
                    "Membangun kemitraan dengan perbankan, BUMN dan pasar modern.",
                    "Mengembangkan sistem pendampingan usaha yang terukur.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis pemberdayaan ekonomi lokal.",
                &[
                    "Merumuskan kebijakan pemberdayaan koperasi, UMKM dan IKM daerah.",
                    "Menjadi rujukan pengembangan ekonomi kreatif berbasis warisan budaya.",
                ],
            ),
        ],
    ),
    teknis(
        "T.DAG.02",
        "perdagangan",
        "Pengelolaan Pasar Rakyat dan Stabilisasi Harga",
        "Kemampuan mengelola pasar rakyat, memantau harga dan pasokan barang kebutuhan pokok, serta melaksanakan langkah stabilisasi harga dan perlindungan konsumen.",
        [
            lv(
                "Memahami pengelolaan pasar dan pemantauan harga serta melaksanakannya sesuai prosedur.",
                &[
                    "Mencatat harga barang kebutuhan pokok di pasar secara harian atau mingguan.",
                    "Melaksanakan penataan pedagang dan kebersihan pasar sesuai jadwal.",
                ],
            ),
            lv(
                "Mengelola operasional pasar dan informasi harga secara mandiri.",
                &[
                    "Mengelola penempatan pedagang, retribusi pasar dan pemeliharaan sarana.",
                    "Menyajikan informasi harga dan pasokan kepada pimpinan dan masyarakat.",
                    "Menanggapi pengaduan konsumen dan pedagang.",
                ],
            ),
            lv(
                "Menganalisis perkembangan harga dan kinerja pasar.",
                &[
                    "Menganalisis tren harga dan pasokan untuk mendeteksi potensi gejolak.",
                    "Mengevaluasi kondisi dan daya saing pasar rakyat.",
                    "Merumuskan rekomendasi operasi pasar atau kerja sama antardaerah.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin pengelolaan pasar dan stabilisasi harga daerah.",
                &[
                    "Memimpin revitalisasi pasar rakyat yang bersih, aman dan nyaman.",
                    "Mengoordinasikan langkah stabilisasi harga bersama tim pengendalian inflasi daerah.",
                    "Mengembangkan sistem informasi harga yang dapat diakses publik.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis perdagangan dalam negeri daerah.",
                &[
                    "Merumuskan kebijakan perdagangan dan distribusi barang kebutuhan pokok daerah.",
                    "Menjadi rujukan praktik baik pengelolaan pasar rakyat bagi daerah lain.",
                ],
            ),
        ],
    ),
    // ----- Ketenagakerjaan -----
    teknis(
        "T.NAK.01",
        "ketenagakerjaan",
        "Pelatihan Kerja dan Penempatan Tenaga Kerja",
        "Kemampuan menyelenggarakan pelatihan berbasis kompetensi, seperti di UPTD Balai Latihan Kerja Sawahlunto, serta melayani informasi pasar kerja dan penempatan tenaga kerja.",
        [
            lv(
                "Memahami pelatihan berbasis kompetensi dan layanan pasar kerja serta melaksanakannya sesuai prosedur.",
                &[
                    "Melayani pendaftaran pencari kerja dan penerbitan kartu tanda pencari kerja.",
                    "Menyiapkan sarana dan bahan praktik pelatihan sesuai jadwal.",
                ],
            ),
            lv(
                "Melaksanakan pelatihan dan layanan penempatan secara mandiri.",
                &[
                    "Melatih peserta sesuai program pelatihan berbasis standar kompetensi kerja.",
                    "Mempertemukan pencari kerja dengan lowongan melalui bursa kerja.",
                    "Mencatat dan melaporkan penempatan tenaga kerja.",
                ],
            ),
            lv(
                "Menganalisis kebutuhan pasar kerja dan efektivitas pelatihan.",
                &[
                    "Menganalisis kebutuhan keterampilan dunia usaha dan industri setempat.",
                    "Mengevaluasi keterserapan lulusan pelatihan di pasar kerja.",
                    "Merumuskan program pelatihan baru sesuai kebutuhan pasar kerja.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin penyelenggaraan pelatihan dan penempatan tenaga kerja daerah.",
                &[
                    "Memimpin pengembangan program dan kemitraan balai latihan kerja dengan industri.",
                    "Mengembangkan sistem informasi pasar kerja daerah.",
                    "Mengoordinasikan program perluasan kesempatan kerja dan kewirausahaan.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis ketenagakerjaan daerah.",
                &[
                    "Merumuskan kebijakan perencanaan tenaga kerja daerah.",
                    "Menjadi rujukan pelatihan vokasi di tingkat provinsi/nasional.",
                ],
            ),
        ],
    ),
    teknis(
        "T.NAK.02",
        "ketenagakerjaan",
        "Hubungan Industrial",
        "Kemampuan membina hubungan industrial yang harmonis, memfasilitasi perjanjian kerja dan peraturan perusahaan, serta menyelesaikan perselisihan hubungan industrial melalui mediasi.",
        [
            lv(
                "Memahami dasar hubungan industrial dan melaksanakan layanan sesuai prosedur.",
                &[
                    "Menerima dan mencatat pengaduan perselisihan hubungan industrial.",
                    "Mendata perusahaan, serikat pekerja dan lembaga kerja sama bipartit.",
                ],
            ),
            lv(
                "Melaksanakan pembinaan hubungan industrial secara mandiri.",
                &[
                    "Memeriksa rancangan peraturan perusahaan dan perjanjian kerja bersama sesuai kewenangan.",
                    "Memfasilitasi perundingan bipartit antara pekerja dan pengusaha.",
                    "Menyosialisasikan ketentuan pengupahan dan jaminan sosial ketenagakerjaan.",
                ],
            ),
            lv(
                "Menganalisis perselisihan dan merumuskan penyelesaiannya.",
                &[
                    "Menganalisis pokok perselisihan dan kepentingan para pihak.",
                    "Melaksanakan mediasi dan menyusun anjuran tertulis.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin pembinaan hubungan industrial daerah.",
                &[
                    "Memimpin lembaga kerja sama tripartit daerah.",
                    "Mengembangkan program pencegahan perselisihan hubungan industrial.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis hubungan industrial.",
                &[
                    "Merumuskan kebijakan hubungan industrial daerah yang kondusif bagi investasi dan pelindungan pekerja.",
                    "Menjadi narasumber mediasi hubungan industrial di tingkat provinsi/nasional.",
                ],
            ),
        ],
    ),
    // ----- Perhubungan -----
    teknis(
        "T.HUB.01",
        "perhubungan",
        "Manajemen Lalu Lintas dan Angkutan Jalan",
        "Kemampuan melaksanakan manajemen dan rekayasa lalu lintas, penyediaan perlengkapan jalan, pengelolaan parkir, serta pembinaan angkutan umum untuk mewujudkan lalu lintas yang aman, tertib dan lancar.",
        [
            lv(
                "Memahami dasar manajemen lalu lintas dan melaksanakan tugas lapangan sesuai prosedur.",
                &[
                    "Melaksanakan pengaturan lalu lintas pada kegiatan dan jam sibuk sesuai arahan.",
                    "Mendata kondisi rambu, marka dan alat pemberi isyarat lalu lintas.",
                ],
            ),
            lv(
                "Melaksanakan manajemen lalu lintas dan angkutan secara mandiri.",
                &[
                    "Melaksanakan survei volume lalu lintas dan kinerja ruas jalan.",
                    "Mengelola perizinan dan pengawasan angkutan umum sesuai kewenangan.",
                    "Mengelola parkir tepi jalan umum dan retribusinya.",
                ],
            ),
            lv(
                "Menganalisis kinerja lalu lintas dan keselamatan jalan.",
                &[
                    "Menganalisis titik rawan kecelakaan dan merumuskan penanganannya.",
                    "Menyusun rekayasa lalu lintas untuk kawasan wisata dan kegiatan berskala besar.",
                    "Menilai analisis dampak lalu lintas rencana pembangunan sesuai kewenangan.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin penyelenggaraan perhubungan darat daerah.",
                &[
                    "Memimpin penyusunan rencana induk transportasi dan jaringan angkutan kota.",
                    "Mengoordinasikan forum lalu lintas dan angkutan jalan daerah.",
                    "Mengembangkan layanan angkutan yang terpadu dengan destinasi wisata.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis transportasi daerah.",
                &[
                    "Merumuskan kebijakan transportasi kota yang berkeselamatan dan berkelanjutan.",
                    "Menjadi narasumber manajemen lalu lintas di tingkat provinsi/nasional.",
                ],
            ),
        ],
    ),
    // ----- Ketenteraman, ketertiban umum dan pemadam kebakaran -----
    teknis(
        "T.TIB.01",
        "ketertiban",
        "Penegakan Peraturan Daerah dan Ketertiban Umum",
        "Kemampuan menegakkan peraturan daerah dan peraturan wali kota, menyelenggarakan ketertiban umum dan ketenteraman masyarakat, serta melindungi masyarakat secara humanis dan sesuai hak asasi manusia.",
        [
            lv(
                "Memahami tugas Satuan Polisi Pamong Praja dan melaksanakan patroli serta penjagaan sesuai prosedur.",
                &[
                    "Melaksanakan patroli dan penjagaan sesuai jadwal dan prosedur.",
                    "Mencatat pelanggaran dan kejadian dalam laporan tugas.",
                ],
            ),
            lv(
                "Melaksanakan penertiban secara mandiri dan humanis.",
                &[
                    "Melaksanakan sosialisasi dan teguran kepada pelanggar peraturan daerah.",
                    "Melaksanakan penertiban sesuai prosedur operasional dengan mengutamakan pendekatan persuasif.",
                    "Menyusun berita acara penertiban yang lengkap.",
                ],
            ),
            lv(
                "Menganalisis gangguan ketertiban dan merumuskan penanganan.",
                &[
                    "Menganalisis pola pelanggaran dan gangguan ketertiban umum.",
                    "Merencanakan operasi penertiban dengan memperhitungkan risiko sosial.",
                    "Menangani pelanggaran melalui tindakan penyelidikan dan penyidikan nonyustisial sesuai kewenangan.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin penyelenggaraan ketertiban umum daerah.",
                &[
                    "Memimpin operasi gabungan bersama kepolisian, TNI dan perangkat daerah.",
                    "Mengembangkan program ketertiban berbasis partisipasi masyarakat.",
                    "Mengoordinasikan penyidik pegawai negeri sipil dalam penegakan peraturan daerah.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis ketenteraman dan ketertiban umum.",
                &[
                    "Merumuskan kebijakan ketenteraman dan ketertiban umum daerah.",
                    "Menjadi rujukan penegakan peraturan daerah yang humanis bagi daerah lain.",
                ],
            ),
        ],
    ),
    teknis(
        "T.TIB.02",
        "ketertiban",
        "Pencegahan dan Penanggulangan Kebakaran serta Penyelamatan",
        "Kemampuan melaksanakan pencegahan, pemadaman kebakaran dan penyelamatan (rescue), serta pemeriksaan keselamatan bangunan dari bahaya kebakaran secara cepat, aman dan terlatih.",
        [
            lv(
                "Memahami dasar pemadaman kebakaran dan penyelamatan serta bertugas sesuai prosedur.",
                &[
                    "Mengoperasikan peralatan pemadam dan alat pelindung diri sesuai prosedur.",
                    "Melaksanakan pemeriksaan harian kesiapan kendaraan dan peralatan.",
                ],
            ),
            lv(
                "Melaksanakan pemadaman dan penyelamatan secara mandiri.",
                &[
                    "Melaksanakan pemadaman dan penyelamatan dalam waktu tanggap yang ditetapkan.",
                    "Melaksanakan penyelamatan non-kebakaran, seperti evakuasi korban dan hewan berbahaya.",
                    "Memberikan penyuluhan pencegahan kebakaran kepada masyarakat.",
                ],
            ),
            lv(
                "Menganalisis risiko kebakaran dan kinerja operasi.",
                &[
                    "Menganalisis penyebab kebakaran dan memetakan wilayah rawan kebakaran.",
                    "Memeriksa sistem proteksi kebakaran pada bangunan gedung sesuai kewenangan.",
                    "Mengevaluasi waktu tanggap dan merumuskan perbaikan operasi.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin layanan pemadam kebakaran dan penyelamatan daerah.",
                &[
                    "Memimpin komando operasi pada kejadian kebakaran dan penyelamatan berskala besar.",
                    "Menyusun rencana induk sistem proteksi kebakaran kota.",
                    "Mengembangkan program pelatihan dan pembentukan relawan kebakaran.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis penanggulangan kebakaran.",
                &[
                    "Merumuskan kebijakan proteksi kebakaran dan penyelamatan daerah.",
                    "Menjadi instruktur atau narasumber pemadam kebakaran di tingkat provinsi/nasional.",
                ],
            ),
        ],
    ),
    // ----- Penanggulangan bencana -----
    teknis(
        "T.BEN.01",
        "kebencanaan",
        "Penanggulangan Bencana",
        "Kemampuan melaksanakan penanggulangan bencana pada tahap prabencana, tanggap darurat dan pascabencana, termasuk kajian risiko, kesiapsiagaan masyarakat, komando tanggap darurat serta rehabilitasi dan rekonstruksi.",
        [
            lv(
                "Memahami siklus penanggulangan bencana dan melaksanakan tugas sesuai prosedur.",
                &[
                    "Menerima dan meneruskan laporan kejadian bencana melalui pusat pengendalian operasi.",
                    "Melaksanakan kaji cepat sederhana di lokasi bencana sesuai formulir.",
                ],
            ),
            lv(
                "Melaksanakan kesiapsiagaan dan tanggap darurat secara mandiri.",
                &[
                    "Melaksanakan sosialisasi dan simulasi kesiapsiagaan di sekolah, kelurahan dan desa.",
                    "Mengelola logistik dan peralatan penanggulangan bencana.",
                    "Melaksanakan evakuasi dan pendataan pengungsi pada saat tanggap darurat.",
                ],
            ),
            lv(
                "Menganalisis risiko bencana dan merumuskan pengurangan risiko.",
                &[
                    "Menyusun kajian risiko bencana, seperti tanah longsor, banjir dan kebakaran permukiman.",
                    "Menyusun rencana kontinjensi untuk ancaman prioritas.",
                    "Menilai kerusakan dan kerugian pascabencana untuk rencana rehabilitasi.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin penanggulangan bencana di tingkat daerah.",
                &[
                    "Memimpin pos komando tanggap darurat bencana.",
                    "Memimpin penyusunan rencana penanggulangan bencana daerah.",
                    "Membangun kelurahan dan desa tangguh bencana bersama masyarakat.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis penanggulangan bencana.",
                &[
                    "Merumuskan kebijakan pengurangan risiko bencana yang terintegrasi dengan perencanaan pembangunan.",
                    "Menjadi narasumber penanggulangan bencana di tingkat provinsi/nasional.",
                ],
            ),
        ],
    ),
    // ----- Pemerintahan umum, kecamatan, kelurahan dan desa -----
    teknis(
        "T.PEM.01",
        "pemerintahan",
        "Penyelenggaraan Pemerintahan Kecamatan dan Kelurahan",
        "Kemampuan menyelenggarakan urusan pemerintahan umum, koordinasi kewilayahan, pelayanan administrasi terpadu kecamatan dan pemberdayaan masyarakat di tingkat kecamatan dan kelurahan.",
        [
            lv(
                "Memahami tugas kecamatan dan kelurahan serta melayani masyarakat sesuai prosedur.",
                &[
                    "Melayani surat keterangan dan administrasi kemasyarakatan sesuai standar pelayanan.",
                    "Menghimpun data kewilayahan, seperti penduduk, sarana dan potensi wilayah.",
                ],
            ),
            lv(
                "Melaksanakan pelayanan dan koordinasi kewilayahan secara mandiri.",
                &[
                    "Menyelenggarakan pelayanan administrasi terpadu kecamatan.",
                    "Mengoordinasikan kegiatan perangkat daerah di wilayah kecamatan atau kelurahan.",
                    "Memfasilitasi lembaga kemasyarakatan, seperti RT, RW dan PKK.",
                ],
            ),
            lv(
                "Menganalisis permasalahan kewilayahan dan merumuskan penyelesaiannya.",
                &[
                    "Menganalisis permasalahan sosial, ekonomi dan ketertiban di wilayahnya.",
                    "Merumuskan usulan prioritas pembangunan kewilayahan untuk musyawarah perencanaan pembangunan.",
                    "Memediasi perselisihan di tengah masyarakat.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin penyelenggaraan pemerintahan kecamatan.",
                &[
                    "Memimpin penyelenggaraan pemerintahan di salah satu dari empat kecamatan: Barangin, Lembah Segar, Silungkang atau Talawi.",
                    "Mengembangkan inovasi pelayanan dan pemberdayaan masyarakat di kecamatan.",
                    "Membina kinerja kelurahan dan desa di wilayahnya.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis pemerintahan kewilayahan.",
                &[
                    "Merumuskan kebijakan penguatan peran kecamatan dan kelurahan.",
                    "Menjadi rujukan praktik baik pemerintahan kewilayahan bagi daerah lain.",
                ],
            ),
        ],
    ),
    teknis(
        "T.PEM.02",
        "pemerintahan",
        "Pembinaan Pemerintahan Desa",
        "Kemampuan membina dan mengawasi penyelenggaraan pemerintahan desa, meliputi perencanaan dan keuangan desa, produk hukum desa, kelembagaan desa dan pemberdayaan masyarakat desa.",
        [
            lv(
                "Memahami tata kelola pemerintahan desa dan melaksanakan pembinaan sesuai prosedur.",
                &[
                    "Menghimpun dokumen perencanaan dan laporan keuangan desa.",
                    "Menyampaikan informasi dan pedoman pengelolaan desa kepada perangkat desa.",
                ],
            ),
            lv(
                "Melaksanakan pembinaan pemerintahan desa secara mandiri.",
                &[
                    "Mendampingi penyusunan RPJMDes, RKPDes dan APBDes.",
                    "Mengevaluasi rancangan peraturan desa sesuai kewenangan.",
                    "Memantau penyaluran dan penggunaan dana desa.",
                ],
            ),
            lv(
                "Menganalisis kinerja pemerintahan desa dan merumuskan pembinaan.",
                &[
                    "Menganalisis status perkembangan desa dan faktor penghambatnya.",
                    "Mengidentifikasi risiko penyimpangan pengelolaan keuangan desa.",
                    "Merumuskan program peningkatan kapasitas perangkat desa.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin pembinaan desa di tingkat kota.",
                &[
                    "Memimpin program pengembangan desa mandiri dan badan usaha milik desa.",
                    "Mengoordinasikan pembinaan desa lintas perangkat daerah.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis pembangunan desa.",
                &[
                    "Merumuskan kebijakan daerah tentang pemerintahan dan pembangunan desa.",
                    "Menjadi rujukan pembinaan desa di tingkat provinsi/nasional.",
                ],
            ),
        ],
    ),
    // ----- Kearsipan dan perpustakaan -----
    teknis(
        "T.ARS.01",
        "kearsipan",
        "Pengelolaan Arsip Dinamis dan Statis",
        "Kemampuan mengelola arsip dinamis (penciptaan, penggunaan, pemeliharaan dan penyusutan) dan arsip statis (akuisisi, pengolahan, preservasi dan akses), termasuk arsip elektronik, sesuai kaidah kearsipan.",
        [
            lv(
                "Memahami daur hidup arsip dan melaksanakan pengelolaan arsip sesuai prosedur.",
                &[
                    "Memberkaskan arsip aktif sesuai klasifikasi arsip.",
                    "Mencatat peminjaman dan pengembalian arsip.",
                ],
            ),
            lv(
                "Mengelola arsip dinamis unit kerja secara mandiri.",
                &[
                    "Menata arsip inaktif di pusat arsip sesuai daftar arsip.",
                    "Menerapkan jadwal retensi arsip dan menyiapkan usul musnah.",
                    "Mengelola arsip elektronik dalam aplikasi kearsipan.",
                ],
            ),
            lv(
                "Menganalisis dan memperbaiki sistem kearsipan.",
                &[
                    "Menilai kondisi fisik arsip dan merumuskan tindakan preservasi.",
                    "Mengidentifikasi arsip bernilai guna permanen, termasuk arsip sejarah pertambangan kota.",
                    "Mengevaluasi kepatuhan unit kerja terhadap kaidah kearsipan.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin penyelenggaraan kearsipan daerah.",
                &[
                    "Memimpin pengelolaan arsip statis daerah dan layanan aksesnya.",
                    "Menyusun tata naskah, klasifikasi dan jadwal retensi arsip pemerintah daerah.",
                    "Mengembangkan arsip elektronik yang terhubung dengan jaringan informasi kearsipan nasional.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis kearsipan.",
                &[
                    "Merumuskan kebijakan penyelamatan arsip bernilai sejarah daerah.",
                    "Menjadi narasumber kearsipan di tingkat provinsi/nasional.",
                ],
            ),
        ],
    ),
    teknis(
        "T.ARS.02",
        "kearsipan",
        "Pengelolaan Perpustakaan dan Pembudayaan Kegemaran Membaca",
        "Kemampuan mengelola koleksi dan layanan perpustakaan, mengembangkan perpustakaan berbasis inklusi sosial, serta membudayakan kegemaran membaca masyarakat.",
        [
            lv(
                "Memahami fungsi perpustakaan dan melaksanakan layanan sesuai prosedur.",
                &[
                    "Melayani peminjaman, pengembalian dan keanggotaan perpustakaan.",
                    "Menata koleksi di rak sesuai sistem klasifikasi.",
                ],
            ),
            lv(
                "Mengelola koleksi dan layanan perpustakaan secara mandiri.",
                &[
                    "Mengolah bahan pustaka melalui katalogisasi dan klasifikasi.",
                    "Menyelenggarakan kegiatan literasi, seperti bercerita untuk anak dan diskusi buku.",
                    "Melayani perpustakaan keliling ke kelurahan, desa dan sekolah.",
                ],
            ),
            lv(
                "Menganalisis pemanfaatan perpustakaan dan merancang program.",
                &[
                    "Menganalisis data kunjungan dan peminjaman untuk pengembangan koleksi.",
                    "Merancang program inklusi sosial yang menghubungkan literasi dengan keterampilan ekonomi.",
                    "Menghimpun koleksi lokal tentang sejarah dan budaya Sawahlunto.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin penyelenggaraan perpustakaan daerah.",
                &[
                    "Memimpin pengembangan perpustakaan daerah dan pembinaan perpustakaan sekolah serta desa.",
                    "Mengembangkan layanan perpustakaan digital.",
                    "Menyiapkan perpustakaan untuk akreditasi.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis pembudayaan kegemaran membaca.",
                &[
                    "Merumuskan kebijakan pembudayaan kegemaran membaca di tingkat kota.",
                    "Menjadi rujukan praktik baik perpustakaan berbasis inklusi sosial.",
                ],
            ),
        ],
    ),
    // ----- Komunikasi publik, kehumasan dan statistik sektoral -----
    teknis(
        "T.KOM.01",
        "komunikasi",
        "Komunikasi Publik dan Kehumasan",
        "Kemampuan mengelola informasi dan komunikasi publik pemerintah daerah, hubungan dengan media, kanal media sosial resmi dan layanan informasi publik secara akurat, cepat dan terpercaya.",
        [
            lv(
                "Memahami prinsip komunikasi publik dan menyiapkan informasi sesuai prosedur.",
                &[
                    "Mendokumentasikan kegiatan pimpinan dan perangkat daerah.",
                    "Menyusun draf siaran pers dan unggahan media sosial sesuai panduan.",
                ],
            ),
            lv(
                "Mengelola komunikasi publik dan layanan informasi secara mandiri.",
                &[
                    "Menulis siaran pers dan konten informasi dengan bahasa yang jelas dan sesuai fakta.",
                    "Mengelola kanal media sosial resmi dan menanggapi pertanyaan warganet.",
                    "Melayani permohonan informasi publik sesuai ketentuan keterbukaan informasi.",
                ],
            ),
            lv(
                "Menganalisis opini publik dan efektivitas komunikasi.",
                &[
                    "Menganalisis pemberitaan dan percakapan media sosial tentang pemerintah daerah.",
                    "Mengklarifikasi hoaks dan disinformasi dengan data yang akurat.",
                    "Menyusun strategi komunikasi untuk program prioritas.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin komunikasi publik pemerintah daerah.",
                &[
                    "Memimpin komunikasi krisis pada saat bencana atau isu sensitif.",
                    "Mengoordinasikan pengelola informasi dan dokumentasi seluruh perangkat daerah.",
                    "Membangun kemitraan dengan media dan pemengaruh lokal.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis komunikasi pemerintahan.",
                &[
                    "Merumuskan kebijakan komunikasi publik dan narasi tunggal pemerintah daerah.",
                    "Menjadi narasumber kehumasan pemerintah di tingkat provinsi/nasional.",
                ],
            ),
        ],
    ),
    teknis(
        "T.KOM.02",
        "komunikasi",
        "Statistik Sektoral",
        "Kemampuan menyelenggarakan statistik sektoral perangkat daerah, mulai dari perencanaan kegiatan statistik, pengumpulan, pengolahan dan analisis data hingga diseminasi, sesuai kaidah statistik dan koordinasi dengan BPS.",
        [
            lv(
                "Memahami konsep dasar statistik dan melaksanakan pengumpulan data sesuai prosedur.",
                &[
                    "Mengumpulkan data sektoral menggunakan kuesioner atau formulir yang ditetapkan.",
                    "Memasukkan dan memeriksa data sesuai panduan pengolahan.",
                ],
            ),
            lv(
                "Melaksanakan kegiatan statistik sektoral secara mandiri.",
                &[
                    "Menyusun rancangan kegiatan statistik beserta konsep, definisi dan metadata.",
                    "Mengolah data dan menyajikan tabel serta grafik statistik.",
                    "Menyusun publikasi statistik sektoral, seperti data dalam angka per bidang.",
                ],
            ),
            lv(
                "Menganalisis data statistik dan kualitasnya.",
                &[
                    "Menganalisis data dengan metode statistik yang tepat untuk menjawab kebutuhan kebijakan.",
                    "Mengevaluasi kualitas data dan konsistensinya dengan statistik dasar.",
                    "Menyusun indikator kinerja pembangunan berbasis data statistik.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin penyelenggaraan statistik sektoral daerah.",
                &[
                    "Memimpin penyusunan rencana kegiatan statistik sektoral seluruh perangkat daerah.",
                    "Mengoordinasikan rekomendasi kegiatan statistik dengan BPS.",
                    "Mengembangkan portal statistik daerah yang terpadu dengan Satu Data.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis statistik sektoral.",
                &[
                    "Merumuskan kebijakan penyelenggaraan statistik sektoral daerah.",
                    "Menjadi rujukan praktik baik statistik sektoral bagi daerah lain.",
                ],
            ),
        ],
    ),
    // ----- Administrasi umum (berlaku di semua unit kerja) -----
    teknis(
        "T.UM.01",
        "umum",
        "Tata Naskah Dinas dan Administrasi Perkantoran",
        "Kemampuan menyusun, mengendalikan dan mengelola naskah dinas serta administrasi perkantoran sesuai tata naskah dinas yang berlaku, termasuk naskah dinas elektronik dan tanda tangan elektronik.",
        [
            lv(
                "Memahami jenis dan format naskah dinas serta menyusunnya sesuai pedoman.",
                &[
                    "Menyusun surat dinas dan nota dinas sesuai format tata naskah dinas.",
                    "Mencatat surat masuk dan keluar dalam aplikasi persuratan.",
                ],
            ),
            lv(
                "Mengelola naskah dinas dan administrasi perkantoran secara mandiri.",
                &[
                    "Menyusun berbagai jenis naskah dinas, seperti surat tugas, undangan dan laporan, dengan bahasa Indonesia yang baik dan benar.",
                    "Mengendalikan alur naskah dinas hingga ditandatangani secara elektronik.",
                    "Mengatur agenda rapat, notula dan tindak lanjutnya.",
                ],
            ),
            lv(
                "Menganalisis dan menyederhanakan proses administrasi perkantoran.",
                &[
                    "Menelaah konsep naskah dinas dan memperbaiki kesalahan substansi maupun format.",
                    "Menganalisis hambatan alur persuratan dan merumuskan penyederhanaannya.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin tata kelola administrasi perkantoran.",
                &[
                    "Memimpin penerapan naskah dinas elektronik di perangkat daerah.",
                    "Menyusun standar operasional prosedur administrasi perkantoran.",
                    "Membina pengelola persuratan di unit kerja.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis tata naskah dinas.",
                &[
                    "Merumuskan pedoman tata naskah dinas pemerintah daerah.",
                    "Menjadi narasumber tata naskah dinas bagi instansi lain.",
                ],
            ),
        ],
    ),
    teknis(
        "T.UM.02",
        "umum",
        "Penatausahaan Barang Milik Daerah di Unit Kerja",
        "Kemampuan merencanakan kebutuhan, menerima, mencatat, memelihara, menggunakan dan melaporkan barang milik daerah di unit kerja secara tertib administrasi, tertib fisik dan tertib hukum.",
        [
            lv(
                "Memahami siklus pengelolaan barang milik daerah dan melaksanakan pencatatan sesuai prosedur.",
                &[
                    "Menerima dan memeriksa barang sesuai dokumen pengadaan.",
                    "Mencatat barang dalam kartu inventaris ruangan dan aplikasi barang milik daerah.",
                ],
            ),
            lv(
                "Melaksanakan penatausahaan barang milik daerah secara mandiri.",
                &[
                    "Melaksanakan inventarisasi dan pelabelan barang secara berkala.",
                    "Menyusun laporan barang semesteran dan tahunan.",
                    "Mengatur pemeliharaan kendaraan dan peralatan kantor.",
                ],
            ),
            lv(
                "Menganalisis kondisi dan pemanfaatan barang milik daerah.",
                &[
                    "Menganalisis kebutuhan barang berdasarkan standar kebutuhan dan kondisi barang yang ada.",
                    "Mengidentifikasi barang rusak berat atau tidak digunakan untuk usulan pemindahtanganan atau penghapusan.",
                    "Merekonsiliasi data barang dengan data akuntansi aset.",
                ],
            ),
            lv(
                "Mengembangkan dan memimpin pengelolaan barang milik daerah di perangkat daerah.",
                &[
                    "Memimpin penyusunan rencana kebutuhan barang milik daerah perangkat daerah.",
                    "Mengoordinasikan pengamanan administrasi, fisik dan hukum aset, termasuk sertifikasi tanah.",
                ],
            ),
            lv(
                "Menjadi rujukan strategis pengelolaan aset daerah.",
                &[
                    "Merumuskan kebijakan optimalisasi pemanfaatan aset daerah, termasuk aset bangunan bersejarah.",
                    "Menjadi rujukan pengelolaan barang milik daerah bagi instansi lain.",
                ],
            ),
        ],
    ),
];

/// Every entry: managerial and socio-cultural first, then technical.
pub fn semua() -> impl Iterator<Item = &'static EntriKamus> {
    MANAJERIAL_DAN_SOSIAL_KULTURAL.iter().chain(TEKNIS.iter())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, HashSet};

    fn jumlah_bidang(kode: &str) -> usize {
        TEKNIS.iter().filter(|e| e.bidang == Some(kode)).count()
    }

    #[test]
    fn kode_unik() {
        let mut dilihat = HashSet::new();
        for e in semua() {
            assert!(dilihat.insert(e.kode), "kode ganda: {}", e.kode);
        }
    }

    #[test]
    fn nama_unik() {
        let mut dilihat = HashSet::new();
        for e in semua() {
            assert!(
                dilihat.insert(e.nama.to_lowercase()),
                "nama ganda: {}",
                e.nama
            );
        }
    }

    #[test]
    fn manajerial_dan_sosial_kultural_sesuai_regulasi() {
        let harapan = [
            ("M.01", "Integritas"),
            ("M.02", "Kerjasama"),
            ("M.03", "Komunikasi"),
            ("M.04", "Orientasi pada Hasil"),
            ("M.05", "Pelayanan Publik"),
            ("M.06", "Pengembangan Diri dan Orang Lain"),
            ("M.07", "Mengelola Perubahan"),
            ("M.08", "Pengambilan Keputusan"),
            ("SK.01", "Perekat Bangsa"),
        ];
        assert_eq!(MANAJERIAL_DAN_SOSIAL_KULTURAL.len(), harapan.len());
        for (e, (kode, nama)) in MANAJERIAL_DAN_SOSIAL_KULTURAL.iter().zip(harapan) {
            assert_eq!(e.kode, kode);
            assert_eq!(e.nama, nama);
            assert_eq!(e.bidang, None, "{} tidak boleh punya bidang", e.kode);
            let kelompok = if kode.starts_with("SK.") {
                KelompokKompetensi::SosialKultural
            } else {
                KelompokKompetensi::Manajerial
            };
            assert_eq!(e.kelompok, kelompok, "kelompok {}", e.kode);
        }
        // Every entry of the regulation's kamus has three indicators per level.
        for e in &MANAJERIAL_DAN_SOSIAL_KULTURAL {
            for (i, l) in e.level.iter().enumerate() {
                assert!(
                    (2..=4).contains(&l.indikator.len()),
                    "{} level {} punya {} indikator",
                    e.kode,
                    i + 1,
                    l.indikator.len()
                );
            }
        }
    }

    #[test]
    fn teknis_cukup_dan_berbidang_sah() {
        assert!(TEKNIS.len() >= 44, "hanya {} entri teknis", TEKNIS.len());
        let bidang_sah: HashSet<&str> = BIDANG.iter().map(|(k, _)| *k).collect();
        for e in TEKNIS {
            assert_eq!(e.kelompok, KelompokKompetensi::Teknis, "{}", e.kode);
            let bidang = e
                .bidang
                .unwrap_or_else(|| panic!("{} tanpa bidang", e.kode));
            assert!(
                bidang_sah.contains(bidang),
                "{}: bidang {bidang} tidak ada di BIDANG",
                e.kode
            );
            assert!(e.kode.starts_with("T."), "{}", e.kode);
            for (i, l) in e.level.iter().enumerate() {
                assert!(
                    (2..=3).contains(&l.indikator.len()),
                    "{} level {} punya {} indikator",
                    e.kode,
                    i + 1,
                    l.indikator.len()
                );
            }
        }
        for e in semua().filter(|e| e.kelompok != KelompokKompetensi::Teknis) {
            assert_eq!(e.bidang, None, "{}", e.kode);
        }
    }

    #[test]
    fn bidang_unik_dan_semuanya_dipakai() {
        let mut dilihat = HashSet::new();
        for (kode, label) in BIDANG {
            assert!(dilihat.insert(*kode), "bidang ganda: {kode}");
            assert!(!label.trim().is_empty());
            assert!(jumlah_bidang(kode) >= 1, "bidang {kode} tanpa entri");
        }
    }

    #[test]
    fn awalan_kode_teknis_konsisten_dengan_bidang() {
        // "T.SPBE.01" -> "SPBE": one prefix per field, one field per prefix.
        let mut awalan_ke_bidang: BTreeMap<&str, &str> = BTreeMap::new();
        let mut bidang_ke_awalan: BTreeMap<&str, &str> = BTreeMap::new();
        for e in TEKNIS {
            let bagian: Vec<&str> = e.kode.split('.').collect();
            assert_eq!(bagian.len(), 3, "{}", e.kode);
            assert_eq!(bagian[2].len(), 2, "{}", e.kode);
            assert!(bagian[2].chars().all(|c| c.is_ascii_digit()), "{}", e.kode);
            let bidang = e.bidang.unwrap_or_default();
            assert_eq!(
                *awalan_ke_bidang.entry(bagian[1]).or_insert(bidang),
                bidang,
                "{}",
                e.kode
            );
            assert_eq!(
                *bidang_ke_awalan.entry(bidang).or_insert(bagian[1]),
                bagian[1],
                "{}",
                e.kode
            );
        }
    }

    #[test]
    fn setiap_level_lengkap_dan_tanpa_teks_kosong() {
        for e in semua() {
            for teks in [e.kode, e.nama, e.definisi] {
                assert!(!teks.trim().is_empty(), "teks kosong pada {}", e.kode);
                assert_eq!(teks, teks.trim(), "spasi berlebih pada {}", e.kode);
            }
            for (i, l) in e.level.iter().enumerate() {
                assert!(
                    !l.deskripsi.trim().is_empty(),
                    "{} level {} tanpa deskripsi",
                    e.kode,
                    i + 1
                );
                assert!(
                    l.indikator.len() >= 2,
                    "{} level {} kurang dari 2 indikator",
                    e.kode,
                    i + 1
                );
                let mut unik = HashSet::new();
                for ind in l.indikator {
                    assert!(!ind.trim().is_empty(), "indikator kosong pada {}", e.kode);
                    assert!(
                        !ind.starts_with(|c: char| c.is_ascii_digit()),
                        "indikator {} bernomor: {ind}",
                        e.kode
                    );
                    assert!(ind.ends_with('.'), "{}: {ind}", e.kode);
                    assert!(unik.insert(*ind), "indikator ganda pada {}: {ind}", e.kode);
                }
            }
        }
    }

    #[test]
    fn bobot_bidang_sesuai_kebutuhan_kota() {
        assert!(jumlah_bidang("spbe") >= 5);
        assert!(jumlah_bidang("perizinan") >= 4);
        assert!(jumlah_bidang("kebudayaan") >= 2);
        assert!(jumlah_bidang("kesehatan") >= 3);
        assert!(jumlah_bidang("pendidikan") >= 3);
        assert_eq!(jumlah_bidang("keuangan"), 2);
        assert_eq!(jumlah_bidang("adminduk"), 2);
    }

    #[test]
    fn semua_berurutan() {
        let kode: Vec<&str> = semua().map(|e| e.kode).collect();
        assert_eq!(kode.len(), 9 + TEKNIS.len());
        assert_eq!(
            &kode[..9],
            &[
                "M.01", "M.02", "M.03", "M.04", "M.05", "M.06", "M.07", "M.08", "SK.01"
            ]
        );
        assert!(kode[9..].iter().all(|k| k.starts_with("T.")));
    }
}
