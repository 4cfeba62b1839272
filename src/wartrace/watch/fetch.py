"""Polite HTTP: a clear user agent, robots.txt, a per-host pace, timeouts, conditional GET.

Redirects are followed here, hop by hop, so that every hop is checked against its own
host's robots.txt and pace.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from wartrace import __version__
from wartrace.ingest.common import size_limit

USER_AGENT = f"wartrace/{__version__} (conflict-news monitor; honours robots.txt)"
MAX_REDIRECTS = 5
# RFC 9309: a cached robots.txt should not be used for more than a day.
ROBOTS_TTL = 24 * 3600.0
ROBOTS_RETRY = 600.0  # after a server error on robots.txt


class FetchError(Exception):
    """A fetch that failed: network, timeout, HTTP error, robots.txt or size."""


@dataclass(frozen=True, slots=True)
class Page:
    url: str  # after redirects
    body: bytes
    etag: str | None
    last_modified: str | None
    charset: str | None


class Fetcher:
    """One HTTP client for a watch; keeps each host's robots rules and last request time."""

    def __init__(
        self,
        *,
        timeout: float = 20.0,
        host_delay: float = 1.0,
        user_agent: str = USER_AGENT,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.user_agent = user_agent
        self.host_delay = host_delay
        self.timeout = timeout
        self._client = httpx.Client(
            timeout=timeout, headers={"User-Agent": user_agent}, follow_redirects=False
        )
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}  # host -> when it was last asked
        self._robots: dict[str, tuple[RobotFileParser, float]] = {}  # root -> rules, until

    def close(self) -> None:
        self._client.close()

    def get(
        self, url: str, etag: str | None = None, last_modified: str | None = None
    ) -> Page | None:
        """The page at ``url``, or None when the validators say it has not changed."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for _ in range(MAX_REDIRECTS + 1):
            if not self.allowed(url):
                raise FetchError(f"robots.txt disallows {url}")
            status, response_headers, body = self._request(url, headers)
            if status in (301, 302, 303, 307, 308) and "location" in response_headers:
                url = urljoin(url, response_headers["location"])
                continue
            if status == 304:
                return None
            if status >= 400:
                raise FetchError(f"HTTP {status} from {url}")
            return Page(
                url=url,
                body=body,
                etag=response_headers.get("etag"),
                last_modified=response_headers.get("last-modified"),
                charset=_charset(response_headers.get("content-type", "")),
            )
        raise FetchError(f"more than {MAX_REDIRECTS} redirects from {url}")

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise FetchError(f"not an http(s) URL: {url}")
        root = f"{parts.scheme}://{parts.netloc}"
        cached = self._robots.get(root)
        if cached is None or self._clock() > cached[1]:
            rules, ttl = self._read_robots(root)
            cached = self._robots[root] = (rules, self._clock() + ttl)
        return cached[0].can_fetch(self.user_agent, url)

    def _read_robots(self, root: str) -> tuple[RobotFileParser, float]:
        """The host's rules and how long to trust them (RFC 9309 on errors)."""
        rules = RobotFileParser(root + "/robots.txt")
        # A network failure raises FetchError: the host is down, nothing is cached.
        status, _, body = self._request(root + "/robots.txt", {})
        if status >= 500:
            rules.parse(["User-agent: *", "Disallow: /"])  # server error: assume disallowed
            return rules, ROBOTS_RETRY
        if 200 <= status < 300:
            rules.parse(body.decode("utf-8", "replace").splitlines())
        else:
            rules.parse([])  # no robots.txt (or a redirect we do not chase): no rules
        return rules, ROBOTS_TTL

    def _request(self, url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        self._pace(urlsplit(url).netloc)
        limit = size_limit()
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > limit:
                        raise FetchError(f"more than {limit} bytes at {url}")
                # httpx gives header names in lower case
                return response.status_code, dict(response.headers), bytes(body)
        except httpx.TimeoutException:
            raise FetchError(f"timed out: {url}") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"{type(exc).__name__}: {exc} ({url})") from None

    def _pace(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            wait = last + self.host_delay - self._clock()
            if wait > 0:
                self._sleep(wait)
        self._last[host] = self._clock()


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            return value.strip("\"' ")
    return None
