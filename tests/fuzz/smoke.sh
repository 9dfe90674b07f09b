#!/usr/bin/env bash
# CI's fuzzing smoke run: about 30 s per target, so that a regression is caught on the next
# submission. Build first: cmake --preset fuzz && cmake --build --preset fuzz
exec "$(dirname "$0")/run.sh" --seconds "${EGRET_FUZZ_SECONDS:-30}" "$@"
