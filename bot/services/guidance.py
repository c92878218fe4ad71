"""The monthly guidance (指引): a committee's admins write it, publish it (at once or on a
scheduled date) to every branch below, follow who acknowledged and held the 主题党日, and
the sweeps remind laggards and report who missed the deadline.

Nothing here sends a message: publishing, reminders and reports are broadcasts queued in
the outbox (bot/services/outbox.py); the delivery layer sends them with the renderers in
bot/renderers/guidance.py. Each generated broadcast carries a dedupe key, so it exists once
however often a sweep runs and across restarts.

Publishing writes two broadcasts: one to the branches' officers (secretaries and deputies,
with the acknowledge button) and, when the admin chose so, one to every other party member
of the subtree (no button). Two headers keep the renderer free of per-recipient lookups.
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.exc import IntegrityError

from bot.services import organizations, scope
from bot.services.access import Action, Actor, can, grant_allows, require
from bot.services.errors import AccessDenied, Conflict, InvalidInput, NotFound
from bot.services.meetings import PARTY_ROLES
from bot.services.outbox import enqueue, recipients_by_group, recipients_for, send_after
from bot.services.quiet_hours import QuietHours
from bot.services.roles import Level, Role
from storage.models import BroadcastKind, Guidance, GuidanceStatus, Organization
from storage.uow import UnitOfWork

MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")
THEME_MAX = 200
BODY_MAX = 3000
ACTIVITIES_MAX = 1500
MATERIALS_MAX = 10
MATERIAL_NAME_MAX = 100
URL_MAX = 500
OFFICER_ROLES = frozenset({Role.SECRETARY, Role.DEPUTY_SECRETARY})
# Published on the 1st at this local time unless the admin picks another moment.
PUBLISH_TIME = time(9, 0)
# Laggards are reminded from this local time on the day `days` before the deadline.
REMINDER_TIME = time(9, 0)
# Missed-deadline reports are written for deadlines up to this far back (a fresh install
# or a long outage does not dig out last year's months).
MISSED_LOOKBACK = timedelta(days=40)
MATERIAL_KINDS = ("link", "document", "photo")


class SaveMode(StrEnum):
    DRAFT = "draft"
    SCHEDULE = "schedule"
    PUBLISH = "publish"


# ----------------------------------------------------------------------------- months


def parse_month(month: str) -> tuple[int, int]:
    found = MONTH_PATTERN.match(month)
    if found is None or not 1 <= int(found.group(2)) <= 12:
        raise InvalidInput("guidance-error-month")
    return int(found.group(1)), int(found.group(2))


def month_bounds(month: str) -> tuple[date, date]:
    year, number = parse_month(month)
    return date(year, number, 1), date(year, number, calendar.monthrange(year, number)[1])


def month_of(moment: date) -> str:
    return f"{moment.year:04d}-{moment.month:02d}"


def next_month(month: str) -> str:
    year, number = parse_month(month)
    return f"{year + 1:04d}-01" if number == 12 else f"{year:04d}-{number + 1:02d}"


def default_publish_at(month: str, zone: ZoneInfo) -> datetime:
    """The 1st of the month, 09:00 in the committee's zone (as UTC)."""
    first, _ = month_bounds(month)
    return datetime.combine(first, PUBLISH_TIME, tzinfo=zone).astimezone(UTC)


def default_deadline(month: str) -> date:
    return month_bounds(month)[1]


def _end_of(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone).astimezone(UTC)


# ----------------------------------------------------------------------------- writing


@dataclass(frozen=True)
class Content:
    """What the admin wrote. Materials: {"kind": link|document|photo, "url" or "file_id",
    "name"}."""

    theme: str
    deadline: date
    publish_at: datetime
    body: str = ""
    activities: str = ""
    materials: tuple[dict[str, Any], ...] = ()
    to_members: bool = False


def _clean(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def check_material(material: dict[str, Any]) -> dict[str, Any]:
    kind = material.get("kind")
    name = " ".join(str(material.get("name") or "").split())[:MATERIAL_NAME_MAX]
    if kind == "link":
        url = str(material.get("url") or "").strip()
        if not re.match(r"^https?://\S+$", url) or len(url) > URL_MAX:
            raise InvalidInput("guidance-error-link")
        return {"kind": kind, "url": url, "name": name or url}
    if kind in ("document", "photo"):
        file_id = str(material.get("file_id") or "")
        if not file_id:
            raise InvalidInput("guidance-error-material")
        return {"kind": kind, "file_id": file_id, "name": name}
    raise InvalidInput("guidance-error-material")


def check_content(content: Content, month: str) -> Content:
    """Lengths, materials, a deadline inside the month, publishing before the deadline."""
    theme = " ".join(content.theme.split())
    if not theme or len(theme) > THEME_MAX:
        raise InvalidInput("guidance-error-theme", max=THEME_MAX)
    body, activities = _clean(content.body), _clean(content.activities)
    if len(body) > BODY_MAX:
        raise InvalidInput("guidance-error-body", max=BODY_MAX)
    if len(activities) > ACTIVITIES_MAX:
        raise InvalidInput("guidance-error-activities", max=ACTIVITIES_MAX)
    if len(content.materials) > MATERIALS_MAX:
        raise InvalidInput("guidance-error-materials", max=MATERIALS_MAX)
    check_deadline(content.deadline, month)
    return replace(
        content,
        theme=theme,
        body=body,
        activities=activities,
        materials=tuple(check_material(m) for m in content.materials),
    )


def check_deadline(deadline: date, month: str) -> date:
    first, last = month_bounds(month)
    if not first <= deadline <= last:
        raise InvalidInput("guidance-error-deadline", first=str(first), last=str(last))
    return deadline


async def committees_for(uow: UnitOfWork, actor: Actor) -> list[Organization]:
    """Committees whose guidance the actor writes (their admins; nested committees too)."""
    return await scope.reachable(uow, actor, Action.PUBLISH_GUIDANCE, {Level.COMMITTEE})


async def committee_for(uow: UnitOfWork, actor: Actor, committee_id: int) -> Organization:
    return await scope.get_at_level(
        uow, actor, Action.PUBLISH_GUIDANCE, committee_id, Level.COMMITTEE
    )


@dataclass(frozen=True)
class MonthEntry:
    month: str
    guidance: Guidance | None


async def months_for(
    uow: UnitOfWork, actor: Actor, committee_id: int, now: datetime, default_zone: ZoneInfo
) -> list[MonthEntry]:
    """This month, next month, and the committee's recent guidance, newest month first."""
    committee = await committee_for(uow, actor, committee_id)
    zone = organizations.zone_of(committee, default_zone)
    this = month_of(now.astimezone(zone).date())
    existing = {g.month: g for g in await uow.guidance.of_committee(committee.id, 6)}
    months = sorted({this, next_month(this), *existing}, reverse=True)
    return [MonthEntry(m, existing.get(m)) for m in months]


async def for_month(
    uow: UnitOfWork, actor: Actor, committee_id: int, month: str
) -> Guidance | None:
    committee = await committee_for(uow, actor, committee_id)
    parse_month(month)
    return await uow.guidance.by_month(committee.id, month)


async def save(
    uow: UnitOfWork,
    actor: Actor,
    committee_id: int,
    month: str,
    content: Content,
    mode: SaveMode,
    now: datetime,
    default_zone: ZoneInfo,
    quiet: QuietHours,
) -> Guidance:
    """Create or update the committee's guidance for `month`: a draft, scheduled for
    `publish_at`, or published now. Published guidance is final."""
    committee = await committee_for(uow, actor, committee_id)
    content = check_content(content, month)
    zone = organizations.zone_of(committee, default_zone)
    if mode is SaveMode.PUBLISH:
        content = replace(content, publish_at=now)
        if _end_of(content.deadline, zone) <= now:
            raise InvalidInput("guidance-error-deadline-past")
    elif mode is SaveMode.SCHEDULE:
        if content.publish_at <= now:
            raise InvalidInput("guidance-error-publish-past")
        if content.publish_at >= _end_of(content.deadline, zone):
            raise InvalidInput("guidance-error-publish-late")
    guidance = await uow.guidance.by_month(committee.id, month, lock=True)
    if guidance is not None and guidance.status is GuidanceStatus.PUBLISHED:
        raise Conflict("guidance-error-published")
    if guidance is None:
        guidance = Guidance(
            org_id=committee.id, month=month, created_by_id=actor.person_id, created_at=now
        )
    guidance.theme = content.theme
    guidance.body = content.body
    guidance.activities = content.activities
    guidance.materials = list(content.materials)
    guidance.deadline = content.deadline
    guidance.publish_at = content.publish_at
    guidance.to_members = content.to_members
    guidance.status = (
        GuidanceStatus.SCHEDULED if mode is SaveMode.SCHEDULE else GuidanceStatus.DRAFT
    )
    guidance.updated_at = now
    try:
        await uow.guidance.add(guidance)
    except IntegrityError:
        raise Conflict("guidance-error-conflict") from None
    if mode is SaveMode.PUBLISH:
        await _publish(uow, guidance, committee, now, zone, quiet, actor)
    await uow.commit()
    return guidance


# ----------------------------------------------------------------------------- publishing


def _payload(guidance: Guidance, committee: Organization) -> dict[str, Any]:
    return {
        "committee": committee.name,
        "month": guidance.month,
        "theme": guidance.theme,
        "body": guidance.body,
        "activities": guidance.activities,
        "deadline": guidance.deadline.isoformat(),
        "materials": list(guidance.materials),
    }


async def _publish(
    uow: UnitOfWork,
    guidance: Guidance,
    committee: Organization,
    now: datetime,
    zone: ZoneInfo,
    quiet: QuietHours,
    publisher: Actor | None = None,
) -> bool:
    """Receipts for every branch below, and the broadcasts; False if already published."""
    if not await uow.guidance.claim_publish(guidance.id, now, scheduled=publisher is None):
        return False
    guidance.status, guidance.published_at, guidance.updated_at = (
        GuidanceStatus.PUBLISHED,
        now,
        now,
    )
    branches = await uow.guidance.branches_under([committee.path])
    await uow.guidance.add_receipts(guidance.id, [b.id for b in branches])
    officers_by_branch = await uow.guidance.holders([b.id for b in branches], OFFICER_ROLES)
    officer_ids = {p for people in officers_by_branch.values() for p in people}
    payload = _payload(guidance, committee)
    not_before = send_after(now, zone, quiet, urgent=False)
    progress = publisher.telegram_id if publisher is not None else None
    await enqueue(
        uow,
        kind=BroadcastKind.GUIDANCE,
        org_id=committee.id,
        recipients=await recipients_for(uow, officer_ids),
        now=now,
        not_before=not_before,
        payload={**payload, "acknowledge": True},
        sender_id=guidance.created_by_id,
        guidance_id=guidance.id,
        dedupe_key=f"guidance:{guidance.id}:publish:officers",
        progress_chat_id=progress,
        progress_locale=publisher.language if publisher is not None else None,
    )
    if guidance.to_members:
        members = await uow.memberships.holders_under(committee, PARTY_ROLES)
        await enqueue(
            uow,
            kind=BroadcastKind.GUIDANCE,
            org_id=committee.id,
            recipients=await recipients_for(uow, {p.id for p in members} - officer_ids),
            now=now,
            not_before=not_before,
            payload={**payload, "acknowledge": False},
            sender_id=guidance.created_by_id,
            guidance_id=guidance.id,
            dedupe_key=f"guidance:{guidance.id}:publish:members",
        )
    return True


async def publish_due(
    uow: UnitOfWork, now: datetime, default_zone: ZoneInfo, quiet: QuietHours
) -> int:
    """The sweep: publish scheduled guidance whose moment has come. Returns how many."""
    published = 0
    due = list(await uow.guidance.due_to_publish(now))
    committees = await uow.organizations.by_ids(g.org_id for g in due)
    for guidance in due:
        committee = committees[guidance.org_id]
        zone = organizations.zone_of(committee, default_zone)
        published += await _publish(uow, guidance, committee, now, zone, quiet)
    await uow.commit()
    return published


# ----------------------------------------------------------------------------- acknowledging


@dataclass(frozen=True)
class Acknowledged:
    guidance: Guidance
    branches: list[Organization]


async def acknowledge(
    uow: UnitOfWork, actor: Actor, guidance_id: int, now: datetime
) -> Acknowledged:
    """An officer acknowledges the guidance for each branch of theirs still open; a second
    tap changes nothing and says so. Only a branch's own officers count: a general branch's
    secretary does not acknowledge for the branches below it."""
    guidance = await uow.guidance.get(guidance_id)
    if guidance is None or guidance.status is not GuidanceStatus.PUBLISHED:
        raise NotFound("guidance-error-gone")
    receipts = await uow.guidance.receipts([guidance.id])
    branches = await uow.organizations.by_ids(r.branch_id for r in receipts)
    mine = [
        r
        for r in receipts
        if r.branch_id in branches
        and any(
            grant.org_id == r.branch_id
            and grant_allows(grant, Action.ACKNOWLEDGE_GUIDANCE, branches[r.branch_id])
            for grant in actor.grants
        )
    ]
    if not mine:
        raise AccessDenied("guidance-error-not-officer")
    open_ids = [r.branch_id for r in mine if r.acknowledged_at is None]
    if not await uow.guidance.acknowledge(guidance.id, open_ids, actor.person_id, now):
        raise Conflict("guidance-error-acknowledged")
    if actor.person_id is not None:
        await uow.guidance.stamp_acknowledged(guidance.id, actor.person_id, now)
    await uow.commit()
    return Acknowledged(guidance, [branches[b] for b in open_ids])


async def materials_for(uow: UnitOfWork, actor: Actor, guidance_id: int) -> list[dict[str, Any]]:
    """The files of a published guidance, for someone it was sent to (or its admins)."""
    guidance = await uow.guidance.get(guidance_id)
    if guidance is None or guidance.status is not GuidanceStatus.PUBLISHED:
        raise NotFound("guidance-error-gone")
    committee = await uow.organizations.get(guidance.org_id)
    assert committee is not None
    allowed = can(actor, Action.PUBLISH_GUIDANCE, committee) or (
        actor.person_id is not None
        and await uow.guidance.received_guidance(guidance.id, actor.person_id)
    )
    if not allowed:
        raise AccessDenied()
    return [m for m in guidance.materials if m.get("kind") in ("document", "photo")]


# ----------------------------------------------------------------------------- meetings


@dataclass(frozen=True)
class MeetingFacts:
    """(branch id, month) pairs with a 主题党日 scheduled, and with one held."""

    scheduled: set[tuple[int, str]] = field(default_factory=set)
    held: set[tuple[int, str]] = field(default_factory=set)


async def _meeting_facts(
    uow: UnitOfWork,
    months: Iterable[str],
    branches: dict[int, Organization],
    default_zone: ZoneInfo,
    now: datetime,
) -> MeetingFacts:
    """Scheduled = a 主题党日 of the branch, not cancelled, starting in the month (the
    branch's zone). Held = such a meeting whose start has passed with at least one
    confirmed sign-in. One query for the meetings, one for the sign-ins."""
    wanted = set(months)
    if not wanted:
        return MeetingFacts()
    start = datetime.combine(min(month_bounds(m)[0] for m in wanted), time(0), tzinfo=UTC)
    end = datetime.combine(max(month_bounds(m)[1] for m in wanted), time(0), tzinfo=UTC)
    found = await uow.guidance.themed_meetings(start - timedelta(days=1), end + timedelta(days=2))
    attended = await uow.guidance.attended(m.id for m in found if m.starts_at <= now)
    facts = MeetingFacts()
    for meeting in found:
        branch = branches.get(meeting.org_id)
        if branch is None:
            continue
        local = meeting.starts_at.astimezone(organizations.zone_of(branch, default_zone))
        key = (branch.id, month_of(local.date()))
        if key[1] not in wanted:
            continue
        facts.scheduled.add(key)
        if meeting.starts_at <= now and meeting.id in attended:
            facts.held.add(key)
    return facts


# ----------------------------------------------------------------------------- reminders


def reminder_due_at(deadline: date, days_before: int, zone: ZoneInfo) -> datetime:
    local = datetime.combine(deadline - timedelta(days=days_before), REMINDER_TIME, tzinfo=zone)
    return local.astimezone(UTC)


async def send_reminders(
    uow: UnitOfWork,
    now: datetime,
    days_before: list[int],
    default_zone: ZoneInfo,
    quiet: QuietHours,
) -> int:
    """Queue GUIDANCE_REMINDER to the officers of every branch that has not acknowledged a
    published guidance or has no 主题党日 scheduled in its month, at each offset (days
    before the deadline, from 09:00 in the branch's zone) that came due after publishing.

    Exactly once per guidance, offset and branch (the dedupe key). After downtime only the
    nearest offset that came due is sent, and nothing once the deadline has passed.
    Returns how many reminders were queued.
    """
    offsets = sorted({d for d in days_before if d >= 0})
    if not offsets:
        return 0
    guidances = {
        g.id: g for g in await uow.guidance.published_since((now - timedelta(days=1)).date())
    }
    if not guidances:
        return 0
    committees = await uow.organizations.by_ids(g.org_id for g in guidances.values())
    branches = {
        b.id: b for b in await uow.guidance.branches_under(c.path for c in committees.values())
    }
    receipts = await uow.guidance.receipts(guidances)
    facts = await _meeting_facts(
        uow, {g.month for g in guidances.values()}, branches, default_zone, now
    )
    candidates: dict[str, tuple[Guidance, Organization, int, bool, bool]] = {}
    for receipt in receipts:
        guidance, branch = guidances[receipt.guidance_id], branches.get(receipt.branch_id)
        if branch is None or guidance.published_at is None:
            continue
        zone = organizations.zone_of(branch, default_zone)
        if now.astimezone(zone).date() > guidance.deadline:
            continue
        acknowledged = receipt.acknowledged_at is not None
        scheduled = (branch.id, guidance.month) in facts.scheduled
        if acknowledged and scheduled:
            continue
        due = [
            d
            for d in offsets
            if guidance.published_at < reminder_due_at(guidance.deadline, d, zone) <= now
        ]
        if due:
            key = f"guidance:{guidance.id}:remind:{min(due)}:branch:{branch.id}"
            candidates[key] = (guidance, branch, min(due), acknowledged, scheduled)
    if not candidates:
        return 0
    already = await uow.guidance.existing_dedupe_keys(candidates)
    fresh = {k: v for k, v in candidates.items() if k not in already}
    officers = await uow.guidance.holders({b.id for _, b, *_ in fresh.values()}, OFFICER_ROLES)
    reachable = await recipients_by_group(uow, officers)
    queued = 0
    for key, (guidance, branch, days, acknowledged, scheduled) in fresh.items():
        recipients = reachable.get(branch.id, [])
        if not recipients:
            continue
        zone = organizations.zone_of(branch, default_zone)
        added = await enqueue(
            uow,
            kind=BroadcastKind.GUIDANCE_REMINDER,
            org_id=branch.id,
            recipients=recipients,
            now=now,
            not_before=send_after(now, zone, quiet, urgent=False),
            payload={
                "committee": committees[guidance.org_id].name,
                "branch": branch.name,
                "month": guidance.month,
                "theme": guidance.theme,
                "deadline": guidance.deadline.isoformat(),
                "days": days,
                "acknowledged": acknowledged,
                "scheduled": scheduled,
            },
            guidance_id=guidance.id,
            dedupe_key=key,
        )
        queued += added is not None
    await uow.commit()
    return queued


async def send_missed_reports(
    uow: UnitOfWork, now: datetime, default_zone: ZoneInfo, quiet: QuietHours
) -> int:
    """After a guidance's deadline (the committee's zone), tell the committee's admins once
    which branches did not hold the 主题党日. Returns how many reports were queued."""
    recent = await uow.guidance.published_since((now - MISSED_LOOKBACK).date())
    committees = await uow.organizations.by_ids(g.org_id for g in recent)
    over = {
        f"guidance:{g.id}:missed": g
        for g in recent
        if now.astimezone(organizations.zone_of(committees[g.org_id], default_zone)).date()
        > g.deadline
    }
    if not over:
        return 0
    already = await uow.guidance.existing_dedupe_keys(over)
    fresh = {k: g for k, g in over.items() if k not in already}
    if not fresh:
        return 0
    branches = {
        b.id: b
        for b in await uow.guidance.branches_under(
            committees[g.org_id].path for g in fresh.values()
        )
    }
    receipts: dict[int, list[int]] = defaultdict(list)
    for receipt in await uow.guidance.receipts(g.id for g in fresh.values()):
        if receipt.branch_id in branches:
            receipts[receipt.guidance_id].append(receipt.branch_id)
    facts = await _meeting_facts(
        uow, {g.month for g in fresh.values()}, branches, default_zone, now
    )
    admins = await uow.guidance.holders({g.org_id for g in fresh.values()}, [Role.ADMIN])
    reachable = await recipients_by_group(uow, admins)
    queued = 0
    for key, guidance in fresh.items():
        recipients = reachable.get(guidance.org_id, [])
        if not recipients:
            continue
        committee = committees[guidance.org_id]
        missed = sorted(
            (branches[b] for b in receipts[guidance.id] if (b, guidance.month) not in facts.held),
            key=lambda o: o.path,
        )
        zone = organizations.zone_of(committee, default_zone)
        added = await enqueue(
            uow,
            kind=BroadcastKind.GUIDANCE_MISSED,
            org_id=committee.id,
            recipients=recipients,
            now=now,
            not_before=send_after(now, zone, quiet, urgent=False),
            payload={
                "committee": committee.name,
                "month": guidance.month,
                "theme": guidance.theme,
                "deadline": guidance.deadline.isoformat(),
                "total": len(receipts[guidance.id]),
                "missed": [b.name for b in missed],
            },
            guidance_id=guidance.id,
            dedupe_key=key,
        )
        queued += added is not None
    await uow.commit()
    return queued


# ----------------------------------------------------------------------------- coverage


@dataclass(frozen=True)
class BranchCoverage:
    branch: Organization
    reached: bool
    acknowledged: bool
    scheduled: bool
    held: bool


@dataclass(frozen=True)
class Coverage:
    guidance: Guidance
    committee: Organization
    rows: list[BranchCoverage]

    def count(self, name: str) -> int:
        return sum(bool(getattr(row, name)) for row in self.rows)


async def published_of(uow: UnitOfWork, actor: Actor, committee_id: int) -> list[Guidance]:
    """The committee's published guidance, newest month first (for /coverage)."""
    committee = await committee_for(uow, actor, committee_id)
    found = await uow.guidance.of_committee(committee.id, 12)
    return [g for g in found if g.status is GuidanceStatus.PUBLISHED]


async def coverage(
    uow: UnitOfWork, actor: Actor, guidance_id: int, now: datetime, default_zone: ZoneInfo
) -> Coverage:
    """Per branch: reached (a GUIDANCE message to one of its officers was delivered),
    acknowledged, 主题党日 scheduled, and held (see `_meeting_facts`)."""
    guidance = await uow.guidance.get(guidance_id)
    if guidance is None:
        raise NotFound()
    committee = await uow.organizations.get(guidance.org_id)
    assert committee is not None
    require(actor, Action.PUBLISH_GUIDANCE, committee)
    receipts = await uow.guidance.receipts([guidance.id])
    branches = await uow.organizations.by_ids(r.branch_id for r in receipts)
    officers = await uow.guidance.holders(branches, OFFICER_ROLES)
    sent = await uow.guidance.sent_guidance_to(guidance.id)
    facts = await _meeting_facts(uow, [guidance.month], branches, default_zone, now)
    rows = [
        BranchCoverage(
            branch=branches[r.branch_id],
            reached=bool(officers.get(r.branch_id, set()) & sent),
            acknowledged=r.acknowledged_at is not None,
            scheduled=(r.branch_id, guidance.month) in facts.scheduled,
            held=(r.branch_id, guidance.month) in facts.held,
        )
        for r in receipts
        if r.branch_id in branches
    ]
    rows.sort(key=lambda row: row.branch.path)
    return Coverage(guidance, committee, rows)
