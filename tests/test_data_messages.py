"""What a lecturer reads when an upload is refused, and the package helpers around it (swleadership/data.py).

Each message names the file, the row and its line, the field, what was found and what was expected, and ends
with one "How to fix" line; the expected texts below follow those rules and the files' contents. Also: DfE's own
files (line numbers, the explorer to use, the source named), the load/validate helpers on a copy of the
package, and to_safe_csv's CSV staying one cell per cell.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from swleadership import data as sd
from swleadership import dfe
from swleadership.data import DataError, to_safe_csv, validate_upload

from . import _dfe_fixtures as fx

HERE = Path(__file__).resolve().parent
BAD = HERE / "bad_inputs"
GOOD = HERE / "good_inputs"
DATA = HERE.parent / "data"

CELL_FIX = ("How to fix: Correct the cells named above in your spreadsheet, save it as 'CSV UTF-8 (comma delimited)' "
            "and upload it again. If in doubt, download the template ({}) and copy your figures into it.")
AREAS_FIX = CELL_FIX.format("children_workforce_areas_template.csv")
FIGURES_FIX = CELL_FIX.format("figures_template.csv")
MEASURES = ", ".join(dfe.AREA_MEASURES)


def _refused(content, resource: str, filename: str | None = None) -> DataError:
    with pytest.raises(DataError) as err:
        validate_upload(content, resource, filename)
    return err.value


# ------------------------------------------------------------------------------------------ one rule, one file
def test_an_area_upload_with_some_measures_still_needs_a_value_or_a_code():
    """An area file may leave measures out; the value-or-code rule still holds for those it has."""
    e = _refused(BAD / "areas_some_measures_value_no_code.csv", "children_workforce_areas")
    assert str(e) == ("areas_some_measures_value_no_code.csv: row 2 (line 3), field 'turnover_rate_fte': found an "
                      "empty cell; expected a value, or a code in 'turnover_rate_fte_suppression' saying why it is "
                      "missing\n" + AREAS_FIX)
    # the same file with the code filled in is accepted, and only its one measure is returned
    good = (BAD / "areas_some_measures_value_no_code.csv").read_text(encoding="utf-8").replace(",,,Anytown", ",,x,Anytown")
    df = validate_upload(good.encode(), "children_workforce_areas", "ok.csv")
    assert df["turnover_rate_fte"].tolist()[0] == 11.9 and pd.isna(df["turnover_rate_fte"].iloc[1])
    assert df["turnover_rate_fte_suppression"].tolist() == ["", "x"]
    assert df.attrs["missing_measures"] == [m for m in dfe.AREA_MEASURES if m != "turnover_rate_fte"]
    assert not set(df.attrs["missing_measures"]) & set(df.columns)


def test_an_area_upload_naming_source_ids_needs_one_in_every_row():
    e = _refused(BAD / "areas_empty_source_id.csv", "children_workforce_areas")
    assert str(e) == ("areas_empty_source_id.csv: row 2 (line 3), field 'source_id': found an empty cell; expected a "
                      "source_id listed in the book's sources.csv\n" + AREAS_FIX)
    assert e.problems == [{"row": 2, "line": 3, "field": "source_id", "found": "an empty cell",
                           "expected": "a source_id listed in the book's sources.csv", "fix": ""}]


def test_a_tidy_area_upload_with_no_measure_column():
    e = _refused(b"time_period,geographic_level,area_code,area_name,source\n2024,Local authority,E1,Anytown,me\n",
                 "children_workforce_areas", "none.csv")
    assert str(e) == ("none.csv: line 1: found none of the measure columns; expected at least one of " + MEASURES
                      + "\nHow to fix: Add a column for each measure you have figures for; leave out the others.")


def test_problems_from_the_cells_and_the_sources_are_counted_together():
    """One bad number and one unknown source_id: two problems, listed in row order, counted as two."""
    text = (BAD / "unknown_source.csv").read_text(encoding="utf-8").replace(",9,years,", ",nine,years,")
    e = _refused(text.encode(), "career_length", "two.csv")
    assert str(e).splitlines() == [
        "two.csv: 2 problems",
        "  row 1 (line 2), field 'value': found 'nine'; expected a number (digits, optional decimal point, no % "
        "sign or commas)",
        "  row 2 (line 3), field 'source_id': found 'nosuchsource'; expected a source_id listed in the book's "
        "sources.csv, or use a 'source' column of free text instead",
        FIGURES_FIX,
    ]
    assert [(p["row"], p["field"]) for p in e.problems] == [(1, "value"), (2, "source_id")]


def test_more_than_five_source_problems_are_counted_not_listed():
    rows = "".join(f"expected working life,group {i},England,2024,9,years,verified,nosuch{i}\n" for i in range(7))
    e = _refused(("measure,group,geography,period,value,unit,status,source_id\n" + rows).encode(), "career_length",
                 "seven.csv")
    lines = str(e).splitlines()
    assert lines[0] == "seven.csv: 7 problems"
    assert lines[1:6] == [f"  row {i + 1} (line {i + 2}), field 'source_id': found 'nosuch{i}'; expected a source_id "
                          "listed in the book's sources.csv, or use a 'source' column of free text instead"
                          for i in range(5)]
    assert lines[6:] == ["  and 2 more", FIGURES_FIX]
    assert len(e.problems) == 7


# ------------------------------------------------------------------------------------------ line breaks in cells
def test_line_breaks_inside_quoted_cells_are_kept_as_written():
    df = validate_upload(GOOD / "line_breaks_in_cells.csv", "career_length")
    assert df["note"].tolist() == ["Two teams merged in June.\r\nThe rate is for the merged team.",
                                   "A line break\nmade with Alt+Enter in Excel"]
    assert df["value"].tolist() == [12.5, 14.1]


def test_a_row_after_a_cell_with_a_line_break_is_named_by_its_own_line():
    e = _refused(BAD / "line_break_then_bad_value.csv", "career_length")
    assert str(e) == ("line_break_then_bad_value.csv: row 2 (line 4), field 'value': found 'fourteen'; expected a "
                      "number (digits, optional decimal point, no % sign or commas)\n" + FIGURES_FIX)


# ------------------------------------------------------------------------------------------ DfE's own files
@pytest.mark.parametrize(("make", "resource", "other"), [
    (lambda: fx.ethnicity_csv(["Birmingham"]), "children_workforce_areas", "the gender and diversity explorer"),
    (lambda: fx.indicators_csv(["Birmingham"], [2024]), "children_workforce_ethnicity",
     "the workforce pressures explorer"),
], ids=["ethnicity file for the pressures explorer", "indicators file for the diversity explorer"])
def test_a_dfe_file_in_the_wrong_explorer_names_the_right_one(make, resource, other):
    e = _refused(make(), resource, "dfe.csv")
    lines = str(e).splitlines()
    assert lines[0].startswith("dfe.csv: This looks like DfE's")
    assert lines[1:] == [f"This explorer reads {resource}, not that file.", f"How to fix: Upload it in {other} instead."]
    assert e.file == "dfe.csv"


def _with_blank_line_after_header(raw: bytes) -> bytes:
    head, rest = raw.split(b"\n", 1)
    return head + b"\n\n" + rest


def test_a_dfe_file_problem_names_its_row_and_real_line():
    rows = fx.indicators_rows(["Birmingham", "Coventry"], [2024])
    rows[1]["caseload_fte"] = "k"
    raw = _with_blank_line_after_header(fx.to_csv(fx.INDICATORS_HEADER, rows))  # row 2 is on line 4
    e = _refused(raw, "children_workforce_areas", "csww_indicators_2024.csv")
    lines = str(e).splitlines()
    assert lines[0] == ("This looks like DfE's \"Children's social work workforce\" indicators file "
                        "(csww_indicators_*.csv) for 2024; reading it as such.")
    assert lines[1].startswith("csww_indicators_2024.csv: row 2 (line 4), field 'caseload_fte': found 'k'; "
                               "expected a number or one of DfE's symbols 'x' ")
    assert lines[2:] == ["How to fix: Replace the cell with a number, or with the DfE symbol that says why the "
                         "figure is missing."]
    assert e.file == "csww_indicators_2024.csv"


def test_a_dfe_file_column_problem_names_the_header_line():
    header = [c for c in fx.INDICATORS_HEADER if c != "la_name"]
    raw = _with_blank_line_after_header(fx.to_csv(header, fx.indicators_rows(["Birmingham"], [2024])))
    e = _refused(raw, "children_workforce_areas", "cut.csv")
    assert str(e).splitlines()[1:] == [
        "cut.csv: line 1, field 'la_name': found no such column; expected DfE's 'la_name' column "
        "(csww_indicators_*.csv has it in every release)",
        "How to fix: Use the file as DfE publishes it, with all its columns: if you filtered or edited it in a "
        "spreadsheet, remove only rows, never columns."]
    assert (e.problems[0]["row"], e.problems[0]["line"]) == (None, 1)


def test_a_dfe_upload_names_dfe_and_the_file_as_its_source():
    df = validate_upload(fx.indicators_csv(["Birmingham"], [2023, 2024]), "children_workforce_areas",
                         "csww_indicators_2017_to_2025.csv")
    assert set(df["source"]) == {"Department for Education, DfE's Children's social work workforce indicators "
                                 "file: csww_indicators_2017_to_2025.csv"}


# ------------------------------------------------------------------------------------------ the package helpers
@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    monkeypatch.setattr(sd, "DATA_DIR", copy)
    return copy


def test_load_with_validate_checks_source_ids(data_copy):
    path = data_copy / "career_length.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",curtis2010,", ",curtis2099,", 1), encoding="utf-8")
    with pytest.raises(DataError) as err:
        sd.load("career_length", validate=True)
    assert str(err.value).startswith("career_length.csv: row 1 (line 2), field 'source_id': found 'curtis2099'; "
                                     "expected a source_id listed in sources.csv")
    assert err.value.file == "career_length.csv"
    sd.load("sources", validate=True)  # a table without source references still loads


def test_resource_names_reads_the_descriptor_it_is_given(tmp_path):
    desc = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    desc["resources"] = [r for r in desc["resources"] if r["name"] in ("sources", "gaps")][::-1]
    path = tmp_path / "datapackage.json"
    path.write_text(json.dumps(desc), encoding="utf-8")
    assert sd.resource_names(path) == ["gaps", "sources"]
    assert len(sd.resource_names()) == len(json.loads((DATA / "datapackage.json").read_text())["resources"])


def test_bench_data_times_cold_loads_of_the_typical_and_largest_tables(monkeypatch):
    calls = []

    def fake_load(name, **kw):
        calls.append((name, len(sd._LOAD_CACHE)))
        sd._LOAD_CACHE[(name, 0.0)] = pd.DataFrame()

    monkeypatch.setattr(sd, "load", fake_load)
    monkeypatch.setattr(sd, "validate_package", lambda *a: calls.append(("validate_package", len(sd._LOAD_CACHE))))
    out = sd.bench_data()
    assert set(out) == {"validate_package", "load_typical", "load_largest"}
    assert all(v >= 0 for v in out.values())
    assert calls == ([("validate_package", 0)] * 7 + [("children_workforce", 0)] * 7
                     + [("children_workforce_ethnicity", 0)] * 7)  # 7 runs each, each with an empty cache
    calls.clear()
    sd.bench_data(repeats=2)
    assert len(calls) == 6


# ------------------------------------------------------------------------------------------ to_safe_csv
def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_to_safe_csv_keeps_each_cell_one_cell(tmp_path):
    """A CR or LF in a cell is quoted, so a spreadsheet cannot split the row and start one with a formula."""
    cells = ["\r=cmd|' /C calc'!A0", "ok\r", "a\nb", 'say "hi", then go', "\r\n+1", "plain"]
    df = pd.DataFrame({"t": cells, "n": [1.5, 2.0, 3.0, 4.0, 5.0, 6.0]})
    out = to_safe_csv(df)
    rows = _cells(out)
    assert rows[0] == ["t", "n"]
    assert [r[0] for r in rows[1:]] == ["'\r=cmd|' /C calc'!A0", "ok\r", "a\nb", 'say "hi", then go', "'\r\n+1",
                                        "plain"]
    assert [float(r[1]) for r in rows[1:]] == [1.5, 2.0, 3.0, 4.0, 5.0, 6.0]
    # rows end in "\n"; the one CR LF is inside its quoted cell
    assert out.startswith("t,n\n") and out.endswith("\nplain,6.0\n") and out.count("\r\n") == 1
    assert '"\'\r\n+1",5.0\n' in out
    # written out byte for byte (no newline translation)
    target = tmp_path / "out.csv"
    assert to_safe_csv(df, target) == out
    assert target.read_bytes() == out.encode("utf-8")
