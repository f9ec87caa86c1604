# Sourced by scripts that need a throw-away Centrifugo (scripts/screenshot*.sh, bench/load-bench.sh, bench/proxy-bench.sh):
#   source scripts/temp-centrifugo.sh
#   temp_workspace                      # sets TMP (a fresh directory) and PIDS; on exit stops PIDS, removes TMP
#   start_temp_centrifugo CONFIG LOG [extra centrifugo arguments...]   # sets CENTRIFUGO_PORT and CENTRIFUGO_PID
# Starts it on 127.0.0.1 and a free port and waits until /health answers; the caller stops it (kill $CENTRIFUGO_PID).

temp_workspace() {
    TMP="$(mktemp -d)"
    PIDS=()
    trap 'for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$TMP"' EXIT
}

start_temp_centrifugo() {
    local config="$1" log="$2"
    shift 2
    local bin="${CENTRIFUGO_BIN:-$(command -v centrifugo || echo "$HOME/go/bin/centrifugo")}"
    [[ -x "$bin" ]] || { echo "centrifugo not found: run scripts/install-deps.sh or set CENTRIFUGO_BIN" >&2; return 1; }
    CENTRIFUGO_PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    "$bin" --config "$config" --http_server.address 127.0.0.1 --http_server.port "$CENTRIFUGO_PORT" "$@" >"$log" 2>&1 &
    CENTRIFUGO_PID=$!
    PIDS+=("$CENTRIFUGO_PID")
    for _ in $(seq 1 100); do
        curl -fs "http://127.0.0.1:$CENTRIFUGO_PORT/health" >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    cat "$log" >&2
    kill "$CENTRIFUGO_PID" 2>/dev/null
    return 1
}
