#!/usr/bin/env bash
# Sets up and runs every check: ruff, mypy, and the test suite on SQLite; then the same
# suite on PostgreSQL when ZHIBU_TEST_DATABASE_URL is set.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
bash scripts/system-deps.sh
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
echo "== tests on SQLite"
env -u ZHIBU_TEST_DATABASE_URL .venv/bin/pytest -q "$@"
if [ -n "${ZHIBU_TEST_DATABASE_URL:-}" ]; then
    echo "== tests on PostgreSQL"
    .venv/bin/pytest -q "$@"
fi
