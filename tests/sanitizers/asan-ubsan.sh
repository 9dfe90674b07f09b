#!/usr/bin/env bash
# The whole test suite built and run under AddressSanitizer and UndefinedBehaviorSanitizer
# (the asan-ubsan preset, in build-asan-ubsan/). Any report fails the test that made it;
# leaks are reported at each test's exit (third-party exceptions: lsan.supp).
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake --preset asan-ubsan >/dev/null
cmake --build --preset asan-ubsan
ctest --preset asan-ubsan
