-- wartrace store, version 2: what the link stage keeps between runs, so that
-- articles processed later link to earlier ones without recomputing them all.

-- One row per article as last indexed (processed_at says which version).
CREATE TABLE link_index (
    article_id   TEXT PRIMARY KEY REFERENCES articles (article_id) ON DELETE CASCADE,
    processed_at TEXT,               -- articles.processed_at when indexed
    language     TEXT,
    day          INTEGER,            -- effective date as a proleptic ordinal, for the date window
    shingles     INTEGER NOT NULL,   -- number of word 3-gram shingles
    signature    BLOB,               -- MinHash signature (datasketch), uint64 little-endian
    passages     TEXT NOT NULL       -- JSON [[start, end, quotes, words, [anchor, ...]], ...]
);

-- Blocking keys: rare anchors (numbers, dates, names) ...
CREATE TABLE link_anchors (
    anchor     TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    PRIMARY KEY (anchor, article_id)
) WITHOUT ROWID;
CREATE INDEX link_anchors_article ON link_anchors (article_id);

-- Document frequency of each anchor, kept by triggers, so that "is it rare?" costs one
-- lookup instead of a count over its postings (which grows with the store).
CREATE TABLE link_anchor_df (
    anchor TEXT PRIMARY KEY,
    n      INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER link_anchors_count AFTER INSERT ON link_anchors BEGIN
    INSERT INTO link_anchor_df (anchor, n) VALUES (NEW.anchor, 1)
    ON CONFLICT (anchor) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER link_anchors_uncount AFTER DELETE ON link_anchors BEGIN
    UPDATE link_anchor_df SET n = n - 1 WHERE anchor = OLD.anchor;
END;

-- ... and MinHash LSH bands (same-language copies and rewrites).
CREATE TABLE link_bands (
    band       INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    PRIMARY KEY (band, article_id)
) WITHOUT ROWID;
CREATE INDEX link_bands_article ON link_bands (article_id);

-- Pairs judged to be one article derived from the other (source -> derived).
CREATE TABLE link_pairs (
    source     TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    derived    TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    relation   TEXT NOT NULL CHECK (relation IN ('copy', 'translation', 'rewrite')),
    score      REAL NOT NULL,
    PRIMARY KEY (source, derived)
) WITHOUT ROWID;
CREATE INDEX link_pairs_derived ON link_pairs (derived);

-- Which reports an event was last computed from, to notice events that lost one.
CREATE TABLE event_state (
    event_id   TEXT PRIMARY KEY REFERENCES events (event_id) ON DELETE CASCADE,
    reports    INTEGER NOT NULL,
    report_sum INTEGER NOT NULL
);
