"""Slides for each seminar pack's input, made from the built pack page and ``data/`` (reveal.js, offline).

``python -m swleadership.slides [SITE]`` writes ``SITE/slides/<pack>.html``. Each deck has a title slide, one slide
per point of the pack's *Input* section (its text as the book renders it, citations included), the part's key
figures, the debate's motion and timings, and the closing reflection. The key figures are of two kinds:

- charts (``CHARTS``): the chapters' own figures, built by the same code as the book's (``swleadership.figures``,
  ``swleadership.explorers``) in their first state, redrawn for a projector (every text ≥ 24 px at 1280×720)
  with the book's local plotly.js bundle, with the figure's text alternative as the chart's accessible name;
- numbers (``KEY_FIGURES``) read from ``data/`` through :func:`swleadership.facts.fact` (never typed in).

A pack's activity can have a slide too (``ACTIVITY_SLIDES``: the health part's evidence sorter, read from the
chapter's activities file). Every slide has speaker notes (press S). reveal.js is vendored in
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
    "health": ["share_female_nhs_workforce", "share_female_nurses", "share_female_medical_directors_2017",
               "share_female_medical_directors_2020"],
}
# The key-figures slide's heading, where the numbers come from one passage of a chapter.
KEY_FIGURES_TITLE = {"health": "Numbers, status and gender in the NHS (chapter 42)"}

# The part's key charts: (component in swleadership.figures or swleadership.explorers, the Input point it follows).
CHARTS = {
    "opening": [("working_life", 1)],
    "models": [("where_is_leadership", 1)],
    "context": [("reforms_timeline", 1), ("gender_explorer", 3)],
    "health": [("parallel_timeline", 1), ("frameworks_by_career", 2)],
    "discussion": [("leadership_cycle", 1)],
    "debates": [("leadership_cycle", 1)],
}
# Activities shown as a slide: (chapter, sorter name, the Input point it follows).
ACTIVITY_SLIDES = {"health": [("42-lessons-from-health", "lessons", 3)]}

EXPLORER_CHAPTERS = {"gender_explorer": "35-status-values-gender"}


def _room_for_bar_labels(data, layout):
    """Horizontal bars labelled outside: at 24 px the value labels keep the number and drop the year (the speaker
    notes and the chapter give each year), and the value axis widens so they fit inside the chart."""
    top = max(max((v for v in t.get("x") or [] if isinstance(v, int | float)), default=0) for t in data)
    layout.setdefault("xaxis", {}).update(range=[0, top * 1.3], tickvals=[0, 25, 50, 75, 100])
    for t in data:
        if isinstance(t.get("text"), list):
            t["text"] = [str(v).split(" (")[0] for v in t["text"]]
    return "Years differ from bar to bar: chapter 35 gives each one, with its source."


def _cycle_centre_as_caption(data, layout):
    """The cycle's centre label does not fit its circle at 24 px: the circle stays, its words go under the chart."""
    for t in data:
        text = t.get("text")
        if isinstance(text, list) and text and str(text[-1]).startswith("Leadership gets"):
            words = " ".join(str(text[-1]).replace("<br>", " ").split())
            t["text"] = text[:-1] + [""]
            return f"At the centre of the cycle: {words[0].lower()}{words[1:]}."
    return None


#: Per chart, a change for the projector that the book's layout does not need; returns a caption or None.
SLIDE_TWEAKS = {"gender_explorer": _room_for_bar_labels, "leadership_cycle": _cycle_centre_as_caption}

#: How a chart is drawn on a slide (in the slide's own 1280×720 pixels; reveal.js scales the whole slide).
SLIDE_PRESET = {"height": 540, "font": 24, "title": 24, "legend": 24, "min_text": 24, "wrap": 30}
CHART_WIDTH = 1160

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
.reveal .chart { margin: 0 auto; width: 1160px; height: 540px; }
.reveal section[data-chart] .src { margin: 0; text-align: center; }
.reveal .sorter { font-size: 28px; }
.reveal .sorter li { margin-bottom: 0.3em; }
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


def _component(name: str):
    from swleadership import explorers, figures

    if name == "gender_explorer":
        return explorers.gender_explorer(id="slides-gender", parts=("shares",))
    if name in figures.COMPONENTS:
        return getattr(figures, name)()
    return getattr(explorers, name)()


def chart(name: str) -> dict:
    """A chapter's figure in its first state, as the book draws it, redrawn for a projector.

    Returns ``{"title", "data", "layout", "alt", "readout", "chapter"}``; the figure's title moves to the slide's
    heading, and the chart keeps its text alternative (``alt``) and the sentence the book writes under it.
    """
    import json

    from bs4 import BeautifulSoup

    from swleadership.render import _min_font, apply_preset

    soup = BeautifulSoup(_component(name).static_html(), "html.parser")
    script = soup.find("script", class_="swl-plotly")
    if script is None:
        raise ValueError(f"slides: the component {name!r} draws no figure")
    fig = json.loads(script.string)
    data, layout = fig["data"], fig["layout"]
    holder = script.find_parent(class_="swl-plot")
    alt = holder.get("aria-label", "") if holder else ""
    box = script.find_parent(["figure", "div"], class_=["swl-explorer", "swl-figure"])
    readout = box.find(class_="swl-summary") if box else None
    title = layout.get("title", {}).get("text") or name.replace("_", " ")
    apply_preset(data, layout, SLIDE_PRESET)
    layout["title"] = {"text": ""}
    layout["margin"]["t"] = 60 if layout.get("legend", {}).get("orientation") == "h" else 20
    layout.update(width=CHART_WIDTH, height=SLIDE_PRESET["height"], autosize=False)
    for key, axis in list(layout.items()):
        if key.startswith(("xaxis", "yaxis")) and isinstance(axis, dict):
            axis.setdefault("tickfont", {})["size"] = SLIDE_PRESET["font"]
            if isinstance(axis.get("title"), dict):
                axis["title"].setdefault("font", {})["size"] = SLIDE_PRESET["font"]
    _min_font(layout, SLIDE_PRESET["min_text"])
    caption = SLIDE_TWEAKS[name](data, layout) if name in SLIDE_TWEAKS else None
    from swleadership.figures import COMPONENTS

    chapter = COMPONENTS[name][2] if name in COMPONENTS else EXPLORER_CHAPTERS.get(name, "")
    return {"title": " ".join(BeautifulSoup(title, "html.parser").get_text(" ").split()), "data": data,
            "layout": layout, "alt": alt, "readout": readout.get_text(" ", strip=True) if readout else "",
            "chapter": chapter, "caption": caption}


def _chart_slide(name: str, n: int) -> str:
    import json

    c = chart(name)
    payload = json.dumps({"data": c["data"], "layout": c["layout"]}, separators=(",", ":")).replace("</", "<\\/")
    where = f" (chapter {c['chapter'][:2]})" if c["chapter"] else ""
    notes = (f"The book's own figure{where}, in its first state. In words: {_html.escape(c['alt'])} "
             f"{_html.escape(c['readout'])} Ask the room what they notice first; then open the chapter to change "
             "the view.")
    return (f'<section data-chart="{n}"><h2>{_html.escape(c["title"])}</h2>'
            f'<div class="chart" id="swl-chart-{n}" role="img" aria-label="{_html.escape(c["alt"], quote=True)}"></div>'
            f'<script type="application/json" class="swl-chart">{payload}</script>'
            + (f'<p class="src">{_html.escape(c["caption"])}</p>' if c["caption"] else "")
            + f'<aside class="notes">{notes}</aside></section>')


def _sorter_slide(chapter: str, name: str) -> str:
    from swleadership.teaching import load_activities

    spec = load_activities(chapter)["sorters"][name]
    cats = "".join(f"<li>{_html.escape(c)}</li>" for c in spec["categories"])
    items = spec["items"]
    answers = "; ".join(
        f"{n}. {_html.escape(', '.join(it['answer']) if isinstance(it['answer'], list) else str(it['answer']))}"
        for n, it in enumerate(items, 1))
    return _slide(spec.get("title") or "Sorting activity",
                  f'<div class="sorter"><p>Place each finding from the chapter on the lesson it supports:</p>'
                  f"<ol>{cats}</ol><p>{len(items)} findings: the sorting cards, or the sorter in chapter "
                  f"{chapter[:2]}.</p></div>",
                  f"This is the sorter in chapter {chapter[:2]} ({len(items)} findings). Hand out the sorting cards or "
                  f"ask groups to open the chapter. Suggested answers: {answers}. The chapter's feedback explains "
                  "each, and says where a finding supports more than one lesson.")


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
    charts = CHARTS.get(pack.slug, [])
    activities = ACTIVITY_SLIDES.get(pack.slug, [])
    shown = 0
    for n, li in enumerate(points, 1):
        lead = li.find("strong")
        title = lead.get_text(strip=True).rstrip(":") if lead else f"Input {n}"
        if lead:
            lead.decompose()
        slides.append(_slide(title, f"<p>{_text(li)}</p>",
                             f"{intro} Point {n} of {len(points)}. The pack's pre-reading covers this; ask the room "
                             "what they remember before you show the slide."))
        for name, after in charts:
            if after == n or (n == len(points) and after > n):
                shown += 1
                slides.append(_chart_slide(name, shown))
        for chapter, name, after in activities:
            if after == n or (n == len(points) and after > n):
                slides.append(_sorter_slide(chapter, name))
    names = KEY_FIGURES.get(pack.slug, [])
    if names:
        figs = []
        notes = []
        for name in names:
            f = fact(name)
            figs.append(f'<div class="fig"><strong>{_html.escape(f.text)}</strong>'
                        f"<span>{_html.escape(f.label)}</span></div>")
            notes.append(f"{_html.escape(f.label)}: {_html.escape(f.text)} ({_html.escape(f.source_title)}).")
        slides.append(_slide(KEY_FIGURES_TITLE.get(pack.slug, "Key figures"), f'<div class="figs">{"".join(figs)}</div>'
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
            + (f"<script>{DRAW_CHARTS}</script>" if shown else "")
            + "<script>Reveal.initialize({hash: true, plugins: [RevealNotes], keyboard: true, width: 1280, height: 720,"
            " margin: 0.06});</script></body></html>")


# Each chart is drawn when its slide is first shown (a hidden slide has no size to lay text out in), as a static
# picture: a projector needs no hover, and reveal.js scales the slide, which would put plotly's hover in the wrong place.
# plotly.js (the book's local bundle) loads only when a chart slide is first shown, so opening a deck stays light.
DRAW_CHARTS = """
var swlPlotly = null;
function swlLoadPlotly() {
  if (!swlPlotly) swlPlotly = new Promise(function (ok, fail) {
    var js = document.createElement("script");
    js.src = "../_static/vendor/plotly-swl.min.js"; js.onload = ok; js.onerror = fail;
    document.head.appendChild(js);
  });
  return swlPlotly;
}
function swlDrawCharts() {
  var s = Reveal.getCurrentSlide();
  if (!s || s.dataset.drawn || !s.dataset.chart) return;
  s.dataset.drawn = "1";
  var fig = JSON.parse(s.querySelector("script.swl-chart").textContent);
  swlLoadPlotly().then(function () {
    Plotly.newPlot(s.querySelector(".chart"), fig.data, fig.layout, {staticPlot: true, displayModeBar: false});
  });
}
Reveal.on("ready", swlDrawCharts);
Reveal.on("slidechanged", swlDrawCharts);
"""


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
