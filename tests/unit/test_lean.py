"""bot.lean: aiogram's validators built on first use behave exactly as when built at import.

Each check runs in a fresh interpreter, since whether the builds are deferred is decided by
what is imported first."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from bot import lean

ROOT = Path(__file__).resolve().parents[2]


def _python(code: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _output(process: subprocess.Popen[str]) -> Any:
    out, err = process.communicate(timeout=180)
    assert process.returncode == 0, err
    return json.loads(out)


def test_every_aiogram_type_and_method_validates_and_serializes_as_when_built_at_import() -> None:
    runs = {
        mode: _python(f"from tests.unit.lean_probe import main; main({mode!r})")
        for mode in ("eager", "lean")
    }
    eager, deferred = (_output(runs[mode]) for mode in ("eager", "lean"))

    assert eager.pop("lean") is False
    assert deferred.pop("lean") is True
    # the probe reaches far enough to mean something
    assert len(eager["types"]) > 400 and len(eager["methods"]) > 180
    built = [v for part in ("types", "methods") for v in eager[part].values() if "python" in v]
    assert len(built) > 580
    assert sum(isinstance(v["empty"], list) for v in eager["types"].values()) > 300
    assert len(eager["updates"]) == 10
    for part in ("types", "methods", "updates"):
        differing = [k for k in eager[part] if eager[part][k] != deferred[part].get(k)]
        assert differing == [], part
    assert eager == deferred


def test_the_bot_starts_with_builds_deferred_and_no_voice_export_or_chart_libraries() -> None:
    figures = _output(
        _python(
            """
            import json, sys
            import bot.cli, bot.app, bot.webhook
            from aiogram.methods import SendMessage
            from aiogram.types import Message, Update
            from bot import lean
            heavy = ("numpy", "soundfile", "webrtcvad", "openpyxl", "PIL", "matplotlib")
            print(json.dumps([lean.installed(), Update.__pydantic_complete__,
                              Message.__pydantic_complete__, SendMessage.__pydantic_complete__,
                              [name for name in heavy if name in sys.modules]]))
            """
        )
    )
    assert figures == [True, False, False, False, []]
    # this test process too: the whole suite runs with the builds deferred
    assert lean.installed()


def test_it_is_too_late_once_aiogram_is_imported_and_nothing_changes() -> None:
    figures = _output(
        _python(
            """
            import json
            import aiogram.types
            from bot import lean
            print(json.dumps([lean.installed(), lean.install(),
                              aiogram.types.Message.__pydantic_complete__]))
            """
        )
    )
    assert figures == [False, False, True]


def test_threads_meeting_classes_first_at_once_all_get_the_same_answer() -> None:
    results = _output(
        _python(
            """
            import json, threading
            from tests.unit.lean_probe import SAMPLE_UPDATES
            import bot
            from aiogram.methods import SendMessage
            from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, Update

            start = threading.Barrier(8)
            results, errors = [], []

            def use() -> None:
                start.wait()
                try:
                    update = Update.model_validate(SAMPLE_UPDATES["callback_query"])
                    markup = update.callback_query.message.reply_markup
                    sent = SendMessage(chat_id=1, text="签到", reply_markup=markup)
                    results.append([update.model_dump_json(exclude_none=True),
                                    sent.model_dump(mode="json", exclude_none=True,
                                                    exclude={"parse_mode", "protect_content",
                                                             "link_preview_options",
                                                             "disable_web_page_preview"})])
                except Exception as exc:
                    errors.append(repr(exc))

            threads = [threading.Thread(target=use) for _ in range(8)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            print(json.dumps({"errors": errors, "results": results}))
            """
        )
    )
    assert results["errors"] == []
    assert len(results["results"]) == 8
    assert all(result == results["results"][0] for result in results["results"])
    assert results["results"][0][1]["reply_markup"] == {
        "inline_keyboard": [[{"text": "签到", "callback_data": "sp:12"}]]
    }
