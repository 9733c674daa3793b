"""The teaching components' markup, which book/assets/swl.js reads (classes, data attributes, ids, the answers'
JSON), exactly; the quiz statistics on a small folder counted by hand; the components' faces."""

from __future__ import annotations

import json
import re

import pytest

from swleadership import teaching

# One question ("yes" right), one sorter item with two accepted answers, one journal prompt.
QUIZ_HTML = (
    '<section class="swl-quiz" data-swl="quiz" data-chapter="ch" data-title="T" aria-label="Self-check qu'
    'iz"><p class="swl-note">Choose an answer, then check it. <a class="swl-help" href="../book/using-the'
    '-book.html#quizzes">How the quizzes work</a></p><div class="swl-question" data-swl="question"><field'
    'set><legend><span class="swl-qnum">Question 1 of 1.</span> Q&lt;1&gt;?</legend><div class="swl-opt">'
    '<input type="radio" name="swl-quiz-ch-1" id="swl-quiz-ch-1-0" value="0" data-lm-suppress-shortcuts="'
    'true"><label for="swl-quiz-ch-1-0">yes</label><div class="swl-optfb"></div></div><div class="swl-opt'
    '"><input type="radio" name="swl-quiz-ch-1" id="swl-quiz-ch-1-1" value="1" data-lm-suppress-shortcuts'
    '="true"><label for="swl-quiz-ch-1-1">no</label><div class="swl-optfb"></div></div></fieldset><button'
    ' type="button" class="swl-check">Check answer 1</button><div class="swl-feedback" role="status" aria'
    '-live="polite"></div><script type="application/json" class="swl-data">{"multi":false,"correct":[0],"'
    'feedback":["because","since"]}</script></div><div class="swl-quiz-end"><div class="swl-buttons"><but'
    'ton type="button" class="swl-score-btn">Show my score</button> <button type="button" class="swl-retr'
    'y">Try again</button></div><p class="swl-score" role="status" aria-live="polite"></p></div></section'
    '>'
)
SORTER_HTML = (
    '<section class="swl-sorter" data-swl="sorter" aria-label="Sorting activity"><p class="swl-note">Sort'
    ' each item, then check your answers. <a class="swl-help" href="../book/using-the-book.html#sorting-a'
    'ctivities">How sorting works</a></p><ol class="swl-sort-list"><li class="swl-sort-item"><label for="'
    'swl-sort-ch-s-1">x</label><select id="swl-sort-ch-s-1" data-lm-suppress-shortcuts="true"><option val'
    'ue="">Choose…</option><option value="A">A</option><option value="B">B</option></select><div class="s'
    'wl-feedback" aria-live="polite"></div></li></ol><div class="swl-buttons"><button type="button" class'
    '="swl-check">Check my answers</button></div><p class="swl-score" role="status" aria-live="polite"></'
    'p><script type="application/json" class="swl-data">[{"answers":["A","B"],"feedback":"f"}]</script></'
    'section>'
)
JOURNAL_HTML = (
    '<section class="swl-journal" data-swl="journal" data-chapter="ch" data-title="T" aria-label="Reflect'
    'ive journal"><div class="swl-jprompt"><label for="swl-journal-ch-1"><span class="swl-qnum">1.</span>'
    ' P?</label><textarea id="swl-journal-ch-1" rows="5" data-lm-suppress-shortcuts="true" data-key="ch:1'
    '" data-prompt="P?"></textarea></div><p class="swl-note">Your answers stay in this browser. <a class='
    '"swl-help" href="../book/using-the-book.html#journal">Where your answers are kept</a></p><div class='
    '"swl-buttons"><button type="button" class="swl-export">Export all my reflections (Markdown)</button>'
    ' <button type="button" class="swl-clear" aria-expanded="false">Clear this chapter\'s answers</button>'
    '</div><div class="swl-confirm" role="group" aria-label="Confirm clearing" hidden><p>Delete your answ'
    'ers on this page from this browser? This cannot be undone.</p><div class="swl-buttons"><button type='
    '"button" class="swl-confirm-yes">Yes, delete them</button> <button type="button" class="swl-confirm-'
    'no">No, keep them</button></div></div><p class="swl-jstatus" role="status" aria-live="polite"></p></'
    'section>'
)

@pytest.fixture(autouse=True)
def book_face(monkeypatch):
    """The book's face (help links to the built page), whatever an earlier test left in the environment."""
    monkeypatch.setenv("SWL_BOOK_BUILD", "1")


QUESTION = [{"question": "Q<1>?", "options": [{"text": "yes", "correct": True, "feedback": "because"},
                                               {"text": "no", "feedback": "since"}]}]


def test_quiz_markup_is_what_swl_js_reads():
    html = teaching.quiz_html("ch", QUESTION, "T")
    assert html == QUIZ_HTML
    data = json.loads(re.search(r'class="swl-data">(.*?)</script>', html).group(1))
    assert data["correct"] == [["yes", "no"].index("yes")]  # "yes" is shown first for this chapter id


def test_sorter_markup_is_what_swl_js_reads():
    spec = {"categories": ["A", "B"], "items": [{"text": "x", "answer": ["A", "B"], "feedback": "f"}]}
    assert teaching.sorter_html("ch", "s", spec) == SORTER_HTML
    titled = teaching.sorter_html("ch", "s", {**spec, "title": "Sort", "instructions": "Do it."})
    assert 'aria-label="Sort"' in titled and '<p class="swl-note">Do it. <a' in titled


def test_journal_markup_is_what_swl_js_reads():
    assert teaching.journal_html("ch", [{"prompt": "P?"}], "T") == JOURNAL_HTML


def test_live_face_links_the_help_page_source(monkeypatch):
    monkeypatch.setenv("SWL_BOOK_BUILD", "0")
    html = teaching.quiz_html("ch", QUESTION, "T")
    assert '<a class="swl-help" href="../book/using-the-book.md">How the quizzes work</a>' in html


def test_quiz_stats_on_a_folder_counted_by_hand(tmp_path):
    (tmp_path / "a.yml").write_text("""
quiz:
  - question: One?
    options:
      - {text: right answer here, correct: true, feedback: because}
      - {text: no, feedback: Correct me if wrong}
  - question: Two?
    options:
      - {text: a, correct: true, feedback: since}
      - {text: b, correct: true, feedback: since}
      - {text: cc, feedback: since}
sorters:
  s:
    categories: [Alpha, Beta]
    items:
      - {text: x, answer: Alpha, feedback: "Alpha. it is"}
      - {text: y, answer: Beta, feedback: because}
""", encoding="utf-8")
    (tmp_path / "b.yml").write_text("reflection:\n  - prompt: P\n", encoding="utf-8")
    st = teaching.quiz_stats(tmp_path)
    assert st["questions"] == 2 and st["multi"] == 1
    assert sum(st["positions"].values()) == 3  # three correct options in all
    assert st["longest"] == 1  # question one: the right answer is the unique longest; question two: "cc" is
    assert st["verdict_prefix"] == 2  # "Correct me..." (a verdict word) and "Alpha. it is" (a category)


def test_quiz_and_sorter_read_the_chapter_file():
    quiz = teaching.quiz("14-adaptive")
    data = teaching.load_activities("14-adaptive")
    assert quiz.html.count('data-swl="question"') == len(data["quiz"])
    (name, spec), = data["sorters"].items()
    s = teaching.sorter("14-adaptive", name)
    assert s.html.count('class="swl-sort-item"') == len(spec["items"])
    with pytest.raises(teaching.ActivityError, match="no sorter called 'nope'"):
        teaching.sorter("14-adaptive", "nope")
    with pytest.raises(teaching.ActivityError, match="No activities file for chapter 'nope'"):
        teaching.quiz("nope")


def test_a_chapter_without_a_quiz_or_prompts_says_so(tmp_path, monkeypatch):
    (tmp_path / "activities").mkdir()
    (tmp_path / "activities" / "x.yml").write_text("title: X\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(teaching.ActivityError, match="x.yml: has no quiz questions"):
        teaching.quiz("x")
    with pytest.raises(teaching.ActivityError, match="x.yml: has no reflection prompts"):
        teaching.journal("x")
    (tmp_path / "activities" / "x.yml").write_text("- a list\n", encoding="utf-8")
    with pytest.raises(teaching.ActivityError, match="x.yml: expected a mapping"):
        teaching.load_activities("x")
    (tmp_path / "activities" / "x.yml").write_text("quiz: [\n", encoding="utf-8")
    with pytest.raises(teaching.ActivityError, match="x.yml: not valid YAML"):
        teaching.load_activities("x")


def test_components_show_html_in_the_book_and_markdown_live(monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj))
    comp = teaching._Component("<p>x</p>", markdown="1. P")
    monkeypatch.setenv("SWL_BOOK_BUILD", "1")
    comp._ipython_display_()
    assert isinstance(shown[-1], IPython.display.HTML) and shown[-1].data == "<p>x</p>"
    monkeypatch.setenv("SWL_BOOK_BUILD", "0")
    comp._ipython_display_()
    assert isinstance(shown[-1], IPython.display.Markdown) and shown[-1].data == "1. P"
    teaching._Component("<p>y</p>")._ipython_display_()
    html = shown[-1].data
    assert html.startswith("<p>y</p><style>") and html.endswith("<script>window.SWL && SWL.scan();</script>")
