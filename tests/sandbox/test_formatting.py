"""parse_mode handling: HTML, MarkdownV2 and Markdown into text plus entities."""

from __future__ import annotations

from typing import Any

import pytest

from sandbox.errors import ApiError
from sandbox.formatting import format_text, parse_html, parse_markdown, parse_markdown_v2


def spans(entities: list[dict[str, Any]]) -> list[tuple[str, int, int]]:
    return [(e["type"], e["offset"], e["length"]) for e in entities]


def test_html_nesting_links_code_and_escapes() -> None:
    result = parse_html(
        '<b>bold <i>both</i></b> <a href="tg://user?id=7">you</a> &lt;tag&gt; '
        '<pre><code class="language-python">x = 1</code></pre>'
        '<span class="tg-spoiler">s</span><blockquote expandable>q</blockquote>'
    )
    assert result.text == "bold both you <tag> x = 1sq"
    assert spans(result.entities) == [
        ("italic", 5, 4),
        ("bold", 0, 9),
        ("text_mention", 10, 3),
        ("pre", 20, 5),
        ("spoiler", 25, 1),
        ("expandable_blockquote", 26, 1),
    ]
    assert result.entities[3]["language"] == "python"
    assert result.entities[2]["user"]["id"] == 7


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("<b>open", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b><i>x</b></i>", 'expected "</i>", found "</b>"'),
        ("<marquee>x</marquee>", 'Unsupported start tag "marquee"'),
        ("a < b", "Unclosed start tag"),
        ("a < b > c", "Unexpected character after '<'"),
        ("<span>x</span>", 'must have class "tg-spoiler"'),
    ],
)
def test_html_errors(source: str, message: str) -> None:
    with pytest.raises(ApiError, match="can't parse entities") as caught:
        parse_html(source)
    assert message in caught.value.description


def test_markdown_v2() -> None:
    result = parse_markdown_v2(
        "*bold _italic_* __under__ ~gone~ ||hidden|| `co\\`de` [link](https://t.me/x\\)y) 1\\.5"
    )
    assert result.text == "bold italic under gone hidden co`de link 1.5"
    assert spans(result.entities) == [
        ("italic", 5, 6),
        ("bold", 0, 11),
        ("underline", 12, 5),
        ("strikethrough", 18, 4),
        ("spoiler", 23, 6),
        ("code", 30, 5),
        ("text_link", 36, 4),
    ]
    assert result.entities[-1]["url"] == "https://t.me/x)y"
    pre = parse_markdown_v2("```python\nprint(1)\n```")
    assert pre.text == "print(1)\n" and pre.entities[0]["language"] == "python"
    quote = parse_markdown_v2(">quoted\n>lines\nplain")
    assert quote.text == "quoted\nlines\nplain"
    assert spans(quote.entities) == [("blockquote", 0, 12)]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("Total: 5.", "Character '.' is reserved"),
        ("a-b", "Character '-' is reserved"),
        ("*bold", "Can't find end of Bold entity"),
        ("*a _b* c_", "Can't find end of Italic entity"),
        ("`code", "Can't find end of Code entity"),
    ],
)
def test_markdown_v2_errors(source: str, message: str) -> None:
    with pytest.raises(ApiError) as caught:
        parse_markdown_v2(source)
    assert message in caught.value.description


def test_legacy_markdown() -> None:
    result = parse_markdown("*b* _i_ `c` [l](http://x) 1.5 \\*not bold\\*")
    assert result.text == "b i c l 1.5 *not bold*"
    assert spans(result.entities) == [
        ("bold", 0, 1),
        ("italic", 2, 1),
        ("code", 4, 1),
        ("text_link", 6, 1),
    ]
    with pytest.raises(ApiError, match="Can't find end of the entity"):
        parse_markdown("*open")


def test_trim_and_explicit_entities() -> None:
    result = format_text("  <b>hi</b>  ", "HTML")
    assert result.text == "hi" and spans(result.entities) == [("bold", 0, 2)]
    explicit = format_text("hello", entities=[{"type": "bold", "offset": 1, "length": 2}])
    assert spans(explicit.entities) == [("bold", 1, 2)]
    with pytest.raises(ApiError, match="beyond the end"):
        format_text("hi", entities=[{"type": "bold", "offset": 1, "length": 5}])
    with pytest.raises(ApiError, match="unsupported parse_mode"):
        format_text("hi", "BBCode")
