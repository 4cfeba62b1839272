-- wartrace store, version 4: the link stage's work queue, so that a run killed between
-- two of its committed steps is finished by the next run instead of forgotten.
-- stage 'pair':    indexed, not yet compared with its candidates;
--       'resolve': its derivation pairs changed, its source must be chosen again;
--       'events':  its source changed, its family's events must be looked at again.
CREATE TABLE link_queue (
    stage      TEXT NOT NULL CHECK (stage IN ('pair', 'resolve', 'events')),
    article_id TEXT NOT NULL REFERENCES articles (article_id) ON DELETE CASCADE,
    PRIMARY KEY (stage, article_id)
) WITHOUT ROWID;

-- A store written before this version may hold pairs whose derivations were never
-- resolved (a run killed between the two steps): resolve every paired article once.
INSERT OR IGNORE INTO link_queue (stage, article_id)
    SELECT 'resolve', derived FROM link_pairs
    UNION SELECT 'resolve', article_id FROM articles WHERE derived_from IS NOT NULL;
