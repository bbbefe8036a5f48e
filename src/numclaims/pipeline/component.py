"""The ``"numclaims"`` spaCy component.

Add it to any Spanish pipeline, trained or blank::

    nlp = spacy.blank("es")
    nlp.add_pipe("numclaims", config={"locale": "es"})
    doc = nlp("Seúl identificó al menos 10,000 contenedores, dijo Shin.")
    doc._.claims

It finds the numeric claims of the doc, stores them as plain data in
``doc._.numclaims_data`` (so they survive ``DocBin``, pickling and
multiprocessing) and as the span group ``doc.spans["numclaims"]``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from ..rules.claims import build_claims
from ..rules.locales import normalize_locale
from ..rules.scanner import scan
from ..rules.sentences import split_sentences
from ..rules.speakers import Speakers
from ..rules.subjects import Subjects
from .extensions import DATA_ATTR, register_extensions
from .tokens import doc_table, token_starts

__all__ = ["SPANS_KEY", "NumClaims", "annotate", "make_numclaims"]

#: The key of the span group that holds one span per claim.
SPANS_KEY = "numclaims"

register_extensions()


def _sentences(doc: Doc, text: str) -> list[tuple[int, int]]:
    if doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    return split_sentences(text)


def _span(doc: Doc, starts: list[int], start: int, end: int, label: str) -> Span | None:
    """The span of the tokens that overlap ``[start, end)`` (``starts``: every token's
    offset), like ``doc.char_span(start, end, alignment_mode="expand")``, which would
    rebuild the doc's text on every call."""
    first = max(bisect_right(starts, start) - 1, 0)
    last = bisect_left(starts, end)
    if first >= last or end <= start:
        return None
    return Span(doc, first, last, label=label)


def annotate(doc: Doc, locale: str = "es", *, spans_key: str = SPANS_KEY) -> Doc:
    """Find the claims of ``doc`` and store them on it; return ``doc``.

    This is what the component does; it is public for callers that want
    claims on a doc made by a pipeline without the component.
    """
    table = doc_table(doc)
    text = table.text
    sentences = _sentences(doc, text)
    drafts = build_claims(text, scan(text, locale), locale=locale, sentences=sentences)
    subjects, speakers = Subjects(table), Speakers(table)
    starts = token_starts(doc)
    data: list[dict[str, Any]] = []
    spans = []
    for draft in drafts:
        # an inherited unit ("18,008 votos y 8.410") stands before the number: no unit end
        implicit = draft.extra.get("implicit_unit", False)
        unit_end = draft.unit_span[1] if draft.unit_span is not None and not implicit else None
        subject = subjects.find(draft.start, draft.end, unit_end=unit_end, sentences=sentences)
        speaker = speakers.find(draft.start, draft.end, sentences=sentences)
        claim = draft.to_claim(subject=subject, speaker=speaker)
        data.append(claim.to_dict())
        span = _span(doc, starts, draft.start, draft.end, claim.kind)
        if span is not None:
            spans.append(span)
    doc._.set(DATA_ATTR, data)
    doc.spans[spans_key] = SpanGroup(doc, name=spans_key, spans=spans)
    return doc


class NumClaims:
    """The numclaims pipeline component.

    Args:
        nlp: The pipeline it belongs to.
        name: Its name in the pipeline.
        locale: ``"es"`` (decide number separators from each text) or a
            strict locale such as ``"es-ES"`` or ``"es-MX"``.
        spans_key: The key of the span group it writes (``doc.spans[spans_key]``).
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "numclaims",
        *,
        locale: str = "es",
        spans_key: str = SPANS_KEY,
    ) -> None:
        self.name = name
        self.locale = normalize_locale(locale)
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        """Annotate one doc."""
        return annotate(doc, self.locale, spans_key=self.spans_key)

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Annotate a stream of docs."""
        for doc in stream:
            yield self(doc)


@Language.factory(
    "numclaims",
    assigns=["doc._.numclaims_data", "doc.spans"],
    default_config={"locale": "es", "spans_key": SPANS_KEY},
    requires=[],
)
def make_numclaims(nlp: Language, name: str, locale: str, spans_key: str) -> NumClaims:
    """Create the ``"numclaims"`` component (spaCy factory)."""
    return NumClaims(nlp, name, locale=locale, spans_key=spans_key)
