"""The systems under test: numclaims and its peers, behind one small interface.

Each system turns a text into :class:`Prediction` records. A peer that is not
installed or fails to import is kept as a :class:`PeerStatus` with the reason, so
that the tables show it instead of hiding it.
"""

from __future__ import annotations

import importlib.metadata
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .data import to_decimal

#: Claim kinds / unit kinds of numclaims that mean "a measure unit" (not a counted noun).
MEASURE_UNIT_KINDS = frozenset({"currency", "physical", "percent"})


@dataclass
class Prediction:
    """One number a system found, normalised for scoring."""

    start: int
    end: int
    kind: str
    value: Decimal | None = None
    value_min: Decimal | None = None
    value_max: Decimal | None = None
    units: frozenset[str] = frozenset()
    measure_unit: bool = False
    qualifier: str | None = None
    subject: str | None = None
    speaker: str | None = None


Extractor = Callable[[str, str], list[Prediction]]


@dataclass
class PeerStatus:
    """A system with its version and, when it cannot run, why."""

    name: str
    package: str
    version: str | None
    extract: Extractor | None
    error: str | None = None
    #: What the system can report beyond detection and value.
    provides: tuple[str, ...] = ()

    @property
    def available(self) -> bool:
        """Whether the system can run."""
        return self.extract is not None


def version_of(dist: str) -> str | None:
    """The installed version of a distribution, or ``None``."""
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def resolve_overlaps(preds: list[Prediction]) -> list[Prediction]:
    """Keep the longest of overlapping predictions (unit-bearing first), in text order."""
    ranked = sorted(preds, key=lambda p: (-(p.end - p.start), not p.measure_unit, p.start))
    kept: list[Prediction] = []
    for p in ranked:
        if all(p.end <= k.start or p.start >= k.end for k in kept):
            kept.append(p)
    return sorted(kept, key=lambda p: p.start)


# --- numclaims ---------------------------------------------------------------------------


def claim_prediction(d: dict[str, Any]) -> Prediction:
    """Turn a ``Claim.to_dict()`` into a :class:`Prediction`."""
    unit = d.get("unit") or {}
    units = {str(unit[k]) for k in ("code", "symbol", "name", "text") if unit.get(k)}
    if d["kind"] == "percent":
        units.add("%")
    subject = d.get("subject") or {}
    speaker = d.get("speaker") or {}
    return Prediction(
        start=d["start_char"],
        end=d["end_char"],
        kind=d["kind"],
        value=to_decimal(d.get("value_exact")),
        value_min=to_decimal(d.get("value_min")),
        value_max=to_decimal(d.get("value_max")),
        units=frozenset(units),
        measure_unit=d["kind"] in ("money", "percent") or unit.get("kind") in MEASURE_UNIT_KINDS,
        qualifier=d.get("qualifier"),
        subject=subject.get("text"),
        speaker=speaker.get("name") or speaker.get("text"),
    )


def numclaims_system(model: str) -> PeerStatus:
    """numclaims on ``numclaims.load(model)`` (``"blank"`` or a trained pipeline)."""
    name = f"numclaims ({model})"
    try:
        import numclaims

        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r"\[W095\]")
            nlp = numclaims.load(model)
    except Exception as err:  # a missing trained pipeline is reported, not fatal
        return PeerStatus(name, "numclaims", version_of("numclaims"), None, repr(err))

    def extract(text: str, locale: str) -> list[Prediction]:
        claims = numclaims.extract(text, nlp=nlp, locale=locale)
        return [claim_prediction(c.to_dict()) for c in claims]

    provides = ("unit", "qualifier", "subject", "speaker")
    return PeerStatus(name, "numclaims", numclaims.__version__, extract, provides=provides)


# --- Microsoft Recognizers-Text ----------------------------------------------------------


def _rt_value(raw: Any) -> Decimal | None:
    text = str(raw).strip().rstrip("%").strip()
    if "," in text and "." not in text:  # the Spanish model resolves "3,5" as "3,5"
        text = text.replace(",", ".")
    return to_decimal(text)


def recognizers_system() -> PeerStatus:
    """Recognizers-Text with Culture.Spanish: number, percent and number-with-unit models.

    The Python port has no SpanishMexican culture, so es-MX inputs also run as Spanish.
    """
    name, dist = "Recognizers-Text", "recognizers-text-suite"
    try:
        from recognizers_number import NumberRecognizer
        from recognizers_number_with_unit import NumberWithUnitRecognizer
        from recognizers_text import Culture

        numbers = NumberRecognizer(Culture.Spanish)
        units = NumberWithUnitRecognizer(Culture.Spanish)
        models = [("number", numbers.get_number_model(), False)]
        models.append(("percent", numbers.get_percentage_model(), True))
        for kind in ("currency", "dimension", "temperature", "age"):
            models.append((kind, getattr(units, f"get_{kind}_model")(), True))
    except Exception as err:
        return PeerStatus(name, dist, version_of(dist), None, repr(err))

    def extract(text: str, locale: str) -> list[Prediction]:
        preds = []
        for kind, model, with_unit in models:
            for r in model.parse(text):
                res = r.resolution or {}
                unit = res.get("unit") or ("%" if kind == "percent" else None)
                preds.append(
                    Prediction(
                        start=r.start,
                        end=r.end + 1,  # Recognizers' end is inclusive
                        kind=kind,
                        value=_rt_value(res.get("value")) if res.get("value") else None,
                        units=frozenset({unit} if unit else ()),
                        measure_unit=with_unit,
                    )
                )
        return resolve_overlaps(preds)

    return PeerStatus(name, dist, version_of(dist), extract, provides=("unit",))


# --- Duckling ----------------------------------------------------------------------------

DUCKLING_DIMS = (
    "number",
    "amount-of-money",
    "distance",
    "temperature",
    "volume",
    "quantity",
)


def duckling_system() -> PeerStatus:
    """Duckling (pyduckling-native-phihos), language ES, region from the locale."""
    name, dist = "Duckling", "pyduckling-native-phihos"
    try:
        import duckling

        tz = duckling.load_time_zones("/usr/share/zoneinfo")
        ref = duckling.parse_ref_time(tz, "Europe/Madrid", 0)
        lang = duckling.parse_lang("ES")
        contexts: dict[str, Any] = {}
        dims = duckling.parse_dimensions(list(DUCKLING_DIMS))
    except Exception as err:
        return PeerStatus(name, dist, version_of(dist), None, repr(err))

    def context(locale: str) -> Any:
        region = locale[3:] if "-" in locale else "ES"
        if region not in contexts:
            loc = duckling.parse_locale(f"ES_{region}", duckling.default_locale_lang(lang))
            contexts[region] = duckling.Context(ref, loc)
        return contexts[region]

    def extract(text: str, locale: str) -> list[Prediction]:
        preds = []
        for out in duckling.parse(text, context(locale), dims, False):
            val = out.get("value") or {}
            unit = val.get("unit")
            value = val.get("value")
            if value is None and val.get("type") == "interval":
                value = (val.get("from") or val.get("to") or {}).get("value")
            preds.append(
                Prediction(
                    start=out["start"],
                    end=out["end"],
                    kind=out["dim"],
                    value=to_decimal(value),
                    units=frozenset({str(unit)} if unit else ()),
                    measure_unit=out["dim"] != "number",
                )
            )
        return resolve_overlaps(preds)

    return PeerStatus(name, dist, version_of(dist), extract, provides=("unit",))


# --- text2num ----------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+|[^\w\s]")


class _Tok:
    """A token for ``text_to_num.find_numbers``."""

    __slots__ = ("end", "start", "word")

    def __init__(self, word: str, start: int, end: int) -> None:
        self.word, self.start, self.end = word, start, end

    def text(self) -> str:
        return self.word

    def nt_separated(self, previous: object) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


def text2num_system() -> PeerStatus:
    """text2num's ``find_numbers`` (spelled-out numbers only) on a regex tokenisation."""
    name, dist = "text2num", "text2num"
    try:
        from text_to_num import find_numbers
    except Exception as err:
        return PeerStatus(name, dist, version_of(dist), None, repr(err))

    def extract(text: str, locale: str) -> list[Prediction]:
        toks = [_Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
        preds = []
        for occ in find_numbers(toks, "es", 0.0):
            if occ.is_ordinal:
                continue
            start, end = toks[occ.start].start, toks[occ.end - 1].end
            preds.append(Prediction(start, end, "number", to_decimal(occ.value)))
        return preds

    return PeerStatus(name, dist, version_of(dist), extract)


# --- quantulum3 --------------------------------------------------------------------------


def quantulum_system() -> PeerStatus:
    """quantulum3's English parser, as a language-agnostic baseline."""
    name, dist = "quantulum3 (en)", "quantulum3"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except Exception as err:
        return PeerStatus(name, dist, version_of(dist), None, repr(err))

    def extract(text: str, locale: str) -> list[Prediction]:
        preds = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            quantities = parser.parse(text)
        for q in quantities:
            unit = q.unit
            dimensionless = unit.name == "dimensionless"
            names = set() if dimensionless else {unit.name, getattr(unit, "symbol", "") or ""}
            currency = getattr(unit, "currency_code", None)
            if currency:
                names.add(currency)
            if unit.name == "percentage":
                names.add("%")
            preds.append(
                Prediction(
                    start=q.span[0],
                    end=q.span[1],
                    kind="quantity",
                    value=to_decimal(q.value),
                    units=frozenset(n for n in names if n),
                    measure_unit=not dimensionless,
                )
            )
        return resolve_overlaps(preds)

    return PeerStatus(name, dist, version_of(dist), extract, provides=("unit",))


def load_peers() -> list[PeerStatus]:
    """All peers, available or not, in table order."""
    return [recognizers_system(), duckling_system(), text2num_system(), quantulum_system()]
