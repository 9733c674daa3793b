"""The mutation-score benchmark (``make mutation``): how many planted bugs does the fast tier catch?

mutmut (configured in ``pyproject.toml``, ``[tool.mutmut]``) copies the package into ``mutants/``, makes small
changes ("mutants": ``<`` for ``<=``, ``-`` for ``+``, ``None`` for a value, a dropped argument) in
``swleadership/models.py``, ``data.py``, ``facts.py``, ``teaching.py`` and ``explorers/``, and runs, for each
mutant, only the unit tests (``tests/test_*.py``) that called the changed function. A mutant is *killed* when a
test fails. This module runs mutmut and prints, per module, the score (killed / mutants that could be caught)
and the surviving mutants. It is a benchmark, not part of ``make test``: a full run takes hours on two cores;
mutmut keeps every result in ``mutants/``, so a run can be stopped and resumed, or limited with patterns::

    make mutation                                        # everything (resumes where the last run stopped)
    make mutation MUTANTS="swleadership.models.*"        # one module (patterns as mutmut takes them)
    .venv/bin/python -m swleadership.mutation --report   # the table of the results so far, without running
    .venv/bin/python -m swleadership.mutation --report --show "swleadership.teaching.*"   # with each survivor's change

A survivor is either killed by a new test or listed in ``tests/mutation_equivalent.md`` (one line each:
``- `mutant name`: why no test can tell it from the original``); listed mutants are left out of the score.
A survivor that changes what a reader is shown is not equivalent: it needs a test. (The figures' look, their
heights, margins, widths and colours, is declared at module level, where mutmut makes no mutants, and is tested
as rules: ``tests/test_figure_looks.py``.) The report exits non-zero while a survivor is listed nowhere.
Goal: at least 85 % killed in each module, and no survivor unexplained.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from ._env import REPO_ROOT

EQUIVALENT_FILE = REPO_ROOT / "tests" / "mutation_equivalent.md"
GOAL = 85.0

#: mutmut's exit codes for a mutant's test run, grouped as the score counts them (mutmut/stats.py).
KILLED = {1, 3, 36, 37, -24, 24, 152, 255, -11, -9}  # a failing test, a timeout, a crash
SURVIVED = {0}
NO_TESTS = {5, 33}  # no test calls the function: counted against the score
SKIPPED = {34}


#: ``--focus``: the functions that compute what a reader is shown (figures' values, summaries, facts, checkers),
#: without the plotly styling and widget layout code (build_figure, _build_widgets, static_html).
FOCUS = [
    "swleadership.models.*", "swleadership.facts.*", "swleadership.teaching.*",
    "swleadership.data.x_validate_upload*", "swleadership.data.x__check_frame*", "swleadership.data.x_to_safe_csv*",
    *(f"swleadership.explorers._base.x_{f}__mutmut_*" for f in ("parse_number", "fmt_num", "clean", "rows", "one")),
    *(f"swleadership.explorers.career.x_{f}__mutmut_*" for f in (
        "career_update", "career_reverse_update", "_summary", "_short_summary", "_curve", "professions",
        "turnover_series", "default_workforce")),
    *(f"swleadership.explorers.funding.x_{f}__mutmut_*" for f in ("funding_update", "_date", "_slots")),
    *(f"swleadership.explorers.gender.x_{f}__mutmut_*" for f in (
        "shares_update", "pipeline_update", "ethnicity_update", "_share_rows", "eth_index_of")),
    *(f"swleadership.explorers.pressures.x_{f}__mutmut_*" for f in (
        "pressures_update", "_values", "_yoy", "_level", "area_notes", "upload_gaps")),
]


def equivalent_mutants(path: Path = EQUIVALENT_FILE) -> dict[str, str]:
    """``{mutant name: reason}`` from the list of equivalent mutants."""
    if not path.is_file():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^- `([^`]+)`: (.+)$", line.strip())
        if m:
            out[m.group(1)] = m.group(2)
    return out


def results(root: Path = REPO_ROOT / "mutants") -> dict[str, dict[str, int | None]]:
    """``{module path: {mutant name: exit code or None (not run yet)}}`` from mutmut's ``.meta`` files."""
    out = {}
    for meta in sorted(root.rglob("*.py.meta")):
        module = meta.relative_to(root).as_posix()[: -len(".meta")]
        try:
            out[module] = json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {})
        except json.JSONDecodeError as e:
            raise SystemExit(f"{meta.relative_to(root.parent)}: line {e.lineno}: found text that is not whole JSON "
                             "(a run stopped while mutmut was writing it); expected mutmut's results for "
                             f"{module}.\nHow to fix: delete that file; `make mutation` then runs {module}'s "
                             "mutants again.") from None
    return out


def killed_but_listed(res: dict, *lists: dict[str, str]) -> list[str]:
    """Mutants listed as equivalent that a test kills: the list is out of date. mutmut numbers a
    function's mutants in order, so when the function changes a listed number can name another mutant."""
    listed = set().union(*lists)
    return sorted(k for codes in res.values() for k, v in codes.items() if k in listed and v in KILLED)


def score_table(res: dict, equivalent: dict[str, str], patterns: list[str] | None = None) -> list[dict]:
    """One row per module: counts, the score in %, and the survivors (those not listed as equivalent)."""
    rows = []
    for module, codes in res.items():
        if patterns:
            codes = {k: v for k, v in codes.items() if any(fnmatch.fnmatch(k, p) for p in patterns)}
        if not codes:
            continue
        c = Counter()
        survivors = []
        for name, code in sorted(codes.items()):
            if code is None:
                c["not run"] += 1
            elif name in equivalent and code not in KILLED:
                c["equivalent"] += 1
            elif code in KILLED:
                c["killed"] += 1
            elif code in SKIPPED:
                c["skipped"] += 1
            else:
                c["survived" if code in SURVIVED else "no tests" if code in NO_TESTS else "other"] += 1
                survivors.append(name)
        caught_or_not = c["killed"] + c["survived"] + c["no tests"] + c["other"]
        rows.append({"module": module, "counts": c, "survivors": survivors,
                     "score": 100.0 * c["killed"] / caught_or_not if caught_or_not else None})
    return rows


def mutant_diff(name: str, module: str) -> str:
    """The lines mutant ``name`` of ``module`` (a path such as ``swleadership/teaching.py``) changes: ``-`` the
    original, ``+`` the mutant, as ``mutmut show`` prints them."""
    from mutmut.mutation.diff_apply import get_diff_for_mutant

    try:
        diff = get_diff_for_mutant(name, path=module)
    except Exception as exc:  # the mutants/ copy is older than the source: say so rather than stop the report
        return f"    (no diff: {exc})"
    return "\n".join(f"    {line}" for line in diff.splitlines()
                     if line[:1] in "+-" and not line.startswith(("+++", "---")))


def print_report(rows: list[dict], equivalent: dict[str, str], show_survivors: bool = True,
                 diffs: bool = False) -> bool:
    """Print the table (and the survivors); True when every module with results meets the goal."""
    print(f"\nMutation score per module (killed / (killed + survived + no test); goal ≥ {GOAL:g} %;"
          f" {len(equivalent)} mutants listed as equivalent in {EQUIVALENT_FILE.relative_to(REPO_ROOT)})")
    print(f"  {'module':40} {'score':>7} {'killed':>7} {'survived':>9} {'no test':>8} {'equiv.':>7}"
          f" {'not run':>8}")
    ok = True
    for r in rows:
        c, s = r["counts"], r["score"]
        score = "–" if s is None else f"{s:.1f}%"
        if s is not None and s < GOAL:
            ok = False
        print(f"  {r['module']:40} {score:>7} {c['killed']:>7} {c['survived']:>9} "
              f"{c['no tests']:>8} {c['equivalent']:>7} {c['not run']:>8}")
    if show_survivors:
        for r in rows:
            if r["survivors"]:
                print(f"\nSurviving mutants in {r['module']} not listed as equivalent ({len(r['survivors'])}; "
                      "`.venv/bin/mutmut show NAME` prints the change):")
                for name in r["survivors"]:
                    print(f"  {name}")
                    if diffs:
                        print(mutant_diff(name, r["module"]))
    return ok


#: mutmut's own first step, run alone: copy the package into ``mutants/`` and mutate the files that changed since
#: (a changed function's earlier results are cleared), so the list of mutants still to run is up to date.
GENERATE = """
from mutmut.__main__ import create_mutants
from mutmut.utils.file_utils import copy_also_copy_files, copy_src_dir, setup_source_paths
import os
os.makedirs("mutants", exist_ok=True)
copy_src_dir(); copy_also_copy_files(); setup_source_paths(); create_mutants({jobs})
"""


def generate_mutants(jobs: int) -> None:
    subprocess.run([sys.executable, "-c", GENERATE.format(jobs=jobs)], cwd=REPO_ROOT, check=True,
                   stdout=subprocess.DEVNULL)


def in_sample(name: str, every: int) -> bool:
    """True for every ``every``-th mutant of a function (by mutmut's number)."""
    return every <= 1 or int(name.rsplit("_", 1)[1]) % every == 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("patterns", nargs="*", help="mutant name patterns, e.g. 'swleadership.models.*' (default: all)")
    p.add_argument("--focus", action="store_true", help="only the FOCUS functions (what a reader is shown)")
    p.add_argument("--rerun", action="store_true",
                   help="run the matching mutants again even when they have a result (default: only those not run)")
    p.add_argument("--survivors", action="store_true",
                   help="run the matching survivors again (after adding tests), not the killed ones")
    p.add_argument("--report", action="store_true", help="print the results so far without running mutmut")
    p.add_argument("--jobs", type=int, default=int(os.environ.get("JOBS", "2")), help="mutants tested at once")
    p.add_argument("--sample", type=int, default=1, metavar="N",
                   help="with patterns: only every N-th mutant of each function (a deterministic sample)")
    p.add_argument("--quiet", action="store_true", help="the table only, not the list of survivors")
    p.add_argument("--show", action="store_true", help="print each survivor's change under its name")
    args = p.parse_args(argv)
    if args.focus:
        args.patterns = [*args.patterns, *FOCUS]
    if not args.report:
        mutmut = Path(sys.executable).with_name("mutmut")
        names = list(args.patterns)
        if names and results():
            generate_mutants(args.jobs)
            # mutmut runs named mutants again even when they have a result: name only the ones still to do
            eq = equivalent_mutants()
            todo = [k for codes in results().values() for k, v in codes.items()
                    if any(fnmatch.fnmatch(k, p) for p in args.patterns) and in_sample(k, args.sample)
                    and (v is None or args.rerun or (args.survivors and v not in KILLED and k not in eq))]
            if not todo:
                print("Every matching mutant has a result (--rerun runs them again).")
            names = todo
        if names or not args.patterns:
            cmd = [str(mutmut), "run", "--max-children", str(args.jobs), *names]
            print(f"Running: mutmut run --max-children {args.jobs} ({len(names) or 'all'} mutants)", flush=True)
            subprocess.run(cmd, cwd=REPO_ROOT, check=False)
    eq = equivalent_mutants()
    res = results()
    if not res:
        print("No results in mutants/: run `make mutation` first.")
        return 1
    known = {k for codes in res.values() for k in codes}
    stale = sorted(set(eq) - known)
    if stale:
        print(f"{EQUIVALENT_FILE.name} lists mutants mutmut no longer makes (the code changed): {', '.join(stale)}")
    wrong = killed_but_listed(res, eq)
    if wrong:
        print(f"{EQUIVALENT_FILE.name} lists mutants a test kills (the list is out of date; check each entry's "
              f"change with `mutmut show`): {', '.join(wrong)}")
    if args.sample > 1:
        res = {mod: {k: v for k, v in codes.items() if in_sample(k, args.sample)} for mod, codes in res.items()}
        print(f"(a sample: every {args.sample}th mutant of each function)")
    rows = score_table(res, eq, args.patterns or None)
    ok = print_report(rows, eq, show_survivors=not args.quiet, diffs=args.show)
    unexplained = sum(len(r["survivors"]) for r in rows)
    if unexplained:
        print(f"\n{unexplained} surviving mutant(s) not listed as equivalent. How to fix: add a test that tells each "
              f"from the original, or, if none can, list it in {EQUIVALENT_FILE.name} with the reason.")
    return 0 if ok and not wrong and not unexplained else 2


if __name__ == "__main__":
    raise SystemExit(main())
