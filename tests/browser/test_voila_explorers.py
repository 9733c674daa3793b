"""The four workforce explorers in their projector views (``make app``), operated from the keyboard in real
Chromium.

Fixtures (from tests/conftest.py): ``voila_url(notebook)`` starts one Voilà server on ``notebooks/views/`` (as
``make app`` does, without ``SWL_BOOK_BUILD``, so the explorers show their live ipywidgets face) and gives a
view's URL. Nothing here skips.

Each test changes one control with the keyboard and waits for a figure title that only the explorer's Python
callback writes (the live figure is patched inside ``batch_update()`` in the kernel and sent to the browser): the
browser cannot produce that text by itself, so seeing it proves the callback ran.
"""

from __future__ import annotations

import pytest

from swleadership.voila_bench import DRAWN_JS, VIEWPORT

pytestmark = pytest.mark.browser


@pytest.fixture
def view(browser, voila_url):
    """Open a projector view; returns the page (with its browser errors in ``page.swl_errors``)."""
    contexts = []

    def open_view(notebook: str):
        context = browser.new_context(viewport=VIEWPORT)
        contexts.append(context)
        page = context.new_page()
        page.swl_errors = []
        page.on("pageerror", lambda e: page.swl_errors.append(str(e)))
        page.goto(voila_url(notebook), wait_until="domcontentloaded", timeout=120_000)
        page.wait_for_function(DRAWN_JS, timeout=120_000)
        page.wait_for_timeout(500)
        return page

    yield open_view
    for c in contexts:
        c.close()


def title(page) -> str:
    return page.locator(".swl-projector .js-plotly-plot .gtitle").first.text_content()


def wait_title(page, text: str, timeout: int = 30_000) -> None:
    try:
        page.wait_for_function(
            "(text) => { const t = document.querySelector('.swl-projector .js-plotly-plot .gtitle');"
            " return !!t && t.textContent.includes(text); }", arg=text, timeout=timeout)
    except Exception:
        raise AssertionError(f"title {text!r} not seen; title is {title(page)!r}") from None


def test_career_length_slider_typed_rate_and_bad_value(view):
    page = view("01-career-length.ipynb")
    assert "Leaving rate 12.5% a year" in title(page)
    page.locator(".widget-slider .noUi-handle").first.focus()
    page.keyboard.press("ArrowRight")  # 12.5% → 13.0%; 1/0.13 = 7.7 years
    wait_title(page, "Leaving rate 13.0% a year → expected working life 7.7 years")
    box = page.locator(".widget-text input").first  # "…or type a leaving rate (%)"
    box.focus()
    page.keyboard.type("25")
    page.keyboard.press("Enter")
    wait_title(page, "Leaving rate 25.0% a year → expected working life 4.0 years")
    box.fill("")
    box.focus()
    page.keyboard.type("150")
    page.keyboard.press("Enter")
    page.wait_for_selector(".swl-error", timeout=15_000)
    assert "at most 100%" in page.locator(".swl-error").first.inner_text()
    assert "25.0% a year" in title(page), "a bad value keeps the last good figure"
    assert page.swl_errors == []


def test_gender_radio_runs_the_callback(view):
    page = view("02-gender-and-leadership.ipynb")
    assert "(latest figures)" in title(page)
    page.locator(".widget-radio-box input").first.focus()
    page.keyboard.press("ArrowDown")  # latest → earliest
    wait_title(page, "(earliest figures)")
    assert page.swl_errors == []


def test_pressures_dropdown_runs_the_callback(view):
    page = view("03-workforce-pressures.ipynb")
    assert title(page).startswith("Turnover rate (FTE): England")
    page.locator(".widget-dropdown select").first.focus()
    page.keyboard.press("ArrowDown")  # turnover → vacancy rate
    wait_title(page, "Vacancy rate (FTE): England")
    assert page.swl_errors == []


def test_funding_dropdown_runs_the_callback(view):
    page = view("04-funding-and-demand.ipynb")
    assert "adult social worker numbers" in title(page)
    page.locator(".widget-dropdown select").first.focus()
    page.keyboard.press("ArrowDown")
    wait_title(page, "adult social worker turnover")
    assert page.swl_errors == []
