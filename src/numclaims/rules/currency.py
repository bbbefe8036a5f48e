"""Decide, once per document, what an ambiguous currency form means (pure: no spaCy).

A bare "$" is the peso in Buenos Aires, Bogotá, Santiago or Mexico City and the dollar in
Madrid or Miami; "pesos" are Argentine in a story about Argentina; "céntimos" are
hundredths of a euro in Spain and of a sol in Peru. :class:`DocumentCurrencies` reads one
document and answers, for each ambiguous form at a position, with an ISO 4217 code and
the evidence that decided it (the ``basis`` of a
:class:`~numclaims.rules.currency.Resolved`), in this order:

1. ``"document"``: the same kind of money named explicitly elsewhere in the document
   ("pesos chilenos" once settles every "$" and "pesos"; the nearest mention before the
   form wins, else the first after it); hundredths take the currency of the amount before
   them ("3,55 soles … 15 céntimos"); a document that counts in "pesos" writes "$" for
   them too;
2. ``"region"``: the region of the locale (``es-AR``: "$" is ARS);
3. ``"cue:<cue>"``: the country the document is about, from a table of institutions,
   places and demonyms ("INDEC", "Bogotá", "chilenos"), institutions weighing more;
   the country with strictly the most weight decides (``"cue:INDEC"`` names its most
   frequent cue);
4. ``"default"``: "$" USD, "pesos" MXN, "centavos" USD, "céntimos" EUR; a few forms
   ("Q", "L" before digits, "bolivianos") are no currency at all without evidence.

An amount whose currency is written in the mention itself ("US$", "pesos argentinos",
"S/", "R$") has the basis ``"text"``; that is decided by :mod:`numclaims.rules.units`.

All tables live in ``lang/es/currencies.json``. Every scan of the document is done once
and cached, so a call costs a few dictionary and bisection lookups.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..lang import table
from .locales import normalize_locale
from .patterns import any_of
from .text import fold_keep_length

__all__ = ["DocumentCurrencies", "Resolved", "is_placeholder", "resolver"]


@dataclass(frozen=True)
class Resolved:
    """What an ambiguous currency form means: its ISO 4217 ``code`` and the ``basis`` of
    the decision (``"document"``, ``"region"``, ``"cue:<cue>"``, ``"default"`` or
    ``"hint"``)."""

    code: str
    basis: str


def is_placeholder(code: str) -> bool:
    """Whether ``code`` is an ambiguous form ("$DOLLAR", "$PESO", …), not an ISO code."""
    return code.startswith("$")


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class _Form:
    default: str | None
    settled_by: frozenset[str]
    subunit: bool


@dataclass(frozen=True)
class _Country:
    code: str  # the region ("AR")
    currency: str
    forms: Mapping[str, str]


@dataclass(frozen=True)
class _Tables:
    forms: Mapping[str, _Form]
    countries: Mapping[str, _Country]
    cue_re: regex.Pattern[str]
    cue_owner: Mapping[str, tuple[str, int]]  # cue text -> (country, weight)
    dollar: str
    peso: str
    word_re: regex.Pattern[str]  # currency words of units.json, on folded text
    word_code: Mapping[str, str]
    symbol_re: regex.Pattern[str]  # currency signs and codes, on the text
    symbol_code: Mapping[str, tuple[str, bool]]  # sign -> (code, written before digits)


def _bounded(alternation: str) -> str:
    return rf"(?<![\p{{L}}\p{{N}}])(?:{alternation})(?![\p{{L}}\p{{N}}])"


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    raw = table("currencies")
    forms = {
        name: _Form(spec["default"], frozenset(spec["settled_by"]), bool(spec["subunit"]))
        for name, spec in raw["forms"].items()
    }
    countries = {
        region: _Country(region, spec["currency"], dict(spec["forms"]))
        for region, spec in raw["countries"].items()
    }
    weights: Mapping[str, int] = raw["cue_weights"]
    # places and bodies of several countries ("INE", "Santiago") never decide
    ambiguous = frozenset(raw["ambiguous_cues"])
    owner: dict[str, tuple[str, int]] = {}
    for region, spec in raw["countries"].items():
        for group, cues in spec["cues"].items():
            for cue in cues:
                variants = {cue, cue[:1].upper() + cue[1:]} if group == "demonyms" else {cue}
                for v in variants - ambiguous:
                    owner.setdefault(v, (region, int(weights[group])))
    units = table("units")
    word_code: dict[str, str] = {}
    symbol_code: dict[str, tuple[str, bool]] = {}
    for spec in units["currency_after"]:
        for w in spec.get("words", ()):
            word_code[" ".join(_fold(w).split())] = spec["code"]
        for s in spec.get("symbols", ()):
            symbol_code.setdefault(s, (spec["code"], False))
    for spec in units["currency_before"]:
        for s in spec["symbols"]:
            symbol_code[s] = (spec["code"], True)
    return _Tables(
        forms=forms,
        countries=countries,
        cue_re=regex.compile(_bounded(any_of(owner))),
        cue_owner=owner,
        dollar=raw["dollar_sign_peso"],
        peso=raw["peso_word"],
        word_re=regex.compile(_bounded(any_of(word_code))),
        word_code=word_code,
        symbol_re=regex.compile(r"(?<![\p{L}\p{N}$])(?:" + any_of(symbol_code) + ")"),
        symbol_code=symbol_code,
    )


def _fold(text: str) -> str:
    return fold_keep_length(text, keep="ñÑ")


# A number (digits, possibly with a scale word and "de") right before a currency word.
_NUMBER_BEFORE_RE = regex.compile(r"\p{N}(?:\s{1,3}+\p{L}{1,12}+){0,3}?\s{0,3}+$")
_DIGIT_AFTER_RE = regex.compile(r"[ \u00a0]{0,2}+\p{N}")
_DIGIT_BEFORE_RE = regex.compile(r"\p{N}[ \u00a0]{0,2}+$")
_ISO_RE = regex.compile(r"[A-Z]{3}")


# ------------------------------------------------------------------------- document


class DocumentCurrencies:
    """The currency evidence of one document: explicit amounts, region, cues.

    Args:
        text: The whole document.
        locale: ``"es"`` or ``"es-XX"``.

    Raises:
        ValueError: If ``locale`` is not Spanish.
    """

    def __init__(self, text: str, locale: str = "es") -> None:
        norm = normalize_locale(locale)
        self.region: str | None = norm[3:] if norm != "es" else None
        tables = _tables()
        self._tables = tables
        self._mentions = self._explicit_mentions(text)
        self._positions: dict[frozenset[str], list[int]] = {}
        self._codes_at: dict[frozenset[str], list[str]] = {}
        self._weights, self._top_cue = self._cues(text)

    # -- evidence in the text ------------------------------------------------------
    def _explicit_mentions(self, text: str) -> list[tuple[int, str]]:
        """``(offset, code)`` of every currency written in ``text``: words after a number
        or multi-word names anywhere ("pesos chilenos"), signs next to digits, ISO codes."""
        tables = self._tables
        out: list[tuple[int, str]] = []
        folded = _fold(text)
        for m in tables.word_re.finditer(folded):
            form = " ".join(m.group().split())
            raw_first = text[m.start()]
            if raw_first.isupper() and not text[m.start() : m.end()].isupper():
                continue  # "Real Madrid", "Colón": a name
            if " " not in form:
                before = folded[max(0, m.start() - 40) : m.start()]
                if _NUMBER_BEFORE_RE.search(before) is None:
                    continue
            out.append((m.start(), tables.word_code[form]))
        for m in tables.symbol_re.finditer(text):
            sign = m.group()
            code, written_before = tables.symbol_code[sign]
            near = (
                _DIGIT_AFTER_RE.match(text, m.end(), m.end() + 3) is not None
                if written_before
                else _DIGIT_BEFORE_RE.search(text[max(0, m.start() - 3) : m.start()]) is not None
            )
            if near or (_ISO_RE.fullmatch(sign) is not None and not is_placeholder(code)):
                out.append((m.start(), code))
        out.sort()
        return out

    def _cues(self, text: str) -> tuple[dict[str, int], dict[str, str]]:
        """Cue weight per country, and each country's most frequent cue (first on ties)."""
        tables = self._tables
        weights: dict[str, int] = {}
        counts: dict[str, dict[str, int]] = {}
        for m in tables.cue_re.finditer(text):
            country, weight = tables.cue_owner[m.group()]
            weights[country] = weights.get(country, 0) + weight
            per = counts.setdefault(country, {})
            per[m.group()] = per.get(m.group(), 0) + 1
        top = {c: max(per, key=lambda k: per[k]) for c, per in counts.items()}
        return weights, top

    def _index(self, codes: frozenset[str] | None) -> tuple[list[int], list[str]]:
        key = codes if codes is not None else frozenset(("*",))
        if key not in self._positions:
            kept = [
                (p, c)
                for p, c in self._mentions
                if (c in codes if codes is not None else not is_placeholder(c))
            ]
            self._positions[key] = [p for p, _ in kept]
            self._codes_at[key] = [c for _, c in kept]
        return self._positions[key], self._codes_at[key]

    def _named(self, codes: frozenset[str] | None, pos: int, *, after: bool) -> str | None:
        """The code of the explicit mention (of ``codes``; any code if ``None``) nearest
        before ``pos``, else (if ``after``) the first one after it."""
        positions, found = self._index(codes)
        k = bisect_left(positions, pos)
        if k > 0:
            return found[k - 1]
        if after and k < len(found):
            return found[k]
        return None

    def _has_form(self, form: str) -> bool:
        return bool(self._index(frozenset((form,)))[0])

    # -- the decision ----------------------------------------------------------------
    def _meaning(self, country: _Country, form: str) -> str | None:
        if form in country.forms:
            return country.forms[form]
        spec = self._tables.forms[form]
        return country.currency if spec.subunit else None

    def _by_cues(self, form: str) -> Resolved | None:
        votes: dict[str, int] = {}
        voters: dict[str, list[str]] = {}
        for region, weight in self._weights.items():
            meaning = self._meaning(self._tables.countries[region], form)
            if meaning is not None:
                votes[meaning] = votes.get(meaning, 0) + weight
                voters.setdefault(meaning, []).append(region)
        ranked = sorted(votes.items(), key=lambda kv: -kv[1])
        if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
            return None
        code = ranked[0][0]
        lead = max(voters[code], key=lambda r: self._weights[r])
        return Resolved(code, f"cue:{self._top_cue[lead]}")

    def _after_document(self, form: str) -> Resolved | None:
        """Region, cues, default: what ``form`` means when the document names nothing."""
        if self.region is not None and self.region in self._tables.countries:
            meaning = self._meaning(self._tables.countries[self.region], form)
            if meaning is not None:
                return Resolved(meaning, "region")
        cued = self._by_cues(form)
        if cued is not None:
            return cued
        default = self._tables.forms[form].default
        return Resolved(default, "default") if default is not None else None

    def resolve(self, form: str, pos: int, *, previous: str | None = None) -> Resolved | None:
        """What the ambiguous currency ``form`` written at offset ``pos`` means.

        Args:
            form: A placeholder of ``lang/es/currencies.json`` ("$DOLLAR", "$PESO", …).
            pos: Its offset in the document.
            previous: The currency of the amount before it in the document, if any: it
                settles hundredths ("centavos", "céntimos").

        Returns:
            The code and its basis, or ``None`` if the form is no currency here.

        Raises:
            KeyError: If ``form`` is not a declared placeholder.
        """
        spec = self._tables.forms[form]
        if spec.subunit:
            named = previous if previous is not None else self._named(None, pos, after=False)
            if named is not None:
                return Resolved(named, "document")
            return self._after_document(form)
        named = self._named(spec.settled_by, pos, after=True) if spec.settled_by else None
        if named is not None:
            return Resolved(named, "document")
        if (
            form == self._tables.dollar
            and self._has_form(self._tables.peso)
            and not self._weights_for_dollar()
        ):
            # a document that counts in "pesos" writes "$" for the same pesos
            peso = self._after_document(self._tables.peso)
            if peso is not None:
                return Resolved(peso.code, "document")
        return self._after_document(form)

    def _weights_for_dollar(self) -> int:
        """Cue weight of the countries where "$" is the US dollar."""
        dollar = self._tables.dollar
        return sum(
            w
            for region, w in self._weights.items()
            if self._tables.countries[region].forms.get(dollar) == "USD"
        )


@lru_cache(maxsize=16)
def resolver(text: str, locale: str = "es") -> DocumentCurrencies:
    """The :class:`DocumentCurrencies` of ``text`` (cached: one scan per document).

    Example:
        >>> r = resolver("El INDEC informó que la canasta cuesta $ 90.340.")
        >>> r.resolve("$DOLLAR", 40)
        Resolved(code='ARS', basis='cue:INDEC')
    """
    return DocumentCurrencies(text, locale)
