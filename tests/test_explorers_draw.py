"""The explorers are tested on what they draw: each trace's values against data/, for choices other than the
default, with sign, order and which series is which; and each summary sentence against its figure.

Expected values are read here straight from the CSV files with pandas, not through the explorers' own helpers,
so a bug in how an explorer picks, signs, orders or rounds its figures cannot hide in the expectation.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd
import pytest

from swleadership.explorers import career as C
from swleadership.explorers import (
    career_length_explorer,
    funding_explorer,
    gender_explorer,
    pressures_explorer,
)
from swleadership.explorers import funding as F
from swleadership.explorers import gender as G
from swleadership.explorers import pressures as P
from tests._live import FIGURE_TABLE_HEADER, text_of, upload_value

DATA = Path(__file__).resolve().parent.parent / "data"


def csv(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", keep_default_na=False, na_values=[""])


def numbers_in(text: str) -> list[float]:
    return [float(x.replace(",", "")) for x in re.findall(r"[-+]?\d[\d,]*\.?\d*", text)]


# ============================================================================================== funding
def nao(measure: str) -> float:
    df = csv("context_funding")
    r = df[(df["measure"] == measure) & (df["preferred"].astype(str).str.lower() == "true")]
    assert len(r) == 1, measure
    return float(r["value"].iloc[0])


def test_funding_bars_draw_cuts_as_falls_and_demand_as_rises():
    fig = F.build_figure()
    money, demand = fig.data[F.T_CUT], fig.data[F.T_DEMAND]
    assert list(money.y) == [c[0] for c in F.CHANGES]
    cut = nao("real-terms reduction in central government funding to local authorities")
    sc = nao("fall in spending on social care")
    other = nao("reduction in spending on all other service areas")
    older = nao("change in estimated number of people 65+ in need of care")
    lac = nao("change in number of looked-after children")
    assert list(money.x) == [-cut, -sc, -other, None, None]  # 49.1, 3.0, 32.6: all falls, drawn below zero
    assert list(demand.x) == [None, None, None, older, lac]  # 14.3, 10.9: rises
    assert list(money.text)[:3] == [f"-{cut:.1f}%", f"-{sc:.1f}%", f"-{other:.1f}%"]
    assert list(demand.text)[3:] == [f"+{older:.1f}%", f"+{lac:.1f}%"]
    assert money.name.startswith("Funding and spending") and demand.name.startswith("Demand")
    share = fig.data[F.T_SHARE]
    assert list(share.y) == ["2010-11", "2016-17"]
    df = csv("context_funding")
    sh = df[df["measure"] == "social care share of LA total service spend"].sort_values("year")
    assert list(share.x) == sh["value"].tolist()


def test_funding_table_signs_agree_with_the_bars():
    t = F.changes_table()
    cut = nao("real-terms reduction in central government funding to local authorities")
    row = t[t["Figure"].str.startswith("Government funding to councils")].iloc[0]
    assert row["Value"] == f"-{cut:g}%"
    row = t[t["Figure"].str.startswith("Looked-after children")].iloc[0]
    assert row["Value"] == f"+{nao('change in number of looked-after children'):g}%"


def _series_expected(resource: str, measure: str, group: str | None) -> pd.DataFrame:
    df = csv(resource)
    sel = (df["measure"] == measure) & (df["preferred"].astype(str).str.lower() == "true")
    if group is not None:
        sel &= df["group"] == group
    r = df[sel].sort_values(["year", "period"])
    if resource == "children_workforce":
        r = r[r["source_id"] == "dfe2026cswwindicators"]
    return r


@pytest.mark.parametrize("key", ["child-turnover", "adult-vacancy", "adult-number", "child-fte"])
def test_funding_series_control_shows_that_series_and_its_values(key):
    fig = F.build_figure()
    patch = F.funding_update(key)
    slots = F._slots()
    shown = [F.T_SERIES0 + j for j, (k, _) in enumerate(slots) if k == key]
    for j, (k, _) in enumerate(slots):
        assert patch["traces"][F.T_SERIES0 + j]["visible"] is (k == key)
    inside = after = 0
    for i, (resource, measure, group, legend) in zip(shown, F.SERIES[key][2], strict=True):
        exp = _series_expected(resource, measure, group)
        assert fig.data[i].name == legend
        assert list(fig.data[i].y) == pytest.approx(exp["value"].tolist())
        ends = [pe if isinstance(pe, str) and pe else f"{int(y)}-09-30" for pe, y in zip(exp["period_end"], exp["year"], strict=True)]
        assert list(fig.data[i].x) == [e[:10] for e in ends]
        inside += sum(e[:10] <= "2018-03-31" for e in ends)
        after += sum(e[:10] > "2018-03-31" for e in ends)
    s = patch["summary"]
    assert "49.1% real-terms fall" in s and "rose from 45.3% to 54.4%" in s
    assert inside and after  # every series here has figures both in the NAO period and after it
    assert f"{inside} figure(s) of this series fall in the period, {after} after it." in s
    assert patch["layout"]["yaxis3.title.text"] == F.SERIES[key][1]
    assert F.SHORT[key] in patch["layout"]["title.text"]


def test_funding_children_series_has_one_figure_in_the_nao_period():
    # DfE's series starts at 30 September 2017, inside the NAO period (to March 2018); 2018 to 2025 come after it
    s = F.funding_update("child-turnover")["summary"]
    n = len(_series_expected("children_workforce", "turnover rate (FTE)", None))
    assert f"1 figure(s) of this series fall in the period, {n - 1} after it." in s


def test_live_funding_series_control_redraws():
    parts = funding_explorer().widgets()
    fw, c = parts["figure"], parts["controls"]
    c["series"].value = "child-turnover"
    visible = [i for i, tr in enumerate(fw.data) if i >= F.T_SERIES0 and tr.visible is True]
    assert len(visible) == 1
    exp = _series_expected("children_workforce", "turnover rate (FTE)", None)
    assert list(fw.data[visible[0]].y) == pytest.approx(exp["value"].tolist())
    assert "children's social worker turnover" in fw.layout.title.text
    assert "1 figure(s) of this series" in text_of(parts["summary"].value)


def test_live_funding_upload_draws_the_file_on_the_right_hand_scale():

    parts = funding_explorer().widgets()
    body = (FIGURE_TABLE_HEADER + "vacancy rate,my team,Anytown,2016,9.5,percent,verified,My council\n"
            "vacancy rate,my team,Anytown,2015,7,percent,verified,My council\n").encode()
    parts["controls"]["upload"].value = upload_value(body, "mine.csv")
    tr = parts["figure"].data[F.T_UPLOAD]
    assert tr.visible is True
    assert list(tr.y) == [7, 9.5]  # sorted by year
    assert list(tr.x) == ["2015-09-30", "2016-09-30"]
    assert "drew 2 figure(s) of 'vacancy rate'" in text_of(parts["upload_message"].value)


# ============================================================================================== gender
def expected_bars(which: str) -> list[tuple[str, float]]:
    df = csv("gender_comparators")
    df = df[(df["measure"] == "share female") & (df["preferred"].astype(str).str.lower() == "true")]
    out = []
    for _family, _label, kind, groups in G.BARS:
        r = df[df["group"].isin(groups)].sort_values(["year", "period"])
        row = r.iloc[-1] if which == "latest" else r.iloc[0]
        out.append((kind, float(row["value"])))
    return out


@pytest.mark.parametrize("which", ["latest", "earliest"])
def test_gender_bars_profession_and_leadership_are_the_right_series(which):
    patch = G.shares_update(which)
    exp = expected_bars(which)
    prof = [v if k == "Profession" else None for k, v in exp]
    lead = [v if k == "Leadership" else None for k, v in exp]
    assert patch["traces"][0]["x"] == prof
    assert patch["traces"][1]["x"] == lead
    fig = G.shares_figure()
    assert fig.data[0].name == "Whole profession or workforce" and fig.data[1].name == "Leadership role"
    assert list(fig.data[0].y) == [f"{label} ({family})" for family, label, _, _ in G.BARS]
    # every label carries its own bar's value
    for tr in (0, 1):
        for x, t in zip(patch["traces"][tr]["x"], patch["traces"][tr]["text"], strict=True):
            assert (x is None and t == "") or t.split("%")[0].split()[-1] == f"{x:g}"


def test_gender_earliest_and_latest_differ_where_the_data_do():
    # directors of children's services: 50% (2018) earliest, 66.7% (2024, derived) latest
    first, last = G.shares_update("earliest"), G.shares_update("latest")
    i = [label for _, label, _, _ in G.BARS].index("Directors of children's services")
    assert first["traces"][1]["x"][i] == 50.0 and last["traces"][1]["x"][i] == 66.7
    assert "2018" in first["traces"][1]["text"][i] and "2024 derived" in last["traces"][1]["text"][i]


@pytest.mark.parametrize("which", ["latest", "earliest"])
def test_gender_summary_agrees_with_the_bars(which):
    patch = G.shares_update(which)
    labels = [label for _, label, _, _ in G.BARS]
    csw = patch["traces"][0]["text"][labels.index("Children's social workers in councils")]
    dcs = patch["traces"][1]["text"][labels.index("Directors of children's services")]
    s = patch["summary"]
    assert f"Women are {csw} of children's social workers in councils but {dcs} of directors" in s
    assert f"the {which} figure" in s and which in patch["layout"]["title.text"]


def test_live_gender_which_control_redraws_the_right_bars():
    parts = gender_explorer(parts=("shares",)).widgets()
    fw = parts["figures"]["shares"]
    parts["controls"]["which"].value = "earliest"
    exp = expected_bars("earliest")
    assert list(fw.data[0].x) == [v if k == "Profession" else None for k, v in exp]
    assert list(fw.data[1].x) == [v if k == "Leadership" else None for k, v in exp]


def _share(group: str, year: int) -> float:
    df = csv("gender_comparators")
    r = df[(df["measure"] == "share female") & (df["group"] == group) & (df["year"] == year)
           & (df["preferred"].astype(str).str.lower() == "true")]
    return float(r["value"].iloc[0]) / 100


@pytest.mark.parametrize("preset, entry, top", [
    ("nursing", ("nurses and health visitors (NHS)", 2018), ("NHS trust and ALB chief nurses", 2017)),
    ("medicine", ("doctors working in NHS hospitals", 2018), ("NHS medical directors", 2020)),
    ("social-work", ("children and family social workers (LA)", 2022), ("directors of children's services", 2022)),
])
def test_gender_pipeline_presets_draw_the_model_and_the_real_share(preset, entry, top):
    f0, target = _share(*entry), _share(*top)
    for r, k in ((1.5, 2), (3, 4)):
        patch = G.pipeline_update(preset, r, k)
        f = [f0]
        for _ in range(k):
            f.append(f[-1] / (f[-1] + r * (1 - f[-1])))
        assert patch["traces"][0]["x"] == list(range(k + 1))
        assert patch["traces"][0]["y"] == pytest.approx([round(100 * v, 1) for v in f])
        assert patch["traces"][1]["y"] == pytest.approx([round(100 * target, 1)] * 2)
        need = (f0 * (1 - target) / (target * (1 - f0))) ** (1 / k)
        s = patch["summary"]
        assert f"after k = {k} step" in s and f"{100 * f[-1]:.1f}% women" in s
        assert f"real figure is {100 * target:g}%" in s and f"needs r ≈ {need:.2f}" in s
        assert f"r = {r:g}" in patch["layout"]["title.text"] and f"{100 * f[-1]:.1f}% women at the top" in patch["layout"]["title.text"]
        short = G.pipeline_update(preset, r, k, short=True)["summary"]
        assert f"Model: {100 * f[-1]:.1f}% women after {k} steps." in short and f"needs r ≈ {need:.2f}" in short


def test_live_gender_pipeline_controls_each_change_the_line():
    parts = gender_explorer(parts=("pipeline",)).widgets()
    c, fw = parts["controls"], parts["figures"]["pipeline"]
    c["preset"].value = "nursing"
    f0, target = _share("nurses and health visitors (NHS)", 2018), _share("NHS trust and ALB chief nurses", 2017)
    assert fw.data[0].y[0] == pytest.approx(100 * f0)
    assert list(fw.data[1].y) == pytest.approx([100 * target] * 2)
    c["k"].value = 5
    assert len(fw.data[0].y) == 6
    c["r"].value = 0.5  # women promoted twice as often: the share rises
    assert fw.data[0].y[-1] > fw.data[0].y[0]
    c["f0"].value = 60
    assert fw.data[0].y[0] == pytest.approx(60.0)
    c["f0_text"].value = "40"
    assert fw.data[0].y[0] == pytest.approx(40.0) and c["f0"].value == pytest.approx(40.0)
    c["r_text"].value = "1"
    assert list(fw.data[0].y) == pytest.approx([40.0] * 6)


def expected_ethnicity(year: int, area: str) -> dict:
    df = csv("children_workforce_ethnicity")
    sub = df[(df["time_period"] == year) & (df["area_code"] == area)]
    return {r["role"]: r for r in sub.to_dict("records")}


@pytest.mark.parametrize("year, area", [(2020, "E12000007"), (2019, "E12000002"), (2022, "E92000001")])
def test_gender_ethnicity_bars_are_each_group_by_role(year, area):
    patch = G.ethnicity_update(year, area)
    rows = expected_ethnicity(year, area)
    for i, (col, _label) in enumerate(G.ETHNIC):
        exp = [None if (r := rows.get(role)) is None or isinstance(r["shares_suppression"], str)
               else round(float(r[col]), 1) for role in G.ROLES]
        assert patch["traces"][i]["x"] == exp, col
    ch, sm = rows["Case holder"], rows["Senior manager"]
    if not isinstance(ch["shares_suppression"], str) and not isinstance(sm["shares_suppression"], str):
        assert (f"Black social workers: {ch['black_pct']:g}% of case holders, {sm['black_pct']:g}% of senior "
                f"managers. White: {ch['white_pct']:g}% of case holders, {sm['white_pct']:g}% of senior managers."
                ) in patch["summary"]
    assert patch["layout"]["title.text"] == f"Ethnicity by role: {ch['area_name']}, {year}"


def test_live_gender_ethnicity_area_and_year_controls():
    parts = gender_explorer(parts=("ethnicity",)).widgets()
    c, fw = parts["controls"], parts["figures"]["ethnicity"]
    c["area"].value = "E12000007"
    c["year"].value = 2020
    rows = expected_ethnicity(2020, "E12000007")
    black = [G.ETHNIC[i][0] for i in range(5)].index("black_pct")
    assert list(fw.data[black].x)[0] == pytest.approx(float(rows["Case holder"]["black_pct"]))
    assert "London" in fw.layout.title.text and "2020" in fw.layout.title.text


# ============================================================================================== pressures
def area_rows(area: str) -> pd.DataFrame:
    df = csv("children_workforce_areas")
    return df[df["area_code"] == area].sort_values("time_period")


def yoy(vals: list, percent: bool) -> list:
    out = [None]
    for prev, cur in zip(vals, vals[1:], strict=False):
        if prev is None or cur is None or (percent and prev == 0):
            out.append(None)
        else:
            out.append(round(100 * (cur - prev) / prev if percent else cur - prev, 1))
    return out


def values(rows: pd.DataFrame, measure: str) -> list:
    return [None if pd.isna(v) else float(v) for v in rows[measure]]


@pytest.mark.parametrize("measure", ["vacancy_rate_fte", "inpost_fte", "caseload_fte", "leavers_fte"])
@pytest.mark.parametrize("area", ["E12000007", "E12000001"])  # London, North East
def test_pressures_area_and_england_are_each_their_own_series(measure, area):
    patch = P.pressures_update(measure, area)
    a, e = area_rows(area), area_rows(P.ENGLAND)
    kind = P.MEASURES[measure][2]
    av, ev = values(a, measure), values(e, measure)
    assert av != ev
    def level(vs):
        return ([None if v is None else (round(v) if kind == "count" else round(v, 1)) for v in vs])
    tr = patch["traces"]
    assert tr[P.T_AREA]["y"] == level(av)
    assert tr[P.T_ENG]["y"] == level(ev) and tr[P.T_ENG]["visible"] is True
    assert tr[P.T_AREA_YOY]["y"] == pytest.approx(yoy(av, kind == "count"), abs=0.051)
    assert tr[P.T_ENG_YOY]["y"] == pytest.approx(yoy(ev, kind == "count"), abs=0.051)
    name = a["area_name"].iloc[0]
    assert tr[P.T_AREA]["name"] == f"Region: {name}" and tr[P.T_AREA_YOY]["name"] == f"Region: {name}: change"
    # the summary reads the last year off the figure
    last = int(a["time_period"].iloc[-1])
    s = patch["summary"]
    assert s.startswith(f"Region: {name}, {last}: ")
    fmt = P.b.fmt_num
    assert f": {fmt(av[-1])}" in s and f"(England {fmt(ev[-1])}" in s
    change = tr[P.T_AREA_YOY]["y"][-1]
    assert f"change on {last - 1}: {change:+,.1f}" in s


def test_pressures_england_hides_the_second_england_line():
    patch = P.pressures_update("turnover_rate_fte", P.ENGLAND)
    assert patch["traces"][P.T_ENG]["visible"] is False and patch["traces"][P.T_ENG_YOY]["visible"] is False
    assert "(England" not in patch["summary"]


def test_pressures_year_span_sets_the_axes_and_the_summary_year():
    patch = P.pressures_update("turnover_rate_fte", "E12000002", start=2018, end=2021)
    assert patch["layout"]["xaxis.range"] == [2017.5, 2021.5] and patch["layout"]["xaxis2.range"] == [2017.5, 2021.5]
    v = area_rows("E12000002").set_index("time_period")["turnover_rate_fte"]
    assert patch["summary"].startswith(f"Region: North West, 2021: {P.b.fmt_num(float(v[2021]))}%")
    assert f"change on 2020: {round(float(v[2021]) - float(v[2020]), 1):+,.1f} points" in patch["summary"]
    with pytest.raises(ValueError, match="start ≤ end"):
        P.pressures_update("turnover_rate_fte", "E12000002", start=2022, end=2019)


def test_pressures_adult_series_switch():
    on = P.pressures_update("vacancy_rate_fte", "E12000007", adult=True)
    off = P.pressures_update("vacancy_rate_fte", "E12000007", adult=False)
    df = csv("adult_social_workers")
    exp = df[(df["measure"] == "vacancy rate") & (df["group"] == P.ADULT_GROUP)
             & (df["preferred"].astype(str).str.lower() == "true")].sort_values(["year", "period"])
    assert on["traces"][P.T_ADULT]["visible"] is True
    assert on["traces"][P.T_ADULT]["x"] == exp["year"].tolist()
    assert on["traces"][P.T_ADULT]["y"] == pytest.approx(exp["value"].tolist())
    assert off["traces"][P.T_ADULT] == {"x": [], "y": [], "visible": False}
    assert P.ADULT["vacancy_rate_fte"][1] in on["summary"] and P.ADULT["vacancy_rate_fte"][1] not in off["summary"]
    assert P.pressures_update("caseload_fte", "E12000007")["traces"][P.T_ADULT]["visible"] is False


def test_pressures_units_of_change():
    assert P.pressures_update("caseload_fte", "E12000007")["layout"]["yaxis2.title.text"] == "change (cases)"
    assert P.pressures_update("leavers_fte", "E12000007")["layout"]["yaxis.title.text"] == "FTE (full-time equivalent)"
    s = P.pressures_update("inpost_fte", "E12000007")["summary"]
    assert re.search(r"change on 2024: [+-]\d+\.\d%", s)


def test_live_pressures_area_measure_and_span_controls():
    parts = pressures_explorer().widgets()
    fw, c = parts["figure"], parts["controls"]
    c["area"].value = "E12000007"
    c["measure"].value = "vacancy_rate_fte"
    a, e = area_rows("E12000007"), area_rows(P.ENGLAND)
    assert list(fw.data[P.T_AREA].y) == pytest.approx([round(v, 1) for v in values(a, "vacancy_rate_fte")])
    assert list(fw.data[P.T_ENG].y) == pytest.approx([round(v, 1) for v in values(e, "vacancy_rate_fte")])
    assert list(fw.data[P.T_AREA_YOY].y)[1:] == pytest.approx(yoy(values(a, "vacancy_rate_fte"), False)[1:], abs=0.051)
    c["years"].value = (2019, 2022)
    assert list(fw.layout.xaxis.range) == [2018.5, 2022.5]
    assert "2022" in text_of(parts["summary"].value)
    c["adult"].value = False
    assert fw.data[P.T_ADULT].visible is False


# ============================================================================================== career
def expected_curve(a: float, n: int = C.HORIZON) -> list[float]:
    return [round(100 * (1 - a) ** t, 1) for t in range(n + 1)]


@pytest.mark.parametrize("rate, t", [(20, 5), (6.25, 16), (50, 1), (12.5, 0)])
def test_career_model_curve_read_off_and_rate_line(rate, t):
    patch = C.career_update(rate, t, 1000)
    a = rate / 100
    tr = patch["traces"]
    assert tr[C.T_MODEL]["y"] == pytest.approx(expected_curve(a))
    assert tr[C.T_POINT]["x"] == [t] and tr[C.T_POINT]["y"] == pytest.approx([round(100 * (1 - a) ** t, 1)])
    assert tr[C.T_RATE_LINE]["y"] == [round(rate, 1)] * 2
    life = 1 / a
    assert patch["layout"]["title.text"] == f"Leaving rate {rate:.1f}% a year → expected working life {life:.1f} years"
    s = patch["summary"]
    assert f"after {t:g} years {100 * (1 - a) ** t:.1f}% are still practising" in s
    assert f"a workforce of 1,000 steady (the number you typed) takes {1000 * a:,.0f} new entrants a year" in s
    assert f"Half of those who start have left after {math.log(0.5) / math.log(1 - a):.1f} years" in s
    assert f"can expect to practise for {1 / a:.1f} years" in s


def test_career_static_summary_reads_off_at_t():
    s = C.career_update(20, 5, 1000, short=True)["summary"]
    assert "32.8% remain after 5 years" in s and "about 5.0 years of practice" in s and "200 new entrants a year" in s


def test_career_reverse_gives_the_leaving_rate_for_a_working_life():
    patch = C.career_reverse_update(20, 10, 500)
    assert patch["traces"][C.T_MODEL]["y"] == pytest.approx(expected_curve(0.05))
    assert patch["layout"]["title.text"] == "Expected working life 20 years ← leaving rate 5.0% a year"
    assert patch["summary"].startswith("A working life of 20 years means a leaving rate of 5.0% a year.")
    assert "after 10 years 59.9% are still practising" in patch["summary"]  # 0.95^10 = 0.5987
    short = C.career_reverse_update(20, 10, 500, short=True)["summary"]
    assert "59.9% remain after 10 years" in short and "25 new entrants a year keep 500 steady" in short


def test_career_profession_curves_are_their_published_working_lives():
    fig = C.build_figure(with_turnover=True)
    cl = csv("career_length")
    for i, (label, measure, group, _note) in enumerate(C.PROFESSIONS):
        r = cl[(cl["measure"] == measure) & (cl["group"] == group)
               & (cl["preferred"].astype(str).str.lower() == "true")]
        years = float(r["value"].iloc[0])
        tr = fig.data[C.T_PROF0 + i]
        assert tr.name.startswith(f"{label}: {years:g} years")
        assert list(tr.y) == pytest.approx(expected_curve(1 / years))
    child = _series_expected("children_workforce", "turnover rate (FTE)", None)
    assert list(fig.data[C.T_CHILD].y) == pytest.approx(child["value"].tolist())
    assert list(fig.data[C.T_CHILD].x) == child["year"].tolist()
    adult = _series_expected("adult_social_workers", "turnover rate", C.ADULT_GROUP)
    known = dict(zip(adult["year"], adult["value"], strict=True))
    assert list(fig.data[C.T_ADULT].x) == list(range(min(known), max(known) + 1))  # every year, so a gap shows
    assert [v for v in fig.data[C.T_ADULT].y if v is not None] == pytest.approx(adult["value"].tolist())
    assert [x for x, v in zip(fig.data[C.T_ADULT].x, fig.data[C.T_ADULT].y, strict=True) if v is None] == [
        y for y in range(min(known), max(known) + 1) if y not in known]


def test_live_career_read_off_slider_moves_the_point():
    parts = career_length_explorer().widgets()
    fw, c = parts["figure"], parts["controls"]
    c["t"].value = 20
    assert list(fw.data[C.T_POINT].x) == [20]
    assert list(fw.data[C.T_POINT].y) == pytest.approx([round(100 * 0.875**20, 1)])  # 6.9%
    assert "after 20 years 6.9% are still practising" in text_of(parts["summary"].value)
    c["rate"].value = 25
    assert list(fw.data[C.T_MODEL].y) == pytest.approx(expected_curve(0.25))
    assert list(fw.data[C.T_POINT].y) == pytest.approx([round(100 * 0.75**20, 1)])
    assert list(fw.data[C.T_RATE_LINE].y) == [25.0, 25.0]
    c["N"].value = "10,000,000"  # the top of the range is accepted
    assert parts["message"].value == ""
    assert "takes 2,500,000 new entrants a year" in text_of(parts["summary"].value)
