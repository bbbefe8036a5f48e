"""Per-document facts that the spaCy layer needs many times, computed once per doc.

``Doc.char_span`` rebuilds ``Doc.text`` and ``Doc.has_annotation`` walks every
token on each call, so calling them once per claim would make a long document
cost quadratic time (``Doc.text`` too is rebuilt on every access: see
:func:`doc_text`). :func:`expand_span` looks tokens up in a table of token
offsets instead, and :func:`has_annotation` reads all flags in one
``Doc.to_array`` call. The caches are weak (they go with their doc) and
:func:`forget` drops a doc's entries (the component calls it before each run,
in case a doc was annotated again since).
"""

from __future__ import annotations

import weakref
from bisect import bisect_left, bisect_right
from typing import Any

from spacy.tokens import Doc, Span

__all__ = ["doc_text", "expand_span", "forget", "has_annotation", "register_cache"]

_ATTRS = ("POS", "LEMMA", "DEP", "SENT_START")
_STARTS: weakref.WeakKeyDictionary[Doc, list[int]] = weakref.WeakKeyDictionary()
_FLAGS: weakref.WeakKeyDictionary[Doc, dict[str, bool]] = weakref.WeakKeyDictionary()
_TEXT: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()
_CACHES: list[weakref.WeakKeyDictionary[Doc, Any]] = [_STARTS, _FLAGS, _TEXT]


def register_cache(cache: weakref.WeakKeyDictionary[Doc, Any]) -> None:
    """Have :func:`forget` clear ``cache`` too."""
    _CACHES.append(cache)


def forget(doc: Doc) -> None:
    """Drop everything cached about ``doc``."""
    for cache in _CACHES:
        cache.pop(doc, None)


def doc_text(doc: Doc) -> str:
    """``doc.text``, which spaCy joins anew from the tokens on every access, cached."""
    text = _TEXT.get(doc)
    if text is None:
        text = doc.text
        _TEXT[doc] = text
    return text


def has_annotation(doc: Doc, attr: str) -> bool:
    """Like ``doc.has_annotation(attr)`` for POS, LEMMA, DEP and SENT_START, but cached."""
    flags = _FLAGS.get(doc)
    if flags is None:
        if len(doc) == 0:
            flags = dict.fromkeys(_ATTRS, False)
        else:
            arr = doc.to_array(list(_ATTRS))
            flags = {a: bool(arr[:, k].any()) for k, a in enumerate(_ATTRS[:3])}
            # the first token always starts a sentence: the others tell
            flags["SENT_START"] = flags["DEP"] or bool(arr[1:, 3].any())
        _FLAGS[doc] = flags
    return flags[attr]


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
