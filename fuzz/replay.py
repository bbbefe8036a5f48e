"""Replay fuzzer inputs through the invariants; save them as regression cases.

Usage, from the repository root::

    python fuzz/replay.py /tmp/numclaims-fuzz/crash-<sha1>         # show what fails
    python fuzz/replay.py --save short-name /tmp/numclaims-fuzz/crash-<sha1>
    python fuzz/replay.py fuzz/crashers/*.txt                         # replay the saved ones

A libFuzzer artifact (``crash-*``, ``timeout-*``, ``slow-unit-*``) is mapped to
text as the target does (``invariants.text_of``); a file under
``fuzz/crashers/`` already holds the text. ``--save NAME`` writes the text to
``fuzz/crashers/NAME.txt``, which ``tests/test_fuzz_regressions.py`` then replays.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import invariants  # noqa: E402

import numclaims  # noqa: E402


def text_of_file(path: Path) -> str:
    """The text a file stands for: a saved crasher, or a raw fuzzer input."""
    if path.resolve().parent == (HERE / "crashers").resolve():
        return invariants.read_crasher(path)
    return invariants.text_of(path.read_bytes())


def main(argv: list[str] | None = None) -> int:
    """Check each file; return 1 if any fails."""
    parser = argparse.ArgumentParser(prog="python fuzz/replay.py", description=__doc__)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--save", metavar="NAME", help="save the (single) input as a crasher")
    args = parser.parse_args(argv)
    if args.save and len(args.files) != 1:
        parser.error("--save takes exactly one file")
    nlp = numclaims.load("blank")
    failed = 0
    for path in args.files:
        text = text_of_file(path)
        print(f"{path}: {len(text)} chars: {text[:200]!r}")
        t0 = time.perf_counter()
        try:
            invariants.check_extract(text, nlp)
            invariants.check_parse_number(text)
        except Exception:
            failed += 1
            traceback.print_exc()
        else:
            print(f"  ok ({time.perf_counter() - t0:.3f} s)")
        if args.save:
            target = HERE / "crashers" / f"{args.save}.txt"
            invariants.write_crasher(target, text)
            print(f"  saved as {target}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
