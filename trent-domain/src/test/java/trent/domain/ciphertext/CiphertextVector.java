package trent.domain.ciphertext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import trent.crypto.SecretBytes;

/** One named case of {@code vectors/ciphertext-v1.json}. */
record CiphertextVector(
    String name,
    byte[] backingKey,
    String keyId,
    String keyMaterialId,
    byte[] nonce,
    Map<String, String> encryptionContext,
    byte[] plaintext,
    byte[] blob) {

  static final String RESOURCE = "/vectors/ciphertext-v1.json";

  @SuppressWarnings("unchecked")
  static List<CiphertextVector> all() {
    try (InputStream in = CiphertextVector.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE);
      }
      Map<String, Object> file =
          (Map<String, Object>) TestJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      HexFormat hex = HexFormat.of();
      return ((List<Map<String, Object>>) file.get("cases"))
          .stream()
          .map(c -> new CiphertextVector(
              (String) c.get("name"),
              hex.parseHex((String) c.get("backingKey")),
              (String) c.get("keyId"),
              (String) c.get("keyMaterialId"),
              hex.parseHex((String) c.get("nonce")),
              (Map<String, String>) c.get("encryptionContext"),
              hex.parseHex((String) c.get("plaintext")),
              hex.parseHex((String) c.get("blob"))))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  BackingKey backingKeyValue() {
    return BackingKey.of(keyId, keyMaterialId, SecretBytes.copyOf(backingKey));
  }

  EncryptionContext context() {
    return EncryptionContext.of(encryptionContext);
  }

  @Override
  public String toString() {
    return name;
  }
}
