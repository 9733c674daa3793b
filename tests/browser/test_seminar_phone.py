"""A seminar pack's plan on a phone (390×844), in light and dark mode (issue 15): no sideways scrolling, each
activity a card whose cells say what they are, and no colour-contrast failure."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from swleadership.seminars import PACKS, plan_rows
from tests.browser.test_theme import set_mode

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize("slug", list(PACKS))
def test_the_plan_reads_on_a_phone_without_sideways_scrolling(site_url, new_page, slug, mode):
    p = new_page()
    set_mode(p, mode)
    page = p.page
    page.set_viewport_size(PHONE)
    page.goto(f"{site_url}/book/seminars/{slug}.html", wait_until="load")
    assert page.evaluate("document.documentElement.dataset.theme") == mode
    plan = page.locator("#the-two-hour-plan")
    plan.scroll_into_view_if_needed()
    shown = page.evaluate("""() => {
        const s = document.querySelector('#the-two-hour-plan'), t = s.querySelector('table');
        const scrollers = [...s.querySelectorAll('*')].filter(e => e.clientWidth > 1 && e.scrollWidth > e.clientWidth + 1
            && getComputedStyle(e).overflowX !== 'visible');
        const rows = [...t.querySelectorAll('tbody tr')];
        const right = Math.max(...[...s.querySelectorAll('td')].map(td => td.getBoundingClientRect().right));
        const before = rows.map(r => [3, 4].map(i => r.children[i - 1] ?
            getComputedStyle(r.children[i - 1], '::before').content : ''));
        return {page: document.scrollingElement.scrollWidth, width: innerWidth, scrollers: scrollers.length,
                rows: rows.length, right: right, before: before,
                display: getComputedStyle(rows[0]).display};
    }""")
    assert shown["page"] <= shown["width"], "the page scrolls sideways"
    assert shown["scrollers"] == 0, "something in the plan scrolls sideways"
    assert shown["right"] <= shown["width"], "a cell of the plan runs off the screen"
    assert shown["display"] == "block", "each activity is a card"
    text = (PACKS[slug].path).read_text(encoding="utf-8")
    assert shown["rows"] == len(plan_rows(text))
    assert all(b == ['"In the room: "', '"Without devices: "'] for b in shown["before"])
    result = Axe().run(page, context="#the-two-hour-plan",
                       options={"runOnly": {"type": "rule", "values": ["color-contrast"]}})
    bad = [n["target"] for v in result.response["violations"] for n in v["nodes"]]
    assert bad == [], f"{slug} ({mode}): colour-contrast failures {bad[:10]}"
    assert p.errors == []


def test_on_a_wide_screen_the_plan_stays_a_table(site_url, new_page):
    page = new_page().page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site_url}/book/seminars/health.html", wait_until="load")
    assert page.evaluate("getComputedStyle(document.querySelector('#the-two-hour-plan tbody tr')).display") == \
        "table-row"
