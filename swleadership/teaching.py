"""Teaching components: a self-marking quiz, a reflective journal and sorting activities.

Each chapter keeps its activities in ``notebooks/activities/<chapter-id>.yml`` (schema in CONTRIBUTING.md).

In the static book the components are native HTML (radio buttons, checkboxes, selects, text areas, buttons)
driven by ``book/assets/swl.js``: they work with no kernel and no network, from the keyboard, and give feedback
per answer in a live region. In JupyterLab and Voilà the same HTML carries the script inline (outputs made in a
session are trusted), and the journal's prompts are shown as Markdown to answer in the cell below.

The rules a quiz keeps (checked here for each file, and over the whole book by ``tests/test_quizzes.py``):

- options are shown in a fixed, shuffled order (``option_orders``): the same in every build and live;
- a question with several correct options says "Choose all that apply" and uses checkboxes;
- the component says "Correct." or "Not quite." itself, so feedback never starts with a verdict word;
- a sorter's feedback never starts with a category: the component names the suggested answer.

Example::

    quiz("14-adaptive")        # the chapter's quiz, with a score and "Try again" at the end
    journal("14-adaptive")     # its reflection prompts
    sorter("14-adaptive", "challenges")
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ._env import REPO_ROOT, in_book_build
from ._html import esc as _esc
from ._html import help_link
from ._html import json_script as _json_script

ASSETS = REPO_ROOT / "book" / "assets"

#: Words the components say themselves ("Correct." / "Not quite." / "the suggested answer is ...").
VERDICT = re.compile(r"^\W*(correct|incorrect|not quite|not|no|yes|right|wrong)\b", re.IGNORECASE)

MULTI_HINT = "Choose all that apply."


class ActivityError(ValueError):
    """An activities file is missing or malformed; the message names the file and the entry."""


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


def _verdict(text: str) -> str | None:
    m = VERDICT.match(str(text))
    return m.group(1) if m else None


def _starts_with_label(text: str, label: str) -> bool:
    """True if ``text`` opens with ``label`` used as a heading ("Mixed. ...", "Adaptive: ...")."""
    return re.match(rf"\W*{re.escape(str(label))}\s*([.:;,]|$)", str(text), re.IGNORECASE) is not None


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
            word = _verdict(o["feedback"])
            if word:
                raise ActivityError(
                    f"{where}, option {m}: feedback starts with {word!r}; the quiz already says 'Correct.' or "
                    "'Not quite.', so start the feedback with the reason")
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
            fb = str(it["feedback"]).strip()
            first = next((c for c in cats if _starts_with_label(fb, c)), None) or _verdict(fb)
            if first:
                raise ActivityError(
                    f"{where}, item {m}: feedback starts with {first!r}; the sorter already names the suggested "
                    "answer and says 'Correct.' or 'Not quite.', so start the feedback with the reason")
        if not s.get("items"):
            raise ActivityError(f"{where}: needs items")


def _draw(seed: str, i: int) -> int:
    """A number drawn from SHA-256 of ``seed`` and ``i`` (``hash()`` changes between runs; this never does)."""
    return int.from_bytes(hashlib.sha256(f"{seed}\n{i}".encode()).digest()[:8], "big")


def _shuffle(items: list, seed: str) -> list:
    out = list(items)
    for i in range(len(out) - 1, 0, -1):  # Fisher-Yates
        j = _draw(seed, i) % (i + 1)
        out[i], out[j] = out[j], out[i]
    return out


def option_orders(chapter_id: str, questions: list[dict]) -> list[list[int]]:
    """The order in which each question's options are shown, fixed by the chapter id and the question texts.

    The same in every build, live and in the tests. Each question's options are shuffled with a seed made of
    the chapter id and its text. The positions of the correct answers are spread evenly over the chapter: the
    questions are taken in the order of their seeds (not their order on the page), and each puts its correct
    option(s) on the position(s) the chapter has used least so far (ties broken by a rotation seeded by the
    chapter id). A short chapter thus never piles its answers on one position, and a student cannot read a
    pattern off the page.
    """
    seeds = [f"{chapter_id}\n{str(q['question']).strip()}" for q in questions]
    start = _draw(chapter_id, 0)
    used: dict[int, int] = {}
    orders: list[list[int]] = [[] for _ in questions]
    for rank, k in enumerate(sorted(range(len(questions)), key=lambda k: (_draw(seeds[k], 0), k))):
        opts = questions[k]["options"]
        n = len(opts)
        right = _shuffle([i for i in range(n) if opts[i].get("correct")], seeds[k] + "\nright")
        wrong = _shuffle([i for i in range(n) if not opts[i].get("correct")], seeds[k])
        slots = sorted(range(n), key=lambda p: (used.get(p, 0), (p - start - rank) % n))[:len(right)]
        order = []
        for p in range(n):
            order.append(right.pop(0) if p in slots else wrong.pop(0))
        for p in slots:
            used[p] = used.get(p, 0) + 1
        orders[k] = order
    return orders


def shown_options(chapter_id: str, questions: list[dict]) -> list[list[dict]]:
    """Each question's options in the order the student sees them (``option_orders``)."""
    return [[q["options"][i] for i in order] for q, order in zip(questions, option_orders(chapter_id, questions),
                                                                  strict=True)]


@lru_cache(maxsize=1)
def _runtime() -> str:
    """The component script and style, inlined for JupyterLab and Voilà (the book loads them once per page)."""
    js = (ASSETS / "swl.js").read_text(encoding="utf-8")
    css = (ASSETS / "swl.css").read_text(encoding="utf-8")
    return f"<style>{css}</style><script>{js}</script>"


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
_NUMBERS = ("No", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten")


def _count(n: int, noun: str) -> str:
    """``_count(5, "question")`` -> ``"Five questions"``: each component's one line names what it holds, so the
    line differs from page to page (``make prose`` counts a sentence on two pages as boilerplate)."""
    number = _NUMBERS[n] if n < len(_NUMBERS) else str(n)
    return f"{number} {noun}{'' if n == 1 else 's'}"


def quiz_html(chapter_id: str, questions: list[dict], title: str | None = None) -> str:
    """The quiz's HTML: options in ``option_order``; checkboxes where several options are correct."""
    blocks = []
    total = len(questions)
    for n, (q, shown) in enumerate(zip(questions, shown_options(chapter_id, questions), strict=True), 1):
        qid = f"swl-quiz-{chapter_id}-{n}"
        multi = sum(bool(o.get("correct")) for o in shown) > 1
        kind = "checkbox" if multi else "radio"
        opts = []
        for m, o in enumerate(shown):
            oid = f"{qid}-{m}"
            opts.append(
                f'<div class="swl-opt"><input type="{kind}" name="{qid}" id="{oid}" value="{m}" {SUP}>'
                f'<label for="{oid}">{_esc(o["text"])}</label><div class="swl-optfb"></div></div>'
            )
        data = {
            "multi": multi,
            "correct": [m for m, o in enumerate(shown) if o.get("correct")],
            "feedback": [str(o["feedback"]).strip() for o in shown],
        }
        hint = f' <span class="swl-multi">{MULTI_HINT}</span>' if multi else ""
        flag = ' data-multi="1"' if multi else ""
        blocks.append(
            f'<div class="swl-question" data-swl="question"{flag}>'
            f'<fieldset><legend><span class="swl-qnum">Question {n} of {total}.</span> {_esc(q["question"])}{hint}</legend>'
            f"{''.join(opts)}</fieldset>"
            f'<button type="button" class="swl-check">Check answer {n}</button>'
            f'<div class="swl-feedback" role="status" aria-live="polite"></div>'
            f'{_json_script(data, "swl-data")}</div>'
        )
    return (
        f'<section class="swl-quiz" data-swl="quiz" data-chapter="{_esc(chapter_id)}" '
        f'data-title="{_esc(title or chapter_id)}" aria-label="Self-check quiz">'
        f'<p class="swl-note">{_count(total, "question")} on \u201c{_esc(title or chapter_id)}\u201d: choose an answer, '
        f'then check it ({help_link("quizzes", "how the quizzes work")}).</p>'
        f"{''.join(blocks)}"
        '<div class="swl-quiz-end"><div class="swl-buttons">'
        '<button type="button" class="swl-score-btn">Show my score</button> '
        '<button type="button" class="swl-retry">Try again</button></div>'
        '<p class="swl-score" role="status" aria-live="polite"></p></div></section>'
    )


def quiz(chapter_id: str) -> _Component:
    """The chapter's self-marking quiz (questions from its activities file), with a score and "Try again"."""
    data = load_activities(chapter_id)
    questions = data.get("quiz") or []
    if not questions:
        raise ActivityError(f"{chapter_id}.yml: has no quiz questions")
    return _Component(quiz_html(chapter_id, questions, data.get("title")))


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
        f'<p class="swl-note">Your answers to these {_count(len(prompts), "prompt").lower()} on \u201c{_esc(title)}\u201d '
        f'stay in this browser ({help_link("journal", "where they are kept")}).</p>'
        '<div class="swl-buttons"><button type="button" class="swl-export">Export all my reflections (Markdown)</button> '
        '<button type="button" class="swl-clear" aria-expanded="false">Clear this chapter\'s answers</button></div>'
        '<div class="swl-confirm" role="group" aria-label="Confirm clearing" hidden>'
        f"<p>Delete your answers on \u201c{_esc(title)}\u201d from this browser? This cannot be undone.</p>"
        '<div class="swl-buttons"><button type="button" class="swl-confirm-yes">Yes, delete them</button> '
        '<button type="button" class="swl-confirm-no">No, keep them</button></div></div>'
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
        data.append({"answers": [str(a) for a in answers], "feedback": str(it["feedback"]).strip()})
        items.append(
            f'<li class="swl-sort-item"><label for="{iid}">{_esc(it["text"])}</label>'
            f'<select id="{iid}" {SUP}>{opts}</select><div class="swl-feedback" aria-live="polite"></div></li>'
        )
    instructions = spec.get("instructions") or "Sort each item, then check your answers."
    return (
        f'<section class="swl-sorter" data-swl="sorter" aria-label="{_esc(spec.get("title") or "Sorting activity")}">'
        f'<p class="swl-note">{_esc(instructions)} {help_link("sorting-activities", "How sorting works")}</p>'
        f'<ol class="swl-sort-list">{"".join(items)}</ol>'
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


__all__ = ["quiz", "journal", "sorter", "load_activities", "check_activities", "option_orders", "shown_options",
           "quiz_stats",
           "ActivityError"]


def quiz_stats(folder: Path | None = None) -> dict:
    """Figures over every quiz in the book, as the student sees it (after ``option_order``).

    ``positions``: how many correct answers sit at each shown position (0 = first); ``longest``: questions
    whose longest option (by characters, a unique longest) is a correct one; ``multi``: questions with
    several correct options; ``verdict_prefix``: feedback (quiz and sorter) starting with a verdict word or,
    for sorters, with a category. Run ``python -m swleadership.teaching`` to print them.
    """
    import yaml

    folder = folder or REPO_ROOT / "notebooks" / "activities"
    out = {"questions": 0, "positions": {}, "longest": 0, "multi": 0, "verdict_prefix": 0}
    for path in sorted(folder.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        questions = data.get("quiz") or []
        for shown in shown_options(path.stem, questions):
            out["questions"] += 1
            correct = [m for m, o in enumerate(shown) if o.get("correct")]
            for m in correct:
                out["positions"][m] = out["positions"].get(m, 0) + 1
            lengths = [len(str(o["text"])) for o in shown]
            top = max(lengths)
            if lengths.count(top) == 1 and lengths.index(top) in correct:
                out["longest"] += 1
            out["multi"] += len(correct) > 1
            out["verdict_prefix"] += sum(bool(_verdict(o.get("feedback", ""))) for o in shown)
        for s in (data.get("sorters") or {}).values():
            for it in s.get("items") or []:
                fb = str(it.get("feedback", "")).strip().lower()
                out["verdict_prefix"] += bool(_verdict(fb) or any(_starts_with_label(fb, c)
                                                                  for c in s.get("categories") or []))
    return out


if __name__ == "__main__":  # pragma: no cover - a report for people
    st = quiz_stats()
    total = sum(st["positions"].values())
    spread = ", ".join(f"{k + 1}: {v} ({v / total:.0%})" for k, v in sorted(st["positions"].items()))
    print(f"{st['questions']} questions, {total} correct answers by shown position: {spread}")
    print(f"correct answer is the longest option: {st['longest']} ({st['longest'] / st['questions']:.0%})")
    print(f"questions with several correct answers: {st['multi']}")
    print(f"feedback starting with a verdict word or sorter category: {st['verdict_prefix']}")
