"""Drive the projector views in Voilà from real Chromium: load times, redraw times and the stress test.

Used by ``make bench`` (load and redraw times) and by ``tests/browser/test_voila_views.py`` (every view, then
20 loads in a row with both cores busy). ``python -m swleadership.voila_bench --stress 20`` runs the stress test
and prints each load; ``--url`` and ``--notebook`` point it at another Voilà server (for a before/after run).

A figure "follows its controls" when a key press or a choice on a control changes the figure's data in the
browser: only the kernel's Python callback can do that (it patches the live figure, which sends the new figure).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager

from ._local import free_port

CHROMIUM = os.environ.get("SWL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1280, "height": 720}

# Every plotly figure drawn on the page, and a fingerprint of what it shows.
FINGERPRINT_JS = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(gd =>
    JSON.stringify([gd.data || [], gd.layout || {}])).join('|')"""
DRAWN_JS = """() => { const g = Array.from(document.querySelectorAll('.js-plotly-plot'));
    return g.length > 0 && g.every(gd => !!gd._fullLayout); }"""

STATE_JS = """() => ({views: document.querySelectorAll('.swl-projector').length,
    widgets: document.querySelectorAll('.jupyter-widgets').length,
    live: document.querySelectorAll('.swl-live-figure').length,
    plots: document.querySelectorAll('.js-plotly-plot').length,
    drawn: Array.from(document.querySelectorAll('.js-plotly-plot')).filter(gd => gd._fullLayout).length,
    spinner: !!document.querySelector('#loading') && getComputedStyle(document.querySelector('#loading')).display,
    banner: (document.querySelector('#swl-connection-banner') || {}).textContent || null,
    plotly: typeof window.Plotly})"""

CONTROLS = [  # (selector, action) in order of preference: ipywidgets 8 controls reachable from the keyboard
    (".widget-dropdown select", "select"),
    (".widget-slider .noUi-handle", "ArrowRight"),
    (".widget-radio-box input", "ArrowDown"),
]


@contextmanager
def views_server(preheat: bool = True):
    """The projector views served by Voilà on a free port (as ``make app`` serves them), every view's kernel
    ready; yields the base URL."""
    from .voila_app import Server

    with Server(free_port(), ip="127.0.0.1", preheat=preheat) as server:
        server.wait_ready()
        yield server.base


@contextmanager
def cpu_burner(seconds: float = 600):
    """Keep every core busy (one busy-looping process per core) until the block ends; each stops by itself
    after ``seconds`` in any case."""
    code = f"import time\nend = time.time() + {seconds}\nwhile time.time() < end:\n    pass\n"
    procs = [subprocess.Popen([sys.executable, "-c", code]) for _ in range(os.cpu_count() or 2)]
    try:
        yield procs
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()


def open_view(page, url: str, timeout_ms: int = 60_000) -> float:
    """Open ``url``; return seconds until every figure on it is drawn."""
    t0 = time.perf_counter()
    page.goto(url, wait_until="domcontentloaded", timeout=timeout_ms)
    page.wait_for_function(DRAWN_JS, timeout=timeout_ms, polling=50)
    return time.perf_counter() - t0


def first_control(page) -> tuple[str, str]:
    for sel, action in CONTROLS:
        if page.locator(sel).count():
            return sel, action
    raise RuntimeError("no keyboard-operable ipywidgets control on the page")


def operate(page, selector: str, action: str, index: int = 0, option: int = 1) -> None:
    """Change control ``selector`` (nth ``index``): choose option ``option`` of a select, or press a key."""
    loc = page.locator(selector).nth(index)
    if action == "select":
        loc.select_option(index=option)
        return
    if selector.endswith("radio-box input"):
        # Arrow keys move from the focused radio button: start from the chosen one (from the first, ArrowUp
        # wraps to the last, which with two choices may be the chosen one already: no change at all).
        box = page.locator(".widget-radio-box").nth(index)
        if box.locator("input:checked").count():
            loc = box.locator("input:checked").first
    loc.focus()
    page.keyboard.press(action)


def change_and_wait(page, selector: str, action: str, index: int = 0, option: int = 1,
                    timeout_ms: int = 15_000) -> float:
    """Change a control; return ms until a figure on the page changed."""
    before = page.evaluate(FINGERPRINT_JS)
    t0 = time.perf_counter()
    operate(page, selector, action, index, option)
    page.wait_for_function(f"(b) => ({FINGERPRINT_JS})() !== b", arg=before, timeout=timeout_ms, polling=5)
    return (time.perf_counter() - t0) * 1000


def _toggle(action: str, i: int) -> tuple[str, int]:
    """Alternate directions so repeated changes stay inside a control's range."""
    if action == "select":
        return action, 1 + i % 2
    return (action if i % 2 == 0 else {"ArrowDown": "ArrowUp", "ArrowRight": "ArrowLeft"}[action]), 1


def _browser(p):
    return p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def measure(base: str, notebooks: list[str], repeats: int = 7) -> dict[str, dict[str, float]]:
    """Per view: seconds to the first figure in a fresh browser (cold), on a second visit (warm: the
    browser's cache holds Voilà's scripts and plotly.js) and when the view is closed and opened again at once
    (reopen: a reload), and the median ms from a control change to the redrawn figure."""
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as p:
        for nb in notebooks:
            browser = _browser(p)
            ctx = browser.new_context(viewport=VIEWPORT)
            page = ctx.new_page()
            cold = open_view(page, f"{base}/voila/render/{nb}")
            page.goto("about:blank")
            time.sleep(12)  # let Voilà refill the view's kernel pool (voila_app.FILL_DELAY; 10 s on older set-ups)
            page = ctx.new_page()
            warm = open_view(page, f"{base}/voila/render/{nb}")
            page.wait_for_timeout(500)
            sel, action = first_control(page)
            times = []
            for i in range(repeats):
                act, opt = _toggle(action, i)
                times.append(change_and_wait(page, sel, act, option=opt))
            page.goto("about:blank")  # closed, then opened again at once: a reload
            page = ctx.new_page()
            reopen = open_view(page, f"{base}/voila/render/{nb}")
            out[nb] = {"cold_s": cold, "warm_s": warm, "reopen_s": reopen, "redraw_ms": statistics.median(times)}
            browser.close()
    return out


def stress(base: str, notebooks: list[str], loads: int = 20, burn: bool = True, log=print,
           browser=None) -> list[dict]:
    """Open ``loads`` pages in a row (cycling through ``notebooks``), with every core kept busy when ``burn``;
    each time, change one control and wait for the figure to follow. Returns one record per load."""
    from playwright.sync_api import sync_playwright

    if browser is None:
        with sync_playwright() as p:
            b = _browser(p)
            try:
                return stress(base, notebooks, loads, burn, log, browser=b)
            finally:
                b.close()
    from playwright.sync_api import Error as PWError

    records = []
    with cpu_burner(seconds=60 * 15) if burn else _nothing():
        for i in range(loads):
            nb = notebooks[i % len(notebooks)]
            ctx = browser.new_context(viewport=VIEWPORT)
            page = ctx.new_page()
            messages: list[str] = []
            page.on("console", lambda m, msgs=messages: msgs.append(m.text) if m.type == "error" else None)
            rec = {"load": i + 1, "notebook": nb, "drawn_s": None, "follows": False, "banner": False, "error": ""}
            try:
                # Long timeouts: a busy machine is slow, not dead; a dead figure never follows, however long.
                rec["drawn_s"] = round(open_view(page, f"{base}/voila/render/{nb}", timeout_ms=180_000), 1)
                page.wait_for_timeout(300)
                sel, action = first_control(page)
                rec["redraw_ms"] = round(change_and_wait(page, sel, action, timeout_ms=60_000))
                rec["follows"] = True
            except (PWError, RuntimeError) as exc:
                rec["error"] = str(exc).splitlines()[0][:160]
                try:  # what the page showed: for the record
                    rec["state"] = page.evaluate(STATE_JS)
                except PWError:
                    rec["state"] = None
            rec["banner"] = page.locator("#swl-connection-banner").count() > 0
            rec["anywidget_failed"] = any("Failed to initialize" in m for m in messages)
            records.append(rec)
            page.goto("about:blank")  # leave the page as a reader closing the tab does: Voilà stops its kernel
            log(f"load {rec['load']:2d} {nb}: drawn {rec['drawn_s']} s, follows {rec['follows']}"
                + (f" ({rec['error']}; page: {rec.get('state')})" if rec["error"] else "") + (" [anywidget failed]" if rec["anywidget_failed"]
                                                                      else ""))
            ctx.close()
    return records


@contextmanager
def _nothing():
    yield None


def voila_latency(repeats: int = 7) -> dict[str, float]:
    """Median ms from a control change to the redrawn figure, per projector view (for ``make bench``)."""
    return {nb: r["redraw_ms"] for nb, r in voila_views_bench(repeats).items()}


def voila_views_bench(repeats: int = 7) -> dict[str, dict[str, float]]:
    from .voila_app import views

    with views_server() as base:
        return measure(base, views(), repeats)


def main(argv: list[str] | None = None) -> int:
    from .voila_app import views

    ap = argparse.ArgumentParser(description="Projector views in Voilà: load/redraw times and the stress test.")
    ap.add_argument("--stress", type=int, default=0, help="loads in a row with both cores busy (0: time each view)")
    ap.add_argument("--no-burn", action="store_true", help="stress test without the CPU burner")
    ap.add_argument("--url", help="an already running Voilà server (default: start the projector views)")
    ap.add_argument("--notebook", action="append", help="notebook(s) to open (default: every projector view)")
    args = ap.parse_args(argv)
    notebooks = args.notebook or views()

    def run(base):
        if args.stress:
            recs = stress(base, notebooks, args.stress, burn=not args.no_burn)
            dead = [r for r in recs if not r["follows"]]
            print(f"{len(dead)} of {len(recs)} loads had a figure that did not follow its controls; "
                  f"{sum(r['banner'] for r in dead)} of those said so on screen.")
            return 1 if dead else 0
        for nb, r in measure(base, notebooks).items():
            print(f"{nb}: first figure {r['cold_s']:.1f} s cold, {r['warm_s']:.1f} s warm, "
                  f"{r['reopen_s']:.1f} s reopened at once; redraw median {r['redraw_ms']:.0f} ms")
        return 0

    if args.url:
        from .voila_app import wait_until_up

        wait_until_up(args.url.rstrip("/"), timeout=180)
        return run(args.url.rstrip("/"))
    with views_server() as base:
        return run(base)


if __name__ == "__main__":
    raise SystemExit(main())
