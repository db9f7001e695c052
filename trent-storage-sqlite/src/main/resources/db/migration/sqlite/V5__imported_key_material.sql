-- Imported key material (origin EXTERNAL): the import parameters of GetParametersForImport, whose
-- wrapping private key is stored wrapped under the keyring, and what is known of each imported
-- material version, also while its material (a key_materials row) is deleted or expired.
-- Instants are INTEGER epoch microseconds, as in V1. KeyRepository.delete removes a key's rows.

CREATE TABLE import_parameters (
  parameters_id       TEXT    NOT NULL PRIMARY KEY,
  key_id              TEXT    NOT NULL REFERENCES keys (key_id),
  wrapping_algorithm  TEXT    NOT NULL,
  wrapping_key_spec   TEXT    NOT NULL,
  wrapped_private_key BLOB    NOT NULL,
  token_secret_digest TEXT    NOT NULL,
  valid_to            INTEGER NOT NULL,
  created_at          INTEGER NOT NULL
) STRICT;

CREATE INDEX import_parameters_by_key ON import_parameters (key_id, created_at);
CREATE INDEX import_parameters_by_valid_to ON import_parameters (valid_to);

CREATE TABLE imported_key_materials (
  seq              INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  key_id           TEXT    NOT NULL REFERENCES keys (key_id),
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

CREATE INDEX imported_key_materials_expiring ON imported_key_materials (import_state, valid_to, key_id, material_id);
