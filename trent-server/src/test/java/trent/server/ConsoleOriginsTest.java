package trent.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The console's origins: the names the admin listener is reached by, and no other. */
class ConsoleOriginsTest {

  @Test
  void onLoopbackTheLoopbackNames() {
    assertThat(ConsoleOrigins.of("127.0.0.1", 4600, null))
        .containsExactlyInAnyOrder("http://127.0.0.1:4600", "http://localhost:4600", "http://[::1]:4600");
    assertThat(ConsoleOrigins.of("::1", 4600, null)).contains("http://[::1]:4600", "http://localhost:4600");
  }

  @Test
  void onOneAddressThatAddressOnly() {
    assertThat(ConsoleOrigins.of("10.1.2.3", 9599, null)).containsExactly("http://10.1.2.3:9599");
    assertThat(ConsoleOrigins.of("kms.internal", 9599, null)).containsExactly("http://kms.internal:9599");
  }

  @Test
  void theConfiguredOriginIsAdded() {
    assertThat(ConsoleOrigins.of("10.1.2.3", 9599, "https://kms-console.example.com"))
        .containsExactlyInAnyOrder("http://10.1.2.3:9599", "https://kms-console.example.com");
  }

  @Test
  void onEveryAddressTheLoopbackNamesAndNothingOfOtherPorts() {
    assertThat(ConsoleOrigins.of("0.0.0.0", 4600, null)).contains("http://127.0.0.1:4600", "http://localhost:4600")
        .allMatch(o -> o.endsWith(":4600"));
  }
}
