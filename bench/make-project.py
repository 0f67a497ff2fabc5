#!/usr/bin/env python3
"""Generate the project-pass benchmark input (deterministic).

    make-project.py OUT_DIR FILES IMPORTS_PER_FILE

A Twilio app of FILES modules (half JavaScript, half a Python package), each
importing IMPORTS_PER_FILE others of its language and calling their send helper,
every other call inside a try: the project pass links every import. With
2,000 files and 10 imports a file, 20,000 cross-file imports.
"""

import os
import random
import sys

out, files, per_file = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(7)
js, py = files // 2, files - files // 2
os.makedirs(os.path.join(out, "js"), exist_ok=True)
os.makedirs(os.path.join(out, "app"), exist_ok=True)
with open(os.path.join(out, "package.json"), "w") as f:
    f.write('{"name": "bench-app", "dependencies": {"twilio": "^5.0.0", "express": "^4.0.0"}}\n')
with open(os.path.join(out, "requirements.txt"), "w") as f:
    f.write("twilio==9.3.0\nflask==3.0.3\n")
open(os.path.join(out, "app", "__init__.py"), "w").close()


def others(count, me):
    return rng.sample([i for i in range(count) if i != me], min(per_file, count - 1))


for i in range(js):
    lines = ["const twilio = require('twilio');",
             "const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);"]
    deps = others(js, i)
    lines += [f"const m{j} = require('./mod{j}');" for j in deps]
    lines += ["", f"async function send{i}(to, body) {{",
              "  return client.messages.create({ to, from: process.env.TWILIO_FROM, body });", "}", "",
              f"async function work{i}(phone) {{"]
    for k, j in enumerate(deps):
        if k % 2:
            lines.append(f"  try {{ await m{j}.send{j}(phone, 'hi'); }} catch (err) {{ console.error(err.code); }}")
        else:
            lines.append(f"  await m{j}.send{j}(phone, 'hi');")
    lines += ["}", "", f"module.exports = {{ send{i}, work{i} }};", ""]
    with open(os.path.join(out, "js", f"mod{i}.js"), "w") as f:
        f.write("\n".join(lines))

for i in range(py):
    deps = others(py, i)
    lines = ["import os", "", "from twilio.base.exceptions import TwilioRestException", "from twilio.rest import Client", ""]
    lines += [f"from .mod{j} import send{j}" for j in deps]
    lines += ["", 'client = Client(os.environ["TWILIO_ACCOUNT_SID"], os.environ["TWILIO_AUTH_TOKEN"])', "", "",
              f"def send{i}(to, body):",
              '    return client.messages.create(to=to, from_=os.environ["TWILIO_FROM"], body=body)', "", "",
              f"def work{i}(phone):"]
    for k, j in enumerate(deps):
        if k % 2:
            lines += ["    try:", f"        send{j}(phone, 'hi')", "    except TwilioRestException as e:", "        print(e.code)"]
        else:
            lines.append(f"    send{j}(phone, 'hi')")
    lines.append("")
    with open(os.path.join(out, "app", f"mod{i}.py"), "w") as f:
        f.write("\n".join(lines))
