#!/usr/bin/env python3
"""Page and API latency on the Sawahlunto demo, end to end over loopback.

Usage: python3 bench/pages.py [--binary target/release/kompeten] [--runs 30]

Creates a fresh demo database in a temporary directory, starts
`kompeten demo` on a free port, logs in as the demo admin, then requests
every page and API route `--runs` times over one keep-alive connection and
prints median, p95 and max milliseconds per route, with each route's target:
every page under 100 ms (issue 2), every analytics page under 50 ms and the
whole-city heatmap under 100 ms (issue 3); the needs, requests and plan pages
under 100 ms, the needs page included (it derives every employee's needs).
Downloads are timed but have no target, and so is the budget simulation,
which solves the plan on every request (a few runs only). The first heatmap
request after start, which builds the analytics cache, is reported on its own,
and so is the creation of a plan through the form (a full solve with its
scenario curve) when the database has none yet. Standard library only.

With --url and --password it measures an already running server instead
(e.g. the demo a browser tour just used) and starts nothing.
"""
import argparse
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

TARGET_MS = 100.0
ANALYTICS_MS = 50.0
# The budget simulation solves the whole plan on every request.
SOLVE_RUNS = 3


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    def __init__(self, port):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies = {}
        self.headers = None

    def request(self, method, path, body=None):
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        start = time.perf_counter()
        self.conn.request(method, path, body=body, headers=headers)
        resp = self.conn.getresponse()
        data = resp.read()
        elapsed = (time.perf_counter() - start) * 1000
        self.headers = resp.headers
        for value in resp.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]
        return resp.status, data.decode("utf-8", "replace"), elapsed


def wait_for(port, proc, seconds=300):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            sys.exit(f"kompeten exited early with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.5)
    sys.exit("kompeten did not start listening")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default="target/release/kompeten")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--username", default="admin.bkpsdm")
    parser.add_argument("--password", default=None)
    parser.add_argument("--url", default=None,
                        help="measure this running server (http://127.0.0.1:PORT) instead of a new demo")
    args = parser.parse_args()

    proc = None
    if args.url:
        if args.password is None:
            sys.exit("--url needs --password")
        port = urllib.parse.urlsplit(args.url).port or 80
    else:
        workdir = tempfile.mkdtemp(prefix="kompeten-bench-")
        port = free_port()
        proc = subprocess.Popen(
            [args.binary, "demo", "--database", os.path.join(workdir, "demo.sqlite"),
             "--bind", f"127.0.0.1:{port}"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
            env={**os.environ, "KOMPETEN_LOG": "warn"},
        )
    try:
        if proc:
            wait_for(port, proc)
        banner = ""
        password = args.password
        while password is None:
            line = proc.stdout.readline()
            if not line:
                sys.exit("no account list printed")
            banner += line
            m = re.search(rf"^\s*{re.escape(args.username)}\s+kata sandi\s+(\S+)", line)
            if m:
                password = m.group(1)
        c = Client(port)
        status, page, _ = c.request("GET", "/masuk")
        csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        form = urllib.parse.urlencode(
            {"csrf": csrf, "next": "/", "username": args.username, "password": password})
        status, _, _ = c.request("POST", "/masuk", form)
        if status != 303:
            sys.exit(f"login failed with {status}")

        _, daftar, _ = c.request("GET", "/pegawai")
        pegawai = re.search(r'href="/pegawai/(\d+)"', daftar).group(1)
        opd = re.search(r'<option value="(\d+)"', daftar).group(1)
        _, jabatan_page, _ = c.request("GET", "/jabatan")
        jabatan = re.search(r'href="/jabatan/(\d+)"', jabatan_page).group(1)
        _, unit_page, _ = c.request("GET", "/unit")
        unit = re.search(r'href="/unit/(\d+)"', unit_page).group(1)
        _, kamus_page, _ = c.request("GET", "/kamus")
        kamus = re.search(r'href="/kamus/(\d+)"', kamus_page).group(1)

        # The first analytics request builds the instansi's cached data.
        status, _, first_peta = c.request("GET", "/peta")
        if status != 200:
            sys.exit(f"/peta answered {status}")
        _, peta_page, _ = c.request("GET", "/peta")
        sel = re.search(r'href="(/peta/sel\?[^"]+)"', peta_page).group(1).replace("&#38;", "&").replace("&amp;", "&")
        _, sebaran_page, _ = c.request("GET", "/sebaran")
        kompetensi = re.search(r'href="/sebaran/(\d+)', sebaran_page).group(1)

        # A plan to open: the newest listed, or a new one from the form.
        status, rencana_page, _ = c.request("GET", "/rencana")
        if status != 200:
            sys.exit(f"/rencana answered {status}")
        plan = re.search(r'href="/rencana/(\d+)"', rencana_page)
        if plan:
            plan = plan.group(1)
        else:
            field = lambda name: re.search(rf'name="{name}" value="([^"]*)"', rencana_page).group(1)
            form = urllib.parse.urlencode({
                "csrf": field("csrf"), "nama": "Rencana uji kinerja",
                "tahun": field("tahun"), "anggaran": field("anggaran")})
            status, _, create_ms = c.request("POST", "/rencana/baru", form)
            location = c.headers.get("Location", "")
            plan = re.match(r"/rencana/(\d+)", location)
            if status != 303 or not plan:
                sys.exit(f"creating a plan answered {status} {location}")
            plan = plan.group(1)
            print(f"plan {plan} created through the form (solve and scenarios): {create_ms:.1f} ms")
        anggaran = re.search(r'id="anggaran" name="anggaran" value="([^"]*)"', rencana_page)
        anggaran = urllib.parse.quote(anggaran.group(1) if anggaran else "750000000")

        routes = [(r, TARGET_MS) for r in [
            "/pegawai", "/pegawai?q=rahmat", f"/pegawai?opd={opd}",
            "/pegawai?status=pppk&halaman=3", "/jabatan",
            f"/jabatan/{jabatan}", "/unit", f"/unit/{unit}", "/kamus", f"/kamus/{kamus}",
            "/jabatan?halaman=5", "/audit", "/akun", "/api/v1/ringkasan", "/api/v1/pegawai",
            "/api/v1/jabatan", "/api/v1/unit", "/api/v1/kompetensi", "/api/v1/openapi.json",
        ]]
        routes += [(r, ANALYTICS_MS) for r in [
            "/", f"/pegawai/{pegawai}", f"/api/v1/pegawai/{pegawai}", sel,
            f"/peta?opd={opd}", "/peta?status=pppk", "/sebaran", f"/sebaran/{kompetensi}",
            "/api/v1/sebaran", f"/jabatan/{jabatan}/kecocokan",
            f"/api/v1/jabatan/{jabatan}/kecocokan", "/kualitas-data", "/api/v1/kualitas-data",
            "/pengaturan",
        ]]
        routes += [(r, TARGET_MS) for r in ["/peta", "/api/v1/peta"]]
        routes += [(r, TARGET_MS) for r in [
            "/kebutuhan", f"/kebutuhan?opd={opd}", "/kebutuhan?halaman=3", "/api/v1/kebutuhan",
            "/usulan", "/usulan?status=diajukan", "/usulan/baru", "/api/v1/usulan",
            "/rencana", f"/rencana/{plan}", f"/rencana/{plan}?q=dinas+kesehatan&halaman=2",
            "/api/v1/rencana", f"/api/v1/rencana/{plan}",
        ]]
        routes += [(r, None) for r in [
            "/peta/unduh?format=xlsx", "/kesenjangan/unduh?format=csv",
            "/kesenjangan/unduh?format=xlsx", "/kebutuhan/unduh?format=xlsx",
            f"/rencana/{plan}/unduh?format=xlsx", f"/rencana/{plan}/unduh?format=csv",
            f"/rencana/{plan}/mps",
        ]]
        # The simulation: the first view of a budget solves (timed once, and
        # again for other budgets below); its pages, search and API reuse
        # that solve until the records change.
        simulasi = f"/rencana/simulasi?anggaran={anggaran}"
        status, _, solve_ms = c.request("GET", simulasi)
        if status != 200:
            sys.exit(f"{simulasi} answered {status}")
        print(f"{simulasi} first view (solves): {solve_ms:.1f} ms")
        routes += [(r, TARGET_MS) for r in [
            simulasi, f"{simulasi}&halaman=3", f"{simulasi}&q=dinas+kesehatan",
            f"/api/v1/rencana/simulasi?anggaran={anggaran}&per_halaman=100",
            "/mitra", "/api/v1/mitra", "/katalog", "/api/v1/katalog",
        ]]
        routes += [(r, None) for r in [
            "/mitra/unduh?format=xlsx", "/katalog/unduh?format=xlsx",
        ]]
        # Other budgets: each a new solve.
        solves = []
        for b in range(500_000_000, 500_000_000 + SOLVE_RUNS):
            status, _, ms = c.request("GET", f"/rencana/simulasi?anggaran={b}")
            if status != 200:
                sys.exit(f"/rencana/simulasi?anggaran={b} answered {status}")
            solves.append(ms)
        print(f"/rencana/simulasi at {SOLVE_RUNS} new budgets (each solves): "
              f"median {statistics.median(solves):.1f} ms, max {max(solves):.1f} ms")
        over = []
        print(f"first /peta after start (builds the analytics cache): {first_peta:.1f} ms")
        print(f"{'route':<44} {'median':>8} {'p95':>8} {'max':>8} {'target':>7}  (ms, {args.runs} runs)")
        for route, target, *runs in routes:
            times = []
            for _ in range(runs[0] if runs else args.runs):
                status, _, ms = c.request("GET", route)
                if status != 200:
                    sys.exit(f"{route} answered {status}")
                times.append(ms)
            times.sort()
            p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
            shown = route if len(route) <= 44 else route[:41] + "..."
            mark = "-" if target is None else f"{target:.0f}"
            note = f"  ({len(times)} runs)" if len(times) != args.runs else ""
            print(f"{shown:<44} {statistics.median(times):8.1f} {p95:8.1f} {times[-1]:8.1f} {mark:>7}{note}")
            if target is not None and p95 >= target:
                over.append(f"{route} (p95 {p95:.1f} ms, target {target:.0f})")
        if over:
            print("OVER target: " + "; ".join(over))
        else:
            print("every page within its target (p95)")
    finally:
        if proc:
            proc.terminate()
            proc.wait(timeout=30)


if __name__ == "__main__":
    main()
