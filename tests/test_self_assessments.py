"""Each self-assessment in the book: its items are well formed and its scoring and gaps are right by hand."""

import ast
import json
import re
from pathlib import Path

import pytest

from swleadership import explore, figures
from swleadership.explore import SelfAssessment, assessment_gaps
from swleadership.figures import COMPONENTS

ROOT = Path(__file__).resolve().parent.parent


SA_COMPONENTS = [n for n, (_, kind, _) in COMPONENTS.items() if kind == "self_assessment"]


def _assessment_cells():
    """(notebook, code) for every self-assessment a notebook shows: an inline ``self_assessment(...)`` cell, or a
    call of a self-assessment in ``swleadership.figures`` (then the code is that call)."""
    for nb in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(nb.read_text(encoding="utf-8"))["cells"]:
            src = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            if cell["cell_type"] != "code":
                continue
            if re.search(r"(?<![\w.])self_assessment\(", src):
                yield nb.stem, src
            for name in SA_COMPONENTS:
                if re.search(rf"\b{name}\(", src):
                    yield nb.stem, f"{name}()"


CELLS = list(_assessment_cells())


def _build(src: str, nb_dir: Path) -> list[SelfAssessment]:
    """Run the notebook's cell with self_assessment() capturing what it builds."""
    made = []

    def capture(*args, **kwargs):
        sa = explore.self_assessment(*args, **kwargs)
        made.append(sa)
        return sa

    ns = {"self_assessment": capture}
    tree = ast.parse(src)
    if len(tree.body) == 1 and isinstance(tree.body[0], ast.Expr) and getattr(tree.body[0].value.func, "id", "") \
            in SA_COMPONENTS:
        return [getattr(figures, tree.body[0].value.func.id)()]
    code = compile(tree, "<cell>", "exec")
    import os

    old = os.getcwd()
    os.chdir(nb_dir)
    try:
        exec(code, ns)
    finally:
        os.chdir(old)
    return made


def test_the_book_has_at_least_two_self_assessments():
    assert len(CELLS) >= 2, [n for n, _ in CELLS]


@pytest.mark.parametrize("name, src", CELLS, ids=[n for n, _ in CELLS])
def test_self_assessment_scoring_and_gaps(name, src):
    (sa,) = _build(src, ROOT / "notebooks")
    n = len(sa.items)
    assert n >= 3 and all(i.name and i.action for i in sa.items), "every item needs a name and an action"
    # Hand values: rate item k "now" 1 and "importance" 5 for the first item (gap 4), equal for the rest (gap 0),
    # and leave the last item unrated.
    now = [1] + [3] * (n - 2) + [None]
    imp = [5] + [3] * (n - 2) + [None]
    gaps = assessment_gaps(sa.items, now, imp)
    assert (gaps[0].key, gaps[0].gap, gaps[0].band) == (sa.items[0].key, 4, "Priority to develop")
    assert all(g.gap == 0 and g.band == "Strength to keep using" for g in gaps[1:-1])
    assert (gaps[-1].key, gaps[-1].band) == (sa.items[-1].key, "Not rated yet")
    plan = explore.action_plan_markdown(sa.title, gaps)
    assert f"1. **{sa.items[0].name}** (gap 4). {sa.items[0].action}" in plan
    html = sa.static_html()
    assert html.count('data-scale="now"') == n and html.count('data-scale="importance"') == n
