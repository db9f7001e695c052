package trent.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class HkdfSha256VectorsTest {

  static List<JsonNode> rfc5869() {
    return Vectors.cases("hkdf-sha256-rfc5869.json");
  }

  @ParameterizedTest(name = "RFC 5869 {index}: {0}")
  @MethodSource("rfc5869")
  void matchesRfc5869(JsonNode v) {
    byte[] salt = Vectors.hex(v, "salt");
    byte[] ikm = Vectors.hex(v, "ikm");
    byte[] info = Vectors.hex(v, "info");
    int length = v.get("length").asInt();

    byte[] prk = HkdfSha256.extract(salt, ikm);
    assertThat(prk).isEqualTo(Vectors.hex(v, "prk"));
    assertThat(HkdfSha256.expand(prk, info, length)).isEqualTo(Vectors.hex(v, "okm"));
    assertThat(HkdfSha256.derive(salt, ikm, info, length)).isEqualTo(Vectors.hex(v, "okm"));
  }

  @Test
  void vectorFileHasTheThreeSha256Cases() {
    assertThat(rfc5869()).hasSize(3);
  }

  @Test
  void shorterOutputIsAPrefixOfLongerOutput() {
    byte[] prk = HkdfSha256.extract(new byte[] {1}, new byte[] {2});
    byte[] longer = HkdfSha256.expand(prk, new byte[] {3}, 100);
    assertThat(HkdfSha256.expand(prk, new byte[] {3}, 33)).isEqualTo(java.util.Arrays.copyOf(longer, 33));
  }

  @Test
  void rejectsLengthsRfc5869Forbids() {
    byte[] prk = new byte[32];
    assertThatThrownBy(() -> HkdfSha256.expand(prk, new byte[0], 255 * 32 + 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HkdfSha256.expand(new byte[16], new byte[0], 32))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(HkdfSha256.expand(prk, new byte[0], 255 * 32)).hasSize(255 * 32);
  }
}
