"""serve: loopback by default, only the output directory, reload script only while serving."""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.cli.main import parser
from dateline.engine.serve import RELOAD_SCRIPT, VERSION_PATH, BuildState, make_server


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
    thread = threading.Thread(target=server.serve_forever, daemon=True)
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
