"""/import: a secretary or admin sends a CSV/XLSX roster or tree and gets a report back."""

from __future__ import annotations

import asyncio
import io
from datetime import datetime
from pathlib import PurePath

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.render import localized_params, split_text
from bot.services import imports
from bot.services.access import Action, Actor, require_somewhere
from bot.services.errors import InvalidInput
from storage.uow import UnitOfWork

ACCEPTED_SUFFIXES = (".csv", ".xlsx")
REPORT_ROWS = 30


class ImportFlow(StatesGroup):
    waiting_file = State()


async def import_command(
    message: Message, state: FSMContext, actor: Actor, i18n: I18nContext, settings: Settings
) -> None:
    require_somewhere(actor, Action.IMPORT)
    labels = {column: i18n.get(f"import-col-{column}") for column in imports.ALL_COLUMNS}
    sheets = {sheet: i18n.get(f"import-sheet-{sheet}") for sheet in imports.SHEETS}
    template = imports.template_workbook(labels, sheets)
    await state.set_state(ImportFlow.waiting_file)
    await message.answer_document(
        BufferedInputFile(template, filename=f"{i18n.get('import-template-filename')}.xlsx"),
        caption=i18n.get("import-send-file", max_mb=settings.import_max_bytes // (1024 * 1024)),
    )


async def import_file(
    message: Message,
    state: FSMContext,
    uow: UnitOfWork,
    actor: Actor,
    i18n: I18nContext,
    bot: Bot,
    settings: Settings,
    now: datetime,
) -> None:
    document = message.document
    assert document is not None
    filename = document.file_name or ""
    if PurePath(filename.lower()).suffix not in ACCEPTED_SUFFIXES:
        raise InvalidInput("import-error-format")
    if document.file_size is None or document.file_size > settings.import_max_bytes:
        raise InvalidInput("import-too-large", max_mb=settings.import_max_bytes // (1024 * 1024))
    buffer = io.BytesIO()
    await bot.download(document, destination=buffer)
    # Parsing a big workbook is CPU work: off the event loop, so other users are served.
    parsed = await asyncio.to_thread(imports.parse_file, filename, buffer.getvalue())
    report = await imports.apply_import(uow, actor, parsed, now)
    await state.clear()
    lines = [
        i18n.get(
            "import-report-summary",
            created=report.count(imports.RowStatus.CREATED),
            updated=report.count(imports.RowStatus.UPDATED),
            unchanged=report.count(imports.RowStatus.UNCHANGED),
            rejected=report.count(imports.RowStatus.REJECTED),
        )
    ]
    for outcome in report.rejected[:REPORT_ROWS]:
        reason = i18n.get(
            outcome.reason_key or "import-error-format",
            **localized_params(i18n, outcome.reason_params),
        )
        lines.append(
            i18n.get(
                "import-report-row",
                sheet=i18n.get(f"import-sheet-{outcome.sheet}"),
                row=outcome.row,
                reason=reason,
            )
        )
    if len(report.rejected) > REPORT_ROWS:
        lines.append(i18n.get("import-report-more", count=len(report.rejected) - REPORT_ROWS))
    for chunk in split_text(lines):
        await message.answer(chunk)


async def import_file_expected(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("import-file-expected"))


def build_router() -> Router:
    """A fresh router each call, so every Dispatcher gets its own."""
    router = Router(name="imports")
    router.message.filter(F.chat.type == ChatType.PRIVATE)
    router.message.register(import_command, Command("import"))
    router.message.register(import_file, ImportFlow.waiting_file, F.document)
    router.message.register(import_file_expected, ImportFlow.waiting_file, ~F.text.startswith("/"))
    return router
