package trent.crypto.mac;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import trent.crypto.SecretBytes;
import trent.crypto.asymmetric.Wycheproof;

/** Wycheproof HMAC-SHA256 (subset, see {@code vectors/wycheproof/SOURCE.md}), case by case. */
class HmacWycheproofVectorsTest {

  @Test
  void hmacSha256() {
    List<String> failures = new ArrayList<>();
    List<Wycheproof.Case> cases = Wycheproof.cases("hmac_sha256_test.json");
    for (Wycheproof.Case c : cases) {
      assertThat(c.group.get("tagSize").asInt()).isEqualTo(256);
      HmacKey key = HmacKey.fromKeyMaterial(HmacKeySpec.HMAC_256, SecretBytes.copyOf(c.hex("key")));
      byte[] msg = c.hex("msg");
      byte[] tag = c.hex("tag");
      boolean verified = Hmac.verifyMac(key, MacAlgorithm.HMAC_SHA_256, msg, tag);
      boolean generatedEqual =
          Arrays.equals(Hmac.generateMac(key, MacAlgorithm.HMAC_SHA_256, msg), tag);
      boolean valid = c.result().equals("valid");
      if (verified != valid) {
        failures.add(c.fail("verifyMac gave " + verified));
      }
      if (generatedEqual != valid) {
        failures.add(c.fail("generateMac " + (valid ? "differs" : "matched an invalid tag")));
      }
    }
    assertThat(cases).hasSize(17);
    assertThat(failures).isEmpty();
  }
}
