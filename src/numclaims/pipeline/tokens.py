"""Read a spaCy ``Doc`` once into the plain :class:`~numclaims.rules.tokens.TokenTable`.

One ``Doc.to_array`` call gives every column at once; no ``Token`` object is created.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..rules.tokens import TokenTable

__all__ = ["doc_table", "token_starts"]

_ATTRS: list[int | str] = ["IDX", "LENGTH", "IS_SPACE", "POS", "LEMMA", "DEP", "HEAD", "MORPH"]
_SIGN = 1 << 63  # HEAD is a signed offset that to_array gives as an unsigned 64-bit integer


def _verbform(morph: str) -> str:
    for feature in morph.split("|"):
        name, _, value = feature.partition("=")
        if name == "VerbForm":
            return value.split(",")[0]
    return ""


def doc_table(doc: Doc, text: str | None = None) -> TokenTable:
    """The token table of ``doc`` (space tokens left out).

    Args:
        doc: The doc.
        text: ``doc.text``, if the caller has it already (spaCy builds it anew, from one
            ``Token`` object per token, on every read).
    """
    if text is None:
        text = doc.text
    if len(doc) == 0:
        return TokenTable.from_text("")
    arr = doc.to_array(_ATTRS).tolist()
    strings = doc.vocab.strings
    keep = [k for k, row in enumerate(arr) if not row[2]]
    row_of = {k: r for r, k in enumerate(keep)}
    has_pos = any(row[3] for row in arr)
    has_lemma = any(row[4] for row in arr)
    has_dep = any(row[5] for row in arr)
    names: dict[int, str] = {0: ""}

    def name(key: int) -> str:
        found = names.get(key)
        if found is None:
            found = strings[key]
            names[key] = found
        return found

    morphs: dict[int, str] = {0: ""}
    starts, ends, words, pos, verbforms, lemmas, deps, heads = [], [], [], [], [], [], [], []
    for k in keep:
        idx, length, _, p, lemma, dep, head, morph = arr[k]
        starts.append(idx)
        ends.append(idx + length)
        words.append(text[idx : idx + length])
        pos.append(name(p))  # a part-of-speech symbol is in the string store too
        vf = morphs.get(morph)
        if vf is None:
            vf = _verbform(strings[morph])
            morphs[morph] = vf
        verbforms.append(vf)
        lemmas.append(name(lemma).lower() if has_lemma else "")
        deps.append(name(dep) if has_dep else "")
        offset = head - 2 * _SIGN if head >= _SIGN else head
        heads.append(row_of.get(k + offset, -1) if has_dep else -1)
    return TokenTable(
        text=text,
        starts=starts,
        ends=ends,
        words=words,
        lower=[w.lower() for w in words],
        pos=pos,
        verbforms=verbforms,
        lemmas=lemmas,
        deps=deps,
        heads=heads,
        has_pos=has_pos,
        has_lemma=has_lemma,
        has_dep=has_dep,
    )


def token_starts(doc: Doc) -> list[int]:
    """The character offset of every token of ``doc``, space tokens included."""
    if len(doc) == 0:
        return []
    starts: list[int] = doc.to_array("IDX").tolist()
    return starts
