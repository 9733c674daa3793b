"""Priya's four Is profile (chapter 10): the reader classifies Priya's choice in four scenes.

The scenes and the classification of each option (``SCENES``, ``CODE``) are the book's own invented vignette
and reading, for discussion; they are not data.

Example (one line in the notebook)::

    four_is_profile()
"""

from __future__ import annotations

import plotly.graph_objects as go

from ..explore import Select, explorer

CATS = [
    "Idealised influence",
    "Inspirational motivation",
    "Intellectual stimulation",
    "Individualised consideration",
    "Transactional (exchange and monitoring)",
]
CODE = {"II": 0, "IM": 1, "IS": 2, "IC": 3, "TR": 4}

SCENES = [
    ("meeting", "Scene 1, the first team meeting after the inspection letter: Priya", [
        ("IM", "describes what the team could be known for in two years, linked to why each of them came into social work"),
        ("TR", "announces weekly timeliness checks, with first pick of training places for workers who meet the target"),
        ("II", "talks about a mistake from her own practice and promises to hold herself to the standards she asks of others"),
    ]),
    ("asye", "Scene 2, the newly qualified worker struggling with a complex case: Priya", [
        ("IC", "arranges extra supervision built around this worker's own learning goals and confidence"),
        ("TR", "reallocates the case to an experienced worker so that the timeliness figures do not slip"),
        ("IS", "asks the worker to bring the case to group discussion and invites everyone to question the plan, including her view"),
    ]),
    ("template", "Scene 3, complaints that the new template duplicates work: Priya", [
        ("IS", "invites the team to test alternatives and to question whether every section is needed"),
        ("TR", "insists on the template because the improvement plan requires it, and checks completion weekly"),
        ("II", "completes the template herself on one of her own cases, so that she never asks what she will not do"),
    ]),
    ("leaving", "Scene 4, two experienced practitioners thinking of leaving: Priya", [
        ("IC", "meets each of them separately to find out what each needs, such as flexible hours or a specialist role"),
        ("TR", "reminds them of the retention payment they would lose by leaving before the year is out"),
        ("IM", "reconnects them with the team's vision and the difference their work has made to particular families"),
    ]),
]

def profile(**choices):
    counts = [0] * len(CATS)
    for name, _, _ in SCENES:
        counts[CODE[choices[name]]] += 1
    return counts

def describe(counts):
    names = ["idealised influence", "inspirational motivation", "intellectual stimulation",
             "individualised consideration"]
    present = [n for n, c in zip(names, counts[:4], strict=True) if c]
    missing = [n for n, c in zip(names, counts[:4], strict=True) if not c]
    tr = counts[4]
    parts = []
    if present:
        listed = present[0] if len(present) == 1 else ", ".join(present[:-1]) + " and " + present[-1]
        parts.append("This Priya shows " + listed + ".")
    if missing:
        parts.append("There is no " + " and no ".join(missing) + ".")
    if tr == 0:
        parts.append("She makes no transactional moves: inspiring, but watch that expectations and monitoring "
                     "are not left to chance, since the full range model builds on exchange rather than replacing it.")
    elif tr == 1:
        parts.append("One scene is transactional: a mix of exchange and transformation, which is what the full "
                     "range model describes.")
    elif tr < 4:
        parts.append(f"{tr} of the 4 scenes are transactional: the team is led mainly by exchange and monitoring, "
                     "which may secure compliance rather than commitment.")
    else:
        parts.append("All four scenes are transactional: a clear, monitored exchange with none of the four Is.")
    if len(present) == 4:
        parts.append("All four Is are present, the profile the model calls transformational; note how much "
                     "of it rests on one person.")
    return " ".join(parts)

def update(**choices):
    counts = profile(**choices)
    return {
        "traces": {0: {"x": counts, "text": [f"{c} of 4" for c in counts]}},
        "summary": describe(counts),
    }


def four_is_profile():
    """An explorer: the static book precomputes every state; live, ipywidgets drive a FigureWidget."""
    controls = [
        Select(name, label, [(code, text) for code, text in options])
        for name, label, options in SCENES
    ]

    fig = go.Figure(
        go.Bar(
            x=[0] * len(CATS), y=CATS, orientation="h", text=[""] * len(CATS), textposition="outside",
            marker={"color": ["#1f5f8b", "#1f5f8b", "#1f5f8b", "#1f5f8b", "#8c5a00"],
                    "pattern": {"shape": ["", "", "", "", "/"]}},
            hovertemplate="%{y}: %{x} of 4 scenes<extra></extra>",
        )
    )
    fig.update_layout(
        title={"text": "Priya's profile: how many of the four scenes show each kind of leadership"},
        xaxis={"title": {"text": "Number of scenes (out of 4)"}, "range": [0, 4.6], "dtick": 1},
        yaxis={"autorange": "reversed"},
        height=380, margin={"l": 260, "r": 30, "t": 60, "b": 50},
    )

    mapping = [
        {"Scene and option": f"{label.split(':')[0]}: Priya {text}",
         "Classified as": CATS[CODE[code]]}
        for _, label, options in SCENES for code, text in options
    ]

    return explorer(
        fig, controls, update,
        alt=("Horizontal bar chart with five bars: the four Is of transformational leadership and transactional "
             "leadership. Each bar counts how many of the four scenes, as you have set them, show that kind of "
             "leadership; the sentence above describes the current profile."),
        table=mapping,
        table_caption="Every option in the four scenes and how this chapter classifies it",
        id="transformational-four-is",
        title="Priya's four Is profile",
    )
