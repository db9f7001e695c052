package trent.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LeakDetectionSettingTest {

  private final ResourceLeakDetector.Level before = ResourceLeakDetector.getLevel();
  private final String property = System.getProperty("io.netty.leakDetection.level");

  @AfterEach
  void restore() {
    ResourceLeakDetector.setLevel(before);
    if (property == null) {
      System.clearProperty("io.netty.leakDetection.level");
    } else {
      System.setProperty("io.netty.leakDetection.level", property);
    }
  }

  @Test
  void offWhenNobodyAskedForALevel() {
    System.clearProperty("io.netty.leakDetection.level");
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.SIMPLE);
    HttpServer.leakDetectionOffUnlessAsked();
    assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.DISABLED);
  }

  @Test
  void keptWhenTheJvmWasToldALevel() {
    System.setProperty("io.netty.leakDetection.level", "paranoid");
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    HttpServer.leakDetectionOffUnlessAsked();
    assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
  }
}
