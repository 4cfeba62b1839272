-- wartrace store, version 9: events whose alert could not be delivered (webhook down, disk
-- full), kept in the store so that a restarted watch sends them again instead of forgetting.

CREATE TABLE watch_alert_pending (
    alert TEXT NOT NULL,            -- the filter and target, as in watch_alerts
    event_id TEXT NOT NULL,
    failed_at TEXT NOT NULL,        -- when delivery last failed
    PRIMARY KEY (alert, event_id)
);
