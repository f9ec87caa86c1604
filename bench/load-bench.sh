#!/usr/bin/env bash
# The load mode against the official JS SDK, side by side in one run: N connections, M channels, publications at a
# rate through the server API (VIA=api) or by one more client connection of each side (VIA=client), once by
# `centrifugo-inspector-cli --load` (one process, lightweight connections) and once by N `Centrifuge` clients of
# centrifuge-js in one Node process (bench/node/load-sdk.js). Prints memory per connection and CPU per delivered
# publication of each, for docs/benchmarks.md. Both publish from their own process (the CLI through
# QNetworkAccessManager or its publisher connection, Node through fetch or a Centrifuge client's publish), so a second
# pair of runs with one connection measures each side's publisher alone, and CPU per delivery is printed with and
# without it.
#
#   bench/load-bench.sh [BUILD_DIR]
# environment: N (2000), M (N/100: 100 subscribers a channel), RATE (100/s), DURATION (10 s), FORMAT (json),
#   CONNECT_RATE (2000 new connections/s, both sides), VIA (api: the server API; client: a client connection)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-$REPO/build}"
CLI="$BUILD/bin/centrifugo-inspector-cli"
N="${N:-2000}" RATE="${RATE:-100}" DURATION="${DURATION:-10}" FORMAT="${FORMAT:-json}"
M="${M:-$(((N + 99) / 100))}" CONNECT_RATE="${CONNECT_RATE:-2000}" VIA="${VIA:-api}"
[[ "$VIA" == api || "$VIA" == client ]] || { echo "VIA must be api or client, not $VIA" >&2; exit 1; }
[[ -x "$CLI" ]] || { echo "no $CLI: build centrifugo-inspector-cli first" >&2; exit 1; }
[[ -d "$REPO/bench/node/node_modules/centrifuge" ]] || (cd "$REPO/bench/node" && npm ci --no-audit --no-fund >/dev/null)
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

source "$REPO/scripts/temp-centrifugo.sh"
temp_workspace
start_temp_centrifugo "$REPO/bench/config/centrifugo-load.json" "$TMP/centrifugo.log"
PORT="$CENTRIFUGO_PORT"
WS="ws://127.0.0.1:$PORT/connection/websocket"
API="http://127.0.0.1:$PORT"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$CLI" --load --connections "$N" --connect-rate "$CONNECT_RATE" --channels "$M" --publish-rate "$RATE" \
    --duration "$DURATION" --protocol "$FORMAT" --publish-via "$VIA" \
    --url "$WS" --api-url "$API" --api-key load-bench-key >"$TMP/cli.json" 2>"$TMP/cli.txt" || true
PROTOBUF=""
[[ "$FORMAT" == protobuf ]] && PROTOBUF="--protobuf"
node "$REPO/bench/node/load-sdk.js" "$WS" "$API" load-bench-key "$N" "$M" "$RATE" "$DURATION" "$CONNECT_RATE" \
    $PROTOBUF --via="$VIA" >"$TMP/sdk.json"
# The publishers alone: one connection, the same publications.
"$CLI" --load --connections 1 --channels 1 --publish-rate "$RATE" --duration "$DURATION" --protocol "$FORMAT" \
    --publish-via "$VIA" --url "$WS" --api-url "$API" --api-key load-bench-key >"$TMP/cli-pub.json" 2>/dev/null || true
node "$REPO/bench/node/load-sdk.js" "$WS" "$API" load-bench-key 1 1 "$RATE" "$DURATION" "$CONNECT_RATE" \
    $PROTOBUF --via="$VIA" >"$TMP/sdk-pub.json"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$TMP/cli.json" "$TMP/sdk.json" "$TMP/cli-pub.json" "$TMP/sdk-pub.json" "$N" "$M" "$RATE" "$DURATION" \
    "$FORMAT" "$VIA" <<'PY'
import json, sys
cli, sdk, cli_pub, sdk_pub = (json.load(open(p)) for p in sys.argv[1:5])
n, m, rate, dur, fmt, via = sys.argv[5:11]
for run, pub in ((cli, cli_pub), (sdk, sdk_pub)):
    # CPU of the publications of this run at the publisher-alone run's cost per publication.
    publisher = pub["cpu_s"] / pub["published"] * run["published"] if pub.get("published") else 0.0
    run["publisher_cpu_s"] = publisher
    run["cpu_us_per_delivery_without_publisher"] = \
        (run["cpu_s"] - publisher) * 1e6 / run["delivered"] if run["delivered"] else 0.0
print(f"{n} connections, {m} channels, {rate} publications/s for {dur} s, {fmt}, publishing via {via}")
print(f"{'':28}{'inspector --load':>18}{'centrifuge-js':>16}{'ratio':>8}")
for key, label in [("connections_held", "connections held"), ("delivered", "delivered"), ("expected", "expected"),
                   ("rss_kb_per_connection", "memory per connection (KB)"),
                   ("cpu_s", "CPU (s)"), ("publisher_cpu_s", "  of it the publisher (s)"),
                   ("cpu_us_per_delivery", "CPU per delivery (us)"),
                   ("cpu_us_per_delivery_without_publisher", "  without the publisher")]:
    a, b = cli.get(key, 0), sdk.get(key, 0)
    ratio = f"{a / b:.2f}" if isinstance(a, float) and b else ""
    print(f"{label:28}{a:>18.1f}{b:>16.1f}{ratio:>8}" if isinstance(a, float) else f"{label:28}{a:>18}{b:>16}")
lat = cli["latency_ms"]
print(f"inspector latency (ms): p50 {lat['p50']:.2f} p90 {lat['p90']:.2f} p99 {lat['p99']:.2f} max {lat['max']:.2f}; "
      f"lost {cli['lost']}; errors {cli['errors']}")
print(f"centrifuge-js: lost {sdk['expected'] - sdk['delivered']}; errors {sdk.get('errors', {})}")
PY
