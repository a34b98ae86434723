-- The requests and the idempotency keys that answered them. Times are ms since the Unix epoch (UTC).
CREATE TABLE requests (
    id          INTEGER PRIMARY KEY,
    reference   TEXT    NOT NULL UNIQUE,
    received_at INTEGER NOT NULL,
    -- Comma-separated review flags ('honeypot', 'too_fast'); empty when none.
    flags       TEXT    NOT NULL DEFAULT '',
    -- The eligibility outcome the server computed ('eligible' or 'needs_review').
    outcome     TEXT    NOT NULL,
    -- The request as received, canonical JSON (keys sorted, no whitespace).
    body        TEXT    NOT NULL
) STRICT;
CREATE INDEX requests_by_received_at ON requests (received_at);

CREATE TABLE idempotency_keys (
    key         TEXT    PRIMARY KEY,
    body_sha256 BLOB    NOT NULL,
    status      INTEGER NOT NULL,
    response    TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    request_id  INTEGER REFERENCES requests (id) ON DELETE SET NULL
) STRICT;
CREATE INDEX idempotency_keys_by_created_at ON idempotency_keys (created_at);
CREATE INDEX idempotency_keys_by_request ON idempotency_keys (request_id);
