"""Where is the leadership? Leader-centred and distributed views of a fictional team (chapter 11).

``NODES``, ``TASKS`` and ``LEADER_VIEW`` are the book's invented example, for discussion; they are not data.

Example (one line in the notebook)::

    where_is_leadership()
"""

from __future__ import annotations

import plotly.graph_objects as go

from ..explore import Radio, Select, explorer
from ..render import narrow

NODES = {
    "TM": ("Team manager", 1.5, 8.2),
    "PSW": ("Principal social worker", 5.0, 9.2),
    "SP": ("Senior practitioner", 8.5, 8.2),
    "SW": ("Social workers", 1.5, 4.8),
    "NQ": ("Newly qualified worker (ASYE)", 4.0, 3.6),
    "FAM": ("People who use services and families", 6.5, 4.8),
    "PA": ("Partner agencies", 9.0, 3.6),
    "TOOL": ("Tools and routines", 2.5, 0.8),
    "STR": ("Structures: policies, panels, reports", 7.5, 0.8),
}
ORDER = list(NODES)

TASKS = {
    "framework": (
        "Introducing a strengths-based practice framework",
        [
            ("PSW", "TM", "The principal social worker brings the framework and its evidence; the manager decides how the team will adopt it."),
            ("SP", "SW", "The senior practitioner models strengths-based conversations on joint visits."),
            ("NQ", "SP", "The newly qualified worker's questions expose where the framework is vague."),
            ("SW", "FAM", "Families' responses show which conversations feel genuine and which feel like a script."),
            ("TOOL", "SW", "A redesigned assessment template prompts questions about strengths: the tool shapes practice."),
            ("STR", "TM", "Performance reports still count only risks and deficits, pulling against the framework."),
        ],
    ),
    "discussion": (
        "Running weekly group case discussion",
        [
            ("SP", "SW", "The senior practitioner chairs, but each worker leads the discussion of their own case."),
            ("NQ", "SW", "The newly qualified worker presents a case and the group's questions sharpen the plan."),
            ("TOOL", "SP", "The discussion format (hypotheses, a family map, a timed round of questions) structures who speaks."),
            ("FAM", "SW", "Workers bring in the family's own account of what is happening."),
            ("TM", "SP", "The manager protects the time and attends as a member, not as chair."),
        ],
    ),
    "complaint": (
        "Responding to a family's complaint",
        [
            ("FAM", "TM", "The family's complaint sets the agenda and names what went wrong for them."),
            ("TM", "SW", "The manager and the allocated worker review what happened, together."),
            ("STR", "TM", "The complaints procedure sets timescales and who must respond."),
            ("SW", "FAM", "The worker has a repair conversation with the family."),
            ("TM", "PSW", "The principal social worker takes the learning to other teams."),
        ],
    ),
    "allocation": (
        "Allocating cases with two colleagues off sick",
        [
            ("TM", "SW", "The manager runs an allocation meeting with the team."),
            ("TOOL", "TM", "A caseload-weighting tool frames what counts as a 'full' caseload."),
            ("SP", "TM", "The senior practitioner advises on which cases are most complex."),
            ("SW", "NQ", "Experienced workers agree to protect the newly qualified worker's reduced caseload."),
            ("SW", "PA", "Workers tell partner agencies and families about the changes of worker."),
            ("PA", "FAM", "Partner agencies help families through the change."),
        ],
    ),
}

LEADER_VIEW = {
    "framework": ["SW", "SP", "NQ"],
    "discussion": ["SP", "SW"],
    "complaint": ["SW", "FAM"],
    "allocation": ["SW", "NQ", "SP"],
}

def edge_xy(pairs):
    xs, ys = [], []
    for a, b in pairs:
        xs += [NODES[a][1], NODES[b][1], None]
        ys += [NODES[a][2], NODES[b][2], None]
    return xs, ys

def update(task, lens):
    title, edges = TASKS[task]
    if lens == "leader":
        pairs = [("TM", n) for n in LEADER_VIEW[task]]
        involved = {"TM", *LEADER_VIEW[task]}
        summary = (f"Leader-centred view of '{title.lower()}': the team manager directs "
                   f"{len(LEADER_VIEW[task])} groups of staff. Families, partners, tools and structures "
                   "drop out of sight, and the manager appears to be the only source of leadership.")
    else:
        pairs = [(a, b) for a, b, _ in edges]
        involved = {n for a, b, _ in edges for n in (a, b)}
        situation = [NODES[n][0].split(":")[0].lower() for n in ("TOOL", "STR") if n in involved]
        people = [NODES[n][0] for n in ORDER if n in involved and n not in ("TOOL", "STR")]
        summary = (f"Distributed view of '{title.lower()}': the practice is stretched over "
                   f"{len(edges)} interactions among {len(people)} people or groups ("
                   + ", ".join(p[0].lower() + p[1:] for p in people) + ")"
                   + (" and the situation (" + " and ".join(situation) + ")" if situation else "")
                   + ". The manager is one participant among several.")
    xs, ys = edge_xy(pairs)
    labels = [f"<b>{NODES[n][0]}</b>" if n in involved else NODES[n][0] for n in ORDER]
    return {
        "traces": {
            0: {"x": xs, "y": ys},
            1: {"text": labels,
                "marker.size": [30 if n in involved else 14 for n in ORDER],
                "marker.symbol": ["circle" if n in involved else "circle-open" for n in ORDER]},
        },
        "summary": summary,
    }


def where_is_leadership():
    """An explorer: the static book precomputes every state; live, ipywidgets drive a FigureWidget."""
    fig = go.Figure([
        go.Scatter(x=[], y=[], mode="lines", line={"width": 3, "color": "#4a4a4a"}, hoverinfo="skip",
                   showlegend=False),
        go.Scatter(
            x=[NODES[n][1] for n in ORDER], y=[NODES[n][2] for n in ORDER], mode="markers+text",
            text=[NODES[n][0] for n in ORDER], textposition="bottom center",
            marker={"size": 14, "color": ["#1f5f8b"] * 3 + ["#2e7d4f"] * 4 + ["#8c5a00"] * 2,
                    "line": {"width": 2, "color": "#1a1a1a"}},
            hovertemplate="%{text}<extra></extra>", showlegend=False,
        ),
    ])
    band = {"type": "rect", "xref": "x", "yref": "y", "line": {"width": 0}, "layer": "below"}
    fig.update_layout(
        title={"text": "Where is the leadership? One task, two ways of seeing it"},
        xaxis={"visible": False, "range": [-0.8, 11]},
        yaxis={"visible": False, "range": [-0.6, 10.4]},
        height=520, margin={"l": 10, "r": 10, "t": 60, "b": 10},
        shapes=[
            {**band, "x0": -0.6, "x1": 10.8, "y0": 7.2, "y1": 10.2, "fillcolor": "rgba(31,95,139,0.07)"},
            {**band, "x0": -0.6, "x1": 10.8, "y0": 2.6, "y1": 6.0, "fillcolor": "rgba(46,125,79,0.07)"},
            {**band, "x0": -0.6, "x1": 10.8, "y0": -0.5, "y1": 1.9, "fillcolor": "rgba(140,90,0,0.07)"},
        ],
        annotations=[
            {"x": -0.5, "y": 10.0, "text": "Leaders (formal and informal)", "showarrow": False, "xanchor": "left"},
            {"x": -0.5, "y": 5.8, "text": "Followers and other participants", "showarrow": False, "xanchor": "left"},
            {"x": -0.5, "y": 1.7, "text": "The situation", "showarrow": False, "xanchor": "left"},
        ],
    )

    # On a phone the labels wrap into short lines (11 px type, the smallest the book uses), so that neighbours do not
    # run together.
    narrow(fig, layout={"height": 560, "yaxis.range": [-1.7, 10.4]}, traces={1: {"textfont.size": 11, "_wrap": 76}})

    controls = [
        Select("task", "Leadership task", [(k, v[0]) for k, v in TASKS.items()]),
        Radio("lens", "Way of seeing", [("leader", "Leader-centred view"), ("distributed", "Distributed view")],
              value="distributed"),
    ]

    table = [
        {"Task": title, "From": NODES[a][0], "With": NODES[b][0], "What happens": text}
        for title, edges in TASKS.values() for a, b, text in edges
    ]

    return explorer(
        fig, controls, update,
        alt=("Network diagram of a fictional social-work team in three bands: leaders, followers and other "
             "participants, and the situation (tools, routines and structures). Lines join the people and things "
             "that interact in the chosen leadership task; the sentence above summarises them."),
        table=table,
        table_caption="Every interaction in the distributed view, by task",
        id="distributed-where-is-leadership",
        title="Where is the leadership?",
    )
