"""DfE's workforce files as they are downloaded: recognise them, and turn them into the book's tidy tables.

One importer serves three callers, so that the mapping from DfE's columns to the book's is written once:

- the build of ``data/`` from the raw files (``swleadership._build_data``);
- a lecturer's upload in the live explorers (``swleadership.data.validate_upload``);
- a new DfE release brought in with ``make data-update`` (``swleadership.data_update``).

It knows two files of the Department for Education's "Children's social work workforce" statistics, in DfE's
own wide layout (one row per area and year, one column per measure):

``indicators``
    ``csww_indicators_<first>_to_<last>.csv``, read into ``children_workforce_areas``.
``ethnicity``
    ``csww_workforce_role_by_ethnicity_<first>_to_<last>.csv``, read into ``children_workforce_ethnicity``.

A file may come whole or filtered to any rows and years. The area is DfE's country, region or local authority
by ``geographic_level``: ``new_la_code`` and ``la_name`` name a local authority (``old_la_code`` is kept, and
stands in for the code where a row has no ``new_la_code``). DfE writes a symbol in a cell it cannot fill
(:data:`SYMBOLS`); the importer moves it into the book's ``<measure>_suppression`` column and leaves the value
empty, so a figure can mark the gap instead of dropping it or drawing a zero. Anything else that is not a number
is a problem, reported with its row, line and column.

Example::

    from swleadership import dfe

    layout = dfe.detect(header)                     # a Layout, or None for the book's own tidy shape
    tidy, problems = dfe.to_tidy(layout, header, rows, lines=lines)
    # tidy: a DataFrame of strings in the shape of layout.resource; problems: dfe.Problem, one per bad cell
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ._env import REPO_ROOT

#: DfE's in-cell symbols (the Government Statistical Service's symbols, as DfE's files use them) and their
#: meanings. The book stores the symbol in a measure's ``_suppression`` column.
SYMBOLS = {
    "x": "not available",
    "z": "not applicable",
    "c": "confidential (suppressed to protect confidentiality)",
    "u": "low reliability",
    "low": "a positive value that rounds to zero",
}

#: The indicators file's measures that the book keeps: DfE column -> (unit, description).
AREA_MEASURES = {
    "inpost_fte": ("FTE", "Children and family social workers in post at 30 September (FTE)"),
    "starters_fte": ("FTE", "Starters in the year to 30 September (FTE)"),
    "leavers_fte": ("FTE", "Leavers in the year to 30 September (FTE)"),
    "turnover_rate_fte": ("percent", "Turnover rate: leavers in the year as a percentage of social workers in post at 30 September (FTE)"),
    "agency_rate_fte": ("percent", "Agency worker rate at 30 September (FTE): agency workers as a percentage of agency workers plus social workers in post"),
    "vacancy_rate_fte": ("percent", "Vacancy rate at 30 September (FTE): vacancies as a percentage of vacancies plus social workers in post"),
    "caseload_fte": ("cases per FTE", "Average caseload per case-holding FTE social worker at 30 September"),
    "absence_rate_fte": ("percent", "Sickness absence rate in the year to 30 September (FTE)"),
}

#: The ethnicity file's share columns: book column -> (DfE column, label).
ETHNIC_SHARES = {
    "white_pct": ("white_perc", "White"),
    "mixed_pct": ("mixed_perc", "Mixed / multiple ethnic groups"),
    "asian_pct": ("asian_perc", "Asian / Asian British"),
    "black_pct": ("black_perc", "Black / African / Caribbean / Black British"),
    "other_pct": ("other_perc", "Other ethnic group"),
}

#: DfE's columns that place a row: every file of both kinds has them.
PLACE_COLUMNS = ("time_period", "geographic_level", "country_code", "country_name", "region_code", "region_name",
                 "old_la_code", "new_la_code", "la_name")
LEVELS = ("National", "Regional", "Local authority")
LONDON = ("London", "Inner London", "Outer London")


@dataclass(frozen=True)
class Layout:
    """One of DfE's files: what marks it, what it needs, and which of the book's tables it becomes."""

    kind: str
    resource: str
    title: str
    file_pattern: str
    marks: tuple[str, ...]          # columns that, all present, say "this is that file"
    value_columns: tuple[str, ...]  # DfE columns read as numbers (with symbols)
    extra_required: tuple[str, ...] = ()

    def required(self, *, all_measures: bool = False) -> list[str]:
        cols = list(PLACE_COLUMNS) + list(self.extra_required)
        if all_measures or self.kind == "ethnicity":
            cols += list(self.value_columns)
        return cols


INDICATORS = Layout(
    kind="indicators", resource="children_workforce_areas",
    title="DfE's \"Children's social work workforce\" indicators file",
    file_pattern="csww_indicators_*.csv",
    marks=("time_period", "geographic_level", "turnover_rate_fte"),
    value_columns=tuple(AREA_MEASURES),
)
ETHNICITY = Layout(
    kind="ethnicity", resource="children_workforce_ethnicity",
    title="DfE's \"Children's social work workforce\" ethnicity-by-role file",
    file_pattern="csww_workforce_role_by_ethnicity_*.csv",
    marks=("time_period", "geographic_level", "OrgRole", "white_perc"),
    value_columns=("known_headcount",) + tuple(src for src, _ in ETHNIC_SHARES.values()),
    extra_required=("OrgRole",),
)
LAYOUTS = (INDICATORS, ETHNICITY)


@dataclass
class Problem:
    """One bad cell or column: where it is, what was found, what was expected, and how to fix it."""

    row: int | None
    line: int | None
    field: str | None
    found: str
    expected: str
    fix: str = ""


#: Columns only DfE's layout has (one is enough, with a layout's marks) and columns only the book's tidy shape has.
DFE_ONLY = ("time_identifier", "country_code", "country_name", "new_la_code", "la_name")
TIDY_ONLY = ("area_code", "area_name")


def detect(header: Sequence[str]) -> Layout | None:
    """The DfE layout that ``header`` is in, or None (the book's own tidy shape, or something else).

    A header is DfE's when it has all of a layout's marking columns, at least one column that only DfE's files
    have, and none of the book's own area columns, so that a DfE file with a column missing is still recognised
    (and the missing column named)."""
    cols = {h.strip() for h in header}
    if cols & set(TIDY_ONLY) or not cols & set(DFE_ONLY):
        return None
    for layout in LAYOUTS:
        if all(m in cols for m in layout.marks):
            return layout
    return None


def describe(layout: Layout, years: Sequence[int] = (), *, reading: bool = True) -> str:
    """The sentence a lecturer sees when a file is recognised (``reading=False``: recognised, and not read here)."""
    span = ""
    if years:
        lo, hi = min(years), max(years)
        span = f" for {lo}" if lo == hi else f" for {lo} to {hi}"
    return f"This looks like {layout.title} ({layout.file_pattern}){span}" + ("; reading it as such." if reading else ".")


@dataclass
class _Notes:
    by_code: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_csv(cls, path: Path) -> _Notes:
        notes: dict[str, list[str]] = {}
        with open(path, encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                for code in r["area_codes"].split(";"):
                    notes.setdefault(code, []).append(r["note_id"])
        return cls(notes)

    def for_area(self, code: str, region_name: str) -> str:
        ids = list(self.by_code.get(code, []))
        if region_name in LONDON and not ids:
            ids.append("london-overlap")
        return ";".join(ids)


def geography_note_ids(notes_csv: Path | None = None) -> _Notes:
    """Area code -> ids of the geography notes that apply (from ``data/geography_notes.csv``)."""
    return _Notes.from_csv(notes_csv or REPO_ROOT / "data" / "geography_notes.csv")


def _place(r: dict[str, str]) -> tuple[str, str]:
    level = r["geographic_level"]
    if level == "National":
        return r["country_code"], r["country_name"]
    if level == "Regional":
        return r["region_code"], r["region_name"]
    return (r["new_la_code"] or r["old_la_code"]), r["la_name"]


def split_cell(v: str) -> tuple[str, str] | None:
    """(number text, symbol) of a DfE cell: ``("12.5", "")``, ``("", "c")``; None if it is neither."""
    v = v.strip()
    if v in SYMBOLS:
        return "", v
    if v == "":
        return "", ""
    try:
        float(v.replace(",", ""))
    except ValueError:
        return None
    return v.replace(",", ""), ""


def _symbols_text() -> str:
    return ", ".join(f"'{k}' ({v})" for k, v in SYMBOLS.items())


def to_tidy(layout: Layout, header: Sequence[str], rows: Sequence[Sequence[str]], *,
            lines: Sequence[int] | None = None, notes: _Notes | None = None,
            all_measures: bool = False) -> tuple[pd.DataFrame, list[Problem]]:
    """Convert DfE's rows to the book's tidy table (all strings), with the problems found.

    ``all_measures`` (used for a whole new release) requires every measure column the book keeps; an upload may
    carry any of them. Missing place columns, values that are neither numbers nor DfE symbols, reporting years
    that are not four-digit years and unknown geographic levels are problems; nothing is guessed.
    """
    header = [h.strip() for h in header]
    idx = {h: i for i, h in enumerate(header)}
    line_of = (lambda i: lines[i]) if lines is not None else (lambda i: i + 2)
    hline = (lines[0] - 1) if lines else 1
    problems: list[Problem] = []
    missing = [c for c in layout.required(all_measures=all_measures) if c not in idx]
    if missing:
        for c in missing:
            problems.append(Problem(None, hline, c, "no such column",
                                    f"DfE's '{c}' column ({layout.file_pattern} has it in every release)",
                                    fix="Use the file as DfE publishes it, with all its columns: if you filtered "
                                        "or edited it in a spreadsheet, remove only rows, never columns."))
        return pd.DataFrame(), problems
    if layout is INDICATORS and not any(m in idx for m in AREA_MEASURES):
        problems.append(Problem(None, hline, None, "none of the measure columns",
                                "at least one of " + ", ".join(AREA_MEASURES),
                                fix="Keep at least one of DfE's measure columns in the file."))
        return pd.DataFrame(), problems
    notes = notes or geography_note_ids()
    out: list[dict[str, str]] = []
    for i, rec in enumerate(rows):
        r = {h: (rec[j].strip() if j < len(rec) else "") for h, j in idx.items()}
        row_no, line = i + 1, line_of(i)
        tp = r["time_period"]
        if not (len(tp) == 4 and tp.isdigit()):
            problems.append(Problem(row_no, line, "time_period", repr(tp) if tp else "an empty cell",
                                    "a four-digit reporting year such as 2024 (DfE's year to 30 September)",
                                    fix="Write each reporting year as four digits, as DfE's file does (2024, not "
                                        "2024/25 or 202425)."))
        level = r["geographic_level"]
        if level not in LEVELS:
            problems.append(Problem(row_no, line, "geographic_level", repr(level) if level else "an empty cell",
                                    "one of " + ", ".join(LEVELS),
                                    fix="Keep only DfE's National, Regional and Local authority rows."))
            continue
        code, name = _place(r)
        if not code or not name:
            col = {"National": "country_code/country_name", "Regional": "region_code/region_name"}.get(
                level, "new_la_code/la_name")
            problems.append(Problem(row_no, line, col, "an empty cell",
                                    f"the {level.lower()} area's code and name",
                                    fix="Fill in the area's code and name as DfE's file gives them."))
            continue
        row = {"time_period": tp, "geographic_level": level, "area_code": code, "area_name": name,
               "region_name": r["region_name"]}
        values: dict[str, tuple[str, str]] = {}
        for col in layout.value_columns:
            if col not in idx:
                continue
            got = split_cell(r[col])
            if got is None:
                problems.append(Problem(row_no, line, col, repr(r[col]),
                                        f"a number or one of DfE's symbols {_symbols_text()}",
                                        fix="Replace the cell with a number, or with the DfE symbol that says why "
                                            "the figure is missing."))
                got = ("", "")
            elif got == ("", ""):
                problems.append(Problem(row_no, line, col, "an empty cell",
                                        f"a number or one of DfE's symbols {_symbols_text()}",
                                        fix="DfE never leaves a figure blank: put back the number or the symbol "
                                            "from DfE's file."))
            values[col] = got
        if layout is INDICATORS:
            row.update({"period_end": f"{tp}-09-30", "region_code": r["region_code"],
                        "old_la_code": r["old_la_code"]})
            for m in AREA_MEASURES:
                if m in values:
                    row[m], row[f"{m}_suppression"] = values[m]
        else:
            row["role"] = r["OrgRole"]
            row["known_headcount"], row["known_headcount_suppression"] = values["known_headcount"]
            codes = set()
            for col, (src, _) in ETHNIC_SHARES.items():
                row[col], c = values[src]
                codes.add(c)
            if len(codes) != 1:
                problems.append(Problem(row_no, line, "white_perc", "a symbol in some share columns but not all",
                                        "the same symbol in all five share columns, or numbers in all five",
                                        fix="Give all five shares, or DfE's symbol in all five."))
                codes = {next(iter(codes - {""}), "")}
            row["shares_suppression"] = codes.pop()
        row["geography_notes"] = notes.for_area(code, r["region_name"])
        out.append(row)
    return pd.DataFrame(out, dtype=str), problems


def _sort(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    order = {lv: i for i, lv in enumerate(LEVELS)}
    return df.sort_values(keys, key=lambda s: s.map(order) if s.name == "geographic_level" else s).reset_index(drop=True)


def read_file(path: Path, layout: Layout, *, notes: _Notes | None = None,
              all_measures: bool = True) -> tuple[pd.DataFrame, list[Problem]]:
    """Read one of DfE's files from disk into the book's tidy table (strings), sorted as ``data/`` keeps it."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        records = list(csv.reader(fh))
    header, rows = records[0], [r for r in records[1:] if any(c.strip() for c in r)]
    tidy, problems = to_tidy(layout, header, rows, notes=notes, all_measures=all_measures)
    if problems or tidy.empty:
        return tidy, problems
    tidy["time_period"] = tidy["time_period"].astype(int)
    keys = ["time_period", "geographic_level", "area_name"] + (["role"] if layout is ETHNICITY else [])
    return _sort(tidy, keys), problems


__all__ = ["SYMBOLS", "AREA_MEASURES", "ETHNIC_SHARES", "Layout", "INDICATORS", "ETHNICITY", "LAYOUTS", "Problem",
           "detect", "describe", "to_tidy", "read_file", "split_cell", "geography_note_ids"]
