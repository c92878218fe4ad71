"""Build aiogram's pydantic validators when a class is first used, not all at import.

`aiogram.types` ends its import by calling `model_rebuild(_types_namespace=...)` on each of its
400-odd classes, which builds every pydantic-core validator and serializer although the classes
say `defer_build=True`: about 110 MB of resident memory for a bot that uses a few dozen of
them. `install()` (called by `bot/__init__.py`, so before anything in the bot imports aiogram)
wraps `BaseModel.model_rebuild` so that this import-time call only remembers the namespace the
forward references need, and any later build of an aiogram class (its first validation or
serialization, through pydantic's own "rebuild when first used" path) is given that namespace.
Nothing else changes: the same schemas are built from the same annotations, one class at a time.

A class can also be first met as a nested value (the Message inside an Update, built by the
Update's validator), and pydantic-core serializes such a value by inference (a union none of
whose choices fits, an Any field) through the class's own serializer, read without pydantic's
rebuild hook (pydantic issue 13647). So an instance of a class not yet built builds it when it
is created, in aiogram's `model_post_init`: only the classes the bot meets are built, each
holding references to its nested classes rather than copies (a few MB for all a bot meets).

A lock serializes the builds, so two threads using a class first at once build it once.
"""

from __future__ import annotations

import inspect
import sys
import threading
from typing import Any

from pydantic import BaseModel

_AIOGRAM = "aiogram."
_build_lock = threading.RLock()
_aiogram_namespace: dict[str, Any] = {}
_installed = False


def _build_on_first_instance(cls: type[BaseModel]) -> None:
    """Wrap the class's `model_post_init` (pydantic-core calls it by name on every instance it
    creates; aiogram's objects have one of their own) so that its first instance builds it."""
    original = cls.__dict__.get("model_post_init")
    if original is None:
        return

    def model_post_init(self: BaseModel, context: Any, /) -> None:
        created = type(self)
        if not created.__pydantic_complete__:
            created.model_rebuild(raise_errors=False)
        original(self, context)

    cls.model_post_init = model_post_init  # type: ignore[method-assign]


def _is_aiogram(cls: type[BaseModel]) -> bool:
    return cls.__module__.startswith(_AIOGRAM)


def install() -> bool:
    """Defer aiogram's validator builds to first use; False if it is too late (aiogram's types
    are already imported) or pydantic's `model_rebuild` is not the one this was written for."""
    global _installed
    with _build_lock:
        if _installed:
            return True
        if "aiogram.types" in sys.modules:
            return False
        original = BaseModel.__dict__["model_rebuild"].__func__
        if "_types_namespace" not in inspect.signature(original).parameters:
            return False

        def model_rebuild(
            cls: type[BaseModel],
            *,
            force: bool = False,
            raise_errors: bool = True,
            _parent_namespace_depth: int = 2,
            _types_namespace: Any = None,
        ) -> bool | None:
            with _build_lock:
                if _is_aiogram(cls):
                    if _types_namespace is not None and not force:
                        if cls.model_config.get("defer_build"):
                            # aiogram.types' import-time loop: keep the namespace, build later
                            _aiogram_namespace.update(_types_namespace)
                            _build_on_first_instance(cls)
                            return None
                    elif _types_namespace is None and _aiogram_namespace:
                        _types_namespace = _aiogram_namespace
                result: bool | None = original(
                    cls,
                    force=force,
                    raise_errors=raise_errors,
                    _parent_namespace_depth=_parent_namespace_depth + 1,
                    _types_namespace=_types_namespace,
                )
                return result

        BaseModel.model_rebuild = classmethod(model_rebuild)  # type: ignore[assignment,method-assign]
        _installed = True
        return True


def installed() -> bool:
    """Whether aiogram's validators are being built on first use."""
    return _installed
