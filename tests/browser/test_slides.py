"""The seminar packs' slides (issue 15): offline in Chromium, arrow keys move, notes and large text.

Every request the deck makes is recorded; any to a host other than the local test server fails the test.
"""

import html as _html

import pytest

from swleadership.facts import fact
from swleadership.seminars import PACKS
from swleadership.slides import CHARTS, KEY_FIGURES, chart
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


@pytest.mark.parametrize("slug", list(CHARTS))
def test_each_deck_shows_its_key_charts_legibly(site_url, new_page, slug):
    """Every chart slide draws the chapter's figure (the same traces and values as the figure code builds), names it
    with its text alternative, and sets every piece of text at 24 px or more on the 1280×720 slide."""
    p = new_page()
    page = p.page
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{site_url}/slides/{slug}.html", wait_until="load")
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    sections = page.evaluate("[...document.querySelectorAll('.slides > section[data-chart]')]"
                             ".map(s => Reveal.getIndices(s).h)")
    assert len(sections) == len(CHARTS[slug])
    for (name, _), h in zip(CHARTS[slug], sections, strict=True):
        page.evaluate(f"Reveal.slide({h})")
        page.wait_for_function("(() => { const g = Reveal.getCurrentSlide().querySelector('.chart');"
                               " return g && g._fullLayout && g.querySelector('.main-svg'); })()")
        shown = page.evaluate("""() => { const s = Reveal.getCurrentSlide(), g = s.querySelector('.chart');
            const sizes = [...g.querySelectorAll('svg text')].filter(t => t.textContent.trim())
                .map(t => parseFloat(getComputedStyle(t).fontSize));
            return {alt: g.getAttribute('aria-label'), role: g.getAttribute('role'), title: s.querySelector('h2').textContent,
                    data: g.data.map(t => ({x: t.x, y: t.y, name: t.name})), sizes: sizes,
                    notes: s.querySelector('aside.notes').textContent}; }""")
        expected = chart(name)
        assert shown["role"] == "img" and shown["alt"] == expected["alt"] and len(shown["alt"]) > 40
        assert shown["title"] == expected["title"]
        assert [t["name"] for t in shown["data"]] == [t.get("name") for t in expected["data"]]
        assert [t["x"] for t in shown["data"]] == [t.get("x") for t in expected["data"]], name
        assert [t["y"] for t in shown["data"]] == [t.get("y") for t in expected["data"]], name
        assert shown["sizes"] and min(shown["sizes"]) >= 24, (name, sorted(set(shown["sizes"])))
        assert expected["alt"][:40] in shown["notes"]
    assert p.external == [] and p.errors == []


def test_the_health_deck_shows_the_health_parts_own_figures_and_sorter(site_dir):
    """The "Learning from health" slides carry chapter 40's timeline (every event, by sector), chapter 41's
    frameworks grid and chapter 42's evidence sorter (its four lessons)."""
    from swleadership.figures.clinical import EVENTS, SECTORS
    from swleadership.teaching import load_activities

    assert [n for n, _ in CHARTS["health"]] == ["parallel_timeline", "frameworks_by_career"]
    timeline = chart("parallel_timeline")
    for i, sector in enumerate(SECTORS):
        assert sorted(timeline["data"][i]["x"]) == sorted(e["year"] for e in EVENTS if e["sector"] == sector)
    html = (site_dir / "slides" / "health.html").read_text(encoding="utf-8")
    sorter = load_activities("42-lessons-from-health")["sorters"]["lessons"]
    for category in sorter["categories"]:
        assert f"<li>{_html.escape(category)}</li>" in html
    assert f"{len(sorter['items'])} findings" in html
