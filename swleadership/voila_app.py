"""Serve the projector views in Voilà (``make app``; the browser tests use :func:`command` too).

``python -m swleadership.voila_app [--port N]`` prints the index URL and serves ``notebooks/views/`` with the
``projector`` template (``share/voila/templates/projector``): no code, no Font Awesome CDN, a local plotly.js for
the live figures. Each view's notebook is run in a kernel of its own for every open tab. With ``preheat`` (the
default for ``make app``), Voilà keeps two kernels per view started and the view already run, so a view opens
without waiting for Python, and so does a reload or a second tab (see ``POOL_SIZE``).
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from ._env import BOOK_BUILD_VAR, REPO_ROOT
from ._local import wait_until_answers

VIEWS_DIR = REPO_ROOT / "notebooks" / "views"
SHARE = REPO_ROOT / "share"
TEMPLATE = "projector"
STATIC = SHARE / "voila" / "templates" / TEMPLATE / "static"
#: Pre-heated kernels per view (started and run before anyone opens it), and the seconds Voilà waits after a
#: view takes one before it starts its replacement. Two per view, so a reload (the connection banner asks for one)
#: or a second tab finds one ready: with one kernel refilled 10 s after use, reopening a view at once took
#: 9-16 s on a busy 2-core machine; with two, refilled after 2 s (the first figure is drawn by then), 2-5 s.
#: Each waiting kernel holds about 50-100 MB.
POOL_SIZE, FILL_DELAY = 2, 2
PLOTLY_JS = "plotly-swl.min.js"  # the template's copy of the book's plotly.js bundle (index.html.j2 loads it)
#: The JupyterLab extensions a projector view loads: ipywidgets' controls, Voilà's widget manager for them and
#: anywidget (the live figures).
EXTENSIONS = ("@jupyter-widgets/jupyterlab-manager", "@voila-dashboards/widgets-manager8", "anywidget")


def views() -> list[str]:
    """The view notebooks' names, in index order."""
    return sorted(p.name for p in VIEWS_DIR.glob("*.ipynb"))


def prepare() -> None:
    """Put the book's partial plotly.js bundle in the template's static folder: a quarter of plotly's full
    ``plotly.min.js``, which a busy machine took seconds to parse before the first figure."""
    from .render import plotly_bundle_path

    src, dst = plotly_bundle_path(), STATIC / PLOTLY_JS
    if not dst.exists() or dst.stat().st_size != src.stat().st_size:
        shutil.copyfile(src, dst)


def environment() -> dict[str, str]:
    """The server's environment: the live faces (not the book build), and the projector template found."""
    env = {k: v for k, v in os.environ.items() if k != BOOK_BUILD_VAR}
    env["JUPYTER_PATH"] = os.pathsep.join([str(SHARE)] + [p for p in env.get("JUPYTER_PATH", "").split(os.pathsep) if p])
    return env


def command(port: int, ip: str = "localhost", preheat: bool = True) -> list[str]:
    """The Voilà command line for the projector views."""
    cmd = [
        str(Path(sys.executable).parent / "voila"), str(VIEWS_DIR), "--no-browser", f"--port={port}",
        f"--Voila.ip={ip}", f"--template={TEMPLATE}", "--strip_sources=True", "--show_tracebacks=False",
        "--VoilaConfiguration.classic_tree=True",
        # A tab closed without Voilà noticing leaves its kernel behind: stop kernels with no open tab that have
        # been idle for 2 minutes (a kernel with a tab open is never stopped).
        "--MappingKernelManager.cull_idle_timeout=120", "--MappingKernelManager.cull_interval=30",
        "--MappingKernelManager.cull_connected=False",
        # Only the widget extensions a view uses. By default Voilà makes every page load every JupyterLab
        # extension installed for `make lab`: jupyterlab-myst (2 MB of JavaScript) and jupyterlab-plotly's own
        # 4.8 MB plotly.js (the live figures load the template's copy), which a busy 2-core machine spent
        # seconds parsing before the first figure.
        "--VoilaConfiguration.extension_allowlist=" + repr(list(EXTENSIONS)),
    ]
    if preheat:
        cmd += ["--preheat_kernel=True", f"--pool_size={POOL_SIZE}", f"--VoilaKernelManager.fill_delay={FILL_DELAY}"]
    return cmd


def wait_until_up(base: str, timeout: float = 90) -> None:
    wait_until_answers(base + "/api/kernelspecs", timeout, what="Voilà")


class Server:
    """Voilà serving the projector views, in a process of its own; counts the views whose kernel is ready."""

    latest: Server | None = None  # the last server started (tests print its log when something fails)

    def __init__(self, port: int, ip: str = "localhost", preheat: bool = True, echo: bool = False):
        prepare()
        self.base = f"http://{ip}:{port}"
        self.preheat, self.echo = preheat, echo
        self.ready: set[str] = set()
        self.log: collections.deque[str] = collections.deque(maxlen=300)  # the server's last lines
        Server.latest = self
        self.started = time.time()
        self.proc = subprocess.Popen(command(port, ip=ip, preheat=preheat), cwd=VIEWS_DIR, env=environment(),
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, bufsize=1)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.proc.stderr:
            self.log.append(line.rstrip())
            m = re.search(r"Kernel pool of (\S+) is filled", line)
            if m:
                self.ready.add(m.group(1))
            if self.echo:
                sys.stderr.write(line)

    def wait_ready(self, timeout: float = 240) -> float:
        """Wait until every view has a kernel that has run it (with ``preheat``); seconds since the start."""
        wait_until_up(self.base)
        if self.preheat:
            deadline = time.time() + timeout
            while not set(views()) <= self.ready:
                if time.time() > deadline or self.proc.poll() is not None:
                    raise RuntimeError(f"Voilà had {len(self.ready)} of {len(views())} views ready after {timeout:.0f} s")
                time.sleep(0.3)
        return time.time() - self.started

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, default=8866)
    ap.add_argument("--no-preheat", action="store_true", help="start a view's kernel only when it is opened")
    args = ap.parse_args(argv)
    names = views()
    with Server(args.port, preheat=not args.no_preheat, echo=True) as server:
        try:
            wait_until_up(server.base)
            print(f"\nProjector views: open {server.base}/ ({len(names)} views). Stop the server with Ctrl+C.\n"
                  "Each open tab starts its own Python kernel: close the tabs you no longer show.", flush=True)
            if server.preheat:
                took = server.wait_ready()
                print(f"\nAll {len(names)} views were ready {took:.0f} s after the start: a view now draws its first "
                      "figure 1-5 s after you open it, and so does a reload or a second tab of it.\n", flush=True)
            else:
                print("\nWithout pre-heated kernels a view takes 8-20 s to draw its first figure.\n", flush=True)
            return server.proc.wait()
        except KeyboardInterrupt:
            return 0


if __name__ == "__main__":
    raise SystemExit(main())
