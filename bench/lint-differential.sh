#!/usr/bin/env bash
# The linter's long differential run: how often `centrifugo-inspector-cli --lint` predicts what a real Centrifugo
# v6.9.1 does with a frame, over many seeded cases (tests/node/lint-cases.js), one fresh connection per case.
#
#   bench/lint-differential.sh [--cases N] [--seed S]      (defaults: 10000 cases, seed 20261202)
#
# Builds tst_lint_differential_live and the CLI in $BUILD_DIR (default build), which starts its own Centrifugo on a
# free loopback port with tests/config/centrifugo-lint-differential.json. Prints the agreement and the
# disagreements by class; writes the full report (every disagreement) to bench/results/lint-differential-<time>.json.
# Never part of ctest.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$REPO/build}"
CASES=10000
SEED=20261202
while [ $# -gt 0 ]; do
    case "$1" in
        --cases) CASES="$2"; shift 2 ;;
        --seed) SEED="$2"; shift 2 ;;
        *) echo "usage: $0 [--cases N] [--seed S]" >&2; exit 2 ;;
    esac
done

if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    cmake -S "$REPO" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$BUILD_DIR" --parallel 2 --target tst_lint_differential_live centrifugo-inspector-cli >/dev/null

mkdir -p "$REPO/bench/results"
REPORT="$REPO/bench/results/lint-differential-$(date -u +%Y%m%dT%H%M%SZ).json"
export QT_QPA_PLATFORM=offscreen INSPECTOR_SOURCE_DIR="$REPO"
export LINT_DIFFERENTIAL_CASES="$CASES" LINT_DIFFERENTIAL_SEED="$SEED" LINT_DIFFERENTIAL_REPORT="$REPORT"
status=0
"$BUILD_DIR/tests/core/tst_lint_differential_live" agreement 2>&1 | grep -E "lint differential|disagreement|FAIL" || true
[ -f "$REPORT" ] || { echo "no report written" >&2; exit 1; }
node -e '
const r = require(process.argv[1]);
console.log(`agreement ${r.agreement.toFixed(3)} % (${r.agreed} of ${r.cases} cases, seed ${r.seed})`);
const classes = Object.entries(r.disagreements_by_class).sort((a, b) => b[1] - a[1]);
console.log(classes.length ? "disagreements by class:" : "no disagreements");
for (const [k, n] of classes) console.log(`  ${String(n).padStart(5)}  ${k}`);
console.log(`report: ${process.argv[1]}`);
' "$REPORT" || status=$?
exit $status
