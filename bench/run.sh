#!/usr/bin/env bash
# Runs the benchmarks on DATABASE_URL, or on a throw-away PostgreSQL 15 server when it is unset
# (the large data set is then seeded into it first, at BENCH_SCALE, default 1). Prints the
# results table at the end; everything is also in bench/results.json.
set -euo pipefail
cd "$(dirname "$0")/.."
run() {
  node bench/run.mjs
  node bench/allocation.mjs
  if [ -f apps/web/build/handler.js ]; then node bench/web.mjs; else echo "apps/web is not built: web figures skipped (npm run build)"; fi
  node bench/report.mjs
}
if [ -n "${DATABASE_URL:-}" ]; then run; exit; fi
export -f run
exec scripts/with-postgres.sh bash -c run
