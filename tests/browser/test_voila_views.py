"""The projector views of ``make app`` in Voilà, in real Chromium at 1280×720.

For every view: no code and no raw markup; a control changes the figure's data to exactly what the component's
own Python computes for the new value (the live figure in the browser holds the kernel's figure, so this also
proves the callback ran); body text ≥ 20 px and figure text ≥ 16 px, none of it cut off at the figure's edge; figure, controls and legend on screen; no
request to another host. Then the stress test: 20 loads in a row, cycling through the views, with both cores
kept busy by a CPU burner the test starts and stops, and every figure follows its controls every time.
"""

from __future__ import annotations

import base64
import json
import math
import re

import pytest

from swleadership import projector, voila_app
from swleadership.voila_bench import DRAWN_JS, VIEWPORT, cpu_burner, open_view

pytestmark = pytest.mark.browser

VIEWS = voila_app.views()
SLUGS = {nb: json.loads(open(voila_app.VIEWS_DIR / nb, encoding="utf-8").read())["cells"][0]["source"]
         for nb in VIEWS}
RAW_MARKUP = ("{cite", "{term", "{glue", "{doc", "{ref", ":::", "```", "{exercise", "{solution", "Traceback",
              "double-click")

# The main figure's data as the browser holds it (typed arrays become plain lists).
FIGURE_DATA_JS = """() => { const gd = document.querySelector('.swl-projector .js-plotly-plot');
  const plain = v => (v && typeof v === 'object' && ArrayBuffer.isView(v)) ? Array.from(v) :
                     Array.isArray(v) ? v.map(plain) : v;
  const axis = a => a ? {categoryarray: plain(a.categoryarray), tickvals: plain(a.tickvals),
                          ticktext: plain(a.ticktext)} : null;
  return gd.data.map(t => ({x: plain(t.x), y: plain(t.y), z: plain(t.z), r: plain(t.r), text: plain(t.text),
                            visible: t.visible === undefined ? true : t.visible,
                            marker: JSON.stringify((t.marker || {}).color === undefined ? null : plain(t.marker.color))}))
    .concat([{layout: {title: (gd.layout.title || {}).text, xaxis: axis(gd.layout.xaxis),
                       yaxis: axis(gd.layout.yaxis),
                       shapes: (gd.layout.shapes || []).map(s => [s.fillcolor || null, s.visible === false ? false : true]),
                       annotations: (gd.layout.annotations || []).map(a => a.text)}}]); }"""


def _slug(nb: str) -> str:
    src = "".join(SLUGS[nb])
    return src.split('view("')[1].split('")')[0]


def _decode(v):
    """plotly.py's JSON encodes numpy arrays as {"dtype", "bdata"}: decode to plain lists."""
    if isinstance(v, dict) and "bdata" in v:
        import numpy as np

        arr = np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype(v["dtype"]))
        if "shape" in v:
            arr = arr.reshape([int(n) for n in str(v["shape"]).split(",")])
        return arr.tolist()
    if isinstance(v, list):
        return [_decode(x) for x in v]
    return v


def _same(a, b) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, int | float) and isinstance(b, int | float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    if a is None or b is None:  # JSON null and a missing value (NaN) are the same gap
        return (a is None or (isinstance(a, float) and math.isnan(a))) and (b is None or (isinstance(b, float) and math.isnan(b)))
    return a == b


def expected_after_change(slug: str):
    """Build the view in this process, make the same change as the test does in the browser (second option of
    the first control, or one step of a slider), and return (control kind, figure data before, after)."""
    import ipywidgets as w

    box = projector.build(slug)
    widgets = list(projector._walk(box))
    fig = next(x for x in widgets if hasattr(x, "_swl_figure"))
    ctrl = next(x for x in widgets if isinstance(x, w.Dropdown | w.IntSlider | w.FloatSlider | w.RadioButtons))

    def axis(a):
        return {k: _decode(a.get(k)) for k in ("categoryarray", "tickvals", "ticktext")} if a else None

    def data():
        fig_json = json.loads(fig._swl_figure)
        lay = fig_json["layout"]
        return ([{k: _decode(t.get(k)) for k in ("x", "y", "z", "r", "text")}
                 | {"visible": t.get("visible", True),
                    "marker": json.dumps(_decode((t.get("marker") or {}).get("color")), separators=(",", ":"))}
                 for t in fig_json["data"]]
                + [{"layout": {"title": (lay.get("title") or {}).get("text"), "xaxis": axis(lay.get("xaxis")),
                               "yaxis": axis(lay.get("yaxis")),
                               "shapes": [[sh.get("fillcolor"), sh.get("visible", True) is not False]
                                          for sh in lay.get("shapes") or []],
                               "annotations": [a.get("text") for a in lay.get("annotations") or []]}}])

    before = data()
    if isinstance(ctrl, w.Dropdown):
        kind = "select"
        ctrl.index = 1 if ctrl.index != 1 else 2
    elif isinstance(ctrl, w.RadioButtons):
        kind = "radio"
        ctrl.index = 1
    else:
        kind = "slider"
        ctrl.value = ctrl.value + ctrl.step
    return kind, before, data(), (ctrl.index if kind == "select" else None)


def _same_layout(got: dict, exp: dict) -> bool:
    if (got["title"], got["shapes"], got["annotations"]) != (exp["title"], exp["shapes"], exp["annotations"]):
        return False
    for ax in ("xaxis", "yaxis"):
        for key, value in (exp[ax] or {}).items():
            if value is not None and not _same((got[ax] or {}).get(key), value):
                return False
    return True


def figure_matches(page, expected) -> bool:
    got = page.evaluate(FIGURE_DATA_JS)
    if len(got) != len(expected):
        return False
    if not _same_layout(got[-1]["layout"], expected[-1]["layout"]):
        return False
    for g, e in zip(got[:-1], expected[:-1], strict=True):
        for key in ("x", "y", "z", "r", "text"):
            if e.get(key) is not None and not _same(g.get(key), e[key]):
                return False
        if e["visible"] != g["visible"] or json.loads(e["marker"]) != json.loads(g["marker"]):
            return False
    return True


@pytest.fixture(scope="module")
def server(voila_url):
    """The session's Voilà server on the projector views (tests/conftest.py), as ``make app`` serves them."""
    return voila_url("").split("/voila/render/")[0]


@pytest.fixture(scope="module")
def browser_ctx(browser):
    """A 1280×720 context with every request to another host blocked and recorded."""
    ctx = browser.new_context(viewport=VIEWPORT)
    external: list[str] = []

    def route(r):
        host = r.request.url.split("/")[2].split(":")[0] if "://" in r.request.url else ""
        if r.request.url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost"):
            r.continue_()
        else:
            external.append(r.request.url)
            r.abort()

    ctx.route("**/*", route)
    ctx.swl_external = external
    yield ctx
    ctx.close()


def test_every_required_view_is_served():
    slugs = {_slug(nb) for nb in VIEWS}
    assert {"career-length", "gender", "pressures", "funding", "comparison-matrix", "reforms-timeline",
            "parallel-timeline", "enablers-self-assessment", "leadership-self-assessment",
            "leadership-cycle"} <= slugs
    for nb in VIEWS:  # one short line of code each
        cells = json.loads((voila_app.VIEWS_DIR / nb).read_text(encoding="utf-8"))["cells"]
        assert len(cells) == 1 and len("".join(cells[0]["source"]).splitlines()) == 1, nb


def test_index_lists_every_view(server, browser_ctx):
    page = browser_ctx.new_page()
    page.goto(server + "/", wait_until="load")
    links = page.locator(".swl-views a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert [h.rsplit("/", 1)[1] for h in hrefs] == VIEWS
    assert "Career length" in page.locator(".swl-views").inner_text()
    page.close()


@pytest.mark.parametrize("nb", VIEWS)
def test_view(nb, server, browser_ctx):
    page = browser_ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    open_view(page, f"{server}/voila/render/{nb}", timeout_ms=90_000)
    page.wait_for_timeout(500)

    # no code, no raw markup, no solutions
    assert page.locator(".jp-InputArea-editor, .CodeMirror, .cm-editor, .jp-InputArea").count() == 0
    text = page.locator("body").inner_text()
    for raw in RAW_MARKUP:
        assert raw not in text, f"{nb} shows {raw!r}"
    assert page.locator("#swl-connection-banner").count() == 0

    # sizes at 1280x720
    sizes = page.evaluate("""() => {
      const vis = el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
        return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' &&
               r.top < innerHeight && r.bottom > 0 && r.width > 1 && r.height > 1; };
      const body = []; const fig = [];
      for (const el of document.querySelectorAll('.swl-projector *')) {
        if (el.closest('.js-plotly-plot, svg')) continue;
        const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
        if ((own || ['INPUT', 'SELECT'].includes(el.tagName)) && vis(el))
          body.push([parseFloat(getComputedStyle(el).fontSize), (el.textContent || el.value || '').trim().slice(0, 40)]);
      }
      const svgBox = document.querySelector('.swl-projector .js-plotly-plot .main-svg').getBoundingClientRect();
      const cut = [];
      for (const t of document.querySelectorAll('.swl-projector .js-plotly-plot svg text')) {
        if (t.textContent.trim() && vis(t)) fig.push([parseFloat(getComputedStyle(t).fontSize), t.textContent.slice(0, 40)]);
        const r = t.getBoundingClientRect();
        if (t.textContent.trim() && vis(t) && !t.closest('.hoverlayer') &&
            (r.left < svgBox.left - 1.5 || r.right > svgBox.right + 1.5 || r.top < svgBox.top - 1.5 ||
             r.bottom > svgBox.bottom + 1.5)) cut.push(t.textContent.slice(0, 40));
      }
      const box = el => { if (!el) return null; const r = el.getBoundingClientRect();
        return [r.left, r.top, r.right, r.bottom]; };
      const controls = Array.from(document.querySelectorAll(
        '.swl-projector-controls .widget-inline-hbox:not(.widget-html), .swl-projector-controls .widget-checkbox, ' +
        '.swl-projector-controls .widget-radio, .swl-rating-row'))
        .map(box);
      const gd = document.querySelector('.swl-projector .js-plotly-plot');
      const legend = gd.querySelector('.legend');
      const scroll = gd.querySelector('.legend .scrollbar');
      return {body, fig, cut, controls, figure: box(gd.querySelector('.main-svg')), legend: box(legend),
              legendScrolls: !!scroll && scroll.getBoundingClientRect().height > 0,
              width: innerWidth, height: innerHeight};
    }""")
    assert (sizes["width"], sizes["height"]) == (1280, 720)
    small = [b for b in sizes["body"] if b[0] < 20]
    assert not small, f"{nb}: body text under 20 px: {small[:5]}"
    assert sizes["fig"], f"{nb}: no figure text found"
    small = [f for f in sizes["fig"] if f[0] < 16]
    assert not small, f"{nb}: figure text under 16 px: {small[:5]}"
    assert not sizes["cut"], f"{nb}: figure text cut off at the figure's edge: {sizes['cut'][:5]}"
    inside = [sizes["figure"]] + sizes["controls"] + ([sizes["legend"]] if sizes["legend"] else [])
    assert sizes["controls"], f"{nb}: no controls found"
    for left, top, right, bottom in inside:
        assert left >= -1 and top >= -1 and right <= 1281 and bottom <= 721, f"{nb}: {left, top, right, bottom} off screen"
    assert not sizes["legendScrolls"], f"{nb}: the legend does not fit (it scrolls)"

    # a control changes the figure's data to what the component computes for the new value
    kind, before, after, option = expected_after_change(_slug(nb))
    assert before != after, f"{nb}: the test's change does not change the figure"
    assert figure_matches(page, before), f"{nb}: the first figure is not the component's first state"
    ctrl = page.locator(".swl-projector-controls .widget-dropdown select, .swl-projector-controls .widget-slider "
                        ".noUi-handle, .swl-projector-controls .widget-radio-box input").first
    if kind == "select":
        ctrl.select_option(index=option)
    elif kind == "radio":
        page.locator(".swl-projector-controls .widget-radio-box input").nth(1).check()
    else:
        ctrl.focus()
        page.keyboard.press("ArrowRight")
    page.wait_for_function(f"(e) => {{ const got = ({FIGURE_DATA_JS})(); return JSON.stringify(got) !== e; }}",
                           arg=json.dumps(page.evaluate(FIGURE_DATA_JS)), timeout=20_000)
    page.wait_for_timeout(300)
    assert figure_matches(page, after), f"{nb}: the browser's figure is not the component's state after the change"

    assert browser_ctx.swl_external == [], f"requests to another host: {browser_ctx.swl_external}"
    assert errors == [], errors
    page.goto("about:blank")  # as a reader closing the tab: Voilà stops the view's kernel
    page.close()


def test_stress_every_figure_follows_its_controls(browser, server):
    """20 loads in a row with both cores busy; every figure follows its controls every time (and the page would
    say so if it did not: the banner is checked too)."""
    from swleadership.voila_bench import stress

    with cpu_burner(seconds=600):  # stops with the block; 600 s at most in any case
        records = stress(server, VIEWS, loads=20, burn=False, log=print, browser=browser)
    dead = [r for r in records if not r["follows"]]
    assert len(records) == 20
    if dead:
        log = "\n".join(list(voila_app.Server.latest.log)[-60:]) if voila_app.Server.latest else ""
        pytest.fail(f"{len(dead)} of 20 loads had a figure that did not follow its controls: {dead}\n"
                    f"Voilà's log:\n{log}")
    assert not any(r["banner"] for r in records)


# ============================================================================ the watchdog: a view is never silent
KERNEL_SOCKET = re.compile(r"/api/kernels/[^/]+/channels")


def _watched_page(browser, silent_sockets: int, again_s: int):
    """A page whose first ``silent_sockets`` kernel connections open but never answer (a stalled kernel or a
    dropped connection), whose watchdog waits 3 s instead of 30 before its reload and ``again_s`` instead of 45
    after it, and which counts its own loads (``loads(page)``)."""
    ctx = browser.new_context(viewport=VIEWPORT)
    ctx.add_init_script(f"window.SWL_WATCHDOG_S = 3; window.SWL_WATCHDOG_AGAIN_S = {again_s}; if (window === window.top) "
                        "sessionStorage.setItem('test-loads', String(1 + Number(sessionStorage.getItem('test-loads'))));")
    seen = {"sockets": 0}

    def on_socket(ws):
        seen["sockets"] += 1
        if seen["sockets"] > silent_sockets:
            ws.connect_to_server()   # the real kernel: messages pass both ways

    ctx.route_web_socket(KERNEL_SOCKET, on_socket)
    return ctx, ctx.new_page()


def loads(page) -> int:
    return int(page.evaluate("Number(sessionStorage.getItem('test-loads'))"))


def test_a_view_whose_figure_never_arrives_reloads_once_and_then_draws(browser, server):
    ctx, page = _watched_page(browser, silent_sockets=1, again_s=60)
    try:
        page.goto(f"{server}/voila/render/{VIEWS[0]}", wait_until="commit", timeout=120_000)
        banner = page.locator("#swl-connection-banner")
        banner.wait_for(timeout=30_000)
        assert banner.get_attribute("role") == "alert"
        assert "reloading the page once" in banner.inner_text()
        page.wait_for_function(DRAWN_JS, timeout=120_000, polling=100)   # after the reload, on a live socket
        assert loads(page) == 2
        page.wait_for_timeout(4_000)   # longer than the first wait: no second reload, and no note left
        assert loads(page) == 2 and page.locator("#swl-connection-banner").count() == 0
    finally:
        ctx.close()


def test_a_view_that_still_fails_after_its_reload_says_so_and_offers_a_reload(browser, server):
    ctx, page = _watched_page(browser, silent_sockets=99, again_s=3)
    try:
        page.goto(f"{server}/voila/render/{VIEWS[1]}", wait_until="commit", timeout=120_000)
        page.wait_for_function("() => document.querySelector('#swl-connection-banner button')", timeout=60_000)
        banner = page.locator("#swl-connection-banner")
        assert "has still not arrived after a reload" in banner.inner_text()
        assert banner.locator("button").inner_text() == "Reload the page"
        page.wait_for_timeout(4_000)
        assert loads(page) == 2   # it reloads by itself once only: the reader decides after that
    finally:
        ctx.close()
