package trent.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Secret bytes (key material, data keys) behind a gate.
 *
 * <p>Guarantees: {@link #toString()} never shows the bytes; there is no {@code hashCode} or
 * {@code equals} on the content (use {@link #equalsConstantTime}); the bytes leave only through
 * {@link #revealCopy()}, a name reviewers can grep for. {@link #destroy()} overwrites the held copy.
 * The JVM may have copied the bytes elsewhere, so destruction is best effort: keep secret
 * lifetimes short rather than relying on it.
 */
public final class SecretBytes implements AutoCloseable {

  private final byte[] bytes;
  private volatile boolean destroyed;

  private SecretBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Takes a copy of {@code bytes}; the caller should clear its own array. */
  public static SecretBytes copyOf(byte[] bytes) {
    return new SecretBytes(bytes.clone());
  }

  /** Takes ownership of {@code bytes} without copying; the caller must not use the array again. */
  public static SecretBytes adopt(byte[] bytes) {
    return new SecretBytes(bytes);
  }

  /** {@code length} fresh random bytes from {@code random}. */
  public static SecretBytes random(int length, SecureRandom random) {
    byte[] b = new byte[length];
    random.nextBytes(b);
    return new SecretBytes(b);
  }

  public int length() {
    return bytes.length;
  }

  /** A copy of the secret. The caller owns it and should overwrite it when done. */
  public byte[] revealCopy() {
    checkAlive();
    return bytes.clone();
  }

  /** Compares content in time independent of where the first difference is. */
  public boolean equalsConstantTime(SecretBytes other) {
    checkAlive();
    other.checkAlive();
    return MessageDigest.isEqual(bytes, other.bytes);
  }

  /** Overwrites the held bytes with zeros; later use fails. */
  public void destroy() {
    destroyed = true;
    Arrays.fill(bytes, (byte) 0);
  }

  @Override
  public void close() {
    destroy();
  }

  private void checkAlive() {
    if (destroyed) {
      throw new IllegalStateException("secret was destroyed");
    }
  }

  @Override
  public String toString() {
    return "SecretBytes[" + bytes.length + " bytes]";
  }
}
