"""Sphinx extension for the book build (listed in ``_config.yml``).

1. Marks the process as a book build (``SWL_BOOK_BUILD=1``), so the kernels that execute the notebooks emit
   static HTML components rather than ipywidgets (whose saved state would pull require.js and the widget
   manager from CDNs and still do nothing without a kernel).
2. Validates the bundled data package once, at build start: a malformed CSV stops the build with a message
   naming the file, row and field.
3. Copies ``plotly.min.js`` from the installed plotly wheel into the site's ``_static/vendor/``, so figures
   need no CDN (``_config.yml`` loads it once per page).
5. Drops sphinx-thebe's inline settings snippet (thebe is off; the theme includes it twice).
4. Rewrites sphinxcontrib-bibtex's bibliography markup (``role="list"`` with ``doc-biblioentry`` children),
   which axe-core reports as a critical ``aria-required-children`` violation, into a plain list.
6. Writes the quiz bank for VLEs (``swleadership.vle``: Moodle XML and QTI, per chapter and for the book) into
   the site's ``downloads/vle/``, from the same YAML as the web quizzes; the seminar guide links them.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from sphinx.errors import ExtensionError

from ._env import BOOK_BUILD_VAR

os.environ[BOOK_BUILD_VAR] = "1"


def _validate_data(app) -> None:
    from .data import DataError, validate_package

    try:
        validate_package()
    except DataError as exc:
        raise ExtensionError(f"data/ failed validation: {exc}") from None


def _vendor_plotly(app) -> None:
    if app.builder.format != "html":
        return
    import plotly

    src = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    dest = Path(app.outdir) / "_static" / "vendor" / "plotly.min.js"
    dest.parent.mkdir(parents=True, exist_ok=True)
    if not dest.exists() or dest.stat().st_size != src.stat().st_size:
        shutil.copyfile(src, dest)


_CITATION_LIST = re.compile(r'<div (?=[^>]*class="citation-list")[^>]*>')
_BIBLIOENTRY = re.compile(r'\srole="doc-biblioentry"')


def fix_bibliography_markup(body: str) -> str:
    """Drop the ARIA list roles from sphinxcontrib-bibtex/docutils citation markup (axe: critical)."""
    body = _CITATION_LIST.sub('<div class="citation-list">', body)
    return _BIBLIOENTRY.sub("", body)


def _is_thebe_snippet(script) -> bool:
    return "THEBE_JS_URL" in str(getattr(script, "attributes", {}).get("body", ""))


def _page_context(app, pagename, templatename, context, doctree) -> None:
    if "body" in context and "citation" in context["body"]:
        context["body"] = fix_bibliography_markup(context["body"])
    # Thebe is off (_config.yml), but sphinx-thebe still writes its settings snippet, twice: a JavaScript error
    # on every page ("THEBE_JS_URL has already been declared") and a CDN address in every page. Drop it.
    if context.get("script_files"):
        context["script_files"] = [s for s in context["script_files"] if not _is_thebe_snippet(s)]


def _vle_exports(app) -> None:
    if app.builder.format != "html":
        return
    from .teaching import ActivityError
    from .vle import write_exports

    try:
        write_exports(Path(app.outdir) / "downloads" / "vle")
    except ActivityError as exc:
        raise ExtensionError(f"the quiz bank for VLEs failed: {exc}") from None


def setup(app):
    os.environ[BOOK_BUILD_VAR] = "1"
    app.connect("builder-inited", _validate_data)
    app.connect("builder-inited", _vendor_plotly)
    app.connect("builder-inited", _vle_exports)
    app.connect("html-page-context", _page_context)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
