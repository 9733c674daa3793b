"""Which standards and development routes apply at each career stage, by field (chapter 21).

``ROUTES`` lists each route with its stages, fields, a description and its source (as cited in the chapter).

Example (one line in the notebook)::

    career_path_standards()
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..explore import Radio, Select, explorer

# Which standards and development routes apply at each career stage, by field, as described in the chapter's sources.
STAGES = ["Student", "Newly qualified", "Social worker", "Practice supervisor", "Practice leader"]
CF, AD = "Children and families", "Adults"
ROUTES = [
    # (route, stages, fields, what it is, source)
    ("PCF", STAGES, [CF, AD],
     "Capabilities at every level from entry to strategic; domain 9 is professional leadership.", "BASW (2018)"),
    ("ASYE", ["Newly qualified"], [CF, AD],
     "Supported and assessed first year in employment (for child and family social workers, to be replaced by the ECDP from September 2027).",
     "Social Work Reform Board (2012); DfE (2026)"),
    ("KSS: child and family practitioners", ["Newly qualified", "Social worker"], [CF],
     "What child and family social workers should know and be able to do.", "DfE (2014)"),
    ("KSS: social workers in adult services", ["Newly qualified", "Social worker"], [AD],
     "What adult social workers should know and do; requirement 10 covers professional ethics and leadership.",
     "DH (2015)"),
    ("Employer's practice framework", ["Newly qualified", "Social worker", "Practice supervisor", "Practice leader"], [CF, AD],
     "The shared values, theories and methods a service uses; the ground of practice leadership.",
     "Gibson (2017); Stanley and Kelly (2018)"),
    ("KSS: practice supervisors", ["Practice supervisor"], [CF],
     "For qualified social workers who supervise practitioners and develop individuals and teams.", "DfE (2015)"),
    ("PSDP", ["Practice supervisor"], [CF],
     "DfE-funded programme, delivered by Research in Practice with universities; aimed at 700 supervisors by 2020.",
     "Haworth, Miller and Schaub (2018)"),
    ("KSS: practice leaders", ["Practice leader"], [CF],
     "For qualified social workers responsible for the whole local system of practice. No adult equivalent.",
     "DfE (2015)"),
    ("PLDP", ["Practice leader"], [CF],
     "Programme for practice leaders built around a twelve-month coaching relationship with an experienced leader.",
     "Haworth, Miller and Schaub (2018); Pendry (2015)"),
    ("Principal Social Worker role", ["Practice leader"], [CF, AD],
     "Senior practice-leadership role linking the front line and strategy; from the Munro review, later extended to adults.",
     "Munro (2011); Stanley and Kelly (2018)"),
]
NAMES = [r[0] for r in ROUTES]
PCF_LEVEL = {"Student": "entry to end of last placement", "Newly qualified": "ASYE level",
             "Social worker": "social worker and experienced levels", "Practice supervisor": "advanced or strategic level, depending on the role",
             "Practice leader": "strategic level"}

def _cells(field, stage=None):
    xs, ys = [], []
    for name, stages, fields, _, _ in ROUTES:
        if field in fields:
            for s in stages:
                if stage is None or s == stage:
                    xs.append(s)
                    ys.append(name)
    return xs, ys

def update(stage, field):
    x0, y0 = _cells(field)
    x1, y1 = _cells(field, stage)
    names = [n if n != "PCF" else f"PCF ({PCF_LEVEL[stage]})" for n in y1]
    summary = f"{stage}, {field.lower()}: {len(names)} apply: " + "; ".join(names) + "."
    if field == AD and stage == "Practice leader":
        summary += " There is no Knowledge and Skills Statement for practice leaders in adult social work."
    if field == AD and stage == "Practice supervisor":
        summary += " A statement for adult practice supervisors was consulted on in 2017; its final status is not verified here."
    return {"traces": {0: {"x": x0, "y": y0}, 1: {"x": x1, "y": y1}},
            "layout": {"title.text": f"{stage}: {field}"}, "summary": summary}

def _table():
    return pd.DataFrame([{"Standard or route": n, "Stages": ", ".join(st), "Fields": " and ".join(f),
                          "What it is": what, "Source": src} for n, st, f, what, src in ROUTES])


def career_path_standards():
    """An explorer: the static book precomputes every state; live, ipywidgets drive a FigureWidget."""
    x0, y0 = _cells(CF)
    x1, y1 = _cells(CF, "Practice supervisor")
    fig = go.Figure([
        go.Scatter(x=x0, y=y0, mode="markers", name="Applies in this field",
                   marker=dict(symbol="circle-open", size=12, color="#555")),
        go.Scatter(x=x1, y=y1, mode="markers", name="Applies at the chosen stage",
                   marker=dict(symbol="diamond", size=20, color="#1f5f99")),
    ])
    fig.update_layout(title="Practice supervisor: Children and families", height=520,
                      xaxis=dict(title="", categoryorder="array", categoryarray=STAGES, side="top"),
                      yaxis=dict(title="", categoryorder="array", categoryarray=NAMES[::-1]),
                      legend=dict(orientation="h", x=0, y=-0.05, yanchor="top"),
                      margin=dict(l=230, t=110, b=60))

    return explorer(
        fig,
        [Select("stage", "Career stage", STAGES, value="Practice supervisor"),
         Radio("field", "Field of practice", [CF, AD])],
        update,
        alt=("Grid chart with career stages from student to practice leader across the bottom and standards and development "
             "routes down the side. Hollow circles mark every route that applies in the chosen field; large filled diamonds "
             "mark those that apply at the chosen career stage."),
        table=_table(),
        id="career-path-standards",
    )
