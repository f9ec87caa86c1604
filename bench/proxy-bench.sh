#!/usr/bin/env bash
# The proxy's cost (docs/proxy.md, docs/benchmarks.md): latency added per frame (p50/p99) and throughput through
# `centrifugo-inspector-cli --proxy` (recording every frame, as it is used) against the same Centrifugo directly,
# in one run. Starts its own Centrifugo (bench/config/centrifugo-bench.json, publish allowed) and proxy on free
# loopback ports and stops them at the end.
#
#   bench/proxy-bench.sh [BUILD_DIR]     # default BUILD_DIR: build
#   PROXY_BENCH_ROUNDS=4000 PROXY_BENCH_PUBLICATIONS=100000 bench/proxy-bench.sh
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-$REPO/build}"
CLI="$BUILD/bin/centrifugo-inspector-cli"
[[ -x "$CLI" ]] || { echo "no $CLI: build the centrifugo-inspector-cli target first" >&2; exit 1; }
# shellcheck source=scripts/temp-centrifugo.sh
source "$REPO/scripts/temp-centrifugo.sh"
[[ -d "$REPO/bench/node/node_modules" ]] || (cd "$REPO/bench/node" && npm ci --silent)

temp_workspace

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
CENTRIFUGO_CHANNEL_WITHOUT_NAMESPACE_ALLOW_PUBLISH_FOR_ANONYMOUS=true \
CENTRIFUGO_CHANNEL_WITHOUT_NAMESPACE_ALLOW_PUBLISH_FOR_CLIENT=true \
    start_temp_centrifugo "$REPO/bench/config/centrifugo-bench.json" "$TMP/centrifugo.log" || exit 1
PORT="$CENTRIFUGO_PORT"

PROXY_PORT="$(free_port)"
"$CLI" --proxy "127.0.0.1:$PROXY_PORT" --url "ws://127.0.0.1:$PORT/connection/websocket" \
    --record "$TMP/proxy.jsonl" --log-level warning --summary >"$TMP/proxy.out" 2>"$TMP/proxy.err" &
PROXY_PID=$!
PIDS+=("$PROXY_PID")
for _ in $(seq 1 100); do
    grep -q "proxy listening" "$TMP/proxy.err" 2>/dev/null && break
    sleep 0.1
done

RESULT="$(node "$REPO/bench/node/proxy-bench.js" "ws://127.0.0.1:$PORT/connection/websocket" \
    "ws://127.0.0.1:$PROXY_PORT/connection/websocket" "http://127.0.0.1:$PORT" bench-api-key \
    "${PROXY_BENCH_ROUNDS:-4000}" "${PROXY_BENCH_PUBLICATIONS:-100000}")"
kill -TERM "$PROXY_PID"
wait "$PROXY_PID" 2>/dev/null || true
echo "$RESULT"
echo "record: $(wc -l <"$TMP/proxy.jsonl") lines"
python3 - "$RESULT" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
a = r["added_per_frame_us"]
t = r["throughput_per_s"]
print(f"latency added per frame: p50 {a['p50'] / 1000:.3f} ms, p99 {a['p99'] / 1000:.3f} ms (goal p99 <= 1 ms: "
      f"{'met' if a['p99'] <= 1000 else 'not met'})")
print(f"throughput: direct {t['direct']}/s, proxy {t['proxy']}/s, ratio {r['throughput_ratio']} (goal >= 0.8: "
      f"{'met' if r['throughput_ratio'] >= 0.8 else 'not met'})")
PY
