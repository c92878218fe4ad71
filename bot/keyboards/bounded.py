"""Numbers in callback data fit the database.

Callback data comes back from Telegram as text anyone can forge; an id or page past what
PostgreSQL's INTEGER holds (or SQLite's 64 bits) made the query itself fail. With this mixin
such data does not unpack, so it matches no handler and is answered as a stale button.
A page number is the exception: past the end it shows the last page, forged or not.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, field_validator

INT_MIN, INT_MAX = -(2**31), 2**31 - 1  # PostgreSQL's INTEGER, the narrowest id column


class Bounded(BaseModel):
    """Mix into a CallbackData before it: `class XCB(Bounded, CallbackData, prefix="x")`."""

    @field_validator("*", mode="after")
    @classmethod
    def _fits_an_integer_column(cls, value: Any) -> Any:
        if isinstance(value, int) and not INT_MIN <= value <= INT_MAX:
            raise ValueError(f"{value} does not fit a database integer")
        return value


def _within_pages(value: int) -> int:
    return min(max(value, 0), INT_MAX)


PageNumber = Annotated[int, AfterValidator(_within_pages)]
