#!/usr/bin/env bash
# Runs a local Centrifugo for development with resources/centrifugo/dev.json, in the background.
#   scripts/start-dev-server.sh          # start (or report the one already running) and wait until ready
#   scripts/start-dev-server.sh stop     # stop it
#   scripts/start-dev-server.sh status
# Environment: PORT (default 8000), ADDRESS (default 127.0.0.1), CENTRIFUGO_BIN (default: PATH, then GOPATH/bin).
# Pid and log go to run/ in the repository (gitignored).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONFIG="$REPO_ROOT/resources/centrifugo/dev.json"
RUN_DIR="$REPO_ROOT/run"
PID_FILE="$RUN_DIR/centrifugo-dev.pid"
ADDR_FILE="$RUN_DIR/centrifugo-dev.addr" # "ADDRESS PORT" of the running server
LOG_FILE="$RUN_DIR/centrifugo-dev.log"
PORT="${PORT:-8000}"
ADDRESS="${ADDRESS:-127.0.0.1}"
READY_TIMEOUT_S=15

log() { printf '[dev-server] %s\n' "$*"; }
die() { printf '[dev-server] ERROR: %s\n' "$*" >&2; exit 1; }

find_centrifugo() {
    if [[ -n "${CENTRIFUGO_BIN:-}" ]]; then
        [[ -x "$CENTRIFUGO_BIN" ]] || die "CENTRIFUGO_BIN=$CENTRIFUGO_BIN is not executable"
        echo "$CENTRIFUGO_BIN"
        return
    fi
    local candidate
    for candidate in "$(command -v centrifugo || true)" \
        "$(command -v go >/dev/null 2>&1 && go env GOPATH | cut -d: -f1)/bin/centrifugo" \
        "$HOME/go/bin/centrifugo"; do
        if [[ -n "$candidate" && -x "$candidate" ]]; then
            echo "$candidate"
            return
        fi
    done
    die "centrifugo not found: run scripts/install-deps.sh (or set CENTRIFUGO_BIN)"
}

running_pid() { # prints the pid of our server if it is alive
    [[ -f "$PID_FILE" ]] || return 1
    local pid
    pid="$(cat "$PID_FILE")"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
    # Guard against a recycled pid.
    grep -q centrifugo "/proc/$pid/cmdline" 2>/dev/null || return 1
    echo "$pid"
}

http_ok() { # true when GET $1 answers 200; curl if present, else node, else bash's /dev/tcp
    local url="$1"
    if command -v curl >/dev/null 2>&1; then
        curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null
    elif command -v node >/dev/null 2>&1; then
        node -e 'require("http").get(process.argv[1], (r) => process.exit(r.statusCode === 200 ? 0 : 1))
                     .on("error", () => process.exit(1))' "$url"
    else
        local hostport="${url#http://}"
        hostport="${hostport%%/*}"
        exec 3<>"/dev/tcp/${hostport%:*}/${hostport##*:}" 2>/dev/null || return 1
        printf 'GET /%s HTTP/1.0\r\nHost: %s\r\n\r\n' "${url#http://*/}" "$hostport" >&3
        local status
        read -r _ status _ <&3 || true
        exec 3<&-
        [[ "$status" == "200" ]]
    fi
}

use_recorded_address() { # the address and port the running server was started with
    [[ -f "$ADDR_FILE" ]] && read -r ADDRESS PORT <"$ADDR_FILE" || true
}

probe_host() {
    if [[ "$ADDRESS" == "0.0.0.0" ]]; then echo 127.0.0.1; else echo "$ADDRESS"; fi
}

print_endpoints() {
    local host
    host="$(probe_host)"
    log "WebSocket: ws://$host:$PORT/connection/websocket"
    log "HTTP API:  http://$host:$PORT/api/<method>  (header X-API-Key: dev-api-key)"
    log "Admin UI:  http://$host:$PORT/  (password: admin)"
    log "log: $LOG_FILE   pid file: $PID_FILE   stop: scripts/start-dev-server.sh stop"
    echo "ws://$host:$PORT/connection/websocket"
}

start() {
    local pid
    if pid="$(running_pid)"; then
        use_recorded_address
        log "already running (pid $pid)"
        print_endpoints
        return
    fi
    local bin
    bin="$(find_centrifugo)"
    mkdir -p "$RUN_DIR"
    log "starting $("$bin" version 2>/dev/null | head -n1) from $bin on $ADDRESS:$PORT"
    nohup "$bin" --config "$CONFIG" --http_server.address "$ADDRESS" --http_server.port "$PORT" \
        --health.enabled >"$LOG_FILE" 2>&1 </dev/null &
    pid=$!
    echo "$pid" >"$PID_FILE"
    echo "$ADDRESS $PORT" >"$ADDR_FILE"

    local deadline=$((SECONDS + READY_TIMEOUT_S))
    until http_ok "http://$(probe_host):$PORT/health"; do
        if ! kill -0 "$pid" 2>/dev/null; then
            rm -f "$PID_FILE" "$ADDR_FILE"
            tail -n 20 "$LOG_FILE" >&2 || true
            die "centrifugo exited during startup (port $PORT in use?); log above"
        fi
        if ((SECONDS >= deadline)); then
            kill "$pid" 2>/dev/null || true
            rm -f "$PID_FILE" "$ADDR_FILE"
            tail -n 20 "$LOG_FILE" >&2 || true
            die "centrifugo not ready within ${READY_TIMEOUT_S}s"
        fi
        sleep 0.1
    done
    log "ready (pid $pid)"
    print_endpoints
}

stop() {
    local pid
    if ! pid="$(running_pid)"; then
        log "not running"
        rm -f "$PID_FILE" "$ADDR_FILE"
        return
    fi
    log "stopping pid $pid"
    kill "$pid"
    for _ in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "still alive after 5s, killing"
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$PID_FILE" "$ADDR_FILE"
}

status() {
    local pid
    if pid="$(running_pid)"; then
        use_recorded_address
        log "running (pid $pid)"
        print_endpoints
    else
        log "not running"
        return 1
    fi
}

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) die "usage: $0 [start|stop|status]" ;;
esac
