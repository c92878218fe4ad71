"""The web chat of `zhibu demo` in a real headless browser (playwright + Debian's chromium) on
a phone-sized screen: a newcomer joins by invite and the secretary approves, all by tapping;
and the Mongolian persona's bubbles render traditional script in a real Mongolian font."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.demo import DemoRuntime

pytest.importorskip("playwright.async_api")

from playwright.async_api import (
    Browser,
    Locator,
    Page,
    ViewportSize,
    async_playwright,
    expect,
)

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE: ViewportSize = {"width": 390, "height": 844}
WAIT_MS = 10_000

SECRETARY = 100002
HERDER = 100005
NEWCOMER = 100008

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"
)


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            await browser.close()


@pytest.fixture
async def page(demo: DemoRuntime, browser: Browser) -> AsyncIterator[Page]:
    context = await browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    page = await context.new_page()
    page.set_default_timeout(WAIT_MS)
    expect.set_options(timeout=WAIT_MS)
    errors: list[Any] = []
    page.on("pageerror", lambda error: errors.append(error))
    await page.goto(demo.url)
    await expect(page.locator("body.ready")).to_have_count(1)
    try:
        yield page
    finally:
        await context.close()
    assert errors == [], f"the page threw: {errors}"


async def act_as(page: Page, user_id: int) -> None:
    """Back to the persona list (the phone layout shows one pane at a time), pick one."""
    back = page.locator("#back")
    if await back.is_visible():
        await back.click()
    await page.locator(f'[data-user="{user_id}"]').click()
    await expect(page.locator("#chat-pane")).to_be_visible()
    await expect(page.locator(f'[data-user="{user_id}"][aria-current="true"]')).to_have_count(1)


async def send(page: Page, text: str) -> None:
    box = page.locator("#text")
    await box.fill(text)
    await box.press("Enter")
    await expect(page.locator(".msg.out").last).to_contain_text(text)


def bot_bubbles(page: Page) -> Locator:
    return page.locator("#messages .msg.in")


def reply_button(page: Page, text: str) -> Locator:
    return page.locator("#reply-kb .reply-btn", has_text=text)


async def assert_fits(page: Page) -> None:
    """Nothing the layout owns spills past the sides of the screen."""
    spills = await page.evaluate(
        """() => [...document.querySelectorAll(
                '.bar, .person, .msg, .bubble, .inline-kb, #reply-kb, .composer')]
            .filter((el) => el.offsetParent !== null)
            .map((el) => el.getBoundingClientRect())
            .filter((box) => box.left < -1 || box.right > window.innerWidth + 1)
            .length"""
    )
    assert spills == 0


async def screenshot(page: Page, path: Path) -> None:
    png = await page.screenshot(path=str(path))
    assert png.startswith(b"\x89PNG") and len(png) > 10_000


async def test_newcomer_joins_and_secretary_approves_by_tapping(
    demo: DemoRuntime, page: Page, tmp_path: Path
) -> None:
    await act_as(page, NEWCOMER)
    await send(page, f"/start {demo.seed.invite_token}")
    await expect(bot_bubbles(page).last).to_contain_text("哈业胡同嘎查党支部")

    # the reply keyboard offers the Telegram name; it is one-time, so it hides once used
    name = reply_button(page, "Alex (new, no roles yet)")
    await name.click()
    await expect(page.locator(".msg.out").last).to_contain_text("Alex (new, no roles yet)")
    await expect(reply_button(page, "Share my phone number")).to_be_visible()
    await reply_button(page, "Skip").click()
    await expect(bot_bubbles(page).last).to_contain_text("Request sent")
    await expect(page.locator("#reply-kb")).to_be_hidden()  # ReplyKeyboardRemove
    await screenshot(page, tmp_path / "webchat-newcomer-waiting.png")

    # the secretary sees an unread badge, then the notice with its inline buttons
    await page.locator("#back").click()
    await expect(page.locator(f'[data-user="{SECRETARY}"] .badge')).to_have_text("1")
    await assert_fits(page)  # long previews in the persona list are cut, not spilled
    await act_as(page, SECRETARY)
    request = bot_bubbles(page).filter(has_text="新的加入申请").last
    await expect(request).to_contain_text("Alex (new, no roles yet)")
    notice = page.locator(f'.msg[data-id="{await request.get_attribute("data-id")}"]')
    await screenshot(page, tmp_path / "webchat-secretary-notice.png")
    await notice.get_by_role("button", name="同意").click()
    await expect(notice).to_contain_text("已同意")
    await expect(notice.locator(".edited")).to_be_visible()
    await expect(notice.locator(".inline-kb")).to_have_count(0)
    await assert_fits(page)
    await screenshot(page, tmp_path / "webchat-secretary-approved.png")

    await act_as(page, NEWCOMER)
    await expect(bot_bubbles(page).last).to_contain_text("You have joined")
    await expect(bot_bubbles(page).last).to_contain_text("哈业胡同嘎查党支部")
    await screenshot(page, tmp_path / "webchat-newcomer-joined.png")

    # on a desktop the persona list and the chat sit side by side
    await page.set_viewport_size({"width": 1280, "height": 800})
    await expect(page.locator("#people-pane")).to_be_visible()
    await expect(page.locator("#back")).to_be_hidden()
    await expect(bot_bubbles(page).last).to_contain_text("You have joined")
    await screenshot(page, tmp_path / "webchat-desktop.png")


async def platform_fonts(page: Page, selector: str) -> set[str]:
    """The fonts Chromium really drew a node's own text with (not merely asked for)."""
    cdp = await page.context.new_cdp_session(page)
    try:
        await cdp.send("DOM.enable")
        await cdp.send("CSS.enable")
        root = await cdp.send("DOM.getDocument", {"depth": -1})
        found = await cdp.send(
            "DOM.querySelector", {"nodeId": root["root"]["nodeId"], "selector": selector}
        )
        fonts = await cdp.send("CSS.getPlatformFontsForNode", {"nodeId": found["nodeId"]})
    finally:
        await cdp.detach()
    return {font["familyName"] for font in fonts["fonts"]}


async def test_mongolian_persona_reads_traditional_script_and_sends_media(
    page: Page, tmp_path: Path
) -> None:
    await act_as(page, HERDER)
    await send(page, "/help")
    answer = bot_bubbles(page).last
    await expect(answer).to_contain_text("ᠬᠡᠷᠡᠭᠯᠡᠵᠦ ᠪᠣᠯᠬᠤ ᠵᠠᠷᠯᠢᠭ")  # help-header in mn
    await expect(answer.locator(".text")).to_have_css("white-space", "pre-wrap")

    # bubbles like a chat app: the bot's on the left, mine on the right, nothing overflows
    mine = await page.locator(".msg.out .bubble").last.bounding_box()
    theirs = await answer.locator(".bubble").bounding_box()
    assert mine is not None and theirs is not None
    assert mine["x"] + mine["width"] > PHONE["width"] - 30
    assert theirs["x"] < 30
    await assert_fits(page)

    await answer.locator(".text").evaluate("node => node.setAttribute('data-probe', '')")
    assert "Noto Sans Mongolian" in await platform_fonts(page, "[data-probe]")

    # the "/" menu lists the bot's command menu for this chat
    await page.locator("#commands").click()
    await expect(page.locator('#cmd-menu [data-command="language"]')).to_be_visible()
    await page.locator("#commands").click()

    # the bundled sample voice, and a location sent "30 minutes ago" (late delivery)
    await page.locator("#attach").click()
    await page.locator('[data-attach="sample"]').click()
    voice = page.locator(".msg.out .voice audio").last
    await expect(voice).to_have_attribute("data-file-id", re.compile(r"^AwAC"))
    await expect(voice).to_have_attribute("src", re.compile(r"^blob:"))
    seconds = await voice.evaluate(
        """(audio) => new Promise((done) => {
            if (audio.readyState >= 1) return done(audio.duration);
            audio.onloadedmetadata = () => done(audio.duration);
            audio.onerror = () => done(-1);
            audio.load();
        })"""
    )
    assert 1.0 <= seconds <= 3.0  # the browser decodes the bundled OGG/Opus sample
    await page.locator("#attach").click()
    await page.locator('[data-attach="location"]').click()
    await page.locator('#location-dialog [data-lat="43.93"]').click()
    await page.locator("#ago").fill("30")
    await page.locator("#location-send").click()
    sent = page.locator(".msg.out").last
    await expect(sent.locator(".coords")).to_have_text("43.93000, 116.07000")
    await expect(sent.locator(".late")).to_contain_text("30")
    await screenshot(page, tmp_path / "webchat-herder.png")
