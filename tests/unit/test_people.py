from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.services.errors import InvalidInput
from bot.services.locale import negotiate
from bot.services.people import clean_name, normalize_phone
from bot.services.quiet_hours import QuietHours


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("138 0013 8000", "+8613800138000"),
        ("13800138000", "+8613800138000"),
        ("8613800138000", "+8613800138000"),
        ("+86 138-0013-8000", "+8613800138000"),
        ("0086 13800138000", "+8613800138000"),
        ("+976 9911 2233", "+97699112233"),
    ],
)
def test_phone_numbers_compare_equal_across_formats(raw: str, expected: str) -> None:
    assert normalize_phone(raw) == expected


@pytest.mark.parametrize("raw", ["", "12345", "phone", "+86 138 0013 8000 1234 5678", "１３８"])
def test_bad_phone_numbers_are_refused(raw: str) -> None:
    with pytest.raises(InvalidInput):
        normalize_phone(raw)


def test_names_are_trimmed_and_limited() -> None:
    assert clean_name("  巴特尔   其其格 ") == "巴特尔 其其格"
    assert clean_name("ᠪᠠᠲᠤ") == "ᠪᠠᠲᠤ"
    assert clean_name("ᠴᠡᠴᠡᠭ\u180eᠡ") == "ᠴᠡᠴᠡᠭ\u180eᠡ"  # the vowel separator belongs to the name
    with pytest.raises(InvalidInput):
        clean_name("evil\u202etxt.exe")  # a bidi override is not a name
    with pytest.raises(InvalidInput):
        clean_name("   ")
    with pytest.raises(InvalidInput):
        clean_name("名" * 65)
    with pytest.raises(InvalidInput):
        clean_name("bad\u0000name")


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("zh-hans", "zh"),
        ("zh-CN", "zh"),
        ("zh_TW", "zh"),
        ("mn", "mn"),
        ("mn-CN", "mn"),
        ("mn-Mong", "mn"),
        ("en-GB", "en"),
        ("ru", "zh"),
        (None, "zh"),
        ("", "zh"),
    ],
)
def test_language_code_is_only_a_first_guess(code: str | None, expected: str) -> None:
    assert negotiate(code) == expected


def _at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 21, hour, minute, tzinfo=UTC)


def test_quiet_hours_wrap_midnight() -> None:
    quiet = QuietHours.parse("21:30-07:30")
    assert quiet.contains(_at(22))
    assert quiet.contains(_at(3))
    assert quiet.contains(_at(21, 30))
    assert not quiet.contains(_at(7, 30))
    assert not quiet.contains(_at(12))


def test_reminders_in_quiet_hours_move_earlier() -> None:
    quiet = QuietHours.parse("21:30-07:30")
    assert quiet.move_earlier(_at(12)) == _at(12)
    assert quiet.move_earlier(_at(23)) == _at(21, 29)
    early = quiet.move_earlier(_at(6))
    assert early == datetime(2026, 11, 20, 21, 29, tzinfo=UTC)


def test_quiet_hours_parse_errors() -> None:
    with pytest.raises(ValueError, match="21:30-07:30"):
        QuietHours.parse("late evening")


def test_meeting_reminders_come_from_settings() -> None:
    from pydantic import ValidationError

    from bot.config import Settings

    assert Settings(_env_file=None).meeting_reminders == [1440, 60]
    assert Settings(_env_file=None, meeting_reminders=[30, 120, 30]).meeting_reminders == [120, 30]
    with pytest.raises(ValidationError):
        Settings(_env_file=None, meeting_reminders=[0])
