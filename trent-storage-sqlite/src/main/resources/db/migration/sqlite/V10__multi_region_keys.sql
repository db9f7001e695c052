-- Multi-Region keys: the copies of a multi-Region key (its primary and its replicas) share their
-- key id, one copy per Region, so a key is stored by (key_id, region), and each copy names the
-- Region of the primary (primary_region; null for a single-Region key). The copies share their key
-- material, rotation settings, rotation history, imported material and last usage, stored by key
-- id; tags, grants and aliases belong to one copy and name its Region.
--
-- SQLite cannot change a primary key or a foreign key in place: every table that referenced
-- keys (key_id) is rebuilt. The shared tables cannot keep a foreign key (no single row owns
-- them): a trigger refuses a row naming a key id no copy of which is stored, as the foreign key
-- did, and KeyRepository.delete removes them with the last copy. Indexes are created again as in
-- V1..V6.

CREATE TABLE keys_v10 (
  key_id                 TEXT    NOT NULL,
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
  version                INTEGER NOT NULL,
  custom_key_store_id    TEXT,
  xks_key_id             TEXT,
  primary_region         TEXT,
  PRIMARY KEY (key_id, region)
) STRICT;

INSERT INTO keys_v10 (key_id, account, region, description, key_spec, key_usage, origin, key_state, creation_date,
    deletion_date, pending_window_in_days, multi_region, policy, current_material_id, version, custom_key_store_id,
    xks_key_id, primary_region)
  SELECT key_id, account, region, description, key_spec, key_usage, origin, key_state, creation_date,
    deletion_date, pending_window_in_days, multi_region, policy, current_material_id, version, custom_key_store_id,
    xks_key_id, CASE WHEN multi_region = 1 THEN region END
  FROM keys;

CREATE TABLE key_materials_v10 (
  seq              INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  key_id           TEXT    NOT NULL,
  material_id      TEXT    NOT NULL,
  wrapped_material BLOB    NOT NULL,
  created_at       INTEGER NOT NULL,
  UNIQUE (key_id, material_id)
) STRICT;
INSERT INTO key_materials_v10 SELECT seq, key_id, material_id, wrapped_material, created_at FROM key_materials;

CREATE TABLE aliases_v10 (
  account           TEXT    NOT NULL,
  region            TEXT    NOT NULL,
  alias_name        TEXT    NOT NULL,
  target_key_id     TEXT    NOT NULL,
  creation_date     INTEGER NOT NULL,
  last_updated_date INTEGER NOT NULL,
  version           INTEGER NOT NULL,
  PRIMARY KEY (account, region, alias_name),
  FOREIGN KEY (target_key_id, region) REFERENCES keys_v10 (key_id, region)
) STRICT;
INSERT INTO aliases_v10 SELECT account, region, alias_name, target_key_id, creation_date, last_updated_date, version
  FROM aliases;

CREATE TABLE tags_v10 (
  key_id    TEXT NOT NULL,
  region    TEXT NOT NULL,
  tag_key   TEXT NOT NULL,
  tag_value TEXT NOT NULL,
  PRIMARY KEY (key_id, region, tag_key),
  FOREIGN KEY (key_id, region) REFERENCES keys_v10 (key_id, region)
) STRICT;
INSERT INTO tags_v10 SELECT t.key_id, k.region, t.tag_key, t.tag_value FROM tags t JOIN keys k ON k.key_id = t.key_id;

CREATE TABLE grants_v10 (
  grant_id           TEXT    NOT NULL PRIMARY KEY,
  key_id             TEXT    NOT NULL,
  region             TEXT    NOT NULL,
  name               TEXT,
  creation_date      INTEGER NOT NULL,
  grantee_principal  TEXT    NOT NULL,
  retiring_principal TEXT,
  issuing_account    TEXT    NOT NULL,
  operations         TEXT    NOT NULL,
  constraints        TEXT,
  token_secret       TEXT    NOT NULL,
  FOREIGN KEY (key_id, region) REFERENCES keys_v10 (key_id, region)
) STRICT;
INSERT INTO grants_v10 SELECT g.grant_id, g.key_id, k.region, g.name, g.creation_date, g.grantee_principal,
    g.retiring_principal, g.issuing_account, g.operations, g.constraints, g.token_secret
  FROM grants g JOIN keys k ON k.key_id = g.key_id;

CREATE TABLE key_rotations_v10 (
  key_id                     TEXT    NOT NULL PRIMARY KEY,
  automatic_rotation_enabled INTEGER NOT NULL CHECK (automatic_rotation_enabled IN (0, 1)),
  rotation_period_in_days    INTEGER NOT NULL,
  next_rotation_date         INTEGER,
  on_demand_rotations        INTEGER NOT NULL,
  version                    INTEGER NOT NULL
) STRICT;
INSERT INTO key_rotations_v10 SELECT key_id, automatic_rotation_enabled, rotation_period_in_days, next_rotation_date,
    on_demand_rotations, version FROM key_rotations;

CREATE TABLE key_material_rotations_v10 (
  seq           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  key_id        TEXT    NOT NULL,
  material_id   TEXT    NOT NULL,
  rotation_type TEXT    NOT NULL,
  rotation_date INTEGER NOT NULL,
  UNIQUE (key_id, material_id)
) STRICT;
INSERT INTO key_material_rotations_v10 SELECT seq, key_id, material_id, rotation_type, rotation_date
  FROM key_material_rotations;

CREATE TABLE key_last_usage_v10 (
  key_id     TEXT    NOT NULL PRIMARY KEY,
  operation  TEXT    NOT NULL,
  used_at    INTEGER NOT NULL,
  request_id TEXT    NOT NULL
) STRICT;
INSERT INTO key_last_usage_v10 SELECT key_id, operation, used_at, request_id FROM key_last_usage;

CREATE TABLE import_parameters_v10 (
  parameters_id       TEXT    NOT NULL PRIMARY KEY,
  key_id              TEXT    NOT NULL,
  wrapping_algorithm  TEXT    NOT NULL,
  wrapping_key_spec   TEXT    NOT NULL,
  wrapped_private_key BLOB    NOT NULL,
  token_secret_digest TEXT    NOT NULL,
  valid_to            INTEGER NOT NULL,
  created_at          INTEGER NOT NULL
) STRICT;
INSERT INTO import_parameters_v10 SELECT parameters_id, key_id, wrapping_algorithm, wrapping_key_spec,
    wrapped_private_key, token_secret_digest, valid_to, created_at FROM import_parameters;

CREATE TABLE imported_key_materials_v10 (
  seq              INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  key_id           TEXT    NOT NULL,
  material_id      TEXT    NOT NULL,
  import_state     TEXT    NOT NULL,
  expiration_model TEXT    NOT NULL,
  valid_to         INTEGER,
  description      TEXT,
  wrapped_digest   BLOB    NOT NULL,
  pending_rotation INTEGER NOT NULL CHECK (pending_rotation IN (0, 1)),
  imported_at      INTEGER NOT NULL,
  version          INTEGER NOT NULL,
  UNIQUE (key_id, material_id)
) STRICT;
INSERT INTO imported_key_materials_v10 SELECT seq, key_id, material_id, import_state, expiration_model, valid_to,
    description, wrapped_digest, pending_rotation, imported_at, version FROM imported_key_materials;

DROP TABLE imported_key_materials;
DROP TABLE import_parameters;
DROP TABLE key_last_usage;
DROP TABLE key_material_rotations;
DROP TABLE key_rotations;
DROP TABLE grants;
DROP TABLE tags;
DROP TABLE aliases;
DROP TABLE key_materials;
DROP TABLE keys;

ALTER TABLE keys_v10 RENAME TO keys;
ALTER TABLE key_materials_v10 RENAME TO key_materials;
ALTER TABLE aliases_v10 RENAME TO aliases;
ALTER TABLE tags_v10 RENAME TO tags;
ALTER TABLE grants_v10 RENAME TO grants;
ALTER TABLE key_rotations_v10 RENAME TO key_rotations;
ALTER TABLE key_material_rotations_v10 RENAME TO key_material_rotations;
ALTER TABLE key_last_usage_v10 RENAME TO key_last_usage;
ALTER TABLE import_parameters_v10 RENAME TO import_parameters;
ALTER TABLE imported_key_materials_v10 RENAME TO imported_key_materials;

CREATE INDEX keys_by_account_region ON keys (account, region, key_id);
CREATE INDEX keys_by_state_deletion ON keys (key_state, deletion_date);
CREATE INDEX keys_by_custom_key_store ON keys (custom_key_store_id, xks_key_id);
CREATE INDEX key_materials_by_key_age ON key_materials (key_id, created_at, seq);
CREATE INDEX aliases_by_target ON aliases (target_key_id, region);
CREATE INDEX grants_by_key ON grants (key_id, region, grant_id);
CREATE INDEX grants_by_retiring_principal ON grants (retiring_principal, grant_id);
CREATE INDEX key_rotations_due ON key_rotations (automatic_rotation_enabled, next_rotation_date, key_id);
CREATE INDEX key_material_rotations_by_key ON key_material_rotations (key_id, rotation_date, seq);
CREATE INDEX import_parameters_by_key ON import_parameters (key_id, created_at);
CREATE INDEX import_parameters_by_valid_to ON import_parameters (valid_to);
CREATE INDEX imported_key_materials_expiring ON imported_key_materials (import_state, valid_to, key_id, material_id);

CREATE TRIGGER key_materials_name_a_stored_key BEFORE INSERT ON key_materials
  WHEN NOT EXISTS (SELECT 1 FROM keys WHERE key_id = NEW.key_id)
  BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: no key key_materials.key_id'); END;
CREATE TRIGGER key_rotations_name_a_stored_key BEFORE INSERT ON key_rotations
  WHEN NOT EXISTS (SELECT 1 FROM keys WHERE key_id = NEW.key_id)
  BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: no key key_rotations.key_id'); END;
CREATE TRIGGER key_material_rotations_name_a_stored_key BEFORE INSERT ON key_material_rotations
  WHEN NOT EXISTS (SELECT 1 FROM keys WHERE key_id = NEW.key_id)
  BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: no key key_material_rotations.key_id'); END;
CREATE TRIGGER key_last_usage_name_a_stored_key BEFORE INSERT ON key_last_usage
  WHEN NOT EXISTS (SELECT 1 FROM keys WHERE key_id = NEW.key_id)
  BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: no key key_last_usage.key_id'); END;
CREATE TRIGGER import_parameters_name_a_stored_key BEFORE INSERT ON import_parameters
  WHEN NOT EXISTS (SELECT 1 FROM keys WHERE key_id = NEW.key_id)
  BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: no key import_parameters.key_id'); END;
CREATE TRIGGER imported_key_materials_name_a_stored_key BEFORE INSERT ON imported_key_materials
  WHEN NOT EXISTS (SELECT 1 FROM keys WHERE key_id = NEW.key_id)
  BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: no key imported_key_materials.key_id'); END;
