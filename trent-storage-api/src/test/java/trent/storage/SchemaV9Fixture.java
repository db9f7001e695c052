package trent.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static trent.storage.ContractRecords.ACCOUNT;
import static trent.storage.ContractRecords.REGION;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A store written by a Trent of schema 9 (before multi-Region keys stored one key per key id and
 * Region), for the migration tests of the SQL stores: {@link #insert} writes a key with material,
 * an alias, a tag, a grant and rotation settings with plain SQL of schema 9, and {@link
 * #assertKept} checks that the migrated store still holds every one of them.
 */
public final class SchemaV9Fixture {

  public static final String KEY_ID = "0f5e7c2a-8d1b-4e3f-9a6c-5b4d3e2f1a0b";
  private static final long T0_MICROS = 1_714_558_530_123_000L;

  private SchemaV9Fixture() {}

  /** Inserts the rows; {@code postgres} selects the dialect of the boolean column. */
  public static void insert(Connection c, boolean postgres) throws SQLException {
    Object no = postgres ? (Object) Boolean.FALSE : (Object) 0;
    Object yes = postgres ? (Object) Boolean.TRUE : (Object) 1;
    execute(c, "INSERT INTO keys (key_id, account, region, description, key_spec, key_usage, origin, key_state,"
        + " creation_date, deletion_date, pending_window_in_days, multi_region, policy, current_material_id, version,"
        + " custom_key_store_id, xks_key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, 3, NULL, NULL)",
        KEY_ID, ACCOUNT, REGION, "kept across the migration", "SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT", "AWS_KMS",
        "Enabled", T0_MICROS, no, "{}", ContractRecords.materialId(1));
    execute(c, "INSERT INTO key_materials (key_id, material_id, wrapped_material, created_at) VALUES (?, ?, ?, ?)",
        KEY_ID, ContractRecords.materialId(1), new byte[] {1, 2, 3}, T0_MICROS);
    execute(c, "INSERT INTO aliases (account, region, alias_name, target_key_id, creation_date, last_updated_date,"
        + " version) VALUES (?, ?, ?, ?, ?, ?, 0)", ACCOUNT, REGION, "alias/kept", KEY_ID, T0_MICROS, T0_MICROS);
    execute(c, "INSERT INTO tags (key_id, tag_key, tag_value) VALUES (?, ?, ?)", KEY_ID, "team", "payments");
    execute(c, "INSERT INTO grants (grant_id, key_id, name, creation_date, grantee_principal, retiring_principal,"
        + " issuing_account, operations, constraints, token_secret) VALUES (?, ?, NULL, ?, ?, NULL, ?, ?, NULL, ?)",
        ContractRecords.grantId(9), KEY_ID, T0_MICROS, "arn:aws:iam::" + ACCOUNT + ":role/app",
        "arn:aws:iam::" + ACCOUNT + ":root", "Decrypt", "secret");
    execute(c, "INSERT INTO key_rotations (key_id, automatic_rotation_enabled, rotation_period_in_days,"
        + " next_rotation_date, on_demand_rotations, version) VALUES (?, ?, 365, ?, 0, 0)", KEY_ID, yes, T0_MICROS);
  }

  /** The migrated store holds the key and everything of it, now by key id and Region. */
  public static void assertKept(Storage storage) {
    storage.read((Transaction tx) -> {
      KeyRecord key = tx.keys().find(KEY_ID, REGION).orElseThrow();
      assertThat(key.description()).isEqualTo("kept across the migration");
      assertThat(key.version()).isEqualTo(3);
      assertThat(key.multiRegion()).isFalse();
      assertThat(key.primaryRegion()).isNull();
      assertThat(tx.keys().findCopies(KEY_ID)).containsExactly(key);
      assertThat(tx.keyMaterials().list(KEY_ID)).hasSize(1);
      assertThat(tx.aliases().find(ACCOUNT, REGION, "alias/kept")).isPresent();
      assertThat(tx.tags().list(KEY_ID, REGION)).containsExactly(new TagRecord(KEY_ID, REGION, "team", "payments"));
      assertThat(tx.grants().listByKey(KEY_ID, REGION, null, 10)).extracting(GrantRecord::operations)
          .containsExactly(List.of("Decrypt"));
      assertThat(tx.rotations().find(KEY_ID)).isPresent();
      return null;
    });
    storage.write((Transaction tx) -> tx.keys().delete(KEY_ID, REGION));
    storage.read((Transaction tx) -> {
      assertThat(tx.keyMaterials().list(KEY_ID)).isEmpty();
      assertThat(tx.rotations().find(KEY_ID)).isEmpty();
      return null;
    });
  }

  private static void execute(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      ps.executeUpdate();
    }
  }
}
