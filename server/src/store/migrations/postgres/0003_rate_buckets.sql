-- The rate limit's token buckets, shared by every instance on this database, so a client gets one
-- limit however the load balancer spreads its posts. One row per client address; `at` is the
-- database's clock in ms, so the instances' clocks do not matter. Rows untouched for a day are
-- deleted by `server purge`.
CREATE TABLE rate_buckets (
    client  TEXT             PRIMARY KEY,
    tokens  DOUBLE PRECISION NOT NULL,
    at      BIGINT           NOT NULL,
    granted BOOLEAN          NOT NULL
);
