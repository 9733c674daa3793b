"""swleadership._local: the free port and the wait that every local server (static site, Voilà, JupyterLab)
goes through."""

from __future__ import annotations

import http.server
import socket
import subprocess
import sys
import threading

import pytest

from swleadership._local import ServerDidNotStart, free_port, wait_until_answers


def test_free_port_can_be_listened_on():
    port = free_port()
    with socket.socket() as s:
        s.bind(("127.0.0.1", port))
        s.listen()


@pytest.mark.parametrize("status", [200, 403])
def test_any_http_answer_counts_as_up(status):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(status)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        wait_until_answers(f"http://127.0.0.1:{server.server_address[1]}/api", timeout=5)
    finally:
        server.shutdown()


def test_a_server_that_stops_is_named():
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    with pytest.raises(ServerDidNotStart, match="^Voilà stopped before it answered at http://127.0.0.1:"):
        wait_until_answers(f"http://127.0.0.1:{free_port()}/", timeout=30, proc=proc, what="Voilà")


def test_a_server_that_never_answers_times_out_with_its_name():
    with pytest.raises(ServerDidNotStart, match=r"^the static server did not answer at .* within 0.5 s$"):
        wait_until_answers(f"http://127.0.0.1:{free_port()}/", timeout=0.5, what="the static server", poll=0.05)
