-- An administrator can switch a person's account off (and on again) without deleting it:
-- their audit trail and authored changes keep pointing at them.
ALTER TABLE users ADD COLUMN disabled_at TEXT;
