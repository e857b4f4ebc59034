-- How many bytes of edits each person and each organisation pushed per UTC day: the write
-- budget that keeps one account, or one vendor, from filling the disk.
CREATE TABLE sync_budget (
    -- 'person:{user id}' or 'org:{org id}'.
    owner  TEXT NOT NULL,
    -- Days since 1970-01-01 (UTC).
    day    BIGINT NOT NULL,
    bytes  BIGINT NOT NULL,
    PRIMARY KEY (owner, day)
);
