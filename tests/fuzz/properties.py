"""What must hold after every fuzzed update: no unexpected error, no change the actor had no
right to make, and nothing sent that Telegram would refuse.

Protected rows are snapshotted before and after; each changed row (added, removed or
altered) is attributed to an organization and to the people it belongs to, and must be
allowed by the actor's `Rights`: a table the actor may touch at all, and either an
organization under the actor's authority or a row that is the actor's own (their invitation,
their ticket, their dues report). Branch B and committee Y are nobody's among the actors,
so nothing of theirs may change. A party group's leader also records the sign-ins of the
group's members (proxy sign-in for a neighbour without a phone) at the meetings of the group
and of its branch: those rows must name the leader as the proxy.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from aiogram.methods import (
    AnswerCallbackQuery,
    EditMessageCaption,
    EditMessageReplyMarkup,
    EditMessageText,
    SendDocument,
    SendMessage,
    SendPhoto,
    SendVoice,
    TelegramMethod,
)
from aiogram.types import InlineKeyboardMarkup
from sqlalchemy import Table, select

from sandbox.errors import ApiError
from sandbox.formatting import format_text
from sandbox.limits import (
    MAX_CALLBACK_ANSWER_LENGTH,
    MAX_CALLBACK_DATA_BYTES,
    MAX_CAPTION_LENGTH,
    MAX_TEXT_LENGTH,
)
from storage.models import Base
from storage.uow import UnitOfWork

PROTECTED = (
    "organizations",
    "memberships",
    "invites",
    "join_requests",
    "meetings",
    "invitations",
    "attendances",
    "tickets",
    "ticket_events",
    "dues_profiles",
    "dues_payments",
    "dues_credits",
    "guidances",
    "guidance_receipts",
    "broadcasts",
    "deliveries",
)

Row = Mapping[str, Any]
Snapshot = dict[str, dict[Any, Row]]


async def snapshot(uow: UnitOfWork) -> Snapshot:
    """Every protected row, by table and primary key."""
    tables: dict[str, Table] = {t.name: t for t in Base.metadata.sorted_tables}
    result: Snapshot = {}
    for name in PROTECTED:
        table = tables[name]
        rows = (await uow.session.execute(select(table))).mappings().all()
        result[name] = {row["id"]: dict(row) for row in rows}
    return result


@dataclass(frozen=True)
class Change:
    table: str
    before: Row | None
    after: Row | None

    @property
    def row(self) -> Row:
        found = self.before if self.before is not None else self.after
        assert found is not None
        return found

    def __str__(self) -> str:
        return f"{self.table}: {self.before!r} -> {self.after!r}"


def changes(before: Snapshot, after: Snapshot) -> list[Change]:
    found: list[Change] = []
    for table in PROTECTED:
        old, new = before[table], after[table]
        for key in old.keys() | new.keys():
            if old.get(key) != new.get(key):
                found.append(Change(table, old.get(key), new.get(key)))
    return found


class Reach(StrEnum):
    OWN = "own"  # only rows that are the actor's own
    ORG = "org"  # rows of the actor's organizations too


@dataclass(frozen=True)
class Rights:
    """What one actor may change: table -> reach, and the organizations under their
    authority (for ORG reach), narrower or wider for some tables (`table_org_ids`: a group
    leader runs the group's meetings but takes the branch's tickets). And the sign-ins the
    actor records for others (Action.PROXY_SIGN_IN): attendances of `proxy_for` at meetings
    of `proxy_org_ids`, naming the actor as the proxy."""

    person_id: int | None
    tables: Mapping[str, Reach] = field(default_factory=dict)
    org_ids: frozenset[int] = frozenset()
    table_org_ids: Mapping[str, frozenset[int]] = field(default_factory=dict)
    proxy_for: frozenset[int] = frozenset()
    proxy_org_ids: frozenset[int] = frozenset()

    def orgs_for(self, table: str) -> frozenset[int]:
        return self.table_org_ids.get(table, self.org_ids)

    def proxied(self, change: Change, owners: set[int], org_id: int) -> bool:
        """A sign-in recorded for someone the actor may sign in, where they may."""
        after = change.after
        return (
            change.table == "attendances"
            and after is not None
            and self.person_id is not None
            and after["proxy_by_id"] == self.person_id
            and bool(owners & self.proxy_for)
            and org_id in self.proxy_org_ids
        )


def _owner_and_org(change: Change, context: Snapshot) -> tuple[set[int], int]:
    """The people a changed row belongs to and its organization; a modified row belongs to
    whoever owned it before the change (claiming someone's ticket is not owning it)."""
    row, table = change.row, change.table

    def meeting_org(meeting_id: int) -> int:
        return int(context["meetings"][meeting_id]["org_id"])

    def ticket(ticket_id: int) -> Row:
        return context["tickets"][ticket_id]

    if table == "organizations":
        return set(), int(row["id"])
    if table in ("memberships", "invites", "meetings", "guidances", "broadcasts"):
        return set(), int(row["org_id"])
    if table == "join_requests":
        return set(), int(row["org_id"])
    if table in ("invitations", "attendances"):
        return {row["person_id"]}, meeting_org(row["meeting_id"])
    if table == "tickets":
        return {row["reporter_id"], row["assignee_id"]}, int(row["org_id"])
    if table == "ticket_events":
        owner = ticket(row["ticket_id"])
        return {owner["reporter_id"], owner["assignee_id"]}, int(owner["org_id"])
    if table == "dues_payments":
        return {row["person_id"]}, int(row["branch_id"])
    if table in ("dues_profiles", "dues_credits", "guidance_receipts"):
        return set(), int(row["branch_id"])
    if table == "deliveries":
        return {row["person_id"]}, int(context["broadcasts"][row["broadcast_id"]]["org_id"])
    raise AssertionError(f"no owner rule for {table}")


def forbidden(rights: Rights, before: Snapshot, after: Snapshot) -> list[str]:
    """Each change the actor was not allowed to make, explained."""
    context: Snapshot = {t: {**before[t], **after[t]} for t in PROTECTED}
    found = []
    for change in changes(before, after):
        reach = rights.tables.get(change.table)
        owners, org_id = _owner_and_org(change, context)
        own = rights.person_id is not None and rights.person_id in owners
        org = reach is Reach.ORG and org_id in rights.orgs_for(change.table)
        if rights.proxied(change, owners, org_id):
            continue
        if reach is None or not (own or org):
            found.append(str(change))
    return found


# --- Telegram's limits --------------------------------------------------------------------


def _text_problems(text: str | None, limit: int, what: str, required: bool) -> list[str]:
    if text is None:
        return [f"{what} is missing"] if required else []
    try:
        shown = format_text(text).text
    except ApiError as exc:  # pragma: no cover - no parse_mode is used today
        return [f"{what}: {exc}"]
    problems = []
    if required and not shown:
        problems.append(f"{what} is empty")
    if len(shown) > limit:
        problems.append(f"{what} has {len(shown)} characters (limit {limit})")
    return problems


def _markup_problems(markup: Any) -> list[str]:
    if not isinstance(markup, InlineKeyboardMarkup):
        return []
    problems = []
    for row in markup.inline_keyboard:
        for button in row:
            data = button.callback_data
            if data is not None and not 1 <= len(data.encode()) <= MAX_CALLBACK_DATA_BYTES:
                problems.append(f"callback_data {data!r} is {len(data.encode())} bytes")
            if not button.text.strip():
                problems.append("a button without text")
    return problems


def limit_problems(requests: Iterable[TelegramMethod[Any]]) -> list[str]:
    """Everything sent that Telegram would refuse for its size (counted like the sandbox)."""
    problems: list[str] = []
    for method in requests:
        name = type(method).__name__
        if isinstance(method, (SendMessage, EditMessageText)):
            problems += _text_problems(method.text, MAX_TEXT_LENGTH, f"{name}.text", True)
        if isinstance(method, (SendPhoto, SendDocument, SendVoice, EditMessageCaption)):
            problems += _text_problems(
                method.caption, MAX_CAPTION_LENGTH, f"{name}.caption", False
            )
        if isinstance(method, AnswerCallbackQuery):
            problems += _text_problems(
                method.text, MAX_CALLBACK_ANSWER_LENGTH, f"{name}.text", False
            )
        if isinstance(
            method, (SendMessage, EditMessageText, EditMessageReplyMarkup, SendPhoto, SendDocument)
        ):
            problems += _markup_problems(method.reply_markup)
    return problems
