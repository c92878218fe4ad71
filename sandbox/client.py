"""A client for the sandbox's control API: act as users and watch what the bot does::

async with SandboxClient(server.base_url) as sandbox:
    alice = await sandbox.create_user("Alice", language_code="en")
    await sandbox.send_text(alice["id"], "/start")
    reply = await sandbox.wait_for_bot_message(alice["id"])
    await sandbox.press(alice["id"], reply["message_id"], sandbox.find_button(reply, "OK"))
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from types import TracebackType
from typing import Any, Self

import aiohttp

Json = dict[str, Any]
Predicate = Callable[[Json], bool]

BOT_MESSAGE_EVENTS = ("bot_message", "bot_edited")


class SandboxError(Exception):
    """The control API refused a request."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"{status}: {message}")
        self.status = status
        self.message = message


def _drop_none(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}


def message_text(message: Json) -> str:
    """The text or caption of a message ('' when it has neither)."""
    return str(message.get("text") or message.get("caption") or "")


class SandboxClient:
    """The control API over aiohttp. Event waits remember what they have already returned,
    so consecutive `wait_for_bot_message` calls walk through the bot's messages in order."""

    def __init__(self, base_url: str, session: aiohttp.ClientSession | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self._session = session
        self._owns_session = session is None
        self._events: list[Json] = []
        self._fetched = 0
        self._consumed: set[int] = set()

    # --- plumbing --------------------------------------------------------------------

    @property
    def session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession()
            self._owns_session = True
        return self._session

    async def close(self) -> None:
        if self._owns_session and self._session is not None and not self._session.closed:
            await self._session.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def _request(
        self,
        method: str,
        path: str,
        *,
        json_body: Json | None = None,
        params: dict[str, Any] | None = None,
        data: aiohttp.FormData | None = None,
        request_timeout: float = 30.0,
    ) -> Any:
        query = {k: str(v) for k, v in (params or {}).items() if v is not None}
        async with self.session.request(
            method,
            f"{self.base_url}{path}",
            json=json_body,
            params=query,
            data=data,
            timeout=aiohttp.ClientTimeout(total=request_timeout),
        ) as response:
            body = await response.read()
            if response.status >= 400:
                try:
                    message = json.loads(body).get("error", "")
                except ValueError:
                    message = body.decode(errors="replace")
                raise SandboxError(response.status, message)
            if response.content_type == "application/json":
                return json.loads(body)
            return body

    # --- users and chats -------------------------------------------------------------

    async def create_user(
        self,
        first_name: str = "User",
        *,
        id: int | None = None,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
    ) -> Json:
        body = _drop_none(
            {
                "id": id,
                "first_name": first_name,
                "last_name": last_name,
                "username": username,
                "language_code": language_code,
            }
        )
        result: Json = await self._request("POST", "/sandbox/users", json_body=body)
        return result

    async def users(self) -> list[Json]:
        result: list[Json] = await self._request("GET", "/sandbox/users")
        return result

    async def create_chat(
        self,
        title: str,
        member_ids: list[int],
        *,
        type: str = "group",
        id: int | None = None,
        admin_ids: list[int] | None = None,
        username: str | None = None,
    ) -> Json:
        body = _drop_none(
            {
                "id": id,
                "type": type,
                "title": title,
                "member_ids": member_ids,
                "admin_ids": admin_ids,
                "username": username,
            }
        )
        result: Json = await self._request("POST", "/sandbox/chats", json_body=body)
        return result

    async def chats(self) -> list[Json]:
        """Every chat: private chats (one per user) and groups."""
        result: list[Json] = await self._request("GET", "/sandbox/chats")
        return result

    async def bot_info(self) -> Json:
        """The bot's User object plus `webhook_url` and `pending_update_count`."""
        result: Json = await self._request("GET", "/sandbox/bot")
        return result

    async def chat(self, chat_id: int) -> Json:
        """The chat with `member_ids`, `admin_ids` and its current `reply_keyboard`."""
        result: Json = await self._request("GET", f"/sandbox/chats/{chat_id}")
        return result

    async def block(self, user_id: int, blocked: bool = True) -> None:
        await self._request(
            "POST", "/sandbox/block", json_body={"user_id": user_id, "blocked": blocked}
        )

    async def unblock(self, user_id: int) -> None:
        await self.block(user_id, blocked=False)

    async def set_limits(self, **changes: Any) -> Json:
        result: Json = await self._request("POST", "/sandbox/limits", json_body=changes)
        return result

    async def inject_fault(
        self,
        code: int,
        *,
        method: str | None = None,
        count: int | None = None,
        probability: float | None = None,
        retry_after: int | None = None,
        description: str | None = None,
    ) -> Json:
        """Fail the next `count` matching calls, or each with `probability`, with `code`
        (429 carries `retry_after`); without `method`, every send/edit method matches."""
        rule = _drop_none(
            {
                "code": code,
                "method": method,
                "count": count,
                "probability": probability,
                "retry_after": retry_after,
                "description": description,
            }
        )
        result: Json = await self._request("POST", "/sandbox/faults", json_body=rule)
        return result

    async def faults(self) -> Json:
        """`{rules: [...], injected: N}`: the rules in force and how often each fired."""
        result: Json = await self._request("GET", "/sandbox/faults")
        return result

    async def clear_faults(self, seed: int | None = None) -> Json:
        """Drop every rule; `seed` makes the following probabilities reproducible."""
        result: Json = await self._request("DELETE", "/sandbox/faults", params={"seed": seed})
        return result

    # --- acting as users -------------------------------------------------------------

    async def send(self, user_id: int, **fields: Any) -> Json:
        """POST /sandbox/send with any of its fields; returns the user's Message."""
        result: Json = await self._request(
            "POST", "/sandbox/send", json_body=_drop_none({"user_id": user_id, **fields})
        )
        return result

    async def send_text(
        self,
        user_id: int,
        text: str,
        chat_id: int | None = None,
        date: int | None = None,
        *,
        forward_origin: Any = None,
        reply_to_message_id: int | None = None,
    ) -> Json:
        return await self.send(
            user_id,
            text=text,
            chat_id=chat_id,
            date=date,
            forward_origin=forward_origin,
            reply_to_message_id=reply_to_message_id,
        )

    async def send_contact(
        self,
        user_id: int,
        phone_number: str,
        first_name: str | None = None,
        *,
        last_name: str | None = None,
        contact_user_id: int | None = None,
        chat_id: int | None = None,
        date: int | None = None,
    ) -> Json:
        """Share a contact; `contact_user_id` defaults to the sender (sharing one's own)."""
        contact = _drop_none(
            {
                "phone_number": phone_number,
                "first_name": first_name,
                "last_name": last_name,
                "user_id": user_id if contact_user_id is None else contact_user_id,
            }
        )
        return await self.send(user_id, contact=contact, chat_id=chat_id, date=date)

    async def send_location(
        self,
        user_id: int,
        latitude: float,
        longitude: float,
        *,
        live_period: int | None = None,
        horizontal_accuracy: float | None = None,
        chat_id: int | None = None,
        date: int | None = None,
    ) -> Json:
        location = _drop_none(
            {
                "latitude": latitude,
                "longitude": longitude,
                "live_period": live_period,
                "horizontal_accuracy": horizontal_accuracy,
            }
        )
        return await self.send(user_id, location=location, chat_id=chat_id, date=date)

    async def edit_location(
        self,
        user_id: int,
        message_id: int,
        latitude: float,
        longitude: float,
        chat_id: int | None = None,
    ) -> Json:
        body = _drop_none(
            {
                "user_id": user_id,
                "chat_id": chat_id,
                "message_id": message_id,
                "latitude": latitude,
                "longitude": longitude,
            }
        )
        result: Json = await self._request("POST", "/sandbox/edit_location", json_body=body)
        return result

    async def upload(
        self,
        user_id: int,
        kind: str,
        data: bytes,
        filename: str,
        *,
        chat_id: int | None = None,
        caption: str | None = None,
        date: int | None = None,
        duration: int | None = None,
        forwarded: bool = False,
        mime_type: str | None = None,
    ) -> Json:
        """Send a photo, document, voice or audio file as the user."""
        form = aiohttp.FormData()
        fields = _drop_none(
            {
                "user_id": user_id,
                "chat_id": chat_id,
                "kind": kind,
                "caption": caption,
                "date": date,
                "duration": duration,
                "mime_type": mime_type,
            }
        )
        for key, value in fields.items():
            form.add_field(key, str(value))
        if forwarded:
            form.add_field("forwarded", "true")
        form.add_field(
            "file", data, filename=filename, content_type=mime_type or "application/octet-stream"
        )
        result: Json = await self._request("POST", "/sandbox/upload", data=form)
        return result

    async def press(
        self, user_id: int, message_id: int, callback_data: str, chat_id: int | None = None
    ) -> str:
        """Tap an inline button; returns the callback_query_id."""
        body = _drop_none(
            {
                "user_id": user_id,
                "chat_id": chat_id,
                "message_id": message_id,
                "callback_data": callback_data,
            }
        )
        result: Json = await self._request("POST", "/sandbox/press", json_body=body)
        return str(result["callback_query_id"])

    async def press_button(
        self, user_id: int, message: Json, text_contains: str, chat_id: int | None = None
    ) -> str:
        """Tap the inline button of `message` whose text contains `text_contains`."""
        data = self.find_button(message, text_contains)
        return await self.press(user_id, message["message_id"], data, chat_id=chat_id)

    # --- reading ---------------------------------------------------------------------

    async def messages(self, chat_id: int, after_id: int | None = None) -> list[Json]:
        result: list[Json] = await self._request(
            "GET", f"/sandbox/chats/{chat_id}/messages", params={"after_id": after_id}
        )
        return result

    async def bot_messages(self, chat_id: int, after_id: int | None = None) -> list[Json]:
        return [m for m in await self.messages(chat_id, after_id) if m.get("from_bot")]

    async def bot_message_counts(self, contains: str) -> dict[int, int]:
        """Per chat, how many of the bot's messages carry `contains` (chats with none left
        out): one request for a whole broadcast's recipients."""
        result: dict[str, int] = await self._request(
            "GET", "/sandbox/bot_message_counts", params={"contains": contains}
        )
        return {int(chat_id): count for chat_id, count in result.items()}

    async def traffic(self) -> Json:
        """The Bot API answers so far: `{methods: {sendMessage: {"200": n, "429": n}},
        too_many_requests: n}` (injected 429s included; `faults()` counts those)."""
        result: Json = await self._request("GET", "/sandbox/traffic")
        return result

    async def commands(
        self, chat_id: int, language_code: str | None = None, user_id: int | None = None
    ) -> list[Json]:
        """The command menu that chat shows (for groups, as `user_id` sees it)."""
        result: Json = await self._request(
            "GET",
            "/sandbox/commands",
            params={"chat_id": chat_id, "language_code": language_code, "user_id": user_id},
        )
        commands: list[Json] = result["commands"]
        return commands

    async def file(self, file_id: str) -> bytes:
        result: bytes = await self._request("GET", f"/sandbox/files/{file_id}")
        return result

    async def events(
        self,
        after: int = 0,
        timeout: float = 0.0,  # noqa: ASYNC109 - the server's long-poll wait
        chat_id: int | None = None,
    ) -> list[Json]:
        """Events with an id above `after`, waiting up to `timeout` seconds for the first."""
        result: list[Json] = await self._request(
            "GET",
            "/sandbox/events",
            params={"after": after, "timeout": timeout, "chat_id": chat_id},
            request_timeout=timeout + 30.0,
        )
        return result

    async def _fetch(self, wait: float) -> None:
        events = await self.events(self._fetched, wait)
        if events:
            self._events.extend(events)
            self._fetched = events[-1]["id"]

    async def mark(self) -> int:
        """Treat every event so far as seen; later waits only see what happens next."""
        await self._fetch(0.0)
        self._consumed.update(e["id"] for e in self._events)
        return self._fetched

    async def wait_for_event(
        self,
        match: Predicate,
        timeout: float = 5.0,  # noqa: ASYNC109 - spread over several long polls
    ) -> Json:
        """The first event not returned before that satisfies `match`."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            for event in self._events:
                if event["id"] not in self._consumed and match(event):
                    self._consumed.add(event["id"])
                    return event
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(f"no matching sandbox event within {timeout} s")
            await self._fetch(min(remaining, 10.0))

    async def wait_for_bot_message(
        self,
        chat_id: int,
        predicate: Predicate | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109 - spread over several long polls
        *,
        edits: bool = True,
    ) -> Json:
        """The bot's next message (or edit, unless `edits=False`) in the chat that satisfies
        `predicate`; raises TimeoutError listing what the bot did send."""
        kinds = BOT_MESSAGE_EVENTS if edits else ("bot_message",)

        def match(event: Json) -> bool:
            return (
                event["type"] in kinds
                and event["chat_id"] == chat_id
                and (predicate is None or predicate(event["message"]))
            )

        try:
            event = await self.wait_for_event(match, timeout)
        except TimeoutError:
            seen = [
                message_text(e["message"])[:80]
                for e in self._events
                if e["type"] in kinds and e["chat_id"] == chat_id
            ]
            raise TimeoutError(
                f"the bot sent nothing matching to chat {chat_id} within {timeout} s; "
                f"it sent: {seen!r}"
            ) from None
        message: Json = event["message"]
        return message

    async def wait_for_callback_answer(
        self,
        callback_query_id: str | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109 - spread over several long polls
    ) -> Json:
        """The bot's answer to a callback query: {text, show_alert, url, ...}."""

        def match(event: Json) -> bool:
            return event["type"] == "callback_answer" and (
                callback_query_id is None or event["callback_query_id"] == callback_query_id
            )

        return await self.wait_for_event(match, timeout)

    # --- keyboards -------------------------------------------------------------------

    @staticmethod
    def buttons(message: Json) -> list[Json]:
        """Every button of the message's keyboard (inline or reply), row by row."""
        markup = message.get("reply_markup") or {}
        rows = markup.get("inline_keyboard") or markup.get("keyboard") or []
        return [button for row in rows for button in row]

    @classmethod
    def find_button(cls, message: Json, text_contains: str) -> str:
        """The callback_data of the first inline button whose text contains the string."""
        markup = message.get("reply_markup") or {}
        for row in markup.get("inline_keyboard") or []:
            for button in row:
                if text_contains in button.get("text", "") and "callback_data" in button:
                    return str(button["callback_data"])
        texts = [b.get("text") for b in cls.buttons(message)]
        raise LookupError(f"no inline button containing {text_contains!r}; buttons: {texts!r}")
