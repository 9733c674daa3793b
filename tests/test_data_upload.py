"""Lecturers' own CSVs: the malformed corpus in tests/bad_inputs/ is rejected with messages that name the
file, the row and the field; the valid edge cases in tests/good_inputs/ are accepted; nothing in data/
changes when an upload or a load fails."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from swleadership import data as sd
from swleadership.data import DataError, to_safe_csv, validate_upload

HERE = Path(__file__).resolve().parent
BAD = HERE / "bad_inputs"
GOOD = HERE / "good_inputs"
DATA = HERE.parent / "data"

# file -> (resource, fragments the message must contain)
CASES = {
    "missing_column.csv": ("career_length", ["missing_column.csv", "line 1", "field 'unit': found no such column; expected a 'unit' column (required in career_length)\nExpected columns: measure, group", "How to fix: Rename or remove the columns"]),
    "unknown_column.csv": ("career_length", ["unknown_column.csv", "line 1", "field 'comments': found an unknown column; expected one of the columns of career_length\nExpected columns:", "How to fix: Rename or remove the columns"]),
    "non_numeric_value.csv": ("career_length", ["non_numeric_value.csv", "row 2 (line 3)", "field 'value'", "'eight'", "expected a number"]),
    "percent_over_100.csv": ("career_length", ["percent_over_100.csv", "row 2 (line 3)", "field 'value'", "'120'", "expected a value of at most 100 (a percent value lies between 0 and 100)"]),
    "negative_count.csv": ("career_length", ["negative_count.csv", "row 1 (line 2)", "field 'value'", "'-5'", "expected a value of at least 0 (a count or rate cannot be negative)"]),
    "empty_source.csv": ("career_length", ["empty_source.csv", "row 1 (line 2)", "field 'source_id'", "empty cell"]),
    "empty_text_source.csv": ("career_length", ["empty_text_source.csv", "row 2 (line 3)", "field 'source': found an empty cell; expected text naming the source of this row's figures"]),
    "unknown_source.csv": ("career_length", ["unknown_source.csv", "row 2 (line 3)", "field 'source_id'", "'nosuchsource'", "sources.csv"]),
    "duplicate_key.csv": ("career_length", ["duplicate_key.csv", "row 2 (line 3)", "found a duplicate key (measure='turnover rate', group='children and family social workers', geography='Anytown', period='2023-10-01/2024-09-30', source_id='curtis2010') already used in row 1; expected a unique combination of measure, group, geography, period, source_id"]),
    "empty.csv": ("career_length", ["empty.csv", "empty file"]),
    "header_only.csv": ("career_length", ["header_only.csv", "header but no data rows"]),
    "wrong_delimiter.csv": ("career_length", ["wrong_delimiter.csv", "line 1", "semicolons", "expected commas"]),
    "non_utf8.csv": ("career_length", ["non_utf8.csv", "line 2", "not UTF-8", "expected UTF-8"]),
    "utf16.csv": ("career_length", ["utf16.csv", "UTF-16", "expected UTF-8"]),
    "ragged_row.csv": ("career_length", ["ragged_row.csv", "row 2 (line 3)", "found 9 fields", "expected 8 fields"]),
    "unknown_status.csv": ("career_length", ["unknown_status.csv", "row 1 (line 2)", "field 'status'", "'checked'", "verified, unverified, derived"]),
    "malformed_period.csv": ("career_length", ["malformed_period.csv", "row 1 (line 2)", "field 'period'", "'Sept 2024'", "ISO 8601"]),
    "impossible_period.csv": ("career_length", ["impossible_period.csv", "row 1 (line 2)", "field 'period'", "'2024-13'", "real date"]),
    "formula_in_number.csv": ("career_length", ["formula_in_number.csv", "row 1 (line 2)", "field 'value'", "'=10+2'", "expected a number"]),
    "both_source_columns.csv": ("career_length", ["both_source_columns.csv", "line 1", "field 'source': found both 'source' and 'source_id'; expected one of them: 'source_id' (ids from sources.csv) or 'source' (free text)\nHow to fix: Keep one of the two columns."]),
    "unterminated_quote.csv": ("career_length", ["unterminated_quote.csv", "line 2", "malformed CSV", "double quotes"]),
    "duplicate_header.csv": ("career_length", ["duplicate_header.csv", "line 1", "field 'value'", "found a column name used twice; expected each column once"]),
    "areas_value_and_code.csv": ("children_workforce_areas", ["areas_value_and_code.csv", "row 1 (line 2)", "field 'turnover_rate_fte_suppression'", "both"]),
    "areas_no_source.csv": ("children_workforce_areas", ["areas_no_source.csv", "line 1", "field 'source_id': found no source column; expected a 'source_id' column (ids from sources.csv) or a 'source' column naming where the figures come from"]),
    "areas_vacancy_over_100.csv": ("children_workforce_areas", ["areas_vacancy_over_100.csv", "row 1 (line 2)", "field 'vacancy_rate_fte'", "'140.2'", "at most 100 (a percentage lies between 0 and 100)"]),
    "areas_bad_level.csv": ("children_workforce_areas", ["areas_bad_level.csv", "row 1 (line 2)", "field 'geographic_level'", "'Council'", "Local authority"]),
    # one file per package rule and constraint, each breaking that rule alone
    "empty_value_no_code.csv": ("career_length", ["empty_value_no_code.csv", "row 2 (line 3)", "field 'value'", "empty cell", "a code in 'suppression'"]),
    "areas_empty_value_no_code.csv": ("children_workforce_areas", ["areas_empty_value_no_code.csv", "row 1 (line 2)", "field 'turnover_rate_fte'", "a code in 'turnover_rate_fte_suppression'"]),
    "areas_negative_rate.csv": ("children_workforce_areas", ["areas_negative_rate.csv", "row 1 (line 2)", "field 'agency_rate_fte'", "'-0.1'", "at least 0"]),
    "start_after_end.csv": ("career_length", ["start_after_end.csv", "row 1 (line 2)", "field 'period_end'", "'2024-04-01'", "on or after period_start"]),
    "two_preferred.csv": ("career_length", ["two_preferred.csv", "row 2 (line 3)", "field 'preferred'", "2 preferred rows", "exactly one row with preferred=true"]),
    "bad_boolean.csv": ("career_length", ["bad_boolean.csv", "row 2 (line 3)", "field 'preferred'", "found 'yes'; expected one of: false, true"]),
    "empty_required.csv": ("career_length", ["empty_required.csv", "row 2 (line 3)", "field 'measure'", "empty cell", "required"]),
    "year_before_1990.csv": ("career_length", ["year_before_1990.csv", "row 1 (line 2)", "field 'year'", "'1989'", "at least 1990"]),
    "impossible_date.csv": ("career_length", ["impossible_date.csv", "row 1 (line 2)", "field 'period_end'", "'2024-02-30'", "YYYY-MM-DD"]),
    "duplicate_key_text_source.csv": ("career_length", ["duplicate_key_text_source.csv", "row 2 (line 3): found a duplicate key (measure='turnover rate', group='children and family social workers', geography='Anytown', period='2024', source='Anytown Council report') already used in row 1"]),
    "unknown_qualifier.csv": ("career_length", ["unknown_qualifier.csv", "row 1 (line 2)", "field 'qualifier'", "'roughly'", "nearly"]),
    "areas_some_measures_value_no_code.csv": ("children_workforce_areas", ["areas_some_measures_value_no_code.csv", "row 2 (line 3)", "field 'turnover_rate_fte'", "a code in 'turnover_rate_fte_suppression'"]),
    "areas_empty_source_id.csv": ("children_workforce_areas", ["areas_empty_source_id.csv", "row 2 (line 3)", "field 'source_id': found an empty cell"]),
    "line_break_then_bad_value.csv": ("career_length", ["line_break_then_bad_value.csv", "row 2 (line 4)", "field 'value'", "'fourteen'"]),
}

#: Each rule of the data package (datapackage.json: field constraints and swl:rules) and the bad file that
#: breaks it alone. test_every_rule_has_a_bad_file keeps this complete.
RULE_FILES = {
    "required": "empty_required.csv", "minimum": "negative_count.csv", "maximum": "year_before_1990.csv",
    "enum": "unknown_status.csv", "pattern": "malformed_period.csv", "type:number": "non_numeric_value.csv",
    "type:date": "impossible_date.csv", "type:boolean": "bad_boolean.csv", "primaryKey": "duplicate_key.csv",
    "maximum-when": "percent_over_100.csv", "value-or-code": "empty_value_no_code.csv",
    "start-before-end": "start_after_end.csv", "one-preferred": "two_preferred.csv",
}


def _hash_data() -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(DATA.rglob("*")) if p.is_file()}


def test_corpus_is_complete():
    files = {p.name for p in BAD.iterdir() if p.suffix == ".csv"}
    assert files == set(CASES), files ^ set(CASES)
    assert len(files) >= 15


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_rejected_with_clear_message(name):
    resource, fragments = CASES[name]
    with pytest.raises(DataError) as err:
        validate_upload(BAD / name, resource=resource)
    msg = str(err.value)
    for frag in fragments:
        assert frag in msg, f"{frag!r} not in message:\n{msg}"
    assert "Traceback" not in msg
    assert err.value.file == name


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_as_bytes_gives_the_same_message(name):
    resource, _ = CASES[name]
    with pytest.raises(DataError) as by_path:
        validate_upload(BAD / name, resource=resource)
    with pytest.raises(DataError) as by_bytes:
        validate_upload((BAD / name).read_bytes(), resource=resource, filename=name)
    assert str(by_path.value) == str(by_bytes.value)


def test_upload_over_5_mb_is_refused_before_parsing(tmp_path):
    # bytes that are not even UTF-8: the size must be reported, not the encoding
    blob = b"\xff" * (sd.UPLOAD_LIMIT_BYTES + 1)
    with pytest.raises(DataError, match=r"big\.csv: found a file of 5\.0 MB; expected at most 5 MB"):
        validate_upload(blob, resource="career_length", filename="big.csv")
    p = tmp_path / "big_on_disk.csv"
    with open(p, "wb") as fh:
        fh.truncate(sd.UPLOAD_LIMIT_BYTES + 10)
    with pytest.raises(DataError, match=r"big_on_disk\.csv: found a file of .* MB; expected at most 5 MB.*not read"):
        validate_upload(p, resource="children_workforce_areas")
    # the limit is for uploads only: just under it is parsed (and here fails on content, not size)
    with pytest.raises(DataError) as err:
        validate_upload(b"a" * (sd.UPLOAD_LIMIT_BYTES - 1), resource="career_length", filename="under.csv")
    assert "MB" not in str(err.value)


def test_memoryview_as_from_ipywidgets_fileupload():
    content = memoryview((GOOD / "quoted_commas.csv").read_bytes())
    df = validate_upload(content, resource="career_length", filename="quoted_commas.csv")
    assert len(df) == 1


def test_bom_and_crlf_from_excel_are_accepted():
    df = validate_upload(GOOD / "excel_bom_crlf.csv", resource="career_length")
    assert list(df.columns)[0] == "measure"  # not "\ufeffmeasure"
    assert df["value"].tolist() == [9.0, 14.5]
    assert df["year"].tolist() == [2024, 2024]  # defaulted from the period
    assert df["period_label"].tolist() == ["2024", "2023-10-01/2024-09-30"]
    assert df["preferred"].all()


def test_quoted_commas_are_kept_and_text_source_is_allowed():
    df = validate_upload(GOOD / "quoted_commas.csv", resource="career_length")
    row = df.iloc[0]
    assert row["measure"] == "vacancy rate, FTE"
    assert row["group"] == "children and family social workers, all teams"
    assert row["source"] == "Anytown Council, workforce report 2024, table 3"
    assert row["source_id"] == ""
    assert row["value"] == 12.5


def test_formula_like_text_is_kept_inert_and_escaped_on_output(tmp_path):
    df = validate_upload(GOOD / "formula_text.csv", resource="career_length")
    assert df.loc[0, "note"] == '=HYPERLINK("http://example.com","click")'
    assert df.loc[1, "note"] == "@SUM(A1:A2)"
    out = to_safe_csv(df)
    assert "'=HYPERLINK" in out and "'@SUM(A1:A2)" in out
    assert "\n=HYPERLINK" not in out and ",=HYPERLINK" not in out and ',"=HYPERLINK' not in out
    # numbers stay numbers
    assert ",12.0," in out
    # writing out works outside data/ and is refused inside it
    target = tmp_path / "export.csv"
    to_safe_csv(df, target)
    assert target.read_text(encoding="utf-8") == out
    with pytest.raises(DataError, match="inside data/") as err:
        to_safe_csv(df, DATA / "export.csv")
    assert err.value.file == "export.csv"
    assert not (DATA / "export.csv").exists()


def test_every_rule_has_a_bad_file():
    """Every kind of rule an uploadable table has (constraints, types, keys, package rules) is broken by a file."""
    kinds = set()
    for res in sd.UPLOADABLE:
        sch = sd.schema(res)
        kinds |= {k for f in sch["fields"] for k in f.get("constraints", {}) if k != "unique"}
        kinds |= {f"type:{f['type']}" for f in sch["fields"] if f.get("type", "string") != "string"}
        kinds |= {r["rule"] for r in sch.get("swl:rules", [])}
        kinds |= {"primaryKey"} if sch.get("primaryKey") else set()
    kinds.discard("type:integer")  # integers are numbers with a minimum/maximum: year_before_1990.csv
    assert kinds <= set(RULE_FILES), kinds - set(RULE_FILES)
    for f in RULE_FILES.values():
        assert f in CASES


GOOD_EDGES = {
    "edge_values.csv": "career_length",  # 0% and 100%, a count of 0, years 1990 and 2100, start = end, a code alone
    "areas_edges.csv": "children_workforce_areas",  # turnover 0, vacancy 100, an FTE suppressed with 'c'
    "areas_own_authority.csv": "children_workforce_areas",
    "excel_bom_crlf.csv": "career_length", "formula_text.csv": "career_length", "quoted_commas.csv": "career_length",
    "line_breaks_in_cells.csv": "career_length",  # CR LF and LF inside quoted cells
}


def test_good_files_cover_the_folder():
    assert {p.name for p in GOOD.glob("*.csv")} == set(GOOD_EDGES)


@pytest.mark.parametrize("name", sorted(GOOD_EDGES))
def test_good_file_at_the_edge_of_each_range_is_accepted(name):
    df = validate_upload(GOOD / name, resource=GOOD_EDGES[name])
    assert len(df) >= 1


def test_edge_values_are_read_as_written():
    df = validate_upload(GOOD / "edge_values.csv", resource="career_length")
    assert df["value"].tolist()[:3] == [100.0, 0.0, 0.0] and pd.isna(df["value"].iloc[3])
    assert df["suppression"].tolist() == ["", "", "", "x"]
    assert df["year"].tolist() == [2024, 2024, 1990, 2100]
    assert df["preferred"].tolist() == [True, False, True, True]
    areas = validate_upload(GOOD / "areas_edges.csv", resource="children_workforce_areas")
    assert areas["turnover_rate_fte"].tolist()[0] == 0.0 and areas["vacancy_rate_fte"].tolist()[0] == 100.0
    assert pd.isna(areas["inpost_fte"].iloc[1]) and areas["inpost_fte_suppression"].tolist() == ["", "c"]


def test_to_safe_csv_escapes_a_leading_carriage_return():
    out = to_safe_csv(pd.DataFrame({"t": ["\rcmd", "ok\r"], "n": [1, 2]}))
    # prefixed with '; a CR later in the text is no formula start; either way the cell is quoted, so that the CR
    # cannot end the row
    assert out == "t,n\n\"'\rcmd\",1\n\"ok\r\",2\n"


def test_to_safe_csv_escapes_every_formula_prefix():
    df = pd.DataFrame({"t": ["=1+1", "+1", "-1", "@x", "\tx", "plain", "a=b"], "n": [-1.5, 2, 3, 4, 5, 6, 7]})
    out = to_safe_csv(df).splitlines()
    assert out[1:6] == ["'=1+1,-1.5", "'+1,2.0", "'-1,3.0", "'@x,4.0", "'\tx,5.0"]
    assert out[6:] == ["plain,6.0", "a=b,7.0"]


def test_an_area_upload_for_ones_own_authority():
    df = validate_upload(GOOD / "areas_own_authority.csv", resource="children_workforce_areas")
    assert df["area_name"].tolist() == ["Anytown", "Anytown"]
    assert df["caseload_fte"].isna().tolist() == [False, True]
    assert df["caseload_fte_suppression"].tolist() == ["", "x"]
    assert df["source"].iloc[0] == "Anytown Council workforce return 2024"


def test_an_area_upload_may_name_a_known_source_id():
    text = (GOOD / "areas_own_authority.csv").read_text(encoding="utf-8").replace(
        ",source\n", ",source_id\n").replace("Anytown Council workforce return 2024", "dfe2026cswwindicators")
    df = validate_upload(text.encode(), resource="children_workforce_areas", filename="a.csv")
    assert set(df["source_id"]) == {"dfe2026cswwindicators"}
    with pytest.raises(DataError, match=r"row 1 \(line 2\), field 'source_id': found 'nope'"):
        validate_upload(text.replace("dfe2026cswwindicators", "nope").encode(), resource="children_workforce_areas", filename="a.csv")


def test_downloaded_bundled_table_can_be_uploaded_again():
    raw = (DATA / "career_length.csv").read_bytes()
    df = validate_upload(raw, resource="career_length", filename="career_length.csv")
    assert len(df) == len(sd.load("career_length"))
    # area tables carry their source at table level; an upload must name its own in a 'source' column
    areas = (DATA / "children_workforce_areas.csv").read_text(encoding="utf-8").splitlines()
    with pytest.raises(DataError, match="no source column"):
        validate_upload("\n".join(areas).encode(), resource="children_workforce_areas", filename="areas.csv")
    text = "\n".join([areas[0] + ",source"] + [line + ",DfE csww_indicators_2017_to_2025.csv" for line in areas[1:]])
    df = validate_upload(text.encode(), resource="children_workforce_areas", filename="areas.csv")
    assert len(df) == len(sd.load("children_workforce_areas"))


def test_tab_separated_text_is_named_as_such():
    with pytest.raises(DataError) as err:
        validate_upload(b"measure\tgroup\tgeography\n1\t2\t3\n", resource="career_length", filename="t.csv")
    assert str(err.value) == ("t.csv: line 1: found fields separated by tabs; expected commas (save as 'CSV UTF-8 "
                              "(comma delimited)')")


def test_only_data_tables_name_the_file():
    with pytest.raises(DataError) as err:
        validate_upload(b"a,b\n1,2\n", resource="sources", filename="x.csv")
    assert err.value.file == "x.csv"


def test_a_workbook_is_named_as_such():
    with pytest.raises(DataError, match=r"book\.xlsx: found a spreadsheet workbook .*expected a CSV file"):
        validate_upload(b"PK\x03\x04" + b"\x00" * 100, resource="career_length", filename="book.xlsx")


def test_only_data_tables_can_be_uploaded():
    with pytest.raises(DataError, match="resource='sources'; expected one of"):
        validate_upload(b"a,b\n1,2\n", resource="sources", filename="x.csv")


def test_nothing_bundled_changes_when_loads_and_uploads_fail(tmp_path):
    before = _hash_data()
    for name, (resource, _) in CASES.items():
        with pytest.raises(DataError):
            validate_upload(BAD / name, resource=resource)
    with pytest.raises(DataError):
        sd.load("no_such_resource")
    with pytest.raises(DataError):
        validate_upload(b"\xff" * (sd.UPLOAD_LIMIT_BYTES + 1), resource="career_length")
    broken = tmp_path / "data"
    import shutil

    shutil.copytree(DATA, broken)
    (broken / "career_length.csv").write_text("measure\nonly\n", encoding="utf-8")
    with pytest.raises(DataError, match="career_length.csv"):
        sd.validate_package(broken)
    assert _hash_data() == before


def test_a_wrong_delimiter_is_one_structured_problem():
    with pytest.raises(DataError) as err:
        validate_upload(BAD / "wrong_delimiter.csv", resource="career_length")
    assert err.value.problems == [{"row": None, "line": 1, "field": None, "found": "semicolons", "expected": "commas"}]


def test_error_type_carries_structured_problems():
    with pytest.raises(DataError) as err:
        validate_upload(BAD / "non_numeric_value.csv", resource="career_length")
    p = err.value.problems[0]
    assert (p["row"], p["line"], p["field"]) == (2, 3, "value")
    assert "number" in p["expected"]
