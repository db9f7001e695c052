package trent.protocol.sigv4;

import java.util.Optional;

/**
 * Finds the secret access key of an access key id.
 *
 * <p>Implementations must be safe for concurrent use and should answer from memory: the verifier
 * calls this once per verified request. An empty result means the access key id is unknown, which
 * the verifier reports as {@code UnrecognizedClientException}.
 */
@FunctionalInterface
public interface CredentialStore {

  /** Returns the secret access key of {@code accessKeyId}, or empty when it is not known. */
  Optional<String> secretAccessKey(String accessKeyId);
}
