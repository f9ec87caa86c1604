#!/usr/bin/env bash
# Fails when a C++ file of ours is not formatted as the repo's .clang-format says (fix: clang-format -i FILE).
# With --fix, formats them in place instead.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mapfile -t files < <(git ls-files -- '*.cpp' '*.h')
if [ ${#files[@]} -eq 0 ]; then
    exit 0
fi
if [ "${1:-}" = "--fix" ]; then
    clang-format -i --style=file "${files[@]}"
else
    clang-format --dry-run --Werror --style=file "${files[@]}"
fi
