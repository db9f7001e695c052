package trent.crypto.mac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import trent.crypto.SecretBytes;
import trent.crypto.ThreadLocalSecureRandom;

class HmacTest {
  private static final ThreadLocalSecureRandom RANDOM = ThreadLocalSecureRandom.create();

  @ParameterizedTest
  @EnumSource(HmacKeySpec.class)
  void generatesVerifiesAndRejectsTamperedOrTruncatedMacs(HmacKeySpec spec) {
    HmacKey key = HmacKey.generate(spec, RANDOM);
    assertThat(key.revealKeyMaterial().length()).isEqualTo(spec.keyLength());
    byte[] message = {1, 2, 3};
    byte[] mac = Hmac.generateMac(key, spec.macAlgorithm(), message);
    assertThat(mac).hasSize(spec.macAlgorithm().macLength());
    assertThat(Hmac.verifyMac(key, spec.macAlgorithm(), message, mac)).isTrue();
    byte[] tampered = mac.clone();
    tampered[0] ^= 1;
    assertThat(Hmac.verifyMac(key, spec.macAlgorithm(), message, tampered)).isFalse();
    assertThat(Hmac.verifyMac(key, spec.macAlgorithm(), message, Arrays.copyOf(mac, mac.length - 1))).isFalse();
    assertThat(Hmac.verifyMac(key, spec.macAlgorithm(), new byte[] {1, 2, 4}, mac)).isFalse();
    HmacKey reloaded = HmacKey.fromKeyMaterial(spec, key.revealKeyMaterial());
    assertThat(Hmac.generateMac(reloaded, spec.macAlgorithm(), message)).isEqualTo(mac);
    assertThat(key.toString()).isEqualTo("HmacKey[" + spec + "]");
  }

  @Test
  void wrongAlgorithmAndWrongKeyLengthAreRejected() {
    HmacKey key = HmacKey.generate(HmacKeySpec.HMAC_256, RANDOM);
    assertThatThrownBy(() -> Hmac.generateMac(key, MacAlgorithm.HMAC_SHA_512, new byte[1]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HMAC_SHA_512").hasMessageContaining("HMAC_256");
    assertThatThrownBy(() -> HmacKey.fromKeyMaterial(HmacKeySpec.HMAC_256, SecretBytes.copyOf(new byte[31])))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
