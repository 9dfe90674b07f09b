#!/usr/bin/env bash
# CI's fuzzing smoke run: builds the `fuzz` preset (clang-14: the model and the fuzz targets,
# with ASan and UBSan) and gives each target about 30 s (EGRET_FUZZ_SECONDS), so that a
# regression is caught on the next submission. Exits 1 on a crash, a leak or a sanitizer
# report (see run.sh for where the input is saved).
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
exec tests/fuzz/run.sh --seconds "${EGRET_FUZZ_SECONDS:-30}" "$@"
