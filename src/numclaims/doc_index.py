"""Character offsets to spaCy spans in logarithmic time.

``Doc.char_span`` rebuilds ``Doc.text`` on every call, so calling it once per
claim would make a long document cost quadratic time. :func:`expand_span`
looks the tokens up in a per-document table of token offsets instead.
"""

from __future__ import annotations

import weakref
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span

__all__ = ["expand_span"]

_STARTS: weakref.WeakKeyDictionary[Doc, list[int]] = weakref.WeakKeyDictionary()


def _starts(doc: Doc) -> list[int]:
    starts = _STARTS.get(doc)
    if starts is None or len(starts) != len(doc):
        starts = [t.idx for t in doc]
        _STARTS[doc] = starts
    return starts


def expand_span(doc: Doc, start: int, end: int, label: str = "") -> Span | None:
    """The span of the tokens that overlap ``[start, end)``, like
    ``doc.char_span(start, end, alignment_mode="expand")``; ``None`` when empty.
    """
    starts = _starts(doc)
    first = max(bisect_right(starts, start) - 1, 0)
    last = bisect_left(starts, end)
    if first >= last or end <= start:
        return None
    return Span(doc, first, last, label=label)
