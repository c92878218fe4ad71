"""What every benchmark shares: the machine it ran on, and one way to report.

Each benchmark prints its figures as JSON, writes the same JSON to `bench/results/<name>.json`
(kept in git, so the README's figures have their source next to them) and ends with one line
`<name>: <summary>` that says whether its targets were met.
"""

from __future__ import annotations

import json
import math
import os
import platform
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_total_mb() -> int | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return None


def machine() -> dict[str, Any]:
    """The machine a figure was measured on: without it a figure means little."""
    return {
        "cpu": _cpu_model(),
        "cpus": os.cpu_count(),
        "memory_mb": _memory_total_mb(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "load_average": [round(value, 2) for value in os.getloadavg()],
    }


def report(name: str, figures: dict[str, Any], summary: str, *, passed: bool) -> None:
    """Print the figures and the one-line summary, and keep them in bench/results/."""
    result = {
        "benchmark": name,
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "passed": passed,
        "summary": summary,
        **figures,
    }
    text = json.dumps(result, ensure_ascii=False, indent=2)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.json").write_text(text + "\n", encoding="utf-8")
    sys.stdout.write(text + "\n")
    sys.stdout.write(f"{name}: {'PASS' if passed else 'FAIL'} — {summary}\n")


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile (fraction 0.5 = median, 0.99 = p99) of non-empty values."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(fraction * len(ordered))))
    return ordered[rank - 1]
