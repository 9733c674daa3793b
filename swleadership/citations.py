"""Citations in the chapters: linked author–year citations in the book, the same author–year text in JupyterLab.

A chapter cites a work of ``book/references.bib`` with MyST's inline expression role, as it shows a figure
(``swleadership.facts``); the chapter's first (hidden) cell imports ``cite``::

    from swleadership.citations import cite

    {eval}`cite.t("haworth2018")` call it ...               Haworth et al. [2018] call it ...
    ... as the literature agrees {eval}`cite.p("goodall2016,goodallpogrebna2015")`.
                                                            ... [Goodall, 2016, Goodall and Pogrebna, 2015].

``cite.t`` is a textual citation (sphinxcontrib-bibtex's ``{cite:t}``), ``cite.p`` a parenthetical one
(``{cite:p}``); several keys go in one string, separated by commas, as in those roles.

- **In the book**, ``swleadership.sphinxext`` hands each such expression to sphinxcontrib-bibtex's own
  ``{cite:t}``/``{cite:p}`` role: a citation linked to its entry on the References page, which lists it.
- **In JupyterLab**, jupyterlab-myst evaluates the expression in the kernel when the Markdown cell runs, and
  :func:`text` returns the citation as the book prints it: the names come from sphinxcontrib-bibtex's author–year
  style applied to the same ``.bib`` entry, several works in the bibliography's order.

Why not the ``{cite:t}`` role itself: jupyterlab-myst (2.7) parses it but has no bibliography, so it shows the bare
key ("haworth2018"). Its inline expressions, which the figures already use, work in both places.
"""

from __future__ import annotations

import ast
import re
from functools import cache

from ._env import REPO_ROOT

__all__ = ["cite", "text", "parse_expression", "citations", "cited_keys", "CitationError", "BIB"]

#: The book's bibliography (``bibtex_bibfiles`` in ``_config.yml``).
BIB = REPO_ROOT / "book" / "references.bib"

#: The inline expression of a citation: ``cite.t("key")``, ``cite.p("key1,key2")`` (or ``cite.p("a", "b")``).
EXPRESSION = re.compile(r"^cite\.(?P<kind>[tp])\((?P<args>[^()]*)\)$")

#: A citation in Markdown: a sphinxcontrib-bibtex role ({cite:t}`k`, used by the book's own pages) or an inline
#: expression ({eval}`cite.t("k")`, used by the chapters). A backtick just before ``{cite`` means the role's
#: name is being shown in a code span.
CITATION = re.compile(
    r"(?<!`)\{cite(?::(?P<role>[a-z]+))?\}`(?P<body>[^`]*)`"
    r"|\{eval\}`(?P<expr>cite\.[tp]\([^`]*\))`"
)


class CitationError(KeyError):
    """A citation names no entry of the bibliography, or is malformed."""

    def __str__(self) -> str:
        return str(self.args[0])


def parse_expression(expr: str) -> tuple[str, list[str]] | None:
    """``("t" or "p", [keys])`` for a citation expression (``cite.t("a,b")``), ``None`` for anything else."""
    m = EXPRESSION.match(expr.strip())
    if not m:
        return None
    try:
        args = ast.literal_eval("(" + m["args"] + ",)") if m["args"].strip() else ()
    except (ValueError, SyntaxError):
        return None
    if not args or not all(isinstance(a, str) for a in args):
        return None
    keys = [k.strip() for a in args for k in a.split(",") if k.strip()]
    return (m["kind"], keys) if keys else None


def citations(markdown: str) -> list[tuple[str, list[str]]]:
    """Every citation in a Markdown text, in order: ``(role, keys)``, role ``"t"``, ``"p"`` (or another
    sphinxcontrib-bibtex role name: ``""`` for plain ``{cite}``). Pre/post text in braces is dropped."""
    found = []
    for m in CITATION.finditer(markdown):
        if m["expr"]:
            parsed = parse_expression(m["expr"])
            if parsed:
                found.append(parsed)
            continue
        body = re.sub(r"\{[^{}]*\}", "", m["body"])
        found.append((m["role"] or "", [k.strip() for k in body.split(",") if k.strip()]))
    return found


def cited_keys(markdown: str) -> list[str]:
    """The keys cited in a Markdown text, in order (with repeats)."""
    return [k for _, keys in citations(markdown) for k in keys]


@cache
def _bibliography():
    import pybtex.database

    if not BIB.is_file():
        raise CitationError(f"the bibliography {BIB.name} is missing (expected at book/{BIB.name})")
    return pybtex.database.parse_file(str(BIB))


@cache
def _style():
    from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

    return AuthorYearReferenceStyle()  # bibtex_reference_style: author_year (_config.yml)


@cache
def _sort_key() -> dict[str, int]:
    """Each key's place in the References page's list (sphinxcontrib-bibtex lists several works in that order)."""
    from pybtex.plugin import find_plugin

    entries = list(_bibliography().entries.values())
    ordered = find_plugin("pybtex.style.formatting", "plain")().sort(entries)  # bibtex_default_style: plain
    return {e.key: i for i, e in enumerate(ordered)}


def _names_year(key: str) -> tuple[str, str]:
    entries = _bibliography().entries
    if key not in entries:
        raise CitationError(f'no entry "{key}" in book/{BIB.name}: correct the key, or add the work there')
    entry, style = entries[key], _style()
    names = style.person.author_or_editor_or_title(full=False).format_data({"entry": entry, "style": style})
    return names.render_as("text"), entry.fields.get("year", "n.d.")


def text(kind: str, keys: list[str] | tuple[str, ...]) -> str:
    """A citation as the book prints it: ``text("t", ["haworth2018"])`` is ``'Haworth et al. [2018]'``,
    ``text("p", ["haworth2018"])`` is ``'[Haworth et al., 2018]'``."""
    if kind not in ("t", "p"):
        raise CitationError(f"unknown citation kind {kind!r}: use cite.t (textual) or cite.p (parenthetical)")
    if not keys:
        raise CitationError("a citation needs at least one key, e.g. cite.t(\"haworth2018\")")
    parts = [_names_year(k) for k in keys]  # checks every key first
    order = _sort_key()
    parts = [p for _, p in sorted(zip(keys, parts, strict=True), key=lambda kp: order[kp[0]])]
    if kind == "t":
        return ", ".join(f"{names} [{year}]" for names, year in parts)
    return "[" + ", ".join(f"{names}, {year}" for names, year in parts) + "]"


class _Cite:
    """``cite.t("key")``: a textual citation; ``cite.p("key1,key2")``: a parenthetical one (see the module)."""

    @staticmethod
    def _keys(args: tuple[str, ...]) -> list[str]:
        return [k.strip() for a in args for k in str(a).split(",") if k.strip()]

    def t(self, *keys: str) -> str:
        return text("t", self._keys(keys))

    def p(self, *keys: str) -> str:
        return text("p", self._keys(keys))

    def __repr__(self) -> str:
        return 'cite: cite.t("key") or cite.p("key1,key2") (keys of book/references.bib)'


cite = _Cite()
