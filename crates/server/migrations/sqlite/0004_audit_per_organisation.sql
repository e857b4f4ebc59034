-- Each audit entry belongs to the organisation of the person who acted (or, for a sign-in,
-- whose account it was), so a vendor's admin reads only their own organisation's entries.
-- Entries about no known person (a refused anonymous request, a sign-in to an unknown email)
-- belong to none. Entries written before this migration belong to none as well: the log is
-- append-only and is not rewritten.
ALTER TABLE audit_log ADD COLUMN org_id TEXT;
CREATE INDEX audit_log_org ON audit_log (org_id, id);
