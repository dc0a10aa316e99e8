#!/usr/bin/env bash
# National-scale benchmark (issue 3): engine vs DuckDB vs PostgreSQL.
#   bench/national/run.sh                 # full scale: 4.3 M employees, ~52 M assessments
#   bench/national/run.sh --scale 0.01    # a one-minute smoke run
# Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth) unless
# --skip-postgres; about 2.5 GB free under --workdir (default /tmp) at full scale.
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 -c 'import duckdb, psycopg' 2>/dev/null || python3 -m pip install --quiet duckdb 'psycopg[binary]'
cargo build --release -p kompeten-bench-national
exec python3 bench/national/bench.py "$@"
