"""Many new rows in one executemany through the database driver itself.

The sweeps write a city's reminders at once (300,000 delivery rows on a dues day, tens of
thousands of marks and broadcast headers on a digest day). SQLAlchemy's executemany spends
more time preparing each row's parameters than SQLite spends writing it; here each value is
converted once by its column type's own bind processor (so the stored values are exactly
those SQLAlchemy would write) and the tuples go straight to the driver, still as one
statement of the session's transaction, seen by its cursor events.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Column, Table
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncSession

Processor = Callable[[Any], Any]

_PLACEHOLDERS: dict[str, Callable[[int], str]] = {
    "qmark": lambda n: "?",
    "format": lambda n: "%s",
    "numeric": lambda n: f":{n}",
    "numeric_dollar": lambda n: f"${n}",
}


def insert_statement(table: Table, columns: Sequence[str], dialect: Dialect) -> str:
    """INSERT of `columns` into `table`, quoted and with placeholders as the driver wants."""
    quote = dialect.identifier_preparer
    placeholder = _PLACEHOLDERS[dialect.paramstyle]
    names = ", ".join(quote.quote(name) for name in columns)
    values = ", ".join(placeholder(n) for n in range(1, len(columns) + 1))
    return f"INSERT INTO {quote.format_table(table)} ({names}) VALUES ({values})"


def processor_of(column: Column[Any], dialect: Dialect) -> Processor:
    """What the column's type does to a value before the driver sees it, remembering its
    answers: a sweep's rows repeat a few moments and enum values tens of thousands of times
    (unhashable values, JSON documents, are converted each time)."""
    processor: Processor | None = column.type.dialect_impl(dialect).bind_processor(dialect)
    if processor is None:
        return _as_is
    convert = processor
    seen: dict[Any, Any] = {}

    def remembered(value: Any) -> Any:
        key = (type(value), value)  # True == 1, yet a JSON column writes them differently
        try:
            return seen[key]
        except KeyError:
            found = seen[key] = convert(value)
            return found
        except TypeError:
            return convert(value)

    return remembered


def _as_is(value: Any) -> Any:
    return value


async def insert_rows(
    session: AsyncSession, table: Table, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """Insert `rows` (values in the order of `columns`) in one executemany. Pending ORM
    changes are flushed first, as the session's own execute would (rows may refer to them)."""
    await session.flush()
    connection = await session.connection()
    dialect = connection.dialect
    converted = _converted(rows, [processor_of(table.c[name], dialect) for name in columns])
    if converted:
        await connection.exec_driver_sql(insert_statement(table, columns, dialect), converted)


def _converted(rows: Iterable[Sequence[Any]], processors: Sequence[Processor]) -> list[Any]:
    """The rows as the driver takes them. Only the columns whose type converts are touched:
    integers and texts, most of a delivery row, go through as they are."""
    width = len(processors)
    converting = [(i, p) for i, p in enumerate(processors) if p is not _as_is]
    result: list[Any] = []
    for row in rows:
        if len(row) != width:
            raise ValueError(f"a row of {len(row)} values for {width} columns")
        if converting:
            values = list(row)
            for i, processor in converting:
                values[i] = processor(values[i])
            result.append(tuple(values))
        else:
            result.append(tuple(row))
    return result
