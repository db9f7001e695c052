package trent.fuzz;

import java.security.SecureRandom;
import java.util.Map;
import trent.crypto.SecretBytes;
import trent.domain.ciphertext.BackingKey;
import trent.domain.ciphertext.CiphertextFormat;
import trent.domain.ciphertext.EncryptionContext;
import trent.domain.ciphertext.MalformedCiphertextException;

/**
 * The ciphertext blob parser and opener ({@code docs/CIPHERTEXT.md}): header parsing without a key,
 * then opening under a fixed key whose ids the seeds carry, so mutated blobs reach the AEAD.
 *
 * <p>Allowed outcome: {@link MalformedCiphertextException} (answered as InvalidCiphertextException).
 * A blob that opens must be one the fixed key sealed; anything else is a finding.
 */
public final class CiphertextFuzzer {

  static final String KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
  static final String KEY_MATERIAL_ID = "0".repeat(64);
  static final BackingKey KEY = BackingKey.of(KEY_ID, KEY_MATERIAL_ID, SecretBytes.copyOf(new byte[32]));
  static final CiphertextFormat FORMAT = new CiphertextFormat(new SecureRandom());
  static final EncryptionContext CONTEXT = EncryptionContext.of(Map.of("purpose", "fuzz"));

  private CiphertextFuzzer() {}

  /**
   * Called by Jazzer once before fuzzing: loads and instruments the code paths, so the first
   * fuzzed input is not charged with start-up against the per-input timeout.
   */
  public static void fuzzerInitialize() {
    byte[] blob = FORMAT.seal(KEY, SecretBytes.copyOf(new byte[] {1, 2, 3}), CONTEXT);
    fuzzerTestOneInput(blob);
  }

  public static void fuzzerTestOneInput(byte[] blob) {
    try {
      FORMAT.parseHeader(blob);
    } catch (MalformedCiphertextException e) {
      return;
    }
    for (EncryptionContext context : new EncryptionContext[] {EncryptionContext.empty(), CONTEXT}) {
      try (SecretBytes plaintext = FORMAT.open(KEY, blob, context)) {
        if (plaintext.length() < 1 || plaintext.length() > CiphertextFormat.MAX_PLAINTEXT_LENGTH) {
          throw new IllegalStateException("opened a blob with an impossible plaintext length");
        }
      } catch (MalformedCiphertextException e) {
        // modeled
      }
    }
  }
}
