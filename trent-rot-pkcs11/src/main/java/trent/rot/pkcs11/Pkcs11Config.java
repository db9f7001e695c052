package trent.rot.pkcs11;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Where a {@link Pkcs11RootOfTrust} finds its key: the vendor's PKCS#11 library, the token (by
 * label), the user PIN, and the label of the AES key on the token.
 *
 * <p>Immutable, built by {@link #builder()}; each setter rejects a bad value when it is set. The
 * PIN is held as a copy, never shown by {@link #toString()}, and {@link #clearPin()} overwrites it
 * once no further root needs to be opened with this configuration.
 */
public final class Pkcs11Config {

  /** Token labels are 32 bytes of UTF-8, blank padded (PKCS#11 CK_TOKEN_INFO). */
  static final int MAX_TOKEN_LABEL_BYTES = 32;
  /** Object labels have no length limit in PKCS#11; this bound only keeps messages readable. */
  static final int MAX_KEY_LABEL_BYTES = 128;

  private final Path library;
  private final String tokenLabel;
  private final char[] pin;
  private final String keyLabel;
  private final boolean allowKeyCreation;

  private Pkcs11Config(Builder b) {
    this.library = b.library;
    this.tokenLabel = b.tokenLabel;
    this.pin = b.pin.clone();
    this.keyLabel = b.keyLabel;
    this.allowKeyCreation = b.allowKeyCreation;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Path library() {
    return library;
  }

  public String tokenLabel() {
    return tokenLabel;
  }

  public String keyLabel() {
    return keyLabel;
  }

  /** Whether a missing key may be generated on the token (the default) or is an error. */
  public boolean allowKeyCreation() {
    return allowKeyCreation;
  }

  /** A copy of the user PIN; the caller should overwrite it when done. */
  char[] pinCopy() {
    return pin.clone();
  }

  /** Overwrites the PIN held here; opening a root with this configuration then fails to log in. */
  public void clearPin() {
    Arrays.fill(pin, '\0');
  }

  @Override
  public String toString() {
    return "Pkcs11Config[library=" + library + ", token=" + tokenLabel + ", key=" + keyLabel
        + ", allowKeyCreation=" + allowKeyCreation + "]";
  }

  /** Builds a {@link Pkcs11Config}; library, token label, PIN and key label are required. */
  public static final class Builder {
    private Path library;
    private String tokenLabel;
    private char[] pin;
    private String keyLabel;
    private boolean allowKeyCreation = true;

    private Builder() {}

    /** The PKCS#11 module, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}; an absolute path. */
    public Builder library(Path library) {
      Objects.requireNonNull(library, "library");
      String s = library.toString();
      if (!library.isAbsolute()) {
        throw new IllegalArgumentException("PKCS#11 library path must be absolute, got " + s);
      }
      if (s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
        throw new IllegalArgumentException(
            "PKCS#11 library path must not contain quotes or line breaks, got " + s);
      }
      this.library = library;
      return this;
    }

    /** The label of the token (as {@code softhsm2-util --show-slots} or the vendor's tools show it). */
    public Builder tokenLabel(String tokenLabel) {
      this.tokenLabel = label(tokenLabel, "token label", MAX_TOKEN_LABEL_BYTES);
      return this;
    }

    /** The user PIN; copied, so the caller may overwrite its array afterwards. */
    public Builder pin(char[] pin) {
      Objects.requireNonNull(pin, "pin");
      if (pin.length == 0) {
        throw new IllegalArgumentException("PKCS#11 user PIN must not be empty");
      }
      this.pin = pin.clone();
      return this;
    }

    /** The label (CKA_LABEL) of the AES-256 secret key that is the root of trust. */
    public Builder keyLabel(String keyLabel) {
      this.keyLabel = label(keyLabel, "key label", MAX_KEY_LABEL_BYTES);
      return this;
    }

    /**
     * Whether a missing key may be generated on the token at first start (default {@code true}).
     * Production nodes after the first should set {@code false}, so a mistyped label fails instead
     * of creating a second root.
     */
    public Builder allowKeyCreation(boolean allowKeyCreation) {
      this.allowKeyCreation = allowKeyCreation;
      return this;
    }

    public Pkcs11Config build() {
      require(library != null, "library");
      require(tokenLabel != null, "token label");
      require(pin != null, "user PIN");
      require(keyLabel != null, "key label");
      Pkcs11Config config = new Pkcs11Config(this);
      Arrays.fill(pin, '\0');
      pin = null;
      return config;
    }

    private static void require(boolean set, String what) {
      if (!set) {
        throw new IllegalStateException("PKCS#11 root of trust: the " + what + " is not set");
      }
    }

    private static String label(String label, String what, int maxBytes) {
      Objects.requireNonNull(label, what);
      if (label.isBlank()) {
        throw new IllegalArgumentException("PKCS#11 " + what + " must not be blank");
      }
      if (!label.equals(label.strip())) {
        throw new IllegalArgumentException("PKCS#11 " + what + " must not start or end with"
            + " blanks (tokens pad labels with blanks), got '" + label + "'");
      }
      if (label.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
        throw new IllegalArgumentException(
            "PKCS#11 " + what + " must be at most " + maxBytes + " bytes of UTF-8, got '"
                + label + "'");
      }
      for (int i = 0; i < label.length(); i++) {
        if (Character.isISOControl(label.charAt(i)) || label.charAt(i) == '"') {
          throw new IllegalArgumentException(
              "PKCS#11 " + what + " must not contain control characters or quotes");
        }
      }
      return label;
    }
  }
}
