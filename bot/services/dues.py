"""Party dues (党费) with storage: profiles, a member's account, reported and recorded
payments, the branch ledger the chat overview and the XLSX export both read, and the dues
settings changed from the chat (a branch's dues day, a committee's amount for farmers and
herders).

The arithmetic is in bot/services/dues_rules.py; this module decides who may do what, which
branch a member pays to, which months a payment may cover, and writes the rows. Months are
integers (bot/services/periods.py), counted in the branch's own time zone. Nothing here
sends a message: a step returns who must hear about it and the chat side tells them.

A payment is booked month by month in dues_credits only when it is confirmed: a member's
report waits for an officer, an officer's record is confirmed at once. The unique
(member, month) key on the credits means a month is never paid twice, whatever races.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, TypeGuard, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy.exc import IntegrityError

from bot.services import scope
from bot.services.access import POLICY, Action, Actor, can, require, scope_roots
from bot.services.dues_rules import (
    BASE_MAX_FEN,
    BASED,
    FARMER_MAX_FEN,
    FARMER_MIN_FEN,
    Assessed,
    Assessment,
    DuesCalendar,
    DuesCategory,
    allocate,
    arrears_streak,
    arrears_through,
    assess,
    due_in,
    dues_by_month,
    payable_months,
    unpaid_months,
    yuan,
)
from bot.services.errors import AccessDenied, Conflict, InvalidInput, NotFound
from bot.services.organizations import (
    DUES_DAY_SETTING,
    FARMER_DUES_SETTING,
    SETTING_CHECKS,
    set_setting,
    zone_of,
)
from bot.services.outbox import Recipient, recipient_of
from bot.services.periods import Frequency, Period, month_at, month_index, month_label
from bot.services.roles import Level
from storage.dues_repo import CreditRow, MemberRow, ProfileRow
from storage.models import DuesCredit, DuesPayment, DuesProfile, Organization, PaymentStatus
from storage.uow import UnitOfWork

PAYER_ROLES = POLICY[Action.PAY_DUES]  # the party roles: who pays, and who may be assessed
OFFICER_ROLES = POLICY[Action.RECORD_DUES]  # who confirms payments and gets the digest
REASON_MAX = 300
PAID_BY_MAX = 128
FILE_ID_MAX = 256
# A payment above a million yuan is a typo (and would not fit the amount column).
PAYMENT_MAX_FEN = 100_000_000
BATCH_MAX = 500  # members recorded in one go
MY_PAYMENTS = 10  # a member's latest payments shown
FIRST_MONTH = month_index(2000, 1)  # the earliest month a ledger is shown for


def labels(months: Iterable[int]) -> str:
    """ "2026-10, 2026-11": months as shown in texts and error messages."""
    return ", ".join(month_label(m) for m in sorted(months))


def _clean(text: str) -> str:
    return " ".join(text.split())


def _history(rows: Iterable[DuesProfile | ProfileRow]) -> list[Assessment]:
    return [Assessment(r.from_month, r.amount_fen) for r in rows]


def path_ids(path: str) -> list[int]:
    """ "/1/4/9/" → [1, 4, 9]: the root first, the organization itself last."""
    return [int(part) for part in path.strip("/").split("/") if part]


def nearest_setting(chain: Iterable[Mapping[str, Any] | None], key: str, default: int) -> int:
    """An integer organization setting ("dues_day", "dues_farmer_fen"): the first valid
    value along `chain` (the settings of the organization, then of each level above it),
    else the configured default. A value out of range (written around the settings
    service) is passed over, not trusted."""
    for settings in chain:
        value = (settings or {}).get(key)
        if _valid(value, key):
            return value
    return default


def _valid(value: object, key: str) -> TypeGuard[int]:
    """Whether an integer setting's value may be used (a JSON true is no day)."""
    return value is not None and not isinstance(value, bool) and SETTING_CHECKS[key](value)


R = TypeVar("R")


def nearest_reachable(path: str, reachable: Mapping[int, list[R]]) -> tuple[int, list[R]] | None:
    """Who hears about a branch's dues: the holders at the branch itself, or at the nearest
    level above with anyone reachable (a general branch's officers, a committee's admins),
    with that organization's id."""
    for org_id in reversed(path_ids(path)):
        found = reachable.get(org_id)
        if found:
            return org_id, found
    return None


# ----------------------------------------------------------------------------- whose branch


def payer_branch_ids(actor: Actor) -> list[int]:
    """The branches the actor is a party member of, in tree order: a party group's member
    belongs to the group's branch."""
    found: list[int] = []
    for grant in actor.grants:
        if grant.role not in PAYER_ROLES:
            continue
        ids = path_ids(grant.org_path)
        if grant.org_level is Level.BRANCH:
            found.append(ids[-1])
        elif grant.org_level is Level.GROUP and len(ids) >= 2:
            found.append(ids[-2])
    return list(dict.fromkeys(found))


def pays_dues(actor: Actor) -> bool:
    return actor.person_id is not None and bool(payer_branch_ids(actor))


async def _home_branch(
    uow: UnitOfWork, actor: Actor, profiles: Sequence[DuesProfile]
) -> Organization:
    """The branch a member pays to. A person with party roles in two branches (a transfer
    not yet finished, a member of an enterprise branch who also lives in a village) pays
    where the secretary last assessed them, if they still belong there; otherwise to the
    first of their branches in tree order, until a secretary assesses them."""
    ids = payer_branch_ids(actor)
    if actor.person_id is None or not ids:
        raise AccessDenied("dues-error-not-member")
    latest = profiles[-1].branch_id if profiles else None
    branch = await uow.organizations.get(latest if latest in ids else ids[0])
    if branch is None:
        raise NotFound()
    return branch


async def _officers(uow: UnitOfWork, branch: Organization) -> list[Recipient]:
    """Who confirms the branch's payments: its officers, or those of the nearest level above
    that has any reachable one (a general branch's); the dues cycle's digest goes to the
    same people."""
    reachable: dict[int, dict[int, Recipient]] = defaultdict(dict)
    for person, membership in await uow.memberships.holders(path_ids(branch.path), OFFICER_ROLES):
        recipient = recipient_of(person.id, person.telegram_id, person.language)
        if recipient is not None:
            reachable[membership.org_id][person.id] = recipient
    found = nearest_reachable(
        branch.path, {org_id: list(people.values()) for org_id, people in reachable.items()}
    )
    return found[1] if found else []


@dataclass(frozen=True)
class InForce:
    """An integer setting as it applies at an organization: its value, and the organization
    that sets it (None: the configured default)."""

    value: int
    source: Organization | None
    own: bool  # set at the organization itself, not inherited from above


async def _chain(uow: UnitOfWork, org: Organization) -> list[Organization]:
    """The organization and each level above it, nearest first (one statement)."""
    ids = path_ids(org.path)
    found = await uow.organizations.by_ids(ids)
    return [found[i] for i in reversed(ids) if i in found]


def _in_force(chain: Sequence[Organization], key: str, default: int) -> InForce:
    """The first valid value along `chain` (nearest_setting, with where it comes from)."""
    for org in chain:
        value = (org.settings or {}).get(key)
        if _valid(value, key):
            return InForce(value, org, org.id == chain[0].id)
    return InForce(default, None, False)


async def farmer_amount(uow: UnitOfWork, branch: Organization, default_fen: int) -> int:
    """The farmers' and herders' monthly amount: the nearest organization up the tree that
    sets it, else the configured default."""
    return _in_force(await _chain(uow, branch), FARMER_DUES_SETTING, default_fen).value


def _overdue(
    branch: Organization, day: int, now: datetime, zone: ZoneInfo, digest_days: int
) -> int:
    return arrears_through(now.astimezone(zone_of(branch, zone)), day, digest_days)


async def overdue_through(
    uow: UnitOfWork, branch: Organization, now: datetime, zone: ZoneInfo, calendar: DuesCalendar
) -> int:
    """The latest month in arrears if unpaid at the branch now: its own dues day (the
    nearest "dues_day" setting), its zone, the configured digest days."""
    day = _in_force(await _chain(uow, branch), DUES_DAY_SETTING, calendar.dues_day).value
    return _overdue(branch, day, now, zone, calendar.digest_days)


async def officer_branches(uow: UnitOfWork, actor: Actor) -> list[Organization]:
    """The branches whose ledger the actor reads (a committee's admins: every one below)."""
    return await scope.reachable(uow, actor, Action.VIEW_DUES, {Level.BRANCH})


def oversees_dues(actor: Actor) -> bool:
    return any(g.role in POLICY[Action.VIEW_DUES] for g in actor.grants)


async def branch_for(
    uow: UnitOfWork, actor: Actor, action: Action, branch_id: int
) -> Organization:
    return await scope.get_at_level(uow, actor, action, branch_id, Level.BRANCH)


def current_month(branch: Organization, now: datetime, zone: ZoneInfo) -> int:
    return month_at(now, zone_of(branch, zone))


# ----------------------------------------------------------------------------- the account


@dataclass(frozen=True)
class Standing:
    """A member's dues as far as paying goes: the branch they pay to, their profiles, the
    months booked and the reports waiting for an officer."""

    branch: Organization
    month: int  # the current month in the branch's zone
    profiles: list[DuesProfile]
    credits: dict[int, int]  # month → booked, every month paid
    pending: list[DuesPayment]

    @property
    def dues(self) -> dict[int, int]:
        """Month → due, from the first assessment to the end of the payment window."""
        if not self.profiles:
            return {}
        last = payable_months(self.month)[-1]
        return dues_by_month(_history(self.profiles), self.profiles[0].from_month, last)

    @property
    def choices(self) -> dict[int, int]:
        """Month → due: what a report may cover now, prepayment included."""
        waiting = {m for p in self.pending for m in p.months}
        dues = self.dues
        return {
            m: dues[m]
            for m in payable_months(self.month)
            if dues.get(m, 0) > 0 and m not in self.credits and m not in waiting
        }


async def _standing(uow: UnitOfWork, actor: Actor, now: datetime, zone: ZoneInfo) -> Standing:
    if actor.person_id is None:
        raise AccessDenied("dues-error-not-member")
    profiles = list(await uow.dues.profiles_of(actor.person_id))
    branch = await _home_branch(uow, actor, profiles)
    return Standing(
        branch=branch,
        month=current_month(branch, now, zone),
        profiles=profiles,
        credits=await uow.dues.credits_of(actor.person_id),
        pending=list(await uow.dues.pending_of(actor.person_id)),
    )


@dataclass(frozen=True)
class Account:
    """A member's own view: what they owe, what they may pay now, what waits for an officer."""

    branch: Organization
    month: int  # the current month in the branch's zone
    profile: DuesProfile | None  # in force this month
    paid_this_year: list[int]
    unpaid: list[int]  # every month up to this one with something due and no payment
    owed_fen: int
    payable: list[int]  # the unpaid months a payment may still cover (six back)
    streak: int  # months in arrears in a row (dues_rules.arrears_through: from the digest day)
    pending: list[DuesPayment]
    choices: dict[int, int]  # month → due: what a report may cover now, prepayment included


async def account(
    uow: UnitOfWork, actor: Actor, now: datetime, zone: ZoneInfo, calendar: DuesCalendar
) -> Account:
    """The member's own account: only their own data, at the branch their own PAY_DUES
    roles put them in. What is unpaid runs up to this month; the arrears streak only up to
    the last month whose digest day has come, as the cycle's warnings count it."""
    mine = await _standing(uow, actor, now, zone)
    month, credits = mine.month, mine.credits
    history = _history(mine.profiles)
    unpaid = unpaid_months(history, credits, month)
    dues = mine.dues
    in_force = [p for p in mine.profiles if p.from_month <= month]
    overdue = min(month, await overdue_through(uow, mine.branch, now, zone, calendar))
    return Account(
        branch=mine.branch,
        month=month,
        profile=in_force[-1] if in_force else None,
        paid_this_year=sorted(m for m in credits if m // 12 == month // 12),
        unpaid=unpaid,
        owed_fen=sum(dues[m] for m in unpaid),
        payable=[m for m in unpaid if m in payable_months(month)],
        streak=arrears_streak(
            history, max((m for m in credits if m <= overdue), default=None), overdue
        ),
        pending=mine.pending,
        choices=mine.choices,
    )


async def my_payments(uow: UnitOfWork, actor: Actor) -> tuple[Organization, list[DuesPayment]]:
    """The member's latest payments, newest first, with the branch whose zone dates them."""
    if actor.person_id is None:
        raise AccessDenied("dues-error-not-member")
    branch = await _home_branch(uow, actor, await uow.dues.profiles_of(actor.person_id))
    return branch, list(await uow.dues.payments_of(actor.person_id, MY_PAYMENTS))


# ----------------------------------------------------------------------------- reporting


@dataclass(frozen=True)
class Reported:
    payment: DuesPayment
    branch: Organization
    member: str
    dues: dict[int, int]  # month → due, at the time of the report
    officers: list[Recipient]


def check_months(standing: Standing, months: Iterable[int]) -> dict[int, int]:
    """The chosen months with their dues; each must be one the member may pay now."""
    chosen = sorted(set(months))
    if not chosen:
        raise InvalidInput("dues-error-no-months")
    choices = standing.choices
    waiting = {m for p in standing.pending for m in p.months}
    for month in chosen:
        if month in choices:
            continue
        if month in waiting:
            raise InvalidInput("dues-error-month-pending", month=month_label(month))
        if month in standing.credits:
            raise InvalidInput("dues-error-month-paid", month=month_label(month))
        raise InvalidInput("dues-error-month-window", month=month_label(month))
    return {m: choices[m] for m in chosen}


def check_amount(amount_fen: int, dues: dict[int, int]) -> dict[int, int]:
    """The payment's shares per month: at least what is due, the extra on the last month."""
    if amount_fen > PAYMENT_MAX_FEN:
        raise InvalidInput("dues-error-amount-large", max=yuan(PAYMENT_MAX_FEN))
    try:
        return allocate(amount_fen, dues)
    except ValueError:
        raise InvalidInput("dues-error-amount-low", total=yuan(sum(dues.values()))) from None


def _paid_by(text: str) -> str:
    paid_by = _clean(text)
    if len(paid_by) > PAID_BY_MAX:
        raise InvalidInput("dues-error-paid-by", max=PAID_BY_MAX)
    return paid_by


async def report_payment(
    uow: UnitOfWork,
    actor: Actor,
    months: Iterable[int],
    amount_fen: int,
    now: datetime,
    zone: ZoneInfo,
    receipt_file_id: str | None = None,
    paid_by: str = "",
) -> Reported:
    """The member says they paid: months that are unpaid, in the window, assessed and in no
    other pending report; at least their dues (more is a voluntary extra). An officer
    confirms it; until then nothing is booked."""
    mine = await _standing(uow, actor, now, zone)
    dues = check_months(mine, months)
    check_amount(amount_fen, dues)
    if receipt_file_id is not None and not 0 < len(receipt_file_id) <= FILE_ID_MAX:
        raise InvalidInput()
    assert actor.person_id is not None
    payment = DuesPayment(
        person_id=actor.person_id,
        branch_id=mine.branch.id,
        amount_fen=amount_fen,
        months=sorted(dues),
        paid_by=_paid_by(paid_by),
        receipt_file_id=receipt_file_id,
        status=PaymentStatus.REPORTED,
        reported_by_id=actor.person_id,
        reported_at=now,
        note="",
    )
    await uow.dues.add_payments([payment])
    officers = await _officers(uow, mine.branch)
    await uow.commit()
    return Reported(payment, mine.branch, actor.display_name, dues, officers)


# ----------------------------------------------------------------------------- deciding


@dataclass(frozen=True)
class PaymentView:
    payment: DuesPayment
    branch: Organization
    member: str
    dues: dict[int, int]  # month → due now (a month no longer assessed is left out)
    can_decide: bool


async def _payment_in_reach(
    uow: UnitOfWork, actor: Actor, payment_id: int, action: Action
) -> tuple[DuesPayment, Organization]:
    payment = await uow.dues.payment(payment_id)
    if payment is None:
        raise NotFound("dues-error-payment-gone")
    branch = await uow.organizations.get(payment.branch_id)
    if branch is None:
        raise NotFound("dues-error-payment-gone")
    require(actor, action, branch)
    return payment, branch


def _already(payment: DuesPayment) -> Conflict:
    if payment.status is PaymentStatus.CONFIRMED:
        return Conflict("dues-error-already-confirmed")
    return Conflict("dues-error-already-rejected")


async def view_payment(uow: UnitOfWork, actor: Actor, payment_id: int) -> PaymentView:
    """A payment as an officer (or a committee's admin) sees it."""
    payment, branch = await _payment_in_reach(uow, actor, payment_id, Action.VIEW_DUES)
    profiles = await uow.dues.profiles_of(payment.person_id)
    history = _history(profiles)
    dues = {m: d for m in payment.months if (d := due_in(history, m)) is not None}
    member = await uow.people.get(payment.person_id)
    return PaymentView(
        payment,
        branch,
        member.display_name if member else "—",
        dues,
        payment.status is PaymentStatus.REPORTED and can(actor, Action.RECORD_DUES, branch),
    )


async def receipt_of(uow: UnitOfWork, actor: Actor, payment_id: int) -> str:
    """The receipt photo of a payment, for its member or the branch's officers."""
    payment = await uow.dues.payment(payment_id)
    if payment is None or payment.receipt_file_id is None:
        raise NotFound("dues-error-payment-gone")
    if payment.person_id != actor.person_id:
        await _payment_in_reach(uow, actor, payment_id, Action.VIEW_DUES)
    return payment.receipt_file_id


async def check_decidable(uow: UnitOfWork, actor: Actor, payment_id: int) -> DuesPayment:
    """Before asking an officer why they reject: the report is theirs and still open."""
    payment, _ = await _payment_in_reach(uow, actor, payment_id, Action.RECORD_DUES)
    if payment.status is not PaymentStatus.REPORTED:
        raise _already(payment)
    return payment


@dataclass(frozen=True)
class Decided:
    payment: DuesPayment
    branch: Organization
    member: Recipient | None  # None: not on Telegram
    shares: dict[int, int] = field(default_factory=dict)  # month → booked, when confirmed


async def member_name(uow: UnitOfWork, person_id: int) -> str:
    """The name a payment's member is shown by ("—" once they are gone)."""
    person = await uow.people.get(person_id)
    return person.display_name if person else "—"


async def _member_recipient(uow: UnitOfWork, person_id: int) -> Recipient | None:
    person = await uow.people.get(person_id)
    return recipient_of(person.id, person.telegram_id, person.language) if person else None


async def confirm_payment(
    uow: UnitOfWork, actor: Actor, payment_id: int, now: datetime
) -> Decided:
    """An officer confirms a report: its months are booked. A second confirmation (a double
    tap, another officer) changes nothing and says it was decided; a month paid meanwhile
    (an officer recorded it) fails the confirmation with the months named."""
    payment, branch = await _payment_in_reach(uow, actor, payment_id, Action.RECORD_DUES)
    if payment.status is not PaymentStatus.REPORTED:
        raise _already(payment)
    if not await uow.dues.decide(payment, PaymentStatus.CONFIRMED, actor.person_id, now):
        raise _already(payment)
    credits = await uow.dues.credits_of(payment.person_id)
    paid = [m for m in payment.months if m in credits]
    if paid:
        raise Conflict("dues-error-confirm-paid", months=labels(paid))
    history = _history(await uow.dues.profiles_of(payment.person_id))
    dues = {m: due_in(history, m) or 0 for m in payment.months}
    if not dues or not all(dues.values()):
        raise Conflict("dues-error-confirm-not-due")
    try:
        shares = allocate(payment.amount_fen, dues)
    except ValueError:
        raise Conflict("dues-error-confirm-amount", total=yuan(sum(dues.values()))) from None
    try:
        await uow.dues.add_credits(
            DuesCredit(
                payment_id=payment.id,
                person_id=payment.person_id,
                branch_id=payment.branch_id,
                month=month,
                amount_fen=share,
            )
            for month, share in shares.items()
        )
    except IntegrityError:
        raise Conflict("dues-error-confirm-paid", months=labels(payment.months)) from None
    member = await _member_recipient(uow, payment.person_id)
    await uow.commit()
    return Decided(payment, branch, member, shares)


async def reject_payment(
    uow: UnitOfWork, actor: Actor, payment_id: int, reason: str, now: datetime
) -> Decided:
    """An officer rejects a report with a reason the member is told; nothing is booked."""
    note = _clean(reason)
    if not note or len(note) > REASON_MAX:
        raise InvalidInput("dues-error-reason", max=REASON_MAX)
    payment, branch = await _payment_in_reach(uow, actor, payment_id, Action.RECORD_DUES)
    if payment.status is not PaymentStatus.REPORTED:
        raise _already(payment)
    if not await uow.dues.decide(payment, PaymentStatus.REJECTED, actor.person_id, now, note):
        raise _already(payment)
    member = await _member_recipient(uow, payment.person_id)
    await uow.commit()
    return Decided(payment, branch, member)


async def pending_reports(
    uow: UnitOfWork, actor: Actor, branch_id: int
) -> list[tuple[DuesPayment, str]]:
    """Reports waiting for the branch's officers, oldest first, with the members' names."""
    branch = await branch_for(uow, actor, Action.RECORD_DUES, branch_id)
    return await uow.dues.branch_pending(branch.id)


# ----------------------------------------------------------------------------- profiles


@dataclass(frozen=True)
class ProfileDraft:
    """What the secretary entered: a category, a base (BASED categories), and optionally a
    reduced amount (0 = exempt) with the reason."""

    category: DuesCategory
    base_fen: int | None = None
    reduced_fen: int | None = None
    reason: str = ""


@dataclass(frozen=True)
class ProfilePreview:
    member: str
    draft: ProfileDraft
    assessed: Assessed


def _assess(draft: ProfileDraft, farmer_fen: int) -> tuple[ProfileDraft, Assessed]:
    """Check the draft and compute the amount; a draft normalized (no base where none
    applies, the reason trimmed)."""
    base = draft.base_fen
    if draft.category in BASED:
        if base is None:
            raise InvalidInput("dues-error-base-missing")
        if not 0 <= base <= BASE_MAX_FEN:
            raise InvalidInput("dues-error-base-range", max=yuan(BASE_MAX_FEN))
    else:
        base = 0
    reason = _clean(draft.reason)
    if draft.reduced_fen is not None and draft.reduced_fen > PAYMENT_MAX_FEN:
        raise InvalidInput("dues-error-reduction", max=yuan(PAYMENT_MAX_FEN))
    if draft.reduced_fen is None:
        if draft.category is DuesCategory.HARDSHIP:
            raise InvalidInput("dues-error-hardship")
        reason = ""
    elif not reason or len(reason) > REASON_MAX:
        raise InvalidInput("dues-error-reason", max=REASON_MAX)
    # A base that gives nothing (0, or under 1 yuan) is a typo, and would exempt the member
    # without the reason an exemption must have on record (a hardship base only caps).
    if (
        draft.category in BASED
        and draft.category is not DuesCategory.HARDSHIP
        and assess(draft.category, base, farmer_fen).rule_fen == 0
    ):
        raise InvalidInput("dues-error-base-zero")
    try:
        assessed = assess(draft.category, base, farmer_fen, draft.reduced_fen)
    except ValueError:
        rule = assess(draft.category, base, farmer_fen, 0).rule_fen
        raise InvalidInput("dues-error-reduction", max=yuan(rule)) from None
    normalized = ProfileDraft(draft.category, base, draft.reduced_fen, reason)
    return normalized, assessed


async def _preview(
    uow: UnitOfWork,
    branch: Organization,
    person_id: int,
    draft: ProfileDraft,
    default_farmer_fen: int,
) -> ProfilePreview:
    if not await uow.dues.is_member(person_id, branch, PAYER_ROLES):
        raise NotFound("dues-error-member")
    normalized, assessed = _assess(draft, await farmer_amount(uow, branch, default_farmer_fen))
    person = await uow.people.get(person_id)
    return ProfilePreview(person.display_name if person else "—", normalized, assessed)


async def preview_profile(
    uow: UnitOfWork,
    actor: Actor,
    branch_id: int,
    person_id: int,
    draft: ProfileDraft,
    default_farmer_fen: int,
) -> ProfilePreview:
    """What a profile would say, before the secretary saves it (ASSESS_DUES)."""
    branch = await branch_for(uow, actor, Action.ASSESS_DUES, branch_id)
    return await _preview(uow, branch, person_id, draft, default_farmer_fen)


async def set_profile(
    uow: UnitOfWork,
    actor: Actor,
    branch_id: int,
    person_id: int,
    draft: ProfileDraft,
    now: datetime,
    zone: ZoneInfo,
    default_farmer_fen: int,
) -> DuesProfile:
    """The secretary sets what a member owes from the current month on (the branch's zone).
    Earlier months keep what was due then; a second change in the same month rewrites
    this month's row. Who set it and when is recorded."""
    branch = await branch_for(uow, actor, Action.ASSESS_DUES, branch_id)
    preview = await _preview(uow, branch, person_id, draft, default_farmer_fen)
    month = current_month(branch, now, zone)
    profile = await uow.dues.profile_from(person_id, month) or DuesProfile(
        person_id=person_id, from_month=month
    )
    profile.branch_id = branch.id
    profile.category = preview.draft.category
    profile.base_fen = preview.draft.base_fen or 0
    profile.rule_fen = preview.assessed.rule_fen
    profile.amount_fen = preview.assessed.amount_fen
    profile.reason = preview.draft.reason
    profile.set_by_id = actor.person_id
    profile.set_at = now
    try:
        await uow.dues.add_profile(profile)
    except IntegrityError:  # another officer saved this month's row a moment ago
        raise Conflict("dues-error-race") from None
    await uow.commit()
    return profile


async def assess_choices(uow: UnitOfWork, actor: Actor, branch_id: int) -> list[MemberRow]:
    """The branch's party members (groups included) a secretary may assess, by name."""
    branch = await branch_for(uow, actor, Action.ASSESS_DUES, branch_id)
    return await uow.dues.party_members(branch, PAYER_ROLES)


# ----------------------------------------------------------------------------- the ledger


@dataclass(frozen=True)
class MemberMonth:
    """One member's line of a month: the ledger's month sheet and the chat overview."""

    person_id: int
    name: str
    category: DuesCategory
    due_fen: int
    paid_fen: int  # booked on this month (a voluntary extra included)
    paid: bool
    paid_on: date | None  # when the payment was made, in the branch's zone
    # Arrears up to this month, or up to the last month in arrears when this one's digest
    # day has not come yet (dues_rules.arrears_through): every unpaid month of the member's
    # history, what they come to, and how many in a row (the digest's and warnings' count).
    arrears_months: int
    arrears_fen: int
    streak: int


@dataclass(frozen=True)
class MonthSheet:
    month: int
    lines: list[MemberMonth]

    @property
    def due_fen(self) -> int:
        return sum(line.due_fen for line in self.lines)

    @property
    def paid_fen(self) -> int:
        return sum(line.paid_fen for line in self.lines)

    @property
    def paid_count(self) -> int:
        return sum(line.paid for line in self.lines)

    @property
    def arrears_months(self) -> int:
        return sum(line.arrears_months for line in self.lines)

    @property
    def arrears_fen(self) -> int:
        return sum(line.arrears_fen for line in self.lines)

    @property
    def unpaid(self) -> list[MemberMonth]:
        return [line for line in self.lines if line.due_fen > 0 and not line.paid]


@dataclass(frozen=True)
class MemberYear:
    """One member's row of the year sheet: due (months counted so far) and paid per month."""

    person_id: int
    name: str
    due: dict[int, int]
    paid: dict[int, int]
    arrears_months: int  # at the year's end, or now (in arrears so far) for the current year
    arrears_fen: int

    @property
    def due_fen(self) -> int:
        return sum(self.due.values())

    @property
    def paid_fen(self) -> int:
        return sum(self.paid.values())


@dataclass(frozen=True)
class YearSheet:
    year: int
    months: list[int]  # the twelve months
    last: int  # the last month counted as due: December, or the current month
    lines: list[MemberYear]

    def due_in(self, month: int) -> int:
        return sum(line.due.get(month, 0) for line in self.lines)

    def paid_in(self, month: int) -> int:
        return sum(line.paid.get(month, 0) for line in self.lines)

    @property
    def due_fen(self) -> int:
        return sum(line.due_fen for line in self.lines)

    @property
    def paid_fen(self) -> int:
        return sum(line.paid_fen for line in self.lines)

    @property
    def arrears_fen(self) -> int:
        return sum(line.arrears_fen for line in self.lines)


@dataclass(frozen=True)
class Ledger:
    """A branch's dues for one month and its year: what /dues shows and the XLSX holds."""

    branch: Organization
    current: int  # the current month in the branch's zone
    month: MonthSheet
    year: YearSheet
    unassessed: list[str]  # party members without any dues profile
    pending: int  # reports waiting for an officer
    dues_day: InForce  # the branch's dues day, its own or from above


class _Member:
    """One member's profile history and paid months, for the ledger's arithmetic."""

    def __init__(self, rows: list[ProfileRow], credits: list[CreditRow]) -> None:
        self.rows = rows
        self.name = rows[-1].name
        self.history = _history(rows)
        self.credits = {c.month: c for c in credits}

    def row_at(self, month: int) -> ProfileRow | None:
        found = None
        for row in self.rows:
            if row.from_month > month:
                break
            found = row
        return found

    def arrears(self, through: int) -> tuple[int, int]:
        """How many unpaid months up to `through`, and what they come to."""
        unpaid = unpaid_months(self.history, self.credits, through)
        return len(unpaid), sum(due_in(self.history, m) or 0 for m in unpaid)

    def streak(self, through: int) -> int:
        last_paid = max((m for m in self.credits if m <= through), default=None)
        return arrears_streak(self.history, last_paid, through)


async def _members(uow: UnitOfWork, branch_id: int) -> dict[int, _Member]:
    """Everybody ever assessed at the branch, in two statements."""
    rows: dict[int, list[ProfileRow]] = defaultdict(list)
    for row in await uow.dues.branch_profiles(branch_id):
        rows[row.person_id].append(row)
    credits: dict[int, list[CreditRow]] = defaultdict(list)
    for credit in await uow.dues.branch_credits(branch_id):
        credits[credit.person_id].append(credit)
    return {person_id: _Member(found, credits[person_id]) for person_id, found in rows.items()}


def _month_sheet(
    members: dict[int, _Member], branch_id: int, month: int, zone: ZoneInfo, overdue: int
) -> MonthSheet:
    """The month's lines; arrears counted up to the month or `overdue`, the earlier."""
    through = min(month, overdue)
    lines = []
    for person_id, member in members.items():
        row = member.row_at(month)
        if row is None or row.branch_id != branch_id:
            continue
        credit = member.credits.get(month)
        arrears_months, arrears_fen = member.arrears(through)
        lines.append(
            MemberMonth(
                person_id=person_id,
                name=member.name,
                category=row.category,
                due_fen=row.amount_fen,
                paid_fen=credit.amount_fen if credit else 0,
                paid=credit is not None,
                paid_on=credit.paid_at.astimezone(zone).date() if credit else None,
                arrears_months=arrears_months,
                arrears_fen=arrears_fen,
                streak=member.streak(through),
            )
        )
    lines.sort(key=lambda line: (line.name, line.person_id))
    return MonthSheet(month, lines)


def _year_sheet(
    members: dict[int, _Member], branch_id: int, year: int, current: int, overdue: int
) -> YearSheet:
    months = [month_index(year, number) for number in range(1, 13)]
    last = min(months[-1], current)
    lines = []
    for person_id, member in members.items():
        mine = [m for m in months if (row := member.row_at(m)) and row.branch_id == branch_id]
        if not any(m <= last for m in mine):
            continue
        due = {m: r.amount_fen for m in mine if m <= last and (r := member.row_at(m))}
        paid = {m: member.credits[m].amount_fen for m in mine if m in member.credits}
        arrears_months, arrears_fen = member.arrears(min(last, overdue))
        lines.append(MemberYear(person_id, member.name, due, paid, arrears_months, arrears_fen))
    lines.sort(key=lambda line: (line.name, line.person_id))
    return YearSheet(year, months, last, lines)


async def branch_ledger(
    uow: UnitOfWork,
    actor: Actor,
    branch_id: int,
    month: int | None,
    now: datetime,
    zone: ZoneInfo,
    calendar: DuesCalendar,
) -> Ledger:
    """The branch's month (default: the current one) and its year, read with a fixed number
    of statements whatever the number of members (VIEW_DUES). Only months up to the current
    one can be shown. Arrears count as in the member's account and the cycle's digest."""
    branch = await branch_for(uow, actor, Action.VIEW_DUES, branch_id)
    local = zone_of(branch, zone)
    current = month_at(now, local)
    shown = current if month is None else month
    if not FIRST_MONTH <= shown <= current:
        raise InvalidInput("dues-error-ledger-month")
    day = _in_force(await _chain(uow, branch), DUES_DAY_SETTING, calendar.dues_day)
    overdue = _overdue(branch, day.value, now, zone, calendar.digest_days)
    members = await _members(uow, branch.id)
    pending = len(await uow.dues.branch_pending(branch.id))
    return Ledger(
        branch=branch,
        current=current,
        month=_month_sheet(members, branch.id, shown, local, overdue),
        year=_year_sheet(members, branch.id, shown // 12, current, overdue),
        unassessed=await uow.dues.unassessed(branch, PAYER_ROLES),
        pending=pending,
        dues_day=day,
    )


# ----------------------------------------------------------------------------- recording


async def record_choices(
    uow: UnitOfWork,
    actor: Actor,
    branch_id: int,
    now: datetime,
    zone: ZoneInfo,
    calendar: DuesCalendar,
) -> Ledger:
    """The current month's ledger for an officer about to record payments (RECORD_DUES):
    its lines with something due are the members to choose from."""
    await branch_for(uow, actor, Action.RECORD_DUES, branch_id)
    return await branch_ledger(uow, actor, branch_id, None, now, zone, calendar)


def quarter_months(current: int) -> list[int]:
    period = Period.containing(current, Frequency.QUARTERLY)
    return list(range(period.first, period.last + 1))


@dataclass(frozen=True)
class BatchLine:
    """One member of a batch: the months booked (with their dues) and the ones skipped."""

    person_id: int
    name: str
    booked: dict[int, int]
    already_paid: list[int]
    pending: list[int]  # in a report waiting for confirmation: confirm that instead
    not_due: list[int]  # exempt, or before the member's first assessment

    @property
    def total_fen(self) -> int:
        return sum(self.booked.values())


@dataclass(frozen=True)
class Batch:
    branch: Organization
    months: list[int]
    paid_by: str
    lines: list[BatchLine]

    @property
    def total_fen(self) -> int:
        return sum(line.total_fen for line in self.lines)

    @property
    def booked(self) -> list[BatchLine]:
        return [line for line in self.lines if line.booked]


async def plan_batch(
    uow: UnitOfWork,
    actor: Actor,
    branch_id: int,
    person_ids: Iterable[int],
    months: Iterable[int],
    paid_by: str,
    now: datetime,
    zone: ZoneInfo,
) -> Batch:
    """What recording these members for these months would book (RECORD_DUES), without
    writing: each member pays exactly their dues for the months not yet paid."""
    branch = await branch_for(uow, actor, Action.RECORD_DUES, branch_id)
    current = current_month(branch, now, zone)
    chosen = sorted(set(months))
    if not chosen:
        raise InvalidInput("dues-error-no-months")
    window = payable_months(current)
    outside = [m for m in chosen if m not in window]
    if outside:
        raise InvalidInput("dues-error-month-window", month=labels(outside))
    wanted = list(dict.fromkeys(person_ids))
    if not wanted:
        raise InvalidInput("dues-error-no-members")
    if len(wanted) > BATCH_MAX:
        raise InvalidInput("dues-error-batch-large", max=BATCH_MAX)
    members = await _members(uow, branch.id)
    waiting: dict[int, set[int]] = defaultdict(set)
    for payment, _ in await uow.dues.branch_pending(branch.id):
        waiting[payment.person_id].update(payment.months)
    lines = []
    for person_id in wanted:
        member = members.get(person_id)
        at_now = member.row_at(current) if member else None
        if member is None or at_now is None or at_now.branch_id != branch.id:
            raise NotFound("dues-error-member")
        booked: dict[int, int] = {}
        paid, pending, not_due = [], [], []
        for month in chosen:
            due = due_in(member.history, month)
            if month in member.credits:
                paid.append(month)
            elif month in waiting[person_id]:
                pending.append(month)
            elif not due:
                not_due.append(month)
            else:
                booked[month] = due
        lines.append(BatchLine(person_id, member.name, booked, paid, pending, not_due))
    return Batch(branch, chosen, _paid_by(paid_by), lines)


async def record_payments(
    uow: UnitOfWork,
    actor: Actor,
    branch_id: int,
    person_ids: Iterable[int],
    months: Iterable[int],
    paid_by: str,
    now: datetime,
    zone: ZoneInfo,
) -> Batch:
    """An officer records payments made in cash or by transfer for many members at once:
    confirmed at once, one transaction for the batch. Months already paid (or waiting in a
    member's report) are skipped per member and named in the result."""
    batch = await plan_batch(uow, actor, branch_id, person_ids, months, paid_by, now, zone)
    booked = batch.booked
    if not booked:
        return batch
    payments = [
        DuesPayment(
            person_id=line.person_id,
            branch_id=batch.branch.id,
            amount_fen=line.total_fen,
            months=sorted(line.booked),
            paid_by=batch.paid_by,
            receipt_file_id=None,
            status=PaymentStatus.CONFIRMED,
            reported_by_id=actor.person_id,
            reported_at=now,
            decided_by_id=actor.person_id,
            decided_at=now,
            note="",
        )
        for line in booked
    ]
    try:
        await uow.dues.add_payments(payments)
        await uow.dues.add_credits(
            DuesCredit(
                payment_id=payment.id,
                person_id=line.person_id,
                branch_id=batch.branch.id,
                month=month,
                amount_fen=due,
            )
            for payment, line in zip(payments, booked, strict=True)
            for month, due in line.booked.items()
        )
    except IntegrityError:
        raise Conflict("dues-error-race") from None
    await uow.commit()
    return batch


# ----------------------------------------------------------------------------- dues settings


@dataclass(frozen=True)
class DuesDayChange:
    """A branch's new dues day, and when the dues cycle next acts on it (branch's zone)."""

    branch: Organization
    day: int
    reminder: date  # the members' next reminder
    digest: date  # the officers' next digest


async def dues_day(
    uow: UnitOfWork, actor: Actor, branch_id: int, default_day: int
) -> tuple[Organization, InForce]:
    """The branch's dues day as its secretary is about to change it (ASSESS_DUES)."""
    branch = await branch_for(uow, actor, Action.ASSESS_DUES, branch_id)
    return branch, _in_force(await _chain(uow, branch), DUES_DAY_SETTING, default_day)


async def set_dues_day(
    uow: UnitOfWork,
    actor: Actor,
    branch_id: int,
    day: int,
    now: datetime,
    zone: ZoneInfo,
    calendar: DuesCalendar,
    grace: timedelta,
) -> DuesDayChange:
    """The secretary (ASSESS_DUES) sets the branch's own dues day, 1 to 28 so that every
    month has it. The dues cycle, the members' accounts and the ledger follow it at once;
    `grace` is the cycle's (how late a stage is still sent)."""
    branch = await branch_for(uow, actor, Action.ASSESS_DUES, branch_id)
    if not _valid(day, DUES_DAY_SETTING):
        raise InvalidInput("dues-error-dues-day")
    branch.settings = {**(branch.settings or {}), DUES_DAY_SETTING: day}
    await uow.commit()
    reminder, digest = await _next_stages(uow, branch, day, now, zone, calendar, grace)
    return DuesDayChange(branch, day, reminder, digest)


async def _next_stages(
    uow: UnitOfWork,
    branch: Organization,
    day: int,
    now: datetime,
    zone: ZoneInfo,
    calendar: DuesCalendar,
    grace: timedelta,
) -> tuple[date, date]:
    """The local dates of the branch's next reminder and digest under dues day `day`, as
    the dues cycle will send them: a month's stage goes out once, so a month whose stage
    went out under the old day is passed over; a stage whose new moment has just passed
    (within `grace`) goes out now."""
    # The cycle builds on this module; imported here, where both are loaded.
    from bot.services import dues_cycle

    local = zone_of(branch, zone)
    current = month_at(now, local)
    months = [current - 1, current, current + 1]
    periods = [month_label(m) for m in months]
    found: list[date] = []
    for index, kind in enumerate((dues_cycle.REMIND, dues_cycle.DIGEST)):
        done = await uow.marks.keys(kind, periods)
        # next month's stage is always ahead and never sent yet: every kind finds one
        for month in months:
            moment = dues_cycle.stage_moments(local, day, month, calendar.digest_days)[index]
            sent = dues_cycle.Stage(kind, branch.id, month, late=False).key in done
            if not sent and now - moment <= grace:
                found.append(max(moment, now).astimezone(local).date())
                break
    return found[0], found[1]


@dataclass(frozen=True)
class FarmerAmount:
    """A committee's monthly amount for farmer and herder members, in force at its branches
    that set none of their own (dues_rules: 0.20 to 1 yuan, set by the region)."""

    committee: Organization
    amount: InForce


async def _farmer_at(uow: UnitOfWork, committee: Organization, default_fen: int) -> FarmerAmount:
    chain = await _chain(uow, committee)
    return FarmerAmount(committee, _in_force(chain, FARMER_DUES_SETTING, default_fen))


async def administered_committee(uow: UnitOfWork, actor: Actor, committee_id: int) -> Organization:
    """A committee the actor administers: MANAGE_ORGANIZATION on a committee, which only
    its admins (and those of committees above) hold; NotFound for another level."""
    return await scope.get_at_level(
        uow, actor, Action.MANAGE_ORGANIZATION, committee_id, Level.COMMITTEE
    )


async def farmer_committees(uow: UnitOfWork, actor: Actor, default_fen: int) -> list[FarmerAmount]:
    """The committees where the actor is an admin (the topmost ones) with the farmers'
    amount in force at each, for the /dues screen; empty for everyone else."""
    grants = [
        g for g in scope_roots(actor, Action.MANAGE_ORGANIZATION) if g.org_level is Level.COMMITTEE
    ]
    found = await uow.organizations.by_ids(g.org_id for g in grants)
    return [
        await _farmer_at(uow, found[g.org_id], default_fen) for g in grants if g.org_id in found
    ]


async def farmer_setting(
    uow: UnitOfWork, actor: Actor, committee_id: int, default_fen: int
) -> FarmerAmount:
    """The committee's farmers' amount as its admin is about to change it."""
    return await _farmer_at(
        uow, await administered_committee(uow, actor, committee_id), default_fen
    )


async def set_farmer_amount(
    uow: UnitOfWork, actor: Actor, committee_id: int, fen: int
) -> FarmerAmount:
    """A committee's admin sets the farmers' and herders' monthly amount for its subtree.
    Only assessments made from now on use it: every profile keeps the amount it was
    assessed with, until its secretary assesses the member again."""
    committee = await administered_committee(uow, actor, committee_id)
    if not _valid(fen, FARMER_DUES_SETTING):
        raise InvalidInput(
            "dues-error-farmer-range", min=yuan(FARMER_MIN_FEN), max=yuan(FARMER_MAX_FEN)
        )
    await set_setting(uow, actor, committee.id, FARMER_DUES_SETTING, fen)
    return FarmerAmount(committee, InForce(fen, committee, True))
