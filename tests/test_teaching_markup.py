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
    'iz"><p class="swl-note">One question on “T”: choose an answer, then check it (<a class="swl-help" hr'
    'ef="../book/using-the-book.html#quizzes">how the quizzes work</a>).</p><div class="swl-question" dat'
    'a-swl="question"><fieldset><legend><span class="swl-qnum">Question 1 of 1.</span> Q&lt;1&gt;?</legen'
    'd><div class="swl-opt"><input type="radio" name="swl-quiz-ch-1" id="swl-quiz-ch-1-0" value="0" data-'
    'lm-suppress-shortcuts="true"><label for="swl-quiz-ch-1-0">yes</label><div class="swl-optfb"></div></'
    'div><div class="swl-opt"><input type="radio" name="swl-quiz-ch-1" id="swl-quiz-ch-1-1" value="1" dat'
    'a-lm-suppress-shortcuts="true"><label for="swl-quiz-ch-1-1">no</label><div class="swl-optfb"></div><'
    '/div></fieldset><button type="button" class="swl-check">Check answer 1</button><div class="swl-feedb'
    'ack" role="status" aria-live="polite"></div><script type="application/json" class="swl-data">{"multi'
    '":false,"correct":[0],"feedback":["because","since"]}</script></div><div class="swl-quiz-end"><div c'
    'lass="swl-buttons"><button type="button" class="swl-score-btn">Show my score</button> <button type="'
    'button" class="swl-retry">Try again</button></div><p class="swl-score" role="status" aria-live="poli'
    'te"></p></div></section>'
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
    '" data-prompt="P?"></textarea></div><p class="swl-note">Your answers to these one prompt on “T” stay'
    ' in this browser (<a class="swl-help" href="../book/using-the-book.html#journal">where they are kept'
    '</a>).</p><div class="swl-buttons"><button type="button" class="swl-export">Export all my reflection'
    's (Markdown)</button> <button type="button" class="swl-clear" aria-expanded="false">Clear this chapt'
    'er\'s answers</button></div><div class="swl-confirm" role="group" aria-label="Confirm clearing" hidde'
    'n><p>Delete your answers on “T” from this browser? This cannot be undone.</p><div class="swl-buttons'
    '"><button type="button" class="swl-confirm-yes">Yes, delete them</button> <button type="button" clas'
    's="swl-confirm-no">No, keep them</button></div></div><p class="swl-jstatus" role="status" aria-live='
    '"polite"></p></section>'
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
    assert '<a class="swl-help" href="../book/using-the-book.md">how the quizzes work</a>' in html


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


def test_shown_options_follow_option_orders():
    fourteen = teaching.load_activities("14-adaptive")["quiz"]
    orders, shown = teaching.option_orders("14-adaptive", fourteen), teaching.shown_options("14-adaptive", fourteen)
    for q, order, opts in zip(fourteen, orders, shown, strict=True):
        assert [o["text"] for o in opts] == [q["options"][i]["text"] for i in order]
        assert sorted(order) == list(range(len(q["options"])))


def test_the_books_quiz_statistics():
    st = teaching.quiz_stats()
    assert st == teaching.quiz_stats(teaching.REPO_ROOT / "notebooks" / "activities")
    assert st["questions"] >= 100 and st["multi"] >= 10 and st["verdict_prefix"] == 0
    assert sum(st["positions"].values()) == sum(
        sum(bool(o.get("correct")) for o in q["options"])
        for p in sorted((teaching.REPO_ROOT / "notebooks" / "activities").glob("*.yml"))
        for q in (teaching.load_activities(p.stem).get("quiz") or []))


def test_quiz_stats_counts_every_question_not_just_the_last(tmp_path):
    (tmp_path / "c.yml").write_text("""
quiz:
  - question: First?
    options:
      - {text: the right and longest one, correct: true, feedback: because}
      - {text: a, correct: true, feedback: since}
      - {text: b, feedback: since}
  - question: Second?
    options:
      - {text: the right and longest one, correct: true, feedback: because}
      - {text: c, correct: true, feedback: since}
      - {text: d, feedback: since}
sorters:
  s:
    categories: [Alpha, Beta]
    items:
      - {text: x, answer: Alpha, feedback: "Yes, because"}
""", encoding="utf-8")
    st = teaching.quiz_stats(tmp_path)
    assert (st["questions"], st["multi"], st["longest"], st["verdict_prefix"]) == (2, 2, 2, 1)
    import yaml

    qs = yaml.safe_load((tmp_path / "c.yml").read_text(encoding="utf-8"))["quiz"]
    expect: dict = {}
    for shown in teaching.shown_options("c", qs):
        for m, o in enumerate(shown):
            if o.get("correct"):
                expect[m] = expect.get(m, 0) + 1
    assert st["positions"] == expect


def test_components_read_title_and_ids_from_the_chapter(tmp_path, monkeypatch):
    data = teaching.load_activities("14-adaptive")
    assert f'data-title="{data["title"]}"' in teaching.quiz("14-adaptive").html
    j = teaching.journal("14-adaptive")
    assert f'data-title="{data["title"]}"' in j.html
    prompts = data["reflection"]
    assert j.markdown == ("\n".join(f"{n}. {p['prompt']}" for n, p in enumerate(prompts, 1))
                          + "\n\n*Write your reflections in the Markdown cell below (double-click it to edit). They "
                          "stay in your copy of the notebook.*")
    assert 'data-title="Mine"' in teaching.journal("14-adaptive", title="Mine").html
    (name, _), = data["sorters"].items()
    assert f'id="swl-sort-14-adaptive-{name}-1"' in teaching.sorter("14-adaptive", name).html
    # looked up beside the running notebook, then in notebooks/activities below it, then in the book
    (tmp_path / "notebooks" / "activities").mkdir(parents=True)
    (tmp_path / "notebooks" / "activities" / "x.yml").write_text("title: X\nreflection:\n  - prompt: P\n",
                                                                encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert 'data-title="X"' in teaching.journal("x").html
    assert teaching.activities_path("14-adaptive") == teaching.REPO_ROOT / "notebooks" / "activities" / "14-adaptive.yml"
    notitle = tmp_path / "notebooks" / "activities" / "y.yml"
    notitle.write_text("reflection:\n  - prompt: P\n", encoding="utf-8")
    assert 'data-title="y"' in teaching.journal("y").html


def test_several_blocks_sit_side_by_side():
    two = QUESTION + [{"question": "Which?", "options": [{"text": "a", "correct": True, "feedback": "fa"},
                                                         {"text": "b", "correct": True, "feedback": "fb"},
                                                         {"text": "c", "feedback": "fc"}]}]
    html = teaching.quiz_html("ch", two)
    assert '</div><div class="swl-question" data-swl="question" data-multi="1"><fieldset>' in html
    assert html.count('data-multi="1"') == 1
    j = teaching.journal_html("ch", [{"prompt": "P?"}, {"prompt": "Q?"}], "T")
    assert '</textarea></div><div class="swl-jprompt">' in j
    s = teaching.sorter_html("ch", "s", {"categories": ["Alpha", "Beta"], "items": [
        {"text": "x", "answer": "Alpha", "feedback": "f"}, {"text": "y", "answer": ["Alpha", "Beta"], "feedback": "g"}]})
    assert '</li><li class="swl-sort-item">' in s
    assert '[{"answers":["Alpha"],"feedback":"f"},{"answers":["Alpha","Beta"],"feedback":"g"}]' in s


def test_option_orders_of_a_fixed_question_set_are_pinned():
    """Eight made-up questions (four or five options, one or three right): the shuffle and the spreading of the
    right answers over positions, pinned independently of the book's YAML."""
    qs = [{"question": f"Question {i}?", "options": [
        {"text": f"o{j}", "correct": j in ({0} if i % 3 else {0, 2, 3}), "feedback": "f"} for j in range(4 + i % 2)]}
        for i in range(8)]
    assert teaching.option_orders("demo", qs) == [
        [0, 1, 3, 2], [0, 4, 1, 3, 2], [2, 0, 1, 3], [4, 0, 3, 2, 1], [3, 2, 0, 1], [3, 1, 4, 2, 0], [2, 3, 1, 0],
        [2, 1, 3, 4, 0]]
    assert 'data-chapter="14-adaptive"' in teaching.quiz("14-adaptive").html
    assert 'id="swl-quiz-14-adaptive-1-0"' in teaching.quiz("14-adaptive").html
