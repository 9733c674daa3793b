"""The teaching components in the static book, driven from the keyboard in real Chromium.

They run on the book's own pages: the first chapter with each component.
"""

import json

import pytest

from swleadership import teaching
from swleadership.assessment import AssessmentItem, action_plan_markdown, assessment_gaps
from swleadership.site import chapter_pages
from tests.conftest import SITE, goto

pytestmark = pytest.mark.browser


def _first_page_with(marker: str) -> str:
    for p in chapter_pages(SITE):
        if marker in p.read_text(encoding="utf-8"):
            return str(p.relative_to(SITE))
    pytest.fail(f"no chapter page in {SITE} has {marker!r}")


def _open(new_page, site_url, rel):
    p = new_page()
    goto(p.page, f"{site_url}/{rel}")
    return p.page


# Known answers come from the activities files, never from the page's own data: an option is found by its text.
QUIZ_CHAPTER = "01-what-is-leadership"   # has single-answer questions and one with several answers (Q5)
SORTER_CHAPTER = "14-adaptive"           # its sorter has an item with two accepted answers


def _quiz_page(new_page, site_url, chapter=QUIZ_CHAPTER):
    page = _open(new_page, site_url, f"notebooks/{chapter}.html")
    return page, teaching.load_activities(chapter)["quiz"]


def _option(q_el, text):
    """The input whose label is exactly ``text`` (the option as written in the YAML)."""
    labels = q_el.locator("label")
    for i in range(labels.count()):
        if labels.nth(i).inner_text().strip() == text:
            return q_el.locator("#" + labels.nth(i).get_attribute("for"))
    pytest.fail(f"no option labelled {text!r}")


def test_quiz_options_are_shown_in_the_packages_fixed_order(site_url, new_page):
    page, questions = _quiz_page(new_page, site_url)
    qs = page.locator('[data-swl="question"]')
    assert qs.count() == len(questions)
    for n, shown in enumerate(teaching.shown_options(QUIZ_CHAPTER, questions)):
        assert qs.nth(n).locator("label").all_inner_texts() == [o["text"] for o in shown]
    # The answers do not all sit in one place on the page.
    firsts = [shown[0].get("correct", False) for shown in teaching.shown_options(QUIZ_CHAPTER, questions)]
    assert not all(firsts)


def test_quiz_gives_feedback_per_answer_from_the_keyboard(site_url, new_page):
    page, questions = _quiz_page(new_page, site_url)
    n, q = next((n, q) for n, q in enumerate(questions) if sum(bool(o.get("correct")) for o in q["options"]) == 1)
    right = next(o for o in q["options"] if o.get("correct"))
    wrong = next(o for o in q["options"] if not o.get("correct"))
    el = page.locator('[data-swl="question"]').nth(n)
    assert el.locator('input[type="radio"]').count() == len(q["options"])
    # The wrong answer from the keyboard: focus it, Space selects it, Enter checks.
    _option(el, wrong["text"]).focus()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    fb = el.locator(".swl-feedback")
    assert fb.get_attribute("role") == "status"
    assert fb.inner_text() == "Not quite. " + wrong["feedback"].strip()
    # The right answer, checked with the button (Enter on it).
    _option(el, right["text"]).focus()
    page.keyboard.press("Space")
    el.locator(".swl-check").focus()
    page.keyboard.press("Enter")
    assert fb.inner_text() == "Correct. " + right["feedback"].strip()


def test_quiz_with_several_answers_marks_each_option(site_url, new_page):
    page, questions = _quiz_page(new_page, site_url)
    n, q = next((n, q) for n, q in enumerate(questions) if sum(bool(o.get("correct")) for o in q["options"]) > 1)
    el = page.locator('[data-swl="question"]').nth(n)
    assert el.locator('input[type="checkbox"]').count() == len(q["options"])
    assert "Choose all that apply." in el.locator("legend").inner_text()
    right = [o for o in q["options"] if o.get("correct")]
    wrong = [o for o in q["options"] if not o.get("correct")]
    # One right and one wrong: not quite, and every option explains itself.
    _option(el, right[0]["text"]).focus()
    page.keyboard.press("Space")
    _option(el, wrong[0]["text"]).check()
    el.locator(".swl-check").click()
    fb = el.locator(".swl-feedback")
    assert fb.inner_text().startswith(f"Not quite: you chose 1 of the {len(right)} answers that apply, and 1 that does not.")
    for o in q["options"]:
        box = _option(el, o["text"]).locator("xpath=..").locator(".swl-optfb")
        assert box.inner_text() == ("Applies. " if o.get("correct") else "Does not apply. ") + o["feedback"].strip()
    # Exactly the right ones: correct.
    _option(el, wrong[0]["text"]).uncheck()
    for o in right:
        _option(el, o["text"]).check()
    _option(el, right[0]["text"]).focus()
    page.keyboard.press("Enter")
    assert fb.inner_text() == f"Correct: you chose all {len(right)} answers that apply."


def test_quiz_score_is_saved_and_try_again_clears(site_url, new_page):
    page, questions = _quiz_page(new_page, site_url)
    els = page.locator('[data-swl="question"]')
    # All right except the first question, answered wrongly.
    for n, q in enumerate(questions):
        el = els.nth(n)
        chosen = [o for o in q["options"] if not o.get("correct")][:1] if n == 0 else \
                 [o for o in q["options"] if o.get("correct")]
        for o in chosen:
            _option(el, o["text"]).check()
        el.locator(".swl-check").click()
    total = len(questions)
    score = page.locator('[data-swl="quiz"] .swl-score')
    assert score.inner_text().startswith(f"Your score: {total - 1} of {total} right.")
    saved = json.loads(page.evaluate(f"localStorage.getItem('swl-quiz:{QUIZ_CHAPTER}')"))
    assert (saved["right"], saved["total"], saved["chapter"]) == (total - 1, total, QUIZ_CHAPTER)
    page.locator('[data-swl="quiz"] .swl-retry').click()
    assert page.locator('[data-swl="quiz"] input:checked').count() == 0
    assert all(t == "" for t in page.locator('[data-swl="question"] .swl-feedback').all_inner_texts())
    assert page.evaluate("document.activeElement.closest('[data-swl=question]') !== null")
    page.locator('[data-swl="quiz"] .swl-score-btn').click()
    assert score.inner_text().startswith(f"Your score: 0 of {total} right. {total} not checked yet.")


def test_quiz_focus_is_visible(site_url, new_page):
    page, _ = _quiz_page(new_page, site_url)
    radio = page.locator('[data-swl="question"] input[type="radio"]').first
    radio.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    outline = radio.evaluate("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth")
    assert outline.startswith("solid") and not outline.endswith(" 0px"), outline


def test_journal_survives_reload_exports_and_asks_before_clearing(site_url, new_page, tmp_path):
    rel = _first_page_with('data-swl="journal"')
    page = _open(new_page, site_url, rel)
    j = page.locator('[data-swl="journal"]')
    areas = j.locator("textarea")
    assert areas.count() >= 2
    areas.nth(0).focus()
    page.keyboard.type("My first reflection on leadership.")
    areas.nth(1).fill("A second answer.")
    page.reload(wait_until="load", timeout=60_000)
    assert areas.nth(0).input_value() == "My first reflection on leadership."
    assert areas.nth(1).input_value() == "A second answer."
    with page.expect_download() as dl:
        j.locator(".swl-export").click()
    out = tmp_path / "out.md"
    dl.value.save_as(out)
    md = out.read_text()
    assert "My first reflection on leadership." in md and "A second answer." in md
    assert areas.nth(0).get_attribute("data-prompt") in md
    # Clear asks first. From the keyboard: Enter opens the question, focus lands on "No, keep them", Escape keeps.
    confirm = j.locator(".swl-confirm")
    assert confirm.is_hidden()
    j.locator(".swl-clear").focus()
    page.keyboard.press("Enter")
    assert confirm.is_visible() and j.locator(".swl-clear").get_attribute("aria-expanded") == "true"
    assert page.evaluate("document.activeElement.classList.contains('swl-confirm-no')")
    page.keyboard.press("Escape")
    assert confirm.is_hidden() and areas.nth(0).input_value() == "My first reflection on leadership."
    assert page.evaluate("document.activeElement.classList.contains('swl-clear')")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # on "No, keep them"
    assert areas.nth(1).input_value() == "A second answer." and confirm.is_hidden()
    page.keyboard.press("Enter")
    page.keyboard.press("Shift+Tab")  # from "No, keep them" back to "Yes, delete them"
    assert page.evaluate("document.activeElement.classList.contains('swl-confirm-yes')")
    page.keyboard.press("Enter")
    assert areas.nth(0).input_value() == "" and areas.nth(1).input_value() == ""
    assert j.locator(".swl-jstatus").inner_text() == "Deleted your answers on this page."
    page.reload(wait_until="load", timeout=60_000)
    assert page.locator('[data-swl="journal"] textarea').nth(0).input_value() == ""


def test_sorter_uses_known_answers_and_accepts_every_listed_answer(site_url, new_page):
    page = _open(new_page, site_url, f"notebooks/{SORTER_CHAPTER}.html")
    (name, spec), = teaching.load_activities(SORTER_CHAPTER)["sorters"].items()
    items = spec["items"]
    answers = [it["answer"] if isinstance(it["answer"], list) else [it["answer"]] for it in items]
    multi = next(k for k, a in enumerate(answers) if len(a) > 1)
    single = next(k for k, a in enumerate(answers) if len(a) == 1)
    s = page.locator('[data-swl="sorter"]').first
    lis = s.locator(".swl-sort-item")
    assert lis.count() == len(items)
    # The item with two accepted answers: its second answer is marked right and names the other.
    lis.nth(multi).locator("select").select_option(answers[multi][1])
    # A single-answer item, answered wrongly.
    wrong = next(c for c in spec["categories"] if c not in answers[single])
    lis.nth(single).locator("select").select_option(wrong)
    s.locator(".swl-check").focus()
    page.keyboard.press("Enter")
    fb = lis.nth(multi).locator(".swl-feedback").inner_text()
    assert fb == f"Correct ({answers[multi][0]} would also be right). " + items[multi]["feedback"].strip()
    fb = lis.nth(single).locator(".swl-feedback").inner_text()
    assert fb == f"Not quite: the suggested answer is {answers[single][0]}. " + items[single]["feedback"].strip()
    assert f"{answers[single][0]}. {answers[single][0]}" not in fb
    others = [k for k in range(len(items)) if k not in (multi, single)]
    assert all(lis.nth(k).locator(".swl-feedback").inner_text() == "Not sorted yet." for k in others)
    assert s.locator(".swl-score").inner_text() == f"1 of {len(items)} match the suggested answers ({len(others)} not sorted yet)."
    # Now every item right, with the first accepted answer: all of them match.
    for k, a in enumerate(answers):
        lis.nth(k).locator("select").select_option(a[0])
    s.locator(".swl-check").click()
    assert s.locator(".swl-score").inner_text() == f"{len(items)} of {len(items)} match the suggested answers."


def test_sorter_number_sits_beside_the_first_line_on_a_phone(site_url, new_page):
    p = new_page()
    p.page.set_viewport_size({"width": 390, "height": 844})
    goto(p.page, f"{site_url}/notebooks/{SORTER_CHAPTER}.html")
    li = p.page.locator('[data-swl="sorter"] .swl-sort-item').first
    label = li.locator("label")
    box, lab = li.bounding_box(), label.bounding_box()
    line = float(label.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)"))
    assert lab["height"] > 1.5 * line, "the first item's text should wrap at 390 px for this check"
    assert abs(lab["y"] - box["y"]) < 2, "the label's first line starts the item"
    # The list number sits on the item's first line box: a zero-width probe put first in the item shares that
    # line, so it must be level with the first word of the text (not with its last line).
    probe, first = li.evaluate("""li => { const s = document.createElement('span'); s.textContent = '\\u200b';
        li.insertBefore(s, li.firstChild); const a = s.getBoundingClientRect(); s.remove();
        const r = document.createRange(), t = li.querySelector('label').firstChild; r.setStart(t, 0); r.setEnd(t, 1);
        const b = r.getBoundingClientRect(); return [a.bottom, b.bottom]; }""")
    assert abs(probe - first) < line / 2, f"the number is level with y={probe}, the first line ends at y={first}"
    sel = li.locator("select").bounding_box()
    assert sel["y"] >= lab["y"] + lab["height"] - 1 and sel["x"] + sel["width"] <= box["x"] + box["width"] + 1


def test_components_pass_axe_in_light_and_dark_mode(site_url, new_page):
    from axe_playwright_python.sync_playwright import Axe

    page, questions = _quiz_page(new_page, site_url)
    # Show feedback of every kind before checking: right, wrong, per-option.
    els = page.locator('[data-swl="question"]')
    for n, q in enumerate(questions):
        o = q["options"][n % len(q["options"])]
        _option(els.nth(n), o["text"]).check()
        els.nth(n).locator(".swl-check").click()
    page.locator('[data-swl="journal"] .swl-clear').click()
    for mode in ("light", "dark"):
        page.evaluate(f"document.documentElement.dataset.theme = '{mode}'")
        page.wait_for_timeout(100)
        for sel in ('[data-swl="quiz"]', '[data-swl="journal"]'):
            res = Axe().run(page, context=sel)
            bad = [f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}" for v in res.response["violations"]]
            assert bad == [], f"{mode} {sel}: {bad}"


def test_portfolio_gathers_exports_and_prints(site_url, new_page, tmp_path):
    p = new_page()
    page = p.page
    # A reflection, a quiz score and a self-assessment, in one browser.
    goto(page, f"{site_url}/notebooks/{QUIZ_CHAPTER}.html")
    page.locator('[data-swl="journal"] textarea').first.fill("What I learnt about credibility.")
    questions = teaching.load_activities(QUIZ_CHAPTER)["quiz"]
    els = page.locator('[data-swl="question"]')
    for n, q in enumerate(questions):
        for o in [o for o in q["options"] if o.get("correct")]:
            _option(els.nth(n), o["text"]).check()
        els.nth(n).locator(".swl-check").click()
    rel = ASSESSMENT_PAGES[0]
    goto(page, f"{site_url}/{rel}")
    a = page.locator('[data-swl="assessment"]').first
    rows = a.locator("tbody tr[data-key]")
    n_items = rows.count()
    for k in range(n_items):
        rows.nth(k).locator('select[data-scale="now"]').select_option("2" if k == 0 else "4")
        rows.nth(k).locator('select[data-scale="importance"]').select_option("5" if k == 0 else "4")
    data = json.loads(a.locator("script.swl-data").text_content())
    goto(page, f"{site_url}/book/portfolio.html")
    assert p.external == []
    view = page.locator('[data-swl="portfolio"] .swl-portfolio-view')
    text = view.inner_text()
    title = teaching.load_activities(QUIZ_CHAPTER)["title"]
    assert f"{title}\n{len(questions)} of {len(questions)}" in text.replace("\t", "\n")
    assert "What I learnt about credibility." in text
    first = data["items"][0]
    assert data["title"] in text and f"{first['name']} (gap 3)." in text
    with page.expect_download() as dl:
        page.locator('[data-swl="portfolio"] .swl-export').click()
    out = tmp_path / "portfolio.md"
    dl.value.save_as(out)
    md = out.read_text()
    assert md.startswith("# My portfolio")
    assert f"| {title} | {len(questions)} of {len(questions)} |" in md
    assert "What I learnt about credibility." in md
    gaps = assessment_gaps([AssessmentItem(**i) for i in data["items"]], [2] + [4] * (n_items - 1),
                           [5] + [4] * (n_items - 1))
    plan = action_plan_markdown(data["title"], gaps).split("## My action plan")[1].strip()
    assert plan == f"1. **{first['name']}** (gap 3). {first['action']}".strip()
    assert plan in md and f"### {data['title']}: my self-assessment" in md
    # Printing leaves out the buttons and keeps the content.
    page.emulate_media(media="print")
    assert page.locator('[data-swl="portfolio"] .swl-export').is_hidden()
    assert view.is_visible()
    pdf = page.pdf()
    assert pdf[:4] == b"%PDF" and len(pdf) > 5000


ASSESSMENT_PAGES = [str(p.relative_to(SITE)) for p in chapter_pages(SITE)
                    if 'data-swl="assessment"' in p.read_text(encoding="utf-8")] if SITE.is_dir() else []


def test_the_book_has_self_assessments():
    assert len(ASSESSMENT_PAGES) >= 2, ASSESSMENT_PAGES


@pytest.mark.parametrize("rel", ASSESSMENT_PAGES)
def test_self_assessment_radar_gaps_reload_and_download(rel, site_url, new_page, tmp_path):
    page = _open(new_page, site_url, rel)
    a = page.locator('[data-swl="assessment"]').first
    aid = a.get_attribute("data-id")
    rows = a.locator("tbody tr[data-key]")
    n = rows.count()
    assert n >= 3
    gd = f"#swl-{aid}-radar"
    before = page.evaluate(f"document.querySelector('{gd}').data[0].r")
    now = [(k % 5) + 1 for k in range(n)]
    imp = [5 - (k % 3) for k in range(n)]
    for k in range(n):
        sel = rows.nth(k).locator('select[data-scale="now"]')
        sel.focus()
        sel.select_option(str(now[k]))
        rows.nth(k).locator('select[data-scale="importance"]').select_option(str(imp[k]))
    page.wait_for_timeout(200)
    after = page.evaluate(f"document.querySelector('{gd}').data[0].r")
    assert after != before and after[:n] == now, "a rating must change the radar chart"
    # The browser's gaps equal the Python model's gaps for the same ratings.
    items = json.loads(a.locator("script.swl-data").text_content())["items"]
    py = [vars(g) for g in assessment_gaps([AssessmentItem(**i) for i in items], now, imp)]
    js = json.loads(a.get_attribute("data-swl-gaps"))
    assert js == py
    page.reload(wait_until="load", timeout=60_000)
    a = page.locator('[data-swl="assessment"]').first
    assert a.locator("tbody tr[data-key]").nth(0).locator('select[data-scale="now"]').input_value() == str(now[0])
    with page.expect_download() as dl:
        a.locator(".swl-download").click()
    out = tmp_path / "plan.md"
    dl.value.save_as(out)
    title = json.loads(a.locator("script.swl-data").text_content())["title"]
    expected = action_plan_markdown(title, assessment_gaps([AssessmentItem(**i) for i in items], now, imp))
    assert out.read_text() == expected


def test_help_links_reach_a_section_of_the_help_page(site_dir):
    import re

    help_page = (site_dir / "book" / "using-the-book.html").read_text(encoding="utf-8")
    anchors = set()
    for p in chapter_pages(site_dir):
        anchors |= set(re.findall(r'class="swl-help" href="\.\./book/using-the-book\.html#([\w-]+)"',
                                  p.read_text(encoding="utf-8")))
    assert {"quizzes", "journal", "sorting-activities", "self-assessments", "explorers"} <= anchors, anchors
    for a in anchors:
        assert f'id="{a}"' in help_page, a


def test_quiz_feedback_fits_a_phone(site_url, new_page):
    p = new_page()
    p.page.set_viewport_size({"width": 390, "height": 844})
    goto(p.page, f"{site_url}/notebooks/{QUIZ_CHAPTER}.html")
    questions = teaching.load_activities(QUIZ_CHAPTER)["quiz"]
    n = next(n for n, q in enumerate(questions) if sum(bool(o.get("correct")) for o in q["options"]) > 1)
    el = p.page.locator('[data-swl="question"]').nth(n)
    _option(el, questions[n]["options"][0]["text"]).check()
    el.locator(".swl-check").click()
    over = el.evaluate("""q => { const r = q.getBoundingClientRect().right;
        return Array.from(q.querySelectorAll('*')).filter(e => e.getBoundingClientRect().right > r + 1)
                    .map(e => e.className || e.tagName); }""")
    assert over == [], f"wider than the question at 390 px: {over}"
