"""The Bot API specification (`telegram-bot-api.json`, see SPEC-LICENSE.md) and request
validation against it: unknown method or parameter, missing required field and wrong type
are refused the way Telegram refuses them (400 with a description)."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

from sandbox.bodies import Upload
from sandbox.errors import ApiError, bad_request

SPEC_FILE = "telegram-bot-api.json"
ARRAY_PREFIX = "Array of "
ATTACH_PREFIX = "attach://"
PRIMITIVES = frozenset({"Integer", "Float", "Boolean", "String", "InputFile"})

_INTEGER = re.compile(r"-?\d+")
_DISCRIMINATOR = re.compile(r'(?:must be|always)\s+"?([a-z_]+)"?')
_DISCRIMINATOR_FIELDS = ("type", "source", "status")

# Parameters Telegram dropped from the documentation but still honours; aiogram still has
# them, so a bot that uses them works against Telegram and must work here too.
_LEGACY: dict[str, tuple[str, str]] = {
    # legacy name: (field whose presence in a method makes it legal there, its type)
    "reply_to_message_id": ("reply_parameters", "Integer"),
    "allow_sending_without_reply": ("reply_parameters", "Boolean"),
    "disable_web_page_preview": ("link_preview_options", "Boolean"),
}


@dataclass(frozen=True)
class FieldSpec:
    name: str
    types: tuple[str, ...]
    required: bool
    description: str = ""


@dataclass(frozen=True)
class MethodSpec:
    name: str
    fields: Mapping[str, FieldSpec]
    returns: tuple[str, ...]


@dataclass(frozen=True)
class TypeSpec:
    name: str
    fields: Mapping[str, FieldSpec]
    subtypes: tuple[str, ...] = ()
    has_fields: bool = True
    discriminator: tuple[str, str] | None = None
    """(field, value) that tells this subtype apart from its siblings, e.g. ("type", "chat")."""


class _Mismatch(Exception):
    def __init__(self, message: str, *, score: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.score = score


@dataclass
class _Context:
    params: Mapping[str, Any]
    referenced: set[str] = field(default_factory=set)


def _fields(raw: Iterable[Mapping[str, Any]]) -> dict[str, FieldSpec]:
    return {
        f["name"]: FieldSpec(
            name=f["name"],
            types=tuple(f["types"]),
            required=bool(f.get("required")),
            description=f.get("description", ""),
        )
        for f in raw
    }


def _discriminator(fields: Mapping[str, FieldSpec]) -> tuple[str, str] | None:
    for name in _DISCRIMINATOR_FIELDS:
        spec = fields.get(name)
        if spec is not None and (match := _DISCRIMINATOR.search(spec.description)):
            return name, match.group(1)
    return None


def _top(path: str) -> bool:
    """Only whole parameters may be JSON text (form fields); nested values are JSON already."""
    return "." not in path and "[" not in path


def _label(path: str) -> str:
    return f'parameter "{path}"'


class BotApiSpec:
    """Methods and types of the Bot API, and a validator for requests."""

    def __init__(self, raw: Mapping[str, Any]) -> None:
        self.version: str = raw.get("version", "")
        self.methods: dict[str, MethodSpec] = {
            name: MethodSpec(
                name=name,
                fields=_fields(m.get("fields", [])),
                returns=tuple(m.get("returns", [])),
            )
            for name, m in raw["methods"].items()
        }
        self._by_lower = {name.lower(): name for name in self.methods}
        self.types: dict[str, TypeSpec] = {}
        for name, t in raw["types"].items():
            fields = _fields(t.get("fields", []))
            self.types[name] = TypeSpec(
                name=name,
                fields=fields,
                subtypes=tuple(t.get("subtypes", [])),
                has_fields="fields" in t,
                discriminator=_discriminator(fields),
            )

    @classmethod
    def from_file(cls) -> BotApiSpec:
        text = files("sandbox").joinpath(SPEC_FILE).read_text(encoding="utf-8")
        return cls(json.loads(text))

    def method(self, name: str) -> MethodSpec | None:
        """Method names are case-insensitive, as on Telegram."""
        canonical = self._by_lower.get(name.lower())
        return None if canonical is None else self.methods[canonical]

    # --- validation ------------------------------------------------------------------

    def validate(self, method: MethodSpec, params: Mapping[str, Any]) -> dict[str, Any]:
        """Typed parameters of a request, or ApiError(400).

        Form values arrive as strings (aiogram sends numbers and booleans as JSON text and
        objects as JSON strings), so scalars are parsed and objects decoded before checking.
        Files come as `Upload`, directly under their field or referenced as `attach://name`.
        """
        ctx = _Context(params)
        unreferenced_uploads: list[str] = []
        for name, value in params.items():
            if name in method.fields:
                continue
            legacy = _LEGACY.get(name)
            if legacy is not None and legacy[0] in method.fields:
                continue
            if isinstance(value, Upload):
                unreferenced_uploads.append(name)
                continue
            raise bad_request(f'unknown parameter "{name}"')
        result: dict[str, Any] = {}
        for name, spec in method.fields.items():
            value = params.get(name)
            if value is None:
                if spec.required:
                    if name == "text":
                        raise bad_request("message text is empty")
                    raise bad_request(f"{_label(name)} is required")
                continue
            result[name] = self._check_types(spec.types, value, name, ctx)
        for name, (_, type_name) in _LEGACY.items():
            if name in params and name not in method.fields:
                result[name] = self._check_types((type_name,), params[name], name, ctx)
        for name in unreferenced_uploads:
            if name not in ctx.referenced:
                raise bad_request(f'unknown parameter "{name}"')
        return result

    def check(self, types: str | Sequence[str], value: Any, path: str = "value") -> Any:
        """Check one value against a type expression such as "Array of BotCommand"."""
        type_list = (types,) if isinstance(types, str) else tuple(types)
        return self._check_types(type_list, value, path, _Context({}))

    def _check_types(self, types: Sequence[str], value: Any, path: str, ctx: _Context) -> Any:
        try:
            return self._union(types, value, path, ctx)
        except _Mismatch as exc:
            raise bad_request(exc.message) from None

    def _union(self, types: Sequence[str], value: Any, path: str, ctx: _Context) -> Any:
        if len(types) == 1:
            return self._one(types[0], value, path, ctx)
        candidates = list(types)
        decoded = value
        if _top(path) and isinstance(value, str) and not any(t in PRIMITIVES for t in types):
            decoded = self._decode(value, path, "JSON object")
        if isinstance(decoded, dict):
            candidates.sort(key=lambda t: -self._overlap(t, decoded))
        failures: list[_Mismatch] = []
        for type_name in candidates:
            try:
                return self._one(
                    type_name, decoded if self._is_structured(type_name) else value, path, ctx
                )
            except _Mismatch as exc:
                if exc.score >= 3:  # a named attachment is missing: no other reading helps
                    raise
                failures.append(exc)
        best = max(failures, key=lambda f: f.score)
        if best.score > 0:
            raise best
        raise _Mismatch(f"{_label(path)} must be {' or '.join(types)}")

    def _is_structured(self, type_name: str) -> bool:
        if type_name.startswith(ARRAY_PREFIX):
            return True
        return type_name in self.types and type_name != "InputFile"

    def _overlap(self, type_name: str, value: Mapping[str, Any]) -> int:
        spec = self.types.get(type_name)
        if spec is None:
            return 0
        names = set(spec.fields)
        for sub in spec.subtypes:
            if sub in self.types:
                names |= set(self.types[sub].fields)
        return len(names & set(value))

    @staticmethod
    def _decode(value: str, path: str, what: str) -> Any:
        try:
            return json.loads(value)
        except ValueError:
            raise _Mismatch(f"can't parse {_label(path)} as {what}") from None

    def _one(self, type_name: str, value: Any, path: str, ctx: _Context) -> Any:
        if type_name.startswith(ARRAY_PREFIX):
            return self._array(type_name.removeprefix(ARRAY_PREFIX), value, path, ctx)
        checker = _SCALARS.get(type_name)
        if checker is not None:
            return checker(value, path, ctx)
        spec = self.types.get(type_name)
        if spec is None:
            return value
        return self._object(spec, value, path, ctx)

    def _array(self, inner: str, value: Any, path: str, ctx: _Context) -> list[Any]:
        if _top(path) and isinstance(value, str):
            value = self._decode(value, path, "JSON array")
        if not isinstance(value, list):
            raise _Mismatch(f"{_label(path)} must be {ARRAY_PREFIX}{inner}")
        return [self._one(inner, item, f"{path}[{i}]", ctx) for i, item in enumerate(value)]

    def _object(self, spec: TypeSpec, value: Any, path: str, ctx: _Context) -> Any:
        if _top(path) and isinstance(value, str):
            value = self._decode(value, path, "JSON object")
        if spec.subtypes and not spec.fields:
            return self._abstract(spec, value, path, ctx)
        if not isinstance(value, dict):
            raise _Mismatch(f"{_label(path)} must be {spec.name}")
        if not spec.has_fields:
            return value
        for key in value:
            if key not in spec.fields:
                raise _Mismatch(f'unknown field "{key}" in {_label(path)} ({spec.name})', score=2)
        result: dict[str, Any] = {}
        for name, field_spec in spec.fields.items():
            item = value.get(name)
            if item is None:
                if field_spec.required:
                    raise _Mismatch(f"{_label(f'{path}.{name}')} is required", score=1)
                continue
            try:
                result[name] = self._union(field_spec.types, item, f"{path}.{name}", ctx)
            except _Mismatch as exc:
                raise _Mismatch(exc.message, score=max(exc.score, 1) + 1) from None
        if spec.discriminator is not None:
            key, expected = spec.discriminator
            if result.get(key) != expected:
                raise _Mismatch(f'{_label(f"{path}.{key}")} must be "{expected}"', score=1)
        return result

    def _abstract(self, spec: TypeSpec, value: Any, path: str, ctx: _Context) -> Any:
        """A type that is one of its subtypes (BotCommandScope, InputMedia, ...)."""
        if isinstance(value, dict):
            for sub in spec.subtypes:
                sub_spec = self.types.get(sub)
                if sub_spec is None or sub_spec.discriminator is None:
                    continue
                key, expected = sub_spec.discriminator
                if value.get(key) == expected:
                    return self._object(sub_spec, value, path, ctx)
            if any(
                (s := self.types.get(sub)) is not None and s.discriminator is not None
                for sub in spec.subtypes
            ):
                raise _Mismatch(f"{_label(path)} is not a valid {spec.name}", score=1)
        return self._union(spec.subtypes, value, path, ctx)


def _integer(value: Any, path: str, ctx: _Context) -> int:
    if isinstance(value, bool):
        raise _Mismatch(f"{_label(path)} must be Integer")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _INTEGER.fullmatch(value.strip()):
        return int(value.strip())
    raise _Mismatch(f"{_label(path)} must be Integer")


def _float(value: Any, path: str, ctx: _Context) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        result = float(value)
    elif isinstance(value, str):
        try:
            result = float(value.strip())
        except ValueError:
            raise _Mismatch(f"{_label(path)} must be Float") from None
    else:
        raise _Mismatch(f"{_label(path)} must be Float")
    if not math.isfinite(result):
        raise _Mismatch(f"{_label(path)} must be Float")
    return result


def _boolean(value: Any, path: str, ctx: _Context) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in ("true", "1"):
            return True
        if lowered in ("false", "0"):
            return False
    raise _Mismatch(f"{_label(path)} must be Boolean")


def _string(value: Any, path: str, ctx: _Context) -> str:
    if isinstance(value, str):
        if value.startswith(ATTACH_PREFIX):
            ctx.referenced.add(value.removeprefix(ATTACH_PREFIX))
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise _Mismatch(f"{_label(path)} must be String")


def _input_file(value: Any, path: str, ctx: _Context) -> Upload:
    if isinstance(value, Upload):
        return value
    if isinstance(value, str) and value.startswith(ATTACH_PREFIX):
        name = value.removeprefix(ATTACH_PREFIX)
        upload = ctx.params.get(name)
        if isinstance(upload, Upload):
            ctx.referenced.add(name)
            return upload
        raise _Mismatch(f'{_label(path)}: no file was attached as "{name}"', score=3)
    raise _Mismatch(f"{_label(path)} must be InputFile")


_SCALARS = {
    "Integer": _integer,
    "Float": _float,
    "Boolean": _boolean,
    "String": _string,
    "InputFile": _input_file,
}


@cache
def load_spec() -> BotApiSpec:
    """The bundled specification, parsed once per process."""
    return BotApiSpec.from_file()


def method_not_found() -> ApiError:
    return ApiError(404, "Not Found: method not found")
