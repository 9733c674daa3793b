"""The chapter components in ``swleadership.figures``: each is one short line in its notebook, importable under
its own name, documented, and builds the same kind of object the notebook showed before it moved."""

import json
import pkgutil
import re
from html import unescape
from pathlib import Path

import pytest

import swleadership.figures as figures
from swleadership.assessment import SelfAssessment
from swleadership.explore import Explorer
from swleadership.figures import COMPONENTS

ROOT = Path(__file__).resolve().parent.parent
KIND = {"explorer": Explorer, "self_assessment": SelfAssessment}


def _code_cells(chapter):
    nb = json.loads((ROOT / "notebooks" / f"{chapter}.ipynb").read_text(encoding="utf-8"))
    for c in nb["cells"]:
        if c["cell_type"] == "code":
            yield c.get("metadata", {}).get("tags", []), "".join(c["source"])


def test_no_module_shadows_a_component():
    # ``from swleadership.figures import x`` would give the module x instead of the function x.
    modules = {m.name for m in pkgutil.iter_modules(figures.__path__)}
    assert not modules & set(COMPONENTS)
    assert {mod for mod, _, _ in COMPONENTS.values()} <= modules


@pytest.mark.parametrize("name", sorted(COMPONENTS))
def test_component_is_documented_and_called_in_one_line(name):
    assert f"``{name}()``" in figures.__doc__, "list every component in swleadership/figures/__init__.py"
    _, _, chapter = COMPONENTS[name]
    cells = list(_code_cells(chapter))
    calls = [(tags, src) for tags, src in cells if re.search(rf"\b{name}\(", src) and "import" not in src]
    assert [src for _, src in calls] == [f"{name}()"], f"{chapter} must show {name} as one line: {name}()"
    assert "remove-input" in calls[0][0]
    assert any("from swleadership.figures import" in src and name in src for _, src in cells)


@pytest.mark.parametrize("name", sorted(n for n, (_, kind, _) in COMPONENTS.items() if kind in KIND))
def test_component_builds_its_kind(name, monkeypatch):
    monkeypatch.setenv("SWL_BOOK_BUILD", "1")
    obj = getattr(figures, name)()
    assert isinstance(obj, KIND[COMPONENTS[name][1]])
    html = obj.static_html()
    assert 'class="swl-plotly"' in html or "swl-assessment" in html  # the figure JSON swl.js draws


def test_matrix_table_lists_every_model_with_its_sources():
    from swleadership.figures import matrix

    html = unescape(figures.comparison_matrix_table().data)
    for _, name, cells in matrix.MODELS:
        assert name in html
        for key in cells["evidence"][3]:
            assert matrix.AUTHORS[key] in html
