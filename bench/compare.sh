#!/usr/bin/env bash
# Old versus new, back to back on this machine:
#   bench/compare.sh <commit>
# builds the API of <commit> in a git worktree under /tmp, then runs these bench scripts
# (bench/run.mjs: the reads, the open loop, the writes, sign-in) against that build and then
# against this checkout's build (build it first: npx turbo run build --filter=@exchange/api).
# Each side gets a fresh database of its own on the same PostgreSQL server, migrated and seeded
# at BENCH_SCALE by its own build (an older build need not accept newer migrations); with
# DATABASE_URL unset a throw-away PostgreSQL 15 is started for both. Prints req/s and CPU per
# request, old against new; the two results files stay in $BENCH_COMPARE_DIR (default
# /tmp/exchange-bench-compare). The worktree, /tmp/exchange-compare-<commit>, stays for the next run
# (git worktree remove --force <it> removes it). Hold `flock /tmp/exchange-heavy.lock` around it on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
main=$(pwd)
commit=$(git rev-parse --verify "${1:?usage: bench/compare.sh <commit>}^{commit}")
short=$(git rev-parse --short "$commit")
tree=/tmp/exchange-compare-$short
out=${BENCH_COMPARE_DIR:-/tmp/exchange-bench-compare}
mkdir -p "$out"

if [ ! -d "$tree" ]; then
  git worktree add --detach "$tree" "$commit" >/dev/null
  if git diff --quiet "$commit" HEAD -- package-lock.json; then
    # Same lockfile: the same third-party packages, linked; the workspace's own packages are the old tree's.
    mkdir -p "$tree/node_modules/@exchange"
    for entry in "$main"/node_modules/* "$main"/node_modules/.bin; do
      [ "$(basename "$entry")" = @exchange ] || ln -s "$entry" "$tree/node_modules/"
    done
    for link in "$main"/node_modules/@exchange/*; do ln -s "$(readlink "$link")" "$tree/node_modules/@exchange/"; done
    for dir in apps/api packages/db packages/shared packages/texts; do
      if [ -d "$main/$dir/node_modules" ] && [ -d "$tree/$dir" ]; then ln -s "$main/$dir/node_modules" "$tree/$dir/node_modules"; fi
    done
  else
    (cd "$tree" && npm ci --prefer-offline --no-audit --no-fund)
  fi
fi
echo "Building the API of $short in $tree" >&2
(cd "$tree" && npx turbo run build --filter=@exchange/api --output-logs=errors-only)

measure() {
  local server=${DATABASE_URL%/*}
  for side in old new; do
    DATABASE_URL=$DATABASE_URL node --input-type=module -e "
      import postgres from 'postgres';
      const sql = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
      await sql.unsafe('drop database if exists bench_$side');
      await sql.unsafe('create database bench_$side');
      await sql.end();"
  done
  echo "=== old: $short ===" >&2
  DATABASE_URL=$server/bench_old BENCH_API_ROOT=$tree BENCH_RESULTS=$out/old.json node bench/run.mjs
  echo "=== new: this checkout ===" >&2
  DATABASE_URL=$server/bench_new BENCH_RESULTS=$out/new.json node bench/run.mjs
  node bench/compare.mjs "$out/old.json" "$out/new.json"
}
if [ -n "${DATABASE_URL:-}" ]; then measure; else
  export -f measure
  export tree out short
  scripts/with-postgres.sh bash -c 'set -euo pipefail; measure'
fi
