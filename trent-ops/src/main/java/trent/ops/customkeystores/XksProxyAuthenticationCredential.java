package trent.ops.customkeystores;

import java.nio.charset.StandardCharsets;
import trent.crypto.SecretBytes;

/**
 * XksProxyAuthenticationCredentialType. Both members are sensitive: the model validator never
 * echoes them, and this record never prints them.
 */
public record XksProxyAuthenticationCredential(String accessKeyId, String rawSecretAccessKey) {

  /** The secret as the bytes KMS signs with (the string itself is the SigV4 secret). */
  SecretBytes secret() {
    return SecretBytes.copyOf(rawSecretAccessKey.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "XksProxyAuthenticationCredential[redacted]";
  }
}
