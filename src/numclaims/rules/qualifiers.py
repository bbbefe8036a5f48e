"""Qualifier cues around a numeral: "al menos 10.000", "hasta 4,8 millones", "500 o más".

Pure language rules (text in, label out; no spaCy). The cues are a data table,
``lang/es/qualifiers.json``; each lookup reads a bounded window next to the
numeral, so its cost does not depend on the length of the text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

import regex

from ..lang import table
from .patterns import any_of
from .text import fold, fold_keep_length

__all__ = [
    "LABELS",
    "QualifierMatch",
    "bounds",
    "change_verb_before",
    "match_qualifier",
    "negated_label",
]

#: The qualifier labels, in the order of the data table.
LABELS = ("approx", "at_least", "at_most", "more_than", "less_than")

_WINDOW = 64


@dataclass(frozen=True)
class QualifierMatch:
    """A qualifier cue found next to a numeral.

    Attributes:
        label: One of :data:`LABELS`.
        start: Offset of the cue in the text.
        end: Offset just past the cue.
        text: The cue as written ("Al menos", "cerca del").
    """

    label: str
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def _data() -> Mapping[str, Any]:
    return table("qualifiers")


@lru_cache(maxsize=1)
def _money_symbols() -> frozenset[str]:
    """The currency symbols and codes written before an amount, folded ("us$", "cop")."""
    return frozenset(
        fold_keep_length(sym) for cur in table("units")["currency_before"] for sym in cur["symbols"]
    )


def _cue_pattern(cue: str) -> str:
    words = fold(cue).split()
    return r"\s+".join(regex.escape(w) for w in words)


@lru_cache(maxsize=1)
def _patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], dict[str, str]]:
    data = _data()
    table = data["qualifiers"]
    label_of: dict[str, str] = {}
    for side in ("pre", "post"):
        for label, cues in table[side].items():
            for cue in cues:
                label_of.setdefault(f"{side}:{' '.join(fold(cue).split())}", label)
    articles = "|".join(regex.escape(fold(a)) for a in data["articles"])
    pre_alts: list[tuple[str, int]] = []
    for cues in table["pre"].values():
        for cue in cues:
            words = fold(cue).split()
            alt = _cue_pattern(cue)
            contraction = data["contractions"].get(words[-1])
            if contraction is not None:
                head = r"\s+".join(regex.escape(w) for w in words[:-1])
                sep = head + r"\s+" if head else ""
                alt = f"(?:{alt}|{sep}{regex.escape(contraction)})"
            pre_alts.append((alt, len(cue)))
    pre_alts.sort(key=lambda a: -a[1])
    # a currency written before the numeral may stand between ("más de US$ 35 mil millones")
    money = any_of(_money_symbols())
    pre = regex.compile(
        r"(?<![\w.])(?P<cue>" + "|".join(a for a, _ in pre_alts) + r")"
        r"(?:\s++(?:del|de|al)(?!\w))?+(?:\s++(?:" + articles + r"))?+"
        r"(?:\s++(?:" + money + r"))?+\s*+$"
    )
    post_multi: list[str] = []
    post_single: list[str] = []
    closing = {fold(c) for c in data["post_closing_only"]}
    for cues in table["post"].values():
        for cue in cues:
            (post_single if fold(cue) in closing else post_multi).append(cue)
    multi = "|".join(_cue_pattern(c) for c in sorted(post_multi, key=len, reverse=True))
    single = "|".join(_cue_pattern(c) for c in sorted(post_single, key=len, reverse=True))
    # up to five words (the counted noun, "de euros", "brutos al mes") may stand between
    # numeral and cue, none of them a number, a sentence or a clause break; a cue that is also an
    # adjective ("mínimo") must follow the numeral or its noun and close the phrase, so
    # "1.000 euros de salario mínimo" has no cue
    word = r"[ \t\u00a0]*+[\p{L}\p{M}_%€$°/²³-]++(?:\.[\p{L}\p{M}]++)*+"
    sep = r"[ \t\u00a0]*+,?[ \t\u00a0]*+"
    post = regex.compile(
        rf"^(?:(?:{word}){{0,5}}?{sep}(?P<cue>{multi})(?!\w)"
        rf"|(?:{word})??{sep}(?P<cue>{single})(?=[ \t\u00a0]*+(?:[,.;:)]|$)))"
    )
    return pre, post, label_of


def match_qualifier(text: str, start: int, end: int) -> QualifierMatch | None:
    """Find the qualifier cue of the numeral at ``text[start:end]``.

    A cue before the numeral wins over one after it. An article, or the
    contractions "del"/"al", may stand between a cue and the numeral
    ("casi el 40 %", "cerca del 30 %", "no superó los 15").

    Args:
        text: The whole text.
        start: Offset of the numeral.
        end: Offset just past the numeral.

    Returns:
        The cue, or ``None`` when the numeral has none.

    Example:
        >>> match_qualifier("Llegaron al menos 300 personas.", 18, 21).label
        'at_least'
        >>> match_qualifier("Eran 300 personas o más.", 5, 8).text
        'o más'
    """
    pre, post, label_of = _patterns()
    lo = max(0, start - _WINDOW)
    before = fold_keep_length(text[lo:start])
    m = pre.search(before)
    if m is not None:
        cue = " ".join(m.group("cue").split())
        label = label_of.get(f"pre:{cue}")
        if label is None:  # a contraction: "cerca del" is "cerca de"
            for short, long in _data()["contractions"].items():
                if cue.endswith(long):
                    label = label_of.get(f"pre:{cue[: -len(long)] + short}")
                    break
        if label is not None:
            s, e = lo + m.start("cue"), lo + m.end("cue")
            if not (fold(cue) in _endpoint_cues() and change_verb_before(text, s)):
                return QualifierMatch(label=label, start=s, end=e, text=text[s:e])
            return None  # "subió un 1,2 % hasta los 11.500": where the rise ended
    after = fold_keep_length(text[end : end + _WINDOW])
    m = post.search(after)
    if m is not None and _numeral_follows(after, m.end("cue")):
        m = None  # "magnitud 7,1 dejó al menos 34": the cue is the next numeral's
    if m is not None:
        cue = " ".join(m.group("cue").split())
        label = label_of.get(f"post:{cue}")
        if label is not None:
            s, e = end + m.start("cue"), end + m.end("cue")
            return QualifierMatch(label=label, start=s, end=e, text=text[s:e])
    return None


@lru_cache(maxsize=1)
def _next_numeral_re() -> regex.Pattern[str]:
    """A numeral (digits, a currency before digits) right after a cue, past an article."""
    data = _data()
    articles = any_of(fold(a) for a in data["articles"])
    links = any_of([*data["contractions"], *data["contractions"].values()])
    return regex.compile(
        rf"[ \t\u00a0]*+(?:(?:{links})[ \t\u00a0]++)?(?:(?:{articles})[ \t\u00a0]++)?"
        r"(?:[$€£]|us\$)?[ \t\u00a0]*+\d"
    )


_NEXT_WORDS = regex.compile(r"[ \t\u00a0]*+([\p{L}\p{M}]++)(?:[ \t\u00a0]++([\p{L}\p{M}]++))?")


def _numeral_follows(folded: str, pos: int) -> bool:
    """Whether a numeral follows a post cue at once ("dejó al menos 34", "como máximo un
    salario"): then the cue is that numeral's, not the one before it."""
    if _next_numeral_re().match(folded, pos, min(len(folded), pos + 24)) is not None:
        return True
    m = _NEXT_WORDS.match(folded, pos, min(len(folded), pos + 40))
    if m is None:
        return False
    from .numerals import lexicon  # the numerals import nothing of the qualifiers

    lex = lexicon()
    data = _data()
    skip = {*data["contractions"], *data["contractions"].values(), "de"}
    words = [w for w in m.groups() if w]
    if words and words[0] in skip:
        words = words[1:]
    return bool(words) and lex.is_number_word(words[0])


@lru_cache(maxsize=1)
def _change_forms() -> frozenset[str]:
    """Every form of the verbs of change or movement, folded (no conditionals)."""
    from .modality import is_conditional

    data = _data()["change_verbs"]
    inflection = table("reporting_verbs")["inflection"]
    forms: set[str] = {fold(f) for f in data["irregular"]}
    for lemma in data["regular"]:
        stem, ending = lemma[:-2], lemma[-2:]
        for suffix in inflection[ending]:
            form = stem + suffix
            if not is_conditional(form):
                forms.add(fold(form))
    return frozenset(forms)


@lru_cache(maxsize=1)
def _endpoint_cues() -> frozenset[str]:
    return frozenset(fold(c) for c in _data()["change_verbs"]["endpoint_cues"])


_CLAUSE_STOP = regex.compile(r"[.;:()«»“”\"¿?¡!]")
_TOKEN = regex.compile(r"[\p{L}\p{M}]++|\d[\d.,]*+|[%$€]")


def change_verb_before(text: str, pos: int, reach: int | None = None) -> bool:
    """Whether a verb of change or movement stands among the last few words before ``pos``,
    in the same clause ("se triplicaron hasta", "subió un 1,2 % hasta", "pasó de").

    Commas may stand between ("subieron 29,5 %, hasta 764"); a full stop, a colon or a
    parenthesis may not. ``reach`` is the number of words read (the data's default).

    Example:
        >>> t = "El Ibex subió un 1,2 % hasta los 11.500 puntos."
        >>> change_verb_before(t, t.index("hasta")), change_verb_before(t, 4)
        (True, False)
    """
    n = int(_data()["change_verbs"]["reach"]) if reach is None else reach
    window = text[max(0, pos - 16 * (n + 1)) : pos]
    cut = 0
    for stop in _CLAUSE_STOP.finditer(window):
        cut = stop.end()
    window = window[cut:]
    words = [fold(w.group()) for w in _TOKEN.finditer(window)][-(n + 2) :]
    # "subió un 1,2 %": the amount of the change does not count against the reach
    content = [w for w in words if not (w[:1].isdigit() or w in "%$€")]
    forms = _change_forms()
    return any(w in forms for w in content[-n:])


def negated_label(label: str) -> str:
    """The bound a negation makes of a qualifier: "no más de 10" is at most 10, "no menos
    de 10" at least 10; "approx" is left as it is.

    Example:
        >>> negated_label("more_than"), negated_label("less_than")
        ('at_most', 'at_least')
    """
    flipped = {
        "more_than": "at_most",
        "at_least": "less_than",
        "less_than": "at_least",
        "at_most": "more_than",
    }
    return flipped.get(label, label)


def bounds(label: str, value: Decimal) -> tuple[Decimal | None, Decimal | None]:
    """The ``(value_min, value_max)`` that a qualifier gives a value.

    "al menos"/"más de" give a lower bound, "hasta"/"menos de" an upper one,
    "unos" (approx) neither: an approximate value has no hard bound.

    Example:
        >>> bounds("at_most", Decimal("4800000"))
        (None, Decimal('4800000'))
    """
    if label in ("at_least", "more_than"):
        return value, None
    if label in ("at_most", "less_than"):
        return None, value
    return None, None
