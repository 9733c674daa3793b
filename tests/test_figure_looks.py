"""The explorers' figures look as declared, and what is declared keeps the rules a reader relies on.

Each explorer module declares its figures' look once, outside the code that builds them: ``FRAMES[figure]`` (panels,
height, margins, legend, fixed axis ranges, a phone's overrides) and ``LOOKS[figure]`` (each trace's colour, dash,
width, marker and fill pattern, by role; a list for a generated family of traces). These tests check two things:

- **The figure carries its look.** Every trace wears one of its figure's declared looks, every named look is worn,
  and the layout, the axes, the panels and the phone's overrides are the declared ones. A figure that drops or
  mixes up its look fails here.
- **The look keeps the rules.** In each panel, every two traces differ by more than colour (WCAG 2.1 1.4.1); every
  colour has 3:1 contrast with the white chart (1.4.11); lines and markers are big enough to see; every value
  drawn on an axis with a fixed range lies inside it, on a laptop and on a phone; and a phone's figure is no
  shorter than the laptop's.
"""

from __future__ import annotations

import itertools

import pytest

from swleadership import models as m
from swleadership.explorers import _base as b
from swleadership.explorers import career as C
from swleadership.explorers import funding as F
from swleadership.explorers import gender as G
from swleadership.explorers import pressures as P

from ._colour import contrast

#: figure key -> (module, builder of the figure as each face builds it, its first view's patch)
FIGURES = {
    "pressures": (P, lambda live: P.build_figure(live=live), lambda: P.pressures_update()),
    "funding": (F, lambda live: F.build_figure(live=live), lambda: F.funding_update()),
    "career": (C, lambda live: C.build_figure(with_turnover=False), lambda: C.career_update(with_turnover=False)),
    "career+turnover": (C, lambda live: C.build_figure(with_turnover=True, live=live),
                        lambda: C.career_update(with_turnover=True)),
    "shares": (G, lambda live: G.shares_figure(), lambda: G.shares_update()),
    "pipeline": (G, lambda live: G.pipeline_figure(live=live), lambda: G.pipeline_update()),
    "ethnicity": (G, lambda live: G.ethnicity_figure(), lambda: G.ethnicity_update()),
}
CASES = [(key, live) for key in FIGURES for live in (False, True)]
AREA = next(code for code in P.series_index() if code != P.ENGLAND)   # the first area in the list after England
WHITE = "#ffffff"


def build(key: str, live: bool, patched: bool = False) -> dict:
    _, make, first = FIGURES[key]
    fig = make(live)
    if patched:
        b.apply_patch(fig, first())
    return fig.to_plotly_json()


def frame(key: str) -> dict:
    return FIGURES[key][0].FRAMES[key]


def looks(key: str) -> list[tuple[str, dict]]:
    """(role, look) for every declared look of the figure; a family's looks are named role[0], role[1], ..."""
    out = []
    for role, look in FIGURES[key][0].LOOKS[key].items():
        out += [(f"{role}[{i}]", one) for i, one in enumerate(look)] if isinstance(look, list) else [(role, look)]
    return out


def carries(have, want) -> bool:
    """Whether ``have`` holds everything in ``want`` (nested dicts compared key by key)."""
    if isinstance(want, dict):
        return isinstance(have, dict) and all(k in have and carries(have[k], v) for k, v in want.items())
    return have == want


def test_carries_compares_nested_values():
    assert carries({"line": {"color": "#000000", "width": 3}, "name": "x"}, {"line": {"width": 3}})
    assert not carries({"line": {"color": "#000000", "width": 3}}, {"line": {"width": 4}})
    assert not carries({"line": {"color": "#000000"}}, {"marker": {"size": 9}})
    assert not carries({"line": 3}, {"line": {"width": 3}})


# ------------------------------------------------------------------------------------------ the figure carries it

@pytest.mark.parametrize(("key", "live"), CASES)
def test_every_trace_wears_one_of_its_figures_looks(key, live):
    fig = build(key, live)
    declared = looks(key)
    for trace in fig["data"]:
        worn = [role for role, look in declared if carries(trace, look)]
        assert worn, f"{key}: the trace {trace.get('name')!r} wears none of the declared looks"


@pytest.mark.parametrize("key", FIGURES)
def test_every_named_look_is_worn_by_a_trace(key):
    fig = build(key, live=True)
    for role, look in FIGURES[key][0].LOOKS[key].items():
        family = look if isinstance(look, list) else [look]
        assert any(carries(trace, family[0]) for trace in fig["data"]), f"{key}: no trace wears {role!r}"


@pytest.mark.parametrize("key", FIGURES)
def test_no_look_is_part_of_another(key):
    """Else a trace that lost its own look could still seem to wear the other one."""
    for (r1, l1), (r2, l2) in itertools.permutations(looks(key), 2):
        if l1 != l2:
            assert not carries(l1, l2), f"{key}: {r2} is part of {r1}"


@pytest.mark.parametrize(("key", "live"), CASES)
def test_the_layout_and_axes_are_the_declared_ones(key, live):
    fig, fr = build(key, live), frame(key)
    assert carries(fig["layout"], fr.get("layout", {})), key
    assert carries(fig["layout"], fr.get("axes", {})), key
    assert fig["layout"]["height"] == fr["layout"]["height"], "every figure declares its height"


@pytest.mark.parametrize(("key", "live"), CASES)
def test_the_phone_gets_the_declared_overrides(key, live):
    meta = build(key, live)["layout"].get("meta") or {}
    assert meta.get("swl_narrow", {}).get("layout", {}) == frame(key).get("phone", {}), key


def panel_domains(layout: dict) -> list[list[float]]:
    """The y domains of the panels, top first (a secondary y axis shares its panel's domain)."""
    axes = [v for k, v in layout.items() if k.startswith("yaxis") and "overlaying" not in v]
    return sorted((ax.get("domain", [0, 1]) for ax in axes), key=lambda d: -d[1])


@pytest.mark.parametrize("key", FIGURES)
def test_the_panels_have_the_declared_heights_and_gap(key):
    domains = panel_domains(build(key, live=False)["layout"])
    panels = frame(key).get("panels")
    if panels is None:
        assert domains == [[0, 1]], f"{key} is one panel"
        return
    heights, gap = panels["row_heights"], panels["vertical_spacing"]
    assert len(domains) == len(heights)
    room = 1 - gap * (len(heights) - 1)
    for (low, high), h in zip(domains, heights, strict=True):
        assert high - low == pytest.approx(room * h / sum(heights)), key
    for upper, lower in itertools.pairwise(domains):
        assert upper[0] - lower[1] == pytest.approx(gap), key


def test_panel_heights_are_worked_out_by_hand():
    """Two panels 0.6 : 0.4 with a 0.2 gap share the remaining 0.8 of the height as 0.48 and 0.32."""
    domains = panel_domains(build("pressures", live=False)["layout"])
    assert domains == [pytest.approx([0.52, 1.0]), pytest.approx([0.0, 0.32])]


# ------------------------------------------------------------------------------------------ the look keeps the rules

def weight(width: float) -> str:
    """A line's weight as a reader tells it: a pixel more or less is not a difference, thin, normal and thick are."""
    return "thin" if width < 2 else "thick" if width >= 4 else "normal"


def test_line_weights_are_told_apart_only_when_clearly_different():
    assert [weight(w) for w in (1, 1.5, 2, 3, 4, 5)] == ["thin", "thin", "normal", "normal", "thick", "thick"]


def cues(trace: dict) -> tuple:
    """What tells a trace apart besides colour: its kind, and its line's dash and weight, its marker symbol or its
    fill pattern."""
    mode = trace.get("mode", "")
    marker = trace.get("marker", {})
    line = trace.get("line", {}) if trace.get("type") == "scatter" else {}
    return (trace.get("type"), mode, line.get("dash", "solid"), weight(line.get("width", 2)),
            marker.get("symbol", "circle") if "markers" in mode else None,
            marker.get("pattern", {}).get("shape", ""))


def panel_of(trace: dict) -> tuple:
    return trace.get("xaxis", "x"), trace.get("yaxis", "y")


def shown_together(key: str):
    """For each view a control can give (each funding series; an area beside England; the rest as first shown),
    the traces shown in it with a legend entry, the reader's own file's traces included (hidden until a file is
    uploaded)."""
    views = {"funding": lambda: [F.funding_update(s) for s in F.SERIES],
             "pressures": lambda: [P.pressures_update(), P.pressures_update(area=AREA)]}.get(
        key, lambda: [FIGURES[key][2]()])()
    for patch in views:
        _, make, _ = FIGURES[key]
        fig = make(True)
        b.apply_patch(fig, patch)
        yield [t for t in fig.to_plotly_json()["data"] if t.get("showlegend", True)
               and (t.get("visible", True) is not False or t["name"].startswith("Your file"))]


@pytest.mark.parametrize("key", FIGURES)
def test_series_in_a_panel_differ_by_more_than_colour(key):
    for shown in shown_together(key):
        for t1, t2 in itertools.combinations(shown, 2):
            if panel_of(t1) == panel_of(t2):
                assert cues(t1) != cues(t2), f"{key}: {t1['name']!r} and {t2['name']!r} differ only in colour"


def test_the_pressures_views_show_england_beside_an_area():
    """England's own line is hidden while England is the area: the rule above also looks at an area beside it."""
    first, beside = shown_together("pressures")
    assert [t["name"] for t in first].count("England") == 1          # England as the area, its own line hidden
    names = [t["name"] for t in beside]
    assert names.count("England") == 1 and P.series_index()[AREA]["label"] in names


def test_the_funding_views_each_show_their_series():
    """The rule above compares the series a reader sees together: one funding series at a time, each of its parts."""
    views = list(shown_together("funding"))
    assert len(views) == len(F.SERIES)
    for view, key in zip(views, F.SERIES, strict=True):
        legends = {part[4] for part in F.series_points(key)}
        assert legends <= {t["name"] for t in view}


def colour(trace: dict) -> str:
    """The colour a reader sees: the line's, else the marker's (a white bar is seen by its outline)."""
    if trace.get("type") == "scatter" and "lines" in trace.get("mode", "lines"):
        return trace["line"]["color"]
    marker = trace["marker"]
    return marker["line"]["color"] if marker.get("color", "").lower() == WHITE else marker["color"]


@pytest.mark.parametrize("key", FIGURES)
def test_every_series_colour_has_3_to_1_contrast_with_the_chart(key):
    for trace in build(key, live=True)["data"]:
        assert contrast(colour(trace), WHITE) >= 3, (key, trace.get("name"), colour(trace))


@pytest.mark.parametrize("key", FIGURES)
def test_lines_and_markers_are_big_enough_to_see(key):
    for trace in build(key, live=True)["data"]:
        if trace.get("type") != "scatter":
            continue
        mode = trace.get("mode", "lines+markers")
        if "lines" in mode:
            assert trace.get("line", {}).get("width", 2) >= 1, (key, trace.get("name"))
        if "markers" in mode:
            assert trace.get("marker", {}).get("size", 6) >= 7, (key, trace.get("name"))


def fixed_ranges(key: str) -> dict[str, list[list]]:
    """Axis name (xaxis2, ...) -> the fixed ranges it takes: the laptop's, then the phone's."""
    fr, out = frame(key), {}
    for axis, props in fr.get("axes", {}).items():
        if "range" in props:
            out.setdefault(axis, []).append(props["range"])
    for dotted, value in fr.get("phone", {}).items():
        if dotted.endswith(".range"):
            out.setdefault(dotted.split(".")[0], []).append(value)
    return out


def values_on(fig: dict, axis: str) -> list:
    """Every value the shown traces draw along ``axis`` (stacked bars as their stacks' totals)."""
    letter, n = axis[0], axis[5:]
    ref = letter + n
    out, stacks = [], {}
    for trace in fig["data"]:
        if trace.get("visible", True) is False or trace.get(f"{letter}axis", letter) != ref:
            continue
        along = "x" if trace.get("orientation") == "h" else "y"
        if trace.get("type") == "bar" and letter != along:
            continue   # a bar's categories lie along the other axis
        vals = [v for v in trace.get(letter) or [] if v is not None]
        if trace.get("type") == "bar" and fig["layout"].get("barmode") == "stack":
            for cat, v in zip(trace["y" if along == "x" else "x"], trace[letter], strict=True):
                stacks[cat] = stacks.get(cat, 0) + (v or 0)
        else:
            out += vals
    return out + list(stacks.values())


def test_the_fixed_ranges_are_checked_somewhere():
    """The range rule below has something to check in each figure that fixes a range."""
    assert set(fixed_ranges("funding")) == {"xaxis", "xaxis2", "xaxis3"}
    assert len(values_on(build("funding", live=False, patched=True), "xaxis")) == len(F.changes())
    stacked = values_on(build("ethnicity", live=False, patched=True), "xaxis")
    assert stacked and max(stacked) == pytest.approx(100, abs=0.5)   # each role's groups add up to 100 %


@pytest.mark.parametrize("key", FIGURES)
def test_every_value_lies_inside_a_fixed_axis_range(key):
    fig = build(key, live=False, patched=True)
    for axis, ranges in fixed_ranges(key).items():
        vals = values_on(fig, axis)
        for low, high in ranges:
            outside = [v for v in vals if not low <= v <= high]
            assert not outside, f"{key}: {axis} runs {low} to {high} but draws {outside}"


@pytest.mark.parametrize("key", FIGURES)
def test_a_phone_figure_is_no_shorter_than_the_laptops(key):
    fr = frame(key)
    assert fr.get("phone", {}).get("height", fr["layout"]["height"]) >= fr["layout"]["height"]


@pytest.mark.parametrize(("k_max", "live"), [(G.K_MAX_STATIC, False), (m.K_MAX, True)])
def test_the_pipeline_level_axis_holds_every_level_from_0_to_k_max(k_max, live):
    """The level axis is the one range that follows a control: from just before level 0 to just after k_max."""
    fig = G.pipeline_figure(k_max=k_max, live=live)
    b.apply_patch(fig, G.pipeline_update(k=k_max))
    low, high = fig.layout.xaxis.range
    pads = G.FRAMES["pipeline"]["level_pads"]
    assert (low, high) == (pads[0], k_max + pads[1])
    levels = list(fig.data[0].x)
    assert levels == list(range(k_max + 1)), "every level is drawn"
    assert low < 0 and k_max < high, "the first and the last level inside the axis"
    assert low > -1 and high < k_max + 1, "no room for a level that is not drawn"
