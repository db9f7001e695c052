package trent.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JfrEventsSettingTest {

  private static final String PROPERTY = "io.netty.jfr.enabled";
  private final String before = System.getProperty(PROPERTY);

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(PROPERTY);
    } else {
      System.setProperty(PROPERTY, before);
    }
  }

  @Test
  void offWhenNobodyAsked() {
    System.clearProperty(PROPERTY);
    HttpServer.jfrEventsOffUnlessAsked();
    assertThat(System.getProperty(PROPERTY)).isEqualTo("false");
  }

  @Test
  void keptWhenTheJvmWasToldEither() {
    System.setProperty(PROPERTY, "true");
    HttpServer.jfrEventsOffUnlessAsked();
    assertThat(System.getProperty(PROPERTY)).isEqualTo("true");
  }
}
