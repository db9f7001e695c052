package trent.bench.jmh;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import trent.domain.ciphertext.EncryptionContext;

/**
 * {@link EncryptionContext#of} with three pairs, as a request's JSON map arrives: validating UTF-8,
 * sorting by key bytes and building the canonical encoding that goes into the AAD.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EncryptionContextBenchmark {

  private final Map<String, String> pairs = new LinkedHashMap<>(Fixtures.CONTEXT_PAIRS);

  @Benchmark
  public byte[] canonicalEncoding() {
    return EncryptionContext.of(pairs).toCanonicalBytes();
  }
}
