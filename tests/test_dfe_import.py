"""DfE's files as downloaded: the importer, the upload, the messages and ``make data-update``.

Every DfE-layout file here is made from the bundled data (tests/_dfe_fixtures.py): the importer must give back
exactly the rows that ``data/`` holds, symbols included.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from swleadership import data as sd
from swleadership import dfe
from swleadership.data import DataError, validate_upload
from swleadership.data_update import update

from . import _dfe_fixtures as fx
from ._live import upload

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FEW = ["Birmingham", "Cumbria", "Kingston upon Thames / Richmond upon Thames", "Isles of Scilly"]


def _hash(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def data_unchanged():
    before = _hash(DATA)
    yield
    assert _hash(DATA) == before, "a failed or successful upload changed data/"


def _bundled(areas: list[str]) -> pd.DataFrame:
    a = sd.load("children_workforce_areas")
    return a[a["area_name"].isin(areas)].sort_values(["time_period", "area_code"]).reset_index(drop=True)


# ------------------------------------------------------------------------------------------ the importer
def test_importer_rebuilds_the_bundled_area_table_exactly():
    rows = fx.indicators_rows()
    header = fx.INDICATORS_HEADER
    tidy, problems = dfe.to_tidy(dfe.INDICATORS, header, [[r[c] for c in header] for r in rows], all_measures=True)
    assert problems == []
    bundled = pd.read_csv(DATA / "children_workforce_areas.csv", dtype=str, keep_default_na=False)
    tidy = tidy[list(bundled.columns)].sort_values(["time_period", "area_code"]).reset_index(drop=True)
    bundled = bundled.sort_values(["time_period", "area_code"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(tidy, bundled)


def test_one_importer_serves_build_upload_and_update():
    """The mapping from DfE's columns lives in swleadership/dfe.py alone."""
    for mod in ("data.py", "_build_data.py", "data_update.py"):
        text = (ROOT / "swleadership" / mod).read_text(encoding="utf-8")
        for dfe_only in ('"la_name"', '"new_la_code"', '"OrgRole"', '"white_perc"', '"low": "'):
            assert dfe_only not in text, f"{mod} keeps its own copy of DfE's layout ({dfe_only})"
    build = (ROOT / "swleadership" / "_build_data.py").read_text(encoding="utf-8")
    assert "dfe.read_file" in build


@pytest.mark.parametrize("excel", [False, True], ids=["as-downloaded", "saved-from-excel"])
def test_dfe_indicators_file_accepted_as_downloaded(excel, data_unchanged):
    df = validate_upload(fx.indicators_csv(FEW, excel=excel), "children_workforce_areas",
                         "csww_indicators_2017_to_2025.csv")
    assert df.attrs["notice"].startswith("This looks like DfE's")
    assert "for 2017 to 2025; reading it as such." in df.attrs["notice"]
    assert df.attrs["missing_measures"] == []
    got = df.sort_values(["time_period", "area_code"]).reset_index(drop=True)
    want = _bundled(FEW)
    for m in dfe.AREA_MEASURES:
        np.testing.assert_array_equal(got[m].to_numpy(), want[m].to_numpy())
        assert list(got[f"{m}_suppression"]) == list(want[f"{m}_suppression"])
    assert list(got["area_name"]) == list(want["area_name"])


def test_dfe_symbol_becomes_a_suppression_code_not_a_zero():
    df = validate_upload(fx.indicators_csv(["Birmingham"], [2024]), "children_workforce_areas", "b.csv")
    row = df.iloc[0]
    assert np.isnan(row["caseload_fte"]) and row["caseload_fte_suppression"] == "u"
    assert row["turnover_rate_fte"] == pytest.approx(12.9)


def test_filtered_to_any_years():
    df = validate_upload(fx.indicators_csv(["Birmingham"], [2019, 2020]), "children_workforce_areas", "b.csv")
    assert sorted(df["time_period"]) == [2019, 2020]
    assert "for 2019 to 2020" in df.attrs["notice"]


def test_old_la_code_stands_in_when_new_code_is_missing():
    rows = fx.indicators_rows(["Birmingham"], [2023])
    rows[0]["new_la_code"] = ""
    df = validate_upload(fx.to_csv(fx.INDICATORS_HEADER, rows), "children_workforce_areas", "b.csv")
    assert df.iloc[0]["area_code"] == "330" and df.iloc[0]["old_la_code"] == "330"


def test_ethnicity_file_accepted_as_downloaded(data_unchanged):
    df = validate_upload(fx.ethnicity_csv(["Birmingham"], excel=True), "children_workforce_ethnicity",
                         "csww_workforce_role_by_ethnicity_2019_to_2022.csv")
    assert "ethnicity-by-role file" in df.attrs["notice"]
    e = sd.load("children_workforce_ethnicity")
    e = e[e["area_name"] == "Birmingham"]
    assert len(df) == len(e)
    m = df.merge(e, on=["time_period", "role"], suffixes=("", "_b"))
    np.testing.assert_allclose(m["black_pct"].astype(float), m["black_pct_b"].astype(float), equal_nan=True)
    assert list(m["shares_suppression"]) == list(m["shares_suppression_b"])


# ------------------------------------------------------------------------------------------ tidy subsets
def test_tidy_shape_with_some_measures(data_unchanged):
    a = _bundled(["Birmingham"])
    cols = ["time_period", "geographic_level", "area_code", "area_name"]
    for m in ("inpost_fte", "turnover_rate_fte", "vacancy_rate_fte", "agency_rate_fte", "caseload_fte"):
        cols += [m, f"{m}_suppression"]
    t = a[cols].copy()
    t["source"] = "DfE csww indicators, Birmingham rows"
    df = validate_upload(t.to_csv(index=False).encode(), "children_workforce_areas", "five.csv")
    assert df.attrs["missing_measures"] == ["starters_fte", "leavers_fte", "absence_rate_fte"]
    assert "starters_fte" not in df.columns
    assert df["caseload_fte_suppression"].tolist().count("u") == 1


def test_templates_validate_and_hold_real_rows():
    for resource in ("children_workforce_areas", "children_workforce_ethnicity", "career_length"):
        df = validate_upload(sd.template_path(resource), resource)
        assert len(df) >= 2
    t = validate_upload(sd.template_path("children_workforce_areas"), "children_workforce_areas")
    b = _bundled(["Birmingham"]).set_index("time_period")
    for _, r in t.iterrows():
        assert r["turnover_rate_fte"] == pytest.approx(b.loc[r["time_period"], "turnover_rate_fte"])


# ------------------------------------------------------------------------------------------ messages
def _bad_rows(**edit):
    rows = fx.indicators_rows(["Birmingham", "Coventry"], [2023, 2024])
    for k, v in edit.items():
        rows[0][k] = v
    return rows


def _dfe_bytes(rows, header=None):
    return fx.to_csv(header or fx.INDICATORS_HEADER, rows)


BAD = {
    "la_name missing": (lambda: _dfe_bytes(fx.indicators_rows(["Birmingham"], [2024]),
                                           [c for c in fx.INDICATORS_HEADER if c != "la_name"]),
                        "children_workforce_areas", ["field 'la_name'", "no such column", "remove only rows"]),
    "unknown symbol": (lambda: _dfe_bytes(_bad_rows(caseload_fte="k")), "children_workforce_areas",
                       ["row 1 (line 2)", "field 'caseload_fte'", "'k'", "one of DfE's symbols", "'u' (low reliability)"]),
    "year as 2024/25": (lambda: _dfe_bytes(_bad_rows(time_period="2024/25")), "children_workforce_areas",
                        ["field 'time_period'", "'2024/25'", "four-digit reporting year"]),
    "duplicate area-year": (lambda: _dfe_bytes(_bad_rows() + _bad_rows()[:1]), "children_workforce_areas",
                            ["duplicate key", "already used in row 1"]),
    "empty cell": (lambda: _dfe_bytes(_bad_rows(turnover_rate_fte="")), "children_workforce_areas",
                   ["field 'turnover_rate_fte'", "an empty cell", "never leaves a figure blank"]),
    "unknown level": (lambda: _dfe_bytes(_bad_rows(geographic_level="Ward")), "children_workforce_areas",
                      ["field 'geographic_level'", "'Ward'", "Local authority"]),
    "vacancy over 100": (lambda: _dfe_bytes(_bad_rows(vacancy_rate_fte="140.2")), "children_workforce_areas",
                         ["row 1 (line 2)", "field 'vacancy_rate_fte'", "at most 100"]),
    "no measure columns": (lambda: _dfe_bytes(fx.indicators_rows(["Birmingham"], [2024]),
                                              [c for c in fx.INDICATORS_HEADER if c not in dfe.AREA_MEASURES]),
                           None, None),
    "ethnicity file in the pressures explorer": (lambda: fx.ethnicity_csv(["Birmingham"]), "children_workforce_areas",
                                                 ["ethnicity-by-role file", "gender and diversity explorer"]),
    "ethnicity shares half suppressed": (
        lambda: fx.to_csv(fx.ETHNICITY_HEADER, [dict(fx.ethnicity_rows(["Birmingham"])[0], black_perc="c")]),
        "children_workforce_ethnicity", ["same symbol in all five share columns"]),
    "ethnicity without OrgRole": (
        lambda: fx.to_csv([c for c in fx.ETHNICITY_HEADER if c != "OrgRole"], fx.ethnicity_rows(["Birmingham"])),
        "children_workforce_ethnicity", None),
    "tidy areas with no measure": (
        lambda: b"time_period,geographic_level,area_code,area_name,source\n2024,Local authority,E1,Anytown,me\n",
        "children_workforce_areas", ["none of the measure columns", "Add a column for each measure"]),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_dfe_inputs_have_clear_messages(case, data_unchanged):
    make, resource, words = BAD[case]
    with pytest.raises(DataError) as err:
        validate_upload(make(), resource or "children_workforce_areas", "bad.csv")
    msg = str(err.value)
    assert msg.count("How to fix:") == 1 and msg.rstrip().endswith(".")
    for w in words or []:
        assert w in msg, f"{w!r} not in:\n{msg}"
    assert "Traceback" not in msg


def test_dfe_file_without_la_name_is_still_recognised():
    with pytest.raises(DataError) as err:
        validate_upload(BAD["la_name missing"][0](), "children_workforce_areas", "b.csv")
    assert str(err.value).startswith("This looks like DfE's")


def test_at_most_five_problems_then_and_n_more_and_columns_once():
    header = "time_period,geographic_level,area_code,area_name,source,a1,a2,a3,a4,a5,a6,a7\n"
    body = "2024,Local authority,E1,Anytown,me,1,2,3,4,5,6,7\n"
    with pytest.raises(DataError) as err:
        validate_upload((header + body).encode(), "children_workforce_areas", "wide.csv")
    lines = str(err.value).splitlines()
    problems = [ln for ln in lines if ln.startswith("  line") or ln.startswith("  row")]
    assert len(problems) == 5, lines
    assert "  and 3 more" in lines
    expected = [ln for ln in lines if ln.startswith("Expected columns:")]
    assert len(expected) == 1 and str(err.value).count("inpost_fte_suppression") == 1
    assert lines[-1].startswith("How to fix:") and lines[-1].endswith(".")


# ------------------------------------------------------------------------------------------ make data-update
def _release(extra_year: bool = True, revise: bool = True, drop: str | None = None) -> bytes:
    rows = fx.indicators_rows()
    if extra_year:
        new = [dict(r, time_period="2026") for r in rows if r["time_period"] == "2025"]
        for r in new:
            if r["geographic_level"] == "National":
                r["turnover_rate_fte"] = "11.1"
        rows += new
    if revise:
        for r in rows:
            if r["time_period"] == "2024" and r["la_name"] == "Birmingham":
                r["turnover_rate_fte"] = "13.0"
            if r["time_period"] == "2024" and r["geographic_level"] == "National":
                r["inpost_fte"] = "35001.2"
    header = [c for c in fx.INDICATORS_HEADER if c != drop]
    return fx.to_csv(header, rows)


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    monkeypatch.setattr(sd, "DATA_DIR", copy)
    monkeypatch.setattr(sd, "PACKAGE_PATH", copy / "datapackage.json")
    sd._LOAD_CACHE.clear()
    yield copy
    sd._LOAD_CACHE.clear()


def test_data_update_brings_in_a_new_year_and_reports_revisions(tmp_path, data_copy, data_unchanged):
    f = tmp_path / "csww_indicators_2017_to_2026.csv"
    f.write_bytes(_release())
    lines: list[str] = []
    update(f, "Children's social work workforce, reporting year 2026", data_copy, out=lines.append)
    text = "\n".join(lines)
    assert "New years: 2026." in text
    assert re.search(r"children_workforce_areas: turnover_rate_fte for E08000025, 2024: 12\.9 -> 13\.0", text), text
    assert "children and family social workers in post (FTE) (value), 2024: 35225.8 -> 35001.2" in text or \
        re.search(r"in post \(FTE\) \(value\), 2024: [\d.]+ -> 35001\.2", text), text
    sd._LOAD_CACHE.clear()
    assert sd.indicators_source_id() == "dfe2027cswwindicators"
    src = sd.source("dfe2027cswwindicators")
    assert src["title"].startswith("Children's social work workforce, reporting year 2026")
    assert sd.indicators_years() == (2017, 2026)
    sd.validate_package(data_copy / "datapackage.json")
    from swleadership.facts import fact, text

    assert text("csww_latest_year") == "2026" and text("csww_first_year") == "2017"
    assert fact("csww_turnover_latest").text == "11.1%"
    assert fact("csww_turnover_latest").source_id == "dfe2027cswwindicators"


@pytest.mark.parametrize("drop", ["turnover_rate_fte", "la_name", "inpost_headcount"])
def test_data_update_refuses_a_release_that_drops_a_column(tmp_path, data_copy, drop):
    before = _hash(data_copy)
    f = tmp_path / "csww_indicators_2017_to_2026.csv"
    f.write_bytes(_release(drop=drop))
    with pytest.raises(DataError) as err:
        update(f, "Next release", data_copy, out=lambda _: None)
    msg = str(err.value)
    assert f"'{drop}'" in msg and "Nothing in data/ was changed." in msg
    assert _hash(data_copy) == before


def test_data_update_refuses_a_filtered_file(tmp_path, data_copy):
    before = _hash(data_copy)
    f = tmp_path / "birmingham.csv"
    f.write_bytes(fx.indicators_csv(["Birmingham"]))
    with pytest.raises(DataError, match="found no National rows"):
        update(f, "Next release", data_copy, out=lambda _: None)
    assert _hash(data_copy) == before


def test_data_update_command_line_prints_message_not_traceback(tmp_path, data_copy, capsys):
    from swleadership.data_update import main

    f = tmp_path / "x.csv"
    f.write_bytes(_release(drop="caseload_fte"))
    assert main([str(f), "Next release", "--data", str(data_copy)]) == 1
    err = capsys.readouterr().err
    assert "caseload_fte" in err and "Traceback" not in err


def test_data_update_points_the_metadata_at_the_new_release(tmp_path, data_copy):
    f = tmp_path / "csww_indicators_2017_to_2026.csv"
    f.write_bytes(_release())
    update(f, "Children's social work workforce, reporting year 2026", data_copy, out=lambda _: None)
    desc = sd.package_descriptor(data_copy / "datapackage.json")
    areas = next(r for r in desc["resources"] if r["name"] == "children_workforce_areas")
    assert areas["schema"]["swl:source"] == "dfe2027cswwindicators"
    assert areas["title"].endswith("2017-2026")


# ------------------------------------------------------------------------------------------ the live explorers
def test_live_pressures_explorer_draws_a_dfe_upload_and_marks_its_symbols():
    from swleadership.explorers import pressures as P

    parts = P.pressures_explorer().widgets()
    fw, ctl = parts["figure"], parts["controls"]
    upload(ctl["upload"], fx.indicators_csv(["Birmingham"], excel=True), "csww_indicators_2017_to_2025.csv")
    msg = parts["upload_message"].value
    assert "This looks like DfE" in msg and "Birmingham" in msg
    want = _bundled(["Birmingham"]).set_index("time_period")
    ctl["measure"].value = "caseload_fte"
    up = fw.data[P.T_UP]
    assert up.visible and up.name == "Your file: Birmingham"
    got = dict(zip(up.x, up.y, strict=True))
    assert got[2024] is None  # 'u': not drawn, and not a zero
    for y in (2017, 2023, 2025):
        assert got[y] == pytest.approx(want.loc[y, "caseload_fte"])
    assert [s.x0 for s in fw.layout.shapes] == [pytest.approx(2023.6)]
    assert any("'u'" in a.text for a in fw.layout.annotations)
    import html

    assert "2024 ('u': low reliability)" in html.unescape(parts["upload_message"].value)
    ctl["measure"].value = "turnover_rate_fte"
    got = dict(zip(fw.data[P.T_UP].x, fw.data[P.T_UP].y, strict=True))
    assert got[2024] == pytest.approx(12.9) and len(fw.layout.shapes) == 0


def test_live_pressures_explorer_offers_only_the_measures_a_file_has():
    from swleadership.explorers import pressures as P

    parts = P.pressures_explorer().widgets()
    ctl = parts["controls"]
    a = _bundled(["Coventry"])
    cols = ["time_period", "geographic_level", "area_code", "area_name", "vacancy_rate_fte",
            "vacancy_rate_fte_suppression", "agency_rate_fte", "agency_rate_fte_suppression"]
    t = a[cols].copy()
    t["source"] = "DfE, Coventry rows"
    upload(ctl["upload"], t.to_csv(index=False).encode(), "coventry.csv")
    assert sorted(v for _, v in ctl["measure"].options) == ["agency_rate_fte", "vacancy_rate_fte"]
    assert "no columns for" in parts["upload_message"].value and "Starters" in parts["upload_message"].value
    got = dict(zip(parts["figure"].data[P.T_UP].x, parts["figure"].data[P.T_UP].y, strict=True))
    assert got[2025] == pytest.approx(a.set_index("time_period").loc[2025, ctl["measure"].value])


def test_live_gender_explorer_reads_dfe_ethnicity_file():
    from swleadership.explorers import gender as G

    parts = G.gender_explorer().widgets()
    ctl = parts["controls"]
    upload(ctl["eth_upload"], fx.ethnicity_csv(["Birmingham"]), "csww_workforce_role_by_ethnicity_2019_to_2022.csv")
    assert "ethnicity-by-role file" in parts["eth_upload_message"].value
    assert ctl["area"].value.startswith("upload:") and ctl["year"].value == 2022
    fw = parts["figures"]["ethnicity"]
    e = sd.load("children_workforce_ethnicity")
    e = e[(e["area_name"] == "Birmingham") & (e["time_period"] == 2022)].set_index("role")
    black = fw.data[3]  # ETHNIC order: white, mixed, asian, black, other
    for role, x in zip(G.ROLES, black.x, strict=True):
        row = e.loc[role]
        assert x == (None if row["shares_suppression"] else pytest.approx(round(row["black_pct"], 1)))
    assert "Birmingham" in fw.layout.title.text


def test_live_upload_error_lists_problems_one_per_line():
    from swleadership.explorers import pressures as P

    parts = P.pressures_explorer().widgets()
    before = parts["figure"].to_plotly_json()
    upload(parts["controls"]["upload"], _dfe_bytes(_bad_rows(caseload_fte="k", turnover_rate_fte="?")), "bad.csv")
    msg = parts["upload_message"].value
    assert 'role="alert"' in msg and msg.count("<br>") >= 3 and "How to fix:" in msg
    assert parts["figure"].to_plotly_json() == before
