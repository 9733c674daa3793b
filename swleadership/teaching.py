"""Teaching components: a self-marking quiz, a reflective journal and sorting activities.

Each chapter keeps its activities in ``notebooks/activities/<chapter-id>.yml`` (schema in CONTRIBUTING.md).

In the static book the components are native HTML (radio buttons, selects, text areas, buttons) driven by
``book/assets/swl.js``: they work with no kernel and no network, from the keyboard, and give feedback per answer
in a live region. In JupyterLab and Voilà the same HTML carries the script inline (outputs made in a session
are trusted), and the journal's prompts are shown as Markdown to answer in the cell below.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ._env import REPO_ROOT, in_book_build

ASSETS = REPO_ROOT / "book" / "assets"


class ActivityError(ValueError):
    """An activities file is missing or malformed; the message names the file and the entry."""


def _esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


def activities_path(chapter_id: str) -> Path:
    """``notebooks/activities/<chapter-id>.yml``, looked up beside the running notebook first."""
    name = f"{chapter_id}.yml"
    for base in (Path.cwd() / "activities", Path.cwd() / "notebooks" / "activities",
                 REPO_ROOT / "notebooks" / "activities"):
        if (base / name).is_file():
            return base / name
    raise ActivityError(f"No activities file for chapter {chapter_id!r}: expected notebooks/activities/{name}")


def load_activities(chapter_id: str) -> dict:
    """Read and check a chapter's activities file."""
    import yaml

    path = activities_path(chapter_id)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ActivityError(f"{path.name}: not valid YAML ({exc})") from None
    if not isinstance(data, dict):
        raise ActivityError(f"{path.name}: expected a mapping with keys quiz, reflection, sorters")
    check_activities(data, path.name)
    return data


def check_activities(data: dict, fname: str) -> None:
    """Raise ``ActivityError`` naming the file and entry for anything a component could not show."""
    unknown = set(data) - {"quiz", "reflection", "sorters", "title"}
    if unknown:
        raise ActivityError(f"{fname}: unknown top-level keys {sorted(unknown)}")
    for n, q in enumerate(data.get("quiz") or [], 1):
        where = f"{fname}: quiz question {n}"
        if not isinstance(q, dict) or not str(q.get("question", "")).strip():
            raise ActivityError(f"{where}: needs a 'question'")
        opts = q.get("options") or []
        if len(opts) < 2:
            raise ActivityError(f"{where}: needs at least two options")
        for m, o in enumerate(opts, 1):
            if not isinstance(o, dict) or not str(o.get("text", "")).strip() or not str(o.get("feedback", "")).strip():
                raise ActivityError(f"{where}, option {m}: needs 'text' and 'feedback' (say why)")
        if not any(o.get("correct") for o in opts):
            raise ActivityError(f"{where}: mark at least one option 'correct: true'")
    for n, r in enumerate(data.get("reflection") or [], 1):
        if not isinstance(r, dict) or not str(r.get("prompt", "")).strip():
            raise ActivityError(f"{fname}: reflection prompt {n} needs a 'prompt'")
    for name, s in (data.get("sorters") or {}).items():
        where = f"{fname}: sorter {name!r}"
        cats = s.get("categories") or []
        if len(cats) < 2:
            raise ActivityError(f"{where}: needs at least two categories")
        for m, it in enumerate(s.get("items") or [], 1):
            answers = it.get("answer")
            answers = answers if isinstance(answers, list) else [answers]
            if not str(it.get("text", "")).strip() or not str(it.get("feedback", "")).strip():
                raise ActivityError(f"{where}, item {m}: needs 'text' and 'feedback'")
            bad = [a for a in answers if a not in cats]
            if bad:
                raise ActivityError(f"{where}, item {m}: answer {bad[0]!r} is not one of the categories {cats}")
        if not s.get("items"):
            raise ActivityError(f"{where}: needs items")


@lru_cache(maxsize=1)
def _runtime() -> str:
    """The component script and style, inlined for JupyterLab and Voilà (the book loads them once per page)."""
    js = (ASSETS / "swl.js").read_text(encoding="utf-8")
    css = (ASSETS / "swl.css").read_text(encoding="utf-8")
    return f"<style>{css}</style><script>{js}</script>"


def _json_script(payload: Any, cls: str) -> str:
    data = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/json" class="{cls}">{data}</script>'


@dataclass
class _Component:
    html: str
    markdown: str | None = None

    def _repr_html_(self) -> str:
        if in_book_build():
            return self.html
        return self.html + _runtime() + "<script>window.SWL && SWL.scan();</script>"

    def _ipython_display_(self):
        from IPython.display import HTML, Markdown, display

        if self.markdown and not in_book_build():
            display(Markdown(self.markdown))
            return
        display(HTML(self._repr_html_()))


SUP = 'data-lm-suppress-shortcuts="true"'


def quiz_html(chapter_id: str, questions: list[dict]) -> str:
    blocks = []
    total = len(questions)
    for n, q in enumerate(questions, 1):
        qid = f"swl-quiz-{chapter_id}-{n}"
        opts = []
        for m, o in enumerate(q["options"]):
            oid = f"{qid}-{m}"
            opts.append(
                f'<div class="swl-opt"><input type="radio" name="{qid}" id="{oid}" value="{m}" {SUP}>'
                f'<label for="{oid}">{_esc(o["text"])}</label></div>'
            )
        data = {
            "correct": [m for m, o in enumerate(q["options"]) if o.get("correct")],
            "feedback": [str(o["feedback"]) for o in q["options"]],
        }
        blocks.append(
            f'<div class="swl-question" data-swl="question">'
            f'<fieldset><legend><span class="swl-qnum">Question {n} of {total}.</span> {_esc(q["question"])}</legend>'
            f"{''.join(opts)}</fieldset>"
            f'<button type="button" class="swl-check">Check answer {n}</button>'
            f'<div class="swl-feedback" role="status" aria-live="polite"></div>'
            f'{_json_script(data, "swl-data")}</div>'
        )
    return (
        f'<section class="swl-quiz" data-swl="quiz" aria-label="Self-check quiz">'
        f'<p class="swl-note">Choose an answer and press <em>Check answer</em> (or Enter). '
        f"Each answer explains why it is right or not. Nothing is recorded.</p>{''.join(blocks)}</section>"
    )


def quiz(chapter_id: str) -> _Component:
    """The chapter's self-marking quiz (questions from its activities file)."""
    data = load_activities(chapter_id)
    questions = data.get("quiz") or []
    if not questions:
        raise ActivityError(f"{chapter_id}.yml: has no quiz questions")
    return _Component(quiz_html(chapter_id, questions))


def journal_html(chapter_id: str, prompts: list[dict], title: str) -> str:
    rows = []
    for n, p in enumerate(prompts, 1):
        pid = f"swl-journal-{chapter_id}-{n}"
        rows.append(
            f'<div class="swl-jprompt"><label for="{pid}"><span class="swl-qnum">{n}.</span> {_esc(p["prompt"])}</label>'
            f'<textarea id="{pid}" rows="5" {SUP} data-key="{_esc(f"{chapter_id}:{n}")}" '
            f'data-prompt="{_esc(p["prompt"])}"></textarea></div>'
        )
    return (
        f'<section class="swl-journal" data-swl="journal" data-chapter="{_esc(chapter_id)}" '
        f'data-title="{_esc(title)}" aria-label="Reflective journal">'
        f"{''.join(rows)}"
        '<p class="swl-note">Your answers are saved only in this browser (local storage) as you type, and come back '
        "when you return. Nothing is sent anywhere. Export them to keep a copy.</p>"
        '<div class="swl-buttons"><button type="button" class="swl-export">Export all my reflections (Markdown)</button> '
        '<button type="button" class="swl-clear">Clear this chapter\'s answers</button></div>'
        '<p class="swl-jstatus" role="status" aria-live="polite"></p></section>'
    )


def journal(chapter_id: str, title: str | None = None) -> _Component:
    """The chapter's reflection prompts: text areas saved in the browser (static book) or Markdown (live)."""
    data = load_activities(chapter_id)
    prompts = data.get("reflection") or []
    if not prompts:
        raise ActivityError(f"{chapter_id}.yml: has no reflection prompts")
    title = title or data.get("title") or chapter_id
    md = "\n".join(f"{n}. {p['prompt']}" for n, p in enumerate(prompts, 1))
    md += "\n\n*Write your reflections in the Markdown cell below (double-click it to edit). They stay in your copy of the notebook.*"
    return _Component(journal_html(chapter_id, prompts, title), markdown=md)


def sorter_html(chapter_id: str, name: str, spec: dict) -> str:
    sid = f"swl-sort-{chapter_id}-{name}"
    cats = spec["categories"]
    items, data = [], []
    for n, it in enumerate(spec["items"], 1):
        iid = f"{sid}-{n}"
        opts = '<option value="">Choose…</option>' + "".join(f'<option value="{_esc(c)}">{_esc(c)}</option>' for c in cats)
        answers = it["answer"] if isinstance(it["answer"], list) else [it["answer"]]
        data.append({"answers": answers, "feedback": str(it["feedback"])})
        items.append(
            f'<li class="swl-sort-item"><label for="{iid}">{_esc(it["text"])}</label> '
            f'<select id="{iid}" {SUP}>{opts}</select><div class="swl-feedback" aria-live="polite"></div></li>'
        )
    instructions = spec.get("instructions") or "Sort each item, then check your answers."
    return (
        f'<section class="swl-sorter" data-swl="sorter" aria-label="{_esc(spec.get("title") or "Sorting activity")}">'
        f'<p class="swl-note">{_esc(instructions)}</p><ol class="swl-sort-list">{"".join(items)}</ol>'
        f'<div class="swl-buttons"><button type="button" class="swl-check">Check my answers</button></div>'
        f'<p class="swl-score" role="status" aria-live="polite"></p>{_json_script(data, "swl-data")}</section>'
    )


def sorter(chapter_id: str, name: str) -> _Component:
    """A sorting activity from the chapter's activities file (``sorters: {name: ...}``)."""
    data = load_activities(chapter_id)
    spec = (data.get("sorters") or {}).get(name)
    if spec is None:
        raise ActivityError(f"{chapter_id}.yml: no sorter called {name!r}")
    return _Component(sorter_html(chapter_id, name, spec))


__all__ = ["quiz", "journal", "sorter", "load_activities", "ActivityError"]
