"""The token table: the parse of a text as plain columns, which subjects and speakers read.

One row per non-space token, in order: its text, lower form and character offsets, and,
where the pipeline gives them, its part of speech, verb form, lemma, dependency label and
head. The spaCy layer builds it once per doc (:func:`numclaims.pipeline.tokens.doc_table`,
from ``Doc.to_array``); :meth:`TokenTable.from_text` builds one without spaCy, for the
rules alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

__all__ = ["TokenTable"]

# a word (letters and marks, with inner hyphens or apostrophes), a digit run, or one sign
# (the separators \x1c-\x1f are spaces for str.isspace, as for spaCy, though not for \s)
_WORD_RE = regex.compile(
    r"\p{L}[\p{L}\p{M}]*+(?:['’\-]\p{L}[\p{L}\p{M}]*+)*+|\d++|[^\s\x1c-\x1f\p{L}\d]"
)


@dataclass(frozen=True)
class TokenTable:
    """A text's tokens as columns (row ``k`` of each column is token ``k``).

    Attributes:
        text: The whole text.
        starts: Offset of each token's first character.
        ends: Offset one past each token's last character.
        words: Each token's text.
        lower: Each token's text, lowercased.
        pos: Universal part-of-speech tags (``""`` when the pipeline gives none).
        verbforms: The ``VerbForm`` morphological feature (``"Fin"``, ``"Inf"``,
            ``"Part"``, …, or ``""``).
        lemmas: Lowercased lemmas (``""`` when the pipeline gives none).
        deps: Dependency labels (``""`` when the pipeline gives none).
        heads: Row of each token's head (its own row for a root), or ``-1`` when there is
            no parse or the head is a space token.
        has_pos: Whether the pipeline tagged parts of speech.
        has_lemma: Whether it gave lemmas.
        has_dep: Whether it parsed dependencies.
    """

    text: str
    starts: Sequence[int]
    ends: Sequence[int]
    words: Sequence[str]
    lower: Sequence[str]
    pos: Sequence[str]
    verbforms: Sequence[str]
    lemmas: Sequence[str]
    deps: Sequence[str]
    heads: Sequence[int]
    has_pos: bool = False
    has_lemma: bool = False
    has_dep: bool = False

    def __len__(self) -> int:
        return len(self.starts)

    @classmethod
    def from_text(cls, text: str) -> TokenTable:
        """Tokenize ``text`` with a simple rule (words, digit runs, single signs): no tags."""
        spans = [(m.start(), m.end()) for m in _WORD_RE.finditer(text)]
        words = [text[a:b] for a, b in spans]
        empty = [""] * len(spans)
        return cls(
            text=text,
            starts=[a for a, _ in spans],
            ends=[b for _, b in spans],
            words=words,
            lower=[w.lower() for w in words],
            pos=empty,
            verbforms=empty,
            lemmas=empty,
            deps=empty,
            heads=[-1] * len(spans),
        )
