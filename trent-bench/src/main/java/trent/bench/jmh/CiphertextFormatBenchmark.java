package trent.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import trent.crypto.SecretBytes;
import trent.crypto.ThreadLocalSecureRandom;
import trent.domain.ciphertext.BackingKey;
import trent.domain.ciphertext.CiphertextFormat;
import trent.domain.ciphertext.CiphertextHeader;
import trent.domain.ciphertext.EncryptionContext;

/**
 * {@link CiphertextFormat} on a 32-byte data key under a small encryption context: {@code seal} is
 * the crypto of {@code GenerateDataKey*} and {@code Encrypt}; {@code parseAndOpen} that of
 * {@code Decrypt} (read the header to find the key, then authenticate and decrypt).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CiphertextFormatBenchmark {

  private final CiphertextFormat format = new CiphertextFormat(ThreadLocalSecureRandom.create());
  private final EncryptionContext context = Fixtures.context();
  private SecretBytes dataKey;
  private BackingKey key;
  private byte[] blob;

  @Setup
  public void setUp() {
    dataKey = SecretBytes.copyOf(Fixtures.bytes(32, 5));
    key = Fixtures.backingKey();
    blob = seal();
  }

  @TearDown
  public void tearDown() {
    key.close();
    dataKey.destroy();
  }

  @Benchmark
  public byte[] seal() {
    return format.seal(key, dataKey, context);
  }

  @Benchmark
  public SecretBytes parseAndOpen() {
    CiphertextHeader header = format.parseHeader(blob);
    if (!header.keyId().equals(key.keyId())) {
      throw new AssertionError(header);
    }
    return format.open(key, blob, context);
  }
}
