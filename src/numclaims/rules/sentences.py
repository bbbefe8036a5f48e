"""A rule-based sentence splitter for Spanish news, for pipelines without a parser.

Pure language rules (text in, offsets out; no spaCy). With a trained
pipeline, :mod:`numclaims.pipeline.component` uses the parser's sentences instead.

A sentence ends at "." "!" "?" or "…" (closing quotes and brackets may follow)
when whitespace and then a capital letter, a digit, an opening quote or "¿¡"
come next, unless the word before the period is an abbreviation ("Sr.",
"EE. UU.", "núm.") or an initial ("J. Pérez"). A blank line always ends a
sentence (headlines, paragraphs); a single line break does not (hard-wrapped
text). The splitter runs in linear time.
"""

from __future__ import annotations

import regex

from ..lang import table

__all__ = ["ABBREVIATIONS", "split_sentences"]

#: Words that end with a period without ending a sentence (folded to lowercase), from
#: ``lang/es/sentences.json``.
ABBREVIATIONS: frozenset[str] = frozenset(table("sentences")["abbreviations"])


_BOUNDARY = regex.compile(
    r"(?<![.!?…])(?P<stop>[.!?…]++[\"'”»)\]]*+)(?P<space>(?:[ \t\u00a0]++\n?+|\n)[ \t\u00a0]*+)"
    r"(?=[\p{Lu}\p{N}«“\"'¿¡(—–-])"
    r"|(?P<blank>\n[ \t\u00a0]*+\n\s*+)"
)
_WORD_BEFORE = regex.compile(r"(?:[\p{L}\p{N}]+\.)*[\p{L}\p{N}º]+$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``text[dot]`` closes an abbreviation or an initial."""
    m = _WORD_BEFORE.search(text[max(0, dot - 12) : dot])
    if m is None:
        return False
    word = m.group()
    last = word.rsplit(".", 1)[-1]
    if len(last) == 1 and last.isupper():
        return True  # an initial: "J. Pérez", "EE. UU."
    return last.lower() in ABBREVIATIONS or word.lower() in ABBREVIATIONS


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences, as ``(start, end)`` character offsets.

    Leading and trailing whitespace is left out of every sentence, and a text of
    only whitespace has none.

    Example:
        >>> t = "El Sr. Pérez llegó a EE. UU. el lunes. Dijo que sí."
        >>> [t[s:e] for s, e in split_sentences(t)]
        ['El Sr. Pérez llegó a EE. UU. el lunes.', 'Dijo que sí.']
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    out: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group("blank") is not None:
            cut, nxt = m.start(), m.end()
        else:
            stop = m.group("stop")
            if stop[0] == "." and len(stop) == 1 and _is_abbreviation(text, m.start("stop")):
                continue
            cut, nxt = m.end("stop"), m.end()
        _append(text, start, cut, out)
        start = nxt
    _append(text, start, len(text), out)
    return out


def _append(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append((start, end))
