package trent.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThreadLocalSecureRandomTest {

  @Test
  void givesDistinctOutputAcrossCallsAndThreads() throws Exception {
    SecureRandom random = ThreadLocalSecureRandom.create();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      pool.submit(() -> {
        for (int i = 0; i < 250; i++) {
          byte[] b = new byte[16];
          random.nextBytes(b);
          seen.add(HexFormat.of().formatHex(b));
        }
      });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    assertThat(seen).hasSize(1000);
  }

  @Test
  void actsAsAnOrdinarySecureRandom() {
    SecureRandom random = ThreadLocalSecureRandom.create();
    random.setSeed(42L); // adds to the seed; must not make output predictable or fail
    random.setSeed(new byte[] {1, 2, 3});
    assertThat(random.nextInt(10)).isBetween(0, 9);
    assertThat(random.ints(5).count()).isEqualTo(5);
    assertThat(random.generateSeed(8)).hasSize(8);
    assertThat(random.getAlgorithm()).contains("DRBG");
    assertThat(random.getParameters()).isNotNull();
  }
}
