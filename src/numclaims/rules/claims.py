"""Turn numeric mentions into claims: unit, kind, qualifier, bounds, modality (pure: no spaCy).

This is the step between :func:`numclaims.rules.scanner.scan` (where the numbers
are) and the spaCy component (which adds the subject and the speaker, for
which it needs a parse). It decides which mentions are *claims*: years,
dates, times, ordinals, phone numbers, identifiers, durations and ages, and
the article "un/una" with no qualifier, are not.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

import regex

from ..claim import Claim, plain_decimal
from ..lang import table
from . import qualifiers, units
from .modality import detect_modality
from .numerals import exact_mul, fold
from .scanner import NON_CLAIM_KINDS, Mention, scan

__all__ = ["Draft", "build_claims", "find_claims"]


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


@dataclass
class Draft:
    """A claim under construction: the mention plus what the rules found around it."""

    mention: Mention
    start: int
    end: int
    text: str
    kind: str
    value: Decimal | None
    value_min: Decimal | None = None
    value_max: Decimal | None = None
    qualifier: str | None = None
    unit: dict[str, Any] | None = None
    unit_span: tuple[int, int] | None = None
    modality: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

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
    text: str, m: Mention, locale: str, currency_hint: str | None, taken: int = 0
) -> units.UnitMatch | None:
    """The unit written before or after ``m``; one before it must start at ``taken`` or
    later (the end of the previous claim: "Pagó 30 € 20 personas", the "€" is the 30's)."""
    before = units.match_unit_before(text, m.start, locale=locale, currency_hint=currency_hint)
    if before is not None and before.start < taken:
        before = None
    # "2.500 mdd": the scanner applied the scale of the abbreviation; read its currency
    end = m.end
    last = m.text.rsplit(None, 1)[-1] if " " in m.text else ""
    if last and fold(last) in ("mdd", "mdp", "mde"):
        end = m.start + len(m.text[: m.text.rfind(last)].rstrip())
    after = units.match_unit_after(
        text,
        end,
        locale=locale,
        after_scale=m.scale is not None or m.kind == "vague",
        currency_hint=currency_hint,
    )
    if before is not None and (after is None or after.kind not in ("percent",)):
        return before
    return after


def _is_time_unit(u: units.UnitMatch) -> bool:
    return u.kind == "counted" and fold(str(u.unit.get("name", ""))) in _time_nouns()


_CARRY_GAP_RE = regex.compile(
    r"[\s,;:()]*(?:(?:y|e|o|u|pero|mientras|que|de\s+(?:los|las)\s+cuales|frente\s+a|"
    r"contra|aún|aun|más|otros?|otras?|solo|sólo|ahora|hablamos|de|a|en|los|las|el|la)"
    r"[\s,;:()“”\"«»]+){0,6}",
    regex.IGNORECASE,
)


def _in_parens(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` is inside parentheses opened after ``start`` (300 characters back
    at most, so that a long sentence does not cost quadratic time)."""
    before = text[max(start, pos - 300) : pos]
    return before.rfind("(") > before.rfind(")")


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
        if _CARRY_GAP_RE.fullmatch(between) is None and _CARRY_GAP_RE.fullmatch(tail) is None:
            return None
    else:
        return None
    unit, span = prev.unit, prev.unit_span
    if unit is None or span is None:
        return None
    return units.UnitMatch(
        start=span[0],
        end=span[1],
        kind=str(unit.get("kind")),
        unit={k: v for k, v in unit.items() if k != "kind"},
    )


_ANAPHOR_RE = regex.compile(
    r"\s+de\s+(?:esa|esta|dicha|aquella|la\s+misma)\s+(?:cantidad|cifra|suma|meta|previsión)\b"
    r"|\s+de\s+(?:ese|este|dicho|aquel)\s+(?:total|número|monto|objetivo|volumen|importe)\b"
    r"|\s+de\s+(?:eso|ello|esto)\b",
    regex.IGNORECASE,
)


def _ratio_reference(text: str, m: Mention, drafts: Sequence[Draft]) -> dict[str, Any] | None:
    """For "la mitad de esa cantidad": the earlier claim the ratio is taken of."""
    if _ANAPHOR_RE.match(text, m.end, min(len(text), m.end + 40)) is None:
        return None
    for d in reversed(drafts[-5:]):
        if d.value is not None and d.kind in ("quantity", "money") and m.start - d.end < 600:
            assert m.value is not None
            implied = exact_mul(m.value, d.value)
            return {
                "ratio_of": {
                    "text": d.text,
                    "start_char": d.start,
                    "end_char": d.end,
                    "value_exact": plain_decimal(d.value),
                },
                "implied_value_exact": plain_decimal(implied),
                "_unit": d.unit,
            }
    return None


def build_claims(
    text: str,
    mentions: Sequence[Mention],
    *,
    locale: str = "es",
    sentences: Sequence[tuple[int, int]] = (),
) -> list[Draft]:
    """Decide which mentions are claims and attach unit, kind, qualifier, bounds, modality.

    Args:
        text: The whole text the mentions were found in.
        mentions: :func:`numclaims.rules.scanner.scan` output for ``text``.
        locale: The locale, for currency names ("$" means pesos in ``es-MX``).
        sentences: Sentence spans ``(start, end)`` in order, for modality; the
            whole text is one sentence when empty.

    Returns:
        One :class:`Draft` per claim, in text order.
    """
    currency_hint = None  # units.py reads the text itself to tell which "$" or "pesos" it is
    sents = list(sentences) or [(0, len(text))]
    starts = [s for s, _ in sents]
    drafts: list[Draft] = []
    for m in mentions:
        if m.kind in NON_CLAIM_KINDS and m.kind != "article":
            continue
        qual = qualifiers.match_qualifier(text, m.start, m.end)
        if m.kind == "article" and qual is None:
            continue  # "un", "una" and "uno" alone are articles and pronouns
        unit = _unit_for(text, m, locale, currency_hint, drafts[-1].end if drafts else 0)
        if m.maybe_year and (
            unit is None
            or (unit.kind == "counted" and not unit.unit.get("text", "x")[:1].islower())
        ):
            continue  # "en 2000", "del 2016 y 2017": a year, not a count
        if unit is not None and _is_time_unit(unit):
            continue  # durations and ages ("siete meses", "65 años") are not quantity claims
        extra: dict[str, Any] = {}
        if unit is None and m.kind in ("number", "range"):
            inherited = _inherited_unit(text, m, drafts, sents, starts)
            if inherited is not None:
                unit = inherited
                extra["implicit_unit"] = True
        if m.kind == "ratio":
            kind = "ratio"
        elif m.kind == "vague":
            kind = "vague"
        elif unit is not None:
            kind = _KIND_OF_UNIT.get(unit.kind, "quantity")
        else:
            kind = "quantity"
        value = m.value
        value_min, value_max = m.value_min, m.value_max
        if (
            unit is not None
            and unit.scale is not None
            and not (unit.start < m.end and m.scale is not None)
        ):
            # "5 k€" read as "5" + "k€": the unit carries the scale
            if value is not None:
                value = exact_mul(value, unit.scale)
            value_min = exact_mul(value_min, unit.scale) if value_min is not None else None
            value_max = exact_mul(value_max, unit.scale) if value_max is not None else None
        qualifier_label: str | None = None
        if m.kind == "range":
            qualifier_label = "range"
            if m.cue is not None:
                extra["qualifier_text"] = m.cue[2]
        elif qual is not None:
            qualifier_label = qual.label
            extra["qualifier_text"] = qual.text
            if value is not None:
                lo, hi = qualifiers.bounds(qual.label, value)
                value_min = lo if lo is not None else value_min
                value_max = hi if hi is not None else value_max
        if m.kind == "ratio":
            ref = _ratio_reference(text, m, drafts)
            if ref is not None:
                ratio_unit = ref.pop("_unit")
                extra.update(ref)
                if unit is None and ratio_unit is not None:
                    unit = units.UnitMatch(
                        start=-1,
                        end=-1,
                        kind=str(ratio_unit.get("kind")),
                        unit={k: v for k, v in ratio_unit.items() if k != "kind"},
                    )
                    extra["implicit_unit"] = True
        if m.kind == "vague":
            extra["magnitude"] = int(m.value_min) if m.value_min is not None else None
        if m.in_words:
            extra["in_words"] = True
        for key, bound in (("value_min_exact", value_min), ("value_max_exact", value_max)):
            if bound is not None:
                extra[key] = plain_decimal(bound)
        s, e = _sentence_of(sents, starts, m.start)
        mod = detect_modality(text, m.start, m.end, sent_start=s, sent_end=e if e >= 0 else None)
        if mod.cue is not None:
            extra["modality_cue"] = mod.cue
        start, end = m.start, m.end
        if unit is not None and unit.kind != "counted" and "implicit_unit" not in extra:
            # measure units belong to the expression ("3.500 millones de euros", "27,5 %",
            # "US$ 40"); counted nouns do not ("10,000 contenedores")
            start, end = min(start, unit.start), max(end, unit.end)
        drafts.append(
            Draft(
                mention=m,
                start=start,
                end=end,
                text=text[start:end],
                kind=kind,
                value=value,
                value_min=value_min,
                value_max=value_max,
                qualifier=qualifier_label,
                unit={**unit.unit, "kind": unit.kind} if unit is not None else None,
                unit_span=(unit.start, unit.end) if unit is not None and unit.start >= 0 else None,
                modality=mod.label,
                extra=extra,
            )
        )
    return drafts


def find_claims(
    text: str, locale: str = "es", sentences: Sequence[tuple[int, int]] | None = None
) -> list[Draft]:
    """Scan ``text`` and build its claims (no subject or speaker: those need spaCy)."""
    if sentences is None:
        from .sentences import split_sentences

        sentences = split_sentences(text)
    return build_claims(text, scan(text, locale), locale=locale, sentences=sentences)
