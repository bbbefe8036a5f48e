"""How firmly a sentence asserts a number: asserted, hedged or negated.

Pure language rules (text in, label out; no spaCy). The cues (hedges such as
"se cree", "previsiblemente"; negations; the verbs that a conditional ending
"-ría(n)" does not make a guess) are in ``lang/es/qualifiers.json``. Each call
reads only the sentence of the numeral, at most 300
characters on either side of it.

* **negated**: a negation governs the verb right before the number, in the same
  clause ("la lluvia *no superó* los 15 litros", "*nunca* hubo 300 plazas");
* **hedged**: a hedge anywhere before the number in its sentence ("*se cree*
  que unos 500…", "*según estimaciones*, 2.000…"), or a conditional verb in
  the same sentence before it or in its clause after it ("*podrían* contener
  hasta 4,8 millones", "300 personas *habrían* muerto");
* **asserted** otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..lang import table
from .patterns import any_of
from .text import fold_keep_length

__all__ = ["MODALITIES", "ModalityMatch", "detect_modality", "is_conditional"]

#: The modality labels.
MODALITIES = ("asserted", "hedged", "negated")

_REACH = 300  # characters read on either side of the number, within its sentence
_NEGATION_REACH = 6  # words between the negation and the number
_WORD = regex.compile(r"[\p{L}\p{M}]++")
# a word that may be a conditional ("-ía", "-ían", …), with the word before it
_CANDIDATE = regex.compile(
    r"(?<![\p{L}\p{M}])(?:(?P<prev>[\p{L}\p{M}]++)[^\p{L}\p{M}]++)?"
    r"(?<![\p{L}\p{M}])(?P<word>[\p{L}\p{M}]*í(?:a|as|amos|ais|an))(?![\p{L}\p{M}])",
    regex.IGNORECASE,
)
_CLAUSE_BREAK = regex.compile(r"[,;:()«»“”\"—–]")


@dataclass(frozen=True)
class ModalityMatch:
    """The modality of a numeral and the cue that decided it.

    Attributes:
        label: One of :data:`MODALITIES`.
        cue: The cue as written ("podrían", "no"), or ``None`` when asserted.
        start: Offset of the cue, or ``-1``.
        end: Offset just past the cue, or ``-1``.
    """

    label: str
    cue: str | None = None
    start: int = -1
    end: int = -1


@lru_cache(maxsize=1)
def _tables() -> tuple[
    regex.Pattern[str],
    regex.Pattern[str],
    frozenset[str],
    frozenset[str],
    frozenset[str],
    frozenset[str],
    tuple[str, ...],
    tuple[str, ...],
]:
    data = table("qualifiers")

    def alternation(cues: Iterable[str]) -> str:
        return any_of(fold_keep_length(c) for c in cues)

    hedges = regex.compile(r"(?<![\w])(?:" + alternation(data["hedges"]) + r")(?!\w)")
    negations = regex.compile(r"(?<![\w])(?:" + alternation(data["negations"]) + r")(?!\w)")
    exclusions = data["conditional_exclusions"]
    return (
        hedges,
        negations,
        frozenset(w.lower() for w in data["negation_exclusions"]),
        frozenset(exclusions["words"]),
        frozenset(exclusions["imperfect_stems"]),
        frozenset(data["conditional_blockers"]),
        tuple(data["conditional_irregular_stems"]),
        tuple(sorted(data["conditional_endings"], key=len, reverse=True)),
    )


@lru_cache(maxsize=1)
def _infinitive_endings() -> tuple[str, ...]:
    return tuple(table("qualifiers")["conditional_exclusions"]["infinitive_endings"])


def is_conditional(word: str, previous: str | None = None) -> bool:
    """Whether ``word`` is a conditional verb form ("podrían", "caería", "habría").

    ``previous`` is the word before it: after a determiner or preposition
    ("la secretaría", "de artillería") a "-ría" word is a noun.

    Example:
        >>> is_conditional("podrían"), is_conditional("artillería"), is_conditional("quería")
        (True, False, False)
    """
    w = word.lower()
    if "í" not in w:
        return False  # every conditional ending carries the accent: "-ía", "-ían"
    _, _, _, nouns, imperfect, blockers, irregular, endings = _tables()
    if w in nouns or (previous is not None and previous.lower() in blockers):
        return False
    for ending in endings:
        if not w.endswith(ending) or len(w) <= len(ending) + 2:
            continue
        stem = w[: -len(ending)]
        if stem.endswith(irregular):
            return True
        if stem.endswith(_infinitive_endings()):
            # "quería", "prefería" are imperfects of querer, preferir, not conditionals
            return stem not in imperfect
        return False
    return False


def detect_modality(
    text: str, start: int, end: int, *, sent_start: int = 0, sent_end: int | None = None
) -> ModalityMatch:
    """The modality of the numeral at ``text[start:end]`` in its sentence.

    Args:
        text: The whole text.
        start: Offset of the numeral.
        end: Offset just past it.
        sent_start: Offset where its sentence starts.
        sent_end: Offset where its sentence ends (the end of ``text`` if ``None``).

    Example:
        >>> t = "Los contenedores podrían contener hasta 4,8 millones de proyectiles."
        >>> detect_modality(t, t.index("4,8"), t.index("4,8") + 3).cue
        'podrían'
    """
    hedges, negations, neg_exclusions, *_ = _tables()
    sent_end = len(text) if sent_end is None else sent_end
    lo = max(sent_start, start - _REACH)
    hi = min(sent_end, end + _REACH)
    before = text[lo:start]
    folded = fold_keep_length(before)

    # negation: in the last clause before the number, a few words at most
    clause_from = 0
    for m in _CLAUSE_BREAK.finditer(before):
        clause_from = m.end()
    clause_from = max(clause_from, len(before) - 16 * _NEGATION_REACH)
    words = list(_WORD.finditer(folded, clause_from))[-_NEGATION_REACH - 1 :]
    for neg in negations.finditer(folded, words[0].start() if words else len(folded)):
        # exclusions are compared with their accents: "no sé" is one, "no se registraron" not
        tail = before[neg.start() : neg.start() + 16].lower()
        if any(
            tail.startswith(x) and not tail[len(x) : len(x) + 1].isalpha() for x in neg_exclusions
        ):
            continue
        s, e = lo + neg.start(), lo + neg.end()
        return ModalityMatch("negated", text[s:e], s, e)

    found = hedges.search(folded)
    if found is not None:
        s, e = lo + found.start(), lo + found.end()
        return ModalityMatch("hedged", text[s:e], s, e)
    after = text[end:hi]
    cut = _CLAUSE_BREAK.search(after)
    after = after[: cut.start()] if cut is not None else after
    for offset, part in ((lo, before), (end, after)):
        for m in _CANDIDATE.finditer(part, overlapped=True):
            if is_conditional(m.group("word"), m.group("prev")):
                return ModalityMatch(
                    "hedged", m.group("word"), offset + m.start("word"), offset + m.end("word")
                )
    return ModalityMatch("asserted")
