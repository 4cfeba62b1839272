"""Polling one source: a feed (RSS/Atom, pages fetched) or a folder (new and changed files).

A poll returns what is new and the state to record once it is stored; it writes nothing,
so an article and the note that it was seen are committed together by the caller.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import feedparser

from wartrace.ingest.common import InputRejected, normalise_date, url_id
from wartrace.ingest.html import decode_html, html_article
from wartrace.models import ArticleInput, IngestError
from wartrace.watch.fetch import Fetcher, FetchError, Page
from wartrace.watch.state import Seen, SourceState


@dataclass(slots=True)
class Poll:
    articles: list[ArticleInput] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)  # rejected items, as ingest does
    transient: list[IngestError] = field(default_factory=list)  # fetches that failed; retried
    seen: dict[str, Seen] = field(default_factory=dict)  # items to record as seen
    source: SourceState | None = None  # the source's new validators (feeds)


# Feed problems that leave its content intact: a wrong declared charset or content type.
_HARMLESS = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


def is_feed(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def digest(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def poll_feed(fetcher: Fetcher, url: str, state: SourceState, seen: dict[str, Seen]) -> Poll:
    """New and changed entries of a feed, their pages fetched; FetchError if the feed fails."""
    poll = Poll(source=SourceState(state.etag, state.last_modified))
    page = fetcher.get(url, state.etag, state.last_modified)
    if page is None:
        return poll  # 304: nothing new
    parsed = feedparser.parse(page.body, response_headers=_feed_headers(page.charset))
    problem = parsed.get("bozo_exception") if parsed.bozo else None
    if problem is not None and not isinstance(problem, _HARMLESS):
        # Strict: entries salvaged from broken XML may be cut short or miss their links.
        raise FetchError(f"not a readable feed: {type(problem).__name__}: {problem}")
    poll.source = SourceState(page.etag, page.last_modified)
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        # dict.get: feedparser's own get maps a missing "updated" to "published", with a warning
        stamp = dict.get(entry, "updated") or dict.get(entry, "published") or ""
        before = seen.get(link)
        if before is not None and before.stamp == stamp:
            continue
        try:
            page, now_seen = _fetch_entry(fetcher, link, stamp, before)
        except FetchError as exc:  # perhaps passing: not marked seen, so tried again next poll
            poll.transient.append(IngestError(link, str(exc)))
            continue
        poll.seen[link] = now_seen
        if page is None:
            continue
        try:
            poll.articles.append(_article(page, entry, link))
        except InputRejected as exc:  # the page itself: tried again only when it changes
            poll.errors.append(IngestError(link, exc.message))
    return poll


def _fetch_entry(
    fetcher: Fetcher, link: str, stamp: str, before: Seen | None
) -> tuple[Page | None, Seen]:
    """The entry's page if it is new or its body changed, and how it is now seen."""
    etag, modified = (before.etag, before.last_modified) if before else (None, None)
    page = fetcher.get(link, etag, modified)
    if page is None:
        assert before is not None  # validators are only sent for a page seen before
        return None, Seen(stamp, before.etag, before.last_modified, before.content_hash)
    now_seen = Seen(stamp, page.etag, page.last_modified, digest(page.body))
    if before is not None and before.content_hash == now_seen.content_hash:
        return None, now_seen
    return page, now_seen


def _article(page: Page, entry: Any, link: str) -> ArticleInput:
    article = html_article(
        decode_html(page.body, page.charset),
        source=link,
        source_format="html",
        article_id=url_id(link),  # the entry's link: stable even if the page redirects
        url=page.url,
        published=_entry_date(entry),
    )
    if not article.title and entry.get("title"):
        article = replace(article, title=entry["title"])
    return article


def _entry_date(entry: Any) -> str | None:
    parsed = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    if parsed:
        return time.strftime("%Y-%m-%d", parsed)
    return normalise_date(dict.get(entry, "published"))


def _feed_headers(charset: str | None) -> dict[str, str]:
    return {"content-type": f"application/xml; charset={charset}"} if charset else {}


def poll_folder(folder: Path, seen: dict[str, Seen], settle: float) -> Poll:
    """Files in ``folder`` (recursively) that are new or changed since they were last read.

    A file modified less than ``settle`` seconds ago may still be being written: it waits
    for the next poll.
    """
    from wartrace.ingest.sources import format_of, read_inputs

    if not folder.is_dir():
        raise FetchError(f"not a folder: {folder}")
    poll = Poll()
    now = time.time()
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or format_of(path.name) is None:
            continue
        info = path.stat()
        if now - info.st_mtime < settle:
            continue
        key = str(path)
        stamp = f"{info.st_mtime_ns}:{info.st_size}"
        before = seen.get(key)
        if before is not None and before.stamp == stamp:
            continue
        content_hash = digest(path.read_bytes())
        poll.seen[key] = Seen(stamp, content_hash=content_hash)
        if before is not None and before.content_hash == content_hash:
            continue
        for item in read_inputs([path]):
            if isinstance(item, IngestError):
                poll.errors.append(item)
            else:
                poll.articles.append(item)
    return poll
