"""Properties of the models that hold for every allowed input (hypothesis), and the edges of every checker.

The hand-worked values are in test_models.py; here hypothesis tries many inputs across each allowed range.
Examples are drawn the same way on every run (``derandomize``), so a failure here is never a fluke of the draw.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from swleadership import models as m
from swleadership.explorers import _base as b

settings.register_profile("swl", derandomize=True, deadline=None, max_examples=80, database=None)
settings.load_profile("swl")

rates = st.floats(min_value=1e-6, max_value=1.0, allow_nan=False)
years = st.floats(min_value=0.0, max_value=float(m.T_MAX), allow_nan=False)
shares = st.floats(min_value=1e-6, max_value=1 - 1e-6, allow_nan=False)
ratios = st.floats(min_value=1e-3, max_value=m.R_MAX, allow_nan=False)
steps = st.integers(min_value=0, max_value=m.K_MAX)


@given(a=st.floats(min_value=1e-3, max_value=1.0), t1=years, dt=st.floats(min_value=1.0, max_value=float(m.T_MAX)))
def test_survival_falls_as_t_grows(a, t1, dt):
    t2 = min(t1 + dt, float(m.T_MAX))
    s1, s2 = m.survival(a, t1), m.survival(a, t2)
    assert 0.0 <= s2 <= s1 <= 1.0
    if t2 > t1 and s1 > 0:
        assert s2 < s1 or s2 == 0.0  # strictly lower, unless it has underflowed to nothing
    assert m.survival(a, 0) == 1.0


@given(a=rates, horizon=st.integers(min_value=0, max_value=m.T_MAX))
def test_survival_curve_is_survival_year_by_year(a, horizon):
    curve = m.survival_curve(a, horizon)
    assert len(curve) == horizon + 1 and curve[0] == 1.0
    for t in (0, horizon // 2, horizon):
        assert curve[t] == pytest.approx(m.survival(a, t), rel=1e-9, abs=1e-300)
    assert all(x >= y for x, y in zip(curve, curve[1:], strict=False))


@given(a=rates)
def test_working_life_is_one_over_a(a):
    assert m.working_life(a) == pytest.approx(1 / a, rel=1e-12)
    assert m.working_life(a) >= 1.0


@given(L=st.floats(min_value=1.0, max_value=m.L_MAX))
def test_leaving_rate_for_life_inverts_working_life(L):
    a = m.leaving_rate_for_life(L)
    assert a == pytest.approx(1 / L, rel=1e-12)
    assert m.working_life(a) == pytest.approx(L, rel=1e-9)


@given(N=st.integers(min_value=0, max_value=m.N_MAX), a=rates)
def test_replacement_demand_is_n_times_a(N, a):
    assert m.replacement_demand(N, a) == pytest.approx(N * a, rel=1e-12, abs=1e-12)
    assert 0 <= m.replacement_demand(N, a) <= N


@given(a=st.floats(min_value=1e-3, max_value=0.999))
def test_half_the_cohort_has_left_after_the_median(a):
    med = m.median_years(a)
    assert med > 0
    assert (1 - a) ** med == pytest.approx(0.5, rel=1e-9)


@given(f0=shares, r=ratios, k=steps)
def test_pipeline_keeps_shares_between_0_and_1(f0, r, k):
    f = m.pipeline(f0, r, k)
    assert len(f) == k + 1 and f[0] == f0
    assert all(0.0 <= x <= 1.0 for x in f)
    # the closed form f_k = f0 / (f0 + r^k (1 - f0))
    assert f[-1] == pytest.approx(f0 / (f0 + r**k * (1 - f0)), rel=1e-6, abs=1e-12)


@given(f0=shares, k=steps)
def test_pipeline_with_r_one_keeps_the_share(f0, k):
    assert m.pipeline(f0, 1, k) == pytest.approx([f0] * (k + 1), rel=1e-12)


@given(f0=st.floats(min_value=0.01, max_value=0.99), r=st.floats(min_value=1.01, max_value=m.R_MAX),
       k=st.integers(min_value=1, max_value=m.K_MAX))
def test_pipeline_falls_when_men_are_promoted_more(f0, r, k):
    f = m.pipeline(f0, r, k)
    assert all(x > y for x, y in zip(f, f[1:], strict=False) if x > 1e-12)
    inv = m.pipeline(f0, 1 / r, k)  # women promoted more often: the share rises
    assert all(x < y for x, y in zip(inv, inv[1:], strict=False) if y < 1 - 1e-12)


@given(f0=st.floats(min_value=0.05, max_value=0.95), r=st.floats(min_value=0.2, max_value=5),
       k=st.integers(min_value=1, max_value=m.K_MAX))
def test_implied_ratio_recovers_r(f0, r, k):
    fk = m.pipeline(f0, r, k)[-1]
    if 1e-6 < fk < 1 - 1e-6:
        assert m.implied_ratio(f0, fk, k) == pytest.approx(r, rel=1e-6)


@given(values=st.lists(st.floats(min_value=0.5, max_value=1e6), min_size=1, max_size=12))
def test_yoy_change_steps_add_up(values):
    ch = m.yoy_change(values)
    assert ch[0] is None and len(ch) == len(values)
    assert values[0] + sum(ch[1:]) == pytest.approx(values[-1], rel=1e-9)
    pct = m.yoy_change(values, percent=True)
    for prev, cur, p in zip(values, values[1:], pct[1:], strict=False):
        assert prev * (1 + p / 100) == pytest.approx(cur, rel=1e-9)


# ------------------------------------------------------------------ checkers: both ends in, just outside out
def below(x: float) -> float:
    return math.nextafter(x, -math.inf)


def above(x: float) -> float:
    return math.nextafter(x, math.inf)


# (checker, smallest allowed, largest allowed, just below, just above)
CHECKERS = [
    ("check_rate", m.check_rate, above(0.0), 1.0, 0.0, above(1.0)),
    ("check_years", m.check_years, 0.0, float(m.T_MAX), below(0.0), above(float(m.T_MAX))),
    ("check_workforce", m.check_workforce, 0, m.N_MAX, -1, m.N_MAX + 1),
    ("check_share", m.check_share, above(0.0), below(1.0), 0.0, 1.0),
    ("check_ratio", m.check_ratio, above(0.0), m.R_MAX, 0.0, above(m.R_MAX)),
    ("check_steps", m.check_steps, 0, m.K_MAX, -1, m.K_MAX + 1),
    ("leaving_rate_for_life", m.leaving_rate_for_life, 1.0, m.L_MAX, below(1.0), above(m.L_MAX)),
]


@pytest.mark.parametrize("name, check, lo, hi, out_lo, out_hi", CHECKERS, ids=[c[0] for c in CHECKERS])
def test_model_checker_accepts_both_ends_and_rejects_just_outside(name, check, lo, hi, out_lo, out_hi):
    for v in (lo, hi):
        check(v)  # no error
        check(str(v))  # typed as text
    assert check(hi) == pytest.approx(hi if name != "leaving_rate_for_life" else 1 / hi)
    for v in (out_lo, out_hi):
        with pytest.raises(ValueError):
            check(v)


@given(data=st.data())
@pytest.mark.parametrize("name, check, lo, hi, out_lo, out_hi", CHECKERS, ids=[c[0] for c in CHECKERS])
def test_model_checker_accepts_its_range_and_nothing_else(name, check, lo, hi, out_lo, out_hi, data):
    whole = isinstance(lo, int)
    inside = st.integers(lo, hi) if whole else st.floats(lo, hi)
    check(data.draw(inside))
    outside = (st.integers(hi + 1, hi * 1000 + 10) | st.integers(-1000, lo - 1) if whole
               else st.floats(above(hi), 1e9) | st.floats(-1e9, below(lo)))
    with pytest.raises(ValueError):
        check(data.draw(outside))


def test_workforce_checker_takes_the_top_of_the_range_with_separators():
    assert m.check_workforce("10,000,000") == 10_000_000
    assert m.replacement_demand(10_000_000, 1) == 10_000_000


# the explorers' typed boxes: (name, low, high, unit, low_open, whole)
BOXES = [
    ("leaving rate", 0, 100, "%", True, False),
    ("working life L", 1, m.L_MAX, "years", False, False),
    ("workforce size N", 0, m.N_MAX, "", False, True),
    ("women at entry f0", 0, 100, "%", True, False),
    ("promotion ratio r", 0, m.R_MAX, "", True, False),
]


@pytest.mark.parametrize("name, low, high, unit, low_open, whole", BOXES, ids=[x[0] for x in BOXES])
def test_typed_boxes_accept_both_ends_and_reject_just_outside(name, low, high, unit, low_open, whole):
    def parse(v):
        return b.parse_number(v, name, low, high, unit, low_open=low_open, whole=whole)

    smallest = (low + 1 if whole else above(float(low))) if low_open else low
    assert parse(repr(smallest) if not whole else str(smallest)) == smallest
    assert parse(str(high)) == high
    assert parse(f"{high:,}" if whole else str(high)) == high
    with pytest.raises(ValueError, match=name[1:]):  # the message capitalises the name
        parse(str(low) if low_open else str(low - 1 if whole else below(float(low))))
    with pytest.raises(ValueError, match=name[1:]):  # the message capitalises the name
        parse(str(high + 1) if whole else repr(above(float(high))))
    if unit == "%":
        assert parse(f"{high}%") == high


@pytest.mark.parametrize("call, message", [
    (lambda: m.check_rate(0), "leaving rate a must be a share with 0 < a ≤ 1 (for example 0.125 for 12.5% a year); got 0."),
    (lambda: m.check_rate(12.5), "leaving rate a must be a share with 0 < a ≤ 1 (for example 0.125 for 12.5% a year); "
                                 "got 12.5. Did you type a percentage? Divide it by 100."),
    (lambda: m.check_years(101), "years t must be a number of years from 0 to 100; got 101."),
    (lambda: m.leaving_rate_for_life(0.5), "working life L must be a number of years from 1 to 100; got 0.5."),
    (lambda: m.check_workforce(-1), "workforce size N must be a whole number from 0 to 10,000,000; got -1, which is "
                                    "negative."),
    (lambda: m.check_workforce(1.5), "workforce size N must be a whole number from 0 to 10,000,000; got 1.5, which is "
                                     "not a whole number."),
    (lambda: m.check_workforce(10_000_001), "workforce size N must be a whole number from 0 to 10,000,000; got "
                                            "10000001, which is too large."),
    (lambda: m.check_share(1), "entry share f0 must be a share with 0 < f0 < 1 (for example 0.8 for 80%); got 1."),
    (lambda: m.check_share(80), "entry share f0 must be a share with 0 < f0 < 1 (for example 0.8 for 80%); got 80. "
                                "Did you type a percentage? Divide it by 100."),
    (lambda: m.check_ratio(0), "promotion ratio r must be a number with 0 < r ≤ 100 (1 means men and women are "
                               "promoted alike); got 0."),
    (lambda: m.check_steps(11), "promotion steps k must be a whole number from 0 to 10; got 11."),
    (lambda: m.check_rate("12%"), "leaving rate a must be a share with 0 < a ≤ 1 (for example 0.125 for 12.5% a "
                                  "year); got '12%'. Type a plain number, without a % sign."),
    (lambda: m.check_rate("x"), "leaving rate a must be a share with 0 < a ≤ 1 (for example 0.125 for 12.5% a year); "
                                "got 'x', which is not a number."),
    (lambda: m.check_rate([]), "leaving rate a must be a share with 0 < a ≤ 1 (for example 0.125 for 12.5% a year); "
                               "got [], which is not a number."),
    (lambda: m.check_rate(float("inf")), "leaving rate a must be a share with 0 < a ≤ 1 (for example 0.125 for 12.5% "
                                         "a year); got inf."),
    (lambda: m.implied_ratio(0.8, 0.5, 0), "promotion steps k must be at least 1 to infer a ratio; got 0."),
    (lambda: m.check_rate(100), "leaving rate a must be a share with 0 < a ≤ 1 (for example 0.125 for 12.5% a year); "
                                "got 100. Did you type a percentage? Divide it by 100."),
    (lambda: m.check_rate(1.5), "leaving rate a must be a share with 0 < a ≤ 1 (for example 0.125 for 12.5% a year); "
                                "got 1.5. Did you type a percentage? Divide it by 100."),
    (lambda: m.check_rate(101), "leaving rate a must be a share with 0 < a ≤ 1 (for example 0.125 for 12.5% a year); "
                                "got 101."),
    (lambda: m.check_share(100), "entry share f0 must be a share with 0 < f0 < 1 (for example 0.8 for 80%); got 100. "
                                 "Did you type a percentage? Divide it by 100."),
    (lambda: m.check_share(1.5), "entry share f0 must be a share with 0 < f0 < 1 (for example 0.8 for 80%); got 1.5. "
                                 "Did you type a percentage? Divide it by 100."),
    (lambda: m.check_share(101), "entry share f0 must be a share with 0 < f0 < 1 (for example 0.8 for 80%); got 101."),
    (lambda: m.check_share("x"), "entry share f0 must be a share with 0 < f0 < 1 (for example 0.8 for 80%); got 'x', "
                                 "which is not a number."),
    (lambda: m.check_ratio("x"), "promotion ratio r must be a number with 0 < r ≤ 100 (1 means men and women are "
                                 "promoted alike); got 'x', which is not a number."),
    (lambda: m.check_steps("x"), "promotion steps k must be a whole number from 0 to 10; got 'x', which is not a "
                                 "number."),
    (lambda: m.check_workforce("x"), "workforce size N must be a whole number from 0 to 10,000,000; got 'x', which is "
                                     "not a number."),
    (lambda: m.check_years("x"), "years t must be a number of years from 0 to 100; got 'x', which is not a number."),
    (lambda: m.survival_curve(0.1, 101), "horizon in years must be a number of years from 0 to 100; got 101."),
    (lambda: m.implied_ratio(0.8, 1.5, 2), "top-level share fk must be a share with 0 < fk < 1 (for example 0.8 for "
                                           "80%); got 1.5. Did you type a percentage? Divide it by 100."),
])
def test_checker_messages_name_the_parameter_and_its_range(call, message):
    with pytest.raises(ValueError) as e:
        call()
    assert str(e.value) == message
