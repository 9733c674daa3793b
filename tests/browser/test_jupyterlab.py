"""The chapters in the JupyterLab that `make lab` starts (same config file), in real Chromium.

For three chapters (the prose standard, the figures-heavy recruitment chapter and the explorer chapter) the test
opens the notebook, runs all cells, and checks what a student reads: no raw MyST (roles, directives, fences),
every {eval} figure shown as its value from data/, every citation as its author and year (the book's text, never
a bare key such as "haworth2018"), solutions closed until opened, and, in the explorer chapter, an
ipywidgets control that changes the figure. Every request to another host is blocked and recorded: there must be
none. Times (open -> first Markdown rendered, run all -> last cell done) are printed (pytest -s shows them).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from swleadership import citations, facts
from swleadership._env import BOOK_BUILD_VAR
from swleadership._local import ServerDidNotStart, free_port, wait_until_answers
from swleadership.voila_bench import FINGERPRINT_JS

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "jupyter" / "jupyter_lab_config.py"
CHAPTERS = ["14-adaptive.ipynb", "33-recruitment-retention.ipynb", "36-explore-workforce-data.ipynb"]
RAW_MARKERS = ("{cite", "{term", "{glue", "{eval", "{doc", ":::", "{exercise", "{solution", "{admonition", "````")
RENDERED = ".jp-MarkdownCell .jp-RenderedMarkdown, .jp-MarkdownCell .myst"


@contextmanager
def lab_server():
    """JupyterLab as `make lab` starts it (config file, no token, --allow-root only as root), on a free port."""
    port = free_port()
    tmp = Path(tempfile.mkdtemp(prefix="swl-lab-"))
    # A copy of the chapters: JupyterLab saves a notebook it has run (outputs), and the repository's must stay clean.
    shutil.copytree(ROOT / "notebooks", tmp / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    cmd = [str(Path(sys.executable).parent / "jupyter"), "lab", f"--config={CONFIG}", f"--port={port}",
           "--no-browser", "--ServerApp.port_retries=0", f"--LabApp.workspaces_dir={tmp}",
           f"--ServerApp.root_dir={tmp / 'notebooks'}"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    env = {k: v for k, v in os.environ.items() if k != BOOK_BUILD_VAR}
    log = open(tmp / "lab.log", "w")  # noqa: SIM115
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_until_answers(base + "/api", 90, proc, what="JupyterLab")
        except ServerDidNotStart as exc:
            pytest.fail(f"{exc}: " + (tmp / "lab.log").read_text()[-2000:])
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture(scope="module")
def lab():
    with lab_server() as base:
        yield base


def _markdown(nb: str) -> str:
    cells = json.loads((ROOT / "notebooks" / nb).read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def _eval_names(nb: str) -> set[str]:
    """The figures a chapter shows with {eval} (citations, also {eval} expressions, are checked apart)."""
    names = set(re.findall(r"\{(?:eval|glue:text)\}`([^`]+)`", _markdown(nb)))
    return {n for n in names if citations.parse_expression(n) is None}


def bare_keys(text: str, keys: set[str]) -> set[str]:
    """The bibliography keys that show in ``text`` as they are ("haworth2018"), not as an author and year."""
    return {k for k in keys if re.search(rf"(?<![\w/#]){re.escape(k)}(?!\w)", text)}


def _run_all(page) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
    page.wait_for_function(
        """() => { const p = Array.from(document.querySelectorAll('.jp-CodeCell .jp-InputPrompt'));
                   return p.length > 0 && p.every(e => /\\[\\d+\\]/.test(e.textContent)); }""",
        timeout=420_000, polling=500)
    page.wait_for_timeout(1500)  # Markdown cells after the last code cell re-render with their expressions


@pytest.mark.parametrize("nb", CHAPTERS)
def test_chapter_reads_cleanly_in_jupyterlab(nb, lab, new_page):
    p = new_page()
    page = p.page
    page.set_viewport_size({"width": 1366, "height": 768})
    t0 = time.perf_counter()
    page.goto(f"{lab}/lab/tree/{nb}?reset", wait_until="domcontentloaded", timeout=120_000)
    page.wait_for_selector(RENDERED, timeout=120_000)
    t_open = time.perf_counter() - t0
    t1 = time.perf_counter()
    page.get_by_text(re.compile(r"\| Idle$")).first.wait_for(timeout=180_000)  # the kernel has started
    _run_all(page)
    t_run = time.perf_counter() - t1
    print(f"\n[jupyterlab] {nb}: first Markdown rendered {t_open:.1f} s after opening; run all {t_run:.1f} s")

    # textContent: what the rendered cells hold, including closed drop-downs (solutions use figures too).
    all_text = f"() => Array.from(document.querySelectorAll({RENDERED!r})).map(e => e.textContent)"
    values = sorted({facts.text(n) for n in _eval_names(nb)})
    cited = citations.citations(_markdown(nb))
    values += sorted({citations.text(kind, keys) for kind, keys in cited})
    try:  # expressions are evaluated as each Markdown cell runs; give the last ones a moment
        page.wait_for_function(f"(vals) => {{ const t = ({all_text})().join('\\n');"
                               " return vals.every(v => t.includes(v)); }", arg=values, timeout=60_000)
    except Exception:  # noqa: BLE001  (the assertion below names what is missing)
        pass
    texts = page.evaluate(all_text)
    assert len(texts) > 10, f"{nb}: only {len(texts)} rendered Markdown cells"
    raw = {m: t[max(0, t.index(m) - 60):t.index(m) + 60] for t in texts for m in RAW_MARKERS if m in t}
    assert raw == {}, f"{nb}: raw MyST in rendered Markdown: {raw}"

    shown = "\n".join(texts)
    missing = {n: facts.text(n) for n in _eval_names(nb) if facts.text(n) not in shown}
    assert missing == {}, f"{nb}: figures not shown as their values: {missing}"

    # Citations: author and year, as the book prints them; never a bare bibliography key.
    keys = {k for _, ks in cited for k in ks}
    assert keys, f"{nb}: no citations found in the chapter's source"
    bare = bare_keys(shown, keys)
    assert bare == set(), f"{nb}: citations shown as bare keys: {sorted(bare)[:8]}"
    unshown = sorted({citations.text(k, ks) for k, ks in cited} - {v for v in values if v in shown})
    assert unshown == [], f"{nb}: citations not shown as author and year: {unshown[:5]}"
    # A reader sees one: the paper's own citation, in a paragraph on screen.
    paper = next(t for t in (citations.text("p", ["haworth2018"]), citations.text("t", ["haworth2018"])) if t in shown)
    on_screen = page.evaluate("""(t) => Array.from(document.querySelectorAll('.jp-MarkdownCell :is(p, li)'))
        .filter(e => e.textContent.includes(t) && e.checkVisibility()).length""", paper)
    assert on_screen > 0, f"{nb}: {paper!r} is in no visible paragraph"

    # Solutions: closed until opened, then readable.
    details = page.locator(".jp-MarkdownCell details")
    solutions = [i for i in range(details.count())
                 if "Solution" in details.nth(i).locator(":scope > summary").inner_text()]  # not nested boxes
    assert solutions, f"{nb}: no solution drop-downs rendered"
    for i in solutions:
        assert details.nth(i).evaluate("d => d.open") is False, f"{nb}: solution {i} is open"
    first = details.nth(solutions[0])
    body_js = "d => Array.from(d.children).filter(c => c.tagName !== 'SUMMARY').map(c => c.innerText).join(' ')"
    closed_height = first.evaluate("d => d.getBoundingClientRect().height")
    assert first.evaluate(body_js).strip() == "", f"{nb}: a closed solution's text is visible"
    first.locator(":scope > summary").click()
    page.wait_for_timeout(300)
    assert first.evaluate("d => d.open") is True
    assert len(first.evaluate(body_js).strip()) > 20 and first.evaluate("d => d.getBoundingClientRect().height") > closed_height

    if nb.startswith("36-"):
        sel = page.locator(".widget-dropdown select")
        assert sel.count() > 0, "no ipywidgets drop-down in the explorer chapter"
        before = page.evaluate(FINGERPRINT_JS)
        cur, n = sel.first.evaluate("s => [s.selectedIndex, s.options.length]")
        assert n > 1
        sel.first.select_option(index=(cur + 1) % n)
        page.wait_for_function(f"(b) => ({FINGERPRINT_JS})() !== b", arg=before, timeout=20_000)

    assert p.external == [], f"{nb}: requests to other hosts: {sorted(set(p.external))[:10]}"


def test_pressures_explorer_takes_dfe_file_as_downloaded(lab, new_page, tmp_path):
    """Live, as a lecturer would: upload DfE's indicators file (Birmingham's rows, saved from Excel) in the
    workforce pressures explorer; the figure draws that authority and the message says the file was recognised."""
    from tests._dfe_fixtures import indicators_csv

    upload = tmp_path / "csww_indicators_2017_to_2025.csv"
    upload.write_bytes(indicators_csv(["Birmingham"], excel=True))
    p = new_page()
    page = p.page
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{lab}/lab/tree/36-explore-workforce-data.ipynb?reset", wait_until="domcontentloaded",
              timeout=120_000)
    page.get_by_text(re.compile(r"\| Idle$")).first.wait_for(timeout=180_000)
    _run_all(page)
    box = page.locator(".swl-pressures-explorer").first
    with page.expect_file_chooser() as chooser:  # ipywidgets opens the browser's file chooser on a click
        box.locator(".widget-upload").first.click()
    chooser.value.set_files(str(upload))
    page.wait_for_function(
        """() => { const b = document.querySelector('.swl-pressures-explorer');
                   return !!b && b.textContent.includes("This looks like DfE") &&
                          Array.from(b.querySelectorAll('.legendtext')).some(t => t.textContent.includes('Your file: Birmingham')); }""",
        timeout=60_000)
    text = box.inner_text()
    assert "drawing Turnover rate (FTE) for Birmingham" in text, text[-600:]
    assert p.external == [], f"requests to other hosts: {sorted(set(p.external))[:10]}"
