"""Unit tests of the teaching components and explorer machinery, against values worked out by hand."""

import json
import re

import plotly.graph_objects as go
import pytest

from swleadership import explore, teaching
from swleadership.assessment import AssessmentItem, action_plan_markdown, assessment_gaps
from swleadership.explore import Checkbox, Radio, Range, Select

ITEMS = [AssessmentItem("a", "Vision", action="Act A"), AssessmentItem("b", "Care", action="Act B"),
         AssessmentItem("c", "Voice", action="Act C"), AssessmentItem("d", "Craft", action="Act D")]


def test_gaps_hand_values():
    # now / importance: Vision 2/5 -> gap 3; Care 4/4 -> 0; Voice 3/4 -> 1; Craft 1/3 -> 2.
    # Sorted by gap: Vision (3), Craft (2), Voice (1), Care (0).
    g = assessment_gaps(ITEMS, [2, 4, 3, 1], [5, 4, 4, 3])
    assert [(x.name, x.gap, x.band) for x in g] == [
        ("Vision", 3, "Priority to develop"),
        ("Craft", 2, "Priority to develop"),
        ("Voice", 1, "Worth developing"),
        ("Care", 0, "Strength to keep using"),
    ]


def test_gaps_ties_break_on_importance_then_order_and_unrated_go_last():
    # Vision 3/4 (gap 1, importance 4), Care 4/5 (gap 1, importance 5) -> Care first; Voice unrated -> last.
    g = assessment_gaps(ITEMS, [3, 4, None, 5], [4, 5, 3, 2])
    assert [x.name for x in g] == ["Care", "Vision", "Craft", "Voice"]
    assert g[-1].band == "Not rated yet" and g[-1].gap is None
    assert g[2].gap == -3 and g[2].band == "Strength to keep using"


@pytest.mark.parametrize("bad", [0, 6, 2.5, "3"])
def test_gaps_reject_out_of_range_ratings(bad):
    with pytest.raises(ValueError, match="whole number from 1 to 5"):
        assessment_gaps(ITEMS, [bad, 1, 1, 1], [1, 1, 1, 1])


def test_action_plan_lists_top_three_gaps_with_actions():
    md = action_plan_markdown("Demo", assessment_gaps(ITEMS, [2, 4, 3, 1], [5, 4, 4, 3]))
    plan = md.split("## My action plan")[1]
    assert "1. **Vision** (gap 3). Act A" in plan and "2. **Craft** (gap 2). Act D" in plan
    assert "3. **Voice** (gap 1). Act C" in plan and "Care" not in plan
    assert "| Care | 4 | 4 | 0 | Strength to keep using |" in md


def _fig():
    return go.Figure([go.Scatter(x=[0, 1, 2], y=[1, 1, 1], name="S")], layout={"title": {"text": "t"}})


def _update(rate, who="A", show=False):
    a = rate / 100
    if rate > 50:
        raise ValueError("rate must be at most 50")
    return {"traces": {0: {"y": [(1 - a) ** t for t in range(3)]}}, "layout": {"title.text": f"{who} {rate}"},
            "summary": f"{who}: working life {1 / a:.1f} years"}


def test_explorer_precomputes_every_combination():
    ex = explore.explorer(_fig(), [Range("rate", "Rate", 10, 30, 10), Select("who", "Who", ["A", "B"]),
                                   Checkbox("show", "Show")], _update, alt="alt")
    states = ex.states()
    assert len(states) == 3 * 2 * 2
    # index key "1|1|0" = rate 20, who B, show False: S(1) = 0.8, S(2) = 0.64, 1/0.2 = 5.0 years.
    assert states["1|1|0"]["traces"]["0"]["y"] == [1, 0.8, 0.64]
    assert states["1|1|0"]["summary"] == "B: working life 5.0 years"
    assert states["1|1|0"]["layout"] == {"title.text": "B 20"}


def test_explorer_static_html_has_labelled_native_controls_and_initial_state():
    ex = explore.explorer(_fig(), [Range("rate", "Leaving rate", 10, 30, 10, 20),
                                   Radio("who", "Who", [("A", "Group A"), ("B", "Group B")])], _update,
                          alt="Survival", id="demo")
    html = ex.static_html()
    assert '<label for="swl-demo-rate">Leaving rate</label>' in html
    assert '<input type="range" id="swl-demo-rate" min="0" max="2" step="1" value="1"' in html
    assert "<legend>Who</legend>" in html and 'data-lm-suppress-shortcuts="true"' in html
    payload = json.loads(re.search(r'class="swl-states">(.*?)</script>', html).group(1))
    assert payload["initial"] == "1|0"
    assert "A: working life 5.0 years" in html  # the initial summary is in the page before any script runs
    assert "plotly.min.js" not in html and "cdn" not in html.lower()


def test_explorer_rejects_bad_specs():
    with pytest.raises(ValueError, match="text alternative"):
        explore.explorer(_fig(), [Range("rate", "Rate", 10, 30, 10)], _update, alt="")
    with pytest.raises(ValueError, match="unique"):
        explore.explorer(_fig(), [Range("r", "R", 1, 2), Range("r", "R", 1, 2)], _update, alt="a")
    ex = explore.explorer(_fig(), [Range("rate", "Rate", 10, 30, 10)],
                          lambda rate: {"traces": {3: {"y": [1]}}}, alt="a")
    with pytest.raises(ValueError, match="figure has 1 traces"):
        ex.states()


def test_live_explorer_updates_figure_and_keeps_it_on_bad_input():
    ex = explore.explorer(_fig(), [Range("rate", "Rate", 10, 90, 10, 20)], _update, alt="a")
    w = ex.widgets()
    fw, ctl = w["figure"], w["controls"]["rate"]
    assert list(fw.data[0].y) == [1, 0.8, 0.64]
    ctl.value = 50
    assert list(fw.data[0].y) == [1, 0.5, 0.25] and fw.layout.title.text == "A 50"
    ctl.value = 60  # the model refuses: message shown, figure unchanged, no exception escapes
    assert "rate must be at most 50" in w["message"].value
    assert list(fw.data[0].y) == [1, 0.5, 0.25]
    ctl.value = 10
    assert w["message"].value == "" and list(fw.data[0].y) == [1, 0.9, 0.81]


def test_renderer_gives_html_without_plotlyjs():
    from swleadership.render import BookHTMLRenderer

    fig = _fig()
    bundle = BookHTMLRenderer().to_mimebundle(fig.to_dict())
    html = bundle["text/html"]
    # The figure travels as JSON for swl.js to draw; no inline script that needs a global Plotly.
    assert "Plotly.newPlot" not in html and "<script>" not in html and len(html) < 20_000
    spec = json.loads(re.search(r'<script type="application/json" class="swl-plotly">(.*?)</script>', html).group(1))
    assert [t["y"] for t in spec["data"]] == [list(t.y) for t in fig.data]
    assert spec["config"] == {"displaylogo": False, "responsive": True, "modeBarButtons": [["toImage"]]}
    # The template keeps defaults only for the trace types drawn.
    assert set(spec["layout"]["template"]["data"]) == {t.type for t in fig.data}


def test_quiz_html_marks_answers_and_feedback():
    q = [{"question": "Q?", "options": [{"text": "yes", "correct": True, "feedback": "because"},
                                         {"text": "no", "feedback": "since"}]}]
    html = teaching.quiz_html("ch", q, "Chapter")
    assert '<legend><span class="swl-qnum">Question 1 of 1.</span> Q?</legend>' in html
    data = json.loads(re.search(r'class="swl-data">(.*?)</script>', html).group(1))
    shown = teaching.shown_options("ch", q)[0]
    right = [m for m, o in enumerate(shown) if o["text"] == "yes"]
    assert data == {"multi": False, "correct": right, "feedback": [o["feedback"] for o in shown]}
    assert html.count('type="radio"') == 2 and 'role="status"' in html
    assert 'data-chapter="ch"' in html and 'data-title="Chapter"' in html
    assert "swl-score-btn" in html and "swl-retry" in html  # a score at the end and "Try again"
    assert "using-the-book" in html and "local storage" not in html and "kernel" not in html


def test_quiz_with_several_answers_uses_checkboxes():
    q = [{"question": "Which?", "options": [{"text": "a", "correct": True, "feedback": "fa"},
                                             {"text": "b", "correct": True, "feedback": "fb"},
                                             {"text": "c", "feedback": "fc"}]}]
    html = teaching.quiz_html("ch", q)
    assert html.count('type="checkbox"') == 3 and 'type="radio"' not in html
    assert "Choose all that apply." in html
    data = json.loads(re.search(r'class="swl-data">(.*?)</script>', html).group(1))
    shown = teaching.shown_options("ch", q)[0]
    assert data["multi"] is True
    assert sorted(shown[m]["text"] for m in data["correct"]) == ["a", "b"]


def test_sorter_keeps_every_accepted_answer():
    spec = {"categories": ["A", "B", "C"], "items": [{"text": "x", "answer": ["A", "C"], "feedback": "either"},
                                                   {"text": "y", "answer": "B", "feedback": "only"}]}
    html = teaching.sorter_html("ch", "s", spec)
    data = json.loads(re.search(r'class="swl-data">(.*?)</script>', html).group(1))
    assert data == [{"answers": ["A", "C"], "feedback": "either"}, {"answers": ["B"], "feedback": "only"}]


def _quiz(n_bad: int, option: dict) -> dict:
    good = {"question": "Q", "options": [{"text": "a", "correct": True, "feedback": "because"},
                                          {"text": "b", "feedback": "since"}]}
    bad = {"question": "Q", "options": [{"text": "a", "correct": True, "feedback": "because"}, option]}
    return {"quiz": [good] * (n_bad - 1) + [bad] + [good]}


@pytest.mark.parametrize("n", [1, 2, 3])
@pytest.mark.parametrize(
    "option, message",
    [
        ({"text": "b"}, "option 2: needs 'text' and 'feedback'"),
        ({"text": "b", "feedback": "Not quite. since"}, "option 2: feedback starts with 'Not quite'"),
        ({"text": "b", "feedback": "No: since"}, "option 2: feedback starts with 'No'"),
    ],
)
def test_activity_checker_checks_every_question(n, option, message):
    with pytest.raises(teaching.ActivityError, match=re.escape(f"demo.yml: quiz question {n}, {message}")):
        teaching.check_activities(_quiz(n, option), "demo.yml")


def test_activity_checker_checks_every_sorter_item():
    items = [{"text": "x", "answer": "A", "feedback": "f"}, {"text": "y", "answer": "B", "feedback": "B. because"}]
    with pytest.raises(teaching.ActivityError, match=r"sorter 's', item 2: feedback starts with 'B'"):
        teaching.check_activities({"sorters": {"s": {"categories": ["A", "B"], "items": items}}}, "demo.yml")


@pytest.mark.parametrize(
    "doc, message",
    [
        ({"quiz": [{"question": "Q", "options": [{"text": "a", "feedback": "f"}]}]}, "at least two options"),
        ({"quiz": [{"question": "Q", "options": [{"text": "a", "feedback": "f"}, {"text": "b", "feedback": "g"}]}]},
         "mark at least one option"),
        ({"quiz": [{"question": "Q", "options": [{"text": "a", "correct": True}, {"text": "b", "feedback": "g"}]}]},
         "option 1: needs 'text' and 'feedback'"),
        ({"reflection": [{"prompt": ""}]}, "reflection prompt 1"),
        ({"sorters": {"s": {"categories": ["A", "B"], "items": [{"text": "x", "answer": "C", "feedback": "f"}]}}},
         "answer 'C' is not one of the categories"),
        ({"quizz": []}, "unknown top-level keys"),
    ],
)
def test_activity_errors_name_file_and_entry(doc, message):
    with pytest.raises(teaching.ActivityError, match=re.escape(message)) as e:
        teaching.check_activities(doc, "demo.yml")
    assert str(e.value).startswith("demo.yml")


def test_journal_asks_before_clearing():
    html = teaching.journal_html("ch", [{"prompt": "P"}], "T")
    assert 'class="swl-confirm"' in html and "hidden" in html and "swl-confirm-yes" in html
    assert "local storage" not in html and "using-the-book" in html


def test_journal_live_face_is_markdown_to_answer_below(tmp_path, monkeypatch):
    (tmp_path / "activities").mkdir()
    (tmp_path / "activities" / "x.yml").write_text("reflection:\n  - prompt: What did you notice?\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SWL_BOOK_BUILD", raising=False)
    comp = teaching.journal("x")
    assert comp.markdown.startswith("1. What did you notice?") and "cell below" in comp.markdown
    assert 'data-key="x:1"' in comp.html and "<textarea" in comp.html


def test_static_components_inline_their_script_only_outside_the_book(monkeypatch):
    comp = teaching._Component("<p>x</p>")
    monkeypatch.setenv("SWL_BOOK_BUILD", "1")
    assert comp._repr_html_() == "<p>x</p>"
    monkeypatch.setenv("SWL_BOOK_BUILD", "0")
    assert "window.SWL" in comp._repr_html_()


def test_bibliography_markup_fix_removes_list_roles():
    from swleadership.sphinxext import fix_bibliography_markup

    before = ('<div role="list" class="citation-list">\n<div class="citation" id="id1" role="doc-biblioentry">'
              "<span>x</span></div></div>")
    after = fix_bibliography_markup(before)
    assert 'role="list"' not in after and "doc-biblioentry" not in after and 'class="citation"' in after


def test_the_projector_keeps_room_for_bar_values_written_past_the_bars():
    """At 1280×720 the projector draws figure text at 16 px; a horizontal bar's value written past its end
    ("66.7% (2024 derived)", 20 characters) needs 0.6 × 16 × 20 + 10 = 202 px on the right of the plot."""
    from swleadership.render import PRESETS, apply_preset

    def right_margin(data):
        layout = {}
        apply_preset(data, layout, PRESETS["projector"])
        return layout["margin"]["r"]

    bars = {"type": "bar", "orientation": "h", "textposition": "outside", "text": ["87% (2022)", "66.7% (2024 derived)"]}
    assert right_margin([bars]) == 202
    assert right_margin([{**bars, "textposition": "auto", "text": ["45.5%<br>(2020)"]}]) == round(0.6 * 16 * 6) + 10
    assert right_margin([{**bars, "textposition": "inside"}]) == 10          # written inside the bars
    assert right_margin([{**bars, "orientation": "v"}]) == 10                # a column's value goes above it
    assert right_margin([{**bars, "text": None}]) == 10


def test_the_projector_wraps_long_names_beside_horizontal_bars():
    """Category names longer than the preset's line (34 characters) wrap onto lines through the axis's tick text;
    the bars' own categories are unchanged, so the figure's data stay the component's."""
    from swleadership.render import PRESETS, apply_preset

    names = ["Occupational therapists (HCPC register, UK) (Occupational therapy)", "NHS medical directors (Medicine)"]
    data = [{"type": "bar", "orientation": "h", "y": list(names), "x": [91.7, 29]}]
    layout = {}
    apply_preset(data, layout, PRESETS["projector"])
    assert data[0]["y"] == names
    assert layout["yaxis"]["tickvals"] == names
    assert layout["yaxis"]["ticktext"] == ["Occupational therapists (HCPC<br>register, UK) (Occupational<br>therapy)",
                                           "NHS medical directors (Medicine)"]
    short = [{"type": "bar", "orientation": "h", "y": ["Nurses", "Doctors"], "x": [1, 2], "yaxis": "y2"}]
    layout = {}
    apply_preset(short, layout, PRESETS["projector"])
    assert "ticktext" not in layout.get("yaxis2", {})            # nothing to wrap
    own = {"yaxis": {"ticktext": ["A", "B"], "tickvals": names}}  # a figure's own tick text is kept
    apply_preset([dict(data[0])], own, PRESETS["projector"])
    assert own["yaxis"]["ticktext"] == ["A", "B"]
