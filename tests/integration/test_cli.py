"""The `zhibu` command line on a real SQLite file: migrate, bootstrap, import."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.cli import main
from bot.services.roles import Role
from storage.db import create_engine, create_session_factory
from storage.uow import UnitOfWork


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path / 'nested' / 'zhibu.db'}"
    monkeypatch.setenv("ZHIBU_DATABASE_URL", url)
    monkeypatch.delenv("ZHIBU_BOT_TOKEN", raising=False)
    monkeypatch.chdir(tmp_path)  # no stray .env is read
    return url


async def _holds(url: str, telegram_id: int, code: str, role: Role) -> bool:
    engine = create_engine(url)
    try:
        async with UnitOfWork(create_session_factory(engine)) as u:
            person = await u.people.by_telegram_id(telegram_id)
            org = await u.organizations.by_code(code)
            if person is None or org is None:
                return False
            return await u.memberships.exists(person.id, org.id, role)
    finally:
        await engine.dispose()


async def _setting(url: str, code: str) -> dict[str, object]:
    engine = create_engine(url)
    try:
        async with UnitOfWork(create_session_factory(engine)) as u:
            org = await u.organizations.by_code(code)
            assert org is not None
            return dict(org.settings)
    finally:
        await engine.dispose()


def test_bootstrap_from_the_command_line(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["migrate"]) == 0
    assert (
        main(
            [
                "admin",
                "create-org",
                "--code",
                "JY",
                "--name",
                "九原区委组织部",
                "--level",
                "committee",
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "admin",
                "create-org",
                "--code",
                "JY-1",
                "--name",
                "一支部",
                "--level",
                "branch",
                "--kind",
                "village",
                "--parent",
                "JY",
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "admin",
                "create-org",
                "--code",
                "BAD",
                "--name",
                "x",
                "--level",
                "group",
                "--parent",
                "JY",
            ]
        )
        == 2
    )
    assert (
        main(
            [
                "admin",
                "grant",
                "--telegram-id",
                "555",
                "--org",
                "JY",
                "--role",
                "admin",
                "--name",
                "王",
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "admin",
                "invite",
                "--org",
                "JY-1",
                "--role",
                "secretary",
                "--bot-username",
                "zhibu_bot",
            ]
        )
        == 0
    )
    assert main(["admin", "tree"]) == 0
    assert (
        main(
            [
                "admin",
                "org-setting",
                "--org",
                "JY-1",
                "--key",
                "voice_auto_approve",
                "--value",
                "true",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "https://t.me/zhibu_bot?start=" in out
    assert "  JY-1  一支部  [branch]" in out
    assert asyncio.run(_holds(database, 555, "JY", Role.ADMIN))
    assert asyncio.run(_setting(database, "JY-1")) == {"voice_auto_approve": True}


def test_import_command(database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    roster = tmp_path / "tree.csv"
    roster.write_text(
        "code,name,level,kind,parent_code\n"
        "JY,九原区委,committee,,\n"
        "JY-1,哈业胡同嘎查党支部,branch,village,JY\n"
        "JY-1-G,第一党小组,group,,JY-1\n"
        "JY-X,坏行,group,,JY\n",
        encoding="utf-8",
    )
    assert main(["import", str(roster), "--lang", "en"]) == 1  # one row rejected
    first = capsys.readouterr().out
    assert "created: 3" in first and "rejected: 1" in first and "row 5" in first
    assert main(["import", str(roster)]) == 1
    again = capsys.readouterr().out
    assert "created: 0" in again and "unchanged: 3" in again


def test_run_without_token_falls_back_to_the_demo(
    database: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[tuple[str, str, int]] = []

    async def fake_demo(settings, host: str, port: int) -> None:
        started.append((settings.database_url, host, port))

    monkeypatch.setattr("bot.cli._demo", fake_demo)
    assert main(["run"]) == 0
    assert "ZHIBU_BOT_TOKEN" in capsys.readouterr().err
    assert started == [("sqlite+aiosqlite:///data/demo.db", "127.0.0.1", 8080)]
