"""Turn numeric mentions into claims: unit, kind, qualifier, bounds, modality (pure: no spaCy).

This is the step between :func:`numclaims.rules.scanner.scan` (where the numbers
are) and the spaCy component (which adds the subject and the speaker, for
which it needs a parse). It decides which mentions are *claims*: years,
dates, times, ordinals, phone numbers, identifiers, durations and ages, and
the article "un/una" with no qualifier, are not.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import Any

import regex

from ..claim import Claim, plain_decimal
from ..lang import table
from . import qualifiers, units
from .modality import detect_modality
from .numerals import exact_mul, fold, fraction_to_decimal
from .patterns import any_of
from .scanner import NON_CLAIM_KINDS, Mention, scan

__all__ = ["Draft", "RatioReference", "build_claims", "find_claims"]


@lru_cache(maxsize=1)
def _time_nouns() -> frozenset[str]:
    return frozenset(table("numbers")["time_nouns"])


_KIND_OF_UNIT = {
    "currency": "money",
    "percent": "percent",
    "percentage_point": "percent",
    "physical": "quantity",
    "counted": "quantity",
}


@dataclass(frozen=True)
class RatioReference:
    """The earlier claim a ratio is taken of ("la mitad de esa cantidad")."""

    text: str
    start: int
    end: int
    value: Decimal
    implied_value: Decimal
    unit: Mapping[str, Any] | None


@dataclass
class Draft:
    """A claim under construction: what the rules found for one mention.

    Frozen into a :class:`~numclaims.claim.Claim` once, by :meth:`to_claim`, when the
    subject and the speaker are known.
    """

    start: int
    end: int
    text: str
    kind: str
    value: Decimal | None
    value_min: Decimal | None = None
    value_max: Decimal | None = None
    qualifier: str | None = None
    qualifier_text: str | None = None
    unit: dict[str, Any] | None = None
    unit_span: tuple[int, int] | None = None
    #: The unit is the one of an earlier claim ("18,008 votos y 8.410"), not written here.
    implicit_unit: bool = False
    modality: str | None = None
    modality_cue: str | None = None
    in_words: bool = False
    magnitude: int | None = None
    ratio_of: RatioReference | None = None
    #: The value as a fraction when no decimal holds it exactly ("un tercio").
    value_fraction: Fraction | None = None
    #: The change this claim is part of ("pasó del 70 al 102 %"), JSON-safe.
    change: dict[str, Any] | None = None
    #: The comparison this claim is part of ("el doble que", "la menor de la UE").
    comparison: dict[str, Any] | None = None
    #: The date or period the claim is about, ``text`` and partial-ISO ``normalized``.
    time: dict[str, Any] | None = None
    #: The claim's type (QuanTemp): statistical, temporal, interval or comparison.
    claim_type: str | None = None
    #: Arithmetic checks of what the text states with this claim (each ``kind``, ``ok``).
    checks: list[dict[str, Any]] = field(default_factory=list)

    @property
    def extra(self) -> dict[str, Any]:
        """The claim's fields beyond :data:`~numclaims.claim.CLAIM_KEYS`, JSON-safe."""
        out: dict[str, Any] = {}
        if self.implicit_unit:
            out["implicit_unit"] = True
        if self.qualifier_text is not None:
            out["qualifier_text"] = self.qualifier_text
        ref = self.ratio_of
        if ref is not None:
            out["ratio_of"] = {
                "text": ref.text,
                "start_char": ref.start,
                "end_char": ref.end,
                "value_exact": plain_decimal(ref.value),
            }
            out["implied_value_exact"] = plain_decimal(ref.implied_value)
        if self.kind == "vague":
            out["magnitude"] = self.magnitude
        if self.in_words:
            out["in_words"] = True
        if self.modality_cue is not None:
            out["modality_cue"] = self.modality_cue
        if self.value_fraction is not None:
            out["value_fraction"] = str(self.value_fraction)
        if self.change is not None:
            out["change"] = self.change
        if self.comparison is not None:
            out["comparison"] = self.comparison
        if self.time is not None:
            out["time"] = self.time
        if self.claim_type is not None:
            out["claim_type"] = self.claim_type
        if self.checks:
            out["checks"] = list(self.checks)
        return out

    def to_claim(
        self, subject: dict[str, Any] | None = None, speaker: dict[str, Any] | None = None
    ) -> Claim:
        """Freeze the draft into a :class:`~numclaims.claim.Claim`."""
        return Claim(
            text=self.text,
            start_char=self.start,
            end_char=self.end,
            kind=self.kind,
            value=self.value,
            value_min=self.value_min,
            value_max=self.value_max,
            qualifier=self.qualifier,
            unit=self.unit,
            subject=subject,
            speaker=speaker,
            modality=self.modality,
            extra=self.extra,
        )


def _sentence_of(
    sentences: Sequence[tuple[int, int]], starts: Sequence[int], pos: int
) -> tuple[int, int]:
    """The sentence containing ``pos`` (``starts``: the sentences' start offsets, sorted)."""
    k = bisect_right(starts, pos) - 1
    if k >= 0 and sentences[k][0] <= pos < sentences[k][1]:
        return sentences[k]
    return 0, -1


def _unit_for(text: str, m: Mention, locale: str, taken: int = 0) -> units.UnitMatch | None:
    """The unit written before or after ``m``; one before it must start at ``taken`` or
    later (the end of the previous claim: "Pagó 30 € 20 personas", the "€" is the 30's)."""
    before = units.match_unit_before(text, m.start, locale=locale)
    if before is not None and before.start < taken:
        before = None
    # "2.500 mdd": the scanner applied the scale of the abbreviation; read its currency
    end = m.end
    last = m.text.rsplit(None, 1)[-1] if " " in m.text else ""
    if last and fold(last) in _currency_scale_abbreviations():
        end = m.start + len(m.text[: m.text.rfind(last)].rstrip())
    after = units.match_unit_after(
        text,
        end,
        locale=locale,
        after_scale=m.scale is not None or m.kind == "vague",
    )
    if before is not None and (after is None or after.kind not in ("percent",)):
        return before
    return after


@lru_cache(maxsize=1)
def _currency_scale_abbreviations() -> frozenset[str]:
    """ "mdd", "mdp": abbreviations that carry both a scale and a currency."""
    return frozenset(table("units")["currency_scale_abbreviations"])


def _is_time_unit(u: units.UnitMatch) -> bool:
    return u.kind == "counted" and fold(str(u.unit.get("name", ""))) in _time_nouns()


@lru_cache(maxsize=1)
def _carry_gap_re() -> regex.Pattern[str]:
    words = any_of(table("claims")["unit_carry_words"])
    return regex.compile(rf"[\s,;:()]*(?:(?:{words})[\s,;:()“”\"«»]+){{0,6}}", regex.IGNORECASE)


def _in_parens(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` is inside parentheses opened after ``start`` (300 characters back
    at most, so that a long sentence does not cost quadratic time)."""
    before = text[max(start, pos - 300) : pos]
    return before.rfind("(") > before.rfind(")")


def _carried_unit(unit: Mapping[str, Any], span: tuple[int, int]) -> units.UnitMatch:
    """An earlier claim's unit (its ``unit`` dict) as the match of a later one, at ``span``
    (``(-1, -1)``: written nowhere near it)."""
    return units.UnitMatch(
        start=span[0],
        end=span[1],
        kind=str(unit.get("kind")),
        unit={k: v for k, v in unit.items() if k != "kind"},
    )


def _inherited_unit(
    text: str,
    m: Mention,
    drafts: Sequence[Draft],
    sents: Sequence[tuple[int, int]],
    starts: Sequence[int],
) -> units.UnitMatch | None:
    """The unit an elliptic number shares with the claim before it.

    "18,008 votos militares y 8.410 aún estaban por verificar" (votos), "8 mil millones
    de euros … ahora hablamos de 140 mil millones" (euros). The previous claim must be in
    the same sentence; a currency carries over to a number with a scale word at any
    distance within it, a counted noun only across a short coordinating gap.
    """
    s, e = _sentence_of(sents, starts, m.start)
    if e < 0:
        s, e = 0, len(text)
    candidates = [d for d in drafts[-3:] if s <= d.start < m.start]
    if not candidates:
        return None
    here_in_parens = _in_parens(text, s, m.start)
    prev = candidates[-1]
    if prev.unit is None or prev.unit_span is None:
        return None
    kind = prev.unit.get("kind")
    last_end = prev.unit_span[1]
    if kind == "currency" and m.scale is not None and m.scale >= 6:
        # an amount in parentheses ("(más de 191 mil millones de pesos)") is a conversion:
        # the text outside goes on in the currency it used before
        for d in reversed(candidates):
            if (
                d.unit is not None
                and d.unit.get("kind") == "currency"
                and _in_parens(text, s, d.start) == here_in_parens
            ):
                prev = d
                break
        else:
            return None
    elif kind == "counted" and last_end < m.start:
        between = text[last_end : m.start]
        # the counted noun's own modifiers ("votos militares") may stand before the gap
        words = between.split()
        if len(words) > 8:
            return None
        tail = regex.sub(r"^\s*(?:\p{Ll}+\s+){0,2}", "", between) if words else between
        if _carry_gap_re().fullmatch(between) is None and _carry_gap_re().fullmatch(tail) is None:
            return None
    else:
        return None
    unit, span = prev.unit, prev.unit_span
    if unit is None or span is None:
        return None
    return _carried_unit(unit, span)


@lru_cache(maxsize=1)
def _anaphor_re() -> regex.Pattern[str]:
    """ "de esa cantidad", "de ese total", "de ello": a phrase that points back at a figure."""
    data = table("claims")["ratio_anaphors"]
    prep = regex.escape(data["preposition"])
    alts = [
        rf"\s+{prep}\s+(?:{any_of(data[g]['determiners'])})\s+(?:{any_of(data[g]['nouns'])})\b"
        for g in ("feminine", "masculine")
    ]
    alts.append(rf"\s+{prep}\s+(?:{any_of(data['pronouns'])})\b")
    return regex.compile("|".join(alts), regex.IGNORECASE)


def _ratio_reference(text: str, m: Mention, drafts: Sequence[Draft]) -> RatioReference | None:
    """For "la mitad de esa cantidad": the earlier claim the ratio is taken of."""
    if m.value is None or _anaphor_re().match(text, m.end, min(len(text), m.end + 40)) is None:
        return None
    for d in reversed(drafts[-5:]):
        if d.value is not None and d.kind in ("quantity", "money") and m.start - d.end < 600:
            # "un tercio de 3.000": 1000 exactly, from the fraction, not from 0.333…
            implied = (
                fraction_to_decimal(m.exact * Fraction(d.value))
                if m.exact is not None
                else exact_mul(m.value, d.value)
            )
            return RatioReference(
                text=d.text,
                start=d.start,
                end=d.end,
                value=d.value,
                implied_value=implied,
                unit=d.unit,
            )
    return None


@dataclass(frozen=True)
class _Text:
    """The text the mentions come from, with its locale and sentences."""

    text: str
    locale: str
    sentences: Sequence[tuple[int, int]]
    starts: Sequence[int]  # the sentences' start offsets

    def sentence(self, pos: int) -> tuple[int, int]:
        return _sentence_of(self.sentences, self.starts, pos)


def _is_claim(m: Mention, unit: units.UnitMatch | None) -> bool:
    """Whether a mention with this unit is a quantity claim (not a year, a duration, an age)."""
    if m.maybe_year and (
        unit is None or (unit.kind == "counted" and not unit.unit.get("text", "x")[:1].islower())
    ):
        return False  # "en 2000", "del 2016 y 2017": a year, not a count
    # durations and ages ("siete meses", "65 años") are not quantity claims
    return unit is None or not _is_time_unit(unit)


def _kind_of(m: Mention, unit: units.UnitMatch | None) -> str:
    if m.kind in ("ratio", "vague"):
        return m.kind
    if unit is not None:
        return _KIND_OF_UNIT.get(unit.kind, "quantity")
    return "quantity"


def _scaled(
    m: Mention, unit: units.UnitMatch | None
) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """The value and bounds, times the scale a unit carries ("5 k€": "5" and "k€")."""
    value, lo, hi = m.value, m.value_min, m.value_max
    if unit is None or unit.scale is None or (unit.start < m.end and m.scale is not None):
        return value, lo, hi

    def times(x: Decimal | None) -> Decimal | None:
        return exact_mul(x, unit.scale) if x is not None and unit.scale is not None else None

    return times(value), times(lo), times(hi)


def _qualified(
    m: Mention,
    qual: qualifiers.QualifierMatch | None,
    value: Decimal | None,
    lo: Decimal | None,
    hi: Decimal | None,
) -> tuple[str | None, str | None, Decimal | None, Decimal | None]:
    """The qualifier label, its text, and the bounds it gives."""
    if m.kind == "range":
        return "range", (m.cue[2] if m.cue is not None else None), lo, hi
    if qual is None:
        return None, None, lo, hi
    if value is not None:
        q_lo, q_hi = qualifiers.bounds(qual.label, value)
        lo = q_lo if q_lo is not None else lo
        hi = q_hi if q_hi is not None else hi
    return qual.label, qual.text, lo, hi


def _fraction_of(m: Mention, unit: units.UnitMatch | None) -> Fraction | None:
    """The exact fraction of a value no decimal holds, times the scale a unit carries."""
    if m.exact is None:
        return None
    if unit is not None and unit.scale is not None and not (unit.start < m.end and m.scale):
        return m.exact * Fraction(unit.scale)
    return m.exact


def _extent(m: Mention, unit: units.UnitMatch | None, implicit: bool) -> tuple[int, int]:
    """The claim's span: measure units belong to the expression ("3.500 millones de euros",
    "27,5 %", "US$ 40"); counted nouns and inherited units do not ("10,000 contenedores")."""
    if unit is not None and unit.kind != "counted" and not implicit:
        return min(m.start, unit.start), max(m.end, unit.end)
    return m.start, m.end


def _draft(ctx: _Text, m: Mention, drafts: Sequence[Draft]) -> Draft | None:
    """The claim of one mention, or ``None`` if it is not one."""
    text = ctx.text
    if m.kind in NON_CLAIM_KINDS and m.kind != "article":
        return None
    qual = qualifiers.match_qualifier(text, m.start, m.end)
    if m.kind == "article" and qual is None:
        return None  # "un", "una" and "uno" alone are articles and pronouns
    unit = _unit_for(text, m, ctx.locale, drafts[-1].end if drafts else 0)
    if not _is_claim(m, unit):
        return None
    implicit = False
    if unit is None and m.kind in ("number", "range"):
        unit = _inherited_unit(text, m, drafts, ctx.sentences, ctx.starts)
        implicit = unit is not None
    value, lo, hi = _scaled(m, unit)
    qualifier, qualifier_text, lo, hi = _qualified(m, qual, value, lo, hi)
    ratio = _ratio_reference(text, m, drafts) if m.kind == "ratio" else None
    if ratio is not None and unit is None and ratio.unit is not None:
        unit = _carried_unit(ratio.unit, (-1, -1))
        implicit = True
    s, e = ctx.sentence(m.start)
    mod = detect_modality(text, m.start, m.end, sent_start=s, sent_end=e if e >= 0 else None)
    start, end = _extent(m, unit, implicit)
    return Draft(
        start=start,
        end=end,
        text=text[start:end],
        kind=_kind_of(m, unit),
        value=value,
        value_min=lo,
        value_max=hi,
        qualifier=qualifier,
        qualifier_text=qualifier_text,
        unit={**unit.unit, "kind": unit.kind} if unit is not None else None,
        unit_span=(unit.start, unit.end) if unit is not None and unit.start >= 0 else None,
        implicit_unit=implicit,
        modality=mod.label,
        modality_cue=mod.cue,
        in_words=m.in_words,
        magnitude=int(m.value_min) if m.kind == "vague" and m.value_min is not None else None,
        ratio_of=ratio,
        value_fraction=_fraction_of(m, unit),
    )


def build_claims(
    text: str,
    mentions: Sequence[Mention],
    *,
    locale: str = "es",
    sentences: Sequence[tuple[int, int]] = (),
    reference_date: date | None = None,
) -> list[Draft]:
    """Decide which mentions are claims and attach unit, kind, qualifier, bounds, modality,
    and link them (changes, comparisons, times, claim types, checks).

    Args:
        text: The whole text the mentions were found in.
        mentions: :func:`numclaims.rules.scanner.scan` output for ``text``.
        locale: The locale, for currency names ("$" means pesos in ``es-MX``).
        sentences: Sentence spans ``(start, end)`` in order, for modality; the
            whole text is one sentence when empty.
        reference_date: The date of writing, to resolve relative times ("el mes
            pasado"); they stay relative without one.

    Returns:
        One :class:`Draft` per claim, in text order.
    """
    sents = list(sentences) or [(0, len(text))]
    ctx = _Text(text, locale, sents, [s for s, _ in sents])
    drafts: list[Draft] = []
    for m in mentions:
        draft = _draft(ctx, m, drafts)
        if draft is not None:
            drafts.append(draft)
    from .relations import link

    return link(text, drafts, sents, reference_date=reference_date)


def find_claims(
    text: str,
    locale: str = "es",
    sentences: Sequence[tuple[int, int]] | None = None,
    *,
    reference_date: date | None = None,
) -> list[Draft]:
    """Scan ``text`` and build its claims (no subject or speaker: those need spaCy)."""
    if sentences is None:
        from .sentences import split_sentences

        sentences = split_sentences(text)
    return build_claims(
        text,
        scan(text, locale),
        locale=locale,
        sentences=sentences,
        reference_date=reference_date,
    )
