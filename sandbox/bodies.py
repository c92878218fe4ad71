"""Reading request parameters the ways the Bot API accepts them: the query string, JSON,
`application/x-www-form-urlencoded` and `multipart/form-data` (what aiogram sends when a
request carries files; without files aiohttp's FormData falls back to urlencoded)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import BodyPartReader, MultipartReader, StreamReader, web

from sandbox.errors import ApiError, bad_request

MAX_REQUEST_BYTES = 60 * 1024 * 1024
"""Bodies beyond this are refused with 413 (Telegram takes uploads up to 50 MB)."""


@dataclass(frozen=True)
class Upload:
    """A file part of a multipart body."""

    data: bytes
    filename: str
    content_type: str | None = None

    @property
    def size(self) -> int:
        return len(self.data)


def too_large() -> ApiError:
    return ApiError(413, "Request Entity Too Large")


async def parse_multipart(
    headers: Mapping[str, str], stream: StreamReader, *, max_size: int = MAX_REQUEST_BYTES
) -> dict[str, Any]:
    """Fields as str, file parts (those with a filename) as `Upload`; the last of a name wins."""
    reader = MultipartReader(headers, stream)
    fields: dict[str, Any] = {}
    total = 0
    while True:
        part = await reader.next()
        if part is None:
            break
        if not isinstance(part, BodyPartReader):
            raise bad_request("nested multipart bodies are not supported")
        chunks: list[bytes] = []
        while True:
            chunk = await part.read_chunk()
            if not chunk:
                break
            total += len(chunk)
            if total > max_size:
                raise too_large()
            chunks.append(bytes(chunk))
        raw = part.decode(b"".join(chunks))
        name = part.name
        if name is None:
            continue
        if part.filename is not None:
            fields[name] = Upload(raw, part.filename, part.headers.get("Content-Type"))
        else:
            try:
                fields[name] = raw.decode(part.get_charset(default="utf-8"))
            except (UnicodeDecodeError, LookupError) as exc:
                raise bad_request(f'field "{name}" is not valid text') from exc
    return fields


def parse_urlencoded(body: bytes, charset: str | None = None) -> dict[str, Any]:
    try:
        text = body.decode(charset or "utf-8")
    except (UnicodeDecodeError, LookupError) as exc:
        raise bad_request("the request body is not valid text") from exc
    return dict(parse_qsl(text, keep_blank_values=True))


def parse_json_object(body: bytes) -> dict[str, Any]:
    if not body.strip():
        return {}
    try:
        value = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise bad_request("can't parse JSON object") from exc
    if not isinstance(value, dict):
        raise bad_request("the JSON body must be an object")
    return value


async def read_params(
    request: web.Request, *, max_size: int = MAX_REQUEST_BYTES
) -> dict[str, Any]:
    """The query string merged with the body (the body wins)."""
    params: dict[str, Any] = dict(request.query)
    if request.content_length is not None and request.content_length > max_size:
        raise too_large()
    content_type = request.content_type
    if content_type == "multipart/form-data":
        params.update(await parse_multipart(request.headers, request.content, max_size=max_size))
        return params
    try:
        body = await request.read()
    except web.HTTPRequestEntityTooLarge as exc:
        raise too_large() from exc
    if len(body) > max_size:
        raise too_large()
    if not body:
        return params
    if content_type == "application/json":
        params.update(parse_json_object(body))
    elif content_type == "application/x-www-form-urlencoded":
        params.update(parse_urlencoded(body, request.charset))
    else:
        raise bad_request(f"unsupported content type {content_type!r}")
    return params
