package trent.domain.envelope;

import java.security.SecureRandom;
import trent.crypto.SecretBytes;
import trent.domain.Scope;
import trent.domain.ciphertext.BackingKey;
import trent.domain.ciphertext.CiphertextFormat;
import trent.domain.ciphertext.CiphertextHeader;
import trent.domain.ciphertext.EncryptionContext;
import trent.domain.ciphertext.MalformedCiphertextException;
import trent.domain.error.InvalidCiphertextException;
import trent.domain.error.KMSInternalException;
import trent.domain.key.KeyCache;
import trent.domain.key.KeyResolver;
import trent.domain.key.KmsKey;
import trent.domain.usage.KeyUseListener;
import trent.domain.usage.UsageOperation;

/**
 * Seals and opens ciphertext blobs under KMS keys, through the in-memory {@link KeyCache}: no
 * disk access once a key and its material are cached.
 *
 * <p>Every way a blob can be wrong (unparsable, naming a key this scope does not have, naming
 * material the key does not have, tampered, or bound to another encryption context) is
 * {@code InvalidCiphertextException} with no message, as AWS answers.
 */
public final class Envelopes {

  /** The result of sealing: the blob and the key material that sealed it. */
  public record Sealed(byte[] ciphertextBlob, String keyMaterialId) {}

  private final KeyCache cache;
  private final CiphertextFormat format;
  private final SecureRandom random;
  private final KeyUseListener uses;

  public Envelopes(KeyCache cache, SecureRandom random) {
    this(cache, random, KeyUseListener.NONE);
  }

  public Envelopes(KeyCache cache, SecureRandom random, KeyUseListener uses) {
    this.cache = cache;
    this.format = new CiphertextFormat(random);
    this.random = random;
    this.uses = uses;
  }

  /** Tells GetKeyLastUsage that an operation succeeded with {@code key}; call it just before answering. */
  public void used(KmsKey key, UsageOperation operation, String requestId) {
    uses.used(key.keyId(), operation, requestId);
  }

  public KeyCache keys() {
    return cache;
  }

  /** The randomness this server's data plane uses, for the domain services built beside this one. */
  public SecureRandom random() {
    return random;
  }

  /** Seals {@code plaintext} under the key's current material. The caller checked state and usage. */
  public Sealed seal(KmsKey key, SecretBytes plaintext, EncryptionContext context) {
    String materialId = key.currentMaterialId()
        .orElseThrow(() -> new KMSInternalException("Key " + key.arn() + " has no current key material.", null));
    BackingKey backingKey = cache.backingKey(key, materialId)
        .orElseThrow(() -> new KMSInternalException("The current key material of " + key.arn() + " is missing.", null));
    return new Sealed(format.seal(backingKey, plaintext, context), materialId);
  }

  /** A fresh data key of {@code length} random bytes, sealed; the plaintext is returned to the caller. */
  public DataKey generateDataKey(KmsKey key, int length, EncryptionContext context) {
    SecretBytes plaintext = SecretBytes.random(length, random);
    return new DataKey(plaintext, seal(key, plaintext, context));
  }

  /** A fresh data key sealed under {@code key}; its plaintext is destroyed here and never returned. */
  public Sealed generateDataKeyWithoutPlaintext(KmsKey key, int length, EncryptionContext context) {
    try (SecretBytes plaintext = SecretBytes.random(length, random)) {
      return seal(key, plaintext, context);
    }
  }

  /** Random bytes for GenerateRandom. */
  public SecretBytes randomBytes(int length) {
    return SecretBytes.random(length, random);
  }

  /** Reads a blob's header; its contents are not authenticated until {@link #open}. */
  public CiphertextHeader header(byte[] blob) {
    try {
      return format.parseHeader(blob);
    } catch (MalformedCiphertextException e) {
      throw InvalidCiphertextException.invalid();
    }
  }

  /**
   * The key a blob names, in the caller's Region and any account (Decrypt works across accounts;
   * authorization decides); a blob naming no key of the Region is invalid.
   */
  public KmsKey keyOf(Scope scope, CiphertextHeader header) {
    return KeyResolver.findInRegion(cache, scope, header.keyId()).orElseThrow(InvalidCiphertextException::invalid);
  }

  /** Opens a blob under the key it names; the caller checked state and usage. */
  public SecretBytes open(KmsKey key, CiphertextHeader header, byte[] blob, EncryptionContext context) {
    BackingKey backingKey = cache.backingKey(key, header.keyMaterialId()).orElseThrow(InvalidCiphertextException::invalid);
    try {
      return format.open(backingKey, blob, context);
    } catch (MalformedCiphertextException e) {
      throw InvalidCiphertextException.invalid();
    }
  }

  /** A data key: its plaintext (for the caller to return and destroy) and its sealed copy. */
  public record DataKey(SecretBytes plaintext, Sealed sealed) {}
}
