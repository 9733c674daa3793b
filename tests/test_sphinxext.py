"""The book's Sphinx extension (swleadership.sphinxext) on a tiny Sphinx project built in a temporary folder.

One build (a few seconds) of a two-page project with a citation, a bibliography, two exercises and a named
figure; the tests read the HTML it writes. The full book's build and its pages are tested by ``make book`` and
the browser tier; these catch a broken extension without either.
"""

from __future__ import annotations

import io
import os
import re
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "book" / "assets"
BUNDLE = "vendor/plotly-swl.min.js"

CONF = '''
project = "Tiny book"
html_title = "Tiny book"
root_doc = "intro"
extensions = ["sphinxcontrib.bibtex", "sphinx_exercise", "swleadership.sphinxext"]
bibtex_bibfiles = ["refs.bib"]
bibtex_reference_style = "author_year"
html_theme = "sphinx_book_theme"
html_static_path = ["book/assets"]  # as in the book: the favicon is looked up there
html_js_files = ["swl.js"]
'''

BIB = """@book{smith2000,
  author = {Smith, Jane},
  title = {Leading Teams},
  year = {2000},
  publisher = {Press}
}
"""

INTRO = """# A tiny book

Social workers stay in the profession for {eval}`sw_working_life` on average, as {cite:t}`smith2000` notes.

```{exercise}
:label: ex-one
Work out the leaving rate.
```

```{exercise}
:label: ex-two
Work out the working life.
```

```{bibliography}
```
"""

SECOND = """---
description: A page whose description is in its front matter.
---
# Second page

Text.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    from sphinx.application import Sphinx

    src = tmp_path_factory.mktemp("tiny")
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "refs.bib").write_text(BIB, encoding="utf-8")
    (src / "second.md").write_text(SECOND, encoding="utf-8")
    (src / "intro.md").write_text(INTRO + "\n```{toctree}\nsecond\n```\n", encoding="utf-8")
    static = src / "book" / "assets"
    (static / "vendor").mkdir(parents=True)
    for rel in (BUNDLE, "swl.js", "favicon.svg"):
        shutil.copy(ASSETS / rel, static / rel)
    out = src / "_build"
    before = os.environ.get("SWL_BOOK_BUILD")
    warnings = io.StringIO()
    try:
        app = Sphinx(str(src), str(src), str(out), str(src / "_doctrees"), "html", status=None, warning=warnings,
                     freshenv=True)
        app.build()
    finally:  # the extension marks its process as a book build: do not leak that into the other tests
        if before is None:
            os.environ.pop("SWL_BOOK_BUILD", None)
        else:
            os.environ["SWL_BOOK_BUILD"] = before
    # A second build in one process (mutmut runs the tests again in the same process) re-registers Sphinx's own
    # node classes; that warning is about the process, not about this build.
    own = [w for w in warnings.getvalue().splitlines() if w.strip() and "is already registered" not in w]
    assert own == [], warnings.getvalue()
    return out


def page(built: Path, name: str = "intro") -> str:
    return (built / f"{name}.html").read_text(encoding="utf-8")


def test_the_plotly_bundle_is_copied_and_precompressed(built):
    copied = built / "_static" / BUNDLE
    assert copied.read_bytes() == (ASSETS / BUNDLE).read_bytes()
    assert Path(f"{copied}.br").stat().st_size > 0 and Path(f"{copied}.gz").stat().st_size > 0
    assert (built / "_static" / "swl.js").is_file()


def test_the_bibliography_has_no_list_roles(built):
    html = page(built)
    assert 'class="citation-list"' in html and "Leading Teams" in html
    assert 'role="list"' not in html and "doc-biblioentry" not in html


def test_exercises_do_not_repeat_an_id(built):
    html = page(built)
    assert html.count('<section class="exercise-content">') == 2
    assert 'id="exercise-content"' not in html
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]


def test_named_figures_are_resolved_from_the_data(built):
    from swleadership.facts import text

    html = page(built)
    assert f'<span class="swl-fact">{text("sw_working_life")}</span>' in html
    assert text("sw_working_life") == "8 years"


def test_every_page_has_a_description_and_the_favicon(built):
    intro, second = page(built), page(built, "second")
    m = re.search(r'<meta name="description" content="([^"]+)">', intro)
    assert m and m.group(1).startswith("Social workers stay in the profession for 8 years on average")
    assert '<meta name="description" content="A page whose description is in its front matter.">' in second
    assert "favicon.svg" in intro and (built / "_static" / "favicon.svg").is_file()


def test_the_root_redirects_to_the_first_page(built):
    index = (built / "index.html").read_text(encoding="utf-8")
    assert index.startswith("<!DOCTYPE html>") and '<html lang="en">' in index
    assert 'http-equiv="refresh" content="0; url=intro.html"' in index and "<title>Tiny book</title>" in index


def test_the_quiz_bank_is_written_for_the_vle(built):
    vle = built / "downloads" / "vle"
    assert any(vle.glob("*-moodle.xml")) and any(vle.glob("*.zip"))
