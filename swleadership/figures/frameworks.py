"""Health leadership frameworks and the PCF across a career, and the chapter's self-assessment (chapter 41).

``DOMAINS``, ``status`` and ``SAYS`` hold the book's alignment of the MLCF (as the paper reads it), the NHS
Leadership Framework 2011 and the PCF to three career points. ``ITEMS`` are the self-assessment's items, each
naming the framework or work it draws on.
``frameworks_by_career()`` is the grid explorer; ``leadership_self_assessment()`` the radar self-assessment.

Example (one line in the notebook)::

    frameworks_by_career()
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..explore import Select, explorer, self_assessment

POINTS = ["Early", "Established", "Senior"]
FOCUS, CARRIED, ALL, ROLE, LATER, WORDED = (
    "Named focus at this point", "Expected, carried forward", "Part of the framework at every point",
    "For people in designated leadership roles", "Not yet the focus",
    "Part of the framework; leadership wording given below the figure")
STATUSES = [FOCUS, CARRIED, ALL, ROLE, LATER, WORDED]
SYMBOLS = {FOCUS: "circle", CARRIED: "circle-open-dot", ALL: "square", ROLE: "diamond-open", LATER: "circle-open",
           WORDED: "star"}

MLCF = "MLCF (as the paper reads it)"
LF = "NHS Leadership Framework 2011"
PCF = "PCF (social work)"
FRAMEWORKS = [MLCF, LF, PCF]

DOMAINS = {
    MLCF: ["Demonstrating personal qualities", "Working with others", "Managing services", "Improving services",
           "Setting direction"],
    LF: ["Demonstrating personal qualities", "Working with others", "Managing services", "Improving services",
         "Setting direction", "Creating the vision", "Delivering the strategy"],
    PCF: ["Professionalism", "Values and ethics", "Diversity and equality", "Rights, justice and economic wellbeing",
          "Knowledge", "Critical reflection and analysis", "Intervention and skills", "Contexts and organisations",
          "Professional leadership"],
}

OWN_LABELS = {
    MLCF: {"Early": "paper: qualification; framework: undergraduate",
           "Established": "paper: pre-consultant; framework: postgraduate",
           "Senior": "paper: consultant; framework: continuing practice"},
    LF: {p: "its own stages are not verified here, so not shown" for p in POINTS},
    PCF: {"Early": "PCF levels: entry, end of first placement, end of last placement, ASYE",
          "Established": "PCF levels: social worker, experienced social worker",
          "Senior": "PCF levels: advanced, strategic"},
}

MLCF_FOCUS = {"Early": [0, 1], "Established": [2, 3], "Senior": [4]}


def status(framework, d, point):
    """The status of domain number d of a framework at a career point."""
    if framework == MLCF:
        k = POINTS.index(point)
        focus_at = next(p for p, ds in MLCF_FOCUS.items() if d in ds)
        if focus_at == point:
            return FOCUS
        return CARRIED if POINTS.index(focus_at) < k else LATER
    if framework == LF:
        return ROLE if d >= 5 else ALL
    if DOMAINS[PCF][d] == "Professional leadership" and point != "Early":
        return WORDED
    return ALL


SAYS = {
    (MLCF, "Early"): "The paper names demonstrating personal qualities and working with others as the focus at "
                     "qualification.",
    (MLCF, "Established"): "The paper names managing services and improving services as the focus before "
                           "consultant level, building on the first two domains.",
    (MLCF, "Senior"): "The paper names setting direction as the focus at consultant level; all five domains are now "
                      "expected. A 'consultant/GP' label for this stage is not verified.",
    (LF, "Early"): "All NHS staff are expected to be competent in the five core domains from the start; the two "
                   "extra domains apply to anyone in a designated leadership role.",
    (LF, "Established"): "The five core domains still apply to everyone; creating the vision and delivering the "
                         "strategy apply to those who hold designated leadership roles, at whatever stage.",
    (LF, "Senior"): "Senior staff in positional roles are expected to add creating the vision and delivering the "
                    "strategy to the five core domains.",
    (PCF, "Early"): "All nine domains apply at every level. This book's sources do not give the professional "
                    "leadership wording for these early levels, so none is shown.",
    (PCF, "Established"): "Professional leadership: a social worker contributes to the learning of students and ASYE "
                          "colleagues and takes part in collective leadership through peer support and forums; an "
                          "experienced social worker leads practice development, supervises, and sustains a "
                          "learning culture.",
    (PCF, "Senior"): "Professional leadership at the strategic level: to 'model the social work role at a senior "
                     "level' and use a strategic position to improve the conditions for good practice, including "
                     "workload management. Advanced-level wording is not shown.",
}


def grid(framework):
    rows = []
    for d, name in enumerate(DOMAINS[framework]):
        for p in POINTS:
            rows.append({"Framework": framework, "Domain": name, "Career point": p,
                         "Framework's own label": OWN_LABELS[framework][p], "Status": status(framework, d, p)})
    return rows


def update_frameworks(framework, point):
    names = DOMAINS[framework]
    traces = {}
    for i, s in enumerate(STATUSES):
        cells = [(POINTS.index(r["Career point"]), names.index(r["Domain"]), r["Domain"])
                 for r in grid(framework) if r["Status"] == s]
        traces[i] = {"x": [c[0] for c in cells], "y": [c[1] for c in cells],
                     "text": [f"{c[2]} at the {POINTS[c[0]].lower()} point: {s.lower()}" for c in cells]}
    k = POINTS.index(point)
    traces[len(STATUSES)] = {"x": [k] * len(names), "y": list(range(len(names))),
                             "text": [f"Selected: {point.lower()} point" for _ in names]}
    layout = {"yaxis.tickvals": list(range(len(names))), "yaxis.ticktext": names,
              "yaxis.range": [len(names) - 0.5, -0.5], "height": 220 + 38 * len(names)}
    summary = f"{framework}, {point.lower()} point ({OWN_LABELS[framework][point]}). {SAYS[(framework, point)]}"
    return {"traces": traces, "layout": layout, "summary": summary}


ITEMS = [
    {"key": "self", "name": "Knowing myself",
     "description": "I notice how my values, feelings and habits shape my work with people and colleagues, and I "
                    "use supervision to act on what I notice.",
     "action": "Bring one recent piece of work to supervision and ask what you brought to it that you did not "
               "notice at the time.",
     "source": "MLCF: demonstrating personal qualities; PCF: critical reflection and analysis"},
    {"key": "voices", "name": "People's voices",
     "description": "I make sure people who use services and carers shape decisions about their support and, where "
                    "I can, about how the service works.",
     "action": "Ask one person you work with what they would change about how the service works, and take the "
               "answer to a team meeting.",
     "source": "Haworth et al. (2018), lesson on people's perspectives; Berwick (2016); Beresford and Croft (1993)"},
    {"key": "boundaries", "name": "Working across boundaries",
     "description": "I build working relationships with health colleagues, other agencies and community groups, and "
                    "I understand how our services connect.",
     "action": "Map the agencies involved in one piece of your work and arrange to meet the one you know least.",
     "source": "MLCF: working with others; HLM: connecting our service; NMC (2018); HEE (2017)"},
    {"key": "learning", "name": "Helping others learn",
     "description": "I contribute to the learning of students, newly qualified colleagues and peers through "
                    "feedback, shared practice and supervision.",
     "action": "Offer to co-work with a student or ASYE colleague, and ask them afterwards what helped.",
     "source": "PCF: professional leadership; HLM: developing capability"},
    {"key": "concerns", "name": "Raising concerns",
     "description": "I speak up when practice or working conditions are unsafe, and I make it easier for others to "
                    "do the same.",
     "action": "Find out how concerns are escalated where you work, and talk through with your supervisor one "
               "situation where you held back.",
     "source": "Ham et al. (2011a); Francis (2013); Rose (2015)"},
    {"key": "evidence", "name": "Using evidence",
     "description": "Before I propose a change, I look for and weigh different kinds of evidence: research, local "
                    "data and the accounts of people who use services.",
     "action": "Pick one practice question in your team and find one research summary and one piece of local "
               "data on it.",
     "source": "MLCF: improving services and setting direction; HLM: evaluating information"},
    {"key": "improving", "name": "Improving the service",
     "description": "I suggest small improvements to how my team works, try them out, and check whether they helped.",
     "action": "Choose one small, low-risk change, agree how you will know whether it helped, and review it "
               "after a month.",
     "source": "MLCF: improving services; NMC (2018); HEE (2017)"},
    {"key": "purpose", "name": "Shared purpose",
     "description": "I help colleagues keep sight of why we do this work, especially when the team is under "
                    "pressure.",
     "action": "At your next team meeting, link one decision back to what it means for the people you work with.",
     "source": "HLM: inspiring shared purpose; Sullivan (2016)"},
    {"key": "power", "name": "Using power well",
     "description": "I notice the power my role gives me, with people who use services and with colleagues, and I "
                    "use it openly and in proportion.",
     "action": "Review one recent decision: whose view counted most, and how did the person affected learn why?",
     "source": "KSS for practice supervisors: effective use of power and authority; Tenbensel (2005)"},
    {"key": "profession", "name": "Leading the profession",
     "description": "I take part in the collective leadership of social work, for example through networks, forums, "
                    "writing or responding to consultations.",
     "action": "Join one professional network or forum, or respond to one consultation, in the next three months.",
     "source": "PCF: professional leadership; Colby Peters (2018)"},
]


def frameworks_by_career():
    """An explorer: the static book precomputes every state; live, ipywidgets drive a FigureWidget."""
    fig = go.Figure()
    for s in STATUSES:
        fig.add_trace(go.Scatter(x=[], y=[], text=[], mode="markers", name=s, hovertemplate="%{text}<extra></extra>",
                                 marker={"symbol": SYMBOLS[s], "size": 18 if s == WORDED else 16, "line": {"width": 2}}))
    fig.add_trace(go.Scatter(x=[], y=[], text=[], mode="markers", name="Selected career point",
                             hovertemplate="%{text}<extra></extra>",
                             marker={"symbol": "square-open", "size": 30, "color": "#444", "line": {"width": 2}}))
    fig.update_layout(
        title="Leadership domains across a career: health frameworks and the PCF",
        xaxis={"tickvals": [0, 1, 2], "ticktext": ["Early", "Established", "Senior"], "range": [-0.5, 2.5],
               "title": "Career point (this book's alignment)", "fixedrange": True},
        yaxis={"fixedrange": True, "automargin": True},
        legend={"orientation": "h", "y": -0.2}, showlegend=True,
        margin={"l": 20, "r": 20, "t": 60, "b": 120},
    )

    return explorer(
        fig,
        [Select("framework", "Framework", FRAMEWORKS), Select("point", "Career point", POINTS)],
        update_frameworks,
        alt=("Grid of leadership domains (rows) against three career points (columns) for the chosen framework. "
             "Marker shapes show whether a domain is the named focus at that point, carried forward, part of the "
             "framework at every point, only for designated leadership roles, or not yet the focus; for the PCF a star "
             "marks the professional leadership domain where its wording is given. The table below lists every cell "
             "for all three frameworks."),
        table=pd.DataFrame([r for f in FRAMEWORKS for r in grid(f)]),
        table_caption="Every domain of the three frameworks at each career point, with its status",
        id="frameworks-41",
    )


def leadership_self_assessment():
    """A self-assessment: ratings now and importance, a radar chart, gaps and an action plan."""
    return self_assessment("leadership-41", ITEMS, title="My leadership in social work")
