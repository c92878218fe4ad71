"""Every message exists in every language, with the same placeholders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor as BaseVisitor

from bot.i18n import LOCALES_DIR, load_core
from bot.services.locale import LOCALES

KEY_IN_CODE = re.compile(
    r"(?:(?:i18n|texts|core)\.get|InvalidInput|NotFound|Conflict|AccessDenied|DomainError|LazyFilter|_Rejected)"
    r"""\(\s*["']([a-z][a-z0-9_-]+)["']"""
)


def _messages(locale: str) -> dict[str, set[str]]:
    """message id -> the variables it uses."""
    found: dict[str, set[str]] = {}
    parser = FluentParser()
    for path in sorted((LOCALES_DIR / locale).rglob("*.ftl")):
        resource = parser.parse(path.read_text(encoding="utf-8"))
        junk = [e for e in resource.body if isinstance(e, ast.Junk)]
        assert not junk, f"{path}: unparsable {str(junk[0].content)[:80]!r}"
        for entry in resource.body:
            if isinstance(entry, ast.Message):
                assert entry.id.name not in found, f"{locale}: {entry.id.name} defined twice"
                found[entry.id.name] = _variables(entry)
    return found


def _variables(node: object) -> set[str]:
    names: set[str] = set()

    class Visitor(BaseVisitor):
        def visit_VariableReference(self, variable: ast.VariableReference) -> None:  # noqa: N802
            names.add(variable.id.name)

    Visitor().visit(node)
    return names


CATALOGUES = {locale: _messages(locale) for locale in LOCALES}


@pytest.mark.parametrize("locale", [loc for loc in LOCALES if loc != "zh"])
def test_same_keys_and_placeholders_as_chinese(locale: str) -> None:
    reference, other = CATALOGUES["zh"], CATALOGUES[locale]
    assert sorted(set(reference) - set(other)) == [], "missing"
    assert sorted(set(other) - set(reference)) == [], "extra"
    differing = {k: (reference[k], other[k]) for k in reference if reference[k] != other[k]}
    assert differing == {}


def test_every_key_used_in_code_exists() -> None:
    used: set[str] = set()
    for folder in ("bot",):
        for path in Path(folder).rglob("*.py"):
            used |= set(KEY_IN_CODE.findall(path.read_text(encoding="utf-8")))
    assert used, "the pattern finds keys"
    assert sorted(used - set(CATALOGUES["zh"])) == []


def test_mongolian_is_in_traditional_script() -> None:
    text = (LOCALES_DIR / "mn" / "main.ftl").read_text(encoding="utf-8")
    mongolian = sum("\u1800" <= ch <= "\u18af" for ch in text)
    cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in text)
    assert mongolian > 1000 and cyrillic == 0


async def test_every_message_formats_in_every_language() -> None:
    core = await load_core()
    for locale in LOCALES:
        for key, variables in CATALOGUES[locale].items():
            text = core.get(key, locale, **dict.fromkeys(variables, "X"))
            assert text and "{" not in text, (locale, key)


def test_enum_labels_and_commands_exist() -> None:
    from bot.commands import ALL_COMMANDS
    from bot.services.roles import Kind, Level, Role
    from bot.services.voice import VoiceRefusal

    wanted = {f"role-{r.value}" for r in Role} | {f"level-{v.value}" for v in Level}
    wanted |= {f"kind-{k.value}" for k in Kind} | {f"language-name-{loc}" for loc in LOCALES}
    wanted |= {f"command-{c}" for c in ALL_COMMANDS}
    wanted |= {"nav-title-invite", "nav-title-view"}
    wanted |= {f"voice-refused-{reason.value}" for reason in VoiceRefusal}
    assert sorted(wanted - set(CATALOGUES["zh"])) == []
