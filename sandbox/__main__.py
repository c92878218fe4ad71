"""`python -m sandbox --port 8081 --token 123:ABC`: run the sandbox server alone."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import sys
from collections.abc import Sequence

from sandbox.limits import SandboxLimits
from sandbox.server import DEFAULT_TOKEN, SandboxServer


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m sandbox", description="A local Telegram Bot API server."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--token", default=DEFAULT_TOKEN, help="the bot token it accepts")
    parser.add_argument("--bot-username", default="zhibu_demo_bot")
    parser.add_argument(
        "--no-rate-limits", action="store_true", help="do not answer 429 Too Many Requests"
    )
    parser.add_argument(
        "--users",
        type=int,
        default=0,
        metavar="N",
        help="start with N users (User 1 … User N), each with a private chat with the bot",
    )
    parser.add_argument(
        "--first-user-id",
        type=int,
        default=None,
        metavar="ID",
        help="the --users get the ids ID, ID+1, … (default: the sandbox's own numbering)",
    )
    args = parser.parse_args(argv)
    if args.users < 0 or (args.first_user_id is not None and args.first_user_id <= 0):
        parser.error("--users must not be negative and --first-user-id must be positive")
    return args


def add_users(server: SandboxServer, count: int, first_id: int | None) -> None:
    """The audience of a broadcast benchmark, in place before the bot's first request."""
    for n in range(count):
        server.state.add_user(f"User {n + 1}", user_id=None if first_id is None else first_id + n)


async def serve(args: argparse.Namespace) -> None:
    limits = SandboxLimits(enabled=not args.no_rate_limits)
    server = SandboxServer(args.token, args.bot_username, limits)
    add_users(server, args.users, args.first_user_id)
    base_url = await server.start(args.host, args.port)
    sys.stdout.write(
        f"Sandbox Bot API at {base_url} (token {args.token})\n"
        f"  aiogram: TelegramAPIServer.from_base({base_url!r})\n"
        f"  control: {base_url}/sandbox/  web chat: {base_url}/\n"
    )
    sys.stdout.flush()
    try:
        await asyncio.Event().wait()
    finally:
        await server.stop()


def main(argv: Sequence[str] | None = None) -> None:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(parse_args(argv)))


if __name__ == "__main__":
    main()
