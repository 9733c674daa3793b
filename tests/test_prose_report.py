"""``make prose`` measures what it says (a tiny site with hand-counted values), and the built book meets its goals."""

from __future__ import annotations

import io

import pytest

from swleadership.prose import MAX_WORDS, measure_site, missed_goals, report

PAGE = """<html><body><nav><p>Menu words are not counted.</p></nav><article class="bd-article">
<h1>Title here<a class="headerlink">#</a></h1>
<p>The paper says one thing. Leadership is an activity, not a position at all.</p>
<ul><li>Choose an answer and press Check answer.</li></ul>
<div class="highlight"><pre>code is skipped entirely</pre></div>
<p>{unique}</p><script>var x = "not counted";</script>
<details><summary>Data table for this figure</summary><p>A box holds this sentence of eight words.</p></details>
<p class="swl-summary" aria-live="polite">The readout of the explorer, six words.</p>
<div class="admonition"><p class="admonition-title">What this book could not verify</p><p>{unique2}</p></div>
</article></body></html>"""


def _site(tmp_path, pages=("a", "b")):
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "book").mkdir()
    uniques = {"a": ("Only on page a, five words.", "Box text on page a."),
               "b": ("Only on page b here.", "Box text on page b.")}
    for name in pages:
        u, u2 = uniques[name]
        (tmp_path / "notebooks" / f"{name}.html").write_text(PAGE.format(unique=u, unique2=u2))
    return tmp_path


def test_prose_measures_words_sentences_the_paper_and_boilerplate(tmp_path):
    pages, repeated = measure_site(_site(tmp_path))
    a = pages[0]
    # To read: 2 (title) + 5 + 9 + 7 + 6 + 5 (summary, a control's name) + 7 (readout) + 6 (box title) + 5;
    # in the closed box: 8.
    assert a.words == 52 and a.box_words == 8
    # sentences in paragraphs and list items, boxes included: 5, 9, 7, 6, 8, 7, 5
    assert a.sentence_lengths == [5, 9, 7, 6, 8, 7, 5]
    assert a.median_sentence == 7
    assert a.longest_paragraph == 14
    assert a.paper_sentences == 1 and a.paper_share == 1 / 7
    # Repeated in the running text: "The paper says one thing.", "Leadership is an activity ...", "Choose an
    # answer ...". Not counted: the summary (a control's name), the readout (aria-live), the box's sentence and
    # the admonition's title; they are kept apart.
    assert a.repeated == 3 and len(repeated) == 3
    assert "The readout of the explorer, six words." in a.control_sentences
    assert a.box_sentences == ["A box holds this sentence of eight words."]


def test_report_flags_missed_goals_and_a_missing_build(tmp_path):
    out = io.StringIO()
    missed = report(_site(tmp_path), out)
    assert missed == 4 and "MISSES: the paper, boilerplate" in out.getvalue()
    assert "Not counted: control names and readouts" in out.getvalue()
    out = io.StringIO()
    assert report(tmp_path / "nowhere", out) == 1 and "run 'make book' first" in out.getvalue()


def test_a_long_chapter_misses_the_word_goal(tmp_path):
    pages, _ = measure_site(_site(tmp_path, pages=("a",)))
    assert missed_goals(pages) == {"a": ["the paper"]}
    pages[0].words = MAX_WORDS + 1
    assert missed_goals(pages) == {"a": ["words", "the paper"]}


@pytest.mark.browser        # needs the built site, so it runs after `make book`, with the browser tests
def test_the_built_book_meets_the_prose_goals(site_dir):
    """Issue 11's goals as a gate: words to read, sentence length, "the paper", and no repeated boilerplate."""
    pages, repeated = measure_site(site_dir)
    assert len(pages) >= 24, "every chapter page is measured"
    misses = missed_goals(pages)
    listed = "; ".join(f"{s[:80]!r} on {sorted(on)}" for s, on in sorted(repeated.items())[:10])
    assert not misses, f"chapters missing a prose goal (run `make prose`): {misses}. Repeated sentences: {listed}"
    assert not repeated, listed
