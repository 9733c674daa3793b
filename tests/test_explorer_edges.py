"""Edges of the explorers' update functions that the book's own data do not reach on their own (a series that
starts after the NAO period, a figure dated on the period's last day, a London region with no note in the data)
and their refusals, word for word."""

from __future__ import annotations

import pytest

from swleadership.explorers import _base as b
from swleadership.explorers import funding as F
from swleadership.explorers import pressures as P

NORTHANTS = "la:Northamptonshire:E10000021"  # in the data 2017–2020 only (data/children_workforce_areas.csv)


def test_pressures_refusals_word_for_word():
    with pytest.raises(ValueError) as e:
        P.pressures_update("nope")
    assert str(e.value) == ("measure must be one of inpost_fte, starters_fte, leavers_fte, turnover_rate_fte, "
                            "vacancy_rate_fte, agency_rate_fte, caseload_fte, absence_rate_fte; got 'nope'")
    with pytest.raises(ValueError) as e:
        P.pressures_update("inpost_fte", "nowhere")
    assert str(e.value) == "Unknown area 'nowhere': choose England, a region or a local authority from the list."
    with pytest.raises(ValueError) as e:
        P.pressures_update("inpost_fte", P.ENGLAND, start=2022, end=2019)
    assert str(e.value) == "years must run from 2017 to 2025 with start ≤ end; got 2022–2019"
    one = P.pressures_update("inpost_fte", P.ENGLAND, start=2020, end=2020)  # a single year is a span
    assert one["layout"]["xaxis.range"] == [2019.5, 2020.5]


def test_pressures_whole_sentences():
    assert P.pressures_update("turnover_rate_fte", P.ENGLAND)["summary"] == (
        "England, 2025: 11.8%; change on 2024: -2.1 points. Skills for Care's turnover rate for council adult social "
        "workers.")
    assert P.pressures_update("caseload_fte", "E12000007", adult=False)["summary"] == (
        "Region: London, 2025: 13.8 cases (England 15.2 cases); change on 2024: +0.0 cases.")
    assert P.pressures_update("inpost_fte", NORTHANTS, start=2021, end=2025)["summary"] == (
        "Northamptonshire (East Midlands, 2017–2020 only): no value for these years. Gaps, not zeros: "
        + ", ".join(f"{y} (area not in the data that year)" for y in range(2021, 2026)) + ".")
    assert P.pressures_update("inpost_fte", NORTHANTS, start=2020, end=2021)["summary"] == (
        "Northamptonshire (East Midlands, 2017–2020 only), 2020: 325.6 FTE (England 31,852 FTE); change on 2019: "
        "+3.0%. Gaps, not zeros: 2021 (area not in the data that year).")


def test_pressures_layout_and_defaults():
    full = P.pressures_update("vacancy_rate_fte", "E12000007")
    assert full["traces"][P.T_ADULT]["visible"] is True  # the adult series is shown unless switched off
    assert full["layout"]["yaxis.title.text"] == "%" and full["layout"]["yaxis2.title.text"] == "change in points"
    assert full["layout"]["xaxis.range"] == [2016.5, 2025.5]
    static = P.pressures_update("vacancy_rate_fte", "E12000007", short=True)
    assert "xaxis.range" not in static["layout"] and "xaxis2.range" not in static["layout"]
    assert "name" not in static["traces"][P.T_AREA]
    assert P.pressures_update("vacancy_rate_fte", "E12000007", start=2018, short=True)["layout"]["xaxis.range"] == \
        [2017.5, 2025.5]
    assert P.pressures_update("vacancy_rate_fte", "E12000007", end=2024, short=True)["layout"]["xaxis2.range"] == \
        [2016.5, 2024.5]


def test_area_notes():
    assert P.area_notes("E12000001") == []  # North East: nothing to say
    bucks = P.area_notes("la:Buckinghamshire")
    assert bucks[-1] == ("Buckinghamshire appears under more than one area code (E10000002, E06000060); the series "
                         "follows the name.")
    assert "London (E12000007), Inner London (E13000001) and Outer London (E13000002) overlap" in P.area_notes("E12000007")[0]


@pytest.mark.parametrize("name", ["London", "Inner London", "Outer London"])
def test_a_london_region_without_notes_still_warns_about_overlap(monkeypatch, name):
    fake = {"R": {"level": "Regional", "name": name, "notes": []}, "N": {"level": "Regional", "name": "North East",
                                                                      "notes": []},
            "L": {"level": "Local authority", "name": name, "notes": []}}
    monkeypatch.setattr(P, "series_index", lambda: fake)
    assert P.area_notes("R") == ["London, Inner London and Outer London overlap: never add London to Inner or Outer "
                                 "London."]
    assert P.area_notes("N") == [] and P.area_notes("L") == []


def test_funding_refusal_word_for_word():
    with pytest.raises(ValueError) as e:
        F.funding_update("nope")
    assert str(e.value) == ("series must be one of adult-number, adult-turnover, adult-vacancy, child-fte, "
                            "child-turnover; got 'nope'")


def test_funding_counts_a_figure_on_the_last_day_of_the_period_as_inside(monkeypatch):
    pts = ((("2018-03-31", "2018-09-30"), (1.0, 2.0), ("a", "b"), ("x",), "Legend"),)
    monkeypatch.setattr(F, "series_points", lambda key: pts)
    assert "1 figure(s) of this series fall in the period, 1 after it." in F.funding_update("child-fte")["summary"]


def test_funding_series_after_the_period_says_it_cannot_show_the_cuts(monkeypatch):
    pts = ((("2019-09-30", "2020-09-30"), (1.0, 2.0), ("a", "b"), ("x",), "Legend"),)
    monkeypatch.setattr(F, "series_points", lambda key: pts)
    s = F.funding_update("child-fte")["summary"]
    assert s.endswith("54.4%. This series starts after the period: it cannot show the years of the cuts.")
    pts_in = ((("2012-09-30",), (1.0,), ("a",), ("x",), "Legend"),)
    monkeypatch.setattr(F, "series_points", lambda key: pts_in)
    assert F.funding_update("child-fte")["summary"].endswith("1 figure(s) of this series fall in the period.")


def test_one_row_picks_the_preferred_source_unless_told_which():
    cut = "real-terms reduction in central government funding to local authorities"
    assert b.one("context_funding", cut)["value"] == 49.1  # LGA quoting the NAO (preferred)
    assert b.one("context_funding", cut, source_id="nao2018press")["value"] == 50.0  # "nearly 50%"
    with pytest.raises(LookupError) as e:
        b.one("career_length", "expected working life")
    assert str(e.value) == ("data/career_length.csv: expected one row for measure='expected working life', "
                            "group=None, source_id=None; found 2")
    with pytest.raises(LookupError) as e:
        b.rows("context_funding", "nope")
    assert str(e.value) == "data/context_funding.csv has no row with measure='nope', group=None"
    assert len(b.rows("context_funding", cut, preferred_only=False)) == 2
    assert len(b.rows("context_funding", cut)) == 1  # preferred rows only, unless asked


def test_funding_share_sentence_uses_the_first_and_the_last_share(monkeypatch):
    three = ({"label": "2010-11", "value": 45.3}, {"label": "2013-14", "value": 50.0}, {"label": "2016-17", "value": 54.4})
    monkeypatch.setattr(F, "shares", lambda: three)
    assert "rose from 45.3% to 54.4%." in F.funding_update("child-fte")["summary"]


def test_update_functions_defaults_are_the_documented_first_view():
    from swleadership import models as m
    from swleadership.explorers import career as C
    from swleadership.explorers import gender as G

    assert G.pipeline_update() == G.pipeline_update("social-work", 2, 3)
    assert G.shares_update() == G.shares_update("latest")
    assert G.ethnicity_update() == G.ethnicity_update(2022, "E92000001")
    assert P.pressures_update() == P.pressures_update("turnover_rate_fte", P.ENGLAND)
    assert F.funding_update() == F.funding_update("adult-number")
    assert C.career_update()["layout"]["title.text"] == "Leaving rate 12.5% a year → expected working life 8.0 years"
    assert C.career_update()["traces"][C.T_POINT]["x"] == [8]
    assert C.career_reverse_update()["layout"]["title.text"].startswith("Expected working life 8 years")
    assert len(m.survival_curve(0.1)) == 41
    assert b.rows("context_funding", "fall in spending on social care")["value"].tolist() == [3.0]
    with pytest.raises(ValueError) as e:
        b.parse_number("11", "steps", 0, 10)
    assert str(e.value) == "Steps must be a number from 0 to 10; got '11'."


def test_glue_defaults_to_a_hidden_record(monkeypatch):
    import IPython.display

    from swleadership.facts import GLUE_PREFIX, glue

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda *objs, **kw: shown.append(kw["metadata"]["scrapbook"]))
    glue("n", 1)
    assert shown == [{"name": "n", "mime_prefix": GLUE_PREFIX}]
