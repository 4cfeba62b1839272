-- wartrace store, version 1. Later stages fill the tables defined here.
-- All offsets (start, end) are character offsets into articles.raw_text.

CREATE TABLE articles (
    article_id          TEXT PRIMARY KEY,
    url                 TEXT,
    outlet              TEXT,            -- as given by the input metadata
    published           TEXT,            -- YYYY-MM-DD, input metadata
    title               TEXT,
    raw_text            TEXT NOT NULL,   -- byte-for-byte as received (decoded)
    content_hash        TEXT NOT NULL,
    source              TEXT,            -- file it was ingested from
    source_format       TEXT,
    ingested_at         TEXT NOT NULL,
    status              TEXT NOT NULL DEFAULT 'pending'
                        CHECK (status IN ('pending', 'processed')),
    processed_at        TEXT,
    -- text stage
    language            TEXT,
    language_confidence REAL,
    text_outlet         TEXT,            -- outlet the text names for itself
    credit              TEXT,            -- "(an/ARA)", "Source: ..." -> ARA
    dateline            TEXT,
    printed_date        TEXT,
    headline            TEXT,
    boilerplate         TEXT,            -- JSON [[start, end, rule], ...]
    text_spans          TEXT,            -- JSON [[start, end, field], ...]
    warnings            TEXT,            -- JSON list of strings
    -- link stage
    derived_from        TEXT,
    relation            TEXT CHECK (relation IN ('copy', 'translation', 'rewrite')),
    derivation_score    REAL,
    alignment           TEXT             -- JSON: passages left out / added
);
CREATE INDEX articles_status ON articles (status);
CREATE INDEX articles_outlet ON articles (outlet);
CREATE INDEX articles_derived_from ON articles (derived_from);

-- Lines seen per outlet, to learn each site's boilerplate.
CREATE TABLE outlet_lines (
    outlet     TEXT NOT NULL,
    line_hash  TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    PRIMARY KEY (outlet, line_hash, article_id)
) WITHOUT ROWID;

-- Merged incidents: what `wartrace export` writes.
CREATE TABLE events (
    event_id        TEXT PRIMARY KEY,
    event_date      TEXT,
    time_precision  INTEGER,
    event_type      TEXT,
    sub_event_type  TEXT,
    actor1          TEXT,
    actor2          TEXT,
    inter1          INTEGER,
    inter2          INTEGER,
    country         TEXT,
    admin1          TEXT,
    admin2          TEXT,
    location        TEXT,
    latitude        REAL,
    longitude       REAL,
    geo_precision   INTEGER,
    fatalities      INTEGER,
    fatalities_low  INTEGER,
    fatalities_best INTEGER,
    fatalities_high INTEGER,
    notes           TEXT,
    provenance      TEXT,                -- JSON: field -> article it was filled from
    updated_at      TEXT NOT NULL
);
CREATE INDEX events_date ON events (event_date);
CREATE INDEX events_country ON events (country, admin1);

-- One incident as one article reports it.
CREATE TABLE reports (
    report_id      INTEGER PRIMARY KEY,
    article_id     TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,     -- order within the article
    event_id       TEXT REFERENCES events (event_id) ON DELETE SET NULL,
    event_date     TEXT,
    time_precision INTEGER,
    event_type     TEXT,
    sub_event_type TEXT,
    actor1         TEXT,
    actor2         TEXT,
    inter1         INTEGER,
    inter2         INTEGER,
    places         TEXT,                 -- JSON [[name, start, end, role], ...]
    country        TEXT,
    admin1         TEXT,
    admin2         TEXT,
    location       TEXT,
    latitude       REAL,
    longitude      REAL,
    geo_precision  INTEGER,
    fatalities     INTEGER,
    evidence       TEXT,                 -- JSON [[start, end, label], ...]
    UNIQUE (article_id, seq)
);
CREATE INDEX reports_event ON reports (event_id);

CREATE TABLE claims (
    claim_id    INTEGER PRIMARY KEY,
    report_id   INTEGER NOT NULL REFERENCES reports (report_id) ON DELETE CASCADE,
    article_id  TEXT NOT NULL,
    value       INTEGER NOT NULL,
    qualifier   TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('killed', 'wounded', 'captured', 'missing')),
    victims     TEXT,
    claimant    TEXT,
    supersedes  INTEGER NOT NULL DEFAULT 0,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL
);
CREATE INDEX claims_report ON claims (report_id);
CREATE INDEX claims_article ON claims (article_id);

-- What ingestion turned away, per run, so a user can see it again.
CREATE TABLE rejects (
    reject_id INTEGER PRIMARY KEY,
    run_at    TEXT NOT NULL,
    source    TEXT NOT NULL,
    location  TEXT,
    message   TEXT NOT NULL
);
