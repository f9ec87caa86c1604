#!/usr/bin/env bash
# Configures the one clang build that scripts/sanitize.sh and scripts/fuzz.sh share (default build-asan/): every
# object is compiled once with AddressSanitizer + UndefinedBehaviorSanitizer and libFuzzer's coverage
# instrumentation (-fsanitize=fuzzer-no-link); the tests and programs link the ASan/UBSan runtime, which also
# answers the coverage callbacks, and only the fuzz targets link libFuzzer (tests/fuzz). So ./test.sh compiles the
# libraries once for both instead of once with GCC for the tests and once with clang for the fuzzers.
#   scripts/configure-sanitizers.sh <build dir>
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="$1"
command -v clang++ >/dev/null 2>&1 ||
    { echo "[sanitizers] clang++ not found: scripts/install-deps.sh installs clang" >&2; exit 1; }
# A directory configured earlier with another compiler (build-asan/ used to be GCC) is configured afresh.
if [[ -f "$BUILD_DIR/CMakeCache.txt" ]] && ! grep -q '^CMAKE_CXX_COMPILER:[A-Z]*=.*clang++' "$BUILD_DIR/CMakeCache.txt"; then
    rm -rf "$BUILD_DIR/CMakeCache.txt" "$BUILD_DIR/CMakeFiles"
fi
generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
# -O1 and line tables only: fast enough to build in every ./test.sh, and reports still name file and line.
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -O1 -g1"
# Warnings are not errors here (build/ keeps -Werror with GCC).
cmake -S "$REPO_ROOT" -B "$BUILD_DIR" "${generator[@]}" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=None \
    -DINSPECTOR_WERROR=OFF -DINSPECTOR_BUILD_TESTS=ON -DINSPECTOR_FUZZ=ON -DCMAKE_CXX_FLAGS="$flags" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
