"""Printable A4 handouts for the seminar packs, made from the built book (``make handouts``, run by ``make book``).

Each handout is a small HTML page made from a built page of the book (so it says what the book says, with the same
citations), printed to PDF by Chromium through playwright, in one browser session. A handout is printed again only
when its HTML changed (the PDFs are cached by content in ``_build/.handouts``, which a clean build removes).

``python -m swleadership.handouts [SITE]`` writes ``SITE/handouts/*.pdf``; ``handouts(pack)`` lists a pack's files.

Example::

    >>> [h.name for h in handouts(PACKS["health"])][:2]
    ['health-plan.pdf', 'health-debate-cards.pdf']
"""

from __future__ import annotations

import hashlib
import html as _html
import os
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from swleadership.seminars import PACKS, Pack

REPO_ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("SWL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Self-assessments on paper: (chapter, assessment id) -> file stem.
ASSESSMENTS = {"context": [("31-innovation-improvement", "31-seven-enablers",
                            "Seven enablers of improvement: team self-assessment")],
               "health": [("41-health-frameworks", "leadership-41", "My leadership in social work")]}
# Carousel posters: pack -> (chapter, section id whose h3 subsections become one poster each).
POSTERS = {"health": ("42-lessons-from-health", "what-should-social-work-take-from-this"),
           "discussion": ("50-discussion", "four-debates")}


@dataclass(frozen=True)
class Handout:
    name: str          # file name in handouts/
    title: str         # printed on the first page (and checked in the PDF)
    pages: int | None  # expected page count (None: at least one)
    landscape: bool = False


def handouts(pack: Pack) -> list[Handout]:
    out = [Handout(f"{pack.slug}-plan.pdf", f"Seminar plan: {pack.title}", None, landscape=True),
           Handout(f"{pack.slug}-debate-cards.pdf", f"Debate and evidence cards: {pack.title}", None)]
    if pack.slug in POSTERS:
        out.append(Handout(f"{pack.slug}-carousel-posters.pdf", f"Carousel posters: {pack.title}", 4, landscape=True))
    for _, aid, name in ASSESSMENTS.get(pack.slug, []):
        out.append(Handout(f"{aid}-self-assessment.pdf", f"On paper: {name}", 1))
    if pack.chapters:
        out.append(Handout(f"{pack.slug}-explorer-tables.pdf", f"Explorers on paper: {pack.title}", None))
    if _sorters(pack):
        out.append(Handout(f"{pack.slug}-sorter-cards.pdf", f"Sorting cards: {pack.title}", None))
    if pack.chapters:
        out.append(Handout(f"{pack.slug}-chapter-summaries.pdf", f"Chapter summaries: {pack.title}",
                           len(pack.chapters)))
    return out


def _sorters(pack: Pack) -> list[tuple[str, dict]]:
    """The part's sorting activities, from the same YAML as the web sorters: (chapter, spec)."""
    from swleadership.teaching import load_activities

    return [(cid, spec) for cid in pack.chapters for spec in (load_activities(cid).get("sorters") or {}).values()]


# ------------------------------------------------------------------------------------------------- HTML
CSS = """
@page { size: A4 %(orient)s; margin: 14mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.35; color: #000; margin: 0; }
h1 { font-size: 18pt; margin: 0 0 4mm; }
h2 { font-size: 14pt; margin: 4mm 0 2mm; }
.src { font-size: 9pt; color: #333; margin-top: 3mm; }
table { border-collapse: collapse; width: 100%%; }
th, td { border: 1px solid #444; padding: 2mm; vertical-align: top; text-align: left; }
th { background: #e6e6e6; }
caption { font-weight: bold; text-align: left; margin-bottom: 2mm; }
tr { break-inside: avoid; }
.page { break-after: page; }
.page:last-child { break-after: auto; }
.cards { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; }
.card { border: 1.5px dashed #000; padding: 4mm; min-height: 40mm; break-inside: avoid; font-size: 12pt; }
.card li { list-style: none; margin: 0; }
.poster h1 { font-size: 28pt; margin-top: 4mm; }
.poster p { font-size: 16pt; line-height: 1.35; }
.poster p.src { font-size: 10pt; }
.poster .space { border: 2px solid #000; height: 35mm; margin-top: 3mm; }
.box { display: inline-block; width: 6mm; height: 6mm; border: 1.5px solid #000; margin-right: 1mm; text-align: center;
       font-size: 8pt; line-height: 6mm; }
td.rate { white-space: nowrap; width: 1%%; }
.sa { font-size: 9.5pt; } .sa h1 { font-size: 15pt; }
.sa td, .sa th { padding: 1.2mm; }
.plan { font-size: 9.5pt; }
.lines { border-bottom: 1px solid #000; height: 8mm; }
.summary { font-size: 10.5pt; }
.summary li { margin-bottom: 2mm; }
"""


def _page(title: str, body: str, landscape: bool = False) -> str:
    css = CSS % {"orient": "landscape" if landscape else "portrait"}
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{_html.escape(title)}</title>'
            f"<style>{css}</style></head><body>{body}</body></html>")


def _soup(path: Path):
    from bs4 import BeautifulSoup

    if not path.is_file():
        raise FileNotFoundError(f"{path}: not built. Run `make book` first (it builds the handouts too).")
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _clean(node) -> str:
    """A fragment of a built page as plain printable HTML: no links, anchors, buttons or scripts."""
    from bs4 import BeautifulSoup

    node = BeautifulSoup(str(node), "html.parser")
    for bad in node.select("a.headerlink, script, style, button, .swl-buttons, details summary"):
        bad.decompose()
    for a in node.find_all("a"):
        a.unwrap()
    for tag in node.find_all(True):
        tag.attrs = {k: v for k, v in tag.attrs.items() if k in ("colspan", "rowspan")}
    return str(node)


def _section(soup, sid: str):
    sec = soup.find("section", id=sid)
    if sec is None:
        raise ValueError(f"section #{sid} not found in the built page")
    return sec


def _pack_soup(site: Path, pack: Pack):
    return _soup(site / "book" / "seminars" / f"{pack.slug}.html")


def plan_html(site: Path, pack: Pack, h: Handout) -> str:
    soup = _pack_soup(site, pack)
    plan = _section(soup, "the-two-hour-plan")
    outcomes = _section(soup, "learning-outcomes")
    for hd in (plan.find("h2"), outcomes.find("h2")):
        hd.decompose()
    body = (f'<div class="plan"><h1>{h.title}</h1>{_clean(plan)}<h2>Learning outcomes</h2>{_clean(outcomes)}'
            f'<p class="src">From the book\'s seminar pack "{pack.title}".</p></div>')
    return _page(h.title, body, landscape=True)


def debate_html(site: Path, pack: Pack, h: Handout) -> str:
    sec = _section(_pack_soup(site, pack), "debate")
    sec.find("h2").decompose()
    cards = []
    for ol in sec.find_all("ol"):
        cards += [f'<div class="card">{_clean(li)}</div>' for li in ol.find_all("li", recursive=False)]
        ol.decompose()
    head = _clean(sec)
    body = (f'<div class="page"><h1>{h.title}</h1>{head}</div>'
            f'<div class="page"><h2>Evidence cards: cut along the dashed lines</h2>'
            f'<div class="cards">{"".join(cards)}</div></div>')
    return _page(h.title, body)


def posters_html(site: Path, pack: Pack, h: Handout) -> str:
    cid, sid = POSTERS[pack.slug]
    sec = _section(_soup(site / "notebooks" / f"{cid}.html"), sid)
    pages = []
    for sub in sec.find_all("section", recursive=False)[:4]:
        title = sub.find("h3").get_text(" ", strip=True).rstrip("#").strip()
        ask = next((p for p in sub.find_all("p") if p.get_text().startswith(("For discussion", "The question"))),
                   sub.find("p"))
        pages.append(f'<div class="page poster"><p class="src">{h.title}</p><h1>{_html.escape(title)}</h1>'
                     f'{_clean(ask)}<div class="space"></div></div>')
    if len(pages) != 4:
        raise ValueError(f"{cid}: expected four subsections under #{sid} for the posters, found {len(pages)}")
    return _page(h.title, "".join(pages), landscape=True)


def assessment_html(site: Path, cid: str, aid: str, h: Handout) -> str:
    soup = _soup(site / "notebooks" / f"{cid}.html")
    sec = soup.find(attrs={"data-swl": "assessment", "data-id": aid})
    if sec is None:
        raise ValueError(f"{cid}: self-assessment {aid!r} not found in the built page")
    if sec.get("aria-label") != h.title.removeprefix("On paper: "):
        raise ValueError(f"{cid}: self-assessment {aid!r} is now called {sec.get('aria-label')!r}: update "
                         "ASSESSMENTS in swleadership/handouts.py")
    rows = []
    boxes = "".join(f'<span class="box">{n}</span>' for n in range(1, 6))
    for th in sec.select("tbody tr th"):
        desc = th.find(class_="swl-desc")
        d = desc.get_text(" ", strip=True) if desc else ""
        if desc:
            desc.decompose()
        rows.append(f"<tr><td><strong>{_html.escape(th.get_text(' ', strip=True))}</strong><br>{_html.escape(d)}</td>"
                    f'<td class="rate">{boxes}</td><td class="rate">{boxes}</td></tr>')
    heads = [c.get_text(" ", strip=True) for c in sec.select("thead th")]
    body = (f'<div class="sa"><h1>{_html.escape(h.title)}</h1><p>Rate each item from 1 (low) to 5 (high): circle or tick one '
            f"box in each column. Keep this sheet; nobody needs to see your ratings.</p>"
            f"<table><tr><th>{heads[0]}</th><th>{heads[1]}</th><th>{heads[2]}</th></tr>{''.join(rows)}</table>"
            f"<h2>The gap I most want to close, and my first step</h2>"
            + '<div class="lines"></div>' * 2
            + f'<p class="src">From the book\'s chapter {cid[:2]}.</p></div>')
    return _page(h.title, body)


def sorter_html(site: Path, pack: Pack, h: Handout) -> str:
    e = _html.escape
    pages = []
    for cid, spec in _sorters(pack):
        cats = " · ".join(e(str(c)) for c in spec["categories"])
        cards = "".join(f'<div class="card"><strong>{n}.</strong> {e(str(it["text"]))}</div>'
                        for n, it in enumerate(spec["items"], 1))
        def answer(it):
            a = it["answer"]
            return " or ".join(map(str, a if isinstance(a, list) else [a]))

        key = "".join(f'<li><strong>{e(answer(it))}</strong>: {e(str(it["feedback"]).strip())}</li>'
                      for it in spec["items"])
        pages.append(f'<div class="page"><p class="src">{h.title}</p><h1>{e(str(spec["title"]))}</h1>'
                     f'<p>{e(str(spec.get("instructions", "")))}</p><p><strong>Sort each card under:</strong> {cats}</p>'
                     f'<div class="cards">{cards}</div></div>'
                     f'<div class="page"><h2>{e(str(spec["title"]))}: suggested answers (for the lecturer)</h2>'
                     f'<ol>{key}</ol><p class="src">From the book\'s chapter {cid[:2]}.</p></div>')
    return _page(h.title, "".join(pages))


def explorer_tables_html(site: Path, pack: Pack, h: Handout) -> str:
    """Every explorer of the part with its table view (the explorers' own text alternative), for a room without
    devices. Explorers that a later chapter gathers again (chapter 36) are printed once."""
    seen, parts = set(), []
    for cid in pack.chapters:
        soup = _soup(site / "notebooks" / f"{cid}.html")
        chapter = soup.find("h1").get_text(" ", strip=True).rstrip("#").strip()
        for ex in soup.select('[data-swl="explorer"]'):
            if ex.get("id") in seen:
                continue
            seen.add(ex.get("id"))
            tables = ex.find_all("table")
            body = "".join(_clean(t) for t in tables) or (
                "<p>This explorer has no table view: project it, or work its model by hand as the chapter shows.</p>")
            controls = ex.find(class_="swl-controls")
            name = (controls.get("aria-label", "") if controls else "").removeprefix("Controls: ") or (
                f'Explorer {str(ex.get("id", "")).removeprefix("swl-")}')
            parts.append(f'<div class="page"><p class="src">{h.title}</p><h1>{_html.escape(chapter)}</h1>'
                         f'<h2>{_html.escape(name)}</h2>{body}</div>')
    if not parts:
        parts.append(f'<div class="page"><h1>{h.title}</h1><p>This part has no explorers.</p></div>')
    return _page(h.title, "".join(parts))


def summaries_html(site: Path, pack: Pack, h: Handout) -> str:
    pages = []
    for cid in pack.chapters:
        soup = _soup(site / "notebooks" / f"{cid}.html")
        name = soup.find("h1").get_text(" ", strip=True).rstrip("#").strip()
        sec = _section(soup, "summary")
        sec.find("h2").decompose()
        pages.append(f'<div class="page summary"><p class="src">{h.title}</p><h1>{_html.escape(name)}</h1>'
                     f'<h2>Summary</h2>{_clean(sec)}</div>')
    return _page(h.title, "".join(pages))


def pages_for(site: Path) -> dict[str, tuple[Handout, str]]:
    """Every handout's file name -> (handout, its HTML)."""
    out = {}
    for pack in PACKS.values():
        for h in handouts(pack):
            if h.name.endswith("-plan.pdf"):
                html = plan_html(site, pack, h)
            elif h.name.endswith("-debate-cards.pdf"):
                html = debate_html(site, pack, h)
            elif h.name.endswith("-carousel-posters.pdf"):
                html = posters_html(site, pack, h)
            elif h.name.endswith("-explorer-tables.pdf"):
                html = explorer_tables_html(site, pack, h)
            elif h.name.endswith("-sorter-cards.pdf"):
                html = sorter_html(site, pack, h)
            elif h.name.endswith("-self-assessment.pdf"):
                cid, aid = next((c, a) for c, a, _ in ASSESSMENTS[pack.slug] if h.name.startswith(a))
                html = assessment_html(site, cid, aid, h)
            else:
                html = summaries_html(site, pack, h)
            out[h.name] = (h, html)
    return out


# ------------------------------------------------------------------------------------------------- PDF
def build(site: Path) -> list[Path]:
    """Write ``site/handouts/*.pdf``, printing only the handouts whose HTML changed since the last print."""
    site = Path(site)
    dest = site / "handouts"
    cache = site.parent / ".handouts"
    dest.mkdir(parents=True, exist_ok=True)
    cache.mkdir(parents=True, exist_ok=True)
    todo, written = [], []
    for name, (h, html) in pages_for(site).items():
        key = hashlib.sha256(html.encode()).hexdigest()[:16]
        cached = cache / f"{key}-{name}"
        if not cached.is_file():
            todo.append((h, html, cached))
        written.append((cached, dest / name))
    if todo:
        from playwright.sync_api import sync_playwright

        if not Path(CHROMIUM).is_file():
            raise FileNotFoundError(f"{CHROMIUM}: Chromium is missing; install it with `apt-get install chromium`.")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.route(re.compile(r"^(?!about:|data:).*"), lambda route: route.abort())   # nothing from the network
            for h, html, cached in todo:
                page.set_content(html, wait_until="load")
                page.pdf(path=str(cached), format="A4", landscape=h.landscape, print_background=True,
                         prefer_css_page_size=True)
            browser.close()
    for cached, target in written:
        shutil.copyfile(cached, target)
    return [t for _, t in written]


def main(argv: list[str]) -> int:
    site = Path(argv[1]) if len(argv) > 1 else REPO_ROOT / "_build" / "html"
    try:
        files = build(site)
    except (FileNotFoundError, ValueError) as exc:
        print(f"handouts: {exc}", file=sys.stderr)
        return 1
    print(f"handouts: {len(files)} PDFs in {site / 'handouts'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
