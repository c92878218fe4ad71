from __future__ import annotations

from sqlalchemy import func, select

from bot.demo import DEMO_FARMER_FEN, DEMO_ZONE, PERSONAS, seed
from bot.services import dues, guidance, invites, reports, themed_day
from bot.services.dues_rules import DuesCalendar
from bot.services.periods import Frequency, Period, month_index
from bot.services.roles import MeetingKind, Role
from storage.models import Broadcast, GuidanceStatus, Meeting
from tests.factories import actor_of

CALENDAR = DuesCalendar(dues_day=5, digest_days=7)  # the configured defaults


async def test_seed_is_repeatable_and_gives_every_persona_its_roles(uow, clock) -> None:
    async with uow() as u:
        first = await seed(u, clock())
    async with uow() as u:
        second = await seed(u, clock())
    assert first.invite_token == second.invite_token  # a live demo invite is reused
    async with uow() as u:
        assert await u.organizations.count() == 4
        for persona in PERSONAS:
            person = await u.people.by_telegram_id(persona.telegram_id)
            assert person is not None
            held = {(o.code, m.role) for m, o in await u.memberships.of_person(person.id)}
            assert held == set(persona.roles)
        newcomer = await u.people.by_telegram_id(100008)
        assert newcomer is not None
        preview = await invites.open_invite(u, newcomer.id, second.invite_token, clock())
        assert preview.role is Role.MEMBER and preview.org.code == "DEMO-HY"


async def test_seed_has_this_months_guidance_next_months_draft_and_a_lunar_day(uow, clock) -> None:
    for _ in range(2):
        async with uow() as u:
            await seed(u, clock())
    this = guidance.month_of(clock().astimezone(DEMO_ZONE).date())
    async with uow() as u:
        committee = await u.organizations.by_code("DEMO")
        pastoral = await u.organizations.by_code("DEMO-HY")
        assert committee is not None and pastoral is not None
        published = await u.guidance.by_month(committee.id, this)
        draft = await u.guidance.by_month(committee.id, guidance.next_month(this))
        assert published is not None and published.status is GuidanceStatus.PUBLISHED
        assert published.published_at is not None and published.published_at <= clock()
        assert draft is not None and draft.status is GuidanceStatus.DRAFT
        receipts = await u.guidance.receipts([published.id])
        assert len(receipts) == 2  # both demo branches, once each
        # history, not news: starting the demo queues no message
        assert await u.session.scalar(select(func.count(Broadcast.id))) == 0
        rule = themed_day.rule_of(pastoral)
        assert rule == themed_day.ThemedDay(themed_day.CalendarKind.LUNAR, 5)


async def test_seed_has_dues_history_once_with_the_herders_arrears(uow, clock) -> None:
    for _ in range(2):
        async with uow() as u:
            await seed(u, clock())
    async with uow() as u:
        herder = await u.people.by_telegram_id(100005)
        secretary = await u.people.by_telegram_id(100002)
        assert herder is not None and secretary is not None
        bater = await actor_of(uow, herder)
        account = await dues.account(u, bater, clock(), DEMO_ZONE, CALENDAR)
        # 0.5 yuan a month from the demo region's setting; only the oldest month paid
        assert account.profile is not None and account.profile.amount_fen == DEMO_FARMER_FEN
        assert (account.streak, account.owed_fen) == (5, 5 * DEMO_FARMER_FEN)
        assert len(await u.dues.profiles_of(herder.id)) == 1  # the second seed added nothing
        li = await dues.account(u, await actor_of(uow, secretary), clock(), DEMO_ZONE, CALENDAR)
        assert li.profile is not None and li.profile.amount_fen == 4_800  # 4,800 yuan × 1%
        assert (li.streak, li.unpaid) == (0, [])


async def test_seed_has_last_months_meetings_and_needs_for_the_report(uow, clock) -> None:
    """October 2026 (the clock is 21 November): the pastoral branch held its 支委会, 主题党日
    (the herder on leave), the yurt group's meeting and a 党课; a need was solved and rated
    4. Seeding twice adds nothing; nothing is queued."""
    for _ in range(2):
        async with uow() as u:
            await seed(u, clock())
    async with uow() as u:
        secretary = await u.people.by_telegram_id(100002)
        branch = await u.organizations.by_code("DEMO-HY")
        assert secretary is not None and branch is not None
        actor = await actor_of(uow, secretary)
        october = Period.containing(month_index(2026, 10), Frequency.MONTHLY)
        report = await reports.branch_report(u, actor, branch.id, october, clock(), DEMO_ZONE)
        held = {c.kind: (c.held, c.missed) for c in report.compliance if c.required}
        assert held == {
            MeetingKind.COMMITTEE_MEETING: (1, 0),
            MeetingKind.GROUP_MEETING: (1, 0),
            MeetingKind.THEMED_PARTY_DAY: (1, 0),
            MeetingKind.PARTY_LECTURE: (1, 0),  # the quarter's, held in October
        }
        # present / invited: 1/1, 3/4 (one on leave), 2/2, 3/4 (one absent)
        assert [(m.present, m.invited, m.on_leave) for m in report.meetings] == [
            (1, 1, 0),
            (3, 4, 1),
            (2, 2, 0),
            (3, 4, 0),
        ]
        assert (report.tickets.reported, report.tickets.resolved) == (1, 1)
        assert report.tickets.average_rating == 4
        assert await u.session.scalar(select(func.count(Meeting.id))) == 5
        assert await u.session.scalar(select(func.count(Broadcast.id))) == 0
