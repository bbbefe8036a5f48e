"""Link the claims of a text: changes, comparisons, the time each is about, claim types,
and the checks of what they state together (pure: no spaCy).

:func:`link` is the last step of :func:`numclaims.rules.claims.build_claims`. It cuts a
change "de X a Y" into its two claims, and fills each draft's ``change``,
``comparison``, ``time``, ``claim_type`` and ``checks``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING, Any

import regex

from ..claim import plain_decimal
from ..lang import table
from . import changes as ch_mod
from .checks import check_delta, check_factor, check_parts, check_relative, check_shares
from .comparisons import Comparison, find_comparisons
from .patterns import any_of
from .periods import TimeExpr, find_times, nearest_time
from .text import fold, fold_keep_length

if TYPE_CHECKING:
    from .claims import Draft

__all__ = ["Relations", "claim_type_of", "link", "relations_of"]

#: How far from a comparison cue its figure may be (characters).
_CUE_REACH = 120


class Relations:
    """What :func:`relations_of` found in one text: its changes, comparisons and times,
    per sentence, for a caller that wants the evidence of a claim type."""

    def __init__(self) -> None:
        self.changes: list[dict[str, Any]] = []
        self.comparisons: list[dict[str, Any]] = []
        self.times: list[TimeExpr] = []


def _year_range(d: Draft, times: Sequence[TimeExpr], time_starts: Sequence[int]) -> bool:
    """ "entre 2010 y 2018" read as a range of counts: a period, not a claim."""
    if d.qualifier != "range" or d.unit is not None:
        return False
    lo, hi = d.value_min, d.value_max
    if lo is None or hi is None or not (1500 <= lo <= hi <= 2099):
        return False
    if lo != lo.to_integral_value() or hi != hi.to_integral_value():
        return False
    k = bisect_right(time_starts, d.start) - 1  # the last time that starts before it
    return k >= 0 and d.end <= times[k].end


def _carry_unit(to: Draft, frm: Draft) -> None:
    """ "bajó de 48 a 41 %", "54 frente a 37 %": the first figure takes the second's unit."""
    if frm.unit is None and to.unit is not None and to.unit.get("kind") != "counted":
        frm.unit = dict(to.unit)
        frm.unit_span = None
        frm.implicit_unit = True
        frm.kind = to.kind


def _add_check(drafts: Sequence[Draft], idx: Sequence[int], check: dict[str, Any]) -> None:
    for i in sorted(set(idx)):
        drafts[i].checks.append(check)


def _change_checks(c: ch_mod.Change, drafts: Sequence[Draft]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []

    def val(i: int | None) -> Decimal | None:
        return drafts[i].value if i is not None else None

    frm, to = val(c.from_i), val(c.to_i)
    if frm is None or to is None:
        return out
    delta = val(c.delta_i)
    if delta is not None:
        signed = -delta if c.verb.direction == "down" else delta
        pts = c.delta_i is not None and ch_mod.is_points(drafts[c.delta_i])
        out.append(
            check_delta(frm, to, signed, points=pts or ch_mod.is_percent(drafts[c.to_i or 0]))
        )
    rel = val(c.relative_i)
    if rel is not None:
        out.append(check_relative(frm, to, -rel if c.verb.direction == "down" else rel))
    factor = val(c.factor_i) if c.factor_i is not None else c.verb.factor or None
    if factor is not None:
        out.append(check_factor(frm, to, factor, kind="change_factor"))
    if c.verb.direction in ("up", "down") and frm != to:
        computed = "up" if to > frm else "down"
        out.append(
            {
                "kind": "change_direction",
                "ok": computed == c.verb.direction,
                "stated": c.verb.direction,
                "computed": computed,
            }
        )
    return out


def _between(starts: Sequence[int], lo: int, hi: int) -> range:
    """The indices of the drafts (by their sorted ``starts``) that start in ``[lo, hi)``."""
    return range(bisect_left(starts, lo), bisect_left(starts, hi))


def _in_cues(starts: Sequence[int], cues: Sequence[Comparison]) -> set[int]:
    """The drafts that are part of a comparison's cue ("tres" of "tres veces más")."""
    return {i for c in cues for i in _between(starts, c.start, c.end)}


def _comparison_claims(
    c: Comparison, drafts: Sequence[Draft], starts: Sequence[int], in_cue: set[int]
) -> tuple[int | None, int | None, int | None]:
    """The claim a comparison is about, the one it is compared with, and its factor claim
    ("tres" of "tres veces más")."""
    # the claims near the cue only (a claim's text is a few hundred characters at most)
    idx = _between(starts, c.start - _CUE_REACH - 400, max(c.end, c.other_end) + _CUE_REACH)
    factor_i = next((i for i in idx if c.start <= drafts[i].start < c.end), None)
    other = None
    if c.other_start >= 0:
        other = next(
            (i for i in idx if c.other_start <= drafts[i].start < c.other_end and i not in in_cue),
            None,
        )
    before = [i for i in idx if drafts[i].end <= c.start and c.start - drafts[i].end <= _CUE_REACH]
    subject = before[-1] if before else None
    if subject is None and c.kind in ("superlative", "rank"):
        after = [
            i
            for i in idx
            if drafts[i].start >= c.end and drafts[i].start - c.end <= _CUE_REACH and i != other
        ]
        subject = after[0] if after else None
    if subject in in_cue:
        subject = None
    return subject, other, factor_i


def _compare(
    c: Comparison, drafts: Sequence[Draft], starts: Sequence[int], in_cue: set[int]
) -> None:
    subject, other, factor_i = _comparison_claims(c, drafts, starts, in_cue)
    if subject is None and other is None and factor_i is None:
        return
    base = c.to_dict()
    if other is not None:
        base["other_value"] = str(drafts[other].value) if drafts[other].value is not None else None
    if subject is not None and other is not None:
        _carry_unit(drafts[other], drafts[subject])
    for i, role in ((subject, "subject"), (other, "other"), (factor_i, "factor")):
        if i is not None and drafts[i].comparison is None:
            drafts[i].comparison = {**base, "role": role}
    if subject is None or other is None:
        return
    a, b = drafts[subject].value, drafts[other].value
    if a is None or b is None:
        return
    if c.kind == "ratio" and c.factor is not None:
        factor = c.factor if c.direction != "less" or c.factor < 1 else 1 / c.factor
        _add_check(drafts, [subject, other], check_factor(b, a, factor, kind="comparison_ratio"))
    elif c.kind == "difference" and c.direction is not None:
        computed = "more" if a > b else "less" if a < b else "equal"
        _add_check(
            drafts,
            [subject, other],
            {
                "kind": "comparison_direction",
                "ok": computed == c.direction,
                "stated": c.direction,
                "computed": computed,
                "difference": str(a - b),
            },
        )


@lru_cache(maxsize=1)
def _parts_re() -> regex.Pattern[str]:
    cues = any_of(fold(w) for w in table("relations")["parts_cues"])
    return regex.compile(rf"(?:^|[,;:(])\s*(?:{cues})\b")


@lru_cache(maxsize=1)
def _restatement_re() -> regex.Pattern[str]:
    cues = any_of(fold(w) for w in table("relations")["restatement_cues"])
    return regex.compile(rf"^\s*[,(:]?\s*(?:(?:{cues})\s*,?\s*)?$")


def _same_unit(a: Draft, b: Draft) -> bool:
    if b.unit is None or b.implicit_unit:
        return True
    if a.unit is None:
        return False
    return a.unit.get("kind") == b.unit.get("kind") and (
        a.unit.get("code"),
        a.unit.get("name"),
    ) == (b.unit.get("code"), b.unit.get("name"))


def _parts(text: str, drafts: Sequence[Draft], idx: Sequence[int]) -> None:
    """ "1.200 millones …, de ellos 800 …, 300 … y 100 …": parts against their total."""
    for k, t in enumerate(idx[:-1]):
        total = drafts[t]
        gap = text[total.end : drafts[idx[k + 1]].start]
        if total.value is None or len(gap) > 80 or not _parts_re().search(fold_keep_length(gap)):
            continue
        parts = [i for i in idx[k + 1 :] if drafts[i].value is not None]
        parts = [i for i in parts if drafts[i].qualifier != "range"]
        if len(parts) < 2:
            continue
        values = [v for v in (drafts[i].value for i in parts) if v is not None]
        if all(ch_mod.is_percent(drafts[i]) for i in parts) and not ch_mod.is_percent(total):
            _add_check(drafts, parts, check_shares(values))
        elif all(_same_unit(total, drafts[i]) for i in parts):
            # "1.200 millones de euros, de ellos 800, 300 y 100": the parts share its scale
            scale = _scale_of(total.text)
            if scale and all(
                drafts[i].unit is None and not _scale_of(drafts[i].text) for i in parts
            ):
                values = [v.scaleb(scale) for v in values]
            check = check_parts(total.value, values)
            if scale and values and check["parts_sum"] != "0":
                check["scale_carried"] = plain_decimal(Decimal(1).scaleb(scale))
            _add_check(drafts, [t, *parts], check)
        return


@lru_cache(maxsize=1)
def _scale_words() -> dict[str, int]:
    numbers = table("numbers")
    words = {fold(w): 3 for w in numbers["thousand_words"]}
    words.update({fold(k): int(v) for k, v in numbers["scales"].items()})
    return words


def _scale_of(text: str) -> int:
    """The power of ten of the scale words of a claim's text ("1.200 millones": 6)."""
    words = _scale_words()
    return sum(words.get(w, 0) for w in fold(text).split())


@lru_cache(maxsize=1)
def _base_re() -> regex.Pattern[str]:
    return regex.compile(r"^\s*(?:de|del)\s+(?:(?:la|las|el|los)\s+)?([a-zñ]{3,20})\b")


def _shares(text: str, drafts: Sequence[Draft], idx: Sequence[int]) -> None:
    """Percentages of one whole ("el 60 % de los votos … el 55 % de los votos") that add
    up to more than 100 %."""
    by_base: dict[str, list[int]] = {}
    for i in idx:
        d = drafts[i]
        if not ch_mod.is_percent(d) or d.value is None or d.change is not None:
            continue
        if d.qualifier not in (None, "approx") or d.comparison is not None:
            continue
        m = _base_re().match(fold_keep_length(text[d.end : d.end + 40]))
        if m is not None:
            by_base.setdefault(m.group(1), []).append(i)
    for group in by_base.values():
        values = [drafts[i].value for i in group]
        if len(group) >= 2 and not any(
            c["kind"] == "shares_of_whole" for c in drafts[group[0]].checks
        ):
            _add_check(drafts, group, check_shares([v for v in values if v is not None]))


def _ratio_restated(text: str, drafts: Sequence[Draft], idx: Sequence[int]) -> None:
    """ "la mitad de esa cantidad, es decir, 500.000": the ratio against its base."""
    for k, i in enumerate(idx):
        d = drafts[i]
        ref = d.ratio_of
        if ref is None or k + 1 >= len(idx):
            continue
        nxt = drafts[idx[k + 1]]
        anaphor_end = d.end + 40
        gap = fold_keep_length(text[d.end : nxt.start])
        # past the anaphor ("de esa cantidad"), up to the punctuation before the figure
        tail = regex.sub(r"^\s+de\s+(?:\w+\s+){0,3}\w+(?=\s*[,(:])", "", gap, count=1)
        if nxt.value is None or nxt.start > anaphor_end + 40 or not _restatement_re().match(tail):
            continue
        _add_check(
            drafts,
            [i, idx[k + 1]],
            check_factor(ref.value, nxt.value, d.value or Decimal(0), kind="ratio_base"),
        )


def claim_type_of(d: Draft) -> str:
    """A claim's type (QuanTemp): ``comparison`` for changes and comparisons, ``interval``
    for ranges and bounds, ``statistical`` otherwise."""
    if d.change is not None or d.comparison is not None:
        return "comparison"
    if d.qualifier in ("range", "at_least", "at_most", "more_than", "less_than"):
        return "interval"
    return "statistical"


def _sentences(text: str, sentences: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(s, e) for s, e in sentences if 0 <= s < e <= len(text)] or [(0, len(text))]


def _with_claims(
    sents: Sequence[tuple[int, int]], drafts: Sequence[Draft]
) -> list[tuple[int, int]]:
    """The sentences that a draft (in text order) overlaps, in linear-logarithmic time."""
    starts = [d.start for d in drafts]
    reach = list(accumulate((d.end for d in drafts), max))  # the furthest end so far
    kept = []
    for s, e in sents:
        k = bisect_left(starts, e)  # drafts[:k] start before the sentence ends
        if k and reach[k - 1] > s:
            kept.append((s, e))
    return kept


def link(
    text: str,
    drafts: Sequence[Draft],
    sentences: Sequence[tuple[int, int]] = (),
    *,
    reference_date: date | None = None,
    relations: Relations | None = None,
) -> list[Draft]:
    """Link the claims of ``text``: split changes "de X a Y", attach changes, comparisons,
    times, claim types and checks (in place on the drafts kept); return the drafts.

    Args:
        text: The whole text.
        drafts: Its claims, in order.
        sentences: Sentence spans; the whole text is one sentence when empty.
        reference_date: The date of writing, to resolve relative times; relative times
            stay relative without one.
        relations: Filled with the changes, comparisons and times found, if given.
    """
    out = ch_mod.split_ranges(text, drafts)
    sents = _sentences(text, sentences)
    if relations is None:
        # a sentence with no claim links nothing (its evidence is only wanted in relations)
        sents = _with_claims(sents, out)
    times_by_sent = [find_times(text, s, e, reference_date=reference_date) for s, e in sents]
    all_times = [t for ts in times_by_sent for t in ts]
    time_starts = [t.start for t in all_times]
    out = [d for d in out if not _year_range(d, all_times, time_starts)]
    for d in out:
        d.checks = []
    starts = [d.start for d in out]
    for (s, e), times in zip(sents, times_by_sent, strict=True):
        idx = [i for i in _between(starts, s, e) if out[i].end <= e]
        for c in ch_mod.find_changes(text, out, (s, e), starts=starts):
            if c.from_i is not None and c.to_i is not None:
                _carry_unit(out[c.to_i], out[c.from_i])
            desc = ch_mod.describe(c, out)
            if relations is not None:
                relations.changes.append(desc)
            for i, role in ch_mod.indices(c):
                out[i].change = {**desc, "role": role}
            for check in _change_checks(c, out):
                _add_check(out, [i for i, _ in ch_mod.indices(c)], check)
        comps = find_comparisons(text, s, e)
        in_cue = _in_cues(starts, comps)
        for comp in comps:
            if relations is not None:
                relations.comparisons.append(comp.to_dict())
            _compare(comp, out, starts, in_cue)
        _parts(text, out, idx)
        _shares(text, out, idx)
        _ratio_restated(text, out, idx)
        if relations is not None:
            relations.times.extend(times)
        time_ends = [t.end for t in times]
        for i in idx:
            t = nearest_time(times, out[i].start, out[i].end, time_ends)
            out[i].time = t.to_dict() if t is not None else None
    for d in out:
        d.claim_type = claim_type_of(d)
    return out


def relations_of(
    text: str, drafts: Sequence[Draft], sentences: Sequence[tuple[int, int]] = ()
) -> tuple[list[Draft], Relations]:
    """:func:`link`, and what it found (the evidence of a whole text's claim type)."""
    rel = Relations()
    return link(text, drafts, sentences, relations=rel), rel
