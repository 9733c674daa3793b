"""Helpers for tests that drive the live (ipywidgets) explorers as a reader would.

A reader's upload reaches an explorer as the FileUpload widget's ``value``; ``upload`` sets it the way the
browser does. ``text_of`` reads a message or summary widget as the reader sees it, without its markup, and
``snapshot`` is everything a figure shows, for checking that a refused input changed nothing.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re

import plotly

# The header of the book's figure tables (gender_comparators, career_length, ...): the shape an upload takes.
FIGURE_TABLE_HEADER = "measure,group,geography,period,value,unit,status,source\n"


def upload_value(content: bytes, name: str = "upload.csv") -> tuple:
    """What ipywidgets 8's FileUpload.value holds after a browser upload."""
    return ({"name": name, "type": "text/csv", "size": len(content), "content": memoryview(content),
             "last_modified": dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)},)


def upload(widget, content: bytes | str, name: str = "upload.csv") -> None:
    """Upload ``content`` through ``widget`` as a reader would."""
    widget.value = upload_value(content.encode("utf-8") if isinstance(content, str) else content, name)


def text_of(markup: str) -> str:
    """The text a reader sees in a widget's HTML."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def snapshot(fw) -> str:
    """Everything the figure shows: traces and layout, as JSON."""
    return json.dumps(fw.to_plotly_json(), cls=plotly.utils.PlotlyJSONEncoder, sort_keys=True)
