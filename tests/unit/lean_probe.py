"""Run by tests/unit/test_lean.py in a fresh interpreter, once with aiogram's validators built
at import (`eager`, aiogram imported before bot) and once deferred by bot.lean (`lean`).

It prints, as JSON: whether bot.lean is in effect; for every aiogram type and method, the
fields it reports missing when validating nothing, and the smallest instance its schema
accepts, validated and dumped back (as Python and as JSON); and sample updates of every
kind the bot handles, validated and dumped back. The test asserts both runs print the
same figures.

    python -m tests.unit.lean_probe eager|lean
"""

from __future__ import annotations

import json
import sys
from typing import Any

SAMPLE_USER = {"id": 100003, "is_bot": False, "first_name": "张党员", "language_code": "zh"}
SAMPLE_CHAT = {"id": 100003, "type": "private", "first_name": "张党员"}


def _message(**content: Any) -> dict[str, Any]:
    base = {"message_id": 7, "date": 1_790_000_000, "chat": SAMPLE_CHAT, "from": SAMPLE_USER}
    return base | content


SAMPLE_UPDATES: dict[str, dict[str, Any]] = {
    "text": {"update_id": 1, "message": _message(text="你好")},
    "command": {
        "update_id": 2,
        "message": _message(
            text="/start abc", entities=[{"type": "bot_command", "offset": 0, "length": 6}]
        ),
    },
    "contact": {
        "update_id": 3,
        "message": _message(
            contact={"phone_number": "+8613800000000", "first_name": "张", "user_id": 100003}
        ),
    },
    "location": {
        "update_id": 4,
        "message": _message(location={"latitude": 40.6, "longitude": 109.8, "live_period": 900}),
    },
    "edited_live_location": {
        "update_id": 5,
        "edited_message": _message(
            edit_date=1_790_000_060, location={"latitude": 40.61, "longitude": 109.81}
        ),
    },
    "voice": {
        "update_id": 6,
        "message": _message(
            voice={
                "file_id": "AwACAg",
                "file_unique_id": "u1",
                "duration": 4,
                "mime_type": "audio/ogg",
                "file_size": 9000,
            },
            forward_origin={"type": "user", "date": 1_789_999_000, "sender_user": SAMPLE_USER},
        ),
    },
    "document": {
        "update_id": 7,
        "message": _message(
            document={"file_id": "BQAC", "file_unique_id": "u2", "file_name": "名册.xlsx"},
            caption="名册",
        ),
    },
    "photo": {
        "update_id": 8,
        "message": _message(
            photo=[{"file_id": "AgAC", "file_unique_id": "u3", "width": 90, "height": 90}]
        ),
    },
    "callback_query": {
        "update_id": 9,
        "callback_query": {
            "id": "4382",
            "from": SAMPLE_USER,
            "chat_instance": "-91",
            "data": "sp:12:tap",
            "message": _message(
                text="会议",
                reply_markup={"inline_keyboard": [[{"text": "签到", "callback_data": "sp:12"}]]},
            )
            | {"from": {"id": 123, "is_bot": True, "first_name": "Zhibu"}},
        },
    },
    "my_chat_member": {
        "update_id": 10,
        "my_chat_member": {
            "chat": SAMPLE_CHAT,
            "from": SAMPLE_USER,
            "date": 1_790_000_000,
            "old_chat_member": {"status": "member", "user": SAMPLE_USER},
            "new_chat_member": {"status": "kicked", "user": SAMPLE_USER, "until_date": 0},
        },
    },
}


def _minimal(schema: Any, definitions: dict[str, Any], depth: int = 0) -> Any:
    """The smallest input a pydantic-core schema accepts: required fields only, first
    choices, nested models down to a few levels."""
    if "ref" in schema:
        definitions[schema["ref"]] = schema
    kind = schema["type"]
    if kind == "definitions":
        for definition in schema["definitions"]:
            definitions[definition["ref"]] = definition
        return _minimal(schema["schema"], definitions, depth)
    if kind == "definition-ref":
        return _minimal(definitions[schema["schema_ref"]], definitions, depth)
    if kind in ("model", "nullable", "function-before", "function-after", "function-wrap"):
        return _minimal(schema["schema"], definitions, depth)
    if kind == "model-fields":
        if depth > 6:
            return {}
        return {
            name: _minimal(field["schema"], definitions, depth + 1)
            for name, field in schema["fields"].items()
            if field["schema"]["type"] != "default"
        }
    if kind == "union":
        first = schema["choices"][0]
        return _minimal(first[0] if isinstance(first, tuple) else first, definitions, depth)
    if kind == "tagged-union":
        tag, choice = next(iter(schema["choices"].items()))
        value = _minimal(choice, definitions, depth)
        if isinstance(schema["discriminator"], str) and isinstance(value, dict):
            value[schema["discriminator"]] = tag
        return value
    if kind == "literal":
        return schema["expected"][0]
    scalars = {"int": 1, "float": 1.5, "bool": True, "list": [], "dict": {}, "datetime": 1}
    return scalars.get(kind, "x")


def _outcome(action: Any) -> Any:
    try:
        return action()
    except Exception as exc:  # the same failure in both runs is what matters
        errors = getattr(exc, "errors", None)
        if callable(errors):
            return [type(exc).__name__, [(e["type"], e["loc"]) for e in errors()]]
        return [type(exc).__name__, str(exc).splitlines()[0]]


def _describe(cls: Any) -> dict[str, Any]:
    """What a class does with no input (which fields it requires) and with the smallest
    input it accepts (validated, then dumped as Python and as JSON)."""
    empty = _outcome(lambda: cls.model_validate({}).model_dump(mode="json"))
    sample = _minimal(cls.__pydantic_core_schema__, {})
    instance = _outcome(lambda: cls.model_validate(sample))
    if not isinstance(instance, cls):
        return {"empty": empty, "sample": sample, "instance": instance}
    return {
        "empty": empty,
        "sample": sample,
        "python": repr(instance.model_dump()),
        "json": _outcome(lambda: instance.model_dump_json(exclude_none=True)),
    }


def _round_trip(update_class: Any, data: dict[str, Any]) -> dict[str, Any]:
    """An update validated and dumped back, and its event (the Message inside it, first met
    nested) dumped on its own and by inference, as an Any value."""
    from pydantic import TypeAdapter

    update = update_class.model_validate(data)
    event = update.event
    return {
        "update": update.model_dump(mode="json", exclude_none=True),
        "update_json": update.model_dump_json(exclude_unset=True),
        "event": event.model_dump(mode="json", exclude_none=True),
        "event_any": TypeAdapter(Any).dump_json(event, exclude_none=True).decode(),
    }


def main(mode: str) -> None:
    if mode == "lean":
        from bot import lean

        assert lean.installed()
    import aiogram.methods
    import aiogram.types
    from aiogram.types import Update

    from bot import lean

    figures: dict[str, Any] = {"lean": lean.installed()}
    figures["types"] = {
        name: _describe(cls)
        for name in aiogram.types.__all__
        if hasattr(cls := getattr(aiogram.types, name), "model_validate")
    }
    figures["methods"] = {
        name: _describe(cls)
        for name in aiogram.methods.__all__
        if hasattr(cls := getattr(aiogram.methods, name), "model_validate")
        and name not in ("TelegramMethod", "Request", "Response")
    }
    figures["updates"] = {kind: _round_trip(Update, data) for kind, data in SAMPLE_UPDATES.items()}
    json.dump(figures, sys.stdout, ensure_ascii=False, sort_keys=True, default=str)


if __name__ == "__main__":
    main(sys.argv[1])
