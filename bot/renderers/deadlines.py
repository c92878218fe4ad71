"""How the meeting-deadline reminders (to a branch's officers) and missed reports (to a
committee's admins) read, in each recipient's language. Everything comes from the payload
fixed when the sweep queued them (bot/services/deadlines.py)."""

from __future__ import annotations

from typing import Any

from bot.handlers.render import TEXT_LIMIT
from bot.i18n import Texts
from bot.renderers import Outgoing, Renderer, Section, fit_sections
from bot.services.deadlines import period_of_label
from bot.services.periods import Frequency, year_month
from storage.models import Broadcast, BroadcastKind, ContentType, Delivery


def period_name(texts: Texts, label: str) -> str:
    """2026年11月 / 2026年第四季度 / 2026年, in the reader's language."""
    period = period_of_label(label)
    year, month = year_month(period.first)
    if period.frequency is Frequency.MONTHLY:
        return texts.get("deadlines-period-monthly", year=str(year), month=month)
    if period.frequency is Frequency.QUARTERLY:
        return texts.get("deadlines-period-quarterly", year=str(year), quarter=(month + 2) // 3)
    return texts.get("deadlines-period-yearly", year=str(year))


def frequency_name(texts: Texts, frequency: Frequency) -> str:
    return texts.get(f"deadlines-frequency-{frequency.value}")


def kind_name(texts: Texts, kind: str) -> str:
    return texts.get(f"meeting-kind-{kind}")


def kind_with_groups(texts: Texts, entry: dict[str, Any]) -> str:
    """党小组会（第一党小组、第二党小组）: the kind, and for group meetings which groups."""
    groups: list[str] = entry.get("groups") or []
    kind = kind_name(texts, entry["kind"])
    if not groups:
        return kind
    names = texts.get("meeting-list-separator").join(groups)
    return texts.get("deadlines-missed-kind-groups", kind=kind, groups=names)


def render_reminder(broadcast: Broadcast, delivery: Delivery, texts: Texts) -> Outgoing:
    payload = broadcast.payload
    head = [
        texts.get(
            "deadlines-reminder-header",
            branch=payload["branch"],
            period=period_name(texts, payload["period"]),
            deadline=payload["deadline"],
            days=payload["days"],
        )
    ]
    items = []
    for entry in payload.get("missing") or []:
        kind = kind_name(texts, entry["kind"])
        groups: list[str] = entry.get("groups") or []
        if groups:
            names = texts.get("meeting-list-separator").join(groups)
            items.append(texts.get("deadlines-reminder-groups", kind=kind, groups=names))
        else:
            items.append(texts.get("deadlines-reminder-line", kind=kind))
    tail = [texts.get("deadlines-reminder-hint")]
    text = fit_sections(
        head,
        [Section("", items, len(items))],
        tail,
        lambda n: texts.get("deadlines-more", count=n),
        TEXT_LIMIT,
    )
    return Outgoing(ContentType.TEXT, text)


def render_missed(broadcast: Broadcast, delivery: Delivery, texts: Texts) -> Outgoing:
    payload = broadcast.payload
    branches: list[dict[str, Any]] = payload.get("branches") or []
    hidden = int(payload.get("more") or 0)
    separator = texts.get("meeting-list-separator")
    head = [
        texts.get(
            "deadlines-missed-header",
            committee=payload["committee"],
            period=period_name(texts, payload["period"]),
            total=payload["total"],
            missed=len(branches) + hidden,
        )
    ]
    items = [
        texts.get(
            "deadlines-missed-line",
            branch=branch["name"],
            kinds=separator.join(kind_with_groups(texts, e) for e in branch["missed"]),
        )
        for branch in branches
    ]
    tail = [texts.get("deadlines-missed-hint")]
    text = fit_sections(
        head,
        [Section("", items, len(items) + hidden)],
        tail,
        lambda n: texts.get("deadlines-missed-more", count=n),
        TEXT_LIMIT,
    )
    return Outgoing(ContentType.TEXT, text)


RENDERERS: dict[BroadcastKind, Renderer] = {
    BroadcastKind.DEADLINE_REMINDER: render_reminder,
    BroadcastKind.DEADLINE_MISSED: render_missed,
}
