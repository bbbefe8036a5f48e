"""Changes: "pasó del 70 al 102 %", "subió un 18 %", "creció 32 puntos", "se triplicaron".

A verb of change and the figures after it make one :class:`Change`: where it started
(``from``), where it ended (``to``), and what the text says about its size (a ``delta``
in the figures' unit or in percentage points, a ``relative`` change in percent, a
``factor``). A change "de X a Y" is two claims, never a range: :func:`split_ranges`
cuts a range the scanner merged after a verb of change into its two ends.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import regex

from ..claim import plain_decimal
from ..lang import table
from .patterns import any_of
from .text import fold, fold_keep_length

if TYPE_CHECKING:
    from .claims import Draft

__all__ = ["Change", "VerbOfChange", "find_changes", "split_ranges", "verbs_of_change"]

#: How far after a verb of change its figures may start (characters).
_REACH = 60
#: The longest gap between two figures of one change (characters).
_GAP = 48


@dataclass(frozen=True)
class VerbOfChange:
    """A verb of change in a text: where, its words, its direction or factor."""

    start: int
    end: int
    text: str
    direction: str | None  # "up", "down" or None (the values tell: "pasó")
    factor: Decimal | None = None  # "se triplicó": 3


@dataclass
class Change:
    """A change and the claims (indices into the drafts) that state it."""

    verb: VerbOfChange
    from_i: int | None = None
    to_i: int | None = None
    delta_i: int | None = None  # "32 puntos": an absolute change
    relative_i: int | None = None  # "un 18 %": a relative change
    factor_i: int | None = None  # "a la mitad"
    roles: dict[int, str] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _verbs() -> tuple[regex.Pattern[str], Mapping[str, tuple[str | None, Decimal | None]]]:
    data = table("relations")
    meaning: dict[str, tuple[str | None, Decimal | None]] = {}
    for direction, forms in data["change_verbs"].items():
        for f in forms:
            meaning[fold(f)] = (None if direction == "none" else direction, None)
    for factor, forms in data["multiplier_verbs"].items():
        for f in forms:
            meaning[fold(f)] = ("up", Decimal(factor))
    for f in data["multiplied_by"]:
        meaning[fold(f)] = ("up", Decimal(0))  # the factor is the number after it
    return regex.compile(rf"\b(?:{any_of(meaning)})\b"), meaning


def verbs_of_change(text: str, start: int = 0, end: int | None = None) -> list[VerbOfChange]:
    """The verbs of change in ``text[start:end]``, in order.

    Example:
        >>> [(v.text, v.direction) for v in verbs_of_change("El paro bajó y los precios subieron")]
        [('bajó', 'down'), ('subieron', 'up')]
    """
    end = len(text) if end is None else end
    folded = fold_keep_length(text[start:end])
    pattern, meaning = _verbs()
    out = []
    for m in pattern.finditer(folded):
        direction, factor = meaning[regex.sub(r"\s+", " ", m.group())]
        s, e = start + m.start(), start + m.end()
        out.append(VerbOfChange(s, e, text[s:e], direction, factor))
    return out


@lru_cache(maxsize=1)
def _cues() -> Mapping[str, regex.Pattern[str]]:
    data = table("relations")

    def tail(key: str) -> regex.Pattern[str]:
        return regex.compile(rf"(?:^|\s)(?:{any_of(fold(w) for w in data[key])})\s*$")

    return {
        "from": tail("change_from_cues"),
        "to": tail("change_to_cues"),
        "by": regex.compile(
            rf"^[\s,]*(?:(?:se|le|la|lo|les|los|las|ha|han|habia|hay)\s+)*"
            rf"(?:(?:{any_of(fold(w) for w in data['change_by_cues'])})\s+)?$"
        ),
        "apposition": regex.compile(r"^\s*[,(:–-]\s*(?:(?:en|un|una|o sea|es decir)\s+)?$"),
        "join": regex.compile(
            rf"\s+(?:{any_of(fold(w) for w in data['change_to_cues'])})\s+", regex.IGNORECASE
        ),
    }


@lru_cache(maxsize=1)
def _point_words() -> frozenset[str]:
    return frozenset(fold(w) for w in table("relations")["point_words"])


def is_percent(d: Draft) -> bool:
    """Whether a claim is a percent (not percentage points)."""
    return d.unit is not None and d.unit.get("kind") == "percent"


def is_points(d: Draft) -> bool:
    """Whether a claim is in (percentage) points: "32 puntos", "3 pp"."""
    if d.unit is None:
        return False
    if d.unit.get("kind") == "percentage_point":
        return True
    return fold(str(d.unit.get("text", ""))) in _point_words()


def split_ranges(text: str, drafts: Sequence[Draft]) -> list[Draft]:
    """Cut each range "de X a Y" / "del X al Y" that follows a verb of change into its two
    ends: a change is two claims, never a range. The start takes the end's unit when it
    has none of its own ("de 48 a 41 %": 48 %)."""
    verbs = verbs_of_change(text)
    if not verbs:
        return list(drafts)
    ends = [v.end for v in verbs]
    out: list[Draft] = []
    for d in drafts:
        # the last verb that ends before the range
        k = bisect_right(ends, d.start) - 1
        near = k >= 0 and d.start - ends[k] <= _REACH
        pair = _split(text, d) if d.qualifier == "range" and near else None
        out.extend(pair if pair is not None else (d,))
    return out


def _split(text: str, d: Draft) -> tuple[Draft, Draft] | None:
    folded = fold_keep_length(text[max(0, d.start - _REACH) : d.start])
    if _cues()["from"].search(folded) is None:
        return None
    if d.value_min is None or d.value_max is None:
        return None
    j = _cues()["join"].search(fold_keep_length(d.text))
    if j is None:
        return None
    a_end, b_start = d.start + j.start(), d.start + j.end()
    unit_inside_a = d.unit_span is not None and d.unit_span[1] <= a_end
    a = replace(
        d,
        end=a_end,
        text=text[d.start : a_end],
        value=d.value_min,
        value_min=None,
        value_max=None,
        qualifier=None,
        qualifier_text=None,
        implicit_unit=d.implicit_unit or (d.unit is not None and not unit_inside_a),
        unit_span=d.unit_span if unit_inside_a else None,
        value_fraction=None,
    )
    b = replace(
        d,
        start=b_start,
        text=text[b_start : d.end],
        value=d.value_max,
        value_min=None,
        value_max=None,
        qualifier=None,
        qualifier_text=None,
        value_fraction=None,
    )
    return a, b


def _gap(text: str, a: int, b: int) -> str:
    return fold_keep_length(text[a:b]) if 0 <= b - a <= _GAP else "\x00"


def find_changes(
    text: str,
    drafts: Sequence[Draft],
    sentence: tuple[int, int],
    *,
    starts: Sequence[int] | None = None,
) -> list[Change]:
    """The changes stated in ``text[sentence[0]:sentence[1]]`` and the claims of each.

    ``drafts`` are all the claims of the text, in order; the changes refer to them by
    index (``starts``: their start offsets, if the caller has them). A verb reaches the
    figures after it up to the next verb of change.
    """
    s, e = sentence
    verbs = verbs_of_change(text, s, e)
    starts = [d.start for d in drafts] if starts is None else starts
    changes: list[Change] = []
    for k, v in enumerate(verbs):
        stop = min(verbs[k + 1].start if k + 1 < len(verbs) else e, v.end + _REACH + 4 * _GAP)
        lo, hi = bisect_left(starts, v.end), bisect_left(starts, stop)
        idx = [i for i in range(lo, hi) if drafts[i].end <= e]
        ch = _read(text, drafts, idx, v)
        if ch is not None:
            changes.append(ch)
    return _merge(text, drafts, changes)


def _read(text: str, drafts: Sequence[Draft], idx: Sequence[int], v: VerbOfChange) -> Change | None:
    """The figures of one verb of change, read from the cue before each."""
    cues = _cues()
    ch = Change(v)
    anchor = v.end
    k = 0
    while k < len(idx):
        i = idx[k]
        d = drafts[i]
        limit = _REACH if anchor == v.end else _GAP
        if d.start - anchor > limit:
            break
        gap = fold_keep_length(text[anchor : d.start])
        nxt = drafts[idx[k + 1]] if k + 1 < len(idx) else None
        if ch.from_i is None and ch.to_i is None and cues["from"].search(gap):
            if nxt is not None and cues["to"].search(_gap(text, d.end, nxt.start)):
                ch.from_i, ch.to_i = i, idx[k + 1]
                anchor, k = nxt.end, k + 2
                continue
            if ch.delta_i is None and ch.relative_i is None:
                break  # "de 20 personas": not a change
        if ch.to_i is None and cues["to"].search(gap):
            if d.kind == "ratio" and d.value is not None:
                ch.factor_i = i  # "cayó a la mitad"
            else:
                ch.to_i = i
        elif (
            ch.delta_i is None
            and ch.relative_i is None
            and (cues["by"].match(gap) or (ch.to_i is not None and cues["apposition"].match(gap)))
        ):
            if v.factor == 0 and ch.factor_i is None:
                ch.factor_i = i  # "se multiplicó por 4"
            elif is_percent(d) and not (ch.to_i is not None and _all_percent(drafts, ch)):
                ch.relative_i = i
            else:
                ch.delta_i = i
        else:
            break
        anchor, k = d.end, k + 1
    stated = (ch.from_i, ch.to_i, ch.delta_i, ch.relative_i, ch.factor_i)
    if all(i is None for i in stated) and v.factor in (None, Decimal(0)):
        return None  # a verb alone, with no figure and no factor
    return ch


def _all_percent(drafts: Sequence[Draft], ch: Change) -> bool:
    return all(is_percent(drafts[i]) for i in (ch.from_i, ch.to_i) if i is not None)


def _merge(text: str, drafts: Sequence[Draft], changes: list[Change]) -> list[Change]:
    """ "la incrementó en 32 puntos, pasó del 70 al 102 %": a change stated by its size and
    then by its ends, close together, is one change."""
    out: list[Change] = []
    for ch in changes:
        prev = out[-1] if out else None
        if prev is not None and _sizes_only(prev) and _ends_only(ch):
            last = max(i for i in (prev.delta_i, prev.relative_i, prev.factor_i) if i is not None)
            if 0 <= ch.verb.start - drafts[last].end <= 24:
                ch.delta_i, ch.relative_i, ch.factor_i = (
                    prev.delta_i,
                    prev.relative_i,
                    prev.factor_i,
                )
                if ch.verb.direction is None:
                    ch.verb = replace(ch.verb, direction=prev.verb.direction)
                out[-1] = ch
                continue
        out.append(ch)
    return out


def _sizes_only(ch: Change) -> bool:
    return ch.from_i is None and ch.to_i is None and ch.verb.factor in (None, Decimal(0))


def _ends_only(ch: Change) -> bool:
    return ch.from_i is not None and ch.to_i is not None and ch.delta_i is None


def _s(x: Decimal | None) -> str | None:
    return plain_decimal(x) if x is not None else None


def _div(a: Decimal, b: Decimal) -> tuple[Decimal, Fraction] | None:
    if b == 0:
        return None
    f = Fraction(a) / Fraction(b)
    try:
        return Decimal(f.numerator) / Decimal(f.denominator), f
    except InvalidOperation:
        return None


def describe(ch: Change, drafts: Sequence[Draft]) -> dict[str, Any]:
    """The JSON-safe ``change`` of a claim: the values, the delta and its unit, the
    direction, the relative change and the factor (exact strings), and the claims linked."""

    def val(i: int | None) -> Decimal | None:
        return drafts[i].value if i is not None else None

    frm, to = val(ch.from_i), val(ch.to_i)
    pct = any(is_percent(drafts[i]) for i in (ch.from_i, ch.to_i) if i is not None)
    delta: Decimal | None = None
    if ch.delta_i is not None:
        delta = val(ch.delta_i)
        if delta is not None and ch.verb.direction == "down":
            delta = -delta
    elif frm is not None and to is not None:
        delta = to - frm
    relative: Decimal | None = None
    rel_fraction: str | None = None
    if frm is not None and to is not None:
        q = _div(to - frm, frm)
        if q is not None:
            relative, rel_fraction = q[0], str(q[1])
    elif ch.relative_i is not None and val(ch.relative_i) is not None:
        r = val(ch.relative_i)
        assert r is not None
        relative = (-r if ch.verb.direction == "down" else r) / 100
    factor = ch.verb.factor if ch.verb.factor else None
    if ch.factor_i is not None:
        factor = val(ch.factor_i)
    if factor is not None and relative is None:
        relative = factor - 1
    direction = ch.verb.direction
    if frm is not None and to is not None:
        direction = "up" if to > frm else "down" if to < frm else "none"
    elif direction is None and factor is not None:
        direction = "up" if factor > 1 else "down" if factor < 1 else "none"
    delta_unit: str | None = None
    if pct or (ch.delta_i is not None and is_points(drafts[ch.delta_i])):
        delta_unit = "pp"
    else:
        ref = next((drafts[i] for i in (ch.to_i, ch.from_i, ch.delta_i) if i is not None), None)
        if ref is not None and ref.unit is not None:
            u = ref.unit
            delta_unit = str(u.get("code") or u.get("symbol") or u.get("name") or "") or None
    links: dict[str, Any] = {}
    for role, i in _roles(ch):
        if i is not None:
            links[f"{role}_text"] = drafts[i].text
            links[f"{role}_start_char"] = drafts[i].start
            links[f"{role}_end_char"] = drafts[i].end
    return {
        "verb": ch.verb.text,
        "verb_start_char": ch.verb.start,
        "direction": direction,
        "from_value": _s(frm),
        "to_value": _s(to),
        "delta": _s(delta),
        "delta_unit": delta_unit,
        "relative_change": _s(relative),
        "relative_change_fraction": rel_fraction,
        "factor": _s(factor),
        "stated": sorted(role for role, i in _roles(ch) if i is not None),
        **links,
    }


def _roles(ch: Change) -> list[tuple[str, int | None]]:
    return [
        ("from", ch.from_i),
        ("to", ch.to_i),
        ("delta", ch.delta_i),
        ("relative", ch.relative_i),
        ("factor", ch.factor_i),
    ]


def indices(ch: Change) -> list[tuple[int, str]]:
    """The claims of a change with their roles, in text order."""
    return sorted((i, role) for role, i in _roles(ch) if i is not None)
