"""Each of the ten model chapters holds the sections the book promises for a model, an interactive element,
at least one exercise, a quiz and a citation. The checker fails when any of them is removed."""

import copy
import json
import re
from pathlib import Path

import pytest

from swleadership import citations
from swleadership.figures import COMPONENTS

ROOT = Path(__file__).resolve().parent.parent
MODELS = sorted((ROOT / "notebooks").glob("1[0-9]-*.ipynb"))
# A call of one of the chapter components in swleadership.figures (each an explorer, figure or self-assessment).
CHAPTER_COMPONENT = r"\b(" + "|".join(n for n, (_, kind, _) in COMPONENTS.items() if kind != "table") + r")\("
SECTIONS = ["Core idea", "Where it comes from", "How it fits social-work values",
            "Critique and the state of the evidence", "Case vignette"]


def _src(c):
    return "".join(c["source"]) if isinstance(c["source"], list) else c["source"]


def check_model(nb: dict, name: str) -> list[str]:
    problems = []
    md = "\n".join(_src(c) for c in nb["cells"] if c["cell_type"] == "markdown")
    code = "\n".join(_src(c) for c in nb["cells"] if c["cell_type"] == "code")
    h2 = [line[3:].strip() for line in md.splitlines() if line.startswith("## ")]
    for s in SECTIONS:
        if not any(h == s or h.startswith(s + ":") or h.startswith(s + " ") for h in h2):
            problems.append(f"{name}: missing section '## {s}'")
    if not re.search(r"\b(explorer|sorter|figure|self_assessment)\(", code) and not re.search(CHAPTER_COMPONENT, code):
        problems.append(f"{name}: no interactive element (explorer, sorter, figure or self_assessment)")
    if "{exercise}" not in md:
        problems.append(f"{name}: no exercise")
    if not re.search(r"\bquiz\(", code):
        problems.append(f"{name}: no quiz")
    if not citations.cited_keys(md):
        problems.append(f"{name}: no citation")
    return problems


def test_there_are_ten_model_chapters():
    assert len(MODELS) == 10, [p.name for p in MODELS]


@pytest.mark.parametrize("path", MODELS, ids=[p.stem for p in MODELS])
def test_model_chapter_has_its_sections(path):
    assert check_model(json.loads(path.read_text(encoding="utf-8")), path.name) == []


@pytest.mark.parametrize("section", SECTIONS)
def test_checker_fails_when_a_model_section_is_removed(section):
    nb = copy.deepcopy(json.loads(MODELS[0].read_text(encoding="utf-8")))
    for c in nb["cells"]:
        if c["cell_type"] == "markdown":
            c["source"] = re.sub(rf"^## {re.escape(section)}.*$", "", _src(c), flags=re.M)
    assert f"missing section '## {section}'" in " ".join(check_model(nb, "x"))


def test_checker_fails_without_interactive_element_quiz_or_exercise():
    nb = copy.deepcopy(json.loads(MODELS[0].read_text(encoding="utf-8")))
    nb["cells"] = [c for c in nb["cells"] if c["cell_type"] == "markdown"]
    problems = " ".join(check_model(nb, "x"))
    assert "no interactive element" in problems and "no quiz" in problems
    for c in nb["cells"]:
        c["source"] = _src(c).replace("{exercise}", "{note}")
    assert "no exercise" in " ".join(check_model(nb, "x"))
