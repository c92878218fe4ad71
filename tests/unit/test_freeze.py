"""The bot's process freezes what start-up built, so the garbage collector's full passes
come early instead of after tens of thousands of updates (bench/memory_bench.py)."""

from __future__ import annotations

import gc

from bot.app import freeze_start_up_objects


class Cycle:
    def __init__(self) -> None:
        self.me = self


async def test_start_up_objects_are_frozen_and_later_garbage_still_collected() -> None:
    assert gc.get_freeze_count() == 0
    try:
        await freeze_start_up_objects()
        frozen = gc.get_freeze_count()
        assert frozen > 1000  # the modules, types and objects of this process so far
        Cycle()  # cyclic garbage made after the freeze
        assert gc.collect() >= 1
        assert gc.get_freeze_count() == frozen  # a pass leaves the frozen alone
    finally:
        gc.unfreeze()
