#!/usr/bin/env bash
# Exports every manifest Egret considers schema-valid (the corpus in ../shared when present, and
# the project's own examples and test data) and checks each exported document against the published
# schemas with @kubernetes-models/istio (Istio's kinds) and @kubernetes-models/gateway-api (the
# Gateway API's kinds).
#
#   run-schema-check.sh EGRET_BINARY SHARED_DIR SOURCE_DIR
set -euo pipefail
egret=$1
shared=$2
source=$3
here=$(cd "$(dirname "$0")" && pwd)

for package in istio gateway-api; do
    if [ ! -d "$here/node_modules/@kubernetes-models/$package" ]; then
        echo "error: the schema checker is not installed; run: npm ci --prefix $here" >&2
        exit 1
    fi
done

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

inputs=()
while IFS= read -r -d '' f; do inputs+=("$f"); done < <(
    { [ -d "$shared/corpus" ] && find "$shared/corpus" -type f \( -name '*.yaml' -o -name '*.yml' \) -print0
      find "$source/resources/examples" "$source/tests/data" -type f \( -name '*.yaml' -o -name '*.yml' \) -print0
    } 2>/dev/null)
[ -d "$shared/corpus" ] || echo "note: Istio corpus not found at $shared/corpus; checking the project's own files only"

exported=0
refused=0
i=0
for f in "${inputs[@]}"; do
    i=$((i + 1))
    if "$egret" export "$f" -o "$out/$i.yaml" 2>/dev/null; then
        exported=$((exported + 1))
    else
        refused=$((refused + 1))
    fi
done
echo "exported $exported files; $refused refused by egret export (they fail the schema on input)"
[ "$exported" -gt 0 ] || { echo "error: nothing exported" >&2; exit 1; }
node "$here/check-schema.mjs" "$out"/*.yaml
