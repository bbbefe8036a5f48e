"""The type of a whole claim text (the QuanTemp taxonomy), from its structure (pure).

``comparison``: a change or a comparison ("pasó del 70 al 102 %", "el doble que");
``interval``: a range ("entre 60 y 69 años", "de 3 a 5 %") or a period with both ends;
``temporal``: what is checkable is a date ("el 8 de abril de 2024", "en junio de 2022")
or when something was recorded; ``statistical``: a figure otherwise.

Example:
    >>> classify("La deuda pasó del 70 al 102 % del PIB.").claim_type
    'comparison'
    >>> classify("Vacunan a personas de entre 60 y 69 años.").claim_type
    'interval'
    >>> classify("Foto del terremoto del 26 de mayo de 2022.").claim_type
    'temporal'
    >>> classify("La industria perdió 100.000 empleos.").claim_type
    'statistical'
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise
from typing import Any

import regex

from ..lang import table
from .claims import Draft, build_claims
from .numerals import parse_number
from .patterns import any_of
from .relations import Relations
from .scanner import scan
from .sentences import split_sentences
from .text import fold, fold_keep_length

__all__ = ["CLAIM_TYPES", "ClaimTypeResult", "classify"]

#: The claim types, in the order the evidence for them is weighed.
CLAIM_TYPES: tuple[str, ...] = ("comparison", "interval", "temporal", "statistical")


@dataclass(frozen=True)
class ClaimTypeResult:
    """A claim text's type and the evidence for it (JSON-safe dicts)."""

    claim_type: str
    evidence: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """``{"claim_type": …, "evidence": [...]}``."""
        return {"claim_type": self.claim_type, "evidence": list(self.evidence)}


@lru_cache(maxsize=1)
def _cue_res() -> dict[str, regex.Pattern[str]]:
    cues = table("relations")["claim_type_cues"]
    out = {
        kind: regex.compile(rf"\b(?:{any_of(fold(w) for w in cues[kind])})\b")
        for kind in ("comparison", "temporal")
    }
    nouns = any_of(fold(w) for w in table("numbers")["time_nouns"])
    # "durará tres días", "durante dos años", "cada 823 años": a duration
    out["duration"] = regex.compile(rf"\s+(?:{nouns})(?:s|es)?\b")
    time = table("relations")["time"]
    # "hace tres días" is a point in time; "una niña de 2 años", "mayores de 65 años" ages
    before = [*time["ago_words"], *time["not_duration_before"]]
    out["not_duration_before"] = regex.compile(rf"\b(?:{any_of(fold(w) for w in before)})\s+$")
    after = time["relative_after"]
    out["point_after"] = regex.compile(rf"\s+(?:{any_of(fold(w) for w in after)})\b")
    # "500 o 1.000 euros": two alternatives, a range
    out["join"] = regex.compile(rf"\s*(?:{any_of(cues['interval_joins'])})\s*")
    return out


def _statistic(d: Draft) -> bool:
    """A figure that is a statistic on its own: a percent, money, or a count of
    thousands (not "seis personas" in a caption)."""
    if d.kind in ("percent", "money"):
        return True
    return d.value is not None and abs(d.value) >= 1000


def _is_year(x: Decimal | None) -> bool:
    return x is not None and x == x.to_integral_value() and 1500 <= x <= 2099


def _is_duration(folded: str, start: int, end: int) -> bool:
    """ "durará tres días", "cada 823 años": a number of time units that is a duration, not
    an age ("una niña de 2 años") nor a point in time ("hace tres días", "nueve meses
    antes")."""
    res = _cue_res()
    unit = res["duration"].match(folded, end, end + 24)
    if unit is None:
        return False
    if res["point_after"].match(folded, unit.end(), unit.end() + 24):
        return False
    return res["not_duration_before"].search(folded, max(0, start - 16), start) is None


def _consecutive(a: str, b: str) -> bool:
    """ "dos o tres", "7 u 8 millones": two consecutive numerals are an approximation, not
    two alternatives (the numerals as written, before any scale word)."""
    if not a.split() or not b.split():
        return False
    x, y = parse_number(a.split()[0]), parse_number(b.split()[0])
    return x is not None and y is not None and y - x == 1


def _alternatives_consecutive(text: str) -> bool:
    """Whether a range written "X o Y" / "X u Y" joins two consecutive numerals."""
    words = text.split()
    for k, w in enumerate(words[1:-1], start=1):
        if w.lower() in ("o", "u"):
            return _consecutive(words[0], " ".join(words[k + 1 :]))
    return False


def _is_date(normalized: str | None) -> bool:
    """A date with at least a month ("2019-03", "XXXX-02-07", one end of "../2021-08-31"),
    not a bare year."""
    if normalized is None:
        return False
    ends = [x for x in normalized.split("/") if x != ".."]
    return bool(ends) and "-" in ends[0]


def _evidence(text: str, reference_date: date | None) -> dict[str, list[dict[str, Any]]]:
    sentences = split_sentences(text)
    mentions = scan(text)
    rel = Relations()
    # build_claims links the claims once, filling ``rel`` with what it found
    drafts = build_claims(
        text, mentions, sentences=sentences, reference_date=reference_date, relations=rel
    )
    ev: dict[str, list[dict[str, Any]]] = {k: [] for k in CLAIM_TYPES}
    for c in rel.changes:
        ev["comparison"].append({"change": c})
    for c in rel.comparisons:
        ev["comparison"].append({"comparison": c})
    folded = fold_keep_length(text)
    for cue in _cue_res()["comparison"].finditer(folded):
        ev["comparison"].append({"cue": text[cue.start() : cue.end()], "start_char": cue.start()})
    for m in mentions:
        if m.kind == "range" and _alternatives_consecutive(m.text):
            continue  # "dos o tres vecinos": an approximation, not an interval
        if m.kind == "range":
            years = _is_year(m.value_min) and _is_year(m.value_max)
            ev["interval"].append({"period" if years else "range": m.text, "start_char": m.start})
        elif m.kind == "number" and _is_duration(folded, m.start, m.end):
            ev["interval"].append({"duration": m.text, "start_char": m.start})
    for a, b in pairwise(mentions):
        if (
            a.kind == b.kind == "number"
            and _cue_res()["join"].fullmatch(folded, a.end, b.start)
            and not _consecutive(a.text, b.text)
        ):
            ev["interval"].append({"alternatives": text[a.start : b.end], "start_char": a.start})
    for d in drafts:
        if d.kind == "percent" and d.value is not None and d.value < 0:
            ev["comparison"].append({"signed_change": d.text, "start_char": d.start})
    bounds = {"since": False, "until": False}
    for t in rel.times:
        norm = t.normalized or ""
        if "/" in norm and ".." not in norm:
            ends = norm.split("/")
            kind = "date_period" if all(_is_date(x) for x in ends) else "period"
            ev["interval"].append({kind: t.to_dict()})
        else:
            if _is_date(norm):
                ev["temporal"].append({"date": t.to_dict()})
            bounds["since"] |= norm.endswith("/..")
            bounds["until"] |= norm.startswith("../")
    if bounds["since"] and bounds["until"]:
        # "desde el 2013 hasta 2015", "a partir del 30 de diciembre y hasta el 7 de enero"
        ev["interval"].append({"date_period": "since … until"})
    covered = [(t.start, t.end) for t in rel.times]  # in text order
    cover_starts = [c[0] for c in covered]
    for m in mentions:
        k = bisect_right(cover_starts, m.start) - 1
        if m.kind == "date" and not (k >= 0 and m.start < covered[k][1]):
            ev["temporal"].append(
                {"date": {"text": m.text, "start_char": m.start, "end_char": m.end}}
            )
    for cue in _cue_res()["temporal"].finditer(folded):
        ev["temporal"].append({"cue": text[cue.start() : cue.end()], "start_char": cue.start()})
    for d in drafts:
        ev["statistical"].append(
            {"claim": d.text, "start_char": d.start, "kind": d.kind, "statistic": _statistic(d)}
        )
    return ev


def classify(text: str, *, reference_date: date | None = None) -> ClaimTypeResult:
    """The QuanTemp type of a whole claim text, and the evidence for it.

    A change or comparison makes it a ``comparison``; else a range or a period with both
    ends an ``interval``; else a date, or a picture said to show an event, with no
    figure beside it, ``temporal``; else ``statistical``.
    """
    ev = _evidence(text, reference_date)
    statistics = [e for e in ev["statistical"] if e["statistic"]]
    strong = [e for e in ev["interval"] if {"range", "alternatives", "date_period"} & set(e)]
    pictures = [e for e in ev["temporal"] if "cue" in e]
    if ev["comparison"]:
        kind = "comparison"
    elif strong:
        kind = "interval"
    elif pictures and not statistics:
        kind = "temporal"
    elif statistics:
        kind = "statistical"
    elif ev["interval"]:
        kind = "interval"
    elif ev["temporal"]:
        kind = "temporal"
    else:
        kind = "statistical"
    return ClaimTypeResult(kind, ev[kind])
