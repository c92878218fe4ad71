#!/usr/bin/env bash
# Sets up and runs the bot (long polling) on the embedded default database (SQLite).
# Needs ZHIBU_BOT_TOKEN in the environment or in .env.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/system-deps.sh fonts  # report charts: Chinese and Mongolian fonts
exec .venv/bin/zhibu run "$@"
