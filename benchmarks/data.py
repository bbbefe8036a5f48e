"""Evaluation data: the shared suites, generated num2words cases and the speed corpus."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from . import REPO_ROOT, SHARED

SAMPLE = REPO_ROOT / "src" / "numclaims" / "data" / "sample_es.txt"
RECOGNIZERS = SHARED / "eval" / "recognizers_es.jsonl"
DEV = SHARED / "eval" / "dev_claims_es.jsonl"
DEV2 = SHARED / "eval" / "dev2_claims_es.jsonl"
ARTICLE = SHARED / "samples" / "putin_corea_del_norte.txt"

#: Dev-set kinds that are not numeric claims and must not be reported.
NON_CLAIM_KINDS = frozenset({"date", "year", "ordinal", "duration", "age"})


#: Names that stand for the ISO 4217 codes used in the dev and generated sets, so that a
#: peer that names currencies (Recognizers-Text says "Euro") is not scored as wrong.
CURRENCY_ALIASES: dict[str, frozenset[str]] = {
    "EUR": frozenset({"euro", "€"}),
    "USD": frozenset({"dólar", "dólar estadounidense", "dollar", "united states dollar"}),
    "MXN": frozenset({"peso mexicano", "mexican peso"}),
    "COP": frozenset({"peso colombiano", "colombian peso"}),
}


def unit_aliases(units: set[str]) -> frozenset[str]:
    """``units`` with the names of the currencies among them."""
    out = set(units)
    for u in units:
        out |= CURRENCY_ALIASES.get(u, frozenset())
    return frozenset(out)


@dataclass
class Gold:
    """One expected mention."""

    start: int
    end: int
    kind: str
    value: Decimal | None = None
    value_min: Decimal | None = None
    value_max: Decimal | None = None
    units: frozenset[str] = frozenset()
    qualifier: str | None = None
    subject: str | None = None
    speaker: str | None = None
    has_speaker: bool = False


@dataclass
class Case:
    """One input text with its expected mentions."""

    id: str
    text: str
    suite: str
    locale: str = "es"
    golds: list[Gold] = field(default_factory=list)


def to_decimal(raw: Any) -> Decimal | None:
    """Return ``raw`` as a Decimal (floats go through ``repr``), or ``None``."""
    if raw is None or isinstance(raw, bool):
        return None
    if isinstance(raw, Decimal):
        return raw
    if isinstance(raw, float):
        return Decimal(repr(raw))
    try:
        return Decimal(str(raw).strip().rstrip("%").strip())
    except ArithmeticError:
        return None


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Read a JSON-lines file."""
    lines = path.read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _recognizers_value(exp: dict[str, Any]) -> Decimal | None:
    raw = exp.get("raw_value")
    value = to_decimal(raw) if isinstance(raw, str) and "," not in raw else None
    return value if value is not None else to_decimal(exp.get("value"))


def recognizers_cases() -> list[Case] | None:
    """The Recognizers-Text suites, or ``None`` when the shared folder is absent."""
    if not RECOGNIZERS.exists():
        return None
    cases = []
    for rec in read_jsonl(RECOGNIZERS):
        locale = "es-MX" if rec.get("culture") == "es-MX" else "es-ES"
        golds = []
        for exp in rec["expected"]:
            interval = exp.get("interval") or {}
            units = {u for u in (exp.get("unit"), exp.get("unit_canonical")) if u}
            golds.append(
                Gold(
                    start=exp["start"],
                    end=exp["end"],
                    kind=exp.get("kind") or rec["kind"],
                    value=_recognizers_value(exp),
                    value_min=to_decimal(interval.get("min")),
                    value_max=to_decimal(interval.get("max")),
                    units=frozenset(units),
                )
            )
        cases.append(Case(rec["id"], rec["text"], rec["kind"], locale, golds))
    return cases


def dev_cases() -> list[Case] | None:
    """The annotated dev sentences, or ``None`` when the shared folder is absent."""
    if not DEV.exists():
        return None
    cases = []
    for rec in read_jsonl(DEV):
        golds = [
            Gold(
                start=c["start"],
                end=c["end"],
                kind=c["kind"],
                value=to_decimal(c.get("value")),
                value_min=to_decimal(c.get("value_min")),
                value_max=to_decimal(c.get("value_max")),
                units=unit_aliases({c["unit"]} if c.get("unit") else set()),
                qualifier=c.get("qualifier"),
                subject=c.get("subject"),
                speaker=c.get("speaker"),
                has_speaker=True,
            )
            for c in rec["claims"]
        ]
        cases.append(Case(rec["id"], rec["text"], "dev", "es", golds))
    return cases


_FRAMES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("quantity", "El censo registró {w} habitantes en la comarca.", ()),
    ("quantity", "Según la policía, {w} personas asistieron a la marcha.", ()),
    ("quantity", "La empresa despidió a {w} trabajadores el año pasado.", ()),
    ("quantity", "En la región quedan {w} viviendas vacías, informó el ayuntamiento.", ()),
    ("money", "El presupuesto del programa asciende a {w} euros.", ("EUR",)),
    ("money", "La multa impuesta a la compañía fue de {w} dólares.", ("USD",)),
    ("percent", "La tasa de paro bajó al {w} por ciento en marzo.", ("%",)),
)


def num2words_cases(n: int = 300, seed: int = 20240) -> list[Case]:
    """``n`` sentences with a number spelled out by ``num2words(lang="es")`` (seeded).

    Returns an empty list when num2words is not installed.
    """
    try:
        from num2words import num2words
    except ImportError:
        return []
    rng = random.Random(seed)
    cases = []
    for i in range(n):
        kind, frame, units = _FRAMES[i % len(_FRAMES)]
        if kind == "percent":
            number = rng.randint(2, 99)
        else:
            number = int(10 ** rng.uniform(0.5, 9.5))
        words = num2words(number, lang="es")
        text = frame.format(w=words)
        start = text.index(words)
        gold = Gold(
            start, start + len(words), kind, Decimal(number), units=unit_aliases(set(units))
        )
        cases.append(Case(f"n2w-{i:03d}", text, f"num2words:{kind}", "es", [gold]))
    return cases


def speed_texts() -> tuple[list[str], list[str]]:
    """Paragraphs for the speed corpus and the names of their sources.

    The bundled sample is always there; the shared article and dev sentences
    are added when the shared folder is present.
    """
    sources = ["src/numclaims/data/sample_es.txt"]
    paras = [p for p in SAMPLE.read_text("utf-8").split("\n") if p.strip()]
    if ARTICLE.exists():
        sources.append("../shared/samples/putin_corea_del_norte.txt")
        text = ARTICLE.read_text("utf-8")
        paras += [p.strip() for p in text.split("\n\n") if p.strip()]
    for dev in (DEV, DEV2):
        if dev.exists():
            sources.append(f"../shared/eval/{dev.name}")
            paras += [r["text"] for r in read_jsonl(dev)]
    return paras, sources


def build_corpus(paras: list[str], min_chars: int) -> list[str]:
    """Repeat ``paras`` until they hold at least ``min_chars`` characters."""
    out: list[str] = []
    total = 0
    while total < min_chars:
        for p in paras:
            out.append(p)
            total += len(p)
    return out
