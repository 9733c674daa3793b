"""Slides for each seminar pack's input, made from the built pack page and ``data/`` (reveal.js, offline).

``python -m swleadership.slides [SITE]`` writes ``SITE/slides/<pack>.html``. Each deck has a title slide, one slide
per point of the pack's *Input* section (its text as the book renders it, citations included), the part's key
figures read from ``data/`` through :func:`swleadership.facts.fact` (never typed in), the debate's motion and
timings, and the closing reflection. Every slide has speaker notes (press S). reveal.js is vendored in
``book/assets/vendor/reveal/`` (npm ``reveal.js``, sources and lock file in ``book/src/slides/``), so the slides make
no request to another host. Arrow keys move between slides.
"""

from __future__ import annotations

import html as _html
import sys
from pathlib import Path

from swleadership.facts import fact
from swleadership.seminars import PACKS, Pack

REPO_ROOT = Path(__file__).resolve().parents[1]

# The part's key figures: names in swleadership.facts.FACTS.
KEY_FIGURES = {
    "opening": ["sw_working_life", "nurse_working_life_2010", "doctor_working_life"],
    "context": ["la_funding_cut_real_terms", "sw_working_life", "share_female_social_workers", "share_female_dcs_2024"],
    "health": ["share_female_nhs_trust_ceo_2017", "share_female_medical_directors_2017"],
}

CSS = """
.reveal { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 34px; color: #111; }
.reveal-viewport { background: #fff; }
.reveal h1, .reveal h2 { font-family: inherit; color: #111; text-transform: none; line-height: 1.2; }
.reveal h1 { font-size: 1.7em; } .reveal h2 { font-size: 1.25em; }
.reveal p, .reveal li { line-height: 1.35; text-align: left; }
.reveal .src { font-size: 24px; color: #333; }
.reveal .figs { display: grid; grid-template-columns: 1fr 1fr; gap: 20px; text-align: left; }
.reveal .fig strong { display: block; font-size: 1.5em; }
.reveal .fig span { font-size: 24px; display: block; }
.reveal a { color: #0645ad; }
.reveal .controls, .reveal .progress { color: #0645ad; }
"""


def _soup(site: Path, pack: Pack):
    from bs4 import BeautifulSoup

    path = site / "book" / "seminars" / f"{pack.slug}.html"
    if not path.is_file():
        raise FileNotFoundError(f"{path}: not built. Run `make book` first.")
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _text(node) -> str:
    return _html.escape(" ".join(node.get_text(" ", strip=True).split()).replace(" ,", ",").replace(" .", "."))


def _description(title: str) -> str:
    """The deck's meta description (each page has its own)."""
    return f"Slides for the seminar \u201c{title}\u201d: the input, key figures, the debate and the closing reflection."


def _slide(title: str, body: str, notes: str) -> str:
    return (f"<section><h2>{_html.escape(title)}</h2>{body}"
            f'<aside class="notes">{notes}</aside></section>')


def deck(site: Path, pack: Pack) -> str:
    soup = _soup(site, pack)
    slides = [f'<section><h1>{_html.escape(pack.title)}</h1><p>Seminar input</p>'
              f'<aside class="notes">Open this deck from the pack page "{_html.escape(pack.title)}". Arrow keys move '
              "between slides; press S for these notes in a separate window, F for full screen.</aside></section>"]
    inp = soup.find("section", id="input")
    paras = [p for p in inp.find_all("p", recursive=False) if not p.get_text().startswith("Slides:")]
    points = inp.find_all("li") or paras
    intro = _text(paras[0]) if paras and points is not paras else ""
    for n, li in enumerate(points, 1):
        lead = li.find("strong")
        title = lead.get_text(strip=True).rstrip(":") if lead else f"Input {n}"
        if lead:
            lead.decompose()
        slides.append(_slide(title, f"<p>{_text(li)}</p>",
                             f"{intro} Point {n} of {len(points)}. The pack's pre-reading covers this; ask the room "
                             "what they remember before you show the slide."))
    names = KEY_FIGURES.get(pack.slug, [])
    if names:
        figs = []
        notes = []
        for name in names:
            f = fact(name)
            figs.append(f'<div class="fig"><strong>{_html.escape(f.text)}</strong>'
                        f"<span>{_html.escape(f.label)}</span></div>")
            notes.append(f"{_html.escape(f.label)}: {_html.escape(f.text)} ({_html.escape(f.source_title)}).")
        slides.append(_slide("Key figures", f'<div class="figs">{"".join(figs)}</div>'
                             '<p class="src">Read from the book\'s data; sources in the notes and on the Data and '
                             "sources page.</p>", " ".join(notes)))
    debate = soup.find("section", id="debate")
    if debate:
        paras = {p.find("strong").get_text(strip=True).rstrip(".:"): p for p in debate.find_all("p") if p.find("strong")}
        motion = paras.get("Motion") or paras.get("Motions")
        fmt = next((p for k, p in paras.items() if k.startswith("Format")), None)
        sides = paras.get("Sides")
        if motion:
            motion.find("strong").decompose()
            slides.append(_slide("Debate", f"<p>{_text(motion)}</p>",
                                 (_text(sides) if sides else "") + " " + (_text(fmt) if fmt else "")))
        close = paras.get("Closing reflection")
        if close:
            close.find("strong").decompose()
            slides.append(_slide("Closing reflection", f"<p>{_text(close)}</p>",
                                 "Give two minutes of silence for writing, then collect three answers aloud."))
    v = "../_static/vendor/reveal"
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>Slides: {_html.escape(pack.title)}</title>"
            f'<meta name="description" content="{_html.escape(_description(pack.title), quote=True)}">'
            '<link rel="icon" href="../_static/favicon.svg" type="image/svg+xml">'
            f'<link rel="stylesheet" href="{v}/reveal.css"><link rel="stylesheet" href="{v}/theme/serif.css">'
            f"<style>{CSS}</style></head><body><main class=\"reveal\"><div class=\"slides\">{''.join(slides)}</div></main>"
            f'<script src="{v}/reveal.js"></script><script src="{v}/plugin/notes.js"></script>'
            "<script>Reveal.initialize({hash: true, plugins: [RevealNotes], keyboard: true, width: 1280, height: 720,"
            " margin: 0.06});</script></body></html>")


def build(site: Path) -> list[Path]:
    dest = Path(site) / "slides"
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for pack in PACKS.values():
        path = dest / f"{pack.slug}.html"
        path.write_text(deck(Path(site), pack), encoding="utf-8")
        out.append(path)
    return out


def main(argv: list[str]) -> int:
    site = Path(argv[1]) if len(argv) > 1 else REPO_ROOT / "_build" / "html"
    try:
        files = build(site)
    except (FileNotFoundError, ValueError) as exc:
        print(f"slides: {exc}", file=sys.stderr)
        return 1
    print(f"slides: {len(files)} decks in {site / 'slides'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
