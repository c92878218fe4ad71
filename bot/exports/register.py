"""The organizational-life register (组织生活记录册) as an XLSX workbook: one row per
meeting of the branch and its groups in the period, who came and how, who was on leave or
absent, the minutes, then the totals over the meetings held.

Pure: the register from bot.services.registers and the localized labels go in, the file's
bytes come out (safe in asyncio.to_thread). The handler adds labels["title"].
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from bot.exports.sheet import Book, local, percent
from bot.services.registers import Absentee, Attendee, Register, RegisterEntry
from bot.services.roles import MeetingKind, SignInMethod
from storage.models import MeetingStatus

COLUMNS = (
    "starts-at",
    "org",
    "kind",
    "topic",
    "venue",
    "status",
    "invited",
    "present",
    "rate",
    "present-names",
    "pending-names",
    "leave-names",
    "absent-names",
    "minutes",
    "photos",
)
NAME_COLUMNS = {10, 11, 12, 13}
MINUTES_COLUMN = 14
LABEL_KEYS = (
    *(f"report-xlsx-{c}" for c in COLUMNS),
    "report-xlsx-total-held",
    "report-xlsx-status-held",
    "report-xlsx-status-not-held",
    "report-xlsx-status-cancelled",
    "report-xlsx-proxy-by",
    "report-xlsx-uninvited",
    "report-xlsx-colon",
    "meeting-list-separator",
    *(f"meeting-kind-{k.value}" for k in MeetingKind),
    *(f"signin-method-{m.value}" for m in SignInMethod),
)


def labels(text: Callable[[str], str]) -> dict[str, str]:
    """The register's strings from the locale (the handler adds "title")."""
    return {key: text(key) for key in LABEL_KEYS}


def status_key(entry: RegisterEntry) -> str:
    if entry.status is MeetingStatus.CANCELLED:
        return "report-xlsx-status-cancelled"
    return "report-xlsx-status-held" if entry.held else "report-xlsx-status-not-held"


def _joined(names: Iterable[str], labels: Mapping[str, str]) -> str:
    return labels["meeting-list-separator"].join(names)


def present_name(attendee: Attendee, labels: Mapping[str, str]) -> str:
    """The name, with who signed them in (proxy) and whether they came uninvited."""
    notes = []
    if attendee.proxy_by:
        notes.append(
            f"{labels['report-xlsx-proxy-by']}{labels['report-xlsx-colon']}{attendee.proxy_by}"
        )
    if not attendee.invited:
        notes.append(labels["report-xlsx-uninvited"])
    return f"{attendee.name} ({_joined(notes, labels)})" if notes else attendee.name


def present_names(present: Iterable[Attendee], labels: Mapping[str, str]) -> str:
    """One line per sign-in method: "签到码：张三、李四"; a proxy sign-in names who did it, a
    sign-in without an invitation says so."""
    colon = labels["report-xlsx-colon"]
    lines = []
    for method in SignInMethod:
        names = [present_name(a, labels) for a in present if a.method is method]
        if names:
            lines.append(
                f"{labels[f'signin-method-{method.value}']}{colon}{_joined(names, labels)}"
            )
    return "\n".join(lines)


def with_reasons(people: Iterable[Absentee], labels: Mapping[str, str]) -> str:
    return _joined((f"{p.name} ({p.reason})" if p.reason else p.name for p in people), labels)


def register_workbook(reg: Register, labels: Mapping[str, str]) -> bytes:
    book = Book()
    out = book.sheet(reg.period.label)
    out.add([labels["title"]], bold=True)
    out.add([labels[f"report-xlsx-{c}"] for c in COLUMNS], bold=True)
    for entry in reg.entries:
        row: list[Any] = [
            local(entry.starts_at, reg.zone),
            entry.org_name,
            labels[f"meeting-kind-{entry.kind.value}"],
            entry.title,
            entry.venue,
            labels[status_key(entry)],
            entry.invited,
            len(entry.present),
            percent(len(entry.present) / entry.invited if entry.invited else None),
            present_names(entry.present, labels),
            _joined((p.name for p in entry.pending), labels),
            with_reasons(entry.on_leave, labels),
            _joined((p.name for p in entry.absent), labels),
            entry.minutes,
            entry.minutes_photos,
        ]
        out.add(row, wrap={*NAME_COLUMNS, MINUTES_COLUMN})
    held = [e for e in reg.entries if e.held]
    invited = sum(e.invited for e in held)
    present = sum(len(e.present) for e in held)
    out.add(
        [
            labels["report-xlsx-total-held"],
            *[None] * 4,
            len(held),
            invited,
            present,
            percent(present / invited if invited else None),
        ],
        bold=True,
    )
    for column in NAME_COLUMNS:
        out.width(column, 30)
    out.width(MINUTES_COLUMN, 60)
    return book.save()
