#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine for Egret, builds it, and runs it or its tests.
#
#   ./dev.sh run       install dependencies, build, open the editor on the bundled example
#   ./dev.sh test      install dependencies, build, run the whole test suite
#   ./dev.sh build     install dependencies and build only
#   ./dev.sh sanitize  the whole test suite again, built with ASan and UBSan (build-asan-ubsan/)
#   ./dev.sh fuzz      every libFuzzer target for a short smoke run (clang-14, build-fuzz/)
#
# Environment: BUILD_DIR (default: build), JOBS (default: all cores), SKIP_DEPS=1 to skip apt/npm,
# EGRET_FUZZ_SECONDS (default 30) per fuzz target.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=${BUILD_DIR:-$here/build}
jobs=${JOBS:-$(nproc)}

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-svg-dev libgl-dev
    libyaml-cpp-dev libdtl-dev libgraphviz-dev graphviz libmimalloc-dev
    nodejs npm kubernetes-client
    desktop-file-utils appstream dpkg-dev file
)
# The sanitizer and fuzzing builds use clang 14 and its runtime (libFuzzer, ASan, UBSan).
clang_packages=(clang-14 libclang-rt-14-dev)

# ccache, when present, serves every build folder and every clone of the project alike.
if command -v ccache >/dev/null; then
    export CMAKE_CXX_COMPILER_LAUNCHER=ccache CCACHE_BASEDIR=$here CCACHE_NOHASHDIR=true
fi

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_deps() {
    [ "${SKIP_DEPS:-0}" = 1 ] && return
    local missing=()
    for p in "${packages[@]}" "$@"; do
        # A machine may have Node.js from elsewhere (nodesource): do not fight it.
        if [ "$p" = nodejs ] || [ "$p" = npm ]; then command -v "$p" >/dev/null && continue; fi
        # kubectl (Go's YAML reader, for tst_yaml_vs_kubectl) may come from Kubernetes' own apt.
        if [ "$p" = kubernetes-client ]; then command -v kubectl >/dev/null && continue; fi
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "==> installing: ${missing[*]}"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
    # Every package of the lock file, so that a checkout that gained one installs it.
    local package
    for package in istio gateway-api; do
        if [ ! -d "$here/tests/schema/node_modules/@kubernetes-models/$package" ]; then
            echo "==> installing the schema checker (npm ci)"
            npm ci --prefix "$here/tests/schema" --no-audit --no-fund --loglevel=error
            break
        fi
    done
}

build() {
    echo "==> building in $build"
    cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "$build" -j "$jobs"
}

case "${1:-}" in
run)
    install_deps
    build
    exec "$build/app/egret" "$here/resources/examples/shop-egress.yaml"
    ;;
test)
    install_deps
    build
    echo "==> running the tests"
    cd "$build"
    ctest --output-on-failure -j "$jobs"
    ;;
build)
    install_deps
    build
    ;;
sanitize)
    install_deps "${clang_packages[@]}"
    echo "==> the test suite under ASan and UBSan (build-asan-ubsan)"
    exec "$here/tests/sanitizers/asan-ubsan.sh"
    ;;
fuzz)
    install_deps "${clang_packages[@]}"
    echo "==> fuzzing smoke run (build-fuzz), ${EGRET_FUZZ_SECONDS:-30} s per target"
    exec "$here/tests/fuzz/smoke.sh"
    ;;
*)
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
