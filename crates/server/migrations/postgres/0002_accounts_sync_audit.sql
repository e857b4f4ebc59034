-- Vendor organisations, people and their roles.
CREATE TABLE orgs (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);

CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES orgs (id),
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('agent', 'specialist', 'trainer', 'admin')),
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL
);

-- Sessions are found by the SHA-256 of their token; the token itself is never stored.
CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,
    user_id     TEXT NOT NULL REFERENCES users (id),
    created_at  TEXT NOT NULL,
    expires_ms  BIGINT NOT NULL
);

-- Failed sign-ins, for rate limiting across every server process.
CREATE TABLE sign_in_failures (
    key    TEXT NOT NULL,
    at_ms  BIGINT NOT NULL
);
CREATE INDEX sign_in_failures_key ON sign_in_failures (key, at_ms);

-- Sync: each client belongs to one person and has applied mutations up to an id.
CREATE TABLE sync_clients (
    client_id         TEXT PRIMARY KEY,
    user_id           TEXT NOT NULL REFERENCES users (id),
    last_mutation_id  BIGINT NOT NULL
);

-- The log every replica folds: gapless sequence numbers in commit order.
CREATE TABLE sync_changes (
    seq          BIGINT PRIMARY KEY,
    client_id    TEXT NOT NULL,
    mutation_id  BIGINT NOT NULL,
    clock        TEXT NOT NULL,
    op           TEXT NOT NULL,
    UNIQUE (client_id, mutation_id)
);

-- Append-only: the trigger below refuses any change to a written row.
CREATE TABLE audit_log (
    id           BIGSERIAL PRIMARY KEY,
    server_time  TEXT NOT NULL,
    client_time  TEXT,
    actor        TEXT,
    action       TEXT NOT NULL,
    object       TEXT,
    request_id   TEXT NOT NULL,
    result       TEXT NOT NULL,
    detail       TEXT
);
CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
