#!/usr/bin/env bash
# Starts the built system the way `npm start` does, on a fresh embedded database and free
# ports, runs the browser tests against it (arguments go to vitest, e.g. a file filter), and
# stops it again.
set -euo pipefail
cd "$(dirname "$0")/.."

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
data=$(mktemp -d /tmp/exchange-browser.XXXXXX)
api_port=$(free_port)
web_port=$(free_port)
log="$data/system.log"

# ORIGIN is the web's address as the browser reaches it: e-mailed links and the OpenID redirect address are built on it.
origin="http://127.0.0.1:$web_port"
DATA_DIR="$data" API_PORT="$api_port" WEB_PORT="$web_port" ORIGIN="$origin" LOG_LEVEL=warn node scripts/start.mjs >"$log" 2>&1 &
system=$!
stop() {
  kill -TERM "$system" 2>/dev/null || true
  wait "$system" 2>/dev/null || true
  rm -rf "$data"
}
trap stop EXIT

for _ in $(seq 1 240); do
  if curl -fsS "http://127.0.0.1:$web_port/login" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$system" 2>/dev/null; then cat "$log"; echo "The system did not start." >&2; exit 1; fi
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$web_port/login" >/dev/null || { cat "$log"; echo "The web did not answer." >&2; exit 1; }

status=0
# DATA_DIR lets the tests read the mail outbox the system writes there.
WEB_URL="$origin" API_URL="http://127.0.0.1:$api_port" DATA_DIR="$data" npm run test:browser -w @exchange/web -- "$@" || status=$?
if [ "$status" -ne 0 ]; then echo "--- system log ---"; tail -n 100 "$log"; fi
exit "$status"
