"""Reading the book's Markdown, shared by the bibliography and glossary tests."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def markdown_sources() -> list[tuple[str, str]]:
    """(name, Markdown text) for every notebook Markdown cell and every book/*.md page."""
    sources: list[tuple[str, str]] = []
    for nb_path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        for i, cell in enumerate(nb.get("cells", [])):
            if cell.get("cell_type") == "markdown":
                text = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
                sources.append((f"{nb_path.relative_to(ROOT)} (cell {i})", text))
    for md_path in sorted((ROOT / "book").glob("*.md")):
        sources.append((str(md_path.relative_to(ROOT)), md_path.read_text(encoding="utf-8")))
    return sources


def activity_sources() -> list[tuple[str, str]]:
    """(name, text) for every string a student reads in notebooks/activities/*.yml."""
    import yaml

    def strings(node, where):
        if isinstance(node, str):
            yield where, node
        elif isinstance(node, dict):
            for k, v in node.items():
                yield from strings(v, f"{where}.{k}")
        elif isinstance(node, list):
            for i, v in enumerate(node):
                yield from strings(v, f"{where}[{i}]")

    sources: list[tuple[str, str]] = []
    for path in sorted((ROOT / "notebooks" / "activities").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        sources.extend(strings(data, str(path.relative_to(ROOT))))
    return sources


def student_text_sources() -> list[tuple[str, str]]:
    """Every notebook Markdown cell, every book/*.md page and every activity string."""
    return markdown_sources() + activity_sources()
