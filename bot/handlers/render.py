"""Turning service results into localized text. No rules live here."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.i18n import Texts
from bot.services.access import Actor
from bot.services.roles import Kind, Level, Role
from storage.models import Organization

TEXT_LIMIT = 4096


def role_name(i18n: Texts, role: Role) -> str:
    return i18n.get(f"role-{role.value}")


def org_title(i18n: Texts, org: Organization) -> str:
    kind = f", {i18n.get(f'kind-{org.kind.value}')}" if org.kind else ""
    return f"{org.name} ({i18n.get(f'level-{org.level.value}')}{kind})"


def local_time(moment: datetime, zone: ZoneInfo) -> str:
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M} ({zone.key})"


def my_roles(i18n: Texts, actor: Actor) -> str:
    """One line per organization, its roles joined: what /me and /start show."""
    by_org: dict[int, tuple[str, list[str]]] = {}
    for grant in actor.grants:
        by_org.setdefault(grant.org_id, (grant.org_name, []))[1].append(
            role_name(i18n, grant.role)
        )
    return "\n".join(f"• {name} — {', '.join(roles)}" for name, roles in by_org.values())


def localized_params(i18n: Texts, params: dict[str, Any]) -> dict[str, Any]:
    """Domain errors carry enum members and None; show them as words, never raw ids."""
    shown: dict[str, Any] = {}
    for name, value in params.items():
        if isinstance(value, (Role, Level, Kind)):
            prefix = {Role: "role", Level: "level", Kind: "kind"}[type(value)]
            shown[name] = i18n.get(f"{prefix}-{value.value}")
        elif value is None:
            shown[name] = "—"
        else:
            shown[name] = value
    return shown


def split_text(lines: list[str], limit: int = TEXT_LIMIT) -> list[str]:
    """Pack lines into as few messages as Telegram's 4096-character limit allows."""
    chunks: list[str] = []
    current = ""
    for line in lines:
        line = line[:limit]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            chunks.append(current)
            current = line
        else:
            current = candidate
    if current:
        chunks.append(current)
    return chunks
