package trent.domain.key;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The import token format: opaque to callers. Bytes {@code TIT1}, one byte giving the length of
 * the key id, the key id (ASCII), the 16-byte parameters id and the 32-byte secret of the
 * parameters. Only the secret's SHA-256 is stored with the parameters, so a token can only come
 * from GetParametersForImport; a forged or altered token names no parameters or fails the secret.
 */
public final class ImportTokens {

  private static final byte[] MAGIC = {'T', 'I', 'T', '1'};
  static final int PARAMETERS_ID_BYTES = 16;
  static final int SECRET_BYTES = 32;
  private static final int MAX_KEY_ID_LENGTH = 128;

  private ImportTokens() {}

  /** A token that parsed: which key and parameters it names, and the secret it carries. */
  public record Parsed(String keyId, String parametersId, byte[] secret) {
    @Override
    public String toString() {
      return "ImportToken[keyId=" + keyId + ", parametersId=" + parametersId + "]";
    }
  }

  static byte[] encode(String keyId, byte[] parametersId, byte[] secret) {
    byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
    if (id.length == 0 || id.length > MAX_KEY_ID_LENGTH || parametersId.length != PARAMETERS_ID_BYTES
        || secret.length != SECRET_BYTES) {
      throw new IllegalArgumentException("not an import token's parts");
    }
    return ByteBuffer.allocate(MAGIC.length + 1 + id.length + PARAMETERS_ID_BYTES + SECRET_BYTES)
        .put(MAGIC).put((byte) id.length).put(id).put(parametersId).put(secret).array();
  }

  /** The token's parts, or empty when it is not a token of this format. Never throws. */
  public static Optional<Parsed> parse(byte[] token) {
    if (token == null || token.length < MAGIC.length + 1 + PARAMETERS_ID_BYTES + SECRET_BYTES
        || !Arrays.equals(token, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      return Optional.empty();
    }
    int idLength = token[MAGIC.length] & 0xff;
    if (idLength == 0 || idLength > MAX_KEY_ID_LENGTH
        || token.length != MAGIC.length + 1 + idLength + PARAMETERS_ID_BYTES + SECRET_BYTES) {
      return Optional.empty();
    }
    int at = MAGIC.length + 1;
    for (int i = at; i < at + idLength; i++) {
      if (token[i] < 0x21 || token[i] > 0x7e) {
        return Optional.empty();
      }
    }
    String keyId = new String(token, at, idLength, StandardCharsets.US_ASCII);
    at += idLength;
    String parametersId = HexFormat.of().formatHex(token, at, at + PARAMETERS_ID_BYTES);
    at += PARAMETERS_ID_BYTES;
    return Optional.of(new Parsed(keyId, parametersId, Arrays.copyOfRange(token, at, at + SECRET_BYTES)));
  }

  /** What the parameters record stores of a secret: its SHA-256, hex. */
  static String secretDigest(byte[] secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
