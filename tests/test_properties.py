"""Property tests: invariants of ``extract``, ``parse_number`` and ``Claim`` for any text.

The invariants themselves live in ``fuzz/invariants.py`` and are shared with the
atheris targets and the crasher replay (``tests/test_fuzz_regressions.py``):

- ``extract`` raises nothing on any ``str``;
- every claim's ``text`` is ``input[start_char:end_char]``; claims are in order and do
  not overlap;
- ``value == Decimal(value_exact)``; ``value_min <= value_max``; values are finite;
- ``json.dumps(claim.to_dict(), allow_nan=False)`` works;
- every nested offset (subject, speaker, unit, ``ratio_of``, any ``*_start``/``*_end``/
  ``start_char``/``end_char``) lies in ``[0, len(text)]``, and a nested ``text`` is the
  input slice at its offsets (whitespace collapsed);
- the same output twice; ``extract(text) == nlp(text)._.claims`` for a text of one piece;
- ``Claim.from_dict(c.to_dict()) == c`` (also through JSON);
- ``parse_number`` returns a finite ``Decimal`` or ``None`` for any ``str``.

Plus: the same JSON under two ``PYTHONHASHSEED`` values, and claims that survive
``DocBin(store_user_data=True)`` and ``pickle``. Known bugs are explicit
``xfail(strict=True)`` examples at the end of the file.
"""

from __future__ import annotations

import importlib.util
import json
import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import spacy
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import DocBin

import numclaims
from numclaims import Claim

ROOT = Path(__file__).resolve().parents[1]


def _load_invariants() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "numclaims_fuzz_invariants", ROOT / "fuzz" / "invariants.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


inv = _load_invariants()

SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    """One blank pipeline with the component for the whole module."""
    return numclaims.load("blank")


@pytest.fixture(scope="module")
def chunky() -> Language:
    """A blank pipeline whose ``max_length`` makes ``extract`` cut texts in 1000-char pieces."""
    pipeline = numclaims.load("blank")
    pipeline.max_length = 1000
    return pipeline


# -- strategies ------------------------------------------------------------------------------

SPACES = [" ", " ", " ", "\u00a0", "\u202f", "\u2009", "  ", "\n", "\n\n", "\t", "", "\r\n"]
MINUS = ["-", "\u2212", "\u2013"]
QUOTES = ['"', "«", "»", "“", "”", "'", "‘", "’"]
ODD = [
    "\x00",
    "\x1f",
    "\x7f",
    "\u200b",
    "\ufeff",
    "\u0301",
    "\u2028",
    "😀",
    "🇪🇸",
    "¡",
    "¿",
    "(",
    ")",
    "[",
    "ª",
    "º",
    "½",
    "²",
    "٣",
    "１２",
    "…",
    "·",
    "/",
    ":",
    ";",
]
NUMBER_WORDS = [
    "un",
    "una",
    "uno",
    "dos",
    "tres",
    "diez",
    "quince",
    "veintitrés",
    "veintiún",
    "treinta y cinco",
    "cien",
    "ciento veinte",
    "quinientas",
    "mil",
    "dos mil",
    "veintitrés mil",
    "veintitrés mil cuatrocientos cincuenta y seis",
    "un millón",
    "un millón y medio",
    "medio millón",
    "dos tercios",
    "la mitad",
    "un tercio",
    "una docena",
    "media docena",
    "miles",
    "cientos",
    "decenas",
    "diez y seis",
]
SCALES = ["mil", "millones", "millón", "millardos", "billones", "mil millones", "M", "k"]
UNITS = [
    "euros",
    "€",
    "%",
    "por ciento",
    "$",
    "US$",
    "dólares",
    "pesos",
    "personas",
    "km",
    "kilómetros",
    "hectáreas",
    "toneladas",
    "puntos porcentuales",
    "habitantes",
    "votos",
    "años",
    "horas",
    "contenedores",
]
QUALIFIERS = [
    "al menos",
    "hasta",
    "unos",
    "unas",
    "más de",
    "menos de",
    "casi",
    "cerca de",
    "alrededor de",
    "aproximadamente",
    "como mínimo",
    "no más de",
    "más de la mitad de",
]
SPEAKERS = [
    "dijo el ministro",
    "dijo Shin",
    "afirmó la alcaldesa, Ana López",
    "según el INE",
    "aseguró el portavoz del Gobierno, Pedro Martínez",
    "informó la Delegación del Gobierno",
    "dijo",
    "según fuentes policiales",
    "declaró a la prensa la consejera de Sanidad",
]
SUBJECTS = [
    "El paro",
    "La deuda pública",
    "Seúl había identificado",
    "El Gobierno aprobó un paquete de",
    "La inflación subió",
    "Se manifestaron",
    "El incendio quemó",
    "La empresa facturó",
    "El censo registra",
    "Los hospitales atendieron a",
]
FRAGMENTS = [
    *NUMBER_WORDS,
    *SCALES,
    *UNITS,
    *QUALIFIERS,
    *SPEAKERS,
    *QUOTES,
    *MINUS,
    *ODD,
    "1.234,5",
    "10,000",
    "10.000",
    "4.8",
    "0,5",
    "1.234.567",
    "1,234.56",
    "2024",
    "12:30",
    "1.º",
    "3.ª",
    "COVID-19",
    "G7",
    "entre",
    "y",
    "de",
    "a",
    "del",
    "dijo",
    "según",
    "no",
    "podría",
    "millones de",
    "miles de",
    "la mitad de",
    ".",
    ",",
    "e",
    "o",
]


@st.composite
def digits(draw: st.DrawFn) -> str:
    """A number written with digits in one of the conventions (or a broken one)."""
    n = draw(st.integers(min_value=0, max_value=10**13))
    style = draw(st.sampled_from([".", ",", " ", "\u00a0", "\u202f", "\u2009", ""]))
    body = f"{n:,}".replace(",", style) if style else str(n)
    if draw(st.booleans()):
        mark = draw(st.sampled_from([",", "."]))
        body += mark + str(draw(st.integers(min_value=0, max_value=99999)))
    sign = draw(st.sampled_from(["", "", "", "+", *MINUS]))
    broken = st.from_regex(r"[0-9]{1,7}([.,\u00a0 ][0-9]{1,4}){0,5}[.,]?", fullmatch=True)
    return draw(st.one_of(st.just(sign + body), broken))


@st.composite
def claim_phrase(draw: st.DrawFn) -> str:
    """'al menos 10.000 contenedores', 'entre 3 y 5 millones de euros', '4,8 %' …"""
    number = st.one_of(digits(), st.sampled_from(NUMBER_WORDS))
    first = draw(number)
    shape = draw(st.sampled_from(["plain", "plain", "range", "de-a", "dash"]))
    if shape == "range":
        core = f"entre {first} y {draw(number)}"
    elif shape == "de-a":
        core = f"de {first} a {draw(number)}"
    elif shape == "dash":
        core = f"{first}{draw(st.sampled_from(MINUS))}{draw(number)}"
    else:
        core = first
    if draw(st.booleans()):
        core = f"{draw(st.sampled_from(QUALIFIERS))} {core}"
    if draw(st.booleans()):
        core += draw(st.sampled_from(SPACES)) + draw(st.sampled_from(SCALES))
    if draw(st.booleans()):
        joint = draw(st.sampled_from([" de ", " ", "\u00a0", "\u202f", ""]))
        core += joint + draw(st.sampled_from(UNITS))
    if draw(st.booleans()):
        core = f"{draw(st.sampled_from(['$', 'US$', '€', 'MX$']))}{core}"
    return core


@st.composite
def news_sentence(draw: st.DrawFn) -> str:
    """A sentence in the style of a Spanish news report, maybe quoted, maybe attributed."""
    body = f"{draw(st.sampled_from(SUBJECTS))} {draw(claim_phrase())}"
    if draw(st.booleans()):
        body += f" y {draw(claim_phrase())}"
    if draw(st.booleans()):
        body += f" en {draw(st.sampled_from(['marzo', 'Madrid', '2023', 'el último año']))}"
    style = draw(st.sampled_from(["plain", "speaker", "quote", "unclosed"]))
    if style == "speaker":
        return f"{body}, {draw(st.sampled_from(SPEAKERS))}."
    if style == "quote":
        opening, closing = draw(st.sampled_from([("«", "»"), ('"', '"'), ("“", "”")]))
        return f"{opening}{body}{closing}, {draw(st.sampled_from(SPEAKERS))}."
    if style == "unclosed":
        return f"{draw(st.sampled_from(QUOTES))}{body}"
    return body + "."


piece = st.one_of(
    news_sentence(),
    claim_phrase(),
    st.sampled_from(FRAGMENTS),
    digits(),
    st.text(max_size=8),
)


@st.composite
def mixed_text(draw: st.DrawFn) -> str:
    """Realistic fragments and random text, joined by all kinds of spaces (or none)."""
    parts = draw(st.lists(piece, max_size=12))
    out = ""
    for part in parts:
        out += draw(st.sampled_from(SPACES)) + part
    return out


mixed = mixed_text()
random_text = st.text(max_size=300)  # any code point but lone surrogates, control chars too
any_text = st.one_of(mixed, random_text)


def check_text(text: str, nlp: Language, **kwargs: Any) -> list[Claim]:
    """Every invariant of ``extract`` on ``text`` (see ``fuzz/invariants.py``)."""
    claims: list[Claim] = inv.check_extract(text, nlp, **kwargs)
    return claims


# -- extract ---------------------------------------------------------------------------------


@SETTINGS
@given(text=mixed)
@example(text="El ministro dijo que Seúl había identificado al menos 10,000 contenedores.")
@example(text="Entre 1.234,5 y 2.000 millones de euros, dijo Shin.")
@example(text="\u00a0\u202f\u2009 \n")
@example(text='"' * 40 + "a " * 20)
@example(text="La deuda es de 1.234.567\u2009890 euros")
@example(text="4.0.0\u20092")
def test_extract_invariants_on_news_like_text(nlp: Language, text: str) -> None:
    check_text(text, nlp)


@SETTINGS
@given(text=random_text)
@example(text="")
@example(text="\x00\x01\x02 1 \x7f")
@example(text="1" * 1200 + " 10 euros")
def test_extract_invariants_on_random_text(nlp: Language, text: str) -> None:
    check_text(text, nlp)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text, locale=st.sampled_from(["es-ES", "es-MX", "es-AR", "es_mx"]))
def test_extract_invariants_in_strict_locales(nlp: Language, text: str, locale: str) -> None:
    check_text(text, nlp, locale=locale)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentences=st.lists(news_sentence(), min_size=12, max_size=30), sep=st.sampled_from(SPACES))
def test_extract_invariants_across_pieces(chunky: Language, sentences: list[str], sep: str) -> None:
    """Texts longer than a piece: offsets of every claim and nested object still hold."""
    text = sep.join(sentences)
    check_text(text, chunky)


def test_extract_across_pieces_on_a_long_article(chunky: Language) -> None:
    text = "\n\n".join([PARAGRAPH] * 12)  # PARAGRAPH: below; about 6,000 characters
    claims = inv.check_extract(text, chunky)
    whole = numclaims.extract(PARAGRAPH, nlp=chunky)
    assert len(claims) >= 12 * len(whole) - 12  # pieces may cut a few claims from context


def test_extract_rejects_wrong_types_only(nlp: Language) -> None:
    for bad in (b"10 euros", None, 10, ["10"]):
        with pytest.raises(TypeError):
            numclaims.extract(bad, nlp=nlp)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        numclaims.extract("10 euros", nlp=nlp, locale="fr")


# -- parse_number ----------------------------------------------------------------------------

numeral_like = st.one_of(
    digits(),
    claim_phrase(),
    st.lists(st.sampled_from([*NUMBER_WORDS, *SCALES, "y", "de", "con", *MINUS]), max_size=8).map(
        " ".join
    ),
    st.text(alphabet="0123456789.,-−– \u00a0\u202f\u2009$€%", max_size=30),
)


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(numeral_like, st.text(max_size=60)))
@example(text="4.0.0\u20092")
@example(text="1" * 100)
@example(text="-")
@example(text="1e5")
@example(text="NaN")
@example(text="Infinity")
def test_parse_number_returns_decimal_or_none(text: str) -> None:
    inv.check_parse_number(text)


def test_parse_number_rejects_wrong_types_only() -> None:
    with pytest.raises(TypeError):
        numclaims.parse_number(b"10")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        numclaims.parse_number("10", locale="pt")


# -- Claim -----------------------------------------------------------------------------------


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mixed)
def test_claim_round_trip(nlp: Language, text: str) -> None:
    for claim in numclaims.extract(text, nlp=nlp):
        assert Claim.from_dict(claim.to_dict()) == claim
        assert Claim.from_dict(json.loads(json.dumps(claim.to_dict()))) == claim


exact_decimals = st.decimals(allow_nan=False, allow_infinity=False, places=None).filter(
    lambda d: abs(d) < Decimal(10) ** 30
)


@settings(max_examples=100, deadline=None)
@given(
    value=st.one_of(st.none(), exact_decimals),
    text=st.text(min_size=1, max_size=10),
    kind=st.sampled_from(["quantity", "money", "percent", "ratio", "vague"]),
)
def test_claim_round_trip_of_a_built_claim_value(
    value: Decimal | None, text: str, kind: str
) -> None:
    claim = Claim(text=text, start_char=0, end_char=len(text), kind=kind, value=value)
    assert Claim.from_dict(claim.to_dict()) == claim
    json.dumps(claim.to_dict(), allow_nan=False)


# -- determinism and serialization -----------------------------------------------------------

PARAGRAPH = (
    "El ministro de Defensa surcoreano, Shin Wonsik, dijo que Seúl había identificado al "
    "menos 10,000 contenedores. Esos contenedores podrían contener hasta 4.8 millones de "
    "proyectiles, dijo Shin. «No vamos a pagar ni un euro más de los 40 millones pactados», "
    "afirmó la alcaldesa, Ana López. Según el INE, el paro bajó en 23.456 personas en marzo, "
    "hasta el 12,5 %, y entre 300 y 500 empresas cerraron. La deuda pública alcanzó "
    "1\u00a0567\u00a0000 millones de euros, casi la mitad del PIB, y unos veintitrés mil "
    "vecinos firmaron la petición."
)

_HASHSEED_SCRIPT = """
import json, sys, warnings
warnings.simplefilter("ignore")
import numclaims
text = sys.stdin.read()
claims = numclaims.extract(text, nlp=numclaims.load("blank"))
print(json.dumps([c.to_dict() for c in claims], ensure_ascii=False))
"""


def _extract_json_with_hashseed(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    proc = subprocess.run(
        [sys.executable, "-c", _HASHSEED_SCRIPT],
        input=PARAGRAPH,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def test_same_json_under_two_hash_seeds(nlp: Language) -> None:
    first = _extract_json_with_hashseed("0")
    second = _extract_json_with_hashseed("2718281")
    assert first == second
    here = [c.to_dict() for c in numclaims.extract(PARAGRAPH, nlp=nlp)]
    assert json.loads(first) == here
    assert len(here) >= 8


def _docbin_round_trip(nlp: Language, text: str) -> list[Claim]:
    doc = nlp(text)
    docbin = DocBin(store_user_data=True)
    docbin.add(doc)
    restored = DocBin().from_bytes(docbin.to_bytes())
    (back,) = list(restored.get_docs(spacy.blank("es").vocab))
    assert [s.text for s in back.spans["numclaims"]] == [s.text for s in doc.spans["numclaims"]]
    claims: list[Claim] = back._.claims
    return claims


def _pickle_round_trip(nlp: Language, text: str) -> list[Claim]:
    back = pickle.loads(pickle.dumps(nlp(text)))
    claims: list[Claim] = back._.claims
    return claims


@pytest.mark.parametrize("round_trip", [_docbin_round_trip, _pickle_round_trip])
def test_claims_survive_serialization_of_a_paragraph(
    nlp: Language, round_trip: Callable[[Language, str], list[Claim]]
) -> None:
    claims = nlp(PARAGRAPH)._.claims
    assert claims
    assert round_trip(nlp, PARAGRAPH) == claims


BIG_TEXT = "Se estiman 20 trillones de estrellas en la galaxia."


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mixed, use_docbin=st.booleans())
def test_claims_survive_serialization(nlp: Language, text: str, use_docbin: bool) -> None:
    claims = nlp(text)._.claims
    back = _docbin_round_trip(nlp, text) if use_docbin else _pickle_round_trip(nlp, text)
    assert back == claims


# -- bugs found by these tests and the fuzzer: explicit examples -----------------------------


def test_currency_symbol_between_numbers_goes_to_one_claim(nlp: Language) -> None:
    """Was: '10 €' [5:9] and '€ 20' [8:12] overlapped on the symbol."""
    for text in ("Pagó 10 € 20 veces", "2 $0", "facturó 202 $3,000 millones"):
        claims = inv.check_extract(text, nlp)
        assert claims


def test_docbin_keeps_lists_of_a_physical_unit(nlp: Language) -> None:
    """Was: DocBin (msgpack) gave unit['dimensions'] back as a tuple: claims differed."""
    text = "El incendio obligó a cortar 25 km de la autovía."
    claims: list[Claim] = nlp(text)._.claims
    assert claims[0].unit is not None and "dimensions" in claims[0].unit
    assert _docbin_round_trip(nlp, text) == claims


def test_thin_space_after_dot_groups_is_no_crash(nlp: Language) -> None:
    """Was: decimal.InvalidOperation from parse_digits('4.0.0\u20092')."""
    inv.check_extract("La deuda es de 4.0.0\u20092 euros y 1.234.567\u2009890 más.", nlp)
    inv.check_parse_number("4.0.0\u20092")


# -- bugs found by these properties, fixed: regression examples --------------------------


def test_a_value_beyond_64_bits_survives_docbin(nlp: Language) -> None:
    doc = nlp(BIG_TEXT)
    assert doc._.claims[0].value == Decimal("2E+19")
    assert _docbin_round_trip(nlp, BIG_TEXT) == doc._.claims


def test_a_lone_surrogate_is_no_crash(nlp: Language) -> None:
    inv.check_extract("Son 10 \ud800 euros", nlp)


def test_a_claim_built_directly_keeps_its_exact_bounds() -> None:
    claim = Claim(
        text="x",
        start_char=0,
        end_char=1,
        kind="quantity",
        value=None,
        value_min=Decimal("0.1234567890123456789"),
        value_max=Decimal("2"),
        qualifier="range",
    )
    assert Claim.from_dict(claim.to_dict()) == claim


# --- numerals in words in news frames (issue 11) -----------------------------------------

_FRAMES = [
    "El Gobierno destinó {n} euros a la obra.",
    "Según el informe, la deuda llegó a {n} dólares en marzo.",
    "La temperatura bajó hasta {n} grados durante la noche",
    "el ministerio contabilizó {n} casos nuevos",
]


def _value_of(text: str, written: str) -> Decimal | None:
    from numclaims.rules.scanner import scan

    start = text.index(written)
    found = [m for m in scan(text) if m.start == start and m.end == start + len(written)]
    return found[0].value if len(found) == 1 else None


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=-(10**15) + 1, max_value=10**15 - 1),
    st.sampled_from(_FRAMES),
)
def test_cardinals_in_words_to_a_thousand_billion(n: int, frame: str) -> None:
    from num2words import num2words

    written = num2words(n, lang="es")
    if n == 1 or n == -1:
        return  # "uno" alone is the pronoun; "un" before a noun the article
    assert _value_of(frame.format(n=written), written) == n


@settings(max_examples=300, deadline=None)
@given(
    st.decimals(min_value=-9999, max_value=9999, places=2, allow_nan=False),
    st.sampled_from(_FRAMES),
)
def test_decimals_in_words(value: Decimal, frame: str) -> None:
    from num2words import num2words

    if value == value.to_integral_value() or abs(value) < 1:
        return  # num2words writes an integer with no decimals; "cero punto" is rare in news
    written = num2words(value, lang="es")  # "menos tres punto dos cinco"
    assert _value_of(frame.format(n=written), written) == value
