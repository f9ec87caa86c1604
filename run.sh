#!/usr/bin/env bash
# Installs what is missing, builds, starts a local Centrifugo dev server with demo traffic, and opens the
# inspector connected to it. Without a display, the headless CLI prints the traffic instead.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
./scripts/install-deps.sh
./scripts/build.sh

PORT="${PORT:-8000}"
export PORT
./scripts/start-dev-server.sh
# Demo traffic through the inspector's own server API client (docs/cli.md, "Server API"): 3 publications/s.
build/bin/centrifugo-inspector-cli --api-url "http://127.0.0.1:$PORT" --api-key "${CENTRIFUGO_API_KEY:-dev-api-key}" \
    --publish-demo demo,chat:lobby --demo-rate "${DEMO_RATE:-3}" &
publisher=$!
cleanup() {
    kill "$publisher" 2>/dev/null || true
    ./scripts/start-dev-server.sh stop || true
}
trap cleanup EXIT INT TERM

url="ws://127.0.0.1:$PORT/connection/websocket"
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" && -x build/bin/centrifugo-inspector ]]; then
    build/bin/centrifugo-inspector --url "$url" --connect --subscribe demo --subscribe chat:lobby "$@"
elif [[ -x build/bin/centrifugo-inspector-cli ]]; then
    echo "No display: printing the traffic with the headless CLI (Ctrl+C to stop)."
    build/bin/centrifugo-inspector-cli --url "$url" --subscribe demo --subscribe chat:lobby --log-level trace "$@"
else
    echo "Neither the GUI (with a display) nor the CLI is available." >&2
    exit 1
fi
