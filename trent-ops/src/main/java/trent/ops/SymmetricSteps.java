package trent.ops;

import java.util.Map;
import trent.domain.Scope;
import trent.domain.ciphertext.EncryptionContext;
import trent.domain.error.DryRunOperationException;
import trent.domain.error.InvalidKeyUsageException;
import trent.domain.error.KmsUnsupportedOperationException;
import trent.domain.error.ValidationException;
import trent.domain.key.KeyCache;
import trent.domain.key.KeyResolver;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.KmsKey;

/**
 * The checks every symmetric cryptographic operation makes, each a small step so that an
 * operation's {@code execute} shows their order (spec section 8): resolve the key, key state,
 * key usage, algorithm, dry run.
 */
public final class SymmetricSteps {

  public static final String SYMMETRIC_DEFAULT = "SYMMETRIC_DEFAULT";

  private static final KeyResolver RESOLVER = new KeyResolver();

  private SymmetricSteps() {}

  /**
   * Resolves a KeyId in any form through the in-memory cache; a key ARN or alias ARN may name
   * another account's key (the data plane works across accounts; authorization decides).
   */
  public static KmsKey resolve(KeyCache keys, Scope scope, String keyId) {
    return RESOLVER.resolveAcrossAccounts(keys, scope, keyId, Forms.ANY);
  }

  /** {@code kms:RequestAlias}: the alias name when the KeyId named the key through an alias. */
  public static java.util.function.Consumer<trent.policy.RequestContext.Builder> requestAlias(String keyId) {
    return b -> {
      if (keyId == null) {
        return;
      }
      if (keyId.startsWith("alias/")) {
        b.condition("kms:RequestAlias", keyId);
      } else if (keyId.startsWith("arn:") && keyId.contains(":alias/")) {
        b.condition("kms:RequestAlias", keyId.substring(keyId.indexOf(":alias/") + 1));
      }
    };
  }

  /** {@code kms:EncryptionAlgorithm}: the request's algorithm, SYMMETRIC_DEFAULT when it names none. */
  public static java.util.function.Consumer<trent.policy.RequestContext.Builder> encryptionAlgorithm(String algorithm) {
    return Access.condition("kms:EncryptionAlgorithm", algorithm == null ? SYMMETRIC_DEFAULT : algorithm);
  }

  /**
   * A key in an external key store is used through its proxy, over the network: on an I/O thread
   * the request moves to the worker pool first ({@link BlockingRequired}). Call it right after
   * resolving the key.
   */
  public static KmsKey mayBlockFor(KmsKey key, CallContext context) {
    if (trent.domain.envelope.Envelopes.external(key) && !context.mayBlock()) {
      throw BlockingRequired.INSTANCE;
    }
    return key;
  }

  /** Who asks and why, for the external key store proxy's request metadata. */
  public static trent.domain.envelope.ExternalLayer.Call call(CallContext context, String operation) {
    return new trent.domain.envelope.ExternalLayer.Call(context.caller().principalArn(), operation, context.requestId());
  }

  /** State, then usage: an Enabled symmetric encryption key. */
  public static KmsKey usable(KmsKey key, String operation) {
    key.requireEnabled();
    key.requireSymmetricEncryption(operation);
    return key;
  }

  /** A symmetric key encrypts only with SYMMETRIC_DEFAULT (the default when absent). */
  public static void requireSymmetricAlgorithm(String algorithm, KmsKey key) {
    if (algorithm != null && !algorithm.equals(SYMMETRIC_DEFAULT)) {
      throw InvalidKeyUsageException.algorithmIncompatible(algorithm, key.spec().name());
    }
  }

  /** All checks passed: a dry run ends here. */
  public static void dryRun(Boolean dryRun) {
    if (Boolean.TRUE.equals(dryRun)) {
      throw DryRunOperationException.wouldHaveSucceeded();
    }
  }

  /** A dry run with the IGNORE_CIPHERTEXT modifier checks the key without a ciphertext. */
  public static boolean ignoresCiphertext(Boolean dryRun, java.util.List<String> modifiers) {
    return Boolean.TRUE.equals(dryRun) && modifiers != null && modifiers.contains("IGNORE_CIPHERTEXT");
  }

  /** Without a ciphertext to name the key, the request must (documented rule; the text is ours). */
  public static String requireKeyIdWithoutCiphertext(String keyId, String member) {
    if (keyId == null) {
      throw new ValidationException(member + " is required when DryRunModifiers contains IGNORE_CIPHERTEXT.");
    }
    return keyId;
  }

  public static EncryptionContext context(Map<String, String> pairs) {
    if (pairs == null || pairs.isEmpty()) {
      return EncryptionContext.empty();
    }
    try {
      return EncryptionContext.of(pairs);
    } catch (IllegalArgumentException e) {
      throw new ValidationException("EncryptionContext contains a string that is not valid Unicode.");
    }
  }

  /** Trent cannot verify AWS Nitro Enclaves attestation documents, so it refuses them openly. */
  public static void refuseRecipient(Object recipient) {
    if (recipient != null) {
      throw new KmsUnsupportedOperationException(
          "Recipient (AWS Nitro Enclaves attestation) is not supported by this server.");
    }
  }
}
