"""What several benchmarks seed: a committee with one branch under it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.services.roles import Audience, Level, MeetingKind, SignInMethod
from storage.models import MeetingStatus, Organization
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


def meeting_row(
    number: int,
    org_id: int,
    kind: MeetingKind,
    starts: datetime,
    created_at: datetime,
    *,
    cancelled: bool,
) -> dict[str, Any]:
    """A branch meeting's row as the bulk builders of a city write it (tap sign-in only)."""
    return {
        "id": number,
        "org_id": org_id,
        "kind": kind,
        "title": f"{kind.value} {starts:%m-%d}",
        "starts_at": starts,
        "audience": Audience.BRANCH,
        "audience_org_id": org_id,
        "code": "1234",
        "methods": [SignInMethod.TAP.value],
        "reminder_minutes": [],
        "status": MeetingStatus.CANCELLED if cancelled else MeetingStatus.SCHEDULED,
        "created_at": created_at,
        "updated_at": created_at,
    }
