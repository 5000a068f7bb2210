#!/usr/bin/env bash
# Start the Debian PostgreSQL cluster (when installed) and print the test database's URL.
# Usage: eval "$(bash scripts/start_postgres.sh)"  — stdout carries only `export` lines,
# every message goes to stderr, so a machine without PostgreSQL simply exports nothing
# and the PostgreSQL tests skip with their reason.
set -uo pipefail

DB=${CHIDAO_TEST_PG_DB:-chidao_test}
ROLE=${CHIDAO_TEST_PG_ROLE:-chidao_test}
PASSWORD=${CHIDAO_TEST_PG_PASSWORD:-chidao_test}

say() { echo "start_postgres: $*" >&2; }

if ! command -v pg_lsclusters >/dev/null 2>&1; then
    say "PostgreSQL is not installed (Debian package postgresql); its tests will skip"
    exit 0
fi
if [ "$(id -u)" != 0 ] && ! id -nG 2>/dev/null | grep -qw postgres; then
    say "not root: cannot start the cluster; set CHIDAO_TEST_PG_URL yourself"
    exit 0
fi

# The first cluster Debian created (version, name, port); create one if there is none.
read -r VERSION NAME PORT _ < <(pg_lsclusters --no-header 2>/dev/null | head -n 1)
if [ -z "${VERSION:-}" ]; then
    VERSION=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    NAME=main
    pg_createcluster "$VERSION" "$NAME" >/dev/null 2>&1 || { say "pg_createcluster failed"; exit 0; }
    PORT=$(pg_lsclusters --no-header | awk -v v="$VERSION" -v n="$NAME" '$1==v && $2==n {print $3}')
fi
if ! pg_ctlcluster "$VERSION" "$NAME" status >/dev/null 2>&1; then
    pg_ctlcluster "$VERSION" "$NAME" start >&2 || { say "could not start cluster $VERSION/$NAME"; exit 0; }
fi

psql_admin() { su postgres -s /bin/sh -c "psql -p $PORT -v ON_ERROR_STOP=1 -qtAc \"$1\"" 2>&1; }
for _ in $(seq 1 20); do
    psql_admin "SELECT 1" >/dev/null && break
    sleep 0.5
done
if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname='$ROLE'")" != 1 ]; then
    psql_admin "CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD' CREATEDB" >&2
fi
if [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname='$DB'")" != 1 ]; then
    psql_admin "CREATE DATABASE $DB OWNER $ROLE ENCODING 'UTF8' TEMPLATE template0" >&2
fi
echo "export CHIDAO_TEST_PG_URL=postgresql+psycopg://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DB"
