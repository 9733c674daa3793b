"""Valid, complete pages: the W3C Nu Html Checker over the whole built site, and what every page's head carries.

The checker (npm ``vnu-jar``, pinned in ``tests/node/package.json``) runs once over every HTML file, so the gate
stays fast. ``make test`` installs it and Java when they are missing; here a missing tool is a failure with the
command that fixes it, never a skip.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from swleadership.site import content_pages
from tests.conftest import ROOT

pytestmark = pytest.mark.browser  # needs the built site, so it runs after `make book`, with the browser tests

VNU = ROOT / "tests" / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SKIP_DIRS = {"_static", "_sources", "_downloads", "_images"}


def site_html(site: Path) -> list[Path]:
    """Every HTML page a reader can open: the book's pages, the root redirect, search and index pages."""
    return sorted(p for p in site.rglob("*.html") if not SKIP_DIRS & set(p.relative_to(site).parts))


def nu_errors(files: list[Path]) -> list[dict]:
    """The Nu checker's error messages for ``files`` (one Java process for all of them)."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is missing: install it with `apt-get install default-jre-headless` (make test does).")
    if not VNU.is_file():
        pytest.fail("The Nu Html Checker is missing: run `npm ci --prefix tests/node` (make test does).")
    run = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                         capture_output=True, text=True, timeout=600)
    try:
        return json.loads(run.stderr or "{}").get("messages", [])
    except json.JSONDecodeError:
        pytest.fail(f"the Nu checker did not answer in JSON (exit {run.returncode}): {run.stderr[:500]}")


def test_the_nu_checker_finds_no_error_on_any_page(site_dir):
    files = site_html(site_dir)
    assert len(files) >= 30, f"only {len(files)} HTML files in {site_dir}"
    errors = nu_errors(files)
    lines = [f"{m.get('url', '?').rsplit('/html/', 1)[-1]}:{m.get('lastLine', '?')}: {m.get('message')}"
             for m in errors]
    assert lines == [], f"{len(lines)} Nu checker errors:\n" + "\n".join(lines[:40])


def test_the_checker_catches_an_invalid_page(tmp_path):
    """The gate can fail: a page with a duplicate id and a figcaption in the middle of a figure is reported."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>x</title></head><body>'
                   '<p id="a">1</p><p id="a">2</p><figure><p>plot</p><figcaption>c</figcaption><p>t</p></figure>'
                   "</body></html>", encoding="utf-8")
    messages = " ".join(m["message"] for m in nu_errors([bad]))
    assert "Duplicate ID" in messages and "figure" in messages


class _Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta: dict[str, str] = {}
        self.icons: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and a.get("name"):
            self.meta[a["name"]] = a.get("content") or ""
        if tag == "link" and "icon" in (a.get("rel") or "").split():
            self.icons.append(a.get("href") or "")


def _head(page: Path) -> _Head:
    h = _Head()
    h.feed(page.read_text(encoding="utf-8"))
    return h


def test_every_page_has_a_favicon_that_exists(site_dir):
    pages = content_pages(site_dir) + [site_dir / "index.html"]
    problems = {}
    for page in pages:
        icons = _head(page).icons
        if not icons:
            problems[str(page.relative_to(site_dir))] = "no <link rel=icon>"
        elif not all((page.parent / href.split("?")[0]).is_file() for href in icons):
            problems[str(page.relative_to(site_dir))] = f"missing file: {icons}"
    assert problems == {}


def test_every_page_has_its_own_meta_description(site_dir):
    seen: dict[str, str] = {}
    problems = {}
    for page in content_pages(site_dir):
        rel = str(page.relative_to(site_dir))
        desc = _head(page).meta.get("description", "")
        if not 50 <= len(desc) <= 200:
            problems[rel] = f"description of {len(desc)} characters: {desc!r}"
        elif re.search(r"[{}`]|\{glue|\\\(|\$", desc):
            problems[rel] = f"markup left in the description: {desc!r}"
        elif desc in seen:
            problems[rel] = f"same description as {seen[desc]}"
        seen[desc] = rel
    assert problems == {}


def test_the_root_page_is_a_complete_redirect(site_dir):
    text = (site_dir / "index.html").read_text(encoding="utf-8")
    assert text.lstrip().lower().startswith("<!doctype html>")
    assert re.search(r"<title>[^<]+</title>", text)
    assert 'href="book/intro.html"' in text, "the redirect page needs a plain link for readers without redirects"
