-- wartrace store, version 5: what `wartrace watch` has seen, so that a restart resumes
-- where it stopped, fetches only what changed and alerts on each event change once.

CREATE TABLE watch_sources (
    source TEXT PRIMARY KEY,        -- a feed URL or a folder path, as given
    etag TEXT,                      -- the feed's validators, for a conditional GET
    last_modified TEXT,
    failures INTEGER NOT NULL DEFAULT 0,  -- consecutive failed polls
    retry_at REAL,                  -- epoch seconds: not polled again before (back-off)
    last_error TEXT,
    checked_at TEXT
);

CREATE TABLE watch_items (
    source TEXT NOT NULL,
    item TEXT NOT NULL,             -- a feed entry's link, or a file's path
    stamp TEXT,                     -- the entry's updated/published stamp, or mtime:size
    etag TEXT,
    last_modified TEXT,
    content_hash TEXT,              -- of the bytes last read, so an unchanged body is skipped
    seen_at TEXT NOT NULL,
    PRIMARY KEY (source, item)
);

CREATE TABLE watch_alerts (
    alert TEXT NOT NULL,            -- the filter and target, so each alert keeps its own record
    event_id TEXT NOT NULL,
    signature TEXT NOT NULL,        -- hash of the event as last sent
    sent_at TEXT NOT NULL,
    PRIMARY KEY (alert, event_id)
);
