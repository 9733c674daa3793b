"""Figures and explorers that work in three places from one specification.

- **Live** (JupyterLab, nbval): ipywidgets controls built from the control specs and a ``go.FigureWidget``
  updated inside ``batch_update()`` by the same ``update`` function.
- **Voilà** (``make app``): the same live face, with no code showing.
- **Static book** (no kernel, no network): every combination of control values is precomputed by calling
  ``update``; native, labelled HTML controls drive ``Plotly.restyle``/``Plotly.relayout`` through
  ``book/assets/swl.js``. A text summary (``aria-live``) and an optional data table are the text alternative.

Example::

    explorer(
        fig,
        controls=[Range("rate", "Leaving rate (% a year)", 1, 30, 1, 12)],
        update=lambda rate: {"traces": {0: {"y": survival_curve(rate / 100)}},
                             "summary": f"At {rate}% a year, ..."},
        alt="Survival curves ...",
    )
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ._env import in_book_build
from ._html import esc as _esc
from ._html import json_script as _json_script
from .render import FIGURE_CONFIG, figure_html, install_renderer, shared_figure_widget

install_renderer()

MAX_STATES = 2000


# --------------------------------------------------------------------------------------------- controls
@dataclass
class Select:
    """A drop-down list. ``options`` is a list of values or of ``(value, label)`` pairs."""

    name: str
    label: str
    options: Sequence[Any]
    value: Any = None

    def pairs(self) -> list[tuple[Any, str]]:
        return [o if isinstance(o, tuple) else (o, str(o)) for o in self.options]

    def grid(self) -> list[Any]:
        return [v for v, _ in self.pairs()]

    def initial(self) -> Any:
        return self.grid()[0] if self.value is None else self.value


@dataclass
class Radio(Select):
    """A group of radio buttons (for two to five choices that should all be visible)."""


@dataclass
class Range:
    """A slider over ``min..max`` in steps of ``step``; the static book precomputes every step."""

    name: str
    label: str
    min: float
    max: float
    step: float = 1
    value: float | None = None
    unit: str = ""

    def grid(self) -> list[float]:
        n = int(round((self.max - self.min) / self.step))
        if n < 1:
            raise ValueError(f"Range {self.name!r}: max must be greater than min")
        vals = [self.min + i * self.step for i in range(n + 1)]
        if all(float(x).is_integer() for x in (self.min, self.step)):
            return [int(round(v)) for v in vals]
        return [round(v, 10) for v in vals]

    def initial(self) -> float:
        g = self.grid()
        if self.value is None:
            return g[len(g) // 2]
        return min(g, key=lambda v: abs(v - self.value))


@dataclass
class Checkbox:
    """A single on/off choice."""

    name: str
    label: str
    value: bool = False

    def grid(self) -> list[bool]:
        return [False, True]

    def initial(self) -> bool:
        return bool(self.value)


Control = Select | Radio | Range | Checkbox


# --------------------------------------------------------------------------------------------- helpers
def _round(x: Any, sig: int = 5) -> Any:
    """Round floats (recursively) to ``sig`` significant digits to keep the page's data small."""
    if isinstance(x, float):
        if math.isnan(x) or math.isinf(x):
            return None
        if x == 0:
            return 0
        return float(f"{x:.{sig}g}")
    if isinstance(x, dict):
        return {str(k): _round(v, sig) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [_round(v, sig) for v in x]
    if hasattr(x, "tolist"):  # numpy arrays and scalars
        return _round(x.tolist(), sig)
    return x


def _nest(dotted: dict[str, Any]) -> dict[str, Any]:
    """``{"title.text": "x"}`` -> ``{"title": {"text": "x"}}`` (for plotly's Python ``update``)."""
    out: dict[str, Any] = {}
    for key, value in dotted.items():
        parts = str(key).split(".")
        d = out
        for p in parts[:-1]:
            d = d.setdefault(p, {})
        d[parts[-1]] = value
    return out


def table_html(table: Any, caption: str) -> str:
    """An accessible HTML table (caption, column headers with scope) from a DataFrame or list of dicts."""
    import pandas as pd

    df = table if isinstance(table, pd.DataFrame) else pd.DataFrame(table)
    head = "".join(f'<th scope="col">{_esc(c)}</th>' for c in df.columns)
    rows = []
    for rec in df.itertuples(index=False):
        cells = []
        for i, v in enumerate(rec):
            text = "" if v is None or (isinstance(v, float) and math.isnan(v)) else v
            if isinstance(text, float):
                text = f"{text:,.4g}" if abs(text) < 1e4 else f"{text:,.0f}"
            cells.append(f'<th scope="row">{_esc(text)}</th>' if i == 0 else f"<td>{_esc(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'<table class="swl-table"><caption>{_esc(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _slug(text: str) -> str:
    keep = "".join(c.lower() if c.isalnum() else "-" for c in str(text))
    return "-".join(p for p in keep.split("-") if p) or "x"


def collapsed_panels(panels: Sequence[tuple[str, str]]):
    """An ipywidgets Accordion of titled HTML panels, all closed at first (assumptions, data, sources)."""
    import ipywidgets as w

    acc = w.Accordion(children=[w.HTML(body) for _, body in panels])
    for i, (title, _) in enumerate(panels):
        acc.set_title(i, title)
    acc.selected_index = None
    return acc


class _Shown:
    """A component that shows its static HTML in the book build and its live widget elsewhere."""

    def static_html(self) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def live(self):  # pragma: no cover - abstract
        raise NotImplementedError

    def _ipython_display_(self):
        from IPython.display import HTML, display

        if in_book_build():
            display(HTML(self.static_html()))
        else:
            display(self.live())


# --------------------------------------------------------------------------------------------- figure
class Figure(_Shown):
    """A plotly figure with a text alternative and an optional data table."""

    def __init__(self, fig, alt: str, table: Any = None, table_caption: str | None = None, id: str | None = None):
        if not alt or not str(alt).strip():
            raise ValueError("figure(): every figure needs a text alternative (alt=...)")
        self.fig, self.alt, self.table = fig, str(alt), table
        self.table_caption = table_caption or "Data shown in the figure"
        self.id = _slug(id or (fig.layout.title.text or "figure"))

    def static_html(self) -> str:
        parts = [
            f'<figure class="swl-figure" id="swl-{self.id}">',
            figure_html(self.fig, div_id=f"swl-{self.id}-plot", alt=self.alt),
        ]
        if self.table is not None:
            parts.append(
                f"<details><summary>Data table for this figure</summary>"
                f"{table_html(self.table, self.table_caption)}</details>"
            )
        # A figcaption must be the figure's first or last child (HTML; the Nu checker).
        parts.append(f'<figcaption class="swl-alt">{_esc(self.alt)}</figcaption></figure>')
        return "".join(parts)

    def live(self):
        import ipywidgets as w

        children = [shared_figure_widget(self.fig), w.HTML(f'<p class="swl-alt">{_esc(self.alt)}</p>')]
        if self.table is not None:
            children.append(collapsed_panels([("Data table for this figure",
                                               table_html(self.table, self.table_caption))]))
        return w.VBox(children)


def figure(fig, alt: str, table: Any = None, table_caption: str | None = None, id: str | None = None) -> Figure:
    """Show a plotly figure with its text alternative (and a data table, where one helps)."""
    return Figure(fig, alt, table, table_caption, id)


# --------------------------------------------------------------------------------------------- explorer
class Explorer(_Shown):
    """An interactive figure: controls + ``update(**values)`` -> trace/layout patches + summary."""

    def __init__(
        self,
        fig,
        controls: Sequence[Control],
        update: Callable[..., dict],
        alt: str,
        table: Any = None,
        table_caption: str | None = None,
        id: str | None = None,
        title: str | None = None,
        notes: str | None = None,
    ):
        if not controls:
            raise ValueError("explorer(): give at least one control")
        if not alt or not str(alt).strip():
            raise ValueError("explorer(): every explorer needs a text alternative (alt=...)")
        names = [c.name for c in controls]
        if len(set(names)) != len(names):
            raise ValueError(f"explorer(): control names must be unique, got {names}")
        self.fig, self.controls, self.update = fig, list(controls), update
        self.alt, self.table, self.notes = str(alt), table, notes
        self.table_caption = table_caption or "Data behind the figure"
        self.title = title or (fig.layout.title.text if fig.layout.title and fig.layout.title.text else "Explorer")
        self.id = _slug(id or self.title)
        self.last_error: str | None = None

    # ---- shared
    def initial_values(self) -> dict[str, Any]:
        return {c.name: c.initial() for c in self.controls}

    def state(self, **values) -> dict:
        """The patch for one combination of control values, checked and rounded."""
        st = self.update(**values) or {}
        unknown = set(st) - {"traces", "layout", "summary"}
        if unknown:
            raise ValueError(f"update() returned unknown keys {sorted(unknown)}; use traces, layout, summary")
        traces = {str(int(i)): _round(dict(p)) for i, p in (st.get("traces") or {}).items()}
        for i in traces:
            if int(i) >= len(self.fig.data):
                raise ValueError(f"update() patched trace {i}, but the figure has {len(self.fig.data)} traces")
        return {"traces": traces, "layout": _round(dict(st.get("layout") or {})), "summary": str(st.get("summary", ""))}

    def states(self) -> dict[str, dict]:
        grids = [c.grid() for c in self.controls]
        n = math.prod(len(g) for g in grids)
        if n > MAX_STATES:
            raise ValueError(f"explorer {self.id!r}: {n} precomputed states is too many (at most {MAX_STATES})")
        out = {}
        for idx in itertools.product(*[range(len(g)) for g in grids]):
            values = {c.name: g[i] for c, g, i in zip(self.controls, grids, idx, strict=True)}
            out["|".join(map(str, idx))] = self.state(**values)
        return out

    # ---- static face
    def _control_html(self, c: Control) -> str:
        cid = f"swl-{self.id}-{_slug(c.name)}"
        sup = 'data-lm-suppress-shortcuts="true"'
        init = c.initial()
        if isinstance(c, Radio):
            items = []
            for i, (v, lab) in enumerate(c.pairs()):
                checked = " checked" if v == init else ""
                items.append(
                    f'<span class="swl-radio"><input type="radio" id="{cid}-{i}" name="{cid}" value="{i}"'
                    f' {sup}{checked}><label for="{cid}-{i}">{_esc(lab)}</label></span>'
                )
            return (
                f'<fieldset class="swl-control" data-name="{_esc(c.name)}" data-kind="radio">'
                f"<legend>{_esc(c.label)}</legend>{''.join(items)}</fieldset>"
            )
        if isinstance(c, Select):
            opts = "".join(
                f'<option value="{i}"{" selected" if v == init else ""}>{_esc(lab)}</option>'
                for i, (v, lab) in enumerate(c.pairs())
            )
            return (
                f'<div class="swl-control" data-name="{_esc(c.name)}" data-kind="select">'
                f'<label for="{cid}">{_esc(c.label)}</label> <select id="{cid}" {sup}>{opts}</select></div>'
            )
        if isinstance(c, Range):
            g = c.grid()
            i0 = g.index(init)
            return (
                f'<div class="swl-control" data-name="{_esc(c.name)}" data-kind="range">'
                f'<label for="{cid}">{_esc(c.label)}</label> '
                f'<input type="range" id="{cid}" min="0" max="{len(g) - 1}" step="1" value="{i0}" {sup}'
                f" data-values='{json.dumps(g)}' data-unit=\"{_esc(c.unit)}\""
                f' aria-valuetext="{_esc(f"{init}{c.unit}")}">'
                f' <output for="{cid}" class="swl-range-value">{_esc(f"{init}{c.unit}")}</output></div>'
            )
        if isinstance(c, Checkbox):
            checked = " checked" if init else ""
            return (
                f'<div class="swl-control" data-name="{_esc(c.name)}" data-kind="checkbox">'
                f'<input type="checkbox" id="{cid}" {sup}{checked}> <label for="{cid}">{_esc(c.label)}</label></div>'
            )
        raise TypeError(f"unknown control {c!r}")

    def static_html(self) -> str:
        values = self.initial_values()
        fig = self.fig
        first = self.state(**values)
        # The initial figure is the figure in its initial state, so the page is right before any script runs.
        import plotly.graph_objects as go

        fig = go.Figure(fig)
        with fig.batch_update():
            for i, patch in first["traces"].items():
                fig.data[int(i)].update(_nest(patch))
            fig.update_layout(_nest(first["layout"]))
        states = self.states()
        init_key = "|".join(str(c.grid().index(c.initial())) for c in self.controls)
        payload = {"initial": init_key, "states": states}
        controls = "".join(self._control_html(c) for c in self.controls)
        parts = [
            f'<figure class="swl-explorer" data-swl="explorer" id="swl-{self.id}">',
            f'<div class="swl-controls" role="group" aria-label="{_esc("Controls: " + self.title)}">{controls}</div>',
            figure_html(fig, div_id=f"swl-{self.id}-plot", alt=self.alt),
            f'<p class="swl-summary" aria-live="polite">{_esc(first["summary"])}</p>',
        ]
        if self.notes:
            parts.append(f'<div class="swl-notes">{self.notes}</div>')
        if self.table is not None:
            parts.append(
                f"<details><summary>Data table for this figure</summary>"
                f"{table_html(self.table, self.table_caption)}</details>"
            )
        parts.append(_json_script(payload, "swl-states"))
        # A figcaption must be the figure's first or last child (HTML; the Nu checker).
        parts.append(f'<figcaption class="swl-alt">{_esc(self.alt)}</figcaption></figure>')
        return "".join(parts)

    # ---- live face
    def widgets(self) -> dict:
        """Build the live face; returns its parts (for tests): controls, figure, summary, message, box."""
        import ipywidgets as w
        import plotly.graph_objects as go

        # The first state goes into the figure before the widget exists: edits made to a FigureWidget before
        # any view of it is shown never reach the browser (Voilà would draw the unpatched figure).
        fig = go.Figure(self.fig)
        first = self.state(**self.initial_values())
        with fig.batch_update():
            for i, patch in first["traces"].items():
                fig.data[int(i)].update(_nest(patch))
            fig.update_layout(_nest(first["layout"]))
        fw = shared_figure_widget(fig)
        style = {"description_width": "initial"}
        ctrls: dict[str, Any] = {}
        for c in self.controls:
            if isinstance(c, Radio):
                ctrls[c.name] = w.RadioButtons(options=[(lab, v) for v, lab in c.pairs()], value=c.initial(),
                                               description=c.label, style=style)
            elif isinstance(c, Select):
                ctrls[c.name] = w.Dropdown(options=[(lab, v) for v, lab in c.pairs()], value=c.initial(),
                                           description=c.label, style=style)
            elif isinstance(c, Range):
                cls = w.IntSlider if all(isinstance(v, int) for v in c.grid()) else w.FloatSlider
                ctrls[c.name] = cls(min=c.min, max=c.max, step=c.step, value=c.initial(), description=c.label,
                                    style=style, continuous_update=False, layout=w.Layout(width="32em"))
            elif isinstance(c, Checkbox):
                ctrls[c.name] = w.Checkbox(value=c.initial(), description=c.label, style=style, indent=False)
        summary = w.HTML()
        message = w.HTML()

        def apply(*_):
            values = {name: ctl.value for name, ctl in ctrls.items()}
            try:
                st = self.state(**values)
            except (ValueError, TypeError) as exc:
                self.last_error = str(exc)
                message.value = f'<p class="swl-error" role="alert">{_esc(exc)}</p>'
                return
            self.last_error = None
            message.value = ""
            with fw.batch_update():
                for i, patch in st["traces"].items():
                    fw.data[int(i)].update(_nest(patch))
                if st["layout"]:
                    fw.layout.update(_nest(st["layout"]))
            summary.value = f'<p class="swl-summary" aria-live="polite">{_esc(st["summary"])}</p>'

        for ctl in ctrls.values():
            ctl.observe(apply, names="value")
        apply()
        box = w.VBox([w.HBox(list(ctrls.values()), layout=w.Layout(flex_flow="row wrap")), message, fw, summary,
                      w.HTML(f'<p class="swl-alt">{_esc(self.alt)}</p>')])
        return {"controls": ctrls, "figure": fw, "summary": summary, "message": message, "box": box,
                "apply": apply}

    def live(self):
        return self.widgets()["box"]


def explorer(fig, controls, update, alt, table=None, table_caption=None, id=None, title=None, notes=None) -> Explorer:
    """An interactive plotly figure driven by ``controls``; see the module docstring."""
    return Explorer(fig, controls, update, alt, table, table_caption, id, title, notes)


__all__ = [
    "Select", "Radio", "Range", "Checkbox", "figure", "explorer", "Explorer", "Figure", "table_html", "FIGURE_CONFIG",
]
