-- The review reasons beside the outcome (comma-separated: 'condition_not_listed',
-- 'inflammation_not_sure', 'infection_not_sure'); from now on `body` holds the request as
-- validated and normalised, not as received (the server rewrites older rows in the same
-- transaction). The idempotency hash still covers the body as received.
ALTER TABLE requests ADD COLUMN reasons TEXT NOT NULL DEFAULT '';
