"""The four workforce explorers in the static book, operated from the keyboard in real Chromium.

Fixtures (from tests/conftest.py): ``site_url`` serves the built book (``_build/html``, or ``SWL_SITE_DIR``) on
localhost; ``new_page`` opens a page in Debian's chromium with every non-local request blocked and recorded.
Nothing here skips: a missing browser or book fails with the fix in the message.

For each explorer on the "Explore the workforce data" page: focus its native control (a range input, a
``<select>`` or a radio button), press an arrow key, and check that the plotly figure's data changed
(``page.evaluate`` on the plot div's ``.data``), that the text summary changed with it, and that the new state
agrees with the Python model at that point.
"""

from __future__ import annotations

import json

import pytest

from swleadership import models as m
from tests.conftest import goto

pytestmark = pytest.mark.browser

PAGE = "notebooks/36-explore-workforce-data.html"

FINGERPRINT = """(root) => {
  const gd = document.querySelector(root + ' .js-plotly-plot');
  return JSON.stringify((gd.data || []).map(t => [t.x, t.y, t.visible, t.text]));
}"""


@pytest.fixture
def page(site_url, new_page):
    p = new_page()
    goto(p.page, f"{site_url}/{PAGE}")
    p.page.wait_for_function("() => document.querySelectorAll('.swl-explorer .js-plotly-plot').length >= 6 && "
                             "Array.from(document.querySelectorAll('.swl-explorer .js-plotly-plot')).every(g => g._fullLayout)")
    yield p.page
    assert p.external == [], f"external requests: {p.external}"
    errors = [e for e in p.errors if "THEBE_JS_URL" not in e]  # the theme includes sphinx-thebe's snippet twice
    assert errors == [], f"page errors: {errors}"


def operate(page, root: str, control: str, key: str) -> dict:
    """Focus ``control`` inside explorer ``root``, press ``key``; return data and summary before and after."""
    before = page.evaluate(FINGERPRINT, root)
    summary = page.locator(f"{root} .swl-summary")
    s0 = summary.inner_text()
    state0 = page.locator(f"{root} .js-plotly-plot").get_attribute("data-swl-state")
    page.locator(f"{root} {control}").first.focus()
    page.keyboard.press(key)
    page.wait_for_function(f"(b) => ({FINGERPRINT})({json.dumps(root)}) !== b", arg=before, timeout=5000)
    return {"before": before, "after": page.evaluate(FINGERPRINT, root), "summary0": s0,
            "summary1": summary.inner_text(), "state0": state0,
            "state1": page.locator(f"{root} .js-plotly-plot").get_attribute("data-swl-state")}


def trace_y(page, root: str, i: int):
    return page.evaluate("([root, i]) => Array.from(document.querySelector(root + ' .js-plotly-plot').data[i].y)",
                         [root, i])


def test_page_has_all_four_explorers(page):
    for root in ("#swl-workforce-career-length", "#swl-workforce-gender", "#swl-workforce-pressures",
                 "#swl-workforce-funding"):
        assert page.locator(root).count() == 1, root
    # every native control has a visible label
    for ctl in page.locator(".swl-explorer input, .swl-explorer select").all():
        cid = ctl.get_attribute("id")
        if ctl.get_attribute("type") == "radio":
            assert ctl.evaluate("e => !!e.closest('label') || !!document.querySelector(`label[for='${e.id}']`)")
        else:
            assert page.locator(f"label[for='{cid}']").count() == 1, cid


def test_career_length_range_from_keyboard(page):
    root = "#swl-career-length-rate"
    r = operate(page, root, 'input[type="range"]', "ArrowRight")
    assert r["after"] != r["before"] and r["summary1"] != r["summary0"] and r["state1"] != r["state0"]
    # the slider starts at 12.5% a year (as live); one step right is 13%: the model curve must be (1 - 0.13)^t
    y = trace_y(page, root, 0)
    assert y[8] == pytest.approx(100 * m.survival(0.13, 8), abs=0.05)
    assert "13.0% leave a year" in r["summary1"]  # 1/0.13 = 7.7 years
    assert "13%" in page.locator(f"{root} output").inner_text()


def test_career_length_reverse_from_keyboard(page):
    root = "#swl-career-length-life"
    r = operate(page, root, 'input[type="range"]', "ArrowLeft")
    assert r["after"] != r["before"]
    # 8 years → 7 years: a = 1/7
    assert trace_y(page, root, 0)[1] == pytest.approx(100 * m.survival(1 / 7, 1), abs=0.05)
    assert r["summary1"].startswith("7 years of practice means 14.3% leave a year")  # 1/7 = 14.3%


def test_gender_pipeline_and_shares_from_keyboard(page):
    root = "#swl-gender-pipeline"
    r = operate(page, root, "select", "ArrowDown")  # next comparison: nursing
    assert r["after"] != r["before"] and r["summary1"] != r["summary0"]
    f0 = trace_y(page, root, 0)[0]
    k_steps = len(trace_y(page, root, 0)) - 1
    expect = m.pipeline(f0 / 100, 2, k_steps)
    assert trace_y(page, root, 0) == pytest.approx([round(100 * v, 1) for v in expect], abs=0.05)
    r = operate(page, "#swl-gender-shares", 'input[type="radio"]', "ArrowDown")  # latest → earliest
    assert "earliest" in r["summary1"]
    r = operate(page, "#swl-gender-ethnicity", "select", "ArrowUp")  # 2022 → 2021
    assert "2021" in r["summary1"]


def test_pressures_select_from_keyboard(page):
    root = "#swl-pressures"
    r = operate(page, root, 'select >> nth=1', "ArrowDown")  # England → the first region
    assert r["after"] != r["before"] and r["summary1"] != r["summary0"]
    assert "Region:" in r["summary1"]
    r = operate(page, root, "select", "ArrowDown")  # next measure
    assert r["after"] != r["before"]


def test_funding_select_from_keyboard(page):
    root = "#swl-funding"
    r = operate(page, root, "select", "ArrowDown")
    assert r["after"] != r["before"] and r["summary1"] != r["summary0"]
    assert "turnover rate" in r["summary1"]
