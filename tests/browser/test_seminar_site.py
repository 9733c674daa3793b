"""The seminar packs and VLE downloads in the built site (issue 15).

Every activity found in a part's built chapter pages (explorers by id, sorters and self-assessments by their
labels) must be placed in the plan of that part's pack, with explorers linked to their place in the chapter.
"""

import re
from html import unescape

import pytest

from swleadership import vle
from swleadership.seminars import PACKS

pytestmark = pytest.mark.browser  # needs the built site; runs after `make book`

ACTIVITY = re.compile(r'data-swl="(explorer|sorter|assessment)"([^>]*)>')


def _activities(html: str) -> list[tuple[str, str]]:
    out = []
    for kind, attrs in ACTIVITY.findall(html):
        if kind == "explorer":
            out.append((kind, re.search(r'\bid="([^"]+)"', attrs).group(1)))
        else:
            out.append((kind, unescape(re.search(r'aria-label="([^"]+)"', attrs).group(1))))
    return out


def _plan(site_dir, slug) -> str:
    html = (site_dir / "book" / "seminars" / f"{slug}.html").read_text(encoding="utf-8")
    m = re.search(r'<section id="the-two-hour-plan">(.*?)</section>', html, re.S)
    assert m, f"book/seminars/{slug}.html has no plan section"
    return unescape(m.group(1))


@pytest.mark.parametrize("slug", [s for s in PACKS if PACKS[s].chapters])
def test_every_activity_in_the_built_chapters_is_placed_in_the_pack_plan(site_dir, slug):
    plan = _plan(site_dir, slug)
    missing = []
    for cid in PACKS[slug].chapters:
        html = (site_dir / "notebooks" / f"{cid}.html").read_text(encoding="utf-8")
        found = _activities(html)
        for kind, key in found:
            if kind == "explorer":
                if cid == "36-explore-workforce-data":
                    ok = re.search(rf'notebooks/3\d-[a-z-]+\.html#{re.escape(key)}"', plan)   # 36 gathers 33-35's
                else:
                    ok = f'notebooks/{cid}.html#{key}"' in plan
            else:
                ok = key in plan
            if not ok:
                missing.append(f"{cid} {kind} {key}")
    assert not missing, f"book/seminars/{slug}.md: not placed in the plan: {missing}"


def test_the_chapters_have_activities_to_place(site_dir):
    html = (site_dir / "notebooks" / "42-lessons-from-health.html").read_text(encoding="utf-8")
    assert ("sorter", "Which lesson does the evidence support?") in _activities(html)


def test_the_vle_exports_are_in_the_site_and_linked(site_dir):
    folder = site_dir / "downloads" / "vle"
    names = vle.export_names()
    # the build also writes .gz/.br copies of large text files for static hosts (swleadership/weight.py)
    assert sorted(p.name for p in folder.iterdir() if p.suffix not in (".gz", ".br")) == sorted(names)
    guide = (site_dir / "book" / "seminar-guide.html").read_text(encoding="utf-8")
    for name in names:
        assert f'href="../downloads/vle/{name}"' in guide
