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
