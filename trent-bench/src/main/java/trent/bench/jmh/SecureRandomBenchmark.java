package trent.bench.jmh;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import trent.crypto.ThreadLocalSecureRandom;

/**
 * 32 random bytes (a data key or a message nonce) from {@link ThreadLocalSecureRandom}, and, for
 * comparison, from one default {@link SecureRandom} (NativePRNG on Linux). Run with {@code -t 2}
 * to see contention on the shared one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SecureRandomBenchmark {

  private final ThreadLocalSecureRandom perThread = ThreadLocalSecureRandom.create();
  private final SecureRandom shared = new SecureRandom();

  @Benchmark
  public byte[] threadLocalDrbg32() {
    byte[] b = new byte[32];
    perThread.nextBytes(b);
    return b;
  }

  @Benchmark
  public byte[] defaultSecureRandom32() {
    byte[] b = new byte[32];
    shared.nextBytes(b);
    return b;
  }
}
