"""The mutation benchmark's report (swleadership/mutation.py) counts as its docstring says.

Killed mutants count for the score; survivors and mutants no test calls count against it; equivalent mutants
(tests/mutation_equivalent.md) are left out; mutants not run yet are not counted at all. The report exits
non-zero while a survivor is not listed as equivalent, or a listed one is killed.
"""

from __future__ import annotations

import pytest

from swleadership import mutation as mu

M = "swleadership/example.py"


def name(n: int, fn: str = "x_f") -> str:
    return f"swleadership.example.{fn}__mutmut_{n}"


RESULTS = {M: {name(1): 1, name(2): 1, name(3): 1, name(4): 0, name(5): 0, name(6): 0, name(7): 33, name(8): None,
               name(9, "x_g"): 0, name(10, "x_g"): 1}}


def test_score_counts_killed_over_everything_that_could_be_caught():
    row, = mu.score_table(RESULTS, equivalent={name(4): "same"})
    c = row["counts"]
    assert (c["killed"], c["survived"], c["no tests"], c["equivalent"], c["not run"]) == (4, 3, 1, 1, 1)
    assert row["score"] == pytest.approx(100 * 4 / (4 + 3 + 1))
    assert row["survivors"] == [name(5), name(6), name(7), name(9, "x_g")]   # not the equivalent one


def test_an_equivalent_mutant_that_a_test_kills_counts_as_killed():
    row, = mu.score_table({M: {name(1): 1, name(2): 0}}, equivalent={name(1): "wrongly listed"})
    assert (row["counts"]["killed"], row["counts"]["equivalent"], row["score"]) == (1, 0, 50.0)


def test_a_listed_mutant_that_a_test_kills_is_named_as_out_of_date():
    res = {M: {name(1): 1, name(2): 0, name(3): 33, name(4): None, name(5): 1}}
    assert mu.killed_but_listed(res, {name(1): "same", name(2): "same", name(3): "same", name(5): "same"}) == [
        name(1), name(5)]
    assert mu.killed_but_listed(res, {name(2): "same"}) == []


def test_patterns_limit_the_table_to_the_matching_mutants():
    row, = mu.score_table(RESULTS, equivalent={}, patterns=["swleadership.example.x_g__*"])
    assert (row["counts"]["killed"], row["counts"]["survived"], row["score"]) == (1, 1, 50.0)


def test_lists_are_read_from_their_lines(tmp_path):
    f = tmp_path / "list.md"
    f.write_text("# Title\n\nText that is not an entry.\n"
                 f"- `{name(1)}`: the reason, with `code` in it.\n  - `{name(2)}`: an indented entry\n",
                 encoding="utf-8")
    assert mu.equivalent_mutants(f) == {name(1): "the reason, with `code` in it.", name(2): "an indented entry"}
    assert mu.equivalent_mutants(tmp_path / "absent.md") == {}


def test_report_meets_the_goal_only_when_every_module_does(capsys):
    rows = mu.score_table({M: {name(1): 1, name(2): 1, name(3): 1, name(4): 1, name(5): 1, name(6): 1,
                               name(7): 0}}, equivalent={})
    assert rows[0]["score"] == pytest.approx(85.714, abs=1e-3) and mu.print_report(rows, {}) is True
    rows = mu.score_table({M: {name(1): 1, name(2): 1, name(3): 1, name(4): 1, name(5): 0}}, equivalent={})
    assert mu.print_report(rows, {}) is False   # 80 %
    out = capsys.readouterr().out
    assert "swleadership/example.py" in out and "80.0%" in out and name(5) in out


def test_a_results_file_cut_short_is_named_with_how_to_fix(tmp_path):
    good, cut = tmp_path / "mutants" / "pkg" / "a.py.meta", tmp_path / "mutants" / "pkg" / "b.py.meta"
    good.parent.mkdir(parents=True)
    good.write_text('{"exit_code_by_key": {"pkg.a.x_f__mutmut_1": 1}}', encoding="utf-8")
    assert mu.results(tmp_path / "mutants") == {"pkg/a.py": {"pkg.a.x_f__mutmut_1": 1}}
    cut.write_text('{"exit_code_by_key": {\n "pkg.b.x_f__mutmut_1": 1,\n "pkg.b.x_f__mu', encoding="utf-8")
    with pytest.raises(SystemExit) as err:
        mu.results(tmp_path / "mutants")
    assert str(err.value).splitlines() == [
        "mutants/pkg/b.py.meta: line 3: found text that is not whole JSON (a run stopped while mutmut was writing "
        "it); expected mutmut's results for pkg/b.py.",
        "How to fix: delete that file; `make mutation` then runs pkg/b.py's mutants again."]


@pytest.mark.parametrize(("listed", "exit_code"), [({name(2): "same"}, 0), ({}, 2)])
def test_the_report_fails_while_a_survivor_is_not_listed_as_equivalent(monkeypatch, capsys, listed, exit_code):
    """Every survivor is killed by a test or listed, with its reason, as equivalent: nothing in between."""
    # 9 killed and 1 survivor: 90 %, above the goal, so only the unexplained survivor can fail the report
    monkeypatch.setattr(mu, "results", lambda: {M: {**{name(i): 1 for i in range(3, 12)}, name(2): 0}})
    monkeypatch.setattr(mu, "equivalent_mutants", lambda path=mu.EQUIVALENT_FILE: listed)
    assert mu.main(["--report"]) == exit_code
    out = capsys.readouterr().out
    fix = ("1 surviving mutant(s) not listed as equivalent. How to fix: add a test that tells each from the "
           "original, or, if none can, list it in mutation_equivalent.md with the reason.")
    assert (fix in out) is (exit_code == 2)
    assert ("100.0%" if listed else "90.0%") in out
