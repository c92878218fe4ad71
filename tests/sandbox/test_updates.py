"""Updates reach the bot the ways Telegram delivers them: getUpdates long polling (also
through aiogram's Dispatcher) and webhooks; user actions become the right update types."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
from aiogram import Bot, Dispatcher, F, Router
from aiogram.exceptions import TelegramConflictError
from aiogram.filters import Command, CommandStart
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    MessageOriginHiddenUser,
    MessageOriginUser,
)
from aiohttp import web

from sandbox import SandboxClient, SandboxServer
from sandbox.webhook import SECRET_HEADER
from tests.sandbox.conftest import START
from tests.sandbox.samples import ogg_voice, png

User = dict[str, Any]


async def test_long_poll_returns_an_update_sent_while_waiting(
    bot: Bot, sandbox: SandboxClient, alice: User
) -> None:
    loop = asyncio.get_running_loop()
    started = loop.time()
    polling = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.05)
    assert not polling.done()
    await sandbox.send_text(alice["id"], "/start")
    [update] = await polling
    assert loop.time() - started < 2
    assert update.message is not None and update.message.text == "/start"
    entity = (update.message.entities or [])[0]
    assert (entity.type, entity.offset, entity.length) == ("bot_command", 0, 6)

    # the same update again until confirmed, then gone
    assert [u.update_id for u in await bot.get_updates()] == [update.update_id]
    assert await bot.get_updates(offset=update.update_id + 1) == []
    await sandbox.send_text(alice["id"], "second")
    [second] = await bot.get_updates(offset=update.update_id + 1, limit=1)
    assert second.update_id == update.update_id + 1


async def test_short_poll_with_nothing_to_say_returns_empty(bot: Bot) -> None:
    assert await bot.get_updates(timeout=0) == []


async def test_a_newer_get_updates_ends_the_older_with_conflict(
    server: SandboxServer, bot: Bot
) -> None:
    from tests.sandbox.conftest import make_bot

    other = make_bot(server.base_url)
    try:
        first = asyncio.create_task(bot.get_updates(timeout=5))
        await asyncio.sleep(0.05)
        assert await other.get_updates(timeout=0) == []
        with pytest.raises(TelegramConflictError, match="terminated by other getUpdates"):
            await first
    finally:
        await other.session.close()


async def test_allowed_updates_filter_what_is_queued(
    bot: Bot, sandbox: SandboxClient, alice: User
) -> None:
    assert await bot.get_updates(allowed_updates=["callback_query"]) == []
    await sandbox.send_text(alice["id"], "ignored")
    assert await bot.get_updates() == []
    assert await bot.get_updates(allowed_updates=[]) == []  # back to the default set
    await sandbox.send_text(alice["id"], "seen")
    [update] = await bot.get_updates()
    assert update.message is not None and update.message.text == "seen"


async def test_late_date_and_forward_origin_are_preserved(
    bot: Bot, sandbox: SandboxClient, alice: User, bob: User
) -> None:
    late = int(START) - 6 * 3600
    await sandbox.send_text(alice["id"], "sent on the grassland", date=late)
    await sandbox.send_text(alice["id"], "fwd", forward_origin=True)
    await sandbox.send_text(alice["id"], "fwd from bob", forward_origin={"user_id": bob["id"]})
    first, hidden, from_bob = await bot.get_updates()
    assert first.message is not None
    assert first.message.date == datetime.fromtimestamp(late, UTC)
    assert first.message.forward_origin is None
    assert hidden.message is not None
    assert isinstance(hidden.message.forward_origin, MessageOriginHiddenUser)
    assert from_bob.message is not None
    origin = from_bob.message.forward_origin
    assert isinstance(origin, MessageOriginUser) and origin.sender_user.id == bob["id"]


async def test_live_location_edits_become_edited_message_updates(
    bot: Bot, sandbox: SandboxClient, alice: User, fake_time: Any
) -> None:
    shared = await sandbox.send_location(alice["id"], 40.6, 109.8, live_period=900)
    fake_time.advance(60)
    edited = await sandbox.edit_location(alice["id"], shared["message_id"], 40.7, 109.9)
    assert edited["edited"] is True
    first, second = await bot.get_updates()
    assert first.message is not None and first.message.location is not None
    assert first.message.location.live_period == 900
    assert second.edited_message is not None
    location = second.edited_message.location
    assert location is not None and (location.latitude, location.longitude) == (40.7, 109.9)
    assert second.edited_message.message_id == shared["message_id"]
    assert second.edited_message.edit_date == int(START) + 60

    fake_time.advance(900)
    with pytest.raises(Exception, match="expired"):
        await sandbox.edit_location(alice["id"], shared["message_id"], 40.8, 110.0)


async def test_contacts_and_uploads_become_messages_with_media(
    bot: Bot, sandbox: SandboxClient, alice: User
) -> None:
    await sandbox.send_contact(alice["id"], "+8613800000000")
    voice = await sandbox.upload(
        alice["id"], "voice", ogg_voice(4), "voice.ogg", date=int(START) - 3600, forwarded=True
    )
    await sandbox.upload(alice["id"], "photo", png(1280, 960), "p.png", caption="现场照片")
    await sandbox.upload(alice["id"], "document", b"%PDF-1.4", "minutes.pdf")
    await sandbox.upload(alice["id"], "audio", b"ID3....", "song.mp3", duration=90)

    contact, voice_update, photo, document, audio = await bot.get_updates()
    assert contact.message is not None and contact.message.contact is not None
    assert contact.message.contact.user_id == alice["id"]
    assert contact.message.contact.first_name == "Alice"

    message = voice_update.message
    assert message is not None and message.voice is not None
    assert (message.voice.duration, message.voice.mime_type) == (4, "audio/ogg")
    assert message.date == datetime.fromtimestamp(int(START) - 3600, UTC)
    assert message.forward_origin is not None
    downloaded = await bot.download(message.voice.file_id)
    assert downloaded is not None and downloaded.read() == ogg_voice(4)
    assert voice["voice"]["file_id"] == message.voice.file_id

    assert photo.message is not None and photo.message.photo is not None
    assert photo.message.caption == "现场照片"
    assert [(p.width, p.height) for p in photo.message.photo] == [(320, 240), (1280, 960)]
    assert document.message is not None and document.message.document is not None
    assert document.message.document.mime_type == "application/pdf"
    assert audio.message is not None and audio.message.audio is not None
    assert audio.message.audio.duration == 90


async def test_group_commands_mention_the_bot(
    bot: Bot, sandbox: SandboxClient, alice: User, bob: User
) -> None:
    group = await sandbox.create_chat("第一支部", [alice["id"], bob["id"]], type="supergroup")
    await sandbox.send_text(bob["id"], "/help@zhibu_demo_bot please", chat_id=group["id"])
    joined, update = await bot.get_updates()
    assert joined.my_chat_member is not None
    assert joined.my_chat_member.new_chat_member.status == "member"
    message = update.message
    assert message is not None
    assert (message.chat.type, message.chat.title) == ("supergroup", "第一支部")
    entity = (message.entities or [])[0]
    assert (entity.type, entity.length) == ("bot_command", len("/help@zhibu_demo_bot"))


def _router() -> Router:
    router = Router()

    @router.message(CommandStart())
    async def start(message: Message) -> None:
        await message.answer(
            f"Hello, {message.from_user.first_name if message.from_user else '?'}!",
            reply_markup=InlineKeyboardMarkup(
                inline_keyboard=[[InlineKeyboardButton(text="Sign in ✅", callback_data="sign")]]
            ),
        )

    @router.message(Command("voice"))
    async def voice_hint(message: Message) -> None:
        await message.reply("Send a voice message")

    @router.message(F.voice)
    async def voice(message: Message, bot: Bot) -> None:
        assert message.voice is not None
        data = await bot.download(message.voice.file_id)
        size = len(data.read()) if data else 0
        await message.answer(f"Got {message.voice.duration} s ({size} bytes)")

    @router.callback_query(F.data == "sign")
    async def sign(query: CallbackQuery) -> None:
        await query.answer("Signed in")
        if isinstance(query.message, Message):
            await query.message.edit_text("Signed in ✅")

    return router


@pytest.fixture
async def polling(bot: Bot) -> AsyncIterator[Dispatcher]:
    dispatcher = Dispatcher()
    dispatcher.include_router(_router())
    task = asyncio.create_task(
        dispatcher.start_polling(bot, handle_signals=False, polling_timeout=1)
    )
    yield dispatcher
    await dispatcher.stop_polling()
    await asyncio.wait_for(task, 5)


async def test_dispatcher_polling_end_to_end(
    polling: Dispatcher, sandbox: SandboxClient, alice: User
) -> None:
    await sandbox.send_text(alice["id"], "/start")
    greeting = await sandbox.wait_for_bot_message(alice["id"])
    assert greeting["text"] == "Hello, Alice!"

    query_id = await sandbox.press_button(alice["id"], greeting, "Sign in")
    answer = await sandbox.wait_for_callback_answer(query_id)
    assert answer["text"] == "Signed in"
    edited = await sandbox.wait_for_bot_message(alice["id"])
    assert edited["edited"] is True and edited["text"] == "Signed in ✅"

    ask = await sandbox.send_text(alice["id"], "/voice")
    hint = await sandbox.wait_for_bot_message(alice["id"], lambda m: "voice" in m["text"])
    assert hint["reply_to_message"]["message_id"] == ask["message_id"]
    await sandbox.upload(alice["id"], "voice", ogg_voice(2), "v.ogg")
    reply = await sandbox.wait_for_bot_message(alice["id"], lambda m: m["text"].startswith("Got"))
    assert reply["text"] == f"Got 2 s ({len(ogg_voice(2))} bytes)"


async def test_wait_for_bot_message_times_out_with_what_was_sent(
    sandbox: SandboxClient, bot: Bot, alice: User
) -> None:
    await bot.send_message(alice["id"], "something else")
    with pytest.raises(TimeoutError, match="something else"):
        await sandbox.wait_for_bot_message(alice["id"], lambda m: m["text"] == "x", timeout=0.2)


async def test_webhook_delivery_with_secret_token(
    bot: Bot, sandbox: SandboxClient, alice: User
) -> None:
    received: asyncio.Queue[tuple[dict[str, Any], str | None]] = asyncio.Queue()
    fail_first = [True]

    async def hook(request: web.Request) -> web.Response:
        if fail_first[0]:
            fail_first[0] = False
            return web.Response(status=500)
        await received.put((await request.json(), request.headers.get(SECRET_HEADER)))
        return web.json_response({"method": "sendMessage", "chat_id": alice["id"], "text": "ack"})

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        url = f"http://127.0.0.1:{port}/hook"
        assert await bot.set_webhook(url, secret_token="s3cret-token", drop_pending_updates=True)
        await sandbox.send_text(alice["id"], "via webhook")
        update, secret = await asyncio.wait_for(received.get(), 5)
        assert secret == "s3cret-token"
        assert update["message"]["text"] == "via webhook"
        ack = await sandbox.wait_for_bot_message(alice["id"])
        assert ack["text"] == "ack"  # a method in the webhook reply is executed

        info = await bot.get_webhook_info()
        assert info.url == url and info.pending_update_count == 0
        assert info.last_error_message is not None and "500" in info.last_error_message
        assert await bot.delete_webhook()
        await sandbox.send_text(alice["id"], "polling again")
        [polled] = await bot.get_updates()
        assert polled.message is not None and polled.message.text == "polling again"
    finally:
        await runner.cleanup()


async def test_updates_are_json_the_real_api_would_send(
    server: SandboxServer, sandbox: SandboxClient, alice: User
) -> None:
    """Every queued update parses as aiogram's Update without extra or missing fields."""
    from aiogram.types import Update

    await sandbox.send_text(alice["id"], "hi")
    await sandbox.block(alice["id"])
    for raw in server.state.updates:
        Update.model_validate(json.loads(json.dumps(raw)))
