"""The numbers layer: every numeric mention, claims or not, with its kind and normalized form.

:func:`number_drafts` turns the mentions of :func:`~numclaims.rules.scanner.scan` that no
claim covers into drafts of the same record type as the claims
(:class:`~numclaims.claim.Claim`), with ``kind`` telling them apart:

- each kind the scanner gives a mention that is no quantity (:data:`NON_CLAIM_KINDS
  <numclaims.rules.scanner.NON_CLAIM_KINDS>`: ``ordinal``, ``year``, ``date``, ``time``,
  ``phone``, ``identifier`` and any kind added there), except the article "un/una";
- ``duration`` and ``age``: a count of a time noun ("48 horas", "65 años"), which the claim
  builder leaves out; an age when a cue says so ("tiene 65 años", "de 65 años de edad",
  "un hombre de 65 años", "Ana Ruiz, de 45 años,");
- ``year`` for a bare four-digit number that only reads as a year ("en 2019");
- ``number`` for any other mention that is no claim.

Compound ordinals in words are one ordinal ("trigésimo segundo": 32). Each record of a
kind with a normalized form (:data:`NORMALIZED_KINDS`) has a ``normalized`` field, built
by :mod:`numclaims.rules.normalize` (``"XXXX-02-07"``, ``"PT48H"``); a range of durations
has ``normalized_min`` and ``normalized_max`` instead of a value.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from itertools import accumulate
from typing import Any

import regex

from ..lang import table
from . import qualifiers
from .claims import Draft
from .modality import detect_modality
from .normalize import DurationUnit, duration_unit, iso_duration, normalized_of
from .patterns import any_of
from .scanner import NON_CLAIM_KINDS, Mention
from .text import fold

__all__ = [
    "CLAIM_KINDS",
    "NORMALIZED_KINDS",
    "NUMBER_KINDS",
    "NumberDraft",
    "merge_ordinals",
    "number_drafts",
]

#: The kinds a claim has by default (``claim_kinds`` of the component).
CLAIM_KINDS: tuple[str, ...] = ("quantity", "money", "percent", "ratio", "vague")
#: The kinds of the numbers layer beyond the claim kinds.
NUMBER_KINDS: frozenset[str] = (NON_CLAIM_KINDS - {"article"}) | {"duration", "age", "number"}
#: The kinds whose records have a ``normalized`` field.
NORMALIZED_KINDS: frozenset[str] = frozenset({"year", "date", "time", "duration", "age", "phone"})


@dataclass
class NumberDraft(Draft):
    """A draft of the numbers layer: a :class:`~numclaims.rules.claims.Draft` with its
    normalized form."""

    normalized: str | None = None
    normalized_min: str | None = None
    normalized_max: str | None = None

    @property
    def extra(self) -> dict[str, Any]:
        """The fields of a draft, then ``normalized`` (and its bounds) for the kinds that
        have one."""
        out = Draft.extra.fget(self)  # type: ignore[attr-defined]
        assert isinstance(out, dict)
        if self.kind in NORMALIZED_KINDS:
            out["normalized"] = self.normalized
            if self.normalized_min is not None or self.normalized_max is not None:
                out["normalized_min"] = self.normalized_min
                out["normalized_max"] = self.normalized_max
        return out


_GAP = regex.compile(r"[ \t\u00a0]{1,3}")


def merge_ordinals(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Join ordinal words that make one ordinal: "trigésimo segundo" (32), "vigésima
    primera" (21), "centésimo vigésimo tercero" (123).

    Each word after the first must be below the place of the one before it (below 10
    after "vigésimo", below 100 after "centésimo").
    """
    out: list[Mention] = []
    last_part = Decimal(0)  # the value of the last word of ``out[-1]``, if an ordinal
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == m.kind == "ordinal"
            and prev.in_words
            and m.in_words
            and prev.value is not None
            and m.value is not None
            and _GAP.fullmatch(text, prev.end, m.start) is not None
            and m.value < _place(last_part)
        ):
            out[-1] = replace(
                prev, end=m.end, text=text[prev.start : m.end], value=prev.value + m.value
            )
        else:
            out.append(m)
        last_part = m.value if m.kind == "ordinal" and m.value is not None else Decimal(0)
    return out


def _place(value: Decimal) -> Decimal:
    """The place a part leaves for the next: 10 after 20-90, 100 after 100-900; 0 after 1-9."""
    if value < 10 or value != value.to_integral_value():
        return Decimal(0)
    return Decimal(10) ** (len(str(int(value))) - 1)


@dataclass(frozen=True)
class _AgeCues:
    units: frozenset[str]
    before: regex.Pattern[str]
    after: regex.Pattern[str]
    nouns: regex.Pattern[str]


@lru_cache(maxsize=1)
def _age_cues() -> _AgeCues:
    raw = table("normalize")
    return _AgeCues(
        units=frozenset(fold(u) for u in raw["age_units"]),
        before=regex.compile(rf"(?<!\p{{L}})(?:{any_of(raw['age_cues_before'])})\s+$"),
        after=regex.compile(rf"\s+(?:{any_of(raw['age_cues_after'])})(?!\p{{L}})"),
        nouns=regex.compile(rf"(?<!\p{{L}})(?:{any_of(raw['age_nouns'])})\s+de\s+$"),
    )


_NOUN_AFTER = regex.compile(r"[ \t\u00a0]{1,3}(?:de[ \t\u00a0]{1,3})?(\p{L}{1,20})")
_APPOSITION_END = regex.compile(r"[ \t\u00a0]*[,;)]")


def _time_noun(text: str, m: Mention) -> tuple[DurationUnit, int, int] | None:
    """The time noun right after ``m`` ("48 horas"; "dos millones de años" after a scale
    word), with its offsets."""
    found = _NOUN_AFTER.match(text, m.end, m.end + 32)
    if found is None:
        return None
    if found.group().lstrip()[:3] == "de " and m.scale is None and m.kind != "vague":
        return None  # "de" only after a scale word: "dos millones de años", "miles de años"
    unit = duration_unit(found.group(1))
    return (unit, found.start(1), found.end(1)) if unit is not None else None


def _is_age(text: str, m: Mention, unit: DurationUnit, unit_end: int) -> bool:
    cues = _age_cues()
    if fold(unit.name) not in cues.units:
        return False
    if cues.after.match(fold(text[unit_end : unit_end + 24])) is not None:
        return True
    before = fold(text[max(0, m.start - 32) : m.start])
    if cues.before.search(before) is not None or cues.nouns.search(before) is not None:
        return True
    # "Ana Ruiz, de 45 años," / "Ana Ruiz (45 años)": an apposition
    opened = regex.search(r"[,(]\s*(?:de\s+)?$", before) is not None
    return opened and _APPOSITION_END.match(text, unit_end, unit_end + 8) is not None


def _duration(text: str, m: Mention, sentence: tuple[int, int]) -> NumberDraft | None:
    """The duration or age of a number, range or vague mention with a time noun."""
    noun = _time_noun(text, m)
    if noun is None:
        return None
    unit, u_start, u_end = noun
    kind = "age" if _is_age(text, m, unit, u_end) else "duration"
    lo, hi = m.value_min, m.value_max
    qual = qualifiers.match_qualifier(text, m.start, m.end) if m.kind != "range" else None
    if qual is not None and m.value is not None:
        q_lo, q_hi = qualifiers.bounds(qual.label, m.value)
        lo, hi = q_lo if q_lo is not None else lo, q_hi if q_hi is not None else hi
    mod = detect_modality(text, m.start, m.end, sent_start=sentence[0], sent_end=sentence[1])
    iso = iso_duration(m.value, unit) if m.value is not None else None
    return NumberDraft(
        start=m.start,
        end=u_end,  # a time unit is inside the span, as a measure unit is ("48 horas")
        text=text[m.start : u_end],
        kind=kind,
        value=m.value,
        value_min=lo,
        value_max=hi,
        qualifier="range" if m.kind == "range" else (qual.label if qual is not None else None),
        qualifier_text=(m.cue[2] if m.cue is not None else None)
        if m.kind == "range"
        else (qual.text if qual is not None else None),
        unit={"text": text[u_start:u_end], "name": unit.name, "kind": "counted"},
        unit_span=(u_start, u_end),
        modality=mod.label,
        modality_cue=mod.cue,
        in_words=m.in_words,
        value_fraction=m.exact,
        normalized=iso,
        normalized_min=iso_duration(m.value_min, unit)
        if m.kind == "range" and m.value_min is not None
        else None,
        normalized_max=iso_duration(m.value_max, unit)
        if m.kind == "range" and m.value_max is not None
        else None,
    )


def number_drafts(
    text: str,
    mentions: Sequence[Mention],
    claims: Sequence[Draft],
    *,
    sentences: Sequence[tuple[int, int]] = (),
) -> list[NumberDraft]:
    """The mentions that no claim covers, as drafts of the numbers layer, in text order.

    Args:
        text: The text the mentions were found in.
        mentions: :func:`~numclaims.rules.scanner.scan` output for ``text``.
        claims: :func:`~numclaims.rules.claims.build_claims` output for those mentions.
        sentences: Sentence spans, for the modality of durations and ages.

    Example:
        >>> from numclaims.rules.claims import build_claims
        >>> from numclaims.rules.scanner import scan
        >>> text = "Lo construyeron en 48 horas, el 7 de febrero."
        >>> mentions = scan(text)
        >>> drafts = number_drafts(text, mentions, build_claims(text, mentions))
        >>> [(d.kind, d.normalized) for d in drafts]
        [('duration', 'PT48H'), ('date', 'XXXX-02-07')]
    """
    sents = list(sentences) or [(0, len(text))]
    sent_starts = [s for s, _ in sents]
    claim_starts = [d.start for d in claims]
    reach = list(accumulate((d.end for d in claims), max))
    out: list[NumberDraft] = []
    for m in merge_ordinals(text, mentions):
        if m.kind == "article" or _covered(claim_starts, reach, m):
            continue
        if m.kind in ("number", "range", "vague"):
            sentence = sents[max(bisect_right(sent_starts, m.start) - 1, 0)]
            duration = _duration(text, m, sentence)
            if duration is not None:
                out.append(duration)
                continue
        kind = m.kind
        if kind == "number":
            kind = "year" if m.maybe_year else "number"
        elif kind in ("range", "vague"):
            kind = "number"
        out.append(
            NumberDraft(
                start=m.start,
                end=m.end,
                text=m.text,
                kind=kind,
                value=m.value,
                value_min=m.value_min,
                value_max=m.value_max,
                in_words=m.in_words,
                value_fraction=m.exact,
                normalized=normalized_of(kind, m.text, m.value),
            )
        )
    return out


def _covered(starts: Sequence[int], reach: Sequence[int], m: Mention) -> bool:
    """Whether a claim overlaps the mention ``m`` (``starts``: the claims' starts, in
    order; ``reach``: the furthest end of the claims up to each)."""
    i = bisect_left(starts, m.end)
    return i > 0 and reach[i - 1] > m.start
