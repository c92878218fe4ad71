"""Everything the sandbox remembers, in memory: the bot, users, chats and their messages,
pending updates, files, callback queries, command menus, webhook settings and the event log.

All mutations are plain (synchronous) methods, so under asyncio each one is atomic; the only
waiting happens in the long polls, through `Notifier`."""

from __future__ import annotations

import asyncio
import copy
import itertools
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sandbox.faults import Faults
from sandbox.limits import RateLimiter, SandboxClock, SandboxLimits, now_seconds
from sandbox.media import extension, image_size
from sandbox.spec import BotApiSpec, load_spec

DEFAULT_EXCLUDED_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
MAX_EVENTS = 10_000
FIRST_USER_ID = 100_000_001
FIRST_GROUP_ID = -4_000_000_001
FIRST_SUPERGROUP_ID = -1_001_000_000_001

MEDIA_KINDS = ("photo", "document", "voice", "audio", "video", "animation", "video_note")
_FILE_FOLDERS = {
    "photo": "photos",
    "document": "documents",
    "voice": "voice",
    "audio": "music",
    "video": "videos",
    "animation": "animations",
    "video_note": "video_notes",
}
_FILE_ID_PREFIX = {
    "photo": "AgAC",
    "document": "BQAC",
    "voice": "AwAC",
    "audio": "CQAC",
    "video": "BAAC",
    "animation": "CgAC",
    "video_note": "DQAC",
}


def bot_id_from_token(token: str) -> int:
    head, sep, tail = token.partition(":")
    if not sep or not head.isdigit() or not tail:
        raise ValueError("a bot token looks like 123456:ABC-DEF (digits, a colon, a secret)")
    return int(head)


class Notifier:
    """Wakes every coroutine waiting in `wait` when `notify` is called."""

    def __init__(self) -> None:
        self._waiters: set[asyncio.Future[None]] = set()

    def notify(self) -> None:
        for waiter in self._waiters:
            if not waiter.done():
                waiter.set_result(None)
        self._waiters.clear()

    async def wait(self, seconds: float) -> None:
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.add(waiter)
        try:
            await asyncio.wait({waiter}, timeout=max(seconds, 0.0))
        finally:
            self._waiters.discard(waiter)


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    data: bytes
    kind: str
    mime_type: str
    file_name: str | None
    file_path: str
    width: int | None = None
    height: int | None = None
    duration: int | None = None
    photo_set: list[str] = field(default_factory=list)
    """For photos: the file ids of all sizes of the same picture, smallest first."""

    @property
    def size(self) -> int:
        return len(self.data)

    def file_json(self) -> dict[str, Any]:
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": self.size,
            "file_path": self.file_path,
        }


@dataclass
class StoredMessage:
    chat_id: int
    message: dict[str, Any]
    """The message as the Bot API shows it (Message JSON)."""
    from_bot: bool
    reply_markup: dict[str, Any] | None = None
    """The markup it was sent with, of any kind (Message JSON only shows inline keyboards)."""
    edited: bool = False
    deleted: bool = False

    @property
    def message_id(self) -> int:
        return int(self.message["message_id"])

    def api_json(self) -> dict[str, Any]:
        return copy.deepcopy(self.message)

    def control_json(self) -> dict[str, Any]:
        result = self.api_json()
        if self.reply_markup is not None:
            result["reply_markup"] = copy.deepcopy(self.reply_markup)
        result["edited"] = self.edited
        result["deleted"] = self.deleted
        result["from_bot"] = self.from_bot
        return result


@dataclass
class ChatRecord:
    id: int
    type: str
    title: str | None = None
    username: str | None = None
    user: dict[str, Any] | None = None
    """For private chats: the user on the other side."""
    member_ids: list[int] = field(default_factory=list)
    admin_ids: list[int] = field(default_factory=list)
    messages: dict[int, StoredMessage] = field(default_factory=dict)
    next_message_id: int = 1
    reply_keyboard: dict[str, Any] | None = None

    @property
    def is_private(self) -> bool:
        return self.type == "private"

    def chat_json(self) -> dict[str, Any]:
        if self.user is not None:
            result = {"id": self.id, "type": "private", "first_name": self.user["first_name"]}
            for key in ("last_name", "username"):
                if self.user.get(key):
                    result[key] = self.user[key]
            return result
        result = {"id": self.id, "type": self.type, "title": self.title or ""}
        if self.username:
            result["username"] = self.username
        return result

    def control_json(self) -> dict[str, Any]:
        return {
            **self.chat_json(),
            "member_ids": list(self.member_ids),
            "admin_ids": list(self.admin_ids),
            "reply_keyboard": copy.deepcopy(self.reply_keyboard),
        }


@dataclass
class CallbackRecord:
    id: str
    user_id: int
    chat_id: int
    message_id: int
    data: str
    created: float
    answered: bool = False


@dataclass
class WebhookConfig:
    url: str = ""
    secret_token: str | None = None
    max_connections: int = 40
    ip_address: str | None = None
    has_custom_certificate: bool = False
    last_error_date: int | None = None
    last_error_message: str | None = None


CommandKey = tuple[tuple[Any, ...], str]


class SandboxState:
    def __init__(
        self,
        token: str,
        bot_username: str = "zhibu_demo_bot",
        limits: SandboxLimits | None = None,
        clock: SandboxClock = time.time,
        *,
        bot_first_name: str = "Zhibu",
        spec: BotApiSpec | None = None,
    ) -> None:
        self.token = token
        self.bot_id = bot_id_from_token(token)
        self.bot_user: dict[str, Any] = {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": bot_first_name,
            "username": bot_username,
        }
        self.spec = spec or load_spec()
        self.clock = clock
        self.rate = RateLimiter(limits or SandboxLimits(), clock)
        self.faults = Faults()
        self.users: dict[int, dict[str, Any]] = {}
        self.chats: dict[int, ChatRecord] = {}
        self.blocked: set[int] = set()
        self.files: dict[str, StoredFile] = {}
        self.files_by_path: dict[str, StoredFile] = {}
        self.updates: list[dict[str, Any]] = []
        self.allowed_updates: list[str] | None = None
        self.poll_generation = 0
        self.updates_changed = Notifier()
        self.events: list[dict[str, Any]] = []
        self.events_changed = Notifier()
        self.callbacks: dict[str, CallbackRecord] = {}
        self.commands: dict[CommandKey, list[dict[str, Any]]] = {}
        self.profile: dict[tuple[str, str], str] = {}
        self.webhook = WebhookConfig()
        self.closing = False
        self._update_ids = itertools.count(1)
        self._event_ids = itertools.count(1)
        self._file_numbers = itertools.count(1)

    # --- time and limits -------------------------------------------------------------

    @property
    def limits(self) -> SandboxLimits:
        return self.rate.limits

    def set_limits(self, limits: SandboxLimits) -> None:
        self.rate.configure(limits)

    def now(self) -> float:
        return now_seconds(self.clock)

    def unix_now(self) -> int:
        return int(self.now())

    # --- users and chats -------------------------------------------------------------

    def add_user(
        self,
        first_name: str,
        *,
        user_id: int | None = None,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
        is_premium: bool | None = None,
    ) -> dict[str, Any]:
        """Create (or update) a user and their private chat with the bot."""
        if user_id is None:
            user_id = FIRST_USER_ID + len(self.users)
            while user_id in self.users or user_id in self.chats:
                user_id += 1
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        optional = {
            "last_name": last_name,
            "username": username,
            "language_code": language_code,
            "is_premium": is_premium,
        }
        user.update({key: value for key, value in optional.items() if value is not None})
        self.users[user_id] = user
        chat = self.chats.get(user_id)
        if chat is None:
            self.chats[user_id] = ChatRecord(
                id=user_id, type="private", user=user, member_ids=[user_id]
            )
        else:
            chat.user = user
        return user

    def add_group(
        self,
        title: str,
        member_ids: Iterable[int],
        *,
        chat_type: str = "group",
        chat_id: int | None = None,
        admin_ids: Iterable[int] = (),
        username: str | None = None,
    ) -> ChatRecord:
        if chat_id is None:
            first = FIRST_GROUP_ID if chat_type == "group" else FIRST_SUPERGROUP_ID
            chat_id = first
            while chat_id in self.chats:
                chat_id -= 1
        chat = ChatRecord(
            id=chat_id,
            type=chat_type,
            title=title,
            username=username,
            member_ids=list(dict.fromkeys(member_ids)),
            admin_ids=list(dict.fromkeys(admin_ids)),
        )
        self.chats[chat_id] = chat
        return chat

    def chat(self, chat_id: int | str) -> ChatRecord | None:
        if isinstance(chat_id, str):
            if chat_id.lstrip("-").isdigit():
                return self.chats.get(int(chat_id))
            name = chat_id.removeprefix("@").lower()
            return next(
                (c for c in self.chats.values() if c.username and c.username.lower() == name),
                None,
            )
        return self.chats.get(chat_id)

    def chat_instance(self, chat_id: int) -> str:
        return str((chat_id * 2_654_435_761 + self.bot_id) % (2**63))

    # --- messages --------------------------------------------------------------------

    def add_message(
        self,
        chat: ChatRecord,
        content: dict[str, Any],
        *,
        sender: dict[str, Any],
        from_bot: bool,
        date: int | None = None,
        reply_markup: dict[str, Any] | None = None,
        reply_to: StoredMessage | None = None,
    ) -> StoredMessage:
        message: dict[str, Any] = {
            "message_id": chat.next_message_id,
            "from": copy.deepcopy(sender),
            "chat": chat.chat_json(),
            "date": self.unix_now() if date is None else date,
        }
        chat.next_message_id += 1
        if reply_to is not None:
            replied = reply_to.api_json()
            replied.pop("reply_to_message", None)
            message["reply_to_message"] = replied
        message.update(copy.deepcopy(content))
        if reply_markup is not None and "inline_keyboard" in reply_markup:
            message["reply_markup"] = copy.deepcopy(reply_markup)
        stored = StoredMessage(chat.id, message, from_bot, copy.deepcopy(reply_markup))
        chat.messages[stored.message_id] = stored
        return stored

    def message(self, chat_id: int, message_id: int) -> StoredMessage | None:
        chat = self.chats.get(chat_id)
        return None if chat is None else chat.messages.get(message_id)

    # --- updates ---------------------------------------------------------------------

    def wants(self, kind: str) -> bool:
        if not self.allowed_updates:
            return kind not in DEFAULT_EXCLUDED_UPDATES
        return kind in self.allowed_updates

    def enqueue_update(self, kind: str, payload: dict[str, Any]) -> dict[str, Any] | None:
        """Queue an update for the bot, unless its allowed_updates leave this kind out."""
        if not self.wants(kind):
            return None
        update = {"update_id": next(self._update_ids), kind: copy.deepcopy(payload)}
        self.updates.append(update)
        self.updates_changed.notify()
        return update

    def confirm_updates(self, offset: int) -> None:
        if offset > 0:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        elif offset < 0:
            self.updates = self.updates[offset:]

    def drop_updates(self) -> None:
        self.updates.clear()

    # --- events ----------------------------------------------------------------------

    def emit(self, kind: str, chat_id: int | None, **data: Any) -> dict[str, Any]:
        event: dict[str, Any] = {
            "id": next(self._event_ids),
            "type": kind,
            "date": self.unix_now(),
            "chat_id": chat_id,
            **copy.deepcopy(data),
        }
        self.events.append(event)
        if len(self.events) > MAX_EVENTS:
            del self.events[: len(self.events) - MAX_EVENTS]
        self.events_changed.notify()
        return event

    def events_after(self, after: int, chat_id: int | None = None) -> list[dict[str, Any]]:
        return [
            copy.deepcopy(e)
            for e in self.events
            if e["id"] > after and (chat_id is None or e["chat_id"] == chat_id)
        ]

    @property
    def last_event_id(self) -> int:
        return self.events[-1]["id"] if self.events else 0

    # --- files -----------------------------------------------------------------------

    def store_file(
        self,
        data: bytes,
        kind: str,
        *,
        mime_type: str,
        file_name: str | None = None,
        duration: int | None = None,
    ) -> StoredFile:
        number = next(self._file_numbers)
        unique = secrets.token_urlsafe(8)
        file_id = f"{_FILE_ID_PREFIX.get(kind, 'BQAC')}{number:06d}{secrets.token_urlsafe(18)}"
        folder = _FILE_FOLDERS.get(kind, "documents")
        path = f"{folder}/file_{number}{extension(file_name, mime_type)}"
        stored = StoredFile(
            file_id=file_id,
            file_unique_id=f"AQAD{unique}",
            data=data,
            kind=kind,
            mime_type=mime_type,
            file_name=file_name,
            file_path=path,
            duration=duration,
        )
        self.files[file_id] = stored
        self.files_by_path[path] = stored
        return stored

    def store_photo(
        self, data: bytes, *, mime_type: str, file_name: str | None = None
    ) -> StoredFile:
        """The largest size of a new photo; a smaller size shares its bytes when it is big."""
        width, height = image_size(data) or (800, 600)
        sizes: list[StoredFile] = []
        longest = max(width, height)
        if longest > 320:
            scale = 320 / longest
            small = self.store_file(data, "photo", mime_type=mime_type, file_name=file_name)
            small.width, small.height = max(1, round(width * scale)), max(1, round(height * scale))
            sizes.append(small)
        full = self.store_file(data, "photo", mime_type=mime_type, file_name=file_name)
        full.width, full.height = width, height
        sizes.append(full)
        ids = [s.file_id for s in sizes]
        for size in sizes:
            size.photo_set = ids
        return full

    def media_json(self, stored: StoredFile, **extra: Any) -> Any:
        """The Bot API object for a stored file: a PhotoSize list for photos."""
        base = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id}
        if stored.kind == "photo":
            sizes = [self.files[i] for i in stored.photo_set or [stored.file_id]]
            return [
                {
                    "file_id": s.file_id,
                    "file_unique_id": s.file_unique_id,
                    "width": s.width or 0,
                    "height": s.height or 0,
                    "file_size": s.size,
                }
                for s in sizes
            ]
        result: dict[str, Any] = dict(base)
        if stored.kind in ("voice", "audio", "video", "video_note", "animation"):
            result["duration"] = stored.duration or 0
        if stored.kind in ("document", "audio", "video", "animation") and stored.file_name:
            result["file_name"] = stored.file_name
        if stored.kind != "video_note":
            result["mime_type"] = stored.mime_type
        result["file_size"] = stored.size
        result.update({key: value for key, value in extra.items() if value is not None})
        return result

    # --- callback queries ------------------------------------------------------------

    def new_callback(
        self, user_id: int, chat_id: int, message_id: int, data: str
    ) -> CallbackRecord:
        query_id = str(secrets.randbits(62) + 10**17)
        record = CallbackRecord(query_id, user_id, chat_id, message_id, data, self.now())
        self.callbacks[query_id] = record
        return record

    # --- command menus ---------------------------------------------------------------

    @staticmethod
    def scope_key(scope: dict[str, Any] | None) -> tuple[Any, ...]:
        if not scope:
            return ("default",)
        kind = scope.get("type", "default")
        if kind in ("chat", "chat_administrators"):
            return (kind, scope["chat_id"])
        if kind == "chat_member":
            return (kind, scope["chat_id"], scope["user_id"])
        return (kind,)

    def resolve_commands(
        self, chat: ChatRecord, language_code: str | None, user_id: int | None = None
    ) -> tuple[list[dict[str, Any]], tuple[Any, ...] | None, str]:
        """The menu a user sees in a chat, found the way Telegram documents it."""
        if chat.is_private:
            scopes: list[tuple[Any, ...]] = [
                ("chat", chat.id),
                ("all_private_chats",),
                ("default",),
            ]
        else:
            is_admin = user_id is not None and user_id in chat.admin_ids
            scopes = []
            if user_id is not None:
                scopes.append(("chat_member", chat.id, user_id))
            if is_admin:
                scopes.append(("chat_administrators", chat.id))
            scopes.append(("chat", chat.id))
            if is_admin:
                scopes.append(("all_chat_administrators",))
            scopes += [("all_group_chats",), ("default",)]
        languages = [language_code, ""] if language_code else [""]
        for scope in scopes:
            for language in languages:
                commands = self.commands.get((scope, language))
                if commands:
                    return copy.deepcopy(commands), scope, language
        return [], None, ""

    # --- shutdown --------------------------------------------------------------------

    def close(self) -> None:
        """Let every long poll return now."""
        self.closing = True
        self.updates_changed.notify()
        self.events_changed.notify()
