"""The explorers' small helpers, on values worked by hand: typed numbers and their messages, number text,
payload numbers, the dates and rows the figures are drawn from, an upload's gaps, and the derived sums."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from swleadership import facts
from swleadership.data import to_safe_csv
from swleadership.explorers import _base as b
from swleadership.explorers import funding as F
from swleadership.explorers import gender as G
from swleadership.explorers import pressures as P

RATE = {"low_open": True, "example": "12.5"}
N = {"whole": True}


@pytest.mark.parametrize("typed, name, low, high, unit, kw, message", [
    ("", "leaving rate", 0, 100, "%", RATE,
     "Leaving rate must be a number greater than 0 and at most 100% (for example 12.5); the box is empty."),
    ("0", "leaving rate", 0, 100, "%", RATE,
     "Leaving rate must be a number greater than 0 and at most 100% (for example 12.5); got '0'."),
    (None, "promotion ratio r", 0, 100, "", {"low_open": True},
     "Promotion ratio r must be a number greater than 0 and at most 100; nothing usable was typed."),
    (True, "promotion ratio r", 0, 100, "", {"low_open": True},
     "Promotion ratio r must be a number greater than 0 and at most 100; nothing usable was typed."),
    ("inf", "promotion ratio r", 0, 100, "", {"low_open": True},
     "Promotion ratio r must be a number greater than 0 and at most 100; got 'inf'."),
    ("abc", "workforce size N", 0, 10_000_000, "", N,
     "Workforce size N must be a whole number from 0 to 10,000,000; got 'abc', which is not a number."),
    ("10.5", "workforce size N", 0, 10_000_000, "", N,
     "Workforce size N must be a whole number from 0 to 10,000,000; got '10.5', which is not a whole number."),
    ("101", "working life L", 1, 100, "years", {},
     "Working life L must be a number from 1 to 100 years; got '101'."),
    ("0.5", "working life L", 1, 100, "years", {}, "Working life L must be a number from 1 to 100 years; got '0.5'."),
    ("12%", "r", 0, 100, "", {}, "R must be a number from 0 to 100; got '12%', which is not a number."),
    ("7", "share", 0.5, 2.5, "", {}, "Share must be a number from 0.5 to 2.5; got '7'."),
])
def test_typed_numbers_are_refused_with_the_exact_message(typed, name, low, high, unit, kw, message):
    with pytest.raises(ValueError) as e:
        b.parse_number(typed, name, low, high, unit, **kw)
    assert str(e.value) == message


def test_typed_numbers_accept_separators_spaces_and_a_percent_sign():
    assert b.parse_number("1,000", "n", 0, 5000) == 1000.0
    assert b.parse_number("1 000", "n", 0, 5000) == 1000.0
    assert b.parse_number("1\u00a0000", "n", 0, 5000) == 1000.0
    assert b.parse_number(" 12.5% ", "r", 0, 100, "%") == 12.5
    assert b.parse_number("100", "r", 0, 100, "%", low_open=True) == 100.0
    assert b.parse_number("0", "n", 0, 5000) == 0.0  # a closed lower end is allowed
    assert b.parse_number(7, "n", 0, 10, whole=True) == 7.0


def test_number_text():
    assert b.fmt_num(None) == "–" and b.fmt_num(float("nan")) == "–"
    assert b.fmt_num(1234.56) == "1,235"  # four digits and more: whole, with a separator
    assert b.fmt_num(-1500.2) == "-1,500"
    assert b.fmt_num(12.0) == "12" and b.fmt_num(12.345) == "12.3" and b.fmt_num(12.345, 2) == "12.35"


def test_payload_numbers_keep_four_significant_digits_and_gaps():
    assert b.clean([1.23456, float("nan"), None, 3, 2.0, 28482.6]) == [1.235, None, None, 3, 2.0, 28480.0]
    assert b.clean([]) == []


def test_funding_dates_are_the_period_end_or_30_september():
    assert F._date({"period_end": pd.Timestamp("2017-03-31"), "year": 2017}) == "2017-03-31"
    assert F._date({"period_end": "2011-09-30 00:00:00", "year": 2011}) == "2011-09-30"
    assert F._date({"period_end": float("nan"), "year": 2016.0}) == "2016-09-30"
    assert F._date({"period_end": None, "year": 2015}) == "2015-09-30"
    assert F._date({"year": 2014}) == "2014-09-30"


def test_gender_rows_are_the_preferred_shares_in_time_order():
    md = G._share_rows(["NHS trust and ALB medical directors"])
    assert md["value"].tolist() == [25.0]  # 24.6 (Pharmafile) is not the preferred row
    docs = G._share_rows(["registered doctors (GMC)", "licensed doctors (GMC)"])
    assert docs["year"].tolist() == [2011, 2015, 2024, 2025]
    assert docs["value"].tolist() == [43.0, 45.0, 49.7, 50.04]
    assert set(docs["measure"]) == {"share female"}


def test_uploaded_ethnicity_is_indexed_by_year_and_prefixed_area():
    df = pd.DataFrame({"time_period": [2023, 2023, 2024], "area_code": ["E99", "E99", "E99"],
                       "role": ["Case holder", "Senior manager", "Case holder"], "white_pct": [70.0, 80.0, 71.0]})
    idx = G.eth_index_of(df)
    assert set(idx) == {(2023, "upload:E99"), (2024, "upload:E99")}
    assert set(idx[(2023, "upload:E99")]) == {"Case holder", "Senior manager"}
    assert idx[(2024, "upload:E99")]["Case holder"]["white_pct"] == 71.0


def test_upload_gaps_are_suppressed_years_only():
    df = pd.DataFrame({"time_period": [2022, 2023, 2024, 2025],
                       "caseload_fte": [15.0, float("nan"), float("nan"), 16.0],
                       "caseload_fte_suppression": ["", "x", "", ""]})
    assert P.upload_gaps(df, "caseload_fte") == [(2023, "x")]  # 2024 is missing with no code: no symbol to show
    assert P.upload_gaps(df.drop(columns="caseload_fte_suppression"), "caseload_fte") == []
    assert P._level([28482.6, None, 13.45], "count") == [28483, None, 13]
    assert P._level([13.46, None], "rate") == [13.5, None]
    assert P._yoy([10.0, 12.0, None, 9.0], "count") == [None, 20.0, None, None]
    assert P._yoy([10.0, 12.5, 9.0], "rate") == [None, 2.5, -3.5]


def test_chapter_34_exercise_sums_by_hand():
    # 2010-11 spend indexed at 100: social care 45.3, the rest 54.7. Social care fell 3.0%: 45.3 × 0.97 = 43.941;
    # the rest fell 32.6%: 54.7 × 0.674 = 36.868. Total 80.809, so social care's share is 43.941 / 80.809 = 54.4%
    # and total spend fell 19%.
    assert [facts.text(f"ex_{k}") for k in ("sc_0", "other_0", "sc_1", "other_1", "total_1")] == \
        ["45.3", "54.7", "43.9", "36.9", "80.8"]
    assert facts.text("ex_share_1_implied") == "54.4%" and facts.text("ex_total_fall") == "19%"


def test_turnover_read_as_working_life_is_one_over_a():
    t = facts.fact("csww_turnover_2017").value  # 13.4% → 1/0.134 = 7.46 years
    assert facts.text("csww_turnover_2017_as_life") == f"{100 / t:.1f} years" == "7.5 years"


def test_glue_facts_with_no_names_glues_every_fact(monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda *objs, **kw: shown.append(kw["metadata"]["scrapbook"]))
    out = facts.glue_facts()
    assert list(out) == list(facts.FACTS) and [s["name"] for s in shown] == list(facts.FACTS)


def test_safe_csv_keeps_numbers_and_uses_newlines():
    df = pd.DataFrame({"t": ["=x", "y"], "n": [-1.5, 2.0], "k": [-3, 4]})
    assert to_safe_csv(df) == "t,n,k\n'=x,-1.5,-3\ny,2.0,4\n"
    assert math.isclose(float(to_safe_csv(df).splitlines()[1].split(",")[1]), -1.5)


def test_number_text_just_over_a_thousand_and_changes_to_one_decimal():
    assert b.fmt_num(1000.5) == "1,000" and b.fmt_num(999.5) == "999.5"
    assert P._yoy([10.0, 12.34], "rate") == [None, 2.3]


def test_text_that_is_not_a_number_is_a_gap_in_year_on_year_change():
    from swleadership import models as m

    assert m.yoy_change(["a", 2, 3]) == [None, None, 1.0]


def test_a_control_offers_each_option_value_or_slider_step_in_order():
    import ipywidgets as w

    from swleadership.explorers import control_values

    assert control_values(w.IntSlider(min=1, max=10, step=3, value=4)) == [1, 4, 7, 10]
    half = control_values(w.FloatSlider(min=0.5, max=3, step=0.5, value=2))
    assert half == [0.5, 1.0, 1.5, 2.0, 2.5, 3.0] and all(isinstance(v, float) for v in half)
    assert control_values(w.Dropdown(options=[("First", "a"), ("Second", "b")], value="b")) == ["a", "b"]
    assert control_values(w.RadioButtons(options=["x", "y", "z"], value="y")) == ["x", "y", "z"]


@pytest.mark.parametrize("make, values", [
    ("IntSlider(min=0, max=3, value=2)", [3, 0, 1, 2, 3, 0]),
    ("IntSlider(min=0, max=3, value=3)", [0, 1, 2, 3, 0, 1]),
    ("IntSlider(min=0, max=4, step=2, value=1)", [0, 2, 4, 0, 2, 4]),    # a value between steps: from the first
    ("Dropdown(options=[('A', 'a'), ('B', 'b'), ('C', 'c')], value='a')", ["b", "c", "a", "b", "c", "a"]),
])
def test_the_benchmark_sweeps_every_value_starting_after_the_current_one(make, values):
    import itertools

    import ipywidgets as w

    from swleadership.explorers import sweep

    widget = eval(f"w.{make}", {"w": w})
    assert list(itertools.islice(sweep(widget), 6)) == values


def test_each_live_benchmark_setting_redraws_the_figure(monkeypatch):
    """The live-callback benchmark sets a control to a new value every time, so each timed run is a redraw:
    the warm-up run and every repeat patch the figure once."""
    from swleadership import explorers

    patches = []
    real_patch = b.apply_patch
    monkeypatch.setattr(b, "apply_patch", lambda fw, patch: (patches.append(patch), real_patch(fw, patch)))
    redraws = {}

    def counted(fn, repeats):
        before = len(patches)
        out = b.timings(fn, repeats)
        redraws[len(redraws)] = len(patches) - before
        return out

    monkeypatch.setattr(explorers, "timings", counted)
    res = explorers.bench_update_paths(repeats=4, live=True)
    labels = list(res)
    live = [i for i, label in enumerate(labels) if "live callback" in label]
    assert len(live) == 4 and all(res[label]["n"] == 4 for label in labels)
    assert [redraws[i] for i in live] == [5, 5, 5, 5]          # 1 warm-up + 4 repeats, each a new value
    assert all(redraws[i] == 0 for i in range(len(labels)) if i not in live)   # update functions only
