"""A cheap test for "this text may hold a number" (pure: no spaCy).

:func:`may_have_numbers` runs one compiled pattern over the text: any digit (``\\p{N}``,
so "½" and "²" too), or any word of the numeral grammar of ``lang/es/numbers.json``
(number words, scale words, fractions, halves, ordinals, vague magnitudes, counting
nouns), matched whole, in any case and with or without accents. A text where it finds
nothing has no numeric mention the scanner would turn into a claim or a number record,
so the pipeline skips the scan, the subjects and the speakers for it.

The articles "un", "una", "uno" are number words too, but alone they are a claim only
after a qualifier ("al menos uno"): for them the qualifier is checked, at each one.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from ..lang import table
from .numerals import lexicon
from .patterns import any_of
from .qualifiers import match_qualifier

__all__ = ["may_have_numbers", "number_words"]


@lru_cache(maxsize=1)
def number_words() -> tuple[frozenset[str], frozenset[str]]:
    """The folded words that make a text a candidate, and the article forms.

    The words are those the scanner starts a mention at: the number words of the numeral
    grammar (:meth:`~numclaims.rules.numerals.Lexicon.is_number_word`), the ordinals, the
    vague magnitudes and the counting nouns ("docena").
    """
    lex = lexicon()
    raw = table("numbers")
    articles = frozenset(w.casefold() for w in raw["article_forms"])
    words = {w for w in lex.classes if lex.is_number_word(w)}
    words |= {*lex.ordinals, *lex.vague, *(w.casefold() for w in raw["collective_numbers"])}
    return frozenset(words) - articles, articles


def _accented(ch: str) -> str:
    """A character class of the vowel ``ch`` and its acute form ("o" -> "[oó]"); any other
    character as it is. The number words carry no other accent than the acute."""
    composed = unicodedata.normalize("NFC", ch + "\u0301")
    return f"[{ch}{composed}]" if ch in "aeiou" and len(composed) == 1 else regex.escape(ch)


def _word_pattern(words: frozenset[str]) -> str:
    """``any_of(words)``, each vowel matching its accented form too."""
    return "".join(_accented(ch) if ch.isalpha() else ch for ch in any_of(words))


#: A digit of any script ("7", "½", "²"), or a combining mark: a decomposed accent may hide a
#: number word from the word pattern, so such a text is always a candidate.
_DIGIT_OR_MARK = regex.compile(r"[\p{N}\u0300-\u036f]")


@lru_cache(maxsize=1)
def _patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The number words and the articles, compiled on the first text without digits."""
    words, articles = number_words()
    before, after = r"(?<!\p{L})", r"(?!\p{L})"
    candidate = regex.compile(rf"{before}(?:{_word_pattern(words)}){after}", regex.IGNORECASE)
    article = regex.compile(rf"{before}(?:{_word_pattern(articles)}){after}", regex.IGNORECASE)
    return candidate, article


def may_have_numbers(text: str) -> bool:
    """Whether ``text`` may hold a numeric mention; ``False`` means it surely holds none.

    Example:
        >>> may_have_numbers("Llegaron doscientas personas."), may_have_numbers("Llovió.")
        (True, False)
        >>> may_have_numbers("Había una vez"), may_have_numbers("Al menos una llegó.")
        (False, True)
    """
    if _DIGIT_OR_MARK.search(text) is not None:
        return True
    candidate, article = _patterns()
    if candidate.search(text) is not None:
        return True
    return any(match_qualifier(text, m.start(), m.end()) for m in article.finditer(text))
