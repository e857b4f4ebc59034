-- A version's status moves on after it is imported (published -> superseded or retired);
-- its text (`document`) never changes. NULL means the status the document was imported with.
ALTER TABLE policy_versions ADD COLUMN status TEXT;
ALTER TABLE policy_versions ADD COLUMN status_since TEXT;
