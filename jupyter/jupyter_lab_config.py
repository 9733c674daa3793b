"""JupyterLab settings for `make lab` (and the JupyterLab browser test): local, offline, no token.

`make lab` passes this file with ``--config``. The server listens on 127.0.0.1 only, so no other machine can reach
it, and it asks for no token or password: anyone with an account on this computer can open it. Use a token (drop
the two ``token``/``password`` lines) if you share the machine with people you don't trust.
"""

from pathlib import Path

HERE = Path(__file__).resolve().parent

c = get_config()  # noqa: F821  (provided by Jupyter when it loads this file)

c.ServerApp.ip = "127.0.0.1"
c.ServerApp.root_dir = str(HERE.parent / "notebooks")
c.IdentityProvider.token = ""
c.ServerApp.password = ""

# Nothing from another host: no news feed, no update check, no PyPI extension search.
c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"
c.LabApp.extension_manager = "readonly"
# The settings in settings/overrides.json (news prompt off, MyST rendering of Markdown cells).
c.LabApp.app_settings_dir = str(HERE / "settings")
