"""Leadership milestones in the NHS and in social work, 1948 onwards: a parallel timeline (chapter 40).

``EVENTS`` gives each event's year, sector, theme, a short and a full label, and its source (the paper, a work
in the book's references, or a framework publisher's page).

Example (one line in the notebook)::

    parallel_timeline()
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..explore import Select, explorer

# The events on the parallel timeline. Every date comes from the paper, from a work in the book's references, or
# (where marked) from the framework publishers' own pages; "source" names it.
NHS, SW = "NHS and health", "Social work and social care"
POL, INQ, FRM, RES = "Policy and structures", "Inquiries and reviews", "Frameworks and standards", "Research evidence"
SECTORS, THEMES = [NHS, SW], [POL, INQ, FRM, RES]
EVENTS = [
    # (year, sector, theme, short label, fuller description, source)
    (1948, NHS, POL, "NHS founded", "NHS founded; the settlement with doctors secures clinical autonomy",
     "Haworth et al. (2018); Klein (2006)"),
    (1983, NHS, INQ, "Griffiths inquiry", "Griffiths NHS Management Inquiry: general management to replace consensus management",
     "Griffiths (1983)"),
    (1999, NHS, RES, "McKee et al.", "McKee et al. describe traditionalist, managerialist and power-sharing clinical directorates",
     "McKee et al. (1999)"),
    (2006, NHS, FRM, "Leadership Qualities Framework", "NHS Leadership Qualities Framework, a benchmark for senior managerial leaders",
     "NHS Institute for Innovation and Improvement (2006)"),
    (2007, NHS, INQ, "Next Stage Review interim report", "Our NHS, Our Future: the Next Stage Review's interim report",
     "Department of Health (2007)"),
    (2008, NHS, INQ, "Darzi review", "Darzi's NHS Next Stage Review: clinicians as healers, partners and leaders",
     "Darzi (2008)"),
    (2008, NHS, FRM, "Medical Leadership Competency Framework", "Medical Leadership Competency Framework first published (third edition 2010)",
     "NHS Institute for Innovation and Improvement and Academy of Medical Royal Colleges (2008; third edition 2010)"),
    (2011, NHS, FRM, "NHS Leadership Framework", "NHS Leadership Framework launched (29 June) as one framework for all NHS staff",
     "NHS Leadership Academy (2011); launch date from the NHS Institute's announcement"),
    (2011, NHS, POL, "Transforming Community Services", "Transforming Community Services promotes mutual models to engage health professionals",
     "Department of Health (2011), as cited in Haworth et al. (2018)"),
    (2011, NHS, INQ, "King's Fund commission", "King's Fund commission on NHS leadership and management ('no more heroes')",
     "Ham et al. (2011a)"),
    (2011, NHS, RES, "'Keen amateurs' study", "Study of doctors who became NHS chief executives: from 'keen amateurs' to skilled professionals",
     "Ham et al. (2011b)"),
    (2012, NHS, POL, "Clinical commissioning groups", "NHS Commissioning Board describes clinical commissioning groups as GP membership bodies",
     "NHS Commissioning Board (2012), as cited in Haworth et al. (2018)"),
    (2013, NHS, INQ, "Francis Inquiry", "Francis Inquiry reports on the failures of care at Mid Staffordshire",
     "Francis (2013)"),
    (2013, NHS, FRM, "Healthcare Leadership Model", "Healthcare Leadership Model: nine dimensions of leadership behaviour",
     "NHS Leadership Academy (2013)"),
    (2013, NHS, RES, "Dickinson et al.", "Dickinson et al.: triumvirates exist on paper, but the medical leader and general manager pairing matters more",
     "Dickinson et al. (2013)"),
    (2015, NHS, INQ, "Rose review", "Rose review of NHS leadership, Better leadership for tomorrow",
     "Rose (2015)"),
    (2016, NHS, RES, "Sarto and Veronesi", "Sarto and Veronesi's review finds mostly positive effects of clinical leadership",
     "Sarto and Veronesi (2016), as cited in Haworth et al. (2018)"),
    (2017, NHS, RES, "Clay-Williams et al.", "Clay-Williams et al.: a modest body of evidence, few robust studies",
     "Clay-Williams et al. (2017)"),
    (2017, NHS, FRM, "HEE advanced practice framework", "Health Education England framework for advanced clinical practice",
     "Health Education England (2017)"),
    (2018, NHS, FRM, "NMC and GMC standards", "NMC and GMC standards expect leadership from the point of qualification",
     "NMC (2018); GMC (2018)"),
    (2019, NHS, POL, "Since 2018: Interim People Plan", "Since 2018: the Interim People Plan commits the NHS to compassionate and inclusive leadership",
     "NHS Interim People Plan (2019)"),
    (2020, NHS, POL, "Since 2018: People Plan", "Since 2018: the NHS People Plan repeats the commitment to compassionate and inclusive leadership",
     "NHS People Plan (2020)"),
    (2009, SW, INQ, "Social Work Task Force", "Social Work Task Force final report, Building a Safe, Confident Future",
     "Social Work Task Force (2009a)"),
    (2009, SW, INQ, "Laming progress report", "Laming's progress report on the protection of children in England",
     "Laming (2009a)"),
    (2010, SW, POL, "Social Work Reform Board", "Social Work Reform Board's detailed proposals",
     "Social Work Reform Board (2010)"),
    (2011, SW, INQ, "Munro review", "Munro review of child protection: a child-centred system",
     "Munro (2011)"),
    (2012, SW, FRM, "Professional Capabilities Framework", "Professional Capabilities Framework first devised (Reform Board and the College of Social Work)",
     "Social Work Reform Board (2012); BASW (2018)"),
    (2012, SW, FRM, "Leadership Qualities Framework (adult social care)", "Leadership Qualities Framework for adult social care (October), mirroring the NHS Leadership Framework",
     "National Skills Academy for Social Care (2012), developed with Skills for Care"),
    (2014, SW, FRM, "KSS, child and family", "Knowledge and Skills Statement for child and family social work",
     "Department for Education (2014)"),
    (2014, SW, INQ, "Narey and Croisdale-Appleby", "Two reviews of social work education (Narey; Croisdale-Appleby)",
     "Narey (2014); Croisdale-Appleby (2014)"),
    (2014, SW, POL, "Innovation Programme", "Children's Social Care Innovation Programme set up",
     "Sebba et al. (2017), the programme's final evaluation"),
    (2015, SW, FRM, "KSS, practice leaders and supervisors", "Knowledge and Skills Statements for practice leaders and practice supervisors",
     "Department for Education (2015)"),
    (2015, SW, FRM, "KSS, adult services", "Knowledge and Skills Statement for social workers in adult services (the paper's text dates it 2014, its reference list 2015)",
     "Department of Health (2015)"),
    (2016, SW, RES, "Seven enablers", "Isos Partnership's action research for the LGA names seven enablers of improvement",
     "Bryant et al. (2016), Isos Partnership for the LGA; the paper cites it through DfE (2018)"),
    (2017, SW, RES, "Innovation Programme evaluation", "Final evaluation of the Innovation Programme's first round",
     "Sebba et al. (2017)"),
    (2018, SW, FRM, "PCF refreshed", "BASW refreshes the Professional Capabilities Framework",
     "BASW (2018)"),
    (2018, SW, RES, "Seven features and seven outcomes", "DfE publishes Seven features of practice and seven outcomes (February)",
     "Department for Education (2018)"),
    (2019, SW, FRM, "Since 2018: Social Work England standards", "Since 2018: Social Work England's professional standards apply to all registered social workers (2 December)",
     "Social Work England (2019), professional standards"),
]
EVENTS = [dict(zip(("year", "sector", "theme", "short", "event", "source"), e, strict=True)) for e in EVENTS]


_ROW = {NHS: 1.0, SW: 0.0}
_SYMBOL = {NHS: "circle", SW: "diamond"}
# Spread events that share a sector and a year a little up and down so that none hides another.
_seen = {}
for e in sorted(EVENTS, key=lambda e: (e["sector"], e["year"])):
    k = _seen.get((e["sector"], e["year"]), 0)
    _seen[(e["sector"], e["year"])] = k + 1
    e["y"] = _ROW[e["sector"]] + [0, 0.22, -0.22, 0.44][k]


PERIODS = {"1948 to 2020": [1944, 2023], "2005 to 2020 (close-up)": [2004.5, 2020.5]}


def update_timeline(sector, theme, period):
    lo, hi = PERIODS[period]
    shown = [e for e in EVENTS
             if sector in ("Both sectors", e["sector"]) and theme in ("All themes", e["theme"])
             and lo <= e["year"] <= hi]
    traces = {}
    for i, s in enumerate(SECTORS):
        rows = [e for e in shown if e["sector"] == s]
        traces[i] = {"x": [e["year"] for e in rows], "y": [e["y"] for e in rows],
                     "text": [f"{e['year']}: {e['short']} ({e['theme'].lower()})" for e in rows]}
    if shown:
        listed = "; ".join(f"{e['year']} {e['short']}" for e in sorted(shown, key=lambda e: e["year"]))
        summary = f"{len(shown)} events shown ({sector.lower()}, {theme.lower()}, {period}): {listed}."
    else:
        summary = f"No events match: {sector.lower()}, {theme.lower()}, {period}."
    layout = {"xaxis.range": [lo, hi], "xaxis.dtick": 10 if hi - lo > 30 else 2}
    return {"traces": traces, "layout": layout, "summary": summary}


def parallel_timeline():
    """An explorer: the static book precomputes every state; live, ipywidgets drive a FigureWidget."""
    fig = go.Figure()
    for s in SECTORS:
        fig.add_trace(go.Scatter(
            x=[], y=[], text=[], name=s, mode="markers", hovertemplate="%{text}<extra></extra>",
            marker={"symbol": _SYMBOL[s], "size": 13, "line": {"width": 1, "color": "#222"}},
        ))
    fig.update_layout(
        title="Leadership milestones in the NHS and in social work, 1948 onwards",
        xaxis={"title": "Year", "range": [1944, 2023], "dtick": 10},
        yaxis={"tickvals": [0, 1], "ticktext": ["Social work and<br>social care", "NHS and<br>health"],
               "range": [-0.6, 1.7], "fixedrange": True},
        legend={"orientation": "h", "y": -0.25}, showlegend=True,
        height=420, margin={"l": 120, "r": 20, "t": 60, "b": 90},
    )

    timeline_table = pd.DataFrame(
        [{"Year": e["year"], "Sector": e["sector"], "Theme": e["theme"], "Event": e["event"], "Source": e["source"]}
         for e in sorted(EVENTS, key=lambda e: (e["year"], e["sector"]))]
    )

    return explorer(
        fig,
        [Select("sector", "Sector", ["Both sectors"] + SECTORS),
         Select("theme", "Theme", ["All themes"] + THEMES),
         Select("period", "Period", list(PERIODS))],
        update_timeline,
        alt=("Timeline of leadership milestones from 1948 to 2020. NHS events sit on the upper row as circles and "
             "social-work events on the lower row as diamonds. The NHS row has events in 1948, 1983 and 1999, then "
             "many from 2006 to 2020; the social-work row starts in 2009. The table below lists every event with its "
             "source."),
        table=timeline_table,
        table_caption="Every event on the parallel timeline, with its source",
        id="timeline-40",
    )
