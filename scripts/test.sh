#!/usr/bin/env bash
# The one test command: format, lints, and every test on SQLite and PostgreSQL.
# It starts (or installs) PostgreSQL when it does not answer. With CI=true a
# PostgreSQL that cannot be had is a failure, never a skip.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh

# Some sandboxes give a plain file as /dev/null. What one process throws
# away there (build scripts' failed rustc probes) another reads back as
# input: cargo's own rustc probe reads /dev/null as its source and fails
# with E0554 text. Empty it before each cargo step; a real device is left
# alone.
empty_dev_null() {
  if [ ! -c /dev/null ] && [ -w /dev/null ]; then
    : >/dev/null
  fi
}

if ensure_postgres; then
  export KOMPETEN_TEST_POSTGRES_URL="${KOMPETEN_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
elif [ "${CI:-}" = "true" ]; then
  echo "error: PostgreSQL is required in CI and could not be started" >&2
  exit 1
else
  echo "warning: PostgreSQL is not available; its conformance tests will be skipped" >&2
fi

echo "== cargo fmt --check"
empty_dev_null
cargo fmt --all -- --check
echo "== cargo clippy"
empty_dev_null
cargo clippy --workspace --all-targets --locked -- -D warnings
echo "== cargo test"
empty_dev_null
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# --all-targets: unit, integration and bench targets (there are no doc tests).
cargo test --workspace --all-targets --locked 2>&1 | tee "$log"
# One closing line with the totals of every test binary.
awk '/^test result:/ { p += $4; f += $6 } END { printf "tests: %d passed, %d failed\n", p, f }' "$log"
