-- Independent reports of the same story (no one made from the other), kept and exported
-- apart from derivation links; a < b.
CREATE TABLE link_same_story (
    a      TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    b      TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    score  REAL NOT NULL,
    PRIMARY KEY (a, b)
) WITHOUT ROWID;
CREATE INDEX link_same_story_b ON link_same_story (b);

-- Re-registering an article's outlet lines deletes them by article: without this index
-- every registration scanned the whole table.
CREATE INDEX outlet_lines_article ON outlet_lines (article_id);

-- Event blocking looks events up by province and date window.
CREATE INDEX events_admin1_date ON events (admin1, event_date);
CREATE INDEX events_country_date ON events (country, event_date);

-- Template-aware matching of short texts: their exact word 3-gram hashes, and in how many
-- indexed short texts each 3-gram occurs (a template's wording is shared by many).
ALTER TABLE link_index ADD COLUMN short_shingles BLOB;
CREATE TABLE link_shingle_df (
    h  INTEGER PRIMARY KEY,
    n  INTEGER NOT NULL
);

-- Why a report joined its event (shown under "links" in the event's provenance).
ALTER TABLE reports ADD COLUMN link_reason TEXT;
