#!/usr/bin/env python3
"""Generate the stress inputs of the twilint benchmark (deterministic).

    make-stress.py OUT_DIR SCALE

Each input is one file that has made some part of the analysis superlinear
before; SCALE (1 for the benchmark, smaller for --quick) multiplies its size.
Under OUT_DIR:
  sends-one-function.py / .js / .swift   one function with 8,000 sends
  sends-many-functions.py / .js          8,000 functions of one send each
  routes-many.js / .py                   8,000 webhook routes in one file
  literals-one-call.js / .py             20,000 string literals in one call
  nesting.js / nesting.py                100,000 brackets of nesting
  short-lines.py                         1,000,000 short lines
  numbers-one-line.js                    a 10 MB line of +1415… numbers
  deep-blocks.py / deep-functions.py / deep-try.py
                                         Python ifs, functions and try blocks nested 3,000 levels deep
Every file uses Twilio, so the behaviour rules judge it. No real credentials.
"""

import os
import random
import sys

out, scale = sys.argv[1], float(sys.argv[2])
rng = random.Random(11)
os.makedirs(out, exist_ok=True)


def n(count):
    return max(1, int(count * scale))


def write(name, text):
    with open(os.path.join(out, name), "w") as f:
        f.write(text)


sends = n(8000)
write("sends-one-function.py", "from twilio.rest import Client\nclient = Client()\n\n\ndef blast(numbers, text):\n"
      + "".join(f"    client.messages.create(to=numbers[{i}], from_=FROM, body=text)\n" for i in range(sends)))
write("sends-one-function.js", "const client = require('twilio')(sid, token);\n\nasync function blast(numbers, text) {\n"
      + "".join(f"  await client.messages.create({{ to: numbers[{i}], from: FROM, body: text }});\n" for i in range(sends))
      + "}\n")
write("sends-one-function.swift", "import Foundation\n\nfunc blast(numbers: [String], text: String) async throws {\n"
      + "".join(f'    var request{i} = URLRequest(url: URL(string: "https://api.twilio.com/2010-04-01/Accounts/\\(sid)/Messages.json")!)\n'
                f'    request{i}.httpBody = "To=\\(numbers[{i}])&From=\\(from)&Body=\\(text)".data(using: .utf8)\n'
                f'    _ = try await URLSession.shared.data(for: request{i})\n' for i in range(sends))
      + "}\n")
write("sends-many-functions.py", "from twilio.rest import Client\nclient = Client()\n"
      + "".join(f"\n\ndef send{i}(number, text):\n    client.messages.create(to=number, from_=FROM, body=text)\n" for i in range(sends)))
write("sends-many-functions.js", "const client = require('twilio')(sid, token);\n"
      + "".join(f"\nasync function send{i}(number, text) {{\n  await client.messages.create({{ to: number, from: FROM, body: text }});\n}}\n"
                for i in range(sends)))

routes = n(8000)
write("routes-many.js", "const express = require('express');\nconst twilio = require('twilio');\nconst app = express();\n"
      + "".join(f"app.post('/sms{i}', (req, res) => {{\n  const twiml = new twilio.twiml.MessagingResponse();\n"
                f"  twiml.message(req.body.Body);\n  res.type('text/xml').send(twiml.toString());\n}});\n" for i in range(routes)))
write("routes-many.py", "from flask import Flask, request\nfrom twilio.twiml.messaging_response import MessagingResponse\napp = Flask(__name__)\n"
      + "".join(f"\n\n@app.route('/sms{i}', methods=['POST'])\ndef sms{i}():\n    resp = MessagingResponse()\n"
                f"    resp.message(request.form['Body'])\n    return str(resp)\n" for i in range(routes)))

literals = n(20000)
write("literals-one-call.js", "const client = require('twilio')(sid, token);\nclient.messages.create({ to: TO, from: FROM, body: [\n"
      + "".join(f"  'part {i} {rng.randrange(10**6)}',\n" for i in range(literals)) + "].join(' ') });\n")
write("literals-one-call.py", "from twilio.rest import Client\nclient = Client()\nclient.messages.create(to=TO, from_=FROM, body=' '.join([\n"
      + "".join(f"    'part {i} {rng.randrange(10**6)}',\n" for i in range(literals)) + "]))\n")

depth = n(100000)
# Twenty brackets a line: one long line would be a minified bundle, which the behaviour rules skip.
def lines_of(text, width=20):
    return "\n".join(text[i:i + width] for i in range(0, len(text), width))


write("nesting.js", "const twilio = require('twilio');\nconst x = " + lines_of("({[" * (depth // 3) + "1" + "]})" * (depth // 3)) + ";\n"
      + "const y = " + lines_of("{" * (depth // 2) + "(" * (depth // 2)) + ";\n"
      + "async function send(number) { await client.messages.create({ to: number, from: FROM, body: 'x' }); }\n")
write("nesting.py", "from twilio.rest import Client\nx = " + lines_of("(" * depth + "1" + ")" * depth) + "\ny = " + lines_of("[" * depth) + "\n"
      + "def send(number):\n    client.messages.create(to=number, from_=FROM, body='x')\n")

lines = n(1000000)
write("short-lines.py", "from twilio.rest import Client\nclient = Client()\n"
      + "".join(f"x{i % 97} = {i}\n" for i in range(lines)))

numbers = n(10_000_000) // 14
write("numbers-one-line.js", "const twilio = require('twilio'); const to = ["
      + ",".join(f"'+1415{rng.randrange(10**6, 10**7)}'" for _ in range(numbers)) + "];\n")

levels = n(3000)
body = ["from twilio.rest import Client", "client = Client()", "", "def deep(number):"]
for level in range(levels):
    body.append(" " * (level + 1) + f"if number != {level}:")
body.append(" " * (levels + 1) + "client.messages.create(to=number, from_=FROM, body='deep')")
write("deep-blocks.py", "\n".join(body) + "\n")

body = ["from twilio.rest import Client", "client = Client()"]
body += [" " * level + f"def f{level}(number):" for level in range(levels)]
body.append(" " * levels + "client.messages.create(to=number, from_=FROM, body='deep')")
write("deep-functions.py", "\n".join(body) + "\n")

body = ["from twilio.rest import Client", "client = Client()"]
body += [" " * level + "try:" for level in range(levels)]
body.append(" " * levels + "client.messages.create(to=number, from_=FROM, body='deep')")
for level in reversed(range(levels)):
    body += [" " * level + "except Exception:", " " * (level + 1) + "pass"]
write("deep-try.py", "\n".join(body) + "\n")
