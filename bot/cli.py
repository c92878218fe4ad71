"""The `zhibu` command: run the bot, migrate, import rosters, and bootstrap admins."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from bot.config import Settings
from bot.observability.logs import configure_logging
from bot.services.clock import utc_now
from storage.db import create_engine, create_session_factory
from storage.migrate import upgrade
from storage.uow import UnitOfWork

if TYPE_CHECKING:
    from aiogram import Bot, Dispatcher
    from sqlalchemy.ext.asyncio import AsyncEngine

log = logging.getLogger("zhibu")

DEMO_DATABASE_URL = "sqlite+aiosqlite:///data/demo.db"


def _prepare_database(settings: Settings) -> None:
    path = settings.sqlite_path()
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    upgrade(settings.database_url)


def _application(settings: Settings, engine: AsyncEngine, bot: Bot) -> Dispatcher:
    """The running bot as this process serves it (polling or webhook)."""
    from bot.app import build_application, freeze_start_up_objects

    dispatcher = build_application(settings, create_session_factory(engine), bot)
    dispatcher.startup.register(freeze_start_up_objects)
    return dispatcher


async def _run(settings: Settings) -> None:
    from bot.app import build_bot

    engine = create_engine(settings.database_url)
    bot = build_bot(settings)
    dispatcher = _application(settings, engine, bot)
    try:
        await dispatcher.start_polling(bot, allowed_updates=dispatcher.resolve_used_update_types())
    finally:
        await bot.session.close()
        await engine.dispose()


async def _webhook(settings: Settings) -> None:
    """Serve webhook updates until SIGTERM or SIGINT, then stop gracefully: requests in
    flight are answered and the dispatcher's shutdown (scheduler, outbox) runs."""
    from aiohttp import web

    from bot.app import build_bot
    from bot.webhook import build_webhook_app

    engine = create_engine(settings.database_url)
    bot = build_bot(settings)
    try:
        dispatcher = _application(settings, engine, bot)
        runner = web.AppRunner(build_webhook_app(settings, dispatcher, bot, engine))
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        await runner.setup()
        try:
            await web.TCPSite(runner, settings.webhook_host, settings.webhook_port).start()
            log.info(
                "serving webhook updates on %s:%s%s",
                settings.webhook_host,
                settings.webhook_port,
                settings.webhook_path,
            )
            await stop.wait()
            log.info("stopping: answering the updates in flight")
        finally:
            await runner.cleanup()
    finally:
        await bot.session.close()
        await engine.dispose()


async def _demo(settings: Settings, host: str, port: int) -> None:
    from bot.demo import PERSONAS, start_demo

    runtime = await start_demo(settings, host=host, port=port)
    print(f"Zhibu demo is running: open {runtime.url} in a browser (Ctrl-C stops it).")
    print("People you can act as: " + ", ".join(p.name for p in PERSONAS))
    print(f"Invite link for the newcomer: /start {runtime.seed.invite_token}")
    try:
        await runtime.polling
    finally:
        await runtime.stop()


async def _import(settings: Settings, file: Path, locale: str) -> int:
    from bot.handlers.render import localized_params
    from bot.i18n import Translator, load_core
    from bot.services import imports
    from bot.services.access import OPERATOR

    parsed = imports.parse_file(file.name, await asyncio.to_thread(file.read_bytes))
    engine = create_engine(settings.database_url)
    try:
        async with UnitOfWork(create_session_factory(engine)) as uow:
            report = await imports.apply_import(uow, OPERATOR, parsed, utc_now())
    finally:
        await engine.dispose()
    texts = Translator(await load_core(), locale)
    for status in imports.RowStatus:
        print(f"{status.value}: {report.count(status)}")
    for outcome in report.rejected:
        reason = texts.get(
            outcome.reason_key or "import-error-format",
            **localized_params(texts, outcome.reason_params),
        )
        print(f"  {outcome.sheet} row {outcome.row}: {reason}")
    return 1 if report.rejected else 0


async def _admin(settings: Settings, args: argparse.Namespace) -> int:
    from bot.services import invites, organizations, people
    from bot.services.access import OPERATOR
    from bot.services.roles import Kind, Level, Role

    engine = create_engine(settings.database_url)
    try:
        async with UnitOfWork(create_session_factory(engine)) as uow:
            if args.admin_command == "create-org":
                created = await organizations.create(
                    uow,
                    OPERATOR,
                    organizations.NewOrganization(
                        code=args.code,
                        name=args.name,
                        level=Level(args.level),
                        kind=Kind(args.kind) if args.kind else None,
                        parent_code=args.parent,
                        timezone=args.timezone,
                    ),
                    utc_now(),
                )
                print(f"created {created.level.value} {created.code} (id {created.id})")
            elif args.admin_command == "invite":
                target = await uow.organizations.by_code(args.org)
                if target is None:
                    print(f"no organization with code {args.org}", file=sys.stderr)
                    return 2
                invite, _ = await invites.create_invite(
                    uow,
                    OPERATOR,
                    target.id,
                    Role(args.role),
                    args.uses,
                    timedelta(days=args.days),
                    utc_now(),
                )
                print(
                    f"https://t.me/{args.bot_username}?start={invite.token}"
                    if args.bot_username
                    else f"/start {invite.token}"
                )
            elif args.admin_command == "grant":
                holder_org = await uow.organizations.by_code(args.org)
                if holder_org is None:
                    print(f"no organization with code {args.org}", file=sys.stderr)
                    return 2
                actor = await people.enter(
                    uow, args.telegram_id, args.name or str(args.telegram_id), None, utc_now()
                )
                person = await uow.people.get(actor.person_id or 0)
                assert person is not None
                await people.grant(uow, OPERATOR, person, holder_org, Role(args.role), utc_now())
                await uow.commit()
                print(f"{person.display_name} is {args.role} of {args.org}")
            elif args.admin_command == "org-setting":
                target = await uow.organizations.by_code(args.org)
                if target is None:
                    print(f"no organization with code {args.org}", file=sys.stderr)
                    return 2
                value = organizations.parse_setting(args.key, args.value)
                await organizations.set_setting(uow, OPERATOR, target.id, args.key, value)
                print(f"{args.org}: {args.key} = {value}")
            elif args.admin_command == "tree":
                for org in await uow.organizations.everything():
                    depth = org.path.count("/") - 2
                    print(f"{'  ' * depth}{org.code}  {org.name}  [{org.level.value}]")
    finally:
        await engine.dispose()
    return 0


def _parser() -> argparse.ArgumentParser:
    from bot.services.organizations import ORG_SETTINGS
    from bot.services.roles import Kind, Level, Role

    parser = argparse.ArgumentParser(prog="zhibu", description="Zhibu (支部助手) bot")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser(
        "run", help="migrate and run the bot (long polling); without a token, the offline demo"
    )
    demo = commands.add_parser("demo", help="the offline demo: local Bot API server + web chat")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=8080)
    demo.add_argument("--database", default=DEMO_DATABASE_URL, help="default: %(default)s")
    commands.add_parser(
        "webhook",
        help="migrate and serve Telegram's webhook (ZHIBU_WEBHOOK_*), /healthz and /metrics",
    )
    commands.add_parser("migrate", help="bring the database schema up to date")
    importer = commands.add_parser("import", help="import an organization tree / roster file")
    importer.add_argument("file", type=Path, help="a .csv or .xlsx file")
    importer.add_argument("--lang", default="zh", choices=["zh", "mn", "en"])

    admin = commands.add_parser("admin", help="bootstrap: organizations, first admins")
    admin_commands = admin.add_subparsers(dest="admin_command", required=True)
    create = admin_commands.add_parser("create-org", help="add an organization")
    create.add_argument("--code", required=True)
    create.add_argument("--name", required=True)
    create.add_argument("--level", required=True, choices=[v.value for v in Level])
    create.add_argument("--kind", choices=[v.value for v in Kind])
    create.add_argument("--parent", help="parent organization code")
    create.add_argument("--timezone")
    invite = admin_commands.add_parser("invite", help="print an invite link")
    invite.add_argument("--org", required=True, help="organization code")
    invite.add_argument("--role", required=True, choices=[v.value for v in Role])
    invite.add_argument("--uses", type=int, default=1)
    invite.add_argument("--days", type=int, default=3)
    invite.add_argument("--bot-username", help="to print a t.me link")
    grant = admin_commands.add_parser("grant", help="give a Telegram user a role directly")
    grant.add_argument("--telegram-id", type=int, required=True)
    grant.add_argument("--org", required=True)
    grant.add_argument("--role", required=True, choices=[v.value for v in Role])
    grant.add_argument("--name")
    setting = admin_commands.add_parser("org-setting", help="set a branch setting")
    setting.add_argument("--org", required=True)
    setting.add_argument("--key", required=True, choices=sorted(ORG_SETTINGS))
    setting.add_argument(
        "--value", required=True, help="true or false, a number of hours, or JSON"
    )
    admin_commands.add_parser("tree", help="print the organization tree")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings = Settings()
    configure_logging(settings)
    from bot.services.errors import DomainError

    if args.command == "run" and settings.bot_token is None:
        print(
            "ZHIBU_BOT_TOKEN is not set: starting the offline demo instead. "
            "Put the token from @BotFather in the environment or in .env to go live.",
            file=sys.stderr,
        )
        args = _parser().parse_args(["demo"])
    if args.command == "webhook":
        from bot.webhook import WebhookConfigError, checked_secret

        try:
            if settings.bot_token is None:
                raise WebhookConfigError("ZHIBU_BOT_TOKEN is required in webhook mode")
            checked_secret(settings)
        except WebhookConfigError as exc:
            print(f"cannot start: {exc}", file=sys.stderr)
            return 2
    if args.command == "demo":
        settings = settings.model_copy(update={"database_url": args.database})
    try:
        _prepare_database(settings)
        if args.command == "run":
            asyncio.run(_run(settings))
        elif args.command == "webhook":
            asyncio.run(_webhook(settings))
        elif args.command == "demo":
            with contextlib.suppress(KeyboardInterrupt):
                asyncio.run(_demo(settings, args.host, args.port))
        elif args.command == "import":
            return asyncio.run(_import(settings, args.file, args.lang))
        elif args.command == "admin":
            return asyncio.run(_admin(settings, args))
    except DomainError as exc:
        print(f"refused: {exc.key} {exc.params}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
