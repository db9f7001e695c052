package trent.crypto.keyring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import trent.crypto.IntegrityException;

class EphemeralRootOfTrustTest {

  @Test
  void wrapsForItselfOnly() {
    SecureRandom random = new SecureRandom();
    byte[] aad = "what".getBytes(StandardCharsets.UTF_8);
    try (EphemeralRootOfTrust one = EphemeralRootOfTrust.create(random);
        EphemeralRootOfTrust two = EphemeralRootOfTrust.create(random)) {
      byte[] wrapped = one.wrap(new byte[] {1, 2, 3}, aad);
      assertThat(one.unwrap(wrapped, aad)).containsExactly(1, 2, 3);
      assertThatThrownBy(() -> two.unwrap(wrapped, aad)).isInstanceOf(IntegrityException.class);
      assertThatThrownBy(() -> one.unwrap(wrapped, "other".getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(IntegrityException.class);
      assertThat(one.id()).startsWith("ephemeral:").isNotEqualTo(two.id());
    }
  }
}
