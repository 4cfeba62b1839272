-- wartrace store, version 13: a digest of what an article's alignment with its source was
-- computed from (both cleaned texts, their passages, the relation and the score), so that
-- resolving it again to the same source from the same texts keeps the stored alignment
-- instead of aligning again (link/derive._resolve_one). NULL: never computed here; the
-- alignment is computed again the next time the article is resolved.
ALTER TABLE articles ADD COLUMN alignment_inputs TEXT;
