"""The seminar packs' printable handouts (issue 15): the PDFs exist, have their page counts and titles, are linked.

Reads the PDFs with poppler's pdfinfo and pdftotext (``make browser`` installs poppler-utils when missing).
"""

import re
import shutil
import subprocess

import pytest

from swleadership.handouts import _sorters, handouts
from swleadership.seminars import PACKS

pytestmark = pytest.mark.browser  # needs the built site (make book builds the handouts)

ALL = [(slug, h) for slug, pack in PACKS.items() for h in handouts(pack)]


def _tool(name):
    path = shutil.which(name)
    if not path:
        pytest.fail(f"{name} is missing: run `make poppler` (or apt-get install poppler-utils).")
    return path


def _pages(pdf) -> int:
    out = subprocess.run([_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def _text(pdf) -> str:
    out = subprocess.run([_tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    return re.sub(r"-\s+", "-", " ".join(out.stdout.split()))   # words hyphenated across a line break


@pytest.mark.parametrize(("slug", "h"), ALL, ids=[h.name for _, h in ALL])
def test_handout_exists_with_its_pages_and_title(site_dir, slug, h):
    pdf = site_dir / "handouts" / h.name
    assert pdf.is_file(), f"{pdf} missing: `make handouts` builds it"
    n = _pages(pdf)
    if h.pages is not None:
        assert n == h.pages, f"{h.name}: {n} pages, expected {h.pages} (a page overflowed, or content is missing)"
    elif h.name.endswith("-explorer-tables.pdf"):   # one page or more for each explorer of the part
        ids = {i for cid in PACKS[slug].chapters for i in re.findall(
            r'data-swl="explorer" id="([^"]+)"', (site_dir / "notebooks" / f"{cid}.html").read_text(encoding="utf-8"))}
        assert n >= max(1, len(ids)), f"{h.name}: {n} pages for {len(ids)} explorers"
    elif h.name.endswith("-sorter-cards.pdf"):   # cards then the answers, for each sorter
        assert n >= 2 * len(_sorters(PACKS[slug])), f"{h.name}: {n} pages"
    else:
        assert 1 <= n <= 3, f"{h.name}: {n} pages"
    text = _text(pdf)
    assert " ".join(h.title.split()) in text, f"{h.name}: title {h.title!r} not found in its text"


@pytest.mark.parametrize("slug", PACKS)
def test_pack_links_each_of_its_handouts(site_dir, slug):
    page = (site_dir / "book" / "seminars" / f"{slug}.html").read_text(encoding="utf-8")
    for h in handouts(PACKS[slug]):
        assert f'href="../../handouts/{h.name}"' in page, h.name


def test_chapter_summaries_hold_every_chapter_title(site_dir):
    text = _text(site_dir / "handouts" / "health-chapter-summaries.pdf")
    for title in ("Clinical leadership", "Lessons from health"):
        assert title in text


def test_posters_carry_the_for_discussion_questions(site_dir):
    text = _text(site_dir / "handouts" / "health-carousel-posters.pdf")
    assert text.count("For discussion") == 4
