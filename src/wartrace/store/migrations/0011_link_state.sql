-- A run links chunk by chunk, and each chunk first asks which processed articles are not
-- indexed in their current version (link/index.stale_articles). Without these two covering
-- indexes that read every article's and every index's row, wide rows with their texts:
-- 232 -> 50 ms a chunk at 100k articles.
CREATE INDEX articles_link_state ON articles (status, article_id, processed_at);
CREATE INDEX link_index_state ON link_index (article_id, processed_at);
