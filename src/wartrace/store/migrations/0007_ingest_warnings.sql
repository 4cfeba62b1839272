-- wartrace store, version 7: warnings found while reading an input (an encoding that had
-- to be guessed), kept apart so that processing adds its own without losing them.
ALTER TABLE articles ADD COLUMN ingest_warnings TEXT;  -- JSON list of strings
