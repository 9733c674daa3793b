"""Where leadership sits: role, practice and system tasks in five invented situations (chapter 15).

``SCENARIOS`` holds the book's placement of each task, for discussion; it is not data.

Example (one line in the notebook)::

    where_leadership_sits()
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..explore import Select, explorer

# Each scenario lists leadership tasks as (task, level, needs agreement across boundaries?).
# The placements are the book's reading of invented scenarios, for discussion; they are not data.
LEVELS = ["Role", "Practice", "System"]
SCENARIOS = {
    "Unallocated assessments in one children's team": [
        ("Set a rota so that new referrals are allocated within a day", "Role", False),
        ("Agree a team rule on how long an assessment may wait", "Role", False),
        ("Coach a newly qualified worker through her first complex assessments", "Practice", False),
        ("Run a weekly group case discussion so that workers share the load", "Practice", False),
        ("Model clear, kind recording that families can read", "Practice", False),
        ("Ask the early help service to send fuller referral information", "System", True),
    ],
    "A new strengths-based practice framework across adult teams": [
        ("Make the framework part of supervision and appraisal", "Role", False),
        ("Fund training time for every team", "Role", False),
        ("Practitioners show in case discussions what strengths-based work looks like", "Practice", False),
        ("Senior practitioners mentor colleagues who are unsure of the approach", "Practice", False),
        ("People who use services help rewrite the assessment form", "Practice", True),
        ("Agree with commissioned care providers how plans will be written", "System", True),
        ("Align the framework with the local NHS community teams' approach", "System", True),
    ],
    "Delayed discharges of older people from hospital": [
        ("Reorganise the hospital social work team's weekend cover", "Role", False),
        ("Coach workers to hold frank conversations with families early", "Practice", False),
        ("Agree one shared assessment with ward nurses instead of two", "System", True),
        ("Persuade home-care agencies to keep capacity for Friday discharges", "System", True),
        ("Get ward staff to refer to a charity's home-from-hospital service", "System", True),
        ("Share daily data on delays between the council and the NHS trust", "System", True),
        ("Bring older people's and carers' views into the redesign", "System", True),
    ],
    "Exploitation of teenagers across a borough": [
        ("Set up a specialist adolescent team inside children's services", "Role", False),
        ("Support workers to keep relationships with young people who go missing", "Practice", False),
        ("Build a shared picture of risk with police, schools and youth services", "System", True),
        ("Agree how the police and social care respond when a child is found", "System", True),
        ("Involve a youth charity that young people trust", "System", True),
        ("Work with parents' groups so that parents are partners, not suspects", "System", True),
        ("Take a shared case to the safeguarding partnership for a change of policy", "System", True),
    ],
    "Risk recording in a voluntary-sector domestic abuse service": [
        ("The service manager sets a standard for risk assessments", "Role", False),
        ("Peer review of each other's risk assessments", "Practice", False),
        ("An experienced worker leads a practice session on coercive control", "Practice", False),
        ("Agree with the council's social workers what the charity's risk notes should include", "System", True),
        ("Work with survivors to make the safety plan format usable", "Practice", True),
    ],
}

def _counts(tasks):
    inside = [sum(1 for t, lv, across in tasks if lv == L and not across) for L in LEVELS]
    across = [sum(1 for t, lv, ac in tasks if lv == L and ac) for L in LEVELS]
    return inside, across

def _labels(counts):
    return [str(n) if n else "" for n in counts]

def update(scenario):
    tasks = SCENARIOS[scenario]
    inside, across = _counts(tasks)
    n_sys = sum(1 for t, lv, ac in tasks if lv == "System")
    n_across = sum(across)
    summary = (f"{scenario}: {len(tasks)} leadership tasks, {n_sys} of them at system level; "
               f"{n_across} of {len(tasks)} need agreement from people the leader does not manage.")
    return {
        "traces": {0: {"x": inside, "y": LEVELS, "text": _labels(inside)},
                   1: {"x": across, "y": LEVELS, "text": _labels(across)}},
        "layout": {"title.text": scenario},
        "summary": summary,
    }

def _table():
    rows = [{"Situation": s, "Task": t, "Level": lv,
             "Can one organisation direct it?": "No: needs agreement across boundaries" if ac else "Yes: line authority"}
            for s, tasks in SCENARIOS.items() for t, lv, ac in tasks]
    return pd.DataFrame(rows)


def where_leadership_sits():
    """An explorer: the static book precomputes every state; live, ipywidgets drive a FigureWidget."""
    first = next(iter(SCENARIOS))
    inside, across = _counts(SCENARIOS[first])
    fig = go.Figure([
        go.Bar(name="Within one organisation's line authority", x=inside, y=LEVELS, orientation="h",
               marker_pattern_shape="", text=_labels(inside), textposition="inside"),
        go.Bar(name="Needs agreement across boundaries", x=across, y=LEVELS, orientation="h",
               marker_pattern_shape="/", text=_labels(across), textposition="inside"),
    ])
    fig.update_layout(barmode="stack", title=first, xaxis_title="Number of leadership tasks",
                      yaxis_title="Where the task sits", legend_orientation="h", legend_y=-0.25, height=380)

    return explorer(
        fig,
        [Select("scenario", "Situation", list(SCENARIOS))],
        update,
        alt=("Stacked horizontal bar chart. For the chosen situation, each bar counts the leadership tasks that sit at "
             "role, practice or system level, split into tasks one organisation can direct and tasks that need agreement "
             "across organisational boundaries."),
        table=_table(),
        id="systems-where-leadership-sits",
    )
