"""The fonts charts need for Chinese and traditional Mongolian text, registered once.

matplotlib (≥3.11, shaping through libraqm) falls back from one family to the next glyph by
glyph, so the order of `FontSetup.families` decides which font draws what. Noto Sans
Mongolian also covers Latin letters and digits (which it would then draw, badly) and Noto
Sans CJK has no Mongolian, so the Mongolian font goes first as a subset holding only the
Mongolian script and its joining controls, under a family name of its own; DejaVu Sans
(shipped with matplotlib) draws Latin and digits, Noto Sans CJK the Chinese.

The subset is built with fontTools (~0.2 s) and cached on disk in matplotlib's cache
directory (the user's own), keyed by the source file, so a restart does not rebuild it.
A font that cannot be read or subset counts as missing: charts never fail for want of one.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

logger = logging.getLogger(__name__)

MONGOLIAN_FAMILY = "Zhibu Mongolian"  # the subset's own family name
LATIN_FAMILY = "DejaVu Sans"  # matplotlib's bundled font
MONGOLIAN_SOURCE = "Noto Sans Mongolian"
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC")  # the collection, or the single face
# Where each font comes from on Debian (scripts/system-deps.sh installs them).
PACKAGES = {MONGOLIAN_SOURCE: "fonts-noto-core", CJK_FAMILIES[0]: "fonts-noto-cjk"}
FONT_DIR_VARIABLE = "ZHIBU_FONT_DIR"  # search only there instead of the system's fonts
CACHE_DIR: Path | None = None  # where the subset is kept; None: under matplotlib's cache

MONGOLIAN_FILE = re.compile(r"NotoSansMongolian-Regular\.[ot]tf", re.IGNORECASE)
CJK_FILE = re.compile(r"NotoSans(CJK(sc)?-Regular\.(ttc|otf)|SC-Regular\.[ot]tf)", re.IGNORECASE)
# Mongolian, Mongolian Supplement, and what its shaping uses: narrow no-break space (the
# suffix separator), zero-width non-joiner and joiner, the dotted circle.
MONGOLIAN_CODEPOINTS = (
    *range(0x1800, 0x18B0),
    *range(0x11660, 0x11680),
    0x202F,
    0x200C,
    0x200D,
    0x25CC,
)
SUBSET_VERSION = "1"  # bump when the subset's making changes


@dataclass(frozen=True)
class FontSetup:
    families: tuple[str, ...]  # font.family for a chart, in fallback order
    missing: tuple[str, ...]  # fonts not found (names as in PACKAGES)

    @property
    def packages(self) -> tuple[str, ...]:
        return tuple(PACKAGES[name] for name in self.missing)


_lock = threading.Lock()
_prepared: dict[str | None, FontSetup] = {}


def prepare_fonts(font_dir: Path | None = None) -> FontSetup:
    """Find, subset and register the chart fonts (once per font directory; thread-safe).

    `font_dir` (default: $ZHIBU_FONT_DIR) limits the search to one directory; without it
    the system's fonts are searched as matplotlib does (fontconfig and the usual folders on
    Linux, macOS and Windows). What is missing is logged with the Debian packages to
    install; charts still render with the fonts that exist.
    """
    folder = str(font_dir) if font_dir else os.environ.get(FONT_DIR_VARIABLE) or None
    with _lock:
        if folder not in _prepared:
            _prepared[folder] = _prepare(folder)
        return _prepared[folder]


def _prepare(folder: str | None) -> FontSetup:
    from matplotlib import font_manager

    files = font_manager.findSystemFonts(fontpaths=[folder] if folder else None)
    families = [LATIN_FAMILY]
    missing = []
    mongolian = _first(files, MONGOLIAN_FILE)
    if mongolian and _added(mongolian, _mongolian_subset):
        families.insert(0, MONGOLIAN_FAMILY)
    else:
        missing.append(MONGOLIAN_SOURCE)
    cjk = _first(files, CJK_FILE)
    added = cjk is not None and _added(cjk)
    found = next((f for f in CJK_FAMILIES if added and _known(f)), None)
    if found:
        families.append(found)
    else:
        missing.append(CJK_FAMILIES[0])
    if missing:
        logger.warning(
            "chart fonts missing: %s; Chinese or Mongolian text will show as boxes. Install "
            "the Debian packages %s (scripts/system-deps.sh does)",
            ", ".join(missing),
            " ".join(PACKAGES[name] for name in missing),
        )
    return FontSetup(tuple(families), tuple(missing))


def _first(files: list[str], pattern: re.Pattern[str]) -> Path | None:
    """The first match in a stable order (the search returns a set)."""
    return next((Path(f) for f in sorted(files) if pattern.fullmatch(Path(f).name)), None)


def _added(source: Path, made: Callable[[Path], Path] = Path) -> bool:
    """Registers the font made from `source`; one that cannot be made or read (a cache that
    cannot be written, a damaged file) is logged and left out."""
    from matplotlib import font_manager

    try:
        font_manager.fontManager.addfont(str(made(source)))
    except Exception:
        logger.exception("chart font %s left out", source)
        return False
    return True


def _known(family: str) -> bool:
    """Whether matplotlib now finds `family` itself, not a fallback."""
    from matplotlib import font_manager

    try:
        font_manager.findfont(
            font_manager.FontProperties(family=family), fallback_to_default=False
        )
    except ValueError:
        return False
    return True


def _mongolian_subset(source: Path) -> Path:
    """The cached subset of `source`, built if absent (written whole, then renamed, so a
    concurrent process never reads half a file)."""
    stat = source.stat()
    key = f"{source.resolve()}:{stat.st_size}:{stat.st_mtime_ns}:{SUBSET_VERSION}"
    folder = _cache_dir()
    target = folder / f"zhibu-mongolian-{hashlib.sha256(key.encode()).hexdigest()[:16]}.ttf"
    if target.exists():
        return target
    folder.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            _subset(source, out)
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def _cache_dir() -> Path:
    """matplotlib's cache directory is the user's own ($MPLCONFIGDIR, the XDG cache, or a
    private temporary one when those cannot be written): no other user can put a file where
    the subset is looked for, as they could in a shared temporary directory."""
    import matplotlib

    return CACHE_DIR or Path(matplotlib.get_cachedir()) / "zhibu-fonts"


def _subset(source: Path, out: BinaryIO) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.layout_features = ["*"]  # the joining forms live in the layout tables
    options.name_IDs = ["*"]
    font = TTFont(str(source))
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=MONGOLIAN_CODEPOINTS)
    subsetter.subset(font)
    for record in font["name"].names:
        if record.nameID in (1, 4, 16):  # family, full name, typographic family
            record.string = MONGOLIAN_FAMILY
        elif record.nameID in (3, 6):  # unique id, PostScript name
            record.string = MONGOLIAN_FAMILY.replace(" ", "") + "-Regular"
    font.save(out)
