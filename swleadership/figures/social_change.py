"""The social change model's seven Cs in four invented vignettes (chapter 16).

``VIGNETTES`` codes each C as 0 (not visible), 1 (partly visible) or 2 (clearly in evidence): the book's
reading, for discussion; not scores or data.

Example (one line in the notebook)::

    seven_cs_profile()
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..explore import Select, explorer

# The seven Cs, coded for four invented vignettes: 2 = clearly in evidence, 1 = partly visible, 0 = not visible.
# The codes are the book's reading, for discussion; they are not scores or data.
CS = [
    ("Individual", "Consciousness of self"), ("Individual", "Congruence"), ("Individual", "Commitment"),
    ("Group", "Collaboration"), ("Group", "Common purpose"), ("Group", "Controversy with civility"),
    ("Community", "Citizenship"),
]
LABELS = [f"{lvl}: {c}" for lvl, c in CS]
WORDS = {0: "not visible", 1: "partly visible", 2: "clearly in evidence"}
VIGNETTES = {
    "The Saturday advice table": [
        (2, "Kemi notices that her own history makes her angry about sanctions and talks this through in supervision."),
        (1, "She wants parents to lead, but for the first weeks she chairs every meeting herself."),
        (2, "She keeps the sessions going for months, with little funding."),
        (2, "Parents, a food bank volunteer and a welfare-rights worker share the work and the decisions."),
        (1, "The group agrees on advice sessions but is still split on whether to campaign."),
        (2, "The argument about campaigning is had openly, with the parents' views given full weight."),
        (2, "The group's aim is a change in local policy that would help families beyond its members."),
    ],
    "The young carers' consultation": [
        (1, "One student reflects on why she wanted this project; the others do not."),
        (1, "The students say the young carers are the experts, but plan the questions without them."),
        (2, "All three work hard to meet the deadline."),
        (1, "Tasks are shared out, but one student makes most of the decisions."),
        (0, "Nobody agrees what the consultation is for before the work starts."),
        (0, "A disagreement about the questions is dropped to avoid conflict."),
        (1, "The results will help the service, but young carers had no say in the design."),
    ],
    "The day-centre closure": [
        (1, "The manager knows she dislikes conflict, but does not say so."),
        (0, "The meeting is called 'listening', but the decision has already been made."),
        (1, "She is committed to balancing the budget; less so to the people who use the centre."),
        (0, "Staff and people who use the centre are told, not involved."),
        (0, "The purpose, saving money, is not shared or discussed."),
        (0, "Staff disagree privately and have no forum to say so."),
        (1, "The manager speaks of the wider community's needs, but the affected community has no voice."),
    ],
    "Tenants and the damp flats": [
        (1, "The social worker is aware of her position as a housing association employee; the tenants are less sure of theirs."),
        (2, "She is open with tenants about what she can and cannot do in her role."),
        (2, "Tenants keep meeting over a long winter."),
        (2, "Tenants chair the meetings; the councillor and health visitors are brought in as partners."),
        (2, "The group agrees a short list of demands, written by tenants."),
        (2, "Meetings are heated, but disagreements are heard and settled by discussion."),
        (2, "The campaign is about the health of everyone on the estate, not only the tenants who come."),
    ],
}
NONE = "No comparison"

def _trace(name):
    codes = [c for c, _ in VIGNETTES[name]]
    return {"x": codes, "y": LABELS, "text": [WORDS[c] for c in codes], "name": name}

def update(vignette, compare):
    t0 = _trace(vignette)
    if compare == NONE:
        t1 = {"x": [None] * 7, "y": LABELS, "text": [""] * 7, "name": "(no comparison)"}
    else:
        t1 = _trace(compare)
        t1["name"] = f"{compare} (comparison)"
    weakest = [lab.split(": ")[1] for lab, c in zip(LABELS, t0["x"], strict=True) if c == 0]
    summary = f"{vignette}: " + (
        "not visible in this vignette: " + ", ".join(weakest) + "." if weakest
        else "every one of the seven Cs is at least partly visible.")
    if compare == vignette:
        summary += " (The comparison is the same vignette.)"
    elif compare != NONE:
        weak2 = [lab.split(": ")[1] for lab, c in zip(LABELS, t1["x"], strict=True) if c == 0]
        summary += f" Compared with {compare}, where " + (
            "not visible: " + ", ".join(weak2) + "." if weak2 else "every value is at least partly visible.")
    return {"traces": {0: t0, 1: t1}, "layout": {}, "summary": summary}

def _table():
    rows = []
    for name, codes in VIGNETTES.items():
        for (lvl, c), (code, why) in zip(CS, codes, strict=True):
            rows.append({"Vignette": name, "Level": lvl, "Value": c, "Reading": WORDS[code], "Evidence in the vignette": why})
    return pd.DataFrame(rows)


def seven_cs_profile():
    """An explorer: the static book precomputes every state; live, ipywidgets drive a FigureWidget."""
    names = list(VIGNETTES)
    t0 = _trace(names[0])
    fig = go.Figure([
        go.Bar(x=t0["x"], y=LABELS, text=t0["text"], name=names[0], orientation="h", textposition="inside"),
        go.Bar(x=[None] * 7, y=LABELS, text=[""] * 7, name="(no comparison)", orientation="h",
               textposition="inside", marker_pattern_shape="/"),
    ])
    fig.update_layout(barmode="group", height=460, legend_orientation="h", legend_y=-0.2, margin=dict(t=30),
                      xaxis=dict(title="Reading of the vignette", range=[0, 2.2], tickvals=[0, 1, 2],
                                 ticktext=["not visible", "partly visible", "clearly in evidence"]),
                      yaxis=dict(autorange="reversed"))

    return explorer(
        fig,
        [Select("vignette", "Vignette", names), Select("compare", "Compare with", [NONE] + names)],
        update,
        alt=("Horizontal bar chart of the seven Cs of the social change model, grouped as individual, group and community "
             "values. Each bar shows whether the value is not visible, partly visible or clearly in evidence in the chosen "
             "vignette; a second set of bars shows a vignette chosen for comparison."),
        table=_table(),
        id="scm-seven-cs-profile",
    )
