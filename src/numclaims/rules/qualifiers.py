"""Qualifier cues around a numeral: "al menos 10.000", "hasta 4,8 millones", "500 o más".

Pure language rules (text in, label out; no spaCy). The cues are a data table,
``lang/es/qualifiers.json``; each lookup reads a bounded window next to the
numeral, so its cost does not depend on the length of the text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

import regex

from ..lang import table
from .text import fold, fold_keep_length

__all__ = ["LABELS", "QualifierMatch", "bounds", "match_qualifier"]

#: The qualifier labels, in the order of the data table.
LABELS = ("approx", "at_least", "at_most", "more_than", "less_than")

_WINDOW = 64


@dataclass(frozen=True)
class QualifierMatch:
    """A qualifier cue found next to a numeral.

    Attributes:
        label: One of :data:`LABELS`.
        start: Offset of the cue in the text.
        end: Offset just past the cue.
        text: The cue as written ("Al menos", "cerca del").
    """

    label: str
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def _data() -> Mapping[str, Any]:
    return table("qualifiers")


def _cue_pattern(cue: str) -> str:
    words = fold(cue).split()
    return r"\s+".join(regex.escape(w) for w in words)


@lru_cache(maxsize=1)
def _patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], dict[str, str]]:
    data = _data()
    table = data["qualifiers"]
    label_of: dict[str, str] = {}
    for side in ("pre", "post"):
        for label, cues in table[side].items():
            for cue in cues:
                label_of.setdefault(f"{side}:{' '.join(fold(cue).split())}", label)
    articles = "|".join(regex.escape(fold(a)) for a in data["articles"])
    pre_alts: list[tuple[str, int]] = []
    for cues in table["pre"].values():
        for cue in cues:
            words = fold(cue).split()
            alt = _cue_pattern(cue)
            contraction = data["contractions"].get(words[-1])
            if contraction is not None:
                head = r"\s+".join(regex.escape(w) for w in words[:-1])
                sep = head + r"\s+" if head else ""
                alt = f"(?:{alt}|{sep}{regex.escape(contraction)})"
            pre_alts.append((alt, len(cue)))
    pre_alts.sort(key=lambda a: -a[1])
    pre = regex.compile(
        r"(?<![\w.])(?P<cue>" + "|".join(a for a, _ in pre_alts) + r")"
        r"(?:\s++(?:del|de|al)(?!\w))?+(?:\s++(?:" + articles + r"))?+\s*+$"
    )
    post_multi: list[str] = []
    post_single: list[str] = []
    for cues in table["post"].values():
        for cue in cues:
            (post_multi if len(cue.split()) > 1 else post_single).append(cue)
    multi = "|".join(_cue_pattern(c) for c in sorted(post_multi, key=len, reverse=True))
    single = "|".join(_cue_pattern(c) for c in sorted(post_single, key=len, reverse=True))
    # up to three words (the counted noun, "de euros") may stand between numeral and cue;
    # a one-word cue ("mínimo") must follow the numeral or its noun and close the phrase,
    # so "1.000 euros de salario mínimo" has no cue
    word = r"[ \t\u00a0]*+[\w%€$.-]++"
    sep = r"[ \t\u00a0]*+,?[ \t\u00a0]*+"
    post = regex.compile(
        rf"^(?:(?:{word}){{0,3}}?{sep}(?P<cue>{multi})(?!\w)"
        rf"|(?:{word})??{sep}(?P<cue>{single})(?=[ \t\u00a0]*+(?:[,.;:)]|$)))"
    )
    return pre, post, label_of


def match_qualifier(text: str, start: int, end: int) -> QualifierMatch | None:
    """Find the qualifier cue of the numeral at ``text[start:end]``.

    A cue before the numeral wins over one after it. An article, or the
    contractions "del"/"al", may stand between a cue and the numeral
    ("casi el 40 %", "cerca del 30 %", "no superó los 15").

    Args:
        text: The whole text.
        start: Offset of the numeral.
        end: Offset just past the numeral.

    Returns:
        The cue, or ``None`` when the numeral has none.

    Example:
        >>> match_qualifier("Llegaron al menos 300 personas.", 18, 21).label
        'at_least'
        >>> match_qualifier("Eran 300 personas o más.", 5, 8).text
        'o más'
    """
    pre, post, label_of = _patterns()
    lo = max(0, start - _WINDOW)
    before = fold_keep_length(text[lo:start])
    m = pre.search(before)
    if m is not None:
        cue = " ".join(m.group("cue").split())
        label = label_of.get(f"pre:{cue}")
        if label is None:  # a contraction: "cerca del" is "cerca de"
            for short, long in _data()["contractions"].items():
                if cue.endswith(long):
                    label = label_of.get(f"pre:{cue[: -len(long)] + short}")
                    break
        if label is not None:
            s, e = lo + m.start("cue"), lo + m.end("cue")
            return QualifierMatch(label=label, start=s, end=e, text=text[s:e])
    after = fold_keep_length(text[end : end + _WINDOW])
    m = post.search(after)
    if m is not None:
        cue = " ".join(m.group("cue").split())
        label = label_of.get(f"post:{cue}")
        if label is not None:
            s, e = end + m.start("cue"), end + m.end("cue")
            return QualifierMatch(label=label, start=s, end=e, text=text[s:e])
    return None


def bounds(label: str, value: Decimal) -> tuple[Decimal | None, Decimal | None]:
    """The ``(value_min, value_max)`` that a qualifier gives a value.

    "al menos"/"más de" give a lower bound, "hasta"/"menos de" an upper one,
    "unos" (approx) neither: an approximate value has no hard bound.

    Example:
        >>> bounds("at_most", Decimal("4800000"))
        (None, Decimal('4800000'))
    """
    if label in ("at_least", "more_than"):
        return value, None
    if label in ("at_most", "less_than"):
        return None, value
    return None, None
