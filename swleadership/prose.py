"""``make prose``: how each chapter reads, measured on the built pages (what a student actually sees).

For every chapter page in the built book it prints:

- words, and estimated reading minutes (at ``WPM`` words a minute, a careful study pace);
- the median sentence length, in words, over the page's paragraphs and list items;
- the longest paragraph, in words;
- the share of sentences that name "the paper";
- repeated boilerplate: how many of the page's sentences (of ``MIN_BOILERPLATE_WORDS`` words or more) also
  appear on another page of the book.

Goals, printed beside: no chapter over 6,000 words; median sentence ≤ 22 words; no boilerplate sentence on
more than one page; "the paper" in at most 1 sentence in 15.

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
NOT_SENTENCES = {"h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt"}   # headings and table cells
VOID = {"br", "img", "input", "hr", "meta", "link", "source", "wbr", "col"}
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.,%-]*")
SENTENCE = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[A-Z“\"‘(])")
PAPER = re.compile(r"\bthe (?:working )?paper\b", re.I)


class _Article(HTMLParser):
    """Text blocks of the page's ``<article>``, as (tag, text) pairs, skipping code and controls."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0          # inside <article>
        self.skip = 0
        self.stack: list[tuple[str, list[str]]] = []
        self.blocks: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        cls = dict(attrs).get("class") or ""
        if tag == "article" and "bd-article" in cls:
            self.depth = 1
            return
        if not self.depth:
            return
        self.depth += 1
        hidden = "headerlink" in cls or "highlight" in cls or dict(attrs).get("aria-hidden") == "true"
        if self.skip or tag in SKIP or hidden:
            self.skip += 1
            self.stack.append(("#skip", []))
            return
        if tag in BLOCKS:
            self._flush()
            self.stack.append((tag, []))
        else:
            self.stack.append(("#inline", []))

    def handle_endtag(self, tag):
        if tag in VOID or not self.depth:
            return
        self.depth -= 1
        if not self.stack:
            return
        kind, _ = self.stack[-1]
        if kind == "#skip":
            self.stack.pop()
            self.skip -= 1
            return
        if kind in BLOCKS:
            self._flush()
            self.stack.pop()
        else:
            self.stack.pop()

    def handle_data(self, data):
        if self.depth and not self.skip:
            block = next((b for b in reversed(self.stack) if b[0] in BLOCKS), None)
            if block is not None:
                block[1].append(data)

    def _flush(self):
        block = next((b for b in reversed(self.stack) if b[0] in BLOCKS), None)
        if block is not None and block[1]:
            text = re.sub(r"\s+", " ", "".join(block[1])).strip()
            if text:
                self.blocks.append((block[0], text))
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
    words: int = 0
    sentence_lengths: list[int] = field(default_factory=list)
    longest_paragraph: int = 0
    paper_sentences: int = 0
    sentences: list[str] = field(default_factory=list)
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
    for tag, text in parser.blocks:
        out.words += words(text)
        if tag in PROSE:
            out.longest_paragraph = max(out.longest_paragraph, words(text))
            for s in sentences(text):
                out.sentence_lengths.append(words(s))
                out.paper_sentences += bool(PAPER.search(s))
        if tag not in NOT_SENTENCES:
            out.sentences.extend(s for s in sentences(text) if words(s) >= MIN_BOILERPLATE_WORDS)
    return out


def measure_site(site: Path) -> tuple[list[PageProse], dict[str, set[str]]]:
    """Every chapter page of the built book, and each repeated sentence with the pages it is on."""
    pages = [measure_page(p, p.stem) for p in sorted((site / "notebooks").glob("*.html"))]
    others = [measure_page(p, f"book/{p.stem}") for p in sorted((site / "book").glob("*.html"))]
    where: dict[str, set[str]] = defaultdict(set)
    shown: dict[str, str] = {}
    for page in pages + others:
        for s in page.sentences:
            where[_key(s)].add(page.page)
            shown.setdefault(_key(s), s)
    repeated = {shown[k]: v for k, v in where.items() if len(v) > 1}
    for page in pages:
        page.repeated = sum(1 for s in {_key(s) for s in page.sentences} if len(where[s]) > 1)
    return pages, repeated


def report(site: Path, out=sys.stdout) -> int:
    """Print the table; return the number of goals missed."""
    if not (site / "notebooks").is_dir():
        print(f"No built book in {site}: run 'make book' first (make prose measures the built pages).", file=out)
        return 1
    pages, repeated = measure_site(site)
    head = f"{'chapter':<34}{'words':>7}{'min':>5}{'median sent.':>13}{'longest para':>13}{'the paper':>10}{'repeated':>9}"
    print(f"Prose, measured on {site} ({WPM} words a minute)", file=out)
    print(head, file=out)
    print("-" * len(head), file=out)
    missed = 0
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
        missed += len(flags)
        print(f"{p.page:<34}{p.words:>7}{p.minutes:>5.0f}{p.median_sentence:>13.0f}{p.longest_paragraph:>13}"
              f"{p.paper_share:>9.0%} {p.repeated:>8}   {'MISSES: ' + ', '.join(flags) if flags else 'ok'}", file=out)
    total = sum(p.words for p in pages)
    all_lengths = [n for p in pages for n in p.sentence_lengths]
    share = sum(p.paper_sentences for p in pages) / max(1, len(all_lengths))
    print("-" * len(head), file=out)
    print(f"{'all chapters':<34}{total:>7}{total / WPM:>5.0f}{statistics.median(all_lengths):>13.0f}"
          f"{max(p.longest_paragraph for p in pages):>13}{share:>9.0%} {len(repeated):>8}", file=out)
    print(f"\nGoals: no chapter over {MAX_WORDS:,} words; median sentence ≤ {MAX_MEDIAN_SENTENCE} words; "
          f"no boilerplate sentence on more than one page; \"the paper\" in at most 1 sentence in 15 "
          f"({MAX_PAPER_SHARE:.0%}).", file=out)
    if repeated:
        print(f"\nSentences on more than one page ({len(repeated)}; the ten most widespread):", file=out)
        for s, on in sorted(repeated.items(), key=lambda kv: -len(kv[1]))[:10]:
            print(f"  {len(on):>3} pages  {s[:110]}", file=out)
    print(f"\nGoals missed: {missed}", file=out)
    return missed


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    site = Path(argv[0]) if argv else REPO_ROOT / "_build" / "html"
    report(site)
    return 0        # a report, not a gate: the tests are the gates


if __name__ == "__main__":
    raise SystemExit(main())
