#!/usr/bin/env bash
# Runs a command with DATABASE_URL pointing at a throw-away PostgreSQL 15 server started from
# Debian's binaries in a temporary directory on a free port; the server is stopped afterwards.
#   scripts/with-postgres.sh npm test
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$PG_BIN/initdb" ]; then
  echo "PostgreSQL 15 is not installed: apt-get install -y postgresql-15" >&2
  exit 1
fi

dir=$(mktemp -d /tmp/exchange-pg.XXXXXX)
chown postgres:postgres "$dir" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')

stop() {
  as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c max_connections=300 -c fsync=on -c shared_buffers=256MB" start >/dev/null
as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres exchange

export DATABASE_URL="postgres://postgres@127.0.0.1:$port/exchange"
echo "PostgreSQL 15 on port $port" >&2
"$@"
