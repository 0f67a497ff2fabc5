#!/usr/bin/env python3
"""Benchmarks of `twilint server` (issue 12), with a raw JSON-RPC client (no packages):

  1. warm server: `didChange` on a 300-line Twilio file (bench/data/app.py, the
     file of the stdin row of run.sh) to its `publishDiagnostics` (median and
     90th percentile over the edits, and the server's CPU time per edit;
     target: median <= 5 ms), and the same on a generated module with findings;
  2. memory: resident set size with 500 different 300-line Twilio documents
     open, each with findings (target: <= 150 MB).

    bench/server.py [--binary PATH] [--edits N] [--documents N]

The latency is wall-clock time measured by this client, so it includes the
pipe round trip; on a loaded machine (other builds running) it is inflated:
the load average is printed with the figures.
"""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import tempfile
import time

SID = "AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e"
TOKEN = "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c"


def twilio_file(seed: int, lines: int = 300) -> str:
    """A Flask + Twilio module of `lines` lines: sends, webhooks, numbers, one secret pair."""
    head = [
        '"""SMS notifications and voice webhooks."""',
        "import os",
        "from flask import Flask, request",
        "from twilio.rest import Client",
        "from twilio.twiml.messaging_response import MessagingResponse",
        "",
        "app = Flask(__name__)",
        f'ACCOUNT_SID = "{SID}"',
        f'auth_token = "{TOKEN}"',
        "client = Client(ACCOUNT_SID, auth_token)",
        "",
    ]
    body = []
    n = 0
    while len(head) + len(body) < lines:
        body += [
            f"def notify_{seed}_{n}(user, text):",
            f'    """Tell user {n} about their order."""',
            "    if not user.phone:",
            "        return None",
            f'    message = client.messages.create(to=user.phone, from_="+1415555{n % 10000:04d}", body=text)',
            "    return message.sid",
            "",
            f'@app.route("/sms/{seed}/{n}", methods=["POST"])',
            f"def incoming_{seed}_{n}():",
            '    reply = MessagingResponse()',
            '    reply.message("Thanks, " + request.values.get("From", ""))',
            "    return str(reply)",
            "",
        ]
        n += 1
    return "\n".join((head + body)[:lines]) + "\n"


class Server:
    def __init__(self, binary: str, root: pathlib.Path):
        self.process = subprocess.Popen([binary, "server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        self.next_id = 1
        self.request("initialize", {"capabilities": {}, "workspaceFolders": [{"uri": root.as_uri(), "name": "bench"}]})
        self.notify("initialized", {})

    def send(self, message: dict):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self) -> dict:
        header = b""
        while not header.endswith(b"\r\n\r\n"):
            byte = self.process.stdout.read(1)
            if not byte:
                raise RuntimeError("the server closed its output")
            header += byte
        length = int(header.split(b":")[1].strip())
        return json.loads(self.process.stdout.read(length))

    def request(self, method: str, params: dict) -> dict:
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        self.next_id += 1
        while "id" not in (message := self.receive()):
            pass
        return message

    def notify(self, method: str, params: dict):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def published(self, uri: str, version: int) -> dict:
        while True:
            message = self.receive()
            params = message.get("params", {})
            if message.get("method") == "textDocument/publishDiagnostics" and params["uri"] == uri and params.get("version") == version:
                return params

    def open(self, uri: str, text: str):
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": text}})

    def rss_kib(self) -> tuple[int, int]:
        status = pathlib.Path(f"/proc/{self.process.pid}/status").read_text()
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])

    def cpu_ms(self) -> float:
        """User plus system CPU time the server has used, from /proc (clock ticks)."""
        fields = pathlib.Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")

    def close(self):
        self.request("shutdown", {})
        self.notify("exit", {})
        self.process.wait(timeout=30)


def latency(binary: str, root: pathlib.Path, edits: int, text: str) -> tuple[list[float], float]:
    server = Server(binary, root)
    uri = (root / "notify.py").as_uri()
    server.open(uri, text)
    findings = len(server.published(uri, 1)["diagnostics"])
    times = []
    cpu_before = server.cpu_ms()
    for version in range(2, edits + 2):
        # Type one character into the module docstring and take it out again, alternately.
        line, character = 2, 0
        change = ({"range": {"start": {"line": line, "character": character}, "end": {"line": line, "character": character}}, "text": "x"}
                  if version % 2 == 0 else
                  {"range": {"start": {"line": line, "character": character}, "end": {"line": line, "character": character + 1}}, "text": ""})
        started = time.perf_counter()
        server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        published = server.published(uri, version)
        times.append((time.perf_counter() - started) * 1000)
        assert len(published["diagnostics"]) == findings, published
    cpu_per_edit = (server.cpu_ms() - cpu_before) / edits
    server.close()
    return times[5:], cpu_per_edit  # the first edits warm the caches


def memory(binary: str, root: pathlib.Path, documents: int) -> tuple[int, int]:
    server = Server(binary, root)
    for n in range(documents):
        server.open((root / f"module_{n}.py").as_uri(), twilio_file(n))
    for n in range(documents):
        server.published((root / f"module_{n}.py").as_uri(), 1)
    rss = server.rss_kib()
    server.close()
    return rss


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=str(pathlib.Path(__file__).parents[1] / ".build/release/twilint"))
    parser.add_argument("--edits", type=int, default=300)
    parser.add_argument("--documents", type=int, default=500)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = pathlib.Path(folder)
        (root / ".git").mkdir()
        files = [("bench/data/app.py", (pathlib.Path(__file__).parent / "data/app.py").read_text()),
                 ("a generated module with 112 findings", twilio_file(0))]
        for name, text in files:
            times, cpu = latency(arguments.binary, root, arguments.edits, text)
            times.sort()
            print(f"didChange -> publishDiagnostics, {name}, {len(times)} edits: "
                  f"median {statistics.median(times):.2f} ms, p90 {times[int(len(times) * 0.9)]:.2f} ms, "
                  f"min {times[0]:.2f} ms (target: median <= 5 ms); server CPU {cpu:.2f} ms per edit")
        rss, peak = memory(arguments.binary, root, arguments.documents)
    load = os.getloadavg()
    print(f"{arguments.documents} open 300-line documents: RSS {rss / 1024:.1f} MB, peak {peak / 1024:.1f} MB (target: <= 150 MB)")
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
