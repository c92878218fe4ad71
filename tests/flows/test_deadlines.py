"""/deadlines through the real Dispatcher: a secretary's view of the branch, an admin's view
of the branches below (paged), changing and resetting a frequency, choosing between a
committee and a branch, and refusals (wrong role, forged and malformed buttons) that change
nothing."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMessage

from bot.keyboards.deadlines import DeadlinesCB, DeadlineView, FrequencyCB
from bot.services.organizations import FREQUENCIES_SETTING
from bot.services.periods import Frequency
from bot.services.roles import Level, MeetingKind, Role
from tests.factories import Tree, build_tree, make_org, make_person
from tests.fakes import Chatter, buttons
from tests.flows.conftest import Harness
from tests.unit.test_deadlines import add_meeting

SHANGHAI = ZoneInfo("Asia/Shanghai")
ADMIN, SECRETARY_A, SECRETARY_B, MEMBER_A = 1001, 2001, 2002, 3001


def latest(h: Harness, chat_id: int) -> SendMessage | EditMessageText:
    for request in reversed(h.session.requests):
        if isinstance(request, (SendMessage, EditMessageText)) and request.chat_id == chat_id:
            return request
    raise AssertionError(f"nothing was sent to {chat_id}")


def text_of(h: Harness, chat_id: int) -> str:
    return latest(h, chat_id).text or ""


def button(method: SendMessage | EditMessageText, contains: str) -> str:
    for text, data in buttons(method):
        if contains in text:
            return data
    raise AssertionError(f"no button with {contains!r} in {buttons(method)!r}")


async def tap(h: Harness, who: Chatter, contains: str) -> None:
    await h.send(who.press(button(latest(h, who.user.id), contains)))


def last_answer(h: Harness) -> AnswerCallbackQuery:
    found: list[AnswerCallbackQuery] = h.session.of_type(AnswerCallbackQuery)
    assert found, "no callback answer"
    return found[-1]


async def committee_settings(h: Harness, tree: Tree) -> dict[str, object]:
    async with h.uow() as u:
        committee = await u.organizations.get(tree.committee.id)
        assert committee is not None
        return dict(committee.settings)


async def test_a_secretary_sees_the_branch_period_by_period(harness: Harness) -> None:
    tree = await build_tree(harness.uow)
    a = tree.branch_a
    await add_meeting(
        harness.uow, a, MeetingKind.COMMITTEE_MEETING, datetime(2026, 11, 5, 9, 0, tzinfo=SHANGHAI)
    )
    await add_meeting(
        harness.uow,
        a,
        MeetingKind.THEMED_PARTY_DAY,
        datetime(2026, 11, 28, 9, 0, tzinfo=SHANGHAI),
        signed_in=None,
    )
    await harness.send(Chatter(SECRETARY_A, "书记甲").text("/deadlines"))
    text = text_of(harness, SECRETARY_A)
    assert tree.branch_a.name in text and "2026-11-21" in text
    assert "支委会 · 每月 · 2026年11月：✅ 已召开（2026-11-05）" in text
    assert "主题党日 · 每月 · 2026年11月：🗓 已安排（2026-11-28 09:00）" in text
    assert "支部党员大会 · 每季度 · 2026年第四季度：❌" in text and "还有 40 天" in text
    assert "组织生活会 · 每年 · 2026年：❌" in text
    assert "第一党小组：❌ 未安排" in text  # the party group's own line
    assert "/meeting" in text
    assert buttons(latest(harness, SECRETARY_A)) == []  # one branch: nothing to choose


async def test_the_admin_sees_the_branches_below_page_by_page(harness: Harness) -> None:
    tree = await build_tree(harness.uow)
    async with harness.uow() as u:
        await make_org(u, "LONG", Level.BRANCH, tree.committee, name="长" * 200)
        for number in range(25):
            await make_org(
                u, f"X{number:02d}", Level.BRANCH, tree.committee, name=f"X{number:02d}支部"
            )
        await u.commit()
    for kind in (MeetingKind.COMMITTEE_MEETING, MeetingKind.THEMED_PARTY_DAY):
        await add_meeting(
            harness.uow, tree.branch_b, kind, datetime(2026, 11, 3, 9, 0, tzinfo=SHANGHAI)
        )
    admin = Chatter(ADMIN, "组织部王")
    await harness.send(admin.text("/deadlines"))
    first = text_of(harness, ADMIN)
    assert tree.committee.name in first
    assert "共 28 个支部，其中 28 个支部有会议未召开也未安排" in first
    assert "长" * 200 + "：" in first  # the page has room: even a long name is shown whole
    assert f"• {tree.branch_a.name}：支部党员大会、支委会、党小组会（第一党小组）、党课" in first
    assert f"• {tree.branch_b.name}：支部党员大会、党课、组织生活会、民主评议党员" in first
    assert "第 1/2 页" in first
    await tap(harness, admin, "下一页")
    second = text_of(harness, ADMIN)
    assert "第 2/2 页" in second and "X24支部" in second and tree.branch_a.name not in second
    # a forged page number far beyond the end shows the last page
    await harness.send(
        admin.press(
            DeadlinesCB(view=DeadlineView.COMMITTEE, org_id=tree.committee.id, page=99).pack()
        )
    )
    assert "第 2/2 页" in text_of(harness, ADMIN)


async def test_a_crowded_page_cuts_its_longest_lines_to_fit_one_message(
    harness: Harness,
) -> None:
    tree = await build_tree(harness.uow)
    async with harness.uow() as u:
        for number in range(24):
            name = f"{number:02d}" + "很长的名字" * 40
            await make_org(u, f"L{number:02d}", Level.BRANCH, tree.committee, name=name[:200])
        await u.commit()
    await harness.send(Chatter(ADMIN, "组织部王").text("/deadlines"))
    text = text_of(harness, ADMIN)
    assert len(text) <= 4096
    lines = [line for line in text.split("\n") if line.startswith("• ")]
    assert len(lines) == 20 and "第 1/2 页" in text  # every branch of the page, and the footer
    assert f"• {tree.branch_a.name}：支部党员大会、支委会、党小组会（第一党小组）、党课" in text
    long = [line for line in lines if "很长的名字" in line]
    assert long and all(line.endswith("…") for line in long)  # only the long ones are cut


async def test_the_pages_read_whole_in_mongolian_and_in_english(harness: Harness) -> None:
    tree = await build_tree(harness.uow)
    async with harness.uow() as u:
        await make_person(u, "ᠪᠠᠲᠤ", 4002, [(tree.committee, Role.ADMIN)], language="mn")
        await u.commit()
    await harness.send(Chatter(4002, "ᠪᠠᠲᠤ", "mn").text("/deadlines"))
    text = text_of(harness, 4002)
    # branch B misses all six kinds: its line is long in Mongolian, but the page has room
    line = next(line for line in text.split("\n") if tree.branch_b.name in line)
    assert "…" not in line and line.endswith("ᠨᠠᠮ ᠤᠨ ᠭᠡᠰᠢᠭᠦᠳ ᠢ ᠠᠷᠠᠳᠴᠢᠯᠠᠨ ᠦᠨᠡᠯᠡᠬᠦ")
    assert "2 ᠰᠠᠯᠪᠤᠷᠢ ᠠᠴᠠ 2" in text
    assert not any("\u0400" <= ch <= "\u04ff" for ch in text)  # no Cyrillic anywhere

    await harness.send(Chatter(SECRETARY_A, "书记甲").text("/deadlines"))
    assert "\n    · 第一党小组：❌ 未安排" in text_of(
        harness, SECRETARY_A
    )  # indented under 党小组会


async def test_the_admin_changes_and_resets_a_frequency(harness: Harness) -> None:
    tree = await build_tree(harness.uow)
    admin = Chatter(ADMIN, "组织部王")
    await harness.send(admin.text("/deadlines"))
    await tap(harness, admin, "会议频次")
    screen = text_of(harness, ADMIN)
    assert "党课：每季度（默认）" in screen and "每月 → 每季度 → 每年 → 不要求" in screen
    old_button = button(latest(harness, ADMIN), "党课：每季度")
    await harness.send(admin.press(old_button))
    assert last_answer(harness).text == "✅ 已保存"
    assert "党课：每年（本级设置）" in text_of(harness, ADMIN)
    assert (await committee_settings(harness, tree))[FREQUENCIES_SETTING] == {
        "party_lecture": "yearly"
    }
    await harness.send(admin.press(old_button))  # the same button again: the same value
    assert (await committee_settings(harness, tree))[FREQUENCIES_SETTING] == {
        "party_lecture": "yearly"
    }
    await tap(harness, admin, "党课：每年")
    await tap(harness, admin, "党课：不要求")
    assert (await committee_settings(harness, tree))[FREQUENCIES_SETTING] == {
        "party_lecture": "monthly"
    }
    # the secretary's view follows the committee's choice
    await harness.send(Chatter(SECRETARY_A, "书记甲").text("/deadlines"))
    assert "党课 · 每月 · 2026年11月" in text_of(harness, SECRETARY_A)
    await tap(harness, admin, "恢复默认")
    assert FREQUENCIES_SETTING not in await committee_settings(harness, tree)
    assert "党课：每季度（默认）" in text_of(harness, ADMIN)
    await tap(harness, admin, "返回")
    assert "会议频次" in str(buttons(latest(harness, ADMIN)))


async def test_an_admin_who_is_also_a_secretary_chooses(harness: Harness) -> None:
    tree = await build_tree(harness.uow)
    async with harness.uow() as u:
        await make_person(
            u,
            "兼职书记",
            1005,
            [(tree.committee, Role.ADMIN), (tree.branch_b, Role.SECRETARY)],
            language="en",
        )
        await u.commit()
    both = Chatter(1005, "Both", "en")
    await harness.send(both.text("/deadlines"))
    assert "Whose required meetings" in text_of(harness, 1005)
    await tap(harness, both, tree.branch_b.name)
    text = text_of(harness, 1005)
    assert "Branch committee meeting · monthly · November 2026" in text
    assert "Q4 2026" in text
    await tap(harness, both, "Back")
    await tap(harness, both, tree.committee.name)
    assert "branches below" in text_of(harness, 1005)


async def test_every_button_on_every_screen_is_answered(harness: Harness) -> None:
    """Press every button of every screen reachable from /deadlines (a person who is both
    an admin and a secretary sees them all): each press is answered exactly once and shows
    a screen, none lands on the stale-button fallback."""
    tree = await build_tree(harness.uow)
    async with harness.uow() as u:
        for number in range(25):
            await make_org(u, f"X{number:02d}", Level.BRANCH, tree.committee)
        await make_person(
            u, "兼职书记", 1005, [(tree.committee, Role.ADMIN), (tree.branch_a, Role.SECRETARY)]
        )
        await u.commit()
    both = Chatter(1005, "兼职书记")
    await harness.send(both.text("/deadlines"))
    seen: set[str] = set()
    waiting = [data for _, data in buttons(latest(harness, 1005))]
    while waiting:
        data = waiting.pop()
        if data in seen:
            continue
        seen.add(data)
        answers = len(harness.session.of_type(AnswerCallbackQuery))
        await harness.send(both.press(data))
        found = harness.session.of_type(AnswerCallbackQuery)[answers:]
        assert len(found) == 1 and not found[0].show_alert, (data, found)
        screen = latest(harness, 1005)
        assert isinstance(screen, EditMessageText) and screen.text, data
        waiting += [d for _, d in buttons(screen) if d not in seen]
    prefixes = {data.split(":")[0] + ":" + data.split(":")[1] for data in seen}
    assert {"dl:l", "dl:b", "dl:c", "dl:f", "dl:r"} <= prefixes
    assert any(data.startswith("dlf:") for data in seen)


async def test_refusals_change_nothing(harness: Harness) -> None:
    tree = await build_tree(harness.uow)
    async with harness.uow() as u:
        other = await make_org(u, "C2", Level.COMMITTEE, name="另一个区委")
        await make_person(u, "外区管理员", 1009, [(other, Role.ADMIN)], language="zh")
        await u.commit()
    secretary = Chatter(SECRETARY_A, "书记甲")
    forged_branch = DeadlinesCB(view=DeadlineView.BRANCH, org_id=tree.branch_b.id).pack()
    await harness.send(secretary.press(forged_branch))
    assert "权限" in (last_answer(harness).text or "")
    frequency = FrequencyCB(
        committee_id=tree.committee.id, kind=MeetingKind.PARTY_LECTURE, frequency=Frequency.NONE
    ).pack()
    for who in (secretary, Chatter(1009, "外区管理员")):
        await harness.send(who.press(frequency))
        assert "权限" in (last_answer(harness).text or "")
    for view in (DeadlineView.COMMITTEE, DeadlineView.FREQUENCIES, DeadlineView.RESET):
        await harness.send(
            secretary.press(DeadlinesCB(view=view, org_id=tree.committee.id).pack())
        )
        assert "权限" in (last_answer(harness).text or ""), view
    reset = DeadlinesCB(view=DeadlineView.RESET, org_id=tree.committee.id).pack()
    await harness.send(Chatter(1009, "外区管理员").press(reset))
    assert "权限" in (last_answer(harness).text or "")
    await harness.send(secretary.press(f"dlf:{tree.committee.id}:bogus:monthly"))
    assert "失效" in (last_answer(harness).text or "")
    other_kind = FrequencyCB(
        committee_id=tree.committee.id, kind=MeetingKind.OTHER, frequency=Frequency.MONTHLY
    ).pack()
    await harness.send(Chatter(ADMIN, "组织部王").press(other_kind))
    assert "不能设置频次" in (last_answer(harness).text or "")
    await harness.send(Chatter(MEMBER_A, "党员巴特尔", "mn").text("/deadlines"))
    assert "ᠡᠷᠬᠡ ᠪᠠᠢᠬᠤ ᠦᠭᠡᠢ" in text_of(harness, MEMBER_A)  # refused, in Mongolian
    assert FREQUENCIES_SETTING not in await committee_settings(harness, tree)
