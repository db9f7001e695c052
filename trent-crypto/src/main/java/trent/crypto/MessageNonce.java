package trent.crypto;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The 256-bit random nonce from which {@link DerivedKeyAead} derives one message's key and IV.
 *
 * <p>Guarantees: a nonce can encrypt only if it was made by {@link #random} (or by the test-only
 * {@link #insecureFixedForTesting}), and only once: a second encryption with the same instance
 * fails with {@link IllegalStateException}. A nonce read back from a ciphertext
 * ({@link #fromCiphertext}) can only decrypt. Nonces are not secret; they travel in the
 * ciphertext.
 */
public final class MessageNonce {

  /** Nonce length in bytes. */
  public static final int LENGTH = 32;

  private enum Kind { FRESH, RECEIVED, INSECURE_FIXED }

  private final byte[] bytes;
  private final Kind kind;
  private final AtomicBoolean usedForEncryption = new AtomicBoolean();

  private MessageNonce(byte[] bytes, Kind kind) {
    this.bytes = bytes;
    this.kind = kind;
  }

  /** A fresh nonce for one encryption. */
  public static MessageNonce random(SecureRandom random) {
    byte[] b = new byte[LENGTH];
    random.nextBytes(b);
    return new MessageNonce(b, Kind.FRESH);
  }

  /** A nonce as read from a ciphertext; it can decrypt but never encrypt. */
  public static MessageNonce fromCiphertext(byte[] ciphertext, int offset) {
    if (offset < 0 || ciphertext.length - offset < LENGTH) {
      throw new IllegalArgumentException("nonce must be " + LENGTH + " bytes");
    }
    byte[] b = new byte[LENGTH];
    System.arraycopy(ciphertext, offset, b, 0, LENGTH);
    return new MessageNonce(b, Kind.RECEIVED);
  }

  /**
   * INSECURE: a nonce with chosen bytes that can encrypt. Only for known-answer tests; two
   * messages under one backing key with one nonce reveal the XOR of their plaintexts and allow
   * forgeries.
   */
  public static MessageNonce insecureFixedForTesting(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("nonce must be " + LENGTH + " bytes");
    }
    return new MessageNonce(bytes.clone(), Kind.INSECURE_FIXED);
  }

  /** The nonce's bytes (a copy), for writing into a ciphertext. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** Copies the nonce into {@code out} at {@code offset}. */
  public void copyTo(byte[] out, int offset) {
    System.arraycopy(bytes, 0, out, offset, LENGTH);
  }

  byte[] bytesForDerivation() {
    return bytes;
  }

  boolean isInsecureFixed() {
    return kind == Kind.INSECURE_FIXED;
  }

  void claimForEncryption() {
    if (kind == Kind.RECEIVED) {
      throw new IllegalArgumentException("a nonce read from a ciphertext must not encrypt");
    }
    if (!usedForEncryption.compareAndSet(false, true)) {
      throw new IllegalStateException("a nonce encrypts one message only");
    }
  }

  @Override
  public String toString() {
    return "MessageNonce[" + kind + "]";
  }
}
