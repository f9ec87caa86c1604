#!/usr/bin/env bash
# Renders the application icon (resources/icons/centrifugo-inspector.svg) to the PNG sizes of the hicolor icon
# theme, under resources/icons/hicolor/<size>x<size>/apps/. The PNGs are committed: the build and the package do
# not need an SVG renderer. Run again after changing the SVG. Needs rsvg-convert (Debian: librsvg2-bin).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SVG="$REPO/resources/icons/centrifugo-inspector.svg"
for size in 16 22 24 32 48 64 128 256 512; do
    dir="$REPO/resources/icons/hicolor/${size}x${size}/apps"
    mkdir -p "$dir"
    rsvg-convert -w "$size" -h "$size" "$SVG" -o "$dir/centrifugo-inspector.png"
done
echo "rendered $(ls "$REPO"/resources/icons/hicolor | wc -l) sizes"
