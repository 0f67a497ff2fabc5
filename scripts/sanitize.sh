#!/usr/bin/env bash
# make sanitize: builds twilint with AddressSanitizer (LeakSanitizer included)
# and with ThreadSanitizer, each in its own scratch path, and fails on any
# sanitizer report from
#   - a scan of fixtures/ and a generated 2,000-file tree with --jobs 2 (both builds);
#   - the leak check of the CLI (ASan): explain-file, --staged, usage errors,
#     rules/explain and an editor buffer on standard input.
# UndefinedBehaviorSanitizer is left out: swiftc rejects -sanitize=undefined on
# Linux (Swift traps on overflow and out-of-bounds access by itself), and the only
# C code, PCRE2, is the system's library, which is not compiled here.
#
#   scripts/sanitize.sh [asan|tsan]...   (default: both)
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
TREE=.build-sanitize/tree
LOGS=.build-sanitize/logs
mkdir -p "$LOGS"
failed=0

# Stop at the first report, exit 66 on it, and keep the Swift backtracer (which
# reads its own stack in ways ASan reports) out of the way.
export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:exitcode=66:abort_on_error=0
export LSAN_OPTIONS=exitcode=66
export TSAN_OPTIONS=halt_on_error=1:exitcode=66
export SWIFT_BACKTRACE=enable=no

# run NAME BINARY ARGS...: runs twilint, keeps its standard error in $LOGS/NAME.log
# and fails when a sanitizer spoke (exit 66, or its banner on standard error).
run() {
  local name=$1; shift
  local status=0
  "$@" > "$LOGS/$name.out" 2> "$LOGS/$name.log" < "${STDIN:-/dev/null}" || status=$?
  if [ "$status" -eq 66 ] || grep -qE '^(==[0-9]+==ERROR|WARNING: ThreadSanitizer|SUMMARY: [A-Za-z]+Sanitizer)' "$LOGS/$name.log"; then
    echo "sanitize: $name: sanitizer report (exit $status):" >&2
    sed -n '1,60p' "$LOGS/$name.log" >&2
    failed=1
  else
    echo "sanitize: $name: clean (exit $status)"
  fi
}

scan() {
  local build=$1 binary=$2
  run "$build-scan" "$binary" --jobs 2 --quiet fixtures "$TREE"
}

asan() {
  $SWIFT build --scratch-path .build-asan -Xswiftc -sanitize=address
  local bin=.build-asan/debug/twilint
  scan asan "$bin"
  run asan-explain-file-py "$bin" explain-file fixtures/webhooks/python/flask_vulnerable/app.py
  run asan-explain-file-js "$bin" explain-file fixtures/sending/express_app/server.js
  run asan-explain-file-env "$bin" explain-file fixtures/secrets/config/.env
  run asan-usage-jobs "$bin" --jobs 0 fixtures
  run asan-usage-option "$bin" --no-such-option
  run asan-usage-format "$bin" --format nope fixtures
  run asan-missing-path "$bin" no/such/path
  run asan-rules "$bin" rules
  run asan-explain "$bin" explain TW002
  STDIN=fixtures/secrets/python/settings.py run asan-stdin "$bin" --stdin-filename settings.py -
  staged "$bin"
}

# --staged in a throwaway repository with one staged file holding a secret.
staged() {
  local repo
  repo=$(mktemp -d)
  git -C "$repo" init -q
  cp fixtures/secrets/python/settings.py "$repo/"
  git -C "$repo" add settings.py
  (cd "$repo" && run asan-staged "$OLDPWD/$1" --staged)
  rm -rf "$repo"
}

tsan() {
  $SWIFT build --scratch-path .build-tsan -Xswiftc -sanitize=thread
  scan tsan .build-tsan/debug/twilint
}

python3 scripts/make-tree.py "$TREE" 2000
if [ $# -gt 0 ]; then builds=("$@"); else builds=(asan tsan); fi
for build in "${builds[@]}"; do
  case $build in asan | tsan) "$build" ;; *) echo "sanitize: no build '$build' (asan, tsan)" >&2; exit 2 ;; esac
done
[ "$failed" -eq 0 ] || { echo "sanitize: FAILED (logs in $LOGS)" >&2; exit 1; }
echo "sanitize: no sanitizer reports"
