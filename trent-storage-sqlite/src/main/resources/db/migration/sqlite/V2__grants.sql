-- Grants on keys (issue 5). Operations are stored comma-separated (grant operation names contain
-- no comma); constraints are the domain's opaque text. KeyRepository.delete removes a key's grants.

CREATE TABLE grants (
  grant_id           TEXT    NOT NULL PRIMARY KEY,
  key_id             TEXT    NOT NULL REFERENCES keys (key_id),
  name               TEXT,
  creation_date      INTEGER NOT NULL,
  grantee_principal  TEXT    NOT NULL,
  retiring_principal TEXT,
  issuing_account    TEXT    NOT NULL,
  operations         TEXT    NOT NULL,
  constraints        TEXT,
  token_secret       TEXT    NOT NULL
) STRICT;

CREATE INDEX grants_by_key ON grants (key_id, grant_id);
CREATE INDEX grants_by_retiring_principal ON grants (retiring_principal, grant_id);
