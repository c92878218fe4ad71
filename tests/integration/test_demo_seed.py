from __future__ import annotations

from sqlalchemy import func, select

from bot.demo import DEMO_FARMER_FEN, DEMO_ZONE, PERSONAS, seed
from bot.services import dues, guidance, invites, themed_day
from bot.services.dues_rules import DuesCalendar
from bot.services.roles import Role
from storage.models import Broadcast, GuidanceStatus
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
