"""``python -m benchmarks [--smoke] [--out DIR] [--docs PATH]``: run all benchmarks."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
import warnings
from collections import defaultdict
from pathlib import Path
from typing import Any

from . import REPO_ROOT, SHARED, accuracy, chart, data, linearity, peers, report, speed

#: The chart's file name, beside the results (and beside the docs page with ``--docs``).
CHART = "benchmarks_throughput.svg"
#: The accuracy chart's file name, likewise.
ACCURACY_CHART = "benchmarks_accuracy.svg"


def _machine() -> dict[str, Any]:
    return {
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "os": platform.platform(),
        "machine": platform.machine(),
    }


def _subset(cases: list[data.Case], per_suite: int) -> list[data.Case]:
    """The first ``per_suite`` cases of each suite and locale (for the smoke run)."""
    seen: dict[tuple[str, str], int] = defaultdict(int)
    out = []
    for case in cases:
        key = (case.suite, case.locale)
        if seen[key] < per_suite:
            seen[key] += 1
            out.append(case)
    return out


def run_accuracy(systems: list[peers.PeerStatus], smoke: bool) -> dict[str, Any]:
    """Score every available system on each data set."""
    out: dict[str, Any] = {}
    rec = data.recognizers_cases()
    dev = data.dev_cases()
    gen = data.num2words_cases(21 if smoke else 300)
    sets: list[tuple[str, list[data.Case] | None, Any, str]] = [
        ("recognizers_es", rec, accuracy.score_recognizers, f"{data.RECOGNIZERS} not found"),
        ("dev_claims_es", dev, accuracy.score_dev, f"{data.DEV} not found"),
        ("num2words_es", gen or None, accuracy.score_generated, "num2words is not installed"),
    ]
    for name, cases, scorer, missing in sets:
        if cases is None:
            print(f"[skip] {name}: {missing}", file=sys.stderr)
            out[name] = {"skipped": missing}
            continue
        if smoke and name == "recognizers_es":
            cases = _subset(cases, 2)
        results: dict[str, Any] = {}
        for system in systems:
            if not system.available:
                results[system.name] = {"error": system.error}
                continue
            t0 = time.perf_counter()
            results[system.name] = {"scores": scorer(system, cases)}
            results[system.name]["seconds"] = time.perf_counter() - t0
        out[name] = {"cases": len(cases), "systems": results}
    return out


def run_speed(peer_list: list[peers.PeerStatus], smoke: bool) -> dict[str, Any]:
    """Throughput, cold start, memory, scaling, adversarial inputs and linearity."""
    paras, sources = data.speed_texts()
    corpus = data.build_corpus(paras, 3_000 if smoke else 100_000)
    duckling = [p for p in peer_list if p.name == "Duckling"]
    others = [p for p in peer_list if p.name != "Duckling"]
    out: dict[str, Any] = {"corpus_sources": sources}
    out["throughput"] = speed.throughput(
        corpus, duckling + ([] if smoke else others), 1 if smoke else 5, trained=not smoke
    )
    repeat = 1 if smoke else 3
    out["tokenizer"] = speed.tokenizer_ceiling(corpus, repeat)
    out["component_share"] = speed.component_share(corpus, repeat, trained=not smoke)
    out["multiprocess"] = speed.multiprocess(corpus * (1 if smoke else 4), 1 if smoke else 2)
    out["profile"] = speed.profile(corpus)
    out["cold_start"] = speed.cold_start(1 if smoke else 2, trained=not smoke)
    out["cold_parts"] = speed.cold_parts(1 if smoke else 3)
    with tempfile.TemporaryDirectory() as tmp:
        out["memory"] = speed.memory(corpus, Path(tmp), trained=not smoke)
    out["scaling"] = speed.scaling(data.build_corpus(paras, 2_000 if smoke else 50_000), (1, 4, 16))
    if smoke:
        sizes = dict.fromkeys(speed.ADVERSARIAL, (4096, 16384))
    else:
        sizes = {
            "1.1.1.1…": (262_144, 1_048_576),
            "1,1,1,…": (262_144, 1_048_576),
            "mil mil mil …": (65_536, 262_144),
        }
    out["adversarial"] = speed.adversarial(sizes)
    out["linearity"] = linearity.linearity(smoke)
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks; print the tables; write JSON and Markdown."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, a few seconds (CI)")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "benchmarks" / "results")
    parser.add_argument("--docs", type=Path, help="also update the results block of this page")
    parser.add_argument("--no-peers", action="store_true", help="benchmark numclaims only")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore", message=r"\[W095\]")
    started = time.perf_counter()
    if not SHARED.exists():
        print(
            f"[skip] shared material not found at {SHARED}: its suites are skipped", file=sys.stderr
        )
    peer_list = [] if args.no_peers else peers.load_peers()
    for p in peer_list:
        if not p.available:
            print(f"[peer unavailable] {p.name}: {p.error}", file=sys.stderr)
    own = [peers.numclaims_system("blank")]
    if not args.smoke:  # loading the trained pipeline alone would take most of the smoke budget
        own.append(peers.numclaims_system(speed.TRAINED))
    results: dict[str, Any] = {
        "meta": {
            "command": "python -m benchmarks" + (" --smoke" if args.smoke else ""),
            "smoke": args.smoke,
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "machine": _machine(),
            "versions": report.versions(),
            "shared_present": SHARED.exists(),
        },
        "systems": [
            {
                "name": s.name,
                "package": s.package,
                "version": s.version,
                "available": s.available,
                "error": s.error,
            }
            for s in own + peer_list
        ],
    }
    results["accuracy"] = run_accuracy(own + peer_list, args.smoke)
    results["speed"] = run_speed(peer_list, args.smoke)
    results["targets"] = report.targets(results)
    results["meta"]["duration_s"] = time.perf_counter() - started
    markdown = report.markdown(results) + linearity.markdown(results["speed"]["linearity"])
    print(markdown)
    args.out.mkdir(parents=True, exist_ok=True)
    stem = "smoke" if args.smoke else "latest"
    (args.out / f"{stem}.json").write_text(
        json.dumps(results, indent=1, ensure_ascii=False) + "\n", "utf-8"
    )
    (args.out / f"{stem}.md").write_text(markdown, "utf-8")
    sp = results["speed"]
    svg = chart.throughput_svg(sp["throughput"]["systems"], sp["tokenizer"]["chars_per_s"])
    (args.out / CHART).write_text(svg, "utf-8")
    accuracy_svg = chart.accuracy_svg(results["accuracy"])
    (args.out / ACCURACY_CHART).write_text(accuracy_svg, "utf-8")
    if args.docs:
        # the docs page is for users: the team's targets stay in latest.md and latest.json
        docs_markdown = report.markdown(results, targets=False) + linearity.markdown(
            results["speed"]["linearity"], targets=False
        )
        report.update_docs(args.docs, docs_markdown)
        (args.docs.parent / CHART).write_text(svg, "utf-8")
        (args.docs.parent / ACCURACY_CHART).write_text(accuracy_svg, "utf-8")
    print(
        f"wrote {args.out / stem}.json and .md in {results['meta']['duration_s']:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
