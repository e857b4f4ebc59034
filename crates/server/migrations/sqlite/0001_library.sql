-- The policy library: one row per imported policy version, immutable once written.
CREATE TABLE policy_versions (
    slug        TEXT    NOT NULL,
    number      INTEGER NOT NULL,
    source_hash TEXT    NOT NULL,
    -- JSON: the policy's title, area, owner, regions and languages as of this version.
    metadata    TEXT    NOT NULL,
    -- JSON: casebook_core::policy::PolicyVersion.
    document    TEXT    NOT NULL,
    imported_at TEXT    NOT NULL,
    PRIMARY KEY (slug, number)
);

-- Library-wide settings that a policy team edits as files (the synonym list).
CREATE TABLE library_settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
