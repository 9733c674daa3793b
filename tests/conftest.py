"""Shared fixtures: the built site served on localhost, real Chromium, and Voilà.

Browser tests drive Debian's chromium through playwright (``executable_path``); ``playwright install`` cannot
download a browser here. A missing browser or site is a failure with a one-line fix, never a skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from swleadership._local import ServerDidNotStart, free_port, wait_until_answers
from swleadership.site import chapter_pages, content_pages  # noqa: F401  (re-exported for tests)

ROOT = Path(__file__).resolve().parent.parent
SITE = Path(os.environ.get("SWL_SITE_DIR", ROOT / "_build" / "html"))
CHROMIUM = os.environ.get("SWL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def pytest_sessionstart(session):
    """Under ``make mutation`` each mutant's tests run in a process forked from one that has already run the
    suite: empty the package's caches first, or a mutant in a function whose result was cached is never run."""
    if not os.environ.get("MUTANT_UNDER_TEST"):
        return
    for name, module in list(sys.modules.items()):
        if not name.startswith("swleadership") or module is None:
            continue
        for attr, value in list(vars(module).items()):
            if hasattr(value, "cache_clear"):
                value.cache_clear()
            elif isinstance(value, dict) and attr.startswith("_") and attr.endswith("CACHE"):
                value.clear()


def pytest_collection_modifyitems(config, items):
    """Under ``make mutation``, leave out the timed test (on a loaded machine its time bound fails for reasons
    that have nothing to do with the mutant; ``make bench`` measures the same paths) and the tiny Sphinx build
    (seconds per mutant; the extension is not mutated, and the functions it calls have their own tests)."""
    if not os.environ.get("MUTANT_UNDER_TEST"):
        return
    timed = [i for i in items if i.name == "test_bench_models_meets_the_goal" or i.path.name == "test_sphinxext.py"]
    if timed:
        config.hook.pytest_deselected(items=timed)
        items[:] = [i for i in items if i not in timed]


@pytest.fixture(scope="session")
def site_dir() -> Path:
    if not (SITE / "book" / "intro.html").is_file():
        pytest.fail(f"No built book at {SITE}: run `make book` first (make test does it for you).")
    return SITE


@pytest.fixture(scope="session")
def site_url(site_dir) -> str:
    """The built site on a local HTTP server in its own process (it must not share the tests' GIL)."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                             "--directory", str(site_dir)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_answers(base + "/book/intro.html", 20, proc, what="the local HTTP server for the built site")
    except ServerDidNotStart as exc:
        proc.kill()
        pytest.fail(str(exc))
    yield base
    proc.terminate()
    proc.wait(timeout=10)


def goto(page, url: str) -> None:
    """Open a page and wait until its scripts have run and plotly has drawn every figure."""
    page.goto(url, wait_until="load", timeout=60_000)
    # swl.js fetches plotly.js when the first figure comes near the screen, then draws every figure; draw them now,
    # as scrolling to a figure would (tests/browser/test_weight.py checks the scrolling itself).
    page.evaluate("() => document.querySelector('.plotly-graph-div') && window.SWL && window.SWL.drawFigures()")
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('.plotly-graph-div')).every(gd => gd._fullLayout)",
        timeout=30_000,
    )


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install it with `apt-get install chromium` (make test does).")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the venv has it
        pytest.fail("playwright is not installed: run `make venv`.")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Page:
    """A page with every non-local request blocked and recorded."""

    def __init__(self, browser, allowed_hosts=("127.0.0.1", "localhost")):
        self.external: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(accept_downloads=True)
        self.page = self.context.new_page()

        def route(r):
            host = r.request.url.split("/")[2].split(":")[0] if "://" in r.request.url else ""
            if r.request.url.startswith(("data:", "blob:")) or host in allowed_hosts:
                r.continue_()
            else:
                self.external.append(r.request.url)
                r.abort()

        self.context.route("**/*", route)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def close(self):
        self.context.close()


@pytest.fixture
def new_page(browser):
    pages = []

    def make():
        p = Page(browser)
        pages.append(p)
        return p

    yield make
    for p in pages:
        p.close()


# ---------------------------------------------------------------------------------------------- Voilà
@pytest.fixture(scope="session")
def voila_url():
    """One Voilà server on the projector views (as `make app` serves them) for the session; returns a function
    giving a view notebook's URL."""
    from swleadership.voila_bench import views_server

    if shutil.which("voila", path=str(Path(sys.executable).parent)) is None:
        pytest.fail("voila is not installed in the venv: run `make venv`.")
    with views_server() as base:
        yield lambda nb: f"{base}/voila/render/{nb}"
