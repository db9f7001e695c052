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

  @Test
  void smallDrawsComeFromTheBlockAndLeaveNothingBehindThem() {
    ThreadLocalSecureRandom random = ThreadLocalSecureRandom.create();
    byte[] first = new byte[32];
    random.nextBytes(first);
    ThreadLocalSecureRandom.Source source = random.sourceOfThisThread();
    assertThat(source.next).isEqualTo(32);
    // What was handed out is gone from the block; what was not is still there.
    assertThat(java.util.Arrays.copyOfRange(source.block, 0, 32)).containsOnly(0);
    assertThat(java.util.Arrays.copyOfRange(source.block, 32, ThreadLocalSecureRandom.BLOCK)).isNotEqualTo(
        new byte[ThreadLocalSecureRandom.BLOCK - 32]);
    byte[] rest = java.util.Arrays.copyOfRange(source.block, 32, 44);
    byte[] second = new byte[12];
    random.nextBytes(second);
    assertThat(second).isEqualTo(rest);
    assertThat(source.next).isEqualTo(44);
  }

  @Test
  void aDrawLongerThanWhatIsLeftTakesAFreshBlock() {
    ThreadLocalSecureRandom random = ThreadLocalSecureRandom.create();
    ThreadLocalSecureRandom.Source source = random.sourceOfThisThread();
    byte[] b = new byte[ThreadLocalSecureRandom.BUFFERED_REQUEST];
    int draws = ThreadLocalSecureRandom.BLOCK / b.length;
    for (int i = 0; i < draws; i++) {
      random.nextBytes(b);
    }
    assertThat(source.next).isEqualTo(ThreadLocalSecureRandom.BLOCK);
    assertThat(source.block).containsOnly(0);
    random.nextBytes(new byte[1]);
    assertThat(source.next).isEqualTo(1);
  }

  @Test
  void largeDrawsBypassTheBlock() {
    ThreadLocalSecureRandom random = ThreadLocalSecureRandom.create();
    random.nextBytes(new byte[8]);
    ThreadLocalSecureRandom.Source source = random.sourceOfThisThread();
    byte[] before = source.block.clone();
    byte[] large = new byte[ThreadLocalSecureRandom.BUFFERED_REQUEST + 1];
    random.nextBytes(large);
    assertThat(source.next).isEqualTo(8);
    assertThat(source.block).isEqualTo(before);
    assertThat(large).isNotEqualTo(new byte[large.length]);
  }

  @Test
  void reseedingDiscardsTheBlock() {
    ThreadLocalSecureRandom random = ThreadLocalSecureRandom.create();
    random.nextBytes(new byte[8]);
    ThreadLocalSecureRandom.Source source = random.sourceOfThisThread();
    random.reseed();
    assertThat(source.next).isEqualTo(ThreadLocalSecureRandom.BLOCK);
    assertThat(source.block).containsOnly(0);
    random.nextBytes(new byte[8]);
    random.setSeed(new byte[] {7});
    assertThat(source.next).isEqualTo(ThreadLocalSecureRandom.BLOCK);
    random.nextBytes(new byte[8]);
    random.setSeed(99L);
    assertThat(source.next).isEqualTo(ThreadLocalSecureRandom.BLOCK);
  }

  /**
   * Buffering must not bias the output: over 4 MiB drawn in 32-byte pieces, every byte value
   * appears about equally often (chi-square with 255 degrees of freedom; the bound is exceeded
   * by uniform bytes with a probability far below one in a billion).
   */
  @Test
  void bufferedOutputIsUniform() {
    ThreadLocalSecureRandom random = ThreadLocalSecureRandom.create();
    long[] counts = new long[256];
    byte[] b = new byte[32];
    int draws = (4 << 20) / b.length;
    for (int i = 0; i < draws; i++) {
      random.nextBytes(b);
      for (byte x : b) {
        counts[x & 0xff]++;
      }
    }
    double expected = (double) draws * b.length / 256;
    double chiSquare = 0;
    for (long c : counts) {
      chiSquare += (c - expected) * (c - expected) / expected;
    }
    assertThat(chiSquare).isLessThan(420.0);
  }
}
