-- Organisations are a hard boundary. One organisation is the platform (it owns the policy
-- library and publishes sweeps); the others are vendors.
ALTER TABLE orgs ADD COLUMN kind TEXT NOT NULL DEFAULT 'vendor' CHECK (kind IN ('platform', 'vendor'));
CREATE UNIQUE INDEX orgs_one_platform ON orgs (kind) WHERE kind = 'platform';

-- Every change belongs to a root object (`sweep/{id}` for the sweep and its items); the
-- root's scope says which organisations read it.
ALTER TABLE sync_changes ADD COLUMN root TEXT NOT NULL DEFAULT '';
CREATE INDEX sync_changes_root ON sync_changes (root, seq);
-- The organisation a change is private to, with the root's owner (a vendor's work on a
-- sweep the platform shared with several vendors); '' when every reader of the root reads it.
ALTER TABLE sync_changes ADD COLUMN audience TEXT NOT NULL DEFAULT '';

-- Who may read each root now. A pull joins it, so losing a root takes effect on the server
-- at once: a device that pulls again from the start gets nothing of a root unshared from it.
CREATE TABLE sync_readers (
    org_id  TEXT NOT NULL,
    root    TEXT NOT NULL,
    PRIMARY KEY (org_id, root)
);

-- The server's fold of each root object's own fields (casebook_core::tool::RootState, JSON):
-- what scope and the write rules are derived from.
CREATE TABLE sync_roots (
    root   TEXT PRIMARY KEY,
    state  TEXT NOT NULL
);

-- Which organisations may read each change, written with the change: a pull is one range
-- scan of (org_id, seq), however little of the log the reader sees. Changes logged before
-- this migration have no rows here: nobody pulls them any more.
CREATE TABLE sync_visibility (
    org_id  TEXT NOT NULL,
    seq     BIGINT NOT NULL,
    PRIMARY KEY (org_id, seq)
);

-- An organisation gained (granted = 1) or lost (0) a root at change `seq`.
CREATE TABLE sync_access (
    org_id   TEXT NOT NULL,
    seq      BIGINT NOT NULL,
    root     TEXT NOT NULL,
    granted  BIGINT NOT NULL,
    PRIMARY KEY (org_id, seq, root)
);
