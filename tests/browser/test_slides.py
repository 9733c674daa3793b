"""The seminar packs' slides (issue 15): offline in Chromium, arrow keys move, notes and large text.

Every request the deck makes is recorded; any to a host other than the local test server fails the test.
"""

import pytest

from swleadership.facts import fact
from swleadership.seminars import PACKS
from swleadership.slides import KEY_FIGURES
from tests.conftest import goto

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("slug", PACKS)
def test_slides_open_offline_and_the_arrow_keys_move(site_url, new_page, slug):
    p = new_page()
    page = p.page
    goto(page, f"{site_url}/slides/{slug}.html")
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    assert p.external == [] and p.errors == []
    total = page.evaluate("Reveal.getTotalSlides()")
    assert total >= 3
    assert page.evaluate("Reveal.getIndices().h") == 0
    page.keyboard.press("ArrowRight")
    page.wait_for_function("Reveal.getIndices().h === 1")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("Reveal.getIndices().h === 2")
    page.keyboard.press("ArrowLeft")
    page.wait_for_function("Reveal.getIndices().h === 1")
    # every slide has speaker notes; text is at least 24 px
    assert page.evaluate("[...document.querySelectorAll('.slides > section')].every(s => s.querySelector('aside.notes')"
                         " && s.querySelector('aside.notes').textContent.trim().length > 20)")
    smallest = page.evaluate("Math.min(...[...document.querySelectorAll('.slides p, .slides li, .slides span,"
                             " .slides h2')].map(e => parseFloat(getComputedStyle(e).fontSize)))")
    assert smallest >= 24, smallest


@pytest.mark.parametrize("slug", [s for s in KEY_FIGURES])
def test_key_figures_come_from_the_data(site_dir, slug):
    html = (site_dir / "slides" / f"{slug}.html").read_text(encoding="utf-8")
    for name in KEY_FIGURES[slug]:
        f = fact(name)
        assert f.text in html and f.source_title.split(":")[0] in html.replace("&#x27;", "'")


def test_packs_link_their_slides(site_dir):
    for slug in PACKS:
        page = (site_dir / "book" / "seminars" / f"{slug}.html").read_text(encoding="utf-8")
        assert f'href="../../slides/{slug}.html"' in page
