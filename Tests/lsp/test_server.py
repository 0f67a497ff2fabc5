"""twilint server driven by a real LSP client (pygls, through pytest-lsp):
pull and push diagnostics, UTF-16 positions, incremental edits, cancellation,
configuration reload, hover and code actions."""
import asyncio
import json
import os
import subprocess

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcRequestCancelled
from pytest_lsp import LanguageClient

from conftest import TWILINT, start, until

SID = "AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e"
TOKEN = "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c"
# An emoji (two UTF-16 units, four bytes) and CJK (one unit, three bytes) before the SID.
LINE = f'greeting = "😀 你好"; sid = "{SID}"\n'


def open_document(client: LanguageClient, name: str, text: str, version: int = 1) -> str:
    path = client.workspace_root / name
    path.write_text(text)
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="python", version=version, text=text)))
    return uri


async def diagnostics_for(client: LanguageClient, uri: str, version: int | None = None):
    """Waits for the publishDiagnostics of `uri` (at `version`, when given)."""
    while True:
        await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 20)
        if uri in client.diagnostics and (version is None or client.diagnostics_versions.get(uri) == version):
            return client.diagnostics[uri]


@pytest.mark.asyncio
async def test_initialize_reports_capabilities_and_negotiates_utf8(client: LanguageClient):
    result = await start(client, utf8=True)
    capabilities = result.capabilities
    assert capabilities.position_encoding == types.PositionEncodingKind.Utf8
    assert capabilities.text_document_sync.change == types.TextDocumentSyncKind.Incremental
    assert capabilities.hover_provider is True
    assert capabilities.diagnostic_provider.identifier == "twilint"
    assert result.server_info.name == "twilint"
    uri = open_document(client, "app.py", LINE)
    [diagnostic] = await diagnostics_for(client, uri)
    # In bytes: 'greeting = "' 12, the emoji 4, a space, CJK 6, '"; sid = "' 10.
    assert diagnostic.range.start == types.Position(line=0, character=33)


@pytest.mark.asyncio
async def test_push_and_pull_diagnostics_count_utf16_units(client: LanguageClient):
    result = await start(client)
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf16
    uri = open_document(client, "app.py", "import os\n" + LINE)
    [pushed] = await diagnostics_for(client, uri)
    # 'greeting = "' 12, the emoji 2 units, a space, CJK 2, '"; sid = "' 10.
    assert pushed.range == types.Range(start=types.Position(line=1, character=27), end=types.Position(line=1, character=61))
    assert pushed.code == "TW001"
    assert pushed.source == "twilint"
    assert pushed.severity == types.DiagnosticSeverity.Error
    assert pushed.message == "Hardcoded Twilio SID detected. Use environment variables."
    assert pushed.code_description.href.endswith("/rules/TW001-hardcoded-twilio-sid.yml")
    assert SID not in json.dumps(str(pushed)), "secrets stay redacted"

    report = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert report.kind == "full"
    assert [item.range for item in report.items] == [pushed.range]
    again = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(uri=uri), previous_result_id=report.result_id))
    assert again.kind == "unchanged"


@pytest.mark.asyncio
async def test_incremental_edits_relint_the_document(client: LanguageClient):
    await start(client)
    uri = open_document(client, "app.py", "import os\n" + LINE)
    assert len(await diagnostics_for(client, uri, version=1)) == 1

    # Replace the SID literal (UTF-16 columns 26..62, quotes included) with an environment read.
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=1, character=26), end=types.Position(line=1, character=62)),
            text='os.environ["TWILIO_ACCOUNT_SID"]')]))
    assert list(await diagnostics_for(client, uri, version=2)) == []

    # Two quick edits in a row: a token added at the end, then a comment on the first line.
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=3),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=2, character=0), end=types.Position(line=2, character=0)),
            text=f'auth_token = "{TOKEN}"\n')]))
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=4),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=0, character=9), end=types.Position(line=0, character=9)),
            text="  # 日本")]))
    [token] = await diagnostics_for(client, uri, version=4)
    assert token.code == "TW002"
    assert token.range.start == types.Position(line=2, character=14)

    # Saving lints again (a file on disk the buffer matches); closing clears the diagnostics.
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert [d.code for d in await diagnostics_for(client, uri, version=4)] == ["TW002"]
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    await until(client, lambda: client.diagnostics_versions.get(uri) is None)
    assert list(client.diagnostics[uri]) == []


@pytest.mark.asyncio
async def test_a_cancelled_request_is_answered_request_cancelled(client: LanguageClient):
    await start(client)
    # A large file keeps the server busy, so the hover behind it is still waiting when cancelled.
    big = "".join(f'const authToken{n} = "{TOKEN}";\n' for n in range(8_000))
    path = client.workspace_root / "bundle.js"
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=path.as_uri(), language_id="javascript", version=1, text=big)))
    params = types.HoverParams(text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
                               position=types.Position(line=0, character=24))
    request = client.protocol.send_request(types.TEXT_DOCUMENT_HOVER, params, msg_id=4242)
    client.protocol.notify(types.CANCEL_REQUEST, types.CancelParams(id=4242))
    with pytest.raises(JsonRpcRequestCancelled):
        await asyncio.wait_for(asyncio.wrap_future(request), 60)
    # The server goes on: the next hover is answered.
    hover = await client.text_document_hover_async(params)
    assert "TW002" in hover.contents.value


@pytest.mark.asyncio
async def test_configuration_reload_and_a_broken_configuration(client: LanguageClient):
    await start(client)
    config = client.workspace_root / ".twilint.yml"
    config.write_text("ignore: [TW001]\n")
    uri = open_document(client, "app.py", LINE)
    assert list(await diagnostics_for(client, uri)) == []

    def changed():
        client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]))

    config.write_text("ignore: []\n")
    changed()
    await until(client, lambda: [d.code for d in client.diagnostics[uri]] == ["TW001"])

    config.write_text("ignore: [TW001]\nfail-on: sometimes\n")
    changed()
    await until(client, lambda: client.diagnostics.get(config.as_uri()))
    [problem] = client.diagnostics[config.as_uri()]
    assert problem.range.start.line == 1
    assert "invalid configuration" in problem.message and "fail-on" in problem.message, problem.message
    assert problem.severity == types.DiagnosticSeverity.Error
    assert list(client.diagnostics[uri]) == []

    config.write_text("ignore: []\n")
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={}))
    await until(client, lambda: not client.diagnostics.get(config.as_uri()) and len(client.diagnostics[uri]) == 1)
    assert [d.code for d in client.diagnostics[uri]] == ["TW001"]


@pytest.mark.asyncio
async def test_hover_shows_the_rule_documentation(client: LanguageClient):
    await start(client)
    uri = open_document(client, "app.py", LINE)
    await diagnostics_for(client, uri)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=30)))
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert hover.contents.value.startswith("**TW001 hardcoded-twilio-sid** (error): Hardcoded Twilio SID detected.")
    assert "**Why it matters.**" in hover.contents.value and "**How to fix.**" in hover.contents.value
    assert SID not in hover.contents.value
    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=2)))
    assert nothing is None


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Applies LSP text edits (UTF-16 positions) the way an editor does."""
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        line = lines[position.line]
        units = line.encode("utf-16-le")[: 2 * position.character].decode("utf-16-le")
        return sum(len(l) + 1 for l in lines[: position.line]) + len(units)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


@pytest.mark.asyncio
async def test_code_actions_fix_or_suppress_and_the_result_compiles(client: LanguageClient):
    await start(client, workspace=types.WorkspaceClientCapabilities(
        workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True)))
    text = "from twilio.rest import Client\n" + LINE + "x = 1  # twilint: ignore[TW002] -- old\n"
    uri = open_document(client, "app.py", text)
    found = await diagnostics_for(client, uri)
    assert sorted(d.code for d in found) == ["TW000", "TW001"]
    unused = next(d for d in found if d.code == "TW000")
    assert list(unused.tags) == [types.DiagnosticTag.Unnecessary]

    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=1, character=30), end=types.Position(line=1, character=30)),
        context=types.CodeActionContext(diagnostics=list(found))))
    titles = [action.title for action in actions]
    assert titles == ["Read TWILIO_ACCOUNT_SID from the environment (unsafe: it changes behaviour; "
                      "then export TWILIO_ACCOUNT_SID=AC3f…5e)", "Suppress TW001 on this line"]
    fix, suppress = actions
    [change] = fix.edit.document_changes
    assert change.text_document.version == 1
    fixed = apply_edits(text, change.edits)
    assert fixed.startswith('import os\nfrom twilio.rest import Client\ngreeting = "😀 你好"; sid = os.environ["TWILIO_ACCOUNT_SID"]\n')
    path = client.workspace_root / "fixed.py"
    path.write_text(fixed)
    subprocess.run(["python3", "-m", "py_compile", str(path)], check=True)
    suppressed = apply_edits(text, suppress.edit.document_changes[0].edits)
    assert suppressed.split("\n")[1] == LINE.rstrip("\n") + "  # twilint: ignore[TW001] -- reason"

    [remove] = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=2, character=10), end=types.Position(line=2, character=12)),
        context=types.CodeActionContext(diagnostics=[unused])))
    assert remove.title == "Remove the unused 'twilint: ignore[TW002]'"
    assert remove.is_preferred is True
    assert apply_edits(text, remove.edit.document_changes[0].edits).split("\n")[2] == "x = 1"

    # The source action applies every safe fix of the file (here the one removal), as --fix does.
    [fix_all] = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
        context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll])))
    assert fix_all.kind == "source.fixAll.twilint"
    assert fix_all.title == "Fix all safe twilint findings (1)"
    assert apply_edits(text, fix_all.edit.document_changes[0].edits) == text.replace("  # twilint: ignore[TW002] -- old", "")


def test_malformed_messages_are_answered_and_the_server_lives_on():
    """Raw bytes, no client library: bad JSON, a bad header, a non-request, an unknown method."""
    server = subprocess.Popen([TWILINT, "server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def send(body: bytes):
        server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        server.stdin.flush()

    def receive() -> dict:
        header = b""
        while not header.endswith(b"\r\n\r\n"):
            header += server.stdout.read(1)
        length = int(header.split(b":")[1].strip())
        return json.loads(server.stdout.read(length))

    send(b'{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}')
    assert "capabilities" in receive()["result"]
    send(b"{not json")
    assert receive() == {"jsonrpc": "2.0", "id": None, "error": {"code": -32700, "message": "the message is not valid JSON"}}
    server.stdin.write(b"X-Nonsense: 1\r\n\r\n")
    send(b'[1, 2]')
    assert receive()["error"]["code"] == -32600
    send(b'{"jsonrpc": "2.0", "id": 2, "method": "twilint/unknown"}')
    assert receive() == {"jsonrpc": "2.0", "id": 2, "error": {"code": -32601, "message": "twilint does not handle 'twilint/unknown'"}}
    send(b'{"jsonrpc": "2.0", "id": 3, "method": "shutdown"}')
    assert receive() == {"jsonrpc": "2.0", "id": 3, "result": None}
    send(b'{"jsonrpc": "2.0", "method": "exit"}')
    assert server.wait(timeout=20) == 0
    log = server.stderr.read().decode()
    assert "a message header without a valid Content-Length was skipped" in log


@pytest.mark.asyncio
async def test_a_broken_custom_rule_is_a_diagnostic_on_its_file(client: LanguageClient):
    await start(client)
    rules = client.workspace_root / "rules"
    rules.mkdir()
    rule = rules / "ACME1-internal-host.yml"
    rule.write_text("id: ACME1\nname: internal-host\nseverity: warning\nscope: string\nmessage: Internal host.\n"
                    "patterns:\n  - regex: '(unclosed'\ndocs: {summary: s, what: w, why: y, fix: f}\n"
                    "examples: {match: ['u = \"internal.acme.test\"'], no-match: ['# internal.acme.test']}\n")
    (client.workspace_root / ".twilint.yml").write_text("rules-dir: [rules]\n")
    uri = open_document(client, "app.py", 'host = "internal.acme.test"\n')
    await until(client, lambda: client.diagnostics.get(rule.as_uri()))
    [problem] = client.diagnostics[rule.as_uri()]
    assert "invalid rule file" in problem.message, problem.message
    assert problem.source == "twilint"

    rule.write_text(rule.read_text().replace("'(unclosed'", "'internal\\.acme\\.test'"))
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=rule.as_uri(), type=types.FileChangeType.Changed)]))
    await until(client, lambda: not client.diagnostics.get(rule.as_uri()) and client.diagnostics.get(uri))
    assert [d.code for d in client.diagnostics[uri]] == ["ACME1"]


def cli_report(client: LanguageClient, *arguments: str) -> dict:
    """`twilint check --format json` in the test's folder, as a user would run it."""
    run = subprocess.run([TWILINT, "check", "--format", "json", *arguments, "."], cwd=client.workspace_root,
                         capture_output=True, text=True)
    return json.loads(run.stdout)


@pytest.mark.asyncio
async def test_a_directive_naming_no_known_rule_is_the_clis_warning_until_fixed(client: LanguageClient):
    await start(client)
    text = f'sid = "{SID}"  # 😀 twilint: ignore[TW01] -- typo\n'
    uri = open_document(client, "app.py", text)
    found = await diagnostics_for(client, uri, version=1)
    [cli] = cli_report(client)["diagnostics"]
    # 'sid = "' 7, the SID 34, '"  # ' 5, the emoji 2 UTF-16 units and a space: 'twilint:' starts at 49; the
    # directive's range ends after ']' (21 characters on).
    assert [d for d in found if d.code is None] == [types.Diagnostic(
        range=types.Range(start=types.Position(line=0, character=49), end=types.Position(line=0, character=70)),
        severity=types.DiagnosticSeverity.Warning, source="twilint",
        message="line 1: 'twilint: ignore[TW01]' names no known rule 'TW01'; run 'twilint rules' to list the ids and names")]
    assert cli == {"level": "warning", "path": "app.py", "message": found[-1].message}, "the message twilint check prints"
    assert [d.code for d in found] == ["TW001", None], "the typo suppresses nothing"

    # Fixing the typo silences the SID, and the warning goes.
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=0, character=68), end=types.Position(line=0, character=68)),
            text="0")]))
    assert list(await diagnostics_for(client, uri, version=2)) == []


@pytest.mark.asyncio
async def test_stale_directives_show_unless_the_configuration_ignores_tw000_as_in_the_cli(client: LanguageClient):
    await start(client)
    uri = open_document(client, "app.py", "x = 1  # twilint: ignore[TW002] -- old\n")
    [stale] = await diagnostics_for(client, uri)
    [cli] = cli_report(client, "--report-unused-ignores")["findings"]
    assert (stale.code, stale.message, stale.range.start.line + 1) == (cli["rule"], cli["message"], cli["line"])

    config = client.workspace_root / ".twilint.yml"
    config.write_text("ignore: [TW000]\n")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)]))
    await until(client, lambda: list(client.diagnostics[uri]) == [])
    assert cli_report(client, "--report-unused-ignores")["findings"] == []


def open_script(client: LanguageClient, name: str, text: str) -> str:
    """Writes a JavaScript file into the workspace and opens it."""
    path = client.workspace_root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="javascript", version=1, text=text)))
    return uri


ROUTE = "router.post('/sms', twilio.webhook(), sms.reply);"
ROUTES = f"""const express = require('express');
const twilio = require('twilio');
const sms = require('../controllers/sms');

const router = express.Router();
{ROUTE}

module.exports = router;
"""
CONTROLLER = """const { MessagingResponse } = require('twilio').twiml;

exports.reply = (req, res) => {
  const twiml = new MessagingResponse();
  twiml.message(`Thanks, we got: ${req.body.Body}`);
  res.type('text/xml').send(twiml.toString());
};
"""


@pytest.mark.asyncio
async def test_a_change_in_the_routes_file_rejudges_the_open_controller(client: LanguageClient):
    await start(client)
    (client.workspace_root / "package.json").write_text('{"dependencies": {"twilio": "^5.0.0", "express": "^4.0.0"}}\n')
    (client.workspace_root / "routes").mkdir()
    (client.workspace_root / "routes/index.js").write_text(ROUTES)
    # The controller alone: the router on disk mounts it behind twilio.webhook(), so it is validated.
    controller = open_script(client, "controllers/sms.js", CONTROLLER)
    codes = [d.code for d in await diagnostics_for(client, controller, version=1)]
    assert "TW003" not in codes
    routes = open_script(client, "routes/index.js", ROUTES)
    await diagnostics_for(client, routes, version=1)

    def edit_route(version: int, old: str, new: str):
        line = ROUTES.splitlines().index(ROUTE)
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=routes, version=version),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=types.Position(line=line, character=0), end=types.Position(line=line, character=len(old))),
                text=new)]))

    # The route loses its middleware in the routes buffer (nothing saved): the controller, untouched, is published again with TW003.
    unvalidated = "router.post('/sms', sms.reply);"
    edit_route(2, ROUTE, unvalidated)
    await until(client, lambda: "TW003" in [d.code for d in client.diagnostics[controller]])
    assert client.diagnostics_versions[controller] == 1, "the controller's own version: it was not edited"
    assert (client.workspace_root / "routes/index.js").read_text() == ROUTES

    # Putting it back answers TW003 again.
    edit_route(3, unvalidated, ROUTE)
    await until(client, lambda: "TW003" not in [d.code for d in client.diagnostics[controller]])
    assert [d.code for d in client.diagnostics[controller]] == codes

    # Closed, the routes file on disk stands again; a watched-file change reads it again.
    (client.workspace_root / "routes/index.js").write_text(ROUTES.replace(ROUTE, unvalidated))
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=routes)))
    await until(client, lambda: "TW003" in [d.code for d in client.diagnostics[controller]])
    (client.workspace_root / "routes/index.js").write_text(ROUTES)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=routes, type=types.FileChangeType.Changed)]))
    await until(client, lambda: "TW003" not in [d.code for d in client.diagnostics[controller]])
    assert client.diagnostics_versions[controller] == 1
