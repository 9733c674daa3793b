"""The comparison matrix of the ten models (chapter 20).

``MODELS`` gives each model six entries ``(code, short label, reasoning, source keys)``; the code orders and
shades a cell (``None``: not shaded), the keys are entries of ``book/references.bib`` (``AUTHORS`` gives their
short form). The codes are the book's judgements for discussion, not measurements.
``comparison_matrix()`` is the sortable, filterable grid; ``comparison_matrix_table()`` the full matrix with the
reasoning and sources of every cell.

Example (one line in the notebook)::

    comparison_matrix()
"""

from __future__ import annotations

import plotly.graph_objects as go
from IPython.display import HTML

from .._html import esc as _esc
from ..explore import Select, explorer, table_html

# The matrix: one entry per model, six dimensions, each with a code (for shading and sorting; None = not
# shaded), a short label for the grid, the reasoning and the sources (keys in book/references.bib).
DIMENSIONS = [
    ("resides", "Where leadership resides"),
    ("relation", "Followers and people who use services"),
    ("values", "Fit with social-work values"),
    ("evidence", "Strength of evidence"),
    ("origin", "Sector of origin"),
    ("risk", "Main risk"),
]
CODE_MAX = {"resides": 4, "relation": 2, "values": 3, "evidence": 2, "origin": None, "risk": None}

MODELS = [
    ("transformational", "Transformational", {
        "resides": (0, "Role", "Influence flows from a leader, usually in a formal post, to followers through the four Is.", ["northouse2016", "bass1985"]),
        "relation": (0, "Staff inspired;<br>users indirect", "The followers are staff whose motivation and purpose the leader raises; people who use services benefit only through a motivated workforce.", ["northouse2016", "haworth2018"]),
        "values": (1, "Mixed", "Individualised consideration and intellectual stimulation fit supervision and reflection; the leader-centred, heroic emphasis strains against collective leadership and empowerment.", ["haworth2018", "haffordletchfield2014"]),
        "evidence": (2, "Large but<br>contested", "A very large literature, but critics find no clear definition independent of effects and weak measures; little evidence from English social work.", ["vanknippenbergsitkin2013", "haworth2018"]),
        "origin": (None, "Business", "The paper says it derives from business; Bass developed it in organisational research, building on Burns's political history.", ["haworth2018", "bass1985"]),
        "risk": (None, "Dependence on<br>a hero", "Improvement rests on one charismatic person whose vision others adopt; the NHS's own review of leadership called for 'no more heroes'.", ["vanknippenbergsitkin2013", "ham2011a"]),
    }),
    ("distributed", "Distributed", {
        "resides": (2, "Practice", "Leadership practice is stretched over leaders, followers and the situation (tools, routines, structures), not confined to roles.", ["spillane2004", "haworth2018"]),
        "relation": (0, "Followers co-lead;<br>users not central", "Followers help to produce leadership; the model, from schools, says little about people who use services, so social work must add them deliberately.", ["spillane2004", "haworth2018"]),
        "values": (3, "Strong", "The paper finds clear alignment with empowerment and egalitarianism as emphasised by the IFSW global definition.", ["haworth2018", "ifsw2014"]),
        "evidence": (2, "Mostly from<br>schools", "A substantial literature, concentrated in school research; evidence that distribution improves outcomes is thinner than evidence that it happens.", ["bolden2011", "haworth2018"]),
        "origin": (None, "Schools", "Grew out of school leadership research in the early 2000s.", ["spillane2004", "carpenter2015"]),
        "risk": (None, "Masks power;<br>blurs accountability", "'Distributed' need not mean democratic; the language can leave power where it was and leave no one clearly responsible.", ["bolden2011", "lumby2013"]),
    }),
    ("client", "Client-centred", {
        "resides": (0, "Role", "Addressed to leaders and managers of human-service organisations, who are judged first by client outcomes and should stay close to service users.", ["rapppoertner1992", "haworth2018"]),
        "relation": (1, "Users the focus;<br>staff a means", "The person who uses services is the pre-eminent focus; staff motivation and satisfaction are means to meeting their needs.", ["haworth2018", "sullivan2016"]),
        "values": (1, "Mixed", "Keeps leadership anchored to purpose, but risks paternalism because it does not consider the power imbalance between professional and client.", ["haworth2018"]),
        "evidence": (0, "Very limited", "The paper cites one article; the classic source is a management textbook; no outcome studies in the book's sources.", ["sullivan2016", "rapppoertner1992"]),
        "origin": (None, "US social-work<br>administration", "Developed in American social-work and human-services administration.", ["rapppoertner1992", "sullivan2016"]),
        "risk": (None, "Paternalism", "Professionals decide what putting the client first means; in statutory work 'the client' is often contested and the relationship involuntary.", ["haworth2018"]),
    }),
    ("cop", "Communities of practice", {
        "resides": (2, "Practice", "Leadership emerges through knowledge and expertise among people who share a practice and learn together.", ["wenger1998", "haworth2018"]),
        "relation": (0, "Members, not<br>followers", "Members participate, newcomers move in from the periphery; people who use services are not members unless deliberately included.", ["lavewenger1991", "gray2010"]),
        "values": (2, "Good", "Communal, relational and knowledge-based, connecting with empowerment and collective action and offering peer support.", ["haworth2018", "gray2010"]),
        "evidence": (1, "Limited (for<br>leadership)", "The learning theory rests on substantial research, but evidence for it as a route to leadership in social work is limited to a proposal.", ["wenger1998", "gray2010"]),
        "origin": (None, "Learning theory", "Studies of learning in apprenticeships and workplaces, later applied to knowledge management in organisations.", ["lavewenger1991", "wenger2002"]),
        "risk": (None, "Closed,<br>insider groups", "Power, trust, size and pace of change limit communities of practice; boundaries can exclude newcomers and people who use services.", ["roberts2006"]),
    }),
    ("adaptive", "Adaptive", {
        "resides": (2, "Practice<br>(an activity)", "Leadership is the activity of mobilising people to do adaptive work, distinct from authority, and open to people without formal posts.", ["heifetz1994", "haworth2018"]),
        "relation": (1, "Those with the<br>problem do the work", "Leaders give the work back to the people who have the challenge; people who use services can be among them, though the model is written for organisations.", ["heifetz2009"]),
        "values": (2, "Good", "The paper's Discussion finds accord with social-work values; it supports rather than controls change.", ["haworth2018"]),
        "evidence": (1, "Limited", "Mainly practitioner guidance and cases; little empirical testing of its tools.", ["seibel2023"]),
        "origin": (None, "Public leadership<br>(US)", "Heifetz's work on public and political leadership, later written for organisations.", ["heifetz1994", "heifetz2009"]),
        "risk": (None, "Resource problems<br>seen as attitudes", "Calling a problem 'adaptive' can shift responsibility for shortages of staff and money onto staff and families.", ["heifetz2009", "haworth2018"]),
    }),
    ("systems", "Systems", {
        "resides": (4, "System", "Leadership across organisational and geopolitical boundaries, beyond single professions, by many people at different levels.", ["ghate2013"]),
        "relation": (1, "Partners across<br>agencies", "Those involved are partners the leader does not manage; outcomes for people who use services are placed at the heart of the work.", ["ghate2013", "fillinghamweir2014"]),
        "values": (2, "Good", "Collaboration and collective responsibility are its method and premise; it can leave people who use services as objects of the system.", ["ghate2013", "haworth2018"]),
        "evidence": (1, "Limited", "Built from a literature review, leaders' views and case studies; definitions remain fuzzy and evidence linking it to outcomes is thin.", ["ghate2013", "begg2020"]),
        "origin": (None, "English public<br>services", "Developed for children's services leaders and for health and care.", ["ghate2013", "welbourn2012"]),
        "risk": (None, "No one<br>accountable", "When leadership is everyone's and no one is in charge, accountability can blur.", ["ghate2013", "begg2020"]),
    }),
    ("scm", "Social change model", {
        "resides": (2, "Practice<br>(a process)", "Leadership is a collaborative, values-based process, not a position, and anyone can take part.", ["heri1996", "iachini2015"]),
        "relation": (2, "Anyone can lead;<br>with communities", "Common purpose is worked out together and the aim is positive change with and for communities.", ["heri1996", "iachini2015"]),
        "values": (3, "Strong<br>(on paper)", "Iachini and colleagues cite it as promoting social work's core values; untested in statutory English settings.", ["iachini2015", "haworth2018"]),
        "evidence": (1, "Limited", "A qualitative study of one US social-work course; developed for student leadership development.", ["iachini2015"]),
        "origin": (None, "US higher<br>education", "Developed for the leadership development of college students.", ["heri1996"]),
        "risk": (None, "Light on power<br>and resources", "Written for voluntary student and community work, it says little about statutory authority or budgets.", ["iachini2015"]),
    }),
    ("interprof", "Collaborative interprofessional", {
        "resides": (2, "Practice across<br>professions", "An activity in which practitioners influence the practice of others, not a role or status limited to managers.", ["haworth2018"]),
        "relation": (1, "Peers across<br>professions", "Social workers influence colleagues from other professions, without line authority, in shared care of people and families.", ["haworth2018", "jones2014"]),
        "values": (2, "Good", "The paper's Discussion names collaborative leadership among the models with accord with social-work values.", ["haworth2018", "jonesphillips2016"]),
        "evidence": (0, "Very limited", "A small, specialist literature of mostly discussion articles from North American palliative care.", ["blacker2016", "jones2014"]),
        "origin": (None, "Palliative<br>care", "Hospice, palliative and oncology social work in multi-disciplinary health settings.", ["blacker2016", "jones2014"]),
        "risk": (None, "One profession's<br>voice dominates", "In health, social work's voice can be subordinate; in social care, the paper warns that social work could drown out others.", ["haworth2018"]),
    }),
    ("expert", "Expert", {
        "resides": (0, "Role", "Leaders with deep expertise in the core business, in formal posts with real executive power.", ["goodall2016", "goodallpogrebna2015"]),
        "relation": (0, "Expert over<br>professionals", "Credibility with professional staff comes from shared expertise; people who use services benefit indirectly.", ["goodall2016"]),
        "values": (1, "Mixed", "Values practice knowledge and credible supervision, but can privilege professional over lived expertise and one profession over others.", ["haworth2018", "goodall2016"]),
        "evidence": (2, "Observational,<br>outside social work", "Associations in universities, hospitals and Formula One; health evidence is modest; no social-work studies.", ["goodallpogrebna2015", "claywilliams2017"]),
        "origin": (None, "Universities,<br>hospitals, sport", "Developed from studies of research universities, hospitals and Formula One teams.", ["goodall2016", "goodallpogrebna2015"]),
        "risk": (None, "Professional<br>dominance", "Expertise can become tribalism; and promotion by years of service is not the same as expertise plus leadership skill.", ["haworth2018", "goodall2016"]),
    }),
    ("crisis", "Crisis", {
        "resides": (0, "Role", "As the paper uses it, the leadership of organisations facing inquiries, inspections, serious case reviews and media scandals.", ["haworth2018", "lawlerbilson2013"]),
        "relation": (0, "Staff directed;<br>families at risk", "Decisions are concentrated under pressure; families can be treated as a reputational risk rather than as people to hear.", ["haworth2018", "munro2011"]),
        "values": (0, "Weak to<br>mixed", "Sometimes necessary, but it easily slides into managerialism as a defensive response, towards expediency, efficiency and rigid structures.", ["haworth2018", "lawler2007", "rogowski2011"]),
        "evidence": (0, "Very limited", "One claim in the paper, resting on one textbook; no studies of crisis leadership in English social work in the book's sources.", ["haworth2018", "lawlerbilson2013"]),
        "origin": (None, "UK social work<br>under scrutiny", "A reading of the conditions of UK social work, after decades of inquiries and scandals.", ["lawlerbilson2013", "haworth2018"]),
        "risk": (None, "Defensive<br>managerialism", "Checklists, restructures and sign-offs that show 'something is being done' while entrenching command and control.", ["lawler2007", "rogowski2011", "munro2011"]),
    }),
]

AUTHORS = {
    "haworth2018": "Haworth, Miller & Schaub 2018", "northouse2016": "Northouse 2016", "bass1985": "Bass 1985",
    "haffordletchfield2014": "Hafford-Letchfield et al. 2014", "vanknippenbergsitkin2013": "van Knippenberg & Sitkin 2013",
    "ham2011a": "Ham et al. 2011", "spillane2004": "Spillane, Halverson & Diamond 2004", "ifsw2014": "IFSW 2014",
    "bolden2011": "Bolden 2011", "carpenter2015": "Carpenter 2015", "lumby2013": "Lumby 2013",
    "rapppoertner1992": "Rapp & Poertner 1992", "sullivan2016": "Sullivan 2016", "wenger1998": "Wenger 1998",
    "lavewenger1991": "Lave & Wenger 1991", "gray2010": "Gray et al. 2010", "wenger2002": "Wenger, McDermott & Snyder 2002",
    "roberts2006": "Roberts 2006", "heifetz1994": "Heifetz 1994", "heifetz2009": "Heifetz et al. 2009",
    "seibel2023": "Seibel et al. 2023", "ghate2013": "Ghate, Lewis & Welbourn 2013", "fillinghamweir2014": "Fillingham & Weir 2014",
    "begg2020": "Begg 2020", "welbourn2012": "Welbourn et al. 2012", "heri1996": "Higher Education Research Institute 1996",
    "iachini2015": "Iachini, Cross & Freedman 2015", "jones2014": "Jones et al. 2014", "jonesphillips2016": "Jones & Phillips 2016",
    "blacker2016": "Blacker 2016", "goodall2016": "Goodall 2016", "goodallpogrebna2015": "Goodall & Pogrebna 2015",
    "claywilliams2017": "Clay-Williams et al. 2017", "lawlerbilson2013": "Lawler & Bilson 2013", "munro2011": "Munro 2011",
    "lawler2007": "Lawler 2007", "rogowski2011": "Rogowski 2011",
}


NAMES = [name for _, name, _ in MODELS]
DIM_KEYS = [k for k, _ in DIMENSIONS]
BY_ID = {mid: (name, cells) for mid, name, cells in MODELS}
PAPERS_THREE = {"distributed", "adaptive", "interprof"}

def plain(label):
    return label.replace("<br>", " ")

def shade(key, code):
    # -1 gives the unshaded (white) band of the colour scale; ordered codes run from 0 to 1.
    return -1 if code is None else code / CODE_MAX[key]

z = [[shade(k, cells[k][0]) for k in DIM_KEYS] for _, _, cells in MODELS]
text = [[cells[k][1] for k in DIM_KEYS] for _, _, cells in MODELS]

SORTS = {
    "order": ("the order of the chapters", lambda mid: 0),
    "resides": ("where leadership resides (role first, system last)", lambda mid: BY_ID[mid][1]["resides"][0]),
    "relation": ("the place of people who use services (partners first)", lambda mid: -BY_ID[mid][1]["relation"][0]),
    "values": ("fit with social-work values (strongest first)", lambda mid: -BY_ID[mid][1]["values"][0]),
    "evidence": ("strength of evidence (strongest first)", lambda mid: -BY_ID[mid][1]["evidence"][0]),
}
FILTERS = {
    "all": ("all ten models", lambda mid: True),
    "role": ("models where leadership resides mainly in a role", lambda mid: BY_ID[mid][1]["resides"][0] in (0, 1)),
    "practice": ("models where leadership resides mainly in practice", lambda mid: BY_ID[mid][1]["resides"][0] in (2, 3)),
    "paper": ("the three models the paper's Discussion says fit social-work values", lambda mid: mid in PAPERS_THREE),
}

def profile(mid):
    name, c = BY_ID[mid]
    return (f"{name}: where leadership resides: {plain(c['resides'][1]).lower()}; followers and people who use services: "
            f"{plain(c['relation'][1]).lower()}; fit with values: {plain(c['values'][1]).lower()}; evidence: "
            f"{plain(c['evidence'][1]).lower()}; origin: {plain(c['origin'][1]).lower()}; main risk: "
            f"{plain(c['risk'][1]).lower()}.")

def update(sort, show, highlight):
    order = [mid for mid, _, _ in MODELS]
    order.sort(key=SORTS[sort][1])  # stable: ties keep the chapter order
    shown = [mid for mid in order if FILTERS[show][1](mid)]
    rest = [mid for mid in order if mid not in shown]
    cats = [BY_ID[mid][0] for mid in shown + rest]
    k = len(shown)
    # tickvals are fixed (all ten names, in chapter order); ticktext marks the highlighted model with arrows.
    ticktext = [("▶ " + name + " ◀") if mid == highlight else name for mid, name, _ in MODELS]
    shapes = []
    if highlight in shown:
        i = shown.index(highlight)
        shapes = [{"type": "rect", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": i - 0.5, "y1": i + 0.5,
                   "line": {"width": 4, "color": "#000000"}, "fillcolor": "rgba(0,0,0,0)"}]
    summary = (f"Sorted by {SORTS[sort][0]}; showing {k} of 10 models ({FILTERS[show][0]}).")
    if highlight != "none":
        summary += " Highlighted: " + profile(highlight)
        if highlight not in shown:
            summary += " This model is hidden by the current filter; show all ten models to see its row."
    return {
        "layout": {
            "yaxis.categoryarray": cats, "yaxis.range": [k - 0.5, -0.5],
            "yaxis.ticktext": ticktext,
            "shapes": shapes,
        },
        "summary": summary,
    }

def cell(entry):
    _, label, reason, keys = entry
    return f"{plain(label)}. {reason} ({'; '.join(AUTHORS[k] for k in keys)})"


def comparison_matrix():
    """An explorer: the static book precomputes every state; live, ipywidgets drive a FigureWidget."""
    fig = go.Figure(go.Heatmap(
        z=z, x=["Where leadership<br>resides", "Followers and<br>service users", "Fit with<br>values",
                "Strength of<br>evidence", "Sector of<br>origin", "Main risk"], y=NAMES, text=text, texttemplate="%{text}",
        textfont={"size": 11, "color": "#111111"}, zmin=-1, zmax=1, showscale=False, xgap=3, ygap=3,
        colorscale=[[0.0, "#ffffff"], [0.49, "#ffffff"], [0.5, "#f3f6f9"], [1.0, "#8fb8d8"]],
        hovertemplate="%{y}<br>%{x}: %{text}<extra></extra>",
    ))
    fig.update_layout(
        title={"text": "Ten models of leadership compared on six dimensions"},
        xaxis={"side": "top", "tickangle": 0, "tickfont": {"size": 11}, "showgrid": False},
        yaxis={"type": "category", "categoryorder": "array", "categoryarray": NAMES, "autorange": False,
               "range": [9.5, -0.5], "tickfont": {"size": 12}, "showgrid": False,
               "tickvals": NAMES, "ticktext": NAMES},
        height=750, margin={"l": 230, "r": 20, "t": 110, "b": 20},
    )

    controls = [
        Select("sort", "Sort models by", [(k, v[0].capitalize()) for k, v in SORTS.items()]),
        Select("show", "Show", [(k, v[0].capitalize()) for k, v in FILTERS.items()]),
        Select("highlight", "Highlight a model", [("none", "No highlight")] + [(mid, name) for mid, name, _ in MODELS]),
    ]

    return explorer(
        fig, controls, update,
        alt=("Grid of ten leadership models (rows) against six dimensions (columns): where leadership resides, "
             "followers and people who use services, fit with social-work values, strength of evidence, sector of "
             "origin and main risk. Each cell holds a short label; the full matrix with reasons and sources is in the "
             "table below."),
        id="model-matrix",
        title="Compare the ten models",
        notes=("<p>The labels are this book's judgements for discussion, not measurements. The sentence under the "
               "grid describes the current view and, when a model is highlighted, its whole profile.</p>"
               + shading_key_html() + model_list_html()),
    )


#: What the shading means in each shaded column (darker = further along the column's order).
SHADING = [
    ("Where leadership resides", "a role", "practice", "the system"),
    ("Followers and people who use services", "staff or members", "service users or partners", "with communities"),
    ("Fit with social-work values", "weak", "mixed or good", "strong"),
    ("Strength of evidence", "very limited", "limited", "substantial (often from elsewhere)"),
]


def shading_key_html() -> str:
    """The key to the grid's shading (always shown, under the grid)."""
    rows = "".join(f"<li><strong>{_esc(col)}</strong>: {_esc(lo)} → {_esc(mid)} → {_esc(hi)}</li>"
                   for col, lo, mid, hi in SHADING)
    return ('<div class="swl-key" role="group" aria-label="Key to the shading">'
            '<p><span class="swl-swatches" aria-hidden="true"><span style="background:#f3f6f9"></span>'
            '<span style="background:#c1d7e8"></span><span style="background:#8fb8d8"></span></span> '
            "<strong>Shading:</strong> the darker the cell, the further along its column's order. "
            "White cells (sector of origin, main risk) are not ordered.</p>"
            f"<ul>{rows}</ul></div>")


def model_list_html() -> str:
    """The matrix as a list of the ten models, shown instead of the grid on narrow screens. ``swl.js`` orders,
    filters and highlights its items as the grid's controls change (they follow the grid's rows)."""
    items = []
    for _, name, cells in MODELS:
        dims = "".join(f"<dt>{_esc(label)}</dt><dd>{_esc(plain(cells[key][1]))}</dd>" for key, label in DIMENSIONS)
        items.append(f'<li data-cat="{_esc(name)}"><strong>{_esc(name)}</strong><dl>{dims}</dl></li>')
    return ('<ol class="swl-cat-list" data-for-axis="yaxis" aria-label="The ten models, in the order and with the '
            'filter chosen above">' + "".join(items) + "</ol>")


def comparison_matrix_table():
    """The full table, scrollable on narrow screens."""
    rows = [{"Model": name, **{label: cell(cells[key]) for key, label in DIMENSIONS}} for _, name, cells in MODELS]
    return HTML('<div class="swl-table-scroll" role="region" aria-label="The comparison matrix in full" tabindex="0" '
         'style="overflow-x:auto">'
         + table_html(rows, "The comparison matrix in full: ten models against six dimensions, with the reasoning and "
                            "sources for each cell").replace('<table class="swl-table">',
                                                             '<table class="swl-table" style="min-width:72rem">', 1)
         + "</div>")
