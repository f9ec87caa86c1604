#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (AddressSanitizer + UndefinedBehaviorSanitizer) into
# build-fuzz/ and runs each for FUZZ_SECONDS seconds (default 25), starting from its corpus in
# tests/fuzz/corpus/<name> (real frames; new inputs go to build-fuzz/tests/fuzz/corpus-<target>, not the repo).
# A crash, a sanitizer report, a leak, an input slower than 10 s or over 2 GB fails the script; the input that did
# it is left in build-fuzz/tests/fuzz/ (crash-*, leak-*, timeout-*, oom-*) and can be replayed: <target> <file>.
#   scripts/fuzz.sh [target ...]      # default: every target
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${FUZZ_BUILD_DIR:-$REPO_ROOT/build-fuzz}"
SECONDS_PER_TARGET="${FUZZ_SECONDS:-25}"
TARGETS=(fuzz_jsoncodec fuzz_protobufcodec fuzz_framesplitter fuzz_linter fuzz_jsonlines fuzz_har fuzz_scenario)
[[ $# -gt 0 ]] && TARGETS=("$@")

command -v clang++ >/dev/null 2>&1 || { echo "[fuzz] clang++ not found: scripts/install-deps.sh installs clang" >&2; exit 1; }
generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -O1 -g1"
cmake -S "$REPO_ROOT" -B "$BUILD_DIR" "${generator[@]}" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=None \
    -DINSPECTOR_WERROR=OFF -DINSPECTOR_BUILD_TESTS=OFF -DINSPECTOR_FUZZ=ON -DCMAKE_CXX_FLAGS="$flags" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
start=$SECONDS
cmake --build "$BUILD_DIR" --parallel "$(nproc)" --target "${TARGETS[@]}"
echo "[fuzz] build: $((SECONDS - start)) s"

out="$BUILD_DIR/tests/fuzz"
status=0
for target in "${TARGETS[@]}"; do
    corpus="$REPO_ROOT/tests/fuzz/corpus/${target#fuzz_}"
    work="$out/corpus-$target"
    mkdir -p "$work"
    log="$out/$target.log"
    if "$out/$target" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$out/$target-" "$work" "$corpus" >"$log" 2>&1; then
        runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")"
        echo "[fuzz] $target: ok, ${runs:-?} executions in ${SECONDS_PER_TARGET} s"
    else
        echo "[fuzz] $target: FAILED (log: $log)" >&2
        grep -E "ERROR|SUMMARY|runtime error|Test unit written" "$log" | head -20 >&2 || true
        status=1
    fi
done
exit $status
