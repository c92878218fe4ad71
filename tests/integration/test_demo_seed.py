from __future__ import annotations

from bot.demo import PERSONAS, seed
from bot.services import invites
from bot.services.roles import Role


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
