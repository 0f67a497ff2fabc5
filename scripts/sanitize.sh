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
LOGS=$PWD/.build-sanitize/logs
mkdir -p "$LOGS"
failed=0

# Stop at the first report, exit 66 on it, and keep the Swift backtracer (which
# reads its own stack in ways ASan reports) out of the way.
export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:exitcode=66:abort_on_error=0
export LSAN_OPTIONS=exitcode=66:print_suppressions=0:suppressions=$PWD/scripts/lsan.supp
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

# build SCRATCH SANITIZER [--build-tests]: a debug build of twilint (the linker's
# warnings about ASan's local symbols are noise).
build() {
  local scratch=$1 sanitizer=$2; shift 2
  $SWIFT build "$@" --scratch-path "$scratch" -Xswiftc -sanitize="$sanitizer" 2>&1 | { grep -v "Cannot export local symbol" || true; }
  [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "sanitize: the $sanitizer build failed" >&2; exit 2; }
}

scan() {
  local build=$1 binary=$2
  run "$build-scan" "$binary" --jobs 2 --quiet fixtures "$TREE"
}

asan() {
  build .build-asan address --build-tests
  local bin=.build-asan/debug/twilint
  scan asan "$bin"
  run asan-explain-file-py "$bin" explain-file fixtures/webhooks/python/flask_vulnerable/app.py
  run asan-explain-file-js "$bin" explain-file fixtures/sending/express_app/server.js
  run asan-explain-file-env "$bin" explain-file fixtures/secrets/config/.env
  run asan-explain-file-ts "$bin" explain-file fixtures/webhooks/typescript/nextjs/app/api/sms/route.ts
  run asan-explain-file-swift "$bin" explain-file fixtures/client-side/ios-app/NotifyApp/Views/CallView.swift
  run asan-explain-file-html "$bin" explain-file fixtures/client-side/static-site/index.html
  run asan-usage-jobs "$bin" --jobs 0 fixtures
  run asan-usage-option "$bin" --no-such-option
  run asan-usage-format "$bin" --format nope fixtures
  run asan-missing-path "$bin" no/such/path
  run asan-rules "$bin" rules
  run asan-explain "$bin" explain TW002
  STDIN=fixtures/secrets/python/settings.py run asan-stdin "$bin" --stdin-filename settings.py -
  staged "$bin"
  thread_scratch
}

# Match data in thread-specific storage must be freed when its thread ends. XCTest
# leaks a little of its own at exit, so only leaks of the matcher's memory count.
thread_scratch() {
  local log=$LOGS/asan-thread-scratch.log
  $SWIFT test --skip-build --scratch-path .build-asan --disable-swift-testing \
    --filter 'PCRE2MatcherTests.testThreadScratchIsFreedWhenItsThreadEnds|PCRE2MatcherTests.testThousandsOfMatchersWorkOnEveryThread' \
    > "$log" 2>&1 || true
  local leaks
  leaks=$(awk '/leak of/ { record = $0; next } record && /pcre2_|MatchScratch|8Matching12PCRE2Matcher/ { print record; record = "" }' "$log")
  if [ -n "$leaks" ] || ! grep -q "Executed 2 tests, with 0 failures" "$log"; then
    echo "sanitize: asan-thread-scratch: the matcher tests failed or leaked:" >&2
    { [ -n "$leaks" ] && echo "$leaks"; grep -E "error:|Executed" "$log"; } | head -20 >&2
    failed=1
  else
    echo "sanitize: asan-thread-scratch: clean"
  fi
}

# --staged in a throwaway repository: staged files holding secrets, one staged
# deletion, and a pathspec; then outside any repository (an error).
staged() {
  local bin=$PWD/$1 repo
  repo=$(mktemp -d)
  git -C "$repo" init -q
  cp fixtures/secrets/python/settings.py fixtures/secrets/config/.env "$repo/"
  git -C "$repo" add settings.py .env
  git -C "$repo" -c user.name=t -c user.email=t@example.com commit -qm one
  git -C "$repo" rm -q --cached .env
  # A made-up token, assembled here so that this script holds none.
  printf 'auth_token = "%s%s"\n' 9f2c4e6a8b0d1f3e 5a7c9b1d3f5e7a9d >> "$repo/settings.py"
  git -C "$repo" add settings.py
  # pushd, not a subshell: `run` records failures in this shell.
  pushd "$repo" > /dev/null
  run asan-staged "$bin" --staged
  run asan-staged-pathspec "$bin" --staged settings.py
  popd > /dev/null
  rm -rf "$repo"
  repo=$(mktemp -d)
  pushd "$repo" > /dev/null
  run asan-staged-no-repository "$bin" --staged
  popd > /dev/null
  rm -rf "$repo"
}

tsan() {
  build .build-tsan thread
  scan tsan .build-tsan/debug/twilint
}

python3 scripts/make-tree.py "$TREE" 2000
if [ $# -gt 0 ]; then builds=("$@"); else builds=(asan tsan); fi
for build in "${builds[@]}"; do
  case $build in asan | tsan) "$build" ;; *) echo "sanitize: no build '$build' (asan, tsan)" >&2; exit 2 ;; esac
done
[ "$failed" -eq 0 ] || { echo "sanitize: FAILED (logs in $LOGS)" >&2; exit 1; }
echo "sanitize: no sanitizer reports"
