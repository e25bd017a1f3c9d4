"""`build.py serve`: build, serve the output on localhost, rebuild on change, reload open pages.

Only the output directory is served. The reload script is added to HTML as it is sent, never
written into the site, so a served page and a built page differ only while serving.
"""

from __future__ import annotations

import html
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

VERSION_PATH = "/__dateline/version"
IDLE_TIMEOUT = 15.0  # seconds a connection may keep the server waiting for its request
MAX_CONNECTIONS = 32  # connections served at once, each on its own thread
BUSY_RESPONSE = (
    b"HTTP/1.0 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\n"
    b"Connection: close\r\n\r\n"
)
RELOAD_SCRIPT = b"""<script>
(function () {
  var seen = null;
  function poll() {
    fetch("%s", {cache: "no-store"}).then(function (r) { return r.text(); }).then(function (v) {
      if (seen !== null && v !== seen) { location.reload(); }
      seen = v;
    }).catch(function () {}).finally(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
</script>
""" % VERSION_PATH.encode()


@dataclass
class BuildState:
    """What the last build did: the pages poll `version`; a failure is shown instead of pages."""

    version: int = 0
    failure: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, failure: str | None) -> None:
        with self.lock:
            self.version += 1
            self.failure = failure


class SiteHandler(SimpleHTTPRequestHandler):
    """Files under the output directory only; HTML gets the reload script; errors get a page."""

    state: BuildState

    def __init__(
        self, *args: object, state: BuildState, directory: str, idle_timeout: float,
        **kwargs: object,
    ) -> None:
        self.state = state
        self.idle_timeout = idle_timeout
        super().__init__(*args, directory=directory, **kwargs)  # type: ignore[arg-type]

    def setup(self) -> None:
        """A connection that stays silent for `idle_timeout` is closed, and its thread freed
        (reading the request then times out, which the base handler takes as the end)."""
        self.request.settimeout(self.idle_timeout)
        super().setup()

    def list_directory(self, path: str | Path) -> None:  # type: ignore[override]
        self.send_error(HTTPStatus.NOT_FOUND, "No listing")
        return None

    def do_GET(self) -> None:
        if urlsplit(self.path).path == VERSION_PATH:
            self._send(HTTPStatus.OK, "text/plain", str(self.state.version).encode())
            return
        if self.state.failure is not None:
            page = (
                "<!doctype html><html lang='en'><title>Build failed</title><main><h1>Build failed"
                f"</h1><pre>{html.escape(self.state.failure)}</pre></main></html>"
            ).encode()
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, "text/html", page + RELOAD_SCRIPT)
            return
        raw_path = unquote(urlsplit(self.path).path)
        if "\0" in raw_path or any(part == ".." for part in raw_path.split("/")):
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        target = Path(self.translate_path(self.path))
        root = Path(self.directory).resolve()
        if target.is_dir():
            if not raw_path.endswith("/"):
                self._redirect_to_folder()
                return
            target = target / "index.html"
        resolved = target.resolve()
        if not resolved.is_relative_to(root) or not resolved.is_file():
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        body = resolved.read_bytes()
        content_type = self.guess_type(str(resolved))
        if content_type == "text/html":
            body = body.replace(b"</body>", RELOAD_SCRIPT + b"</body>", 1)
        self._send(HTTPStatus.OK, content_type, body)

    def _redirect_to_folder(self) -> None:
        """`/war` to `/war/`, as a web server sends a folder's address, so that the page's
        relative links resolve; the query stays. One leading slash, so that `//war` stays on
        this host rather than naming another."""
        parts = urlsplit(self.path)
        location = "/" + parts.path.lstrip("/") + "/" + (f"?{parts.query}" if parts.query else "")
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self) -> None:
        self.send_error(HTTPStatus.METHOD_NOT_ALLOWED)

    def _send(self, status: HTTPStatus, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # quiet: errors go to stderr
        return None


Request = socket.socket | tuple[bytes, socket.socket]  # as socketserver types it; TCP: a socket


class BoundedServer(ThreadingHTTPServer):
    """A thread for each connection, at most `max_connections` at once: one more is answered
    503 at once and closed, so idle or slow clients cannot make the server grow without end."""

    def __init__(
        self, address: tuple[str, int], handler: Callable[..., SiteHandler], max_connections: int
    ) -> None:
        super().__init__(address, handler)
        self.slots = threading.BoundedSemaphore(max_connections)

    def process_request(self, request: Request, client_address: object) -> None:
        if not self.slots.acquire(blocking=False):
            _refuse(request)
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.slots.release()
            raise

    def process_request_thread(self, request: Request, client_address: object) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()


def _refuse(request: Request) -> None:
    """Answer 503 without reading the request, having taken in what the client already sent,
    so that closing does not reset the connection before the client reads the answer."""
    if not isinstance(request, socket.socket):
        return
    try:
        request.setblocking(False)
        while request.recv(65536):
            pass
    except OSError:
        pass
    try:
        request.settimeout(1.0)
        request.sendall(BUSY_RESPONSE)
    except OSError:
        pass


def make_server(
    out: Path,
    state: BuildState,
    host: str,
    port: int,
    idle_timeout: float = IDLE_TIMEOUT,
    max_connections: int = MAX_CONNECTIONS,
) -> ThreadingHTTPServer:
    handler = partial(
        SiteHandler, state=state, directory=str(out.resolve()), idle_timeout=idle_timeout
    )
    return BoundedServer((host, port), handler, max_connections)


def watch_and_rebuild(
    paths: list[Path], rebuild: Callable[[], str | None], state: BuildState, stop: threading.Event
) -> None:
    """Rebuild whenever a watched file changes; every result (or failure) bumps the version."""
    from watchfiles import watch

    for _changes in watch(*paths, stop_event=stop, debounce=200):
        state.record(rebuild())
