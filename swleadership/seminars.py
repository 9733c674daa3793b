"""The seminar packs (``book/seminars/*.md``): which chapters each covers, and what a pack page must hold.

One pack per part of the book, plus a debates session. The tests (``tests/test_seminar_packs.py``) and the
handout builder read the packs through this module, so the list of packs and their parts lives in one place.

Example::

    >>> from swleadership.seminars import PACKS, sections
    >>> PACKS["health"].chapters
    ('40-clinical-leadership', '41-health-frameworks', '42-lessons-from-health')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
PACK_DIR = REPO_ROOT / "book" / "seminars"

# The sections every pack page has, in order (issue 15).
REQUIRED_SECTIONS = ("Learning outcomes", "Pre-reading", "The two-hour plan", "Input", "Debate", "Model answers",
                     "Handouts")
PRE_READING_LIMIT = 60   # minutes of essential pre-reading, at most


@dataclass(frozen=True)
class Pack:
    slug: str
    title: str
    chapters: tuple[str, ...]

    @property
    def path(self) -> Path:
        return PACK_DIR / f"{self.slug}.md"


PACKS = {p.slug: p for p in (
    Pack("opening", "Leadership and social work", ("01-what-is-leadership",)),
    Pack("models", "Models of leadership", (
        "10-transformational", "11-distributed", "12-client-centred", "13-communities-of-practice", "14-adaptive",
        "15-systems", "16-social-change-model", "17-interprofessional", "18-expert", "19-crisis",
        "20-comparing-models", "21-developing-leadership")),
    Pack("context", "The English context", (
        "30-professional-reforms", "31-innovation-improvement", "32-political-context", "33-recruitment-retention",
        "34-budgets-demand", "35-status-values-gender", "36-explore-workforce-data")),
    Pack("health", "Learning from health", (
        "40-clinical-leadership", "41-health-frameworks", "42-lessons-from-health")),
    Pack("discussion", "Discussion", ("50-discussion",)),
    Pack("debates", "Debates", ()),   # runs chapter 50's debates; its activities are the discussion pack's
)}


def sections(text: str) -> dict[str, str]:
    """A pack's ``## `` sections: heading -> body (up to the next ``## ``)."""
    parts = re.split(r"^## +(.+?)\s*$", text, flags=re.MULTILINE)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def plan_rows(text: str) -> list[list[str]]:
    """The rows of the plan's table (time, activity, in the room, without devices), header excluded."""
    body = sections(text).get("The two-hour plan", "")
    rows = [[c.strip() for c in line.strip().strip("|").split("|")]
            for line in body.splitlines() if line.startswith("|")]
    return [r for r in rows[2:]] if len(rows) > 2 else []


def minutes(span: str) -> tuple[int, int] | None:
    """``"10–30 min"`` -> (10, 30)."""
    m = re.match(r"(\d+)\s*[–-]\s*(\d+)\s*min", span)
    return (int(m.group(1)), int(m.group(2))) if m else None
