"""The teaching components in the static book, driven from the keyboard in real Chromium.

They run on the book's own pages: the first chapter with each component.
"""

import json

import pytest

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


def test_quiz_gives_feedback_per_answer_from_the_keyboard(site_url, new_page):
    rel = _first_page_with('data-swl="question"')
    page = _open(new_page, site_url, rel)
    q = page.locator('[data-swl="question"]').first
    data = json.loads(q.locator("script.swl-data").text_content())
    right, wrong = data["correct"][0], next(i for i in range(len(data["feedback"])) if i not in data["correct"])
    radios = q.locator('input[type="radio"]')
    # Choose the wrong answer from the keyboard: focus the group, move with the arrow keys, press Enter.
    radios.nth(0).focus()
    page.keyboard.press("Space")
    for _ in range(wrong):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    fb = q.locator(".swl-feedback")
    assert fb.inner_text().startswith("Not quite.")
    assert data["feedback"][wrong] in fb.inner_text()
    assert fb.get_attribute("role") == "status"
    # Now the right answer, and check it with the button (Tab to it, then Enter).
    radios.nth(right).focus()
    page.keyboard.press("Space")
    q.locator(".swl-check").focus()
    page.keyboard.press("Enter")
    assert fb.inner_text().startswith("Correct.")
    assert data["feedback"][right] in fb.inner_text()


def test_quiz_focus_is_visible(site_url, new_page):
    rel = _first_page_with('data-swl="question"')
    page = _open(new_page, site_url, rel)
    radio = page.locator('[data-swl="question"] input[type="radio"]').first
    radio.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab")
    outline = radio.evaluate("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth")
    assert outline.startswith("solid") and not outline.endswith(" 0px"), outline


def test_journal_survives_reload_exports_and_clears(site_url, new_page, tmp_path):
    rel = _first_page_with('data-swl="journal"')
    page = _open(new_page, site_url, rel)
    areas = page.locator('[data-swl="journal"] textarea')
    assert areas.count() >= 2
    areas.nth(0).focus()
    page.keyboard.type("My first reflection on leadership.")
    areas.nth(1).fill("A second answer.")
    page.reload(wait_until="load", timeout=60_000)
    areas = page.locator('[data-swl="journal"] textarea')
    assert areas.nth(0).input_value() == "My first reflection on leadership."
    assert areas.nth(1).input_value() == "A second answer."
    with page.expect_download() as dl:
        page.locator('[data-swl="journal"] .swl-export').click()
    text = (tmp_path / "out.md")
    dl.value.save_as(text)
    md = text.read_text()
    assert "My first reflection on leadership." in md and "A second answer." in md
    assert areas.nth(0).get_attribute("data-prompt") in md
    page.locator('[data-swl="journal"] .swl-clear').click()
    assert areas.nth(0).input_value() == "" and areas.nth(1).input_value() == ""
    page.reload(wait_until="load", timeout=60_000)
    assert page.locator('[data-swl="journal"] textarea').nth(0).input_value() == ""


def test_sorter_checks_each_item(site_url, new_page):
    rel = _first_page_with('data-swl="sorter"')
    page = _open(new_page, site_url, rel)
    s = page.locator('[data-swl="sorter"]').first
    data = json.loads(s.locator("script.swl-data").text_content())
    selects = s.locator("select")
    selects.nth(0).select_option(data[0]["answers"][0])
    s.locator(".swl-check").focus()
    page.keyboard.press("Enter")
    items = s.locator(".swl-sort-item .swl-feedback")
    assert items.nth(0).inner_text().startswith("Correct.")
    if selects.count() > 1:
        assert items.nth(1).inner_text() == "Not sorted yet."
    assert s.locator(".swl-score").inner_text().startswith("1 of ")


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
