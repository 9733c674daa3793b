"""Local servers the book's tools and tests start (the static site, Voilà, JupyterLab): a free port to start one
on, and a wait until it answers.

    port = free_port()
    proc = subprocess.Popen([...server on port...])
    wait_until_answers(f"http://127.0.0.1:{port}/", timeout=20, proc=proc, what="the static server")

Any HTTP answer counts as up (Voilà answers 403 to an API call without a token). If the server's process ends
or the time runs out first, ``ServerDidNotStart`` says which server and why.
"""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request


class ServerDidNotStart(RuntimeError):
    pass


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing is listening on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_answers(url: str, timeout: float, proc=None, what: str = "the server", poll: float = 0.2) -> None:
    """Return once ``url`` gives any HTTP answer; raise ``ServerDidNotStart`` if ``proc`` (a ``Popen``) ends or
    ``timeout`` seconds pass first."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            if proc is not None and proc.poll() is not None:
                raise ServerDidNotStart(f"{what} stopped before it answered at {url}") from None
            if time.monotonic() > deadline:
                raise ServerDidNotStart(f"{what} did not answer at {url} within {timeout:g} s") from None
            time.sleep(poll)
