"""Sphinx extension for the book build (listed in ``_config.yml``).

1. Marks the process as a book build (``SWL_BOOK_BUILD=1``), so the kernels that execute the notebooks emit
   static HTML components rather than ipywidgets (whose saved state would pull require.js and the widget
   manager from CDNs and still do nothing without a kernel).
2. Validates the bundled data package once, at build start: a malformed CSV stops the build with a message
   naming the file, row and field.
3. Keeps each page light (``weight.py``): MathJax only where there is maths, Font Awesome's icons as CSS, and
   precompressed copies for static hosts. plotly.js is the book's own bundle in ``book/assets/vendor/``, which
   ``swl.js`` fetches on pages with a figure.
4. Drops sphinx-thebe's inline settings snippet (thebe is off; the theme includes it twice).
5. Rewrites sphinxcontrib-bibtex's bibliography markup (``role="list"`` with ``doc-biblioentry`` children),
   which axe-core reports as a critical ``aria-required-children`` violation, into a plain list.
6. Resolves ``{eval}`name` `` for the book's named figures (``swleadership.facts``) at build time, from data/,
   and ``{eval}`cite.t("key")` `` / ``cite.p`` as sphinxcontrib-bibtex's ``{cite:t}``/``{cite:p}`` (linked
   citations, listed on the References page; ``swleadership.citations``).
   myst-nb evaluates ``{eval}`` only in its "inline" execution mode; the book executes in "cache" mode, so the
   role falls back to myst-nb's own only for names that are not figures. In JupyterLab, jupyterlab-myst evaluates
   the same names in the kernel (the chapter's first cell imports them from ``swleadership.facts``).
7. Shows launch, repository and issue buttons only for a real repository and JupyterHub (``launch.py``).
8. Valid, complete pages (the W3C Nu checker): drops sphinx-exercise's repeated ``id="exercise-content"`` /
   ``id="solution-content"`` (one per exercise, so duplicates on every page with two), gives every page a meta
   description (front matter ``description:`` or the page's first paragraph) and the favicon, and writes the
   root ``index.html`` as a complete page that redirects to the first page (sphinx-external-toc's stub has no
   doctype and no title).
9. Writes the quiz bank for VLEs (``swleadership.vle``: Moodle XML and QTI, per chapter and for the book) into
   the site's ``downloads/vle/``, from the same YAML as the web quizzes; the seminar guide links them.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from docutils import nodes
from sphinx.errors import ExtensionError

from . import weight
from ._env import BOOK_BUILD_VAR


def _validate_data(app) -> None:
    from .data import DataError, validate_package

    try:
        validate_package()
    except DataError as exc:
        raise ExtensionError(f"data/ failed validation: {exc}") from None


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


def _honest_buttons(app, config) -> None:
    """No launch, repository or issue button that leads to a placeholder (swleadership.launch)."""
    from .launch import honest_theme_options

    config.html_theme_options = honest_theme_options(config.html_theme_options or {})


def _eval_role():
    from docutils import nodes
    from myst_nb.ext.eval import EvalRoleAny

    from . import citations, facts

    class FactEvalRole(EvalRoleAny):
        """``{eval}`name` `` for a named figure: its text from data/ (``facts.text``); ``{eval}`cite.t("key")` ``
        and ``cite.p``: sphinxcontrib-bibtex's ``{cite:t}``/``{cite:p}`` (``swleadership.citations``); anything
        else: myst-nb's."""

        def __call__(self, name, rawtext, text, lineno, inliner, options=None, content=()):
            self.lineno = lineno
            return super().__call__(name, rawtext, text, lineno, inliner, options, content)

        def run(self):
            name = self.text.strip()
            if name in facts.names():
                return [nodes.inline(self.rawtext, facts.text(name), classes=["swl-fact"])], []
            cited = citations.parse_expression(name)
            if cited is not None:
                kind, keys = cited
                role = self.document.settings.env.get_domain("cite").role(kind)
                return role(f"cite:{kind}", self.rawtext, ",".join(keys), self.lineno, self.inliner, {}, [])
            return super().run()

    return FactEvalRole()


# ---------------------------------------------------------------------------------------- valid pages
FAVICON = "favicon.svg"  # in book/assets (html_static_path)
DESCRIPTION_MAX = 160
_EXERCISE_IDS = re.compile(r'<section id="(exercise|solution)-content">')


def fix_exercise_ids(body: str) -> str:
    """sphinx-exercise gives every exercise's and solution's body the same id: make it a class instead."""
    return _EXERCISE_IDS.sub(r'<section class="\1-content">', body)


def shorten(text: str, limit: int = DESCRIPTION_MAX) -> str:
    """One line of at most ``limit`` characters, cut at a word boundary with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.(")
    return cut + "…"


def page_description(doctree, metadata: dict) -> str:
    """The page's front-matter ``description``, else its first paragraph of prose outside boxes and outputs."""
    if metadata.get("description"):
        return shorten(str(metadata["description"]))
    for para in doctree.findall(nodes.paragraph):
        # Prose sits directly under a section; boxes, lists, outputs and maths make poor summaries.
        if not isinstance(para.parent, nodes.section) or next(para.findall(nodes.math), None) is not None:
            continue
        text = para.astext().strip()
        if len(text) >= 40:
            return shorten(text)
    return ""


_REDIRECT = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{title}: opening the book's first page.">
<meta http-equiv="refresh" content="0; url={url}">
<link rel="icon" href="_static/{icon}" type="image/svg+xml">
</head>
<body>
<main><p>Opening the book: <a href="{url}">{title}</a>.</p></main>
</body>
</html>
"""


def _write_root_redirect(app, exception) -> None:
    """A complete redirect page at the site's root (before sphinx-external-toc writes its bare stub)."""
    if exception is not None or app.builder.format != "html" or app.config.master_doc == "index":
        return
    from html import escape

    url = app.builder.get_target_uri(app.config.master_doc)
    title = escape(app.config.html_title or app.config.project, quote=True)
    page = _REDIRECT.format(lang=app.config.language or "en", title=title, url=escape(url, quote=True),
                            icon=FAVICON)
    (Path(app.outdir) / "index.html").write_text(page, encoding="utf-8")


def _set_favicon(app, config) -> None:
    if not config.html_favicon:
        config.html_favicon = str(Path(app.confdir) / "book" / "assets" / FAVICON)


def _valid_page(app, pagename, templatename, context, doctree) -> None:
    if "body" in context and "-content" in context["body"]:
        context["body"] = fix_exercise_ids(context["body"])
    if doctree is not None and 'name="description"' not in context.get("metatags", ""):
        from html import escape

        desc = page_description(doctree, app.env.metadata.get(pagename, {}))
        if desc:
            context["metatags"] = context.get("metatags", "") + (
                f'\n<meta name="description" content="{escape(desc, quote=True)}">')


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
    app.setup_extension("myst_nb")
    app.add_role("eval", _eval_role(), override=True)
    app.connect("config-inited", _honest_buttons)
    app.connect("builder-inited", _validate_data)
    weight.setup(app)
    app.connect("builder-inited", _vle_exports)
    app.connect("html-page-context", _page_context)
    app.connect("config-inited", _set_favicon)
    app.connect("html-page-context", _valid_page)
    app.connect("build-finished", _write_root_redirect, priority=400)  # before sphinx-external-toc's stub
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
