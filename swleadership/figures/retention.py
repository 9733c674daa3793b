"""How long social workers, nurses and doctors stay in their profession, by source (chapter 01).

Every value is a row of ``data/career_length.csv`` (``preferred`` rows only) whose ``source_id`` names its
source in ``data/sources.csv``; the choice of source switches the bars, the title and the summary.

Example (one line in the notebook)::

    working_life()
"""

from __future__ import annotations

import plotly.graph_objects as go

from ..data import load
from ..explore import Select, explorer

career = load("career_length")
sources = load("sources").set_index("source_id")
GROUPS = ["social workers", "nurses", "doctors"]
MEASURES = {
    "2010": ("expected working life", "expected working life (previous estimate cited)"),
    "2011": ("average time in profession",),
    "2016": ("average career length (government memorandum)",),
}
LABELS = {
    "2010": "Curtis, Moriarty and Netten (2010), abstract: expected working life",
    "2011": "Press reports (2011) of the same authors' later study: years in the profession",
    "2016": "Government memorandum (2016), via the Education Committee: average career",
}


def rows(key):
    sel = career[career["measure"].isin(MEASURES[key]) & career["group"].isin(GROUPS) & career["preferred"]]
    return sel.set_index("group").loc[GROUPS]


def fmt(row):
    v = f"{row['value']:g}"
    return f"{row['qualifier']} {v}".strip()


def working_life():
    """An explorer: the static book precomputes every state; live, ipywidgets drive a FigureWidget."""
    first = rows("2010")
    fig = go.Figure(go.Bar(
        x=["Social workers", "Nurses", "Doctors"], y=list(first["value"]), text=[fmt(r) for _, r in first.iterrows()],
        textposition="outside", marker=dict(color=["#b3005e", "#5b6770", "#5b6770"]),
        hovertemplate="%{x}: %{text} years<extra></extra>"))
    fig.update_layout(
        title=dict(text=LABELS["2010"], font=dict(size=14)), height=420, margin=dict(l=60, r=20, t=60, b=50),
        yaxis=dict(title="Years", range=[0, 30]), plot_bgcolor="#ffffff", showlegend=False)


    def update(source):
        r = rows(source)
        sid = r["source_id"].iloc[0]
        vals = {g: fmt(r.loc[g]) for g in GROUPS}
        summary = (f"{LABELS[source]}: social workers {vals['social workers']} years, nurses {vals['nurses']}, "
                   f"doctors {vals['doctors']}. Source: {sources.loc[sid, 'publisher']}.")
        return {"traces": {0: {"y": list(r["value"]), "text": [vals[g] for g in GROUPS]}},
                "layout": {"title.text": LABELS[source]}, "summary": summary}


    used = career[career["measure"].isin(sum(MEASURES.values(), ())) & career["group"].isin(GROUPS)
                  & career["preferred"]]
    table = used.assign(
        Figure=[fmt(r) for _, r in used.iterrows()],
        Source=[sources.loc[s, "title"] for s in used["source_id"]],
    )[["group", "measure", "period_label", "Figure", "unit", "Source"]].rename(
        columns={"group": "Group", "measure": "Measure", "period_label": "Period", "unit": "Unit"})

    return explorer(
        fig,
        controls=[Select("source", "Source of the figures", [(k, v) for k, v in LABELS.items()])],
        update=update,
        alt=("Bar chart of the years social workers, nurses and doctors stay in their profession, according to "
             "the source chosen. In every source social workers have much the shortest working life; the nurse "
             "figure differs between the 2010 abstract and the later reports."),
        table=table,
        table_caption="Working-life figures for social workers, nurses and doctors, with their sources (data/career_length.csv)",
        id="working-life",
        title="How long do social workers stay?",
    )
