"""Launch buttons only for a real repository and hub; the one shared sentence names only the buttons there are."""

from swleadership.launch import buttons, honest_theme_options, is_real, run_live, theme_options_from_config

PLACEHOLDER = {
    "repository_url": "https://github.com/example-org/leadership-in-social-work",
    "use_repository_button": True, "use_issues_button": True,
    "launch_buttons": {"notebook_interface": "jupyterlab", "binderhub_url": "https://mybinder.org",
                       "jupyterhub_url": "https://jupyterhub.example.ac.uk",
                       "colab_url": "https://colab.research.google.com", "thebe": False},
}
REAL = {**PLACEHOLDER, "repository_url": "https://github.com/uni-of-somewhere/leadership-in-social-work"}
REAL_HUB = {**REAL, "launch_buttons": {**REAL["launch_buttons"], "jupyterhub_url": "https://hub.somewhere.ac.uk"}}


def test_placeholder_repository_gives_no_buttons():
    out = honest_theme_options(PLACEHOLDER)
    assert out["use_repository_button"] is False and out["use_issues_button"] is False
    for key in ("binderhub_url", "colab_url", "jupyterhub_url"):
        assert key not in out["launch_buttons"]
    assert out["launch_buttons"]["notebook_interface"] == "jupyterlab"
    assert buttons(PLACEHOLDER) == []
    assert PLACEHOLDER["launch_buttons"]["binderhub_url"]  # the input is not changed


def test_real_repository_gives_binder_colab_repository_and_issue_buttons_but_not_a_placeholder_hub():
    out = honest_theme_options(REAL)
    assert out["use_repository_button"] is True and out["use_issues_button"] is True
    assert out["launch_buttons"]["binderhub_url"] == "https://mybinder.org"
    assert out["launch_buttons"]["colab_url"] == "https://colab.research.google.com"
    assert "jupyterhub_url" not in out["launch_buttons"]
    assert buttons(REAL) == ["Binder", "Google Colab"]


def test_real_hub_adds_the_jupyterhub_button():
    assert honest_theme_options(REAL_HUB)["launch_buttons"]["jupyterhub_url"] == "https://hub.somewhere.ac.uk"
    assert buttons(REAL_HUB) == ["Binder", "your university\u2019s JupyterHub", "Google Colab"]


def test_is_real():
    assert is_real("https://github.com/someone/book")
    assert not is_real("") and not is_real(None) and not is_real("github.com/someone/book")
    assert not is_real("https://jupyterhub.example.ac.uk") and not is_real("https://github.com/example-org/x")


def test_the_shared_sentence_follows_the_setting():
    assert "launch button" not in run_live(PLACEHOLDER) and "make lab" in run_live(PLACEHOLDER)
    assert "launch button" in run_live(REAL) and "Binder or Google Colab" in run_live(REAL)
    assert "JupyterHub" not in run_live(REAL)
    assert "Binder, your university\u2019s JupyterHub or Google Colab" in run_live(REAL_HUB)


def test_config_is_read_from_the_repository():
    opts = theme_options_from_config()
    assert opts["repository_url"] and "launch_buttons" in opts
    assert run_live() == run_live(opts)


def _book(tmp_path, url):
    import json

    (tmp_path / "_config.yml").write_text(f'repository:\n  url: "{url}"\n  branch: main\n', encoding="utf-8")
    nbs = tmp_path / "notebooks"
    nbs.mkdir()
    nb = {"cells": [{"cell_type": "markdown", "id": "a", "metadata": {}, "source": ["# A chapter"]}],
          "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (nbs / "01-a.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    return nbs, tmp_path / "_config.yml"


def test_install_cell_added_for_a_real_repository_and_removed_for_a_placeholder(tmp_path):
    import json

    from swleadership.launch import INSTALL_TAG, sync_install_cells

    nbs, cfg = _book(tmp_path, "https://github.com/uni-of-somewhere/book")
    assert sync_install_cells(nbs, cfg) == [nbs / "01-a.ipynb"]
    assert sync_install_cells(nbs, cfg) == []  # idempotent
    first = json.loads((nbs / "01-a.ipynb").read_text())["cells"][0]
    assert INSTALL_TAG in first["metadata"]["tags"] and "remove-cell" in first["metadata"]["tags"]
    assert "https://github.com/uni-of-somewhere/book" in "".join(first["source"])
    cfg.write_text('repository:\n  url: "https://github.com/example-org/book"\n', encoding="utf-8")
    assert sync_install_cells(nbs, cfg) == [nbs / "01-a.ipynb"]
    assert json.loads((nbs / "01-a.ipynb").read_text())["cells"][0]["cell_type"] == "markdown"


def test_install_cell_is_valid_ipython_and_does_nothing_when_the_package_imports():
    from IPython.core.inputtransformer2 import TransformerManager

    from swleadership.launch import install_cell_source

    src = TransformerManager().transform_cell(install_cell_source("https://github.com/uni/book", "main"))
    ran = []
    namespace = {"get_ipython": lambda: type("IP", (), {"system": lambda s, c: ran.append(c),
                                                         "run_line_magic": lambda s, *a: ran.append(a)})()}
    exec(compile(src, "install-cell", "exec"), namespace)
    assert ran == []  # swleadership imports here, so nothing is cloned or installed


def test_notebooks_match_the_configured_repository():
    from swleadership.launch import sync_install_cells

    assert sync_install_cells(write=False) == [], "run: .venv/bin/python -m swleadership.launch"
