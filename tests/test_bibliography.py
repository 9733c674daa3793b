"""The bibliography: book/references.bib parses cleanly, every entry is complete, and every citation resolves.

Citations are inline expressions in notebook Markdown cells ({eval}`cite.t("key")`, {eval}`cite.p("key1,key2")`:
swleadership.citations) and MyST roles in book/*.md pages:
{cite}`key`, {cite:t}`key`, {cite:p}`key1,key2`, {cite:ts}`key`, {cite:ps}`key`, {cite:year}`key` ...
"""

from __future__ import annotations

import re
from pathlib import Path

import pybtex.database
import pybtex.errors
import pytest

from swleadership import citations
from tests._sources import markdown_sources

ROOT = Path(__file__).resolve().parent.parent
BIB = ROOT / "book" / "references.bib"

# Fenced code blocks (``` or ~~~ without a directive, or a code directive) hold no citations.
CODE_FENCE = re.compile(
    r"^(`{3,}|~{3,})(?!\s*\{(?!code-cell|code-block|code\b|sourcecode|raw))[^\n]*\n.*?^\1\s*$",
    re.MULTILINE | re.DOTALL,
)
# Raw entry headers, e.g. "@article{munro2011," (comments and @string/@preamble/@comment are not entries).
ENTRY_HEADER = re.compile(r"^\s*@(\w+)\s*\{\s*([^,\s]+)\s*,", re.MULTILINE)
NON_ENTRY_TYPES = {"string", "preamble", "comment"}


def cited_keys(text: str) -> list[str]:
    """Keys cited in one Markdown text (swleadership.citations), outside code blocks."""
    return citations.cited_keys(CODE_FENCE.sub("", text))


@pytest.fixture(scope="module")
def bib():
    pybtex.errors.set_strict_mode(True)   # any pybtex warning (e.g. a duplicate entry) becomes an error
    try:
        return pybtex.database.parse_file(str(BIB))
    finally:
        pybtex.errors.set_strict_mode(False)


def test_bib_parses_without_warnings(bib):
    # The paper's reference list has 135 works; the book adds the paper itself and a few sources.
    assert len(bib.entries) >= 136
    assert "haworth2018" in bib.entries


def test_every_entry_has_author_year_and_title(bib):
    problems = []
    for key, entry in bib.entries.items():
        missing = []
        if not (entry.persons.get("author") or entry.persons.get("editor")):
            missing.append("author (or organisation, or editor)")
        if not entry.fields.get("year", "").strip():
            missing.append("year")
        if not entry.fields.get("title", "").strip("{} "):
            missing.append("title")
        if missing:
            problems.append(f"{key}: missing {', '.join(missing)}")
    assert not problems, "Incomplete entries in references.bib:\n" + "\n".join(problems)


def test_no_duplicate_keys():
    text = BIB.read_text(encoding="utf-8")
    seen: dict[str, int] = {}
    duplicates = []
    for entry_type, key in ENTRY_HEADER.findall(text):
        if entry_type.lower() in NON_ENTRY_TYPES:
            continue
        # BibTeX keys are case-insensitive in practice: "Munro2011" and "munro2011" clash.
        k = key.lower()
        seen[k] = seen.get(k, 0) + 1
        if seen[k] == 2:
            duplicates.append(key)
    assert seen, "no entries found in references.bib"
    assert not duplicates, f"Duplicate keys in references.bib: {duplicates}"


def test_keys_follow_the_convention(bib):
    """Lower-case letters, a four-digit year, an optional a/b suffix (CONTRIBUTING.md)."""
    bad = [k for k in bib.entries if not re.fullmatch(r"[a-z]+\d{4}[a-z]?", k)]
    assert not bad, f"Keys not of the form surname+year(+a/b): {bad}"


def test_every_cited_key_is_in_the_bib(bib):
    keys = {k.lower() for k in bib.entries}
    missing = []
    for name, text in markdown_sources():
        for key in cited_keys(text):
            if key.lower() not in keys:
                missing.append(f"{name}: {key}")
    assert not missing, (
        "Cited keys that are not in book/references.bib (fix the key, or add the entry with the details the "
        "paper's reference list gives):\n" + "\n".join(missing)
    )


def test_cite_role_parser():
    """The parser finds every key in the forms the book uses (a guard for the test above)."""
    text = (
        "See {cite:t}`munro2011` and {cite:p}`lawler2007, rogowski2011`; {cite}`x2000`; {cite:ts}`y2001`.\n"
        "Write `{cite:t}` or `{cite:p}` to cite.\n"
        "```python\nprint('{cite:t}`notakey1999`')\n```\n"
        'In a chapter: {eval}`cite.t("haworth2018")` and {eval}`cite.p("goodall2016,goodallpogrebna2015")`; '
        "{eval}`sw_working_life` is a figure.\n"
    )
    assert cited_keys(text) == ["munro2011", "lawler2007", "rogowski2011", "x2000", "y2001", "haworth2018",
                                "goodall2016", "goodallpogrebna2015"]


def test_references_page_lists_the_bibliography():
    page = (ROOT / "book" / "references.md").read_text(encoding="utf-8")
    assert re.search(r"^```\{bibliography\}\s*$", page, re.MULTILINE), "book/references.md needs a {bibliography}"
