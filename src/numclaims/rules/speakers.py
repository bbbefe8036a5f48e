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
_CLOSE = frozenset(_OPEN.values())
#: The signature of an embedded post: "— El Gobierno de Nuevo León (@nuevoleon)".
_SIGNATURE = regex.compile(r"[—–]\s{0,3}+(\p{Lu}[^—–()\n@]{1,80}?)\s{0,3}+\(@\w{1,40}+\)")
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
    reference_before: tuple[tuple[str, ...], ...]
    not_cue: tuple[tuple[str, ...], ...]
    coordinators: frozenset[str]
    comparative: tuple[tuple[str, ...], ...]
    pp_before_speaker: frozenset[str]
    role_modifiers: frozenset[str]
    role_groups: Mapping[str, int]
    pronouns: frozenset[str]
    copulas: frozenset[str]
    before_de: frozenset[str]
    institutions: frozenset[str]
    conversion_breakers: frozenset[str]
    share_openers: frozenset[str]
    relative_openers: frozenset[str]
    article_connectors: frozenset[str]
    anaphoric: frozenset[str]
    possessives: frozenset[str]
    connectives: tuple[tuple[str, ...], ...]
    passive: frozenset[str]
    bare_openers: frozenset[str]
    person_suffixes: tuple[str, ...]


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

    att = table("attribution")

    def phrases(key: str, src: Mapping[str, Any] = raw) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(p.lower().split()) for p in src[key])

    groups: dict[str, int] = {}
    for g, words in enumerate(att["role_synonyms"]):
        for w in words:
            groups.setdefault(w, g)

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
        reference_before=phrases("reference_before_cue", att),
        not_cue=phrases("not_cue_phrases", att),
        coordinators=frozenset(att["coordinators"]),
        comparative=phrases("comparative_cue_openers", att),
        pp_before_speaker=frozenset(att["pp_before_speaker"]),
        role_modifiers=frozenset(att["role_modifiers"]),
        role_groups=groups,
        pronouns=frozenset(att["person_pronouns"]),
        copulas=frozenset(att["copulas"]),
        before_de=frozenset(att["cue_verbs_before_de"]),
        institutions=frozenset(att["institution_nouns"]),
        conversion_breakers=frozenset(att["conversion_breakers"]),
        share_openers=frozenset(att["share_openers"]),
        relative_openers=frozenset(att["relative_openers"]),
        article_connectors=frozenset(att["name_connectors_before_article"]),
        anaphoric=frozenset(att["anaphoric_determiners"]),
        possessives=frozenset(att["possessives"]),
        connectives=phrases("inserted_connectives", att),
        passive=frozenset(att["passive_markers"]),
        bare_openers=frozenset(att["bare_np_openers"]),
        person_suffixes=tuple(att["person_suffixes"]),
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
    heads: list[int] = field(default_factory=list)
    deps: list[str] = field(default_factory=list)
    has_dep: bool = False
    names: list[tuple[int, int]] = field(default_factory=list)


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
        heads=list(table.heads),
        deps=list(table.deps),
        has_dep=table.has_dep,
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
    if open_at >= 0 and open_char != '"':
        # a quotation never closed (cut text) runs to the end of its paragraph
        nl = text.find("\n", open_at)
        spans.append((open_at, len(text) if nl < 0 else nl))
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
    while j < n and j - i < 2 * MAX_NAME:
        w = info.words[j]
        if (
            _is_cap(w)
            and w not in tab.not_name
            and (info.lower[j] not in tab.forms or info.lower[j - 1] in tab.connectors)
        ):
            end = j + 1
            j += 1
        elif w in (".",) and j - 1 >= 0 and len(info.words[j - 1]) <= 2 and end == j:
            j += 1  # "EE. UU."
        elif info.lower[j] in tab.connectors and j + 1 < n:
            j += 1
        elif (
            info.lower[j] in tab.article_connectors
            and j + 2 < n
            and info.lower[j + 1] in tab.connectors
            and _is_cap(info.words[j + 2])
        ):
            j += 2  # "Sistema de Alerta a los Derechos Humanos", "Fondo para la Infancia"
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
    n = 0
    if low in tab.auxiliaries and i + 1 < len(info.lower) and info.lower[i + 1] in tab.participles:
        n = 2
    elif low in tab.forms:
        n = 1
    elif low in tab.before_de and i + 1 < len(info.lower) and info.lower[i + 1] in ("de", "del"):
        n = 1  # "Berni habló de más de diez mil narcotraficantes"
    elif low in tab.copulas and _source_is_that(info, i):
        n = 1  # "La previsión del PSOE era que …": what a document says
    else:
        lemma = info.lemmas[i]
        if lemma and lemma in tab.lemmas and low not in tab.participles and low != lemma:
            n = 1
    if n and (_phrase_at(info, i, tab.not_cue) or _phrase_before(info, i, tab.reference_before)):
        return 0  # "cuenta con" (has), "lo que dijo X" (a statement referred to, not reported)
    return n


def _source_is_that(info: _Info, i: int) -> bool:
    """Whether the copula at ``i`` states what a document says: "[la previsión del PSOE]
    era que …" (a source noun after a determiner opens the phrase before it, within a few
    words and no punctuation)."""
    tab = _tables()
    if i + 1 >= len(info.lower) or info.lower[i + 1] != "que":
        return False
    for j in range(i - 1, max(-1, i - 1 - MAX_ROLE), -1):
        if not info.words[j][:1].isalnum():
            return False
        if info.lower[j] in tab.source_nouns:
            return j > 0 and info.lower[j - 1] in tab.determiners
    return False


_Phrases = tuple[tuple[str, ...], ...]
_INDEXES: dict[tuple[int, bool], tuple[_Phrases, dict[str, list[tuple[str, ...]]]]] = {}


def _by_word(phrases: _Phrases, last: bool) -> dict[str, list[tuple[str, ...]]]:
    """``phrases`` grouped by their first (or ``last``) word, each group in their order
    (built once per phrase table: the tables live as long as the process)."""
    hit = _INDEXES.get((id(phrases), last))
    if hit is not None and hit[0] is phrases:
        return hit[1]
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        if p:
            out.setdefault(p[-1] if last else p[0], []).append(p)
    _INDEXES[(id(phrases), last)] = (phrases, out)
    return out


def _phrase_before(info: _Info, i: int, phrases: _Phrases) -> int:
    """Length of one of ``phrases`` ending right before token ``i`` (0 if none)."""
    if i < 1:
        return 0
    for p in _by_word(phrases, True).get(info.lower[i - 1], ()):
        if i >= len(p) and tuple(info.lower[i - len(p) : i]) == p:
            return len(p)
    return 0


def _phrase_at(info: _Info, i: int, phrases: _Phrases) -> int:
    """Length of the first of ``phrases`` that starts at token ``i`` (0 if none)."""
    if i >= len(info.lower):
        return 0
    for p in _by_word(phrases, False).get(info.lower[i], ()):
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
        if low in tab.auxiliaries or low in tab.before_skip or low in tab.copulas:
            break
        if j > i + 1 and len(low) > 3 and low.endswith(tab.finite_endings) and not _is_cap(w):
            break  # "la ministra habló": a preterite ends the phrase (no tagger needed)
        if (
            j > i + 2
            and _is_cap(info.words[j - 1])
            and not _is_cap(w)
            and low not in tab.connectors
        ):
            break  # "el presidente Iván Duque hizo …": the name ends the phrase
        j += 1
        if low not in ("de", "del") and low not in tab.determiners:
            end = j
    return end


def _np_after(info: _Info, i: int, limit: int) -> _NP | None:
    """Speaker noun phrase after a post-posed cue ("dijo el ministro", "informó hoy X")."""
    tab = _tables()
    j = i
    while j < limit and j - i < 12:
        low = info.lower[j]
        end = _name_at(info, j)
        if end > j:
            return _appos_after(info, _NP(j, end), limit)
        if low == "en" and j == i and j + 2 < limit and info.lower[j + 1] in tab.determiners:
            # "…”, se lee en un mensaje difundido en Twitter"
            rend = _role_np_forward(info, j + 1, limit)
            head = _role_head(info, j + 1, rend) or ""
            if rend > j + 2 and (head in tab.source_nouns or head in tab.role_nouns):
                return _source_of(info, _NP(j + 1, rend))
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
        if low in tab.role_nouns or low in tab.source_nouns or low in tab.bare_openers:
            return _source_of(info, _NP(j, _bare_np_end(info, j, limit)))
        if low in tab.after_skip:
            j += 1
            continue
        pp = _pp_then_name(info, j, limit)
        if pp > j:
            j = pp
            continue
        return None
    return None


def _bare_np_end(info: _Info, j: int, limit: int) -> int:
    """End of a noun phrase without article: "datos oficiales", "fuentes de la policía"."""
    tab = _tables()
    k = j + 1
    end = k
    while k < limit and k - j < MAX_ROLE:
        w, low = info.words[k], info.lower[k]
        if not w[:1].isalpha() or low in tab.forms or low in tab.copulas:
            break
        if low in tab.np_stop and low not in ("de", "del"):
            break
        if len(low) > 3 and low.endswith(tab.finite_endings) and not _is_cap(w):
            break
        k += 1
        if low not in ("de", "del") and low not in tab.determiners:
            end = k
    return end


def _pp_then_name(info: _Info, j: int, limit: int) -> int:
    """Token after a short prepositional phrase at ``j`` that a name follows, else ``j``.

    "señaló en el mismo artículo Federico Tobar", "dijo a la radio Ana Ruiz": the phrase
    (at most 6 tokens, no comma) is skipped when a name of two or more words comes next.
    """
    tab = _tables()
    if info.lower[j] not in tab.pp_before_speaker:
        return j
    for k in range(j + 1, min(limit, j + 7)):
        if not info.words[k][:1].isalnum():
            return j
        end = _name_at(info, k)
        if end - k >= 2 and _is_cap(info.words[k]) and (k > j + 1 or end - k >= 3):
            if k == j + 1:
                return k + 1  # "a Clarín Ana Ruiz": the medium, then the name
            return k
    return j


def _appos_after(info: _Info, np: _NP, limit: int) -> _NP:
    """Turn "el asesor del Kremlin, Yuri Ushakov" into a name with a role."""
    j = np.end
    tab = _tables()
    if np.role is None and j < limit and info.lower[j] in tab.preps_before_role:
        k = j + 1
        while k < min(limit, j + 5) and info.words[k][:1].isalnum():
            k += 1
        if k + 1 < limit and info.words[k] == "," and _name_at(info, k + 1) > k + 1:
            j = k
    if (
        np.role is None
        and j + 1 < limit
        and info.words[j] == ","
        and (info.lower[np.start] in tab.determiners)
    ):
        end = _name_at(info, j + 1)
        if end > j + 1:
            return _NP(j + 1, end, (np.start, j))
    return _source_of(info, np)


def _source_of(info: _Info, np: _NP) -> _NP:
    """ "un estudio del Centro Pew" -> the organisation that made the document."""
    tab = _tables()
    for j in range(np.start, min(np.end, np.start + 4)):
        if info.lower[j] in tab.source_nouns:
            for k in range(j + 1, min(j + 7, len(info.words))):
                if not info.words[k][:1].isalnum():
                    break
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
    if j >= lo + 2 and info.words[j] == ",":
        n = _phrase_before(info, j, tab.connectives)
        if n and j - n - 1 >= lo and info.words[j - n - 1] == ",":
            j = j - n - 2  # "Gómez, por su parte, afirmó que …"
    if j >= lo + 2 and info.words[j] == ")":
        for p in range(j - 1, max(lo, j - 4) - 1, -1):
            if info.words[p] == "(":
                j = p - 1  # "el Sindicato de Enfermería (SATSE) ha denunciado"
                break
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
            if k - 1 >= lo and info.lower[k - 1] in ("de", "del"):
                start = _role_start(info, k - 1, lo)
                if start is not None and start < k - 1:
                    return _source_of(info, _NP(start, j + 1))
            return name
        role = _role_before(info, k + 1, lo)
        if role is not None and info.lower[role[1] - 1] in ("de", "del"):
            # "el portavoz del Gobierno": the name completes the role phrase
            return _source_of(info, _NP(role[0], j + 1))
        name.role = role
        return name
    # a role phrase ending at j
    start = _role_start(info, j, lo)
    if start is None or start > j or (start == j and info.lower[j] in tab.determiners):
        sub = info.nsubj[v]
        if lo <= sub < v and sub != j:
            return _subject_np(info, sub, lo, v)
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
    if start is None and k < j:
        for b in range(j, max(k, lo, j - 4), -1):
            if info.lower[b] in tab.coordinators:
                k = b  # "… y usuarios señalan que": the bare phrase starts after the "y"
                break
        # a bare plural at a clause start: "fuentes de la Consejería aseguran", "varios
        # expertos creen"
        first = k + 1
        opener = info.lower[first]
        head = info.lower[first + 1] if opener in tab.bare_openers and first < j else opener
        partitive = opener in tab.bare_openers and head in ("de", "del")  # "algunas de las …"
        if (
            k < lo
            or not info.words[k][:1].isalnum()
            or info.lower[k] in tab.coordinators
            or info.lower[k] in tab.np_stop
        ) and (head in tab.role_nouns or head in tab.source_nouns or partitive):
            start = first
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
        # "el consejero Pedro Ruiz", "la herramienta de monitoreo CrowdTangle": a
        # description, then the name
        k = np.end
        while k > np.start + 1 and _is_cap(info.words[k - 1]):
            k -= 1
        if (
            np.start + 1 < k < np.end
            and info.lower[k - 1] not in ("de", "del")
            and not _is_cap(info.words[np.start + 1])
        ):
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


def _quote_of(info: _Info, char: int) -> tuple[int, int] | None:
    k = bisect_right(info.quotes, char, key=lambda span: span[0]) - 1
    if k >= 0 and info.quotes[k][0] <= char < info.quotes[k][1]:
        return info.quotes[k]
    return None


def _in_conversion(info: _Info, char: int, sent_lo: int) -> bool:
    """A newspaper's own insertion: a bracketed "[…]" or a parenthesised conversion.

    "11,000 millones de euros (13,380 millones de dólares)": the parenthesis follows an
    amount and holds only the converted amount (no "y no …", no clause).
    """
    lo = max(sent_lo, char - 40)
    seg = info.text[lo:char]
    b = seg.rfind("[")
    if b >= 0 and "]" not in seg[b:]:
        return True
    p = seg.rfind("(")
    if p < 0 or ")" in seg[p:]:
        return False
    inside = seg[p + 1 :].lower().split()
    tab = _tables()
    if any(w in tab.conversion_breakers for w in inside) or (
        inside[:1] and inside[0] in tab.share_openers
    ):
        return False  # "(y no 753.701 …)", "(el 90,7 % del total)": no conversion
    before = info.text[max(sent_lo, lo + p - 30) : lo + p]
    return any(ch.isdigit() for ch in before)


@dataclass
class _Cue:
    """An attribution cue of a sentence and the tokens it covers."""

    tok: int  # first token of the cue
    n: int  # its length in tokens
    kind: str  # "segun", "cited" or "verb"
    speaker: dict[str, Any] | None  # None: elided subject (resolved from the context)
    lo: int = 0  # scope: tokens [lo, hi)
    hi: int = 0
    outer: bool = False  # a clause-level "según X," or "Como informó X," (nests the others)
    narrow: bool = False  # "…, como afirmó X" / "(como dice X)": the phrase just before


def _cue_speaker_end(info: _Info, cue: _Cue) -> int:
    """Token after the cue and, when it follows the cue, its speaker mention."""
    end = cue.tok + cue.n
    spk = cue.speaker
    if spk is not None and spk["start_char"] >= info.starts[cue.tok]:
        end = max(end, _tok_at(info, spk["end_char"] - 1) + 1)
    return end


def _cues_in(info: _Info, lo: int, hi: int) -> list[_Cue]:
    """All attribution cues in tokens [lo, hi), each with its scope (see ``_scopes``)."""
    tab = _tables()
    out: list[_Cue] = []
    i = lo
    while i < hi:
        n = _phrase_at(info, i, tab.segun)
        if n:
            np = _np_after(info, i + n, hi)
            if np is not None:
                out.append(_Cue(i, n, "segun", _speaker_dict(info, np, (i, i + n), "segun")))
            i += n
            continue
        n = _phrase_at(info, i, tab.cited)
        if n:
            via = _np_after(info, i + n, hi)
            j = i - 1
            if j >= lo and info.words[j] == ",":
                j -= 1
            before = _np_before_plain(info, j, lo)
            if before is not None:
                d = _speaker_dict(info, before, (i, i + n), "cited", via)
                out.append(_Cue(i, n, "cited", d))
            i += n
            continue
        n = _is_cue_verb(info, i)
        if n:
            spk: dict[str, Any] | None = _verb_speaker(info, i, n, lo, hi)
            last = out[-1] if out else None
            if (
                last is not None
                and last.kind == "verb"
                and (spk is None or (i - 1 >= lo and info.lower[i - 1] in tab.coordinators))
            ):
                # "X dijo que … y señaló que …": the coordinated verb has X's subject
                spk = None if last.speaker is None else dict(last.speaker)
                if spk is not None:
                    spk.update(cue=info.words[i], cue_start=info.starts[i], cue_end=info.ends[i])
            elif (
                spk is not None
                and last is not None
                and last.kind == "cited"
                and last.speaker is not None
                and last.speaker["start_char"] <= spk["start_char"] < info.starts[i]
            ):
                # "El ministro, citado por Reuters, dijo que …": the verb is the minister's
                spk = dict(last.speaker)
                spk.update(cue=info.words[i], cue_start=info.starts[i], cue_end=info.ends[i])
                out.pop()
            if spk is None and i - 1 >= lo and info.lower[i - 1] in tab.passive:
                # "… 2.500 personas se manifestaron": a passive or reflexive verb with no
                # source of its own attributes nothing; an enclosing "según X" still does
                i += n
                continue
            out.append(_Cue(i, n, "verb", spk))
            i += n
            continue
        i += 1
    _scopes(info, out, lo, hi)
    return out


def _at_clause_start(info: _Info, i: int, lo: int) -> bool:
    """Whether only adverbs, connectors or punctuation stand between ``lo`` and ``i``."""
    tab = _tables()
    j = i - 1
    while j >= lo and (
        info.lower[j] in tab.before_skip
        or info.lower[j] in tab.coordinators
        or not info.words[j][:1].isalnum()
    ):
        j -= 1
    return j < lo


def _scopes(info: _Info, cues: list[_Cue], lo: int, hi: int) -> None:
    """Give each cue the tokens it attributes.

    A cue after its figures (post-posed "…, dijo X", a closing "según X") covers the
    clause before it, back to the previous cue (or only the quotation it closes); a "como
    dijo X" right after a figure only the phrase since the last comma or parenthesis; a
    parenthetical "…, dijo X, …" its whole sentence. A cue before its figures (pre-posed
    "X dijo que …", a clause-opening "Según X, …") covers what follows, up to the next
    pre-posed cue that names its own speaker. A later cue never reaches back across an
    earlier one.
    """
    tab = _tables()
    boundary = lo
    backward: list[bool] = []
    until: list[int] = []  # the end of a forward scope that stops at its clause's end
    for cue in cues:
        spk = cue.speaker
        shape = spk["shape"] if spk is not None else ""
        first = _at_clause_start(info, cue.tok, boundary)
        como = _phrase_before(info, cue.tok, tab.comparative)
        back: bool
        stop = hi
        if cue.kind == "segun":
            p = cue.tok - 1
            while p > boundary and info.words[p] == ",":
                p -= 1
            if p >= boundary and info.lower[p] in tab.coordinators:
                back, cue.outer = False, True  # "… y, según la patronal, el sector …"
            elif p >= boundary and info.lower[p] in tab.relative_openers:
                # "las 3.851 compañías que, según X, había …": its relative clause and
                # the figure of the noun it qualifies
                back = False
                stop = _next_comma(info, _cue_speaker_end(info, cue) + 1, hi)
                cue.lo = _antecedent_start(info, p, boundary)
            else:
                # a "según X" right after figures closes them; else it opens its clause
                back = not first and any(
                    info.words[t][:1].isdigit() for t in range(boundary, cue.tok)
                )
                cue.outer = not back
        elif cue.kind == "cited":
            back = False
        elif como and _at_clause_start(info, cue.tok - como, boundary):
            back, cue.outer = False, True  # "Como informó el diario X, …"
        elif shape in ("postposed", "quote") or como:
            back = True
        elif spk is None:
            # elided subject: "…, indicó." closes, "Recordó que …" opens
            nxt = cue.tok + cue.n
            back = not (nxt < hi and info.lower[nxt] in ("que", ":")) and not first
        else:
            back = False
        backward.append(back)
        until.append(stop)
        if back:
            start = _backward_start(info, cue, boundary, como)
            if boundary > lo and not cue.narrow:
                # after an earlier cue, a closing cue covers only its own coordinated clause
                for t in range(cue.tok - 1, start, -1):
                    if info.lower[t] in tab.coordinators or info.words[t] == ";":
                        start = t
                        break
            cue.lo, cue.hi = start, cue.tok
            end = _cue_speaker_end(info, cue)
            if (
                not como
                and end + 1 < hi
                and info.words[end] == ","
                and info.words[end + 1][:1].isalnum()
            ):
                cue.hi = hi  # "El país, dijo el ministro, debe …": the whole sentence
        boundary = max(boundary, _cue_speaker_end(info, cue))
    for idx, cue in enumerate(cues):
        if backward[idx]:
            continue
        cue.lo, cue.hi = (cue.lo if until[idx] < hi else cue.tok), until[idx]
        end = _cue_speaker_end(info, cue)
        if end + 1 < hi and info.words[end] == "," and info.lower[end + 1] in tab.relative_openers:
            # "De acuerdo con el video, que ya cuenta con 2.000 visitas, …": the relative
            # clause describes the source; the attribution starts after it
            cue.lo = _next_comma(info, end + 1, hi)
        if cue.outer:
            continue
        for later, back in zip(cues[idx + 1 :], backward[idx + 1 :], strict=True):
            if later.speaker is not None and not back and not later.outer:
                lb = later.tok
                # the later cue's own subject stands before it: stop at that subject
                ls = later.speaker["start_char"]
                if ls < info.starts[later.tok]:
                    lb = _tok_at(info, ls)
                if lb > cue.tok:
                    cue.hi = min(cue.hi, max(cue.tok + cue.n, lb))
                    break


def _antecedent_start(info: _Info, rel: int, boundary: int) -> int:
    """First token of the noun phrase a relative pronoun at ``rel`` qualifies."""
    tab = _tables()
    k = rel - 1
    if k >= boundary and info.words[k] in _CLOSE:
        q = _quote_of(info, info.starts[k])
        if q is not None:
            return max(boundary, _tok_at(info, q[0]))  # "“más de 10 millones” que según X"
    while k > boundary and rel - k < 6:
        low = info.lower[k - 1]
        if not info.words[k - 1][:1].isalnum() or low in ("de", "del") or low in tab.np_stop:
            break
        k -= 1
    return max(boundary, k)


def _next_comma(info: _Info, i: int, hi: int) -> int:
    """Token of the next comma or semicolon from ``i`` (``hi`` if none)."""
    for t in range(i, hi):
        if info.words[t] in (",", ";"):
            return t
    return hi


def _backward_start(info: _Info, cue: _Cue, boundary: int, como: int) -> int:
    """First token a cue after its figures covers."""
    if como:
        k = cue.tok - como - 1
        while k > boundary and info.words[k] == ",":
            k -= 1
        while k > boundary and info.words[k] not in (",", "(", ";", "—", "–"):
            if info.words[k] in _CLOSE:
                q = _quote_of(info, info.starts[k])
                if q is not None:
                    k = _tok_at(info, q[0])  # "… “hasta 50 °C” registradas, como aseguran X"
                    break
            k -= 1
        cue.narrow = True
        return max(boundary, k)
    j = cue.tok - 1
    while j > boundary and info.words[j] in (",", "—", "–", "-"):
        j -= 1
    if j >= boundary and info.words[j] in _CLOSE:
        q = _quote_of(info, info.starts[j])
        if q is not None:
            return max(boundary, _tok_at(info, q[0]))  # "“…”, dice X": only the quotation
    if info.words[cue.tok - 1 : cue.tok] == ["("] or (
        cue.tok - 2 >= boundary and info.words[cue.tok - 2] == "("
    ):
        cue.narrow = True
    return boundary


def _pick(cues: Sequence[_Cue], t: int) -> list[_Cue]:
    """The cues attributing token ``t``: outermost first (a chain when nested)."""
    covering = [c for c in cues if c.lo <= t < c.hi]
    if not covering:
        return []
    narrow = [c for c in covering if c.narrow]
    if narrow:
        return [narrow[0]]
    back = [c for c in covering if c.tok > t]
    if back:
        # "Como informó el diario X, … 300 casos, según funcionarios": X, then the inner
        outer = [c for c in covering if c.outer and c.kind == "verb" and c.tok < t]
        return [*outer[:1], min(back, key=lambda c: c.tok)]
    fwd = sorted(covering, key=lambda c: c.tok)
    outer = [c for c in fwd if c.outer]
    inner = [c for c in fwd if not c.outer]
    chain = outer + inner[-1:]
    return chain


def _subject_np(info: _Info, tok: int, lo: int, hi: int) -> _NP | None:
    """The noun phrase whose head (a parse's ``nsubj``) is token ``tok``."""
    tab = _tables()
    if _is_cap(info.words[tok]) and info.lower[tok] not in tab.determiners:
        k = bisect_right(info.names, tok, key=lambda span: span[0]) - 1
        if k >= 0 and info.names[k][0] <= tok < info.names[k][1]:
            a, b = info.names[k]
            np = _NP(a, b)
            np.role = _role_before(info, a, max(lo, a - MAX_ROLE - 1))
            return np
        return _NP(tok, tok + 1)
    for d in range(tok, max(lo, tok - 3) - 1, -1):
        if info.lower[d] in tab.determiners:
            end = _role_np_forward(info, d, hi)
            if end > d + 1:
                return _appos_after(info, _NP(d, end), hi)
    return None


def _verb_speaker(info: _Info, v: int, n: int, lo: int, hi: int) -> dict[str, Any] | None:
    """Speaker of a reporting verb at ``v``: post-posed, pre-posed or coordinated subject.

    ``None`` when the subject is elided ("…, indicó.", "Recordó que …") or a pronoun.
    """
    tab = _tables()
    prev = info.words[v - 1] if v - 1 >= lo else ""
    sub = info.nsubj[v]
    if prev.lower() in tab.coordinators:
        # "X habló de … y dijo: …": the subject of the first verb
        h = info.heads[v] if info.has_dep else -1
        np = None
        if 0 <= h < v and info.nsubj[h] >= lo:
            np = _subject_np(info, info.nsubj[h], lo, v)
        if np is None and not info.has_dep:
            np = _main_subject_np(info, lo, v)
        if np is not None:
            return _speaker_dict(info, np, (v, v + n), "preposed")
        return None
    if _at_clause_start(info, v, lo):
        # inverted: "Recordó el diputado Luis Gómez que …"
        inv = _np_after(info, v + n, hi)
        if inv is not None and inv.end < hi and info.lower[inv.end] in ("que", ":"):
            return _speaker_dict(info, inv, (v, v + n), "inverted")
    appositive = prev == "," and _appositive_before(info, v - 1, lo)
    if not appositive and (
        prev in (",", "—", "-", "–")
        or (prev.lower() == "como")
        or sub > v
        or (prev[-1:] in ("»", "”", '"'))
    ):
        np = _np_after(info, v + n, hi)
        if np is not None:
            return _speaker_dict(info, np, (v, v + n), "postposed")
    passive = v - 1 >= lo and info.lower[v - 1] in tab.passive
    # "El coste se estima en 50.000 dólares": a passive "se" has no speaker before it
    np = None if passive else _np_before(info, v, lo)
    if np is not None and not _is_pronoun(info, np) and not _is_time(info, np):
        return _speaker_dict(info, np, (v, v + n), "preposed")
    np = _locative_source(info, v, lo)
    if np is not None:
        return _speaker_dict(info, np, (v, v + n), "preposed")
    return None


def _locative_source(info: _Info, v: int, lo: int) -> _NP | None:
    """ "En el informe X se explica que …", "En una publicación, aseguran que …"."""
    tab = _tables()
    start = lo
    while start < v and not info.words[start][:1].isalnum():
        start += 1
    if start >= v - 2 or info.lower[start] != "en" or info.lower[start + 1] not in tab.determiners:
        return None
    end = _role_np_forward(info, start + 1, v)
    if end <= start + 2:
        return None
    head = _role_head(info, start + 1, end) or ""
    if head not in tab.source_nouns and head not in tab.role_nouns:
        return None
    return _source_of(info, _NP(start + 1, end))


def _is_time(info: _Info, np: _NP) -> bool:
    """ "este lunes", "la semana pasada": a time phrase is never a speaker."""
    head = _role_head(info, np.start, np.end)
    return head is not None and head in _tables().after_skip


def _is_pronoun(info: _Info, np: _NP) -> bool:
    return np.end - np.start == 1 and info.lower[np.start] in _tables().pronouns


def _appositive_before(info: _Info, comma: int, lo: int) -> bool:
    """Whether ``, Name,`` (an appositive subject) ends at the comma ``comma``."""
    k = comma - 1
    tab = _tables()
    while k >= lo and comma - k <= MAX_NAME and _is_cap(info.words[k]):
        k -= 1
    if k == comma - 1 or k < lo:
        return False
    if info.words[k] == ",":
        return True
    return info.lower[k] in tab.determiners and _is_cap(info.words[k + 1])


def _main_subject_np(info: _Info, lo: int, hi: int) -> _NP | None:
    """The subject of a sentence's main clause, on the words alone.

    A leading adverbial phrase up to its comma ("Durante el debate, el candidato …") is
    skipped; then a name, or a determiner-led phrase with its appositive name.
    """
    tab = _tables()
    start = lo
    while start < hi and not info.words[start][:1].isalnum():
        start += 1
    if start < hi and (
        info.lower[start] in tab.np_stop
        or info.lower[start] in tab.before_skip
        or (info.words[start] in tab.not_name and info.lower[start] not in tab.determiners)
    ):
        for k in range(start, min(hi, start + 30)):
            if info.words[k] == ",":
                start = k + 1
                break
        else:
            return None
    if start >= hi:
        return None
    end = _name_at(info, start)
    if end > start:
        return _NP(start, end)
    rend = _role_np_forward(info, start, min(hi, start + MAX_ROLE + 1))
    if rend > start + 1:
        return _appos_after(info, _NP(start, rend), hi)
    return None


def _main_subject(info: _Info, sent: tuple[int, int]) -> dict[str, Any] | None:
    """Main subject of a sentence (for a following elided "Recordó que …")."""
    lo = _tok_at(info, sent[0])
    hi = min(_tok_at(info, sent[1]), lo + 60)
    np: _NP | None = None
    if info.has_dep:
        for t in range(lo, hi):
            if info.deps[t] == "ROOT" and lo <= info.nsubj[t] < t:
                np = _subject_np(info, info.nsubj[t], lo, hi)
                break
    if np is None:
        np = _main_subject_np(info, lo, hi)
    if np is None or _is_pronoun(info, np):
        return None
    tab = _tables()
    head = _role_head(info, np.start, np.end) or ""
    if not (
        np.role is not None
        or (_is_cap(info.words[np.start]) and info.lower[np.start] not in tab.determiners)
        or head in tab.role_nouns
        or head.endswith(tab.person_suffixes)
    ):
        return None  # "La afirmación …": no one to report a figure
    return _speaker_dict(info, np, (np.start, np.end), "preposed")


def _quote_cue(info: _Info, q: tuple[int, int], sent_lo: int) -> tuple[_Cue, int] | None:
    """The attribution of a quotation: right after it closes, or before it opens.

    Returns the cue (its speaker ``None`` when elided) and the token the cue is at.
    """
    after = _tok_at(info, q[1])
    hi = min(len(info.words), after + WINDOW)
    j = after
    while j < hi and info.words[j] in (",", "—", "-", "–"):
        j += 1
    # "…”, dijo X." or "…” a las cifras anteriores, acotó." (a short tail, then the cue)
    for v in range(j, min(hi, j + 10)):
        if info.words[v] in (".", "!", "?", "«", "“", '"', ":", ";"):
            break
        n = _is_cue_verb(info, v)
        if n and (v == j or info.words[v - 1] == "," or (v == j + 1 and info.lower[j] == "se")):
            np = _np_after(info, v + n, hi)
            if np is not None:
                return _Cue(v, n, "verb", _speaker_dict(info, np, (v, v + n), "quote")), v
            nxt = info.words[v + n] if v + n < len(info.words) else "."
            if not nxt[:1].isalpha():
                return _Cue(v, n, "verb", None), v
            break
    before = _tok_at(info, q[0]) - 1
    colon = before >= 0 and info.lower[before] in (":", "que")
    if before >= 0 and info.words[before] in (":", ","):
        before -= 1
    lo = max(0, before - WINDOW)
    reach = 25 if colon else 4
    for v in range(before, max(lo, before - reach) - 1, -1):
        if colon and v < before and info.words[v] in (".", "!", "?", ":", "»", "”"):
            break
        n = _is_cue_verb(info, v)
        if n and v + n - 1 <= before:
            spk = _verb_speaker(info, v, n, max(lo, sent_lo if sent_lo <= v else lo), before + 1)
            if spk is not None:
                spk["shape"] = "quote"
            return _Cue(v, n, "verb", spk), v
    return None


def _with_cue(prev: dict[str, Any], info: _Info, cue: _Cue, shape: str) -> dict[str, Any]:
    out = dict(prev)
    out.update(
        cue=_clean(info.text[info.starts[cue.tok] : info.ends[cue.tok + cue.n - 1]]),
        cue_start=info.starts[cue.tok],
        cue_end=info.ends[cue.tok + cue.n - 1],
        shape=shape,
    )
    return out


def _role_head(info: _Info, a: int, b: int) -> str | None:
    """The noun of a role phrase ("el ex senador" -> "senador")."""
    tab = _tables()
    for t in range(a, b):
        low = info.lower[t]
        if low in tab.determiners or low in tab.role_modifiers:
            continue
        if low.startswith("ex") and low[2:] in tab.role_nouns:
            return low[2:]
        return low
    return None


def _same_role(x: str, y: str) -> bool:
    groups = _tables().role_groups
    return x == y or (x in groups and groups.get(x) == groups.get(y))


def _role_mentions(info: _Info) -> list[tuple[int, str, tuple[int, int]]]:
    """Every "role + name" of the doc: (token, role noun, name tokens), in order."""
    tab = _tables()
    out: list[tuple[int, str, tuple[int, int]]] = []
    n = len(info.words)
    for a, b in info.names:
        role = _role_before(info, a, max(0, a - MAX_ROLE - 1))
        if role is not None:
            head = _role_head(info, *role)
            if head is not None and (head in tab.role_nouns or head.endswith(tab.person_suffixes)):
                out.append((a, head, (a, b)))
        if b + 1 < n and info.words[b] == ",":
            k = b + 1
            while k < n and k < b + 3 and info.lower[k] in tab.determiners:
                k += 1
            head = _role_head(info, k, min(n, k + 2))
            if head is not None and head in tab.role_nouns:
                out.append((a, head, (a, b)))
    return out


def _named_as(spk: dict[str, Any], prev: dict[str, Any]) -> dict[str, Any]:
    """``spk`` with the name (and its offsets) of the earlier speaker ``prev``."""
    out = dict(spk)
    out.update(
        name=prev["name"],
        name_start_char=prev["name_start_char"],
        name_end_char=prev["name_end_char"],
    )
    return out


def _joined(text: str, sents: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences, a piece that starts with a lowercase word joined to the one before.

    A statistical splitter sometimes cuts after a parenthesis or an abbreviation
    ("(hasta el 19 de enero) las temperaturas …"): such a piece continues its sentence.
    """
    out: list[tuple[int, int]] = []
    for a, b in sents:
        head = text[a : min(b, a + 8)].lstrip()
        if out and head[:1].isalpha() and head[:1].islower():
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


class Speakers:
    """Speaker attribution for the numbers of one document.

    The attribution of each number follows its scope (see ``_scopes``); a role
    phrase ("el mandatario") is resolved to the name the document gave that role, and an
    elided subject or a pronoun ("…, indicó", "Ella dijo") takes the speaker of the
    sentence before.

    Args:
        tokens: The document's token table.
    """

    def __init__(self, tokens: TokenTable) -> None:
        self._info = _info(tokens)
        self._roles: list[tuple[int, str, tuple[int, int]]] | None = None
        self._prev: dict[int, tuple[dict[str, Any], dict[str, Any] | None] | None] = {}
        self._cues: dict[tuple[int, int], list[_Cue]] = {}
        self._signatures: list[tuple[int, int, int, int]] | None = None
        self._joined_from: Sequence[tuple[int, int]] | None = None
        self._joined: list[tuple[int, int]] = []

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
            ``role``, ``shape`` (and ``via`` for "citado por", ``speaker_chain`` for
            nested reports: the names, outermost first).
        """
        info = self._info
        if not info.starts:
            return None
        sents = sentences or [(0, len(info.text))]
        if self._joined_from is not sentences:
            self._joined_from, self._joined = sentences, _joined(info.text, sents)
            self._prev = {}
        sents = self._joined
        k = _sentence_of(sents, start_char)
        sent = sents[k]
        if _in_conversion(info, start_char, sent[0]):
            return None
        spk = self._find(start_char, end_char, sents, k)
        if spk is not None:
            spk = self._resolve_role(spk, sents)
        sig = self._signature(start_char)
        if sig is not None:
            return sig
        return spk

    def _signature(self, char: int) -> dict[str, Any] | None:
        """The author of an embedded post: "… pic.twitter.com/x — Name (@handle) date"."""
        info = self._info
        if self._signatures is None:
            self._signatures = []
            for m in _SIGNATURE.finditer(info.text):
                # the post runs back to the previous paragraph or closing quotation
                lo = max(info.text.rfind("\n", 0, m.start()), 0)
                for mark in _CLOSE:
                    lo = max(lo, info.text.rfind(mark, lo, m.start()) + 1)
                self._signatures.append((lo, m.start(), m.start(1), m.end(1)))
        for lo, hi, ns, ne in self._signatures:
            if lo <= char < hi:
                name = _clean(info.text[ns:ne])
                return {
                    "text": name,
                    "name": name,
                    "cue": "—",
                    "cue_start": ns - 1,
                    "cue_end": ns,
                    "start_char": ns,
                    "end_char": ne,
                    "name_start_char": ns,
                    "name_end_char": ne,
                    "role": None,
                    "shape": "signature",
                }
        return None

    def _find(
        self, start_char: int, end_char: int, sents: Sequence[tuple[int, int]], k: int
    ) -> dict[str, Any] | None:
        info = self._info
        sent = sents[k]
        q = _quote_of(info, start_char)
        if q is not None and q[1] >= end_char:
            found = _quote_cue(info, q, _tok_at(info, sents[_sentence_of(sents, q[0])][0]))
            if found is not None:
                cue, v = found
                if cue.speaker is not None:
                    return cue.speaker
                prev = self._previous(sents, _sentence_of(sents, info.starts[v]))
                if prev is not None:
                    return _with_cue(prev, info, cue, "quote")
            qk = _sentence_of(sents, q[0])
            if k > 0 and qk == k and info.text[sent[0] : q[0]].strip() == "":
                pq = _quote_of(info, max(sents[k - 1][1] - 1, 0))
                if pq is None:
                    last = bisect_right(info.quotes, q[0] - 1, key=lambda span: span[0]) - 1
                    if last >= 0 and info.quotes[last][0] >= sents[k - 1][0]:
                        pq = info.quotes[last]
                if pq is not None:
                    found = _quote_cue(info, pq, _tok_at(info, sents[k - 1][0]))
                    if found is not None and found[0].speaker is not None:
                        return found[0].speaker
        cues, t = self._sentence_cues(sent, start_char)
        chain = _pick(cues, t)
        if not chain:
            return None
        named = [c for c in chain if c.speaker is not None]
        if len(named) == len(chain):
            out = dict(named[0].speaker or {})
        else:
            prev = self._previous(sents, k)
            if prev is None:
                if not named:
                    return None
                out = dict(named[0].speaker or {})
            else:
                first = chain[0]
                out = (
                    dict(first.speaker)
                    if first.speaker is not None
                    else _with_cue(prev, info, first, "preposed")
                )
        if len(named) > 1:
            out["speaker_chain"] = [c.speaker["name"] for c in named if c.speaker]
        return out

    def _sentence_cues(self, sent: tuple[int, int], char: int) -> tuple[list[_Cue], int]:
        info = self._info
        lo_t = _tok_at(info, sent[0])
        hi_t = _tok_at(info, sent[1])
        c = _tok_at(info, char)
        # windows aligned on blocks of WINDOW tokens, so that the claims of one long
        # sentence share their cue scans and cost stays linear
        block = (c // WINDOW) * WINDOW
        lo_t, hi_t = max(lo_t, block - WINDOW), min(hi_t, block + 2 * WINDOW)
        key = (lo_t, hi_t)
        if key not in self._cues:
            self._cues[key] = _cues_in(info, lo_t, hi_t)
        return self._cues[key], c

    def _previous(
        self, sents: Sequence[tuple[int, int]], k: int, *, source: bool = False
    ) -> dict[str, Any] | None:
        """The speaker of the sentence before ``k`` (or the one before it), if named.

        With ``source``, a "según X" source is preferred to the speaker of a verb.
        """
        for kk in range(k - 1, k - (5 if source else 3), -1):
            if kk < 0:
                return None
            if kk not in self._prev:
                self._prev[kk] = self._sentence_speaker(sents[kk])
            found = self._prev[kk]
            if found is not None and (found[1] is not None or not source):
                return found[1] if source else found[0]
        return None

    def _sentence_speaker(
        self, sent: tuple[int, int]
    ) -> tuple[dict[str, Any], dict[str, Any] | None] | None:
        """(last named speaker, last "según" source) of a sentence, or its main subject."""
        info = self._info
        lo = _tok_at(info, sent[0])
        hi = _tok_at(info, sent[1])
        lo = max(lo, hi - 2 * WINDOW)
        cues = _cues_in(info, lo, hi)
        named = [c.speaker for c in cues if c.speaker is not None]
        sources = [c.speaker for c in cues if c.speaker is not None and c.kind == "segun"]
        if named:
            return named[-1], (sources[-1] if sources else None)
        main = _main_subject(info, sent)
        return None if main is None else (main, None)

    def _resolve_role(
        self, spk: dict[str, Any], sents: Sequence[tuple[int, int]]
    ) -> dict[str, Any] | None:
        """A role phrase without a name ("el mandatario") -> the name the doc gave it."""
        info = self._info
        if spk["role"] is None or spk["name"] != spk["text"]:
            return spk
        a = _tok_at(info, spk["start_char"])
        b = _tok_at(info, spk["end_char"] - 1) + 1
        if any(_is_cap(w) for w in info.words[a + 1 : b]):
            return spk  # "el Banco Central": an institution, no role to resolve
        head = _role_head(info, a, b)
        tab = _tables()
        if info.lower[a] in tab.possessives:
            # "Según sus cálculos, …": whose they are, from the sentences before
            prev = self._previous(sents, _sentence_of(sents, spk["start_char"]))
            if prev is None:
                return None
            out = dict(prev)
            out.update(cue=spk["cue"], cue_start=spk["cue_start"], cue_end=spk["cue_end"])
            return out
        if head in tab.source_nouns and (
            info.lower[a] in tab.anaphoric or (a + 1 < b and info.lower[a + 1] in tab.anaphoric)
        ):
            # "según este registro": the source the sentences before named
            prev = self._previous(sents, _sentence_of(sents, spk["start_char"]), source=True)
            if prev is not None and _is_cap(prev["name"]):
                return _named_as(spk, prev)
        if head is None or head in tab.source_nouns:
            return spk
        if head in tab.institutions and info.lower[a] in tab.determiners:
            # "El portal de datos registra …" after "Según Our World in Data, …"
            prev = self._previous(sents, _sentence_of(sents, spk["start_char"]))
            if prev is not None and prev["role"] is None and _is_cap(prev["name"]):
                return _named_as(spk, prev)
            return spk
        if self._roles is None:
            self._roles = _role_mentions(info)
        best: tuple[int, int] | None = None
        best_d = -1
        for pos, role, span in self._roles:
            if _same_role(role, head):
                d = a - pos if pos < a else (len(info.words) + pos - a)
                if best is None or d < best_d:
                    best, best_d = span, d
        if (
            best is None
            and info.lower[a] in ("el", "la")
            and (head in tab.role_nouns or head.endswith(tab.person_suffixes))
        ):
            # "El neurólogo señaló …" after a sentence about a person named with a role
            prev = self._previous(sents, _sentence_of(sents, spk["start_char"]))
            if prev is not None and prev["name"][:1].isupper() and prev["name"] != prev["role"]:
                best = (
                    _tok_at(info, prev["name_start_char"]),
                    _tok_at(info, prev["name_end_char"] - 1) + 1,
                )
        if best is None:
            return spk
        ns, ne = _fullest(info, _NP(*best))
        out = dict(spk)
        out.update(name=_clean(info.text[ns:ne]), name_start_char=ns, name_end_char=ne)
        return out


def find_speaker(
    tokens: TokenTable, start_char: int, end_char: int, *, sentences: Sequence[tuple[int, int]]
) -> dict[str, Any] | None:
    """Find who asserted the number at ``[start_char, end_char)`` of ``tokens``' text.

    For one number; for every number of a document, build one :class:`Speakers`
    and call its :meth:`~Speakers.find`.
    """
    return Speakers(tokens).find(start_char, end_char, sentences=sentences)
