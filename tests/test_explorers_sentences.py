"""The explorers' sentences and labels, whole: what a student reads beside a figure must say exactly what the
figure shows. Numbers are worked by hand in the comments; the data rows they come from are named."""

from __future__ import annotations

import pytest

from swleadership.explorers import career as C
from swleadership.explorers import funding as F
from swleadership.explorers import gender as G
from swleadership.explorers import pressures as P

# nurses and health visitors (NHS), Sep 2018: 89%; NHS trust and ALB chief nurses, 2016-17: 85% (data/gender_comparators.csv)
NURSING_ENTRY = "89% of nurses and health visitors (NHS) (Sep 2018, NHS Digital (2019))"
NURSING_TOP = "85% of NHS trust and ALB chief nurses (2016-17 (report March 2017), BMJ (2017))"


def test_pipeline_one_step_sentences():
    # f1 = 0.89 / (0.89 + 1.5 × 0.11) = 0.89 / 1.055 = 0.8436 → 84.4%; r = 0.89 × 0.15 / (0.85 × 0.11) = 1.43
    p = G.pipeline_update("nursing", 1.5, 1)
    assert p["traces"] == {0: {"x": [0, 1], "y": [89.0, 84.4], "text": ["89%", "84%"]}, 1: {"y": [85.0, 85.0]}}
    assert p["layout"] == {"title.text": "Pipeline (illustrative): f0 = 89%, r = 1.5, k = 1 → 84.4% women at the top"}
    assert p["summary"] == (
        "Entry share f0 = 89.0%; men promoted r = 1.5 times as often as women; after k = 1 step the model gives "
        f"84.4% women. The real figure is 85%: in 1 step that needs r ≈ 1.43. Entry: {NURSING_ENTRY}. "
        f"Leadership: {NURSING_TOP}.")
    short = G.pipeline_update("nursing", 1.5, 1, short=True)
    assert short["summary"] == "Model: 84.4% women after 1 step. Real figure: 85%; reaching it in 1 step needs r ≈ 1.43."
    assert "text" not in short["traces"][0]


def test_pipeline_when_no_ratio_can_be_inferred():
    # entry share already at the real figure: f3 = 0.85 / (0.85 + 8 × 0.15) = 0.85 / 2.05 = 41.5%, no r to infer
    p = G.pipeline_update("nursing", 2, 3, f0=0.85)
    assert p["summary"] == (
        "Entry share f0 = 85.0%; men promoted r = 2 times as often as women; after k = 3 steps the model gives 41.5% "
        f"women. The real figure is 85%. Entry: {NURSING_ENTRY}. Leadership: {NURSING_TOP}.")
    assert G.pipeline_update("nursing", 2, 3, f0=0.85, short=True)["summary"] == \
        "Model: 41.5% women after 3 steps. Real figure: 85%."
    k0 = G.pipeline_update("nursing", 2, 0)  # no step: no ratio either
    assert k0["traces"][0]["y"] == [89.0] and "after k = 0 steps the model gives 89.0% women. The real figure is 85%." \
        in k0["summary"]
    # the worked example has no real figure: f2 = 0.5
    assert G.pipeline_update("hand", 2, 2, short=True)["summary"] == "Model: 50.0% women after 2 steps."
    hand = G.pipeline_update("hand", 2, 2)
    assert hand["summary"] == ("Entry share f0 = 80.0%; men promoted r = 2 times as often as women; after k = 2 "
                               "steps the model gives 50.0% women.")
    assert hand["traces"][1] == {"y": [None, None]}
    assert G.pipeline_update("medicine", 1, 2)["traces"][1]["y"] == [29.0, 29.0]  # NHS medical directors, 2020


def test_ethnicity_suppressed_roles_are_named_with_their_code():
    p = G.ethnicity_update(2019, "E06000001")  # Hartlepool, 2019: every role suppressed with 'x' (data/...ethnicity.csv)
    assert all(p["traces"][i]["x"] == [None] * 7 for i in range(5))
    roles = [G.ROLE_LABELS.get(r, r) for r in G.ROLES]
    assert p["summary"] == ("Hartlepool, 2019 (people whose ethnicity is known). Not shown: "
                            + "; ".join(f"{r}: suppressed ('x', not available)" for r in roles) + ".")
    marks = p["layout"]["annotations"]
    assert [a["y"] for a in marks] == roles and {a["text"] for a in marks} == {"suppressed ('x')"}
    assert marks[0] == {"x": 0, "xref": "x", "y": "Case holder", "yref": "y", "xanchor": "left", "showarrow": False,
                        "text": "suppressed ('x')", "font": {"size": 12, "color": "#333333"}}
    assert p["layout"]["title.text"] == "Ethnicity by role: Hartlepool, 2019"


def test_ethnicity_of_an_upload_with_missing_roles():
    idx = {(2023, "upload:X"): {"Case holder": {"area_name": "Mine", "shares_suppression": "", "white_pct": 70.04,
                                                "mixed_pct": 5, "asian_pct": 10, "black_pct": 12, "other_pct": 2.96}}}
    p = G.ethnicity_update(2023, "upload:X", idx)
    assert [p["traces"][i]["x"][0] for i in range(5)] == [70.0, 5.0, 10.0, 12.0, 3.0]
    assert p["traces"][0]["x"][1:] == [None] * 6
    roles = [G.ROLE_LABELS.get(r, r) for r in G.ROLES]
    assert p["summary"] == ("Mine, 2023 (people whose ethnicity is known). Not shown: "
                            + "; ".join(f"{r}: no row" for r in roles[1:]) + ".")
    assert [a["text"] for a in p["layout"]["annotations"]] == ["no row"] * 6


@pytest.mark.parametrize("year, area, index, message", [
    (2030, "E92000001", None, "No ethnicity data for area 'E92000001' in 2030; the file covers 2019–2022."),
    (2023, "upload:Y", {(2023, "upload:X"): {"Case holder": {}}},
     "No ethnicity data for area 'upload:Y' in 2023; the file covers no year for it."),
    (2024, "upload:X", {(2022, "upload:X"): {"Case holder": {}}, (2023, "upload:X"): {"Case holder": {}}},
     "No ethnicity data for area 'upload:X' in 2024; the file covers 2022–2023."),
])
def test_ethnicity_without_data_says_which_years_there_are(year, area, index, message):
    with pytest.raises(ValueError) as e:
        G.ethnicity_update(year, area, index)
    assert str(e.value) == message


def test_ethnicity_table_gives_each_role_and_its_shares():
    t = G.ethnicity_table("E92000001")
    assert list(t.columns) == ["Year", "Role", "Known headcount", "White (%)", "Mixed or multiple (%)",
                               "Asian or Asian British (%)", "Black, African, Caribbean or Black British (%)",
                               "Other ethnic group (%)"]
    assert set(t["Year"]) == {2019, 2020, 2021, 2022} and "All children's social workers" in set(t["Role"])
    row = t[(t["Year"] == 2019) & (t["Role"] == "All children's social workers")].iloc[0]
    assert (row["Known headcount"], row["White (%)"], row["Black, African, Caribbean or Black British (%)"]) == \
        ("26,882", "78", "12")  # data/children_workforce_ethnicity.csv, England 2019
    hart = G.ethnicity_table("E06000001")
    assert set(hart[hart["Year"] == 2019]["White (%)"]) == {"x"}


def test_shares_summary_names_the_figures_and_the_gap():
    p = G.shares_update("latest")
    assert p["summary"] == (
        "Showing the latest figure in the data for each group (the year is in each label). Women are 87% (2022) of "
        "children's social workers in councils but 66.7% (2024 derived) of directors of children's services. "
        "Occupational therapy has no leadership figure in the data.")
    assert p["layout"] == {"title.text": "Share of women: professions and leadership roles (latest figures)"}
    with pytest.raises(ValueError, match="which must be 'latest' or 'earliest'; got 'first'"):
        G.shares_update("first")


def test_funding_summary_sentence_whole():
    # NAO: 49.1% real-terms fall (2010-11 to 2017-18); social care 45.3% → 54.4% of service spend
    p = F.funding_update("adult-turnover")
    assert p["summary"] == (
        "Adult social workers in councils: turnover rate. The NAO period (shaded) saw a 49.1% real-terms fall in "
        "central government funding to councils; social care's share of their service spending rose from 45.3% to "
        "54.4%. 2 figure(s) of this series fall in the period, 5 after it.")
    assert p["layout"] == {"title.text": "Funding, demand and adult social worker turnover", "yaxis3.title.text": "%"}
    assert F.funding_update("adult-number")["summary"].endswith(
        "The definitions change between sources (jobs, WTE, headcount, with or without agency staff): compare "
        "within one definition only.")
    with pytest.raises(ValueError, match="series must be one of adult-number, adult-turnover"):
        F.funding_update("nope")


def test_pressures_summary_sentence_whole_with_gaps():
    # Isles of Scilly: turnover suppressed 'z' (not applicable) from 2021 (data/children_workforce_areas.csv)
    p = P.pressures_update("turnover_rate_fte", "la:Isles of Scilly", start=2017, end=2025, adult=False)
    s = p["summary"]
    assert s.startswith("Isles of Scilly (South West), 20")
    assert "Gaps, not zeros: 2021 (z: not applicable), 2022 (z: not applicable)" in s and s.endswith(".")
    assert "(England" in s
    with pytest.raises(ValueError, match="measure must be one of inpost_fte"):
        P.pressures_update("nope")
    with pytest.raises(ValueError, match="Unknown area 'nowhere'"):
        P.pressures_update("inpost_fte", "nowhere")


def test_pressures_area_not_in_the_data_that_year():
    s = P.pressures_update("inpost_fte", [sid for _, sid in P.area_options() if sid.startswith("la:Northamptonshire")][0])["summary"]
    assert "2021 (area not in the data that year)" in s and "2025 (area not in the data that year)" in s


def test_career_sentences_whole():
    # a = 0.2: 1/a = 5.0 years; ln 0.5 / ln 0.8 = 3.1 years; 0.8^5 = 32.8%; N × a = 1,000 × 0.2 = 200
    p = C.career_update(20, 5, 1000, "my team")
    assert p["summary"] == (
        "At a leaving rate of 20.0% a year, a social worker can expect to practise for 5.0 years. Half of those who "
        "start have left after 3.1 years, and after 5 years 32.8% are still practising. To keep a workforce of 1,000 "
        "steady (my team) takes 200 new entrants a year.")
    assert p["traces"][C.T_MODEL]["name"] == "Model: a = 20.0% a year, working life 5.0 years"
    assert p["traces"][C.T_RATE_LINE]["name"] == "Model: your leaving rate a = 20.0%"
    assert C.career_update(20, 5, 1000, short=True)["summary"] == (
        "20.0% leave a year: about 5.0 years of practice; half have left after 3.1 years; 32.8% remain after 5 years; "
        "200 new entrants a year keep 1,000 steady.")
    typed = C.career_update(20, 5, 1000)["summary"]
    assert "(the number you typed)" in typed
    default = C.career_update(20, 5)["summary"]
    n, year = C.default_workforce()
    assert f"workforce of {n:,} steady (children's social workers in post in England, FTE, {year}, DfE)" in default
    assert (n, year) == (36186, 2025)  # 36,186.3 FTE in 2025, rounded
    r = C.career_reverse_update(16, 8, 1000, short=True)["summary"]
    # L = 16: a = 6.25% → "6.2%" (round half to even); ln 0.5 / ln 0.9375 = 10.7 years; 0.9375^8 = 59.7%
    assert r == ("16 years of practice means 6.2% leave a year; half have left after 10.7 years; 59.7% remain after 8 "
                 "years; 62 new entrants a year keep 1,000 steady.")


def test_pipeline_several_steps_sentence_and_a_real_share_with_a_decimal():
    # children's social workers 87% → directors 64%: f3 = 0.87 / (0.87 + 1.5^3 × 0.13) = 0.87 / 1.30875 = 66.5%;
    # r = (0.87 × 0.36 / (0.64 × 0.13))^(1/3) = 3.764^(1/3) = 1.56
    s = G.pipeline_update("social-work", 1.5, 3)["summary"]
    assert s.startswith("Entry share f0 = 87.0%; men promoted r = 1.5 times as often as women; after k = 3 steps the "
                        "model gives 66.5% women. The real figure is 64%: in 3 steps that needs r ≈ 1.56. Entry: 87% of ")
    assert G.pipeline_update("nhs", 1.5, 3)["traces"][1] == {"y": [45.5, 45.5]}  # NHS trust chief executives, 2020
