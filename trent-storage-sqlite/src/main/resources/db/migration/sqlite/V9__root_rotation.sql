-- Root of trust rotation (trent root rotate). While a rotation runs, root_rotation holds its one
-- row and every keyring term is also wrapped by the incoming root of trust (same term key);
-- finishing the rotation copies those wrappings over the terms' own, aborting it drops them.
-- Instants are INTEGER epoch microseconds, as in V1.

CREATE TABLE root_rotation (
  singleton    INTEGER NOT NULL PRIMARY KEY CHECK (singleton = 1),
  from_root_id TEXT    NOT NULL,
  to_root_id   TEXT    NOT NULL,
  term         INTEGER NOT NULL,
  started_at   INTEGER NOT NULL
) STRICT;

CREATE TABLE keyring_incoming_terms (
  term        INTEGER NOT NULL PRIMARY KEY REFERENCES keyring_terms (term),
  root_id     TEXT    NOT NULL,
  wrapped_key BLOB    NOT NULL
) STRICT;
