-- wartrace store, version 12: events that lost a report since they were last computed (its
-- article was reprocessed or deleted, an inherited report was dropped, or the report moved
-- to another event), queued by triggers. Event building (link/events.changed_events) reads
-- this queue instead of grouping every report of the store once a chunk (49 ms a chunk at
-- 100k articles), and empties it once the events are computed again.
CREATE TABLE event_lost_reports (
    event_id TEXT PRIMARY KEY
) WITHOUT ROWID;

CREATE TRIGGER reports_lost_on_delete AFTER DELETE ON reports
WHEN OLD.event_id IS NOT NULL BEGIN
    INSERT OR IGNORE INTO event_lost_reports (event_id) VALUES (OLD.event_id);
END;

-- Also when an event's deletion leaves its reports without one (ON DELETE SET NULL).
CREATE TRIGGER reports_lost_on_move AFTER UPDATE OF event_id ON reports
WHEN OLD.event_id IS NOT NULL AND NEW.event_id IS NOT OLD.event_id BEGIN
    INSERT OR IGNORE INTO event_lost_reports (event_id) VALUES (OLD.event_id);
END;

-- A store written before this version: the events that already lost a report.
INSERT OR IGNORE INTO event_lost_reports (event_id)
    SELECT s.event_id FROM event_state s LEFT JOIN (SELECT event_id, count(*) n,
    sum(report_id) t FROM reports WHERE event_id IS NOT NULL GROUP BY event_id) c
    USING (event_id) WHERE c.n IS NOT s.reports OR c.t IS NOT s.report_sum;
