package trent.domain.key;

import java.util.Arrays;

/**
 * The import token parser: callers send ImportToken to ImportKeyMaterial as any bytes. A token
 * that does not parse names no import parameters.
 *
 * <p>Allowed outcome: a parsed token or empty; no exception at all. A parsed token must have a
 * non-empty printable key id, a 32-hex-digit parameters id and a 32-byte secret, and must
 * round-trip through the encoder to the same bytes.
 */
public final class ImportTokenFuzzer {

  private ImportTokenFuzzer() {}

  /** Called by Jazzer once before fuzzing, as {@code GrantTokenFuzzer} does. */
  public static void fuzzerInitialize() {
    fuzzerTestOneInput(ImportTokens.encode("k", new byte[ImportTokens.PARAMETERS_ID_BYTES],
        new byte[ImportTokens.SECRET_BYTES]));
  }

  public static void fuzzerTestOneInput(byte[] data) {
    ImportTokens.parse(data).ifPresent(parsed -> {
      if (parsed.keyId().isEmpty() || !parsed.parametersId().matches("[0-9a-f]{32}")
          || parsed.secret().length != ImportTokens.SECRET_BYTES) {
        throw new IllegalStateException("parsed a token with a malformed part");
      }
      byte[] again = ImportTokens.encode(parsed.keyId(), java.util.HexFormat.of().parseHex(parsed.parametersId()),
          parsed.secret());
      if (!Arrays.equals(again, data)) {
        throw new IllegalStateException("a parsed token does not round-trip");
      }
    });
  }
}
