"""Linearity: time at sizes N, 4N and 16N of inputs built to find super-linear costs.

For each pattern (a long digit run, separator chains, unclosed quotes, repeated cue words,
whitespace-free runs of punctuation or emoji, whitespace-only text, realistic news text …)
and for each path — ``numclaims.extract``, the spaCy component called directly
(``nlp(text)``) and, where numclaims has ``guard_tokenizer``, a pipeline behind it, all
on a blank pipeline — N is
calibrated so that the N-sized run takes at least a few milliseconds, then the best time
at N, 4N and 16N is measured. A linear cost gives ratios of about 4 and 16; the targets
are ratio(4N) <= 6 and ratio(16N) <= 24. Nothing here asserts: the figures are reported.

``python -m benchmarks.linearity [--smoke] [--json PATH]`` runs it alone; ``python -m
benchmarks`` includes it (``speed.linearity`` in the JSON, a table in the Markdown).
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

import numclaims

from .data import SAMPLE
from .report import table

#: The targets: time ratio at 4N and at 16N (linear: 4 and 16).
TARGET_4X = 6.0
TARGET_16X = 24.0

PARAGRAPH = SAMPLE.read_text("utf-8").strip()


def _repeat_to(unit: str, n: int) -> str:
    """``unit`` repeated to exactly ``n`` characters."""
    return (unit * (n // len(unit) + 1))[:n]


def _entre(n: int) -> str:
    """'entre 1 y 2 y 3 y 4 …' with about ``n`` characters."""
    return "entre " + " y ".join(str(i % 10) for i in range(max(1, n // 4)))


def _mixed(n: int) -> str:
    """``n`` opening and closing marks in a fixed pseudo-random order: no two pieces of it
    are the same string, so spaCy's tokenizer cache cannot help (as it does on '"' * N)."""
    rng = random.Random(n)
    return "".join(rng.choice('"¡(¿!)?«»“”') for _ in range(n))


def _news(n: int) -> str:
    return _repeat_to(PARAGRAPH + "\n\n", n)


#: name -> (text of about ``n`` characters, smallest N to try).
PATTERNS: dict[str, tuple[Callable[[int], str], int]] = {
    "digit run '1' * N": (lambda n: "1" * n, 256),
    "separator chain '1.1.1.…'": (lambda n: _repeat_to("1.", n), 256),
    "separator chain '1,1,1,…'": (lambda n: _repeat_to("1,", n), 256),
    "unclosed quote '\"' + 'a ' * N": (lambda n: '"' + _repeat_to("a ", n), 256),
    "'dijo ' * N": (lambda n: _repeat_to("dijo ", n), 256),
    "'millones de ' * N": (lambda n: _repeat_to("millones de ", n), 256),
    "'entre 1 y 2 y 3 …'": (_entre, 256),
    # from N = 1024: past the 1000 characters beyond which extract() and the tokenizer
    # guard cut a whitespace-free run (below that, spaCy's own quadratic cost shows)
    "quote run '\"' * N (no spaces)": (lambda n: '"' * n, 1024),
    "'¡' * N (no spaces)": (lambda n: "¡" * n, 1024),
    "'(' * N (no spaces)": (lambda n: "(" * n, 1024),
    "emoji run (no spaces)": (lambda n: _repeat_to("😀🇪🇸👍", n), 1024),
    "mixed punctuation run (no spaces)": (_mixed, 1024),
    "whitespace only": (lambda n: " " * n, 1024),
    "NBSP only": (lambda n: "\u00a0" * n, 1024),
    "news text repeated": (_news, 1024),
}

FACTORS = (1, 4, 16)


@dataclass
class Settings:
    """How hard to measure: the full run, or the smoke run (tiny and fast)."""

    floor: float  # the N run takes at least this long (s), so that ratios mean something
    cap: float  # ... and the 16N run is predicted to take at most this long (s)
    budget: float  # stop repeating a size once its runs took this long in all (s)
    max_chars: int  # 16N stays below this (a pipeline's max_length)
    collect: bool  # a full garbage collection before each size
    smallest: int  # N never goes below this


FULL = Settings(floor=0.02, cap=4.0, budget=1.5, max_chars=999_999, collect=True, smallest=16)
SMOKE = Settings(floor=0.001, cap=0.3, budget=0.02, max_chars=4_096, collect=False, smallest=8)


def _flush(pipelines: list[Language]) -> None:
    """Empty spaCy's tokenizer caches: a repeat of the same text would hit them."""
    for nlp in pipelines:
        flush = getattr(nlp.tokenizer, "_flush_cache", None)
        if flush is not None:
            flush()


def _best(fn: Callable[[], object], pipelines: list[Language], settings: Settings) -> float:
    """The best wall-clock time of ``fn`` over up to 3 cold-cache runs, fewer if slow."""
    best = float("inf")
    spent = 0.0
    if settings.collect:
        gc.collect()  # not inside the loop: a full collection costs tens of milliseconds
    for _ in range(3):
        _flush(pipelines)
        t0 = time.perf_counter()
        fn()
        dt = time.perf_counter() - t0
        best, spent = min(best, dt), spent + dt
        if spent > settings.budget:
            break
    return best


def _paths(nlp: Language, guarded: Language | None) -> dict[str, Callable[[str], object]]:
    paths: dict[str, Callable[[str], object]] = {
        "extract": lambda text: numclaims.extract(text, nlp=nlp),
        "nlp(text)": lambda text: nlp(text)._.claims,
    }
    if guarded is not None:
        paths["guarded nlp(text)"] = lambda text: guarded(text)._.claims
    return paths


def _guarded() -> Language | None:
    """A blank pipeline behind ``numclaims.guard_tokenizer``, if this numclaims has it."""
    guard = getattr(numclaims, "guard_tokenizer", None)
    if guard is None:
        return None
    nlp = spacy.blank("es")
    guard(nlp)
    nlp.add_pipe("numclaims", config={"locale": "es"})
    return nlp


def measure(
    make: Callable[[int], str],
    run: Callable[[str], object],
    n0: int,
    pipelines: list[Language],
    settings: Settings,
) -> dict[str, Any]:
    """Time ``run`` on ``make(N)``, ``make(4N)`` and ``make(16N)``.

    N starts at ``n0`` and doubles until the N run takes ``settings.floor``; it halves
    while the 16N run, extrapolated from N and 4N, would take over ``settings.cap``.
    """

    def timed(size: int) -> float:
        text = make(size)
        return _best(lambda: run(text), pipelines, settings)

    n = n0
    t1 = timed(n)
    while t1 < settings.floor and 32 * n <= settings.max_chars:
        n *= 2
        t1 = timed(n)
    t4 = timed(4 * n)
    while n // 2 >= settings.smallest and t1 > 0 and t4 * t4 / t1 > settings.cap:
        n //= 2
        t1, t4 = timed(n), timed(4 * n)
    t16 = timed(16 * n)
    rows: list[dict[str, Any]] = [
        {"factor": f, "chars": len(make(f * n)), "seconds": t}
        for f, t in zip(FACTORS, (t1, t4, t16), strict=True)
    ]
    for row in rows:
        row["time_ratio"] = row["seconds"] / t1 if t1 > 0 else None
    r4, r16 = rows[1]["time_ratio"], rows[2]["time_ratio"]
    return {
        "n": n,
        "rows": rows,
        "ratio_4x": r4,
        "ratio_16x": r16,
        "met": r4 is not None and r16 is not None and r4 <= TARGET_4X and r16 <= TARGET_16X,
    }


def linearity(smoke: bool = False, nlp: Language | None = None) -> dict[str, Any]:
    """Measure every pattern through every path; return the results (JSON-safe)."""
    nlp = nlp or numclaims.load("blank")
    guarded = _guarded()
    pipelines = [p for p in (nlp, guarded) if p is not None]
    base = SMOKE if smoke else FULL
    settings = replace(base, max_chars=min(base.max_chars, nlp.max_length - 1))
    for pipeline in pipelines:  # warm-up: lazy tables
        pipeline("Calentamiento: 10.000 euros, dijo el ministro.")
    out: dict[str, Any] = {
        "targets": {"ratio_4x": TARGET_4X, "ratio_16x": TARGET_16X},
        "settings": asdict(settings),
        "patterns": {},
    }
    for name, (make, n0) in PATTERNS.items():
        start = min(n0, 16) if smoke else n0
        out["patterns"][name] = {
            path: measure(make, run, start, pipelines, settings)
            for path, run in _paths(nlp, guarded).items()
        }
    return out


def _ratio(x: float | None) -> str:
    return "–" if x is None else f"{x:.1f}"


def markdown(results: dict[str, Any], *, targets: bool = True) -> str:
    """The linearity table, as Markdown (a ``###`` section); ``targets=False`` leaves out the
    team's targets (for the docs page)."""
    t4, t16 = results["targets"]["ratio_4x"], results["targets"]["ratio_16x"]
    goal = f"Targets: 4N/N <= {t4:g}, 16N/N <= {t16:g} (linear: 4 and 16)."
    out = [
        "\n### Linearity (blank pipeline: time at N, 4N and 16N characters)\n",
        "Best of up to 3 runs, spaCy's tokenizer cache emptied before each. "
        + (goal if targets else "A linear cost gives ratios of 4 and 16.")
        + "\n",
    ]
    body = []
    for name, paths in results["patterns"].items():
        for path, r in paths.items():
            rows = r["rows"]
            body.append(
                [
                    name.replace("|", "\\|"),
                    f"`{path}`",
                    f"{rows[0]['chars']:,}",
                    " / ".join(f"{row['seconds']:.3f}" for row in rows),
                    _ratio(r["ratio_4x"]),
                    _ratio(r["ratio_16x"]),
                    "yes" if r["met"] else "**no**",
                ]
            )
    header = ["pattern", "path", "N (chars)", "time N / 4N / 16N (s)", "4N/N", "16N/N", "met"]
    out.append(table(header, body))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Run the linearity benchmark alone; print Markdown; optionally write JSON."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.linearity", description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="tiny sizes (a few seconds)")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore", message=r"\[W095\]")
    t0 = time.perf_counter()
    results = linearity(args.smoke)
    results["duration_s"] = time.perf_counter() - t0
    print(markdown(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"linearity: {results['duration_s']:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
