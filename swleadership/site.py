"""Facts about the built site, shared by the page gates (tests) and ``make bench``."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

#: Chapter pages: median and maximum of a page's own bytes (shared cached assets in _static/ excluded).
BUDGET_MEDIAN = 150_000
BUDGET_MAX = 400_000

SKIP_PAGES = {"genindex.html", "search.html", "index.html"}


def content_pages(site: Path) -> list[Path]:
    """Every HTML page of the book (not Sphinx's index/search pages, sources or executed-notebook copies)."""
    skip_dirs = {"_static", "_sources", "jupyter_execute", "_downloads", "reports", "_images"}
    return sorted(p for p in site.rglob("*.html") if p.name not in SKIP_PAGES and not skip_dirs & set(p.parts))


def chapter_pages(site: Path) -> list[Path]:
    return [p for p in content_pages(site) if p.parent.name == "notebooks"]


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, url)
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        for attr in ("href", "src"):
            if a.get(attr):
                self.refs.append((tag, attr, a[attr]))


def parse(page: Path) -> _Refs:
    p = _Refs()
    p.feed(page.read_text(encoding="utf-8", errors="replace"))
    return p


def is_external(url: str) -> bool:
    return bool(urlsplit(url).scheme in ("http", "https") or url.startswith("//"))


def own_bytes(page: Path, site: Path) -> int:
    """The page's HTML plus the local, non-shared files it loads (images etc.; not _static/)."""
    total = page.stat().st_size
    seen = set()
    for tag, _attr, url in parse(page).refs:
        # <a> and <link rel="prev/next/search"> are navigation, not part of the page; the search index is a
        # shared asset like _static/ (fetched once, cached).
        if tag in ("a", "link") and not urlsplit(url).path.endswith(".css"):
            continue
        if is_external(url) or url.startswith(("data:", "#", "mailto:", "javascript:")) or "searchindex.js" in url:
            continue
        target = (page.parent / unquote(urlsplit(url).path)).resolve()
        if target in seen or not target.is_file():
            continue
        seen.add(target)
        rel = target.relative_to(site.resolve()) if target.is_relative_to(site.resolve()) else None
        if rel is None or rel.parts[0] == "_static":
            continue
        total += target.stat().st_size
    return total


@dataclass
class Weights:
    rows: list[tuple[str, int]]  # (page, bytes), heaviest first

    @property
    def median(self) -> float:
        return statistics.median(b for _, b in self.rows) if self.rows else 0

    @property
    def max(self) -> int:
        return max((b for _, b in self.rows), default=0)

    def over_budget(self) -> list[tuple[str, int]]:
        return [(p, b) for p, b in self.rows if b > BUDGET_MAX]


def page_weights(site: Path, pages: list[Path] | None = None) -> Weights:
    pages = chapter_pages(site) if pages is None else pages
    rows = [(str(p.relative_to(site)), own_bytes(p, site)) for p in pages]
    return Weights(sorted(rows, key=lambda r: -r[1]))


def broken_links(site: Path) -> list[str]:
    """Internal links and resources that point at no file, or at an anchor that is not on the target page."""
    problems = []
    ids_cache: dict[Path, set[str]] = {}
    for page in sorted(site.rglob("*.html")):
        if {"_static", "jupyter_execute", "reports"} & set(page.parts):
            continue
        for _tag, attr, url in parse(page).refs:
            if is_external(url) or url.startswith(("data:", "mailto:", "javascript:", "blob:")):
                continue
            parts = urlsplit(url)
            target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                problems.append(f"{page.relative_to(site)}: {attr}={url!r} points at a missing file")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = ids_cache.setdefault(target, parse(target).ids)
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{page.relative_to(site)}: {url!r} names a missing anchor")
    return problems


EXTERNAL_LOAD = re.compile(r"<(script|link|img|iframe|source|video|audio)\b[^>]*\b(src|href)=[\"'](https?:)?//", re.I)


def external_loads_in_markup(page: Path) -> list[str]:
    """Tags in the markup that would load something from another host (a static check beside the browser one)."""
    text = page.read_text(encoding="utf-8", errors="replace")
    out = []
    for m in EXTERNAL_LOAD.finditer(text):
        tag = text[m.start():text.find(">", m.start()) + 1]
        if tag.lower().startswith("<link") and re.search(r"rel=[\"'](canonical|alternate)", tag, re.I):
            continue
        out.append(tag[:160])
    return out
