#!/usr/bin/env bash
# Builds the Debian package and checks it in a clean directory: the .deb is unpacked with dpkg -x into a temporary
# root (nothing is installed on this machine), the expected files must be there, the installed CLI answers --help
# and --version, the installed GUI starts offscreen (--version) and finds its translation, the desktop entry
# validates (desktop-file-validate) and the MIME XML parses. With CHECK_DPKG_INSTALL=1 and root, the package is
# also installed for real with dpkg -i (dependencies must be present) and removed again.
#
#   scripts/check-package.sh [BUILD_DIR]      # default BUILD_DIR: build
#
# Needs: cmake, cpack, dpkg-deb, dpkg-shlibdeps (dpkg-dev), desktop-file-validate (desktop-file-utils), xmllint or
# python3. Takes a few minutes (a full build of the two programs); not part of ./test.sh.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-$REPO/build}"
fail() { echo "check-package: FAIL: $*" >&2; exit 1; }
ok() { echo "check-package: ok: $*"; }

[[ -f "$BUILD/CMakeCache.txt" ]] || cmake -S "$REPO" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
nice cmake --build "$BUILD" --parallel 2 --target centrifugo-inspector centrifugo-inspector-cli inspector_translations
rm -f "$BUILD"/centrifugo-inspector_*.deb
(cd "$BUILD" && cpack -G DEB >/dev/null)
DEB="$(ls "$BUILD"/centrifugo-inspector_*.deb | head -n1)"
[[ -f "$DEB" ]] || fail "no .deb in $BUILD"
ok "built $(basename "$DEB") ($(du -k "$DEB" | cut -f1) KB)"

ROOT="$(mktemp -d)"
trap 'rm -rf "$ROOT"' EXIT
dpkg-deb -x "$DEB" "$ROOT"
dpkg-deb -I "$DEB" control | sed -n 's/^ *Depends: /depends: /p'

for f in usr/bin/centrifugo-inspector usr/bin/centrifugo-inspector-cli \
         usr/share/centrifugo-inspector/translations/centrifugo-inspector_zh_CN.qm \
         usr/share/applications/centrifugo-inspector.desktop \
         usr/share/mime/packages/centrifugo-inspector.xml \
         usr/share/icons/hicolor/scalable/apps/centrifugo-inspector.svg \
         usr/share/icons/hicolor/48x48/apps/centrifugo-inspector.png \
         usr/share/icons/hicolor/256x256/apps/centrifugo-inspector.png; do
    [[ -s "$ROOT/$f" ]] || fail "missing /$f"
done
ok "files in place ($(find "$ROOT" -type f | wc -l) files)"

desktop-file-validate "$ROOT/usr/share/applications/centrifugo-inspector.desktop" || fail "desktop entry"
ok "desktop entry validates"
if command -v xmllint >/dev/null; then
    xmllint --noout "$ROOT/usr/share/mime/packages/centrifugo-inspector.xml" || fail "MIME XML"
else
    python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' \
        "$ROOT/usr/share/mime/packages/centrifugo-inspector.xml" || fail "MIME XML"
fi
ok "MIME types parse"

CLI="$ROOT/usr/bin/centrifugo-inspector-cli"
GUI="$ROOT/usr/bin/centrifugo-inspector"
"$CLI" --help | grep -q -- "--url" || fail "CLI --help"
"$CLI" --version | grep -q "[0-9]\.[0-9]" || fail "CLI --version"
ok "CLI: $("$CLI" --version | head -n1)"
# The GUI offscreen: --version exits at once; --help in Chinese proves the installed translation is found.
QT_QPA_PLATFORM=offscreen timeout 20 "$GUI" --version | grep -q "[0-9]\.[0-9]" || fail "GUI --version"
QT_QPA_PLATFORM=offscreen timeout 20 "$GUI" --lang zh_CN --help | grep -q "服务器" || fail "GUI translation"
ok "GUI starts offscreen and finds its translation"
# A few seconds of the real window, offscreen, with a recording opened from the command line.
REC="$ROOT/rec.jsonl"
printf '%s\n' '{"time":"2026-11-26T08:08:22.397Z","dir":"in","kind":"push_pub","channel":"chat:a","frame":{"push":{"channel":"chat:a","pub":{"data":{"text":"hi"},"offset":1,"epoch":"e"}}}}' >"$REC"
set +e
QT_QPA_PLATFORM=offscreen timeout 5 "$GUI" --settings "$ROOT/settings.ini" "$REC" >/dev/null 2>&1
rc=$?
set -e
[[ $rc == 124 ]] || fail "GUI exited early (status $rc)"
ok "GUI ran 5 s offscreen with a recording"

if [[ "${CHECK_DPKG_INSTALL:-0}" == "1" && $EUID -eq 0 ]]; then
    dpkg -i "$DEB"
    centrifugo-inspector-cli --version
    dpkg -r centrifugo-inspector
    ok "dpkg -i and -r"
fi
echo "check-package: all checks passed for $(basename "$DEB")"
