#!/usr/bin/env bash
# Runs the libFuzzer targets built by the `fuzz` preset, one after the other.
#
#   tests/fuzz/run.sh [--seconds N | --runs N] [--max-len BYTES] [--jobs N] [--build DIR] [TARGET...]
#
# TARGET is a name from tests/fuzz/checks/Targets.cpp (load_stream, rewrite_document, ...);
# all of them by default. --seconds gives each target that long (default 30, the CI smoke
# budget); --runs stops each after that many executions instead. --max-len caps the size of
# the inputs libFuzzer makes (default 2048; smaller runs faster). --jobs runs N fuzzing processes
# on one target at once, sharing its corpus (libFuzzer's -jobs/-workers); --runs is then per job. The corpus of each target lives
# in the build folder (BUILD/fuzz-corpus/TARGET) and grows across runs; it starts from the
# project's test data, the inputs of past crashes and, when present, Istio's corpus in
# ../shared/corpus. Nothing is written to the source tree.
#
# Exits 1 when a target crashes, leaks or trips a sanitizer: the input is saved under
# BUILD/fuzz-artifacts/TARGET/; minimize it (see README "Fuzzing") and add it to
# tests/data/fuzz-regressions/TARGET/ with the fix.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
build="$source_dir/build-fuzz"
seconds=30
runs=""
max_len=2048
jobs=1
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --max-len) max_len=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --build) build=$(cd "$2" && pwd); shift 2 ;;
    -h | --help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
    esac
done
if [ ${#targets[@]} -eq 0 ]; then
    # Every target the build has.
    for bin in "$build"/tests/fuzz/fuzz_*; do
        [ -x "$bin" ] && targets+=("$(basename "$bin" | sed 's/^fuzz_//')")
    done
fi
if [ ${#targets[@]} -eq 0 ]; then
    echo "run.sh: no fuzz targets in $build/tests/fuzz;" \
        "build them first: cmake --preset fuzz && cmake --build --preset fuzz" >&2
    exit 2
fi

shared=${EGRET_SHARED_DIR:-$source_dir/../shared}
# Speed over detail while fuzzing (no allocation stacks, a small quarantine); a crash is
# reproduced afterwards with the defaults, which report everything.
export ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=0:quarantine_size_mb=8:max_malloc_fill_size=0:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

status=0
for target in "${targets[@]}"; do
    bin="$build/tests/fuzz/fuzz_$target"
    [ -x "$bin" ] || { echo "run.sh: no such target: $bin" >&2; exit 2; }
    seeds="$build/fuzz-seeds/$target"
    corpus="$build/fuzz-corpus/$target"
    artifacts="$build/fuzz-artifacts/$target"
    rm -rf "$seeds"
    mkdir -p "$seeds" "$corpus" "$artifacts"
    # Seeds are copied, never linked: libFuzzer only reads them, but a copy keeps it that way.
    n=0
    while IFS= read -r -d '' f; do
        cp "$f" "$seeds/seed-$n-$(basename "$f")"
        n=$((n + 1))
    done < <(find "$source_dir/tests/data" -type f -print0; \
             [ -d "$shared/corpus" ] && find "$shared/corpus" -type f \( -name '*.yaml' -o -name '*.yml' \) -print0)

    limit=(-max_total_time="$seconds")
    [ -n "$runs" ] && limit=(-runs="$runs")
    echo "== fuzz_$target: ${runs:-$seconds s}${runs:+ runs}, max_len $max_len, $n seeds," \
        "corpus $corpus"
    log="$artifacts/last-run.log"
    parallel=()
    if [ "$jobs" -gt 1 ]; then
        # Each job logs to fuzz-<job>.log in the working directory (the artifacts folder);
        # libFuzzer copies those logs into its own output when the jobs end.
        parallel=(-jobs="$jobs" -workers="$jobs")
        rm -f "$artifacts"/fuzz-*.log
    fi
    if (cd "$artifacts" && "$bin" -max_len="$max_len" -timeout=20 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" "${limit[@]}" "${parallel[@]}" \
        "$corpus" "$seeds") >"$log" 2>&1; then
        grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|^Done ' "$log" || true
    else
        status=1
        echo "!! fuzz_$target failed; the end of $log:" >&2
        tail -n 60 "$log" >&2
        echo "!! reproduce: $bin $artifacts/<crash-file>" >&2
    fi
done
exit $status
