"""The control API under /sandbox/ (what the tests, the web chat and `zhibu demo` use)."""

from __future__ import annotations

import asyncio
import re
import sys
from typing import Any

import aiohttp
import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest, TelegramRetryAfter
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllChatAdministrators,
    BotCommandScopeAllGroupChats,
    BotCommandScopeChatMember,
    BufferedInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
)

from sandbox import SandboxClient, SandboxError, SandboxServer
from sandbox.__main__ import add_users, parse_args
from tests.sandbox.samples import ogg_voice, png

User = dict[str, Any]


async def test_users_are_created_listed_and_updated(sandbox: SandboxClient) -> None:
    first = await sandbox.create_user("巴特尔", language_code="mn")
    assert first["id"] == 100_000_001 and first["is_bot"] is False
    chosen = await sandbox.create_user("Chosen", id=555, username="chosen")
    assert chosen["id"] == 555
    renamed = await sandbox.create_user("Chosen Again", id=555)
    assert renamed["first_name"] == "Chosen Again"
    users = await sandbox.users()
    assert [(u["id"], u["blocked"]) for u in users] == [(100_000_001, False), (555, False)]
    private = await sandbox.chat(555)
    assert (private["type"], private["first_name"]) == ("private", "Chosen Again")

    with pytest.raises(SandboxError) as caught:
        await sandbox._request("POST", "/sandbox/users", json_body={"last_name": "x"})
    assert (caught.value.status, caught.value.message) == (400, "first_name is required")


async def test_groups_need_known_members(sandbox: SandboxClient, alice: User, bob: User) -> None:
    group = await sandbox.create_chat("党小组", [alice["id"]], admin_ids=[bob["id"]])
    assert group["type"] == "group" and group["id"] < 0
    assert group["member_ids"] == [alice["id"], bob["id"]]
    assert group["admin_ids"] == [bob["id"]]
    with pytest.raises(SandboxError) as caught:
        await sandbox.create_chat("x", [424242])
    assert caught.value.status == 404
    with pytest.raises(SandboxError):
        await sandbox.create_chat("x", [alice["id"]], type="channel")

    outsider = await sandbox.create_user("Outsider")
    with pytest.raises(SandboxError, match="not a member"):
        await sandbox.send_text(outsider["id"], "let me in", chat_id=group["id"])


async def test_send_validation(sandbox: SandboxClient, alice: User) -> None:
    with pytest.raises(SandboxError) as caught:
        await sandbox.send_text(999, "who am I")
    assert caught.value.status == 404
    with pytest.raises(SandboxError, match="exactly one"):
        await sandbox.send(alice["id"])
    with pytest.raises(SandboxError, match="at most 4096"):
        await sandbox.send_text(alice["id"], "x" * 4097)
    with pytest.raises(SandboxError, match="latitude"):
        await sandbox.send_location(alice["id"], 91, 0)
    await sandbox.block(alice["id"])
    with pytest.raises(SandboxError, match="blocked the bot"):
        await sandbox.send_text(alice["id"], "hi")


async def test_messages_after_id_include_both_sides(
    bot: Bot, sandbox: SandboxClient, alice: User
) -> None:
    await sandbox.send_text(alice["id"], "one")
    await bot.send_message(alice["id"], "two")
    await sandbox.send_text(alice["id"], "three")
    messages = await sandbox.messages(alice["id"])
    assert [(m["message_id"], m["text"], m["from_bot"]) for m in messages] == [
        (1, "one", False),
        (2, "two", True),
        (3, "three", False),
    ]
    assert [m["text"] for m in await sandbox.messages(alice["id"], after_id=2)] == ["three"]
    assert [m["text"] for m in await sandbox.bot_messages(alice["id"])] == ["two"]


async def test_events_long_poll(bot: Bot, sandbox: SandboxClient, alice: User, bob: User) -> None:
    waiting = asyncio.create_task(sandbox.events(after=0, timeout=5, chat_id=alice["id"]))
    await asyncio.sleep(0.05)
    await bot.send_message(bob["id"], "not for alice")
    await asyncio.sleep(0.05)
    assert not waiting.done()
    await bot.send_message(alice["id"], "for alice")
    [event] = await asyncio.wait_for(waiting, 2)
    assert event["type"] == "bot_message" and event["message"]["text"] == "for alice"
    assert set(event) == {"id", "type", "date", "chat_id", "message"}

    everything = await sandbox.events()
    assert [e["id"] for e in everything] == [1, 2]
    loop = asyncio.get_running_loop()
    started = loop.time()
    assert await sandbox.events(after=2, timeout=0.2) == []
    assert loop.time() - started >= 0.15


async def test_mark_skips_what_happened_before(
    bot: Bot, sandbox: SandboxClient, alice: User
) -> None:
    await bot.send_message(alice["id"], "old news")
    await sandbox.mark()
    await bot.send_message(alice["id"], "fresh")
    assert (await sandbox.wait_for_bot_message(alice["id"]))["text"] == "fresh"


async def test_files_are_served_with_their_type(
    bot: Bot, sandbox: SandboxClient, server: SandboxServer, alice: User
) -> None:
    photo = await sandbox.upload(alice["id"], "photo", png(64, 48), "p.png")
    voice = await bot.send_voice(alice["id"], BufferedInputFile(ogg_voice(1), "v.ogg"))
    assert voice.voice is not None
    async with aiohttp.ClientSession() as http:
        file_id = photo["photo"][-1]["file_id"]
        async with http.get(f"{server.base_url}/sandbox/files/{file_id}") as resp:
            assert resp.content_type == "image/png"
            assert await resp.read() == png(64, 48)
        async with http.get(f"{server.base_url}/sandbox/files/{voice.voice.file_id}") as resp:
            assert resp.content_type == "audio/ogg"
        async with http.get(f"{server.base_url}/sandbox/files/nope") as resp:
            assert resp.status == 404
    assert len(photo["photo"]) == 1  # small pictures come in one size


async def test_press_needs_the_button(bot: Bot, sandbox: SandboxClient, alice: User) -> None:
    markup = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="Approve 张三", callback_data="ok:1")]]
    )
    sent = await bot.send_message(alice["id"], "Request", reply_markup=markup)
    with pytest.raises(SandboxError, match="no inline button"):
        await sandbox.press(alice["id"], sent.message_id, "ok:2")
    recorded = (await sandbox.messages(alice["id"]))[0]
    with pytest.raises(LookupError, match="Approve 张三"):
        sandbox.find_button(recorded, "Reject")
    assert await sandbox.press_button(alice["id"], recorded, "张三")
    await bot.delete_message(alice["id"], sent.message_id)
    with pytest.raises(SandboxError) as caught:
        await sandbox.press(alice["id"], sent.message_id, "ok:1")
    assert caught.value.status == 404


async def test_group_command_menus_resolve_like_telegram(
    bot: Bot, sandbox: SandboxClient, alice: User, bob: User
) -> None:
    group = await sandbox.create_chat("支部", [alice["id"]], admin_ids=[bob["id"]])
    await bot.set_my_commands([BotCommand(command="start", description="s")])
    await bot.set_my_commands(
        [BotCommand(command="members", description="m")], scope=BotCommandScopeAllGroupChats()
    )
    await bot.set_my_commands(
        [BotCommand(command="manage", description="m")],
        scope=BotCommandScopeAllChatAdministrators(),
    )
    await bot.set_my_commands(
        [BotCommand(command="mine", description="m")],
        scope=BotCommandScopeChatMember(chat_id=group["id"], user_id=alice["id"]),
        language_code="en",
    )
    seen = {
        who: [c["command"] for c in await sandbox.commands(group["id"], user_id=who)]
        for who in (alice["id"], bob["id"])
    }
    assert seen == {alice["id"]: ["mine"], bob["id"]: ["manage"]}
    assert [c["command"] for c in await sandbox.commands(group["id"])] == ["members"]
    assert [c["command"] for c in await sandbox.commands(alice["id"])] == ["start"]


async def test_web_chat_page_is_served(server: SandboxServer) -> None:
    async with aiohttp.ClientSession() as http:
        for path in ("/", "/web/", "/web/index.html"):
            async with http.get(f"{server.base_url}{path}") as resp:
                assert resp.status == 200, path
                assert resp.content_type == "text/html"
                assert "<html" in (await resp.text()).lower()


async def test_bot_info_endpoint(sandbox: SandboxClient, bot: Bot) -> None:
    info = await sandbox.bot_info()
    assert info["username"] == "zhibu_demo_bot" and info["webhook_url"] == ""
    await sandbox.create_user("Solo")
    assert [c["type"] for c in await sandbox.chats()] == ["private"]


def test_module_arguments() -> None:
    args = parse_args(["--port", "8081", "--token", "123:ABC"])
    assert (args.host, args.port, args.token, args.no_rate_limits) == (
        "127.0.0.1",
        8081,
        "123:ABC",
        False,
    )


async def test_python_dash_m_sandbox_serves() -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "sandbox",
        "--port",
        "0",
        "--token",
        "123:ABC",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        assert process.stdout is not None
        line = (await asyncio.wait_for(process.stdout.readline(), 20)).decode()
        match = re.search(r"http://127\.0\.0\.1:\d+", line)
        assert match is not None, line
        async with (
            aiohttp.ClientSession() as http,
            http.get(f"{match.group(0)}/bot123:ABC/getMe") as resp,
        ):
            assert (await resp.json())["result"]["id"] == 123
    finally:
        process.terminate()
        await process.wait()


async def test_unknown_paths_answer_in_json(server: SandboxServer) -> None:
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{server.base_url}/sandbox/nothing") as resp:
            assert resp.status == 404 and "error" in await resp.json()
        async with http.get(f"{server.base_url}/bot123") as resp:
            assert (resp.status, (await resp.json())["error_code"]) == (404, 404)
        async with http.get(f"{server.base_url}/sandbox/chats/abc") as resp:
            assert resp.status == 400 and "integer" in (await resp.json())["error"]


async def test_bot_message_counts_per_chat_and_the_traffic_tally(
    bot: Bot, server: SandboxServer, sandbox: SandboxClient, alice: User, bob: User
) -> None:
    await bot.send_message(alice["id"], "通知：周五学习")
    await bot.send_message(alice["id"], "通知：周五学习 (again)")
    gone = await bot.send_message(bob["id"], "通知：周五学习")
    await bot.send_message(bob["id"], "something else")
    await sandbox.send_text(alice["id"], "通知：周五学习")  # a user's message does not count
    assert await sandbox.bot_message_counts("通知") == {alice["id"]: 2, bob["id"]: 1}
    await bot.delete_message(bob["id"], gone.message_id)
    assert await sandbox.bot_message_counts("通知") == {alice["id"]: 2}

    await sandbox.inject_fault(429, method="sendMessage", count=1, retry_after=3)
    with pytest.raises(TelegramRetryAfter):
        await bot.send_message(alice["id"], "refused")
    with pytest.raises(TelegramBadRequest):
        await bot.send_message(alice["id"], "")
    traffic = await sandbox.traffic()
    assert traffic["methods"]["sendMessage"] == {"200": 4, "400": 1, "429": 1}
    assert traffic["methods"]["deleteMessage"] == {"200": 1}
    assert traffic["too_many_requests"] == 1  # control requests are not tallied


def test_module_seeds_users_with_consecutive_ids() -> None:
    args = parse_args(["--users", "3", "--first-user-id", "700000"])
    server = SandboxServer()
    add_users(server, args.users, args.first_user_id)
    assert sorted(server.state.users) == [700_000, 700_001, 700_002]
    assert server.state.chats[700_002].is_private
    add_users(server, 2, None)  # the sandbox's own numbering
    assert len(server.state.users) == 5
    with pytest.raises(SystemExit):
        parse_args(["--users", "-1"])
