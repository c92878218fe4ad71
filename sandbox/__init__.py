"""A local Telegram Bot API server for tests, the offline demo and the web chat.

The unchanged bot talks to it through `TelegramAPIServer.from_base(server.base_url)`;
tests and the web chat act as users through the control API under `/sandbox/`."""

from sandbox.client import SandboxClient, SandboxError
from sandbox.limits import SandboxLimits
from sandbox.server import SandboxServer, create_app

__all__ = ["SandboxClient", "SandboxError", "SandboxLimits", "SandboxServer", "create_app"]
