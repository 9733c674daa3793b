"""``make bench``: the book's performance figures, printed (benchmarks, not timed tests).

- clean build of the whole book (goal ≤ 120 s on 2 cores) and a rebuild with nothing changed (goal ≤ 15 s);
- execution time of each notebook (from the jupyter-cache records of the clean build);
- page weight of every chapter page: median (goal ≤ 150 KB), max (≤ 400 KB) and the three heaviest;
- data: validating the whole package and a typical ``load()``;
- models: each explorer's recompute, median and p95 (goal ≤ 20 ms);
- Voilà: control change → figure updated in the browser, median (goal ≤ 300 ms).
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


def main() -> int:
    print(f"Benchmarks on {os.cpu_count()} cores (python {sys.version.split()[0]})")
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
    finally:
        shutil.rmtree(out, ignore_errors=True)

    print("\nData")
    try:
        from .data import bench_data

        for label, sec in bench_data().items():
            _line(label, f"{sec * 1000:.1f} ms")
    except ImportError as exc:  # pragma: no cover
        _line("data benchmarks unavailable", str(exc))

    print("\nModels (explorer recompute)")
    try:
        from .explorers import bench_models
    except ImportError:
        from .models import bench_models  # type: ignore[no-redef]
    for label, stats in bench_models().items():
        _line(label, f"median {stats['median']:.2f} ms, p95 {stats['p95']:.2f} ms", "goal ≤ 20 ms")

    try:
        from .voila_bench import voila_views_bench

        print("\nVoilà projector views (make app): first figure after opening; control change → figure updated")
        for label, r in voila_views_bench().items():
            _line(label, f"first figure {r['cold_s']:.1f} s cold, {r['warm_s']:.1f} s warm; redraw median "
                         f"{r['redraw_ms']:.0f} ms", "goal ≤ 10 s; ≤ 300 ms")
    except ImportError:
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
