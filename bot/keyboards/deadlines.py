"""Callback data and keyboards of /deadlines: choosing a branch or committee, paging a
committee's list, and its frequency buttons.

Callback data carries ids and choices only; the services check every one again (who
pressed, whether they may see or set that organization)."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Texts
from bot.keyboards.bounded import Bounded, PageNumber
from bot.services.deadlines import NEXT_FREQUENCY, SETTABLE_KINDS, FrequencySettings
from bot.services.periods import Frequency
from bot.services.roles import MeetingKind
from storage.models import Organization


class DeadlineView(StrEnum):
    PLACES = "l"  # the list of branches and committees to choose from
    BRANCH = "b"
    COMMITTEE = "c"  # one page of the branches below a committee
    FREQUENCIES = "f"
    RESET = "r"  # the committee's frequencies back to what it inherits


class DeadlinesCB(Bounded, CallbackData, prefix="dl"):
    view: DeadlineView
    org_id: int = 0
    page: PageNumber = 0


class FrequencyCB(Bounded, CallbackData, prefix="dlf"):
    """Require `kind` at `frequency` below the committee: the button carries the value it
    sets, so a repeated tap sets the same value again instead of cycling on."""

    committee_id: int
    kind: MeetingKind
    frequency: Frequency


def places_keyboard(
    texts: Texts, committees: Sequence[Organization], branches: Sequence[Organization]
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for committee in committees:
        builder.button(
            text=texts.get("deadlines-button-committee", name=committee.name),
            callback_data=DeadlinesCB(view=DeadlineView.COMMITTEE, org_id=committee.id),
        )
    for branch in branches:
        builder.button(
            text=texts.get("deadlines-button-branch", name=branch.name),
            callback_data=DeadlinesCB(view=DeadlineView.BRANCH, org_id=branch.id),
        )
    builder.adjust(1)
    return builder.as_markup()


def _back_to_places(texts: Texts) -> tuple[str, DeadlinesCB]:
    return texts.get("deadlines-button-back"), DeadlinesCB(view=DeadlineView.PLACES)


def branch_keyboard(texts: Texts, back: bool) -> InlineKeyboardMarkup | None:
    if not back:
        return None
    builder = InlineKeyboardBuilder()
    text, data = _back_to_places(texts)
    builder.button(text=text, callback_data=data)
    return builder.as_markup()


def committee_keyboard(
    texts: Texts, committee_id: int, page: int, pages: int, may_set: bool, back: bool
) -> InlineKeyboardMarkup | None:
    builder = InlineKeyboardBuilder()
    nav = []
    if page > 0:
        nav.append((texts.get("nav-prev"), page - 1))
    if page + 1 < pages:
        nav.append((texts.get("nav-next"), page + 1))
    for text, target in nav:
        builder.button(
            text=text,
            callback_data=DeadlinesCB(
                view=DeadlineView.COMMITTEE, org_id=committee_id, page=target
            ),
        )
    rows = [len(nav)] if nav else []
    if may_set:
        builder.button(
            text=texts.get("deadlines-button-frequencies"),
            callback_data=DeadlinesCB(view=DeadlineView.FREQUENCIES, org_id=committee_id),
        )
        rows.append(1)
    if back:
        text, data = _back_to_places(texts)
        builder.button(text=text, callback_data=data)
        rows.append(1)
    if not rows:
        return None
    builder.adjust(*rows)
    return builder.as_markup()


def frequencies_keyboard(texts: Texts, settings: FrequencySettings) -> InlineKeyboardMarkup:
    """One button per kind showing its frequency and setting the next one; reset; back."""
    committee_id = settings.committee.id
    builder = InlineKeyboardBuilder()
    for kind in SETTABLE_KINDS:
        current = settings.effective(kind)
        builder.button(
            text=texts.get(
                "deadlines-button-kind",
                kind=texts.get(f"meeting-kind-{kind.value}"),
                frequency=texts.get(f"deadlines-frequency-{current.value}"),
            ),
            callback_data=FrequencyCB(
                committee_id=committee_id, kind=kind, frequency=NEXT_FREQUENCY[current]
            ),
        )
    if settings.own:
        builder.button(
            text=texts.get("deadlines-button-reset"),
            callback_data=DeadlinesCB(view=DeadlineView.RESET, org_id=committee_id),
        )
    builder.button(
        text=texts.get("deadlines-button-back"),
        callback_data=DeadlinesCB(view=DeadlineView.COMMITTEE, org_id=committee_id),
    )
    builder.adjust(1)
    return builder.as_markup()
