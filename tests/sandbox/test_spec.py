"""Validation against the bundled Bot API specification, without HTTP."""

from __future__ import annotations

import pytest

from sandbox.bodies import Upload
from sandbox.errors import ApiError
from sandbox.spec import BotApiSpec, load_spec


@pytest.fixture(scope="module")
def spec() -> BotApiSpec:
    return load_spec()


def test_the_bundled_spec_is_bot_api_10_1(spec: BotApiSpec) -> None:
    assert spec.version == "Bot API 10.1"
    assert spec.method("sendmessage") is spec.methods["sendMessage"]
    assert spec.method("sendTelepathy") is None


def test_form_strings_become_typed_values(spec: BotApiSpec) -> None:
    values = spec.validate(
        spec.methods["sendLocation"],
        {
            "chat_id": "-100123",
            "latitude": "40.5",
            "longitude": "109",
            "live_period": "600",
            "disable_notification": "false",
        },
    )
    assert values == {
        "chat_id": -100123,
        "latitude": 40.5,
        "longitude": 109.0,
        "live_period": 600,
        "disable_notification": False,
    }
    assert spec.validate(spec.methods["getChat"], {"chat_id": "@branch"}) == {"chat_id": "@branch"}


@pytest.mark.parametrize(
    ("types", "value"),
    [
        ("Integer", "1.5"),
        ("Integer", True),
        ("Float", "north"),
        ("Boolean", "yes please"),
        ("String", {"a": 1}),
        ("Array of String", '{"not": "a list"}'),
        ("Array of Integer", '[1, "x"]'),
        ("InputFile", "just a string"),
        ("BotCommand", '{"command": "start"}'),
    ],
)
def test_wrong_types_are_bad_requests(spec: BotApiSpec, types: str, value: object) -> None:
    with pytest.raises(ApiError) as caught:
        spec.check(types, value)
    assert caught.value.code == 400
    assert caught.value.description.startswith("Bad Request: ")


def test_abstract_types_pick_the_subtype_by_its_discriminator(spec: BotApiSpec) -> None:
    scope = spec.check("BotCommandScope", '{"type": "chat", "chat_id": "42"}')
    assert scope == {"type": "chat", "chat_id": 42}
    with pytest.raises(ApiError, match=r'"value.chat_id" is required'):
        spec.check("BotCommandScope", {"type": "chat"})
    with pytest.raises(ApiError, match="not a valid BotCommandScope"):
        spec.check("BotCommandScope", {"type": "everyone"})


def test_reply_markup_union_reports_the_closest_type(spec: BotApiSpec) -> None:
    method = spec.methods["sendMessage"]
    with pytest.raises(ApiError, match=r'"reply_markup.keyboard\[0\]\[0\].text" is required'):
        spec.validate(method, {"chat_id": 1, "text": "x", "reply_markup": '{"keyboard": [[{}]]}'})
    with pytest.raises(ApiError, match='unknown field "colour"'):
        spec.validate(
            method,
            {"chat_id": 1, "text": "x", "reply_markup": {"remove_keyboard": True, "colour": 1}},
        )


def test_legacy_parameters_telegram_still_honours(spec: BotApiSpec) -> None:
    values = spec.validate(
        spec.methods["sendMessage"],
        {"chat_id": 1, "text": "x", "reply_to_message_id": "5", "disable_web_page_preview": "1"},
    )
    assert values["reply_to_message_id"] == 5 and values["disable_web_page_preview"] is True
    with pytest.raises(ApiError, match="unknown parameter"):
        spec.validate(spec.methods["getMe"], {"reply_to_message_id": "5"})


def test_uploads_directly_or_by_attach_name(spec: BotApiSpec) -> None:
    upload = Upload(b"data", "a.txt")
    method = spec.methods["sendDocument"]
    direct = spec.validate(method, {"chat_id": 1, "document": upload})
    assert direct["document"] is upload
    attached = spec.validate(method, {"chat_id": 1, "document": "attach://f", "f": upload})
    assert attached["document"] is upload
    by_id = spec.validate(method, {"chat_id": 1, "document": "BQACfileid"})
    assert by_id["document"] == "BQACfileid"
