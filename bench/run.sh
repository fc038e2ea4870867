#!/usr/bin/env bash
# Runs the benchmark on DATABASE_URL, or on a throw-away PostgreSQL 15 server when it is unset.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${DATABASE_URL:-}" ]; then exec node bench/run.mjs; fi
exec scripts/with-postgres.sh node bench/run.mjs
