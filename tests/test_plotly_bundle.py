"""The book's partial plotly.js bundle (book/assets/vendor/plotly-swl.min.js, built by `make plotly-bundle`).

- its plotly.js version is the one plotly.py ships (figures are made by plotly.py and drawn by the bundle);
- it registers exactly the trace types in ``render.BUNDLED_TRACE_TYPES``, and its sources list the same;
- every figure the package and the chapters make uses only those types (tests/browser/test_weight.py scans
  every figure of the built book the same way).
"""

import json
import re
from pathlib import Path

import plotly
import plotly.graph_objects as go

from swleadership.render import BUNDLED_TRACE_TYPES, figure_html, trim_template

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "book" / "assets" / "vendor" / "plotly-swl.min.js"
SRC = ROOT / "book" / "src" / "plotly"


def _version(js_head: str) -> str:
    m = re.search(r"plotly\.js v(\d+\.\d+\.\d+)", js_head)
    assert m, "no 'plotly.js vX.Y.Z' banner"
    return m.group(1)


def plotly_py_js_version() -> str:
    wheel_js = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    with wheel_js.open(encoding="utf-8") as f:
        return _version(f.read(400))


def bundle_trace_types(js: str) -> set[str]:
    return set(re.findall(r'moduleType:"trace",name:"([a-z0-9]+)"', js))


def test_bundle_version_is_plotly_pys():
    want = plotly_py_js_version()
    got = _version(BUNDLE.read_text(encoding="utf-8")[:400])
    lock = json.loads((SRC / "package-lock.json").read_text())
    locked = lock["packages"]["node_modules/plotly.js"]["version"]
    pinned = json.loads((SRC / "package.json").read_text())["devDependencies"]["plotly.js"]
    assert got == locked == pinned == want, (
        f"plotly.py {plotly.__version__} ships plotly.js {want}, but the book's bundle is {got} (lock {locked}, "
        f"package.json {pinned}): set the version in book/src/plotly/package.json, then `make plotly-bundle`.")


def test_bundle_registers_exactly_the_listed_trace_types():
    registered = bundle_trace_types(BUNDLE.read_text(encoding="utf-8"))
    assert registered == set(BUNDLED_TRACE_TYPES), (
        f"the bundle registers {sorted(registered)}, render.BUNDLED_TRACE_TYPES says {sorted(BUNDLED_TRACE_TYPES)}")
    sources = set(re.findall(r"require\('plotly\.js/lib/([a-z0-9]+)'\)", (SRC / "index.js").read_text()))
    assert (sources - {"core"}) | {"scatter"} == set(BUNDLED_TRACE_TYPES)  # scatter comes with plotly's core


def test_trace_type_check_finds_a_missing_type():
    # The check the built-book test applies: a pie chart is not in the bundle and must be reported.
    spec = json.loads(re.search(r'class="swl-plotly">(.*?)</script>',
                                figure_html(go.Figure(go.Pie(values=[1, 2])))).group(1))
    assert {t["type"] for t in spec["data"]} - BUNDLED_TRACE_TYPES == {"pie"}


def test_package_and_notebooks_use_only_bundled_trace_types():
    """Every ``go.<Trace>(`` in the package and the notebooks is a bundled type (before any build runs)."""
    used = set()
    files = list((ROOT / "swleadership").rglob("*.py")) + list((ROOT / "notebooks").rglob("*.ipynb"))
    for f in files:
        used |= {m.lower() for m in re.findall(r"\bgo\.([A-Z][a-z]+[a-zA-Z]*)\(", f.read_text(encoding="utf-8"))}
    used -= {"figure", "figurewidget", "layout"}
    assert used, "found no trace constructors: the scan is broken"
    assert used <= BUNDLED_TRACE_TYPES, f"trace types not in the bundle: {sorted(used - BUNDLED_TRACE_TYPES)}"


def test_trim_template_keeps_only_used_trace_defaults():
    fig = go.Figure([go.Bar(x=[1], y=[2]), go.Scatterpolar(r=[1, 2], theta=[0, 90])])
    d = trim_template(fig.to_plotly_json() | {"layout": fig.layout.to_plotly_json()})
    t = d["layout"]["template"]
    assert set(t["data"]) == {"bar", "scatterpolar"}
    assert "polar" in t["layout"] and not {"geo", "scene", "ternary"} & set(t["layout"])
    d2 = trim_template(go.Figure(go.Bar(x=[1], y=[2])).to_plotly_json())
    assert "polar" not in d2["layout"]["template"]["layout"]
