"""The funding explorer's two faces against each other and against data/.

The static face (the book: parsed here with BeautifulSoup) and the live face (JupyterLab and Voilà: the
ipywidgets) must offer the same control, with the same label, options and default, and show the same thing for
every option. Both are checked against data/context_funding.csv (the NAO's 2018 figures) and the workforce
series, read here with pandas, not through the explorer's helpers. Signs matter: a cut is drawn below zero.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup, NavigableString

from swleadership.explorers import _base as b
from swleadership.explorers import funding as F
from swleadership.explorers import funding_explorer
from tests._colour import contrast, luminance
from tests._live import FIGURE_TABLE_HEADER, upload_value
from tests.test_explorers_draw import _series_expected as series_rows  # a series' preferred rows, as drawn

DATA = Path(__file__).resolve().parent.parent / "data"
CUT = "real-terms reduction in central government funding to local authorities"
#: measure -> +1 for a rise, -1 for a fall: the direction is in the NAO's words (and in the measure's name)
DIRECTION = {
    CUT: -1,  # "a 49.1 per cent real terms reduction"
    "fall in spending on social care": -1,  # "spending on social care still fell by 3.0%"
    "reduction in spending on all other service areas": -1,  # "a 32.6% reduction"
    "change in estimated number of people 65+ in need of care": 1,  # "increased by 14.3%"
    "change in number of looked-after children": 1,  # "grew by 10.9%"
}
ID = "mine"


def csv(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", keep_default_na=False, na_values=[""])


def preferred(measure: str) -> pd.Series:
    df = csv("context_funding")
    r = df[(df["measure"] == measure) & (df["preferred"].astype(str).str.lower() == "true")]
    assert len(r) == 1, measure
    return r.iloc[0]


def shares_rows() -> pd.DataFrame:
    df = csv("context_funding")
    return df[df["measure"] == "social care share of LA total service spend"].sort_values("year")


def hover(template: str, **values) -> str:
    """What plotly shows on hover for the few template fields used here (d3 formats read like Python's)."""
    def field(m):
        name, _, fmt = m.group(1).partition(":")
        return format(values[name], fmt)
    out = re.sub(r"%\{([^}]+)\}", field, template)
    return out.replace("<extra></extra>", "")


def blend(colour: str, opacity: float, ground: str = "#ffffff") -> str:
    c = [int(colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    g = [int(ground.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{round(opacity * x + (1 - opacity) * y):02x}" for x, y in zip(c, g, strict=True))


# ------------------------------------------------------------------------------------------------ fixtures
@pytest.fixture
def static_html(monkeypatch) -> str:
    monkeypatch.setenv("SWL_BOOK_BUILD", "1")  # the book's face (an earlier test's import may have set it)
    return funding_explorer(id=ID).static_html()


@pytest.fixture
def soup(static_html) -> BeautifulSoup:
    return BeautifulSoup(static_html, "html.parser")


@pytest.fixture
def live(monkeypatch) -> dict:
    monkeypatch.delenv("SWL_BOOK_BUILD", raising=False)  # JupyterLab's and Voilà's face
    return funding_explorer(id=ID).widgets()


@pytest.fixture
def fig():
    return F.build_figure()


@pytest.fixture
def live_fig():
    return F.build_figure(live=True)


def states(soup) -> dict:
    return json.loads(soup.find("script", class_="swl-states").string)


def static_figure(soup) -> dict:
    return json.loads(soup.find("script", class_="swl-plotly").string)


# ----------------------------------------------------------------------------------------- the controls
def test_static_and_live_faces_offer_the_same_series_control(soup, live):
    selects = soup.find_all("select")
    assert len(selects) == 1
    sel = selects[0]
    assert sel["id"] == f"swl-{ID}-series"
    label = soup.find_all("label", attrs={"for": sel["id"]})
    assert len(label) == 1
    dd = live["controls"]["series"]
    assert label[0].get_text() == dd.description == "Workforce series"
    assert dd.style.description_width == "initial"  # the label shown whole, not cut short
    options = sel.find_all("option")
    # the same choices, in the same order, under the same words: one per workforce series in the data
    assert [o.get_text() for o in options] == [lab for lab, _ in dd.options]
    assert [k for _, k in dd.options] == list(F.SERIES)
    assert len({o.get_text() for o in options}) == len(F.SERIES)
    # the same default
    chosen = [o.get_text() for o in options if o.has_attr("selected")]
    assert chosen == [dd.label]
    assert states(soup)["initial"] == next(o["value"] for o in options if o.has_attr("selected"))
    group = soup.find(class_="swl-controls")
    assert group["role"] == "group"
    assert group["aria-label"] == "Controls: Funding and demand beside the workforce"


def test_every_option_shows_the_same_series_in_both_faces_and_its_data(soup, live):
    """For each option: the static state and the live figure after choosing it show the same traces, titles and
    summary, and the traces shown are that series' rows of data/, with their dates and values."""
    fw, dd, summary = live["figure"], live["controls"]["series"], live["summary"]
    st = states(soup)["states"]
    options = soup.find("select").find_all("option")
    try:
        for opt, (label, key) in zip(options, dd.options, strict=True):
            dd.value = key
            state = st[opt["value"]]
            shown = sorted(int(i) for i, t in state["traces"].items() if t["visible"] is True)
            hidden = sorted(int(i) for i, t in state["traces"].items() if t["visible"] is False)
            assert sorted(shown + hidden) == list(range(F.T_SERIES0, F.T_UPLOAD))
            live_shown = [i for i in range(F.T_SERIES0, F.T_UPLOAD) if fw.data[i].visible is True]
            assert live_shown == shown, key
            parts = F.SERIES[key][2]
            assert len(shown) == len(parts)
            for i, (resource, measure, group, legend) in zip(shown, parts, strict=True):
                exp = series_rows(resource, measure, group)
                assert len(exp), (key, measure)
                assert fw.data[i].name == legend
                assert list(fw.data[i].y) == pytest.approx(exp["value"].tolist())
            # titles: the figure's and the y axis's, the same in both faces, naming the series and its unit
            assert state["layout"]["title.text"] == fw.layout.title.text
            assert state["layout"]["yaxis3.title.text"] == fw.layout.yaxis3.title.text == F.SERIES[key][1]
            assert state["layout"]["title.text"].startswith("Funding, demand and ")
            # the summary: the same words in both faces, starting with the option's own label
            live_text = BeautifulSoup(summary.value, "html.parser").get_text()
            assert state["summary"] == live_text
            assert live_text.startswith(f"{label}. ")
            assert summary.value == b.summary_html(F.funding_update(key)["summary"])
            assert live["message"].value == ""
    finally:
        dd.value = "adult-number"
    # the page's first summary is the default option's
    assert soup.find("p", class_="swl-summary").get_text() == st[states(soup)["initial"]]["summary"]


def em(width: str) -> float:
    assert width.lower().endswith("em"), width
    return float(width[:-2])


def test_live_upload_control_and_its_help(live):
    up = live["controls"]["upload"]
    assert up.accept == ".csv" and up.multiple is False and up.description == "Upload your CSV"
    # wide enough for their words (about two characters to the em), and the upload button never squeezed
    dd = live["controls"]["series"]
    assert em(dd.layout.width) >= max(len(lab) for lab, _ in dd.options) / 2
    assert em(up.layout.width) == em(up.layout.min_width) >= len(up.description) / 2
    box = live["box"]
    row = [c for c in box.children if hasattr(c, "children") and up in c.children]
    assert len(row) == 1
    assert [type(c).__name__ for c in box.children] == [
        "HTML", "HTML", "Dropdown", "HTML", "LiveFigure", "HTML", "HBox", "HTML", "Accordion"]
    assert box.children[2] is live["controls"]["series"] and box.children[3] is live["message"]
    assert box.children[4] is live["figure"] and box.children[5] is live["summary"]
    assert box.children[7] is live["upload_message"]
    help_p = BeautifulSoup(row[0].children[1].value, "html.parser").p
    assert help_p["class"] == ["swl-note"]
    assert help_p.get_text() == (
        "Add your own council's series (at most 5 MB, UTF-8) in the shape of the book's context_funding table: "
        "measure, group, geography, period, value, unit, status, source. The first measure in the file is drawn "
        "against the right-hand scale.")
    # the columns the help names are the ones a minimal upload has (the header the upload tests use)
    from tests.test_explorers import FIGURE_TABLE_HEADER

    table, cols = (c.get_text() for c in help_p.find_all("code"))
    assert table == "context_funding" and cols.split(", ") == FIGURE_TABLE_HEADER.strip().split(",")


# ----------------------------------------------------------------------------------------- the static page
def test_static_face_is_one_block_with_its_parts_in_order(static_html, soup):
    tops = [c for c in soup.contents if not (isinstance(c, NavigableString) and not c.strip())]
    assert len(tops) == 1 and tops[0].name == "div"
    div = tops[0]
    assert div["class"] == ["swl-workforce"] and div["id"] == f"swl-workforce-{ID}"
    assert static_html.startswith('<div class="swl-workforce"') and static_html.endswith("</div>")
    kids = [c for c in div.children if not (isinstance(c, NavigableString) and not c.strip())]
    assert all(not isinstance(c, NavigableString) for c in kids), "no stray text between the parts"
    assert [c.name for c in kids] == ["p", "p", "figure", "details", "details"]
    assert kids[0]["class"] == ["swl-note"] and kids[1]["class"] == ["swl-notes"]
    assert kids[2]["id"] == f"swl-{ID}"
    assert kids[3].summary.get_text() == "How to read this chart"
    assert kids[4]["class"] == ["swl-sources"] and kids[4].summary.get_text().startswith("Sources")
    ids = [t["id"] for t in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), "ids unique"


def test_static_note_says_what_needs_the_live_version(soup, live):
    note = soup.find("p", class_="swl-note").get_text()
    n = len(soup.find("select").find_all("option"))
    words = {5: "five"}
    assert f"prepared views ({words[n]} workforce series; adding your own council's figures needs the live " \
           "version)" in note
    assert live["controls"]["upload"].description == "Upload your CSV"  # what the live version adds


def test_caution_and_how_to_read_are_the_same_in_both_faces(soup, live):
    box = live["box"]
    live_caution = box.children[1].value
    static_caution = soup.find("p", class_="swl-notes")
    assert str(static_caution) == live_caution
    text = static_caution.get_text()
    assert "not cause and effect" in text
    # the periods it names are the data's: funding to 2017-18, spending and demand to 2016-17
    assert f"the funding figure runs to {preferred(CUT)['period_label'].split(' to ')[1]}" in text
    assert f"spending and demand figures to {preferred('fall in spending on social care')['period_label'].split(' to ')[1]}" in text
    acc = box.children[-1]
    titles = [acc.get_title(i) for i in range(len(acc.children))]
    assert titles == ["How to read this chart", "Data table", "Sources"]
    assert acc.selected_index is None  # closed at first
    details = soup.find_all("details")
    how = next(d for d in details if d.summary.get_text() == "How to read this chart")
    assert BeautifulSoup(acc.children[0].value, "html.parser").get_text() == \
        how.get_text().removeprefix("How to read this chart")
    intro = BeautifulSoup(box.children[0].value, "html.parser").p
    assert intro["class"] == ["swl-note"]
    assert intro.get_text() == ("Choose a workforce series to set beside the NAO's figures. The shading marks the "
                                f"NAO's period, {preferred(CUT)['period_label']}.")
    assert box._dom_classes == ("swl-funding-explorer", "swl-workforce-explorer")


def test_sources_name_every_source_of_a_figure_shown(soup, live):
    ids = {preferred(m)["source_id"] for m in DIRECTION} | set(shares_rows()["source_id"])
    for _label, _unit, parts in F.SERIES.values():
        for resource, measure, group, _legend in parts:
            ids |= set(series_rows(resource, measure, group)["source_id"])
    static_box = soup.find(class_="swl-sources")
    live_box = BeautifulSoup(live["box"].children[-1].children[2].value, "html.parser")
    for s in sorted(ids):
        title = b.source(s)["title"]
        assert title in static_box.get_text(), s
        assert title in live_box.get_text(), s
    # the same list in both faces (the book's is a closed box, the live one sits in its own panel)
    assert str(static_box.ul) == str(live_box.ul)


def expected_table() -> list[list[str]]:
    """The data table's rows, from the CSV files: figure, value (signed, % for percentages), source."""
    rows = []
    for label, measure in zip([c[0] for c in F.CHANGES], DIRECTION, strict=True):
        r = preferred(measure)
        assert r["measure"] == measure
        period = ("real terms, " + r["period_label"]) if label.endswith("*") else r["period_label"]
        v = DIRECTION[measure] * float(r["value"])
        rows.append([f"{label.rstrip('*')} ({period})", f"{'+' if v > 0 else '-'}{abs(v):g}%",
                     b.source_short(r["source_id"])])
    for _, r in shares_rows().iterrows():
        rows.append([f"Social care share of council service spending, {r['period_label']}", f"{r['value']:g}%",
                     b.source_short(r["source_id"])])
    for _label, unit, parts in F.SERIES.values():
        for resource, measure, group, legend in parts:
            exp = series_rows(resource, measure, group)
            srcs = ", ".join(b.source_short(s) for s in sorted(set(exp["source_id"])))
            for _, r in exp.iterrows():
                v = float(r["value"])
                # the book's rule for counts: whole numbers, rounded (28,482.6 FTE is shown as 28,483)
                shown = f"{v:,.0f}" if abs(v) >= 1000 or v == int(v) else f"{v:,.1f}"
                rows.append([f"{legend}, {r['period_label']}", shown + ("%" if unit == "%" else ""), srcs])
    return rows


def test_data_table_lists_every_figure_with_its_sign_in_both_faces(soup, live):
    exp = expected_table()
    t = F.changes_table()
    assert list(t.columns) == ["Figure", "Value", "Source"]
    assert t.values.tolist() == exp
    table = soup.find("table")
    assert table.caption.get_text() == "Funding, spending, demand and workforce figures"
    assert [th.get_text() for th in table.thead.find_all("th")] == ["Figure", "Value", "Source"]
    body = [[c.get_text() for c in tr.find_all(["th", "td"])] for tr in table.tbody.find_all("tr")]
    assert body == exp
    live_table = BeautifulSoup(live["box"].children[-1].children[1].value, "html.parser").find("table")
    assert live_table.caption.get_text() == table.caption.get_text()
    assert [[c.get_text() for c in tr.find_all(["th", "td"])] for tr in live_table.tbody.find_all("tr")] == exp
    # cuts are falls, demand rises
    assert body[0][1].startswith("-") and body[3][1].startswith("+")


def test_text_alternative_says_what_the_figure_draws(soup, fig):
    alt = soup.find("div", class_="swl-plot")["aria-label"]
    money, demand, share = fig.data[F.T_CUT], fig.data[F.T_DEMAND], fig.data[F.T_SHARE]
    x = [m if m is not None else d for m, d in zip(money.x, demand.x, strict=True)]

    def signed(v):
        return f"{'−' if v < 0 else '+'}{abs(v):.1f}%"

    cut, other = preferred(CUT), preferred("fall in spending on social care")
    sh = shares_rows()
    expected = (
        f"Three panels. Top: bars for the percentage changes the NAO reported between "
        f"{other['period_label'].replace(' to ', ' and ')} or {cut['period_label'].split(' to ')[1]}: "
        f"central government funding to councils {signed(x[0])} in real terms, social care spending {signed(x[1])}, "
        f"other services {signed(x[2])}, people aged 65 and over in need of care {signed(x[3])}, looked-after "
        f"children {signed(x[4])}. Middle: social care's share of council service spending, "
        f"{share.x[0]:.1f}% in {share.y[0]} and {share.x[1]:.1f}% in {share.y[1]}. Bottom: the chosen workforce "
        "series over time, with the NAO period shaded. The table below lists every figure with its source.")
    assert alt == expected
    # and the figure's numbers are the data's, with the NAO's direction
    for v, measure in zip(x, DIRECTION, strict=True):
        assert v == DIRECTION[measure] * float(preferred(measure)["value"])
    assert [share.x[0], share.x[1]] == sh["value"].tolist() and list(share.y) == sh["period_label"].tolist()


# ----------------------------------------------------------------------------------------------- the figure
def test_static_page_draws_the_built_figure(soup, fig):
    drawn = static_figure(soup)
    assert len(drawn["data"]) == len(fig.data) == F.T_UPLOAD  # no upload trace without a kernel
    for tr, mine in zip(drawn["data"], fig.data, strict=True):
        assert tr["name"] == mine.name and tr["type"] == mine.type


def test_figure_panels_titles_and_axes(fig):
    lay = fig.layout
    titles = [a.text for a in lay.annotations if a.xref == "paper"]
    cut, other = preferred(CUT), preferred("fall in spending on social care")
    assert titles == [
        f"Change, {other['period_label']} (*real terms, to {cut['period_label'].split(' to ')[1]})",
        "Social care's share of council service spending",
        "Workforce series (NAO period shaded)",
    ]
    ys = [a.y for a in lay.annotations if a.xref == "paper"]
    assert ys == sorted(ys, reverse=True)  # top, middle, bottom
    d1, d2, d3 = lay.yaxis.domain, lay.yaxis2.domain, lay.yaxis3.domain
    assert d3[1] < d2[0] < d2[1] < d1[0] < d1[1] <= 1 and d3[0] >= 0
    h1, h2, h3 = (d[1] - d[0] for d in (d1, d2, d3))
    assert h3 > h1 > h2  # the time series get the most room, the two share bars the least
    assert lay.yaxis4.overlaying == "y3" and lay.yaxis4.side == "right"
    # which trace sits in which panel
    assert [(t.xaxis, t.yaxis) for t in fig.data[:F.T_SERIES0]] == [("x", "y")] * 2 + [("x2", "y2")]
    assert {(t.xaxis, t.yaxis) for t in fig.data[F.T_SERIES0:]} == {("x3", "y3")}
    assert lay.title.text == "Funding and demand"
    assert lay.barmode == "overlay"  # a bar is either a fall or a rise: the two traces never sit side by side
    assert -1 < lay.legend.y < 0  # the legend below the panels
    # axes: titles, zero line, every bar inside the range and the bars in the listed order, top down
    assert lay.xaxis.title.text == "% change" and lay.xaxis.zeroline is True
    assert contrast(lay.xaxis.zerolinecolor, "#ffffff") >= 3
    # only the change panel marks zero (no change); the shares start at zero and the dates have none
    assert lay.xaxis2.zeroline is False and lay.xaxis3.zeroline is False
    assert lay.xaxis2.title.text != lay.xaxis.title.text != lay.xaxis3.title.text
    vals = [v for t in fig.data[:2] for v in t.x if v is not None]
    assert lay.xaxis.range[0] < min(vals) < 0 < max(vals) < lay.xaxis.range[1]
    assert lay.yaxis.autorange == "reversed" and lay.yaxis2.autorange == "reversed"
    assert lay.yaxis2.type == "category"
    # the workforce panel is a plain scale from zero upwards: not reversed, not categories, its unit its own
    assert lay.yaxis3.autorange != "reversed" and lay.yaxis3.type != "category" and lay.yaxis3.visible is not False
    assert not lay.yaxis.title.text and not lay.yaxis2.title.text  # the bars' labels say what they are
    assert lay.xaxis2.title.text == "% of total service spending"
    assert lay.xaxis2.range[0] == 0 < max(fig.data[F.T_SHARE].x) < lay.xaxis2.range[1]  # bars start at zero
    assert lay.xaxis3.type == "date" and lay.xaxis3.title.text == "Date of the figure"
    lo, hi = (dt.date.fromisoformat(d) for d in lay.xaxis3.range)
    dates = [dt.date.fromisoformat(d) for t in fig.data[F.T_SERIES0:] for d in t.x]
    shaded = fig.layout.shapes[0]
    assert lo < min(dates + [dt.date.fromisoformat(shaded.x0)]) and max(dates) < hi
    assert lay.yaxis3.title.text == F.funding_update()["layout"]["yaxis3.title.text"]
    assert lay.yaxis3.rangemode == "tozero"
    assert lay.yaxis4.visible is False and lay.yaxis4.showgrid is False  # hidden until a file is drawn on it


def test_bars_signs_labels_hover_and_looks(fig, monkeypatch):
    money, demand, share = fig.data[F.T_CUT], fig.data[F.T_DEMAND], fig.data[F.T_SHARE]
    labels = [c[0] for c in F.CHANGES]
    for tr in (money, demand, share):
        assert tr.orientation == "h" and tr.textposition == "outside" and tr.cliponaxis is False
    assert list(money.y) == list(demand.y) == labels
    for i, measure in enumerate(DIRECTION):
        v = DIRECTION[measure] * float(preferred(measure)["value"])
        tr, other = (money, demand) if v < 0 else (demand, money)
        assert tr.x[i] == v and other.x[i] is None and other.text[i] == ""
        assert tr.text[i] == f"{v:+.1f}%"
        assert hover(tr.hovertemplate, y=labels[i], x=v) == f"{labels[i]}: {v:+.1f}%"
    assert money.name == "Funding and spending (falls)" and demand.name == "Demand (rises)"
    assert money.showlegend is not False and demand.showlegend is not False
    # the share bars: no legend entry (the panel's title names them), value as written in the data
    sh = shares_rows()
    assert share.name == "Social care share of spending" and share.showlegend is False
    for y, x, t, (_, r) in zip(share.y, share.x, share.text, sh.iterrows(), strict=True):
        assert (y, x, t) == (r["period_label"], r["value"], f"{r['value']:g}%")
        assert hover(share.hovertemplate, y=y, x=x) == f"{y}: {x:.1f}%"
    # falls, rises and shares look different, and not by colour alone: falls are hatched
    colours = [money.marker.color, demand.marker.color, share.marker.color]
    assert len(set(colours)) == 3
    assert all(contrast(c, "#ffffff") >= 3 for c in colours), colours
    assert money.marker.pattern.shape == "/" and demand.marker.pattern.shape == ""
    assert money.marker.pattern.fgcolor == "#ffffff"


def test_a_qualified_figure_keeps_its_qualifier_on_the_bar_and_in_the_table(monkeypatch):
    """The NAO's own words for the funding cut are "nearly 50%": drawn from that row, bar and table say so."""
    nao = csv("context_funding")
    nao = nao[(nao["measure"] == CUT) & (nao["source_id"] == "nao2018press")].iloc[0]
    assert nao["qualifier"] == "nearly"
    monkeypatch.setattr(F, "CHANGES", [(F.CHANGES[0][0], CUT, "nao2018press", -1, "money"), *F.CHANGES[1:]])
    F.changes.cache_clear()
    try:
        fig = F.build_figure()
        v = -float(nao["value"])
        assert fig.data[F.T_CUT].x[0] == v
        assert fig.data[F.T_CUT].text[0] == f"nearly {v:+.1f}%"
        assert fig.data[F.T_CUT].text[1] == f"{fig.data[F.T_CUT].x[1]:+.1f}%"  # no qualifier: no prefix
        t = F.changes_table()
        assert t["Value"].tolist()[:2] == [f"nearly {v:+g}%", f"{fig.data[F.T_CUT].x[1]:+g}%"]
    finally:
        F.changes.cache_clear()


def test_series_traces_are_told_apart_and_hover_their_figures(fig):
    traces = fig.data[F.T_SERIES0:]
    assert len(traces) == F.T_UPLOAD - F.T_SERIES0 == sum(len(v[2]) for v in F.SERIES.values())
    looks = [(t.line.color, t.line.dash, t.marker.symbol) for t in traces]
    j = 0
    for key, (_label, _unit, parts) in F.SERIES.items():
        group = looks[j:j + len(parts)]
        # the traces shown together differ in colour, dash and marker
        assert len({g[0] for g in group}) == len({g[2] for g in group}) == len(parts)
        for (resource, measure, grp, legend), t in zip(parts, traces[j:j + len(parts)], strict=True):
            exp = series_rows(resource, measure, grp)
            assert t.name == legend
            assert t.visible is (key == "adult-number")
            assert set(t.mode.split("+")) == {"lines", "markers"}
            assert t.marker.size >= 10
            assert list(t.customdata) == exp["period_label"].tolist()
            for lab, y in zip(t.customdata, t.y, strict=True):
                assert hover(t.hovertemplate, customdata=lab, y=y) == f"{legend}, {lab}: {y:,.1f}"
        j += len(parts)


def test_nao_period_is_shaded_from_the_data(fig):
    cut = preferred(CUT)
    shapes = fig.layout.shapes
    assert len(shapes) == 1
    s = shapes[0]
    assert (s.x0, s.x1) == (cut["period_start"], cut["period_end"])
    assert s.xref == "x3" and s.yref == "y3 domain"
    assert s.line.width == 0
    # a light neutral grey behind the lines, not one of the series' colours
    assert s.fillcolor not in b.COLOURS and 0 < s.opacity < 0.5
    assert luminance(blend(s.fillcolor, s.opacity)) > 0.8
    notes = [a for a in fig.layout.annotations if a.xref != "paper"]
    assert len(notes) == 1 and notes[0].text == f"NAO period, {cut['period_label']}"
    assert notes[0].xanchor == "left" and notes[0].x == cut["period_start"]


def test_narrow_screens_keep_every_bar_and_value_in_view(fig):
    narrow = fig.layout.meta["swl_narrow"]["layout"]
    for path in narrow:
        fig.layout[path]  # a real layout property (a typo would raise)
    assert narrow["height"] > fig.layout.height
    lo, hi = narrow["xaxis.range"]
    assert lo < fig.layout.xaxis.range[0] and hi > fig.layout.xaxis.range[1]  # more room for the values
    assert narrow["xaxis2.range"][0] == 0 and narrow["xaxis2.range"][1] > fig.layout.xaxis2.range[1]


def test_live_figure_has_a_hidden_trace_for_an_upload(live_fig, fig):
    assert len(live_fig.data) == F.T_UPLOAD + 1
    up = live_fig.data[F.T_UPLOAD]
    assert up.name == "Your file" and up.visible is False and list(up.x) == [] and list(up.y) == []
    assert up.yaxis == "y4" and up.xaxis == "x3"
    assert set(up.mode.split("+")) == {"lines", "markers"}
    assert up.line.width > 2  # heavier than the published series
    look = (up.line.color, up.line.dash, up.marker.symbol)
    assert look not in {(t.line.color, t.line.dash, t.marker.symbol) for t in fig.data[F.T_SERIES0:]}
    assert contrast(up.line.color, "#ffffff") >= 4.5 and up.marker.size > 10


def test_live_upload_draws_the_first_measure_and_counts_the_others(live):

    fw = live["figure"]
    body = (FIGURE_TABLE_HEADER + "vacancy rate,my team,Anytown,2016,9.5,percent,verified,My council\n"
            "vacancy rate,my team,Anytown,2015,7,percent,verified,My council\n"
            "turnover rate,my team,Anytown,2015,12,percent,verified,My council\n").encode()
    # as the browser sends it (the widget's state, under a property lock), not set from Python
    live["controls"]["upload"].set_state({"value": [
        {"name": "two.csv", "type": "text/csv", "size": len(body), "content": memoryview(body),
         "last_modified": 1767225600000}]})
    tr = fw.data[F.T_UPLOAD]
    assert tr.visible is True and list(tr.y) == [7, 9.5] and list(tr.x) == ["2015-09-30", "2016-09-30"]
    assert tr.name == "Your file: vacancy rate (my team, percent; right-hand scale)"
    assert fw.layout.yaxis4.visible is True and fw.layout.yaxis4.title.text == "percent"
    msg = BeautifulSoup(live["upload_message"].value, "html.parser").p
    assert msg["class"] == ["swl-ok"]
    assert msg.get_text() == ("two.csv: drew 2 figure(s) of 'vacancy rate' on the right-hand scale. "
                              "1 other measure(s) in the file were not drawn.")
    one = FIGURE_TABLE_HEADER + "vacancy rate,my team,Anytown,2016,9.5,percent,verified,My council\n"
    live["controls"]["upload"].value = upload_value(one.encode(), "one.csv")
    assert BeautifulSoup(live["upload_message"].value, "html.parser").get_text() == \
        "one.csv: drew 1 figure(s) of 'vacancy rate' on the right-hand scale."
    # a bad file: the message names the file and says nothing changed; the drawn file stays
    before = (list(tr.x), list(tr.y), tr.name)
    live["controls"]["upload"].value = upload_value(b"measure,value\nx,1\n", "bad.csv")
    err = BeautifulSoup(live["upload_message"].value, "html.parser").p
    assert err["class"] == ["swl-error"] and err["role"] == "alert"
    assert "bad.csv" in err.get_text() and err.get_text().endswith("Nothing was changed.")
    assert (list(tr.x), list(tr.y), tr.name) == before


def test_bench_path_cycles_through_every_series():
    paths = F.bench_paths()
    assert list(paths) == ["funding: workforce series"]
    run = paths["funding: workforce series"]
    titles = [run()["layout"]["title.text"] for _ in F.SERIES]
    assert titles == [F.funding_update(k)["layout"]["title.text"] for k in F.SERIES]
