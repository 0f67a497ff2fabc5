#!/usr/bin/env bash
# Run twilint on every checkout of repos.tsv and collect the findings.
#
#   bench/real-code/run.sh [--set NAME] DIR [TWILINT-BINARY] [OUT.tsv]
#
# --set NAME (or REALCODE_SET=NAME) runs the set of bench/real-code/NAME/
# (its repos.tsv) and makes OUT default to bench/out/real-code-NAME-findings.tsv;
# without it, the first set (repos.tsv of this folder) as before.
# DIR holds the checkouts made by checkout.sh (DIR/owner+name). The binary
# defaults to .build/release/twilint of this worktree; OUT defaults to
# bench/out/real-code-findings.tsv. Each repository is scanned from its own
# root (so paths are relative to the repository) with
#   twilint check --format json --no-config --select TW001,…,TW010 --fail-on never .
# --no-config ignores any .twilint.yml the repository carries; .gitignore
# files are honoured as for any user. The output is a TSV with a header:
#   repo  path  line  rule  message  snippet
# (snippet: the source line as twilint reports it, secrets redacted; score.py
# uses it to follow a finding whose line moved).
set -euo pipefail

. "$(dirname "$0")/set.sh"
root=$(cd "$here/../.." && pwd)
dir=${1:?usage: run.sh DIR [twilint-binary] [out.tsv]}
bin=${2:-$root/.build/release/twilint}
out=${3:-$root/bench/out/real-code${set_name:+-$set_name}-findings.tsv}
[ -x "$bin" ] || { echo "no twilint binary at $bin (swift build -c release)" >&2; exit 2; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
mkdir -p "$(dirname "$out")"
rules=TW001,TW002,TW003,TW004,TW005,TW006,TW007,TW008,TW009,TW010
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0
tail -n +2 "$setdir/repos.tsv" | while IFS=$'\t' read -r repo _rest; do
  [ -n "$repo" ] || continue
  co="$dir/${repo/\//+}"
  [ -d "$co" ] || { echo "missing checkout $co (run checkout.sh first)" >&2; exit 2; }
  rc=0
  (cd "$co" && "$bin" check --format json --no-config --select "$rules" --fail-on never .) \
    > "$tmp/${repo/\//+}.json" 2> "$tmp/${repo/\//+}.err" || rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "twilint exited $rc on $repo:" >&2; cat "$tmp/${repo/\//+}.err" >&2
  fi
  printf '%s\t%s\n' "$repo" "$tmp/${repo/\//+}.json" >> "$tmp/index"
done

python3 - "$tmp/index" "$out" <<'PY'
import json, sys
index, out = sys.argv[1], sys.argv[2]
rows = []
for line in open(index):
    repo, path = line.rstrip("\n").split("\t")
    doc = json.load(open(path))
    for f in doc.get("findings", []):
        p = f["path"][2:] if f["path"].startswith("./") else f["path"]
        clean = lambda s: " ".join(str(s).split())
        rows.append((repo, p, int(f["line"]), f["rule"], clean(f["message"]), clean(f.get("snippet", ""))))
rows.sort(key=lambda r: (r[0].lower(), r[1], r[2], r[3]))
with open(out, "w") as fh:
    fh.write("repo\tpath\tline\trule\tmessage\tsnippet\n")
    for r in rows:
        fh.write("\t".join(map(str, r)) + "\n")
print(f"{len(rows)} findings in {len(open(index).readlines())} repositories -> {out}")
PY
