"""Gender and diversity in leadership: the share of women in the professions and in leadership roles,
an illustrative glass-escalator pipeline, and DfE's ethnicity of children's social workers by role.

Pipeline model (``swleadership.models.pipeline``): level 0 is entry with share ``f0`` of women; at
each of ``k`` promotion steps men are promoted ``r`` times as often as women, so
``f_{i+1} = f_i / (f_i + r (1 - f_i))``. It is an illustration, not an estimate.
"""

from __future__ import annotations

from functools import cache

from .. import models as m
from . import _base as b

GC = "gender_comparators"
SHARE = "share female"

#: Bars of the first figure: (family, label, kind, groups in data/ that make one series).
BARS = [
    ("Social work", "Children's social workers in councils", "Profession", ["children and family social workers (LA)"]),
    ("Social work", "Registered social workers", "Profession",
     ["social workers (GSCC Social Care Register)", "social workers (Social Work England register)"]),
    ("Social work", "Directors of children's services", "Leadership", ["directors of children's services"]),
    ("Nursing", "NHS nurses and health visitors", "Profession",
     ["nurses and health visitors", "nurses and health visitors (NHS)"]),
    ("Nursing", "NHS trust chief nurses", "Leadership", ["NHS trust and ALB chief nurses"]),
    ("Medicine", "Doctors on the GMC register (UK)", "Profession", ["registered doctors (GMC)", "licensed doctors (GMC)"]),
    ("Medicine", "NHS medical directors", "Leadership", ["NHS trust and ALB medical directors", "NHS medical directors"]),
    ("NHS as a whole", "Whole NHS workforce", "Profession", ["whole NHS HCHS workforce", "whole NHS workforce"]),
    ("NHS as a whole", "NHS chief executives", "Leadership",
     ["chief executives (NHS trusts, CCGs, support organisations, central bodies)", "NHS trust and ALB chief executives"]),
    ("Occupational therapy", "Occupational therapists (HCPC register, UK)", "Profession",
     ["occupational therapists (HCPC register)"]),
]

#: Pipeline presets: key -> (label, entry group, entry year, top group, top year)
PRESETS = {
    "social-work": ("Children's social work → directors of children's services",
                    "children and family social workers (LA)", 2022, "directors of children's services", 2022),
    "nursing": ("NHS nursing → trust chief nurses", "nurses and health visitors (NHS)", 2018,
                "NHS trust and ALB chief nurses", 2017),
    "medicine": ("Hospital doctors → NHS medical directors", "doctors working in NHS hospitals", 2018,
                 "NHS medical directors", 2020),
    "nhs": ("NHS workforce → NHS trust chief executives", "whole NHS workforce", 2018,
            "NHS trust and ALB chief executives", 2020),
    "hand": ("Worked example: 80% at entry, no comparison", None, None, None, None),
}
R_GRID = [0.5, 1, 1.5, 2, 2.5, 3]
K_MAX_STATIC = 6

ROLES = ["Case holder", "Qualified without cases", "Senior practitioner", "First line manager", "Middle manager",
         "Senior manager", "All children and family social workers"]
ROLE_LABELS = {"All children and family social workers": "All children's social workers"}
ETHNIC = [("white_pct", "White"), ("mixed_pct", "Mixed or multiple"), ("asian_pct", "Asian or Asian British"),
          ("black_pct", "Black, African, Caribbean or Black British"), ("other_pct", "Other ethnic group")]
PATTERNS = ["", "/", ".", "x", "-"]

# ------------------------------------------------------------------------------------------- controls
#: What each control is called. The static face's native controls and the live widgets use the same words.
LABELS = {
    "which": "Figure to show for each group",
    "preset": "Compare with",
    "f0": "Women at entry f0 (%)", "f0_text": "…or type f0 (%)",
    "r": "Promotion ratio r (men : women)", "r_text": "…or type r",
    "k": "Promotion steps k",
    "year": "Year (at 30 September)", "area": "Area",
    "upload": "Upload your CSV", "eth_upload": "Upload ethnicity CSV",
}
WHICH = [("latest", "Latest figure in the data"), ("earliest", "Earliest figure in the data")]
#: The live face's sliders, (min, max, step). The static face offers R_GRID and k = 1 … K_MAX_STATIC.
LIVE_RANGES = {"f0": (1, 99, 0.5), "r": (0.25, 5, 0.05), "k": (0, m.K_MAX, 1)}
#: An example in each typed box, a value the model accepts.
PLACEHOLDERS = {"f0_text": "e.g. 80", "r_text": "e.g. 1.5"}
#: The live controls' widths: room for the label and a usable slider; a row of controls wraps on a phone.
WIDTHS = {"preset": "36em", "f0": "28em", "f0_text": "18em", "r": "30em", "r_text": "14em", "k": "26em",
          "area": "40em", "upload": "14em", "eth_upload": "16em"}
#: At most this many bars are added from a reader's file, so that the figure stays readable.
UPLOAD_MAX_BARS = 8
UPLOAD_HELP = ('<p class="swl-note">Add your own figures: a CSV (at most 5 MB, UTF-8) in the shape of the '
               "book's <code>gender_comparators</code> table (<code>measure, group, geography, period, value, "
               "unit, status, source</code>), with measure <code>share female</code> and unit "
               f"<code>percent</code>. At most {UPLOAD_MAX_BARS} rows are drawn.</p>")
PIPELINE_HOWTO = ('<p class="swl-note">Choose a comparison, then set the entry share, the promotion ratio and the '
                  "number of steps. The dashed line is the real share of women in the leadership role.</p>")
ETHNICITY_INTRO = ('<p class="swl-note"><strong>Ethnicity by role</strong> (DfE, children\'s social workers in '
                   "councils, 2019–2022): compare case holders with managers, in England, a region or a local "
                   "authority.</p>")


# --------------------------------------------------------------------------------------------- data

def _share_rows(groups):
    df = b.table(GC)
    r = df[(df["measure"] == SHARE) & df["group"].isin(groups) & df["preferred"].astype(bool)]
    return r.sort_values(["year", "period"])


@cache
def bar_values(which: str = "latest"):
    """For each bar: the earliest or latest share of women in data/ (value, label text, source)."""
    out = []
    for family, label, kind, groups in BARS:
        r = _share_rows(groups)
        if r.empty:
            out.append({"family": family, "label": label, "kind": kind, "value": None, "text": "no figure"})
            continue
        row = r.iloc[-1] if which == "latest" else r.iloc[0]
        q = f"{row['qualifier']} " if row["qualifier"] else ""
        flag = {"unverified": " unverified", "derived": " derived"}.get(row["status"], "")
        out.append({"family": family, "label": label, "kind": kind, "value": float(row["value"]),
                    "text": f"{q}{row['value']:g}% ({int(row['year'])}{flag})", "year": int(row["year"]),
                    "source_id": row["source_id"], "status": row["status"]})
    return tuple(out)


@cache
def preset_values(key: str):
    """(f0, target share or None, label, entry text, top text, source ids) for a pipeline preset."""
    label, g0, y0, g1, y1 = PRESETS[key]
    if g0 is None:
        return 0.8, None, label, "80% at entry (a worked example)", "", []
    r0 = _share_rows([g0])
    r0 = r0[r0["year"] == y0].iloc[0]
    r1 = _share_rows([g1])
    r1 = r1[r1["year"] == y1].iloc[0]
    entry = f"{r0['value']:g}% of {g0} ({r0['period_label']}, {b.source_short(r0['source_id'])})"
    top = f"{r1['value']:g}% of {g1} ({r1['period_label']}, {b.source_short(r1['source_id'])})"
    return float(r0["value"]) / 100, float(r1["value"]) / 100, label, entry, top, [r0["source_id"], r1["source_id"]]


# --------------------------------------------------------------------------------------------- look

#: Each figure's frame and its traces' looks, by role (the convention: explorers/_base.py, above nth).
FRAMES = {
    "shares": {
        "layout": {"height": 600, "bargap": 0.3, "margin": {"l": 10, "r": 30, "t": 60, "b": 120},
                   "legend": {"y": -0.14}},
        "axes": {"xaxis": {"range": [0, 125], "tickvals": [0, 20, 40, 60, 80, 100]}},
    },
    "pipeline": {
        "layout": {"height": 500, "margin": {"l": 60, "r": 20, "t": 70, "b": 130}, "legend": {"y": -0.22}},
        "axes": {"xaxis": {"dtick": 1}, "yaxis": {"range": [0, 105]}},
        # the level axis runs from level 0 to level k_max, each end widened by its own pad
        "level_pads": [-0.3, 0.6],
    },
    "ethnicity": {
        "layout": {"height": 540, "margin": {"l": 10, "r": 20, "t": 60, "b": 150}, "legend": {"y": -0.2}},
        "axes": {"xaxis": {"range": [0, 100.5]}},
    },
}
LOOKS = {
    "shares": {
        "profession": {"marker": {"color": b.COLOURS[0], "pattern": b.pattern("")}},
        "leadership": {"marker": {"color": b.COLOURS[1], "pattern": b.pattern("/")}},
        "your file": {"marker": {"color": b.COLOURS[6], "pattern": b.pattern("x")}},
    },
    "pipeline": {
        "model": {"line": {"color": "#000000", "width": 3}, "marker": {"size": 10, "symbol": "circle"},
                  "textfont": {"size": 12}, "textposition": "top right"},
        "real share": {"line": {"color": b.COLOURS[1], "dash": "dash", "width": 3}},
        "parity": {"line": {"color": "#666666", "dash": "dot", "width": 1}},
    },
    "ethnicity": {
        # one look per group of ETHNIC, in turn: its own colour and its own fill pattern
        "groups": [{"marker": {"color": b.COLOURS[c], "pattern": b.pattern(shape)}}
                   for c, shape in zip([0, 4, 2, 1, 8], PATTERNS, strict=True)],
    },
}


# --------------------------------------------------------------------------------------------- figure 1: shares

def _y_labels():
    return [f"{label} ({family})" for family, label, _, _ in BARS]


def shares_figure():
    import plotly.graph_objects as go

    F, L = FRAMES["shares"], LOOKS["shares"]
    fig = go.Figure()
    y = _y_labels()
    # The bars' values and labels come from shares_update's patch, which both faces apply before showing it.
    for role, name in (("profession", "Whole profession or workforce"), ("leadership", "Leadership role")):
        fig.add_trace(go.Bar(orientation="h", y=y, textposition="outside", name=name,
                             hovertemplate="%{y}: %{text}<extra></extra>", cliponaxis=False, **L[role]))
    fig.add_trace(go.Bar(orientation="h", y=y, x=[None] * len(y), name="Your file", visible=False,
                         textposition="outside", **L["your file"]))
    fig.update_layout(**b.base_layout(title={"text": "Share of women: professions and leadership roles"},
                                      barmode="overlay", **F["layout"]))
    b.style_axes(fig)
    fig.update_xaxes(title_text="Women (%)")
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_layout(F["axes"])
    return fig


def shares_update(which: str = "latest") -> dict:
    if which not in ("latest", "earliest"):
        raise ValueError(f"which must be 'latest' or 'earliest'; got {which!r}")
    vals = bar_values(which)
    traces = {}
    for i, kind in enumerate(("Profession", "Leadership")):
        traces[i] = {"x": [v["value"] if v["kind"] == kind else None for v in vals],
                     "text": [v["text"] if v["kind"] == kind else "" for v in vals]}
    dcs = next(v for v in vals if v["label"].startswith("Directors"))
    csw = next(v for v in vals if v["label"].startswith("Children's social"))
    summary = (f"Showing the {which} figure in the data for each group (the year is in each label). "
               f"Women are {csw['text']} of children's social workers in councils but {dcs['text']} of directors "
               "of children's services. Occupational therapy has no leadership figure in the data.")
    return {"traces": traces, "layout": {"title.text": f"Share of women: professions and leadership roles ({which} figures)"},
            "summary": summary}


def shares_table():
    import pandas as pd

    df = b.table(GC)
    groups = [g for *_, gs in BARS for g in gs]
    r = df[(df["measure"] == SHARE) & df["group"].isin(groups)].sort_values(["group", "year"])
    return pd.DataFrame({
        "Group": r["group"], "Share of women (%)": [f"{q + ' ' if q else ''}{v:g}" for q, v in zip(r["qualifier"], r["value"], strict=False)],
        "Period": r["period_label"], "Geography": r["geography"], "Status": r["status"],
        "Used in the chart": ["yes" if p else "no (another source preferred)" for p in r["preferred"]],
        "Source": [b.source_short(s) for s in r["source_id"]]})


# --------------------------------------------------------------------------------------------- figure 2: pipeline

def pipeline_figure(k_max: int = K_MAX_STATIC, live: bool = False):
    import plotly.graph_objects as go

    F, L = FRAMES["pipeline"], LOOKS["pipeline"]
    fig = go.Figure()
    # The line's points (and the real share) come from pipeline_update's patch, which both faces apply before
    # showing the figure. Point labels only in the live face, where every update rewrites them; the static face
    # keeps its payload small and gives the numbers in the title, the hover text and the summary.
    fig.add_trace(go.Scatter(x=[], y=[], mode="lines+markers+text" if live else "lines+markers",
                             name="Model: share of women at each level",
                             hovertemplate="Level %{x}: %{y:.1f}% women<extra></extra>", **L["model"]))
    fig.add_trace(go.Scatter(x=[0, k_max], mode="lines", name="Real share in the leadership role",
                             hovertemplate="Real leadership share: %{y:.1f}%<extra></extra>", **L["real share"]))
    fig.add_trace(go.Scatter(x=[0, k_max], y=[50, 50], mode="lines", name="Parity (50%)", hoverinfo="skip",
                             **L["parity"]))
    fig.update_layout(**b.base_layout(title={"text": "Pipeline model (illustrative)"}, **F["layout"]))
    fig.update_xaxes(title_text="Level (0 = entry; each step is one promotion)",
                     range=[F["level_pads"][0], k_max + F["level_pads"][1]])
    fig.update_yaxes(title_text="Women at this level (%)")
    b.style_axes(fig)
    fig.update_layout(F["axes"])
    return fig


def pipeline_update(preset: str = "social-work", r: float = 2, k: int = 3, f0: float | None = None,
                    short: bool = False) -> dict:
    """Patch for the pipeline: entry share from the preset (or ``f0`` if given), ratio ``r``, ``k`` steps."""
    p0, target, label, entry, top, _ = preset_values(preset)
    f0 = p0 if f0 is None else f0
    r, k = m.check_ratio(r), m.check_steps(k)
    f = m.pipeline(f0, r, k)
    xs = list(range(k + 1))
    traces = {0: {"x": xs, "y": [round(100 * v, 1) for v in f]},
              1: {"y": [None, None] if target is None else [round(100 * target, 1)] * 2}}
    title = f"Pipeline (illustrative): f0 = {100 * f0:.0f}%, r = {r:g}, k = {k} → {100 * f[-1]:.1f}% women at the top"
    need = None
    if target is not None and k >= 1 and abs(target - f0) > 1e-9:
        need = m.implied_ratio(f0, target, k)
    if short:  # the static face: the title carries f0, r, k and the result
        s = f"Model: {100 * f[-1]:.1f}% women after {k} step{'s' if k != 1 else ''}."
        if target is not None:
            s += f" Real figure: {100 * target:g}%" + (f"; reaching it in {k} step{'s' if k != 1 else ''} needs r ≈ {need:.2f}." if need else ".")
    else:
        traces[0]["text"] = [f"{100 * v:.0f}%" for v in f]
        s = (f"Entry share f0 = {100 * f0:.1f}%; men promoted r = {r:g} times as often as women; after k = {k} "
             f"step{'s' if k != 1 else ''} the model gives {100 * f[-1]:.1f}% women.")
        if target is not None:
            s += f" The real figure is {100 * target:g}%"
            s += f": in {k} step{'s' if k != 1 else ''} that needs r ≈ {need:.2f}." if need else "."
            s += f" Entry: {entry}. Leadership: {top}."
    return {"traces": traces, "layout": {"title.text": title}, "summary": s}


# --------------------------------------------------------------------------------------------- figure 3: ethnicity

def eth_table():
    return b.table("children_workforce_ethnicity")


@cache
def eth_index() -> dict:
    """{(year, area_code): {role: row dict}} for fast look-ups."""
    idx: dict = {}
    for rec in eth_table().to_dict("records"):
        idx.setdefault((int(rec["time_period"]), rec["area_code"]), {})[rec["role"]] = rec
    return idx


@cache
def eth_areas(include_las: bool = False) -> tuple[tuple[str, str], ...]:
    """(area_code, label) for England, the regions (and local authorities), in a sensible order."""
    df = eth_table()
    out = [("E92000001", "England")]
    reg = df[df["geographic_level"] == "Regional"].drop_duplicates("area_code").sort_values("area_name")
    out += [(c, f"Region: {n}") for c, n in zip(reg["area_code"], reg["area_name"], strict=False)]
    if include_las:
        la = df[df["geographic_level"] == "Local authority"].drop_duplicates("area_code").sort_values("area_name")
        for c, n, rn in zip(la["area_code"], la["area_name"], la["region_name"], strict=False):
            out.append((c, f"{n} ({rn})"))
    return tuple(out)


def eth_years() -> list[int]:
    return sorted(int(y) for y in eth_table()["time_period"].unique())


def ethnicity_figure():
    import plotly.graph_objects as go

    F, L = FRAMES["ethnicity"], LOOKS["ethnicity"]
    fig = go.Figure()
    y = [ROLE_LABELS.get(r, r) for r in ROLES]
    # The bars' values come from ethnicity_update's patch, which both faces apply before showing the figure.
    for i, (_col, label) in enumerate(ETHNIC):
        fig.add_trace(go.Bar(orientation="h", y=y, name=label,
                             hovertemplate=f"{label}: " + "%{x:.1f}% of %{y}<extra></extra>",
                             **b.nth(L["groups"], i)))
    fig.update_layout(**b.base_layout(title={"text": "Ethnicity by role"}, barmode="stack", **F["layout"]))
    fig.update_xaxes(title_text="Share of social workers with known ethnicity (%)")
    fig.update_yaxes(autorange="reversed")
    b.style_axes(fig)
    fig.update_layout(F["axes"])
    return fig


def eth_index_of(df) -> dict:
    """{(year, area_code): {role: row dict}} of an uploaded ethnicity table (``validate_upload``), keys prefixed
    ``upload:`` so they never collide with the book's own areas."""
    idx: dict = {}
    for rec in df.to_dict("records"):
        idx.setdefault((int(rec["time_period"]), "upload:" + str(rec["area_code"])), {})[rec["role"]] = rec
    return idx


def ethnicity_update(year: int = 2022, area: str = "E92000001", index: dict | None = None) -> dict:
    by_role = (index if index is not None else eth_index()).get((int(year), area))
    if not by_role:
        years = sorted({y for y, a in (index or {}) if a == area}) if index is not None else eth_years()
        raise ValueError(f"No ethnicity data for area {area!r} in {year}; the file covers "
                         + (f"{years[0]}–{years[-1]}." if years else "no year for it."))
    name = next(iter(by_role.values()))["area_name"]
    traces, suppressed = {}, []
    for i, (col, _) in enumerate(ETHNIC):
        xs = []
        for r in ROLES:
            row = by_role.get(r)
            xs.append(None if row is None or row["shares_suppression"] else round(float(row[col]), 1))
        traces[i] = {"x": xs}
    codes = b.suppression_codes()
    for r in ROLES:
        row = by_role.get(r)
        if row is None:
            suppressed.append(f"{ROLE_LABELS.get(r, r)}: no row")
        elif row["shares_suppression"]:
            c = row["shares_suppression"]
            suppressed.append(f"{ROLE_LABELS.get(r, r)}: suppressed ('{c}', {codes.get(c, c)})")

    def share(role, col):
        row = by_role.get(role)
        if row is None or row["shares_suppression"]:
            return None
        return float(row[col])

    parts = [f"{name}, {year} (people whose ethnicity is known)."]
    ch_b, sm_b = share("Case holder", "black_pct"), share("Senior manager", "black_pct")
    ch_w, sm_w = share("Case holder", "white_pct"), share("Senior manager", "white_pct")
    if None not in (ch_b, sm_b, ch_w, sm_w):
        parts.append(f"Black social workers: {ch_b:g}% of case holders, {sm_b:g}% of senior managers. "
                     f"White: {ch_w:g}% of case holders, {sm_w:g}% of senior managers.")
    if suppressed:
        parts.append("Not shown: " + "; ".join(suppressed) + ".")
    marks = [{"x": 0, "xref": "x", "y": ROLE_LABELS.get(r, r), "yref": "y", "xanchor": "left", "showarrow": False,
              "text": ("no row" if by_role.get(r) is None else f"suppressed ('{by_role[r]['shares_suppression']}')"),
              "font": {"size": 12, "color": "#333333"}}
             for r in ROLES if by_role.get(r) is None or by_role[r]["shares_suppression"]]
    return {"traces": traces, "layout": {"title.text": f"Ethnicity by role: {name}, {year}", "annotations": marks},
            "summary": " ".join(parts)}


def ethnicity_table(area: str = "E92000001"):
    """Every year's shares by role for one area (England by default), as the static face's data table."""
    import pandas as pd

    df = eth_table()
    sub = df[(df["area_code"] == area)].sort_values(["time_period", "role"])
    rows = []
    for r in sub.itertuples():
        rec = {"Year": r.time_period, "Role": ROLE_LABELS.get(r.role, r.role),
               "Known headcount": "" if r.known_headcount_suppression else f"{int(r.known_headcount):,}"}
        for col, label in ETHNIC:
            v = getattr(r, col)
            rec[label + " (%)"] = r.shares_suppression or f"{v:g}"
        rows.append(rec)
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------------- notes

PIPELINE_NOTE = (
    "<strong>The pipeline model is an illustration, not an estimate.</strong> Level 0 is entry with a share f0 of "
    "women; at each of k promotion steps men are promoted r times as often as women, so "
    "f<sub>i+1</sub> = f<sub>i</sub> / (f<sub>i</sub> + r(1 − f<sub>i</sub>)). It leaves out who applies, who "
    "leaves, part-time work and recruitment from outside."
)

ASSUMPTIONS = """
<ul>
<li><strong>The pipeline is an illustration, not an estimate.</strong> It asks one question: if everything else
were equal and men were promoted <em>r</em> times as often as women at each step, how fast would women's share
fall? It does not model who applies, leaves, works part time or is recruited from outside, and the number of
"steps" between a social worker and a director is not fixed. Williams (1992) described the glass escalator from
interviews; the model only gives the idea a shape.</li>
<li><strong>Formula.</strong> f<sub>i+1</sub> = f<sub>i</sub> / (f<sub>i</sub> + r(1 − f<sub>i</sub>)). With
r = 1 nothing changes; with f0 = 80% and r = 2 the shares are 80%, 66.7%, 50%.</li>
<li><strong>The comparisons mix sources and years.</strong> Each preset pairs a workforce figure with a leadership
figure from a different source and often a different year; both are named on screen.</li>
<li><strong>Different registers.</strong> "Registered social workers" joins the GSCC register (to 2012) and the
Social Work England register; "Doctors on the GMC register" joins registered (2011, 2015) and licensed (2025)
doctors. Read the labels before reading a trend.</li>
<li><strong>Ethnicity</strong> shares are of children's social workers whose ethnicity is known (DfE, headcount,
2019–2022). In small areas DfE suppresses figures; they are left out and listed, never shown as zero.</li>
</ul>
"""


#: Text alternatives of the three figures, the same in both faces.
SHARES_ALT = (
    "Horizontal bar chart of the percentage of women in each group: children's social workers, "
    "registered social workers, directors of children's services, NHS nurses, chief nurses, "
    "doctors, medical directors, the NHS workforce, NHS chief executives and occupational "
    "therapists. Leadership bars are hatched. Each bar is labelled with its value and year; "
    "the data table below lists every figure with its source."
)
PIPELINE_ALT = (
    "Line chart of the share of women at each level of an illustrative promotion pipeline, from entry "
    "(level 0) to level k, with the real share of women in the chosen leadership role as a dashed line "
    "and parity (50%) as a dotted line. The sentence above the caption gives the numbers."
)
ETHNICITY_ALT = (
    "Stacked horizontal bars, one per role from case holder to senior manager, split into the percentage "
    "of each broad ethnic group among children's social workers whose ethnicity is known. The sentence "
    "above the caption compares case holders with senior managers; the table gives England's figures."
)
SHARES_CAPTION = "Share of women by group, every figure in the data"
ETHNICITY_CAPTION = "Ethnicity by role, England, 2019–2022 (DfE; % of known)"


class GenderExplorer(b.WorkforceExplorer):
    """Gender and diversity in leadership: shares of women, the pipeline model, ethnicity by role."""

    default_id = "gender"
    css_class = "swl-gender-explorer"

    def __init__(self, id: str | None = None, parts=("shares", "pipeline", "ethnicity")):
        super().__init__(id)
        unknown = set(parts) - {"shares", "pipeline", "ethnicity"}
        if unknown:
            raise ValueError(f"gender_explorer(parts=...): unknown parts {sorted(unknown)}")
        self.parts = tuple(parts)

    def _sources(self):
        ids = [v.get("source_id") for v in bar_values("latest") + bar_values("earliest")]
        for k in PRESETS:
            ids += preset_values(k)[5]
        return ids

    # ------------------------------------------------------------------ static
    def static_html(self) -> str:
        from ..explore import Radio, Range, Select, explorer

        out = [f'<div class="swl-workforce" id="swl-workforce-{b.esc(self.id)}">',
               b.live_note(f"pipeline: r from {R_GRID[0]:g} to {R_GRID[-1]:g} in steps of {R_GRID[1] - R_GRID[0]:g}, k from 1 to "
                           f"{K_MAX_STATIC}; ethnicity: England and the regions")]
        if "shares" in self.parts:
            ex = explorer(shares_figure(), [Radio("which", LABELS["which"], WHICH)],
                          shares_update,
                          alt=SHARES_ALT,
                          table=shares_table(), table_caption=SHARES_CAPTION,
                          id=f"{self.id}-shares")
            out.append(ex.static_html())
        if "pipeline" in self.parts:
            ex = explorer(pipeline_figure(), [
                Select("preset", LABELS["preset"], [(k, v[0]) for k, v in PRESETS.items()]),
                Range("r", LABELS["r"], R_GRID[0], R_GRID[-1], R_GRID[1] - R_GRID[0], 2),
                Range("k", LABELS["k"], 1, K_MAX_STATIC, 1, 3)],
                lambda preset, r, k: pipeline_update(preset, r, k, short=True),
                alt=PIPELINE_ALT,
                id=f"{self.id}-pipeline")
            presets = "".join(f"<li>{b.esc(v[0])}: {b.esc(preset_values(k)[3])} → {b.esc(preset_values(k)[4])}</li>"
                              for k, v in PRESETS.items() if preset_values(k)[1] is not None)
            out.append(f'<p class="swl-notes">{PIPELINE_NOTE}</p>')
            out.append(ex.static_html())
            out.append(f'<div class="swl-notes"><p>The comparisons, from data/:</p><ul>{presets}</ul></div>')
        if "ethnicity" in self.parts:
            ex = explorer(ethnicity_figure(), [
                Select("year", LABELS["year"], eth_years(), value=max(eth_years())),
                Select("area", LABELS["area"], eth_areas())],
                ethnicity_update,
                alt=ETHNICITY_ALT,
                table=ethnicity_table(), table_caption=ETHNICITY_CAPTION,
                id=f"{self.id}-ethnicity")
            out.append(ex.static_html())
        out.append(f"<details><summary>Assumptions and cautions</summary>{ASSUMPTIONS}</details>")
        out.append(b.sources_html(self._sources() + ["dfe2023cswwethnicity"]))
        out.append("</div>")
        return "".join(out)

    # ------------------------------------------------------------------ live
    def _build_widgets(self) -> dict:
        import ipywidgets as w

        from ..explore import collapsed_panels, table_html

        style = {"description_width": "initial"}
        controls, figures, parts = {}, {}, []

        def alt_html(text):  # the text alternative under each figure, as the static face's caption
            return w.HTML(f'<p class="swl-alt">{b.esc(text)}</p>')
        message, upload_msg = w.HTML(), w.HTML()

        def fail(exc):
            message.value = b.error_html(f"{exc} The figure still shows the last valid values.")

        if "shares" in self.parts:
            first1 = shares_update("latest")
            fw1 = b.figure_widget(shares_figure(), first1)
            which = w.RadioButtons(options=[(lab, v) for v, lab in WHICH], value="latest",
                                   description=LABELS["which"], style=style)
            upload = w.FileUpload(accept=".csv", multiple=False, description=LABELS["upload"],
                                  layout=w.Layout(width=WIDTHS["upload"], min_width=WIDTHS["upload"]))
            s1 = w.HTML()

            def on_which(change):
                patch = shares_update(change["new"])
                b.apply_patch(fw1, patch)
                s1.value = b.summary_html(patch["summary"])

            def on_upload(change):
                try:
                    content, name = b.upload_content(change["new"])
                    df = b.validate_upload(content, GC, name)
                    use = df[(df["unit"] == "percent") & df["measure"].str.contains("female|women", case=False)]
                    if use.empty:
                        raise ValueError(f"{name}: no usable rows. Give rows with unit 'percent' and a measure such as "
                                         "'share female'.")
                except ValueError as exc:
                    upload_msg.value = b.error_html(f"{exc} Nothing was changed.")
                    return
                use = use.head(UPLOAD_MAX_BARS)
                labels = [f"Your file: {g} ({p})" for g, p in zip(use["group"], use["period_label"], strict=False)]
                with fw1.batch_update():
                    ys = list(_y_labels()) + labels
                    for tr in fw1.data[:2]:
                        tr.y = ys
                        tr.x = list(tr.x[:len(_y_labels())]) + [None] * len(labels)
                        tr.text = list(tr.text[:len(_y_labels())]) + [""] * len(labels)
                    up = fw1.data[2]
                    up.y = ys
                    up.x = [None] * len(_y_labels()) + use["value"].tolist()
                    up.text = [""] * len(_y_labels()) + [f"{v:g}%" for v in use["value"]]
                    up.visible = True
                    fw1.layout.height = 560 + 40 * len(labels)
                upload_msg.value = b.ok_html(f"{name}: added {len(labels)} bar(s) (at most {UPLOAD_MAX_BARS}).")

            which.observe(on_which, names="value")
            upload.observe(on_upload, names="value")
            s1.value = b.summary_html(first1["summary"])
            controls.update(which=which, upload=upload)
            figures["shares"] = fw1
            parts += [which, fw1, s1, alt_html(SHARES_ALT), w.HBox([upload, w.HTML(UPLOAD_HELP)]), upload_msg]

        if "pipeline" in self.parts:
            f0_first = preset_values("social-work")[0]  # the preset's entry share in data/
            first2 = pipeline_update("social-work", 2.0, 3)
            fw2 = b.figure_widget(pipeline_figure(k_max=m.K_MAX, live=True), first2)
            def control(cls, key, **kw):  # a live control, labelled and sized from the tables above
                return cls(description=LABELS[key], style=style, layout=w.Layout(width=WIDTHS[key]), **kw)

            def slider(cls, key, value):
                lo, hi, step = LIVE_RANGES[key]
                return control(cls, key, value=value, min=lo, max=hi, step=step, continuous_update=False)

            def typed(key):
                return control(w.Text, key, value="", placeholder=PLACEHOLDERS[key], continuous_update=False)

            preset = control(w.Dropdown, "preset", options=[(v[0], k) for k, v in PRESETS.items()], value="social-work")
            f0 = slider(w.FloatSlider, "f0", round(100 * f0_first, 1))
            f0_text = typed("f0_text")
            r = slider(w.FloatSlider, "r", 2)
            r_text = typed("r_text")
            k = slider(w.IntSlider, "k", 3)
            s2 = w.HTML()
            st = {"f0": f0_first, "r": 2.0, "busy": False}

            def redraw(*_):
                try:
                    patch = pipeline_update(preset.value, st["r"], k.value, f0=st["f0"])
                except ValueError as exc:
                    return fail(exc)
                message.value = ""
                b.apply_patch(fw2, patch)
                s2.value = b.summary_html(patch["summary"])

            def quiet(widget, value):
                st["busy"] = True
                try:
                    widget.value = min(max(value, widget.min), widget.max)
                finally:
                    st["busy"] = False

            def on_preset(change):
                st["f0"] = preset_values(change["new"])[0]
                quiet(f0, round(100 * st["f0"], 1))
                redraw()

            def on_f0(change):
                if not st["busy"]:
                    st["f0"] = float(change["new"]) / 100
                    redraw()

            def on_f0_text(change):
                if not str(change["new"]).strip():
                    return
                try:
                    v = b.parse_number(change["new"], "women at entry f0", 0, 100, "%", low_open=True, example="80")
                    m.check_share(v / 100)
                except ValueError as exc:
                    return fail(exc)
                st["f0"] = v / 100
                quiet(f0, round(v, 1))
                redraw()

            def on_r(change):
                if not st["busy"]:
                    st["r"] = float(change["new"])
                    redraw()

            def on_r_text(change):
                if not str(change["new"]).strip():
                    return
                try:
                    v = b.parse_number(change["new"], "promotion ratio r", 0, m.R_MAX, "", low_open=True, example="1.5")
                except ValueError as exc:
                    return fail(exc)
                st["r"] = v
                quiet(r, v)
                redraw()

            preset.observe(on_preset, names="value")
            f0.observe(on_f0, names="value")
            f0_text.observe(on_f0_text, names="value")
            r.observe(on_r, names="value")
            r_text.observe(on_r_text, names="value")
            k.observe(redraw, names="value")
            s2.value = b.summary_html(first2["summary"])
            controls.update(preset=preset, f0=f0, f0_text=f0_text, r=r, r_text=r_text, k=k)
            figures["pipeline"] = fw2
            parts += [w.HTML(f'<p class="swl-notes">{PIPELINE_NOTE}</p>'), w.HTML(PIPELINE_HOWTO),
                      preset, w.HBox([f0, f0_text], layout=w.Layout(flex_flow="row wrap")),
                      w.HBox([r, r_text, k], layout=w.Layout(flex_flow="row wrap")), fw2, s2, alt_html(PIPELINE_ALT)]

        if "ethnicity" in self.parts:
            first3 = ethnicity_update(max(eth_years()), "E92000001")
            fw3 = b.figure_widget(ethnicity_figure(), first3)
            year = w.Dropdown(options=eth_years(), value=max(eth_years()), description=LABELS["year"], style=style)
            area = w.Dropdown(options=[(lab, c) for c, lab in eth_areas(include_las=True)], value="E92000001",
                              description=LABELS["area"], style=style, layout=w.Layout(width=WIDTHS["area"]))
            s3, notes3 = w.HTML(), w.HTML()

            uploaded_eth: dict = {}
            quiet_eth = {"on": False}  # while the upload swaps the lists, draw once at the end

            def on_eth(*_):
                if quiet_eth["on"]:
                    return
                try:
                    up = area.value.startswith("upload:")
                    patch = ethnicity_update(year.value, area.value, uploaded_eth if up else None)
                except ValueError as exc:
                    return fail(exc)
                message.value = ""
                b.apply_patch(fw3, patch)
                s3.value = b.summary_html(patch["summary"])
                from .. import data

                notes = [] if up else data.notes_for_area(area.value)
                notes3.value = ("<ul class=\"swl-notes\">" + "".join(f"<li>{b.esc(n)}</li>" for n in notes) + "</ul>"
                                if notes else "")

            upload3 = w.FileUpload(accept=".csv", multiple=False, description=LABELS["eth_upload"],
                                   layout=w.Layout(width=WIDTHS["eth_upload"], min_width=WIDTHS["eth_upload"]))
            upload3_msg = w.HTML()

            def on_eth_upload(change):
                try:
                    content, name = b.upload_content(change["new"])
                    df = b.validate_upload(content, "children_workforce_ethnicity", name)
                except ValueError as exc:
                    upload3_msg.value = b.error_html(f"{exc} Nothing was changed.")
                    return
                uploaded_eth.clear()
                uploaded_eth.update(eth_index_of(df))
                areas = sorted({(a, uploaded_eth[(y, a)][next(iter(uploaded_eth[(y, a)]))]["area_name"])
                                for y, a in uploaded_eth})
                own = [(lab, c) for c, lab in eth_areas(include_las=True)]
                mine = [(f"Your file: {n}", c) for c, n in areas]
                years = sorted(set(eth_years()) | {y for y, _ in uploaded_eth})
                quiet_eth["on"] = True
                try:
                    area.options = mine + own
                    year.options = years
                    year.value = max(y for y, a in uploaded_eth if a == mine[0][1])
                    area.value = mine[0][1]
                finally:
                    quiet_eth["on"] = False
                on_eth()
                upload3_msg.value = b.ok_html(
                    (df.attrs.get("notice", "") + " ").lstrip()
                    + f"{name}: {len(areas)} area(s) added to the area list as \"Your file: …\"; showing {mine[0][0][11:]}.")

            upload3.observe(on_eth_upload, names="value")
            year.observe(on_eth, names="value")
            area.observe(on_eth, names="value")
            s3.value = b.summary_html(first3["summary"])
            controls.update(year=year, area=area, eth_upload=upload3)
            figures["ethnicity"] = fw3
            parts += [w.HTML(ETHNICITY_INTRO),
                      w.HBox([year, area], layout=w.Layout(flex_flow="row wrap")), notes3, fw3, s3,
                      alt_html(ETHNICITY_ALT),
                      w.HBox([upload3, w.HTML(eth_upload_help_html())]), upload3_msg]

        panels = [("Assumptions and cautions", ASSUMPTIONS), ("Data table", table_html(shares_table(), SHARES_CAPTION))]
        if "ethnicity" in self.parts:
            panels.append(("Ethnicity table", table_html(ethnicity_table(), ETHNICITY_CAPTION)))
        acc = collapsed_panels(panels + [("Sources", b.sources_html(self._sources() + ["dfe2023cswwethnicity"]))])
        box = w.VBox([message] + parts + [acc])
        box.add_class(self.css_class)
        box.add_class("swl-workforce-explorer")
        return {"controls": controls, "figures": figures, "figure": next(iter(figures.values())),
                "message": message, "upload_message": upload_msg,
                "eth_upload_message": upload3_msg if "ethnicity" in self.parts else None,
                "eth_notes": notes3 if "ethnicity" in self.parts else None, "box": box}


def eth_upload_help_html() -> str:
    """What the ethnicity upload takes, with the template to download (a data: link: nothing is fetched)."""
    import base64

    from ..data import template_path

    tpl = template_path("children_workforce_ethnicity")
    href = "data:text/csv;base64," + base64.b64encode(tpl.read_bytes()).decode("ascii")
    return ('<p class="swl-note">Your own council\'s figures: DfE\'s '
            "<code>csww_workforce_role_by_ethnicity_*.csv</code> as you downloaded it (whole, or only your council's "
            "rows), or a CSV in the shape of the book's template. "
            f'<a download="{tpl.name}" href="{href}">Download the template CSV</a>.</p>')


def gender_explorer(id: str | None = None, parts=("shares", "pipeline", "ethnicity")) -> GenderExplorer:
    """Gender and diversity in leadership: the share of women in the professions and in leadership roles, an
    illustrative glass-escalator pipeline (f0, r, k) set against real leadership shares, and DfE's ethnicity of
    children's social workers by role. ``parts`` chooses which of the three to show."""
    return GenderExplorer(id=id, parts=parts)


def bench_paths():
    import itertools

    combos = itertools.cycle([(p, r, k) for p in PRESETS for r in R_GRID for k in range(1, K_MAX_STATIC + 1)])
    eth = itertools.cycle([(y, a) for y in eth_years() for a, _ in eth_areas()])
    which = itertools.cycle(["latest", "earliest"])
    return {
        "gender: pipeline": lambda: pipeline_update(*next(combos)),
        "gender: shares of women": lambda: shares_update(next(which)),
        "gender: ethnicity by role": lambda: ethnicity_update(*next(eth)),
    }
