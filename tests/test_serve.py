"""serve: loopback by default, only the output directory, reload script only while serving."""

from __future__ import annotations

import http.client
import socket
import threading
import time
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from dateline.cli.main import parser
from dateline.engine.serve import RELOAD_SCRIPT, VERSION_PATH, BuildState, make_server

# How often a serving thread looks for shutdown(): the default half second, paid once per test
# on stopping, would be most of this file's time.
POLL = 0.02


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[int, BuildState]]:
    out = tmp_path / "site"
    (out / "war").mkdir(parents=True)
    (out / "index.html").write_bytes(b"<html><body><h1>Home</h1></body></html>")
    (out / "war" / "index.html").write_bytes(b"<html><body>War</body></html>")
    (out / "war" / "events.json").write_bytes(b'{"events": []}')
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "secret.md").write_bytes(b"unpublished draft")
    (tmp_path / ".dateline-cache").mkdir()
    (tmp_path / ".dateline-cache" / "build.lock").write_bytes(b"")
    state = BuildState()
    server = make_server(out, state, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, args=(POLL,), daemon=True)
    thread.start()
    yield server.server_address[1], state
    server.shutdown()
    server.server_close()


def get(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request("GET", path)
    response = connection.getresponse()
    return response.status, response.read()


def test_serve_binds_loopback_by_default() -> None:
    options = parser().parse_args(["serve"])
    assert options.host == "127.0.0.1"


def test_pages_are_served_with_the_reload_script(served: tuple[int, BuildState]) -> None:
    port, _ = served
    status, body = get(port, "/index.html")
    assert status == 200
    assert body.startswith(b"<html><body><h1>Home</h1>")
    assert RELOAD_SCRIPT in body
    status, body = get(port, "/war/")
    assert status == 200 and b"War" in body
    status, body = get(port, "/war/events.json")
    assert (status, body) == (200, b'{"events": []}')


@pytest.mark.parametrize(
    "path",
    [
        "/../content/secret.md",
        "/%2e%2e/content/secret.md",
        "/war/%2E%2E/%2E%2E/content/secret.md",
        "/..%2fcontent/secret.md",
        "/%2e%2e%2f.dateline-cache/build.lock",
        "/war/..%2F..%2Fcontent%2Fsecret.md",
        "/%00index.html",
    ],
)
def test_nothing_outside_the_output_directory_is_served(
    served: tuple[int, BuildState], path: str
) -> None:
    port, _ = served
    status, body = get(port, path)
    assert status == 404
    assert b"unpublished draft" not in body


def test_directories_are_never_listed(served: tuple[int, BuildState], tmp_path: Path) -> None:
    port, _ = served
    (tmp_path / "site" / "empty").mkdir()
    status, body = get(port, "/empty/")
    assert status == 404
    assert b"Directory listing" not in body


def test_a_failed_rebuild_shows_its_errors_on_the_page(served: tuple[int, BuildState]) -> None:
    port, state = served
    _, before = get(port, VERSION_PATH)
    state.record('content/a.md:8:11: cannot read "Tusday" <b>')
    status, body = get(port, "/index.html")
    assert status == 500
    assert b"content/a.md:8:11: cannot read &quot;Tusday&quot; &lt;b&gt;" in body
    _, after = get(port, VERSION_PATH)
    assert int(after) == int(before) + 1


def served_with(
    tmp_path: Path, **limits: float
) -> tuple[ThreadingHTTPServer, threading.Thread]:
    out = tmp_path / "site"
    (out / "war").mkdir(parents=True)
    (out / "war" / "index.html").write_bytes(b"<html><body>War</body></html>")
    server = make_server(out, BuildState(), "127.0.0.1", 0, **limits)  # type: ignore[arg-type]
    thread = threading.Thread(target=server.serve_forever, args=(POLL,), daemon=True)
    thread.start()
    return server, thread


def stop(server: ThreadingHTTPServer, thread: threading.Thread) -> None:
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.mark.parametrize(
    ("path", "location"), [("/war", "/war/"), ("/war?tag=x&y=1", "/war/?tag=x&y=1")]
)
def test_a_folder_without_its_slash_redirects_to_it(
    served: tuple[int, BuildState], path: str, location: str
) -> None:
    port, _ = served
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request("GET", path)
    response = connection.getresponse()
    assert response.status in (301, 302)
    assert response.getheader("Location") == location


def test_a_redirect_never_leads_to_another_host(served: tuple[int, BuildState]) -> None:
    port, _ = served
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request("GET", "//war")
    response = connection.getresponse()
    assert response.status in (301, 302)
    assert response.getheader("Location") == "/war/"


def test_an_idle_connection_is_closed_by_the_server(tmp_path: Path) -> None:
    server, thread = served_with(tmp_path, idle_timeout=0.05)
    try:
        with socket.create_connection(server.server_address[:2], timeout=30) as idle:
            idle.sendall(b"GET /war/ HTTP/1.1\r\n")  # and never the rest of the request
            assert idle.recv(1024) == b""  # closed by the server, long before our 30 s
    finally:
        stop(server, thread)


def test_connections_beyond_the_bound_are_refused_not_given_threads(tmp_path: Path) -> None:
    threads_before = threading.active_count()
    server, thread = served_with(tmp_path, max_connections=3, idle_timeout=60)
    held = []
    try:
        for _ in range(3):  # each holds a thread, waiting for the rest of its request
            held.append(socket.create_connection(server.server_address[:2], timeout=30))
            held[-1].sendall(b"GET /war/ HTTP/1.1\r\n")
        for _ in range(5):
            with socket.create_connection(server.server_address[:2], timeout=30) as extra:
                extra.sendall(b"GET /war/ HTTP/1.1\r\nHost: x\r\n\r\n")
                assert extra.recv(1024).startswith(b"HTTP/1.0 503 ")
            assert threading.active_count() <= threads_before + 1 + 3
        held.pop().close()
        deadline = time.monotonic() + 60  # polled: the freed thread is back once it sees EOF
        status, body = get(server.server_address[1], "/war/")
        while status == 503 and time.monotonic() < deadline:
            status, body = get(server.server_address[1], "/war/")
        assert (status, body.startswith(b"<html><body>War")) == (200, True)
    finally:
        for connection in held:
            connection.close()
        stop(server, thread)
