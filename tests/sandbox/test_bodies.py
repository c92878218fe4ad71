"""Parameters arrive as JSON, urlencoded or multipart bodies, or in the query string."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from sandbox import SandboxServer
from tests.sandbox.conftest import TOKEN

User = dict[str, Any]


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


async def call(
    http: aiohttp.ClientSession, server: SandboxServer, method: str, **kwargs: Any
) -> tuple[int, dict[str, Any]]:
    async with http.post(f"{server.base_url}/bot{TOKEN}/{method}", **kwargs) as response:
        return response.status, await response.json()


async def test_json_body(http: aiohttp.ClientSession, server: SandboxServer, alice: User) -> None:
    markup = {"inline_keyboard": [[{"text": "OK", "callback_data": "ok"}]]}
    status, body = await call(
        http,
        server,
        "sendMessage",
        json={"chat_id": alice["id"], "text": "json", "reply_markup": markup},
    )
    assert status == 200 and body["ok"] is True
    assert body["result"]["text"] == "json"
    assert body["result"]["reply_markup"] == markup


async def test_json_accepts_objects_encoded_as_strings(
    http: aiohttp.ClientSession, server: SandboxServer, alice: User
) -> None:
    markup = json.dumps({"inline_keyboard": [[{"text": "OK", "callback_data": "ok"}]]})
    status, body = await call(
        http,
        server,
        "sendMessage",
        json={"chat_id": str(alice["id"]), "text": "x", "reply_markup": markup},
    )
    assert status == 200, body


async def test_urlencoded_body(
    http: aiohttp.ClientSession, server: SandboxServer, alice: User
) -> None:
    form = {
        "chat_id": str(alice["id"]),
        "text": "url encoded 中文",
        "disable_notification": "true",
        "reply_markup": json.dumps({"keyboard": [[{"text": "A"}]], "resize_keyboard": True}),
    }
    status, body = await call(http, server, "sendMessage", data=form)
    assert status == 200, body
    assert body["result"]["text"] == "url encoded 中文"


async def test_multipart_with_attach_reference_and_direct_file(
    http: aiohttp.ClientSession, server: SandboxServer, alice: User
) -> None:
    form = aiohttp.FormData(quote_fields=False)
    form.add_field("chat_id", str(alice["id"]))
    form.add_field("document", "attach://upload1")
    form.add_field("caption", "attached")
    form.add_field("upload1", b"first file", filename="first.txt")
    status, body = await call(http, server, "sendDocument", data=form)
    assert status == 200, body
    assert body["result"]["document"]["file_name"] == "first.txt"

    form = aiohttp.FormData()
    form.add_field("chat_id", str(alice["id"]))
    form.add_field("document", b"second file", filename="second.txt")
    status, body = await call(http, server, "sendDocument", data=form)
    assert status == 200, body
    assert body["result"]["document"]["file_size"] == len(b"second file")


async def test_multipart_refuses_missing_or_stray_attachments(
    http: aiohttp.ClientSession, server: SandboxServer, alice: User
) -> None:
    form = aiohttp.FormData()
    form.add_field("chat_id", str(alice["id"]))
    form.add_field("document", "attach://nothing")
    form.add_field("other", b"x", filename="x.txt")
    status, body = await call(http, server, "sendDocument", data=form)
    assert status == 400
    assert 'no file was attached as "nothing"' in body["description"]

    form = aiohttp.FormData()
    form.add_field("chat_id", str(alice["id"]))
    form.add_field("text", "hi")
    form.add_field("stray", b"x", filename="x.txt")
    status, body = await call(http, server, "sendMessage", data=form)
    assert (status, body["description"]) == (400, 'Bad Request: unknown parameter "stray"')


async def test_query_string_and_get(
    http: aiohttp.ClientSession, server: SandboxServer, alice: User
) -> None:
    url = f"{server.base_url}/bot{TOKEN}/sendMessage"
    async with http.get(url, params={"chat_id": str(alice["id"]), "text": "from query"}) as resp:
        body = await resp.json()
    assert body["result"]["text"] == "from query"


async def test_bad_bodies(http: aiohttp.ClientSession, server: SandboxServer) -> None:
    status, body = await call(
        http, server, "getMe", data=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert (status, body["error_code"]) == (400, 400)
    status, body = await call(
        http, server, "getMe", data=b"[1, 2]", headers={"Content-Type": "application/json"}
    )
    assert status == 400 and "must be an object" in body["description"]
    status, body = await call(
        http, server, "getMe", data=b"<xml/>", headers={"Content-Type": "text/xml"}
    )
    assert status == 400 and "unsupported content type" in body["description"]


async def test_file_download_needs_the_token(
    http: aiohttp.ClientSession, server: SandboxServer
) -> None:
    async with http.get(f"{server.base_url}/file/bot{TOKEN}/documents/nothing.txt") as resp:
        assert resp.status == 404
        assert (await resp.json())["error_code"] == 404
