-- Key rotation: each key's rotation settings, and one row per completed rotation naming the key
-- material it made current. Instants are INTEGER epoch microseconds, as in V1.

CREATE TABLE key_rotations (
  key_id                     TEXT    NOT NULL PRIMARY KEY REFERENCES keys (key_id),
  automatic_rotation_enabled INTEGER NOT NULL CHECK (automatic_rotation_enabled IN (0, 1)),
  rotation_period_in_days    INTEGER NOT NULL,
  next_rotation_date         INTEGER,
  on_demand_rotations        INTEGER NOT NULL,
  version                    INTEGER NOT NULL
) STRICT;

CREATE INDEX key_rotations_due ON key_rotations (automatic_rotation_enabled, next_rotation_date, key_id);

CREATE TABLE key_material_rotations (
  seq           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  key_id        TEXT    NOT NULL REFERENCES keys (key_id),
  material_id   TEXT    NOT NULL,
  rotation_type TEXT    NOT NULL,
  rotation_date INTEGER NOT NULL,
  UNIQUE (key_id, material_id)
) STRICT;

CREATE INDEX key_material_rotations_by_key ON key_material_rotations (key_id, rotation_date, seq);
