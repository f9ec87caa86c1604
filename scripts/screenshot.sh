#!/usr/bin/env bash
# Takes the README/user-guide screenshots: starts a real Centrifugo (resources/centrifugo/dev.json) on a free port,
# publishes demo traffic (the CLI's --publish-demo), runs the GUI under Xvfb connected and subscribed to the demo
# channels, waits until publications show, and saves docs/screenshot.png and docs/screenshot-zh_CN.png (light
# theme) and docs/screenshot-dark.png and docs/screenshot-zh_CN-dark.png (dark theme, View > Theme > Dark); then
# two clients side by side with the charts and the combined timeline: docs/screenshot-sessions.png and
# docs/screenshot-sessions-zh_CN.png.
#
#   scripts/screenshot.sh [BUILD_DIR] [SHOTS]   # default BUILD_DIR: build; SHOTS: all (default) or sessions
#
# Needs: xvfb-run, ImageMagick (import, convert), node, curl, python3; xdotool (optional: selects a timeline row so
# the detail pane shows an explanation). Settings go to a temporary INI file; the user's settings are not touched.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-$REPO/build}"
SHOTS="${2:-all}"
APP="$BUILD/bin/centrifugo-inspector"
OUT="$REPO/docs"
SIZE="1600x1000"
MIN_PUBLICATIONS=10
[[ -x "$APP" ]] || { echo "no $APP: build first (cmake --build $BUILD)" >&2; exit 1; }

CENTRIFUGO="${CENTRIFUGO_BIN:-$(command -v centrifugo || echo "$HOME/go/bin/centrifugo")}"
[[ -x "$CENTRIFUGO" ]] || { echo "centrifugo not found: run scripts/install-deps.sh or set CENTRIFUGO_BIN" >&2; exit 1; }

TMP="$(mktemp -d)"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$TMP"
}
trap cleanup EXIT

PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$CENTRIFUGO" --config "$REPO/resources/centrifugo/dev.json" --http_server.address 127.0.0.1 \
    --http_server.port "$PORT" --admin.enabled=false >"$TMP/centrifugo.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -fs "http://127.0.0.1:$PORT/health" >/dev/null || { cat "$TMP/centrifugo.log" >&2; exit 1; }
echo "centrifugo on port $PORT"

"$BUILD/bin/centrifugo-inspector-cli" --api-url "http://127.0.0.1:$PORT" --api-key dev-api-key \
    --publish-demo demo,chat:lobby --demo-rate 3 >"$TMP/publisher.log" 2>&1 &
PIDS+=($!)

shoot() {
    local lang="$1" theme="$2" file="$3"
    local ini="$TMP/settings-$lang-$theme.ini" log="$TMP/app-$lang-$theme.log"
    # A command with a template placeholder, so the linter's underline and findings show.
    cat >"$ini" <<INI
[ui]
theme=$theme
INI
    cat >>"$ini" <<'INI'
[composer]
draft="{\n    \"publish\": {\n        \"channel\": \"chat:lobby\",\n        \"data\": {\n            \"text\": \"<message>\"\n        }\n    }\n}"
INI
    cat >"$TMP/run-$lang-$theme.sh" <<RUN
#!/usr/bin/env bash
set -u
"$APP" --settings "$ini" --lang "$lang" --url "ws://127.0.0.1:$PORT/connection/websocket" --connect \
    --subscribe demo --subscribe chat:lobby --log-level trace -geometry $SIZE+0+0 2>"$log" &
app=\$!
# Wait until the server's publications reach the app (trace logs every frame), not a fixed time.
for _ in \$(seq 1 300); do
    [[ \$(grep -c '"pub":' "$log" 2>/dev/null || true) -ge $MIN_PUBLICATIONS ]] && break
    sleep 0.1
done
if command -v xdotool >/dev/null; then
    xdotool mousemove 700 168 click 1   # a row of the timeline: the detail pane explains it
fi
sleep 1 # let the timeline's batch and the repaint land
import -window root "$TMP/raw-$lang-$theme.png"
kill \$app
wait \$app 2>/dev/null || true
exit 0
RUN
    chmod +x "$TMP/run-$lang-$theme.sh"
    xvfb-run -a -s "-screen 0 ${SIZE}x24" "$TMP/run-$lang-$theme.sh"
    [[ $(grep -c '"pub":' "$log" || true) -ge $MIN_PUBLICATIONS ]] || { echo "no traffic seen ($lang)" >&2; tail "$log" >&2; exit 1; }
    convert "$TMP/raw-$lang-$theme.png" -strip -colors 256 "PNG8:$file"
    echo "saved $file ($(du -k "$file" | cut -f1) KB)"
}

# Two clients side by side, the charts (messages per second by channel) and the combined timeline open.
shoot_sessions() {
    local lang="$1" file="$2"
    local ini="$TMP/settings-sessions-$lang.ini" log="$TMP/app-sessions-$lang.log"
    # Side by side the timelines get the room: the command and log panes are hidden (View menu).
    printf '[ui]\ntheme=light\n[window]\nhiddenParts=showTools, showLog\n' >"$ini"
    cat >"$TMP/run-sessions-$lang.sh" <<RUN
#!/usr/bin/env bash
set -u
"$APP" --settings "$ini" --lang "$lang" --url "ws://127.0.0.1:$PORT/connection/websocket" --connect \
    --subscribe demo --subscribe chat:lobby --clients 2 --side-by-side --charts --combined --log-level trace \
    -geometry $SIZE+0+0 2>"$log" &
app=\$!
# Both clients must have received publications (each logs its frames).
for _ in \$(seq 1 300); do
    [[ \$(grep -c '"pub":' "$log" 2>/dev/null || true) -ge $((MIN_PUBLICATIONS * 3)) ]] && break
    sleep 0.1
done
sleep 2 # the charts redraw once a second
import -window root "$TMP/raw-sessions-$lang.png"
kill \$app
wait \$app 2>/dev/null || true
exit 0
RUN
    chmod +x "$TMP/run-sessions-$lang.sh"
    xvfb-run -a -s "-screen 0 ${SIZE}x24" "$TMP/run-sessions-$lang.sh"
    [[ $(grep -c '"pub":' "$log" || true) -ge $MIN_PUBLICATIONS ]] || { echo "no traffic seen ($lang)" >&2; tail "$log" >&2; exit 1; }
    convert "$TMP/raw-sessions-$lang.png" -strip -colors 256 "PNG8:$file"
    echo "saved $file ($(du -k "$file" | cut -f1) KB)"
}

mkdir -p "$OUT"
if [[ "$SHOTS" == all ]]; then
    shoot en light "$OUT/screenshot.png"
    shoot zh_CN light "$OUT/screenshot-zh_CN.png"
    shoot en dark "$OUT/screenshot-dark.png"
    shoot zh_CN dark "$OUT/screenshot-zh_CN-dark.png"
fi
shoot_sessions en "$OUT/screenshot-sessions.png"
shoot_sessions zh_CN "$OUT/screenshot-sessions-zh_CN.png"
