-- Key rotation: each key's rotation settings, and one row per completed rotation naming the key
-- material it made current. The same tables as the SQLite V3; instants are BIGINT epoch microseconds.

CREATE TABLE key_rotations (
  key_id                     TEXT COLLATE "C" NOT NULL PRIMARY KEY REFERENCES keys (key_id),
  automatic_rotation_enabled BOOLEAN NOT NULL,
  rotation_period_in_days    INTEGER NOT NULL,
  next_rotation_date         BIGINT,
  on_demand_rotations        INTEGER NOT NULL,
  version                    BIGINT  NOT NULL
);

CREATE INDEX key_rotations_due ON key_rotations (automatic_rotation_enabled, next_rotation_date, key_id);

CREATE TABLE key_material_rotations (
  seq           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key_id        TEXT COLLATE "C" NOT NULL REFERENCES keys (key_id),
  material_id   TEXT COLLATE "C" NOT NULL,
  rotation_type TEXT   NOT NULL,
  rotation_date BIGINT NOT NULL,
  UNIQUE (key_id, material_id)
);

CREATE INDEX key_material_rotations_by_key ON key_material_rotations (key_id, rotation_date, seq);
