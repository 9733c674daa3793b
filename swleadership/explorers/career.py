"""Career length: a constant annual leaving rate, survival curves for the professions, replacement
demand, and DfE's real turnover series set beside the model.

Model (``swleadership.models``): expected working life ``1/a``; share still practising after ``t``
years ``S(t) = (1-a)^t``; replacement demand ``N·a``.
"""

from __future__ import annotations

from .. import data
from .. import models as m
from . import _base as b

#: Years drawn on the survival curves.
HORIZON = 40
#: The year the static face reads the survival curve at (the social-work figure).
T_READ = 8
#: The leaving-rate slider (min, max, step in %), the same in the static and the live face (stated on screen).
RATE_GRID = (1, 30, 0.5)
#: The static face's working-life slider (years); live, the working life is typed (1 to L_MAX).
LIFE_GRID = (2, 40, 1)
#: Where both faces start: social workers' expected working life of 8 years (Curtis et al. 2010), a = 1/8.
LIFE0 = 8
RATE0 = 100 / LIFE0
#: Control labels shared by the faces (the live slider adds its unit in brackets).
RATE_LABEL = "Annual leaving rate a"
LIFE_LABEL = "Expected working life L"
TABLE_CAPTION = "Working-life figures and turnover series behind the figures"

#: Professions drawn as curves: (label, resource measure, group, source note).
PROFESSIONS = [
    ("Social workers", "expected working life", "social workers", "Curtis et al. 2010"),
    ("Social care workers", "expected working life", "social care workers", "Curtis et al. 2010"),
    ("Nurses", "expected working life (previous estimate cited)", "nurses", "Curtis et al. 2010 abstract"),
    ("Nurses", "average time in profession", "nurses", "press reports of Curtis et al. 2011"),
    ("Physiotherapists", "average time in profession", "physiotherapists", "press report of Curtis et al. 2011"),
    ("Doctors", "expected working life (previous estimate cited)", "doctors", "Curtis et al. 2010, earlier estimate"),
    ("Pharmacists", "expected working life (previous estimate cited)", "pharmacists", "Curtis et al. 2010, earlier estimate"),
]

CHILD_GROUP = None  # children_workforce rows have one group per measure
ADULT_GROUP = "social workers employed by local authority adult social services departments"

# trace indices (shared by the static and live faces)
T_MODEL, T_POINT = 0, 1
T_PROF0 = 2
T_CHILD = T_PROF0 + len(PROFESSIONS)
T_ADULT = T_CHILD + 1
T_RATE_LINE = T_ADULT + 1
N_UPLOAD_CURVES = 3
T_UPLOAD0 = T_RATE_LINE + 1  # live face only
T_UPLOAD_SERIES = T_UPLOAD0 + N_UPLOAD_CURVES


def professions():
    """The professions' working-life figures from data/: list of dicts (label, years, note, source_id)."""
    out = []
    for label, measure, group, note in PROFESSIONS:
        r = b.one("career_length", measure, group)
        out.append({"label": label, "years": float(r["value"]), "note": note, "source_id": r["source_id"]})
    return out


def turnover_series():
    """(children's, adult) turnover series from data/: each a dict with years, values, sources."""
    c = b.rows("children_workforce", "turnover rate (FTE)")
    c = c[c["source_id"] == data.indicators_source_id()]
    a = b.rows("adult_social_workers", "turnover rate", ADULT_GROUP)
    return (
        {"years": c["year"].tolist(), "values": c["value"].tolist(), "sources": sorted(set(c["source_id"])),
         "labels": c["period_label"].tolist()},
        {"years": a["year"].tolist(), "values": a["value"].tolist(), "sources": sorted(set(a["source_id"])),
         "labels": a["period_label"].tolist()},
    )


def default_workforce() -> int:
    """Default N: children and family social workers in post (FTE) in England, latest year in data/."""
    r = b.rows("children_workforce", "children and family social workers in post (FTE)")
    r = r[r["source_id"] == data.indicators_source_id()].iloc[-1]
    return int(round(float(r["value"]))), int(r["year"])


def _curve(a: float) -> list[float]:
    return [round(100 * s, 1) for s in m.survival_curve(a, HORIZON)]


# --------------------------------------------------------------------------------------------- look

#: The professions' survival curves, one look each in turn (the same family in both figures): each its own dash,
#: so that no two are told apart by colour alone (the thin solid one is not the model's thick line), and none
#: with the long dashes that mark a reader's own curves. Beyond plotly's named dashes, dash lengths in px:
#: dash-dot-dot, sparse dots, short dashes, dash-dot-dot-dot, fine dots.
PROFESSION_DASHES = ["dash", "dot", "dashdot", "9px,3px,3px,3px,3px,3px", "2px,8px", "solid", "6px,3px",
                     "12px,3px,3px,3px,3px,3px,3px,3px", "1px,3px"]
PROFESSION_LOOKS = [{"line": {"color": colour, "dash": dash, "width": 2}}
                    for colour, dash in zip(b.COLOURS, PROFESSION_DASHES, strict=True)]
#: The live face's hidden curves for a reader's working lives: long dashes, each its own kind.
UPLOAD_CURVE_LOOKS = [{"line": {"color": colour, "dash": dash, "width": 3}}
                      for colour, dash in zip(b.COLOURS[6:], ["longdash", "longdashdot", "16px,4px,2px,4px,2px,4px"],
                                              strict=True)]
#: The survival panel's looks, shared by the one-panel and the two-panel figure.
SURVIVAL_LOOKS = {
    "model": {"line": {"color": "#000000", "width": 4}},
    "read-off": {"marker": {"color": "#000000", "size": 12, "symbol": "circle-open", "line": {"width": 3}}},
    "professions": PROFESSION_LOOKS,
}

#: Each figure's frame and its traces' looks, by role (the convention: explorers/_base.py, above nth).
FRAMES = {
    "career+turnover": {
        "panels": {"row_heights": [0.62, 0.38], "vertical_spacing": 0.2},
        "layout": {"height": 820, "legend": {"y": -0.1}},
        "axes": {"yaxis": {"range": [0, 101]}, "xaxis2": {"dtick": 2}},
    },
    "career": {
        "layout": {"height": 520, "legend": {"y": -0.18}},
        "axes": {"yaxis": {"range": [0, 101]}},
    },
}
LOOKS = {
    "career+turnover": {
        **SURVIVAL_LOOKS,
        "children": {"line": {"color": b.COLOURS[0]}, "marker": {"symbol": "circle", "size": 8}},
        "adults": {"line": {"color": b.COLOURS[1], "dash": "dash"}, "marker": {"symbol": "square", "size": 8}},
        "model rate": {"mode": "lines", "line": {"color": "#000000", "width": 3, "dash": "dot"}},
        "your curves": UPLOAD_CURVE_LOOKS,
        "your series": {"line": {"color": b.COLOURS[6], "dash": "longdash"}, "marker": {"symbol": "star", "size": 10}},
    },
    "career": SURVIVAL_LOOKS,
}


def build_figure(*, with_turnover: bool, live: bool = False):
    """The figure in its neutral state (the update functions fill in the model)."""
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    key = "career+turnover" if with_turnover else "career"
    F, L = FRAMES[key], LOOKS[key]
    years = list(range(HORIZON + 1))
    if with_turnover:
        fig = make_subplots(rows=2, cols=1, subplot_titles=(
            "Share of an entry cohort still practising, if the leaving rate were constant",
            "Turnover out of employers (leaving a job, not necessarily the profession)"), **F["panels"])
    else:
        fig = go.Figure()
    kw = {"row": 1, "col": 1} if with_turnover else {}
    # The model's three traces are drawn empty: career_update fills them in, in both faces, before a reader sees them.
    fig.add_trace(go.Scatter(x=years, name="Model: your leaving rate", mode="lines",
                             hovertemplate="Model: after %{x} years, %{y:.1f}% still practising<extra></extra>",
                             **L["model"]), **kw)
    fig.add_trace(go.Scatter(x=[T_READ], name="Model read-off", mode="markers",
                             hovertemplate="After %{x} years: %{y:.1f}% still practising<extra></extra>",
                             showlegend=False, **L["read-off"]), **kw)
    for i, p in enumerate(professions()):
        a = 1.0 / p["years"]
        fig.add_trace(go.Scatter(
            x=years, y=_curve(a), mode="lines",
            name=f"{p['label']}: {b.fmt_num(p['years'])} years ({p['note']})",
            hovertemplate=(f"{p['label']} ({b.fmt_num(p['years'])} years, {b.source_short(p['source_id'])}):"
                           " after %{x} years %{y:.1f}%<extra></extra>"),
            **b.nth(L["professions"], i),
        ), **kw)
    if with_turnover:
        child, adult = turnover_series()
        fig.add_trace(go.Scatter(x=child["years"], y=child["values"], mode="lines+markers",
                                 name="Children's social workers: turnover out of their local authority, FTE (DfE)",
                                 customdata=child["labels"],   # each point's own period, as data/ names it
                                 hovertemplate="Children's, %{customdata}: %{y:.1f}% (DfE)<extra></extra>",
                                 **L["children"]),
                      row=2, col=1)
        # a year with no figure in the data is a gap in the line, not a straight line across it
        known = dict(zip(adult["years"], adult["values"], strict=True))
        periods = dict(zip(adult["years"], adult["labels"], strict=True))   # the years to September and 2019-20, 2020-21
        ad_years = list(range(min(known), max(known) + 1))
        fig.add_trace(go.Scatter(x=ad_years, y=[known.get(y) for y in ad_years], mode="lines+markers",
                                 name="Adult social workers in councils: turnover (Skills for Care, as reported)",
                                 connectgaps=False, customdata=[periods.get(y, "") for y in ad_years],
                                 hovertemplate="Adult, %{customdata}: %{y:.1f}% (Skills for Care)<extra></extra>",
                                 **L["adults"]),
                      row=2, col=1)
        x0 = min(child["years"] + adult["years"])
        x1 = max(child["years"] + adult["years"])
        fig.add_trace(go.Scatter(x=[x0, x1], name="Model: your leaving rate a",
                                 hovertemplate="Model leaving rate: %{y:.1f}% a year<extra></extra>",
                                 **L["model rate"]), row=2, col=1)
        if live:
            for k in range(N_UPLOAD_CURVES):
                fig.add_trace(go.Scatter(x=[], y=[], mode="lines", name=f"Your file {k + 1}", visible=False,
                                         **b.nth(L["your curves"], k)),
                              row=1, col=1)
            fig.add_trace(go.Scatter(x=[], y=[], mode="lines+markers", name="Your file: series", visible=False,
                                     **L["your series"]), row=2, col=1)
        fig.update_yaxes(title_text="Still practising (%)", row=1, col=1)
        fig.update_xaxes(title_text="Years since entry", row=1, col=1)
        fig.update_yaxes(title_text="% a year", rangemode="tozero", row=2, col=1)
        fig.update_xaxes(title_text="Year (to 30 September)", row=2, col=1)
    else:
        fig.update_yaxes(title_text="Still practising (%)")
        fig.update_xaxes(title_text="Years since entry")
    fig.update_layout(**b.base_layout(title={"text": "Career length"}, **F["layout"]))
    b.style_axes(fig)
    fig.update_layout(F["axes"])
    return fig


def _summary(a: float, t: float, N: int, n_label: str) -> str:
    """The figure in plain words; the working (1/a, N × a) is in the chapter's "How this is worked out" box."""
    life = m.working_life(a)
    s = m.survival(a, t)
    med = m.median_years(a)
    demand = m.replacement_demand(N, a)
    return (
        f"At a leaving rate of {100 * a:.1f}% a year, a social worker can expect to practise for {life:.1f} years. "
        f"Half of those who start have left after {med:.1f} years, and after {t:g} years "
        f"{100 * s:.1f}% are still practising. To keep a workforce of {N:,} steady "
        f"({n_label}) takes {demand:,.0f} new entrants a year."
    )


def _short_summary(a: float, t: float, N: int) -> str:
    return (f"{100 * a:.1f}% leave a year: about {m.working_life(a):.1f} years of practice; half have left after "
            f"{m.median_years(a):.1f} years; {100 * m.survival(a, t):.1f}% remain after {t:g} years; "
            f"{m.replacement_demand(N, a):,.0f} new entrants a year keep {N:,} steady.")


def career_update(rate: float = RATE0, t: float = T_READ, N: int | None = None, n_label: str | None = None,
                  with_turnover: bool = True, short: bool = False) -> dict:
    """Patch for a leaving rate of ``rate`` % a year (0 < rate ≤ 100), read off at ``t`` years."""
    a = m.check_rate(float(rate) / 100.0, "leaving rate")
    t = m.check_years(t, "years t", high=HORIZON)
    if N is None:
        N, year = default_workforce()
        n_label = n_label or f"children's social workers in post in England, FTE, {year}, DfE"
    N = m.check_workforce(N)
    n_label = n_label or "the number you typed"
    life = m.working_life(a)
    traces = {T_MODEL: {"y": _curve(a)}, T_POINT: {"y": [round(100 * m.survival(a, t), 1)]}}
    if with_turnover:
        traces[T_RATE_LINE] = {"y": [round(100 * a, 1)] * 2}
    if not short:  # the static face keeps its payload small: names and the read-off year stay fixed there
        traces[T_MODEL]["name"] = f"Model: a = {100 * a:.1f}% a year, working life {life:.1f} years"
        traces[T_POINT]["x"] = [t]
        if with_turnover:
            traces[T_RATE_LINE]["name"] = f"Model: your leaving rate a = {100 * a:.1f}%"
    title = f"Leaving rate {100 * a:.1f}% a year → expected working life {life:.1f} years"
    text = _short_summary(a, t, N) if short else _summary(a, t, N, n_label)
    return {"traces": traces, "layout": {"title.text": title}, "summary": text}


def career_reverse_update(life: float = LIFE0, t: float = T_READ, N: int | None = None,
                          n_label: str | None = None, with_turnover: bool = False, short: bool = False) -> dict:
    """The reverse: the leaving rate ``1/L`` that gives an expected working life of ``life`` years."""
    a = m.leaving_rate_for_life(life)
    out = career_update(100 * a, t, N, n_label, with_turnover, short)
    out["layout"]["title.text"] = f"Expected working life {float(life):g} years ← leaving rate {100 * a:.1f}% a year"
    n = N or default_workforce()[0]
    if short:
        out["summary"] = (f"{float(life):g} years of practice means {100 * a:.1f}% leave a year; half have left after "
                          f"{m.median_years(a):.1f} years; {100 * m.survival(a, t):.1f}% remain after {t:g} years; "
                          f"{m.replacement_demand(n, a):,.0f} new entrants a year keep {n:,} steady.")
    else:
        out["summary"] = (f"A working life of {float(life):g} years means a leaving rate of "
                          f"{100 * a:.1f}% a year. " + out["summary"])
    return out


def data_table():
    """The working-life figures and turnover series as a table (a text alternative)."""
    import pandas as pd

    rows = []
    for r in b.table("career_length").itertuples():
        if r.unit == "years":
            rows.append({"Figure": f"{r.measure}: {r.group}", "Value": f"{r.qualifier + ' ' if r.qualifier else ''}{r.value:g} years",
                         "Period": r.period_label, "Source": b.source_short(r.source_id), "Status": r.status})
    child, adult = turnover_series()
    for name, s, src in (("Children's social workers: turnover (FTE)", child, "DfE"),
                         ("Adult social workers in councils: turnover", adult, "Skills for Care (as reported)")):
        for _y, v, lab in zip(s["years"], s["values"], s["labels"], strict=False):
            rows.append({"Figure": name, "Value": f"{v:g}%", "Period": lab, "Source": src, "Status": "verified"})
    return pd.DataFrame(rows)


#: Shown on screen next to the figure, always (the full list is in the assumptions panel).
KEY_ASSUMPTIONS = (
    "<strong>Assumptions:</strong> the same share leaves every year at every stage of a career, counted in whole "
    "years, and nobody returns. The professions' curves only show what a constant rate with their published "
    "working life would imply. <strong>Turnover out of an employer is not leaving the profession</strong>: many "
    "leavers move to another council or to agency work."
)

ASSUMPTIONS = """
<ul>
<li><strong>A constant leaving rate.</strong> The model assumes the same share <em>a</em> of those still practising
leaves every year, whatever their age or length of service, and that nobody returns. Real leaving is higher in the
first years and near retirement.</li>
<li><strong>Whole years.</strong> Time runs in whole years: S(t) = (1 − a)<sup>t</sup>, expected working life
1/a (the mean of a geometric distribution), replacement demand N × a.</li>
<li><strong>The professions' curves are illustrations.</strong> Curtis, Moriarty and Netten (2010) estimated expected
working life (the years a qualification is used) with their own method; the curves show only what a constant rate
with the same mean would imply.</li>
<li><strong>Nurses: 15 or 16 years.</strong> The 2010 abstract gives 15 years for nurses; press reports of the
authors' 2011 paper give 16, and that is the figure quoted to Parliament in 2016. Both are drawn.</li>
<li><strong>Turnover is not leaving the profession.</strong> DfE's turnover rate counts social workers who left a
local authority's children's services in the year. Many move to another authority or to agency work, so turnover
overstates the rate of leaving social work, and 1/turnover understates a working life.</li>
<li><strong>The adult series</strong> comes from Skills for Care statistics, several years of it as reported in
the trade press; years with no figure in the data are left as gaps.</li>
</ul>
"""


class CareerLengthExplorer(b.WorkforceExplorer):
    """Career length: leaving rate ↔ working life, survival curves, replacement demand, turnover."""

    default_id = "career-length"
    css_class = "swl-career-explorer"

    # ------------------------------------------------------------------ static
    def static_html(self) -> str:
        from ..explore import Range, explorer, table_html

        N, year = default_workforce()
        child, adult = turnover_series()
        fig = build_figure(with_turnover=True)
        lo, hi, step = RATE_GRID
        ex1 = explorer(
            fig,
            [Range("rate", RATE_LABEL, lo, hi, step, RATE0, unit="%")],
            lambda rate: career_update(rate, T_READ, short=True),
            alt=("Top panel: survival curves, the share of an entry cohort still practising after 0 to 40 years, "
                 "for a constant leaving rate (the thick black line, set by the slider) and for each profession's "
                 "published working life. Bottom panel: turnover out of employers for children's social workers "
                 f"(DfE, {min(child['years'])}–{max(child['years'])}) and adult social workers in councils, with the model's leaving rate as a dotted line. "
                 "The sentence above the caption gives the model's numbers; the data table below gives every figure."),
            id=f"{self.id}-rate",
            title="Career length: leaving rate to working life",
        )
        fig2 = build_figure(with_turnover=False)
        lo2, hi2, step2 = LIFE_GRID
        ex2 = explorer(
            fig2,
            [Range("life", LIFE_LABEL, lo2, hi2, step2, LIFE0, unit=" years")],
            lambda life: career_reverse_update(life, T_READ, short=True),
            alt=("Survival curves for a constant leaving rate of 1/L (thick black line) and for each profession's "
                 "published working life. The sentence above the caption gives the leaving rate needed."),
            id=f"{self.id}-life",
            title="Career length: working life to leaving rate",
        )
        grid = (f"leaving rate {lo:g}% to {hi:g}% in steps of {step:g}%; working life {lo2} to {hi2} years in steps "
                f"of {step2}; read off at t = {T_READ} years; N = {N:,}, the FTE children's social workers in post in "
                f"England in {year}")
        table = table_html(data_table(), TABLE_CAPTION)
        return "".join([
            f'<div class="swl-workforce" id="swl-workforce-{b.esc(self.id)}">',
            b.live_note(grid),
            f'<p class="swl-notes">{KEY_ASSUMPTIONS}</p>',
            ex1.static_html(),
            '<p class="swl-note">The reverse: choose a working life and see the leaving rate that gives it.</p>',
            ex2.static_html(),
            f"<details><summary>Assumptions of the model (read before using it)</summary>{ASSUMPTIONS}</details>",
            f"<details><summary>Data table: working-life figures and turnover</summary>{table}</details>",
            b.sources_html([p["source_id"] for p in professions()] + ["hc2016socialworkreform"]
                           + child["sources"] + adult["sources"]),
            "</div>",
        ])

    # ------------------------------------------------------------------ live
    def _build_widgets(self) -> dict:
        import ipywidgets as w

        from ..explore import collapsed_panels, table_html

        N0, _ = default_workforce()
        style = {"description_width": "initial"}
        first = career_update(RATE0, T_READ)  # N and its label: the latest DfE figure, as career_update says it
        fw = b.figure_widget(build_figure(with_turnover=True, live=True), first)
        lo, hi, step = RATE_GRID
        rate = w.FloatSlider(value=RATE0, min=lo, max=hi, step=step, description=f"{RATE_LABEL} (%)",
                             style=style, continuous_update=False, readout_format=".1f",
                             layout=w.Layout(width="30em"))
        rate_text = w.Text(value="", description="…or type a leaving rate (%)", placeholder="e.g. 12.5",
                           style=style, continuous_update=False, layout=w.Layout(width="24em"))
        life_text = w.Text(value="", description="…or type a working life L (years)", placeholder="e.g. 8",
                           style=style, continuous_update=False, layout=w.Layout(width="26em"))
        n_text = w.Text(value=f"{N0}", description="Workforce size N", placeholder="e.g. 10000", style=style,
                        continuous_update=False, layout=w.Layout(width="20em"))
        t_slider = w.IntSlider(value=T_READ, min=0, max=HORIZON, step=1, description="Read off after t years",
                               style=style, continuous_update=False, layout=w.Layout(width="28em"))
        upload = w.FileUpload(accept=".csv", multiple=False, description="Upload your CSV",
                              layout=w.Layout(width="14em", min_width="14em"))
        message, summary, upload_msg = w.HTML(), w.HTML(), w.HTML()
        state = {"a": RATE0 / 100, "t": T_READ, "N": None, "n_label": None, "busy": False}

        def redraw():
            patch = career_update(100 * state["a"], state["t"], state["N"], state["n_label"])
            b.apply_patch(fw, patch)
            summary.value = b.summary_html(patch["summary"])

        def fail(exc):
            message.value = b.error_html(f"{exc} The figure still shows the last valid value.")

        def on_rate(change):
            if state["busy"]:
                return
            state["a"] = float(change["new"]) / 100.0
            message.value = ""
            redraw()

        def set_rate(a):
            state["a"] = a
            state["busy"] = True
            try:
                rate.value = min(max(round(100 * a, 1), rate.min), rate.max)
            finally:
                state["busy"] = False
            message.value = ""
            redraw()

        def on_rate_text(change):
            if not str(change["new"]).strip():
                return
            try:
                p = b.parse_number(change["new"], "leaving rate", 0, 100, "%", low_open=True, example="12.5")
            except ValueError as exc:
                return fail(exc)
            set_rate(p / 100.0)

        def on_life_text(change):
            if not str(change["new"]).strip():
                return
            try:
                L = b.parse_number(change["new"], "working life L", 1, m.L_MAX, "years", example="8")
            except ValueError as exc:
                return fail(exc)
            set_rate(m.leaving_rate_for_life(L))

        def on_n(change):
            try:
                n = b.parse_number(change["new"], "workforce size N", 0, m.N_MAX, "", whole=True, example="10,000")
            except ValueError as exc:
                return fail(exc)
            state["N"], state["n_label"] = int(n), "the number you typed"
            message.value = ""
            redraw()

        def on_t(change):
            state["t"] = int(change["new"])
            message.value = ""
            redraw()

        def on_upload(change):
            try:
                content, name = b.upload_content(change["new"])
                df = b.validate_upload(content, "career_length", name)
                curves = df[df["unit"] == "years"]
                series = df[(df["unit"] == "percent") & df["measure"].str.contains("turnover|leav", case=False)]
                if curves.empty and series.empty:
                    raise ValueError(
                        f"{name}: no usable rows. Give rows with unit 'years' (a working life, drawn as a curve) "
                        "or rows with unit 'percent' whose measure names turnover or leaving (drawn as a series).")
                bad = curves[(curves["value"] < 1) | (curves["value"] > m.L_MAX)]
                if not bad.empty:
                    raise ValueError(f"{name}: a working life must be between 1 and {m.L_MAX:g} years; "
                                     f"found {bad['value'].iloc[0]:g}.")
            except ValueError as exc:
                upload_msg.value = b.error_html(f"{exc} Nothing was changed.")
                return
            with fw.batch_update():
                for k in range(N_UPLOAD_CURVES):
                    tr = fw.data[T_UPLOAD0 + k]
                    if k < len(curves):
                        r = curves.iloc[k]
                        src = _upload_source(r, name)
                        tr.y = _curve(1.0 / float(r["value"]))
                        tr.x = list(range(HORIZON + 1))
                        tr.name = f"Your file: {r['group']}, {r['value']:g} years ({src})"
                        tr.visible = True
                    else:
                        tr.visible = False
                s = fw.data[T_UPLOAD_SERIES]
                if not series.empty:
                    first = series[series["measure"] == series["measure"].iloc[0]].sort_values("year")
                    s.x, s.y = first["year"].tolist(), first["value"].tolist()
                    s.name = f"Your file: {first['measure'].iloc[0]} ({first['group'].iloc[0]})"
                    s.visible = True
                else:
                    s.visible = False
            upload_msg.value = b.ok_html(
                f"{name}: drew {min(len(curves), N_UPLOAD_CURVES)} working-life curve(s)"
                f"{' and one turnover series' if not series.empty else ''}."
                + (f" Only the first {N_UPLOAD_CURVES} working lives are drawn." if len(curves) > N_UPLOAD_CURVES else ""))

        rate.observe(on_rate, names="value")
        rate_text.observe(on_rate_text, names="value")
        life_text.observe(on_life_text, names="value")
        n_text.observe(on_n, names="value")
        t_slider.observe(on_t, names="value")
        upload.observe(on_upload, names="value")
        summary.value = b.summary_html(first["summary"])

        acc = collapsed_panels([
            ("Assumptions of the model", ASSUMPTIONS),
            ("Data table", table_html(data_table(), TABLE_CAPTION)),
            ("Sources", b.sources_html([p["source_id"] for p in professions()] + ["hc2016socialworkreform"]
                                  + turnover_series()[0]["sources"] + turnover_series()[1]["sources"])),
        ])
        help_upload = w.HTML(
            '<p class="swl-note">Your own CSV (at most 5 MB, UTF-8) in the shape of the book\'s '
            "<code>career_length</code> table: columns <code>measure, group, geography, period, value, unit, status, "
            "source</code>. Rows with unit <code>years</code> are drawn as working-life curves; rows with unit "
            "<code>percent</code> whose measure names turnover or leaving are drawn in the lower panel. The file stays in this "
            "session.</p>")
        box = w.VBox([
            w.HTML('<p class="swl-note">Move the slider, or type a leaving rate or a working life (the other follows), '
                   "and type N to see the replacement demand.</p>"),
            w.HTML(f'<p class="swl-notes">{KEY_ASSUMPTIONS}</p>'),
            w.HBox([rate, rate_text], layout=w.Layout(flex_flow="row wrap")),
            w.HBox([life_text, n_text, t_slider], layout=w.Layout(flex_flow="row wrap")),
            message, fw, summary,
            w.HBox([upload, help_upload]), upload_msg, acc,
        ])
        box.add_class(self.css_class)
        box.add_class("swl-workforce-explorer")
        return {"controls": {"rate": rate, "rate_text": rate_text, "life_text": life_text, "N": n_text,
                             "t": t_slider, "upload": upload},
                "figure": fw, "message": message, "upload_message": upload_msg, "summary": summary, "box": box}


def _upload_source(row, filename: str) -> str:
    if "source" in row and str(row["source"]).strip():
        return str(row["source"])
    if "source_id" in row and str(row["source_id"]).strip():
        return b.source_short(str(row["source_id"]))
    return filename


def career_length_explorer(id: str | None = None) -> CareerLengthExplorer:
    """Career length explorer: leaving rate ↔ expected working life, survival curves, replacement demand,
    and DfE's children's and the adult social-worker turnover series (turnover is not leaving the profession)."""
    return CareerLengthExplorer(id=id)


def bench_paths():
    """Callables for ``bench_models``: one recompute each, cycling through the static face's slider values."""
    import itertools

    from ..explore import Range

    rates = itertools.cycle(Range("rate", RATE_LABEL, *RATE_GRID).grid())
    lives = itertools.cycle(Range("life", LIFE_LABEL, *LIFE_GRID).grid())
    return {
        "career length: leaving rate → working life": lambda: career_update(next(rates)),
        "career length: working life → leaving rate": lambda: career_reverse_update(next(lives)),
    }

