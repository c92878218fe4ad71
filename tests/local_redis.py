"""The local Redis the integration tests use when it runs (their tests skip otherwise)."""

from __future__ import annotations

import os
import socket

import pytest

REDIS_URL = os.environ.get("ZHIBU_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def _redis_up() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


needs_redis = pytest.mark.skipif(not _redis_up(), reason="no Redis on 127.0.0.1:6379")
