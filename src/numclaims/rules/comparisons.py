"""Comparisons: "54 frente a 37 %", "el doble que", "tres veces más que", "superior al de
2019", "la menor de la UE", "el segundo país con más casos" (pure: no spaCy).

Each :class:`Comparison` has a ``kind``: ``ratio`` (a factor: "el doble", "tres veces
más"), ``difference`` ("más que", "superior al de", "frente a"), ``superlative`` ("la
menor de la UE") or ``rank`` ("el segundo … con más"), the cue, its direction (``more`` /
``less``), and what the figure is compared with (another claim, or a group of words).

Example:
    >>> [(c.kind, c.cue, c.other_text) for c in find_comparisons("Es la tasa más baja de la UE.")]
    [('superlative', 'más baja', 'la UE')]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Any

import regex

from ..lang import table
from .numerals import fraction_to_decimal, parse_number
from .patterns import any_of_folded as _alt
from .text import fold, fold_keep_length

__all__ = ["Comparison", "find_comparisons"]


@dataclass(frozen=True)
class Comparison:
    """A comparison cue in a text and what it compares with.

    Attributes:
        kind: ``ratio``, ``difference``, ``superlative`` or ``rank``.
        start: Offset of the cue's first character.
        end: Offset after the cue.
        cue: The cue's words.
        direction: ``more``, ``less`` or ``None`` ("frente a").
        factor: The factor of a ratio ("el triple": 3; "la mitad": 0.5), exact.
        rank: The position of a rank ("el segundo": 2).
        other_start: Where what it is compared with starts (-1: not said).
        other_end: Where it ends.
        other_text: Its words ("Sanidad", "la UE", "37 %").
    """

    kind: str
    start: int
    end: int
    cue: str
    direction: str | None = None
    factor: Decimal | None = None
    rank: int | None = None
    other_start: int = -1
    other_end: int = -1
    other_text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON-safe form (exact strings for the factor)."""
        return {
            "kind": self.kind,
            "cue": self.cue,
            "cue_start_char": self.start,
            "cue_end_char": self.end,
            "direction": self.direction,
            "factor": str(self.factor) if self.factor is not None else None,
            "rank": self.rank,
            "other_text": self.other_text,
            "other_start_char": self.other_start if self.other_start >= 0 else None,
            "other_end_char": self.other_end if self.other_end >= 0 else None,
        }


@dataclass(frozen=True)
class _Data:
    multiples: Mapping[str, Fraction]
    ranks: Mapping[str, int]
    superlatives: Mapping[str, str]
    more: frozenset[str]
    less: frozenset[str]
    above: Mapping[str, str]
    pattern: regex.Pattern[str]
    other: regex.Pattern[str]


@lru_cache(maxsize=1)
def _data() -> _Data:
    c = table("relations")["comparison"]
    more, less = _alt(c["more"]), _alt(c["less"])
    than, versus = _alt(c["than"]), _alt(c["versus"])
    art = _alt(c["superlative_articles"])
    sup = {fold(k): str(v) for k, v in c["superlative_adjectives"].items()}
    graded = _alt(k for k in sup if k not in ("mas", "menos"))
    ranks = {fold(k): int(v) for k, v in c["rank_ordinals"].items()}
    group = _alt(c["group_prepositions"])
    word = r"[a-zñ]{2,20}"
    number = r"(?:\d+(?:[.,]\d+)?|[a-zñ]{3,12})"
    pattern = (
        rf"(?P<versus>\b(?:{versus})(?=\s))"
        rf"|(?P<times>\b(?P<n>{number})\s+(?:o\s+{number}\s+)?veces\s+(?P<tw>{more}|{less})"
        rf"(?:\s+{word}){{0,3}}?\s+(?:{than})\b)"
        rf"|(?P<mult>\b(?:el|la|un|una)\s+(?P<mw>{_alt(c['multiples'])})\s+(?:de|del|que)\b)"
        rf"|(?P<rank>\b(?:{art})\s+(?P<ro>{_alt(ranks)})\s+(?:{word}\s+){{0,3}}?"
        rf"(?:con\s+)?(?P<rw>{more}|{less}|{graded})\b)"
        rf"|(?P<sup>\b(?:{art})\s+(?:{word}\s+){{0,2}}?(?P<sw>(?:mas|menos)\s+{word}|{graded})"
        rf"(?:\s+{word})?\s+(?P<sg>{group})\s)"
        rf"|(?P<above>\b(?P<aw>{_alt(c['above_below'])})\s+(?:de|del)\b"
        rf"(?!\s+(?:(?:el|la|los|las)\s+)?\d))"
        rf"|(?P<nmore>\b\d[\d.,]*\s+(?:{word}\s+)?(?P<nw>{more}|{less})\b"
        rf"(?!\s+(?:de|del|tarde|temprano)\b))"
        rf"|(?P<pct>(?:{_alt(c['percent_signs'])})\s+(?P<pw>{more}|{less})\b)"
        rf"|(?P<diff>\b(?P<dw>{more}|{less})(?:\s+{word}){{0,4}}?\s+(?P<dt>que(?:\s+en)?|(?:al|a\s+la|a\s+los"
        rf"|a\s+las)\s+de)\b)"
    )
    return _Data(
        multiples={fold(k): Fraction(str(v)) for k, v in c["multiples"].items()},
        ranks=ranks,
        superlatives=sup,
        more=frozenset(fold(w) for w in c["more"]),
        less=frozenset(fold(w) for w in c["less"]),
        above={fold(k): str(v) for k, v in c["above_below"].items()},
        pattern=regex.compile(pattern),  # matched on folded (lower-case) text
        other=regex.compile(
            r"\s*([^,.;:()\[\]¿?¡!\"“”«»]{1,60}?)"
            r"(?=\s*(?:[,.;:()\[\]?!\"“”«»]|$)|\s+(?:y|e|o|u|pero|mientras|aunque)\s)"
        ),
    )


@lru_cache(maxsize=1)
def _group_share_re() -> regex.Pattern[str]:
    articles = _alt(table("relations")["comparison"]["superlative_articles"])
    return regex.compile(rf"\b(?:{articles}|del|al)\s+[\d.,]+\s*$")


@lru_cache(maxsize=1)
def _number_next_re() -> regex.Pattern[str]:
    return regex.compile(r"\s*(?:(?:el|la|los|las|un|una)\s+)?\d")


def _direction(word: str) -> str | None:
    d = _data()
    w = fold(word).split()[0] if word.strip() else ""
    if w in d.more or word in d.more:
        return "more"
    if w in d.less or word in d.less:
        return "less"
    return None


def _other(folded: str, text: str, pos: int) -> tuple[int, int, str | None]:
    m = _data().other.match(folded, pos, min(len(folded), pos + 80))
    if m is None or not m.group(1).strip():
        return -1, -1, None
    s, e = m.start(1), m.end(1)
    return s, e, text[s:e]


@lru_cache(maxsize=4)
def _folded(text: str) -> str:
    """The folded text, once per text (each sentence of it is searched in turn)."""
    return fold_keep_length(text)


def find_comparisons(text: str, start: int = 0, end: int | None = None) -> list[Comparison]:
    """The comparisons of ``text[start:end]``, in order."""
    end = len(text) if end is None else end
    d = _data()
    folded = _folded(text)
    out: list[Comparison] = []
    for m in d.pattern.finditer(folded, start, end):
        s, e = m.span()
        cue = text[s:e]
        if m.group("versus") is not None:
            os_, oe, ot = _other(folded, text, e)
            out.append(Comparison("difference", s, e, cue, None, None, None, os_, oe, ot))
        elif m.group("times") is not None:
            n = parse_number(m.group("n").replace(",", "."))
            factor = n if n is not None and n > 0 else None
            os_, oe, ot = _other(folded, text, e)
            out.append(
                Comparison("ratio", s, e, cue, _direction(m.group("tw")), factor, None, os_, oe, ot)
            )
        elif m.group("mult") is not None:
            f = d.multiples[m.group("mw").lower()]
            os_, oe, ot = _other(folded, text, e)
            direction: str | None = "more" if f > 1 else "less"
            out.append(
                Comparison("ratio", s, e, cue, direction, fraction_to_decimal(f), None, os_, oe, ot)
            )
        elif m.group("rank") is not None:
            rank = d.ranks[m.group("ro").lower()]
            rw = m.group("rw").lower()
            direction = _direction(rw) or d.superlatives.get(rw)
            out.append(Comparison("rank", s, e, cue, direction, None, rank))
        elif m.group("sup") is not None:
            if not text[m.start("sw")].islower() or _number_next_re().match(folded, m.end()):
                continue  # "Ingreso Mínimo Vital" is a name; "mayores de 12" a bound
            sw = regex.sub(r"\s+", " ", m.group("sw").lower())
            direction = d.superlatives.get(sw) or d.superlatives.get(sw.split()[0])
            os_, oe, ot = _other(folded, text, m.end("sg"))
            cs, ce = m.span("sw")
            out.append(
                Comparison("superlative", cs, ce, text[cs:ce], direction, None, None, os_, oe, ot)
            )
        elif m.group("above") is not None:
            # "por encima de la media": a comparison; "por encima del 90 %" is a bound
            direction = d.above[regex.sub(r"\s+", " ", m.group("aw").lower())]
            os_, oe, ot = _other(folded, text, e)
            out.append(Comparison("difference", s, e, cue, direction, None, None, os_, oe, ot))
        elif m.group("nmore") is not None:
            # "10 documentos más", "25 mil argentinos más que": a stated difference
            cs, ce = m.span("nw")
            out.append(Comparison("difference", cs, ce, text[cs:ce], _direction(m.group("nw"))))
        elif m.group("pct") is not None:
            # "un 15 % más de plazas (que …)": a difference stated relative to the other;
            # "el 10 % más rico" is a group of the population, not a comparison
            if _group_share_re().search(folded, max(0, s - 24), s):
                continue
            cs, ce = m.span("pw")
            out.append(Comparison("difference", cs, ce, text[cs:ce], _direction(m.group("pw"))))
        elif m.group("diff") is not None:
            os_, oe, ot = _other(folded, text, e)
            out.append(
                Comparison(
                    "difference", s, e, cue, _direction(m.group("dw")), None, None, os_, oe, ot
                )
            )
    return out
