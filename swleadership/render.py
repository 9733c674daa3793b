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
from functools import cache

import plotly.io as pio
from plotly.io.base_renderers import MimetypeRenderer

from ._env import in_book_build

#: plotly config for every figure in the book: no logo, responsive, and a mode bar with the PNG download only
#: (one small button in the top right corner, which the title is wrapped clear of; zoom and pan are no use on a
#: phone and their buttons covered the title).
FIGURE_CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtons": [["toImage"]]}


def narrow(fig, layout: dict | None = None, traces: dict | None = None):
    """Give ``fig`` its own overrides for narrow screens (< 560 px), applied by ``swl.js`` (``fitFigure``).

    ``layout`` holds dotted layout keys (``{"yaxis.range": [0, 5]}``), ``traces`` maps a trace index to dotted
    trace keys (``{2: {"textfont.size": 10}}``). On wider screens the figure's own values are restored. Besides
    these, every figure gets the shared fit: wrapped title, legend entries and category labels, legends at the
    foot, and fixed margins shrunk on a narrow screen.
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


def install_renderer() -> None:
    """Make every plotly figure reach the page.

    In the book build, figures displayed directly show as ``text/html`` (no plotly.js inlined). This goes
    around plotly's renderer registry on purpose: touching ``pio.renderers`` imports nbformat and jsonschema's
    format checkers, about a second per notebook, which on 25 notebooks is a fifth of the build budget.
    Live (JupyterLab, Voilà), the renderer is registered next to plotly's own mime type.
    """
    if in_book_build():
        from plotly.basedatatypes import BaseFigure

        BaseFigure._ipython_display_ = _display_in_book
        return
    if RENDERER not in pio.renderers:
        pio.renderers[RENDERER] = BookHTMLRenderer()
    pio.renderers.default = RENDERER if in_book_build() else f"plotly_mimetype+{RENDERER}"


# The browser side of plotly's FigureWidget is an anywidget module of about 4.8 MB (plotly.js included) that
# every FigureWidget sends and the browser evaluates once per widget. anywidget 0.11 gives each widget 2 seconds
# to initialise; when several FigureWidgets start together (Voilà creates every widget of a page at once), the
# later ones miss that deadline and then silently drop every update from Python: the figure stops following
# its controls. The loader below evaluates plotly's module once per page and shares it between the widgets;
# each widget still gets its own instance of plotly's widget code (``mod.default()``), so nothing else changes.
_LOADER_ESM = """
const KEY = "__swlPlotlyWidgetModule";
function shared(model) {
  const cache = (globalThis[KEY] = globalThis[KEY] || {});
  const version = model.get("_swl_bundle_version");
  if (!cache[version]) {
    const url = URL.createObjectURL(new Blob([model.get("_swl_bundle")], { type: "text/javascript" }));
    cache[version] = import(/* @vite-ignore */ url).finally(() => URL.revokeObjectURL(url));
  }
  return cache[version];
}
export default () => {
  let impl = null;
  return {
    async initialize(ctx) {
      const mod = await shared(ctx.model);
      impl = typeof mod.default === "function" ? mod.default() : mod.default;
      return impl.initialize ? impl.initialize(ctx) : undefined;
    },
    render(ctx) { return impl.render(ctx); },
  };
};
"""


@cache
def _shared_figure_widget_class():
    import pathlib

    import plotly
    import plotly.graph_objects as go
    import traitlets

    bundle = (pathlib.Path(plotly.__file__).parent / "package_data" / "widgetbundle.js").read_text(encoding="utf-8")

    class SharedFigureWidget(go.FigureWidget):
        """``go.FigureWidget`` whose browser code is evaluated once per page (see the note above)."""

        _esm = _LOADER_ESM
        _swl_bundle = traitlets.Unicode(bundle).tag(sync=True)
        _swl_bundle_version = traitlets.Unicode(f"plotly-{plotly.__version__}").tag(sync=True)

    return SharedFigureWidget


def shared_figure_widget(fig):
    """A ``go.FigureWidget`` of ``fig`` whose browser code is shared by every figure widget on the page."""
    return _shared_figure_widget_class()(fig)
