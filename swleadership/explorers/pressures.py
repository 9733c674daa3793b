"""Workforce pressures: DfE's children's social work workforce, 2017–2025, for England, a region or a
local authority, with year-on-year change and the adult social-worker series alongside.

Year-on-year change (``swleadership.models.yoy_change``): for rates and caseloads the change in
points, ``v_t − v_{t−1}``; for counts (FTE) the percentage change ``100 (v_t − v_{t−1}) / v_{t−1}``.
A suppressed value leaves a gap, never a zero.
"""

from __future__ import annotations

from functools import cache

from .. import data
from .. import models as m
from .._html import json_script
from . import _base as b

AREAS = "children_workforce_areas"
ENGLAND = "E92000001"
ADULT_GROUP = "social workers employed by local authority adult social services departments"

#: measure column -> (label, unit label for the axis, kind: "count" or "rate")
MEASURES = {
    "inpost_fte": ("Social workers in post (FTE)", "FTE", "count"),
    "starters_fte": ("Starters in the year (FTE)", "FTE", "count"),
    "leavers_fte": ("Leavers in the year (FTE)", "FTE", "count"),
    "turnover_rate_fte": ("Turnover rate (FTE)", "%", "rate"),
    "vacancy_rate_fte": ("Vacancy rate (FTE)", "%", "rate"),
    "agency_rate_fte": ("Agency worker rate (FTE)", "%", "rate"),
    "caseload_fte": ("Average caseload per case-holding social worker", "cases", "rate"),
    "absence_rate_fte": ("Sickness absence rate", "%", "rate"),
}

#: Adult series set beside a children's measure: measure column -> (adult measure in data/, caveat)
ADULT = {
    "turnover_rate_fte": ("turnover rate", "Skills for Care's turnover rate for council adult social workers."),
    "vacancy_rate_fte": ("vacancy rate", "Skills for Care's vacancy rate for council adult social workers."),
    "agency_rate_fte": ("agency share of workforce",
                        "Adult figure: agency workers' share of the adult social-work workforce, as reported; "
                        "not the same definition as DfE's agency rate."),
    "starters_fte": ("starters", "Adult figure: headcount of starters, not FTE."),
    "leavers_fte": ("leavers", "Adult figure: headcount of leavers, not FTE."),
}


# --------------------------------------------------------------------------------------------- data

@cache
def years() -> tuple[int, ...]:
    return tuple(sorted(int(y) for y in b.table(AREAS)["time_period"].unique()))


@cache
def _notes_by_id() -> dict:
    from .. import data

    g = data.geography_notes()
    return {r["note_id"]: r for r in g.to_dict("records")}


@cache
def series_index() -> dict:
    """Series id -> {label, level, codes, notes, values: {measure: {year: (value, code)}}}.

    England and each region are one series per code. Local authorities are followed by name across
    code changes (Buckinghamshire, North Yorkshire, ...), but an authority that was reorganised (the
    new Dorset is not the old Dorset county) is kept as separate series whose labels give their years.
    """
    df = b.table(AREAS)
    notes = _notes_by_id()
    out: dict = {}
    for rec in df.to_dict("records"):
        level, code, name = rec["geographic_level"], rec["area_code"], rec["area_name"]
        note_ids = [n for n in str(rec.get("geography_notes") or "").split(";") if n]
        if level == "Local authority":
            reorganised = any(notes.get(n, {}).get("kind") == "reorganisation" for n in note_ids)
            sid = f"la:{name}:{code}" if reorganised else f"la:{name}"
        else:
            sid = code
        s = out.setdefault(sid, {"level": level, "name": name, "codes": [], "notes": [], "region": rec["region_name"],
                                 "values": {c: {} for c in MEASURES}})
        if code not in s["codes"]:
            s["codes"].append(code)
        for n in note_ids:
            if n not in s["notes"]:
                s["notes"].append(n)
        y = int(rec["time_period"])
        for c in MEASURES:
            v = rec[c]
            v = None if v is None or v != v else float(v)
            s["values"][c][y] = (v, rec[f"{c}_suppression"] or "")
    all_years = years()
    for _sid, s in out.items():
        ys = sorted(s["values"]["inpost_fte"])
        span = "" if tuple(ys) == all_years else f", {ys[0]}–{ys[-1]} only" if len(ys) > 1 else f", {ys[0]} only"
        if s["level"] == "National":
            s["label"] = "England"
        elif s["level"] == "Regional":
            s["label"] = f"Region: {s['name']}"
        else:
            s["label"] = f"{s['name']} ({s['region']}{span})"
        if len(s["codes"]) > 1 and s["level"] == "Local authority":
            s["code_note"] = f"{s['name']} appears under more than one area code ({', '.join(s['codes'])}); the series follows the name."
    return out


@cache
def area_options(include_las: bool = True) -> tuple[tuple[str, str], ...]:
    """(label, series id): England, the regions (with Inner and Outer London), then local authorities."""
    idx = series_index()
    nat = [(s["label"], sid) for sid, s in idx.items() if s["level"] == "National"]
    reg = sorted((s["label"], sid) for sid, s in idx.items() if s["level"] == "Regional")
    out = nat + reg
    if include_las:
        out += sorted((s["label"], sid) for sid, s in idx.items() if s["level"] == "Local authority")
    return tuple(out)


def area_notes(sid: str) -> list[str]:
    s = series_index()[sid]
    notes = _notes_by_id()
    out = [notes[n]["description"] for n in s["notes"] if n in notes]
    if s.get("code_note"):
        out.append(s["code_note"])
    if s["level"] == "Regional" and s["name"] in ("London", "Inner London", "Outer London") and not out:
        out.append("London, Inner London and Outer London overlap: never add London to Inner or Outer London.")
    return out


@cache
def adult_series(measure: str):
    """(years, values, source ids) of the adult series set beside ``measure``, or None."""
    if measure not in ADULT:
        return None
    name, _ = ADULT[measure]
    r = b.rows("adult_social_workers", name, ADULT_GROUP)
    return tuple(r["year"].tolist()), tuple(float(v) for v in r["value"]), tuple(sorted(set(r["source_id"])))


def _yoy(values: list, kind: str) -> list:
    return [None if v is None else round(v, 1) for v in m.yoy_change(values, percent=(kind == "count"))]


def _level(values: list, kind: str) -> list:
    """Values for the payload: whole FTE for counts, one decimal for rates and caseloads."""
    return [None if v is None else (round(v) if kind == "count" else round(v, 1)) for v in values]


# --------------------------------------------------------------------------------------------- figure

T_AREA, T_ENG, T_ADULT, T_AREA_YOY, T_ENG_YOY, T_UP, T_UP_YOY = range(7)


# --------------------------------------------------------------------------------------------- look

#: The figure's frame and its traces' looks, by role (the convention: explorers/_base.py, above nth).
FRAMES = {
    "pressures": {
        "panels": {"row_heights": [0.6, 0.4], "vertical_spacing": 0.2},
        "layout": {"height": 720, "legend": {"y": -0.12}},
        "axes": {"xaxis": {"dtick": 1}, "xaxis2": {"dtick": 1}},
    },
}
LOOKS = {
    "pressures": {
        "area": {"line": {"color": b.COLOURS[0], "width": 3}, "marker": {"symbol": "circle", "size": 9}},
        "england": {"line": {"color": "#000000", "dash": "dash", "width": 2}, "marker": {"symbol": "square", "size": 7}},
        "adult": {"line": {"color": b.COLOURS[1], "dash": "dot", "width": 2}, "marker": {"symbol": "diamond", "size": 9}},
        "area change": {"marker": {"color": b.COLOURS[0]}},
        "england change": {"marker": {"color": "#ffffff", "line": {"color": "#000000", "width": 1.5},
                                      "pattern": {"shape": "/", "fgcolor": "#000000", "fillmode": "overlay",
                                                  "size": 7}}},
        "your file": {"line": {"color": b.COLOURS[2], "dash": "longdash", "width": 3},
                      "marker": {"symbol": "star", "size": 11}},
        "your file change": {"marker": {"color": b.COLOURS[2], "pattern": b.pattern("x")}},
    },
}


def build_figure(live: bool = False):
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    frame, look = FRAMES["pressures"], LOOKS["pressures"]
    ys = list(years())
    fig = make_subplots(rows=2, cols=1, shared_xaxes=False, subplot_titles=("Level", "Change on the year before"),
                        **frame["panels"])
    fig.add_trace(go.Scatter(x=ys, y=[None] * len(ys), name="Selected area", mode="lines+markers", **look["area"],
                             connectgaps=False, hovertemplate="%{x}: %{y:,.1f}<extra>Selected area</extra>"), row=1, col=1)
    fig.add_trace(go.Scatter(x=ys, y=[None] * len(ys), name="England", mode="lines+markers", **look["england"],
                             hovertemplate="%{x}: %{y:,.1f}<extra>England</extra>"), row=1, col=1)
    fig.add_trace(go.Scatter(x=[], y=[], name="Adult social workers in councils, England (Skills for Care)",
                             mode="lines+markers", **look["adult"], visible=False,
                             hovertemplate="%{x}: %{y:,.1f}<extra>Adult social workers</extra>"), row=1, col=1)
    fig.add_trace(go.Bar(x=ys, y=[None] * len(ys), name="Selected area: change", **look["area change"],
                         hovertemplate="%{x}: %{y:+,.1f}<extra>Selected area</extra>"), row=2, col=1)
    fig.add_trace(go.Bar(x=ys, y=[None] * len(ys), name="England: change", **look["england change"],
                         hovertemplate="%{x}: %{y:+,.1f}<extra>England</extra>"), row=2, col=1)
    if live:
        fig.add_trace(go.Scatter(x=[], y=[], name="Your file", mode="lines+markers", visible=False,
                                 **look["your file"]), row=1, col=1)
        fig.add_trace(go.Bar(x=[], y=[], name="Your file: change", visible=False, **look["your file change"]),
                      row=2, col=1)
    fig.update_layout(**b.base_layout(barmode="group", title={"text": "Workforce pressures"}, **frame["layout"]))
    fig.update_xaxes(title_text="Year (at or to 30 September)", row=2, col=1)
    b.style_axes(fig)
    fig.update_layout(frame["axes"])
    fig.update_yaxes(zeroline=True, zerolinecolor="#5a6270", row=2, col=1)
    return fig


def _values(sid: str, measure: str, ys) -> tuple[list, list]:
    """The area's values of ``measure`` for ``ys`` (None for a gap) and each year's code: the row's suppression code
    ("" when it has a value), or "no row" for a year the area is not in the data."""
    vals = series_index()[sid]["values"][measure]
    return [vals[y][0] if y in vals else None for y in ys], [vals[y][1] if y in vals else "no row" for y in ys]


def pressures_update(measure: str = "turnover_rate_fte", area: str = ENGLAND, start: int | None = None,
                     end: int | None = None, adult: bool = True, short: bool = False) -> dict:
    """Patch: the measure for the area and England, year-on-year change, the adult series alongside."""
    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {', '.join(MEASURES)}; got {measure!r}")
    idx = series_index()
    if area not in idx:
        raise ValueError(f"Unknown area {area!r}: choose England, a region or a local authority from the list.")
    all_years = list(years())
    start = all_years[0] if start is None else int(start)
    end = all_years[-1] if end is None else int(end)
    if not all_years[0] <= start <= end <= all_years[-1]:
        raise ValueError(f"years must run from {all_years[0]} to {all_years[-1]} with start ≤ end; got {start}–{end}")
    label, unit, kind = MEASURES[measure]
    s = idx[area]
    av, codes = _values(area, measure, all_years)
    ev, _ = _values(ENGLAND, measure, all_years)
    is_england = area == ENGLAND
    traces = {
        T_AREA: {"y": _level(av, kind)},
        T_ENG: {"y": _level(ev, kind), "visible": not is_england},
        T_AREA_YOY: {"y": _yoy(av, kind)},
        T_ENG_YOY: {"y": _yoy(ev, kind), "visible": not is_england},
    }
    if not short:  # the static face keeps the generic names ("Selected area"); the title names the area
        traces[T_AREA]["name"] = s["label"]
        traces[T_AREA_YOY]["name"] = f"{s['label']}: change"
    ad = adult_series(measure) if adult else None
    traces[T_ADULT] = ({"x": list(ad[0]), "y": list(ad[1]), "visible": True} if ad
                       else {"x": [], "y": [], "visible": False})
    change_unit = "% change" if kind == "count" else ("change in points" if unit == "%" else f"change ({unit})")
    layout = {
        "title.text": f"{label}: {s['label']}",
        "yaxis.title.text": unit if unit != "FTE" else "FTE (full-time equivalent)",
        "yaxis2.title.text": change_unit,
    }
    if start != all_years[0] or end != all_years[-1] or not short:
        layout["xaxis.range"] = [start - 0.5, end + 0.5]
        layout["xaxis2.range"] = [start - 0.5, end + 0.5]
    # summary
    shown = [(y, v, c) for y, v, c in zip(all_years, av, codes, strict=False) if start <= y <= end]
    last = next(((y, v) for y, v, _ in reversed(shown) if v is not None), None)
    u = "%" if unit == "%" else f" {unit}"
    parts = []
    if last:
        y, v = last
        e = dict(zip(all_years, ev, strict=False)).get(y)
        parts.append(f"{s['label']}, {y}: {b.fmt_num(v)}{u}" + ("" if is_england or e is None else f" (England {b.fmt_num(e)}{u})"))
        yo = dict(zip(all_years, _yoy(av, kind), strict=False)).get(y)
        if yo is not None:
            parts.append(f"change on {y - 1}: {yo:+,.1f}{'%' if kind == 'count' else (' points' if unit == '%' else ' ' + unit)}")
    else:
        parts.append(f"{s['label']}: no value for these years")
    text = "; ".join(parts) + "."
    missing = [f"{y} ({c}: {b.suppression_codes().get(c, c)})" if c != "no row" else f"{y} (area not in the data that year)"
               for y, v, c in shown if v is None]
    if missing:
        text += " Gaps, not zeros: " + ", ".join(missing) + "."
    if not short and ad:
        text += " " + ADULT[measure][1]
    return {"traces": traces, "layout": layout, "summary": text}


def england_table():
    import pandas as pd

    ys = list(years())
    rec = {"Measure": [], **{str(y): [] for y in ys}}
    for c, (label, unit, _) in MEASURES.items():
        vals, codes = _values(ENGLAND, c, ys)
        rec["Measure"].append(f"{label} ({unit})")
        for y, v, code in zip(ys, vals, codes, strict=False):
            rec[str(y)].append(b.fmt_num(v) if v is not None else code)
    return pd.DataFrame(rec)


ASSUMPTIONS = """
<ul>
<li><strong>What the figures count.</strong> DfE's annual census of children and family social workers employed by
local authorities in England, at 30 September (stocks) or in the year to 30 September (flows), full-time
equivalent (FTE). The 2025 release revises earlier years; the book uses it throughout.</li>
<li><strong>Turnover is leaving an employer.</strong> A leaver from one council may start at another or return as an
agency worker, so turnover is not the rate of leaving social work.</li>
<li><strong>Year-on-year change</strong> is in points for rates and caseloads and in per cent for counts. A
suppressed or missing value leaves a gap in both panels; it is never drawn as zero. DfE's codes: x = not available,
z = not applicable, c = confidential, u = low reliability.</li>
<li><strong>Geography.</strong> London, Inner London and Outer London overlap; the nine regions (without Inner and
Outer London) add up to England. Reorganised authorities (Northamptonshire, Cumbria, Bournemouth, Poole and Dorset)
appear as separate series whose labels give their years; authorities whose code changed (Buckinghamshire, North
Yorkshire, Somerset, Barnsley, Sheffield) are followed by name. Very small authorities (the Isles of Scilly, the City
of London, Rutland) have volatile rates.</li>
<li><strong>The adult series</strong> (Skills for Care, several years as reported in the trade press) covers social
workers in councils' adult services in England; years with no figure are gaps, and some definitions differ (named
on screen).</li>
</ul>
"""


class PressuresExplorer(b.WorkforceExplorer):
    """Workforce pressures: DfE children's indicators by area with year-on-year change and adult series."""

    default_id = "pressures"
    css_class = "swl-pressures-explorer"

    def _sources(self):
        ids = [data.indicators_source_id()]
        for c in ADULT:
            ad = adult_series(c)
            if ad:
                ids += list(ad[2])
        return ids

    def static_html(self) -> str:
        """Every area and measure in the static book: the area table once, as compact JSON, and a small script
        (``areas.js``) that computes the traces, the summary and the data table in the browser, exactly as
        :func:`pressures_update` does (the tests compare the two)."""
        from ..render import figure_html

        fig = build_figure()
        first = pressures_update("turnover_rate_fte", ENGLAND, short=True)
        b.apply_patch(fig, first)
        cid = f"swl-{b.esc(self.id)}"  # swl-pressures: the explorer's own box
        sup = 'data-lm-suppress-shortcuts="true"'
        measures = "".join(f'<option value="{c}"{" selected" if c == "turnover_rate_fte" else ""}>{b.esc(v[0])}</option>'
                           for c, v in MEASURES.items())
        payload = areas_payload()
        groups: dict[str, list] = {}
        for s in payload["series"]:
            groups.setdefault(s["g"], []).append(s)
        areas = "".join(f'<optgroup label="{b.esc(g)}">' + "".join(
            f'<option value="{b.esc(s["i"])}"{" selected" if s["i"] == ENGLAND else ""}>{b.esc(s["l"])}</option>'
            for s in ss) + "</optgroup>" for g, ss in groups.items())
        alt = ("Top panel: the chosen measure for the chosen area (solid line) and England (dashed), "
               f"{payload['years'][0]} to {payload['years'][-1]}, with the adult social-worker series (dotted) where the "
               "data has one. Bottom panel: the change on the year before, as bars. The sentence below the figure gives "
               "the latest value and change, and the table gives the area's figures for every measure and year.")
        london = _notes_by_id().get("london-overlap", {}).get("description", "")
        return "".join([
            f'<div class="swl-workforce" id="swl-workforce-{b.esc(self.id)}">',
            '<p class="swl-note">Every area, measure and year is here: type part of a council\'s name to find it. To '
            f'draw your own file or choose a span of years, open the chapter live: '
            f'{b.help_link("explorers", "how to open a chapter live")}.</p>',
            f'<div class="swl-explorer swl-areas" data-swl="areas" id="{cid}">',
            '<div class="swl-controls">',
            f'<div class="swl-control"><label for="{cid}-measure">Measure</label> '
            f'<select id="{cid}-measure" class="swl-areas-measure" {sup}>{measures}</select></div>',
            f'<div class="swl-control"><label for="{cid}-find">Find your council (type part of its name)</label> '
            f'<input type="search" id="{cid}-find" class="swl-areas-find" autocomplete="off" spellcheck="false" '
            f'aria-describedby="{cid}-status" {sup}></div>',
            f'<div class="swl-control"><label for="{cid}-area">Area</label> '
            f'<select id="{cid}-area" class="swl-areas-area" {sup}>{areas}</select></div>',
            "</div>",
            f'<p class="swl-areas-status swl-note" id="{cid}-status" role="status" aria-live="polite">'
            f"{len(payload['series'])} areas: England, the regions and every local authority, grouped by region.</p>",
            f'<figure class="swl-figure">{figure_html(fig, div_id=f"{cid}-plot", alt=alt)}'
            f'<figcaption class="swl-alt">{b.esc(alt)}</figcaption></figure>',
            f'<p class="swl-summary" aria-live="polite">{b.esc(first["summary"])}</p>',
            '<div class="swl-areas-notes swl-notes" aria-live="polite"></div>',
            '<details><summary>Data table for the chosen area</summary><div class="swl-areas-table">'
            + _table_html(payload, ENGLAND) + "</div></details>",
            json_script(payload, "swl-areas-data"),
            f"<script>{_areas_js()}</script>",
            "</div>",
            f'<div class="swl-notes"><p><strong>Overlapping London geographies.</strong> {b.esc(london)}</p></div>',
            f"<details><summary>How to read these figures</summary>{ASSUMPTIONS}</details>",
            b.sources_html(self._sources()),
            "</div>",
        ])

    def _build_widgets(self) -> dict:
        import ipywidgets as w

        style = {"description_width": "initial"}
        first = pressures_update("turnover_rate_fte", ENGLAND)
        fw = b.figure_widget(build_figure(live=True), first)
        ys = list(years())
        measure = w.Dropdown(options=[(v[0], c) for c, v in MEASURES.items()], value="turnover_rate_fte",
                             description="Measure", style=style, layout=w.Layout(width="32em"))
        area = w.Dropdown(options=list(area_options(include_las=True)), value=ENGLAND,
                          description="Area (England, region or local authority)", style=style,
                          layout=w.Layout(width="46em"))
        span = w.IntRangeSlider(value=(ys[0], ys[-1]), min=ys[0], max=ys[-1], step=1, description="Years",
                                style=style, continuous_update=False, layout=w.Layout(width="30em"))
        adult = w.Checkbox(value=True, description="Show the adult social-worker series (England) where there is one",
                           indent=False, style=style, layout=w.Layout(width="40em"))
        upload = w.FileUpload(accept=".csv", multiple=False, description="Upload your CSV",
                              layout=w.Layout(width="14em", min_width="14em"))
        message, upload_msg, summary, notes = w.HTML(), w.HTML(), w.HTML(), w.HTML()
        uploaded: dict = {}
        base_annotations = tuple(fw.layout.annotations)  # the subplot titles

        def draw_upload():
            if not uploaded:
                return
            label, unit, kind = MEASURES[measure.value]
            df = uploaded["df"]
            with fw.batch_update():  # the measure list offers only measures the file has values for
                d = df.sort_values("time_period")
                vals = [None if v != v else float(v) for v in d[measure.value]]
                fw.data[T_UP].x = d["time_period"].tolist()
                fw.data[T_UP].y = vals
                fw.data[T_UP].name = f"Your file: {uploaded['area']}"
                fw.data[T_UP].visible = True
                fw.data[T_UP_YOY].x = d["time_period"].tolist()
                fw.data[T_UP_YOY].y = _yoy(vals, kind)
                fw.data[T_UP_YOY].visible = True
                gaps = upload_gaps(d, measure.value)
                fw.layout.shapes = [gap_band(y) for y, _ in gaps]
                fw.layout.annotations = base_annotations + tuple(gap_label(y, c) for y, c in gaps)
            text = f"{uploaded['name']}: drawing {label} for {uploaded['area']} ({len(vals)} year(s))."
            if gaps:
                text += (" Not drawn, and not zeros (shaded in the figure): "
                         + ", ".join(f"{y} ('{c}': {b.suppression_codes().get(c, c)})" for y, c in gaps) + ".")
            if uploaded["missing"]:
                text += (" Your file has no columns for: " + ", ".join(MEASURES[m][0] for m in uploaded["missing"])
                         + "; the measure list offers the ones it has.")
            upload_msg.value = b.ok_html((uploaded["notice"] + " " if uploaded["notice"] else "") + text)

        def redraw(*_):
            try:
                patch = pressures_update(measure.value, area.value, span.value[0], span.value[1], adult.value)
            except ValueError as exc:
                message.value = b.error_html(f"{exc} The figure still shows the last valid choice.")
                return
            message.value = ""
            b.apply_patch(fw, patch)
            summary.value = b.summary_html(patch["summary"])
            ns = area_notes(area.value)
            notes.value = ('<div class="swl-notes" role="note"><strong>About this area:</strong><ul>'
                           + "".join(f"<li>{b.esc(n)}</li>" for n in ns) + "</ul></div>") if ns else ""
            draw_upload()

        def on_upload(change):
            try:
                content, name = b.upload_content(change["new"])
                df = b.validate_upload(content, AREAS, name)
                if df["area_name"].nunique() != 1:
                    raise ValueError(f"{name}: give one area per file; found {df['area_name'].nunique()} "
                                     f"({', '.join(sorted(df['area_name'].unique())[:4])}…).")
                present = [c for c in MEASURES if c in df.columns and not df[c].isna().all()]
                if not present:
                    raise ValueError(f"{name}: no measure columns with values; give at least one of "
                                     f"{', '.join(MEASURES)}.")
            except ValueError as exc:
                upload_msg.value = b.error_html(f"{exc} Nothing was changed.")
                return
            uploaded.clear()
            uploaded.update(df=df, name=name, area=str(df["area_name"].iloc[0]),
                            notice=df.attrs.get("notice", ""), missing=list(df.attrs.get("missing_measures", [])))
            keep = measure.value if measure.value in present else present[0]
            measure.options = [(MEASURES[c][0], c) for c in present]  # ipywidgets moves the choice to the first
            measure.value = keep  # the reader's measure stays when the file has it; observers redraw
            draw_upload()

        for wdg in (measure, area, span, adult):
            wdg.observe(redraw, names="value")
        upload.observe(on_upload, names="value")
        summary.value = b.summary_html(first["summary"])
        from ..explore import collapsed_panels, table_html

        acc = collapsed_panels([
            ("How to read these figures", ASSUMPTIONS),
            ("Data table (England)", table_html(england_table(), "Children's social work workforce, England (DfE)")),
            ("Sources", b.sources_html(self._sources())),
        ])
        help_up = w.HTML(upload_help_html())
        box = w.VBox([
            w.HTML('<p class="swl-note">Pick a measure and an area (type a name to jump in the list). The lower panel '
                   "shows the change on the year before. Gaps are suppressed or missing values, never zeros.</p>"),
            w.HBox([measure, area], layout=w.Layout(flex_flow="row wrap")),
            w.HBox([span, adult], layout=w.Layout(flex_flow="row wrap")),
            message, notes, fw, summary, w.HBox([upload, help_up]), upload_msg, acc,
        ])
        box.add_class(self.css_class)
        box.add_class("swl-workforce-explorer")
        return {"controls": {"measure": measure, "area": area, "years": span, "adult": adult, "upload": upload},
                "figure": fw, "message": message, "upload_message": upload_msg, "summary": summary, "notes": notes,
                "box": box}


def areas_payload() -> dict:
    """The area table for the static face, once. Each series (England, regions, local authorities grouped by
    region) has: ``i`` id, ``l`` label, ``k`` level initial, ``g`` group, ``y`` the years it has rows for (only when
    not every year), ``n`` its geography notes (indices into ``notes``), ``v`` every measure's values by year in
    tenths (``None`` for a gap) and ``c`` its suppression codes as ``[measure index, year index, code]``."""
    idx = series_index()
    ys = list(years())
    note_texts: list[str] = []

    def note_id(text: str) -> int:
        if text not in note_texts:
            note_texts.append(text)
        return note_texts.index(text)

    head = [sid for _, sid in area_options(include_las=False)]
    las = sorted((s["region"], s["label"], sid) for sid, s in idx.items() if s["level"] == "Local authority")
    series = []
    for sid in head + [sid for _, _, sid in las]:
        s = idx[sid]
        vals = s["values"]
        codes = [[mi, i, vals[c][y][1]] for mi, c in enumerate(MEASURES) for i, y in enumerate(ys)
                 if y in vals[c] and vals[c][y][1]]
        series.append({  # short keys: the table is on the page once, and every byte counts on a phone
            "i": sid, "l": s["label"], "k": s["level"][0],
            "g": "England and regions" if s["level"] != "Local authority" else s["region"],
            **({} if sorted(vals["inpost_fte"]) == ys else {"y": sorted(vals["inpost_fte"])}),
            "n": [note_id(t) for t in area_notes(sid)],
            "v": [[_tenths(vals[c].get(y, (None, ""))[0]) for y in ys] for c in MEASURES],
            "c": codes,
        })
    adult = {}
    for c in MEASURES:
        ad = adult_series(c)
        if ad:
            adult[c] = {"x": list(ad[0]), "y": list(ad[1])}
    return {"years": ys, "england": ENGLAND, "measures": [[c, *v] for c, v in MEASURES.items()],
            "codes": b.suppression_codes(), "notes": note_texts, "series": series, "adult": adult,
            "traces": {"area": T_AREA, "england": T_ENG, "adult": T_ADULT, "area_yoy": T_AREA_YOY,
                       "england_yoy": T_ENG_YOY}}


def _tenths(v: float | None) -> int | None:
    """A value in tenths, as a whole number (the data has at most one decimal; the script divides by 10)."""
    return None if v is None else int(round(float(v) * 10))


@cache
def _areas_js() -> str:
    from pathlib import Path

    return (Path(__file__).with_name("areas.js")).read_text(encoding="utf-8")


def _table_html(payload: dict, sid: str) -> str:
    """The chosen area's figures for every measure and year (the script redraws it; this is the first state)."""
    from ..explore import table_html

    s = next(x for x in payload["series"] if x["i"] == sid)
    had = s.get("y", payload["years"])
    codes = {(m, j): k for m, j, k in s["c"]}
    rows = []
    for i, y in enumerate(payload["years"]):
        rec = {"Year": y}
        for mi, (label, _, _) in enumerate(MEASURES.values()):
            v = s["v"][mi][i]
            code = codes.get((mi, i), "x")
            rec[label] = (b.fmt_num(v / 10) if v is not None else "no row" if y not in had
                          else f"{code} ({payload['codes'].get(code, code)})")
        rows.append(rec)
    return table_html(rows, f"{s['l']}: every measure and year (DfE)")


def upload_gaps(df, measure: str) -> list[tuple[int, str]]:
    """(year, DfE symbol) for each year of an uploaded area whose ``measure`` is suppressed rather than given."""
    code_col = f"{measure}_suppression"
    if code_col not in df.columns:
        return []
    return [(int(y), str(c)) for y, v, c in zip(df["time_period"], df[measure], df[code_col], strict=False)
            if v != v and c]


def gap_band(year: int) -> dict:
    """A shaded band over a year in the top panel: the figure marks a suppressed value instead of dropping it."""
    return {"type": "rect", "xref": "x", "yref": "y domain", "x0": year - 0.4, "x1": year + 0.4, "y0": 0, "y1": 1,
            "fillcolor": "#767676", "opacity": 0.18, "line": {"width": 0}, "layer": "below"}


def gap_label(year: int, code: str) -> dict:
    return {"x": year, "xref": "x", "y": 1, "yref": "y domain", "yanchor": "bottom", "showarrow": False,
            "text": f"your file: '{code}'", "font": {"size": 12, "color": "#333333"}}


def upload_help_html() -> str:
    """What the upload takes, with the template to download (a data: link: nothing is fetched)."""
    import base64

    from ..data import template_path

    tpl = template_path(AREAS)
    href = "data:text/csv;base64," + base64.b64encode(tpl.read_bytes()).decode("ascii")
    return ('<p class="swl-note">Your own figures for one area (at most 5 MB): either DfE\'s '
            "<code>csww_indicators_*.csv</code> file as you downloaded it (whole, or only your council's rows), or "
            "a CSV in the shape of the book's template, with any of the measure columns. "
            f'<a download="{tpl.name}" href="{href}">Download the template CSV</a>.</p>')


def pressures_explorer(id: str | None = None) -> PressuresExplorer:
    """Workforce pressures: DfE children's social work workforce 2017–2025 (FTE, starters, leavers, turnover,
    vacancies, agency, caseloads, absence) for England, a region or a local authority, with year-on-year change
    and the adult social-worker series alongside."""
    return PressuresExplorer(id=id)


def bench_paths():
    """``make bench``'s timed path: pressures_update for every measure and area in turn (one call per run)."""
    import itertools

    combos = itertools.cycle([(c, sid) for c in MEASURES for _, sid in area_options()])
    return {"pressures: measure × area": lambda: pressures_update(*next(combos))}
