"""The bundled data package: it validates (with frictionless and with our own checks), every resource
loads with the right types, hand-checked values are right, and both validators agree on broken copies."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from swleadership import data as sd
from swleadership.data import DataError, load, validate_package

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FIGURES = sd.FIGURE_RESOURCES
ALL = sd.resource_names()


def test_frictionless_validates_the_package():
    from frictionless import validate

    report = validate(str(DATA / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:20]


def test_validate_package_passes_and_counts_every_resource():
    counts = validate_package()
    assert set(counts) == set(ALL)
    assert counts["children_workforce_areas"] > 1000
    assert counts["sources"] >= 40


def test_expected_resources_exist():
    assert set(ALL) == {
        "sources", "career_length", "children_workforce", "adult_social_workers", "gender_comparators",
        "context_funding", "children_workforce_areas", "children_workforce_ethnicity", "geography_notes", "gaps",
    }


def test_module_docstring_lists_every_resource():
    for name in ALL:
        assert name in sd.__doc__, name


@pytest.mark.parametrize("name", ALL)
def test_every_resource_loads_and_validates(name):
    df = load(name, validate=True)
    assert len(df) > 0
    expected = [f["name"] for f in sd.schema(name)["fields"]]
    assert list(df.columns) == expected


@pytest.mark.parametrize("name", FIGURES)
def test_figure_tables_are_typed(name):
    df = load(name)
    assert df["value"].dtype == "float64"
    assert df["year"].dtype == "int64"
    assert df["preferred"].dtype == bool
    assert pd.api.types.is_datetime64_any_dtype(df["period_start"])
    assert set(df["status"]) <= {"verified", "unverified", "derived"}
    # every row has a value or says why not; no "not found" rows in the numeric tables
    assert not df["measure"].str.lower().str.startswith("not found").any()
    assert (df["value"].notna() | (df["suppression"] != "")).all()
    assert (df["value"].dropna() >= 0).all()
    assert (df.loc[df["unit"] == "percent", "value"] <= 100).all()
    # one preferred row per key
    key = ["measure", "group", "geography", "period"]
    assert (df.groupby(key)["preferred"].sum() == 1).all()


def test_area_tables_are_typed_and_keep_suppression_codes():
    a = load("children_workforce_areas")
    for m in ("inpost_fte", "turnover_rate_fte", "vacancy_rate_fte", "caseload_fte", "absence_rate_fte"):
        assert a[m].dtype == "float64"
        assert ((a[m].isna()) == (a[f"{m}_suppression"] != "")).all()
    codes = set().union(*(set(a[c]) for c in a.columns if c.endswith("_suppression"))) - {""}
    assert codes <= {"x", "z", "c", "u", "low"}
    assert {"u", "x", "low"} <= codes
    assert set(a["geographic_level"]) == {"National", "Regional", "Local authority"}
    e = load("children_workforce_ethnicity")
    assert e["known_headcount"].dtype == "Int64"
    assert set(e["shares_suppression"]) <= {"", "x", "z"}


def test_hand_checked_values():
    c = load("career_length")
    sw = c[(c.measure == "expected working life") & (c.group == "social workers")]
    assert sw["value"].tolist() == [8.0]
    assert sw["source_id"].tolist() == ["curtis2010"]
    nurses = c[(c.measure == "expected working life (previous estimate cited)") & (c.group == "nurses")]
    assert nurses["value"].tolist() == [15.0]
    memo = c[c.measure == "average career length (government memorandum)"].set_index("group")
    assert memo.loc["social workers", "qualifier"] == "less than"
    assert memo.loc["social workers", "value"] == 8.0

    w = load("children_workforce")
    t = w[(w.measure == "turnover rate (FTE)") & (w.source_id == "dfe2026cswwindicators")].set_index("year")
    assert t.loc[2017, "value"] == 13.4 and t.loc[2025, "value"] == 11.8
    assert t.loc[2017, "period"] == "2016-10-01/2017-09-30"
    assert t.loc[2017, "period_start"] == pd.Timestamp("2016-10-01")

    a = load("children_workforce_areas")
    eng = a[(a.geographic_level == "National") & (a.time_period == 2025)].iloc[0]
    assert eng["inpost_fte"] == 36186.3 and eng["area_code"] == "E92000001"
    # London = Inner London + Outer London (overlapping rows), to rounding
    r = a[(a.time_period == 2025) & (a.geographic_level == "Regional")].set_index("area_name")
    assert abs(r.loc["London", "inpost_fte"] - r.loc["Inner London", "inpost_fte"] - r.loc["Outer London", "inpost_fte"]) < 0.5
    wm = a[(a.area_name == "Westminster") & (a.time_period == 2025)].iloc[0]
    assert pd.isna(wm["inpost_fte"]) and wm["inpost_fte_suppression"] == "x"

    e = load("children_workforce_ethnicity")
    nat = e[(e.geographic_level == "National") & (e.time_period == 2022) & (e.role == "Senior manager")].iloc[0]
    assert nat["known_headcount"] == 587 and nat["white_pct"] == 84.3

    f = load("context_funding")
    cut = f[f.measure == "real-terms reduction in central government funding to local authorities"]
    assert sorted(cut["value"]) == [49.1, 50.0]
    assert cut.loc[cut.preferred, "value"].tolist() == [49.1]
    assert cut.loc[~cut.preferred, "qualifier"].tolist() == ["nearly"]
    fall = f[f.measure == "fall in spending on social care"]
    assert fall["value"].tolist() == [3.0]


def test_duplicate_key_medical_directors_keeps_both_sources():
    g = load("gender_comparators")
    md = g[(g.group == "NHS trust and ALB medical directors") & (g.period == "2016/2017")]
    assert sorted(md["value"]) == [24.6, 25.0]
    assert md.loc[md.preferred, "source_id"].tolist() == ["bmj2017sealy"]


def test_gaps_are_listed_and_sources_resolve():
    gaps = load("gaps")
    assert len(gaps) >= 10
    assert gaps["measure"].str.contains("expected working life by sex").any()
    ids = set(load("sources")["source_id"])
    for name in FIGURES:
        assert set(load(name)["source_id"]) <= ids
    assert set(gaps["source_id"]) - {""} <= ids


def test_sources_have_how_read_and_dfe_is_ogl():
    s = load("sources").set_index("source_id")
    assert set(s["how_read"]) <= set(sd.package_descriptor()["swl:how_read"])
    for sid in ("dfe2026cswwindicators", "dfe2023cswwethnicity"):
        assert s.loc[sid, "licence"] == "OGL-UK-3.0"
        assert "Open Government Licence v3.0" in s.loc[sid, "attribution"]
    assert s.loc["careappointments2011", "how_read"] == "press report"


def test_licences_on_package_and_every_resource():
    desc = json.loads((DATA / "datapackage.json").read_text())
    assert desc["licenses"]
    for r in desc["resources"]:
        assert r["licenses"], r["name"]
        assert r["description"] and r["title"]
        for f in r["schema"]["fields"]:
            assert f.get("description"), (r["name"], f["name"])
    areas = next(r for r in desc["resources"] if r["name"] == "children_workforce_areas")
    assert areas["licenses"][0]["name"] == "OGL-UK-3.0"
    assert "London" in areas["description"] and "Northamptonshire" in areas["description"]


def test_geography_notes_cover_overlaps_and_reorganisations():
    notes = sd.geography_notes()
    text = " ".join(notes["description"])
    for word in ("Inner London", "Outer London", "Northamptonshire", "Cumbria", "Christchurch", "Poole"):
        assert word in text
    assert any("Northamptonshire" in d for d in sd.notes_for_area("E10000021"))
    assert any("Inner London" in d for d in sd.notes_for_area("E13000001"))
    a = load("children_workforce_areas")
    used = set(";".join(a["geography_notes"]).split(";")) - {""}
    assert used <= set(notes["note_id"])
    cumbria = a[a.area_name == "Cumbria"]
    assert (cumbria["geography_notes"] == "cumbria").all() and cumbria["time_period"].max() == 2022


def test_load_returns_a_copy_and_unknown_names_fail_clearly():
    a = load("career_length")
    a.loc[0, "value"] = -1
    assert load("career_length").loc[0, "value"] != -1
    with pytest.raises(DataError, match=r"no resource named 'nope'.*career_length"):
        load("nope")


def test_load_is_fast_and_validation_is_fast():
    r = sd.bench_data(repeats=3)
    assert r["validate_package"] < 2.0  # target < 0.5 s; generous here for a busy CI machine
    assert r["load_typical"] < 0.2


# ------------------------------------------------------------------------------------------------
# Broken copies of the package: our validator and frictionless both reject them.
# ------------------------------------------------------------------------------------------------
def _broken_copy(tmp_path: Path, edits: dict) -> Path:
    dst = tmp_path / "data"
    shutil.copytree(DATA, dst)
    for resource, edit in edits.items():
        path = dst / f"{resource}.csv"
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return dst / "datapackage.json"


# one edit per resource: (edit, fragments our message must contain, frictionless error type)
BROKEN = {
    "career_length": (lambda t: t.replace(",curtis2010,", ",curtis2099,", 1),
                      ["career_length.csv", "row 1 (line 2), field 'source_id': found 'curtis2099'"], "foreign-key"),
    "sources": (lambda t: t + t.splitlines()[1] + "\n", ["sources.csv", "row 50", "source_id"], "primary-key"),
    "children_workforce_areas": (lambda t: t.replace(",13.4,,", ",113.4,,", 1).replace(",28482.6,", ",-28482.6,", 1),
                                 ["children_workforce_areas.csv", "field 'turnover_rate_fte': found '113.4'; expected a value of at most 100",
                                  "field 'inpost_fte': found '-28482.6'; expected a value of at least 0"], "constraint-error"),
    "gender_comparators": (lambda t: t.replace(",verified,", ",checked,", 1),
                           ["gender_comparators.csv", "field 'status': found 'checked'"], "constraint-error"),
}


def test_broken_copies_are_rejected_by_both_validators(tmp_path):
    from frictionless import validate

    pkg = _broken_copy(tmp_path, {k: v[0] for k, v in BROKEN.items()})
    with pytest.raises(DataError) as err:
        validate_package(pkg)
    msg = str(err.value)
    for _resource, (_, fragments, _) in BROKEN.items():
        for text in fragments:
            assert text in msg, (text, msg)
    report = validate(str(pkg))
    assert not report.valid
    found = {(t.name, e.type) for t in report.tasks for e in t.errors}
    for resource, (_, _, kind) in BROKEN.items():
        assert (resource, kind) in found, (resource, kind, found)


def test_percentage_rule_for_mixed_unit_tables_is_ours(tmp_path):
    """A percent over 100 in a figure table: frictionless cannot express the unit-dependent rule;
    the package declares it (swl:rules) and validate_package enforces it."""
    pkg = _broken_copy(tmp_path, {"context_funding": lambda t: t.replace(",49.1,,,percent,", ",149.1,,,percent,", 1)})
    with pytest.raises(DataError, match=r"context_funding\.csv: row 1 \(line 2\), field 'value': found '149\.1'"):
        validate_package(pkg)


def test_validation_never_writes_to_data(tmp_path):
    before = {p.name: p.read_bytes() for p in DATA.rglob("*") if p.is_file()}
    validate_package()
    for name in ALL:
        load(name, validate=True)
    assert before == {p.name: p.read_bytes() for p in DATA.rglob("*") if p.is_file()}


def test_no_machine_paths_in_the_package():
    for p in (q for q in DATA.rglob("*") if q.is_file()):
        text = p.read_text(encoding="utf-8")
        assert not re.search(r"/work/|/tmp/|/home/|[A-Z]:\\\\", text), p.name
