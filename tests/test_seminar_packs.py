"""Seminar packs (issue 15): every pack has its sections, and its plan places every activity of its part.

The sources are checked here (sections, pre-reading, timings, fallbacks, debate materials, sorters from the YAML,
self-assessments from the notebooks). ``tests/browser/test_seminar_site.py`` checks the plan against the activities
found in the built chapter pages (explorers, sorters, self-assessments), so a new activity fails until placed.
"""

import json
import re

import pytest
import yaml

from swleadership.seminars import PACKS, PRE_READING_LIMIT, REQUIRED_SECTIONS, minutes, plan_rows, sections
from tests.conftest import ROOT

TEXT = {slug: p.path.read_text(encoding="utf-8") for slug, p in PACKS.items()}


def test_there_are_six_packs_and_each_is_in_the_toc():
    assert len(PACKS) == 6
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    for slug in PACKS:
        assert f"book/seminars/{slug}\n" in toc


@pytest.mark.parametrize("slug", PACKS)
def test_pack_has_every_section_in_order(slug):
    found = list(sections(TEXT[slug]))
    missing = [s for s in REQUIRED_SECTIONS if s not in found]
    assert not missing, f"book/seminars/{slug}.md lacks the sections {missing}"
    assert [s for s in found if s in REQUIRED_SECTIONS] == list(REQUIRED_SECTIONS)


@pytest.mark.parametrize("slug", PACKS)
def test_outcomes_map_only_to_verified_framework_items(slug):
    body = sections(TEXT[slug])["Learning outcomes"]
    assert re.search(r"PCF \d", body), "outcomes name PCF domains"
    # The only KSS headings the shared notes verify (see the seminar guide's mapping).
    verified = {"Effective use of power and authority", "Emotionally intelligent practice supervision",
                "Creating a context for excellent practice"}
    for kss in re.findall(r"KSS for practice (?:supervisors|leaders): \*([^*]+)\*", body):
        assert kss in verified, kss


@pytest.mark.parametrize("slug", PACKS)
def test_essential_pre_reading_is_at_most_an_hour_and_names_sections(slug):
    body = sections(TEXT[slug])["Pre-reading"]
    essential = body.split("**Optional")[0]
    stated = re.search(r"\*\*Essential \(about (\d+) minutes\)", essential)
    assert stated and int(stated.group(1)) <= PRE_READING_LIMIT
    parts = [int(n) for n in re.findall(r"\((\d+) min\)", essential)]
    assert parts and sum(parts) == int(stated.group(1)), (parts, stated.group(1))
    assert re.search(r"\*[A-Z][^*]+\*", essential), "name the sections to read"
    assert "**Optional" in body


@pytest.mark.parametrize("slug", PACKS)
def test_plan_fills_two_hours_with_a_break_and_a_fallback_for_every_activity(slug):
    rows = plan_rows(TEXT[slug])
    spans = [minutes(r[0]) for r in rows]
    assert all(spans), rows
    assert spans[0][0] == 0 and spans[-1][1] == 120
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False)), "timings run on without gaps"
    assert any("Break" in r[1] for r in rows)
    for r in rows:
        assert len(r) == 4, r
        if "Break" not in r[1]:
            assert r[2] and r[3], f"{slug}: '{r[1][:40]}' needs how to run it in the room and without devices"


@pytest.mark.parametrize("slug", PACKS)
def test_debate_materials_are_complete(slug):
    body = sections(TEXT[slug])["Debate"]
    for part in ("**Motion", "**Sides", "**Format and timings", "**Evidence cards", "**Closing reflection"):
        assert part in body, f"{slug}: debate lacks {part}"
    assert len(re.findall(r"\{cite:[pt]\}", body)) >= 4, "evidence cards cite their sources"


@pytest.mark.parametrize("slug", PACKS)
def test_model_answers_are_in_a_collapsed_box(slug):
    body = sections(TEXT[slug])["Model answers"]
    assert re.search(r":::\{admonition\}[^\n]*\n:class: dropdown", body)


def _plan_text(slug):
    return " ".join(" ".join(r) for r in plan_rows(TEXT[slug]))


@pytest.mark.parametrize("slug", [s for s in PACKS if PACKS[s].chapters])
def test_every_sorter_and_self_assessment_of_the_part_is_in_the_plan(slug):
    plan = _plan_text(slug)
    missing = []
    for cid in PACKS[slug].chapters:
        data = yaml.safe_load((ROOT / "notebooks" / "activities" / f"{cid}.yml").read_text(encoding="utf-8"))
        missing += [f"{cid} sorter {s['title']!r}" for s in (data.get("sorters") or {}).values()
                    if s["title"] not in plan]
        nb = json.loads((ROOT / "notebooks" / f"{cid}.ipynb").read_text(encoding="utf-8"))
        code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
        missing += [f"{cid} self-assessment {t!r}" for t in re.findall(r'self_assessment\([^)]*title="([^"]+)"', code)
                    if t not in plan]
    assert "quiz" in plan.lower() and "journal" in plan.lower(), "place the chapters' quizzes and journals"
    assert not missing, f"book/seminars/{slug}.md: not placed in the plan: {missing}"


def test_every_chapter_belongs_to_one_pack():
    chapters = sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))
    packed = sorted(c for p in PACKS.values() for c in p.chapters)
    assert packed == chapters
