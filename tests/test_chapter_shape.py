"""Every chapter notebook has the book's chapter shape (see CONTRIBUTING.md and the developers' guide).

The checker returns a list of problems, so the self-tests at the bottom can show that it fails when a section,
the quiz, the exercises or the citations are taken away.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
import yaml

from swleadership import citations

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"

REQUIRED = [
    "Overview",
    "Learning outcomes",
    # ... the chapter's own content sections come here ...
    "Exercises",
    "Self-check quiz",
    "Reflection",
    "Summary",
    "Further reading",
]
# Lecturer material sits in one collapsed box between the student's reflection and the summary.
SEMINAR_BOX = ":::{admonition} For seminar leaders\n:class: dropdown\n"
MIN_WORDS = 1000
MIN_CITATIONS = 3


def toc_chapters() -> list[Path]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [c["file"] for part in toc["parts"] for c in part["chapters"]]
    return [ROOT / f"{f}.ipynb" for f in files if f.startswith("notebooks/")]


def headings(cell_source: str, level: int) -> list[str]:
    out, fenced = [], False
    for line in cell_source.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if not fenced and re.match(rf"^#{{{level}}}\s", line):
            out.append(line[level + 1:].strip())
    return out


def prose_words(markdown: str) -> int:
    text = re.sub(r"^\s*:[a-z-]+:.*$", " ", markdown, flags=re.M)     # directive options
    text = re.sub(r"`{3,}\{?[a-z-]*\}?.*$", " ", text, flags=re.M)      # fence lines
    text = re.sub(r"\{[a-z:]+\}`[^`]*`", " x ", text)                   # roles count as one word
    text = re.sub(r"\(\S+?\)", " ", text)                               # link targets
    return len(re.findall(r"[A-Za-z][A-Za-z'’-]*", text))


def check_chapter(nb: dict, name: str) -> list[str]:
    problems = []
    cells = nb.get("cells", [])
    md = [("".join(c["source"]) if isinstance(c["source"], list) else c["source"])
          for c in cells if c["cell_type"] == "markdown"]
    code = [("".join(c["source"]) if isinstance(c["source"], list) else c["source"])
            for c in cells if c["cell_type"] == "code"]
    titles = [h for s in md for h in headings(s, 1)]
    if len(titles) != 1:
        problems.append(f"{name}: expected exactly one '# title', found {len(titles)}")
    if md and not headings(md[0], 1):
        problems.append(f"{name}: the first cell must hold the '# title'")
    h2 = [h for s in md for h in headings(s, 2)]
    positions = []
    for section in REQUIRED:
        if section not in h2:
            problems.append(f"{name}: missing section '## {section}'")
        else:
            positions.append(h2.index(section))
    if positions != sorted(positions):
        problems.append(f"{name}: sections out of order; expected {REQUIRED}")
    if "Learning outcomes" in h2 and "Exercises" in h2:
        content = h2[h2.index("Learning outcomes") + 1:h2.index("Exercises")]
        if not content:
            problems.append(f"{name}: no content sections between 'Learning outcomes' and 'Exercises'")
    if "Seminar prompts" in h2:
        problems.append(f"{name}: '## Seminar prompts' must become the collapsed 'For seminar leaders' box")
    boxes = [i for i, c in enumerate(cells) if c["cell_type"] == "markdown" and SEMINAR_BOX in _src(c)]
    if len(boxes) != 1:
        problems.append(f"{name}: expected one collapsed 'For seminar leaders' box (dropdown), found {len(boxes)}")
    else:
        section = dict(enumerate(s for s, _, _ in _sections(cells)))
        box_src = _src(cells[boxes[0]])
        before_box = box_src[:box_src.index(SEMINAR_BOX)]
        heads_before = re.findall(r"^##\s+(.*)$", before_box, re.M)
        where = heads_before[-1].strip() if heads_before else section.get(boxes[0] - 1)
        if where != "Reflection":
            problems.append(f"{name}: the 'For seminar leaders' box must sit after '## Reflection' (it is under {where!r})")
        answers = [i for i, c in enumerate(cells) if "swl-journal-answers" in c.get("metadata", {}).get("tags", [])]
        if answers and boxes[0] < answers[0]:
            problems.append(f"{name}: the 'For seminar leaders' box must come after the reflection answer cell")
    overview = _section_text(cells, "Overview")
    opening = overview.split("**Who it is for")[0]
    if not re.search(r"\byou will\b|\byou'll\b", opening):
        problems.append(f"{name}: the overview must open with what the student will be able to do ('you will ...')")
    if not re.search(r"\bin practice\b|\bpractice\b|\bplacement\b|\bpractitioner", opening):
        problems.append(f"{name}: the overview must open with why it matters in practice")
    overview = overview.lower()
    for needle, what in (("who it is for", "who it is for"), ("time", "the time it takes")):
        if needle not in overview:
            problems.append(f"{name}: the overview must say {what}")
    if "{exercise}" not in _section_text(cells, "Exercises") or "{solution}" not in _section_text(cells, "Exercises"):
        problems.append(f"{name}: 'Exercises' needs at least one {{exercise}} with a {{solution}}")
    if ":class: dropdown" not in _section_text(cells, "Exercises"):
        problems.append(f"{name}: solutions must be hidden (':class: dropdown')")
    if not any(re.search(r"\bquiz\(", s) for s in _section_code(cells, "Self-check quiz")):
        problems.append(f"{name}: 'Self-check quiz' needs a quiz(...) cell")
    if not any(re.search(r"\bjournal\(", s) for s in _section_code(cells, "Reflection")):
        problems.append(f"{name}: 'Reflection' needs a journal(...) cell")
    # In JupyterLab the prompts are answered in a Markdown cell (kept out of the web book with remove-cell).
    if not any("swl-journal-answers" in c.get("metadata", {}).get("tags", []) and "remove-cell" in
               c.get("metadata", {}).get("tags", []) and c["cell_type"] == "markdown" for c in cells):
        problems.append(f"{name}: 'Reflection' needs a Markdown cell to write in (tags remove-cell, swl-journal-answers)")
    cites = {k for s in md for k in citations.cited_keys(s)}
    if len(cites) < MIN_CITATIONS:
        problems.append(f"{name}: cites {len(cites)} works; at least {MIN_CITATIONS} expected")
    if not citations.cited_keys(_section_text(cells, "Further reading")):
        problems.append(f"{name}: 'Further reading' must cite its works")
    words = sum(prose_words(s) for s in md)
    if words < MIN_WORDS:
        problems.append(f"{name}: {words} words of prose; at least {MIN_WORDS} expected")
    for c in cells:
        if c["cell_type"] == "code" and c.get("outputs"):
            problems.append(f"{name}: committed with outputs (run make strip)")
            break
    for s in code:
        if "/work/" in s or "/home/" in s:
            problems.append(f"{name}: a code cell uses an absolute path")
    return problems


def _src(cell) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _sections(cells):
    current = None
    for c in cells:
        src = "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
        if c["cell_type"] == "markdown":
            for line in src.splitlines():
                m = re.match(r"^##\s+(.*)$", line)
                if m:
                    current = m.group(1).strip()
        yield current, c["cell_type"], src


def _section_text(cells, name):
    return "\n".join(src for sec, kind, src in _sections(cells) if sec == name and kind == "markdown")


def _section_code(cells, name):
    return [src for sec, kind, src in _sections(cells) if sec == name and kind == "code"]


CHAPTERS = toc_chapters()


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_chapter_has_the_book_shape(path):
    assert path.is_file(), f"{path.name} is listed in _toc.yml but does not exist"
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert check_chapter(nb, path.name) == []


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_chapter_activities_are_well_formed(path):
    from swleadership.teaching import check_activities

    act = NOTEBOOKS / "activities" / f"{path.stem}.yml"
    assert act.is_file(), f"missing {act.relative_to(ROOT)}"
    data = yaml.safe_load(act.read_text(encoding="utf-8"))
    check_activities(data, act.name)
    assert 3 <= len(data.get("quiz") or []) <= 8, "a quiz has 3 to 8 questions"
    assert data.get("reflection"), "reflection prompts are required"


# ------------------------------------------------------------------------------ the checker can fail
def _example() -> dict:
    return json.loads(CHAPTERS[0].read_text(encoding="utf-8"))


def _drop_section(nb: dict, section: str) -> dict:
    nb = copy.deepcopy(nb)
    for c in nb["cells"]:
        if c["cell_type"] == "markdown":
            src = "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
            c["source"] = src.replace(f"## {section}\n", "").replace(f"## {section}", "")
    return nb


def test_the_example_chapter_passes():
    assert check_chapter(_example(), "example") == []


@pytest.mark.parametrize("section", REQUIRED)
def test_checker_fails_when_a_section_is_removed(section):
    problems = check_chapter(_drop_section(_example(), section), "example")
    assert any(f"missing section '## {section}'" in p for p in problems), problems


def test_checker_fails_without_citations_or_prose():
    nb = copy.deepcopy(_example())
    for c in nb["cells"]:
        if c["cell_type"] == "markdown":
            src = "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
            c["source"] = citations.CITATION.sub("", src)
    assert any("cites 0 works" in p for p in check_chapter(nb, "example"))
    short = {"cells": [c for c in _example()["cells"] if c["cell_type"] == "code"][:1]}
    assert any("words of prose" in p for p in check_chapter(short, "short"))


def test_checker_fails_on_the_old_seminar_section_or_a_misplaced_box():
    nb = copy.deepcopy(_example())
    for c in nb["cells"]:
        src = _src(c)
        if SEMINAR_BOX in src:
            c["source"] = src.replace(SEMINAR_BOX, "## Seminar prompts\n\n:::{note}\n")
    problems = check_chapter(nb, "example")
    assert any("must become the collapsed" in p for p in problems), problems
    assert any("expected one collapsed" in p for p in problems), problems
    nb = copy.deepcopy(_example())
    i = next(i for i, c in enumerate(nb["cells"]) if SEMINAR_BOX in _src(c))
    box = nb["cells"].pop(i)
    nb["cells"].insert(next(j for j, c in enumerate(nb["cells"]) if "## Exercises" in _src(c)), box)
    assert any("must sit after '## Reflection'" in p for p in check_chapter(nb, "example"))


def test_checker_fails_on_an_itinerary_overview():
    nb = copy.deepcopy(_example())
    for c in nb["cells"]:
        if "## Overview" in _src(c):
            c["source"] = "## Overview\n\nThis chapter follows the paper section by section.\n\n**Who it is for:** x\n\n**Time needed:** y\n"
    problems = check_chapter(nb, "example")
    assert any("what the student will be able to do" in p for p in problems), problems
    assert any("why it matters in practice" in p for p in problems), problems


def test_checker_fails_without_quiz_call():
    nb = copy.deepcopy(_example())
    nb["cells"] = [c for c in nb["cells"] if "quiz(" not in ("".join(c["source"]) if isinstance(c["source"], list) else c["source"])]
    assert any("quiz(...)" in p for p in check_chapter(nb, "example"))
