"""Printing a chapter from the browser (Chromium's print-to-PDF), in light and in dark mode.

The printout holds the text and the figures in their current state (an explorer the reader changed prints
changed), without the sidebars, the toolbar, plotly's mode bar or the controls' buttons. A solution the reader
opened prints; one left closed does not. Text is read back from the PDF with ``pdftotext`` (poppler-utils).
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests.browser.test_theme import set_mode
from tests.conftest import goto

pytestmark = pytest.mark.browser

CHAPTER = "notebooks/36-explore-workforce-data.html"


def words(text: str) -> str:
    """Text as a run of lower-case words, so line breaks and hyphenation in the PDF do not matter."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def pdf_text(pdf: bytes, tmp_path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: install it with `apt-get install poppler-utils` (make test does).")
    path = tmp_path / "chapter.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True, timeout=120).stdout


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_printing_a_chapter(mode, site_url, new_page, tmp_path):
    p = new_page()
    set_mode(p, mode)
    page = p.page
    page.set_viewport_size({"width": 1366, "height": 768})
    goto(page, f"{site_url}/{CHAPTER}")
    main = page.locator("main").inner_text()

    # The reader opens one solution and leaves another closed (two whose first paragraph is prose, not maths).
    solutions = page.locator(".solution.dropdown")
    prose = [n for n in range(solutions.count()) if solutions.nth(n).locator(
        "section > p").first.evaluate("e => !e.querySelector('mjx-container, .math') && e.textContent.length > 60")]
    assert len(prose) >= 2, "the chapter needs two solutions that open with prose"
    solutions.nth(prose[0]).locator(":scope > .admonition-title").click()  # not a box nested in the solution
    page.wait_for_timeout(300)
    opened = solutions.nth(prose[0]).locator("section > p").first.inner_text()
    closed = solutions.nth(prose[1]).locator("section > p").first.text_content()

    # The reader moves the first explorer's first control: the printout shows the figure in this new state.
    explorer = page.locator('[data-swl="explorer"]').first
    summary_before = explorer.locator(".swl-summary").inner_text()
    field = explorer.locator(".swl-control").first.locator("input, select").first
    field.focus()
    page.keyboard.press("ArrowRight" if field.evaluate("e => e.tagName") == "INPUT" else "ArrowDown")
    page.wait_for_timeout(300)
    summary_after = explorer.locator(".swl-summary").inner_text()
    assert summary_after != summary_before
    axis_title = explorer.evaluate("e => e.querySelector('.js-plotly-plot')._fullLayout.xaxis.title.text")
    assert axis_title

    # What only the page's chrome says: sidebar links that are not in the chapter's text, and button labels.
    nav = page.locator(".bd-sidebar-primary a").all_inner_texts()
    chrome = [t.strip() for t in nav if t.strip() and words(t) not in words(main)][:12]
    assert len(chrome) >= 5, chrome
    buttons = {t.strip() for t in page.locator("main button").all_inner_texts() if len(t.strip()) > 4}
    assert any("Check" in b for b in buttons), buttons

    page.evaluate("window.__printed = []; addEventListener('beforeprint', () => __printed.push("
                  "Array.from(document.querySelectorAll('.js-plotly-plot')).map(gd => gd._fullLayout.paper_bgcolor)))")
    pdf = page.pdf(format="A4", print_background=False)
    (tmp_path / f"printout-{mode}.pdf").write_bytes(pdf)
    text = words(pdf_text(pdf, tmp_path))

    assert words(main.split("\n")[0]) in text, "the chapter's title is not in the printout"
    assert words(axis_title) in text, f"the figure's axis title {axis_title!r} is not in the printout"
    assert words(summary_after) in text, "the explorer's current state is not in the printout"
    assert words(summary_before) not in text, "the printout shows the explorer's old state"
    assert words(opened)[:80] in text, "the solution the reader opened is not in the printout"
    assert words(closed)[:80] not in text, "a closed solution was printed"
    assert [c for c in chrome if words(c) in text] == [], "the sidebar was printed"
    assert [b for b in buttons if words(b) in text and words(b) not in words(main.replace(b, ""))] == [], (
        "buttons were printed")

    page.emulate_media(media="print")
    for sel in (".bd-sidebar-primary", ".bd-header", ".bd-sidebar-secondary", ".modebar-container", ".swl-check",
                "button.toggle-button"):
        shown = page.locator(sel).evaluate_all("els => els.filter(e => e.checkVisibility()).length")
        assert shown == 0, f"{sel} is visible in print"
