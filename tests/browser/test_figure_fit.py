"""Every figure fits a phone (390×844) and a laptop (1366×768), in real Chromium.

On every page of the built book with a plotly figure, at both sizes, for the figure's first state and for every
choice of each of its native controls (one control at a time), the test compares the bounding boxes of the
figure's SVG text:

- with the figure's box: no text may stick out of it (that text is cut off);
- with each other: no two pieces of text may overlap;
- with plotly's toolbar (the mode bar): it may cover no text;
- and its size: no figure text smaller than ``MIN_TEXT_PX`` (11 px), so that nothing fits only by shrinking;
- a bar's value written inside the bar contrasts with it at 4.5:1 or more (counted with the small text).

The pressures explorer (``data-swl="areas"``, drawn by areas.js) is walked through every measure for England and
for the area with the longest name, and a spread of other areas; every explorer must be measured in at least one
state other than its first. swl.js marks a figure ``data-swl-fit`` once its fit has settled; each state is
measured then, and a fit that never settles is a problem (counted with the controls).

It also checks that no control of a component is wider than the component, and that no component scrolls
sideways. Run it against another build with ``SWL_SITE_DIR=<site> pytest tests/browser/test_figure_fit.py``;
``python -m tests.browser.test_figure_fit [site]`` prints the counts per page and size.
"""

from __future__ import annotations

import json
import sys

import pytest

from tests.conftest import SITE, goto

pytestmark = pytest.mark.browser

SIZES = {"phone": (390, 844), "laptop": (1366, 768)}
FIGURE_PAGES = ([str(p.relative_to(SITE)) for p in sorted(SITE.rglob("*.html"))
                 if "_static" not in p.parts and "jupyter_execute" not in p.parts and "_sources" not in p.parts
                 and "plotly-graph-div" in p.read_text(encoding="utf-8", errors="replace")]
                if SITE.is_dir() else [])

#: How much two boxes may touch before it counts (px): glyph boxes include the font's line spacing.
MEASURE_JS = r"""
async ({maxOptions, minText}) => {
  const TOL_W = 3, TOL_H = 4, OUT = 1.5;
  const frames = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 60))));
  // swl.js fits a figure in a few passes after each drawing and marks it data-swl-fit when done: measure then.
  // A figure whose fit never settles (it keeps redrawing) is a problem too.
  const unsettled = [];
  const settled = async (gd) => {
    await frames();
    for (let i = 0; i < 40 && !gd.hasAttribute("data-swl-fit"); i++) { await frames(); }
    if (!gd.hasAttribute("data-swl-fit")) { unsettled.push((gd.closest("[data-swl]") || gd).id + ": the fit never settled"); }
    await frames();
  };
  function visible(el) {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.display === "none" || cs.visibility === "hidden" || parseFloat(cs.opacity) === 0) { return false; }
      if (e.classList && e.classList.contains("js-plotly-plot")) { break; }
    }
    const r = el.getBoundingClientRect();
    return r.width > 0.5 && r.height > 0.5;
  }
  function label(el) {
    const t = (el.textContent || "").trim();
    return t.length > 40 ? t.slice(0, 37) + "..." : t;
  }
  function figureProblems(gd, where) {
    const box = gd.getBoundingClientRect();
    const texts = Array.from(gd.querySelectorAll("svg text")).filter(t =>
      !t.closest(".hoverlayer") && (t.textContent || "").trim() && visible(t));
    const rects = texts.map(t => t.getBoundingClientRect());
    const out = [], overlap = [], toolbar = [], small = [];
    texts.forEach(t => {
      const px = parseFloat(getComputedStyle(t).fontSize);
      if (px < minText) { small.push(where + ": '" + label(t) + "' is " + px + " px (at least " + minText + ")"); }
    });
    rects.forEach((r, i) => {
      if (r.left < box.left - OUT || r.right > box.right + OUT || r.top < box.top - OUT || r.bottom > box.bottom + OUT) {
        out.push(where + ": '" + label(texts[i]) + "' sticks out of the figure");
      }
    });
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i], b = rects[j];
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > TOL_W && h > TOL_H) {
          overlap.push(where + ": '" + label(texts[i]) + "' overlaps '" + label(texts[j]) + "'");
        }
      }
    }
    const mb = gd.querySelector(".modebar");
    if (mb) {
      const m = mb.getBoundingClientRect();
      if (m.width > 0) {
        rects.forEach((r, i) => {
          const w = Math.min(r.right, m.right) - Math.max(r.left, m.left);
          const h = Math.min(r.bottom, m.bottom) - Math.max(r.top, m.top);
          if (w > 1 && h > 1) { toolbar.push(where + ": the toolbar covers '" + label(texts[i]) + "'"); }
        });
      }
    }
    // A bar's value written inside the bar must stand out from it (WCAG 1.4.3: 4.5:1 for text this size).
    const faint = [];
    const rgb = c => (c.match(/[\d.]+/g) || [0, 0, 0]).slice(0, 3).map(Number);
    const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                       return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
    const ratio = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
    gd.querySelectorAll("g.point").forEach(pt => {
      const bar = pt.querySelector("path"), tx = pt.querySelector("text");
      if (!bar || !tx || !(tx.textContent || "").trim() || !visible(tx)) { return; }
      const b = bar.getBoundingClientRect(), r = tx.getBoundingClientRect();
      const cx = (r.left + r.right) / 2, cy = (r.top + r.bottom) / 2;
      if (cx < b.left || cx > b.right || cy < b.top || cy > b.bottom) { return; }
      // A patterned bar is filled with url(#pattern): its ground is the pattern's rectangle (the lines are white).
      let fill = getComputedStyle(bar).fill;
      const ref = fill.match(/url\("?#([^")]+)"?\)/);
      if (ref) { const ground = document.getElementById(ref[1]); fill = ground && ground.querySelector("rect") ? getComputedStyle(ground.querySelector("rect")).fill : "rgb(255, 255, 255)"; }
      const k = ratio(rgb(getComputedStyle(tx).fill), rgb(fill));
      if (k < 4.5) { faint.push(where + ": '" + label(tx) + "' inside its bar at " + k.toFixed(2) + ":1 (at least 4.5)"); }
    });
    return {out, overlap, toolbar, small: small.concat(faint)};
  }
  function controlProblems() {
    const bad = [];
    document.querySelectorAll("[data-swl]").forEach(root => {
      if (!root.offsetParent) { return; }
      const rb = root.getBoundingClientRect();
      root.querySelectorAll("select, input, button, textarea, output").forEach(c => {
        if (!c.offsetParent || (c.type === "radio" || c.type === "checkbox")) { return; }
        const r = c.getBoundingClientRect();
        if (r.width > 0 && (r.right > rb.right + 1 || r.left < rb.left - 1)) {
          bad.push((root.id || root.getAttribute("data-swl")) + ": a " + c.tagName.toLowerCase() + " is " +
                   Math.round(r.width) + " px wide in a " + Math.round(rb.width) + " px box");
        }
      });
      if (root.scrollWidth > root.clientWidth + 1) {
        bad.push((root.id || root.getAttribute("data-swl")) + " scrolls sideways (" + root.scrollWidth + " > " +
                 root.clientWidth + " px)");
      }
    });
    return bad;
  }
  const result = {figures: 0, out: [], overlap: [], toolbar: [], small: [], controls: controlProblems(), states: {}, explorers: []};
  function add(p) {
    result.out.push(...p.out); result.overlap.push(...p.overlap); result.toolbar.push(...p.toolbar);
    result.small.push(...p.small);
  }
  const gds = Array.from(document.querySelectorAll(".js-plotly-plot")).filter(gd => gd.offsetParent);
  for (const gd of gds) {
    result.figures += 1;
    await settled(gd);
    const root = gd.closest("[data-swl]");
    const name = (root && root.id) || gd.id;
    if (root && ["explorer", "areas"].includes(root.getAttribute("data-swl"))) { result.explorers.push(name); }
    add(figureProblems(gd, name));
    const fire = el => { el.dispatchEvent(new Event("input", {bubbles: true}));
                         el.dispatchEvent(new Event("change", {bubbles: true})); };
    const measured = where => { add(figureProblems(gd, where)); result.states[name] = (result.states[name] || 0) + 1; };
    if (root && root.getAttribute("data-swl") === "areas") {
      // The pressures explorer (areas.js): every measure for England, then every measure for the area with the
      // longest name, and a spread of other areas.
      const ms = root.querySelector(".swl-areas-measure"), area = root.querySelector(".swl-areas-area");
      const m0 = ms.selectedIndex, a0 = area.selectedIndex, opts = Array.from(area.options);
      const longest = opts.reduce((a, o) => (o.text.length > a.text.length ? o : a), opts[0]).index;
      const step = Math.max(1, Math.ceil(opts.length / maxOptions));
      const choices = [];
      for (const a of [a0, longest]) { for (let i = 0; i < ms.options.length; i++) { choices.push([i, a]); } }
      for (let a = 0; a < opts.length; a += step) { choices.push([m0, a]); }
      for (const [mi, ai] of choices) {
        if (mi === m0 && ai === a0) { continue; }
        ms.selectedIndex = mi; area.selectedIndex = ai; fire(ms); fire(area); await settled(gd);
        measured(name + " [" + ms.options[mi].text.slice(0, 20) + " | " + area.options[ai].text.slice(0, 30) + "]");
      }
      ms.selectedIndex = m0; area.selectedIndex = a0; fire(ms); fire(area); await settled(gd);
      continue;
    }
    if (!root || root.getAttribute("data-swl") !== "explorer") { continue; }
    for (const ctl of Array.from(root.querySelectorAll(".swl-control"))) {
      const kind = ctl.getAttribute("data-kind");
      if (kind === "select") {
        const s = ctl.querySelector("select"), start = s.selectedIndex, n = s.options.length;
        const step = Math.max(1, Math.ceil(n / maxOptions));
        for (let i = 0; i < n; i += step) {
          if (i === start) { continue; }
          s.selectedIndex = i; fire(s); await settled(gd);
          measured(name + " [" + s.options[i].text.slice(0, 30) + "]");
        }
        s.selectedIndex = start; fire(s); await frames();
      } else if (kind === "checkbox") {
        const c = ctl.querySelector("input");
        c.checked = !c.checked; fire(c); await settled(gd);
        measured(name + " [" + (c.checked ? "on" : "off") + "]");
        c.checked = !c.checked; fire(c); await frames();
      } else if (kind === "radio") {
        const rs = Array.from(ctl.querySelectorAll("input")), start = rs.findIndex(r => r.checked);
        for (let i = 0; i < rs.length; i++) {
          if (i === start) { continue; }
          rs[i].checked = true; fire(rs[i]); await settled(gd);
          measured(name + " [radio " + i + "]");
        }
        if (start >= 0) { rs[start].checked = true; fire(rs[start]); await frames(); }
      } else if (kind === "range") {
        const r = ctl.querySelector("input"), start = r.value;
        for (const v of [r.min, r.max]) {
          if (v === start) { continue; }
          r.value = v; fire(r); await settled(gd);
          measured(name + " [" + v + "]");
        }
        r.value = start; fire(r); await frames();
      }
    }
  }
  result.controls.push(...unsettled);
  return result;
}
"""


#: The smallest figure text a reader must read (px), at both sizes.
MIN_TEXT_PX = 11


def measure(page, url: str, size: tuple[int, int], max_options: int = 12) -> dict:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    goto(page, url)
    page.wait_for_timeout(300)
    return page.evaluate(MEASURE_JS, {"maxOptions": max_options, "minText": MIN_TEXT_PX})


def test_the_book_has_figure_pages():
    assert len(FIGURE_PAGES) >= 10, FIGURE_PAGES


@pytest.mark.parametrize("size", sorted(SIZES))
@pytest.mark.parametrize("rel", FIGURE_PAGES)
def test_figures_fit(rel, size, site_url, new_page):
    page = new_page().page
    r = measure(page, f"{site_url}/{rel}", SIZES[size])
    problems = r["out"] + r["overlap"] + r["toolbar"] + r["small"] + r["controls"]
    assert not problems, (
        f"{rel} at {size} {SIZES[size]}: {len(problems)} problems:\n" + "\n".join(problems[:40]))
    # Every explorer was measured in other states than its first, not only as the page opened.
    unwalked = [name for name in r["explorers"] if r["states"].get(name, 0) < 1]
    assert not unwalked, f"{rel}: no control of {unwalked} was tried"
    # The comparison matrix becomes a list on a phone; every other page shows its figures.
    if not (rel.endswith("20-comparing-models.html") and size == "phone"):
        assert r["figures"] >= 1, f"{rel}: no visible figure"


def main(site: str | None = None) -> None:  # pragma: no cover - a measuring tool, run by hand
    """Print, for every figure page and both sizes, the counts of text out of its figure, overlapping text, text
    under the toolbar, and controls wider than their box."""
    import os
    import subprocess
    from pathlib import Path

    from playwright.sync_api import sync_playwright

    from swleadership._local import free_port, wait_until_answers
    from tests.conftest import CHROMIUM, CHROMIUM_ARGS

    site_dir = Path(site) if site else SITE
    pages = [str(p.relative_to(site_dir)) for p in sorted(site_dir.rglob("*.html"))
             if not {"_static", "jupyter_execute", "_sources"} & set(p.parts)
             and "plotly-graph-div" in p.read_text(encoding="utf-8", errors="replace")]
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory",
                               str(site_dir)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_answers(f"http://127.0.0.1:{port}/{pages[0]}", 20, server, what="the static server")
        totals = {}
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            print(f"{'page':48} {'size':7} figs  out overlap toolbar small controls states")
            for rel in pages:
                for name, size in SIZES.items():
                    page = b.new_page(viewport={"width": size[0], "height": size[1]})
                    r = measure(page, f"http://127.0.0.1:{port}/{rel}", size)
                    page.close()
                    row = [r["figures"], len(r["out"]), len(r["overlap"]), len(r["toolbar"]), len(r["small"]),
                           len(r["controls"]), sum(r["states"].values())]
                    for k, v in zip(("figs", "out", "overlap", "toolbar", "small", "controls", "states"), row,
                                    strict=True):
                        totals[(name, k)] = totals.get((name, k), 0) + v
                    print(f"{rel:48} {name:7} {row[0]:4} {row[1]:4} {row[2]:7} {row[3]:7} {row[4]:5} {row[5]:8} "
                          f"{row[6]:6}", flush=True)
                    if os.environ.get("SWL_FIT_DETAIL"):
                        print(json.dumps(r, indent=1)[:4000])
            b.close()
        for name in SIZES:
            print("TOTAL", name, {k: v for (n, k), v in totals.items() if n == name})
    finally:
        server.terminate()


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1] if len(sys.argv) > 1 else None)
