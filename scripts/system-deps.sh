#!/usr/bin/env bash
# Debian packages the tests use: Chromium for the web chat browser test, Noto fonts so
# Chinese and traditional Mongolian render, espeak-ng to speak the voice sign-in samples.
# Installed when running as root with apt-get; otherwise a hint, and those tests skip.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v espeak-ng >/dev/null 2>&1 || need+=(espeak-ng)
fonts=$(fc-list 2>/dev/null || true)
grep -qi "Noto Sans Mongolian" <<<"$fonts" || need+=(fonts-noto-core)
grep -qi "Noto Sans CJK" <<<"$fonts" || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
else
    echo "missing system packages (the tests that need them will skip): ${need[*]}" >&2
fi
