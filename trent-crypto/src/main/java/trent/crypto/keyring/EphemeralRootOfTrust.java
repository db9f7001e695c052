package trent.crypto.keyring;

import java.security.SecureRandom;
import trent.crypto.SecretBytes;

/**
 * A root of trust that lives only in memory: a fresh random 256-bit key per instance, never
 * written anywhere. For in-memory servers (tests, throwaway use), whose stored keys vanish with
 * them anyway. Wrapping is AES-256-GCM as for {@link KeyFileRootOfTrust}.
 */
public final class EphemeralRootOfTrust implements RootOfTrust {

  private final RootKey key;
  private final String id;

  private EphemeralRootOfTrust(RootKey key) {
    this.key = key;
    this.id = key.fingerprint("ephemeral");
  }

  public static EphemeralRootOfTrust create(SecureRandom random) {
    return new EphemeralRootOfTrust(new RootKey(SecretBytes.random(RootKey.LENGTH, random), random));
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public byte[] wrap(byte[] plaintext, byte[] associatedData) {
    return key.wrap(plaintext, associatedData);
  }

  @Override
  public byte[] unwrap(byte[] wrapped, byte[] associatedData) {
    return key.unwrap(wrapped, associatedData);
  }

  @Override
  public void close() {
    key.destroy();
  }
}
