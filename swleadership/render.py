"""How plotly figures reach the page.

plotly 7's default renderer in a kernel emits only its JSON mime type, which the book build cannot show. We
register a renderer that also emits ``text/html`` made by ``plotly.io.to_html`` *without* plotly.js: the book
loads one local copy of ``plotly.min.js`` on every page (see ``_config.yml``), so nothing comes from a CDN.
"""

from __future__ import annotations

import html

import plotly.io as pio
from plotly.io.base_renderers import MimetypeRenderer

from ._env import in_book_build

#: plotly config for every figure in the book: no logo, responsive, PNG download kept in the mode bar.
FIGURE_CONFIG = {"displaylogo": False, "responsive": True}

RENDERER = "swl_html"


def figure_html(fig, div_id: str | None = None, alt: str | None = None) -> str:
    """The figure as an HTML fragment that relies on the page's own plotly.js."""
    body = pio.to_html(fig, include_plotlyjs=False, include_mathjax=False, full_html=False,
                       config=FIGURE_CONFIG, div_id=div_id)
    # The plot itself is not readable by assistive technology: every caller puts a text alternative (a
    # <figcaption>, a summary or a data table) next to it; ``alt`` names the plot for screen-reader users.
    label = f' role="group" aria-label="{html.escape(alt, quote=True)}"' if alt else ""
    return f'<div class="swl-plot"{label}>{body}</div>'


class BookHTMLRenderer(MimetypeRenderer):
    """A renderer that gives ``text/html`` without inlining plotly.js."""

    def to_mimebundle(self, fig_dict):
        import plotly.graph_objects as go

        return {"text/html": figure_html(go.Figure(fig_dict))}


def install_renderer() -> None:
    """Register the renderer; in the book build use it alone, elsewhere next to plotly's own mime type."""
    if RENDERER not in pio.renderers:
        pio.renderers[RENDERER] = BookHTMLRenderer()
    pio.renderers.default = RENDERER if in_book_build() else f"plotly_mimetype+{RENDERER}"
