"""The Bot API methods: each request is validated against the specification, checked
against Telegram's limits, and then applied to the sandbox state."""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

from sandbox.bodies import Upload
from sandbox.errors import ApiError, bad_request, conflict, forbidden
from sandbox.formatting import FormattedText, format_text
from sandbox.limits import (
    MAX_CALLBACK_ANSWER_LENGTH,
    MAX_CALLBACK_DATA_BYTES,
    MAX_CAPTION_LENGTH,
    MAX_COMMANDS,
    MAX_DOWNLOAD_BYTES,
    MAX_TEXT_LENGTH,
    MAX_UPLOAD_BYTES,
)
from sandbox.media import guess_mime, image_mime, ogg_duration
from sandbox.spec import ATTACH_PREFIX, method_not_found
from sandbox.state import ChatRecord, SandboxState, StoredFile, StoredMessage

log = logging.getLogger(__name__)

Handler = Callable[[dict[str, Any]], Awaitable[Any]]

CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
_INLINE_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_COMMAND = re.compile(r"[a-z0-9_]{1,32}")
_LANGUAGE = re.compile(r"[a-z]{2}")
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")
_URL_BUTTON = re.compile(r"(https?|tg)://\S+", re.IGNORECASE)
_MAX_POLL_TIMEOUT = 50
_DELETE_WINDOW = 48 * 3600
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def is_loopback_url(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    if parts.hostname == "localhost":
        return True
    try:
        return ipaddress.ip_address(parts.hostname).is_loopback
    except ValueError:
        return False


_EDITABLE_MEDIA = ("photo", "document", "audio", "video", "animation")
ATTACHED = "__attached__"  # where call() hands editMessageMedia its attached files


class BotApi:
    """Bot API methods over a `SandboxState`."""

    def __init__(self, state: SandboxState) -> None:
        self.state = state

    # --- dispatch --------------------------------------------------------------------

    async def call(self, method_name: str, params: dict[str, Any]) -> Any:
        """The result of a method, or ApiError shaped like Telegram's."""
        method = self.state.spec.method(method_name)
        if method is None:
            raise method_not_found()
        values = self.state.spec.validate(method, params)
        # files referenced as attach://name inside an object (InputMedia), for the handler
        attached = {n: v for n, v in params.items() if isinstance(v, Upload)}
        if attached and method.name == "editMessageMedia":
            values[ATTACHED] = attached
        self.state.faults.check(method.name)
        handler: Handler | None = getattr(self, f"api_{_snake(method.name)}", None)
        if handler is None:
            raise ApiError(501, f"Not Implemented: the sandbox does not implement {method.name}")
        return await handler(values)

    # --- shared checks ---------------------------------------------------------------

    def _chat(self, chat_id: int | str) -> ChatRecord:
        chat = self.state.chat(chat_id)
        if chat is None:
            raise bad_request("chat not found")
        return chat

    def _reachable(self, chat: ChatRecord) -> None:
        if chat.is_private and chat.id in self.state.blocked:
            raise forbidden("bot was blocked by the user")

    def _count(self, chat: ChatRecord) -> None:
        self.state.rate.acquire(chat.id, is_group=not chat.is_private)

    @staticmethod
    def _text(p: dict[str, Any], key: str, mode_key: str, entities_key: str) -> FormattedText:
        return format_text(p.get(key) or "", p.get(mode_key), p.get(entities_key))

    def _message_text(self, p: dict[str, Any]) -> FormattedText:
        text = self._text(p, "text", "parse_mode", "entities")
        if not text.text:
            raise bad_request("message text is empty")
        if len(text.text) > MAX_TEXT_LENGTH:
            raise bad_request("message is too long")
        return text

    def _caption(self, p: dict[str, Any]) -> dict[str, Any]:
        if not p.get("caption"):
            return {}
        caption = self._text(p, "caption", "parse_mode", "caption_entities")
        if len(caption.text) > MAX_CAPTION_LENGTH:
            raise bad_request("message caption is too long")
        result: dict[str, Any] = {}
        if caption.text:
            result["caption"] = caption.text
        if caption.entities:
            result["caption_entities"] = caption.entities
        return result

    @staticmethod
    def _markup(markup: dict[str, Any] | None) -> dict[str, Any] | None:
        if markup is None:
            return None
        for row in markup.get("inline_keyboard", []):
            for button in row:
                if not any(button.get(action) is not None for action in _INLINE_ACTIONS):
                    raise bad_request(
                        "can't parse inline keyboard button: Text buttons are unallowed in "
                        "the inline keyboard"
                    )
                data = button.get("callback_data")
                if data is not None and not 1 <= len(data.encode("utf-8")) <= (
                    MAX_CALLBACK_DATA_BYTES
                ):
                    raise bad_request("BUTTON_DATA_INVALID")
                url = button.get("url")
                if url is not None and not _URL_BUTTON.fullmatch(url):
                    raise bad_request(
                        f"inline keyboard button URL '{url}' is invalid: Wrong HTTP URL"
                    )
        for row in markup.get("keyboard", []):
            for button in row:
                if not button.get("text"):
                    raise bad_request("keyboard button text must be non-empty")
        return markup

    def _reply_target(self, chat: ChatRecord, p: dict[str, Any]) -> StoredMessage | None:
        parameters = p.get("reply_parameters") or {}
        message_id = parameters.get("message_id", p.get("reply_to_message_id"))
        if message_id is None:
            return None
        allow = parameters.get(
            "allow_sending_without_reply", p.get("allow_sending_without_reply", False)
        )
        target_chat = chat
        if parameters.get("chat_id") is not None:
            target_chat = self._chat(parameters["chat_id"])
        target = target_chat.messages.get(message_id)
        if target is None or target.deleted:
            if allow:
                return None
            raise bad_request("message to be replied not found")
        return target

    def _send(self, p: dict[str, Any], content: dict[str, Any]) -> dict[str, Any]:
        """Everything sendXxx methods share once their content is ready."""
        markup = self._markup(p.get("reply_markup"))
        chat = self._chat(p["chat_id"])
        self._reachable(chat)
        reply_to = self._reply_target(chat, p)
        self._count(chat)
        stored = self.state.add_message(
            chat,
            content,
            sender=self.state.bot_user,
            from_bot=True,
            reply_markup=markup,
            reply_to=reply_to,
        )
        if markup is not None and "keyboard" in markup:
            chat.reply_keyboard = markup
        elif markup is not None and markup.get("remove_keyboard"):
            chat.reply_keyboard = None
        self.state.emit("bot_message", chat.id, message=stored.control_json())
        return stored.api_json()

    def _stored_file(self, value: Upload | str, kind: str, p: dict[str, Any]) -> StoredFile:
        state = self.state
        if isinstance(value, Upload):
            if value.size > MAX_UPLOAD_BYTES:
                raise ApiError(413, "Request Entity Too Large")
            if value.size == 0:
                raise bad_request("file must be non-empty")
            if kind == "photo":
                return state.store_photo(
                    value.data, mime_type=image_mime(value.data), file_name=value.filename
                )
            if kind == "voice":
                mime = "audio/ogg"
            else:
                mime = guess_mime(value.filename, value.content_type)
            duration = p.get("duration")
            if duration is None and kind in ("voice", "audio"):
                duration = ogg_duration(value.data)
            return state.store_file(
                value.data, kind, mime_type=mime, file_name=value.filename, duration=duration
            )
        existing = state.files.get(value)
        if existing is not None:
            if existing.kind != kind:
                raise bad_request(
                    f"can't use file of type {existing.kind.title()} as {kind.title()}"
                )
            return existing
        if value.startswith(("http://", "https://")):
            raise bad_request("failed to get HTTP URL content (the sandbox has no internet)")
        raise bad_request("wrong file identifier/HTTP URL specified")

    def _send_media(self, p: dict[str, Any], kind: str, **extra: Any) -> dict[str, Any]:
        caption = self._caption(p)
        markup = self._markup(p.get("reply_markup"))
        self._chat(p["chat_id"])
        stored = self._stored_file(p[kind], kind, p)
        content: dict[str, Any] = {kind: self.state.media_json(stored, **extra), **caption}
        if p.get("has_spoiler"):
            content["has_media_spoiler"] = True
        p = {**p, "reply_markup": markup}
        return self._send(p, content)

    def _editable(self, p: dict[str, Any]) -> tuple[ChatRecord, StoredMessage]:
        if p.get("inline_message_id") is not None:
            raise bad_request("MESSAGE_ID_INVALID")
        if p.get("chat_id") is None or p.get("message_id") is None:
            raise bad_request("message identifier is not specified")
        chat = self._chat(p["chat_id"])
        stored = chat.messages.get(p["message_id"])
        if stored is None or stored.deleted:
            raise bad_request("message to edit not found")
        if not stored.from_bot:
            raise bad_request("message can't be edited")
        return chat, stored

    def _apply_edit(
        self,
        chat: ChatRecord,
        stored: StoredMessage,
        changes: dict[str, Any],
        markup: dict[str, Any] | None,
    ) -> dict[str, Any]:
        message = stored.message
        same_content = all(
            (message.get(key) or None) == (value or None) for key, value in changes.items()
        )
        if same_content and message.get("reply_markup") == markup:
            raise bad_request(NOT_MODIFIED)
        self._reachable(chat)
        self._count(chat)
        for key, value in changes.items():
            if value:
                message[key] = value
            else:
                message.pop(key, None)
        if markup is None:
            message.pop("reply_markup", None)
        else:
            message["reply_markup"] = markup
        stored.reply_markup = markup
        message["edit_date"] = self.state.unix_now()
        stored.edited = True
        self.state.emit("bot_edited", chat.id, message=stored.control_json())
        return stored.api_json()

    # --- getting updates -------------------------------------------------------------

    async def api_get_updates(self, p: dict[str, Any]) -> list[dict[str, Any]]:
        state = self.state
        if state.webhook.url:
            raise conflict(
                "can't use getUpdates method while webhook is active; use deleteWebhook to "
                "delete the webhook first"
            )
        if "allowed_updates" in p:
            state.allowed_updates = list(p["allowed_updates"])
        limit = min(max(p.get("limit", 100), 1), 100)
        timeout = min(max(p.get("timeout", 0), 0), _MAX_POLL_TIMEOUT)
        state.poll_generation += 1
        generation = state.poll_generation
        state.updates_changed.notify()  # an older long poll ends with 409
        state.confirm_updates(p.get("offset", 0))
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            if state.poll_generation != generation:
                raise conflict(
                    "terminated by other getUpdates request; make sure that only one bot "
                    "instance is running"
                )
            if state.webhook.url:
                raise conflict("terminated by setWebhook request")
            if state.updates or state.closing:
                return [dict(u) for u in state.updates[:limit]]
            remaining = deadline - loop.time()
            if remaining <= 0:
                return []
            await state.updates_changed.wait(remaining)

    async def api_set_webhook(self, p: dict[str, Any]) -> bool:
        state = self.state
        url: str = p["url"]
        if not url:
            return await self.api_delete_webhook(p)
        if not is_loopback_url(url):
            raise bad_request(
                "bad webhook: the sandbox only delivers to http(s) URLs on a loopback address"
            )
        secret = p.get("secret_token")
        if secret is not None and not _SECRET.fullmatch(secret):
            raise bad_request("secret token contains unallowed characters")
        if p.get("drop_pending_updates"):
            state.drop_updates()
        if "allowed_updates" in p:
            state.allowed_updates = list(p["allowed_updates"])
        webhook = state.webhook
        if webhook.url != url:
            webhook.last_error_date = None
            webhook.last_error_message = None
        webhook.url = url
        webhook.secret_token = secret
        webhook.max_connections = p.get("max_connections", 40)
        webhook.ip_address = p.get("ip_address")
        webhook.has_custom_certificate = p.get("certificate") is not None
        state.updates_changed.notify()
        return True

    async def api_delete_webhook(self, p: dict[str, Any]) -> bool:
        state = self.state
        state.webhook.url = ""
        state.webhook.secret_token = None
        state.webhook.has_custom_certificate = False
        if p.get("drop_pending_updates"):
            state.drop_updates()
        state.updates_changed.notify()
        return True

    async def api_get_webhook_info(self, p: dict[str, Any]) -> dict[str, Any]:
        state = self.state
        webhook = state.webhook
        info: dict[str, Any] = {
            "url": webhook.url,
            "has_custom_certificate": webhook.has_custom_certificate,
            "pending_update_count": len(state.updates),
        }
        if webhook.url:
            info["max_connections"] = webhook.max_connections
            if webhook.ip_address:
                info["ip_address"] = webhook.ip_address
        if webhook.last_error_date is not None:
            info["last_error_date"] = webhook.last_error_date
            info["last_error_message"] = webhook.last_error_message or ""
        if state.allowed_updates:
            info["allowed_updates"] = list(state.allowed_updates)
        return info

    # --- the bot itself --------------------------------------------------------------

    async def api_get_me(self, p: dict[str, Any]) -> dict[str, Any]:
        return {
            **self.state.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def api_log_out(self, p: dict[str, Any]) -> bool:
        return True

    async def api_close(self, p: dict[str, Any]) -> bool:
        return True

    async def _set_profile(self, key: str, p: dict[str, Any]) -> bool:
        self.state.profile[(key, p.get("language_code", ""))] = p.get(key) or ""
        return True

    def _get_profile(self, key: str, p: dict[str, Any]) -> dict[str, str]:
        profile = self.state.profile
        language = p.get("language_code", "")
        return {key: profile.get((key, language), profile.get((key, ""), ""))}

    async def api_set_my_name(self, p: dict[str, Any]) -> bool:
        return await self._set_profile("name", p)

    async def api_get_my_name(self, p: dict[str, Any]) -> dict[str, str]:
        return self._get_profile("name", p)

    async def api_set_my_description(self, p: dict[str, Any]) -> bool:
        return await self._set_profile("description", p)

    async def api_get_my_description(self, p: dict[str, Any]) -> dict[str, str]:
        return self._get_profile("description", p)

    async def api_set_my_short_description(self, p: dict[str, Any]) -> bool:
        return await self._set_profile("short_description", p)

    async def api_get_my_short_description(self, p: dict[str, Any]) -> dict[str, str]:
        return self._get_profile("short_description", p)

    # --- command menus ---------------------------------------------------------------

    def _command_key(self, p: dict[str, Any]) -> tuple[tuple[Any, ...], str]:
        scope = p.get("scope")
        if scope and "chat_id" in scope:
            chat = self._chat(scope["chat_id"])
            scope = {**scope, "chat_id": chat.id}
            if "user_id" in scope and scope["user_id"] not in chat.member_ids:
                raise bad_request("user not found")
        language = p.get("language_code", "")
        if language and not _LANGUAGE.fullmatch(language):
            raise bad_request("invalid language code specified")
        return self.state.scope_key(scope), language

    async def api_set_my_commands(self, p: dict[str, Any]) -> bool:
        commands: list[dict[str, Any]] = p["commands"]
        if len(commands) > MAX_COMMANDS:
            raise bad_request("too many commands specified")
        for command in commands:
            if not _COMMAND.fullmatch(command["command"]):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(command["description"]) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        key = self._command_key(p)
        if commands:
            self.state.commands[key] = [
                {"command": c["command"], "description": c["description"]} for c in commands
            ]
        else:
            self.state.commands.pop(key, None)
        self._emit_commands(p, key)
        return True

    async def api_get_my_commands(self, p: dict[str, Any]) -> list[dict[str, Any]]:
        return [dict(c) for c in self.state.commands.get(self._command_key(p), [])]

    async def api_delete_my_commands(self, p: dict[str, Any]) -> bool:
        key = self._command_key(p)
        self.state.commands.pop(key, None)
        self._emit_commands(p, key)
        return True

    def _emit_commands(self, p: dict[str, Any], key: tuple[tuple[Any, ...], str]) -> None:
        scope, language = key
        chat_id = scope[1] if len(scope) > 1 else None
        self.state.emit(
            "commands",
            chat_id,
            scope=p.get("scope") or {"type": "default"},
            language_code=language,
            commands=self.state.commands.get(key, []),
        )

    # --- chats -----------------------------------------------------------------------

    async def api_get_chat(self, p: dict[str, Any]) -> dict[str, Any]:
        chat = self._chat(p["chat_id"])
        return {
            **chat.chat_json(),
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": True,
                "limited_gifts": True,
                "unique_gifts": True,
                "premium_subscription": True,
                "gifts_from_channels": True,
            },
        }

    async def api_send_chat_action(self, p: dict[str, Any]) -> bool:
        if p["action"] not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        chat = self._chat(p["chat_id"])
        self._reachable(chat)
        self.state.emit("chat_action", chat.id, action=p["action"])
        return True

    # --- sending ---------------------------------------------------------------------

    async def api_send_message(self, p: dict[str, Any]) -> dict[str, Any]:
        text = self._message_text(p)
        content: dict[str, Any] = {"text": text.text}
        if text.entities:
            content["entities"] = text.entities
        return self._send(p, content)

    async def api_send_photo(self, p: dict[str, Any]) -> dict[str, Any]:
        return self._send_media(p, "photo")

    async def api_send_document(self, p: dict[str, Any]) -> dict[str, Any]:
        return self._send_media(p, "document")

    async def api_send_voice(self, p: dict[str, Any]) -> dict[str, Any]:
        return self._send_media(p, "voice")

    async def api_send_audio(self, p: dict[str, Any]) -> dict[str, Any]:
        return self._send_media(p, "audio", performer=p.get("performer"), title=p.get("title"))

    async def api_send_video(self, p: dict[str, Any]) -> dict[str, Any]:
        return self._send_media(p, "video", width=p.get("width"), height=p.get("height"))

    async def api_send_location(self, p: dict[str, Any]) -> dict[str, Any]:
        latitude, longitude = p["latitude"], p["longitude"]
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise bad_request("wrong coordinates")
        location: dict[str, Any] = {"latitude": latitude, "longitude": longitude}
        for key in ("horizontal_accuracy", "live_period", "heading", "proximity_alert_radius"):
            if p.get(key) is not None:
                location[key] = p[key]
        return self._send(p, {"location": location})

    async def api_send_contact(self, p: dict[str, Any]) -> dict[str, Any]:
        contact = {
            key: p[key]
            for key in ("phone_number", "first_name", "last_name", "vcard")
            if p.get(key) is not None
        }
        return self._send(p, {"contact": contact})

    # --- editing and deleting --------------------------------------------------------

    async def api_edit_message_text(self, p: dict[str, Any]) -> dict[str, Any]:
        if p.get("text") is None:
            if p.get("rich_message") is not None:
                raise ApiError(501, "Not Implemented: the sandbox does not implement rich_message")
            raise bad_request("message text is empty")
        text = self._message_text(p)
        markup = self._markup(p.get("reply_markup"))
        chat, stored = self._editable(p)
        if "text" not in stored.message:
            raise bad_request("there is no text in the message to edit")
        changes = {"text": text.text, "entities": text.entities}
        return self._apply_edit(chat, stored, changes, markup)

    async def api_edit_message_caption(self, p: dict[str, Any]) -> dict[str, Any]:
        caption = self._caption(p)
        markup = self._markup(p.get("reply_markup"))
        chat, stored = self._editable(p)
        if not any(
            kind in stored.message
            for kind in ("photo", "document", "voice", "audio", "video", "animation")
        ):
            raise bad_request("there is no caption in the message to edit")
        changes = {
            "caption": caption.get("caption"),
            "caption_entities": caption.get("caption_entities"),
        }
        return self._apply_edit(chat, stored, changes, markup)

    async def api_edit_message_media(self, p: dict[str, Any]) -> dict[str, Any]:
        """A message's photo, document, audio, video or animation replaced (a voice note can
        be neither the new media nor the one replaced), with the new media's caption."""
        media: dict[str, Any] = p["media"]
        kind = media["type"]
        if kind not in _EDITABLE_MEDIA:
            raise bad_request(f"can't edit a message to {kind}")
        markup = self._markup(p.get("reply_markup"))
        chat, stored = self._editable(p)
        if not any(k in stored.message for k in _EDITABLE_MEDIA):
            raise bad_request("there is no media in the message to edit")
        source: Upload | str = media["media"]
        if isinstance(source, str) and source.startswith(ATTACH_PREFIX):
            upload = p.get(ATTACHED, {}).get(source.removeprefix(ATTACH_PREFIX))
            if upload is None:
                raise bad_request("wrong file identifier/HTTP URL specified")
            source = upload
        new_file = self._stored_file(source, kind, media)
        caption = self._caption(media)
        changes: dict[str, Any] = dict.fromkeys(_EDITABLE_MEDIA)
        changes |= {
            kind: self.state.media_json(new_file),
            "caption": caption.get("caption"),
            "caption_entities": caption.get("caption_entities"),
        }
        return self._apply_edit(chat, stored, changes, markup)

    async def api_edit_message_reply_markup(self, p: dict[str, Any]) -> dict[str, Any]:
        markup = self._markup(p.get("reply_markup"))
        chat, stored = self._editable(p)
        return self._apply_edit(chat, stored, {}, markup)

    async def api_delete_message(self, p: dict[str, Any]) -> bool:
        chat = self._chat(p["chat_id"])
        stored = chat.messages.get(p["message_id"])
        if stored is None or stored.deleted:
            raise bad_request("message to delete not found")
        if self.state.now() - stored.message["date"] > _DELETE_WINDOW and chat.is_private:
            raise bad_request("message can't be deleted for everyone")
        stored.deleted = True
        self.state.emit(
            "bot_deleted", chat.id, message_id=stored.message_id, message=stored.control_json()
        )
        return True

    async def api_delete_messages(self, p: dict[str, Any]) -> bool:
        chat = self._chat(p["chat_id"])
        for message_id in p["message_ids"]:
            stored = chat.messages.get(message_id)
            if stored is not None and not stored.deleted:
                stored.deleted = True
                self.state.emit(
                    "bot_deleted", chat.id, message_id=message_id, message=stored.control_json()
                )
        return True

    # --- callback queries and files --------------------------------------------------

    async def api_answer_callback_query(self, p: dict[str, Any]) -> bool:
        state = self.state
        record = state.callbacks.get(p["callback_query_id"])
        if (
            record is None
            or record.answered
            or state.now() - record.created > state.limits.callback_query_ttl
        ):
            raise bad_request(QUERY_TOO_OLD)
        text = p.get("text") or ""
        if len(text) > MAX_CALLBACK_ANSWER_LENGTH:
            raise bad_request("MESSAGE_TOO_LONG")
        record.answered = True
        state.emit(
            "callback_answer",
            record.chat_id,
            callback_query_id=record.id,
            user_id=record.user_id,
            message_id=record.message_id,
            data=record.data,
            text=p.get("text"),
            show_alert=bool(p.get("show_alert", False)),
            url=p.get("url"),
        )
        return True

    async def api_get_file(self, p: dict[str, Any]) -> dict[str, Any]:
        stored = self.state.files.get(p["file_id"])
        if stored is None:
            raise bad_request("invalid file_id")
        if stored.size > MAX_DOWNLOAD_BYTES:
            raise bad_request("file is too big")
        return stored.file_json()
