"""The quiz bank for VLEs (issue 15): Moodle XML and QTI packages parsed back against the YAML.

Every export is read back as a VLE would read it and compared, question by question and option by option, with
``notebooks/activities/*.yml`` (the file the web quiz reads), so the exports cannot drift from the web quizzes.
"""

import io
import zipfile
from html import unescape
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml

from swleadership import vle

ROOT = Path(__file__).resolve().parent.parent
YAML = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "notebooks" / "activities").glob("*.yml"))}
QUIZZES = {cid: d["quiz"] for cid, d in YAML.items() if d.get("quiz")}
IMS = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("vle")
    vle.write_exports(folder)
    return folder


def _strip_p(html: str) -> str:
    text = (html or "").strip()
    if text.startswith("<p>") and text.endswith("</p>"):
        text = text[3:-4]
    return unescape(text)


def test_one_export_per_chapter_and_one_for_the_book(exports):
    assert len(QUIZZES) >= 24 and sum(map(len, QUIZZES.values())) >= 120
    names = sorted(p.name for p in exports.iterdir())
    assert names == sorted(vle.export_names(list(QUIZZES)))


def _moodle(path: Path) -> list[ET.Element]:
    root = ET.parse(path).getroot()          # raises on XML that is not well formed
    assert root.tag == "quiz"
    return list(root)


@pytest.mark.parametrize("cid", sorted(QUIZZES))
def test_moodle_xml_marks_exactly_the_correct_options_and_carries_every_feedback(exports, cid):
    items = _moodle(exports / f"{cid}-moodle.xml")
    assert items[0].get("type") == "category" and cid[:2] in items[0].findtext("category/text")
    questions = [q for q in items if q.get("type") == "multichoice"]
    assert len(questions) == len(items) - 1 == len(QUIZZES[cid])
    for q, src in zip(questions, QUIZZES[cid], strict=True):
        assert _strip_p(q.findtext("questiontext/text")).startswith(src["question"].strip())
        answers = q.findall("answer")
        assert [_strip_p(a.findtext("text")) for a in answers] == [o["text"].strip() for o in src["options"]]
        assert [_strip_p(a.findtext("feedback/text")) for a in answers] == [o["feedback"].strip() for o in src["options"]]
        fracs = [float(a.get("fraction")) for a in answers]
        right = [bool(o.get("correct")) for o in src["options"]]
        if sum(right) == 1:
            assert q.findtext("single") == "true"
            assert fracs == [100.0 if r else 0.0 for r in right]
        else:
            assert q.findtext("single") == "false"
            assert all(f > 0 for f, r in zip(fracs, right, strict=True) if r) and all(f < 0 for f, r in zip(fracs, right, strict=True) if not r)
            assert sum(f for f in fracs if f > 0) == pytest.approx(100, abs=0.001)
            assert sum(f for f in fracs if f < 0) == pytest.approx(-100, abs=0.001)


def test_the_book_moodle_file_holds_every_chapter(exports):
    items = _moodle(exports / "book-moodle.xml")
    assert sum(q.get("type") == "category" for q in items) == len(QUIZZES)
    assert sum(q.get("type") == "multichoice" for q in items) == sum(map(len, QUIZZES.values()))
    assert sum(q.findtext("single") == "false" for q in items if q.get("type") == "multichoice") == sum(
        sum(bool(o.get("correct")) for o in q["options"]) > 1 for qs in QUIZZES.values() for q in qs) > 0


def _assessments(path: Path) -> list[tuple[str, ET.Element]]:
    with zipfile.ZipFile(path) as zf:
        manifest = ET.fromstring(zf.read("imsmanifest.xml"))
        out = []
        for res in manifest.iter(f"{IMS}resource"):
            if res.get("type") == "imsqti_xmlv1p2":
                href = res.find(f"{IMS}file").get("href")
                out.append((href, ET.fromstring(zf.read(href))))
                assert f"{res.get('identifier')}/assessment_meta.xml" in zf.namelist()
    return out


def _check_assessment(asmt: ET.Element, quiz: list[dict]) -> None:
    items = list(asmt.iter(f"{QTI}item"))
    assert len(items) == len(quiz)
    for item, src in zip(items, quiz, strict=True):
        kind = next(f.findtext(f"{QTI}fieldentry") for f in item.iter(f"{QTI}qtimetadatafield")
                    if f.findtext(f"{QTI}fieldlabel") == "question_type")
        multi = sum(bool(o.get("correct")) for o in src["options"]) > 1
        assert kind == ("multiple_answers_question" if multi else "multiple_choice_question")
        labels = list(item.iter(f"{QTI}response_label"))
        assert len(labels) == len(src["options"])
        ids = [lab.get("ident") for lab in labels]
        # Canvas's answer key: varequal conditions (inside <not> for the wrong options of a multiple answer)
        key = [c for c in item.iter(f"{QTI}respcondition") if c.get("continue") == "No"][0]
        if multi:
            wanted = {i for i, o in zip(ids, src["options"], strict=True) if o.get("correct")}
            nots = {v.text for n in key.iter(f"{QTI}not") for v in n.iter(f"{QTI}varequal")}
            alls = {v.text for v in key.iter(f"{QTI}varequal")}
            assert alls - nots == wanted and nots == set(ids) - wanted
        else:
            assert {v.text for v in key.iter(f"{QTI}varequal")} == {
                i for i, o in zip(ids, src["options"], strict=True) if o.get("correct")}
        # one feedback per option
        fbs = {f.get("ident") for f in item.iter(f"{QTI}itemfeedback")}
        assert all(f"{i}_fb" in fbs for i in ids), (fbs, ids)


@pytest.mark.parametrize("cid", sorted(QUIZZES))
def test_each_chapter_qti_package_has_its_manifest_and_one_assessment(exports, cid):
    found = _assessments(exports / f"{cid}-qti.zip")
    assert len(found) == 1
    _check_assessment(found[0][1], QUIZZES[cid])


def test_the_book_qti_package_has_one_assessment_per_chapter(exports):
    found = _assessments(exports / "book-qti.zip")
    assert len(found) == len(QUIZZES)
    titles = [a.find(f"{QTI}assessment").get("title") for _, a in found]
    assert titles == [YAML[cid]["title"] for cid in sorted(QUIZZES)]
    for (_, asmt), cid in zip(found, sorted(QUIZZES), strict=True):
        _check_assessment(asmt, QUIZZES[cid])


def test_the_exports_do_not_change_when_the_yaml_does_not(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    vle.write_exports(a)
    vle.write_exports(b)
    assert all((a / n).read_bytes() == (b / n).read_bytes() for n in vle.export_names())


def test_a_quiz_item_with_no_correct_option_is_refused_with_the_file_named(tmp_path, monkeypatch):
    bad = dict(YAML["14-adaptive"])
    bad["quiz"] = [dict(bad["quiz"][0], options=[dict(o, correct=False) for o in bad["quiz"][0]["options"]])]
    folder = tmp_path / "activities"
    folder.mkdir()
    (folder / "14-adaptive.yml").write_text(yaml.safe_dump(bad), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(vle.ActivityError, match=r"14-adaptive.yml: quiz question 1: mark at least one option"):
        vle.moodle_xml(["14-adaptive"])


def test_the_seminar_guide_links_every_export():
    guide = (ROOT / "book" / "seminar-guide.md").read_text(encoding="utf-8")
    for name in vle.export_names(list(QUIZZES)):
        assert f"downloads/vle/{name}" in guide, name


def test_zip_is_readable():
    data = vle.qti_package([sorted(QUIZZES)[0]])
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
