#!/usr/bin/env bash
# run.sh — twilint's performance benchmark (issue 5). What each row means and
# how to read it: bench/README.md. `make bench` runs it after `make release`.
#
#   bench/run.sh [--peers] [--callgrind] [--quick] [--history-only]
#
#   --peers       also time semgrep (bench/semgrep-rules.yml, whole corpus),
#                 detect-secrets (one 10-20 MB folder of the corpus) and
#                 trufflehog 2 (git history rows)
#   --callgrind   also count instructions (valgrind callgrind, --jobs 1; slow)
#   --quick       smoke test: few runs, small inputs, a 2,000-commit history
#                 (figures are not comparable with the targets)
#   --history-only  only the git history rows (8.), written to
#                 bench/RESULTS-history.md instead of RESULTS.md
#
# Environment:
#   TWILINT=PATH        binary to measure (default .build/release/twilint)
#   BENCH_CORPUS=DIR    measure this folder instead of building .bench-corpus
#   BENCH_DS_SUBSET=DIR the detect-secrets subset, relative to the corpus
#                       (default swift/apple__swift-protobuf, 11.7 MB)
#
# Timings go to bench/out/<name>.json (hyperfine --export-json), the table to
# standard output and to bench/RESULTS.md (generated: never edit its figures).
# Timings only mean something on a quiet machine.
set -euo pipefail

usage() { sed -n '2,24p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

PEERS=0 CALLGRIND=0 QUICK=0 HISTORY_ONLY=0
while (($#)); do
  case $1 in
    --peers) PEERS=1 ;;
    --callgrind) CALLGRIND=1 ;;
    --quick) QUICK=1 ;;
    --history-only) HISTORY_ONLY=1 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "run.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

die() { echo "run.sh: ERROR: $*" >&2; exit 1; }
say() { printf '\n== %s\n' "$*" >&2; }

# Overrides may be relative to the caller's folder: resolve them before cd.
if [[ -n ${TWILINT:-} ]]; then TWILINT=$(realpath -m -- "$TWILINT"); fi
if [[ -n ${BENCH_CORPUS:-} ]]; then BENCH_CORPUS=$(realpath -m -- "$BENCH_CORPUS"); fi

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
cd "$ROOT"
OUT=bench/out
TWILINT=${TWILINT:-$ROOT/.build/release/twilint}
CORPUS=${BENCH_CORPUS:-$ROOT/.bench-corpus}
DS_SUBSET=${BENCH_DS_SUBSET:-swift/apple__swift-protobuf}
SID_RE='\b(AC|SK)[0-9a-fA-F]{32}\b'

# Runs: (warmup runs) per kind of measurement. Quick mode keeps the 20 runs of
# the latency rows: they are cheap, and the target is a median of >= 20.
if ((QUICK)); then
  TREE=(--warmup 1 --runs 2) ROUNDS=1 LAT=(--warmup 2 --runs 20) PATHO=(--warmup 0 --runs 2)
  PEER=(--warmup 0 --runs 1) MINIFIED_BYTES=2000000 ONELINE_BYTES=1000000 TINY_FILES=1000
  HISTORY_COMMITS=2000 HIST=(--warmup 0 --runs 2) HISTORY_ROUNDS=1 OWN=(--warmup 1 --runs 3) OWN_ROUNDS=1
else
  TREE=(--warmup 2 --runs 5) ROUNDS=4 LAT=(--warmup 5 --runs 50) PATHO=(--warmup 1 --runs 5)
  PEER=(--warmup 0 --runs 2) MINIFIED_BYTES=50000000 ONELINE_BYTES=10000000 TINY_FILES=100000
  # The generated history's rows: 6 rounds of one run per command, so a slow spell of
  # the machine (minutes long) meets every command alike; this repository's: 4 of 5.
  HISTORY_COMMITS=20000 HIST=(--warmup 0 --runs 1) HISTORY_ROUNDS=6 OWN=(--warmup 1 --runs 5) OWN_ROUNDS=4
fi

# --------------------------------------------------------------------- tools
ensure_tools() {
  local sudo=() apt=() pip=()
  [[ $(id -u) == 0 ]] || sudo=(sudo)
  command -v hyperfine >/dev/null || apt+=(hyperfine)
  command -v rg >/dev/null || apt+=(ripgrep)
  command -v valgrind >/dev/null || apt+=(valgrind)
  [[ -x /usr/bin/time ]] || apt+=(time)
  if ((${#apt[@]})); then
    say "installing ${apt[*]}"
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq "${apt[@]}"
  fi
  # The peers are big installs; only needed for --peers.
  if ((PEERS)); then
    command -v semgrep >/dev/null || pip+=(semgrep)
    command -v detect-secrets >/dev/null || pip+=(detect-secrets)
    command -v trufflehog >/dev/null || pip+=('trufflehog==2.*')
    if ((${#pip[@]})); then
      say "installing ${pip[*]}"
      python3 -m pip install --quiet "${pip[@]}"
    fi
  fi
}

# ------------------------------------------------------------------- helpers
# q ARG: shell-quote ARG, shortened to a path relative to the repo when inside.
q() { local p=${1#"$ROOT"/}; printf '%q' "$p"; }

# hf NAME HYPERFINE-ARGS... COMMANDS...: time with hyperfine into $OUT/NAME.json.
hf() {
  local name=$1; shift
  say "$name"
  hyperfine --style basic --export-json "$OUT/$name.json" "$@" >&2
}

# hf_rounds NAME ROUNDS HYPERFINE-ARGS... COMMANDS...: like hf, but in ROUNDS
# rounds that each time every command, pooled into one export. On a shared
# machine the speed drifts over seconds; interleaving keeps a slow spell from
# landing on one command only, so ratios between the commands stay honest.
hf_rounds() {
  local name=$1 rounds=$2 round; shift 2
  for ((round = 1; round <= rounds; round++)); do hf "$name.round$round" "$@"; done
  python3 - "$OUT/$name.json" "$rounds" <<'PY'
import json, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
parts = [json.load(open(out.replace(".json", f".round{r}.json"))) for r in range(1, rounds + 1)]
pooled = parts[0]
for index, result in enumerate(pooled["results"]):
    times = [t for part in parts for t in part["results"][index]["times"]]
    result.update(times=times, median=statistics.median(times), mean=statistics.fmean(times),
                  stddev=statistics.stdev(times) if len(times) > 1 else 0.0, min=min(times), max=max(times))
json.dump(pooled, open(out, "w"), indent=2)
PY
}

# hstat NAME INDEX FIELD: a field (median, mean, stddev, min, max) of one command
# of a hyperfine export, in seconds.
hstat() {
  python3 - "$OUT/$1.json" "$2" "$3" <<'PY'
import json, sys
print(json.load(open(sys.argv[1]))["results"][int(sys.argv[2])][sys.argv[3]])
PY
}
med() { hstat "$1" "$2" median; }

# calc EXPR: evaluate a Python expression (floats, comparisons).
calc() { python3 -c "print($1)"; }

# secs S: seconds in a readable unit.
secs() {
  python3 - "$1" <<'PY'
import sys
s = float(sys.argv[1])
print(f"{s * 1e6:.0f} µs" if s < 0.001 else f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s")
PY
}

# verdict EXPR: pass or FAIL.
verdict() { if [[ $(calc "$1") == True ]]; then echo pass; else echo '**FAIL**'; fi; }

bytes_of() { find "$@" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'; }
files_of() { find "$@" -type f | wc -l; }
mb() { calc "f'{$1 / 1e6:.1f} MB' if $1 >= 1e5 else f'{$1 / 1e3:.0f} kB'"; }
num() { calc "f'{$1:,}'"; }

ROWS=()
row() { ROWS+=("| $1 | $2 | $3 | $4 |"); }
skip() { row "$1" "skipped: $2" "–" "–"; echo "run.sh: $1 skipped: $2" >&2; }

# twilint exits 1 when it finds something: every timed command tolerates it
# (-i); this runs a command once and fails the benchmark on exit codes >= 2.
run_ok() { local rc=0; "$@" || rc=$?; ((rc <= 1)) || die "exit $rc: $*"; }

# ------------------------------------------------------- 8. git history
# twilint history against the floor (git's own diff cost plus one regex) and
# trufflehog 2, on a generated history and on this repository's own.
history_rows() {
  local H=$OUT/history-$HISTORY_COMMITS
  local stamp="$HISTORY_COMMITS $(sha256sum bench/make-history.py | cut -c1-16)"
  if [[ $(cat "$H.stamp" 2>/dev/null) != "$stamp" ]]; then
    say "generating a history of $HISTORY_COMMITS commits"
    rm -rf "$H"
    python3 bench/make-history.py "$H" "$HISTORY_COMMITS"
    echo "$stamp" >"$H.stamp"
  fi
  local patch_bytes
  patch_bytes=$(git -C "$H" log -p --all -U0 | wc -c)
  local half=$((HISTORY_COMMITS / 2))
  # Once untimed first: a failing scan (exit 2) stops the benchmark instead of timing an error message.
  say "history peak RSS"
  run_ok /usr/bin/time -f %M -o "$OUT/history-rss.txt" "$TWILINT" history --format json -o /dev/null "$H" --branches all
  local kb
  kb=$(tail -n 1 "$OUT/history-rss.txt")
  row "8. history peak RSS ≤ 100 MB" \
    "$(calc "f'{$kb / 1024:.1f} MB'")" "$(calc "f'{$kb / 1024 / 100:.2f}× target'")" "$(verdict "$kb / 1024 <= 100")"

  # The pipeline needs a shell; hyperfine subtracts the shell's start-up time.
  # Linearity: the whole history against its two halves scanned apart, the newest
  # (--max-commits) and the oldest (the history of main~half): the newest half costs
  # git more than the oldest (bench/README.md), so the whole is compared with both.
  hf_rounds history "$HISTORY_ROUNDS" -i "${HIST[@]}" \
    "$T history $JSON_NULL $(q "$H") --branches all" \
    "git -C $(q "$H") log -p --all -U0 | rg -P -c '$SID_RE'" \
    "$T history $JSON_NULL --max-commits $half $(q "$H") --branches all" \
    "$T history $JSON_NULL $(q "$H") --branches main~$half"
  local TH RG TH2 TH3
  TH=$(med history 0) RG=$(med history 1) TH2=$(med history 2) TH3=$(med history 3)
  row "8. history of $(num "$HISTORY_COMMITS") commits ($(mb "$patch_bytes") of patches) ≤ 1.3× \`git log -p --all -U0 | rg -P\`" \
    "twilint $(secs "$TH"), git+rg $(secs "$RG")" "$(calc "f'{$TH / $RG:.2f}×'")" "$(verdict "$TH / $RG <= 1.3")"
  row "8. history time linear: $(num "$HISTORY_COMMITS") commits vs its newest $(num "$half") (\`--max-commits\`) + oldest $(num "$half") (\`--branches main~$half\`) scanned apart, 0.9–1.1×" \
    "all $(secs "$TH"), newest $(secs "$TH2") + oldest $(secs "$TH3") (all ÷ newest $(calc "f'{$TH / $TH2:.2f}'")×)" \
    "$(calc "f'{$TH / ($TH2 + $TH3):.2f}×'")" "$(verdict "0.9 <= $TH / ($TH2 + $TH3) <= 1.1")"

  local own_commits own_bytes
  own_commits=$(git -C "$ROOT" rev-list --all | wc -l)
  own_bytes=$(git -C "$ROOT" log -p --all -U0 | wc -c)
  hf_rounds history-own "$OWN_ROUNDS" -i "${OWN[@]}" \
    "$T history $JSON_NULL $(q "$ROOT") --branches all" \
    "git -C $(q "$ROOT") log -p --all -U0 | rg -P -c '$SID_RE'"
  local OT OR
  OT=$(med history-own 0) OR=$(med history-own 1)
  row "8. this repository's history ($(num "$own_commits") commits, $(mb "$own_bytes")) ≤ 1.3× \`git log -p | rg -P\`" \
    "twilint $(secs "$OT"), git+rg $(secs "$OR")" "$(calc "f'{$OT / $OR:.2f}×'")" "$(verdict "$OT / $OR <= 1.3")"

  if ((PEERS)); then
    # trufflehog 2 takes seconds to minutes where twilint takes a fraction of a second:
    # trufflehog runs as the other peers (PEER), twilint as this repository's row (OWN),
    # on a 2,000-commit generated history (the quick one) and on this repository.
    local small=$OUT/history-2000
    if [[ $(cat "$small.stamp" 2>/dev/null) != "2000 $(sha256sum bench/make-history.py | cut -c1-16)" ]]; then
      rm -rf "$small"
      python3 bench/make-history.py "$small" 2000
      echo "2000 $(sha256sum bench/make-history.py | cut -c1-16)" >"$small.stamp"
    fi
    hf history-trufflehog -i "${PEER[@]}" \
      "trufflehog --regex --entropy=False file://$(printf %q "$ROOT/$small") > /dev/null" \
      "trufflehog --regex --entropy=False file://$(printf %q "$ROOT") > /dev/null"
    hf history-trufflehog-twilint -i "${OWN[@]}" \
      "$T history $JSON_NULL $(q "$small") --branches all" \
      "$T history $JSON_NULL $(q "$ROOT") --branches all"
    local TF TT TFO TTO
    TF=$(med history-trufflehog 0) TT=$(med history-trufflehog-twilint 0) TFO=$(med history-trufflehog 1) TTO=$(med history-trufflehog-twilint 1)
    row "8. ≥ 20× faster than trufflehog 2 (\`--regex --entropy=False\`), 2,000-commit history" \
      "trufflehog $(secs "$TF"), twilint $(secs "$TT")" "$(calc "f'{$TF / $TT:.0f}×'")" "$(verdict "$TF / $TT >= 20")"
    row "8. ≥ 20× faster than trufflehog 2, this repository" \
      "trufflehog $(secs "$TFO"), twilint $(secs "$TTO")" "$(calc "f'{$TFO / $TTO:.0f}×'")" "$(verdict "$TFO / $TTO >= 20")"
  else
    skip "8. ≥ 20× faster than trufflehog 2" "run with --peers"
  fi
}

# -------------------------------------------------------------------- set-up
ensure_tools
[[ -x $TWILINT ]] || die "no twilint binary at $TWILINT (run 'make release' or set TWILINT=PATH)"
mkdir -p "$OUT"
T=$(q "$TWILINT")
JSON_NULL="--format json -o /dev/null"
if ((HISTORY_ONLY)); then
  history_rows
  {
    echo "# twilint history benchmark (\`bench/run.sh --history-only$( ((PEERS)) && echo " --peers")$( ((QUICK)) && echo " --quick")\`)"
    echo
    echo "Generated by \`bench/run.sh --history-only$( ((PEERS)) && echo " --peers")$( ((QUICK)) && echo " --quick")\`; do not edit the figures by hand."
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "| target | measured | ratio | result |"
    echo "|---|---|---|---|"
    printf '%s\n' "${ROWS[@]}"
  } >bench/RESULTS-history.md
  cat bench/RESULTS-history.md
  exit 0
fi
if [[ -z ${BENCH_CORPUS:-} ]]; then
  say "corpus"
  bench/make-corpus.sh "$CORPUS" >&2
fi
[[ -d $CORPUS ]] || die "no corpus folder at $CORPUS"

C=$(q "$CORPUS")
CORPUS_BYTES=$(bytes_of "$CORPUS")
CORPUS_FILES=$(files_of "$CORPUS")
((CORPUS_BYTES > 0)) || die "the corpus $CORPUS is empty"
SCANNED=$("$TWILINT" --format json --fail-on never "$CORPUS" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["summary"]["filesScanned"])')
RG_FILES=$(rg --files "$CORPUS" | wc -l)

# ------------------------------------------------- 1. whole tree vs rg -P
hf_rounds tree "$ROUNDS" -N -i "${TREE[@]}" \
  "$T $JSON_NULL $C" \
  "rg -P -c '$SID_RE' $C" \
  "$T $JSON_NULL --select TW001,TW002 $C"
TW=$(med tree 0) RG=$(med tree 1) TWS=$(med tree 2)
row "1. whole tree, all rules, default jobs ≤ 1.5× \`rg -P\`" \
  "twilint $(secs "$TW"), rg $(secs "$RG")" "$(calc "f'{$TW / $RG:.2f}×'")" "$(verdict "$TW / $RG <= 1.5")"
row "1. all rules ≤ 1.5× secrets only (\`--select TW001,TW002\`)" \
  "all $(secs "$TW"), secrets $(secs "$TWS")" "$(calc "f'{$TW / $TWS:.2f}×'")" "$(verdict "$TW / $TWS <= 1.5")"

# ------------------------------------------------------------- 2. peers
if ((PEERS)); then
  hf semgrep -N -i "${PEER[@]}" \
    "semgrep scan --config bench/semgrep-rules.yml --metrics=off --disable-version-check --no-git-ignore -q $C"
  SG=$(med semgrep 0)
  row "2. ≥ 50× faster than semgrep (bench/semgrep-rules.yml: TW001, TW002; whole tree)" \
    "semgrep $(secs "$SG"), twilint $(secs "$TW")" "$(calc "f'{$SG / $TW:.0f}×'")" "$(verdict "$SG / $TW >= 50")"

  SUB=$CORPUS/$DS_SUBSET
  [[ -d $SUB ]] || { SUB=$CORPUS; echo "run.sh: no $DS_SUBSET in the corpus: detect-secrets scans the whole corpus" >&2; }
  SUB_BYTES=$(bytes_of "$SUB")
  hf detect-secrets-twilint -N -i "${TREE[@]}" "$T $JSON_NULL $(q "$SUB")"
  hf detect-secrets -N -i "${PEER[@]}" "detect-secrets scan --all-files $(q "$SUB")"
  DS=$(med detect-secrets 0) DST=$(med detect-secrets-twilint 0)
  row "2. faster than \`detect-secrets scan --all-files\` ($(q "${SUB#"$CORPUS"/}"), $(mb "$SUB_BYTES"))" \
    "detect-secrets $(secs "$DS"), twilint $(secs "$DST")" "$(calc "f'{$DS / $DST:.0f}×'")" "$(verdict "$DS > $DST")"
else
  skip "2. peers: semgrep, detect-secrets" "run with --peers"
fi

# ------------------------------------------------- 3. single file, pre-commit
help_text=$("$TWILINT" --help 2>&1; "$TWILINT" check --help 2>&1 || true)
if grep -q -- '--stdin-filename' <<<"$help_text"; then
  # hyperfine 1.15 has no --input: the shell does the redirection and hyperfine
  # subtracts the shell's own start-up time.
  hf stdin -i "${LAT[@]}" "$T --stdin-filename app.py < bench/data/app.py"
  ST=$(med stdin 0)
  row "3. single file from stdin (300-line Flask app), median ≤ 20 ms" \
    "$(secs "$ST")" "$(calc "f'{$ST / 0.020:.2f}× target'")" "$(verdict "$ST <= 0.020")"
else
  skip "3. single file from stdin, median ≤ 20 ms" "--stdin-filename not available"
fi

PRECOMMIT=(python/flask_sms_validated.py python/send_sms.py node/server_validated.js ts/sms.ts ios/SMSDemo/TwilioService.swift)
PLANTED=$CORPUS/planted
[[ -d $PLANTED ]] || PLANTED=$ROOT/.bench-corpus/planted
files=()
for f in "${PRECOMMIT[@]}"; do [[ -f $PLANTED/$f ]] && files+=("$(q "$PLANTED/$f")"); done
if ((${#files[@]} == 5)); then
  hf precommit -N -i "${LAT[@]}" "$T ${files[*]}"
  PC=$(med precommit 0)
  row "3. pre-commit, 5 files (corpus planted/), median ≤ 30 ms" \
    "$(secs "$PC")" "$(calc "f'{$PC / 0.030:.2f}× target'")" "$(verdict "$PC <= 0.030")"
else
  skip "3. pre-commit, 5 files, median ≤ 30 ms" "the corpus's planted/ files are missing"
fi

# ------------------------------------------------------------- 4. memory
say "peak RSS"
RSS_KB=0
for _ in 1 2 3; do
  run_ok /usr/bin/time -f %M -o "$OUT/rss.txt" "$TWILINT" --format json -o /dev/null "$CORPUS"
  kb=$(tail -n 1 "$OUT/rss.txt")
  if ((kb > RSS_KB)); then RSS_KB=$kb; fi
done
row "4. peak RSS on the corpus ≤ 80 MB (max of 3)" \
  "$(calc "f'{$RSS_KB / 1024:.1f} MB'")" "$(calc "f'{$RSS_KB / 1024 / 80:.2f}× target'")" "$(verdict "$RSS_KB / 1024 <= 80")"

# ------------------------------------------------------------ 5. scaling
# Two hard-linked copies of the corpus: same bytes, twice the tree.
X2=$OUT/corpus-x2
stamp="$CORPUS $CORPUS_BYTES $CORPUS_FILES"
if [[ $(cat "$OUT/corpus-x2.stamp" 2>/dev/null) != "$stamp" ]]; then
  say "corpus ×2"
  rm -rf "$X2" && mkdir -p "$X2"
  for i in 1 2; do cp -al "$CORPUS" "$X2/$i" 2>/dev/null || cp -a "$CORPUS" "$X2/$i"; done
  echo "$stamp" >"$OUT/corpus-x2.stamp"
fi
hf_rounds scaling-size "$ROUNDS" -N -i "${TREE[@]}" \
  "$T $JSON_NULL $C" \
  "$T $JSON_NULL $(q "$X2")"
S1=$(med scaling-size 0) S2=$(med scaling-size 1)
row "5. 2× corpus → 1.9–2.1× time" \
  "×1 $(secs "$S1"), ×2 $(secs "$S2")" "$(calc "f'{$S2 / $S1:.2f}×'")" "$(verdict "1.9 <= $S2 / $S1 <= 2.1")"

hf_rounds scaling-jobs "$ROUNDS" -N -i "${TREE[@]}" \
  "$T $JSON_NULL --jobs 1 $C" \
  "$T $JSON_NULL --jobs 2 $C"
J1=$(med scaling-jobs 0) J2=$(med scaling-jobs 1)
row "5. \`--jobs 2\` ≥ 1.7× faster than \`--jobs 1\`" \
  "jobs 1 $(secs "$J1"), jobs 2 $(secs "$J2")" "$(calc "f'{$J1 / $J2:.2f}×'")" "$(verdict "$J1 / $J2 >= 1.7")"

# ------------------------------------------------------ 6. pathological inputs
P=$OUT/pathological
stamp="$MINIFIED_BYTES $ONELINE_BYTES $TINY_FILES $(sha256sum bench/make-pathological.py | cut -c1-16)"
if [[ $(cat "$OUT/pathological.stamp" 2>/dev/null) != "$stamp" ]]; then
  say "generating pathological inputs"
  rm -rf "$P"
  python3 bench/make-pathological.py "$P" "$MINIFIED_BYTES" "$ONELINE_BYTES" "$TINY_FILES"
  echo "$stamp" >"$OUT/pathological.stamp"
fi
hf pathological -N -i "${PATHO[@]}" \
  "$T $JSON_NULL $(q "$P/minified/bundle.min.js")" \
  "$T $JSON_NULL $(q "$P/oneline/export.json")" \
  "$T $JSON_NULL $(q "$P/tiny")" \
  "rg -P -c '$SID_RE' $(q "$P/minified/bundle.min.js")" \
  "rg -P -c '$SID_RE' $(q "$P/oneline/export.json")" \
  "rg -P -c '$SID_RE' $(q "$P/tiny")"
i=0
for spec in "minified:$P/minified/bundle.min.js:one $(mb "$MINIFIED_BYTES") minified JS file" \
            "one-line:$P/oneline/export.json:one file of a single $(mb "$ONELINE_BYTES") line" \
            "tiny-files:$P/tiny:$(num "$TINY_FILES") tiny files"; do
  IFS=: read -r _ path label <<<"$spec"
  b=$(bytes_of "$path")
  t=$(med pathological "$i") r=$(med pathological $((i + 3)))
  share=$(calc "$TW * $b / $CORPUS_BYTES")
  extra=""
  # Per-file work (open, read, close) dominates tiny files, so their share by file count is shown too.
  if ((i == 2)); then extra=", $(calc "f'{$TINY_FILES / $t:,.0f}'") files/s; share by file count $(secs "$(calc "$TW * $TINY_FILES / $CORPUS_FILES")")"; fi
  row "6. $label ≤ 3× its byte share ($(mb "$b"))" \
    "$(secs "$t") (share $(secs "$share"); rg $(secs "$r")$extra)" "$(calc "f'{$t / $share:.1f}× share'")" "$(verdict "$t <= 3 * $share")"
  i=$((i + 1))
done

# ------------------------------------------------------------ 7. stress inputs
# One file each of the shapes that made the analysis superlinear before
# (bench/make-stress.py), at full size and at half size: the byte share is the
# target, and the full/half ratio shows whether the time is linear (2.0).
S=$OUT/stress
STRESS_SCALE=$( ((QUICK)) && echo 0.1 || echo 1)
stamp="$STRESS_SCALE $(sha256sum bench/make-stress.py | cut -c1-16)"
if [[ $(cat "$OUT/stress.stamp" 2>/dev/null) != "$stamp" ]]; then
  say "generating stress inputs"
  rm -rf "$S"
  python3 bench/make-stress.py "$S/full" "$STRESS_SCALE"
  python3 bench/make-stress.py "$S/half" "$(calc "$STRESS_SCALE / 2")"
  echo "$stamp" >"$OUT/stress.stamp"
fi
STRESS=(sends-one-function.py sends-one-function.js sends-one-function.swift sends-many-functions.py
        sends-many-functions.js routes-many.js routes-many.py literals-one-call.js literals-one-call.py nesting.js nesting.py
        short-lines.py numbers-one-line.js deep-blocks.py deep-functions.py deep-try.py)
stress_commands=()
for name in "${STRESS[@]}"; do
  stress_commands+=("$T $JSON_NULL $(q "$S/full/$name")" "$T $JSON_NULL $(q "$S/half/$name")")
done
hf stress -N -i "${PATHO[@]}" "${stress_commands[@]}"
i=0
for name in "${STRESS[@]}"; do
  b=$(bytes_of "$S/full/$name")
  t=$(med stress "$i") h=$(med stress $((i + 1)))
  share=$(calc "$TW * $b / $CORPUS_BYTES")
  row "7. $name ≤ 3× its byte share ($(mb "$b"))" \
    "$(secs "$t") (share $(secs "$share"); half size $(secs "$h"), $(calc "f'{$t / $h:.2f}'")× for 2× the input)" \
    "$(calc "f'{$t / $share:.1f}× share'")" "$(verdict "$t <= 3 * $share")"
  i=$((i + 2))
done

# ------------------------------------------------------------ 9. project pass
# A 2,000-file Twilio app with 20,000 cross-file imports (bench/make-project.py),
# at full and half size, and the same files without their manifests (the project
# pass then does not link them): the byte share, linearity, and what linking costs.
P=$OUT/project
PROJECT_FILES=$( ((QUICK)) && echo 200 || echo 2000)
stamp="$PROJECT_FILES $(sha256sum bench/make-project.py | cut -c1-16)"
if [[ $(cat "$OUT/project.stamp" 2>/dev/null) != "$stamp" ]]; then
  say "generating the project-pass app"
  rm -rf "$P"
  python3 bench/make-project.py "$P/full" "$PROJECT_FILES" 10
  python3 bench/make-project.py "$P/half" $((PROJECT_FILES / 2)) 10
  cp -r "$P/full" "$P/unlinked" && rm "$P/unlinked/package.json" "$P/unlinked/requirements.txt"
  echo "$stamp" >"$OUT/project.stamp"
fi
hf project -N -i "${PATHO[@]}" "$T $JSON_NULL $(q "$P/full")" "$T $JSON_NULL $(q "$P/half")" "$T $JSON_NULL $(q "$P/unlinked")"
b=$(bytes_of "$P/full")
t=$(med project 0) h=$(med project 1) u=$(med project 2)
share=$(calc "$TW * $b / $CORPUS_BYTES")
row "9. $(num "$PROJECT_FILES")-file app, $(num $((PROJECT_FILES * 10))) cross-file imports ≤ 3× its byte share ($(mb "$b"))" \
  "$(secs "$t") (share $(secs "$share"); half size $(secs "$h"), $(calc "f'{$t / $h:.2f}'")× for 2× the input; unlinked $(secs "$u"), the pass costs $(calc "f'{($t / $u - 1) * 100:.0f}'")%)" \
  "$(calc "f'{$t / $share:.1f}× share'")" "$(verdict "$t <= 3 * $share")"

# ------------------------------------------------------------- callgrind
if ((CALLGRIND)); then
  say "callgrind (--jobs 1)"
  # valgrind 3.19 (Debian bookworm) gives up on the DWARF 5 debug info Swift 6
  # emits: profile a copy without it (same code, so the same count; the symbol
  # table stays, so functions keep their names).
  CG_BIN=$OUT/twilint-callgrind
  objcopy --strip-debug "$TWILINT" "$CG_BIN" 2>/dev/null || cp "$TWILINT" "$CG_BIN"
  rm -f "$OUT/callgrind.out"
  run_ok valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.out" \
    "$CG_BIN" --jobs 1 --format json -o /dev/null "$CORPUS" 2>"$OUT/callgrind.log"
  IR=$(awk '/^(summary|totals):/ { print $2; exit }' "$OUT/callgrind.out")
  [[ -n $IR ]] || die "valgrind failed: see $OUT/callgrind.log"
  # Swift symbols demangled when the toolchain is there.
  demangle=(cat)
  if command -v swift-demangle >/dev/null; then demangle=(swift-demangle --simplified); fi
  callgrind_annotate "$OUT/callgrind.out" 2>/dev/null | "${demangle[@]}" >"$OUT/callgrind-top.txt" || true
  row "callgrind instructions (Ir), \`--jobs 1\` corpus scan" \
    "$(num "$IR")" "$(calc "f'{$IR / $CORPUS_BYTES:.1f} Ir/byte'")" "recorded (profile: \`bench/out/callgrind-top.txt\`)"
else
  skip "callgrind instruction count" "run with --callgrind"
fi

history_rows

# ------------------------------------------------------------------ report
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
memory=$(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)
version() { local v; if v=$("$@" 2>&1); then echo "${v%%$'\n'*}"; else echo "not installed"; fi; }
table=$(
  echo "| target | measured | ratio | result |"
  echo "|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
)
{
  echo "# twilint benchmark results"
  echo
  echo "Generated by \`bench/run.sh$( ((PEERS)) && echo " --peers")$( ((CALLGRIND)) && echo " --callgrind")$( ((QUICK)) && echo " --quick")\`"
  echo "on $(date -u '+%Y-%m-%d %H:%M UTC'); do not edit the figures by hand. How to read"
  echo "them: [README.md](README.md)."
  if ((QUICK)); then
    echo
    echo "> **Smoke test, not a benchmark** (--quick: few runs, small pathological"
    echo "> inputs, corpus \`$(q "$CORPUS")\`). These figures say nothing about the targets."
  elif [[ -n ${BENCH_CORPUS:-} ]]; then
    echo
    echo "> Custom corpus (BENCH_CORPUS): the targets are stated for \`.bench-corpus\`."
  fi
  echo
  echo "Corpus: \`$(q "$CORPUS")\`, $(num "$CORPUS_FILES") files, $(mb "$CORPUS_BYTES")"
  echo "(twilint scanned $(num "$SCANNED") of them; \`rg --files\` lists $(num "$RG_FILES"): rg skips hidden files)."
  echo "Times are hyperfine medians; the whole-tree and scaling rows pool $ROUNDS interleaved rounds (drift on a shared machine then hits every command alike). Raw data in \`bench/out/*.json\`."
  echo
  echo "$table"
  if ((CALLGRIND)); then
    echo
    echo "## Where the instructions go (callgrind, self cost, top 15)"
    echo
    echo '```'
    awk '/file:function/ { on = 1; getline; next } on && (NF == 0 || ++n > 15) { exit } on' \
      "$OUT/callgrind-top.txt" | cut -c1-160
    echo '```'
  fi
  echo
  echo "## Machine"
  echo
  echo "- $(nproc) cores, $cpu, $memory memory, $(uname -sr)"
  echo "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "## Versions"
  echo
  linkage=$(ldd "$TWILINT" 2>/dev/null | grep -q libswiftCore && echo "Swift runtime linked dynamically" || echo "Swift runtime linked statically, as \`make release\` builds it")
  echo "- twilint $(version "$TWILINT" --version) ($(q "$TWILINT"), $linkage, built $(date -u -r "$TWILINT" '+%Y-%m-%d %H:%M UTC'); tree at commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- Sources rules 2>/dev/null || echo ", with uncommitted changes"))"
  echo "- $(version rg --version)"
  echo "- $(version hyperfine --version)"
  echo "- semgrep $(version semgrep --version)"
  echo "- detect-secrets $(version detect-secrets --version)"
  echo "- $(version swift --version)"
  echo "- $(version valgrind --version)"
} >bench/RESULTS.md

echo
echo "$table"
echo
echo "Written to bench/RESULTS.md."
