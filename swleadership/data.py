"""The book's data package: loading, validation and safe CSV output.

Everything here reads ``data/datapackage.json`` (a Frictionless tabular data package) and
the CSVs beside it. The schemas in ``datapackage.json`` are the single source of truth: the
checks below read field types, constraints, primary keys, foreign keys and the package's own
row rules (``swl:rules``) from it. Loading and validating never write to ``data/``.

Resources (``load(name)`` returns a pandas DataFrame)
-----------------------------------------------------
Figure tables, one row per published figure, all with the same columns:
``career_length``, ``children_workforce``, ``adult_social_workers``, ``gender_comparators``,
``context_funding``.

    measure, group, geography      what, who, where (text)
    period                         ISO 8601: "2017", "2018-09", "2017-09-30" or an interval
                                   "2016-10-01/2017-09-30" (or "2019/2020" if only years known)
    period_label                   the period in the source's words
    year                           int: the year the period ends in
    period_start, period_end       datetime (NaT where not known)
    value                          float, never negative; NaN only with a suppression code
    qualifier                      "", "around", "about", "nearly", "less than", "three-quarters"
    suppression                    "" or a DfE code: x, z, c, u, low
    unit                           percent, years, people, FTE, WTE, jobs, posts, cases,
                                   cases per FTE, GBP per year, local authorities
    status                         "verified", "unverified" or "derived"
    preferred                      bool: the row the book uses when two sources share a key
    source_id                      id in ``sources``
    locator, note                  quotation/locator, caveats

``children_workforce_areas`` (DfE indicators 2017-2025; England, regions incl. Inner and Outer
London, local authorities): ``time_period`` (int), ``period_end``, ``geographic_level``
("National", "Regional", "Local authority"), ``area_code``, ``area_name``, ``region_code``,
``region_name``, ``old_la_code``, then for each of ``inpost_fte``, ``starters_fte``,
``leavers_fte``, ``turnover_rate_fte``, ``agency_rate_fte``, ``vacancy_rate_fte``,
``caseload_fte``, ``absence_rate_fte`` a float column and a ``<name>_suppression`` code column,
and ``geography_notes`` (";"-separated ids in ``geography_notes``).

``children_workforce_ethnicity`` (DfE 2019-2022; headcount at 30 September): ``time_period``,
``geographic_level``, ``area_code``, ``area_name``, ``region_name``, ``role``,
``known_headcount`` (Int64), ``known_headcount_suppression``, ``white_pct``, ``mixed_pct``,
``asian_pct``, ``black_pct``, ``other_pct``, ``shares_suppression``, ``geography_notes``.

``sources``: ``source_id``, ``title``, ``publisher``, ``url``, ``licence``, ``attribution``,
``date``, ``how_read``, ``note``.  ``gaps``: ``gap_id``, ``resource``, ``measure``, ``group``,
``geography``, ``period_label``, ``what_is_missing``, ``where_searched``, ``source_id``,
``origin``.  ``geography_notes``: ``note_id``, ``kind``, ``area_codes``, ``years``,
``description``.

Empty text cells load as ``""``; empty numbers as NaN (``<NA>`` for integers).

Validation
----------
``validate_package()`` checks the whole bundled package (tests and the build call it once);
``load(name)`` does not validate unless asked (``validate=True``). Every problem raises
:class:`DataError`, whose message names the file, the row (1-based data row and its line in
the file), the field, what was found and what was expected.

Uploads (lecturers' own CSVs)
-----------------------------
``validate_upload(content_or_path, resource=..., filename=...)`` checks a CSV in the shape of
one of the figure or area tables and returns it typed. Rules:

* at most 5 MB (refused before parsing); UTF-8, with or without a byte-order mark (Excel's
  "CSV UTF-8"); comma-separated; every row as long as the header; at least one data row;
* columns: every required column of the resource, optional columns may be left out, no
  unknown columns. In figure tables ``period_label`` (defaults to ``period``), ``year``
  (defaults to the last year in ``period``) and ``preferred`` (defaults to true) may be left out;
  in area tables ``period_end`` (defaults to 30 September of ``time_period``) may be left out;
* sources: an upload names its source in every row, **either** with ``source_id`` values that
  exist in the book's ``sources.csv`` **or** with a free-text ``source`` column (for example
  "Anytown Council workforce report 2024, table 3") -- not both. Area-table uploads use
  ``source`` (or a known ``source_id``) too;
* cells are never evaluated: a formula-like cell such as ``=HYPERLINK(...)`` stays text, and
  :func:`to_safe_csv` escapes it (prefix ``'``) in any CSV the book writes out.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "DATA_DIR", "PACKAGE_PATH", "UPLOAD_LIMIT_BYTES", "DataError", "load", "resource_names", "package_descriptor",
    "schema", "validate_package", "validate_upload", "to_safe_csv", "geography_notes",
    "notes_for_area", "source", "suppression_codes", "indicators_source_id", "indicators_years", "template_path", "bench_data", "FIGURE_RESOURCES",
    "AREA_RESOURCES",
]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
PACKAGE_PATH = DATA_DIR / "datapackage.json"
UPLOAD_LIMIT_BYTES = 5 * 1024 * 1024
MAX_LISTED_PROBLEMS = 5
FIGURE_RESOURCES = ("career_length", "children_workforce", "adult_social_workers",
                    "gender_comparators", "context_funding")
AREA_RESOURCES = ("children_workforce_areas", "children_workforce_ethnicity")
UPLOADABLE = FIGURE_RESOURCES + AREA_RESOURCES
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class DataError(Exception):
    """A data file broke a rule. ``problems`` holds one dict per problem found."""

    def __init__(self, message: str, *, file: str | None = None, problems: list[dict] | None = None):
        super().__init__(message)
        self.file = file
        self.problems = problems or []


@dataclass
class _Problem:
    row: int | None  # 1-based data row
    line: int | None  # 1-based line in the file
    field: str | None
    found: str
    expected: str
    fix: str = ""

    def text(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}" + (f" (line {self.line})" if self.line else ""))
        elif self.line is not None:
            where.append(f"line {self.line}")
        if self.field:
            where.append(f"field '{self.field}'")
        lead = ", ".join(where)
        return (lead + ": " if lead else "") + f"found {self.found}; expected {self.expected}"


def _show(v: Any, limit: int = 60) -> str:
    s = str(v)
    if len(s) > limit:
        s = s[: limit - 3] + "..."
    return repr(s) if s != "" else "an empty cell"


PACKAGE_FIX = "Correct the cells named above in that file in data/ and run the checks again."
MISSING_FILE_FIX = "Put the file back in data/, or correct the resource's 'path' in datapackage.json."
HEADER_FIX = "Give the file the columns datapackage.json lists for it, in that order."
LICENCE_FIX = ("How to fix: In datapackage.json, add a 'licenses' list (name, path, title) to the package and to "
               "each resource named above.")
UPLOAD_FIX = ("Correct the cells named above in your spreadsheet, save it as 'CSV UTF-8 (comma delimited)' and "
              "upload it again.")


def _raise(file: str, problems: list[_Problem], total: int | None = None, *,
           expected_columns: list[str] | None = None, notice: str = "", default_fix: str = PACKAGE_FIX) -> None:
    """Raise one DataError listing at most MAX_LISTED_PROBLEMS problems, one per line, then "and N more", the
    expected columns (once, when a column is wrong) and a "How to fix" line."""
    total = total if total is not None else len(problems)
    shown = problems[:MAX_LISTED_PROBLEMS]
    if len(problems) == 1 and total == 1:
        lines = [f"{file}: " + problems[0].text()]
    else:
        lines = [f"{file}: {total} problems"] + ["  " + p.text() for p in shown]  # total > 1 here
        if total > len(shown):
            lines.append(f"  and {total - len(shown)} more")
    if notice:
        lines.insert(0, notice)
    if expected_columns:
        lines.append("Expected columns: " + ", ".join(expected_columns) + ".")
    fixes = list(dict.fromkeys(p.fix or default_fix for p in shown))
    lines.append("How to fix: " + " ".join(f if f.endswith(".") else f + "." for f in fixes))
    raise DataError("\n".join(lines), file=file, problems=[p.__dict__ for p in problems])


# ----------------------------------------------------------------------------------------
# Package descriptor
# ----------------------------------------------------------------------------------------
_DESCRIPTOR_CACHE: dict[Path, tuple[float, dict]] = {}


def _descriptor(path: Path | None = None) -> dict:
    path = Path(path or PACKAGE_PATH).resolve()
    mtime = path.stat().st_mtime
    hit = _DESCRIPTOR_CACHE.get(path)
    if hit and hit[0] == mtime:
        return hit[1]
    try:
        desc = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise DataError(f"{path.name}: line {e.lineno}: found invalid JSON ({e.msg}); expected a data package descriptor", file=path.name) from None
    _DESCRIPTOR_CACHE[path] = (mtime, desc)
    return desc


def package_descriptor(path: Path | None = None) -> dict:
    """The parsed ``datapackage.json`` (do not modify the returned dict)."""
    return _descriptor(path)


def resource_names(path: Path | None = None) -> list[str]:
    """Names of the resources in the package, in descriptor order."""
    return [r["name"] for r in _descriptor(path)["resources"]]


def _resource(name: str) -> dict:
    for r in _descriptor()["resources"]:
        if r["name"] == name:
            return r
    raise DataError(f"datapackage.json: found no resource named {name!r}; expected one of: " + ", ".join(resource_names()),
                    file="datapackage.json")


def schema(name: str) -> dict:
    """The Table Schema of a resource (from datapackage.json)."""
    return _resource(name)["schema"]


def suppression_codes() -> dict[str, str]:
    """DfE suppression codes and what they mean."""
    return dict(_descriptor()["swl:suppression_codes"])


# ----------------------------------------------------------------------------------------
# Checking a frame of strings against a schema
# ----------------------------------------------------------------------------------------
_NUM = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_INT = re.compile(r"[+-]?\d+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PERIOD_PART = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _expected_type(f: dict) -> str:
    """What a cell of a number, integer or date field must look like (the types checked by their form)."""
    return {"number": "a number (digits, optional decimal point, no % sign or commas)",
            "integer": "a whole number",
            "date": "a date written YYYY-MM-DD"}[f["type"]]


def _period_bounds(p: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """(first day, last day) of an ISO 8601 year/month/date or interval; None if malformed."""
    parts = p.split("/")
    if len(parts) > 2:
        return None
    bounds = []
    for part in parts:
        m = _PERIOD_PART.fullmatch(part)
        if not m:
            return None
        y, mo, d = m.groups()
        try:
            if d:
                start = end = pd.Timestamp(int(y), int(mo), int(d))
            elif mo:
                start = pd.Timestamp(int(y), int(mo), 1)
                end = start + pd.offsets.MonthEnd(0)
            else:
                start, end = pd.Timestamp(int(y), 1, 1), pd.Timestamp(int(y), 12, 31)
        except ValueError:
            return None
        bounds.append((start, end))
    first, last = bounds[0][0], bounds[-1][1]
    if first > last:
        return None
    return first, last


def _bad_values(col: np.ndarray, present: np.ndarray, test) -> np.ndarray:
    """Mask of present cells whose value fails ``test`` (each distinct value tested once)."""
    uniq = pd.unique(col[present])
    bad = [u for u in uniq if not test(u)]
    if not bad:
        return np.zeros(len(col), dtype=bool)
    return present & np.isin(col, np.array(bad, dtype=object))


def _check_frame(df: pd.DataFrame, sch: dict, *, lines: list[int] | None = None,
                 skip_required: set[str] = frozenset(), key_substitute: dict[str, str] | None = None,
                 ) -> tuple[list[_Problem], int, dict[str, pd.Series]]:
    """Check a frame of strings. Returns (problems (capped), total count, parsed typed columns)."""
    problems: list[_Problem] = []
    total = 0
    parsed: dict[str, pd.Series] = {}
    n = len(df)
    line_of = (lambda i: lines[i]) if lines is not None else (lambda i: i + 2)
    cols = {c: df[c].to_numpy(dtype=object) for c in df.columns}

    def add(mask, field: str | None, expected: str, found=None) -> None:
        nonlocal total
        mask = np.asarray(mask, dtype=bool)
        if not mask.any():
            return
        idx = np.flatnonzero(mask)
        total += len(idx)
        room = MAX_LISTED_PROBLEMS - len(problems)
        for i in idx[: max(room, 0)]:
            f = found(int(i)) if found else _show(cols[field][i])
            problems.append(_Problem(int(i) + 1, line_of(int(i)), field, f, expected))

    for f in sch["fields"]:
        name = f["name"]
        if name not in cols:
            continue
        col = cols[name]
        empty = col == ""
        present = ~empty
        cons = f.get("constraints", {})
        typ = f.get("type", "string")
        if cons.get("required") and name not in skip_required:
            add(empty, name, "a value (this field is required)")
        if typ in ("number", "integer"):
            rx = _NUM if typ == "number" else _INT
            bad = _bad_values(col, present, lambda v, rx=rx: rx.fullmatch(v) is not None)
            add(bad, name, _expected_type(f))
            ok = present & ~bad
            num = np.full(n, np.nan)
            if ok.any():
                num[ok] = col[ok].astype("float64")
            parsed[name] = pd.Series(num)
            if "minimum" in cons:  # (an empty cell is NaN, which compares False, without a warning)
                add(ok & (num < cons["minimum"]), name, f"a value of at least {cons['minimum']}"
                    + (" (a count or rate cannot be negative)" if cons["minimum"] == 0 else ""))
            if "maximum" in cons:
                add(ok & (num > cons["maximum"]), name, f"a value of at most {cons['maximum']}"
                    + (" (a percentage lies between 0 and 100)" if cons["maximum"] == 100 else ""))
        elif typ == "date":
            def real_date(v):
                if not _DATE.fullmatch(v):
                    return False
                try:
                    pd.Timestamp(v)
                except ValueError:
                    return False
                return True
            bad = _bad_values(col, present, real_date)
            add(bad, name, _expected_type(f))
            ok = present & ~bad
            parsed[name] = pd.to_datetime(pd.Series(np.where(ok, col, None)), format="%Y-%m-%d")
        elif typ == "boolean":
            allowed = set.union(*_booleans(f))
            add(_bad_values(col, present, allowed.__contains__), name, "one of: " + ", ".join(sorted(allowed)))
        if "enum" in cons:
            allowed_enum = set(cons["enum"])
            add(_bad_values(col, present, allowed_enum.__contains__), name, "one of: " + ", ".join(map(str, cons["enum"])))
        if "pattern" in cons:
            prx = re.compile(cons["pattern"])
            bad_pattern = _bad_values(col, present, lambda v, prx=prx: prx.fullmatch(v) is not None)
            exp = ("a period in ISO 8601 form: YYYY, YYYY-MM, YYYY-MM-DD or two of these joined by '/'"
                   if name == "period" else f"text matching the pattern {cons['pattern']}")
            add(bad_pattern, name, exp)
            if name == "period":
                add(_bad_values(col, present & ~bad_pattern, lambda v: _period_bounds(v) is not None), name,
                    "a real date or month, with the start of an interval before its end")
        if cons.get("unique"):
            add(present & pd.Series(col).duplicated(keep="first").to_numpy(), name,
                "a value not used in an earlier row (must be unique)")

    # primary key
    pk = sch.get("primaryKey")
    pk_dupes = False
    if pk:
        pk = [pk] if isinstance(pk, str) else pk
        kcols = [key_substitute.get(c, c) if key_substitute else c for c in pk]
        if all(c in df.columns for c in kcols):
            dup = df.duplicated(subset=kcols, keep="first").to_numpy()
            pk_dupes = bool(dup.any())
            if pk_dupes:
                key = df[kcols].astype(str).agg("\x1f".join, axis=1)
                first = {}
                for i, k in enumerate(key.to_numpy()):
                    first.setdefault(k, i)
                add(dup, None, "a unique combination of " + ", ".join(pk),
                    found=lambda i: "a duplicate key (" + ", ".join(f"{c}={_show(cols[c][i], 40)}" for c in kcols)
                    + f") already used in row {first[key.iat[i]] + 1}")

    # package row rules
    for rule in sch.get("swl:rules", []):
        kind = rule["rule"]
        if kind == "maximum-when":
            fld = rule["field"]
            cond = np.ones(n, dtype=bool)
            for k, v in rule["when"].items():
                if k in cols:
                    cond &= cols[k] == v
            if fld in parsed:
                over = cond & (parsed[fld].to_numpy() > rule["maximum"])  # False where empty (NaN)
                add(over, fld, f"a value of at most {rule['maximum']}"
                    + (" (a percent value lies between 0 and 100)" if rule["when"].get("unit") == "percent" else ""))
        elif kind == "value-or-code":
            v, c = rule["fields"]
            if v in cols and c in cols:
                ve = cols[v] == ""
                ce = cols[c] == ""
                add(ve & ce, v, f"a value, or a code in '{c}' saying why it is missing")
                add(~ve & ~ce, c, f"an empty '{c}' when '{v}' has a value",
                    found=lambda i, c=c, v=v: f"both {v}={_show(cols[v][i])} and {c}={_show(cols[c][i])}")
        elif kind == "start-before-end":
            a, b = rule["fields"]
            if a in parsed and b in parsed:
                add((parsed[a] > parsed[b]).to_numpy(), b, f"a date on or after {a}")  # False where either is NaT
        elif kind == "one-preferred" and not pk_dupes:  # a duplicate key is reported once, above
            fld = rule["field"]
            keycols = [c for c in rule["key"] if c in cols]
            if fld in cols and len(keycols) == len(rule["key"]):
                truths = _booleans(next(f for f in sch["fields"] if f["name"] == fld))[0]  # the rule's own field
                pref = pd.Series(np.isin(cols[fld], sorted(truths)))
                counts = pref.groupby([cols[c] for c in keycols]).transform("sum").to_numpy()
                add(counts != 1, fld,
                    "exactly one row with preferred=true for each measure, group, geography and period",
                    found=lambda i, counts=counts: f"{int(counts[i])} preferred rows for measure={_show(cols['measure'][i], 40)}, period={_show(cols['period'][i])}")
    return problems, total, parsed


# ----------------------------------------------------------------------------------------
# Reading
# ----------------------------------------------------------------------------------------
def _read_strings(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")  # every cell as written, "" if empty


def _typed(df: pd.DataFrame, sch: dict, parsed: dict[str, pd.Series]) -> pd.DataFrame:
    """A checked upload (strings, every schema field present) with typed columns: numbers, whole numbers (``Int64``
    where a cell is empty) and dates as :func:`_check_frame` read them (``parsed``), booleans true where the field spells true;
    text, and the columns outside the schema (``source``), as they are."""
    out = {}
    for f in sch["fields"]:
        name, t = f["name"], f.get("type")  # none given: "string", kept as text
        if t == "integer":
            num = parsed[name]
            out[name] = num.astype("Int64").array if num.isna().any() else num.to_numpy(dtype="int64")
        elif t in ("number", "date"):
            out[name] = parsed[name].to_numpy()
        elif t == "boolean":
            out[name] = df[name].isin(_booleans(f)[0]).to_numpy()
        else:
            out[name] = df[name].to_numpy()
    for c in df.columns:
        if c not in out:
            out[c] = df[c].to_numpy()
    return pd.DataFrame(out)


_LOAD_CACHE: dict[tuple[str, float], pd.DataFrame] = {}


def load(name: str, *, validate: bool = False) -> pd.DataFrame:
    """Load a bundled resource as a typed DataFrame (a fresh copy each call).

    ``validate=True`` also checks the resource against its schema (and its source
    references) and raises :class:`DataError` on the first file that breaks a rule. The
    bundled package is validated once by the tests and the build, so notebooks need not.
    """
    res = _resource(name)
    path = DATA_DIR / res["path"]
    if not path.exists():
        raise DataError(f"{res['path']}: found no such file in data/; expected the file named in datapackage.json\n"
                        f"How to fix: {MISSING_FILE_FIX}", file=res["path"])
    key = (name, path.stat().st_mtime)

    def check() -> None:  # raises DataError naming each problem (file, row, field)
        _validate_resource(res, DATA_DIR, _source_ids(DATA_DIR), raise_=True)

    if validate:
        check()
    hit = _LOAD_CACHE.get(key)
    if hit is None:
        try:
            hit = _read_typed(path, res["schema"])
        except (ValueError, TypeError):  # a cell the reader cannot convert (a file edited by hand): name it
            check()
            raise
        _LOAD_CACHE[key] = hit
    return hit.copy()


def _booleans(f: dict) -> tuple[set[str], set[str]]:
    """A boolean field's spellings of true and of false: its own ``trueValues`` and ``falseValues`` (Table Schema),
    or "true" and "false" where it declares none."""
    return set(f.get("trueValues", ["true"])), set(f.get("falseValues", ["false"]))


def _read_typed(path: Path, sch: dict) -> pd.DataFrame:
    """Read a bundled CSV straight into typed columns (the C parser converts the numbers)."""
    dtype, na, dates, bools = {}, {}, [], []
    for f in sch["fields"]:
        t = f.get("type")  # none given: "string", read as text
        if t == "number":
            dtype[f["name"]], na[f["name"]] = "float64", [""]
        elif t == "integer":
            dtype[f["name"]], na[f["name"]] = "Int64", [""]
        else:
            dtype[f["name"]] = str
            if t == "date":
                dates.append(f["name"])
            elif t == "boolean":
                bools.append(f)
    df = pd.read_csv(path, dtype=dtype, keep_default_na=False, na_values=na, encoding="utf-8")
    for c in df.columns:
        if dtype.get(c) == "Int64" and not df[c].isna().any():
            df[c] = df[c].astype("int64")
    for c in dates:
        df[c] = pd.to_datetime(df[c].where(df[c] != "", None), format="%Y-%m-%d")
    for f in bools:
        df[f["name"]] = df[f["name"]].isin(_booleans(f)[0])
    return df


def _source_ids(folder: Path) -> set[str]:
    s = _read_strings(folder / "sources.csv")
    return set(s["source_id"])


def _validate_resource(res: dict, folder: Path, source_ids: set[str] | None, *, raise_: bool,
                       ) -> tuple[list[_Problem], int, int]:
    """(problems (capped), total count, data rows) of one resource's CSV; raises on a problem if ``raise_``."""
    fname = res["path"]
    path = folder / fname
    if not path.exists():
        # (load() names a missing file itself before it asks for validation)
        return [_Problem(None, None, None, "no such file", "the file named in datapackage.json", MISSING_FILE_FIX)], 1, 0
    df = _read_strings(path)
    sch = res["schema"]
    names = [f["name"] for f in sch["fields"]]
    problems: list[_Problem] = []
    if list(df.columns) != names:
        missing = [c for c in names if c not in df.columns]
        extra = [c for c in df.columns if c not in names]
        problems.append(_Problem(None, 1, None, f"the header {list(df.columns)}",
                                 f"the columns {names} in that order"
                                 + (f" (missing: {', '.join(missing)})" if missing else "")
                                 + (f" (unknown: {', '.join(extra)})" if extra else ""), HEADER_FIX))
    p, t, _ = _check_frame(df, sch)
    total = len(problems) + t
    problems += p
    for fk in sch.get("foreignKeys", []):
        fld = fk["fields"] if isinstance(fk["fields"], str) else fk["fields"][0]
        if source_ids is not None and fld in df.columns:
            s = pd.Series(df[fld].to_numpy())
            bad = (s != "") & ~s.isin(source_ids)
            for i in bad[bad].index[:MAX_LISTED_PROBLEMS]:
                problems.append(_Problem(int(i) + 1, int(i) + 2, fld, _show(s.iat[i]), "a source_id listed in sources.csv"))
            total += int(bad.sum())
    if problems and raise_:
        _raise(fname, problems, total)
    return problems, total, len(df)


def validate_package(path: str | os.PathLike | None = None) -> dict[str, int]:
    """Validate a whole data package (default: the bundled one) against its own descriptor.

    Checks: licences on the package and every resource; each CSV's header; field types;
    required fields, enums, minimum/maximum, patterns, unique fields; primary keys; foreign
    keys (source references resolve); and the package's row rules (percentages at most 100,
    a value or a suppression code, one preferred row per key). Returns ``{resource: rows}``.
    Raises :class:`DataError` listing every problem found (file, row, field, found, expected).
    """
    desc_path = Path(path) if path else PACKAGE_PATH
    if desc_path.is_dir():
        desc_path = desc_path / "datapackage.json"
    folder = desc_path.parent
    desc = _descriptor(desc_path)
    messages: list[str] = []
    licence_problems: list[str] = []
    all_problems: list[dict] = []
    if not desc.get("licenses"):
        licence_problems.append("datapackage.json: found no package 'licenses'; expected at least one licence")
    ids = None
    if any(r["name"] == "sources" for r in desc["resources"]):
        ids = _source_ids(folder)
    counts = {}
    for res in desc["resources"]:
        if not res.get("licenses"):
            licence_problems.append(f"datapackage.json: resource '{res['name']}': found no 'licenses'; expected at "
                                    "least one licence")
        probs, total, rows = _validate_resource(res, folder, ids, raise_=False)
        if probs:
            try:
                _raise(res["path"], probs, total)
            except DataError as e:
                messages.append(str(e))
                all_problems += [dict(p, file=res["path"]) for p in e.problems]
        else:
            counts[res["name"]] = rows
    if licence_problems:
        messages = [*licence_problems, LICENCE_FIX, *messages]
    if messages:
        raise DataError("\n".join(messages), file=messages[0].split(":")[0], problems=all_problems)
    return counts


# ----------------------------------------------------------------------------------------
# Uploads
# ----------------------------------------------------------------------------------------
def _read_upload_bytes(content, filename: str | None) -> tuple[bytes, str]:
    if isinstance(content, (str, os.PathLike)):
        p = Path(content)
        name = filename or p.name
        size = p.stat().st_size
        if size > UPLOAD_LIMIT_BYTES:
            raise DataError(f"{name}: found a file of {size / 1048576:.1f} MB; expected at most 5 MB (the upload limit). The file was not read.", file=name)
        return p.read_bytes(), name
    if isinstance(content, memoryview):
        content = content.tobytes()
    if isinstance(content, (bytes, bytearray)):
        name = filename or "uploaded file"
        if len(content) > UPLOAD_LIMIT_BYTES:
            raise DataError(f"{name}: found a file of {len(content) / 1048576:.1f} MB; expected at most 5 MB (the upload limit). The file was not read.", file=name)
        return bytes(content), name
    raise DataError(f"{filename or 'upload'}: found a {type(content).__name__}; expected the file's bytes or a path", file=filename)


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith(b"PK\x03\x04"):
        raise DataError(f"{name}: found a spreadsheet workbook (.xlsx or another zip file); expected a CSV file "
                        f"(in Excel choose File > Save As > 'CSV UTF-8 (comma delimited)')", file=name)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataError(f"{name}: found UTF-16 text; expected UTF-8 (in Excel choose 'CSV UTF-8 (comma delimited)')", file=name)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode()  # UTF-8
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise DataError(
            f"{name}: line {line}: found the byte {raw[e.start:e.start + 1]!r}, which is not UTF-8 "
            f"(the file looks like another encoding, e.g. Windows-1252); expected UTF-8 text "
            f"(in Excel choose 'CSV UTF-8 (comma delimited)')", file=name,
            problems=[{"row": None, "line": line, "field": None, "found": "non-UTF-8 byte", "expected": "UTF-8"}]) from None


TEMPLATES = {  # resource -> the template CSV a lecturer can download and fill in (in data/templates/)
    "children_workforce_areas": "children_workforce_areas_template.csv",
    "children_workforce_ethnicity": "children_workforce_ethnicity_template.csv",
    "career_length": "figures_template.csv",
}


def template_path(resource: str) -> Path:
    """The bundled template CSV for ``resource`` (figure tables share one)."""
    name = TEMPLATES.get(resource, TEMPLATES["career_length"] if resource in FIGURE_RESOURCES else None)
    if name is None:
        raise DataError(f"found resource={resource!r}; expected one of: {', '.join(UPLOADABLE)}")
    return DATA_DIR / "templates" / name


def _upload_fix(resource: str) -> str:
    return (UPLOAD_FIX + f" If in doubt, download the template ({template_path(resource).name}) and copy your "
            "figures into it.")


def _from_dfe(layout, header, body, body_lines, name, resource, hline):
    """DfE's own layout -> the tidy table (strings) with a text source, and the notice to show."""
    from . import dfe

    if layout.resource != resource:
        where = {"children_workforce_areas": "the workforce pressures explorer",  # dfe.LAYOUTS: these two
                 "children_workforce_ethnicity": "the gender and diversity explorer"}[layout.resource]
        reads = (f"figures laid out as in its template ({template_path(resource).name})"
                 if resource in FIGURE_RESOURCES else resource)
        raise DataError(f"{name}: {dfe.describe(layout, reading=False)}\nThis explorer reads {reads}, not that file.\n"
                        f"How to fix: Upload it in {where} instead.", file=name)
    tidy, dprobs = dfe.to_tidy(layout, header, body, lines=body_lines)
    years = sorted({int(y) for y in tidy["time_period"] if str(y).isdigit()}) if len(tidy) else []
    notice = dfe.describe(layout, years)
    if dprobs:
        probs = [_Problem(p.row, p.line if p.row is not None else hline, p.field, p.found, p.expected, p.fix)
                 for p in dprobs]
        _raise(name, probs, notice=notice, default_fix=_upload_fix(resource))
    tidy["source"] = f"Department for Education, {layout.title.replace(chr(34), '')}: {name}"
    return tidy, notice


def validate_upload(content, resource: str = "children_workforce_areas", filename: str | None = None) -> pd.DataFrame:
    """Validate a lecturer's CSV; return it as a typed DataFrame in the shape of ``resource``.

    ``content`` is the file's bytes (``bytes``, ``bytearray`` or ``memoryview``, as an
    ipywidgets ``FileUpload`` gives them) or a path. ``filename`` names it in messages.

    Two shapes are accepted:

    * **DfE's files as downloaded** (for the area tables): the "Children's social work workforce" indicators file
      (``csww_indicators_*.csv``) for ``children_workforce_areas`` and the ethnicity-by-role file
      (``csww_workforce_role_by_ethnicity_*.csv``) for ``children_workforce_ethnicity``, whole or filtered to any
      rows and years, read by the same importer that builds ``data/`` (:mod:`swleadership.dfe`). DfE's in-cell
      symbols go into the suppression columns. ``df.attrs["notice"]`` says the file was recognised.
    * **The book's own tidy shape** (the template CSVs in ``data/templates/``). An area upload may carry any
      subset of the measure columns: ``df.attrs["missing_measures"]`` lists the ones it lacks.

    Rules (also on the book's "Data and sources" page): at most 5 MB, checked before
    parsing; UTF-8 (a byte-order mark is fine); commas between fields; a header and at least
    one data row, every row as long as the header; the resource's required columns, no
    unknown columns; every row names its source, either as a ``source_id`` that is in the
    book's ``sources.csv`` or as free text in a ``source`` column (not both); the same types
    and constraints as the bundled table (numbers are numbers, percentages 0-100, counts not
    negative, known status values, ISO periods, unique keys). Cells are kept as text, never
    evaluated. Nothing in ``data/`` is read for writing or changed. Raises :class:`DataError`
    whose message lists at most five problems, one per line, and ends with a "How to fix" line.
    """
    from . import dfe

    raw, name = _read_upload_bytes(content, filename)
    if resource not in UPLOADABLE:
        raise DataError(f"{name}: found resource={resource!r}; expected one of: {', '.join(UPLOADABLE)}", file=name)
    text = _decode(raw, name)
    template = template_path(resource).name
    if not text.strip():
        raise DataError(f"{name}: found an empty file; expected a header row and at least one data row\n"
                        f"How to fix: Upload the CSV that holds your figures, or fill in the template ({template}).",
                        file=name)
    sch = schema(resource)
    fields = {f["name"]: f for f in sch["fields"]}
    fix = _upload_fix(resource)

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[list[str]] = []
    lines: list[int] = []
    try:
        prev = 0
        for rec in reader:
            start = prev + 1
            prev = reader.line_num
            if not rec or all(c.strip() == "" for c in rec):
                continue
            records.append(rec)
            lines.append(start)
    except csv.Error as e:
        raise DataError(f"{name}: line {reader.line_num}: found malformed CSV ({e}); expected comma-separated fields "
                        "with matched double quotes\nHow to fix: Close the quote that opens on or before that line, "
                        "or save the file again from your spreadsheet as 'CSV UTF-8 (comma delimited)'.",
                        file=name) from None
    header = [h.strip() for h in records[0]]
    hline = lines[0]
    body, body_lines = records[1:], lines[1:]

    if len(header) == 1:  # every uploadable table has several columns
        for delim, label in ((";", "semicolons"), ("\t", "tabs"), ("|", "vertical bars")):
            if delim in header[0]:
                raise DataError(f"{name}: line {hline}: found fields separated by {label}; expected commas "
                                f"(save as 'CSV UTF-8 (comma delimited)')", file=name,
                                problems=[{"row": None, "line": hline, "field": None, "found": label, "expected": "commas"}])
    if not body:
        raise DataError(f"{name}: found a header but no data rows; expected at least one data row under the header\n"
                        f"How to fix: Add a row for each figure under the header, as in the template ({template}).",
                        file=name)

    probs: list[_Problem] = []
    dups = sorted({h for h in header if header.count(h) > 1})
    if dups:
        probs.append(_Problem(None, hline, dups[0], "a column name used twice", "each column once"))
    for i, rec in enumerate(body):
        if len(rec) != len(header):
            probs.append(_Problem(i + 1, body_lines[i], None, f"{len(rec)} fields", f"{len(header)} fields, one per column in the header (a ragged row)"))
    if probs:
        _raise(name, probs, default_fix=fix)

    is_figure = resource in FIGURE_RESOURCES
    notice = ""
    layout = dfe.detect(header)  # DfE's own file, in this explorer or (named in the message) in another
    if layout is not None:
        df, notice = _from_dfe(layout, header, body, body_lines, name, resource, hline)
        header = list(df.columns)
    else:
        df = None

    # columns
    has_fk = "source_id" in fields
    defaults = {"period_label", "year", "preferred"} if is_figure else {"period_end"}
    expected_cols = list(fields) + ["source"]
    unknown = [h for h in header if h not in fields and h not in ("source", "source_id")]
    required = [n for n, f in fields.items() if f.get("constraints", {}).get("required") and n not in defaults and n != "source_id"]
    missing = [n for n in required if n not in header]
    col_fix = "Rename or remove the columns named above so that the header uses only the expected columns."
    cprobs = [_Problem(None, hline, m, "no such column", f"a '{m}' column (required in {resource})", col_fix) for m in missing]
    cprobs += [_Problem(None, hline, h, "an unknown column", f"one of the columns of {resource}", col_fix) for h in unknown]
    if "source" in header and "source_id" in header:
        cprobs.append(_Problem(None, hline, "source", "both 'source' and 'source_id'", "one of them: 'source_id' (ids from sources.csv) or 'source' (free text)",
                               "Keep one of the two columns."))
    elif "source" not in header and "source_id" not in header:
        cprobs.append(_Problem(None, hline, "source_id", "no source column", "a 'source_id' column (ids from sources.csv) or a 'source' column naming where the figures come from",
                               "Add a 'source' column that says where the figures come from, for example "
                               "'Anytown Council workforce report 2024, table 3'."))
    absent: list[str] = []
    if resource == "children_workforce_areas":
        absent = [m for m in dfe.AREA_MEASURES if m not in header]
        if len(absent) == len(dfe.AREA_MEASURES):
            cprobs.append(_Problem(None, hline, None, "none of the measure columns",
                                   "at least one of " + ", ".join(dfe.AREA_MEASURES),
                                   "Add a column for each measure you have figures for; leave out the others."))
    if cprobs:
        _raise(name, cprobs, expected_columns=expected_cols if (unknown or missing) else None, default_fix=fix)

    if df is None:
        df = pd.DataFrame(body, columns=header, dtype=str).apply(lambda s: s.str.strip())
    if absent:  # an area upload may carry any subset of the measures: check and return only those it has
        # (a measure's value-or-code rule checks nothing once its two columns are gone)
        gone = set(absent) | {f"{m}_suppression" for m in absent}
        sch = {**sch, "fields": [f for f in sch["fields"] if f["name"] not in gone]}
        fields = {f["name"]: f for f in sch["fields"]}
    skip = set()  # fields whose empty cells are not reported (made here, or reported under another field)
    if is_figure:
        if "period_label" not in df.columns:  # "period" is there: a required column
            df["period_label"] = df["period"]
        if "year" not in df.columns:
            df["year"] = df["period"].str.extract(r"(\d{4})(?:-\d{2}(?:-\d{2})?)?$")[0].fillna("")
            skip.add("year")
        if "preferred" not in df.columns:
            df["preferred"] = min(_booleans(fields["preferred"])[0])  # the field's own spelling of true
    elif "period_end" in fields and "period_end" not in df.columns:
        # DfE's reference date, 30 September of the reporting year; a bad year is reported once, under time_period
        df["period_end"] = df["time_period"].map(lambda y: f"{y}-09-30" if re.fullmatch(r"\d{4}", y) else "")
        skip.add("period_end")
    key_sub = None
    uses_text_source = "source" in df.columns
    if uses_text_source:
        if has_fk:
            df["source_id"] = ""
            skip.add("source_id")
            key_sub = {"source_id": "source"}
    for n in fields:
        if n not in df.columns:
            df[n] = ""
    problems, total, parsed = _check_frame(df, sch, lines=body_lines, skip_required=skip, key_substitute=key_sub)
    s_problems = []
    if uses_text_source:
        empty = pd.Series((df["source"] == "").to_numpy())
        for i in empty[empty].index:
            s_problems.append(_Problem(int(i) + 1, body_lines[i], "source", "an empty cell", "text naming the source of this row's figures"))
    else:
        ids = _source_ids(DATA_DIR)
        s = pd.Series(df["source_id"].to_numpy())
        for i in s[(s != "") & ~s.isin(ids)].index:
            s_problems.append(_Problem(int(i) + 1, body_lines[i], "source_id", _show(s.iat[i]),
                                       "a source_id listed in the book's sources.csv, or use a 'source' column of free text instead"))
        if not has_fk:
            for i in s[s == ""].index:
                s_problems.append(_Problem(int(i) + 1, body_lines[i], "source_id", "an empty cell", "a source_id listed in the book's sources.csv"))
    problems += s_problems
    total += len(s_problems)
    if problems:
        problems.sort(key=lambda p: p.row)  # every problem here is in a row
        _raise(name, problems, total, notice=notice, default_fix=fix)
    ordered = list(fields) + (["source"] if uses_text_source else [])
    if "source_id" in df.columns and "source_id" not in ordered:
        ordered.append("source_id")
    out = _typed(df[ordered], sch, parsed)
    out.attrs["notice"] = notice
    out.attrs["missing_measures"] = absent
    return out


# ----------------------------------------------------------------------------------------
# Writing CSVs safely
# ----------------------------------------------------------------------------------------
def _escape_cell(v):
    if isinstance(v, str) and v.startswith(FORMULA_START):
        return "'" + v
    return v


def to_safe_csv(df: pd.DataFrame, path: str | os.PathLike | None = None) -> str:
    """CSV text of ``df`` with formula-like text cells (starting =, +, -, @, tab or CR)
    prefixed with ``'`` so that spreadsheet programs show them as text and never run them.
    Numbers are written as numbers. Rows end in ``\n``; a cell holding a line break (CR or LF) is quoted, so
    it stays one cell. If ``path`` is given the text is also written there (never
    inside the bundled ``data/`` folder). Use this for every CSV the book writes out."""
    safe = df.copy()
    for c in safe.columns:
        if safe[c].dtype == object or pd.api.types.is_string_dtype(safe[c]):
            safe[c] = safe[c].map(_escape_cell)
    # "\r\n" as the writer's line end makes it quote every cell holding a CR or LF (a bare CR left unquoted would
    # start a new row in a spreadsheet, out of reach of the escape); then each row ends in "\n": outside quotes
    # (even-numbered pieces between double quotes) the only CR LF are row ends
    text = safe.to_csv(index=False, lineterminator="\r\n")
    text = '"'.join(part.replace("\r\n", "\n") if i % 2 == 0 else part for i, part in enumerate(text.split('"')))
    if path is not None:
        target = Path(path).resolve()
        if DATA_DIR.resolve() in target.parents:
            raise DataError(f"{target.name}: found a request to write inside data/; expected a path outside the bundled data", file=target.name)
        target.write_bytes(text.encode())  # UTF-8, rows ending in "\n" as returned, on Windows too
    return text


# ----------------------------------------------------------------------------------------
# Helpers for explorers and the data page
# ----------------------------------------------------------------------------------------
def geography_notes() -> pd.DataFrame:
    """Notes on overlapping and reorganised areas (London/Inner/Outer London,
    Northamptonshire, Cumbria, Bournemouth/Poole/Christchurch, code changes, small areas)."""
    return load("geography_notes")


def notes_for_area(area_code: str) -> list[str]:
    """Descriptions of the geography notes that apply to an area code."""
    g = geography_notes()
    hits = g[g["area_codes"].str.split(";").map(lambda codes: area_code in codes)]
    return list(hits["description"])


_INDICATORS_LOCATOR = r"csww_indicators_[^;]*\.csv; geographic_level=National; "


def indicators_source_id() -> str:
    """The ``source_id`` of the DfE indicators release that the national series and the area table come from.

    It is read from the data (the national rows whose locator names a ``csww_indicators_*.csv`` file), so code and
    facts follow a new release brought in with ``make data-update`` without naming it."""
    df = load("children_workforce")
    ids = df.loc[df["locator"].str.match(_INDICATORS_LOCATOR), "source_id"].unique()
    if len(ids) != 1:
        raise DataError(f"children_workforce.csv: found {len(ids)} DfE indicators releases in the national series; "
                        "expected exactly one", file="children_workforce.csv")
    return str(ids[0])


def indicators_years() -> tuple[int, int]:
    """(first, latest) reporting year of the DfE indicators in the area table."""
    y = load("children_workforce_areas")["time_period"]
    return int(y.min()), int(y.max())


def source(source_id: str) -> dict:
    """One row of ``sources`` as a dict."""
    s = load("sources")
    row = s[s["source_id"] == source_id]
    if row.empty:
        raise DataError(f"sources.csv: found no source_id {source_id!r}; expected one of the ids in sources.csv", file="sources.csv")
    return row.iloc[0].to_dict()


def bench_data(repeats: int = 7) -> dict[str, float]:
    """Median seconds, over ``repeats`` runs (7 by default), for ``validate_package()`` and for a cold ``load()``
    (the cache emptied first) of a typical resource (``children_workforce``) and of the largest
    (``children_workforce_ethnicity``)."""
    def timed(fn) -> float:
        runs = []
        for _ in range(repeats):
            _LOAD_CACHE.clear()
            t0 = time.perf_counter()
            fn()
            runs.append(time.perf_counter() - t0)
        return statistics.median(runs)

    return {
        "validate_package": timed(validate_package),
        "load_typical": timed(lambda: load("children_workforce")),
        "load_largest": timed(lambda: load("children_workforce_ethnicity")),
    }


if __name__ == "__main__":  # pragma: no cover
    r = bench_data()
    print("validate_package(): {:.3f} s; load('children_workforce'): {:.1f} ms; load('children_workforce_ethnicity'): {:.1f} ms".format(
        r["validate_package"], 1000 * r["load_typical"], 1000 * r["load_largest"]))
