"""Page gates in real Chromium, over every page of the built book.

For every page: no request to any other host (all are blocked and recorded), no JavaScript error from the book's
own code, axe-core finds no serious or critical violation, and the page has a language, a title, a main landmark
and a visible h1. For every explorer: its native controls change the figure from the keyboard, and no figure
relies on plotly's own sliders or menus (which the keyboard cannot reach).
"""

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from swleadership.site import content_pages
from tests.conftest import SITE, goto

pytestmark = pytest.mark.browser

PAGES = [str(p.relative_to(SITE)) for p in content_pages(SITE)] if SITE.is_dir() else []
# Errors that come from the theme, not the book (sphinx-thebe includes its snippet twice on every page).
KNOWN_THEME_ERRORS = ("THEBE_JS_URL",)


# A word or number in running text must sit on its line like the words around it: an inline element whose box is
# taller than 1.5 lines, or that has a border, covers the line above or below (as a box style meant for figures
# did to every number in the prose). Maths, code, keyboard keys and form controls are left out.
TALLER_THAN_THE_LINE = """() => {
  const out = [];
  for (const el of document.querySelectorAll('main p span, main li span, main td span')) {
    if (el.closest('mjx-container, .math, code, kbd, .swl-controls, button, label')) continue;
    const cs = getComputedStyle(el);
    if (cs.display !== 'inline' || el.getClientRects().length !== 1) continue;
    const line = parseFloat(getComputedStyle(el.parentElement).lineHeight) || 1.5 * parseFloat(cs.fontSize);
    const h = el.getBoundingClientRect().height;
    if (h > 1.5 * line || parseFloat(cs.borderTopWidth) > 0 || parseFloat(cs.paddingTop) > 4)
      out.push(el.className + ': ' + el.textContent.slice(0, 30));
  }
  return out.slice(0, 5);
}"""


def test_the_site_has_pages(site_dir):
    assert len(PAGES) >= 10, f"only {len(PAGES)} pages found in {site_dir}"


@pytest.mark.parametrize("rel", PAGES)
def test_page_gates(rel, site_url, new_page):
    p = new_page()
    page = p.page
    goto(page, f"{site_url}/{rel}")
    assert p.external == [], f"{rel} asked another host for: {p.external}"
    errors = [e for e in p.errors if not any(k in e for k in KNOWN_THEME_ERRORS)]
    assert errors == [], f"{rel}: JavaScript errors {errors}"
    assert page.evaluate("document.documentElement.lang"), "no lang attribute"
    assert page.title().strip(), "no <title>"
    assert page.locator("main").count() >= 1, "no main landmark"
    h1 = page.locator("main h1:visible")
    assert h1.count() >= 1, "no visible h1 in main"
    tall = page.evaluate(TALLER_THAN_THE_LINE)
    assert tall == [], f"{rel}: words in the text stand out of their line (a box, border or padding): {tall}"
    results = Axe().run(page)
    bad = [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert bad == [], f"{rel}: axe violations {bad}"


def _state(page, gd_sel):
    """Everything the figure shows: its traces and its layout, as the page holds them."""
    return page.evaluate(
        f"""() => {{ const gd = document.querySelector({json.dumps(gd_sel)});
        return JSON.stringify([gd.data, gd.layout]); }}"""
    )


EXPLORER_PAGES = [r for r in PAGES if "data-swl=\"explorer\"" in (SITE / r).read_text(encoding="utf-8")] if PAGES else []


def test_there_are_explorer_pages():
    assert len(EXPLORER_PAGES) >= 5, EXPLORER_PAGES


@pytest.mark.parametrize("rel", EXPLORER_PAGES)
def test_every_explorer_control_changes_its_figure_from_the_keyboard(rel, site_url, new_page):
    page = new_page().page
    goto(page, f"{site_url}/{rel}")
    explorers = page.locator('[data-swl="explorer"]')
    assert explorers.count() >= 1
    for n in range(explorers.count()):
        ex = explorers.nth(n)
        ex_id = ex.get_attribute("id")
        gd = f"#{ex_id} .plotly-graph-div"
        sliders = page.evaluate(f"(() => {{ const l = document.querySelector('{gd}').layout; "
                                "return (l.sliders || []).length + (l.updatemenus || []).length; })()")
        assert sliders == 0, f"{ex_id}: uses plotly's own sliders/menus, which the keyboard cannot reach"
        controls = ex.locator(".swl-control")
        assert controls.count() >= 1
        for k in range(controls.count()):
            ctl = controls.nth(k)
            kind = ctl.get_attribute("data-kind")
            field = ctl.locator("input:checked" if kind == "radio" else "input, select").first
            before = _state(page, gd)
            summary_before = ex.locator(".swl-summary").inner_text()
            field.focus()
            if kind == "range":
                at_max = field.evaluate("e => e.value === e.max")
                page.keyboard.press("ArrowLeft" if at_max else "ArrowRight")
            elif kind == "select":
                at_end = field.evaluate("e => e.selectedIndex === e.options.length - 1")
                page.keyboard.press("ArrowUp" if at_end else "ArrowDown")
            elif kind == "checkbox":
                page.keyboard.press("Space")
            elif kind == "radio":
                page.keyboard.press("ArrowRight")
            page.wait_for_timeout(150)
            after = _state(page, gd)
            summary_after = ex.locator(".swl-summary").inner_text()
            assert (after != before) or (summary_after != summary_before), (
                f"{rel} #{ex_id}: the {kind} control '{ctl.inner_text()[:40]}' did not change the figure"
            )
            assert after != before, f"{rel} #{ex_id}: the {kind} control changed only the text, not the figure"
