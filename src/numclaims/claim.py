"""The :class:`Claim` record: one numeric claim, immutable and JSON-safe.

A claim is stored on a :class:`spacy.tokens.Doc` as the plain dictionary that
:meth:`Claim.to_dict` returns, so that it survives ``DocBin``, pickling and
multiprocessing; :meth:`Claim.from_dict` rebuilds it.

The keys of :meth:`Claim.to_dict` are a public contract: they are only ever
extended, never renamed or dropped.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from types import MappingProxyType
from typing import Any

__all__ = ["CLAIM_KEYS", "NESTED_OFFSETS", "Claim", "decimal_to_json", "plain_decimal"]

#: The keys every :meth:`Claim.to_dict` result has, in order (the public contract).
CLAIM_KEYS: tuple[str, ...] = (
    "text",
    "start_char",
    "end_char",
    "kind",
    "value",
    "value_exact",
    "value_min",
    "value_max",
    "qualifier",
    "unit",
    "subject",
    "speaker",
    "modality",
)

#: The character offsets inside each nested object of a claim (``unit``, ``subject``,
#: ``speaker`` and the ``ratio_of`` extra field): :meth:`Claim.shifted` moves them all.
NESTED_OFFSETS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "unit": ("start_char", "end_char"),
        "subject": ("start_char", "end_char"),
        "speaker": (
            "start_char",
            "end_char",
            "cue_start",
            "cue_end",
            "name_start_char",
            "name_end_char",
        ),
        "ratio_of": ("start_char", "end_char"),
        "time": ("start_char", "end_char"),
        "comparison": ("cue_start_char", "cue_end_char", "other_start_char", "other_end_char"),
        "change": (
            "verb_start_char",
            *(
                f"{role}_{end}_char"
                for role in ("from", "to", "delta", "relative", "factor")
                for end in ("start", "end")
            ),
        ),
    }
)


def _shift_fields(
    obj: Mapping[str, Any] | None, fields: tuple[str, ...], offset: int
) -> dict[str, Any] | None:
    if obj is None:
        return None
    out = dict(obj)
    for name in fields:
        val = out.get(name)
        if isinstance(val, int) and not isinstance(val, bool):
            out[name] = val + offset
    return out


#: Integers a 64-bit signed field holds (msgpack, Arrow, most databases): JSON output keeps
#: larger integral values as floats, next to their exact strings.
_INT64 = 2**63


def decimal_to_json(value: Decimal | None) -> int | float | None:
    """Return ``value`` as an ``int`` when it is integral and fits 64 bits, else a ``float``.

    The number is only a convenience for JSON consumers; the exact value is kept as a
    string in ``value_exact`` (``value_min_exact``, ``value_max_exact``). A value too large
    for a float (beyond about 10**308) gives ``None`` there.
    """
    if value is None:
        return None
    if value == value.to_integral_value() and -_INT64 <= value < _INT64:
        return int(value)
    number = float(value)  # lossy by nature: the exact value is in the *_exact fields
    return number if math.isfinite(number) else None


def _to_decimal(raw: Any) -> Decimal | None:
    if raw is None:
        return None
    if isinstance(raw, Decimal):
        return raw
    if isinstance(raw, float):
        # floats only ever come from our own JSON output: go through repr,
        # never through binary arithmetic.
        return Decimal(repr(raw))
    return Decimal(str(raw))


def _deep_freeze(value: Any) -> Any:
    """Read-only all the way down: mappings to mapping proxies, lists and tuples to tuples
    (so that a claim read back from msgpack, which may give either, compares equal)."""
    if isinstance(value, Mapping):
        return MappingProxyType({k: _deep_freeze(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(_deep_freeze(v) for v in value)
    return value


def _thaw(value: Any) -> Any:
    """Plain JSON-ready data again: mappings to dicts, tuples to lists."""
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_thaw(v) for v in value]
    return value


def _freeze(obj: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    if obj is None:
        return None
    frozen: Mapping[str, Any] = _deep_freeze(obj)
    return frozen


@dataclass(frozen=True)
class Claim:
    """One numeric claim found in a text.

    Attributes:
        text: The text of the numeric expression, as it appears in the document.
        start_char: Offset of its first character in the document text.
        end_char: Offset one past its last character.
        kind: ``"quantity"``, ``"money"``, ``"percent"``, ``"ratio"`` or
            ``"vague"`` (a magnitude with no exact value, such as "miles de").
        value: The exact value, or ``None`` for a vague claim or a range.
        value_min: The lower bound (ranges, "al menos", "más de", vague claims).
        value_max: The upper bound (ranges, "hasta", "menos de", "casi").
        qualifier: ``None``, ``"approx"``, ``"at_least"``, ``"at_most"``,
            ``"more_than"``, ``"less_than"`` or ``"range"``.
        unit: What the value is counted or measured in, as a read-only mapping
            with at least ``text`` and ``name``, or ``None``.
        subject: What the number is about (``text``, ``start_char``, ``end_char``), or ``None``.
        speaker: Who asserted it (``text``, ``name``, ``cue``, and where known
            ``role``, ``shape`` and character offsets), or ``None``.
        modality: ``"asserted"``, ``"hedged"`` or ``"negated"``, or ``None``.
        extra: Further JSON-safe fields (e.g. ``magnitude``, ``qualifier_text``).
    """

    text: str
    start_char: int
    end_char: int
    kind: str
    value: Decimal | None
    value_min: Decimal | None = None
    value_max: Decimal | None = None
    qualifier: str | None = None
    unit: Mapping[str, Any] | None = None
    subject: Mapping[str, Any] | None = None
    speaker: Mapping[str, Any] | None = None
    modality: str | None = None
    extra: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        for name in ("unit", "subject", "speaker"):
            object.__setattr__(self, name, _freeze(getattr(self, name)))
        object.__setattr__(self, "extra", _deep_freeze(self.extra))

    @property
    def value_exact(self) -> str | None:
        """The exact value as a plain decimal string (no exponent), or ``None``."""
        if self.value is None:
            return None
        return plain_decimal(self.value)

    def shifted(self, offset: int) -> Claim:
        """Return the claim with every character offset moved by ``offset``.

        For claims found in a piece of a longer text: the claim's own offsets and
        those of its nested objects (see :data:`NESTED_OFFSETS`) all move.
        """
        if offset == 0:
            return self
        extra = dict(self.extra)
        for key in NESTED_OFFSETS.keys() - {"unit", "subject", "speaker"}:
            nested = extra.get(key)
            if isinstance(nested, Mapping):
                extra[key] = _shift_fields(nested, NESTED_OFFSETS[key], offset)
        return replace(
            self,
            start_char=self.start_char + offset,
            end_char=self.end_char + offset,
            unit=_shift_fields(self.unit, NESTED_OFFSETS["unit"], offset),
            subject=_shift_fields(self.subject, NESTED_OFFSETS["subject"], offset),
            speaker=_shift_fields(self.speaker, NESTED_OFFSETS["speaker"], offset),
            extra=extra,
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the claim as a JSON-safe dictionary.

        The keys are those of :data:`CLAIM_KEYS`, then ``value_min_exact`` and
        ``value_max_exact`` (the exact bounds as strings) when there are bounds, then any
        ``extra`` fields. ``value``, ``value_min`` and ``value_max`` are ``int`` when
        integral (and within 64 bits), else ``float``; ``value_exact`` is the exact
        decimal string.
        """
        out: dict[str, Any] = {
            "text": self.text,
            "start_char": self.start_char,
            "end_char": self.end_char,
            "kind": self.kind,
            "value": decimal_to_json(self.value),
            "value_exact": self.value_exact,
            "value_min": decimal_to_json(self.value_min),
            "value_max": decimal_to_json(self.value_max),
            "qualifier": self.qualifier,
            "unit": _thaw(self.unit),
            "subject": _thaw(self.subject),
            "speaker": _thaw(self.speaker),
            "modality": self.modality,
        }
        if self.value_min is not None:
            out["value_min_exact"] = plain_decimal(self.value_min)
        if self.value_max is not None:
            out["value_max_exact"] = plain_decimal(self.value_max)
        for key, val in self.extra.items():
            if key not in out:
                out[key] = _thaw(val)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Claim:
        """Rebuild a claim from :meth:`to_dict` output (exact values included)."""
        exact = data.get("value_exact")
        value = _to_decimal(exact) if exact is not None else _to_decimal(data.get("value"))
        extra = {k: v for k, v in data.items() if k not in CLAIM_KEYS and k not in _BOUND_KEYS}
        bounds = {}
        for key in ("value_min", "value_max"):
            raw = data.get(f"{key}_exact", data.get(key))
            bounds[key] = _to_decimal(raw)
        return cls(
            text=data["text"],
            start_char=int(data["start_char"]),
            end_char=int(data["end_char"]),
            kind=data["kind"],
            value=value,
            value_min=bounds["value_min"],
            value_max=bounds["value_max"],
            qualifier=data.get("qualifier"),
            unit=data.get("unit"),
            subject=data.get("subject"),
            speaker=data.get("speaker"),
            modality=data.get("modality"),
            extra=extra,
        )


#: The exact bounds :meth:`Claim.to_dict` adds after :data:`CLAIM_KEYS` (derived, not extra).
_BOUND_KEYS = ("value_min_exact", "value_max_exact")


def plain_decimal(value: Decimal) -> str:
    """Format ``value`` exactly, without exponent or trailing zeros ("4800000", "0.5")."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
