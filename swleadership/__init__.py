"""swleadership: the code behind the book *Leadership in social work*.

The chapters call this package in one line per component, for example::

    from swleadership import quiz, journal, explorer

Submodules are imported lazily, so a chapter that only shows a quiz does not pay for pandas or plotly.

- ``swleadership.data``: the data package in ``data/`` (``load``, ``validate_package``, ``validate_upload``).
- ``swleadership.facts``: named figures for the prose (``glue_facts``).
- ``swleadership.models``: the small models behind the explorers.
- ``swleadership.explore``: figures and explorers that work live, in Voilà and in the static book.
- ``swleadership.assessment``: self-assessments (ratings, radar chart, gaps, action plan).
- ``swleadership.explorers``: the four workforce explorers.
- ``swleadership.teaching``: quizzes, reflective journal and sorting activities.
- ``swleadership.sphinxext``: the Sphinx extension the book build loads.
"""

from importlib import import_module

__version__ = "0.1.0"

_EXPORTS = {
    "quiz": "teaching",
    "journal": "teaching",
    "sorter": "teaching",
    "figure": "explore",
    "explorer": "explore",
    "self_assessment": "assessment",
    "Select": "explore",
    "Range": "explore",
    "Radio": "explore",
    "Checkbox": "explore",
    "load": "data",
    "glue_facts": "facts",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name):
    if name in _EXPORTS:
        return getattr(import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
