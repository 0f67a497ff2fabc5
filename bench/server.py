#!/usr/bin/env python3
"""Benchmarks of `twilint server` (issue 12), with a raw JSON-RPC client (no packages):

  1. warm server: `didChange` on a 300-line Twilio file (bench/data/app.py, the
     file of the stdin row of run.sh) to its `publishDiagnostics` (median and
     90th percentile over the edits, and the server's CPU time per edit;
     target: median <= 5 ms), and the same on a generated module with findings;
  2. memory: resident set size with 500 different 300-line Twilio documents
     open, each with findings (target: <= 150 MB);
  3. a 2,000-file workspace, every file open: a change in the module all the
     others import, timed to its `publishDiagnostics`, and which documents the
     server publishes again (re-judges) for it;
  4. a generated Express + Twilio project of 2,000 files (the project pass links it): a
     change of its routes file (a route's twilio.webhook() taken out and put back) timed to
     the publishDiagnostics of the controller it mounts, which documents are published again
     for it, and the warm-up (the walk for the project facts) against `twilint check`;
  5. a 15,000-file workspace: the server has no indexing step, so the nearest
     real thing is timed, every file opened (didOpen to the last
     publishDiagnostics) against `twilint check` of the same folder.

    bench/server.py [--binary PATH] [--edits N] [--documents N] [--workspace N] [--large-workspace N]

The workspaces are generated at run time into a temporary folder. The figures
go to standard output and to bench/RESULTS-server.md (generated: never edit
its figures by hand).

The latency is wall-clock time measured by this client, so it includes the
pipe round trip; on a loaded machine (other builds running) it is inflated:
the load average is printed with the figures.
"""
import argparse
import datetime
import json
import os
import pathlib
import re
import statistics
import subprocess
import tempfile
import time

SID = "AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e"  # twilint: ignore[TW001] -- made up, for the generated files to hold a finding
TOKEN = "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c"  # twilint: ignore[TW002] -- made up, likewise


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


CLIENT_MODULE = (
    '"""The one Twilio client of the project: every other module imports it."""\n'
    "import os\n"
    "from twilio.rest import Client\n"
    "# Credentials come from the environment.\n"
    'client = Client(os.environ["TWILIO_ACCOUNT_SID"], os.environ["TWILIO_AUTH_TOKEN"])\n'
)


def workspace_module(n: int) -> str:
    """A small module of the generated workspace, sending through the shared client."""
    return "\n".join([
        f'"""Notifications for team {n}."""',
        "from app.twilio_client import client",
        "",
        "",
        f"def notify_team_{n}(user, text):",
        '    """Text the user, when they have a phone."""',
        "    if not user.phone:",
        "        return None",
        f'    message = client.messages.create(to=user.phone, from_="+1415555{n % 10000:04d}", body=text)',
        "    return message.sid",
        "",
    ])


def make_workspace(root: pathlib.Path, files: int) -> list[pathlib.Path]:
    """`files` files: app/twilio_client.py first, then modules in folders of 100."""
    client = root / "app/twilio_client.py"
    client.parent.mkdir(parents=True)
    client.write_text(CLIENT_MODULE)
    paths = [client]
    for n in range(files - 1):
        path = root / f"app/team_{n // 100:03d}/notify_{n}.py"
        path.parent.mkdir(exist_ok=True)
        path.write_text(workspace_module(n))
        paths.append(path)
    return paths


PROJECT_CONTROLLERS = 20
SMS_HELPER = (
    "const client = require('twilio')(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);\n"
    "\n"
    "async function send(to, body) {\n"
    "  return client.messages.create({ to, from: process.env.TWILIO_FROM, body });\n"
    "}\n"
    "\n"
    "module.exports = { send };\n"
)


def project_route(n: int, validated: bool) -> str:
    return f"router.post('/sms/{n}', twilio.webhook(), c{n}.reply);" if validated else f"router.post('/sms/{n}', c{n}.reply);"


def make_project(root: pathlib.Path, files: int) -> dict:
    """An Express app of `files` files whose package.json depends on twilio: routes/index.js mounts
    the controllers controllers/c0.js … behind twilio.webhook(); services/sms.js is a send helper
    that modules in folders of 100 (lib/team_NNN/notify_N.js) call in try/catch."""
    (root / "package.json").write_text('{"name": "bench-project", "dependencies": {"twilio": "^5.0.0", "express": "^4.0.0"}}\n')
    for folder in ("routes", "controllers", "services", "lib"):
        (root / folder).mkdir()
    routes = ["const express = require('express');", "const twilio = require('twilio');"]
    routes += [f"const c{n} = require('../controllers/c{n}');" for n in range(PROJECT_CONTROLLERS)]
    routes += ["", "const router = express.Router();"]
    route_lines = {}
    for n in range(PROJECT_CONTROLLERS):
        route_lines[n] = len(routes)
        routes.append(project_route(n, True))
    routes += ["", "module.exports = router;", ""]
    (root / "routes/index.js").write_text("\n".join(routes))
    controllers = []
    for n in range(PROJECT_CONTROLLERS):
        path = root / f"controllers/c{n}.js"
        path.write_text("\n".join([
            "const { MessagingResponse } = require('twilio').twiml;", "",
            "exports.reply = (req, res) => {",
            "  const twiml = new MessagingResponse();",
            f"  twiml.message(`Team {n} got: ${{req.body.Body}}`);",
            "  res.type('text/xml').send(twiml.toString());",
            "};", ""]))
        controllers.append(path)
    (root / "services/sms.js").write_text(SMS_HELPER)
    modules = []
    for n in range(files - PROJECT_CONTROLLERS - 3):
        path = root / f"lib/team_{n // 100:03d}/notify_{n}.js"
        path.parent.mkdir(exist_ok=True)
        path.write_text("\n".join([
            "const { send } = require('../../services/sms');", "",
            f"async function notify{n}(user) {{",
            "  try {", f"    await send(user.phone, 'Team {n}: your order shipped');",
            "  } catch (err) {", "    console.error(err.code);", "  }", "}", "",
            f"module.exports = {{ notify{n} }};", ""]))
        modules.append(path)
    return {"routes": root / "routes/index.js", "route_lines": route_lines, "controllers": controllers, "modules": modules}


class Server:
    def __init__(self, binary: str, root: pathlib.Path, log: pathlib.Path | None = None):
        self.process = subprocess.Popen([binary, "server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=log.open("w") if log else subprocess.DEVNULL)
        self.next_id = 1
        self.request("initialize", {"capabilities": {}, "workspaceFolders": [{"uri": root.as_uri(), "name": "bench"}]})
        self.notify("initialized", {})

    def send(self, message: dict):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self) -> dict:
        length = None
        while (line := self.process.stdout.readline()) != b"\r\n":
            if not line:
                raise RuntimeError("the server closed its output")
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
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

    def published_any(self, uri: str) -> tuple[dict, list[dict]]:
        """The next publishDiagnostics of `uri`, and the messages read before it."""
        seen = []
        while True:
            message = self.receive()
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri:
                return message["params"], seen
            seen.append(message)

    def until_answered(self, method: str, params: dict) -> list[dict]:
        """Sends a request and returns the notifications that came before its answer.
        The server handles messages in order, so the answer comes after whatever the
        messages sent before it set off."""
        request_id = self.next_id
        self.send({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
        self.next_id += 1
        seen = []
        while (message := self.receive()).get("id") != request_id:
            seen.append(message)
        return seen

    def open_all(self, paths: list[pathlib.Path]) -> float:
        """Opens every file and waits for every first publishDiagnostics; the seconds it took."""
        texts = [(path.as_uri(), path.read_text()) for path in paths]
        started = time.perf_counter()
        for uri, text in texts:
            self.open(uri, text)
        waiting = {uri for uri, _ in texts}
        while waiting:
            message = self.receive()
            if message.get("method") == "textDocument/publishDiagnostics":
                waiting.discard(message["params"]["uri"])
        return time.perf_counter() - started

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


def workspace_change(binary: str, root: pathlib.Path, files: int, edits: int) -> dict:
    """Every file of a `files`-file workspace open; `edits` changes of the module all others
    import. The documents published again between each didChange and a request sent once
    the changed file's diagnostics arrived are the ones the server re-judged."""
    paths = make_workspace(root, files)
    server = Server(binary, root)
    opened = server.open_all(paths)
    uri = paths[0].as_uri()
    republished: dict[str, int] = {}
    times = []
    cpu_before = server.cpu_ms()
    for version in range(2, edits + 2):
        # Type one character into the comment on line 3 and take it out again, alternately.
        position = {"line": 3, "character": 2}
        change = ({"range": {"start": position, "end": position}, "text": "x"} if version % 2 == 0 else
                  {"range": {"start": position, "end": {"line": 3, "character": 3}}, "text": ""})
        started = time.perf_counter()
        server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        server.published(uri, version)
        times.append((time.perf_counter() - started) * 1000)
        for message in server.until_answered("textDocument/diagnostic", {"textDocument": {"uri": uri}}):
            if message.get("method") == "textDocument/publishDiagnostics":
                republished[message["params"]["uri"]] = republished.get(message["params"]["uri"], 0) + 1
        republished[uri] = republished.get(uri, 0) + 1
    cpu_per_edit = (server.cpu_ms() - cpu_before) / edits
    server.close()
    times = sorted(times[5:])
    return {"opened": opened, "times": times, "cpu": cpu_per_edit, "republished": republished, "changed": uri}


def project_change(binary: str, root: pathlib.Path, files: int, edits: int) -> dict:
    """A generated Express + Twilio project: the routes file, every controller and 100 other modules
    open; `edits` changes of the routes file, each taking one route's twilio.webhook() out or putting
    it back, timed from didChange to the publishDiagnostics of the controller that route mounts. The
    documents published for each change (up to a request's answer) must be the routes file and that
    controller. Also the warm-up the first controller's didOpen sets off (the server's own log
    line), against `twilint check` of the folder."""
    project = make_project(root, files)
    log = root.parent / f"{root.name}-server.log"

    def check() -> float:
        runs = []
        for _ in range(4):  # the first warms the page cache and is left out
            started = time.perf_counter()
            subprocess.run([binary, "check", "--format", "json", "-o", "/dev/null", str(root)], check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            runs.append(time.perf_counter() - started)
        return statistics.median(runs[1:])

    cli = check()
    server = Server(binary, root, log=log)
    controllers = [path.as_uri() for path in project["controllers"]]
    started = time.perf_counter()
    server.open(controllers[0], project["controllers"][0].read_text())
    first = server.published(controllers[0], 1)
    first_open = time.perf_counter() - started
    assert "TW003" not in [d["code"] for d in first["diagnostics"]], "the router on disk validates the controller"
    rest = project["controllers"][1:] + [project["routes"]] + project["modules"][:100]
    server.open_all(rest)
    routes_uri = project["routes"].as_uri()
    routes_lines = project["routes"].read_text().split("\n")
    times, wrong = [], set()
    republished: dict[str, int] = {}
    cpu_before = server.cpu_ms()
    for version in range(2, edits + 2):
        n = (version // 2) % PROJECT_CONTROLLERS
        validated = version % 2 == 1  # even versions take the middleware out, odd ones put it back
        line = project["route_lines"][n]
        new = project_route(n, validated)
        change = {"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": len(routes_lines[line])}},
                  "text": new}
        routes_lines[line] = new
        started = time.perf_counter()
        server.notify("textDocument/didChange", {"textDocument": {"uri": routes_uri, "version": version}, "contentChanges": [change]})
        params, before = server.published_any(controllers[n])
        times.append((time.perf_counter() - started) * 1000)
        if ("TW003" in [d["code"] for d in params["diagnostics"]]) == validated:
            wrong.add(version)
        seen = {controllers[n]}
        for message in before + server.until_answered("textDocument/diagnostic", {"textDocument": {"uri": routes_uri}}):
            if message.get("method") == "textDocument/publishDiagnostics":
                seen.add(message["params"]["uri"])
        if seen != {routes_uri, controllers[n]}:
            wrong.add(version)
        for uri in seen:
            republished[uri] = republished.get(uri, 0) + 1
    cpu_per_edit = (server.cpu_ms() - cpu_before) / edits
    opened = len(rest) + 1
    server.close()
    warm = re.search(r"project facts of (\d+) files in (\d+) ms", log.read_text())
    return {"times": sorted(times[5:]), "cpu": cpu_per_edit, "republished": republished, "wrong": wrong, "opened": opened,
            "first_open": first_open, "warm_files": int(warm[1]) if warm else 0, "warm": int(warm[2]) / 1000 if warm else float("nan"),
            "cli": cli}


def large_workspace(binary: str, root: pathlib.Path, files: int) -> dict:
    """Every file of a `files`-file workspace opened in one server, against `twilint check` of it
    (as the server lints, on one thread, and with the default jobs)."""
    paths = make_workspace(root, files)

    def check(*extra: str) -> float:
        runs = []
        for _ in range(4):  # the first warms the page cache and is left out
            started = time.perf_counter()
            subprocess.run([binary, "check", "--format", "json", "-o", "/dev/null", *extra, str(root)], check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            runs.append(time.perf_counter() - started)
        return statistics.median(runs[1:])

    cli, cli_one_thread = check(), check("--jobs", "1")
    server = Server(binary, root)
    opened = server.open_all(paths)
    rss, _ = server.rss_kib()
    server.close()
    return {"opened": opened, "cli": cli, "cli_one_thread": cli_one_thread, "rss": rss}


def seconds(value: float) -> str:
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def results_table(rows: list[tuple[str, str, str, str]]) -> str:
    lines = ["| target | measured | ratio | result |", "|---|---|---|---|"]
    lines += [f"| {' | '.join(row)} |" for row in rows]
    return "\n".join(lines)


def verdict(ok: bool) -> str:
    return "pass" if ok else "**FAIL**"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=str(pathlib.Path(__file__).parents[1] / ".build/release/twilint"))
    parser.add_argument("--edits", type=int, default=300)
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--workspace", type=int, default=2000, help="files of the workspace a change is made in")
    parser.add_argument("--large-workspace", type=int, default=15000, help="files of the workspace opened whole (0 skips it)")
    parser.add_argument("--results", default=str(pathlib.Path(__file__).parent / "RESULTS-server.md"))
    arguments = parser.parse_args()
    load_before = os.getloadavg()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        root = pathlib.Path(folder)
        (root / ".git").mkdir()
        files = [("bench/data/app.py", (pathlib.Path(__file__).parent / "data/app.py").read_text(), True),
                 ("a generated module with 112 findings", twilio_file(0), False)]
        for name, text, targeted in files:
            times, cpu = latency(arguments.binary, root, arguments.edits, text)
            times.sort()
            median = statistics.median(times)
            measured = (f"median {median:.2f} ms, p90 {times[int(len(times) * 0.9)]:.2f} ms, min {times[0]:.2f} ms "
                        f"over {len(times)} edits; server CPU {cpu:.2f} ms per edit")
            if targeted:
                rows.append((f"warm server, `didChange` on {name} (300 lines) to `publishDiagnostics`, median ≤ 5 ms",
                             measured, f"{median / 5:.2f}× target", verdict(median <= 5)))
            else:
                rows.append((f"the same on {name}", measured, "", "recorded, no target"))
        rss, peak = memory(arguments.binary, root, arguments.documents)
        rows.append((f"{arguments.documents} open 300-line documents ≤ 150 MB RSS", f"RSS {rss / 1024:.1f} MB, peak {peak / 1024:.1f} MB",
                     f"{rss / 1024 / 150:.2f}× target", verdict(rss / 1024 <= 150)))

        change_root = root / f"workspace-{arguments.workspace}"
        change_root.mkdir()
        (change_root / ".git").mkdir()
        change = workspace_change(arguments.binary, change_root, arguments.workspace, arguments.edits)
        times = change["times"]
        others = sorted(set(change["republished"]) - {change["changed"]})
        rows.append((f"a change in one file of a {arguments.workspace:,}-file workspace re-judges only what depends on it",
                     f"{len(change['republished'])} of {arguments.workspace:,} open documents published again over "
                     f"{arguments.edits} edits of `app/twilio_client.py`, which every other file imports (no manifest of it "
                     f"depends on Twilio, so the project pass links nothing and only the changed one should be); `didChange` to `publishDiagnostics` median "
                     f"{statistics.median(times):.2f} ms, p90 {times[int(len(times) * 0.9)]:.2f} ms; server CPU "
                     f"{change['cpu']:.2f} ms per edit; opening all {arguments.workspace:,} took {seconds(change['opened'])}",
                     f"{len(others)} other documents", verdict(not others)))

        project_root = root / f"project-{arguments.workspace}"
        project_root.mkdir()
        (project_root / ".git").mkdir()
        project = project_change(arguments.binary, project_root, arguments.workspace, arguments.edits)
        times = project["times"]
        rows.append((f"a change in the routes file of a {arguments.workspace:,}-file Express + Twilio project re-publishes "
                     "exactly the documents that depend on it",
                     f"{project['opened']} documents open (the routes file, {PROJECT_CONTROLLERS} controllers it mounts, 100 "
                     f"modules calling a send helper); {arguments.edits} edits of the routes file, each taking one route's "
                     f"`twilio.webhook()` out or putting it back: {len(project['wrong'])} published anything but the routes file "
                     f"and that route's controller (with TW003 as the route says); `didChange` to the controller's "
                     f"`publishDiagnostics` median {statistics.median(times):.2f} ms, p90 {times[int(len(times) * 0.9)]:.2f} ms; "
                     f"server CPU {project['cpu']:.2f} ms per edit; {len(project['republished'])} documents published over all edits",
                     f"{len(project['wrong'])} wrong edits", verdict(not project["wrong"])))
        rows.append((f"warm-up of that project: the walk for every file's project facts, set off by the first controller's "
                     f"`didOpen`, against `twilint check` of the folder",
                     f"warm-up {seconds(project['warm'])} for the facts of {project['warm_files']:,} files (the server's log); "
                     f"first `didOpen` to `publishDiagnostics` {seconds(project['first_open'])}; `twilint check` "
                     f"{seconds(project['cli'])}", f"{project['warm'] / project['cli']:.2f}× a CLI scan", "recorded, no target"))
        rows.append((f"opening a {arguments.large_workspace or 15000:,}-file workspace indexes in ≤ 2× a CLI scan of it",
                     "no step when a workspace opens: the server walks a folder for its project facts only when an open "
                     "document of it first asks other files (the warm-up row above); this workspace has no manifest that "
                     "depends on Twilio, so nothing is walked, and documents are linted as the editor opens them",
                     "", "skipped"))
        if arguments.large_workspace:
            large_root = root / f"workspace-{arguments.large_workspace}"
            large_root.mkdir()
            (large_root / ".git").mkdir()
            large = large_workspace(arguments.binary, large_root, arguments.large_workspace)
            ratio = large["opened"] / large["cli"]
            rows.append((f"nearest real thing: all {arguments.large_workspace:,} files of it opened (`didOpen` to the last "
                         "`publishDiagnostics`) against `twilint check` of the folder, 2× for reference",
                         f"server {seconds(large['opened'])} (one thread, RSS after {large['rss'] / 1024:.0f} MB); "
                         f"`twilint check` {seconds(large['cli'])}, with `--jobs 1` {seconds(large['cli_one_thread'])}",
                         f"{ratio:.2f}× (`--jobs 1`: {large['opened'] / large['cli_one_thread']:.2f}×)", verdict(ratio <= 2)))
    load = os.getloadavg()
    table = results_table(rows)
    print(table)
    command = " ".join(["bench/server.py"] + [f"--{name.replace('_', '-')} {value}" for name, value in vars(arguments).items()
                                              if name not in ("binary", "results") and value != parser.get_default(name)])
    binary = pathlib.Path(arguments.binary).resolve()
    repository = pathlib.Path(__file__).resolve().parents[1]
    shown = binary.relative_to(repository) if binary.is_relative_to(repository) else binary
    built = datetime.datetime.fromtimestamp(binary.stat().st_mtime, datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    version = subprocess.run([str(binary), "--version"], capture_output=True, text=True).stdout.strip()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=pathlib.Path(__file__).parent).stdout.strip() or "unknown"
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    pathlib.Path(arguments.results).write_text("\n".join([
        f"# twilint language server benchmark (`{command}`)",
        "",
        "Generated by `bench/server.py`; do not edit the figures by hand. What each row means: [README.md](README.md).",
        "",
        f"{now}, {os.cpu_count()} cores, load average at the start {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}, "
        f"at the end {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; twilint {version} (`{shown}`, built {built}, "
        f"tree at commit {commit})",
        "",
        table,
        "",
    ]))
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores; written to {arguments.results}")


if __name__ == "__main__":
    main()
