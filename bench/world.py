"""What several benchmarks seed: a committee with one branch under it."""

from __future__ import annotations

from datetime import datetime

from bot.services.roles import Level
from storage.models import Organization
from storage.uow import UnitOfWork


async def committee_and_branch(
    uow: UnitOfWork, now: datetime, codes: tuple[str, str] = ("BENCH", "BENCH-1")
) -> tuple[Organization, Organization]:
    committee = await uow.organizations.add(
        Organization(
            code=codes[0],
            name="九原区委组织部",
            level=Level.COMMITTEE,
            settings={},
            created_at=now,
        ),
        None,
    )
    branch = await uow.organizations.add(
        Organization(
            code=codes[1],
            name="哈业胡同嘎查党支部",
            level=Level.BRANCH,
            parent_id=committee.id,
            settings={},
            created_at=now,
        ),
        committee,
    )
    return committee, branch
