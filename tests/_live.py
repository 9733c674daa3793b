"""Helpers for tests that drive the live (ipywidgets) explorers as a reader would.

A reader's change reaches a widget from the browser as a state message: ``widget.set_state(...)``, which also
announces a ``_property_lock`` change to every observer that listens to all names. ``browser_set`` and ``upload``
go that way, so a handler that would break on it breaks in the tests too. ``text_of`` reads a message or summary widget as the reader sees it, without its markup, and
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
    """Upload ``content`` through ``widget`` as the browser does (the file's bytes and its details)."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    widget.set_state({"value": [{"name": name, "type": "text/csv", "size": len(data), "content": memoryview(data),
                                 "last_modified": 1767225600000}]})   # 1 Jan 2026, in ms, as the browser sends it


def browser_set(widget, value) -> None:
    """Set a control as a reader's click or keystroke does: a list by the index of its option, others by value."""
    if hasattr(widget, "index"):
        values = [o[1] if isinstance(o, tuple) else o for o in widget.options]
        widget.set_state({"index": values.index(value)})
    else:
        widget.set_state({"value": value})


def descendants(widget):
    """The widget and every widget inside it, depth first."""
    yield widget
    for child in getattr(widget, "children", ()):
        yield from descendants(child)


def text_of(markup: str) -> str:
    """The text a reader sees in a widget's HTML."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def snapshot(fw) -> str:
    """Everything the figure shows: traces and layout, as JSON."""
    return json.dumps(fw.to_plotly_json(), cls=plotly.utils.PlotlyJSONEncoder, sort_keys=True)


#: Runs of capitals that are words, not shouting.
ACRONYMS = {"FTE", "UK", "CSV", "UTF", "MB", "NHS", "DfE", "GMC", "HCPC", "ALB", "CCG", "CCGs", "HCHS", "NAO", "ADASS",
            "LA", "LAs", "DCS", "HSCIC"}


def assert_readable(text: str, where: str, sentences: bool = True) -> None:
    """Sentence case and no shouting: each sentence starts with a capital letter; no run of capitals other
    than an acronym."""
    runs = set(re.findall(r"[A-Z]{2,}", text)) - ACRONYMS
    assert not runs, (where, runs, text)
    if sentences:
        for start in re.findall(r"(?:^|[.!?]\s+)([a-z])", text.strip()):
            raise AssertionError((where, f"a sentence starts with {start!r}", text))
