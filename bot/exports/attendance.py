"""The attendance matrix as an XLSX workbook: members down, the meetings held across, a
mark in each cell (how the member signed in, leave, waiting for review, absent; empty when
the meeting did not invite them), each member's totals on the right and each meeting's
totals below. People who came to a meeting but are not the branch's members now get a row
too, marked, so every column's count equals the meeting's own; a sign-in without an
invitation is marked in its cell and counted present, not invited (as the chat report
counts it).

Pure: the register from bot.services.registers and the localized labels go in, the file's
bytes come out (safe in asyncio.to_thread). The handler adds labels["title"].
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from bot.exports.sheet import Book, local, percent
from bot.services.registers import Register
from bot.services.roles import MeetingKind, SignInMethod

LEAVE, PENDING, ABSENT = "leave", "pending", "absent"
METHODS = tuple(m.value for m in SignInMethod)
MARKS = (*METHODS, PENDING, LEAVE, ABSENT)
FIRST_MEETING_COLUMN = 3
MEETING_WIDTH = 10
LABEL_KEYS = (
    "report-xlsx-member",
    "report-xlsx-note",
    "report-xlsx-former-member",
    "report-xlsx-attended",
    "report-xlsx-invited",
    "report-xlsx-present",
    "report-xlsx-rate",
    "report-xlsx-legend",
    "report-xlsx-not-invited",
    "report-xlsx-meaning-pending",
    "report-xlsx-meaning-leave",
    "report-xlsx-meaning-absent",
    "report-xlsx-meaning-uninvited",
    "report-xlsx-mark-uninvited",
    *(f"report-xlsx-mark-{mark}" for mark in MARKS),
    *(f"report-xlsx-short-{k.value}" for k in MeetingKind),
    *(f"signin-method-{m.value}" for m in SignInMethod),
)


def labels(text: Callable[[str], str]) -> dict[str, str]:
    """The matrix's strings from the locale (the handler adds "title")."""
    return {key: text(key) for key in LABEL_KEYS}


class Mark(NamedTuple):
    kind: str  # a sign-in method's value, PENDING, LEAVE or ABSENT
    invited: bool  # False: signed in without an invitation


# One instance of each (a large matrix holds a million of them)
_MARK = {(kind, invited): Mark(kind, invited) for kind in MARKS for invited in (True, False)}


def marks_of(reg: Register) -> tuple[list[tuple[int, str, bool]], dict[int, dict[int, Mark]]]:
    """The rows (person id, name, still a member) and each person's mark per held meeting
    (by its index). A person listed twice in one meeting counts once: present first, then
    waiting for review, on leave, absent."""
    marks: dict[int, dict[int, Mark]] = {}
    names: dict[int, str] = {}
    held = [e for e in reg.entries if e.held]
    for index, entry in enumerate(held):
        listed = [
            *((a.person_id, a.name, _MARK[a.method.value, a.invited]) for a in entry.present),
            *((p.person_id, p.name, _MARK[PENDING, True]) for p in entry.pending),
            *((p.person_id, p.name, _MARK[LEAVE, True]) for p in entry.on_leave),
            *((p.person_id, p.name, _MARK[ABSENT, True]) for p in entry.absent),
        ]
        for person_id, name, mark in listed:
            marks.setdefault(person_id, {}).setdefault(index, mark)
            names.setdefault(person_id, name)
    members = {person_id for person_id, _ in reg.members}
    former = sorted(
        ((p, n) for p, n in names.items() if p not in members), key=lambda item: (item[1], item[0])
    )
    rows = [(p, n, True) for p, n in reg.members] + [(p, n, False) for p, n in former]
    return rows, marks


def cell_mark(mark: Mark, labels: Mapping[str, str]) -> str:
    shown = labels[f"report-xlsx-mark-{mark.kind}"]
    return shown if mark.invited else shown + labels["report-xlsx-mark-uninvited"]


def attendance_workbook(reg: Register, labels: Mapping[str, str]) -> bytes:
    from openpyxl.utils import get_column_letter

    held = [e for e in reg.entries if e.held]
    rows, marks = marks_of(reg)
    book = Book()
    out = book.sheet(reg.period.label, freeze=f"{get_column_letter(FIRST_MEETING_COLUMN)}3")
    out.add([labels["title"]], bold=True)
    headers = []
    for entry in held:
        header = f"{local(entry.starts_at, reg.zone):%m-%d}\n"
        header += labels[f"report-xlsx-short-{entry.kind.value}"]
        if entry.org_name != reg.branch.name:
            header += f"\n{entry.org_name}"
        headers.append(header)
    totals_headers = [labels[f"report-xlsx-{k}"] for k in ("attended", "invited", "rate")]
    meeting_columns = set(range(FIRST_MEETING_COLUMN, FIRST_MEETING_COLUMN + len(held)))
    out.add(
        [labels["report-xlsx-member"], labels["report-xlsx-note"], *headers, *totals_headers],
        bold=True,
        wrap=meeting_columns,
    )
    present_in = [0] * len(held)
    invited_in = [0] * len(held)
    for person_id, name, member in rows:
        mine = marks.get(person_id, {})
        cells: list[Any] = []
        for index in range(len(held)):
            mark = mine.get(index)
            cells.append(cell_mark(mark, labels) if mark is not None else None)
            if mark is not None:
                invited_in[index] += mark.invited
                present_in[index] += mark.kind in METHODS
        attended = sum(m.kind in METHODS for m in mine.values())
        invited = sum(m.invited for m in mine.values())
        out.add(
            [
                name,
                None if member else labels["report-xlsx-former-member"],
                *cells,
                attended,
                invited,
                percent(attended / invited if invited else None),
            ]
        )
    present, invited = sum(present_in), sum(invited_in)
    rates = [percent(p / i if i else None) for p, i in zip(present_in, invited_in, strict=True)]
    out.add([labels["report-xlsx-present"], None, *present_in, present], bold=True)
    out.add([labels["report-xlsx-invited"], None, *invited_in, None, invited], bold=True)
    overall = percent(present / invited if invited else None)
    out.add([labels["report-xlsx-rate"], None, *rates, None, None, overall], bold=True)
    out.skip()
    out.add([labels["report-xlsx-legend"]], bold=True)
    for kind in MARKS:
        meaning = (
            labels[f"signin-method-{kind}"]
            if kind in METHODS
            else labels[f"report-xlsx-meaning-{kind}"]
        )
        out.add([labels[f"report-xlsx-mark-{kind}"], meaning])
    out.add([labels["report-xlsx-mark-uninvited"], labels["report-xlsx-meaning-uninvited"]])
    out.add([None, labels["report-xlsx-not-invited"]])
    for column in meeting_columns:
        out.width(column, MEETING_WIDTH)
    return book.save()
