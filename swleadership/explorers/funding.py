"""Funding and demand: the NAO's 2018 figures on local government funding and social care spending, set
beside the workforce series that overlap those years (the adult series from 2011; the children's from 2017).

No model here: the explorer lines up published figures on one time axis, with the NAO period shaded.
"""

from __future__ import annotations

from functools import cache

from .. import data
from . import _base as b

CF = "context_funding"
ADULT_GROUP = "social workers employed by local authority adult social services departments"
JOBS_GROUP = "social worker jobs in adult social services departments"

#: Bars of the first panel: (label, measure, source_id, sign, kind)
CHANGES = [
    ("Government funding to councils*",
     "real-terms reduction in central government funding to local authorities", "lga2018naobriefing", -1, "money"),
    ("Spending on social care", "fall in spending on social care", "nao2018press", -1, "money"),
    ("Spending on other services", "reduction in spending on all other service areas", "nao2018press", -1, "money"),
    ("People 65+ in need of care", "change in estimated number of people 65+ in need of care", "nao2018press", 1,
     "demand"),
    ("Looked-after children", "change in number of looked-after children", "nao2018press", 1, "demand"),
]
SHARE_MEASURE = "social care share of LA total service spend"

#: Workforce series: key -> (label, unit, [(resource, measure, group, legend label)])
SERIES = {
    "adult-number": ("Adult social workers in councils: numbers (definitions differ)", "people, jobs or WTE", [
        ("adult_social_workers", "social worker jobs", JOBS_GROUP, "Social worker jobs (HSCIC; The Carer)"),
        ("adult_social_workers", "social worker jobs (WTE)", JOBS_GROUP, "Social worker jobs, whole-time equivalent"),
        ("adult_social_workers", "number of social workers", ADULT_GROUP, "Social workers employed (Skills for Care)"),
        ("adult_social_workers", "social work jobs", ADULT_GROUP, "Social work jobs (Skills for Care, as reported)"),
        ("adult_social_workers", "number of social workers (permanent and temporary)", ADULT_GROUP,
         "Social workers, permanent and temporary"),
        ("adult_social_workers", "number of social workers incl. agency (headcount)", ADULT_GROUP,
         "Social workers including agency (headcount)"),
        ("adult_social_workers", "directly employed social workers", ADULT_GROUP, "Directly employed social workers"),
    ]),
    "adult-turnover": ("Adult social workers in councils: turnover rate", "%", [
        ("adult_social_workers", "turnover rate", ADULT_GROUP, "Adult social workers: turnover rate")]),
    "adult-vacancy": ("Adult social workers in councils: vacancy rate", "%", [
        ("adult_social_workers", "vacancy rate", ADULT_GROUP, "Adult social workers: vacancy rate")]),
    "child-fte": ("Children's social workers in councils: in post (FTE)", "FTE", [
        ("children_workforce", "children and family social workers in post (FTE)", None,
         "Children's social workers in post, FTE (DfE)")]),
    "child-turnover": ("Children's social workers in councils: turnover rate (FTE)", "%", [
        ("children_workforce", "turnover rate (FTE)", None, "Children's social workers: turnover rate (DfE)")]),
}

SHORT = {"adult-number": "adult social worker numbers", "adult-turnover": "adult social worker turnover",
         "adult-vacancy": "adult social worker vacancies", "child-fte": "children's social workers in post",
         "child-turnover": "children's social worker turnover"}

T_CUT, T_DEMAND, T_SHARE = 0, 1, 2
T_SERIES0 = 3


def _slots() -> list[tuple[str, int]]:
    """(series key, position) for every workforce trace, in trace order."""
    return [(k, i) for k, (_, _, parts) in SERIES.items() for i in range(len(parts))]


T_UPLOAD = T_SERIES0 + sum(len(v[2]) for v in SERIES.values())


# --------------------------------------------------------------------------------------------- data

@cache
def changes():
    out = []
    for label, measure, sid, sign, kind in CHANGES:
        r = b.one(CF, measure, source_id=sid)
        out.append({"label": label, "value": sign * float(r["value"]), "source_id": sid, "kind": kind,
                    "period": r["period_label"], "qualifier": r["qualifier"]})
    return tuple(out)


@cache
def shares():
    r = b.rows(CF, SHARE_MEASURE)
    return tuple({"label": f"{lab}", "value": float(v), "source_id": s}
                 for lab, v, s in zip(r["period_label"], r["value"], r["source_id"], strict=False))


def _date(row) -> str:
    pe = row.get("period_end")
    if pe is not None and pe == pe:
        return str(pe)[:10]
    return f"{int(row['year'])}-09-30"


@cache
def series_points(key: str):
    """For each part of a series: (dates, values, labels, source ids)."""
    _, _, parts = SERIES[key]
    out = []
    for resource, measure, group, legend in parts:
        r = b.rows(resource, measure, group)
        if resource == "children_workforce":
            r = r[r["source_id"] == data.indicators_source_id()]
        recs = r.to_dict("records")
        out.append((tuple(_date(x) for x in recs), tuple(float(x["value"]) for x in recs),
                    tuple(x["period_label"] for x in recs), tuple(sorted(set(r["source_id"]))), legend))
    return tuple(out)


# --------------------------------------------------------------------------------------------- look

#: The dated workforce series, one look each in turn (colour, dash and marker symbol all differ).
DATED = [{"line": {"color": colour, "dash": dash}, "marker": {"symbol": symbol, "size": 10}}
         for colour, dash, symbol in zip(b.COLOURS, b.DASHES, b.SYMBOLS, strict=True)]

#: Each figure's frame and its traces' looks, by role (the convention: explorers/_base.py, above nth).
FRAMES = {
    "funding": {
        "panels": {"row_heights": [0.34, 0.14, 0.52], "vertical_spacing": 0.13},
        "layout": {"height": 1040, "margin": {"l": 10, "r": 40, "t": 70, "b": 60}, "legend": {"y": -0.09}},
        # yaxis4 is the bottom panel's right-hand scale, hidden until a reader's file is drawn on it
        "axes": {"xaxis": {"range": [-60, 25]}, "xaxis2": {"range": [0, 65]},
                 "xaxis3": {"range": ["2009-06-01", "2026-03-01"]},
                 "yaxis4": {"showgrid": False, "visible": False}},
        # On a phone: a taller figure (the panels' titles wrap onto more lines) and room beside the bars for
        # values (on the left, -32.6% beside its bar; -49.1% fits inside its own).
        "phone": {"height": 1300, "xaxis.range": [-80, 45], "xaxis2.range": [0, 85]},
    },
}
LOOKS = {
    "funding": {
        "money": {"marker": {"color": b.COLOURS[1], "pattern": b.pattern("/")}, "textposition": "outside",
                  "cliponaxis": False},
        "demand": {"marker": {"color": b.COLOURS[0], "pattern": b.pattern("")}, "textposition": "outside",
                   "cliponaxis": False},
        "share": {"marker": {"color": b.COLOURS[2]}, "textposition": "outside", "cliponaxis": False},
        "dated": DATED,
        "your file": {"line": {"color": "#000000", "dash": "longdash", "width": 3},
                      "marker": {"symbol": "star", "size": 12}},
    },
}


# --------------------------------------------------------------------------------------------- figure

def build_figure(live: bool = False):
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    from ..render import narrow

    F, L = FRAMES["funding"], LOOKS["funding"]
    fig = make_subplots(rows=3, cols=1,
                        subplot_titles=("Change, 2010-11 to 2016-17 (*real terms, to 2017-18)",
                                        "Social care's share of council service spending",
                                        "Workforce series (NAO period shaded)"),
                        specs=[[{}], [{}], [{"secondary_y": True}]], **F["panels"])
    ch = changes()
    for kind, name in (("money", "Funding and spending (falls)"), ("demand", "Demand (rises)")):
        fig.add_trace(go.Bar(orientation="h", y=[c["label"] for c in ch],
                             x=[c["value"] if c["kind"] == kind else None for c in ch],
                             text=[(f"{c['qualifier']} " if c["qualifier"] else "") + f"{c['value']:+.1f}%"
                                   if c["kind"] == kind else "" for c in ch],
                             name=name, **L[kind], hovertemplate="%{y}: %{x:+.1f}%<extra></extra>"), row=1, col=1)
    sh = shares()
    fig.add_trace(go.Bar(orientation="h", y=[s["label"] for s in sh], x=[s["value"] for s in sh],
                         text=[f"{s['value']:g}%" for s in sh], name="Social care share of spending", **L["share"],
                         showlegend=False, hovertemplate="%{y}: %{x:.1f}%<extra></extra>"), row=2, col=1)
    parts = [(key, pts) for key in SERIES for pts in series_points(key)]
    for i, (key, (dates, vals, labels, _, legend)) in enumerate(parts):
        fig.add_trace(go.Scatter(
            x=list(dates), y=list(vals), name=legend, visible=(key == "adult-number"), mode="lines+markers",
            **b.nth(L["dated"], i), customdata=list(labels),
            hovertemplate=f"{legend}, " + "%{customdata}: %{y:,.1f}<extra></extra>"), row=3, col=1)
    if live:
        fig.add_trace(go.Scatter(x=[], y=[], name="Your file", mode="lines+markers", visible=False,
                                 **L["your file"]), row=3, col=1, secondary_y=True)
    fig.add_vrect(x0="2010-04-01", x1="2018-03-31", fillcolor="#b0b4bb", opacity=0.25, line_width=0,
                  annotation_text="NAO period, 2010-11 to 2017-18", annotation_position="top left", row=3, col=1)
    fig.update_layout(**b.base_layout(barmode="overlay", title={"text": "Funding and demand"}, **F["layout"]))
    b.style_axes(fig)
    fig.update_layout(F["axes"])
    fig.update_xaxes(title_text="% change", zeroline=True, zerolinecolor="#000000", row=1, col=1)
    fig.update_yaxes(autorange="reversed", row=1, col=1)
    fig.update_xaxes(title_text="% of total service spending", row=2, col=1)
    fig.update_yaxes(type="category", autorange="reversed", row=2, col=1)
    fig.update_xaxes(type="date", title_text="Date of the figure", row=3, col=1)
    # the bottom panel's left-hand scale, by name (yaxis4, its right-hand scale, is set in FRAMES)
    fig.update_layout(yaxis3={"title": {"text": SERIES["adult-number"][1]}, "rangemode": "tozero"})
    narrow(fig, layout=F["phone"])
    return fig


def funding_update(series: str = "adult-number") -> dict:
    if series not in SERIES:
        raise ValueError(f"series must be one of {', '.join(SERIES)}; got {series!r}")
    label, unit, _ = SERIES[series]
    traces = {}
    for j, (key, _) in enumerate(_slots()):
        traces[T_SERIES0 + j] = {"visible": key == series}
    dates = [d for part in series_points(series) for d in part[0]]
    inside = sum(d <= "2018-03-31" for d in dates)  # figures dated within the NAO period
    after = len(dates) - inside
    cut = changes()[0]
    text = (f"{label}. The NAO period (shaded) saw a {abs(cut['value']):g}% real-terms fall in central government "
            f"funding to councils; social care's share of their service spending rose from "
            f"{shares()[0]['value']:g}% to {shares()[-1]['value']:g}%. ")
    if inside:
        text += f"{inside} figure(s) of this series fall in the period"
        text += f", {after} after it." if after else "."
    else:
        text += "This series starts after the period: it cannot show the years of the cuts."
    if series == "adult-number":
        text += " The definitions change between sources (jobs, WTE, headcount, with or without agency staff): compare within one definition only."
    layout = {"title.text": f"Funding, demand and {SHORT[series]}", "yaxis3.title.text": unit}
    return {"traces": traces, "layout": layout, "summary": text}


def changes_table():
    import pandas as pd

    rows = [{"Figure": c["label"].rstrip("*") + (" (real terms, 2010-11 to 2017-18)" if c["label"].endswith("*")
                                                else " (2010-11 to 2016-17)"), "Value": (f"{c['qualifier']} " if c["qualifier"] else "") + f"{c['value']:+g}%",
             "Source": b.source_short(c["source_id"])} for c in changes()]
    rows += [{"Figure": f"Social care share of council service spending, {s['label']}", "Value": f"{s['value']:g}%",
              "Source": b.source_short(s["source_id"])} for s in shares()]
    for key, (_label, unit, _) in SERIES.items():
        for _dates, vals, labels, sids, legend in series_points(key):
            for lab, v in zip(labels, vals, strict=False):
                rows.append({"Figure": f"{legend}, {lab}", "Value": b.fmt_num(v) + ("%" if unit == "%" else ""),
                             "Source": ", ".join(b.source_short(s) for s in sids)})
    return pd.DataFrame(rows)


KEY_CAUTION = (
    "<strong>Read with care:</strong> side by side is not cause and effect; the funding figure runs to 2017-18 and "
    "the spending and demand figures to 2016-17; adult social-worker numbers change definition between sources, "
    "so compare within one series only."
)

ASSUMPTIONS = """
<ul>
<li><strong>Where the numbers come from.</strong> The 49.1% real-terms fall in central government funding to
councils (2010-11 to 2017-18) is the NAO's figure as quoted by the LGA; the NAO's own press release says "nearly
50%". The spending shares (45.3% in 2010-11, 54.4% in 2016-17) and the changes in spending and demand are from the
NAO's press release.</li>
<li><strong>Different periods.</strong> The funding figure runs to 2017-18; the spending and demand figures to
2016-17. Councils' financial years run from April to March; the workforce figures are snapshots at (or years to)
30 September.</li>
<li><strong>Side by side is not cause and effect.</strong> The chart lines up figures in time; it cannot show that
funding changes caused workforce changes.</li>
<li><strong>Adult numbers change definition</strong> between sources (jobs, whole-time equivalent, headcount, with
or without agency staff). Each definition is its own series; read changes within one series only.</li>
<li><strong>The children's series starts in 2017</strong>, at the end of the NAO period (earlier DfE figures
are not comparable), so only the adult series overlaps the years of the cuts.</li>
</ul>
"""


class FundingExplorer(b.WorkforceExplorer):
    """Funding and demand beside the workforce series."""

    default_id = "funding"
    css_class = "swl-funding-explorer"

    def _sources(self):
        ids = [c["source_id"] for c in changes()] + [s["source_id"] for s in shares()]
        for key in SERIES:
            for *_, sids, _ in series_points(key):
                ids += list(sids)
        return ids

    def static_html(self) -> str:
        from ..explore import Select, explorer

        ex = explorer(
            build_figure(),
            [Select("series", "Workforce series", [(k, v[0]) for k, v in SERIES.items()], value="adult-number")],
            funding_update,
            alt=("Three panels. Top: bars for the percentage changes the NAO reported between 2010-11 and 2016-17 or "
                 "2017-18: central government funding to councils −49.1% in real terms, social care spending −3.0%, "
                 "other services −32.6%, people aged 65 and over in need of care +14.3%, looked-after children "
                 "+10.9%. Middle: social care's share of council service spending, 45.3% in 2010-11 and 54.4% in "
                 "2016-17. Bottom: the chosen workforce series over time, with the NAO period shaded. The table below "
                 "lists every figure with its source."),
            table=changes_table(), table_caption="Funding, spending, demand and workforce figures",
            id=self.id, title="Funding and demand beside the workforce",
        )
        return "".join([
            f'<div class="swl-workforce" id="swl-workforce-{b.esc(self.id)}">',
            b.live_note("five workforce series; adding your own council's figures needs the live version"),
            f'<p class="swl-notes">{KEY_CAUTION}</p>',
            ex.static_html(),
            f"<details><summary>How to read this chart</summary>{ASSUMPTIONS}</details>",
            b.sources_html(self._sources()),
            "</div>",
        ])

    def _build_widgets(self) -> dict:
        import ipywidgets as w

        from ..explore import collapsed_panels, table_html

        style = {"description_width": "initial"}
        first = funding_update("adult-number")
        fw = b.figure_widget(build_figure(live=True), first)
        series = w.Dropdown(options=[(v[0], k) for k, v in SERIES.items()], value="adult-number",
                            description="Workforce series", style=style, layout=w.Layout(width="40em"))
        upload = w.FileUpload(accept=".csv", multiple=False, description="Upload your CSV",
                              layout=w.Layout(width="14em", min_width="14em"))
        message, upload_msg, summary = w.HTML(), w.HTML(), w.HTML()

        def redraw(*_):
            # the drop-down offers only the keys of SERIES, so funding_update cannot refuse its value
            patch = funding_update(series.value)
            b.apply_patch(fw, patch)
            summary.value = b.summary_html(patch["summary"])

        def on_upload(change):
            try:
                content, name = b.upload_content(change["new"])
                df = b.validate_upload(content, CF, name)
            except ValueError as exc:
                upload_msg.value = b.error_html(f"{exc} Nothing was changed.")
                return
            first = df["measure"].iloc[0]  # validate_upload refuses a file without rows
            d = df[df["measure"] == first].sort_values("year")
            dates = [_date(r) for r in d.to_dict("records")]
            with fw.batch_update():
                tr = fw.data[T_UPLOAD]
                tr.x, tr.y = dates, d["value"].tolist()
                tr.name = f"Your file: {first} ({d['group'].iloc[0]}, {d['unit'].iloc[0]}; right-hand scale)"
                tr.visible = True
                fw.layout["yaxis4.visible"] = True
                fw.layout["yaxis4.title.text"] = str(d["unit"].iloc[0])
            others = df["measure"].nunique() - 1
            upload_msg.value = b.ok_html(f"{name}: drew {len(d)} figure(s) of '{first}' on the right-hand scale."
                                         + (f" {others} other measure(s) in the file were not drawn." if others else ""))

        series.observe(redraw, names="value")
        upload.observe(on_upload, names="value")
        summary.value = b.summary_html(first["summary"])
        acc = collapsed_panels([
            ("How to read this chart", ASSUMPTIONS),
            ("Data table", table_html(changes_table(), "Funding, spending, demand and workforce figures")),
            ("Sources", b.sources_html(self._sources())),
        ])
        help_up = w.HTML('<p class="swl-note">Add your own council\'s series (at most 5 MB, UTF-8) in the shape of the '
                         "book's <code>context_funding</code> table: <code>measure, group, geography, period, value, unit, "
                         "status, source</code>. The first measure in the file is drawn against the right-hand scale.</p>")
        box = w.VBox([
            w.HTML('<p class="swl-note">Choose a workforce series to set beside the NAO\'s figures. The shading marks '
                   "the NAO's period, 2010-11 to 2017-18.</p>"),
            w.HTML(f'<p class="swl-notes">{KEY_CAUTION}</p>'),
            series, message, fw, summary, w.HBox([upload, help_up]), upload_msg, acc,
        ])
        box.add_class(self.css_class)
        box.add_class("swl-workforce-explorer")
        return {"controls": {"series": series, "upload": upload}, "figure": fw, "message": message,
                "upload_message": upload_msg, "summary": summary, "box": box}


def funding_explorer(id: str | None = None) -> FundingExplorer:
    """Funding and demand: the NAO's 2018 figures (49.1% real-terms cut in central government funding, 2010-11 to
    2017-18; social care 45.3% → 54.4% of council service spending) beside the workforce series for those years."""
    return FundingExplorer(id=id)


def bench_paths():
    import itertools

    keys = itertools.cycle(list(SERIES))
    return {"funding: workforce series": lambda: funding_update(next(keys))}
