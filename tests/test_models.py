"""Unit tests for swleadership.models, checked against values worked by hand."""

import math

import pytest

from swleadership import models as m

# ---------------------------------------------------------------- career length

def test_working_life_hand_value():
    # a = 0.125 = 1/8, so the expected working life is 1 / (1/8) = 8 years.
    assert m.working_life(0.125) == pytest.approx(8.0)


@pytest.mark.parametrize(
    "a, years",
    [
        (1.0, 1.0),  # everyone leaves after their first year: 1/1 = 1
        (0.5, 2.0),  # 1/0.5 = 2
        (0.04, 25.0),  # doctors' 25 years corresponds to a = 1/25 = 0.04
        (1 / 13, 13.0),  # social care workers' 13 years
    ],
)
def test_working_life_more_values(a, years):
    assert m.working_life(a) == pytest.approx(years)


def test_survival_hand_value():
    # S(8) = (1 - 0.125)^8 = 0.875^8.
    # 0.875^2 = 0.765625; ^4 = 0.765625^2 = 0.586182; ^8 = 0.586182^2 = 0.343609 ≈ 0.344
    assert m.survival(0.125, 8) == pytest.approx(0.3436, abs=5e-4)
    assert round(m.survival(0.125, 8), 3) == 0.344


def test_survival_more_values():
    assert m.survival(0.3, 0) == 1.0  # (0.7)^0 = 1: everyone is there at the start
    # (1 - 0.1)^2 = 0.81
    assert m.survival(0.1, 2) == pytest.approx(0.81)
    # a = 1: nobody is left after one year
    assert m.survival(1.0, 1) == 0.0
    # survival is never above 1 and falls with t
    curve = m.survival_curve(0.2, 10)
    assert curve[0] == 1.0 and len(curve) == 11
    assert all(x > y for x, y in zip(curve, curve[1:], strict=False))
    assert curve[3] == pytest.approx(0.8**3)  # 0.512


def test_leaving_rate_for_life_is_the_inverse():
    # L = 8 years → a = 1/8 = 0.125; and back again
    assert m.leaving_rate_for_life(8) == pytest.approx(0.125)
    for L in (1, 2.5, 8, 13, 15, 16, 25, 40):
        assert m.working_life(m.leaving_rate_for_life(L)) == pytest.approx(L)


def test_replacement_demand():
    # N = 10,000 and a = 0.125: 10,000 × 0.125 = 1,250 new entrants a year.
    assert m.replacement_demand(10_000, 0.125) == pytest.approx(1250)
    # N = 0 needs nobody
    assert m.replacement_demand(0, 0.3) == 0
    # N = 36,186 (roughly the 2025 children's FTE) at a = 0.118: 36,186 × 0.118 = 4,269.9
    assert m.replacement_demand(36_186, 0.118) == pytest.approx(4269.948)


def test_median_years():
    # half-life of a cohort at a = 0.125: ln 0.5 / ln 0.875 = -0.6931 / -0.1335 = 5.19 years
    assert m.median_years(0.125) == pytest.approx(5.19, abs=0.01)
    # a = 0.5 halves the cohort in exactly one year
    assert m.median_years(0.5) == pytest.approx(1.0)
    assert m.median_years(1.0) == 0.0


# ---------------------------------------------------------------- pipeline

def test_pipeline_hand_values():
    # f1 = 0.8 / (0.8 + 2 × 0.2) = 0.8 / 1.2 = 0.6667
    # f2 = 0.6667 / (0.6667 + 2 × 0.3333) = 0.6667 / 1.3333 = 0.5
    f = m.pipeline(0.8, 2, 2)
    assert f[0] == 0.8
    assert f[1] == pytest.approx(2 / 3)
    assert f[2] == pytest.approx(0.5)


def test_pipeline_r_equal_one_leaves_share_unchanged():
    # r = 1: f / (f + 1 - f) = f
    assert m.pipeline(0.83, 1, 5) == pytest.approx([0.83] * 6)


def test_pipeline_k_zero_is_entry_only():
    assert m.pipeline(0.6, 3, 0) == [0.6]


def test_pipeline_closed_form_and_direction():
    # closed form f_k = f0 / (f0 + r^k (1 - f0)); e.g. f0 = 0.5, r = 3, k = 2:
    # 0.5 / (0.5 + 9 × 0.5) = 0.1
    assert m.pipeline(0.5, 3, 2)[-1] == pytest.approx(0.1)
    for f0, r, k in [(0.8, 1.5, 4), (0.3, 0.5, 3), (0.9, 4, 10)]:
        f = m.pipeline(f0, r, k)
        assert f[-1] == pytest.approx(f0 / (f0 + r**k * (1 - f0)))
    # r < 1 (women promoted more often) raises the share at each step
    up = m.pipeline(0.3, 0.5, 3)
    assert all(x < y for x, y in zip(up, up[1:], strict=False))
    # r > 1 lowers it
    down = m.pipeline(0.8, 2, 3)
    assert all(x > y for x, y in zip(down, down[1:], strict=False))


def test_implied_ratio_inverts_the_pipeline():
    # f0 = 0.8 to fk = 0.5 in k = 2 steps: r^2 = 0.8 × 0.5 / (0.5 × 0.2) = 0.4 / 0.1 = 4, so r = 2
    assert m.implied_ratio(0.8, 0.5, 2) == pytest.approx(2.0)
    # no change needs r = 1
    assert m.implied_ratio(0.6, 0.6, 3) == pytest.approx(1.0)
    # round trip on other values
    for f0, r, k in [(0.87, 1.4, 3), (0.45, 1.2, 4), (0.3, 0.7, 2)]:
        fk = m.pipeline(f0, r, k)[-1]
        assert m.implied_ratio(f0, fk, k) == pytest.approx(r)
    with pytest.raises(ValueError, match="at least 1"):
        m.implied_ratio(0.8, 0.5, 0)
    with pytest.raises(ValueError, match="top-level share fk"):
        m.implied_ratio(0.8, 1.5, 2)


# ---------------------------------------------------------------- year-on-year change

def test_yoy_change_absolute_and_percent():
    # 10 → 12 is +2 (+20%); 12 → 9 is −3 (−25%)
    assert m.yoy_change([10, 12, 9]) == [None, 2.0, -3.0]
    assert m.yoy_change([10, 12, 9], percent=True) == pytest.approx([None, 20.0, -25.0])


def test_yoy_change_missing_and_zero():
    # a suppressed value breaks the change either side of it
    assert m.yoy_change([10, None, 9, 9]) == [None, None, None, 0.0]
    assert m.yoy_change([1.0, float("nan"), 2.0]) == [None, None, None]
    # a zero base has no percentage change
    assert m.yoy_change([0, 5], percent=True) == [None, None]
    assert m.yoy_change([]) == []
    assert m.yoy_change([3]) == [None]


# ---------------------------------------------------------------- input checking

@pytest.mark.parametrize(
    "call, fragment",
    [
        (lambda: m.working_life(0), "leaving rate a"),
        (lambda: m.working_life(-0.1), "0 < a ≤ 1"),
        (lambda: m.working_life(12.5), "percentage"),
        (lambda: m.working_life("abc"), "not a number"),
        (lambda: m.working_life(float("nan")), "leaving rate a"),
        (lambda: m.working_life(None), "leaving rate a"),
        (lambda: m.working_life(True), "leaving rate a"),
        (lambda: m.working_life("12%"), "without a % sign"),
        (lambda: m.survival(0.1, -1), "years t"),
        (lambda: m.survival(0.1, 1000), "years t"),
        (lambda: m.leaving_rate_for_life(0.5), "working life L"),
        (lambda: m.leaving_rate_for_life(0), "working life L"),
        (lambda: m.replacement_demand(-5, 0.1), "negative"),
        (lambda: m.replacement_demand(10**9, 0.1), "too large"),
        (lambda: m.replacement_demand(10.5, 0.1), "not a whole number"),
        (lambda: m.replacement_demand("lots", 0.1), "workforce size N"),
        (lambda: m.pipeline(0, 2, 2), "entry share f0"),
        (lambda: m.pipeline(1, 2, 2), "0 < f0 < 1"),
        (lambda: m.pipeline(80, 2, 2), "percentage"),
        (lambda: m.pipeline(0.8, 0, 2), "promotion ratio r"),
        (lambda: m.pipeline(0.8, -1, 2), "promotion ratio r"),
        (lambda: m.pipeline(0.8, 1000, 2), "promotion ratio r"),
        (lambda: m.pipeline(0.8, 2, 11), "promotion steps k"),
        (lambda: m.pipeline(0.8, 2, -1), "whole number from 0 to 10"),
        (lambda: m.pipeline(0.8, 2, 2.5), "promotion steps k"),
    ],
)
def test_bad_inputs_raise_clear_value_errors(call, fragment):
    with pytest.raises(ValueError) as info:
        call()
    assert fragment in str(info.value)


def test_string_numbers_are_accepted():
    # typed values arrive as text from a text box
    assert m.working_life("0.125") == pytest.approx(8)
    assert m.replacement_demand("10,000", "0.125") == pytest.approx(1250)


def test_checks_return_clean_types():
    assert isinstance(m.check_workforce(12.0), int)
    assert isinstance(m.check_steps(3.0), int)
    assert math.isclose(m.check_rate("0.5"), 0.5)
