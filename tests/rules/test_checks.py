"""Figures that do not add up: exact checks, property-based."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

from numclaims.rules.checks import (
    check_delta,
    check_factor,
    check_parts,
    check_relative,
    check_shares,
    tolerance,
)
from numclaims.rules.claims import find_claims

D = Decimal
amounts = st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False)
positive = st.decimals(min_value=D("0.01"), max_value=10**9, places=2, allow_nan=False)
odd = st.decimals(allow_nan=True, allow_infinity=True)


def test_tolerance_is_half_the_last_written_digit() -> None:
    assert (tolerance(D("32")), tolerance(D("45.7")), tolerance(D("1E+3"))) == (
        D("0.5"),
        D("0.05"),
        D("5E+2"),
    )


def test_the_issue_examples() -> None:
    assert check_delta(D(70), D(102), D(32), points=True)["ok"] is True
    bad = check_relative(D(100), D(150), D(20))
    assert bad["ok"] is False and bad["computed"] == "50"


def test_a_rounded_relative_change_is_consistent() -> None:
    c = check_relative(D(70), D(102), D(46))
    assert c["ok"] is True and c["computed_fraction"] == "320/7"


@given(amounts, amounts)
def test_the_true_delta_is_consistent(a: Decimal, b: Decimal) -> None:
    c = check_delta(a, b, b - a)
    assert c["ok"] is True and D(c["computed"]) == b - a


@given(amounts, amounts, st.decimals(min_value=1, max_value=10**6, places=0))
def test_a_delta_off_by_one_or_more_is_inconsistent(a: Decimal, b: Decimal, off: Decimal) -> None:
    stated = b - a + off
    assume(abs(stated) != abs(b - a) + off or stated < 0)
    assume(abs(abs(b - a) - stated) > D("0.5"))
    assert check_delta(a, b, stated)["ok"] is False


@given(positive, st.integers(min_value=-99, max_value=500))
def test_the_true_relative_change_is_consistent(a: Decimal, pct: int) -> None:
    b = a * (1 + D(pct) / 100)
    assert check_relative(a, b, D(pct))["ok"] is True


@given(positive, st.integers(min_value=0, max_value=500), st.integers(min_value=2, max_value=50))
def test_a_wrong_relative_change_is_inconsistent(a: Decimal, pct: int, off: int) -> None:
    b = a * (1 + D(pct) / 100)
    assert check_relative(a, b, D(pct + off))["ok"] is False


@given(st.lists(positive, min_size=2, max_size=6))
def test_parts_that_add_up_to_the_total(parts: list[Decimal]) -> None:
    total = sum(parts, D(0))
    c = check_parts(total, parts)
    assert c["ok"] is True and c["complete"] is True and c["remainder"] == "0"


@given(st.lists(positive, min_size=2, max_size=6), positive)
def test_parts_above_the_total_are_inconsistent(parts: list[Decimal], extra: Decimal) -> None:
    total = sum(parts, D(0)) - extra - 1
    assert check_parts(total, parts)["ok"] is False


@given(st.lists(st.integers(min_value=0, max_value=100), min_size=2, max_size=6))
def test_shares_of_one_whole(shares: list[int]) -> None:
    c = check_shares([D(s) for s in shares])
    assert c["ok"] is (sum(shares) <= 100)
    assert D(c["excess"]) == max(sum(shares) - 100, 0)


@given(positive, st.sampled_from([D("0.5"), D(2), D(3), D("0.25")]))
def test_a_ratio_against_its_base(base: Decimal, factor: Decimal) -> None:
    assert check_factor(base, base * factor, factor, kind="ratio_base")["ok"] is True
    assert check_factor(base, base * factor + 1, factor, kind="ratio_base")["ok"] is False


@given(odd, odd, odd)
def test_never_raises_on_odd_numbers(a: Decimal, b: Decimal, c: Decimal) -> None:
    for check in (
        check_delta(a, b, c),
        check_relative(a, b, c),
        check_factor(a, b, c, kind="change_factor"),
        check_parts(a, [b, c]),
        check_shares([a, b, c]),
    ):
        assert isinstance(check["ok"], bool) and isinstance(check["kind"], str)


def test_an_inconsistent_relative_change_in_a_sentence() -> None:
    drafts = find_claims("Las ventas aumentaron un 20 %, de 100 a 150 unidades.")
    checks = {c["kind"]: c for c in drafts[0].checks}
    assert checks["change_relative"]["ok"] is False
    assert checks["change_relative"]["computed"] == "50"
    assert all(checks["change_relative"] in d.checks for d in drafts)


def test_parts_against_a_stated_total_in_a_sentence() -> None:
    text = (
        "El plan suma 1.200 millones de euros, de ellos 800 para sanidad, 300 para "
        "educación y 100 para cultura."
    )
    (check,) = find_claims(text)[0].checks
    assert check["kind"] == "parts_total" and check["ok"] is True and check["complete"] is True
    assert check["parts_sum"] == "1200000000" and check["scale_carried"] == "1000000"


def test_parts_exceeding_the_total() -> None:
    text = "Hubo 500 contagios, de ellos 300 en Lima y 250 en Cusco."
    (check,) = find_claims(text)[0].checks
    assert check["ok"] is False and check["remainder"] == "-50"


def test_percentages_of_one_whole_exceeding_100() -> None:
    text = "El 60 % de los votantes apoya la ley y el 55 % de los votantes la rechaza."
    (check,) = find_claims(text)[0].checks
    assert check["kind"] == "shares_of_whole" and check["ok"] is False
    assert check["sum"] == "115" and check["excess"] == "15"


def test_a_direction_that_contradicts_the_figures() -> None:
    drafts = find_claims("El desempleo bajó de 8 a 11 % en el último año.")
    (check,) = [c for c in drafts[0].checks if c["kind"] == "change_direction"]
    assert check == {"kind": "change_direction", "ok": False, "stated": "down", "computed": "up"}
