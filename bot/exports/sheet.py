"""The XLSX writer every export shares: rows written one after another, each value in the
cell type a spreadsheet expects (text, whole number, yuan, percent, local date and time).

Text from users (names, topics, minutes, a resident's description) stays text even when it
starts with "=", loses the control characters XLSX cannot hold, and is cut with an ellipsis
at Excel's limit of 32,767 characters per cell, so a file always opens.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Collection, Iterable
from datetime import datetime
from decimal import Decimal
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    # openpyxl (and PIL, which it loads) is imported by the first export, not at start-up
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

MONEY = "0.00"
PERCENT_FORMAT = "0.0%"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
CELL_LIMIT = 32_767
ELLIPSIS = "…"
# Beyond openpyxl's control characters, what XML 1.0 cannot hold either (a noncharacter, a
# lone surrogate): written as is, the file would not open
# the control characters XML 1.0 refuses (openpyxl's ILLEGAL_CHARACTERS_RE), and others
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f]")
NOT_XML = re.compile("[\ufffe\uffff\ud800-\udfff]")
TITLE_LIMIT = 31  # Excel's limit for a sheet's name
TITLE_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))
TITLE_RESERVED = "history"  # Excel keeps this name for its change tracking
MIN_WIDTH = 8
MAX_WIDTH = 40


def money(fen: int) -> Decimal:
    """Fen as exact yuan (two places)."""
    return Decimal(fen) / 100


class Percent(float):
    """A rate in [0, 1], shown as a percent."""


def percent(rate: float | None) -> Percent | None:
    return Percent(rate) if rate is not None else None


def local(at: datetime | None, zone: ZoneInfo) -> datetime | None:
    """A UTC moment as the wall-clock time in `zone` (XLSX has no time zones)."""
    return at.astimezone(zone).replace(tzinfo=None) if at is not None else None


def _units(ch: str) -> int:
    """UTF-16 code units, which Excel counts: an emoji takes two."""
    return 2 if ord(ch) > 0xFFFF else 1


def cell_text(value: str) -> str:
    """What XLSX can hold of a text: no control characters nor others XML refuses, at most
    CELL_LIMIT characters as Excel counts them (cut with an ellipsis)."""
    value = NOT_XML.sub("", CONTROL_CHARACTERS.sub("", value))
    if len(value) <= CELL_LIMIT // 2 or sum(map(_units, value)) <= CELL_LIMIT:
        return value
    room, kept = CELL_LIMIT - len(ELLIPSIS), 0
    for ch in value:
        if room < _units(ch):
            break
        room -= _units(ch)
        kept += 1
    return value[:kept] + ELLIPSIS


def sheet_title(name: str) -> str:
    """A name Excel accepts for a sheet: none of []:*?/\\, at most 31 characters, no
    apostrophe at either end, not its reserved "History"."""
    cleaned = " ".join(cell_text(name).translate(TITLE_FORBIDDEN).split()).strip("'")
    cleaned = cleaned[:TITLE_LIMIT].rstrip("'") or "Sheet"
    return f"{cleaned}_" if cleaned.casefold() == TITLE_RESERVED else cleaned


def shown_width(value: Any) -> int:
    """Roughly how many columns a value takes: wide (CJK) characters count twice."""
    if value is None:
        return 0
    if isinstance(value, datetime):
        return len("2026-11-21 10:00")
    return _text_width(str(value))


@lru_cache(maxsize=4096)
def _text_width(text: str) -> int:
    """Cached: a matrix repeats its few marks a million times."""
    lines = text.splitlines() or [""]
    return max(
        sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line) for line in lines
    )


@cache
def _styles() -> tuple[Font, Alignment]:
    """Bold, and text wrapping at the top of the cell."""
    from openpyxl.styles import Alignment, Font

    return Font(bold=True), Alignment(wrap_text=True, vertical="top")


class Sheet:
    """One worksheet, filled from the top. The rows wait as plain values (a cell object only
    where a style, a number format or a text that would read as a formula or an error code
    needs one) and are streamed into a write-only worksheet at the end, once the column
    widths are known: a matrix of 300 members by 5,000 meetings then costs tens of
    megabytes, not a gigabyte of cell objects."""

    def __init__(self, worksheet: WriteOnlyWorksheet) -> None:
        self.worksheet = worksheet
        self.rows: list[list[Any]] = []
        self.widths: dict[int, int] = {}
        self.fixed: dict[int, int] = {}

    def add(self, values: Iterable[Any], bold: bool = False, wrap: Collection[int] = ()) -> int:
        """Adds the next row (columns from 1; `wrap` the columns whose text wraps) and
        returns its number."""
        row: list[Any] = []
        for column, value in enumerate(values, start=1):
            if value is None or value == "":
                row.append(None)  # an empty cell, not an empty text
                continue
            shape = None
            if isinstance(value, str):
                value = cell_text(value)
                if not value:  # nothing but control characters
                    row.append(None)
                    continue
            elif isinstance(value, Percent):
                value, shape = float(value), PERCENT_FORMAT
            elif isinstance(value, Decimal):
                shape = MONEY
            elif isinstance(value, datetime):
                shape = DATETIME_FORMAT
            wrapped = column in wrap
            if bold or wrapped or shape or (isinstance(value, str) and value[:1] in "=#"):
                row.append(self._cell(value, shape, bold, wrapped))
            else:
                row.append(value)
            shown = min(shown_width(value) + 2, MAX_WIDTH)
            if shown > self.widths.get(column, MIN_WIDTH):
                self.widths[column] = shown
        self.rows.append(row)
        return len(self.rows)

    def _cell(self, value: Any, shape: str | None, bold: bool, wrapped: bool) -> WriteOnlyCell:
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(self.worksheet, value)
        if isinstance(value, str):
            cell.data_type = "s"  # never a formula nor an error, whatever it starts with
        if shape:
            cell.number_format = shape
        bold_font, wrapping = _styles()
        if bold:
            cell.font = bold_font
        if wrapped:
            cell.alignment = wrapping
        return cell

    def skip(self) -> None:
        """An empty row between blocks."""
        self.rows.append([])

    def width(self, column: int, width: int) -> None:
        """A fixed width for a column whose text wraps (minutes, lists of names)."""
        self.fixed[column] = width

    def finish(self, freeze: str | None) -> None:
        """Freezes the panes, sets the widths and writes the rows: in that order, as a
        write-only worksheet requires."""
        from openpyxl.utils import get_column_letter

        if freeze:
            self.worksheet.freeze_panes = freeze
        for column, width in {**self.widths, **self.fixed}.items():
            self.worksheet.column_dimensions[get_column_letter(column)].width = width
        for row in self.rows:
            self.worksheet.append(row)


class Book:
    """A workbook of one or more sheets; every sheet is frozen at `freeze` unless told."""

    def __init__(self) -> None:
        from openpyxl import Workbook

        self.workbook = Workbook(write_only=True)
        self.sheets: list[tuple[Sheet, str | None]] = []

    def sheet(self, title: str, freeze: str | None = "B3") -> Sheet:
        sheet = Sheet(self.workbook.create_sheet(sheet_title(title)))
        self.sheets.append((sheet, freeze))
        return sheet

    def save(self) -> bytes:
        for sheet, freeze in self.sheets:
            sheet.finish(freeze)
        buffer = io.BytesIO()
        self.workbook.save(buffer)
        return buffer.getvalue()
