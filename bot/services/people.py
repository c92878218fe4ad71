"""People: who the bot is talking to, their language, and how names and phones are checked."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import datetime

from bot.services.access import Action, Actor, Grant, require
from bot.services.errors import InvalidInput
from bot.services.locale import is_supported, negotiate
from bot.services.roles import ROLES_AT_LEVEL, Role
from storage.models import Membership, Organization, Person
from storage.uow import UnitOfWork

NAME_MAX = 64
_PHONE_JUNK = re.compile(r"[\s\-().]")


# Format characters that real names need: the Mongolian vowel separator (ᠴᠡᠴᠡᠭ᠎ᠡ) and the
# zero-width (non-)joiners. Every other control or format character (bidi overrides...) is out.
_NAME_FORMAT_CHARS = frozenset({"\u180e", "\u200c", "\u200d"})


def _forbidden(ch: str) -> bool:
    return unicodedata.category(ch).startswith("C") and ch not in _NAME_FORMAT_CHARS


def clean_name(raw: str) -> str:
    """A display name: trimmed, no control characters, 1–64 characters."""
    name = " ".join(raw.split())
    if not name or len(name) > NAME_MAX:
        raise InvalidInput("error-name-length", max=NAME_MAX)
    if any(_forbidden(ch) for ch in name):
        raise InvalidInput("error-name-chars")
    return name


def normalize_phone(raw: str) -> str:
    """A canonical +<country><number>; bare 11-digit mainland mobiles get +86.

    Telegram sends contacts as "8613800138000" or "+8613800138000"; rosters hold
    "138 0013 8000". All three must compare equal.
    """
    text = _PHONE_JUNK.sub("", raw.strip())
    had_plus = text.startswith("+")
    digits = text.lstrip("+")
    if text.startswith("00"):
        digits, had_plus = digits[2:], True
    if not digits.isdigit() or not 7 <= len(digits) <= 15:
        raise InvalidInput("error-phone-invalid")
    if not had_plus and len(digits) == 11 and digits.startswith("1"):
        digits = "86" + digits
    return "+" + digits


async def actor_for(uow: UnitOfWork, person: Person) -> Actor:
    return actor_from(person, await uow.memberships.of_person(person.id))


def actor_from(person: Person, pairs: Sequence[tuple[Membership, Organization]]) -> Actor:
    """The actor of a person already loaded with their memberships and organizations."""
    grants = tuple(
        Grant(org_id=o.id, org_path=o.path, org_name=o.name, org_level=o.level, role=m.role)
        for m, o in pairs
    )
    return Actor(
        person_id=person.id,
        telegram_id=person.telegram_id,
        display_name=person.display_name,
        language=person.language,
        grants=grants,
    )


async def actor_of_person(uow: UnitOfWork, person_id: int) -> Actor:
    person = await uow.people.get(person_id)
    if person is None:
        raise InvalidInput()
    return await actor_for(uow, person)


async def enter(
    uow: UnitOfWork, telegram_id: int, full_name: str, language_code: str | None, now: datetime
) -> Actor:
    """The actor behind a Telegram user, creating their record on first contact.

    The language Telegram reports is stored as a first guess, so that messages the person
    receives later because of someone else's action (an approval) arrive in it; /language
    replaces it.
    """
    person = await uow.people.by_telegram_id(telegram_id)
    if person is None:
        name = " ".join(full_name.split())[:NAME_MAX] or str(telegram_id)
        person = await uow.people.add(
            Person(
                telegram_id=telegram_id,
                display_name=name,
                language=negotiate(language_code),
                created_at=now,
            )
        )
        await uow.commit()
    return await actor_for(uow, person)


async def set_language(uow: UnitOfWork, person_id: int, locale: str) -> None:
    if not is_supported(locale):
        raise InvalidInput("error-language-unknown")
    person = await uow.people.get(person_id)
    if person is None:
        raise InvalidInput()
    person.language = locale
    await uow.commit()


async def grant(
    uow: UnitOfWork, actor: Actor, person: Person, org: Organization, role: Role, now: datetime
) -> bool:
    """Give `person` a role directly (operator bootstrap, demo seed); False if already held."""
    if role not in ROLES_AT_LEVEL[org.level]:
        raise InvalidInput("error-role-not-at-level")
    require(actor, Action.INVITE, org, role)
    if await uow.memberships.exists(person.id, org.id, role):
        return False
    await uow.memberships.add(
        Membership(person_id=person.id, org_id=org.id, role=role, created_at=now)
    )
    return True
