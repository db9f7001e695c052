-- Imported key material (origin EXTERNAL): the same tables as the SQLite V5; instants are BIGINT
-- epoch microseconds.

CREATE TABLE import_parameters (
  parameters_id       TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  key_id              TEXT COLLATE "C" NOT NULL REFERENCES keys (key_id),
  wrapping_algorithm  TEXT   NOT NULL,
  wrapping_key_spec   TEXT   NOT NULL,
  wrapped_private_key BYTEA  NOT NULL,
  token_secret_digest TEXT   NOT NULL,
  valid_to            BIGINT NOT NULL,
  created_at          BIGINT NOT NULL
);

CREATE INDEX import_parameters_by_key ON import_parameters (key_id, created_at);
CREATE INDEX import_parameters_by_valid_to ON import_parameters (valid_to);

CREATE TABLE imported_key_materials (
  seq              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key_id           TEXT COLLATE "C" NOT NULL REFERENCES keys (key_id),
  material_id      TEXT COLLATE "C" NOT NULL,
  import_state     TEXT COLLATE "C" NOT NULL,
  expiration_model TEXT    NOT NULL,
  valid_to         BIGINT,
  description      TEXT,
  wrapped_digest   BYTEA   NOT NULL,
  pending_rotation BOOLEAN NOT NULL,
  imported_at      BIGINT  NOT NULL,
  version          BIGINT  NOT NULL,
  UNIQUE (key_id, material_id)
);

CREATE INDEX imported_key_materials_expiring ON imported_key_materials (import_state, valid_to, key_id, material_id);
