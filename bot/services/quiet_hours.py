"""Quiet hours: the local time span in which the bot never starts a conversation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta


@dataclass(frozen=True)
class QuietHours:
    """A daily window such as 21:30-07:30; it may wrap past midnight."""

    start: time
    end: time

    @classmethod
    def parse(cls, text: str) -> QuietHours:
        try:
            start_text, end_text = text.split("-")
            return cls(
                time.fromisoformat(start_text.strip()), time.fromisoformat(end_text.strip())
            )
        except ValueError as exc:
            raise ValueError(f"quiet hours must look like 21:30-07:30, got {text!r}") from exc

    def contains(self, local: datetime) -> bool:
        moment = local.timetz().replace(tzinfo=None)
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end

    def move_earlier(self, local: datetime) -> datetime:
        """The latest moment at or before `local` that is outside quiet hours.

        Reminders move earlier, never later: a late reminder is worse than an early one.
        """
        if not self.contains(local):
            return local
        start_today = local.replace(
            hour=self.start.hour, minute=self.start.minute, second=0, microsecond=0
        )
        if start_today > local:
            start_today -= timedelta(days=1)
        return start_today - timedelta(minutes=1)

    def end_after(self, local: datetime) -> datetime:
        """When the quiet hours that contain `local` end (`local` itself if not quiet)."""
        if not self.contains(local):
            return local
        end = local.replace(hour=self.end.hour, minute=self.end.minute, second=0, microsecond=0)
        return end if end > local else end + timedelta(days=1)

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"
