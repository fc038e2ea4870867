#!/usr/bin/env bash
# Runs the benchmarks on DATABASE_URL, or on a throw-away PostgreSQL 15 server when it is unset.
set -euo pipefail
cd "$(dirname "$0")/.."
run() { node bench/run.mjs && node bench/allocation.mjs; }
if [ -n "${DATABASE_URL:-}" ]; then run; exit; fi
export -f run
exec scripts/with-postgres.sh bash -c run
