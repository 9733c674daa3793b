"""Every chapter with an explorer works in Voilà (`make app`): a key press on one of its ipywidgets controls
changes the figure, which only the kernel's Python callback can do (the FigureWidget is updated in
``batch_update()``). No code is shown."""

import json
import re
from pathlib import Path

import pytest

from swleadership.figures import COMPONENTS
from swleadership.voila_bench import change_and_wait, first_control, open_app, voila_server

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]


def _uses_explorer(nb: Path) -> bool:
    cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
    explorers = [n for n, (_, kind, _) in COMPONENTS.items() if kind == "explorer"]
    calls = re.compile(r"(explorer|" + "|".join(explorers) + r")\(")
    return any(c["cell_type"] == "code" and calls.search("".join(c["source"])) for c in cells)


NOTEBOOKS = [p.name for p in sorted((ROOT / "notebooks").glob("*.ipynb")) if _uses_explorer(p)]


@pytest.fixture(scope="module")
def voila_base():
    with voila_server() as base:
        yield base


def test_chapters_with_explorers_exist():
    assert len(NOTEBOOKS) >= 5, NOTEBOOKS


@pytest.mark.parametrize("nb", NOTEBOOKS)
def test_explorer_callback_runs_in_voila(nb, voila_base, new_page):
    page = new_page().page
    open_app(page, voila_base, nb)
    assert page.locator(".jp-InputArea-editor, .CodeMirror, .cm-editor").count() == 0, "Voilà must not show code"
    sel, key = first_control(page)
    ms = change_and_wait(page, sel, key)
    assert ms < 10_000
