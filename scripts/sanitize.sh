#!/usr/bin/env bash
# Builds the whole test suite with AddressSanitizer + UndefinedBehaviorSanitizer (clang) into build-asan/ and runs it.
# Any sanitizer report fails the test that triggered it (UBSan does not recover), so a green run means none.
# build-asan/ is the build scripts/fuzz.sh uses too (scripts/configure-sanitizers.sh): the objects carry libFuzzer's
# coverage instrumentation as well, so ./test.sh compiles the libraries once for both. Lean on purpose (-O1, line
# tables only): it runs in every ./test.sh.
#   scripts/sanitize.sh [extra ctest args]      # the whole suite
#   SANITIZE_LABELS='unit|hostile' scripts/sanitize.sh   # only the tests with these ctest labels, and only the
#                                                        # targets they need are built (what ./test.sh runs)
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${ASAN_BUILD_DIR:-$REPO_ROOT/build-asan}"
"$REPO_ROOT/scripts/configure-sanitizers.sh" "$BUILD_DIR"
start=$SECONDS
labels=()
targets=()
if [[ -n "${SANITIZE_LABELS:-}" ]]; then
    labels=(-L "$SANITIZE_LABELS")
    # Test names are target names (inspector_add_test); ctest knows them right after configuring.
    mapfile -t targets < <(cd "$BUILD_DIR" && ctest -N "${labels[@]}" | sed -n 's/^ *Test *#[0-9]*: *//p')
    [[ ${#targets[@]} -gt 0 ]] || { echo "[sanitize] no test has the labels $SANITIZE_LABELS" >&2; exit 1; }
    echo "[sanitize] ${#targets[@]} tests with the labels $SANITIZE_LABELS"
    targets=(--target "${targets[@]}")
fi
cmake --build "$BUILD_DIR" --parallel "$(nproc)" "${targets[@]}"
echo "[sanitize] build: $((SECONDS - start)) s"
# Leaks are checked too; suppressions cover only leaks inside system libraries (fontconfig, ...).
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=0}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$REPO_ROOT/scripts/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export QT_QPA_PLATFORM=offscreen
start=$SECONDS
cd "$BUILD_DIR"
status=0
ctest --output-on-failure --parallel "$(nproc)" "${labels[@]}" "$@" || status=$?
echo "[sanitize] tests: $((SECONDS - start)) s"
exit $status
