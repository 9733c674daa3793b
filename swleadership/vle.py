"""The quiz bank for a VLE: Moodle XML and QTI (Canvas, Blackboard) from the same YAML as the web quizzes.

Contract: every chapter's ``quiz`` in ``notebooks/activities/<chapter>.yml`` (the file the web quiz reads, checked
by ``teaching.check_activities``) becomes one question in the exports, with the same options, the same correct
options and the same feedback on every option. A question with one correct option is a single-answer
multiple-choice question; one with several is a multiple-answer question (Moodle: ``single`` false, the correct
options share 100 and the wrong ones share -100; QTI: Canvas's ``multiple_answers_question``).

``write_exports(folder)`` writes, for each chapter and for the whole book:

- ``<chapter>-moodle.xml`` / ``book-moodle.xml``: a Moodle question-bank import (one category per chapter);
- ``<chapter>-qti.zip`` / ``book-qti.zip``: a QTI 1.2 package made by text2qti (one assessment per chapter).

Example::

    >>> from swleadership import vle
    >>> files = vle.write_exports(Path("_build/html/downloads/vle"))   # doctest: +SKIP
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

from swleadership._html import esc
from swleadership.teaching import ActivityError, load_activities

REPO_ROOT = Path(__file__).resolve().parents[1]
ACTIVITIES = REPO_ROOT / "notebooks" / "activities"
BOOK_CATEGORY = "Leadership in social work"
# The manifest's date would make every build differ; the exports change only when the YAML does.
MANIFEST_DATE = "2026-01-01"


_CACHE: dict[tuple[str, int], dict] = {}


def _load(chapter_id: str) -> dict:
    """``teaching.load_activities``, read once per version of the file (YAML parsing is the slow part)."""
    from swleadership.teaching import activities_path

    key = (str(activities_path(chapter_id)), activities_path(chapter_id).stat().st_mtime_ns)
    if key not in _CACHE:
        _CACHE[key] = load_activities(chapter_id)
    return _CACHE[key]


def chapters() -> list[str]:
    """Chapter ids with a quiz, in book order (file names sort in book order)."""
    return [path.stem for path in sorted(ACTIVITIES.glob("*.yml")) if _load(path.stem).get("quiz")]


def quiz_of(chapter_id: str) -> tuple[str, list[dict]]:
    data = _load(chapter_id)
    return str(data.get("title") or chapter_id), list(data.get("quiz") or [])


# ------------------------------------------------------------------------------------------------- Moodle
def _fmt(x: float) -> str:
    """A fraction as Moodle writes it (100, 50, 33.33333, -50)."""
    s = f"{x:.5f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def fractions(options: list[dict]) -> list[str]:
    """Moodle fractions: 100 for the one correct option; for several, correct options share 100 and the
    wrong ones share -100 (so ticking every box scores nothing), as Moodle's multiple-answer questions expect."""
    right = sum(bool(o.get("correct")) for o in options)
    wrong = len(options) - right
    if right == 1:
        return [_fmt(100 if o.get("correct") else 0) for o in options]
    return [_fmt(100 / right) if o.get("correct") else _fmt(-100 / wrong) for o in options]


def _html_text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    el = ET.SubElement(parent, tag, format="html")
    ET.SubElement(el, "text").text = f"<p>{esc(str(text).strip())}</p>"
    return el


def _plain(parent: ET.Element, tag: str, text: str) -> ET.Element:
    el = ET.SubElement(parent, tag)
    ET.SubElement(el, "text").text = text
    return el


def moodle_questions(root: ET.Element, chapter_id: str) -> None:
    title, questions = quiz_of(chapter_id)
    cat = ET.SubElement(root, "question", type="category")
    _plain(cat, "category", f"$course$/top/{BOOK_CATEGORY}/{chapter_id[:2]} {title}")
    for n, q in enumerate(questions, 1):
        opts = q["options"]
        single = sum(bool(o.get("correct")) for o in opts) == 1
        el = ET.SubElement(root, "question", type="multichoice")
        _plain(el, "name", f"{chapter_id} Q{n:02d}")
        text = str(q["question"]).strip() + ("" if single else " (Choose all that apply.)")
        _html_text(el, "questiontext", text)
        _html_text(el, "generalfeedback", "").find("text").text = ""
        ET.SubElement(el, "defaultgrade").text = "1"
        ET.SubElement(el, "penalty").text = "0.3333333"
        ET.SubElement(el, "hidden").text = "0"
        ET.SubElement(el, "idnumber").text = f"swl-{chapter_id}-{n:02d}"
        ET.SubElement(el, "single").text = "true" if single else "false"
        ET.SubElement(el, "shuffleanswers").text = "true"
        ET.SubElement(el, "answernumbering").text = "abc"
        for o, frac in zip(opts, fractions(opts), strict=True):
            ans = ET.SubElement(el, "answer", fraction=frac, format="html")
            ET.SubElement(ans, "text").text = f"<p>{esc(str(o['text']).strip())}</p>"
            _html_text(ans, "feedback", str(o["feedback"]))


def moodle_xml(chapter_ids: list[str]) -> bytes:
    root = ET.Element("quiz")
    for cid in chapter_ids:
        moodle_questions(root, cid)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


# ------------------------------------------------------------------------------------------------- QTI
def _one_line(text: str) -> str:
    """Text for one text2qti line: no line breaks, dollar signs escaped (text2qti reads $...$ as LaTeX)."""
    return " ".join(str(text).split()).replace("$", r"\$")


def text2qti_source(chapter_id: str) -> str:
    """The chapter's quiz in text2qti's plain-text format (one quiz per chapter)."""
    title, questions = quiz_of(chapter_id)
    lines = [f"Quiz title: {_one_line(title)}",
             f"Quiz description: Self-check quiz for chapter {chapter_id[:2]} of {BOOK_CATEGORY}.",
             "Shuffle answers: true", ""]
    for n, q in enumerate(questions, 1):
        opts = q["options"]
        multi = sum(bool(o.get("correct")) for o in opts) > 1
        lines.append(f"{n}.  {_one_line(q['question'])}" + (" (Choose all that apply.)" if multi else ""))
        for m, o in enumerate(opts):
            if multi:
                mark = "[*]" if o.get("correct") else "[ ]"
            else:
                mark = ("*" if o.get("correct") else "") + f"{chr(ord('a') + m)})"
            lines.append(f"{mark} {_one_line(o['text'])}")
            lines.append(f"... {_one_line(o['feedback'])}")
        lines.append("")
    return "\n".join(lines)


def _qti(chapter_id: str):
    from text2qti.config import Config
    from text2qti.err import Text2qtiError
    from text2qti.qti import QTI
    from text2qti.quiz import Quiz
    from text2qti.xml_imsmanifest import imsmanifest

    try:
        quiz = Quiz(text2qti_source(chapter_id), config=Config(), source_name=f"{chapter_id}.yml")
    except Text2qtiError as exc:
        raise ActivityError(f"notebooks/activities/{chapter_id}.yml: the QTI export failed: {exc}") from None
    qti = QTI(quiz)
    qti.imsmanifest_xml = imsmanifest(manifest_identifier=qti.manifest_identifier,
                                      assessment_identifier=qti.assessment_identifier,
                                      dependency_identifier=qti.dependency_identifier,
                                      images=quiz.images, date=MANIFEST_DATE)
    return qti


def _zip(files: dict[str, bytes]) -> bytes:
    """A zip whose bytes depend only on ``files`` (fixed timestamps)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED if not name.endswith("/") else zipfile.ZIP_STORED
            zf.writestr(info, data)
    return buf.getvalue()


_QTI_CACHE: dict[int, dict[str, bytes]] = {}


def _qti_files(chapter_id: str) -> dict[str, bytes]:
    key = id(_load(chapter_id))          # one entry per version of the chapter's YAML (see _load)
    if key not in _QTI_CACHE:
        with zipfile.ZipFile(io.BytesIO(_qti(chapter_id).zip_bytes())) as zf:
            _QTI_CACHE[key] = {n: zf.read(n) for n in zf.namelist()}
    return _QTI_CACHE[key]


MANIFEST_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"


def qti_package(chapter_ids: list[str]) -> bytes:
    """One QTI package: text2qti's package for one chapter; for several, their assessments under one manifest."""
    parts = [_qti_files(cid) for cid in chapter_ids]
    files = dict(parts[0])
    if len(parts) > 1:
        ET.register_namespace("", MANIFEST_NS)
        for prefix, uri in (("lom", "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource"),
                            ("imsmd", "http://www.imsglobal.org/xsd/imsmd_v1p2"),
                            ("xsi", "http://www.w3.org/2001/XMLSchema-instance")):
            ET.register_namespace(prefix, uri)
        manifest = ET.fromstring(files["imsmanifest.xml"])
        resources = manifest.find(f"{{{MANIFEST_NS}}}resources")
        for part in parts[1:]:
            other = ET.fromstring(part["imsmanifest.xml"])
            for res in other.find(f"{{{MANIFEST_NS}}}resources"):
                resources.append(res)
            files.update({n: d for n, d in part.items() if n != "imsmanifest.xml"})
        files["imsmanifest.xml"] = (b'<?xml version="1.0" encoding="UTF-8"?>\n'
                                    + ET.tostring(manifest, encoding="utf-8"))
    return _zip(files)


# ------------------------------------------------------------------------------------------------- files
def export_names(chapter_ids: list[str] | None = None) -> list[str]:
    ids = chapter_ids if chapter_ids is not None else chapters()
    return [f"{stem}-{kind}" for stem in [*ids, "book"] for kind in ("moodle.xml", "qti.zip")]


def write_exports(folder: Path) -> list[Path]:
    """Write every chapter's exports and the whole book's into ``folder``; rewrite only files that changed."""
    folder.mkdir(parents=True, exist_ok=True)
    ids = chapters()
    out = []
    for stem, group in [*((cid, [cid]) for cid in ids), ("book", ids)]:
        for name, data in ((f"{stem}-moodle.xml", moodle_xml(group)), (f"{stem}-qti.zip", qti_package(group))):
            path = folder / name
            if not path.is_file() or path.read_bytes() != data:
                path.write_bytes(data)
            out.append(path)
    return out
