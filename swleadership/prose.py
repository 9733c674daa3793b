"""``make prose``: how each chapter reads, measured on the built pages (what a student actually sees).

For every chapter page in the built book it prints:

- words to read: the page's running text, with the names and readouts of its controls (quiz questions and
  options, labels, the sentence an explorer writes under its figure), and estimated reading minutes (at ``WPM``
  words a minute, a careful study pace);
- words in boxes: text a student opens on demand (a closed ``<details>`` or a dropdown box: solutions, data
  tables, worked maths, notes for seminar leaders), counted apart because nobody has to read it to follow the page;
- the median sentence length, in words, over the page's paragraphs and list items (boxes included);
- the longest paragraph, in words;
- the share of sentences that name "the paper";
- repeated boilerplate: how many sentences of the page's running text (``MIN_BOILERPLATE_WORDS`` words or more)
  also appear in the running text of another page of the book.

What counts as a boilerplate sentence. Sentences in paragraphs, list items, figure captions and quotations of
the running text. Not counted, and listed apart in the report:

- headings, a box's title, table cells and table captions (titles and data, not sentences);
- the names and readouts of controls (``label``, ``legend``, a box's ``summary`` or dropdown title, buttons,
  ``aria-live``/``role=status`` regions): WCAG 2.1 (3.2.4, Consistent Identification) asks that the same control
  is named the same way on every page, so "Data table for this figure" is a name, not prose;
- text in closed boxes (on demand; repeats there are reported as "in boxes").

Goals, printed beside: no chapter over 6,000 words to read; median sentence ≤ 22 words; no boilerplate sentence
on more than one page; "the paper" in at most 1 sentence in 15. ``missed_goals`` returns what a built site misses
(the test ``tests/test_prose_report.py`` gates the built book on it).

Example::

    $ make book && make prose
    $ .venv/bin/python -m swleadership.prose path/to/_build/html     # any built copy of the book
"""

from __future__ import annotations

import re
import statistics
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from ._env import REPO_ROOT

WPM = 200
MAX_WORDS = 6000
MAX_MEDIAN_SENTENCE = 22
MAX_PAPER_SHARE = 1 / 15
MIN_BOILERPLATE_WORDS = 5

SKIP = {"script", "style", "svg", "noscript", "template", "button", "select", "option", "textarea", "pre", "code",
        "math"}
BLOCKS = {"p", "li", "dd", "dt", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "blockquote",
          "caption", "label", "legend", "summary", "div", "section", "aside", "details"}
PROSE = {"p", "li", "dd", "figcaption", "blockquote"}     # where sentences are counted for length
NOT_SENTENCES = {"h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "caption"}   # headings, tables
VOID = {"br", "img", "input", "hr", "meta", "link", "source", "wbr", "col"}
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.,%-]*")
SENTENCE = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[A-Z“\"‘(])")
PAPER = re.compile(r"\bthe (?:working )?paper\b", re.I)

# Where a block of text sits: the running text, a control's name or readout, or a closed box (in that order of
# precedence: a label inside a closed box is in the box).
TEXT, CONTROL, BOX = 0, 1, 2
CONTROL_TAGS = {"label", "legend", "summary"}


class _Article(HTMLParser):
    """Text blocks of the page's ``<article>``, as (tag, text, where) triples, skipping code and controls' options."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0          # inside <article>
        self.skip = 0
        # (kind, text parts, where this element is, where its children are)
        self.stack: list[tuple[str, list[str], int, int]] = []
        self.blocks: list[tuple[str, str, int]] = []

    def _where(self, tag: str, a: dict) -> tuple[int, int]:
        parent = self.stack[-1][3] if self.stack else TEXT
        parent_own = self.stack[-1][2] if self.stack else TEXT
        cls = (a.get("class") or "").split()
        here = parent
        if tag == "summary" or ("admonition-title" in cls and self.stack and self.stack[-1][0] == "#dropdown"):
            here = max(parent_own, CONTROL)           # the visible name of a closed box
        elif tag in CONTROL_TAGS or "aria-live" in a or a.get("role") in ("status", "alert"):
            here = max(parent, CONTROL)
        elif "hidden" in a:
            here = BOX
        children = here
        if (tag == "details" and "open" not in a) or ("dropdown" in cls and "admonition" in cls):
            children = BOX
        return here, children

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        a = dict(attrs)
        cls = a.get("class") or ""
        if tag == "article" and "bd-article" in cls:
            self.depth = 1
            return
        if not self.depth:
            return
        self.depth += 1
        hidden = "headerlink" in cls or "highlight" in cls or a.get("aria-hidden") == "true"
        if self.skip or tag in SKIP or hidden:
            self.skip += 1
            self.stack.append(("#skip", [], TEXT, TEXT))
            return
        here, children = self._where(tag, a)
        if tag in BLOCKS:
            self._flush()
            kind = "#dropdown" if ("dropdown" in cls.split() and "admonition" in cls.split()) else tag
            if "admonition-title" in cls.split() and here == TEXT:
                kind = "#title"             # a box's title is a heading, not a sentence
            self.stack.append((kind, [], here, children))
        else:
            self.stack.append(("#inline", [], here, children))

    def handle_endtag(self, tag):
        if tag in VOID or not self.depth:
            return
        self.depth -= 1
        if not self.stack:
            return
        kind = self.stack[-1][0]
        if kind == "#skip":
            self.stack.pop()
            self.skip -= 1
            return
        if kind != "#inline":
            self._flush()
        self.stack.pop()

    def _block(self):
        return next((b for b in reversed(self.stack) if b[0] not in ("#inline", "#skip")), None)

    def handle_data(self, data):
        if self.depth and not self.skip:
            block = self._block()
            if block is not None:
                block[1].append(data)

    def _flush(self):
        block = self._block()
        if block is not None and block[1]:
            text = re.sub(r"\s+", " ", "".join(block[1])).strip()
            if text:
                tag = {"#dropdown": "div", "#title": "h6"}.get(block[0], block[0])
                if any(b[0] in ("td", "th", "caption") for b in self.stack[:self.stack.index(block)]):
                    tag = "td"      # a paragraph inside a table cell is the cell's content
                # text directly inside a block is where the block's children are (a closed box's own text is in
                # the box); an inline element (a label's span) can only move it further from the running text
                inner = [b[2] for b in self.stack[self.stack.index(block) + 1:] if b[0] == "#inline"]
                where = max([block[3], *inner])
                self.blocks.append((tag, text, where))
            block[1].clear()


def words(text: str) -> int:
    return len(WORD.findall(text))


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE.split(text) if words(s)]


def _key(sentence: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", sentence.lower()).strip()


@dataclass
class PageProse:
    page: str
    words: int = 0              # to read: running text and controls
    box_words: int = 0          # in closed boxes
    sentence_lengths: list[int] = field(default_factory=list)
    longest_paragraph: int = 0
    paper_sentences: int = 0
    sentences: list[str] = field(default_factory=list)          # running text: the boilerplate count
    control_sentences: list[str] = field(default_factory=list)  # names and readouts of controls
    box_sentences: list[str] = field(default_factory=list)      # in closed boxes
    repeated: int = 0

    @property
    def minutes(self) -> float:
        return self.words / WPM

    @property
    def median_sentence(self) -> float:
        return statistics.median(self.sentence_lengths) if self.sentence_lengths else 0.0

    @property
    def paper_share(self) -> float:
        return self.paper_sentences / len(self.sentence_lengths) if self.sentence_lengths else 0.0


def measure_page(path: Path, name: str) -> PageProse:
    parser = _Article()
    parser.feed(path.read_text(encoding="utf-8"))
    parser._flush()
    out = PageProse(name)
    for tag, text, where in parser.blocks:
        if where == BOX:
            out.box_words += words(text)
        else:
            out.words += words(text)
        if tag in PROSE:
            out.longest_paragraph = max(out.longest_paragraph, words(text))
            for s in sentences(text):
                out.sentence_lengths.append(words(s))
                out.paper_sentences += bool(PAPER.search(s))
        if tag not in NOT_SENTENCES:
            long = [s for s in sentences(text) if words(s) >= MIN_BOILERPLATE_WORDS]
            {TEXT: out.sentences, CONTROL: out.control_sentences, BOX: out.box_sentences}[where].extend(long)
    return out


def _repeats(pages: list[PageProse], attr: str) -> dict[str, set[str]]:
    where: dict[str, set[str]] = defaultdict(set)
    shown: dict[str, str] = {}
    for page in pages:
        for s in getattr(page, attr):
            where[_key(s)].add(page.page)
            shown.setdefault(_key(s), s)
    return {shown[k]: v for k, v in where.items() if len(v) > 1}


def measure_site(site: Path) -> tuple[list[PageProse], dict[str, set[str]]]:
    """Every chapter page of the built book, and each repeated running-text sentence with the pages it is on.

    The book's other pages (``book/``) count as "another page" too, but only chapters are reported.
    """
    pages = [measure_page(p, p.stem) for p in sorted((site / "notebooks").glob("*.html"))]
    others = [measure_page(p, f"book/{p.stem}") for p in sorted((site / "book").glob("*.html"))]
    repeated = _repeats(pages + others, "sentences")
    keys = {_key(s) for s in repeated}
    for page in pages:
        page.repeated = len({_key(s) for s in page.sentences} & keys)
    return pages, repeated


def missed_goals(pages: list[PageProse]) -> dict[str, list[str]]:
    """Each chapter that misses a goal -> the goals it misses (``words``, ``sentences``, ``the paper``,
    ``boilerplate``)."""
    out = {}
    for p in pages:
        flags = []
        if p.words > MAX_WORDS:
            flags.append("words")
        if p.median_sentence > MAX_MEDIAN_SENTENCE:
            flags.append("sentences")
        if p.paper_share > MAX_PAPER_SHARE:
            flags.append("the paper")
        if p.repeated:
            flags.append("boilerplate")
        if flags:
            out[p.page] = flags
    return out


def _listing(title: str, repeated: dict[str, set[str]], out, n: int = 10) -> None:
    if repeated:
        print(f"\n{title} ({len(repeated)}; the {min(n, len(repeated))} most widespread):", file=out)
        for s, on in sorted(repeated.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:n]:
            print(f"  {len(on):>3} pages  {s[:110]}", file=out)


def report(site: Path, out=sys.stdout) -> int:
    """Print the table; return the number of goals missed."""
    if not (site / "notebooks").is_dir():
        print(f"No built book in {site}: run 'make book' first (make prose measures the built pages).", file=out)
        return 1
    pages, repeated = measure_site(site)
    misses = missed_goals(pages)
    head = (f"{'chapter':<34}{'words':>7}{'min':>5}{'in boxes':>9}{'median sent.':>13}{'longest para':>13}"
            f"{'the paper':>10}{'repeated':>9}")
    print(f"Prose, measured on {site} ({WPM} words a minute)", file=out)
    print(head, file=out)
    print("-" * len(head), file=out)
    for p in pages:
        flags = misses.get(p.page)
        print(f"{p.page:<34}{p.words:>7}{p.minutes:>5.0f}{p.box_words:>9}{p.median_sentence:>13.0f}"
              f"{p.longest_paragraph:>13}{p.paper_share:>9.0%} {p.repeated:>8}   "
              f"{'MISSES: ' + ', '.join(flags) if flags else 'ok'}", file=out)
    total = sum(p.words for p in pages)
    all_lengths = [n for p in pages for n in p.sentence_lengths]
    share = sum(p.paper_sentences for p in pages) / max(1, len(all_lengths))
    print("-" * len(head), file=out)
    print(f"{'all chapters':<34}{total:>7}{total / WPM:>5.0f}{sum(p.box_words for p in pages):>9}"
          f"{statistics.median(all_lengths):>13.0f}{max(p.longest_paragraph for p in pages):>13}{share:>9.0%} "
          f"{len(repeated):>8}", file=out)
    print(f"\nGoals: no chapter over {MAX_WORDS:,} words to read; median sentence ≤ {MAX_MEDIAN_SENTENCE} words; "
          f"no boilerplate sentence on more than one page; \"the paper\" in at most 1 sentence in 15 "
          f"({MAX_PAPER_SHARE:.0%}).", file=out)
    print(f"Words to read: running text, quiz questions and options, control names and readouts. In boxes: text "
          f"opened on demand (solutions, data tables, worked maths, seminar notes). Boilerplate: a sentence of "
          f"{MIN_BOILERPLATE_WORDS}+ words in the running text (not headings, table cells, control names or "
          f"boxes) on more than one page.", file=out)
    _listing("Running-text sentences on more than one page", repeated, out)
    everything = [measure_page(p, f"book/{p.stem}") for p in sorted((site / "book").glob("*.html"))] + pages
    _listing("Not counted: control names and readouts on more than one page (the same control keeps its name)",
             _repeats(everything, "control_sentences"), out, 5)
    _listing("Not counted: sentences in closed boxes on more than one page", _repeats(everything, "box_sentences"),
             out, 5)
    missed = sum(len(v) for v in misses.values())
    print(f"\nGoals missed: {missed}", file=out)
    return missed


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    site = Path(argv[0]) if argv else REPO_ROOT / "_build" / "html"
    report(site)
    return 0        # a report, not a gate: tests/test_prose_report.py gates the built book


if __name__ == "__main__":
    raise SystemExit(main())
