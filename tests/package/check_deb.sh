#!/usr/bin/env bash
# Builds the .deb from a build folder and checks it as a user would meet it:
#   check_deb.sh BUILD_DIR SOURCE_DIR VERSION
# - its files: the binary, the .desktop entry, the AppStream metadata, the icons;
# - its Depends: every library the binary loads comes from a package it depends on;
# - the .desktop and metainfo files pass desktop-file-validate and appstreamcli validate;
# - the egret it holds runs from the unpacked tree: --version, export, validate and graph.
set -euo pipefail
build=$1
source=$2
version=$3
app_id=io.github.egret.Egret

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
need() {
    command -v "$1" >/dev/null || fail "$1 is missing: apt-get install $2"
}
need dpkg-deb dpkg
need dpkg-shlibdeps dpkg-dev
need desktop-file-validate desktop-file-utils
need appstreamcli appstream

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Quietly, unless it fails.
cpack --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log" >&2; fail "cpack could not build the package"; }
deb=$(find "$work/out" -maxdepth 1 -name 'egret_*.deb' | head -n 1)
[ -n "$deb" ] || fail "cpack made no egret_*.deb"
echo "package: $(basename "$deb")"

# --- What it holds ------------------------------------------------------------------------
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$work/files"
expect_file() {
    grep -qx "$1" "$work/files" || fail "the package lacks $1"
}
expect_file /usr/bin/egret
expect_file /usr/share/applications/$app_id.desktop
expect_file /usr/share/metainfo/$app_id.metainfo.xml
expect_file /usr/share/icons/hicolor/scalable/apps/$app_id.svg
for size in 16 24 32 48 64 128 256 512; do
    expect_file /usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png
done

# --- What it depends on -------------------------------------------------------------------
[ "$(dpkg-deb -f "$deb" Package)" = egret ] || fail "the package is not named egret"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "the package version is not $version"
dpkg-deb -f "$deb" Description | grep -q ';' && fail "the Description holds a CMake list separator"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
dep_names=$(echo "$depends" | tr ',' '\n' | sed 's/^ *//; s/[ (].*//' | sort -u)
for wanted in qt6-qpa-plugins libgvc6; do
    echo "$dep_names" | grep -qx "$wanted" || fail "Depends lacks $wanted"
done

mkdir "$work/root"
dpkg-deb -x "$deb" "$work/root"
egret=$work/root/usr/bin/egret

# Every shared library the binary loads belongs to a package named in Depends.
ldd "$egret" >"$work/ldd"
! grep -q 'not found' "$work/ldd" || { cat "$work/ldd" >&2; fail "unresolved libraries"; }
for lib in $(awk '/=> \// {print $3}' "$work/ldd"); do
    owner=$(dpkg -S "$(readlink -f "$lib")" 2>/dev/null || dpkg -S "$lib" 2>/dev/null || true)
    owner=${owner%%:*}
    [ -n "$owner" ] || fail "no Debian package owns $lib"
    echo "$dep_names" | grep -qx "$owner" || {
        # A library pulled in by another one (libicu by Qt, say) is that package's dependency.
        direct=$(objdump -p "$egret" | awk '/NEEDED/ {print $2}')
        if echo "$direct" | grep -qx "$(basename "$lib")"; then
            fail "$(basename "$lib") ($owner) is linked but not in Depends"
        fi
    }
done

# --- Desktop integration ------------------------------------------------------------------
desktop-file-validate "$work/root/usr/share/applications/$app_id.desktop"
appstreamcli validate --no-net "$work/root/usr/share/metainfo/$app_id.metainfo.xml" >"$work/as.log" ||
    { cat "$work/as.log" >&2; fail "appstreamcli validate"; }
grep -q "^Exec=egret " "$work/root/usr/share/applications/$app_id.desktop" ||
    fail "the .desktop entry does not start egret"

# --- The program it holds -----------------------------------------------------------------
# Run from the unpacked tree, as installed (no build folder on the way).
run() {
    (cd "$work" && env -u QT_PLUGIN_PATH "$egret" "$@")
}
[ "$(run --version)" = "egret $version" ] || fail "egret --version printed \"$(run --version)\""

example=$source/tests/data/foundation/mixed.yaml
run export "$example" >"$work/export.yaml" || fail "egret export $example failed"
head -n 1 "$work/export.yaml" | grep -q '^apiVersion: ' || fail "egret export wrote no manifest"

# validate: the bundled example is clean; a broken route is reported with its place and fails.
shop=$source/resources/examples/shop-egress.yaml
run validate "$shop" || fail "egret validate $shop found problems"
cat >"$work/broken.yaml" <<'YAML'
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: broken, namespace: default}
spec:
  hosts: [api.example.com]
  http:
  - route:
    - destination: {host: api.example.com, subset: missing}
YAML
if run validate "$work/broken.yaml" >"$work/validate.txt"; then
    fail "egret validate passed a route to a subset that does not exist"
fi
grep -q 'IST0101.*broken.yaml:8:' "$work/validate.txt" ||
    { cat "$work/validate.txt" >&2; fail "egret validate did not name IST0101 at broken.yaml:8"; }

# graph: Graphviz's layout plugins load from the installed binary (its RUNPATH), headless.
run graph "$shop" -o "$work/flows.svg" || fail "egret graph $shop failed"
grep -q '<svg' "$work/flows.svg" || fail "egret graph wrote no SVG"
grep -q 'istio-egressgateway' "$work/flows.svg" || fail "the drawn graph lacks the egress gateway"

echo "package_deb: all checks passed"
