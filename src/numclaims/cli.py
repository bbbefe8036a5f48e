"""The ``numclaims`` command line.

::

    numclaims demo                          # the claims of the bundled sample text
    numclaims extract news.txt --format table
    cat news.txt | numclaims extract - --format jsonl --locale es-MX
    numclaims extract news.txt --format claimreview --url https://example.org/nota
    numclaims serve --port 8000             # the web app and HTTP API ([server] extra)
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import stat
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from importlib import resources
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from . import __version__
from .claim import CLAIM_KEYS, Claim

#: What every format says when the input has no claim (the table and the HTML page in the
#: output; JSON Lines and CSV, which stay data, on standard error).
NO_CLAIMS = "no claims found"

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["FORMATS", "main", "sample_text"]

#: Output formats of ``numclaims extract``.
FORMATS = ("jsonl", "csv", "table", "html", "claimreview", "checkthat", "parquet")
#: The formats of :mod:`numclaims.export`: a JSON document for all the input, or a file.
EXPORT_FORMATS = ("claimreview", "checkthat", "parquet")
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


def _table(rows: list[dict[str, Any]], out: _Sink) -> None:
    if not rows:
        out.write(f"{NO_CLAIMS}\n")
        return
    cols = ["file", "text", "kind", "value_exact", "qualifier", "unit", "speaker", "modality"]
    heads = ["file", "text", "kind", "value", "qualifier", "unit", "speaker", "modality"]
    cells = [[" ".join(str(r[c]).split()) for c in cols] for r in rows]
    widths = [min(40, max([len(h)] + [len(row[k]) for row in cells])) for k, h in enumerate(heads)]

    def line(values: Sequence[str]) -> str:
        pairs = zip(values, widths, strict=True)
        # a long path keeps its end (the file's name), other cells their start
        parts = [
            v if len(v) <= w else ("…" + v[1 - w :] if k == 0 else v[: w - 1] + "…")
            for k, (v, w) in enumerate(pairs)
        ]
        return "  ".join(p.ljust(w) for p, w in zip(parts, widths, strict=True)).rstrip()

    out.write(line(heads) + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in cells:
        out.write(line(row) + "\n")


class _Progress:
    """Progress on standard error: a tqdm bar (characters done, rate, time left) on a
    terminal; elsewhere (a log, a pipe) a quiet line at each tenth of a file."""

    def __init__(self, texts: list[tuple[str, str]]) -> None:
        self.total = sum(len(text) for _, text in texts)
        self.bar: Any = None
        if sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(
                total=self.total,
                unit="char",
                unit_scale=True,
                file=sys.stderr,
                desc="numclaims",
                dynamic_ncols=True,
                mininterval=0.5,
            )
        self.shown: dict[str, int] = {}

    def update(self, source: str, done: int, total: int, step: int) -> None:
        """Note that ``step`` more characters of ``source`` (``done`` of ``total``) are done."""
        if self.bar is not None:
            self.bar.set_postfix_str(source, refresh=False)
            self.bar.update(step)
            return
        tenth = 10 * done // max(total, 1)
        if tenth > self.shown.get(source, 0):
            self.shown[source] = tenth
            print(
                f"numclaims: {source}: {100 * done // max(total, 1)}% "
                f"({done:,} of {total:,} chars)",
                file=sys.stderr,
                flush=True,
            )

    def close(self) -> None:
        """End the bar (a terminal's line is left showing the totals)."""
        if self.bar is not None:
            self.bar.close()


def _results(
    args: argparse.Namespace, nlp: Language, texts: list[tuple[str, str]]
) -> Iterator[tuple[str, list[Claim], Doc]]:
    """Yield ``(source, claims, doc)`` piece by piece, showing progress if asked (by default
    on a terminal, for inputs of more than :data:`PROGRESS_THRESHOLD` characters)."""
    from .api import iter_claims

    show = args.progress if args.progress is not None else sys.stderr.isatty()
    long_input = sum(len(text) for _, text in texts) > PROGRESS_THRESHOLD
    progress = _Progress(texts) if show and long_input else None
    try:
        for source, text in texts:
            before = 0
            for done, claims, doc in iter_claims(
                text, nlp=nlp, locale=args.locale, reference_date=args.reference_date
            ):
                if progress is not None:
                    progress.update(source, done, len(text), done - before)
                    before = done
                yield source, claims, doc
    finally:
        if progress is not None:
            progress.close()


def _run_extract(
    args: argparse.Namespace, nlp: Language, texts: list[tuple[str, str]], out: _Sink
) -> None:
    """Write the claims of ``texts`` to ``out`` in ``args.format``, each piece when it is done."""
    if args.format in EXPORT_FORMATS:
        _run_export(args, nlp, texts, out)
        return
    results = _results(args, nlp, texts)
    found = 0
    if args.format == "jsonl":
        for source, claims, _ in results:
            found += len(claims)
            for c in claims:
                out.write(json.dumps({"file": source, **c.to_dict()}, ensure_ascii=False) + "\n")
    elif args.format == "csv":
        writer = csv.DictWriter(out, fieldnames=["file", *CLAIM_KEYS], lineterminator="\n")
        writer.writeheader()
        for source, claims, _ in results:
            found += len(claims)
            writer.writerows(_flat(c, source) for c in claims)
    elif args.format == "table":
        _table([_flat(c, source) for source, claims, _ in results for c in claims], out)
        return  # the table says "no claims found" itself
    else:
        from .outputs.rendering import render_page

        title = "numclaims: " + ", ".join(source for source, _ in texts)
        for piece in render_page((doc for _, _, doc in results), title=title, locale=args.locale):
            out.write(piece)
        return  # the page says "no claims found" itself
    if not found:
        # the data formats stay data: the message goes to standard error
        print(f"numclaims: {NO_CLAIMS}", file=sys.stderr)


def _run_export(
    args: argparse.Namespace, nlp: Language, texts: list[tuple[str, str]], out: _Sink | None
) -> None:
    """Write ClaimReview drafts or CheckThat records (one JSON list), or a Parquet table."""
    from . import export

    records: list[Any] = []
    rows: list[dict[str, Any]] = []
    for source, text in texts:
        claims = [c for _, found, _ in _results(args, nlp, [(source, text)]) for c in found]
        if args.format == "claimreview":
            records += export.to_claimreview(claims, url=args.url, text=text)
        elif args.format == "checkthat":
            records += export.to_checkthat(claims, url=args.url, text=text)
        else:
            rows += export.to_rows(claims, document=source)
    if out is None:  # parquet: written beside the target, then moved over it
        target = Path(os.path.realpath(args.output))
        tmp = target.parent / f".{target.name}.tmp"
        try:
            export.to_parquet(rows, tmp)
            os.replace(tmp, target)
        except ImportError as err:
            raise CliError(str(err)) from None
        except OSError as err:
            with suppress(OSError):
                tmp.unlink()
            raise _write_error(args.output, err) from None
        return
    out.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")


def _serve(args: argparse.Namespace) -> int:
    """Run ``numclaims serve``."""
    try:
        from .server import serve
    except ImportError as err:  # pragma: no cover - the package itself is always there
        raise CliError(str(err)) from None
    try:
        serve(
            args.host,
            args.port,
            model=args.model,
            max_body=args.max_body,
            timeout=args.timeout,
        )
    except ImportError as err:
        raise CliError(str(err)) from None
    except (OSError, ValueError) as err:
        raise CliError(f"cannot serve: {_why(args.model, err)}") from None
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
            "--reference-date",
            default=None,
            metavar="YYYY-MM-DD",
            help="resolve relative times ('el mes pasado', 'hace 3 años') against this "
            "date; default: leave them relative",
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
            "--url",
            default=None,
            help="where the text appeared (claimreview and checkthat formats)",
        )
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
    srv = sub.add_parser("serve", help="serve the web app and HTTP API ([server] extra)")
    srv.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    srv.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    srv.add_argument(
        "--model", "-m", default=None, help="spaCy pipeline, as for extract (default: the best)"
    )
    srv.add_argument(
        "--max-body",
        type=int,
        default=None,
        metavar="BYTES",
        help="largest request body (default: 10 MB)",
    )
    srv.add_argument(
        "--timeout",
        type=float,
        default=None,
        metavar="SECONDS",
        help="longest time a request may take (default: 120)",
    )
    return parser


def _load(model: str | None, locale: str) -> Language:
    """Load the pipeline; a missing, broken or non-Spanish one is a :class:`CliError`."""
    from .api import load

    try:
        return load(model, locale=locale)
    except (OSError, ValueError, ImportError) as err:  # what spaCy raises for a bad pipeline
        what = "the default pipeline" if model is None else f"pipeline {model!r}"
        raise CliError(f"cannot load {what}: {_why(model, err)}") from None


def _why(model: str | None, err: Exception) -> str:
    """Why loading ``model`` failed, in one line."""
    lines = [" ".join(line.split()) for line in str(err).splitlines() if line.strip()]
    title = getattr(err, "title", None)  # confection's ConfigValidationError: title, details
    if title is not None and lines and lines[0] == title:
        why = " ".join(["config.cfg is not valid:", *lines[1:3]])
    elif model is not None and _bad_json(Path(model) / "meta.json"):
        why = f"meta.json is not valid JSON ({lines[0] if lines else type(err).__name__})"
    else:
        why = lines[0] if lines else type(err).__name__
    return why if len(why) <= 300 else why[:299] + "…"


def _bad_json(path: Path) -> bool:
    """Whether ``path`` is a file that is not valid JSON."""
    try:
        json.loads(path.read_text("utf-8"))
    except OSError:
        return False
    except ValueError:
        return True
    return False


class _WriteError(CliError):
    """The output cannot be written (disk full, pipe closed, no permission, ...)."""


def _write_error(label: str, err: OSError) -> _WriteError:
    """The one-line error for failing to write ``label``."""
    if isinstance(err, BrokenPipeError):
        return _WriteError(f"{label}: broken pipe (its reader has gone away)")
    return _WriteError(f"{label}: cannot write ({err.strerror or err})")


class _Sink:
    """A text stream that reports its write errors as :class:`_WriteError`, naming ``label``."""

    def __init__(self, stream: IO[str], label: str) -> None:
        self.stream = stream
        self.label = label

    def write(self, text: str) -> int:
        """Write ``text``."""
        try:
            return self.stream.write(text)
        except OSError as err:
            raise _write_error(self.label, err) from None

    def flush(self) -> None:
        """Flush the stream, so that a late error (a full disk) surfaces now."""
        try:
            self.stream.flush()
        except OSError as err:
            raise _write_error(self.label, err) from None


def _discard_stdout() -> None:
    """Point standard output at the null device, so that the flush at exit cannot fail again."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, sys.stdout.fileno())
        finally:
            os.close(null)
    except (OSError, ValueError):  # no file descriptor (e.g. captured by a test)
        pass


def _umask() -> int:
    """The process's umask (which can only be read by setting it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextmanager
def _output(name: str) -> Iterator[_Sink]:
    """Yield where to write ``name`` (``"-"``: standard output) and complete it at the end.

    A regular file is written to a temporary file beside it, which replaces it only when
    all is written: on failure, an existing file stays as it was. A device or a FIFO
    (``/dev/null``, a pipe) cannot be replaced and is written directly.
    """
    if name == "-":
        sink = _Sink(sys.stdout, "standard output")
        try:
            yield sink
            sink.flush()
        except _WriteError:
            _discard_stdout()
            raise
        return
    target = Path(os.path.realpath(name))  # through a symbolic link: keep the link
    try:
        mode: int | None = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as err:
        raise _write_error(name, err) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise CliError(f"{name}: cannot write (is a directory)")
    replace = mode is None or stat.S_ISREG(mode)
    try:
        if replace:
            fh: IO[str] = tempfile.NamedTemporaryFile(  # noqa: SIM115
                "w",
                encoding="utf-8",
                newline="",
                dir=target.parent,
                prefix=f".{target.name}.",
                suffix=".tmp",
                delete=False,
            )
        else:
            fh = open(target, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as err:
        raise _write_error(name, err) from None
    try:
        sink = _Sink(fh, name)
        yield sink
        sink.flush()
        try:
            if replace:
                os.fsync(fh.fileno())
                os.chmod(fh.name, 0o666 & ~_umask() if mode is None else stat.S_IMODE(mode))
            fh.close()
            if replace:
                os.replace(fh.name, target)
        except OSError as err:
            raise _write_error(name, err) from None
    except BaseException:
        with suppress(OSError):
            fh.close()
        if replace:
            with suppress(OSError):
                os.unlink(fh.name)
        raise


def _main(args: argparse.Namespace) -> int:
    """Read the input, open the output, load the pipeline, write the claims."""
    from .pipeline.component import parse_reference_date
    from .rules.locales import normalize_locale

    if args.command == "serve":
        return _serve(args)
    if args.format == "parquet" and args.output == "-":
        raise CliError("--format parquet writes a file: give --output FILE.parquet")
    try:
        args.locale = normalize_locale(args.locale)
        args.reference_date = parse_reference_date(args.reference_date)
    except ValueError as err:
        raise CliError(str(err)) from None
    if args.command == "demo":
        texts = [("sample", sample_text())]
    else:
        texts = [(n, _read(n)) for n in args.files or ["-"]]
    if args.format == "parquet":
        _run_export(args, _load(args.model, args.locale), texts, None)
        return 0
    with _output(args.output) as out:
        nlp = _load(args.model, args.locale)
        _run_extract(args, nlp, texts, out)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    A user or environment error (bad input, pipeline or output) is reported in one line
    on standard error, with exit status 2; the output file, if any, is then left as it was.
    """
    args = _parser().parse_args(argv)
    try:
        return _main(args)
    except CliError as err:
        print(f"numclaims: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
