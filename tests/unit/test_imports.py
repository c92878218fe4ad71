"""Bulk import of the organization tree and the roster from CSV and XLSX files."""

from __future__ import annotations

import csv
import io
import random
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from fluent.syntax import ast, parse
from sqlalchemy import select

from bot.services import imports
from bot.services.access import OPERATOR, Actor
from bot.services.errors import InvalidInput
from bot.services.imports import (
    HEADER_LABELS,
    ImportReport,
    ParsedImport,
    RowStatus,
    apply_import,
    parse_file,
    template_workbook,
)
from bot.services.roles import Kind, Level, Role
from storage.models import Membership, Organization, Person
from storage.uow import UnitOfWork
from tests.factories import actor_of, build_tree, make_org, make_person

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ("zh", "en", "mn")
NNBSP = "\u202f"

ORG_HEADER = ["code", "name", "level", "kind", "parent_code", "timezone"]
MEMBER_HEADER = ["org_code", "name", "phone", "role", "telegram_id"]

Uow = Callable[[], UnitOfWork]


# ----------------------------------------------------------------------------- helpers


def csv_bytes(rows: Sequence[Sequence[Any]], encoding: str = "utf-8-sig") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(sheets: dict[str, Sequence[Sequence[Any]]]) -> bytes:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def orgs_csv(*rows: Sequence[Any], header: Sequence[str] = ORG_HEADER) -> ParsedImport:
    return parse_file("orgs.csv", csv_bytes([header, *rows]))


def members_csv(*rows: Sequence[Any], header: Sequence[str] = MEMBER_HEADER) -> ParsedImport:
    return parse_file("members.csv", csv_bytes([header, *rows]))


def both(orgs: ParsedImport, members: ParsedImport) -> ParsedImport:
    return ParsedImport(organizations=orgs.organizations, members=members.members)


async def run(uow: Uow, actor: Actor, parsed: ParsedImport, clock: Any) -> ImportReport:
    async with uow() as u:
        return await apply_import(u, actor, parsed, clock())


def by_row(report: ImportReport, sheet: str) -> dict[int, tuple[RowStatus, str | None]]:
    return {o.row: (o.status, o.reason_key) for o in report.outcomes if o.sheet == sheet}


async def orgs_by_code(uow: Uow) -> dict[str, Organization]:
    async with uow() as u:
        return {o.code: o for o in await u.session.scalars(select(Organization))}


async def people_named(uow: Uow, name: str) -> list[Person]:
    async with uow() as u:
        rows = await u.session.scalars(
            select(Person).where(Person.display_name == name).order_by(Person.id)
        )
        return list(rows)


async def roles_of(uow: Uow, person_id: int) -> set[tuple[str, Role]]:
    async with uow() as u:
        return {(o.code, m.role) for m, o in await u.memberships.of_person(person_id)}


async def count(uow: Uow, model: type[Any]) -> int:
    async with uow() as u:
        return len((await u.session.scalars(select(model))).all())


async def snapshot(uow: Uow) -> dict[str, list[tuple[Any, ...]]]:
    """Every column of every row of the tables an import writes."""
    async with uow() as u:
        result = {}
        for model in (Organization, Person, Membership):
            table = model.__table__
            rows = await u.session.execute(select(table).order_by(table.c.id))
            result[model.__tablename__] = [tuple(r) for r in rows]
        return result


def ftl_messages(locale: str) -> dict[str, tuple[str, set[str]]]:
    """Message id -> (plain text, variables) for locales/<locale>/import.ftl."""
    resource = parse((ROOT / "locales" / locale / "import.ftl").read_text(encoding="utf-8"))
    assert not [e for e in resource.body if isinstance(e, ast.Junk)], f"syntax error in {locale}"
    messages = {}
    for entry in resource.body:
        if isinstance(entry, ast.Message):
            assert entry.value is not None
            text, variables = "", set()
            for element in entry.value.elements:
                if isinstance(element, ast.TextElement):
                    text += element.value
                else:
                    assert isinstance(element, ast.Placeable)
                    assert isinstance(element.expression, ast.VariableReference)
                    variables.add(element.expression.id.name)
            messages[entry.id.name] = (text, variables)
    return messages


def reason_keys_in_module() -> set[str]:
    source = Path(imports.__file__).read_text(encoding="utf-8")
    return set(re.findall(r'"(import-error-[a-z-]+)"', source))


# ------------------------------------------------------------------- parsing: formats


async def test_utf8_bom_csv_builds_a_tree_with_parents_after_children(uow, clock):
    content = csv_bytes(
        [
            ["Code", "Name", "Level", "Kind", "Parent code", "Time zone"],
            ["G1", "第一党小组", "group", "", "B1", ""],
            ["B1", "哈业胡同嘎查党支部", "branch", "village", "GB1", ""],
            ["GB1", "九原区第一党总支", "general_branch", "", "ROOT", ""],
            ["ROOT", "九原区委组织部", "committee", "office", "", "Asia/Shanghai"],
        ],
        encoding="utf-8-sig",
    )
    assert content.startswith(b"\xef\xbb\xbf")
    parsed = parse_file("tree.csv", content)
    assert [r.row for r in parsed.organizations] == [2, 3, 4, 5]
    assert parsed.members == ()

    report = await run(uow, OPERATOR, parsed, clock)

    assert report.count(RowStatus.CREATED) == 4
    assert report.rejected == []
    assert [o.row for o in report.outcomes] == [2, 3, 4, 5]  # file order, not apply order
    orgs = await orgs_by_code(uow)
    root, gb1, b1, g1 = orgs["ROOT"], orgs["GB1"], orgs["B1"], orgs["G1"]
    assert root.parent_id is None and root.path == f"/{root.id}/"
    assert root.timezone == "Asia/Shanghai" and root.kind is Kind.OFFICE
    assert gb1.parent_id == root.id and gb1.level is Level.GENERAL_BRANCH
    assert b1.parent_id == gb1.id and b1.kind is Kind.VILLAGE
    assert g1.parent_id == b1.id and g1.kind is None
    assert g1.path == f"/{root.id}/{gb1.id}/{b1.id}/{g1.id}/"
    assert b1.name == "哈业胡同嘎查党支部"


async def test_gbk_csv_with_chinese_headers_and_words(uow, clock):
    tree = await build_tree(uow)
    admin = await actor_of(uow, tree.admin)
    orgs = csv_bytes(
        [
            ["组织编码", "组织名称", "层级", "类型", "上级组织编码", "时区"],
            ["BC", "阿都沁社区党支部", "党支部", "社区", "C1", "Asia/Shanghai"],
            ["BC-G1", "第一网格党小组", "党小组", "网格", "BC", ""],
        ],
        encoding="gbk",
    )
    members = csv_bytes(
        [
            ["组织编码", "姓名", "手机号", "角色", "Telegram ID"],
            ["BC", "乌云其其格", "13900139000", "支部书记", ""],
            ["BC", "张建国", "139 0013 9001", "预备党员", "5550001"],
            ["BC-G1", "王秀英", "", "党员中心户", ""],
            ["BC", "李桂兰", "+86 139-0013-9002", "群众", ""],
        ],
        encoding="gbk",
    )
    with pytest.raises(UnicodeDecodeError):
        orgs.decode("utf-8")  # really GBK bytes, not UTF-8 in disguise
    parsed = both(parse_file("组织.csv", orgs), parse_file("名册.CSV", members))

    report = await run(uow, admin, parsed, clock)

    assert report.rejected == []
    assert report.count(RowStatus.CREATED) == 6
    found = await orgs_by_code(uow)
    assert found["BC"].name == "阿都沁社区党支部"
    assert found["BC"].level is Level.BRANCH and found["BC"].kind is Kind.COMMUNITY
    assert found["BC-G1"].level is Level.GROUP and found["BC-G1"].kind is Kind.GRID
    assert found["BC-G1"].parent_id == found["BC"].id
    (secretary,) = await people_named(uow, "乌云其其格")
    assert secretary.phone == "+8613900139000"
    assert await roles_of(uow, secretary.id) == {("BC", Role.SECRETARY)}
    (probationary,) = await people_named(uow, "张建国")
    assert probationary.telegram_id == 5550001 and probationary.phone == "+8613900139001"
    assert await roles_of(uow, probationary.id) == {("BC", Role.PROBATIONARY_MEMBER)}
    (household,) = await people_named(uow, "王秀英")
    assert household.phone is None
    assert await roles_of(uow, household.id) == {("BC-G1", Role.CENTRAL_HOUSEHOLD)}
    (resident,) = await people_named(uow, "李桂兰")
    assert resident.phone == "+8613900139002"
    assert await roles_of(uow, resident.id) == {("BC", Role.RESIDENT)}


async def test_xlsx_sheets_are_recognised_by_headers_and_numbers_become_digits(uow, clock):
    tree = await build_tree(uow)
    content = xlsx_bytes(
        {
            # Names say nothing; the members sheet comes first and has a title row.
            "Sheet1": [
                ["哈业胡同嘎查党员花名册"],
                [],
                ["序号", "姓名", "手机", "身份", "Telegram ID", "组织编码"],
                [1, "巴特尔", 13800138000, "党员", 700000001, "BA"],
                [2, "其其格", 13800138001.0, "党员", 700000002.0, "BA"],
                [3, None, None, None, None, None],  # numbered but empty: skipped
                [4, "娜仁", "138-0013-8002", "预备党员", None, "NEW-B"],
            ],
            "说明": [["这个表只是说明"], ["不会被导入"]],
            "Sheet3": [
                ["编码", "名称", "层级", "上级编码"],
                ["NEW-B", "新建党支部", "党支部", "C1"],
            ],
        }
    )
    parsed = parse_file("roster.xlsx", content)
    assert [r.row for r in parsed.members] == [4, 5, 7]
    assert parsed.members[0].source == "Sheet1"
    assert parsed.members[0].cells["phone"] == "13800138000"
    assert parsed.members[1].cells["phone"] == "13800138001"
    assert parsed.members[1].cells["telegram_id"] == "700000002"
    assert "kind" not in parsed.organizations[0].cells  # no such column in that sheet

    report = await run(uow, OPERATOR, parsed, clock)

    assert report.rejected == []
    assert {(o.sheet, o.row, o.status) for o in report.outcomes} == {
        ("organizations", 2, RowStatus.CREATED),
        ("members", 4, RowStatus.CREATED),
        ("members", 5, RowStatus.CREATED),
        ("members", 7, RowStatus.CREATED),
    }
    (bater,) = await people_named(uow, "巴特尔")
    assert bater.phone == "+8613800138000" and bater.telegram_id == 700000001
    (qiqige,) = await people_named(uow, "其其格")
    assert qiqige.phone == "+8613800138001" and qiqige.telegram_id == 700000002
    assert await roles_of(uow, qiqige.id) == {("BA", Role.MEMBER)}
    (naren,) = await people_named(uow, "娜仁")
    assert await roles_of(uow, naren.id) == {("NEW-B", Role.PROBATIONARY_MEMBER)}
    assert (await orgs_by_code(uow))["NEW-B"].parent_id == tree.committee.id


@pytest.mark.parametrize("locale", LOCALES)
def test_canonical_header_labels_of_each_language_are_recognised(locale):
    labels = HEADER_LABELS[locale]
    orgs = orgs_csv(
        ["X1", "Name", "branch", "", "C1", ""],
        header=[labels[c] for c in ORG_HEADER],
    )
    members = members_csv(
        ["X1", "Name", "13800138000", "member", "42"],
        header=[labels[c] for c in MEMBER_HEADER],
    )
    assert dict(orgs.organizations[0].cells) == {
        "code": "X1", "name": "Name", "level": "branch", "kind": "", "parent_code": "C1",
        "timezone": "",
    }  # fmt: skip
    assert dict(members.members[0].cells) == {
        "org_code": "X1", "name": "Name", "phone": "13800138000", "role": "member",
        "telegram_id": "42",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # English, in any case and spacing
        (["  CODE ", "name", "LEVEL", "parent-code", "Time Zone", "kind"], "o"),
        (["Org Code", "NAME", "ROLE", "phone", "telegram_id"], "m"),
        # Chinese synonyms, a required-marker star, full-width letters
        (["代码", "名称*", "级别", "类别", "上级组织编码"], "o"),
        (["所属组织编码", "姓名", "电话", "身份", "ＴＧ ＩＤ"], "m"),
        # Mongolian: with and without the free variation selector, with a plain space
        # instead of the narrow no-break space before a suffix
        (["ᠺᠣᠳ", "ᠨᠡᠷᠡ", "ᠳᠡᠰ", "ᠳᠡᠭᠡᠳᠦ ᠺᠣᠳ᠋", "ᠴᠠᠭ ᠤᠨ ᠪᠦᠰᠡ"], "o"),
        ([f"ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ{NNBSP}ᠶᠢᠨ ᠺᠣᠳ᠋", "ᠣᠪᠣᠭ ᠨᠡᠷᠡ", "ᠦᠦᠷᠭᠡ", "ᠭᠠᠷ ᠤᠲᠠᠰᠤ"], "m"),
    ],
)
def test_header_aliases(header, expected):
    width = len(header)
    parsed = parse_file("x.csv", csv_bytes([header, [f"v{i}" for i in range(width)]]))
    rows = parsed.organizations if expected == "o" else parsed.members
    other = parsed.members if expected == "o" else parsed.organizations
    assert len(rows) == 1 and other == ()
    required = {"code", "name", "level"} if expected == "o" else {"org_code", "name", "role"}
    assert required <= rows[0].cells.keys()
    assert len(rows[0].cells) == width  # every header was understood


def test_header_texts_are_kept_for_messages_and_unknown_columns_ignored():
    parsed = members_csv(
        ["BA", "张三", "", "党员", "", "备注"],
        header=["组织编码", "姓名", "手机号", "角色", "Telegram ID", "备注"],
    )
    (row,) = parsed.members
    assert row.headers["phone"] == "手机号"
    assert set(row.cells) == {"org_code", "name", "phone", "role", "telegram_id"}


def test_semicolon_and_tab_separated_files_are_read():
    for separator in (";", "\t"):
        text = separator.join(MEMBER_HEADER) + "\n" + separator.join(["BA", "A", "", "党员", ""])
        (row,) = parse_file("m.csv", text.encode("utf-8")).members
        assert row.cells["org_code"] == "BA" and row.cells["role"] == "党员"


# ------------------------------------------------------------------- parsing: errors


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("roster.xlsx", b""),
        ("roster.csv", b""),
        ("roster.csv", b"\n\n  \n"),
        ("roster.xlsx", bytes(random.Random(1).randrange(256) for _ in range(4096))),
        ("roster.csv", bytes(random.Random(2).randrange(256) for _ in range(4096))),
        (
            "roster.xlsx",
            b"PK\x03\x04" + bytes(random.Random(3).randrange(256) for _ in range(999)),
        ),
        ("roster.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600),
        ("roster.pdf", b"%PDF-1.7 whatever"),
        ("roster.csv", "名字,电话\n张三,138\n".encode()),  # no recognisable header
        ("roster.csv", b"org_code,name,role\x00\nBA,x,member\n"),
    ],
)
def test_unreadable_files_are_a_format_error(filename, content):
    with pytest.raises(InvalidInput) as error:
        parse_file(filename, content)
    assert error.value.key == "import-error-format"


def test_workbook_without_a_recognisable_sheet_is_a_format_error():
    content = xlsx_bytes({"Sheet1": [["foo", "bar"], [1, 2]], "Sheet2": []})
    with pytest.raises(InvalidInput) as error:
        parse_file("x.xlsx", content)
    assert error.value.key == "import-error-format"


def test_header_further_down_than_ten_rows_is_not_searched():
    rows = [[f"title {i}"] for i in range(10)] + [MEMBER_HEADER, ["BA", "x", "", "member", ""]]
    with pytest.raises(InvalidInput):
        parse_file("x.csv", csv_bytes(rows))
    assert len(parse_file("x.csv", csv_bytes(rows[1:])).members) == 1


def test_a_column_given_twice_is_refused():
    with pytest.raises(InvalidInput) as error:
        members_csv(
            ["BA", "x", "1", "2", "member"], header=["组织编码", "姓名", "手机", "电话", "角色"]
        )
    assert error.value.key == "import-error-duplicate-column"
    assert error.value.params == {"column": "电话"}


def test_csv_row_limit():
    header = [MEMBER_HEADER]
    rows = [["BA", f"p{i}", "", "member", ""] for i in range(imports.MAX_ROWS)]
    assert len(parse_file("m.csv", csv_bytes(header + rows)).members) == imports.MAX_ROWS
    with pytest.raises(InvalidInput) as error:
        parse_file("m.csv", csv_bytes([*header, *rows, ["BA", "one too many", "", "member", ""]]))
    assert error.value.key == "import-error-too-many-rows"
    assert error.value.params == {"max": 20_000}


def test_xlsx_row_limit_counts_all_sheets():
    workbook = openpyxl.Workbook(write_only=True)
    orgs = workbook.create_sheet("orgs")
    orgs.append(ORG_HEADER)
    for i in range(10_000):
        orgs.append([f"O{i}", "n", "branch", "", "C1", ""])
    members = workbook.create_sheet("members")
    members.append(MEMBER_HEADER)
    for i in range(10_001):
        members.append(["O1", f"p{i}", "", "member", ""])
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(InvalidInput) as error:
        parse_file("big.xlsx", buffer.getvalue())
    assert error.value.key == "import-error-too-many-rows"


# ------------------------------------------------------------------------- template


def test_template_round_trips_with_the_labels_of_every_locale():
    for locale in LOCALES:
        messages = ftl_messages(locale)
        labels = {c: messages[f"import-col-{c}"][0] for c in imports.ALL_COLUMNS}
        assert labels == dict(HEADER_LABELS[locale])  # the catalogue and the code agree
        sheets = {s: messages[f"import-sheet-{s}"][0] for s in imports.SHEETS}
        content = template_workbook(labels, sheets)

        workbook = openpyxl.load_workbook(io.BytesIO(content))
        assert workbook.sheetnames == [sheets["organizations"], sheets["members"]]
        org_sheet, member_sheet = workbook.worksheets
        assert [c.value for c in org_sheet[1]] == [labels[c] for c in ORG_HEADER]
        assert [c.value for c in member_sheet[1]] == [labels[c] for c in MEMBER_HEADER]
        assert org_sheet.freeze_panes == "A2" and member_sheet.freeze_panes == "A2"
        assert org_sheet["A1"].font.bold

        parsed = parse_file("template.xlsx", content)
        (org_row,) = parsed.organizations
        (member_row,) = parsed.members
        assert org_row.row == 2 and member_row.row == 2
        assert org_row.cells["level"] == "branch" and org_row.cells["parent_code"]
        assert member_row.cells["org_code"] == org_row.cells["code"]
        assert member_row.cells["role"] == "member"


def test_template_works_without_sheet_names_and_with_odd_ones():
    content = template_workbook(HEADER_LABELS["en"], {"organizations": "a/b", "members": "a/b"})
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    assert len(set(workbook.sheetnames)) == 2
    parsed = parse_file("t.xlsx", template_workbook({}))  # column ids are headers too
    assert len(parsed.organizations) == 1 and len(parsed.members) == 1


async def test_example_rows_of_the_template_are_not_imported_by_mistake(uow, clock):
    await build_tree(uow)
    parsed = parse_file("t.xlsx", template_workbook(HEADER_LABELS["zh"]))
    report = await run(uow, OPERATOR, parsed, clock)
    assert [o.reason_key for o in report.outcomes] == [
        "import-error-parent-missing",
        "import-error-org-rejected",
    ]


# --------------------------------------------------------------------------- locales


def test_locale_files_have_the_same_keys_and_placeholders():
    catalogues = {locale: ftl_messages(locale) for locale in LOCALES}
    shapes = {locale: {k: v[1] for k, v in m.items()} for locale, m in catalogues.items()}
    assert shapes["zh"] == shapes["en"] == shapes["mn"]
    keys = set(shapes["zh"])
    assert reason_keys_in_module() <= keys
    assert {f"import-col-{c}" for c in imports.ALL_COLUMNS} <= keys
    assert {"import-sheet-organizations", "import-sheet-members"} <= keys
    assert shapes["zh"]["import-report-summary"] == {"created", "updated", "unchanged", "rejected"}
    assert shapes["zh"]["import-report-row"] == {"sheet", "row", "reason"}
    assert shapes["zh"]["import-report-more"] == {"count"}
    mongolian = "".join(text for text, _ in catalogues["mn"].values())
    assert re.search("[\u1820-\u18aa]", mongolian)  # traditional script...
    assert not re.search("[\u0400-\u04ff]", mongolian)  # ...not Cyrillic


def test_locale_messages_render_with_their_parameters():
    from fluent.runtime import FluentBundle, FluentResource

    for locale in LOCALES:
        bundle = FluentBundle([locale], use_isolating=False)
        source = (ROOT / "locales" / locale / "import.ftl").read_text(encoding="utf-8")
        bundle.add_resource(FluentResource(source))
        for key, (_, variables) in ftl_messages(locale).items():
            message = bundle.get_message(key)
            assert message.value is not None
            args = {name: f"<{name}>" for name in variables}
            text, errors = bundle.format_pattern(message.value, args)
            assert not errors, (locale, key, errors)
            assert isinstance(text, str)
            assert all(f"<{name}>" in text for name in variables)


# ------------------------------------------------------------------- every rejection


async def test_every_rejection_reason(uow, clock):
    tree = await build_tree(uow)
    async with uow() as u:
        committee = await u.organizations.get(tree.committee.id)
        branch_b = await u.organizations.get(tree.branch_b.id)
        assert committee is not None and branch_b is not None
        await make_org(u, "C2", Level.COMMITTEE, committee, name="下级党委")
        await make_person(u, "北京路党员", roles=[(branch_b, Role.MEMBER)])
        await u.commit()
    seen: set[str] = set()

    org_rows = [
        ["", "无编码", "branch", "", "C1", ""],  # 2 required
        ["bad code!", "x", "branch", "", "C1", ""],  # 3 code
        ["LONG", "长" * 201, "branch", "", "C1", ""],  # 4 org-name
        ["LVL", "x", "platoon", "", "C1", ""],  # 5 unknown-level
        ["KND", "x", "branch", "castle", "C1", ""],  # 6 unknown-kind
        ["TZ", "x", "branch", "", "C1", "Mars/Olympus"],  # 7 timezone
        ["OK1", "好支部", "branch", "", "C1", ""],  # 8 created
        ["OK1", "重复", "branch", "", "C1", ""],  # 9 duplicate-code
        ["ORPHAN", "x", "branch", "", "NOWHERE", ""],  # 10 parent-missing
        ["CHILD", "x", "group", "", "LVL", ""],  # 11 parent-rejected
        ["CY1", "x", "committee", "", "CY2", ""],  # 12 cycle in the file
        ["CY2", "x", "committee", "", "CY1", ""],  # 13 cycle in the file
        ["C1", "九原区委组织部", "committee", "", "C2", ""],  # 14 cycle through the database
        ["GRP", "x", "group", "", "C1", ""],  # 15 placement
        ["BA", "哈业胡同嘎查党支部", "general_branch", "village", "C1", ""],  # 16 level-children
        ["BB", "北京路社区党支部", "general_branch", "community", "C1", ""],  # 17 level-roles
    ]
    member_rows = [
        ["", "无组织", "", "member", ""],  # 2 required
        ["NOPE", "x", "", "member", ""],  # 3 org-missing
        ["LVL", "x", "", "member", ""],  # 4 org-rejected
        ["BA", "名" * 65, "", "member", ""],  # 5 person-name
        ["BA", "x", "12ab", "member", ""],  # 6 phone
        ["BA", "x", "", "king", ""],  # 7 unknown-role
        ["BA", "x", "", "group_leader", ""],  # 8 role-not-at-level
        ["BA", "x", "", "member", "-5"],  # 9 telegram-id
        ["BA", "其木格", "13700137000", "member", ""],  # 10 created
        ["BA", "别人", "137 0013 7000", "member", ""],  # 11 duplicate-person (phone)
        ["OK1", "其木格", "13700137000", "member", ""],  # 12 same person, second role
        ["BA", "tg甲", "", "member", "880001"],  # 13 created
        ["BB", "tg乙", "", "member", "880001"],  # 14 duplicate-person (telegram id)
        ["BA", "x", "", "member", "1e5"],  # 15 telegram-id
    ]
    report = await run(uow, OPERATOR, both(orgs_csv(*org_rows), members_csv(*member_rows)), clock)

    assert by_row(report, "organizations") == {
        2: (RowStatus.REJECTED, "import-error-required"),
        3: (RowStatus.REJECTED, "import-error-code"),
        4: (RowStatus.REJECTED, "import-error-org-name"),
        5: (RowStatus.REJECTED, "import-error-unknown-level"),
        6: (RowStatus.REJECTED, "import-error-unknown-kind"),
        7: (RowStatus.REJECTED, "import-error-timezone"),
        8: (RowStatus.CREATED, None),
        9: (RowStatus.REJECTED, "import-error-duplicate-code"),
        10: (RowStatus.REJECTED, "import-error-parent-missing"),
        11: (RowStatus.REJECTED, "import-error-parent-rejected"),
        12: (RowStatus.REJECTED, "import-error-cycle"),
        13: (RowStatus.REJECTED, "import-error-cycle"),
        14: (RowStatus.REJECTED, "import-error-cycle"),
        15: (RowStatus.REJECTED, "import-error-placement"),
        16: (RowStatus.REJECTED, "import-error-level-children"),
        17: (RowStatus.REJECTED, "import-error-level-roles"),
    }
    assert by_row(report, "members") == {
        2: (RowStatus.REJECTED, "import-error-required"),
        3: (RowStatus.REJECTED, "import-error-org-missing"),
        4: (RowStatus.REJECTED, "import-error-org-rejected"),
        5: (RowStatus.REJECTED, "import-error-person-name"),
        6: (RowStatus.REJECTED, "import-error-phone"),
        7: (RowStatus.REJECTED, "import-error-unknown-role"),
        8: (RowStatus.REJECTED, "import-error-role-not-at-level"),
        9: (RowStatus.REJECTED, "import-error-telegram-id"),
        10: (RowStatus.CREATED, None),
        11: (RowStatus.REJECTED, "import-error-duplicate-person"),
        12: (RowStatus.CREATED, None),
        13: (RowStatus.CREATED, None),
        14: (RowStatus.REJECTED, "import-error-duplicate-person"),
        15: (RowStatus.REJECTED, "import-error-telegram-id"),
    }
    params = {(o.sheet, o.row): o.reason_params for o in report.rejected}
    assert params["organizations", 2] == {"column": "code"}
    assert params["organizations", 3] == {"code": "bad code!"}
    assert params["organizations", 5] == {"value": "platoon"}
    assert params["organizations", 10] == {"code": "NOWHERE"}
    assert params["organizations", 11] == {"code": "LVL"}
    assert params["organizations", 15] == {"level": "group", "parent": "committee"}
    assert params["members", 8] == {"role": "group_leader", "level": "branch"}
    assert params["members", 4] == {"code": "LVL"}
    seen |= {o.reason_key for o in report.rejected if o.reason_key}

    # Nothing of a rejected row was written; the accepted ones were.
    orgs = await orgs_by_code(uow)
    assert set(orgs) == {"C1", "C2", "BA", "BA-G1", "BB", "OK1"}
    assert orgs["OK1"].name == "好支部" and orgs["OK1"].parent_id == tree.committee.id
    assert orgs["C1"].parent_id is None and orgs["BA"].level is Level.BRANCH
    assert orgs["BB"].level is Level.BRANCH
    (qimuge,) = await people_named(uow, "其木格")
    assert await roles_of(uow, qimuge.id) == {("BA", Role.MEMBER), ("OK1", Role.MEMBER)}
    assert await people_named(uow, "别人") == [] and await people_named(uow, "tg乙") == []

    # A committee admin may not create a root; a branch secretary is refused elsewhere.
    admin = await actor_of(uow, tree.admin)
    report = await run(uow, admin, orgs_csv(["ROOT2", "新党委", "committee", "", "", ""]), clock)
    assert by_row(report, "organizations") == {2: (RowStatus.REJECTED, "import-error-root-denied")}
    seen |= {o.reason_key for o in report.rejected if o.reason_key}

    secretary_a = await actor_of(uow, tree.secretary_a)
    report = await run(
        uow,
        secretary_a,
        both(
            orgs_csv(["BX", "x", "branch", "", "C1", ""]),
            members_csv(
                ["BB", "越权", "", "member", ""],
                ["BA", "改名的书记乙", "", "member", "2002"],  # secretary of B: not A's to edit
            ),
        ),
        clock,
    )
    assert [o.reason_key for o in report.outcomes] == [
        "import-error-access-denied",
        "import-error-access-denied",
        "import-error-person-locked",
    ]
    seen |= {o.reason_key for o in report.rejected if o.reason_key}
    # Someone on Telegram keeps their own name and phone, even against an admin's file.
    report = await run(
        uow, admin, members_csv(["BA", "党员巴特尔", "15000150000", "member", "3001"]), clock
    )
    assert [o.reason_key for o in report.outcomes] == ["import-error-person-linked"]
    seen |= {o.reason_key for o in report.rejected if o.reason_key}
    (secretary_b,) = await people_named(uow, "书记乙")
    assert await roles_of(uow, secretary_b.id) == {("BB", Role.SECRETARY)}

    # Errors of the file itself.
    for content in (b"", csv_bytes([["组织编码", "姓名", "手机", "电话", "角色"]])):
        with pytest.raises(InvalidInput) as error:
            parse_file("x.csv", content)
        seen.add(error.value.key)
    with pytest.raises(InvalidInput) as error:
        parse_file("x.csv", csv_bytes([MEMBER_HEADER] + [["BA", "x", "", "member", ""]] * 20_001))
    seen.add(error.value.key)

    assert seen == reason_keys_in_module()


# -------------------------------------------------------------------- authorization


async def test_secretary_imports_into_own_branch_only(uow, clock):
    tree = await build_tree(uow)
    secretary_a = await actor_of(uow, tree.secretary_a)
    parsed = both(
        orgs_csv(
            ["BA-G2", "第二党小组", "group", "", "BA", ""],  # under A: allowed
            ["BB-G1", "北京路第一小组", "group", "", "BB", ""],  # under B: refused
            ["BA", "改名的A支部", "branch", "village", "C1", ""],  # A itself: its parent decides
        ),
        members_csv(
            ["BA", "新党员甲", "13600136000", "member", ""],
            ["BB", "新党员乙", "13600136001", "member", ""],
            ["BA-G2", "新组长", "", "group_leader", ""],  # in a group made by this file
            ["BA", "新副书记", "", "deputy_secretary", ""],
            ["BA", "第二书记", "", "secretary", ""],  # a secretary may not make secretaries
            ["BA", "书记甲", "", "secretary", "2001"],  # herself: already so, unchanged
        ),
    )

    report = await run(uow, secretary_a, parsed, clock)

    assert by_row(report, "organizations") == {
        2: (RowStatus.CREATED, None),
        3: (RowStatus.REJECTED, "import-error-access-denied"),
        4: (RowStatus.REJECTED, "import-error-access-denied"),
    }
    assert by_row(report, "members") == {
        2: (RowStatus.CREATED, None),
        3: (RowStatus.REJECTED, "import-error-access-denied"),
        4: (RowStatus.CREATED, None),
        5: (RowStatus.CREATED, None),
        6: (RowStatus.REJECTED, "import-error-access-denied"),
        7: (RowStatus.UNCHANGED, None),
    }
    orgs = await orgs_by_code(uow)
    assert "BB-G1" not in orgs and orgs["BA"].name == "哈业胡同嘎查党支部"
    assert orgs["BA-G2"].parent_id == tree.branch_a.id
    (new_member,) = await people_named(uow, "新党员甲")
    assert await roles_of(uow, new_member.id) == {("BA", Role.MEMBER)}
    assert await people_named(uow, "新党员乙") == []
    assert await people_named(uow, "第二书记") == []
    (leader,) = await people_named(uow, "新组长")
    assert await roles_of(uow, leader.id) == {("BA-G2", Role.GROUP_LEADER)}

    # The same B rows from B's own secretary go through.
    secretary_b = await actor_of(uow, tree.secretary_b)
    report = await run(
        uow, secretary_b, members_csv(["BB", "新党员乙", "13600136001", "member", ""]), clock
    )
    assert report.count(RowStatus.CREATED) == 1
    (member_b,) = await people_named(uow, "新党员乙")
    assert await roles_of(uow, member_b.id) == {("BB", Role.MEMBER)}


async def test_linking_a_telegram_id_to_a_roster_entry_with_roles_elsewhere_is_refused(uow, clock):
    """Otherwise a secretary could hand herself an unlinked committee admin's roles."""
    tree = await build_tree(uow)
    async with uow() as u:
        committee = await u.organizations.get(tree.committee.id)
        branch_a = await u.organizations.get(tree.branch_a.id)
        assert committee is not None and branch_a is not None
        await make_person(
            u,
            "未绑定的管理员",
            phone="+8613500135000",
            roles=[(committee, Role.ADMIN), (branch_a, Role.MEMBER)],
        )
        await u.commit()
    secretary_a = await actor_of(uow, tree.secretary_a)

    report = await run(
        uow,
        secretary_a,
        # a second Telegram account of hers, unknown to the bot so far
        members_csv(["BA", "未绑定的管理员", "13500135000", "member", "424242"]),
        clock,
    )

    assert [o.reason_key for o in report.outcomes] == ["import-error-person-locked"]
    (entry,) = await people_named(uow, "未绑定的管理员")
    assert entry.telegram_id is None
    # The operator may link it.
    report = await run(
        uow,
        OPERATOR,
        members_csv(["BA", "未绑定的管理员", "13500135000", "member", "9999"]),
        clock,
    )
    assert report.count(RowStatus.UPDATED) == 1
    (entry,) = await people_named(uow, "未绑定的管理员")
    assert entry.telegram_id == 9999


# ------------------------------------------------------------------------ matching


async def test_member_matched_by_phone_across_formats(uow, clock):
    tree = await build_tree(uow)
    async with uow() as u:
        branch_a = await u.organizations.get(tree.branch_a.id)
        assert branch_a is not None
        entry = await make_person(
            u, "乌兰", phone="+8613800138000", roles=[(branch_a, Role.MEMBER)]
        )
        await u.commit()
    people_before = await count(uow, Person)
    admin = await actor_of(uow, tree.admin)

    report = await run(
        uow,
        admin,
        members_csv(
            ["BA", "乌兰", "138 0013 8000", "member", ""],  # already so
            ["BA-G1", "乌兰", "(138) 0013-8000", "central_household", ""],  # a second role
        ),
        clock,
    )

    assert [o.status for o in report.outcomes] == [RowStatus.UNCHANGED, RowStatus.CREATED]
    assert await count(uow, Person) == people_before
    assert await roles_of(uow, entry.id) == {
        ("BA", Role.MEMBER),
        ("BA-G1", Role.CENTRAL_HOUSEHOLD),
    }


async def test_existing_people_are_updated_not_duplicated(uow, clock):
    tree = await build_tree(uow)
    admin = await actor_of(uow, tree.admin)
    people_before = await count(uow, Person)

    async with uow() as u:
        branch_a = await u.organizations.get(tree.branch_a.id)
        assert branch_a is not None
        roster = await make_person(u, "巴特尔", roles=[(branch_a, Role.MEMBER)])
        await u.commit()
    people_before += 1
    report = await run(
        uow,
        admin,
        members_csv(
            # a roster entry (not on Telegram) found by name: given a phone and a new name
            ["BA", "巴特尔", "15000150000", "member", ""],
            # same name in the same branch, on Telegram: found by name, given a new role
            ["BA", "书记甲", "", "committee_member", ""],
            # a namesake elsewhere is somebody else
            ["BB", "书记甲", "", "member", ""],
        ),
        clock,
    )

    assert [o.status for o in report.outcomes] == [
        RowStatus.UPDATED,
        RowStatus.CREATED,
        RowStatus.CREATED,
    ]
    assert await count(uow, Person) == people_before + 1
    async with uow() as u:
        bater = await u.people.get(roster.id)
        assert bater is not None
        assert (bater.display_name, bater.phone) == ("巴特尔", "+8615000150000")
    assert await roles_of(uow, tree.secretary_a.id) == {
        ("BA", Role.SECRETARY),
        ("BA", Role.COMMITTEE_MEMBER),
    }
    namesakes = await people_named(uow, "书记甲")
    assert len(namesakes) == 2

    # Blank phone or Telegram id cells never erase what is stored.
    report = await run(uow, admin, members_csv(["BA", "巴特尔", "", "member", ""]), clock)
    assert [o.status for o in report.outcomes] == [RowStatus.UNCHANGED]
    async with uow() as u:
        bater = await u.people.get(roster.id)
        assert bater is not None and bater.phone == "+8615000150000"


async def test_a_name_match_with_another_phone_is_a_different_person(uow, clock):
    tree = await build_tree(uow)
    async with uow() as u:
        branch_a = await u.organizations.get(tree.branch_a.id)
        assert branch_a is not None
        await make_person(u, "王芳", phone="+8613100131000", roles=[(branch_a, Role.MEMBER)])
        await u.commit()

    report = await run(
        uow, OPERATOR, members_csv(["BA", "王芳", "13100131999", "member", ""]), clock
    )

    assert [o.status for o in report.outcomes] == [RowStatus.CREATED]
    assert sorted(p.phone or "" for p in await people_named(uow, "王芳")) == [
        "+8613100131000",
        "+8613100131999",
    ]


# ------------------------------------------------------------------- organizations


async def test_moving_renaming_and_clearing_organizations(uow, clock):
    tree = await build_tree(uow)
    admin = await actor_of(uow, tree.admin)
    report = await run(
        uow,
        admin,
        both(
            orgs_csv(
                # BA moves under a general branch the file creates after it; kind cleared
                ["BA", "哈业胡同嘎查党支部", "branch", "", "GB", "Asia/Shanghai"],
                ["GB", "第一党总支", "general_branch", "", "C1", ""],
                ["BB", "北京路社区党支部", "branch", "community", "C1", ""],  # unchanged
            ),
            # a member of the moved subtree, checked against the new paths
            members_csv(["BA-G1", "新户", "", "central_household", ""]),
        ),
        clock,
    )
    assert [o.status for o in report.outcomes] == [
        RowStatus.UPDATED,
        RowStatus.CREATED,
        RowStatus.UNCHANGED,
        RowStatus.CREATED,
    ]
    orgs = await orgs_by_code(uow)
    c1, gb, ba, g1 = orgs["C1"], orgs["GB"], orgs["BA"], orgs["BA-G1"]
    assert ba.parent_id == gb.id and ba.kind is None and ba.timezone == "Asia/Shanghai"
    assert ba.path == f"/{c1.id}/{gb.id}/{ba.id}/"
    assert g1.path == f"/{c1.id}/{gb.id}/{ba.id}/{g1.id}/"  # the subtree moved along
    # The secretary of A still reaches her (moved) branch and its group.
    secretary_a = await actor_of(uow, tree.secretary_a)
    report = await run(uow, secretary_a, members_csv(["BA-G1", "又一户", "", "member", ""]), clock)
    assert [o.status for o in report.outcomes] == [RowStatus.CREATED]

    # Without a kind column, the kind is left alone.
    report = await run(
        uow,
        admin,
        orgs_csv(
            ["BB", "北京路社区党支部（新）", "branch", "C1"],
            header=["code", "name", "level", "parent_code"],
        ),
        clock,
    )
    assert [o.status for o in report.outcomes] == [RowStatus.UPDATED]
    bb = (await orgs_by_code(uow))["BB"]
    assert bb.kind is Kind.COMMUNITY and bb.name == "北京路社区党支部（新）"


async def test_a_new_node_under_a_moved_subtree_gets_the_new_path(uow, clock):
    tree = await build_tree(uow)
    async with uow() as u:
        committee = await u.organizations.get(tree.committee.id)
        assert committee is not None
        general = await make_org(u, "GB0", Level.GENERAL_BRANCH, committee)
        await make_org(u, "BX", Level.BRANCH, general)
        await u.commit()

    report = await run(
        uow,
        OPERATOR,
        orgs_csv(
            ["C2", "第二党委", "committee", "", "C1", ""],
            ["GB0", "GB0", "general_branch", "", "C2", ""],  # moves with its branch BX
            ["BX-G1", "BX小组", "group", "", "BX", ""],  # BX was loaded before the move
        ),
        clock,
    )

    assert [o.status for o in report.outcomes] == [
        RowStatus.CREATED,
        RowStatus.UPDATED,
        RowStatus.CREATED,
    ]
    orgs = await orgs_by_code(uow)
    c1, c2, gb0, bx, g1 = (orgs[c] for c in ("C1", "C2", "GB0", "BX", "BX-G1"))
    assert bx.path == f"/{c1.id}/{c2.id}/{gb0.id}/{bx.id}/"
    assert g1.path == f"{bx.path}{g1.id}/"
    async with uow() as u:
        assert {o.code for o in await u.organizations.subtree(c2)} == {"C2", "GB0", "BX", "BX-G1"}


# --------------------------------------------------------------------- idempotency


async def test_reimporting_the_same_file_changes_nothing(uow, clock):
    tree = await build_tree(uow)
    content = xlsx_bytes(
        {
            "组织": [
                ["编码", "名称", "层级", "类型", "上级编码", "时区"],
                ["BA-G2", "第二党小组", "党小组", "", "BA", ""],
                ["GB", "第一党总支", "党总支", "", "C1", "Asia/Shanghai"],
                ["BG", "新支部", "党支部", "企业", "GB", ""],
                ["BA", "哈业胡同嘎查党支部", "党支部", "嘎查村", "C1", ""],
            ],
            "成员": [
                ["组织编码", "姓名", "手机号", "角色", "Telegram ID"],
                ["BG", "甲", 13800000001, "书记", 9100001],
                ["BG", "乙", "138 0000 0002", "党员", ""],
                ["BG", "丙", "", "群众", ""],
                ["BA-G2", "乙", "+86 13800000002", "党小组长", ""],
                ["BA", "党员巴特尔", "", "党员", 3001],
                ["BA", "新人", "13800000003", "预备党员", ""],
            ],
        }
    )
    admin = await actor_of(uow, tree.admin)
    first = await run(uow, admin, parse_file("名册.xlsx", content), clock)
    assert first.rejected == []
    assert first.count(RowStatus.CREATED) == 8
    assert first.count(RowStatus.UNCHANGED) == 2
    before = await snapshot(uow)

    clock.advance(days=1)
    for actor in (admin, OPERATOR):
        again = await run(uow, actor, parse_file("名册.xlsx", content), clock)
        assert {o.status for o in again.outcomes} == {RowStatus.UNCHANGED}
        assert len(again.outcomes) == 10
        assert await snapshot(uow) == before
    assert len(before["organizations"]) == 7
    assert len(before["memberships"]) == 6 + 5


# ----------------------------------------------------------------------- transaction


async def test_the_whole_import_is_one_transaction(uow, clock, monkeypatch):
    """A failure after some rows were applied leaves nothing behind."""
    await build_tree(uow)
    before = await snapshot(uow)
    parsed = both(
        orgs_csv(["NEW", "新支部", "branch", "", "C1", ""]),
        members_csv(["NEW", "甲", "", "member", ""]),
    )

    async def broken_flush(self):
        raise RuntimeError("database went away")

    monkeypatch.setattr(imports._Matcher, "flush", broken_flush)
    with pytest.raises(RuntimeError):
        await run(uow, OPERATOR, parsed, clock)
    assert await snapshot(uow) == before


# ----------------------------------------------------------------------- performance


async def test_five_thousand_members_import_quickly(uow, clock, backend):
    tree = await build_tree(uow)
    rows = [MEMBER_HEADER]
    for i in range(5_000):
        org = "BA" if i % 3 else "BB"
        role = ["member", "probationary_member", "resident"][i % 3]
        rows.append([org, f"成员{i:04d}", f"139{i:08d}", role, "" if i % 2 else str(10_000 + i)])
    content = csv_bytes(rows)
    admin = await actor_of(uow, tree.admin)

    started = time.perf_counter()
    parsed = parse_file("big.csv", content)
    report = await run(uow, admin, parsed, clock)
    elapsed = time.perf_counter() - started

    assert report.count(RowStatus.CREATED) == 5_000
    assert await count(uow, Membership) == 6 + 5_000
    assert elapsed < 10, f"{backend}: 5,000 rows took {elapsed:.1f}s"

    started = time.perf_counter()
    again = await run(uow, admin, parse_file("big.csv", content), clock)
    assert again.count(RowStatus.UNCHANGED) == 5_000
    assert time.perf_counter() - started < 10


def test_report_counts():
    report = ImportReport(
        outcomes=[
            imports.RowOutcome("members", 2, RowStatus.CREATED),
            imports.RowOutcome(
                "members", 3, RowStatus.REJECTED, "import-error-phone", {"phone": "1"}
            ),
            imports.RowOutcome("organizations", 2, RowStatus.CREATED),
        ]
    )
    assert report.count(RowStatus.CREATED) == 2 and report.count("rejected") == 1
    assert [o.row for o in report.rejected] == [3]
