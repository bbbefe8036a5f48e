"""Who asserted a number: speaker attribution over a :class:`~numclaims.rules.tokens.TokenTable`.

The rules work on tokens and their character offsets, so they run on the tokens of
a blank ``spacy.blank("es")`` pipeline (capitalised word runs stand in for names);
with a trained pipeline the lemma of a verb and the ``nsubj`` of the parse are used
as well. Cue words (reporting verbs and their forms, "según", "citado por" …)
live in ``lang/es/reporting_verbs.json``.

Shapes: ``postposed`` ("…, dijo Shin."), ``preposed`` ("Shin dijo que …"),
``segun`` ("según X"), ``cited`` ("X, citado por Y") and ``quote`` (a number
inside a direct quotation whose attribution precedes or follows the quote,
possibly in the previous sentence). Every lookup is bounded: a :class:`Speakers`
object builds the per-document indexes once and answers for every number of the doc.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from ..lang import table
from .tokens import TokenTable

__all__ = ["Speakers", "find_speaker", "reporting_forms"]

#: Longest window (tokens) searched on either side of a number inside a sentence.
WINDOW = 80
#: Longest name (tokens) and role noun phrase (tokens).
MAX_NAME = 6
MAX_ROLE = 9

_OPEN = {"«": "»", "“": "”", '"': '"'}
_WS = regex.compile(r"\s++")


@dataclass(frozen=True)
class _Tables:
    forms: frozenset[str]
    participles: frozenset[str]
    lemmas: frozenset[str]
    auxiliaries: frozenset[str]
    segun: tuple[tuple[str, ...], ...]
    cited: tuple[tuple[str, ...], ...]
    source_nouns: frozenset[str]
    role_nouns: frozenset[str]
    determiners: frozenset[str]
    connectors: frozenset[str]
    not_name: frozenset[str]
    after_skip: frozenset[str]
    before_skip: frozenset[str]
    np_stop: frozenset[str]
    finite_endings: tuple[str, ...]
    source_links: frozenset[str]
    preps_before_role: frozenset[str]


@lru_cache(maxsize=1)
def _raw() -> Mapping[str, Any]:
    return table("reporting_verbs")


def reporting_forms() -> dict[str, list[str]]:
    """Return every reporting-verb lemma with its 3rd-person and participle forms.

    Regular lemmas are inflected with the table's ``inflection`` rule
    ("afirmar" -> "afirmó", "afirmaron", "afirma", … "afirmado").

    Returns:
        A mapping from lemma to its forms (participle last).
    """
    raw = _raw()
    out: dict[str, list[str]] = {}
    for lemma in raw["regular_lemmas"]:
        stem, ending = lemma[:-2], lemma[-2:]
        suffixes: list[str] = raw["inflection"][ending]
        forms = []
        for suf in suffixes:
            if ending != "ar" and suf[:1] == "e" and ending == "ir" and suf.startswith("er"):
                suf = "ir" + suf[2:]
            forms.append(stem + suf)
        out[lemma] = forms
    for lemma, forms in raw["irregular"].items():
        out[lemma] = list(forms)
    return out


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    raw = _raw()
    forms: set[str] = set()
    participles: set[str] = set()
    for flist in reporting_forms().values():
        forms.update(f.lower() for f in flist[:-1])
        participles.add(flist[-1].lower())

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(p.lower().split()) for p in raw[key])

    return _Tables(
        forms=frozenset(forms),
        participles=frozenset(participles),
        lemmas=frozenset(reporting_forms()),
        auxiliaries=frozenset(a for a in raw["auxiliaries"] if " " not in a),
        segun=phrases("segun_cues"),
        cited=phrases("cited_cues"),
        source_nouns=frozenset(raw["source_nouns"]),
        role_nouns=frozenset(raw["role_nouns"]),
        determiners=frozenset(raw["determiners"]),
        connectors=frozenset(raw["name_connectors"]),
        not_name=frozenset(raw["not_name_words"]),
        after_skip=frozenset(raw["after_verb_skip"]),
        before_skip=frozenset(raw["before_verb_skip"]),
        np_stop=frozenset(raw["np_stop_words"]),
        finite_endings=tuple(raw["finite_endings"]),
        source_links=frozenset(raw["source_name_links"]),
        preps_before_role=frozenset(raw["prepositions_before_role"]),
    )


@dataclass
class _Info:
    """Per-document data computed once."""

    text: str
    starts: list[int]
    ends: list[int]
    words: list[str]
    lower: list[str]
    lemmas: list[str]
    nsubj: list[int]
    quotes: list[tuple[int, int]]
    nouns: list[bool]
    names: list[tuple[int, int]] = field(default_factory=list)
    sent_cache: dict[tuple[int, int], dict[str, Any] | None] = field(default_factory=dict)


def _is_cap(word: str) -> bool:
    return (
        bool(word)
        and word[0].isalpha()
        and (word[0].isupper() or (word[:1].islower() and not word.islower()))
    )


def _info(table: TokenTable) -> _Info:
    """The per-document indexes of ``table``, built once per doc by :class:`Speakers`."""
    rows = range(len(table))
    nsubj = [-1] * len(table)
    if table.has_dep:
        for r in rows:
            head = table.heads[r]
            if table.deps[r] in ("nsubj", "nsubj:pass") and head != r and head >= 0:
                nsubj[head] = r
    info = _Info(
        text=table.text,
        starts=list(table.starts),
        ends=list(table.ends),
        words=list(table.words),
        lower=list(table.lower),
        lemmas=list(table.lemmas),
        nsubj=nsubj,
        quotes=_quote_spans(table.text),
        nouns=[table.has_pos and p in ("NOUN", "PROPN") for p in table.pos],
    )
    info.names = _name_runs(info)
    return info


_QUOTE_MARK = regex.compile("[" + regex.escape("".join(set(_OPEN) | set(_OPEN.values()))) + "]")


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Pair quotation marks into ``(open_char, close_char_end)`` spans, one pass."""
    spans: list[tuple[int, int]] = []
    open_char = ""
    open_at = -1
    for m in _QUOTE_MARK.finditer(text):
        ch, pos = m.group(), m.start()
        if open_at >= 0 and ch == _OPEN[open_char]:
            spans.append((open_at, pos + 1))
            open_at = -1
        elif ch in _OPEN and (open_at < 0 or (ch != '"' and pos - open_at > 3000)):
            open_char, open_at = ch, pos
    return spans


def _name_runs(info: _Info) -> list[tuple[int, int]]:
    """Token spans of capitalised word runs ("Shin Wonsik", "Centro Pew de Investigaciones")."""
    tab = _tables()
    runs: list[tuple[int, int]] = []
    i, n = 0, len(info.words)
    while i < n:
        end = _name_at(info, i)
        if end > i:
            runs.append((i, end))
            i = end
        else:
            i += 1
    del tab
    return runs


def _name_at(info: _Info, i: int) -> int:
    """End token of a name starting at token ``i`` (``i`` if none)."""
    tab = _tables()
    n = len(info.words)
    if i >= n or not _is_cap(info.words[i]) or info.words[i] in tab.not_name:
        return i
    if info.lower[i] in tab.forms or info.lower[i] in tab.determiners:
        return i
    end = i + 1
    j = i + 1
    while j < n and j - i < MAX_NAME + 2:
        w = info.words[j]
        if _is_cap(w) and w not in tab.not_name and info.lower[j] not in tab.forms:
            end = j + 1
            j += 1
        elif w in (".",) and j - 1 >= 0 and len(info.words[j - 1]) <= 2 and end == j:
            j += 1  # "EE. UU."
        elif info.lower[j] in tab.connectors and j + 1 < n:
            j += 1
        else:
            break
    return end


def _sentence_of(sentences: Sequence[tuple[int, int]], pos: int) -> int:
    k = bisect_right(sentences, pos, key=lambda span: span[0]) - 1
    return max(k, 0)


def _tok_at(info: _Info, char: int) -> int:
    """Index of the token containing (or following) ``char``."""
    k = bisect_right(info.starts, char) - 1
    if k >= 0 and info.ends[k] > char:
        return k
    return k + 1


def _clean(text: str) -> str:
    return str(_WS.sub(" ", text)).strip()


def _is_cue_verb(info: _Info, i: int) -> int:
    """Length in tokens of a reporting-verb cue at ``i`` (0 if none)."""
    tab = _tables()
    low = info.lower[i]
    if info.nouns[i] or (i > 0 and info.lower[i - 1] in tab.determiners):
        return 0
    if low in tab.auxiliaries and i + 1 < len(info.lower) and info.lower[i + 1] in tab.participles:
        return 2
    if low in tab.forms:
        return 1
    lemma = info.lemmas[i]
    if lemma and lemma in tab.lemmas and low not in tab.participles and low != lemma:
        return 1
    return 0


def _phrase_at(info: _Info, i: int, phrases: Sequence[tuple[str, ...]]) -> int:
    for p in phrases:
        if tuple(info.lower[i : i + len(p)]) == p:
            return len(p)
    return 0


@dataclass
class _NP:
    start: int  # token span of the speaker mention
    end: int
    role: tuple[int, int] | None = None


def _role_np_forward(info: _Info, i: int, limit: int) -> int:
    """End of a determiner-led noun phrase starting at ``i`` ("el ministro de defensa")."""
    tab = _tables()
    if i >= limit or info.lower[i] not in tab.determiners:
        return i
    j = i + 1
    end = i
    while j < limit and j - i < MAX_ROLE:
        w, low = info.words[j], info.lower[j]
        if not w[:1].isalpha() or low in tab.np_stop or low in tab.forms:
            break
        if low in tab.auxiliaries or low in tab.before_skip:
            break
        if j > i + 1 and len(low) > 3 and low.endswith(tab.finite_endings) and not _is_cap(w):
            break  # "la ministra habló": a preterite ends the phrase (no tagger needed)
        j += 1
        if low not in ("de", "del") and low not in tab.determiners:
            end = j
    return end


def _np_after(info: _Info, i: int, limit: int) -> _NP | None:
    """Speaker noun phrase after a post-posed cue ("dijo el ministro", "informó hoy X")."""
    tab = _tables()
    j = i
    while j < limit and j - i < 6:
        low = info.lower[j]
        end = _name_at(info, j)
        if end > j:
            return _appos_after(info, _NP(j, end), limit)
        if low in tab.determiners and j + 1 < limit:
            nxt = info.lower[j + 1]
            if nxt not in tab.after_skip or _is_cap(info.words[j + 1]):
                if _is_cap(info.words[j + 1]):
                    j += 1
                    continue
                rend = _role_np_forward(info, j, limit)
                if rend > j + 1 or nxt in tab.role_nouns:
                    return _appos_after(info, _NP(j, max(rend, j + 2)), limit)
                return None
        if low in tab.role_nouns:
            k = j + 1
            while (
                k + 1 < limit
                and k - j < 3
                and info.lower[k] in ("de", "del")
                and (info.words[k + 1][:1].isalpha())
            ):
                k += 2
            return _NP(j, k)
        if low in tab.after_skip:
            j += 1
            continue
        return None
    return None


def _appos_after(info: _Info, np: _NP, limit: int) -> _NP:
    """Turn "el asesor del Kremlin, Yuri Ushakov" into a name with a role."""
    j = np.end
    if (
        np.role is None
        and j + 1 < limit
        and info.words[j] == ","
        and (info.lower[np.start] in _tables().determiners)
    ):
        end = _name_at(info, j + 1)
        if end > j + 1:
            return _NP(j + 1, end, (np.start, np.end))
    return _source_of(info, np)


def _source_of(info: _Info, np: _NP) -> _NP:
    """ "un estudio del Centro Pew" -> the organisation that made the document."""
    tab = _tables()
    for j in range(np.start, min(np.end, np.start + 4)):
        if info.lower[j] in tab.source_nouns:
            for k in range(j + 1, min(j + 4, len(info.words))):
                end = _name_at(info, k)
                if end > k and info.lower[k - 1] in tab.source_links:
                    return _NP(k, end, None)
    return np


def _np_before(info: _Info, v: int, lo: int) -> _NP | None:
    """Subject noun phrase before a pre-posed cue verb at ``v`` (tokens >= ``lo``)."""
    tab = _tables()
    j = v - 1
    while j >= lo and info.lower[j] in tab.before_skip:
        j -= 1
    if j < lo or not (info.words[j][:1].isalpha() or info.words[j] == ","):
        sub = info.nsubj[v]
        if not lo <= sub < v:
            return None
        j = sub
    # appositive ", Shin Wonsik," before the verb
    if info.words[j] == ",":
        j -= 1
    if j < lo:
        return None
    # walk left over a name
    k = j
    while (
        k >= lo
        and j - k < MAX_NAME
        and (
            (
                _is_cap(info.words[k])
                and info.words[k] not in tab.not_name
                and info.lower[k] not in tab.determiners
            )
            or (
                info.lower[k] in tab.connectors
                and k > lo
                and k < j
                and _is_cap(info.words[k - 1])
                and info.words[k - 1] not in tab.not_name
            )
        )
    ):
        k -= 1
    if k < j:
        name = _NP(k + 1, j + 1)
        if k >= lo and info.lower[k] in tab.determiners:
            return name
        role = _role_before(info, k + 1, lo)
        if role is not None and info.lower[role[1] - 1] in ("de", "del"):
            # "el portavoz del Gobierno": the name completes the role phrase
            return _source_of(info, _NP(role[0], j + 1))
        name.role = role
        return name
    # a role phrase ending at j
    start = _role_start(info, j, lo)
    if start is None or start >= j:
        return None
    return _source_of(info, _NP(start, j + 1))


def _role_start(info: _Info, j: int, lo: int) -> int | None:
    tab = _tables()
    start = None
    k = j
    while k >= lo and j - k < MAX_ROLE:
        w, low = info.words[k], info.lower[k]
        if (
            not w[:1].isalpha()
            or low in ("que",)
            or (low in tab.np_stop and low not in ("de", "del"))
            or (low in tab.forms and k != j)
        ):
            break
        if low in tab.determiners and (k == lo or info.lower[k - 1] not in tab.preps_before_role):
            start = k
        k -= 1
    return start


def _role_before(info: _Info, name_start: int, lo: int) -> tuple[int, int] | None:
    """Role right before a name: "El ministro de defensa surcoreano, Shin Wonsik"."""
    j = name_start - 1
    if j >= lo and info.words[j] == ",":
        j -= 1
    if j < lo or not info.words[j][:1].isalpha():
        return None
    start = _role_start(info, j, lo)
    if start is None or start >= j:
        return None
    return (start, j + 1)


def _speaker_dict(
    info: _Info, np: _NP, cue: tuple[int, int], shape: str, via: _NP | None = None
) -> dict[str, Any]:
    s, e = info.starts[np.start], info.ends[np.end - 1]
    text = _clean(info.text[s:e])
    tab = _tables()
    if np.role is None and info.lower[np.start] in tab.determiners:
        # "el consejero Pedro Ruiz": a role noun, then the name
        k = np.end
        while k > np.start + 1 and _is_cap(info.words[k - 1]):
            k -= 1
        if np.start < k < np.end and info.lower[k - 1] in tab.role_nouns:
            np = _NP(k, np.end, (np.start, k))
    ns, ne = _fullest(info, np)
    out: dict[str, Any] = {
        "text": text,
        "name": _clean(info.text[ns:ne]),
        "cue": _clean(info.text[info.starts[cue[0]] : info.ends[cue[1] - 1]]),
        "cue_start": info.starts[cue[0]],
        "cue_end": info.ends[cue[1] - 1],
        "start_char": s,
        "end_char": e,
        "name_start_char": ns,
        "name_end_char": ne,
        "role": None,
        "shape": shape,
    }
    if np.role is not None:
        rs, re_ = info.starts[np.role[0]], info.ends[np.role[1] - 1]
        out["role"] = _clean(info.text[rs:re_])
    elif info.lower[np.start] in tab.determiners or not _is_cap(info.words[np.start]):
        out["role"] = text
    if via is not None:
        out["via"] = _clean(info.text[info.starts[via.start] : info.ends[via.end - 1]])
    return out


def _fullest(info: _Info, np: _NP) -> tuple[int, int]:
    """Character span of the fullest doc mention that contains the speaker's name."""
    s, e = info.starts[np.start], info.ends[np.end - 1]
    if info.lower[np.start] in _tables().determiners:
        return s, e
    key = tuple(w for w in info.words[np.start : np.end] if _is_cap(w))
    best = (np.end - np.start, np.start, np.end)
    for a, b in info.names:
        if b - a <= best[0]:
            continue
        words = info.words[a:b]
        for k in range(len(words) - len(key) + 1):
            if tuple(words[k : k + len(key)]) == key:
                best = (b - a, a, b)
                break
    return info.starts[best[1]], info.ends[best[2] - 1]


def _cues_in(info: _Info, lo: int, hi: int) -> list[tuple[int, dict[str, Any] | None, int]]:
    """All attribution cues in tokens [lo, hi): (token, speaker dict or None, cue length)."""
    tab = _tables()
    out: list[tuple[int, dict[str, Any] | None, int]] = []
    i = lo
    while i < hi:
        n = _phrase_at(info, i, tab.segun)
        if n:
            np = _np_after(info, i + n, hi)
            out.append((i, _speaker_dict(info, np, (i, i + n), "segun") if np else None, n))
            i += n
            continue
        n = _phrase_at(info, i, tab.cited)
        if n:
            via = _np_after(info, i + n, hi)
            j = i - 1
            if j >= lo and info.words[j] == ",":
                j -= 1
            spk = _np_before_plain(info, j, lo)
            if spk is not None:
                out.append((i, _speaker_dict(info, spk, (i, i + n), "cited", via), n))
            i += n
            continue
        n = _is_cue_verb(info, i)
        if n:
            out.append((i, _verb_speaker(info, i, n, lo, hi), n))
            i += n
            continue
        i += 1
    return out


def _np_before_plain(info: _Info, j: int, lo: int) -> _NP | None:
    if j < lo:
        return None
    k = j
    while k >= lo and j - k < MAX_NAME and _is_cap(info.words[k]):
        k -= 1
    if k < j:
        return _NP(k + 1, j + 1)
    start = _role_start(info, j, lo)
    return _NP(start, j + 1) if start is not None else None


def _verb_speaker(info: _Info, v: int, n: int, lo: int, hi: int) -> dict[str, Any] | None:
    """Speaker of a reporting verb at ``v``: post-posed subject, pre-posed subject, or None."""
    prev = info.words[v - 1] if v - 1 >= lo else ""
    sub = info.nsubj[v]
    after_subject = sub > v
    if (
        prev in (",", "—", "-", "–")
        or (prev.lower() == "como")
        or after_subject
        or (prev[-1:] in ("»", "”", '"'))
    ):
        np = _np_after(info, v + n, hi)
        if np is not None:
            return _speaker_dict(info, np, (v, v + n), "postposed")
    np = _np_before(info, v, lo)
    if np is not None:
        return _speaker_dict(info, np, (v, v + n), "preposed")
    return None


def _quote_of(info: _Info, char: int) -> tuple[int, int] | None:
    k = bisect_right(info.quotes, char, key=lambda span: span[0]) - 1
    if k >= 0 and info.quotes[k][0] <= char < info.quotes[k][1]:
        return info.quotes[k]
    return None


def _quote_speaker(info: _Info, q: tuple[int, int], sent_hi: int) -> dict[str, Any] | None:
    """Attribution right after a closing quote or right before an opening one."""
    after = _tok_at(info, q[1])
    hi = min(len(info.words), after + WINDOW)
    j = after
    while j < hi and info.words[j] in (",", "—", "-", "–"):
        j += 1
    if j < hi:
        n = _is_cue_verb(info, j)
        if n:
            np = _np_after(info, j + n, hi)
            if np is not None:
                return _speaker_dict(info, np, (j, j + n), "quote")
    before = _tok_at(info, q[0]) - 1
    if before >= 0 and info.words[before] in (":", ","):
        before -= 1
    lo = max(0, before - WINDOW)
    for v in range(before, max(lo, before - 4) - 1, -1):
        n = _is_cue_verb(info, v)
        if n and v + n - 1 <= before:
            np = _np_before(info, v, lo)
            if np is not None:
                return _speaker_dict(info, np, (v, v + n), "quote")
    del sent_hi
    return None


def _in_conversion(info: _Info, char: int, sent_lo: int) -> bool:
    """A parenthesised conversion right after an amount ("(13,380 millones de dólares)")."""
    lo = max(sent_lo, char - 40)
    seg = info.text[lo:char]
    p = seg.rfind("(")
    if p < 0 or ")" in seg[p:]:
        return False
    before = info.text[max(sent_lo, lo + p - 30) : lo + p]
    return any(ch.isdigit() for ch in before)


def _sentence_speaker(
    info: _Info,
    sent: tuple[int, int],
    char: int | None,
    allow_prodrop: bool,
    sentences: Sequence[tuple[int, int]],
    k: int,
) -> dict[str, Any] | None:
    lo_t = _tok_at(info, sent[0])
    hi_t = _tok_at(info, sent[1])
    if char is not None:
        c = _tok_at(info, char)
        # windows aligned on blocks of WINDOW tokens, so that the claims of one long
        # sentence share their cue scans (see sent_cache) and cost stays linear
        block = (c // WINDOW) * WINDOW
        lo_t, hi_t = max(lo_t, block - WINDOW), min(hi_t, block + 2 * WINDOW)
    key = (lo_t, hi_t)
    if key in info.sent_cache:
        return info.sent_cache[key]
    result: dict[str, Any] | None = None
    cues = _cues_in(info, lo_t, hi_t)
    for _, spk, _n in cues:
        if spk is not None:
            result = spk
            break
    if result is None and allow_prodrop and cues and k > 0:
        i, _, n = cues[0]
        first = lo_t
        tab = _tables()
        while first < i and (
            info.lower[first] in tab.before_skip or not info.words[first][:1].isalpha()
        ):
            first += 1
        if first == i and i + n < hi_t and info.lower[i + n] == "que":
            prev = _first_subject(info, sentences[k - 1])
            if prev is None:
                prev = _sentence_speaker(info, sentences[k - 1], None, False, sentences, k - 1)
            if prev is not None:
                result = dict(prev)
                result.update(
                    cue=_clean(info.words[i]),
                    cue_start=info.starts[i],
                    cue_end=info.ends[i + n - 1],
                    shape="preposed",
                )
    info.sent_cache[key] = result
    return result


def _first_subject(info: _Info, sent: tuple[int, int]) -> dict[str, Any] | None:
    """Main subject of a sentence (for a following pro-drop "Recordó que …")."""
    lo = _tok_at(info, sent[0])
    hi = min(_tok_at(info, sent[1]), lo + 20)
    np: _NP | None = None
    end = _name_at(info, lo)
    if end > lo:
        np = _NP(lo, end)
    else:
        rend = _role_np_forward(info, lo, hi)
        if rend > lo + 1:
            np = _appos_after(info, _NP(lo, rend), hi)
    if np is None:
        return None
    return _speaker_dict(info, np, (np.start, np.end), "preposed")


class Speakers:
    """Speaker attribution for the numbers of one document.

    Args:
        tokens: The document's token table.
    """

    def __init__(self, tokens: TokenTable) -> None:
        self._info = _info(tokens)

    def find(
        self, start_char: int, end_char: int, *, sentences: Sequence[tuple[int, int]]
    ) -> dict[str, Any] | None:
        """Find who asserted the number at ``[start_char, end_char)``.

        Args:
            start_char: Offset of the number's first character.
            end_char: Offset one past its last character.
            sentences: Character spans of the doc's sentences, in order.

        Returns:
            ``None`` for the writer's own statement, else a JSON-safe dict with the
            keys ``text``, ``name``, ``cue``, ``cue_start``, ``cue_end``,
            ``start_char``, ``end_char``, ``name_start_char``, ``name_end_char``,
            ``role``, ``shape`` (and ``via`` for "citado por").
        """
        info = self._info
        if not info.starts:
            return None
        sents = sentences or [(0, len(info.text))]
        k = _sentence_of(sents, start_char)
        sent = sents[k]
        if _in_conversion(info, start_char, sent[0]):
            return None
        q = _quote_of(info, start_char)
        if q is not None and q[1] >= end_char:
            spk = _quote_speaker(info, q, sent[1])
            if spk is not None:
                return spk
            qk = _sentence_of(sents, q[0])
            if k > 0 and qk == k and info.text[sent[0] : q[0]].strip() == "":
                pq = _quote_of(info, max(sents[k - 1][1] - 1, 0))
                if pq is None:
                    last = bisect_right(info.quotes, q[0] - 1, key=lambda span: span[0]) - 1
                    if last >= 0 and info.quotes[last][0] >= sents[k - 1][0]:
                        pq = info.quotes[last]
                if pq is not None:
                    spk = _quote_speaker(info, pq, sents[k - 1][1])
                    if spk is not None:
                        return spk
        return _sentence_speaker(info, sent, start_char, True, sents, k)


def find_speaker(
    tokens: TokenTable, start_char: int, end_char: int, *, sentences: Sequence[tuple[int, int]]
) -> dict[str, Any] | None:
    """Find who asserted the number at ``[start_char, end_char)`` of ``tokens``' text.

    For one number; for every number of a document, build one :class:`Speakers`
    and call its :meth:`~Speakers.find`.
    """
    return Speakers(tokens).find(start_char, end_char, sentences=sentences)
