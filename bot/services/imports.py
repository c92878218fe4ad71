"""Bulk import of an organization tree and a member roster from CSV or XLSX files.

Secretaries keep their rosters in Excel. `parse_file` turns an uploaded workbook (or a
CSV file, UTF-8 or the GB18030/GBK that Chinese Excel writes) into raw rows keyed by
canonical column ids; `apply_import` checks every row and writes all accepted rows in
one transaction, reporting each row as created, updated, unchanged or rejected (with a
Fluent message id and its parameters as the reason).

Sheets are recognised by their header row (looked for in the first ten rows), never by
their name, and headers may be written in Chinese, English or Mongolian (see
`HEADER_ALIASES`). Level, kind and role cells also accept the usual Chinese words.

The import is additive: organizations are created or updated (renamed, re-levelled,
moved) and people are created, updated and given roles, but an import never removes a
member, a role or an organization. Importing the same file twice changes nothing.

Rules worth knowing:

* Organizations are keyed by code. A parent may appear after its children in the file.
  A column missing from the sheet leaves that field alone; a column present but blank
  clears it (kind, time zone) or, for the parent code, means "a root committee", which
  only the operator may create or move an organization to.
* A person is matched by Telegram id, else by phone, else by the same name among the
  organization's members. A phone or name match is not taken when it contradicts the row
  (the candidate is linked to another Telegram account, or a name match has another
  phone). Blank phone and Telegram id cells never clear what is stored.
* Changing an existing person (name, phone, linking a Telegram id) requires that the
  actor could have granted every role that person already holds; otherwise the row is
  rejected, so nobody edits people outside their own organizations.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import Enum, StrEnum
from pathlib import PurePath
from typing import Any, Final, TypeVar

from bot.services import access
from bot.services.access import Action, Actor
from bot.services.errors import InvalidInput
from bot.services.organizations import NAME_MAX as ORG_NAME_MAX
from bot.services.organizations import check_code, check_placement, check_timezone
from bot.services.people import NAME_MAX as PERSON_NAME_MAX
from bot.services.people import clean_name, normalize_phone
from bot.services.roles import ALLOWED_PARENTS, ROLES_AT_LEVEL, Kind, Level, Role
from storage.models import Membership, Organization, Person
from storage.uow import UnitOfWork

MAX_ROWS: Final = 20_000
HEADER_SCAN_ROWS: Final = 10
LOOKUP_CHUNK: Final = 1_000  # ids per IN (...) query, well under every driver's limit

ORGANIZATIONS: Final = "organizations"
MEMBERS: Final = "members"
SHEETS: Final = (ORGANIZATIONS, MEMBERS)

ORGANIZATION_COLUMNS: Final = ("code", "name", "level", "kind", "parent_code", "timezone")
MEMBER_COLUMNS: Final = ("org_code", "name", "phone", "role", "telegram_id")
COLUMNS: Final[Mapping[str, tuple[str, ...]]] = {
    ORGANIZATIONS: ORGANIZATION_COLUMNS,
    MEMBERS: MEMBER_COLUMNS,
}
ALL_COLUMNS: Final = tuple(dict.fromkeys(ORGANIZATION_COLUMNS + MEMBER_COLUMNS))
REQUIRED: Final[Mapping[str, frozenset[str]]] = {
    ORGANIZATIONS: frozenset({"code", "name", "level"}),
    MEMBERS: frozenset({"org_code", "name", "role"}),
}

_ORG = "ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ"  # bayiγululγ-a, organization
_CODE = "ᠺᠣᠳ᠋"  # kod
_GEN = "\u202fᠶᠢᠨ"  # genitive suffix, joined by a narrow no-break space

# The header each locale's template writes; `import-col-<column>` in locales/ says the same.
HEADER_LABELS: Final[Mapping[str, Mapping[str, str]]] = {
    "en": {
        "code": "Code",
        "name": "Name",
        "level": "Level",
        "kind": "Kind",
        "parent_code": "Parent code",
        "timezone": "Time zone",
        "org_code": "Org code",
        "phone": "Phone",
        "role": "Role",
        "telegram_id": "Telegram ID",
    },
    "zh": {
        "code": "编码",
        "name": "名称",
        "level": "层级",
        "kind": "类型",
        "parent_code": "上级编码",
        "timezone": "时区",
        "org_code": "组织编码",
        "phone": "手机号",
        "role": "角色",
        "telegram_id": "Telegram ID",
    },
    "mn": {
        "code": _CODE,
        "name": "ᠨᠡᠷᠡ",
        "level": "ᠲᠦᠪᠰᠢᠨ",
        "kind": "ᠲᠥᠷᠥᠯ",
        "parent_code": f"ᠳᠡᠭᠡᠳᠦ {_CODE}",
        "timezone": "ᠴᠠᠭ\u202fᠤᠨ ᠪᠦᠰᠡ",
        "org_code": f"{_ORG}{_GEN} {_CODE}",
        "phone": "ᠤᠲᠠᠰᠤ",
        "role": "ᠦᠦᠷᠭᠡ",
        "telegram_id": "Telegram ID",
    },
}

# Every header accepted for each column of each sheet (compared case-insensitively, with
# spaces, "_" and "-" alike). The canonical labels above are included.
HEADER_ALIASES: Final[Mapping[str, Mapping[str, tuple[str, ...]]]] = {
    ORGANIZATIONS: {
        "code": (
            "code", "Code", "Org code", "Organization code",
            "编码", "组织编码", "代码", "党组织编码", "组织代码",
            _CODE, f"{_ORG}{_GEN} {_CODE}",
        ),
        "name": (
            "name", "Name", "Organization name", "Org name",
            "名称", "组织名称", "党组织名称",
            "ᠨᠡᠷᠡ", f"{_ORG}{_GEN} ᠨᠡᠷᠡ",
        ),
        "level": ("level", "Level", "层级", "级别", "ᠲᠦᠪᠰᠢᠨ", "ᠳᠡᠰ"),
        "kind": ("kind", "Kind", "Type", "类型", "类别", "ᠲᠥᠷᠥᠯ"),
        "parent_code": (
            "parent_code", "Parent code", "Parent",
            "上级编码", "上级组织编码", "上级代码", "上级",
            f"ᠳᠡᠭᠡᠳᠦ {_CODE}", f"ᠳᠡᠭᠡᠳᠦ {_ORG}{_GEN} {_CODE}",
        ),
        "timezone": ("timezone", "Time zone", "时区", "ᠴᠠᠭ\u202fᠤᠨ ᠪᠦᠰᠡ"),
    },
    MEMBERS: {
        "org_code": (
            "org_code", "Org code", "Organization code",
            "组织编码", "所属组织编码", "党组织编码", "支部编码", "组织代码",
            f"{_ORG}{_GEN} {_CODE}",
        ),
        "name": ("name", "Name", "Full name", "姓名", "名称", "ᠨᠡᠷᠡ", "ᠣᠪᠣᠭ ᠨᠡᠷᠡ"),
        "phone": (
            "phone", "Phone", "Phone number", "Mobile",
            "手机", "手机号", "手机号码", "电话", "联系电话",
            "ᠤᠲᠠᠰᠤ", "ᠤᠲᠠᠰᠤᠨ\u202fᠤ ᠳ᠋ᠤᠭᠠᠷ", "ᠭᠠᠷ ᠤᠲᠠᠰᠤ",
        ),
        "role": ("role", "Role", "角色", "身份", "ᠦᠦᠷᠭᠡ"),
        "telegram_id": ("telegram_id", "Telegram ID", "TelegramID", "Telegram", "TG ID"),
    },
}  # fmt: skip

_LEVEL_WORDS: Final[Mapping[Level, tuple[str, ...]]] = {
    Level.COMMITTEE: ("党委", "党工委", "组织部", "party committee"),
    Level.GENERAL_BRANCH: ("党总支", "总支", "general branch"),
    Level.BRANCH: ("党支部", "支部", "party branch"),
    Level.GROUP: ("党小组", "小组", "party group"),
}
_KIND_WORDS: Final[Mapping[Kind, tuple[str, ...]]] = {
    Kind.VILLAGE: ("嘎查村", "村", "嘎查"),
    Kind.COMMUNITY: ("社区",),
    Kind.ENTERPRISE: ("两新", "企业"),
    Kind.OFFICE: ("机关",),
    Kind.SCHOOL: ("学校",),
    Kind.HOSPITAL: ("医院",),
    Kind.PROJECT: ("项目",),
    Kind.GRID: ("网格",),
    Kind.EXPRESS: ("快递",),
    Kind.OTHER: ("其他",),
}
_ROLE_WORDS: Final[Mapping[Role, tuple[str, ...]]] = {
    Role.ADMIN: ("管理员", "组织部"),
    Role.SECRETARY: ("书记", "支部书记"),
    Role.DEPUTY_SECRETARY: ("副书记",),
    Role.COMMITTEE_MEMBER: ("支委", "委员"),
    Role.GROUP_LEADER: ("党小组长", "组长"),
    Role.CENTRAL_HOUSEHOLD: ("党员中心户", "中心户"),
    Role.MEMBER: ("党员", "正式党员"),
    Role.PROBATIONARY_MEMBER: ("预备党员",),
    Role.RESIDENT: ("群众", "居民"),
}

_TEMPLATE_EXAMPLES: Final[Mapping[str, Mapping[str, str]]] = {
    # The parent code does not exist, so an example row left in by mistake is rejected.
    ORGANIZATIONS: {
        "code": "EX-BR-01",
        "name": "Example branch",
        "level": Level.BRANCH.value,
        "kind": Kind.VILLAGE.value,
        "parent_code": "EX-C-01",
        "timezone": "Asia/Shanghai",
    },
    MEMBERS: {
        "org_code": "EX-BR-01",
        "name": "Example Person",
        "phone": "+86 138 0013 8000",
        "role": Role.MEMBER.value,
        "telegram_id": "",
    },
}
_TEXT_COLUMNS: Final = frozenset({"code", "parent_code", "org_code", "phone", "telegram_id"})

_INVISIBLE = dict.fromkeys(
    [0x180B, 0x180C, 0x180D, 0x180E, 0x180F, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]
)
_SEPARATORS = re.compile(r"[\s_\-]+")
_INTEGRAL = re.compile(r"(\+?\d+)\.0*")
_TELEGRAM_ID = re.compile(r"\d{1,19}")
_SHEET_TITLE_JUNK = re.compile(r"[\[\]:*?/\\]")
_TELEGRAM_ID_MAX = 2**63 - 1


def _fold(text: str) -> str:
    """Compatibility-normalize, drop invisible joiners, casefold, and unify separators."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).casefold()
    return _SEPARATORS.sub(" ", text).strip()


def _fold_header(text: str) -> str:
    return _fold(text).rstrip("*:").strip()


def _build_header_lookup() -> dict[str, dict[str, str]]:
    lookup: dict[str, dict[str, str]] = {}
    for sheet, columns in HEADER_ALIASES.items():
        table: dict[str, str] = {}
        for column, aliases in columns.items():
            for alias in aliases:
                table.setdefault(_fold_header(alias), column)
        lookup[sheet] = table
    return lookup


_HEADER_LOOKUP: Final = _build_header_lookup()

_E = TypeVar("_E", bound=StrEnum)


def _value_table(enum: type[_E], words: Mapping[_E, tuple[str, ...]]) -> dict[str, _E]:
    table = {_fold(member.value): member for member in enum}
    for member, aliases in words.items():
        for alias in aliases:
            table[_fold(alias)] = member
    return table


_LEVELS: Final = _value_table(Level, _LEVEL_WORDS)
_KINDS: Final = _value_table(Kind, _KIND_WORDS)
_ROLES: Final = _value_table(Role, _ROLE_WORDS)


# ---------------------------------------------------------------------------- parsing


@dataclass(frozen=True)
class ParsedRow:
    """One data row: the text of each canonical column the sheet has ("" when blank).

    A column the sheet does not have is absent from `cells`.
    """

    row: int  # as the user sees it in Excel or a text editor; the header row is 1 usually
    cells: Mapping[str, str]
    source: str = ""  # the workbook sheet's title, "" for CSV
    headers: Mapping[str, str] = field(default_factory=dict)  # column id -> header as written

    def get(self, column: str) -> str | None:
        return self.cells.get(column)


@dataclass(frozen=True)
class ParsedImport:
    organizations: tuple[ParsedRow, ...] = ()
    members: tuple[ParsedRow, ...] = ()

    @property
    def row_count(self) -> int:
        return len(self.organizations) + len(self.members)


class _RowBudget:
    def __init__(self, limit: int) -> None:
        self.left = limit

    def take(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise InvalidInput("import-error-too-many-rows", max=MAX_ROWS)


@dataclass(frozen=True)
class _Table:
    sheet: str
    rows: tuple[ParsedRow, ...]


def parse_file(filename: str, content: bytes) -> ParsedImport:
    """Read a .xlsx workbook or a .csv file into organization and member rows.

    Raises InvalidInput("import-error-format") for anything unreadable or without a
    recognisable header row, and "import-error-too-many-rows" past MAX_ROWS data rows.
    """
    suffix = PurePath(filename.strip().lower()).suffix
    if content.startswith(b"PK\x03\x04"):
        tables = _read_workbook(content)
    elif suffix in (".csv", ".txt"):
        tables = _read_csv(content)
    else:
        raise InvalidInput("import-error-format")
    if not tables:
        raise InvalidInput("import-error-format")
    organizations = tuple(r for t in tables if t.sheet == ORGANIZATIONS for r in t.rows)
    members = tuple(r for t in tables if t.sheet == MEMBERS for r in t.rows)
    return ParsedImport(organizations=organizations, members=members)


def _read_workbook(content: bytes) -> list[_Table]:
    import openpyxl  # by the first import, not at start-up: openpyxl brings numpy and PIL

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # a broken zip, a missing part, bad XML: all the same to the user
        raise InvalidInput("import-error-format") from None
    budget = _RowBudget(MAX_ROWS)
    tables: list[_Table] = []
    try:
        for sheet in workbook.worksheets:
            sheet.reset_dimensions()  # some writers store a wrong size; read what is there
            rows = (
                [_cell_text(v) for v in row]
                for row in sheet.iter_rows(min_row=1, values_only=True)
            )
            table = _read_table(rows, str(sheet.title), budget)
            if table is not None:
                tables.append(table)
    except InvalidInput:
        raise
    except Exception:
        raise InvalidInput("import-error-format") from None
    finally:
        workbook.close()
    return tables


def _read_csv(content: bytes) -> list[_Table]:
    text = _decode(content)
    if "\x00" in text:
        raise InvalidInput("import-error-format")
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        table = _read_table(
            ([c.strip() for c in record] for record in reader), "", _RowBudget(MAX_ROWS)
        )
    except csv.Error:
        raise InvalidInput("import-error-format") from None
    return [table] if table is not None else []


def _decode(content: bytes) -> str:
    try:
        if content.startswith(codecs.BOM_UTF8):
            return content[len(codecs.BOM_UTF8) :].decode("utf-8")
        if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return content.decode("utf-16")
        try:
            return content.decode("utf-8")
        except UnicodeDecodeError:
            return content.decode("gb18030")  # a superset of GBK, what Chinese Excel saves
    except UnicodeDecodeError:
        raise InvalidInput("import-error-format") from None


def _cell_text(value: object) -> str:
    """A cell as text; numbers typed into Excel (phones, ids) become plain digit strings."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e18:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value).strip()


def _recognise(cells: Sequence[str]) -> tuple[str, dict[str, int], dict[str, str]] | None:
    """Which sheet a header row belongs to, with each column's position and header text."""
    found: list[tuple[int, str, dict[str, int], str | None]] = []
    for sheet in SHEETS:
        lookup = _HEADER_LOOKUP[sheet]
        positions: dict[str, int] = {}
        duplicate: str | None = None
        for index, text in enumerate(cells):
            column = lookup.get(_fold_header(text)) if text else None
            if column is None:
                continue
            if column in positions:
                duplicate = duplicate or text
            else:
                positions[column] = index
        if REQUIRED[sheet] <= positions.keys():
            found.append((len(positions), sheet, positions, duplicate))
    if not found:
        return None
    found.sort(key=lambda f: -f[0])
    if len(found) > 1 and found[0][0] == found[1][0]:
        raise InvalidInput("import-error-format")
    _, sheet, positions, duplicate = found[0]
    if duplicate is not None:
        raise InvalidInput("import-error-duplicate-column", column=duplicate)
    return sheet, positions, {column: cells[i] for column, i in positions.items()}


def _read_table(rows: Iterable[list[str]], source: str, budget: _RowBudget) -> _Table | None:
    iterator: Iterator[list[str]] = iter(rows)
    header: tuple[str, dict[str, int], dict[str, str]] | None = None
    number = 0
    for number, cells in enumerate(iterator, start=1):
        if any(cells):
            header = _recognise(cells)
            if header is not None:
                break
        if number >= HEADER_SCAN_ROWS:
            return None
    if header is None:
        return None
    sheet, positions, header_texts = header
    parsed: list[ParsedRow] = []
    for row_number, cells in enumerate(iterator, start=number + 1):
        values = {c: (cells[i].strip() if i < len(cells) else "") for c, i in positions.items()}
        if not any(values.values()):
            continue
        budget.take()
        parsed.append(ParsedRow(row=row_number, cells=values, source=source, headers=header_texts))
    return _Table(sheet=sheet, rows=tuple(parsed))


# --------------------------------------------------------------------------- template


def template_workbook(
    labels: Mapping[str, str], sheet_names: Mapping[str, str] | None = None
) -> bytes:
    """An empty workbook to fill in: one sheet per kind, localized headers, one example row.

    `labels` maps each column id to its header (`import-col-<column>`); `sheet_names` maps
    "organizations"/"members" to sheet titles (`import-sheet-<sheet>`), defaulting to those
    ids. Whatever the labels, `parse_file` reads the result back.
    """
    import openpyxl
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = openpyxl.Workbook()
    used_titles: set[str] = set()
    bold = Font(bold=True)
    fill = PatternFill(start_color="FFDDEBF7", end_color="FFDDEBF7", fill_type="solid")
    for index, sheet in enumerate(SHEETS):
        worksheet = workbook.active if index == 0 else workbook.create_sheet()
        worksheet.title = _sheet_title((sheet_names or {}).get(sheet, ""), sheet, used_titles)
        columns = COLUMNS[sheet]
        worksheet.append([labels.get(c) or c for c in columns])
        worksheet.append([_TEMPLATE_EXAMPLES[sheet][c] for c in columns])
        for position, column in enumerate(columns, start=1):
            letter = get_column_letter(position)
            header = worksheet.cell(row=1, column=position)
            header.font = bold
            header.fill = fill
            width = max(len(str(header.value)) * 2, len(_TEMPLATE_EXAMPLES[sheet][column]))
            worksheet.column_dimensions[letter].width = max(14, width + 4)
            if column in _TEXT_COLUMNS:  # keep phones and ids as typed, not as numbers
                worksheet.column_dimensions[letter].number_format = "@"
                worksheet.cell(row=2, column=position).number_format = "@"
        worksheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_title(wanted: str, fallback: str, used: set[str]) -> str:
    title = _SHEET_TITLE_JUNK.sub(" ", wanted).strip().strip("'")[:31].strip() or fallback
    if title.casefold() in used:
        title = fallback
    used.add(title.casefold())
    return title


# ---------------------------------------------------------------------------- applying


class RowStatus(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    REJECTED = "rejected"


@dataclass(frozen=True)
class RowOutcome:
    sheet: str  # "organizations" or "members"
    row: int
    status: RowStatus
    reason_key: str | None = None  # a Fluent message id when rejected
    reason_params: dict[str, Any] = field(default_factory=dict)
    source: str = ""  # the workbook sheet's title, "" for CSV


@dataclass(frozen=True)
class ImportReport:
    outcomes: list[RowOutcome]

    def count(self, status: RowStatus | str) -> int:
        return sum(1 for outcome in self.outcomes if outcome.status == status)

    @property
    def rejected(self) -> list[RowOutcome]:
        return [o for o in self.outcomes if o.status == RowStatus.REJECTED]


async def apply_import(
    uow: UnitOfWork, actor: Actor, parsed: ParsedImport, now: datetime
) -> ImportReport:
    """Apply organization rows, then member rows; commit once; report every row."""
    importer = _Importer(uow, actor, now)
    org_outcomes = await importer.organizations(parsed.organizations)
    member_outcomes = await importer.members(parsed.members)
    await uow.commit()
    return ImportReport(outcomes=org_outcomes + member_outcomes)


class _Rejected(Exception):
    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


class _Keep(Enum):
    """A column the sheet does not have: leave the stored value alone."""

    KEEP = "keep"


@dataclass(frozen=True)
class _OrgRow:
    row: ParsedRow
    code: str
    name: str
    level: Level
    kind: Kind | _Keep | None
    parent_code: str | _Keep | None
    timezone: str | _Keep | None


@dataclass(frozen=True)
class _MemberRow:
    row: ParsedRow
    org: Organization
    name: str
    phone: str | None
    role: Role
    telegram_id: int | None


_T = TypeVar("_T")


def _chunks(items: Iterable[_T], size: int = LOOKUP_CHUNK) -> Iterator[list[_T]]:
    batch: list[_T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_INVISIBLE).strip()


def _required(row: ParsedRow, column: str) -> str:
    text = (row.get(column) or "").strip()
    if not text:
        raise _Rejected("import-error-required", column=row.headers.get(column) or column)
    return text


def _code(text: str) -> str:
    text = _nfkc(text)
    try:
        return check_code(text)
    except InvalidInput:
        raise _Rejected("import-error-code", code=text) from None


def _enum_value(text: str, table: Mapping[str, _E], key: str) -> _E:
    found = table.get(_fold(text))
    if found is None:
        raise _Rejected(key, value=text)
    return found


def _org_name(text: str) -> str:
    name = " ".join(text.split())
    if not name or len(name) > ORG_NAME_MAX or any(unicodedata.category(c) == "Cc" for c in name):
        raise _Rejected("import-error-org-name", max=ORG_NAME_MAX)
    return name


def _timezone(text: str) -> str | None:
    name = _nfkc(text)
    try:
        zone = check_timezone(name) if len(name) <= 64 else None
    except InvalidInput:
        zone = None
    if name and zone is None:
        raise _Rejected("import-error-timezone", timezone=name)
    return zone


def _person_name(text: str) -> str:
    try:
        return clean_name(text)
    except InvalidInput:
        raise _Rejected("import-error-person-name", max=PERSON_NAME_MAX) from None


def _integral(text: str) -> str:
    """ "13800138000.0" (a number that went through a spreadsheet) is "13800138000"."""
    match = _INTEGRAL.fullmatch(text)
    return match.group(1) if match else text


def _phone(text: str) -> str | None:
    raw = _integral(_nfkc(text))
    if not raw:
        return None
    try:
        return normalize_phone(raw)
    except InvalidInput:
        raise _Rejected("import-error-phone", phone=text) from None


def _telegram_id(text: str) -> int | None:
    raw = _integral(_nfkc(text))
    if not raw:
        return None
    value = int(raw) if _TELEGRAM_ID.fullmatch(raw) else 0
    if not 0 < value <= _TELEGRAM_ID_MAX:
        raise _Rejected("import-error-telegram-id", value=text)
    return value


class _Importer:
    def __init__(self, uow: UnitOfWork, actor: Actor, now: datetime) -> None:
        self.uow = uow
        self.actor = actor
        self.now = now
        self.by_code: dict[str, Organization] = {}
        self.by_id: dict[int, Organization] = {}
        self.rejected_codes: set[str] = set()  # codes whose own row was rejected

    def _known(self, org: Organization) -> None:
        self.by_code[org.code] = org
        self.by_id[org.id] = org

    async def _load_codes(self, codes: Iterable[str]) -> None:
        missing = {c for c in codes if c not in self.by_code}
        for chunk in _chunks(sorted(missing)):
            for org in (await self.uow.organizations.by_codes(chunk)).values():
                self._known(org)

    async def _load_ids(self, ids: Iterable[int]) -> None:
        missing = {i for i in ids if i not in self.by_id}
        for chunk in _chunks(sorted(missing)):
            for org in (await self.uow.organizations.by_ids(chunk)).values():
                self._known(org)

    def _can(self, action: Action, org: Organization, role: Role | None = None) -> bool:
        return access.can(self.actor, action, org, role)

    # ------------------------------------------------------------ organizations

    async def organizations(self, rows: Sequence[ParsedRow]) -> list[RowOutcome]:
        results: dict[int, RowOutcome] = {}
        specs: dict[str, tuple[int, _OrgRow]] = {}
        seen: set[str] = set()
        for index, row in enumerate(rows):
            try:
                code = _code(_required(row, "code"))
                if code in seen:
                    raise _Rejected("import-error-duplicate-code", code=code)
                seen.add(code)
                try:
                    specs[code] = (index, self._org_spec(row, code))
                except _Rejected:
                    self.rejected_codes.add(code)
                    raise
            except _Rejected as rejected:
                results[index] = _rejected(ORGANIZATIONS, row, rejected)

        wanted = set(specs) | {
            s.parent_code for _, s in specs.values() if isinstance(s.parent_code, str)
        }
        await self._load_codes(wanted)
        await self._load_ids(o.parent_id for o in list(self.by_code.values()) if o.parent_id)

        order, cyclic = _dependency_order([s for _, s in specs.values()])
        for spec in cyclic:
            index = specs[spec.code][0]
            self.rejected_codes.add(spec.code)
            results[index] = _rejected(
                ORGANIZATIONS, spec.row, _Rejected("import-error-cycle", code=spec.code)
            )
        for spec in order:
            index = specs[spec.code][0]
            try:
                status = await self._apply_org(spec)
            except _Rejected as rejected:
                self.rejected_codes.add(spec.code)
                results[index] = _rejected(ORGANIZATIONS, spec.row, rejected)
            else:
                results[index] = _outcome(ORGANIZATIONS, spec.row, status)
        return [results[i] for i in range(len(rows))]

    def _org_spec(self, row: ParsedRow, code: str) -> _OrgRow:
        name = _org_name(_required(row, "name"))
        level = _enum_value(_required(row, "level"), _LEVELS, "import-error-unknown-level")
        kind_text = row.get("kind")
        kind: Kind | _Keep | None = _Keep.KEEP
        if kind_text is not None:
            kind = (
                _enum_value(kind_text, _KINDS, "import-error-unknown-kind") if kind_text else None
            )
        parent_text = row.get("parent_code")
        parent: str | _Keep | None = _Keep.KEEP
        if parent_text is not None:
            parent = _code(parent_text) if parent_text else None
        zone_text = row.get("timezone")
        zone: str | _Keep | None = _Keep.KEEP if zone_text is None else _timezone(zone_text)
        return _OrgRow(row, code, name, level, kind, parent, zone)

    def _parent(self, spec: _OrgRow, existing: Organization | None) -> Organization | None:
        if spec.parent_code is _Keep.KEEP:
            if existing is None or existing.parent_id is None:
                return None
            return self.by_id[existing.parent_id]
        if spec.parent_code is None:
            return None
        parent = self.by_code.get(spec.parent_code)
        if parent is None:
            key = (
                "import-error-parent-rejected"
                if spec.parent_code in self.rejected_codes
                else "import-error-parent-missing"
            )
            raise _Rejected(key, code=spec.parent_code)
        return parent

    def _place(self, level: Level, parent: Organization | None) -> None:
        try:
            check_placement(level, parent)
        except InvalidInput as error:
            raise _Rejected("import-error-placement", **error.params) from None

    async def _apply_org(self, spec: _OrgRow) -> RowStatus:
        existing = self.by_code.get(spec.code)
        parent = self._parent(spec, existing)
        if existing is None:
            return await self._create_org(spec, parent)
        return await self._update_org(existing, spec, parent)

    async def _create_org(self, spec: _OrgRow, parent: Organization | None) -> RowStatus:
        if parent is None:
            if not self.actor.operator:
                raise _Rejected("import-error-root-denied")
        elif not self._can(Action.MANAGE_ORGANIZATION, parent):
            raise _Rejected("import-error-access-denied")
        self._place(spec.level, parent)
        org = Organization(
            code=spec.code,
            name=spec.name,
            level=spec.level,
            kind=None if spec.kind is _Keep.KEEP else spec.kind,
            parent_id=parent.id if parent else None,
            timezone=None if spec.timezone is _Keep.KEEP else spec.timezone,
            settings={},
            created_at=self.now,
        )
        await self.uow.organizations.add(org, parent)
        self._known(org)
        return RowStatus.CREATED

    async def _update_org(
        self, org: Organization, spec: _OrgRow, parent: Organization | None
    ) -> RowStatus:
        kind = org.kind if spec.kind is _Keep.KEEP else spec.kind
        zone = org.timezone if spec.timezone is _Keep.KEEP else spec.timezone
        moving = (parent.id if parent else None) != org.parent_id
        changed = moving or (org.name, org.level, org.kind, org.timezone) != (
            spec.name,
            spec.level,
            kind,
            zone,
        )
        if not self._can(Action.MANAGE_ORGANIZATION, org):
            raise _Rejected("import-error-access-denied")
        if not changed:
            return RowStatus.UNCHANGED
        current_parent = self.by_id.get(org.parent_id) if org.parent_id else None
        if current_parent is not None and not self._can(
            Action.MANAGE_ORGANIZATION, current_parent
        ):
            raise _Rejected("import-error-access-denied")
        if moving:
            if parent is None:
                if not self.actor.operator:
                    raise _Rejected("import-error-root-denied")
            elif not self._can(Action.MANAGE_ORGANIZATION, parent):
                raise _Rejected("import-error-access-denied")
            elif parent.path.startswith(org.path):
                raise _Rejected("import-error-cycle", code=spec.code)
        self._place(spec.level, parent)
        if spec.level != org.level:
            children = await self.uow.organizations.children(org.id)
            if any(spec.level not in ALLOWED_PARENTS[child.level] for child in children):
                raise _Rejected("import-error-level-children", code=spec.code)
            invalid = [r for r in Role if r not in ROLES_AT_LEVEL[spec.level]]
            if await self.uow.memberships.holders([org.id], invalid):
                raise _Rejected("import-error-level-roles", code=spec.code)
        org.name, org.level, org.kind, org.timezone = spec.name, spec.level, kind, zone
        if moving:
            old_prefix = org.path
            await self.uow.organizations.move(org, parent)
            # The move rewrote the subtree's paths in the database only; reload ours.
            for other in list(self.by_code.values()):
                if other is not org and other.path.startswith(old_prefix):
                    await self.uow.session.refresh(other, ["path"])
        return RowStatus.UPDATED

    # ------------------------------------------------------------------ members

    async def members(self, rows: Sequence[ParsedRow]) -> list[RowOutcome]:
        results: dict[int, RowOutcome] = {}
        codes: set[str] = set()
        for row in rows:
            try:
                codes.add(_code(row.get("org_code") or ""))
            except _Rejected:
                continue
        await self._load_codes(codes)

        specs: list[tuple[int, _MemberRow]] = []
        for index, row in enumerate(rows):
            try:
                specs.append((index, self._member_spec(row)))
            except _Rejected as rejected:
                results[index] = _rejected(MEMBERS, row, rejected)

        matcher = _Matcher(self)
        await matcher.preload([s for _, s in specs])
        for index, spec in specs:
            try:
                status = await matcher.apply(spec)
            except _Rejected as rejected:
                results[index] = _rejected(MEMBERS, spec.row, rejected)
            else:
                results[index] = _outcome(MEMBERS, spec.row, status)
        await matcher.flush()
        return [results[i] for i in range(len(rows))]

    def _member_spec(self, row: ParsedRow) -> _MemberRow:
        code = _code(_required(row, "org_code"))
        name = _person_name(_required(row, "name"))
        role = _enum_value(_required(row, "role"), _ROLES, "import-error-unknown-role")
        phone = _phone(row.get("phone") or "")
        telegram_id = _telegram_id(row.get("telegram_id") or "")
        org = self.by_code.get(code)
        if org is None:
            key = (
                "import-error-org-rejected"
                if code in self.rejected_codes
                else "import-error-org-missing"
            )
            raise _Rejected(key, code=code)
        if role not in ROLES_AT_LEVEL[org.level]:
            raise _Rejected("import-error-role-not-at-level", role=role, level=org.level)
        if not self._can(Action.IMPORT, org):
            raise _Rejected("import-error-access-denied")
        return _MemberRow(row, org, name, phone, role, telegram_id)


_PersonKey = int | Person  # a stored person's id, or a person this import is creating


class _Matcher:
    """Finds the person each roster row means, from lookups batched up front."""

    def __init__(self, importer: _Importer) -> None:
        self.uow = importer.uow
        self.actor = importer.actor
        self.now = importer.now
        self.by_telegram: dict[int, Person] = {}
        self.by_phone: dict[str, Person] = {}
        self.by_name: dict[tuple[int, str], Person] = {}
        self.held: set[tuple[_PersonKey, int, Role]] = set()
        self.new_people: list[Person] = []
        self.new_memberships: list[tuple[Person, int, Role]] = []
        self.telegram_claims: dict[int, str] = {}
        self.phone_claims: dict[str, str] = {}
        self.person_claims: dict[_PersonKey, tuple[str, str | None]] = {}
        self.editable: dict[int, bool] = {}

    async def preload(self, specs: Sequence[_MemberRow]) -> None:
        people = self.uow.people
        telegram_ids = sorted({s.telegram_id for s in specs if s.telegram_id is not None})
        for id_chunk in _chunks(telegram_ids):
            self.by_telegram.update(await people.by_telegram_ids(id_chunk))
        for phone_chunk in _chunks(sorted({s.phone for s in specs if s.phone is not None})):
            self.by_phone.update(await people.by_phones(phone_chunk))
        for org_chunk in _chunks(sorted({s.org.id for s in specs})):
            for person, membership in await self.uow.memberships.holders(org_chunk, list(Role)):
                self.held.add((person.id, membership.org_id, membership.role))
                self.by_name.setdefault((membership.org_id, person.display_name), person)

    def _match(self, spec: _MemberRow) -> Person | None:
        if spec.telegram_id is not None and spec.telegram_id in self.by_telegram:
            return self.by_telegram[spec.telegram_id]

        def fits(candidate: Person | None) -> bool:
            return candidate is not None and (
                spec.telegram_id is None or candidate.telegram_id is None
            )

        by_phone = self.by_phone.get(spec.phone) if spec.phone is not None else None
        if fits(by_phone):
            return by_phone
        by_name = self.by_name.get((spec.org.id, spec.name))
        if fits(by_name) and (
            spec.phone is None or by_name is None or by_name.phone in (None, spec.phone)
        ):
            return by_name
        return None

    @staticmethod
    def _key(person: Person) -> _PersonKey:
        return person if person.id is None else person.id

    async def _may_edit(self, person: Person) -> bool:
        """Whether the actor could have granted every role this person already holds."""
        if self.actor.operator or person.id is None:
            return True
        if person.id not in self.editable:
            held = await self.uow.memberships.of_person(person.id)
            self.editable[person.id] = all(
                access.can(self.actor, Action.IMPORT, org, membership.role)
                for membership, org in held
            )
        return self.editable[person.id]

    def _check_claims(self, spec: _MemberRow, person: Person | None) -> None:
        """Earlier rows of this file must not describe the same person differently."""
        conflict = (
            spec.telegram_id is not None
            and self.telegram_claims.get(spec.telegram_id, spec.name) != spec.name
        ) or (spec.phone is not None and self.phone_claims.get(spec.phone, spec.name) != spec.name)
        if person is not None and not conflict:
            claim = self.person_claims.get(self._key(person))
            if claim is not None:
                name, phone = claim
                conflict = name != spec.name or (
                    phone is not None and spec.phone is not None and phone != spec.phone
                )
        if conflict:
            raise _Rejected("import-error-duplicate-person")

    async def apply(self, spec: _MemberRow) -> RowStatus:
        person = self._match(spec)
        self._check_claims(spec, person)
        org_id, role = spec.org.id, spec.role
        if person is None:
            if not access.can(self.actor, Action.IMPORT, spec.org, role):
                raise _Rejected("import-error-access-denied")
            person = Person(
                telegram_id=spec.telegram_id,
                display_name=spec.name,
                phone=spec.phone,
                language=None,
                created_at=self.now,
            )
            self.new_people.append(person)
            self._remember(spec, person, org_id, role)
            return RowStatus.CREATED

        new_membership = (self._key(person), org_id, role) not in self.held
        if new_membership and not access.can(self.actor, Action.IMPORT, spec.org, role):
            raise _Rejected("import-error-access-denied")
        changes: dict[str, Any] = {}
        if person.display_name != spec.name:
            changes["display_name"] = spec.name
        if spec.phone is not None and person.phone != spec.phone:
            changes["phone"] = spec.phone
        if spec.telegram_id is not None and person.telegram_id is None:
            changes["telegram_id"] = spec.telegram_id
        if changes and not await self._may_edit(person):
            raise _Rejected("import-error-person-locked")
        if person.telegram_id is not None and not self.actor.operator and changes:
            # Someone on Telegram gave their own name and (verified) phone; a file must not
            # rewrite them, or a phone could be planted to hijack a roster entry later.
            raise _Rejected("import-error-person-linked")
        for attribute, value in changes.items():
            setattr(person, attribute, value)
        if new_membership:
            self._remember(spec, person, org_id, role)
            return RowStatus.CREATED
        self._remember(spec, person, None, role)
        return RowStatus.UPDATED if changes else RowStatus.UNCHANGED

    def _remember(self, spec: _MemberRow, person: Person, org_id: int | None, role: Role) -> None:
        key = self._key(person)
        if org_id is not None:
            self.held.add((key, org_id, role))
            self.new_memberships.append((person, org_id, role))
            self.by_name.setdefault((org_id, person.display_name), person)
        if person.telegram_id is not None:
            self.by_telegram.setdefault(person.telegram_id, person)
            self.telegram_claims.setdefault(person.telegram_id, spec.name)
        if person.phone is not None:
            self.by_phone.setdefault(person.phone, person)
        if spec.phone is not None:
            self.phone_claims.setdefault(spec.phone, spec.name)
        name, phone = self.person_claims.get(key, (spec.name, None))
        self.person_claims[key] = (name, phone or spec.phone)

    async def flush(self) -> None:
        """Insert the new people, then all new memberships, in two batches."""
        if self.new_people:
            await self.uow.people.add_many(self.new_people)
        if self.new_memberships:
            await self.uow.memberships.add_many(
                Membership(person_id=person.id, org_id=org_id, role=role, created_at=self.now)
                for person, org_id, role in self.new_memberships
            )


def _outcome(sheet: str, row: ParsedRow, status: RowStatus) -> RowOutcome:
    return RowOutcome(sheet=sheet, row=row.row, status=status, source=row.source)


def _rejected(sheet: str, row: ParsedRow, rejected: _Rejected) -> RowOutcome:
    return RowOutcome(
        sheet=sheet,
        row=row.row,
        status=RowStatus.REJECTED,
        reason_key=rejected.key,
        reason_params=dict(rejected.params),
        source=row.source,
    )


def _dependency_order(specs: Sequence[_OrgRow]) -> tuple[list[_OrgRow], list[_OrgRow]]:
    """Rows with parents before children (as far as the file says), and rows in cycles."""
    by_code = {spec.code: spec for spec in specs}
    visiting, done = 1, 2
    state: dict[str, int] = {}
    order: list[_OrgRow] = []
    cyclic: list[_OrgRow] = []
    for spec in specs:
        chain: list[_OrgRow] = []
        current: _OrgRow | None = spec
        while current is not None and current.code not in state:
            state[current.code] = visiting
            chain.append(current)
            parent_code = current.parent_code
            current = by_code.get(parent_code) if isinstance(parent_code, str) else None
        if current is not None and state[current.code] == visiting:
            start = next(i for i, c in enumerate(chain) if c.code == current.code)
            cyclic.extend(chain[start:])
            for member in chain[start:]:
                state[member.code] = done
            chain = chain[:start]
        for member in reversed(chain):
            state[member.code] = done
            order.append(member)
    return order, cyclic
