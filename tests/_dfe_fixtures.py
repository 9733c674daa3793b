"""DfE-layout files made in the tests from the bundled data (no copy of DfE's files is kept in the repository).

``indicators_csv()`` writes the bundled area table back into DfE's wide ``csww_indicators`` layout, with the
national series' other columns filled from ``children_workforce.csv`` (their locators name DfE's columns); the
columns the book does not keep are DfE's "x" (not available) elsewhere. ``ethnicity_csv()`` does the same for the
ethnicity-by-role table.
"""

from __future__ import annotations

import csv
import io
import re

import pandas as pd

from swleadership import dfe
from swleadership.data import DATA_DIR

#: DfE's header for csww_indicators_2017_to_2025.csv, in DfE's order.
INDICATORS_HEADER = [
    "time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code",
    "region_name", "old_la_code", "new_la_code", "la_name", "inpost_fte", "inpost_headcount", "starters_fte",
    "starters_headcount", "leavers_fte", "leavers_headcount", "turnover_rate_fte", "turnover_rate_headcount",
    "agency_fte", "agency_headcount", "agency_rate_fte", "agency_rate_headcount", "agency_cover_fte",
    "agency_cover_rate_fte", "vacancy_fte", "vacancy_rate_fte", "vacancy_agency_cover_rate_fte", "case_holders_fte",
    "cases", "caseload_fte", "working_days_lost_fte", "absence_rate_fte",
]
ETHNICITY_HEADER = [
    "time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code",
    "region_name", "old_la_code", "new_la_code", "la_name", "OrgRole", "known_headcount", "white", "mixed", "asian",
    "black", "other", "white_perc", "mixed_perc", "asian_perc", "black_perc", "other_perc",
]
_LOC = re.compile(r"time_period=(\d{4}); column (\w+)$")


def _strings(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA_DIR / f"{name}.csv", dtype=str, keep_default_na=False)


def national_cells() -> dict[tuple[int, str], str]:
    """(year, DfE column) -> the cell of DfE's National row, from the national series' locators."""
    nat = _strings("children_workforce")
    out = {}
    for loc, v, code in zip(nat["locator"], nat["value"], nat["suppression"], strict=True):
        m = _LOC.search(loc)
        if m and loc.startswith("csww_indicators"):
            out[(int(m[1]), m[2])] = v or code
    return out


def indicators_rows(areas: list[str] | None = None, years: list[int] | None = None) -> list[dict[str, str]]:
    """DfE-layout rows for the given area names (None: every area, national and regional rows included)."""
    a = _strings("children_workforce_areas")
    if areas is not None:
        a = a[a["area_name"].isin(areas)]
    if years is not None:
        a = a[a["time_period"].astype(int).isin(years)]
    nat = national_cells()
    rows = []
    for r in a.to_dict("records"):
        level, year = r["geographic_level"], int(r["time_period"])
        row = {c: "x" for c in INDICATORS_HEADER}
        row.update(time_period=r["time_period"], time_identifier="Reporting year", geographic_level=level,
                   country_code="E92000001", country_name="England", region_code="", region_name="",
                   old_la_code="", new_la_code="", la_name="")
        if level == "Regional":
            row.update(region_code=r["area_code"], region_name=r["area_name"])
        elif level == "Local authority":
            row.update(region_code=r["region_code"], region_name=r["region_name"], old_la_code=r["old_la_code"],
                       new_la_code=r["area_code"], la_name=r["area_name"])
        if level == "National":
            for (y, col), cell in nat.items():
                if y == year:
                    row[col] = cell
        for m in dfe.AREA_MEASURES:
            row[m] = r[m] or r[f"{m}_suppression"]
        rows.append(row)
    return rows


def to_csv(header: list[str], rows: list[dict[str, str]], *, excel: bool = False) -> bytes:
    """CSV bytes; ``excel=True`` as Excel's "CSV UTF-8" saves them (byte-order mark, CRLF line ends)."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=header, lineterminator="\r\n" if excel else "\n", extrasaction="ignore")
    w.writeheader()
    w.writerows(rows)
    return (b"\xef\xbb\xbf" if excel else b"") + buf.getvalue().encode("utf-8")


def indicators_csv(areas: list[str] | None = None, years: list[int] | None = None, *, excel: bool = False) -> bytes:
    return to_csv(INDICATORS_HEADER, indicators_rows(areas, years), excel=excel)


def ethnicity_rows(areas: list[str] | None = None) -> list[dict[str, str]]:
    e = _strings("children_workforce_ethnicity")
    if areas is not None:
        e = e[e["area_name"].isin(areas)]
    rows = []
    for r in e.to_dict("records"):
        level = r["geographic_level"]
        row = {c: "x" for c in ETHNICITY_HEADER}
        row.update(time_period=r["time_period"], time_identifier="Reporting year", geographic_level=level,
                   country_code="E92000001", country_name="England", region_code="", region_name=r["region_name"],
                   old_la_code="", new_la_code="", la_name="", OrgRole=r["role"],
                   known_headcount=r["known_headcount"] or r["known_headcount_suppression"])
        if level == "Regional":
            row.update(region_code=r["area_code"], region_name=r["area_name"])
        elif level == "Local authority":
            row.update(new_la_code=r["area_code"], la_name=r["area_name"])
        for col, (src, _) in dfe.ETHNIC_SHARES.items():
            row[src] = r[col] or r["shares_suppression"]
        rows.append(row)
    return rows


def ethnicity_csv(areas: list[str] | None = None, *, excel: bool = False) -> bytes:
    return to_csv(ETHNICITY_HEADER, ethnicity_rows(areas), excel=excel)
