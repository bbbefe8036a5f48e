"""The numeral layer: exact values of Spanish numerals, as written in news."""

from __future__ import annotations

import time
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from numclaims import detect_decimal_mark, parse_number
from numclaims.lang import LanguageDataError, table
from numclaims.rules import numerals
from numclaims.rules.numerals import (
    NumeralParser,
    State,
    WordClass,
    fraction_to_decimal,
    lexicon,
    parse_digits,
    tokenize,
)

#: Seconds after which a bounded call counts as hung (speed is the benchmarks' job).
HANG = 60

D = Decimal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10.000", D(10000)),
        ("10,000", D(10000)),
        ("10 000", D(10000)),
        ("10\u00a0000", D(10000)),
        ("10\u2009000", D(10000)),
        ("10\u202f000", D(10000)),
        ("1.234.567", D(1234567)),
        ("1,234,567", D(1234567)),
        ("1.234,56", D("1234.56")),
        ("1,234.56", D("1234.56")),
        ("1 234,56", D("1234.56")),
        ("4,8", D("4.8")),
        ("4.8", D("4.8")),
        ("0,75", D("0.75")),
        ("0.750", D("0.75")),
        ("-5", D(-5)),
        ("\u22125", D(-5)),
        ("-1.234,5", D("-1234.5")),
    ],
)
def test_digits_either_convention(text: str, expected: Decimal) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4.8 millones", D(4_800_000)),
        ("4,8 millones", D(4_800_000)),
        ("3.500 millones", D(3_500_000_000)),
        ("2 mil", D(2000)),
        ("10 mil", D(10_000)),
        ("2 mil 300 millones", D(2_300_000_000)),
        ("13 mil 200 millones", D(13_200_000_000)),
        ("485 mil 656", D(485_656)),
        ("3 millones 200 mil", D(3_200_000)),
        ("1,5 billones", D(1_500_000_000_000)),
        ("8 mil millones", D(8_000_000_000)),
        ("3 mil billones", D(3 * 10**15)),
        ("350.000 millones", D(350_000_000_000)),
        ("10.5 millones", D(10_500_000)),
    ],
)
def test_digits_with_scale_words(text: str, expected: Decimal) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("veintitrés mil cuatrocientos cincuenta y seis", 23456),
        ("veintitres mil cuatrocientos cincuenta y seis", 23456),
        ("doscientas", 200),
        ("doscientas cincuenta mil", 250_000),
        ("veintiún", 21),
        ("veintiuna", 21),
        ("veintiún mil", 21_000),
        ("un millón doscientas mil", 1_200_000),
        ("dieciséis", 16),
        ("dieciseis", 16),
        ("diez y seis", 16),
        ("Dieciséis", 16),
        ("ciento uno", 101),
        ("cien mil", 100_000),
        ("quinientas mil", 500_000),
        ("novecientos noventa y nueve", 999),
        ("mil novecientos ochenta y cuatro", 1984),
        ("dos mil veinticuatro", 2024),
    ],
)
def test_words_gender_accents_misspellings(text: str, expected: int) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mil millones", 10**9),
        ("un millardo", 10**9),
        ("dos millardos", 2 * 10**9),
        ("un billón", 10**12),
        ("tres billones", 3 * 10**12),
        ("un trillón", 10**18),
        ("tres billones quinientos mil millones", 3_500_000_000_000),
    ],
)
def test_long_scale(text: str, expected: int) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize("locale", ["es", "es-US", "es-MX", "es-ES", "es-AR"])
def test_billon_is_long_scale_in_every_locale(locale: str) -> None:
    assert parse_number("un billón", locale=locale) == 10**12


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("un millón y medio", D(1_500_000)),
        ("medio millón", D(500_000)),
        ("2 millones y medio", D(2_500_000)),
        ("dos millones y medio", D(2_500_000)),
        ("mil y medio", D(1500)),
        ("la mitad", D("0.5")),
        ("una mitad", D("0.5")),
        ("tres cuartos", D("0.75")),
        ("un cuarto", D("0.25")),
        ("un quinto", D("0.2")),
    ],
)
def test_halves_and_fractions(text: str, expected: Decimal) -> None:
    assert parse_number(text) == expected


def test_thirds_are_rounded_to_the_decimal_context() -> None:
    third = parse_number("un tercio")
    two_thirds = parse_number("dos tercios")
    assert third is not None and two_thirds is not None
    assert str(third) == "0." + "3" * 28
    assert str(two_thirds) == "0." + "6" * 27 + "7"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5 M€", D(5_000_000)),
        ("5M€", D(5_000_000)),
        ("5 k€", D(5000)),
        ("2.500 mdd", D(2_500_000_000)),
        ("2.500 mdp", D(2_500_000_000)),
        ("3 MM", D(3_000_000)),
        ("$2.3 billones", D(2_300_000_000_000)),
        ("US$ 40", D(40)),
        ("40 %", D(40)),
    ],
)
def test_news_abbreviations_and_symbols(text: str, expected: Decimal) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cuatro coma ocho", D("4.8")),
        ("cuatro punto ocho", D("4.8")),
        ("cero coma siete cinco", D("0.75")),
        ("cuatro coma setenta y cinco", D("4.75")),
        ("cuatro coma ocho millones", D(4_800_000)),
    ],
)
def test_decimals_in_words(text: str, expected: Decimal) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "hola",
        "1.1.1",
        "12,34,567",
        "mil mil",
        "un millón millones",
        "y",
        "cien dos",
        "treinta y",
        "1.234.56.7",
        "--5",
        "5 %%",
        "millones",
    ],
)
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize("bad", [None, b"10", 10, 4.8, ["10"]])
def test_wrong_types_are_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="must be a str"):
        parse_number(bad)  # type: ignore[arg-type]


def test_values_are_exact_decimals() -> None:
    value = parse_number("0,1")
    assert isinstance(value, Decimal)
    assert value + parse_number("0,2") == D("0.3")  # type: ignore[operator]
    assert parse_number("123.456.789.012.345.678") == D(123456789012345678)


# --- property-based: num2words is an independent oracle for written numerals -----------------


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_round_trip_with_num2words(n: int) -> None:
    assert parse_number(num2words(n, lang="es")) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_round_trip_spanish_and_english_grouping(n: int) -> None:
    es = f"{n:,}".replace(",", ".")
    assert parse_number(f"{n:,}", locale="es-MX") == n
    assert parse_number(es, locale="es-ES") == n
    if n >= 1000:
        # grouped numbers are unambiguous even without a locale
        assert parse_number(f"{n:,}") == n
        assert parse_number(es) == n
        assert parse_number(f"{n:,}".replace(",", "\u00a0")) == n


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**9),
    st.integers(min_value=0, max_value=99),
)
def test_decimals_with_either_mark(whole: int, cents: int) -> None:
    expected = D(whole) + D(cents) / 100
    assert parse_number(f"{whole:,}.{cents:02d}", locale="es-MX") == expected
    assert (
        parse_number(
            f"{whole:,}.{cents:02d}".replace(",", "_").replace(".", ",").replace("_", "."),
            locale="es-ES",
        )
        == expected
    )


@settings(max_examples=100, deadline=None)
@given(
    st.integers(min_value=1, max_value=999),
    st.sampled_from(["millones", "mil millones", "billones"]),
)
def test_digits_times_scale(n: int, scale: str) -> None:
    factor = {"millones": 10**6, "mil millones": 10**9, "billones": 10**12}[scale]
    assert parse_number(f"{n} {scale}") == n * factor
    assert parse_number(f"{num2words(n, lang='es')} {scale}") == n * factor


def test_parse_digits_rejects_bad_grouping() -> None:
    assert parse_digits("1 23") is None
    assert parse_digits("1.2345,6") is None
    assert parse_digits("12.345") == 12345


@pytest.mark.parametrize(
    "text",
    ["1." * 500_000, "1," * 500_000, "mil " * 250_000, "y " * 500_000, "9" * 1_000_000],
)
def test_adversarial_input_does_not_hang(text: str) -> None:
    start = time.perf_counter()
    parse_number(text)
    detect_decimal_mark(text)  # was quadratic on a long digit run: 25 minutes for 1 MB
    assert time.perf_counter() - start < HANG  # a guard against a hang, not a speed test


def test_decimal_mark_of_a_long_digit_run() -> None:
    assert detect_decimal_mark("1" * 1_000_000) is None
    assert detect_decimal_mark("1" * 100_000 + ",5") == ","


@pytest.mark.parametrize(
    "text",
    ["0.0.0\u00a00", "1\u202f234,5.6", "1 234,5,6", "12\u2009345.6.7", "1\u00a0000,5.5 %"],
)
def test_a_group_space_with_two_marks_is_not_a_number(text: str) -> None:
    assert parse_number(text) is None
    assert parse_digits(text.rstrip(" %")) is None


def test_a_group_space_with_one_mark_still_reads() -> None:
    assert parse_number("1\u202f234,5") == Decimal("1234.5")
    assert parse_number("10\u00a0000") == Decimal(10000)


def test_signs() -> None:
    assert parse_number("+1,5 %") == Decimal("1.5")
    assert parse_number("+20") == Decimal(20)
    assert parse_number("–5") == Decimal(-5)  # en dash as a minus, as in extract()
    assert parse_number("+-3") is None
    assert parse_number("--3") is None


@pytest.mark.parametrize("mark", [";", "", " ", "..", "'"])
def test_a_decimal_mark_other_than_point_or_comma_is_refused(mark: str) -> None:
    with pytest.raises(ValueError, match="decimal_mark"):
        parse_number("1,5", decimal_mark=mark)  # type: ignore[arg-type]


@given(
    st.integers(min_value=1000, max_value=999_999_999),
    st.integers(min_value=1, max_value=9),
)
def test_decimals_in_words_above_a_thousand(n: int, tenth: int) -> None:
    words = f"{num2words(n, lang='es')} punto {num2words(tenth, lang='es')}"
    assert parse_number(words) == Decimal(f"{n}.{tenth}")
    assert parse_number(words.replace(" punto ", " coma ")) == Decimal(f"{n}.{tenth}")


@given(st.integers(min_value=10**28, max_value=10**39 - 1))
def test_values_past_28_digits_stay_exact(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(f"-{n}") == -n
    assert parse_number(f"{n} millones") == n * 10**6


# --- the state machine: one handler per word class, the words from numbers.json ---------------

LEX = lexicon()
_CLASSES: dict[WordClass, list[str]] = {}
for _word, _class in sorted(LEX.classes.items()):
    _CLASSES.setdefault(_class, []).append(_word)
SCALES = sorted(LEX.scales.items())
FRACTIONS = sorted((w, f) for w, f in LEX.fractions.items() if LEX.classes[w] is WordClass.FRACTION)
ABBREVIATIONS = sorted(LEX.abbreviations.items())


def states(text: str) -> list[State]:
    """The state after each token of ``text``, fed to one parser (each must be accepted)."""
    parser = NumeralParser()
    out = []
    for tok in tokenize(text):
        if tok.kind != "space":
            assert parser.feed(tok.text, tok.kind), tok
            out.append(parser.state)
    return out


def test_every_word_class_has_a_handler_and_words() -> None:
    assert set(NumeralParser._HANDLERS) == set(WordClass)
    assert set(_CLASSES) == set(WordClass) - {WordClass.DIGITS}


def test_the_word_classes_are_the_data_keys() -> None:
    raw = table("numbers")
    assert set(_CLASSES[WordClass.DECIMAL]) == set(raw["decimal_words"])
    assert set(_CLASSES[WordClass.AND]) == set(raw["and_words"])
    assert set(_CLASSES[WordClass.THOUSAND]) == set(raw["thousand_words"])
    assert set(_CLASSES[WordClass.HALF]) == set(raw["half_words"])
    assert set(_CLASSES[WordClass.HALF_NOUN]) == set(raw["half_nouns"])
    assert set(_CLASSES[WordClass.HUNDRED]) == set(raw["hundreds"])
    assert set(_CLASSES[WordClass.SCALE]) == set(raw["scales"])
    assert set(_CLASSES[WordClass.ABBREVIATION]) == set(raw["abbreviations"])


def test_a_word_in_two_classes_is_a_data_error() -> None:
    raw = dict(table("numbers"))
    raw["and_words"] = ("y", "mil")
    with pytest.raises(LanguageDataError, match="'mil' is both"):
        numerals._word_classes(raw)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("un millón y medio", [State.UNITS, State.SCALE, State.AND, State.HALF]),
        ("medio millón", [State.HALF_PREFIX, State.SCALE]),
        ("ciento treinta y dos", [State.HUNDREDS, State.TENS, State.AND, State.UNITS]),
        ("quince mil", [State.TEENS, State.THOUSAND]),
        ("2 mil 300 millones", [State.DIGITS, State.THOUSAND, State.DIGITS, State.SCALE]),
        ("dos tercios", [State.UNITS, State.FRACTION]),
        ("mitad", [State.FRACTION]),
        ("5 M", [State.DIGITS, State.ABBREVIATION]),
        ("cuatro coma ocho", [State.UNITS, State.UNITS, State.UNITS]),
    ],
)
def test_states(text: str, expected: list[State]) -> None:
    assert states(text) == expected


def test_a_refused_token_leaves_the_state_unchanged() -> None:
    parser = NumeralParser()
    for tok in ("treinta", "y"):
        assert parser.feed(tok, "word")
    before = dict(vars(parser))
    for tok, kind in [("y", "word"), ("mil", "word"), ("15", "num"), ("%", "other")]:
        assert not parser.feed(tok, kind)
        assert vars(parser) == before
    assert not parser.complete()


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(LEX.tens)), st.sampled_from(sorted(LEX.units - LEX.zero_words)))
def test_and_joins_a_unit_to_the_tens(tens: str, unit: str) -> None:
    # "treinta y dos", and "diez y seis", "veinte y dos" (tens_taking_and)
    assert parse_number(f"{tens} y {unit}") == LEX.small[tens] + LEX.small[unit]
    assert parse_number(f"{tens} y") is None


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(LEX.hundreds)), st.integers(min_value=1, max_value=99))
def test_hundreds_open_a_block(hundred: str, rest: int) -> None:
    value = LEX.small[hundred]
    tail = num2words(rest, lang="es")
    expected = None if hundred in LEX.bare_hundreds else value + rest  # "cien dos" is none
    assert parse_number(f"{hundred} {tail}") == expected
    assert parse_number(f"{hundred} mil") == value * 1000
    assert parse_number(f"{tail} {hundred}") is None  # the hundreds come first


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(sorted(LEX.zero_words)))
def test_zero_only_opens_a_numeral(n: int, zero: str) -> None:
    assert parse_number(zero) == 0
    if n:
        assert parse_number(f"{num2words(n, lang='es')} {zero}") is None


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999))
def test_thousand_once_per_scale_group(n: int, m: int) -> None:
    [mil] = sorted(LEX.thousands)
    words = num2words(n, lang="es")
    assert parse_number(f"{words} {mil}") == n * 1000
    assert parse_number(f"{n} {mil} {m}") == n * 1000 + m  # digits fill the lower block
    assert parse_number(f"{n} {mil} {m + 1000}") is None
    assert parse_number(f"{words} {mil} {mil}") is None
    assert parse_number(f"{words} {mil} millones {words} {mil}") == (n * 1000) * (10**6 + 1)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=999_999),
    st.sampled_from(SCALES),
    st.sampled_from(SCALES),
)
def test_scales_decrease(n: int, first: tuple[str, int], second: tuple[str, int]) -> None:
    (w1, e1), (w2, e2) = first, second
    words = num2words(n, lang="es")
    expected = n * 10**e1 + n * 10**e2 if e2 < e1 else None
    assert parse_number(f"{words} {w1} {words} {w2}") == expected
    assert parse_number(f"{n} {w1}") == n * 10**e1
    assert parse_number(f"{n} {w1} {10**e1}") is None  # digits below the scale only


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(sorted(LEX.half_words)))
def test_y_medio_adds_half_of_the_last_unit(n: int, half: str) -> None:
    words = num2words(n, lang="es")
    last = fold_last(words)
    if last in LEX.scales:
        unit = D(10) ** LEX.scales[last]
    elif last in LEX.thousands:
        unit = D(1000)
    else:
        unit = D(1)
    assert parse_number(f"{words} y {half}") == n + unit / 2
    assert parse_number(f"{words} y {half} y {half}") is None  # "y medio" closes


def fold_last(words: str) -> str:
    return numerals.fold(words.split()[-1])


@pytest.mark.parametrize("half", sorted(LEX.half_words))
@pytest.mark.parametrize(("scale", "exp"), SCALES)
def test_medio_before_a_scale_word(half: str, scale: str, exp: int) -> None:
    assert parse_number(f"{half} {scale}") == D(10) ** exp / 2
    assert parse_number(f"dos {half} {scale}") is None
    assert parse_number(f"{half} mil {scale}") == D(10) ** (exp + 3) / 2


@pytest.mark.parametrize("noun", sorted(LEX.half_nouns))
@pytest.mark.parametrize("article", ["", *sorted(LEX.half_noun_articles)])
def test_the_half_noun_alone_is_one_half(noun: str, article: str) -> None:
    assert parse_number(f"{article} {noun}".strip()) == D("0.5")
    assert parse_number(f"dos {noun}") is None
    assert parse_number(f"{noun} millones") is None  # a ratio closes the numeral


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.sampled_from(FRACTIONS))
def test_a_fraction_word_after_a_block_is_a_ratio(n: int, fraction: tuple[str, object]) -> None:
    word, value = fraction
    text = f"{num2words(n, lang='es')} {word}"
    # the fraction divides the whole numeral: "dos tercios", "cien mil billonésimas";
    # more than one takes the plural ("dos tercios", not "dos tercio")
    plural = word.endswith("s")
    expected = fraction_to_decimal(n * value) if n <= 1 or plural else None  # type: ignore[operator]
    assert parse_number(text) == expected
    assert parse_number(f"{n} {word}") is None  # digits take no fraction word


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=10**6), st.sampled_from(ABBREVIATIONS))
def test_an_abbreviation_after_digits_is_a_scale(n: int, abbreviation: tuple[str, int]) -> None:
    word, exp = abbreviation
    upper_only = word in LEX.upper_case_abbreviations  # "5 m" is five metres
    assert parse_number(f"{n} {word}") == (None if upper_only else n * 10**exp)
    word = word.upper() if upper_only else word
    assert parse_number(f"{n}{word.upper()}") == n * 10**exp
    assert parse_number(f"{n},5 {word}", locale="es-ES") == (n * 10 + 5) * D(10) ** (exp - 1)
    assert parse_number(f"{num2words(n, lang='es')} {word}") is None  # digits only
    assert parse_number(f"{n} {word} {word}") is None  # an abbreviation closes


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**9),
    st.text(alphabet="0123456789", min_size=1, max_size=6),
    st.sampled_from(sorted(LEX.decimal_words)),
)
def test_decimal_words_read_the_digits_one_by_one(n: int, digits: str, mark: str) -> None:
    spoken = " ".join(num2words(int(d), lang="es") for d in digits)
    assert parse_number(f"{num2words(n, lang='es')} {mark} {spoken}") == D(f"{n}.{digits}")
    assert parse_number(f"{num2words(n, lang='es')} {mark}") is None
    assert parse_number(f"{n} {mark} {spoken}") == D(f"{n}.{digits}")  # "2 punto siete"


@pytest.mark.parametrize("mark", ["\u200b", "\u2060", "\ufeff", "\u00ad"])
def test_an_invisible_mark_inside_a_digit_group_groups_thousands(mark: str) -> None:
    assert parse_number(f"10{mark}000") == Decimal(10000)
    assert parse_number(f"1{mark}234{mark}567,5", locale="es-ES") == Decimal("1234567.5")
    assert parse_number(f"1{mark}2") is None  # not a group of three: not one number


# --- the long tail of numerals (issue 11) ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dos mil y uno", D(2001)),
        ("mil y una", D(1001)),
        ("cuarenta y 5", D(45)),
        ("tres cientos dos", D(302)),
        ("cuatro cientas", D(400)),
        ("diez y siete", D(17)),
        ("veinte y dos", D(22)),
    ],
)
def test_spoken_and_nonstandard_cardinals(text: str, expected: Decimal) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tres quintos", Fraction(3, 5)),
        ("un octavo", Fraction(1, 8)),
        ("diez treintavos", Fraction(1, 3)),
        ("tres doscientosavos", Fraction(3, 200)),
        ("cien milésimos", Fraction(1, 10)),
        ("un billonésimo", Fraction(1, 10**12)),
        ("dos millonésimas", Fraction(2, 10**6)),
        ("cien mil billonésimas", Fraction(1, 10**7)),
        ("ciento treinta y tres veintiunavos", Fraction(133, 21)),
        ("tres veinteavos", Fraction(3, 20)),
        ("un veinticincoavo", Fraction(1, 25)),
        ("cien treintaicincoavos", Fraction(100, 35)),
        ("un cientocincoavos", Fraction(1, 105)),
        ("tres dosmilésimos", Fraction(3, 2000)),
        ("veintitrés quintas", Fraction(23, 5)),
        ("un millón dos mil doscientos tres quintos", Fraction(1_002_203, 5)),
        ("ciento tres con dos tercios", Fraction(311, 3)),
        ("cuatro y tres quintos", Fraction(23, 5)),
        ("tres con un quinto", Fraction(16, 5)),
        ("uno con un medio", Fraction(3, 2)),
        ("diez con un cuarto", Fraction(41, 4)),
        ("cinco billones con tres cuartos", Fraction(5_750_000_000_000)),
    ],
)
def test_fractions_in_words_of_any_denominator(text: str, expected: Fraction) -> None:
    assert parse_number(text) == fraction_to_decimal(expected)


def test_a_fraction_word_is_a_suffix_on_a_cardinal() -> None:
    assert numerals.fraction_word("treintavos") == Fraction(1, 30)
    assert numerals.fraction_word("veintiunava") == Fraction(1, 21)
    assert numerals.fraction_word("billonésimas") == Fraction(1, 10**12)
    assert numerals.fraction_word("doscientosmilésimos") == Fraction(1, 200_000)
    # words that end like a fraction but have no cardinal before the suffix
    for word in ("centavos", "esclavo", "bravo", "mismo", "octavilla"):
        assert numerals.fraction_word(word) is None, word


def test_more_than_one_takes_a_plural_fraction() -> None:
    assert parse_number("dos millonésimo") is None  # "dos millonésimos"
    assert parse_number("un millonésimo") == D("0.000001")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dos coma setecientos dieciocho veintiocho", D("2.71828")),
        ("dos mil trescientos cuarenta y siete coma mil quinientos setenta y ocho", D("2347.1578")),
        ("tres coma cero cinco", D("3.05")),
        ("2 punto siete", D("2.7")),
        ("cuatro coma cinco mil", D(4500)),
    ],
)
def test_decimals_read_in_words(text: str, expected: Decimal) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2’450.000", D(2_450_000)),
        ("2'450.000", D(2_450_000)),
        ("1’000’000", D(1_000_000)),
        ("2’450.000,50", D("2450000.50")),
        ("12\u202f500\u202f000", D(12_500_000)),
        ("12\u2009500", D(12_500)),
    ],
)
def test_apostrophes_and_thin_spaces_group_digits(text: str, expected: Decimal) -> None:
    assert parse_number(text) == expected


def test_an_apostrophe_must_group_three_digits() -> None:
    assert parse_number("12’5") is None


def test_m_and_mm_are_millions_only_in_capitals() -> None:
    assert parse_number("5 M") == D(5_000_000)
    assert parse_number("3 MM") == D(3_000_000)
    assert parse_number("5 m") is None  # five metres
    assert parse_number("7,62 mm") is None  # millimetres


def test_medio_alone_is_no_number() -> None:
    assert parse_number("medio") is None
    assert parse_number("media") is None
    assert parse_number("medio millón") == D(500_000)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=2, max_value=999))
def test_any_denominator_in_words(num: int, den: int) -> None:
    # "tres doscientosavos": num2words writes the cardinal, the suffix makes the fraction
    stem = num2words(den, lang="es").replace(" y ", "i").replace(" ", "")
    if stem.endswith("a"):
        stem = stem[:-1]  # "treinta" + "avos": "treintavos"
    word = stem + ("avo" if num == 1 else "avos")
    fraction = numerals.fraction_word(word)
    if den <= 10 or den in (100, 1000):
        return  # the table words ("quinto", "décimo", "centésimo") are the usual ones
    assert fraction == Fraction(1, den), word
    words = "un" if num == 1 else num2words(num, lang="es")
    assert parse_number(f"{words} {word}") == fraction_to_decimal(Fraction(num, den))


@given(st.text(alphabet=st.sampled_from(list("12 ,.\u00a0\n\tabñÁ€%½-")), max_size=80))
def test_tokens_without_spaces_are_the_tokens_less_the_spaces(text: str) -> None:
    solid = list(tokenize(text, spaces=False))
    assert solid == [t for t in tokenize(text) if t.kind != "space"]
    assert all(t.text.strip() for t in solid)
