package trent.server;

import java.io.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Where a secret the server needs at start (a passphrase, a PIN) comes from: an environment
 * variable, a file, or a prompt on the terminal. Never from the command line, where other users
 * could read it. The secret is read only when the supplier is called, once, at start.
 */
final class Secrets {

  private Secrets() {}

  static Supplier<char[]> source(String setting, String fromEnv, String fromFile, Boolean prompt, String promptText) {
    int chosen = (fromEnv != null ? 1 : 0) + (fromFile != null ? 1 : 0) + (Boolean.TRUE.equals(prompt) ? 1 : 0);
    if (chosen != 1) {
      throw new IllegalArgumentException(setting + ": give exactly one of fromEnv, fromFile and prompt: true");
    }
    if (fromEnv != null) {
      return () -> {
        String value = System.getenv(fromEnv);
        if (value == null || value.isEmpty()) {
          throw new IllegalArgumentException(setting + ".fromEnv: the environment variable " + fromEnv + " is not set");
        }
        return value.toCharArray();
      };
    }
    if (fromFile != null) {
      return () -> {
        try {
          String text = Files.readString(Path.of(fromFile), StandardCharsets.UTF_8);
          return text.strip().toCharArray();
        } catch (IOException e) {
          throw new UncheckedIOException(setting + ".fromFile: cannot read " + fromFile, e);
        }
      };
    }
    return () -> {
      Console console = System.console();
      if (console == null) {
        throw new IllegalArgumentException(setting + ".prompt: there is no terminal to ask on");
      }
      char[] value = console.readPassword("%s", promptText);
      if (value == null || value.length == 0) {
        throw new IllegalArgumentException(setting + ": no secret was entered");
      }
      return value;
    };
  }
}
