"""Workforce pressures in the static book: every local authority, found by typing, drawn in the browser.

The page carries the area table once and computes the traces, the summary and the data table in the browser
(swleadership/explorers/areas.js). These tests drive it in real Chromium and compare what it draws with the Python
model (``pressures_update``) for many areas and every measure: a swapped series, a flipped sign or a control that is
ignored shows up as a difference.
"""

from __future__ import annotations

import pytest

from swleadership import data as sd
from swleadership.explorers import pressures as P
from tests.conftest import goto

pytestmark = pytest.mark.browser

PAGES = ["notebooks/36-explore-workforce-data.html", "notebooks/33-recruitment-retention.html"]
ROOT = "#swl-pressures"


@pytest.fixture
def page(site_url, new_page):
    p = new_page()
    goto(p.page, f"{site_url}/{PAGES[0]}")
    p.page.wait_for_selector(f"{ROOT}[data-drawn]", timeout=30_000)
    yield p.page
    assert p.external == [], f"external requests: {p.external}"
    assert [e for e in p.errors if "THEBE_JS_URL" not in e] == []


def drawn(page) -> dict:
    return page.evaluate(f"""() => {{
        const r = document.querySelector('{ROOT}'), gd = r.querySelector('.js-plotly-plot');
        return {{drawn: r.getAttribute('data-drawn'), y: gd.data.map(t => Array.from(t.y || [])),
                 visible: gd.data.map(t => t.visible), title: gd.layout.title.text,
                 summary: r.querySelector('.swl-summary').textContent,
                 notes: r.querySelector('.swl-areas-notes').textContent,
                 table: r.querySelector('.swl-areas-table caption').textContent,
                 status: r.querySelector('.swl-areas-status').textContent}};
    }}""")


def type_area(page, text: str, expect: str) -> dict:
    find = page.locator(f"{ROOT} .swl-areas-find")
    find.fill("")
    find.focus()
    page.keyboard.type(text)
    page.wait_for_function(f"document.querySelector('{ROOT}').getAttribute('data-drawn').endsWith('|{expect}')",
                           timeout=20_000)
    return drawn(page)


def test_every_area_is_offered_grouped_by_region(page):
    ids = page.evaluate(f"document.querySelector('{ROOT}').swlAreas.ids")
    assert set(ids) == set(P.series_index())
    las = [i for i in ids if i.startswith("la:")]
    assert len(las) >= 150
    groups = page.eval_on_selector_all(f"{ROOT} .swl-areas-area optgroup", "gs => gs.map(g => g.label)")
    assert groups[0] == "England and regions" and "West Midlands" in groups and "Inner London" in groups


def test_typing_part_of_a_name_picks_the_authority_and_redraws(page):
    d = type_area(page, "birm", "la:Birmingham")
    want = P.pressures_update("turnover_rate_fte", "la:Birmingham", short=True)
    assert d["summary"] == want["summary"]
    for i, tr in want["traces"].items():
        if "y" in tr:
            assert d["y"][i] == pytest.approx(tr["y"]), i
    assert d["y"][P.T_AREA] != d["y"][P.T_ENG]  # the area, not England, in the area's trace
    assert d["title"] == "Turnover rate (FTE): Birmingham (West Midlands)"
    assert "1 area matches" in d["status"] and "Birmingham" in d["status"]
    assert d["table"].startswith("Birmingham")
    # the measure control follows too, and a DfE symbol is a gap, never a zero
    page.select_option(f"{ROOT} .swl-areas-measure", "caseload_fte")
    page.wait_for_function(f"document.querySelector('{ROOT}').getAttribute('data-drawn') === 'caseload_fte|la:Birmingham'",
                           timeout=20_000)
    d = drawn(page)
    years = list(P.years())
    assert d["y"][P.T_AREA][years.index(2024)] is None
    assert "Gaps, not zeros: 2024 (u: low reliability)" in d["summary"]


def test_reorganised_and_combined_areas_carry_their_notes(page):
    d = type_area(page, "cumbria", next(s for s in P.series_index() if s.startswith("la:Cumbria")))
    assert "Cumberland" in d["notes"] and "Westmorland" in d["notes"]
    assert "area not in the data that year" in d["summary"]
    d = type_area(page, "richmond", "la:Kingston upon Thames / Richmond upon Thames")
    assert "one combined row" in d["notes"]
    d = type_area(page, "northampt", next(s for s in P.series_index() if s.startswith("la:Northamptonshire")))
    assert "North Northamptonshire" in d["notes"] and "2017–2020 only" in d["status"]


def test_no_match_says_so_and_keeps_the_figure(page):
    before = drawn(page)
    find = page.locator(f"{ROOT} .swl-areas-find")
    find.focus()
    page.keyboard.type("zzqx")
    page.wait_for_function(f"document.querySelector('{ROOT} .swl-areas-status').textContent.includes('No area matches')",
                           timeout=20_000)
    after = drawn(page)
    assert after["y"] == before["y"] and after["drawn"] == before["drawn"]


def test_browser_and_python_agree_for_many_areas_and_every_measure(page):
    """The in-browser computation against the Python model: every measure, every eighth area and all regions."""
    ids = list(P.series_index())
    sample = [i for i in ids if not i.startswith("la:")] + [i for i in ids if i.startswith("la:")][::8]
    got = page.evaluate(f"""(pairs) => {{
        const S = document.querySelector('{ROOT}').swlAreas.state;
        return pairs.map(([m, a]) => S(m, a));
    }}""", [[m, a] for m in P.MEASURES for a in sample])
    k = 0
    for m in P.MEASURES:
        for a in sample:
            want, g = P.pressures_update(m, a, short=True), got[k]
            k += 1
            assert g["summary"] == want["summary"], (m, a)
            for i, tr in want["traces"].items():
                for key in ("y", "visible"):
                    if key in tr:
                        assert g["traces"][str(i)][key] == (pytest.approx(tr[key]) if key == "y" else tr[key]), (m, a, i)
            for key, value in want["layout"].items():
                assert g["layout"][key] == value, (m, a, key)


def test_chapter_33_has_the_same_explorer(site_url, new_page):
    p = new_page()
    goto(p.page, f"{site_url}/{PAGES[1]}")
    p.page.wait_for_selector(f"{ROOT}[data-drawn]", timeout=30_000)
    assert p.page.evaluate(f"document.querySelector('{ROOT}').swlAreas.ids.length") == len(P.series_index())
    assert p.errors == [] or all("THEBE_JS_URL" in e for e in p.errors)


def test_the_page_carries_the_latest_year_of_the_data(page):
    first, last = sd.indicators_years()
    d = drawn(page)
    assert len(d["y"][P.T_ENG]) == last - first + 1
