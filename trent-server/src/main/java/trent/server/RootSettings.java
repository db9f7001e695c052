package trent.server;

import java.nio.file.Path;
import java.util.function.Supplier;

/** What the root of trust is: a key file (the default), a passphrase, a PKCS#11 token, or memory. */
public sealed interface RootSettings {

  /** A 256-bit key file; null means {@code root.key} in the data dir. */
  record KeyFile(Path file) implements RootSettings {}

  /**
   * A key derived from a passphrase with Argon2id; {@code parametersFile} (null: {@code root.pass}
   * in the data dir) keeps the salt, the parameters and a check value. The passphrase is asked
   * for once, at start, and its array is cleared after use.
   */
  record Passphrase(Path parametersFile, Supplier<char[]> passphrase) implements RootSettings {
    @Override
    public String toString() {
      return "Passphrase[parametersFile=" + parametersFile + "]";
    }
  }

  /** A non-extractable AES key inside a PKCS#11 token. The PIN is asked for once, at start. */
  record Pkcs11(Path library, String tokenLabel, Supplier<char[]> pin, String keyLabel, boolean allowKeyCreation)
      implements RootSettings {
    @Override
    public String toString() {
      return "Pkcs11[library=" + library + ", tokenLabel=" + tokenLabel + ", keyLabel=" + keyLabel + "]";
    }
  }

  /** A random key held in memory only, for in-memory servers. */
  record Ephemeral() implements RootSettings {}
}
