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

# shellcheck source=scripts/temp-centrifugo.sh
source "$REPO/scripts/temp-centrifugo.sh"
temp_workspace

start_temp_centrifugo "$REPO/resources/centrifugo/dev.json" "$TMP/centrifugo.log" --admin.enabled=false || exit 1
PORT="$CENTRIFUGO_PORT"
echo "centrifugo on port $PORT"

"$BUILD/bin/centrifugo-inspector-cli" --api-url "http://127.0.0.1:$PORT" --api-key dev-api-key \
    --publish-demo demo,chat:lobby --demo-rate 3 >"$TMP/publisher.log" 2>&1 &
PIDS+=($!)

# shoot LANG THEME FILE [sessions]: one client with a command in the editor and a timeline row selected; with
# "sessions", two clients side by side with the combined timeline and the charts (messages per second by kind).
shoot() {
    local lang="$1" theme="$2" file="$3" mode="${4:-one}"
    local name="$mode-$lang-$theme"
    local ini="$TMP/settings-$name.ini" log="$TMP/app-$name.log"
    local args="" wanted=$MIN_PUBLICATIONS click="" settle=1
    printf '[ui]\ntheme=%s\n' "$theme" >"$ini"
    if [[ "$mode" == sessions ]]; then
        # Side by side the timelines get the room: the command and log panes are hidden (View menu).
        printf '[window]\nhiddenParts=showTools, showLog\n' >>"$ini"
        args="--clients 2 --side-by-side --charts --combined"
        wanted=$((MIN_PUBLICATIONS * 3)) # both clients log their frames
        settle=2                          # the charts redraw once a second
    else
        # A command with a template placeholder, so the linter's underline and findings show.
        cat >>"$ini" <<'INI'
[composer]
draft="{\n    \"publish\": {\n        \"channel\": \"chat:lobby\",\n        \"data\": {\n            \"text\": \"<message>\"\n        }\n    }\n}"
INI
        # A row of the timeline: the detail pane explains it.
        command -v xdotool >/dev/null && click="xdotool mousemove 700 168 click 1"
    fi
    cat >"$TMP/run-$name.sh" <<RUN
#!/usr/bin/env bash
set -u
"$APP" --settings "$ini" --lang "$lang" --url "ws://127.0.0.1:$PORT/connection/websocket" --connect \
    --subscribe demo --subscribe chat:lobby $args --log-level trace -geometry $SIZE+0+0 2>"$log" &
app=\$!
# Wait until the server's publications reach the app (trace logs every frame), not a fixed time.
for _ in \$(seq 1 300); do
    [[ \$(grep -c '"pub":' "$log" 2>/dev/null || true) -ge $wanted ]] && break
    sleep 0.1
done
$click
sleep $settle # let the timeline's batch and the repaint land
import -window root "$TMP/raw-$name.png"
kill \$app
wait \$app 2>/dev/null || true
exit 0
RUN
    chmod +x "$TMP/run-$name.sh"
    xvfb-run -a -s "-screen 0 ${SIZE}x24" "$TMP/run-$name.sh"
    [[ $(grep -c '"pub":' "$log" || true) -ge $MIN_PUBLICATIONS ]] || { echo "no traffic seen ($lang)" >&2; tail "$log" >&2; exit 1; }
    convert "$TMP/raw-$name.png" -strip -colors 256 "PNG8:$file"
    echo "saved $file ($(du -k "$file" | cut -f1) KB)"
}

mkdir -p "$OUT"
if [[ "$SHOTS" == all ]]; then
    shoot en light "$OUT/screenshot.png"
    shoot zh_CN light "$OUT/screenshot-zh_CN.png"
    shoot en dark "$OUT/screenshot-dark.png"
    shoot zh_CN dark "$OUT/screenshot-zh_CN-dark.png"
fi
shoot en light "$OUT/screenshot-sessions.png" sessions
shoot zh_CN light "$OUT/screenshot-sessions-zh_CN.png" sessions
