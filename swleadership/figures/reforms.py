"""Social work reform in England: a timeline (chapter 30).

``EVENTS`` gives each event's theme, date (or ``None`` when not verified: table only), how precise the date
is, and the source of the date. Where only a year is known the event is drawn at 1 July of that year.

Example (one line in the notebook)::

    reforms_timeline()
"""

from __future__ import annotations

import datetime as dt

import plotly.graph_objects as go

from ..explore import Checkbox, Select, explorer

# Every event: (theme, date or None, precision, short label, fuller description, source).
# Dates come from the paper and its reference list, or from the published page named in "source".
# Where only a year is known the event is drawn at 1 July of that year; None = date not verified (table only).
EVENTS = [
    ("Reviews", "2009", "year only", "Task Force interim report",
     "Social Work Task Force, interim report: Facing up to the task", "the paper's reference list (Social Work Task Force 2009b)"),
    ("Reviews", "2009", "year only", "Task Force final report",
     "Social Work Task Force, final report: Building a safe, confident future", "the paper's reference list (Social Work Task Force 2009a)"),
    ("Reviews", "2009", "year only", "Laming progress report",
     "Laming: The protection of children in England, a progress report (and an action plan)", "the paper's reference list (Laming 2009)"),
    ("Reviews", "2011", "year only", "Munro review final report",
     "Munro review of child protection, final report: A child-centred system", "the paper's reference list (Munro 2011)"),
    ("Reviews", "2014", "year only", "Narey review",
     "Narey: independent review of the education of children's social workers (DfE)", "the paper's reference list (Narey 2014)"),
    ("Reviews", "2014", "year only", "Croisdale-Appleby review",
     "Croisdale-Appleby: Re-visioning social work education (DH)", "the paper's reference list (Croisdale-Appleby 2014)"),
    ("Institutions and roles", "2010", "year only", "Reform Board proposals",
     "Social Work Reform Board: Building a safe and confident future, one year on", "the paper's reference list (Social Work Reform Board 2010)"),
    ("Institutions and roles", "2012", "year only", "Reform Board progress report",
     "Social Work Reform Board: Maintaining momentum, progress report", "the paper's reference list (Social Work Reform Board 2012)"),
    ("Institutions and roles", None, "date not verified", "College of Social Work founded",
     "The College of Social Work (TCSW) is established", "the paper (no date given)"),
    ("Institutions and roles", None, "date not verified", "College of Social Work abolished",
     "TCSW is abolished; BASW becomes guardian of the PCF", "the paper (no date given); BASW PCF pages"),
    ("Institutions and roles", None, "date not verified", "Chief Social Workers appointed",
     "Two Chief Social Workers, for children and families and for adults", "the paper (no date given)"),
    ("Institutions and roles", None, "date not verified", "Principal social worker role",
     "The principal social worker role, arising from the Munro review", "Skills for Care practice leadership pages (no date given)"),
    ("Standards and frameworks", "2012", "year only", "PCF first devised",
     "Professional Capabilities Framework first devised (Reform Board and TCSW)", "BASW PCF pages"),
    ("Standards and frameworks", "2014-08-01", "day", "child and family KSS",
     "Knowledge and skills statement for child and family social work unveiled by the Chief Social Worker, Isabelle Trowler",
     "the paper's reference list (DfE 2014); press report of the launch"),
    ("Standards and frameworks", "2015", "year only (the paper's text says 2014)", "adult KSS",
     "Knowledge and skills statement for social workers in adult services (DH)", "the paper's reference list (Department of Health 2015)"),
    ("Standards and frameworks", "2015", "year only", "practice leader and supervisor KSS",
     "Knowledge and skills statements for practice leaders and practice supervisors (DfE)", "the paper's reference list (DfE 2015)"),
    ("Standards and frameworks", "2017", "year only", "KSS as post-qualifying standards",
     "Children and Social Work Act 2017: section 42 post-qualifying standards (the KSS for practitioners and supervisors)",
     "GOV.UK, social work post-qualifying standards page"),
    ("Standards and frameworks", "2017-11", "month", "Adult practice supervisor KSS consultation",
     "Consultation on a knowledge and skills statement for practice supervisors in adult social care (Lyn Romeo, Chief Social Worker for Adults)",
     "the published consultation document"),
    ("Standards and frameworks", "2018", "year only", "PCF refreshed",
     "BASW refreshes the PCF with Research in Practice", "the paper's reference list (BASW 2018)"),
    ("Education and early career", "2012", "year only (date of the report, not of the start)", "ASYE set out",
     "Assessed and Supported Year in Employment, with the PCF as its benchmark", "the paper's reference list (Social Work Reform Board 2012)"),
    ("Education and early career", "2026-02-18", "day", "Early career changes announced",
     "DfE page updated: early career standards and a new early career programme announced", "GOV.UK, knowledge and skills statements page"),
    ("Education and early career", "2027-04-01", "day (announced)", "Early career standards",
     "Child and family social worker early career standards replace the practitioner KSS", "GOV.UK, knowledge and skills statements page"),
    ("Education and early career", "2027-09", "month (announced)", "ECDP replaces ASYE",
     "An Early Career Development Programme replaces the ASYE (child and family social work)", "GOV.UK, knowledge and skills statements page"),
    ("Regulation", None, "date not verified", "Social Work England comes into effect",
     "Social Work England, the new regulator, 'recently come into effect' (the paper, December 2018)", "the paper (no exact date given)"),
    ("Regulation", "2019-07", "month", "SWE standards published",
     "Social Work England publishes its professional standards", "Social Work England, professional standards page"),
    ("Regulation", "2019-08-01", "day", "Resourcing duty dropped",
     "Trade press reports that the final standards dropped a draft duty to report resourcing problems", "Community Care, 1 August 2019"),
    ("Regulation", "2019-12-02", "day", "SWE standards in force",
     "Social Work England's professional standards come into force for all registered social workers", "Social Work England, professional standards page"),
    ("Innovation and improvement", "2014", "year only", "Innovation Programme set up",
     "Children's Social Care Innovation Programme set up (Round 1, 2014 to 2016)", "Sebba et al. (2017), summaries of the evaluation"),
    ("Innovation and improvement", "2016", "year only (spring)", "Isos seven enablers",
     "Isos Partnership, for the LGA: action research into improvement (the seven enablers)", "Isos Partnership (2016) report"),
    ("Innovation and improvement", "2017", "year only", "McNeish et al.",
     "McNeish et al.: What have we learned about good social work systems and practice?", "the paper's reference list (McNeish et al. 2017)"),
    ("Innovation and improvement", "2017-11", "month", "Round 1 final evaluation",
     "Sebba et al.: Children's Social Care Innovation Programme final evaluation report", "DfE Evaluation Report 58"),
    ("Innovation and improvement", "2018-02-27", "day", "Seven features launched",
     "Seven features of practice and seven outcomes, launched at the first National Learning Conference",
     "the paper's reference list (DfE 2018); the DfE document"),
    ("Innovation and improvement", None, "date not verified", "What Works Centre",
     "What Works Centre for Children's Social Care being set up (the paper, 2018)", "the paper (no date given)"),
    ("Innovation and improvement", "2022-10-12", "day", "Seven features republished",
     "Seven features of practice and seven outcomes framework republished on GOV.UK", "GOV.UK publication page"),
]
THEMES = ["Reviews", "Institutions and roles", "Standards and frameworks", "Education and early career",
          "Regulation", "Innovation and improvement"]
SYMBOLS = ["circle", "square", "diamond", "triangle-up", "x", "star"]
CUTOFF = dt.date(2018, 12, 31)  # the paper was published in December 2018


def _date(text):
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 7, 1)
    if len(parts) == 2:
        return dt.date(parts[0], parts[1], 15)
    return dt.date(*parts)


rows = []
for theme, when, precision, short, long, source in EVENTS:
    rows.append({"theme": theme, "date": _date(when) if when else None, "when": when or "not verified",
                 "precision": precision, "short": short, "event": long, "source": source})
rows.sort(key=lambda r: (r["date"] is None, r["date"] or dt.date.max, THEMES.index(r["theme"])))

# Spread events of one theme that fall within a year of each other, so no marker hides another.
for t, theme in enumerate(THEMES):
    dated = [r for r in rows if r["theme"] == theme and r["date"]]
    for i, r in enumerate(dated):
        close = [q for q in dated[:i] if abs((r["date"] - q["date"]).days) < 300]
        r["y"] = t + [0, 0.22, -0.22, 0.44][len(close) % 4]


def reforms_timeline():
    """An explorer: the static book precomputes every state; live, ipywidgets drive a FigureWidget."""
    fig = go.Figure()
    for t, theme in enumerate(THEMES):
        fig.add_trace(go.Scatter(x=[], y=[], mode="markers", name=theme,
                                 marker={"symbol": SYMBOLS[t], "size": 12, "line": {"width": 1, "color": "#222"}},
                                 hovertemplate="%{text}<extra>" + theme + "</extra>"))
    fig.update_layout(
        title={"text": "Social work reform in England: a timeline"}, height=480, margin={"l": 190, "r": 20},
        xaxis={"type": "date", "title": {"text": "Date"}},
        yaxis={"tickmode": "array", "tickvals": list(range(len(THEMES))), "ticktext": THEMES,
               "range": [-0.7, len(THEMES) - 0.3], "title": {"text": ""}},
        legend={"orientation": "h", "y": -0.2},
    )


    def update(theme, after_2018):
        visible = [r for r in rows if r["date"] and (theme == "All themes" or r["theme"] == theme)
                   and (after_2018 or r["date"] <= CUTOFF)]
        traces = {}
        for t, name in enumerate(THEMES):
            mine = [r for r in visible if r["theme"] == name]
            traces[t] = {"x": [r["date"].isoformat() for r in mine], "y": [r["y"] for r in mine],
                         "text": [f"{r['when']}: {r['event']}" for r in mine]}
        end = "2028-06-30" if after_2018 else "2019-06-30"
        hidden = sum(1 for r in rows if r["date"] is None and (theme == "All themes" or r["theme"] == theme))
        years = {}
        for r in visible:
            years.setdefault(r["when"][:4], []).append(r["short"])
        listed = "; ".join(f"{y}: {', '.join(items)}" for y, items in years.items()) or "none"
        summary = (f"{len(visible)} events shown ({theme.lower()}, "
                   f"{'including' if after_2018 else 'up to the end of 2018, without'} later changes): {listed}.")
        if hidden:
            summary += f" {hidden} more with unverified dates are listed in the table but not drawn."
        return {"traces": traces, "layout": {"xaxis.range": ["2008-06-01", end]}, "summary": summary}


    table = [{"Event": r["event"], "Date": r["when"], "How precise": r["precision"], "Theme": r["theme"],
              "Source": r["source"]} for r in rows]

    return explorer(
        fig,
        controls=[Select("theme", "Theme", ["All themes"] + THEMES),
                  Checkbox("after_2018", "Include changes after the paper (2019 onwards)", value=True)],
        update=update,
        alt=("Timeline of social work reform in England from 2009, one row per theme, each theme with its own marker "
             "shape. The sentence below the figure lists the events shown; the table lists every event with its "
             "date, how precise the date is, and its source."),
        table=table,
        table_caption="Events on the timeline, in date order; events with unverified dates come last",
        id="reforms-timeline",
        title="Social work reform in England: a timeline",
        notes=("<p>Dates come from the paper and its reference list or from the published page named in the Source "
               "column. Where only a year is known the event is drawn at the middle of that year. Dates marked "
               "<em>announced</em> are plans, not events that have happened.</p>"),
    )
