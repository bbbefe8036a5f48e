"""Scoring the ``"numclaims"`` component in spaCy's own terms (``nlp.evaluate``).

:meth:`NumClaims.score <numclaims.pipeline.component.NumClaims.score>` calls
:func:`score_claims`. A reference doc gives its claims in one of two ways:

- its span group ``doc.spans[spans_key]``: one span per claim to find, labelled with the
  claim's kind (``"quantity"``, ``"money"``, ``"percent"``, ``"other"``); detection only;
- the gold records of :func:`numclaims.evaluation.to_example` in ``doc._.numclaims_gold``
  (:data:`GOLD_ATTR`): the claims to find with their value, unit, qualifier and speaker, the
  mentions that are no claim (a claim predicted on a date is a false positive) and the
  denominators a prediction may fold in (ignored either way). Field accuracy needs them.

Predictions and claims to find are matched one to one, largest character overlap first, as
the shared scorer of the annotated dev sets does (``ANNOTATION.md``, section 7), so the
figures are those of ``score_claims.py`` on the same sentences.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from spacy.tokens import Doc
from spacy.training import Example

__all__ = ["GOLD_ATTR", "SCORE_WEIGHTS", "TARGET_KINDS", "score_claims"]

#: The Doc attribute in which a reference doc carries its gold records.
GOLD_ATTR = "numclaims_gold"

#: The kinds of mention that are claims to find.
TARGET_KINDS = ("quantity", "money", "percent", "other")

#: The factory's ``default_score_weights``: the F-score counts towards spaCy's overall
#: score, the other figures are reported only.
SCORE_WEIGHTS: dict[str, float | None] = {
    "claims_f": 1.0,
    "claims_p": 0.0,
    "claims_r": 0.0,
    "claims_value_acc": 0.0,
    "claims_unit_acc": 0.0,
    "claims_qualifier_acc": 0.0,
    "claims_speaker_acc": 0.0,
}

# the predicted kinds that are no claim (the shared scorer drops them before matching)
_NON_CLAIM_KINDS = frozenset(
    {"date", "year", "time", "ordinal", "duration", "age", "phone", "identifier"}
)
_SPEAKER_STOP = frozenset(
    [
        "el",
        "la",
        "los",
        "las",
        "lo",
        "le",
        "les",
        "un",
        "una",
        "unos",
        "unas",
        "de",
        "del",
        "al",
        "a",
        "y",
        "e",
        "o",
        "u",
        "en",
        "por",
        "para",
        "con",
        "sin",
        "su",
        "sus",
        "que",
        "segun",
        "the",
        "of",
        "and",
    ]
)
_UNIT_FIELDS = ("code", "symbol", "name", "text")

if not Doc.has_extension(GOLD_ATTR):
    Doc.set_extension(GOLD_ATTR, default=None)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.lower().split())


def _singulars(word: str) -> set[str]:
    out = {word}
    if len(word) > 3 and word.endswith("s"):
        out.add(word[:-1])
        if word.endswith("es"):
            out.add(word[:-2])
        if word.endswith("ces"):
            out.add(word[:-3] + "z")
    return out


def _decimal(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _close(a: Decimal | None, b: Decimal | None) -> bool:
    if a is None or b is None or not a.is_finite() or not b.is_finite():
        return False
    return abs(a - b) <= Decimal("1e-9") * max(Decimal(1), abs(b))


def _role(gold: Mapping[str, Any]) -> str:
    kind = gold.get("kind")
    valued = any(gold.get(f) is not None for f in ("value", "value_min", "value_max"))
    if kind in ("quantity", "money", "percent") or (
        kind == "other" and (valued or gold.get("vague"))
    ):
        return "optional" if gold.get("role") == "denominator" else "target"
    return "nonclaim"


def _value_ok(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool | None:
    exact = pred.get("value_exact")
    value = _decimal(exact if exact is not None else pred.get("value"))
    low = _decimal(pred.get("value_min_exact", pred.get("value_min")))
    high = _decimal(pred.get("value_max_exact", pred.get("value_max")))
    gold_value = _decimal(gold.get("value"))
    if gold_value is None and gold.get("vague"):
        return value is None or bool(pred.get("vague"))
    if gold_value is not None:
        if value is None:
            bounds = [b for b in (low, high) if b is not None]
            if len(bounds) == 1 or (len(bounds) == 2 and _close(bounds[0], bounds[1])):
                value = bounds[0]
        targets = [gold_value]
        fraction = _fraction(gold.get("fraction"))
        if fraction is not None:
            targets.append(fraction)
        if value is None:
            return False
        if any(_close(value, t) for t in targets):
            return True
        return bool(gold.get("fraction")) and round(value, 6) == round(gold_value, 6)
    gold_low, gold_high = _decimal(gold.get("value_min")), _decimal(gold.get("value_max"))
    if gold_low is None and gold_high is None:
        return None
    if low is None and high is None:
        return False
    return (gold_low is None or _close(low, gold_low)) and (
        gold_high is None or _close(high, gold_high)
    )


def _fraction(text: Any) -> Decimal | None:
    """The value of a fraction such as "1/2" (float precision, as the shared scorer's)."""
    if not text:
        return None
    try:
        return Decimal(float(Fraction(str(text))))
    except (ValueError, ZeroDivisionError):
        return None


def _unit_forms(unit: Any) -> set[str]:
    if isinstance(unit, Mapping):
        return {f for key in _UNIT_FIELDS for f in _unit_forms(unit.get(key))}
    if not isinstance(unit, str) or not unit.strip():
        return set()
    folded = _fold(unit)
    forms = {folded}
    words = folded.split()
    if words:
        forms |= {" ".join([*words[:-1], s]) for s in _singulars(words[-1])}
        forms |= {" ".join([s, *words[1:]]) for s in _singulars(words[0])}
    return forms


def _unit_ok(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    if gold.get("unit") == "fraction":
        return pred.get("kind") in ("fraction", "ratio") or "fraction" in _unit_forms(
            pred.get("unit")
        )
    return bool(_unit_forms(pred.get("unit")) & _unit_forms(gold.get("unit")))


def _canon_qualifier(pred: Mapping[str, Any]) -> str | None:
    qualifier = pred.get("qualifier")
    if qualifier is None:
        low = _decimal(pred.get("value_min_exact", pred.get("value_min")))
        high = _decimal(pred.get("value_max_exact", pred.get("value_max")))
        if low is not None and high is not None and not _close(low, high):
            return "range"
        return None
    return str(qualifier)


def _content_tokens(text: str) -> set[str]:
    return {t for t in re.findall(r"\w+", _fold(text)) if t not in _SPEAKER_STOP}


def _speaker_names(speaker: Any) -> list[str]:
    if isinstance(speaker, Mapping):
        return [s for key in ("name", "text") if isinstance(s := speaker.get(key), str) and s]
    return [speaker] if isinstance(speaker, str) and speaker.strip() else []


def _speaker_ok(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    alternatives = list(gold.get("speaker_alt") or [])
    golds = [gold.get("speaker"), *(gold.get("speaker_chain") or []), *alternatives]
    null_ok = gold.get("speaker") is None or None in alternatives
    names = _speaker_names(pred.get("speaker"))
    if not names:
        return null_ok
    return any(
        _content_tokens(a) & _content_tokens(b) for a in names for b in golds if isinstance(b, str)
    )


def _readings(gold: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The gold mention, and for a fraction of a stated base its resolved value and unit."""
    if gold.get("resolved_value") is None:
        return [gold]
    return [gold, {"value": gold["resolved_value"], "unit": gold.get("resolved_unit")}]


def _overlap(a: Mapping[str, Any], b: Mapping[str, Any]) -> int:
    return int(min(a["end"], b["end"]) - max(a["start"], b["start"]))


def _match(preds: list[dict[str, Any]], golds: list[dict[str, Any]]) -> dict[int, int]:
    """Greedy one-to-one matching, largest overlap first: ``{pred index: gold index}``."""
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            shared = _overlap(p, g)
            if shared > 0:
                union = max(p["end"], g["end"]) - min(p["start"], g["start"])
                pairs.append((-shared, -shared / union, g["_role"] != "target", i, j))
    pairs.sort()
    found: dict[int, int] = {}
    taken: set[int] = set()
    for *_, i, j in pairs:
        if i not in found and j not in taken:
            found[i] = j
            taken.add(j)
    return found


def _gold_records(reference: Doc, spans_key: str) -> tuple[int, list[dict[str, Any]]]:
    """The scored region's start and the gold records of ``reference``."""
    gold = reference._.get(GOLD_ATTR)
    if isinstance(gold, Mapping):
        records = [
            {**g, "start": int(g["start"]), "end": int(g["end"])} for g in gold.get("claims", [])
        ]
        for record in records:
            record["_role"] = _role(record)
        return int(gold.get("start", 0)), records
    spans = reference.spans.get(spans_key, [])
    return 0, [
        {"start": s.start_char, "end": s.end_char, "kind": s.label_, "_role": "target"}
        for s in spans
    ]


def _predictions(predicted: Doc, spans_key: str, name: str, start: int) -> list[dict[str, Any]]:
    """The component's claims in ``predicted`` (its span group's claims) from ``start`` on,
    as records with ``start``/``end``; the span group's spans for a doc without them."""
    from .extensions import annotated_by, data_of

    if name in annotated_by(predicted):
        data = data_of(predicted, name)
        preds = [{**d, "start": d["start_char"], "end": d["end_char"]} for d in data]
    else:
        preds = [
            {"start": s.start_char, "end": s.end_char, "kind": s.label_}
            for s in predicted.spans.get(spans_key, [])
        ]
    return [p for p in preds if p["start"] >= start and p.get("kind") not in _NON_CLAIM_KINDS]


def score_claims(
    examples: Iterable[Example], *, spans_key: str = "numclaims", name: str = "numclaims"
) -> dict[str, Any]:
    """Score the claims of ``examples`` (what ``nlp.evaluate`` reports for the component).

    Args:
        examples: Examples whose predicted docs the component annotated.
        spans_key: The key of the span group of claims.
        name: The component's name (its claims are stored under it).

    Returns:
        ``claims_p``, ``claims_r``, ``claims_f`` (detection, ``None`` with nothing
        predicted or nothing to find), ``claims_per_type`` (``{kind: {"p", "r", "f"}}``, by
        the kind of the claim to find, a false positive by its own kind), and
        ``claims_value_acc``, ``claims_unit_acc``, ``claims_qualifier_acc``,
        ``claims_speaker_acc``: among the claims found whose gold record has that field
        (``None`` where no reference doc carries it).
    """
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    gold_n: Counter[str] = Counter()
    fields: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for example in examples:
        start, golds = _gold_records(example.reference, spans_key)
        has_fields = isinstance(example.reference._.get(GOLD_ATTR), Mapping)
        preds = _predictions(example.predicted, spans_key, name, start)
        for g in golds:
            if g["_role"] == "target":
                gold_n[g["kind"]] += 1
        matched = _match(preds, golds)
        for i, pred in enumerate(preds):
            gold = golds[matched[i]] if i in matched else None
            if gold is not None and gold["_role"] == "optional":
                continue
            if gold is None or gold["_role"] != "target":
                fp[_kind_group(pred.get("kind"))] += 1
                continue
            tp[gold["kind"]] += 1
            if not has_fields:
                continue
            readings = _readings(gold)
            values = [_value_ok(pred, r) for r in readings]
            if any(v is not None for v in values):
                _count(fields["value"], any(values))
            if gold.get("unit") is not None:
                _count(fields["unit"], any(_unit_ok(pred, r) for r in readings))
            _count(fields["qualifier"], _canon_qualifier(pred) == gold.get("qualifier"))
            _count(fields["speaker"], _speaker_ok(pred, gold))
    scores: dict[str, Any] = dict(
        zip(
            ("claims_p", "claims_r", "claims_f"),
            _prf(sum(tp.values()), sum(fp.values()), sum(gold_n.values())),
            strict=True,
        )
    )
    scores["claims_per_type"] = {
        kind: dict(zip("prf", _prf(tp[kind], fp[kind], gold_n[kind]), strict=True))
        for kind in sorted(set(gold_n) | set(fp))
    }
    for field in ("value", "unit", "qualifier", "speaker"):
        ok, n = fields[field]
        scores[f"claims_{field}_acc"] = ok / n if n else None
    return scores


def _count(tally: list[int], ok: bool) -> None:
    tally[0] += int(ok)
    tally[1] += 1


def _kind_group(kind: Any) -> str:
    """A false positive's kind among :data:`TARGET_KINDS`, as the shared scorer maps it."""
    folded = _fold(str(kind or ""))
    if any(w in folded for w in ("money", "currency", "amount", "monet")):
        return "money"
    if "percent" in folded:
        return "percent"
    return "other" if folded in ("other", "multiplier") else "quantity"


def _prf(tp: int, fp: int, gold: int) -> tuple[float | None, float | None, float | None]:
    p = tp / (tp + fp) if tp + fp else None
    r = tp / gold if gold else None
    if p is None or r is None:
        return p, r, None
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
