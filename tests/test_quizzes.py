"""Every quiz and sorter in the book keeps the rules that make it test understanding (issue 10).

The rules are checked over all of ``notebooks/activities/*.yml`` as the student sees them (options in the
order ``teaching.option_orders`` gives), so a new or edited chapter is covered without new test code.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from swleadership import teaching

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "notebooks" / "activities").glob("*.yml"))
DOCS = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in FILES}
QUESTIONS = [(cid, n, q, shown) for cid, d in DOCS.items()
             for n, (q, shown) in enumerate(zip(d.get("quiz") or [], teaching.shown_options(cid, d.get("quiz") or []),
                                                strict=True), 1)]


def test_the_book_has_its_quizzes():
    assert len(FILES) >= 24 and len(QUESTIONS) >= 100, (len(FILES), len(QUESTIONS))


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_activities_file_passes_the_checker(path):
    teaching.load_activities(path.stem)


def test_no_option_position_holds_more_than_35_percent_of_correct_answers():
    counts: dict[int, int] = {}
    for *_, shown in QUESTIONS:
        for m, o in enumerate(shown):
            if o.get("correct"):
                counts[m] = counts.get(m, 0) + 1
    total = sum(counts.values())
    worst = max(counts.values()) / total
    assert worst <= 0.35, {k + 1: f"{v} ({v / total:.0%})" for k, v in sorted(counts.items())}


def test_the_correct_option_is_the_longest_in_at_most_a_third_of_questions():
    longest = []
    for cid, n, _, shown in QUESTIONS:
        lengths = [len(str(o["text"])) for o in shown]
        top = max(lengths)
        if lengths.count(top) == 1 and shown[lengths.index(top)].get("correct"):
            longest.append(f"{cid} Q{n}")
    assert len(longest) <= len(QUESTIONS) / 3, f"{len(longest)} of {len(QUESTIONS)}: {longest}"


def test_distractors_are_about_as_long_as_the_answer():
    # No correct option is more than twice as long as the longest wrong one (or the other way round).
    lopsided = []
    for cid, n, _, shown in QUESTIONS:
        right = max(len(str(o["text"])) for o in shown if o.get("correct"))
        wrong = [len(str(o["text"])) for o in shown if not o.get("correct")]
        if wrong and not (0.5 <= right / max(wrong) <= 2):
            lopsided.append(f"{cid} Q{n} ({right} vs {max(wrong)} characters)")
    assert not lopsided, lopsided


def test_questions_with_several_answers_use_checkboxes_and_say_so():
    multi = 0
    for cid, d in DOCS.items():
        html = teaching.quiz_html(cid, d.get("quiz") or [])
        blocks = html.split('data-swl="question"')[1:]
        for n, (q, block) in enumerate(zip(d.get("quiz") or [], blocks, strict=True), 1):
            several = sum(bool(o.get("correct")) for o in q["options"]) > 1
            multi += several
            kinds = set(re.findall(r'<input type="(\w+)"', block))
            if several:
                assert kinds == {"checkbox"} and teaching.MULTI_HINT in block, f"{cid} Q{n}"
            else:
                assert kinds == {"radio"} and teaching.MULTI_HINT not in block, f"{cid} Q{n}"
    assert multi >= 10, "the book's questions with several defensible answers (01 Q5, 14 Q5, ...) must stay"


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.:!?])\s+", text.strip()) if s]


def _first_word(text: str) -> str:
    return re.sub(r"\W", "", text.split()[0]).lower() if text.split() else ""


def test_no_feedback_repeats_its_first_word_or_sentence():
    doubled = []
    for cid, n, _, shown in QUESTIONS:
        for o in shown:
            shown_text = ("Correct. " if o.get("correct") else "Not quite. ") + str(o["feedback"])
            s = _sentences(shown_text)
            if len(s) > 1 and (s[0] == s[1] or _first_word(s[0]) == _first_word(s[1])
                               or teaching.VERDICT.match(s[1])):
                doubled.append(f"{cid} Q{n}: {shown_text[:60]}")
    for cid, d in DOCS.items():
        for name, spec in (d.get("sorters") or {}).items():
            for it in spec["items"]:
                answers = it["answer"] if isinstance(it["answer"], list) else [it["answer"]]
                fb = str(it["feedback"]).strip()
                said = f"Not quite: the suggested answer is {' or '.join(answers)}. "
                if any(re.match(rf"{re.escape(c)}\s*[.:;,]", fb, re.I) for c in spec["categories"]) or teaching.VERDICT.match(fb):
                    doubled.append(f"{cid} sorter {name}: {said}{fb[:40]}")
    assert not doubled, f"{len(doubled)} doubled: {doubled[:10]}"


def test_option_order_is_the_same_in_every_process():
    # hash() is salted per process; the order must not be. Two interpreters with different hash seeds agree.
    code = ("import json; from swleadership import teaching as t; import yaml; d = yaml.safe_load(open('notebooks/activities/14-adaptive.yml')); "
            "print(json.dumps(t.option_orders('14-adaptive', d['quiz'])))")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": seed, "PATH": ""}, cwd=ROOT).stdout for seed in ("1", "2")}
    assert len(outs) == 1
    orders = teaching.option_orders("14-adaptive", DOCS["14-adaptive"]["quiz"])
    assert any(o != sorted(o) for o in orders), "the options are shuffled"
    assert all(sorted(o) == list(range(len(o))) for o in orders)


def test_option_order_by_hand():
    # Three questions of three options, answer always written first. Each lands on a different position, and
    # the wrong options keep their feedback: the shown order is a permutation of the written one.
    qs = [{"question": f"Q{k}", "options": [{"text": "r", "correct": True, "feedback": "a"},
                                            {"text": "w1", "feedback": "b"}, {"text": "w2", "feedback": "c"}]}
          for k in range(3)]
    shown = teaching.shown_options("demo", qs)
    positions = sorted(next(m for m, o in enumerate(s) if o.get("correct")) for s in shown)
    assert positions == [0, 1, 2]
    assert teaching.shown_options("demo", qs) == shown


@settings(derandomize=True, deadline=None, max_examples=150, database=None)
@given(chapter=st.text(min_size=1, max_size=12),
       shapes=st.lists(st.tuples(st.integers(3, 5), st.integers(1, 2)), min_size=2, max_size=12))
def test_correct_answers_are_spread_evenly_over_the_positions(chapter, shapes):
    # Questions of 3 to 5 options with one or two right answers, written first. Over the positions that every
    # question offers, no position holds two more right answers than another, whatever the chapter id.
    qs = [{"question": f"Question {k}", "options": [{"text": f"r{i}", "correct": True} for i in range(right)]
           + [{"text": f"w{i}"} for i in range(n - right)]} for k, (n, right) in enumerate(shapes)]
    held = [0] * min(n for n, _ in shapes)
    for q, order in zip(qs, teaching.option_orders(chapter, qs), strict=True):
        assert sorted(order) == list(range(len(q["options"])))
        for pos, i in enumerate(order[:len(held)]):
            held[pos] += bool(q["options"][i].get("correct"))
    assert max(held) - min(held) <= 1, held


@pytest.mark.parametrize("n, noun, words", [
    (0, "question", "No questions"), (1, "question", "One question"), (2, "prompt", "Two prompts"),
    (10, "question", "Ten questions"), (11, "question", "11 questions"), (25, "prompt", "25 prompts"),
])
def test_counts_are_written_as_words_up_to_ten(n, noun, words):
    assert teaching._count(n, noun) == words


def test_quiz_content_rules_from_the_editorial_audit():
    # Issue 11: these claims are not supported by the sources, or test the paper's slips rather than the topic.
    text = "\n".join(p.read_text(encoding="utf-8") for p in FILES)
    for phrase in ("defecting", "December 2019", "39 students", "Issue 2"):
        assert phrase not in text, phrase
