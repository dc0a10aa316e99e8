#!/usr/bin/env python3
"""National-scale benchmark of issue 3: the kompeten engine against DuckDB and
PostgreSQL computing the same per-employee JPM and unit x competency heatmap
from the same generated data, with an exact comparison of the results.

Run through bench/national/run.sh (it builds the release binary and installs
the Python packages). Prints a table and writes summary.json in the work dir.
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / "target" / "release" / "kompeten-bench-national"

SCHEMA = """
CREATE TABLE kompetensi (id INTEGER NOT NULL, kelompok SMALLINT NOT NULL);
CREATE TABLE unit (id INTEGER NOT NULL, instansi_id INTEGER NOT NULL, opd_id INTEGER NOT NULL);
CREATE TABLE jabatan (id INTEGER NOT NULL, instansi_id INTEGER NOT NULL, jenis SMALLINT NOT NULL);
CREATE TABLE standar (jabatan_id INTEGER NOT NULL, kompetensi_id INTEGER NOT NULL,
                      level SMALLINT NOT NULL, bobot SMALLINT NOT NULL);
CREATE TABLE pegawai (id INTEGER NOT NULL, instansi_id INTEGER NOT NULL, unit_id INTEGER NOT NULL,
                      jabatan_id INTEGER);
CREATE TABLE penilaian (id INTEGER NOT NULL, pegawai_id INTEGER NOT NULL, kompetensi_id INTEGER NOT NULL,
                        level SMALLINT NOT NULL, tanggal INTEGER NOT NULL, berlaku_sampai INTEGER NOT NULL);
"""
TABLES = ["kompetensi", "unit", "jabatan", "standar", "pegawai", "penilaian"]

# Step 1, current level per (employee, competency) with any result: the
# latest valid one (later day, then higher id), NULL when all expired.
# The same text runs on both: the newest valid row is the maximum of one
# BIGINT packing (day, id, level), so this is a plain hash aggregate that
# both run in parallel (day * 2^35 stays far below 2^63; ids < 2^32).
KINI_MAX = """
CREATE {tmp} TABLE kini AS
SELECT pegawai_id, kompetensi_id,
       CAST(MAX((tanggal::BIGINT * 4294967296 + id) * 8 + level)
            FILTER (WHERE berlaku_sampai >= {d}) % 8 AS SMALLINT) AS level
FROM penilaian
GROUP BY pegawai_id, kompetensi_id
"""
# The textbook form (--kini distinct-on): valid rows first, newest first.
KINI_DISTINCT_ON = """
CREATE {tmp} TABLE kini AS
SELECT DISTINCT ON (pegawai_id, kompetensi_id)
       pegawai_id, kompetensi_id,
       CASE WHEN berlaku_sampai >= {d} THEN level END AS level
FROM penilaian
ORDER BY pegawai_id, kompetensi_id, (berlaku_sampai >= {d}) DESC, tanggal DESC, id DESC
"""
KINI = {"max": KINI_MAX, "distinct-on": KINI_DISTINCT_ON}
# Step 2, JPM = sum w*min(level, required) / sum w*required over the
# assessed competencies of the position's standard; NULL when none.
JPM = """
CREATE {tmp} TABLE hasil_jpm AS
SELECT p.id AS pegawai_id,
       SUM(LEAST(k.level, s.level)::BIGINT * s.bobot) FILTER (WHERE k.level IS NOT NULL) AS pembilang,
       SUM(s.level::BIGINT * s.bobot) FILTER (WHERE k.level IS NOT NULL) AS penyebut
FROM pegawai p
LEFT JOIN standar s ON s.jabatan_id = p.jabatan_id
LEFT JOIN kini k ON k.pegawai_id = p.id AND k.kompetensi_id = s.kompetensi_id
GROUP BY p.id
"""
# Step 3, heatmap: per (employee's unit, competency required by the
# employee's standard).
HEATMAP = """
CREATE {tmp} TABLE hasil_heatmap AS
SELECT p.unit_id, s.kompetensi_id,
       COUNT(*) AS wajib,
       COUNT(k.level) AS dinilai,
       COUNT(*) FILTER (WHERE k.level >= s.level) AS memenuhi,
       COALESCE(SUM(s.level - k.level) FILTER (WHERE k.level < s.level), 0) AS jumlah_gap,
       COUNT(*) FILTER (WHERE k.pegawai_id IS NOT NULL AND k.level IS NULL) AS kedaluwarsa,
       COUNT(*) FILTER (WHERE k.pegawai_id IS NULL) AS belum_dinilai
FROM pegawai p
JOIN standar s ON s.jabatan_id = p.jabatan_id
LEFT JOIN kini k ON k.pegawai_id = p.id AND k.kompetensi_id = s.kompetensi_id
GROUP BY p.unit_id, s.kompetensi_id
"""
EXPORT_JPM = "SELECT pegawai_id, pembilang, penyebut FROM hasil_jpm ORDER BY pegawai_id"
EXPORT_HEATMAP = ("SELECT unit_id, kompetensi_id, wajib, dinilai, memenuhi, jumlah_gap, kedaluwarsa, "
                  "belum_dinilai FROM hasil_heatmap ORDER BY unit_id, kompetensi_id")


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def run_json(cmd):
    log("$ " + " ".join(str(c) for c in cmd))
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def git_head():
    r = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return r.stdout.strip()


def engine_src_sha256():
    """Identifies the engine code measured (the work tree may be ahead of HEAD)."""
    import hashlib

    h = hashlib.sha256()
    for f in sorted((ROOT / "crates" / "engine" / "src").rglob("*.rs")):
        h.update(f.relative_to(ROOT).as_posix().encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


# ---------------------------------------------------------------- DuckDB ---

def duckdb_worker(data, out, hari_ini, kini_query):
    """Runs in a child process so that its peak RSS is DuckDB's alone."""
    import duckdb

    con = duckdb.connect(":memory:")
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
    res = {"threads": threads, "version": duckdb.__version__}
    t = time.perf_counter()
    con.execute(SCHEMA)
    for name in TABLES:
        con.execute(f"COPY {name} FROM '{data}/{name}.csv' (FORMAT csv, HEADER false)")
    res["load_s"] = time.perf_counter() - t
    kini = KINI[kini_query].format(d=hari_ini, tmp="TEMP")
    for key, sql in (("kini_s", kini), ("jpm_s", JPM.format(tmp="TEMP")),
                     ("heatmap_s", HEATMAP.format(tmp="TEMP"))):
        t = time.perf_counter()
        con.execute(sql)
        res[key] = time.perf_counter() - t
    res["peak_rss_bytes"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    os.makedirs(out, exist_ok=True)
    con.execute(f"COPY ({EXPORT_JPM}) TO '{out}/jpm.csv' (FORMAT csv, HEADER false)")
    con.execute(f"COPY ({EXPORT_HEATMAP}) TO '{out}/heatmap.csv' (FORMAT csv, HEADER false)")
    print(json.dumps(res))


# ------------------------------------------------------------ PostgreSQL ---

class PssSampler(threading.Thread):
    """Samples the proportional set size (PSS) of a backend and its parallel
    workers; PSS splits shared buffers fairly, so the sum is meaningful."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self.stop = threading.Event()

    def procs(self):
        pids = [self.pid]
        tag = f"parallel worker for PID {self.pid}"
        for d in os.listdir("/proc"):
            if d.isdigit():
                try:
                    with open(f"/proc/{d}/cmdline", "rb") as f:
                        if tag.encode() in f.read():
                            pids.append(int(d))
                except OSError:
                    pass
        return pids

    def pss(self, pid):
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    def run(self):
        while not self.stop.is_set():
            self.peak = max(self.peak, sum(self.pss(p) for p in self.procs()))
            self.stop.wait(0.05)


def postgres_run(args, data, out, hari_ini):
    import psycopg

    admin = psycopg.connect(args.pg_url, autocommit=True)
    db = args.pg_database
    admin.execute(f"DROP DATABASE IF EXISTS {db}")
    admin.execute(f"CREATE DATABASE {db}")
    res = {}
    try:
        url = args.pg_url.rsplit("/", 1)[0] + "/" + db
        con = psycopg.connect(url, autocommit=True)
        res["version"] = con.execute("SHOW server_version").fetchone()[0]
        con.execute(f"SET work_mem = '{args.pg_work_mem}'")
        # Intermediate results are temp tables: give them room in memory
        # (the default 8 MB of temp_buffers spills them to disk).
        con.execute(f"SET temp_buffers = '{args.pg_temp_buffers}'")
        res["work_mem"] = args.pg_work_mem
        res["temp_buffers"] = args.pg_temp_buffers
        for key in ("shared_buffers", "max_parallel_workers_per_gather"):
            res[key] = con.execute(f"SHOW {key}").fetchone()[0]
        t = time.perf_counter()
        con.execute(SCHEMA)
        for name in TABLES:
            # Server-side COPY: the server reads the file itself (fastest).
            con.execute(f"COPY {name} FROM '{data}/{name}.csv' (FORMAT csv)")
        res["copy_s"] = time.perf_counter() - t
        t = time.perf_counter()
        con.execute("CREATE INDEX ON penilaian (pegawai_id, kompetensi_id)")
        con.execute("CREATE INDEX ON standar (jabatan_id)")
        con.execute("CREATE INDEX ON pegawai (jabatan_id)")
        con.execute("VACUUM ANALYZE")
        res["index_analyze_s"] = time.perf_counter() - t
        pid = con.execute("SELECT pg_backend_pid()").fetchone()[0]
        sampler = PssSampler(pid)
        sampler.start()
        # Temp tables get no autovacuum statistics: ANALYZE is part of the step.
        # Intermediate results: UNLOGGED tables (TEMP ones would live in
        # temp_buffers and keep later steps from using parallel workers).
        tmp = args.pg_table_kind
        res["intermediate_tables"] = tmp
        steps = (("kini_s", [KINI[args.kini].format(d=hari_ini, tmp=tmp), "ANALYZE kini"]),
                 ("jpm_s", [JPM.format(tmp=tmp)]), ("heatmap_s", [HEATMAP.format(tmp=tmp)]))
        for key, sqls in steps:
            if args.explain:
                plan = con.execute("EXPLAIN " + sqls[0].split(" AS\n", 1)[1]).fetchall()
                log("plan:\n" + "\n".join(r[0] for r in plan))
            t = time.perf_counter()
            for sql in sqls:
                con.execute(sql)
            res[key] = time.perf_counter() - t
            log(f"postgres {key} {res[key]:.2f} s")
        sampler.stop.set()
        sampler.join()
        res["peak_pss_bytes"] = sampler.peak
        os.makedirs(out, exist_ok=True)
        for name, sql in (("jpm", EXPORT_JPM), ("heatmap", EXPORT_HEATMAP)):
            with open(f"{out}/{name}.csv", "wb") as f, con.cursor() as cur:
                with cur.copy(f"COPY ({sql}) TO STDOUT (FORMAT csv)") as copy:
                    for chunk in copy:
                        f.write(chunk)
        con.close()
    finally:
        if not args.keep:
            admin.execute(f"DROP DATABASE IF EXISTS {db}")
        admin.close()
    return res


# ------------------------------------------------------------ comparison ---

def compare(results, sample=10):
    """Compares every system's jpm.csv and heatmap.csv with the first one's,
    exactly: JPM fractions by cross-multiplication (NULL only with NULL),
    heatmap cells field by field, and no row may be missing on either side."""
    import duckdb

    con = duckdb.connect(":memory:")
    names = list(results)
    base = names[0]
    problems = []
    for n in names:
        d = results[n]
        con.execute(f"""CREATE TABLE jpm_{n} AS SELECT * FROM read_csv('{d}/jpm.csv', header=false,
            columns={{'pegawai_id':'INTEGER','pembilang':'BIGINT','penyebut':'BIGINT'}})""")
        con.execute(f"""CREATE TABLE hm_{n} AS SELECT * FROM read_csv('{d}/heatmap.csv', header=false,
            columns={{'unit_id':'INTEGER','kompetensi_id':'INTEGER','wajib':'BIGINT','dinilai':'BIGINT',
            'memenuhi':'BIGINT','jumlah_gap':'BIGINT','kedaluwarsa':'BIGINT','belum_dinilai':'BIGINT'}})""")
    counts = {}
    for n in names:
        counts[n] = {
            "jpm_rows": con.execute(f"SELECT count(*) FROM jpm_{n}").fetchone()[0],
            "with_jpm": con.execute(f"SELECT count(*) FROM jpm_{n} WHERE penyebut IS NOT NULL").fetchone()[0],
            "heatmap_cells": con.execute(f"SELECT count(*) FROM hm_{n}").fetchone()[0],
        }
    for n in names[1:]:
        diff = con.execute(f"""
            SELECT a.pegawai_id, b.pegawai_id, a.pembilang, a.penyebut, b.pembilang, b.penyebut
            FROM jpm_{base} a FULL OUTER JOIN jpm_{n} b USING (pegawai_id)
            WHERE a.pegawai_id IS NULL OR b.pegawai_id IS NULL
               OR (a.penyebut IS NULL) <> (b.penyebut IS NULL)
               OR a.penyebut = 0 OR b.penyebut = 0
               OR a.pembilang::HUGEINT * b.penyebut <> b.pembilang::HUGEINT * a.penyebut
            ORDER BY 1, 2""").fetchall()
        if diff:
            problems.append(f"JPM: {base} vs {n}: {len(diff)} rows differ, e.g. "
                            f"(id {base}, id {n}, {base} N/D, {n} N/D): {diff[:sample]}")
        cols = ["wajib", "dinilai", "memenuhi", "jumlah_gap", "kedaluwarsa", "belum_dinilai"]
        cond = " OR ".join(f"a.{c} IS DISTINCT FROM b.{c}" for c in cols)
        diff = con.execute(f"""
            SELECT unit_id, kompetensi_id, {', '.join('a.' + c for c in cols)}, {', '.join('b.' + c for c in cols)}
            FROM hm_{base} a FULL OUTER JOIN hm_{n} b USING (unit_id, kompetensi_id)
            WHERE {cond} ORDER BY 1, 2""").fetchall()
        if diff:
            problems.append(f"heatmap: {base} vs {n}: {len(diff)} cells differ, e.g. "
                            f"(unit, kompetensi, {base} {cols}, {n} {cols}): {diff[:sample]}")
    return counts, problems


# ------------------------------------------------------------------ main ---

def gb(b):
    return f"{b / 2**30:.2f} GiB"


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--scale", type=float, default=1.0, help="1.0 = 4.3 M employees, 500 instansi")
    ap.add_argument("--seed", type=int, default=20261127)
    ap.add_argument("--order", default="date", choices=["date", "employee"],
                    help="row order of penilaian.csv: as recorded (date) or grouped by employee")
    ap.add_argument("--workdir", default="/tmp/kompeten-bench-national")
    ap.add_argument("--threads", type=int, default=2, help="engine threads (utas)")
    ap.add_argument("--pg-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    ap.add_argument("--pg-database", default="kompeten_bench_national")
    ap.add_argument("--pg-work-mem", default="1GB")
    ap.add_argument("--pg-temp-buffers", default="4GB")
    ap.add_argument("--pg-table-kind", default="UNLOGGED", choices=["UNLOGGED", "TEMP"],
                    help="kind of table for PostgreSQL's intermediate results")
    ap.add_argument("--skip-postgres", action="store_true")
    ap.add_argument("--explain", action="store_true", help="log PostgreSQL's query plans")
    ap.add_argument("--skip-duckdb", action="store_true")
    ap.add_argument("--reference", action="store_true",
                    help="also run the slow reference implementation (small scales)")
    ap.add_argument("--kini", default="max", choices=sorted(KINI),
                    help="SQL form of the current-level step (same in both databases)")
    ap.add_argument("--keep", action="store_true", help="keep the work dir and the database")
    ap.add_argument("--worker", nargs=4, metavar=("DATA", "OUT", "HARI_INI", "KINI"),
                    help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        d, o, h, x = args.worker
        duckdb_worker(d, o, int(h), x)
        return 0

    work = Path(args.workdir)
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    os.chmod(work, 0o755)  # the PostgreSQL server reads the CSV files itself
    data = work / "data"
    summary = {"scale": args.scale, "order": args.order, "kini_query": args.kini,
               "git_head": git_head(), "engine_src_sha256": engine_src_sha256(), "seed": args.seed, "started": time.strftime("%Y-%m-%d %H:%M:%S %Z"),
               "cpus": os.cpu_count(), "loadavg_start": loadavg()}
    try:
        summary["generate"] = run_json([BIN, "generate", "--scale", str(args.scale),
                                        "--seed", str(args.seed), "--order", args.order, "--out", data])
        hari_ini = summary["generate"]["hari_ini"]
        du = subprocess.run(["du", "-sb", data], stdout=subprocess.PIPE, text=True).stdout.split()[0]
        summary["csv_bytes"] = int(du)
        results = {}
        summary["engine"] = run_json([BIN, "engine", "--data", data, "--out", work / "engine",
                                      "--threads", str(args.threads)])
        results["engine"] = work / "engine"
        if args.reference:
            summary["reference"] = run_json([BIN, "reference", "--data", data, "--out", work / "reference"])
            results["reference"] = work / "reference"
        if not args.skip_duckdb:
            summary["loadavg_duckdb"] = loadavg()
            summary["duckdb"] = run_json([sys.executable, __file__, "--worker", str(data),
                                          str(work / "duckdb"), str(hari_ini),
                                          args.kini])
            results["duckdb"] = work / "duckdb"
        if not args.skip_postgres:
            summary["loadavg_postgres"] = loadavg()
            log("postgres: load, index, queries")
            summary["postgres"] = postgres_run(args, str(data), str(work / "postgres"), hari_ini)
            results["postgres"] = work / "postgres"
        log("comparing results")
        counts, problems = compare({k: str(v) for k, v in results.items()})
        summary["result_counts"] = counts
        summary["identical"] = not problems
        summary["loadavg_end"] = loadavg()
        report(summary)
        with open(work / "summary.json", "w") as f:
            json.dump(summary, f, indent=2, default=str)
        if problems:
            for p in problems:
                print("MISMATCH " + p, file=sys.stderr)
            print("FAILED: the systems disagree", file=sys.stderr)
            return 1
        print(f"all {len(results)} systems give identical results "
              f"({counts['engine']['jpm_rows']} employees, {counts['engine']['heatmap_cells']} heatmap cells)")
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(data, ignore_errors=True)
            log(f"removed {data} (results and summary.json stay in {work})")


def report(s):
    g = s["generate"]
    print(f"\nscale {s['scale']}, assessments in {s['order']} order: {g['instansi']} instansi, {g['unit']} units, {g['jabatan']} jabatan, "
          f"{g['standar']} standard lines, {g['pegawai']} employees, {g['penilaian']} assessments; "
          f"CSV {s['csv_bytes'] / 2**30:.2f} GiB; {s['cpus']} CPUs; load average at start {s['loadavg_start']}")
    e = s["engine"]
    rows = []
    eng_compute = e["build_s"] + e["jpm_s"] + e["heatmap_s"]
    rows.append(("engine", e["load_s"], e["build_s"], e["jpm_s"], e["heatmap_s"], eng_compute,
                 gb(e["peak_rss_bytes"]) + " (VmHWM)", f"{e['threads']} threads"))
    for name in ("duckdb", "postgres"):
        if name in s:
            r = s[name]
            load = r.get("load_s", r.get("copy_s", 0) + r.get("index_analyze_s", 0))
            total = r["kini_s"] + r["jpm_s"] + r["heatmap_s"]
            mem = (gb(r["peak_rss_bytes"]) + " (ru_maxrss)") if name == "duckdb" else \
                (gb(r["peak_pss_bytes"]) + " (backend+workers PSS)")
            note = f"{r['threads']} threads" if name == "duckdb" else \
                f"{r['max_parallel_workers_per_gather']} workers/gather, work_mem {r['work_mem']}"
            rows.append((name, load, r["kini_s"], r["jpm_s"], r["heatmap_s"], total, mem, note))
    print(f"\n{'system':<10} {'load s':>8} {'build/kini s':>13} {'jpm s':>8} {'heatmap s':>10} "
          f"{'compute s':>10}  {'peak memory':<34} notes")
    for r in rows:
        print(f"{r[0]:<10} {r[1]:>8.2f} {r[2]:>13.2f} {r[3]:>8.2f} {r[4]:>10.2f} {r[5]:>10.2f}  {r[6]:<34} {r[7]}")
    print("\ncompute = engine: build + JPM + heatmap from parsed rows; SQL: current levels + JPM + heatmap "
          "from loaded tables")
    verdicts = {}
    for name, target in (("duckdb", 5), ("postgres", 20)):
        if name in s:
            r = s[name]
            sql = r["kini_s"] + r["jpm_s"] + r["heatmap_s"]
            ratio_q = sql / (e["jpm_s"] + e["heatmap_s"])
            ratio_b = sql / eng_compute
            verdicts[name] = {"computations": ratio_q, "with_build": ratio_b}
            print(f"{name} / engine (target >= {target}x): {ratio_q:.1f}x on the computations "
                  f"(engine JPM + heatmap) -> {'MET' if ratio_q >= target else 'NOT MET'}; "
                  f"{ratio_b:.1f}x counting the engine's build too -> "
                  f"{'MET' if ratio_b >= target else 'NOT MET'}")
    peak = e["peak_rss_bytes"]
    print(f"engine peak memory {gb(peak)}; target < 4 GiB: {'MET' if peak < 4 * 2**30 else 'NOT MET'}")
    s["ratios"] = verdicts


if __name__ == "__main__":
    sys.exit(main())
