#!/usr/bin/env bash
# Builds the whole test suite with AddressSanitizer + UndefinedBehaviorSanitizer into build-asan/ and runs it.
# Any sanitizer report fails the test that triggered it (UBSan does not recover), so a green run means none.
# Lean on purpose (the same compiler as build/, -O1, no debug info, ccache): it runs in every ./test.sh.
#   scripts/sanitize.sh [extra ctest args]      # the whole suite
#   SANITIZE_LABELS='unit|hostile' scripts/sanitize.sh   # only the tests with these ctest labels, and only the
#                                                        # targets they need are built (what ./test.sh runs)
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${ASAN_BUILD_DIR:-$REPO_ROOT/build-asan}"
generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -O1 -g0"
# Warnings are not errors here: -O1 with sanitizers makes GCC warn about code that is fine at -O2 (build/ keeps
# -Werror).
cmake -S "$REPO_ROOT" -B "$BUILD_DIR" "${generator[@]}" -DCMAKE_BUILD_TYPE=None -DINSPECTOR_WERROR=OFF \
    -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
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
