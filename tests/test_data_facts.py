"""Named facts: read from data/, formatted for prose, glued with myst-nb."""

from __future__ import annotations

import pytest

from swleadership.data import DataError
from swleadership.facts import FACTS, Fact, fact, facts_table, format_value, glue_facts

EXPECTED = {
    "sw_working_life": "8 years",
    "social_care_working_life": "13 years",
    "nurse_working_life_2010": "15 years",
    "nurse_working_life_press_2011": "16 years",
    "doctor_working_life": "25 years",
    "sw_career_memorandum_2016": "less than 8 years",
    "la_funding_cut_real_terms": "49.1%",
    "social_care_share_spend_2010_11": "45.3%",
    "social_care_share_spend_2016_17": "54.4%",
    "social_care_spending_fall": "3.0%",
    "csww_turnover_2017": "13.4%",
    "csww_turnover_latest": "11.8%",
    "csww_vacancy_rate_2017": "17%",
    "csww_vacancy_rate_latest": "14.2%",
    "csww_fte_latest": "36,186",
    "csww_fte_2017": "28,483",  # 28,482.6 FTE: rounded, not truncated
    "csww_starters_latest": "5,838",  # 5,837.8
    "csww_leavers_latest": "4,276",  # 4,276.3
    "csww_agency_rate_latest": "13%",
    "csww_caseload_latest": "15.2",
    "share_female_social_workers": "82.9%",
    "share_female_children_social_workers": "87%",
    "share_female_dcs_2022": "64%",
    "share_female_medical_directors_2017": "25%",
    "share_female_medical_directors_2017_precise": "24.6%",
    "share_female_nhs_ceo_2017": "44%",
    "cost_qualifying_social_worker": "£20,097 a year",
}


@pytest.mark.parametrize("name", sorted(FACTS))
def test_every_fact_resolves_to_one_row_with_a_source(name):
    f = fact(name)
    assert isinstance(f, Fact)
    assert f.text and f.source_title and f.source_id and f.period_label
    assert f.status in {"verified", "unverified", "derived"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hand_checked_fact_text(name):
    assert fact(name).text == EXPECTED[name]


def test_provenance_of_headline_facts():
    f = fact("sw_working_life")
    assert (f.value, f.unit, f.source_id, f.how_read) == (8.0, "years", "curtis2010", "abstract only")
    assert "Curtis" in f.source_title
    p = fact("nurse_working_life_press_2011")
    assert p.how_read == "press report"
    assert fact("share_female_social_workers").period_label == "30 Nov 2022"
    assert fact("share_female_social_workers_2021").status == "unverified"
    assert fact("share_female_dcs_2024").status == "derived"
    md = fact("share_female_medical_directors_2017")
    assert md.alternatives == (("24.6%", "pharmafile2017sealy"),)


def test_latest_follows_the_data():
    assert fact("csww_turnover_latest").period_label == "year to 30 Sep 2025"
    assert fact("csww_fte_latest").value == 36186.3


def test_format_value():
    assert format_value(1, "years") == "1 year"
    assert format_value(75, "percent", "three-quarters") == "three-quarters"
    assert format_value(2400, "people", "around") == "around 2,400"
    assert format_value(3.0, "percent", decimals=1) == "3.0%"


def test_unknown_fact_is_a_data_error():
    with pytest.raises(DataError, match="no fact named 'nope'"):
        fact("nope")


def test_glue_facts_glues_text(monkeypatch):
    """What myst-nb reads: one display-data bundle per fact, named in its metadata, holding the fact's text."""
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda *objs, **kw: shown.append((objs, kw)))
    out = glue_facts("sw_working_life", "la_funding_cut_real_terms")
    assert out == {"sw_working_life": "8 years", "la_funding_cut_real_terms": "49.1%"}
    assert len(shown) == 2
    for (objs, kw), (name, text) in zip(shown, out.items(), strict=True):
        (bundle,) = objs
        assert kw["raw"] is True
        assert kw["metadata"]["scrapbook"] == {"name": name, "mime_prefix": "application/papermill.record/"}
        assert bundle["application/papermill.record/text/plain"] == repr(text)


def test_glue_with_display_shows_the_value_itself(monkeypatch):
    import IPython.display

    from swleadership.facts import glue

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda *objs, **kw: shown.append((objs, kw)))
    glue("n", 42, display=True)
    (bundle,), kw = shown[0]
    assert bundle == {"text/plain": "42"} and kw["metadata"]["scrapbook"] == {"name": "n", "mime_prefix": ""}


def test_format_value_rounds_fte_counts():
    assert format_value(28482.6, "FTE") == "28,483"
    assert format_value(28482.4, "WTE") == "28,482"
    assert format_value(0.5, "years") == "0.5 years" and format_value(2, "years") == "2 years"
    assert format_value(20097, "GBP per year") == "£20,097 a year"
    assert format_value(12.25, "percent", decimals=2) == "12.25%" and format_value(7, "people") == "7"


def test_facts_table_lists_every_fact():
    t = facts_table()
    assert list(t["name"]) == list(FACTS)
    assert not t["text"].eq("").any()
    assert list(t.columns) == ["name", "text", "label", "period", "status", "source_id", "how_read", "resource"]
    row = t.set_index("name").loc["sw_working_life"]
    assert (row["text"], row["period"], row["status"], row["source_id"], row["how_read"], row["resource"]) == \
        ("8 years", fact("sw_working_life").period_label, "verified", "curtis2010", "abstract only", "career_length")
    assert row["label"] == FACTS["sw_working_life"][2]


def test_format_value_keeps_the_sources_decimals_for_every_unit():
    assert format_value(8.0, "years", decimals=1) == "8.0 years"
    assert format_value(20097, "GBP per year", decimals=2) == "£20,097.00 a year"
    assert format_value(15.2, "cases", decimals=2) == "15.20"


def test_a_fact_carries_its_qualifier_source_and_alternatives():
    f = fact("la_funding_cut_real_terms")
    assert f.alternatives == (("nearly 50%", "nao2018press"),)  # the NAO's own "nearly 50%", qualifier kept
    assert (f.name, f.publisher) == ("la_funding_cut_real_terms", "Local Government Association")
    assert f.url.startswith("https://www.local.gov.uk/")
    m = fact("sw_career_memorandum_2016")
    assert (m.qualifier, m.text, str(m)) == ("less than", "less than 8 years", "less than 8 years")


def test_unknown_and_ambiguous_facts_name_the_file(monkeypatch):
    import swleadership.facts as facts_module

    with pytest.raises(DataError) as e:
        fact("nope")
    assert e.value.file == "facts"
    monkeypatch.setitem(facts_module.FACTS, "two_rows", ("career_length", {"measure": "expected working life"}, "x"))
    with pytest.raises(DataError) as e:
        fact("two_rows")
    assert str(e.value) == ("career_length.csv: found 2 rows for fact 'two_rows' ({'measure': 'expected working "
                            "life'}); expected exactly one")
    assert e.value.file == "career_length.csv"
    # "latest" is one filter among others: the ones after it still apply
    monkeypatch.setitem(facts_module.FACTS, "latest_first", (
        "children_workforce", {"year": "latest", "measure": "turnover rate (FTE)", "source_id": facts_module._DFE}, "x"))
    assert fact("latest_first").text == fact("csww_turnover_latest").text


def test_figures_are_importable_by_name():
    import swleadership.facts as facts_module

    assert facts_module.sw_working_life == "8 years" and facts_module.ex_sc_0 == "45.3"
    assert isinstance(facts_module.run_live, str)
    with pytest.raises(AttributeError) as e:
        facts_module.nope  # noqa: B018
    assert str(e.value) == ("module 'swleadership.facts' has no attribute 'nope' (and no fact or derived figure of "
                            "that name: add it to FACTS or DERIVED in swleadership/facts.py)")
