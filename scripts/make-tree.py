#!/usr/bin/env python3
"""Write a deterministic tree of files for the sanitizer scans (make sanitize).

    make-tree.py OUT_DIR [COUNT]

Writes COUNT files (default 2,000) under OUT_DIR/dNN/: the fixtures in turn
(sorted by path), each under a new numbered name with its own extension, and
every seventh one with a twin SID and token line appended so that the files
differ. The same repository gives the same tree, byte for byte. OUT_DIR is
emptied first. Nothing here is a real credential.
"""

import os
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "fixtures")


def fixture_files():
    found = []
    for folder, _, names in os.walk(FIXTURES):
        for name in names:
            if name != ".fixture-rules":
                found.append(os.path.join(folder, name))
    return sorted(found)


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    out, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) == 3 else 2000
    shutil.rmtree(out, ignore_errors=True)
    sources = fixture_files()
    for index in range(count):
        source = sources[index % len(sources)]
        name = os.path.basename(source)
        folder = os.path.join(out, "d%02d" % (index // 100))
        os.makedirs(folder, exist_ok=True)
        with open(source, "rb") as handle:
            data = handle.read()
        if index % 7 == 0:
            digits = "%032x" % (index * 0x9E3779B97F4A7C15 % (1 << 128))
            data += ("\nTWILIO_ACCOUNT_SID = \"AC%s\"\nauth_token = \"%s\"\n" % (digits, digits[::-1])).encode()
        with open(os.path.join(folder, "f%04d-%s" % (index, name)), "wb") as handle:
            handle.write(data)


if __name__ == "__main__":
    main()
