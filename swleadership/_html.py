"""Small HTML helpers shared by every component that writes its own markup (explorers, quizzes, journal...).

- ``esc(text)``: escape text for an element's content or a quoted attribute.
- ``json_script(payload, cls)``: a ``<script type="application/json">`` block that can never close early.
- ``help_link(anchor, text)``: a link to a section of the help page "How to use this book"
  (``book/using-the-book.md``): the built page in the book, the Markdown file in JupyterLab.
"""

from __future__ import annotations

import html
import json
from typing import Any

from ._env import in_book_build

#: The help page, relative to a chapter (chapters live in ``notebooks/``, the help page in ``book/``).
HELP_PAGE = "../book/using-the-book"


def esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


def json_script(payload: Any, cls: str) -> str:
    data = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
    data = data.replace("</", "<\\/")  # never close the script element early
    return f'<script type="application/json" class="{cls}">{data}</script>'


def help_link(anchor: str, text: str) -> str:
    """``<a>`` to a section of the help page; the book links the built page, JupyterLab the Markdown source."""
    href = f"{HELP_PAGE}.html#{anchor}" if in_book_build() else f"{HELP_PAGE}.md"
    return f'<a class="swl-help" href="{esc(href)}">{esc(text)}</a>'
