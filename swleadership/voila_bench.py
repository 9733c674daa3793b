"""Drive an explorer in Voilà from the keyboard and time control change → figure updated in the browser.

Used by ``make bench`` (latency) and by the Voilà browser tests (proof that a Python callback ran: the figure
changes only if the kernel's callback updated the ``FigureWidget``).
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from ._env import BOOK_BUILD_VAR, REPO_ROOT

CHROMIUM = os.environ.get("SWL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# The plotly figure drawn by a FigureWidget, and a fingerprint of what it shows.
FINGERPRINT_JS = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(gd =>
    JSON.stringify([gd.data || [], gd.layout || {}])).join('|')"""

CONTROLS = [  # (selector, key) in order of preference: ipywidgets 8 controls reachable from the keyboard
    (".widget-dropdown select", "ArrowDown"),
    (".widget-slider .noUi-handle", "ArrowRight"),
    (".widget-radio-box input", "ArrowDown"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def voila_server(folder: Path = REPO_ROOT / "notebooks"):
    """A Voilà server on ``folder``; yields its base URL."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != BOOK_BUILD_VAR}
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "voila"), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
         "--show_tracebacks=False", str(folder)],
        cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/api/kernelspecs", timeout=2)
                break
            except urllib.error.HTTPError:
                break  # any HTTP answer means it is up (403 is normal)
            except OSError:
                if time.time() > deadline:
                    raise RuntimeError("Voilà did not start within 60 s") from None
                time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def open_app(page, base: str, notebook: str, timeout_ms: int = 90_000) -> None:
    page.goto(f"{base}/voila/render/{notebook}", wait_until="domcontentloaded", timeout=timeout_ms)
    page.wait_for_selector(".js-plotly-plot", timeout=timeout_ms)
    page.wait_for_timeout(500)


def change_and_wait(page, selector: str, key: str, index: int = 0, timeout_ms: int = 10_000) -> float:
    """Press ``key`` on control ``selector`` (nth ``index``); return ms until a figure on the page changed."""
    before = page.evaluate(FINGERPRINT_JS)
    page.locator(selector).nth(index).focus()
    t0 = time.perf_counter()
    page.keyboard.press(key)
    page.wait_for_function(f"(b) => ({FINGERPRINT_JS})() !== b", arg=before, timeout=timeout_ms, polling=5)
    return (time.perf_counter() - t0) * 1000


def first_control(page) -> tuple[str, str]:
    for sel, key in CONTROLS:
        if page.locator(sel).count():
            return sel, key
    raise RuntimeError("no keyboard-operable ipywidgets control on the page")


def voila_latency(notebooks=("36-explore-workforce-data.ipynb",), repeats: int = 7) -> dict[str, float]:
    """Median ms from a key press on an explorer control to the figure updating, per notebook."""
    from playwright.sync_api import sync_playwright

    out = {}
    with voila_server() as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for nb in notebooks:
            page = browser.new_page()
            open_app(page, base, nb)
            sel, key = first_control(page)
            times = []
            for i in range(repeats):
                k = key if i % 2 == 0 else {"ArrowDown": "ArrowUp", "ArrowRight": "ArrowLeft"}[key]
                times.append(change_and_wait(page, sel, k))
            out[nb] = statistics.median(times)
            page.close()
        browser.close()
    return out
