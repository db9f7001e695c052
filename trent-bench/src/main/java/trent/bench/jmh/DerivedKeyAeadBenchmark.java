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
import trent.crypto.DerivedKeyAead;
import trent.crypto.MessageNonce;
import trent.crypto.SecretBytes;
import trent.crypto.ThreadLocalSecureRandom;

/**
 * {@link DerivedKeyAead} on a 32-byte data key with a small encryption context as associated data:
 * one HKDF-SHA256 and one AES-256-GCM per call. {@code seal} includes drawing the 32-byte nonce.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DerivedKeyAeadBenchmark {

  private final ThreadLocalSecureRandom random = ThreadLocalSecureRandom.create();
  private final byte[] dataKey = Fixtures.bytes(32, 1);
  private final byte[] aad = Fixtures.context().toCanonicalBytes();
  private DerivedKeyAead aead;
  private byte[] nonceAndCiphertext;

  @Setup
  public void setUp() {
    try (SecretBytes key = SecretBytes.copyOf(Fixtures.bytes(DerivedKeyAead.KEY_LENGTH, 3))) {
      aead = DerivedKeyAead.create(key);
    }
    nonceAndCiphertext = seal();
  }

  @TearDown
  public void tearDown() {
    aead.close();
  }

  /** Nonce ‖ ciphertext ‖ tag of {@link #dataKey}. */
  @Benchmark
  public byte[] seal() {
    MessageNonce nonce = MessageNonce.random(random);
    byte[] out = new byte[MessageNonce.LENGTH + dataKey.length + DerivedKeyAead.TAG_LENGTH];
    nonce.copyTo(out, 0);
    aead.encrypt(nonce, dataKey, aad, out, MessageNonce.LENGTH);
    return out;
  }

  @Benchmark
  public byte[] open() {
    return aead.decrypt(MessageNonce.fromCiphertext(nonceAndCiphertext, 0), nonceAndCiphertext,
        MessageNonce.LENGTH, nonceAndCiphertext.length - MessageNonce.LENGTH, aad);
  }

  @Benchmark
  public byte[] sealThenOpen() {
    byte[] sealed = seal();
    return aead.decrypt(MessageNonce.fromCiphertext(sealed, 0), sealed,
        MessageNonce.LENGTH, sealed.length - MessageNonce.LENGTH, aad);
  }
}
