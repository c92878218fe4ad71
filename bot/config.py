"""Process configuration, read from the environment and an optional `.env` file."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.services.dues_rules import FARMER_MAX_FEN, FARMER_MIN_FEN
from bot.services.periods import MONTHS_PER_PERIOD
from bot.services.quiet_hours import QuietHours

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///data/zhibu.db"


class Settings(BaseSettings):
    """Every knob an operator may turn; names map to `ZHIBU_*` environment variables."""

    model_config = SettingsConfigDict(
        env_prefix="ZHIBU_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    bot_token: SecretStr | None = None
    database_url: str = DEFAULT_DATABASE_URL
    redis_url: str | None = None
    bot_api_server: str | None = None
    timezone: str = "Asia/Shanghai"
    quiet_hours: str = "21:30-07:30"
    import_max_bytes: int = 5 * 1024 * 1024
    # minutes before a meeting at which invitees are reminded, e.g. [1440, 60]
    meeting_reminders: list[int] = [24 * 60, 60]
    log_level: str = "INFO"
    # "text" for people, "json" (one object per line) for a log collector; either way each
    # line of an update's handling carries its update, user and organization ids
    log_format: str = "text"
    # Webhook mode (`zhibu webhook`): Telegram posts updates to webhook_url (public HTTPS,
    # the path included), each with webhook_secret in X-Telegram-Bot-Api-Secret-Token; the
    # process listens on webhook_host:webhook_port at webhook_path, and serves /healthz and
    # /metrics there too.
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_host: str = "127.0.0.1"
    webhook_port: int = 8080
    webhook_path: str = "/telegram"
    webhook_max_connections: int = 40
    # Outbox pacing: Telegram allows about 30 messages/s per bot and 1/s into one chat.
    send_rate: float = 30.0
    send_chat_interval: float = 1.0
    send_concurrency: int = 8
    send_max_attempts: int = 5
    # days before the guidance deadline at which laggard secretaries are reminded
    guidance_reminder_days: list[int] = [3, 1]
    # days before a branch's 主题党日 at which its members get the theme and a reminder
    themed_day_reminder_days: list[int] = [1]
    # the day of the month members are reminded of their dues (a branch may set its own)
    dues_day: int = 5
    # days after the dues day when officers get the list of who has not paid; a month
    # unpaid by then counts toward arrears
    dues_digest_days: int = 7
    # the monthly amount for farmers and herders where no committee set one (0.2–1 yuan)
    dues_farmer_fen: int = 20
    # a scheduled reminder found more than this late (the bot was down) is skipped, not
    # sent; warnings and escalations are always sent
    reminder_grace_hours: int = 72
    # on PostgreSQL, how often a process checks or tries to take the scheduler's leadership
    # (an advisory lock); a dead leader is replaced within about three of these. The same
    # value in every process of a deployment.
    scheduler_poll_seconds: float = 5.0
    # days before the end of a month / quarter / year at which officers are reminded of a
    # required meeting not yet held or scheduled
    deadline_reminder_days: dict[str, list[int]] = {
        "monthly": [5],
        "quarterly": [14],
        "yearly": [30],
    }

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @field_validator("meeting_reminders")
    @classmethod
    def _sane_reminders(cls, value: list[int]) -> list[int]:
        if any(not 1 <= minutes <= 14 * 24 * 60 for minutes in value):
            raise ValueError("meeting reminders are minutes before the start, 1 to 20160")
        return sorted(set(value), reverse=True)

    @field_validator("dues_day")
    @classmethod
    def _dues_day(cls, value: int) -> int:
        if not 1 <= value <= 28:
            raise ValueError("the dues day is a day of the month, 1 to 28")
        return value

    @field_validator("dues_farmer_fen")
    @classmethod
    def _farmer_amount(cls, value: int) -> int:
        if not FARMER_MIN_FEN <= value <= FARMER_MAX_FEN:
            raise ValueError("the farmers' and herders' amount is 20 to 100 fen")
        return value

    @field_validator("scheduler_poll_seconds")
    @classmethod
    def _poll(cls, value: float) -> float:
        if not 0.05 <= value <= 300:
            raise ValueError("the scheduler's poll is 0.05 to 300 seconds")
        return value

    @field_validator("deadline_reminder_days")
    @classmethod
    def _deadline_days(cls, value: dict[str, list[int]]) -> dict[str, list[int]]:
        allowed = {f.value for f in MONTHS_PER_PERIOD}
        if set(value) - allowed or any(d < 0 for days in value.values() for d in days):
            raise ValueError(f"deadline reminder days: {sorted(allowed)} → days before the end")
        return {k: sorted(set(v), reverse=True) for k, v in value.items()}

    @field_validator("quiet_hours")
    @classmethod
    def _valid_quiet_hours(cls, value: str) -> str:
        QuietHours.parse(value)
        return value

    @cached_property
    def quiet(self) -> QuietHours:
        return QuietHours.parse(self.quiet_hours)

    @cached_property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def sqlite_path(self) -> Path | None:
        """The file behind a SQLite URL, so its folder can be created before first use."""
        prefix = "sqlite+aiosqlite:///"
        if not self.database_url.startswith(prefix):
            return None
        rest = self.database_url.removeprefix(prefix)
        return None if rest in ("", ":memory:") else Path(rest)
