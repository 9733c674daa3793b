"""The career-length explorer's two faces against each other, against data/ and against the model.

The static face (the book, no kernel) is read as a reader's browser gets it, parsed with BeautifulSoup: its
controls, its precomputed states, its figure, its text alternative, its data table and its sources. The live
face (JupyterLab and Voilà) is read from its ipywidgets. The two must offer the same control (label, range,
step, default) and draw the same thing for the same value; both must draw the model

    S(t) = (1 - a)^t,  working life 1/a,  half left after ln 0.5 / ln(1 - a),  replacement demand N × a

worked out here by hand, with N and the published working lives read from the CSV files with pandas.
"""

from __future__ import annotations

import json
import math
import os
import re
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from swleadership._env import BOOK_BUILD_VAR
from swleadership.data import indicators_source_id
from swleadership.explorers import career as C
from swleadership.explorers import career_length_explorer
from tests import _live as live
from tests._live import FIGURE_TABLE_HEADER, assert_readable

DATA = Path(__file__).resolve().parent.parent / "data"
T = 8  # the year the static face reads the curve at, as its note says (checked below)
#: Runs of capitals a reader may see: everything else in a run of two or more capitals is shouting or a typo.
def csv(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", keep_default_na=False, na_values=[""])


def preferred(df: pd.DataFrame) -> pd.DataFrame:
    return df[df["preferred"].astype(str).str.lower() == "true"]


def working_life_of(group: str) -> float:
    cl = preferred(csv("career_length"))
    r = cl[(cl["measure"] == "expected working life") & (cl["group"] == group)]
    assert len(r) == 1, group
    return float(r["value"].iloc[0])


def workforce_from_data() -> tuple[int, int]:
    """N: the latest national FTE of children's social workers in post (DfE's indicators), rounded."""
    cw = preferred(csv("children_workforce"))
    r = cw[(cw["measure"] == "children and family social workers in post (FTE)")
           & (cw["source_id"] == "dfe2026cswwindicators")].sort_values("year")
    return int(round(float(r["value"].iloc[-1]))), int(r["year"].iloc[-1])


def turnover_from_data():
    cw = preferred(csv("children_workforce"))
    child = cw[(cw["measure"] == "turnover rate (FTE)") & (cw["source_id"] == "dfe2026cswwindicators")]
    aw = preferred(csv("adult_social_workers"))
    adult = aw[(aw["measure"] == "turnover rate") & (aw["group"] == C.ADULT_GROUP)]
    return child.sort_values("year"), adult.sort_values("year")


def curve(a: float) -> list[float]:
    return [round(100 * (1 - a) ** t, 1) for t in range(41)]


def half_left(a: float) -> float:
    return math.log(0.5) / math.log(1 - a)


def source_short(sid: str) -> str:
    s = csv("sources").set_index("source_id").loc[sid]
    pub = re.split(r"[,(;]", s["publisher"])[0].strip()
    return f"{pub} ({str(s['date'])[:4]})" if isinstance(s["date"], str) and s["date"] else pub


# ------------------------------------------------------------------------------------------- the faces
# mutmut maps a test to the functions it calls, and a module-scoped fixture is built inside the first test that
# asks for it; so the two tests that check the faces build them themselves and run every check below on them.
def build_page() -> BeautifulSoup:
    """The static face as the book build makes it (``SWL_BOOK_BUILD=1``, whatever an earlier test left set)."""
    before = os.environ.get(BOOK_BUILD_VAR)
    os.environ[BOOK_BUILD_VAR] = "1"
    try:
        return BeautifulSoup(career_length_explorer().static_html(), "html.parser")
    finally:
        if before is None:
            os.environ.pop(BOOK_BUILD_VAR, None)
        else:
            os.environ[BOOK_BUILD_VAR] = before


@pytest.fixture
def page() -> BeautifulSoup:
    """The static face, for tests that compare something else with its precomputed states."""
    return build_page()


def test_static_face_against_the_live_face_the_data_and_the_model():
    page, live = build_page(), career_length_explorer().widgets()
    for check in (check_rate_slider_is_the_same_control_in_both_faces,
                  check_life_slider_starts_at_social_workers_working_life,
                  check_control_groups_name_their_direction,
                  check_ids_are_unique_belong_to_the_explorer_and_every_control_is_labelled,
                  check_every_static_rate_state_is_the_model,
                  check_every_static_life_state_is_the_model,
                  check_static_figure_starts_at_its_initial_state_and_draws_the_data,
                  check_alt_texts_describe_what_the_figures_draw,
                  check_static_texts_are_in_sentence_case,
                  check_live_texts_are_in_sentence_case,
                  check_data_table_is_the_data_in_both_faces,
                  check_sources_are_the_data_sources_in_both_faces,
                  check_live_controls_are_labelled_sized_and_redraw_on_release,
                  check_live_box_holds_the_parts_in_reading_order):
        names = check.__code__.co_varnames[:check.__code__.co_argcount]
        check(*[{"page": page, "live": live}[n] for n in names])


def test_figure_axes_panels_styles_and_hover_texts():
    figs, page = build_figures(), build_page()
    for check in (check_both_figures_draw_the_survival_axis_alike, check_panel_titles_are_the_panels_the_alt_text_names,
                  check_lines_are_told_apart_by_more_than_colour, check_hover_texts_name_the_series_and_its_numbers):
        names = check.__code__.co_varnames[:check.__code__.co_argcount]
        check(*[{"page": page, "figs": figs}[n] for n in names])




def face(page: BeautifulSoup, which: str) -> dict:
    """One static explorer: its slider, precomputed states, initial figure and texts."""
    fig = page.find("figure", id=f"swl-career-length-{which}")
    assert fig is not None, which
    ctl = fig.find("input", attrs={"type": "range"})
    label = fig.find("label", attrs={"for": ctl["id"]})
    values = json.loads(ctl["data-values"])
    payload = json.loads(fig.find("script", class_="swl-states").string)
    plot = json.loads(fig.find("script", class_="swl-plotly").string)
    return {"fig": fig, "input": ctl, "label": label.get_text(), "values": values, "unit": ctl["data-unit"],
            "initial": values[int(ctl["value"])], "output": fig.find("output").get_text(),
            "states": payload["states"], "initial_key": payload["initial"], "plot": plot,
            "names": [tr.get("name") for tr in plot["data"]],
            "summary": fig.find("p", class_="swl-summary").get_text(),
            "alt": fig.find("figcaption").get_text(),
            "group": fig.find("div", class_="swl-controls")["aria-label"]}


def trace(f: dict, name: str) -> int:
    hits = [i for i, n in enumerate(f["names"]) if n == name]
    assert len(hits) == 1, (name, f["names"])
    return hits[0]


def note_text(page: BeautifulSoup) -> str:
    return page.find("p", class_="swl-note").get_text()


def table_rows(html_or_tag) -> tuple[str, list[list[str]]]:
    tag = BeautifulSoup(html_or_tag, "html.parser") if isinstance(html_or_tag, str) else html_or_tag
    t = tag.find("table")
    rows = [[c.get_text() for c in tr.find_all(["th", "td"])] for tr in t.find("tbody").find_all("tr")]
    return t.find("caption").get_text(), rows


# ------------------------------------------------------------------------------------------- controls
def check_rate_slider_is_the_same_control_in_both_faces(page, live):
    f = face(page, "rate")
    rate = live["controls"]["rate"]
    # the same label (live adds its unit in brackets), the same range, step and starting value
    assert rate.description == f"{f['label']} ({f['unit']})"
    n = int(round((rate.max - rate.min) / rate.step))
    assert f["values"] == pytest.approx([rate.min + i * rate.step for i in range(n + 1)])
    assert f["initial"] == rate.value
    # both start at a = 1/L for social workers' published working life (8 years → 12.5%)
    assert rate.value == pytest.approx(100 / working_life_of("social workers"))
    assert f["output"] == f["input"]["aria-valuetext"] == f"{rate.value:g}%"
    # the note under the explorer states the same grid, read-off year and N as the controls and the data
    note = note_text(page)
    lo, hi, step = (float(x) for x in re.search(
        r"leaving rate ([\d.]+)% to ([\d.]+)% in steps of ([\d.]+)%", note).groups())
    assert (lo, hi, step) == (rate.min, rate.max, rate.step)
    life = face(page, "life")
    lo2, hi2, step2 = (float(x) for x in re.search(
        r"working life (\d+) to (\d+) years in steps of (\d+)", note).groups())
    assert life["values"] == list(range(int(lo2), int(hi2) + 1, int(step2)))
    assert re.search(r"read off at t = (\d+) years", note).group(1) == str(live["controls"]["t"].value) == str(T)
    N, year = workforce_from_data()
    assert f"N = {N:,}, the FTE children's social workers in post in England in {year}" in note
    assert live["controls"]["N"].value == str(N)


def check_life_slider_starts_at_social_workers_working_life(page, live):
    f = face(page, "life")
    assert f["initial"] == working_life_of("social workers") == 8
    assert f["output"] == f["input"]["aria-valuetext"] == f"{f['initial']} years"
    # live, the working life is typed: its box names the same quantity and unit
    desc = live["controls"]["life_text"].description
    assert "working life L" in desc and f["label"].endswith("working life L") and desc.endswith("(years)")
    assert f["unit"].strip() == "years"


def check_control_groups_name_their_direction(page):
    rate, life = face(page, "rate"), face(page, "life")
    for f, first, then in ((rate, "leaving rate", "working life"), (life, "working life", "leaving rate")):
        g = f["group"]
        assert g.startswith("Controls: Career length: "), g
        assert first in g and then in g and g.index(first) < g.index(then), g


def check_ids_are_unique_belong_to_the_explorer_and_every_control_is_labelled(page):
    soup = page
    ids = [t["id"] for t in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), ids
    assert all("career-length" in i for i in ids), ids
    assert [d["id"] for d in soup.find_all("div", class_="swl-workforce")] == ["swl-workforce-career-length"]
    # the ids the book's pages and browser tests address
    assert [f["id"] for f in soup.find_all("figure")] == ["swl-career-length-rate", "swl-career-length-life"]
    for ctl in soup.find_all(["input", "select"]):
        assert len(soup.find_all("label", attrs={"for": ctl["id"]})) == 1, ctl["id"]
    for out in soup.find_all("output"):
        assert soup.find(id=out["for"]) is not None


# ------------------------------------------------------------------------------------------- states = model
def check_every_static_rate_state_is_the_model(page):
    f = face(page, "rate")
    N, _ = workforce_from_data()
    model, point, line = (trace(f, n) for n in ("Model: your leaving rate", "Model read-off",
                                                  "Model: your leaving rate a"))
    assert sorted(f["states"], key=int) == [str(i) for i in range(len(f["values"]))]
    assert f["values"][int(f["initial_key"])] == f["initial"]
    for key, st in f["states"].items():
        v = f["values"][int(key)]
        a = v / 100
        tr = st["traces"]
        assert tr[str(model)]["y"] == pytest.approx(curve(a)), v
        assert tr[str(point)]["y"] == pytest.approx([round(100 * (1 - a) ** T, 1)]), v
        assert tr[str(line)]["y"] == pytest.approx([v, v]), v
        assert st["layout"]["title.text"] == f"Leaving rate {v:.1f}% a year → expected working life {1 / a:.1f} years"
        assert st["summary"] == (
            f"{v:.1f}% leave a year: about {1 / a:.1f} years of practice; half have left after {half_left(a):.1f} "
            f"years; {100 * (1 - a) ** T:.1f}% remain after {T} years; {N * a:,.0f} new entrants a year keep "
            f"{N:,} steady."), v
    assert f["summary"] == f["states"][f["initial_key"]]["summary"]


def check_every_static_life_state_is_the_model(page):
    f = face(page, "life")
    N, _ = workforce_from_data()
    model, point = trace(f, "Model: your leaving rate"), trace(f, "Model read-off")
    assert len(f["names"]) == 2 + len(C.PROFESSIONS)  # no turnover panel in the reverse
    assert sorted(f["states"], key=int) == [str(i) for i in range(len(f["values"]))]
    for key, st in f["states"].items():
        L = f["values"][int(key)]
        a = 1 / L
        assert set(st["traces"]) == {str(model), str(point)}, L
        assert st["traces"][str(model)]["y"] == pytest.approx(curve(a)), L
        assert st["traces"][str(point)]["y"] == pytest.approx([round(100 * (1 - a) ** T, 1)]), L
        assert st["layout"]["title.text"] == f"Expected working life {L} years ← leaving rate {100 * a:.1f}% a year"
        assert st["summary"] == (
            f"{L} years of practice means {100 * a:.1f}% leave a year; half have left after {half_left(a):.1f} years; "
            f"{100 * (1 - a) ** T:.1f}% remain after {T} years; {N * a:,.0f} new entrants a year keep {N:,} steady."), L


def check_static_figure_starts_at_its_initial_state_and_draws_the_data(page):
    f = face(page, "rate")
    d = f["plot"]["data"]
    first = f["states"][f["initial_key"]]
    for i, patch in first["traces"].items():
        assert d[int(i)]["y"] == pytest.approx(patch["y"]), f["names"][int(i)]
    point = d[trace(f, "Model read-off")]
    assert point["x"] == [T]
    child, adult = turnover_from_data()
    ch = next(tr for tr in d if tr["name"].startswith("Children's social workers: turnover"))
    ad = next(tr for tr in d if tr["name"].startswith("Adult social workers in councils: turnover"))
    assert ch["x"] == child["year"].tolist() and ch["y"] == pytest.approx(child["value"].tolist())
    # the adult series has no figure for 2019: a gap in the line (None), not a line drawn across it
    known = dict(zip(adult["year"], adult["value"], strict=True))
    assert 2019 not in known
    assert ad["x"] == list(range(min(known), max(known) + 1))
    assert ad["y"] == [known.get(y) for y in ad["x"]] and ad["connectgaps"] is False
    line = d[trace(f, "Model: your leaving rate a")]
    years = child["year"].tolist() + adult["year"].tolist()
    assert line["x"] == [min(years), max(years)] and line["y"] == pytest.approx([f["initial"]] * 2)
    # the reverse starts at its own initial state: 8 years, a = 1/8
    g = face(page, "life")
    assert g["plot"]["data"][trace(g, "Model: your leaving rate")]["y"] == pytest.approx(curve(1 / g["initial"]))
    assert g["summary"] == g["states"][g["initial_key"]]["summary"]


def test_live_slider_draws_what_the_static_state_draws(page):
    live = career_length_explorer().widgets()
    for v in (1.0, 5.5, 13.0, 17.5, 30.0):
        check_live_slider_at(page, live, v)


def check_live_slider_at(page, live, v):
    f = face(page, "rate")
    st = f["states"][str(f["values"].index(v))]
    live["controls"]["rate"].value = v
    fw = live["figure"]
    for i, patch in st["traces"].items():
        assert list(fw.data[int(i)].y) == pytest.approx(patch["y"]), (v, f["names"][int(i)])
    assert fw.layout.title.text == st["layout"]["title.text"]
    a, (N, _) = v / 100, workforce_from_data()
    text = BeautifulSoup(live["summary"].value, "html.parser").get_text()
    for part in (f"{100 * (1 - a) ** T:.1f}% are still practising", f"takes {N * a:,.0f} new entrants a year",
                 f"left after {half_left(a):.1f} years", f"practise for {1 / a:.1f} years", f"workforce of {N:,}"):
        assert part in text, (v, part, text)
    assert live["message"].value == ""


@pytest.mark.parametrize("L", [2, 8, 23, 40])
def test_live_typed_life_draws_what_the_static_reverse_draws(page, L):
    parts = career_length_explorer().widgets()
    f = face(page, "life")
    st = f["states"][str(f["values"].index(L))]
    parts["controls"]["life_text"].value = str(L)
    fw = parts["figure"]
    for i, patch in st["traces"].items():
        assert list(fw.data[int(i)].y) == pytest.approx(patch["y"]), L
    lo, hi = parts["controls"]["rate"].min, parts["controls"]["rate"].max
    assert parts["controls"]["rate"].value == pytest.approx(min(max(round(100 / L, 1), lo), hi))
    assert f"expected working life {L:.1f} years" in fw.layout.title.text


# ------------------------------------------------------------------------------------------- texts
def check_alt_texts_describe_what_the_figures_draw(page):
    rate, life = face(page, "rate"), face(page, "life")
    model = rate["plot"]["data"][trace(rate, "Model: your leaving rate")]
    assert f"after {model['x'][0]} to {model['x'][-1]} years" in rate["alt"]
    child, _ = turnover_from_data()
    ch = next(n for n in rate["names"] if n.startswith("Children's social workers: turnover"))
    assert "(DfE)" in ch and f"(DfE, {child['year'].min()}–{child['year'].max()})" in rate["alt"]
    assert "Top panel" in rate["alt"] and "Bottom panel" in rate["alt"]
    assert "1/L" in life["alt"] and "Bottom panel" not in life["alt"]
    for f in (rate, life):
        # the plot's group label is the same text alternative as the caption
        assert f["fig"].find("div", class_="swl-plot")["aria-label"] == f["alt"]


def check_static_texts_are_in_sentence_case(page):
    for f in (face(page, "rate"), face(page, "life")):
        assert_readable(f["alt"], "alt")
        assert_readable(f["label"], "label")
        assert_readable(f["group"], "controls group")
        assert_readable(f["summary"], "summary", sentences=False)  # it starts with a number
    for p in page.find_all("p", class_=["swl-note", "swl-notes"]):
        assert_readable(p.get_text(), "note")
    rest = BeautifulSoup(str(page), "html.parser")
    rest.find(class_="swl-sources").decompose()  # titles and publishers as data/sources.csv spells them
    assert_readable(rest.get_text(" "), "whole page", sentences=False)
    assert "The reverse: choose a working life and see the leaving rate that gives it." in note_text_all(page)


def note_text_all(page: BeautifulSoup) -> str:
    return " ".join(p.get_text() for p in page.find_all("p", class_="swl-note"))


def check_live_texts_are_in_sentence_case(live):
    for name, ctl in live["controls"].items():
        if ctl.description:
            assert_readable(ctl.description, name, sentences=False)
        if getattr(ctl, "placeholder", ""):
            assert ctl.placeholder.startswith("e.g. "), name
    assert_readable(BeautifulSoup(live["summary"].value, "html.parser").get_text(), "summary")


# ------------------------------------------------------------------------------------------- table, sources
def check_data_table_is_the_data_in_both_faces(page, live):
    box = next(d for d in page.find_all("details") if d.summary.get_text().startswith("Data table"))
    cap, rows = table_rows(box)
    cl = csv("career_length")
    years = cl[cl["unit"] == "years"]
    child, adult = turnover_from_data()
    expected = []
    for r in years.itertuples():
        q = f"{r.qualifier} " if isinstance(r.qualifier, str) and r.qualifier else ""
        expected.append([f"{r.measure}: {r.group}", f"{q}{r.value:g} years", r.period_label,
                         source_short(r.source_id), r.status])
    for name, df, src in (("Children's social workers: turnover (FTE)", child, "DfE"),
                          ("Adult social workers in councils: turnover", adult, "Skills for Care (as reported)")):
        expected += [[name, f"{r.value:g}%", r.period_label, src, "verified"] for r in df.itertuples()]
    assert rows == expected
    assert "less than 8 years" in {r[1] for r in rows}  # the memorandum's qualifier is kept
    acc = live["box"].children[-1]
    titles = [acc.get_title(i) for i in range(len(acc.children))]
    live_cap, live_rows = table_rows(acc.children[titles.index("Data table")].value)
    assert (live_cap, live_rows) == (cap, rows)
    assert_readable(cap, "caption")


def check_sources_are_the_data_sources_in_both_faces(page, live):
    cl = csv("career_length")
    child, adult = turnover_from_data()
    prof = cl[(cl["unit"] == "years") & cl["measure"].isin([p[1] for p in C.PROFESSIONS])]
    want = set(prof[prof.apply(lambda r: (r["measure"], r["group"]) in {(p[1], p[2]) for p in C.PROFESSIONS},
                               axis=1)]["source_id"])
    want |= {"hc2016socialworkreform"} | set(child["source_id"]) | set(adult["source_id"])
    titles = dict(zip(csv("sources")["source_id"], csv("sources")["title"], strict=True))
    static_items = [li.get_text() for li in page.find(class_="swl-sources").find_all("li")]
    assert len(static_items) == len(want)
    for sid in want:
        assert sum(item.startswith(titles[sid]) for item in static_items) == 1, sid
    acc = live["box"].children[-1]
    names = [acc.get_title(i) for i in range(len(acc.children))]
    live_items = [li.get_text() for li in BeautifulSoup(acc.children[names.index("Sources")].value,
                                                          "html.parser").find_all("li")]
    assert live_items == static_items


# ------------------------------------------------------------------------------------------- live inputs
def test_typed_values_outside_their_range_are_refused_and_only_values_redraw():
    parts = career_length_explorer().widgets()
    c, fw = parts["controls"], parts["figure"]
    before = fw.to_plotly_json()
    c["rate_text"].value = "0"  # no one can leave at 0% a year: the working life would be endless
    assert "greater than 0" in parts["message"].value
    c["N"].value = "10.5"
    assert "not a whole number" in parts["message"].value
    assert fw.to_plotly_json() == before
    parts["message"].value = ""
    # only a new value redraws: another of a box's traits changing is not the reader typing
    for name in ("rate_text", "life_text", "N"):
        c[name].placeholder = "e.g. 1"
        c[name].description = "changed"
    c["upload"].description = "changed"
    assert parts["message"].value == "" and parts["upload_message"].value == ""
    assert fw.to_plotly_json() == before


def test_typed_rate_beyond_the_slider_draws_the_typed_rate():
    parts = career_length_explorer().widgets()
    c, fw = parts["controls"], parts["figure"]
    c["rate_text"].value = "80"  # above the slider's top: the slider stops at its end, the figure shows 80%
    assert c["rate"].value == c["rate"].max
    assert list(fw.data[C.T_MODEL].y) == pytest.approx(curve(0.8))
    assert fw.layout.title.text == "Leaving rate 80.0% a year → expected working life 1.2 years"
    c["rate_text"].value = "0.4"  # below the bottom
    assert c["rate"].value == c["rate"].min
    assert list(fw.data[C.T_MODEL].y) == pytest.approx(curve(0.004))
    before = list(fw.data[C.T_MODEL].y)
    c["rate_text"].value = "  "  # an emptied box changes nothing and says nothing
    c["life_text"].value = ""
    assert list(fw.data[C.T_MODEL].y) == before and parts["message"].value == ""
    c["life_text"].value = "abc"
    assert "Working life L" in parts["message"].value and "still shows the last valid value" in parts["message"].value
    c["t"].value = 3  # any good input clears the message
    assert parts["message"].value == ""
    assert list(fw.data[C.T_POINT].y) == pytest.approx([round(100 * 0.996**3, 1)])
    c["rate_text"].value = "x"
    c["N"].value = "2,000"
    assert parts["message"].value == ""
    assert "To keep a workforce of 2,000 steady (the number you typed) takes 8 new entrants a year" in parts[
        "summary"].value  # 2,000 × 0.004 = 8
    c["rate_text"].value = "x"
    c["rate"].value = 20
    assert parts["message"].value == ""
    assert "(the number you typed) takes 400 new entrants a year" in parts["summary"].value


def upload(parts: dict, text: str, name: str = "mine.csv") -> str:
    live.upload(parts["controls"]["upload"], text, name)
    return BeautifulSoup(parts["upload_message"].value, "html.parser").get_text()


def test_upload_draws_up_to_three_curves_named_with_their_source():
    parts = career_length_explorer().widgets()
    fw = parts["figure"]
    rows = "".join(f"expected working life,team {k},England,2023,{life},years,verified,{src}\n"
                   for k, (life, src) in enumerate([(10, "My survey"), (20, "Staff records"), (4, "HR"), (30, "x")]))
    msg = upload(parts, FIGURE_TABLE_HEADER + rows)
    assert msg == "mine.csv: drew 3 working-life curve(s). Only the first 3 working lives are drawn."
    for k, (life, src) in enumerate([(10, "My survey"), (20, "Staff records"), (4, "HR")]):
        tr = fw.data[C.T_UPLOAD0 + k]
        assert tr.visible is True
        assert list(tr.x) == list(range(41)) and list(tr.y) == pytest.approx(curve(1 / life))
        assert tr.name == f"Your file: team {k}, {life} years ({src})"
    assert fw.data[C.T_UPLOAD_SERIES].visible is False
    # a second file with one curve and a series hides the curves it does not use
    msg = upload(parts, FIGURE_TABLE_HEADER + "expected working life,team,England,2023,5,years,verified,Mine\n"
                 "Leavers rate,team,England,2021,9,percent,verified,Mine\n"
                 "Leavers rate,team,England,2020,11,percent,verified,Mine\n"
                 "turnover rate,other,England,2020,50,percent,verified,Mine\n", "two.csv")
    assert msg == "two.csv: drew 1 working-life curve(s) and one turnover series."
    assert [fw.data[C.T_UPLOAD0 + k].visible for k in range(3)] == [True, False, False]
    s = fw.data[C.T_UPLOAD_SERIES]
    assert s.visible is True and list(s.x) == [2020, 2021] and list(s.y) == [11, 9]
    assert s.name == "Your file: Leavers rate (team)"
    # a file that names its sources by the book's source_id shows the source's short name
    upload(parts, FIGURE_TABLE_HEADER.replace("source\n", "source_id\n")
           + "expected working life,team,England,2010,8,years,verified,curtis2010\n", "ids.csv")
    assert fw.data[C.T_UPLOAD0].name == f"Your file: team, 8 years ({source_short('curtis2010')})"


def test_upload_draws_the_first_named_series_in_year_order_and_exactly_three_curves_without_a_warning():
    parts = career_length_explorer().widgets()
    fw = parts["figure"]
    msg = upload(parts, FIGURE_TABLE_HEADER
                 + "turnover rate,north team,England,2022,15,percent,verified,Mine\n"
                 + "leavers rate,south team,England,2021,7,percent,verified,Mine\n"     # a second series: not drawn
                 + "turnover rate,north team,England,2021,13,percent,verified,Mine\n"
                 + "turnover rate,whole service,England,2020,12,percent,verified,Mine\n"
                 + "".join(f"expected working life,team {k},England,2023,{5 + k},years,verified,Mine\n" for k in range(3)),
                 "three.csv")
    assert msg == "three.csv: drew 3 working-life curve(s) and one turnover series."   # no "Only the first 3"
    s = fw.data[C.T_UPLOAD_SERIES]
    assert list(s.x) == [2020, 2021, 2022] and list(s.y) == [12, 13, 15]
    # named by the file's first series and the group of its earliest row
    assert s.name == "Your file: turnover rate (whole service)"
    assert [fw.data[C.T_UPLOAD0 + k].name for k in range(3)] == [
        f"Your file: team {k}, {5 + k} years (Mine)" for k in range(3)]


def test_upload_source_falls_back_to_the_source_id_then_the_file_name():
    assert C._upload_source(pd.Series({"source": "My survey", "source_id": "curtis2010"}), "f.csv") == "My survey"
    assert C._upload_source(pd.Series({"source": " ", "source_id": "curtis2010"}), "f.csv") == source_short("curtis2010")
    assert C._upload_source(pd.Series({"source_id": "curtis2010"}), "f.csv") == source_short("curtis2010")
    assert C._upload_source(pd.Series({"source_id": " "}), "f.csv") == "f.csv"
    assert C._upload_source(pd.Series({"group": "x"}), "f.csv") == "f.csv"


@pytest.mark.parametrize("text, says", [
    ("registered social workers,team,England,2023,5,people,verified,Mine\n",
     "bad.csv: no usable rows. Give rows with unit 'years' (a working life, drawn as a curve) or rows with unit "
     "'percent' whose measure names turnover or leaving (drawn as a series)."),
    ("vacancy rate,team,England,2023,5,percent,verified,Mine\n", "bad.csv: no usable rows."),
    ("expected working life,team,England,2023,0.5,years,verified,Mine\n",
     "bad.csv: a working life must be between 1 and 100 years; found 0.5."),
    ("expected working life,team,England,2023,101,years,verified,Mine\n",
     "bad.csv: a working life must be between 1 and 100 years; found 101."),
])
def test_bad_upload_says_why_and_changes_nothing(text, says):
    parts = career_length_explorer().widgets()
    before = parts["figure"].to_plotly_json()
    msg = upload(parts, FIGURE_TABLE_HEADER + text, "bad.csv")
    assert msg.startswith(says) and msg.endswith("Nothing was changed."), msg
    assert parts["figure"].to_plotly_json() == before


@pytest.mark.parametrize("life", ["1", "100"])
def test_upload_accepts_both_ends_of_the_working_life_range(life):
    parts = career_length_explorer().widgets()
    msg = upload(parts, FIGURE_TABLE_HEADER + f"expected working life,team,England,2023,{life},years,verified,Mine\n")
    assert msg == "mine.csv: drew 1 working-life curve(s)."
    assert list(parts["figure"].data[C.T_UPLOAD0].y) == pytest.approx(curve(1 / float(life)))


# ------------------------------------------------------------------------------------------- benchmark
def test_bench_paths_cycle_through_the_slider_values(page):
    paths = C.bench_paths()
    assert set(paths) == {"career length: leaving rate → working life", "career length: working life → leaving rate"}
    for key, which in (("career length: leaving rate → working life", "rate"),
                       ("career length: working life → leaving rate", "life")):
        f = face(page, which)
        titles = [paths[key]()["layout"]["title.text"] for _ in range(len(f["values"]) + 1)]
        want = [st["layout"]["title.text"] for _, st in sorted(f["states"].items(), key=lambda kv: int(kv[0]))]
        assert titles == want + want[:1], key


# ------------------------------------------------------------------------------------------- figure
def build_figures() -> dict:
    return {"two": C.build_figure(with_turnover=True).to_plotly_json(),
            "one": C.build_figure(with_turnover=False).to_plotly_json(),
            "live": C.build_figure(with_turnover=True, live=True).to_plotly_json()}


def by_name(fig: dict, start: str) -> dict:
    hits = [tr for tr in fig["data"] if tr["name"] == start] or [tr for tr in fig["data"] if tr["name"].startswith(start)]
    assert len(hits) == 1, (start, [tr["name"] for tr in fig["data"]])
    return hits[0]


def check_both_figures_draw_the_survival_axis_alike(figs):
    two, one = figs["two"]["layout"], figs["one"]["layout"]
    for key in ("yaxis", "xaxis"):
        assert two[key]["title"]["text"] == one[key]["title"]["text"], key
    assert two["yaxis"]["range"] == one["yaxis"]["range"]
    lo, hi = two["yaxis"]["range"]
    assert lo == 0 and 100 < hi <= 101  # every curve starts at 100%: room for it, and no more
    assert two["yaxis"]["title"]["text"] == "Still practising (%)" and two["xaxis"]["title"]["text"] == "Years since entry"
    # the turnover panel: rates from zero (no exaggerated swings), years to 30 September as DfE counts them
    assert two["yaxis2"]["rangemode"] == "tozero" and two["yaxis2"]["title"]["text"] == "% a year"
    child, _ = turnover_from_data()
    assert all(lab.startswith("year to 30 Sep") for lab in child["period_label"])
    assert two["xaxis2"]["title"]["text"] == "Year (to 30 September)"
    assert two["xaxis2"]["dtick"] == 2 and len(child) > 6  # a label every other year: nine years fit
    for lay in (two, one):
        assert lay["title"]["x"] == 0 and lay["title"]["xanchor"] == "left"
        assert lay["legend"]["y"] < 0  # the legend below the plot, not over the curves
    assert two["height"] > one["height"] >= 500  # two panels need more room than one
    assert two["yaxis"]["domain"][0] > two["yaxis2"]["domain"][1]  # survival on top, turnover below
    top = two["yaxis"]["domain"][1] - two["yaxis"]["domain"][0]
    bottom = two["yaxis2"]["domain"][1] - two["yaxis2"]["domain"][0]
    assert top > bottom > 0.2  # the model's panel is the larger


def check_panel_titles_are_the_panels_the_alt_text_names(figs, page):
    titles = [a["text"] for a in figs["two"]["layout"]["annotations"]]
    alt = face(page, "rate")["alt"]
    assert len(titles) == 2
    assert titles[0].startswith("Share of an entry cohort still practising") and \
        "the share of an entry cohort still practising" in alt
    assert titles[1].startswith("Turnover out of employers") and "turnover out of employers" in alt
    assert "not necessarily the profession" in titles[1]  # the chapter's warning, on the panel itself
    for t in titles:
        assert_readable(t, "panel title")
    assert "annotations" not in figs["one"]["layout"]


def check_lines_are_told_apart_by_more_than_colour(figs):
    two = figs["live"]
    model, line = by_name(two, "Model: your leaving rate"), by_name(two, "Model: your leaving rate a")
    point = by_name(two, "Model read-off")
    top = [tr for tr in two["data"] if tr.get("yaxis", "y") == "y" and tr["mode"] == "lines"]
    # the alt text's "thick black line" and "dotted line"
    assert model["line"]["color"] == "#000000" and model["line"].get("dash", "solid") == "solid"
    assert all(model["line"]["width"] > tr["line"]["width"] for tr in top if tr is not model)
    assert point["marker"]["color"] == model["line"]["color"] and point["showlegend"] is False
    assert point["marker"]["symbol"] == "circle-open" and point["marker"]["size"] >= 10
    assert line["line"]["color"] == "#000000" and line["line"]["dash"] == "dot" and line["yaxis"] == "y2"
    styles = [(tr["line"]["color"], tr["line"].get("dash", "solid")) for tr in top]
    assert len(styles) == len(set(styles)) == 2 + len(C.PROFESSIONS) - 1 + C.N_UPLOAD_CURVES
    ch = by_name(two, "Children's social workers: turnover")
    ad = by_name(two, "Adult social workers in councils: turnover")
    mine = by_name(two, "Your file: series")
    marks = [(tr["marker"]["symbol"], tr["line"].get("dash", "solid")) for tr in (ch, ad, mine)]
    assert len({m for m, _ in marks}) == 3 and len({d for _, d in marks}) == 3
    assert all(tr["mode"] == "lines+markers" and tr["marker"]["size"] >= 8 for tr in (ch, ad, mine))
    assert all(tr["yaxis"] == "y2" for tr in (ch, ad, mine))
    # the reader's own file: hidden until a file is uploaded, long dashes (each curve its own kind), in both panels
    ups = [by_name(two, f"Your file {k + 1}") for k in range(C.N_UPLOAD_CURVES)]
    assert all(tr["visible"] is False and tr.get("yaxis", "y") == "y" for tr in ups)
    dashes = [tr["line"]["dash"] for tr in ups]
    assert dashes[0] == "longdash" and len(set(dashes)) == len(ups)
    assert all(int(d.split(",")[0].removesuffix("px")) >= 12 for d in dashes[2:]), "custom dashes start long"
    assert mine["visible"] is False and mine["line"]["dash"] == "longdash"
    assert "Your file" not in " ".join(tr["name"] for tr in figs["two"]["data"])  # the book has no upload


def check_hover_texts_name_the_series_and_its_numbers(figs):
    cl = preferred(csv("career_length"))
    for fig in (figs["two"], figs["one"]):
        for tr in fig["data"]:
            h = tr["hovertemplate"]
            assert_readable(h.split("<extra>")[0], tr["name"])
            assert h.endswith("<extra></extra>") and "%{y:.1f}%" in h, tr["name"]
            assert "%{x}" in h or "%{customdata}" in h or tr["name"] == "Model: your leaving rate a", tr["name"]
    for label, measure, group, note in C.PROFESSIONS:
        r = cl[(cl["measure"] == measure) & (cl["group"] == group)].iloc[0]
        tr = by_name(figs["two"], f"{label}: {r['value']:g} years ({note})")
        assert tr["hovertemplate"].startswith(f"{label} ({r['value']:g} years, {source_short(r['source_id'])}):")
        assert tr["line"]["width"] == 2 and tr["mode"] == "lines"
    two = figs["two"]
    assert by_name(two, "Model: your leaving rate")["hovertemplate"].startswith("Model: after %{x} years")
    assert by_name(two, "Model read-off")["hovertemplate"].startswith("After %{x} years")
    assert by_name(two, "Model: your leaving rate a")["hovertemplate"] == \
        "Model leaving rate: %{y:.1f}% a year<extra></extra>"
    # each turnover point names its own period as data/ does: the adult series mixes years to September with
    # financial years (2019-20, 2020-21), and a year with no figure is a gap with no period
    cw, asw = csv("children_workforce"), csv("adult_social_workers")
    for name, who, rows in (
            ("Children's social workers: turnover", "Children's", cw[(cw["measure"] == "turnover rate (FTE)")
                                                                     & (cw["source_id"] == indicators_source_id())]),
            ("Adult social workers", "Adult", preferred(asw[(asw["measure"] == "turnover rate")
                                                            & (asw["group"] == C.ADULT_GROUP)]))):
        tr = by_name(two, name)
        assert tr["hovertemplate"].startswith(f"{who}, %{{customdata}}: %{{y:.1f}}% (")
        label_of = dict(zip(rows["year"], rows["period_label"], strict=True))
        assert list(tr["customdata"]) == [label_of.get(x, "") for x in tr["x"]], name
        assert "year to Sep 2016" in tr["customdata"] or "year to 30 Sep 2017" in tr["customdata"]
    adult = by_name(two, "Adult social workers")
    assert {"2019-20", "2020-21"} <= set(adult["customdata"]) and adult["hovertemplate"].endswith(
        "(Skills for Care)<extra></extra>")


# ------------------------------------------------------------------------------------------- live controls
def check_live_controls_are_labelled_sized_and_redraw_on_release(live):
    c = live["controls"]
    for name in ("rate", "rate_text", "life_text", "N", "t"):
        ctl = c[name]
        assert ctl.continuous_update is False, name  # one redraw when the reader lets go (Voilà over a network)
        assert ctl.style.description_width == "initial", name  # the whole label shows
        assert re.fullmatch(r"\d+em", ctl.layout.width), (name, ctl.layout.width)
        assert int(ctl.layout.width[:-2]) >= len(ctl.description) // 2, (name, ctl.description)
        assert_readable(ctl.description.lstrip("…"), name, sentences=False)
    assert c["rate"].readout_format == ".1f"  # the same digits as the title's rate
    t = c["t"]
    model_x = list(live["figure"].data[C.T_MODEL].x)
    assert (t.min, t.max, t.step, t.value) == (model_x[0], model_x[-1], 1, T)  # any year the curve is drawn for
    assert t.description == "Read off after t years"
    assert c["rate_text"].description == "…or type a leaving rate (%)"
    assert c["N"].description == "Workforce size N"
    up = c["upload"]
    assert up.accept == ".csv" and up.multiple is False and "CSV" in up.description
    assert re.fullmatch(r"\d+em", up.layout.width) and up.layout.min_width == up.layout.width


@pytest.mark.parametrize("name, default", [("rate_text", 100 / 8), ("life_text", 8), ("N", None)])
def test_each_typed_box_gives_an_example_it_accepts(name, default):
    parts = career_length_explorer().widgets()
    box = parts["controls"][name]
    assert box.placeholder.startswith("e.g. ")
    if default is not None:
        assert box.value == ""  # the box opens empty: the slider holds the value
    example = box.placeholder[len("e.g. "):]
    if default is not None:  # the example is the book's own figure: 8 years, 12.5% a year
        assert float(example) == default
    box.value = "abc"  # a bad value's message gives the same example
    said = re.search(r"\(for example ([\d,.]+)\)", parts["message"].value).group(1)
    assert said.replace(",", "") == example.replace(",", ""), (name, said, example)
    box.value = example
    assert parts["message"].value == "", (name, parts["message"].value)


def check_live_box_holds_the_parts_in_reading_order(live, page):
    box = live["box"]
    kids = list(box.children)
    assert set(box._dom_classes) == {"swl-career-explorer", "swl-workforce-explorer"}
    notes = [BeautifulSoup(k.value, "html.parser").get_text() for k in kids[:2]]
    assert notes[0].startswith("Move the slider, or type a leaving rate or a working life")
    assert_readable(notes[0], "intro")
    assert notes[1] == BeautifulSoup(f"<p>{C.KEY_ASSUMPTIONS}</p>", "html.parser").get_text()
    rows = [k for k in kids if k.__class__.__name__ == "HBox"]
    c = live["controls"]
    assert [list(r.children) for r in rows[:2]] == [[c["rate"], c["rate_text"]], [c["life_text"], c["N"], c["t"]]]
    assert all(r.layout.flex_flow == "row wrap" for r in rows[:2])  # controls wrap on a narrow screen
    i = kids.index(live["figure"])
    assert kids[i - 1] is live["message"] and kids[i + 1] is live["summary"]  # the error above, the sentence below
    assert rows[2].children[0] is c["upload"] and kids[-2] is live["upload_message"]
    help_text = BeautifulSoup(rows[2].children[1].value, "html.parser")
    cols = [x.strip() for x in help_text.find_all("code")[1].get_text().split(",")]
    assert cols == FIGURE_TABLE_HEADER.strip().split(",")  # a file with these columns is accepted (tests above)
    from swleadership.data import UPLOAD_LIMIT_BYTES

    assert_readable(help_text.get_text(), "upload help")
    assert re.search(r"\btype N\b", notes[0])  # the symbol as the box names it: "Workforce size N"

    assert f"at most {UPLOAD_LIMIT_BYTES // 2**20} MB" in help_text.get_text() and "turnover or leaving" in help_text.get_text()
    acc = kids[-1]
    assert [acc.get_title(i) for i in range(3)] == ["Assumptions of the model", "Data table", "Sources"]
    assert acc.selected_index is None
    assert acc.children[0].value == C.ASSUMPTIONS
    # the book's closed boxes are the same panels
    summaries = [d.summary.get_text() for d in page.find_all("details")]
    assert summaries[0].startswith("Assumptions of the model") and summaries[1].startswith("Data table")
    static_assumptions = BeautifulSoup(str(page.find_all("details")[0]), "html.parser")  # a copy: page is shared
    static_assumptions.summary.decompose()
    assert static_assumptions.get_text() == BeautifulSoup(C.ASSUMPTIONS, "html.parser").get_text()


@pytest.mark.parametrize("typed, entrants", [("0", "0"), ("10,000,000", "1,250,000")])
def test_typed_workforce_accepts_both_ends_of_its_range(typed, entrants):
    parts = career_length_explorer().widgets()
    parts["controls"]["rate_text"].value = "12.5"
    parts["controls"]["N"].value = typed
    assert parts["message"].value == ""
    assert f"(the number you typed) takes {entrants} new entrants a year" in parts["summary"].value


# ------------------------------------------------------------------------------------------- the live face's first view
def test_live_face_first_shows_the_default_state_with_both_panels():
    parts = career_length_explorer().widgets()
    fw, first = parts["figure"], C.career_update(C.RATE0, C.T_READ)
    for i, trace in first["traces"].items():
        for key, value in trace.items():
            got = getattr(fw.data[i], key)
            assert (list(got) if isinstance(value, list) else got) == value, (i, key)
    assert fw.layout.title.text == first["layout"]["title.text"]
    assert live.text_of(parts["summary"].value) == first["summary"]
    names = [t.name for t in fw.data]
    assert any(n.startswith("Children's social workers: turnover") for n in names)
    assert any(n.startswith("Adult social workers") for n in names)
    # the turnover panel keeps its own scale: nothing from the survival panel's 0-101 % range
    assert fw.layout.yaxis2.range is None and fw.layout.yaxis2.rangemode == "tozero"
    assert fw.layout.yaxis2.title.text == "% a year" and tuple(fw.layout.yaxis.range) == (0, 101)


def test_the_two_turnover_series_differ_in_colour_too():
    fig = C.build_figure(with_turnover=True, live=True)
    child, adult = (next(t for t in fig.data if t.name.startswith(s)) for s in ("Children's social workers", "Adult"))
    assert child.line.color != adult.line.color


def test_emptied_working_life_box_says_nothing():
    parts = career_length_explorer().widgets()
    parts["controls"]["life_text"].value = "8"
    before = live.snapshot(parts["figure"])
    parts["controls"]["life_text"].value = ""
    assert parts["message"].value == "" and live.snapshot(parts["figure"]) == before


def test_workforce_out_of_range_says_the_range_with_an_example():
    parts = career_length_explorer().widgets()
    parts["controls"]["N"].value = "1e12"
    assert live.text_of(parts["message"].value) == (
        "Workforce size N must be a whole number from 0 to 10,000,000 (for example 10,000); got '1e12'. "
        "The figure still shows the last valid value.")


def test_upload_of_a_single_turnover_figure_draws_it_as_the_series():
    parts = career_length_explorer().widgets()
    msg = upload(parts, FIGURE_TABLE_HEADER + "leavers rate,my team,England,2022,11,percent,verified,Mine\n", "one.csv")
    assert msg == "one.csv: drew 0 working-life curve(s) and one turnover series."
    s = parts["figure"].data[C.T_UPLOAD_SERIES]
    assert s.visible is True and list(s.x) == [2022] and list(s.y) == [11]
    assert s.name == "Your file: leavers rate (my team)"
