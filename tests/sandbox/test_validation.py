"""Requests the real Bot API would refuse are refused here the same way, and aiogram turns
each refusal into the matching exception."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest
from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramConflictError,
    TelegramEntityTooLarge,
    TelegramForbiddenError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramUnauthorizedError,
)
from aiogram.methods import GetUpdates, SendMessage
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from sandbox import SandboxClient, SandboxServer
from sandbox.limits import MAX_DOWNLOAD_BYTES
from tests.sandbox.conftest import TOKEN, make_bot

User = dict[str, Any]


def unchecked(**fields: Any) -> SendMessage:
    """A SendMessage that skips aiogram's own checks, so the server has to catch it."""
    return SendMessage.model_construct(**fields)


def button(data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="B", callback_data=data)]]
    )


async def test_unknown_method_is_404(server: SandboxServer) -> None:
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"{server.base_url}/bot{TOKEN}/sendTelepathy", data={"x": "1"}) as resp,
    ):
        assert resp.status == 404
        assert await resp.json() == {
            "ok": False,
            "error_code": 404,
            "description": "Not Found: method not found",
        }


async def test_unknown_method_through_aiogram_is_telegram_not_found(bot: Bot) -> None:
    class SendTelepathy(GetUpdates):
        __api_method__ = "sendTelepathy"

    with pytest.raises(TelegramNotFound, match="method not found"):
        await bot(SendTelepathy())


async def test_method_names_are_case_insensitive(server: SandboxServer) -> None:
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"{server.base_url}/bot{TOKEN}/GETME") as resp,
    ):
        assert (await resp.json())["result"]["id"] == 4242


async def test_missing_required_field(bot: Bot, alice: User) -> None:
    with pytest.raises(TelegramBadRequest, match='parameter "chat_id" is required'):
        await bot(unchecked(text="no chat"))
    with pytest.raises(TelegramBadRequest, match="message text is empty"):
        await bot(unchecked(chat_id=alice["id"]))


async def test_wrong_types(bot: Bot, alice: User) -> None:
    with pytest.raises(TelegramBadRequest, match='"message_thread_id" must be Integer'):
        await bot(unchecked(chat_id=alice["id"], text="x", message_thread_id="a"))
    with pytest.raises(TelegramBadRequest, match='"disable_notification" must be Boolean'):
        await bot(unchecked(chat_id=alice["id"], text="x", disable_notification="maybe"))
    broken = {"inline_keyboard": [[{"callback_data": "x"}]]}  # a button without text
    with pytest.raises(TelegramBadRequest, match=r'inline_keyboard\[0\]\[0\]\.text" is required'):
        await bot(unchecked(chat_id=alice["id"], text="x", reply_markup=broken))
    with pytest.raises(TelegramBadRequest, match="must be Array of Array of InlineKeyboardButton"):
        await bot(
            unchecked(chat_id=alice["id"], text="x", reply_markup={"inline_keyboard": "nope"})
        )


async def test_unknown_parameter(bot: Bot, alice: User) -> None:
    with pytest.raises(TelegramBadRequest, match='unknown parameter "colour"'):
        await bot(SendMessage(chat_id=alice["id"], text="x", colour="red"))


async def test_text_length_limit(bot: Bot, alice: User) -> None:
    assert (await bot.send_message(alice["id"], "字" * 4096)).text == "字" * 4096
    with pytest.raises(TelegramBadRequest, match="message is too long"):
        await bot.send_message(alice["id"], "字" * 4097)


async def test_caption_length_limit(bot: Bot, alice: User) -> None:
    from aiogram.types import BufferedInputFile

    document = BufferedInputFile(b"data", "a.bin")
    await bot.send_document(alice["id"], document, caption="c" * 1024)
    with pytest.raises(TelegramBadRequest, match="message caption is too long"):
        await bot.send_document(alice["id"], document, caption="c" * 1025)


async def test_callback_data_is_at_most_64_bytes(bot: Bot, alice: User) -> None:
    await bot.send_message(alice["id"], "ok", reply_markup=button("x" * 64))
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(alice["id"], "no", reply_markup=button("x" * 65))
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(alice["id"], "no", reply_markup=button("支" * 22))  # 66 bytes


async def test_text_only_inline_buttons_are_refused(bot: Bot, alice: User) -> None:
    markup = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text="just text")]])
    with pytest.raises(TelegramBadRequest, match="Text buttons are unallowed"):
        await bot.send_message(alice["id"], "x", reply_markup=markup)


async def test_files_over_20_mb_cannot_be_fetched(
    bot: Bot, sandbox: SandboxClient, alice: User
) -> None:
    big = await sandbox.upload(
        alice["id"], "document", b"\0" * (MAX_DOWNLOAD_BYTES + 1), "big.bin"
    )
    with pytest.raises(TelegramBadRequest, match="file is too big"):
        await bot.get_file(big["document"]["file_id"])
    small = await sandbox.upload(alice["id"], "document", b"\0" * MAX_DOWNLOAD_BYTES, "ok.bin")
    assert (await bot.get_file(small["document"]["file_id"])).file_size == MAX_DOWNLOAD_BYTES


async def test_uploads_over_50_mb_are_too_large(bot: Bot, alice: User) -> None:
    from aiogram.types import BufferedInputFile

    with pytest.raises(TelegramEntityTooLarge):
        await bot.send_document(alice["id"], BufferedInputFile(b"\0" * (51 * 1024 * 1024), "x"))


async def test_unknown_chat(bot: Bot) -> None:
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(987654321, "hello?")
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message("@nobody", "hello?")


async def test_blocked_user_is_forbidden(bot: Bot, sandbox: SandboxClient, alice: User) -> None:
    await sandbox.block(alice["id"])
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(alice["id"], "still there?")
    with pytest.raises(TelegramForbiddenError):
        await bot.send_chat_action(alice["id"], "typing")
    [blocked] = await bot.get_updates()
    assert blocked.my_chat_member is not None
    assert blocked.my_chat_member.new_chat_member.status == "kicked"

    await sandbox.unblock(alice["id"])
    assert (await bot.send_message(alice["id"], "welcome back")).text == "welcome back"


async def test_rate_limit_is_retry_after(
    bot: Bot, sandbox: SandboxClient, alice: User, server: SandboxServer
) -> None:
    await sandbox.set_limits(enabled=True, per_chat_burst=1, per_chat_per_second=0.5)
    await bot.send_message(alice["id"], "one")
    with pytest.raises(TelegramRetryAfter) as caught:
        await bot.send_message(alice["id"], "two")
    assert caught.value.retry_after == 2


async def test_webhook_blocks_get_updates_and_only_loopback_is_allowed(bot: Bot) -> None:
    assert await bot.set_webhook("http://127.0.0.1:9/hook")
    with pytest.raises(TelegramConflictError, match="webhook is active"):
        await bot.get_updates()
    with pytest.raises(TelegramBadRequest, match="bad webhook"):
        await bot.set_webhook("https://example.com/hook")
    with pytest.raises(TelegramBadRequest, match="bad webhook"):
        await bot.set_webhook("https://10.0.0.1/hook")
    assert await bot.delete_webhook()
    assert await bot.get_updates() == []


async def test_wrong_token_is_unauthorized(server: SandboxServer) -> None:
    stranger = make_bot(server.base_url, token="1:not-the-token")
    try:
        with pytest.raises(TelegramUnauthorizedError):
            await stranger.get_me()
    finally:
        await stranger.session.close()
