#!/usr/bin/env python3
"""Page and API latency on the Sawahlunto demo, end to end over loopback.

Usage: python3 bench/pages.py [--binary target/release/kompeten] [--runs 30]

Creates a fresh demo database in a temporary directory, starts
`kompeten demo` on a free port, logs in as the demo admin, then requests
every page and API route `--runs` times over one keep-alive connection and
prints median, p95 and max milliseconds per route, with each route's target:
every page under 100 ms (issue 2), every analytics page under 50 ms and the
whole-city heatmap under 100 ms (issue 3). Downloads are timed but have no
target. The first heatmap request after start, which builds the analytics
cache, is reported on its own. Standard library only.
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


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    def __init__(self, port):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies = {}

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
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="kompeten-bench-")
    port = free_port()
    proc = subprocess.Popen(
        [args.binary, "demo", "--database", os.path.join(workdir, "demo.sqlite"),
         "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        env={**os.environ, "KOMPETEN_LOG": "warn"},
    )
    try:
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

        routes = [(r, TARGET_MS) for r in [
            "/pegawai", "/pegawai?q=rahmat", f"/pegawai?opd={opd}",
            "/pegawai?status=pppk&halaman=3", "/jabatan",
            f"/jabatan/{jabatan}", "/unit", f"/unit/{unit}", "/kamus", f"/kamus/{kamus}",
            "/audit", "/api/v1/ringkasan", "/api/v1/pegawai",
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
        routes += [(r, None) for r in [
            "/peta/unduh?format=xlsx", "/kesenjangan/unduh?format=csv",
            "/kesenjangan/unduh?format=xlsx",
        ]]
        over = []
        print(f"first /peta after start (builds the analytics cache): {first_peta:.1f} ms")
        print(f"{'route':<44} {'median':>8} {'p95':>8} {'max':>8} {'target':>7}  (ms, {args.runs} runs)")
        for route, target in routes:
            times = []
            for _ in range(args.runs):
                status, _, ms = c.request("GET", route)
                if status != 200:
                    sys.exit(f"{route} answered {status}")
                times.append(ms)
            times.sort()
            p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
            shown = route if len(route) <= 44 else route[:41] + "..."
            mark = "-" if target is None else f"{target:.0f}"
            print(f"{shown:<44} {statistics.median(times):8.1f} {p95:8.1f} {times[-1]:8.1f} {mark:>7}")
            if target is not None and p95 >= target:
                over.append(f"{route} (p95 {p95:.1f} ms, target {target:.0f})")
        if over:
            print("OVER target: " + "; ".join(over))
        else:
            print("every page within its target (p95)")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
