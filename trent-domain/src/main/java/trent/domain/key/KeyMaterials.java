package trent.domain.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import trent.crypto.SecretBytes;
import trent.crypto.asymmetric.AsymmetricKeyPair;
import trent.crypto.asymmetric.InvalidInputException;
import trent.crypto.keyring.Keyring;
import trent.crypto.mac.HmacKey;
import trent.storage.KeyMaterialRecord;

/**
 * Makes a key's backing material and keeps it only wrapped.
 *
 * <p>Every material record is wrapped under the keyring with associated data naming exactly what
 * the record is (the key ARN and the material id), so a wrapped record copied onto another key
 * or another material version does not unwrap.
 *
 * <p>What is wrapped depends on the key spec: 32 random bytes for SYMMETRIC_DEFAULT, the private
 * key as PKCS#8 DER for an asymmetric spec (the public key is derived from it when loaded), the raw
 * key material for an HMAC spec. The record is opaque bytes either way; the key's spec, stored
 * with the key, says how to read it.
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
    return create(keyId, keyArn, KeySpec.SYMMETRIC_DEFAULT, now);
  }

  /**
   * Fresh material of {@code spec} for a new key, wrapped, with a new 64-hex-digit material id.
   * Generating an RSA-4096 key pair takes a second or more: call this only off the I/O threads.
   */
  public KeyMaterialRecord create(String keyId, String keyArn, KeySpec spec, Instant now) {
    byte[] idBytes = new byte[32];
    random.nextBytes(idBytes);
    String materialId = HexFormat.of().formatHex(idBytes);
    try (SecretBytes material = generate(spec)) {
      byte[] wrapped = keyring.wrap(material, associatedData(keyArn, materialId));
      return new KeyMaterialRecord(keyId, materialId, wrapped, now);
    }
  }

  private SecretBytes generate(KeySpec spec) {
    if (spec == KeySpec.SYMMETRIC_DEFAULT) {
      return SecretBytes.random(SYMMETRIC_KEY_BYTES, random);
    }
    if (spec.asymmetric().isPresent()) {
      return AsymmetricKeyPair.generate(spec.asymmetric().get(), random).revealPkcs8();
    }
    HmacKey key = HmacKey.generate(spec.hmac().orElseThrow(), random);
    try {
      return key.revealKeyMaterial();
    } finally {
      key.destroy();
    }
  }

  /**
   * The material id of a seeded key. It depends only on the key id, so every server seeded with
   * the key writes the same ciphertext headers and finds the material of the others' ciphertexts.
   */
  public static String seededMaterialId(String keyId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(("trent/seeded-key-material/v1\n" + keyId).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /**
   * Checks that seed material fits {@code spec} and returns it in the form stored: 32 bytes for
   * SYMMETRIC_DEFAULT, the spec's allowed length range for HMAC, a private key of the spec as
   * PKCS#8 DER (re-encoded) for an asymmetric spec. The caller owns both values.
   *
   * @throws IllegalArgumentException saying what is wrong, never showing the material
   */
  public static SecretBytes seedMaterial(KeySpec spec, SecretBytes material) {
    if (spec == KeySpec.SYMMETRIC_DEFAULT) {
      if (material.length() != SYMMETRIC_KEY_BYTES) {
        throw new IllegalArgumentException("SYMMETRIC_DEFAULT key material must be " + SYMMETRIC_KEY_BYTES
            + " bytes, was " + material.length());
      }
      return SecretBytes.copyOf(material.revealCopy());
    }
    if (spec.asymmetric().isPresent()) {
      try {
        return AsymmetricKeyPair.fromPkcs8(spec.asymmetric().get(), material).revealPkcs8();
      } catch (InvalidInputException | IllegalArgumentException e) {
        throw new IllegalArgumentException(spec + " key material must be a " + spec
            + " private key in PKCS#8 (DER, or PEM \"BEGIN PRIVATE KEY\")");
      }
    }
    HmacKey key = HmacKey.fromKeyMaterial(spec.hmac().orElseThrow(), material);
    try {
      return key.revealKeyMaterial();
    } finally {
      key.destroy();
    }
  }

  /** Wraps the material of a seeded key (as {@link #seedMaterial} returned it) under its fixed material id. */
  public KeyMaterialRecord wrapSeeded(String keyId, String keyArn, SecretBytes material, Instant now) {
    String materialId = seededMaterialId(keyId);
    return new KeyMaterialRecord(keyId, materialId, keyring.wrap(material, associatedData(keyArn, materialId)), now);
  }

  /** A new random material id: 64 lowercase hex digits. */
  public String newMaterialId() {
    byte[] idBytes = new byte[32];
    random.nextBytes(idBytes);
    return HexFormat.of().formatHex(idBytes);
  }

  /** Wraps imported material (as {@link #seedMaterial} checked it) under the material id given. */
  public KeyMaterialRecord wrapImported(String keyId, String keyArn, String materialId, SecretBytes material,
      Instant now) {
    return new KeyMaterialRecord(keyId, materialId, keyring.wrap(material, associatedData(keyArn, materialId)), now);
  }

  /**
   * A digest of imported material, wrapped under the keyring and bound to the key and material id:
   * kept while the material itself is deleted, so a reimport can be checked to be the same
   * material, and unreadable without the root of trust (no offline guessing of weak material).
   */
  public byte[] wrapDigest(String keyArn, String materialId, SecretBytes material) {
    try (SecretBytes digest = digest(material)) {
      return keyring.wrap(digest, digestAssociatedData(keyArn, materialId));
    }
  }

  /** Whether {@code material} is the material whose digest {@link #wrapDigest} wrapped. */
  public boolean isSameMaterial(String keyArn, String materialId, byte[] wrappedDigest, SecretBytes material) {
    try (SecretBytes stored = keyring.unwrap(wrappedDigest, digestAssociatedData(keyArn, materialId));
        SecretBytes digest = digest(material)) {
      return stored.equalsConstantTime(digest);
    }
  }

  /** Checks that a wrapped digest unwraps for this key and material id (backups); the keyring's error otherwise. */
  public void requireDigestUnwraps(String keyArn, String materialId, byte[] wrappedDigest) {
    keyring.unwrap(wrappedDigest, digestAssociatedData(keyArn, materialId)).destroy();
  }

  /** Wraps the private key of import parameters, bound to the key and the parameters id. */
  public byte[] wrapImportKey(String keyArn, String parametersId, SecretBytes pkcs8) {
    return keyring.wrap(pkcs8, importKeyAssociatedData(keyArn, parametersId));
  }

  /** The private key {@link #wrapImportKey} wrapped; the keyring's integrity error when moved or changed. */
  public SecretBytes unwrapImportKey(String keyArn, String parametersId, byte[] wrapped) {
    return keyring.unwrap(wrapped, importKeyAssociatedData(keyArn, parametersId));
  }

  private static SecretBytes digest(SecretBytes material) {
    byte[] bytes = material.revealCopy();
    try {
      return SecretBytes.adopt(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    } finally {
      java.util.Arrays.fill(bytes, (byte) 0);
    }
  }

  static byte[] digestAssociatedData(String keyArn, String materialId) {
    return ("trent/imported-material-digest/v1\n" + KeyArns.materialBinding(keyArn) + "\n" + materialId)
        .getBytes(StandardCharsets.UTF_8);
  }

  static byte[] importKeyAssociatedData(String keyArn, String parametersId) {
    return ("trent/import-parameters/v1\n" + KeyArns.materialBinding(keyArn) + "\n" + parametersId)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The material of a record; fails with the keyring's integrity error when it was moved or changed. */
  public SecretBytes unwrap(String keyArn, KeyMaterialRecord record) {
    return keyring.unwrap(record.wrappedMaterial(), associatedData(keyArn, record.materialId()));
  }

  static byte[] associatedData(String keyArn, String materialId) {
    return ("trent/key-material/v1\n" + KeyArns.materialBinding(keyArn) + "\n" + materialId)
        .getBytes(StandardCharsets.UTF_8);
  }
}
