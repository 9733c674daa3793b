"""The "Data and sources" page is a MyST-NB text notebook generated from datapackage.json."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from swleadership.data import resource_names
from swleadership.facts import DERIVED, FACTS

PAGE = Path(__file__).resolve().parent.parent / "book" / "data-and-sources.md"


def _front_matter(text: str) -> dict:
    m = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    assert m, "no front matter"
    return yaml.safe_load(m.group(1))


def test_page_is_a_mystnb_text_notebook():
    text = PAGE.read_text(encoding="utf-8")
    fm = _front_matter(text)
    assert fm["file_format"] == "mystnb"
    assert fm["kernelspec"]["name"] == "python3"
    assert fm["jupytext"]["text_representation"]["format_name"] == "myst"
    assert fm["mystnb"]["render_markdown_format"] == "myst"  # generated {download} roles are parsed


def test_page_generates_downloads_and_tables_from_the_package():
    text = PAGE.read_text(encoding="utf-8")
    assert "{{download}}`{res['path']} <../data/{res['path']}>`" in text
    assert "package_descriptor()" in text
    for section in ("## Sources", "## Known gaps", "## Unverified and derived figures", "## Licences and attribution",
                    "## Where the sources disagree", "## Areas: overlaps and reorganised authorities",
                    "## Using your own figures"):
        assert section in text
    assert "Contains public sector information licensed under the Open Government Licence v3.0." in text
    assert '<th scope="col">' in text and "<caption>" in text


def test_page_uses_only_known_facts_and_resources():
    text = PAGE.read_text(encoding="utf-8")
    names = re.findall(r"\{(?:glue:text|eval)\}`([^`]+)`", text)
    assert names
    for name in names:
        assert name in FACTS or name in DERIVED, name
    for name in re.findall(r'load\("([a-z_]+)"\)', text):
        assert name in resource_names(), name
