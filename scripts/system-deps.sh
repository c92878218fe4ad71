#!/usr/bin/env bash
# Debian packages Zhibu uses: the Noto fonts so report charts render Chinese and traditional
# Mongolian (fonts-noto-cjk, fonts-noto-core), and for the tests Chromium (the web chat
# browser test) and espeak-ng (spoken voice sign-in samples). `system-deps.sh fonts` installs
# only the fonts (what running the bot needs). Installed when running as root with apt-get;
# otherwise a hint: the browser and voice tests then skip, the chart tests fail.
set -euo pipefail
need=()
if [ "${1:-}" != "fonts" ]; then
    command -v chromium >/dev/null 2>&1 || need+=(chromium)
    command -v espeak-ng >/dev/null 2>&1 || need+=(espeak-ng)
fi
fonts=$(fc-list 2>/dev/null || true)
grep -qi "Noto Sans Mongolian" <<<"$fonts" || need+=(fonts-noto-core)
grep -qi "Noto Sans CJK" <<<"$fonts" || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
else
    echo "missing system packages (install them with apt-get as root): ${need[*]}" >&2
fi
