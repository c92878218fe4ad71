"""The control side: acting as users (send, upload, press buttons, share locations), and
reading what the bot did. JSON over HTTP under `/sandbox/`; errors are `{"error": "..."}`."""

from __future__ import annotations

import asyncio
import json
import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

from aiohttp import web

from sandbox.bodies import Upload, parse_multipart
from sandbox.errors import ApiError, ControlError
from sandbox.faults import parse_rule
from sandbox.formatting import utf16_len
from sandbox.limits import MAX_CAPTION_LENGTH, MAX_TEXT_LENGTH
from sandbox.media import guess_mime, image_mime, ogg_duration
from sandbox.state import ChatRecord, SandboxState, StoredMessage

MAX_EVENT_WAIT = 60.0
LIVE_FOREVER = 0x7FFFFFFF
UPLOAD_KINDS = ("photo", "document", "voice", "audio")
_BOT_COMMAND = re.compile(r"(?<!\S)/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![^\s])")


def _bad(message: str) -> ControlError:
    return ControlError(400, message)


def _int(body: Mapping[str, Any], key: str, *, required: bool = False) -> int | None:
    value = body.get(key)
    if value is None or value == "":
        if required:
            raise _bad(f"{key} is required")
        return None
    if isinstance(value, bool):
        raise _bad(f"{key} must be an integer")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        return int(value.strip())
    raise _bad(f"{key} must be an integer")


def _req_int(body: Mapping[str, Any], key: str) -> int:
    value = _int(body, key, required=True)
    assert value is not None
    return value


def _float(body: Mapping[str, Any], key: str, *, required: bool = False) -> float | None:
    value = body.get(key)
    if value is None or value == "":
        if required:
            raise _bad(f"{key} is required")
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            pass
    raise _bad(f"{key} must be a number")


def _str(body: Mapping[str, Any], key: str, *, required: bool = False) -> str | None:
    value = body.get(key)
    if value is None:
        if required:
            raise _bad(f"{key} is required")
        return None
    if not isinstance(value, str):
        raise _bad(f"{key} must be a string")
    if required and not value:
        raise _bad(f"{key} must not be empty")
    return value


def _flag(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)


def command_entities(text: str) -> list[dict[str, Any]]:
    """bot_command entities, as Telegram adds them to the messages users send."""
    return [
        {
            "type": "bot_command",
            "offset": utf16_len(text[: match.start()]),
            "length": utf16_len(match.group(0)),
        }
        for match in _BOT_COMMAND.finditer(text)
    ]


def scope_json(scope: tuple[Any, ...] | None) -> dict[str, Any] | None:
    if scope is None:
        return None
    result: dict[str, Any] = {"type": scope[0]}
    if len(scope) > 1:
        result["chat_id"] = scope[1]
    if len(scope) > 2:
        result["user_id"] = scope[2]
    return result


class Control:
    """What users do, and what the bot did, over a `SandboxState`."""

    def __init__(self, state: SandboxState) -> None:
        self.state = state
        self.traffic: Counter[tuple[str, int]] = Counter()
        """Bot API answers by (method, HTTP status): how many 429s a sender was given."""

    # --- lookups ---------------------------------------------------------------------

    def user(self, user_id: int) -> dict[str, Any]:
        user = self.state.users.get(user_id)
        if user is None:
            raise ControlError(404, f"user {user_id} not found")
        return user

    def chat(self, chat_id: int) -> ChatRecord:
        chat = self.state.chats.get(chat_id)
        if chat is None:
            raise ControlError(404, f"chat {chat_id} not found")
        return chat

    def _chat_of(self, user: dict[str, Any], chat_id: int | None) -> ChatRecord:
        chat = self.chat(user["id"] if chat_id is None else chat_id)
        if user["id"] not in chat.member_ids:
            raise _bad(f"user {user['id']} is not a member of chat {chat.id}")
        if chat.is_private and user["id"] in self.state.blocked:
            raise _bad(f"user {user['id']} has blocked the bot; unblock first")
        return chat

    def _message(self, chat: ChatRecord, message_id: int) -> StoredMessage:
        stored = chat.messages.get(message_id)
        if stored is None or stored.deleted:
            raise ControlError(404, f"message {message_id} not found in chat {chat.id}")
        return stored

    def _date(self, body: Mapping[str, Any]) -> int | None:
        date = _int(body, "date")
        if date is not None and date < 0:
            raise _bad("date must be unix seconds")
        return date

    def _forward_origin(self, value: Any, date: int) -> dict[str, Any] | None:
        if value is None or value is False or value == "":
            return None
        if isinstance(value, str):
            if value.strip().startswith("{"):
                try:
                    value = json.loads(value)
                except ValueError as exc:
                    raise _bad("forward_origin must be true or an object") from exc
            else:
                value = _flag(value)
                if not value:
                    return None
        if value is True:
            return {"type": "hidden_user", "sender_user_name": "Hidden Sender", "date": date}
        if not isinstance(value, dict):
            raise _bad("forward_origin must be true or an object")
        origin = dict(value)
        origin.setdefault("date", date)
        if "type" not in origin:
            if "user_id" in origin:
                user = self.user(_req_int(origin, "user_id"))
                origin = {"type": "user", "sender_user": user, "date": origin["date"]}
            elif "chat_id" in origin:
                chat = self.chat(_req_int(origin, "chat_id"))
                origin = {"type": "chat", "sender_chat": chat.chat_json(), "date": origin["date"]}
            elif "sender_user_name" in origin:
                origin["type"] = "hidden_user"
            else:
                raise _bad("forward_origin needs user_id, chat_id, sender_user_name or type")
        try:
            self.state.spec.check("MessageOrigin", origin, "forward_origin")
        except ApiError as exc:
            raise _bad(exc.description.removeprefix("Bad Request: ")) from None
        return origin

    # --- users and chats -------------------------------------------------------------

    def create_user(self, body: Mapping[str, Any]) -> dict[str, Any]:
        user_id = _int(body, "id")
        if user_id is not None and user_id <= 0:
            raise _bad("a user id must be positive")
        is_premium = body.get("is_premium")
        user = self.state.add_user(
            _str(body, "first_name", required=True) or "",
            user_id=user_id,
            last_name=_str(body, "last_name"),
            username=_str(body, "username"),
            language_code=_str(body, "language_code"),
            is_premium=None if is_premium is None else _flag(is_premium),
        )
        return self.user_json(user)

    def user_json(self, user: dict[str, Any]) -> dict[str, Any]:
        return {**user, "blocked": user["id"] in self.state.blocked}

    def create_chat(self, body: Mapping[str, Any]) -> dict[str, Any]:
        chat_type = body.get("type", "group")
        if chat_type not in ("group", "supergroup"):
            raise _bad('type must be "group" or "supergroup"')
        chat_id = _int(body, "id")
        if chat_id is not None and (chat_id >= 0 or chat_id in self.state.chats):
            raise _bad("a group id must be negative and unused")
        members = body.get("member_ids", [])
        admins = body.get("admin_ids", [])
        if not isinstance(members, list) or not isinstance(admins, list):
            raise _bad("member_ids and admin_ids must be lists of user ids")
        member_ids = [_req_int({"member_ids": m}, "member_ids") for m in members]
        admin_ids = [_req_int({"admin_ids": a}, "admin_ids") for a in admins]
        for user_id in [*member_ids, *admin_ids]:
            self.user(user_id)
        chat = self.state.add_group(
            _str(body, "title", required=True) or "",
            [*member_ids, *admin_ids],
            chat_type=chat_type,
            chat_id=chat_id,
            admin_ids=admin_ids,
            username=_str(body, "username"),
        )
        if chat.member_ids:
            adder = self.state.users[chat.member_ids[0]]
            self.state.enqueue_update(
                "my_chat_member",
                {
                    "chat": chat.chat_json(),
                    "from": adder,
                    "date": self.state.unix_now(),
                    "old_chat_member": {"status": "left", "user": self.state.bot_user},
                    "new_chat_member": {"status": "member", "user": self.state.bot_user},
                },
            )
        return chat.control_json()

    def block(self, body: Mapping[str, Any]) -> dict[str, Any]:
        user = self.user(_req_int(body, "user_id"))
        blocked = _flag(body.get("blocked", True))
        was = user["id"] in self.state.blocked
        if blocked:
            self.state.blocked.add(user["id"])
        else:
            self.state.blocked.discard(user["id"])
        if blocked != was:
            member = {"status": "member", "user": self.state.bot_user}
            kicked = {"status": "kicked", "user": self.state.bot_user, "until_date": 0}
            self.state.enqueue_update(
                "my_chat_member",
                {
                    "chat": self.state.chats[user["id"]].chat_json(),
                    "from": user,
                    "date": self.state.unix_now(),
                    "old_chat_member": member if blocked else kicked,
                    "new_chat_member": kicked if blocked else member,
                },
            )
        return {"user_id": user["id"], "blocked": blocked}

    def add_fault(self, body: dict[str, Any]) -> dict[str, Any]:
        try:
            rule = parse_rule(body)
        except ValueError as exc:
            raise _bad(str(exc)) from None
        self.state.faults.add(rule)
        return self.state.faults.to_json()

    def set_limits(self, body: Mapping[str, Any]) -> dict[str, Any]:
        try:
            limits = self.state.limits.updated(dict(body))
        except ValueError as exc:
            raise _bad(str(exc)) from None
        self.state.set_limits(limits)
        return limits.to_json()

    # --- what users do ---------------------------------------------------------------

    def _user_message(
        self,
        user: dict[str, Any],
        chat: ChatRecord,
        content: dict[str, Any],
        body: Mapping[str, Any],
    ) -> dict[str, Any]:
        date = self._date(body)
        effective_date = self.state.unix_now() if date is None else date
        origin = self._forward_origin(
            body.get("forward_origin", body.get("forwarded")), effective_date
        )
        if origin is not None:
            content = {"forward_origin": origin, **content}
        reply_to = None
        reply_id = _int(body, "reply_to_message_id")
        if reply_id is not None:
            reply_to = self._message(chat, reply_id)
        stored = self.state.add_message(
            chat, content, sender=user, from_bot=False, date=effective_date, reply_to=reply_to
        )
        self.state.enqueue_update("message", stored.api_json())
        message = stored.control_json()
        self.state.emit("user_message", chat.id, user_id=user["id"], message=message)
        return message

    def send(self, body: Mapping[str, Any]) -> dict[str, Any]:
        user = self.user(_req_int(body, "user_id"))
        chat = self._chat_of(user, _int(body, "chat_id"))
        kinds = [k for k in ("text", "contact", "location") if body.get(k) is not None]
        if len(kinds) != 1:
            raise _bad("send exactly one of text, contact or location")
        content: dict[str, Any]
        if kinds[0] == "text":
            text = _str(body, "text", required=True) or ""
            if len(text) > MAX_TEXT_LENGTH:
                raise _bad(f"a message holds at most {MAX_TEXT_LENGTH} characters")
            content = {"text": text}
            entities = command_entities(text)
            if entities:
                content["entities"] = entities
        elif kinds[0] == "contact":
            content = {"contact": self._contact(user, body["contact"])}
        else:
            content = {"location": self._location(body["location"])}
        return self._user_message(user, chat, content, body)

    def _contact(self, user: dict[str, Any], raw: Any) -> dict[str, Any]:
        if not isinstance(raw, dict):
            raise _bad("contact must be an object")
        contact: dict[str, Any] = {
            "phone_number": _str(raw, "phone_number", required=True),
            "first_name": _str(raw, "first_name") or user["first_name"],
        }
        last_name = _str(raw, "last_name")
        if last_name:
            contact["last_name"] = last_name
        contact_user = _int(raw, "user_id")
        if contact_user is not None:
            contact["user_id"] = contact_user
        vcard = _str(raw, "vcard")
        if vcard:
            contact["vcard"] = vcard
        return contact

    def _location(self, raw: Any) -> dict[str, Any]:
        if not isinstance(raw, dict):
            raise _bad("location must be an object")
        latitude = _float(raw, "latitude", required=True)
        longitude = _float(raw, "longitude", required=True)
        assert latitude is not None and longitude is not None
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise _bad("latitude must lie in [-90, 90] and longitude in [-180, 180]")
        location: dict[str, Any] = {"latitude": latitude, "longitude": longitude}
        accuracy = _float(raw, "horizontal_accuracy")
        if accuracy is not None:
            location["horizontal_accuracy"] = accuracy
        for key in ("live_period", "heading"):
            value = _int(raw, key)
            if value is not None:
                location[key] = value
        return location

    def edit_location(self, body: Mapping[str, Any]) -> dict[str, Any]:
        user = self.user(_req_int(body, "user_id"))
        chat = self._chat_of(user, _int(body, "chat_id"))
        stored = self._message(chat, _req_int(body, "message_id"))
        location = stored.message.get("location")
        if stored.from_bot or stored.message["from"]["id"] != user["id"] or location is None:
            raise _bad("only the sender's own location messages can be edited")
        live_period = location.get("live_period")
        if not live_period:
            raise _bad("that location is not live")
        now = self.state.unix_now()
        if live_period != LIVE_FOREVER and now > stored.message["date"] + live_period:
            raise _bad("that live location has expired")
        updated = self._location(
            {
                **location,
                **{
                    k: body[k]
                    for k in ("latitude", "longitude", "horizontal_accuracy", "heading")
                    if k in body
                },
            }
        )
        updated["live_period"] = live_period
        stored.message["location"] = updated
        stored.message["edit_date"] = now
        stored.edited = True
        self.state.enqueue_update("edited_message", stored.api_json())
        message = stored.control_json()
        self.state.emit("user_edited", chat.id, user_id=user["id"], message=message)
        return message

    def upload(self, fields: Mapping[str, Any]) -> dict[str, Any]:
        user = self.user(_req_int(fields, "user_id"))
        chat = self._chat_of(user, _int(fields, "chat_id"))
        kind = fields.get("kind")
        if kind not in UPLOAD_KINDS:
            raise _bad(f"kind must be one of {', '.join(UPLOAD_KINDS)}")
        upload = fields.get("file")
        if not isinstance(upload, Upload):
            raise _bad("file must be a file part")
        if not upload.data:
            raise _bad("the file is empty")
        state = self.state
        duration = _int(fields, "duration")
        declared = _str(fields, "mime_type")
        if kind == "photo":
            stored = state.store_photo(
                upload.data, mime_type=image_mime(upload.data), file_name=upload.filename
            )
            media: Any = state.media_json(stored)
        else:
            if kind == "voice":
                mime = "audio/ogg"
            else:
                mime = guess_mime(upload.filename, declared or upload.content_type)
            if duration is None and kind in ("voice", "audio"):
                duration = ogg_duration(upload.data) or 0
            stored = state.store_file(
                upload.data, kind, mime_type=mime, file_name=upload.filename, duration=duration
            )
            extra = {}
            if kind == "audio":
                extra = {"performer": _str(fields, "performer"), "title": _str(fields, "title")}
            media = state.media_json(stored, **extra)
        content: dict[str, Any] = {kind: media}
        caption = _str(fields, "caption")
        if caption:
            if len(caption) > MAX_CAPTION_LENGTH:
                raise _bad(f"a caption holds at most {MAX_CAPTION_LENGTH} characters")
            content["caption"] = caption
        return self._user_message(user, chat, content, fields)

    def press(self, body: Mapping[str, Any]) -> dict[str, Any]:
        user = self.user(_req_int(body, "user_id"))
        chat = self._chat_of(user, _int(body, "chat_id"))
        stored = self._message(chat, _req_int(body, "message_id"))
        data = _str(body, "callback_data", required=True) or ""
        markup = stored.message.get("reply_markup") or {}
        buttons = [b for row in markup.get("inline_keyboard", []) for b in row]
        if not stored.from_bot or not any(b.get("callback_data") == data for b in buttons):
            raise _bad(
                f"message {stored.message_id} has no inline button with callback_data {data!r}"
            )
        record = self.state.new_callback(user["id"], chat.id, stored.message_id, data)
        self.state.enqueue_update(
            "callback_query",
            {
                "id": record.id,
                "from": user,
                "message": stored.api_json(),
                "chat_instance": self.state.chat_instance(chat.id),
                "data": data,
            },
        )
        self.state.emit(
            "user_pressed",
            chat.id,
            user_id=user["id"],
            message_id=stored.message_id,
            callback_query_id=record.id,
            data=data,
        )
        return {"callback_query_id": record.id}

    # --- reading ---------------------------------------------------------------------

    def bot_message_counts(self, contains: str) -> dict[int, int]:
        """How many live messages from the bot carrying `contains` each chat holds (chats
        with none are left out): what a broadcast really delivered, duplicates included."""
        counts: dict[int, int] = {}
        for chat in self.state.chats.values():
            found = sum(
                1
                for m in chat.messages.values()
                if m.from_bot
                and not m.deleted
                and contains in str(m.message.get("text") or m.message.get("caption") or "")
            )
            if found:
                counts[chat.id] = found
        return counts

    def traffic_json(self) -> dict[str, Any]:
        methods: dict[str, dict[str, int]] = {}
        for (method, status), count in sorted(self.traffic.items()):
            methods.setdefault(method, {})[str(status)] = count
        return {
            "methods": methods,
            "too_many_requests": sum(n for (_, s), n in self.traffic.items() if s == 429),
        }

    def messages(self, chat_id: int, after_id: int = 0) -> list[dict[str, Any]]:
        chat = self.chat(chat_id)
        return [m.control_json() for m in chat.messages.values() if m.message_id > after_id]

    def commands(
        self, chat_id: int, language_code: str | None, user_id: int | None
    ) -> dict[str, Any]:
        chat = self.chat(chat_id)
        viewer = (
            chat.user
            if chat.is_private
            else (self.state.users.get(user_id) if user_id is not None else None)
        )
        if language_code is None and viewer is not None:
            language_code = viewer.get("language_code")
        if chat.is_private:
            user_id = chat.id
        commands, scope, language = self.state.resolve_commands(chat, language_code, user_id)
        return {"commands": commands, "scope": scope_json(scope), "language_code": language}

    async def events(
        self, after: int, wait: float, chat_id: int | None = None
    ) -> list[dict[str, Any]]:
        """Events after `after`, waiting up to `wait` seconds for the first one."""
        state = self.state
        loop = asyncio.get_running_loop()
        deadline = loop.time() + min(max(wait, 0.0), MAX_EVENT_WAIT)
        while True:
            events = state.events_after(after, chat_id)
            remaining = deadline - loop.time()
            if events or remaining <= 0 or state.closing:
                return events
            await state.events_changed.wait(remaining)


# --- HTTP ----------------------------------------------------------------------------

CONTROL_KEY = web.AppKey("sandbox_control", Control)


async def _json_body(request: web.Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        raise _bad("the body must be a JSON object") from None
    if not isinstance(body, dict):
        raise _bad("the body must be a JSON object")
    return body


def _query_int(request: web.Request, key: str, default: int | None = None) -> int | None:
    value = _int(request.query, key)
    return default if value is None else value


def _control(request: web.Request) -> Control:
    return request.app[CONTROL_KEY]


async def post_users(request: web.Request) -> web.Response:
    return web.json_response(_control(request).create_user(await _json_body(request)))


async def get_users(request: web.Request) -> web.Response:
    control = _control(request)
    return web.json_response([control.user_json(u) for u in control.state.users.values()])


async def post_chats(request: web.Request) -> web.Response:
    return web.json_response(_control(request).create_chat(await _json_body(request)))


async def get_chats(request: web.Request) -> web.Response:
    state = _control(request).state
    return web.json_response([c.control_json() for c in state.chats.values()])


def _path_chat_id(request: web.Request) -> int:
    return _req_int(request.match_info, "chat_id")


async def get_chat(request: web.Request) -> web.Response:
    return web.json_response(_control(request).chat(_path_chat_id(request)).control_json())


async def get_messages(request: web.Request) -> web.Response:
    after = _query_int(request, "after_id", 0) or 0
    return web.json_response(_control(request).messages(_path_chat_id(request), after))


async def post_send(request: web.Request) -> web.Response:
    return web.json_response(_control(request).send(await _json_body(request)))


async def post_edit_location(request: web.Request) -> web.Response:
    return web.json_response(_control(request).edit_location(await _json_body(request)))


async def post_upload(request: web.Request) -> web.Response:
    if request.content_type != "multipart/form-data":
        raise _bad("upload takes multipart/form-data")
    try:
        fields = await parse_multipart(request.headers, request.content)
    except ApiError as exc:
        raise ControlError(exc.code, exc.description) from None
    return web.json_response(_control(request).upload(fields))


async def post_press(request: web.Request) -> web.Response:
    return web.json_response(_control(request).press(await _json_body(request)))


async def get_events(request: web.Request) -> web.Response:
    after = _query_int(request, "after", 0) or 0
    timeout = _float(request.query, "timeout") or 0.0
    chat_id = _query_int(request, "chat_id")
    return web.json_response(await _control(request).events(after, timeout, chat_id))


async def get_file(request: web.Request) -> web.Response:
    stored = _control(request).state.files.get(request.match_info["file_id"])
    if stored is None:
        raise ControlError(404, "file not found")
    headers = {}
    if stored.file_name:
        headers["Content-Disposition"] = f'inline; filename="{stored.file_name}"'
    return web.Response(body=stored.data, content_type=stored.mime_type, headers=headers)


async def post_block(request: web.Request) -> web.Response:
    return web.json_response(_control(request).block(await _json_body(request)))


async def get_limits(request: web.Request) -> web.Response:
    return web.json_response(_control(request).state.limits.to_json())


async def post_limits(request: web.Request) -> web.Response:
    return web.json_response(_control(request).set_limits(await _json_body(request)))


async def get_faults(request: web.Request) -> web.Response:
    return web.json_response(_control(request).state.faults.to_json())


async def post_faults(request: web.Request) -> web.Response:
    return web.json_response(_control(request).add_fault(await _json_body(request)))


async def delete_faults(request: web.Request) -> web.Response:
    faults = _control(request).state.faults
    faults.clear(seed=_query_int(request, "seed"))
    return web.json_response(faults.to_json())


async def get_commands(request: web.Request) -> web.Response:
    chat_id = _query_int(request, "chat_id")
    if chat_id is None:
        raise _bad("chat_id is required")
    language = request.query.get("language_code") or None
    user_id = _query_int(request, "user_id")
    return web.json_response(_control(request).commands(chat_id, language, user_id))


async def get_bot_message_counts(request: web.Request) -> web.Response:
    contains = request.query.get("contains", "")
    counts = _control(request).bot_message_counts(contains)
    return web.json_response({str(chat_id): n for chat_id, n in counts.items()})


async def get_traffic(request: web.Request) -> web.Response:
    return web.json_response(_control(request).traffic_json())


_BOT_API_PATH = re.compile(r"^/bot[^/]+/(?P<method>[A-Za-z]+)$")


async def count_bot_api_answer(request: web.Request, response: web.StreamResponse) -> None:
    """Tally every Bot API answer by method and status (a 429 here is one a sender got)."""
    match = _BOT_API_PATH.match(request.path)
    if match is not None:
        _control(request).traffic[(match["method"], response.status)] += 1


async def get_bot(request: web.Request) -> web.Response:
    state = _control(request).state
    return web.json_response(
        {
            **state.bot_user,
            "webhook_url": state.webhook.url,
            "pending_update_count": len(state.updates),
        }
    )


@web.middleware
async def control_errors(request: web.Request, handler: Any) -> web.StreamResponse:
    """Control API errors as `{"error": ...}`; unknown Bot API paths as Telegram's 404."""
    path = request.path
    try:
        response: web.StreamResponse = await handler(request)
    except ControlError as exc:
        return web.json_response({"error": exc.message}, status=exc.status)
    except web.HTTPException as exc:
        if path.startswith("/sandbox/") and exc.status >= 400:
            return web.json_response({"error": exc.reason}, status=exc.status)
        if path.startswith(("/bot", "/file/")) and exc.status == 404:
            body = {"ok": False, "error_code": 404, "description": "Not Found"}
            return web.json_response(body, status=404)
        raise
    return response


def add_routes(app: web.Application, control: Control) -> None:
    app[CONTROL_KEY] = control
    app.router.add_post("/sandbox/users", post_users)
    app.router.add_get("/sandbox/users", get_users)
    app.router.add_post("/sandbox/chats", post_chats)
    app.router.add_get("/sandbox/chats", get_chats)
    app.router.add_get("/sandbox/chats/{chat_id}", get_chat)
    app.router.add_get("/sandbox/chats/{chat_id}/messages", get_messages)
    app.router.add_post("/sandbox/send", post_send)
    app.router.add_post("/sandbox/edit_location", post_edit_location)
    app.router.add_post("/sandbox/upload", post_upload)
    app.router.add_post("/sandbox/press", post_press)
    app.router.add_get("/sandbox/events", get_events)
    app.router.add_get("/sandbox/files/{file_id}", get_file)
    app.router.add_post("/sandbox/block", post_block)
    app.router.add_get("/sandbox/limits", get_limits)
    app.router.add_post("/sandbox/limits", post_limits)
    app.router.add_get("/sandbox/faults", get_faults)
    app.router.add_post("/sandbox/faults", post_faults)
    app.router.add_delete("/sandbox/faults", delete_faults)
    app.router.add_get("/sandbox/commands", get_commands)
    app.router.add_get("/sandbox/bot", get_bot)
    app.router.add_get("/sandbox/bot_message_counts", get_bot_message_counts)
    app.router.add_get("/sandbox/traffic", get_traffic)
    app.on_response_prepare.append(count_bot_api_answer)
