"""Each chapter's own figures, explorers and activities, one call in a notebook::

    from swleadership.figures import comparison_matrix
    comparison_matrix()

Every function builds its component afresh and returns an object that shows the **static** face in the book
build and the **live** face in JupyterLab and Voilà (see ``swleadership.explore``). The data each uses is the
book's own coding of the paper and its sources (model codes, vignette codings, self-assessment items, timeline
events with the source of each date), kept in the module next to the code that draws it; real-world numbers
come from ``data/`` through ``swleadership.data.load``.

- ``working_life()`` (01): years social workers, nurses and doctors stay, by source (``data/career_length.csv``).
- ``four_is_profile()`` (10): Priya's four Is profile over four scenes.
- ``where_is_leadership()`` (11): leader-centred and distributed views of a team's leadership tasks.
- ``network_growth()`` (13): a community of practice's connections in month 1 and month 12.
- ``where_leadership_sits()`` (15): role, practice and system tasks in five situations.
- ``seven_cs_profile()`` (16): the social change model's seven Cs in four vignettes.
- ``comparison_matrix()`` (20): ten models against six dimensions; ``comparison_matrix_table()`` is the
  full matrix with reasons and sources.
- ``career_path_standards()`` (21): standards and development routes by career stage and field.
- ``reforms_timeline()`` (30): social work reform in England, one row per theme.
- ``seven_enablers_assessment()`` (31): the seven enablers of improvement as a team self-assessment.
- ``parallel_timeline()`` (40): leadership milestones in the NHS and in social work.
- ``frameworks_by_career()`` (41): health leadership frameworks and the PCF across a career;
  ``leadership_self_assessment()`` (41): "My leadership in social work".
- ``leadership_cycle()`` (50): the book's reconstruction of the paper's cycle of "missing" leadership.

``COMPONENTS`` maps each function's name to ``(module, kind, chapter)``, where kind is ``explorer``,
``self_assessment`` or ``table``; tests and the projector views use it to find every component.
"""

from importlib import import_module

COMPONENTS = {
    "working_life": ("retention", "explorer", "01-what-is-leadership"),
    "four_is_profile": ("transformational", "explorer", "10-transformational"),
    "where_is_leadership": ("distributed", "explorer", "11-distributed"),
    "network_growth": ("communities", "explorer", "13-communities-of-practice"),
    "where_leadership_sits": ("systems", "explorer", "15-systems"),
    "seven_cs_profile": ("social_change", "explorer", "16-social-change-model"),
    "comparison_matrix": ("matrix", "explorer", "20-comparing-models"),
    "comparison_matrix_table": ("matrix", "table", "20-comparing-models"),
    "career_path_standards": ("career_path", "explorer", "21-developing-leadership"),
    "reforms_timeline": ("reforms", "explorer", "30-professional-reforms"),
    "seven_enablers_assessment": ("improvement", "self_assessment", "31-innovation-improvement"),
    "parallel_timeline": ("clinical", "explorer", "40-clinical-leadership"),
    "frameworks_by_career": ("frameworks", "explorer", "41-health-frameworks"),
    "leadership_self_assessment": ("frameworks", "self_assessment", "41-health-frameworks"),
    "leadership_cycle": ("cycle", "explorer", "50-discussion"),
}

__all__ = sorted(COMPONENTS) + ["COMPONENTS"]


def __getattr__(name):
    if name in COMPONENTS:
        return getattr(import_module(f"{__name__}.{COMPONENTS[name][0]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
