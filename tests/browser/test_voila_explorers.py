"""The four workforce explorers in Voilà (``make app``), operated from the keyboard in real Chromium.

Fixtures (from tests/conftest.py): ``voila_url(notebook)`` starts one Voilà server on ``notebooks/`` (without
``SWL_BOOK_BUILD``, so the explorers show their live ipywidgets face) and gives a notebook's URL; ``new_page``
opens a page in Debian's chromium with non-local requests blocked and recorded (Voilà's template asks a CDN for
two FontAwesome stylesheets; the widgets work without them, so external requests are not asserted here).
Nothing here skips.

Each test changes one control with the keyboard and waits for a figure title that only the explorer's Python
callback writes (the ``go.FigureWidget`` is updated inside ``batch_update()`` in the kernel): the browser cannot
produce that text by itself, so seeing it proves the callback ran.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

NOTEBOOK = "36-explore-workforce-data.ipynb"


@pytest.fixture(scope="module")
def app(browser, voila_url):
    """One Voilà page for the module (rendering four explorers takes a few seconds)."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(voila_url(NOTEBOOK), wait_until="domcontentloaded", timeout=120_000)
    for cls in ("swl-career-explorer", "swl-gender-explorer", "swl-pressures-explorer", "swl-funding-explorer"):
        page.wait_for_selector(f".{cls} .js-plotly-plot .gtitle", timeout=120_000)
    # Voilà renders outputs while the kernel is still running later cells; the quiz comes after the four
    # explorers, so once its questions are there the kernel is (nearly) free to answer the widgets' messages.
    page.wait_for_function("() => document.querySelectorAll('[data-swl=\"question\"]').length >= 3",
                           timeout=120_000)
    page.wait_for_timeout(1000)
    page.swl_errors = errors
    yield page
    context.close()


def title(page, cls: str, nth: int = 0) -> str:
    return page.locator(f".{cls} .js-plotly-plot .gtitle").nth(nth).text_content()


def wait_title(page, cls: str, text: str, nth: int = 0, timeout: int = 30_000) -> None:
    try:
        page.wait_for_function(
            "([cls, nth, text]) => { const t = document.querySelectorAll('.' + cls + ' .js-plotly-plot .gtitle')[nth];"
            " return !!t && t.textContent.includes(text); }",
            arg=[cls, nth, text], timeout=timeout)
    except Exception:
        summary = page.locator(f".{cls} .swl-summary").all_inner_texts()
        titles = page.locator(f".{cls} .js-plotly-plot .gtitle").all_text_contents()
        raise AssertionError(f"title {text!r} not seen; titles {titles}; summaries {summary}") from None


def test_no_code_and_no_traceback(app):
    assert app.locator(".jp-InputArea-editor, .CodeMirror, .cm-editor").count() == 0, "Voilà must not show code"
    assert "Traceback" not in app.locator("body").inner_text()


def test_career_length_slider_runs_the_callback(app):
    cls = "swl-career-explorer"
    assert "Leaving rate 12.5% a year" in title(app, cls)
    app.locator(f".{cls} .widget-slider .noUi-handle").first.focus()
    app.keyboard.press("ArrowRight")  # 12.5% → 13.0%; 1/0.13 = 7.7 years
    wait_title(app, cls, "Leaving rate 13.0% a year → expected working life 7.7 years")


def test_career_length_typed_rate_and_bad_value(app):
    cls = "swl-career-explorer"
    box = app.locator(f".{cls} .widget-text input").first  # "…or type a leaving rate (%)"
    box.focus()
    app.keyboard.type("25")
    app.keyboard.press("Enter")
    wait_title(app, cls, "Leaving rate 25.0% a year → expected working life 4.0 years")
    box.fill("")
    box.focus()
    app.keyboard.type("150")
    app.keyboard.press("Enter")
    app.wait_for_selector(f".{cls} .swl-error", timeout=15_000)
    assert "at most 100%" in app.locator(f".{cls} .swl-error").first.inner_text()
    assert "25.0% a year" in title(app, cls), "a bad value keeps the last good figure"


def test_gender_radio_runs_the_callback(app):
    cls = "swl-gender-explorer"
    assert "(latest figures)" in title(app, cls, 0)
    app.locator(f".{cls} .widget-radio-box input").first.focus()
    app.keyboard.press("ArrowDown")  # latest → earliest
    wait_title(app, cls, "(earliest figures)", 0)


def test_gender_pipeline_slider_runs_the_callback(app):
    cls = "swl-gender-explorer"
    # sliders in the gender explorer: f0, r, k (in that order); k from 3 to 4
    app.locator(f".{cls} .widget-slider .noUi-handle").nth(2).focus()
    app.keyboard.press("ArrowRight")
    wait_title(app, cls, "k = 4 →", 1)


def test_pressures_dropdown_runs_the_callback(app):
    cls = "swl-pressures-explorer"
    assert title(app, cls).startswith("Turnover rate (FTE): England")
    app.locator(f".{cls} .widget-dropdown select").first.focus()
    app.keyboard.press("ArrowDown")  # turnover → vacancy rate
    wait_title(app, cls, "Vacancy rate (FTE): England")


def test_funding_dropdown_runs_the_callback(app):
    cls = "swl-funding-explorer"
    assert "adult social worker numbers" in title(app, cls)
    app.locator(f".{cls} .widget-dropdown select").first.focus()
    app.keyboard.press("ArrowDown")
    wait_title(app, cls, "adult social worker turnover")


def test_no_page_errors(app):
    """Runs last: nothing the explorers did raised in the browser."""
    assert app.swl_errors == []
