"""Duckling's answer shape for numclaims' numbers: what ``POST /parse`` returns.

Each entity is ``{"body", "start", "end", "dim", "latent", "value"}``, ``value`` being
``{"type": "value", "value": …, "unit": …}`` or an interval
``{"type": "interval", "from": {…}, "to": {…}}`` (either end may be missing), as Duckling
answers. The differences from Duckling are listed in the docs (``server`` page).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..claim import Claim, decimal_to_json

__all__ = ["DIMS", "parse_dims", "to_duckling"]

#: The Duckling dimensions ``/parse`` answers.
DIMS: tuple[str, ...] = (
    "number",
    "ordinal",
    "amount-of-money",
    "quantity",
    "distance",
    "temperature",
    "volume",
    "time",
    "phone-number",
)
#: Duckling's dimension of a physical unit, by numclaims' unit ``entity``.
_ENTITY_DIMS = {"length": "distance", "temperature": "temperature", "volume": "volume"}
#: Duckling's unit names where numclaims' differ.
_DUCKLING_UNITS = {
    "degree Celsius": "celsius",
    "degree Fahrenheit": "fahrenheit",
    "degree": "degree",
}
#: Duckling's grain of an ISO date of this many characters.
_GRAINS = {4: "year", 7: "month", 10: "day"}


def parse_dims(raw: str | None) -> list[str]:
    """The ``dims`` form field (a JSON list, as Duckling takes it) as a list of names.

    Raises:
        ValueError: If it is not a JSON list of strings, or names a dimension
            numclaims does not answer.
    """
    if raw is None or not raw.strip():
        return []
    try:
        dims = json.loads(raw)
    except ValueError:
        raise ValueError(f"dims must be a JSON list such as '[\"number\"]', not {raw!r}") from None
    if not isinstance(dims, list) or not all(isinstance(d, str) for d in dims):
        raise ValueError(f"dims must be a JSON list of strings, not {raw!r}")
    unknown = [d for d in dims if d not in DIMS]
    if unknown:
        raise ValueError(f"unsupported dims {unknown}; numclaims answers {list(DIMS)}")
    return dims


def _unit(claim: Claim) -> str | None:
    unit = claim.unit
    if unit is None:
        return None
    if unit.get("kind") == "currency":
        return str(unit.get("code") or unit.get("symbol") or unit.get("name"))
    name = str(unit.get("name") or unit.get("text"))
    return _DUCKLING_UNITS.get(name, name)


def _dim(claim: Claim) -> str | None:
    """Duckling's dimension of a claim or mention, or ``None`` for one it has no name for."""
    kind = claim.kind
    if kind in ("money", "quantity") and claim.unit is not None:
        if claim.unit.get("kind") == "currency":
            return "amount-of-money"
        return _ENTITY_DIMS.get(str(claim.unit.get("entity")), "quantity")
    if kind in ("number", "quantity", "percent"):
        return "number"
    if kind == "ordinal":
        return "ordinal"
    if kind in ("date", "year"):
        norm = claim.extra.get("normalized")
        return "time" if isinstance(norm, str) and _is_full_date(norm) else None
    if kind == "phone":
        return "phone-number"
    return None  # vague, ratio, duration, age, identifier, clock times without a date


def _is_full_date(norm: str) -> bool:
    return len(norm) in _GRAINS and "X" not in norm and norm[:4].isdigit()


def _value(claim: Claim, dim: str) -> dict[str, Any] | None:
    if dim == "time":
        norm = str(claim.extra["normalized"])
        iso = norm + {4: "-01-01", 7: "-01", 10: ""}[len(norm)]
        grain = _GRAINS[len(norm)]
        return {"type": "value", "value": f"{iso}T00:00:00.000+00:00", "grain": grain}
    if dim == "phone-number":
        return {"type": "value", "value": str(claim.extra.get("normalized") or claim.text)}
    unit = _unit(claim) if dim not in ("number", "ordinal") else None
    extra: dict[str, Any] = {} if unit is None else {"unit": unit}
    if dim == "quantity" and claim.subject is not None:
        extra["product"] = str(claim.subject.get("text"))
    if claim.value is not None:
        return {"type": "value", "value": decimal_to_json(claim.value), **extra}
    if claim.value_min is None and claim.value_max is None:
        return None
    interval: dict[str, Any] = {"type": "interval"}
    if claim.value_min is not None:
        interval["from"] = {"value": decimal_to_json(claim.value_min), **extra}
    if claim.value_max is not None:
        interval["to"] = {"value": decimal_to_json(claim.value_max), **extra}
    return interval


def to_duckling(
    mentions: Iterable[Claim], dims: Iterable[str] = (), text: str = ""
) -> list[dict[str, Any]]:
    """Duckling entities for numclaims' mentions (:func:`numclaims.extract_numbers`).

    Args:
        mentions: The claims and other numeric mentions of ``text``.
        dims: The dimensions asked for; none means all of :data:`DIMS`. A mention of a
            dimension not asked for is answered as a ``number`` when ``number`` is.
        text: The text the mentions were found in (for ``body``).
    """
    wanted = set(dims) or set(DIMS)
    out: list[dict[str, Any]] = []
    for mention in mentions:
        dim = _dim(mention)
        if dim is None:
            continue
        if dim not in wanted:
            if "number" not in wanted or dim in ("time", "phone-number"):
                continue
            dim = "number"
        value = _value(mention, dim)
        if value is None:
            continue
        body = text[mention.start_char : mention.end_char] if text else mention.text
        out.append(
            {
                "body": body,
                "start": mention.start_char,
                "end": mention.end_char,
                "dim": dim,
                "latent": False,
                "value": value,
            }
        )
    return _outermost(out)


def _outermost(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop the entities inside another one, as Duckling does; order by position."""
    entities.sort(key=lambda e: (e["start"], -e["end"]))
    kept: list[dict[str, Any]] = []
    reach = -1  # the furthest end of a kept entity (all of which start no later)
    for ent in entities:
        if ent["end"] <= reach:
            continue
        kept.append(ent)
        reach = ent["end"]
    return kept
