"""A Bot API session that records every request and answers like Telegram would,
so updates can go through the real Dispatcher without any network."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import UTC, datetime
from itertools import count
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError
from aiogram.methods import (
    AnswerCallbackQuery,
    DeleteMessage,
    EditMessageMedia,
    EditMessageReplyMarkup,
    EditMessageText,
    GetFile,
    GetMe,
    SendDocument,
    SendMessage,
    SendPhoto,
    SendVoice,
    SetMyCommands,
    TelegramMethod,
)
from aiogram.types import (
    Audio,
    CallbackQuery,
    Chat,
    Contact,
    Document,
    File,
    InlineKeyboardMarkup,
    Location,
    Message,
    MessageOriginHiddenUser,
    PhotoSize,
    Sticker,
    Update,
    User,
    Venue,
    VideoNote,
    Voice,
)

BOT_ID = 42


def plain_sticker() -> Sticker:
    """A sticker: content no step of the bot asks for."""
    return Sticker(
        file_id="s",
        file_unique_id="s",
        type="regular",
        width=1,
        height=1,
        is_animated=False,
        is_video=False,
    )


BOT_USER = User(id=BOT_ID, is_bot=True, first_name="Zhibu", username="zhibu_test_bot")
TOKEN = f"{BOT_ID}:TEST-token-not-real"
QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"


class RecordingSession(BaseSession):
    def __init__(self) -> None:
        super().__init__()
        self.requests: list[TelegramMethod[Any]] = []
        self.files: dict[str, bytes] = {}
        self.blocked: set[int] = set()
        self.queries_expired = False
        """Answer every answerCallbackQuery as Telegram does a press answered too late."""
        self._ids = count(5000)

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[Any],
        timeout: int | None = None,  # noqa: ASYNC109
    ) -> Any:
        self.requests.append(method)
        chat_id = getattr(method, "chat_id", None)
        if chat_id in self.blocked:
            raise TelegramForbiddenError(method, "Forbidden: bot was blocked by the user")
        if isinstance(method, GetMe):
            return BOT_USER
        if isinstance(method, (SendMessage, SendDocument, SendVoice, SendPhoto)):
            document = voice = photo = None
            if isinstance(method, SendDocument):
                document = Document(file_id="sent-doc", file_unique_id="sent-doc")
            if isinstance(method, SendVoice):
                voice = Voice(file_id=str(method.voice), file_unique_id="sent-voice", duration=1)
            if isinstance(method, SendPhoto):  # an uploaded photo gets an id, a file id stays
                file_id = method.photo if isinstance(method.photo, str) else "sent-photo"
                photo = [PhotoSize(file_id=file_id, file_unique_id=file_id, width=1, height=1)]
            return Message(
                message_id=next(self._ids),
                date=datetime.now(UTC),
                chat=Chat(id=int(method.chat_id), type="private"),
                from_user=BOT_USER,
                text=getattr(method, "text", None),
                document=document,
                voice=voice,
                photo=photo,
                caption=getattr(method, "caption", None),
                reply_markup=method.reply_markup
                if isinstance(method.reply_markup, InlineKeyboardMarkup)
                else None,
            )
        if isinstance(method, (EditMessageText, EditMessageReplyMarkup, EditMessageMedia)):
            return True
        if isinstance(method, AnswerCallbackQuery) and self.queries_expired:
            raise TelegramBadRequest(method, QUERY_TOO_OLD)
        if isinstance(method, (AnswerCallbackQuery, SetMyCommands, DeleteMessage)):
            return True
        if isinstance(method, GetFile):
            content = self.files[method.file_id]
            return File(
                file_id=method.file_id,
                file_unique_id=method.file_id,
                file_size=len(content),
                file_path=method.file_id,
            )
        raise AssertionError(f"the fake session does not know {type(method).__name__}")

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        yield self.files[url.rsplit("/", 1)[-1]]

    async def close(self) -> None:
        return None

    # What the bot said, for assertions.
    def sent(self, chat_id: int | None = None) -> list[SendMessage]:
        return [
            r
            for r in self.requests
            if isinstance(r, SendMessage) and (chat_id is None or r.chat_id == chat_id)
        ]

    def texts(self, chat_id: int | None = None) -> list[str | None]:
        texts: list[str | None] = [m.text for m in self.sent(chat_id)]
        texts += [
            r.text
            for r in self.requests
            if isinstance(r, EditMessageText) and (chat_id is None or r.chat_id == chat_id)
        ]
        return texts

    def of_type(self, kind: type[TelegramMethod[Any]]) -> list[Any]:
        return [r for r in self.requests if isinstance(r, kind)]

    def clear(self) -> None:
        self.requests.clear()


class Chatter:
    """Builds updates as one Telegram user would send them."""

    _update_ids = count(1)
    _message_ids = count(1)

    def __init__(self, user_id: int, first_name: str, language_code: str | None = "zh") -> None:
        self.user = User(
            id=user_id, is_bot=False, first_name=first_name, language_code=language_code
        )
        self.chat = Chat(id=user_id, type="private")

    def _message(self, **fields: Any) -> Message:
        return Message(
            message_id=next(self._message_ids),
            date=datetime.now(UTC),
            chat=self.chat,
            from_user=self.user,
            **fields,
        )

    def text(self, text: str) -> Update:
        return Update(update_id=next(self._update_ids), message=self._message(text=text))

    def contact(self, phone: str, user_id: int | None = None) -> Update:
        contact = Contact(
            phone_number=phone,
            first_name=self.user.first_name,
            user_id=self.user.id if user_id is None else user_id,
        )
        return Update(update_id=next(self._update_ids), message=self._message(contact=contact))

    def document(self, file_id: str, file_name: str, size: int) -> Update:
        document = Document(
            file_id=file_id, file_unique_id=file_id, file_name=file_name, file_size=size
        )
        return Update(update_id=next(self._update_ids), message=self._message(document=document))

    def photo_less_sticker(self) -> Update:
        return Update(
            update_id=next(self._update_ids), message=self._message(sticker=plain_sticker())
        )

    def press(self, data: str, message_id: int = 1) -> Update:
        message = Message(
            message_id=message_id,
            date=datetime.now(UTC),
            chat=self.chat,
            from_user=BOT_USER,
            text="…",
        )
        query = CallbackQuery(
            id=str(next(self._update_ids)),
            from_user=self.user,
            chat_instance="ci",
            message=message,
            data=data,
        )
        return Update(update_id=next(self._update_ids), callback_query=query)


def buttons(method: SendMessage | EditMessageText) -> list[tuple[str, str]]:
    """(text, callback_data) of every inline button in a sent message."""
    markup = method.reply_markup
    if not isinstance(markup, InlineKeyboardMarkup):
        return []
    return [(b.text, b.callback_data or "") for row in markup.inline_keyboard for b in row]


# --- sign-in: locations, voice notes and other media, with their own date -----------------


class FieldChatter(Chatter):
    """A member out in the pasture: messages carry the moment they were sent (`date`),
    which may be long before they reach the bot, and may be forwarded."""

    def _dated(self, date: datetime | None, forwarded: bool, **fields: Any) -> Update:
        sent = date or datetime.now(UTC)
        if forwarded:
            fields["forward_origin"] = MessageOriginHiddenUser(
                date=sent, sender_user_name="Someone"
            )
        message = Message(
            message_id=next(self._message_ids),
            date=sent,
            chat=self.chat,
            from_user=self.user,
            **fields,
        )
        return Update(update_id=next(self._update_ids), message=message)

    def text_at(self, text: str, date: datetime) -> Update:
        return self._dated(date, False, text=text)

    def location(
        self,
        latitude: float,
        longitude: float,
        *,
        date: datetime | None = None,
        forwarded: bool = False,
        venue: str | None = None,
    ) -> Update:
        point = Location(latitude=latitude, longitude=longitude)
        fields: dict[str, Any] = {"location": point}
        if venue is not None:
            fields["venue"] = Venue(location=point, title=venue, address=venue)
        return self._dated(date, forwarded, **fields)

    def voice(
        self,
        file_id: str,
        duration: int,
        size: int,
        *,
        date: datetime | None = None,
        forwarded: bool = False,
        mime_type: str | None = "audio/ogg",
    ) -> Update:
        note = Voice(
            file_id=file_id,
            file_unique_id=file_id,
            duration=duration,
            mime_type=mime_type,
            file_size=size,
        )
        return self._dated(date, forwarded, voice=note)

    def audio(
        self,
        file_id: str,
        duration: int,
        size: int,
        *,
        date: datetime | None = None,
        mime_type: str = "audio/mpeg",
    ) -> Update:
        track = Audio(
            file_id=file_id,
            file_unique_id=file_id,
            duration=duration,
            mime_type=mime_type,
            file_size=size,
        )
        return self._dated(date, False, audio=track)

    def video_note(
        self, file_id: str, duration: int, size: int, *, date: datetime | None = None
    ) -> Update:
        note = VideoNote(
            file_id=file_id, file_unique_id=file_id, length=240, duration=duration, file_size=size
        )
        return self._dated(date, False, video_note=note)
