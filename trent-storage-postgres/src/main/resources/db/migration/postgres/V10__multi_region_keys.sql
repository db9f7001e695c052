-- Multi-Region keys: the copies of a multi-Region key (its primary and its replicas) share their
-- key id, one copy per Region, so a key is stored by (key_id, region), and each copy names the
-- Region of the primary (primary_region; null for a single-Region key). The copies share their key
-- material, rotation settings, rotation history, imported material and last usage, stored by key
-- id: no single row owns them, so instead of a foreign key a trigger refuses a row naming a key id
-- no copy of which is stored (SQLSTATE 23503, as the foreign key did), and KeyRepository.delete
-- removes them with the last copy. Tags, grants and aliases belong to one copy and name its Region.

-- Drops keys_pkey and every foreign key that referenced keys (key_id).
ALTER TABLE keys DROP CONSTRAINT keys_pkey CASCADE;
ALTER TABLE keys ADD PRIMARY KEY (key_id, region);
ALTER TABLE keys ADD COLUMN primary_region TEXT COLLATE "C";
UPDATE keys SET primary_region = region WHERE multi_region;

ALTER TABLE aliases ADD FOREIGN KEY (target_key_id, region) REFERENCES keys (key_id, region);
DROP INDEX aliases_by_target;
CREATE INDEX aliases_by_target ON aliases (target_key_id, region);

ALTER TABLE tags ADD COLUMN region TEXT COLLATE "C";
UPDATE tags t SET region = k.region FROM keys k WHERE k.key_id = t.key_id;
ALTER TABLE tags ALTER COLUMN region SET NOT NULL;
ALTER TABLE tags DROP CONSTRAINT tags_pkey;
ALTER TABLE tags ADD PRIMARY KEY (key_id, region, tag_key);
ALTER TABLE tags ADD FOREIGN KEY (key_id, region) REFERENCES keys (key_id, region);

ALTER TABLE grants ADD COLUMN region TEXT COLLATE "C";
UPDATE grants g SET region = k.region FROM keys k WHERE k.key_id = g.key_id;
ALTER TABLE grants ALTER COLUMN region SET NOT NULL;
ALTER TABLE grants ADD FOREIGN KEY (key_id, region) REFERENCES keys (key_id, region);
DROP INDEX grants_by_key;
CREATE INDEX grants_by_key ON grants (key_id, region, grant_id);

CREATE FUNCTION trent_require_stored_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM keys WHERE key_id = NEW.key_id) THEN
    RAISE foreign_key_violation USING MESSAGE = 'no key ' || NEW.key_id || ' is stored (' || TG_TABLE_NAME || ')';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER key_materials_name_a_stored_key BEFORE INSERT ON key_materials
  FOR EACH ROW EXECUTE FUNCTION trent_require_stored_key();
CREATE TRIGGER key_rotations_name_a_stored_key BEFORE INSERT ON key_rotations
  FOR EACH ROW EXECUTE FUNCTION trent_require_stored_key();
CREATE TRIGGER key_material_rotations_name_a_stored_key BEFORE INSERT ON key_material_rotations
  FOR EACH ROW EXECUTE FUNCTION trent_require_stored_key();
CREATE TRIGGER key_last_usage_name_a_stored_key BEFORE INSERT ON key_last_usage
  FOR EACH ROW EXECUTE FUNCTION trent_require_stored_key();
CREATE TRIGGER import_parameters_name_a_stored_key BEFORE INSERT ON import_parameters
  FOR EACH ROW EXECUTE FUNCTION trent_require_stored_key();
CREATE TRIGGER imported_key_materials_name_a_stored_key BEFORE INSERT ON imported_key_materials
  FOR EACH ROW EXECUTE FUNCTION trent_require_stored_key();
