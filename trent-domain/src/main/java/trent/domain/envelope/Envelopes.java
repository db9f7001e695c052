package trent.domain.envelope;

import java.security.SecureRandom;
import trent.crypto.SecretBytes;
import trent.domain.Scope;
import trent.domain.ciphertext.BackingKey;
import trent.domain.ciphertext.CiphertextFormat;
import trent.domain.ciphertext.CiphertextHeader;
import trent.domain.ciphertext.EncryptionContext;
import trent.domain.ciphertext.ExternalCiphertext;
import trent.domain.ciphertext.MalformedCiphertextException;
import trent.domain.error.InvalidCiphertextException;
import trent.domain.error.KMSInternalException;
import trent.domain.error.KMSInvalidStateException;
import trent.domain.key.KeyCache;
import trent.domain.key.KeyResolver;
import trent.domain.key.KmsKey;
import trent.domain.key.Origin;
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
  private final ExternalLayer external;

  public Envelopes(KeyCache cache, SecureRandom random) {
    this(cache, random, KeyUseListener.NONE);
  }

  public Envelopes(KeyCache cache, SecureRandom random, KeyUseListener uses) {
    this(cache, random, uses, null);
  }

  /** @param external the outer layer of keys in external key stores; null when there are none */
  public Envelopes(KeyCache cache, SecureRandom random, KeyUseListener uses, ExternalLayer external) {
    this.cache = cache;
    this.format = new CiphertextFormat(random);
    this.random = random;
    this.uses = uses;
    this.external = external;
  }

  /** Whether the key's material is in an external key store: its operations call the proxy and may block. */
  public static boolean external(KmsKey key) {
    return key.origin() == Origin.EXTERNAL_KEY_STORE;
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
    return seal(key, plaintext, context, null);
  }

  /**
   * Seals {@code plaintext} under the key's current material and, for a key in an external key
   * store, then under its external key ({@code call} says who asks; required for such a key).
   */
  public Sealed seal(KmsKey key, SecretBytes plaintext, EncryptionContext context, ExternalLayer.Call call) {
    Sealed inner = sealInner(key, plaintext, context);
    if (!external(key)) {
      return inner;
    }
    return new Sealed(externalLayer(call).seal(key, inner.ciphertextBlob(), context, call), inner.keyMaterialId());
  }

  private ExternalLayer externalLayer(ExternalLayer.Call call) {
    if (external == null || call == null) {
      throw new KMSInternalException("A key in an external key store was used without its external layer.", null);
    }
    return external;
  }

  private Sealed sealInner(KmsKey key, SecretBytes plaintext, EncryptionContext context) {
    String materialId = key.currentMaterialId()
        .orElseThrow(() -> new KMSInternalException("Key " + key.arn() + " has no current key material.", null));
    BackingKey backingKey = cache.backingKey(key, materialId)
        .orElseThrow(() -> new KMSInternalException("The current key material of " + key.arn() + " is missing.", null));
    return new Sealed(format.seal(backingKey, plaintext, context), materialId);
  }

  /** A fresh data key of {@code length} random bytes, sealed; the plaintext is returned to the caller. */
  public DataKey generateDataKey(KmsKey key, int length, EncryptionContext context) {
    return generateDataKey(key, length, context, null);
  }

  /** As {@link #generateDataKey(KmsKey, int, EncryptionContext)}, for any key (see {@link #seal(KmsKey, SecretBytes, EncryptionContext, ExternalLayer.Call)}). */
  public DataKey generateDataKey(KmsKey key, int length, EncryptionContext context, ExternalLayer.Call call) {
    SecretBytes plaintext = SecretBytes.random(length, random);
    try {
      return new DataKey(plaintext, seal(key, plaintext, context, call));
    } catch (RuntimeException e) {
      plaintext.close();
      throw e;
    }
  }

  /** A fresh data key sealed under {@code key}; its plaintext is destroyed here and never returned. */
  public Sealed generateDataKeyWithoutPlaintext(KmsKey key, int length, EncryptionContext context) {
    return generateDataKeyWithoutPlaintext(key, length, context, null);
  }

  /** As {@link #generateDataKeyWithoutPlaintext(KmsKey, int, EncryptionContext)}, for any key. */
  public Sealed generateDataKeyWithoutPlaintext(KmsKey key, int length, EncryptionContext context,
      ExternalLayer.Call call) {
    try (SecretBytes plaintext = SecretBytes.random(length, random)) {
      return seal(key, plaintext, context, call);
    }
  }

  /** Random bytes for GenerateRandom. */
  public SecretBytes randomBytes(int length) {
    return SecretBytes.random(length, random);
  }

  /** Reads a blob's header; its contents are not authenticated until {@link #open}. */
  public CiphertextHeader header(byte[] blob) {
    try {
      if (blob.length > 0 && blob[0] == ExternalCiphertext.FORMAT_VERSION) {
        return ExternalCiphertext.parse(blob).header();
      }
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
    return open(key, header, blob, context, null);
  }

  /**
   * Opens a blob under the key it names, through the outer layer first for a key in an external
   * key store. A key in an external key store opens only version 2 blobs and every other key only
   * version 1 blobs: a blob can never skip a layer.
   */
  public SecretBytes open(KmsKey key, CiphertextHeader header, byte[] blob, EncryptionContext context,
      ExternalLayer.Call call) {
    boolean outer = header.formatVersion() == ExternalCiphertext.FORMAT_VERSION;
    if (outer != external(key)) {
      throw InvalidCiphertextException.invalid();
    }
    if (!outer) {
      return openInner(key, header, blob, context);
    }
    ExternalCiphertext.Parsed parsed;
    try {
      parsed = ExternalCiphertext.parse(blob);
    } catch (MalformedCiphertextException e) {
      throw InvalidCiphertextException.invalid();
    }
    if (!parsed.customKeyStoreId().equals(key.customKeyStoreId().orElse(null))) {
      throw InvalidCiphertextException.invalid();
    }
    byte[] inner = externalLayer(call).open(key, parsed, context, call);
    CiphertextHeader innerHeader;
    try {
      innerHeader = format.parseHeader(inner);
    } catch (MalformedCiphertextException e) {
      throw new KMSInvalidStateException(XksErrorsText.INVALID_CIPHERTEXT_RETURNED);
    }
    if (!innerHeader.keyMaterialId().equals(header.keyMaterialId()) || !innerHeader.keyId().equals(key.keyId())) {
      throw new KMSInvalidStateException(XksErrorsText.INVALID_CIPHERTEXT_RETURNED);
    }
    try {
      return openInner(key, innerHeader, inner, context);
    } catch (InvalidCiphertextException e) {
      throw new KMSInvalidStateException(XksErrorsText.INVALID_CIPHERTEXT_RETURNED);
    }
  }

  private SecretBytes openInner(KmsKey key, CiphertextHeader header, byte[] blob, EncryptionContext context) {
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
