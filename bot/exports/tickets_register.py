"""The ticket register (群众诉求台账) as an XLSX workbook: the tickets reported in the
period, one row each, with a summary counted by bot.services.reports.ticket_summary (the
chat report's count: merged duplicates not reported, solved = resolved or closed), each
ticket overdue as bot.services.tickets.is_overdue judges it, and every ticket's history on
the second sheet.

Pure: the register from bot.services.registers and the localized labels go in, the file's
bytes come out (safe in asyncio.to_thread). The handler adds labels["title"].
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from bot.exports.sheet import Book, local, percent
from bot.services.registers import TicketRegister
from bot.services.reports import ticket_summary
from bot.services.tickets import DEFAULT_CATEGORIES, HistoryLine
from storage.models import TicketEventKind, TicketStatus

COLUMNS = (
    "number",
    "reported-at",
    "category",
    "reporter",
    "status",
    "assignee",
    "due-at",
    "resolved-at",
    "overdue",
    "rating",
    "rating-comment",
    "description",
    "decline-reason",
    "merged-into",
)
WRAPPED = {11, 12, 13}
HISTORY_COLUMNS = ("number", "at", "who", "event", "note", "subject")
SUMMARY = (
    "reported",
    "resolved",
    "resolved-late",
    "open-late",
    "declined",
    "merged",
    "rated",
    "average-rating",
    "resolution-rate",
)
# Events whose ticket-event-* text takes a placeholder: the detail goes to "subject".
OWN_EVENT_TEXT = (TicketEventKind.ASSIGNED, TicketEventKind.MERGED, TicketEventKind.RATED)
LABEL_KEYS = (
    "report-xlsx-sheet-tickets",
    "report-xlsx-sheet-history",
    "report-xlsx-summary",
    *(f"report-xlsx-{c}" for c in COLUMNS),
    *(f"report-xlsx-{c}" for c in HISTORY_COLUMNS if c not in COLUMNS),
    *(f"report-xlsx-tickets-{s}" for s in SUMMARY),
    "report-xlsx-yes",
    "report-xlsx-no",
    "ticket-history-bot",
    *(f"ticket-category-{c}" for c in DEFAULT_CATEGORIES),
    *(f"ticket-status-{s.value}" for s in TicketStatus),
    *(f"report-xlsx-event-{k.value}" for k in OWN_EVENT_TEXT),
    *(
        f"ticket-event-{k.value.replace('_', '-')}"
        for k in TicketEventKind
        if k not in OWN_EVENT_TEXT
    ),
)


def labels(text: Callable[[str], str]) -> dict[str, str]:
    """The register's strings from the locale (the handler adds "title")."""
    return {key: text(key) for key in LABEL_KEYS}


def category_name(category: str, labels: Mapping[str, str]) -> str:
    """Built-in categories are translated; a committee's own ones are shown as written."""
    return labels[f"ticket-category-{category}"] if category in DEFAULT_CATEGORIES else category


def event_name(line: HistoryLine, labels: Mapping[str, str]) -> str:
    kind = line.event.kind
    if kind in OWN_EVENT_TEXT:
        return labels[f"report-xlsx-event-{kind.value}"]
    return labels[f"ticket-event-{kind.value.replace('_', '-')}"]


def event_subject(line: HistoryLine) -> str | None:
    """Whom it was assigned to, the other ticket of a merge, the stars of a rating."""
    data = line.event.data or {}
    if line.event.kind is TicketEventKind.MERGED:
        other = data.get("into") or data.get("duplicate")
        return f"#{other}" if other else None
    stars = data.get("stars")
    if line.event.kind is TicketEventKind.RATED and isinstance(stars, int):
        return "★" * stars
    return line.subject


def tickets_workbook(reg: TicketRegister, labels: Mapping[str, str]) -> bytes:
    book = Book()
    out = book.sheet(labels["report-xlsx-sheet-tickets"])
    out.add([labels["title"]], bold=True)
    out.add([labels[f"report-xlsx-{c}"] for c in COLUMNS], bold=True)
    for entry in reg.entries:
        ticket = entry.ticket
        row: list[Any] = [
            ticket.id,
            local(ticket.reported_at, reg.zone),
            category_name(ticket.category, labels),
            entry.reporter,
            labels[f"ticket-status-{ticket.status.value}"],
            entry.assignee,
            local(ticket.due_at, reg.zone),
            local(ticket.resolved_at, reg.zone),
            labels["report-xlsx-yes" if entry.overdue else "report-xlsx-no"],
            ticket.rating,
            ticket.rating_comment,
            ticket.description,
            ticket.decline_reason,
            ticket.merged_into_id,
        ]
        out.add(row, wrap=WRAPPED)
    for column in WRAPPED:
        out.width(column, 40)
    counts = ticket_summary((e.ticket for e in reg.entries), reg.now)
    out.skip()
    out.add([labels["report-xlsx-summary"]], bold=True)
    merged = sum(e.ticket.status is TicketStatus.MERGED for e in reg.entries)
    average = counts.average_rating
    values: dict[str, Any] = {
        "reported": counts.reported,
        "resolved": counts.resolved,
        "resolved-late": counts.resolved_late,
        "open-late": counts.open_late,
        "declined": counts.declined,
        "merged": merged,
        "rated": counts.rated,
        "average-rating": round(average, 2) if average is not None else None,
        "resolution-rate": percent(counts.resolution_rate),
    }
    for key in SUMMARY:
        out.add([labels[f"report-xlsx-tickets-{key}"], values[key]])

    history = book.sheet(labels["report-xlsx-sheet-history"])
    history.add([labels["title"]], bold=True)
    history.add([labels[f"report-xlsx-{c}"] for c in HISTORY_COLUMNS], bold=True)
    for entry in reg.entries:
        for line in entry.history:
            history.add(
                [
                    entry.ticket.id,
                    local(line.event.at, reg.zone),
                    line.who or labels["ticket-history-bot"],
                    event_name(line, labels),
                    line.event.note,
                    event_subject(line),
                ],
                wrap={5},
            )
    history.width(5, 50)
    return book.save()
