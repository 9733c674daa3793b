"""Numbers in the prose: every {eval}`name` is a figure swleadership.facts knows, imported by its notebook,
and the figures worked out from facts (DERIVED) match sums done by hand. The other {eval} expressions are
citations ({eval}`cite.t("key")`, swleadership.citations), imported before the first one."""

import json
import re
from pathlib import Path

import pytest

from swleadership import citations, facts

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
EVAL = re.compile(r"\{eval\}`([^`]+)`")


def _cells(nb: Path):
    return json.loads(nb.read_text(encoding="utf-8"))["cells"]


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_eval_name_is_a_known_figure_imported_by_the_notebook(nb):
    cells = _cells(nb)
    md = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert "{glue" not in md, f"{nb.name}: {{glue:text}} left: run the number conversion (CONTRIBUTING.md)"
    for name in set(EVAL.findall(md)):
        if citations.parse_expression(name):
            continue  # a citation: see the test below
        assert name in facts.names(), f"{nb.name}: {{eval}}`{name}` is not in swleadership.facts"
        assert re.search(rf"\b{re.escape(name)}\b", code), f"{nb.name}: {name} is shown but never imported"


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.stem)
def test_citations_are_imported_before_the_first_one(nb):
    """JupyterLab runs the cells in order: ``cite`` must exist before a Markdown cell shows a citation."""
    cells = _cells(nb)
    first_code = next(i for i, c in enumerate(cells) if c["cell_type"] == "code")
    first_cite = next((i for i, c in enumerate(cells) if c["cell_type"] == "markdown"
                       and any(citations.parse_expression(e) for e in EVAL.findall("".join(c["source"])))), None)
    if first_cite is None:
        return
    assert "from swleadership.citations import cite" in "".join(cells[first_code]["source"]), (
        f"{nb.name}: the first code cell must import cite (from swleadership.citations import cite)")
    assert first_code < first_cite, f"{nb.name}: cell {first_cite} cites before the import cell ({first_code})"


def test_book_pages_use_only_known_names():
    for page in sorted((ROOT / "book").glob("*.md")):
        for name in EVAL.findall(page.read_text(encoding="utf-8")):
            assert name in facts.names(), f"{page.name}: {{eval}}`{name}`"


def test_import_gives_the_displayed_text():
    from swleadership.facts import csww_fte_latest, sw_working_life

    assert (sw_working_life, csww_fte_latest) == ("8 years", "36,186")
    with pytest.raises(ImportError):
        from swleadership.facts import not_a_figure  # noqa: F401
    with pytest.raises(AttributeError, match="add it to FACTS or DERIVED"):
        _ = facts.not_a_figure


def test_derived_figures_by_hand():
    # 1/a with a = 11.8% (children's turnover, latest year): 100/11.8 = 8.47 years
    assert facts.text("csww_turnover_latest_as_life") == "8.5 years"
    # r = (f0 (1 - fk) / (fk (1 - f0)))^(1/3) with f0 = 0.87, fk = 0.64: (0.3132 / 0.0832)^(1/3) = 3.764^(1/3) = 1.555
    assert facts.text("ex_r_three_steps") == "1.56"
    # 2010-11 spend indexed at 100: social care 45.3, everything else 54.7; social care falls 3.0%: 45.3 * 0.97
    assert (facts.text("ex_sc_0"), facts.text("ex_other_0"), facts.text("ex_sc_1")) == ("45.3", "54.7", "43.9")
    for name in facts.DERIVED:
        assert facts.text(name)
