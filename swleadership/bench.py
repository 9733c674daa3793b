"""``make bench``: the book's performance figures, printed (benchmarks, not timed tests).

- clean build of the whole book (goal ≤ 120 s on 2 cores) and a rebuild with nothing changed (goal ≤ 15 s);
- execution time of each notebook (from the jupyter-cache records of the clean build);
- page weight of every chapter page: median (goal ≤ 150 KB), max (≤ 400 KB) and the three heaviest;
- data: validating the whole package and a typical ``load()``; importing DfE's whole indicators file;
- models: each explorer's recompute, median and p95 (goal ≤ 20 ms);
- Voilà: control change → figure updated in the browser, median (goal ≤ 300 ms);
- prose: words, reading time, sentence length, "the paper" and boilerplate per chapter (``swleadership.prose``);
- page loads in Chromium, every page (``pageload.py``): first-visit bytes (goal ≤ 1.5 MB with a figure,
  ≤ 0.8 MB without), bytes after reading to the end, repeat-visit bytes (goal ≤ 150 KB), the largest asset;
  Lighthouse (mobile) performance with FCP, LCP and TBT on a sample of pages, median of 3 runs (goal ≥ 90).

Options (environment): ``BASELINE_SITE=path/to/_build/html`` measures an earlier build side by side and prints
the after/before ratio; ``FULL=1`` runs Lighthouse on every page; ``LH_RUNS=n`` runs per page (default 3);
``PAGES_ONLY=1`` skips the build, notebook, data and model sections and measures ``_build/html``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ._env import REPO_ROOT
from .site import BUDGET_MAX, BUDGET_MEDIAN, page_weights


def _line(label: str, value: str, goal: str = "") -> None:
    print(f"  {label:<44} {value:>14}   {goal}")


def bench_dfe_import(repeats: int = 3) -> dict[str, float]:
    """Median seconds to read DfE's whole indicators file (every area and year, remade from data/ in DfE's layout):
    the importer alone, and a lecturer's upload of it (importer plus every check)."""
    import statistics

    sys.path.insert(0, str(REPO_ROOT))
    from tests import _dfe_fixtures as fx  # the same DfE-layout writer the tests use

    from . import dfe
    from .data import validate_upload

    raw = fx.indicators_csv()
    path = Path(tempfile.mkdtemp(prefix="swl-dfe-")) / "csww_indicators_full.csv"
    path.write_bytes(raw)

    def timed(fn) -> float:
        runs = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            fn()
            runs.append(time.perf_counter() - t0)
        return statistics.median(runs)

    try:
        rows = raw.count(b"\n") - 1
        return {f"DfE full indicators file ({rows} rows): importer": timed(lambda: dfe.read_file(path, dfe.INDICATORS)),
                "DfE full indicators file: upload with checks": timed(
                    lambda: validate_upload(raw, "children_workforce_areas", path.name))}
    finally:
        shutil.rmtree(path.parent, ignore_errors=True)


def static_area_latency(site: Path, page: str = "notebooks/36-explore-workforce-data.html", n: int = 15) -> dict:
    """Choosing a local authority in the static pressures explorer -> figure, summary and table redrawn (next
    frame), median over ``n`` authorities, in real Chromium; and the explorer's share of the page's bytes."""
    import socket
    import statistics

    from playwright.sync_api import sync_playwright

    html_bytes = (site / page).stat().st_size
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory",
                               str(site)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)
        with sync_playwright() as p:
            b = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox",
                                                                             "--disable-gpu"])
            pg = b.new_page()
            pg.goto(f"http://127.0.0.1:{port}/{page}", wait_until="load")
            pg.evaluate("window.SWL && SWL.drawFigures && SWL.drawFigures()")  # figures draw near the screen
            pg.wait_for_selector(".swl-areas[data-drawn]", timeout=60_000)
            ids = pg.evaluate("document.querySelector('.swl-areas').swlAreas.ids.filter(i => i.startsWith('la:'))")
            step = max(1, len(ids) // n)
            ms = [pg.evaluate("""async (id) => {
                const sel = document.querySelector('.swl-areas-area'), t0 = performance.now();
                sel.value = id; sel.dispatchEvent(new Event('change'));
                await new Promise(r => requestAnimationFrame(() => r()));
                return performance.now() - t0; }""", i) for i in ids[::step][:n]]
            payload = pg.evaluate("document.querySelector('script.swl-areas-data').textContent.length")
            b.close()
    finally:
        server.terminate()
    return {f"choose an authority -> redrawn (median of {len(ms)})": f"{statistics.median(ms):.0f} ms",
            "areas covered": f"{len(ids)} local authorities",
            "area table on the page (JSON)": f"{payload / 1000:.1f} KB",
            f"{page.split('/')[-1]} own HTML": f"{html_bytes / 1000:.1f} KB"}


def build(out: Path) -> float:
    jb = Path(sys.executable).parent / "jupyter-book"
    t0 = time.perf_counter()
    subprocess.run([str(jb), "build", str(REPO_ROOT), "--path-output", str(out), "-W", "-n", "--keep-going"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO_ROOT)
    return time.perf_counter() - t0


def notebook_times(out: Path) -> list[tuple[str, float]]:
    from jupyter_cache import get_cache

    cache = get_cache(out / "_build" / ".jupyter_cache")
    rows = []
    for rec in cache.list_cache_records():
        rows.append((Path(rec.uri).name, float((rec.data or {}).get("execution_seconds", float("nan")))))
    return sorted(rows, key=lambda r: -r[1])


def _mb(n: float) -> str:
    return f"{n / 1e6:.2f} MB" if n >= 100_000 else f"{n / 1000:.0f} KB"


def _ratio(after: float, before: float | None) -> str:
    return f"{before and _mb(before) or '?'} -> {_mb(after)} (x{after / before:.2f})" if before else _mb(after)


#: Lighthouse's default sample: the heaviest chapter, the chapter with maths and most figures, a page without.
LH_SAMPLE = ["notebooks/20-comparing-models.html", "notebooks/36-explore-workforce-data.html", "book/glossary.html"]


def page_loads(site: Path, baseline: Path | None = None) -> None:
    """Print first-visit, read-to-end and repeat-visit bytes for every page, and Lighthouse on a sample."""
    import statistics

    from playwright.sync_api import sync_playwright

    from . import pageload as pl
    from .site import chapter_pages, content_pages

    sites = {"after": site} | ({"before": baseline} if baseline else {})
    pages = [p.relative_to(site).as_posix() for p in content_pages(site)] + ["search.html"]
    chapters = [p.relative_to(site).as_posix() for p in chapter_pages(site)]
    res: dict = {k: {} for k in sites}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=os.environ.get("SWL_CHROMIUM", "/usr/bin/chromium"),
                                     args=["--headless", "--no-sandbox", "--disable-gpu"])
        for label, root in sites.items():
            with pl.serve(root) as plain, pl.serve(root, compressed=True) as packed:
                for rel in pages:
                    at_load, full = pl.first_visit(browser, plain, rel)
                    prev = chapters[chapters.index(rel) - 1] if rel in chapters[1:] else chapters[0]
                    rep = pl.repeat_visit(browser, plain, prev, rel)
                    rep_c = pl.repeat_visit(browser, packed, prev, rel)
                    res[label][rel] = (at_load, full, rep, rep_c)
        browser.close()
    print("\nPage loads in Chromium, phone 390x844 (bytes as received, headers included; before -> after)")
    print("  first visit: cold cache, at load, from a server that does not compress; full: after reading to the end")
    print("  repeat: after reading the previous chapter, plain server / precompressed (.br) server")
    ok_first = ok_rep = 0
    for rel in pages:
        a = res["after"][rel]
        b = res.get("before", {}).get(rel)
        goal = pl.goal(site, rel)
        ok_first += a[0].bytes <= goal
        ok_rep += a[3].bytes <= pl.GOAL_REPEAT
        print(f"  {rel}")
        print(f"      first visit {_ratio(a[0].bytes, b and b[0].bytes)}   goal <= {_mb(goal)}"
              f" {'ok' if a[0].bytes <= goal else 'OVER'}")
        print(f"      full        {_ratio(a[1].bytes, b and b[1].bytes)}")
        print(f"      repeat      {_ratio(a[2].bytes, b and b[2].bytes)} plain;  "
              f"{_ratio(a[3].bytes, b and b[3].bytes)} compressed   goal <= {_mb(pl.GOAL_REPEAT)}"
              f" {'ok' if a[3].bytes <= pl.GOAL_REPEAT else 'OVER'}")
        big = a[1].largest
        print(f"      largest     {big[1]} {_mb(big[0])}" + (f"   (before: {b[1].largest[1]} {_mb(b[1].largest[0])})" if b else ""))
    print(f"  within the first-visit goal: {ok_first}/{len(pages)} pages; repeat-visit goal: {ok_rep}/{len(pages)}")

    if not pl.LIGHTHOUSE.is_file():
        raise SystemExit("Lighthouse is not installed: `make bench` installs it (npm ci --prefix tests/node).")
    runs = int(os.environ.get("LH_RUNS", "3"))
    sample = [p for p in LH_SAMPLE if p in pages] if os.environ.get("QUICK") == "1" else pages
    print(f"\nLighthouse 12 (mobile, simulated throttling), median of {runs} runs, site served precompressed;"
          f" goal >= {pl.GOAL_LIGHTHOUSE}")
    scores: list[float] = []
    for rel in sample:
        line = []
        after_score = 0.0
        for label, root in sites.items():
            with pl.serve(root, compressed=True) as packed:
                rs = [pl.lighthouse(f"{packed}/{rel}") for _ in range(runs)]
            med = {k: statistics.median(r[k] for r in rs) for k in rs[0]}
            if label == "after":
                after_score = med["score"]
            line.append(f"{label}: {med['score']:.0f} (FCP {med['fcp'] / 1000:.1f} s, LCP {med['lcp'] / 1000:.1f} s,"
                        f" TBT {med['tbt']:.0f} ms; runs {[r['score'] for r in rs]})")
        print(f"  {rel}\n      " + "\n      ".join(reversed(line)))
        scores.append(after_score)
    below = [rel for rel, sc in zip(sample, scores, strict=True) if sc < pl.GOAL_LIGHTHOUSE]
    print(f"  pages at or above {pl.GOAL_LIGHTHOUSE}: {len(sample) - len(below)}/{len(sample)}"
          + (f"; below: {', '.join(below)}" if below else ""))


def main() -> int:
    sys.stdout.reconfigure(line_buffering=True)  # long runs: show each figure as it comes
    print(f"Benchmarks on {os.cpu_count()} cores (python {sys.version.split()[0]})")
    baseline = Path(os.environ["BASELINE_SITE"]) if os.environ.get("BASELINE_SITE") else None
    if os.environ.get("PAGES_ONLY") == "1":
        page_loads(REPO_ROOT / "_build" / "html", baseline)
        return 0
    out = Path(tempfile.mkdtemp(prefix="swl-bench-"))
    try:
        print("\nBook build")
        clean = build(out)
        _line("clean build, whole book", f"{clean:.1f} s", "goal ≤ 120 s")
        again = build(out)
        _line("rebuild, nothing changed (cache)", f"{again:.1f} s", "goal ≤ 15 s")
        times = notebook_times(out)
        print("\nNotebook execution (clean build)")
        for name, sec in times:
            _line(name, f"{sec:.2f} s")
        if times:
            _line("total", f"{sum(t for _, t in times):.1f} s")
        site = out / "_build" / "html"
        w = page_weights(site)
        print("\nPage weight (chapter pages; shared _static assets excluded)")
        _line("pages", str(len(w.rows)))
        _line("median", f"{w.median / 1000:.1f} KB", f"goal ≤ {BUDGET_MEDIAN / 1000:.0f} KB")
        _line("max", f"{w.max / 1000:.1f} KB", f"goal ≤ {BUDGET_MAX / 1000:.0f} KB")
        for page, size in w.rows[:3]:
            _line(f"  heavy: {page}", f"{size / 1000:.1f} KB")
        print("\nAll chapter pages")
        for page, size in w.rows:
            _line(page, f"{size / 1000:.1f} KB")
        print("\nWorkforce pressures in the static book (every area)")
        for label, value in static_area_latency(site).items():
            _line(label, value, "goal ≤ 300 ms" if "choose" in label else "")
        from .prose import report as prose_report

        print()
        prose_report(site)
        page_loads(site, baseline)
    finally:
        shutil.rmtree(out, ignore_errors=True)

    print("\nData")
    try:
        from .data import bench_data

        for label, sec in bench_data().items():
            _line(label, f"{sec * 1000:.1f} ms")
    except ImportError as exc:  # pragma: no cover
        _line("data benchmarks unavailable", str(exc))
    for label, sec in bench_dfe_import().items():
        _line(label, f"{sec * 1000:.0f} ms")

    print("\nModels (explorer recompute)")
    from .explorers import bench_models  # the models themselves import nothing of the explorers

    for label, stats in bench_models().items():
        _line(label, f"median {stats['median']:.2f} ms, p95 {stats['p95']:.2f} ms", "goal ≤ 20 ms")

    try:
        from .voila_bench import voila_views_bench

        print("\nVoilà projector views (make app): first figure after opening; control change → figure updated")
        for label, r in voila_views_bench().items():
            _line(label, f"first figure {r['cold_s']:.1f} s cold, {r['warm_s']:.1f} s warm, {r['reopen_s']:.1f} s "
                         f"reopened at once; redraw median {r['redraw_ms']:.0f} ms", "goal ≤ 10 s; ≤ 300 ms")
    except ImportError:
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
