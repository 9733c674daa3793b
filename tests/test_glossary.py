"""The glossary: enough entries, every {term} link resolves, and every acronym in the prose is defined.

Sphinx resolves {term}`X` by exact match first and then case-insensitively, so this test matches terms
case-insensitively too.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests._sources import markdown_sources

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "book" / "glossary.md"

# The terms CONTRIBUTING.md promises (other pages link to them with exactly these names).
REQUIRED_TERMS = [
    "ASYE", "PCF", "KSS", "PSW", "TCSW", "BASW", "HCPC", "Social Work England", "CQC", "Ofsted", "ILACS",
    "JTAI", "SCR", "CCG", "NMC", "GMC", "HEE", "MLCF", "HLM", "DCS", "LGA", "NAO", "SCIE", "IFSW", "PPI",
    "NHS", "DfE", "CSCIP", "PSDP", "FTE", "coproduction", "managerialism", "glass escalator",
    "community of practice", "distributed leadership", "clinical leadership", "systems leadership",
    "adaptive leadership", "transformational leadership", "strengths-based practice",
]

# Capitalised tokens that need no glossary entry. Keep this list short: an acronym a student might not know
# belongs in the glossary instead.
EXCEPTIONS = {
    "UK", "US", "USA",               # countries
    "GOV",                            # in the name GOV.UK
    "HM",                             # His/Her Majesty's, part of names (HM Government, HM Inspectorate ...)
    "HC",                             # House of Commons paper numbers, e.g. "HC 201"
    "COVID",                          # the disease
    "IT",                             # information technology
    "REF",                            # the paper's "(REF)" placeholders, quoted where the book discusses them
    "OK", "PDF", "CSV", "HTML", "URL", "JSON", "YAML", "CSS", "API", "ID", "DOI", "ISBN",  # computing/print
    "UTF", "MB",                      # the text encoding UTF-8; megabytes
    "CC", "BY", "MIT",                # licence names: Creative Commons "CC BY", the MIT licence
    "AA", "AAA",                      # WCAG conformance levels
    "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII",                            # Roman numerals
}

ACRONYM = re.compile(r"(?<![\w/.#-])([A-Z][A-Z0-9]*[A-Z][A-Z0-9]*)s?(?![\w])")
# A role is {term}`target`; a backtick just before it means the role's name is being shown in a code span.
TERM_ROLE = re.compile(r"(?<!`)\{term\}`([^`]*)`")
# Directives whose content is code, not prose.
CODE_DIRECTIVES = {"code-cell", "code-block", "code", "sourcecode", "literalinclude", "raw", "math", "eval-rst"}


# ---------------------------------------------------------------------------------------------------------
# Reading the sources
# ---------------------------------------------------------------------------------------------------------

def glossary_entries(text: str) -> list[list[str]]:
    """The entries of the {glossary} block: each a list of its terms (an entry may have several)."""
    m = re.search(r"^(`{3,}|:{3,})\{glossary\}[^\n]*\n(.*?)^\1\s*$", text, re.MULTILINE | re.DOTALL)
    assert m, "book/glossary.md has no {glossary} block"
    entries: list[list[str]] = []
    current: list[str] = []
    in_definition = False
    for line in m.group(2).splitlines():
        if not line.strip() or line.startswith(":"):       # blank lines and directive options (:sorted:)
            continue
        if line[0] in " \t":                                 # an indented line belongs to a definition
            in_definition = True
            continue
        if in_definition:                                    # a term after a definition starts a new entry
            entries.append(current)
            current, in_definition = [], False
        current.append(line.strip())
    if current:
        entries.append(current)
    return entries


def glossary_terms() -> set[str]:
    return {t for entry in glossary_entries(GLOSSARY.read_text(encoding="utf-8")) for t in entry}


def term_target(role_text: str) -> str:
    """{term}`text <target>` links to target; {term}`target` to itself."""
    m = re.fullmatch(r"\s*(.*?)\s*<([^<>]+)>\s*", role_text, re.DOTALL)
    # Sphinx collapses runs of whitespace (a role may wrap across lines).
    return re.sub(r"\s+", " ", (m.group(2) if m else role_text)).strip()


def prose_only(text: str) -> str:
    """Markdown with code, URLs, roles, labels, directive options, comments and maths removed."""
    out_lines = []
    fence: str | None = None
    for line in text.splitlines():
        stripped = line.strip()
        m = re.match(r"(`{3,}|~{3,})(.*)", stripped)
        if fence is None and m:
            info = m.group(2).strip()
            directive = re.match(r"\{([\w:-]+)\}", info)
            if not directive or directive.group(1) in CODE_DIRECTIVES:   # code: skip until the fence closes
                fence = m.group(1)
            continue                                         # a prose directive's fence line: drop the line
        if fence is not None:
            if stripped.startswith(fence) and not stripped[len(fence):].strip():
                fence = None
            continue
        if re.match(r"^:{3,}", stripped):                    # ::: fences (their content is prose)
            continue
        if re.match(r"^:[\w-]+:", stripped):                 # directive options, e.g. :label: ex-14-adaptive-1
            continue
        if re.match(r"^\(.+\)=\s*$", stripped):              # MyST labels, e.g. (sec-context)=
            continue
        out_lines.append(line)
    text = "\n".join(out_lines)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.DOTALL)            # HTML comments
    text = re.sub(r"``.*?``", " ", text, flags=re.DOTALL)               # double-backtick code spans
    text = re.sub(r"(?<!`)\{[\w:.-]+\}`[^`]*`", " ", text)               # roles with their targets
    text = re.sub(r"`[^`]*`", " ", text)                                # code spans
    text = re.sub(r"\$\$.*?\$\$|\$[^$\n]+\$", " ", text, flags=re.DOTALL)  # maths
    text = re.sub(r"\]\([^)]*\)", "] ", text)                          # link targets
    text = re.sub(r"<https?://[^>]*>|https?://\S+|www\.\S+", " ", text)   # bare URLs
    text = re.sub(r"<[^>]+>", " ", text)                               # HTML tags and their attributes
    return text


def acronyms_in(text: str) -> list[str]:
    return ACRONYM.findall(prose_only(text))


# ---------------------------------------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------------------------------------

def test_glossary_has_enough_entries():
    entries = glossary_entries(GLOSSARY.read_text(encoding="utf-8"))
    assert len(entries) >= 35, f"only {len(entries)} glossary entries"


def test_glossary_has_the_terms_contributing_promises():
    terms = glossary_terms()
    missing = [t for t in REQUIRED_TERMS if t not in terms]    # exact spelling: other pages link to these
    assert not missing, f"Glossary terms promised in CONTRIBUTING.md are missing: {missing}"


def test_no_duplicate_terms():
    seen: dict[str, int] = {}
    for entry in glossary_entries(GLOSSARY.read_text(encoding="utf-8")):
        for t in entry:
            seen[t.lower()] = seen.get(t.lower(), 0) + 1
    dups = [t for t, n in seen.items() if n > 1]
    assert not dups, f"Terms defined twice (Sphinx matches case-insensitively): {dups}"


def test_every_term_link_names_an_entry():
    terms = {t.lower() for t in glossary_terms()}
    broken = []
    for name, text in markdown_sources():
        for role_text in TERM_ROLE.findall(text):
            target = term_target(role_text)
            if target.lower() not in terms:
                broken.append(f"{name}: {{term}}`{role_text}`")
    assert not broken, "Glossary links to terms that are not in book/glossary.md:\n" + "\n".join(broken)


def test_every_acronym_in_the_prose_is_defined():
    terms = {t.lower() for t in glossary_terms()}
    undefined: dict[str, list[str]] = {}
    for name, text in markdown_sources():
        for token in acronyms_in(text):
            if token in EXCEPTIONS or token.lower() in terms:
                continue
            undefined.setdefault(token, [])
            if name not in undefined[token]:
                undefined[token].append(name)
    report = "\n".join(f"{tok}: {', '.join(names[:5])}" for tok, names in sorted(undefined.items()))
    assert not undefined, (
        "Acronyms used in the prose but not defined in book/glossary.md (add an entry, or spell it out):\n"
        + report
    )


def test_prose_filter_ignores_code_urls_roles_and_labels():
    """A guard for the acronym test: only real prose is scanned."""
    text = (
        "(sec-x)=\n"
        "The ASYE and two CCGs met the PCF.\n"
        "```python\nXYZQ = 1\n```\n"
        "```{exercise}\n:label: ex-ABCD-1\n\nDiscuss the NMC.\n```\n"
        "```{code-cell} ipython3\nPACKAGE = 1\n```\n"
        "Use `{term}` and ``{term}`ASDF` `` to link.\n"
        "See `QWER` and {cite:t}`zzzz2000`, {term}`Social Work England <SWE>`, "
        "[the page](https://example.org/ABCDE) and https://example.org/FGHIJ.\n"
    )
    assert acronyms_in(text) == ["ASYE", "CCG", "PCF", "NMC"]


def test_term_target_parsing():
    assert term_target("ASYE") == "ASYE"
    assert term_target("practice supervisors <practice supervisor>") == "practice supervisor"
