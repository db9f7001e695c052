#!/usr/bin/env bash
# Prepares a local PostgreSQL for the storage tests (trent-storage-postgres): installs the Debian
# package when missing, starts the cluster, waits until it accepts connections, and creates the
# role and database the tests use by default. Idempotent: running it again changes nothing.
#
# Prints, on its last line of standard output, the JDBC URL it set up. The tests read
#   TRENT_TEST_PG_URL      (default jdbc:postgresql://127.0.0.1:5432/trent_test)
#   TRENT_TEST_PG_USER     (default trent)
#   TRENT_TEST_PG_PASSWORD (default trent)
# Run as root (it installs packages and runs commands as the postgres user).
set -euo pipefail

PG_ROLE=trent
PG_PASSWORD=trent
PG_DATABASE=trent_test
WAIT_SECONDS=60

export DEBIAN_FRONTEND=noninteractive

log() { echo "postgres.sh: $*" >&2; }

if [[ $(id -u) -ne 0 ]]; then
  log "must run as root"
  exit 1
fi

# 1. The server package (Debian's "postgresql" pulls in the supported major version).
if ! dpkg -s postgresql >/dev/null 2>&1 || ! command -v pg_lsclusters >/dev/null 2>&1; then
  log "installing postgresql"
  apt-get update -qq
  apt-get install -y -qq postgresql >&2
fi

# 2. A cluster: the newest installed major version's "main" cluster, created when absent
#    (the package creates it on install; a machine image may have dropped it).
version=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -1 || true)
if [[ -z "$version" ]]; then
  log "no PostgreSQL server binaries under /usr/lib/postgresql"
  exit 1
fi
if [[ -z $(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"') ]]; then
  log "creating cluster $version/main"
  pg_createcluster "$version" main >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')
status=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $4 }')
if [[ "$status" != online* ]]; then
  log "starting cluster $version/main on port $port"
  pg_ctlcluster "$version" main start >&2
fi

# 3. Wait until it accepts connections (over TCP, as the tests connect).
psql_pg() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$port" "$@"; }
ready=0
for ((i = 0; i < WAIT_SECONDS; i++)); do
  if runuser -u postgres -- pg_isready -q -h 127.0.0.1 -p "$port" && psql_pg -d postgres -tAc 'SELECT 1' >/dev/null 2>&1; then
    ready=1
    break
  fi
  sleep 1
done
if ((ready == 0)); then
  log "PostgreSQL $version/main did not accept connections within ${WAIT_SECONDS}s"
  tail -n 30 "/var/log/postgresql/postgresql-$version-main.log" >&2 || true
  exit 1
fi

# 4. The role and the database, when absent. The password is (re)set every time, so a role left
#    with another password by an earlier setup still works with the tests' defaults.
if [[ -z $(psql_pg -d postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$PG_ROLE'") ]]; then
  log "creating role $PG_ROLE"
  psql_pg -d postgres -c "CREATE ROLE $PG_ROLE LOGIN PASSWORD '$PG_PASSWORD'"
else
  psql_pg -d postgres -c "ALTER ROLE $PG_ROLE LOGIN PASSWORD '$PG_PASSWORD'"
fi
if [[ -z $(psql_pg -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'") ]]; then
  log "creating database $PG_DATABASE"
  # UTF8 whatever the cluster's locale, so that any text round-trips; the "C" locale fits every
  # encoding (Trent's schema orders text with COLLATE "C" regardless).
  psql_pg -d postgres -c "CREATE DATABASE $PG_DATABASE OWNER $PG_ROLE ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0"
fi

# 5. Check that the tests' credentials work over TCP (password authentication, as JDBC uses).
if ! PGPASSWORD=$PG_PASSWORD psql -X -q -h 127.0.0.1 -p "$port" -U "$PG_ROLE" -d "$PG_DATABASE" -tAc 'SELECT 1' >/dev/null; then
  log "cannot log in as $PG_ROLE to $PG_DATABASE on 127.0.0.1:$port"
  exit 1
fi

log "PostgreSQL $version ready: role $PG_ROLE, database $PG_DATABASE"
echo "jdbc:postgresql://127.0.0.1:$port/$PG_DATABASE"
