-- GetKeyLastUsage: the last successful cryptographic use of each key, written in batches, and the
-- instant tracking began (one row).

CREATE TABLE key_last_usage (
  key_id     TEXT    NOT NULL PRIMARY KEY REFERENCES keys (key_id),
  operation  TEXT    NOT NULL,
  used_at    INTEGER NOT NULL,
  request_id TEXT    NOT NULL
) STRICT;

CREATE TABLE key_usage_tracking (
  id         INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
  started_at INTEGER NOT NULL
) STRICT;
