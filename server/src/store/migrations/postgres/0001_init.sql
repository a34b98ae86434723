-- The requests and the idempotency keys that answered them (the same shape as the SQLite schema).
-- Times are ms since the Unix epoch (UTC), set by the server.
CREATE TABLE requests (
    id          BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference   TEXT    NOT NULL UNIQUE,
    received_at BIGINT  NOT NULL,
    -- Comma-separated review flags ('honeypot', 'too_fast'); empty when none.
    flags       TEXT    NOT NULL DEFAULT '',
    -- The eligibility outcome the server computed ('eligible' or 'needs_review').
    outcome     TEXT    NOT NULL,
    -- The request as received, canonical JSON (keys sorted, no whitespace), kept as text so it
    -- stays byte for byte what the idempotency hash covers.
    body        TEXT    NOT NULL
);
CREATE INDEX requests_by_received_at ON requests (received_at);

CREATE TABLE idempotency_keys (
    key         TEXT    PRIMARY KEY,
    body_sha256 BYTEA   NOT NULL,
    status      INTEGER NOT NULL,
    response    TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    request_id  BIGINT  REFERENCES requests (id) ON DELETE SET NULL
);
CREATE INDEX idempotency_keys_by_created_at ON idempotency_keys (created_at);
CREATE INDEX idempotency_keys_by_request ON idempotency_keys (request_id);
