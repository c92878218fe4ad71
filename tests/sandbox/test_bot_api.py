"""The Bot API side through the real aiogram client (AiohttpSession over HTTP)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    BufferedInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputMediaPhoto,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)

from sandbox import SandboxClient, SandboxServer
from tests.sandbox.conftest import BOT_ID, START
from tests.sandbox.samples import ogg_voice, png

User = dict[str, Any]


def keyboard(*pairs: tuple[str, str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text=t, callback_data=d)] for t, d in pairs]
    )


async def test_get_me_is_the_bot_of_the_token(bot: Bot) -> None:
    me = await bot.get_me()
    assert (me.id, me.is_bot, me.username) == (BOT_ID, True, "zhibu_demo_bot")
    assert me.can_join_groups is True


async def test_send_message_returns_a_real_message_and_is_recorded(
    bot: Bot, sandbox: SandboxClient, alice: User
) -> None:
    sent = await bot.send_message(
        alice["id"], "  你好, Alice  ", reply_markup=keyboard(("OK", "ok"))
    )
    assert sent.message_id == 1
    assert sent.text == "你好, Alice"  # Telegram trims surrounding whitespace
    assert sent.from_user is not None and sent.from_user.id == BOT_ID
    assert sent.chat.id == alice["id"] and sent.chat.type == "private"
    assert sent.chat.username == "alice"
    assert int(sent.date.timestamp()) == int(START)
    assert sent.reply_markup is not None

    [recorded] = await sandbox.bot_messages(alice["id"])
    assert recorded["text"] == "你好, Alice"
    assert recorded["from_bot"] is True
    assert (recorded["edited"], recorded["deleted"]) == (False, False)
    assert sandbox.find_button(recorded, "OK") == "ok"
    assert await sandbox.wait_for_bot_message(alice["id"]) == recorded


async def test_html_parse_mode_becomes_entities_with_utf16_offsets(bot: Bot, alice: User) -> None:
    sent = await bot.send_message(
        alice["id"], "😀 <b>粗体</b> &amp; <a href='https://t.me'>link</a>", parse_mode="HTML"
    )
    assert sent.text == "😀 粗体 & link"
    assert sent.entities is not None
    bold, link = sent.entities
    assert (bold.type, bold.offset, bold.length) == ("bold", 3, 2)  # 😀 is two UTF-16 units
    assert (link.type, link.offset, link.url) == ("text_link", 8, "https://t.me")

    with pytest.raises(TelegramBadRequest, match="can't parse entities"):
        await bot.send_message(alice["id"], "<b>unclosed", parse_mode="HTML")
    with pytest.raises(TelegramBadRequest, match="reserved"):
        await bot.send_message(alice["id"], "1. item", parse_mode="MarkdownV2")


async def test_edit_text_and_markup_and_the_not_modified_rule(
    bot: Bot, sandbox: SandboxClient, alice: User
) -> None:
    sent = await bot.send_message(alice["id"], "Pick one", reply_markup=keyboard(("A", "a")))
    edited = await bot.edit_message_text(
        "Picked A", chat_id=alice["id"], message_id=sent.message_id
    )
    assert not isinstance(edited, bool)
    assert edited.text == "Picked A"
    assert edited.edit_date is not None
    assert edited.reply_markup is None  # an edit without reply_markup drops the keyboard

    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text("Picked A", chat_id=alice["id"], message_id=sent.message_id)
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("x", chat_id=alice["id"], message_id=999)

    await bot.edit_message_reply_markup(
        chat_id=alice["id"], message_id=sent.message_id, reply_markup=keyboard(("B", "b"))
    )
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_reply_markup(
            chat_id=alice["id"], message_id=sent.message_id, reply_markup=keyboard(("B", "b"))
        )

    first = await sandbox.wait_for_bot_message(alice["id"])
    text_edit = await sandbox.wait_for_bot_message(alice["id"])
    markup_edit = await sandbox.wait_for_bot_message(alice["id"])
    assert first["text"] == "Pick one"
    assert text_edit["edited"] is True and text_edit["text"] == "Picked A"
    assert sandbox.find_button(markup_edit, "B") == "b"
    [stored] = await sandbox.messages(alice["id"])
    assert stored["edited"] is True and stored["text"] == "Picked A"


async def test_users_messages_cannot_be_edited_by_the_bot(
    bot: Bot, sandbox: SandboxClient, alice: User
) -> None:
    mine = await sandbox.send_text(alice["id"], "hello")
    with pytest.raises(TelegramBadRequest, match="message can't be edited"):
        await bot.edit_message_text("hacked", chat_id=alice["id"], message_id=mine["message_id"])


async def test_delete_keeps_the_message_flagged(
    bot: Bot, sandbox: SandboxClient, alice: User
) -> None:
    sent = await bot.send_message(alice["id"], "temporary")
    assert await bot.delete_message(alice["id"], sent.message_id) is True
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await bot.delete_message(alice["id"], sent.message_id)
    [stored] = await sandbox.messages(alice["id"])
    assert stored["deleted"] is True and stored["text"] == "temporary"
    events = await sandbox.events()
    assert [e["type"] for e in events] == ["bot_message", "bot_deleted"]
    assert events[1]["message_id"] == sent.message_id


async def test_callback_query_round_trip(bot: Bot, sandbox: SandboxClient, alice: User) -> None:
    sent = await bot.send_message(alice["id"], "Vote", reply_markup=keyboard(("Yes", "vote:yes")))
    query_id = await sandbox.press(alice["id"], sent.message_id, "vote:yes")
    [update] = await bot.get_updates()
    query = update.callback_query
    assert query is not None
    assert (query.id, query.data, query.from_user.id) == (query_id, "vote:yes", alice["id"])
    assert query.message is not None and query.message.message_id == sent.message_id

    assert await bot.answer_callback_query(query_id, text="Counted", show_alert=True)
    answer = await sandbox.wait_for_callback_answer(query_id)
    assert (answer["text"], answer["show_alert"], answer["chat_id"]) == (
        "Counted",
        True,
        alice["id"],
    )
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query(query_id)
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query("12345")


async def test_callback_queries_expire(
    bot: Bot, sandbox: SandboxClient, alice: User, fake_time: Any
) -> None:
    sent = await bot.send_message(alice["id"], "Vote", reply_markup=keyboard(("Yes", "y")))
    query_id = await sandbox.press(alice["id"], sent.message_id, "y")
    fake_time.advance(16)
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query(query_id)


async def test_commands_per_scope_and_language(
    bot: Bot, sandbox: SandboxClient, alice: User, bob: User
) -> None:
    default = [BotCommand(command="start", description="Start")]
    private_zh = [BotCommand(command="help", description="帮助")]
    alice_only = [BotCommand(command="admin", description="Admin")]
    assert await bot.set_my_commands(default)
    await bot.set_my_commands(
        private_zh, scope=BotCommandScopeAllPrivateChats(), language_code="zh"
    )
    await bot.set_my_commands(alice_only, scope=BotCommandScopeChat(chat_id=alice["id"]))

    assert [c.command for c in await bot.get_my_commands()] == ["start"]
    assert await bot.get_my_commands(language_code="zh") == []  # exact scope, no fallback
    got = await bot.get_my_commands(scope=BotCommandScopeAllPrivateChats(), language_code="zh")
    assert [(c.command, c.description) for c in got] == [("help", "帮助")]

    assert [c["command"] for c in await sandbox.commands(alice["id"])] == ["admin"]
    assert [c["command"] for c in await sandbox.commands(bob["id"])] == ["help"]  # bob is zh
    assert [c["command"] for c in await sandbox.commands(bob["id"], "en")] == ["start"]

    assert await bot.delete_my_commands(scope=BotCommandScopeChat(chat_id=alice["id"]))
    assert [c["command"] for c in await sandbox.commands(alice["id"])] == ["start"]
    events = [e for e in await sandbox.events() if e["type"] == "commands"]
    assert len(events) == 4
    assert events[2]["chat_id"] == alice["id"]
    assert events[3]["commands"] == []


async def test_document_upload_get_file_and_download(
    bot: Bot, sandbox: SandboxClient, alice: User
) -> None:
    payload = "编号,姓名\n1,Alice\n".encode()
    sent = await bot.send_document(
        alice["id"], BufferedInputFile(payload, filename="roster.csv"), caption="名单"
    )
    document = sent.document
    assert document is not None
    assert (document.file_name, document.mime_type, document.file_size) == (
        "roster.csv",
        "text/csv",
        len(payload),
    )
    assert sent.caption == "名单"

    file = await bot.get_file(document.file_id)
    assert file.file_path is not None and file.file_size == len(payload)
    buffer = await bot.download(document.file_id)
    assert isinstance(buffer, io.BytesIO) and buffer.getvalue() == payload
    assert await sandbox.file(document.file_id) == payload

    again = await bot.send_document(alice["id"], document.file_id)  # by file_id
    assert again.document is not None and again.document.file_id == document.file_id
    with pytest.raises(TelegramBadRequest, match="wrong file identifier"):
        await bot.send_document(alice["id"], "no-such-file")
    with pytest.raises(TelegramBadRequest, match="no internet"):
        await bot.send_document(alice["id"], "https://example.com/a.pdf")


async def test_voice_audio_and_photo(bot: Bot, sandbox: SandboxClient, alice: User) -> None:
    voice = await bot.send_voice(alice["id"], BufferedInputFile(ogg_voice(3), "note.ogg"))
    assert voice.voice is not None
    assert (voice.voice.duration, voice.voice.mime_type) == (3, "audio/ogg")

    audio = await bot.send_audio(
        alice["id"],
        BufferedInputFile(b"ID3" + b"\0" * 64, "song.mp3"),
        duration=200,
        performer="Urtiin duu",
        title="Song",
    )
    assert audio.audio is not None
    assert (audio.audio.duration, audio.audio.mime_type, audio.audio.title) == (
        200,
        "audio/mpeg",
        "Song",
    )

    photo = await bot.send_photo(alice["id"], BufferedInputFile(png(640, 480), "p.png"))
    assert photo.photo is not None
    assert [(p.width, p.height) for p in photo.photo] == [(320, 240), (640, 480)]
    largest = photo.photo[-1]
    assert (await bot.download(largest.file_id) or io.BytesIO()).read() == png(640, 480)
    with pytest.raises(TelegramBadRequest, match="can't use file of type Photo as Document"):
        await bot.send_document(alice["id"], largest.file_id)

    kinds = await sandbox.bot_messages(alice["id"])
    assert [next(k for k in ("voice", "audio", "photo") if k in m) for m in kinds] == [
        "voice",
        "audio",
        "photo",
    ]


async def test_location_chat_action_and_get_chat(
    bot: Bot, sandbox: SandboxClient, alice: User
) -> None:
    sent = await bot.send_location(alice["id"], 40.65, 109.84, live_period=600)
    assert sent.location is not None and sent.location.live_period == 600
    assert await bot.send_chat_action(alice["id"], "typing")
    with pytest.raises(TelegramBadRequest, match="wrong parameter action"):
        await bot.send_chat_action(alice["id"], "dancing")
    event = await sandbox.wait_for_event(lambda e: e["type"] == "chat_action")
    assert (event["chat_id"], event["action"]) == (alice["id"], "typing")

    chat = await bot.get_chat(alice["id"])
    assert (chat.id, chat.type, chat.first_name) == (alice["id"], "private", "Alice")
    group = await sandbox.create_chat("支部群", [alice["id"]])
    info = await bot.get_chat(group["id"])
    assert (info.type, info.title) == ("group", "支部群")
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.get_chat(-1)


async def test_reply_keyboards_are_tracked_per_chat(
    bot: Bot, sandbox: SandboxClient, alice: User
) -> None:
    markup = ReplyKeyboardMarkup(
        keyboard=[[KeyboardButton(text="Share phone", request_contact=True)]],
        resize_keyboard=True,
        one_time_keyboard=True,
    )
    sent = await bot.send_message(alice["id"], "Your phone?", reply_markup=markup)
    assert sent.reply_markup is None  # Message objects only ever carry inline keyboards
    chat = await sandbox.chat(alice["id"])
    assert chat["reply_keyboard"]["keyboard"][0][0]["request_contact"] is True
    [recorded] = await sandbox.bot_messages(alice["id"])
    assert [b["text"] for b in sandbox.buttons(recorded)] == ["Share phone"]

    await bot.send_message(alice["id"], "Thanks", reply_markup=ReplyKeyboardRemove())
    assert (await sandbox.chat(alice["id"]))["reply_keyboard"] is None


async def test_reply_to_a_message(bot: Bot, sandbox: SandboxClient, alice: User) -> None:
    question = await sandbox.send_text(alice["id"], "When is the meeting?")
    answer = await bot.send_message(
        alice["id"], "Friday", reply_to_message_id=question["message_id"]
    )
    assert answer.reply_to_message is not None
    assert answer.reply_to_message.text == "When is the meeting?"
    with pytest.raises(TelegramBadRequest, match="message to be replied not found"):
        await bot.send_message(alice["id"], "?", reply_to_message_id=999)


async def test_close_and_log_out_say_true(bot: Bot) -> None:
    assert await bot.close() is True
    assert await bot.log_out() is True


async def test_server_lifecycle_and_helpers() -> None:
    server = SandboxServer("1:x", "branch_bot", bot_first_name="支部助手")
    with pytest.raises(RuntimeError):
        _ = server.base_url
    base = await server.start()
    assert base.startswith("http://127.0.0.1:") and server.base_url == base
    assert server.api_server().api_url(token="1:x", method="getMe") == f"{base}/bot1:x/getMe"
    bot = Bot(server.token, session=server.aiogram_session())
    async with server.client() as client:
        me = await bot.get_me()
        assert (me.first_name, me.username) == ("支部助手", "branch_bot")
        user = await client.create_user("Nars")
        await bot.send_message(user["id"], "hi")
        assert (await client.wait_for_bot_message(user["id"]))["text"] == "hi"
    await bot.session.close()
    await server.stop()
    await server.stop()  # stopping twice is harmless


async def test_edit_message_media_replaces_a_photo_and_its_caption(
    bot: Bot, sandbox: SandboxClient, alice: User
) -> None:
    sent = await bot.send_photo(
        alice["id"], BufferedInputFile(png(640, 480), "a.png"), caption="A"
    )
    edited = await bot.edit_message_media(
        InputMediaPhoto(media=BufferedInputFile(png(320, 200), "b.png"), caption="B"),
        chat_id=alice["id"],
        message_id=sent.message_id,
    )
    assert not isinstance(edited, bool)
    assert edited.caption == "B" and edited.edit_date is not None
    assert edited.photo is not None and edited.photo[-1].width == 320
    downloaded = await bot.download(edited.photo[-1].file_id)
    assert (downloaded or io.BytesIO()).read() == png(320, 200)

    text = await bot.send_message(alice["id"], "no media here")
    with pytest.raises(TelegramBadRequest, match="no media in the message"):
        await bot.edit_message_media(
            InputMediaPhoto(media=BufferedInputFile(png(10, 10), "c.png")),
            chat_id=alice["id"],
            message_id=text.message_id,
        )
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_media(
            InputMediaPhoto(media=BufferedInputFile(png(10, 10), "c.png")),
            chat_id=alice["id"],
            message_id=999,
        )
    [photo, _] = await sandbox.messages(alice["id"])
    assert photo["edited"] is True and photo["caption"] == "B"
