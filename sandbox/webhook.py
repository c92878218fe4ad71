"""Webhook delivery: while a webhook is set, each pending update is POSTed to it as JSON,
in order, with `X-Telegram-Bot-Api-Secret-Token` when a secret was given. A reply that names
a method (aiogram answers that way when handling in the foreground) is executed."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import aiohttp

from sandbox.bodies import parse_json_object, parse_multipart
from sandbox.bot_api import BotApi
from sandbox.errors import ApiError
from sandbox.state import SandboxState

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class WebhookDeliverer:
    def __init__(
        self,
        state: SandboxState,
        api: BotApi,
        *,
        retry_delay: float = 0.5,
        request_timeout: float = 10.0,
    ) -> None:
        self.state = state
        self.api = api
        self.retry_delay = retry_delay
        self.request_timeout = request_timeout

    async def run(self) -> None:
        state = self.state
        async with aiohttp.ClientSession() as session:
            while not state.closing:
                if not state.webhook.url or not state.updates:
                    await state.updates_changed.wait(30.0)
                    continue
                update = state.updates[0]
                if await self._deliver(session, update):
                    if update in state.updates:
                        state.updates.remove(update)
                else:
                    await asyncio.sleep(self.retry_delay)

    async def _deliver(self, session: aiohttp.ClientSession, update: dict[str, Any]) -> bool:
        webhook = self.state.webhook
        headers = {}
        if webhook.secret_token:
            headers[SECRET_HEADER] = webhook.secret_token
        reply: dict[str, Any] = {}
        try:
            async with session.post(
                webhook.url,
                json=update,
                headers=headers,
                timeout=aiohttp.ClientTimeout(total=self.request_timeout),
            ) as response:
                if not 200 <= response.status < 300:
                    self._failed(
                        f"Wrong response from the webhook: {response.status} "
                        f"{response.reason or ''}".strip()
                    )
                    return False
                reply = await self._read_reply(response)
        except (aiohttp.ClientError, TimeoutError, ApiError) as exc:
            self._failed(f"Connection failed: {type(exc).__name__}: {exc}")
            return False
        method = reply.pop("method", None)
        if isinstance(method, str):
            try:
                await self.api.call(method, reply)
            except ApiError as exc:
                log.warning("webhook reply %s failed: %s", method, exc.description)
        return True

    @staticmethod
    async def _read_reply(response: aiohttp.ClientResponse) -> dict[str, Any]:
        if response.content_type == "multipart/form-data":
            return await parse_multipart(response.headers, response.content)
        body = await response.read()
        if response.content_type == "application/json":
            try:
                return parse_json_object(body)
            except ApiError:
                return {}
        return {}

    def _failed(self, message: str) -> None:
        self.state.webhook.last_error_date = self.state.unix_now()
        self.state.webhook.last_error_message = message
        log.info("webhook delivery failed: %s", message)
