#!/usr/bin/env python3
"""Score a twilint run on the held-out real-code corpus.

    bench/real-code/score.py [FINDINGS.tsv] [--set NAME] [--commit SHA]
                             [--binary PATH] [--no-write] [--md PATH]

--set NAME (or REALCODE_SET=NAME) scores the set of bench/real-code/NAME/: its
repos.tsv, verdicts.tsv and missed.tsv, FINDINGS defaulting to
bench/out/real-code-NAME-findings.tsv, PRECISION.md written there. Without it,
the first set, the files of this folder.

FINDINGS.tsv is what run.sh writes (default bench/out/real-code-findings.tsv).
It is joined with verdicts.tsv (one reviewed finding a row: tp or fp) and
missed.tsv (findings that should exist and did not), both in this folder.

Matching a finding to a verdict, one to one, in three passes:
  1. same repo, path, rule and line;
  2. same repo, path and rule, the same snippet (the source line, whitespace
     collapsed), the line within 10 of the recorded one: the code moved;
  3. same repo, path and rule, the line within 3 of the recorded one.
A finding that matches no verdict is "unreviewed" and is listed, so that a
later run can review it and add a row to verdicts.tsv. A verdict that matches
no finding is "gone": the finding disappeared (a fixed false positive, or a
lost true positive — a lost tp counts as a miss for recall).

A row of missed.tsv counts as still missed unless some finding of its repo,
path and rule sits within 3 lines of it; then it is "found now", and that
finding (unreviewed until someone adds its verdict) is where the credit goes.

Per rule: precision = tp / (tp + fp) over the reviewed findings of this run;
recall = tp / (tp + missed), where missed = rows of missed.tsv still missed
plus tp verdicts whose finding is gone. TW005 precision is also given for the
repositories marked "official" in repos.tsv.

Writes PRECISION.md beside this script (unless --no-write) with the table,
the date, the binary's git commit and how to reproduce.
"""
import argparse
import datetime
import os
import subprocess
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
RULES = ["TW001", "TW002", "TW003", "TW004", "TW005",
         "TW006", "TW007", "TW008", "TW009", "TW010"]


def read_tsv(path):
    with open(path, encoding="utf-8") as fh:
        lines = [l.rstrip("\n") for l in fh if l.strip()]
    header = lines[0].split("\t")
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        cells += [""] * (len(header) - len(cells))
        row = dict(zip(header, cells))
        row["_lineno"] = n
        rows.append(row)
    return rows


def norm(snippet):
    return " ".join((snippet or "").split())


def match(findings, verdicts):
    """Return {finding index: verdict index}, one to one, in three passes."""
    by_key = defaultdict(list)
    for vi, v in enumerate(verdicts):
        by_key[(v["repo"], v["path"], v["rule"])].append(vi)
    taken_v, pairs = set(), {}

    def run_pass(accept):
        for fi, f in enumerate(findings):
            if fi in pairs:
                continue
            best = None
            for vi in by_key.get((f["repo"], f["path"], f["rule"]), []):
                if vi in taken_v:
                    continue
                d = abs(int(f["line"]) - int(verdicts[vi]["line"]))
                if accept(f, verdicts[vi], d) and (best is None or d < best[0]):
                    best = (d, vi)
            if best is not None:
                pairs[fi] = best[1]
                taken_v.add(best[1])

    run_pass(lambda f, v, d: d == 0)
    run_pass(lambda f, v, d: d <= 10 and norm(v.get("snippet")) != ""
             and norm(v.get("snippet")) == norm(f.get("snippet")))
    run_pass(lambda f, v, d: d <= 3)
    return pairs


def git_commit(path):
    try:
        sha = subprocess.run(["git", "-C", path, "rev-parse", "HEAD"], capture_output=True,
                             text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", path, "status", "--porcelain", "--untracked-files=no",
                                "--", "Sources", "Package.swift", "rules"],
                               capture_output=True, text=True).stdout.strip()
        return sha + (" (with uncommitted changes in Sources/, Package.swift or rules/)" if dirty else "")
    except Exception:
        return "unknown"


def fmt(x):
    return "–" if x is None else f"{x:.2f}"


def ratio(a, b):
    return None if b == 0 else a / b


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("findings", nargs="?", default=None,
                    help="default bench/out/real-code-findings.tsv (with --set NAME: real-code-NAME-findings.tsv)")
    ap.add_argument("--set", dest="set_name", default=os.environ.get("REALCODE_SET", ""),
                    help="score the set of bench/real-code/NAME/ (default: the first set, this folder)")
    ap.add_argument("--commit", help="git commit the binary was built from (default: this worktree's HEAD)")
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/release/twilint"))
    ap.add_argument("--md", default=None, help="default PRECISION.md of the set's folder")
    ap.add_argument("--no-write", action="store_true", help="print only, do not write PRECISION.md")
    args = ap.parse_args()
    set_dir = os.path.join(HERE, args.set_name) if args.set_name else HERE
    if not os.path.isfile(os.path.join(set_dir, "repos.tsv")):
        sys.exit(f"no set {args.set_name}: {os.path.join(set_dir, 'repos.tsv')} missing")
    suffix = f"-{args.set_name}" if args.set_name else ""
    if args.findings is None:
        args.findings = os.path.join(ROOT, f"bench/out/real-code{suffix}-findings.tsv")
    if args.md is None:
        args.md = os.path.join(set_dir, "PRECISION.md")

    findings = read_tsv(args.findings)
    verdicts = read_tsv(os.path.join(set_dir, "verdicts.tsv"))
    missed = read_tsv(os.path.join(set_dir, "missed.tsv"))
    repos = read_tsv(os.path.join(set_dir, "repos.tsv"))
    kind = {r["repo"]: r.get("kind", "") for r in repos}

    bad = [v for v in verdicts if v["verdict"] not in ("tp", "fp")]
    if bad:
        sys.exit(f"verdicts.tsv: line {bad[0]['_lineno']}: verdict must be tp or fp")

    pairs = match(findings, verdicts)
    matched_v = set(pairs.values())

    stats = {r: defaultdict(int) for r in RULES}
    official_tw005 = defaultdict(int)
    unreviewed = []
    for fi, f in enumerate(findings):
        s = stats.setdefault(f["rule"], defaultdict(int))
        s["findings"] += 1
        if fi in pairs:
            verdict = verdicts[pairs[fi]]["verdict"]
            s[verdict] += 1
            if f["rule"] == "TW005" and kind.get(f["repo"]) == "official":
                official_tw005[verdict] += 1
        else:
            s["unreviewed"] += 1
            unreviewed.append(f)

    gone = [v for vi, v in enumerate(verdicts) if vi not in matched_v]
    for v in gone:
        stats[v["rule"]]["gone_" + v["verdict"]] += 1

    still_missed, found_now = [], []
    for m in missed:
        hit = any(f["repo"] == m["repo"] and f["path"] == m["path"] and f["rule"] == m["rule"]
                  and abs(int(f["line"]) - int(m["line"])) <= 3 for f in findings)
        (found_now if hit else still_missed).append(m)
    for m in still_missed:
        stats[m["rule"]]["missed"] += 1
    for m in found_now:
        stats[m["rule"]]["found_now"] += 1

    header = ["rule", "findings", "tp", "fp", "unreviewed", "missed", "precision", "recall"]
    table = []
    tot = defaultdict(int)
    for r in RULES:
        s = stats[r]
        miss = s["missed"] + s["gone_tp"]
        row = [r, s["findings"], s["tp"], s["fp"], s["unreviewed"], miss,
               fmt(ratio(s["tp"], s["tp"] + s["fp"])), fmt(ratio(s["tp"], s["tp"] + miss))]
        table.append(row)
        for k in ("findings", "tp", "fp", "unreviewed"):
            tot[k] += s[k]
        tot["missed"] += miss
    behaviour = [stats[r] for r in RULES[2:]]
    b_tp = sum(s["tp"] for s in behaviour)
    b_fp = sum(s["fp"] for s in behaviour)
    b_miss = sum(s["missed"] + s["gone_tp"] for s in behaviour)
    table.append(["all", tot["findings"], tot["tp"], tot["fp"], tot["unreviewed"], tot["missed"],
                  fmt(ratio(tot["tp"], tot["tp"] + tot["fp"])),
                  fmt(ratio(tot["tp"], tot["tp"] + tot["missed"]))])
    table.append(["TW003–TW010", sum(s["findings"] for s in behaviour), b_tp, b_fp,
                  sum(s["unreviewed"] for s in behaviour), b_miss,
                  fmt(ratio(b_tp, b_tp + b_fp)), fmt(ratio(b_tp, b_tp + b_miss))])
    o_tp, o_fp = official_tw005["tp"], official_tw005["fp"]
    tw005_official = f"TW005 precision on official repositories: {fmt(ratio(o_tp, o_tp + o_fp))} ({o_tp} tp, {o_fp} fp)"

    widths = [max(len(str(x)) for x in col) for col in zip(header, *table)]
    line = lambda cells: "  ".join(str(c).rjust(w) if i else str(c).ljust(w)
                                   for i, (c, w) in enumerate(zip(cells, widths)))
    print(line(header))
    for row in table:
        print(line(row))
    print(tw005_official)
    n_repos = len({r["repo"] for r in repos})
    print(f"{len(findings)} findings in {n_repos} repositories; {len(unreviewed)} unreviewed; "
          f"{len(gone)} verdicts without a finding; {len(still_missed)} misses still missed, "
          f"{len(found_now)} found now")
    if unreviewed:
        print("\nunreviewed findings (add a row to verdicts.tsv for each):")
        for f in unreviewed:
            print(f"  {f['repo']}\t{f['path']}\t{f['line']}\t{f['rule']}\t{f.get('snippet', '')[:100]}")
    if gone:
        print("\nverdicts whose finding is gone:")
        for v in gone:
            print(f"  {v['verdict']}  {v['repo']}:{v['path']}:{v['line']} {v['rule']}  {v['reason'][:90]}")
    if found_now:
        print("\nmisses that now have a finding nearby (review the finding):")
        for m in found_now:
            print(f"  {m['repo']}:{m['path']}:{m['line']} {m['rule']}")

    if args.no_write:
        return
    commit = args.commit or git_commit(ROOT)
    version = "unknown"
    try:
        version = subprocess.run([args.binary, "--version"], capture_output=True, text=True).stdout.strip() or version
    except Exception:
        pass
    md = []
    md.append("# twilint on held-out real code: precision and recall per rule\n")
    md.append("Generated by `bench/real-code/score.py`; do not edit the figures by hand.\n")
    md.append(f"- date: {datetime.date.today().isoformat()}")
    if args.set_name:
        md.append(f"- set: `{args.set_name}` (bench/real-code/{args.set_name}/)")
    md.append(f"- binary: `twilint` {version}, built from commit `{commit}`")
    md.append(f"- corpus: {n_repos} public repositories ({sum(1 for r in repos if r.get('kind') == 'official')} official "
              f"Twilio samples, {sum(1 for r in repos if r.get('kind') == 'community')} community apps), "
              "pinned in [repos.tsv](repos.tsv)")
    md.append(f"- findings: {len(findings)}, unreviewed: {len(unreviewed)}; "
              f"misses recorded in [missed.tsv](missed.tsv): {len(missed)} ({len(still_missed)} still missed)\n")
    md.append("| " + " | ".join(header) + " |")
    md.append("|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|")
    for row in table:
        cells = [f"**{c}**" if row[0] in ("all", "TW003–TW010") else str(c) for c in row]
        md.append("| " + " | ".join(cells) + " |")
    md.append(f"\n{tw005_official}.\n")
    md.append("Precision is tp / (tp + fp) over reviewed findings; recall is tp / (tp + missed), where "
              "missed counts the rows of missed.tsv still without a finding and tp verdicts whose finding "
              "disappeared. A rule with no findings and no misses shows –. Verdicts and their reasons are "
              "in [verdicts.tsv](verdicts.tsv).\n")
    md.append("## Reproduce\n")
    md.append("```sh")
    if args.set_name:
        n = args.set_name
        md.append("swift build -c release   # or use a release binary: run.sh's second argument")
        md.append(f"REALCODE_MIRROR=/work/.mirror bench/real-code/checkout.sh --set {n} /work/realcode-{n}-clones   # or without the variable, from github.com")
        md.append(f"bench/real-code/run.sh --set {n} /work/realcode-{n}-clones   # writes bench/out/real-code-{n}-findings.tsv")
        md.append(f"bench/real-code/score.py --set {n}   # prints the table, lists unreviewed findings, writes this file")
    else:
        md.append("swift build -c release")
        md.append("REALCODE_MIRROR=/work/.mirror bench/real-code/checkout.sh /work/realcode-clones   # or without the variable, from github.com")
        md.append("bench/real-code/run.sh /work/realcode-clones                # writes bench/out/real-code-findings.tsv")
        md.append("bench/real-code/score.py                                    # prints the table, lists unreviewed findings, writes this file")
    md.append("```")
    if unreviewed:
        md.append("\n## Unreviewed findings\n")
        for f in unreviewed:
            md.append(f"- `{f['repo']}:{f['path']}:{f['line']}` {f['rule']}")
    with open(args.md, "w", encoding="utf-8") as fh:
        fh.write("\n".join(md) + "\n")
    print(f"\nwrote {os.path.relpath(args.md, ROOT)}")


if __name__ == "__main__":
    main()
