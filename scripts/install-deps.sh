#!/usr/bin/env bash
# Installs everything the build, the tests and the dev server need, on Debian 12, as root (or via sudo).
# Idempotent: each thing is installed only when missing, so a second run takes seconds.
#   scripts/install-deps.sh            # everything
#   SKIP_APT=1 scripts/install-deps.sh # skip the Debian packages (e.g. on a prepared machine)
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=versions.env
source "$REPO_ROOT/scripts/versions.env"

log() { printf '[install-deps] %s\n' "$*"; }
die() { printf '[install-deps] ERROR: %s\n' "$*" >&2; exit 1; }

SUDO=""
if [[ $EUID -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || die "run as root or install sudo"
    SUDO="sudo"
fi

# ---------------------------------------------------------------------------------------------------------------
# 1. Debian packages. "pkg" is checked with dpkg; "pkg:cmd" also counts as present when cmd is on PATH
#    (node/npm may come from NodeSource, where Debian's npm package would conflict).
# ---------------------------------------------------------------------------------------------------------------
APT_PACKAGES=(
    build-essential cmake:cmake ninja-build:ninja
    qt6-base-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6 qt6-charts-dev
    libprotobuf-dev protobuf-compiler:protoc qtkeychain-qt6-dev
    # YAML scenario files (core/scenario/scenarioyamlreader).
    libyaml-cpp-dev
    xvfb:Xvfb xauth:xauth clang-format:clang-format imagemagick fonts-noto-cjk libgl1-mesa-dev
    nodejs:node npm:npm golang-go:go ccache:ccache openssl:openssl curl:curl xdotool:xdotool
    # Packaging (scripts/check-package.sh, scripts/render-icons.sh): dpkg-shlibdeps, desktop-file-validate,
    # rsvg-convert.
    dpkg-dev:dpkg-shlibdeps desktop-file-utils:desktop-file-validate librsvg2-bin:rsvg-convert
    # clang: the libFuzzer targets (scripts/fuzz.sh); redis-server: Centrifugo's Redis engine in tst_faults_live.
    clang:clang++ redis-server:redis-server
)

dpkg_installed() {
    [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]
}

install_apt_packages() {
    if [[ "${SKIP_APT:-0}" == "1" ]]; then
        log "SKIP_APT=1: not checking Debian packages"
        return
    fi
    command -v dpkg-query >/dev/null 2>&1 || die "dpkg-query not found: this script targets Debian 12"
    local missing=() entry pkg cmd
    for entry in "${APT_PACKAGES[@]}"; do
        pkg="${entry%%:*}"
        cmd=""
        [[ "$entry" == *:* ]] && cmd="${entry#*:}"
        if [[ -n "$cmd" ]] && command -v "$cmd" >/dev/null 2>&1; then
            continue
        fi
        dpkg_installed "$pkg" || missing+=("$pkg")
    done
    if [[ ${#missing[@]} -eq 0 ]]; then
        log "Debian packages: all present"
        return
    fi
    log "Debian packages to install: ${missing[*]}"
    log "running apt-get update"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
    log "running apt-get install ${missing[*]}"
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
}

# ---------------------------------------------------------------------------------------------------------------
# 2. Go toolchain. Go >= 1.21 downloads the toolchain a module asks for (GOTOOLCHAIN=auto). Debian 12's Go 1.19
#    predates that, so then the pinned toolchain is fetched from the module proxy (module golang.org/toolchain,
#    the same artifact GOTOOLCHAIN=auto would use) and run from the module cache.
# ---------------------------------------------------------------------------------------------------------------
GO=""

go_minor() { # prints the minor version of "go1.X[.Y]" of the given go binary
    "$1" env GOVERSION 2>/dev/null | sed -n 's/^go1\.\([0-9]*\).*/\1/p'
}

select_go() {
    local system_go
    system_go="$(command -v go || true)"
    [[ -n "$system_go" ]] || die "no 'go' on PATH after installing golang-go"
    local minor
    minor="$(go_minor "$system_go")"
    if [[ -z "$minor" ]]; then
        # Go < 1.16 has no GOVERSION in `go env`; treat it as too old.
        minor=0
    fi
    if ((minor >= 21)); then
        GO="$system_go"
        log "Go: $("$GO" version) (fetches newer toolchains itself with GOTOOLCHAIN=auto)"
        return
    fi
    log "Go: $("$system_go" version) is older than 1.21 and ignores GOTOOLCHAIN"
    local arch
    case "$(uname -m)" in
        x86_64) arch=amd64 ;;
        aarch64) arch=arm64 ;;
        *) die "unsupported architecture $(uname -m) for the Go toolchain bootstrap" ;;
    esac
    local module="golang.org/toolchain@v0.0.1-${GO_TOOLCHAIN}.linux-${arch}"
    local dir
    dir="$("$system_go" env GOMODCACHE)/golang.org/toolchain@v0.0.1-${GO_TOOLCHAIN}.linux-${arch}"
    if [[ ! -x "$dir/bin/go" ]]; then
        log "fetching Go toolchain $module from the module proxy"
        (cd /tmp && GO111MODULE=on "$system_go" mod download "$module")
        # Module zips carry no file modes: make the toolchain's programs executable, as the go command does.
        chmod -R u+w "$dir"
        find "$dir/bin" "$dir/pkg/tool" -type f -exec chmod +x {} +
        chmod -R a-w "$dir"
    fi
    GO="$dir/bin/go"
    log "Go: using bootstrapped $("$GO" version)"
}

# ---------------------------------------------------------------------------------------------------------------
# 3. Centrifugo via `go install`, with the release version stamped in so `centrifugo version` reports it.
# ---------------------------------------------------------------------------------------------------------------
CENTRIFUGO_BIN=""

centrifugo_is_pinned() { # $1 = binary; true when both the module version and the reported version match
    local bin="$1"
    [[ -x "$bin" ]] || return 1
    "$GO" version -m "$bin" 2>/dev/null | grep -Eq "^[[:space:]]+mod[[:space:]]+${CENTRIFUGO_MODULE}[[:space:]]+${CENTRIFUGO_VERSION}([[:space:]]|$)" ||
        return 1
    "$bin" version 2>/dev/null | grep -q "Centrifugo ${CENTRIFUGO_VERSION} "
}

install_centrifugo() {
    local gobin
    gobin="$("$GO" env GOBIN)"
    [[ -n "$gobin" ]] || gobin="$("$GO" env GOPATH | cut -d: -f1)/bin"
    CENTRIFUGO_BIN="$gobin/centrifugo"
    if centrifugo_is_pinned "$CENTRIFUGO_BIN"; then
        log "Centrifugo: $("$CENTRIFUGO_BIN" version) already at $CENTRIFUGO_BIN"
        return
    fi
    log "Centrifugo: installing ${CENTRIFUGO_MODULE}@${CENTRIFUGO_VERSION} into $gobin (takes a few minutes the first time)"
    (cd /tmp && GOTOOLCHAIN=auto GOBIN="$gobin" CGO_ENABLED=0 "$GO" install \
        -ldflags "-X ${CENTRIFUGO_MODULE}/internal/build.Version=${CENTRIFUGO_VERSION#v}" \
        "${CENTRIFUGO_MODULE}@${CENTRIFUGO_VERSION}")
    centrifugo_is_pinned "$CENTRIFUGO_BIN" || die "installed $CENTRIFUGO_BIN but it does not report ${CENTRIFUGO_VERSION}"
    log "Centrifugo: $("$CENTRIFUGO_BIN" version)"
}

# ---------------------------------------------------------------------------------------------------------------
# 4. Node packages (tests/node, bench/node): `npm ci` when node_modules is missing or
#    older than the lock file.
# ---------------------------------------------------------------------------------------------------------------
install_node_modules() {
    local rel dir marker
    # Every folder with a package-lock.json: the reference clients, the Protobuf SDK scripts, the benchmarks.
    for rel in tests/node bench/node; do
        dir="$REPO_ROOT/$rel"
        [[ -f "$dir/package-lock.json" ]] || continue
        marker="$dir/node_modules/.package-lock.json"
        if [[ -f "$marker" && ! "$dir/package-lock.json" -nt "$marker" && ! "$dir/package.json" -nt "$marker" ]]; then
            log "Node packages: $rel/node_modules up to date"
            continue
        fi
        log "Node packages: running npm ci in $rel"
        (cd "$dir" && npm ci --no-audit --no-fund)
    done
}

install_apt_packages
select_go
install_centrifugo
install_node_modules

log "done"
case ":$PATH:" in
    *":$(dirname "$CENTRIFUGO_BIN"):"*) ;;
    *) log "note: $(dirname "$CENTRIFUGO_BIN") is not on PATH; the tests find the binary through CENTRIFUGO_BIN or CMake" ;;
esac
echo "CENTRIFUGO_BIN=$CENTRIFUGO_BIN"
