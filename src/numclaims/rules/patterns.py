"""Regex building blocks made from the word lists of the data (pure: no spaCy)."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from .text import fold

__all__ = ["any_of", "any_of_folded"]


def any_of(words: Iterable[str], space: str = r"\s+") -> str:
    """A regex alternation of ``words``, longest first, each taken literally; the spaces
    inside a phrase match ``space``.

    Longest first, so that "de las cuales" is tried before "de"; ties in a fixed order, so
    that the pattern is the same in every process.

    Example:
        >>> any_of(["de", "frente a", "del"])
        'frente\\\\s+a|del|de'
    """
    phrases = sorted(set(words), key=lambda p: (-len(p), p))
    return "|".join(space.join(regex.escape(w) for w in p.split()) for p in phrases)


def any_of_folded(words: Iterable[str]) -> str:
    """:func:`any_of` of the words folded (:func:`~numclaims.rules.text.fold`: lower case,
    no accents), for matching folded text.

    Example:
        >>> any_of_folded(["Más", "mas", "menos"])
        'menos|mas'
    """
    return any_of(fold(w) for w in words)
