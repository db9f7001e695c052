-- Custom key stores (CloudHSM and external), and the store and external key of each key in one.
-- The store's secret (the kmsuser password or the proxy's secret access key) is stored only
-- wrapped under the keyring, like key material. Instants are INTEGER epoch microseconds, as in V1.

CREATE TABLE custom_key_stores (
  custom_key_store_id                 TEXT    NOT NULL PRIMARY KEY,
  account                             TEXT    NOT NULL,
  region                              TEXT    NOT NULL,
  name                                TEXT    NOT NULL,
  store_type                          TEXT    NOT NULL,
  cloud_hsm_cluster_id                TEXT,
  trust_anchor_certificate            TEXT,
  xks_proxy_connectivity              TEXT,
  xks_proxy_uri_endpoint              TEXT,
  xks_proxy_uri_path                  TEXT,
  xks_proxy_vpc_endpoint_service_name TEXT,
  xks_proxy_vpc_endpoint_service_owner TEXT,
  xks_proxy_access_key_id             TEXT,
  wrapped_secret                      BLOB    NOT NULL,
  connection_state                    TEXT    NOT NULL,
  connection_error_code               TEXT,
  creation_date                       INTEGER NOT NULL,
  version                             INTEGER NOT NULL,
  UNIQUE (account, region, name)
) STRICT;

CREATE INDEX custom_key_stores_by_account_region ON custom_key_stores (account, region, custom_key_store_id);

ALTER TABLE keys ADD COLUMN custom_key_store_id TEXT;
ALTER TABLE keys ADD COLUMN xks_key_id TEXT;

CREATE INDEX keys_by_custom_key_store ON keys (custom_key_store_id, xks_key_id);
