"""A local HTTP server on 127.0.0.1 serving invented feeds and pages, for the watch tests."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    location: str | None = None  # a redirect target
    delay: float = 0.0  # seconds before answering (a feed that times out)


@dataclass
class Site:
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, str, dict[str, str], float]] = field(default_factory=list)
    posts: list[bytes] = field(default_factory=list)
    base: str = ""

    def gets(self, path: str) -> list[dict[str, str]]:
        """The headers of every GET of ``path``."""
        return [h for method, p, h, _ in self.requests if method == "GET" and p == path]

    def url(self, path: str) -> str:
        return self.base + path


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _record(self, method: str) -> None:
            headers = {k.lower(): v for k, v in self.headers.items()}
            site.requests.append((method, self.path, headers, time.monotonic()))

        def do_GET(self) -> None:
            self._record("GET")
            route = site.routes.get(self.path)
            if route is None:
                self.send_response(404)
                self.end_headers()
                return
            if route.delay:
                time.sleep(route.delay)
            if route.etag and self.headers.get("If-None-Match") == route.etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(route.status)
            if route.location:
                self.send_header("Location", route.location)
            if route.etag:
                self.send_header("ETag", route.etag)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(route.body)  # unless the client gave up waiting

        def do_POST(self) -> None:
            self._record("POST")
            length = int(self.headers.get("Content-Length") or 0)
            site.posts.append(self.rfile.read(length))
            route = site.routes.get(self.path, Route())
            self.send_response(route.status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


def serve() -> Iterator[Site]:
    """Run a server for the duration of a test (used as a pytest fixture body)."""
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


def rss(items: list[tuple[str, str, str]], title: str = "Invented Wire") -> bytes:
    """An RSS 2.0 feed of (title, link, pubDate) items."""
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>{date}</pubDate></item>"
        for t, link, date in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>http://invented.example/</link>"
        f"<description>invented feed</description>{entries}</channel></rss>"
    ).encode()


def page(headline: str, body: str) -> bytes:
    """An invented article page, with navigation around the main text."""
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{headline}</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{headline}</h1><p>{body}</p></article>"
        "<footer>Invented Wire, all rights reserved</footer></body></html>"
    ).encode()
