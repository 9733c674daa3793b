"""Light and dark mode in real Chromium, on every page.

- axe-core finds no ``color-contrast`` violation on any page in either mode, with every collapsed box (data
  tables, solutions, seminar prompts) opened and every quiz and sorter answered, so their feedback is checked too;
- radio buttons and checkboxes look unchecked when unchecked and checked when checked, in both modes (read
  from the pixels Chromium draws);
- every plotly figure follows the theme when the reader flips the switch on an open page: dark paper, light
  text and every trace at least 3:1 against its background; flipping back restores the light figure exactly.
"""

from __future__ import annotations

import base64

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_pages import PAGES
from tests.conftest import SITE, goto

pytestmark = pytest.mark.browser

MODES = ("light", "dark")
# The reveal.js slides are their own pages, without the book's theme or its light/dark switch: their contrast is
# checked once, as they are (test_slides_have_no_colour_contrast_violation).
THEMED = [r for r in PAGES if not r.startswith("slides/")]
SLIDES = [r for r in PAGES if r.startswith("slides/")]
FIGURE_PAGES = [r for r in PAGES if "plotly-graph-div" in (SITE / r).read_text(encoding="utf-8")] if PAGES else []
QUIZ_PAGES = [r for r in PAGES if 'data-swl="question"' in (SITE / r).read_text(encoding="utf-8")] if PAGES else []

# Colour arithmetic in the page: any CSS colour -> [r, g, b, a]; WCAG relative luminance and contrast ratio.
COLOUR_JS = """
window.__swlc = (() => {
  const ctx = document.createElement('canvas').getContext('2d');
  function rgba(c) {
    ctx.fillStyle = '#000'; ctx.fillStyle = c;
    const s = ctx.fillStyle;
    if (s[0] === '#') { return [1, 3, 5].map(i => parseInt(s.slice(i, i + 2), 16)).concat([1]); }
    const m = s.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1];
  }
  function over(c, under) { const a = c[3]; return [0, 1, 2].map(i => c[i] * a + under[i] * (1 - a)).concat([1]); }
  function lum(c) {
    const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  }
  function ratio(a, b) { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }
  return { rgba, over, lum, ratio };
})();
"""


def set_mode(p, mode: str) -> None:
    """Open pages in ``mode`` as a returning reader would (the theme keeps the choice in localStorage)."""
    p.context.add_init_script(f"try {{ localStorage.setItem('mode', '{mode}'); }} catch (e) {{}}")
    p.page.emulate_media(color_scheme=mode)


def flip_to(page, mode: str) -> None:
    """Press the theme's own light/dark switch until the page is in ``mode``."""
    for _ in range(4):
        if page.evaluate("document.documentElement.dataset.theme") == mode:
            return
        page.locator(".theme-switch-button:visible").first.click()
        page.wait_for_timeout(100)
    assert page.evaluate("document.documentElement.dataset.theme") == mode, f"the switch never reached {mode}"


def open_everything(page) -> None:
    """Open every collapsed box and answer every activity, so axe sees all the text a reader can reach."""
    page.evaluate("""() => {
      document.querySelectorAll('details').forEach(d => { d.open = true; });
      document.querySelectorAll('.dropdown button.toggle-button, .toggle-button').forEach(b => {
        if (b.getAttribute('aria-expanded') !== 'true') { b.click(); } });
      document.querySelectorAll('[data-swl="question"]').forEach((q, n) => {
        const opts = q.querySelectorAll('input'); if (opts.length) { opts[n % opts.length].checked = true; }
        const b = q.querySelector('.swl-check'); if (b) { b.click(); } });
      document.querySelectorAll('[data-swl="sorter"]').forEach(s => {
        s.querySelectorAll('select').forEach((sel, n) => { sel.selectedIndex = 1 + (n % (sel.options.length - 1)); });
        const b = s.querySelector('.swl-check'); if (b) { b.click(); } });
    }""")
    page.wait_for_timeout(300)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("rel", THEMED)
def test_no_colour_contrast_violation(rel, mode, site_url, new_page):
    p = new_page()
    set_mode(p, mode)
    page = p.page
    goto(page, f"{site_url}/{rel}")
    assert page.evaluate("document.documentElement.dataset.theme") == mode
    open_everything(page)
    result = Axe().run(page, options={"runOnly": {"type": "rule", "values": ["color-contrast"]}})
    bad = [f"{n['target']}: {n['any'][0]['message'] if n.get('any') else ''}"
           for v in result.response["violations"] for n in v["nodes"]]
    assert bad == [], f"{rel} ({mode}): {len(bad)} colour-contrast violations:\n" + "\n".join(bad[:15])


@pytest.mark.parametrize("rel", SLIDES)
def test_slides_have_no_colour_contrast_violation(rel, site_url, new_page):
    page = new_page().page
    page.goto(f"{site_url}/{rel}", wait_until="load")
    page.wait_for_selector(".reveal .slides section")
    result = Axe().run(page, options={"runOnly": {"type": "rule", "values": ["color-contrast"]}})
    bad = [f"{n['target']}: {n['any'][0]['message'] if n.get('any') else ''}"
           for v in result.response["violations"] for n in v["nodes"]]
    assert bad == [], f"{rel}: {len(bad)} colour-contrast violations:\n" + "\n".join(bad[:15])


def _pixel_centre(page, locator) -> list[int]:
    """The colour Chromium drew at the centre of an element (from a screenshot, decoded by the page)."""
    png = base64.b64encode(locator.screenshot()).decode()
    return page.evaluate("""async (png) => {
      const img = new Image(); img.src = 'data:image/png;base64,' + png; await img.decode();
      const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
      const ctx = c.getContext('2d'); ctx.drawImage(img, 0, 0);
      return Array.from(ctx.getImageData(Math.floor(img.width / 2), Math.floor(img.height / 2), 1, 1).data);
    }""", png)


@pytest.mark.parametrize("mode", MODES)
def test_unchecked_boxes_look_unchecked_and_checked_ones_checked(mode, site_url, new_page):
    assert QUIZ_PAGES, "no page with a quiz"
    p = new_page()
    set_mode(p, mode)
    page = p.page
    goto(page, f"{site_url}/{QUIZ_PAGES[0]}")
    page.evaluate(COLOUR_JS)
    q = page.locator('[data-swl="question"]').first
    q.scroll_into_view_if_needed()
    radios = q.locator("input")
    assert radios.count() >= 2
    bg = page.evaluate("""(el) => { let e = el; while (e) { const c = getComputedStyle(e).backgroundColor;
        if (__swlc.rgba(c)[3] > 0) { return __swlc.rgba(c); } e = e.parentElement; } return [255, 255, 255, 1]; }""",
                       q.element_handle())
    unchecked = _pixel_centre(page, radios.nth(1))
    radios.nth(0).check()
    checked = _pixel_centre(page, radios.nth(0))
    ratio = "(a, b) => __swlc.ratio(a, b)"
    assert page.evaluate(f"([a, b]) => ({ratio})(a, b)", [unchecked, bg]) < 1.5, (
        f"{mode}: an unchecked option's centre {unchecked} stands out from the background {bg}: it looks checked")
    assert page.evaluate(f"([a, b]) => ({ratio})(a, b)", [checked, bg]) >= 3, (
        f"{mode}: a checked option's centre {checked} is too close to the background {bg}")
    ring = page.evaluate("""(el) => __swlc.rgba(getComputedStyle(el).borderTopColor)""", radios.nth(1).element_handle())
    appearance = radios.nth(1).evaluate("e => getComputedStyle(e).appearance")
    if appearance == "none":  # the book draws the control itself: its ring must meet 3:1 (WCAG 1.4.11)
        assert page.evaluate(f"([a, b]) => ({ratio})(a, b)", [ring, bg]) >= 3


FIGURE_CHECK_JS = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(gd => {
  const c = __swlc, fl = gd._fullLayout, page = c.rgba(getComputedStyle(document.body).backgroundColor);
  const paper = c.over(c.rgba(fl.paper_bgcolor), page);
  const out = { id: gd.id, paper, problems: [] };
  const need = (what, col, under, min) => {
    if (col === undefined || col === null || typeof col !== 'string') { return; }
    const k = c.rgba(col); if (k[3] === 0) { return; }
    const r = c.ratio(c.over(k, under), under);
    if (r < min) { out.problems.push(`${what} ${col} is ${r.toFixed(2)}:1 on ${under.slice(0, 3)}`); }
  };
  need('font', fl.font.color, paper, 4.5);
  gd.querySelectorAll('.xtick text, .ytick text, .g-xtitle text, .g-ytitle text, .gtitle, .legendtext, '
                      + '.angularaxistick text, .radialaxistick text').forEach(t => {
    need(`text "${t.textContent.slice(0, 30)}"`, getComputedStyle(t).fill, paper, 4.5); });
  // Text drawn by traces: on its own marker when it sits inside one, else on the background.
  gd.querySelectorAll('.scatterlayer .trace, .barlayer .trace').forEach(tr => {
    // A bar's point group also holds its text: the bar itself is the group's path.
    const marks = Array.from(tr.querySelectorAll('.points .point')).map(m => [m, (m.querySelector('path') || m).getBoundingClientRect()]);
    tr.querySelectorAll('.textpoint text, .bartext').forEach(t => {
      const b = t.getBoundingClientRect(), x = b.x + b.width / 2, y = b.y + b.height / 2;
      const hit = marks.find(([m, r]) => x > r.left && x < r.right && y > r.top && y < r.bottom);
      // A bar is the path inside its point; a patterned bar's fill is url(#pattern), whose ground is its rectangle.
      const mark = hit ? (hit[0].querySelector('path') || hit[0]) : null;
      let fill = mark ? getComputedStyle(mark).fill : null;
      const ref = fill && fill.match(/url\\("?#([^")]+)"?\\)/);
      if (ref) { const g = document.getElementById(ref[1]); fill = g && g.querySelector('rect') ? getComputedStyle(g.querySelector('rect')).fill : null; }
      const under = fill ? c.over(c.rgba(fill), paper) : paper;
      need(`trace text "${t.textContent.slice(0, 30)}"`, getComputedStyle(t).fill, under, 4.5);
    });
  });
  (fl.annotations || []).forEach((a, i) => { if (a.showarrow && a.visible !== false) {
    need(`annotation ${i} arrow`, a.arrowcolor, paper, 3); } });
  gd._fullData.forEach((t, i) => {
    if (t.visible !== true || t.type === 'heatmap') { return; }
    const sub = t.subplot && fl[t.subplot] && fl[t.subplot].bgcolor ? fl[t.subplot].bgcolor : fl.plot_bgcolor;
    const under = c.over(c.rgba(sub), paper);
    const name = `trace ${i} (${t.name || t.type})`;
    const mode = t.mode || '';
    if (t.type === 'bar') {
      const mc = t.marker && t.marker.color, ml = t.marker && t.marker.line;
      const edge = ml && ml.width > 0 ? ml.color : null;
      [].concat(mc).forEach(col => { if (!edge || typeof edge !== 'string' || c.ratio(c.rgba(edge), under) < 3) {
        need(name + ' bar', col, under, 3); } });
    } else {
      if (mode.includes('lines') && t.line) { need(name + ' line', t.line.color, under, 3); }
      if (mode.includes('markers') && t.marker) { [].concat(t.marker.color).forEach(col =>
        need(name + ' marker', col, under, 3)); }
    }
  });
  return out;
})"""


@pytest.mark.parametrize("rel", FIGURE_PAGES)
def test_figures_follow_the_theme_switch(rel, site_url, new_page):
    p = new_page()
    set_mode(p, "light")
    page = p.page
    goto(page, f"{site_url}/{rel}")
    page.evaluate(COLOUR_JS)
    # Every colour the figures set (layout and traces, template aside), keys sorted, empty containers dropped (plotly
    # treats them alike). Ranges and domains are left out: plotly recomputes them on every redraw.
    snapshot = """() => { const prune = (v, colour) => {
        if (Array.isArray(v)) {
          const a = v.map(x => prune(x, colour)).filter(x => x !== undefined && x !== null &&
            !(typeof x === 'object' && !Array.isArray(x) && !Object.keys(x).length));
          return a.length ? a : undefined; }
        if (!v || typeof v !== 'object') { return colour ? v : undefined; }
        const o = {};
        Object.keys(v).sort().forEach(k => { if (k === 'template') { return; }
          const p = prune(v[k], colour || /color/i.test(k));
          if (p === null || p === undefined || (typeof p === 'object' && !Array.isArray(p) && !Object.keys(p).length)) {
            return; }
          o[k] = p; });
        return o; };
      return Array.from(document.querySelectorAll('.js-plotly-plot')).map(gd =>
        JSON.stringify(prune([gd.layout, gd.data], false) || null)); }"""
    light = page.evaluate(snapshot)
    assert light, f"{rel}: no figure drawn"

    flip_to(page, "dark")
    page.wait_for_function("""() => Array.from(document.querySelectorAll('.js-plotly-plot')).every(gd =>
        __swlc.lum(__swlc.rgba(gd._fullLayout.paper_bgcolor)) < 0.05)""", timeout=5_000)
    for fig in page.evaluate(FIGURE_CHECK_JS):
        assert fig["problems"] == [], f"{rel} #{fig['id']} in dark mode:\n" + "\n".join(fig["problems"][:10])

    flip_to(page, "light")
    page.wait_for_timeout(300)
    for before, after in zip(light, page.evaluate(snapshot), strict=True):
        at = next((i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b), min(len(before), len(after)))
        assert after == before, (f"{rel}: flipping back to light did not restore a figure: "
                                 f"...{before[max(0, at - 150):at + 80]}... became ...{after[max(0, at - 150):at + 80]}...")
    for fig in page.evaluate(FIGURE_CHECK_JS):
        assert page.evaluate("(c) => __swlc.lum(c)", fig["paper"]) > 0.8, f"{rel} #{fig['id']}: not light again"
