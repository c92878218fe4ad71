"""Which of our three catalogues a user gets."""

from __future__ import annotations

LOCALES = ("zh", "mn", "en")
DEFAULT_LOCALE = "zh"


def negotiate(language_code: str | None, default: str = DEFAULT_LOCALE) -> str:
    """Map Telegram's language_code to a catalogue: zh-hans, zh-CN → zh; any mn* → mn.

    Only a first guess: the user's own choice (/language) is stored and wins.
    """
    if not language_code:
        return default
    primary = language_code.replace("_", "-").split("-")[0].lower()
    return primary if primary in LOCALES else default


def is_supported(locale: str | None) -> bool:
    return locale in LOCALES
