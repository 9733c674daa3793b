"""Every refusal says exactly what is wrong and where: the activities checker (one rule at a time, on the entry
that breaks it) and the career explorer's own checks."""

from __future__ import annotations

import pytest

from swleadership import teaching
from swleadership.explorers import career as C

OK = [{"text": "a", "correct": True, "feedback": "because"}, {"text": "b", "feedback": "since"}]
VERDICT_END = "so start the feedback with the reason"

ACTIVITIES = [
    ({"quiz": [{"options": OK}]}, "demo.yml: quiz question 1: needs a 'question'"),
    ({"quiz": ["Q?"]}, "demo.yml: quiz question 1: needs a 'question'"),
    ({"quiz": [{"question": " ", "options": OK}]}, "demo.yml: quiz question 1: needs a 'question'"),
    ({"quiz": [{"question": "Q", "options": [{"correct": True, "feedback": "f"}, OK[1]]}]},
     "demo.yml: quiz question 1, option 1: needs 'text' and 'feedback' (say why)"),
    ({"quiz": [{"question": "Q", "options": ["a", OK[1]]}]},
     "demo.yml: quiz question 1, option 1: needs 'text' and 'feedback' (say why)"),
    ({"quiz": [{"question": "Q", "options": [{"text": "a", "correct": True, "feedback": "Correct, because"}, OK[1]]}]},
     "demo.yml: quiz question 1, option 1: feedback starts with 'Correct'; the quiz already says 'Correct.' or "
     f"'Not quite.', {VERDICT_END}"),
    ({"quiz": [{"question": "Q", "options": [{"text": "a", "feedback": "f"}, OK[1]]}]},
     "demo.yml: quiz question 1: mark at least one option 'correct: true'"),
    ({"reflection": [{}]}, "demo.yml: reflection prompt 1 needs a 'prompt'"),
    ({"reflection": [{"prompt": "P"}, "Q"]}, "demo.yml: reflection prompt 2 needs a 'prompt'"),
    ({"sorters": {"s": {"categories": ["A"], "items": [{"text": "x", "answer": "A", "feedback": "f"}]}}},
     "demo.yml: sorter 's': needs at least two categories"),
    ({"sorters": {"s": {"categories": ["A", "B"], "items": [{"answer": "A", "feedback": "f"}]}}},
     "demo.yml: sorter 's', item 1: needs 'text' and 'feedback'"),
    ({"sorters": {"s": {"categories": ["A", "B"], "items": [{"text": "x", "answer": "A"}]}}},
     "demo.yml: sorter 's', item 1: needs 'text' and 'feedback'"),
    ({"sorters": {"s": {"categories": ["A", "B"], "items": [{"text": "x", "answer": "A", "feedback": "Wrong: f"}]}}},
     "demo.yml: sorter 's', item 1: feedback starts with 'Wrong'; the sorter already names the suggested answer and "
     f"says 'Correct.' or 'Not quite.', {VERDICT_END}"),
    ({"sorters": {"s": {"categories": ["A", "B"], "items": []}}}, "demo.yml: sorter 's': needs items"),
    ({"sorters": {"s": {"categories": ["A", "B"], "items": [{"text": "x", "answer": ["A", "C"], "feedback": "f"}]}}},
     "demo.yml: sorter 's', item 1: answer 'C' is not one of the categories ['A', 'B']"),
]


@pytest.mark.parametrize("doc, message", ACTIVITIES, ids=[m.split(": ", 1)[1][:50] for _, m in ACTIVITIES])
def test_activity_checker_message_whole(doc, message):
    with pytest.raises(teaching.ActivityError) as e:
        teaching.check_activities(doc, "demo.yml")
    assert str(e.value) == message


def test_a_well_formed_file_passes():
    teaching.check_activities({"title": "T", "quiz": [{"question": "Q", "options": OK}], "reflection": [{"prompt": "P"}],
                               "sorters": {"s": {"categories": ["A", "B"],
                                                 "items": [{"text": "x", "answer": ["A", "B"], "feedback": "f"}]}}},
                              "demo.yml")


@pytest.mark.parametrize("args, message", [
    ((0,), "leaving rate must be a share with 0 < a ≤ 1 (for example 0.125 for 12.5% a year); got 0.0."),
    ((12.5, 41), "years t must be a number of years from 0 to 40; got 41."),
    ((12.5, 8, -1), "workforce size N must be a whole number from 0 to 10,000,000; got -1, which is negative."),
])
def test_career_update_refuses_with_the_parameter_named(args, message):
    with pytest.raises(ValueError) as e:
        C.career_update(*args)
    assert str(e.value) == message


def test_career_reverse_whole():
    # L = 16: a = 1/16 = 6.25% ("6.2%"); N × a = 500 × 0.0625 = 31.25 → 31
    p = C.career_reverse_update(16, 8, 500, "my team")
    assert p["summary"] == (
        "A working life of 16 years means a leaving rate of 6.2% a year. At a leaving rate of 6.2% a year, a social "
        "worker can expect to practise for 16.0 years. Half of those who start have left after 10.7 years, and after "
        "8 years 59.7% are still practising. To keep a workforce of 500 steady (my team) takes 31 new entrants a year.")
    assert sorted(p["traces"]) == [C.T_MODEL, C.T_POINT] and p["traces"][C.T_POINT]["x"] == [8]
    assert p["layout"]["title.text"] == "Expected working life 16 years ← leaving rate 6.2% a year"
    with_line = C.career_reverse_update(16, 8, 500, with_turnover=True)
    assert with_line["traces"][C.T_RATE_LINE]["y"] == [6.2, 6.2]
    # the static face's sentence with the default N: 36,186 × 0.0625 = 2,261.6 → 2,262
    assert C.career_reverse_update(16, 8, short=True)["summary"] == (
        "16 years of practice means 6.2% leave a year; half have left after 10.7 years; 59.7% remain after 8 years; "
        "2,262 new entrants a year keep 36,186 steady.")
    assert "name" not in C.career_reverse_update(16, 8, 500, short=True)["traces"][C.T_MODEL]
