"""How plotly figures reach the page.

plotly 7's default renderer in a kernel emits only its JSON mime type, which the book build cannot show. We
register a renderer that also emits ``text/html``: the figure's JSON in a ``<script type="application/json">``
next to an empty graph div, and no script that needs plotly.js. In the static book ``book/assets/swl.js`` draws
it: it fetches the book's own plotly.js bundle (``book/assets/vendor/plotly-swl.min.js``, only the trace types
in ``BUNDLED_TRACE_TYPES``) when the first figure of a page comes near the screen, draws every figure, and
dispatches a bubbling ``swl:figure-ready`` event on each graph div. Pages without a figure never load plotly.
Live in JupyterLab the renderer still emits plotly's own mime type first, which JupyterLab draws itself.
"""

from __future__ import annotations

import html
import json
import sys
from functools import cache

from plotly.io.base_renderers import MimetypeRenderer

from ._env import in_book_build

if "ipykernel" in sys.modules:
    # In a kernel, plotly's widget module imports nbformat, which imports jsonschema, which imports the
    # optional ``rfc3987_syntax`` for its "iri" format check; that module builds a parser grammar at import:
    # 2 s on a quiet machine, 6 s on a busy one, a third of a Voilà view's start. Nothing here validates IRIs,
    # so a kernel goes without it (``setdefault``: a module already imported is left alone).
    sys.modules.setdefault("rfc3987_syntax", None)

#: plotly config for every figure in the book: no logo, responsive, and a mode bar with the PNG download only
#: (one small button in the top right corner, which the title is wrapped clear of; zoom and pan are no use on a
#: phone and their buttons covered the title).
FIGURE_CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtons": [["toImage"]]}


def narrow(fig, layout: dict | None = None, traces: dict | None = None):
    """Give ``fig`` its own overrides for narrow screens (< 560 px), applied by ``swl.js`` (``fitFigure``).

    ``layout`` holds dotted layout keys (``{"yaxis.range": [0, 5]}``), ``traces`` maps a trace index to dotted
    trace keys (``{2: {"textfont.size": 12}}``; ``"_wrap": px`` wraps the trace's text to that width). On wider
    screens the figure's own values are restored. Besides these, every figure gets the shared fit (``fitFigure``
    in swl.js): wrapped title, legend entries, labels and bar values, legends at the foot, thinner ticks, fixed
    margins shrunk and the figure made taller as its labels need on a narrow screen. Keep text at 11 px or more:
    tests/browser/test_figure_fit.py fails on smaller figure text.
    """
    meta = dict(fig.layout.meta or {}) if isinstance(fig.layout.meta, dict) else {}
    meta["swl_narrow"] = {"layout": dict(layout or {}),
                          "traces": {str(i): dict(v) for i, v in (traces or {}).items()}}
    fig.update_layout(meta=meta)
    return fig

RENDERER = "swl_html"


#: The trace types in the book's plotly.js bundle (book/src/plotly/index.js; plotly's core includes scatter).
#: tests/test_plotly_bundle.py checks every figure the build makes against this list and the bundle itself.
BUNDLED_TRACE_TYPES = frozenset({"scatter", "bar", "heatmap", "scatterpolar"})

# Template layout entries for subplot kinds the bundle cannot draw: never needed by a figure of the book.
_UNUSED_TEMPLATE_LAYOUT = ("geo", "mapbox", "map", "scene", "ternary", "smith")


def trim_template(fig_dict: dict) -> dict:
    """``fig_dict`` with its template cut to what the figure uses (in place; returned for convenience).

    plotly's default template holds defaults for about 25 trace types and for 3-D, map and ternary subplots,
    about 7 KB in every figure. Defaults for a trace type the figure does not draw change nothing, so only the
    types in the figure are kept (plus polar axes when a polar trace is present).
    """
    template = fig_dict.get("layout", {}).get("template")
    if not template:
        return fig_dict
    used = {t.get("type", "scatter") for t in fig_dict.get("data", [])}
    if "data" in template:
        template["data"] = {k: v for k, v in template["data"].items() if k in used}
    tl = template.get("layout", {})
    for key in _UNUSED_TEMPLATE_LAYOUT + (() if any(t.endswith("polar") for t in used) else ("polar",)):
        tl.pop(key, None)
    return fig_dict


def _px(value) -> str:
    try:
        float(value)
    except (TypeError, ValueError):
        return str(value)
    return f"{value}px"


def figure_html(fig, div_id: str | None = None, alt: str | None = None) -> str:
    """The figure as an HTML fragment: an empty graph div and the figure's JSON, drawn by ``swl.js``.

    The div's size follows ``plotly.io.to_html`` (the layout's width/height, else 100%).
    """
    import uuid

    from plotly.io import to_json
    from plotly.offline.offline import _get_jconfig

    fig_dict = trim_template(json.loads(to_json(fig, validate=False)))
    config = _get_jconfig(dict(FIGURE_CONFIG))
    config.setdefault("responsive", True)
    if not config.get("showSendToCloud", False):
        config.pop("plotlyServerURL", None)
    layout = fig_dict.get("layout", {})
    tlayout = layout.get("template", {}).get("layout", {})
    width = _px(layout.get("width", tlayout.get("width", "100%")))
    height = _px(layout.get("height", tlayout.get("height", "100%")))
    div_id = div_id or str(uuid.uuid4())
    payload = json.dumps({"data": fig_dict.get("data", []), "layout": layout, "config": config},
                         separators=(",", ":")).replace("</", "<\\/")
    body = (f'<div style="height:{height}; width:{width};">'
            f'<div id="{html.escape(div_id, quote=True)}" class="plotly-graph-div" style="height:100%; width:100%;"></div>'
            f'<script type="application/json" class="swl-plotly">{payload}</script></div>')
    # The plot itself is not readable by assistive technology: every caller puts a text alternative (a
    # <figcaption>, a summary or a data table) next to it; ``alt`` names the plot for screen-reader users.
    label = f' role="group" aria-label="{html.escape(alt, quote=True)}"' if alt else ""
    return f'<div class="swl-plot"{label}>{body}</div>'


class BookHTMLRenderer(MimetypeRenderer):
    """A renderer that gives ``text/html`` without inlining plotly.js."""

    def to_mimebundle(self, fig_dict):
        import plotly.graph_objects as go

        return {"text/html": figure_html(go.Figure(fig_dict))}


def _display_in_book(fig) -> None:
    from IPython.display import HTML, display

    display(HTML(figure_html(fig)))


def _display_live(fig) -> None:
    import json

    from IPython.display import display
    from plotly.io.json import to_json_plotly

    spec = json.loads(to_json_plotly({"data": fig.to_plotly_json()["data"], "layout": fig.to_plotly_json()["layout"],
                                      "config": FIGURE_CONFIG}))
    display({"application/vnd.plotly.v1+json": spec, "text/html": figure_html(fig)}, raw=True)


def install_renderer() -> None:
    """Make every plotly figure reach the page.

    In the book build, figures displayed directly show as ``text/html`` (no plotly.js inlined). This goes
    around plotly's renderer registry on purpose: touching ``pio.renderers`` imports nbformat and jsonschema's
    format checkers, about a second per notebook, which on 25 notebooks is a fifth of the build budget.
    Live (JupyterLab, Voilà), figures carry plotly's own mime type and the same HTML.
    """
    if in_book_build():
        from plotly.basedatatypes import BaseFigure

        BaseFigure._ipython_display_ = _display_in_book
        return
    # Live, a figure displayed directly gets plotly's own mime type (JupyterLab and Voilà draw it) plus the
    # same HTML, without going through ``pio.renderers`` either: that import alone took 6 s of a Voilà view's
    # start on a busy machine. ``fig.show()`` still works through plotly's registry.
    from plotly.basedatatypes import BaseFigure

    BaseFigure._ipython_display_ = _display_live


# ------------------------------------------------------------------------------------------------ live figures
# plotly's own FigureWidget ships its browser code as an anywidget module of about 4.8 MB (plotly.js inside).
# anywidget 0.11 gives every widget model 2 seconds, from its creation in the browser, to load that module and
# run its ``initialize``; past the deadline the model is marked failed ("[anywidget] Failed to initialize
# model") and the view never follows Python again. Parsing 4.8 MB of JavaScript on a busy 2-core machine takes
# longer than that, so under load some figures went dead, silently.
#
# ``LiveFigure`` keeps FigureWidget's Python API (``fig.data[i].y = ...``, ``batch_update()``, ``layout``) but
# replaces its browser side with the tiny module below: ``initialize`` does nothing, so the deadline is always
# met; ``render`` loads plotly.js once per page *outside* the deadline (from the page itself, from a URL the
# page gives, or, failing both, from the kernel over the widget's own channel) and draws the whole figure with
# ``Plotly.react`` each time Python changes it. Python sends the figure as one JSON string after every change
# (one message per ``batch_update()``), never plotly.js. The view pings the kernel; if the connection is lost,
# or plotly.js cannot be loaded, the page says so in a banner with a reload button instead of going quiet.
_LIVE_ESM = r"""
const KEY = "__swlPlotly";
function banner(text) {
  let b = document.getElementById("swl-connection-banner");
  if (!b) {
    b = document.createElement("div");
    b.id = "swl-connection-banner";
    b.setAttribute("role", "alert");
    b.className = "swl-connection-banner";
    b.style.cssText = "position:fixed;left:0;right:0;top:0;z-index:10000;padding:.6em 1em;background:#8a1c1c;" +
      "color:#fff;font-size:20px;font-family:system-ui,sans-serif;display:flex;gap:1em;align-items:center";
    const msg = document.createElement("span");
    const btn = document.createElement("button");
    btn.type = "button";
    btn.textContent = "Reload the page";
    btn.style.cssText = "font-size:20px;padding:.2em .8em;cursor:pointer";
    btn.addEventListener("click", () => location.reload());
    b.append(msg, btn);
    document.body.prepend(b);
  }
  b.firstChild.textContent = text;
  b.dataset.kind = "lost";
}
function inject(src) {
  return new Promise((resolve, reject) => {
    const s = document.createElement("script");
    const amd = globalThis.define;
    globalThis.define = undefined;  // plotly.min.js is UMD: make it set window.Plotly, not an AMD module
    s.src = src;
    s.onload = () => { globalThis.define = amd; globalThis.Plotly ? resolve(globalThis.Plotly)
                                                : reject(new Error("plotly.js did not load")); };
    s.onerror = () => { globalThis.define = amd; reject(new Error("could not load " + src)); };
    document.head.appendChild(s);
  });
}
function fromKernel(model) {
  return new Promise((resolve, reject) => {
    const onMsg = (msg, buffers) => {
      if (!msg || msg.swl !== "plotly.js") return;
      model.off("msg:custom", onMsg);
      const url = URL.createObjectURL(new Blob([buffers[0].buffer || buffers[0]], { type: "text/javascript" }));
      inject(url).then(resolve, reject);
    };
    model.on("msg:custom", onMsg);
    model.send({ swl: "plotly.js?" });
  });
}
function plotly(model) {
  if (globalThis.Plotly) return Promise.resolve(globalThis.Plotly);
  if (!globalThis[KEY]) {
    const url = globalThis.SWL_PLOTLY_URL;
    const page = globalThis.SWL_PLOTLY_READY || (url ? inject(url) : Promise.reject(new Error("no plotly.js")));
    globalThis[KEY] = page.catch(() => fromKernel(model));
    globalThis[KEY].catch(() => { delete globalThis[KEY]; });
  }
  return globalThis[KEY];
}
export default {
  initialize() {},
  render({ model, el }) {
    el.classList.add("swl-live-figure");
    const gd = document.createElement("div");
    el.appendChild(gd);
    let alive = true, queued = false, chain = Promise.resolve();
    const draw = () => {
      if (queued) return;  // a redraw is already waiting: it will read the newest state
      queued = true;
      chain = chain.then(() => plotly(model)).then((P) => {
        queued = false;
        if (!alive) return;
        const fig = JSON.parse(model.get("_swl_figure"));
        return P.react(gd, fig.data, fig.layout, fig.config).then(() => {
          gd.dispatchEvent(new CustomEvent("swl:figure-ready", { bubbles: true }));
        });
      }).catch((err) => {
        queued = false;
        console.error("[swl] figure not drawn", err);
        banner("This figure could not be drawn (" + err.message + "). Reload the page to try again.");
      });
    };
    model.on("change:_swl_figure", draw);
    draw();
    const ro = new ResizeObserver(() => { if (gd._fullLayout && globalThis.Plotly) globalThis.Plotly.Plots.resize(gd); });
    ro.observe(el);
    // Heartbeat: Python answers every ping; two unanswered pings in a row mean the connection is gone.
    let last = Date.now(), missed = 0;
    const onPong = (msg) => { if (msg && msg.swl === "pong") { last = Date.now(); missed = 0; } };
    model.on("msg:custom", onPong);
    const timer = setInterval(() => {
      if (Date.now() - last > 12000) missed += 1;
      if (missed >= 2) {
        banner("The connection to Python was lost: the figures no longer follow their controls. Reload the page.");
      }
      try { model.send({ swl: "ping" }); } catch (e) { missed += 1; }
    }, 6000);
    return () => {
      alive = false;
      clearInterval(timer);
      ro.disconnect();
      model.off("change:_swl_figure", draw);
      model.off("msg:custom", onPong);
    };
  },
};
"""

#: plotly's own widget traits: kept in Python (FigureWidget's code sets them) but never sent to the browser.
_UNSYNCED = (
    "_widget_layout", "_widget_data", "_config", "_py2js_addTraces", "_py2js_restyle", "_py2js_relayout",
    "_py2js_update", "_py2js_animate", "_py2js_deleteTraces", "_py2js_moveTraces", "_py2js_removeLayoutProps",
    "_py2js_removeTraceProps", "_js2py_traceDeltas", "_js2py_layoutDelta", "_js2py_restyle", "_js2py_relayout",
    "_js2py_update", "_js2py_pointsCallback", "_last_layout_edit_id", "_last_trace_edit_id",
)


@cache
def _live_figure_class():
    import plotly.graph_objects as go
    import traitlets

    unsynced = {}
    for name in _UNSYNCED:
        trait = go.FigureWidget.class_traits().get(name)
        if trait is not None:
            unsynced[name] = type(trait)(allow_none=True).tag(sync=False)

    def _swl_push(self):
        from plotly.io.json import to_json_plotly

        fig = trim_template(self.to_plotly_json())  # a copy: only the template entries the figure uses
        data, layout = fig.get("data", []), fig.get("layout", {})
        preset = getattr(self, "_swl_preset_values", None)
        if preset:
            apply_preset(data, layout, preset)
        self._swl_figure = to_json_plotly({"data": data, "layout": layout, "config": FIGURE_CONFIG}, pretty=False)

    def _send(self, *args, **kwargs):
        self._swl_push()

    def __init__(self, *args, **kwargs):
        go.FigureWidget.__init__(self, *args, **kwargs)
        self.on_msg(self._swl_on_msg)
        self._swl_push()

    def _swl_on_msg(self, _widget, content, _buffers):
        if not isinstance(content, dict):
            return
        if content.get("swl") == "ping":
            self.send({"swl": "pong"})
        elif content.get("swl") == "plotly.js?":
            self.send({"swl": "plotly.js"}, buffers=[_plotly_js_bytes()])

    namespace = dict(unsynced)
    namespace.update(
        __doc__="A ``go.FigureWidget`` with a small browser side (see the note above ``_LIVE_ESM``).",
        _esm=_LIVE_ESM,
        _swl_figure=traitlets.Unicode("{}").tag(sync=True),
        __init__=__init__, _swl_push=_swl_push, _swl_on_msg=_swl_on_msg,
        **{name: _send for name in ("_send_relayout_msg", "_send_restyle_msg", "_send_addTraces_msg",
                                    "_send_moveTraces_msg", "_send_update_msg", "_send_animate_msg",
                                    "_send_deleteTraces_msg")},
    )
    return type("LiveFigure", (go.FigureWidget,), namespace)


@cache
def _plotly_js_bytes() -> bytes:
    return plotly_js_path().read_bytes()


def plotly_js_path():
    """The ``plotly.min.js`` shipped in plotly's wheel (the version plotly.py expects)."""
    import pathlib

    import plotly

    return pathlib.Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def plotly_bundle_path():
    """The book's partial plotly.js bundle (1.2 MB: the trace types in ``BUNDLED_TRACE_TYPES``; the wheel's full
    plotly.js is 4.8 MB). ``make plotly-bundle`` builds it; tests/test_plotly_bundle.py checks its version and
    that every figure uses only its trace types."""
    from ._env import REPO_ROOT

    return REPO_ROOT / "book" / "assets" / "vendor" / "plotly-swl.min.js"


def live_figure(fig):
    """A live figure widget of ``fig`` (FigureWidget's Python API; see ``_LIVE_ESM`` for the browser side)."""
    return _live_figure_class()(fig)


#: Presentation presets for live figures: applied to what the browser draws after every change, so the
#: figure's own code (and its callbacks) need not know about them. ``min_text`` is the smallest font size
#: anywhere in the figure; ``wrap`` the longest legend line (characters), with the legend beside the plot.
PRESETS = {
    "projector": {"height": 650, "font": 16, "title": 20, "legend": 16, "min_text": 16, "wrap": 34},
}

#: A generous average width of a character, as a share of the font size (for room kept beside a plot).
CHAR_WIDTH = 0.6

_FONT_KEYS = ("font", "tickfont", "textfont", "insidetextfont", "outsidetextfont", "titlefont", "grouptitlefont")


def _min_font(obj, size: int) -> None:
    """Raise every explicit font size below ``size`` in a plotly JSON dict (recursively)."""
    if isinstance(obj, dict):
        for key, value in obj.items():
            if key in _FONT_KEYS and isinstance(value, dict):
                s = value.get("size")
                if isinstance(s, int | float) and s < size:
                    value["size"] = size
                elif isinstance(s, list):
                    value["size"] = [max(x, size) if isinstance(x, int | float) else x for x in s]
            _min_font(value, size)
    elif isinstance(obj, list):
        for item in obj:
            _min_font(item, size)


def _wrap(name: str, width: int) -> str:
    import textwrap

    if "<br>" in name or len(name) <= width:
        return name
    return "<br>".join(textwrap.wrap(name, width))


def apply_preset(data: list, layout: dict, preset: dict) -> None:
    """Apply a preset (see ``PRESETS``) to a figure's JSON ``data`` and ``layout``, in place."""
    layout["height"] = preset["height"]
    layout.pop("width", None)
    layout["autosize"] = True
    layout.setdefault("font", {})["size"] = preset["font"]
    title = layout.setdefault("title", {})
    title.setdefault("font", {})["size"] = preset["title"]
    shown = [tr for tr in data if tr.get("showlegend", True) is not False and tr.get("visible", True) is not False]
    if len(shown) <= 3:  # a short key goes above the plot, so the plot keeps the width
        legend = {"orientation": "h", "x": 0, "xanchor": "left", "y": 1.0, "yanchor": "bottom"}
        layout["margin"] = {"l": 70, "r": 10, "t": 100, "b": 50}
    else:  # a long key beside it, one entry under another
        legend = {"orientation": "v", "x": 1.02, "xanchor": "left", "y": 1, "yanchor": "top"}
        layout["margin"] = {"l": 70, "r": 10, "t": 60, "b": 50}
    if "polar" in layout:  # a radar's axis labels sit outside the plot: keep room for them
        layout["margin"].update(l=150, r=150)
    # long category names beside horizontal bars wrap onto lines, as the legend's do, so the plot keeps its width
    for tr in data:
        if tr.get("type") == "bar" and tr.get("orientation") == "h" and isinstance(tr.get("y"), list | tuple):
            names = [str(v) for v in tr["y"]]
            axis = layout.setdefault(str(tr.get("yaxis") or "y").replace("y", "yaxis", 1), {})
            if any(len(n) > preset["wrap"] for n in names) and "ticktext" not in axis:
                axis["tickvals"], axis["ticktext"] = names, [_wrap(n, preset["wrap"]) for n in names]
    # a horizontal bar's value written past the bar's end needs room on the right of the plot
    ends = [line for tr in data if tr.get("type") == "bar" and tr.get("orientation") == "h"
            and tr.get("textposition") in ("outside", "auto") for t in tr.get("text") or []
            for line in str(t).split("<br>")]
    if ends:
        room = round(CHAR_WIDTH * preset["min_text"] * max(len(line) for line in ends)) + 10
        layout["margin"]["r"] = max(layout["margin"]["r"], room)
    layout["legend"] = {**layout.get("legend", {}), **legend, "font": {"size": preset["legend"]}}
    for key, axis in layout.items():  # axis titles close to their ticks, so stacked panels do not collide
        if key.startswith("xaxis") and isinstance(axis, dict):
            axis["ticklen"] = 3
            if isinstance(axis.get("title"), dict):
                axis["title"]["standoff"] = 2
    layout.setdefault("hoverlabel", {})["font"] = {"size": preset["legend"]}
    for a in layout.get("annotations", []) or []:
        a.setdefault("font", {}).setdefault("size", preset["min_text"])
    _min_font(data, preset["min_text"])
    _min_font(layout, preset["min_text"])
    for tr in data:
        if isinstance(tr.get("name"), str):
            tr["name"] = _wrap(tr["name"], preset["wrap"])


def use_preset(fw, name: str, **overrides) -> None:
    """Draw live figure ``fw`` with preset ``name`` (e.g. ``"projector"``), with some values overridden."""
    if name not in PRESETS:
        raise KeyError(f"no figure preset {name!r}; the presets are: {', '.join(PRESETS)}")
    fw._swl_preset_values = {**PRESETS[name], **overrides}
    fw._swl_push()


#: The name the explorers and ``explore`` use.
shared_figure_widget = live_figure
