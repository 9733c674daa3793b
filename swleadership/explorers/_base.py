"""What the four workforce explorers share: data access with sources, the live/static switch,
messages, uploads, typed inputs and a lean plotly layout.

Every explorer has one *update* function per figure, ``update(**values) -> {"traces": {i: {...}},
"layout": {...}, "summary": "..."}``, which is the contract of :func:`swleadership.explore.explorer`.
The static face precomputes it on a stated grid (through ``explore.Explorer``); the live face calls it
from ipywidgets callbacks and applies the patch to a ``go.FigureWidget`` inside ``batch_update()``.
Layout patches use dotted keys without list indices (``"title.text"``, ``"yaxis.title.text"``).
"""

from __future__ import annotations

import math
import re
import statistics
import time
from collections.abc import Callable
from functools import cache
from typing import Any

from .._env import in_book_build
from .._html import esc, help_link
from ..render import shared_figure_widget

# --------------------------------------------------------------------------------------------- data

#: The resources the explorers read (all through ``swleadership.data.load``).
RESOURCES = (
    "career_length", "children_workforce", "adult_social_workers", "gender_comparators",
    "context_funding", "children_workforce_areas", "children_workforce_ethnicity",
)


@cache
def table(name: str):
    """A bundled resource (cached for the session; treat it as read-only)."""
    from .. import data

    return data.load(name)


def rows(resource: str, measure: str, group: str | None = None, preferred_only: bool = True):
    """Rows of a figure table with this ``measure`` (and ``group``), sorted by year."""
    df = table(resource)
    sel = df["measure"] == measure
    if group is not None:
        sel &= df["group"] == group
    if preferred_only and "preferred" in df:
        sel &= df["preferred"].astype(bool)
    out = df[sel].sort_values(["year", "period"])
    if out.empty:
        raise LookupError(f"data/{resource}.csv has no row with measure={measure!r}, group={group!r}")
    return out


def one(resource: str, measure: str, group: str | None = None, source_id: str | None = None):
    """The single row (a dict) for a figure; with ``source_id`` when two sources give it."""
    r = rows(resource, measure, group, preferred_only=source_id is None)
    if source_id is not None:
        r = r[r["source_id"] == source_id]
    if len(r) != 1:
        raise LookupError(
            f"data/{resource}.csv: expected one row for measure={measure!r}, group={group!r}, "
            f"source_id={source_id!r}; found {len(r)}"
        )
    return r.iloc[0].to_dict()


@cache
def source(source_id: str) -> dict:
    from .. import data

    return data.source(source_id)


@cache
def suppression_codes() -> dict:
    """DfE suppression codes and their meanings (from the data package)."""
    from .. import data

    return data.suppression_codes()


def source_short(source_id: str) -> str:
    """A short label for a source: its publisher and date, e.g. 'DfE (2026)'."""
    s = source(source_id)
    pub = s.get("publisher") or s["source_id"]
    pub = re.split(r"[,(;]", pub)[0].strip()
    date = (s.get("date") or "")[:4]
    return f"{pub} ({date})" if date else pub


def sources_html(source_ids, lead: str = "Sources") -> str:
    """A compact list of sources (title, publisher, date, how read, link) as HTML.

    In the book it is a closed box (a reader opens it to check a figure); live, it sits in the explorer's own
    collapsed panel."""
    seen, items = set(), []
    for sid in source_ids:
        if not sid or sid in seen:
            continue
        seen.add(sid)
        s = source(sid)
        url = (s.get("url") or "").partition(" ")[0]
        link = f' <a href="{esc(url)}">{esc(url)}</a>' if url.startswith("http") else ""
        how = f" [{esc(s['how_read'])}]" if s.get("how_read") else ""
        date = f" ({esc(s['date'])})" if s.get("date") else ""
        items.append(f"<li>{esc(s['title'])}. {esc(s['publisher'])}{date}{how}.{link}</li>")
    if in_book_build():
        return (f'<details class="swl-sources"><summary>{esc(lead)} (all figures from the book\'s data/ folder)'
                f'</summary><ul>{"".join(items)}</ul></details>')
    return f'<div class="swl-sources"><p><strong>{esc(lead)}</strong> (all figures from the book\'s data/ folder):</p><ul>{"".join(items)}</ul></div>'


def fmt_num(x: float | None, digits: int = 1) -> str:
    """A number for text: thousands separators, ``digits`` decimals, '–' for missing."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    if abs(x) >= 1000 or float(x).is_integer():
        return f"{x:,.0f}"
    return f"{x:,.{digits}f}"


def clean(values) -> list:
    """Numbers for a JSON payload: NaN → None, floats rounded to 4 significant digits."""
    out = []
    for v in values:
        if v is None or (isinstance(v, float) and math.isnan(v)):
            out.append(None)
        elif isinstance(v, float):
            out.append(float(f"{v:.4g}"))
        else:
            out.append(v)
    return out


# --------------------------------------------------------------------------------------------- figures

#: A lean layout instead of plotly's default template (saves about 7 KB per figure on the page).
FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 13, "color": "#1f2328"}
AXIS = {"showgrid": True, "gridcolor": "#d8dbe0", "zeroline": False, "linecolor": "#5a6270",
        "showline": True, "ticks": "outside", "automargin": True}

#: Colour-blind-safe palette (Okabe-Ito, with its orange and sky blue darkened to #BF8500 and #3C91C8 so that every
#: colour has at least 3:1 contrast with the white chart, WCAG 2.1 1.4.11); every series also has its own dash or
#: marker symbol.
COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#BF8500", "#3C91C8", "#000000", "#8c6d31", "#666666"]
DASHES = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot", "solid", "dash", "dot"]
SYMBOLS = ["circle", "square", "diamond", "triangle-up", "x", "cross", "star", "triangle-down", "pentagon"]


#: How a bar's fill pattern is drawn: white marks over the bar's own colour.
PATTERN = {"fillmode": "overlay", "fgcolor": "#ffffff", "size": 7, "solidity": 0.35}


def pattern(shape: str) -> dict:
    """A bar fill pattern drawn over the bar's colour (so shape, not colour alone, tells series apart)."""
    return {"shape": shape, **PATTERN}


#: The figures' shared look: white ground, the book's font, the legend in a row under the plot (never over the
#: data), titles at the left edge, full series names in hover labels. Margins are starting values: in the book
#: ``swl.js`` fits them to the screen.
LAYOUT = {
    "template": "none",
    "font": FONT,
    "paper_bgcolor": "#ffffff",
    "plot_bgcolor": "#ffffff",
    "margin": {"l": 60, "r": 20, "t": 70, "b": 50},
    "legend": {"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0, "font": {"size": 12}},
    "hoverlabel": {"namelength": -1},
    "title": {"x": 0, "xanchor": "left", "font": {"size": 15}},
}


def merged(base: dict, extra: dict) -> dict:
    """A new dict: ``base`` with ``extra`` laid over it, key by key inside nested dicts (neither is changed)."""
    out = {key: merged(value, {}) if isinstance(value, dict) else value for key, value in base.items()}
    for key, value in extra.items():
        out[key] = merged(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


# Each explorer module declares its figures' own look at module level, outside the code that builds them:
# FRAMES[figure] (panels' heights and gap, height, margins, legend, fixed axis ranges, a phone's overrides for
# render.narrow) and LOOKS[figure] (each trace's colour, dash, width, marker and fill pattern, by role; a list for
# a generated family of traces, taken in turn with nth). tests/test_figure_looks.py checks that every figure
# carries its declared look and that the look keeps the rules a reader relies on (series told apart by more than
# colour, 3:1 contrast, lines and markers big enough to see, every value inside a fixed axis, a phone's figure no
# shorter).

def nth(looks: list, i: int) -> dict:
    """The look of the ``i``-th trace of a generated family (one per profession, per dated series, ...): the family's
    looks in turn, starting again after the last. A copy, so a figure cannot change the declared look."""
    return merged(looks[i % len(looks)], {})


def base_layout(**kw) -> dict:
    """:data:`LAYOUT` with a figure's own settings laid over it: ``base_layout(title={"text": "Career length"})``
    keeps the shared title font and left alignment and adds the text."""
    return merged(LAYOUT, kw)


def style_axes(fig) -> None:
    fig.update_xaxes(**AXIS)
    fig.update_yaxes(**AXIS)


# --------------------------------------------------------------------------------------------- messages

def error_html(message: str) -> str:
    return f'<p class="swl-error" role="alert">{esc(message).replace(chr(10), "<br>")}</p>'


def ok_html(message: str) -> str:
    return f'<p class="swl-ok" role="status">{esc(message)}</p>'


def summary_html(text: str) -> str:
    return f'<p class="swl-summary" aria-live="polite">{esc(text)}</p>'


def live_note(kind: str) -> str:
    """The line a static explorer shows about its live version (details on the help page)."""
    return (
        f'<p class="swl-note">The controls switch between prepared views ({esc(kind)}); to try your own values, '
        f'open the chapter live ({help_link("explorers", "how")}).</p>'
    )


# --------------------------------------------------------------------------------------------- inputs

def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def parse_number(text: Any, name: str, low: float, high: float, unit: str = "", *, low_open: bool = False,
                 whole: bool = False, example: str = "") -> float:
    """A number typed by a reader, checked against ``low..high``; ValueError with a clear message.

    Accepts thousands separators and a trailing ``%`` when the unit is a percentage.
    """
    kind = "a whole number" if whole else "a number"
    u = f" {unit}" if unit and unit != "%" else unit
    def num(x: float) -> str:
        return f"{int(x):,}" if float(x).is_integer() else f"{x:g}"

    span = (f"greater than {num(low)} and at most {num(high)}{u}" if low_open
            else f"from {num(low)} to {num(high)}{u}")
    allowed = f"{kind} {span}"
    if example:
        allowed += f" (for example {example})"
    if isinstance(text, bool) or text is None:
        raise ValueError(f"{_cap(name)} must be {allowed}; nothing usable was typed.")
    raw = str(text).strip()
    if not raw:
        raise ValueError(f"{_cap(name)} must be {allowed}; the box is empty.")
    t = raw.replace(",", "").replace("\u00a0", "").replace(" ", "")
    if unit == "%" and t.endswith("%"):
        t = t[:-1]
    try:
        v = float(t)
    except ValueError:
        raise ValueError(f"{_cap(name)} must be {allowed}; got {raw!r}, which is not a number.") from None
    if not math.isfinite(v):
        raise ValueError(f"{_cap(name)} must be {allowed}; got {raw!r}.")
    if whole and not v.is_integer():
        raise ValueError(f"{_cap(name)} must be {allowed}; got {raw!r}, which is not a whole number.")
    too_low = v <= low if low_open else v < low
    if too_low or v > high:
        raise ValueError(f"{_cap(name)} must be {allowed}; got {raw!r}.")
    return v


def upload_content(value) -> tuple[bytes, str]:
    """(bytes, filename) of the first file in an ipywidgets 8 ``FileUpload.value`` (a tuple of dicts, each with
    the file's ``name`` and its ``content`` as a memoryview)."""
    if not value:
        raise ValueError("No file was uploaded.")
    return bytes(value[0]["content"]), str(value[0]["name"])


def validate_upload(content: bytes, resource: str, filename: str):
    """Run the data package's checks on an upload; DataError becomes ValueError with its message."""
    from .. import data

    try:
        return data.validate_upload(content, resource=resource, filename=filename)
    except data.DataError as exc:
        raise ValueError(str(exc)) from None


# --------------------------------------------------------------------------------------------- live/static

def apply_patch(fw, patch: dict) -> None:
    """Apply an update patch to a FigureWidget in one message (``batch_update``)."""
    with fw.batch_update():
        for i, p in (patch.get("traces") or {}).items():
            tr = fw.data[int(i)]
            for key, value in p.items():
                tr[key] = value
        for key, value in (patch.get("layout") or {}).items():
            fw.layout[key] = value


def figure_widget(fig, patch: dict | None = None):
    """A ``go.FigureWidget`` whose initial state already holds ``patch``.

    Apply the first state to the plain figure *before* making the widget: edits made to a FigureWidget before
    any view of it exists are sent to no one, so the browser would draw the unpatched figure.
    """
    if patch:
        apply_patch(fig, patch)
    return shared_figure_widget(fig)


class WorkforceExplorer:
    """Base class: static HTML in the book build, the live ipywidgets face everywhere else.

    Subclasses implement :meth:`static_html` and :meth:`_build_widgets`; :meth:`widgets` returns the
    live parts (controls, figures, message boxes, the box to display) and is used by the tests.
    """

    #: CSS class on the live box (tests find an explorer by it in Voilà)
    css_class = "swl-workforce-explorer"

    def __init__(self, id: str | None = None):
        self.id = id or self.default_id
        self._widgets: dict | None = None

    default_id = "explorer"

    def static_html(self) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def _build_widgets(self) -> dict:  # pragma: no cover - abstract
        raise NotImplementedError

    def widgets(self) -> dict:
        if self._widgets is None:
            self._widgets = self._build_widgets()
        return self._widgets

    def live(self):
        return self.widgets()["box"]

    def _ipython_display_(self):
        from IPython.display import HTML, display

        if in_book_build():
            display(HTML(self.static_html()))
        else:
            display(self.live())

    def __repr__(self) -> str:
        return f"<{type(self).__name__} id={self.id!r}: display it in a notebook>"

    def notes_in(self, chapter: str, what: str) -> NotesElsewhere:
        """This explorer on a second page: its notes, assumptions and sources stay in ``chapter``, the page that
        teaches it, and a link says so; ``what`` names the explorer in that line (e.g. "The career-length model").
        The controls, figure, readout, text alternative and data tables stay. In one line of a notebook::

            career_length_explorer().notes_in("33-recruitment-retention", "The career-length model")
        """
        return NotesElsewhere(self, chapter, what)


class NotesElsewhere:
    """An explorer shown again (see :meth:`WorkforceExplorer.notes_in`); live, it is the whole explorer."""

    #: Parts of the static face that belong to the chapter that teaches the explorer (CSS classes and the
    #: collapsed panels other than data tables).
    DROP = ("swl-sources", "swl-notes", "swl-note")
    KEEP = ("swl-areas-status", "swl-areas-notes")    # written by the page's script as the controls change

    def __init__(self, explorer: WorkforceExplorer, chapter: str, what: str):
        self.explorer, self.chapter, self.what = explorer, chapter, what

    def static_html(self) -> str:
        from bs4 import BeautifulSoup

        from ..teaching import load_activities

        soup = BeautifulSoup(self.explorer.static_html(), "html.parser")
        for el in soup.select(", ".join(f".{c}" for c in self.DROP)):
            if not any(k in (el.get("class") or []) for k in self.KEEP):
                el.decompose()
        for det in soup.find_all("details"):
            if not det.summary.get_text().startswith("Data table"):
                det.decompose()
        # The text alternative stays the plot's accessible name (aria-label); on the page it folds away.
        for cap in soup.select("figcaption.swl-alt"):
            text = cap.get_text()
            cap.clear()
            box = soup.new_tag("details")
            summary = soup.new_tag("summary")
            summary.string = "The figure in words"
            box.append(summary)
            para = soup.new_tag("p")
            para.string = text
            box.append(para)
            cap.append(box)
        title = load_activities(self.chapter).get("title") or self.chapter
        root = soup.find(class_="swl-workforce") or soup
        line = BeautifulSoup(
            f'<p class="swl-note">{esc(self.what)}: its assumptions, how to read it and its sources are in '
            f'<a href="{esc(self.chapter)}.html#{esc(root.get("id", ""))}">{esc(title)}</a>.</p>', "html.parser")
        root.insert(0, line)
        return str(soup)

    def live(self):
        return self.explorer.live()

    def _ipython_display_(self):
        from IPython.display import HTML, display

        if in_book_build():
            display(HTML(self.static_html()))
        else:
            display(self.live())


def timings(fn: Callable[[], Any], repeats: int) -> dict[str, float]:
    """Median and 95th percentile of ``fn()`` in milliseconds."""
    fn()  # warm caches (data loading is not part of a recompute)
    ms = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        ms.append((time.perf_counter() - t0) * 1000)
    ms.sort()
    p95 = ms[math.ceil(0.95 * len(ms)) - 1]
    return {"median": statistics.median(ms), "p95": p95, "n": len(ms)}
