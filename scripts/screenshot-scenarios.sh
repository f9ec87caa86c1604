#!/usr/bin/env bash
# Screenshots of the scenario panel (Tools > Scenarios) running examples/scenarios/fail-wrong-publication.json
# against a real Centrifugo, in English and Chinese: docs/screenshot-scenarios.png, docs/screenshot-scenarios-zh_CN.png.
# Drives the real app under Xvfb with the keyboard (xdotool): Tools menu, the panel's Open button, the file
# dialog, Run all.
#
#   scripts/screenshot-scenarios.sh [BUILD_DIR]        # default BUILD_DIR: build
#
# Needs: xvfb-run, xdotool, ImageMagick (import, convert), curl, python3.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-$REPO/build}"
APP="$BUILD/bin/centrifugo-inspector"
OUT="$REPO/docs"
SIZE="1600x1000"
[[ -x "$APP" ]] || { echo "no $APP: build first (cmake --build $BUILD)" >&2; exit 1; }
source "$REPO/scripts/temp-centrifugo.sh"

temp_workspace
start_temp_centrifugo "$REPO/resources/centrifugo/dev.json" "$TMP/centrifugo.log" --admin.enabled=false
PORT="$CENTRIFUGO_PORT"
# The example's defaults point at the dev server's port 8000; this server has its own.
SCENARIO="$TMP/fail-wrong-publication.json"
sed "s/127.0.0.1:8000/127.0.0.1:$PORT/g" "$REPO/examples/scenarios/fail-wrong-publication.json" >"$SCENARIO"

shoot() {
    local lang="$1" file="$2"
    cat >"$TMP/run-$lang.sh" <<RUN
#!/usr/bin/env bash
set -u
"$APP" --settings "$TMP/settings-$lang.ini" --lang "$lang" --url "ws://127.0.0.1:$PORT/connection/websocket" \
    --connect -geometry $SIZE+0+0 2>"$TMP/app-$lang.log" &
app=\$!
xdotool search --sync --onlyvisible --class centrifugo-inspector >/dev/null
sleep 1
xdotool mousemove 260 8 click 1   # the Tools menu
sleep 0.5
xdotool key Up Return      # its last item, Scenarios: the panel opens with the focus on Open
sleep 0.5
xdotool key space          # Open…: the file dialog
sleep 1
xdotool type --delay 5 "$SCENARIO"
xdotool key Return
sleep 1
xdotool key Tab space      # Run all
sleep 3                    # the failing step's time limit is 1 s
import -window root "$TMP/raw-$lang.png"
kill \$app
wait \$app 2>/dev/null || true
exit 0
RUN
    chmod +x "$TMP/run-$lang.sh"
    xvfb-run -a -s "-screen 0 ${SIZE}x24" "$TMP/run-$lang.sh"
    convert "$TMP/raw-$lang.png" -strip -colors 256 "PNG8:$file"
    echo "saved $file ($(du -k "$file" | cut -f1) KB)"
}

mkdir -p "$OUT"
shoot en "$OUT/screenshot-scenarios.png"
shoot zh_CN "$OUT/screenshot-scenarios-zh_CN.png"
