#!/usr/bin/env bash
# Prints XCTest's overall result as one plain closing line ("tests: N passed,
# N failed, N skipped") and exits non-zero when a test failed, none ran, or the
# run did not finish (no "All tests" summary: a crash). `make test` pipes
# `swift test` through tee, which would otherwise hide its exit status.
set -euo pipefail
log=${1:?usage: test-summary.sh LOG}
summary=$(awk "/Test Suite 'All tests' (passed|failed)/ { getline; print; exit }" "$log")
if [ -z "$summary" ]; then
  echo "tests: the run did not finish (no 'All tests' summary in $log)" >&2
  exit 1
fi
count() { grep -oE "[0-9]+ $1" <<<"$summary" | grep -oE '^[0-9]+' || echo 0; }
executed=$(count 'tests?,')
failed=$(count 'failures?')
skipped=$(count 'tests? skipped')
echo "tests: $((executed - failed - skipped)) passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$executed" -gt 0 ]
