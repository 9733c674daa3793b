"""A cycle of "missing" leadership: the book's reconstruction of the paper's Diagram 4 (chapter 50).

The paper's diagram did not survive in its text; ``STAGES``, ``EXPLAIN`` and ``BLOCKS`` are the book's reading of
what the text says, marked as such on the page.

Example (one line in the notebook)::

    leadership_cycle()
"""

from __future__ import annotations

import math

import plotly.graph_objects as go

from ..explore import Checkbox, Select, explorer
from ..render import narrow

# The paper's Diagram 4 did not survive in its text. This is the book's reconstruction from what the text
# says: the four debate issues feed a cycle in which leadership gets less attention than in other professions.
STAGES = [
    ("values", "Issue 1<br>Values in conflict<br>with leadership?", 90),
    ("academics", "Issue 2<br>Academics engaged<br>enough?", 0),
    ("managers", "Issue 3<br>Managers and members:<br>support or threat?", -90),
    ("coproduction", "Issue 4<br>Professional leadership<br>and coproduction?", 180),
]
CENTRE = "Leadership gets<br>less attention than<br>in other professions"
EXPLAIN = {
    "all": "The whole cycle: four unresolved questions each feed, and are fed by, a profession in which "
           "leadership gets less attention and investment than in nursing or medicine. Choose a stage to read "
           "how the book reads its part in the cycle.",
    "centre": "At the centre: the paper's claim that social work gives leadership less attention than other "
              "professions do, with too little investment at every stage of a career. Each issue around the "
              "circle both comes from this and keeps it going.",
    "values": "Issue 1, values: if leadership is felt to clash with empowerment and collective responsibility, "
              "fewer social workers seek it or value it, and those who lead may feel they have left practice "
              "behind. Nursing and medical texts, the paper notes, spend no time on this worry.",
    "academics": "Issue 2, academics: with little research and little teaching on leadership, the profession "
                 "borrows models from outside, which can feel foreign to its values and so feeds Issue 1. "
                 "The paper's text on this issue breaks off mid-sentence.",
    "managers": "Issue 3, managers and elected members: if strong professional voices are seen as a threat to "
                "savings or to electoral priorities, professional leadership gets little support inside the "
                "council, so practitioners see few routes to lead without leaving practice.",
    "coproduction": "Issue 4, coproduction: if strong professional leadership is feared to drown out people and "
                    "communities, as health's experience warns, the profession may hold back from leading at "
                    "all, although its tradition of involvement is a strength it could lead with.",
}
BLOCKS = ["A consistent<br>definition", "Models of<br>practice", "Development<br>throughout<br>a career"]

R, RB = 1.2, 2.05
ANG = [a for _, _, a in STAGES]
xs = [R * math.cos(math.radians(a)) for a in ANG] + [0.0]
ys = [R * math.sin(math.radians(a)) for a in ANG] + [0.0]
keys = [k for k, _, _ in STAGES] + ["centre"]
labels = [lab for _, lab, _ in STAGES] + [CENTRE]
# where each label sits (outside the ring) and how it is anchored
LPOS = [(0, R + 0.66, "middle center"), (R + 0.38, 0, "middle right"), (0, -R - 0.66, "middle center"),
        (-R - 0.38, 0, "middle left")]
# On a phone there is no room beside the ring for the issues' labels at a readable size: they are listed under
# it instead, one to a line (wrapped to the width), each starting with its number.
NARROW_LPOS = [(-2.2, -2.3 - 0.45 * i, "middle right") for i in range(4)]
# the centre's words, on more and shorter lines for the smaller circle of a phone
NARROW_CENTRE = "Leadership<br>gets less<br>attention than<br>in other<br>professions"
block_angles = [45, -45, -135]
bx = [RB * math.cos(math.radians(a)) for a in block_angles]
by = [RB * math.sin(math.radians(a)) for a in block_angles]

BASE, HIGH, DARK = "#5b6770", "#b3005e", "#222222"
SIZES = [58, 58, 58, 58, 132]


def ring_arrows():
    """Arrows 1 -> 2 -> 3 -> 4 -> 1 around the circle (drawn between nodes, short of the markers)."""
    out = []
    for i in range(4):
        a0, a1 = ANG[i], ANG[(i + 1) % 4]
        if a1 > a0:
            a1 -= 360
        s, e = math.radians(a0 - 20), math.radians(a1 + 20)
        out.append(dict(x=R * math.cos(e), y=R * math.sin(e), ax=R * math.cos(s), ay=R * math.sin(s),
                        xref="x", yref="y", axref="x", ayref="y", showarrow=True, arrowhead=3,
                        arrowsize=1.3, arrowwidth=2, arrowcolor="#333333", text=""))
    return out


def block_arrows():
    """The building blocks point into the cycle: the paper's way out."""
    return [dict(x=0.62 * math.cos(math.radians(a)), y=0.62 * math.sin(math.radians(a)),
                 ax=(RB - 0.38) * math.cos(math.radians(a)), ay=(RB - 0.38) * math.sin(math.radians(a)),
                 xref="x", yref="y", axref="x", ayref="y", showarrow=True, arrowhead=2, arrowsize=1.2,
                 arrowwidth=2, arrowcolor="#1f6f43", text="") for a in block_angles]


def leadership_cycle():
    """An explorer: the static book precomputes every state; live, ipywidgets drive a FigureWidget."""
    fig = go.Figure()
    fig.add_trace(go.Scatter(  # 0: dotted spokes from each issue to the centre
        x=sum([[x, 0, None] for x in xs[:4]], []), y=sum([[y, 0, None] for y in ys[:4]], []),
        mode="lines", line=dict(color="#9aa3a9", width=1, dash="dot"), hoverinfo="skip", showlegend=False))
    fig.add_trace(go.Scatter(  # 1: the five nodes: four numbered issues and the centre
        x=xs, y=ys, mode="markers+text", text=["1", "2", "3", "4", CENTRE], textposition="middle center",
        textfont=dict(size=[20, 20, 20, 20, 12], color="#ffffff"), hovertext=[EXPLAIN[k] for k in keys],
        hoverinfo="text", marker=dict(size=SIZES, color=[BASE] * 5, line=dict(width=[1] * 5, color=DARK)),
        showlegend=False))
    fig.add_trace(go.Scatter(  # 2: the issues' labels, outside the ring
        x=[p[0] for p in LPOS], y=[p[1] for p in LPOS], mode="text", text=labels[:4],
        textposition=[p[2] for p in LPOS], textfont=dict(size=13, color=DARK), hoverinfo="skip", showlegend=False))
    fig.add_trace(go.Scatter(  # 3: the paper's building blocks (shown on request)
        x=bx, y=by, mode="markers+text", text=BLOCKS, textposition="middle center",
        textfont=dict(size=11, color="#ffffff"), marker=dict(size=92, symbol="square", color="#1f6f43"),
        hoverinfo="text", hovertext=["A building block from the paper's conclusion"] * 3, visible=False,
        showlegend=False))
    fig.update_layout(
        title=dict(text="A cycle of 'missing' leadership: the book's reconstruction of Diagram 4", font=dict(size=15)),
        xaxis=dict(visible=False, range=[-3.1, 3.1], fixedrange=True),
        yaxis=dict(visible=False, range=[-2.45, 2.45], scaleanchor="x", fixedrange=True),
        height=540, margin=dict(l=10, r=10, t=50, b=10), plot_bgcolor="#ffffff", annotations=ring_arrows())
    # On a phone the ring is drawn closer and the circles smaller, so that nothing is cut off at the sides and no
    # circle runs into another; the issues' labels are listed under the ring (NARROW_LPOS). No text is below 11 px.
    narrow(fig, layout={"xaxis.range": [-2.25, 2.25], "yaxis.range": [-3.95, 2.1], "height": 500},
           traces={1: {"marker.size": [30, 30, 30, 30, 108], "textfont.size": [14, 14, 14, 14, 11],
                       "text": ["1", "2", "3", "4", NARROW_CENTRE]},
                   2: {"x": [p[0] for p in NARROW_LPOS], "y": [p[1] for p in NARROW_LPOS],
                       "textposition": [p[2] for p in NARROW_LPOS], "textfont.size": 12, "cliponaxis": False,
                       "_wrap": 280},
                   3: {"marker.size": 74, "textfont.size": 11}})


    def update(stage, blocks):
        size, width, colour = list(SIZES), [1] * 5, [BASE] * 5
        names = list(labels[:4])
        if stage != "all":
            i = keys.index(stage)
            size[i], width[i], colour[i] = SIZES[i] + 18, 6, HIGH
            if i < 4:
                names[i] = "<b>" + names[i] + "</b>"
        summary = EXPLAIN[stage]
        if blocks:
            summary += (" The paper's way out, shown as squares pointing into the cycle: a consistent definition, "
                        "models of practice, and development opportunities throughout a career.")
        return {
            "traces": {1: {"marker.size": size, "marker.line.width": width, "marker.color": colour},
                       2: {"text": names},
                       3: {"visible": bool(blocks)}},
            "layout": {"annotations": ring_arrows() + (block_arrows() if blocks else [])},
            "summary": summary,
        }


    cycle_table = [{"Stage": "At the centre", "The book's reading of the paper": EXPLAIN["centre"]}] + [
        {"Stage": lab.replace("<br>", " "), "The book's reading of the paper": EXPLAIN[k]} for k, lab, _ in STAGES]

    return explorer(
        fig,
        controls=[
            Select("stage", "Stage of the cycle to highlight", [
                ("all", "The whole cycle"),
                ("centre", "At the centre: less attention to leadership"),
                ("values", "Issue 1: are values in conflict with leadership?"),
                ("academics", "Issue 2: are academics engaged enough?"),
                ("managers", "Issue 3: do managers and members support it?"),
                ("coproduction", "Issue 4: can it go with coproduction?"),
            ]),
            Checkbox("blocks", "Show the paper's building blocks for breaking the cycle", False),
        ],
        update=update,
        alt=("Cycle diagram, reconstructed by this book from the paper's text. Four questions sit on a circle, "
             "joined by arrows in the order 1 to 4 and back to 1: Issue 1, are social-work values in conflict "
             "with leadership; Issue 2, are academics engaged enough; Issue 3, do senior managers and elected "
             "members support professional leadership or see it as a threat; Issue 4, can strong professional "
             "leadership go with coproduction. Dotted lines join each to the centre: leadership gets less "
             "attention than in other professions. An option adds the paper's three building blocks, pointing "
             "into the cycle."),
        table=cycle_table,
        table_caption="The stages of the reconstructed cycle and how the book reads them",
        id="missing-leadership-cycle",
        title="A cycle of missing leadership",
    )
