#!/usr/bin/env bash
# Runs the Centrifugo Inspector benchmarks (docs/benchmarks.md) and prints the table.
#
#   bench/run.sh                 everything
#   bench/run.sh decode ingest   only these (decode ingest large replay store reopen startup gui; large measures
#                                the CLI and, when the GUI builds, the GUI too)
#
# Builds what it needs (in $BUILD_DIR, default build-bench), starts its own Centrifugo on a free loopback port with
# bench/config/centrifugo-bench.json and stops it at the end, and writes bench/results/<timestamp>.json.
# Environment: BUILD_DIR, CENTRIFUGO_BIN, BENCH_COUNT (publications, default 200000),
# BENCH_STORE_FRAMES (default 1000000), BENCH_LARGE_COUNT (publications of 100 KB, default 300), BENCH_STARTUP_RUNS (default 5), BENCH_REPEAT (runs of the ingest, replay
# and GUI benchmarks, default 3: the table shows the median run and lists all), BENCH_PROTOBUF (the ingest's
# Protobuf pair: separate = a second flood of the same shape (default), together = in the JSON flood, none),
# BENCH_BUILD (1 = build what the chosen benchmarks need first (default), 0 = run the binaries in $BUILD_DIR/bin
# as they are, e.g. while another build runs in that directory).
# Never part of ctest.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$REPO/build-bench}"
COUNT="${BENCH_COUNT:-200000}"
STORE_FRAMES="${BENCH_STORE_FRAMES:-1000000}"
STARTUP_RUNS="${BENCH_STARTUP_RUNS:-5}"
LARGE_COUNT="${BENCH_LARGE_COUNT:-300}"
REPEAT="${BENCH_REPEAT:-3}"
PROTOBUF="${BENCH_PROTOBUF:-separate}"
CENTRIFUGO_BIN="${CENTRIFUGO_BIN:-$(command -v centrifugo || echo "$HOME/go/bin/centrifugo")}"
ALL=(decode ingest large replay store reopen startup gui)
WANT=("$@")
[ ${#WANT[@]} -eq 0 ] && WANT=("${ALL[@]}")
wants() { local w; for w in "${WANT[@]}"; do [ "$w" = "$1" ] && return 0; done; return 1; }

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/inspector-bench.XXXXXX")"
RESULTS_DIR="$REPO/bench/results"
mkdir -p "$RESULTS_DIR"
PARTS="$WORK/parts"
mkdir -p "$PARTS"
SERVER_PID=""

cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

log() { printf '== %s\n' "$*" >&2; }
skip() { printf '%s' "$2" > "$PARTS/$1.skipped"; log "$1: not done: $2"; }

# ---- build --------------------------------------------------------------------------------------------------------
log "building in $BUILD_DIR"
if [ "${BENCH_BUILD:-1}" != 0 ] && [ ! -f "$BUILD_DIR/build.ninja" ]; then
    cmake -S "$REPO" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
build() {
    if [ "${BENCH_BUILD:-1}" = 0 ]; then
        [ -x "$BUILD_DIR/bin/$1" ]
    else
        nice -n 5 cmake --build "$BUILD_DIR" --target "$@" >"$WORK/build-$1.log" 2>&1
    fi
}
BIN="$BUILD_DIR/bin"
# Only what the chosen benchmarks run: a quick ingest run need not build the GUI.
if wants ingest || wants replay || wants large; then
    build centrifugo-inspector-cli || { cat "$WORK/build-centrifugo-inspector-cli.log" >&2; exit 1; }
fi
if wants decode; then
    build bench_decode || skip decode "bench_decode does not build"
fi
if wants store || wants reopen; then
    build bench_store || { skip store "bench_store does not build (models/widgets)"; skip reopen "bench_store does not build"; }
fi
if wants gui || wants startup || wants large; then
    build centrifugo-inspector || { skip gui "the GUI does not build"; skip startup "the GUI does not build"; }
    build bench_guiprobe || { skip gui "bench_guiprobe does not build (libX11)"; skip startup "bench_guiprobe does not build"; }
fi

if [ ! -d "$REPO/bench/node/node_modules/centrifuge" ]; then
    log "installing the Node clients (npm ci)"
    (cd "$REPO/bench/node" && npm ci --no-audit --no-fund >/dev/null)
fi

# ---- server -------------------------------------------------------------------------------------------------------
PORT="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
API="http://127.0.0.1:$PORT"
WS="ws://127.0.0.1:$PORT/connection/websocket"
KEY="bench-api-key"
if wants ingest || wants large || wants replay || wants gui; then
    log "starting Centrifugo on $API"
    CENTRIFUGO_HTTP_SERVER_PORT="$PORT" CENTRIFUGO_HTTP_SERVER_ADDRESS=127.0.0.1 \
        "$CENTRIFUGO_BIN" -c "$REPO/bench/config/centrifugo-bench.json" >"$WORK/centrifugo.log" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 1 100); do
        curl -fs "$API/health" >/dev/null 2>&1 && break
        sleep 0.1
    done
    curl -fs "$API/health" >/dev/null || { cat "$WORK/centrifugo.log" >&2; exit 1; }
fi

LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
XVFB=(xvfb-run -a -s "-screen 0 1600x1000x24")
# A part's JSON is the last {"event":"result"...} or {"benchmark":...} line of its output; an {"event":"error"}
# line makes the part "not done" with its message.
part() {
    local last
    last="$(grep -E '^\{' | tail -n 1)"
    if [ -z "$last" ]; then
        return 1
    elif printf '%s' "$last" | grep -q '"event":"error"'; then
        skip "$1" "$(printf '%s' "$last" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).message))')"
    else
        printf '%s\n' "$last" > "$PARTS/$1.json"
    fi
}

# ---- benchmarks ---------------------------------------------------------------------------------------------------
if wants decode && [ ! -e "$PARTS/decode.skipped" ]; then
    log "4 decode"
    "$BIN/bench_decode" | part decode || skip decode "bench_decode failed"
fi
RECORD="$WORK/ingest.jsonl"
for run in $(seq 1 "$REPEAT"); do
    if wants ingest; then
        log "1 ingest ($run/$REPEAT): $COUNT publications to the inspector CLI, the centrifuge-js SDK and a bare ws client; Protobuf pair: $PROTOBUF"
        node "$REPO/bench/node/ingest.js" ingest --api "$API" --key "$KEY" --ws "$WS" --channel "bench-ingest-$run" \
            --count "$COUNT" --cli "$BIN/centrifugo-inspector-cli" --record "$RECORD" --protobuf "$PROTOBUF" |
            part "ingest.$run" ||
            skip "ingest.$run" "the ingest driver failed"
    fi
    if wants replay; then
        if [ -s "$RECORD" ]; then
            log "1 replay ($run/$REPEAT): the recorded frames, one client at a time"
            node "$REPO/bench/node/ingest.js" replay --cli "$BIN/centrifugo-inspector-cli" --record "$RECORD" \
                --channel "bench-ingest-$run" | part "replay.$run" || skip "replay.$run" "the replay driver failed"
        else
            skip "replay.$run" "needs the recording of the ingest run"
        fi
    fi
    rm -f "$RECORD"
done
if wants large; then
    # The GUI's flood needs the GUI and a display; without them the CLI rows are measured alone.
    LARGE_GUI=()
    if [ -x "$BIN/centrifugo-inspector" ] && [ ! -e "$PARTS/gui.skipped" ] && command -v xvfb-run >/dev/null; then
        LARGE_GUI=(--app "$BIN/centrifugo-inspector")
    fi
    log "1b large: $LARGE_COUNT publications of 100 KB at the server's pace to the inspector CLI and a bare ws client${LARGE_GUI:+, then to the GUI and a bare ws client}"
    "${XVFB[@]}" node "$REPO/bench/node/ingest.js" large --api "$API" --key "$KEY" --ws "$WS" --channel "bench-large" \
        --count "$LARGE_COUNT" --size 100000 --cli "$BIN/centrifugo-inspector-cli" --record "$WORK/large.jsonl" \
        "${LARGE_GUI[@]}" | part large || skip large "the large-publication driver failed"
    rm -f "$WORK/large.jsonl"
fi
STORE_RECORD="$WORK/store.jsonl"
if wants store && [ ! -e "$PARTS/store.skipped" ]; then
    log "2/3 memory and filters over $STORE_FRAMES frames"
    QT_QPA_PLATFORM=offscreen "$BIN/bench_store" store "$STORE_FRAMES" "$STORE_RECORD" 2>/dev/null | part store ||
        skip store "bench_store failed"
fi
if wants reopen && [ ! -e "$PARTS/reopen.skipped" ]; then
    if [ ! -s "$STORE_RECORD" ]; then
        QT_QPA_PLATFORM=offscreen "$BIN/bench_store" store "$STORE_FRAMES" "$STORE_RECORD" >/dev/null 2>&1 || true
    fi
    log "6 reopen a $STORE_FRAMES-frame recording"
    "${XVFB[@]}" "$BIN/bench_store" reopen "$STORE_RECORD" 2>/dev/null | part reopen || skip reopen "bench_store reopen failed"
fi
rm -f "$STORE_RECORD"
GUI_SETTINGS="$WORK/gui.ini"
if wants startup && [ ! -e "$PARTS/startup.skipped" ]; then
    log "6 start-up of the GUI, $STARTUP_RUNS runs"
    "${XVFB[@]}" "$BIN/bench_guiprobe" startup "$STARTUP_RUNS" -- "$BIN/centrifugo-inspector" --settings "$GUI_SETTINGS" \
        2>/dev/null | part startup || skip startup "bench_guiprobe startup failed"
fi
if wants gui && [ ! -e "$PARTS/gui.skipped" ]; then
    for run in $(seq 1 "$REPEAT"); do
        log "5 GUI event-loop stalls under $COUNT publications ($run/$REPEAT)"
        "${XVFB[@]}" node "$REPO/bench/node/ingest.js" gui --api "$API" --key "$KEY" --ws "$WS" --channel "bench-gui-$run" \
            --count "$COUNT" --app "$BIN/centrifugo-inspector" --probe "$BIN/bench_guiprobe" | part "gui.$run" ||
            skip "gui.$run" "the GUI driver failed"
    done
fi
LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg)"

# ---- results ------------------------------------------------------------------------------------------------------
OUT="$RESULTS_DIR/$STAMP.json"
CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
MEM="$(awk '/MemTotal/ {printf "%.0f GB RAM", $2/1048576}' /proc/meminfo)"
OS="$(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
VERSIONS="Qt $(pkg-config --modversion Qt6Core 2>/dev/null || echo '?'), $("$CENTRIFUGO_BIN" version 2>/dev/null | cut -d' ' -f1-2), Node $(node --version)"
COMMIT="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')"
STAMP="$STAMP" CPU="$CPU" MEM="$MEM" OS="$OS" VERSIONS="$VERSIONS" COMMIT="$COMMIT" LOAD_START="$LOAD_START" \
    LOAD_END="$LOAD_END" NPROC="$(nproc)" PARTS="$PARTS" OUT="$OUT" node -e '
const fs = require("fs"), path = require("path"), e = process.env;
const r = { timestamp: e.STAMP, commit: e.COMMIT, versions: e.VERSIONS, skipped: {},
            machine: { cpu: e.CPU, cores: Number(e.NPROC), memory: e.MEM, os: e.OS, load_start: e.LOAD_START, load_end: e.LOAD_END } };
const runs = {};
for (const f of fs.readdirSync(e.PARTS)) {
    const [name, run] = f.replace(/\.(json|skipped)$/, "").split(".");
    if (f.endsWith(".json")) {
        const value = JSON.parse(fs.readFileSync(path.join(e.PARTS, f), "utf8"));
        if (run) (runs[name] = runs[name] || []).push(value); else r[name] = value;
    } else {
        r.skipped[name] = fs.readFileSync(path.join(e.PARTS, f), "utf8");
    }
}
// Repeated benchmarks: the run with the median key figure stands for all; every run is kept.
const key = { ingest: (x) => x.sdk_over_inspector_cpu, replay: (x) => x.inspector_over_bare_rate, gui: (x) => x.stalls.p99_ms };
for (const [name, list] of Object.entries(runs)) {
    list.sort((a, b) => key[name](a) - key[name](b));
    r[name] = { ...list[Math.floor((list.length - 1) / 2)], runs: list.length, all: list.map(key[name]) };
    // The longest stall of every run too (in the order of "all"): the median p99 run need not have the median one.
    if (name === "gui") r[name].all_max_ms = list.map((x) => x.stalls.max_ms);
    // The Protobuf pair has its own median run: the Protobuf figure of the JSON median run is any of the three.
    const pbRuns = list.filter((x) => x.protobuf_sdk_over_inspector_cpu !== undefined);
    if (name === "ingest" && pbRuns.length > 0) {
        pbRuns.sort((a, b) => a.protobuf_sdk_over_inspector_cpu - b.protobuf_sdk_over_inspector_cpu);
        const pb = pbRuns[Math.floor((pbRuns.length - 1) / 2)];
        for (const k of ["inspector_protobuf", "sdk_protobuf"]) r[name].clients[k] = pb.clients[k];
        for (const k of ["protobuf_run", "protobuf_sdk_over_inspector_cpu", "protobuf_bare_over_inspector_cpu"]) r[name][k] = pb[k];
        r[name].all_protobuf = pbRuns.map((x) => x.protobuf_sdk_over_inspector_cpu);
    }
    delete r.skipped[name];
}
fs.writeFileSync(e.OUT, JSON.stringify(r, null, 2) + "\n");'
node "$REPO/bench/node/report.js" "$OUT"
log "results: $OUT"
