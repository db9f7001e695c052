package trent.domain.ciphertext;

import trent.crypto.DerivedKeyAead;
import trent.crypto.SecretBytes;

/**
 * One version of a symmetric KMS key's key material, unwrapped and ready to seal and open
 * ciphertexts: the key id and key material id it belongs to, and the 256-bit secret.
 *
 * <p>Guarantees: the identity travels with the secret, so {@link CiphertextFormat} always writes
 * and checks the right key id and key material id; the secret never leaves this object and is
 * overwritten by {@link #close()} (best effort, see {@link SecretBytes}). Thread-safe; meant to
 * be cached on the hot path and closed when evicted.
 */
public final class BackingKey implements AutoCloseable {

  /** Length of symmetric key material in bytes. */
  public static final int MATERIAL_LENGTH = DerivedKeyAead.KEY_LENGTH;

  private final String keyId;
  private final String keyMaterialId;
  private final DerivedKeyAead aead;
  /** The ids as a blob's header writes them: key id kind, key id, key material id. */
  private final byte[] identity;

  private BackingKey(String keyId, String keyMaterialId, DerivedKeyAead aead) {
    this.keyId = keyId;
    this.keyMaterialId = keyMaterialId;
    this.aead = aead;
    this.identity = new byte[IDENTITY_LENGTH];
    identity[0] = KeyIds.kind(keyId);
    KeyIds.writeKeyId(keyId, identity, 1);
    KeyIds.writeKeyMaterialId(keyMaterialId, identity, 1 + KeyIds.KEY_ID_BYTES);
  }

  /** Length of {@link #identity()}. */
  static final int IDENTITY_LENGTH = 1 + KeyIds.KEY_ID_BYTES + KeyIds.KEY_MATERIAL_ID_BYTES;

  /**
   * Binds 256-bit key material to its key and version. Takes a copy of {@code material}; the
   * caller keeps ownership of (and should destroy) its own.
   *
   * @throws IllegalArgumentException when an id is not in canonical form or the material is not
   *     32 bytes
   */
  public static BackingKey of(String keyId, String keyMaterialId, SecretBytes material) {
    KeyIds.requireKeyId(keyId);
    KeyIds.requireKeyMaterialId(keyMaterialId);
    if (material.length() != MATERIAL_LENGTH) {
      throw new IllegalArgumentException("symmetric key material must be " + MATERIAL_LENGTH + " bytes");
    }
    return new BackingKey(keyId, keyMaterialId, DerivedKeyAead.create(material));
  }

  public String keyId() {
    return keyId;
  }

  public String keyMaterialId() {
    return keyMaterialId;
  }

  DerivedKeyAead aead() {
    return aead;
  }

  /**
   * The key id's kind, the key id and the key material id in the bytes a blob's header holds them
   * in, made once: sealing copies them and opening compares them, with no parsing or formatting
   * per message. Not a copy: callers in this package only read it.
   */
  byte[] identity() {
    return identity;
  }

  /** Overwrites the secret; later seals and opens fail. */
  @Override
  public void close() {
    aead.close();
  }

  @Override
  public String toString() {
    return "BackingKey[keyId=" + keyId + ", keyMaterialId=" + keyMaterialId + "]";
  }
}
