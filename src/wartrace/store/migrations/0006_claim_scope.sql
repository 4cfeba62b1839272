-- wartrace store, version 6: what each casualty claim counts and what reconciliation made of it.
-- scope: total | side | part | background | other (extraction); earlier: the report calls it
-- an earlier count. status: counted | superseded | part | background | other | copy, with
-- status_ref the article that superseded it or that it copies (link/reconcile.py).
ALTER TABLE claims ADD COLUMN scope TEXT NOT NULL DEFAULT 'total';
ALTER TABLE claims ADD COLUMN earlier INTEGER NOT NULL DEFAULT 0;
ALTER TABLE claims ADD COLUMN status TEXT;
ALTER TABLE claims ADD COLUMN status_ref TEXT;
