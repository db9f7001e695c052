package trent.fuzz;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import trent.domain.grant.GrantTokenFuzzer;
import trent.domain.key.ImportTokenFuzzer;

/** The fuzz targets, by the name {@code ./fuzz} takes, each with its seed corpus folder. */
enum FuzzTarget {
  REQUEST(RequestFuzzer.class, RequestFuzzer::fuzzerTestOneInput),
  SIGV4(SigV4Fuzzer.class, SigV4Fuzzer::fuzzerTestOneInput),
  CIPHERTEXT(CiphertextFuzzer.class, CiphertextFuzzer::fuzzerTestOneInput),
  POLICY(PolicyFuzzer.class, PolicyFuzzer::fuzzerTestOneInput),
  GRANT_TOKEN(GrantTokenFuzzer.class, GrantTokenFuzzer::fuzzerTestOneInput),
  IMPORT_TOKEN(ImportTokenFuzzer.class, ImportTokenFuzzer::fuzzerTestOneInput);

  final Class<?> targetClass;
  private final Consumer<byte[]> bytesTarget;

  FuzzTarget(Class<?> targetClass, Consumer<byte[]> bytesTarget) {
    this.targetClass = targetClass;
    this.bytesTarget = bytesTarget;
  }

  String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The checked-in seed corpus, {@code src/test/resources/corpus/<id>}. */
  Path corpus() {
    return Path.of("src", "test", "resources", "corpus", id());
  }

  /** Runs one input in this JVM, as Jazzer does. */
  void run(byte[] input) {
    bytesTarget.accept(input);
  }

  static List<FuzzTarget> selected(String names) {
    if (names == null || names.isBlank() || names.equals("all")) {
      return List.of(values());
    }
    return Arrays.stream(names.split(",")).map(String::trim)
        .map(n -> valueOf(n.toUpperCase(Locale.ROOT).replace('-', '_'))).toList();
  }
}
