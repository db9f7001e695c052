-- Grants on keys (issue 5); the same table as in SQLite. Operations are stored comma-separated
-- (grant operation names contain no comma); constraints are the domain's opaque text.
-- KeyRepository.delete removes a key's grants.

CREATE TABLE grants (
  grant_id           TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  key_id             TEXT COLLATE "C" NOT NULL REFERENCES keys (key_id),
  name               TEXT,
  creation_date      BIGINT NOT NULL,
  grantee_principal  TEXT   NOT NULL,
  retiring_principal TEXT COLLATE "C",
  issuing_account    TEXT   NOT NULL,
  operations         TEXT   NOT NULL,
  constraints        TEXT,
  token_secret       TEXT   NOT NULL
);

CREATE INDEX grants_by_key ON grants (key_id, grant_id);
CREATE INDEX grants_by_retiring_principal ON grants (retiring_principal, grant_id);
