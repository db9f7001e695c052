package trent.bench.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import trent.domain.ciphertext.CiphertextFormat;
import trent.ops.datakey.GenerateDataKey;
import trent.ops.datakey.GenerateDataKeyWithoutPlaintext;
import trent.protocol.json.JsonCodec;

/**
 * Writing the answers of the data plane's hottest operations: a GenerateDataKeyWithoutPlaintext
 * answer (the blob of a 32-byte key, the key ARN, the key material id) and a GenerateDataKey
 * answer (the same and the 32-byte plaintext).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JsonCodecBenchmark {

  private static final String ARN = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  private static final String MATERIAL_ID = "a".repeat(64);

  private final JsonCodec codec = new JsonCodec();
  private final GenerateDataKeyWithoutPlaintext.Response withoutPlaintext;
  private final GenerateDataKey.Response withPlaintext;

  public JsonCodecBenchmark() {
    Random random = new Random(7);
    byte[] blob = new byte[CiphertextFormat.OVERHEAD + 32];
    byte[] key = new byte[32];
    random.nextBytes(blob);
    random.nextBytes(key);
    withoutPlaintext = new GenerateDataKeyWithoutPlaintext.Response(blob, ARN, MATERIAL_ID);
    withPlaintext = new GenerateDataKey.Response(blob, key, ARN, MATERIAL_ID);
  }

  @Benchmark
  public byte[] writeGenerateDataKeyWithoutPlaintextAnswer() throws JsonProcessingException {
    return codec.write(withoutPlaintext);
  }

  @Benchmark
  public byte[] writeGenerateDataKeyAnswer() throws JsonProcessingException {
    return codec.write(withPlaintext);
  }
}
