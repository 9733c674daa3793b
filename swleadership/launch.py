"""Launch buttons that tell the truth: only for a real repository, and one sentence that says what there is.

``_config.yml`` names the repository (``repository.url``) and a JupyterHub (``launch_buttons.jupyterhub_url``).
Until someone sets them they hold placeholders (``example-org``, ``jupyterhub.example.ac.uk``), and a button built
from a placeholder leads nowhere. :func:`honest_theme_options` (called by ``swleadership.sphinxext`` at build
time) drops the Binder, Colab, repository and issue buttons while the repository is a placeholder, and the
JupyterHub button while the hub is one. :func:`run_live` is the one sentence the prose uses for "how to run this
chapter live" (``{eval}`run_live` ``); it names only the buttons the build will show::

    >>> run_live({"repository_url": "https://github.com/example-org/x"})
    'run make lab in a copy of the book\u2019s repository (the README says how)'
"""

from __future__ import annotations

import copy
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "_config.yml"

#: Parts of an address that mark it as a placeholder, not a real service.
PLACEHOLDERS = ("example-org", "example.org", "example.com", "example.ac.uk", "your-org", "<")
_SERVICE_KEYS = ("binderhub_url", "colab_url", "jupyterhub_url", "deepnote_url", "jupyterlite_url")
_REPO_BUTTONS = ("use_repository_button", "use_issues_button", "use_edit_page_button")


def is_real(url: str | None) -> bool:
    """True for an http(s) address that is not a placeholder."""
    url = (url or "").strip()
    return url.startswith(("https://", "http://")) and not any(p in url for p in PLACEHOLDERS)


def honest_theme_options(options: dict) -> dict:
    """sphinx-book-theme options with every button removed that would lead to a placeholder (a copy)."""
    out = copy.deepcopy(options)
    launch = dict(out.get("launch_buttons") or {})
    if not is_real(out.get("repository_url")):
        for key in _SERVICE_KEYS:
            launch.pop(key, None)
        for key in _REPO_BUTTONS:
            out[key] = False
    elif not is_real(launch.get("jupyterhub_url")):
        launch.pop("jupyterhub_url", None)
    out["launch_buttons"] = launch
    return out


def buttons(options: dict) -> list[str]:
    """The launch services the build will offer, in the order the theme lists them."""
    launch = honest_theme_options(options)["launch_buttons"]
    names = {"binderhub_url": "Binder", "jupyterhub_url": "your university\u2019s JupyterHub", "colab_url": "Google Colab"}
    return [label for key, label in names.items() if launch.get(key)]


def theme_options_from_config(path: Path = CONFIG) -> dict:
    """The theme options that Jupyter Book makes from ``_config.yml`` (repository and launch buttons only)."""
    try:
        import yaml

        cfg = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, ImportError):
        return {}
    return {"repository_url": (cfg.get("repository") or {}).get("url", ""),
            "launch_buttons": cfg.get("launch_buttons") or {}}


def run_live(options: dict | None = None) -> str:
    """How to run a chapter live, as a phrase that starts with a verb and names only the buttons there are."""
    options = theme_options_from_config() if options is None else options
    services = buttons(options)
    if not services:
        return "run make lab in a copy of the book\u2019s repository (the README says how)"
    listed = services[0] if len(services) == 1 else ", ".join(services[:-1]) + " or " + services[-1]
    return (f"open the chapter with the launch button (the rocket icon at the top of the page) in {listed}, "
            "or run make lab in a copy of the book\u2019s repository")


#: The texts the prose may show with ``{eval}`name` `` that come from the book's settings, not from data/.
TEXTS = {"run_live": run_live}


# ---------------------------------------------------------------------------------------------- Colab
INSTALL_TAG = "swl-install-if-missing"


def repository(path: Path = CONFIG) -> tuple[str, str]:
    """(url, branch) of the book's repository from ``_config.yml``; url is "" while it is a placeholder."""
    try:
        import yaml

        repo = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("repository") or {}
    except (OSError, ImportError):
        return "", "main"
    url = str(repo.get("url") or "")
    return (url if is_real(url) else ""), str(repo.get("branch") or "main")


def install_cell_source(url: str, branch: str = "main") -> str:
    """The first cell of every chapter when a repository is set: in Google Colab (no package) it fetches the
    book's repository and installs its package; where ``swleadership`` imports (JupyterLab, Binder, the book) it
    does nothing."""
    return (
        "# In Google Colab the book's package is missing: fetch the book's repository and install it.\n"
        "try:\n"
        "    import swleadership  # noqa: F401  (installed: nothing to do)\n"
        "except ImportError:\n"
        f"    !git clone --quiet --depth 1 --branch {branch} {url} /content/book\n"
        "    %pip install --quiet -e /content/book\n"
        "    import os, sys\n"
        "    sys.path.insert(0, '/content/book')\n"
        "    os.chdir('/content/book/notebooks')"
    )


def sync_install_cells(notebooks: Path = ROOT / "notebooks", config: Path = CONFIG, write: bool = True) -> list[Path]:
    """Give every chapter the install cell for the configured repository, or remove it while there is none.
    Returns the notebooks that changed (or would change, with ``write=False``)."""
    import json

    url, branch = repository(config)
    changed = []
    for nb_path in sorted(notebooks.glob("*.ipynb")):
        nb = json.loads(nb_path.read_text(encoding="utf-8"))
        cells = [c for c in nb["cells"] if INSTALL_TAG not in c.get("metadata", {}).get("tags", [])]
        if url:
            source = install_cell_source(url, branch)
            cells.insert(0, {"cell_type": "code", "execution_count": None, "id": "swl-install",
                             "metadata": {"tags": ["remove-cell", INSTALL_TAG]}, "outputs": [],
                             "source": source.splitlines(keepends=True)})
        if cells != nb["cells"]:
            changed.append(nb_path)
            if write:
                nb["cells"] = cells
                nb_path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return changed


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m swleadership.launch",
                                 description="Add (repository set in _config.yml) or remove (placeholder) the "
                                             "first cell that installs the book's package in Google Colab.")
    ap.add_argument("--check", action="store_true", help="only report notebooks that are out of step")
    args = ap.parse_args(argv)
    changed = sync_install_cells(write=not args.check)
    url, _ = repository()
    what = f"install cell for {url}" if url else "no install cell (repository.url is a placeholder)"
    verb = "out of step" if args.check else "updated"
    print(f"{len(changed)} notebook(s) {verb}: {what}" + "".join(f"\n  {p.name}" for p in changed))
    return 1 if (args.check and changed) else 0


if __name__ == "__main__":
    raise SystemExit(main())
