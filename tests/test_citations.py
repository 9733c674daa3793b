"""Citations: the author–year text JupyterLab shows (swleadership.citations) is the text the book prints.

- hand-worked citations: one, two and three or more authors, an organisation, several works (listed in the
  References page's order, not the order written), textual and parenthetical;
- a key that is not in the bibliography gets a message naming it and the file;
- the expression parser (what the book's {eval} role and the tests read as a citation);
- on the built book (after `make book`): every citation of every chapter page reads exactly as
  ``citations.text`` gives it for the same source citation, so JupyterLab and the book never disagree.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from swleadership import citations
from swleadership.citations import cite

ROOT = Path(__file__).resolve().parent.parent


def test_textual_and_parenthetical_by_hand():
    # Haworth, Miller and Schaub (three authors): the first author and "et al."
    assert cite.t("haworth2018") == "Haworth et al. [2018]"
    assert cite.p("haworth2018") == "[Haworth et al., 2018]"
    # two authors: both names
    assert cite.t("stanleykelly2018") == "Stanley and Kelly [2018]"
    # one author
    assert cite.p("munro2011") == "[Munro, 2011]"
    # an organisation as author: its whole name, never split into first and last names
    assert cite.p("doh2007") == "[Department of Health, 2007]"


def test_several_works_follow_the_bibliography_order():
    # The References page sorts by author; an organisation's braced name sorts after personal names there
    # (sphinxcontrib-bibtex lists several works of one citation in that order).
    assert cite.p("sullivan2016,haworth2018") == "[Haworth et al., 2018, Sullivan, 2016]"
    assert cite.p("haworth2018", "sullivan2016") == cite.p("sullivan2016,haworth2018")
    assert cite.p("doh2007,pepin2010") == "[Pepin et al., 2010, Department of Health, 2007]"
    assert cite.t("goodallpogrebna2015,goodall2016") == "Goodall [2016], Goodall and Pogrebna [2015]"


def test_unknown_key_names_the_key_and_the_file():
    with pytest.raises(citations.CitationError, match=r'no entry "haworth2081" in book/references\.bib'):
        cite.t("haworth2081")
    with pytest.raises(citations.CitationError, match="at least one key"):
        cite.p("")


def test_expression_parser():
    assert citations.parse_expression('cite.t("haworth2018")') == ("t", ["haworth2018"])
    assert citations.parse_expression(' cite.p("a2000, b2001") ') == ("p", ["a2000", "b2001"])
    assert citations.parse_expression("cite.p('a2000', 'b2001')") == ("p", ["a2000", "b2001"])
    for other in ("sw_working_life", 'cite.x("a2000")', "cite.t(a2000)", "cite.t()", 'cite.t("a")+1'):
        assert citations.parse_expression(other) is None, other
    md = ('{eval}`cite.t("haworth2018")` and {cite:p}`munro2011,lawler2007`; `{cite:t}` is a role name; '
          "{eval}`sw_working_life`.")
    assert citations.citations(md) == [("t", ["haworth2018"]), ("p", ["munro2011", "lawler2007"])]


def _chapter_citations(nb: Path) -> list[str]:
    cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
    md = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return [citations.text(kind, keys) for kind, keys in citations.citations(md)]


@pytest.mark.browser  # needs the built book
def test_book_prints_each_citation_as_jupyterlab_shows_it(site_dir):
    chapters = sorted((ROOT / "notebooks").glob("*.ipynb"))
    differ, total = {}, 0
    for nb in chapters:
        page = (site_dir / "notebooks" / f"{nb.stem}.html").read_text(encoding="utf-8")
        shown = [html.unescape(re.sub(r"<[^>]+>", "", s))
                 for s in re.findall(r'<span class="bibtex-citation"[^>]*>(.*?)</span>', page)]
        expected = _chapter_citations(nb)
        total += len(expected)
        if shown != expected:
            differ[nb.stem] = [(e, s) for e, s in zip(expected, shown, strict=False) if e != s][:3] or (
                f"{len(expected)} citations in the source, {len(shown)} on the page")
    assert total > 500, f"only {total} citations in the chapters"
    assert differ == {}, f"the book prints these citations differently from JupyterLab: {differ}"
