#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, models, widgets offscreen, and integration tests
# against a real Centrifugo that each test starts on a free loopback port). Then the unit and hostile-server tests
# again under AddressSanitizer + UndefinedBehaviorSanitizer (scripts/sanitize.sh, clang, build-asan/;
# SANITIZE_LABELS chooses other labels, and `scripts/sanitize.sh` without labels runs the whole suite) and a short
# fuzz run of every libFuzzer target (scripts/fuzz.sh) from the same build-asan/: its objects carry the fuzzer's
# coverage instrumentation too, so the libraries are compiled once for both (scripts/configure-sanitizers.sh).
# SKIP_SANITIZE=1 / SKIP_FUZZ=1 leave those out.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
./scripts/install-deps.sh
./scripts/check-format.sh
./scripts/build.sh
export QT_QPA_PLATFORM=offscreen
(cd build && ctest --output-on-failure --parallel 2 "$@")
if [[ "${SKIP_SANITIZE:-0}" != "1" ]]; then
    # The decoders, the linter, the recording format and the hostile-server suite; the whole suite under the
    # sanitizers is `scripts/sanitize.sh` without labels (too long for every run).
    SANITIZE_LABELS="${SANITIZE_LABELS:-unit|hostile}" ./scripts/sanitize.sh
fi
if [[ "${SKIP_FUZZ:-0}" != "1" ]]; then
    FUZZ_SECONDS="${FUZZ_SECONDS:-15}" ./scripts/fuzz.sh
fi
