"""Gates on the built site that need no browser: page weight, internal links, external loads in markup."""

import re

import pytest

from swleadership.site import (
    BUDGET_MAX,
    BUDGET_MEDIAN,
    broken_links,
    content_pages,
    external_loads_in_markup,
    page_weights,
)

pytestmark = pytest.mark.browser  # these need the built site, so they run after `make book`, with the browser tests


def test_every_toc_page_was_built(site_dir):
    import yaml

    from tests.conftest import ROOT

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]
    missing = [f for f in files if not (site_dir / f"{f}.html").is_file()]
    assert missing == []


def test_chapter_page_weight_within_budget(site_dir):
    w = page_weights(site_dir)
    assert w.rows, "no chapter pages found"
    table = "\n".join(f"  {b / 1000:8.1f} KB  {p}" for p, b in w.rows[:5])
    assert w.over_budget() == [], f"pages over {BUDGET_MAX / 1000:.0f} KB:\n{table}"
    assert w.median <= BUDGET_MEDIAN, f"median chapter page {w.median / 1000:.1f} KB > {BUDGET_MEDIAN / 1000:.0f} KB"


def test_no_broken_internal_links_or_anchors(site_dir):
    assert broken_links(site_dir) == []


@pytest.mark.parametrize("rel", ["book/intro.html"])
def test_front_page_exists(site_dir, rel):
    assert (site_dir / rel).stat().st_size > 5000


def test_no_page_loads_from_another_host_in_its_markup(site_dir):
    problems = {str(p.relative_to(site_dir)): external_loads_in_markup(p) for p in content_pages(site_dir)}
    assert {k: v for k, v in problems.items() if v} == {}


def test_no_unresolved_citation_or_reference_markers(site_dir):
    bad = {}
    for p in content_pages(site_dir):
        text = p.read_text(encoding="utf-8")
        # Markup shown as an example (in <pre> or <code>) is not an unresolved role.
        text = re.sub(r"<(pre|code)\b.*?</\1>", "", text, flags=re.S)
        hits = [m for m in ("??", "[UNRESOLVED", "pending_xref", "{cite", "{term}", "{glue") if m in text]
        if hits:
            bad[str(p.relative_to(site_dir))] = hits
    assert bad == {}
