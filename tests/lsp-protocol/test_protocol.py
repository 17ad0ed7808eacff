"""`tactful lsp` driven by a real LSP client library (pytest-lsp, on pygls): the handshake
and its position encodings, incremental changes, an unknown method, malformed messages, a
5 MB document and 10,000 rapid changes. Run by scripts/lsp-protocol-test.sh."""
import asyncio
import os
import pathlib

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.exceptions import JsonRpcMethodNotFound
from pytest_lsp import ClientServerConfig, LanguageClient

BIN = os.environ.get("TACTFUL_BIN", str(pathlib.Path(__file__).parents[2] / "target/debug/tactful"))
CONFIG = ClientServerConfig(server_command=[BIN, "lsp"])
DRAFT = "Hi Jane,\n\nI hope you had a restful weekend. I didn't hear back from you about the role.\n"


def init_params(encodings):
    return types.InitializeParams(
        capabilities=types.ClientCapabilities(
            general=types.GeneralClientCapabilities(position_encodings=encodings)
        ),
        root_uri=pathlib.Path(os.environ.get("TMPDIR", "/tmp")).as_uri(),
    )


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: LanguageClient):
    lsp_client.init_result = await lsp_client.initialize_session(init_params([types.PositionEncodingKind.Utf16]))
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=CONFIG)
async def utf8_client(lsp_client: LanguageClient):
    lsp_client.init_result = await lsp_client.initialize_session(
        init_params([types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16])
    )
    yield
    await lsp_client.shutdown_session()


async def diagnostics_for(client, uri, version=None, timeout=60):
    """The diagnostics published next for `uri` (for `version`, when given)."""

    async def wait():
        while True:
            params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            if params.uri == uri and (version is None or params.version == version):
                return params.diagnostics

    return await asyncio.wait_for(wait(), timeout)


def open_doc(client, uri, text, language="markdown"):
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
        )
    )


def change(client, uri, version, start, end, text):
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=types.Position(*start), end=types.Position(*end)), text=text
                )
            ],
        )
    )


def blame(diags):
    return [d for d in diags if str(d.code).startswith("blame/")]


async def test_utf16_by_default_and_incremental_changes(client: LanguageClient):
    assert client.init_result.capabilities.position_encoding == types.PositionEncodingKind.Utf16
    uri = "file:///tmp/tactful-protocol/a.md"
    open_doc(client, uri, DRAFT)
    found = blame(await diagnostics_for(client, uri))
    assert len(found) == 1 and found[0].source == "tactful"
    line = DRAFT.splitlines()[2]
    col = line.index("I didn't")
    start = found[0].range.start
    assert start.line == 2 and col <= start.character < col + 20, found[0]
    # Replace the blaming sentence: the diagnostic is gone.
    change(client, uri, 2, (2, col), (2, len(line)), "Is there an update on the role?")
    assert blame(await diagnostics_for(client, uri, version=2)) == []


async def test_utf8_when_offered(utf8_client: LanguageClient):
    client = utf8_client
    assert client.init_result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
    uri = "file:///tmp/tactful-protocol/b.md"
    text = "Hi Zoé 😀,\n\nI still haven't heard back about the role.\n"
    open_doc(client, uri, text)
    assert blame(await diagnostics_for(client, uri))
    # "Zoé 😀" is 8 bytes from byte 3.
    change(client, uri, 2, (0, 3), (0, 11), "Ann")
    found = blame(await diagnostics_for(client, uri, version=2))
    assert found
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=found[0].range.start)
    )
    assert "blame/" in hover.contents.value


async def test_unknown_methods_and_malformed_messages(client: LanguageClient):
    with pytest.raises(JsonRpcMethodNotFound):
        await client.protocol.send_request_async("tactful/nothing", {})
    server = client._server
    for junk in (b"Content-Length: 9\r\n\r\n{notjson}", b"X-Nothing: 1\r\n\r\n", b"Content-Length: abc\r\n\r\n"):
        server.stdin.write(junk)
    await server.stdin.drain()
    # Still answering.
    uri = "file:///tmp/tactful-protocol/c.md"
    open_doc(client, uri, DRAFT)
    assert blame(await diagnostics_for(client, uri))
    assert any("skipped" in m.message for m in client.log_messages)


async def test_a_five_megabyte_document_and_ten_thousand_changes(client: LanguageClient):
    uri = "file:///tmp/tactful-protocol/big.txt"
    text = DRAFT + "The figures are attached and the review is on Thursday.\n" * 90_000
    assert len(text) > 5_000_000
    open_doc(client, uri, text, language="plaintext")
    assert blame(await diagnostics_for(client, uri, timeout=300))
    small = "file:///tmp/tactful-protocol/small.md"
    open_doc(client, small, DRAFT)
    await diagnostics_for(client, small)
    for v in range(2, 10_002):
        change(client, small, v, (0, 3), (0, 7), "Jane" if v % 2 else "Joan")
    final = await diagnostics_for(client, small, version=10_001, timeout=300)
    assert len(blame(final)) == 1
