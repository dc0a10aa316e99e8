// Temporary scale check (debug build): timing shape only.
use kompeten_domain::{KelompokKompetensi, StatusAsn};
use kompeten_engine::kesenjangan::*;
use std::time::Instant;
fn cpu() -> f64 {
    let s = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = &s[s.rfind(')').unwrap_or(0) + 2..];
    let f: Vec<&str> = after.split(' ').collect();
    (f[11].parse::<f64>().unwrap_or(0.0) + f[12].parse::<f64>().unwrap_or(0.0)) / 100.0
}
fn main() {
    let n_p: u32 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(430_000);
    let t = Instant::now();
    let mut b = Pembangun::dengan_kapasitas(n_p as usize, n_p as usize * 12);
    b.utas(
        std::env::var("UTAS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(2),
    );
    let ks: Vec<u32> = (0..60)
        .map(|i| {
            b.tambah_kompetensi(
                i,
                if i < 9 {
                    KelompokKompetensi::Manajerial
                } else {
                    KelompokKompetensi::Teknis
                },
            )
        })
        .collect();
    let js: Vec<u32> = (0..400u32)
        .map(|j| {
            let mut std: Vec<ItemStandar> = (0..9)
                .map(|k| ItemStandar {
                    kompetensi: k,
                    level: 1 + (j % 4) as u8,
                    bobot: 1,
                })
                .collect();
            for x in 0..4 {
                std.push(ItemStandar {
                    kompetensi: 9 + (j * 7 + x * 13) % 51,
                    level: 2 + (x % 3) as u8,
                    bobot: 1 + x % 2,
                });
            }
            std.sort_by_key(|i| i.kompetensi);
            std.dedup_by_key(|i| i.kompetensi);
            b.tambah_jabatan(j as i64, None, &std)
        })
        .collect();
    let us: Vec<u32> = (0..5000).map(|u| b.tambah_unit(u)).collect();
    let base = nomor_hari(time::macros::date!(2022 - 01 - 01));
    let mut id = 0i64;
    let mut rows: Vec<(i32, u32, u32, u8)> = Vec::new();
    let mut s: u64 = 12345;
    let mut rnd = || {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (s >> 33) as u32
    };
    for p in 0..n_p {
        let j = js[(p % 400) as usize];
        let q = b.tambah_pegawai(
            p as i64,
            us[(p % 5000) as usize],
            Some(j),
            StatusAsn::Pns,
            true,
        );
        let std = [
            0u32,
            1,
            2,
            3,
            4,
            5,
            6,
            7,
            8,
            9 + p % 51,
            9 + (p * 3) % 51,
            9 + (p * 5) % 51,
        ];
        let mut ksp: Vec<u32> = std.to_vec();
        ksp.sort();
        ksp.dedup();
        for &k in &ksp {
            if rnd() % 10 < 8 {
                id += 1;
                let t = base + (rnd() % 1500) as i32;
                rows.push((t, q, ks[k as usize], 1 + (rnd() % 5) as u8));
            }
        }
    }
    rows.sort_unstable();
    for (i, &(t, q, k, l)) in rows.iter().enumerate() {
        b.tambah_penilaian(q, k, l, t, t + 1095, i as i64 + 1);
    }
    drop(rows);
    eprintln!("generate {:?}, rows {}", t.elapsed(), id);
    let t = Instant::now();
    let c0 = cpu();
    let data = b.selesai().expect("ok");
    eprintln!("selesai {:?} cpu {:.2}", t.elapsed(), cpu() - c0);
    let hari = time::macros::date!(2026 - 11 - 27);
    let h = nomor_hari(hari);
    for _ in 0..2 {
        let t = Instant::now();
        let mut acc = 0u64;
        for p in 0..data.jumlah_pegawai() {
            let r = data.rentang_penilaian_pub(p);
            for i in r {
                acc += data.kal(i, h);
            }
        }
        eprintln!("calibration scan {:?} {}", t.elapsed(), acc);
    }
    let atur = PengaturanJpm::default();
    let skala = SkalaKategori::pemetaan();
    for _ in 0..2 {
        let t = Instant::now();
        let all = hitung_semua(&data, Pilihan::Semua, hari, &atur, &skala).expect("ok");
        eprintln!(
            "hitung_semua {:?} ({} with jpm)",
            t.elapsed(),
            all.iter().filter(|r| r.jpm.is_some()).count()
        );
    }
    let t = Instant::now();
    let all = hitung_semua(&data, Pilihan::Semua, hari, &atur, &skala).expect("ok");
    eprintln!(
        "hitung_semua {:?} ({} with jpm)",
        t.elapsed(),
        all.iter().filter(|r| r.jpm.is_some()).count()
    );
    let g: Vec<u32> = (0..5000).collect();
    let t = Instant::now();
    let c0 = cpu();
    let peta = peta_panas(&data, Pilihan::Semua, &g, hari, &atur).expect("ok");
    eprintln!(
        "peta_panas {:?} cpu {:.2} ({} cells)",
        t.elapsed(),
        cpu() - c0,
        peta.sel.len()
    );
    let t = Instant::now();
    let _ = sebaran_kompetensi(&data, Pilihan::Semua, hari).expect("ok");
    eprintln!("sebaran {:?}", t.elapsed());
}
