"""Meetings (三会一课, 主题党日 ...): scheduling, invitations, leave, reminders, sign-in.

Every sign-in is judged by the moment the member signed (the message's own date), not
when it reached us: a voice note recorded in the valley inside the window still counts
when the signal brings it hours later.
"""

from __future__ import annotations

import math
import secrets
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.exc import IntegrityError

from bot.services import scope
from bot.services.access import Action, Actor, can, require, require_somewhere
from bot.services.errors import AccessDenied, Conflict, InvalidInput, NotFound
from bot.services.invites import Recipient
from bot.services.quiet_hours import QuietHours
from bot.services.roles import Audience, Level, MeetingKind, Role, SignInMethod
from storage.models import (
    Attendance,
    AttendanceStatus,
    Invitation,
    InvitationResponse,
    Meeting,
    MeetingReminder,
    MeetingStatus,
    Organization,
    Person,
)
from storage.uow import UnitOfWork

DEFAULT_REMINDERS = (24 * 60, 60)
DEFAULT_WINDOW = (30, 30)
CODE_DIGITS = 4
CODE_ATTEMPTS = 5
LOCATION_MAX_AGE = timedelta(minutes=5)
TITLE_MAX = 200
TEXT_MAX = 500

PARTY_ROLES = frozenset(
    {
        Role.SECRETARY,
        Role.DEPUTY_SECRETARY,
        Role.COMMITTEE_MEMBER,
        Role.GROUP_LEADER,
        Role.CENTRAL_HOUSEHOLD,
        Role.MEMBER,
        Role.PROBATIONARY_MEMBER,
    }
)
COMMITTEE_ROLES = frozenset({Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.COMMITTEE_MEMBER})


@dataclass(frozen=True)
class MeetingSpec:
    """What the scheduling flow collected."""

    org_id: int
    kind: MeetingKind
    title: str
    starts_at: datetime
    audience: Audience
    audience_org_id: int
    venue: str = ""
    latitude: float | None = None
    longitude: float | None = None
    radius_m: int = 500
    opens_before_min: int = DEFAULT_WINDOW[0]
    closes_after_min: int = DEFAULT_WINDOW[1]
    methods: frozenset[SignInMethod] = frozenset({SignInMethod.TAP})
    reminder_minutes: tuple[int, ...] = DEFAULT_REMINDERS
    voice_auto_approve: bool = False


@dataclass(frozen=True)
class MeetingNews:
    """A meeting and who should hear about it (scheduled, changed or cancelled)."""

    meeting: Meeting
    org: Organization
    recipients: list[Recipient]


def window(meeting: Meeting) -> tuple[datetime, datetime]:
    return (
        meeting.starts_at - timedelta(minutes=meeting.opens_before_min),
        meeting.starts_at + timedelta(minutes=meeting.closes_after_min),
    )


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), metres."""
    radius = 6_371_000.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * radius * math.asin(math.sqrt(a))


def reminder_times(
    starts_at: datetime, minutes: tuple[int, ...], zone: ZoneInfo, quiet: QuietHours, now: datetime
) -> list[tuple[int, datetime]]:
    """When each reminder goes out: `minutes` before the start, moved earlier out of quiet
    hours (never later, and never into the past)."""
    times = []
    for offset in sorted(set(minutes), reverse=True):
        local = (starts_at - timedelta(minutes=offset)).astimezone(zone)
        due = quiet.move_earlier(local)
        if due > now:
            times.append((offset, due))
    return times


# ----------------------------------------------------------------------------- scheduling


async def schedulable(uow: UnitOfWork, actor: Actor) -> list[Organization]:
    """Branches and groups where the actor may schedule meetings, the tree below included."""
    return await scope.reachable(uow, actor, Action.SCHEDULE_MEETING, {Level.BRANCH, Level.GROUP})


async def groups_of(uow: UnitOfWork, actor: Actor, org_id: int) -> list[Organization]:
    """The party groups of a branch the actor schedules for (a meeting's possible audiences)."""
    org = await uow.organizations.get(org_id)
    if org is None:
        raise NotFound()
    require(actor, Action.SCHEDULE_MEETING, org)
    return [o for o in await uow.organizations.children(org.id) if o.level is Level.GROUP]


VOICE_AUTO_APPROVE_SETTING = "voice_auto_approve"


def voice_auto_approve_default(org: Organization) -> bool:
    """A branch's standing choice (its `settings`): voice sign-ins approved at once, or
    reviewed by the secretary (the default)."""
    return bool(org.settings.get(VOICE_AUTO_APPROVE_SETTING, False))


def kinds_for(org: Organization) -> list[MeetingKind]:
    if org.level is Level.GROUP:
        return [MeetingKind.GROUP_MEETING, MeetingKind.OTHER]
    return [k for k in MeetingKind if k is not MeetingKind.GROUP_MEETING]


async def _check_spec(
    uow: UnitOfWork, actor: Actor, spec: MeetingSpec, now: datetime
) -> tuple[Organization, Organization]:
    org = await uow.organizations.get(spec.org_id)
    if org is None or org.level not in (Level.BRANCH, Level.GROUP):
        raise NotFound()
    require(actor, Action.SCHEDULE_MEETING, org)
    if spec.kind not in kinds_for(org):
        raise InvalidInput("meeting-error-kind")
    audience_org = await uow.organizations.get(spec.audience_org_id)
    if audience_org is None or not audience_org.path.startswith(org.path):
        raise InvalidInput("meeting-error-audience")
    wanted_level = Level.GROUP if spec.audience is Audience.GROUP else org.level
    if audience_org.level is not wanted_level or (
        spec.audience is not Audience.GROUP and audience_org.id != org.id
    ):
        raise InvalidInput("meeting-error-audience")
    if not spec.title.strip() or len(spec.title) > TITLE_MAX:
        raise InvalidInput("meeting-error-title", max=TITLE_MAX)
    if len(spec.venue) > TITLE_MAX:
        raise InvalidInput("meeting-error-venue", max=TITLE_MAX)
    if spec.starts_at <= now:
        raise InvalidInput("meeting-error-past")
    if spec.starts_at > now + timedelta(days=366):
        raise InvalidInput("meeting-error-too-far")
    if not spec.methods or SignInMethod.PROXY in spec.methods:
        raise InvalidInput("meeting-error-methods")
    if SignInMethod.LOCATION in spec.methods and (spec.latitude is None or spec.longitude is None):
        raise InvalidInput("meeting-error-location-needed")
    if not 20 <= spec.radius_m <= 50_000:
        raise InvalidInput("meeting-error-radius")
    if not (0 <= spec.opens_before_min <= 720 and 0 <= spec.closes_after_min <= 720):
        raise InvalidInput("meeting-error-window")
    return org, audience_org


async def _invitee_people(
    uow: UnitOfWork, audience: Audience, audience_org: Organization
) -> list[Person]:
    roles = COMMITTEE_ROLES if audience is Audience.COMMITTEE else PARTY_ROLES
    return list(await uow.memberships.holders_under(audience_org, roles))


def _recipients(people: list[Person]) -> list[Recipient]:
    return [Recipient(p.id, p.telegram_id, p.language) for p in people if p.telegram_id]


def _new_code() -> str:
    return "".join(str(secrets.randbelow(10)) for _ in range(CODE_DIGITS))


async def schedule(
    uow: UnitOfWork,
    actor: Actor,
    spec: MeetingSpec,
    now: datetime,
    zone: ZoneInfo,
    quiet: QuietHours,
) -> MeetingNews:
    org, audience_org = await _check_spec(uow, actor, spec, now)
    meeting = await uow.meetings.add(
        Meeting(
            org_id=org.id,
            kind=spec.kind,
            title=" ".join(spec.title.split()),
            starts_at=spec.starts_at,
            venue=spec.venue.strip(),
            latitude=spec.latitude,
            longitude=spec.longitude,
            radius_m=spec.radius_m,
            opens_before_min=spec.opens_before_min,
            closes_after_min=spec.closes_after_min,
            methods=sorted(m.value for m in spec.methods),
            audience=spec.audience,
            audience_org_id=audience_org.id,
            code=_new_code(),
            voice_auto_approve=spec.voice_auto_approve,
            reminder_minutes=sorted(set(spec.reminder_minutes), reverse=True),
            status=MeetingStatus.SCHEDULED,
            minutes="",
            minutes_photos=[],
            created_by_id=actor.person_id,
            created_at=now,
            updated_at=now,
        )
    )
    people = await _invitee_people(uow, spec.audience, audience_org)
    await uow.meetings.invite(
        Invitation(
            meeting_id=meeting.id,
            person_id=p.id,
            response=InvitationResponse.NONE,
            leave_reason="",
        )
        for p in people
    )
    await _plan_reminders(uow, meeting, zone, quiet, now)
    await uow.commit()
    return MeetingNews(meeting, org, _recipients(people))


async def _plan_reminders(
    uow: UnitOfWork, meeting: Meeting, zone: ZoneInfo, quiet: QuietHours, now: datetime
) -> None:
    times = reminder_times(meeting.starts_at, tuple(meeting.reminder_minutes), zone, quiet, now)
    await uow.meetings.replace_unsent_reminders(
        meeting.id,
        [MeetingReminder(meeting_id=meeting.id, minutes_before=o, due_at=d) for o, d in times],
    )


async def _managed(uow: UnitOfWork, actor: Actor, meeting_id: int) -> tuple[Meeting, Organization]:
    meeting = await uow.meetings.get(meeting_id)
    if meeting is None:
        raise NotFound()
    org = await uow.organizations.get(meeting.org_id)
    assert org is not None
    require(actor, Action.SCHEDULE_MEETING, org)
    return meeting, org


async def _invited_recipients(uow: UnitOfWork, meeting: Meeting) -> list[Recipient]:
    return _recipients([p for _, p in await uow.meetings.invitees(meeting.id)])


async def reschedule(
    uow: UnitOfWork,
    actor: Actor,
    meeting_id: int,
    starts_at: datetime,
    venue: str | None,
    now: datetime,
    zone: ZoneInfo,
    quiet: QuietHours,
) -> MeetingNews:
    """Move a meeting (and its venue); reminders not yet sent follow the new time.

    A new venue text drops the old map point, and with it location sign-in (tap takes its
    place if nothing else is left): a member at the new yurt must not be "too far" from
    the old one.
    """
    meeting, org = await _managed(uow, actor, meeting_id)
    if meeting.status is MeetingStatus.CANCELLED:
        raise Conflict("meeting-error-cancelled")
    if starts_at <= now:
        raise InvalidInput("meeting-error-past")
    if starts_at > now + timedelta(days=366):
        raise InvalidInput("meeting-error-too-far")
    meeting.starts_at = starts_at
    if venue is not None:
        if len(venue) > TITLE_MAX:
            raise InvalidInput("meeting-error-venue", max=TITLE_MAX)
        if venue.strip() != meeting.venue and meeting.latitude is not None:
            meeting.latitude = meeting.longitude = None
            methods = [m for m in meeting.methods if m != SignInMethod.LOCATION.value]
            meeting.methods = methods or [SignInMethod.TAP.value]
        meeting.venue = venue.strip()
    meeting.updated_at = now
    await _plan_reminders(uow, meeting, zone, quiet, now)
    await uow.commit()
    return MeetingNews(meeting, org, await _invited_recipients(uow, meeting))


async def cancel(uow: UnitOfWork, actor: Actor, meeting_id: int, now: datetime) -> MeetingNews:
    meeting, org = await _managed(uow, actor, meeting_id)
    if meeting.status is MeetingStatus.CANCELLED:
        raise Conflict("meeting-error-cancelled")
    meeting.status = MeetingStatus.CANCELLED
    meeting.updated_at = now
    await uow.meetings.replace_unsent_reminders(meeting.id, [])
    await uow.commit()
    return MeetingNews(meeting, org, await _invited_recipients(uow, meeting))


RECENT = timedelta(days=3)


async def upcoming(uow: UnitOfWork, actor: Actor, now: datetime, limit: int = 10) -> list[Meeting]:
    """Meetings the actor manages, from three days back (minutes and summaries are written
    after the meeting) to the future, oldest first (for /meetings)."""
    orgs = await schedulable(uow, actor)
    return list(await uow.meetings.upcoming_in([o.id for o in orgs], now - RECENT, limit))


# ----------------------------------------------------------------------------- leave


@dataclass(frozen=True)
class LeaveRequested:
    invitation: Invitation
    meeting: Meeting
    requester: Person
    managers: list[Recipient]


async def _invitation(
    uow: UnitOfWork, meeting_id: int, person_id: int
) -> tuple[Meeting, Invitation]:
    found = await uow.meetings.with_invitation(meeting_id, person_id)
    if found is None:
        raise NotFound()
    meeting, invitation = found
    if invitation is None:
        raise AccessDenied("meeting-error-not-invited")
    if meeting.status is MeetingStatus.CANCELLED:
        raise Conflict("meeting-error-cancelled")
    return meeting, invitation


async def attend(uow: UnitOfWork, person_id: int, meeting_id: int, now: datetime) -> Meeting:
    meeting, invitation = await _invitation(uow, meeting_id, person_id)
    if meeting.starts_at + timedelta(minutes=meeting.closes_after_min) < now:
        raise InvalidInput("meeting-error-over")
    invitation.response = InvitationResponse.ATTENDING
    invitation.responded_at = now
    await uow.commit()
    return meeting


async def managers_of(
    uow: UnitOfWork, meeting: Meeting, about: int | None = None
) -> list[Recipient]:
    """Who decides for this meeting: the nearest level with a secretary/deputy/group leader,
    leaving out `about` — nobody decides their own leave or voice sign-in."""
    org = await uow.organizations.get(meeting.org_id)
    assert org is not None
    ids = [int(part) for part in org.path.strip("/").split("/")]
    holders = await uow.memberships.holders(
        ids, [Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.GROUP_LEADER]
    )
    for org_id in reversed(ids):
        found = {
            p.id: Recipient(p.id, p.telegram_id, p.language)
            for p, m in holders
            if m.org_id == org_id
            and p.telegram_id is not None
            and p.id != about
            and (m.role is not Role.GROUP_LEADER or org_id == org.id)
        }
        if found:
            return list(found.values())
    return []


async def request_leave(
    uow: UnitOfWork, person_id: int, meeting_id: int, reason: str, now: datetime
) -> LeaveRequested:
    meeting, invitation = await _invitation(uow, meeting_id, person_id)
    reason = " ".join(reason.split())
    if not reason or len(reason) > TEXT_MAX:
        raise InvalidInput("leave-error-reason", max=TEXT_MAX)
    if meeting.starts_at + timedelta(minutes=meeting.closes_after_min) < now:
        raise InvalidInput("meeting-error-over")
    if await uow.meetings.attendance(meeting_id, person_id) is not None:
        raise Conflict("leave-error-signed-in")
    invitation.response = InvitationResponse.LEAVE_REQUESTED
    invitation.leave_reason = reason
    invitation.responded_at = now
    invitation.decided_by_id = None
    person = await uow.people.get(person_id)
    assert person is not None
    managers = await managers_of(uow, meeting, about=person_id)
    await uow.commit()
    return LeaveRequested(invitation, meeting, person, managers)


@dataclass(frozen=True)
class LeaveDecided:
    invitation: Invitation
    meeting: Meeting
    requester: Person
    approved: bool


async def decide_leave(
    uow: UnitOfWork, actor: Actor, invitation_id: int, approve: bool, now: datetime
) -> LeaveDecided:
    invitation = await uow.meetings.invitation_by_id(invitation_id)
    if invitation is None:
        raise NotFound()
    meeting, _ = await _managed(uow, actor, invitation.meeting_id)
    if invitation.person_id == actor.person_id:
        raise AccessDenied("meeting-error-own-decision")
    if invitation.response is not InvitationResponse.LEAVE_REQUESTED:
        raise Conflict("leave-error-decided")
    invitation.response = (
        InvitationResponse.LEAVE_APPROVED if approve else InvitationResponse.LEAVE_REJECTED
    )
    invitation.decided_by_id = actor.person_id
    person = await uow.people.get(invitation.person_id)
    assert person is not None
    await uow.commit()
    return LeaveDecided(invitation, meeting, person, approve)


# ----------------------------------------------------------------------------- sign-in


@dataclass(frozen=True)
class SignedIn:
    attendance: Attendance
    meeting: Meeting
    person: Person
    reviewers: list[Recipient] = field(default_factory=list)  # voice awaiting review


def _check_method(meeting: Meeting, method: SignInMethod) -> None:
    if method is not SignInMethod.PROXY and method.value not in meeting.methods:
        raise InvalidInput("signin-error-method")


def _check_window(meeting: Meeting, signed_at: datetime) -> None:
    opens, closes = window(meeting)
    if signed_at < opens:
        raise InvalidInput("signin-error-not-open")
    if signed_at > closes:
        raise InvalidInput("signin-error-closed")


async def _record(
    uow: UnitOfWork,
    meeting: Meeting,
    person_id: int,
    method: SignInMethod,
    signed_at: datetime,
    now: datetime,
    evidence: dict[str, Any],
    status: AttendanceStatus,
    replacing: Attendance | None,
    confirmed_by: int | None = None,
    proxy_by: int | None = None,
    note: str = "",
) -> Attendance:
    """One record per member and meeting: the caller has refused a second sign-in (see
    `_unsigned`); a rejected voice sign-in (`replacing`) gives way to the new attempt. A
    racing second sign-in fails on the unique key and changes nothing."""
    if replacing is not None:
        await uow.session.delete(replacing)
        await uow.session.flush()
    attendance = Attendance(
        meeting_id=meeting.id,
        person_id=person_id,
        method=method,
        signed_at=signed_at,
        recorded_at=now,
        evidence=evidence,
        status=status,
        confirmed_by_id=confirmed_by,
        proxy_by_id=proxy_by,
        note=note,
    )
    try:
        await uow.meetings.record(attendance)
    except IntegrityError:
        raise Conflict("signin-error-already") from None
    return attendance


async def _unsigned(uow: UnitOfWork, meeting_id: int, person_id: int) -> Attendance | None:
    """Refuses a second sign-in; returns the rejected voice sign-in a new one replaces."""
    existing = await uow.meetings.attendance(meeting_id, person_id)
    if existing is not None and existing.status is not AttendanceStatus.REJECTED:
        raise Conflict("signin-error-already")
    return existing


async def _signable(
    uow: UnitOfWork, person_id: int, meeting_id: int, method: SignInMethod, signed_at: datetime
) -> tuple[Meeting, Attendance | None]:
    """The meeting, if this person may sign in to it this way now, and the rejected sign-in
    the new one would replace."""
    meeting, _ = await _invitation(uow, meeting_id, person_id)
    _check_method(meeting, method)
    replacing = await _unsigned(uow, meeting_id, person_id)
    _check_window(meeting, signed_at)
    return meeting, replacing


async def _done(uow: UnitOfWork, attendance: Attendance, meeting: Meeting) -> SignedIn:
    person = await uow.people.get(attendance.person_id)
    assert person is not None
    await uow.commit()
    return SignedIn(attendance, meeting, person)


async def sign_in_tap(
    uow: UnitOfWork, person_id: int, meeting_id: int, signed_at: datetime, now: datetime
) -> SignedIn:
    meeting, replacing = await _signable(uow, person_id, meeting_id, SignInMethod.TAP, signed_at)
    attendance = await _record(
        uow,
        meeting,
        person_id,
        SignInMethod.TAP,
        signed_at,
        now,
        {},
        AttendanceStatus.CONFIRMED,
        replacing,
    )
    return await _done(uow, attendance, meeting)


def _ascii_digits(text: str) -> str:
    """The code as typed by any keyboard: full-width １２３４ and Mongolian ᠑᠒᠓᠔ digits are
    digits; anything else makes it a wrong code (never an error)."""
    digits = []
    for ch in text.strip():
        value = unicodedata.digit(ch, None)
        if value is None:
            return "x"
        digits.append(str(value))
    return "".join(digits)


async def check_signable(
    uow: UnitOfWork, person_id: int, meeting_id: int, method: SignInMethod, signed_at: datetime
) -> Meeting:
    """Whether this person could sign in this way now, before anything costly (a download)."""
    meeting, _ = await _signable(uow, person_id, meeting_id, method, signed_at)
    return meeting


async def sign_in_code(
    uow: UnitOfWork,
    person_id: int,
    meeting_id: int,
    code: str,
    signed_at: datetime,
    now: datetime,
) -> SignedIn:
    """A wrong code counts; after CODE_ATTEMPTS wrong ones the member must ask the secretary."""
    meeting, replacing = await _signable(uow, person_id, meeting_id, SignInMethod.CODE, signed_at)
    attempt = await uow.meetings.code_attempt(meeting_id, person_id)
    if attempt.failures >= CODE_ATTEMPTS:
        raise InvalidInput("signin-error-code-locked")
    if not secrets.compare_digest(_ascii_digits(code), meeting.code):
        attempt.failures += 1
        left = CODE_ATTEMPTS - attempt.failures
        await uow.commit()  # the failed attempt is kept even though we refuse
        if left <= 0:
            raise InvalidInput("signin-error-code-locked")
        raise InvalidInput("signin-error-code", left=left)
    attendance = await _record(
        uow,
        meeting,
        person_id,
        SignInMethod.CODE,
        signed_at,
        now,
        {},
        AttendanceStatus.CONFIRMED,
        replacing,
    )
    return await _done(uow, attendance, meeting)


async def sign_in_location(
    uow: UnitOfWork,
    person_id: int,
    meeting_id: int,
    latitude: float,
    longitude: float,
    signed_at: datetime,
    now: datetime,
    forwarded: bool,
) -> SignedIn:
    """Within the venue's radius, shared now: a forwarded or old location proves nothing."""
    if forwarded:
        raise InvalidInput("signin-error-forwarded")
    if now - signed_at > LOCATION_MAX_AGE:
        raise InvalidInput("signin-error-stale-location")
    meeting, replacing = await _signable(
        uow, person_id, meeting_id, SignInMethod.LOCATION, signed_at
    )
    if meeting.latitude is None or meeting.longitude is None:
        raise InvalidInput("signin-error-method")
    distance = distance_m(latitude, longitude, meeting.latitude, meeting.longitude)
    if distance > meeting.radius_m:
        raise InvalidInput(
            "signin-error-too-far", distance=round(distance), radius=meeting.radius_m
        )
    evidence = {"latitude": latitude, "longitude": longitude, "distance_m": round(distance)}
    attendance = await _record(
        uow,
        meeting,
        person_id,
        SignInMethod.LOCATION,
        signed_at,
        now,
        evidence,
        AttendanceStatus.CONFIRMED,
        replacing,
    )
    return await _done(uow, attendance, meeting)


async def sign_in_voice(
    uow: UnitOfWork,
    person_id: int,
    meeting_id: int,
    signed_at: datetime,
    now: datetime,
    evidence: dict[str, Any],
) -> SignedIn:
    """A checked voice note; reviewed by the secretary unless the meeting auto-approves."""
    meeting, replacing = await _signable(uow, person_id, meeting_id, SignInMethod.VOICE, signed_at)
    status = (
        AttendanceStatus.CONFIRMED
        if meeting.voice_auto_approve
        else AttendanceStatus.PENDING_REVIEW
    )
    attendance = await _record(
        uow, meeting, person_id, SignInMethod.VOICE, signed_at, now, evidence, status, replacing
    )
    reviewers = (
        [] if meeting.voice_auto_approve else await managers_of(uow, meeting, about=person_id)
    )
    signed = await _done(uow, attendance, meeting)
    return SignedIn(signed.attendance, signed.meeting, signed.person, reviewers)


async def proxy_candidates(
    uow: UnitOfWork, actor: Actor, meeting_id: int
) -> tuple[Meeting, list[Person]]:
    """Invitees the actor may sign in for: not yet signed in, inside the actor's groups.

    Only memberships inside the meeting's own audience count: a member who also belongs to
    another branch cannot be signed into this one by that branch's group leader.
    """
    meeting = await uow.meetings.get(meeting_id)
    if meeting is None:
        raise NotFound()
    audience = await uow.organizations.get(meeting.audience_org_id)
    assert audience is not None
    invited = await uow.meetings.invitees(meeting_id)
    signed = {
        a.person_id
        for a in await uow.meetings.attendances(meeting_id)
        if a.status is not AttendanceStatus.REJECTED  # a rejected voice may be replaced
    }
    memberships = {
        p.id: [
            (m, org)
            for m, org in await uow.memberships.of_person(p.id)
            if org.path.startswith(audience.path)
        ]
        for _, p in invited
    }
    people = [
        p
        for _, p in invited
        if p.id not in signed
        and p.id != actor.person_id
        and any(can(actor, Action.PROXY_SIGN_IN, org) for _, org in memberships[p.id])
    ]
    if not people and not any(
        can(actor, Action.PROXY_SIGN_IN, org) for ms in memberships.values() for _, org in ms
    ):
        raise AccessDenied()
    return meeting, people


async def proxy_meetings(uow: UnitOfWork, actor: Actor, now: datetime) -> list[Meeting]:
    """Meetings open for sign-in now where the actor has someone to sign in — whether or
    not the actor is invited (a secretary helping at a party group's meeting)."""
    roots = require_somewhere(actor, Action.PROXY_SIGN_IN)
    found = await uow.meetings.starting_under(
        [g.org_path for g in roots], now - timedelta(hours=12), now + timedelta(hours=12)
    )
    # A proxy's scope may sit below the meeting's organization (a group leader at a branch
    # meeting), so the meetings of the branches above the actor's groups count too.
    parents = {int(part) for g in roots for part in g.org_path.strip("/").split("/")[:-1]}
    above = await uow.meetings.starting_under(
        [
            o.path
            for o in (await uow.organizations.by_ids(parents)).values()
            if o.level is Level.BRANCH
        ],
        now - timedelta(hours=12),
        now + timedelta(hours=12),
    )
    choices: dict[int, Meeting] = {}
    for meeting in [*found, *above]:
        opens, closes = window(meeting)
        if not opens <= now <= closes or meeting.id in choices:
            continue
        try:
            _, people = await proxy_candidates(uow, actor, meeting.id)
        except AccessDenied:
            continue
        if people:
            choices[meeting.id] = meeting
    return sorted(choices.values(), key=lambda m: m.starts_at)


async def check_proxy_signable(
    uow: UnitOfWork, actor: Actor, meeting_id: int, person_id: int, now: datetime
) -> tuple[Meeting, Person]:
    """Whether the actor may sign this person in now: asked before the note is, so nobody
    writes a note for a meeting that was cancelled or has closed meanwhile."""
    meeting, candidates = await proxy_candidates(uow, actor, meeting_id)
    person = next((p for p in candidates if p.id == person_id), None)
    if person is None:
        if await uow.meetings.attendance(meeting_id, person_id) is not None:
            raise Conflict("signin-error-already")
        raise AccessDenied()
    if meeting.status is MeetingStatus.CANCELLED:
        raise Conflict("meeting-error-cancelled")
    _check_window(meeting, now)
    return meeting, person


async def sign_in_proxy(
    uow: UnitOfWork, actor: Actor, meeting_id: int, person_id: int, note: str, now: datetime
) -> SignedIn:
    """A group leader or central household signs in a neighbour without a phone."""
    meeting, _ = await check_proxy_signable(uow, actor, meeting_id, person_id, now)
    replacing = await _unsigned(uow, meeting_id, person_id)
    note = " ".join(note.split())[:TEXT_MAX]
    attendance = await _record(
        uow,
        meeting,
        person_id,
        SignInMethod.PROXY,
        now,
        now,
        {"proxy_person_id": actor.person_id},
        AttendanceStatus.CONFIRMED,
        replacing,
        confirmed_by=actor.person_id,
        proxy_by=actor.person_id,
        note=note,
    )
    return await _done(uow, attendance, meeting)


async def review_voice(
    uow: UnitOfWork, actor: Actor, attendance_id: int, approve: bool, now: datetime
) -> SignedIn:
    attendance = await uow.meetings.attendance_by_id(attendance_id)
    if attendance is None:
        raise NotFound()
    meeting, _ = await _managed(uow, actor, attendance.meeting_id)
    if attendance.person_id == actor.person_id:
        raise AccessDenied("meeting-error-own-decision")
    if attendance.status is not AttendanceStatus.PENDING_REVIEW:
        raise Conflict("signin-error-reviewed")
    attendance.status = AttendanceStatus.CONFIRMED if approve else AttendanceStatus.REJECTED
    attendance.confirmed_by_id = actor.person_id
    return await _done(uow, attendance, meeting)


async def open_for(uow: UnitOfWork, person_id: int, at: datetime) -> list[Meeting]:
    """Meetings whose sign-in window contains `at` for this invitee (for a bare location or
    voice note sent without pressing a button first)."""
    candidates = await uow.meetings.around(
        person_id, at - timedelta(hours=12), at + timedelta(hours=12)
    )
    return [m for m in candidates if window(m)[0] <= at <= window(m)[1]]


# ----------------------------------------------------------------------------- after


@dataclass(frozen=True)
class Summary:
    meeting: Meeting
    present: list[tuple[Person, Attendance]]
    pending: list[tuple[Person, Attendance]]
    on_leave: list[tuple[Person, Invitation]]
    leave_pending: list[tuple[Person, Invitation]]  # asked for leave, not yet decided
    absent: list[Person]


async def summary(uow: UnitOfWork, actor: Actor, meeting_id: int) -> Summary:
    meeting, _ = await _managed(uow, actor, meeting_id)
    attendances = {a.person_id: a for a in await uow.meetings.attendances(meeting_id)}
    present, pending, on_leave, leave_pending, absent = [], [], [], [], []
    for invitation, person in await uow.meetings.invitees(meeting_id):
        record = attendances.get(person.id)
        if record is not None and record.status is AttendanceStatus.CONFIRMED:
            present.append((person, record))
        elif record is not None and record.status is AttendanceStatus.PENDING_REVIEW:
            pending.append((person, record))
        elif invitation.response is InvitationResponse.LEAVE_APPROVED:
            on_leave.append((person, invitation))
        elif invitation.response is InvitationResponse.LEAVE_REQUESTED:
            leave_pending.append((person, invitation))
        else:
            absent.append(person)
    return Summary(meeting, present, pending, on_leave, leave_pending, absent)


async def add_minutes(
    uow: UnitOfWork,
    actor: Actor,
    meeting_id: int,
    text: str | None,
    photo: str | None,
    now: datetime,
) -> Meeting:
    meeting, _ = await _managed(uow, actor, meeting_id)
    if text:
        text = text.strip()
        if len(text) > 4000:
            raise InvalidInput("minutes-error-long", max=4000)
        meeting.minutes = f"{meeting.minutes}\n{text}".strip()
    if photo:
        meeting.minutes_photos = [*meeting.minutes_photos, photo]
    meeting.updated_at = now
    await uow.commit()
    return meeting


async def history(
    uow: UnitOfWork, person_id: int, limit: int = 20
) -> list[tuple[Meeting, Invitation, Attendance | None]]:
    return list(await uow.meetings.history(person_id, limit))


# ----------------------------------------------------------------------------- reminders


@dataclass(frozen=True)
class ReminderDue:
    meeting: Meeting
    org: Organization
    minutes_before: int
    recipients: list[Recipient]
    reminder_id: int


async def due_reminders(
    uow: UnitOfWork,
    now: datetime,
    quiet: QuietHours | None = None,
    default_zone: ZoneInfo | None = None,
    limit: int = 100,
) -> list[ReminderDue]:
    """`claim_due_reminders`, committed."""
    due = await claim_due_reminders(uow, now, quiet, default_zone, limit)
    await uow.commit()
    return due


async def claim_due_reminders(
    uow: UnitOfWork,
    now: datetime,
    quiet: QuietHours | None = None,
    default_zone: ZoneInfo | None = None,
    limit: int = 100,
) -> list[ReminderDue]:
    """Claim the reminders that are due (each exactly once) and say who gets them: invitees
    not on approved leave and not yet signed in. Not committed: the sweep commits the claims
    together with the outbox rows that carry them, so a crash loses neither.

    Reminders are planned outside quiet hours; one that falls due inside them anyway (the
    bot was down) waits for the morning, unless the meeting starts before then.
    """
    due: list[ReminderDue] = []
    for reminder in await uow.meetings.due_reminders(now, limit):
        meeting = await uow.meetings.get(reminder.meeting_id)
        if meeting is None:
            continue
        org = await uow.organizations.get(meeting.org_id)
        assert org is not None
        if quiet is not None and default_zone is not None:
            local = now.astimezone(ZoneInfo(org.timezone) if org.timezone else default_zone)
            if quiet.contains(local) and quiet.end_after(local) < meeting.starts_at:
                continue  # quiet now, and the morning is still early enough
        if not await uow.meetings.claim_reminder(reminder.id, now):
            continue
        if meeting.status is MeetingStatus.CANCELLED:
            continue
        signed = {a.person_id for a in await uow.meetings.attendances(meeting.id)}
        people = [
            p
            for i, p in await uow.meetings.invitees(meeting.id)
            if i.response is not InvitationResponse.LEAVE_APPROVED and p.id not in signed
        ]
        due.append(
            ReminderDue(meeting, org, reminder.minutes_before, _recipients(people), reminder.id)
        )
    return due
