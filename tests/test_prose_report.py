"""``make prose`` measures what it says, on a tiny two-page site with hand-counted values."""

from __future__ import annotations

import io

from swleadership.prose import measure_site, report

PAGE = """<html><body><nav><p>Menu words are not counted.</p></nav><article class="bd-article">
<h1>Title here<a class="headerlink">#</a></h1>
<p>The paper says one thing. Leadership is an activity, not a position at all.</p>
<ul><li>Choose an answer and press Check answer.</li></ul>
<div class="highlight"><pre>code is skipped entirely</pre></div>
<p>{unique}</p><script>var x = "not counted";</script></article></body></html>"""


def _site(tmp_path):
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "book").mkdir()
    (tmp_path / "notebooks" / "a.html").write_text(PAGE.format(unique="Only on page a, five words."))
    (tmp_path / "notebooks" / "b.html").write_text(PAGE.format(unique="Only on page b here."))
    return tmp_path


def test_prose_measures_words_sentences_the_paper_and_boilerplate(tmp_path):
    pages, repeated = measure_site(_site(tmp_path))
    a = pages[0]
    # 2 (title) + 5 + 9 + 7 + 6 words; sentences 5, 9, 7, 6 (the title is a heading, not a sentence)
    assert a.words == 29
    assert a.sentence_lengths == [5, 9, 7, 6]
    assert a.median_sentence == 6.5
    assert a.longest_paragraph == 14
    assert a.paper_sentences == 1 and a.paper_share == 0.25
    # "Leadership is an activity ..." and "Choose an answer ..." are on both pages; "The paper says one
    # thing." has only five words and counts too.
    assert a.repeated == 3 and len(repeated) == 3


def test_report_flags_missed_goals_and_a_missing_build(tmp_path):
    out = io.StringIO()
    missed = report(_site(tmp_path), out)
    assert missed == 4 and "MISSES: the paper, boilerplate" in out.getvalue()
    out = io.StringIO()
    assert report(tmp_path / "nowhere", out) == 1 and "run 'make book' first" in out.getvalue()
