package trent.ops;

import trent.crypto.asymmetric.AsymmetricKeySpec;
import trent.crypto.asymmetric.EncryptionAlgorithm;
import trent.crypto.asymmetric.MessageType;
import trent.crypto.asymmetric.SigningAlgorithm;
import trent.crypto.asymmetric.SigningInput;
import trent.crypto.mac.MacAlgorithm;
import trent.domain.error.InvalidKeyUsageException;
import trent.domain.error.ValidationException;
import trent.domain.key.KeySpec;
import trent.domain.key.KeyUsage;
import trent.domain.key.KmsKey;

/**
 * The checks the asymmetric and HMAC operations make beside {@link SymmetricSteps}: key state and
 * usage, then whether the algorithm fits the key spec, then the input rules of that algorithm,
 * each with AWS's error and text. They run before DryRun, so a dry run that passes would have
 * succeeded, and before any cryptography.
 *
 * <p>Sources of the texts: {@code Algorithm X is incompatible with key spec Y.}
 * (InvalidKeyUsageException) is recorded for MAC algorithms (LocalStack snapshot
 * test_invalid_generate_mac) and for SYMMETRIC_DEFAULT with an RSA_4096 key (AWS SDK error quoted in
 * zalando/spring-cloud-config-aws-kms issue 82); for signing and key agreement algorithms it is
 * inferred. The other texts are documented on their factories.
 */
public final class AsymmetricSteps {

  private AsymmetricSteps() {}

  /** State, then usage: an Enabled key of {@code usage}. */
  public static KmsKey usable(KmsKey key, KeyUsage usage, String operation) {
    key.requireEnabled();
    key.requireUsage(usage, operation);
    return key;
  }

  /** Whether a key is an asymmetric ENCRYPT_DECRYPT key (RSA or SM2), which Encrypt and Decrypt treat apart. */
  public static boolean isAsymmetricEncryption(KmsKey key) {
    return key.usage() == KeyUsage.ENCRYPT_DECRYPT && key.spec() != KeySpec.SYMMETRIC_DEFAULT;
  }

  /** The signing algorithm, which must be one of the key spec's. */
  public static SigningAlgorithm signingAlgorithm(KmsKey key, String name) {
    AsymmetricKeySpec spec = asymmetric(key, name);
    SigningAlgorithm algorithm = SigningAlgorithm.valueOf(name);
    if (!spec.signingAlgorithms().contains(algorithm)) {
      throw InvalidKeyUsageException.algorithmIncompatible(name, key.spec().name());
    }
    return algorithm;
  }

  /**
   * Sign and Verify's Message and MessageType (RAW when absent) as the algorithm requires: a
   * message type the algorithm takes, a DIGEST exactly as long as its hash, an EXTERNAL_MU of 64
   * bytes. A RAW message is 1..4096 bytes by the model, checked before the operation runs.
   */
  public static SigningInput signingInput(KmsKey key, SigningAlgorithm algorithm, String messageType, byte[] message) {
    MessageType type = messageType == null ? MessageType.RAW : MessageType.valueOf(messageType);
    if (!algorithm.accepts(type)) {
      throw ValidationException.messageTypeIncompatible(type.name(), key.spec().name());
    }
    if (type == MessageType.DIGEST && message.length != algorithm.digestLength()) {
      throw ValidationException.digestInvalidLength(algorithm.name());
    }
    if (type == MessageType.EXTERNAL_MU && message.length != SigningAlgorithm.EXTERNAL_MU_LENGTH) {
      throw ValidationException.externalMuInvalidLength(algorithm.name());
    }
    return SigningInput.of(type, message);
  }

  /**
   * The encryption algorithm for an asymmetric key. Absent means SYMMETRIC_DEFAULT, which no
   * asymmetric key supports: AWS answers {@code Algorithm SYMMETRIC_DEFAULT is incompatible with
   * key spec RSA_4096.}
   */
  public static EncryptionAlgorithm encryptionAlgorithm(KmsKey key, String name) {
    String requested = name == null ? SymmetricSteps.SYMMETRIC_DEFAULT : name;
    AsymmetricKeySpec spec = asymmetric(key, requested);
    for (EncryptionAlgorithm a : spec.encryptionAlgorithms()) {
      if (a.name().equals(requested)) {
        return a;
      }
    }
    throw InvalidKeyUsageException.algorithmIncompatible(requested, key.spec().name());
  }

  /** AWS's plaintext limit of the algorithm for the key spec (RSA: 214/190 bytes for RSA_2048, ...). */
  public static void requirePlaintextFits(KmsKey key, EncryptionAlgorithm algorithm, int length) {
    int max = algorithm.maxPlaintextLength(key.spec().asymmetric().orElseThrow());
    if (length > max) {
      throw ValidationException.plaintextTooLarge(algorithm.name(), key.spec().name(), max);
    }
  }

  /** The MAC algorithm, which must be the HMAC key spec's one (recorded text, see the class note). */
  public static MacAlgorithm macAlgorithm(KmsKey key, String name) {
    MacAlgorithm algorithm = MacAlgorithm.valueOf(name);
    if (key.spec().hmac().map(h -> h.macAlgorithm() != algorithm).orElse(true)) {
      throw InvalidKeyUsageException.algorithmIncompatible(name, key.spec().name());
    }
    return algorithm;
  }

  /** Key agreement needs a spec with ECDH (the NIST curves and SM2; checked again by usage). */
  public static void requireKeyAgreementAlgorithm(KmsKey key, String name) {
    if (key.spec().keyAgreementAlgorithms(KeyUsage.KEY_AGREEMENT).stream().noneMatch(name::equals)) {
      throw InvalidKeyUsageException.algorithmIncompatible(name, key.spec().name());
    }
  }

  /** EncryptionContext exists only for symmetric keys (API reference, Encrypt); ours to refuse it openly. */
  public static void refuseEncryptionContext(java.util.Map<String, String> context, KmsKey key) {
    if (context != null && !context.isEmpty()) {
      throw new ValidationException(
          "EncryptionContext is not supported with key spec " + key.spec().name() + "; only symmetric encryption keys take one.");
    }
  }

  private static AsymmetricKeySpec asymmetric(KmsKey key, String algorithm) {
    return key.spec().asymmetric()
        .orElseThrow(() -> InvalidKeyUsageException.algorithmIncompatible(algorithm, key.spec().name()));
  }
}
