-- GetKeyLastUsage: the last successful cryptographic use of each key, written in batches, and the
-- instant tracking began (one row). The same tables as the SQLite V4.

CREATE TABLE key_last_usage (
  key_id     TEXT COLLATE "C" NOT NULL PRIMARY KEY REFERENCES keys (key_id),
  operation  TEXT   NOT NULL,
  used_at    BIGINT NOT NULL,
  request_id TEXT   NOT NULL
);

CREATE TABLE key_usage_tracking (
  id         INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
  started_at BIGINT  NOT NULL
);
