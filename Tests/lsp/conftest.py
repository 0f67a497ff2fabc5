"""A pytest-lsp client for `twilint server`: the binary comes from $TWILINT."""
import asyncio
import os
import pathlib
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

TWILINT = os.environ.get("TWILINT", str(pathlib.Path(__file__).parents[2] / ".build/debug/twilint"))


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[TWILINT, "server"]))
async def client(lsp_client: LanguageClient, tmp_path: pathlib.Path):
    # The test's folder is the workspace (a git root, so no configuration above it applies).
    (tmp_path / ".git").mkdir()
    lsp_client.workspace_root = tmp_path
    # The version of each publishDiagnostics, next to pytest-lsp's record of the diagnostics.
    lsp_client.diagnostics_versions = {}
    record = lsp_client.protocol.fm.features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

    def publish(params: types.PublishDiagnosticsParams):
        lsp_client.diagnostics_versions[params.uri] = params.version
        return record(params)

    lsp_client.protocol.fm.features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = publish
    yield
    await lsp_client.shutdown_session()


async def start(client: LanguageClient, utf8: bool = False, **capabilities) -> types.InitializeResult:
    """Initializes a session rooted in the test's folder."""
    root = client.workspace_root
    general = types.GeneralClientCapabilities(
        position_encodings=[types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16] if utf8 else None)
    return await client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(general=general, **capabilities),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="test")],
    ))


async def until(client: LanguageClient, condition, timeout: float = 20):
    """Waits for publishDiagnostics notifications until `condition()` holds."""
    while not condition():
        await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), timeout)
