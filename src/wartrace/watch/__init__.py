"""Watching: feeds and folders polled, new items ingested, processed, linked and alerted."""

from __future__ import annotations

from wartrace.watch.alerts import Alert, parse_alert
from wartrace.watch.fetch import USER_AGENT, Fetcher, FetchError
from wartrace.watch.loop import PassReport, Watcher

__all__ = [
    "USER_AGENT",
    "Alert",
    "FetchError",
    "Fetcher",
    "PassReport",
    "Watcher",
    "parse_alert",
]
