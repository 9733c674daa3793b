"""Bring a new DfE release of the children's social work workforce indicators into ``data/``.

``make data-update FILE=csww_indicators_2017_to_2026.csv RELEASE="Children's social work workforce, reporting year
2026"`` runs :func:`main`, which:

1. reads the file with the importer that built ``data/`` (:mod:`swleadership.dfe`), requiring every column the book
   uses, so a release that drops or renames a column stops here with a message naming it;
2. rebuilds the area table (``children_workforce_areas.csv``) and the national series in
   ``children_workforce.csv`` (every row read from the indicators file, found by its locator) from it;
3. records the release in ``sources.csv`` and points the national rows at it;
4. checks the whole new package with :func:`swleadership.data.validate_package` in a scratch folder, and only then
   replaces the files in ``data/``: if anything fails, nothing in ``data/`` changes;
5. prints what changed: new years, and every revised earlier value as old -> new (DfE revises past years in each
   release).

The book's glued figures ("latest year", latest values) read the data, so they follow the new release with no
edit to the prose.

Example::

    python -m swleadership.data_update csww_indicators_2017_to_2026.csv \\
        "Children's social work workforce, reporting year 2026"
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import dfe
from .data import DATA_DIR, DataError, validate_package

AREAS = "children_workforce_areas"
NATIONAL = "children_workforce"
_LOCATOR = re.compile(r"^(?P<file>csww_indicators_[^;]*\.csv); geographic_level=National; time_period=(?P<year>\d{4}); "
                      r"column (?P<column>\w+)$")


@dataclass
class Change:
    table: str
    what: str
    year: int
    old: str
    new: str

    def text(self) -> str:
        return f"  {self.table}: {self.what}, {self.year}: {self.old} -> {self.new}"


def _current_release(nat: pd.DataFrame) -> str:
    """The ``source_id`` of the indicators release that the national series in ``nat`` is read from."""
    ids = nat.loc[nat["locator"].str.match(_LOCATOR.pattern), "source_id"].unique()
    if len(ids) != 1:
        _fail(f"{NATIONAL}.csv: found {len(ids)} indicators releases in the national series; expected one")
    return str(ids[0])


def _fail(message: str) -> None:
    raise DataError(message + "\nNothing in data/ was changed.")


def _read_release(path: Path) -> tuple[pd.DataFrame, dict[str, dict[int, str]], list[str]]:
    """(tidy area table, national values column -> {year: cell}, DfE header) of a release file."""
    name = path.name
    if not path.is_file():
        _fail(f"{name}: no such file. Give the path of DfE's csww_indicators_*.csv as FILE=...")
    with open(path, encoding="utf-8-sig", newline="") as fh:
        records = [r for r in csv.reader(fh) if any(c.strip() for c in r)]
    if not records:
        _fail(f"{name}: found an empty file; expected DfE's indicators file")
    header = [h.strip() for h in records[0]]
    if dfe.detect(header) is not dfe.INDICATORS:
        missing = [c for c in dfe.INDICATORS.required(all_measures=True) if c not in header]
        _fail(f"{name}: this is not DfE's indicators file in the layout the book knows: no "
              + ", ".join(f"'{c}'" for c in missing[:5]) + " column.\n"
              "How to fix: give the csww_indicators_*.csv file as DfE publishes it. If DfE has renamed a column, "
              "add the new name to swleadership/dfe.py (AREA_MEASURES) and to the tests.")
    tidy, problems = dfe.read_file(path, dfe.INDICATORS, all_measures=True)
    if problems:
        lines = [f"{name}: {len(problems)} problem{'s' if len(problems) != 1 else ''}"]
        for p in problems[:5]:
            where = f"row {p.row} (line {p.line}), " if p.row else ""
            lines.append(f"  {where}field '{p.field}': found {p.found}; expected {p.expected}")
        if len(problems) > 5:
            lines.append(f"  and {len(problems) - 5} more")
        lines.append("How to fix: " + " ".join(dict.fromkeys(p.fix for p in problems[:5] if p.fix)))
        _fail("\n".join(lines))
    dups = tidy.duplicated(["time_period", "area_code"], keep=False)
    if dups.any():
        r = tidy[dups].iloc[0]
        _fail(f"{name}: found area {r['area_code']} ({r['area_name']}) twice in {r['time_period']}; expected one row "
              "per area and year.\nHow to fix: give the file as DfE publishes it, without repeated rows.")
    nat = [dict(zip(header, rec, strict=False)) for rec in records[1:]]
    nat = [r for r in nat if r.get("geographic_level") == "National"]
    if not nat:
        _fail(f"{name}: found no National rows; expected DfE's whole file (England, regions and local authorities).\n"
              "How to fix: download the whole csww_indicators file, not a filtered one.")
    values: dict[str, dict[int, str]] = {}
    for r in nat:
        for col, cell in r.items():
            values.setdefault(col, {})[int(r["time_period"])] = cell.strip()
    return tidy, values, header


def _national_rows(current: pd.DataFrame, old_id: str, new_id: str, values: dict[str, dict[int, str]],
                   file_name: str) -> tuple[pd.DataFrame, list[str]]:
    """The national series rebuilt from the release: one row per (measure read from the file, year)."""
    mine = current["source_id"] == old_id
    templates: dict[str, pd.Series] = {}
    for _, r in current[mine].iterrows():
        m = _LOCATOR.match(r["locator"])
        if m:
            templates[m["column"]] = r  # the last year's row is the template for the measure
    missing = [c for c in templates if c not in values]
    if missing:
        return pd.DataFrame(), missing
    rows = []
    for col, t in templates.items():
        interval = "/" in t["period"]
        for year, cell in sorted(values[col].items()):
            got = dfe.split_cell(cell)
            if got is None or got == ("", ""):
                raise DataError(f"{file_name}: National row for {year}, field '{col}': found {cell!r}; expected a "
                                "number or one of DfE's symbols\nNothing in data/ was changed.")
            value, code = got
            start = f"{year - 1}-10-01" if interval else f"{year}-09-30"
            end = f"{year}-09-30"
            rows.append({**t.to_dict(),
                         "period": f"{start}/{end}" if interval else end,
                         "period_label": re.sub(r"\d{4}$", str(year), t["period_label"]),
                         "year": str(year), "period_start": start, "period_end": end,
                         "value": value, "suppression": code, "source_id": new_id,
                         "locator": f"{file_name}; geographic_level=National; time_period={year}; column {col}"})
    return pd.DataFrame(rows, columns=current.columns, dtype=str), []


def _compare(old: pd.DataFrame, new: pd.DataFrame, keys: list[str], cols: list[str], table: str,
             label) -> list[Change]:
    o = old.set_index(keys)
    n = new.set_index(keys)
    both = o.index.intersection(n.index)
    changes = []
    for k in both:
        for c in cols:
            a, b = str(o.at[k, c]), str(n.at[k, c])
            if a != b and not (_num(a) is not None and _num(a) == _num(b)):
                changes.append(Change(table, label(k, c), int(k[keys.index("time_period") if "time_period" in keys
                                                                else keys.index("year")]), a or "(empty)", b or "(empty)"))
    return changes


def _num(s: str) -> float | None:
    try:
        return float(s)
    except ValueError:
        return None


def _source_id_for(release: str, years: list[int], taken: set[str]) -> str:
    base = f"dfe{max(years) + 1}cswwindicators"
    sid, n = base, 1
    while sid in taken:
        n += 1
        sid = f"{base}{chr(ord('a') + n - 1)}"
    return sid


def update(file: Path, release: str, data_dir: Path = DATA_DIR, *, out=print) -> list[str]:
    """Bring ``file`` (a DfE indicators release) into ``data_dir``. Returns the report's lines (also printed)."""
    file, data_dir = Path(file), Path(data_dir)
    if not release.strip():
        _fail('RELEASE is empty. Give the release\'s title, e.g. RELEASE="Children\'s social work workforce, '
              'reporting year 2026".')
    tidy, values, _ = _read_release(file)
    read = lambda name: pd.read_csv(data_dir / f"{name}.csv", dtype=str, keep_default_na=False)  # noqa: E731
    old_areas, old_nat, sources = read(AREAS), read(NATIONAL), read("sources")
    old_id = _current_release(old_nat)
    years = sorted(int(y) for y in tidy["time_period"].unique())
    new_id = _source_id_for(release, years, set(sources["source_id"]))

    nat_new, missing = _national_rows(old_nat, old_id, new_id, values, file.name)
    if missing:
        _fail(f"{file.name}: found no column " + ", ".join(f"'{c}'" for c in missing) + "; the book's national series "
              "reads it from every release.\nHow to fix: if DfE renamed the column, add the new name to "
              "swleadership/dfe.py and to the locators in children_workforce.csv; otherwise use the whole file.")
    areas_cols = list(old_areas.columns)
    tidy = tidy.astype(str)
    new_areas = tidy.reindex(columns=areas_cols, fill_value="")
    kept = old_nat[old_nat["source_id"] != old_id]
    new_nat = pd.concat([kept, nat_new], ignore_index=True)

    old_row = sources[sources["source_id"] == old_id].iloc[0].to_dict()
    src_row = {**old_row, "source_id": new_id,
               "title": f"{release.strip()}: underlying data file {file.name}",
               "date": dt.date.today().isoformat(),
               "note": f"Brought in with make data-update from {file.name}; it replaces {old_id} for the area table and "
                       "the national series (later releases revise earlier years)."}
    new_sources = pd.concat([sources, pd.DataFrame([src_row], columns=sources.columns)], ignore_index=True)

    report = [f"{file.name}: DfE indicators for {years[0]} to {years[-1]}, {len(tidy)} area rows; recorded as "
              f"source {new_id!r} (\"{release.strip()}\")."]
    old_years = sorted({int(y) for y in old_areas["time_period"]})
    added = [y for y in years if y not in old_years]
    dropped = [y for y in old_years if y not in years]
    report.append("New years: " + (", ".join(map(str, added)) if added else "none") + ".")
    if dropped:
        report.append("Years no longer in the release (removed from the area table): " + ", ".join(map(str, dropped)) + ".")
    measures = [c for c in areas_cols if c in dfe.AREA_MEASURES or c.endswith("_suppression")]
    changes = _compare(old_areas, new_areas, ["time_period", "area_code"], measures, AREAS,
                       lambda k, c: f"{c} for {k[1]}")
    okeys = ["measure", "group", "geography", "period"]
    on = old_nat[old_nat["source_id"] == old_id]
    changes += _compare(on, nat_new, okeys + ["year"], ["value", "suppression"], NATIONAL,
                        lambda k, c: f"{k[0]} ({c})")
    report.append(f"Revised values: {len(changes)}" + (":" if changes else "."))
    report += [c.text() for c in changes[:200]]
    if len(changes) > 200:
        report.append(f"  and {len(changes) - 200} more")

    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "data"
        shutil.copytree(data_dir, scratch)
        _write(new_areas, scratch / f"{AREAS}.csv")
        _write(new_nat, scratch / f"{NATIONAL}.csv")
        _write(new_sources, scratch / "sources.csv")
        _describe_release(scratch / "datapackage.json", new_id, src_row, years)
        try:
            validate_package(scratch / "datapackage.json")
        except DataError as exc:
            _fail(f"The updated package would not pass the book's checks:\n{exc}")
        for name in (f"{AREAS}.csv", f"{NATIONAL}.csv", "sources.csv", "datapackage.json"):
            shutil.copyfile(scratch / name, data_dir / name)
    for line in report:
        out(line)
    return report


def _describe_release(package: Path, new_id: str, src: dict, years: list[int]) -> None:
    """Point the area table's metadata at the new release, and its year span at the new years."""
    desc = json.loads(package.read_text(encoding="utf-8"))
    span = f"{years[0]}-{years[-1]}"
    for res in desc["resources"]:
        if res["name"] == AREAS:
            res["schema"]["swl:source"] = new_id
            res["sources"] = [{"title": src["title"], "path": src["url"]}]
            res["title"] = re.sub(r"\d{4}-\d{4}", span, res["title"])
        if res["name"] in (AREAS, NATIONAL):
            res["description"] = re.sub(r"\b2017-\d{4} \(\d{4} release", f"{span} ({years[-1]} release",
                                        res["description"])
    package.write_text(json.dumps(desc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _write(df: pd.DataFrame, path: Path) -> None:
    df.to_csv(path, index=False, lineterminator="\n")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Bring a new DfE release of the csww indicators file into data/.")
    p.add_argument("file", type=Path, help="DfE's csww_indicators_*.csv as downloaded")
    p.add_argument("release", help='the release\'s title, e.g. "Children\'s social work workforce, reporting year 2026"')
    p.add_argument("--data", type=Path, default=DATA_DIR, help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    try:
        update(a.file, a.release, a.data)
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
