package trent.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DerivedKeyAeadVectorsTest {

  static List<JsonNode> vectors() {
    return Vectors.cases("derived-key-aead-v1.json");
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("vectors")
  void derivesKeyAndIvWithHkdf(JsonNode v) {
    byte[] okm =
        HkdfSha256.derive(
            Vectors.hex(v, "nonce"),
            Vectors.hex(v, "backingKey"),
            DerivedKeyAead.HKDF_INFO.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            44);
    assertThat(Arrays.copyOf(okm, 32)).isEqualTo(Vectors.hex(v, "derivedKey"));
    assertThat(Arrays.copyOfRange(okm, 32, 44)).isEqualTo(Vectors.hex(v, "derivedIv"));
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("vectors")
  void encryptsToTheVectorAndDecryptsIt(JsonNode v) {
    try (DerivedKeyAead aead = DerivedKeyAead.create(SecretBytes.copyOf(Vectors.hex(v, "backingKey")))) {
      byte[] nonce = Vectors.hex(v, "nonce");
      byte[] aad = Vectors.hex(v, "associatedData");
      byte[] expected = Vectors.hex(v, "ciphertextAndTag");

      byte[] actual =
          aead.encrypt(MessageNonce.insecureFixedForTesting(nonce), Vectors.hex(v, "plaintext"), aad);

      assertThat(actual).isEqualTo(expected);
      assertThat(aead.decrypt(MessageNonce.fromCiphertext(nonce, 0), expected, aad))
          .isEqualTo(Vectors.hex(v, "plaintext"));
    }
  }
}
