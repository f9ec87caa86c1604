#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (AddressSanitizer + UndefinedBehaviorSanitizer) into
# build-asan/, the build scripts/sanitize.sh uses too (scripts/configure-sanitizers.sh; after it only the fuzz
# targets themselves are left to compile and link), and runs each for FUZZ_SECONDS seconds (default 25), starting
# from its corpus in tests/fuzz/corpus/<name> (real frames; new inputs go to build-asan/tests/fuzz/corpus-<target>,
# not the repo). A crash, a sanitizer report, a leak, an input slower than 10 s or over 2 GB fails the script; the
# input that did it is left in build-asan/tests/fuzz/ (crash-*, leak-*, timeout-*, oom-*) and can be replayed:
# <target> <file>.
#   scripts/fuzz.sh [target ...]      # default: every target
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${FUZZ_BUILD_DIR:-${ASAN_BUILD_DIR:-$REPO_ROOT/build-asan}}"
SECONDS_PER_TARGET="${FUZZ_SECONDS:-25}"
TARGETS=(fuzz_jsoncodec fuzz_protobufcodec fuzz_framesplitter fuzz_linter fuzz_jsonlines fuzz_har fuzz_scenario)
[[ $# -gt 0 ]] && TARGETS=("$@")

"$REPO_ROOT/scripts/configure-sanitizers.sh" "$BUILD_DIR"
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
