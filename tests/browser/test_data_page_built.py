"""The built "Data and sources" page shows each named figure as the data give it (issue 16: a page test reads
the built page, not its Markdown source). Needs the built book (``make book``); no browser."""

from __future__ import annotations

import html
import re

import pytest

from swleadership.facts import FACTS
from tests.test_data_facts import EXPECTED

pytestmark = pytest.mark.browser


def test_the_built_data_page_shows_the_hand_checked_figures(site_dir):
    page = (site_dir / "book" / "data-and-sources.html").read_text(encoding="utf-8")
    shown = {name: html.unescape(text) for name, text in
             re.findall(r'<th scope="row">([a-z0-9_]+)</th><td>([^<]*)</td>', page)}
    assert set(FACTS) <= set(shown), sorted(set(FACTS) - set(shown))
    for name, text in EXPECTED.items():
        assert shown[name] == text, (name, shown[name], text)
    # FTE counts are whole numbers, rounded: 28,482.6 FTE in 2017 is shown as 28,483
    assert shown["csww_fte_2017"] == "28,483"
