# Sourced by scripts/test.sh: makes sure a PostgreSQL server answers at
# 127.0.0.1:5432 with trust authentication for local test connections,
# starting or installing it when it does not.

pg_answers() {
  pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null
}

ensure_postgres() {
  if command -v pg_isready >/dev/null 2>&1 && pg_answers; then
    return 0
  fi
  echo "PostgreSQL does not answer at 127.0.0.1:5432; starting it" >&2
  if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
    echo "PostgreSQL is not installed; installing it from Debian's packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
  fi
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  local hba="/etc/postgresql/$version/main/pg_hba.conf"
  # Tests connect as postgres over TCP without a password.
  if ! grep -qE '^host\s+all\s+all\s+127\.0\.0\.1/32\s+trust' "$hba"; then
    sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  fi
  pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null \
    || pg_ctlcluster --skip-systemctl-redirect "$version" main reload 2>/dev/null || true
  for _ in $(seq 1 30); do
    pg_answers && return 0
    sleep 1
  done
  return 1
}
