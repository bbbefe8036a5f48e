"""What a number counts or measures: subject finding over a token table.

Counted nouns ("10,000 contenedores sospechosos de …") are taken to the right
of the number, up to a stop (a verb, a relative pronoun, a comma, "y otras").
Percents and amounts of money or measure have no counted noun: their subject
is "the N% *of* X", the noun the amount belongs to ("un paquete de 11,000
millones") or the subject of the governing verb ("El paro bajó al 12,5 %").
With a trained pipeline, part-of-speech tags tell verbs from nouns; on a
blank pipeline, stop-word and suffix tables (``lang/es/reporting_verbs.json``,
section ``subject``) stand in. All windows are bounded.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..lang import table
from .tokens import TokenTable

__all__ = ["Subjects", "find_subject"]

#: Longest subject noun phrase, in tokens.
MAX_NP = 12


@dataclass(frozen=True)
class _Tab:
    stop: frozenset[str]
    and_other: frozenset[str]
    measure: frozenset[str]
    adj_suffixes: tuple[str, ...]
    verb_suffixes: tuple[str, ...]
    determiners: frozenset[str]
    preps_before_det: frozenset[str]
    skip_left: frozenset[str]
    conjunctions: frozenset[str]
    adverbs: frozenset[str]
    adverb_suffix: str
    measure_markers: tuple[str, ...]


@lru_cache(maxsize=1)
def _tab() -> _Tab:
    tables = table("reporting_verbs")
    raw = tables["subject"]
    return _Tab(
        stop=frozenset(raw["stop_words"]),
        and_other=frozenset(raw["and_other"]),
        measure=frozenset(w.lower() for w in raw["measure_words"]),
        adj_suffixes=tuple(raw["adjective_suffixes"]),
        verb_suffixes=tuple(raw["verb_suffixes"]),
        determiners=frozenset(tables["determiners"]),
        preps_before_det=frozenset(raw["prepositions_before_determiner"]),
        skip_left=frozenset(raw["skip_left"]),
        conjunctions=frozenset(raw["conjunctions"]),
        adverbs=frozenset(raw["adverbs"]),
        adverb_suffix=raw["adverb_suffix"],
        measure_markers=tuple(raw["measure_markers"]),
    )


@dataclass
class _Tok:
    text: str
    lower: str
    start: int
    end: int
    pos: str
    verbform: str


def _all_tokens(table: TokenTable) -> list[_Tok]:
    return [
        _Tok(w, lw, a, b, p, vf)
        for w, lw, a, b, p, vf in zip(
            table.words,
            table.lower,
            table.starts,
            table.ends,
            table.pos,
            table.verbforms,
            strict=True,
        )
    ]


def _tokens(table: TokenTable, toks: list[_Tok], lo: int, hi: int) -> tuple[list[_Tok], str]:
    """The tokens of a bounded slice of the doc, and the text padded to doc offsets."""
    starts = table.starts
    first = max(bisect_right(starts, lo) - 1, 0)
    if first < len(toks) and toks[first].end <= lo:
        first += 1
    last = bisect_left(starts, hi)
    window = toks[first:last]
    if not window:
        return [], ""
    a, b = window[0].start, window[-1].end
    return window, _Padded(a, table.text[a:b])


class _Padded(str):
    """A slice of the doc text indexed with the doc's own character offsets."""

    base: int

    def __new__(cls, base: int, text: str) -> _Padded:
        obj = super().__new__(cls, text)
        obj.base = base
        return obj

    def cut(self, a: int, b: int) -> str:
        """Return the doc text in [a, b)."""
        return str.__getitem__(self, slice(max(a - self.base, 0), max(b - self.base, 0)))


def _is_verb(t: _Tok, trained: bool) -> bool:
    tab = _tab()
    if trained:
        return t.pos in ("VERB", "AUX") and t.verbform not in ("Part",)
    if t.lower in tab.stop and t.lower not in tab.determiners:
        return True
    return t.lower.endswith(tab.verb_suffixes) and not t.lower.endswith(tab.adj_suffixes)


def _nounish(t: _Tok, trained: bool) -> bool:
    """Whether a token can start a counted noun phrase."""
    tab = _tab()
    if not t.text[:1].isalpha() or t.lower.endswith(tab.adverb_suffix) or t.lower in tab.adverbs:
        return False
    if trained:
        return t.pos in ("NOUN", "PROPN", "ADJ")
    return not _is_verb(t, False)


def _np_right(toks: Sequence[_Tok], i: int, trained: bool) -> int:
    """End index of the noun phrase starting at ``toks[i]`` (``i`` if none)."""
    tab = _tab()
    end = i
    j = i
    prev = ""
    while j < len(toks) and j - i < MAX_NP:
        t = toks[j]
        low = t.lower
        if not t.text[:1].isalpha():
            break  # punctuation, or the next number ("votos militares y 8.410")
        if j > i and (low in tab.adverbs or low.endswith(tab.adverb_suffix)):
            break
        if low == "y" and j + 1 < len(toks) and toks[j + 1].lower in tab.and_other:
            break
        if low in ("de", "del"):
            prev = low
            j += 1
            continue
        if low in tab.stop and low not in tab.determiners:
            break
        if trained and t.pos in ("VERB", "AUX"):
            if not (prev in ("de", "del") or toks[j - 1].pos == "AUX" or t.verbform == "Part"):
                break
        elif not trained and j > i and prev not in ("de", "del") and _is_verb(t, False):
            break
        j += 1
        prev = low
        if low not in tab.determiners and low not in tab.conjunctions:
            end = j
    return end


def _result(toks: Sequence[_Tok], a: int, b: int, text: _Padded) -> dict[str, Any] | None:
    if b <= a:
        return None
    s, e = toks[a].start, toks[b - 1].end
    return {"text": " ".join(text.cut(s, e).split()), "start_char": s, "end_char": e}


def find_subject(
    tokens: TokenTable,
    start_char: int,
    end_char: int,
    *,
    unit_end: int | None = None,
    sentences: Sequence[tuple[int, int]],
) -> dict[str, Any] | None:
    """Find what the number at ``[start_char, end_char)`` of ``tokens``' text is about.

    For one number; for every number of a document, build one :class:`Subjects` and
    call its :meth:`~Subjects.find`.
    """
    return Subjects(tokens).find(start_char, end_char, unit_end=unit_end, sentences=sentences)


class Subjects:
    """Subject finding for the numbers of one document.

    Args:
        tokens: The document's token table (of a trained or a blank Spanish pipeline).
    """

    def __init__(self, tokens: TokenTable) -> None:
        self._table = tokens
        self._toks: list[_Tok] | None = None

    def find(
        self,
        start_char: int,
        end_char: int,
        *,
        unit_end: int | None = None,
        sentences: Sequence[tuple[int, int]],
    ) -> dict[str, Any] | None:
        """Find what the number at ``[start_char, end_char)`` counts or measures.

        Args:
            start_char: Offset of the number's first character.
            end_char: Offset one past its last character.
            unit_end: End of the unit or counted noun after the number, if known.
            sentences: Character spans of the doc's sentences, in order.

        Returns:
            ``{"text", "start_char", "end_char"}`` of the subject noun phrase, or None.
        """
        tab = _tab()
        k = bisect_right(sentences, start_char, key=lambda span: span[0]) - 1
        sent = sentences[k] if k >= 0 else (0, start_char + 1)
        lo = max(sent[0], start_char - 300)
        hi = min(sent[1], (unit_end or end_char) + 300)
        if self._toks is None:
            self._toks = _all_tokens(self._table)
        toks, text = _tokens(self._table, self._toks, lo, hi)
        if not toks or not isinstance(text, _Padded):
            return None
        trained = self._table.has_pos
        first = next((k for k, t in enumerate(toks) if t.end > start_char), len(toks))
        after = next((k for k, t in enumerate(toks) if t.start >= end_char), len(toks))
        unit_text = text.cut(end_char, unit_end).strip().lower() if unit_end else ""
        span_text = text.cut(start_char, end_char).lower()
        measured = (
            any(marker in span_text for marker in tab.measure_markers)
            or any(w in tab.measure for w in span_text.split())
            or (unit_text and (unit_text in tab.measure or unit_text.split()[-1] in tab.measure))
        )
        if unit_end is not None and not measured:
            i = after
            while i < len(toks) and toks[i].lower in ("de", "del"):
                i += 1
            return _result(toks, i, _np_right(toks, i, trained), text)
        i = after
        if unit_end is not None:
            i = next((k for k, t in enumerate(toks) if t.start >= unit_end), len(toks))
        # "millones de proyectiles", "el 15% de los inversores"
        if i < len(toks) and toks[i].lower in ("de", "del"):
            i += 1
            if i < len(toks) and toks[i].lower in tab.measure:
                i += 1
                if i < len(toks) and toks[i].lower in ("de", "del"):
                    i += 1
            if i < len(toks) and toks[i].text[:1].isalpha():
                end = _np_right(toks, i, trained)
                if end > i and toks[i].lower not in tab.measure:
                    return _result(toks, i, end, text)
        elif not measured and i < len(toks) and _nounish(toks[i], trained):
            end = _np_right(toks, i, trained)
            if end > i and toks[i].lower not in tab.measure and toks[i].lower not in tab.stop:
                return _result(toks, i, end, text)
        return _left_subject(toks, first, trained, text)


def _left_subject(
    toks: Sequence[_Tok], first: int, trained: bool, text: _Padded
) -> dict[str, Any] | None:
    """ "un paquete de N" -> "un paquete"; "El paro bajó al N" -> "El paro"."""
    tab = _tab()
    k = first - 1
    while (
        k >= 0
        and toks[k].lower in tab.skip_left
        and not (
            toks[k].lower in ("de", "del")
            and k > 0
            and toks[k - 1].text[:1].isalpha()
            and not _is_verb(toks[k - 1], trained)
            and toks[k - 1].lower not in tab.skip_left
        )
    ):
        k -= 1
    if k < 0:
        return None
    if toks[k].lower in ("de", "del"):
        # noun the amount belongs to
        end = k
        start = _np_left_start(toks, k - 1)
        return _result(toks, start, end, text) if start < end else None
    if not _is_verb(toks[k], trained):
        return None
    start = _np_left_start(toks, k - 1)
    return _result(toks, start, k, text) if start < k else None


def _np_left_start(toks: Sequence[_Tok], j: int) -> int:
    """Start of the noun phrase ending at ``toks[j]``: its leftmost free determiner."""
    tab = _tab()
    start = j + 1
    k = j
    while k >= 0 and j - k < MAX_NP:
        t = toks[k]
        if (
            not t.text[:1].isalnum()
            or t.lower == "que"
            or (t.lower in tab.stop and t.lower not in tab.preps_before_det)
        ):
            break
        if t.lower in tab.determiners and (k == 0 or toks[k - 1].lower not in tab.preps_before_det):
            start = k
            break
        k -= 1
    return start
