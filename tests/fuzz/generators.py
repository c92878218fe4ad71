"""Hypothesis strategies for what Telegram could deliver: texts of every kind, commands with
junk arguments, callback data built from every CallbackData class of bot/keyboards (valid
prefixes, wrong or huge ids, wrong enum values, truncated, or garbage), and messages of
every content type, in private chats, groups and channels."""

from __future__ import annotations

import importlib
import pkgutil
import types
import typing
from datetime import UTC, datetime, timedelta
from enum import Enum
from functools import cache
from itertools import count
from typing import Any, cast

from aiogram.filters.callback_data import CallbackData
from aiogram.types import (
    Animation,
    Audio,
    CallbackQuery,
    Chat,
    ChatMemberLeft,
    ChatMemberMember,
    ChatMemberUpdated,
    Contact,
    Dice,
    Document,
    Location,
    Message,
    MessageOriginHiddenUser,
    PhotoSize,
    Poll,
    PollOption,
    Sticker,
    Update,
    User,
    Venue,
    Video,
    VideoNote,
    Voice,
)
from hypothesis import strategies as st

import bot.keyboards
from bot.commands import ALL_COMMANDS
from tests.fakes import BOT_USER

# Ids start far above the Chatter's, so a fuzzed update never repeats a scripted one by chance.
_update_ids = count(10_000_000)
_message_ids = count(10_000_000)

# --- texts ---------------------------------------------------------------------------------

SPECIAL_TEXTS = (
    "",
    " ",
    "\n\t ",
    "\u200b",
    "\u200b\u200c\u200d\u2060\ufeff",
    "\u202e\u202dمرحبا بالعالم\u202c",
    "שלום",
    "ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ",
    "\u180e\u180b\u180c\u202f",
    "👨‍👩‍👧‍👦🇨🇳🏳️‍🌈",
    "e\u0301\u0301\u0301\u0301",
    "\x00\x01\x07\x1b[31m\x7f",
    "\r\n\r\n",
    "-1",
    "0",
    "1e309",
    "NaN",
    "99999999999999999999999",
    "-99999999999",
    "0.001",
    "1,000.50",
    "１２３",
    "二零二六年十一月",
    "2026-13-45 25:61",
    "2026-11-22 19:30",
    "明天 19:30",
    "19:30",
    "1 2 3 4",
    "100 90 80 70",
    "'; DROP TABLE people; --",
    "{ $name } {name} %s %(x)s {0}",
    "<b>bold</b> &amp; *md* _x_ `code`",
    "https://example.invalid/a?b=c",
    "/",
    "//start",
    "@zhibu_test_bot",
)


@cache
def _every_category() -> st.SearchStrategy[str]:
    return st.text(st.characters(exclude_categories=["Cs"]), max_size=40)


@cache
def _long() -> st.SearchStrategy[str]:
    """Texts around and beyond Telegram's 4096 characters, cheap to generate."""
    return st.builds(
        lambda unit, size: (unit * size)[:size],
        st.sampled_from(("a", "党", "ᠮ", "😀", "\u200b", "a\n")),
        st.sampled_from((1000, 4000, 4095, 4096, 4097, 5000, 10_000)),
    )


@cache
def texts() -> st.SearchStrategy[str]:
    pieces = st.sampled_from(SPECIAL_TEXTS) | _every_category()
    joined = st.lists(pieces, min_size=1, max_size=4).map("".join)
    return st.one_of(st.sampled_from(SPECIAL_TEXTS), _every_category(), joined, _long())


# --- commands ------------------------------------------------------------------------------

COMMANDS = (*ALL_COMMANDS, "cancel", "skip", "done", "unknown_cmd")


@cache
def commands() -> st.SearchStrategy[str]:
    name = st.sampled_from(COMMANDS)
    mention = st.sampled_from(("", "@zhibu_test_bot", "@other_bot", "@"))
    args = st.one_of(st.just(""), texts(), st.sampled_from(("x", "1", "fuzz-invite-0")))
    case = st.sampled_from((str, str.upper))
    return st.builds(
        lambda n, m, a, c, sep: f"/{c(n)}{m}{sep}{a}" if a else f"/{c(n)}{m}",
        name,
        mention,
        args,
        case,
        st.sampled_from((" ", "  ", "\n", "")),
    )


# --- callback data -------------------------------------------------------------------------


def callback_classes() -> list[type[CallbackData]]:
    """Every CallbackData of bot/keyboards, found by import, so a new one is fuzzed too."""
    for module in pkgutil.iter_modules(bot.keyboards.__path__):
        importlib.import_module(f"bot.keyboards.{module.name}")
    found: list[type[CallbackData]] = []
    pending = list(CallbackData.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith("bot.keyboards."):
            found.append(cls)
    return sorted(found, key=lambda c: c.__prefix__)


@cache
def _junk() -> st.SearchStrategy[str]:
    return st.text(st.characters(exclude_categories=["Cs"]), max_size=12)


@cache
def _int_values(known: tuple[int, ...]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(tuple(known) or (1,)).map(str),
        st.integers(-3, 40).map(str),
        st.sampled_from((2**31, 2**63, -(2**63), 10**30, 0, -1, 1 << 70)).map(str),
        st.sampled_from(("1.5", "0x10", "1e3", "", " 1", "١", "NaN")),
    )


@cache
def _field_values(annotation: Any, known: tuple[int, ...]) -> st.SearchStrategy[str]:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        return st.one_of(*(_field_values(a, known) for a in options), st.just(""))
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        values = tuple(str(member.value) for member in annotation)
        return st.one_of(st.sampled_from(values), _junk())
    if annotation is bool:
        return st.sampled_from(("0", "1", "True", "false", "2", ""))
    if annotation is int:
        return _int_values(known)
    return st.one_of(_junk(), _int_values(known))


@cache
def callback_data(
    classes: tuple[type[CallbackData], ...], known: tuple[int, ...]
) -> st.SearchStrategy[str]:
    """Data as a forger or a stale keyboard would send it: any class's prefix with fields of
    the right shape pointing anywhere, or of the wrong shape, cut short, or plain garbage."""

    @st.composite
    def packed(draw: st.DrawFn) -> str:
        cls = draw(st.sampled_from(tuple(classes)))
        fields = cls.model_fields
        values = [draw(_field_values(cast(Any, f.annotation), known)) for f in fields.values()]
        extra = draw(st.lists(_junk(), max_size=1))
        data = cls.__separator__.join([cls.__prefix__, *values, *extra])
        cut = draw(st.none() | st.integers(0, max(0, len(data) - 1)))
        return data if cut is None else data[:cut]

    prefixes = tuple(c.__prefix__ for c in classes)
    garbage = st.one_of(
        st.text(max_size=70),
        st.builds(lambda p, j: f"{p}:{j}", st.sampled_from(prefixes), _junk()),
        st.binary(max_size=64).map(lambda b: b.decode("latin-1")),
    )
    return st.one_of(packed(), packed(), garbage)


# --- updates -------------------------------------------------------------------------------

GROUP = Chat(id=-100123, type="supergroup", title="支部群")
SMALL_GROUP = Chat(id=-4567, type="group", title="群")
CHANNEL = Chat(id=-100999, type="channel", title="频道")


def private_chat(user: User) -> Chat:
    return Chat(id=user.id, type="private")


def message(user: User, chat: Chat | None = None, **fields: Any) -> Message:
    return Message(
        message_id=next(_message_ids),
        date=fields.pop("date", None) or datetime.now(UTC),
        chat=chat or private_chat(user),
        from_user=None if chat is CHANNEL else user,
        **fields,
    )


def text_update(user: User, text: str, chat: Chat | None = None) -> Update:
    return Update(update_id=next(_update_ids), message=message(user, chat, text=text))


def press_update(user: User, data: str, message_id: int = 1) -> Update:
    shown = Message(
        message_id=message_id,
        date=datetime.now(UTC),
        chat=private_chat(user),
        from_user=BOT_USER,
        text="…",
    )
    query = CallbackQuery(
        id=str(next(_update_ids)),
        from_user=user,
        chat_instance="ci",
        message=shown,
        data=data,
    )
    return Update(update_id=next(_update_ids), callback_query=query)


def voice_update(user: User, file_id: str, seconds: float, size: int, date: datetime) -> Update:
    """A voice note recorded at `date` (a sign-in is judged on the moment it was recorded)."""
    note = Voice(
        file_id=file_id,
        file_unique_id=file_id,
        duration=round(seconds),
        file_size=size,
        mime_type="audio/ogg",
    )
    return Update(update_id=next(_update_ids), message=message(user, voice=note, date=date))


@cache
def _file_id() -> st.SearchStrategy[str]:
    return st.sampled_from(("f1", "voice-b", "sent-doc", "", "x" * 300)) | st.text(
        "abcdef0123456789-_", min_size=1, max_size=20
    )


@cache
def _number() -> st.SearchStrategy[int]:
    return st.one_of(st.integers(-5, 400), st.sampled_from((2**31, 10**12, 0)))


@cache
def _coordinate(limit: float) -> st.SearchStrategy[float]:
    return st.floats(-limit, limit, allow_nan=False) | st.sampled_from((43.93, 116.07, 0.0))


@cache
def _media_fields(user_id: int) -> st.SearchStrategy[dict[str, Any]]:
    file_id = _file_id()
    size = st.none() | _number()
    mime = st.none() | st.sampled_from(
        ("audio/ogg", "audio/mpeg", "video/mp4", "application/pdf", "text/plain", "x/y", "")
    )
    point = st.builds(Location, latitude=_coordinate(90), longitude=_coordinate(180))
    return st.one_of(
        st.builds(
            lambda f: {
                "sticker": Sticker(
                    file_id=f,
                    file_unique_id=f,
                    type="regular",
                    width=1,
                    height=1,
                    is_animated=False,
                    is_video=False,
                )
            },
            file_id,
        ),
        st.builds(
            lambda f, caption: {
                "photo": [PhotoSize(file_id=f, file_unique_id=f, width=800, height=600)],
                "caption": caption,
            },
            file_id,
            st.none() | texts(),
        ),
        st.builds(
            lambda f, name, s, m, caption: {
                "document": Document(
                    file_id=f, file_unique_id=f, file_name=name, file_size=s, mime_type=m
                ),
                "caption": caption,
            },
            file_id,
            st.none() | st.sampled_from(("roster.xlsx", "a.csv", "x.pdf", "", "..", "名单.xlsx")),
            size,
            mime,
            st.none() | texts(),
        ),
        st.builds(
            lambda phone, uid: {
                "contact": Contact(phone_number=phone, first_name="X", user_id=uid)
            },
            st.sampled_from(("+8613800000000", "", "abc", "+" + "9" * 30)),
            st.none() | st.sampled_from((user_id, 2002, 1)),
        ),
        st.builds(
            lambda q: {
                "poll": Poll(
                    id="p",
                    question=q or "?",
                    options=[
                        PollOption(persistent_id="a", text="a", voter_count=0),
                        PollOption(persistent_id="b", text="b", voter_count=0),
                    ],
                    total_voter_count=0,
                    is_closed=False,
                    is_anonymous=True,
                    type="regular",
                    allows_multiple_answers=False,
                    allows_revoting=False,
                    members_only=False,
                )
            },
            _junk(),
        ),
        st.builds(lambda v: {"dice": Dice(emoji="🎲", value=v)}, st.integers(1, 6)),
        st.builds(lambda p: {"location": p}, point),
        st.builds(
            lambda p, title: {
                "location": p,
                "venue": Venue(location=p, title=title or "t", address=title),
            },
            point,
            _junk(),
        ),
        st.builds(
            lambda f, d, s, m: {
                "voice": Voice(file_id=f, file_unique_id=f, duration=d, file_size=s, mime_type=m)
            },
            file_id,
            _number(),
            size,
            mime,
        ),
        st.builds(
            lambda f, d, s: {
                "video_note": VideoNote(
                    file_id=f, file_unique_id=f, length=240, duration=d, file_size=s
                )
            },
            file_id,
            _number(),
            size,
        ),
        st.builds(
            lambda f, d: {
                "audio": Audio(file_id=f, file_unique_id=f, duration=d, mime_type="audio/mpeg")
            },
            file_id,
            _number(),
        ),
        st.builds(
            lambda f: {"video": Video(file_id=f, file_unique_id=f, width=1, height=1, duration=1)},
            file_id,
        ),
        st.builds(
            lambda f: {
                "animation": Animation(file_id=f, file_unique_id=f, width=1, height=1, duration=1)
            },
            file_id,
        ),
    )


@st.composite
def content_updates(draw: st.DrawFn, user: User) -> Update:
    """A message of any content type, possibly forwarded or sent long ago, in any kind of
    chat, possibly as an edit; or a change of the bot's membership in a chat."""
    kind = draw(st.sampled_from(("message", "message", "message", "edited", "channel", "member")))
    if kind == "member":
        chat = draw(st.sampled_from((private_chat(user), GROUP, SMALL_GROUP, CHANNEL)))
        old: ChatMemberMember | ChatMemberLeft = ChatMemberMember(user=BOT_USER)
        new: ChatMemberMember | ChatMemberLeft = ChatMemberLeft(user=BOT_USER)
        if draw(st.booleans()):
            old, new = new, old
        change = ChatMemberUpdated(
            chat=chat,
            from_user=user,
            date=datetime.now(UTC),
            old_chat_member=old,
            new_chat_member=new,
        )
        return Update(update_id=next(_update_ids), my_chat_member=change)
    fields = dict(draw(_media_fields(user.id) | st.builds(lambda t: {"text": t}, texts())))
    if draw(st.integers(0, 4)) == 0:
        fields["forward_origin"] = MessageOriginHiddenUser(
            date=datetime.now(UTC), sender_user_name="Someone"
        )
    if draw(st.integers(0, 4)) == 0:
        fields["date"] = datetime.now(UTC) - timedelta(minutes=draw(st.integers(1, 10_000)))
    if kind == "channel":
        return Update(update_id=next(_update_ids), channel_post=message(user, CHANNEL, **fields))
    where = draw(st.sampled_from((None, None, GROUP, SMALL_GROUP)))
    sent = message(user, where, **fields)
    if kind == "edited":
        return Update(update_id=next(_update_ids), edited_message=sent)
    return Update(update_id=next(_update_ids), message=sent)
