"""First-visit weight (issue 14), measured in Chromium on the built book.

- first visit, cold cache, at load (the reader has not scrolled), bytes as Chromium downloads them from a
  server that does not compress: <= 1.5 MB for a page with a figure, <= 0.8 MB for a page without;
- repeat visit to another chapter, from a host serving the precompressed files: <= 150 KB (a sample of
  chapters here; ``make bench`` measures every one);
- plotly.js only on pages with a figure, fetched when a figure comes near the screen, every figure then drawn
  with a bubbling ``swl:figure-ready``; MathJax only on pages with maths; search works without the index on
  every page; every figure uses a trace type the bundle has; precompressed copies match their files.

``make bench`` prints the same measurements for every page beside the baseline, with Lighthouse.
"""

import gzip
import json
import re

import brotli
import pytest

from swleadership import pageload as pl
from swleadership.render import BUNDLED_TRACE_TYPES
from swleadership.site import chapter_pages, content_pages

pytestmark = pytest.mark.browser


def _rel(site, p):
    return p.relative_to(site).as_posix()


@pytest.fixture(scope="module")
def plain(site_dir):
    with pl.serve(site_dir) as base:
        yield base


@pytest.fixture(scope="module")
def compressed(site_dir):
    with pl.serve(site_dir, compressed=True) as base:
        yield base


def test_first_visit_within_budget(site_dir, plain, browser):
    over, rows = [], []
    for p in content_pages(site_dir) + [site_dir / "search.html"]:
        rel = _rel(site_dir, p)
        at_load, _ = pl.first_visit(browser, plain, rel, full=False)
        goal = pl.goal(site_dir, rel)
        rows.append(f"{at_load.bytes / 1e6:6.2f} MB (goal {goal / 1e6:.1f})  {rel}  largest {at_load.largest}")
        if at_load.bytes > goal:
            over.append(rows[-1])
    assert len(rows) >= 30, "expected every page of the book"
    assert over == [], "first visit over budget:\n" + "\n".join(over)


#: Repeat visits checked here (make bench measures every chapter): into the heaviest pages and across parts.
REPEAT_PAIRS = [("notebooks/19-crisis.html", "notebooks/20-comparing-models.html"),
                ("notebooks/35-status-values-gender.html", "notebooks/36-explore-workforce-data.html"),
                ("notebooks/42-lessons-from-health.html", "notebooks/50-discussion.html"),
                ("notebooks/01-what-is-leadership.html", "notebooks/14-adaptive.html")]


def test_repeat_visit_within_budget(site_dir, compressed, browser):
    chapters = {_rel(site_dir, p) for p in chapter_pages(site_dir)}
    assert {p for pair in REPEAT_PAIRS for p in pair} <= chapters
    over = []
    for prev, rel in REPEAT_PAIRS:
        v = pl.repeat_visit(browser, compressed, prev, rel)
        if v.bytes > pl.GOAL_REPEAT:
            over.append(f"{v.bytes / 1000:.0f} KB {rel} (after {prev}): {sorted(v.sizes.items(), key=lambda kv: -kv[1])[:4]}")
    assert over == [], "repeat visit over 150 KB:\n" + "\n".join(over)


def test_every_figure_uses_a_bundled_trace_type(site_dir):
    types, figures = set(), 0
    for p in site_dir.rglob("*.html"):
        for spec in re.findall(r'<script type="application/json" class="swl-plotly">(.*?)</script>',
                               p.read_text(encoding="utf-8")):
            figures += 1
            types |= {t.get("type", "scatter") for t in json.loads(spec)["data"]}
    assert figures >= 20, f"found only {figures} figures in the built book"
    assert types <= BUNDLED_TRACE_TYPES, f"figures use trace types the bundle lacks: {types - BUNDLED_TRACE_TYPES}"


def _requests(page):
    reqs = []
    page.on("request", lambda r: reqs.append(r.url))
    return reqs


def test_plotly_arrives_with_the_first_figure_and_draws_every_figure(site_url, new_page):
    p = new_page()
    page = p.page
    page.set_viewport_size({"width": 390, "height": 844})
    reqs = _requests(page)
    page.add_init_script("document.addEventListener('swl:figure-ready', e => "
                         "(window.__ready = (window.__ready || [])).push(e.target.id), true)")
    page.goto(f"{site_url}/notebooks/33-recruitment-retention.html", wait_until="load")
    page.wait_for_timeout(800)
    assert not any("plotly" in u for u in reqs), "plotly.js was fetched before any figure was near the screen"
    n = page.evaluate("() => document.querySelectorAll('.plotly-graph-div').length")
    page.locator(".plotly-graph-div").first.scroll_into_view_if_needed()
    page.wait_for_function("n => (window.__ready || []).length >= n", arg=n, timeout=30_000)
    assert [u for u in reqs if "plotly" in u][0].split("?")[0].endswith("/_static/vendor/plotly-swl.min.js")
    drawn = page.evaluate("() => Array.from(document.querySelectorAll('.plotly-graph-div'))"
                          ".map(g => [g.id, !!g._fullLayout, g.classList.contains('js-plotly-plot'), g.data.length])")
    assert n >= 2 and all(d[1] and d[2] and d[3] > 0 for d in drawn), drawn
    assert sorted(page.evaluate("() => window.__ready")) == sorted(d[0] for d in drawn)
    assert p.external == [] and p.errors == []


def test_no_plotly_mathjax_or_search_index_where_not_needed(site_url, new_page):
    p = new_page()
    page = p.page
    reqs = _requests(page)
    for rel in ("book/intro.html", "book/glossary.html", "notebooks/14-adaptive.html"):
        page.goto(f"{site_url}/{rel}", wait_until="load")
        page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
        page.wait_for_timeout(600)
    loaded = {u.split("?")[0].rsplit("/", 1)[-1] for u in reqs}
    assert not loaded & {"plotly-swl.min.js", "tex-chtml.js", "searchindex.js", "fontawesome.js"}, loaded
    assert p.errors == []


def test_maths_are_typeset_when_reached(site_url, new_page):
    p = new_page()
    page = p.page
    page.goto(f"{site_url}/notebooks/36-explore-workforce-data.html", wait_until="load")
    # The chapter's working sits in a closed "How this is worked out" box: the reader opens it, as they would.
    page.evaluate("""() => { const box = document.querySelector('.math').closest('.dropdown');
                             if (box) { box.querySelector('.admonition-title').click(); } }""")
    page.wait_for_timeout(300)
    page.locator(".math").first.scroll_into_view_if_needed()
    page.wait_for_selector("mjx-container", timeout=30_000)
    assert p.external == []


def test_search_works_offline(site_url, new_page):
    p = new_page()
    page = p.page
    page.goto(f"{site_url}/search.html?q=distributed+leadership", wait_until="load")
    page.wait_for_selector("#search-results ul.search li", timeout=30_000)
    assert page.locator("#search-results ul.search li").count() >= 3
    assert p.external == []


def test_precompressed_copies_match(site_dir):
    big = [f for f in (site_dir / "_static").rglob("*") if f.suffix in (".js", ".css") and f.stat().st_size > 100_000]
    assert any(f.name == "plotly-swl.min.js" for f in big)
    for f in big + [site_dir / "notebooks" / "20-comparing-models.html"]:
        data = f.read_bytes()
        assert gzip.decompress((f.parent / (f.name + ".gz")).read_bytes()) == data, f
        assert brotli.decompress((f.parent / (f.name + ".br")).read_bytes()) == data, f


# Layout shift: Lighthouse (mobile) weighs cumulative layout shift at a quarter of its performance score, and a
# page that moves while the student starts to read is hard to follow. Every page, as a phone first shows it: the
# shifts Chromium reports in the first moments after load (no input, no scrolling) add up to at most 0.1, the
# threshold Lighthouse and Core Web Vitals call good.
CLS_GOOD = 0.1
_CLS_OBSERVER = """window.__swlShifts = [];
new PerformanceObserver(list => { for (const e of list.getEntries()) {
  if (!e.hadRecentInput) window.__swlShifts.push({value: e.value, nodes: e.sources.map(s => s.node && s.node.nodeType === 1
    ? s.node.tagName.toLowerCase() + (s.node.className ? '.' + String(s.node.className).split(' ').join('.') : '') : '')});
} }).observe({type: 'layout-shift', buffered: true});"""


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport={"width": 412, "height": 823})
    context.add_init_script(_CLS_OBSERVER)
    yield context
    context.close()


def _all_pages():
    from tests.conftest import SITE

    return [_rel(SITE, p) for p in content_pages(SITE)] if SITE.is_dir() else []


@pytest.mark.parametrize("rel", _all_pages())
def test_page_does_not_shift_as_it_loads(rel, compressed, phone):
    page = phone.new_page()
    try:
        page.goto(f"{compressed}/{rel}", wait_until="load")
        page.wait_for_timeout(1500)  # swl.js, the theme and any late style settle
        shifts = page.evaluate("window.__swlShifts")
    finally:
        page.close()
    total = sum(s["value"] for s in shifts)
    assert total <= CLS_GOOD, (f"{rel}: the page shifts by {total:.3f} as it loads on a phone (good is <= {CLS_GOOD});"
                               f" moved: {[s['nodes'] for s in shifts]}")
