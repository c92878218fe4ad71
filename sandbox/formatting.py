"""Formatted text as Telegram reads it: `parse_mode` HTML, MarkdownV2 and Markdown turned
into plain text plus entities (offsets in UTF-16 code units), with Telegram's "can't parse
entities" errors for markup it would refuse, and leading/trailing whitespace trimmed."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sandbox.errors import ApiError, bad_request


@dataclass
class FormattedText:
    text: str
    entities: list[dict[str, Any]] = field(default_factory=list)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _entity_error(message: str) -> ApiError:
    return bad_request(f"can't parse entities: {message}")


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


class _Builder:
    """Plain text being assembled, with its length in UTF-16 units kept alongside."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.entities: list[dict[str, Any]] = []

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.pos += utf16_len(text)

    def entity(self, kind: str, start: int, end: int | None = None, **extra: Any) -> None:
        length = (self.pos if end is None else end) - start
        if length > 0:
            self.entities.append({"type": kind, "offset": start, "length": length, **extra})

    def result(self) -> FormattedText:
        return FormattedText("".join(self.parts), self.entities)


# --- HTML -----------------------------------------------------------------------------

_HTML_SIMPLE = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "a": "text_link",
    "span": "spoiler",
    "tg-emoji": "custom_emoji",
    "tg-time": "date_time",
}
_TAG_NAME = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
_ATTRIBUTE = re.compile(r"""\s*([A-Za-z][A-Za-z0-9_-]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")
_CHAR_REF = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
_USER_LINK = re.compile(r"tg://user\?id=(\d+)")


@dataclass
class _Open:
    tag: str
    start: int
    byte_offset: int
    attrs: dict[str, str]
    has_code: bool = False


def _parse_attributes(raw: str, text: str, where: int) -> dict[str, str]:
    attrs: dict[str, str] = {}
    pos = 0
    raw = raw.rstrip("/ \t\r\n")
    while pos < len(raw):
        match = _ATTRIBUTE.match(raw, pos)
        if match is None or match.end() == pos:
            raise _entity_error(f"Unexpected character in tag at byte offset {where}")
        value = match.group(2) or ""
        if value[:1] in ("'", '"'):
            value = value[1:-1]
        attrs[match.group(1).lower()] = html.unescape(value)
        pos = match.end()
    return attrs


def parse_html(source: str) -> FormattedText:
    out = _Builder()
    stack: list[_Open] = []
    i = 0
    n = len(source)
    while i < n:
        char = source[i]
        if char == "<":
            close = source.find(">", i)
            if close < 0:
                raise _entity_error(f"Unclosed start tag at byte offset {_byte_offset(source, i)}")
            body = source[i + 1 : close]
            where = _byte_offset(source, i)
            if body.startswith("/"):
                name = body[1:].strip().lower()
                if not stack:
                    raise _entity_error(f"Unexpected end tag at byte offset {where}")
                top = stack[-1]
                if name != top.tag:
                    raise _entity_error(
                        f'Unmatched end tag at byte offset {where}, expected "</{top.tag}>", '
                        f'found "</{name}>"'
                    )
                stack.pop()
                _close_html(out, top, stack)
            else:
                match = _TAG_NAME.match(body)
                if match is None:
                    raise _entity_error(f"Unexpected character after '<' at byte offset {where}")
                name = match.group(0).lower()
                if name not in _HTML_SIMPLE:
                    raise _entity_error(f'Unsupported start tag "{name}" at byte offset {where}')
                attrs = _parse_attributes(body[match.end() :], source, where)
                if name == "span" and attrs.get("class") != "tg-spoiler":
                    raise _entity_error(
                        f'Tag "span" must have class "tg-spoiler" at byte offset {where}'
                    )
                if name == "a" and "href" not in attrs:
                    attrs["href"] = ""
                if name == "tg-emoji" and not attrs.get("emoji-id"):
                    raise _entity_error(
                        f'Tag "tg-emoji" must have attribute "emoji-id" at byte offset {where}'
                    )
                if name == "code" and stack and stack[-1].tag == "pre":
                    stack[-1].has_code = True
                stack.append(_Open(name, out.pos, where, attrs))
            i = close + 1
        elif char == "&":
            match = _CHAR_REF.match(source, i)
            if match is None:
                out.add("&")
                i += 1
                continue
            ref = match.group(1)
            if ref.startswith("#"):
                number = int(ref[2:], 16) if ref[1:2] in ("x", "X") else int(ref[1:])
                try:
                    out.add(chr(number))
                except (ValueError, OverflowError):
                    out.add(match.group(0))
            elif ref in ("lt", "gt", "amp", "quot"):
                out.add(html.unescape(match.group(0)))
            else:
                out.add(match.group(0))
            i = match.end()
        else:
            end = i
            while end < n and source[end] not in "<&":
                end += 1
            out.add(source[i:end])
            i = end
    if stack:
        top = stack[-1]
        raise _entity_error(f'Can\'t find end tag corresponding to start tag "{top.tag}"')
    return out.result()


def _close_html(out: _Builder, item: _Open, stack: list[_Open]) -> None:
    kind = _HTML_SIMPLE[item.tag]
    if item.tag == "code":
        parent = stack[-1] if stack else None
        if parent is not None and parent.tag == "pre" and parent.has_code:
            css = item.attrs.get("class", "")
            if css.startswith("language-"):
                parent.attrs["language"] = css.removeprefix("language-")
            return
        out.entity("code", item.start)
    elif item.tag == "pre":
        language = item.attrs.get("language")
        if language:
            out.entity("pre", item.start, language=language)
        else:
            out.entity("pre", item.start)
    elif item.tag == "a":
        href = item.attrs["href"]
        user = _USER_LINK.fullmatch(href)
        if user is not None:
            out.entity(
                "text_mention",
                item.start,
                user={"id": int(user.group(1)), "is_bot": False, "first_name": ""},
            )
        else:
            out.entity("text_link", item.start, url=href)
    elif item.tag == "blockquote":
        out.entity(
            "expandable_blockquote" if "expandable" in item.attrs else "blockquote", item.start
        )
    elif item.tag == "tg-emoji":
        out.entity("custom_emoji", item.start, custom_emoji_id=item.attrs["emoji-id"])
    elif item.tag == "tg-time":
        extra: dict[str, Any] = {}
        if item.attrs.get("unix", "").lstrip("-").isdigit():
            extra["unix_time"] = int(item.attrs["unix"])
        if item.attrs.get("format"):
            extra["date_time_format"] = item.attrs["format"]
        out.entity("date_time", item.start, **extra)
    else:
        out.entity(kind, item.start)


# --- MarkdownV2 -------------------------------------------------------------------------

_MDV2_RESERVED = set("_*[]()~`>#+-=|{}.!")
_MDV2_TOGGLES = {
    "*": "bold",
    "_": "italic",
    "__": "underline",
    "~": "strikethrough",
    "||": "spoiler",
}
_ENTITY_NAMES = {
    "bold": "Bold",
    "italic": "Italic",
    "underline": "Underline",
    "strikethrough": "Strikethrough",
    "spoiler": "Spoiler",
    "text_link": "TextUrl",
    "custom_emoji": "CustomEmoji",
}


@dataclass
class _MdOpen:
    kind: str
    start: int
    byte_offset: int


def _reserved(char: str) -> ApiError:
    return _entity_error(
        f"Character '{char}' is reserved and must be escaped with the preceding '\\'"
    )


def parse_markdown_v2(source: str) -> FormattedText:
    out = _Builder()
    stack: list[_MdOpen] = []
    i = 0
    n = len(source)
    line_start = True
    quote_start: int | None = None
    quote_end = 0
    while i < n:
        char = source[i]
        if line_start and (char == ">" or source.startswith("**>", i)):
            if quote_start is None:
                quote_start = out.pos
            i += 3 if char == "*" else 1
            line_start = False
            continue
        if line_start and quote_start is not None:
            out.entity("blockquote", quote_start, quote_end)
            quote_start = None
        line_start = False
        if char == "\\":
            if i + 1 >= n:
                raise _entity_error("Unexpected end of text after '\\'")
            out.add(source[i + 1])
            i += 2
            continue
        if char == "\n":
            quote_end = out.pos
            out.add(char)
            line_start = True
            i += 1
            continue
        if char == "`":
            i = _md_code(source, i, out)
            continue
        token = source[i : i + 2] if source[i : i + 2] in ("__", "||") else char
        if token in _MDV2_TOGGLES:
            kind = _MDV2_TOGGLES[token]
            open_index = next(
                (k for k in range(len(stack) - 1, -1, -1) if stack[k].kind == kind), None
            )
            if open_index is None:
                stack.append(_MdOpen(kind, out.pos, _byte_offset(source, i)))
            else:
                if open_index != len(stack) - 1:
                    inner = stack[-1]
                    raise _entity_error(
                        f"Can't find end of {_ENTITY_NAMES.get(inner.kind, inner.kind)} entity "
                        f"at byte offset {inner.byte_offset}"
                    )
                item = stack.pop()
                out.entity(kind, item.start)
            i += len(token)
            continue
        if char == "[" or source.startswith("![", i):
            kind = "custom_emoji" if char == "!" else "text_link"
            stack.append(_MdOpen(kind, out.pos, _byte_offset(source, i)))
            i += 2 if char == "!" else 1
            continue
        if char == "]" and stack and stack[-1].kind in ("text_link", "custom_emoji"):
            item = stack.pop()
            if not source.startswith("(", i + 1):
                raise _entity_error(
                    f"Can't find end of {_ENTITY_NAMES[item.kind]} entity at byte offset "
                    f"{item.byte_offset}"
                )
            url, i = _md_url(source, i + 2)
            if item.kind == "custom_emoji":
                emoji = re.fullmatch(r"tg://emoji\?id=(\d+)", url)
                if emoji is None:
                    raise _entity_error("Custom emoji entity must contain a tg://emoji URL")
                out.entity("custom_emoji", item.start, custom_emoji_id=emoji.group(1))
            elif (user := _USER_LINK.fullmatch(url)) is not None:
                out.entity(
                    "text_mention",
                    item.start,
                    user={"id": int(user.group(1)), "is_bot": False, "first_name": ""},
                )
            else:
                out.entity("text_link", item.start, url=url)
            continue
        if char in _MDV2_RESERVED:
            raise _reserved(char)
        out.add(char)
        i += 1
    if quote_start is not None:
        out.entity("blockquote", quote_start)
    if stack:
        item = stack[-1]
        raise _entity_error(
            f"Can't find end of {_ENTITY_NAMES.get(item.kind, item.kind)} entity at byte offset "
            f"{item.byte_offset}"
        )
    return out.result()


def _md_code(source: str, i: int, out: _Builder) -> int:
    """Inline `code` or a ```pre``` block starting at i; returns the index after it."""
    if source.startswith("```", i):
        end = source.find("```", i + 3)
        while end > 0 and source[end - 1] == "\\" and not source.startswith("\\\\", end - 2):
            end = source.find("```", end + 1)
        if end < 0:
            raise _entity_error(
                f"Can't find end of Pre entity at byte offset {_byte_offset(source, i)}"
            )
        body = source[i + 3 : end]
        language = ""
        newline = body.find("\n")
        if newline >= 0 and re.fullmatch(r"[A-Za-z0-9_+#.-]*", body[:newline]):
            language, body = body[:newline], body[newline + 1 :]
        start = out.pos
        out.add(_unescape_code(body))
        if language:
            out.entity("pre", start, language=language)
        else:
            out.entity("pre", start)
        return end + 3
    j = i + 1
    while j < len(source) and source[j] != "`":
        j += 2 if source[j] == "\\" else 1
    if j >= len(source):
        raise _entity_error(
            f"Can't find end of Code entity at byte offset {_byte_offset(source, i)}"
        )
    start = out.pos
    out.add(_unescape_code(source[i + 1 : j]))
    out.entity("code", start)
    return j + 1


def _unescape_code(body: str) -> str:
    return re.sub(r"\\([`\\])", r"\1", body)


def _md_url(source: str, i: int) -> tuple[str, int]:
    chars: list[str] = []
    while i < len(source):
        char = source[i]
        if char == "\\" and i + 1 < len(source):
            chars.append(source[i + 1])
            i += 2
            continue
        if char == ")":
            return "".join(chars), i + 1
        chars.append(char)
        i += 1
    raise _entity_error("Can't find end of a URL")


# --- Markdown (legacy) ------------------------------------------------------------------

_LEGACY_TOGGLES = {"*": "bold", "_": "italic"}


def parse_markdown(source: str) -> FormattedText:
    out = _Builder()
    i = 0
    n = len(source)
    while i < n:
        char = source[i]
        if char == "\\" and i + 1 < n and source[i + 1] in "_*`[":
            out.add(source[i + 1])
            i += 2
            continue
        if char in _LEGACY_TOGGLES:
            end = source.find(char, i + 1)
            if end < 0:
                raise _entity_error(
                    "Can't find end of the entity starting at byte offset "
                    f"{_byte_offset(source, i)}"
                )
            start = out.pos
            out.add(source[i + 1 : end])
            out.entity(_LEGACY_TOGGLES[char], start)
            i = end + 1
            continue
        if char == "`":
            fence = "```" if source.startswith("```", i) else "`"
            end = source.find(fence, i + len(fence))
            if end < 0:
                raise _entity_error(
                    "Can't find end of the entity starting at byte offset "
                    f"{_byte_offset(source, i)}"
                )
            start = out.pos
            out.add(source[i + len(fence) : end])
            out.entity("pre" if fence == "```" else "code", start)
            i = end + len(fence)
            continue
        if char == "[":
            close = source.find("](", i)
            end = source.find(")", close + 2) if close >= 0 else -1
            if close < 0 or end < 0:
                raise _entity_error(
                    "Can't find end of the entity starting at byte offset "
                    f"{_byte_offset(source, i)}"
                )
            start = out.pos
            out.add(source[i + 1 : close])
            out.entity("text_link", start, url=source[close + 2 : end])
            i = end + 1
            continue
        out.add(char)
        i += 1
    return out.result()


# --- entry point ----------------------------------------------------------------------

_PARSERS = {"html": parse_html, "markdownv2": parse_markdown_v2, "markdown": parse_markdown}


def trim(formatted: FormattedText) -> FormattedText:
    """Telegram drops leading and trailing whitespace and shortens entities to match."""
    text = formatted.text
    stripped = text.lstrip()
    head = utf16_len(text[: len(text) - len(stripped)])
    stripped = stripped.rstrip()
    limit = utf16_len(stripped)
    entities: list[dict[str, Any]] = []
    for entity in formatted.entities:
        start = max(entity["offset"] - head, 0)
        end = min(entity["offset"] + entity["length"] - head, limit)
        if end > start:
            entities.append({**entity, "offset": start, "length": end - start})
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return FormattedText(stripped, entities)


def format_text(
    text: str, parse_mode: str | None = None, entities: Sequence[dict[str, Any]] | None = None
) -> FormattedText:
    """Plain text and entities of a message as Telegram would store it."""
    if entities:
        total = utf16_len(text)
        for entity in entities:
            if entity["offset"] + entity["length"] > total:
                raise bad_request("entity beyond the end of the text")
        return trim(FormattedText(text, [dict(e) for e in entities]))
    if parse_mode:
        parser = _PARSERS.get(parse_mode.lower())
        if parser is None:
            raise bad_request(f"unsupported parse_mode {parse_mode!r}")
        return trim(parser(text))
    return trim(FormattedText(text))
