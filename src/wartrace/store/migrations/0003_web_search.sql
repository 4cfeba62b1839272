-- wartrace store, version 3: full-text search and the indexes the web dashboard filters on.
-- Both FTS5 tables index external content (no second copy of the text).

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, headline, raw_text,
    content = 'articles', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');

-- New articles are indexed by db.store_articles once per batch (a per-row trigger
-- halved ingestion speed); updates and deletes keep their triggers.
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, headline, raw_text)
    VALUES ('delete', old.rowid, old.title, old.headline, old.raw_text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, headline, raw_text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, headline, raw_text)
    VALUES ('delete', old.rowid, old.title, old.headline, old.raw_text);
    INSERT INTO articles_fts (rowid, title, headline, raw_text)
    VALUES (new.rowid, new.title, new.headline, new.raw_text);
END;

CREATE VIRTUAL TABLE events_fts USING fts5 (
    location, admin1, admin2, actor1, actor2, event_type, sub_event_type, notes,
    content = 'events', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO events_fts (events_fts) VALUES ('rebuild');

CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
    INSERT INTO events_fts (rowid, location, admin1, admin2, actor1, actor2, event_type,
                            sub_event_type, notes)
    VALUES (new.rowid, new.location, new.admin1, new.admin2, new.actor1, new.actor2,
            new.event_type, new.sub_event_type, new.notes);
END;
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, location, admin1, admin2, actor1, actor2,
                            event_type, sub_event_type, notes)
    VALUES ('delete', old.rowid, old.location, old.admin1, old.admin2, old.actor1, old.actor2,
            old.event_type, old.sub_event_type, old.notes);
END;
CREATE TRIGGER events_fts_update AFTER UPDATE OF location, admin1, admin2, actor1, actor2,
        event_type, sub_event_type, notes ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, location, admin1, admin2, actor1, actor2,
                            event_type, sub_event_type, notes)
    VALUES ('delete', old.rowid, old.location, old.admin1, old.admin2, old.actor1, old.actor2,
            old.event_type, old.sub_event_type, old.notes);
    INSERT INTO events_fts (rowid, location, admin1, admin2, actor1, actor2, event_type,
                            sub_event_type, notes)
    VALUES (new.rowid, new.location, new.admin1, new.admin2, new.actor1, new.actor2,
            new.event_type, new.sub_event_type, new.notes);
END;

-- Filters and facets of the dashboard. The two wide indexes cover the overview's
-- aggregates (per day and country; per map cell) so they never read the table itself.
CREATE INDEX events_overview ON events (event_date, country, event_type, fatalities,
    fatalities_low, fatalities_high, latitude, longitude);
CREATE INDEX events_cell ON events (round(latitude, 1), round(longitude, 1), event_type,
    fatalities, latitude, longitude, event_date, country);
CREATE INDEX events_type ON events (event_type);
CREATE INDEX events_actor1 ON events (actor1 COLLATE NOCASE);
CREATE INDEX events_actor2 ON events (actor2 COLLATE NOCASE);
CREATE INDEX events_fatalities ON events (fatalities);
CREATE INDEX articles_language ON articles (language);
CREATE INDEX articles_outlet_any ON articles (coalesce(outlet, text_outlet));
