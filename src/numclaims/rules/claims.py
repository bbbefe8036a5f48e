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
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import regex

from ..claim import Claim, plain_decimal
from ..lang import table
from . import qualifiers, rates, units
from .modality import ModalityMatch, detect_modality
from .numerals import exact_mul, fold, fraction_to_decimal
from .patterns import any_of
from .scanner import NON_CLAIM_KINDS, Mention, scan
from .subunits import merge_subunits

if TYPE_CHECKING:
    from .relations import Relations

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
    "multiplier": "ratio",
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
    #: The denominator of a rate ("al mes", "por cada 100.000 habitantes", per USD).
    rate: rates.Rate | None = None
    #: The change this claim is part of ("pasó del 70 al 102 %"), JSON-safe.
    change: dict[str, Any] | None = None
    #: The comparison this claim is part of ("el doble que", "la menor de la UE").
    comparison: dict[str, Any] | None = None
    #: The date or period the claim is about, ``text`` and partial-ISO ``normalized``.
    time: dict[str, Any] | None = None
    #: The claim's type in the QuanTemp taxonomy (statistical, temporal, interval or comparison).
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
        if self.rate is not None:
            out["per"] = self.rate.per
            out["per_unit"] = self.rate.unit
            out["per_text"] = self.rate.text
            if self.rate.value is not None:
                out["per_value"] = plain_decimal(self.rate.value)
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


def _unit_for(
    text: str, m: Mention, locale: str, taken: int = 0, previous: str | None = None
) -> units.UnitMatch | None:
    """The unit written before or after ``m``; one before it must start at ``taken`` or
    later (the end of the previous claim: "Pagó 30 € 20 personas", the "€" is the 30's).
    ``previous`` is the currency of the last amount before ``m`` (for "céntimos")."""
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
        previous_currency=previous,
    )
    if before is not None and (after is None or after.kind not in ("percent",)):
        return before
    if after is not None and after.kind == "counted":
        return units.percentage_points(text, after, m.start)
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
    *,
    has_rate: bool = False,
) -> units.UnitMatch | None:
    """The unit an elliptic number shares with a claim before it.

    "18,008 votos militares y 8.410 aún estaban por verificar" (votos), "8 mil millones
    de euros … ahora hablamos de 140 mil millones" (euros), "De los 132 diputados, 97
    cobran 4.000 euros, pero otros 35 no" (diputados). The earlier claim must be in the
    same sentence: a counted noun carries over to a bare number at any distance within
    it, past amounts and percentages; a currency carries over to a number with a scale
    word or a rate of its own ("600 euros al mes y 250 por cada hijo"); a physical unit
    only across a short coordinating gap ("12 km y 8 más"). A short sentence
    with no claim before the number ("Entre 2016 y 2019, solo 11 mil.") takes the unit of
    the last claim of the sentence before it.
    """
    s, e = _sentence_of(sents, starts, m.start)
    if e < 0:
        s, e = 0, len(text)
    candidates = [d for d in drafts[-6:] if s <= d.start < m.start]
    if not candidates:
        return _from_previous_sentence(text, m, drafts, s, e)
    here_in_parens = _in_parens(text, s, m.start)
    money_ok = (m.scale is not None and m.scale >= 6) or has_rate
    for d in reversed(candidates):
        if d.unit is None or d.unit_span is None:
            return None  # a bare claim in between: the chain stops
        kind = d.unit.get("kind")
        if kind == "currency":
            # an amount in parentheses ("(más de 191 mil millones de pesos)") is a
            # conversion: the text outside goes on in the currency it used before
            if money_ok and _in_parens(text, s, d.start) == here_in_parens:
                return _carried_unit(d.unit, d.unit_span)
            continue
        if kind in ("percent", "percentage_point"):
            continue
        if kind == "counted":
            return _carried_unit(d.unit, d.unit_span)
        if kind == "physical" and d is candidates[-1] and _short_gap(text, d.unit_span[1], m.start):
            return _carried_unit(d.unit, d.unit_span)  # "12 km y 8 más"
        return None
    return None


def _short_gap(text: str, last_end: int, start: int) -> bool:
    """Whether only coordinating words (and the unit's own modifiers) stand between."""
    if last_end > start:
        return False
    between = text[last_end:start]
    words = between.split()
    if len(words) > 8:
        return False
    tail = regex.sub(r"^\s*(?:\p{Ll}+\s+){0,2}", "", between) if words else between
    return _carry_gap_re().fullmatch(between) is not None or (
        _carry_gap_re().fullmatch(tail) is not None
    )


#: The most words a sentence may have for its first number to take the unit of the
#: sentence before ("Entre 2016 y 2019, solamente 11 mil.").
_SHORT_SENTENCE = 10


def _from_previous_sentence(
    text: str, m: Mention, drafts: Sequence[Draft], s: int, e: int
) -> units.UnitMatch | None:
    if not drafts or len(text[s:e].split()) > _SHORT_SENTENCE:
        return None
    prev = drafts[-1]
    if prev.unit is None or prev.unit_span is None or prev.implicit_unit:
        return None
    if prev.unit.get("kind") not in ("counted", "currency") or s - prev.end > 400:
        return None
    return _carried_unit(prev.unit, prev.unit_span)


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


_BOUNDS = frozenset({"more_than", "at_least", "less_than", "at_most"})


@lru_cache(maxsize=1)
def _subordinate_re() -> regex.Pattern[str]:
    """ "que", "pero": a word that opens another clause between a negation and a bound."""
    words = any_of(table("qualifiers")["negation_clause_breaks"])
    return regex.compile(rf"\b(?:{words})\b", regex.IGNORECASE)


def _negates(text: str, mod: ModalityMatch, qual: qualifiers.QualifierMatch | None) -> bool:
    """Whether the negation ``mod`` found governs the bound ``qual`` ("no … más de"): it
    stands before the cue (or inside it: "no superó") in the same clause."""
    if mod.label != "negated" or qual is None or qual.label not in _BOUNDS or mod.start < 0:
        return False
    if qual.start <= mod.start < qual.end:
        return True
    return mod.end <= qual.start and _subordinate_re().search(text, mod.end, qual.start) is None


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


def _last_currency(drafts: Sequence[Draft]) -> str | None:
    """The currency code of the last amount among the latest claims."""
    for d in reversed(drafts[-8:]):
        if d.unit is not None and d.unit.get("kind") == "currency" and d.unit.get("code"):
            return str(d.unit["code"])
    return None


def _rate_of(
    text: str,
    m: Mention,
    unit: units.UnitMatch | None,
    implicit: bool,
    start: int,
    found: rates.Rate | None = None,
) -> rates.Rate | None:
    """The rate a claim is given at ("600 euros al mes"; "el dólar a $950": per USD);
    ``found`` is the one already read after the numeral ("cuatro de cada diez chicos")."""
    if found is not None:
        return found
    tail = m.end
    if unit is not None and not implicit and unit.start >= m.end:
        tail = unit.end
    rate = rates.match_rate(text, tail)
    if rate is None and unit is not None and unit.kind == "currency":
        code = unit.unit.get("code")
        rate = rates.match_exchange_rate(text, start, str(code) if code else None)
    return rate


@lru_cache(maxsize=1)
def _bare_amount_tables() -> tuple[Decimal, regex.Pattern[str], regex.Pattern[str], int]:
    data = table("units")["bare_amounts"]
    stems = any_of(data["verb_stems"])
    verb = regex.compile(
        rf"(?<!\p{{L}})(?:{stems})\p{{Ll}}{{0,6}}+(?!\p{{L}})(?:\s+\S+){{0,3}}?\s*$"
    )
    after = regex.compile(rf"(?<!\p{{L}})(?:{any_of(data['after_cues'])})(?!\p{{L}})")
    return Decimal(10) ** int(data["min_value_exp"]), verb, after, int(data["reach"])


def _bare_amount(text: str, m: Mention, drafts: Sequence[Draft]) -> bool:
    """Whether a large number with a scale word and no unit is an amount of money: a
    verb of spending or paying before it, the GDP after it, or an amount just before."""
    least, verb, after, reach = _bare_amount_tables()
    if m.scale is None or m.value is None or m.value < least:
        return False
    if any(
        d.unit is not None and d.unit.get("kind") == "currency" and m.start - d.end < reach
        for d in drafts[-3:]
    ):
        return True
    if verb.search(fold(text[max(0, m.start - 60) : m.start])) is not None:
        return True
    return after.search(text, m.end, min(len(text), m.end + 60)) is not None


def _draft(ctx: _Text, m: Mention, drafts: Sequence[Draft]) -> Draft | None:
    """The claim of one mention, or ``None`` if it is not one."""
    text = ctx.text
    if m.kind in NON_CLAIM_KINDS and m.kind != "article":
        return None
    qual = qualifiers.match_qualifier(text, m.start, m.end)
    if m.kind == "article" and qual is None:
        return None  # "un", "una" and "uno" alone are articles and pronouns
    unit = _unit_for(text, m, ctx.locale, drafts[-1].end if drafts else 0, _last_currency(drafts))
    if not _is_claim(m, unit):
        return None
    implicit = False
    rate: rates.Rate | None = None
    if unit is None and m.kind in ("number", "range"):
        rate = rates.match_rate(text, m.end)
        if rate is not None and rate.part and rate.counted:
            # "cuatro de cada diez chicos": the four are chicos
            noun = text[rate.unit_start : rate.end]
            unit = units.UnitMatch(
                rate.unit_start, rate.end, "counted", {"text": noun, "name": rate.unit}
            )
        else:
            unit = _inherited_unit(
                text, m, drafts, ctx.sentences, ctx.starts, has_rate=rate is not None
            )
            implicit = unit is not None
    if (
        (unit is None or (implicit and unit.kind != "currency"))
        and m.kind == "number"
        and _bare_amount(text, m, drafts)
    ):
        # "gastó 117 billones", "Le siguen 24,8 billones, 2,33 % del PIB": money
        fields = units.local_currency(
            text, m.start, locale=ctx.locale, previous=_last_currency(drafts)
        )
        if fields is not None:
            unit = units.UnitMatch(-1, -1, "currency", fields)
            implicit = True
    value, lo, hi = _scaled(m, unit)
    qualifier, qualifier_text, lo, hi = _qualified(m, qual, value, lo, hi)
    ratio = _ratio_reference(text, m, drafts) if m.kind == "ratio" else None
    if ratio is not None and unit is None and ratio.unit is not None:
        unit = _carried_unit(ratio.unit, (-1, -1))
        implicit = True
    s, e = ctx.sentence(m.start)
    mod = detect_modality(text, m.start, m.end, sent_start=s, sent_end=e if e >= 0 else None)
    modality = mod.label
    if qualifier is not None and value is not None and _negates(text, mod, qual):
        # "no se registraron más de 10": at most 10, asserted (the negation is the bound's);
        # "no superó los 15": the cue holds its negation already, so it is not counted twice
        assert qual is not None
        if not qual.start <= mod.start < qual.end:
            qualifier = qualifiers.negated_label(qualifier)
            lo, hi = qualifiers.bounds(qualifier, value)
        modality = "asserted"
    start, end = _extent(m, unit, implicit)
    return Draft(
        rate=_rate_of(text, m, unit, implicit, start, rate),
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
        modality=modality,
        modality_cue=mod.cue if modality == mod.label else None,
        in_words=m.in_words,
        magnitude=int(m.value_min) if m.kind == "vague" and m.value_min is not None else None,
        ratio_of=ratio,
        value_fraction=_fraction_of(m, unit),
    )


@lru_cache(maxsize=1)
def _shared_unit_res() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    """The gaps over which a later unit is shared: "X y (el) Y", "de X a Y"."""
    links = table("units")["shared_unit_links"]
    coordinated = regex.compile(
        rf"\s{{0,3}}+,?\s{{0,3}}+(?:{any_of(links['coordinators'])})\s{{1,3}}+"
        rf"(?:(?:{any_of(links['articles'])})\s{{1,3}}+)?",
        regex.IGNORECASE,
    )
    from_re = regex.compile(rf"(?<![\p{{L}}])(?:{any_of(links['from'])})\s{{1,3}}+$", regex.I)
    to_re = regex.compile(rf"\s{{1,3}}+(?:{any_of(links['to'])})\s{{1,3}}+", regex.IGNORECASE)
    return coordinated, from_re, to_re


def _shared_backwards(
    text: str, prev: Draft, prev_m: Mention, d: Draft, m: Mention
) -> Draft | None:
    """``prev`` with the unit (and scale word) written once after the next number:
    "percibirán 4.590 y 6.586 millones de euros" (4.59e9 EUR), "del 15 y 12,9 %",
    "recortar de 108 a 32 miembros". ``None`` if ``prev`` does not share it."""
    if prev_m.kind != "number" or prev_m.scale is not None:
        return None
    if d.unit is None or d.implicit_unit or prev.value is None or prev.ratio_of is not None:
        return None
    if prev.unit is not None and not (prev.implicit_unit and d.unit.get("kind") == "counted"):
        return None  # an inherited unit yields only to a counted noun written right after
    gap = text[prev.end : d.start]
    coordinated_re, from_re, to_re = _shared_unit_res()
    coordinated = len(gap) < 24 and coordinated_re.fullmatch(gap) is not None
    from_to = (
        len(gap) < 12
        and to_re.fullmatch(gap) is not None
        and from_re.search(text[max(0, prev.start - 8) : prev.start]) is not None
    )
    if not (coordinated or from_to):
        return None
    factor = Decimal(10) ** m.scale if m.scale is not None else None

    def scaled(x: Decimal | None) -> Decimal | None:
        return exact_mul(x, factor) if x is not None and factor is not None else x

    return replace(
        prev,
        kind=d.kind,
        value=scaled(prev.value),
        value_min=scaled(prev.value_min),
        value_max=scaled(prev.value_max),
        unit=dict(d.unit),
        unit_span=d.unit_span,
        implicit_unit=True,
        value_fraction=(
            prev.value_fraction * Fraction(factor)
            if prev.value_fraction is not None and factor is not None
            else prev.value_fraction
        ),
    )


def build_claims(
    text: str,
    mentions: Sequence[Mention],
    *,
    locale: str = "es",
    sentences: Sequence[tuple[int, int]] = (),
    reference_date: date | None = None,
    relations: Relations | None = None,
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
        relations: Filled with the changes, comparisons and times found, if given
            (see :func:`numclaims.rules.relations.link`).

    Returns:
        One :class:`Draft` per claim, in text order.
    """
    sents = list(sentences) or [(0, len(text))]
    ctx = _Text(text, locale, sents, [s for s, _ in sents])
    drafts: list[Draft] = []
    kept: list[Mention] = []
    for m in mentions:
        draft = _draft(ctx, m, drafts)
        if draft is None:
            continue
        if drafts:
            shared = _shared_backwards(text, drafts[-1], kept[-1], draft, m)
            if shared is not None:
                drafts[-1] = shared
        drafts.append(draft)
        kept.append(m)
    from .relations import link

    return link(
        text,
        merge_subunits(text, drafts),
        sents,
        reference_date=reference_date,
        relations=relations,
    )


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
