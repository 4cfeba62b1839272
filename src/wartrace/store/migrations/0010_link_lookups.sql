-- Event blocking (link/event_evidence.events_near) also looks for events dated only to the
-- week or month within a month of a report. They are few, but without their own index that
-- part of the lookup read every event of the province in those two months, a number that
-- grows with the store.
CREATE INDEX events_coarse_admin1 ON events (admin1, event_date) WHERE time_precision > 1;
CREATE INDEX events_coarse_country ON events (country, event_date) WHERE time_precision > 1;

-- Orienting a translation asks in which language the outlet a credit names writes
-- (link/orient.cited_language, by lower-cased outlet name): without these that read every
-- article with a language.
CREATE INDEX articles_outlet_lower ON articles (lower(outlet));
CREATE INDEX articles_text_outlet_lower ON articles (lower(text_outlet));
