#!/usr/bin/env bash
# make fuzz: builds the libFuzzer targets of Fuzzing/ (ASan + libFuzzer, Linux)
# and runs each for FUZZ_SECONDS (default 600). The corpora live in
# .build-fuzz/corpus/TARGET and grow from run to run; the first run seeds them
# from fixtures/ (and rules/), never from a committed copy.
#
#   scripts/fuzz.sh [TARGET...]      targets: pipeline loaders (default: both)
#
# A crash or broken invariant stops the target and leaves the input in
# .build-fuzz/artifacts/TARGET/; minimise it, add it to Tests/fuzz-regressions/
# TARGET/ (make test replays that folder), and fix the cause:
#   .build-fuzz/release/fuzz-TARGET -minimize_crash=1 -runs=10000 CRASH_FILE
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
SECONDS_PER_TARGET=${FUZZ_SECONDS:-600}
if [ $# -gt 0 ]; then targets=("$@"); else targets=(pipeline loaders); fi

$SWIFT build --package-path Fuzzing --scratch-path .build-fuzz -c release -Xswiftc -sanitize=fuzzer,address 2>&1 \
  | grep -v "Cannot export local symbol" || true
[ -x .build-fuzz/release/fuzz-pipeline ] && [ -x .build-fuzz/release/fuzz-loaders ] || { echo "fuzz: the build failed" >&2; exit 2; }

# The Swift runtime's backtracer reads its own stack in ways ASan reports as errors.
export SWIFT_BACKTRACE=enable=no
failed=0
for target in "${targets[@]}"; do
  case $target in
    pipeline) seeds=fixtures ;;
    loaders) seeds=rules:fixtures ;;
    *) echo "fuzz: no target '$target' (pipeline, loaders)" >&2; exit 2 ;;
  esac
  corpus=.build-fuzz/corpus/$target artifacts=.build-fuzz/artifacts/$target log=.build-fuzz/fuzz-$target.log
  mkdir -p "$corpus" "$artifacts"
  echo "fuzz: $target for ${SECONDS_PER_TARGET}s (log: $log)"
  status=0
  TWILINT_FUZZ_SEEDS=$seeds .build-fuzz/release/fuzz-"$target" "$corpus" \
    -max_total_time="$SECONDS_PER_TARGET" -max_len=16384 -timeout=30 -rss_limit_mb=4096 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 > "$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  echo "fuzz: $target: ${runs:-?} runs, ${speed:-?} per second, $(find "$corpus" -type f | wc -l) inputs in the corpus, exit $status"
  if [ "$status" -ne 0 ]; then
    failed=1
    grep -E "Fatal error|==ERROR|SUMMARY|deadly signal|Test unit written" "$log" | head -20 >&2
  fi
done
[ "$failed" -eq 0 ] || { echo "fuzz: FAILED; the inputs are in .build-fuzz/artifacts/" >&2; exit 1; }
