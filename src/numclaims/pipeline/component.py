"""The ``"numclaims"`` spaCy component.

Add it to any Spanish pipeline, trained or blank::

    nlp = spacy.blank("es")
    nlp.add_pipe("numclaims", config={"locale": "es"})
    doc = nlp("Seúl identificó al menos 10,000 contenedores, dijo Shin.")
    doc._.claims

It finds the numeric claims of the doc, stores them as plain data under its
own name (so they survive ``DocBin``, pickling and multiprocessing; see
:mod:`numclaims.pipeline.extensions`) and as the span group
``doc.spans["numclaims"]``.

A pipeline may hold several numclaims components, say one per locale::

    nlp.add_pipe("numclaims", name="nc_es", config={"locale": "es-ES"})
    nlp.add_pipe("numclaims", name="nc_mx", config={"locale": "es-MX", "spans_key": "nc_mx"})
    claims_of(doc, "nc_mx")  # numclaims.pipeline.extensions.claims_of

Each keeps its own claims; give each its own ``spans_key`` too, or the later one
replaces the span group of the earlier one.
"""

from __future__ import annotations

import warnings
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup
from spacy.training import Example
from spacy.util import (
    filter_spans,
    get_minor_version_range,
    minibatch,
    raise_error,
    split_requirement,
)
from thinc.api import ConfigValidationError

from .. import __version__
from ..claim import Claim
from ..rules.claims import Draft, build_claims
from ..rules.locales import COMMA_DECIMAL_REGIONS, POINT_DECIMAL_REGIONS, normalize_locale
from ..rules.numbers import CLAIM_KINDS, NUMBER_KINDS, number_drafts
from ..rules.prefilter import may_have_numbers
from ..rules.scanner import scan
from ..rules.sentences import split_sentences
from ..rules.speakers import Speakers
from ..rules.subjects import Subjects
from .extensions import (
    DEFAULT_NAME,
    NUMBERS_ATTR,
    STORE_ATTR,
    register_extensions,
    register_named_extensions,
    remember,
    store_claims,
)
from .scoring import SCORE_WEIGHTS, score_claims
from .tokens import doc_table, token_starts

__all__ = [
    "ASSIGNS",
    "CLAIM_KINDS",
    "ENT_LABELS",
    "REQUIREMENT",
    "SPANS_KEY",
    "NumClaims",
    "annotate",
    "annotate_entities",
    "check_spanish",
    "make_numclaims",
]

#: The key of the span group that holds one span per claim.
SPANS_KEY = "numclaims"

#: The attributes the component sets, as its factory declares them (``assigns``).
ASSIGNS: tuple[str, ...] = (
    "doc._.claims",
    "doc._.numbers",
    "doc._.numclaims_data",
    "doc.ents",
    "doc.spans",
    "span._.claim",
    "span._.claims",
    "span._.numbers",
)

#: The entity label of a claim of each kind, for ``annotate_ents`` (any other kind:
#: ``"QUANTITY"``).
ENT_LABELS: dict[str, str] = {"money": "MONEY", "percent": "PERCENT", "quantity": "QUANTITY"}

#: The requirement the factory adds to ``nlp.meta["requirements"]``, so that
#: ``spacy package`` makes a pipeline package that installs numclaims.
REQUIREMENT = f"numclaims{get_minor_version_range(__version__)}"

#: ``(component name, component, docs, error)``, like ``spacy.util.raise_error``.
ErrorHandler = Callable[[str, Any, list[Doc], Exception], Any]

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


def _store_empty(doc: Doc, spans_key: str, name: str) -> Doc:
    data: list[dict[str, Any]] = []
    numbers: list[dict[str, Any]] = []
    store_claims(doc, name, data, numbers)
    remember(doc, name, STORE_ATTR, data, ())
    remember(doc, name, NUMBERS_ATTR, numbers, ())
    doc.spans[spans_key] = SpanGroup(doc, name=spans_key, spans=[])
    return doc


def _split_kinds(
    drafts: list[Draft], others: list[Draft], claim_kinds: Collection[str] | None
) -> tuple[list[Draft], list[Draft]]:
    """The drafts that are claims (of ``claim_kinds``), and the others, each in text order."""
    if claim_kinds is None:
        return drafts, others
    claimed = [d for d in drafts if d.kind in claim_kinds]
    rest = [d for d in drafts if d.kind not in claim_kinds]
    if any(d.kind in claim_kinds for d in others):
        claimed = sorted(claimed + [d for d in others if d.kind in claim_kinds], key=_start)
    rest = sorted(rest + [d for d in others if d.kind not in claim_kinds], key=_start)
    return claimed, rest


def _start(draft: Draft) -> int:
    return draft.start


def annotate(
    doc: Doc,
    locale: str = "es",
    *,
    spans_key: str = SPANS_KEY,
    name: str = DEFAULT_NAME,
    claim_kinds: Collection[str] | None = None,
    reference_date: date | None = None,
) -> Doc:
    """Find the claims and the numbers layer of ``doc`` and store them on it; return ``doc``.

    This is what the component does; it is public for callers that want
    claims on a doc made by a pipeline without the component.

    A text in which :func:`~numclaims.rules.prefilter.may_have_numbers` finds no digit and
    no number word costs almost nothing: it has no claim and no number.

    Args:
        doc: The doc.
        locale: As for :class:`NumClaims`.
        spans_key: The key of the span group to write.
        name: The name to store the claims under (a component stores them under
            its own name); with the default ``"numclaims"``, ``doc._.claims`` gives them.
        claim_kinds: The kinds that count as claims (as for :class:`NumClaims`); ``None``
            for :data:`~numclaims.rules.numbers.CLAIM_KINDS`.
        reference_date: The date relative times ("el mes pasado") are resolved against;
            ``None`` leaves them relative.
    """
    text = doc.text
    if not may_have_numbers(text):
        return _store_empty(doc, spans_key, name)
    table = doc_table(doc, text)
    sentences = _sentences(doc, text)
    mentions = scan(text, locale)
    drafts = build_claims(
        text, mentions, locale=locale, sentences=sentences, reference_date=reference_date
    )
    others: list[Draft] = list(number_drafts(text, mentions, drafts, sentences=sentences))
    drafts, others = _split_kinds(drafts, others, claim_kinds)
    subjects, speakers = Subjects(table), Speakers(table)
    starts = token_starts(doc)
    data: list[dict[str, Any]] = []
    claims: list[Claim] = []
    spans = []
    for draft in drafts:
        # an inherited unit ("18,008 votos y 8.410") stands before the number: no unit end
        unit_span = None if draft.implicit_unit else draft.unit_span
        unit_end = unit_span[1] if unit_span is not None else None
        subject = subjects.find(
            draft.start,
            draft.end,
            unit_end=unit_end,
            sentences=sentences,
            unit_kind=(draft.unit or {}).get("kind"),
            implicit_unit=draft.implicit_unit,
        )
        speaker = speakers.find(draft.start, draft.end, sentences=sentences)
        claim = draft.to_claim(subject=subject, speaker=speaker)
        claims.append(claim)
        data.append(claim.to_dict())
        span = _span(doc, starts, draft.start, draft.end, claim.kind)
        if span is not None:
            spans.append(span)
    numbers, number_data = _layer(claims, data, [d.to_claim() for d in others])
    store_claims(doc, name, data, number_data)
    remember(doc, name, STORE_ATTR, data, tuple(claims))
    remember(doc, name, NUMBERS_ATTR, number_data, numbers)
    doc.spans[spans_key] = SpanGroup(doc, name=spans_key, spans=spans)
    return doc


def annotate_entities(doc: Doc, spans: Iterable[Span], *, overwrite: bool = False) -> Doc:
    """Write ``spans`` (claims) into ``doc.ents`` labelled by :data:`ENT_LABELS`, as spaCy's
    entity ruler writes its matches: an existing entity that overlaps a claim is kept (and
    the claim left out of ``doc.ents``) unless ``overwrite``, which drops it; return ``doc``.
    """
    claims = [Span(doc, s.start, s.end, label=ENT_LABELS.get(s.label_, "QUANTITY")) for s in spans]
    if not claims:
        return doc
    if overwrite:
        covered = {i for c in claims for i in range(c.start, c.end)}
        kept = [e for e in doc.ents if covered.isdisjoint(range(e.start, e.end))]
        doc.ents = filter_spans([*claims, *kept])
    else:
        busy = {i for e in doc.ents for i in range(e.start, e.end)}
        new = [c for c in claims if busy.isdisjoint(range(c.start, c.end))]
        doc.ents = [*doc.ents, *filter_spans(new)]
    return doc


def _layer(
    claims: list[Claim], data: list[dict[str, Any]], others: list[Claim]
) -> tuple[tuple[Claim, ...], list[dict[str, Any]]]:
    """The claims and the other numbers merged in text order, with their dictionaries
    (a claim's dictionary is the one stored with the claims)."""
    if not others:
        return tuple(claims), list(data)
    pairs = sorted(
        [*zip(claims, data, strict=True), *((o, o.to_dict()) for o in others)],
        key=lambda p: (p[0].start_char, -p[0].end_char),
    )
    return tuple(p[0] for p in pairs), [p[1] for p in pairs]


class NumClaims:
    """The numclaims pipeline component.

    It stores its claims under its own ``name``: ``doc._.claims`` gives those of
    the component named ``"numclaims"`` (or of the only numclaims component that
    annotated the doc), and :func:`~numclaims.pipeline.extensions.claims_of` (``claims_of(doc,
    name)``) those of any component. A component renamed later (``nlp.rename_pipe``) goes on
    storing under the name it was created with.

    Args:
        nlp: The pipeline it belongs to; a Spanish one.
        name: Its name in the pipeline.
        locale: ``"es"`` (decide number separators from each text) or a
            strict locale such as ``"es-ES"`` or ``"es-MX"``.
        spans_key: The key of the span group it writes (``doc.spans[spans_key]``).
        claim_kinds: The kinds of record that count as claims (``doc._.claims``, the span
            group); ``None`` (the default) for
            :data:`~numclaims.rules.numbers.CLAIM_KINDS`. Add ``"duration"`` and ``"age"`` to
            count "construido en 48 horas" and "de 65 años" as claims, with
            their subject and speaker. Every numeric mention is in ``doc._.numbers`` whatever
            this says.
        reference_date: An ISO date ("2024-03-15"): "el mes pasado", "hace 3 años" and
            "este martes" are resolved against it; ``None`` (the default) leaves them
            relative, never guessed.
        annotate_ents: Also write the claims into ``doc.ents`` (labels ``MONEY``,
            ``PERCENT``, ``QUANTITY``; see :func:`annotate_entities`).
        overwrite_ents: With ``annotate_ents``, let a claim replace an entity it overlaps
            (the entity ruler's setting of that name); else the entity stays.
        extensions: Other names for the public attributes, for this component's claims:
            ``{"claims": "cifras"}`` gives them as ``doc._.cifras`` and ``span._.cifras``
            too (keys ``"claims"``, ``"claim"``, ``"numbers"``, ``"numclaims_data"``; see
            :func:`~numclaims.pipeline.extensions.register_named_extensions`). The default
            names stay registered.

    Raises:
        ValueError: If ``nlp`` is not a Spanish pipeline, ``locale`` is not a
            Spanish locale, or ``claim_kinds`` names an unknown kind.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = DEFAULT_NAME,
        *,
        locale: str = "es",
        spans_key: str = SPANS_KEY,
        claim_kinds: Collection[str] | None = None,
        reference_date: str | date | None = None,
        annotate_ents: bool = False,
        overwrite_ents: bool = False,
        extensions: Mapping[str, str] | None = None,
    ) -> None:
        check_spanish(nlp)
        self.extensions: dict[str, str] = dict(extensions or {})
        register_named_extensions(self.extensions, name)
        self.name = name
        self.locale = normalize_locale(locale)
        self.spans_key = spans_key
        self.claim_kinds: frozenset[str] | None = _claim_kinds(claim_kinds)
        self.reference_date: date | None = parse_reference_date(reference_date)
        self.annotate_ents = annotate_ents
        self.overwrite_ents = overwrite_ents
        self._error_handler: ErrorHandler = raise_error

    def __call__(self, doc: Doc) -> Doc:
        """Annotate one doc."""
        doc = annotate(
            doc,
            self.locale,
            spans_key=self.spans_key,
            name=self.name,
            claim_kinds=self.claim_kinds,
            reference_date=self.reference_date,
        )
        if self.annotate_ents:
            annotate_entities(doc, doc.spans[self.spans_key], overwrite=self.overwrite_ents)
        return doc

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        """Score the claims of ``examples`` (``nlp.evaluate`` calls it): ``claims_p``,
        ``claims_r``, ``claims_f`` and field accuracies, as
        :func:`~numclaims.pipeline.scoring.score_claims` computes them."""
        return score_claims(examples, spans_key=self.spans_key, name=self.name)

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Annotate a stream of docs, taking ``batch_size`` docs at a time.

        A doc that fails goes to the error handler (see :meth:`set_error_handler`),
        which by default raises the error.

        Raises:
            ValueError: If ``batch_size`` is less than 1.
        """
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size!r}")
        batches: Iterator[list[Doc]] = minibatch(stream, size=batch_size)  # type: ignore[no-untyped-call]
        for batch in batches:
            done = []
            for doc in batch:
                try:
                    done.append(self(doc))
                except Exception as err:
                    self._error_handler(self.name, self, [doc], err)
            yield from done

    def get_error_handler(self) -> ErrorHandler:
        """The function called with ``(name, component, docs, error)`` when a doc fails."""
        return self._error_handler

    def set_error_handler(self, error_handler: ErrorHandler) -> None:
        """Set the function called when a doc fails, as ``nlp.set_error_handler`` does
        for every component (e.g. ``spacy.util.ignore_error`` to skip such docs)."""
        self._error_handler = error_handler


#: Every kind a record may have: the claim kinds and the numbers layer's.
KNOWN_KINDS: frozenset[str] = frozenset(CLAIM_KINDS) | NUMBER_KINDS


def parse_reference_date(value: str | date | None) -> date | None:
    """A reference date from an ISO string ("2024-03-15"), a ``date`` or ``None``.

    Raises:
        ValueError: If ``value`` is neither, or no valid ISO date.
    """
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    if not isinstance(value, str):
        raise ValueError(f"reference_date must be an ISO date string, not {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"reference_date must be an ISO date such as '2024-03-15', not {value!r}"
        ) from None


def _claim_kinds(kinds: Collection[str] | None) -> frozenset[str] | None:
    """``kinds`` as a set, ``None`` for the default; ``ValueError`` for an unknown kind."""
    if kinds is None:
        return None
    if isinstance(kinds, str):
        raise ValueError(f"claim_kinds must be a list of kinds, not the string {kinds!r}")
    unknown = sorted(set(kinds) - KNOWN_KINDS)
    if unknown:
        raise ValueError(f"unknown claim kinds {unknown}: use some of {sorted(KNOWN_KINDS)}")
    chosen = frozenset(kinds)
    return None if chosen == frozenset(CLAIM_KINDS) else chosen


def check_spanish(nlp: Language) -> None:
    """Raise ``ValueError`` unless ``nlp`` is a Spanish pipeline."""
    if nlp.lang != "es":
        raise ValueError(f"numclaims needs a Spanish pipeline, not {nlp.lang!r}")


def _check_locale(name: str, locale: str, spans_key: str) -> None:
    """Raise spaCy's config error (``ConfigValidationError``, a ``ValueError``) naming the
    ``locale`` setting of the component ``name`` if it is not a Spanish locale."""
    try:
        normalize_locale(locale)
    except ValueError:
        regions = ", ".join(sorted(COMMA_DECIMAL_REGIONS | POINT_DECIMAL_REGIONS))
        msg = f"unsupported locale {locale!r}: use 'es' or 'es-XX' with XX one of {regions}"
        raise ConfigValidationError(
            config={"factory": "numclaims", "locale": locale, "spans_key": spans_key},
            errors=[{"loc": ["components", name, "locale"], "msg": msg}],
            title="Config error for 'numclaims'",
        ) from None


def _require_numclaims(nlp: Language) -> None:
    requirements: list[str] = nlp.meta.setdefault("requirements", [])
    if not any(split_requirement(req)[0] == "numclaims" for req in requirements):
        requirements.append(REQUIREMENT)


@Language.factory(
    "numclaims",
    assigns=list(ASSIGNS),
    default_config={
        "locale": "es",
        "spans_key": SPANS_KEY,
        "claim_kinds": None,
        "reference_date": None,
        "annotate_ents": False,
        "overwrite_ents": False,
        "extensions": {},
    },
    default_score_weights=SCORE_WEIGHTS,
    requires=[],
)
def make_numclaims(
    nlp: Language,
    name: str,
    locale: str,
    spans_key: str,
    claim_kinds: list[str] | None,
    reference_date: str | None,
    annotate_ents: bool,
    overwrite_ents: bool,
    extensions: dict[str, str],
) -> NumClaims:
    """Create the ``"numclaims"`` component (spaCy factory).

    Besides creating it, the factory

    - refuses a pipeline that is not Spanish (``ValueError``) and a ``locale``
      that is not Spanish (spaCy's ``ConfigValidationError``, a ``ValueError``,
      naming ``components -> NAME -> locale`` and the allowed values), and unknown
      ``claim_kinds`` and a ``reference_date`` that is no ISO date (``ValueError``);
    - warns if another numclaims component of the pipeline writes the same span
      group (``spans_key``);
    - adds ``numclaims`` to ``nlp.meta["requirements"]`` (:data:`REQUIREMENT`,
      unless a numclaims requirement is there already), so that a package made by
      ``spacy package`` installs it.
    """
    check_spanish(nlp)
    _check_locale(name, locale, spans_key)
    for other_name, other in nlp.components:
        if isinstance(other, NumClaims) and other.spans_key == spans_key and other_name != name:
            warnings.warn(
                f"numclaims components {other_name!r} and {name!r} both write the span group "
                f"doc.spans[{spans_key!r}]: the later one replaces it; give {name!r} its own "
                "spans_key in its config",
                stacklevel=2,
            )
    _require_numclaims(nlp)
    return NumClaims(
        nlp,
        name,
        locale=locale,
        spans_key=spans_key,
        claim_kinds=claim_kinds,
        reference_date=reference_date,
        annotate_ents=annotate_ents,
        overwrite_ents=overwrite_ents,
        extensions=extensions,
    )
