"""An explorer shown again on a second page (``notes_in``): what the reader of that page gets.

Chapter 36 shows the four workforce explorers again. There the controls, figure, readout, text alternative and
data tables stay; the notes, assumptions and sources stay in the chapter that teaches the explorer, and a line
at the top links to it by that chapter's title. These tests read the HTML the book puts on the page.
"""

from __future__ import annotations

import json
import warnings

import pytest
from bs4 import BeautifulSoup

from swleadership import explorers
from swleadership._env import REPO_ROOT
from swleadership.explorers import _base

# (factory, chapter that teaches it, the words chapter 36 uses): as in notebooks/36-explore-workforce-data.ipynb
SHOWN_AGAIN = [
    ("career_length_explorer", "33-recruitment-retention", "The career-length model"),
    ("gender_explorer", "35-status-values-gender", "The gender and diversity explorer"),
    ("pressures_explorer", "33-recruitment-retention", "The workforce pressures explorer"),
    ("funding_explorer", "34-budgets-demand", "The funding and demand explorer"),
]


def chapter_heading(chapter: str) -> str:
    """The chapter's title as its notebook's first heading says it."""
    nb = json.loads((REPO_ROOT / "notebooks" / f"{chapter}.ipynb").read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            for line in "".join(cell["source"]).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    raise AssertionError(f"{chapter}: no title heading")


class Built:
    """An explorer whose static face was built once (building it is the slow part). Each test runs
    ``notes_in(...).static_html()`` itself, so mutmut credits that code to every test that checks it."""

    def __init__(self, explorer):
        self.explorer, self.html = explorer, explorer.static_html()

    def static_html(self):
        return self.html


@pytest.fixture(scope="module")
def built():
    return {factory: Built(getattr(explorers, factory)()) for factory, _, _ in SHOWN_AGAIN}


@pytest.fixture(params=SHOWN_AGAIN, ids=[s[0] for s in SHOWN_AGAIN])
def shown(request, built):
    factory, chapter, what = request.param
    ex = built[factory]
    first = BeautifulSoup(ex.html, "html.parser")
    with warnings.catch_warnings():
        warnings.simplefilter("error")    # a warning would print on the book's page, under the explorer
        again = BeautifulSoup(_base.NotesElsewhere(ex, chapter, what).static_html(), "html.parser")
    return ex, chapter, what, first, again


def test_the_first_line_links_to_the_teaching_chapter_by_its_title(shown):
    ex, chapter, what, first, again = shown
    root = again.find(class_="swl-workforce")
    assert root is not None and root.get("id") == first.find(class_="swl-workforce")["id"]
    line = root.find(True)   # the first element inside the explorer
    assert line.name == "p" and line.get("class") == ["swl-note"]
    title = chapter_heading(chapter)
    assert line.get_text() == f"{what}: its assumptions, how to read it and its sources are in {title}."
    link = line.find("a")
    assert link.get_text() == title
    assert link["href"] == f"{chapter}.html#{root['id']}"


def test_notes_and_sources_stay_in_the_teaching_chapter(shown):
    ex, chapter, what, first, again = shown
    assert first.select(".swl-sources") and not again.select(".swl-sources")
    assert first.select(".swl-notes")
    kept = {"swl-areas-status", "swl-areas-notes"}
    for cls in ("swl-notes", "swl-note"):
        left = [el for el in again.select(f".{cls}") if not kept & set(el.get("class"))]
        if cls == "swl-note":
            assert [el.get_text()[: len(what)] for el in left] == [what]   # only the new line
        else:
            assert left == []
    # the parts the page's script writes into as the controls change stay, whatever else they are
    for cls in sorted(kept):
        assert len(again.select(f".{cls}")) == len(first.select(f".{cls}"))


def test_data_tables_stay_and_other_panels_go(shown):
    ex, chapter, what, first, again = shown
    def summaries(soup):
        return [d.summary.get_text() for d in soup.find_all("details")]

    before, after = summaries(first), summaries(again)
    assert any(not s.startswith("Data table") for s in before), "the first face has notes panels to drop"
    tables = [s for s in before if s.startswith("Data table")]
    assert tables, "every explorer has a data table"
    assert [s for s in after if s != "The figure in words"] == tables
    assert len(again.select("table.swl-table")) == len(first.select("table.swl-table"))


def test_the_text_alternative_folds_into_the_figure_in_words(shown):
    ex, chapter, what, first, again = shown
    alts = [cap.get_text() for cap in first.select("figcaption.swl-alt")]
    assert alts
    caps = again.select("figcaption.swl-alt")
    assert len(caps) == len(alts)
    for cap, alt in zip(caps, alts, strict=True):
        box = cap.find("details")
        assert [c.name for c in cap.children] == ["details"]
        assert box.summary.get_text() == "The figure in words"
        assert box.find("p").get_text() == alt


def test_controls_figures_and_readouts_are_the_same(shown):
    ex, chapter, what, first, again = shown
    for sel in ("input", "select", "option", "output", "label", ".plotly-graph-div", ".swl-summary",
                "script"):
        a = [(el.get("id"), el.get("value"), el.get_text()) for el in first.select(sel)]
        b = [(el.get("id"), el.get("value"), el.get_text()) for el in again.select(sel)]
        assert a == b, sel


def test_names_are_escaped_in_the_line():
    ex = explorers.career_length_explorer()
    again = ex.notes_in("33-recruitment-retention", 'Pay & "conditions" <model>')
    assert (again.explorer, again.chapter) == (ex, "33-recruitment-retention")
    html = again.static_html()
    line = BeautifulSoup(html, "html.parser").find(class_="swl-workforce").find("p")
    assert line.get_text().startswith('Pay & "conditions" <model>: its assumptions')
    assert line.find("model") is None


def test_an_explorer_without_its_wrapper_gets_the_line_at_the_top(monkeypatch):
    class Bare:
        def static_html(self):
            return ('<figure class="swl-explorer" id="x"><p class="swl-notes">drop me</p>'
                    '<figcaption class="swl-alt">A line chart.</figcaption></figure>')

    monkeypatch.setattr("swleadership.teaching.load_activities", lambda chapter: {})
    soup = BeautifulSoup(_base.NotesElsewhere(Bare(), "99-no-such", "It").static_html(), "html.parser")
    first = soup.find(True)
    assert first.name == "p" and first.get_text() == "It: its assumptions, how to read it and its sources are in 99-no-such."
    assert first.find("a")["href"] == "99-no-such.html#"
    assert "drop me" not in soup.get_text()
    assert soup.select_one("figcaption details p").get_text() == "A line chart."


def test_displayed_as_html_in_the_book_and_live_elsewhere(monkeypatch):
    shown_objects = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown_objects.append(obj))
    ex = explorers.funding_explorer()
    again = ex.notes_in("34-budgets-demand", "The funding and demand explorer")
    monkeypatch.setattr(_base, "in_book_build", lambda: True)
    again._ipython_display_()
    assert shown_objects[-1].data == again.static_html()
    monkeypatch.setattr(_base, "in_book_build", lambda: False)
    sentinel = object()
    monkeypatch.setattr(ex, "live", lambda: sentinel)
    again._ipython_display_()
    assert shown_objects[-1] is sentinel
    assert again.live() is sentinel


def test_an_explorer_printed_says_how_to_see_it():
    assert repr(explorers.career_length_explorer()) == \
        "<CareerLengthExplorer id='career-length': display it in a notebook>"
    assert repr(explorers.funding_explorer(id="mine")) == "<FundingExplorer id='mine': display it in a notebook>"
