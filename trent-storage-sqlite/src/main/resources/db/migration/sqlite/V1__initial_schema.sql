-- Trent storage schema for SQLite.
-- Instants are INTEGER epoch microseconds (UTC). Text compares with the BINARY collation, so
-- list order is UTF-8 byte order, which is Unicode code point order.
-- Children reference keys without ON DELETE CASCADE: KeyRepository.delete removes them explicitly,
-- and the foreign keys only guard against orphans.

CREATE TABLE keys (
  key_id                 TEXT    NOT NULL PRIMARY KEY,
  account                TEXT    NOT NULL,
  region                 TEXT    NOT NULL,
  description            TEXT    NOT NULL,
  key_spec               TEXT    NOT NULL,
  key_usage              TEXT    NOT NULL,
  origin                 TEXT    NOT NULL,
  key_state              TEXT    NOT NULL,
  creation_date          INTEGER NOT NULL,
  deletion_date          INTEGER,
  pending_window_in_days INTEGER,
  multi_region           INTEGER NOT NULL CHECK (multi_region IN (0, 1)),
  policy                 TEXT    NOT NULL,
  current_material_id    TEXT,
  version                INTEGER NOT NULL
) STRICT;

CREATE INDEX keys_by_account_region ON keys (account, region, key_id);
CREATE INDEX keys_by_state_deletion ON keys (key_state, deletion_date);

CREATE TABLE key_materials (
  seq              INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  key_id           TEXT    NOT NULL REFERENCES keys (key_id),
  material_id      TEXT    NOT NULL,
  wrapped_material BLOB    NOT NULL,
  created_at       INTEGER NOT NULL,
  UNIQUE (key_id, material_id)
) STRICT;

CREATE INDEX key_materials_by_key_age ON key_materials (key_id, created_at, seq);

CREATE TABLE aliases (
  account           TEXT    NOT NULL,
  region            TEXT    NOT NULL,
  alias_name        TEXT    NOT NULL,
  target_key_id     TEXT    NOT NULL REFERENCES keys (key_id),
  creation_date     INTEGER NOT NULL,
  last_updated_date INTEGER NOT NULL,
  version           INTEGER NOT NULL,
  PRIMARY KEY (account, region, alias_name)
) STRICT;

CREATE INDEX aliases_by_target ON aliases (target_key_id);

CREATE TABLE tags (
  key_id    TEXT NOT NULL REFERENCES keys (key_id),
  tag_key   TEXT NOT NULL,
  tag_value TEXT NOT NULL,
  PRIMARY KEY (key_id, tag_key)
) STRICT;

CREATE TABLE keyring_terms (
  term        INTEGER NOT NULL PRIMARY KEY,
  root_id     TEXT    NOT NULL,
  wrapped_key BLOB    NOT NULL,
  created_at  INTEGER NOT NULL
) STRICT;
