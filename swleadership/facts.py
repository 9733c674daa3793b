"""Named headline figures, read from ``data/`` (never typed into the prose).

Each entry of :data:`FACTS` names one row of a bundled resource by a filter. ``fact(name)``
reads that row and returns a :class:`Fact` with its value, unit, source and status.
:data:`DERIVED` names the few figures worked out from facts (for exercises), with the sum that gives them.

The prose shows a figure with MyST's inline expression role, ``{eval}`name` ``, and the chapter's first
(hidden) cell imports the names it uses::

    from swleadership.facts import sw_working_life, doctor_working_life

Each such name is the figure's text (``text(name)``: '8 years', '49.1%'). In JupyterLab, jupyterlab-myst
evaluates the expressions in the kernel when the Markdown cell runs; in the book, ``swleadership.sphinxext``
resolves the same names through :func:`text` at build time. Either way the number comes from ``data/``, so a
corrected CSV corrects the book, and tests of :func:`text` test what is displayed.

A filter value ``"latest"`` for ``year`` picks the most recent year that matches, so
"latest" facts follow the data when a new release is added. When several sources give the
same figure, the row marked ``preferred`` is used (``fact(name).alternatives`` lists the
others). ``glue_facts`` (myst-nb's ``{glue:text}``) remains for older notebooks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from swleadership.data import DataError, load

__all__ = ["DERIVED", "FACTS", "Fact", "fact", "text", "names", "glue", "glue_facts", "facts_table", "format_value"]

GLUE_PREFIX = "application/papermill.record/"


def glue(name: str, variable, display: bool = False) -> None:
    """Store ``variable``'s display form under ``name`` for myst-nb's ``{glue}`` roles.

    The same output as ``myst_nb.glue`` (a display-data bundle whose metadata names it), without importing
    myst_nb in the kernel: that import pulls in nbformat and jsonschema's format checkers, about a second per
    notebook at build time.
    """
    import IPython
    from IPython.display import display as ipy_display

    bundle, metadata = IPython.core.formatters.format_display_data(variable)
    prefix = "" if display else GLUE_PREFIX
    metadata["scrapbook"] = {"name": name, "mime_prefix": prefix}
    ipy_display({prefix + k: v for k, v in bundle.items()}, raw=True, metadata=metadata)

_CSWW = "children_workforce"
_DFE = "<current DfE indicators release>"  # resolved from the data: swleadership.data.indicators_source_id()

# name: (resource, filter, label)
FACTS: dict[str, tuple[str, dict, str]] = {
    # --- career length -------------------------------------------------------------------
    "sw_working_life": ("career_length", {"measure": "expected working life", "group": "social workers"},
                        "Expected working life of a social worker (Curtis, Moriarty and Netten 2010)"),
    "social_care_working_life": ("career_length", {"measure": "expected working life", "group": "social care workers"},
                                 "Expected working life of a social care worker (Curtis, Moriarty and Netten 2010)"),
    "nurse_working_life_2010": ("career_length", {"measure": "expected working life (previous estimate cited)", "group": "nurses"},
                                "Expected working life of a nurse, as the 2010 abstract cites earlier work"),
    "doctor_working_life": ("career_length", {"measure": "expected working life (previous estimate cited)", "group": "doctors"},
                            "Expected working life of a doctor, as the 2010 abstract cites earlier work"),
    "pharmacist_working_life": ("career_length", {"measure": "expected working life (previous estimate cited)", "group": "pharmacists"},
                                "Expected working life of a pharmacist, as the 2010 abstract cites earlier work"),
    "nurse_working_life_press_2011": ("career_length", {"measure": "average time in profession", "group": "nurses"},
                                      "Nurses' average time in the profession, as press reports of the authors' 2011 paper give it"),
    "doctor_working_life_press_2011": ("career_length", {"measure": "average time in profession", "group": "doctors"},
                                       "Doctors' average time in the profession, as press reports of the 2011 paper give it"),
    "sw_time_in_profession_press_2011": ("career_length", {"measure": "average time in profession", "group": "social workers"},
                                         "Social workers' average time in the job, as a press report of the 2011 paper gives it"),
    "sw_career_memorandum_2016": ("career_length", {"measure": "average career length (government memorandum)", "group": "social workers"},
                                  "Average social work career in the Government's memorandum to the Education Committee (2016)"),
    "nurse_career_memorandum_2016": ("career_length", {"measure": "average career length (government memorandum)", "group": "nurses"},
                                     "Average nursing career in the Government's memorandum (2016)"),
    "cost_qualifying_social_worker": ("career_length", {"measure": "annual cost of qualifying", "group": "social workers"},
                                      "Annual cost of qualifying a social worker (press report of Curtis et al. 2011)"),
    "cost_qualifying_nurse": ("career_length", {"measure": "annual cost of qualifying", "group": "nurses"},
                              "Annual cost of qualifying a nurse (press report of Curtis et al. 2011)"),
    "register_leavers_under_one_year": ("career_length", {"measure": "share of register leavers registered < 1 year"},
                                        "Share of social workers leaving the register in the year to 30 November 2022 who had been registered for less than a year"),
    "register_leavers_ten_years_plus": ("career_length", {"measure": "share of register leavers registered 10+ years"},
                                        "Share of leavers from the register in the year to 30 November 2022 registered for at least 10 years"),
    # --- women in social work and leadership --------------------------------------------
    "share_female_social_workers": ("gender_comparators", {"measure": "share female", "group": "social workers (Social Work England register)", "period": "2022-11-30"},
                                    "Share of registered social workers in England who are women, 30 November 2022 (Social Work England, as summarised by BASW): the latest verified figure"),
    "share_female_social_workers_2021": ("gender_comparators", {"measure": "share female", "group": "social workers (Social Work England register)", "period": "2021-11-30"},
                                         "Share of registered social workers identifying as female, 30 November 2021 (unverified: text read was truncated)"),
    "share_female_social_workers_gscc_2012": ("gender_comparators", {"measure": "share female", "group": "social workers (GSCC Social Care Register)"},
                                              "Share of social workers on the GSCC register who were women (GSCC 2001-12 report)"),
    "registered_social_workers_2022": ("gender_comparators", {"measure": "registered social workers", "period": "2022-11-30"},
                                       "Social workers on the Social Work England register, 30 November 2022"),
    "share_female_children_social_workers": (_CSWW, {"measure": "share female", "period": "2022-09-30"},
                                             "Share of children and family social workers who are women, 30 September 2022 (DfE)"),
    "share_female_dcs_2022": ("gender_comparators", {"measure": "share female", "group": "directors of children's services", "period": "2022-03-31"},
                              "Share of upper-tier local authorities with a female director of children's services, 31 March 2022 (ADCS)"),
    "share_female_dcs_2024": ("gender_comparators", {"measure": "share female", "group": "directors of children's services", "period": "2024-03-31"},
                              "Share of local authorities with a female director of children's services, 31 March 2024 (derived from ADCS counts)"),
    "female_dcs_count_2024": ("gender_comparators", {"measure": "LAs with female DCS", "period": "2024-03-31"},
                              "Local authorities with a female director of children's services, 31 March 2024 (of 153)"),
    "share_female_adult_sw_2010": ("adult_social_workers", {"measure": "share female", "group": "local authority social workers (adult social care)"},
                                   "Share of local authority adult social workers who are women (c. 2010, secondary summary)"),
    "share_female_nhs_workforce": ("gender_comparators", {"measure": "share female", "group": "whole NHS workforce", "period": "2018-09"},
                                   "Share of NHS staff in England who are women, September 2018"),
    "share_female_nurses": ("gender_comparators", {"measure": "share female", "group": "nurses and health visitors (NHS)", "period": "2018-09"},
                            "Share of NHS nurses and health visitors who are women, September 2018"),
    "share_female_hospital_doctors": ("gender_comparators", {"measure": "share female", "group": "doctors working in NHS hospitals", "period": "2018-09"},
                                      "Share of doctors in NHS hospitals who are women, September 2018"),
    "share_female_consultants_2017": ("gender_comparators", {"measure": "share female", "group": "consultants", "period": "2017-11"},
                                      "Share of NHS consultants who are women, November 2017"),
    "share_female_nhs_senior_roles_2017": ("gender_comparators", {"measure": "share female", "group": "all senior roles (NHS)", "period": "2017-11"},
                                           "Share of NHS senior roles held by women, November 2017"),
    "share_female_nhs_ceo_2017": ("gender_comparators", {"measure": "share female", "group": "chief executives (NHS trusts, CCGs, support organisations, central bodies)", "period": "2017-11"},
                                  "Share of NHS chief executives (trusts, CCGs, support organisations and central bodies) who are women, November 2017 (NHS Digital figures as reported by Hospital Dr)"),
    "share_female_nhs_trust_ceo_2017": ("gender_comparators", {"measure": "share female", "group": "NHS trust and ALB chief executives", "period": "2016/2017"},
                                        "Share of NHS trust and arm's-length body chief executives who were women, 2016-17 (Sealy 2017, as summarised by the BMJ)"),
    "share_female_nhs_trust_ceo_2020": ("gender_comparators", {"measure": "share female", "group": "NHS trust and ALB chief executives", "period": "2020"},
                                        "Share of NHS trust and arm's-length body chief executives who were women, 2020 (NHS Confederation)"),
    "share_female_medical_directors_2017": ("gender_comparators", {"measure": "share female", "group": "NHS trust and ALB medical directors", "period": "2016/2017"},
                                            "Share of NHS trust and arm's-length body medical directors who were women, 2016-17 (Sealy 2017, as summarised by the BMJ; Pharmafile gives 24.6%)"),
    "share_female_medical_directors_2017_precise": ("gender_comparators", {"measure": "share female", "group": "NHS trust and ALB medical directors", "period": "2016/2017", "source_id": "pharmafile2017sealy"},
                                                    "The same medical-directors figure to one decimal place, as Pharmafile reports it"),
    "share_female_medical_directors_2020": ("gender_comparators", {"measure": "share female", "group": "NHS medical directors", "period": "2020"},
                                            "Share of NHS medical directors who were women, 2020 (NHS Confederation)"),
    "share_female_licensed_doctors_2025": ("gender_comparators", {"measure": "share female", "group": "licensed doctors (GMC)", "period": "2025-02"},
                                           "Share of doctors licensed to practise in the UK who are women (GMC, announced March 2025)"),
    # --- funding context ----------------------------------------------------------------
    "la_funding_cut_real_terms": ("context_funding", {"measure": "real-terms reduction in central government funding to local authorities"},
                                  "Real-terms reduction in central government funding to local authorities, 2010-11 to 2017-18 (NAO, quoted by the LGA)"),
    "social_care_share_spend_2010_11": ("context_funding", {"measure": "social care share of LA total service spend", "period": "2010-04-01/2011-03-31"},
                                        "Social care's share of local authorities' total service spend, 2010-11 (NAO)"),
    "social_care_share_spend_2016_17": ("context_funding", {"measure": "social care share of LA total service spend", "period": "2016-04-01/2017-03-31"},
                                        "Social care's share of local authorities' total service spend, 2016-17 (NAO)"),
    "social_care_spending_fall": ("context_funding", {"measure": "fall in spending on social care"},
                                  "Fall in local authority spending on social care, 2010-11 to 2016-17 (NAO)"),
    "other_services_spending_reduction": ("context_funding", {"measure": "reduction in spending on all other service areas"},
                                          "Reduction in local authority spending on all other service areas, 2010-11 to 2016-17 (NAO)"),
    "looked_after_children_rise": ("context_funding", {"measure": "change in number of looked-after children"},
                                   "Rise in the number of looked-after children, 2010-11 to 2016-17 (NAO)"),
    "care_cuts_expected_2017": ("context_funding", {"measure": "share expected to reduce care packages because of cost pressures"},
                                "Share of adult social workers and care assessors responding to a 2017 survey who said they were expected to cut care because of budget pressures"),
    "care_cuts_not_confident_2017": ("context_funding", {"measure": "share not confident reductions were fair or safe"},
                                     "Share of 2017 survey respondents not confident that care reductions were fair or safe (Community Care)"),
    "care_unable_2017": ("context_funding", {"measure": "share unable to get people the care they need"},
                         "Share of 2017 survey respondents unable to get people the care they need (Community Care)"),
    "care_professional_judgement_2017": ("context_funding", {"measure": "share feeling decisions left to professional judgement"},
                                         "Share of 2017 survey respondents who felt decisions were left to their professional judgement (Community Care)"),
    "older_people_need_rise": ("context_funding", {"measure": "change in estimated number of people 65+ in need of care"},
                               "Rise in the estimated number of people aged 65 and over in need of care, 2010-11 to 2016-17 (NAO)"),
    "hotdesking_current_2019": ("context_funding", {"measure": "share currently hotdesking"},
                                "Share of social workers responding to a 2019 Community Care survey who were hot-desking"),
    "hotdesking_incompatible_2019": ("context_funding", {"measure": "share saying hotdesking not compatible with social work"},
                                     "Share of 2019 survey respondents who said hot-desking was not compatible with social work (Community Care)"),
    "hotdesking_employer_2019": ("context_funding", {"measure": "share whose employer uses hotdesking"},
                                 "Share of 2019 survey respondents whose employer used hot-desking (Community Care)"),
    "hotdesking_councils_cp_2016": ("context_funding", {"measure": "share of councils with hotdesking for child protection teams"},
                                    "Share of responding councils with hot-desking for child protection teams, 2016 (Community Care)"),
    "no_own_space_2012": ("context_funding", {"measure": "share without own space in office"},
                          "Share of 2012 survey respondents with no space of their own in the office (Community Care and Unison)"),
    "registered_ten_years_plus_2022": ("career_length", {"measure": "registered social workers continuously registered 10+ years"},
                                       "Social workers on the register for at least 10 years, 30 November 2022 (Social Work England, via Community Care)"),
    "registered_under_one_year_2022": ("career_length", {"measure": "registered social workers registered less than 1 year"},
                                       "Social workers on the register for less than a year, 30 November 2022 (Social Work England, via Community Care)"),
    "dcs_minority_ethnic_2022": ("gender_comparators", {"measure": "share Black and other ethnic minority", "group": "directors of children's services"},
                                 "Share of directors of children's services from Black and other minority ethnic backgrounds, 2022 (ADCS, via Community Care)"),
    "lga_recruitment_difficulty_2022": ("context_funding", {"measure": "share of councils with difficulty recruiting children's social workers", "period": "2022"},
                                        "Share of responding councils reporting difficulty recruiting children's social workers, spring 2022 (LGA survey)"),
    "lga_retention_difficulty_2022": ("context_funding", {"measure": "share of councils with difficulty retaining children's social workers", "period": "2022"},
                                      "Share of responding councils reporting difficulty retaining children's social workers, spring 2022 (LGA survey)"),
    "dcs_recruit_experienced_difficult_2019": ("context_funding", {"measure": "share of DCSs finding it difficult to recruit experienced social workers"},
                                               "Share of directors of children's services finding it difficult to recruit experienced social workers, late 2019 (DfE omnibus)"),
    # --- children's social work workforce (DfE) -----------------------------------------
    "csww_turnover_2017": (_CSWW, {"measure": "turnover rate (FTE)", "year": 2017, "source_id": _DFE},
                           "Turnover of children and family social workers (FTE), year to 30 September 2017"),
    "csww_turnover_2022": (_CSWW, {"measure": "turnover rate (FTE)", "year": 2022, "source_id": _DFE},
                           "Turnover of children and family social workers (FTE), year to 30 September 2022"),
    "csww_turnover_latest": (_CSWW, {"measure": "turnover rate (FTE)", "year": "latest", "source_id": _DFE},
                             "Turnover of children and family social workers (FTE), latest year"),
    "csww_vacancy_rate_2017": (_CSWW, {"measure": "vacancy rate (FTE)", "year": 2017, "source_id": _DFE},
                               "Vacancy rate for children and family social workers (FTE), 30 September 2017"),
    "csww_vacancy_rate_2022": (_CSWW, {"measure": "vacancy rate (FTE)", "year": 2022, "source_id": _DFE},
                               "Vacancy rate for children and family social workers (FTE), 30 September 2022"),
    "csww_vacancy_rate_latest": (_CSWW, {"measure": "vacancy rate (FTE)", "year": "latest", "source_id": _DFE},
                                 "Vacancy rate for children and family social workers (FTE), latest year"),
    "csww_vacancy_rate_2015": (_CSWW, {"measure": "vacancy rate (FTE)", "year": 2015},
                               "Vacancy rate for children and family social workers, September 2015 (earlier collection; not comparable with 2017 on)"),
    "csww_fte_2017": (_CSWW, {"measure": "children and family social workers in post (FTE)", "year": 2017, "source_id": _DFE},
                      "Children and family social workers in post (FTE), 30 September 2017"),
    "csww_fte_latest": (_CSWW, {"measure": "children and family social workers in post (FTE)", "year": "latest", "source_id": _DFE},
                        "Children and family social workers in post (FTE), latest year"),
    "csww_headcount_latest": (_CSWW, {"measure": "children and family social workers in post (headcount)", "year": "latest", "source_id": _DFE},
                              "Children and family social workers in post (headcount), latest year"),
    "csww_starters_latest": (_CSWW, {"measure": "starters (FTE)", "year": "latest", "source_id": _DFE},
                             "Starters (FTE), latest year"),
    "csww_leavers_latest": (_CSWW, {"measure": "leavers (FTE)", "year": "latest", "source_id": _DFE},
                            "Leavers (FTE), latest year"),
    "csww_agency_rate_2017": (_CSWW, {"measure": "agency worker rate (FTE)", "year": 2017, "source_id": _DFE},
                              "Agency worker rate (FTE), 30 September 2017"),
    "csww_agency_rate_latest": (_CSWW, {"measure": "agency worker rate (FTE)", "year": "latest", "source_id": _DFE},
                                "Agency worker rate (FTE), latest year"),
    "csww_caseload_2017": (_CSWW, {"measure": "average caseload per case-holding FTE social worker", "year": 2017, "source_id": _DFE},
                           "Average caseload per case-holding FTE social worker, 30 September 2017"),
    "csww_caseload_latest": (_CSWW, {"measure": "average caseload per case-holding FTE social worker", "year": "latest", "source_id": _DFE},
                             "Average caseload per case-holding FTE social worker, latest year"),
    "csww_absence_rate_latest": (_CSWW, {"measure": "sickness absence rate (FTE)", "year": "latest", "source_id": _DFE},
                                 "Sickness absence rate (FTE), latest year"),
    # --- adult social workers -----------------------------------------------------------
    "adult_sw_la_2018": ("adult_social_workers", {"measure": "number of social workers", "group": "social workers employed by local authority adult social services departments", "period": "2018-09"},
                         "Social workers employed by local authority adult social services, September 2018 (Skills for Care)"),
    "adult_sw_turnover_2018": ("adult_social_workers", {"measure": "turnover rate", "period": "2017-10/2018-09"},
                               "Turnover of local authority adult social workers, 2018 (Skills for Care)"),
    "adult_sw_vacancy_rate_2018": ("adult_social_workers", {"measure": "vacancy rate", "period": "2018-09"},
                                   "Vacancy rate for local authority adult social workers, September 2018 (Skills for Care)"),
    "adult_sw_turnover_2023": ("adult_social_workers", {"measure": "turnover rate", "period": "2022-10/2023-09"},
                               "Turnover of local authority adult social workers, year to September 2023 (press report of Skills for Care)"),
    "adult_sw_vacancy_rate_2023": ("adult_social_workers", {"measure": "vacancy rate", "period": "2023-09"},
                                   "Vacancy rate for local authority adult social workers, September 2023 (press report of Skills for Care)"),
    "adult_sw_headcount_2023": ("adult_social_workers", {"measure": "number of social workers incl. agency (headcount)", "period": "2023-09"},
                                "Adult social workers in councils including agency staff (headcount), September 2023 (press report of Skills for Care)"),
}


@dataclass(frozen=True)
class Fact:
    """One named figure with its provenance. ``text`` is the formatted figure for prose."""

    value: float
    unit: str
    label: str
    source_id: str
    source_title: str
    status: str
    qualifier: str
    period_label: str
    name: str = ""
    text: str = ""
    publisher: str = ""
    url: str = ""
    how_read: str = ""
    resource: str = ""
    alternatives: tuple = field(default=())

    def __str__(self) -> str:
        return self.text


def _num(v: float, decimals: int | None = None) -> str:
    if decimals is not None:
        return f"{v:,.{decimals}f}"
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:,}"


def format_value(value: float, unit: str, qualifier: str = "", decimals: int | None = None) -> str:
    """Format a figure for prose: '8 years', '49.1%', '36,186', '£20,097 a year'.

    ``decimals`` keeps the source's precision (e.g. 3.0% stays '3.0%'); FTE counts are
    rounded to whole numbers.
    """
    if qualifier == "three-quarters":
        return "three-quarters"
    if unit == "percent":
        s = f"{_num(value, decimals)}%"
    elif unit == "years":
        s = f"{_num(value, decimals)} year" + ("" if value == 1 else "s")
    elif unit == "GBP per year":
        s = f"£{_num(value, decimals)} a year"
    elif unit in ("FTE", "WTE"):
        s = _num(round(value))
    else:
        s = _num(value, decimals)
    return f"{qualifier} {s}" if qualifier else s


_RAW_CACHE: dict[tuple[str, float], pd.Series] = {}


def _decimals(resource: str, position: int) -> int:
    """Decimal places of the value as written in the CSV (the source's precision)."""
    from swleadership.data import DATA_DIR  # noqa: PLC0415

    path = DATA_DIR / f"{resource}.csv"
    key = (resource, path.stat().st_mtime)
    if key not in _RAW_CACHE:
        _RAW_CACHE[key] = pd.read_csv(path, dtype=str, usecols=["value"], keep_default_na=False)["value"]
    text = _RAW_CACHE[key].iat[position]
    return len(text.split(".", 1)[1]) if "." in text else 0


def _select(name: str) -> tuple[pd.Series, pd.DataFrame, str]:
    if name not in FACTS:
        raise DataError(f"facts: found no fact named {name!r}; expected one of the names in swleadership.facts.FACTS", file="facts")
    resource, filt, _label = FACTS[name]
    df = load(resource)
    mask = pd.Series(True, index=df.index)
    latest = False
    for col, val in filt.items():
        if col == "year" and val == "latest":
            latest = True
            continue
        if col == "source_id" and val == _DFE:
            from swleadership.data import indicators_source_id  # noqa: PLC0415

            val = indicators_source_id()
        mask &= df[col] == val
    rows = df[mask]
    if latest and not rows.empty:
        rows = rows[rows["year"] == rows["year"].max()]
    others = rows
    if len(rows) > 1:
        pref = rows[rows["preferred"]]
        if len(pref) == 1:
            others = rows[~rows["preferred"]]
            rows = pref
    if len(rows) != 1:
        raise DataError(f"{resource}.csv: found {len(rows)} rows for fact {name!r} ({filt}); expected exactly one", file=f"{resource}.csv")
    row = rows.iloc[0]
    others = others.drop(index=row.name, errors="ignore")
    return row, others, resource


def fact(name: str) -> Fact:
    """The named figure, read from the bundled data, with its source and status."""
    row, others, resource = _select(name)
    src = load("sources").set_index("source_id")
    s = src.loc[row["source_id"]]
    alts = tuple((format_value(r["value"], r["unit"], r["qualifier"], _decimals(resource, int(i))), r["source_id"])
                 for i, r in others.iterrows())
    return Fact(
        value=float(row["value"]), unit=row["unit"], label=FACTS[name][2], source_id=row["source_id"],
        source_title=s["title"], status=row["status"], qualifier=row["qualifier"],
        period_label=row["period_label"], name=name,
        text=format_value(float(row["value"]), row["unit"], row["qualifier"], _decimals(resource, int(row.name))),
        publisher=s["publisher"], url=s["url"], how_read=s["how_read"], resource=resource,
        alternatives=alts,
    )


def _years(i: int) -> str:
    from swleadership.data import indicators_years  # noqa: PLC0415

    return str(indicators_years()[i])


def glue_facts(*names: str) -> dict[str, str]:
    """Glue each named fact's text with myst-nb (``display=False``), for ``{glue:text}`name` ``.

    With no names, glues every fact. Returns ``{name: text}``.
    """

    out = {}
    for n in names or tuple(FACTS):
        t = text(n)
        glue(n, t, display=False)
        out[n] = t
    return out


def facts_table() -> pd.DataFrame:
    """Every named fact with its text, period, status and source (for the data page)."""
    rows = []
    for n in FACTS:
        f = fact(n)
        rows.append({"name": n, "text": f.text, "label": f.label, "period": f.period_label, "status": f.status,
                     "source_id": f.source_id, "how_read": f.how_read, "resource": f.resource})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------------- derived figures
def _turnover_as_life(name: str) -> str:
    """The working life 1/a that a turnover rate gives if it is (wrongly) read as a rate of leaving the profession."""
    return f"{100 / fact(name).value:.1f} years"


def _spend(which: str) -> str:
    """Chapter 34, exercise 1: index 2010-11 total service spend at 100 and apply the NAO's share and falls."""
    share_0 = fact("social_care_share_spend_2010_11").value
    sc_fall = fact("social_care_spending_fall").value
    other_cut = fact("other_services_spending_reduction").value
    sc_1 = share_0 * (1 - sc_fall / 100)
    other_0 = 100 - share_0
    other_1 = other_0 * (1 - other_cut / 100)
    return {
        "sc_0": f"{share_0:.1f}", "other_0": f"{other_0:.1f}", "sc_1": f"{sc_1:.1f}", "other_1": f"{other_1:.1f}",
        "total_1": f"{sc_1 + other_1:.1f}", "share_1_implied": f"{100 * sc_1 / (sc_1 + other_1):.1f}%",
        "total_fall": f"{100 - (sc_1 + other_1):.0f}%",
    }[which]


def _promotion_ratio_three_steps() -> str:
    """Chapter 35, exercise 3: the promotion ratio r that, over k = 3 steps of the illustrative pipeline model
    f_k = f0 / (f0 + r**k * (1 - f0)), turns the share of women among children and family social workers into the
    share among directors of children's services."""
    f0 = fact("share_female_children_social_workers").value / 100
    fk = fact("share_female_dcs_2022").value / 100
    return f"{(f0 * (1 - fk) / (fk * (1 - f0))) ** (1 / 3):.2f}"


# name: (function giving the text, label)
DERIVED: dict[str, tuple] = {
    **{f"{n}_as_life": ((lambda n=n: _turnover_as_life(n)),
                        f"Working life implied by reading {n} as a rate of leaving the profession (1/a)")
       for n in ("csww_turnover_2017", "csww_turnover_2022", "csww_turnover_latest")},
    **{f"ex_{k}": ((lambda k=k: _spend(k)), f"Chapter 34 exercise 1: {k} (2010-11 total service spend = 100)")
       for k in ("sc_0", "other_0", "sc_1", "other_1", "total_1", "share_1_implied", "total_fall")},
    "ex_r_three_steps": (_promotion_ratio_three_steps, "Chapter 35 exercise 3: promotion ratio over three steps"),
    # years the prose names, read from the data so that a new DfE release moves them ("2017 to 2025")
    "csww_first_year": ((lambda: _years(0)), "First reporting year of DfE's children's social work indicators"),
    "csww_latest_year": ((lambda: _years(1)), "Latest reporting year of DfE's children's social work indicators"),
}


def _setting_texts() -> dict:
    from swleadership.launch import TEXTS  # noqa: PLC0415  (the sentence about launch buttons, from _config.yml)

    return TEXTS


def names() -> tuple[str, ...]:
    """Every name the prose may show with ``{eval}`name` ``: facts, derived figures and setting texts."""
    return (*FACTS, *DERIVED, *_setting_texts())


def text(name: str) -> str:
    """The text the prose shows for a named fact, derived figure or setting text (``run_live``)."""
    if name in DERIVED:
        return DERIVED[name][0]()
    if name in _setting_texts():
        return _setting_texts()[name]()
    return fact(name).text


def __getattr__(name: str) -> str:
    """``from swleadership.facts import sw_working_life`` gives the figure's text (PEP 562)."""
    if name in FACTS or name in DERIVED or name in _setting_texts():
        return text(name)
    raise AttributeError(f"module 'swleadership.facts' has no attribute {name!r} (and no fact or derived figure "
                         "of that name: add it to FACTS or DERIVED in swleadership/facts.py)")
