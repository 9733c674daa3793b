"""What a reader's browser downloads: first visit, repeat visit and Lighthouse, measured on a built site.

Shared by ``make bench`` (which prints every page, before and after) and the bytes-budget test
(tests/browser/test_weight.py). The site is served by :func:`serve`, a static server like the hosts in the
README: ``Cache-Control: max-age=600`` (as GitHub Pages sends) and, with ``compressed=True``, the prebuilt
``.br``/``.gz`` copies when the browser accepts them.

- **First visit**: a fresh browser profile (cold cache) opens the page; the bytes of every response received
  until the network is idle (headers included). The reader has not scrolled: figures' plotly.js and MathJax
  arrive when the first figure or formula comes near the screen, and are counted in ``full``, the bytes after
  scrolling to the end of the page.
- **Repeat visit**: the same profile has read the previous page of the book to its end; then the page is
  opened and the bytes that did not come from the cache are counted.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ._local import free_port, wait_until_answers

#: Goals (issue 14), in bytes as Chromium downloads them from a server that does not compress.
GOAL_FIGURE_PAGE = 1_500_000
GOAL_TEXT_PAGE = 800_000
GOAL_REPEAT = 150_000
GOAL_LIGHTHOUSE = 90

LIGHTHOUSE = Path(__file__).resolve().parent.parent / "tests" / "node" / "node_modules" / "lighthouse" / "cli" / "index.js"


# ------------------------------------------------------------------------------------------------ server
class _Handler(SimpleHTTPRequestHandler):
    compressed = False

    def log_message(self, *args):  # quiet
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        if self.compressed:
            path = self.translate_path(self.path)
            accept = self.headers.get("Accept-Encoding", "")
            for enc, ext in (("br", ".br"), ("gzip", ".gz")):
                if enc in accept and os.path.isfile(path + ext):
                    f = open(path + ext, "rb")  # noqa: SIM115 - closed by the base class after copying
                    self.send_response(200)
                    self.send_header("Content-Type", self.guess_type(path))
                    self.send_header("Content-Encoding", enc)
                    self.send_header("Vary", "Accept-Encoding")
                    self.send_header("Content-Length", str(os.fstat(f.fileno()).st_size))
                    self.end_headers()
                    return f
        return super().send_head()


@contextlib.contextmanager
def serve(site: Path, compressed: bool = False):
    """Serve ``site`` on localhost from a separate process; yields the base URL."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "swleadership.pageload", str(site), str(port),
                             "compressed" if compressed else "plain"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_answers(base + "/", 20, proc, what=f"the static server for {site}")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


# ------------------------------------------------------------------------------------------------ bytes
@dataclass
class Visit:
    bytes: int = 0
    largest: tuple[int, str] = (0, "")
    sizes: dict = field(default_factory=dict)


class _Meter:
    """Counts bytes per request over the DevTools protocol (encodedDataLength: as received, headers included)."""

    def __init__(self, context, page):
        self.cdp = context.new_cdp_session(page)
        self.cdp.send("Network.enable")
        self.urls: dict[str, str] = {}
        self.sizes: dict[str, int] = {}
        self.cdp.on("Network.requestWillBeSent", lambda e: self.urls.__setitem__(e["requestId"], e["request"]["url"]))
        self.cdp.on("Network.loadingFinished",
                    lambda e: self.sizes.__setitem__(e["requestId"], int(e.get("encodedDataLength", 0))))

    def take(self, base: str) -> Visit:
        v = Visit()
        for rid, n in self.sizes.items():
            url = self.urls.get(rid, "?").replace(base, "").split("?")[0]
            v.sizes[url] = v.sizes.get(url, 0) + n
        v.bytes = sum(v.sizes.values())
        if v.sizes:
            url, n = max(v.sizes.items(), key=lambda kv: kv[1])
            v.largest = (n, url)
        self.sizes.clear()
        return v


def _track(page) -> None:
    """Keep count of the page's requests in flight (Playwright's "networkidle" never fires with this Chromium)."""
    page._swl_pending = set()
    page.on("request", lambda r: page._swl_pending.add(r))
    page.on("requestfinished", lambda r: page._swl_pending.discard(r))
    page.on("requestfailed", lambda r: page._swl_pending.discard(r))


def _settle(page, quiet_ms: int = 600, timeout_s: float = 60) -> None:
    """Wait until no request has been in flight for ``quiet_ms`` (scripts may start new ones meanwhile)."""
    deadline, quiet_since = time.time() + timeout_s, None
    while time.time() < deadline:
        page.wait_for_timeout(100)
        if page._swl_pending:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.time()
        elif (time.time() - quiet_since) * 1000 >= quiet_ms:
            return
    raise TimeoutError(f"{page.url}: requests still in flight after {timeout_s:.0f} s")


def _read_to_end(page) -> None:
    """Scroll through the page as a reader would, so that lazily loaded assets (plotly.js, MathJax) arrive."""
    height = page.evaluate("() => document.documentElement.scrollHeight")
    step = 2 * (page.viewport_size["height"] if page.viewport_size else 800)  # within swl.js's 1200 px margin
    for y in range(0, height + step, step):
        page.evaluate(f"() => window.scrollTo(0, {y})")
        page.wait_for_timeout(30)
    _settle(page)


def _context(browser):
    """A fresh profile (empty cache) on a phone. No request routing: Playwright turns the HTTP cache off with it."""
    return browser.new_context(**PHONE)


PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}


def first_visit(browser, base: str, rel: str, full: bool = True) -> tuple[Visit, Visit | None]:
    """(bytes at load, bytes after reading to the end) for a first visit to ``rel`` with a cold cache, on a phone."""
    ctx = _context(browser)
    try:
        page = ctx.new_page()
        _track(page)
        meter = _Meter(ctx, page)
        page.goto(f"{base}/{rel}", wait_until="load", timeout=60_000)
        _settle(page)
        at_load = meter.take(base)
        if not full:
            return at_load, None
        _read_to_end(page)
        later = meter.take(base)
        total = Visit(sizes={**at_load.sizes})
        for k, n in later.sizes.items():
            total.sizes[k] = total.sizes.get(k, 0) + n
        total.bytes = sum(total.sizes.values())
        total.largest = max(((n, k) for k, n in total.sizes.items()), default=(0, ""))
        return at_load, total
    finally:
        ctx.close()


def repeat_visit(browser, base: str, previous: str, rel: str) -> Visit:
    """Bytes not from the cache when ``rel`` is opened after reading ``previous`` to its end (same profile)."""
    ctx = _context(browser)
    try:
        page = ctx.new_page()
        _track(page)
        meter = _Meter(ctx, page)
        page.goto(f"{base}/{previous}", wait_until="load", timeout=60_000)
        _settle(page)
        _read_to_end(page)
        meter.take(base)
        page.goto(f"{base}/{rel}", wait_until="load", timeout=60_000)
        _settle(page)
        return meter.take(base)
    finally:
        ctx.close()


def has_figure(site: Path, rel: str) -> bool:
    return "swl-plotly" in (site / rel).read_text(encoding="utf-8") or "plotly-graph-div" in (site / rel).read_text(
        encoding="utf-8")


def goal(site: Path, rel: str) -> int:
    """The first-visit goal of a page; the search page may add the search index, which is what it is for."""
    if rel == "search.html":
        return GOAL_TEXT_PAGE + (site / "searchindex.js").stat().st_size
    return GOAL_FIGURE_PAGE if has_figure(site, rel) else GOAL_TEXT_PAGE


# ------------------------------------------------------------------------------------------------ Lighthouse
def lighthouse(url: str) -> dict:
    """One Lighthouse run (mobile, simulated throttling): performance score and FCP/LCP/TBT in ms."""
    if not LIGHTHOUSE.is_file():
        raise FileNotFoundError("Lighthouse is not installed: run `cd tests/node && npm ci`.")
    env = {**os.environ, "CHROME_PATH": os.environ.get("SWL_CHROMIUM", "/usr/bin/chromium")}
    for attempt in range(3):  # under CPU contention Lighthouse sometimes fails with PROTOCOL_TIMEOUT; rerun
        r = subprocess.run(["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
                            "--only-categories=performance", "--chrome-flags=--headless=new --no-sandbox"],
                           capture_output=True, text=True, env=env, timeout=300)
        if r.returncode == 0:
            break
        if attempt == 2:
            raise RuntimeError(f"Lighthouse failed on {url}: {r.stderr[-500:]}")
    rep = json.loads(r.stdout)
    a = rep["audits"]
    return {"score": round(100 * (rep["categories"]["performance"]["score"] or 0)),
            "fcp": a["first-contentful-paint"]["numericValue"],
            "lcp": a["largest-contentful-paint"]["numericValue"],
            "tbt": a["total-blocking-time"]["numericValue"]}


if __name__ == "__main__":  # python -m swleadership.pageload SITE PORT plain|compressed
    site, port, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    _Handler.compressed = mode == "compressed"
    os.chdir(site)
    ThreadingHTTPServer(("127.0.0.1", port), _Handler).serve_forever()
