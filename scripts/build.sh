#!/usr/bin/env bash
# Configures and builds into build/ (the directory the README's commands use). Warnings are errors.
#   scripts/build.sh [extra cmake --build args]
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$REPO_ROOT/build}"
generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
if [[ ! -f "$BUILD_DIR/CMakeCache.txt" ]]; then
    cmake -S "$REPO_ROOT" -B "$BUILD_DIR" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DINSPECTOR_WERROR=ON
fi
cmake --build "$BUILD_DIR" --parallel "$(nproc)" "$@"
