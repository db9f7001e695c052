package trent.domain.key;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import trent.crypto.SecretBytes;
import trent.crypto.keyring.Keyring;
import trent.storage.KeyMaterialRecord;

/**
 * Makes a key's backing material and keeps it only wrapped.
 *
 * <p>Every material record is wrapped under the keyring with associated data naming exactly what
 * the record is (the key ARN and the material id), so a wrapped record copied onto another key
 * or another material version does not unwrap.
 */
public final class KeyMaterials {

  /** Symmetric backing keys are 256-bit. */
  static final int SYMMETRIC_KEY_BYTES = 32;

  private final Keyring keyring;
  private final SecureRandom random;

  public KeyMaterials(Keyring keyring, SecureRandom random) {
    this.keyring = keyring;
    this.random = random;
  }

  /** Fresh symmetric material for a new key, wrapped, with a new 64-hex-digit material id. */
  public KeyMaterialRecord createSymmetric(String keyId, String keyArn, Instant now) {
    byte[] idBytes = new byte[32];
    random.nextBytes(idBytes);
    String materialId = HexFormat.of().formatHex(idBytes);
    try (SecretBytes material = SecretBytes.random(SYMMETRIC_KEY_BYTES, random)) {
      byte[] wrapped = keyring.wrap(material, associatedData(keyArn, materialId));
      return new KeyMaterialRecord(keyId, materialId, wrapped, now);
    }
  }

  /** The material of a record; fails with the keyring's integrity error when it was moved or changed. */
  public SecretBytes unwrap(String keyArn, KeyMaterialRecord record) {
    return keyring.unwrap(record.wrappedMaterial(), associatedData(keyArn, record.materialId()));
  }

  static byte[] associatedData(String keyArn, String materialId) {
    return ("trent/key-material/v1\n" + keyArn + "\n" + materialId).getBytes(StandardCharsets.UTF_8);
  }
}
