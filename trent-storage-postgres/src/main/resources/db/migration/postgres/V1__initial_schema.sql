-- Trent storage schema for PostgreSQL; the same tables and columns as the SQLite schema.
-- Tables are created unqualified, in the connection's current schema (the first of search_path,
-- "public" unless the JDBC URL sets currentSchema).
-- Instants are BIGINT epoch microseconds (UTC), as in SQLite: no time zone conversion, and the
-- same range and precision on both stores.
-- Identifiers compare with COLLATE "C": byte order, which for UTF-8 is Unicode code point order,
-- whatever the database's locale. List order and the "after" bound of a page rely on it.
-- Children reference keys without ON DELETE CASCADE: KeyRepository.delete removes them explicitly,
-- and the foreign keys only guard against orphans.

CREATE TABLE keys (
  key_id                 TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  account                TEXT COLLATE "C" NOT NULL,
  region                 TEXT COLLATE "C" NOT NULL,
  description            TEXT    NOT NULL,
  key_spec               TEXT    NOT NULL,
  key_usage              TEXT    NOT NULL,
  origin                 TEXT    NOT NULL,
  key_state              TEXT COLLATE "C" NOT NULL,
  creation_date          BIGINT  NOT NULL,
  deletion_date          BIGINT,
  pending_window_in_days INTEGER,
  multi_region           BOOLEAN NOT NULL,
  policy                 TEXT    NOT NULL,
  current_material_id    TEXT,
  version                BIGINT  NOT NULL
);

CREATE INDEX keys_by_account_region ON keys (account, region, key_id);
CREATE INDEX keys_by_state_deletion ON keys (key_state, deletion_date);

CREATE TABLE key_materials (
  seq              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key_id           TEXT COLLATE "C" NOT NULL REFERENCES keys (key_id),
  material_id      TEXT COLLATE "C" NOT NULL,
  wrapped_material BYTEA  NOT NULL,
  created_at       BIGINT NOT NULL,
  UNIQUE (key_id, material_id)
);

CREATE INDEX key_materials_by_key_age ON key_materials (key_id, created_at, seq);

CREATE TABLE aliases (
  account           TEXT COLLATE "C" NOT NULL,
  region            TEXT COLLATE "C" NOT NULL,
  alias_name        TEXT COLLATE "C" NOT NULL,
  target_key_id     TEXT COLLATE "C" NOT NULL REFERENCES keys (key_id),
  creation_date     BIGINT NOT NULL,
  last_updated_date BIGINT NOT NULL,
  version           BIGINT NOT NULL,
  PRIMARY KEY (account, region, alias_name)
);

CREATE INDEX aliases_by_target ON aliases (target_key_id);

CREATE TABLE tags (
  key_id    TEXT COLLATE "C" NOT NULL REFERENCES keys (key_id),
  tag_key   TEXT COLLATE "C" NOT NULL,
  tag_value TEXT NOT NULL,
  PRIMARY KEY (key_id, tag_key)
);

CREATE TABLE keyring_terms (
  term        INTEGER NOT NULL PRIMARY KEY,
  root_id     TEXT    NOT NULL,
  wrapped_key BYTEA   NOT NULL,
  created_at  BIGINT  NOT NULL
);
