"""How the dues cycle's messages read: the members' reminder, the officers' digest, arrears
warnings (a member's own, or the officers' list) and the committee's escalation.

Everything comes from the payloads fixed when the sweep queued them (bot/services/
dues_cycle.py): the broadcast's for what everyone reads, the delivery's for what one member's
copy says (their amount, their unpaid months); officers' copies have no delivery payload.
Lists keep their first entries and say how many more there are, within one message.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.handlers.render import TEXT_LIMIT
from bot.i18n import Texts
from bot.renderers import Outgoing, Renderer, Section, fit_sections
from bot.services.dues_rules import yuan
from storage.models import Broadcast, BroadcastKind, ContentType, Delivery


def compose(
    texts: Texts, head: Sequence[str], sections: Sequence[Section], tail: Sequence[str]
) -> str:
    return fit_sections(
        head, sections, tail, lambda n: texts.get("duesn-list-more", count=n), TEXT_LIMIT
    )


def warned_section(texts: Texts, payload: dict[str, Any]) -> Section:
    return Section(
        texts.get("duesn-digest-warned-header"),
        [
            texts.get(
                "duesn-line-warned",
                name=line["name"],
                months=line["months"],
                owed=yuan(line["owed"]),
                level=texts.get(f"duesn-level-{line['level']}"),
            )
            for line in payload.get("warned") or []
        ],
        int(payload.get("warned_count") or 0),
    )


def render_reminder(broadcast: Broadcast, delivery: Delivery, texts: Texts) -> Outgoing:
    payload, own = broadcast.payload, delivery.payload or {}
    where = {"branch": payload["branch"], "month": payload["month"]}
    if "amount" not in own:
        lines = [texts.get("duesn-reminder-due", **where)]
    else:
        lines = [texts.get("duesn-reminder", **where, amount=yuan(own["amount"]))]
        if own.get("earlier"):
            lines.append(
                texts.get("duesn-reminder-earlier", count=own["earlier"], owed=yuan(own["owed"]))
            )
    lines.append(texts.get("duesn-hint-member"))
    return Outgoing(ContentType.TEXT, "\n".join(lines))


def render_digest(broadcast: Broadcast, delivery: Delivery, texts: Texts) -> Outgoing:
    payload = broadcast.payload
    head = [
        texts.get("duesn-digest-header", branch=payload["branch"], month=payload["month"]),
        texts.get("duesn-digest-assessed", assessed=payload["assessed"], exempt=payload["exempt"]),
        texts.get("duesn-digest-paid", paid=payload["paid"], unpaid=payload["unpaid"]),
        texts.get(
            "duesn-digest-totals",
            due=yuan(payload["due_fen"]),
            received=yuan(payload["paid_fen"]),
        ),
    ]
    if not payload["unpaid"]:
        head.append(texts.get("duesn-digest-all-paid"))
    sections = []
    if payload["unpaid"]:
        sections.append(
            Section(
                texts.get("duesn-digest-unpaid-header"),
                [
                    texts.get(
                        "duesn-line-unpaid",
                        name=line["name"],
                        amount=yuan(line["amount"]),
                        months=line["months"],
                    )
                    for line in payload["unpaid_members"]
                ],
                payload["unpaid"],
            )
        )
    if payload.get("warned_count"):
        sections.append(warned_section(texts, payload))
    tail = []
    if payload.get("unassessed"):
        tail.append(texts.get("duesn-digest-unassessed", count=payload["unassessed"]))
    tail.append(texts.get("duesn-digest-hint"))
    return Outgoing(ContentType.TEXT, compose(texts, head, sections, tail))


def render_arrears(broadcast: Broadcast, delivery: Delivery, texts: Texts) -> Outgoing:
    """A member's own warning (their delivery payload), or the officers' list of members."""
    payload, own = broadcast.payload, delivery.payload
    if own is not None:
        text = texts.get(
            f"duesn-arrears-{own['level']}",
            branch=payload["branch"],
            months=own["months"],
            first=own["first"],
            last=own["last"],
            owed=yuan(own["owed"]),
        )
        return Outgoing(ContentType.TEXT, f"{text}\n{texts.get('duesn-hint-member')}")
    head = [
        texts.get(
            "duesn-arrears-officers-header", branch=payload["branch"], month=payload["month"]
        )
    ]
    text = compose(texts, head, [warned_section(texts, payload)], [texts.get("duesn-digest-hint")])
    return Outgoing(ContentType.TEXT, text)


def render_escalation(broadcast: Broadcast, delivery: Delivery, texts: Texts) -> Outgoing:
    payload = broadcast.payload
    head = [
        texts.get(
            "duesn-escalation-header",
            committee=payload["committee"],
            month=payload["month"],
            count=payload["count"],
        )
    ]
    entries = [
        texts.get(
            "duesn-line-escalated", branch=line["branch"], name=line["name"], months=line["months"]
        )
        for line in payload["members"]
    ]
    text = compose(
        texts,
        head,
        [Section("", entries, payload["count"])],
        [texts.get("duesn-escalation-hint")],
    )
    return Outgoing(ContentType.TEXT, text)


RENDERERS: dict[BroadcastKind, Renderer] = {
    BroadcastKind.DUES_REMINDER: render_reminder,
    BroadcastKind.DUES_DIGEST: render_digest,
    BroadcastKind.DUES_ARREARS: render_arrears,
    BroadcastKind.DUES_ESCALATION: render_escalation,
}
