"""Build ``data/`` (the Frictionless data package) from the shared reference data.

Run by hand, never by the book build or the tests::

    python -m swleadership._build_data SOURCE_FOLDER [--out data]

``SOURCE_FOLDER`` is the folder of reference data the project was given: five tidy
CSVs (``career_length.csv``, ``children_social_work_workforce_england.csv``,
``adult_social_care_social_workers_england.csv``, ``gender_comparators.csv``,
``context_funding_and_surveys.csv``) and ``raw/`` with two unmodified DfE files.

What the script does, so that every change to a figure can be audited:

* splits ``value`` into a number and a ``qualifier`` ("around", "less than", ...);
* turns the free-text "unverified"/"derived" notes into a ``status`` field;
* normalises each period wording to an ISO 8601 ``period`` (year, month, date or
  interval), ``year``, ``period_start`` and ``period_end``, keeping ``period_label``;
* stores each source once in ``sources.csv`` and gives each row a ``source_id``;
* moves "not found" rows to ``gaps.csv``;
* marks, where two sources give the same figure key, which one the book uses
  (``preferred``);
* extracts compact area (national, regional, local-authority) tables from the two
  DfE files, keeping DfE's suppression codes in their own columns;
* writes ``datapackage.json`` (schemas, constraints, licences, descriptions).

It checks its own output with :func:`swleadership.data.validate_package`.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

import pandas as pd

from . import dfe
from .dfe import AREA_MEASURES, ETHNIC_SHARES, SYMBOLS

OGL = {
    "name": "OGL-UK-3.0",
    "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    "title": "Open Government Licence v3.0",
}
OTHER_AT = {
    "name": "other-at",
    "title": "Figures and short quotations from the named sources, reused with attribution "
    "(no further rights claimed)",
}
OGL_ATTRIBUTION = "Contains public sector information licensed under the Open Government Licence v3.0."

SUPPRESSION = SYMBOLS  # DfE's in-cell symbols, defined once in swleadership.dfe

UNITS = [
    "percent", "years", "people", "FTE", "WTE", "jobs", "posts", "cases", "cases per FTE",
    "GBP per year", "local authorities",
]
QUALIFIERS = ["around", "about", "nearly", "less than", "three-quarters"]
STATUS = {
    "verified": "the figure was read in the source named, as the locator quotes it",
    "unverified": "the figure could not be checked completely (for example the text read was "
    "truncated, was a mirror copy, or a column mapping was inferred); do not teach it as fact",
    "derived": "calculated by the project from figures in the source named (the note says how); "
    "not a published figure",
}
HOW_READ = {
    "official file": "the producer's own data file (CSV) was read",
    "official publication": "the producing body's own release, report, register snapshot or "
    "press release was read",
    "organisation's own publication": "a non-official organisation's own report of its own "
    "survey or study was read",
    "abstract only": "only the abstract or publication page of a research paper was read",
    "press report": "a news report of the figures was read, not the original",
    "secondary summary": "another organisation's summary of the original was read",
    "catalogue record": "only a library catalogue description was read",
    "mirror copy": "only an unofficial copy of a news article was read",
}

FILES = {
    "career_length": "career_length.csv",
    "children_workforce": "children_social_work_workforce_england.csv",
    "adult_social_workers": "adult_social_care_social_workers_england.csv",
    "gender_comparators": "gender_comparators.csv",
    "context_funding": "context_funding_and_surveys.csv",
}

# --------------------------------------------------------------------------------------
# Sources: (title, url) of the reference CSVs -> id and metadata, typed by hand.
# how_read and date are judged from the SOURCES notes; licence is recorded only where it
# is known (DfE and other GOV.UK statistics services: OGL v3).
# --------------------------------------------------------------------------------------
SOURCES = [
    # id, match (substring of source_title), publisher, date, how_read, licence
    ("curtis2010", "Curtis L, Moriarty J, Netten A (2010)", "Curtis, Moriarty and Netten, British Journal of Social Work (publication page: PSSRU)", "2010", "abstract only", ""),
    ("careappointments2011", "Call to invest more in retention", "Care Appointments (news site)", "2011-09", "press report", ""),
    ("communitycare2011", "Invest in social worker retention not students", "Community Care", "2011-09-02", "press report", ""),
    ("hc2016socialworkreform", "Social work reform, Third Report of Session 2016-17", "House of Commons Education Committee", "2016", "official publication", ""),
    ("communitycare2023swe", "Quarter of those who quit register", "Community Care", "2023-03-16", "press report", ""),
    ("dfe2026cswwindicators", "reporting year 2025: underlying data file csww_indicators_2017_to_2025.csv", "Department for Education", "2026-03-19", "official file", "OGL-UK-3.0"),
    ("dfe2023cswwethnicity", "underlying data file csww_workforce_role_by_ethnicity_2019_to_2022.csv", "Department for Education", "", "official file", "OGL-UK-3.0"),
    ("dfe2021csww", "Children's social work workforce, reporting year 2021 (release text)", "Department for Education", "", "official publication", "OGL-UK-3.0"),
    ("dfe2022csww", "Children's social work workforce, reporting year 2022 (release text)", "Department for Education", "", "official publication", "OGL-UK-3.0"),
    ("dfecswwcharacteristics", "data catalogue: '2. Characteristics", "Department for Education", "", "official publication", "OGL-UK-3.0"),
    ("rdu2017ethnicity", "(Ethnicity facts and figures), 2016/17 data", "Race Disparity Unit (Ethnicity facts and figures), DfE data", "", "official publication", "OGL-UK-3.0"),
    ("rdu2018ethnicity", "(Ethnicity facts and figures), version 2.0, 2018 data", "Race Disparity Unit (Ethnicity facts and figures), DfE data", "", "official publication", "OGL-UK-3.0"),
    ("sfc2018socialwork", "Social work: headline social worker statistics", "Skills for Care", "2018", "official publication", ""),
    ("communitycare2022sfc", "Drop in adult social workers employed by councils", "Community Care", "2022-03-03", "press report", ""),
    ("communitycare2024sfc", "Adult social worker numbers hit record high", "Community Care", "2024-02-16", "press report", ""),
    ("communitycare2024agency", "Use of agency social workers up 25%", "Community Care", "2024-02-26", "press report", ""),
    ("hscic2012pss", "Personal Social Services: Staff of Social Services Departments at 30 September - England, 2012", "Health and Social Care Information Centre (now NHS Digital)", "", "official publication", ""),
    ("thecarer2013", "New report shows drop in adult social services jobs", "The Carer (news site)", "2013", "press report", ""),
    ("nhsdigital2019pss", "Personal Social Services: Staff of Social Services Departments, England 2019", "NHS Digital (data: Skills for Care ASC-WDS)", "2019", "official publication", ""),
    ("warwickier2010lmi", "LMI Future Trends - Social care", "University of Warwick Institute for Employment Research", "", "secondary summary", ""),
    ("sfccapacity", "Our position on workforce capacity", "Skills for Care", "", "official publication", ""),
    ("swe2022emergingthemes", "Social Work in England: Emerging Themes report launched", "Social Work England", "2022-01-31", "official publication", ""),
    ("basw2023psw", "Social workers in England - who they are and where they work", "British Association of Social Workers (PSW magazine)", "2023-03-16", "secondary summary", ""),
    ("basw2012gscc", "The average social worker in England is 46 and female", "British Association of Social Workers", "2012-06", "secondary summary", ""),
    ("communitycare2022adcs", "Record number of female directors of children's services", "Community Care", "2022-04-21", "press report", ""),
    ("lglawyer2024adcs", "Level of annual changes in holders of post of Director", "Local Government Lawyer", "2024", "press report", ""),
    ("nhsdigital2018gender", "Narrowing of NHS gender divide", "NHS Digital", "2018-03-08", "official publication", ""),
    ("hospitaldr2018", "NHS gender divide is narrowing but men still dominate", "Hospital Dr", "2018-03", "press report", ""),
    ("onmedica2018", "Women underrepresented in senior roles in NHS", "OnMedica", "2018-03-08", "press report", ""),
    ("nhsdigital2019iwd", "International Women's Day analysis: The role of women in the NHS", "NHS Digital", "2019-03", "official publication", ""),
    ("bmj2011gmc", "Female doctors may outnumber male doctors by 2017", "BMJ news item (abstract page on R Discovery)", "2011", "secondary summary", ""),
    ("bmj2016gmc", "The state of UK medical education and practice: report from the GMC", "BMJ (reporting General Medical Council)", "2016", "secondary summary", ""),
    ("ftpnews2025gmc", "More female than male doctors for first time ever in the UK", "Fitness to Practise News (news site)", "2025-03", "press report", ""),
    ("hcpc2020snapshot", "Registrant snapshot - 1 October 2020", "Health and Care Professions Council", "2020-10-01", "official publication", ""),
    ("hcpc2021snapshot", "Registrant snapshot - 1 November 2021", "Health and Care Professions Council", "2021-11-01", "official publication", ""),
    ("bmj2017sealy", "Five facts on women in NHS leadership roles", "BMJ (reporting Sealy, NHS Employers / University of Exeter)", "2017", "secondary summary", ""),
    ("pharmafile2017sealy", "Women are 77% of NHS workforce but occupy only 41%", "Pharmafile", "2017", "press report", ""),
    ("nhsconfed2020", "More progress needed to achieve gender equality in NHS leadership", "NHS Confederation (Health and Care Women Leaders Network; research by University of Exeter Business School)", "2020-09-09", "organisation's own publication", ""),
    ("sfc2008nmdsbl", "Age and gender (NMDS-SC briefing 5", "Skills for Care (catalogue entry at the British Library)", "2008-02", "catalogue record", ""),
    ("lga2018naobriefing", "LGA Briefing: National Audit Office report", "Local Government Association", "2018-03-20", "secondary summary", ""),
    ("nao2018press", "Financial sustainability of local authorities 2018", "National Audit Office", "2018-03-08", "official publication", ""),
    ("communitycare2017cuts", "Decisions are being taken out of our hands", "Community Care", "2017-09-19", "organisation's own publication", ""),
    ("communitycare2019hotdesking", "Hotdesking not compatible with social work", "Community Care", "2019-02-21", "organisation's own publication", ""),
    ("communitycare2016hotdesking", "Rise in hotdesking in child protection", "Community Care", "2016-08-31", "organisation's own publication", ""),
    ("communitycare2012hotdesking", "Nine out of 10 social workers believe hotdesking", "Community Care", "2012-11-06", "organisation's own publication", ""),
    ("communitycare2023lga", "Most councils struggling to recruit and retain social workers", "Community Care", "2023-01-20", "press report", ""),
    ("lga2022workforce", "Local government workforce shortages adding to service pressures", "Local Government Association", "2022", "organisation's own publication", ""),
    ("narrativecare2025lga", "Social work remains councils' biggest recruitment", "narrativecare.org (mirror of a news article)", "", "mirror copy", ""),
    ("communitycare2020omnibus", "Regional agreements on agency social workers", "Community Care", "2020-08-03", "press report", ""),
]

# Remarks shown with a source on the data page (how it was read, in a sentence).
SOURCE_NOTES = {
    "curtis2010": "Only the abstract was read (full text not available). The abstract gives 15 years for nurses.",
    "careappointments2011": "Press report of Curtis, Moriarty and Netten, 'The Costs of Qualifying a Social Worker' (BJSW advance access 2011); the paper's full text was not read.",
    "communitycare2011": "Press report of the same 2011 paper; gives 16 years for nurses.",
    "hc2016socialworkreform": "Attributes the 8/16/25 figures to the Government's memorandum (footnote 106), not directly to Curtis et al.",
    "dfe2026cswwindicators": "Read from the copy in DfE's own dashboard repository (github.com/dfe-analytical-services/CSC_outcomes_and_enablers, data-raw/, commit ed0ca5d); the repository's source list gives the publication as last updated 19 March 2026. Later releases revise earlier years; the 2025 release is used throughout. For example, FTE turnover for 2017 is 13.6% in the 2022 release's file and 13.4% in this one, and for 2024 it was 13.8% in the 2024 release and is 13.9% here.",
    "dfe2023cswwethnicity": "Read from the copy in github.com/yauemily/CSC_outcomes_and_enablers (data/, commit bcb5de7). Reporting year 2022 release.",
    "dfecswwcharacteristics": "Only the data-catalogue preview was readable; values were split from run-together text using the listed variable order.",
    "lga2018naobriefing": "Quotes the NAO's exact figure (49.1%); the NAO report text itself was not read.",
    "nao2018press": "NAO press release for report HC 834 (8 March 2018).",
    "narrativecare2025lga": "Read only on a mirror site; the LGA's own report was not read.",
    "swe2022emergingthemes": "The text read was truncated after '82.6% identify as fe'.",
    "nhsconfed2020": "The chief-executive figures were read in Hospital Dr and WorkingMums reports of the same report; the NHS Confederation page read is truncated before that sentence.",
    "hospitaldr2018": "Used for the part of NHS Digital's release that the copy read cut off.",
    "bmj2017sealy": "Summary of Sealy R, 'NHS Women on Boards: 50:50 by 2020' (NHS Employers / University of Exeter, 2017).",
    "pharmafile2017sealy": "Report of the same Sealy (2017) study, giving one decimal place.",
    "hscic2012pss": "All job roles in adult social services departments unless the row says social workers.",
}

# Period wording -> (period, year, start, end). Typed by hand; '' where not known.
PERIODS = {
    "published 2010 (online 2009)": ("2010", 2010, "", ""),
    "cited in 2010 paper": ("2010", 2010, "", ""),
    "reported Sept 2011": ("2011-09", 2011, "2011-09-01", "2011-09-30"),
    "2016": ("2016", 2016, "2016-01-01", "2016-12-31"),
    "30 Nov 2022": ("2022-11-30", 2022, "2022-11-30", "2022-11-30"),
    "year to 30 Nov 2022": ("2021-12-01/2022-11-30", 2022, "2021-12-01", "2022-11-30"),
    "30 Nov 2021": ("2021-11-30", 2021, "2021-11-30", "2021-11-30"),
    "1 Oct 2020": ("2020-10-01", 2020, "2020-10-01", "2020-10-01"),
    "1 Nov 2021": ("2021-11-01", 2021, "2021-11-01", "2021-11-01"),
    "2001-12 (report 2012)": ("2001/2012", 2012, "", ""),
    "2007": ("2007", 2007, "2007-01-01", "2007-12-31"),
    "2010-11": ("2010-04-01/2011-03-31", 2011, "2010-04-01", "2011-03-31"),
    "2016-17": ("2016-04-01/2017-03-31", 2017, "2016-04-01", "2017-03-31"),
    "2010-11 to 2016-17": ("2010-04-01/2017-03-31", 2017, "2010-04-01", "2017-03-31"),
    "2010-11 to 2017-18": ("2010-04-01/2018-03-31", 2018, "2010-04-01", "2018-03-31"),
    "since 2010-11 (to 2017-18)": ("2010-04-01/2018-03-31", 2018, "2010-04-01", "2018-03-31"),
    "2011": ("2011", 2011, "2011-01-01", "2011-12-31"),
    "2012": ("2012", 2012, "2012-01-01", "2012-12-31"),
    "2015": ("2015", 2015, "2015-01-01", "2015-12-31"),
    "2015/16": ("2015/2016", 2016, "", ""),
    "2016-17 (report March 2017)": ("2016/2017", 2017, "", ""),
    "2017": ("2017", 2017, "2017-01-01", "2017-12-31"),
    "2018": ("2018", 2018, "2018-01-01", "2018-12-31"),
    "2019": ("2019", 2019, "2019-01-01", "2019-12-31"),
    "2020": ("2020", 2020, "2020-01-01", "2020-12-31"),
    "2019-20": ("2019/2020", 2020, "", ""),
    "2020-21": ("2020/2021", 2021, "", ""),
    "2021-22": ("2021/2022", 2022, "", ""),
    "2021 release": ("2021", 2021, "", ""),
    "2022 release": ("2022", 2022, "", ""),
    "2024 data (announced 2025)": ("2024", 2024, "", ""),
    "2024/25": ("2024/2025", 2025, "", ""),
    "31 Mar 2022": ("2022-03-31", 2022, "2022-03-31", "2022-03-31"),
    "31 Mar 2024": ("2024-03-31", 2024, "2024-03-31", "2024-03-31"),
    "Feb 2025": ("2025-02", 2025, "2025-02-01", "2025-02-28"),
    "Nov 2009": ("2009-11", 2009, "2009-11-01", "2009-11-30"),
    "Nov 2017": ("2017-11", 2017, "2017-11-01", "2017-11-30"),
    "Oct-Dec 2024": ("2024-10/2024-12", 2024, "2024-10-01", "2024-12-31"),
    "c.2010": ("2010", 2010, "", ""),
    "late 2019": ("2019", 2019, "", ""),
    "spring 2022": ("2022", 2022, "", ""),
}
_MONTHS = {m: i for i, m in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1)}
_MONTH_END = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}


def normalise_period(label: str) -> tuple[str, int, str, str]:
    """Return (period, year, period_start, period_end) for a period wording."""
    label = label.strip()
    if label in PERIODS:
        return PERIODS[label]
    m = re.fullmatch(r"(\d{1,2}) (\w{3}) (\d{4})", label)
    if m:
        d = f"{m[3]}-{_MONTHS[m[2]]:02d}-{int(m[1]):02d}"
        return d, int(m[3]), d, d
    m = re.fullmatch(r"year to 30 Sep (\d{4})", label)
    if m:
        y = int(m[1])
        return f"{y-1}-10-01/{y}-09-30", y, f"{y-1}-10-01", f"{y}-09-30"
    m = re.fullmatch(r"year to Sep (\d{4})", label)
    if m:
        y = int(m[1])
        return f"{y-1}-10/{y}-09", y, f"{y-1}-10-01", f"{y}-09-30"
    m = re.fullmatch(r"(\w{3}) (\d{4})", label)
    if m and m[1] in _MONTHS:
        mo, y = _MONTHS[m[1]], int(m[2])
        return f"{y}-{mo:02d}", y, f"{y}-{mo:02d}-01", f"{y}-{mo:02d}-{_MONTH_END[mo]}"
    raise ValueError(f"period wording not typed: {label!r}")


UNIT_MAP = {
    "people (jobs/headcount as defined by SfC)": ("people", "Unit as defined by Skills for Care (jobs/headcount)."),
    "people (of 1,216,719)": ("people", "Out of 1,216,719 NHS staff."),
    "local authorities (of 152)": ("local authorities", "Out of 152 upper-tier local authorities."),
    "local authorities (of 153)": ("local authorities", "Out of 153 local authorities."),
    "proportion": ("percent", ""),
}

GEOGRAPHY_MAP = {"England (NHS HCHS)": "England"}

# Measures renamed so that every value is non-negative and says what it measures.
MEASURE_MAP = {
    "change in spending on social care": "fall in spending on social care",
    "change in spending on all other service areas": "reduction in spending on all other service areas",
}

# Two sources for one key: which the book uses, and why (shown on the data page).
PREFERENCES = {
    ("share female", "NHS trust and ALB medical directors", "2016/2017"): (
        "bmj2017sealy",
        "The BMJ summary (25%) gives all Sealy (2017) figures in whole per cent; Pharmafile's "
        "24.6% is the same study to one decimal place. The book uses 25% and says that 24.6% "
        "is the more precise form.",
    ),
    ("real-terms reduction in central government funding to local authorities", "local authorities", "2010-04-01/2018-03-31"): (
        "lga2018naobriefing",
        "The LGA briefing quotes the NAO's exact 49.1%; the NAO press release rounds it to "
        "'nearly 50%'. The book uses 49.1%.",
    ),
}

FIGURE_COLUMNS = [
    "measure", "group", "geography", "period", "period_label", "year", "period_start",
    "period_end", "value", "qualifier", "suppression", "unit", "status", "preferred",
    "source_id", "locator", "note",
]


def _source_id(title: str) -> str:
    hits = [s[0] for s in SOURCES if s[1] in title]
    if len(hits) != 1:
        raise ValueError(f"source not matched exactly once: {title!r} -> {hits}")
    return hits[0]


# Sentences that describe a whole source (kept once, in sources.csv) rather than a row.
SOURCE_LEVEL_SENTENCES = [
    r"Values as revised in the 2025 release; earlier releases print slightly different figures "
    r"for some years \(e\.g\. 2017 FTE turnover 13\.6% in the 2022 release file vs 13\.4% here\)\.",
    r"Read from the DfE file as copied in github\.com/\S+ \([^)]*\)\.",
]


def _strip_source_level(note: str) -> str:
    for pat in SOURCE_LEVEL_SENTENCES:
        note = re.sub(pat, "", note)
    return re.sub(r"\s+", " ", note).strip()


def _parse_value(raw: str, notes: str, locator: str) -> tuple[str, str]:
    """Return (numeric value as text, qualifier)."""
    raw = (raw or "").strip()
    if raw == "three-quarters":
        return "75", "three-quarters"
    m = re.fullmatch(r"(less than|nearly|around|about) (\d+(?:\.\d+)?)", raw)
    if m:
        return m[2], m[1]
    float(raw)  # must be numeric now
    text = f"{notes} {locator}"
    if re.match(r"Approximate(\.|\s*\()", notes) or "('around" in text or "('about" in text:
        for q in ("about", "around"):
            if f"'{q}" in text or f"{q} " in locator:
                return raw, q
        return raw, "around"
    return raw, ""


def _clean_number(text: str) -> str:
    """The number as published (its decimals show the source's precision), checked numeric."""
    text = text.strip()
    if not re.fullmatch(r"\d+(\.\d+)?", text):
        raise ValueError(f"not a plain non-negative number: {text!r}")
    return text


def build_figures(src: Path) -> tuple[dict[str, pd.DataFrame], list[dict], set[str]]:
    tables: dict[str, pd.DataFrame] = {}
    gaps: list[dict] = []
    used_sources: set[str] = set()
    for name, fname in FILES.items():
        df = pd.read_csv(src / fname, dtype=str, keep_default_na=False)
        rows = []
        for _, r in df.iterrows():
            notes = r["notes"].strip()
            sid = _source_id(r["source_title"])
            if r["measure"].lower().startswith("not found") or (r["value"] == "" and "NOT FOUND" in notes):
                gaps.append({
                    "resource": name, "measure": re.sub(r"^not found:\s*", "", r["measure"]),
                    "group": r["group"], "geography": r["geography"], "period_label": r["period"],
                    "unit": r["unit"], "what_is_missing": notes, "where_searched": r["source_locator"],
                    "source_id": sid, "origin": "reference table row",
                })
                continue
            if name == "children_workforce" and "ethnicity_2019_to_2022" in r["source_title"]:
                # national rows of the DfE ethnicity file live in children_workforce_ethnicity
                continue
            status = "verified"
            note = _strip_source_level(notes)
            measure = r["measure"]
            if notes.lower().startswith("unverified"):
                status = "unverified"
                note = re.sub(r"^unverified( column mapping)?[.:]?\s*", "", notes, flags=re.I)
                note = note[:1].upper() + note[1:]
            if "(derived)" in measure:
                status = "derived"
                measure = measure.replace(" (derived)", "")
            value, qualifier = _parse_value(r["value"], notes, r["source_locator"])
            if measure in MEASURE_MAP:
                assert value.startswith("-"), measure
                value = value[1:]
                note = (note + " " if note else "") + (
                    f"Published as a {'fall' if 'fall' in MEASURE_MAP[measure] else 'reduction'} "
                    f"of {value}%; stored as a positive value under a measure name that says so.")
                measure = MEASURE_MAP[measure]
            unit, unit_note = UNIT_MAP.get(r["unit"], (r["unit"], ""))
            if unit_note:
                note = (note + " " if note else "") + unit_note
            if unit not in UNITS:
                raise ValueError(f"unit not typed: {unit!r}")
            period, year, start, end = normalise_period(r["period"])
            rows.append({
                "measure": measure, "group": r["group"],
                "geography": GEOGRAPHY_MAP.get(r["geography"], r["geography"]),
                "period": period, "period_label": r["period"], "year": year,
                "period_start": start, "period_end": end, "value": _clean_number(value),
                "qualifier": qualifier, "suppression": "", "unit": unit, "status": status,
                "preferred": "true", "source_id": sid, "locator": r["source_locator"],
                "note": note,
            })
            used_sources.add(sid)
        out = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
        if name == "gender_comparators":
            out = pd.concat([out, pd.DataFrame([_derived_dcs_share(out)])], ignore_index=True)
        # duplicate keys across sources: mark the one the book uses
        key = ["measure", "group", "geography", "period"]
        dup = out.duplicated(key, keep=False)
        for k, grp in out[dup].groupby(key):
            if k[:2] + (k[3],) not in PREFERENCES:
                raise ValueError(f"duplicate key without a recorded preference: {k}")
            pref, _why = PREFERENCES[k[:2] + (k[3],)]
            out.loc[grp.index, "preferred"] = ["true" if s == pref else "false" for s in grp["source_id"]]
        assert not out.duplicated(key + ["source_id"]).any(), name
        tables[name] = out
    return tables, gaps, used_sources


def _derived_dcs_share(df: pd.DataFrame) -> dict:
    f = df[(df.measure == "LAs with female DCS") & (df.period == "2024-03-31")].iloc[0]
    m = df[(df.measure == "LAs with male DCS") & (df.period == "2024-03-31")].iloc[0]
    female, male = float(f.value), float(m.value)
    share = round(100 * female / (female + male), 1)
    return {
        "measure": "share female", "group": "directors of children's services",
        "geography": "England", "period": "2024-03-31", "period_label": "31 Mar 2024",
        "year": 2024, "period_start": "2024-03-31", "period_end": "2024-03-31",
        "value": f"{share:.1f}", "qualifier": "", "suppression": "", "unit": "percent",
        "status": "derived", "preferred": "true", "source_id": f.source_id,
        "locator": f.locator,
        "note": f"Derived by the project: {int(female)} local authorities with a female director "
        f"out of {int(female + male)} ({int(female)} female + {int(male)} male). Not a published percentage.",
    }


# --------------------------------------------------------------------------------------
# Extra known gaps recorded in the SOURCES notes (not rows of the reference tables).
# --------------------------------------------------------------------------------------
EXTRA_GAPS = [
    {"resource": "children_workforce", "measure": "share female", "group": "children and family social workers",
     "geography": "England", "period_label": "2017-2020 and 2023-2025", "unit": "percent",
     "what_is_missing": "Only the 2021 and 2022 release texts were found; the other years' share female was not read.",
     "where_searched": "DfE release pages; the 'Characteristics' data set holds the figures.", "source_id": "dfecswwcharacteristics"},
    {"resource": "children_workforce", "measure": "share aged 60 and over", "group": "children and family social workers in post (FTE)",
     "geography": "England", "period_label": "30 Sep 2024", "unit": "percent",
     "what_is_missing": "The 60+ row is not shown in the data-catalogue preview.",
     "where_searched": "DfE data-catalogue preview of '2. Characteristics'.", "source_id": "dfecswwcharacteristics"},
    {"resource": "career_length", "measure": "published critique of the 8-year figure", "group": "social workers",
     "geography": "UK", "period_label": "", "unit": "",
     "what_is_missing": "No published critique of the expected-working-life estimate was found in the material read.",
     "where_searched": "Searches for responses to Curtis, Moriarty and Netten (2010).", "source_id": "curtis2010"},
    {"resource": "context_funding", "measure": "share without own desk; share saying cuts affected practice", "group": "social workers (Community Care survey)",
     "geography": "England", "period_label": "2017", "unit": "percent",
     "what_is_missing": "The paper's '60% without own desk' and '60% say cuts affected practice' (a 2017 Community Care survey) were not found or verified. Other Community Care surveys are in context_funding instead.",
     "where_searched": "Community Care survey reports 2012-2019.", "source_id": "communitycare2017cuts"},
    {"resource": "adult_social_workers", "measure": "local authority adult social workers (all measures)", "group": "social workers employed by local authority adult social services departments",
     "geography": "England", "period_label": "Sep 2024 and later", "unit": "",
     "what_is_missing": "Skills for Care figures for September 2024 and later were not found.",
     "where_searched": "Skills for Care 'Social workers employed by local authorities in the adult social care sector' reports (text not available).", "source_id": "sfc2018socialwork"},
    {"resource": "gender_comparators", "measure": "share female", "group": "NHS trust medical directors",
     "geography": "England", "period_label": "after 2020", "unit": "percent",
     "what_is_missing": "No figure after the NHS Confederation's 2020 report was found.",
     "where_searched": "NHS Confederation and NHS Employers reports.", "source_id": "nhsconfed2020"},
    {"resource": "gender_comparators", "measure": "share female", "group": "social workers",
     "geography": "UK", "period_label": "2016", "unit": "percent",
     "what_is_missing": "The paper's '85% of social workers are women (Skills for Care, 2016)' was not found in a Skills for Care source. The nearest figures found are in gender_comparators and children_workforce: 82.9% of registered social workers in England (30 Nov 2022), 87% of children and family social workers (DfE, 2021 and 2022), 78% on the GSCC register (2012), and 80% of local authority adult social workers (c. 2010, secondary summary).",
     "where_searched": "Skills for Care workforce publications; regulator and DfE releases.", "source_id": ""},
    {"resource": "career_length", "measure": "figures and wording used in the paper itself", "group": "",
     "geography": "", "period_label": "2018", "unit": "",
     "what_is_missing": "When these figures were compiled, only the title page and foreword of published copies of Haworth, Miller and Schaub (2018) were readable, so which figures and exact wording the paper uses could not be checked against a published copy.",
     "where_searched": "Copies of the working paper (University of Birmingham portal record and document-sharing copies).", "source_id": ""},
]


# --------------------------------------------------------------------------------------
# Area tables from the raw DfE files
# --------------------------------------------------------------------------------------
# AREA_MEASURES and ETHNIC_SHARES (DfE columns the book keeps) are defined in swleadership.dfe.

# Geography notes: id -> (kind, applies_to (codes), years, description)
GEOGRAPHY_NOTES = [
    ("london-overlap", "overlap", "E12000007;E13000001;E13000002", "2017-2025",
     "London (E12000007), Inner London (E13000001) and Outer London (E13000002) overlap: the London region row covers the same authorities as the Inner London and Outer London rows together. Never add London to Inner or Outer London. In the local-authority rows a London borough's region_name is Inner London or Outer London, not London."),
    ("regions-sum", "overlap", "E92000001", "2017-2025",
     "The nine regions (excluding the Inner and Outer London rows) add up to England, give or take 0.1 from rounding."),
    ("northamptonshire", "reorganisation", "E10000021;E06000061 / E06000062;E06000061;E06000062", "2017-2025",
     "Northamptonshire (E10000021) appears to 2020; from the 2021 reporting year its area is covered by North Northamptonshire (E06000061) and West Northamptonshire (E06000062). The indicators file reports them as one combined row, 'North Northamptonshire / West Northamptonshire', while the ethnicity file reports them separately (2021-2022). The series before and after 2021 describe the same area but different organisations."),
    ("cumbria", "reorganisation", "E10000006;E06000063;E06000064", "2017-2025",
     "Cumbria (E10000006) appears to 2022; from 2023 its area is covered by Cumberland (E06000063) and Westmorland and Furness (E06000064). Add the two new authorities' counts to compare with Cumbria; do not compare their rates with Cumbria's directly."),
    ("bournemouth-poole-christchurch", "reorganisation", "E06000028;E06000029;E10000009;E06000058;E06000059", "2017-2025",
     "Bournemouth (E06000028), Poole (E06000029) and Dorset county (E10000009) appear to 2018. From 2019 the area is covered by Bournemouth, Christchurch and Poole (E06000058) and the new Dorset (E06000059). Christchurch never appears on its own: before 2019 it was inside Dorset county's area, so neither the old nor the new rows can be compared one to one."),
    ("buckinghamshire", "code change", "E10000002;E06000060", "2017-2025",
     "Buckinghamshire changes code from E10000002 (to 2019) to E06000060 (from 2020). Match on the name to follow it over time."),
    ("north-yorkshire-somerset", "code change", "E10000023;E06000065;E10000027;E06000066", "2017-2025",
     "North Yorkshire (E10000023 to E06000065) and Somerset (E10000027 to E06000066) change code from 2023."),
    ("barnsley-sheffield", "code change", "E08000016;E08000038;E08000019;E08000039", "2017-2025",
     "Barnsley (E08000016 to E08000038) and Sheffield (E08000019 to E08000039) have new codes in 2025."),
    ("kingston-richmond", "combined row", "E09000021 / E09000027;E09000021;E09000027", "2017-2025",
     "Kingston upon Thames and Richmond upon Thames are one combined row in the indicators file in every year, but separate rows in the ethnicity file."),
    ("small-authorities", "small numbers", "E06000053;E09000001;E06000017", "2017-2025",
     "The Isles of Scilly (0 to 2 FTE in post), the City of London (about 7 to 12 FTE) and Rutland (about 17 to 23 FTE) are so small that one person changes their rates by many points. From 2021 the Isles of Scilly has no social workers in post and an agency rate of 100%. Read their rates with care."),
]

GEO_NOTE_CODES: dict[str, list[str]] = {}
for _nid, _kind, _codes, _years, _desc in GEOGRAPHY_NOTES:
    for _c in _codes.split(";"):
        GEO_NOTE_CODES.setdefault(_c, []).append(_nid)


def _geo_notes() -> dfe._Notes:
    return dfe._Notes({code: list(ids) for code, ids in GEO_NOTE_CODES.items()})


def _read_dfe(path: Path, layout: dfe.Layout, schema: dict) -> pd.DataFrame:
    tidy, problems = dfe.read_file(path, layout, notes=_geo_notes())
    if problems:
        raise ValueError(f"{path.name}: " + "; ".join(f"{p.field}: found {p.found}" for p in problems[:5]))
    return tidy[[f["name"] for f in schema["fields"]]]


def build_areas(raw: Path) -> pd.DataFrame:
    return _read_dfe(raw / "dfe_csww_indicators_2017_to_2025.csv", dfe.INDICATORS, area_schema())


def build_ethnicity(raw: Path) -> pd.DataFrame:
    return _read_dfe(raw / "dfe_csww_workforce_role_by_ethnicity_2019_to_2022.csv", dfe.ETHNICITY, ethnicity_schema())


def check_national(figures: pd.DataFrame, areas: pd.DataFrame) -> None:
    """The tidy national rows must equal the national rows read from the raw file."""
    pairs = {
        "children and family social workers in post (FTE)": "inpost_fte",
        "turnover rate (FTE)": "turnover_rate_fte",
        "vacancy rate (FTE)": "vacancy_rate_fte",
        "agency worker rate (FTE)": "agency_rate_fte",
        "average caseload per case-holding FTE social worker": "caseload_fte",
    }
    nat = areas[areas.geographic_level == "National"].set_index("time_period")
    for measure, col in pairs.items():
        sub = figures[(figures.measure == measure) & (figures.source_id == "dfe2026cswwindicators")]
        for _, r in sub.iterrows():
            assert float(r.value) == float(nat.loc[int(r.year), col]), (measure, r.year)


# --------------------------------------------------------------------------------------
# datapackage.json
# --------------------------------------------------------------------------------------
def _f(name, type_, title, description, **constraints):
    d = {"name": name, "type": type_, "title": title, "description": description}
    if type_ == "boolean":
        d["trueValues"] = ["true"]
        d["falseValues"] = ["false"]
    if constraints:
        d["constraints"] = constraints
    return d


SUPPRESSION_DESC = "; ".join(f"'{k}' = {v}" for k, v in SUPPRESSION.items())


def figure_schema() -> dict:
    fields = [
        _f("measure", "string", "Measure", "What is measured, e.g. 'share female' or 'turnover rate (FTE)'.", required=True),
        _f("group", "string", "Group", "Who or what the figure is about.", required=True),
        _f("geography", "string", "Geography", "The area the figure covers (England, UK, ...).", required=True),
        _f("period", "string", "Period (ISO 8601)",
           "The period normalised to ISO 8601: a year (2017), a month (2018-09), a date (2017-09-30) or an interval of those (2016-10-01/2017-09-30; 2019/2020 where only the years are known).",
           required=True, pattern=r"\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?"),
        _f("period_label", "string", "Period as published", "The period in the source's own words.", required=True),
        _f("year", "integer", "Year", "The calendar year the period ends in (or the reference year).", required=True, minimum=1990, maximum=2100),
        _f("period_start", "date", "Period start", "First day of the period, where it is known."),
        _f("period_end", "date", "Period end", "Last day of the period, where it is known."),
        _f("value", "number", "Value", "The figure as a number, in the row's unit. Never negative: a fall is recorded under a measure name that says so. Percentages are between 0 and 100. Empty only when a suppression code says why.", minimum=0),
        _f("qualifier", "string", "Qualifier", "The source's wording when the figure is approximate or a bound: " + ", ".join(QUALIFIERS) + ". Empty when the figure is exact.", enum=QUALIFIERS),
        _f("suppression", "string", "Suppression code", "Why the value is missing (DfE/GSS shorthand): " + SUPPRESSION_DESC + ".", enum=list(SUPPRESSION)),
        _f("unit", "string", "Unit", "Unit of the value. 'percent' values lie between 0 and 100.", required=True, enum=UNITS),
        _f("status", "string", "Status", "; ".join(f"{k}: {v}" for k, v in STATUS.items()) + ".", required=True, enum=list(STATUS)),
        _f("preferred", "boolean", "Used by the book", "true for the row the book uses. Where two sources give the same measure, group, geography and period, exactly one of them is true.", required=True),
        _f("source_id", "string", "Source", "Id of the source in sources.csv.", required=True),
        _f("locator", "string", "Locator or quotation", "Where in the source the figure is, usually a short quotation."),
        _f("note", "string", "Note", "Caveats: definitions, rounding, how the figure was read."),
    ]
    return {
        "fields": fields,
        "primaryKey": ["measure", "group", "geography", "period", "source_id"],
        "foreignKeys": [{"fields": "source_id", "reference": {"resource": "sources", "fields": "source_id"}}],
        "missingValues": [""],
        "swl:rules": [
            {"rule": "maximum-when", "field": "value", "maximum": 100, "when": {"unit": "percent"},
             "description": "Percentages lie between 0 and 100."},
            {"rule": "value-or-code", "fields": ["value", "suppression"],
             "description": "Each row has a value or a suppression code, never both and never neither."},
            {"rule": "start-before-end", "fields": ["period_start", "period_end"],
             "description": "period_start is on or before period_end."},
            {"rule": "one-preferred", "key": ["measure", "group", "geography", "period"], "field": "preferred",
             "description": "Where several sources give the same key, exactly one row is preferred."},
        ],
    }


def area_schema() -> dict:
    fields = [
        _f("time_period", "integer", "Reporting year", "DfE reporting year: stocks at 30 September of this year, flows in the year to 30 September.", required=True, minimum=2017, maximum=2100),
        _f("period_end", "date", "Reference date", "30 September of the reporting year.", required=True),
        _f("geographic_level", "string", "Geographic level", "National, Regional or Local authority.", required=True, enum=["National", "Regional", "Local authority"]),
        _f("area_code", "string", "Area code", "ONS code of the country, region or local authority (two codes joined by ' / ' for a combined row).", required=True),
        _f("area_name", "string", "Area name", "Name of the country, region or local authority.", required=True),
        _f("region_code", "string", "Region code", "ONS code of the region (Inner or Outer London for London boroughs); empty for England."),
        _f("region_name", "string", "Region", "Region name (Inner or Outer London for London boroughs); empty for England."),
        _f("old_la_code", "string", "Old LA code", "DfE's three-digit local-authority number; empty above local-authority level."),
    ]
    for m, (unit, desc) in AREA_MEASURES.items():
        cons = {"minimum": 0}
        if unit == "percent":
            cons["maximum"] = 100
        fld = _f(m, "number", desc.split(" (")[0] if len(desc) < 60 else m, f"{desc}. Unit: {unit}.", **cons)
        fld["swl:unit"] = unit
        fields.append(fld)
        fields.append(_f(f"{m}_suppression", "string", f"{m}: suppression code", f"Why {m} is empty: " + SUPPRESSION_DESC + ".", enum=list(SUPPRESSION)))
    fields.append(_f("geography_notes", "string", "Geography notes", "Ids of notes in geography_notes.csv that apply to this area, separated by ';'."))
    return {
        "fields": fields,
        "primaryKey": ["time_period", "area_code"],
        "missingValues": [""],
        "swl:rules": [{"rule": "value-or-code", "fields": [m, f"{m}_suppression"],
                        "description": f"{m} has a value or a suppression code, not both and not neither."} for m in AREA_MEASURES],
        "swl:source": "dfe2026cswwindicators",
    }


def ethnicity_schema() -> dict:
    fields = [
        _f("time_period", "integer", "Reporting year", "DfE reporting year (headcount at 30 September of this year).", required=True, minimum=2019, maximum=2100),
        _f("geographic_level", "string", "Geographic level", "National, Regional or Local authority.", required=True, enum=["National", "Regional", "Local authority"]),
        _f("area_code", "string", "Area code", "ONS code of the country, region or local authority.", required=True),
        _f("area_name", "string", "Area name", "Name of the country, region or local authority.", required=True),
        _f("region_name", "string", "Region", "Region (Inner or Outer London for London boroughs); empty for England."),
        _f("role", "string", "Role", "Role of the social workers.", required=True, enum=[
            "All children and family social workers", "Case holder", "First line manager", "Middle manager",
            "Qualified without cases", "Senior manager", "Senior practitioner"]),
        _f("known_headcount", "integer", "Headcount with known ethnicity", "Social workers (headcount) whose ethnicity is known. Unit: people.", minimum=0),
        _f("known_headcount_suppression", "string", "known_headcount: suppression code", "Why known_headcount is empty: " + SUPPRESSION_DESC + ".", enum=list(SUPPRESSION)),
    ]
    for col, (_, label) in ETHNIC_SHARES.items():
        fld = _f(col, "number", f"Share {label}", f"Percentage of social workers with known ethnicity who are {label}. Unit: percent.", minimum=0, maximum=100)
        fld["swl:unit"] = "percent"
        fields.append(fld)
    fields += [
        _f("shares_suppression", "string", "Shares: suppression code", "Why the five shares are empty: " + SUPPRESSION_DESC + ".", enum=list(SUPPRESSION)),
        _f("geography_notes", "string", "Geography notes", "Ids of notes in geography_notes.csv that apply, separated by ';'."),
    ]
    rules = [{"rule": "value-or-code", "fields": ["known_headcount", "known_headcount_suppression"],
              "description": "known_headcount has a value or a suppression code."}]
    rules += [{"rule": "value-or-code", "fields": [c, "shares_suppression"],
               "description": f"{c} has a value or the row's shares_suppression code."} for c in ETHNIC_SHARES]
    return {"fields": fields, "primaryKey": ["time_period", "area_code", "role"], "missingValues": [""],
            "swl:rules": rules, "swl:source": "dfe2023cswwethnicity"}


def sources_schema() -> dict:
    return {
        "fields": [
            _f("source_id", "string", "Source id", "Short id used by the data rows.", required=True, unique=True, pattern=r"[a-z0-9]+"),
            _f("title", "string", "Title", "Title of the document or page read.", required=True),
            _f("publisher", "string", "Publisher", "Who published what was read.", required=True),
            _f("url", "string", "Link", "Where it was read (the address as recorded).", required=True),
            _f("licence", "string", "Licence", "The source's licence where it is known (OGL-UK-3.0); empty where not recorded: figures and short quotations are then reused with attribution only.", enum=["OGL-UK-3.0"]),
            _f("attribution", "string", "Attribution", "Attribution statement required by the licence."),
            _f("date", "string", "Date", "Publication date (YYYY, YYYY-MM or YYYY-MM-DD) where known.", pattern=r"\d{4}(-\d{2}(-\d{2})?)?"),
            _f("how_read", "string", "How read", "; ".join(f"{k}: {v}" for k, v in HOW_READ.items()) + ".", required=True, enum=list(HOW_READ)),
            _f("note", "string", "Note", "How the source was read, in a sentence."),
        ],
        "primaryKey": ["source_id"],
        "missingValues": [""],
    }


def gaps_schema() -> dict:
    return {
        "fields": [
            _f("gap_id", "string", "Gap id", "Short id.", required=True, unique=True),
            _f("resource", "string", "Table", "The table the figure would belong in.", required=True, enum=list(FILES)),
            _f("measure", "string", "Measure", "What was looked for.", required=True),
            _f("group", "string", "Group", "Who it is about."),
            _f("geography", "string", "Geography", "Area."),
            _f("period_label", "string", "Period", "Period looked for, in words."),
            _f("what_is_missing", "string", "What is missing", "What could not be found, and what was found instead.", required=True),
            _f("where_searched", "string", "Where searched", "Where it was looked for, or where it could be found."),
            _f("source_id", "string", "Nearest source", "Source consulted (id in sources.csv), if any."),
            _f("origin", "string", "Recorded in", "'reference table row' or 'source notes'.", required=True, enum=["reference table row", "source notes"]),
        ],
        "primaryKey": ["gap_id"],
        "foreignKeys": [{"fields": "source_id", "reference": {"resource": "sources", "fields": "source_id"}}],
        "missingValues": [""],
    }


def geo_schema() -> dict:
    return {
        "fields": [
            _f("note_id", "string", "Note id", "Id used in the geography_notes column of the area tables.", required=True, unique=True),
            _f("kind", "string", "Kind", "overlap, reorganisation, code change, combined row or small numbers.", required=True,
               enum=["overlap", "reorganisation", "code change", "combined row", "small numbers"]),
            _f("area_codes", "string", "Area codes", "Codes the note applies to, separated by ';'.", required=True),
            _f("years", "string", "Years", "Reporting years covered by the note.", required=True),
            _f("description", "string", "Note", "What to watch for.", required=True),
        ],
        "primaryKey": ["note_id"],
        "missingValues": [""],
    }


RESOURCE_TEXT = {
    "sources": ("Sources", "Every source the figures were read from, stored once. Each row of the figure tables names one of these by source_id and gives its own locator or quotation. how_read says whether the figure was read in an official file, the producer's own publication, a press report or a secondary summary."),
    "career_length": ("Career length and expected working life", "Expected working life of social workers, nurses, doctors and others (Curtis, Moriarty and Netten 2010, and press reports of their 2011 paper), how the 8/16/25-year figures entered policy debate (House of Commons Education Committee 2016), and Social Work England register data. The 2010 abstract gives 15 years for nurses; press reports of the 2011 paper give 16."),
    "children_workforce": ("Children's social work workforce, England (national)", "DfE children and family social workers employed by local authorities in England: in post, starters, leavers, turnover, agency, vacancies, caseloads and absence, 2017-2025 (2025 release, which revises earlier years), plus 2015 figures, sex, age and role from release texts and the data catalogue, and ethnicity facts and figures for 2017 and 2018. The 2019-2022 ethnicity-by-role rows are in children_workforce_ethnicity."),
    "adult_social_workers": ("Adult social care social workers, England", "Social workers in local authority adult social services in England, 2011-2023: numbers, turnover, vacancies, agency use, pay and the sex and age of the wider adult social services workforce (Skills for Care, HSCIC/NHS Digital, and press reports of Skills for Care statistics)."),
    "gender_comparators": ("Share of women: social work, health and leadership roles", "The share of women among registered social workers, directors of children's services, NHS staff groups, doctors, NHS board roles and occupational therapists, from regulators, NHS Digital, ADCS reports, NHS Confederation and press summaries."),
    "context_funding": ("Funding and workforce surveys", "The NAO's 2018 figures on local authority funding and social care spending, Community Care surveys (care cuts, hotdesking), LGA workforce surveys and the DfE Children's Services Omnibus (recruitment)."),
    "children_workforce_areas": ("Children's social work workforce by area, England, 2017-2025", "Eight DfE indicators for England, each region (with Inner and Outer London) and each local authority, reporting years 2017-2025, from DfE's csww_indicators_2017_to_2025.csv. Suppressed values are empty and their DfE code (x, z, c, u, low) is in the matching *_suppression column. London overlaps Inner and Outer London; Northamptonshire, Cumbria, Bournemouth/Poole/Dorset and others were reorganised or recoded during the series: see geography_notes. " + OGL_ATTRIBUTION),
    "children_workforce_ethnicity": ("Children's social workers' ethnicity by role and area, England, 2019-2022", "Headcount with known ethnicity and the percentage in each broad ethnic group, by role, for England, each region and each local authority, reporting years 2019-2022, from DfE's csww_workforce_role_by_ethnicity_2019_to_2022.csv (the counts by group are left out; the percentages and the known headcount are kept). Suppressed values are empty with their code in the *_suppression columns. " + OGL_ATTRIBUTION),
    "geography_notes": ("Geography notes for the area tables", "Overlapping areas (London, Inner London, Outer London), reorganised authorities (Northamptonshire, Cumbria, Bournemouth/Poole/Christchurch and Dorset), code changes, combined rows and very small authorities. The area tables list the ids of the notes that apply to each area."),
    "gaps": ("Known gaps", "Figures that were looked for and not found (or not verified). They are kept out of the numeric tables so that an empty value never looks like a zero."),
}


def write_csv(df: pd.DataFrame, path: Path) -> None:
    df.to_csv(path, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)


def build(src: Path, out: Path) -> None:
    src, out = Path(src), Path(out)
    out.mkdir(parents=True, exist_ok=True)
    figures, gaps, used = build_figures(src)
    areas = build_areas(src / "raw")
    eth = build_ethnicity(src / "raw")
    check_national(figures["children_workforce"], areas)
    used |= {"dfe2026cswwindicators", "dfe2023cswwethnicity"}

    src_rows = []
    for sid, match, publisher, date, how, lic in SOURCES:
        titles = set()
        for fname in FILES.values():
            df = pd.read_csv(src / fname, dtype=str, keep_default_na=False)
            hit = df[df.source_title.str.contains(match, regex=False)]
            titles |= set(zip(hit.source_title, hit.source_url, strict=True))
        assert len(titles) == 1, (sid, titles)
        title, url = titles.pop()
        src_rows.append({
            "source_id": sid, "title": title, "publisher": publisher, "url": url, "licence": lic,
            "attribution": OGL_ATTRIBUTION if lic == "OGL-UK-3.0" else "",
            "date": date, "how_read": how, "note": SOURCE_NOTES.get(sid, ""),
        })
    sources = pd.DataFrame(src_rows)
    assert set(sources.source_id) >= used

    gap_rows = []
    for i, g in enumerate(gaps + [dict(x, origin="source notes") for x in EXTRA_GAPS], 1):
        gap_rows.append({"gap_id": f"gap{i:02d}", **{k: g.get(k, "") for k in
                         ["resource", "measure", "group", "geography", "period_label", "what_is_missing",
                          "where_searched", "source_id", "origin"]}})
    gaps_df = pd.DataFrame(gap_rows)
    geo = pd.DataFrame(GEOGRAPHY_NOTES, columns=["note_id", "kind", "area_codes", "years", "description"])

    tables = {"sources": sources, **figures, "children_workforce_areas": areas,
              "children_workforce_ethnicity": eth, "geography_notes": geo, "gaps": gaps_df}
    schemas = {"sources": sources_schema(), "children_workforce_areas": area_schema(),
               "children_workforce_ethnicity": ethnicity_schema(), "geography_notes": geo_schema(),
               "gaps": gaps_schema()}
    resources = []
    for name, df in tables.items():
        write_csv(df, out / f"{name}.csv")
        title, desc = RESOURCE_TEXT[name]
        schema = schemas.get(name) or figure_schema()
        if name in ("children_workforce_areas", "children_workforce_ethnicity"):
            ids = [schema["swl:source"]]
        elif name in FILES:
            ids = sorted(set(df.source_id))
        else:
            ids = []
        ogl = name in ("children_workforce_areas", "children_workforce_ethnicity")
        mixed_ogl = name in FILES and any(sources.set_index("source_id").loc[i, "licence"] == "OGL-UK-3.0" for i in ids)
        res = {
            "name": name, "path": f"{name}.csv", "profile": "tabular-data-resource",
            "title": title, "description": desc, "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", "schema": schema,
            "licenses": [OGL] if ogl else ([OGL, OTHER_AT] if mixed_ogl else [OTHER_AT]),
        }
        if ids:
            res["sources"] = [{"title": sources.set_index("source_id").loc[i, "title"],
                               "path": sources.set_index("source_id").loc[i, "url"]} for i in ids] if ogl else [
                {"title": "See the source_id column and sources.csv"}]
        resources.append(res)

    package = {
        "profile": "tabular-data-package",
        "name": "swleadership-workforce-data",
        "title": "Leadership in social work: workforce figures with provenance",
        "description": (
            "Workforce and context figures used by the teaching book on leadership in social work "
            "(Haworth, Miller and Schaub 2018). Each figure names its source (sources.csv) with a "
            "locator or quotation, a status (verified, unverified or derived) and, where the wording "
            "was approximate, a qualifier. Known gaps are listed in gaps.csv. DfE area tables: "
            + OGL_ATTRIBUTION),
        "version": "1.0.0",
        "licenses": [OGL, OTHER_AT],
        "sources": [
            {"title": "Department for Education, Children's social work workforce (Explore education statistics)",
             "path": "https://explore-education-statistics.service.gov.uk/find-statistics/children-s-social-work-workforce"},
            {"title": "Other sources: see sources.csv"},
        ],
        "contributors": [{"title": "The swleadership book project", "role": "author"}],
        "swl:suppression_codes": SUPPRESSION,
        "swl:status": STATUS,
        "swl:how_read": HOW_READ,
        "swl:preferences": [
            {"measure": k[0], "group": k[1], "period": k[2], "preferred_source_id": v[0], "why": v[1]}
            for k, v in PREFERENCES.items()],
        "resources": resources,
    }
    (out / "datapackage.json").write_text(json.dumps(package, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    from swleadership.data import validate_package  # noqa: PLC0415  (checks what was just written)

    validate_package(out / "datapackage.json")
    for name, df in tables.items():
        print(f"{name:32s} {len(df):5d} rows  {(out / f'{name}.csv').stat().st_size:8d} bytes")


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("source", type=Path, help="folder of the shared reference data (with raw/)")
    p.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "data")
    a = p.parse_args(argv)
    build(a.source, a.out)


if __name__ == "__main__":
    main()
