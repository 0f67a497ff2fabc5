#!/usr/bin/env python3
"""Generate the pathological inputs of the twilint benchmark (deterministic).

    make-pathological.py OUT_DIR MINIFIED_BYTES ONELINE_BYTES TINY_FILES

Writes, under OUT_DIR:
  minified/bundle.min.js  a minified JavaScript bundle of MINIFIED_BYTES, in
                          lines of 200 KB to 1 MB (the shape webpack emits)
  oneline/export.json     a JSON export of ONELINE_BYTES on a single line
  tiny/dNNN/fNNNNN.EXT    TINY_FILES files of a few dozen bytes each

Both big files mention Twilio and hold SID-shaped text (message SIDs, content
hashes and a few fake account SIDs), so the keyword prefilter lets them through
and the scanner does its full work on them: the worst case, not the easy one.
Nothing here is a real credential.
"""

import os
import random
import sys

rng = random.Random(5)
HEX = "0123456789abcdef"


def hex_run(n):
    return "".join(rng.choice(HEX) for _ in range(n))


def ident():
    return rng.choice("abcdefghijklmnopqrstuvwxyz") + rng.choice(["", "e", "t", "n", "_", "$", "r"])


def js_fragment():
    a, b, c = ident(), ident(), ident()
    kind = rng.randrange(12)
    if kind == 0:
        return f'function {a}({b},{c}){{return {b}&&{c}?{b}.{c}:void 0}}'
    if kind == 1:
        return f'var {a}="{hex_run(32)}",{b}=/^[a-z0-9_\\-]+\\.(js|css)$/i;'
    if kind == 2:
        return f'{a}.prototype.{b}=function(){{for(var {c}=0;{c}<this.length;{c}++)if(this[{c}]==null)return!1;return!0}};'
    if kind == 3:
        return f'const {a}=`${{{b}}}/api/v{rng.randrange(1, 4)}/${{{c}}}?t=${{Date.now()}}`;'
    if kind == 4:
        return f'/*! {a}.js v{rng.randrange(1, 9)}.{rng.randrange(20)} | MIT */'
    if kind == 5:
        return f'{a}["{b}{c}"]={{status:{rng.randrange(100, 600)},text:"{b}\\"{c}\\\\n",ok:!0}};'
    if kind == 6:
        return f'if({a}.sid&&/^SM[0-9a-f]{{32}}$/.test({a}.sid)){b}.push("SM{hex_run(32)}");'
    if kind == 7:
        return f'try{{{a}({b})}}catch({c}){{console.error({c}.code,{c}.message)}}'
    if kind == 8:
        return f'{a}=({b},{c})=>{b}.map(({c})=>{c}*{rng.randrange(1000)}).filter(Boolean);'
    if kind == 9:
        return f'e.exports={{integrity:"sha384-{hex_run(48)}",hash:"{hex_run(32)}"}};'
    if kind == 10:
        return f'switch({a}){{case {rng.randrange(99)}:{b}++;break;default:{c}--}}'
    return f'{a}.to="+1555{rng.randrange(1000000, 9999999)}",{a}.body="Your code is {rng.randrange(100000, 999999)}";'


def fake_account_sid():
    # Random hex, so not one of the placeholders the rules filter out.
    return "AC" + hex_run(32)


def write_minified(path, size):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    written = 0
    planted = 0
    with open(path, "w") as out:
        out.write('"use strict";var twilio=require("twilio");')
        line = 0
        while written < size:
            target = rng.randrange(200_000, 1_000_000)
            parts, n = [], 0
            while n < target:
                frag = js_fragment()
                if planted < 20 and rng.random() < 0.0005:
                    frag = f'twilio("{fake_account_sid()}",process.env.TWILIO_AUTH_TOKEN);'
                    planted += 1
                parts.append(frag)
                n += len(frag)
            text = "".join(parts) + "\n"
            out.write(text)
            written += len(text)
            line += 1
    os.truncate(path, size)


def write_oneline(path, size):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as out:
        out.write('{"provider":"twilio","messages":[')
        n, i, planted = 0, 0, 0
        while n < size - 200:
            account = fake_account_sid() if planted < 20 and i % 2000 == 1999 else "ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            planted += account != "ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            rec = (
                f'{"," if i else ""}{{"sid":"SM{hex_run(32)}","account_sid":"{account}",'
                f'"to":"+1555{rng.randrange(1000000, 9999999)}","status":"{rng.choice(["delivered", "failed", "sent"])}",'
                f'"body":"Reminder {i}: reply STOP to opt out","error_code":{rng.choice(["null", "30003", "21610"])}}}'
            )
            out.write(rec)
            n += len(rec)
            i += 1
        out.write("]}\n")


TINY = [
    ("py", 'import os\nsid = os.environ["TWILIO_ACCOUNT_SID"]\n'),
    ("js", 'const n = require("./n");\nmodule.exports = n;\n'),
    ("swift", 'let region = ProcessInfo.processInfo.environment["R"]\n'),
    ("json", '{"name": "pkg", "version": "1.0.%d"}\n'),
    ("yml", 'region: us1\nedge: ashburn\n'),
    ("ts", 'export const retries: number = %d;\n'),
]


def write_tiny(root, count):
    for i in range(count):
        d = os.path.join(root, f"d{i // 1000:03d}")
        if i % 1000 == 0:
            os.makedirs(d, exist_ok=True)
        ext, text = TINY[i % len(TINY)]
        with open(os.path.join(d, f"f{i:06d}.{ext}"), "w") as out:
            out.write(text % i if "%d" in text else text)


def main():
    out_dir, minified, oneline, tiny = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    write_minified(os.path.join(out_dir, "minified", "bundle.min.js"), minified)
    write_oneline(os.path.join(out_dir, "oneline", "export.json"), oneline)
    write_tiny(os.path.join(out_dir, "tiny"), tiny)


if __name__ == "__main__":
    main()
