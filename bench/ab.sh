#!/usr/bin/env bash
# Several Protobuf clients on one flood, round after round (bench/node/ab.js): an A/B of two CLI builds, or the CLI
# beside the official SDK and the floor.
#
#   bench/ab.sh COUNT ROUNDS CLIENT...
#   bench/ab.sh 200000 6 /tmp/cli-before build/bin/centrifugo-inspector-cli
#   bench/ab.sh 200000 6 sdk build/bin/bench_barews build/bin/centrifugo-inspector-cli
#
# CLIENT: a centrifugo-inspector-cli (records, as in the ingest benchmark), bench_barews (a QWebSocket client that
# only counts: the floor), or `sdk` (centrifuge-js). Starts its own Centrifugo on a free loopback port with
# bench/config/centrifugo-bench.json and stops it. Never part of ctest.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -ge 3 ] || { sed -n '2,12p' "$0" >&2; exit 2; }
CENTRIFUGO_BIN="${CENTRIFUGO_BIN:-$(command -v centrifugo || echo "$HOME/go/bin/centrifugo")}"
if [ ! -d "$REPO/bench/node/node_modules/centrifuge" ]; then
    (cd "$REPO/bench/node" && npm ci --no-audit --no-fund >/dev/null)
fi
PORT="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
LOG="$(mktemp)"
CENTRIFUGO_HTTP_SERVER_PORT="$PORT" CENTRIFUGO_HTTP_SERVER_ADDRESS=127.0.0.1 \
    "$CENTRIFUGO_BIN" -c "$REPO/bench/config/centrifugo-bench.json" >"$LOG" 2>&1 &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; rm -f "$LOG"' EXIT
for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -fs "http://127.0.0.1:$PORT/health" >/dev/null || { cat "$LOG" >&2; exit 1; }
node "$REPO/bench/node/ab.js" "http://127.0.0.1:$PORT" bench-api-key "ws://127.0.0.1:$PORT/connection/websocket" "$@"
