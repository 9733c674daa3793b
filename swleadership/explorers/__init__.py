"""The four workforce explorers, each one call in a notebook::

    from swleadership.explorers import (
        career_length_explorer, gender_explorer, pressures_explorer, funding_explorer,
    )
    career_length_explorer()

- ``career_length_explorer()``: leaving rate ↔ expected working life, survival curves for the professions
  (social workers 8 years, social care workers 13, nurses 15 or 16, doctors 25, ...), replacement demand N·a,
  and DfE's children's and the adult social-worker turnover series (turnover is not leaving the profession).
- ``gender_explorer()``: the share of women in social work, nursing, medicine and occupational therapy and in
  leadership roles; an illustrative glass-escalator pipeline model; DfE's ethnicity of children's social
  workers by role (case holders compared with managers).
- ``pressures_explorer()``: DfE children's social work workforce 2017–2025 (FTE, turnover, vacancies, agency,
  caseloads, starters, leavers, absence) for England, a region or a local authority, with year-on-year change,
  and the adult social-worker series alongside.
- ``funding_explorer()``: the NAO's 2018 figures (49.1% real-terms cut in central government funding,
  2010-11 to 2017-18; social care 45.3% → 54.4% of council service spending) beside the workforce series.

Each returns an object that shows the **static** face (native HTML controls driving plotly over precomputed
states, with data tables) when the book is built (``SWL_BOOK_BUILD=1``) and the **live** face (ipywidgets
controls, a ``go.FigureWidget`` updated in ``batch_update()``, typed values and CSV upload) in JupyterLab,
Voilà and nbval. ``bench_models()`` times each explorer's recompute path.
"""

from __future__ import annotations

from ._base import timings
from .career import CareerLengthExplorer, career_length_explorer
from .funding import FundingExplorer, funding_explorer
from .gender import GenderExplorer, gender_explorer
from .pressures import PressuresExplorer, pressures_explorer

__all__ = [
    "career_length_explorer", "gender_explorer", "pressures_explorer", "funding_explorer",
    "CareerLengthExplorer", "GenderExplorer", "PressuresExplorer", "FundingExplorer",
    "bench_models", "bench_update_paths",
]


#: How many times ``make bench`` runs each recompute (the median and p95 are over these).
BENCH_REPEATS = 50


def control_values(widget) -> list:
    """Every value a live control offers, in order: a drop-down's or radio group's option values, or each step
    of a slider from its ``min`` to its ``max``."""
    options = getattr(widget, "options", None)
    if options is not None:
        return [o[1] if isinstance(o, tuple) else o for o in options]
    steps = int(round((widget.max - widget.min) / widget.step))
    return [type(widget.value)(round(widget.min + i * widget.step, 10)) for i in range(steps + 1)]


def sweep(widget):
    """An endless cycle through a control's values that starts just after its current value, so that each
    value set differs from the one before and every setting fires the control's observer."""
    import itertools

    values = control_values(widget)
    here = values.index(widget.value) + 1 if widget.value in values else 0
    return itertools.cycle(values[here:] + values[:here])


def bench_update_paths(repeats: int = BENCH_REPEATS, live: bool = True) -> dict[str, dict[str, float]]:
    """Median and p95 (ms) of each explorer's recompute.

    Two kinds of entry: the update function behind every control (model + trace patches, also what the static
    book precomputes), and, with ``live=True``, the whole live callback: a control's ``.value`` set in Python
    to each value it offers in turn, the observer recomputing and patching the ``go.FigureWidget`` inside
    ``batch_update()`` (no browser).
    """
    from . import career, funding, gender, pressures

    paths = {}
    for mod in (career, gender, pressures, funding):
        paths.update(mod.bench_paths())
    if live:
        def setter(widget):
            values = sweep(widget)

            def run():
                widget.value = next(values)
            return run

        paths.update({
            "career length (live callback)": setter(career_length_explorer().widgets()["controls"]["rate"]),
            "gender pipeline (live callback)": setter(gender_explorer().widgets()["controls"]["k"]),
            "pressures (live callback)": setter(pressures_explorer().widgets()["controls"]["measure"]),
            "funding (live callback)": setter(funding_explorer().widgets()["controls"]["series"]),
        })
    return {label: timings(fn, repeats) for label, fn in paths.items()}


def bench_models(repeats: int = BENCH_REPEATS) -> dict[str, dict[str, float]]:
    """``{label: {"median": ms, "p95": ms, "n": repeats}}`` for each explorer's update path (goal ≤ 20 ms)."""
    return bench_update_paths(repeats)
