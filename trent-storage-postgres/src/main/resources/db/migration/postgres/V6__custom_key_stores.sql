-- Custom key stores (CloudHSM and external), and the store and external key of each key in one.
-- The same tables and columns as the SQLite V6; the store's secret is stored only wrapped.

CREATE TABLE custom_key_stores (
  custom_key_store_id                 TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  account                             TEXT COLLATE "C" NOT NULL,
  region                              TEXT COLLATE "C" NOT NULL,
  name                                TEXT COLLATE "C" NOT NULL,
  store_type                          TEXT   NOT NULL,
  cloud_hsm_cluster_id                TEXT,
  trust_anchor_certificate            TEXT,
  xks_proxy_connectivity              TEXT,
  xks_proxy_uri_endpoint              TEXT,
  xks_proxy_uri_path                  TEXT,
  xks_proxy_vpc_endpoint_service_name TEXT,
  xks_proxy_vpc_endpoint_service_owner TEXT,
  xks_proxy_access_key_id             TEXT,
  wrapped_secret                      BYTEA  NOT NULL,
  connection_state                    TEXT   NOT NULL,
  connection_error_code               TEXT,
  creation_date                       BIGINT NOT NULL,
  version                             BIGINT NOT NULL,
  UNIQUE (account, region, name)
);

CREATE INDEX custom_key_stores_by_account_region ON custom_key_stores (account, region, custom_key_store_id);

ALTER TABLE keys ADD COLUMN custom_key_store_id TEXT COLLATE "C";
ALTER TABLE keys ADD COLUMN xks_key_id TEXT COLLATE "C";

CREATE INDEX keys_by_custom_key_store ON keys (custom_key_store_id, xks_key_id);
