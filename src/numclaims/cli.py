"""The ``numclaims`` command line.

::

    numclaims demo                          # the claims of the bundled sample text
    numclaims extract news.txt --format table
    cat news.txt | numclaims extract - --format jsonl --locale es-MX
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import IO, Any

from . import __version__
from .claim import CLAIM_KEYS, Claim

__all__ = ["FORMATS", "main", "sample_text"]

#: Output formats of ``numclaims extract``.
FORMATS = ("jsonl", "csv", "table", "html")
#: Inputs longer than this many characters show progress on standard error.
PROGRESS_THRESHOLD = 200_000


class CliError(Exception):
    """An error that the command line reports in one line, with exit status 2."""


def sample_text() -> str:
    """Return the bundled sample news text (written for numclaims, free to reuse)."""
    return resources.files("numclaims").joinpath("data/sample_es.txt").read_text("utf-8")


def _read(name: str) -> str:
    if name == "-":
        data = sys.stdin.buffer.read()
        label = "standard input"
    else:
        path = Path(name)
        if path.is_dir():
            raise CliError(f"{name}: is a directory")
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise CliError(f"{name}: no such file") from None
        except OSError as err:
            raise CliError(f"{name}: cannot read ({err.strerror or err})") from None
        label = name
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise CliError(
            f"{label}: not UTF-8 text (undecodable byte at offset {err.start}); "
            "convert it first, e.g. iconv -f latin1 -t utf-8"
        ) from None


def _flat(claim: Claim, source: str) -> dict[str, Any]:
    """One CSV/table row: nested objects reduced to their most useful field."""
    d = claim.to_dict()
    row: dict[str, Any] = {"file": source}
    for key in CLAIM_KEYS:
        val = d[key]
        if key == "unit" and isinstance(val, dict):
            val = val.get("code") or val.get("symbol") or val.get("name") or val.get("text")
        elif key == "speaker" and isinstance(val, dict):
            val = val.get("name") or val.get("text")
        elif key == "subject" and isinstance(val, dict):
            val = val.get("text")
        row[key] = "" if val is None else val
    return row


def _table(rows: list[dict[str, Any]], out: IO[str]) -> None:
    cols = ["text", "kind", "value_exact", "qualifier", "unit", "speaker", "modality"]
    heads = ["text", "kind", "value", "qualifier", "unit", "speaker", "modality"]
    cells = [[" ".join(str(r[c]).split()) for c in cols] for r in rows]
    widths = [min(40, max([len(h)] + [len(row[k]) for row in cells])) for k, h in enumerate(heads)]

    def line(values: Sequence[str]) -> str:
        pairs = zip(values, widths, strict=True)
        parts = [v if len(v) <= w else v[: w - 1] + "…" for v, w in pairs]
        return "  ".join(p.ljust(w) for p, w in zip(parts, widths, strict=True)).rstrip()

    out.write(line(heads) + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in cells:
        out.write(line(row) + "\n")


def _run_extract(args: argparse.Namespace, texts: list[tuple[str, str]], out: IO[str]) -> int:
    from .api import iter_claims, load  # spaCy is imported only for real work

    try:
        nlp = load(args.model, locale=args.locale)
    except OSError as err:
        raise CliError(f"cannot load pipeline {args.model!r}: {str(err).splitlines()[0]}") from None
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    rows: list[dict[str, Any]] = []
    docs = []
    writer = None
    if args.format == "csv":
        writer = csv.DictWriter(out, fieldnames=["file", *CLAIM_KEYS], lineterminator="\n")
        writer.writeheader()
    for source, text in texts:
        total = len(text)
        long_input = total > PROGRESS_THRESHOLD
        for done, claims, doc in iter_claims(text, nlp=nlp, locale=args.locale):
            if show and long_input:
                print(
                    f"numclaims: {source}: {100 * done // total}% ({done:,} of {total:,} chars)",
                    file=sys.stderr,
                    flush=True,
                )
            if args.format == "jsonl":
                for c in claims:
                    out.write(json.dumps({"file": source, **c.to_dict()}, ensure_ascii=False))
                    out.write("\n")
            elif writer is not None:
                writer.writerows(_flat(c, source) for c in claims)
            elif args.format == "table":
                rows.extend(_flat(c, source) for c in claims)
            else:
                docs.append(doc)
    if args.format == "table":
        _table(rows, out)
    elif args.format == "html":
        from .rendering import render

        out.write(render(docs, page=True))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="numclaims",
        description="Extract numeric claims from Spanish news text.",
    )
    parser.add_argument("--version", action="version", version=f"numclaims {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(p: argparse.ArgumentParser, default_format: str) -> None:
        p.add_argument(
            "--format",
            "-f",
            choices=FORMATS,
            default=default_format,
            help=f"output format (default: {default_format})",
        )
        p.add_argument(
            "--locale",
            "-l",
            default="es",
            help="'es' decides number separators from the text (default); "
            "a strict locale such as es-ES or es-MX follows its country",
        )
        p.add_argument(
            "--model",
            "-m",
            default=None,
            help="spaCy pipeline to use: a name or path, or 'blank'; default: the "
            "best installed Spanish pipeline, else a blank one",
        )
        p.add_argument("--output", "-o", default="-", help="write here instead of standard output")
        p.add_argument(
            "--progress",
            dest="progress",
            action="store_true",
            default=None,
            help="show progress on long input (default: when stderr is a terminal)",
        )
        p.add_argument("--no-progress", dest="progress", action="store_false")

    ext = sub.add_parser("extract", help="extract the claims of UTF-8 text files or stdin")
    ext.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="text files to read; '-' or nothing reads standard input",
    )
    common(ext, "jsonl")
    demo = sub.add_parser("demo", help="extract the claims of the bundled sample news text")
    common(demo, "table")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        from .locales import normalize_locale

        try:
            args.locale = normalize_locale(args.locale)
        except ValueError as err:
            raise CliError(str(err)) from None
        if args.command == "demo":
            texts = [("sample", sample_text())]
        else:
            names = args.files or ["-"]
            texts = [(n, _read(n)) for n in names]
        if args.output == "-":
            return _run_extract(args, texts, sys.stdout)
        try:
            with open(args.output, "w", encoding="utf-8", newline="") as fh:
                return _run_extract(args, texts, fh)
        except (IsADirectoryError, FileNotFoundError, PermissionError) as err:
            raise CliError(f"{args.output}: cannot write ({err.strerror})") from None
    except CliError as err:
        print(f"numclaims: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader went away (e.g. `| head`): stop quietly
        sys.stderr = io.StringIO()
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
