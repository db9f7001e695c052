package trent.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * One set of import parameters (GetParametersForImport): a wrapping key pair whose private key is
 * wrapped under the root of trust, and what its import token must prove. The store does not
 * interpret the wrapped bytes.
 *
 * @param parametersId 32 lowercase hex characters, unique in the store
 * @param keyId the key the parameters are for
 * @param wrappingAlgorithm e.g. {@code RSAES_OAEP_SHA_256}
 * @param wrappingKeySpec e.g. {@code RSA_2048}
 * @param wrappedPrivateKey the wrapping private key (PKCS#8), wrapped (opaque)
 * @param tokenSecretDigest SHA-256 of the token's secret, as 64 lowercase hex characters
 * @param validTo when the parameters expire (ParametersValidTo)
 * @param createdAt when they were made
 */
public record ImportParametersRecord(String parametersId, String keyId, String wrappingAlgorithm,
    String wrappingKeySpec, byte[] wrappedPrivateKey, String tokenSecretDigest, Instant validTo, Instant createdAt) {

  public ImportParametersRecord {
    Objects.requireNonNull(parametersId, "parametersId");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(wrappingAlgorithm, "wrappingAlgorithm");
    Objects.requireNonNull(wrappingKeySpec, "wrappingKeySpec");
    Objects.requireNonNull(tokenSecretDigest, "tokenSecretDigest");
    Objects.requireNonNull(validTo, "validTo");
    Objects.requireNonNull(createdAt, "createdAt");
    wrappedPrivateKey = wrappedPrivateKey.clone();
  }

  @Override
  public byte[] wrappedPrivateKey() {
    return wrappedPrivateKey.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImportParametersRecord r
        && parametersId.equals(r.parametersId)
        && keyId.equals(r.keyId)
        && wrappingAlgorithm.equals(r.wrappingAlgorithm)
        && wrappingKeySpec.equals(r.wrappingKeySpec)
        && java.util.Arrays.equals(wrappedPrivateKey, r.wrappedPrivateKey)
        && tokenSecretDigest.equals(r.tokenSecretDigest)
        && validTo.equals(r.validTo)
        && createdAt.equals(r.createdAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(parametersId, keyId, validTo);
  }

  @Override
  public String toString() {
    return "ImportParametersRecord[parametersId=" + parametersId + ", keyId=" + keyId + ", wrappingAlgorithm="
        + wrappingAlgorithm + ", wrappingKeySpec=" + wrappingKeySpec + ", validTo=" + validTo + "]";
  }
}
