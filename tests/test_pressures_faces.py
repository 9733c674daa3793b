"""The workforce pressures explorer's two faces against data/ and against each other.

The static face carries every area's figures as JSON (``areas_payload``) and draws from it in the browser; the
live face draws ``pressures_update``. Expected values here are read straight from the CSV files with pandas
(never through the explorer's own helpers), for England, regions, and local authorities with suppressed values,
renamed codes and reorganisations. The static face's controls are parsed with BeautifulSoup and compared with the
live face's ipywidgets, option by option.

Each test builds what it checks in its own body (no module-scoped fixture), so ``make mutation`` maps every test
to the code it reads.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from swleadership.explorers import pressures as P
from tests._colour import contrast
from tests._live import upload

DATA = Path(__file__).resolve().parent.parent / "data"
MEASURE_COLUMNS = ["inpost_fte", "starters_fte", "leavers_fte", "turnover_rate_fte", "vacancy_rate_fte",
                   "agency_rate_fte", "caseload_fte", "absence_rate_fte"]
COUNTS = {"inpost_fte", "starters_fte", "leavers_fte"}

#: series id -> how to find its rows in data/children_workforce_areas.csv
AREAS = {
    "E92000001": ("area_code", "E92000001"),                       # England
    "E12000007": ("area_code", "E12000007"),                       # London
    "E13000001": ("area_code", "E13000001"),                       # Inner London
    "E12000001": ("area_code", "E12000001"),                       # North East
    "la:Isles of Scilly": ("area_name", "Isles of Scilly"),        # many suppressed values
    "la:Kensington and Chelsea": ("area_name", "Kensington and Chelsea"),
    "la:Buckinghamshire": ("area_name", "Buckinghamshire"),        # code changed: followed by name
    "la:Northamptonshire:E10000021": ("area_code", "E10000021"),   # reorganised: 2017-2020 only
    "la:Dorset:E06000059": ("area_code", "E06000059"),             # the new Dorset, 2019-2025
    "la:Birmingham": ("area_name", "Birmingham"),
}


def csv(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", keep_default_na=False, na_values=[""], dtype={"time_period": int})


def rows_of(sid: str) -> pd.DataFrame:
    df = csv("children_workforce_areas")
    col, key = AREAS[sid]
    out = df[df[col] == key]
    if sid.startswith("la:"):
        out = out[out["geographic_level"] == "Local authority"]
    assert len(out), sid
    return out.sort_values("time_period")


def all_years() -> list[int]:
    return sorted(int(y) for y in csv("children_workforce_areas")["time_period"].unique())


def fmt(x: float) -> str:
    """How the book writes a number: whole with thousands separators, else one decimal."""
    return f"{x:,.0f}" if abs(x) >= 1000 or float(x).is_integer() else f"{x:,.1f}"


def adult_rows(measure: str) -> pd.DataFrame:
    df = csv("adult_social_workers")
    return df[(df["measure"] == measure) & (df["group"] == P.ADULT_GROUP)
              & (df["preferred"].astype(str).str.lower() == "true")].sort_values(["year", "period"])


def code_meanings() -> dict:
    pkg = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    codes = pkg["swl:suppression_codes"]
    return codes if isinstance(codes, dict) else {c["code"]: c["meaning"] for c in codes}


# ============================================================================ the payload against data/
@pytest.mark.parametrize("sid", list(AREAS))
def test_payload_series_is_the_areas_rows(sid):
    """Every measure and year of the area, in tenths, with its suppression codes, its years and its group."""
    payload = P.areas_payload()
    years = all_years()
    assert payload["years"] == years
    assert [m[0] for m in payload["measures"]] == MEASURE_COLUMNS
    s = {x["i"]: x for x in payload["series"]}[sid]
    rows = rows_of(sid)
    level = rows["geographic_level"].iloc[0]
    assert s["k"] == level[0]
    assert s["g"] == ("England and regions" if level != "Local authority" else rows["region_name"].iloc[0])
    had = rows["time_period"].tolist()
    assert s.get("y", years) == had and (("y" in s) == (had != years))
    by_year = rows.set_index("time_period")
    expected_codes = set()
    for mi, col in enumerate(MEASURE_COLUMNS):
        want = []
        for yi, y in enumerate(years):
            v = by_year[col].get(y) if y in by_year.index else None
            want.append(None if v is None or pd.isna(v) else round(float(v) * 10))
            code = by_year[f"{col}_suppression"].get(y) if y in by_year.index else None
            if code is not None and not pd.isna(code) and code != "":
                expected_codes.add((mi, yi, code))
        assert s["v"][mi] == want, (sid, col)
    assert {tuple(c) for c in s["c"]} == expected_codes
    # notes: the geography notes named on the area's rows, in words
    notes = csv("geography_notes").set_index("note_id")["description"]
    named = {n for cell in rows["geography_notes"] if isinstance(cell, str) for n in cell.split(";") if n}
    texts = [payload["notes"][i] for i in s["n"]]
    assert {notes[n] for n in named} <= set(texts)
    assert texts == P.area_notes(sid)


def test_payload_decoded_as_the_script_does_gives_what_pressures_update_draws():
    """The static page's script reads the payload (values / 10, trace indices from ``traces``): decoded the same
    way here, it gives the live face's traces for regions and local authorities, every measure."""
    payload = P.areas_payload()
    by_id = {s["i"]: s for s in payload["series"]}
    t = payload["traces"]
    england = by_id[payload["england"]]
    assert england["k"] == "N" and payload["england"] == "E92000001"
    for mi, (m, label, unit, kind) in enumerate(payload["measures"]):
        assert P.MEASURES[m] == (label, unit, kind)
        for sid in ("E12000007", "la:Isles of Scilly", "la:Northamptonshire:E10000021", "la:Birmingham"):
            patch = P.pressures_update(m, sid, short=True)["traces"]
            for key, s in (("area", by_id[sid]), ("england", england)):
                vals = [None if v is None else v / 10 for v in s["v"][mi]]
                level = [None if v is None else (round(v) if kind == "count" else round(v, 1)) for v in vals]
                assert patch[t[key]]["y"] == level, (m, sid, key)
                change = patch[t[f"{key}_yoy"]]["y"]
                for i in range(1, len(vals)):
                    a, b = vals[i - 1], vals[i]
                    if a is None or b is None or (kind == "count" and a == 0):  # a gap, or a per cent change from nothing
                        assert change[i] is None
                    else:
                        assert change[i] == pytest.approx(100 * (b - a) / a if kind == "count" else b - a, abs=0.051)
            ad = payload["adult"].get(m)
            assert patch[t["adult"]]["visible"] is bool(ad)
            if ad:
                assert (patch[t["adult"]]["x"], patch[t["adult"]]["y"]) == (ad["x"], ad["y"])


@pytest.mark.parametrize("measure, adult_name", [(m, v[0]) for m, v in P.ADULT.items()])
def test_payload_adult_series_is_the_adult_rows(measure, adult_name):
    payload = P.areas_payload()
    rows = adult_rows(adult_name)
    assert len(rows) >= 1
    assert payload["adult"][measure]["x"] == rows["year"].tolist()
    assert payload["adult"][measure]["y"] == pytest.approx(rows["value"].astype(float).tolist())
    assert set(payload["adult"]) == set(P.ADULT)


def test_payload_lists_every_area_once_england_regions_then_councils_by_region():
    payload = P.areas_payload()
    df = csv("children_workforce_areas")
    ids = [s["i"] for s in payload["series"]]
    assert len(ids) == len(set(ids))
    assert ids[0] == "E92000001"
    kinds = [s["k"] for s in payload["series"]]
    n_regions = df.loc[df["geographic_level"] == "Regional", "area_code"].nunique()
    assert kinds == ["N"] + ["R"] * n_regions + ["L"] * (len(kinds) - 1 - n_regions)
    regions = [s["l"] for s in payload["series"] if s["k"] == "R"]
    assert regions == sorted(regions) and all(r.startswith("Region: ") for r in regions)
    # every council's name in the data is there, under its region
    las = df[df["geographic_level"] == "Local authority"]
    named = {s["l"].split(" (")[0]: s["g"] for s in payload["series"] if s["k"] == "L"}
    for name, region in las.groupby("area_name")["region_name"].first().items():
        assert named.get(name) == region, name
    groups = [s["g"] for s in payload["series"] if s["k"] == "L"]
    assert groups == sorted(groups)  # councils grouped by region, each group in one run
    assert payload["codes"] == code_meanings()


def test_page_carries_the_payload_compact_in_a_script_that_cannot_close_early():
    """The JSON sits in a <script> element: the page's copy is the area table, in its most compact encoding (no
    spaces after separators, UTF-8 rather than \\u escapes), with "</" escaped."""
    html = P.pressures_explorer().static_html()
    real = P.areas_payload()
    body = re.search(r'<script type="application/json" class="swl-areas-data">(.*?)</script>', html, re.S).group(1)
    assert json.loads(body) == real and "\\u2013" not in body and "–" in body and "</" not in body
    assert len(body.encode()) == len(json.dumps(real, separators=(",", ":"), ensure_ascii=False).encode())


# ============================================================================ the area table
def parse_table(html: str) -> tuple[str, list[str], list[list[str]]]:
    soup = BeautifulSoup(html, "html.parser")
    t = soup.find("table")
    head = [th.get_text() for th in t.find("thead").find_all("th")]
    body = [[c.get_text() for c in tr.find_all(["th", "td"])] for tr in t.find("tbody").find_all("tr")]
    return t.find("caption").get_text(), head, body


@pytest.mark.parametrize("sid", ["E92000001", "la:Isles of Scilly", "la:Kensington and Chelsea",
                                 "la:Northamptonshire:E10000021"])
def test_area_table_is_every_measure_and_year_of_the_data(sid):
    payload = P.areas_payload()
    caption, head, body = parse_table(P._table_html(payload, sid))
    label = {s["i"]: s["l"] for s in payload["series"]}[sid]
    assert caption == f"{label}: every measure and year (DfE)"
    assert head == ["Year"] + [P.MEASURES[c][0] for c in MEASURE_COLUMNS]
    rows = rows_of(sid).set_index("time_period")
    meanings = code_meanings()
    assert [int(r[0]) for r in body] == all_years()
    for r in body:
        y = int(r[0])
        for col, cell in zip(MEASURE_COLUMNS, r[1:], strict=True):
            if y not in rows.index:
                assert cell == "no row", (sid, y, col)  # as areas.js writes a year the area has no row for
            elif pd.isna(rows.at[y, col]):
                code = rows.at[y, f"{col}_suppression"]
                assert cell == f"{code} ({meanings[code]})", (sid, y, col)
            else:
                assert cell == fmt(float(rows.at[y, col])), (sid, y, col)


def test_area_table_gap_without_a_code_reads_as_not_available():
    """As areas.js: a gap with no code is 'x'; an unknown code is shown as itself."""
    payload = {"years": [2020, 2021], "codes": {"x": "not available"},
               "series": [{"i": "a", "l": "Somewhere", "v": [[None, 15]] + [[1, 2]] * 7, "c": []},
                          {"i": "b", "l": "Elsewhere", "v": [[None, None]] + [[1, 2]] * 7, "c": [[0, 1, "q"]]}]}
    _, _, body = parse_table(P._table_html(payload, "a"))
    assert body[0][:2] == ["2020", "x (not available)"] and body[1][:2] == ["2021", "1.5"]
    _, _, body = parse_table(P._table_html(payload, "b"))
    assert body[0][1] == "x (not available)" and body[1][1] == "q (q)"


# ============================================================================ static face against the live face
def static_soup(id: str | None = None) -> BeautifulSoup:
    return BeautifulSoup(P.pressures_explorer(id=id).static_html(), "html.parser")


def plotted(soup: BeautifulSoup) -> dict:
    return json.loads(soup.find("script", class_="swl-plotly").string)


def test_static_controls_are_the_live_controls():
    soup = static_soup()
    parts = P.pressures_explorer().widgets()
    c = parts["controls"]
    root = soup.find(id="swl-pressures")
    assert root["data-swl"] == "areas" and "swl-areas" in root["class"]
    controls = root.find("div", class_="swl-controls")
    # every control is labelled by a <label for>, ids are unique, and typing in them never triggers JupyterLab
    ids = [t["id"] for t in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    fields = controls.find_all(["select", "input"])
    assert [f["id"] for f in fields] == ["swl-pressures-measure", "swl-pressures-find", "swl-pressures-area"]
    for f in fields:
        assert controls.find("label", attrs={"for": f["id"]}).get_text().strip()
        assert f["data-lm-suppress-shortcuts"] == "true"
    labels = {f["id"]: controls.find("label", attrs={"for": f["id"]}).get_text() for f in fields}
    assert labels["swl-pressures-measure"] == c["measure"].description == "Measure"
    # the measure list: the same options, in the same order, with the same first choice
    measure = soup.find("select", id="swl-pressures-measure")
    assert "swl-areas-measure" in measure["class"]
    static_opts = [(o.get_text(), o["value"]) for o in measure.find_all("option")]
    assert static_opts == list(c["measure"].options) == [(P.MEASURES[m][0], m) for m in MEASURE_COLUMNS]
    assert [o["value"] for o in measure.find_all("option", selected=True)] == [c["measure"].value]
    # the area list: the same areas with the same names; England first, chosen
    area = soup.find("select", id="swl-pressures-area")
    assert "swl-areas-area" in area["class"]
    static_areas = {o["value"]: o.get_text() for o in area.find_all("option")}
    live_areas = {v: label for label, v in c["area"].options}
    assert static_areas == live_areas and len(static_areas) == len(P.series_index())
    assert [o["value"] for o in area.find_all("option", selected=True)] == [c["area"].value] == ["E92000001"]
    payload = P.areas_payload()
    groups = [(g["label"], [o["value"] for o in g.find_all("option")]) for g in area.find_all("optgroup")]
    expected: dict = {}
    for s in payload["series"]:
        expected.setdefault(s["g"], []).append(s["i"])
    assert groups == list(expected.items())
    assert groups[0][0] == "England and regions"
    find = soup.find("input", id="swl-pressures-find")
    assert find["type"] == "search" and find["aria-describedby"] == "swl-pressures-status"
    status = soup.find(id="swl-pressures-status")
    assert status.get_text().startswith(f"{len(static_areas)} areas:") and status["role"] == "status"
    # the span of years and the adult series: the static face shows them all, the live face starts there
    years = all_years()
    assert c["years"].value == (years[0], years[-1]) and (c["years"].min, c["years"].max) == (years[0], years[-1])
    assert c["adult"].value is True
    # the data the static script reads is the area table
    data = json.loads(soup.find("script", class_="swl-areas-data").string)
    assert data == payload


def test_static_first_view_is_the_live_first_view_of_england_turnover():
    soup = static_soup()
    live = P.pressures_explorer().widgets()
    fw = live["figure"]
    fig = plotted(soup)
    rows = rows_of("E92000001")
    turnover = [round(float(v), 1) for v in rows["turnover_rate_fte"]]
    for trace in (P.T_AREA,):
        assert fig["data"][trace]["y"] == turnover == list(fw.data[trace].y)
    assert fig["data"][P.T_ENG].get("visible") is False and fw.data[P.T_ENG].visible is False
    ad = adult_rows("turnover rate")
    assert fig["data"][P.T_ADULT]["x"] == ad["year"].tolist() == list(fw.data[P.T_ADULT].x)
    assert fig["data"][P.T_ADULT]["visible"] is True
    # the static face keeps generic trace names (the script redraws them); the title names the area
    assert fig["data"][P.T_AREA]["name"] == "Selected area" and fw.data[P.T_AREA].name == "England"
    assert len(fig["data"]) == 5 and not [t for t in fig["data"] if "Your file" in t["name"]]  # no upload in the book
    assert fig["layout"]["title"]["text"] == fw.layout.title.text == "Turnover rate (FTE): England"
    first = P.pressures_update("turnover_rate_fte", P.ENGLAND, short=True)
    summary = soup.find("p", class_="swl-summary")
    assert summary.get_text() == first["summary"] and summary["aria-live"] == "polite"
    assert summary.get_text().startswith(f"England, {rows['time_period'].iloc[-1]}: {fmt(turnover[-1])}%")
    assert re.sub(r"<[^>]+>", "", live["summary"].value).startswith(summary.get_text().rstrip("."))
    # the data table first shows England, every measure and year
    table = soup.find("div", class_="swl-areas-table").find("table")
    assert table.find("caption").get_text() == "England: every measure and year (DfE)"
    assert soup.find("div", class_="swl-areas-table").find_parent("details").find("summary").get_text() == \
        "Data table for the chosen area"
    cells = [[c.get_text() for c in tr.find_all(["th", "td"])] for tr in table.find("tbody").find_all("tr")]
    assert [r[1] for r in cells] == [fmt(float(v)) for v in rows["inpost_fte"]]


def test_static_text_alternative_describes_what_the_figure_draws():
    soup = static_soup()
    fig = plotted(soup)
    years = all_years()
    caption = soup.find("figcaption", class_="swl-alt").get_text()
    assert soup.find("div", class_="swl-plot")["aria-label"] == caption
    assert soup.find("div", class_="plotly-graph-div")["id"] == "swl-pressures-plot"
    assert f"{years[0]} to {years[-1]}" in caption
    d = fig["data"]
    assert caption.startswith("Top panel: the chosen measure for the chosen area (solid line)")
    assert d[P.T_AREA]["type"] == "scatter" and d[P.T_AREA]["line"].get("dash", "solid") == "solid"
    assert "and England (dashed)" in caption and d[P.T_ENG]["line"]["dash"] == "dash"
    assert "adult social-worker series (dotted)" in caption and d[P.T_ADULT]["line"]["dash"] == "dot"
    assert "Bottom panel: the change on the year before, as bars." in caption
    assert d[P.T_AREA_YOY]["type"] == d[P.T_ENG_YOY]["type"] == "bar"
    assert all(d[i]["yaxis"] == "y2" for i in (P.T_AREA_YOY, P.T_ENG_YOY))
    assert all(d[i].get("yaxis", "y") == "y" for i in (P.T_AREA, P.T_ENG, P.T_ADULT))
    assert "The sentence below the figure gives the latest value and change" in caption
    assert caption.endswith("the table gives the area's figures for every measure and year.")
    assert d[P.T_AREA]["x"] == years


def test_static_page_has_no_stray_text_and_names_its_sources():
    soup = static_soup()
    outer = soup.find(id="swl-workforce-pressures")
    assert "swl-workforce" in outer["class"]
    for tag in [outer, *outer.find_all(["div", "figure", "details", "select", "optgroup", "table", "thead", "tbody",
                                         "tr"])]:
        for s in tag.find_all(string=True, recursive=False):
            assert not s.strip(), (tag.name, tag.get("class"), s[:60])
    assert not [s for s in soup.find_all(string=True, recursive=False) if s.strip()]
    note = outer.find("p", class_="swl-note")
    assert note.get_text().startswith("Every area, measure and year is here: type part of a council's name")
    link = note.find("a", class_="swl-help")
    assert link.get_text() == "how to open a chapter live" and "using-the-book" in link["href"]
    notes = outer.find("div", class_="swl-areas-notes")
    assert notes["aria-live"] == "polite" and "swl-notes" in notes["class"]
    london = csv("geography_notes").set_index("note_id").at["london-overlap", "description"]
    overlap = [p for p in outer.find_all("p") if p.find("strong", string="Overlapping London geographies.")]
    assert overlap and overlap[0].get_text() == f"Overlapping London geographies. {london}"
    assert soup.find("script", string=re.compile("swl-areas-data")) is not None  # the areas script runs here
    assert "Skills for Care" in outer.get_text() and "Department for Education" in outer.get_text()


def test_static_ids_follow_the_explorers_id():
    soup = static_soup(id="second")
    assert soup.find(id="swl-workforce-second") and soup.find(id="swl-second")
    assert [f["id"] for f in soup.find_all(["select", "input"])] == ["swl-second-measure", "swl-second-find",
                                                                      "swl-second-area"]
    assert soup.find("div", class_="plotly-graph-div")["id"] == "swl-second-plot"
    assert soup.find(id="swl-pressures") is None


# ============================================================================ the figure: told apart without colour
@pytest.mark.parametrize("live", [False, True])
def test_figure_series_are_told_apart_by_more_than_colour(live):
    fig = P.build_figure(live=live)
    d = fig.data
    assert len(d) == (7 if live else 5)
    bg = fig.layout.plot_bgcolor
    lines = [t for t in d if t.type == "scatter"]
    bars = [t for t in d if t.type == "bar"]
    assert [i for i, t in enumerate(d) if t.type == "bar"] == [P.T_AREA_YOY, P.T_ENG_YOY] + ([P.T_UP_YOY] if live else [])
    # each line has its own dash and marker symbol, and contrasts with the background at 3:1 (WCAG 1.4.11)
    # the legend names each series
    names = ["Selected area", "England", "Adult social workers in councils, England (Skills for Care)",
             "Selected area: change", "England: change"]
    assert [t.name for t in d] == names + (["Your file", "Your file: change"] if live else [])
    looks = [(t.line.dash or "solid", t.marker.symbol) for t in lines]
    assert len(set(looks)) == len(looks) and len({d for d, _ in looks}) == len(looks)
    assert len({t.line.color for t in lines}) == len(lines)  # and its own colour
    for t in lines:
        assert contrast(t.line.color, bg) >= 3, t.name
        assert t.mode == "lines+markers" and t.marker.size >= 7 and t.line.width >= 2
    # the chosen area stands out: the thickest line; England dashed black
    assert d[P.T_AREA].line.width > d[P.T_ENG].line.width and d[P.T_AREA].line.width > d[P.T_ADULT].line.width
    assert (d[P.T_ENG].line.dash, d[P.T_ENG].line.color) == ("dash", "#000000")
    # bars: the area's solid, England's hatched with an outline (white fill would vanish without it)
    assert bars[0].marker.pattern.shape in (None, "")
    eng = d[P.T_ENG_YOY].marker
    assert eng.pattern.shape == "/" and contrast(eng.pattern.fgcolor, eng.color) >= 3
    assert contrast(eng.line.color, bg) >= 3 and eng.line.width >= 1
    assert contrast(d[P.T_AREA_YOY].marker.color, bg) >= 3
    # a bar's colour is its line's colour, so the legend pairs them
    assert d[P.T_AREA_YOY].marker.color == d[P.T_AREA].line.color
    if live:
        assert d[P.T_UP].line.dash == "longdash" and d[P.T_UP].marker.symbol == "star"
        assert d[P.T_UP_YOY].marker.color == d[P.T_UP].line.color and d[P.T_UP_YOY].marker.pattern.shape == "x"
        assert d[P.T_UP].visible is False and d[P.T_UP_YOY].visible is False
    assert d[P.T_ADULT].visible is False and list(d[P.T_ADULT].x) == []


def test_figure_axes_panels_and_words():
    fig = P.build_figure()
    lay = fig.layout
    years = all_years()
    titles = [a.text for a in lay.annotations]
    assert titles == ["Level", "Change on the year before"]
    top, bottom = lay.yaxis.domain, lay.yaxis2.domain
    assert top[0] > bottom[1]  # the level panel above the change panel
    assert (top[1] - top[0]) > (bottom[1] - bottom[0])
    assert lay.xaxis2.title.text == "Year (at or to 30 September)" and lay.xaxis.dtick == lay.xaxis2.dtick == 1
    assert lay.xaxis.matches is None and lay.xaxis.showticklabels is not False  # the top panel shows its own years
    assert lay.yaxis2.zeroline is True and contrast(lay.yaxis2.zerolinecolor, lay.plot_bgcolor) >= 3
    assert lay.barmode == "group" and lay.title.text == "Workforce pressures"
    assert lay.legend.y < 0  # below the panels, not over the lines
    for i in (P.T_AREA, P.T_ENG, P.T_AREA_YOY, P.T_ENG_YOY):
        assert list(fig.data[i].x) == years and list(fig.data[i].y) == [None] * len(years)
    assert [fig.data[i].xaxis for i in range(5)] == ["x", "x", "x", "x2", "x2"]
    # hover labels: the series named; levels plain, changes signed
    for i, who in ((P.T_AREA, "Selected area"), (P.T_ENG, "England"), (P.T_ADULT, "Adult social workers")):
        assert fig.data[i].hovertemplate == f"%{{x}}: %{{y:,.1f}}<extra>{who}</extra>"
    for i, who in ((P.T_AREA_YOY, "Selected area"), (P.T_ENG_YOY, "England")):
        assert fig.data[i].hovertemplate == f"%{{x}}: %{{y:+,.1f}}<extra>{who}</extra>"
    assert fig.data[P.T_ADULT].name == "Adult social workers in councils, England (Skills for Care)"
    assert fig.data[P.T_AREA_YOY].name == "Selected area: change" and fig.data[P.T_ENG_YOY].name == "England: change"
    assert fig.data[P.T_AREA].connectgaps is False  # a gap is a gap, never bridged


def test_upload_gap_marks_cover_the_year_and_read_clearly():
    band = P.gap_band(2021)
    assert band["x0"] < 2021 < band["x1"] and band["x1"] - band["x0"] < 1  # this year only, not its neighbours
    assert band["x1"] - 2021 == pytest.approx(2021 - band["x0"])
    assert (band["xref"], band["yref"], band["y0"], band["y1"]) == ("x", "y domain", 0, 1)  # the whole top panel
    assert band["layer"] == "below" and band["line"]["width"] == 0 and 0 < band["opacity"] < 0.5
    label = P.gap_label(2021, "c")
    assert (label["x"], label["xref"], label["yref"]) == (2021, "x", "y domain")
    assert label["y"] == 1 and label["yanchor"] == "bottom" and label["showarrow"] is False  # just above the panel
    assert label["text"] == "your file: 'c'"
    assert label["font"]["size"] >= 11 and contrast(label["font"]["color"], "#ffffff") >= 4.5
    # the same size as the legend's text, the figure's other small text
    assert label["font"]["size"] == P.build_figure(live=True).layout.legend.font.size


# ============================================================================ the live face against data/
def html_text(value: str) -> str:
    return BeautifulSoup(value, "html.parser").get_text()


def test_live_controls_are_labelled_and_start_where_the_static_face_starts():
    import ipywidgets as w

    parts = P.pressures_explorer().widgets()
    c = parts["controls"]
    years = all_years()
    assert isinstance(c["measure"], w.Dropdown) and isinstance(c["area"], w.Dropdown)
    assert list(c["area"].options) == list(P.area_options(include_las=True))
    assert c["area"].options[0] == ("England", "E92000001") and c["area"].value == "E92000001"
    assert {v for _, v in c["area"].options} == set(P.series_index())
    span = c["years"]
    assert isinstance(span, w.IntRangeSlider) and span.step == 1 and span.continuous_update is False
    assert (span.min, span.max, span.value) == (years[0], years[-1], (years[0], years[-1]))
    assert isinstance(c["adult"], w.Checkbox) and c["adult"].value is True
    assert c["upload"].accept == ".csv" and c["upload"].multiple is False
    for name, ctl in c.items():
        assert ctl.description.strip(), name  # every control says what it is
    assert c["area"].description == "Area (England, region or local authority)" and c["years"].description == "Years"
    assert c["adult"].description == "Show the adult social-worker series (England) where there is one"
    assert c["upload"].description == "Upload your CSV"
    # the first view: England's turnover, as the static face draws it
    fw = parts["figure"]
    first = P.pressures_update("turnover_rate_fte", P.ENGLAND)
    assert list(fw.data[P.T_AREA].y) == first["traces"][P.T_AREA]["y"]
    assert fw.layout.title.text == first["layout"]["title.text"]
    assert html_text(parts["summary"].value) == first["summary"]
    assert parts["message"].value == "" and parts["notes"].value == ""
    assert len(fw.data) == 7 and fw.data[P.T_UP].visible is False
    # what the box shows, in order: guidance, controls, figure, summary, upload, panels
    box = parts["box"]
    kids = box.children
    assert "swl-pressures-explorer" in box._dom_classes and "swl-workforce-explorer" in box._dom_classes
    guide = BeautifulSoup(kids[0].value, "html.parser")
    assert guide.get_text() == guide.find("p", class_="swl-note").get_text() == (
        "Pick a measure and an area (type a name to jump in the list). The lower panel shows the change on the year "
        "before. Gaps are suppressed or missing values, never zeros.")
    assert list(kids[1].children) == [c["measure"], c["area"]] and list(kids[2].children) == [c["years"], c["adult"]]
    assert kids[3:7] == (parts["message"], parts["notes"], fw, parts["summary"])
    assert kids[7].children[0] is c["upload"] and "Download the template CSV" in kids[7].children[1].value
    assert kids[8] is parts["upload_message"]
    acc = kids[9]
    assert [acc.get_title(i) for i in range(3)] == ["How to read these figures", "Data table (England)", "Sources"]
    assert acc.selected_index is None
    table = BeautifulSoup(acc.children[1].value, "html.parser")
    assert table.find("caption").get_text() == "Children's social work workforce, England (DfE)"
    rows = rows_of("E92000001")
    cells = {tr.find("th").get_text(): [td.get_text() for td in tr.find_all("td")]
             for tr in table.find("tbody").find_all("tr")}
    assert cells[f"{P.MEASURES['inpost_fte'][0]} (FTE)"] == [fmt(float(v)) for v in rows["inpost_fte"]]
    assert cells[f"{P.MEASURES['caseload_fte'][0]} (cases)"] == [fmt(float(v)) for v in rows["caseload_fte"]]
    assert "Skills for Care" in acc.children[2].value


@pytest.mark.parametrize("sid, measure", [("la:Isles of Scilly", "turnover_rate_fte"),
                                          ("la:Northamptonshire:E10000021", "inpost_fte"),
                                          ("E12000001", "agency_rate_fte"),
                                          ("la:Buckinghamshire", "vacancy_rate_fte")])   # an area with two notes
def test_live_controls_draw_the_chosen_area_and_measure_from_the_data(sid, measure):
    parts = P.pressures_explorer().widgets()
    c, fw = parts["controls"], parts["figure"]
    c["area"].value = sid
    c["measure"].value = measure
    rows = rows_of(sid).set_index("time_period")
    eng = rows_of("E92000001").set_index("time_period")
    count = measure in COUNTS
    for trace, src in ((P.T_AREA, rows), (P.T_ENG, eng)):
        want = []
        for y in all_years():
            v = src[measure].get(y) if y in src.index else None
            want.append(None if v is None or pd.isna(v) else (round(float(v)) if count else round(float(v), 1)))
        assert list(fw.data[trace].y) == want, (sid, measure, trace)
    assert fw.data[P.T_ENG].visible is True and fw.data[P.T_ENG_YOY].visible is True
    label = {v: k for k, v in c["area"].options}[sid]
    assert fw.data[P.T_AREA].name == label and fw.data[P.T_AREA_YOY].name == f"{label}: change"
    assert fw.layout.title.text == f"{P.MEASURES[measure][0]}: {label}"
    assert html_text(parts["summary"].value) == P.pressures_update(measure, sid)["summary"]
    # the area's notes, in words from data/geography_notes.csv
    named = {n for cell in rows["geography_notes"] if isinstance(cell, str) for n in cell.split(";") if n}
    notes = csv("geography_notes").set_index("note_id")["description"]
    shown = BeautifulSoup(parts["notes"].value, "html.parser")
    items = [li.get_text() for li in shown.find_all("li")]
    assert items == P.area_notes(sid) and {notes[n] for n in named} <= set(items)
    if items:
        assert shown.find("div")["role"] == "note" and "About this area:" in shown.get_text()
        assert not [t for t in shown.find_all(string=True, recursive=False) if t.strip()]  # nothing outside the box
        for tag in shown.find_all(["div", "ul"]):
            assert not [t for t in tag.find_all(string=True, recursive=False) if t.strip()], tag.name
    else:
        assert parts["notes"].value == ""  # no empty "About this area" box
    # the span of years and the adult series
    c["years"].value = (2019, 2022)
    assert list(fw.layout.xaxis.range) == [2018.5, 2022.5] and list(fw.layout.xaxis2.range) == [2018.5, 2022.5]
    assert html_text(parts["summary"].value) == P.pressures_update(measure, sid, 2019, 2022)["summary"]
    c["adult"].value = False
    assert fw.data[P.T_ADULT].visible is False
    c["adult"].value = True
    assert fw.data[P.T_ADULT].visible is (measure in P.ADULT)


def test_upload_help_offers_the_bundled_template_without_fetching_anything():
    import base64

    soup = BeautifulSoup(P.upload_help_html(), "html.parser")
    p = soup.find("p", class_="swl-note")
    assert not [t for t in soup.find_all(string=True, recursive=False) if t.strip()]  # all of it in the paragraph
    assert p.get_text() == (
        "Your own figures for one area (at most 5 MB): either DfE's csww_indicators_*.csv file as you downloaded it "
        "(whole, or only your council's rows), or a CSV in the shape of the book's template, with any of the measure "
        "columns. Download the template CSV.")
    assert p.find("code").get_text() == "csww_indicators_*.csv"
    a = p.find("a")
    template = DATA / "templates" / a["download"]
    assert template.is_file() and a.get_text() == "Download the template CSV"
    head, _, body = a["href"].partition(",")
    assert head == "data:text/csv;base64"
    assert base64.b64decode(body) == template.read_bytes()
    header = template.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert {"time_period", "area_name"} <= set(header) and set(MEASURE_COLUMNS) & set(header)


def test_bench_path_times_pressures_update_over_every_measure_and_area(monkeypatch):
    calls = []
    monkeypatch.setattr(P, "pressures_update", lambda *a: calls.append(a) or {"patch for": a})
    (label, fn), = P.bench_paths().items()
    assert label.startswith("pressures: ") and "measure" in label and "area" in label
    every = {(m, sid) for m in MEASURE_COLUMNS for sid in P.series_index()}
    results = [fn() for _ in range(len(every))]
    assert results == [{"patch for": a} for a in calls]  # each run is one real update, its patch returned
    assert set(calls) == every


def test_live_failed_update_says_so_and_keeps_the_last_figure(monkeypatch):
    parts = P.pressures_explorer().widgets()
    c, fw = parts["controls"], parts["figure"]
    c["area"].value = "E12000007"
    before = fw.to_plotly_json()

    def refuse(*args, **kw):
        raise ValueError("No figures for that choice.")

    monkeypatch.setattr(P, "pressures_update", refuse)
    c["measure"].value = "caseload_fte"
    msg = BeautifulSoup(parts["message"].value, "html.parser").find("p")
    assert msg["role"] == "alert" and "swl-error" in msg["class"]
    assert msg.get_text() == "No figures for that choice. The figure still shows the last valid choice."
    assert fw.to_plotly_json() == before
    monkeypatch.undo()
    c["measure"].value = "vacancy_rate_fte"
    assert parts["message"].value == ""  # a good choice clears the message
    assert fw.layout.title.text == "Vacancy rate (FTE): Region: London"


def test_live_controls_show_their_whole_labels_and_wrap_on_a_narrow_screen():
    parts = P.pressures_explorer().widgets()
    c = parts["controls"]
    for name in ("measure", "area", "years", "adult"):
        assert c[name].style.description_width == "initial", name  # the label is shown whole, never cut short
    for name, ctl in c.items():
        assert re.fullmatch(r"\d+(\.\d+)?em", ctl.layout.width), (name, ctl.layout.width)
    assert c["upload"].layout.min_width == c["upload"].layout.width  # the button never shrinks below its label
    assert c["adult"].indent is False
    rows = [k for k in parts["box"].children if hasattr(k, "children") and c["measure"] in k.children
            or hasattr(k, "children") and c["years"] in k.children]
    assert len(rows) == 2 and all(r.layout.flex_flow == "row wrap" for r in rows)


def test_static_help_link_goes_to_the_explorers_section_in_the_book(monkeypatch):
    monkeypatch.setenv("SWL_BOOK_BUILD", "1")
    soup = static_soup()
    link = soup.find("p", class_="swl-note").find("a", class_="swl-help")
    page, _, anchor = link["href"].partition("#")
    assert page == "../book/using-the-book.html" and link.get_text() == "how to open a chapter live"
    help_md = Path(__file__).resolve().parent.parent / "book" / "using-the-book.md"
    headings = [h.lstrip("#").strip() for h in help_md.read_text(encoding="utf-8").splitlines() if h.startswith("## ")]
    assert anchor in {re.sub(r"[^a-z0-9]+", "-", h.lower()).strip("-") for h in headings}
    assert anchor == "explorers"


def test_england_table_is_englands_rows_every_measure_and_year():
    t = P.england_table()
    years = all_years()
    assert list(t.columns) == ["Measure"] + [str(y) for y in years]
    assert list(t["Measure"]) == [f"{P.MEASURES[c][0]} ({P.MEASURES[c][1]})" for c in MEASURE_COLUMNS]
    rows = rows_of("E92000001").set_index("time_period")
    for i, col in enumerate(MEASURE_COLUMNS):
        assert [t.at[i, str(y)] for y in years] == [fmt(float(rows.at[y, col])) for y in years], col


def test_england_table_shows_a_gap_by_its_code(monkeypatch):
    """England has no suppressed value today; plant one, and one missing year, and the table names them."""
    real = P.series_index()
    eng = real[P.ENGLAND]
    planted = {**eng, "values": {c: dict(v) for c, v in eng["values"].items()}}
    planted["values"]["caseload_fte"][2019] = (None, "c")
    del planted["values"]["agency_rate_fte"][2020]
    monkeypatch.setattr(P, "series_index", lambda: {**real, P.ENGLAND: planted})
    t = P.england_table().set_index("Measure")
    assert t.at[f"{P.MEASURES['caseload_fte'][0]} (cases)", "2019"] == "c"
    assert t.at[f"{P.MEASURES['agency_rate_fte'][0]} (%)", "2020"] == "no row"
    assert t.at[f"{P.MEASURES['caseload_fte'][0]} (cases)", "2020"] == fmt(eng["values"]["caseload_fte"][2020][0])


# ============================================================================ the live face: your own file
def template_measures() -> list[str]:
    """The measure columns in the upload template's order (the order the checker names missing ones)."""
    head = (DATA / "templates" / "children_workforce_areas_template.csv").read_text(encoding="utf-8").split("\n")[0]
    return [c for c in head.split(",") if c in MEASURE_COLUMNS]


def own_file(area: str, columns: list[str]) -> bytes:
    """The area's rows of data/ in the template's shape, with only ``columns`` of the measures."""
    rows = csv("children_workforce_areas")
    rows = rows[rows["area_name"] == area].sort_values("time_period", ascending=False)  # any order will do
    keep = ["time_period", "geographic_level", "area_code", "area_name"]
    for c in columns:
        keep += [c, f"{c}_suppression"]
    out = rows[keep].copy()
    out["source"] = f"DfE, {area} rows"
    return out.to_csv(index=False).encode()


def test_live_upload_draws_the_file_and_shades_its_suppressed_years():
    parts = P.pressures_explorer().widgets()
    c, fw = parts["controls"], parts["figure"]
    c["area"].value = "E12000009"
    upload(c["upload"], own_file("Isles of Scilly", ["turnover_rate_fte", "caseload_fte", "inpost_fte"]), "scilly.csv")
    rows = rows_of("la:Isles of Scilly").set_index("time_period")
    years = all_years()
    # only the measures the file has are offered; the chosen one is kept when the file has it
    assert list(c["measure"].options) == [(P.MEASURES[m][0], m) for m in MEASURE_COLUMNS
                                          if m in ("turnover_rate_fte", "caseload_fte", "inpost_fte")]
    assert c["measure"].value == "turnover_rate_fte"
    up, up_yoy = fw.data[P.T_UP], fw.data[P.T_UP_YOY]
    want = [None if pd.isna(rows.at[y, "turnover_rate_fte"]) else float(rows.at[y, "turnover_rate_fte"]) for y in years]
    assert list(up.x) == years and list(up.y) == want and up.visible is True
    assert up.name == "Your file: Isles of Scilly"
    assert list(up_yoy.x) == years and up_yoy.visible is True
    for i in range(1, len(years)):
        a, b = want[i - 1], want[i]
        assert up_yoy.y[i] == (None if a is None or b is None else pytest.approx(b - a, abs=0.051))
    gaps = [y for y in years if want[years.index(y)] is None]
    codes = {y: rows.at[y, "turnover_rate_fte_suppression"] for y in gaps}
    assert gaps and [s.x0 for s in fw.layout.shapes] == [pytest.approx(y - 0.4) for y in gaps]
    labels = [a.text for a in fw.layout.annotations]
    assert labels == ["Level", "Change on the year before"] + [f"your file: '{codes[y]}'" for y in gaps]
    assert [a.x for a in fw.layout.annotations][2:] == gaps
    meanings = code_meanings()
    msg = BeautifulSoup(parts["upload_message"].value, "html.parser").find("p")
    assert msg["role"] == "status"
    assert msg.get_text() == (
        f"scilly.csv: drawing Turnover rate (FTE) for Isles of Scilly ({len(years)} year(s)). "
        "Not drawn, and not zeros (shaded in the figure): "
        + ", ".join(f"{y} ('{codes[y]}': {meanings[codes[y]]})" for y in gaps) + ". "
        "Your file has no columns for: "
        + ", ".join(P.MEASURES[m][0] for m in template_measures()
                    if m not in ("turnover_rate_fte", "caseload_fte", "inpost_fte"))
        + "; the measure list offers the ones it has.")
    # another measure of the file: its values, no gaps, so no shading; the area's own line is unchanged
    c["measure"].value = "caseload_fte"
    assert list(fw.data[P.T_UP].y) == [round(float(rows.at[y, "caseload_fte"]), 1) for y in years]
    assert list(fw.layout.shapes) == [] and len(fw.layout.annotations) == 2
    assert fw.layout.title.text == f"{P.MEASURES['caseload_fte'][0]}: Region: South West"
    assert "Not drawn" not in parts["upload_message"].value
    # a count: the change is in per cent, and a change from nothing is a gap
    c["measure"].value = "inpost_fte"
    fte = [float(rows.at[y, "inpost_fte"]) for y in years]
    assert list(fw.data[P.T_UP].y) == fte
    for i in range(1, len(years)):
        a, b = fte[i - 1], fte[i]
        assert fw.data[P.T_UP_YOY].y[i] == (None if a == 0 else pytest.approx(100 * (b - a) / a, abs=0.051))


def test_live_upload_moves_to_a_measure_the_file_has_and_refuses_empty_or_mixed_files():
    parts = P.pressures_explorer().widgets()
    c, fw = parts["controls"], parts["figure"]
    upload(c["upload"], own_file("Birmingham", ["vacancy_rate_fte", "agency_rate_fte"]), "brum.csv")
    assert c["measure"].value == "vacancy_rate_fte"  # turnover is not in the file: the first measure it has
    rows = rows_of("la:Birmingham").set_index("time_period")
    assert list(fw.data[P.T_UP].y) == [float(rows.at[y, "vacancy_rate_fte"]) for y in all_years()]
    before = fw.to_plotly_json()
    # two areas in one file
    both = own_file("Birmingham", ["inpost_fte"]) + own_file("Coventry", ["inpost_fte"]).split(b"\n", 1)[1]
    upload(c["upload"], both, "two.csv")
    msg = BeautifulSoup(parts["upload_message"].value, "html.parser").find("p")
    assert msg["role"] == "alert"
    assert msg.get_text() == "two.csv: give one area per file; found 2 (Birmingham, Coventry…). Nothing was changed."
    # many areas: the first four by name
    many = own_file("Birmingham", ["inpost_fte"]) + b"".join(
        own_file(a, ["inpost_fte"]).split(b"\n", 1)[1] for a in ("Coventry", "Dudley", "Walsall", "Wolverhampton"))
    upload(c["upload"], many, "five.csv")
    assert BeautifulSoup(parts["upload_message"].value, "html.parser").get_text().startswith(
        "five.csv: give one area per file; found 5 (Birmingham, Coventry, Dudley, Walsall…).")
    # a file whose measures are all suppressed
    rows = csv("children_workforce_areas")
    one = rows[rows["area_name"] == "Birmingham"][["time_period", "geographic_level", "area_code", "area_name"]].copy()
    one["caseload_fte"], one["caseload_fte_suppression"], one["source"] = None, "x", "mine"
    upload(c["upload"], one.to_csv(index=False).encode(), "none.csv")
    text = BeautifulSoup(parts["upload_message"].value, "html.parser").get_text()
    assert text == (f"none.csv: no measure columns with values; give at least one of {', '.join(MEASURE_COLUMNS)}. "
                    "Nothing was changed.")
    assert fw.to_plotly_json() == before and c["measure"].value == "vacancy_rate_fte"


def test_static_options_carry_only_a_value_and_the_first_choice():
    soup = static_soup()
    for sel in soup.find_all("select"):
        for o in sel.find_all("option"):
            assert set(o.attrs) <= {"value", "selected"}, o.attrs
        assert len(sel.find_all("option", selected=True)) == 1


def test_static_page_without_the_london_note_still_renders_and_adds_nothing(monkeypatch):
    real = P._notes_by_id()
    monkeypatch.setattr(P, "_notes_by_id", lambda: {k: v for k, v in real.items() if k != "london-overlap"})
    soup = static_soup()
    overlap = [p for p in soup.find_all("p") if p.find("strong", string="Overlapping London geographies.")]
    assert overlap[0].get_text().strip() == "Overlapping London geographies."


def test_live_upload_of_a_dfe_file_says_what_it_found_then_what_it_draws():
    from swleadership.explorers import _base
    from tests import _dfe_fixtures as fx

    parts = P.pressures_explorer().widgets()
    content = fx.indicators_csv(["Coventry"])
    upload(parts["controls"]["upload"], content, "csww_indicators_2017_to_2025.csv")
    notice = _base.validate_upload(content, P.AREAS, "csww_indicators_2017_to_2025.csv").attrs["notice"]
    assert notice
    text = BeautifulSoup(parts["upload_message"].value, "html.parser").get_text()
    assert text.startswith(notice + " csww_indicators_2017_to_2025.csv: drawing Turnover rate (FTE) for Coventry (")


def test_live_upload_refusal_names_the_file():
    parts = P.pressures_explorer().widgets()
    rows = csv("children_workforce_areas")
    one = rows[rows["area_name"] == "Birmingham"][["time_period", "geographic_level", "area_code", "area_name",
                                                    "turnover_rate_fte", "turnover_rate_fte_suppression"]].copy()
    one["turnover_rate_fte"] = 150  # a rate over 100 %
    one["source"] = "mine"
    upload(parts["controls"]["upload"], one.to_csv(index=False).encode(), "too-high.csv")
    msg = BeautifulSoup(parts["upload_message"].value, "html.parser").find("p")
    assert msg["role"] == "alert" and msg.get_text().startswith("too-high.csv")
    assert msg.get_text().endswith("Nothing was changed.")


def test_live_upload_of_a_single_year_draws_one_point():
    parts = P.pressures_explorer().widgets()
    c, fw = parts["controls"], parts["figure"]
    rows = csv("children_workforce_areas")
    one = rows[(rows["area_name"] == "Leeds") & (rows["time_period"] == 2023)]
    one = one[["time_period", "geographic_level", "area_code", "area_name", "turnover_rate_fte",
               "turnover_rate_fte_suppression"]].assign(source="mine")
    upload(c["upload"], one.to_csv(index=False).encode(), "leeds-2023.csv")
    assert list(fw.data[P.T_UP].x) == [2023] and list(fw.data[P.T_UP].y) == [float(one["turnover_rate_fte"].iloc[0])]
    assert list(fw.data[P.T_UP_YOY].y) == [None]  # no year before it in the file
    assert fw.data[P.T_UP].name == "Your file: Leeds"
    assert BeautifulSoup(parts["upload_message"].value, "html.parser").get_text().startswith(
        "leeds-2023.csv: drawing Turnover rate (FTE) for Leeds (1 year(s)).")


@pytest.mark.parametrize("live", [False, True])
def test_figure_levels_are_lines_above_and_changes_are_bars_below(live):
    """Each series sits in the panel it belongs to: levels as lines in the top panel, changes on the year before
    as bars in the lower one, which alone has the zero line and, once under both panels, the years' title."""
    fig = P.build_figure(live=live)
    top = [t for t in fig.data if (t.xaxis, t.yaxis) == ("x", "y")]
    low = [t for t in fig.data if (t.xaxis, t.yaxis) == ("x2", "y2")]
    assert len(top) + len(low) == len(fig.data) == (7 if live else 5)
    assert all(t.type == "scatter" and not t.name.endswith(": change") for t in top)
    assert all(t.type == "bar" and t.name.endswith(": change") for t in low)
    lay = fig.layout
    assert lay.xaxis2.title.text == "Year (at or to 30 September)" and lay.xaxis.title.text is None
    assert lay.yaxis2.zeroline is True and lay.yaxis.zeroline is False
    assert lay.xaxis.dtick == lay.xaxis2.dtick == 1
