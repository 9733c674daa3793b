"""How a fictional community of practice grows between month 1 and month 12 (chapter 13).

``MEMBERS`` and ``TIES`` are the book's invented network, for discussion; they are not data.

Example (one line in the notebook)::

    network_growth()
"""

from __future__ import annotations

import math

import plotly.graph_objects as go

from ..explore import Radio, Select, explorer

MEMBERS = {
    "hannah": ("Hannah", "principal social worker, the network's convener", "council",
               "She chose the domain and convened the first meetings.",
               "She now spends less time presenting and more time connecting members and protecting the network's time."),
    "tomasz": ("Tomasz", "senior practitioner, hospital team", "council",
               "He comes because Hannah asked him, and talks mainly to Hannah and Grace.",
               "He has become the person others ask about strengths-based conversations on hospital wards."),
    "beatrice": ("Beatrice", "occupational therapist, hospital team", "council",
                 "She knows only Tomasz and wonders whether a 'social work' network is for her.",
                 "She has shown the group how therapists talk about what people can do, which has entered the shared guide."),
    "grace": ("Grace", "social worker, community team", "council",
              "She is Dev's supervisor and one of Hannah's regulars.",
              "She co-wrote the one-page guide to opening conversations with carers, with Frank."),
    "dev": ("Dev", "newly qualified social worker (ASYE)", "council",
            "He is on the edge: he knows only Grace, and misses three meetings after his first two.",
            "He has co-presented a session with Mei and brings cases to the group: a path from the periphery towards full participation."),
    "liam": ("Liam", "social worker, learning disability team", "council",
             "He is connected to Hannah and Grace through his team.",
             "He works with Rhian on a case and has added easy-read versions of two stories to the shared bank."),
    "oluwaseun": ("Oluwaseun", "worker at the carers' centre", "voluntary",
                  "She sits with Rhian and Frank and says little in meetings.",
                  "She has built links with hospital and community social workers and brings carers' views into case discussions."),
    "rhian": ("Rhian", "advocate, disability charity", "voluntary",
              "She knows Oluwaseun from other partnership meetings and is unsure whether she is welcome.",
              "She challenges the group when its stories describe people rather than hearing them, a role members now value."),
    "frank": ("Frank", "carer and expert by experience", "other",
              "He knows Oluwaseun through the carers' centre and is the only member who has been assessed rather than assessing.",
              "He co-wrote the carers' guide and has become a reference point for how conversations feel from the other side."),
    "mei": ("Mei", "practice educator, university teaching partnership", "other",
            "She knows Hannah through the teaching partnership.",
            "She mentors Dev in the network and uses its case stories in teaching students."),
}
ORDER = list(MEMBERS)
TIES = {
    1: [("hannah", "tomasz"), ("hannah", "grace"), ("hannah", "liam"), ("hannah", "mei"), ("hannah", "oluwaseun"),
        ("tomasz", "grace"), ("tomasz", "beatrice"), ("grace", "liam"), ("grace", "dev"),
        ("oluwaseun", "rhian"), ("oluwaseun", "frank")],
    12: [("hannah", "tomasz"), ("hannah", "grace"), ("hannah", "liam"), ("hannah", "mei"), ("hannah", "oluwaseun"),
         ("hannah", "frank"), ("tomasz", "grace"), ("tomasz", "beatrice"), ("tomasz", "oluwaseun"),
         ("tomasz", "dev"), ("grace", "liam"), ("grace", "dev"), ("grace", "frank"), ("grace", "beatrice"),
         ("dev", "mei"), ("dev", "frank"), ("liam", "rhian"), ("liam", "mei"), ("oluwaseun", "rhian"),
         ("oluwaseun", "frank"), ("rhian", "frank"), ("rhian", "grace")],
}
POS = {m: (math.cos(math.pi / 2 - 2 * math.pi * i / len(ORDER)), math.sin(math.pi / 2 - 2 * math.pi * i / len(ORDER)))
       for i, m in enumerate(ORDER)}
SYMBOL = {"council": "circle", "voluntary": "diamond", "other": "square"}

def lines(pairs):
    xs, ys = [], []
    for a, b in pairs:
        xs += [POS[a][0], POS[b][0], None]
        ys += [POS[a][1], POS[b][1], None]
    return xs, ys

def neighbours(member, month):
    return sorted({b if a == member else a for a, b in TIES[month] if member in (a, b)}, key=ORDER.index)

def update(month, member):
    ties = TIES[month]
    if member == "all":
        mine, focus = [], set()
        cross = sum(1 for a, b in ties if MEMBERS[a][2] != MEMBERS[b][2])
        hub = sum(1 for a, b in ties if "hannah" in (a, b))
        summary = (f"Month {month}: {len(ties)} regular connections, {hub} of them through Hannah the convener, and "
                   f"{cross} linking people from different organisations or roles. "
                   + ("The network is a hub around its convener, with a separate voluntary-sector cluster."
                      if month == 1 else
                      "Connections now run between members directly, across organisations, without passing through the convener."))
    else:
        mine = [(a, b) for a, b in ties if member in (a, b)]
        focus = {member, *neighbours(member, month)}
        name, role, _, m1, m12 = MEMBERS[member]
        nb = [MEMBERS[n][0] for n in neighbours(member, month)]
        listed = ", ".join(nb[:-1]) + " and " + nb[-1] if len(nb) > 1 else (nb[0] if nb else "nobody")
        summary = (f"Month {month}: {name}, {role}, has {len(nb)} regular connection{'s' if len(nb) != 1 else ''}: "
                   f"{listed}. " + (m1 if month == 1 else m12))
    ax, ay = lines(ties)
    hx, hy = lines(mine)
    labels = [f"<b>{MEMBERS[m][0]}</b>" if m == member else MEMBERS[m][0] for m in ORDER]
    sizes = [34 if m == member else (24 if m in focus else 16) for m in ORDER]
    return {
        "traces": {
            0: {"x": ax, "y": ay, "line.width": 1.2 if mine else 2},
            1: {"x": hx, "y": hy},
            2: {"text": labels, "marker.size": sizes},
        },
        "summary": summary,
    }


def network_growth():
    """An explorer: the static book precomputes every state; live, ipywidgets drive a FigureWidget."""
    fig = go.Figure([
        go.Scatter(x=[], y=[], mode="lines", line={"width": 2, "color": "#9a9a9a"}, hoverinfo="skip", showlegend=False),
        go.Scatter(x=[], y=[], mode="lines", line={"width": 5, "color": "#1f5f8b"}, hoverinfo="skip", showlegend=False),
        go.Scatter(
            x=[POS[m][0] for m in ORDER], y=[POS[m][1] for m in ORDER], mode="markers+text",
            text=[MEMBERS[m][0] for m in ORDER],
            textposition=["top center" if POS[m][1] >= 0 else "bottom center" for m in ORDER],
            marker={"size": 16, "symbol": [SYMBOL[MEMBERS[m][2]] for m in ORDER],
                    "color": ["#1f5f8b" if MEMBERS[m][2] == "council" else "#2e7d4f" if MEMBERS[m][2] == "voluntary"
                              else "#8c5a00" for m in ORDER],
                    "line": {"width": 2, "color": "#1a1a1a"}},
            hovertemplate="%{text}<extra></extra>", showlegend=False,
        ),
    ] + [
        go.Scatter(x=[None], y=[None], mode="markers", name=label,
                   marker={"size": 12, "symbol": SYMBOL[key], "color": colour, "line": {"width": 2, "color": "#1a1a1a"}})
        for key, label, colour in (("council", "Council staff (circle)", "#1f5f8b"),
                                   ("voluntary", "Voluntary sector (diamond)", "#2e7d4f"),
                                   ("other", "University or expert by experience (square)", "#8c5a00"))
    ])
    fig.update_layout(
        title={"text": "The Greyshire strengths network: who interacts with whom"},
        xaxis={"visible": False, "range": [-1.5, 1.5]}, yaxis={"visible": False, "range": [-1.35, 1.35],
                                                              "scaleanchor": "x"},
        height=560, margin={"l": 10, "r": 10, "t": 60, "b": 10}, legend={"orientation": "h", "y": -0.02},
    )

    controls = [
        Radio("month", "Month", [(1, "Month 1"), (12, "Month 12")]),
        Select("member", "Highlight a member", [("all", "Whole network (no highlight)")]
               + [(m, f"{MEMBERS[m][0]}, {MEMBERS[m][1]}") for m in ORDER], value="dev"),
    ]

    table = [
        {"Member": f"{v[0]}, {v[1]}",
         "Works in": {"council": "Council", "voluntary": "Voluntary sector", "other": "University or expert by experience"}[v[2]],
         "Connections in month 1": ", ".join(MEMBERS[n][0] for n in neighbours(m, 1)) or "none",
         "Connections in month 12": ", ".join(MEMBERS[n][0] for n in neighbours(m, 12)) or "none"}
        for m, v in MEMBERS.items()
    ]

    return explorer(
        fig, controls, update,
        alt=("Network diagram of ten members of a fictional community of practice arranged in a circle, with lines "
             "for regular interactions. The chosen member and their connections are drawn larger, with their lines "
             "thicker; the sentence above describes them."),
        table=table,
        table_caption="Members of the fictional Greyshire network and their connections in month 1 and month 12",
        id="cop-network",
        title="How the network grows",
    )
