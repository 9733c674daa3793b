"""Self-assessments: rate items on "how I do now" and "how important to my role".

The static book shows a table of native selects, a radar chart, a gap table and a downloadable action plan,
driven by ``book/assets/swl.js`` (``SWL.gaps`` mirrors ``assessment_gaps``). Ratings are saved in the browser's
``localStorage`` under ``swl-assessment:<id>`` as ``{"now": [...], "importance": [...], "title": ...,
"items": [...]}``; the "My portfolio" page reads them back. Live (JupyterLab, Voilà) the same items become
ipywidgets drop-downs and a ``go.FigureWidget``.

Example::

    self_assessment("leadership-41", [
        {"key": "vision", "name": "Creating a vision", "action": "Write one sentence ..."},
        ...
    ], title="My leadership in social work")
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ._html import esc as _esc
from ._html import help_link
from ._html import json_script as _json_script
from .explore import _Shown, _slug, table_html
from .render import figure_html, shared_figure_widget


@dataclass
class AssessmentItem:
    """One item of a self-assessment: a short name, a description, and an action to suggest for a gap."""

    key: str
    name: str
    description: str = ""
    action: str = ""
    source: str = ""


@dataclass
class Gap:
    key: str
    name: str
    now: int | None
    importance: int | None
    gap: int | None
    band: str
    action: str = ""


SCALE = {1: "1 – not yet / not important", 2: "2", 3: "3", 4: "4", 5: "5 – consistently / essential"}

BANDS = (
    (2, "Priority to develop"),
    (1, "Worth developing"),
    (-99, "Strength to keep using"),
)


def assessment_gaps(items: Sequence[AssessmentItem | dict], now: Sequence[int | None],
                    importance: Sequence[int | None]) -> list[Gap]:
    """Gap = importance − now, per item, sorted by gap (largest first), then importance, then item order.

    Bands: gap ≥ 2 "Priority to develop"; gap = 1 "Worth developing"; gap ≤ 0 "Strength to keep using";
    an item missing either rating is "Not rated yet" and goes last. Ratings are whole numbers 1–5.
    The same rule is implemented in ``book/assets/swl.js`` (``SWL.gaps``) for the static book.
    """
    items = [i if isinstance(i, AssessmentItem) else AssessmentItem(**i) for i in items]
    if not (len(items) == len(now) == len(importance)):
        raise ValueError("assessment_gaps(): items, now and importance must have the same length")
    out = []
    for pos, (it, n, imp) in enumerate(zip(items, now, importance, strict=True)):
        for label, v in (("now", n), ("importance", imp)):
            if v is not None and (not isinstance(v, int) or not 1 <= v <= 5):
                raise ValueError(f"rating {label!r} for {it.name!r} must be a whole number from 1 to 5, got {v!r}")
        if n is None or imp is None:
            out.append((1, 0, 0, pos, Gap(it.key, it.name, n, imp, None, "Not rated yet", it.action)))
            continue
        g = imp - n
        band = next(b for threshold, b in BANDS if g >= threshold)
        out.append((0, -g, -imp, pos, Gap(it.key, it.name, n, imp, g, band, it.action)))
    return [t[-1] for t in sorted(out, key=lambda t: t[:4])]


def action_plan_markdown(title: str, gaps: Sequence[Gap], top: int = 3) -> str:
    """The downloadable action plan: the rating table and up to ``top`` priorities with suggested actions."""
    lines = [f"# {title}: my self-assessment", "", "| Item | Now | Importance | Gap | Band |",
             "| --- | --- | --- | --- | --- |"]
    for g in gaps:
        lines.append(f"| {g.name} | {g.now or '–'} | {g.importance or '–'} | "
                     f"{'' if g.gap is None else g.gap} | {g.band} |")
    lines += ["", "## My action plan", ""]
    chosen = [g for g in gaps if g.gap is not None and g.gap >= 1][:top]
    if not chosen:
        lines.append("No gaps of 1 or more: choose one strength to share with a colleague.")
    for n, g in enumerate(chosen, 1):
        lines.append(f"{n}. **{g.name}** (gap {g.gap}). {g.action}".rstrip())
    lines.append("")
    return "\n".join(lines)


class SelfAssessment(_Shown):
    """Rate items on "how I do now" and "how important to my role"; radar, gap table, downloadable plan."""

    def __init__(self, assessment_id: str, items: Sequence[AssessmentItem | dict], title: str,
                 now_label: str = "How I do now", importance_label: str = "How important to my role"):
        self.id = _slug(assessment_id)
        self.items = [i if isinstance(i, AssessmentItem) else AssessmentItem(**i) for i in items]
        if len(self.items) < 3:
            raise ValueError("self_assessment(): give at least three items (a radar needs three axes)")
        keys = [i.key for i in self.items]
        if len(set(keys)) != len(keys):
            raise ValueError(f"self_assessment(): item keys must be unique, got {keys}")
        self.title, self.now_label, self.importance_label = title, now_label, importance_label

    def radar(self):
        import textwrap

        import plotly.graph_objects as go

        from .render import narrow

        # Item names wrap onto short lines, so that the labels round the chart stay inside the figure.
        names = ["<br>".join(textwrap.wrap(i.name, 16)) for i in self.items]
        fig = go.Figure()
        for label, dash in ((self.now_label, "solid"), (self.importance_label, "dash")):
            fig.add_trace(go.Scatterpolar(r=[0] * len(names) + [0], theta=names + names[:1], name=label,
                                          line={"dash": dash}, mode="lines+markers"))
        fig.update_layout(title={"text": f"{self.title}: ratings"}, height=500,
                          margin={"l": 90, "r": 90, "t": 100, "b": 70},
                          polar={"radialaxis": {"range": [0, 5], "tickvals": [1, 2, 3, 4, 5]},
                                 "angularaxis": {"tickfont": {"size": 11}}},
                          legend={"orientation": "h", "y": -0.1})
        return narrow(fig, layout={"margin.l": 80, "margin.r": 80, "margin.t": 90, "margin.b": 60,
                                   "polar.angularaxis.tickfont.size": 11})

    def static_html(self) -> str:
        opts = '<option value="">not rated</option>' + "".join(f'<option value="{k}">{k}</option>' for k in range(1, 6))
        sup = 'data-lm-suppress-shortcuts="true"'
        rows = []
        for n, it in enumerate(self.items):
            desc = f'<span class="swl-desc">{_esc(it.description)}</span>' if it.description else ""
            rows.append(
                f'<tr data-key="{_esc(it.key)}"><th scope="row" id="swl-{self.id}-item-{n}">{_esc(it.name)}{desc}</th>'
                f'<td><select {sup} data-scale="now" aria-labelledby="swl-{self.id}-now swl-{self.id}-item-{n}">{opts}</select></td>'
                f'<td><select {sup} data-scale="importance" aria-labelledby="swl-{self.id}-imp swl-{self.id}-item-{n}">{opts}</select></td></tr>'
            )
        payload = {"title": self.title, "items": [vars(i) for i in self.items]}
        return "".join([
            f'<section class="swl-assessment" data-swl="assessment" data-id="{_esc(self.id)}" aria-label="{_esc(self.title)}">',
            '<table class="swl-table"><caption>' + _esc(f"{self.title}: rate each item from 1 to 5") + "</caption>",
            f'<thead><tr><th scope="col">Item</th><th scope="col" id="swl-{self.id}-now">{_esc(self.now_label)}</th>'
            f'<th scope="col" id="swl-{self.id}-imp">{_esc(self.importance_label)}</th></tr></thead>',
            "<tbody>" + "".join(rows) + "</tbody></table>",
            figure_html(self.radar(), div_id=f"swl-{self.id}-radar",
                        alt="Radar chart of your two ratings for each item; the gap table below gives the same numbers."),
            '<div class="swl-gaps" aria-live="polite"></div>',
            '<div class="swl-buttons"><button type="button" class="swl-download">Download my action plan (Markdown)</button> '
            '<button type="button" class="swl-clear">Clear my ratings</button></div>',
            f'<p class="swl-note">Your ratings for \u201c{_esc(self.title)}\u201d stay in this browser '
            f'({help_link("self-assessments", "how self-assessments work")}).</p>',
            _json_script(payload, "swl-data"),
            "</section>",
        ])

    def widgets(self) -> dict:
        import base64

        import ipywidgets as w

        fw = shared_figure_widget(self.radar())
        style = {"description_width": "initial"}
        opts = [("not rated", None)] + [(str(k), k) for k in range(1, 6)]
        now = [w.Dropdown(options=opts, value=None, description=f"{it.name}: now", style=style) for it in self.items]
        imp = [w.Dropdown(options=opts, value=None, description=f"{it.name}: importance", style=style)
               for it in self.items]
        gaps_html, download = w.HTML(), w.HTML()

        def refresh(*_):
            n = [d.value for d in now]
            i = [d.value for d in imp]
            gaps = assessment_gaps(self.items, n, i)
            with fw.batch_update():
                fw.data[0].r = [v or 0 for v in n] + [n[0] or 0]
                fw.data[1].r = [v or 0 for v in i] + [i[0] or 0]
            gaps_html.value = table_html(
                [{"Item": g.name, "Now": g.now or "–", "Importance": g.importance or "–",
                  "Gap": "" if g.gap is None else g.gap, "Band": g.band} for g in gaps], "Your gaps, largest first")
            md = action_plan_markdown(self.title, gaps)
            b64 = base64.b64encode(md.encode()).decode()
            download.value = (f'<a download="{self.id}-action-plan.md" href="data:text/markdown;base64,{b64}">'
                              "Download my action plan (Markdown)</a>")

        for d in now + imp:
            d.observe(refresh, names="value")
        refresh()
        rows = [w.HBox([a, b]) for a, b in zip(now, imp, strict=True)]
        box = w.VBox(rows + [fw, gaps_html, download])
        return {"now": now, "importance": imp, "figure": fw, "gaps": gaps_html, "download": download, "box": box}

    def live(self):
        return self.widgets()["box"]


def self_assessment(assessment_id: str, items: Sequence[AssessmentItem | dict], title: str = "Self-assessment",
                    now_label: str = "How I do now", importance_label: str = "How important to my role"):
    """A self-assessment; ``items`` are ``AssessmentItem``s or dicts with key, name, description, action."""
    return SelfAssessment(assessment_id, items, title, now_label, importance_label)


__all__ = ["self_assessment", "SelfAssessment", "AssessmentItem", "Gap", "assessment_gaps", "action_plan_markdown"]
