#!/usr/bin/env bash
# The hooks of .pre-commit-hooks.yaml through the real pre-commit framework, in
# one `pre-commit try-repo` run (language: swift builds twilint from this
# checkout with `swift build -c release`: minutes, so it is built only once).
#
# A throwaway project stages a clean file, and the run passes pre-commit five
# file names. Expected: the `twilint` hook fails on the planted SIDs in bad.py,
# bad.mts and .env.local (types_or reaches TypeScript module and dotenv files)
# and never mentions excluded/fake.py (the project's .twilint.yml excludes it,
# even though pre-commit names it); the `twilint-staged` hook passes, because
# git's index holds only the clean file; pre-commit exits non-zero: blocked.
#
# Skipped, saying so, only when pip cannot install pre-commit.
set -euo pipefail
checkout=$(cd "$(dirname "$0")/../.." && pwd)

if python3 -m pre_commit --version >/dev/null 2>&1; then
  :
elif ! python3 -m pip install --quiet pre-commit; then
  echo "precommit: SKIPPED: pip could not install pre-commit, so the hooks were not tested with it"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git_quiet() { git -c user.name=twilint-ci -c user.email=ci@twilint.invalid -c commit.gpgsign=false "$@"; }

# try-repo takes committed files only; a snapshot of the checkout (tracked and
# new files alike, minus what .gitignore ignores) tests the code as it is now.
mkdir "$work/twilint"
(cd "$checkout" && git ls-files -z --cached --others --exclude-standard \
  | while IFS= read -r -d '' file; do if [ -e "$file" ]; then printf '%s\0' "$file"; fi; done \
  | tar --null -T - -cf -) | tar -xf - -C "$work/twilint"
(cd "$work/twilint" && git_quiet init -q && git_quiet add -A && git_quiet commit -q -m snapshot)

project="$work/project"
mkdir -p "$project/excluded"
cd "$project"
git_quiet init -q
sid=AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e
printf 'import os\nsid = os.environ["TWILIO_ACCOUNT_SID"]\n' > clean.py
printf 'from twilio.rest import Client\nclient = Client("%s", os.environ["TWILIO_AUTH_TOKEN"])\n' "$sid" > bad.py
printf 'export const accountSid = "%s";\n' "$sid" > bad.mts
printf 'TWILIO_ACCOUNT_SID=%s\n' "$sid" > .env.local
printf 'sid = "%s"\n' "$sid" > excluded/fake.py
printf 'exclude: ["excluded/"]\n' > .twilint.yml
git_quiet add clean.py .twilint.yml

echo "precommit: pre-commit try-repo (builds twilint in release mode; this takes a few minutes)"
set +e
output=$(python3 -m pre_commit try-repo "$work/twilint" --verbose --color never \
  --files bad.py bad.mts .env.local excluded/fake.py clean.py 2>&1)
status=$?
set -e
echo "$output"

failures=()
[ "$status" -ne 0 ] || failures+=("pre-commit exited 0: the commit was not blocked")
grep -Eq '^twilint\.+Failed' <<<"$output" || failures+=("the twilint hook did not fail")
grep -Eq '^twilint \(staged files\)\.+Passed' <<<"$output" || failures+=("the twilint-staged hook did not pass on the clean index")
for file in bad.py bad.mts .env.local; do
  grep -q "^$file:[0-9]*:[0-9]*: error\[TW001" <<<"$output" || failures+=("no TW001 finding in $file")
done
! grep -q "excluded/fake.py:" <<<"$output" || failures+=("excluded/fake.py was scanned although .twilint.yml excludes it")

if [ ${#failures[@]} -gt 0 ]; then
  printf 'precommit: FAILED: %s\n' "${failures[@]}"
  exit 1
fi
echo "precommit: OK: the twilint hook blocks planted SIDs (.py, .mts, .env.local), honours exclude, and the staged hook passes a clean index"
