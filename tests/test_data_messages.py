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
import os
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


def test_a_file_with_old_mac_line_endings_keeps_a_line_break_in_a_cell_as_written():
    """Excel for Mac's "CSV (Macintosh)" ends each row with a lone CR; a CR inside a quoted cell is the reader's."""
    text = ("measure,group,geography,period,value,unit,status,source,note\r"
            'expected working life,team a,England,2023,8,years,verified,Mine,"First line\rsecond line"\r'
            "expected working life,team b,England,2023,nine,years,verified,Mine,\r")
    df = validate_upload(text.replace("nine", "9").encode(), "career_length", "mac.csv")
    assert df["note"].tolist() == ["First line\rsecond line", ""]
    assert df["value"].tolist() == [8.0, 9.0]
    e = _refused(text.encode(), "career_length", "mac.csv")
    assert str(e).splitlines()[0] == ("mac.csv: row 2 (line 4), field 'value': found 'nine'; expected a number "
                                      "(digits, optional decimal point, no % sign or commas)")


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
    assert lines[0].endswith(".csv).")  # recognised, and not read here: no "reading it as such"
    assert lines[1:] == [f"This explorer reads {resource}, not that file.", f"How to fix: Upload it in {other} instead."]
    assert e.file == "dfe.csv"


@pytest.mark.parametrize("resource", ["career_length", "gender_comparators", "context_funding"])
def test_a_dfe_file_in_a_figure_explorer_names_the_explorer_that_reads_it(resource):
    """A lecturer who drops DfE's indicators file on the career, gender or funding explorer is sent to the
    pressures explorer, not shown every missing column of the figure layout."""
    e = _refused(fx.indicators_csv(["Birmingham"], [2024]), resource, "csww_indicators_2024.csv")
    assert str(e).splitlines() == [
        "csww_indicators_2024.csv: This looks like DfE's \"Children's social work workforce\" indicators file "
        "(csww_indicators_*.csv).",
        "This explorer reads figures laid out as in its template (figures_template.csv), not that file.",
        "How to fix: Upload it in the workforce pressures explorer instead."]
    e = _refused(fx.ethnicity_csv(["Birmingham"]), resource, "eth.csv")
    assert str(e).splitlines()[2] == "How to fix: Upload it in the gender and diversity explorer instead."


def test_rows_of_empty_cells_are_skipped_like_blank_lines():
    """A spreadsheet writes ",,,,,,," for a row whose cells were cleared; it is not a row of figures."""
    text = ("measure,group,geography,period,value,unit,status,source\n"
            ",,,,,,,\n"
            "expected working life,team a,England,2023,8,years,verified,Mine\n"
            " , ,,\t,,,,\n"
            "expected working life,team b,England,2023,nine,years,verified,Mine\n")
    df = validate_upload(text.replace("nine", "9").encode(), "career_length", "cleared.csv")
    assert df["group"].tolist() == ["team a", "team b"]
    e = _refused(text.encode(), "career_length", "cleared.csv")
    assert str(e).splitlines()[0] == ("cleared.csv: row 2 (line 5), field 'value': found 'nine'; expected a number "
                                      "(digits, optional decimal point, no % sign or commas)")


def test_an_unknown_table_is_named_with_the_tables_an_upload_may_be():
    e = _refused(b"a,b\n1,2\n", "nope", "x.csv")
    assert str(e) == ("x.csv: found resource='nope'; expected one of: career_length, children_workforce, "
                      "adult_social_workers, gender_comparators, context_funding, children_workforce_areas, "
                      "children_workforce_ethnicity")


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


def _edit_table(path: Path, change=lambda rows: None, drop: set[str] = frozenset()) -> list[dict]:
    """Rewrite a CSV in the copy of data/: ``change(rows)`` edits its rows (dicts) in place; ``drop`` removes columns."""
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    change(rows)
    buf = io.StringIO()
    out = csv.DictWriter(buf, [c for c in rows[0] if c not in drop], extrasaction="ignore", lineterminator="\n")
    out.writeheader()
    out.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return rows


def _rewrite_column(path: Path, column: str, spell) -> None:
    """Every row's ``column`` becomes ``spell(row)``."""
    _edit_table(path, lambda rows: [r.update({column: spell(r)}) for r in rows])


def test_load_with_validate_checks_source_ids(data_copy):
    path = data_copy / "career_length.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",curtis2010,", ",curtis2099,", 1), encoding="utf-8")
    with pytest.raises(DataError) as err:
        sd.load("career_length", validate=True)
    assert str(err.value).startswith("career_length.csv: row 1 (line 2), field 'source_id': found 'curtis2099'; "
                                     "expected a source_id listed in sources.csv")
    assert err.value.file == "career_length.csv"
    sd.load("sources", validate=True)  # a table without source references still loads


@pytest.mark.parametrize("column, bad, says", [
    ("value", "eight", "found 'eight'; expected a number (digits, optional decimal point, no % sign or commas)"),
    ("year", "2010.5", "found '2010.5'; expected a whole number"),
    ("period_end", "2024-02-30", "found '2024-02-30'; expected a date written YYYY-MM-DD"),
])
def test_load_without_validate_names_a_cell_it_cannot_read(data_copy, column, bad, says):
    """A table in data/ edited by hand: load() (which notebooks call without validation) names the cell it could
    not read, as validation would, instead of a pandas traceback."""
    path = data_copy / "career_length.csv"
    _edit_table(path, lambda rows: rows[0].update({column: bad}))
    with pytest.raises(DataError) as err:
        sd.load("career_length")
    assert str(err.value).splitlines()[0] == f"career_length.csv: row 1 (line 2), field '{column}': {says}"
    assert err.value.file == "career_length.csv"


def test_load_without_validate_names_every_problem_validation_would(data_copy):
    """The unreadable cell and, in the same message, a source id that sources.csv does not list."""
    path = data_copy / "career_length.csv"
    _edit_table(path, lambda rows: (rows[0].update(value="eight"), rows[1].update(source_id="nosuch2099")))
    with pytest.raises(DataError) as err:
        sd.load("career_length")
    assert str(err.value).splitlines()[:3] == [
        "career_length.csv: 2 problems",
        "  row 1 (line 2), field 'value': found 'eight'; expected a number (digits, optional decimal point, no % sign "
        "or commas)",
        "  row 2 (line 3), field 'source_id': found 'nosuch2099'; expected a source_id listed in sources.csv"]


def test_a_header_with_several_unknown_columns_names_each(data_copy):
    path = data_copy / "career_length.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0] + ",colour,size"] + [ln + ",," for ln in lines[1:]]) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        sd.validate_package(data_copy)
    header = next(ln for ln in str(err.value).splitlines() if "found the header" in ln)
    assert header.endswith("in that order (unknown: colour, size)")


def test_load_reads_a_table_once_and_hands_out_copies(monkeypatch):
    """Every chapter and explorer calls load(); the file is read once per change to it, and a caller that edits
    its table does not change what the next caller gets."""
    calls = []
    real = sd._read_typed
    monkeypatch.setattr(sd, "_LOAD_CACHE", {})
    monkeypatch.setattr(sd, "_read_typed", lambda *a: calls.append(a[0].name) or real(*a))
    first = sd.load("career_length")
    first.loc[0, "value"] = -1.0
    second = sd.load("career_length")
    assert calls == ["career_length.csv"]
    assert second.loc[0, "value"] != -1.0
    assert sd.load("gender_comparators") is not None and calls == ["career_length.csv", "gender_comparators.csv"]


def test_load_of_an_unknown_table_lists_the_tables():
    with pytest.raises(DataError) as err:
        sd.load("careers")
    assert str(err.value) == ("datapackage.json: found no resource named 'careers'; expected one of: "
                              + ", ".join(sd.resource_names()))
    assert ", gaps, " in str(err.value) or str(err.value).endswith(", gaps")


def test_load_with_validate_counts_every_problem_and_lists_five(data_copy):
    path = data_copy / "career_length.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) > 8
    path.write_text("\n".join(lines[:1] + [ln.replace(",years,", ",aeons,", 1) for ln in lines[1:8]] + lines[8:])
                    + "\n", encoding="utf-8")
    n = sum(",aeons," in ln for ln in lines[1:8] for ln in [ln.replace(",years,", ",aeons,", 1)])
    assert n >= 6
    with pytest.raises(DataError) as err:
        sd.load("career_length", validate=True)
    msg = str(err.value).splitlines()
    assert msg[0] == f"career_length.csv: {n} problems"
    assert len([ln for ln in msg if ln.startswith("  row")]) == 5
    assert msg[6] == f"  and {n - 5} more"


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


# ------------------------------------------------------------------------------------------ typed like load()
@pytest.mark.parametrize("resource", ["career_length", "context_funding", "children_workforce_areas",
                                      "children_workforce_ethnicity"])
def test_an_upload_of_a_bundled_table_comes_back_as_load_gives_it(resource):
    """Same values, same types (whole numbers as int64, or Int64 where a cell is empty; dates; booleans) as the
    bundled table read by load(). Area tables carry their source at table level, so the upload adds a 'source'."""
    want = sd.load(resource)
    raw = (DATA / f"{resource}.csv").read_text(encoding="utf-8")
    if resource in sd.AREA_RESOURCES:
        lines = raw.splitlines()
        raw = "\n".join([lines[0] + ",source"] + [ln + ",DfE" for ln in lines[1:]]) + "\n"
    got = validate_upload(raw.encode(), resource, f"{resource}.csv")
    extra = ["source"] if resource in sd.AREA_RESOURCES else []
    assert list(got.columns) == list(want.columns) + extra
    pd.testing.assert_frame_equal(got[list(want.columns)], want)
    assert got.attrs == {"notice": "", "missing_measures": []}


# ------------------------------------------------------------------------------------------ the message format
def test_a_problem_names_row_line_and_field_when_known():
    P = sd._Problem
    assert P(3, 4, "value", "'x'", "a number").text() == "row 3 (line 4), field 'value': found 'x'; expected a number"
    assert P(3, None, "value", "'x'", "a number").text() == "row 3, field 'value': found 'x'; expected a number"
    assert P(None, 1, "unit", "no such column", "a 'unit' column").text() == (
        "line 1, field 'unit': found no such column; expected a 'unit' column")
    assert P(None, 7, None, "a", "b").text() == "line 7: found a; expected b"
    assert P(None, None, None, "a", "b").text() == "found a; expected b"


def _problems(n: int, fixes=("",)) -> list:
    return [sd._Problem(i + 1, i + 2, "value", f"'v{i}'", "a number", fixes[i % len(fixes)]) for i in range(n)]


def test_one_problem_is_one_line_then_how_to_fix():
    with pytest.raises(DataError) as err:
        sd._raise("f.csv", _problems(1))
    assert str(err.value) == ("f.csv: row 1 (line 2), field 'value': found 'v0'; expected a number\nHow to fix: "
                              + sd.PACKAGE_FIX)
    assert err.value.file == "f.csv"
    assert err.value.problems == [{"row": 1, "line": 2, "field": "value", "found": "'v0'", "expected": "a number",
                                   "fix": ""}]


def test_many_problems_list_five_then_the_rest_counted():
    probs = _problems(7, fixes=("Do A", "Do B.", ""))
    with pytest.raises(DataError) as err:
        sd._raise("f.csv", probs[:6], 9, notice="A notice.", expected_columns=["a", "b"], default_fix="Do C")
    assert str(err.value).splitlines() == [
        "A notice.",
        "f.csv: 9 problems",
        *[f"  row {i + 1} (line {i + 2}), field 'value': found 'v{i}'; expected a number" for i in range(5)],
        "  and 4 more",
        "Expected columns: a, b.",
        "How to fix: Do A. Do B. Do C.",  # each shown problem's fix once, in order; the default for those without
    ]
    assert len(err.value.problems) == 6
    # one problem listed, more counted: the count and the list, not the one-line form
    with pytest.raises(DataError) as err:
        sd._raise("f.csv", probs[:1], 3)
    assert str(err.value).splitlines()[:3] == ["f.csv: 3 problems", "  row 1 (line 2), field 'value': found 'v0'; "
                                               "expected a number", "  and 2 more"]


# ------------------------------------------------------------------------------------------ periods
@pytest.mark.parametrize(("period", "first", "last"), [
    ("2017", "2017-01-01", "2017-12-31"),
    ("2024-02", "2024-02-01", "2024-02-29"),  # a leap year's February
    ("2023-02", "2023-02-01", "2023-02-28"),
    ("2017-09-30", "2017-09-30", "2017-09-30"),
    ("2016-10-01/2017-09-30", "2016-10-01", "2017-09-30"),
    ("2019/2020", "2019-01-01", "2020-12-31"),
    ("2024-02-29/2024-02", "2024-02-29", "2024-02-29"),  # start on the last day of the end month: allowed
])
def test_a_period_runs_from_its_first_to_its_last_day(period, first, last):
    assert sd._period_bounds(period) == (pd.Timestamp(first), pd.Timestamp(last))


@pytest.mark.parametrize("period", ["2024-13", "2024-02-30", "2023-02-29", "2017/2018/2019", "2024-03/2024-02",
                                    "2018/2017", "Sept 2024", "2024-1", "", "2024/"])
def test_a_malformed_or_impossible_period_has_no_bounds(period):
    assert sd._period_bounds(period) is None


# ------------------------------------------------------------------------------------------ bytes and encodings
@pytest.mark.parametrize("bom", [b"\xff\xfe", b"\xfe\xff"], ids=["UTF-16 LE", "UTF-16 BE"])
def test_utf16_either_way_round_is_named(bom):
    e = _refused(bom + "measure".encode("utf-16-le"), "career_length", "u.csv")
    assert str(e) == "u.csv: found UTF-16 text; expected UTF-8 (in Excel choose 'CSV UTF-8 (comma delimited)')"
    assert e.file == "u.csv"


def test_a_non_utf8_byte_is_named_with_its_line():
    raw = (GOOD / "quoted_commas.csv").read_bytes() + b"caf\xe9,x\n"
    lines = raw.count(b"\n")
    e = _refused(raw, "career_length", "w.csv")
    assert str(e) == (f"w.csv: line {lines}: found the byte b'\\xe9', which is not UTF-8 (the file looks like another "
                      "encoding, e.g. Windows-1252); expected UTF-8 text (in Excel choose 'CSV UTF-8 (comma "
                      "delimited)')")
    assert e.problems == [{"row": None, "line": lines, "field": None, "found": "non-UTF-8 byte", "expected": "UTF-8"}]
    assert e.file == "w.csv"


def test_uploads_as_path_text_bytearray_and_bytes_agree(tmp_path):
    src = GOOD / "quoted_commas.csv"
    want = validate_upload(src.read_bytes(), "career_length", "q.csv")
    for content in (str(src), src, bytearray(src.read_bytes()), memoryview(src.read_bytes())):
        pd.testing.assert_frame_equal(validate_upload(content, "career_length", "q.csv"), want)
    # a path is named by its own file name unless a name is given
    with pytest.raises(DataError, match=r"^empty\.csv: found an empty file"):
        validate_upload(BAD / "empty.csv", "career_length")
    with pytest.raises(DataError, match=r"^mine\.csv: found an empty file"):
        validate_upload(str(BAD / "empty.csv"), "career_length", "mine.csv")
    with pytest.raises(DataError, match=r"^uploaded file: found an empty file"):
        validate_upload(b"", "career_length")


def test_anything_else_is_refused_by_type():
    e = _refused(12, "career_length", "n.csv")
    assert str(e) == "n.csv: found a int; expected the file's bytes or a path" and e.file == "n.csv"
    e = _refused(None, "career_length")
    assert str(e) == "upload: found a NoneType; expected the file's bytes or a path" and e.file is None


def test_an_upload_of_exactly_5_mb_passes_the_size_rule(tmp_path):
    """The limit is 'at most 5 MB': 5 MB is read (and here refused for its content), one byte more is not."""
    limit = sd.UPLOAD_LIMIT_BYTES
    assert limit == 5 * 1024 * 1024
    blob = b"measure\n" + b"x" * (limit - len(b"measure\n"))
    e = _refused(blob, "career_length", "five.csv")
    assert "MB" not in str(e) and "five.csv" in str(e)
    path = tmp_path / "five.csv"
    path.write_bytes(blob)
    assert "MB" not in str(_refused(path, "career_length"))
    path.write_bytes(blob + b"x" * (limit // 2))
    assert str(_refused(path, "career_length")) == ("five.csv: found a file of 7.5 MB; expected at most 5 MB (the "
                                                     "upload limit). The file was not read.")
    assert str(_refused(blob + b"x" * (limit // 2), "career_length", "b.csv")) == (
        "b.csv: found a file of 7.5 MB; expected at most 5 MB (the upload limit). The file was not read.")


# ------------------------------------------------------------------------------------------ the whole package
def test_validate_package_counts_the_rows_load_gives():
    counts = sd.validate_package()
    assert counts == {name: len(sd.load(name)) for name in sd.resource_names()}
    # the folder or the descriptor's path, as a str or a Path, validate the same package
    assert sd.validate_package(str(DATA)) == counts == sd.validate_package(DATA / "datapackage.json")


def test_a_broken_copy_of_the_package_gets_every_problem_with_its_fix(data_copy):
    desc = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    del desc["licenses"]
    del desc["resources"][1]["licenses"]
    (data_copy / "datapackage.json").write_text(json.dumps(desc), encoding="utf-8")
    (data_copy / "geography_notes.csv").unlink()
    gaps = data_copy / "gaps.csv"
    lines = gaps.read_text(encoding="utf-8").splitlines()
    cols = lines[0].split(",")
    lines[0] = ",".join(cols[:-1]) + ",comment"  # 'origin' renamed
    gaps.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        sd.validate_package(data_copy)
    msg = str(err.value).splitlines()
    name = desc["resources"][1]["name"]
    assert msg[:3] == [
        "datapackage.json: found no package 'licenses'; expected at least one licence",
        f"datapackage.json: resource '{name}': found no 'licenses'; expected at least one licence",
        "How to fix: In datapackage.json, add a 'licenses' list (name, path, title) to the package and to each "
        "resource named above.",
    ]
    i = msg.index("geography_notes.csv: found no such file; expected the file named in datapackage.json")
    assert msg[i + 1] == "How to fix: Put the file back in data/, or correct the resource's 'path' in datapackage.json."
    header = [ln for ln in msg if ln.startswith("gaps.csv: line 1: found the header")]
    assert header == [f"gaps.csv: line 1: found the header {cols[:-1] + ['comment']}; expected the columns {cols} in "
                      "that order (missing: origin) (unknown: comment)"]
    assert err.value.file == "datapackage.json"
    assert {p["file"] for p in err.value.problems} == {"geography_notes.csv", "gaps.csv"}


def test_load_names_a_missing_file(data_copy):
    (data_copy / "gaps.csv").unlink()
    with pytest.raises(DataError) as err:
        sd.load("gaps")
    assert str(err.value) == ("gaps.csv: found no such file in data/; expected the file named in datapackage.json\n"
                              "How to fix: Put the file back in data/, or correct the resource's 'path' in "
                              "datapackage.json.")
    assert err.value.file == "gaps.csv"
    with pytest.raises(DataError, match="^gaps.csv: found no such file"):
        sd.load("gaps", validate=True)


def test_a_sources_field_with_its_own_pattern_names_that_pattern(data_copy):
    path = data_copy / "sources.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(",2010,abstract only,", ",Summer 2010,abstract only,", 1), encoding="utf-8")
    with pytest.raises(DataError) as err:
        sd.validate_package(data_copy)
    assert str(err.value).splitlines()[0] == ("sources.csv: row 1 (line 2), field 'date': found 'Summer 2010'; "
                                              "expected text matching the pattern \\d{4}(-\\d{2}(-\\d{2})?)?")


def test_a_package_without_a_sources_table_checks_everything_else(data_copy):
    """With no sources table there is nothing to look source ids up in; the rest of each table is still checked."""
    desc = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    desc["resources"] = [r for r in desc["resources"] if r["name"] == "career_length"]
    assert desc["resources"][0]["schema"]["foreignKeys"]
    (data_copy / "datapackage.json").write_text(json.dumps(desc), encoding="utf-8")
    (data_copy / "sources.csv").unlink()
    rows = len(sd.load("career_length"))
    assert sd.validate_package(data_copy) == {"career_length": rows}
    path = data_copy / "career_length.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",curtis2010,", ",curtis2099,"), encoding="utf-8")
    assert sd.validate_package(data_copy) == {"career_length": rows}  # an unknown id: nothing to check it against
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines[:1] + [lines[1].replace(",years,", ",aeons,")] + lines[2:]) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"^career_length.csv: row 1 \(line 2\), field 'unit': found 'aeons'"):
        sd.validate_package(data_copy)


def _own_package(data_copy, monkeypatch, name: str, edit) -> dict:
    """The copy's descriptor, changed by ``edit(the resource)``, used by load() and validate_package()."""
    desc = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    res = next(r for r in desc["resources"] if r["name"] == name)
    edit(res)
    (data_copy / "datapackage.json").write_text(json.dumps(desc), encoding="utf-8")
    monkeypatch.setattr(sd, "PACKAGE_PATH", data_copy / "datapackage.json")
    monkeypatch.setattr(sd, "_LOAD_CACHE", {})
    return res


def test_a_boolean_field_may_spell_true_and_false_its_own_way(data_copy, monkeypatch):
    """Table Schema's trueValues and falseValues: a field that declares yes/no is read as true/false, and "true"
    is then refused with the spellings it does accept."""
    want = sd.load("gender_comparators")["preferred"].tolist()
    assert True in want and False in want

    def yes_no(res):
        f = next(f for f in res["schema"]["fields"] if f["name"] == "preferred")
        f["trueValues"], f["falseValues"] = ["yes", "Y"], ["no"]
    _own_package(data_copy, monkeypatch, "gender_comparators", yes_no)
    path = data_copy / "gender_comparators.csv"
    _rewrite_column(path, "preferred", lambda r: {"true": "yes", "false": "no"}[r["preferred"]])
    assert sd.validate_package(data_copy)["gender_comparators"] == len(want)  # one preferred row per key, as before
    assert sd.load("gender_comparators", validate=True)["preferred"].tolist() == want
    _rewrite_column(path, "preferred", lambda r: "Y" if r["preferred"] == "yes" else r["preferred"])
    assert sd.load("gender_comparators", validate=True)["preferred"].tolist() == want  # a second spelling of true
    # a reader's upload to that table is read with the same spellings, and without the column every row is used
    head = "measure,group,geography,period,value,unit,status,source"
    df = validate_upload(f"{head},preferred\nm,g,England,2023,1,percent,verified,me,yes\n"
                         f"m,g,England,2023,2,percent,verified,you,no\n".encode(), "gender_comparators")
    assert df["preferred"].tolist() == [True, False]
    df = validate_upload(f"{head}\nm,g,England,2023,1,percent,verified,me\n".encode(), "gender_comparators")
    assert df["preferred"].tolist() == [True]
    _edit_table(path, lambda rows: next(r for r in rows if r["preferred"] == "Y").update(preferred="true"))
    with pytest.raises(DataError) as err:
        sd.load("gender_comparators", validate=True)
    lines = str(err.value).splitlines()
    assert lines[0] == "gender_comparators.csv: 2 problems"
    assert lines[1].endswith("field 'preferred': found 'true'; expected one of: Y, no, yes")
    assert "found 0 preferred rows for" in lines[2]  # that row's "true" is not one of the field's spellings


def test_a_boolean_field_that_declares_no_spellings_takes_true_and_false(data_copy, monkeypatch):
    want = sd.load("gender_comparators")["preferred"].tolist()

    def undeclared(res):
        f = next(f for f in res["schema"]["fields"] if f["name"] == "preferred")
        del f["trueValues"], f["falseValues"]
    _own_package(data_copy, monkeypatch, "gender_comparators", undeclared)
    assert sd.load("gender_comparators", validate=True)["preferred"].tolist() == want
    df = validate_upload(b"measure,group,geography,period,value,unit,status,source\n"
                         b"m,g,England,2023,1,percent,verified,me\n", "gender_comparators")
    assert df["preferred"].tolist() == [True]   # an upload without the column: every row is the one used
    path = data_copy / "gender_comparators.csv"
    _rewrite_column(path, "preferred", lambda r: "FALSE" if r["preferred"] == "false" else r["preferred"])
    with pytest.raises(DataError) as err:
        sd.load("gender_comparators", validate=True)
    assert str(err.value).splitlines()[0].endswith("field 'preferred': found 'FALSE'; expected one of: false, true")


def test_a_maximum_rule_with_two_conditions_applies_where_both_hold(data_copy, monkeypatch):
    path = data_copy / "career_length.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    percent = [r["measure"] for r in rows if r["unit"] == "percent"]
    assert len(percent) == 2 and percent[0] != percent[1]

    def two_conditions(res):
        rule = next(r for r in res["schema"]["swl:rules"] if r["rule"] == "maximum-when")
        rule["when"] = {"measure": percent[0], "unit": "percent"}
    _own_package(data_copy, monkeypatch, "career_length", two_conditions)
    _rewrite_column(path, "value", lambda r: "150" if r["unit"] == "percent" else r["value"])
    with pytest.raises(DataError) as err:
        sd.validate_package(data_copy)
    over = [ln for ln in str(err.value).splitlines() if "found '150'" in ln]
    assert len(over) == 1  # the other percent row's measure is not the rule's
    i = next(i for i, r in enumerate(rows) if r["measure"] == percent[0])
    assert over[0] == (f"career_length.csv: row {i + 1} (line {i + 2}), field 'value': found '150'; expected a value "
                       "of at most 100 (a percent value lies between 0 and 100)")

    def measure_only(res):  # a rule on a measure alone says only the maximum
        next(r for r in res["schema"]["swl:rules"] if r["rule"] == "maximum-when")["when"] = {"measure": percent[0]}
    _own_package(data_copy, monkeypatch, "career_length", measure_only)
    with pytest.raises(DataError) as err:
        sd.validate_package(data_copy)
    assert [ln for ln in str(err.value).splitlines() if "found '150'" in ln] == [
        f"career_length.csv: row {i + 1} (line {i + 2}), field 'value': found '150'; expected a value of at most 100"]


def test_a_table_missing_columns_is_still_checked_in_the_columns_it_has(data_copy):
    """A hand-edited table that lost columns: the header is named, with its own fix, and every rule that can still
    run on the columns left does (a bad unit after the gap; one preferred row per key without source_id); the
    rules whose columns are gone (a value or a code, start before end, one preferred row) are skipped, not a crash."""
    long = "share of register leavers registered < 1 year"

    def change(rows):
        rows[0]["unit"] = "aeons"
        next(r for r in rows if r["measure"] == long)["preferred"] = "false"
    rows = _edit_table(data_copy / "career_length.csv", change, drop={"period_end", "suppression", "source_id"})
    _edit_table(data_copy / "gender_comparators.csv", drop={"preferred"})
    with pytest.raises(DataError) as err:
        sd.validate_package(data_copy)
    lines = str(err.value).splitlines()
    cols = [f["name"] for f in sd.schema("career_length")["fields"]]
    i = lines.index("career_length.csv: 3 problems")
    kept = [c for c in cols if c not in ("period_end", "suppression", "source_id")]
    j = next(k for k, r in enumerate(rows) if r["measure"] == long) + 1
    assert lines[i + 1:i + 5] == [
        f"  line 1: found the header {kept}; expected the columns {cols} in that order (missing: period_end, "
        "suppression, source_id)",
        "  row 1 (line 2), field 'unit': found 'aeons'; expected one of: "
        + ", ".join(next(f for f in sd.schema("career_length")["fields"] if f["name"] == "unit")["constraints"]["enum"]),
        f"  row {j} (line {j + 1}), field 'preferred': found 0 preferred rows for measure='share of register leavers "
        f"registered ...', period='{rows[j - 1]['period']}'; expected exactly one row with preferred=true for each "
        "measure, group, geography and period",
        "How to fix: " + sd.HEADER_FIX + " " + sd.PACKAGE_FIX]
    g = [ln for ln in lines if ln.startswith("gender_comparators.csv")]
    assert g == [f"gender_comparators.csv: line 1: found the header {[c for c in cols if c != 'preferred']}; "
                 f"expected the columns {cols} in that order (missing: preferred)"]
    assert lines[lines.index(g[0]) + 1] == "How to fix: " + sd.HEADER_FIX


def test_more_than_five_unknown_source_ids_in_the_package_are_counted(data_copy):
    path = data_copy / "children_workforce.csv"
    n = path.read_text(encoding="utf-8").count(",dfe2026cswwindicators,")
    assert n > 5
    path.write_text(path.read_text(encoding="utf-8").replace(",dfe2026cswwindicators,", ",dfe2099,"), encoding="utf-8")
    with pytest.raises(DataError) as err:
        sd.validate_package(data_copy)
    lines = str(err.value).splitlines()
    assert lines[0] == f"children_workforce.csv: {n} problems"
    assert all(ln.endswith("field 'source_id': found 'dfe2099'; expected a source_id listed in sources.csv")
               for ln in lines[1:6])
    assert lines[6:] == [f"  and {n - 5} more", "How to fix: " + sd.PACKAGE_FIX]


# ------------------------------------------------------------------------------------------ every range, both edges
def _template_upload(resource: str, **cells: str) -> bytes:
    """The first row of the resource's bundled template with cells replaced (columns added if new), as CSV bytes."""
    row = next(csv.DictReader(io.StringIO(sd.template_path(resource).read_text(encoding="utf-8"), newline="")))
    row.update(cells)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(row), lineterminator="\n")
    w.writeheader()
    w.writerow(row)
    return buf.getvalue().encode("utf-8")


def _ranges():
    for resource in sd.UPLOADABLE:
        for f in sd.schema(resource)["fields"]:
            c = f.get("constraints", {})
            step = 1 if f["type"] == "integer" else 0.1
            for kind, sign in (("minimum", -1), ("maximum", 1)):
                if kind in c:
                    yield pytest.param(resource, f["name"], kind, c[kind], step * sign,
                                       id=f"{resource}-{f['name']}-{kind}")


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.1f}"


@pytest.mark.parametrize(("resource", "field", "kind", "bound", "step"), list(_ranges()))
def test_each_range_takes_its_edge_and_refuses_just_beyond(resource, field, kind, bound, step):
    df = validate_upload(_template_upload(resource, **{field: _num(bound)}), resource, "edge.csv")
    assert df[field].iloc[0] == bound
    beyond = _num(bound + step)
    e = _refused(_template_upload(resource, **{field: beyond}), resource, "beyond.csv")
    why = {("minimum", 0): " (a count or rate cannot be negative)",
           ("maximum", 100): " (a percentage lies between 0 and 100)"}.get((kind, bound), "")
    fix = AREAS_FIX if resource == "children_workforce_areas" else CELL_FIX.format(sd.template_path(resource).name)
    assert str(e) == (f"beyond.csv: row 1 (line 2), field '{field}': found '{beyond}'; expected a value of "
                      f"at {'least' if kind == 'minimum' else 'most'} {bound}{why}\n{fix}")


@pytest.mark.parametrize("resource", sd.FIGURE_RESOURCES)
def test_a_percentage_is_at_most_100_and_other_units_are_not_capped(resource):
    ok = validate_upload(_template_upload(resource, value="100", unit="percent"), resource, "p.csv")
    assert ok["value"].iloc[0] == 100.0
    assert validate_upload(_template_upload(resource, value="150", unit="years"), resource, "y.csv")["value"].iloc[0] == 150
    e = _refused(_template_upload(resource, value="100.5", unit="percent"), resource, "p.csv")
    assert str(e) == ("p.csv: row 1 (line 2), field 'value': found '100.5'; expected a value of at most 100 (a percent "
                      "value lies between 0 and 100)\n" + FIGURES_FIX)


def _enums():
    for resource in sd.UPLOADABLE:
        for f in sd.schema(resource)["fields"]:
            if "enum" in f.get("constraints", {}):
                yield pytest.param(resource, f["name"], f["constraints"]["enum"], id=f"{resource}-{f['name']}")


@pytest.mark.parametrize(("resource", "field", "allowed"), list(_enums()))
def test_each_list_of_values_refuses_one_not_on_it(resource, field, allowed):
    e = _refused(_template_upload(resource, **{field: "Nope"}), resource, "enum.csv")
    fix = AREAS_FIX if resource == "children_workforce_areas" else CELL_FIX.format(sd.template_path(resource).name)
    lines = str(e).splitlines()
    want = f"row 1 (line 2), field '{field}': found 'Nope'; expected one of: {', '.join(allowed)}"
    # a code next to a value also breaks the value-or-code rule: then both are listed
    assert want in (lines[0].removeprefix("enum.csv: "), *(ln.strip() for ln in lines[1:-1]))
    assert lines[-1] == fix


# ------------------------------------------------------------------------------------------ every bad file's fix
def _bad_cases():
    from .test_data_upload import CASES

    return sorted((name, resource) for name, (resource, _) in CASES.items())


COLUMN_FIX = "How to fix: Rename or remove the columns named above so that the header uses only the expected columns."
FILE_FIXES = {
    "missing_column.csv": COLUMN_FIX, "unknown_column.csv": COLUMN_FIX,
    "both_source_columns.csv": "How to fix: Keep one of the two columns.",
    "areas_no_source.csv": "How to fix: Add a 'source' column that says where the figures come from, for example "
                           "'Anytown Council workforce report 2024, table 3'.",
    "empty.csv": "How to fix: Upload the CSV that holds your figures, or fill in the template (figures_template.csv).",
    "header_only.csv": "How to fix: Add a row for each figure under the header, as in the template "
                       "(figures_template.csv).",
    "unterminated_quote.csv": "How to fix: Close the quote that opens on or before that line, or save the file again "
                              "from your spreadsheet as 'CSV UTF-8 (comma delimited)'.",
}
#: the file is not a comma-separated UTF-8 text: the one line says what to choose when saving
SAVE_AS = {"non_utf8.csv": "(in Excel choose 'CSV UTF-8 (comma delimited)')",
           "utf16.csv": "(in Excel choose 'CSV UTF-8 (comma delimited)')",
           "wrong_delimiter.csv": "(save as 'CSV UTF-8 (comma delimited)')"}


@pytest.mark.parametrize(("name", "resource"), _bad_cases())
def test_every_bad_file_ends_with_how_to_fix_it(name, resource):
    e = _refused(BAD / name, resource)
    lines = str(e).splitlines()
    assert lines[0].startswith(f"{name}: ") and e.file == name
    if name in SAVE_AS:
        assert lines == [lines[0]] and lines[0].endswith(SAVE_AS[name])
        return
    default = CELL_FIX.format(sd.template_path(resource).name)
    assert lines[-1] == FILE_FIXES.get(name, default)
    assert sum(ln.startswith("How to fix:") for ln in lines) == 1


def test_a_repeated_id_is_refused_and_a_key_may_be_one_column_named_as_text(data_copy):
    """geography_notes: note_id is unique and the primary key. A descriptor may give a one-column key as a string
    (Table Schema allows both forms); the duplicate is found either way."""
    notes = data_copy / "geography_notes.csv"
    lines = notes.read_text(encoding="utf-8").splitlines()
    n = len(lines) - 1
    notes.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")  # row n + 1 repeats row 1
    first = lines[1].split(",")[0]
    for key in (["note_id"], "note_id"):
        desc = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
        res = next(r for r in desc["resources"] if r["name"] == "geography_notes")
        res["schema"]["primaryKey"] = key
        (data_copy / "datapackage.json").write_text(json.dumps(desc), encoding="utf-8")
        with pytest.raises(DataError) as err:
            sd.validate_package(data_copy)
        assert str(err.value).splitlines() == [
            "geography_notes.csv: 2 problems",
            f"  row {n + 1} (line {n + 2}), field 'note_id': found '{first}'; expected a value not used in an earlier "
            "row (must be unique)",
            f"  row {n + 1} (line {n + 2}): found a duplicate key (note_id='{first}') already used in row 1; expected "
            "a unique combination of note_id",
            "How to fix: " + sd.PACKAGE_FIX,
        ]


def test_an_upload_with_many_bad_cells_lists_five_and_counts_the_rest():
    base = (GOOD / "quoted_commas.csv").read_text(encoding="utf-8").splitlines()
    row = base[1].replace(",12.5,", ",lots,")
    rows = [row.replace("Anytown", f"Town {i}") for i in range(7)]
    e = _refused("\n".join([base[0], *rows]).encode(), "career_length", "many.csv")
    lines = str(e).splitlines()
    assert lines[0] == "many.csv: 7 problems"
    assert lines[1:6] == [f"  row {i} (line {i + 1}), field 'value': found 'lots'; expected a number (digits, "
                          "optional decimal point, no % sign or commas)" for i in range(1, 6)]
    assert lines[6:] == ["  and 2 more", FIGURES_FIX]
    assert [p["row"] for p in e.problems] == [1, 2, 3, 4, 5]  # the problems listed


# ------------------------------------------------------------------------------------------ small helpers
def test_the_descriptor_is_read_once_and_again_after_it_changes(tmp_path):
    path = tmp_path / "datapackage.json"
    shutil.copy(DATA / "datapackage.json", path)
    first = sd.package_descriptor(path)
    assert sd.package_descriptor(path) is first  # cached while the file is unchanged
    desc = json.loads(path.read_text(encoding="utf-8"))
    desc["resources"] = desc["resources"][:1]
    t = path.stat().st_mtime
    path.write_text(json.dumps(desc), encoding="utf-8")
    os.utime(path, (t + 10, t + 10))  # a later modification time, however coarse the file system's clock
    assert sd.resource_names(path) == [desc["resources"][0]["name"]]
    path.write_text('{"resources": [\n  {"name": "a",}\n]}', encoding="utf-8")
    os.utime(path, (t + 20, t + 20))
    with pytest.raises(DataError) as err:
        sd.package_descriptor(path)
    assert str(err.value).startswith("datapackage.json: line 2: found invalid JSON (")
    assert str(err.value).endswith("); expected a data package descriptor") and err.value.file == "datapackage.json"


def test_the_suppression_codes_explained_are_the_codes_the_tables_accept():
    codes = sd.suppression_codes()
    enums = {tuple(f["constraints"]["enum"]) for r in sd.UPLOADABLE for f in sd.schema(r)["fields"]
             if f["name"].endswith("suppression")}
    assert enums == {tuple(codes)} and list(codes) == ["x", "z", "c", "u", "low"]
    assert all(isinstance(v, str) and len(v) > 3 for v in codes.values())
    codes["x"] = "changed"
    assert sd.suppression_codes()["x"] != "changed"  # a copy


def test_area_notes_match_whole_codes_only():
    notes = sd.geography_notes()
    london = notes.loc[notes["note_id"] == "london-overlap", "description"].item()
    assert london in sd.notes_for_area("E13000001") and london in sd.notes_for_area("E12000007")
    assert sd.notes_for_area("E1300000") == [] and sd.notes_for_area("") == []
    for code in ("E13000001", "E92000001"):
        want = [d for codes, d in zip(notes["area_codes"], notes["description"], strict=True)
                if code in codes.split(";")]
        assert sd.notes_for_area(code) == want and want


def test_the_indicators_release_and_its_years_come_from_the_data():
    w = sd.load("children_workforce")
    national = w[w["locator"].str.startswith("csww_indicators_") & w["locator"].str.contains("geographic_level=National")]
    assert sd.indicators_source_id() == national["source_id"].iloc[0]
    assert set(national["source_id"]) == {sd.indicators_source_id()}
    a = sd.load("children_workforce_areas")
    assert sd.indicators_years() == (a["time_period"].min(), a["time_period"].max()) == (2017, 2025)
    assert sd.source(sd.indicators_source_id())["publisher"] == "Department for Education"


def test_two_indicators_releases_in_the_national_series_are_refused(data_copy):
    path = data_copy / "children_workforce.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    i = next(k for k, ln in enumerate(lines) if "csww_indicators_" in ln and "geographic_level=National" in ln)
    lines[i] = lines[i].replace("dfe2026cswwindicators", "curtis2010")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        sd.indicators_source_id()
    assert str(err.value) == ("children_workforce.csv: found 2 DfE indicators releases in the national series; "
                              "expected exactly one")
    assert err.value.file == "children_workforce.csv"


def test_an_unknown_source_id_is_named():
    with pytest.raises(DataError) as err:
        sd.source("nope")
    assert str(err.value) == "sources.csv: found no source_id 'nope'; expected one of the ids in sources.csv"
    assert err.value.file == "sources.csv"
    assert sd.source("curtis2010")["source_id"] == "curtis2010"


def test_each_uploadable_table_has_its_template():
    for r in sd.FIGURE_RESOURCES:
        assert sd.template_path(r) == DATA / "templates" / "figures_template.csv"
    for r in sd.AREA_RESOURCES:
        assert sd.template_path(r) == DATA / "templates" / f"{r}_template.csv"
    with pytest.raises(DataError) as err:
        sd.template_path("sources")
    assert str(err.value) == "found resource='sources'; expected one of: " + ", ".join(sd.UPLOADABLE)


def test_columns_out_of_order_and_a_bad_cell_are_two_problems(data_copy):
    gaps = data_copy / "gaps.csv"
    df = pd.read_csv(gaps, dtype=str, keep_default_na=False)
    names = list(df.columns)
    swapped = [names[0], names[2], names[1], *names[3:]]  # 'measure' before 'resource'
    df.loc[0, "resource"] = "nope"
    df[swapped].to_csv(gaps, index=False)
    with pytest.raises(DataError) as err:
        sd.validate_package(data_copy)
    allowed = ", ".join(next(f for f in sd.schema("gaps")["fields"] if f["name"] == "resource")["constraints"]["enum"])
    assert str(err.value).splitlines() == [
        "gaps.csv: 2 problems",
        f"  line 1: found the header {swapped}; expected the columns {names} in that order",
        f"  row 1 (line 2), field 'resource': found 'nope'; expected one of: {allowed}",
        "How to fix: " + sd.HEADER_FIX + " " + sd.PACKAGE_FIX,
    ]
    assert err.value.problems[1] == {"row": 1, "line": 2, "field": "resource", "found": "'nope'",
                                     "expected": f"one of: {allowed}", "fix": "", "file": "gaps.csv"}


def test_a_foreign_key_given_as_a_list_is_checked_too(data_copy):
    desc = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    res = next(r for r in desc["resources"] if r["name"] == "career_length")
    res["schema"]["foreignKeys"][0]["fields"] = ["source_id"]
    (data_copy / "datapackage.json").write_text(json.dumps(desc), encoding="utf-8")
    path = data_copy / "career_length.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",curtis2010,", ",curtis2099,", 1), encoding="utf-8")
    with pytest.raises(DataError) as err:
        sd.validate_package(data_copy)
    assert str(err.value).splitlines() == [
        "career_length.csv: row 1 (line 2), field 'source_id': found 'curtis2099'; expected a source_id listed in "
        "sources.csv", "How to fix: " + sd.PACKAGE_FIX]


@pytest.mark.parametrize(("delim", "label"), [(";", "semicolons"), ("\t", "tabs"), ("|", "vertical bars")])
def test_another_delimiter_is_named(delim, label):
    raw = (GOOD / "quoted_commas.csv").read_text(encoding="utf-8").splitlines()[0].replace(",", delim)
    e = _refused(f"\n\n{raw}\nvacancy rate{delim}x\n".encode(), "career_length", "d.csv")  # the header on line 3
    assert str(e) == (f"d.csv: line 3: found fields separated by {label}; expected commas (save as 'CSV UTF-8 (comma "
                      "delimited)')")
    assert e.problems == [{"row": None, "line": 3, "field": None, "found": label, "expected": "commas"}]
    assert e.file == "d.csv"


# ------------------------------------------------------------------------------------------ columns and defaults
def test_a_missing_column_lists_every_expected_column_once():
    e = _refused(BAD / "missing_column.csv", "career_length")
    cols = [f["name"] for f in sd.schema("career_length")["fields"]] + ["source"]
    assert str(e).splitlines() == [
        "missing_column.csv: line 1, field 'unit': found no such column; expected a 'unit' column (required in "
        "career_length)",
        "Expected columns: " + ", ".join(cols) + ".",
        COLUMN_FIX,
    ]


def test_a_figure_upload_may_leave_out_year_label_and_preferred():
    rows = [("2016-10-01/2017-09-30", "2017"), ("2019/2020", "2020"), ("2018-09", "2018"), ("2015", "2015")]
    text = "measure,group,geography,period,value,unit,status,source\n" + "".join(
        f"m,g{i},England,{p},1,years,verified,me\n" for i, (p, _) in enumerate(rows))
    df = validate_upload(text.encode(), "career_length", "d.csv")
    assert df["year"].tolist() == [int(y) for _, y in rows]  # the last year in the period
    assert df["period_label"].tolist() == [p for p, _ in rows]
    assert df["preferred"].tolist() == [True] * 4
    # with no year column, a malformed period is reported once, not again as a missing year the reader never typed
    for bad in ("Sept 2018", "autumn"):
        e = _refused(text.replace("2018-09", bad).encode(), "career_length", "d.csv")
        assert str(e).splitlines() == [
            f"d.csv: row 3 (line 4), field 'period': found '{bad}'; expected a period in ISO 8601 form: YYYY, "
            "YYYY-MM, YYYY-MM-DD or two of these joined by '/'", FIGURES_FIX]
    # with a year column, an empty year is the reader's own, and is reported
    e = _refused((b"measure,group,geography,period,year,value,unit,status,source\n"
                  b"m,g,England,2018-09,,1,years,verified,me\n"), "career_length", "y.csv")
    assert str(e).splitlines()[0] == ("y.csv: row 1 (line 2), field 'year': found an empty cell; expected a value "
                                      "(this field is required)")


def test_a_duplicate_row_is_reported_once_with_long_values_shortened():
    """Two identical rows: one problem, the duplicate key (not a second one for the two rows marked preferred), its
    long measure cut at 40 characters so that the line stays readable."""
    long = "share of newly qualified social workers still in post after two years"
    row = f"{long},children and family social workers,England,2023,61,percent,verified,My council\n"
    e = _refused(("measure,group,geography,period,value,unit,status,source\n" + row + row).encode(), "career_length",
                 "twice.csv")
    assert str(e).splitlines()[0] == (
        "twice.csv: row 2 (line 3): found a duplicate key (measure='share of newly qualified social worke...', "
        "group='children and family social workers', geography='England', period='2023', source='My council') "
        "already used in row 1; expected a unique combination of measure, group, geography, period, source_id")
    assert len(e.problems) == 1


@pytest.mark.parametrize("period", ["2023-02-30", "2023-13", "2024/2023"])
def test_a_period_that_is_no_real_date_says_so(period):
    text = f"measure,group,geography,period,value,unit,status,source\nm,g,England,{period},1,years,verified,me\n"
    e = _refused(text.encode(), "career_length", "p.csv")
    assert str(e).splitlines()[0] == (f"p.csv: row 1 (line 2), field 'period': found '{period}'; expected a real date "
                                      "or month, with the start of an interval before its end")


def test_an_area_upload_without_period_end_reports_a_bad_year_once():
    text = (GOOD / "areas_own_authority.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    col = rows[0].index("period_end")
    rows = [r[:col] + r[col + 1:] for r in rows]
    rows[1][0] = "2023/24"  # DfE writes some years this way; this table wants the year the period ends
    e = _refused(to_safe_csv(pd.DataFrame(rows[1:], columns=rows[0])).encode(), "children_workforce_areas", "a.csv")
    assert str(e).splitlines()[0] == "a.csv: row 1 (line 2), field 'time_period': found '2023/24'; expected a whole number"
    assert [p["field"] for p in e.problems] == ["time_period"]
    # a good year gets 30 September of that year
    rows[1][0] = "2024"
    df = validate_upload(to_safe_csv(pd.DataFrame(rows[1:], columns=rows[0])).encode(), "children_workforce_areas")
    assert df["period_end"].tolist() == [pd.Timestamp("2024-09-30"), pd.Timestamp("2023-09-30")]


def test_an_area_upload_keeps_its_own_period_end_or_gets_30_september():
    text = (GOOD / "areas_own_authority.csv").read_text(encoding="utf-8")
    df = validate_upload(text.replace("2024,2024-09-30,", "2024,2024-03-31,").encode(), "children_workforce_areas",
                         "a.csv")
    assert df["period_end"].tolist() == [pd.Timestamp("2024-03-31"), pd.Timestamp("2023-09-30")]
    t = validate_upload(sd.template_path("children_workforce_areas"), "children_workforce_areas")
    assert t["period_end"].tolist() == [pd.Timestamp(f"{y}-09-30") for y in t["time_period"]]


def test_a_dfe_file_with_a_value_out_of_range_keeps_the_notice_first():
    rows = fx.indicators_rows(["Birmingham"], [2024])
    rows[0]["vacancy_rate_fte"] = "140.2"
    e = _refused(fx.to_csv(fx.INDICATORS_HEADER, rows), "children_workforce_areas", "v.csv")
    assert str(e).splitlines() == [
        "This looks like DfE's \"Children's social work workforce\" indicators file (csww_indicators_*.csv) for 2024; "
        "reading it as such.",
        "v.csv: row 1 (line 2), field 'vacancy_rate_fte': found '140.2'; expected a value of at most 100 (a percentage "
        "lies between 0 and 100)",
        AREAS_FIX,
    ]


def test_a_long_value_is_shortened_in_the_message():
    long = "verified by " + "x" * 70
    text = (GOOD / "quoted_commas.csv").read_text(encoding="utf-8").replace(",unverified,", f",{long},")
    e = _refused(text.encode(), "career_length", "long.csv")
    assert f"field 'status': found '{long[:57]}...'; expected one of: verified, unverified, derived" in str(e)


def test_the_size_is_given_in_megabytes_of_1024_x_1024_bytes(tmp_path):
    size = 5_295_309  # 5.0500002 x 1,048,576 bytes: rounds up to 5.1
    e = _refused(b"x" * size, "career_length", "b.csv")
    assert str(e).startswith("b.csv: found a file of 5.1 MB; expected at most 5 MB") and e.file == "b.csv"
    path = tmp_path / "big.csv"
    path.write_bytes(b"x" * size)
    e = _refused(path, "career_length")
    assert str(e).startswith("big.csv: found a file of 5.1 MB;") and e.file == "big.csv"


def test_a_workbook_names_the_file_and_how_to_save_a_csv():
    e = _refused(b"PK\x03\x04" + b"\x00" * 40, "children_workforce_areas", "book.xlsx")
    assert str(e) == ("book.xlsx: found a spreadsheet workbook (.xlsx or another zip file); expected a CSV file (in "
                      "Excel choose File > Save As > 'CSV UTF-8 (comma delimited)')")
    assert e.file == "book.xlsx"


def test_to_safe_csv_escapes_text_in_any_text_column():
    """A pandas "string" column, and an object column that mixes text with numbers or gaps, are escaped too."""
    df = pd.DataFrame({"s": pd.Series(["=1+1", "ok", None], dtype="string"), "o": ["@x", 5, None]})
    assert _cells(to_safe_csv(df)) == [["s", "o"], ["'=1+1", "'@x"], ["ok", "5"], ["", ""]]


@pytest.mark.parametrize(("field", "cell", "expected"), [
    ("year", "2024.5", "a whole number"),
    ("period_start", "01/10/2023", "a date written YYYY-MM-DD"),
    ("value", "12%", "a number (digits, optional decimal point, no % sign or commas)"),
])
def test_a_cell_of_the_wrong_form_says_what_form_is_expected(field, cell, expected):
    e = _refused(_template_upload("career_length", **{field: cell}), "career_length", "form.csv")
    assert str(e) == f"form.csv: row 1 (line 2), field '{field}': found '{cell}'; expected {expected}\n" + FIGURES_FIX


def test_a_value_of_sixty_characters_is_shown_whole_and_a_longer_one_shortened():
    assert sd._show("x" * 60) == repr("x" * 60)
    assert sd._show("x" * 61) == repr("x" * 57 + "...")
    assert sd._show("") == "an empty cell"


def test_an_upload_is_read_as_the_areas_table_unless_told_otherwise():
    """The areas table is what a lecturer brings most (their council's DfE figures): it is the default."""
    path = sd.template_path("children_workforce_areas")
    assert sd.validate_upload(path).equals(sd.validate_upload(path, resource="children_workforce_areas"))


@pytest.mark.parametrize("period, first, last", [
    ("2022-09", "2022-09-01", "2022-09-30"),
    ("2024-02", "2024-02-01", "2024-02-29"),              # a leap year's February
    ("2021-10/2022-02", "2021-10-01", "2022-02-28"),      # an interval ends on its last month's last day
    ("2019", "2019-01-01", "2019-12-31"),
])
def test_a_periods_bounds_are_its_first_and_last_days(period, first, last):
    assert sd._period_bounds(period) == (pd.Timestamp(first), pd.Timestamp(last))


def test_an_unknown_table_is_named_and_blamed_on_the_package_descriptor():
    with pytest.raises(sd.DataError) as err:
        sd.load("no_such_table")
    assert err.value.file == "datapackage.json"
    assert str(err.value).startswith("datapackage.json: found no resource named 'no_such_table'; expected one of: ")


@pytest.mark.parametrize("name, resource, line", [
    ("two_preferred.csv", "career_length",
     "  row 2 (line 3), field 'preferred': found 2 preferred rows for measure='vacancy rate', period='2024'; expected "
     "exactly one row with preferred=true for each measure, group, geography and period"),
    ("areas_value_and_code.csv", "children_workforce_areas",
     "areas_value_and_code.csv: row 1 (line 2), field 'turnover_rate_fte_suppression': found both "
     "turnover_rate_fte='11.9' and turnover_rate_fte_suppression='u'; expected an empty "
     "'turnover_rate_fte_suppression' when 'turnover_rate_fte' has a value"),
])
def test_the_rules_across_fields_name_both_cells_in_full(name, resource, line):
    with pytest.raises(sd.DataError) as err:
        sd.validate_upload((Path(__file__).parent / "bad_inputs" / name).read_bytes(), resource, name)
    assert line in str(err.value).splitlines()


def test_a_second_rule_adds_no_sixth_line_once_five_problems_are_listed():
    rows = "".join(f"expected working life,team {i},England,2023,abc,years,verified,Mine\n" for i in range(5))
    rows += "expected working life,team 9,England,2023,8,years,guessed,Mine\n"    # a sixth problem, another rule
    with pytest.raises(sd.DataError) as err:
        sd.validate_upload(("measure,group,geography,period,value,unit,status,source\n" + rows).encode(),
                           "career_length", "many.csv")
    lines = str(err.value).splitlines()
    assert lines[0] == "many.csv: 6 problems"
    assert [ln for ln in lines if ln.startswith("  row")] == [
        f"  row {i} (line {i + 1}), field 'value': found 'abc'; expected a number (digits, optional decimal point, "
        "no % sign or commas)" for i in range(1, 6)]
    assert "  and 1 more" in lines
    assert [(p["row"], p["field"]) for p in err.value.problems] == [(i, "value") for i in range(1, 6)]
