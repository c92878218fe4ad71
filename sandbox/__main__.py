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
    return parser.parse_args(argv)


async def serve(args: argparse.Namespace) -> None:
    limits = SandboxLimits(enabled=not args.no_rate_limits)
    server = SandboxServer(args.token, args.bot_username, limits)
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
