#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, models, widgets offscreen, and integration tests
# against a real Centrifugo that each test starts on a free loopback port).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
./scripts/install-deps.sh
./scripts/check-format.sh
./scripts/build.sh
export QT_QPA_PLATFORM=offscreen
cd build
ctest --output-on-failure --parallel 2 "$@"
