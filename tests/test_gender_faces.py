"""The gender explorer's two faces agree, and both agree with data/.

The static face (``static_html``, parsed with BeautifulSoup) and the live face (``widgets()``, ipywidgets, the
same in JupyterLab and Voilà) must offer the same controls: the same labels, the same options in the same order,
the same defaults, and slider steps the live slider can reach. What each face draws is read against
data/children_workforce_ethnicity.csv and data/gender_comparators.csv with pandas, or against the other face.
Text a reader meets (labels, captions, text alternatives) is checked against rules: it is well formed, it names
what the figure draws, and every id is unique and belongs to the explorer that made it.
"""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import ipywidgets as w
import pandas as pd
import pytest
from bs4 import BeautifulSoup

from swleadership.explorers import gender as G
from swleadership.explorers import gender_explorer
from tests._colour import contrast

DATA = Path(__file__).resolve().parent.parent / "data"
PARTS = ("shares", "pipeline", "ethnicity")


def csv(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / f"{name}.csv", keep_default_na=False, na_values=[""])


def preferred(df: pd.DataFrame) -> pd.DataFrame:
    return df[df["preferred"].astype(str).str.lower() == "true"]


# Each test renders the faces it reads itself, one part where one is enough (a tenth of a second to a second):
# ``make mutation`` maps each test to the functions it calls, and a module-scoped fixture's calls would be
# credited to whichever test happened to build it first.
def static_face(*parts: str, id: str | None = None) -> BeautifulSoup:
    return BeautifulSoup(gender_explorer(id=id, parts=parts or PARTS).static_html(), "html.parser")


def live_face(*parts: str) -> dict:
    return gender_explorer(parts=parts or PARTS).widgets()


def section(soup, part: str):
    fig = soup.find("figure", id=f"swl-gender-{part}")
    assert fig is not None, part
    return fig


def states(fig) -> dict:
    return json.loads(fig.find("script", class_="swl-states").string)


def static_figure(fig) -> dict:
    return json.loads(fig.find("script", class_="swl-plotly").string)


def static_controls(fig) -> dict:
    """name -> {kind, label, options (labels), default (label or value)} of one static explorer's controls."""
    out = {}
    for c in fig.select(".swl-control"):
        kind = c["data-kind"]
        if kind == "radio":
            inputs = c.find_all("input")
            labels = [c.find("label", attrs={"for": i["id"]}).get_text() for i in inputs]
            checked = [lab for i, lab in zip(inputs, labels, strict=True) if i.has_attr("checked")]
            assert len(checked) == 1, c["data-name"]
            out[c["data-name"]] = {"kind": kind, "label": c.legend.get_text(), "options": labels, "default": checked[0]}
        elif kind == "select":
            opts = c.find_all("option")
            sel = [o.get_text() for o in opts if o.has_attr("selected")]
            assert len(sel) == 1, c["data-name"]
            out[c["data-name"]] = {"kind": kind, "label": c.label.get_text(), "options": [o.get_text() for o in opts],
                                   "default": sel[0], "values": [o["value"] for o in opts]}
        else:
            assert kind == "range", kind
            inp = c.find("input")
            vals = json.loads(inp["data-values"])
            out[c["data-name"]] = {"kind": kind, "label": c.label.get_text(), "options": vals,
                                   "default": vals[int(inp["value"])], "valuetext": inp["aria-valuetext"],
                                   "output": c.output.get_text()}
    return out


def live_options(ctl) -> list[tuple[str, object]]:
    return [o if isinstance(o, tuple) else (str(o), o) for o in ctl.options]


def live_summaries(box) -> list[str]:
    """The live face's summary sentences, in the order of its parts."""
    return [BeautifulSoup(c.value, "html.parser").get_text() for c in box.children
            if isinstance(c, w.HTML) and 'class="swl-summary"' in c.value]


# ============================================================================================== controls
STATIC_CONTROLS = {"shares": ["which"], "pipeline": ["preset", "r", "k"], "ethnicity": ["year", "area"]}


@pytest.mark.parametrize("part", PARTS)
def test_gender_static_and_live_controls_agree(part):
    soup, live = static_face(part), live_face(part)
    ctl = static_controls(section(soup, part))
    assert list(ctl) == STATIC_CONTROLS[part]
    for name, c in ctl.items():
        lw = live["controls"][name]
        assert c["label"] == lw.description, name
        if c["kind"] in ("radio", "select"):
            assert isinstance(lw, w.RadioButtons if c["kind"] == "radio" else w.Dropdown), name
            labels = [lab for lab, _ in live_options(lw)]
            if name == "area":  # the static face offers England and the regions; live adds the councils
                assert labels[:len(c["options"])] == c["options"]
                assert len(labels) > len(c["options"])
            else:
                assert labels == c["options"], name
            assert dict((v, lab) for lab, v in live_options(lw))[lw.value] == c["default"], name
        else:
            assert isinstance(lw, w.IntSlider if all(isinstance(v, int) for v in c["options"]) else w.FloatSlider)
            assert c["default"] == lw.value, name
            assert str(c["default"]) == c["valuetext"] == c["output"], name
            for v in c["options"]:  # every prepared value is one the live slider can be set to
                assert lw.min <= v <= lw.max, (name, v)
                assert abs((v - lw.min) / lw.step - round((v - lw.min) / lw.step)) < 1e-9, (name, v)


def test_gender_live_note_states_the_static_ranges():
    soup = static_face("pipeline", "ethnicity")
    note = soup.find("p", class_="swl-note").get_text()
    m = re.search(r"pipeline: r from ([\d.]+) to ([\d.]+) in steps of ([\d.]+), k from (\d+) to (\d+); "
                  r"ethnicity: England and the regions", note)
    assert m, note
    r_lo, r_hi, r_step, k_lo, k_hi = (float(x) for x in m.groups())
    ctl = static_controls(section(soup, "pipeline"))
    rs, ks = ctl["r"]["options"], ctl["k"]["options"]
    assert (rs[0], rs[-1], ks[0], ks[-1]) == (r_lo, r_hi, k_lo, k_hi)
    assert all(b - a == pytest.approx(r_step) for a, b in zip(rs, rs[1:], strict=False))
    assert ks == list(range(int(k_lo), int(k_hi) + 1))
    # "England and the regions": the area list is England, then every region in the data, by name
    df = csv("children_workforce_ethnicity")
    regions = sorted(df[df["geographic_level"] == "Regional"]["area_name"].unique())
    assert static_controls(section(soup, "ethnicity"))["area"]["options"] == ["England"] + [
        f"Region: {n}" for n in regions]


def test_gender_live_pipeline_starts_at_the_presets_entry_share():
    live = live_face("pipeline")
    c = live["controls"]
    df = preferred(csv("gender_comparators"))
    row = df[(df["measure"] == "share female") & (df["group"] == "children and family social workers (LA)")
             & (df["year"] == 2022)]
    assert c["preset"].value == "social-work"
    assert c["f0"].value == pytest.approx(float(row["value"].iloc[0]))
    assert live["figures"]["pipeline"].data[0].y[0] == pytest.approx(float(row["value"].iloc[0]))


# ============================================================================================== what each face draws
def expected_bars(which: str) -> list[tuple[str, float]]:
    df = preferred(csv("gender_comparators"))
    df = df[df["measure"] == "share female"]
    out = []
    for _family, _label, kind, groups in G.BARS:
        r = df[df["group"].isin(groups)].sort_values(["year", "period"])
        out.append((kind, float((r.iloc[-1] if which == "latest" else r.iloc[0])["value"])))
    return out


def test_gender_static_shares_states_draw_the_data_and_match_the_live_face():
    soup, live = static_face("shares"), live_face("shares")
    fig = section(soup, "shares")
    st, c = states(fig), static_controls(fig)["which"]
    value_of = {lab: v for lab, v in live_options(live["controls"]["which"])}
    assert st["initial"] == str(c["options"].index(c["default"]))
    first = static_figure(fig)["data"]
    for i, label in enumerate(c["options"]):
        which = value_of[label]
        exp = expected_bars(which)
        patch = st["states"][str(i)]
        assert patch["traces"]["0"]["x"] == [v if k == "Profession" else None for k, v in exp]
        assert patch["traces"]["1"]["x"] == [v if k == "Leadership" else None for k, v in exp]
        if label == c["default"]:
            assert first[0]["x"] == patch["traces"]["0"]["x"] and first[1]["x"] == patch["traces"]["1"]["x"]
        live["controls"]["which"].value = which
        assert live_summaries(live["box"]) == [patch["summary"]], which
        assert list(live["figures"]["shares"].data[1].x) == patch["traces"]["1"]["x"]
    live["controls"]["which"].value = "latest"


def model(f0: float, r: float, k: int) -> list[float]:
    f = [f0]
    for _ in range(k):
        f.append(f[-1] / (f[-1] + r * (1 - f[-1])))
    return f


def test_gender_static_pipeline_states_are_the_model_and_agree_with_the_live_face():
    soup, live = static_face("pipeline"), live_face("pipeline")
    fig = section(soup, "pipeline")
    st, ctl = states(fig), static_controls(fig)
    c, fw = live["controls"], live["figures"]["pipeline"]
    value_of = {lab: v for lab, v in live_options(c["preset"])}
    # default state first, then a comparison other than the default, then the worked example
    for p_lab, r, k in ((ctl["preset"]["default"], ctl["r"]["default"], ctl["k"]["default"]),
                        (ctl["preset"]["options"][1], 1.5, 4), (ctl["preset"]["options"][-1], 3.0, 1),
                        (ctl["preset"]["options"][2], 0.5, 6)):
        key = "|".join(str(i) for i in (ctl["preset"]["options"].index(p_lab), ctl["r"]["options"].index(r),
                                        ctl["k"]["options"].index(k)))
        patch = st["states"][key]
        c["preset"].value = value_of[p_lab]
        c["r"].value, c["k"].value = r, k
        assert patch["traces"]["0"]["x"] == list(range(k + 1)) == list(fw.data[0].x)
        assert patch["traces"]["0"]["y"] == pytest.approx(list(fw.data[0].y)), p_lab
        target = patch["traces"]["1"]["y"]
        assert target == ([None, None] if fw.data[1].y[0] is None else pytest.approx(list(fw.data[1].y)))
        y = patch["traces"]["0"]["y"]
        assert y == pytest.approx([round(100 * v, 1) for v in model(y[0] / 100, r, k)])
        # the static sentence is the short one and agrees with its own figure
        s = patch["summary"]
        assert s.startswith(f"Model: {y[-1]:.1f}% women after {k} step{'s' if k != 1 else ''}.")
        assert ("Real figure:" in s) == (target[0] is not None)
        if target[0] is not None:
            assert f"Real figure: {target[0]:g}%" in s
            # the comparison's entry and leadership shares are the ones listed under the figure (from data/)
            listed = next(li.get_text() for li in soup.find_all("li") if li.get_text().startswith(p_lab + ": "))
            entry, top = (float(x) for x in re.findall(r"(?:: | → )([\d.]+)% of", listed))
            assert (y[0], target[0]) == (entry, top)
            need = ((y[0] / 100) * (1 - target[0] / 100) / ((target[0] / 100) * (1 - y[0] / 100))) ** (1 / k)
            assert f"reaching it in {k} step{'s' if k != 1 else ''} needs r ≈ {need:.2f}." in s
        assert f"r = {r:g}, k = {k} → {y[-1]:.1f}% women at the top" in patch["layout"]["title.text"]
    c["preset"].value = "social-work"
    c["r"].value, c["k"].value = 2, 3


def test_gender_static_pipeline_initial_figure_is_its_initial_state():
    soup = static_face("pipeline")
    fig = section(soup, "pipeline")
    st = states(fig)
    data = static_figure(fig)["data"]
    patch = st["states"][st["initial"]]
    assert data[0]["y"] == patch["traces"]["0"]["y"] and data[1]["y"] == patch["traces"]["1"]["y"]
    # the static states carry no point labels, so the static line draws none
    assert data[0]["mode"] == "lines+markers" and "text" not in data[0] and "text" not in patch["traces"]["0"]
    assert fig.find("p", class_="swl-summary").get_text() == patch["summary"]


def test_gender_static_pipeline_lists_each_comparison_with_its_figures():
    soup = static_face("pipeline")
    notes = [li.get_text() for div in soup.find_all("div", class_="swl-notes") for li in div.find_all("li")
             if "→" in li.get_text()]
    df = preferred(csv("gender_comparators"))
    labels = static_controls(section(soup, "pipeline"))["preset"]["options"]
    compared = [lab for lab in labels if not lab.startswith("Worked example")]
    assert len(notes) == len(compared) == 4
    box = next(d for d in soup.find_all("div", class_="swl-notes") if "The comparisons" in d.get_text())
    assert box.get_text() == "The comparisons, from data/:" + "".join(notes)
    for lab, note in zip(compared, notes, strict=True):
        head, entry, top = note.split("→")[0], *note.split(": ", 1)[1].split(" → ")
        assert note.startswith(lab + ": ") and head
        shares = df[df["measure"] == "share female"]
        for text in (entry, top):  # "<value>% of <group> (<period>, <source>)", a row of data/
            assert any(text.startswith(f"{v:g}% of {g} (") and f"({p}, " in text
                       for v, g, p in zip(shares["value"], shares["group"], shares["period_label"], strict=True)), text
        assert entry != top


def expected_ethnicity(year: int, area: str) -> dict:
    df = csv("children_workforce_ethnicity")
    sub = df[(df["time_period"] == year) & (df["area_code"] == area)]
    return {r["role"]: r for r in sub.to_dict("records")}


def test_gender_static_ethnicity_states_draw_the_data_for_every_year_and_area():
    soup, live = static_face("ethnicity"), live_face("ethnicity")
    fig = section(soup, "ethnicity")
    st, ctl = states(fig), static_controls(fig)
    code_of = {lab: v for lab, v in live_options(live["controls"]["area"])}
    roles = [G.ROLE_LABELS.get(r, r) for r in G.ROLES]
    assert static_figure(fig)["data"][0]["y"] == roles
    for yi, year in enumerate(ctl["year"]["options"]):
        for ai, area_lab in enumerate(ctl["area"]["options"]):
            patch = st["states"][f"{yi}|{ai}"]
            rows = expected_ethnicity(int(year), code_of[area_lab])
            for i, (col, _) in enumerate(G.ETHNIC):
                exp = [None if (r := rows.get(role)) is None or isinstance(r["shares_suppression"], str)
                       else float(r[col]) for role in G.ROLES]
                assert patch["traces"][str(i)]["x"] == pytest.approx(exp), (year, area_lab, col)
            name = next(iter(rows.values()))["area_name"]
            assert patch["layout"]["title.text"] == f"Ethnicity by role: {name}, {year}"
    # the live face, set to a region and year other than the default, says and draws the same
    yi, ai = 1, 3
    c = live["controls"]
    c["year"].value = int(ctl["year"]["options"][yi])
    c["area"].value = code_of[ctl["area"]["options"][ai]]
    patch = st["states"][f"{yi}|{ai}"]
    assert live_summaries(live["box"]) == [patch["summary"]]
    fw = live["figures"]["ethnicity"]
    assert [list(fw.data[i].x) for i in range(5)] == [patch["traces"][str(i)]["x"] for i in range(5)]
    c["year"].value, c["area"].value = max(c["year"].options), "E92000001"


def test_gender_static_ethnicity_table_is_englands_rows():
    soup = static_face("ethnicity")
    fig = section(soup, "ethnicity")
    table = fig.find("table")
    head = [th.get_text() for th in table.thead.find_all("th")]
    # the table names what the figure draws: its years, its roles and each series in the legend
    legend = [tr["name"] for tr in static_figure(fig)["data"]]
    year_label = static_controls(fig)["year"]["label"]
    assert head == [year_label.split()[0], "Role", "Known headcount"] + [f"{n} (%)" for n in legend]
    df = csv("children_workforce_ethnicity")
    eng = df[df["area_code"] == "E92000001"].sort_values(["time_period", "role"])
    body = [[td.get_text() for td in tr.find_all(["th", "td"])] for tr in table.tbody.find_all("tr")]
    assert len(body) == len(eng)
    for cells, (_, r) in zip(body, eng.iterrows(), strict=True):
        assert cells[0] == str(r["time_period"])
        assert cells[1] == G.ROLE_LABELS.get(r["role"], r["role"])
        assert cells[1] in static_figure(fig)["data"][0]["y"]
        assert cells[2] == f"{int(r['known_headcount']):,}"
        assert [float(x) for x in cells[3:]] == [float(r[col]) for col, _ in G.ETHNIC]
    years = sorted(eng["time_period"].unique())
    assert table.caption.get_text() == f"Ethnicity by role, England, {years[0]}–{years[-1]} (DfE; % of known)"


def test_gender_ethnicity_table_marks_suppressed_cells_with_their_code():
    df = csv("children_workforce_ethnicity")
    hidden = df[df["shares_suppression"].notna() & df["known_headcount_suppression"].notna()]
    area = hidden["area_code"].iloc[0]
    t = G.ethnicity_table(area)
    rows = df[df["area_code"] == area].sort_values(["time_period", "role"])
    assert len(t) == len(rows) and set(t["Year"]) == set(rows["time_period"])
    for (_, got), (_, r) in zip(t.iterrows(), rows.iterrows(), strict=True):
        assert got["Role"] == G.ROLE_LABELS.get(r["role"], r["role"])
        assert got["Known headcount"] == ("" if isinstance(r["known_headcount_suppression"], str)
                                          else f"{int(r['known_headcount']):,}")
        for col, label in G.ETHNIC:
            code = r["shares_suppression"]
            assert got[f"{label} (%)"] == (code if isinstance(code, str) else f"{r[col]:g}"), (col, r["role"])


# ============================================================================================== parts, ids, text
@pytest.mark.parametrize("part", PARTS)
def test_gender_each_part_alone_in_both_faces(part):
    html = gender_explorer(id="g2", parts=(part,)).static_html()
    s = BeautifulSoup(html, "html.parser")
    figs = [f["id"] for f in s.find_all("figure", class_="swl-explorer")]
    assert figs == [f"swl-g2-{part}"]
    ids = [t["id"] for t in s.find_all(id=True)]
    assert len(ids) == len(set(ids))
    assert all(i.startswith(("swl-g2-", "swl-workforce-g2")) for i in ids if i.startswith("swl-")), ids
    assert html.startswith('<div class="swl-workforce" id="swl-workforce-g2">') and html.endswith("</div>")
    assert ("The comparisons, from data/:" in html) == (part == "pipeline")
    assert not [t for t in s.div.find_all(string=True, recursive=False) if t.strip()]  # nothing stray between parts
    parts = gender_explorer(parts=(part,)).widgets()
    assert list(parts["figures"]) == [part]
    assert set(parts["controls"]) >= set(STATIC_CONTROLS[part])
    assert not set(parts["controls"]) & {n for p in PARTS if p != part for n in STATIC_CONTROLS[p]}


ACRONYMS = {"NHS", "UK", "CSV", "GMC", "HCPC", "ALB", "LA", "DfE", "GSCC", "CCG"}
PROPER = ACRONYMS | {"England"}


def well_formed(text: str) -> list[str]:
    """What is wrong with a label, caption or sentence: it must begin with a capital (or a digit), each
    sentence too, have no word in capitals other than the book's acronyms, and write those (and England) as
    they are written."""
    bad = []
    if not (text[:1].isupper() or text[:1].isdigit()):
        bad.append(f"starts in lower case: {text!r}")
    bad += [f"sentence starts in lower case: {m.group(0)!r}" for m in re.finditer(r"\. +[a-z]", text)]
    bad += [f"shouting: {word!r}" for word in re.findall(r"[A-Za-z_]*[A-Z]{2,}[A-Za-z_]*", text)
            if word not in ACRONYMS]
    bad += [f"proper name in lower case: {word!r}" for word in re.findall(r"[A-Za-z]+", text)
            if word not in PROPER and word.lower() in {p.lower() for p in PROPER}]
    return bad


def test_gender_static_text_is_well_formed():
    soup = static_face()
    texts = []
    for fig in soup.find_all("figure", class_="swl-explorer"):
        texts.append(fig.find("div", class_="swl-controls")["aria-label"].removeprefix("Controls: "))
        texts.append(fig.figcaption.get_text())
        for c in static_controls(fig).values():
            texts.append(c["label"])
            texts += [o for o in c["options"] if isinstance(o, str)]
        texts += [cap.get_text() for cap in fig.find_all("caption")]
    problems = [p for t in texts for p in well_formed(t)]
    assert not problems, problems
    assert len(texts) > 20


def test_each_controls_group_is_named_after_the_chart_a_reader_sees():
    """A screen reader names each group of controls by the title printed on the chart it changes."""
    soup = static_face()
    groups = [fig.find("div", class_="swl-controls")["aria-label"]
              for fig in soup.find_all("figure", class_="swl-explorer")]
    titles = [G.shares_figure().layout.title.text, G.pipeline_figure().layout.title.text,
              G.ethnicity_figure().layout.title.text]
    assert groups == [f"Controls: {t}" for t in titles]
    assert len(set(groups)) == 3


def test_gender_text_alternatives_describe_what_is_drawn():
    soup = static_face()
    shares, pipeline, eth = (section(soup, p) for p in PARTS)
    for fig in (shares, pipeline, eth):
        assert fig.figcaption.get_text() == fig.find("div", class_="swl-plot")["aria-label"]
    alt = shares.figcaption.get_text()
    data = static_figure(shares)["data"]
    assert alt.startswith("Horizontal bar chart") and data[0]["orientation"] == data[1]["orientation"] == "h"
    # one named group per bar
    groups = re.search(r"each group: (.+?)\. ", alt).group(1).replace(" and ", ", ").split(", ")
    assert len(groups) == len(data[0]["y"])
    assert "Leadership bars are hatched" in alt
    assert data[1]["name"] == "Leadership role" and data[1]["marker"]["pattern"]["shape"]
    assert not data[0]["marker"]["pattern"]["shape"]
    alt = pipeline.figcaption.get_text()
    data = static_figure(pipeline)["data"]
    assert alt.startswith("Line chart") and "dashed line" in alt and "dotted line" in alt
    assert data[1]["line"]["dash"] == "dash" and data[2]["line"]["dash"] == "dot" and data[2]["y"] == [50, 50]
    alt = eth.figcaption.get_text()
    fig = static_figure(eth)
    assert alt.startswith("Stacked horizontal bars, one per role from case holder to senior manager")
    assert fig["layout"]["barmode"] == "stack" and fig["data"][0]["orientation"] == "h"
    assert fig["data"][0]["y"][0] == "Case holder" and "Senior manager" in fig["data"][0]["y"]


def test_gender_ethnicity_figure_tells_its_series_apart_without_colour():
    fig = G.ethnicity_figure()
    names = [tr.name for tr in fig.data]
    # each series is named for the column of data/ it draws (white_pct -> "White ...")
    assert [n.split()[0].split(",")[0].lower() for n in names] == [c.removesuffix("_pct") for c, _ in G.ETHNIC]
    assert len({tr.marker.color for tr in fig.data}) == len({tr.marker.pattern.shape for tr in fig.data}) == 5
    for tr in fig.data:
        assert tr.orientation == "h" and tr.hovertemplate.startswith(f"{tr.name}: %{{x:.1f}}% of %{{y}}")
        assert list(tr.y) == [G.ROLE_LABELS.get(r, r) for r in G.ROLES]
    assert fig.layout.barmode == "stack" and tuple(fig.layout.xaxis.range)[0] == 0
    # the stacked shares add up to 100% give or take rounding: the axis ends just past the longest stack
    df = csv("children_workforce_ethnicity")
    longest = df[df["shares_suppression"].isna()][[c for c, _ in G.ETHNIC]].round(1).sum(axis=1).max()
    assert longest <= fig.layout.xaxis.range[1] < longest + 1 and "known ethnicity" in fig.layout.xaxis.title.text
    assert fig.layout.yaxis.autorange == "reversed"  # case holders at the top, as the text alternative reads
    assert not well_formed(fig.layout.xaxis.title.text)
    legend_inside_below(fig)


def table_rows(table) -> list[list[str]]:
    return [[c.get_text() for c in tr.find_all(["th", "td"])] for tr in table.find_all("tr")]


def test_gender_live_text_agrees_with_the_static_face():
    soup, live = static_face(), live_face()
    # each figure's text alternative, in the same order
    alts = [BeautifulSoup(c.value, "html.parser").get_text() for c in live["box"].children
            if isinstance(c, w.HTML) and 'class="swl-alt"' in c.value]
    assert alts == [section(soup, p).figcaption.get_text() for p in PARTS]
    # the same data tables (caption, header and every row) and the same sources
    acc = live["box"].children[-1]
    panels = {acc.get_title(i): BeautifulSoup(acc.children[i].value, "html.parser") for i in range(len(acc.children))}
    assert list(panels) == ["Assumptions and cautions", "Data table", "Ethnicity table", "Sources"]
    for title, part in (("Data table", "shares"), ("Ethnicity table", "ethnicity")):
        static_table = section(soup, part).find("table")
        assert panels[title].caption.get_text() == static_table.caption.get_text()
        assert table_rows(panels[title].table) == table_rows(static_table)
    static_sources = soup.find("div", class_="swl-workforce").find_all("li")
    live_sources = panels["Sources"].find_all("li")
    assert [li.get_text() for li in live_sources] == [li.get_text() for li in static_sources[-len(live_sources):]]
    assert panels["Assumptions and cautions"].get_text() in soup.get_text()
    parts = gender_explorer(parts=("pipeline",)).widgets()
    acc = parts["box"].children[-1]
    assert [acc.get_title(i) for i in range(len(acc.children))] == ["Assumptions and cautions", "Data table", "Sources"]


def test_gender_ethnicity_upload_help_offers_the_template():
    from swleadership.data import template_path

    html = G.eth_upload_help_html()
    a = BeautifulSoup(html, "html.parser").find("a")
    tpl = DATA / "templates" / Path(template_path("children_workforce_ethnicity")).name
    assert a["download"] == tpl.name and a.get_text() == "Download the template CSV"
    head, _, payload = a["href"].partition(",")
    assert head == "data:text/csv;base64" and base64.b64decode(payload) == tpl.read_bytes()
    text = BeautifulSoup(html, "html.parser").get_text()
    assert "csww_workforce_role_by_ethnicity_*.csv" in text and not well_formed(text.replace(
        "csww_workforce_role_by_ethnicity_*.csv", "file"))
    assert html.startswith('<p class="swl-note">')


def test_gender_bench_paths_time_the_static_grid():
    paths = G.bench_paths()
    assert sorted(paths) == ["gender: ethnicity by role", "gender: pipeline", "gender: shares of women"]
    seen = set()
    for _ in range(len(G.PRESETS) * len(G.R_GRID) * G.K_MAX_STATIC):
        p = paths["gender: pipeline"]()
        seen.add(len(p["traces"][0]["x"]) - 1)
    assert seen == set(range(1, G.K_MAX_STATIC + 1))
    assert {paths["gender: shares of women"]()["layout"]["title.text"] for _ in range(2)} == {
        "Share of women: professions and leadership roles (latest figures)",
        "Share of women: professions and leadership roles (earliest figures)"}
    assert paths["gender: ethnicity by role"]()["summary"].startswith("England, ")


# ============================================================================================== figures and tables



def legend_inside_below(fig):
    """The legend sits below the plot and inside the figure: its offset fits in the bottom margin."""
    lay = fig.layout
    plot_height = lay.height - lay.margin.t - lay.margin.b
    assert lay.legend.y < 0 and -lay.legend.y * plot_height < lay.margin.b, (lay.legend.y, lay.height, lay.margin)


def test_gender_shares_table_lists_every_figure_in_the_data():
    t = G.shares_table()
    df = csv("gender_comparators")
    groups = {g for *_, gs in G.BARS for g in gs}
    rows = df[(df["measure"] == "share female") & df["group"].isin(groups)]
    assert list(t.columns) == ["Group", "Share of women (%)", "Period", "Geography", "Status", "Used in the chart",
                               "Source"]
    assert len(t) == len(rows)
    keys = list(zip(t["Group"], t["Period"], strict=True))
    assert keys == sorted(keys, key=lambda k: (k[0], int(rows[(rows["group"] == k[0])
                                                             & (rows["period_label"] == k[1])]["year"].iloc[0])))
    got = sorted(map(tuple, t.astype(str).values.tolist()))
    exp = sorted((r["group"], (f"{r['qualifier']} " if isinstance(r["qualifier"], str) else "") + f"{r['value']:g}",
                  r["period_label"], r["geography"], r["status"],
                  "yes" if str(r["preferred"]).lower() == "true" else "no (another source preferred)",
                  G.b.source_short(r["source_id"])) for _, r in rows.iterrows())
    assert got == exp
    assert any(isinstance(q, str) for q in rows["qualifier"]) and "no (another source preferred)" in set(t.iloc[:, 5])


def test_gender_shares_figure_is_readable_and_tells_its_series_apart():
    fig = G.shares_figure()
    prof, lead, upload = fig.data
    assert [tr.name for tr in fig.data] == ["Whole profession or workforce", "Leadership role", "Your file"]
    rows = [f"{label} ({family})" for family, label, _, _ in G.BARS]
    for tr in fig.data:
        assert tr.orientation == "h" and list(tr.y) == rows and tr.textposition == "outside"
        assert contrast(tr.marker.color) >= 3, tr.name  # WCAG 1.4.11, bars on the white plot
    assert len({tr.marker.color for tr in fig.data}) == len({tr.marker.pattern.shape or "" for tr in fig.data}) == 3
    assert not prof.marker.pattern.shape and lead.marker.pattern.shape  # the alt text: leadership bars are hatched
    # one bar per row, drawn on its row's label, never clipped; the file's bars hidden until a file is read
    assert fig.layout.barmode == "overlay"
    for which in ("latest", "earliest"):
        patch = G.shares_update(which)["traces"]
        for p, q in zip(patch[0]["x"], patch[1]["x"], strict=True):
            assert (p is None) != (q is None)
        for i in (0, 1):
            assert all((x is None) == (t == "") for x, t in zip(patch[i]["x"], patch[i]["text"], strict=True))
    assert upload.visible is False and set(upload.x) == {None}
    for tr in (prof, lead):
        assert tr.hovertemplate == "%{y}: %{text}<extra></extra>" and tr.cliponaxis is False
    ax = fig.layout.xaxis
    assert ax.title.text == "Women (%)" and ax.range[0] == 0 and ax.range[1] > 100
    assert list(ax.tickvals) == list(range(0, 101, 20))  # percentages: no tick past 100
    assert fig.layout.yaxis.autorange == "reversed"  # the first group in the list is the top bar
    # the long group names fit: the left margin grows to hold them (it starts at a few pixels)
    assert fig.layout.yaxis.automargin is True or fig.layout.margin.l >= 8 * max(map(len, rows))
    assert fig.layout.height >= 40 * len(rows)
    legend_inside_below(fig)


def test_gender_pipeline_figure_draws_model_target_and_parity():
    for live, k_max in ((False, G.K_MAX_STATIC), (True, G.m.K_MAX)):
        fig = G.pipeline_figure(k_max=k_max, live=live)
        line, real, parity = fig.data
        assert [tr.name for tr in fig.data] == ["Model: share of women at each level",
                                                "Real share in the leadership role", "Parity (50%)"]
        assert line.mode == ("lines+markers+text" if live else "lines+markers")
        assert list(real.x) == list(parity.x) == [0, k_max] and list(parity.y) == [50, 50]
        assert real.mode == parity.mode == "lines"  # reference lines: no point markers
        assert (line.line.dash or "solid", real.line.dash, parity.line.dash) == ("solid", "dash", "dot")
        for tr in fig.data:
            assert contrast(tr.line.color) >= 3, tr.name
        assert line.hovertemplate == "Level %{x}: %{y:.1f}% women<extra></extra>"
        assert "%{y:.1f}%" in real.hovertemplate and parity.hoverinfo == "skip"
        ax = fig.layout.xaxis
        assert ax.range[0] < 0 and k_max < ax.range[1] < k_max + 1 and ax.dtick == 1
        assert ax.title.text.startswith("Level (0 = entry")
        assert fig.layout.yaxis.range[0] == 0 and 100 < fig.layout.yaxis.range[1] <= 110
        assert fig.layout.yaxis.title.text == "Women at this level (%)"
        legend_inside_below(fig)


def test_gender_leadership_is_one_colour_in_both_figures():
    # the leadership bars and the pipeline's real leadership share are the same thing, so the same colour
    shares, pipeline = G.shares_figure(), G.pipeline_figure()
    assert shares.data[1].name == "Leadership role" and pipeline.data[1].name == "Real share in the leadership role"
    assert shares.data[1].marker.color == pipeline.data[1].line.color
    assert shares.data[0].marker.color != shares.data[1].marker.color


def test_gender_sources_name_every_row_drawn():
    """The sources list names the source of every figure either face can draw: each bar's earliest and latest
    share, each comparison's entry and leadership share, and DfE's ethnicity table."""
    df = preferred(csv("gender_comparators"))
    df = df[df["measure"] == "share female"]
    ids = []
    for which in ("latest", "earliest"):
        for _family, _label, _kind, groups in G.BARS:
            r = df[df["group"].isin(groups)].sort_values(["year", "period"])
            ids.append((r.iloc[-1] if which == "latest" else r.iloc[0])["source_id"])
    for _label, g0, y0, g1, y1 in G.PRESETS.values():
        if g0 is not None:
            ids += [df[(df["group"] == g) & (df["year"] == y)]["source_id"].iloc[0] for g, y in ((g0, y0), (g1, y1))]
    expected = G.b.sources_html(ids + ["dfe2023cswwethnicity"])
    assert expected in gender_explorer(parts=("shares",)).static_html()
    assert len(set(ids)) > len(set(ids[:len(G.BARS)]))  # the comparisons and earliest figures add sources


def test_gender_explorer_names_unknown_parts():
    with pytest.raises(ValueError) as e:
        gender_explorer(parts=("shares", "pipelines"))
    assert str(e.value) == "gender_explorer(parts=...): unknown parts ['pipelines']"
