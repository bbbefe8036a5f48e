"""Text folding: the one place where case and accents are dropped for lookups (pure).

:func:`fold` is for words looked up in the data tables ("Millón" → "millon");
:func:`fold_keep_length` folds a whole text one character for one character, so that an
offset in the folded text is an offset in the original ("Más de" → "mas de").
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["fold", "fold_keep_length"]


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lowercase ``word`` and strip its accents ("Millón" -> "millon").

    Example:
        >>> fold("Millón"), fold("AÑOS")
        ('millon', 'anos')
    """
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=4096)
def _fold_char(ch: str, keep: str) -> str:
    if ch in keep:
        return ch.lower() if len(ch.lower()) == 1 else ch
    f = fold(ch)
    return f if len(f) == 1 else ch


def fold_keep_length(text: str, keep: str = "") -> str:
    """Lowercase ``text`` and strip accents, one character for one character.

    Offsets in the result are offsets in ``text`` ("Más de" -> "mas de"); a
    character whose folded form is not one character is kept as it is, and so is
    (lowercased) every character of ``keep``.

    Example:
        >>> fold_keep_length("Más de"), fold_keep_length("AÑOS", keep="ñÑ")
        ('mas de', 'años')
    """
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(ch, keep) for ch in text)
