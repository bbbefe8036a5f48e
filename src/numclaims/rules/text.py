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


_MAX_TABLE = 1 << 16


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table that folds each character on first sight."""

    def __init__(self, keep: str) -> None:
        super().__init__()
        self.keep = keep

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in self.keep:
            low = ch.lower()
            out = low if len(low) == 1 else ch
        else:
            f = fold(ch)
            out = f if len(f) == 1 else ch
        if len(self) < _MAX_TABLE:  # bounded whatever the text's alphabet
            self[code] = out
        return out


_TABLES: dict[str, _FoldTable] = {}


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
    table = _TABLES.get(keep)
    if table is None:
        table = _TABLES.setdefault(keep, _FoldTable(keep))
    return text.translate(table)
