package trent.rot.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Needs no token: the configuration alone. */
class Pkcs11ConfigTest {

  @Test
  void configRejectsBadSettingsWhenSet() {
    assertThatThrownBy(() -> Pkcs11Config.builder().library(Path.of("relative.so")))
        .hasMessageContaining("must be absolute");
    assertThatThrownBy(() -> Pkcs11Config.builder().tokenLabel(" padded"))
        .hasMessageContaining("must not start or end with blanks");
    assertThatThrownBy(() -> Pkcs11Config.builder().tokenLabel("x".repeat(33)))
        .hasMessageContaining("token label must be at most 32 bytes");
    assertThatThrownBy(() -> Pkcs11Config.builder().keyLabel("x".repeat(129)))
        .hasMessageContaining("key label must be at most 128 bytes");
    assertThatThrownBy(() -> Pkcs11Config.builder().pin(new char[0]))
        .hasMessageContaining("PIN must not be empty");
    assertThatThrownBy(() -> Pkcs11Config.builder().tokenLabel("t").build())
        .hasMessageContaining("the library is not set");
    char[] pin = "1234".toCharArray();
    Pkcs11Config config = Pkcs11Config.builder().library(Path.of("/x.so")).tokenLabel("t")
        .keyLabel("k").pin(pin).build();
    assertThat(config.toString()).doesNotContain("1234");
  }
  @Test
  void theIdDependsOnBothLabelsAndNothingElse() {
    assertThat(Pkcs11RootOfTrust.id("token", "key")).isEqualTo(Pkcs11RootOfTrust.id("token", "key"))
        .matches("pkcs11:[0-9a-f]{32}");
    assertThat(Pkcs11RootOfTrust.id("token", "key")).isNotEqualTo(Pkcs11RootOfTrust.id("token", "key2"));
    // Length prefixes keep ("ab", "c") and ("a", "bc") apart.
    assertThat(Pkcs11RootOfTrust.id("ab", "c")).isNotEqualTo(Pkcs11RootOfTrust.id("a", "bc"));
  }
}
