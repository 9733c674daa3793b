"""Exercises are numbered across the whole book by sphinx-exercise, so prose never hard-codes a number.

"Exercise 1" in chapter 20 is exercise 36 in the book. Refer to an exercise by its label instead:
``{ref}`ex-20-comparing-models-1` `` (Sphinx writes the book's number), and every such label must exist.
"""

from __future__ import annotations

import re

from tests._sources import student_text_sources

NUMBERED = re.compile(r"\b[Ee]xercises?\s+\d+\b")
REF = re.compile(r"\{(?:ref|numref)\}`(?:[^`<]*<)?(ex-[\w-]+)>?`")
LABEL = re.compile(r"^:label:\s*(ex-[\w-]+)\s*$", re.M)


def _prose(text: str) -> str:
    """Text outside code fences and inline code."""
    text = re.sub(r"^```(?!\{).*?^```", " ", text, flags=re.M | re.S)
    return re.sub(r"``?[^`]*``?", lambda m: m.group(0) if m.group(0).startswith("`ex-") else " ", text)


def hard_coded_numbers(sources) -> list[str]:
    return [f"{name}: {m.group(0)!r}" for name, text in sources for m in NUMBERED.finditer(_prose(text))]


def dangling_refs(sources) -> list[str]:
    labels = {lab for _, text in sources for lab in LABEL.findall(text)}
    return [f"{name}: {{ref}}`{ref}` names no exercise" for name, text in sources
            for ref in REF.findall(text) if ref not in labels]


def test_no_hard_coded_exercise_numbers():
    bad = hard_coded_numbers(student_text_sources())
    assert not bad, ("exercise numbers run across the whole book; refer to an exercise by its label, "
                     "e.g. {ref}`ex-20-comparing-models-1`:\n" + "\n".join(bad))


def test_every_exercise_reference_names_an_exercise():
    sources = student_text_sources()
    assert any(LABEL.search(t) for _, t in sources), "no exercise labels found: has the markup changed?"
    assert not dangling_refs(sources), "\n".join(dangling_refs(sources))


def test_the_checks_can_fail():
    sources = [("a", ":::{exercise}\n:label: ex-a-1\n\nText.\n:::\n"),
               ("b", "Exercise 1 asks you to check it; see {ref}`ex-a-1` and {ref}`ex-b-9`.")]
    assert hard_coded_numbers(sources) == ["b: 'Exercise 1'"]
    assert dangling_refs(sources) == ["b: {ref}`ex-b-9` names no exercise"]
