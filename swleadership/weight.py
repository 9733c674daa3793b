"""What a first visit downloads: the Sphinx hooks that keep each page light (set up by ``sphinxext``).

1. **MathJax only where there is maths** (and sphinx-design's 62 KB only where its components are; no thebe). Sphinx adds MathJax to a page whose toctree merely *includes* a page
   with maths (the intro page). It is dropped from every page whose body has no maths; on a page with maths it
   is fetched when the first formula comes near the screen (1.2 MB that a reader who stops at the overview
   never needs).
2. **Icons without Font Awesome's script.** The theme's ``fontawesome.js`` (1.5 MB) turns a handful of
   ``<i class="fa-solid fa-bars">`` into SVG, and its CSS draws admonition and breadcrumb icons from 275 KB of
   Font Awesome fonts. ``book/_templates/layout.html`` leaves the script out; :func:`write_icon_fonts` cuts the
   theme's own fonts to the glyphs the built pages use (a few KB) and declares them in ``_static/swl-icons.css``,
   so the theme's CSS draws every icon as before.
3. **Precompressed copies** (``.gz`` and ``.br``) beside every text file over 1 KB, for static hosts that
   serve them (see the README's hosting section).

plotly.js is not loaded here: ``swl.js`` fetches the book's partial bundle on pages with a figure (render.py).
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

ICON_CSS = "swl-icons.css"
COMPRESS_SUFFIXES = {".html", ".js", ".css", ".svg", ".json", ".txt", ".xml", ".woff", ".ttf", ".otf"}
COMPRESS_MIN = 1024

# ------------------------------------------------------------------------------------------------ MathJax
_MATHJAX_LOADER = """document.addEventListener("DOMContentLoaded", function () {
  var maths = document.querySelectorAll(".math"), done = false;
  function load() {
    if (done) { return; } done = true;
    var s = document.createElement("script"); s.src = %(src)s; s.async = true; document.head.appendChild(s);
  }
  if (!maths.length) { return; }
  if (!("IntersectionObserver" in window)) { load(); return; }
  var io = new IntersectionObserver(function (es) {
    if (es.some(function (e) { return e.isIntersecting; })) { io.disconnect(); load(); }
  }, { rootMargin: "1200px 0px 1200px 0px" });
  maths.forEach(function (m) { io.observe(m); });
  window.addEventListener("beforeprint", load);
});"""


def has_maths(body: str) -> bool:
    return 'class="math' in body


#: Extensions' assets a page needs only when its body holds the marker (sphinx-design: only chapter 50 has cards).
ONLY_WHERE_USED = {"sphinx-design.min.css": "sd-", "design-tabs.js": "sd-tab"}
#: Assets no page needs: thebe is off (_config.yml launch_buttons), but sphinx-thebe still adds its loader.
NEVER = {"sphinx-thebe.js", "sphinx-thebe.css"}


def _drop_unused(context) -> None:
    body = context.get("body", "")

    def needed(asset) -> bool:
        name = str(getattr(asset, "filename", asset) or "").rsplit("/", 1)[-1]
        return name not in NEVER and (name not in ONLY_WHERE_USED or ONLY_WHERE_USED[name] in body)

    for key in ("script_files", "css_files"):
        if context.get(key):
            context[key] = [a for a in context[key] if needed(a)]


def _page_context(app, pagename, templatename, context, doctree) -> None:
    _drop_unused(context)
    scripts = context.get("script_files")
    mathjax_path = getattr(app.config, "mathjax_path", "") or ""
    if not scripts or not mathjax_path:
        return
    is_mathjax = [str(getattr(s, "filename", s) or "").endswith(mathjax_path) for s in scripts]
    if not any(is_mathjax):
        return
    kept = [s for s, mj in zip(scripts, is_mathjax, strict=True) if not mj]
    if has_maths(context.get("body", "")):
        import json

        from sphinx.builders.html._assets import _JavaScript

        src = context["pathto"]("_static/" + mathjax_path, 1)
        kept.append(_JavaScript(None, body=_MATHJAX_LOADER % {"src": json.dumps(src)}))
    context["script_files"] = kept


# ------------------------------------------------------------------------------------------------ icons
_PACKS = {"fa-solid": "solid", "fas": "solid", "fa-regular": "regular", "far": "regular",
          "fa-brands": "brands", "fab": "brands"}
#: Font Awesome's size/animation classes, which name no icon.
_MODIFIER = re.compile(r"^(\d*x[sl]|sm|lg|\d+x|fw|li|ul|border|inverse|pull-(left|right)|spin.*|pulse|beat.*|fade|"
                       r"bounce|shake|flip.*|rotate.*|stack.*|width-auto)$")
#: Icons the theme's own scripts insert after load (pydata-sphinx-theme.js: the search dialog's close button).
SCRIPT_ICONS = {("solid", "xmark")}
_CLASS_ATTR = re.compile(r'class="([^"]*\bfa[a-z-]*\b[^"]*)"')
_FA_CLASS_RULE = re.compile(r"\.fa-[0-9a-z-]+:{1,2}(before|after)")
_PUA = re.compile(r"[\ue000-\uf8ff]|\\(f[0-9a-f]{3}|e[0-9a-f]{3})\b", re.IGNORECASE)
#: The theme's Font Awesome fonts and the family/weight each is declared with in pydata-sphinx-theme.css.
FONTS = {"fa-solid-900": ("Font Awesome 6 Free", 900), "fa-regular-400": ("Font Awesome 6 Free", 400),
         "fa-brands-400": ("Font Awesome 6 Brands", 400)}


def icons_used(html_files) -> set[tuple[str, str]]:
    """(pack, name) of every Font Awesome icon in the given HTML files, plus those the theme's scripts add."""
    used = set(SCRIPT_ICONS)
    for f in html_files:
        for m in _CLASS_ATTR.finditer(Path(f).read_text(encoding="utf-8", errors="replace")):
            classes = m.group(1).split()
            for pack in {_PACKS[c] for c in classes if c in _PACKS}:
                used |= {(pack, c[3:]) for c in classes
                         if c.startswith("fa-") and c not in _PACKS and not _MODIFIER.match(c[3:])}
    return used


def fa_codepoints(fa_js: str) -> dict[str, int]:
    """Every Font Awesome icon name (all packs) -> its code point, from the theme's all-in-one script."""
    table = re.compile(r'[{,]"?([0-9a-z-]+)"?:\[\d+,\d+,\[[^\]]*\],"([0-9a-f]+)",')
    return {m.group(1): int(m.group(2), 16) for m in table.finditer(fa_js)}


def css_codepoints(css: str) -> set[int]:
    """Private-use code points a stylesheet draws with, outside Font Awesome's own ``.fa-NAME::before`` rules
    (the theme's admonition, breadcrumb and toggle icons)."""
    out = set()
    for sel, body in re.findall(r"([^{}]*)\{([^{}]*)\}", css):
        if _FA_CLASS_RULE.search(sel) and "--pst-icon" not in body:
            continue
        for m in _PUA.finditer(body):
            out.add(int(m.group(1), 16) if m.group(1) else ord(m.group(0)))
    return out


def _theme_static() -> Path:
    import pydata_sphinx_theme

    return Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"


def write_icon_fonts(outdir: Path) -> set[int]:
    """Subset the theme's Font Awesome fonts to the glyphs the site uses; write them and ``swl-icons.css``.

    The theme's icons are then drawn by its own CSS (``.fa-bars::before`` etc.), from fonts of a few KB
    instead of its 1.5 MB script and 275 KB of fonts. Returns the code points kept.
    """
    from fontTools import subset

    static = outdir / "_static"
    names = fa_codepoints((_theme_static() / "scripts" / "fontawesome.js").read_text(encoding="utf-8"))
    used = icons_used(outdir.rglob("*.html"))
    missing = sorted(n for _p, n in used if n not in names)
    if missing:
        raise ValueError(f"Font Awesome has no icon named {', '.join(missing)}: check the templates' class names")
    points = {names[n] for _p, n in used}
    for css in static.rglob("*.css"):
        points |= css_codepoints(css.read_text(encoding="utf-8", errors="replace"))
    rules = ["/* Generated by swleadership/weight.py: the theme's Font Awesome Free fonts (SIL OFL 1.1), cut to",
             "   the glyphs the pages use. Declared after the theme's own @font-face rules, so these win. */"]
    for stem, (family, weight) in FONTS.items():
        opts = subset.Options()
        opts.flavor = "woff2"
        opts.layout_features = ["*"]
        font = subset.load_font(str(_theme_static() / "vendor" / "fontawesome" / "webfonts" / f"{stem}.woff2"), opts)
        sub = subset.Subsetter(opts)
        sub.populate(unicodes=sorted(points))
        sub.subset(font)
        subset.save_font(font, str(static / f"swl-{stem}.woff2"), opts)
        rules.append(f'@font-face{{font-display:block;font-family:"{family}";font-style:normal;font-weight:{weight};'
                     f'src:url(swl-{stem}.woff2) format("woff2")}}')
    # The theme's script replaced <i class="fa-solid fa-NAME"> by <svg class="svg-inline--fa fa-NAME">, dropping
    # "fa-solid", so its rule placing the search icon absolutely never applied; keep that icon in the flow.
    rules.append(".bd-search .fa-solid.fa-magnifying-glass{position:static}")
    # Until the theme's script sets the colour mode, no mode is stored and the theme shows no mode icon at all; it
    # then shows "auto". Show "auto" from the start, so that the header does not shift after the first paint.
    rules.append('html[data-mode=""] .theme-switch-button .theme-switch[data-mode=auto]{display:inline}')
    # Before the icon font arrives, each icon is as narrow as a fallback glyph; the header's buttons keep the width
    # they have with the icon, so that nothing moves when it arrives.
    rules.append(".article-header-buttons .btn{min-width:2.625rem;justify-content:center}")
    (static / ICON_CSS).write_text("\n".join(rules) + "\n", encoding="utf-8")
    trim_theme_css(static, {n for _p, n in used})
    return points


THEME_CSS = "styles/pydata-sphinx-theme.css"
#: The trimmed copy that book/_templates/layout.html links instead of THEME_CSS.
TRIMMED_THEME_CSS = "styles/swl-pydata-sphinx-theme.css"
_FA_RULE = re.compile(r"(?<=[{}])((?:\.fa-[0-9a-z-]+:{1,2}(?:before|after),?)+)\{content:[^{}]*\}")


def trim_theme_css(static: Path, icons: set[str]) -> int:
    """Write TRIMMED_THEME_CSS: the theme's stylesheet without the ``.fa-NAME::before`` rules of the ~1,900 Font
    Awesome icons the pages do not use (86 KB of its 397 KB); returns the bytes saved."""
    css = (static / THEME_CSS).read_text(encoding="utf-8")

    def keep(m) -> str:
        names = set(re.findall(r"\.fa-([0-9a-z-]+):", m.group(1)))
        return m.group(0) if names & icons else ""

    trimmed = _FA_RULE.sub(keep, css)
    (static / TRIMMED_THEME_CSS).write_text(trimmed, encoding="utf-8")
    return len(css) - len(trimmed)


# ------------------------------------------------------------------------------------------------ compression
def precompress(outdir: Path) -> int:
    """Write ``f.gz`` and ``f.br`` beside every text file over 1 KB under ``outdir``; return how many files."""
    import brotli

    n = 0
    for f in sorted(outdir.rglob("*")):
        if f.suffix not in COMPRESS_SUFFIXES or not f.is_file() or f.stat().st_size < COMPRESS_MIN:
            continue
        data = f.read_bytes()
        Path(f"{f}.gz").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
        Path(f"{f}.br").write_bytes(brotli.compress(data, quality=9))  # 11 is ~15x slower for ~5% less
        n += 1
    return n


def _build_finished(app, exc) -> None:
    if exc is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    write_icon_fonts(outdir)
    precompress(outdir)


def setup(app) -> None:
    app.add_css_file(ICON_CSS)
    app.connect("html-page-context", _page_context, priority=900)  # after sphinx.ext.mathjax adds its script
    app.connect("build-finished", _build_finished)
