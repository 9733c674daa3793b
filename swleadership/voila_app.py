"""Serve the projector views in Voilà (``make app``; the browser tests use :func:`command` too).

``python -m swleadership.voila_app [--port N]`` prints the index URL and serves ``notebooks/views/`` with the
``projector`` template (``share/voila/templates/projector``): no code, no Font Awesome CDN, a local plotly.js for
the live figures. Each view's notebook is run in a kernel of its own for every open tab. With ``preheat`` (the
default for ``make app``), Voilà keeps one kernel per view started and the view already run, so a view opens
without waiting for Python; a second tab of the same view waits for the next kernel.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from ._env import BOOK_BUILD_VAR, REPO_ROOT

VIEWS_DIR = REPO_ROOT / "notebooks" / "views"
SHARE = REPO_ROOT / "share"
TEMPLATE = "projector"
STATIC = SHARE / "voila" / "templates" / TEMPLATE / "static"


def views() -> list[str]:
    """The view notebooks' names, in index order."""
    return sorted(p.name for p in VIEWS_DIR.glob("*.ipynb"))


def prepare() -> None:
    """Put plotly's own ``plotly.min.js`` (from the installed wheel) in the template's static folder."""
    from .render import plotly_js_path

    src, dst = plotly_js_path(), STATIC / "plotly.min.js"
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
        # A tab closed without Voilà noticing leaves a kernel behind: stop kernels idle for 10 minutes.
        "--MappingKernelManager.cull_idle_timeout=600", "--MappingKernelManager.cull_interval=60",
    ]
    if preheat:
        # One kernel per view, started and run ahead; refilled 10 s after use, not while the page draws.
        cmd += ["--preheat_kernel=True", "--pool_size=1", "--VoilaKernelManager.fill_delay=10"]
    return cmd


def wait_until_up(base: str, timeout: float = 90) -> None:
    deadline = time.time() + timeout
    while True:
        try:
            urllib.request.urlopen(base + "/api/kernelspecs", timeout=2)
            return
        except urllib.error.HTTPError:
            return  # any HTTP answer means it is up (403 is normal)
        except OSError:
            if time.time() > deadline:
                raise RuntimeError(f"Voilà did not start within {timeout:.0f} s") from None
            time.sleep(0.3)


def main(argv: list[str] | None = None) -> int:
    import subprocess

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, default=8866)
    ap.add_argument("--no-preheat", action="store_true", help="start a view's kernel only when it is opened")
    args = ap.parse_args(argv)
    prepare()
    base = f"http://localhost:{args.port}"
    proc = subprocess.Popen(command(args.port, preheat=not args.no_preheat), cwd=VIEWS_DIR, env=environment())
    try:
        t0 = time.time()
        wait_until_up(base)
        names = views()
        print(f"\nProjector views: open {base}/ ({len(names)} views). Stop the server with Ctrl+C.", flush=True)
        if not args.no_preheat:
            # Time one view's run on this machine: the index page does not start kernels, a view does.
            t1 = time.time()
            urllib.request.urlopen(f"{base}/voila/render/{names[0]}", timeout=300).read()
            print(f"The first view ran in {time.time() - t1:.1f} s after the server was up ({time.time() - t0:.1f} s "
                  "from start; Voilà is warming one kernel per view meanwhile). Your browser then needs 1-2 s to "
                  "draw it. Each open tab starts its own kernel.", flush=True)
        return proc.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


if __name__ == "__main__":
    raise SystemExit(main())
