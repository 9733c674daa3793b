"""What every explorer takes from ``swleadership.explorers._base``: its messages and notes as a reader reads
them, the help links (which must land on a section of the help page), uploads, the sources list, patches
applied to a live figure, and the benchmark's timings (on a clock the test controls)."""

from __future__ import annotations

import re

import plotly.graph_objects as go
import pytest
from bs4 import BeautifulSoup

from swleadership._env import REPO_ROOT
from swleadership.explorers import _base as b


def help_page_anchors() -> set[str]:
    """The anchors of the help page's sections, as the book makes them from its headings (MyST slugs)."""
    text = (REPO_ROOT / "book" / "using-the-book.md").read_text(encoding="utf-8")
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-")
            for h in re.findall(r"^#{2,4} (.+)$", text, re.M)}


def test_an_error_keeps_its_lines_and_is_announced():
    html = b.error_html("Row 3: 'abc' is not a number.\nType a number such as 12.5.")
    p = BeautifulSoup(html, "html.parser").p
    assert p["class"] == ["swl-error"] and p["role"] == "alert"
    assert [str(c) for c in p.children] == ["Row 3: 'abc' is not a number.", "<br/>", "Type a number such as 12.5."]
    assert b.error_html("<b>") == '<p class="swl-error" role="alert">&lt;b&gt;</p>'


@pytest.mark.parametrize("book", [True, False])
def test_the_live_note_says_what_the_controls_hold_and_links_to_the_help(monkeypatch, book):
    monkeypatch.setattr("swleadership._html.in_book_build", lambda: book)
    p = BeautifulSoup(b.live_note("leaving rate 1% to 50% in steps of 0.5"), "html.parser").p
    assert p.get_text() == ("The controls switch between prepared views (leaving rate 1% to 50% in steps of 0.5); "
                            "to try your own values, open the chapter live (how).")
    link = p.a
    assert link.get_text() == "how"
    if book:
        page, anchor = link["href"].split("#")
        assert page == "../book/using-the-book.html" and anchor in help_page_anchors(), anchor
    else:
        assert link["href"] == "../book/using-the-book.md"


def test_an_upload_gives_its_bytes_and_file_name():
    # ipywidgets 8: FileUpload.value is a tuple of dicts whose content is a memoryview
    value = ({"name": "my council.csv", "type": "text/csv", "size": 5, "content": memoryview(b"a,b\n1")},)
    assert b.upload_content(value) == (b"a,b\n1", "my council.csv")
    for empty in ((), None):
        with pytest.raises(ValueError) as err:
            b.upload_content(empty)
        assert str(err.value) == "No file was uploaded."


def test_a_bar_pattern_is_white_marks_over_the_bars_colour():
    assert b.pattern("/") == {"shape": "/", **b.PATTERN}
    assert b.pattern("x")["shape"] == "x" and b.PATTERN["fillmode"] == "overlay"


def test_a_patch_reaches_the_traces_and_the_layout():
    fig = go.Figure([go.Scatter(x=[1, 2], y=[1, 1]), go.Bar(x=["a"], y=[3])])
    b.apply_patch(fig, {"traces": {"1": {"y": [7]}, 0: {"y": [2, 3], "name": "England"}},
                        "layout": {"title.text": "New", "yaxis.title.text": "%"}})
    assert list(fig.data[0].y) == [2, 3] and fig.data[0].name == "England"
    assert list(fig.data[1].y) == [7]
    assert fig.layout.title.text == "New" and fig.layout.yaxis.title.text == "%"
    b.apply_patch(fig, {"summary": "only words"})    # a patch without traces or layout changes nothing
    assert list(fig.data[1].y) == [7] and fig.layout.title.text == "New"


def test_a_figure_widget_starts_with_its_first_patch():
    fig = go.Figure([go.Scatter(x=[1, 2], y=[0, 0])])
    fw = b.figure_widget(fig, {"traces": {0: {"y": [4, 5]}}, "layout": {"title.text": "First"}})
    assert isinstance(fw, go.FigureWidget)
    assert list(fw.data[0].y) == [4, 5] and fw.layout.title.text == "First"
    assert list(b.figure_widget(go.Figure([go.Scatter(y=[9])])).data[0].y) == [9]


def test_timings_are_milliseconds_with_median_and_95th_percentile(monkeypatch):
    calls = []

    def fn():
        calls.append(1)

    def clock_for(durations_ms):
        """perf_counter values: each timed run starts a second after the last and lasts its duration."""
        ticks = []
        for k, d in enumerate(durations_ms):
            ticks += [100.0 + k, 100.0 + k + d / 1000]
        return iter(ticks).__next__

    # 20 runs of 1, 2, ... 20 ms (the untimed warm-up reads no clock)
    monkeypatch.setattr(b.time, "perf_counter", clock_for(range(1, 21)))
    out = b.timings(fn, 20)
    assert len(calls) == 21                      # one warm-up, then 20 timed
    assert out["n"] == 20
    assert out["median"] == pytest.approx(10.5)  # (10 + 11) / 2
    assert out["p95"] == pytest.approx(19.0)     # the 19th of the 20 sorted values
    monkeypatch.setattr(b.time, "perf_counter", clock_for([4, 1, 9]))
    assert b.timings(fn, 3) == {"median": pytest.approx(4.0), "p95": pytest.approx(9.0), "n": 3}
    monkeypatch.setattr(b.time, "perf_counter", clock_for([6]))
    assert b.timings(fn, 1) == {"median": pytest.approx(6.0), "p95": pytest.approx(6.0), "n": 1}


@pytest.mark.parametrize("source_id, short", [
    # publisher "Curtis, Moriarty and Netten, British Journal ..." dated 2010: the publisher up to its first comma
    ("curtis2010", "Curtis (2010)"),
    # "Care Appointments (news site)" dated 2011-09: up to the bracket, and the year only
    ("careappointments2011", "Care Appointments (2011)"),
    # "Race Disparity Unit (Ethnicity facts and figures), DfE data" with no date: no year
    ("rdu2017ethnicity", "Race Disparity Unit"),
    ("dfe2021csww", "Department for Education"),
])
def test_a_source_is_named_by_publisher_and_year(source_id, short):
    assert b.source_short(source_id) == short


@pytest.mark.parametrize("book", [True, False])
def test_the_sources_list_names_each_source_once_with_its_link(monkeypatch, book):
    monkeypatch.setattr(b, "in_book_build", lambda: book)
    html = b.sources_html(["curtis2010", "", "thecarer2013", "curtis2010", None], lead="Where the figures come from")
    soup = BeautifulSoup(html, "html.parser")
    box = soup.find(True)
    assert box["class"] == ["swl-sources"]
    heading = "Where the figures come from (all figures from the book's data/ folder)"
    if book:    # a closed box: a reader opens it to check a figure
        assert box.name == "details" and "open" not in box.attrs
        assert box.summary.get_text() == heading
    else:
        assert box.name == "div" and box.p.get_text() == heading + ":" and box.p.strong.get_text() == "Where the figures come from"
    items = box.find_all("li")
    assert [c.name for c in box.ul.children] == ["li", "li"]
    assert [li.get_text() for li in items] == [
        "Curtis L, Moriarty J, Netten A (2010) The expected working life of a social worker. British Journal of "
        "Social Work 40(5):1628-1643 (abstract). Curtis, Moriarty and Netten, British Journal of Social Work "
        "(publication page: PSSRU) (2010) [abstract only]. https://www.pssru.ac.uk/publications/pub-1647/",
        "New report shows drop in adult social services jobs in councils in England (reporting Skills for "
        "Care/HSCIC 'Personal Social Services: Staff of Social Services Departments, England' 2013). The Carer "
        "(news site) (2013) [press report]. https://thecareruk.com/new-report-shows-drop-in-adult-social-"
        "services-jobs-in-councils-in-england/",
    ]
    # the link is the address only (the source's note "(doi:...)" after it is not part of it)
    assert [li.a["href"] for li in items] == ["https://www.pssru.ac.uk/publications/pub-1647/",
                                              "https://thecareruk.com/new-report-shows-drop-in-adult-social-"
                                              "services-jobs-in-councils-in-england/"]


def test_a_source_without_a_publisher_is_named_by_its_id(monkeypatch):
    monkeypatch.setattr(b, "source", lambda sid: {"source_id": "la2024", "publisher": "", "date": "2024-05"})
    assert b.source_short("la2024") == "la2024 (2024)"


def test_a_source_without_date_reading_note_or_web_address(monkeypatch):
    row = {"source_id": "s", "title": "A & B report", "publisher": "Council <x>", "url": "doi:10.1/abc",
           "date": "", "how_read": ""}
    monkeypatch.setattr(b, "source", lambda sid: row)
    monkeypatch.setattr(b, "in_book_build", lambda: True)
    li = BeautifulSoup(b.sources_html(["s"]), "html.parser").li
    assert li.get_text() == "A & B report. Council <x>." and li.a is None
    assert BeautifulSoup(b.sources_html(["s"]), "html.parser").summary.get_text().startswith("Sources (")


def test_a_figures_own_settings_are_laid_over_the_shared_look():
    layout = b.base_layout(title={"text": "Career length"}, margin={"l": 10}, height=500, legend={"y": -0.3})
    assert layout["title"] == {**b.LAYOUT["title"], "text": "Career length"}
    assert layout["margin"] == {**b.LAYOUT["margin"], "l": 10}
    assert layout["legend"] == {**b.LAYOUT["legend"], "y": -0.3}
    assert layout["height"] == 500 and layout["font"] == b.FONT
    assert b.LAYOUT["title"] == {"x": 0, "xanchor": "left", "font": {"size": 15}}, "the shared look is unchanged"
    layout["legend"]["font"]["size"] = 99            # a figure changing its copy changes no other figure
    assert b.base_layout()["legend"]["font"]["size"] == b.LAYOUT["legend"]["font"]["size"] != 99
    assert b.merged({"a": {"b": 1}}, {"a": 2}) == {"a": 2}      # a value that is not a dict replaces the dict
    assert b.merged({"a": 1}, {"a": {"b": 2}}) == {"a": {"b": 2}}


def _luminance(hex_colour: str) -> float:
    r, g, b_ = (int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4))
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b_)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _font_sizes(node, path=""):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "size" and path.endswith("font"):
                yield path, v
            yield from _font_sizes(v, f"{path}.{k}" if path else k)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _font_sizes(v, f"{path}[{i}]")


@pytest.fixture
def every_figure():
    from swleadership.explorers import career, funding, gender, pressures

    return {"career": career.build_figure(with_turnover=True),
            "career, one panel": career.build_figure(with_turnover=False),
            "funding": funding.build_figure(), "shares": gender.shares_figure(),
            "pipeline": gender.pipeline_figure(), "ethnicity": gender.ethnicity_figure(),
            "pressures": pressures.build_figure()}


def test_every_explorer_figure_keeps_the_shared_look(every_figure):
    for name, fig in every_figure.items():
        lay = fig.layout
        assert (lay.title.x, lay.title.xanchor) == (0, "left"), f"{name}: the title starts at the left edge"
        assert lay.title.text and lay.title.font.size > lay.font.size, f"{name}: the title is larger than the text"
        assert (lay.legend.orientation, lay.legend.yanchor) == ("h", "top") and lay.legend.y < 0, \
            f"{name}: the legend is a row under the plot, not over the data"
        assert lay.hoverlabel.namelength == -1, f"{name}: hover labels give whole series names"
        ground = _luminance(lay.paper_bgcolor)
        text = _luminance(lay.font.color)
        assert (max(ground, text) + 0.05) / (min(ground, text) + 0.05) >= 4.5, f"{name}: text contrast"
        small = [(p, s) for p, s in _font_sizes(fig.to_plotly_json()) if s is not None and s < 11]
        assert small == [], f"{name}: text under 11 px: {small}"


def test_every_series_colour_stands_out_from_the_chart_background():
    """WCAG 2.1 1.4.11 (non-text contrast): a line, marker or bar must have 3:1 against what is behind it. The
    charts keep a white background in dark mode too, so the palette is checked against the layout's."""
    from tests._colour import contrast

    for ground in (b.LAYOUT["paper_bgcolor"], b.LAYOUT["plot_bgcolor"]):
        low = {c: round(contrast(c, ground), 2) for c in b.COLOURS if contrast(c, ground) < 3}
        assert not low, f"below 3:1 against {ground}: {low}"
    assert len(set(b.COLOURS)) == len(b.COLOURS)


def test_every_series_name_and_hover_text_reads_as_sentence_case(every_figure):
    """What a reader meets on hovering or in the legend: a capital at the start of each sentence, no shouting."""
    from tests._live import assert_readable

    for name, fig in every_figure.items():
        for tr in fig.data:
            hover = re.sub(r"%\{[^}]*\}", "1", (tr.hovertemplate or "").split("<extra>")[0])
            if hover:
                assert_readable(hover, f"{name}: {tr.name}")
            if tr.name:
                assert_readable(tr.name, f"{name}: legend")


def test_every_legend_sits_in_a_row_just_below_its_plot(every_figure):
    """A horizontal legend under the axes, close enough to stay on the figure (plotly places it y plot-heights
    below the plot, outside the margin if y is far below zero; the browser tier checks nothing is cut off)."""
    for name, fig in every_figure.items():
        legend = fig.layout.legend
        assert legend.orientation == "h" and -0.3 <= legend.y < 0, (name, legend.orientation, legend.y)


def test_nth_takes_a_familys_looks_in_turn_and_starts_again():
    family = [{"line": {"color": "#0072B2"}}, {"line": {"color": "#D55E00"}}, {"line": {"color": "#009E73"}}]
    assert [b.nth(family, i)["line"]["color"] for i in range(5)] == \
        ["#0072B2", "#D55E00", "#009E73", "#0072B2", "#D55E00"]
    look = b.nth(family, 1)
    look["line"]["color"] = "#000000"       # a figure changing its copy changes no declared look
    assert family[1] == {"line": {"color": "#D55E00"}}
