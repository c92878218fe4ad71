"""/help, /me, /language, /invite, /org, /requests, /import and bad input, through the
real Dispatcher."""

from __future__ import annotations

import io

import openpyxl
from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendDocument, SetMyCommands
from aiogram.types import BotCommandScopeChat
from sqlalchemy import select

from bot.keyboards.common import NavPurpose, OrgNavCB, OrgPickCB
from bot.keyboards.invites import InviteMakeCB, InviteRoleCB
from bot.services.roles import Role
from storage.models import Invite, Person
from tests.factories import build_tree
from tests.fakes import Chatter, buttons
from tests.flows.conftest import Harness


async def test_help_lists_commands_for_the_role(harness: Harness) -> None:
    await build_tree(harness.uow)
    await harness.send(Chatter(3001, "Bater", "mn").text("/help"))
    await harness.send(Chatter(2001, "书记甲").text("/help"))
    member_help, secretary_help = harness.session.sent(3001)[-1], harness.session.sent(2001)[-1]
    assert "/me" in member_help.text and "/invite" not in member_help.text
    assert "/invite" in secretary_help.text and "/import" in secretary_help.text


async def test_me_shows_organizations_and_roles(harness: Harness) -> None:
    await build_tree(harness.uow)
    await harness.send(Chatter(3002, "其其格").text("/me"))
    text = harness.session.sent(3002)[-1].text
    assert "第一党小组" in text and "党小组长" in text and "正式党员" in text
    await harness.send(Chatter(7777, "Stranger", "en").text("/me"))
    assert "not joined" in harness.session.sent(7777)[-1].text


async def test_language_choice_is_stored_and_menu_follows(harness: Harness) -> None:
    await build_tree(harness.uow)
    user = Chatter(2001, "书记甲", "zh-hans")
    await harness.send(user.text("/language"))
    choice = harness.session.sent(2001)[-1]
    english = next(data for text, data in buttons(choice) if text == "English")
    await harness.send(user.press(english))
    assert harness.session.of_type(EditMessageText)[-1].text == "Language set to English."
    menu = harness.session.of_type(SetMyCommands)[-1]
    assert isinstance(menu.scope, BotCommandScopeChat) and menu.scope.chat_id == 2001
    assert {c.command for c in menu.commands} >= {"invite", "import", "requests"}
    assert all(c.description.isascii() for c in menu.commands)
    async with harness.uow() as u:
        person = await u.people.by_telegram_id(2001)
        assert person is not None and person.language == "en"
    await harness.send(user.text("/me"))
    assert "your organizations" in harness.session.sent(2001)[-1].text


async def test_forged_language_code_is_refused(harness: Harness) -> None:
    await build_tree(harness.uow)
    await harness.send(Chatter(2001, "书记甲").press("lang:xx"))
    assert "不支持" in harness.session.of_type(AnswerCallbackQuery)[-1].text
    async with harness.uow() as u:
        person = await u.people.by_telegram_id(2001)
        assert person is not None and person.language == "zh"


async def test_secretary_builds_an_invite_with_buttons(harness: Harness) -> None:
    tree = await build_tree(harness.uow)
    secretary = Chatter(2001, "书记甲")
    await harness.send(secretary.text("/invite"))
    screen = harness.session.sent(2001)[-1]
    labels = [text for text, _ in buttons(screen)]
    assert any("哈业胡同嘎查党支部" in t for t in labels) and any(
        "第一党小组" in t for t in labels
    )
    pick = next(data for text, data in buttons(screen) if text.startswith("✓"))

    await harness.send(secretary.press(pick))
    roles = harness.session.of_type(EditMessageText)[-1]
    role_labels = [text for text, _ in buttons(roles)]
    assert "正式党员" in role_labels and "书记" not in role_labels
    member = next(data for text, data in buttons(roles) if text == "正式党员")

    await harness.send(secretary.press(member))
    uses = next(
        d for t, d in buttons(harness.session.of_type(EditMessageText)[-1]) if t == "50 次"
    )
    await harness.send(secretary.press(uses))
    days = next(d for t, d in buttons(harness.session.of_type(EditMessageText)[-1]) if t == "7 天")
    await harness.send(secretary.press(days))

    created = harness.session.of_type(EditMessageText)[-1]
    async with harness.uow() as u:
        invite = (await u.session.scalars(select(Invite))).one()
    assert f"https://t.me/zhibu_test_bot?start={invite.token}" in created.text
    assert invite.max_uses == 50 and invite.org_id == tree.branch_a.id
    assert (invite.expires_at - invite.created_at).days == 7
    assert "Asia/Shanghai" in created.text

    revoke = buttons(created)[0][1]
    await harness.send(secretary.press(revoke))
    async with harness.uow() as u:
        assert (await u.session.scalars(select(Invite))).one().revoked_at is not None


async def test_forged_callbacks_change_nothing(harness: Harness) -> None:
    tree = await build_tree(harness.uow)
    secretary = Chatter(2001, "书记甲")
    forged = [
        InviteMakeCB(org_id=tree.branch_b.id, role=Role.MEMBER, uses=1, days=1).pack(),
        InviteMakeCB(org_id=tree.branch_a.id, role=Role.SECRETARY, uses=1, days=1).pack(),
        InviteMakeCB(org_id=tree.branch_a.id, role=Role.MEMBER, uses=999, days=1).pack(),
        InviteRoleCB(org_id=tree.committee.id, role=Role.ADMIN).pack(),
        OrgPickCB(purpose=NavPurpose.INVITE, org_id=tree.branch_b.id).pack(),
        OrgNavCB(purpose=NavPurpose.VIEW, org_id=tree.branch_b.id).pack(),
        OrgNavCB(purpose=NavPurpose.VIEW, org_id=987654).pack(),
    ]
    for data in forged:
        harness.session.clear()
        await harness.send(secretary.press(data))
        answer = harness.session.of_type(AnswerCallbackQuery)[-1]
        assert answer.show_alert is True, data
        assert harness.session.of_type(EditMessageText) == [], data
    async with harness.uow() as u:
        assert (await u.session.scalars(select(Invite))).all() == []


async def test_malformed_callback_data_is_answered(harness: Harness) -> None:
    await build_tree(harness.uow)
    for data in ["ivm:1:member", "join:abc:1", "nav:z:1:0", "", "x" * 64, "ivm:1:member:5:3:9"]:
        harness.session.clear()
        await harness.send(Chatter(2001, "书记甲").press(data))
        assert "失效" in harness.session.of_type(AnswerCallbackQuery)[-1].text


async def test_member_cannot_use_manager_commands(harness: Harness) -> None:
    await build_tree(harness.uow)
    core = harness.dp["i18n_middleware"].core
    denied = core.get("error-access-denied", "mn")
    member = Chatter(3001, "Bater", "mn")
    for command in ["/invite", "/requests", "/import", "/org"]:
        await harness.send(member.text(command))
        assert harness.session.sent(3001)[-1].text == denied, command
    assert any("\u1800" <= ch <= "\u18af" for ch in denied)


async def test_org_card_shows_who_is_who_within_scope(harness: Harness) -> None:
    tree = await build_tree(harness.uow)
    await harness.send(Chatter(2001, "书记甲").text("/org"))
    card = harness.session.sent(2001)[-1].text
    assert "哈业胡同嘎查党支部" in card and "党员巴特尔" in card and "小组长其其格" in card
    assert "书记乙" not in card
    await harness.send(Chatter(1001, "组织部王").text("/org"))
    admin_screen = harness.session.sent(1001)[-1]
    assert "书记乙" in admin_screen.text
    assert {t for t, _ in buttons(admin_screen)} >= {"▸ 北京路社区党支部", "▸ 哈业胡同嘎查党支部"}
    into_b = OrgNavCB(purpose=NavPurpose.VIEW, org_id=tree.branch_b.id).pack()
    await harness.send(Chatter(1001, "组织部王").press(into_b))
    assert "北京路社区党支部" in harness.session.of_type(EditMessageText)[-1].text


async def test_import_through_the_chat(harness: Harness) -> None:
    tree = await build_tree(harness.uow)
    secretary = Chatter(2001, "书记甲")
    await harness.send(secretary.text("/import"))
    template = harness.session.of_type(SendDocument)[-1]
    assert "xlsx" in template.document.filename

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["组织编码", "姓名", "手机", "角色"])
    sheet.append(["BA", "新党员一", "13800000001", "党员"])
    sheet.append(["BA-G1", "新党员二", "13800000002", "预备党员"])
    sheet.append(["BB", "别的支部", "13800000003", "党员"])
    sheet.append(["BA", "坏角色", "13800000004", "皇帝"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    harness.session.files["roster-1"] = buffer.getvalue()
    await harness.send(secretary.document("roster-1", "名册.xlsx", len(buffer.getvalue())))
    report = harness.session.sent(2001)[-1].text
    core = harness.dp["i18n_middleware"].core
    summary = core.get(
        "import-report-summary", "zh", created=2, updated=0, unchanged=0, rejected=2
    )
    assert report.splitlines()[0] == summary
    assert len(report.splitlines()) == 3  # one line per rejected row
    async with harness.uow() as u:
        names = set((await u.session.scalars(select(Person.display_name))).all())
        newcomer = (
            await u.session.scalars(select(Person).where(Person.display_name == "新党员二"))
        ).one()
        held = {(o.code, m.role) for m, o in await u.memberships.of_person(newcomer.id)}
    assert {"新党员一", "新党员二"} <= names and "别的支部" not in names and "坏角色" not in names
    assert held == {("BA-G1", Role.PROBATIONARY_MEMBER)}
    assert tree.branch_b.code == "BB"


async def test_import_refuses_oversized_and_wrong_files(harness: Harness) -> None:
    await build_tree(harness.uow)
    secretary = Chatter(2002, "书记乙", "zh")  # stored language (en) wins over the client's
    await harness.send(secretary.text("/import"))
    await harness.send(secretary.document("big", "roster.xlsx", 50 * 1024 * 1024))
    assert "too large" in harness.session.sent(2002)[-1].text
    harness.session.files["exe"] = b"MZ\x90\x00"
    await harness.send(secretary.document("exe", "roster.exe", 4))
    format_error = harness.session.sent(2002)[-1].text
    assert format_error == harness.dp["i18n_middleware"].core.get("import-error-format", "en")
    await harness.send(secretary.document("exe", "roster.xlsx", 4))  # lies about its type
    assert harness.session.sent(2002)[-1].text == format_error
    await harness.send(secretary.text("hello"))
    assert ".xlsx" in harness.session.sent(2002)[-1].text
    await harness.send(secretary.text("/cancel"))
    assert "Cancelled" in harness.session.sent(2002)[-1].text


async def test_unknown_text_and_stickers_get_a_hint(harness: Harness) -> None:
    await harness.send(Chatter(8001, "Nobody", "en").text("what is this"))
    assert "/help" in harness.session.sent(8001)[-1].text
    await harness.send(Chatter(8001, "Nobody", "en").photo_less_sticker())
    assert "/help" in harness.session.sent(8001)[-1].text


async def test_blocked_approver_does_not_undo_the_request(harness: Harness, clock) -> None:
    from datetime import timedelta

    from bot.services import invites
    from tests.factories import actor_of

    tree = await build_tree(harness.uow)
    harness.session.blocked.add(2001)
    admin = await actor_of(harness.uow, tree.admin)
    async with harness.uow() as u:
        invite, _ = await invites.create_invite(
            u, admin, tree.branch_a.id, Role.MEMBER, 1, timedelta(days=1), clock()
        )
    newcomer = Chatter(9601, "Q")
    await harness.send(newcomer.text(f"/start {invite.token}"))
    await harness.send(newcomer.text("青"))
    await harness.send(newcomer.text("跳过"))
    assert "申请已提交" in harness.session.sent(9601)[-1].text


async def test_start_greets_and_refreshes_the_personal_menu(harness: Harness) -> None:
    await build_tree(harness.uow)
    await harness.send(Chatter(2001, "书记甲").text("/start"))
    assert "书记甲" in harness.session.sent(2001)[-1].text
    menu = harness.session.of_type(SetMyCommands)[-1]
    assert isinstance(menu.scope, BotCommandScopeChat) and menu.scope.chat_id == 2001
    assert "invite" in {c.command for c in menu.commands}
    await harness.send(Chatter(8101, "New", "en").text("/start"))
    assert "invite link" in harness.session.sent(8101)[-1].text
    assert harness.session.of_type(SetMyCommands)[-1] is menu  # no personal menu for them


async def test_role_not_at_level_reason_is_localized(harness) -> None:
    await build_tree(harness.uow)
    secretary = Chatter(2001, "书记甲")
    await harness.send(secretary.text("/import"))
    workbook = openpyxl.Workbook()
    workbook.active.append(["组织编码", "姓名", "角色"])
    workbook.active.append(["BA", "某人", "党小组长"])  # a group role on a branch
    buffer = io.BytesIO()
    workbook.save(buffer)
    harness.session.files["r"] = buffer.getvalue()
    await harness.send(secretary.document("r", "名册.xlsx", len(buffer.getvalue())))
    report = harness.session.sent(2001)[-1].text
    assert "group_leader" not in report and "branch" not in report, report
    assert "党小组长" in report and "党支部" in report
