"""Exports for fact-checkers and researchers: ClaimReview drafts, flat tables, CheckThat records.

Every function takes :class:`~numclaims.claim.Claim` objects or their
:meth:`~numclaims.claim.Claim.to_dict` records (what ``POST /claims`` answers), so that
the command line, the web app and library code export the same way.

Example:
    >>> import numclaims
    >>> from numclaims.export import to_claimreview, to_rows
    >>> text = "La ministra Ana Ruiz dijo que al menos 10.000 hogares recibirán ayudas."
    >>> claims = numclaims.extract(text, nlp=numclaims.load("blank"))
    >>> review = to_claimreview(claims, url="https://example.org/nota", text=text,
    ...                         date_published="2024-05-01")[0]
    >>> review["claimReviewed"], review["itemReviewed"]["author"]["name"]
    ('La ministra Ana Ruiz dijo que al menos 10.000 hogares recibirán ayudas.', 'Ana Ruiz')
    >>> row = to_rows(claims)[0]
    >>> row["value_exact"], row["qualifier"], row["unit_name"], row["speaker_name"]
    ('10000', 'at_least', 'hogar', 'Ana Ruiz')
"""

from __future__ import annotations

import csv
import json
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from functools import lru_cache
from io import StringIO
from pathlib import Path
from typing import IO, Any

from .claim import CLAIM_KEYS, Claim
from .lang import table
from .rules.sentences import split_sentences

__all__ = [
    "CHECKTHAT_FIELDS",
    "CLAIMREVIEW_CONTEXT",
    "TABLE_COLUMNS",
    "flatten_claim",
    "to_checkthat",
    "to_claimreview",
    "to_csv",
    "to_parquet",
    "to_rows",
]

#: The JSON-LD ``@context`` of the ClaimReview drafts.
CLAIMREVIEW_CONTEXT = "https://schema.org"
#: The columns every table of :func:`to_rows` starts with, in order; the fields a claim
#: has beyond them (comparisons, changes, time, ...) follow as further ``a_b`` columns.
TABLE_COLUMNS: tuple[str, ...] = (
    "document",
    "text",
    "start_char",
    "end_char",
    "kind",
    "value",
    "value_exact",
    "value_min",
    "value_min_exact",
    "value_max",
    "value_max_exact",
    "qualifier",
    "unit_text",
    "unit_name",
    "unit_code",
    "unit_symbol",
    "unit_kind",
    "subject_text",
    "subject_start_char",
    "subject_end_char",
    "speaker_text",
    "speaker_name",
    "speaker_role",
    "speaker_cue",
    "speaker_start_char",
    "speaker_end_char",
    "modality",
    "claim_type",
)
#: The fields of a CheckThat (2025 Task 3) / QuanTemp record that :func:`to_checkthat` fills.
CHECKTHAT_FIELDS: tuple[str, ...] = (
    "claim",
    "taxonomy_label",
    "label",
    "claimant",
    "url",
    "lang",
    "numclaims",
)


@lru_cache(maxsize=1)
def _institution_nouns() -> frozenset[str]:
    """The nouns that make a speaker an institution (``lang/es/attribution.json``)."""
    return frozenset(str(w).lower() for w in table("attribution")["institution_nouns"])


def _record(claim: Claim | Mapping[str, Any]) -> dict[str, Any]:
    return claim.to_dict() if isinstance(claim, Claim) else dict(claim)


def _cell(value: Any) -> Any:
    """A table cell: lists as JSON text; everything else as it is."""
    if isinstance(value, (list, tuple)):
        return json.dumps(value, ensure_ascii=False)
    return value


def flatten_claim(claim: Claim | Mapping[str, Any]) -> dict[str, Any]:
    """One claim as one flat row: nested objects become ``unit_name``, ``speaker_name``...

    Nested mappings are flattened with ``_`` (``comparison_cue``, ``time_normalized``) at
    any depth; lists become JSON text. The exact values stay strings (``value_exact``).
    """
    row: dict[str, Any] = {}

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, Mapping):
            for key, val in value.items():
                walk(f"{prefix}_{key}" if prefix else str(key), val)
        else:
            row[prefix] = _cell(value)

    record = _record(claim)
    for key in CLAIM_KEYS:
        record.setdefault(key, None)
    for key, val in record.items():
        if val is None and key in ("unit", "subject", "speaker"):
            continue  # their columns are the fixed ones, empty
        walk(key, val)
    return row


def to_rows(
    claims: Iterable[Claim | Mapping[str, Any]], *, document: str | int | None = None
) -> list[dict[str, Any]]:
    """The claims as rows of one table: every row has every column (``None`` where empty).

    The columns are :data:`TABLE_COLUMNS`, then the further fields in the order they are
    first met. A record's own ``document`` key (``POST /claims`` with ``documents``) wins
    over the ``document`` argument, which names the text the claims come from.
    """
    flat = []
    for claim in claims:
        row = flatten_claim(claim)
        if document is not None:
            row.setdefault("document", document)
        flat.append(row)
    columns = list(TABLE_COLUMNS)
    seen = set(columns)
    for row in flat:
        for key in row:
            if key not in seen:
                seen.add(key)
                columns.append(key)
    return [{col: row.get(col) for col in columns} for row in flat]


def _columns(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    return list(rows[0]) if rows else list(TABLE_COLUMNS)


def to_csv(
    claims: Iterable[Claim | Mapping[str, Any]],
    out: IO[str] | None = None,
    *,
    document: str | int | None = None,
) -> str | None:
    """Write the claims as CSV (one column per field, see :func:`to_rows`) to ``out``;
    without ``out``, return the CSV text."""
    rows = to_rows(claims, document=document)
    sink = StringIO() if out is None else out
    writer = csv.DictWriter(sink, fieldnames=_columns(rows), lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: "" if v is None else v for k, v in row.items()} for row in rows)
    return sink.getvalue() if isinstance(sink, StringIO) and out is None else None


def to_parquet(
    claims: Iterable[Claim | Mapping[str, Any]],
    path: str | Path | IO[bytes],
    *,
    document: str | int | None = None,
) -> None:
    """Write the claims as a Parquet table (the columns of :func:`to_rows`) to ``path``.

    Needs ``pyarrow`` (``pip install "numclaims[parquet]"``). A column whose values are of
    more than one type (numbers and text) is written as text; ``value_exact`` and the
    other ``*_exact`` columns are always text, so that no value is rounded.

    Raises:
        ImportError: If ``pyarrow`` is not installed.
    """
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError('Parquet export needs pyarrow: pip install "numclaims[parquet]"') from err
    rows = to_rows(claims, document=document)
    columns = _columns(rows)
    arrays = {}
    for col in columns:
        values = [row[col] for row in rows]
        kinds = {_kind(v) for v in values if v is not None}
        if len(kinds) > 1 or kinds == {"str"}:
            values = [None if v is None else str(v) for v in values]
            arrays[col] = pa.array(values, type=pa.string())
        elif kinds == {"bool"}:
            arrays[col] = pa.array(values, type=pa.bool_())
        elif kinds == {"number"}:
            numbers_are_ints = all(isinstance(v, int) for v in values if v is not None)
            arrays[col] = pa.array(values, type=pa.int64() if numbers_are_ints else pa.float64())
        else:  # no value at all
            arrays[col] = pa.array(values, type=pa.string())
    pq.write_table(pa.table(arrays), path)


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    return "str"


def _sentence_of(record: Mapping[str, Any], text: str | None, spans: list[tuple[int, int]]) -> str:
    """The sentence of ``text`` that holds the claim, else the claim's own text."""
    if text is None or not spans:
        return str(record.get("text", ""))
    start = int(record.get("start_char", 0))
    i = bisect_right([s for s, _ in spans], start) - 1
    if i >= 0 and spans[i][0] <= start < spans[i][1]:
        s, e = spans[i]
        return " ".join(text[s:e].split())
    return str(record.get("text", ""))


def _author(speaker: Any) -> dict[str, Any] | None:
    if not isinstance(speaker, Mapping):
        return None
    name = speaker.get("name") or speaker.get("text")
    if not name:
        return None
    words = f"{speaker.get('role') or ''} {speaker.get('text') or ''} {name}".lower().split()
    kind = "Organization" if _institution_nouns().intersection(words) else "Person"
    author: dict[str, Any] = {"@type": kind, "name": str(name)}
    if speaker.get("role") and kind == "Person":
        author["jobTitle"] = str(speaker["role"])
    return author


def to_claimreview(
    claims: Iterable[Claim | Mapping[str, Any]],
    *,
    url: str | None = None,
    text: str | None = None,
    date_published: str | date | None = None,
) -> list[dict[str, Any]]:
    """ClaimReview JSON-LD drafts (schema.org), one per claim, for a fact-checker to finish.

    ``claimReviewed`` is the claim's sentence (from ``text``, the document the claims were
    found in; without it, the claim's own text); ``itemReviewed`` is a ``Claim`` whose
    ``author`` is the speaker (a ``Person``, or an ``Organization`` when the name or role
    says so) and whose ``appearance`` is ``url``; ``datePublished`` is ``date_published``
    (today by default); ``reviewRating`` is a ``Rating`` with an empty ``alternateName``,
    left for the fact-checker, as are the review's own ``author`` and ``url``.

    Args:
        claims: The claims to draft reviews of (those a user selected).
        url: Where the claims appeared (the article's address).
        text: The document the claims' offsets refer to.
        date_published: An ISO date or a ``date``.
    """
    spans = split_sentences(text) if text else []
    when = date_published or date.today()
    published = when.isoformat() if isinstance(when, date) else str(when)
    drafts = []
    for claim in claims:
        record = _record(claim)
        item: dict[str, Any] = {"@type": "Claim"}
        author = _author(record.get("speaker"))
        if author is not None:
            item["author"] = author
        if url:
            item["appearance"] = [{"@type": "CreativeWork", "url": url}]
            item["firstAppearance"] = {"@type": "CreativeWork", "url": url}
        drafts.append(
            {
                "@context": CLAIMREVIEW_CONTEXT,
                "@type": "ClaimReview",
                "claimReviewed": _sentence_of(record, text, spans),
                "itemReviewed": item,
                "datePublished": published,
                "reviewRating": {"@type": "Rating", "alternateName": ""},
                "about": {"@type": "Thing", "name": str(record.get("text", ""))},
            }
        )
    return drafts


def to_checkthat(
    claims: Iterable[Claim | Mapping[str, Any]],
    *,
    text: str | None = None,
    url: str | None = None,
) -> list[dict[str, Any]]:
    """The claims as CheckThat! 2025 Task 3 / QuanTemp records (:data:`CHECKTHAT_FIELDS`).

    ``claim`` is the claim's sentence (as for :func:`to_claimreview`), ``taxonomy_label``
    its QuanTemp type (``statistical``, ``temporal``, ``interval``, ``comparison``),
    ``label`` (the verdict) is left ``None``, ``claimant`` is the speaker's name,
    and ``numclaims`` holds the claim's own record.
    """
    from .claim_types import claim_type

    spans = split_sentences(text) if text else []
    out = []
    for claim in claims:
        record = _record(claim)
        sentence = _sentence_of(record, text, spans)
        speaker = record.get("speaker")
        claimant = speaker.get("name") if isinstance(speaker, Mapping) else None
        label = record.get("claim_type") or claim_type(sentence)
        out.append(
            {
                "claim": sentence,
                "taxonomy_label": label,
                "label": None,
                "claimant": claimant,
                "url": url,
                "lang": "es",
                "numclaims": record,
            }
        )
    return out
