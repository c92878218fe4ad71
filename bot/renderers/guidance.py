"""How the guidance broadcasts read, in each recipient's language.

Everything comes from the broadcast's payload, fixed when it was queued. Links are in the
text; documents and photos are listed by name and reach the reader through the "materials"
button, which sends them to whoever presses it (bot/handlers/guidance.py). The acknowledge
button goes only on the officers' copy and on reminders of an unacknowledged guidance.
"""

from __future__ import annotations

from typing import Any

from bot.handlers.render import TEXT_LIMIT
from bot.i18n import Texts
from bot.keyboards.guidance import guidance_keyboard
from bot.renderers import Outgoing, Renderer
from bot.services.themed_day import CalendarKind
from storage.models import Broadcast, BroadcastKind, ContentType, Delivery

LIST_SHOWN = 60  # branch names in a missed-deadline report before "… and N more"


def rule_label(texts: Texts, calendar: str, day: int) -> str:
    """每月 5 日 / 农历每月初五, in the reader's language."""
    if calendar == CalendarKind.LUNAR.value:
        return texts.get("themedday-rule-lunar", day=texts.get("lunar-day-name", day=day))
    return texts.get("themedday-rule-solar", day=day)


def _files(materials: list[dict[str, Any]]) -> bool:
    return any(m.get("kind") in ("document", "photo") for m in materials)


def guidance_lines(texts: Texts, payload: dict[str, Any]) -> list[str]:
    """The guidance as everyone reads it (the admin's preview too)."""
    lines = [
        texts.get(
            "guidance-message-header", committee=payload["committee"], month=payload["month"]
        ),
        texts.get("guidance-line-theme", theme=payload["theme"]),
        texts.get("guidance-line-deadline", deadline=payload["deadline"]),
    ]
    if payload.get("body"):
        lines += ["", payload["body"]]
    if payload.get("activities"):
        lines += ["", texts.get("guidance-line-activities"), payload["activities"]]
    materials: list[dict[str, Any]] = payload.get("materials") or []
    if materials:
        lines += ["", texts.get("guidance-line-materials")]
        for material in materials:
            if material.get("kind") == "link":
                lines.append(
                    texts.get("guidance-material-link", name=material["name"], url=material["url"])
                )
            else:
                name = material.get("name") or texts.get(f"guidance-material-{material['kind']}")
                lines.append(texts.get("guidance-material-file", name=name))
        if _files(materials):
            lines.append(texts.get("guidance-files-hint"))
    return lines


def fit(lines: list[str], limit: int = TEXT_LIMIT) -> str:
    """One message: the longest line (the body) is shortened if the whole is too long."""
    text = "\n".join(lines)
    if len(text) <= limit:
        return text
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    excess = len(text) - limit + 1
    lines = [*lines]
    lines[longest] = lines[longest][: max(0, len(lines[longest]) - excess)] + "…"
    return "\n".join(lines)[:limit]


def render_guidance(broadcast: Broadcast, delivery: Delivery, texts: Texts) -> Outgoing:
    payload = broadcast.payload
    acknowledge = bool(payload.get("acknowledge"))
    lines = guidance_lines(texts, payload)
    if acknowledge:
        lines += ["", texts.get("guidance-ack-hint")]
    markup = None
    if broadcast.guidance_id is not None:
        markup = guidance_keyboard(
            texts,
            broadcast.guidance_id,
            acknowledge=acknowledge,
            files=_files(payload.get("materials") or []),
        )
    return Outgoing(ContentType.TEXT, fit(lines), reply_markup=markup)


def render_reminder(broadcast: Broadcast, delivery: Delivery, texts: Texts) -> Outgoing:
    payload = broadcast.payload
    lines = [
        texts.get(
            "guidance-reminder-header",
            branch=payload["branch"],
            month=payload["month"],
            days=payload["days"],
            deadline=payload["deadline"],
        ),
        texts.get("guidance-line-theme", theme=payload["theme"]),
    ]
    if not payload.get("acknowledged"):
        lines.append(texts.get("guidance-reminder-not-acknowledged"))
    if not payload.get("scheduled"):
        lines.append(texts.get("guidance-reminder-not-scheduled"))
    markup = None
    if broadcast.guidance_id is not None:
        markup = guidance_keyboard(
            texts, broadcast.guidance_id, acknowledge=not payload.get("acknowledged"), files=False
        )
    return Outgoing(ContentType.TEXT, fit(lines), reply_markup=markup)


def render_missed(broadcast: Broadcast, delivery: Delivery, texts: Texts) -> Outgoing:
    payload = broadcast.payload
    missed: list[str] = payload.get("missed") or []
    lines = [
        texts.get(
            "guidance-missed-header",
            month=payload["month"],
            theme=payload["theme"],
            deadline=payload["deadline"],
        )
    ]
    if not missed:
        lines.append(texts.get("guidance-missed-none", total=payload["total"]))
    else:
        lines.append(
            texts.get("guidance-missed-count", missed=len(missed), total=payload["total"])
        )
        lines += [f"• {name}" for name in missed[:LIST_SHOWN]]
        if len(missed) > LIST_SHOWN:
            lines.append(texts.get("guidance-list-more", count=len(missed) - LIST_SHOWN))
    lines.append(texts.get("guidance-missed-hint"))
    return Outgoing(ContentType.TEXT, fit(lines))


def render_themed_day(broadcast: Broadcast, delivery: Delivery, texts: Texts) -> Outgoing:
    payload = broadcast.payload
    text = texts.get(
        "themedday-reminder",
        branch=payload["branch"],
        date=payload["date"],
        rule=rule_label(texts, payload["calendar"], int(payload["day"])),
        theme=payload["theme"],
    )
    return Outgoing(ContentType.TEXT, fit([text]))


RENDERERS: dict[BroadcastKind, Renderer] = {
    BroadcastKind.GUIDANCE: render_guidance,
    BroadcastKind.GUIDANCE_REMINDER: render_reminder,
    BroadcastKind.GUIDANCE_MISSED: render_missed,
    BroadcastKind.THEMED_DAY: render_themed_day,
}
