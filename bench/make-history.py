#!/usr/bin/env python3
"""make-history.py DIR COMMITS: a git repository at DIR whose history has COMMITS
commits, for `twilint history`'s benchmark rows (bench/README.md).

Each commit rewrites one of 400 source files with 480 fresh lines (about 30 kB),
so `git log -p -U0` prints about 50 kB per commit (the old lines removed, the new
ones added): 20,000 commits make about 1 GB of patch text, and every commit costs
git the same, so time can be compared with history length. Every 250th commit
plants an Account SID and an auth token (made here from a fixed seed) in the
file it rewrites; the next rewrite of that file removes them. Built with one
`git fast-import`, so 20,000 commits take about a minute, not an hour.
"""
import random
import subprocess
import sys

FILES = 400
LINES = 480
PLANT_EVERY = 250


def main():
    target, commits = sys.argv[1], int(sys.argv[2])
    rng = random.Random(13)
    words = ["client", "message", "status", "value", "result", "request", "config", "handler",
             "payload", "number", "retry", "queue", "worker", "cache", "token_count", "body"]
    pool = [f"    {rng.choice(words)}_{rng.randrange(10**6)} = {rng.choice(words)}.get('{rng.choice(words)}', {rng.randrange(1000)})  # {rng.choice(words)}"
            for _ in range(20000)]
    subprocess.run(["git", "init", "-q", "-b", "main", target], check=True)
    importer = subprocess.Popen(["git", "-C", target, "fast-import", "--quiet", "--depth=0"],
                                stdin=subprocess.PIPE)
    out = importer.stdin
    planted = 0
    for number in range(commits):
        lines = rng.choices(pool, k=LINES)
        if number % PLANT_EVERY == PLANT_EVERY - 1:
            sid = "AC" + "".join(rng.choice("0123456789abcdef") for _ in range(32))
            token = "".join(rng.choice("0123456789abcdef") for _ in range(32))
            lines[LINES // 2:LINES // 2] = [f'    account_sid = "{sid}"', f'    auth_token = "{token}"']
            planted += 1
        data = ("def handler():\n" + "\n".join(lines) + "\n").encode()
        path = f"src/module_{number % FILES:03d}.py"
        when = 1_600_000_000 + number * 600
        message = f"commit {number}\n".encode()
        out.write(b"commit refs/heads/main\n")
        out.write(f"author Bench <bench@example.com> {when} +0000\ncommitter Bench <bench@example.com> {when} +0000\n".encode())
        out.write(b"data %d\n%s" % (len(message), message))
        out.write(b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(data), data))
    out.close()
    if importer.wait() != 0:
        sys.exit("make-history.py: git fast-import failed")
    subprocess.run(["git", "-C", target, "reset", "-q", "--hard"], check=True)
    print(f"make-history.py: {commits} commits, {planted} planted SID and token pairs in {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
