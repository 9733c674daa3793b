"""The gender explorer's live face (JupyterLab and Voilà) as a reader uses it.

A reader moves its sliders, types a value beyond a slider's reach, picks a comparison, and uploads their own
figures or their council's DfE ethnicity file. Each test drives the widgets the way the browser would (setting
``.value``) and reads what the reader then sees: the figure's traces against data/ and the model, the messages,
and the lists the controls offer. The text beside the controls is checked against what the controls do.
"""

from __future__ import annotations

import csv as csvlib
import io
import re
from pathlib import Path

import ipywidgets as w
import pandas as pd
import pytest
from bs4 import BeautifulSoup

from swleadership import data as sd
from swleadership import models as m
from swleadership.explorers import gender as G
from swleadership.explorers import gender_explorer
from tests._live import FIGURE_TABLE_HEADER, descendants, snapshot, text_of, upload

ROOT = Path(__file__).resolve().parent.parent


def live(*parts: str) -> dict:
    return gender_explorer(parts=parts or ("shares", "pipeline", "ethnicity")).widgets()


def model_line(preset: str, r: float, k: int, f0: float) -> list[float]:
    """The pipeline's women's share (%) at each level, as the explorer should draw it."""
    return [round(100 * x, 1) for x in m.pipeline(f0, r, k)]


def drawn_line(fw) -> list[float]:
    return [round(v, 1) for v in fw.data[0].y]


# ================================================================================ every control, as a rule
def test_live_controls_show_their_whole_label_and_redraw_once_per_change():
    box = live()["box"]
    controls = [c for c in descendants(box) if isinstance(c, w.widgets.widget_description.DescriptionWidget)
                and not isinstance(c, w.HTML) and c.description]
    assert len(controls) == 11
    for c in controls:
        if not isinstance(c, w.FileUpload):  # an upload's label is its button's text
            assert c.style.description_width == "initial", c.description  # else the label is cut at 90 px
        if isinstance(c, (w.FloatSlider, w.IntSlider, w.Text)):
            assert c.continuous_update is False, c.description  # one redraw when released, not one per pixel
        if isinstance(c, (w.FloatSlider, w.IntSlider, w.Text, w.FileUpload)):
            assert re.fullmatch(r"\d+em", c.layout.width or ""), (c.description, c.layout.width)
    for up in (c for c in controls if isinstance(c, w.FileUpload)):
        assert up.accept == ".csv" and up.multiple is False
        assert up.layout.min_width == up.layout.width  # the button keeps its size when its row wraps
    for dd in (c for c in controls if isinstance(c, w.Dropdown)):
        longest = max(len(lab) for lab, _ in (o if isinstance(o, tuple) else (str(o), o) for o in dd.options))
        if longest > 20:   # a long option is cut at the default width: give it room, in em
            assert re.fullmatch(r"\d+em", dd.layout.width or ""), (dd.description, dd.layout.width)
            assert int(dd.layout.width[:-2]) >= (longest + len(dd.description)) / 2, dd.description
    for row in (c for c in descendants(box) if isinstance(c, w.HBox)):
        if sum(isinstance(k, (w.FloatSlider, w.IntSlider, w.Text, w.Dropdown)) for k in row.children) >= 2:
            assert row.layout.flex_flow == "row wrap"  # two controls side by side wrap on a phone
    assert {"swl-gender-explorer", "swl-workforce-explorer"} <= set(box._dom_classes)


def test_live_face_first_shows_each_parts_first_state():
    parts = live()
    figs, box = parts["figures"], parts["box"]
    firsts = {"shares": G.shares_update("latest"), "pipeline": G.pipeline_update("social-work", 2.0, 3),
              "ethnicity": G.ethnicity_update(max(G.eth_years()), "E92000001")}
    for part, patch in firsts.items():
        fw = figs[part]
        for i, trace in patch["traces"].items():
            for key, value in trace.items():
                assert list(getattr(fw.data[i], key)) == list(value), (part, i, key)
        assert fw.layout.title.text == patch["layout"]["title.text"], part
    summaries = [text_of(c.value) for c in box.children if isinstance(c, w.HTML) and "swl-summary" in c.value]
    assert summaries == [p["summary"] for p in firsts.values()]


def test_live_pipeline_figure_reaches_every_level_the_slider_offers_and_labels_its_points():
    parts = live("pipeline")
    c, fw = parts["controls"], parts["figures"]["pipeline"]
    c["k"].value = c["k"].max
    assert fw.layout.xaxis.range[1] > c["k"].max and list(fw.data[1].x) == [0, c["k"].max]
    assert list(fw.data[0].x) == list(range(c["k"].max + 1))
    assert "text" in fw.data[0].mode   # the live face writes each level's share beside its point
    f0 = G.preset_values("social-work")[0]
    assert list(fw.data[0].text) == [f"{100 * x:.0f}%" for x in m.pipeline(f0, 2.0, c["k"].max)]


def test_live_controls_are_labelled_from_the_one_table_both_faces_use():
    c = live()["controls"]
    assert sorted(c) == sorted(G.LABELS)
    for name, ctl in c.items():
        assert ctl.description == G.LABELS[name], name
    for name in ("f0", "r", "k"):
        assert (c[name].min, c[name].max, c[name].step) == G.LIVE_RANGES[name]
    for name in ("f0_text", "r_text"):
        assert c[name].placeholder == G.PLACEHOLDERS[name] and c[name].value == ""
    assert [lab for lab, _ in c["which"].options] == [lab for _, lab in G.WHICH]


def test_live_slider_ranges_are_ranges_the_model_accepts():
    c = live("pipeline")["controls"]
    for end in (c["f0"].min, c["f0"].max):
        m.check_share(end / 100)
    assert 0 < c["r"].min and c["r"].max <= m.R_MAX
    assert c["k"].min == 0 and c["k"].max == m.K_MAX
    # the static face's grid is inside what the live sliders reach
    assert c["r"].min <= G.R_GRID[0] and G.R_GRID[-1] <= c["r"].max and G.K_MAX_STATIC <= c["k"].max


@pytest.mark.parametrize("name, model", [("f0_text", "f0"), ("r_text", "r")])
def test_live_typed_box_example_is_a_value_the_model_draws(name, model):
    parts = live("pipeline")
    c, fw = parts["controls"], parts["figures"]["pipeline"]
    example = float(re.search(r"\d+(?:\.\d+)?", c[name].placeholder).group())
    c[name].value = str(example)
    assert parts["message"].value == ""
    f0 = example / 100 if model == "f0" else G.preset_values("social-work")[0]
    r = example if model == "r" else 2.0
    assert drawn_line(fw) == model_line("social-work", r, 3, f0)


# ============================================================================================ the pipeline
@pytest.mark.parametrize("typed, slider_at", [("99.7", 99), ("0.4", 1), ("42", 42)])
def test_live_typed_entry_share_is_drawn_exactly_and_the_slider_follows_within_its_range(typed, slider_at):
    parts = live("pipeline")
    c, fw = parts["controls"], parts["figures"]["pipeline"]
    c["r"].value, c["k"].value = 1.5, 4
    c["f0_text"].value = typed
    assert c["f0"].value == slider_at
    assert drawn_line(fw) == model_line("social-work", 1.5, 4, float(typed) / 100)  # what was typed, not the slider
    assert parts["message"].value == ""


@pytest.mark.parametrize("typed, slider_at", [("62.46", 62.5), ("37.84", 37.8), ("80", 80)])
def test_live_typed_entry_share_moves_the_slider_to_it_to_one_decimal_place(typed, slider_at):
    """The slider's readout shows the typed share to a tenth of a percentage point, not a whole one."""
    parts = live("pipeline")
    parts["controls"]["f0_text"].value = typed
    assert parts["controls"]["f0"].value == pytest.approx(slider_at)
    assert drawn_line(parts["figures"]["pipeline"]) == model_line("social-work", 2.0, 3, float(typed) / 100)


def test_live_an_entry_share_in_the_data_with_decimals_sets_the_slider_to_one_decimal_place(monkeypatch):
    """Every preset's share in data/ is whole today; a fractional one (a new release) shows its tenths on the
    slider, at first and when chosen, and is drawn exactly."""
    real = G.preset_values
    shares = {"social-work": 0.8246, "nursing": 0.3784}
    monkeypatch.setattr(G, "preset_values", lambda key: (shares[key], *real(key)[1:]) if key in shares else real(key))
    parts = live("pipeline")
    c, fw = parts["controls"], parts["figures"]["pipeline"]
    assert c["f0"].value == pytest.approx(82.5)
    c["preset"].value = "nursing"
    assert c["f0"].value == pytest.approx(37.8)
    assert drawn_line(fw) == model_line("nursing", 2.0, 3, 0.3784)


@pytest.mark.parametrize("typed, slider_at", [("10", 5), ("0.1", 0.25), ("1.35", 1.35)])
def test_live_typed_ratio_is_drawn_exactly_and_the_slider_follows_within_its_range(typed, slider_at):
    parts = live("pipeline")
    c, fw = parts["controls"], parts["figures"]["pipeline"]
    c["k"].value = 5
    c["r_text"].value = typed
    assert c["r"].value == pytest.approx(slider_at)
    f0 = G.preset_values("social-work")[0]
    assert drawn_line(fw) == model_line("social-work", float(typed), 5, f0)


@pytest.mark.parametrize("preset", ["nursing", "medicine", "nhs", "hand"])
def test_live_choosing_a_comparison_sets_the_entry_share_from_the_data(preset):
    parts = live("pipeline")
    c, fw = parts["controls"], parts["figures"]["pipeline"]
    c["r"].value, c["k"].value = 2.5, 6
    c["preset"].value = preset
    f0 = G.preset_values(preset)[0]
    assert c["f0"].value == pytest.approx(round(100 * f0, 1))
    # drawn from the data's share, not from the slider's rounded copy of it
    assert drawn_line(fw) == model_line(preset, 2.5, 6, f0)
    assert fw.data[0].y[0] == pytest.approx(100 * f0)


@pytest.mark.parametrize("name, typed, says", [
    ("f0_text", "120", "Women at entry f0 must be a number greater than 0 and at most 100% (for example 80); "
                       "got '120'."),
    ("r_text", "1000", "Promotion ratio r must be a number greater than 0 and at most 100 (for example 1.5); "
                       "got '1000'."),
])
def test_live_typed_value_out_of_range_says_the_range_with_an_example(name, typed, says):
    parts = live("pipeline")
    parts["controls"][name].value = typed
    assert text_of(parts["message"].value) == f"{says} The figure still shows the last valid values."


def test_live_typed_entry_share_of_100_is_refused_and_moves_nothing():
    """100% passes the box's own range, but no pipeline can start with no men: the model refuses it, and neither
    the slider nor the figure moves."""
    parts = live("pipeline")
    c, fw = parts["controls"], parts["figures"]["pipeline"]
    before = (c["f0"].value, snapshot(fw))
    c["f0_text"].value = "100"
    assert "0 < f0 < 1" in text_of(parts["message"].value)
    assert (c["f0"].value, snapshot(fw)) == before
    c["k"].value = 2   # the next change draws from the last valid entry share, not from 100%
    assert drawn_line(fw) == model_line("social-work", 2.0, 2, G.preset_values("social-work")[0])


@pytest.mark.parametrize("name", ["f0_text", "r_text"])
def test_live_emptied_typed_box_says_nothing(name):
    parts = live("pipeline")
    before = snapshot(parts["figures"]["pipeline"])
    parts["controls"][name].value = "5"
    parts["controls"][name].value = "  "
    assert parts["message"].value == ""
    parts["controls"][name].value = ""
    assert parts["message"].value == "" and snapshot(parts["figures"]["pipeline"]) != before


def test_live_slider_after_a_typed_value_draws_the_slider_and_clears_the_message():
    parts = live("pipeline")
    c, fw = parts["controls"], parts["figures"]["pipeline"]
    c["r_text"].value = "-1"
    assert "Promotion ratio r" in text_of(parts["message"].value)
    before = snapshot(fw)
    c["r_text"].value = ""           # clearing a typed box changes nothing and says nothing new
    assert snapshot(fw) == before
    c["f0"].value = 60
    assert parts["message"].value == ""
    assert drawn_line(fw) == model_line("social-work", 2.0, 3, 0.6)
    c["r"].value = 3
    assert drawn_line(fw) == model_line("social-work", 3.0, 3, 0.6)
    c["k"].value = 0
    assert drawn_line(fw) == model_line("social-work", 3.0, 0, 0.6)
    summaries = [text_of(h.value) for h in parts["box"].children if isinstance(h, w.HTML) and "swl-summary" in h.value]
    assert summaries == [G.pipeline_update("social-work", 3.0, 0, f0=0.6)["summary"]]   # the sentence follows too


def test_live_pipeline_howto_describes_the_figure():
    parts = live("pipeline")
    texts = [c.value for c in parts["box"].children if isinstance(c, w.HTML)]
    assert G.PIPELINE_HOWTO in texts and f'<p class="swl-notes">{G.PIPELINE_NOTE}</p>' in texts
    howto = text_of(G.PIPELINE_HOWTO)
    assert "dashed line is the real share of women in the leadership role" in howto
    fw = parts["figures"]["pipeline"]
    assert [t.name for t in fw.data if t.line.dash == "dash"] == ["Real share in the leadership role"]
    for word in ("comparison", "entry share", "promotion ratio", "number of steps"):
        assert word in howto


# ========================================================================================= shares: uploads
def figure_rows(*rows: str) -> str:
    return FIGURE_TABLE_HEADER + "".join(r + "\n" for r in rows)


def test_live_shares_upload_adds_only_the_files_shares_of_women_as_bars():
    parts = live("shares")
    fw = parts["figures"]["shares"]
    own = list(fw.data[0].y)
    own_x = [list(t.x) for t in fw.data[:2]]
    upload(parts["controls"]["upload"], figure_rows(
        "share female,my team,England,2023,81.5,percent,verified,My council",
        "average age,my team,England,2023,45,years,verified,My council",       # not a share: left out
        "Share of Women,heads of service,England,2022,40,percent,verified,My council",  # any case
        "share female,panel,England,2021,12,people,verified,My council",      # a count, not a percentage
        "share aged 50 or over,my team,England,2023,30,percent,verified,My council",   # a share, not of women
    ), "mine.csv")
    added = ["Your file: my team (2023)", "Your file: heads of service (2022)"]
    assert text_of(parts["upload_message"].value) == "mine.csv: added 2 bar(s) (at most 8)."
    for i, t in enumerate(fw.data[:2]):   # the book's bars are unchanged and nothing is drawn for the file's rows
        assert list(t.y) == own + added
        assert list(t.x) == own_x[i] + [None, None]
        assert list(t.text)[len(own):] == ["", ""]
    yours = fw.data[2]
    assert yours.visible is True
    assert list(yours.y) == own + added
    assert list(yours.x) == [None] * len(own) + [81.5, 40.0]
    assert list(yours.text) == [""] * len(own) + ["81.5%", "40%"]
    assert fw.layout.height == 560 + 40 * 2   # each added bar gets room


def test_live_shares_upload_draws_at_most_eight_bars():
    parts = live("shares")
    fw = parts["figures"]["shares"]
    n = len(fw.data[0].y)
    upload(parts["controls"]["upload"], figure_rows(
        *[f"share female,team {i},England,2023,{50 + i},percent,verified,My council" for i in range(10)]), "ten.csv")
    assert G.UPLOAD_MAX_BARS == 8
    assert list(fw.data[2].x)[n:] == [50.0 + i for i in range(8)]
    assert list(fw.data[2].y)[n:] == [f"Your file: team {i} (2023)" for i in range(8)]
    assert text_of(parts["upload_message"].value) == "ten.csv: added 8 bar(s) (at most 8)."


@pytest.mark.parametrize("body, words", [
    (figure_rows("average age,my team,England,2023,45,years,verified,My council"),
     ["no-shares.csv: no usable rows. Give rows with unit 'percent' and a measure such as 'share female'. "
      "Nothing was changed."]),
    (figure_rows("share female,my team,England,2023,45,people,verified,My council"),
     ["no-shares.csv: no usable rows"]),
    ("group,value\nx,1\n", ["no-shares.csv", "measure"]),
])
def test_live_shares_upload_without_shares_of_women_changes_nothing(body, words):
    parts = live("shares")
    fw = parts["figures"]["shares"]
    before = snapshot(fw)
    upload(parts["controls"]["upload"], body, "no-shares.csv")
    msg = text_of(parts["upload_message"].value)
    for word in words:
        assert word in msg, msg
    assert msg.endswith("Nothing was changed.")
    assert snapshot(fw) == before


def test_live_shares_upload_help_describes_a_file_the_explorer_draws():
    parts = live("shares")
    assert any(isinstance(c, w.HTML) and c.value == G.UPLOAD_HELP for c in descendants(parts["box"]))
    help_text = text_of(G.UPLOAD_HELP)
    cols = re.search(r"table \(([a-z_, ]+)\)", help_text).group(1).split(", ")
    measure = re.search(r"with measure (.+?) and unit", help_text).group(1)
    unit = re.search(r"and unit (\w+)\.", help_text).group(1)
    assert measure == G.SHARE and f"At most {G.UPLOAD_MAX_BARS} rows are drawn." in help_text
    # the columns it names are the template's required ones, in the template's order
    template = (ROOT / "data" / "templates" / "figures_template.csv").read_text(encoding="utf-8").splitlines()[0]
    assert cols == [c for c in template.split(",") if c in cols] and len(cols) == 8
    row = {"measure": measure, "group": "my team", "geography": "England", "period": "2023", "value": "70",
           "unit": unit, "status": "verified", "source": "My council"}
    buf = io.StringIO()
    csvlib.writer(buf, lineterminator="\n").writerows([cols, [row[c] for c in cols]])
    upload(parts["controls"]["upload"], buf.getvalue(), "as-described.csv")
    assert list(parts["figures"]["shares"].data[2].x)[-1] == 70.0


# ====================================================================================== ethnicity: uploads
def ethnicity_file(areas: dict[str, tuple[str, int, float]]) -> str:
    """The book's ethnicity template, its rows moved to other areas: {code: (name, year, white_pct)}."""
    tpl = pd.read_csv(sd.template_path("children_workforce_ethnicity"), dtype=str, keep_default_na=False)
    frames = []
    for code, (name, year, white) in areas.items():
        t = tpl.copy()
        t["area_code"], t["area_name"], t["time_period"] = code, name, str(year)
        shares = {"white_pct": [white + i for i in range(len(t))], "mixed_pct": 5, "asian_pct": 10, "black_pct": 15}
        shares["other_pct"] = [70 - x for x in shares["white_pct"]]
        for col, v in shares.items():
            t[col] = [f"{x:g}" for x in v] if isinstance(v, list) else str(v)
        t["shares_suppression"] = ""
        frames.append(t)
    return pd.concat(frames).to_csv(index=False)


def test_live_ethnicity_upload_adds_its_areas_first_and_draws_the_first():
    parts = live("ethnicity")
    c, fw = parts["controls"], parts["figures"]["ethnicity"]
    own_areas, own_years = list(c["area"].options), list(c["year"].options)
    upload(c["eth_upload"], ethnicity_file({"E99999999": ("Anytown", 2023, 30.0),
                                            "E99999998": ("Othertown", 2021, 50.0)}), "mine.csv")
    msg = text_of(parts["eth_upload_message"].value)
    assert msg == 'mine.csv: 2 area(s) added to the area list as "Your file: …"; showing Othertown.'
    assert list(c["area"].options) == [("Your file: Othertown", "upload:E99999998"),
                                       ("Your file: Anytown", "upload:E99999999")] + own_areas
    assert list(c["year"].options) == sorted(set(own_years) | {2021, 2023})
    assert (c["area"].value, c["year"].value) == ("upload:E99999998", 2021)
    roles = G.ROLES
    tpl = pd.read_csv(sd.template_path("children_workforce_ethnicity"), dtype=str, keep_default_na=False)
    order = {r: i for i, r in enumerate(tpl["role"])}
    white = fw.data[[col for col, _ in G.ETHNIC].index("white_pct")]
    assert list(white.x) == [50.0 + order[r] if r in order else None for r in roles]
    assert "Othertown, 2021" in fw.layout.title.text and parts["message"].value == ""
    notes = [ch for ch in parts["box"].children if isinstance(ch, w.HTML) and "swl-notes" in ch.value]
    assert notes == []   # the book's notes on its own areas are not shown for a reader's file
    c["area"].value = "upload:E99999999"
    assert "no ethnicity data" in text_of(parts["message"].value).lower()   # Anytown has 2023 only
    c["year"].value = 2023
    assert list(white.x) == [30.0 + order[r] if r in order else None for r in roles]
    assert parts["message"].value == ""


def test_live_ethnicity_upload_redraws_the_figure_once(monkeypatch):
    """Swapping the area and year lists for the reader's file draws only the final choice: one redraw, no flicker
    through England or the old year on a projected screen."""
    parts = live("ethnicity")
    calls = []
    real = G.ethnicity_update
    monkeypatch.setattr(G, "ethnicity_update", lambda *a, **k: calls.append(a[:2]) or real(*a, **k))
    upload(parts["controls"]["eth_upload"], ethnicity_file({"E99999999": ("Anytown", 2023, 30.0),
                                                            "E99999998": ("Othertown", 2021, 50.0)}), "mine.csv")
    assert calls == [(2021, "upload:E99999998")]
    parts["controls"]["year"].value = 2023   # and the lists redraw again once the upload is done
    assert calls[1:] == [(2023, "upload:E99999998")]


def test_live_ethnicity_notes_follow_the_area():
    parts = live("ethnicity")
    c, notes = parts["controls"], parts["eth_notes"]
    assert notes in list(parts["box"].children)
    for area in ("E12000007", "E92000001", "E12000002", "E12000007"):
        c["area"].value = area
        want = sd.notes_for_area(area)
        if not want:
            assert notes.value == ""    # no empty box of notes
            continue
        shown = BeautifulSoup(notes.value, "html.parser")
        ul = shown.find("ul")
        assert ul["class"] == ["swl-notes"] and [li.get_text() for li in ul.find_all("li")] == want
        assert shown.get_text() == "".join(want)   # nothing but the notes
    assert sd.notes_for_area("E12000002") == [] and len(sd.notes_for_area("E12000007")) >= 1


def test_live_ethnicity_notes_list_each_note_as_its_own_item(monkeypatch):
    """No area in the ethnicity data has two notes yet; an area that had would show each as its own item."""
    two = ["First note about <this> area.", "Second note."]
    monkeypatch.setattr(sd, "notes_for_area", lambda code: two if code == "E12000002" else [])
    parts = live("ethnicity")
    parts["controls"]["area"].value = "E12000002"
    shown = BeautifulSoup(parts["eth_notes"].value, "html.parser")
    assert [li.get_text() for li in shown.find_all("li")] == two and shown.get_text() == "".join(two)


def test_live_ethnicity_upload_of_a_dfe_download_names_what_it_recognised():
    from tests import _dfe_fixtures as fx

    parts = live("ethnicity")
    upload(parts["controls"]["eth_upload"], fx.ethnicity_csv(["Birmingham"]),
           "csww_workforce_role_by_ethnicity_2019_to_2022.csv")
    msg = text_of(parts["eth_upload_message"].value)
    notice = sd.validate_upload(fx.ethnicity_csv(["Birmingham"]), "children_workforce_ethnicity",
                                "csww_workforce_role_by_ethnicity_2019_to_2022.csv").attrs["notice"]
    assert notice.startswith("This looks like DfE's") and "ethnicity-by-role file" in notice
    assert msg == (f"{notice} csww_workforce_role_by_ethnicity_2019_to_2022.csv: 1 area(s) added to the area list "
                   'as "Your file: …"; showing Birmingham.')


def test_live_ethnicity_bad_upload_changes_nothing():
    parts = live("ethnicity")
    c, fw = parts["controls"], parts["figures"]["ethnicity"]
    before = (snapshot(fw), list(c["area"].options), list(c["year"].options))
    upload(c["eth_upload"], "area_code,white_pct\nE1,50\n", "wrong.csv")
    msg = text_of(parts["eth_upload_message"].value)
    assert msg.startswith("wrong.csv") and msg.endswith("Nothing was changed.")
    assert (snapshot(fw), list(c["area"].options), list(c["year"].options)) == before


def test_live_ethnicity_intro_names_the_years_in_the_data():
    parts = live("ethnicity")
    assert any(isinstance(c, w.HTML) and c.value == G.ETHNICITY_INTRO for c in parts["box"].children)
    assert any(isinstance(c, w.HTML) and c.value == G.eth_upload_help_html() for c in descendants(parts["box"]))
    years = G.eth_years()
    assert f"{min(years)}–{max(years)}" in text_of(G.ETHNICITY_INTRO)
    assert text_of(G.ETHNICITY_INTRO).startswith("Ethnicity by role (DfE, children's social workers in councils")
