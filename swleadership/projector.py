"""Projector views: one explorer or class activity per page, for showing to a class in Voilà (``make app``).

Each view is a notebook in ``notebooks/views/`` with one line of code::

    from swleadership.projector import view; view("career-length")

A view puts the component's controls (with its one-sentence reading of the figure) in a column on the left and
the figure on the right, sized for a 1280×720 projector: body text 20 px and more, figure text 16 px and more,
the legend beside the plot, and everything above the fold. The figure gets the ``projector`` preset of
:func:`swleadership.render.live_figure` (size and fonts); the component itself is the same live face as in
JupyterLab. Panels that are closed at first (assumptions, data table, sources) sit below the fold.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

#: Figure height in a view (px): the page title and the figure fill a 720 px screen.
FIGURE_HEIGHT = 650


@dataclass(frozen=True)
class View:
    slug: str
    title: str
    build: Callable[[], object]  # the component: a WorkforceExplorer, an explore.Explorer or a SelfAssessment
    intro: str = ""
    wide_controls: bool = False  # a self-assessment's rating table needs more width than a few controls
    controls_on_top: bool = False  # a wide figure (the matrix) takes the whole width under a row of controls


def _career():
    from .explorers import career_length_explorer

    return career_length_explorer(id="view-career-length")


def _gender():
    from .explorers import gender_explorer

    return gender_explorer(id="view-gender", parts=("shares",))


def _pressures():
    from .explorers import pressures_explorer

    return pressures_explorer(id="view-pressures")


def _funding():
    from .explorers import funding_explorer

    return funding_explorer(id="view-funding")


def _figure(name: str):
    def build():
        from . import figures

        return getattr(figures, name)()

    return build


VIEWS: dict[str, View] = {v.slug: v for v in (
    View("career-length", "Career length: leaving rate and working life", _career),
    View("gender", "Gender in the professions and in leadership", _gender),
    View("pressures", "Workforce pressures, 2017–2025", _pressures),
    View("funding", "Funding and demand", _funding),
    View("comparison-matrix", "Ten models of leadership compared", _figure("comparison_matrix"), controls_on_top=True),
    View("reforms-timeline", "Social work reform in England: a timeline", _figure("reforms_timeline")),
    View("enablers-self-assessment", "Seven enablers of improvement: team self-assessment",
         _figure("seven_enablers_assessment"), wide_controls=True),
    View("parallel-timeline", "Leadership in the NHS and in social work: a parallel timeline",
         _figure("parallel_timeline")),
    View("leadership-self-assessment", "My leadership in social work: self-assessment",
         _figure("leadership_self_assessment"), wide_controls=True),
    View("leadership-cycle", "The cycle of “missing” leadership", _figure("leadership_cycle")),
)}


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()) or ():
        yield from _walk(child)


def _parts(component) -> dict:
    """Controls, figure, message, reading (summary) and closed panels of any live component."""
    import ipywidgets as w

    parts = component.widgets()
    box = parts["box"]
    if "now" in parts:  # a self-assessment: one row per item, its name and two drop-downs (their own labels,
        # "<item>: now", stay for assistive technology and are hidden on screen by the template's CSS)
        head = w.HTML(f'<div class="swl-rating-head"><span></span><span>{html.escape(component.now_label)}</span>'
                      f"<span>{html.escape(component.importance_label)}</span></div>")
        rows = [head]
        for item, now, imp in zip(component.items, parts["now"], parts["importance"], strict=True):
            now.layout, imp.layout = w.Layout(width="auto"), w.Layout(width="auto")
            row = w.HBox([w.HTML(f'<span class="swl-rating-name">{html.escape(item.name)}</span>'), now, imp])
            row.add_class("swl-rating-row")
            rows.append(row)
        return {"controls": rows, "figure": parts["figure"], "message": None,
                "summary": None, "panels": [parts["gaps"], parts["download"]]}
    controls = [c for c in parts["controls"].values() if not isinstance(c, w.FileUpload)]
    summary = parts.get("summary")
    if summary is None:
        summary = next((x for x in _walk(box) if isinstance(x, w.HTML) and "swl-summary" in x.value), None)
    panels = [x for x in box.children if isinstance(x, w.Accordion)]
    return {"controls": controls, "figure": parts["figure"], "message": parts.get("message"),
            "summary": summary, "panels": panels}


def build(slug: str):
    """The projector layout of view ``slug`` (an ipywidgets box)."""
    import ipywidgets as w

    from .render import use_preset

    if slug not in VIEWS:
        raise KeyError(f"no projector view {slug!r}; the views are: {', '.join(VIEWS)}")
    v = VIEWS[slug]
    p = _parts(v.build())
    use_preset(p["figure"], "projector", height=FIGURE_HEIGHT)
    if v.controls_on_top:
        use_preset(p["figure"], "projector", height=FIGURE_HEIGHT - 70)
        row = w.HBox(p["controls"], layout=w.Layout(width="100%"))
        row.add_class("swl-projector-controls")
        row.add_class("swl-projector-row")
        under = [x for x in (p["message"], p["summary"]) if x is not None]
        box = w.VBox([w.HTML(f'<h1 class="swl-projector-title">{html.escape(v.title)}</h1>'), row, p["figure"],
                      *under, *p["panels"]])
        box.add_class("swl-projector")
        box.add_class(f"swl-view-{slug}")
        return box
    left = [w.HTML(f'<p class="swl-note">{html.escape(v.intro)}</p>')] if v.intro else []
    left += p["controls"] + [x for x in (p["message"], p["summary"]) if x is not None]
    column = w.VBox(left, layout=w.Layout(width="100%", overflow="hidden"))
    column.add_class("swl-projector-controls")
    left_width = "minmax(420px, 44%)" if v.wide_controls else "minmax(280px, 26%)"
    grid = w.GridBox([column, p["figure"]],
                     layout=w.Layout(grid_template_columns=f"{left_width} minmax(0, 1fr)", grid_gap="16px",
                                     width="100%"))
    grid.add_class("swl-projector-grid")
    box = w.VBox([w.HTML(f'<h1 class="swl-projector-title">{html.escape(v.title)}</h1>'), grid, *p["panels"]])
    box.add_class("swl-projector")
    box.add_class(f"swl-view-{slug}")
    return box


def view(slug: str):
    """Show view ``slug`` (the one line in each ``notebooks/views/*.ipynb``)."""
    return build(slug)
