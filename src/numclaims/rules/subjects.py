"""What a number counts or measures: subject finding over a token table.

The subject is the noun phrase of the text that names what the number counts or
measures (the extractive convention of the annotation guide), chosen in this order:

1. the *same* subject as the number it repeats: a conversion in parentheses ("11,000
   millones de euros (13,380 millones de dólares)"), the second value of a pair or a
   list ("pasó del 70 % al 102 %", "18,008 votos y 8.410");
2. the counted noun after the number ("10,000 contenedores sospechosos de …");
3. a percent's base ("el 15 % de los inversores");
4. the noun the amount belongs to, before it ("un paquete de 11,000 millones",
   "contratos por más de 20 millones"), or stands in apposition to ("el padrón (15,4
   millones)", "una eficacia muy buena, 79,9 por ciento,"), or the subject of a clause
   whose verb is left out ("… y los homicidios en un 20 %");
5. the subject of the verb the number completes: a measure verb ("La inflación se situó
   en el 3,2 %", "la deuda asciende a 3.000 millones") or, for any other verb, what the
   amount is for ("destinará 3.000 millones a la reconstrucción") before its subject;
6. else the subject of an earlier number of the same sentence.

With a trained pipeline, part-of-speech tags tell verbs from nouns and the parse gives
the subject of a verb (``nsubj``); on a blank pipeline, the measure-verb forms
(``lang/es/subjects.json``) and stop-word and suffix tables (``lang/es/reporting_verbs.json``,
section ``subject``) stand in, and a time phrase ("a fines de 2015") between a subject and
its verb is stepped over, never taken. All windows are bounded.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..lang import table
from .text import fold
from .tokens import TokenTable

__all__ = ["Subjects", "find_subject"]

#: Longest subject noun phrase, in tokens.
MAX_NP = 12
#: Most tokens stepped over between a number and its verb, or a subject and its verb.
MAX_LINK = 6
#: Most earlier numbers of a sentence looked at for a repeated subject.
MAX_RECENT = 16
#: Most tokens between two numbers for the second to repeat the first's subject.
MAX_SIBLING = 6

_DE = frozenset(("de", "del"))
_SUBJECT_DEPS = frozenset(("nsubj", "nsubj:pass", "csubj"))


@dataclass(frozen=True)
class _Tab:
    stop: frozenset[str]
    and_other: frozenset[str]
    measure: frozenset[str]
    adj_suffixes: tuple[str, ...]
    verb_suffixes: tuple[str, ...]
    determiners: frozenset[str]
    preps_before_det: frozenset[str]
    skip_left: frozenset[str]
    conjunctions: frozenset[str]
    adverbs: frozenset[str]
    adverb_suffix: str
    measure_markers: tuple[str, ...]
    measure_verbs: frozenset[str]
    verb_particles: frozenset[str]
    value_links: frozenset[str]
    purpose_links: tuple[tuple[str, ...], ...]
    time_words: frozenset[str]
    time_preps: frozenset[str]
    not_heads: frozenset[str]
    sibling_links: frozenset[str]
    amount_words: frozenset[str]
    participle_endings: tuple[str, ...]
    clitics: frozenset[str]
    noun_endings: tuple[str, ...]
    scales: frozenset[str]
    inner_preps: frozenset[str]
    generic_counters: frozenset[str]
    degree_adverbs: frozenset[str]
    distributives: frozenset[str]
    quotes: frozenset[str]


@lru_cache(maxsize=1)
def _tab() -> _Tab:
    tables = table("reporting_verbs")
    raw = tables["subject"]
    own = table("subjects")
    numbers = table("numbers")
    return _Tab(
        stop=frozenset(raw["stop_words"]),
        and_other=frozenset(raw["and_other"]),
        measure=frozenset(w.lower() for w in raw["measure_words"]),
        adj_suffixes=tuple(raw["adjective_suffixes"]),
        verb_suffixes=tuple(raw["verb_suffixes"]),
        determiners=frozenset(tables["determiners"]),
        preps_before_det=frozenset(raw["prepositions_before_determiner"]),
        skip_left=frozenset(raw["skip_left"]),
        conjunctions=frozenset(raw["conjunctions"]),
        adverbs=frozenset(raw["adverbs"]),
        adverb_suffix=raw["adverb_suffix"],
        measure_markers=tuple(raw["measure_markers"]),
        measure_verbs=frozenset(own["measure_verbs"]),
        verb_particles=frozenset(own["verb_particles"]),
        value_links=frozenset(own["value_links"]) | frozenset(raw["skip_left"]),
        purpose_links=tuple(tuple(p.split()) for p in own["purpose_links"]),
        time_words=frozenset(fold(w) for w in own["time_words"])
        | frozenset(numbers["time_nouns"])
        | frozenset(numbers["months"]),
        time_preps=frozenset(own["time_prepositions"]),
        not_heads=frozenset(own["not_heads"]),
        sibling_links=frozenset(own["sibling_links"]),
        amount_words=frozenset(own["amount_words"]),
        participle_endings=tuple(own["participle_endings"]),
        clitics=frozenset(own["clitics"]),
        noun_endings=tuple(own["noun_endings"]),
        scales=frozenset(own["scale_words"]),
        inner_preps=frozenset(own["inner_prepositions"]),
        generic_counters=frozenset(own["generic_counters"]),
        degree_adverbs=frozenset(own["degree_adverbs"]),
        distributives=frozenset(own["distributives"]),
        quotes=frozenset(own["quote_marks"]),
    )


@dataclass(slots=True)
class _Tok:
    text: str
    lower: str
    start: int
    end: int
    pos: str
    verbform: str
    dep: str
    head: int  # row of the head in the whole table, or -1
    row: int


def _all_tokens(table: TokenTable) -> list[_Tok]:
    return [
        _Tok(w, lw, a, b, p, vf, d, h, r)
        for r, (w, lw, a, b, p, vf, d, h) in enumerate(
            zip(
                table.words,
                table.lower,
                table.starts,
                table.ends,
                table.pos,
                table.verbforms,
                table.deps,
                table.heads,
                strict=True,
            )
        )
    ]


def _tokens(table: TokenTable, toks: list[_Tok], lo: int, hi: int) -> tuple[list[_Tok], str]:
    """The tokens of a bounded slice of the doc, and the text padded to doc offsets."""
    starts = table.starts
    first = max(bisect_right(starts, lo) - 1, 0)
    if first < len(toks) and toks[first].end <= lo:
        first += 1
    last = bisect_left(starts, hi)
    window = toks[first:last]
    if not window:
        return [], ""
    a, b = window[0].start, window[-1].end
    return window, _Padded(a, table.text[a:b])


class _Padded(str):
    """A slice of the doc text indexed with the doc's own character offsets."""

    base: int

    def __new__(cls, base: int, text: str) -> _Padded:
        obj = super().__new__(cls, text)
        obj.base = base
        return obj

    def cut(self, a: int, b: int) -> str:
        """Return the doc text in [a, b)."""
        return str.__getitem__(self, slice(max(a - self.base, 0), max(b - self.base, 0)))


def _is_word(t: _Tok) -> bool:
    return t.text[:1].isalpha()


def _is_number(t: _Tok) -> bool:
    return t.text[:1].isdigit()


def _is_verb(t: _Tok, trained: bool) -> bool:
    tab = _tab()
    if trained:
        return t.pos in ("VERB", "AUX") and t.verbform not in ("Part",)
    if t.lower in tab.stop and t.lower not in tab.determiners:
        return True
    return t.lower.endswith(tab.verb_suffixes) and not t.lower.endswith(tab.adj_suffixes)


def _is_measure_verb(toks: Sequence[_Tok], k: int, trained: bool) -> bool:
    """A form of a measure verb ("alcanzó", "se situó", "es"), not a noun ("una baja")."""
    t = toks[k]
    if t.lower not in _tab().measure_verbs:
        return False
    if trained:
        return t.pos in ("VERB", "AUX")
    return k == 0 or toks[k - 1].lower not in _tab().determiners


def _blank_verb(toks: Sequence[_Tok], k: int) -> bool:
    """A verb by its form and its neighbours, without tags.

    A finite ending ("-ó", "-ía", …) makes a verb unless an article stands before it ("la
    economía", "una compañía"; a clitic "la" before "-ó" stays a verb: "la incrementó"),
    and a participle after a form of "haber" is a verb ("habían estado").
    """
    tab = _tab()
    t = toks[k]
    prev = toks[k - 1].lower if k > 0 else ""
    if t.lower.endswith(tab.participle_endings) and prev in tab.verb_particles:
        return prev not in tab.determiners
    if not _is_verb(t, False):
        return False
    if t.lower in tab.stop or prev not in tab.determiners:
        return True
    return prev in tab.clitics and not t.lower.endswith(tab.noun_endings)


def _verbal(toks: Sequence[_Tok], k: int, trained: bool) -> bool:
    """Whether ``toks[k]`` is a verb a number can complete (participles included)."""
    t = toks[k]
    if _is_measure_verb(toks, k, trained):
        return True
    if trained:
        return t.pos in ("VERB", "AUX") or t.verbform == "Part"
    return _blank_verb(toks, k) and t.lower not in _tab().preps_before_det


def _nounish(t: _Tok, trained: bool) -> bool:
    """Whether a token can start a counted noun phrase."""
    tab = _tab()
    if not _is_word(t) or t.lower.endswith(tab.adverb_suffix) or t.lower in tab.adverbs:
        return False
    if trained:
        return t.pos in ("NOUN", "PROPN", "ADJ")
    return not _is_verb(t, False)


def _head_ok(toks: Sequence[_Tok], k: int, trained: bool) -> bool:
    """Whether ``toks[k]`` can be the last word of a subject noun phrase found to the left."""
    tab = _tab()
    t = toks[k]
    if not _is_word(t) or t.lower in tab.not_heads or fold(t.lower) in tab.time_words:
        return False
    if t.lower in tab.stop or t.lower in tab.determiners or t.lower in tab.conjunctions:
        return False
    if trained:
        return t.pos in ("NOUN", "PROPN", "ADJ", "X") or t.verbform == "Part"
    return not _blank_verb(toks, k)


def _np_right(toks: Sequence[_Tok], i: int, trained: bool) -> int:
    """End index of the noun phrase starting at ``toks[i]`` (``i`` if none)."""
    tab = _tab()
    end = i
    j = i
    prev = ""
    plural: bool | None = None  # number of the noun the next words must agree with
    while j < len(toks) and j - i < MAX_NP:
        t = toks[j]
        low = t.lower
        if not _is_word(t):
            break  # punctuation, or the next number ("votos militares y 8.410")
        if (
            not trained
            and plural
            and prev not in _DE
            and prev not in tab.conjunctions
            and low not in _DE
            and low not in tab.conjunctions
            and not low.endswith("s")
        ):
            break  # "personas viven": a plural noun's adjectives end in -s, verbs do not
        if j > i and (low in tab.adverbs or low.endswith(tab.adverb_suffix)):
            break
        if low == "y" and j + 1 < len(toks) and toks[j + 1].lower in tab.and_other:
            break
        if low in _DE:
            prev = low
            j += 1
            continue
        if low in tab.stop and low not in tab.determiners:
            break
        if j > i and low in tab.determiners and prev not in _DE and prev not in tab.conjunctions:
            break  # "unas 30 cuadras el valor cae": a new noun phrase
        if trained and t.pos in ("VERB", "AUX"):
            if not (prev in _DE or toks[j - 1].pos == "AUX" or t.verbform == "Part"):
                break
        elif not trained and j > i and prev not in _DE and _is_verb(t, False):
            break
        j += 1
        if plural is None or prev in _DE:
            plural = low.endswith("s") if low not in tab.determiners else None
        prev = low
        if low not in tab.determiners and low not in tab.conjunctions:
            end = j
    return end


def _np_left(toks: Sequence[_Tok], j: int, trained: bool) -> int:
    """Start of the noun phrase ending at ``toks[j]`` (``j + 1`` if none).

    It reaches back to its leftmost free determiner ("la tasa de paro"), over
    de-complements, and stops at punctuation, "que", a verb or a preposition that is
    not inside the phrase; without a determiner it starts at its first word.
    """
    tab = _tab()
    if j < 0 or not _head_ok(toks, j, trained):
        return j + 1
    k = j
    start = j
    while k >= 0 and j - k < MAX_NP:
        t = toks[k]
        low = t.lower
        if not _is_word(t) or low == "que" or low in tab.not_heads - tab.determiners:
            break
        if k < j and low in tab.measure:
            break  # "6.000 millones de euros y Sanidad": the unit of another amount
        if low in tab.determiners:
            if k == 0 or toks[k - 1].lower not in tab.preps_before_det:
                return k
            k -= 1
            continue
        if low in _DE or low in tab.conjunctions:
            k -= 1
            continue
        if (
            low in tab.inner_preps
            and k > 0
            and k < j
            and _head_ok(toks, k - 1, trained)
            and not _verbal(toks, k - 1, trained)
        ):
            k -= 1  # "la tasa de paro en el Gran Tucumán": a complement inside the phrase
            continue
        if low in tab.stop or (k < j and _verbal(toks, k, trained) and t.verbform != "Part"):
            break
        if low in tab.degree_adverbs and k < j:
            k -= 1  # "una eficacia muy buena"
            continue
        if (
            trained
            and t.pos in ("ADP", "SCONJ", "PRON", "ADV", "VERB", "AUX")
            and t.verbform != "Part"
        ):
            break
        if not trained and k + 2 <= j and _name_then_verb(toks, k):
            return k + 2  # "el Gobierno aprueba ayudas de N": a name, a verb, the noun
        start = k
        k -= 1
    return start


def _name_then_verb(toks: Sequence[_Tok], k: int) -> bool:
    """Without tags: a name followed by two plain lowercase words ("Gobierno aprueba
    ayudas") holds a verb after the name (a name's adjective has an adjective ending)."""
    tab = _tab()
    a, b = toks[k + 1], toks[k + 2]
    plain = tab.determiners | tab.conjunctions | _DE | tab.stop | tab.inner_preps
    return (
        toks[k].text[:1].isupper()
        and all(_is_word(t) and t.text[:1].islower() and t.lower not in plain for t in (a, b))
        and not a.lower.endswith(tab.adj_suffixes)
    )


def _result(
    toks: Sequence[_Tok], a: int, b: int, text: _Padded, rule: str
) -> dict[str, Any] | None:
    if b <= a:
        return None
    s, e = toks[a].start, toks[b - 1].end
    return {"text": " ".join(text.cut(s, e).split()), "start_char": s, "end_char": e, "rule": rule}


def find_subject(
    tokens: TokenTable,
    start_char: int,
    end_char: int,
    *,
    unit_end: int | None = None,
    sentences: Sequence[tuple[int, int]],
    unit_kind: str | None = None,
) -> dict[str, Any] | None:
    """Find what the number at ``[start_char, end_char)`` of ``tokens``' text is about.

    For one number; for every number of a document, build one :class:`Subjects` and
    call its :meth:`~Subjects.find` in text order (a later number may repeat the subject
    of an earlier one).
    """
    return Subjects(tokens).find(
        start_char, end_char, unit_end=unit_end, sentences=sentences, unit_kind=unit_kind
    )


@dataclass(frozen=True)
class _Found:
    start: int
    end: int  # end of the number, or of its unit or counted noun
    sentence: int
    subject: dict[str, Any] | None
    unit_kind: str | None = None


class Subjects:
    """Subject finding for the numbers of one document.

    Call :meth:`find` for the document's numbers in text order: a number that repeats an
    earlier one (a conversion in parentheses, the second value of a pair) takes its
    subject.

    Args:
        tokens: The document's token table (of a trained or a blank Spanish pipeline).
    """

    def __init__(self, tokens: TokenTable) -> None:
        self._table = tokens
        self._toks: list[_Tok] | None = None
        self._found: list[_Found] = []

    def find(
        self,
        start_char: int,
        end_char: int,
        *,
        unit_end: int | None = None,
        sentences: Sequence[tuple[int, int]],
        unit_kind: str | None = None,
        implicit_unit: bool = False,
    ) -> dict[str, Any] | None:
        """Find what the number at ``[start_char, end_char)`` counts or measures.

        Args:
            start_char: Offset of the number's first character.
            end_char: Offset one past its last character.
            unit_end: End of the unit or counted noun after the number, if known.
            sentences: Character spans of the doc's sentences, in order.
            unit_kind: The kind of the claim's unit (``"counted"``, ``"currency"``,
                ``"percent"``, ``"physical"``, …), if known.
            implicit_unit: Whether the unit is carried from an earlier number
                ("18,008 votos y 8.410").

        Returns:
            ``{"text", "start_char", "end_char", "rule"}`` of the subject noun phrase
            (``rule`` names the rule that found it: ``"repeat"``, ``"counted"``,
            ``"base"``, ``"of"``, ``"verb"``, ``"purpose"`` or ``"earlier"``), or None.
        """
        k = bisect_right(sentences, start_char, key=lambda span: span[0]) - 1
        sent = sentences[k] if k >= 0 else (0, start_char + 1)
        subject = self._find(start_char, end_char, unit_end, sent, unit_kind, implicit_unit, k)
        if subject is not None and any(ch.isdigit() for ch in subject["text"][:1]):
            subject = None  # an amount is not what an amount measures
        if subject is not None:
            # "11.000 euros, que equivalen a 13.000 dólares": the antecedent is an amount,
            # so the subject is that amount's own
            inside = next(
                (
                    f
                    for f in self._recent(k)
                    if f.start <= subject["start_char"] and subject["end_char"] <= f.end
                ),
                None,
            )
            if inside is not None:
                subject = None if inside.subject is None else {**inside.subject, "rule": "repeat"}
        self._found.append(_Found(start_char, unit_end or end_char, k, subject, unit_kind))
        return subject

    def _recent(self, sentence: int) -> list[_Found]:
        """The numbers already found in ``sentence``, latest first (a bounded few)."""
        out: list[_Found] = []
        for f in reversed(self._found[-MAX_RECENT:]):
            if f.sentence != sentence:
                break
            out.append(f)
        return out

    def _find(
        self,
        start_char: int,
        end_char: int,
        unit_end: int | None,
        sent: tuple[int, int],
        unit_kind: str | None,
        implicit_unit: bool,
        sent_index: int,
    ) -> dict[str, Any] | None:
        tab = _tab()
        lo = max(sent[0], start_char - 300)
        hi = min(sent[1], (unit_end or end_char) + 300)
        if self._toks is None:
            self._toks = _all_tokens(self._table)
        toks, text = _tokens(self._table, self._toks, lo, hi)
        if not toks or not isinstance(text, _Padded):
            return None
        trained = self._table.has_pos
        first = next((k for k, t in enumerate(toks) if t.end > start_char), len(toks))
        after = next((k for k, t in enumerate(toks) if t.start >= end_char), len(toks))
        earlier = next(
            (f for f in self._recent(sent_index) if f.end <= start_char),
            None,
        )
        noun_next = (
            after < len(toks)
            and _nounish(toks[after], trained)
            # without tags, a counted noun after a number is plural or a name ("97 cobran")
            and (trained or toks[after].lower.endswith("s") or toks[after].text[:1].isupper())
        )
        own_noun = unit_end is not None and unit_kind == "counted" and not implicit_unit
        if implicit_unit and noun_next:
            implicit_unit = False  # "un 1 Centro de Salud": its own counted noun
            unit_end = toks[after].end
            unit_kind = "counted"
        converted = self._repeated(toks, first, earlier, implicit_unit, own_noun, True)
        if converted is not None:
            return converted
        unit_text = text.cut(end_char, unit_end).strip().lower() if unit_end else ""
        span_text = text.cut(start_char, end_char).lower()
        measured = (
            unit_kind not in (None, "counted")  # an amount: money, a percent, a measure
            or bool(unit_text and unit_text.split()[-1] in tab.amount_words)
            or any(marker in span_text for marker in tab.measure_markers)
            or any(w in tab.measure for w in span_text.split())
            or bool(
                unit_text and (unit_text in tab.measure or unit_text.split()[-1] in tab.measure)
            )
        )
        bare_scale = span_text.split()[-1:] and span_text.split()[-1] in tab.scales
        if bare_scale and unit_end is None and after < len(toks) and toks[after].lower not in _DE:
            measured = True  # "1,4 millones sale cada día": no noun after a bare scale
        counted = None
        of_next = after < len(toks) and toks[after].lower in _DE  # "la mitad de esa cantidad"
        if (
            implicit_unit
            and not of_next
            and earlier is not None
            and earlier.subject is not None
            and earlier.unit_kind == unit_kind  # a carried unit is the earlier number's
        ):
            return {**earlier.subject, "rule": "repeat"}  # "18,008 votos y 8.410"
        if not measured and (unit_kind == "counted" or unit_end is not None):
            i = after
            while i < len(toks) and toks[i].lower in _DE:
                i += 1
            found = _result(toks, i, _np_right(toks, i, trained), text, "counted")
            if found is None and unit_end is not None:
                # "cuatro de cada diez chicos": the counted noun stands past the distributive
                k = next((k for k in range(i, len(toks)) if toks[k].end == unit_end), -1)
                if k > i:
                    i = k
                    found = _result(toks, k, _np_right(toks, k, trained), text, "counted")
            if found is not None and trained and toks[i].verbform == "Part":
                found = None  # "40.000 millones previstos para …": no noun, a participle
            if found is not None and toks[i].lower not in tab.generic_counters:
                return found
            counted = found  # "hasta 764 unidades": the subject of the verb first
        i = after
        if unit_end is not None:
            i = next((k for k, t in enumerate(toks) if t.start >= unit_end), len(toks))
        found = _base(toks, i, measured, trained, text)
        if found is None:
            found = self._repeated(toks, first, earlier, implicit_unit, own_noun, False)
        if found is None:
            found = _apposed(toks, first, i, trained, text)
        if found is None:
            found = _of_noun(toks, first, trained, text)
        if found is None:
            found = _gapped(toks, first, trained, text)
        if found is None:
            found = _verb_subject(toks, first, after, i, trained, text, self._table.has_dep)
        if found is None and unit_kind == "currency" and toks[i : i + 1] and toks[i].lower != "en":
            found = _purpose(toks, i, trained, text)  # ": $2,3 billones para las empresas"
        if found is None and toks[i : i + 1] and _participle(toks[i], trained):
            found = _purpose(toks, i, trained, text)  # "N previstos para los préstamos"
        elif found is None and trained and 0 < i <= len(toks) and toks[i - 1].verbform == "Part":
            found = _purpose(toks, i, trained, text)  # the same, "previstos" read as the unit
        if found is None:
            same = next(
                (
                    f
                    for f in self._recent(sent_index)
                    if f.end <= start_char
                    and f.subject is not None
                    and (f.unit_kind == unit_kind or unit_kind is None)
                ),
                # a share may be of an earlier count ("de nueve millones de consultas, … el
                # 60 %"); an amount of money is not what an earlier count counts
                None
                if earlier is None or (unit_kind == "currency" and _rule(earlier) == "counted")
                else earlier,
            )
            if same is not None and same.subject is not None:
                found = {**same.subject, "rule": "earlier"}
        return found if found is not None else counted

    def _repeated(
        self,
        toks: Sequence[_Tok],
        first: int,
        earlier: _Found | None,
        implicit_unit: bool,
        own_noun: bool,
        converted_only: bool,
    ) -> dict[str, Any] | None:
        """The earlier number's subject when this number repeats it.

        A conversion in parentheses right after it (``converted_only``), a carried
        unit, or the next value of a pair or list with only links between ("del 70 % al
        102 %", "4.590 y 6.586").
        """
        if earlier is None or earlier.subject is None:
            return None
        tab = _tab()
        k = first - 1
        between: list[_Tok] = []
        while k >= 0 and toks[k].end > earlier.end and len(between) <= MAX_SIBLING:
            between.append(toks[k])
            k -= 1
        if len(between) > MAX_SIBLING:
            return None
        words = [t.lower for t in between if _is_word(t)]
        signs = [t.text for t in between if not _is_word(t)]  # right to left
        links_only = all(w in tab.value_links or w in tab.sibling_links for w in words)
        converted = bool(signs) and signs[0] in ("(", "[") and links_only and len(signs) == 1
        if converted or (implicit_unit and links_only and set(signs) <= {","}):
            return {**earlier.subject, "rule": "repeat"}
        if converted_only or own_noun:
            return None  # "141 votos a favor y 35 abstenciones": each its own counted noun
        if links_only and set(signs) <= {",", ";"}:
            return {**earlier.subject, "rule": "repeat"}
        return None


def _base(
    toks: Sequence[_Tok], i: int, measured: bool, trained: bool, text: _Padded
) -> dict[str, Any] | None:
    """ "millones de proyectiles", "el 15% de los inversores", "el 9 % de las 1,5 millones
    de mipymes" -> what the number is a part or a count of, after it."""
    tab = _tab()
    if i < len(toks) and toks[i].lower in _DE:
        i += 1
        if i < len(toks) and toks[i].lower in tab.measure:
            i += 1
            if i < len(toks) and toks[i].lower in _DE:
                i += 1
        # "de las 3.851 grandes compañías": the base's own number is not part of it
        j = i
        while j < len(toks) and j - i < 4 and toks[j].lower in tab.determiners:
            j += 1
        if j + 2 < len(toks) and toks[j].lower in tab.distributives:
            # "cuatro de cada diez chicos": the noun after the distributive's number
            end = _np_right(toks, j + 2, trained)
            if end > j + 2 and _nounish(toks[j + 2], trained):
                return _result(toks, j + 2, end, text, "base")
        if j < len(toks) and _is_number(toks[j]):
            m = j
            while (
                m < len(toks)
                and m - j < 6
                and (
                    _is_number(toks[m])
                    or not _is_word(toks[m])
                    or toks[m].lower in tab.stop
                    or toks[m].lower in _DE
                )
            ):
                m += 1
            if m > j and m < len(toks) and _nounish(toks[m], trained):
                end = _np_right(toks, m, trained)
                if end > m:
                    return _result(toks, m, end, text, "base")
        if i < len(toks) and _is_word(toks[i]):
            end = _np_right(toks, i, trained)
            if end > i and toks[i].lower not in tab.measure:
                return _result(toks, i, end, text, "base")
    elif (
        not measured
        and i < len(toks)
        and _nounish(toks[i], trained)
        and not _participle(toks[i], trained)
        and toks[i].lower not in tab.generic_counters
    ):
        end = _np_right(toks, i, trained)
        if end > i and toks[i].lower not in tab.measure and toks[i].lower not in tab.stop:
            return _result(toks, i, end, text, "counted")
    return None


def _link_left(toks: Sequence[_Tok], first: int) -> tuple[int, bool]:
    """Step left from the number over qualifiers, articles and prepositions.

    Returns the index of the first other token (``-1`` if none) and whether a "de" or
    "por" was stepped over ("un paquete de", "convenios por más de").
    """
    tab = _tab()
    k = first - 1
    via_de = False
    while (
        k >= 0
        and first - k <= MAX_LINK
        and (toks[k].lower in tab.value_links or toks[k].text in tab.quotes)
    ):
        via_de = via_de or toks[k].lower in _DE or toks[k].lower == "por"
        k -= 1
    return k, via_de


def _of_noun(
    toks: Sequence[_Tok], first: int, trained: bool, text: _Padded
) -> dict[str, Any] | None:
    """ "un paquete de N" -> "un paquete"; "una población de unos N" -> "una población"."""
    k, via_de = _link_left(toks, first)
    if k < 0 or not via_de or _verbal(toks, k, trained) or not _head_ok(toks, k, trained):
        return None
    start = _np_left(toks, k, trained)
    return _result(toks, start, k + 1, text, "of")


def _gapped(
    toks: Sequence[_Tok], first: int, trained: bool, text: _Padded
) -> dict[str, Any] | None:
    """The subject of a clause whose verb is left out: "… y los homicidios en un 20 %"."""
    tab = _tab()
    k, via_de = _link_left(toks, first)
    if k < 1 or via_de or k == first - 1:
        return None
    if not _head_ok(toks, k, trained) or _verbal(toks, k, trained):
        return None
    start = _np_left(toks, k, trained)
    if start > k or start == 0 or toks[start - 1].lower not in tab.conjunctions:
        return None
    return _result(toks, start, k + 1, text, "verb")


def _verb_subject(
    toks: Sequence[_Tok],
    first: int,
    after_number: int,
    after: int,
    trained: bool,
    text: _Padded,
    parsed: bool,
) -> dict[str, Any] | None:
    """The subject of the verb the number completes, or what the amount is for.

    "La inflación se situó en el 3,2 %" -> "La inflación"; "el salario en enero de 2016
    era de N" -> "el salario" (the time phrase stepped over); "destinará N a la
    reconstrucción" -> "la reconstrucción" (not a measure verb: the purpose first).
    """
    tab = _tab()
    v, _ = _link_left(toks, first)
    if v < 0 or not _verbal(toks, v, trained):
        return None
    if not _is_measure_verb(toks, v, trained):
        purpose = _purpose(toks, after, trained, text)
        if purpose is not None:
            return purpose
    j = v - 1
    while (
        j >= 0
        and v - j <= MAX_LINK
        and (toks[j].lower in tab.verb_particles or (trained and toks[j].pos == "AUX"))
    ):
        j -= 1
    adjacent = j >= 0 and _head_ok(toks, j, trained)
    if parsed and not adjacent:
        found = _parsed_subject(toks, v, (first, after_number), text)
        if found is not None:
            return found
    if j > 0 and toks[j].lower == "que":
        j -= 1  # "una inversión que suma N": the relative's antecedent
    j = _skip_time_left(toks, j)
    if j < 0:
        return None
    start = _np_left(toks, j, trained)
    m = start - 1
    while m >= 0 and (toks[m].lower in tab.determiners or toks[m].lower in _DE):
        m -= 1
    if (
        start <= j
        and m >= 0
        and (
            (m < start - 1 and toks[m].lower in tab.preps_before_det)
            or toks[m].lower in tab.inner_preps
        )
    ):
        # "en los de corta distancia se situó": a place, not the subject
        return _parsed_subject(toks, v, (first, after_number), text) if parsed else None
    if start <= j and m >= 0 and _verbal(toks, m, trained) and toks[m].lower not in tab.stop:
        # "el Fondart que financió el proyecto es de N": the object of a relative clause
        if parsed:
            return _parsed_subject(toks, v, (first, after_number), text)
        q = m - 1
        while q >= 0 and m - q <= 2 and toks[q].lower in tab.verb_particles:
            q -= 1
        if q > 0 and toks[q].lower == "que":
            a = _np_left(toks, q - 1, trained)
            return _result(toks, a, q, text, "verb")
        return None
    return _result(toks, start, j + 1, text, "verb")


def _skip_time_left(toks: Sequence[_Tok], j: int) -> int:
    """Step left over a time phrase ending at ``toks[j]`` ("a fines de 2015", "en 2019")."""
    tab = _tab()
    k = j
    saw_time = False
    while k >= 0 and j - k < MAX_LINK:
        t = toks[k]
        if _is_number(t) or fold(t.lower) in tab.time_words:
            saw_time = True
        elif t.lower not in tab.time_preps:
            break
        k -= 1
    if not saw_time:
        return j
    # the phrase must open with a preposition or a determiner ("en enero de", "este año")
    m = k + 1
    while m <= j and toks[m].lower not in tab.time_preps:
        m += 1
    return k if m == k + 1 else j


def _purpose(
    toks: Sequence[_Tok], after: int, trained: bool, text: _Padded
) -> dict[str, Any] | None:
    """What an amount is for: "N para el pago de la vacuna", "N a medicamentos"."""
    tab = _tab()
    if after < len(toks) and _participle(toks[after], trained):
        after += 1  # "N previstos para los préstamos"
    for link in tab.purpose_links:
        n = len(link)
        if tuple(t.lower for t in toks[after : after + n]) != link:
            continue
        i = after + n
        while i < len(toks) and toks[i].lower in tab.determiners:
            i += 1
        if i < len(toks) and _is_number(toks[i]):
            # "N para el 9 % de las mipymes": the base of the share it is for
            m = i
            while (
                m < len(toks)
                and m - i < 4
                and (_is_number(toks[m]) or toks[m].lower in tab.measure or not _is_word(toks[m]))
            ):
                m += 1
            return _base(toks, m, True, trained, text)
        if i >= len(toks) or not _nounish(toks[i], trained):
            return None
        if link == ("en",) and toks[i].text[:1].isupper():
            return None  # "el 42 % en Francia": a place, not what it is spent on
        if fold(toks[i].lower) in tab.time_words or _is_number(toks[i]):
            return None
        start = after + n
        end = _np_right(toks, start, trained)
        if end > i:
            return _result(toks, start, end, text, "purpose")
        return None
    return None


def _rule(found: _Found) -> str | None:
    """The rule that found the subject of ``found`` (``None`` if it has none)."""
    return None if found.subject is None else found.subject.get("rule")


def _participle(t: _Tok, trained: bool) -> bool:
    if trained:
        return t.verbform == "Part"
    return t.lower.endswith(_tab().participle_endings)


def _apposed(
    toks: Sequence[_Tok], first: int, after: int, trained: bool, text: _Padded
) -> dict[str, Any] | None:
    """A bare number in parentheses after a noun is its value: "el padrón (15,4 millones)"."""
    tab = _tab()
    k = first - 1
    while k >= 0 and first - k <= MAX_LINK and toks[k].lower in tab.value_links:
        k -= 1
    if k < 1 or toks[k].text not in ("(", "[", ","):
        return None
    if toks[k].text == "," and (after >= len(toks) or toks[after].text not in (",", ")")):
        return None  # "una eficacia muy buena, 79,9 por ciento, en …": between commas only
    j = k - 1
    if not _head_ok(toks, j, trained) or _verbal(toks, j, trained):
        return None
    if toks[j].lower in tab.measure or _is_number(toks[j - 1]):
        return None  # "1.000 soles peruanos (unos 244 euros)": a conversion, not a value
    return _result(toks, _np_left(toks, j, trained), j + 1, text, "of")


def _parsed_subject(
    toks: Sequence[_Tok], v: int, number: tuple[int, int], text: _Padded
) -> dict[str, Any] | None:
    """The ``nsubj`` of the verb at ``toks[v]`` from the parse, cut to its noun phrase.

    A relative pronoun subject ("una inversión que suma N") stands for the noun the
    relative clause hangs from.
    """
    base = toks[0].row
    row = toks[v].row
    # the verb itself, or the head of an auxiliary or copula
    heads = {row}
    if toks[v].dep in ("cop", "aux", "aux:pass") and toks[v].head >= 0:
        heads.add(toks[v].head)
    for k, t in enumerate(toks):
        if t.head in heads and t.dep in _SUBJECT_DEPS and t.row != t.head:
            if number[0] <= k < number[1]:
                return None  # "Le siguen 24,8 billones": the number is the subject
            if t.lower == "que" and t.pos == "PRON":
                clause = toks[v].head if toks[v].dep in ("cop", "aux", "aux:pass") else row
                local = clause - base
                if 0 <= local < len(toks) and toks[local].dep.startswith("acl"):
                    noun = toks[local].head - base
                    if 0 <= noun < len(toks) and _head_ok(toks, noun, True):
                        return _result(toks, _np_left(toks, noun, True), noun + 1, text, "verb")
                return None
            if t.pos in ("PRON", "DET") or not _head_ok(toks, k, True):
                return None
            start = _np_left(toks, k, True)
            end = k + 1
            # keep its adjectives and de-complements, up to a relative clause or a comma
            m = k + 1
            while m < len(toks) and m - k < MAX_NP:
                h = toks[m]
                if not _in_subtree(toks, m, t.row, base) or not _is_word(h):
                    break
                if h.lower == "que" or h.pos in ("VERB", "AUX", "PRON", "SCONJ"):
                    break
                if fold(h.lower) in _tab().time_words:
                    break  # "el salario medio en enero de 2020 era": no time phrase
                if h.pos in ("NOUN", "PROPN", "ADJ", "NUM"):
                    end = m + 1
                m += 1
            return _result(toks, start, end, text, "verb")
    return None


def _in_subtree(toks: Sequence[_Tok], k: int, root: int, base: int) -> bool:
    """Whether ``toks[k]`` hangs (within a few links) under the table row ``root``."""
    row = toks[k].row
    for _ in range(MAX_NP):
        if row == root:
            return True
        local = row - base
        if local < 0 or local >= len(toks):
            return False
        head = toks[local].head
        if head < 0 or head == row:
            return False
        row = head
    return False
