package trent.bench.jmh;

import java.util.Map;
import trent.crypto.SecretBytes;
import trent.domain.ciphertext.BackingKey;
import trent.domain.ciphertext.EncryptionContext;

/** Inputs shared by the benchmarks and the floor server: fixed, realistic, never secret. */
public final class Fixtures {

  public static final String KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
  public static final String KEY_MATERIAL_ID = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  /** A small encryption context, as the AWS Encryption SDK or an S3 client sends. */
  static final Map<String, String> CONTEXT_PAIRS = Map.of(
      "aws:s3:arn", "arn:aws:s3:::example-bucket/path/to/object.bin",
      "purpose", "benchmark",
      "tenant", "acme-corp");

  private Fixtures() {}

  static byte[] bytes(int n, int seed) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (seed + 31 * i);
    }
    return b;
  }

  /** A backing key of fixed material under {@link #KEY_ID} and {@link #KEY_MATERIAL_ID}. */
  public static BackingKey backingKey() {
    try (SecretBytes material = SecretBytes.copyOf(bytes(BackingKey.MATERIAL_LENGTH, 7))) {
      return BackingKey.of(KEY_ID, KEY_MATERIAL_ID, material);
    }
  }

  static EncryptionContext context() {
    return EncryptionContext.of(CONTEXT_PAIRS);
  }
}
